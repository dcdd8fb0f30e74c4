/*
 * eval_entry.c — fast entry of participants' paper forms: one form per
 * screen with every question of the run's questionnaire in order. Number
 * answers are typed as digits (eval_number_type decides when an answer is
 * complete and moves on), Space leaves a question blank, written answers
 * are texts of several lines. Enter on the last question (or Ctrl-S)
 * saves the form with response_add in one transaction and starts an
 * empty one; a form being corrected is saved with response_update.
 * Nothing is written before saving, so a terminal closed mid-form loses
 * only that form.
 *
 * The view swaps its ops as the cursor moves: eval_entry_view on number
 * questions (keys are answers and actions), eval_entry_text_view on
 * written answers (keys are text).
 */
#include "lmskurs/ui/eval.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/i18n.h"
#include "lmskurs/response.h"
#include "lmskurs/role.h"
#include "lmskurs/run.h"
#include "lmskurs/ui/dialog.h"
#include "lmskurs/ui/uitext.h"

typedef struct entry_answer {
	lk_eval_number num; /* scale, choice, yes/no */
	lk_edit text;       /* written answers */
} entry_answer;

typedef struct entry_state {
	lk_eval_entry_ref ref;
	int64_t version;   /* correcting: the form's version as read */
	char *run_label;   /* "Leve med KOLS · Våren 2027" */
	char *entered;     /* correcting: when and by whom */
	lk_questionnaire q;
	entry_answer *ans; /* one per question */
	int cur;           /* question with the cursor */
	int top;           /* first body line shown */
	bool changed;      /* typed since the form was started */
	int64_t n_forms;
	int came;          /* present at the last held session; -1 none held */
} entry_state;

static bool is_text_q(const entry_state *s, int i)
{
	return s->q.questions[i].kind == LK_QUESTION_TEXT;
}

/* Points the view at the ops for the question under the cursor. */
static void entry_pick_ops(lk_view *v)
{
	entry_state *s = v->state;
	v->ops = is_text_q(s, s->cur) ? &eval_entry_text_view : &eval_entry_view;
}

/* ---- counters ---- */

static int read_counters(entry_state *s, lk_ctx *ctx, lk_err *err)
{
	return eval_read_counts(ctx, s->ref.run_id, &s->n_forms, &s->came, err);
}

/* ---- answers ---- */

static void answers_free(entry_state *s)
{
	for (int i = 0; s->ans && i < s->q.n_questions; i++)
		edit_free(&s->ans[i].text);
	free(s->ans);
	s->ans = NULL;
}

static void number_range(const lk_question *q, lk_eval_number *n)
{
	n->text[0] = 0;
	n->min = q->kind == LK_QUESTION_SCALE ? q->scale_min : q->kind == LK_QUESTION_CHOICE ? 1 : 0;
	n->max = q->kind == LK_QUESTION_SCALE ? q->scale_max : q->kind == LK_QUESTION_CHOICE ? q->n_options : 1;
}

/* Empty answers for every question; -1 when out of memory. */
static int answers_new(entry_state *s)
{
	answers_free(s);
	s->ans = calloc((size_t)s->q.n_questions, sizeof *s->ans);
	if (!s->ans)
		return -1;
	for (int i = 0; i < s->q.n_questions; i++) {
		number_range(&s->q.questions[i], &s->ans[i].num);
		if (edit_init(&s->ans[i].text, NULL, true) < 0)
			return -1;
	}
	s->cur = s->top = 0;
	s->changed = false;
	return 0;
}

static int question_index(const entry_state *s, int64_t question_id)
{
	for (int i = 0; i < s->q.n_questions; i++)
		if (s->q.questions[i].id == question_id)
			return i;
	return -1;
}

