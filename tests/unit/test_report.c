/* The reports (report.h) against a small centre whose right answers are
 * worked out by hand below. Every figure is asserted; every report is
 * refused to staff and user representatives without changing anything.
 *
 * ---- the centre (fx_centre) ----
 *
 * People: P1 Kari Nordmann, professional, "Sykepleier"; P2 Ola Ødegård,
 * professional, "lege"; P3 Åse Brukersen, user representative; P4 Zhang
 * Wei 张伟, user representative.
 *
 * Course A "Leve med diabetes" (patients), course B "Pårørendeskolen"
 * (relatives).
 *
 * R1 (A, evaluation): three held sessions of 3 h (180 min):
 *   S1 2027-02-01 10:00-13:00  P1 P3
 *   S2 2027-02-08 10:00-13:00  P2 P3
 *   S3 2027-02-15 10:00-13:00  P1 P2 P3
 * Enrollments of R1 (placed on the date given; marks P/A/E, - not expected):
 *   E1 Åsmund Ærlig   patient  placed 01-15        S1 P  S2 P  S3 P   3/3
 *   E2 Nguyễn Thị Lan patient  placed 01-15        S1 P  S2 A  S3 P   2/3
 *   E3 Ewa Żółć       relative placed 02-05        S1 -  S2 P  S3 P   2/2
 *   E4 محمد علي       relative placed 01-15, cancelled 02-10:
 *                                                  S1 P  S2 E  S3 -   1/2
 *   E5 Vera Venter    patient  waitlisted (never expected)
 * R2 (B, execution):
 *   S4 2027-03-01 18:00-20:00 held, P1 only; S5 2027-03-08 cancelled;
 *   S6 2027-03-15 18:00-19:30 planned.
 *   E6 Åsmund Ærlig (the same person as E1), relative, placed 02-20: S4 P.
 * R3 (A, cancelled on 2027-03-20): S7 2027-04-05 10:00-13:00 still planned.
 * R4 (A, registration): S8 2028-01-10 planned (outside 2027).
 * Meetings: M1 planning of A 2027-01-20 12:00-13:30 (90 min): P3 in
 * person, P4 remotely, P1 in person. M2 evaluation of R1 2027-03-01
 * 09:00-09:20 (20 min): P3 in person.
 *
 * ---- the year 2027 by hand ----
 * courses held 2 (A, B); runs held 2 (R1, R2); finished 1 (R1: all held,
 * last S3 in the year; R2 has S6 planned); runs cancelled 1 (R3).
 * Sessions held 4 (S1-S4); cancelled 2 (S5, and S7 planned of the
 * cancelled R3). Teaching 3 x 180 + 120 = 660 min = 11 h.
 * Enrollments expected at a held session: E1 E2 E3 E4 E6 = 5; patients
 * E1 E2 = 2, relatives E3 E4 E6 = 3. People: Åsmund, Lan, Ewa, Mohammed
 * = 4; patients Åsmund, Lan = 2; relatives Ewa, Mohammed, Åsmund = 3.
 * Expected places at held sessions: S1 3 (E1 E2 E4), S2 4, S3 3 (E1 E2
 * E3), S4 1 = 11; present 3 + 2 + 3 + 1 = 9 -> 81.8 %.
 * Completion (R1 finished): E1 3/3 yes, E2 2/3 no (200 < 240), E3 2/2
 * yes, E4 cancelled no -> 2 of 4 = 50.0 %.
 * Facilitation: S1 pro 180 rep 180; S2 pro 180 rep 180; S3 pro 360 rep
 * 180; S4 pro 120 -> pro 840, rep 540, total 1380; share 540/1380 = 39.1 %.
 *
 * ---- honorarium 2027 (round 30, minimum 60) ----
 * P4 Zhang Wei: M1 remote 90 -> 90 (no minimum remotely).
 * P3 Åse Brukersen (sorted after Z: bytes): M1 90 -> 90; S1 S2 S3 180
 * each; M2 20 -> rounded 30 -> minimum 60. Actual 650, paid 690.
 * Grand: 3 sessions, 3 meetings, actual 740, paid 780. At 350,00 kr/h:
 * 90 min 525,00; 180 min 1050,00; 60 min 350,00; P3 4025,00, P4 525,00,
 * grand 4550,00.
 */
#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/attendance.h"
#include "lmskurs/report.h"
#include "testlib.h"

/* ---- fixtures: a second connection on the test database ---- */

/* Every row of every table a report could touch, as one string. */
static char *fx_snapshot(lk_ctx *ctx)
{
	static const char *const sql[] = {
		"SELECT * FROM audit ORDER BY 1", "SELECT * FROM session ORDER BY 1",
		"SELECT * FROM run ORDER BY 1", "SELECT * FROM enrollment ORDER BY 1",
		"SELECT * FROM attendance ORDER BY 1, 2", "SELECT * FROM meeting ORDER BY 1",
		"SELECT * FROM participant ORDER BY 1", "SELECT * FROM person ORDER BY 1"};
	sqlite3 *h = tl_sql_open(ctx);
	size_t cap = 1 << 17, len = 0;
	char *out = calloc(1, cap);
	for (size_t i = 0; i < sizeof sql / sizeof sql[0]; i++) {
		sqlite3_stmt *st;
		cr_assert_eq(sqlite3_prepare_v2(h, sql[i], -1, &st, NULL), SQLITE_OK);
		while (sqlite3_step(st) == SQLITE_ROW)
			for (int c = 0; c < sqlite3_column_count(st); c++) {
				const char *t = (const char *)sqlite3_column_text(st, c);
				len += (size_t)snprintf(out + len, cap - len, "%s|", t ? t : "NULL");
				cr_assert_lt(len, cap);
			}
		sqlite3_finalize(st);
	}
	sqlite3_close(h);
	return out;
}

static void assert_unchanged(lk_ctx *ctx, char *before)
{
	char *after = fx_snapshot(ctx);
	cr_assert_str_eq(after, before, "a refused report changed the database");
	free(after);
	free(before);
}

static int64_t fx_person(lk_ctx *ctx, const char *name, const char *kind, const char *profession)
{
	return tl_sql(ctx, "INSERT INTO person (name, kind, profession, created_at)"
		" VALUES (%Q, %Q, %Q, '2027-01-01T00:00:00')", name, kind, profession);
}

static int64_t fx_course(lk_ctx *ctx, const char *title, const char *audience)
{
	return tl_sql(ctx, "INSERT INTO course (title, audience, phase, created_at, updated_at)"
		" VALUES (%Q, %Q, 'active', '2027-01-01T00:00:00', '2027-01-01T00:00:00')", title, audience);
}

