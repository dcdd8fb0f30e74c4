/* test_ui_home.c — Home: its keys and help (pinned), the sections per
 * role, the counts, and every warning in its shown and its not-shown case
 * (home_read has no curses in it). The clock is the tests' fake one. */
#include <criterion/criterion.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/course.h"
#include "lmskurs/role.h"
#include "lmskurs/run.h"
#include "lmskurs/session.h"
#include "lmskurs/ui/home.h"
#include "testlib.h"

static void setup(void)
{
	setlocale(LC_ALL, "C.UTF-8");
}

TestSuite(ui_home, .init = setup);

/* ---- helpers (private to this file) ---- */

/* An active course with n parts of 90 minutes (gates passed with a reason). */
static int64_t course_with_parts(lk_ctx *ctx, const char *title, int n)
{
	lk_err err;
	lk_course c = {.title = (char *)title, .audience = LK_AUDIENCE_BOTH};
	cr_assert_eq(course_create(ctx, &c, &err), 0, "%s", err.msg);
	for (int i = 0; i < n; i++) {
		char topic[32];
		snprintf(topic, sizeof topic, "Del %d: mestring", i + 1);
		lk_course_part p = {.course_id = c.id, .topic = topic, .minutes = 90};
		cr_assert_eq(course_part_add(ctx, &p, &err), 0, "%s", err.msg);
	}
	cr_assert_eq(course_set_phase(ctx, c.id, LK_COURSE_PLANNING, "test", NULL, &err), 0, "%s", err.msg);
	cr_assert_eq(course_set_phase(ctx, c.id, LK_COURSE_ACTIVE, "test", NULL, &err), 0, "%s", err.msg);
	return c.id;
}

/* A run of course_id laid out weekly from first ("2027-03-01") at 17:00
 * in room. */
static int64_t scheduled_run(lk_ctx *ctx, int64_t course_id, const char *title, const char *first,
	const char *room)
{
	lk_err err;
	lk_run r = {.course_id = course_id, .title = (char *)title, .capacity = 12};
	cr_assert_eq(run_create(ctx, &r, &err), 0, "%s", err.msg);
	lk_schedule s = {.every_weeks = 1, .hour = 17, .minute = 0, .room = room};
	cr_assert_eq(date_parse(first, &s.first, NULL), 0);
	cr_assert_gt(run_schedule(ctx, r.id, &s, &err), 0, "%s", err.msg);
	return r.id;
}

/* Books a professional and a user representative on every planned session. */
static void pair_all(lk_ctx *ctx, int64_t run_id, int64_t prof, int64_t rep)
{
	lk_err err;
	int64_t ids[2] = {prof, rep};
	cr_assert_geq(run_assign_facilitators(ctx, run_id, ids, 2, &err), 0, "%s", err.msg);
}

static void move_run(lk_ctx *ctx, int64_t run_id, lk_run_phase to)
{
	lk_err err;
	cr_assert_eq(run_set_phase(ctx, run_id, to, "test", NULL, &err), 0, "%s", err.msg);
}

static int take_first(void *arg, const lk_session *s)
{
	lk_session *out = arg;
	*out = *s;
	out->room = strdup(s->room ? s->room : "");
	out->topic = strdup(s->topic ? s->topic : "");
	out->notes = strdup(s->notes ? s->notes : "");
	out->course_title = strdup(s->course_title ? s->course_title : "");
	out->run_title = strdup(s->run_title ? s->run_title : "");
	return 1;
}

/* The first session of a run, as read now (caller frees). */
static lk_session first_session(lk_ctx *ctx, int64_t run_id)
{
	lk_err err;
	lk_session s = {0};
	cr_assert_eq(session_list(ctx, run_id, take_first, &s, &err), 0, "%s", err.msg);
	cr_assert_gt(s.id, 0);
	return s;
}

static lk_home read_home(lk_ctx *ctx)
{
	lk_err err;
	lk_home h;
	cr_assert_eq(home_read(ctx, &h, &err), 0, "%s", err.msg);
	return h;
}

