/* The run screens: their keys and help are pinned (generated from the key
 * table, so a change there shows here), their texts read well, and the
 * views work headless (ui_push without curses) against a real database:
 * session rows say pairing, double bookings and holidays in words; roles
 * without planning rights get the screens without the changing keys; the
 * forms keep what was typed when the core refuses, and a refusal writes
 * nothing. */
#include <criterion/criterion.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/course.h"
#include "lmskurs/enroll.h"
#include "lmskurs/participant.h"
#include "lmskurs/run.h"
#include "lmskurs/session.h"
#include "lmskurs/ui/form.h"
#include "lmskurs/ui/keys.h"
#include "lmskurs/ui/runs.h"
#include "lmskurs/ui/view.h"
#include "../../src/ui/run_internal.h"
#include "testlib.h"

static void utf8_locale(void)
{
	setlocale(LC_ALL, "C.UTF-8");
}

TestSuite(ui_runs, .init = utf8_locale);

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

Test(ui_runs, help_of_runs_is_pinned)
{
	struct help_text t;
	cr_assert_str_eq(help_of(&runs_view, &t),
		MOVING
		"Screens\n"
		"  Enter | Open the selected entry\n"
		"  Esc, q | Go back to the previous screen\n"
		"  / | Filter the list as you type; Enter keeps the filter, Esc clears it\n"
		"  f | Show only one phase; each press the next phase, then all again\n"
		"  -, Left | Show the year before\n"
		"  +, =, Right | Show the year after\n"
		"  0 | Show every year\n"
		EVERYWHERE);
}

Test(ui_runs, help_of_run_is_pinned)
{
	struct help_text t;
	cr_assert_str_eq(help_of(&run_view, &t),
		MOVING
		"Screens\n"
		"  Enter | Open the selected entry\n"
		"  Esc, q | Go back to the previous screen\n"
		"  C | Show the checklist of each phase (what the next phase's gate asks for)\n"
		"  o | Mark who came to the selected session (attendance)\n"
		"  O | Show the run's attendance: every participant at every session, with rates and who completed\n"
		"  p | Print the attendance sheet: a PDF, and to the printer if you want\n"
		"  P | Show the participants of the run: registered, then the waitlist\n"
		"  E | Show the run's evaluation: enter forms, results, the facilitators' own evaluations and the evaluation meeting\n"
		"Changing\n"
		"  e | Edit the selected entry\n"
		"  s | Lay out the sessions from the course's session plan (replaces the sessions there are)\n"
		"  f | Show and change the facilitators of the selected session\n"
		"  F | Book the same professional and user representative for every planned session\n"
		"  c | Set the number of places; people waiting move up when it rises\n"
		"  x | Mark the selected session held, cancelled or planned again (asks first)\n"
		"  X | Cancel it altogether (asks for a written reason)\n"
		"  > | Move to the next phase (first says what the phase still needs)\n"
		"  < | Move back one phase to fix something\n"
		EVERYWHERE);
}

Test(ui_runs, help_of_the_read_only_run_offers_no_changes)
{
	struct help_text t;
	cr_assert_str_eq(help_of(&run_view_readonly, &t),
		MOVING
		"Screens\n"
		"  Enter | Open the selected entry\n"
		"  Esc, q | Go back to the previous screen\n"
		"  C | Show the checklist of each phase (what the next phase's gate asks for)\n"
		"  o | Mark who came to the selected session (attendance)\n"
		"  O | Show the run's attendance: every participant at every session, with rates and who completed\n"
		"  p | Print the attendance sheet: a PDF, and to the printer if you want\n"
		"  P | Show the participants of the run: registered, then the waitlist\n"
		"  E | Show the run's evaluation: enter forms, results, the facilitators' own evaluations and the evaluation meeting\n"
		"Changing\n"
		"  f | Show and change the facilitators of the selected session\n"
		EVERYWHERE);
}

Test(ui_runs, help_of_the_checklist_is_pinned)
{
	struct help_text t;
	cr_assert_str_eq(help_of(&run_checklist_view, &t),
		MOVING
		"Screens\n"
		"  Esc, q | Go back to the previous screen\n"
		"Changing\n"
		"  Space | Tick or untick the selected entry\n"
		EVERYWHERE);
	cr_assert_null(strstr(help_of(&run_checklist_readonly, &t), "Tick"), "%s", t.buf);
}

Test(ui_runs, help_of_week_is_pinned)
{
	struct help_text t;
	cr_assert_str_eq(help_of(&week_view, &t),
		MOVING
		"Screens\n"
		"  Enter | Open the selected entry\n"
		"  Esc, q | Go back to the previous screen\n"
		"  -, Left | Show the week before\n"
		"  +, =, Right | Show the week after\n"
		"  t | Go back to this week\n"
		"  o | Mark who came to the selected session (attendance)\n"
		"  p | Print the attendance sheet: a PDF, and to the printer if you want\n"
		EVERYWHERE);
}

