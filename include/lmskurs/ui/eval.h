/*
 * ui/eval.h — the evaluation screens: participants' paper forms typed in
 * fast, results with charts, questionnaires, the facilitators' own
 * evaluation and the evaluation meeting with its decisions (DESIGN.md §2,
 * "Evaluation"; issue 5).
 *
 *   Home ──Evaluation──▶ eval_runs_view (runs by phase, evaluation first)
 *   run_view ──E──▶ eval_run_view (arg: const int64_t *run id), one row each:
 *       Enter forms        ──▶ eval_entry_view  ──Enter on the last / Ctrl-S──▶ response_add
 *       Entered forms      ──▶ eval_forms_view  ──Enter──▶ eval_entry_view ──▶ response_update
 *       Results            ──▶ eval_results_view ──Enter on a written question──▶ eval_texts_view
 *       Facilitators       ──▶ eval_facilitators_view ──Enter──▶ facilitator_eval_set
 *       Evaluation meeting ──▶ eval_meeting_view ──m──▶ meeting_create (+ planning group)
 *                                                ──a / e / d──▶ decisions
 *                                                ──r──▶ revision_add (decision_id)
 *       Questionnaire      ──▶ eval_pick_view ──Enter──▶ run_update / course_update
 *   course_view Runs tab ──E──▶ eval_results_view (the course across runs)
 *   eval_runs_view, eval_run_view ──Q──▶ questionnaires_view ──Enter──▶
 *       questionnaire_view ──a / e / d / K / J──▶ question_form_view
 *
 * The views hold no SQL: they call questionnaire.h, response.h,
 * evalresult.h, meeting.h, revision.h and re-read after every write. The
 * pure helpers below (typing a number, bars, trends) have no curses in them
 * and are unit-tested (tests/unit/test_ui_eval.c).
 */
#ifndef LMSKURS_UI_EVAL_H
#define LMSKURS_UI_EVAL_H

#include <stdbool.h>
#include <stdint.h>

#include "lmskurs/evalresult.h"
#include "lmskurs/meeting.h"
#include "lmskurs/person.h"
#include "lmskurs/questionnaire.h"
#include "lmskurs/role.h"
#include "lmskurs/run.h"
#include "lmskurs/ui/courses.h"
#include "lmskurs/ui/view.h"

/* Runs to evaluate (arg NULL): those in evaluation first; f cycles the
 * phase (evaluation, execution, closed, all). Home's Evaluation section. */
extern const lk_view_ops eval_runs_view;

/* One run's evaluation (arg: const int64_t *run id): a row per part with
 * where it stands. Rows a role cannot use are left out. */
extern const lk_view_ops eval_run_view;

/* Fast entry of paper forms. arg: const lk_eval_entry_ref *. With
 * response_id 0 it enters new forms one after the other; otherwise it
 * corrects that form (saved with its version, then closes). Refuses to
 * open without LK_PERM_ENTER_RESPONSES, or for a run not under way.
 * eval_entry_view is the screen on a number question (digits, Space
 * blank, ? help); it becomes eval_entry_text_view (typed text) while the
 * cursor is on a written answer, and back. */
typedef struct lk_eval_entry_ref {
	int64_t run_id;
	int64_t response_id; /* 0: new forms */
} lk_eval_entry_ref;
extern const lk_view_ops eval_entry_view;
extern const lk_view_ops eval_entry_text_view;

/* The forms entered for a run (arg: const int64_t *run id), in the order
 * they were entered; Enter corrects one, a enters new ones, d deletes. */
extern const lk_view_ops eval_forms_view;

/* Results (arg: const lk_result_query *; scope run or course, version 0 =
 * the usual one). v shows the next version with forms. Enter on a written
 * question lists its answers (eval_texts_view, arg: const lk_eval_texts_ref *). */
extern const lk_view_ops eval_results_view;
typedef struct lk_eval_texts_ref {
	lk_result_query query;
	int64_t question_id;
	int position;
} lk_eval_texts_ref;
extern const lk_view_ops eval_texts_view;

/* The facilitators of a run and their own evaluations (arg: const int64_t
 * *run id); Enter or e writes one (eval_facilitator_form_view, arg: const
 * lk_eval_fac_ref *), d deletes. Others than coordinators only their own. */
typedef struct lk_eval_fac_ref {
	int64_t run_id;
	int64_t person_id;
} lk_eval_fac_ref;
extern const lk_view_ops eval_facilitators_view;
extern const lk_view_ops eval_facilitator_form_view;

/* The run's evaluation meeting and its decisions (arg: const int64_t *run
 * id). Changing keys for coordinators only. The forms: the meeting (arg:
 * run id), a decision (arg: const lk_eval_decision_ref *), a revision from
 * a decision (arg: const int64_t *decision id). */
typedef struct lk_eval_decision_ref {
	int64_t meeting_id;
	int64_t decision_id; /* 0: a new decision */
} lk_eval_decision_ref;
extern const lk_view_ops eval_meeting_view;
extern const lk_view_ops eval_meeting_form_view;
extern const lk_view_ops eval_decision_form_view;
extern const lk_view_ops eval_revision_form_view;

/* Chooses the questionnaire of a run or of a course (arg: const
 * lk_eval_pick_ref *): the first row takes the choice away (the course's
 * or the default then applies). Coordinators only. */
typedef struct lk_eval_pick_ref {
	int64_t run_id;    /* the run; its course when for_course */
	bool for_course;
} lk_eval_pick_ref;
extern const lk_view_ops eval_pick_view;

