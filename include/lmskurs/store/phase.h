/* store/phase.h — SQL for checklists, their templates and gate overrides.
 * Validation, roles and audit are core's (src/core/phase.c). An owner has
 * exactly one of course_id / run_id set; the caller checks that. */
#ifndef LMSKURS_STORE_PHASE_H
#define LMSKURS_STORE_PHASE_H

#include "lmskurs/phase.h"
#include "lmskurs/store.h"

typedef int (*lk_item_fn)(void *arg, const lk_checklist_item *it);

/* 1 when the owner's course or run exists, 0 not, -1 error. */
int store_owner_exists(lk_db *db, lk_owner owner, lk_err *err);

/* Items of owner (phase NULL: all) in lifecycle order, then position. */
int store_checklist_list(lk_db *db, lk_owner owner, const char *phase,
	lk_item_fn each, void *arg, lk_err *err);
/* Number of the owner's items for phase; -1 on error. */
int64_t store_checklist_count(lk_db *db, lk_owner owner, const char *phase, lk_err *err);
/* Copies the phase's template to the owner, numbered 1.. in template order. */
int store_checklist_copy_template(lk_db *db, lk_owner owner, const char *phase, lk_err *err);
int store_checklist_insert(lk_db *db, lk_owner owner, const char *phase, const char *text,
	int64_t *id, lk_err *err);
/* Versioned; done_by/done_at are cleared when done is false. */
int store_checklist_set_done(lk_db *db, int64_t id, int64_t version, bool done,
	const char *login, const char *stamp, lk_err *err);
int store_checklist_delete(lk_db *db, int64_t id, int64_t version, lk_err *err);

int store_template_list(lk_db *db, const char *phase, lk_item_fn each, void *arg, lk_err *err);
int store_template_insert(lk_db *db, const char *phase, const char *text, int64_t *id, lk_err *err);
int store_template_delete(lk_db *db, int64_t id, int64_t version, lk_err *err);

int store_override_insert(lk_db *db, lk_owner owner, const lk_gate_override *o,
	int64_t *id, lk_err *err);
int store_override_list(lk_db *db, lk_owner owner,
	int (*each)(void *arg, const lk_gate_override *o), void *arg, lk_err *err);

#endif