/* The saved answers of r into the form. */
static void answers_fill(entry_state *s, const lk_response *r)
{
	for (int k = 0; k < r->n_answers; k++) {
		int i = question_index(s, r->answers[k].question_id);
		if (i < 0)
			continue;
		if (is_text_q(s, i))
			edit_set(&s->ans[i].text, r->answers[k].text);
		else
			snprintf(s->ans[i].num.text, sizeof s->ans[i].num.text, "%lld", (long long)r->answers[k].value);
	}
	for (int i = 0; i < s->q.n_questions; i++)
		if (is_text_q(s, i))
			while (edit_up(&s->ans[i].text) || edit_home(&s->ans[i].text))
				;
}

/* The form's answers (blanks left out) into out[0..n); texts borrowed. */
static int answers_collect(const entry_state *s, lk_answer *out)
{
	int n = 0;
	for (int i = 0; i < s->q.n_questions; i++) {
		const lk_question *q = &s->q.questions[i];
		int value;
		if (q->kind == LK_QUESTION_TEXT) {
			const char *t = edit_text(&s->ans[i].text);
			if (t[strspn(t, " \t\n")])
				out[n++] = (lk_answer){.question_id = q->id, .text = (char *)t};
		} else if (eval_number_value(&s->ans[i].num, &value) == 1) {
			out[n++] = (lk_answer){.question_id = q->id, .value = value};
		}
	}
	return n;
}

/* ---- opening ---- */

/* The run, checked to be under way (forms are refused before). */
static int read_run(entry_state *s, lk_ctx *ctx, lk_err *err)
{
	lk_run r;
	if (run_get(ctx, s->ref.run_id, &r, err) < 0) {
		run_free(&r);
		return -1;
	}
	lk_run_phase p = r.phase;
	s->run_label = eval_run_label(&r);
	run_free(&r);
	if (p != LK_RUN_EXECUTION && p != LK_RUN_EVALUATION && p != LK_RUN_CLOSED)
		return lk_fail(err, LK_ERULE, _("Forms are entered once the run is under way (execution, evaluation or closed); this run is in %s."),
			run_phase_label(p));
	return s->run_label ? 0 : lk_fail(err, LK_ENOMEM, _("Out of memory."));
}

static char *entered_text(const lk_response *r)
{
	char day[64];
	eval_stamp_text(r->entered_at, true, day);
	return uitext_printf(_("Correcting a form entered %s by %s"), day, r->entered_by ? r->entered_by : "");
}

/* Which questionnaire: the form's own when correcting, else the run's. */
static int read_form(entry_state *s, lk_ctx *ctx, lk_response *r, lk_err *err)
{
	int64_t qid;
	if (s->ref.response_id) {
		if (response_get(ctx, s->ref.response_id, r, err) < 0)
			return -1;
		qid = r->questionnaire_id;
		s->version = r->version;
		s->entered = entered_text(r);
	} else if (questionnaire_for_run(ctx, s->ref.run_id, &qid, err) < 0) {
		return -1;
	}
	if (questionnaire_get(ctx, qid, &s->q, err) < 0)
		return -1;
	if (s->q.n_questions == 0)
		return lk_fail(err, LK_ERULE, _("The questionnaire '%s' has no questions yet; add them first."), s->q.name);
	return 0;
}

static int entry_open(lk_view *v, const void *arg, lk_err *err)
{
	entry_state *s = v->state;
	lk_ctx *ctx = v->ui->ctx;
	lk_response r = {0};
	s->ref = *(const lk_eval_entry_ref *)arg;
	int rc = role_require(ctx, LK_PERM_ENTER_RESPONSES, err) < 0 || read_run(s, ctx, err) < 0 ||
		read_form(s, ctx, &r, err) < 0 || read_counters(s, ctx, err) < 0 ? -1 : 0;
	if (rc == 0 && answers_new(s) < 0)
		rc = lk_fail(err, LK_ENOMEM, _("Out of memory."));
	if (rc == 0 && s->ref.response_id)
		answers_fill(s, &r);
	response_free(&r);
	if (rc == 0)
		entry_pick_ops(v);
	return rc;
}

