/* reports_export.c — writing a report to a file from its screen: the file
 * name (and for CSV whether it is for Excel), then reportpdf.h's writer
 * (0600, logged). A refusal keeps the form open with the message; nothing
 * is written then (ui/reports.h). */
#include "reports_internal.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "lmskurs/i18n.h"
#include "lmskurs/reportpdf.h"
#include "lmskurs/role.h"
#include "lmskurs/text.h"
#include "lmskurs/ui/form.h"
#include "lmskurs/ui/uitext.h"

enum { F_FILE, F_FOR };

typedef struct export_state {
	lk_form form;
	lk_report_export x;
	char *name;  /* owned: the default file name */
	const char *flavours[2];
} export_state;

char *report_export_name(const lk_report_export *x)
{
	char f[11], t[11];
	const char *ext = x->format == LK_EXPORT_PDF ? "pdf" : "csv";
	date_iso(x->period.from, f);
	date_iso(x->period.to, t);
	switch (x->kind) {
	case LK_REPORT_REGISTRATION: return uitext_printf("registration-run-%lld.%s", (long long)x->run_id, ext);
	case LK_REPORT_HONORARIUM: return uitext_printf("honorarium-%s-%s.%s", f, t, ext);
	default: return uitext_printf("activity-report-%s-%s.%s", f, t, ext);
	}
}

static const char *home_dir(void)
{
	const char *h = getenv("HOME");
	return h && *h == '/' ? h : ".";
}

static int export_open(lk_view *v, const void *arg, lk_err *err)
{
	export_state *s = v->state;
	s->x = *(const lk_report_export *)arg;
	if (role_require(v->ui->ctx, LK_PERM_REPORTS, err) < 0)
		return -1;
	if (s->x.format == LK_EXPORT_PDF && s->x.kind != LK_REPORT_ACTIVITY)
		return lk_fail(err, LK_EINVAL, "%s", _("Only the activity report is made as PDF; write this one as CSV."));
	s->name = report_export_name(&s->x);
	char *path = s->name ? uitext_printf("~/%s", s->name) : NULL;
	s->flavours[0] = _("a spreadsheet (Excel: semicolons, decimal commas)");
	s->flavours[1] = _("other programs (commas, decimal points)");
	form_init(&s->form);
	bool ok = path && form_add_text(&s->form, LK_FIELD_TEXT, _("File"), true, path) == F_FILE &&
		(s->x.format == LK_EXPORT_PDF || form_add_choice(&s->form, _("For"), s->flavours, 2, 0) == F_FOR);
	free(path);
	return ok ? 0 : lk_fail(err, LK_ENOMEM, "%s", _("Out of memory."));
}

static void export_done(lk_view *v)
{
	export_state *s = v->state;
	form_free(&s->form);
	free(s->name);
}

static char *export_title(lk_view *v)
{
	export_state *s = v->state;
	return uitext_printf(_("Write %s as %s"), report_kind_label(s->x.kind), s->x.format == LK_EXPORT_PDF ? "PDF" : "CSV");
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

static int write_csv(lk_ctx *ctx, const lk_report_export *x, lk_csv_flavour fl, const char *path,
	int64_t *rows, lk_err *err)
{
	lk_csv_outfile of;
	lk_csv_writer *w = NULL;
	if (csv_outfile_open(path, &of, err) < 0)
		return -1;
	int rc = csv_writer_open(of.f, fl, &w, err);
	if (rc == 0 && x->kind == LK_REPORT_ACTIVITY)
		rc = reportcsv_activity(ctx, x->period, w, fl, path, rows, err);
	else if (rc == 0 && x->kind == LK_REPORT_REGISTRATION)
		rc = reportcsv_registration(ctx, x->run_id, w, fl, path, rows, err);
	else if (rc == 0)
		rc = reportcsv_honorarium(ctx, x->period, w, fl, path, rows, err);
	lk_err cerr;
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

/* Writes the file; the status line says where it went. */
static int write_file(lk_view *v, const char *path, lk_err *err)
{
	export_state *s = v->state;
	lk_ctx *ctx = v->ui->ctx;
	if (s->x.format == LK_EXPORT_PDF) {
		lk_reportpdf_result res;
		const char *org = v->ui->cfg ? v->ui->cfg->organisation : NULL;
		if (reportpdf_activity(ctx, s->x.period, org, path, &res, err) < 0)
			return -1;
		ui_status(v->ui, LK_STYLE_OK, ngettext("Wrote %s (%d page, readable only by you).",
			"Wrote %s (%d pages, readable only by you).", (unsigned long)res.pages), path, res.pages);
		return 0;
	}
	int64_t rows = 0;
	lk_csv_flavour fl = form_choice(&s->form, F_FOR) == 0 ? LK_CSV_EXCEL : LK_CSV_RFC4180;
	if (write_csv(ctx, &s->x, fl, path, &rows, err) < 0)
		return -1;
	ui_status(v->ui, LK_STYLE_OK, ngettext("Wrote %s (%lld row, readable only by you).",
		"Wrote %s (%lld rows, readable only by you).", (unsigned long)rows), path, (long long)rows);
	return 0;
}

static void export_save(lk_view *v)
{
	export_state *s = v->state;
	lk_err err;
	form_clear_errors(&s->form);
	char *path = typed_path(s);
	if (path && *path)
		reports_working(v->ui);
	int rc = !path ? lk_fail(&err, LK_ENOMEM, "%s", _("Out of memory."))
		: !*path ? lk_fail(&err, LK_EINVAL, "%s", _("File: write where the report goes, such as ~/report.csv."))
		: write_file(v, path, &err);
	free(path);
	if (rc < 0) {
		form_set_error(&s->form, &err);
		ui_status_err(v->ui, &err);
		return;
	}
	ui_pop(v->ui);
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
	const char *text = s->x.kind == LK_REPORT_ACTIVITY
		? _("The file is readable only by you, and writing it is noted in the audit log.")
		: _("The file holds names: it is readable only by you, writing it is noted in the audit log, and it should be deleted once used.");
	int n = screen_wrap(v->ui, intro, text, LK_STYLE_DIM);
	form_draw(&s->form, v->ui, (lk_rect){r.y + 2 + n, r.x + 1, r.h - 2 - n, r.w - 2});
}

const lk_view_ops report_export_view = {
	.name = "report-export",
	.label = N_("Write a report"),
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
