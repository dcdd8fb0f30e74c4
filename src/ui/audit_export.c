/* audit_export.c — the entries the audit log screen shows, written to a
 * CSV file (ui/audit.h): the file name and whether it is for Excel, then
 * auditlog_export (oldest first, logged) into a 0600 file written whole. A
 * refusal keeps the form open with the message next to its field. */
#include "audit_internal.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "lmskurs/csv.h"
#include "lmskurs/i18n.h"
#include "lmskurs/role.h"
#include "lmskurs/text.h"
#include "lmskurs/ui/form.h"
#include "lmskurs/ui/uitext.h"

/* ---- the file ---- */

static const char *const csv_header[] = {
	"id", "at", "login", "role", "action", "entity", "entity_id", "detail", "hash",
};

struct csv_job {
	lk_csv_writer *w;
	lk_err err;
	bool failed;
};

static int csv_entry(void *arg, const lk_audit_entry *e)
{
	struct csv_job *j = arg;
	char id[24], eid[24] = "";
	snprintf(id, sizeof id, "%lld", (long long)e->id);
	if (e->entity_id)
		snprintf(eid, sizeof eid, "%lld", (long long)e->entity_id);
	const char *fields[] = {id, e->at, e->login, e->role, e->action, e->entity, eid, e->detail, e->hash};
	j->failed = csv_write_record(j->w, fields, 9, &j->err) < 0;
	return j->failed;
}

static int write_entries(lk_ctx *ctx, const lk_audit_filter *f, lk_csv_writer *w, int64_t *n,
	lk_err *err)
{
	static const lk_audit_filter all;
	struct csv_job j = {.w = w};
	lk_audit_filter oldest = f ? *f : all;
	oldest.oldest_first = true;
	if (csv_write_record(w, csv_header, 9, err) < 0)
		return -1;
	int rc = auditlog_export(ctx, &oldest, csv_entry, &j, n, err);
	if (rc < 0 && j.failed)
		*err = j.err;
	return rc;
}

int audit_write_csv(lk_ctx *ctx, const lk_audit_filter *f, const char *path, bool excel, int64_t *n,
	lk_err *err)
{
	lk_csv_outfile of;
	lk_csv_writer *w = NULL;
	lk_err cerr;
	*n = 0;
	if (role_require(ctx, LK_PERM_READ_AUDIT, err) < 0 || csv_outfile_open(path, &of, err) < 0)
		return -1;
	int rc = csv_writer_open(of.f, excel ? LK_CSV_EXCEL : LK_CSV_RFC4180, &w, err);
	if (rc == 0)
		rc = write_entries(ctx, f, w, n, err);
	if (csv_writer_close(w, &cerr) < 0 && rc == 0) {
		*err = cerr;
		rc = -1;
	}
	if (csv_outfile_close(&of, rc == 0, &cerr) < 0 && rc == 0) {
		*err = cerr;
		rc = -1;
	}
	return rc;
}

/* ---- the form ---- */

enum { F_FILE, F_FOR };

typedef struct export_state {
	lk_form form;
	lk_audit_filter f;
	char *text;  /* owned copy of the list's text filter */
	char *name;  /* owned: the default file name */
	const char *flavours[2];
} export_state;

static const char *home_dir(void)
{
	const char *h = getenv("HOME");
	return h && *h == '/' ? h : ".";
}

static int take_filter(lk_view *v, export_state *s, lk_err *err)
{
	const char *text = NULL;
	lk_audit_filter *f = audit_view_filter(ui_top(v->ui), &text); /* not pushed yet */
	if (!f)
		return lk_fail(err, LK_EINVAL, "%s", _("Open the audit log first."));
	s->f = *f;
	if (text && !(s->text = strdup(text)))
		return lk_fail(err, LK_ENOMEM, "%s", _("Out of memory."));
	s->f.text = s->text;
	return 0;
}

