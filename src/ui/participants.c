/*
 * participants.c — every participant as a paged list, searched as you
 * type (/): each keystroke re-queries participant_count and one page of
 * participant_search, never all rows. Coordinators see the selected
 * participant's contact details under the list, read when the selection
 * moves to them (participant_get, which logs the read); other roles see
 * names only.
 */
#include "lmskurs/ui/participants.h"

#include <stdlib.h>
#include <string.h>

#include "lmskurs/i18n.h"
#include "lmskurs/role.h"
#include "lmskurs/ui/dialog.h"
#include "lmskurs/ui/uitext.h"

/* ---- the list source ---- */

typedef struct part_row {
	lk_participant p;   /* without contact details */
	char no[24];
	char added[48];
} part_row;

static int64_t part_count(lk_list *l, lk_err *err)
{
	return participant_count(l->arg, l->filter, err);
}

static void part_row_free(void *row)
{
	participant_free(&((part_row *)row)->p);
	free(row);
}

/* "Thu 04.03.2027 wk 9" from "2027-03-04T…", or "" when unreadable. */
static void added_text(const char *created_at, char out[static 48])
{
	char iso[11] = "";
	lk_date d;
	out[0] = '\0';
	if (created_at && strlen(created_at) >= 10)
		memcpy(iso, created_at, 10);
	if (iso[0] && date_parse(iso, &d, NULL) == 0)
		uitext_date(d, out);
}

static part_row *part_row_new(const lk_participant *p)
{
	part_row *r = calloc(1, sizeof *r);
	if (!r)
		return NULL;
	r->p.id = p->id;
	r->p.version = p->version;
	r->p.name = strdup(p->name ? p->name : "");
	r->p.created_at = strdup(p->created_at ? p->created_at : "");
	snprintf(r->no, sizeof r->no, "%lld", (long long)p->id);
	added_text(p->created_at, r->added);
	if (r->p.name && r->p.created_at)
		return r;
	part_row_free(r);
	return NULL;
}

struct fetch_ctx {
	lk_list *l;
	lk_err *err;
	int rc;
};

static int fetch_one(void *arg, const lk_participant *p)
{
	struct fetch_ctx *fc = arg;
	part_row *r = part_row_new(p);
	fc->rc = r ? list_add_row(fc->l, r, fc->err) : lk_fail(fc->err, LK_ENOMEM, _("Out of memory."));
	return fc->rc < 0;
}

static int part_fetch(lk_list *l, lk_page page, lk_err *err)
{
	struct fetch_ctx fc = {l, err, 0};
	if (participant_search(l->arg, l->filter, page, fetch_one, &fc, err) < 0)
		return -1;
	return fc.rc;
}

static int64_t part_row_id(const void *row)
{
	return ((const part_row *)row)->p.id;
}

static lk_style part_cells(const void *row, const char **cells)
{
	const part_row *r = row;
	cells[0] = r->p.name;
	cells[1] = r->no;
	cells[2] = r->added;
	return LK_STYLE_NORMAL;
}

static const lk_column part_cols[] = {
	{N_("Name"), 16, 4},
	{N_("No."), 6, 0},
	{N_("Added"), 20, 0},
};

const lk_list_ops participants_list_ops = {
	.cols = part_cols, .ncols = 3,
	.count = part_count, .fetch = part_fetch, .row_free = part_row_free,
	.row_id = part_row_id, .row_cells = part_cells,
	.empty_text = N_("No participants yet."),
	.no_match_text = N_("Nobody matches the search."),
};

/* ---- deleting ---- */