static void entry_done(lk_view *v)
{
	entry_state *s = v->state;
	answers_free(s);
	questionnaire_free(&s->q);
	free(s->run_label);
	free(s->entered);
}

static char *entry_title(lk_view *v)
{
	entry_state *s = v->state;
	if (s->ref.response_id)
		return uitext_printf(_("Correct a form: %s"), s->run_label);
	return uitext_printf(_("Fast entry: %s · form %lld"), s->run_label, (long long)s->n_forms + 1);
}

/* Another process committed: the counters follow; what is typed stays. A
 * form being corrected that someone else changed is said at once. */
static int entry_reload(lk_view *v, lk_err *err)
{
	entry_state *s = v->state;
	if (read_counters(s, v->ui->ctx, err) < 0)
		return -1;
	if (!s->ref.response_id)
		return 0;
	lk_response r;
	int rc = response_get(v->ui->ctx, s->ref.response_id, &r, err);
	bool moved = rc == 0 && r.version != s->version;
	response_free(&r);
	if (rc < 0)
		return lk_fail(err, err->code, "%s", _("Someone else deleted this form meanwhile; Esc goes back."));
	if (moved)
		return lk_fail(err, LK_ECONFLICT, "%s", _("Someone else changed this form meanwhile; saving will be refused. Esc and open it again to see the change."));
	return 0;
}

/* ---- moving ---- */

static void entry_goto(lk_view *v, int i)
{
	entry_state *s = v->state;
	if (i < 0 || i >= s->q.n_questions)
		return;
	s->cur = i;
	entry_pick_ops(v);
}

static bool is_last(const entry_state *s)
{
	return s->cur == s->q.n_questions - 1;
}

/* ---- saving ---- */

static void entry_saved(lk_view *v, int64_t id)
{
	entry_state *s = v->state;
	lk_err err;
	(void)id;
	if (read_counters(s, v->ui->ctx, &err) < 0 || answers_new(s) < 0) {
		ui_status_err(v->ui, &err);
		return;
	}
	entry_pick_ops(v);
	ui_status(v->ui, LK_STYLE_OK, _("Saved form %lld. Here is an empty form for the next one."), (long long)s->n_forms);
}

/* Saves the form; on a refusal everything typed stays and the core's
 * message shows. A correction closes the screen when saved (the view is
 * freed then: nothing touches s after ui_pop). */
static void entry_save(lk_view *v)
{
	entry_state *s = v->state;
	lk_answer *a = calloc((size_t)s->q.n_questions + 1, sizeof *a);
	lk_err err;
	int64_t id = 0;
	if (!a) {
		ui_status(v->ui, LK_STYLE_ERROR, "%s", _("Out of memory."));
		return;
	}
	int n = answers_collect(s, a);
	int rc = s->ref.response_id
		? response_update(v->ui->ctx, s->ref.response_id, &s->version, a, n, &err)
		: response_add(v->ui->ctx, s->ref.run_id, s->q.id, a, n, LK_SOURCE_PAPER, &id, &err);
	free(a);
	if (rc < 0) {
		ui_status_err(v->ui, &err);
	} else if (s->ref.response_id) {
		ui_status(v->ui, LK_STYLE_OK, "%s", _("Saved the corrected form."));
		ui_pop(v->ui);
	} else {
		entry_saved(v, id);
	}
}

static void entry_cancel(lk_view *v)
{
	entry_state *s = v->state;
	if (s->changed && !dialog_confirm(v->ui, _("Close without saving?"),
		    _("The form on the screen is not saved; the forms saved before it stay saved.")))
		return;
	ui_pop(v->ui);
}

/* ---- answering ---- */

static void entry_next_or_save(lk_view *v)
{
	entry_state *s = v->state;
	if (is_last(s))
		entry_save(v);
	else
		entry_goto(v, s->cur + 1);
}