static int n_kind(const lk_home *h, lk_home_warning_kind k)
{
	int n = 0;
	for (int i = 0; i < h->n_warnings; i++)
		n += h->warnings[i].kind == k;
	return n;
}

static int n_about(const lk_home *h, lk_home_warning_kind k, int64_t run_id)
{
	int n = 0;
	for (int i = 0; i < h->n_warnings; i++)
		n += h->warnings[i].kind == k && h->warnings[i].run_id == run_id;
	return n;
}

/* The first warning of kind k (asserts there is one). */
static const lk_home_warning *warning_of(const lk_home *h, lk_home_warning_kind k)
{
	for (int i = 0; i < h->n_warnings; i++)
		if (h->warnings[i].kind == k)
			return &h->warnings[i];
	cr_assert_fail("no warning of kind %d among %d", k, h->n_warnings);
	return NULL;
}

static const lk_home_warning *warning_about(const lk_home *h, lk_home_warning_kind k, int64_t run_id)
{
	for (int i = 0; i < h->n_warnings; i++)
		if (h->warnings[i].kind == k && h->warnings[i].run_id == run_id)
			return &h->warnings[i];
	cr_assert_fail("no warning of kind %d about run %lld", k, (long long)run_id);
	return NULL;
}

static void assert_has(const char *text, const char *part)
{
	cr_assert(strstr(text, part), "[%s] should contain [%s]", text, part);
}

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

Test(ui_home, help_is_pinned)
{
	struct help_text t = {{0}};
	lk_help_sink sink = {on_heading, on_entry, &t};
	keys_help(home_view.actions, home_view.text_entry, &sink);
	cr_assert_str_eq(t.buf,
		"Moving\n"
		"  Up, k | Move up one row\n"
		"  Down, j | Move down one row\n"
		"  PgUp | Move up one page\n"
		"  PgDn | Move down one page\n"
		"  Home, g | Go to the first row\n"
		"  End, G | Go to the last row\n"
		"Screens\n"
		"  Enter | Open the selected entry\n"
		"  q, Esc | Leave lmskurs\n"
		"Changing\n"
		"  c | Create a new course\n"
		"  d | Load example data into an empty database, to look around\n"
		"Everywhere\n"
		"  ?, F1 | Show the keys of this screen\n"
		"  Ctrl-L | Redraw the screen\n"
		"  Ctrl-Z | Suspend to the shell (fg comes back)\n"
		"  Ctrl-C | Quit lmskurs\n");
}

Test(ui_home, keys_do_not_clash_and_hints_are_offered)
{
	lk_action a, b;
	cr_assert_eq(keys_clash(home_view.actions, false, &a, &b), 0, "%s and %s share a key",
		keys_action(a)->name, keys_action(b)->name);
	char *h = keys_hint_line(home_view.hints, false, true);
	cr_assert_str_eq(h, "Enter open  q quit  ? help");
	free(h);
	cr_assert_str_eq(home_view.name, "home");
	cr_assert_null(home_view.list, "Home moves its own cursor over sections and warnings");
}

/* ---- sections ---- */

Test(ui_home, sections_follow_the_role)
{
	lk_home_section s[LK_HOME_SECTIONS];
	int n = home_sections(LK_ROLE_COORDINATOR, s);
	cr_assert_eq(n, 8);
	cr_assert_eq(s[0], LK_HOME_COURSES);
	cr_assert_eq(s[1], LK_HOME_RUNS);
	cr_assert_eq(s[2], LK_HOME_WEEK);
	cr_assert_eq(s[3], LK_HOME_PEOPLE);
	cr_assert_eq(s[4], LK_HOME_PARTICIPANTS);
	cr_assert_eq(s[5], LK_HOME_EVALUATION);
	cr_assert_eq(s[6], LK_HOME_REPORTS);
	cr_assert_eq(s[7], LK_HOME_AUDIT);
	/* Staff come for this week's sessions and the runs at least. */
	n = home_sections(LK_ROLE_STAFF, s);
	bool week = false, runs = false;
	for (int i = 0; i < n; i++) {
		week |= s[i] == LK_HOME_WEEK;
		runs |= s[i] == LK_HOME_RUNS;
	}
	cr_assert(week && runs, "staff see This week and Runs");
	cr_assert_geq(home_sections(LK_ROLE_USER_REP, s), 2);
	cr_assert_str_eq(home_section_label(LK_HOME_WEEK), "This week");
	cr_assert_str_eq(home_section_label(LK_HOME_SECTIONS), "");
}

