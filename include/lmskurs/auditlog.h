/*
 * auditlog.h — reading, filtering, exporting and verifying the audit log
 * (writing it is audit.h's audit_log, inside each operation's transaction).
 *
 *   audit_log ──store_audit_append──▶ audit row with hash = H(previous
 *       entry's hash, its own fields) and audit_chain (first and last entry)
 *   auditlog_list / _count ──▶ pages for the screen (coordinators)
 *   auditlog_export ──▶ every entry under a filter, oldest first, itself
 *       logged ("export" on "audit")
 *   auditlog_verify / auditlog_check ──▶ walks the chain: the first entry
 *       that was changed, removed, or added outside lmskurs
 *
 * The chain (schema/0005_audit_chain.sql): hash = SHA-256 over prev_hash,
 * at, login, role, action, entity, entity_id and detail, each written as
 * "<byte length>:<bytes>;" (entity_id in decimal, "" when none), prev_hash
 * being "" for the first entry. Entries from before database version 5
 * have no hash and are not covered. The table refuses UPDATE and DELETE
 * through triggers.
 *
 * What it proves, and what not: anyone who edits or deletes an entry with
 * an SQLite tool (dropping the triggers) breaks the chain at that entry,
 * and `lmskurs check` says which. There is no secret key: someone who
 * rewrites every later hash as well goes unnoticed, unless the newest hash
 * (auditlog_verify's head, `lmskurs audit --verify`) was noted somewhere
 * else before; compare it then.
 *
 * Entries never hold a participant's name or contact details (audit.h),
 * so the log survives the privacy purge unchanged.
 */
#ifndef LMSKURS_AUDITLOG_H
#define LMSKURS_AUDITLOG_H

#include <stdbool.h>
#include <stdint.h>

#include "lmskurs/ctx.h"
#include "lmskurs/sha256.h"

typedef struct lk_audit_entry {
	int64_t id;
	char *at;          /* "YYYY-MM-DDTHH:MM:SS" */
	char *login;
	char *role;        /* stored code: coordinator, user_rep, staff */
	char *action;      /* create, update, delete, read_contact, purge, ... */
	char *entity;      /* table name */
	int64_t entity_id; /* 0: none */
	char *detail;
	char *hash;        /* 64 hex digits; "" before the chain began */
} lk_audit_entry;

/* Frees the strings inside e (not e) and zeroes it; NULL is fine. */
void audit_entry_free(lk_audit_entry *e);

/* The chain hash of e (its id and hash are not used) after the entry
 * whose hash is prev ("" or NULL for the first), into out. Pure. */
void audit_entry_hash(const char *prev, const lk_audit_entry *e, char out[LK_SHA256_HEX]);

/* Which entries to show; zero members do not filter. */
typedef struct lk_audit_filter {
	lk_date from, to;       /* inclusive days; year 0: open */
	int64_t participant_id; /* entries about this participant: on the
	                           participant record, on their enrollments,
	                           and attendance marks of those enrollments */
	const char *text;       /* part of the action, entity, login or detail
	                           (case-insensitive for ASCII) */
	bool oldest_first;      /* default: newest first */
} lk_audit_filter;

/* Streams one page of entries under f (NULL: all) to each() (non-zero
 * stops; the entry is freed after each() returns). Coordinators only
 * (LK_PERM_READ_AUDIT); LK_EINVAL for a text filter that is not valid
 * UTF-8 or over LK_NAME_MAX characters, or from after to. Not itself
 * logged: looking through the log is not an export. */
int auditlog_list(lk_ctx *ctx, const lk_audit_filter *f, lk_page page,
	int (*each)(void *arg, const lk_audit_entry *e), void *arg, lk_err *err);

/* Number of entries auditlog_list would give without paging, or -1 with
 * err. Coordinators only. */
int64_t auditlog_count(lk_ctx *ctx, const lk_audit_filter *f, lk_err *err);

/* Streams every entry under f (f->oldest_first as given) to each() in one
 * transaction and logs the export ("export" on "audit", with the filter
 * and the count; never more). *n (may be NULL) gets the count. each()
 * returning non-zero stops and fails the export with LK_EIO and nothing
 * logged: the caller could not write. Coordinators only. */
int auditlog_export(lk_ctx *ctx, const lk_audit_filter *f,
	int (*each)(void *arg, const lk_audit_entry *e), void *arg, int64_t *n, lk_err *err);

typedef enum lk_chain_state {
	LK_CHAIN_INTACT,
	LK_CHAIN_MISMATCH,   /* an entry's hash does not match: it, or the one
	                        before it, was changed or removed */
	LK_CHAIN_UNHASHED,   /* an entry in the chain has no hash */
	LK_CHAIN_START,      /* an entry before the chain's start has a hash:
	                        the start was moved */
	LK_CHAIN_TAIL,       /* the newest entries were removed, or entries
	                        added without updating the chain */
	LK_CHAIN_NO_RECORD,  /* the chain's own record (audit_chain) is gone */
} lk_chain_state;

typedef struct lk_audit_verdict {
	lk_chain_state state;
	int64_t entry_id;            /* the first entry found wrong (0: none) */
	int64_t entries;             /* entries walked in the chain */
	int64_t unchained;           /* entries from before the chain */
	char head[LK_SHA256_HEX];    /* the newest entry's hash ("" none) */
	char line[LK_ERR_MSG_MAX];   /* the problem for people ("" intact) */
} lk_audit_verdict;

/* Walks the whole chain in one read snapshot (writers are not held up)
 * and fills out; stops at the first problem. Every role: the verdict names
 * entry numbers only. -1 with err when the log could not be read. */
int auditlog_verify(lk_ctx *ctx, lk_audit_verdict *out, lk_err *err);

/* auditlog_verify for `lmskurs check`: calls problem() with the line when
 * the chain is not intact. Returns the number of problems (0 or 1), or -1
 * with err. */
int auditlog_check(lk_ctx *ctx, void (*problem)(void *arg, const char *line), void *arg,
	lk_err *err);

#endif