Test(ui_runs, help_of_facilitators_is_pinned)
{
	struct help_text t;
	cr_assert_str_eq(help_of(&run_facilitators_view, &t),
		MOVING
		"Screens\n"
		"  Esc, q | Go back to the previous screen\n"
		"Changing\n"
		"  a | Add a new entry\n"
		"  d | Delete the selected entry (asks first)\n"
		EVERYWHERE);
	cr_assert_null(strstr(help_of(&run_facilitators_readonly, &t), "Changing"), "%s", t.buf);
}

static const lk_view_ops *const my_views[] = {
	&runs_view, &run_view, &run_view_readonly, &week_view, &run_facilitators_view,
	&run_facilitators_readonly, &run_schedule_form_view, &run_session_form_view,
	&run_capacity_form_view, &run_status_form_view, &run_checklist_view, &run_checklist_readonly,
};

Test(ui_runs, no_view_has_two_actions_on_one_key_and_hints_are_offered)
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

Test(ui_runs, bottom_lines_are_pinned)
{
	struct {
		const lk_view_ops *v;
		const char *line;
	} cases[] = {
		{&runs_view, "Enter open  / filter  - year back  + year on  0 all years  f phase  Esc back  ? help"},
		{&run_view, "s schedule  e edit  f facilitators  F same for all  x status  > next phase  Esc back  ? help"},
		{&run_view_readonly, "Enter open  o attendance  O attendance grid  p print  P participants  Esc back  ? help"},
		{&week_view, "Enter open  o attendance  p print  - week back  + week on  t this week  Esc back  ? help"},
		{&run_facilitators_view, "a add  d delete  Esc back  ? help"},
		{&run_capacity_form_view, "Ctrl-S save  Esc cancel  Tab next field  F1 help"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *h = keys_hint_line(cases[i].v->hints, cases[i].v->text_entry, true);
		cr_assert_str_eq(h, cases[i].line);
		free(h);
	}
}

/* ---- texts ---- */

static lk_date d(const char *iso)
{
	lk_date out;
	cr_assert_eq(date_parse(iso, &out, NULL), 0, "%s", iso);
	return out;
}

static void expect_text(char *got, const char *want)
{
	cr_assert_not_null(got);
	cr_assert_str_eq(got, want);
	free(got);
}

Test(ui_runs, dates_say_iso_weeks)
{
	expect_text(runs_dates_text((lk_date){0}, (lk_date){0}), "no sessions yet");
	expect_text(runs_dates_text(d("2027-03-04"), d("2027-03-04")), "04.03.2027 wk 9");
	expect_text(runs_dates_text(d("2027-03-01"), d("2027-03-04")), "01.03.–04.03.2027 wk 9");
	expect_text(runs_dates_text(d("2027-02-10"), d("2027-03-10")), "10.02.–10.03.2027 wk 6–10");
	/* Across new year the ISO week starts again. */
	expect_text(runs_dates_text(d("2026-12-28"), d("2027-01-11")), "28.12.2026–11.01.2027 wk 53–2");
}

Test(ui_runs, places_and_pairing_in_words)
{
	lk_run r = {.capacity = 12, .n_registered = 3};
	expect_text(runs_places_text(&r), "3/12");
	r.n_waitlisted = 2;
	expect_text(runs_places_text(&r), "3/12 (+2 waiting)");
	r.capacity = 0;
	expect_text(runs_places_text(&r), "3/– (+2 waiting)");

	lk_run p = {0};
	expect_text(runs_pairing_text(&p), "no sessions");
	p.n_sessions = 4;
	expect_text(runs_pairing_text(&p), "paired");
	p.n_unpaired = 1;
	expect_text(runs_pairing_text(&p), "! 1 session unpaired");
	p.n_unpaired = 3;
	expect_text(runs_pairing_text(&p), "! 3 sessions unpaired");
}

Test(ui_runs, times_days_and_weeks)
{
	lk_session s = {.starts_at = {d("2027-03-08"), 9, 5}, .ends_at = {d("2027-03-08"), 11, 30}};
	expect_text(runs_time_text(&s), "09:05–11:30");
	expect_text(runs_day_text(d("2027-03-08"), false), "Monday 08.03.2027 (week 10)");
	expect_text(runs_day_text(d("2027-03-14"), true), "Sunday 14.03.2027 (week 10) · today");
	cr_assert_eq(date_cmp(runs_week_monday(d("2027-03-14")), d("2027-03-08")), 0);
	cr_assert_eq(date_cmp(runs_week_monday(d("2027-03-08")), d("2027-03-08")), 0);
	cr_assert_eq(date_cmp(runs_week_monday(d("2027-01-01")), d("2026-12-28")), 0, "a week across new year");
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

/* Changes seen by another connection: unchanged means nothing was written. */
static int64_t data_version(sqlite3 *h)
{
	return raw_int(h, "PRAGMA data_version");
}

static int64_t active_course(lk_ctx *ctx, const char *title, int parts)
{
	lk_err err;
	lk_course c = {.title = (char *)title, .audience = LK_AUDIENCE_BOTH};
	cr_assert_eq(course_create(ctx, &c, &err), 0, "%s", err.msg);
	for (int i = 0; i < parts; i++) {
		char topic[32];
		snprintf(topic, sizeof topic, "Del %d: mestring", i + 1);
		lk_course_part p = {.course_id = c.id, .topic = topic, .minutes = 120};
		cr_assert_eq(course_part_add(ctx, &p, &err), 0, "%s", err.msg);
	}
	cr_assert_eq(course_set_phase(ctx, c.id, LK_COURSE_PLANNING, "test", NULL, &err), 0, "%s", err.msg);
	cr_assert_eq(course_set_phase(ctx, c.id, LK_COURSE_ACTIVE, "test", NULL, &err), 0, "%s", err.msg);
	return c.id;
}

/* A run of course_id laid out weekly at 17:00 from first in room. */
static int64_t scheduled_run(lk_ctx *ctx, int64_t course_id, const char *first, const char *room, int capacity)
{
	lk_err err;
	lk_run r = {.course_id = course_id, .title = "Våren 2027", .capacity = capacity};
	cr_assert_eq(run_create(ctx, &r, &err), 0, "%s", err.msg);
	lk_schedule s = {.first = d(first), .every_weeks = 1, .hour = 17, .minute = 0, .room = room};
	cr_assert_geq(run_schedule(ctx, r.id, &s, &err), 1, "%s", err.msg);
	return r.id;
}

static int64_t session_id_of(sqlite3 *h, int64_t run_id, int seq)
{
	char sql[128];
	snprintf(sql, sizeof sql, "SELECT id FROM session WHERE run_id = %lld AND seq = %d", (long long)run_id, seq);
	return raw_int(h, sql);
}

/* The cells of list row i (the view's own list source). */
static void cells_of(lk_list *l, int64_t i, const char **cells)
{
	lk_err err;
	cr_assert_eq(list_move_to(l, i, &err), 0, "%s", err.msg);
	const void *row = list_row(l, i);
	cr_assert_not_null(row, "row %lld", (long long)i);
	l->ops->row_cells(row, cells);
}

struct ui_fixture {
	lk_ui ui;
	lk_err err;
};

static lk_view *push(struct ui_fixture *f, lk_ctx *ctx, const lk_view_ops *ops, const void *arg)
{
	ui_init(&f->ui, ctx, NULL, false);
	cr_assert_eq(ui_push(&f->ui, ops, arg, &f->err), 0, "%s", f->err.msg);
	return ui_top(&f->ui);
}

Test(ui_runs, session_rows_say_pairing_double_bookings_and_holidays)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = raw_open(ctx);
	lk_err err;
	/* 22.03.2027 is a Monday; 29.03.2027 is Easter Monday. */
	int64_t run = scheduled_run(ctx, active_course(ctx, "Leve med KOLS", 3), "2027-03-22", "Møterom Ålesund", 12);
	int64_t other = scheduled_run(ctx, active_course(ctx, "Hjerteskolen", 1), "2027-03-22", "MØTEROM ÅLESUND", 12);
	int64_t ids[2] = {tl_person(ctx, "Siri Fagerlund", LK_PROFESSIONAL), tl_person(ctx, "Ørjan Brukersen", LK_USER_REP)};
	cr_assert_eq(run_assign_facilitators(ctx, run, ids, 2, &err), 3, "%s", err.msg);
	cr_assert_eq(session_facilitator_remove(ctx, session_id_of(h, run, 2), ids[1], &err), 0, "%s", err.msg);
	cr_assert_eq(session_facilitator_add(ctx, session_id_of(h, other, 1), ids[0], &err), 0, "%s", err.msg);

	struct ui_fixture f;
	lk_view *v = push(&f, ctx, &run_view, &run);
	cr_assert_eq(v->ops, &run_view, "a coordinator gets the changing keys");
	lk_list *l = v->ops->list(v);
	cr_assert_eq(l->total, 3);
	const char *c[LK_LIST_COLS_MAX];
	cells_of(l, 0, c);
	cr_assert_str_eq(c[0], "1");
	cr_assert_str_eq(c[1], "Mon 22.03.2027 wk 12");
	cr_assert_str_eq(c[2], "17:00–19:00");
	cr_assert_str_eq(c[3], "F+B · ! room double booked · ! facilitator double booked");
	cr_assert_str_eq(c[4], "Siri Fagerlund, Ørjan Brukersen");
	cr_assert_str_eq(c[5], "Møterom Ålesund");
	cr_assert_str_eq(c[6], "Del 1: mestring");
	char *detail = run_session_detail(list_row(l, 0));
	cr_assert(strstr(detail, "! room double booked: Møterom Ålesund is also booked for Hjerteskolen, session 1, 22.03.2027 17:00–19:00"), "%s", detail);
	cr_assert(strstr(detail, "! facilitator double booked: Siri Fagerlund also leads Hjerteskolen, session 1"), "%s", detail);
	cr_assert(strstr(detail, "Facilitators: Siri Fagerlund (professional), Ørjan Brukersen (user representative)"), "%s", detail);
	free(detail);

	cells_of(l, 1, c);
	cr_assert_str_eq(c[1], "Mon 29.03.2027 wk 13");
	cr_assert_str_eq(c[3], "! Easter Monday · ! missing user representative");
	cr_assert_str_eq(c[4], "Siri Fagerlund");
	cells_of(l, 2, c);
	cr_assert_str_eq(c[3], "F+B", "the third session is paired and free");

	char *title = v->ops->title(v);
	cr_assert_str_eq(title, "Run: Leve med KOLS · Våren 2027");
	free(title);
	ui_fini(&f.ui);
	sqlite3_close(h);
	ctx_close(ctx);
}

Test(ui_runs, the_runs_list_filters_by_year_phase_and_text)
{
	lk_ctx *ctx = tl_ctx();
	int64_t kols = active_course(ctx, "Leve med KOLS", 2);
	scheduled_run(ctx, kols, "2027-03-22", "Rom 1", 12);
	scheduled_run(ctx, kols, "2026-09-07", "Rom 1", 12);
	scheduled_run(ctx, active_course(ctx, "Pårørendeskolen 张伟", 1), "2027-09-06", "Rom 2", 0);

	struct ui_fixture f;
	lk_view *v = push(&f, ctx, &runs_view, NULL);
	lk_list *l = v->ops->list(v);
	cr_assert_eq(l->total, 3);
	const char *c[LK_LIST_COLS_MAX];
	cells_of(l, 0, c);
	cr_assert_str_eq(c[0], "! Pårørendeskolen 张伟", "newest first; unpaired, so marked");
	cr_assert_str_eq(c[1], "Våren 2027");
	cr_assert_str_eq(c[2], "scheduling");
	cr_assert_str_eq(c[3], "06.09.2027 wk 36");
	cr_assert_str_eq(c[4], "0/–");
	cr_assert_str_eq(c[5], "! 1 session unpaired");
	char *t = v->ops->title(v);
	cr_assert_str_eq(t, "Runs, all years: 3 runs");
	free(t);

	/* The clock says 2027-01-10: stepping from every year starts there. */
	cr_assert(v->ops->request(v, LK_ACT_YEAR_PREV));
	cr_assert_eq(l->total, 2);
	t = v->ops->title(v);
	cr_assert_str_eq(t, "Runs 2027: 2 runs");
	free(t);
	cr_assert(v->ops->request(v, LK_ACT_YEAR_PREV));
	cr_assert_eq(l->total, 1);
	cells_of(l, 0, c);
	cr_assert_str_eq(c[3], "07.09.–14.09.2026 wk 37–38");
	cr_assert(v->ops->request(v, LK_ACT_YEAR_ALL));
	cr_assert_eq(l->total, 3);
	cr_assert(v->ops->request(v, LK_ACT_FILTER_PHASE));
	t = v->ops->title(v);
	cr_assert_str_eq(t, "Runs, all years: 3 runs in phase 'scheduling'");
	free(t);
	cr_assert(v->ops->request(v, LK_ACT_FILTER_PHASE));
	cr_assert_eq(l->total, 0, "none in registration");
	cr_assert_eq(list_set_filter(l, "张伟", &f.err), 0);
	cr_assert_eq(l->total, 0, "text and phase together");
	for (int i = LK_RUN_REGISTRATION; i < LK_RUN_PHASE_COUNT; i++)
		cr_assert(v->ops->request(v, LK_ACT_FILTER_PHASE));
	cr_assert_eq(l->total, 1, "after the last phase: every phase, the text filter stays");
	ui_fini(&f.ui);
	ctx_close(ctx);
}

Test(ui_runs, staff_and_user_representatives_get_no_changing_keys)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = raw_open(ctx);
	int64_t run = scheduled_run(ctx, active_course(ctx, "Leve med KOLS", 2), "2027-03-22", "Rom 1", 12);
	int64_t s1 = session_id_of(h, run, 1);
	lk_ctx *staff = tl_ctx_as(ctx, "vert", LK_ROLE_STAFF);
	lk_ctx *rep = tl_ctx_as(ctx, "brukerrep", LK_ROLE_USER_REP);
	int64_t before = data_version(h);

	struct ui_fixture f;
	lk_view *v = push(&f, staff, &run_view, &run);
	cr_assert_eq(v->ops, &run_view_readonly);
	cr_assert_eq(v->ops->list(v)->total, 2, "staff see the sessions");
	cr_assert_eq(keys_lookup('c', v->ops->actions, false), LK_ACT_NONE, "c means nothing here");
	cr_assert_eq(keys_lookup('>', v->ops->actions, false), LK_ACT_NONE);
	/* Asked anyway, the view refuses with the core's words, pushing nothing. */
	cr_assert(v->ops->request(v, LK_ACT_CAPACITY));
	cr_assert(strstr(f.ui.status, "As staff you may not"), "%s", f.ui.status);
	cr_assert_eq(ui_top(&f.ui), v);
	cr_assert_eq(ui_push(&f.ui, &run_facilitators_view, &s1, &f.err), 0, "%s", f.err.msg);
	cr_assert_eq(ui_top(&f.ui)->ops, &run_facilitators_readonly);
	/* The forms refuse to open, saying why. */
	cr_assert_eq(ui_push(&f.ui, &run_capacity_form_view, &run, &f.err), -1);
	cr_assert_eq(f.err.code, LK_EPERM);
	cr_assert(strstr(f.ui.status, "As staff you may not"), "%s", f.ui.status);
	cr_assert_eq(ui_push(&f.ui, &run_session_form_view, &s1, &f.err), -1);
	cr_assert_eq(ui_top(&f.ui)->ops, &run_facilitators_readonly, "nothing was pushed");
	ui_fini(&f.ui);

	v = push(&f, rep, &run_view, &run);
	cr_assert_eq(v->ops, &run_view_readonly);
	cr_assert_eq(ui_push(&f.ui, &run_schedule_form_view, &run, &f.err), -1);
	cr_assert_eq(f.err.code, LK_EPERM);
	ui_fini(&f.ui);
	cr_assert_eq(data_version(h), before, "reading wrote nothing");
	ctx_close(rep);
	ctx_close(staff);
	sqlite3_close(h);
	ctx_close(ctx);
}

