/* The attendance screens: their keys and help are pinned (generated from
 * the key table), their words read well, and the views work headless
 * (ui_push without curses) against a real database: staff mark with one
 * key per participant and the cursor moves on; "not expected" is never
 * markable; a correction after the day asks for a reason that is kept;
 * refusals (role, phase, day, cancelled session) show the core's words
 * and write nothing; the grid says marks in letters, rates with their
 * denominators and who completed; p writes a private PDF and sends it to
 * lp when asked. */
#include <criterion/criterion.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lmskurs/attendance.h"
#include "lmskurs/course.h"
#include "lmskurs/enroll.h"
#include "lmskurs/participant.h"
#include "lmskurs/print.h"
#include "lmskurs/run.h"
#include "lmskurs/session.h"
#include "lmskurs/ui/attendance.h"
#include "lmskurs/ui/form.h"
#include "lmskurs/ui/keys.h"
#include "lmskurs/ui/runs.h"
#include "lmskurs/ui/view.h"
#include "../../src/ui/attendance_internal.h"
#include "testlib.h"

static void utf8_locale(void)
{
	setlocale(LC_ALL, "C.UTF-8");
}

TestSuite(ui_attendance, .init = utf8_locale);

/* ---- keys and help ---- */

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

#define EVERYWHERE \
	"Everywhere\n" \
	"  ?, F1 | Show the keys of this screen\n" \
	"  Ctrl-L | Redraw the screen\n" \
	"  Ctrl-Z | Suspend to the shell (fg comes back)\n" \
	"  Ctrl-C | Quit lmskurs\n"

Test(ui_attendance, help_of_marking_is_pinned)
{
	struct help_text t;
	cr_assert_str_eq(help_of(&session_attendance_view, &t),
		"Moving\n"
		"  Up, k | Move up one row\n"
		"  Down, j | Move down one row\n"
		"  PgUp | Move up one page\n"
		"  PgDn | Move down one page\n"
		"Screens\n"
		"  Esc, q | Go back to the previous screen\n"
		"  O | Show the run's attendance: every participant at every session, with rates and who completed\n"
		"  p | Print the attendance sheet: a PDF, and to the printer if you want\n"
		"Changing\n"
		"  Space, o, 1 | Mark the selected participant present, then go to the next\n"
		"  f, 2 | Mark the selected participant absent, then go to the next\n"
		"  g, 3 | Mark the selected participant excused (absent with a valid reason), then go to the next\n"
		"  Delete, Backspace, 0 | Remove the selected participant's mark (after the session's day, asks why)\n"
		EVERYWHERE);
}

Test(ui_attendance, help_of_looking_only_is_pinned)
{
	struct help_text t;
	cr_assert_str_eq(help_of(&session_attendance_readonly, &t),
		"Moving\n"
		"  Up, k | Move up one row\n"
		"  Down, j | Move down one row\n"
		"  PgUp | Move up one page\n"
		"  PgDn | Move down one page\n"
		"  Home, g | Go to the first row\n"
		"  End, G | Go to the last row\n"
		"Screens\n"
		"  Esc, q | Go back to the previous screen\n"
		"  O | Show the run's attendance: every participant at every session, with rates and who completed\n"
		"  p | Print the attendance sheet: a PDF, and to the printer if you want\n"
		EVERYWHERE);
}

Test(ui_attendance, help_of_the_grid_is_pinned)
{
	struct help_text t;
	cr_assert_str_eq(help_of(&attendance_grid_view, &t),
		"Moving\n"
		"  Up, k | Move up one row\n"
		"  Down, j | Move down one row\n"
		"  PgUp | Move up one page\n"
		"  PgDn | Move down one page\n"
		"  Home, g | Go to the first row\n"
		"  End, G | Go to the last row\n"
		"  Left, h | Scroll sideways to earlier sessions\n"
		"  Right, l | Scroll sideways to later sessions\n"
		"Screens\n"
		"  Esc, q | Go back to the previous screen\n"
		"  p | Print the attendance sheet: a PDF, and to the printer if you want\n"
		EVERYWHERE);
}

Test(ui_attendance, help_of_printing_is_pinned)
{
	struct help_text t;
	help_of(&attendance_print_view, &t);
	cr_assert(strstr(t.buf, "  Ctrl-S, F2 | Save\n"), "%s", t.buf);
	cr_assert_null(strstr(t.buf, "Moving"), "a form offers no list moves: %s", t.buf);
	cr_assert_str_eq(help_of(&attendance_printed_view, &t),
		"Screens\n"
		"  Enter | Open the selected entry\n"
		"  Esc, q | Go back to the previous screen\n"
		EVERYWHERE);
}

static const lk_view_ops *const my_views[] = {
	&session_attendance_view, &session_attendance_readonly, &attendance_grid_view,
	&attendance_print_view, &attendance_print_run_view, &attendance_printed_view,
	&week_view, &run_view, &run_view_readonly,
};

Test(ui_attendance, no_view_has_two_actions_on_one_key_and_hints_are_offered)
{
	for (size_t i = 0; i < sizeof my_views / sizeof my_views[0]; i++) {
		const lk_view_ops *v = my_views[i];
		lk_action a, b;
		lk_key k = keys_clash(v->actions, v->text_entry, &a, &b);
		cr_assert_eq(k, 0, "%s: key %d is %s and %s", v->name, k, keys_action(a)->name, keys_action(b)->name);
		for (const lk_action *h = v->hints; *h; h++) {
			bool offered = keys_action(*h)->group == LK_GROUP_GLOBAL;
			for (const lk_action *o = v->actions; *o; o++)
				offered |= *o == *h;
			cr_assert(offered, "%s hints %s without offering it", v->name, keys_action(*h)->name);
		}
	}
}