/* Questionnaires: the list (arg NULL), one with its questions (arg: const
 * int64_t *id), its name and description (arg NULL: a new one; else const
 * int64_t *id) and one question (arg: const lk_question_ref *). Changing
 * keys for LK_PERM_EDIT_QUESTIONNAIRES only. A change to a questionnaire
 * with answers asks first, then goes to a new version
 * (questionnaire_edit_begin); the screen says so. */
typedef struct lk_question_ref {
	int64_t questionnaire_id;
	int64_t question_id; /* 0: a new question */
} lk_question_ref;
extern const lk_view_ops questionnaires_view;
extern const lk_view_ops questionnaire_view;
extern const lk_view_ops questionnaire_form_view;
extern const lk_view_ops question_form_view;

/* ---- pure helpers (no curses; unit-tested) ---- */

/* Typing one number answer: digits of a scale min..max (or options 1..max
 * with min 1; yes/no is 0..1). A digit is taken only when some value in
 * range still starts with what is typed; the answer is complete (the screen
 * moves on by itself) when no further digit could give a value in range.
 * So on 0..10: "3" is complete at once, "1" waits (Enter takes 1, "0"
 * makes 10). A '-' starts a negative number when min < 0. */
typedef struct lk_eval_number {
	char text[8]; /* what is typed: "" blank, "1", "-2", "10" */
	int min, max;
} lk_eval_number;

typedef enum lk_eval_typed {
	LK_TYPED_REFUSED,  /* the key cannot continue a value in range */
	LK_TYPED_PARTIAL,  /* taken; more digits could follow */
	LK_TYPED_COMPLETE, /* taken; no value in range continues it */
} lk_eval_typed;

lk_eval_typed eval_number_type(lk_eval_number *n, lk_key key);

/* The typed value: 1 with *value, 0 blank, -1 when incomplete ("-"). */
int eval_number_value(const lk_eval_number *n, int *value);

/* A horizontal bar for count of max in width columns, drawn with block
 * characters in eighths (█ ▉ ▊ ▋ ▌ ▍ ▎ ▏); a count above 0 shows at least
 * ▏. Newly allocated (caller frees); "" for 0; NULL only out of memory. */
char *eval_bar(int64_t count, int64_t max, int width);

/* How a mean moved against an earlier one, in words with an arrow:
 * "↑ up 0.4", "↓ down 1.2", "→ same" (within 0.05). Newly allocated. */
char *eval_trend_text(double now, double before);

/* "forms entered: 7 — came to the last session: 12" (came < 0: no
 * session held yet, said so). Newly allocated. */
char *eval_counter_text(int64_t forms, int came);

/* The bottom hint of the fast entry for question q: which keys answer it
 * ("0–10: type the number; 1 then Enter is 1, 1 then 0 is 10; Space
 * blank"). Newly allocated. */
char *eval_entry_hint(const lk_question *q);

/* ---- what the screens hold, for tests (no curses) ---- */

/* The results page of an eval_results_view as text laid out for width
 * columns, one line per row ("" separators kept), newly allocated;
 * NULL for another view or out of memory. */
char *eval_results_text(lk_view *v, int width);

/* The fast entry's answer to question i (0-based) as typed: the digits,
 * or the written text; NULL for another view or i out of range. And the
 * question with the cursor (-1 for another view). */
const char *eval_entry_answer(lk_view *v, int i);
int eval_entry_current(lk_view *v);

/* ---- shared by the evaluation screens (src/ui/eval*.c, questionnaire*.c) ---- */

/* Forms entered for run_id, and how many came to its last held session
 * (*came = -1 when no session is held yet). -1 with err. */
int eval_read_counts(lk_ctx *ctx, int64_t run_id, int64_t *forms, int *came, lk_err *err);

/* The people booked for a session of run_id, each once, professionals
 * first, then by name. *out is newly allocated (free with
 * eval_facilitators_free, also after a failure); -1 with err. */
typedef struct lk_eval_facilitator {
	int64_t person_id;
	char *name;
	lk_person_kind kind;
} lk_eval_facilitator;
int eval_facilitators_read(lk_ctx *ctx, int64_t run_id, lk_eval_facilitator **out, int *n, lk_err *err);
void eval_facilitators_free(lk_eval_facilitator *f, int n);

/* The run's evaluation meeting (the newest of kind evaluation about it):
 * 1 with *out filled (caller frees with meeting_free), 0 when none is
 * recorded, -1 with err. */
int eval_meeting_find(lk_ctx *ctx, int64_t course_id, int64_t run_id, lk_meeting *out, lk_err *err);

/* A stored stamp ("2027-03-04T12:30:00") as a listed date, "Thu
 * 04.03.2027 wk 9", with " 12:30" after it when with_time; the stamp
 * itself when it does not parse. */
void eval_stamp_text(const char *stamp, bool with_time, char buf[static 64]);

/* "Leve med KOLS · Våren 2027" (the course alone without a run title);
 * newly allocated. */
char *eval_run_label(const lk_run *r);

/* ops with its Changing actions and hints kept only when role has perm
 * (the view points v->ops at out->ops). */
void eval_role_ops(lk_role_ops *out, const lk_view_ops *ops, lk_perm perm, lk_role role);

/* Before changing questionnaire *id: one with answers is never changed,
 * so this asks ("this form has answers: your changes make version N") and
 * then makes the new version (questionnaire_edit_begin), setting *id to
 * it. True when *id may be edited now; false when the user said no or it
 * failed (said on the status line or in a dialog). */
bool questionnaire_edit_ask(lk_ui *ui, int64_t *id, int64_t n_responses, int version_no);

/* True when the user has perm; otherwise says why on the status line. */
bool eval_may(lk_ui *ui, lk_perm perm);

#endif