/* ---- counts and the welcome ---- */

Test(ui_home, an_empty_database_gets_the_welcome_until_a_person_comes)
{
	lk_ctx *ctx = tl_ctx();
	lk_home h = read_home(ctx);
	cr_assert(h.empty);
	for (int i = 0; i < LK_HOME_SECTIONS; i++)
		cr_assert_eq(h.count[i], 0);
	cr_assert_eq(h.n_warnings, 0);
	cr_assert_eq(h.more, 0);
	home_free(&h);
	tl_person(ctx, "Åse Ødegård", LK_USER_REP);
	h = read_home(ctx);
	cr_assert_not(h.empty, "a person is data: no welcome");
	cr_assert_eq(h.count[LK_HOME_PEOPLE], 1);
	home_free(&h);
	ctx_close(ctx);
}

Test(ui_home, a_course_alone_ends_the_welcome_too)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	lk_course c = {.title = "Leve med KOLS – Ålesund", .audience = LK_AUDIENCE_PATIENTS};
	cr_assert_eq(course_create(ctx, &c, &err), 0, "%s", err.msg);
	lk_home h = read_home(ctx);
	cr_assert_not(h.empty);
	cr_assert_eq(h.count[LK_HOME_COURSES], 1);
	cr_assert_eq(h.count[LK_HOME_PEOPLE], 0);
	home_free(&h);
	ctx_close(ctx);
}

Test(ui_home, counts_leave_out_closed_cancelled_and_other_weeks)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	tl_set_now(ctx, "2027-01-13T09:00"); /* Wednesday, week 2: 11.–17.01 */
	int64_t prof = tl_person(ctx, "Siri Fagerlund", LK_PROFESSIONAL);
	int64_t rep = tl_person(ctx, "Ørjan Brukersen", LK_USER_REP);
	int64_t gone = tl_person(ctx, "Zoë Østby", LK_PROFESSIONAL);
	int64_t c1 = course_with_parts(ctx, "Hjertesvikt – kurs for pårørende", 3);
	int64_t c2 = course_with_parts(ctx, "糖尿病学校 (diabetesskole)", 2);
	int64_t r1 = scheduled_run(ctx, c1, "Våren 2027", "2027-01-11", "Møterom Ålesund");
	int64_t r2 = scheduled_run(ctx, c2, "", "2027-01-12", "Kurssal 2");
	int64_t r3 = scheduled_run(ctx, c2, "Avlyst", "2027-01-14", "Kurssal 3");
	int64_t r4 = scheduled_run(ctx, c1, "Neste uke", "2027-01-18", "Kurssal 3");
	pair_all(ctx, r1, prof, rep);
	pair_all(ctx, r2, prof, rep);
	cr_assert_eq(run_set_phase(ctx, r3, LK_RUN_CANCELLED, "for få påmeldte", NULL, &err), 0, "%s", err.msg);
	lk_home h = read_home(ctx);
	cr_assert_eq(h.count[LK_HOME_WEEK], 2, "11.01 and 12.01; not 14.01 of the cancelled run, not 18.01");
	home_free(&h);
	/* A cancelled session does not count either. */
	lk_session s = first_session(ctx, r2);
	cr_assert_eq(session_set_status(ctx, s.id, s.version, LK_SESSION_CANCELLED, &err), 0, "%s", err.msg);
	session_free(&s);
	/* Inactive people still count (the People screen lists them). */
	lk_person p;
	cr_assert_eq(person_get(ctx, gone, &p, &err), 0, "%s", err.msg);
	p.active = false;
	cr_assert_eq(person_update(ctx, &p, &err), 0, "%s", err.msg);
	person_free(&p);
	h = read_home(ctx);
	cr_assert_eq(h.count[LK_HOME_COURSES], 2);
	cr_assert_eq(h.count[LK_HOME_RUNS], 3, "the cancelled run is not counted");
	cr_assert_eq(h.count[LK_HOME_WEEK], 1, "only 11.01 is left this week");
	cr_assert_eq(h.count[LK_HOME_PEOPLE], 3);
	cr_assert_eq(date_cmp(h.week_start, (lk_date){2027, 1, 11}), 0);
	cr_assert_eq(date_cmp(h.today, (lk_date){2027, 1, 13}), 0);
	cr_assert_not(h.empty);
	home_free(&h);
	(void)r4;
	ctx_close(ctx);
}

