/*
 * privacy.h — participants' names and contact details removed when they
 * are no longer needed (retention) or when a participant asks (erasure),
 * so that nothing of them is left in the database file or its WAL.
 *
 *   privacy_due_count / privacy_due_list ──▶ who the retention rule has
 *       reached (Home's reminder, `privacy purge --dry-run`)
 *   privacy_purge ──▶ one transaction: each due participant's name, phone,
 *       e-mail, birth year and notes cleared, purged_at set, a "purge"
 *       audit entry per participant ──▶ VACUUM ──▶ WAL checkpoint (TRUNCATE)
 *   privacy_erase ──▶ the same for one participant, on request ("erase")
 *
 * Enrollments and attendance stay, so reports still count the person
 * (as "removed"); evaluation forms were anonymous from the start.
 *
 * The retention rule. A participant is due when they are not purged yet,
 * have no enrollment (of any status) in a run that is neither closed nor
 * cancelled, and their last activity lies retention_months
 * (ctx->settings) or more before now (ctx's clock). Their last activity is
 * the latest of: when a run of theirs was closed (run.closed_at), when they
 * signed up for, got a place in or cancelled a place in any run, and when
 * they were registered. So after an ordinary course it counts from the day
 * the run was closed; someone whose only run was cancelled, or who never
 * got into a run, counts from their last sign-up or their registration.
 *
 * Lists name participants by number with the date retention counts from
 * and their last run (course and run title): never a name, so they may go
 * to a terminal, a log or a mail without leaking health data.
 *
 * After the write, the file is compacted (VACUUM) and the WAL emptied
 * (checkpoint TRUNCATE); secure_delete is on, so the removed text is found
 * nowhere in either file. The checkpoint cannot finish while another
 * process is reading: lk_privacy_result says so, and running the purge
 * again later (nothing due: only the compaction) finishes it. Both need
 * the caller to be outside any transaction; inside one, the compaction is
 * left out (compacted false).
 */
#ifndef LMSKURS_PRIVACY_H
#define LMSKURS_PRIVACY_H

#include <stdbool.h>
#include <stdint.h>

#include "lmskurs/ctx.h"

/* One participant the rule has reached. */
typedef struct lk_purge_item {
	int64_t participant_id;
	char *since;          /* "YYYY-MM-DDTHH:MM:SS": last activity */
	int64_t last_run_id;  /* their last run (0: none) */
	char *last_run;       /* "Course – Run title" ("" none); never a name */
} lk_purge_item;

void purge_item_free(lk_purge_item *it);

typedef struct lk_privacy_result {
	int64_t participants; /* whose details were removed now */
	bool compacted;       /* VACUUM ran */
	bool wal_cleared;     /* the WAL was emptied (false: another process
	                         was reading; run the purge again later) */
} lk_privacy_result;

/* The moment the rule looks back to: now minus retention_months, as
 * "YYYY-MM-DDTHH:MM:SS" (a day past the month's end is the month's last
 * day: 31 May minus 3 months is 28 or 29 February). */
void privacy_cutoff(const lk_ctx *ctx, char out[static 20]);

/* How many participants are due now, or -1 with err. Coordinators only
 * (LK_PERM_EDIT_PARTICIPANTS): the number is for whoever can act on it. */
int64_t privacy_due_count(lk_ctx *ctx, lk_err *err);

/* Streams one page of the due participants, oldest activity first, to
 * each() (non-zero stops; the item is freed after each() returns). Reads
 * only, not logged (no names or contact details). Coordinators only. */
int privacy_due_list(lk_ctx *ctx, lk_page page, int (*each)(void *arg, const lk_purge_item *it),
	void *arg, lk_err *err);

/* Removes the names and contact details of every due participant in one
 * transaction (all or nothing), each audited as "purge" by number, then
 * compacts (see above). each (may be NULL) is told of every participant
 * removed, in the order of privacy_due_list, inside the transaction;
 * returning non-zero stops with LK_EIO and nothing removed. With nothing
 * due it only compacts. out (may be NULL) gets what was done. Coordinators
 * only. */
int privacy_purge(lk_ctx *ctx, int (*each)(void *arg, const lk_purge_item *it), void *arg,
	lk_privacy_result *out, lk_err *err);

/* Erases participant id's name and contact details on their request, with
 * the same effect as the purge (audited "erase"), then compacts. version
 * as read (LK_ECONFLICT if it changed meanwhile), or 0 to erase whatever
 * the record holds now (the command line, which shows no record first).
 * LK_ENOTFOUND for no such participant; LK_ERULE when already removed, or
 * while they hold a registered or waitlisted place in a run that is not
 * closed or cancelled (naming it: cancel that place first). Coordinators
 * only. */
int privacy_erase(lk_ctx *ctx, int64_t id, int64_t version, lk_privacy_result *out, lk_err *err);

#endif
