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
	char **unmet;    /* n translated sentences, owned */
	int n_checklist; /* how many of them are unticked checklist items */
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

/* True for the phase codes that have checklists (see lk_checklist_item). */
bool checklist_phase_valid(const char *phase);

/* Items of owner for phase (NULL: every phase) in order: phases in
 * lifecycle order, then position. The item passed to each() is freed after
 * the call; each() returning non-zero stops. Readable by every role.
 * LK_EINVAL for an owner with neither or both ids set. */
int checklist_list(lk_ctx *ctx, lk_owner owner, const char *phase,
	int (*each)(void *arg, const lk_checklist_item *it), void *arg, lk_err *err);
/* Ticks or unticks an item (version as read); records who and when.
 * Coordinators only; LK_ECONFLICT when the version is stale, LK_ENOTFOUND
 * when the item is gone. Audited. */
int checklist_set_done(lk_ctx *ctx, int64_t item_id, int64_t version, bool done, lk_err *err);
/* Adds an item of the owner's own (not the template) at the end of the
 * phase's list. The phase must be one of the owner's (course: idea,
 * planning, revision; run: scheduling, registration, execution,
 * evaluation). If the owner has no items for that phase yet, the template
 * is copied first, so an early own item never suppresses the template.
 * Coordinators only; audited. */
int checklist_add(lk_ctx *ctx, lk_owner owner, const char *phase, const char *text, lk_err *err);
/* Deletes an item (version as read). Coordinators only; audited. */
int checklist_delete(lk_ctx *ctx, int64_t item_id, int64_t version, lk_err *err);

/* Template editing (the shipped Norwegian defaults are in schema/). Adding
 * appends at the end of the phase; changes affect only owners that enter
 * the phase later. Coordinators only; audited. */
int checklist_template_add(lk_ctx *ctx, const char *phase, const char *text, lk_err *err);
int checklist_template_delete(lk_ctx *ctx, int64_t id, int64_t version, lk_err *err);
/* Template items of phase (NULL: every phase) in order, as checklist items
 * (done false, done_by/done_at NULL). */
int checklist_template_list(lk_ctx *ctx, const char *phase,
	int (*each)(void *arg, const lk_checklist_item *it), void *arg, lk_err *err);

/* One kept gate override, newest first. */
typedef struct lk_gate_override {
	int64_t id;
	char *from_phase, *to_phase, *unmet, *reason, *login, *at;
} lk_gate_override;
void gate_override_free(lk_gate_override *o);
/* Streams the owner's overrides, newest first (each() as in checklist_list). */
int gate_override_list(lk_ctx *ctx, lk_owner owner,
	int (*each)(void *arg, const lk_gate_override *o), void *arg, lk_err *err);

/* For course.c and run.c, inside their transaction (no role check, the
 * caller checks): copy the phase's template to owner unless the owner
 * already has items for that phase (a phase without checklist copies
 * nothing); add the phase's unticked items to g, one sentence each
 * ("checklist: 'Kurseier er utpekt' is not ticked"); record an override
 * (reason required, trimmed; unmet = gate_join(g)), audited as
 * "override" on gate_override with detail "from->to". */
int phase_enter_checklist(lk_ctx *ctx, lk_owner owner, const char *phase, lk_err *err);
int phase_unticked(lk_ctx *ctx, lk_owner owner, const char *phase, lk_gate *g, lk_err *err);
int phase_record_override(lk_ctx *ctx, lk_owner owner, const char *from, const char *to,
	const lk_gate *g, const char *reason, lk_err *err);

#endif
