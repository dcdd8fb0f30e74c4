/* test_ui_reports.c — the Reports screens: their keys and help (pinned),
 * the document layout to a width (pure: bars with their numbers, cells cut
 * with "…", no line wider than the screen), the documents the views show
 * for a small centre, the export file names, and the refusals. */
#include <criterion/criterion.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/role.h"
#include "lmskurs/ui/home.h"
#include "lmskurs/ui/reports.h"
#include "lmskurs/ui/uitext.h"
#include "testlib.h"

static void setup(void)
{
	setlocale(LC_ALL, "C.UTF-8");
}

TestSuite(ui_reports, .init = setup);

/* ---- keys and help ---- */

static const lk_view_ops *const views[] = {
	&reports_view, &report_activity_view, &report_runs_view, &report_registration_view,
	&report_honorarium_view, &report_export_view,
};

Test(ui_reports, no_view_has_two_actions_on_one_key_and_every_hint_is_offered)
{
	for (size_t i = 0; i < sizeof views / sizeof views[0]; i++) {
		lk_action a, b;
		lk_key k = keys_clash(views[i]->actions, views[i]->text_entry, &a, &b);
		cr_assert_eq(k, 0, "%s: key %d is %s and %s", views[i]->name, k, keys_action(a)->name,
			keys_action(b)->name);
		for (const lk_action *h = views[i]->hints; *h; h++) {
			bool offered = keys_action(*h)->group == LK_GROUP_GLOBAL;
			for (const lk_action *o = views[i]->actions; *o; o++)
				offered |= *o == *h;
			cr_assert(offered, "%s hints %s without offering it", views[i]->name, keys_action(*h)->name);
		}
	}
}

Test(ui_reports, bottom_lines_are_generated)
{
	const struct { const lk_view_ops *v; const char *line; } want[] = {
		{&reports_view, "Ctrl-S show  Tab next field  Esc back  F1 help"},
		{&report_activity_view, "p PDF  c CSV  - year back  + year on  Esc back  ? help"},
		{&report_runs_view, "Enter open  c CSV  Esc back  ? help"},
		{&report_registration_view, "c CSV  Esc back  ? help"},
		{&report_honorarium_view, "c CSV  Esc back  ? help"},
		{&report_export_view, "Ctrl-S save  Esc cancel  Tab next field  F1 help"},
	};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		char *h = keys_hint_line(want[i].v->hints, want[i].v->text_entry, true);
		cr_assert_str_eq(h, want[i].line, "%s", want[i].v->name);
		free(h);
	}
}

struct help_text {
	char buf[4096];
};

static void on_heading(void *arg, const char *group)
{
	struct help_text *t = arg;
	strcat(t->buf, group);
	strcat(t->buf, "\n");
}

static void on_entry(void *arg, const char *keys, const char *help)
{
	struct help_text *t = arg;
	strcat(t->buf, "  ");
	strcat(t->buf, keys);
	strcat(t->buf, " | ");
	strcat(t->buf, help);
	strcat(t->buf, "\n");
}

static const char *help_of(const lk_view_ops *v, struct help_text *t)
{
	t->buf[0] = 0;
	lk_help_sink sink = {on_heading, on_entry, t};
	keys_help(v->actions, v->text_entry, &sink);
	return t->buf;
}

#define MOVING \
	"Moving\n" \
	"  Up, k | Move up one row\n" \
	"  Down, j | Move down one row\n" \
	"  PgUp | Move up one page\n" \
	"  PgDn | Move down one page\n" \
	"  Home, g | Go to the first row\n" \
	"  End, G | Go to the last row\n"
#define EVERYWHERE \
	"Everywhere\n" \
	"  ?, F1 | Show the keys of this screen\n" \
	"  Ctrl-L | Redraw the screen\n" \
	"  Ctrl-Z | Suspend to the shell (fg comes back)\n" \
	"  Ctrl-C | Quit lmskurs\n"
