/* audit.c — the audit log screen (ui/audit.h): a paged list of entries,
 * newest first, and one entry in full. */
#include "audit_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/i18n.h"
#include "lmskurs/role.h"
#include "lmskurs/ui/dialog.h"
#include "lmskurs/ui/uitext.h"

/* ---- rows ---- */

static char *dup_or_empty(const char *s)
{
	return strdup(s ? s : "");
}

/* "Thu 04.03.2027 wk 9 12:30" from "2027-03-04T12:30:05"; the stamp as
 * it is when it does not read as one. */
static char *when_text(const char *at)
{
	char iso[11], day[48];
	lk_date d;
	if (!at || strlen(at) < 16)
		return dup_or_empty(at);
	snprintf(iso, sizeof iso, "%.10s", at);
	if (date_parse(iso, &d, NULL) < 0)
		return dup_or_empty(at);
	uitext_date(d, day);
	return uitext_printf("%s %.5s", day, at + 11);
}

static char *record_text(const lk_audit_entry *e)
{
	if (e->entity_id)
		return uitext_printf("%s %lld", e->entity, (long long)e->entity_id);
	return dup_or_empty(e->entity);
}

static const char *role_text(const char *code)
{
	lk_role r;
	return role_parse(code, &r) == 0 ? role_label(r) : code;
}

lk_audit_row *audit_row_new(const lk_audit_entry *e)
{
	lk_audit_row *r = calloc(1, sizeof *r);
	if (!r)
		return NULL;
	r->e = (lk_audit_entry){.id = e->id, .entity_id = e->entity_id,
		.at = dup_or_empty(e->at), .login = dup_or_empty(e->login), .role = dup_or_empty(e->role),
		.action = dup_or_empty(e->action), .entity = dup_or_empty(e->entity),
		.detail = dup_or_empty(e->detail), .hash = dup_or_empty(e->hash)};
	r->when = when_text(e->at);
	r->role = dup_or_empty(role_text(e->role));
	r->record = record_text(e);
	lk_audit_entry *c = &r->e;
	if (c->at && c->login && c->role && c->action && c->entity && c->detail && c->hash &&
	    r->when && r->role && r->record)
		return r;
	audit_row_free(r);
	return NULL;
}

void audit_row_free(void *row)
{
	lk_audit_row *r = row;
	if (!r)
		return;
	audit_entry_free(&r->e);
	free(r->when);
	free(r->role);
	free(r->record);
	free(r);
}

/* ---- words ---- */

char *audit_filter_words(const lk_audit_filter *f)
{
	char from[11] = "", to[11] = "", who[64] = "";
	if (f->from.year)
		date_show(f->from, from);
	if (f->to.year)
		date_show(f->to, to);
	if (f->participant_id)
		snprintf(who, sizeof who, _("participant no. %lld"), (long long)f->participant_id);
	const char *sep = (from[0] || to[0]) && who[0] ? ", " : "";
	if (from[0] && to[0])
		return uitext_printf(_("from %s to %s%s%s"), from, to, sep, who);
	if (from[0])
		return uitext_printf(_("from %s%s%s"), from, sep, who);
	if (to[0])
		return uitext_printf(_("up to %s%s%s"), to, sep, who);
	return strdup(who);
}

char *audit_entry_text(const lk_audit_entry *e)
{
	char *when = when_text(e->at), *record = record_text(e);
	char *t = uitext_printf("%s %lld\n%s %s (%s)\n%s %s (%s)\n%s %s\n%s %s\n%s %s\n%s %s",
		_("Entry:"), (long long)e->id,
		_("When:"), when ? when : "", e->at,
		_("Who:"), e->login, role_text(e->role),
		_("Action:"), e->action,
		_("Record:"), record ? record : "",
		_("Detail:"), e->detail[0] ? e->detail : "–",
		_("Hash:"), e->hash[0] ? e->hash : _("none (written before the chain began)"));
	free(when);
	free(record);
	return t;
}