/* Enter: a number is taken (unless half typed); in a written answer it
 * is a new line, but on an empty line it goes on. */
static void entry_enter(lk_view *v)
{
	entry_state *s = v->state;
	entry_answer *an = &s->ans[s->cur];
	int value;
	if (!is_text_q(s, s->cur)) {
		if (eval_number_value(&an->num, &value) < 0)
			ui_status(v->ui, LK_STYLE_WARNING, "%s", _("The number is not finished: type its digits or erase it (Backspace)."));
		else
			entry_next_or_save(v);
		return;
	}
	const char *t = edit_text(&an->text);
	bool at_end = an->text.cur == an->text.nchars;
	size_t len = strlen(t);
	if (len > 0 && !(at_end && t[len - 1] == '\n')) {
		edit_insert(&an->text, '\n');
		s->changed = true;
		return;
	}
	if (len > 0)
		edit_backspace(&an->text);
	entry_next_or_save(v);
}

static void entry_blank(lk_view *v)
{
	entry_state *s = v->state;
	if (s->ans[s->cur].num.text[0])
		s->changed = true;
	s->ans[s->cur].num.text[0] = 0;
	if (!is_last(s))
		entry_goto(v, s->cur + 1);
}

/* Up/Down: lines of a written answer, else the question before/after. */
static void entry_line(lk_view *v, int step)
{
	entry_state *s = v->state;
	lk_edit *e = &s->ans[s->cur].text;
	if (is_text_q(s, s->cur) && (step < 0 ? edit_up(e) : edit_down(e)))
		return;
	entry_goto(v, s->cur + step);
}

static void number_erase(entry_state *s)
{
	char *t = s->ans[s->cur].num.text;
	size_t n = strlen(t);
	if (n > 0) {
		t[n - 1] = 0;
		s->changed = true;
	}
}

static bool entry_edit(lk_view *v, lk_action a)
{
	entry_state *s = v->state;
	if (!is_text_q(s, s->cur)) {
		if (a == LK_ACT_DEL_BACK)
			number_erase(s);
		return a == LK_ACT_DEL_BACK;
	}
	lk_edit *e = &s->ans[s->cur].text;
	e->changed = false;
	bool done = edit_request(e, a);
	s->changed |= e->changed;
	return done;
}

static bool entry_request(lk_view *v, lk_action a)
{
	entry_state *s = v->state;
	switch (a) {
	case LK_ACT_SAVE: entry_save(v); return true;
	case LK_ACT_CANCEL: entry_cancel(v); return true;
	case LK_ACT_ANSWER_NEXT: entry_enter(v); return true;
	case LK_ACT_ANSWER_BLANK: entry_blank(v); return true;
	case LK_ACT_FIELD_NEXT: entry_goto(v, s->cur + 1); return true;
	case LK_ACT_FIELD_PREV: entry_goto(v, s->cur - 1); return true;
	case LK_ACT_LINE_UP: entry_line(v, -1); return true;
	case LK_ACT_LINE_DOWN: entry_line(v, 1); return true;
	default: return entry_edit(v, a);
	}
}

/* y/j (ja) and n answer a yes/no question. */
static lk_key yes_no_key(const lk_question *q, lk_key key)
{
	if (q->kind != LK_QUESTION_YESNO)
		return key;
	if (key == 'y' || key == 'Y' || key == 'j' || key == 'J')
		return '1';
	return key == 'n' || key == 'N' ? '0' : key;
}

static void number_refused(lk_view *v, const lk_question *q)
{
	char *hint = eval_entry_hint(q);
	ui_status(v->ui, LK_STYLE_WARNING, "%s", hint ? hint : "");
	free(hint);
}