#define CSV_HELP "  c | Write this report as CSV for a spreadsheet or payroll, readable only by you (asks for the file name)\n"

Test(ui_reports, help_of_the_activity_report_is_pinned)
{
	struct help_text t;
	cr_assert_str_eq(help_of(&report_activity_view, &t),
		MOVING
		"Screens\n"
		"  Esc, q | Go back to the previous screen\n"
		"  -, Left | Show the year before\n"
		"  +, =, Right | Show the year after\n"
		"  p | Write this report as an A4 PDF, readable only by you (asks for the file name)\n"
		CSV_HELP
		EVERYWHERE);
}

Test(ui_reports, help_of_the_registration_and_honorarium_views_is_pinned)
{
	struct help_text t;
	cr_assert_str_eq(help_of(&report_runs_view, &t),
		MOVING
		"Screens\n"
		"  Enter | Open the selected entry\n"
		"  Esc, q | Go back to the previous screen\n"
		CSV_HELP
		EVERYWHERE);
	const char *doc = MOVING "Screens\n  Esc, q | Go back to the previous screen\n" CSV_HELP EVERYWHERE;
	cr_assert_str_eq(help_of(&report_registration_view, &t), doc);
	cr_assert_str_eq(help_of(&report_honorarium_view, &t), doc);
}

Test(ui_reports, help_of_the_chooser_is_pinned)
{
	struct help_text t;
	cr_assert_str_eq(help_of(&reports_view, &t),
		"Screens\n"
		"  Esc | Go back to the previous screen\n"
		"Forms\n"
		"  Ctrl-S, F2 | Make the chosen report for the period and show it\n"
		"  Tab | Go to the next field\n"
		"  Shift-Tab | Go to the previous field\n"
		"  Up | Go to the line or field above\n"
		"  Down | Go to the line or field below\n"
		"  Enter | New line in a text of several lines; pick a person; elsewhere the next field\n"
		"Editing text\n"
		"  Left | Move left one character; in a choice, the previous option\n"
		"  Right | Move right one character; in a choice, the next option\n"
		"  Home, Ctrl-A | Go to the start of the line\n"
		"  End, Ctrl-E | Go to the end of the line\n"
		"  Backspace, Ctrl-H | Erase the character before the cursor\n"
		"  Delete, Ctrl-D | Erase the character under the cursor\n"
		"  Ctrl-U | Erase from the start of the line to the cursor\n"
		"  Ctrl-K | Erase from the cursor to the end of the line\n"
		"Everywhere\n"
		"  F1 | Show the keys of this screen\n"
		"  Ctrl-L | Redraw the screen\n"
		"  Ctrl-Z | Suspend to the shell (fg comes back)\n"
		"  Ctrl-C | Quit lmskurs\n");
}

Test(ui_reports, home_shows_reports_to_coordinators_only)
{
	lk_home_section s[LK_HOME_SECTIONS];
	int n = home_sections(LK_ROLE_COORDINATOR, s);
	bool seen = false;
	for (int i = 0; i < n; i++)
		seen |= s[i] == LK_HOME_REPORTS;
	cr_assert(seen, "coordinators see Reports");
	cr_assert_str_eq(home_section_label(LK_HOME_REPORTS), "Reports");
	lk_role others[] = {LK_ROLE_STAFF, LK_ROLE_USER_REP};
	for (int r = 0; r < 2; r++) {
		n = home_sections(others[r], s);
		for (int i = 0; i < n; i++)
			cr_assert_neq(s[i], LK_HOME_REPORTS, "role %d sees Reports", r);
	}
}

/* ---- the layout ---- */

struct laid {
	char lines[256][512];
	lk_style style[256];
	int n;
};

static void take_line(void *arg, const char *text, lk_style st)
{
	struct laid *l = arg;
	cr_assert_lt(l->n, 256);
	snprintf(l->lines[l->n], sizeof l->lines[0], "%s", text);
	l->style[l->n++] = st;
}