char *audit_verdict_text(const lk_audit_verdict *v)
{
	if (v->state != LK_CHAIN_INTACT)
		return strdup(v->line);
	char *older = v->unchained ? uitext_printf(ngettext(" (and %lld older entry from before the chain)",
		" (and %lld older entries from before the chain)", (unsigned long)v->unchained),
		(long long)v->unchained) : strdup("");
	char *t = uitext_printf(ngettext("The audit log is intact: %lld entry%s; the newest hash begins %.16s.",
		"The audit log is intact: %lld entries%s; the newest hash begins %.16s.", (unsigned long)v->entries),
		(long long)v->entries, older ? older : "", v->head[0] ? v->head : "–");
	free(older);
	return t;
}

/* ---- the list source ---- */

static lk_audit_filter source_filter(const lk_list *l)
{
	lk_audit_filter f = ((const lk_audit_source *)l->arg)->f;
	f.text = l->filter;
	f.oldest_first = false;
	return f;
}

static int64_t audit_count(lk_list *l, lk_err *err)
{
	lk_audit_filter f = source_filter(l);
	return auditlog_count(((lk_audit_source *)l->arg)->ctx, &f, err);
}

struct fetch_ctx {
	lk_list *l;
	lk_err *err;
	int rc;
};

static int fetch_one(void *arg, const lk_audit_entry *e)
{
	struct fetch_ctx *fc = arg;
	lk_audit_row *r = audit_row_new(e);
	fc->rc = r ? list_add_row(fc->l, r, fc->err) : lk_fail(fc->err, LK_ENOMEM, _("Out of memory."));
	return fc->rc < 0;
}

static int audit_fetch(lk_list *l, lk_page page, lk_err *err)
{
	lk_audit_filter f = source_filter(l);
	struct fetch_ctx fc = {l, err, 0};
	if (auditlog_list(((lk_audit_source *)l->arg)->ctx, &f, page, fetch_one, &fc, err) < 0)
		return -1;
	return fc.rc;
}

static int64_t audit_row_id(const void *row)
{
	return ((const lk_audit_row *)row)->e.id;
}

static lk_style audit_cells(const void *row, const char **cells)
{
	const lk_audit_row *r = row;
	cells[0] = r->when;
	cells[1] = r->e.login;
	cells[2] = r->role;
	cells[3] = r->e.action;
	cells[4] = r->record;
	cells[5] = r->e.detail;
	return LK_STYLE_NORMAL;
}

static const lk_column audit_cols[] = {
	{N_("When"), 26, 0},
	{N_("Login"), 6, 1},
	{N_("Role"), 0, 1},
	{N_("Action"), 10, 1},
	{N_("Record"), 9, 1},
	{N_("Detail"), 0, 3},
};

const lk_list_ops audit_list_ops = {
	.cols = audit_cols, .ncols = 6,
	.count = audit_count, .fetch = audit_fetch, .row_free = audit_row_free,
	.row_id = audit_row_id, .row_cells = audit_cells,
	.empty_text = N_("No entries in this period, or about this participant."),
	.no_match_text = N_("No entry matches the filter; Esc clears it."),
};

/* ---- the Audit log view ---- */

typedef struct audit_state {
	lk_audit_source src;
	lk_list list;
} audit_state;

static int audit_open(lk_view *v, const void *arg, lk_err *err)
{
	audit_state *s = v->state;
	if (role_require(v->ui->ctx, LK_PERM_READ_AUDIT, err) < 0)
		return -1;
	s->src = (lk_audit_source){.ctx = v->ui->ctx};
	if (arg)
		s->src.f.participant_id = *(const int64_t *)arg;
	list_init(&s->list, &audit_list_ops, &s->src);
	return list_reload(&s->list, err);
}

static void audit_done(lk_view *v)
{
	list_fini(&((audit_state *)v->state)->list);
}

static int audit_reload(lk_view *v, lk_err *err)
{
	return list_reload(&((audit_state *)v->state)->list, err);
}

static lk_list *audit_list(lk_view *v)
{
	return &((audit_state *)v->state)->list;
}

static char *audit_title(lk_view *v)
{
	audit_state *s = v->state;
	const lk_list *l = &s->list;
	char *words = audit_filter_words(&s->src.f);
	char *t;
	if (l->filter)
		t = uitext_printf(_("Audit log: %lld matching \"%s\"%s%s"), (long long)l->total, l->filter,
			words && *words ? ", " : "", words ? words : "");
	else
		t = uitext_printf(ngettext("Audit log: %lld entry%s%s", "Audit log: %lld entries%s%s",
			(unsigned long)l->total), (long long)l->total, words && *words ? ", " : "", words ? words : "");
	free(words);
	return t;
}