Test(ui_runs, a_cancelled_run_offers_no_changes_even_to_a_coordinator)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = raw_open(ctx);
	lk_err err;
	int64_t run = scheduled_run(ctx, active_course(ctx, "Leve med KOLS", 2), "2027-03-22", "Rom 1", 12);
	int64_t s1 = session_id_of(h, run, 1);

	struct ui_fixture f;
	lk_view *v = push(&f, ctx, &run_view, &run);
	cr_assert_eq(v->ops, &run_view);
	cr_assert_eq(ui_push(&f.ui, &run_facilitators_view, &s1, &f.err), 0, "%s", f.err.msg);
	cr_assert_eq(ui_top(&f.ui)->ops, &run_facilitators_view);
	/* Cancelled meanwhile (another coordinator): both re-read and drop their changing keys. */
	cr_assert_eq(run_set_phase(ctx, run, LK_RUN_CANCELLED, "For få påmeldte", NULL, &err), 0, "%s", err.msg);
	cr_assert_eq(ui_top(&f.ui)->ops->reload(ui_top(&f.ui), &err), 0, "%s", err.msg);
	cr_assert_eq(ui_top(&f.ui)->ops, &run_facilitators_readonly);
	ui_pop(&f.ui);
	cr_assert_eq(ui_top(&f.ui), v);
	cr_assert_eq(v->ops, &run_view_readonly, "popping re-read the run");
	char *t = v->ops->title(v);
	cr_assert_str_eq(t, "Run: Leve med KOLS · Våren 2027");
	free(t);
	ui_fini(&f.ui);
	sqlite3_close(h);
	ctx_close(ctx);
}

