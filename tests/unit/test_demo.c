#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "lmskurs/check.h"
#include "lmskurs/course.h"
#include "lmskurs/demo.h"
#include "testlib.h"

struct seen {
	int kinds[8];
	int total;
};

static void count_problem(void *arg, lk_problem_kind kind, const char *line)
{
	struct seen *s = arg;
	cr_log_info("%s", line);
	s->kinds[kind]++;
	s->total++;
}

static lk_demo_stats fill(lk_ctx *ctx, int years, uint64_t seed)
{
	lk_demo_opts o = {.years = years, .seed = seed};
	lk_demo_stats s;
	lk_err err;
	cr_assert_eq(demo_fill(ctx, &o, &s, &err), 0, "%s", err.msg);
	return s;
}

Test(demo, check_finds_exactly_the_two_deliberate_problems, .timeout = 60)
{
	lk_ctx *ctx = tl_ctx();
	lk_demo_stats s = fill(ctx, 2, 7);
	cr_assert_eq(s.courses, 10);
	cr_assert_gt(s.runs, 20);
	cr_assert_gt(s.attendance, 100);
	cr_assert_gt(s.responses, 50);
	struct seen seen = {0};
	lk_err err;
	cr_assert_eq(check_all(ctx, count_problem, &seen, &err), 2, "%s", err.msg);
	cr_assert_eq(seen.kinds[LK_PROBLEM_UNPAIRED], 1);
	cr_assert_eq(seen.kinds[LK_PROBLEM_ROOM], 1);
	ctx_close(ctx);
}

/* A digest of what the demo wrote: same seed and date, same data. */
static char *digest(lk_ctx *ctx)
{
	sqlite3 *h;
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_open(tl_db_path(ctx), &h), SQLITE_OK);
	cr_assert_eq(sqlite3_prepare_v2(h,
		"SELECT (SELECT group_concat(name, '|') FROM (SELECT name FROM participant ORDER BY id))"
		" || (SELECT group_concat(starts_at || room, '|') FROM (SELECT * FROM session ORDER BY id))"
		" || (SELECT count(*) || '/' || total(status = 'present') FROM attendance)",
		-1, &st, NULL), SQLITE_OK);
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
	char *d = strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_close(h);
	return d;
}

Test(demo, deterministic_for_a_seed, .timeout = 60)
{
	lk_ctx *a = tl_ctx(), *b = tl_ctx(), *c = tl_ctx();
	fill(a, 1, 42);
	fill(b, 1, 42);
	fill(c, 1, 43);
	char *da = digest(a), *db = digest(b), *dc = digest(c);
	cr_assert_str_eq(da, db);
	cr_assert_str_neq(da, dc, "another seed gives other data");
	free(da);
	free(db);
	free(dc);
	ctx_close(a);
	ctx_close(b);
	ctx_close(c);
}

Test(demo, refuses_a_database_with_courses_and_wrong_years)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	lk_demo_stats s;
	lk_demo_opts bad = {.years = 0, .seed = 1};
	cr_assert_eq(demo_fill(ctx, &bad, &s, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	lk_course co = {.title = "Eget kurs", .audience = LK_AUDIENCE_BOTH};
	cr_assert_eq(course_create(ctx, &co, &err), 0, "%s", err.msg);
	lk_demo_opts ok = {.years = 1, .seed = 1};
	cr_assert_eq(demo_fill(ctx, &ok, &s, &err), -1);
	cr_assert_eq(err.code, LK_ERULE);
	lk_course_filter all = {.phase = -1, .audience = -1};
	cr_assert_eq(course_count(ctx, &all, &err), 1, "nothing was added");
	ctx_close(ctx);
	lk_ctx *people_only = tl_ctx();
	tl_person(people_only, "Ekte Person", LK_PROFESSIONAL);
	cr_assert_eq(demo_fill(people_only, &ok, &s, &err), -1, "real people are not mixed with invented ones");
	cr_assert_eq(err.code, LK_ERULE);
	ctx_close(people_only);
}

Test(demo, staff_may_not_fill)
{
	lk_ctx *ctx = tl_ctx();
	lk_ctx *staff = tl_ctx_as(ctx, "vert", LK_ROLE_STAFF);
	lk_err err;
	lk_demo_stats s;
	lk_demo_opts o = {.years = 1, .seed = 1};
	cr_assert_eq(demo_fill(staff, &o, &s, &err), -1);
	cr_assert_eq(err.code, LK_EPERM);
	ctx_close(staff);
	ctx_close(ctx);
}

/* Whatever the date, the example keeps its two problems for check. */
Test(demo, two_problems_on_every_date_of_a_year, .timeout = 120)
{
	for (int week = 0; week < 53; week += 2) {
		lk_ctx *ctx = tl_ctx();
		char when[20];
		lk_date day = date_add_days((lk_date){2027, 1, 4}, 7L * week);
		snprintf(when, sizeof when, "%04d-%02d-%02dT09:00", day.year, day.month, day.day);
		tl_set_now(ctx, when);
		lk_demo_opts o = {.years = 1, .seed = 3};
		lk_demo_stats st;
		lk_err ferr;
		cr_assert_eq(demo_fill(ctx, &o, &st, &ferr), 0, "on %s: %s", when, ferr.msg);
		struct seen seen = {0};
		lk_err err;
		cr_assert_eq(check_all(ctx, count_problem, &seen, &err), 2, "on %s: %s", when, err.msg);
		cr_assert_eq(seen.kinds[LK_PROBLEM_UNPAIRED], 1, "on %s", when);
		cr_assert_eq(seen.kinds[LK_PROBLEM_ROOM], 1, "on %s", when);
		ctx_close(ctx);
	}
}