static bool entry_input(lk_view *v, lk_key key)
{
	entry_state *s = v->state;
	const lk_question *q = &s->q.questions[s->cur];
	entry_answer *an = &s->ans[s->cur];
	if (is_text_q(s, s->cur)) {
		an->text.changed = false;
		bool done = edit_input(&an->text, key);
		s->changed |= an->text.changed;
		return done;
	}
	lk_eval_typed t = eval_number_type(&an->num, yes_no_key(q, key));
	if (t == LK_TYPED_REFUSED) {
		number_refused(v, q);
		return true;
	}
	s->changed = true;
	if (t == LK_TYPED_COMPLETE && !is_last(s))
		entry_goto(v, s->cur + 1);
	return true;
}

/* ---- drawing ---- */

/* What a number answer means: the option, yes/no, or a scale end's word. */
static const char *answer_meaning(const lk_question *q, const lk_eval_number *n)
{
	int value;
	if (eval_number_value(n, &value) != 1)
		return *n->text ? _("(not finished)") : _("(blank)");
	switch (q->kind) {
	case LK_QUESTION_CHOICE: return q->options[value - 1];
	case LK_QUESTION_YESNO: return value ? _("yes") : _("no");
	default:
		if (value == q->scale_min && q->label_min && *q->label_min)
			return q->label_min;
		if (value == q->scale_max && q->label_max && *q->label_max)
			return q->label_max;
		return "";
	}
}

/* "0 Lite relevant – 10 Svært relevant" or "1 Pasient  2 Pårørende …". */
static char *answer_choices(const lk_question *q)
{
	if (q->kind == LK_QUESTION_SCALE)
		return uitext_printf("%d %s – %d %s", q->scale_min, q->label_min ? q->label_min : "",
			q->scale_max, q->label_max ? q->label_max : "");
	if (q->kind == LK_QUESTION_YESNO)
		return uitext_printf("%s", _("1 yes  0 no"));
	size_t size = 1;
	for (int k = 0; k < q->n_options; k++)
		size += strlen(q->options[k]) + 16;
	char *s = malloc(size);
	if (!s)
		return NULL;
	s[0] = 0;
	for (int k = 0, len = 0; k < q->n_options; k++)
		len += snprintf(s + len, size - (size_t)len, "%s%d %s", k ? "  " : "", k + 1, q->options[k]);
	return s;
}

enum { TEXT_ROWS = 3, INDENT = 4 };

/* Lines question i takes at width w: its text (current: up to 3 lines),
 * the answer, and for the current one the choices (up to 3 lines). */
static int q_lines(const entry_state *s, int i, int w)
{
	const lk_question *q = &s->q.questions[i];
	bool cur = i == s->cur;
	char *head = uitext_printf("%d. %s", q->position, q->text);
	int n = cur ? screen_wrap_lines(head ? head : "", w) : 1;
	free(head);
	n = n > 3 ? 3 : n;
	if (q->kind == LK_QUESTION_TEXT)
		return n + (cur ? TEXT_ROWS : 1);
	if (!cur)
		return n + 1;
	char *c = answer_choices(q);
	int k = screen_wrap_lines(c ? c : "", w - INDENT);
	free(c);
	return n + 1 + (k > 3 ? 3 : k);
}

struct put_ctx {
	int y, x;
};

static void put_char(void *arg, int row, int col, const char *bytes, size_t len)
{
	struct put_ctx *p = arg;
	mvaddnstr(p->y + row, p->x + col, bytes, (int)len);
}

static void draw_text_answer(entry_state *s, lk_ui *ui, int i, int y, int x, int w)
{
	lk_edit *e = &s->ans[i].text;
	bool cur = i == s->cur;
	if (!cur) {
		const char *t = edit_text(e);
		screen_text(ui, y, x, w, *t ? t : _("(blank)"), *t ? LK_STYLE_NORMAL : LK_STYLE_DIM);
		return;
	}
	edit_scroll(e, w, TEXT_ROWS);
	attrset(A_UNDERLINE);
	for (int r = 0; r < TEXT_ROWS; r++)
		mvhline(y + r, x, ' ', w);
	struct put_ctx p = {y, x};
	edit_visible(e, w, TEXT_ROWS, put_char, &p);
	attrset(A_NORMAL);
	screen_cursor(ui, y + edit_cursor_line(e) - e->vscroll, x + edit_cursor_col(e) - e->hscroll);
}

