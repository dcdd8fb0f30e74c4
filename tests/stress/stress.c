/*
 * stress.c — several coordinators writing one database at once, through
 * the core API only (scripts/concurrency.sh, scripts/killtest.sh).
 *
 *   stress setup DB          a fresh database (the caller's login its first
 *                            coordinator) with logins w1..w16 (coordinators),
 *                            40 participants, 3 runs taking registrations
 *                            (5 places each), a run in execution with 4
 *                            paired sessions and 10 participants, and 6
 *                            people whose notes the workers append to
 *   stress work DB LOGIN SEED N LOG
 *                            N mixed operations as LOGIN: enroll (30 %),
 *                            cancel a place (20 %), mark attendance (25 %),
 *                            append a token to a person's notes after reading
 *                            it (25 %, read-modify-write with a pause of up
 *                            to 2 ms between: a lost update would lose a
 *                            token). One line per committed operation
 *                            goes to LOG ("E enrollment run participant",
 *                            "C enrollment", "M session enrollment status",
 *                            "P person token"); a summary to stdout.
 *
 * Refusals the rules give (a full run, already enrolled, changed by someone
 * else meanwhile) are normal and counted. LK_EBUSY ("database is locked")
 * or any other failure is printed to stderr and makes the exit status 1.
 * The clock is fixed at 2027-06-01 (after the sessions) so every run sees
 * the same day.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lmskurs/attendance.h"
#include "lmskurs/course.h"
#include "lmskurs/enroll.h"
#include "lmskurs/participant.h"
#include "lmskurs/person.h"
#include "lmskurs/run.h"
#include "lmskurs/session.h"
#include "lmskurs/user.h"

enum { N_PARTICIPANTS = 40, N_REG_RUNS = 3, N_SESSIONS = 4, N_EXEC = 10, N_NOTES = 6, N_LOGINS = 16 };

/* The ids setup made, found again by the workers (fixed by construction:
 * a fresh database numbers from 1). */
enum { FIRST_NOTES_PERSON = 3, EXEC_RUN = 4 };

static lk_datetime fixed_clock(void *arg)
{
	return *(const lk_datetime *)arg;
}

static int die(const char *what, const lk_err *err)
{
	fprintf(stderr, "stress: %s: %s\n", what, err->msg);
	return 1;
}

/* ---- setup ---- */

static int64_t course(lk_ctx *ctx, lk_err *err)
{
	lk_course c = {.title = "Stresskurs – Ødegård", .audience = LK_AUDIENCE_BOTH};
	if (course_create(ctx, &c, err) < 0)
		return -1;
	for (int i = 0; i < N_SESSIONS; i++) {
		lk_course_part p = {.course_id = c.id, .topic = "Mestring", .minutes = 90};
		if (course_part_add(ctx, &p, err) < 0)
			return -1;
	}
	if (course_set_phase(ctx, c.id, LK_COURSE_PLANNING, "stress", NULL, err) < 0 ||
	    course_set_phase(ctx, c.id, LK_COURSE_ACTIVE, "stress", NULL, err) < 0)
		return -1;
	return c.id;
}

static int64_t run_in(lk_ctx *ctx, int64_t course_id, const char *title, int capacity, lk_err *err)
{
	lk_run r = {.course_id = course_id, .title = (char *)title, .capacity = capacity};
	if (run_create(ctx, &r, err) < 0)
		return -1;
	return run_set_phase(ctx, r.id, LK_RUN_REGISTRATION, "stress", NULL, err) < 0 ? -1 : r.id;
}

static int people(lk_ctx *ctx, int64_t ids[2], lk_err *err)
{
	lk_person prof = {.name = "Fag Person", .kind = LK_PROFESSIONAL, .profession = "sykepleier", .active = true};
	lk_person rep = {.name = "Bruker Rep", .kind = LK_USER_REP, .organisation = "LHL", .active = true};
	if (person_create(ctx, &prof, err) < 0 || person_create(ctx, &rep, err) < 0)
		return -1;
	ids[0] = prof.id;
	ids[1] = rep.id;
	for (int i = 0; i < N_NOTES; i++) {
		lk_person p = {.name = "Notat Person", .kind = LK_PROFESSIONAL, .active = true};
		if (person_create(ctx, &p, err) < 0)
			return -1;
	}
	return 0;
}

