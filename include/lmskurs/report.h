/*
 * report.h — the reports (DESIGN.md §2; issue 6): what the centre's leader,
 * the hospital's registration staff and the payroll office need.
 *
 *   report_activity(period, by) ──aggregates in SQL──▶ lk_report_row per
 *       slice (the whole period, an audience, a course, a month, a year)
 *   report_figures(counts) ──▶ the labelled figures every output shows
 *   report_runs(period) ──▶ the runs held in the period (registration lists)
 *   report_registration(run) + report_registration_participants(run)
 *       ──▶ the funding criteria with reasons, each participant's dates
 *   report_honorarium(period) ──▶ each user representative's sessions and
 *       meetings with actual and paid time, per person and grand totals
 *   report_definitions(kind) ──▶ the sentences every report prints
 *   report_log ──▶ an audit entry when a report leaves the program
 *
 * Every function here reads only and needs LK_PERM_REPORTS (coordinators):
 * the registration list names participants and the honorarium names pay.
 * The outputs (CLI text, CSV, PDF, the Reports screen) live in cli, io
 * (reportpdf.h) and ui; each states the period, the definitions below and
 * when it was made.
 *
 * Definitions (a period is two dates, both included):
 * - A session is held when it is marked held (attendance marked, or set
 *   held by hand), whatever happened to its run later; it counts in the
 *   period when its start date lies in it. Teaching time is the sum of the
 *   held sessions' lengths (end - start).
 * - Sessions cancelled: sessions marked cancelled, and the sessions still
 *   planned of a cancelled run, dated in the period.
 * - A course or a run is held in the period when at least one of its
 *   sessions was held in the period.
 * - Participants: an enrollment counts when it was expected (attendance.h)
 *   at at least one held session of the period; unique people count each
 *   participant once (once per category in the by-category figures: one
 *   who was a patient in one run and a relative in another counts once in
 *   each category, once in the total).
 * - Attendance rate: present marks / expected places at held sessions in
 *   the period (the denominator of attendance.h: sessions held, not planned).
 * - Completion: for runs that finished in the period (every session held or
 *   cancelled, not a cancelled run, its last held session in the period),
 *   the enrollments counted as above over the whole run; completed are the
 *   registered ones present at >= completion_threshold_pct of the sessions
 *   expected of them (attendance.h). A place cancelled along the way counts
 *   as not completed.
 * - Facilitation time: each held session's length times each of its
 *   facilitators, by kind (professional, user representative).
 * - Runs cancelled: runs cancelled whose cancellation (the reason kept with
 *   it; else the run's creation) is dated in the period.
 */
#ifndef LMSKURS_REPORT_H
#define LMSKURS_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lmskurs/course.h"
#include "lmskurs/ctx.h"
#include "lmskurs/date.h"
#include "lmskurs/enroll.h"
#include "lmskurs/phase.h"

/* ---- periods ---- */

typedef struct lk_period {
	lk_date from, to; /* both included */
} lk_period;

/* 0 when both dates are real dates and from <= to; else LK_EINVAL with a
 * message that starts with the field's label ("From", "To"), so a form
 * shows it by the field. */
int report_period_check(lk_period p, lk_err *err);

/* Parses from and to as date_parse does ("2027-01-01", "01.01.2027") and
 * checks the period; messages start with "From" or "To". */
int report_period_parse(const char *from, const char *to, lk_period *out, lk_err *err);

/* 1 January to 31 December of year. */
lk_period report_period_year(int year);

/* "01.01.2027–31.12.2027" into buf. */
void report_period_text(lk_period p, char buf[static 32]);

/* ---- the kinds of report ---- */

typedef enum lk_report_kind {
	LK_REPORT_ACTIVITY,
	LK_REPORT_REGISTRATION,
	LK_REPORT_HONORARIUM,
	LK_REPORT_KIND_COUNT
} lk_report_kind;

const char *report_kind_code(lk_report_kind k);  /* "activity" | "registration" | "honorarium" */
const char *report_kind_label(lk_report_kind k); /* translated title: "Activity report" ... */

/* Calls each(arg, text) with each definition sentence of report kind k,
 * translated and with ctx's settings filled in (the completion threshold,
 * the honorarium rounding, minimum and rate), in print order; each()
 * returning non-zero stops. Returns the number of sentences given, or -1
 * when out of memory. */
