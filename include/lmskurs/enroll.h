/*
 * enroll.h — enrollments (påmeldinger): a participant's place in a run, the
 * capacity and the waitlist (DESIGN.md §2, "Capacity and waitlist").
 *
 *   enroll_add ──▶ registered when a place is free and nobody waits, else
 *       waitlisted; first come first served by (requested_at, id)
 *   enroll_cancel / enroll_move / run_set_capacity ──▶ a freed place goes to
 *       the first waiting person, and the caller is told who (lk_promotion)
 *       so the screen can say whom to call
 *
 * Every operation counts places inside one BEGIN IMMEDIATE transaction, and
 * the schema's triggers refuse more registered than capacity whatever path
 * tries it, so two coordinators at once cannot overfill a run.
 *
 * Runs accept enrollments (and fill freed places from the waitlist) only in
 * the phases registration and execution. A run without capacity (NULL in
 * the database) registers everyone. Participant names are not contact
 * details: every role may list enrollments; only coordinators
 * (LK_PERM_EDIT_PARTICIPANTS) may add, cancel or move them.
 */
#ifndef LMSKURS_ENROLL_H
#define LMSKURS_ENROLL_H

#include <stdbool.h>
#include <stdint.h>
#include "lmskurs/ctx.h"

typedef enum lk_category {
	LK_CAT_PATIENT,
	LK_CAT_RELATIVE, /* pårørende */
} lk_category;

typedef enum lk_enroll_status {
	LK_ENR_REGISTERED,
	LK_ENR_WAITLISTED,
	LK_ENR_CANCELLED,
} lk_enroll_status;

typedef struct lk_enrollment {
	int64_t id;
	int64_t run_id;
	int64_t participant_id;
	char *participant_name; /* "" once purged */
	lk_category category;
	lk_enroll_status status;
	char *requested_at;     /* "YYYY-MM-DDTHH:MM:SS": queue order with id */
	char *placed_at;        /* when they got a place (attendance is expected
	                           from that date), NULL if never */
	char *cancelled_at;     /* NULL unless cancelled */
	bool referral;          /* henvisning received */
	int waitlist_pos;       /* 1-based place in the queue, 0 when not waiting */
	int64_t version;
} lk_enrollment;

/* Who got a freed place. */
typedef struct lk_promotion {
	bool promoted;          /* false: nobody was waiting (or no place freed) */
	int64_t enrollment_id;
	int64_t participant_id;
	char *name;             /* owned; NULL when !promoted */
} lk_promotion;

typedef struct lk_promotion_list {
	int n;
	lk_promotion *items;    /* n promotions in queue order, owned */
} lk_promotion_list;

/* Free the strings inside (not the struct itself); NULL is fine. */
void enrollment_free(lk_enrollment *e);
void promotion_free(lk_promotion *p);
void promotion_list_free(lk_promotion_list *l);

const char *enroll_category_code(lk_category c);    /* "patient" | "relative" */
const char *enroll_category_label(lk_category c);   /* translated */
int enroll_category_parse(const char *code, lk_category *out);
const char *enroll_status_code(lk_enroll_status s); /* "registered" | "waitlisted" | "cancelled" */
const char *enroll_status_label(lk_enroll_status s);
int enroll_status_parse(const char *code, lk_enroll_status *out);

/* Enrolls participant_id in run_id. Registered when the run has a free
 * place and nobody is waiting, else waitlisted at the back of the queue.
 * LK_ERULE when the run is not in registration or execution (naming its
 * phase), when the participant already holds a registered or waitlisted
 * place in it, or was purged; LK_ENOTFOUND for an unknown run or
 * participant. A cancelled enrollment in the same run is reused: it joins
 * the back of the queue again (its id and attendance history stay). out
 * (may be NULL) gets the enrollment as saved, with its waitlist position;
 * caller frees with enrollment_free. Coordinators only. */
int enroll_add(lk_ctx *ctx, int64_t run_id, int64_t participant_id, lk_category category,
	bool referral, lk_enrollment *out, lk_err *err);

/* Reads one enrollment (caller frees with enrollment_free, also after a
 * failure). LK_ENOTFOUND when there is none. Every role. */
int enroll_get(lk_ctx *ctx, int64_t id, lk_enrollment *out, lk_err *err);

/* Cancels a registered or waitlisted enrollment (version as read;
 * LK_ECONFLICT otherwise). A freed place goes to the first person waiting
 * when the run is in registration or execution; out (may be NULL) says who,
 * or promoted = false (caller frees with promotion_free). LK_ERULE when it
 * is already cancelled or the run is closed or cancelled. Coordinators only. */
int enroll_cancel(lk_ctx *ctx, int64_t enrollment_id, int64_t version, lk_promotion *out,
	lk_err *err);

/* Moves a registered or waitlisted enrollment to another run of the same
 * course (LK_ERULE otherwise, and when the target does not accept
 * enrollments or already has the participant): the old enrollment is
 * cancelled, its place (if registered) goes to the first waiting person
 * there (freed_out, may be NULL), and the participant is enrolled in
 * to_run_id as enroll_add does: registered or at the back of its waitlist.
 * out (may be NULL) gets the new enrollment. All or nothing. Coordinators
 * only. */
int enroll_move(lk_ctx *ctx, int64_t enrollment_id, int64_t version, int64_t to_run_id,
	lk_promotion *freed_out, lk_enrollment *out, lk_err *err);

/* Sets a run's capacity (1..1000; LK_EINVAL otherwise). Lowering it below
 * the number registered is refused (LK_ERULE, saying how many are
 * registered). Raising it in registration or execution promotes as many
 * waiting people as now fit, in queue order, all listed in out (may be
 * NULL; initialised here, caller frees with promotion_list_free). Closed
 * and cancelled runs are refused. Bumps the run's version. Coordinators
 * only (LK_PERM_EDIT_PLAN). */
int run_set_capacity(lk_ctx *ctx, int64_t run_id, int capacity, lk_promotion_list *out,
	lk_err *err);

/* Streams one page of run_id's enrollments with status filter (-1: all,
 * else lk_enroll_status): registered by name, then waitlisted in queue
 * order, then cancelled by name. each() returning non-zero stops; the
 * enrollment is freed after each() returns. Every role. */
int enroll_list(lk_ctx *ctx, int64_t run_id, int status, lk_page page,
	int (*each)(void *arg, const lk_enrollment *e), void *arg, lk_err *err);

/* How many enrollments of run_id are registered, waitlisted, cancelled
 * (any pointer may be NULL). Every role. */
int enroll_counts(lk_ctx *ctx, int64_t run_id, int64_t *registered, int64_t *waitlisted,
	int64_t *cancelled, lk_err *err);

#endif
