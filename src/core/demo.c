/*
 * demo.c — the example centre. The generator lives through the years: it
 * sets the context's clock to each moment (course planned, run scheduled,
 * people signing up, sessions held, evaluation meeting) and calls the same
 * core operations a coordinator would, so the data obeys every rule.
 */
#include "lmskurs/demo.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "demo_data.h"
#include "lmskurs/attendance.h"
#include "lmskurs/course.h"
#include "lmskurs/enroll.h"
#include "lmskurs/i18n.h"
#include "lmskurs/meeting.h"
#include "lmskurs/participant.h"
#include "lmskurs/person.h"
#include "lmskurs/phase.h"
#include "lmskurs/questionnaire.h"
#include "lmskurs/response.h"
#include "lmskurs/revision.h"
#include "lmskurs/role.h"
#include "lmskurs/run.h"
#include "lmskurs/session.h"
#include "lmskurs/user.h"

enum { DEMO_MAX_COURSES = 16, DEMO_POOL = 4096, DEMO_LEAD_DAYS = 56, DEMO_AHEAD_DAYS = 180 };

struct demo_staff {
	int64_t course_id, prof, prof2, rep;
};

struct demo {
	lk_ctx *ctx;
	uint64_t rng;
	lk_datetime now; /* the demo's clock, read by ctx->clock */
	lk_date today;
	lk_demo_stats *stats;
	struct demo_staff staff[DEMO_MAX_COURSES];
	int64_t pool[DEMO_POOL]; /* earlier participants, some come back */
	int npool;
	int runs_done, runs_total;
	const lk_demo_opts *opts;
	lk_err *err;
};

