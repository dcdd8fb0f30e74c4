/*
 * ui/home.h — the first screen: the sections the role may use (Courses,
 * Runs, This week, People, Participants, Evaluation) with a count each, and below them the warnings
 * that need attention from today on. An empty database (no courses, no
 * people) gets a welcome that offers the first course or example data.
 *
 *   core counts (course_count, run_count, session_list_range, person_count,
 *       participant_count)
 *   run_list (live phases) ──run_unpaired──▶ unpaired warnings
 *   conflict_list (from today) ──▶ room, facilitator, holiday warnings
 *   run_list (live phases) ──dates vs. phase──▶ runs waiting at a gate
 *       └──▶ lk_home ──home_view draws──▶ Enter opens a section or the run
 *
 * home_read has no curses in it, so the warnings are unit-tested; the view
 * re-reads it whenever the data changes (its own writes or another
 * process's), and keeps no other copy.
 */
#ifndef LMSKURS_UI_HOME_H
#define LMSKURS_UI_HOME_H

#include <stdbool.h>
#include <stdint.h>

#include "lmskurs/ctx.h"
#include "lmskurs/ui/view.h"

extern const lk_view_ops home_view;
/* What Home becomes for roles that may not change the plan (home_view
 * points the view at it when it opens): without c and d. */
extern const lk_view_ops home_view_readonly;

typedef enum lk_home_section {
	LK_HOME_COURSES,
	LK_HOME_RUNS,
	LK_HOME_WEEK,
	LK_HOME_PEOPLE,
	LK_HOME_PARTICIPANTS,
	LK_HOME_EVALUATION,
	LK_HOME_REPORTS,     /* coordinators: the activity report, registration lists, honorarium */
	LK_HOME_AUDIT,       /* coordinators: the audit log; its count is the participants
	                        due for removal by the retention rule (privacy.h) */
	LK_HOME_SECTIONS
} lk_home_section;

typedef enum lk_home_warning_kind {
	LK_HOME_UNPAIRED,    /* a run with sessions from today on that are not paired */
	LK_HOME_ROOM,        /* a room booked twice at overlapping times */
	LK_HOME_FACILITATOR, /* a person facilitating two overlapping sessions */
	LK_HOME_HOLIDAY,     /* a session on a public holiday */
	LK_HOME_GATE,        /* a run whose dates say it should have moved phase */
} lk_home_warning_kind;

typedef struct lk_home_warning {
	lk_home_warning_kind kind;
	int64_t run_id; /* the run the warning concerns (Enter opens it) */
	char *text;     /* one translated line, owned */
} lk_home_warning;

/* At most this many warnings are kept; the rest are only counted. */
enum { LK_HOME_WARNINGS_MAX = 50 };

typedef struct lk_home {
	/* courses; runs neither closed nor cancelled; sessions (not cancelled)
	 * in today's ISO week; people, inactive ones included; participants
	 * (not purged) */
	int64_t count[LK_HOME_SECTIONS];
	lk_date today, week_start; /* by ctx's clock; week_start is its Monday */
	bool empty;                /* no courses and no people: the welcome */
	lk_home_warning *warnings; /* unpaired, room, facilitator, holiday, then
	                              gate warnings, each kind in the order the
	                              core lists it */
	int n_warnings;
	int64_t more;              /* warnings left out beyond the maximum */
} lk_home;

/* Reads what Home shows into out (caller frees with home_free, also after a
 * failure). Warnings look from today on: unpaired sessions of runs in
 * scheduling, registration or execution; conflicts (conflict_list from
 * today); runs waiting at a gate: in scheduling with the first session
 * within 14 days, in registration after the first session, in execution
 * after the last one, in evaluation 6 weeks after the last one. Reads only;
 * every role may (LK_PERM_READ_PLAN). -1 with err when a read failed. */
int home_read(lk_ctx *ctx, lk_home *out, lk_err *err);

/* Frees what h owns and zeroes it. */
void home_free(lk_home *h);

/* The sections role may use, in screen order, into out; returns how many. */
int home_sections(lk_role role, lk_home_section out[static LK_HOME_SECTIONS]);

/* The section's name for people, translated; static, not to be freed. */
const char *home_section_label(lk_home_section s);

#endif