/* ---- warnings ---- */

Test(ui_home, unpaired_sessions_from_today_warn_until_paired)
{
	lk_ctx *ctx = tl_ctx(); /* 2027-01-10 */
	int64_t prof = tl_person(ctx, "Siri Fagerlund", LK_PROFESSIONAL);
	int64_t rep = tl_person(ctx, "Ørjan Brukersen", LK_USER_REP);
	int64_t c = course_with_parts(ctx, "Leve med KOLS – Ålesund", 3);
	int64_t r = scheduled_run(ctx, c, "Våren 2027", "2027-03-01", "Møterom Ålesund");
	lk_home h = read_home(ctx);
	cr_assert_eq(h.n_warnings, 1);
	const lk_home_warning *w = warning_of(&h, LK_HOME_UNPAIRED);
	cr_assert_eq(w->run_id, r);
	assert_has(w->text, "3 unpaired sessions");
	assert_has(w->text, "Mon 01.03.2027 wk 9");
	assert_has(w->text, "missing both");
	assert_has(w->text, "Leve med KOLS – Ålesund, Våren 2027");
	home_free(&h);
	/* Only a professional booked: still unpaired, and it says what is missing. */
	lk_err err;
	cr_assert_geq(run_assign_facilitators(ctx, r, &prof, 1, &err), 0, "%s", err.msg);
	h = read_home(ctx);
	assert_has(warning_of(&h, LK_HOME_UNPAIRED)->text, "missing user representative");
	home_free(&h);
	pair_all(ctx, r, prof, rep);
	h = read_home(ctx);
	cr_assert_eq(n_kind(&h, LK_HOME_UNPAIRED), 0, "paired: no warning");
	cr_assert_eq(h.n_warnings, 0);
	home_free(&h);
	ctx_close(ctx);
}

Test(ui_home, unpaired_sessions_in_the_past_do_not_warn)
{
	lk_ctx *ctx = tl_ctx();
	int64_t c = course_with_parts(ctx, "Mestring av angst", 2);
	int64_t r = scheduled_run(ctx, c, "Høsten 2026", "2027-02-01", "");
	lk_home h = read_home(ctx);
	cr_assert_eq(n_kind(&h, LK_HOME_UNPAIRED), 1);
	home_free(&h);
	/* One session past, one from today: counted from today on. */
	tl_set_now(ctx, "2027-02-08T08:00");
	h = read_home(ctx);
	assert_has(warning_of(&h, LK_HOME_UNPAIRED)->text, "1 unpaired session on Mon 08.02.2027 wk 6");
	home_free(&h);
	tl_set_now(ctx, "2027-02-09T08:00");
	h = read_home(ctx);
	cr_assert_eq(n_kind(&h, LK_HOME_UNPAIRED), 0, "every unpaired session is past");
	home_free(&h);
	(void)r;
	ctx_close(ctx);
}

