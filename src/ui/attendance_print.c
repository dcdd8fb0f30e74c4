/*
 * attendance_print.c — p: the attendance sheet of a session (or every
 * session of a run) as an A4 PDF, and to the printer if asked.
 *
 *   open: session_get / run_get ──▶ a form: File (default
 *         ~/attendance-sheet-<date>-<course>.pdf, translated), Print on
 *         paper (yes by default when the config names a printer)
 *   Ctrl-S ──sheet_write_session / sheet_write_run──▶ the file (0600,
 *         replaced whole; the core logs the print without names)
 *         ──print_lp (lp's output captured)──▶ the view turns into
 *         attendance_printed_view: where the file went, what lp said
 *
 * A refusal (a cancelled session, a folder that does not exist) keeps the
 * form open with the core's message; nothing is written. The file name
 * may start with "~/"; a folder gets the default name inside it.
 */
#include "attendance_internal.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "lmskurs/i18n.h"
#include "lmskurs/print.h"
#include "lmskurs/run.h"
#include "lmskurs/session.h"
#include "lmskurs/sheet.h"
#include "lmskurs/text.h"
#include "lmskurs/ui/dialog.h"
#include "lmskurs/ui/form.h"
#include "lmskurs/ui/uitext.h"

enum { F_FILE, F_PRINTER };

typedef struct print_state {
	lk_form form;
	int64_t id;        /* the session's, or the run's (whole_run) */
	bool whole_run;
	char *title;       /* owned */
	char *intro;       /* owned: what the form does */
	char *fallback;    /* owned: the default file name, for a folder typed */
	char *yes;         /* owned: the "yes" choice naming the printer */
	const char *choices[2];
	char *result;      /* owned: what happened, once written */
	bool trouble;      /* the result holds a warning (not printed) */
} print_state;

static const char *home_dir(void)
{
	const char *h = getenv("HOME");
	return h && *h == '/' ? h : ".";
}

static const char *printer_of(const lk_ui *ui)
{
	return ui->cfg && ui->cfg->printer && *ui->cfg->printer ? ui->cfg->printer : NULL;
}

/* ---- opening ---- */

static int build_form(lk_view *v, const char *file)
{
	print_state *s = v->state;
	const char *printer = printer_of(v->ui);
	s->yes = printer ? uitext_printf(_("yes, to %s"), printer) : strdup(_("yes, to the default printer"));
	s->fallback = strdup(file ? file : "");
	if (!s->yes || !s->fallback || !s->title || !s->intro)
		return -1;
	s->choices[0] = _("no, only the PDF");
	s->choices[1] = s->yes;
	form_init(&s->form);
	if (form_add_text(&s->form, LK_FIELD_TEXT, _("File"), true, file) != F_FILE ||
	    form_add_choice(&s->form, _("Print on paper"), s->choices, 2, printer ? 1 : 0) != F_PRINTER)
		return -1;
	s->form.changed = false;
	return 0;
}

static int open_session(lk_view *v, int64_t id, lk_err *err)
{
	print_state *s = v->state;
	lk_session se;
	memset(&se, 0, sizeof se);
	if (session_get(v->ui->ctx, id, &se, err) < 0) {
		session_free(&se);
		return -1;
	}
	char day[48];
	uitext_date(se.starts_at.date, day);
	const char *run = se.run_title && *se.run_title ? se.run_title : "";
	s->title = *run ? uitext_printf(_("Attendance sheet: %s · %s, session %d, %s"), se.course_title, run, se.seq, day)
	                : uitext_printf(_("Attendance sheet: %s, session %d, %s"), se.course_title, se.seq, day);
	s->intro = strdup(_("An A4 PDF of the registered participants expected at this session, by name, with a box to tick, a signature column and blank rows for walk-ins. The file is readable only by you. Ctrl-S writes it."));
	char *file = attendance_sheet_filename(home_dir(), se.starts_at.date, se.course_title);
	int rc = build_form(v, file);
	free(file);
	session_free(&se);
	return rc < 0 ? lk_fail(err, LK_ENOMEM, _("Out of memory.")) : 0;
}

static int open_run(lk_view *v, int64_t id, lk_err *err)
{
	print_state *s = v->state;
	lk_run r;
	memset(&r, 0, sizeof r);
	if (run_get(v->ui->ctx, id, &r, err) < 0) {
		run_free(&r);
		return -1;
	}
	s->title = r.title && *r.title ? uitext_printf(_("Attendance sheets: %s · %s, every session"), r.course_title, r.title)
	                               : uitext_printf(_("Attendance sheets: %s, every session"), r.course_title);
	s->intro = strdup(_("An A4 PDF with the attendance sheet of every session of the run that is not cancelled, one after the other. The file is readable only by you. Ctrl-S writes it."));
	char *name = uitext_printf("%s %s", r.course_title, r.title ? r.title : "");
	char *file = name ? attendance_sheet_filename(home_dir(), (lk_date){0}, name) : NULL;
	int rc = build_form(v, file);
	free(file);
	free(name);
	run_free(&r);
	return rc < 0 ? lk_fail(err, LK_ENOMEM, _("Out of memory.")) : 0;
}