static int lay(const lk_rdoc *d, int width, struct laid *l)
{
	memset(l, 0, sizeof *l);
	int n = rdoc_layout(d, width, take_line, l);
	cr_assert_eq(n, l->n);
	for (int i = 0; i < n; i++)
		cr_assert_leq(uitext_width(l->lines[i]), width, "line %d is wider than %d: [%s]", i, width, l->lines[i]);
	return n;
}

static int bar_table(lk_rdoc *d)
{
	lk_rdoc_table t = {.ncols = 3, .titles = {"Kurs", "Timer", ""}, .min = {8, 6, 5},
		.weight = {2, 0, 1}, .right = {false, true, false}, .bar_col = 2};
	return rdoc_table(d, &t);
}

Test(ui_reports, a_table_lays_out_with_bars_beside_their_numbers)
{
	lk_rdoc d = {0};
	int t = bar_table(&d);
	rdoc_heading(&d, "Etter kurs");
	rdoc_header(&d, t);
	rdoc_row(&d, t, LK_STYLE_NORMAL, (const char *[]){"Pårørendeskolen", "40 h", ""}, 40, 40);
	rdoc_row(&d, t, LK_STYLE_NORMAL, (const char *[]){"张伟的课程", "10 h", ""}, 10, 40);
	rdoc_row(&d, t, LK_STYLE_NORMAL, (const char *[]){"Tom", "0 h", ""}, 0, 40);
	struct laid l;
	cr_assert_eq(lay(&d, 40, &l), 5);
	cr_assert_str_eq(l.lines[0], "Etter kurs");
	cr_assert_eq(l.style[0], LK_STYLE_TITLE);
	/* 40 columns: 8 + 12 of the spare for the name, 6 right-aligned for
	 * the number, 5 + 6 for the bar: 11 cells for the largest, a quarter
	 * (2 6/8 cells) for 10 of 40. The CJK name takes 10 columns. */
	cr_assert_str_eq(l.lines[1], "Kurs                  Timer");
	cr_assert_str_eq(l.lines[2], "Pårørendeskolen        40 h ███████████");
	cr_assert_str_eq(l.lines[3], "张伟的课程             10 h ██▊");
	cr_assert_str_eq(l.lines[4], "Tom                     0 h", "no bar for nothing, the number still there");
	/* Narrow: the names are cut with "…", the numbers kept whole. */
	cr_assert_eq(lay(&d, 21, &l), 5);
	cr_assert_str_eq(l.lines[1], "Kurs      Timer");
	cr_assert_str_eq(l.lines[2], "Pårøren…   40 h █████");
	cr_assert_str_eq(l.lines[3], "张伟的…    10 h █▎");
	rdoc_clear(&d);
	cr_assert_eq(d.n, 0);
}

Test(ui_reports, titles_get_room_before_the_weights)
{
	lk_rdoc d = {0};
	lk_rdoc_table t = {.ncols = 2, .titles = {"Navn", "Deltakere"}, .min = {4, 3},
		.weight = {1, 0}, .right = {false, true}, .bar_col = -1};
	int i = rdoc_table(&d, &t);
	rdoc_header(&d, i);
	rdoc_row(&d, i, LK_STYLE_NORMAL, (const char *[]){"Åse", "12"}, 0, 0);
	struct laid l;
	lay(&d, 30, &l);
	cr_assert_str_eq(l.lines[0], "Navn                 Deltakere");
	cr_assert_str_eq(l.lines[1], "Åse                         12");
	lay(&d, 10, &l);
	cr_assert_str_eq(l.lines[0], "Navn Delt…", "too narrow: the title is cut, never the layout");
	cr_assert_str_eq(l.lines[1], "Åse     12");
	rdoc_clear(&d);
}