int report_definitions(const lk_ctx *ctx, lk_report_kind k, int (*each)(void *arg, const char *text),
	void *arg);

/* Logs that a report left the program (written to a file, printed, sent
 * to standard output): action "report", entity "run" with run_id for a
 * registration list, else entity "report" with id 0; detail names the kind,
 * the period (p may be NULL), how many rows and where (may be NULL) —
 * never a name. Its own transaction. Coordinators only. */
int report_log(lk_ctx *ctx, lk_report_kind k, int64_t run_id, const lk_period *p, int64_t rows,
	const char *where, lk_err *err);

/* ---- the activity report ---- */

typedef struct lk_report_counts {
	int64_t courses, runs;              /* held in the period */
	int64_t sessions_held, sessions_cancelled;
	int64_t teaching_min;               /* minutes of held sessions */
	int64_t enrollments, enrollments_patient, enrollments_relative;
	int64_t people, people_patient, people_relative;
	int64_t expected, present;          /* attendance at held sessions */
	int64_t runs_finished;              /* runs that finished in the period */
	int64_t finished_enrollments, completed;
	int64_t fac_min_professional, fac_min_user_rep; /* facilitation minutes */
	int64_t runs_cancelled;
} lk_report_counts;

typedef enum lk_report_by {
	LK_BY_ALL,      /* one row for the whole period, zeros when nothing happened */
	LK_BY_AUDIENCE, /* a row per course audience with activity */
	LK_BY_COURSE,   /* a row per course with activity, by title */
	LK_BY_MONTH,    /* a row per month with activity, "2027-03", in order */
	LK_BY_YEAR,     /* a row per year with activity, "2027", in order */
	LK_BY_COUNT
} lk_report_by;

typedef struct lk_report_row {
	lk_report_by by;
	const char *key;          /* "", the audience code, the course id, "2027-03", "2027" */
	int64_t course_id;        /* LK_BY_COURSE, else 0 */
	const char *course_title; /* LK_BY_COURSE, else "" */
	lk_audience audience;     /* LK_BY_AUDIENCE and LK_BY_COURSE */
	lk_report_counts n;
	int64_t max_teaching_min; /* the largest n.teaching_min among all the rows
	                             of this grouping, every page: the scale of a bar */
} lk_report_row;

/* Streams one page of the activity report's rows for period p grouped by
 * `by` to each() (non-zero stops; the row lives only during the call).
 * A slice counts a session, a run or a cancellation where it happened: a
 * run whose sessions fall in two months shows in both; its completion in
 * the month of its last held session; a cancelled run in the month of its
 * cancellation. Rows without any activity are left out (LK_BY_ALL always
 * gives its one row). LK_EINVAL for a bad period or grouping. */
int report_activity(lk_ctx *ctx, lk_period p, lk_report_by by, lk_page page,
	int (*each)(void *arg, const lk_report_row *row), void *arg, lk_err *err);

/* report_activity by LK_BY_MONTH or LK_BY_YEAR (else LK_EINVAL) with a
 * row for every month (year) of the period, in order, zeros where nothing
 * happened, so the rows read as a time line. Not paged: a period of n
 * months gives n rows. */
int report_activity_timeline(lk_ctx *ctx, lk_period p, lk_report_by by,
	int (*each)(void *arg, const lk_report_row *row), void *arg, lk_err *err);

/* LK_BY_MONTH for a period of at most 24 months, else LK_BY_YEAR. */
lk_report_by report_time_grouping(lk_period p);

/* The row's name for people: the audience ("patients"), the course's
 * title, "March 2027", "2027", or "" for LK_BY_ALL; into buf. */
void report_row_name(const lk_report_row *r, char *buf, size_t size);

/* The LK_BY_ALL row's counts into out. */
int report_activity_total(lk_ctx *ctx, lk_period p, lk_report_counts *out, lk_err *err);

typedef enum lk_figure_unit {
	LK_FIG_COUNT,   /* a number */
	LK_FIG_MINUTES, /* a time, shown in hours */
	LK_FIG_SHARE,   /* value of `of`, shown in per cent */
} lk_figure_unit;