static int64_t fx_run(lk_ctx *ctx, int64_t course, const char *title, const char *phase)
{
	return tl_sql(ctx, "INSERT INTO run (course_id, title, phase, capacity, created_at)"
		" VALUES (%lld, %Q, %Q, 20, '2027-01-02T00:00:00')", (long long)course, title, phase);
}

/* A session of run from start to end ("2027-02-01T10:00"), with status
 * and facilitators (0-terminated). */
static int64_t fx_session(lk_ctx *ctx, int64_t run, int seq, const char *start, const char *end,
	const char *status, const int64_t *facilitators)
{
	int64_t id = tl_sql(ctx, "INSERT INTO session (run_id, seq, starts_at, ends_at, status)"
		" VALUES (%lld, %d, %Q, %Q, %Q)", (long long)run, seq, start, end, status);
	for (; facilitators && *facilitators; facilitators++)
		tl_sql(ctx, "INSERT INTO session_facilitator VALUES (%lld, %lld)", (long long)id,
			(long long)*facilitators);
	return id;
}

static int64_t fx_participant(lk_ctx *ctx, const char *name)
{
	return tl_sql(ctx, "INSERT INTO participant (name, created_at) VALUES (%Q, '2027-01-03T00:00:00')", name);
}

/* An enrollment; placed/cancelled NULL for none; status follows. */
static int64_t fx_enroll(lk_ctx *ctx, int64_t run, int64_t who, const char *cat, const char *placed,
	const char *cancelled)
{
	const char *status = cancelled ? "cancelled" : placed ? "registered" : "waitlisted";
	return tl_sql(ctx, "INSERT INTO enrollment (run_id, participant_id, category, status,"
		" requested_at, placed_at, cancelled_at) VALUES (%lld, %lld, %Q, %Q, '2027-01-04T00:00:00', %Q, %Q)",
		(long long)run, (long long)who, cat, status, placed, cancelled);
}

static void fx_mark(lk_ctx *ctx, int64_t session, int64_t enrollment, const char *status)
{
	tl_sql(ctx, "INSERT INTO attendance (session_id, enrollment_id, status, marked_by, marked_at)"
		" VALUES (%lld, %lld, %Q, 'koord', '2027-02-01T13:00:00')", (long long)session,
		(long long)enrollment, status);
}

static int64_t fx_meeting(lk_ctx *ctx, int64_t course, int64_t run, const char *kind,
	const char *start, const char *end)
{
	return tl_sql(ctx, "INSERT INTO meeting (course_id, run_id, kind, starts_at, ends_at)"
		" VALUES (%lld, nullif(%lld, 0), %Q, %Q, %Q)", (long long)course, (long long)run, kind,
		start, end);
}

static void fx_attendee(lk_ctx *ctx, int64_t meeting, int64_t person, int in_person)
{
	tl_sql(ctx, "INSERT INTO meeting_attendee VALUES (%lld, %lld, %d)", (long long)meeting,
		(long long)person, in_person);
}

typedef struct centre {
	int64_t p1, p2, p3, p4;
	int64_t a, b;
	int64_t r1, r2, r3, r4;
	int64_t s1, s2, s3, s4, s5;
	int64_t e1, e2, e3, e4, e5, e6;
} centre;

static void fx_r1(lk_ctx *ctx, centre *c)
{
	c->r1 = fx_run(ctx, c->a, "Våren 2027", "evaluation");
	c->s1 = fx_session(ctx, c->r1, 1, "2027-02-01T10:00", "2027-02-01T13:00", "held", (int64_t[]){c->p1, c->p3, 0});
	c->s2 = fx_session(ctx, c->r1, 2, "2027-02-08T10:00", "2027-02-08T13:00", "held", (int64_t[]){c->p2, c->p3, 0});
	c->s3 = fx_session(ctx, c->r1, 3, "2027-02-15T10:00", "2027-02-15T13:00", "held", (int64_t[]){c->p1, c->p2, c->p3, 0});
	int64_t asmund = fx_participant(ctx, "Åsmund Ærlig");
	c->e1 = fx_enroll(ctx, c->r1, asmund, "patient", "2027-01-15T10:00:00", NULL);
	c->e2 = fx_enroll(ctx, c->r1, fx_participant(ctx, "Nguyễn Thị Lan"), "patient", "2027-01-15T10:00:00", NULL);
	c->e3 = fx_enroll(ctx, c->r1, fx_participant(ctx, "Ewa Żółć"), "relative", "2027-02-05T10:00:00", NULL);
	c->e4 = fx_enroll(ctx, c->r1, fx_participant(ctx, "محمد علي"), "relative", "2027-01-15T10:00:00", "2027-02-10T09:00:00");
	c->e5 = fx_enroll(ctx, c->r1, fx_participant(ctx, "Vera Venter"), "patient", NULL, NULL);
	const struct { int64_t s, e; const char *st; } marks[] = {
		{c->s1, c->e1, "present"}, {c->s2, c->e1, "present"}, {c->s3, c->e1, "present"},
		{c->s1, c->e2, "present"}, {c->s2, c->e2, "absent"}, {c->s3, c->e2, "present"},
		{c->s2, c->e3, "present"}, {c->s3, c->e3, "present"},
		{c->s1, c->e4, "present"}, {c->s2, c->e4, "excused"},
	};
	for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
		fx_mark(ctx, marks[i].s, marks[i].e, marks[i].st);
	/* The same person, as a relative, in R2 below. */
	c->e6 = asmund;
}

static void fx_others(lk_ctx *ctx, centre *c)
{
	c->r2 = fx_run(ctx, c->b, "Vår", "execution");
	c->s4 = fx_session(ctx, c->r2, 1, "2027-03-01T18:00", "2027-03-01T20:00", "held", (int64_t[]){c->p1, 0});
	c->s5 = fx_session(ctx, c->r2, 2, "2027-03-08T18:00", "2027-03-08T20:00", "cancelled", NULL);
	fx_session(ctx, c->r2, 3, "2027-03-15T18:00", "2027-03-15T19:30", "planned", NULL);
	c->e6 = fx_enroll(ctx, c->r2, c->e6, "relative", "2027-02-20T10:00:00", NULL);
	fx_mark(ctx, c->s4, c->e6, "present");
	c->r3 = fx_run(ctx, c->a, "Avlyst", "cancelled");
	tl_sql(ctx, "INSERT INTO gate_override (run_id, from_phase, to_phase, unmet, reason, login, at)"
		" VALUES (%lld, 'registration', 'cancelled', '', 'For få påmeldte', 'koord', '2027-03-20T10:00:00')",
		(long long)c->r3);
	fx_session(ctx, c->r3, 1, "2027-04-05T10:00", "2027-04-05T13:00", "planned", (int64_t[]){c->p1, c->p3, 0});
	c->r4 = fx_run(ctx, c->a, "Neste år", "registration");
	fx_session(ctx, c->r4, 1, "2028-01-10T10:00", "2028-01-10T13:00", "planned", NULL);
	int64_t m1 = fx_meeting(ctx, c->a, 0, "planning", "2027-01-20T12:00", "2027-01-20T13:30");
	fx_attendee(ctx, m1, c->p3, 1);
	fx_attendee(ctx, m1, c->p4, 0);
	fx_attendee(ctx, m1, c->p1, 1);
	int64_t m2 = fx_meeting(ctx, c->a, c->r1, "evaluation", "2027-03-01T09:00", "2027-03-01T09:20");
	fx_attendee(ctx, m2, c->p3, 1);
}