static int print_open(lk_view *v, const void *arg, lk_err *err)
{
	print_state *s = v->state;
	s->id = *(const int64_t *)arg;
	s->whole_run = v->ops == &attendance_print_run_view;
	return s->whole_run ? open_run(v, s->id, err) : open_session(v, s->id, err);
}

static void print_done(lk_view *v)
{
	print_state *s = v->state;
	form_free(&s->form);
	free(s->title);
	free(s->intro);
	free(s->fallback);
	free(s->yes);
	free(s->result);
}

static char *print_title(lk_view *v)
{
	print_state *s = v->state;
	return strdup(s->title ? s->title : "");
}

/* ---- writing ---- */

/* The typed file as a path: trimmed, "~/" as the home folder, a folder
 * with the default file name in it. Newly allocated; "" when empty. */
static char *typed_path(const print_state *s)
{
	char *t = text_trim_dup(form_text(&s->form, F_FILE));
	if (!t || !*t)
		return t;
	char *p = t[0] == '~' && (t[1] == '/' || !t[1]) ? uitext_printf("%s%s", home_dir(), t + 1) : strdup(t);
	free(t);
	struct stat st;
	if (p && stat(p, &st) == 0 && S_ISDIR(st.st_mode)) {
		const char *base = strrchr(s->fallback, '/');
		char *joined = uitext_printf("%s/%s", p, base ? base + 1 : s->fallback);
		free(p);
		p = joined;
	}
	return p;
}

static int write_sheet(lk_view *v, const char *path, lk_sheet_result *res, lk_err *err)
{
	print_state *s = v->state;
	lk_sheet_opts opts = {.organisation = v->ui->cfg ? v->ui->cfg->organisation : NULL};
	if (s->whole_run)
		return sheet_write_run(v->ui->ctx, s->id, path, &opts, res, err);
	return sheet_write_session(v->ui->ctx, s->id, path, &opts, res, err);
}

/* "Wrote … to PATH (2 pages, readable only by you). It lists 7
 * participants."; newly allocated. */
static char *written_text(const print_state *s, const char *path, const lk_sheet_result *res)
{
	char *wrote = s->whole_run
		? uitext_printf(ngettext("Wrote the attendance sheets of %d session to %s (%d pages, readable only by you).",
			"Wrote the attendance sheets of %d sessions to %s (%d pages, readable only by you).",
			(unsigned long)res->sessions), res->sessions, path, res->pages)
		: uitext_printf(ngettext("Wrote the attendance sheet to %s (%d page, readable only by you).",
			"Wrote the attendance sheet to %s (%d pages, readable only by you).",
			(unsigned long)res->pages), path, res->pages);
	char *names = uitext_printf(ngettext("It lists %d participant.", "It lists %d participants.",
		(unsigned long)res->participants), res->participants);
	char *both = wrote && names ? uitext_printf("%s %s", wrote, names) : NULL;
	free(wrote);
	free(names);
	return both;
}

/* What lp did, in words; newly allocated. *trouble when not printed. */
static char *printed_text(const char *printer, const lk_print_result *pr, bool *trouble)
{
	const char *said = pr->output && *pr->output ? pr->output : "";
	*trouble = pr->outcome != LK_PRINT_SENT;
	switch (pr->outcome) {
	case LK_PRINT_SENT:
		if (printer)
			return uitext_printf(_("Sent it to the printer %s. %s"), printer, said);
		return uitext_printf(_("Sent it to the default printer. %s"), said);
	case LK_PRINT_NO_LP:
		return strdup(_("! It was not printed: the lp command (CUPS) is not installed. Install cups-client, or print the file another way."));
	case LK_PRINT_NOT_STARTED:
		return uitext_printf(_("! It was not printed: lp could not be started: %s"), strerror(pr->error));
	case LK_PRINT_FAILED:
		break;
	}
	return uitext_printf(_("! It was not printed: lp failed: %s Check [printing] printer in the config, or print the file another way."),
		*said ? said : _("(it said nothing)"));
}

/* The result once the file is written: where it is, and the printer's. */
static char *result_text(lk_view *v, const char *path, const lk_sheet_result *res)
{
	print_state *s = v->state;
	char full[PATH_MAX];
	const char *where = realpath(path, full) ? full : path;
	char *wrote = written_text(s, where, res);
	if (form_choice(&s->form, F_PRINTER) != 1)
		return wrote;
	lk_print_result pr;
	print_lp(printer_of(v->ui), where, true, &pr);
	char *said = printed_text(printer_of(v->ui), &pr, &s->trouble);
	print_result_free(&pr);
	char *both = uitext_printf("%s\n\n%s", wrote ? wrote : "", said ? said : "");
	free(wrote);
	free(said);
	return both;
}

