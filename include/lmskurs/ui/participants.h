/*
 * ui/participants.h — participants (deltakere) and their places in runs.
 *
 *   participants_view ──/ (every keystroke)──▶ participant_count/_search,
 *       paged: results while typing, by name, and for coordinators by
 *       phone or e-mail too; the selected row's contact details below the
 *       list (coordinators only: one audited participant_get per row chosen)
 *       ──a / e──▶ participant_form_view ──Ctrl-S──▶ participant_find_duplicates
 *           ▶ "use the existing record?" ▶ participant_create / _update
 *       ──Enter──▶ participant_detail_view: contact, places in runs
 *           ──M──▶ pick a record of the same person ▶ participant_merge
 *           ──Enter──▶ run_enroll_view of the selected place's run
 *   run_view ──P──▶ run_enroll_view (arg: const int64_t *run id):
 *       registered by name, then the waitlist by place in the queue
 *       ──a──▶ participant picker (Ctrl-N registers a new one first)
 *              ▶ enroll_form_view (category, referral) ──▶ enroll_add
 *       ──d──▶ confirm ▶ enroll_cancel ──▶ status names who moved up
 *       ──m──▶ pick a run of the same course ▶ enroll_move (who moved up)
 *       ──c──▶ run_capacity_form_view (runs.h; names all who moved up)
 *       ──i──▶ import_form_view (file) ──enroll_import dry run──▶
 *              import_preview_view ──Enter──▶ enroll_import (one transaction)
 *
 * Roles without LK_PERM_EDIT_PARTICIPANTS (user representatives, staff)
 * see names only and get the *_readonly twins: the views switch
 * themselves when such a role opens them, so neither the bottom line nor
 * the help offers what the core would refuse; the forms refuse to open.
 */
#ifndef LMSKURS_UI_PARTICIPANTS_H
#define LMSKURS_UI_PARTICIPANTS_H

#include <stdbool.h>
#include <stdint.h>

#include "lmskurs/enroll.h"
#include "lmskurs/enroll_import.h"
#include "lmskurs/participant.h"
#include "lmskurs/ui/view.h"

extern const lk_view_ops participants_view;
extern const lk_view_ops participants_view_readonly;

/* arg: const int64_t *participant id. */
extern const lk_view_ops participant_detail_view;
extern const lk_view_ops participant_detail_readonly;

/* arg: NULL (register) or const lk_participant_form_arg *. */
extern const lk_view_ops participant_form_view;
typedef struct lk_participant_form_arg {
	int64_t id;            /* 0: register a new participant */
	int64_t enroll_run_id; /* not 0: once saved (or an existing record
	                          chosen), go on to enroll them in this run */
	const char *name;      /* registering: the name to start with (may be NULL) */
} lk_participant_form_arg;

/* arg: const int64_t *run id. */
extern const lk_view_ops run_enroll_view;
extern const lk_view_ops run_enroll_readonly;

/* arg: const lk_enroll_form_arg *. */
extern const lk_view_ops enroll_form_view;
typedef struct lk_enroll_form_arg {
	int64_t run_id, participant_id;
	const char *name; /* the participant's, for the title (borrowed) */
} lk_enroll_form_arg;

/* arg: const int64_t *run id: the file to import, then the preview. */
extern const lk_view_ops import_form_view;
/* arg: lk_import_preview * (a dry run's result; the view takes it over and
 * frees it, also when opening fails). */
extern const lk_view_ops import_preview_view;

/* A paged list of participants by name under the list's filter
 * (participant_count/_search); rows begin with an lk_participant without
 * contact details, the row id the participant's number; lk_list.arg is the
 * lk_ctx. The Participants screen and the picker share it. */
extern const lk_list_ops participants_list_ops;

typedef enum lk_pick_result {
	LK_PICK_CANCELLED,
	LK_PICK_CHOSEN,
	LK_PICK_NEW,       /* Ctrl-N: the user wants to register someone new */
} lk_pick_result;

/* Lets the user pick a participant from a paged list that typing filters
 * (name; phone and e-mail for coordinators). offer_new adds Ctrl-N. On
 * LK_PICK_CHOSEN sets *id and *name (newly allocated, caller frees); on
 * LK_PICK_NEW *name is what was typed (newly allocated, may be NULL). */
lk_pick_result participants_pick(lk_ui *ui, const char *title, bool offer_new, int64_t *id,
	char **name);

/* Lets the user pick another run of course_id than except_run among those
 * taking enrollments (registration, then execution; newest first, with
 * dates, places and phase). On true sets *run_id and *label
 * (the run's title, else the course's; newly allocated, caller frees). */