static centre fx_centre(lk_ctx *ctx)
{
	centre c = {0};
	c.p1 = fx_person(ctx, "Kari Nordmann", "professional", "Sykepleier");
	c.p2 = fx_person(ctx, "Ola Ødegård", "professional", "lege");
	c.p3 = fx_person(ctx, "Åse Brukersen", "user_rep", "");
	c.p4 = fx_person(ctx, "Zhang Wei 张伟", "user_rep", "");
	c.a = fx_course(ctx, "Leve med diabetes", "patients");
	c.b = fx_course(ctx, "Pårørendeskolen", "relatives");
	fx_r1(ctx, &c);
	fx_others(ctx, &c);
	return c;
}

static lk_period period(const char *from, const char *to)
{
	lk_period p;
	lk_err err;
	cr_assert_eq(report_period_parse(from, to, &p, &err), 0, "%s", err.msg);
	return p;
}

static lk_report_counts total(lk_ctx *ctx, lk_period p)
{
	lk_report_counts n;
	lk_err err;
	cr_assert_eq(report_activity_total(ctx, p, &n, &err), 0, "%s", err.msg);
	return n;
}

/* ---- periods ---- */

Test(report, periods_are_parsed_and_checked)
{
	lk_period p;
	lk_err err;
	cr_assert_eq(report_period_parse("01.01.2027", "2027-12-31", &p, &err), 0, "%s", err.msg);
	cr_assert_eq(p.from.year, 2027);
	cr_assert_eq(p.to.month, 12);
	char buf[32];
	report_period_text(p, buf);
	cr_assert_str_eq(buf, "01.01.2027–31.12.2027");
	cr_assert_eq(report_period_parse("31.12.2027", "31.12.2027", &p, &err), 0, "one day is a period");
	cr_assert_eq(report_period_parse("02.01.2027", "01.01.2027", &p, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	cr_assert(strncmp(err.msg, "To ", 3) == 0, "the message starts with the field: %s", err.msg);
	cr_assert_eq(report_period_parse("31.02.2027", "01.03.2027", &p, &err), -1);
	cr_assert(strncmp(err.msg, "From: ", 6) == 0, "%s", err.msg);
	cr_assert_eq(report_period_parse("01.01.2027", "", &p, &err), -1);
	cr_assert(strncmp(err.msg, "To: ", 4) == 0, "%s", err.msg);
	lk_period y = report_period_year(2028);
	cr_assert(y.from.day == 1 && y.from.month == 1 && y.to.day == 31 && y.to.month == 12 && y.to.year == 2028);
	cr_assert_eq(report_period_check((lk_period){{2027, 2, 30}, {2027, 3, 1}}, &err), -1);
}

/* ---- the activity report ---- */

Test(report, the_year_by_hand)
{
	lk_ctx *ctx = tl_ctx();
	fx_centre(ctx);
	lk_report_counts n = total(ctx, period("2027-01-01", "2027-12-31"));
	cr_assert_eq(n.courses, 2);
	cr_assert_eq(n.runs, 2);
	cr_assert_eq(n.runs_finished, 1);
	cr_assert_eq(n.runs_cancelled, 1);
	cr_assert_eq(n.sessions_held, 4);
	cr_assert_eq(n.sessions_cancelled, 2, "S5, and S7 still planned in the cancelled R3");
	cr_assert_eq(n.teaching_min, 660);
	cr_assert_eq(n.enrollments, 5);
	cr_assert_eq(n.enrollments_patient, 2);
	cr_assert_eq(n.enrollments_relative, 3);
	cr_assert_eq(n.people, 4, "Åsmund once, although enrolled twice");
	cr_assert_eq(n.people_patient, 2);
	cr_assert_eq(n.people_relative, 3, "Åsmund counts once in each category");
	cr_assert_eq(n.expected, 11);
	cr_assert_eq(n.present, 9);
	cr_assert_eq(n.finished_enrollments, 4);
	cr_assert_eq(n.completed, 2);
	cr_assert_eq(n.fac_min_professional, 840);
	cr_assert_eq(n.fac_min_user_rep, 540);
	ctx_close(ctx);
}

Test(report, a_part_of_a_run_counts_only_what_fell_in_the_period)
{
	lk_ctx *ctx = tl_ctx();
	fx_centre(ctx);
	/* S1 and S2 only: R1 did not finish here (S3 is on 15.02). */
	lk_report_counts n = total(ctx, period("01.02.2027", "10.02.2027"));
	cr_assert_eq(n.courses, 1);
	cr_assert_eq(n.runs, 1);
	cr_assert_eq(n.runs_finished, 0);
	cr_assert_eq(n.sessions_held, 2);
	cr_assert_eq(n.teaching_min, 360);
	cr_assert_eq(n.enrollments, 4, "E1 E2 E4 at S1, E3 from S2");
	cr_assert_eq(n.expected, 7, "S1: E1 E2 E4; S2: E1 E2 E3 E4");
	cr_assert_eq(n.present, 5, "S1: 3; S2: E1 and E3");
	cr_assert_eq(n.finished_enrollments, 0);
	cr_assert_eq(n.completed, 0);
	cr_assert_eq(n.fac_min_professional, 360);
	cr_assert_eq(n.fac_min_user_rep, 360);
	/* February: R1 whole, so it finished; nothing of R2. */
	n = total(ctx, period("01.02.2027", "28.02.2027"));
	cr_assert_eq(n.runs_finished, 1);
	cr_assert_eq(n.sessions_held, 3);
	cr_assert_eq(n.teaching_min, 540);
	cr_assert_eq(n.expected, 10);
	cr_assert_eq(n.present, 8);
	cr_assert_eq(n.finished_enrollments, 4);
	cr_assert_eq(n.completed, 2);
	cr_assert_eq(n.sessions_cancelled, 0);
	cr_assert_eq(n.runs_cancelled, 0);
	/* 15.02 alone: the last day of R1, which finished then. */
	n = total(ctx, period("15.02.2027", "15.02.2027"));
	cr_assert_eq(n.sessions_held, 1);
	cr_assert_eq(n.runs_finished, 1);
	cr_assert_eq(n.finished_enrollments, 4, "completion is over the whole run");
	cr_assert_eq(n.enrollments, 3, "E4 was no longer expected on 15.02");
	ctx_close(ctx);
}

Test(report, an_empty_period_is_all_zeros)
{
	lk_ctx *ctx = tl_ctx();
	fx_centre(ctx);
	lk_report_counts n = total(ctx, period("2030-01-01", "2030-12-31"));
	lk_report_counts zero = {0};
	cr_assert_eq(memcmp(&n, &zero, sizeof n), 0);
	lk_report_figure f[LK_REPORT_FIGURES];
	report_figures(&n, f);
	char buf[40];
	report_figure_text(&f[13], buf);
	cr_assert_str_eq(buf, "–", "no attendance to share: a dash, not 0 %");
	ctx_close(ctx);
}

/* Rows of one grouping, as "key|title|held|teaching|cancelled|enrollments|runs_cancelled;". */
struct rows {
	char buf[2048];
	int n;
	int64_t max; /* the last row's scale for bars */
};

static int add_row(void *arg, const lk_report_row *r)
{
	struct rows *w = arg;
	size_t len = strlen(w->buf);
	snprintf(w->buf + len, sizeof w->buf - len, "%s|%s|%lld|%lld|%lld|%lld|%lld;", r->key,
		r->course_title, (long long)r->n.sessions_held, (long long)r->n.teaching_min,
		(long long)r->n.sessions_cancelled, (long long)r->n.enrollments,
		(long long)r->n.runs_cancelled);
	w->max = r->max_teaching_min;
	w->n++;
	return 0;
}

static const char *rows_of(lk_ctx *ctx, lk_period p, lk_report_by by, lk_page page, struct rows *w)
{
	lk_err err;
	memset(w, 0, sizeof *w);
	cr_assert_eq(report_activity(ctx, p, by, page, add_row, w, &err), 0, "%s", err.msg);
	return w->buf;
}

Test(report, by_audience_course_month_and_year)
{
	lk_ctx *ctx = tl_ctx();
	centre c = fx_centre(ctx);
	lk_period y = period("2027-01-01", "2027-12-31");
	struct rows w;
	lk_page all = {0, 0};
	/* A: R1 (3 held, 540 min, 4 enrollments), S7 planned in the cancelled
	 * R3, R3 itself; B: R2 (S4 held 120 min, S5 cancelled, E6). */
	cr_assert_str_eq(rows_of(ctx, y, LK_BY_AUDIENCE, all, &w),
		"patients||3|540|1|4|1;relatives||1|120|1|1|0;");
	char want[256];
	snprintf(want, sizeof want, "%lld|Leve med diabetes|3|540|1|4|1;%lld|Pårørendeskolen|1|120|1|1|0;",
		(long long)c.a, (long long)c.b);
	cr_assert_str_eq(rows_of(ctx, y, LK_BY_COURSE, all, &w), want);
	/* March: S4 held, S5 cancelled, R3 cancelled on 20.03; April: S7. */
	cr_assert_str_eq(rows_of(ctx, y, LK_BY_MONTH, all, &w),
		"2027-02||3|540|0|4|0;2027-03||1|120|1|1|1;2027-04||0|0|1|0|0;");
	cr_assert_str_eq(rows_of(ctx, period("2027-01-01", "2028-12-31"), LK_BY_YEAR, all, &w),
		"2027||4|660|2|5|1;", "2028 has only a planned session: no activity");
	cr_assert_str_eq(rows_of(ctx, y, LK_BY_ALL, all, &w), "||4|660|2|5|1;");
	/* Paging: one course per page. */
	snprintf(want, sizeof want, "%lld|Pårørendeskolen|1|120|1|1|0;", (long long)c.b);
	cr_assert_str_eq(rows_of(ctx, y, LK_BY_COURSE, (lk_page){1, 1}, &w), want);
	cr_assert_eq(w.n, 1);
	cr_assert_eq(w.max, 540, "the scale of the bars counts every page: A's 540 minutes");
	ctx_close(ctx);
}

/* "name:held;" for each row of a time line. */
static int add_named(void *arg, const lk_report_row *r)
{
	struct rows *w = arg;
	char name[64];
	report_row_name(r, name, sizeof name);
	size_t len = strlen(w->buf);
	snprintf(w->buf + len, sizeof w->buf - len, "%s=%s:%lld;", r->key, name, (long long)r->n.sessions_held);
	w->n++;
	return 0;
}

Test(report, a_time_line_has_every_month_zeros_included)
{
	lk_ctx *ctx = tl_ctx();
	fx_centre(ctx);
	lk_err err;
	struct rows w = {"", 0, 0};
	cr_assert_eq(report_activity_timeline(ctx, period("15.01.2027", "10.06.2027"), LK_BY_MONTH, add_named, &w, &err), 0, "%s", err.msg);
	cr_assert_str_eq(w.buf, "2027-01=January 2027:0;2027-02=February 2027:3;2027-03=March 2027:1;"
		"2027-04=April 2027:0;2027-05=May 2027:0;2027-06=June 2027:0;");
	memset(&w, 0, sizeof w);
	cr_assert_eq(report_activity_timeline(ctx, period("2025-03-01", "2028-02-01"), LK_BY_YEAR, add_named, &w, &err), 0);
	cr_assert_str_eq(w.buf, "2025=2025:0;2026=2026:0;2027=2027:4;2028=2028:0;");
	cr_assert_eq(report_time_grouping(period("2025-03-01", "2028-02-01")), LK_BY_YEAR);
	cr_assert_eq(report_time_grouping(period("2026-01-01", "2027-12-31")), LK_BY_MONTH, "24 months");
	cr_assert_eq(report_time_grouping(period("2026-01-01", "2028-01-01")), LK_BY_YEAR, "25 months");
	cr_assert_eq(report_activity_timeline(ctx, period("2027-01-01", "2027-12-31"), LK_BY_COURSE, add_named, &w, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	ctx_close(ctx);
}

struct audiences {
	lk_audience a[4];
	int n;
};

static int add_audience(void *arg, const lk_report_row *r)
{
	struct audiences *got = arg;
	got->a[got->n++] = r->audience;
	return 0;
}

Test(report, the_course_row_says_its_audience)
{
	lk_ctx *ctx = tl_ctx();
	fx_centre(ctx);
	struct audiences got = {{0}, 0};
	lk_err err;
	cr_assert_eq(report_activity(ctx, period("2027-01-01", "2027-12-31"), LK_BY_COURSE,
		(lk_page){0, 0}, add_audience, &got, &err), 0, "%s", err.msg);
	cr_assert_eq(got.n, 2);
	cr_assert_eq(got.a[0], LK_AUDIENCE_PATIENTS);
	cr_assert_eq(got.a[1], LK_AUDIENCE_RELATIVES);
	ctx_close(ctx);
}

/* The report's completion agrees with attendance.h's summary for each
 * registered enrollment of the finished run. */
Test(report, completion_agrees_with_the_attendance_summaries)
{
	lk_ctx *ctx = tl_ctx();
	centre c = fx_centre(ctx);
	lk_err err;
	int64_t ids[] = {c.e1, c.e2, c.e3};
	bool want[] = {true, false, true};
	int completed = 0;
	for (int i = 0; i < 3; i++) {
		lk_attendance_summary s;
		cr_assert_eq(attendance_summary(ctx, ids[i], &s, &err), 0, "%s", err.msg);
		cr_assert_eq(s.completed, want[i], "enrollment %d", i + 1);
		completed += s.completed;
	}
	lk_report_counts n = total(ctx, period("2027-02-01", "2027-02-28"));
	cr_assert_eq(n.completed, completed);
	/* A lower threshold: E2's 2 of 3 (66.7 %) now completes. */
	ctx->settings.completion_threshold_pct = 60;
	n = total(ctx, period("2027-02-01", "2027-02-28"));
	cr_assert_eq(n.completed, 3);
	ctx_close(ctx);
}

Test(report, figures_in_print_order_with_their_values)
{
	lk_ctx *ctx = tl_ctx();
	fx_centre(ctx);
	lk_report_counts n = total(ctx, period("2027-01-01", "2027-12-31"));
	lk_report_figure f[LK_REPORT_FIGURES];
	report_figures(&n, f);
	const char *want[][2] = {
		{"courses", "2"}, {"runs", "2"}, {"runs_finished", "1"}, {"runs_cancelled", "1"},
		{"sessions_held", "4"}, {"sessions_cancelled", "2"}, {"teaching_min", "11 h"},
		{"enrollments", "5"}, {"enrollments_patient", "2"}, {"enrollments_relative", "3"},
		{"people", "4"}, {"people_patient", "2"}, {"people_relative", "3"},
		{"attendance", "81.8 %"}, {"completion", "50.0 %"}, {"facilitation_min", "23 h"},
		{"facilitation_professional_min", "14 h"}, {"facilitation_user_rep_min", "9 h"},
		{"user_rep_share", "39.1 %"},
	};
	for (int i = 0; i < LK_REPORT_FIGURES; i++) {
		char buf[40];
		report_figure_text(&f[i], buf);
		cr_assert_str_eq(f[i].code, want[i][0]);
		cr_assert_str_eq(buf, want[i][1], "%s", f[i].code);
		cr_assert(f[i].label && *f[i].label);
	}
	cr_assert_eq(f[8].indent, 1, "patients is a part of the enrollments");
	cr_assert_eq(f[7].indent, 0);
	ctx_close(ctx);
}

Test(report, numbers_read_well)
{
	char buf[40];
	report_hours_text(0, buf);
	cr_assert_str_eq(buf, "0 h");
	report_hours_text(450, buf);
	cr_assert_str_eq(buf, "7 h 30 min");
	report_hours_text(61, buf);
	cr_assert_str_eq(buf, "1 h 1 min");
	report_hours_short(61, buf);
	cr_assert_str_eq(buf, "1.0 h");
	report_hours_short(73350, buf); /* 1222 h 30 min */
	cr_assert_str_eq(buf, "1222.5 h");
	report_hours_short(20, buf);
	cr_assert_str_eq(buf, "0.3 h");
	report_hours_short(0, buf);
	cr_assert_str_eq(buf, "0.0 h");
	char pct[24];
	report_share_text(2, 3, pct);
	cr_assert_str_eq(pct, "66.7 %");
	report_share_text(1, 8, pct); /* 12.5 exactly: halves up */
	cr_assert_str_eq(pct, "12.5 %");
	report_share_text(1, 16, pct); /* 6.25 -> 6.3 */
	cr_assert_str_eq(pct, "6.3 %");
	report_share_text(5, 0, pct);
	cr_assert_str_eq(pct, "–");
	cr_assert_eq(report_permille(1, 3), 333);
	cr_assert_eq(report_permille(3, 3), 1000);
	cr_assert_eq(report_permille(0, 0), -1);
	char money[32];
	report_money_text(402500, money);
	cr_assert_str_eq(money, "4025.00");
	report_money_text(5, money);
	cr_assert_str_eq(money, "0.05");
	report_money_text(-1, money);
	cr_assert_str_eq(money, "");
}

/* ---- runs held in a period ---- */

static int add_run(void *arg, const lk_report_run *r)
{
	char *buf = arg;
	size_t len = strlen(buf);
	snprintf(buf + len, 512 - len, "%s/%s/%d/%lld;", r->course_title, r->run_title, r->sessions_held,
		(long long)r->teaching_min);
	return 0;
}

Test(report, runs_held_in_a_period_by_their_first_held_session)
{
	lk_ctx *ctx = tl_ctx();
	fx_centre(ctx);
	lk_err err;
	char buf[512] = "";
	lk_period y = period("2027-01-01", "2027-12-31");
	cr_assert_eq(report_runs(ctx, y, (lk_page){0, 0}, add_run, buf, &err), 0, "%s", err.msg);
	cr_assert_str_eq(buf, "Leve med diabetes/Våren 2027/3/540;Pårørendeskolen/Vår/1/120;");
	cr_assert_eq(report_runs_count(ctx, y, &err), 2);
	cr_assert_eq(report_runs_count(ctx, period("2027-02-09", "2027-02-20"), &err), 1);
	buf[0] = 0;
	cr_assert_eq(report_runs(ctx, y, (lk_page){1, 5}, add_run, buf, &err), 0);
	cr_assert_str_eq(buf, "Pårørendeskolen/Vår/1/120;");
	ctx_close(ctx);
}

/* ---- the registration list ---- */

Test(report, registration_list_of_a_run_that_meets_every_criterion)
{
	lk_ctx *ctx = tl_ctx();
	centre c = fx_centre(ctx);
	lk_err err;
	lk_registration r;
	cr_assert_eq(report_registration(ctx, c.r1, &r, &err), 0, "%s", err.msg);
	cr_assert_str_eq(r.course_title, "Leve med diabetes");
	cr_assert_str_eq(r.run_title, "Våren 2027");
	cr_assert_eq(r.phase, LK_RUN_EVALUATION);
	cr_assert_eq(r.sessions_held, 3);
	cr_assert_eq(r.sessions_planned, 0);
	cr_assert_eq(r.teaching_min, 540);
	cr_assert_eq(r.n_professionals, 2);
	cr_assert_eq(r.n_user_reps, 1);
	cr_assert_eq(r.n_professions, 2);
	cr_assert_str_eq(r.professions, "lege, Sykepleier");
	cr_assert_eq(r.participants, 4, "E1 E2 E3 registered, E4 cancelled after coming; not E5");
	cr_assert_eq(r.participants_meeting, 2, "E1 3/3 and E3 2/2");
	for (int i = 0; i < LK_FUND_COUNT; i++)
		cr_assert(r.met[i], "criterion %d: %s", i, r.reason[i]);
	cr_assert(r.meets);
	cr_assert_str_eq(r.reason[LK_FUND_HOURS], "9 h of teaching held.");
	cr_assert_str_eq(r.reason[LK_FUND_ATTENDANCE], "2 of 4 participants were present at 80 % or more of the held sessions.");
	cr_assert_str_eq(r.reason[LK_FUND_PROFESSIONS], "Facilitated by professionals of 2 professions: lege, Sykepleier.");
	registration_free(&r);
	ctx_close(ctx);
}

Test(report, registration_list_says_why_a_run_does_not_meet_them)
{
	lk_ctx *ctx = tl_ctx();
	centre c = fx_centre(ctx);
	lk_err err;
	lk_registration r;
	cr_assert_eq(report_registration(ctx, c.r2, &r, &err), 0, "%s", err.msg);
	cr_assert_not(r.meets);
	cr_assert_not(r.met[LK_FUND_HOURS]);
	cr_assert_str_eq(r.reason[LK_FUND_HOURS], "Only 2 h of teaching held; at least 7 h are needed.");
	cr_assert(r.met[LK_FUND_ATTENDANCE], "E6 came to the one held session");
	cr_assert_not(r.met[LK_FUND_PROFESSIONS]);
	cr_assert_str_eq(r.reason[LK_FUND_PROFESSIONS], "Only one profession among the professionals: Sykepleier.");
	cr_assert_not(r.met[LK_FUND_USER_REP]);
	cr_assert_str_eq(r.reason[LK_FUND_USER_REP], "No user representative facilitated a held session.");
	registration_free(&r);
	/* A professional without a profession does not make a second one. */
	int64_t p5 = fx_person(ctx, "Per Uten", "professional", "  ");
	tl_sql(ctx, "INSERT INTO session_facilitator VALUES (%lld, %lld)", (long long)c.s4, (long long)p5);
	cr_assert_eq(report_registration(ctx, c.r2, &r, &err), 0, "%s", err.msg);
	cr_assert_eq(r.n_professions, 1);
	cr_assert_eq(r.professionals_without_profession, 1);
	cr_assert_not(r.met[LK_FUND_PROFESSIONS]);
	cr_assert(strstr(r.reason[LK_FUND_PROFESSIONS], "1 professional has no profession"), "%s", r.reason[LK_FUND_PROFESSIONS]);
	registration_free(&r);
	/* R3 held nothing: no hours, no facilitators of held sessions. */
	cr_assert_eq(report_registration(ctx, c.r3, &r, &err), 0, "%s", err.msg);
	cr_assert_str_eq(r.reason[LK_FUND_HOURS], "No session has been held yet.");
	cr_assert_not(r.met[LK_FUND_USER_REP], "P3 is booked for S7, which was never held");
	cr_assert_str_eq(r.reason[LK_FUND_ATTENDANCE], "No participants are registered.");
	registration_free(&r);
	cr_assert_eq(report_registration(ctx, 9999, &r, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	registration_free(&r);
	ctx_close(ctx);
}

/* Participants as "name|category|status|present/held|meets|dates;". */
static int add_participant(void *arg, const lk_reg_participant *p)
{
	char *buf = arg;
	size_t len = strlen(buf);
	len += (size_t)snprintf(buf + len, 1024 - len, "%s|%s|%s|%d/%d|%s|", p->name,
		enroll_category_code(p->category), enroll_status_code(p->status), p->present,
		p->held_expected, p->meets_attendance ? "yes" : "no");
	for (int i = 0; i < p->n_dates; i++) {
		char d[11];
		date_iso(p->dates[i], d);
		len += (size_t)snprintf(buf + len, 1024 - len, "%s%s", i ? " " : "", d);
	}
	snprintf(buf + len, 1024 - len, ";");
	return 0;
}

Test(report, registration_participants_with_the_dates_they_came)
{
	lk_ctx *ctx = tl_ctx();
	centre c = fx_centre(ctx);
	lk_err err;
	char buf[1024] = "";
	cr_assert_eq(report_registration_participants(ctx, c.r1, (lk_page){0, 0}, add_participant, buf, &err), 0, "%s", err.msg);
	cr_assert_str_eq(buf,
		"Ewa Żółć|relative|registered|2/2|yes|2027-02-08 2027-02-15;"
		"Nguyễn Thị Lan|patient|registered|2/3|no|2027-02-01 2027-02-15;"
		"Åsmund Ærlig|patient|registered|3/3|yes|2027-02-01 2027-02-08 2027-02-15;"
		"محمد علي|relative|cancelled|1/2|no|2027-02-01;");
	/* Paged. */
	buf[0] = 0;
	cr_assert_eq(report_registration_participants(ctx, c.r1, (lk_page){2, 1}, add_participant, buf, &err), 0);
	cr_assert_str_eq(buf, "Åsmund Ærlig|patient|registered|3/3|yes|2027-02-01 2027-02-08 2027-02-15;");
	/* A purged participant stays listed, without a name. */
	tl_sql(ctx, "UPDATE participant SET name = '', purged_at = '2028-01-01T00:00:00' WHERE name = 'Ewa Żółć'");
	buf[0] = 0;
	cr_assert_eq(report_registration_participants(ctx, c.r1, (lk_page){0, 1}, add_participant, buf, &err), 0);
	cr_assert_str_eq(buf, "|relative|registered|2/2|yes|2027-02-08 2027-02-15;");
	ctx_close(ctx);
}

/* ---- honorarium ---- */

Test(report, paid_minutes_round_to_the_nearest_half_hour_with_a_minimum)
{
	lk_settings s;
	settings_defaults(&s);
	cr_assert_eq(report_paid_minutes(&s, 90, true), 90);
	cr_assert_eq(report_paid_minutes(&s, 75, true), 90, "a half rounds up");
	cr_assert_eq(report_paid_minutes(&s, 74, true), 60);
	cr_assert_eq(report_paid_minutes(&s, 104, true), 90);
	cr_assert_eq(report_paid_minutes(&s, 105, true), 120);
	cr_assert_eq(report_paid_minutes(&s, 20, true), 60, "at least an hour in person");
	cr_assert_eq(report_paid_minutes(&s, 20, false), 30, "remote: rounded, no minimum");
	cr_assert_eq(report_paid_minutes(&s, 10, false), 0);
	cr_assert_eq(report_paid_minutes(&s, 180, true), 180);
	s.honorarium_round_min = 0;
	cr_assert_eq(report_paid_minutes(&s, 77, true), 77, "not rounded");
	s.honorarium_round_min = 15;
	s.honorarium_minimum_min = 30;
	cr_assert_eq(report_paid_minutes(&s, 20, true), 30);
	cr_assert_eq(report_paid_minutes(&s, 38, true), 45);
	cr_assert_eq(report_amount_ore(&s, 90), -1, "no rate set");
	s.honorarium_rate_ore = 35000;
	cr_assert_eq(report_amount_ore(&s, 90), 52500);
	s.honorarium_rate_ore = 33333;
	cr_assert_eq(report_amount_ore(&s, 1), 556, "555.55 rounds to 556");
}

struct hon {
	char items[2048];
	char people[512];
};

static int hon_item(void *arg, const lk_hon_item *it)
{
	struct hon *h = arg;
	size_t len = strlen(h->items);
	char d[17];
	datetime_iso(it->starts_at, d);
	snprintf(h->items + len, sizeof h->items - len, "%s|%s|%s|%s|%d|%d|%lld;", it->name,
		report_hon_kind_code(it->kind), d, it->in_person ? "in person" : "remote", it->actual_min,
		it->paid_min, (long long)it->amount_ore);
	return 0;
}

static int hon_person(void *arg, const lk_hon_total *t)
{
	struct hon *h = arg;
	size_t len = strlen(h->people);
	snprintf(h->people + len, sizeof h->people - len, "%s:%d+%d:%lld/%lld:%lld;", t->name,
		t->sessions, t->meetings, (long long)t->actual_min, (long long)t->paid_min,
		(long long)t->amount_ore);
	return 0;
}

Test(report, honorarium_without_a_rate)
{
	lk_ctx *ctx = tl_ctx();
	fx_centre(ctx);
	lk_err err;
	struct hon h = {"", ""};
	lk_hon_sink sink = {hon_item, hon_person, &h};
	lk_hon_total g;
	cr_assert_eq(report_honorarium(ctx, period("2027-01-01", "2027-12-31"), &sink, &g, &err), 0, "%s", err.msg);
	cr_assert_str_eq(h.items,
		"Zhang Wei 张伟|planning|2027-01-20T12:00|remote|90|90|-1;"
		"Åse Brukersen|planning|2027-01-20T12:00|in person|90|90|-1;"
		"Åse Brukersen|session|2027-02-01T10:00|in person|180|180|-1;"
		"Åse Brukersen|session|2027-02-08T10:00|in person|180|180|-1;"
		"Åse Brukersen|session|2027-02-15T10:00|in person|180|180|-1;"
		"Åse Brukersen|evaluation|2027-03-01T09:00|in person|20|60|-1;");
	cr_assert_str_eq(h.people, "Zhang Wei 张伟:0+1:90/90:-1;Åse Brukersen:3+2:650/690:-1;");
	cr_assert_eq(g.sessions, 3);
	cr_assert_eq(g.meetings, 3);
	cr_assert_eq(g.actual_min, 740);
	cr_assert_eq(g.paid_min, 780);
	cr_assert_eq(g.amount_ore, -1);
	cr_assert_eq(g.person_id, 0);
	ctx_close(ctx);
}

Test(report, honorarium_at_a_rate_and_in_a_shorter_period)
{
	lk_ctx *ctx = tl_ctx();
	fx_centre(ctx);
	ctx->settings.honorarium_rate_ore = 35000;
	lk_err err;
	struct hon h = {"", ""};
	lk_hon_sink sink = {NULL, hon_person, &h};
	lk_hon_total g;
	cr_assert_eq(report_honorarium(ctx, period("2027-01-01", "2027-12-31"), &sink, &g, &err), 0, "%s", err.msg);
	cr_assert_str_eq(h.people, "Zhang Wei 张伟:0+1:90/90:52500;Åse Brukersen:3+2:650/690:402500;");
	cr_assert_eq(g.amount_ore, 455000);
	/* February: the three sessions only. */
	h.people[0] = 0;
	cr_assert_eq(report_honorarium(ctx, period("2027-02-01", "2027-02-28"), &sink, &g, &err), 0);
	cr_assert_str_eq(h.people, "Åse Brukersen:3+0:540/540:315000;");
	/* The professional at M1 is never paid here; nobody in 2030. */
	h.people[0] = 0;
	cr_assert_eq(report_honorarium(ctx, period("2030-01-01", "2030-12-31"), &sink, &g, &err), 0);
	cr_assert_str_eq(h.people, "");
	cr_assert_eq(g.paid_min, 0);
	cr_assert_eq(g.amount_ore, 0);
	ctx_close(ctx);
}

static int stop_at_once(void *arg, const lk_hon_item *it)
{
	(void)it;
	++*(int *)arg;
	return 1;
}

Test(report, honorarium_stops_when_asked)
{
	lk_ctx *ctx = tl_ctx();
	fx_centre(ctx);
	lk_err err;
	int calls = 0;
	lk_hon_sink sink = {stop_at_once, NULL, &calls};
	cr_assert_eq(report_honorarium(ctx, period("2027-01-01", "2027-12-31"), &sink, NULL, &err), 0, "%s", err.msg);
	cr_assert_eq(calls, 1);
	ctx_close(ctx);
}

/* ---- definitions and the log ---- */

static int add_def(void *arg, const char *text)
{
	char *buf = arg;
	strncat(buf, text, 8192 - strlen(buf) - 2);
	strcat(buf, "\n");
	return 0;
}

Test(report, every_report_has_definitions_with_the_settings_in_them)
{
	lk_ctx *ctx = tl_ctx();
	char *buf = calloc(1, 8192);
	cr_assert_eq(report_definitions(ctx, LK_REPORT_ACTIVITY, add_def, buf), 8);
	cr_assert(strstr(buf, "present at 80 % or more"), "%s", buf);
	cr_assert(strstr(buf, "Held: a session counts as held"), "%s", buf);
	buf[0] = 0;
	ctx->settings.completion_threshold_pct = 75;
	report_definitions(ctx, LK_REPORT_ACTIVITY, add_def, buf);
	cr_assert(strstr(buf, "present at 75 % or more"), "%s", buf);
	buf[0] = 0;
	cr_assert_eq(report_definitions(ctx, LK_REPORT_REGISTRATION, add_def, buf), 4);
	cr_assert(strstr(buf, "at least 7 teaching hours"), "%s", buf);
	buf[0] = 0;
	cr_assert_eq(report_definitions(ctx, LK_REPORT_HONORARIUM, add_def, buf), 3);
	cr_assert(strstr(buf, "nearest 30 minutes"), "%s", buf);
	cr_assert(strstr(buf, "at least 60 minutes"), "%s", buf);
	cr_assert(strstr(buf, "No hourly rate is set"), "%s", buf);
	buf[0] = 0;
	ctx->settings.honorarium_rate_ore = 35050;
	report_definitions(ctx, LK_REPORT_HONORARIUM, add_def, buf);
	cr_assert(strstr(buf, "Rate: 350.50 kroner per hour"), "%s", buf);
	free(buf);
	ctx_close(ctx);
}

Test(report, a_report_that_leaves_is_logged_without_names)
{
	lk_ctx *ctx = tl_ctx();
	centre c = fx_centre(ctx);
	lk_err err;
	lk_period y = period("2027-01-01", "2027-12-31");
	int64_t before = tl_sql_int(ctx, "SELECT count(*) FROM audit");
	cr_assert_eq(report_log(ctx, LK_REPORT_REGISTRATION, c.r1, NULL, 4, "/tmp/liste.csv", &err), 0, "%s", err.msg);
	cr_assert_eq(report_log(ctx, LK_REPORT_ACTIVITY, 0, &y, 19, NULL, &err), 0, "%s", err.msg);
	cr_assert_eq(tl_sql_int(ctx, "SELECT count(*) FROM audit"), before + 2);
	cr_assert_eq(tl_sql_int(ctx, "SELECT count(*) FROM audit WHERE action = 'report' AND entity = 'run'"
		" AND entity_id = %lld AND detail = 'registration: 4 rows, to /tmp/liste.csv'", (long long)c.r1), 1);
	cr_assert_eq(tl_sql_int(ctx, "SELECT count(*) FROM audit WHERE action = 'report' AND entity = 'report'"
		" AND detail = 'activity 2027-01-01..2027-12-31: 19 rows, to -'"), 1);
	cr_assert_eq(tl_sql_int(ctx, "SELECT count(*) FROM audit WHERE detail LIKE '%%Åsmund%%'"), 0);
	ctx_close(ctx);
}

/* ---- refusals ---- */

/* Callbacks a refused report must never call. */
#define NEVER(name, T)                                                  \
	static int name(void *arg, const T *row)                        \
	{                                                               \
		(void)arg;                                              \
		(void)row;                                              \
		cr_assert_fail("a refused report streamed a row");      \
		return 1;                                               \
	}
NEVER(never_row, lk_report_row)
NEVER(never_run, lk_report_run)
NEVER(never_participant, lk_reg_participant)
NEVER(never_item, lk_hon_item)

static void assert_all_refused(lk_ctx *as, const centre *c)
{
	lk_err err;
	lk_period y = report_period_year(2027);
	lk_report_counts n;
	lk_registration r;
	lk_hon_sink sink = {never_item, NULL, NULL};
	cr_assert_eq(report_activity_total(as, y, &n, &err), -1);
	cr_assert_eq(err.code, LK_EPERM);
	cr_assert(strstr(err.msg, "make reports"), "%s", err.msg);
	cr_assert_eq(report_activity(as, y, LK_BY_COURSE, (lk_page){0, 0},
		never_row, NULL, &err), -1);
	cr_assert_eq(err.code, LK_EPERM);
	cr_assert_eq(report_runs(as, y, (lk_page){0, 0}, never_run, NULL, &err), -1);
	cr_assert_eq(report_runs_count(as, y, &err), -1);
	cr_assert_eq(report_registration(as, c->r1, &r, &err), -1);
	cr_assert_eq(err.code, LK_EPERM);
	registration_free(&r);
	cr_assert_eq(report_registration_participants(as, c->r1, (lk_page){0, 0},
		never_participant, NULL, &err), -1);
	cr_assert_eq(err.code, LK_EPERM);
	cr_assert_eq(report_honorarium(as, y, &sink, NULL, &err), -1);
	cr_assert_eq(err.code, LK_EPERM);
	cr_assert_eq(report_log(as, LK_REPORT_ACTIVITY, 0, &y, 1, "x", &err), -1);
	cr_assert_eq(err.code, LK_EPERM);
}

Test(report, staff_and_user_representatives_are_refused_every_report)
{
	lk_ctx *ctx = tl_ctx();
	centre c = fx_centre(ctx);
	lk_ctx *staff = tl_ctx_as(ctx, "vert", LK_ROLE_STAFF);
	lk_ctx *rep = tl_ctx_as(ctx, "bruker", LK_ROLE_USER_REP);
	char *before = fx_snapshot(ctx);
	assert_all_refused(staff, &c);
	assert_all_refused(rep, &c);
	assert_unchanged(ctx, before);
	ctx_close(staff);
	ctx_close(rep);
	ctx_close(ctx);
}

Test(report, bad_periods_and_groupings_are_refused_and_change_nothing)
{
	lk_ctx *ctx = tl_ctx();
	fx_centre(ctx);
	lk_err err;
	char *before = fx_snapshot(ctx);
	lk_period back = {{2027, 12, 31}, {2027, 1, 1}};
	lk_report_counts n;
	cr_assert_eq(report_activity_total(ctx, back, &n, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	cr_assert_eq(report_activity(ctx, report_period_year(2027), (lk_report_by)9, (lk_page){0, 0},
		never_row, NULL, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	cr_assert_eq(report_honorarium(ctx, back, NULL, NULL, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	cr_assert_eq(report_runs_count(ctx, back, &err), -1);
	assert_unchanged(ctx, before);
	ctx_close(ctx);
}

/* The coordinator's own reads change nothing either. */
Test(report, reading_a_report_writes_nothing)
{
	lk_ctx *ctx = tl_ctx();
	centre c = fx_centre(ctx);
	lk_err err;
	char *before = fx_snapshot(ctx);
	total(ctx, report_period_year(2027));
	lk_registration r;
	cr_assert_eq(report_registration(ctx, c.r1, &r, &err), 0);
	registration_free(&r);
	cr_assert_eq(report_honorarium(ctx, report_period_year(2027), NULL, NULL, &err), 0);
	assert_unchanged(ctx, before);
	ctx_close(ctx);
}