Test(ui_reports, paragraphs_wrap_and_blank_lines_stay)
{
	lk_rdoc d = {0};
	rdoc_text(&d, LK_STYLE_WARNING, "! Ingen timesats er satt, så beløpene står tomme.");
	rdoc_blank(&d);
	struct laid l;
	cr_assert_eq(lay(&d, 20, &l), 4);
	cr_assert_str_eq(l.lines[0], "! Ingen timesats er");
	cr_assert_eq(l.style[0], LK_STYLE_WARNING);
	cr_assert_str_eq(l.lines[3], "");
	rdoc_clear(&d);
}

Test(ui_reports, too_many_tables_and_bad_rows_are_refused)
{
	lk_rdoc d = {0};
	lk_rdoc_table t = {.ncols = 1, .titles = {"x"}, .min = {1}, .bar_col = -1};
	for (int i = 0; i < LK_RDOC_TABLES; i++)
		cr_assert_eq(rdoc_table(&d, &t), i);
	cr_assert_eq(rdoc_table(&d, &t), -1);
	cr_assert_eq(rdoc_row(&d, LK_RDOC_TABLES, LK_STYLE_NORMAL, (const char *[]){"x"}, 0, 0), -1);
	rdoc_clear(&d);
}

/* ---- the documents, for a small centre ---- */

static int64_t fx_exec(lk_ctx *ctx, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *sql = sqlite3_vmprintf(fmt, ap);
	va_end(ap);
	sqlite3 *h = NULL;
	cr_assert_eq(sqlite3_open(tl_db_path(ctx), &h), SQLITE_OK);
	sqlite3_busy_timeout(h, 5000);
	char *msg = NULL;
	cr_assert_eq(sqlite3_exec(h, sql, NULL, NULL, &msg), SQLITE_OK, "%s: %s", sql, msg ? msg : "");
	int64_t id = sqlite3_last_insert_rowid(h);
	sqlite3_close(h);
	sqlite3_free(sql);
	return id;
}

/* One run of two 3-hour sessions on 1 and 8 February 2027, led by a nurse,
 * a doctor and a user representative; Åse came to both, Ola to one. A
 * planning meeting of 90 minutes with the user representative. */
static int64_t fx_centre(lk_ctx *ctx)
{
	fx_exec(ctx, "INSERT INTO person (id, name, kind, profession, organisation, created_at) VALUES"
		" (1, 'Kari', 'professional', 'sykepleier', '', '2027-01-01T00:00:00'),"
		" (2, 'Per', 'professional', 'lege', '', '2027-01-01T00:00:00'),"
		" (3, 'Brukar Bråten', 'user_rep', '', 'LHL', '2027-01-01T00:00:00')");
	fx_exec(ctx, "INSERT INTO course (id, title, audience, phase, created_at, updated_at) VALUES"
		" (1, 'Hjertekurs', 'patients', 'active', '2027-01-01T00:00:00', '2027-01-01T00:00:00')");
	fx_exec(ctx, "INSERT INTO run (id, course_id, title, phase, capacity, created_at, first_date, last_date)"
		" VALUES (1, 1, 'Vår', 'evaluation', 10, '2027-01-01T00:00:00', '2027-02-01', '2027-02-08')");
	fx_exec(ctx, "INSERT INTO session (id, run_id, seq, starts_at, ends_at, status) VALUES"
		" (1, 1, 1, '2027-02-01T10:00', '2027-02-01T13:00', 'held'),"
		" (2, 1, 2, '2027-02-08T10:00', '2027-02-08T13:00', 'held')");
	fx_exec(ctx, "INSERT INTO session_facilitator VALUES (1, 1), (1, 3), (2, 2), (2, 3)");
	fx_exec(ctx, "INSERT INTO participant (id, name, created_at) VALUES"
		" (1, 'Åse Ås', '2027-01-01T00:00:00'), (2, 'Ola Nordmann', '2027-01-01T00:00:00')");
	fx_exec(ctx, "INSERT INTO enrollment (id, run_id, participant_id, category, status, requested_at, placed_at)"
		" VALUES (1, 1, 1, 'patient', 'registered', '2027-01-02T00:00:00', '2027-01-02T00:00:00'),"
		" (2, 1, 2, 'relative', 'registered', '2027-01-02T00:00:00', '2027-01-02T00:00:00')");
	fx_exec(ctx, "INSERT INTO attendance (session_id, enrollment_id, status, marked_by, marked_at) VALUES"
		" (1, 1, 'present', 'k', '2027-02-01T13:00:00'), (2, 1, 'present', 'k', '2027-02-08T13:00:00'),"
		" (1, 2, 'present', 'k', '2027-02-01T13:00:00'), (2, 2, 'absent', 'k', '2027-02-08T13:00:00')");
	fx_exec(ctx, "INSERT INTO meeting (id, course_id, kind, starts_at, ends_at) VALUES"
		" (1, 1, 'planning', '2027-01-20T12:00', '2027-01-20T13:30')");
	fx_exec(ctx, "INSERT INTO meeting_attendee VALUES (1, 3, 1)");
	return 1;
}