bool enroll_pick_run(lk_ui *ui, const char *title, int64_t course_id, int64_t except_run,
	int64_t *run_id, char **label);

/* Asks to delete participant id (saying what goes with it), then asks the
 * core; a refusal is shown in a dialog. Returns true when deleted. */
bool participants_delete(lk_ui *ui, int64_t id, int64_t version, const char *name);

/* ---- the import preview (import_preview.c) ---- */

/* One row the preview names: refused (why) or a second sign-up of the
 * same person (same_as_line). */
typedef struct lk_preview_row {
	int64_t line;
	lk_import_result result;
	char *why;             /* BAD: owned; else NULL */
	int64_t same_as_line;  /* ALREADY: the earlier line, else 0 */
} lk_preview_row;

/* What became of a row, to compare when writing it. */
typedef struct lk_preview_outcome {
	lk_import_result result;
	lk_enroll_status status;    /* not BAD: registered or waitlisted */
} lk_preview_outcome;

/* What a dry run of enroll_import found in a file, to show and then to
 * write the same way. */
typedef struct lk_import_preview {
	int64_t run_id;
	char *path;                 /* owned */
	bool has_category;          /* default_category applies */
	lk_category default_category;
	bool converted;             /* the file was Windows-1252 */
	lk_import_summary sum;
	lk_preview_row *rows;       /* owned: bad and repeated rows, by line */
	int n, cap;
	lk_preview_outcome *results; /* owned: every row's outcome in file order */
	int64_t nresults, results_cap;
} lk_import_preview;

/* Called every 200 rows of a long file with the rows done so far. */
typedef void (*lk_import_progress)(void *arg, int64_t rows);

/* Runs enroll_import on path as a dry run into *out (caller frees with
 * import_preview_free, also after a failure). default_category (may be
 * NULL) is for rows without one. A file that cannot be opened or read is
 * refused with a message beginning "File: " (LK_EIO, LK_EINVAL), the core's
 * refusals (role, run phase, no rows) as they come. A file whose rows are
 * all bad is a preview (0) with sum.bad == sum.rows. progress_fn may be
 * NULL. Writes nothing. */
int import_preview_make(lk_ctx *ctx, int64_t run_id, const char *path,
	const lk_category *default_category, lk_import_progress progress_fn, void *progress_arg,
	lk_import_preview *out, lk_err *err);

/* Writes the import previewed in p, in one transaction, leaving out the
 * bad rows. Every row must come out as in the preview (the file or the run
 * may have changed meanwhile): otherwise nothing is written and LK_ECONFLICT
 * says which line differs. *sum gets what was written. */
int import_preview_accept(lk_ctx *ctx, const lk_import_preview *p, lk_import_progress progress_fn,
	void *progress_arg, lk_import_summary *sum, lk_err *err);

void import_preview_free(lk_import_preview *p);

/* ---- texts (pure; newly allocated, caller frees; NULL only when out of
 * memory) ---- */

/* "Kari Nordmann is registered." / "Kari Nordmann is on the waitlist as
 * number 2." from the enrollment as saved. */
char *enroll_added_text(const char *name, const lk_enrollment *e);

/* "Call Ola Nordmann: moved up from the waitlist. " (with a trailing
 * space, to come first: the name must show on a narrow status line), or
 * "" when nobody was. */
char *enroll_promoted_text(const lk_promotion *p);

/* The status cell: "registered", "waitlist 2", "cancelled". */
char *enroll_status_text(const lk_enrollment *e);

/* "registered 1/12 · waitlist 3" (capacity 0: "registered 4, no limit"). */
char *enroll_places_text(int64_t registered, int capacity, int64_t waitlisted);

/* The preview's counts in one sentence: "11 rows: 7 new, 2 already
 * registered as participants (matched), 1 a second sign-up, 1 bad. Of
 * those enrolled: 3 registered, 6 on the waitlist." */
char *import_summary_text(const lk_import_summary *s);

/* "line 10: The name is missing." / "line 9: the same person as line 2;
 * left as is." */
char *import_row_text(const lk_preview_row *r);

/* The field a core message about participant no. id belongs to: msg
 * without the "Participant no. 7: " an update puts in front (msg itself
 * when there is none). Points into msg. */
const char *participants_field_message(const char *msg, int64_t id);

/* "Leve med KOLS, Våren 2027" (the course alone when the run has no
 * title). */
char *enroll_run_name(const char *course_title, const char *run_title);

#endif
