/* store/enroll_export.h — SQL for exporting a run's enrollments with
 * contact details. Roles and auditing are core's (enroll_import.c). */
#ifndef LMSKURS_STORE_ENROLL_EXPORT_H
#define LMSKURS_STORE_ENROLL_EXPORT_H

#include "lmskurs/enroll_import.h"
#include "lmskurs/store.h"

/* Streams run_id's enrollments of participants not purged, ordered as
 * store_enroll_list orders them (registered by name, waitlisted in queue
 * order, cancelled by name); each() returning non-zero stops. */
int store_enroll_contacts(lk_db *db, int64_t run_id,
	int (*each)(void *arg, const lk_enroll_contact *c), void *arg, lk_err *err);

#endif