/* The document laid out at width, as one string of lines. */
static char *doc_text(const lk_rdoc *d, int width)
{
	struct laid *l = calloc(1, sizeof *l);
	int n = rdoc_layout(d, width, take_line, l);
	size_t cap = 256 * 520, len = 0;
	char *out = calloc(1, cap);
	for (int i = 0; i < n; i++) {
		cr_assert_leq(uitext_width(l->lines[i]), width, "[%s]", l->lines[i]);
		len += (size_t)snprintf(out + len, cap - len, "%s\n", l->lines[i]);
	}
	free(l);
	return out;
}

static bool has_line(const char *text, const char *a, const char *b)
{
	for (const char *p = text; (p = strstr(p, a)); p++) {
		const char *end = strchr(p, '\n');
		const char *q = strstr(p, b);
		if (q && (!end || q < end))
			return true;
	}
	return false;
}

Test(ui_reports, the_activity_document_has_figures_and_bars_with_numbers)
{
	lk_ctx *ctx = tl_ctx();
	fx_centre(ctx);
	lk_rdoc d = {0};
	lk_err err;
	lk_period y = report_period_year(2027);
	cr_assert_eq(reports_activity_doc(ctx, y, &d, &err), 0, "%s", err.msg);
	char *t = doc_text(&d, 98);
	cr_assert(strstr(t, "Period: 01.01.2027–31.12.2027\n"), "%s", t);
	cr_assert(has_line(t, "Teaching hours", "6 h"), "%s", t);
	cr_assert(has_line(t, "Attendance rate", "75.0 %"), "3 of 4: %s", t);
	cr_assert(has_line(t, "75.0 %", "█"), "a share has its bar: %s", t);
	cr_assert(has_line(t, "User representatives' share", "50.0 %"), "%s", t);
	cr_assert(has_line(t, "Hjertekurs", "6.0 h ████"), "the course's bar beside its hours: %s", t);
	cr_assert(has_line(t, "February 2027", "6.0 h"), "%s", t);
	cr_assert(has_line(t, "March 2027", "0.0 h"), "every month, zeros too: %s", t);
	cr_assert(strstr(t, "Definitions\n"), "%s", t);
	cr_assert(strstr(t, "Made 10.01.2027 09:00 by koord."), "%s", t);
	cr_assert_null(strstr(t, "Åse Ås"), "no participant's name in the activity report");
	free(t);
	t = doc_text(&d, 56);
	cr_assert(has_line(t, "Teaching hours", "6 h"), "narrow: %s", t);
	free(t);
	rdoc_clear(&d);
	ctx_close(ctx);
}