/* "[ 8  ] Lite relevant"; the cursor after the typed digits. */
static void draw_number_answer(entry_state *s, lk_ui *ui, int i, int y, int x, int w)
{
	const lk_question *q = &s->q.questions[i];
	const lk_eval_number *n = &s->ans[i].num;
	bool cur = i == s->cur;
	char *box = uitext_printf("[%-4s]", n->text);
	int bw = screen_text(ui, y, x, w, box ? box : "", cur ? LK_STYLE_SELECTED : LK_STYLE_NORMAL);
	free(box);
	const char *m = answer_meaning(q, n);
	screen_text(ui, y, x + bw + 1, w - bw - 1, m, *n->text ? LK_STYLE_NORMAL : LK_STYLE_DIM);
	if (cur)
		screen_cursor(ui, y, x + 1 + (int)strlen(n->text));
}

/* Draws question i from line y (lines above r.y or below its end are
 * skipped); returns the lines it took. */
static int draw_question(entry_state *s, lk_ui *ui, int i, int y, lk_rect r)
{
	const lk_question *q = &s->q.questions[i];
	bool cur = i == s->cur;
	int lines = q_lines(s, i, r.w - 2);
	if (y < r.y || y + lines > r.y + r.h)
		return lines;
	char *head = uitext_printf("%d. %s", q->position, q->text);
	screen_text(ui, y, r.x, 2, cur ? ">" : "", LK_STYLE_SELECTED);
	int n = cur ? screen_wrap(ui, (lk_rect){y, r.x + 2, 3, r.w - 2}, head ? head : "", LK_STYLE_TITLE)
	            : screen_text(ui, y, r.x + 2, r.w - 2, head ? head : "", LK_STYLE_NORMAL) > 0;
	free(head);
	n = n > 3 ? 3 : n < 1 ? 1 : n;
	int x = r.x + INDENT, w = r.w - INDENT;
	if (q->kind == LK_QUESTION_TEXT) {
		draw_text_answer(s, ui, i, y + n, x, w);
		return lines;
	}
	draw_number_answer(s, ui, i, y + n, x, w);
	if (cur) {
		char *c = answer_choices(q);
		screen_wrap(ui, (lk_rect){y + n + 1, x, 3, w}, c ? c : "", LK_STYLE_DIM);
		free(c);
	}
	return lines;
}

/* Scrolls so the current question shows whole (or its top when taller),
 * the first line shown always a question's first, so none is cut. */
static void entry_scroll(entry_state *s, int h, int w)
{
	int y = 0;
	for (int i = 0; i < s->cur; i++)
		y += q_lines(s, i, w);
	int lines = q_lines(s, s->cur, w);
	if (y < s->top || lines > h) {
		s->top = y;
		return;
	}
	if (y + lines <= s->top + h)
		return;
	int want = y + lines - h, start = 0;
	for (int i = 0; i < s->cur && start < want; i++)
		start += q_lines(s, i, w);
	s->top = start;
}

static void draw_header(entry_state *s, lk_ui *ui, lk_rect r)
{
	char *c = eval_counter_text(s->n_forms, s->came);
	char *qn = uitext_printf(_("Question %d of %d · %s (version %d)"), s->cur + 1, s->q.n_questions,
		s->q.name, s->q.version_no);
	screen_text(ui, r.y, r.x, r.w, s->entered ? s->entered : c ? c : "", LK_STYLE_NORMAL);
	screen_text(ui, r.y + 1, r.x, r.w, qn ? qn : "", LK_STYLE_DIM);
	free(c);
	free(qn);
}