Test(ui_home, a_room_booked_twice_warns_another_room_does_not)
{
	lk_ctx *ctx = tl_ctx();
	int64_t prof = tl_person(ctx, "Siri Fagerlund", LK_PROFESSIONAL);
	int64_t prof2 = tl_person(ctx, "Nguyễn Thị Hương", LK_PROFESSIONAL);
	int64_t rep = tl_person(ctx, "Ørjan Brukersen", LK_USER_REP);
	int64_t rep2 = tl_person(ctx, "سارة أحمد", LK_USER_REP);
	int64_t c1 = course_with_parts(ctx, "Leve med kreft", 1);
	int64_t c2 = course_with_parts(ctx, "مدرسة السكري", 1);
	int64_t r1 = scheduled_run(ctx, c1, "", "2027-02-23", "Kurssal 2");
	int64_t r2 = scheduled_run(ctx, c2, "", "2027-02-23", "Møterom Ålesund");
	pair_all(ctx, r1, prof, rep);
	pair_all(ctx, r2, prof2, rep2);
	lk_home h = read_home(ctx);
	cr_assert_eq(h.n_warnings, 0, "different rooms, different people: %s",
		h.n_warnings ? h.warnings[0].text : "");
	home_free(&h);
	/* The same room, compared without case. */
	lk_err err;
	lk_session s = first_session(ctx, r2);
	free(s.room);
	s.room = strdup("KURSSAL 2");
	cr_assert_eq(session_update(ctx, &s, &err), 0, "%s", err.msg);
	session_free(&s);
	h = read_home(ctx);
	cr_assert_eq(h.n_warnings, 1);
	const lk_home_warning *w = warning_of(&h, LK_HOME_ROOM);
	assert_has(w->text, "Room Kurssal 2 double booked on Tue 23.02.2027 wk 8 17:00");
	assert_has(w->text, "Leve med kreft (session 1)");
	assert_has(w->text, "مدرسة السكري (session 1)");
	cr_assert(w->run_id == r1 || w->run_id == r2);
	home_free(&h);
	ctx_close(ctx);
}

Test(ui_home, a_facilitator_booked_twice_warns)
{
	lk_ctx *ctx = tl_ctx();
	int64_t prof = tl_person(ctx, "Nguyễn Thị Hương", LK_PROFESSIONAL);
	int64_t rep = tl_person(ctx, "Ørjan Brukersen", LK_USER_REP);
	int64_t rep2 = tl_person(ctx, "Åse Bråten", LK_USER_REP);
	int64_t c = course_with_parts(ctx, "Hjertesvikt", 1);
	int64_t r1 = scheduled_run(ctx, c, "A", "2027-04-06", "Rom 1");
	int64_t r2 = scheduled_run(ctx, c, "B", "2027-04-07", "Rom 2");
	pair_all(ctx, r1, prof, rep);
	pair_all(ctx, r2, prof, rep2);
	lk_home h = read_home(ctx);
	cr_assert_eq(h.n_warnings, 0, "on different days: %s", h.n_warnings ? h.warnings[0].text : "");
	home_free(&h);
	lk_err err;
	lk_session s = first_session(ctx, r2);
	s.starts_at.date = s.ends_at.date = (lk_date){2027, 4, 6};
	cr_assert_eq(session_update(ctx, &s, &err), 0, "%s", err.msg);
	session_free(&s);
	h = read_home(ctx);
	cr_assert_eq(h.n_warnings, 1);
	const lk_home_warning *w = warning_of(&h, LK_HOME_FACILITATOR);
	assert_has(w->text, "Nguyễn Thị Hương booked twice on Tue 06.04.2027 wk 14 17:00");
	assert_has(w->text, "Hjertesvikt (session 1) and Hjertesvikt (session 1)");
	home_free(&h);
	ctx_close(ctx);
}

Test(ui_home, a_session_on_a_public_holiday_warns)
{
	lk_ctx *ctx = tl_ctx();
	int64_t prof = tl_person(ctx, "Siri Fagerlund", LK_PROFESSIONAL);
	int64_t rep = tl_person(ctx, "Ørjan Brukersen", LK_USER_REP);
	int64_t c = course_with_parts(ctx, "Foreldreskole ADHD", 2);
	int64_t r = scheduled_run(ctx, c, "Vår", "2027-05-10", "Rom 1");
	pair_all(ctx, r, prof, rep);
	lk_home h = read_home(ctx);
	cr_assert_eq(h.n_warnings, 1, "the second session is on 17 May");
	const lk_home_warning *w = warning_of(&h, LK_HOME_HOLIDAY);
	assert_has(w->text, "Public holiday (Constitution Day) on Mon 17.05.2027 wk 20");
	assert_has(w->text, "Foreldreskole ADHD (session 2)");
	cr_assert_eq(w->run_id, r);
	home_free(&h);
	/* Moved off the holiday: gone. */
	int64_t r2 = scheduled_run(ctx, c, "Høst", "2027-09-06", "Rom 1");
	pair_all(ctx, r2, prof, rep);
	h = read_home(ctx);
	cr_assert_eq(n_kind(&h, LK_HOME_HOLIDAY), 1, "a weekday in September is no holiday");
	home_free(&h);
	ctx_close(ctx);
}

