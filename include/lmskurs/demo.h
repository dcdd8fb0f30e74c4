/*
 * demo.h — fills an empty database with a realistic example centre.
 *
 * Everything goes through the core operations, with the context's clock set
 * to the moment each thing would have happened, so the example obeys every
 * rule the real program keeps (gates, pairing, capacity, attendance).
 * Deterministic for a seed and a date. It keeps exactly two problems for
 * `lmskurs check` to find: one unpaired future session and one room clash.
 */
#ifndef LMSKURS_DEMO_H
#define LMSKURS_DEMO_H

#include <stdint.h>
#include "lmskurs/ctx.h"

typedef struct lk_demo_opts {
	int years;        /* years of history before today, 1..50 (and the next half year planned ahead) */
	uint64_t seed;
	/* Called after each run; done <= total. May be NULL. */
	void (*progress)(void *arg, int done, int total);
	void *arg;
} lk_demo_opts;

typedef struct lk_demo_stats {
	int courses, people, runs, sessions, participants, enrollments, attendance, responses, meetings;
} lk_demo_stats;

/* Coordinators only, on a database without courses (LK_ERULE otherwise).
 * All or nothing: one transaction. */
int demo_fill(lk_ctx *ctx, const lk_demo_opts *opts, lk_demo_stats *stats, lk_err *err);

#endif
