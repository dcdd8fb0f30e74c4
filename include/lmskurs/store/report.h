/* store/report.h — the SQL behind the reports: aggregates over sessions,
 * enrollments, attendance and meetings. Periods come as ISO dates, the
 * end exclusive (the day after the period's last day). Roles, periods and
 * everything said in words are core's (report.c). */
#ifndef LMSKURS_STORE_REPORT_H
#define LMSKURS_STORE_REPORT_H

#include "lmskurs/report.h"
#include "lmskurs/store.h"

/* A row of the activity report as stored: key and course as text. */
typedef struct lk_store_slice {
	const char *key;
	int64_t course_id;
	const char *course_title;
	const char *audience;  /* the course's audience code, "" unless by audience or course */
	lk_report_counts n;
	int64_t max_teaching_min; /* the largest teaching_min of all the slices */
} lk_store_slice;

/* Streams the slices of [from, to_next) grouped by `by` (lk_report_by),
 * completion against threshold_pct. */
int store_report_activity(lk_db *db, const char *from, const char *to_next, int by,
	int threshold_pct, lk_page page, int (*each)(void *arg, const lk_store_slice *s), void *arg,
	lk_err *err);

/* A run held in the period, as stored. */
typedef struct lk_store_run {
	int64_t run_id;
	const char *course_title, *run_title, *phase, *first_date, *last_date;
	int sessions_held;
	int64_t teaching_min;
} lk_store_run;

int store_report_runs(lk_db *db, const char *from, const char *to_next, lk_page page,
	int (*each)(void *arg, const lk_store_run *r), void *arg, lk_err *err);
int64_t store_report_runs_count(lk_db *db, const char *from, const char *to_next, lk_err *err);

/* What the registration header reads as stored text. */
typedef struct lk_store_reg_codes {
	char phase[16];
	char first_date[11], last_date[11]; /* ISO, "" when none */
} lk_store_reg_codes;

/* The run's header of the registration list: ids, titles (owned by out),
 * session counts and teaching minutes; phase and dates as text into
 * codes. The criteria are core's. 1 found, 0 no such run, -1 error. */
int store_report_registration(lk_db *db, int64_t run_id, lk_registration *out,
	lk_store_reg_codes *codes, lk_err *err);

/* The facilitators of the run's held sessions: each(arg, kind code,
 * profession as first written, its lower-case form, people) per
 * (kind, profession), professions compared lower-case and trimmed. */
int store_report_facilitators(lk_db *db, int64_t run_id,
	int (*each)(void *arg, const char *kind, const char *profession, int64_t people), void *arg,
	lk_err *err);

/* How many participants the list has, and how many were present at
 * >= pct % of the held sessions expected of them. */
int store_report_participant_counts(lk_db *db, int64_t run_id, int pct, int *listed, int *meeting,
	lk_err *err);

/* A participant of the registration list as stored; dates is a space
 * separated list of ISO dates present (any order), "" for none. */
typedef struct lk_store_participant {
	int64_t enrollment_id, participant_id;
	const char *name, *category, *status, *dates;
	bool referral;
	int present, held_expected;
} lk_store_participant;

int store_report_participants(lk_db *db, int64_t run_id, lk_page page,
	int (*each)(void *arg, const lk_store_participant *p), void *arg, lk_err *err);

/* An honorarium item as stored: kind 0 session, 1 planning, 2 evaluation;
 * times as "YYYY-MM-DDTHH:MM". */
typedef struct lk_store_hon {
	int64_t person_id;
	const char *name, *organisation;
	int kind;
	int64_t id;
	const char *course_title, *run_title;
	int seq;
	const char *starts_at, *ends_at;
	bool in_person;
	int actual_min;
} lk_store_hon;

/* Streams the user representatives' held sessions and meetings starting
 * in [from, to_next), by person name, person id, then start. */
int store_report_honorarium(lk_db *db, const char *from, const char *to_next,
	int (*each)(void *arg, const lk_store_hon *h), void *arg, lk_err *err);

#endif