Test(ui_home, conflicts_before_today_are_not_shown)
{
	lk_ctx *ctx = tl_ctx();
	int64_t prof = tl_person(ctx, "Siri Fagerlund", LK_PROFESSIONAL);
	int64_t rep = tl_person(ctx, "Ørjan Brukersen", LK_USER_REP);
	int64_t c = course_with_parts(ctx, "Leve med kreft", 1);
	int64_t r1 = scheduled_run(ctx, c, "A", "2027-02-23", "Kurssal 2");
	int64_t r2 = scheduled_run(ctx, c, "B", "2027-02-23", "Kurssal 2");
	pair_all(ctx, r1, prof, rep);
	pair_all(ctx, r2, prof, rep);
	lk_home h = read_home(ctx);
	cr_assert_eq(n_kind(&h, LK_HOME_ROOM), 1);
	cr_assert_eq(n_kind(&h, LK_HOME_FACILITATOR), 2, "both people are booked twice");
	home_free(&h);
	tl_set_now(ctx, "2027-02-24T08:00");
	h = read_home(ctx);
	cr_assert_eq(n_kind(&h, LK_HOME_ROOM) + n_kind(&h, LK_HOME_FACILITATOR), 0, "the clash is past");
	home_free(&h);
	ctx_close(ctx);
}

Test(ui_home, a_run_whose_dates_are_past_its_phase_waits_at_a_gate)
{
	lk_ctx *ctx = tl_ctx(); /* 2027-01-10 */
	int64_t prof = tl_person(ctx, "Siri Fagerlund", LK_PROFESSIONAL);
	int64_t rep = tl_person(ctx, "Ørjan Brukersen", LK_USER_REP);
	int64_t c = course_with_parts(ctx, "Leve med diabetes", 2);
	int64_t soon = scheduled_run(ctx, c, "Snart", "2027-01-20", "Rom 1");
	int64_t later = scheduled_run(ctx, c, "Senere", "2027-03-01", "Rom 2");
	pair_all(ctx, soon, prof, rep);
	pair_all(ctx, later, prof, rep);
	lk_home h = read_home(ctx);
	cr_assert_eq(h.n_warnings, 1, "only the run starting within 14 days");
	const lk_home_warning *w = warning_of(&h, LK_HOME_GATE);
	cr_assert_eq(w->run_id, soon);
	assert_has(w->text, "Registration not open, the first session on Wed 20.01.2027 wk 3: Leve med diabetes, Snart");
	home_free(&h);
	/* Registration open: no gate now; after the first session it is. */
	move_run(ctx, soon, LK_RUN_REGISTRATION);
	h = read_home(ctx);
	cr_assert_eq(n_kind(&h, LK_HOME_GATE), 0);
	home_free(&h);
	tl_set_now(ctx, "2027-01-21T09:00");
	h = read_home(ctx);
	assert_has(warning_of(&h, LK_HOME_GATE)->text, "Still in registration, began on Wed 20.01.2027 wk 3");
	home_free(&h);
	/* In execution while sessions remain: fine; after the last: the gate. */
	move_run(ctx, soon, LK_RUN_EXECUTION);
	h = read_home(ctx);
	cr_assert_eq(n_kind(&h, LK_HOME_GATE), 0);
	home_free(&h);
	tl_set_now(ctx, "2027-01-28T09:00");
	h = read_home(ctx);
	w = warning_of(&h, LK_HOME_GATE);
	cr_assert_eq(w->run_id, soon);
	assert_has(w->text, "Every session over, the last on Wed 27.01.2027 wk 4");
	home_free(&h);
	/* In evaluation: quiet for six weeks, then a reminder. */
	lk_err err;
	cr_assert_eq(run_set_phase(ctx, soon, LK_RUN_EVALUATION, "test", NULL, &err), 0, "%s", err.msg);
	tl_set_now(ctx, "2027-03-10T09:00");
	h = read_home(ctx);
	cr_assert_eq(n_about(&h, LK_HOME_GATE, soon), 0, "%s", h.n_warnings ? h.warnings[0].text : "");
	cr_assert_eq(n_about(&h, LK_HOME_GATE, later), 1, "the later run began unscheduled");
	home_free(&h);
	tl_set_now(ctx, "2027-03-11T09:00");
	h = read_home(ctx);
	cr_assert_eq(n_about(&h, LK_HOME_GATE, soon), 1);
	assert_has(warning_about(&h, LK_HOME_GATE, soon)->text, "Evaluation not finished, the last session on Wed 27.01.2027 wk 4");
	home_free(&h);
	ctx_close(ctx);
}