Test(ui_runs, the_checklist_ticks_for_a_coordinator_only)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = raw_open(ctx);
	int64_t run = scheduled_run(ctx, active_course(ctx, "Leve med KOLS", 2), "2027-03-22", "Rom 1", 12);
	lk_ctx *staff = tl_ctx_as(ctx, "vert", LK_ROLE_STAFF);

	struct ui_fixture f;
	lk_view *v = push(&f, staff, &run_checklist_view, &run);
	cr_assert_eq(v->ops, &run_checklist_readonly);
	lk_list *l = v->ops->list(v);
	int64_t n = raw_int(h, "SELECT count(*) FROM checklist_item WHERE run_id IS NOT NULL");
	cr_assert_gt(n, 0, "the scheduling checklist was copied");
	cr_assert_eq(l->total, n);
	int64_t before = data_version(h);
	cr_assert(v->ops->request(v, LK_ACT_TOGGLE), "asked anyway, it refuses");
	cr_assert(strstr(f.ui.status, "As staff you may not"), "%s", f.ui.status);
	cr_assert_eq(data_version(h), before);
	ui_fini(&f.ui);

	v = push(&f, ctx, &run_checklist_view, &run);
	cr_assert_eq(v->ops, &run_checklist_view);
	const char *c[LK_LIST_COLS_MAX];
	cells_of(l = v->ops->list(v), 0, c);
	cr_assert(strncmp(c[0], "[ ] ", 4) == 0, "%s", c[0]);
	cr_assert_str_eq(c[1], "scheduling");
	cr_assert_str_eq(c[2], "");
	cr_assert(v->ops->request(v, LK_ACT_TOGGLE));
	cr_assert_str_eq(f.ui.status, "Ticked.");
	cells_of(l, 0, c);
	cr_assert(strncmp(c[0], "[x] ", 4) == 0, "%s", c[0]);
	cr_assert_str_eq(c[2], "koord 10.01.2027 09:00");
	cr_assert_eq(raw_int(h, "SELECT count(*) FROM checklist_item WHERE done = 1"), 1);
	cr_assert(v->ops->request(v, LK_ACT_TOGGLE));
	cr_assert_str_eq(f.ui.status, "Unticked.");
	cr_assert_eq(raw_int(h, "SELECT count(*) FROM checklist_item WHERE done = 1"), 0);
	ui_fini(&f.ui);
	ctx_close(staff);
	sqlite3_close(h);
	ctx_close(ctx);
}