static void entry_draw(lk_view *v, lk_rect r)
{
	entry_state *s = v->state;
	lk_rect in = {r.y + 1, r.x + 1, r.h - 1, r.w - 2};
	char *hint = eval_entry_hint(&s->q.questions[s->cur]);
	int hl = screen_wrap_lines(hint ? hint : "", in.w);
	hl = hl > 2 ? 2 : hl < 1 ? 1 : hl;
	lk_rect qs = {in.y + 3, in.x, in.h - 3 - hl, in.w};
	draw_header(s, v->ui, in);
	entry_scroll(s, qs.h, qs.w - 2);
	for (int i = 0, y = qs.y - s->top; i < s->q.n_questions && y < qs.y + qs.h; i++)
		y += draw_question(s, v->ui, i, y, qs);
	screen_wrap(v->ui, (lk_rect){in.y + in.h - hl, in.x, hl, in.w}, hint ? hint : "", LK_STYLE_DIM);
	free(hint);
}

/* ---- for tests ---- */

static bool is_entry(const lk_view *v)
{
	return v->ops == &eval_entry_view || v->ops == &eval_entry_text_view;
}

const char *eval_entry_answer(lk_view *v, int i)
{
	entry_state *s = v->state;
	if (!is_entry(v) || i < 0 || i >= s->q.n_questions)
		return NULL;
	return is_text_q(s, i) ? edit_text(&s->ans[i].text) : s->ans[i].num.text;
}

int eval_entry_current(lk_view *v)
{
	return is_entry(v) ? ((entry_state *)v->state)->cur : -1;
}

/* ---- ops ---- */

static const lk_action number_actions[] = {
	LK_ACT_ANSWER_NEXT, LK_ACT_ANSWER_BLANK, LK_ACT_FIELD_NEXT, LK_ACT_FIELD_PREV,
	LK_ACT_LINE_UP, LK_ACT_LINE_DOWN, LK_ACT_DEL_BACK, LK_ACT_SAVE, LK_ACT_CANCEL, 0,
};
static const lk_action number_hints[] = {
	LK_ACT_ANSWER_NEXT, LK_ACT_ANSWER_BLANK, LK_ACT_FIELD_NEXT, LK_ACT_SAVE, LK_ACT_CANCEL, 0,
};

static const lk_action text_actions[] = {
	LK_ACT_ANSWER_NEXT, LK_ACT_FIELD_NEXT, LK_ACT_FIELD_PREV, LK_ACT_LINE_UP, LK_ACT_LINE_DOWN,
	LK_ACT_SAVE, LK_ACT_CANCEL, LK_ACT_CHAR_LEFT, LK_ACT_CHAR_RIGHT, LK_ACT_LINE_START,
	LK_ACT_LINE_END, LK_ACT_DEL_BACK, LK_ACT_DEL_FORWARD, LK_ACT_KILL_BEFORE, LK_ACT_KILL_AFTER, 0,
};
static const lk_action text_hints[] = {
	LK_ACT_ANSWER_NEXT, LK_ACT_FIELD_NEXT, LK_ACT_SAVE, LK_ACT_CANCEL, 0,
};

const lk_view_ops eval_entry_view = {
	.name = "eval-entry",
	.label = N_("Fast entry of forms"),
	.state_size = sizeof(entry_state),
	.actions = number_actions,
	.hints = number_hints,
	.open = entry_open,
	.done = entry_done,
	.title = entry_title,
	.reload = entry_reload,
	.draw = entry_draw,
	.request = entry_request,
	.input = entry_input,
};

const lk_view_ops eval_entry_text_view = {
	.name = "eval-entry-text",
	.label = N_("Fast entry of forms"),
	.state_size = sizeof(entry_state),
	.actions = text_actions,
	.hints = text_hints,
	.text_entry = true,
	.open = entry_open,
	.done = entry_done,
	.title = entry_title,
	.reload = entry_reload,
	.draw = entry_draw,
	.request = entry_request,
	.input = entry_input,
};