Test(ui_reports, the_registration_document_says_yes_and_no_in_words)
{
	lk_ctx *ctx = tl_ctx();
	fx_centre(ctx);
	lk_rdoc d = {0};
	lk_err err;
	cr_assert_eq(reports_registration_doc(ctx, 1, &d, &err), 0, "%s", err.msg);
	char *t = doc_text(&d, 98);
	cr_assert(strstr(t, "Funding criteria (ISF, A0099): NOT met\n"), "%s", t);
	cr_assert(strstr(t, "! no At least 7 teaching hours: Only 6 h of teaching held"), "%s", t);
	cr_assert(strstr(t, "yes At least 80 % attendance per participant: 1 of 2 participants"), "%s", t);
	cr_assert(strstr(t, "yes Professionals of more than one profession"), "%s", t);
	cr_assert(has_line(t, "Åse Ås", "01.02, 08.02.2027"), "%s", t);
	cr_assert(has_line(t, "Ola Nordmann", "1/2"), "%s", t);
	cr_assert(strstr(t, "Contains health information"), "%s", t);
	free(t);
	rdoc_clear(&d);
	for (int i = 0; i < d.n; i++)
		cr_assert_fail("cleared");
	cr_assert_eq(reports_registration_doc(ctx, 99, &d, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	rdoc_clear(&d);
	ctx_close(ctx);
}

Test(ui_reports, the_honorarium_document_with_and_without_a_rate)
{
	lk_ctx *ctx = tl_ctx();
	fx_centre(ctx);
	lk_rdoc d = {0};
	lk_err err;
	lk_period y = report_period_year(2027);
	cr_assert_eq(reports_honorarium_doc(ctx, y, &d, &err), 0, "%s", err.msg);
	char *t = doc_text(&d, 98);
	cr_assert(strstr(t, "! No hourly rate is set"), "%s", t);
	/* 2 sessions of 3 h and a meeting of 1 h 30 min: 7 h 30 min. */
	cr_assert(has_line(t, "Brukar Bråten (LHL)", "7 h 30 min ██"), "%s", t);
	cr_assert(has_line(t, "All user representatives", "7 h 30 min"), "%s", t);
	free(t);
	ctx->settings.honorarium_rate_ore = 40000;
	cr_assert_eq(reports_honorarium_doc(ctx, y, &d, &err), 0, "%s", err.msg);
	t = doc_text(&d, 98);
	cr_assert(strstr(t, "Rate: 400.00 kroner per hour."), "%s", t);
	cr_assert(has_line(t, "Brukar Bråten (LHL)", "3000.00"), "7.5 h at 400: %s", t);
	free(t);
	rdoc_clear(&d);
	ctx_close(ctx);
}

Test(ui_reports, the_documents_are_refused_to_other_roles)
{
	lk_ctx *ctx = tl_ctx();
	fx_centre(ctx);
	lk_ctx *staff = tl_ctx_as(ctx, "vert", LK_ROLE_STAFF);
	lk_rdoc d = {0};
	lk_err err;
	lk_period y = report_period_year(2027);
	cr_assert_eq(reports_activity_doc(staff, y, &d, &err), -1);
	cr_assert_eq(err.code, LK_EPERM);
	cr_assert_eq(reports_registration_doc(staff, 1, &d, &err), -1);
	cr_assert_eq(err.code, LK_EPERM);
	cr_assert_eq(reports_honorarium_doc(staff, y, &d, &err), -1);
	cr_assert_eq(err.code, LK_EPERM);
	rdoc_clear(&d);
	ctx_close(staff);
	ctx_close(ctx);
}

Test(ui_reports, export_file_names)
{
	lk_report_export x = {LK_REPORT_ACTIVITY, LK_EXPORT_PDF, report_period_year(2027), 0};
	char *n = report_export_name(&x);
	cr_assert_str_eq(n, "activity-report-2027-01-01-2027-12-31.pdf");
	free(n);
	x = (lk_report_export){LK_REPORT_REGISTRATION, LK_EXPORT_CSV, report_period_year(2027), 12};
	n = report_export_name(&x);
	cr_assert_str_eq(n, "registration-run-12.csv");
	free(n);
	x.kind = LK_REPORT_HONORARIUM;
	n = report_export_name(&x);
	cr_assert_str_eq(n, "honorarium-2027-01-01-2027-12-31.csv");
	free(n);
}