/* Replaces the text of the form's field i. */
static void type_into(lk_view *v, int field, const char *text)
{
	lk_form *form = run_forms_form(v);
	cr_assert_not_null(form);
	form->cur = field;
	form_request(form, NULL, LK_ACT_LINE_END);
	form_request(form, NULL, LK_ACT_KILL_BEFORE);
	for (const char *p = text; *p;) {
		uint32_t cp;
		p += uitext_decode(p, strlen(p), &cp);
		cr_assert(v->ops->input(v, (lk_key)cp));
	}
}

static int64_t enroll_new(lk_ctx *ctx, int64_t run, const char *name)
{
	lk_err err;
	lk_participant p = {.name = (char *)name};
	cr_assert_eq(participant_create(ctx, &p, &err), 0, "%s", err.msg);
	lk_enrollment e;
	cr_assert_eq(enroll_add(ctx, run, p.id, LK_CAT_PATIENT, false, &e, &err), 0, "%s", err.msg);
	int64_t id = e.id;
	enrollment_free(&e);
	return id;
}

Test(ui_runs, capacity_form_refuses_nonsense_and_names_who_moved_up)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = raw_open(ctx);
	lk_err err;
	int64_t run = scheduled_run(ctx, active_course(ctx, "Leve med KOLS", 2), "2027-03-22", "Rom 1", 1);
	int64_t ids[2] = {tl_person(ctx, "Siri Fagerlund", LK_PROFESSIONAL), tl_person(ctx, "Ørjan Brukersen", LK_USER_REP)};
	cr_assert_eq(run_assign_facilitators(ctx, run, ids, 2, &err), 2, "%s", err.msg);
	cr_assert_eq(run_set_phase(ctx, run, LK_RUN_REGISTRATION, "test: checklist later", NULL, &err), 0, "%s", err.msg);
	enroll_new(ctx, run, "Åse Ødegård");
	enroll_new(ctx, run, "Zhang Wei 张伟");
	enroll_new(ctx, run, "محمد علي");

	struct ui_fixture f;
	lk_view *v = push(&f, ctx, &run_capacity_form_view, &run);
	int64_t before = data_version(h);
	type_into(v, 0, "0");
	cr_assert(v->ops->request(v, LK_ACT_SAVE));
	cr_assert_eq(ui_top(&f.ui), v, "refused: the form stays open");
	lk_form *form = run_forms_form(v);
	cr_assert_str_eq(form->fields[0].error, "Capacity must be between 1 and 1000 places.");
	cr_assert_str_eq(form_text(form, 0), "0", "what was typed stays");
	cr_assert_eq(data_version(h), before, "a refused capacity writes nothing");
	cr_assert_eq(raw_int(h, "SELECT capacity FROM run"), 1);

	type_into(v, 0, "3");
	cr_assert(v->ops->request(v, LK_ACT_SAVE));
	cr_assert_null(ui_top(&f.ui), "saved: the form closed");
	cr_assert_str_eq(f.ui.status, "Places set to 3. Moved up from the waitlist, call them: Zhang Wei 张伟, محمد علي.");
	cr_assert_eq(raw_int(h, "SELECT capacity FROM run"), 3);
	cr_assert_eq(raw_int(h, "SELECT count(*) FROM enrollment WHERE status = 'registered'"), 3);
	ui_fini(&f.ui);
	sqlite3_close(h);
	ctx_close(ctx);
}

