/* store/auditlog.h — SQL for reading the audit log and its chain record.
 * Roles, validation and the hashing are core's (auditlog.c); appending is
 * store/user.h's store_audit_append. */
#ifndef LMSKURS_STORE_AUDITLOG_H
#define LMSKURS_STORE_AUDITLOG_H

#include <stdbool.h>
#include "lmskurs/auditlog.h"
#include "lmskurs/store.h"

/* A filter as the SQL takes it; NULL / 0 members do not filter. */
typedef struct lk_audit_query {
	const char *from;        /* "YYYY-MM-DD": at >= from */
	const char *before;      /* "YYYY-MM-DD": at < before */
	int64_t participant_id;
	const char *text;        /* part of action, entity, login or detail */
	bool oldest_first;
} lk_audit_query;

/* Entries under q, one page, newest or oldest first by id. */
int store_audit_list(lk_db *db, const lk_audit_query *q, lk_page page,
	int (*each)(void *arg, const lk_audit_entry *e), void *arg, lk_err *err);
int64_t store_audit_count(lk_db *db, const lk_audit_query *q, lk_err *err);

/* The chain record (schema 0005). */
typedef struct lk_audit_head {
	bool present;
	int64_t first_id, last_id;
	char last_hash[LK_SHA256_HEX];
	int64_t max_id; /* the newest entry there is (0: none) */
} lk_audit_head;

/* In one read snapshot (a read transaction of its own unless one is
 * open): the chain record into *head, then every entry by id to each()
 * (non-zero stops). */
int store_audit_walk(lk_db *db, lk_audit_head *head,
	int (*each)(void *arg, const lk_audit_entry *e), void *arg, lk_err *err);

#endif
