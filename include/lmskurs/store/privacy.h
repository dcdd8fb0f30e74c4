/* store/privacy.h — SQL for the retention rule, the purge and the file's
 * compaction. The rule's meaning, roles and auditing are core's
 * (privacy.c, privacy.h). */
#ifndef LMSKURS_STORE_PRIVACY_H
#define LMSKURS_STORE_PRIVACY_H

#include <stdbool.h>
#include "lmskurs/privacy.h"
#include "lmskurs/store.h"

/* Participants due at cutoff ("YYYY-MM-DDTHH:MM:SS"), oldest activity
 * first, then by number. */
int store_privacy_due(lk_db *db, const char *cutoff, lk_page page,
	int (*each)(void *arg, const lk_purge_item *it), void *arg, lk_err *err);
int64_t store_privacy_due_count(lk_db *db, const char *cutoff, lk_err *err);
/* Every participant due, in the same order, computed once: each() may
 * change participants meanwhile (the purge). */
int store_privacy_due_all(lk_db *db, const char *cutoff,
	int (*each)(void *arg, const lk_purge_item *it), void *arg, lk_err *err);

/* Clears id's name and contact details and sets purged_at = stamp, bumping
 * its version; version 0: whatever it is. LK_ENOTFOUND / LK_ECONFLICT as
 * for versioned updates; a participant already purged counts as changed
 * (LK_ECONFLICT) unless the caller checked before. */
int store_privacy_clear(lk_db *db, int64_t id, int64_t version, const char *stamp, lk_err *err);

/* VACUUM, then PRAGMA wal_checkpoint(TRUNCATE). Outside any transaction
 * only. *wal_cleared: the checkpoint finished and the WAL is empty. */
int store_privacy_compact(lk_db *db, bool *wal_cleared, lk_err *err);

#endif