Test(ui_runs, session_form_saves_and_keeps_typed_text_when_it_loses_a_race)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = raw_open(ctx);
	lk_err err;
	int64_t run = scheduled_run(ctx, active_course(ctx, "Leve med KOLS", 2), "2027-03-22", "Rom 1", 12);
	int64_t s1 = session_id_of(h, run, 1);

	struct ui_fixture f;
	lk_view *v = push(&f, ctx, &run_session_form_view, &s1);
	char *t = v->ops->title(v);
	cr_assert_str_eq(t, "Edit Session 1 · Mon 22.03.2027 wk 12 · 17:00–19:00");
	free(t);
	lk_form *form = run_forms_form(v);
	cr_assert_str_eq(form_text(form, 0), "22.03.2027");
	cr_assert_str_eq(form_text(form, 1), "17:00");
	cr_assert_str_eq(form_text(form, 2), "19:00");

	/* Someone else moves the session meanwhile. */
	lk_session other;
	cr_assert_eq(session_get(ctx, s1, &other, &err), 0, "%s", err.msg);
	free(other.topic);
	other.topic = strdup("Endret av en annen");
	cr_assert_eq(session_update(ctx, &other, &err), 0, "%s", err.msg);
	session_free(&other);
	int64_t before = data_version(h);
	type_into(v, 4, "Kosthold og 北京 – ære");
	cr_assert(v->ops->request(v, LK_ACT_SAVE));
	cr_assert_eq(ui_top(&f.ui), v, "the form stays open");
	cr_assert(strstr(f.ui.status, "changed by someone else meanwhile"), "%s", f.ui.status);
	cr_assert_str_eq(form_text(form, 4), "Kosthold og 北京 – ære");
	cr_assert_eq(data_version(h), before);
	ui_fini(&f.ui);

	/* Opened afresh it saves; an end before the start is refused first. */
	v = push(&f, ctx, &run_session_form_view, &s1);
	type_into(v, 2, "16:00");
	before = data_version(h);
	cr_assert(v->ops->request(v, LK_ACT_SAVE));
	cr_assert_eq(ui_top(&f.ui), v);
	cr_assert(strstr(f.ui.status, "must end after it starts"), "%s", f.ui.status);
	cr_assert_eq(data_version(h), before);
	type_into(v, 2, "19:30");
	type_into(v, 3, "Rom 3 – Ærø");
	cr_assert(v->ops->request(v, LK_ACT_SAVE));
	cr_assert_null(ui_top(&f.ui));
	cr_assert_str_eq(f.ui.status, "Saved session 1.");
	lk_session got;
	cr_assert_eq(session_get(ctx, s1, &got, &err), 0, "%s", err.msg);
	cr_assert_str_eq(got.room, "Rom 3 – Ærø");
	cr_assert_str_eq(got.topic, "Endret av en annen", "the other user's topic stays");
	cr_assert_eq(got.ends_at.minute, 30);
	session_free(&got);
	ui_fini(&f.ui);
	sqlite3_close(h);
	ctx_close(ctx);
}

