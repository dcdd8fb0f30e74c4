/*
 * check.c — gathers every problem the standard method's rules can see into
 * one-line messages. Each rule is asked of the module that owns it; nothing
 * here knows SQL.
 */
#include "lmskurs/check.h"

#include <stdio.h>
#include <string.h>

#include "lmskurs/auditlog.h"
#include "lmskurs/conflict.h"
#include "lmskurs/i18n.h"
#include "lmskurs/run.h"
#include "lmskurs/session.h"
#include "lmskurs/store.h"

struct checker {
	lk_ctx *ctx;
	void (*problem)(void *, lk_problem_kind, const char *);
	void *arg;
	int count;
	lk_datetime from;
	const lk_run *run; /* while walking a run's sessions */
	lk_err *err;
	int failed;
};

static void report(struct checker *c, lk_problem_kind kind, const char *line)
{
	c->count++;
	c->problem(c->arg, kind, line);
}

static void integrity_problem(void *arg, const char *line)
{
	report(arg, LK_PROBLEM_INTEGRITY, line);
}

static void when(const lk_datetime *t, char buf[static 17])
{
	datetime_show(*t, buf);
}

static int unpaired_session(void *arg, const lk_session *s)
{
	struct checker *c = arg;
	if (datetime_cmp(s->starts_at, c->from) < 0)
		return 0;
	char line[2048], t[17];
	when(&s->starts_at, t);
	snprintf(line, sizeof line, _("unpaired: %s, %s, session %d (%s): %s"),
		c->run->course_title, c->run->title, s->seq, t, session_pairing_text(s));
	report(c, LK_PROBLEM_UNPAIRED, line);
	return 0;
}

static bool run_is_live(const lk_run *r)
{
	return r->phase != LK_RUN_CLOSED && r->phase != LK_RUN_CANCELLED;
}

static int run_rules(void *arg, const lk_run *r)
{
	struct checker *c = arg;
	if (!run_is_live(r))
		return 0;
	if (r->capacity > 0 && r->n_registered > r->capacity) {
		char line[2048];
		snprintf(line, sizeof line, _("over capacity: %s, %s: %d registered, %d places"),
			r->course_title, r->title, r->n_registered, r->capacity);
		report(c, LK_PROBLEM_CAPACITY, line);
	}
	if (r->n_unpaired == 0)
		return 0;
	c->run = r;
	if (run_unpaired(c->ctx, r->id, unpaired_session, c, c->err) < 0) {
		c->failed = 1;
		return 1;
	}
	return 0;
}

static void describe_session(const lk_conflict_session *s, char *buf, size_t n)
{
	lk_datetime t;
	lk_err ignore;
	char shown[17] = "?";
	if (datetime_parse(s->starts_at, &t, &ignore) == 0)
		datetime_show(t, shown);
	snprintf(buf, n, _("%s session %d (%s)"), s->course_title, s->seq, shown);
}

static int conflict_rule(void *arg, const lk_conflict *k)
{
	struct checker *c = arg;
	char a[1024], b[1024], line[3072];
	describe_session(&k->a, a, sizeof a);
	describe_session(&k->b, b, sizeof b);
	switch (k->kind) {
	case LK_CONFLICT_ROOM:
		snprintf(line, sizeof line, _("room double booked: %s in %s and %s"), k->a.room, a, b);
		report(c, LK_PROBLEM_ROOM, line);
		break;
	case LK_CONFLICT_FACILITATOR:
		snprintf(line, sizeof line, _("facilitator double booked: %s in %s and %s"), k->person_name, a, b);
		report(c, LK_PROBLEM_FACILITATOR, line);
		break;
	default:
		snprintf(line, sizeof line, _("public holiday: %s is on %s"), a, k->holiday);
		report(c, LK_PROBLEM_HOLIDAY, line);
		break;
	}
	return 0;
}

int check_all(lk_ctx *ctx, void (*problem)(void *, lk_problem_kind, const char *), void *arg,
	lk_err *err)
{
	struct checker c = {.ctx = ctx, .problem = problem, .arg = arg, .err = err};
	c.from = (lk_datetime){ctx_today(ctx), 0, 0};
	if (store_check_integrity(ctx->db, integrity_problem, &c, err) < 0 ||
	    auditlog_check(ctx, integrity_problem, &c, err) < 0)
		return -1;
	lk_run_filter all = {.phase = -1};
	if (run_list(ctx, &all, (lk_page){0, 0}, run_rules, &c, err) < 0 || c.failed)
		return -1;
	char from[11];
	date_iso(c.from.date, from);
	lk_conflict_scope scope = {.run_id = 0, .from_iso = from};
	if (conflict_list(ctx, &scope, conflict_rule, &c, err) < 0)
		return -1;
	return c.count;
}