/* Writes; on a refusal the form stays as typed with the core's message.
 * On success the view shows the result instead of the form. */
static void print_save(lk_view *v)
{
	print_state *s = v->state;
	lk_err err;
	lk_sheet_result res;
	form_clear_errors(&s->form);
	char *path = typed_path(s);
	int rc = !path ? lk_fail(&err, LK_ENOMEM, _("Out of memory."))
	       : !*path ? lk_fail(&err, LK_EINVAL, "%s", _("File must not be empty: write where the PDF goes."))
	       : write_sheet(v, path, &res, &err);
	if (rc < 0) {
		form_set_error(&s->form, &err);
		ui_status_err(v->ui, &err);
	} else {
		s->result = result_text(v, path, &res);
		v->ops = &attendance_printed_view;
	}
	free(path);
}

static void print_cancel(lk_view *v)
{
	print_state *s = v->state;
	if (s->form.changed &&
	    !dialog_confirm(v->ui, _("Close without writing?"), _("What you typed in this form will be lost.")))
		return;
	ui_status(v->ui, LK_STYLE_NORMAL, "%s", _("Nothing was printed."));
	ui_pop(v->ui);
}

static bool print_request(lk_view *v, lk_action a)
{
	print_state *s = v->state;
	if (a == LK_ACT_SAVE)
		print_save(v);
	else if (a == LK_ACT_CANCEL)
		print_cancel(v);
	else
		return form_request(&s->form, v->ui, a);
	return true;
}

static bool print_input(lk_view *v, lk_key key)
{
	return form_input(&((print_state *)v->state)->form, key);
}

static void print_draw(lk_view *v, lk_rect r)
{
	print_state *s = v->state;
	lk_rect in = {r.y + 1, r.x + 1, r.h - 1, r.w - 2};
	int n = screen_wrap(v->ui, (lk_rect){in.y, in.x, in.h / 3, in.w}, s->intro, LK_STYLE_DIM);
	n = n > in.h / 3 ? in.h / 3 : n;
	form_draw(&s->form, v->ui, (lk_rect){in.y + n + 1, in.x, in.h - n - 1, in.w});
}

/* ---- the result ---- */

static void printed_draw(lk_view *v, lk_rect r)
{
	print_state *s = v->state;
	lk_rect in = {r.y + 1, r.x + 1, r.h - 1, r.w - 2};
	int n = screen_wrap(v->ui, in, s->result ? s->result : "", s->trouble ? LK_STYLE_WARNING : LK_STYLE_OK);
	if (n + 1 < in.h)
		screen_text(v->ui, in.y + n + 1, in.x, in.w, _("Enter or Esc goes back."), LK_STYLE_DIM);
	screen_cursor(v->ui, in.y, in.x);
}

static bool printed_request(lk_view *v, lk_action a)
{
	if (a != LK_ACT_OPEN && a != LK_ACT_BACK)
		return false;
	ui_pop(v->ui);
	return true;
}

struct lk_form *attendance_print_form(lk_view *v)
{
	bool mine = v->ops == &attendance_print_view || v->ops == &attendance_print_run_view;
	return mine ? &((print_state *)v->state)->form : NULL;
}

const char *attendance_printed_text(lk_view *v)
{
	return v->ops == &attendance_printed_view ? ((print_state *)v->state)->result : NULL;
}

static const lk_action printed_actions[] = {LK_ACT_OPEN, LK_ACT_BACK, 0};
static const lk_action printed_hints[] = {LK_ACT_BACK, 0};

const lk_view_ops attendance_print_view = {
	.name = "attendance-print",
	.label = N_("Print the attendance sheet"),
	.state_size = sizeof(print_state),
	.actions = form_actions,
	.hints = form_hints,
	.text_entry = true,
	.open = print_open,
	.done = print_done,
	.title = print_title,
	.draw = print_draw,
	.request = print_request,
	.input = print_input,
};

const lk_view_ops attendance_print_run_view = {
	.name = "attendance-print-run",
	.label = N_("Print the attendance sheets of the run"),
	.state_size = sizeof(print_state),
	.actions = form_actions,
	.hints = form_hints,
	.text_entry = true,
	.open = print_open,
	.done = print_done,
	.title = print_title,
	.draw = print_draw,
	.request = print_request,
	.input = print_input,
};

const lk_view_ops attendance_printed_view = {
	.name = "attendance-printed",
	.label = N_("Attendance sheet written"),
	.state_size = sizeof(print_state),
	.actions = printed_actions,
	.hints = printed_hints,
	.open = print_open,
	.done = print_done,
	.title = print_title,
	.draw = printed_draw,
	.request = printed_request,
};