Test(ui_runs, schedule_form_lays_out_and_refuses_a_bad_date)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = raw_open(ctx);
	lk_err err;
	lk_run r = {.course_id = active_course(ctx, "Leve med KOLS", 3), .title = "Høsten 2027"};
	cr_assert_eq(run_create(ctx, &r, &err), 0, "%s", err.msg);

	struct ui_fixture f;
	lk_view *v = push(&f, ctx, &run_schedule_form_view, &r.id);
	type_into(v, 0, "31.02.2027");
	type_into(v, 2, "17:00");
	int64_t before = data_version(h);
	cr_assert(v->ops->request(v, LK_ACT_SAVE));
	cr_assert_eq(ui_top(&f.ui), v);
	lk_form *form = run_forms_form(v);
	cr_assert(form->fields[0].error && strstr(form->fields[0].error, "February 2027 has 28 days"), "%s",
		form->fields[0].error ? form->fields[0].error : "(none)");
	cr_assert_eq(data_version(h), before);
	cr_assert_eq(raw_int(h, "SELECT count(*) FROM session"), 0);

	type_into(v, 0, "06.09.2027");
	form->cur = 1;
	form_request(form, NULL, LK_ACT_CHAR_RIGHT); /* every 2 weeks */
	type_into(v, 3, "Møterom Ålesund");
	cr_assert(v->ops->request(v, LK_ACT_SAVE));
	cr_assert_null(ui_top(&f.ui));
	cr_assert_str_eq(f.ui.status, "Laid out 3 sessions from the session plan.");
	cr_assert_eq(raw_int(h, "SELECT count(*) FROM session WHERE room = 'Møterom Ålesund'"), 3);
	cr_assert_eq(raw_int(h, "SELECT count(*) FROM session WHERE starts_at = '2027-10-04T17:00'"), 1,
		"the third session four weeks after the first");
	ui_fini(&f.ui);
	sqlite3_close(h);
	ctx_close(ctx);
}

