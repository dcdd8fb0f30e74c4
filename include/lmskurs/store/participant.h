/* store/participant.h — SQL for participants. Validation, roles, hiding
 * contact details and auditing are core's (participant.c). */
#ifndef LMSKURS_STORE_PARTICIPANT_H
#define LMSKURS_STORE_PARTICIPANT_H

#include "lmskurs/participant.h"
#include "lmskurs/store.h"

/* What a search matches; NULL members are not used. */
typedef struct lk_participant_query {
	const char *name_text;   /* part of the name, case-folded (NULL: everyone) */
	const char *email_text;  /* part of the e-mail, case-folded */
	const char *phone_digits;/* part of the stored (normalised) phone */
} lk_participant_query;

/* Inserts p's fields as given (already validated and normalised); sets
 * *id. */
int store_participant_insert(lk_db *db, const lk_participant *p, const char *stamp,
	int64_t *id, lk_err *err);
/* Reads with contact details. 1 found, 0 not found, -1 error. */
int store_participant_get(lk_db *db, int64_t id, lk_participant *out, lk_err *err);
/* Versioned update of name and contact details; LK_ECONFLICT/LK_ENOTFOUND. */
int store_participant_update(lk_db *db, const lk_participant *p, lk_err *err);
int store_participant_delete(lk_db *db, int64_t id, int64_t version, lk_err *err);

/* Registered or waitlisted places in runs that are neither closed nor
 * cancelled: *n, and the label (run title, else course title) of one of
 * them in *label (newly allocated, NULL when *n is 0). */
int store_participant_open_places(lk_db *db, int64_t id, int64_t *n, char **label, lk_err *err);

/* Rows without contact details, sorted by name, id; not purged. Case is
 * folded as text_equal_fold does, and for a search through the index
 * (schema/0006, docs/decisions.md) also as FTS5 folds it, which takes a
 * few more letters (Greek, Armenian, 'ſ' …) as the same. An empty
 * phone_digits is no criterion. */
int store_participant_search(lk_db *db, const lk_participant_query *q, lk_page page,
	int (*each)(void *arg, const lk_participant *p), void *arg, lk_err *err);
int64_t store_participant_count(lk_db *db, const lk_participant_query *q, lk_err *err);

/* Rows with contact details, not purged, whose phone is phone_a or phone_b
 * (when not empty) or whose e-mail equals email (ASCII case-insensitive,
 * when not empty), each once, by id. Names are not compared here. */
int store_participant_same_contact(lk_db *db, const char *phone_a, const char *phone_b,
	const char *email, int (*each)(void *arg, const lk_participant *p), void *arg,
	lk_err *err);

/* Builds the search index (schema/0006) again from the participant table,
 * in one transaction (a savepoint inside the caller's); 0 or -1. Nothing of
 * a text that was changed or cleared stays in the index afterwards, which
 * a plain update of the table cannot promise: the privacy purge and the
 * erasure must call it after clearing participants and before compacting
 * the file (secure_delete then leaves no trace). The writes in this file
 * keep the index up to date themselves, and call it first when someone
 * else changed participants meanwhile (participant_fts_stale). */
int store_participant_search_rebuild(lk_db *db, lk_err *err);

/* 1 when keep and drop are both enrolled in one run (its label in *label,
 * newly allocated), 0 when not, -1 on error. */
int store_participant_shared_run(lk_db *db, int64_t keep, int64_t drop, char **label, lk_err *err);
/* Moves drop's enrollments to keep, fills keep's empty contact details
 * from drop, appends drop's notes, bumps keep's version, deletes drop. */
int store_participant_merge(lk_db *db, int64_t keep, int64_t drop, lk_err *err);

#endif