typedef struct lk_report_figure {
	const char *code;   /* stable, for CSV headers: "sessions_held" */
	const char *label;  /* msgid: translate with _() when shown */
	lk_figure_unit unit;
	int64_t value;      /* the count, the minutes, or the share's part */
	int64_t of;         /* LK_FIG_SHARE: the whole (0: no share) */
	int indent;         /* 0 a main figure, 1 a part of the one above it */
} lk_report_figure;

enum { LK_REPORT_FIGURES = 19 };

/* The figures of c in print order (courses, runs, sessions, teaching
 * time, participants by category, attendance, completion, facilitation by
 * kind and the user representatives' share, runs cancelled). */
void report_figures(const lk_report_counts *c, lk_report_figure out[static LK_REPORT_FIGURES]);

/* part/whole in tenths of a per cent, rounded half up; -1 when whole <= 0. */
int report_permille(int64_t part, int64_t whole);

/* "7 h 30 min", "9 h", "0 h" (translated units) into buf. */
void report_hours_text(int64_t minutes, char buf[static 40]);

/* "34.5 h": hours to a tenth (the decimal sign is the translation's), for
 * table cells beside a bar. */
void report_hours_short(int64_t minutes, char buf[static 40]);

/* "85.7 %" (the decimal sign is the translation's), or "–" when whole <= 0. */
void report_share_text(int64_t part, int64_t whole, char buf[static 24]);

/* A figure's value as people read it (count, hours, share) into buf. */
void report_figure_text(const lk_report_figure *f, char buf[static 40]);

/* ---- runs held in a period ---- */

typedef struct lk_report_run {
	int64_t run_id;
	const char *course_title;
	const char *run_title;    /* may be "" */
	lk_run_phase phase;
	lk_date first_date, last_date; /* the run's, not the period's; year 0: none */
	int sessions_held;        /* in the period */
	int64_t teaching_min;     /* of those */
} lk_report_run;

/* Streams one page of the runs with a session held in p, by their first
 * held session in p, then id (the row lives only during each()). */
int report_runs(lk_ctx *ctx, lk_period p, lk_page page,
	int (*each)(void *arg, const lk_report_run *r), void *arg, lk_err *err);
/* How many runs report_runs gives; -1 with err. */
int64_t report_runs_count(lk_ctx *ctx, lk_period p, lk_err *err);

/* ---- the activity registration list of a run ---- */

/* The funding criteria of DESIGN.md §2 (ISF, special code A0099). */
enum {
	LK_FUNDING_MIN_MINUTES = 7 * 60, /* teaching time held */
	LK_FUNDING_ATTENDANCE_PCT = 80,  /* of the held sessions expected of a participant */
};

typedef enum lk_funding_criterion {
	LK_FUND_HOURS,       /* >= 7 teaching hours held */
	LK_FUND_ATTENDANCE,  /* participants present at >= 80 % (listed one by one) */
	LK_FUND_PROFESSIONS, /* professionals of more than one profession facilitated */
	LK_FUND_USER_REP,    /* a user representative facilitated */
	LK_FUND_COUNT
} lk_funding_criterion;

/* The criterion's name for people ("At least 7 teaching hours") into
 * buf; "" for an unknown one. */
void report_criterion_text(lk_funding_criterion c, char buf[static 96]);

typedef struct lk_registration {
	int64_t run_id, course_id;
	char *course_title, *run_title, *place;
	lk_run_phase phase;
	lk_date first_date, last_date;  /* year 0: no sessions */
	int sessions_held, sessions_planned, sessions_cancelled;
	int64_t teaching_min;           /* of the held sessions */
	/* Facilitators of held sessions, each person once: */
	int n_professionals, n_user_reps;
	int n_professions;              /* distinct professions among the professionals */
	int professionals_without_profession;
	char *professions;              /* "lege, sykepleier" (as first written), "" */
	int participants;               /* listed by report_registration_participants */
	int participants_meeting;       /* of those, present at >= 80 % of the held sessions expected */
	bool met[LK_FUND_COUNT];
	char *reason[LK_FUND_COUNT];    /* translated: what was found, and why not where not met */
	bool meets;                     /* every criterion met (attendance: by one participant at least) */
} lk_registration;