Test(ui_runs, status_form_guesses_and_the_core_refuses_held_before_it_starts)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = raw_open(ctx);
	int64_t run = scheduled_run(ctx, active_course(ctx, "Leve med KOLS", 2), "2027-03-22", "Rom 1", 12);
	int64_t s1 = session_id_of(h, run, 1);

	struct ui_fixture f;
	lk_view *v = push(&f, ctx, &run_status_form_view, &s1);
	lk_form *form = run_forms_form(v);
	cr_assert_eq(form_choice(form, 0), LK_SESSION_CANCELLED, "a session still to come is being cancelled");
	form_request(form, NULL, LK_ACT_CHAR_LEFT); /* held */
	cr_assert_eq(form_choice(form, 0), LK_SESSION_HELD);
	int64_t before = data_version(h);
	cr_assert(v->ops->request(v, LK_ACT_SAVE));
	cr_assert_eq(ui_top(&f.ui), v, "refused: the form stays");
	cr_assert(strstr(f.ui.status, "cannot be marked held before it starts"), "%s", f.ui.status);
	cr_assert_eq(data_version(h), before);
	form_request(form, NULL, LK_ACT_CHAR_RIGHT); /* cancelled */
	cr_assert(v->ops->request(v, LK_ACT_SAVE));
	cr_assert_null(ui_top(&f.ui));
	cr_assert_str_eq(f.ui.status, "Session 1 is now cancelled.");
	cr_assert_eq(raw_int(h, "SELECT count(*) FROM session WHERE status = 'cancelled'"), 1);
	ui_fini(&f.ui);

	/* After it started, held is the guess. */
	tl_set_now(ctx, "2027-03-29T18:00");
	int64_t s2 = session_id_of(h, run, 2);
	v = push(&f, ctx, &run_status_form_view, &s2);
	cr_assert_eq(form_choice(run_forms_form(v), 0), LK_SESSION_HELD);
	ui_fini(&f.ui);
	sqlite3_close(h);
	ctx_close(ctx);
}

Test(ui_runs, the_week_has_seven_day_headers_with_sessions_under_them)
{
	lk_ctx *ctx = tl_ctx();
	int64_t run = scheduled_run(ctx, active_course(ctx, "Leve med KOLS", 2), "2027-03-22", "Rom 1", 12);
	scheduled_run(ctx, active_course(ctx, "Pårørendeskolen", 1), "2027-03-24", "Rom 2", 12);
	lk_ctx *staff = tl_ctx_as(ctx, "vert", LK_ROLE_STAFF);
	tl_set_now(staff, "2027-03-24T08:00");

	struct ui_fixture f;
	lk_view *v = push(&f, staff, &week_view, NULL);
	char *t = v->ops->title(v);
	cr_assert_str_eq(t, "This week: week 12, 22.03.2027–28.03.2027");
	free(t);
	lk_list *l = v->ops->list(v);
	cr_assert_eq(l->total, 9, "seven days and two sessions");
	cr_assert_eq(l->cursor, 3, "the cursor starts on today (Wednesday)");
	const char *want[9][2] = {
		{"Monday 22.03.2027 (week 12)", "1 session"}, {"17:00–19:00", "Rom 1"},
		{"Tuesday 23.03.2027 (week 12)", "no sessions"},
		{"Wednesday 24.03.2027 (week 12) · today", "1 session"}, {"17:00–19:00", "Rom 2"},
		{"Thursday 25.03.2027 (week 12)", "no sessions"}, {"Friday 26.03.2027 (week 12)", "no sessions"},
		{"Saturday 27.03.2027 (week 12)", "no sessions"}, {"Sunday 28.03.2027 (week 12)", "no sessions"},
	};
	for (int i = 0; i < 9; i++) {
		const char *c[LK_LIST_COLS_MAX];
		cells_of(l, i, c);
		cr_assert_str_eq(c[0], want[i][0], "row %d", i);
		cr_assert_str_eq(c[1], want[i][1], "row %d", i);
	}
	const char *c[LK_LIST_COLS_MAX];
	cells_of(l, 1, c);
	cr_assert_str_eq(c[2], "Leve med KOLS");
	cr_assert_str_eq(c[4], "(nobody yet)");
	cr_assert_str_eq(c[5], "! missing both");
	/* Enter on a session opens its run, read-only for staff. */
	cr_assert(v->ops->request(v, LK_ACT_OPEN));
	lk_view *top = ui_top(&f.ui);
	cr_assert_eq(top->ops, &run_view_readonly);
	t = top->ops->title(top);
	cr_assert_str_eq(t, "Run: Leve med KOLS · Våren 2027");
	free(t);
	ui_pop(&f.ui);
	cr_assert(v->ops->request(v, LK_ACT_WEEK_NEXT));
	t = v->ops->title(v);
	cr_assert_str_eq(t, "Week 13: 29.03.2027–04.04.2027");
	free(t);
	cr_assert_eq(l->total, 8, "one session of KOLS that week");
	cr_assert(v->ops->request(v, LK_ACT_WEEK_THIS));
	cr_assert_eq(l->total, 9);
	(void)run;
	ui_fini(&f.ui);
	ctx_close(staff);
	ctx_close(ctx);
}