static int export_open(lk_view *v, const void *arg, lk_err *err)
{
	(void)arg;
	export_state *s = v->state;
	char today[11];
	if (role_require(v->ui->ctx, LK_PERM_READ_AUDIT, err) < 0 || take_filter(v, s, err) < 0)
		return -1;
	date_iso(ctx_today(v->ui->ctx), today);
	s->name = uitext_printf("audit-log-%s.csv", today);
	char *path = s->name ? uitext_printf("~/%s", s->name) : NULL;
	s->flavours[0] = _("a spreadsheet (Excel: semicolons)");
	s->flavours[1] = _("other programs (commas)");
	form_init(&s->form);
	bool ok = path && form_add_text(&s->form, LK_FIELD_TEXT, _("File"), true, path) == F_FILE &&
		form_add_choice(&s->form, _("For"), s->flavours, 2, 0) == F_FOR;
	free(path);
	return ok ? 0 : lk_fail(err, LK_ENOMEM, "%s", _("Out of memory."));
}

static void export_done(lk_view *v)
{
	export_state *s = v->state;
	form_free(&s->form);
	free(s->text);
	free(s->name);
}

static char *export_title(lk_view *v)
{
	(void)v;
	return uitext_printf("%s", _("Write the audit log as CSV"));
}

/* The typed file as a path: trimmed, "~/" as the home folder, a folder
 * with the default name in it. Newly allocated; "" when empty. */
static char *typed_path(const export_state *s)
{
	char *t = text_trim_dup(form_text(&s->form, F_FILE));
	if (!t || !*t)
		return t;
	char *p = t[0] == '~' && (t[1] == '/' || !t[1]) ? uitext_printf("%s%s", home_dir(), t + 1) : strdup(t);
	free(t);
	struct stat st;
	if (p && stat(p, &st) == 0 && S_ISDIR(st.st_mode)) {
		size_t n = strlen(p);
		char *joined = uitext_printf("%s%s%s", p, n && p[n - 1] == '/' ? "" : "/", s->name);
		free(p);
		p = joined;
	}
	return p;
}

static void export_save(lk_view *v)
{
	export_state *s = v->state;
	lk_err err;
	int64_t n = 0;
	form_clear_errors(&s->form);
	char *path = typed_path(s);
	int rc = !path ? lk_fail(&err, LK_ENOMEM, "%s", _("Out of memory."))
		: !*path ? lk_fail(&err, LK_EINVAL, "%s", _("File: write where the entries go, such as ~/audit-log.csv."))
		: audit_write_csv(v->ui->ctx, &s->f, path, form_choice(&s->form, F_FOR) == 0, &n, &err);
	if (rc < 0) {
		form_set_error(&s->form, &err);
		ui_status_err(v->ui, &err);
	} else {
		ui_status(v->ui, LK_STYLE_OK, ngettext("Wrote %lld entry to %s (readable only by you).",
			"Wrote %lld entries to %s (readable only by you).", (unsigned long)n), (long long)n, path);
		ui_pop(v->ui);
	}
	free(path);
}

static bool export_request(lk_view *v, lk_action a)
{
	export_state *s = v->state;
	if (a == LK_ACT_SAVE || (a == LK_ACT_NEWLINE && s->form.cur == s->form.n - 1))
		export_save(v);
	else if (a == LK_ACT_CANCEL)
		ui_pop(v->ui);
	else
		return form_request(&s->form, v->ui, a);
	return true;
}

static bool export_input(lk_view *v, lk_key key)
{
	return form_input(&((export_state *)v->state)->form, key);
}

static void export_draw(lk_view *v, lk_rect r)
{
	export_state *s = v->state;
	lk_rect intro = {r.y + 1, r.x + 2, r.h - 1, r.w - 4};
	char *words = audit_filter_words(&s->f);
	char *text = uitext_printf(_("The entries shown now%s%s%s, oldest first. The file is readable only by you, and writing it is noted in the audit log."),
		words && *words ? " (" : "", words ? words : "", words && *words ? ")" : "");
	int n = screen_wrap(v->ui, intro, text ? text : "", LK_STYLE_DIM);
	free(text);
	free(words);
	form_draw(&s->form, v->ui, (lk_rect){r.y + 2 + n, r.x + 1, r.h - 2 - n, r.w - 2});
}

const lk_view_ops audit_export_view = {
	.name = "audit-export",
	.label = N_("Write the audit log as CSV"),
	.state_size = sizeof(export_state),
	.actions = form_actions,
	.hints = form_hints,
	.text_entry = true,
	.open = export_open,
	.done = export_done,
	.title = export_title,
	.draw = export_draw,
	.request = export_request,
	.input = export_input,
};