/* Frees what r owns and zeroes it; NULL is fine. */
void registration_free(lk_registration *r);

/* Reads the run's registration header and funding criteria into out
 * (caller frees with registration_free, also after a failure).
 * Criteria are judged on what happened: held sessions and their
 * facilitators. LK_ENOTFOUND for an unknown run. */
int report_registration(lk_ctx *ctx, int64_t run_id, lk_registration *out, lk_err *err);

typedef struct lk_reg_participant {
	int64_t enrollment_id, participant_id;
	const char *name;         /* "" once purged */
	lk_category category;
	lk_enroll_status status;  /* registered, or cancelled after attending */
	bool referral;
	const lk_date *dates;     /* the dates present, in order */
	int n_dates;
	int present, held_expected; /* present marks / held sessions expected of them */
	bool meets_attendance;    /* present * 100 >= 80 * held_expected, held_expected > 0 */
} lk_reg_participant;

/* Streams one page of the run's participants by name, then id: every
 * registered enrollment, and a cancelled one that was present at least
 * once (they took part on those dates). The row lives only during
 * each(); non-zero stops. */
int report_registration_participants(lk_ctx *ctx, int64_t run_id, lk_page page,
	int (*each)(void *arg, const lk_reg_participant *p), void *arg, lk_err *err);

/* ---- the honorarium of user representatives ---- */

typedef enum lk_hon_kind {
	LK_HON_SESSION,    /* a held session they facilitated */
	LK_HON_PLANNING,   /* a planning meeting they attended */
	LK_HON_EVALUATION, /* an evaluation meeting they attended */
	LK_HON_KIND_COUNT
} lk_hon_kind;

const char *report_hon_kind_code(lk_hon_kind k);  /* "session" | "planning" | "evaluation" */
const char *report_hon_kind_label(lk_hon_kind k); /* translated */

typedef struct lk_hon_item {
	int64_t person_id;
	const char *name, *organisation;
	lk_hon_kind kind;
	int64_t id;               /* the session's or the meeting's */
	const char *course_title;
	const char *run_title;    /* "" when none */
	int seq;                  /* the session's number; 0 for meetings */
	lk_datetime starts_at, ends_at;
	bool in_person;           /* sessions always; meetings as recorded */
	int actual_min, paid_min;
	int64_t amount_ore;       /* -1 when no rate is set */
} lk_hon_item;

typedef struct lk_hon_total {
	int64_t person_id;        /* 0 for the grand total */
	const char *name, *organisation; /* "" for the grand total */
	int sessions, meetings;
	int64_t actual_min, paid_min;
	int64_t amount_ore;       /* sum of the items' amounts; -1 when no rate */
} lk_hon_total;

typedef struct lk_hon_sink {
	int (*item)(void *arg, const lk_hon_item *it);     /* may be NULL */
	int (*person)(void *arg, const lk_hon_total *t);   /* after each person's items; may be NULL */
	void *arg;
} lk_hon_sink;

/* Paid minutes for an attendance of actual_min: rounded to the nearest
 * honorarium_round_min (halves up; 0 or 1: not rounded), and at least
 * honorarium_minimum_min when in person. */
int report_paid_minutes(const lk_settings *s, int actual_min, bool in_person);

/* paid_min at honorarium_rate_ore per hour, rounded to the nearest øre;
 * -1 when no rate is set (0). */
int64_t report_amount_ore(const lk_settings *s, int64_t paid_min);

/* "350,00" kroner from øre (the decimal sign is the translation's), or
 * "" for -1. */
void report_money_text(int64_t ore, char buf[static 32]);

/* Streams every user representative (by name, then id) who facilitated a
 * held session or attended a planning or evaluation meeting starting in
 * p: each item in time order to sink->item, then the person's totals to
 * sink->person. A meeting attended remotely is paid its rounded time
 * without the minimum; absence is not recorded, so it is never paid. The
 * grand total goes to *grand (may be NULL). Streams without holding the
 * rows; a callback returning non-zero stops. */
int report_honorarium(lk_ctx *ctx, lk_period p, const lk_hon_sink *sink, lk_hon_total *grand,
	lk_err *err);

#endif
