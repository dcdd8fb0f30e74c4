/* store/agenda.h — SQL for calendar events. Roles are core's (src/core/agenda.c). */
#ifndef LMSKURS_STORE_AGENDA_H
#define LMSKURS_STORE_AGENDA_H

#include "lmskurs/agenda.h"
#include "lmskurs/store.h"

/* The sessions of run_id in seq order / of person_id as facilitator in
 * time order, as events; each() as in agenda_run_events. */
int store_agenda_run(lk_db *db, int64_t run_id, lk_page page,
	int (*each)(void *arg, const lk_agenda_event *ev), void *arg, lk_err *err);
int store_agenda_person(lk_db *db, int64_t person_id, lk_page page,
	int (*each)(void *arg, const lk_agenda_event *ev), void *arg, lk_err *err);

#endif