Test(ui_home, warnings_come_by_kind_and_stop_at_the_maximum)
{
	lk_ctx *ctx = tl_ctx();
	int64_t c = course_with_parts(ctx, "Kurs med mange samlinger", 20);
	/* Three unpaired runs in one room at the same times: 3 unpaired lines,
	 * 3 room clashes for each of the 20 sessions. */
	for (int i = 0; i < 3; i++)
		scheduled_run(ctx, c, "Parallell", "2027-08-02", "Kurssal 1");
	lk_home h = read_home(ctx);
	cr_assert_eq(h.n_warnings, LK_HOME_WARNINGS_MAX);
	cr_assert_eq(h.n_warnings + h.more, 3 + 60);
	for (int i = 0; i < 3; i++)
		cr_assert_eq(h.warnings[i].kind, LK_HOME_UNPAIRED, "unpaired first");
	for (int i = 3; i < h.n_warnings; i++)
		cr_assert_eq(h.warnings[i].kind, LK_HOME_ROOM, "then the rooms");
	home_free(&h);
	cr_assert_null(h.warnings, "home_free zeroes");
	cr_assert_eq(h.n_warnings, 0);
	ctx_close(ctx);
}

/* ---- who may read; reading writes nothing ---- */

static int64_t raw_int(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK, "%s", sqlite3_errmsg(db));
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
	int64_t v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

Test(ui_home, every_role_reads_the_same_and_reading_writes_nothing)
{
	lk_ctx *ctx = tl_ctx();
	int64_t c = course_with_parts(ctx, "Leve med KOLS", 2);
	scheduled_run(ctx, c, "Våren 2027", "2027-03-01", "Rom 1");
	lk_ctx *staff = tl_ctx_as(ctx, "vert", LK_ROLE_STAFF);
	lk_ctx *rep = tl_ctx_as(ctx, "brukerrep", LK_ROLE_USER_REP);
	sqlite3 *raw;
	cr_assert_eq(sqlite3_open_v2(tl_db_path(ctx), &raw, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	int64_t version = raw_int(raw, "PRAGMA data_version");
	int64_t audit = raw_int(raw, "SELECT count(*) FROM audit");
	lk_home a = read_home(ctx), b = read_home(staff), d = read_home(rep);
	cr_assert_eq(b.n_warnings, a.n_warnings);
	cr_assert_eq(d.n_warnings, a.n_warnings);
	cr_assert_eq(a.n_warnings, 1);
	cr_assert_str_eq(b.warnings[0].text, a.warnings[0].text);
	cr_assert_eq(b.count[LK_HOME_RUNS], 1);
	cr_assert_eq(raw_int(raw, "PRAGMA data_version"), version, "nobody committed");
	cr_assert_eq(raw_int(raw, "SELECT count(*) FROM audit"), audit, "reads are not audited here");
	home_free(&a);
	home_free(&b);
	home_free(&d);
	sqlite3_close(raw);
	ctx_close(rep);
	ctx_close(staff);
	ctx_close(ctx);
}