static void audit_verify(lk_ui *ui)
{
	lk_err err;
	lk_audit_verdict vd;
	if (auditlog_verify(ui->ctx, &vd, &err) < 0) {
		ui_status_err(ui, &err);
		return;
	}
	char *t = audit_verdict_text(&vd);
	if (vd.state == LK_CHAIN_INTACT)
		ui_status(ui, LK_STYLE_OK, "%s", t ? t : "");
	else
		dialog_error(ui, _("The audit log was changed"), t ? t : vd.line);
	free(t);
}

static bool audit_request(lk_view *v, lk_action a)
{
	audit_state *s = v->state;
	const lk_audit_row *r = list_selected(&s->list);
	switch (a) {
	case LK_ACT_OPEN:
		if (r)
			ui_push(v->ui, &audit_entry_view, &r->e, NULL);
		else
			ui_status(v->ui, LK_STYLE_WARNING, "%s", _("No entry is selected."));
		return true;
	case LK_ACT_AUDIT_FILTER: ui_push(v->ui, &audit_filter_view, NULL, NULL); return true;
	case LK_ACT_AUDIT_EXPORT: ui_push(v->ui, &audit_export_view, NULL, NULL); return true;
	case LK_ACT_AUDIT_VERIFY: audit_verify(v->ui); return true;
	default: return false;
	}
}

static const lk_action audit_actions[] = {
	LK_ACT_MOVE_UP, LK_ACT_MOVE_DOWN, LK_ACT_PAGE_UP, LK_ACT_PAGE_DOWN,
	LK_ACT_MOVE_FIRST, LK_ACT_MOVE_LAST, LK_ACT_OPEN, LK_ACT_BACK, LK_ACT_FILTER,
	LK_ACT_AUDIT_FILTER, LK_ACT_AUDIT_EXPORT, LK_ACT_AUDIT_VERIFY, 0,
};

static const lk_action audit_hints[] = {
	LK_ACT_OPEN, LK_ACT_FILTER, LK_ACT_AUDIT_FILTER, LK_ACT_AUDIT_EXPORT, LK_ACT_AUDIT_VERIFY,
	LK_ACT_BACK, 0,
};

lk_audit_filter *audit_view_filter(lk_view *v, const char **text)
{
	if (!v || v->ops != &audit_view)
		return NULL;
	audit_state *s = v->state;
	if (text)
		*text = s->list.filter;
	return &s->src.f;
}

const lk_view_ops audit_view = {
	.name = "audit",
	.label = N_("Audit log"),
	.state_size = sizeof(audit_state),
	.actions = audit_actions,
	.hints = audit_hints,
	.open = audit_open,
	.done = audit_done,
	.title = audit_title,
	.reload = audit_reload,
	.list = audit_list,
	.request = audit_request,
};

/* ---- one entry in full ---- */

typedef struct entry_state {
	lk_audit_row *row; /* entries never change: a copy is the truth */
	char *text;
} entry_state;

static int entry_open(lk_view *v, const void *arg, lk_err *err)
{
	entry_state *s = v->state;
	if (!(s->row = audit_row_new(arg)) || !(s->text = audit_entry_text(&s->row->e)))
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	return 0;
}

static void entry_done(lk_view *v)
{
	entry_state *s = v->state;
	audit_row_free(s->row);
	free(s->text);
}

static char *entry_title(lk_view *v)
{
	entry_state *s = v->state;
	return uitext_printf(_("Audit log entry %lld"), (long long)s->row->e.id);
}

static void entry_draw(lk_view *v, lk_rect r)
{
	entry_state *s = v->state;
	lk_rect in = {r.y + 1, r.x + 2, r.h - 1, r.w - 4};
	screen_wrap(v->ui, in, s->text, LK_STYLE_NORMAL);
	screen_cursor(v->ui, in.y, in.x);
}

static const lk_action entry_actions[] = {LK_ACT_BACK, 0};

const lk_view_ops audit_entry_view = {
	.name = "audit-entry",
	.label = N_("Audit log entry"),
	.state_size = sizeof(entry_state),
	.actions = entry_actions,
	.hints = entry_actions,
	.open = entry_open,
	.done = entry_done,
	.title = entry_title,
	.draw = entry_draw,
};