Test(ui_attendance, bottom_lines_are_pinned_and_one_key_marks)
{
	struct {
		const lk_view_ops *v;
		const char *line;
	} cases[] = {
		{&session_attendance_view, "Space present  f absent  g excused  Delete unmark  p print  Esc back  ? help"},
		{&session_attendance_readonly, "p print  O attendance grid  Esc back  ? help"},
		{&attendance_grid_view, "Left earlier  Right later  p print  Esc back  ? help"},
		{&attendance_printed_view, "Esc back  ? help"},
		{&week_view, "Enter open  o attendance  p print  - week back  + week on  t this week  Esc back  ? help"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *h = keys_hint_line(cases[i].v->hints, cases[i].v->text_entry, true);
		cr_assert_str_eq(h, cases[i].line);
		free(h);
	}
	const lk_action *a = session_attendance_view.actions;
	cr_assert_eq(keys_lookup(' ', a, false), LK_ACT_MARK_PRESENT);
	cr_assert_eq(keys_lookup('o', a, false), LK_ACT_MARK_PRESENT, "o: oppmøtt");
	cr_assert_eq(keys_lookup('f', a, false), LK_ACT_MARK_ABSENT, "f: fravær");
	cr_assert_eq(keys_lookup('g', a, false), LK_ACT_MARK_EXCUSED, "g: gyldig fravær, not 'first row' here");
	cr_assert_eq(keys_lookup('3', a, false), LK_ACT_MARK_EXCUSED);
	cr_assert_eq(keys_lookup('p', a, false), LK_ACT_PRINT_SHEET, "p prints, as everywhere");
	/* Looking only: none of the marking keys means anything. */
	a = session_attendance_readonly.actions;
	cr_assert_eq(keys_lookup(' ', a, false), LK_ACT_NONE);
	cr_assert_eq(keys_lookup('f', a, false), LK_ACT_NONE);
	cr_assert_eq(keys_lookup('g', a, false), LK_ACT_MOVE_FIRST);
	/* o opens attendance from the week and the run, p prints, O the grid. */
	cr_assert_eq(keys_lookup('o', week_view.actions, false), LK_ACT_ATTENDANCE);
	cr_assert_eq(keys_lookup('p', week_view.actions, false), LK_ACT_PRINT_SHEET);
	cr_assert_eq(keys_lookup('O', run_view_readonly.actions, false), LK_ACT_ATTENDANCE_GRID);
	cr_assert_eq(keys_lookup('G', run_view.actions, false), LK_ACT_MOVE_LAST, "G stays the last row");
}

/* ---- texts ---- */

static void expect_text(char *got, const char *want)
{
	cr_assert_not_null(got);
	cr_assert_str_eq(got, want);
	free(got);
}

Test(ui_attendance, counts_marks_and_rates_in_words)
{
	expect_text(attendance_count_text(7, 1, 1, 3), "present 7, absent 1, excused 1, not marked 3 of 12");
	expect_text(attendance_count_text(0, 0, 0, 0), "present 0, absent 0, excused 0, not marked 0 of 0");
	cr_assert_str_eq(attendance_cell_label(LK_CELL_NOT_EXPECTED), "not expected");
	cr_assert_str_eq(attendance_cell_label(LK_CELL_UNMARKED), "not marked");
	const char *marks[] = {"P", "A", "E", "", "–", "x"};
	for (int c = LK_CELL_PRESENT; c <= LK_CELL_CANCELLED; c++)
		cr_assert_str_eq(attendance_cell_mark((lk_att_cell)c), marks[c], "cell %d", c);

	lk_attendance_summary s = {.present = 5, .held_expected = 6, .rate_pct = 83, .planned_expected = 8};
	expect_text(attendance_rate_text(&s), "5/6 held (83 %)");
	cr_assert_str_eq(attendance_completion_text(&s), "");
	s.completed = true;
	cr_assert_str_eq(attendance_completion_text(&s), "completed");
	s.completed = false;
	s.completion_unreachable = true;
	cr_assert_str_eq(attendance_completion_text(&s), "! cannot complete any more");
	lk_attendance_summary none = {.rate_pct = -1};
	expect_text(attendance_rate_text(&none), "none held yet");
}

Test(ui_attendance, sheet_file_names_keep_letters_and_drop_separators)
{
	lk_date d = {2027, 3, 4};
	expect_text(attendance_sheet_filename("/home/kari", d, "Leve med KOLS – Ålesund"),
		"/home/kari/attendance-sheet-2027-03-04-Leve-med-KOLS-–-Ålesund.pdf");
	expect_text(attendance_sheet_filename("/home/kari/", d, "  Mat/drikke: \"før\" & etter?  "),
		"/home/kari/attendance-sheet-2027-03-04-Mat-drikke-før-etter.pdf");
	expect_text(attendance_sheet_filename(".", (lk_date){0}, "Пациентская школа 张伟"),
		"./attendance-sheet-Пациентская-школа-张伟.pdf");
	expect_text(attendance_sheet_filename("/tmp", d, "../../etc"), "/tmp/attendance-sheet-2027-03-04-etc.pdf");
	expect_text(attendance_sheet_filename("/tmp", d, ""), "/tmp/attendance-sheet-2027-03-04.pdf");
	/* Cut to 40 bytes, never inside a character. */
	char *long_name = attendance_sheet_filename("/t", d, "Æææææææææææææææææææææææææææææææææææææææææææææææææ");
	cr_assert_not_null(long_name);
	cr_assert_str_eq(long_name, "/t/attendance-sheet-2027-03-04-Æ" "æææææææææææææææææææ" ".pdf");
	free(long_name);
}

/* ---- against a database ---- */

static sqlite3 *raw_open(lk_ctx *ctx)
{
	sqlite3 *h;
	cr_assert_eq(sqlite3_open_v2(tl_db_path(ctx), &h, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
	sqlite3_busy_timeout(h, 2000);
	return h;
}

static int64_t raw_int(sqlite3 *h, const char *sql)
{
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK, "%s", sqlite3_errmsg(h));
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW, "%s", sqlite3_errmsg(h));
	int64_t v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* The rows of a query joined "a|b;c|d" (texts), newly allocated. */
static char *raw_rows(sqlite3 *h, const char *sql)
{
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK, "%s", sqlite3_errmsg(h));
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	for (int n = 0; sqlite3_step(st) == SQLITE_ROW; n++) {
		fputs(n ? ";" : "", f);
		for (int i = 0; i < sqlite3_column_count(st); i++)
			fprintf(f, "%s%s", i ? "|" : "", (const char *)sqlite3_column_text(st, i));
	}
	sqlite3_finalize(st);
	fclose(f);
	return buf;
}

static int64_t data_version(sqlite3 *h)
{
	return raw_int(h, "PRAGMA data_version");
}

/* The attendance rows as "enrollment|status|reason;…". */
static char *marks_of(sqlite3 *h)
{
	return raw_rows(h, "SELECT enrollment_id, status, reason FROM attendance ORDER BY session_id, enrollment_id");
}

static lk_date d(const char *iso)
{
	lk_date out;
	cr_assert_eq(date_parse(iso, &out, NULL), 0, "%s", iso);
	return out;
}

/* A course "Leve med KOLS – Ålesund" run "Våren 2027": sessions on the
 * Mondays 11, 18 and 25 January 2027 at 17:00, paired, registration open,
 * five participants registered on 10 January. */
typedef struct fx {
	lk_ctx *ctx;
	sqlite3 *h;
	int64_t run;
	int64_t s[3];
	int64_t e[6]; /* by name: Bjørn, Nguyễn, Åse, Ольга, سارة; [5] placed later */
} fx;

static const char *const names[5] = {"Åse Ødegård", "Nguyễn Văn Anh", "Ольга Петрова", "سارة الحربي", "Bjørn Ås"};

static int64_t enroll(lk_ctx *ctx, int64_t run, const char *name, lk_category cat)
{
	lk_err err;
	lk_participant p = {.name = (char *)name, .phone = "91234567"};
	cr_assert_eq(participant_create(ctx, &p, &err), 0, "%s", err.msg);
	lk_enrollment e;
	cr_assert_eq(enroll_add(ctx, run, p.id, cat, false, &e, &err), 0, "%s", err.msg);
	int64_t id = e.id;
	enrollment_free(&e);
	return id;
}

static int64_t session_id_of(sqlite3 *h, int64_t run_id, int seq)
{
	char sql[128];
	snprintf(sql, sizeof sql, "SELECT id FROM session WHERE run_id = %lld AND seq = %d", (long long)run_id, seq);
	return raw_int(h, sql);
}

static fx make_fx(void)
{
	lk_err err;
	fx f = {.ctx = tl_ctx()};
	f.h = raw_open(f.ctx);
	lk_course c = {.title = "Leve med KOLS – Ålesund", .audience = LK_AUDIENCE_BOTH};
	cr_assert_eq(course_create(f.ctx, &c, &err), 0, "%s", err.msg);
	for (int i = 0; i < 3; i++) {
		char topic[32];
		snprintf(topic, sizeof topic, "Del %d: å mestre", i + 1);
		lk_course_part p = {.course_id = c.id, .topic = topic, .minutes = 120};
		cr_assert_eq(course_part_add(f.ctx, &p, &err), 0, "%s", err.msg);
	}
	cr_assert_eq(course_set_phase(f.ctx, c.id, LK_COURSE_PLANNING, "test", NULL, &err), 0, "%s", err.msg);
	cr_assert_eq(course_set_phase(f.ctx, c.id, LK_COURSE_ACTIVE, "test", NULL, &err), 0, "%s", err.msg);
	lk_run r = {.course_id = c.id, .title = "Våren 2027", .capacity = 12};
	cr_assert_eq(run_create(f.ctx, &r, &err), 0, "%s", err.msg);
	f.run = r.id;
	lk_schedule s = {.first = d("2027-01-11"), .every_weeks = 1, .hour = 17, .minute = 0, .room = "Møterom Ørnen"};
	cr_assert_eq(run_schedule(f.ctx, f.run, &s, &err), 3, "%s", err.msg);
	int64_t ids[2] = {tl_person(f.ctx, "Kari Fagerlund", LK_PROFESSIONAL), tl_person(f.ctx, "Ørjan Brukersen", LK_USER_REP)};
	cr_assert_eq(run_assign_facilitators(f.ctx, f.run, ids, 2, &err), 3, "%s", err.msg);
	cr_assert_eq(run_set_phase(f.ctx, f.run, LK_RUN_REGISTRATION, "test", NULL, &err), 0, "%s", err.msg);
	for (int i = 0; i < 5; i++)
		f.e[i] = enroll(f.ctx, f.run, names[i], i == 2 ? LK_CAT_RELATIVE : LK_CAT_PATIENT);
	for (int i = 0; i < 3; i++)
		f.s[i] = session_id_of(f.h, f.run, i + 1);
	return f;
}

static void to_execution(fx *f)
{
	lk_err err;
	cr_assert_eq(run_set_phase(f->ctx, f->run, LK_RUN_EXECUTION, "test", NULL, &err), 0, "%s", err.msg);
}

static void fx_close(fx *f)
{
	sqlite3_close(f->h);
	ctx_close(f->ctx);
}

struct ui_fixture {
	lk_ui ui;
	lk_err err;
};

static lk_view *push(struct ui_fixture *u, lk_ctx *ctx, const lk_view_ops *ops, const void *arg)
{
	ui_init(&u->ui, ctx, NULL, false);
	cr_assert_eq(ui_push(&u->ui, ops, arg, &u->err), 0, "%s", u->err.msg);
	return ui_top(&u->ui);
}

/* Row i of the marking view: "mark|name|category". */
static char *row_text(lk_view *v, int64_t i)
{
	lk_list *l = attendance_view_list(v);
	cr_assert_not_null(l);
	lk_err err;
	int64_t cursor = l->cursor;
	cr_assert_eq(list_move_to(l, i, &err), 0, "%s", err.msg);
	const void *row = list_row(l, i);
	cr_assert_not_null(row, "row %lld", (long long)i);
	const char *c[LK_LIST_COLS_MAX];
	l->ops->row_cells(row, c);
	size_t n = strlen(c[0]) + strlen(c[1]) + strlen(c[2]) + 3;
	char *t = malloc(n);
	snprintf(t, n, "%s|%s|%s", c[0], c[1], c[2]);
	cr_assert_eq(list_move_to(l, cursor, &err), 0, "%s", err.msg);
	return t;
}

static void expect_row(lk_view *v, int64_t i, const char *want)
{
	expect_text(row_text(v, i), want);
}

static void expect_count(lk_view *v, const char *want)
{
	expect_text(attendance_view_count_text(v), want);
}

Test(ui_attendance, staff_mark_with_one_key_each_and_see_the_running_count)
{
	fx f = make_fx();
	to_execution(&f);
	lk_ctx *staff = tl_ctx_as(f.ctx, "vert", LK_ROLE_STAFF);
	tl_set_now(f.ctx, "2027-01-11T17:30");
	struct ui_fixture u;
	lk_view *v = push(&u, staff, &session_attendance_view, &f.s[0]);
	cr_assert_eq(v->ops, &session_attendance_view, "staff may mark");
	char *title = v->ops->title(v);
	cr_assert_str_eq(title, "Attendance: Leve med KOLS – Ålesund · Våren 2027, session 1");
	free(title);
	lk_list *l = attendance_view_list(v);
	cr_assert_eq(l->total, 5);
	expect_count(v, "present 0, absent 0, excused 0, not marked 5 of 5");
	/* Sorted by name as the core sorts them. */
	expect_row(v, 0, "not marked|Bjørn Ås|patient");
	expect_row(v, 2, "not marked|Åse Ødegård|patient");
	expect_row(v, 3, "not marked|Ольга Петрова|relative");
	expect_row(v, 4, "not marked|سارة الحربي|patient");

	cr_assert(v->ops->request(v, LK_ACT_MARK_PRESENT));
	cr_assert_str_eq(u.ui.status, "Bjørn Ås: present.");
	cr_assert_eq(l->cursor, 1, "on to the next");
	cr_assert(v->ops->request(v, LK_ACT_MARK_ABSENT));
	cr_assert_str_eq(u.ui.status, "Nguyễn Văn Anh: absent.");
	cr_assert(v->ops->request(v, LK_ACT_MARK_EXCUSED));
	cr_assert(v->ops->request(v, LK_ACT_MARK_PRESENT));
	cr_assert_eq(l->cursor, 4);
	expect_count(v, "present 2, absent 1, excused 1, not marked 1 of 5");
	expect_row(v, 0, "present|Bjørn Ås|patient");
	expect_row(v, 1, "absent|Nguyễn Văn Anh|patient");
	expect_row(v, 2, "excused|Åse Ødegård|patient");
	expect_row(v, 3, "present|Ольга Петрова|relative");
	expect_row(v, 4, "not marked|سارة الحربي|patient");
	char *m = marks_of(f.h);
	char want[256];
	snprintf(want, sizeof want, "%lld|excused|;%lld|absent|;%lld|present|;%lld|present|",
		(long long)f.e[0], (long long)f.e[1], (long long)f.e[2], (long long)f.e[4]);
	cr_assert_str_eq(m, want, "the database holds the marks");
	free(m);
	cr_assert_eq(raw_int(f.h, "SELECT count(*) FROM attendance WHERE marked_by = 'vert'"), 4);

	/* On the day a slip is fixed without a reason; the same mark again changes nothing. */
	cr_assert_eq(list_move(l, -1, &u.err), 0); /* Up: the driver's */
	int64_t before = data_version(f.h);
	cr_assert(v->ops->request(v, LK_ACT_MARK_PRESENT));
	cr_assert_eq(data_version(f.h), before, "present again: nothing written");
	cr_assert_eq(l->cursor, 4, "but on to the next");
	cr_assert_eq(list_move_to(l, 1, &u.err), 0);
	cr_assert(v->ops->request(v, LK_ACT_MARK_PRESENT));
	expect_row(v, 1, "present|Nguyễn Văn Anh|patient");
	cr_assert_eq(list_move_to(l, 1, &u.err), 0);
	cr_assert(v->ops->request(v, LK_ACT_MARK_CLEAR));
	expect_row(v, 1, "not marked|Nguyễn Văn Anh|patient");
	expect_count(v, "present 2, absent 0, excused 1, not marked 2 of 5");
	cr_assert_eq(raw_int(f.h, "SELECT count(*) FROM attendance WHERE reason <> ''"), 0, "no reason asked on the day");
	ui_fini(&u.ui);
	ctx_close(staff);
	fx_close(&f);
}

/* The answers a test gives when the view asks for a reason. */
static int asked;
static const char *answer;
static char last_prompt[512];

static char *test_ask(lk_ui *ui, const char *title, const char *prompt)
{
	(void)ui;
	(void)title;
	asked++;
	snprintf(last_prompt, sizeof last_prompt, "%s", prompt);
	return answer ? strdup(answer) : NULL;
}

Test(ui_attendance, a_correction_after_the_day_asks_why_and_keeps_it)
{
	fx f = make_fx();
	to_execution(&f);
	lk_err err;
	tl_set_now(f.ctx, "2027-01-11T18:00");
	cr_assert_eq(attendance_mark(f.ctx, f.s[0], f.e[4], LK_ATT_ABSENT, NULL, &err), 0, "%s", err.msg);
	tl_set_now(f.ctx, "2027-01-12T09:00"); /* the next day */
	lk_ctx *staff = tl_ctx_as(f.ctx, "vert", LK_ROLE_STAFF);
	struct ui_fixture u;
	lk_view *v = push(&u, staff, &session_attendance_view, &f.s[0]);
	attendance_view_set_ask(v, test_ask);
	asked = 0;

	/* Cancelled: nothing written, said so. */
	answer = NULL;
	int64_t before = data_version(f.h);
	cr_assert(v->ops->request(v, LK_ACT_MARK_PRESENT));
	cr_assert_eq(asked, 1);
	cr_assert_str_eq(last_prompt, "Bjørn Ås is marked absent at the session of 11.01.2027. Changing it to present now is a correction: write why (it is kept with the attendance).");
	cr_assert_str_eq(u.ui.status, "Nothing was changed.");
	cr_assert_eq(data_version(f.h), before, "a cancelled correction writes nothing");
	cr_assert_eq(attendance_view_list(v)->cursor, 0, "the cursor stays");

	/* Given: marked, the reason kept with the mark, logged as a correction. */
	answer = "Kom etter pausen, ført feil på arket";
	cr_assert(v->ops->request(v, LK_ACT_MARK_PRESENT));
	cr_assert_eq(asked, 2);
	expect_row(v, 0, "present|Bjørn Ås|patient");
	char *m = marks_of(f.h);
	char want[128];
	snprintf(want, sizeof want, "%lld|present|Kom etter pausen, ført feil på arket", (long long)f.e[4]);
	cr_assert_str_eq(m, want);
	free(m);
	cr_assert_eq(raw_int(f.h, "SELECT count(*) FROM audit WHERE action = 'correct' AND entity = 'attendance'"), 1);

	/* A first mark the day after (the late paper sheet) is no correction. */
	cr_assert_eq(attendance_view_list(v)->cursor, 1);
	cr_assert(v->ops->request(v, LK_ACT_MARK_EXCUSED));
	cr_assert_eq(asked, 2, "no reason asked for a first mark");
	expect_row(v, 1, "excused|Nguyễn Văn Anh|patient");

	/* Removing a mark after the day asks too; cancelled, it stays. */
	cr_assert_eq(list_move_to(attendance_view_list(v), 1, &u.err), 0);
	answer = NULL;
	cr_assert(v->ops->request(v, LK_ACT_MARK_CLEAR));
	cr_assert_eq(asked, 3);
	expect_row(v, 1, "excused|Nguyễn Văn Anh|patient");
	answer = "Feil person";
	cr_assert(v->ops->request(v, LK_ACT_MARK_CLEAR));
	expect_row(v, 1, "not marked|Nguyễn Văn Anh|patient");
	cr_assert_eq(raw_int(f.h, "SELECT count(*) FROM audit WHERE action = 'correct' AND detail LIKE '%reason: Feil person'"), 1);
	ui_fini(&u.ui);
	ctx_close(staff);
	fx_close(&f);
}

Test(ui_attendance, someone_placed_after_the_session_is_not_expected_and_not_markable)
{
	fx f = make_fx();
	to_execution(&f);
	tl_set_now(f.ctx, "2027-01-13T10:00");
	f.e[5] = enroll(f.ctx, f.run, "Aino Kallio", LK_CAT_PATIENT);
	struct ui_fixture u;
	lk_view *v = push(&u, f.ctx, &session_attendance_view, &f.s[0]);
	expect_row(v, 0, "not expected|Aino Kallio|patient");
	expect_count(v, "present 0, absent 0, excused 0, not marked 5 of 5");
	int64_t before = data_version(f.h);
	cr_assert(v->ops->request(v, LK_ACT_MARK_PRESENT));
	cr_assert(strstr(u.ui.status, "Aino Kallio got a place after this session"), "%s", u.ui.status);
	cr_assert_eq(attendance_view_list(v)->cursor, 0, "the cursor stays on a row that cannot be marked");
	cr_assert_eq(data_version(f.h), before, "nothing written");
	ui_fini(&u.ui);

	/* At the next session she is expected. */
	tl_set_now(f.ctx, "2027-01-18T17:10");
	v = push(&u, f.ctx, &session_attendance_view, &f.s[1]);
	expect_row(v, 0, "not marked|Aino Kallio|patient");
	cr_assert(v->ops->request(v, LK_ACT_MARK_PRESENT));
	expect_row(v, 0, "present|Aino Kallio|patient");
	ui_fini(&u.ui);
	fx_close(&f);
}

Test(ui_attendance, refusals_show_the_cores_words_and_write_nothing)
{
	fx f = make_fx(); /* still open for registration */
	lk_ctx *staff = tl_ctx_as(f.ctx, "vert", LK_ROLE_STAFF);
	lk_ctx *rep = tl_ctx_as(f.ctx, "brukerrep", LK_ROLE_USER_REP);
	tl_set_now(f.ctx, "2027-01-11T17:30");
	int64_t before = data_version(f.h);
	struct ui_fixture u;

	/* The run is not under way yet. */
	lk_view *v = push(&u, staff, &session_attendance_view, &f.s[0]);
	cr_assert_eq(v->ops, &session_attendance_view);
	cr_assert(v->ops->request(v, LK_ACT_MARK_PRESENT));
	cr_assert(strstr(u.ui.status, "The run is in the phase 'registration open'; attendance is marked once it is in 'running'"), "%s", u.ui.status);
	cr_assert_eq(attendance_view_list(v)->cursor, 0, "a refusal does not move on");
	expect_row(v, 0, "not marked|Bjørn Ås|patient");
	ui_fini(&u.ui);
	cr_assert_eq(data_version(f.h), before);

	/* The session's day has not come. */
	to_execution(&f);
	before = data_version(f.h);
	v = push(&u, staff, &session_attendance_view, &f.s[1]);
	cr_assert(v->ops->request(v, LK_ACT_MARK_ABSENT));
	cr_assert(strstr(u.ui.status, "This session is on 18.01.2027; attendance can be marked from that day."), "%s", u.ui.status);
	ui_fini(&u.ui);
	cr_assert_eq(data_version(f.h), before);

	/* A user representative may look, not mark: no marking keys, and
	 * asked anyway, the core says no. */
	v = push(&u, rep, &session_attendance_view, &f.s[0]);
	cr_assert_eq(v->ops, &session_attendance_readonly);
	cr_assert_eq(keys_lookup(' ', v->ops->actions, false), LK_ACT_NONE);
	cr_assert_eq(attendance_view_list(v)->total, 5, "names are shown");
	cr_assert(v->ops->request(v, LK_ACT_MARK_PRESENT));
	cr_assert(strstr(u.ui.status, "As user representative you may not mark attendance"), "%s", u.ui.status);
	ui_fini(&u.ui);
	cr_assert_eq(data_version(f.h), before);

	/* A cancelled session offers no marking, even to a coordinator. */
	lk_err err;
	lk_session se;
	memset(&se, 0, sizeof se);
	cr_assert_eq(session_get(f.ctx, f.s[2], &se, &err), 0, "%s", err.msg);
	cr_assert_eq(session_set_status(f.ctx, f.s[2], se.version, LK_SESSION_CANCELLED, &err), 0, "%s", err.msg);
	session_free(&se);
	tl_set_now(f.ctx, "2027-01-25T17:30");
	v = push(&u, f.ctx, &session_attendance_view, &f.s[2]);
	cr_assert_eq(v->ops, &session_attendance_readonly);
	expect_row(v, 0, "cancelled|Bjørn Ås|patient");
	ui_fini(&u.ui);

	/* A session that does not exist is refused on opening. */
	ui_init(&u.ui, f.ctx, NULL, false);
	int64_t none = 9999;
	cr_assert_eq(ui_push(&u.ui, &session_attendance_view, &none, &u.err), -1);
	cr_assert_eq(u.err.code, LK_ENOTFOUND);
	cr_assert_null(ui_top(&u.ui));
	ui_fini(&u.ui);
	ctx_close(rep);
	ctx_close(staff);
	fx_close(&f);
}

Test(ui_attendance, the_view_rereads_what_others_marked)
{
	fx f = make_fx();
	to_execution(&f);
	tl_set_now(f.ctx, "2027-01-11T17:30");
	lk_ctx *staff = tl_ctx_as(f.ctx, "vert", LK_ROLE_STAFF);
	struct ui_fixture u;
	lk_view *v = push(&u, staff, &session_attendance_view, &f.s[0]);
	lk_err err;
	cr_assert_eq(attendance_mark(f.ctx, f.s[0], f.e[2], LK_ATT_PRESENT, NULL, &err), 0, "%s", err.msg);
	cr_assert_eq(v->ops->reload(v, &err), 0, "%s", err.msg);
	expect_row(v, 3, "present|Ольга Петрова|relative");
	expect_count(v, "present 1, absent 0, excused 0, not marked 4 of 5");
	/* The run closed meanwhile: the marking keys go. */
	cr_assert_eq(run_set_phase(f.ctx, f.run, LK_RUN_CANCELLED, "Avlyst", NULL, &err), 0, "%s", err.msg);
	cr_assert_eq(v->ops->reload(v, &err), 0, "%s", err.msg);
	cr_assert_eq(v->ops, &session_attendance_readonly);
	ui_fini(&u.ui);
	ctx_close(staff);
	fx_close(&f);
}

/* ---- the grid ---- */

static char *grid_row(lk_view *v, int64_t i)
{
	lk_err err;
	lk_list *l = attendance_view_list(v);
	cr_assert_not_null(l);
	cr_assert_eq(list_move_to(l, i, &err), 0, "%s", err.msg);
	return attendance_grid_row_text(v, i);
}

Test(ui_attendance, the_grid_shows_marks_rates_and_who_completed)
{
	fx f = make_fx();
	to_execution(&f);
	lk_err err;
	tl_set_now(f.ctx, "2027-01-13T10:00");
	f.e[5] = enroll(f.ctx, f.run, "Aino Kallio", LK_CAT_PATIENT);
	tl_set_now(f.ctx, "2027-01-11T18:00");
	/* Session 1: Bjørn present, Nguyễn absent, Åse excused. */
	cr_assert_eq(attendance_mark(f.ctx, f.s[0], f.e[4], LK_ATT_PRESENT, NULL, &err), 0, "%s", err.msg);
	cr_assert_eq(attendance_mark(f.ctx, f.s[0], f.e[1], LK_ATT_ABSENT, NULL, &err), 0, "%s", err.msg);
	cr_assert_eq(attendance_mark(f.ctx, f.s[0], f.e[0], LK_ATT_EXCUSED, NULL, &err), 0, "%s", err.msg);
	tl_set_now(f.ctx, "2027-01-18T18:00");
	cr_assert_eq(attendance_mark(f.ctx, f.s[1], f.e[4], LK_ATT_PRESENT, NULL, &err), 0, "%s", err.msg);
	cr_assert_eq(attendance_mark(f.ctx, f.s[1], f.e[5], LK_ATT_PRESENT, NULL, &err), 0, "%s", err.msg);
	/* Session 3 is cancelled. */
	lk_session se;
	memset(&se, 0, sizeof se);
	cr_assert_eq(session_get(f.ctx, f.s[2], &se, &err), 0, "%s", err.msg);
	cr_assert_eq(session_set_status(f.ctx, f.s[2], se.version, LK_SESSION_CANCELLED, &err), 0, "%s", err.msg);
	session_free(&se);

	lk_ctx *rep = tl_ctx_as(f.ctx, "brukerrep", LK_ROLE_USER_REP);
	int64_t before = data_version(f.h);
	struct ui_fixture u;
	lk_view *v = push(&u, rep, &attendance_grid_view, &f.run);
	char *title = v->ops->title(v);
	cr_assert_str_eq(title, "Attendance grid: Leve med KOLS – Ålesund · Våren 2027");
	free(title);
	cr_assert_eq(attendance_view_list(v)->total, 6);
	/* Rows by name: Aino, Bjørn, Nguyễn, Åse, Ольга, سارة; columns 1 2 3. */
	expect_text(grid_row(v, 0), "Aino Kallio|–|P|x|1/1 held (100 %)|completed");
	expect_text(grid_row(v, 1), "Bjørn Ås|P|P|x|2/2 held (100 %)|completed");
	expect_text(grid_row(v, 2), "Nguyễn Văn Anh|A||x|0/2 held (0 %)|! cannot complete any more");
	expect_text(grid_row(v, 3), "Åse Ødegård|E||x|0/2 held (0 %)|! cannot complete any more");
	expect_text(grid_row(v, 4), "Ольга Петрова|||x|0/2 held (0 %)|");
	expect_text(attendance_grid_counts_text(v),
		"present 1, absent 1, excused 1, not marked 2 of 5|present 2, absent 0, excused 0, not marked 4 of 6|present 0, absent 0, excused 0, not marked 0 of 0");

	/* The threshold is the config's: at 50 % Nguyễn, absent once of two,
	 * can still complete. */
	rep->settings.completion_threshold_pct = 50;
	cr_assert_eq(v->ops->reload(v, &err), 0, "%s", err.msg);
	expect_text(grid_row(v, 2), "Nguyễn Văn Anh|A||x|0/2 held (0 %)|");
	ui_fini(&u.ui);
	cr_assert_eq(data_version(f.h), before, "looking writes nothing");
	ctx_close(rep);
	fx_close(&f);
}

Test(ui_attendance, the_grid_scrolls_sideways_within_its_sessions)
{
	fx f = make_fx();
	struct ui_fixture u;
	lk_view *v = push(&u, f.ctx, &attendance_grid_view, &f.run);
	/* Headless nothing is drawn, so one column "fits": every step moves
	 * one session until the last, and never past either end. */
	cr_assert(v->ops->request(v, LK_ACT_SCROLL_LEFT));
	cr_assert_str_eq(u.ui.status, "The first session is shown.");
	free(u.ui.status);
	u.ui.status = NULL;
	cr_assert(v->ops->request(v, LK_ACT_SCROLL_RIGHT));
	cr_assert(v->ops->request(v, LK_ACT_SCROLL_RIGHT));
	cr_assert_null(u.ui.status, "sessions 2 and 3 came into view");
	cr_assert(v->ops->request(v, LK_ACT_SCROLL_RIGHT));
	cr_assert_str_eq(u.ui.status, "The last session is shown.");
	ui_fini(&u.ui);
	int64_t none = 4242;
	ui_init(&u.ui, f.ctx, NULL, false);
	cr_assert_eq(ui_push(&u.ui, &attendance_grid_view, &none, &u.err), -1);
	cr_assert_eq(u.err.code, LK_ENOTFOUND);
	ui_fini(&u.ui);
	fx_close(&f);
}

/* ---- entry points ---- */

Test(ui_attendance, o_and_p_on_a_session_of_the_week_and_the_run)
{
	fx f = make_fx();
	to_execution(&f);
	tl_set_now(f.ctx, "2027-01-11T16:00");
	lk_ctx *staff = tl_ctx_as(f.ctx, "vert", LK_ROLE_STAFF);
	struct ui_fixture u;
	lk_view *v = push(&u, staff, &week_view, NULL);
	lk_list *l = v->ops->list(v);
	lk_err err;
	/* The week opens on today's header (Monday): a header is no session. */
	cr_assert(v->ops->request(v, LK_ACT_ATTENDANCE));
	cr_assert_str_eq(u.ui.status, "Choose a session (a row under a day) first.");
	cr_assert_eq(ui_top(&u.ui), v);
	cr_assert_eq(list_move(l, 1, &err), 0, "%s", err.msg);
	cr_assert(v->ops->request(v, LK_ACT_ATTENDANCE));
	lk_view *top = ui_top(&u.ui);
	cr_assert_eq(top->ops, &session_attendance_view);
	char *t = top->ops->title(top);
	cr_assert_str_eq(t, "Attendance: Leve med KOLS – Ålesund · Våren 2027, session 1");
	free(t);
	ui_pop(&u.ui);
	cr_assert(v->ops->request(v, LK_ACT_PRINT_SHEET));
	cr_assert_eq(ui_top(&u.ui)->ops, &attendance_print_view);
	ui_fini(&u.ui);

	v = push(&u, staff, &run_view, &f.run);
	cr_assert_eq(v->ops, &run_view_readonly);
	cr_assert_eq(list_move(v->ops->list(v), 1, &err), 0, "%s", err.msg);
	cr_assert(v->ops->request(v, LK_ACT_ATTENDANCE));
	top = ui_top(&u.ui);
	t = top->ops->title(top);
	cr_assert_str_eq(t, "Attendance: Leve med KOLS – Ålesund · Våren 2027, session 2", "the selected session");
	free(t);
	cr_assert(top->ops->request(top, LK_ACT_ATTENDANCE_GRID));
	cr_assert_eq(ui_top(&u.ui)->ops, &attendance_grid_view, "O from the session's attendance");
	ui_pop(&u.ui);
	ui_pop(&u.ui);
	cr_assert(v->ops->request(v, LK_ACT_ATTENDANCE_GRID));
	cr_assert_eq(ui_top(&u.ui)->ops, &attendance_grid_view);
	cr_assert(ui_top(&u.ui)->ops->request(ui_top(&u.ui), LK_ACT_PRINT_SHEET));
	cr_assert_eq(ui_top(&u.ui)->ops, &attendance_print_run_view, "p in the grid: the whole run");
	ui_fini(&u.ui);
	ctx_close(staff);
	fx_close(&f);
}

/* ---- printing ---- */

/* One private folder per test (tl_tmpdir makes a new one each call). */
static const char *tmp(void)
{
	static const char *dir;
	if (!dir)
		dir = tl_tmpdir();
	return dir;
}

/* PATH as the test found it, put back before the test ends (the clean-up
 * at exit needs rm). */
static char saved_path[4096];

static void save_path(void)
{
	const char *p = getenv("PATH");
	snprintf(saved_path, sizeof saved_path, "%s", p ? p : "/usr/bin:/bin");
}

static void restore_path(void)
{
	setenv("PATH", saved_path, 1);
}

/* A fake lp in a folder of its own that logs its arguments to lp.args
 * beside it and answers like CUPS (status 0) or fails (1); PATH is set
 * to that folder only. Returns the folder. */
static const char *fake_lp(int status)
{
	static char dir[512];
	snprintf(dir, sizeof dir, "%s/bin", tmp());
	mkdir(dir, 0700);
	char path[600];
	snprintf(path, sizeof path, "%s/lp", dir);
	FILE *fp = fopen(path, "w");
	cr_assert_not_null(fp);
	fprintf(fp, "#!/bin/sh\nprintf '%%s\\n' \"$@\" > '%s/lp.args'\n", dir);
	if (status == 0)
		fprintf(fp, "echo 'request id is Kontor_2-17 (1 file(s))'\nexit 0\n");
	else
		fprintf(fp, "echo 'lp: The printer or class does not exist.' >&2\nexit 1\n");
	fclose(fp);
	chmod(path, 0700);
	setenv("PATH", dir, 1);
	return dir;
}

static char *slurp(const char *path)
{
	FILE *fp = fopen(path, "r");
	cr_assert_not_null(fp, "%s", path);
	char *buf = calloc(1, 4096);
	size_t n = fread(buf, 1, 4095, fp);
	buf[n] = 0;
	fclose(fp);
	return buf;
}

/* Types text into field i of the print form, replacing what is there. */
static void set_field(lk_view *v, int i, const char *text)
{
	lk_form *fm = attendance_print_form(v);
	cr_assert_not_null(fm);
	cr_assert_eq(edit_set(&fm->fields[i].edit, text), 0);
}

Test(ui_attendance, p_writes_a_private_pdf_and_says_where)
{
	fx f = make_fx();
	setenv("HOME", tmp(), 1);
	lk_ctx *staff = tl_ctx_as(f.ctx, "vert", LK_ROLE_STAFF);
	struct ui_fixture u;
	lk_view *v = push(&u, staff, &attendance_print_view, &f.s[0]);
	lk_form *fm = attendance_print_form(v);
	char want[600];
	snprintf(want, sizeof want, "%s/attendance-sheet-2027-01-11-Leve-med-KOLS-–-Ålesund.pdf", tmp());
	cr_assert_str_eq(form_text(fm, 0), want, "the default: in the home folder");
	cr_assert_eq(form_choice(fm, 1), 0, "no printer configured: only the PDF by default");
	cr_assert_not(fm->changed);
	set_field(v, 0, "~/liste.pdf");
	cr_assert(v->ops->request(v, LK_ACT_SAVE));
	cr_assert_eq(v->ops, &attendance_printed_view, "the result replaces the form");
	char path[600];
	snprintf(path, sizeof path, "%s/liste.pdf", tmp());
	struct stat st;
	cr_assert_eq(stat(path, &st), 0, "%s", path);
	cr_assert_eq(st.st_mode & 0777, 0600, "only the user may read it");
	snprintf(want, sizeof want, "Wrote the attendance sheet to %s (1 page, readable only by you). It lists 5 participants.", path);
	cr_assert_str_eq(attendance_printed_text(v), want);
	cr_assert_eq(raw_int(f.h, "SELECT count(*) FROM audit WHERE action = 'print' AND login = 'vert'"), 1);
	cr_assert(v->ops->request(v, LK_ACT_BACK));
	cr_assert_null(ui_top(&u.ui));
	ui_fini(&u.ui);

	/* A folder typed: the default name inside it. */
	v = push(&u, staff, &attendance_print_view, &f.s[1]);
	set_field(v, 0, tmp());
	cr_assert(v->ops->request(v, LK_ACT_SAVE));
	snprintf(path, sizeof path, "%s/attendance-sheet-2027-01-18-Leve-med-KOLS-–-Ålesund.pdf", tmp());
	cr_assert_eq(stat(path, &st), 0, "%s", path);
	ui_fini(&u.ui);

	/* The whole run in one file. */
	v = push(&u, staff, &attendance_print_run_view, &f.run);
	set_field(v, 0, "~/alle.pdf");
	cr_assert(v->ops->request(v, LK_ACT_SAVE));
	snprintf(path, sizeof path, "%s/alle.pdf", tmp());
	snprintf(want, sizeof want, "Wrote the attendance sheets of 3 sessions to %s (3 pages, readable only by you). It lists 15 participants.", path);
	cr_assert_str_eq(attendance_printed_text(v), want);
	ui_fini(&u.ui);
	ctx_close(staff);
	fx_close(&f);
}

Test(ui_attendance, a_refused_sheet_keeps_the_form_and_writes_nothing)
{
	fx f = make_fx();
	setenv("HOME", tmp(), 1);
	lk_err err;
	lk_session se;
	memset(&se, 0, sizeof se);
	cr_assert_eq(session_get(f.ctx, f.s[2], &se, &err), 0, "%s", err.msg);
	cr_assert_eq(session_set_status(f.ctx, f.s[2], se.version, LK_SESSION_CANCELLED, &err), 0, "%s", err.msg);
	session_free(&se);
	int64_t before = data_version(f.h);
	struct ui_fixture u;
	lk_view *v = push(&u, f.ctx, &attendance_print_view, &f.s[2]);
	set_field(v, 0, "~/avlyst.pdf");
	cr_assert(v->ops->request(v, LK_ACT_SAVE));
	cr_assert_eq(v->ops, &attendance_print_view, "the form stays");
	lk_form *fm = attendance_print_form(v);
	cr_assert_not_null(fm->message, "the core's refusal is shown");
	cr_assert_str_eq(form_text(fm, 0), "~/avlyst.pdf", "as typed");
	char path[600];
	snprintf(path, sizeof path, "%s/avlyst.pdf", tmp());
	cr_assert_neq(access(path, F_OK), 0, "no file");

	/* An empty name is refused next to the field; a missing folder by the core. */
	ui_fini(&u.ui);
	v = push(&u, f.ctx, &attendance_print_view, &f.s[0]);
	set_field(v, 0, "   ");
	cr_assert(v->ops->request(v, LK_ACT_SAVE));
	cr_assert_str_eq(attendance_print_form(v)->fields[0].error, "File must not be empty: write where the PDF goes.");
	set_field(v, 0, "/finnes/ikke/liste.pdf");
	cr_assert(v->ops->request(v, LK_ACT_SAVE));
	cr_assert_eq(v->ops, &attendance_print_view);
	cr_assert(strstr(u.ui.status, "/finnes/ikke/liste.pdf"), "%s", u.ui.status);
	cr_assert_eq(data_version(f.h), before, "nothing logged");
	ui_fini(&u.ui);
	fx_close(&f);
}

Test(ui_attendance, p_sends_to_lp_and_says_what_lp_said)
{
	fx f = make_fx();
	setenv("HOME", tmp(), 1);
	save_path();
	lk_config cfg;
	config_defaults(&cfg);
	cfg.printer = strdup("Kontor_2");
	struct ui_fixture u;
	ui_init(&u.ui, f.ctx, &cfg, false);
	cr_assert_eq(ui_push(&u.ui, &attendance_print_view, &f.s[0], &u.err), 0, "%s", u.err.msg);
	lk_view *v = ui_top(&u.ui);
	cr_assert_eq(form_choice(attendance_print_form(v), 1), 1, "a printer in the config: print by default");
	const char *dir = fake_lp(0);
	set_field(v, 0, "~/-ark.pdf");
	cr_assert(v->ops->request(v, LK_ACT_SAVE));
	const char *said = attendance_printed_text(v);
	cr_assert(strstr(said, "Sent it to the printer Kontor_2. request id is Kontor_2-17 (1 file(s))"), "%s", said);
	char args_path[600], want[600];
	snprintf(args_path, sizeof args_path, "%s/lp.args", dir);
	char *args = slurp(args_path);
	snprintf(want, sizeof want, "-d\nKontor_2\n%s/-ark.pdf\n", tmp());
	cr_assert_str_eq(args, want);
	free(args);
	ui_pop(&u.ui);

	/* lp fails: its message, and the file is still there. */
	fake_lp(1);
	cr_assert_eq(ui_push(&u.ui, &attendance_print_view, &f.s[0], &u.err), 0, "%s", u.err.msg);
	v = ui_top(&u.ui);
	set_field(v, 0, "~/liste.pdf");
	cr_assert(v->ops->request(v, LK_ACT_SAVE));
	said = attendance_printed_text(v);
	cr_assert(strstr(said, "! It was not printed: lp failed: lp: The printer or class does not exist. Check [printing] printer"), "%s", said);
	cr_assert(strstr(said, "Wrote the attendance sheet to "), "%s", said);
	ui_pop(&u.ui);

	/* No lp at all. */
	char empty[600];
	snprintf(empty, sizeof empty, "%s/empty", tmp());
	mkdir(empty, 0700);
	setenv("PATH", empty, 1);
	cr_assert_eq(ui_push(&u.ui, &attendance_print_view, &f.s[0], &u.err), 0, "%s", u.err.msg);
	v = ui_top(&u.ui);
	set_field(v, 0, "~/liste.pdf");
	cr_assert(v->ops->request(v, LK_ACT_SAVE));
	said = attendance_printed_text(v);
	cr_assert(strstr(said, "! It was not printed: the lp command (CUPS) is not installed."), "%s", said);
	ui_fini(&u.ui);
	restore_path();
	config_free(&cfg);
	fx_close(&f);
}

Test(ui_attendance, print_lp_outcomes)
{
	save_path();
	const char *dir = fake_lp(0);
	lk_print_result r;
	cr_assert_eq(print_lp(NULL, "-x.pdf", true, &r), 0);
	cr_assert_eq(r.outcome, LK_PRINT_SENT);
	cr_assert_str_eq(r.output, "request id is Kontor_2-17 (1 file(s))");
	print_result_free(&r);
	char p[600];
	snprintf(p, sizeof p, "%s/lp.args", dir);
	char *args = slurp(p);
	cr_assert_str_eq(args, "./-x.pdf\n", "a name like an option is not one");
	free(args);
	fake_lp(1);
	cr_assert_eq(print_lp("Kontor_2", "x.pdf", true, &r), -1);
	cr_assert_eq(r.outcome, LK_PRINT_FAILED);
	cr_assert_str_eq(r.output, "lp: The printer or class does not exist.");
	print_result_free(&r);
	setenv("PATH", "/nonexistent-lmskurs", 1);
	cr_assert_eq(print_lp(NULL, "x.pdf", false, &r), -1);
	cr_assert_eq(r.outcome, LK_PRINT_NO_LP);
	cr_assert_null(r.output);
	print_result_free(&r);
	restore_path();
}
