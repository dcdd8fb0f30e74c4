/*
 * attendance_internal.h — what the attendance screens (src/ui/attendance*.c)
 * share privately, and the hooks their unit tests use.
 */
#ifndef LMSKURS_UI_ATTENDANCE_INTERNAL_H
#define LMSKURS_UI_ATTENDANCE_INTERNAL_H

#include "lmskurs/ui/attendance.h"
#include "lmskurs/ui/view.h"

/* Asks for a written reason as dialog_reason does: the trimmed text newly
 * allocated, or NULL when cancelled. */
typedef char *(*lk_att_ask_fn)(lk_ui *ui, const char *title, const char *prompt);

/* Replaces how session_attendance_view asks for a correction's reason
 * (dialog_reason), so tests can answer without a terminal. */
void attendance_view_set_ask(lk_view *v, lk_att_ask_fn ask);

/* The form of a print view (tests type into it); NULL for other views. */
struct lk_form;
struct lk_form *attendance_print_form(lk_view *v);

/* What a printed view shows (owned by the view); NULL for other views. */
const char *attendance_printed_text(lk_view *v);

/* The list of session_attendance_view or attendance_grid_view (tests read
 * its rows); NULL for other views. */
lk_list *attendance_view_list(lk_view *v);

/* The running count session_attendance_view shows (attendance_count_text),
 * newly allocated; NULL for other views. */
char *attendance_view_count_text(lk_view *v);

/* The list of attendance_grid_view, or NULL for other views. */
lk_list *attendance_grid_list(lk_view *v);

/* Grid row index as text for tests: "name|m1|m2|…|rate|completion" with
 * each session's mark (attendance_cell_mark); newly allocated, NULL when
 * the row is not in the window. */
char *attendance_grid_row_text(lk_view *v, int64_t index);

/* The grid's per-session counts for tests: attendance_count_text of each
 * session joined by "|"; newly allocated. */
char *attendance_grid_counts_text(lk_view *v);

/* Row cells of session_attendance_view: [0] the mark in words, [1] the
 * name, [2] the category. */
enum { LK_ATT_COL_MARK, LK_ATT_COL_NAME, LK_ATT_COL_CATEGORY, LK_ATT_COLS };

#endif