bool participants_delete(lk_ui *ui, int64_t id, int64_t version, const char *name)
{
	lk_err err;
	if (role_require(ui->ctx, LK_PERM_EDIT_PARTICIPANTS, &err) < 0) {
		ui_status_err(ui, &err);
		return false;
	}
	char *q = uitext_printf(_("Delete %s (no. %lld)? Their cancelled and finished places and their attendance go with them. Someone with a place in a run that is not over cannot be deleted: cancel that place first."),
		name, (long long)id);
	bool yes = q && dialog_confirm(ui, _("Delete participant"), q);
	free(q);
	if (!yes) {
		ui_status(ui, LK_STYLE_NORMAL, "%s", _("Nothing was deleted."));
		return false;
	}
	if (participant_delete(ui->ctx, id, version, &err) < 0) {
		dialog_error(ui, _("Not deleted"), err.msg);
		return false;
	}
	ui_status(ui, LK_STYLE_OK, _("Deleted %s."), name);
	return true;
}

/* ---- the view ---- */

typedef struct part_state {
	lk_list list;
	int64_t pane_id;      /* whose contact details pane holds (0: none) */
	lk_participant pane;
	char *pane_error;     /* owned: why the pane could not be read */
} part_state;

static void pane_clear(part_state *s)
{
	participant_free(&s->pane);
	free(s->pane_error);
	s->pane_error = NULL;
	s->pane_id = 0;
}

static void part_pick_ops(lk_view *v)
{
	bool edits = role_allows(v->ui->ctx->role, LK_PERM_EDIT_PARTICIPANTS);
	v->ops = edits ? &participants_view : &participants_view_readonly;
}

static int part_open(lk_view *v, const void *arg, lk_err *err)
{
	(void)arg;
	part_state *s = v->state;
	part_pick_ops(v);
	list_init(&s->list, &participants_list_ops, v->ui->ctx);
	if (role_require(v->ui->ctx, LK_PERM_READ_PARTICIPANTS, err) < 0)
		return -1;
	return list_reload(&s->list, err);
}

static void part_done(lk_view *v)
{
	part_state *s = v->state;
	list_fini(&s->list);
	pane_clear(s);
}

static int part_reload(lk_view *v, lk_err *err)
{
	part_state *s = v->state;
	pane_clear(s); /* read again: it may have changed */
	part_pick_ops(v);
	return list_reload(&s->list, err);
}

static lk_list *part_list(lk_view *v)
{
	return &((part_state *)v->state)->list;
}

static char *part_title(lk_view *v)
{
	const lk_list *l = part_list(v);
	if (l->filter)
		return uitext_printf(_("Participants: %lld matching \"%s\""), (long long)l->total, l->filter);
	return uitext_printf(ngettext("Participants: %lld participant", "Participants: %lld participants",
		(unsigned long)l->total), (long long)l->total);
}

/* Reads the selected participant's contact details when the selection
 * moved to someone else (each read is logged by the core). */
static void pane_sync(part_state *s, lk_ctx *ctx)
{
	const part_row *r = list_selected(&s->list);
	int64_t id = r ? r->p.id : 0;
	if (id == s->pane_id)
		return;
	pane_clear(s);
	s->pane_id = id;
	lk_err err;
	if (id && participant_get(ctx, id, &s->pane, &err) < 0)
		s->pane_error = strdup(err.msg);
}

/* "No. 7 · Phone +4791234567 · E-mail kari@example.no · Born 1961". */
static char *pane_text(const part_state *s)
{
	const lk_participant *p = &s->pane;
	if (s->pane_error)
		return uitext_printf("! %s", s->pane_error);
	if (!s->pane_id)
		return strdup("");
	char born[16] = "–";
	if (p->birth_year)
		snprintf(born, sizeof born, "%d", p->birth_year);
	const char *none = _("(not given)");
	return uitext_printf(_("No. %lld · Phone: %s · E-mail: %s · Born: %s"), (long long)p->id,
		p->phone && *p->phone ? p->phone : none, p->email && *p->email ? p->email : none, born);
}

