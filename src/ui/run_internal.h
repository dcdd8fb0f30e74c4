/*
 * run_internal.h — what the run screens (runs.c, run*.c, week.c) share
 * privately: a run's sessions as rows of a paged list, with facilitators,
 * pairing, conflicts and holidays already put in words.
 *
 *   session_list ──page──▶ run_session_row ──facilitators, conflicts──▶ texts
 */
#ifndef LMSKURS_UI_RUN_INTERNAL_H
#define LMSKURS_UI_RUN_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "lmskurs/session.h"
#include "lmskurs/ui/list.h"
#include "lmskurs/ui/view.h"

/* One session as the run screen shows it; owns its strings. */
typedef struct run_session_row {
	int64_t id, version, run_id;
	int seq;
	char seq_text[12];
	lk_datetime starts_at, ends_at;
	lk_session_status status;
	bool paired;          /* has a professional and a user representative */
	bool warn;            /* unpaired, double booked or on a holiday */
	const char *pairing;  /* session_pairing_text: static */
	char *room, *topic, *notes;
	char *date;           /* "Thu 04.03.2027 wk 9" */
	char *time;           /* "09:00–11:30" */
	char *people;         /* "Kari Nordmann, Åse Ødegård" or "" */
	char *people_kinds;   /* "Kari Nordmann (professional), …" */
	char *marks;          /* "F+B · ! room double booked · ! holiday: …" */
	char *conflicts;      /* one line per conflict, with the other session */
	char *course, *run;   /* of the run (week screen) */
} run_session_row;

/* lk_list.arg of run_sessions_list_ops. */
typedef struct run_session_source {
	lk_ctx *ctx;
	int64_t run_id;
} run_session_source;

/* Rows are run_session_row, the run's sessions in number order. */
extern const lk_list_ops run_sessions_list_ops;

/* The row of s with facilitators and conflicts read (each a query: call
 * it outside any other listing). NULL with err on failure. */
run_session_row *run_session_row_new(lk_ctx *ctx, const lk_session *s, lk_err *err);
void run_session_row_free(void *row);

/* The detail pane text of a row: several lines, newly allocated. */
char *run_session_detail(const run_session_row *r);

/* The form of a view of run_forms.c (tests type into it); NULL for
 * other views. */
struct lk_form;
struct lk_form *run_forms_form(lk_view *v);

/* Refuses early (status line) what the role may not change, so nobody
 * fills in a form only to have it refused. */
bool run_ui_may_edit(lk_ui *ui);

#endif
