/*
 * phase.h — the standard method's phases (DESIGN.md §2), their gates and
 * their checklists, shared by courses and runs.
 *
 *   course: idea → planning → active ⇄ revision;  any → retired
 *   run:    scheduling → registration → execution → evaluation → closed;
 *           any but closed → cancelled
 *
 * Moving forward one step passes a gate. A gate lists what is unmet, one
 * sentence each (the rule conditions first, then the phase's unticked
 * checklist items). An unmet gate refuses the move (LK_ERULE) unless the
 * coordinator writes a reason; the reason and what was unmet are kept in
 * gate_override. Moving back one step (to fix something) needs no gate.
 * Entering a phase copies that phase's checklist template to the course or
 * run, once.
 */
#ifndef LMSKURS_PHASE_H
#define LMSKURS_PHASE_H

#include <stdbool.h>
#include <stdint.h>
#include "lmskurs/ctx.h"

typedef enum lk_course_phase {
	LK_COURSE_IDEA,
	LK_COURSE_PLANNING,
	LK_COURSE_ACTIVE,   /* planned; runs may be scheduled */
	LK_COURSE_REVISION, /* changing after an evaluation */
	LK_COURSE_RETIRED,
	LK_COURSE_PHASE_COUNT
} lk_course_phase;

typedef enum lk_run_phase {
	LK_RUN_SCHEDULING,
	LK_RUN_REGISTRATION,
	LK_RUN_EXECUTION,
	LK_RUN_EVALUATION,
	LK_RUN_CLOSED,
	LK_RUN_CANCELLED,
	LK_RUN_PHASE_COUNT
} lk_run_phase;

const char *course_phase_code(lk_course_phase p);   /* stored form: "idea" ... */
const char *course_phase_label(lk_course_phase p);  /* translated: "idé og forankring" ... */
int course_phase_parse(const char *code, lk_course_phase *out);
const char *run_phase_code(lk_run_phase p);
const char *run_phase_label(lk_run_phase p);
int run_phase_parse(const char *code, lk_run_phase *out);

/* What a gate found unmet. */
typedef struct lk_gate {
	int n;
	char **unmet; /* n translated sentences, owned */
} lk_gate;

void gate_init(lk_gate *g);
void gate_free(lk_gate *g);
/* Appends a printf-formatted sentence; -1 only when out of memory. */
int gate_add(lk_gate *g, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* All unmet sentences joined by "; " into a new string (caller frees). */
char *gate_join(const lk_gate *g);

/* A checklist belongs to exactly one course or run. */
typedef struct lk_owner {
	int64_t course_id; /* set one of the two */
	int64_t run_id;
} lk_owner;

typedef struct lk_checklist_item {
	int64_t id;
	char *phase;   /* stored phase code: checklist phases are idea, planning, scheduling,
	                  registration, execution, evaluation, revision */
	int position;
	char *text;
	bool done;
	char *done_by; /* login, NULL when not done */
	char *done_at;
	int64_t version;
} lk_checklist_item;

void checklist_item_free(lk_checklist_item *it);

/* Items of owner for phase (NULL: every phase) in order. */
int checklist_list(lk_ctx *ctx, lk_owner owner, const char *phase,
	int (*each)(void *arg, const lk_checklist_item *it), void *arg, lk_err *err);
/* Ticks or unticks an item (version as read). Coordinators only. */
int checklist_set_done(lk_ctx *ctx, int64_t item_id, int64_t version, bool done, lk_err *err);
/* Adds an item of the owner's own (not the template). */
int checklist_add(lk_ctx *ctx, lk_owner owner, const char *phase, const char *text, lk_err *err);
int checklist_delete(lk_ctx *ctx, int64_t item_id, lk_err *err);

/* Template editing (the shipped Norwegian defaults are in schema/). */
int checklist_template_add(lk_ctx *ctx, const char *phase, const char *text, lk_err *err);
int checklist_template_delete(lk_ctx *ctx, int64_t id, lk_err *err);

/* One kept gate override, newest first. */
typedef struct lk_gate_override {
	int64_t id;
	char *from_phase, *to_phase, *unmet, *reason, *login, *at;
} lk_gate_override;
void gate_override_free(lk_gate_override *o);
int gate_override_list(lk_ctx *ctx, lk_owner owner,
	int (*each)(void *arg, const lk_gate_override *o), void *arg, lk_err *err);

/* For course.c and run.c, inside their transaction: copy the phase's
 * template to owner unless already there; add the phase's unticked items
 * to g; record an override. */
int phase_enter_checklist(lk_ctx *ctx, lk_owner owner, const char *phase, lk_err *err);
int phase_unticked(lk_ctx *ctx, lk_owner owner, const char *phase, lk_gate *g, lk_err *err);
int phase_record_override(lk_ctx *ctx, lk_owner owner, const char *from, const char *to,
	const lk_gate *g, const char *reason, lk_err *err);

#endif
