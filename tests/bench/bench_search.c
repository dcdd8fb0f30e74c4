/*
 * bench_search.c — times participant search as the participants list does
 * it on every keystroke: participant_count, then the first page of
 * participant_search (60 rows). Driven by scripts/bench-search.sh.
 *
 *   bench_search init DB             create DB: coordinator "bench", staff "vert"
 *   bench_search rebuild DB          rebuild the search index, say how long
 *   bench_search run DB LOGIN RUNS TEXT...
 *       for each TEXT: one warm-up, then RUNS timed keystrokes; prints a
 *       Markdown row: text, matches, median and slowest ms
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lmskurs/ctx.h"
#include "lmskurs/participant.h"
#include "lmskurs/store/participant.h"
#include "lmskurs/text.h"
#include "lmskurs/user.h"

enum { PAGE = 60, MAX_RUNS = 101 };

static int count_row(void *arg, const lk_participant *p)
{
	(void)p;
	(*(int *)arg)++;
	return 0;
}

static double now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

/* One keystroke: the count and the first page. -1 on error. */
static double keystroke(lk_ctx *ctx, const char *text, int64_t *n, lk_err *err)
{
	int rows = 0;
	double t0 = now_ms();
	*n = participant_count(ctx, text, err);
	if (*n < 0 || participant_search(ctx, text, (lk_page){0, PAGE}, count_row, &rows, err) < 0)
		return -1;
	double ms = now_ms() - t0;
	if (rows != (*n < PAGE ? *n : PAGE)) {
		fprintf(stderr, "bench_search: '%s': %d rows on the page, %lld matches\n", text, rows,
			(long long)*n);
		exit(1);
	}
	return ms;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static int bench_one(lk_ctx *ctx, const char *text, int runs)
{
	double ms[MAX_RUNS];
	int64_t n;
	lk_err err;
	if (keystroke(ctx, text, &n, &err) < 0) {
		fprintf(stderr, "bench_search: '%s': %s\n", text, err.msg);
		return -1;
	}
	for (int i = 0; i < runs; i++)
		if ((ms[i] = keystroke(ctx, text, &n, &err)) < 0)
			return -1;
	qsort(ms, (size_t)runs, sizeof ms[0], cmp_double);
	printf("| `%s` | %zu | %lld | %.1f | %.1f |\n", text, text_codepoints(text), (long long)n, ms[runs / 2],
		ms[runs - 1]);
	return 0;
}

static int init(const char *path)
{
	lk_ctx *ctx = NULL;
	lk_err err;
	if (ctx_open(path, LK_OPEN_CREATE, "bench", NULL, &ctx, NULL, &err) < 0 ||
	    user_add(ctx, "vert", LK_ROLE_STAFF, 0, &err) < 0) {
		fprintf(stderr, "bench_search: %s\n", err.msg);
		ctx_close(ctx);
		return 1;
	}
	ctx_close(ctx);
	return 0;
}

static int rebuild(const char *path)
{
	lk_ctx *ctx = NULL;
	lk_err err;
	double t0 = now_ms();
	if (ctx_open(path, LK_OPEN_EXISTING, "bench", NULL, &ctx, NULL, &err) < 0 ||
	    store_participant_search_rebuild(ctx->db, &err) < 0) {
		fprintf(stderr, "bench_search: %s\n", err.msg);
		ctx_close(ctx);
		return 1;
	}
	printf("index rebuilt in %.0f ms\n", now_ms() - t0);
	ctx_close(ctx);
	return 0;
}

static int run(const char *path, const char *login, int runs, char **texts, int n)
{
	lk_ctx *ctx = NULL;
	lk_err err;
	if (ctx_open(path, LK_OPEN_EXISTING, login, NULL, &ctx, NULL, &err) < 0) {
		fprintf(stderr, "bench_search: %s\n", err.msg);
		return 1;
	}
	printf("| search text | characters | matches | median ms | slowest ms |\n|---|---|---|---|---|\n");
	int rc = 0;
	for (int i = 0; i < n && rc == 0; i++)
		rc = bench_one(ctx, texts[i], runs);
	ctx_close(ctx);
	return rc < 0;
}

int main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "init") == 0)
		return init(argv[2]);
	if (argc == 3 && strcmp(argv[1], "rebuild") == 0)
		return rebuild(argv[2]);
	if (argc >= 6 && strcmp(argv[1], "run") == 0) {
		int runs = atoi(argv[4]);
		if (runs >= 1 && runs <= MAX_RUNS)
			return run(argv[2], argv[3], runs, argv + 5, argc - 5);
	}
	fprintf(stderr, "usage: bench_search init DB | rebuild DB | run DB LOGIN RUNS TEXT...\n");
	return 2;
}