/* Run EXEC_RUN: four paired sessions in March 2027, ten registered from
 * February, then in execution. */
static int exec_run(lk_ctx *ctx, int64_t course_id, const int64_t pair[2], lk_datetime *now, lk_err *err)
{
	lk_run r = {.course_id = course_id, .title = "Gjennomføring", .capacity = 20};
	lk_schedule s = {.first = {2027, 3, 2}, .every_weeks = 1, .hour = 17, .minute = 0, .room = "Rom Ø"};
	if (run_create(ctx, &r, err) < 0 || r.id != EXEC_RUN || run_schedule(ctx, r.id, &s, err) < 0 ||
	    run_assign_facilitators(ctx, r.id, pair, 2, err) < 0 ||
	    run_set_phase(ctx, r.id, LK_RUN_REGISTRATION, "stress", NULL, err) < 0)
		return -1;
	for (int i = 1; i <= N_EXEC; i++)
		if (enroll_add(ctx, r.id, i, LK_CAT_PATIENT, false, NULL, err) < 0)
			return -1;
	*now = (lk_datetime){{2027, 3, 2}, 20, 0};
	return run_set_phase(ctx, r.id, LK_RUN_EXECUTION, "stress", NULL, err);
}

static int participants(lk_ctx *ctx, lk_err *err)
{
	for (int i = 0; i < N_PARTICIPANTS; i++) {
		char name[64];
		snprintf(name, sizeof name, "Deltaker %d Ærlig", i + 1);
		lk_participant p = {.name = name};
		if (participant_create(ctx, &p, err) < 0)
			return -1;
	}
	return 0;
}

static int logins(lk_ctx *ctx, lk_err *err)
{
	for (int i = 1; i <= N_LOGINS; i++) {
		char login[16];
		snprintf(login, sizeof login, "w%d", i);
		if (user_add(ctx, login, LK_ROLE_COORDINATOR, 0, err) < 0)
			return -1;
	}
	return 0;
}

static int setup(const char *db)
{
	lk_ctx *ctx = NULL;
	lk_err err;
	lk_datetime now = {{2027, 1, 15}, 9, 0};
	char *me = ctx_os_login(&err);
	if (!me || ctx_open(db, LK_OPEN_CREATE, me, NULL, &ctx, NULL, &err) < 0)
		return die("opening", &err);
	free(me);
	ctx->clock = fixed_clock;
	ctx->clock_arg = &now;
	int64_t pair[2], c;
	int rc = people(ctx, pair, &err) < 0 || participants(ctx, &err) < 0 || (c = course(ctx, &err)) < 0;
	for (int i = 0; !rc && i < N_REG_RUNS; i++)
		rc = run_in(ctx, c, "Påmelding", 5, &err) < 0;
	rc = rc || exec_run(ctx, c, pair, &now, &err) < 0 || logins(ctx, &err) < 0;
	if (rc)
		return die("setup", &err);
	ctx_close(ctx);
	return 0;
}

/* ---- work ---- */

typedef struct worker {
	lk_ctx *ctx;
	FILE *log;
	unsigned seed;
	long ok, conflict, rule, busy, other, n;
} worker;

static int pick(worker *w, int n)
{
	return (int)(rand_r(&w->seed) % (unsigned)n);
}

/* Sorts a result into the counters; 0 when it is one the rules give. */
static int outcome(worker *w, int rc, const lk_err *err, const char *what)
{
	if (rc == 0) {
		w->ok++;
		return 0;
	}
	switch (err->code) {
	case LK_ECONFLICT: w->conflict++; return 0;
	case LK_ERULE: case LK_ENOTFOUND: w->rule++; return 0;
	case LK_EBUSY: w->busy++; break;
	default: w->other++; break;
	}
	fprintf(stderr, "stress %s: %s: %s\n", w->ctx->login, what, err->msg);
	return -1;
}

static void logf_line(worker *w, const char *fmt, long long a, long long b, const char *c)
{
	fprintf(w->log, fmt, a, b, c);
	fflush(w->log);
}

