/*
 * ui/attendance.h — attendance (oppmøte) on the screens: marking who came
 * to a session, a run's grid, and printing attendance sheets.
 *
 *   week_view / run_view ──o──▶ session_attendance_view (arg: session id)
 *       Space/o/1 present · f/2 absent · g/3 excused · Delete/0 unmark
 *       ──attendance_mark/clear──▶ re-read, cursor to the next participant
 *       a change after the session's day is a correction: dialog_reason first
 *   run_view ──O──▶ attendance_grid_view (arg: run id): participants ×
 *       sessions, rate with its denominator, completion against the threshold
 *   week_view / run_view / session_attendance_view ──p──▶ attendance_print_view
 *       (arg: session id): file name and printer ──Ctrl-S──▶ sheet_write_session
 *       (0600) ──print_lp──▶ the result on the same screen
 *   attendance_grid_view ──p──▶ attendance_print_run_view (arg: run id):
 *       every session's sheet in one PDF (sheet_write_run)
 *
 * Roles: staff and coordinators mark (LK_PERM_MARK_ATTENDANCE); user
 * representatives get session_attendance_readonly, without the marking
 * keys (the view switches itself when it opens), as does everybody for a
 * cancelled session or a closed or cancelled run. Every role may look at
 * the grid and print. What the core refuses (a run not yet under way, a
 * session whose day has not come) is shown in its words on the status line.
 * The views re-read after every change and keep no other copy.
 */
#ifndef LMSKURS_UI_ATTENDANCE_H
#define LMSKURS_UI_ATTENDANCE_H

#include <stdint.h>

#include "lmskurs/attendance.h"
#include "lmskurs/date.h"
#include "lmskurs/ui/view.h"

extern const lk_view_ops session_attendance_view;     /* arg: const int64_t *session id */
extern const lk_view_ops session_attendance_readonly; /* the same without marking */
extern const lk_view_ops attendance_grid_view;        /* arg: const int64_t *run id */
extern const lk_view_ops attendance_print_view;       /* arg: const int64_t *session id */
extern const lk_view_ops attendance_print_run_view;   /* arg: const int64_t *run id */
/* What a print view becomes once the sheet is written: the result, Enter
 * or Esc closes it. */
extern const lk_view_ops attendance_printed_view;

/* ---- texts (pure; translated) ---- */

/* "present 7, absent 1, excused 1, not marked 3 of 12"; newly allocated,
 * NULL only when out of memory. */
char *attendance_count_text(int present, int absent, int excused, int unmarked);

/* The word for a cell: "present", "absent", "excused", "not marked",
 * "not expected", "cancelled". Static; do not free. */
const char *attendance_cell_label(lk_att_cell c);

/* The grid's one-letter mark: P, A, E, blank (not marked), – (not
 * expected), x (cancelled session); translated. Static; do not free. */
const char *attendance_cell_mark(lk_att_cell c);

/* "5/6 held (83 %)", or "none held yet" when no expected session has been
 * held; newly allocated, NULL only when out of memory. */
char *attendance_rate_text(const lk_attendance_summary *s);

/* "completed", "! cannot complete any more", or "" while it is still
 * open. Static; do not free. */
const char *attendance_completion_text(const lk_attendance_summary *s);

/* The default file of a sheet: dir/<word>-<YYYY-MM-DD>-<course>.pdf (or
 * without the date when day.year is 0), where word is the translated
 * "attendance-sheet" and course the title with spaces and characters a
 * file name should not have turned into "-", cut to 40 bytes on a
 * character boundary. Letters of any script stay. Newly allocated, NULL
 * only when out of memory. */
char *attendance_sheet_filename(const char *dir, lk_date day, const char *course);

#endif