static void part_draw(lk_view *v, lk_rect r)
{
	part_state *s = v->state;
	bool contact = role_allows(v->ui->ctx->role, LK_PERM_READ_CONTACT);
	int pane = r.h >= 8 ? 2 : 0;
	ui_draw_list(v->ui, &s->list, (lk_rect){r.y, r.x, r.h - pane, r.w});
	if (!pane)
		return;
	char *t = NULL;
	if (contact) {
		pane_sync(s, v->ui->ctx);
		t = pane_text(s);
	}
	const char *shown = contact ? (t ? t : "") : _("Names only: contact details are for coordinators.");
	lk_style st = s->pane_error ? LK_STYLE_WARNING : LK_STYLE_DIM;
	screen_text(v->ui, r.y + r.h - 1, r.x + 2, r.w - 2, shown, st);
	free(t);
}

/* Refuses early (status line) what the role may not do. */
static bool may_edit(lk_ui *ui)
{
	lk_err err;
	if (role_require(ui->ctx, LK_PERM_EDIT_PARTICIPANTS, &err) == 0)
		return true;
	ui_status_err(ui, &err);
	return false;
}

/* The row is copied first: the dialog does not re-read, but deleting does. */
static void part_delete_selected(lk_view *v, const part_row *r)
{
	char *name = strdup(r->p.name);
	int64_t id = r->p.id, version = r->p.version;
	lk_err err;
	if (name && participants_delete(v->ui, id, version, name) && part_reload(v, &err) < 0)
		ui_status_err(v->ui, &err);
	free(name);
}

static bool part_request(lk_view *v, lk_action a)
{
	part_state *s = v->state;
	const part_row *r = list_selected(&s->list);
	switch (a) {
	case LK_ACT_ADD:
		if (may_edit(v->ui))
			ui_push(v->ui, &participant_form_view, NULL, NULL);
		return true;
	case LK_ACT_OPEN: case LK_ACT_EDIT: case LK_ACT_DELETE: break;
	default: return false;
	}
	if (!r) {
		ui_status(v->ui, LK_STYLE_WARNING, "%s", _("Nobody is selected."));
	} else if (a == LK_ACT_OPEN) {
		ui_push(v->ui, &participant_detail_view, &r->p.id, NULL);
	} else if (a == LK_ACT_EDIT && may_edit(v->ui)) {
		lk_participant_form_arg fa = {.id = r->p.id};
		ui_push(v->ui, &participant_form_view, &fa, NULL);
	} else if (a == LK_ACT_DELETE) {
		part_delete_selected(v, r);
	}
	return true;
}

#define PART_MOVES \
	LK_ACT_MOVE_UP, LK_ACT_MOVE_DOWN, LK_ACT_PAGE_UP, LK_ACT_PAGE_DOWN, \
	LK_ACT_MOVE_FIRST, LK_ACT_MOVE_LAST, LK_ACT_OPEN, LK_ACT_BACK, LK_ACT_FILTER

static const lk_action part_actions[] = {PART_MOVES, LK_ACT_ADD, LK_ACT_EDIT, LK_ACT_DELETE, 0};
static const lk_action part_hints[] = {
	LK_ACT_FILTER, LK_ACT_OPEN, LK_ACT_ADD, LK_ACT_EDIT, LK_ACT_DELETE, LK_ACT_BACK, 0,
};
static const lk_action part_readonly_actions[] = {PART_MOVES, 0};
static const lk_action part_readonly_hints[] = {LK_ACT_FILTER, LK_ACT_OPEN, LK_ACT_BACK, 0};

#define PART_OPS(nm, acts, hnts) { \
	.name = nm, .label = N_("Participants"), .state_size = sizeof(part_state), \
	.actions = acts, .hints = hnts, .open = part_open, .done = part_done, \
	.title = part_title, .reload = part_reload, .list = part_list, .draw = part_draw, \
	.request = part_request, }

const lk_view_ops participants_view = PART_OPS("participants", part_actions, part_hints);
const lk_view_ops participants_view_readonly = PART_OPS("participants-readonly", part_readonly_actions,
	part_readonly_hints);