static void op_enroll(worker *w)
{
	lk_err err;
	lk_enrollment e = {0};
	int64_t run = 1 + pick(w, N_REG_RUNS), who = 1 + pick(w, N_PARTICIPANTS);
	int rc = enroll_add(w->ctx, run, who, LK_CAT_RELATIVE, false, &e, &err);
	if (outcome(w, rc, &err, "enroll") == 0 && rc == 0)
		logf_line(w, "E %lld %lld %s\n", (long long)e.id, (long long)run, "");
	enrollment_free(&e);
}

static void op_cancel(worker *w)
{
	lk_err err;
	lk_enrollment e = {0};
	int64_t id = 1 + N_EXEC + pick(w, 60);
	int rc = enroll_get(w->ctx, id, &e, &err);
	if (rc == 0 && e.run_id != EXEC_RUN && e.status != LK_ENR_CANCELLED) {
		rc = enroll_cancel(w->ctx, id, e.version, NULL, &err);
		if (outcome(w, rc, &err, "cancel") == 0 && rc == 0)
			logf_line(w, "C %lld %lld%s\n", (long long)id, 0, "");
	} else if (rc < 0) {
		outcome(w, rc, &err, "read enrollment");
	}
	enrollment_free(&e);
}

static void op_mark(worker *w)
{
	static const char *const codes[] = {"present", "absent", "excused"};
	lk_err err;
	int st = pick(w, 3);
	int64_t session = 1 + pick(w, N_SESSIONS), enrollment = 1 + pick(w, N_EXEC);
	int rc = attendance_mark(w->ctx, session, enrollment, (lk_att_status)st, "stress", &err);
	if (outcome(w, rc, &err, "mark") == 0 && rc == 0)
		logf_line(w, "M %lld %lld %s\n", (long long)session, (long long)enrollment, codes[st]);
}

static void op_notes(worker *w)
{
	lk_err err;
	lk_person p;
	int64_t id = FIRST_NOTES_PERSON + pick(w, N_NOTES);
	if (outcome(w, person_get(w->ctx, id, &p, &err), &err, "read person") < 0)
		return;
	usleep((useconds_t)pick(w, 2000)); /* others get to write meanwhile */
	char token[48];
	snprintf(token, sizeof token, "%s.%d.%ld;", w->ctx->login, (int)getpid(), w->n);
	size_t len = strlen(p.notes) + strlen(token) + 1;
	char *notes = malloc(len);
	snprintf(notes, len, "%s%s", p.notes, token);
	free(p.notes);
	p.notes = notes;
	int rc = person_update(w->ctx, &p, &err);
	if (outcome(w, rc, &err, "update person") == 0 && rc == 0)
		logf_line(w, "P %lld %lld %s\n", (long long)id, 0, token);
	person_free(&p);
}

static int work(const char *db, const char *login, unsigned seed, long n, const char *log)
{
	lk_err err;
	lk_datetime now = {{2027, 6, 1}, 10, 0};
	worker w = {.seed = seed};
	if (ctx_open(db, LK_OPEN_EXISTING, login, NULL, &w.ctx, NULL, &err) < 0)
		return die("opening", &err);
	w.ctx->clock = fixed_clock;
	w.ctx->clock_arg = &now;
	if (!(w.log = fopen(log, "a")))
		return fprintf(stderr, "stress: cannot write %s\n", log), 1;
	for (w.n = 0; w.n < n; w.n++) {
		int r = pick(&w, 100);
		if (r < 30)
			op_enroll(&w);
		else if (r < 50)
			op_cancel(&w);
		else if (r < 75)
			op_mark(&w);
		else
			op_notes(&w);
	}
	fclose(w.log);
	printf("%s ok=%ld conflict=%ld rule=%ld busy=%ld other=%ld\n", login, w.ok, w.conflict, w.rule,
		w.busy, w.other);
	ctx_close(w.ctx);
	return w.busy || w.other;
}

int main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "setup") == 0)
		return setup(argv[2]);
	if (argc == 7 && strcmp(argv[1], "work") == 0)
		return work(argv[2], argv[3], (unsigned)strtoul(argv[4], NULL, 10), strtol(argv[5], NULL, 10), argv[6]);
	fprintf(stderr, "usage: stress setup DB | stress work DB LOGIN SEED N LOG\n");
	return 2;
}
