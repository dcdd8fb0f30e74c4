/* store/person.h — SQL for people. Validation and roles are core's. */
#ifndef LMSKURS_STORE_PERSON_H
#define LMSKURS_STORE_PERSON_H

#include "lmskurs/person.h"
#include "lmskurs/store.h"

int store_person_insert(lk_db *db, lk_person *p, const char *stamp, lk_err *err);
/* 1 found, 0 not found, -1 error. */
int store_person_get(lk_db *db, int64_t id, lk_person *out, lk_err *err);
int store_person_update(lk_db *db, lk_person *p, lk_err *err);
int store_person_delete(lk_db *db, int64_t id, int64_t version, lk_err *err);
int store_person_list(lk_db *db, const lk_person_filter *f, lk_page page,
	int (*each)(void *arg, const lk_person *p), void *arg, lk_err *err);
int64_t store_person_count(lk_db *db, const lk_person_filter *f, lk_err *err);
int store_person_usage(lk_db *db, int64_t id, const char *now_iso, lk_person_usage *out, lk_err *err);

#endif