/* splitmix64: small, fast, and the same sequence on every machine. */
static uint64_t rnd(struct demo *d)
{
	uint64_t z = (d->rng += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static int rnd_below(struct demo *d, int n) { return n > 0 ? (int)(rnd(d) % (uint64_t)n) : 0; }
static bool chance(struct demo *d, int pct) { return rnd_below(d, 100) < pct; }

static lk_datetime demo_clock(void *arg) { return *(lk_datetime *)arg; }

static void at(struct demo *d, lk_date day, int hour, int minute)
{
	d->now = (lk_datetime){day, hour, minute};
}

/* ---- checklists ---- */

struct tick_list {
	int n;
	int64_t id[64], version[64];
};

static int collect_unticked(void *arg, const lk_checklist_item *it)
{
	struct tick_list *t = arg;
	if (!it->done && t->n < 64) {
		t->id[t->n] = it->id;
		t->version[t->n++] = it->version;
	}
	return 0;
}

static int tick_all(struct demo *d, lk_owner owner, const char *phase)
{
	struct tick_list t = {0};
	if (checklist_list(d->ctx, owner, phase, collect_unticked, &t, d->err) < 0)
		return -1;
	for (int i = 0; i < t.n; i++)
		if (checklist_set_done(d->ctx, t.id[i], t.version[i], true, d->err) < 0)
			return -1;
	return 0;
}

static int course_to(struct demo *d, int64_t id, lk_course_phase from, lk_course_phase to)
{
	lk_owner o = {.course_id = id};
	if (tick_all(d, o, course_phase_code(from)) < 0)
		return -1;
	return course_set_phase(d->ctx, id, to, NULL, NULL, d->err);
}

static int run_to(struct demo *d, int64_t id, lk_run_phase from, lk_run_phase to)
{
	lk_owner o = {.run_id = id};
	if (tick_all(d, o, run_phase_code(from)) < 0)
		return -1;
	return run_set_phase(d->ctx, id, to, NULL, NULL, d->err);
}

/* ---- people ---- */

static int64_t add_person(struct demo *d, const char *name, lk_person_kind kind,
	const char *profession, const char *organisation)
{
	char email[96];
	snprintf(email, sizeof email, "kursholder%d@lms.example.no", d->stats->people + 1);
	lk_person p = {.name = (char *)name, .kind = kind, .profession = (char *)profession,
		.organisation = (char *)organisation, .email = email, .phone = "", .notes = "",
		.active = true};
	if (person_create(d->ctx, &p, d->err) < 0)
		return -1;
	d->stats->people++;
	return p.id;
}

static void norwegian_name(struct demo *d, char *buf, size_t n)
{
	snprintf(buf, n, "%s %s", demo_given[rnd_below(d, demo_given_count)],
		demo_family[rnd_below(d, demo_family_count)]);
}

static int add_staff(struct demo *d, int c, struct demo_staff *s)
{
	const struct demo_course *dc = &demo_courses[c];
	char a[128], b[128], r[128];
	norwegian_name(d, a, sizeof a);
	norwegian_name(d, b, sizeof b);
	norwegian_name(d, r, sizeof r);
	const char *other = demo_professions[(c + 2) % demo_profession_count];
	s->prof = add_person(d, a, LK_PROFESSIONAL, dc->profession, "");
	s->prof2 = s->prof < 0 ? -1 : add_person(d, b, LK_PROFESSIONAL, other, "");
	s->rep = s->prof2 < 0 ? -1 : add_person(d, r, LK_USER_REP, "", dc->organisation);
	return s->rep < 0 ? -1 : 0;
}

/* ---- courses ---- */

static int create_course(struct demo *d, int c, struct demo_staff *s)
{
	const struct demo_course *dc = &demo_courses[c];
	lk_course co = {.title = (char *)dc->title, .why = (char *)dc->why,
		.management_backing = "Avdelingsleder medisinsk klinikk", .owner_id = s->prof,
		.target_group = (char *)dc->target_group, .goals = (char *)dc->goals,
		.frame = (char *)dc->frame, .content = (char *)dc->content,
		.methods = (char *)dc->methods, .evaluation = (char *)dc->evaluation};
	course_audience_parse(dc->audience, &co.audience);
	if (course_create(d->ctx, &co, d->err) < 0)
		return -1;
	s->course_id = co.id;
	d->stats->courses++;
	return 0;
}

static int plan_course(struct demo *d, int c, struct demo_staff *s)
{
	const struct demo_course *dc = &demo_courses[c];
	int64_t id = s->course_id;
	if (course_to(d, id, LK_COURSE_IDEA, LK_COURSE_PLANNING) < 0 ||
	    course_member_add(d->ctx, id, s->prof, "kurseier", d->err) < 0 ||
	    course_member_add(d->ctx, id, s->prof2, "", d->err) < 0 ||
	    course_member_add(d->ctx, id, s->rep, "brukerrepresentant", d->err) < 0)
		return -1;
	for (int i = 0; i < 8 && dc->parts[i].topic; i++) {
		lk_course_part p = {.course_id = id, .topic = (char *)dc->parts[i].topic,
			.minutes = dc->parts[i].minutes, .needs = LK_NEEDS_BOTH, .description = ""};
		if (course_part_add(d->ctx, &p, d->err) < 0)
			return -1;
	}
	return 0;
}

static int planning_meeting(struct demo *d, struct demo_staff *s, lk_date day)
{
	char start[17], end[17];
	datetime_iso((lk_datetime){day, 12, 0}, start);
	datetime_iso((lk_datetime){day, 14, 0}, end);
	lk_meeting m = {.course_id = s->course_id, .kind = LK_MEETING_PLANNING, .starts_at = start,
		.ends_at = end, .place = "Møterom 1", .notes = "Plangruppen gikk gjennom kursplanen."};
	if (meeting_create(d->ctx, &m, d->err) < 0)
		return -1;
	d->stats->meetings++;
	int64_t who[3] = {s->prof, s->prof2, s->rep};
	for (int i = 0; i < 3; i++)
		if (meeting_attendee_add(d->ctx, m.id, who[i], true, d->err) < 0)
			return -1;
	return 0;
}

static int setup_course(struct demo *d, int c, lk_date day)
{
	struct demo_staff *s = &d->staff[c];
	at(d, day, 10, 0);
	if (add_staff(d, c, s) < 0 || create_course(d, c, s) < 0 || plan_course(d, c, s) < 0)
		return -1;
	at(d, date_add_days(day, 14), 12, 0);
	if (planning_meeting(d, s, d->now.date) < 0)
		return -1;
	at(d, date_add_days(day, 15), 9, 0);
	return course_to(d, s->course_id, LK_COURSE_PLANNING, LK_COURSE_ACTIVE);
}

/* ---- runs ---- */

/* The first date on the course's weekday on or after from, moved on a week
 * at a time until no session of the run falls on a public holiday. */
static lk_date first_free_date(const struct demo_course *dc, lk_date from, int nparts)
{
	lk_date day = from;
	while (date_weekday(day) != dc->weekday)
		day = date_add_days(day, 1);
	for (;;) {
		bool clash = false;
		for (int i = 0; i < nparts && !clash; i++)
			clash = date_holiday(date_add_days(day, 7L * i)) != NULL;
		if (!clash)
			return day;
		day = date_add_days(day, 7);
	}
}

static int part_count(const struct demo_course *dc)
{
	int n = 0;
	while (n < 8 && dc->parts[n].topic)
		n++;
	return n;
}

static int64_t create_run(struct demo *d, int c, lk_date first, const char *title)
{
	const struct demo_course *dc = &demo_courses[c];
	struct demo_staff *s = &d->staff[c];
	at(d, date_add_days(first, -DEMO_LEAD_DAYS - 7), 10, 0);
	lk_run r = {.course_id = s->course_id, .title = (char *)title, .place = "LMS, Sykehuset",
		.capacity = dc->capacity, .notes = ""};
	if (run_create(d->ctx, &r, d->err) < 0)
		return -1;
	lk_schedule sc = {.first = first, .every_weeks = 1, .hour = dc->hour, .minute = 0,
		.room = dc->room};
	int64_t who[3] = {s->prof, s->prof2, s->rep};
	int n = run_schedule(d->ctx, r.id, &sc, d->err);
	if (n < 0 || run_assign_facilitators(d->ctx, r.id, who, 3, d->err) < 0)
		return -1;
	d->stats->runs++;
	d->stats->sessions += n;
	return r.id;
}

static int64_t new_participant(struct demo *d)
{
	char name[128], email[128], phone[16];
	if (chance(d, 15))
		snprintf(name, sizeof name, "%s", demo_world_names[rnd_below(d, demo_world_name_count)]);
	else
		norwegian_name(d, name, sizeof name);
	snprintf(email, sizeof email, "deltaker%d@example.no", d->stats->participants + 1);
	snprintf(phone, sizeof phone, "%d%07d", chance(d, 50) ? 9 : 4, rnd_below(d, 10000000));
	lk_participant p = {.name = name, .phone = phone, .email = email,
		.birth_year = 1935 + rnd_below(d, 70), .notes = ""};
	if (participant_create(d->ctx, &p, d->err) < 0)
		return -1;
	d->stats->participants++;
	if (d->npool < DEMO_POOL)
		d->pool[d->npool++] = p.id;
	else
		d->pool[rnd_below(d, DEMO_POOL)] = p.id;
	return p.id;
}

static lk_category pick_category(struct demo *d, const char *audience)
{
	if (strcmp(audience, "relatives") == 0)
		return LK_CAT_RELATIVE;
	if (strcmp(audience, "both") == 0 && chance(d, 40))
		return LK_CAT_RELATIVE;
	return LK_CAT_PATIENT;
}

/* One sign-up; a returning participant already in this run is simply skipped. */
static int sign_up(struct demo *d, int c, int64_t run_id)
{
	int64_t pid = d->npool > 20 && chance(d, 8) ? d->pool[rnd_below(d, d->npool)] : new_participant(d);
	if (pid < 0)
		return -1;
	lk_enrollment e = {0};
	int rc = enroll_add(d->ctx, run_id, pid, pick_category(d, demo_courses[c].audience),
		chance(d, 30), &e, d->err);
	if (rc < 0 && d->err->code == LK_ERULE)
		rc = 0;
	else if (rc == 0) {
		d->stats->enrollments++;
		if (e.status == LK_ENR_REGISTERED && chance(d, 6)) {
			lk_promotion pr = {0};
			rc = enroll_cancel(d->ctx, e.id, e.version, &pr, d->err);
			promotion_free(&pr);
		}
	}
	enrollment_free(&e);
	return rc;
}

/* Sign-ups spread over the weeks before the start, up to `until`. */
static int open_registration(struct demo *d, int c, int64_t run_id, lk_date first, lk_date until)
{
	lk_date open = date_add_days(first, -DEMO_LEAD_DAYS);
	at(d, open, 9, 0);
	if (run_to(d, run_id, LK_RUN_SCHEDULING, LK_RUN_REGISTRATION) < 0)
		return -1;
	int want = demo_courses[c].capacity + rnd_below(d, 6) - 3;
	for (int i = 0; i < want; i++) {
		lk_date day = date_add_days(open, 1 + (long)i * (DEMO_LEAD_DAYS - 3) / (want > 0 ? want : 1));
		if (date_cmp(day, until) > 0)
			break;
		at(d, day, 8 + i % 9, (i * 7) % 60);
		if (sign_up(d, c, run_id) < 0)
			return -1;
	}
	return 0;
}

/* ---- evaluation forms ---- */

static int answer_for(struct demo *d, const lk_question *q, int mood, lk_answer *a)
{
	a->question_id = q->id;
	a->text = NULL;
	switch (q->kind) {
	case LK_QUESTION_SCALE:
		a->value = q->scale_max - rnd_below(d, 3 + mood) % (q->scale_max - q->scale_min + 1);
		return !chance(d, 3);
	case LK_QUESTION_CHOICE:
		a->value = 1 + rnd_below(d, q->n_options);
		return !chance(d, 5);
	case LK_QUESTION_YESNO:
		a->value = chance(d, 80);
		return 1;
	default:
		if (chance(d, 45))
			return 0;
		a->text = (char *)(strstr(q->text, "endre") ? demo_change[rnd_below(d, demo_change_count)]
			: demo_good[rnd_below(d, demo_good_count)]);
		return 1;
	}
}

/* Most who came to the last session hand in a paper form. */
static int demo_responses(struct demo *d, int64_t run_id)
{
	int64_t qid = 0, registered = 0, waiting = 0, cancelled = 0;
	lk_questionnaire qn = {0};
	int rc = questionnaire_for_run(d->ctx, run_id, &qid, d->err);
	if (rc == 0)
		rc = questionnaire_get(d->ctx, qid, &qn, d->err);
	if (rc == 0)
		rc = enroll_counts(d->ctx, run_id, &registered, &waiting, &cancelled, d->err);
	lk_answer answers[64];
	int forms = (int)(registered * (55 + rnd_below(d, 35)) / 100);
	for (int f = 0; rc == 0 && f < forms; f++) {
		int n = 0, mood = rnd_below(d, 5);
		for (int i = 0; i < qn.n_questions && n < 64; i++)
			n += answer_for(d, &qn.questions[i], mood, &answers[n]);
		int64_t id;
		rc = response_add(d->ctx, run_id, qid, answers, n, LK_SOURCE_PAPER, &id, d->err);
		d->stats->responses += rc == 0;
	}
	questionnaire_free(&qn);
	return rc;
}

/* ---- execution ---- */

struct sess_list {
	int n;
	int64_t id[16], version[16];
	lk_datetime start[16];
};

static int collect_session(void *arg, const lk_session *s)
{
	struct sess_list *l = arg;
	if (l->n < 16) {
		l->id[l->n] = s->id;
		l->version[l->n] = s->version;
		l->start[l->n++] = s->starts_at;
	}
	return 0;
}

struct enr_list {
	int n;
	int64_t id[128];
	lk_date placed[128];
};

static int collect_registered(void *arg, const lk_enrollment *e)
{
	struct enr_list *l = arg;
	char day[11];
	lk_err ignore;
	if (l->n >= 128 || !e->placed_at || strlen(e->placed_at) < 10)
		return 0;
	memcpy(day, e->placed_at, 10); /* "YYYY-MM-DDTHH:MM:SS" */
	day[10] = '\0';
	if (date_parse(day, &l->placed[l->n], &ignore) == 0)
		l->id[l->n++] = e->id;
	return 0;
}

static lk_att_status pick_attendance(struct demo *d)
{
	int r = rnd_below(d, 100);
	return r < 84 ? LK_ATT_PRESENT : r < 94 ? LK_ATT_ABSENT : LK_ATT_EXCUSED;
}

static int hold_session(struct demo *d, const struct enr_list *people, int64_t session_id, lk_datetime start)
{
	d->now = start;
	d->now.minute += 5;
	for (int i = 0; i < people->n; i++) {
		if (date_cmp(people->placed[i], start.date) > 0)
			continue; /* not expected: got the place after this session */
		if (attendance_mark(d->ctx, session_id, people->id[i], pick_attendance(d), NULL, d->err) < 0)
			return -1;
		d->stats->attendance++;
	}
	return 0;
}

/* Holds every session that has started by `until`; returns how many. */
static int hold_sessions(struct demo *d, int64_t run_id, lk_datetime until)
{
	struct sess_list s = {0};
	struct enr_list people = {0};
	if (session_list(d->ctx, run_id, collect_session, &s, d->err) < 0 ||
	    enroll_list(d->ctx, run_id, LK_ENR_REGISTERED, (lk_page){0, 0}, collect_registered, &people, d->err) < 0)
		return -1;
	int held = 0;
	for (int i = 0; i < s.n && datetime_cmp(s.start[i], until) <= 0; i++, held++)
		if (hold_session(d, &people, s.id[i], s.start[i]) < 0)
			return -1;
	if (held > 0 && people.n == 0) {
		lk_session_status st = LK_SESSION_HELD;
		for (int i = 0; i < held; i++)
			if (session_set_status(d->ctx, s.id[i], s.version[i], st, d->err) < 0)
				return -1;
	}
	return held;
}

static int evaluation_meeting(struct demo *d, int c, int64_t run_id, lk_date day)
{
	struct demo_staff *s = &d->staff[c];
	char start[17], end[17];
	at(d, day, 14, 0);
	datetime_iso((lk_datetime){day, 14, 0}, start);
	datetime_iso((lk_datetime){day, 15, 30}, end);
	lk_meeting m = {.course_id = s->course_id, .run_id = run_id, .kind = LK_MEETING_EVALUATION,
		.starts_at = start, .ends_at = end, .place = "Møterom 1",
		.notes = "Gjennomgang av evalueringsskjemaene og kursholdernes erfaringer."};
	if (meeting_create(d->ctx, &m, d->err) < 0)
		return -1;
	d->stats->meetings++;
	int64_t who[3] = {s->prof, s->prof2, s->rep};
	for (int i = 0; i < 3; i++)
		if (meeting_attendee_add(d->ctx, m.id, who[i], i != 1 || chance(d, 70), d->err) < 0)
			return -1;
	if (!chance(d, 35))
		return 0;
	lk_decision dec = {.meeting_id = m.id, .text = "Mer tid til erfaringsdeling i første samling."};
	if (meeting_decision_add(d->ctx, &dec, d->err) < 0)
		return -1;
	lk_revision rev = {.course_id = s->course_id, .decision_id = dec.id,
		.element = LK_ELEMENT_METHODS, .change = "Erfaringsdeling flyttet til første samling.",
		.why = "Deltakerne ønsket å bli kjent tidligere."};
	return revision_add(d->ctx, &rev, d->err);
}

/* After the last session: evaluation, its meeting two weeks later, closed. */
static int evaluate_run(struct demo *d, int c, int64_t run_id, lk_date last)
{
	at(d, date_add_days(last, 1), 9, 0);
	if (run_to(d, run_id, LK_RUN_EXECUTION, LK_RUN_EVALUATION) < 0 ||
	    demo_responses(d, run_id) < 0)
		return -1;
	lk_date meet = date_add_days(last, 14);
	if (date_cmp(meet, d->today) >= 0)
		return 0;
	if (evaluation_meeting(d, c, run_id, meet) < 0)
		return -1;
	at(d, date_add_days(meet, 1), 9, 0);
	return run_to(d, run_id, LK_RUN_EVALUATION, LK_RUN_CLOSED);
}

/* ---- one run through its life, as far as today allows ---- */

static lk_date last_session_date(lk_date first, int nparts)
{
	return date_add_days(first, 7L * (nparts - 1));
}

static int live_run(struct demo *d, int c, lk_date first, const char *title)
{
	const struct demo_course *dc = &demo_courses[c];
	int nparts = part_count(dc);
	int64_t id = create_run(d, c, first, title);
	if (id < 0)
		return -1;
	lk_date open = date_add_days(first, -DEMO_LEAD_DAYS);
	if (date_cmp(open, d->today) > 0)
		return 0; /* registration not open yet: stays in scheduling */
	if (open_registration(d, c, id, first, date_add_days(d->today, -1)) < 0)
		return -1;
	if (date_cmp(first, d->today) >= 0)
		return 0;
	at(d, date_add_days(first, -1), 15, 0);
	if (run_to(d, id, LK_RUN_REGISTRATION, LK_RUN_EXECUTION) < 0)
		return -1;
	lk_datetime until = {date_add_days(d->today, -1), 23, 59};
	int held = hold_sessions(d, id, until);
	if (held < 0)
		return -1;
	if (held < nparts)
		return 0;
	return evaluate_run(d, c, id, last_session_date(first, nparts));
}

static void term_title(char *buf, size_t n, bool spring, int year, int k)
{
	if (k == 0)
		snprintf(buf, n, "%s %d", spring ? "Våren" : "Høsten", year);
	else
		snprintf(buf, n, "%s %d (%d)", spring ? "Våren" : "Høsten", year, k + 1);
}

/* Runs of one course in one term: back to back, each starting the week
 * after the previous one ends, so its facilitators and room never clash.
 * A small centre runs each course once a term; a large one as often as the
 * term (February to June, September to mid-December) has room for. */
static int term_runs(struct demo *d, int c, int year, bool spring, lk_date horizon)
{
	const struct demo_course *dc = &demo_courses[c];
	int nparts = part_count(dc);
	/* Courses start in different weeks, so at any time of the term some run
	 * is under way. */
	lk_date from = date_add_days((lk_date){year, spring ? 1 : 8, 20}, 7L * ((c * 4) % 9));
	lk_date term_end = {year, spring ? 6 : 12, spring ? 20 : 15};
	int max_runs = d->opts->years >= 10 ? 8 : 1;
	for (int k = 0; k < max_runs; k++) {
		lk_date first = first_free_date(dc, from, nparts);
		lk_date last = last_session_date(first, nparts);
		if (date_cmp(first, horizon) > 0 || (k > 0 && date_cmp(last, term_end) > 0))
			return 0;
		char title[64];
		term_title(title, sizeof title, spring, year, k);
		if (live_run(d, c, first, title) < 0)
			return -1;
		d->runs_done++;
		if (d->opts->progress)
			d->opts->progress(d->opts->arg, d->runs_done, d->runs_total);
		from = date_add_days(last, 7);
	}
	return 0;
}

/* ---- the two deliberate problems ---- */

/* Live runs that still have sessions after today, latest first. */
struct live_runs {
	lk_date today;
	int n;
	int64_t id[64], course_id[64];
};

static int collect_live(void *arg, const lk_run *r)
{
	struct live_runs *f = arg;
	bool live = r->phase == LK_RUN_SCHEDULING || r->phase == LK_RUN_REGISTRATION ||
		r->phase == LK_RUN_EXECUTION;
	if (f->n < 64 && live && r->last_date.year && date_cmp(r->last_date, f->today) > 0) {
		f->id[f->n] = r->id;
		f->course_id[f->n++] = r->course_id;
	}
	return 0;
}

static const struct demo_staff *staff_of(const struct demo *d, int64_t course_id)
{
	for (int c = 0; c < demo_course_count; c++)
		if (d->staff[c].course_id == course_id)
			return &d->staff[c];
	return NULL;
}

/* The run's first session after today. */
static int upcoming_session(struct demo *d, int64_t run_id, lk_session *out)
{
	struct sess_list s = {0};
	if (session_list(d->ctx, run_id, collect_session, &s, d->err) < 0)
		return -1;
	for (int i = 0; i < s.n; i++)
		if (date_cmp(s.start[i].date, d->today) > 0)
			return session_get(d->ctx, s.id[i], out, d->err);
	return lk_fail(d->err, LK_ENOTFOUND, "demo: run %lld has no session after today", (long long)run_id);
}

/* The next session of the latest live run loses its user representative. */
static int make_unpaired(struct demo *d, const struct live_runs *f)
{
	lk_session s = {0};
	const struct demo_staff *st = staff_of(d, f->course_id[0]);
	int rc = st ? upcoming_session(d, f->id[0], &s) : -1;
	if (rc == 0)
		rc = session_facilitator_remove(d->ctx, s.id, st->rep, d->err);
	session_free(&s);
	return rc;
}

/* A session of one course is moved into another course's room and hour. */
static int make_room_clash(struct demo *d, const struct live_runs *f)
{
	int b = 2;
	while (b < f->n && f->course_id[b] == f->course_id[1])
		b++;
	if (b >= f->n)
		return lk_fail(d->err, LK_EDB, "demo: too few live runs of different courses for a room clash");
	lk_session target = {0}, moved = {0};
	int rc = upcoming_session(d, f->id[1], &target);
	if (rc == 0)
		rc = upcoming_session(d, f->id[b], &moved);
	if (rc == 0) {
		moved.starts_at = target.starts_at;
		moved.ends_at = target.ends_at;
		free(moved.room);
		moved.room = strdup(target.room);
		rc = moved.room ? session_update(d->ctx, &moved, d->err) : lk_fail(d->err, LK_ENOMEM, "out of memory");
	}
	session_free(&target);
	session_free(&moved);
	return rc;
}

static int keep_two_problems(struct demo *d)
{
	struct live_runs f = {.today = d->today};
	lk_run_filter all = {.phase = -1};
	if (run_list(d->ctx, &all, (lk_page){0, 0}, collect_live, &f, d->err) < 0)
		return -1;
	if (f.n < 3)
		return lk_fail(d->err, LK_EDB, "demo: too few live runs (%d) for the two problems", f.n);
	at(d, d->today, 8, 0);
	return make_unpaired(d, &f) < 0 ? -1 : make_room_clash(d, &f);
}

/* ---- logins for trying the other roles ---- */

static int add_demo_users(struct demo *d)
{
	struct { const char *login; lk_role role; int64_t person; } u[] = {
		{"vert", LK_ROLE_STAFF, 0},
		{"brukerrep", LK_ROLE_USER_REP, d->staff[0].rep},
	};
	for (size_t i = 0; i < sizeof u / sizeof u[0]; i++)
		if (user_add(d->ctx, u[i].login, u[i].role, u[i].person, d->err) < 0 &&
		    d->err->code != LK_ERULE)
			return -1;
	return 0;
}

/* ---- the whole centre ---- */

/* An upper estimate for the progress line: 18 weeks a term. */
static int runs_estimate(const struct demo *d, int first_year, int last_year)
{
	int n = 0;
	for (int c = 0; c < demo_course_count && c < DEMO_MAX_COURSES; c++)
		n += d->opts->years >= 10 ? 2 * (18 / (part_count(&demo_courses[c]) + 1)) : 2;
	return n * (last_year - first_year + 1);
}

static int fill(struct demo *d)
{
	int first_year = d->today.year - d->opts->years + 1;
	lk_date horizon = date_add_days(d->today, DEMO_AHEAD_DAYS);
	int ncourses = demo_course_count < DEMO_MAX_COURSES ? demo_course_count : DEMO_MAX_COURSES;
	d->runs_total = runs_estimate(d, first_year, horizon.year);
	for (int c = 0; c < ncourses; c++)
		if (setup_course(d, c, (lk_date){first_year - 1, 10, 1 + c}) < 0)
			return -1;
	for (int y = first_year; y <= horizon.year; y++)
		for (int term = 0; term < 2; term++)
			for (int c = 0; c < ncourses; c++)
				if (term_runs(d, c, y, term == 0, horizon) < 0)
					return -1;
	if (keep_two_problems(d) < 0 || add_demo_users(d) < 0)
		return -1;
	at(d, d->today, 8, 0);
	return 0;
}

/* The example goes only into an empty database: mixing invented people
 * with a centre's real ones would be hard to undo. */
static int refuse_unless_empty(lk_ctx *ctx, lk_err *err)
{
	lk_course_filter courses = {.phase = -1, .audience = -1};
	lk_person_filter people = {.kind = -1, .include_inactive = true};
	int64_t n[3] = {course_count(ctx, &courses, err), person_count(ctx, &people, err),
		participant_count(ctx, NULL, err)};
	for (int i = 0; i < 3; i++)
		if (n[i] < 0)
			return -1;
	if (n[0] + n[1] + n[2] > 0)
		return lk_fail(err, LK_ERULE, _("The database already has courses, people or participants; the example data goes only into an empty database. Try: lmskurs --db example.db demo"));
	return 0;
}

int demo_fill(lk_ctx *ctx, const lk_demo_opts *opts, lk_demo_stats *stats, lk_err *err)
{
	memset(stats, 0, sizeof *stats);
	if (role_require(ctx, LK_PERM_MANAGE_USERS, err) < 0 || refuse_unless_empty(ctx, err) < 0)
		return -1;
	if (opts->years < 1 || opts->years > 50)
		return lk_fail(err, LK_EINVAL, _("--years must be between 1 and 50."));
	struct demo d = {.ctx = ctx, .rng = opts->seed, .stats = stats, .opts = opts, .err = err};
	d.today = ctx_today(ctx);
	lk_datetime (*saved)(void *) = ctx->clock;
	void *saved_arg = ctx->clock_arg;
	ctx->clock = demo_clock;
	ctx->clock_arg = &d.now;
	int rc = store_begin(ctx->db, err);
	if (rc == 0)
		rc = ctx_end(ctx, fill(&d), err);
	ctx->clock = saved;
	ctx->clock_arg = saved_arg;
	if (rc < 0)
		memset(stats, 0, sizeof *stats);
	return rc;
}
