/*
 * questionnaire.c — one questionnaire with its questions in order
 * (questionnaire_view), the selected question in full below the list.
 * With LK_PERM_EDIT_QUESTIONNAIRES: a adds a question, Enter or e changes
 * it, d deletes it (asks), K and J move it. A questionnaire with answers
 * is never changed: the screen says so, and the first change asks, then
 * makes a new version (questionnaire_edit_ask) and goes on there.
 */
#include "lmskurs/ui/eval.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/i18n.h"
#include "lmskurs/ui/dialog.h"
#include "lmskurs/ui/uitext.h"

bool questionnaire_edit_ask(lk_ui *ui, int64_t *id, int64_t n_responses, int version_no)
{
	if (n_responses == 0)
		return true;
	char *q = uitext_printf(ngettext(
		"This form has answers (%lld form). It is never changed under them, so their results keep the questions they answered: your changes make version %d, a copy that runs use from now on. Go on?",
		"This form has answers (%lld forms). It is never changed under them, so their results keep the questions they answered: your changes make version %d, a copy that runs use from now on. Go on?",
		(unsigned long)n_responses), (long long)n_responses, version_no + 1);
	bool yes = q && dialog_confirm(ui, _("Make a new version?"), q);
	free(q);
	if (!yes) {
		ui_status(ui, LK_STYLE_NORMAL, "%s", _("Nothing was changed."));
		return false;
	}
	int64_t editable;
	lk_err err;
	if (questionnaire_edit_begin(ui->ctx, *id, &editable, &err) < 0) {
		dialog_error(ui, _("Not changed"), err.msg);
		return false;
	}
	*id = editable;
	ui_status(ui, LK_STYLE_OK, _("Now changing version %d; version %d stays with its answers."), version_no + 1, version_no);
	return true;
}

/* ---- rows ---- */

typedef struct qv_row {
	const lk_question *q; /* into the state's questionnaire */
	char no[12];
	char *what;           /* "scale 0–10", "choice, 3 options" */
} qv_row;

typedef struct qv_state {
	lk_role_ops ops;
	lk_ctx *ctx;
	int64_t id;
	lk_questionnaire q;
	qv_row *rows;
	lk_list list; /* rows point into rows[] and own nothing */
} qv_state;

static char *what_text(const lk_question *q)
{
	switch (q->kind) {
	case LK_QUESTION_SCALE:
		return uitext_printf("%s %d–%d", question_kind_label(q->kind), q->scale_min, q->scale_max);
	case LK_QUESTION_CHOICE:
		return uitext_printf(ngettext("%s, %d option", "%s, %d options", (unsigned long)q->n_options),
			question_kind_label(q->kind), q->n_options);
	default: return uitext_printf("%s", question_kind_label(q->kind));
	}
}

static void rows_free(qv_state *s)
{
	for (int i = 0; s->rows && i < s->q.n_questions; i++)
		free(s->rows[i].what);
	free(s->rows);
	s->rows = NULL;
}

static int rows_build(qv_state *s, lk_err *err)
{
	s->rows = calloc((size_t)s->q.n_questions + 1, sizeof *s->rows);
	if (!s->rows)
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	for (int i = 0; i < s->q.n_questions; i++) {
		qv_row *r = &s->rows[i];
		r->q = &s->q.questions[i];
		snprintf(r->no, sizeof r->no, "%d.", r->q->position);
		if (!(r->what = what_text(r->q)))
			return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	}
	return 0;
}

static int64_t qv_count(lk_list *l, lk_err *err)
{
	(void)err;
	return ((qv_state *)l->arg)->q.n_questions;
}

static int qv_fetch(lk_list *l, lk_page page, lk_err *err)
{
	qv_state *s = l->arg;
	for (int64_t i = page.offset; i < s->q.n_questions && i < page.offset + page.limit; i++)
		if (list_add_row(l, &s->rows[i], err) < 0)
			return -1;
	return 0;
}

static void qv_row_keep(void *row)
{
	(void)row;
}

static int64_t qv_row_id(const void *row)
{
	return ((const qv_row *)row)->q->id;
}

static lk_style qv_cells(const void *row, const char **cells)
{
	const qv_row *r = row;
	cells[0] = r->no;
	cells[1] = r->q->text;
	cells[2] = r->what;
	cells[3] = question_section_label(r->q->section);
	return LK_STYLE_NORMAL;
}

static const lk_column qv_cols[] = {
	{N_("No."), 3, 0},
	{N_("Question"), 16, 4},
	{N_("Answered with"), 10, 1},
	{N_("Section"), 13, 0},
};

static const lk_list_ops qv_list_ops = {
	.cols = qv_cols, .ncols = 4,
	.count = qv_count, .fetch = qv_fetch, .row_free = qv_row_keep,
	.row_id = qv_row_id, .row_cells = qv_cells,
	.empty_text = N_("No questions yet: a adds the first."),
};

/* ---- the view ---- */

static int qv_load(qv_state *s, lk_err *err)
{
	int64_t keep = s->list.cursor;
	list_fini(&s->list);
	list_init(&s->list, &qv_list_ops, s);
	rows_free(s);
	questionnaire_free(&s->q);
	memset(&s->q, 0, sizeof s->q);
	if (questionnaire_get(s->ctx, s->id, &s->q, err) < 0 || rows_build(s, err) < 0 || list_reload(&s->list, err) < 0)
		return -1;
	return keep ? list_move_to(&s->list, keep, err) : 0;
}

static int qv_open(lk_view *v, const void *arg, lk_err *err)
{
	qv_state *s = v->state;
	eval_role_ops(&s->ops, v->ops, LK_PERM_EDIT_QUESTIONNAIRES, v->ui->ctx->role);
	v->ops = &s->ops.ops;
	s->ctx = v->ui->ctx;
	s->id = *(const int64_t *)arg;
	list_init(&s->list, &qv_list_ops, s);
	return qv_load(s, err);
}

static void qv_done(lk_view *v)
{
	qv_state *s = v->state;
	list_fini(&s->list);
	rows_free(s);
	questionnaire_free(&s->q);
}

static int qv_reload(lk_view *v, lk_err *err)
{
	return qv_load(v->state, err);
}

static lk_list *qv_list(lk_view *v)
{
	return &((qv_state *)v->state)->list;
}

static char *qv_title(lk_view *v)
{
	qv_state *s = v->state;
	return uitext_printf(_("Questionnaire: %s (version %d)"), s->q.name, s->q.version_no);
}

/* Forms, default, description, and the rule about answers. */
static int draw_head(qv_state *s, lk_ui *ui, lk_rect r)
{
	char *line = uitext_printf(ngettext("%lld form answered on this version%s", "%lld forms answered on this version%s",
		(unsigned long)s->q.n_responses), (long long)s->q.n_responses, s->q.is_default ? _(" · the default") : "");
	int n = screen_wrap(ui, (lk_rect){r.y, r.x, 1, r.w}, line ? line : "", LK_STYLE_NORMAL) > 0;
	free(line);
	if (*s->q.description)
		n += screen_wrap(ui, (lk_rect){r.y + n, r.x, 1, r.w}, s->q.description, LK_STYLE_DIM) > 0;
	if (s->q.n_responses > 0 && role_allows(s->ctx->role, LK_PERM_EDIT_QUESTIONNAIRES)) {
		char *t = uitext_printf(_("! This form has answers: your changes make version %d, and this one stays as it is."),
			s->q.version_no + 1);
		int k = screen_wrap(ui, (lk_rect){r.y + n, r.x, 2, r.w}, t ? t : "", LK_STYLE_WARNING);
		n += k > 2 ? 2 : k;
		free(t);
	}
	return n;
}

/* The selected question in full: its text, how it is answered. */
static char *detail_text(const lk_question *q)
{
	char *how = NULL;
	if (q->kind == LK_QUESTION_SCALE)
		how = uitext_printf(_("Scale %d (%s) to %d (%s)"), q->scale_min, q->label_min ? q->label_min : "",
			q->scale_max, q->label_max ? q->label_max : "");
	else if (q->kind == LK_QUESTION_CHOICE) {
		size_t size = 32;
		for (int k = 0; k < q->n_options; k++)
			size += strlen(q->options[k]) + 16;
		if ((how = malloc(size))) {
			int len = snprintf(how, size, "%s:", _("Options"));
			for (int k = 0; k < q->n_options; k++)
				len += snprintf(how + len, size - (size_t)len, " %d %s%s", k + 1, q->options[k], k + 1 < q->n_options ? "," : "");
		}
	} else
		how = uitext_printf("%s", question_kind_label(q->kind));
	char *t = uitext_printf("%d. %s\n%s", q->position, q->text, how ? how : "");
	free(how);
	return t;
}

static void qv_draw(lk_view *v, lk_rect r)
{
	qv_state *s = v->state;
	lk_rect in = {r.y + 1, r.x + 1, r.h - 1, r.w - 2};
	int y = draw_head(s, v->ui, in) + 1;
	lk_rect rest = {in.y + y, in.x, in.h - y, in.w};
	int list_h = s->q.n_questions + 2 < rest.h - 4 ? s->q.n_questions + 2 : rest.h - 4;
	list_h = list_h < 3 ? rest.h : list_h;
	ui_draw_list(v->ui, &s->list, (lk_rect){rest.y, rest.x, list_h, rest.w});
	const qv_row *row = list_selected(&s->list);
	if (!row || rest.h - list_h < 3)
		return;
	char *t = detail_text(row->q);
	screen_wrap(v->ui, (lk_rect){rest.y + list_h + 1, rest.x, rest.h - list_h - 1, rest.w}, t ? t : "", LK_STYLE_NORMAL);
	free(t);
}

/* ---- changing ---- */

static void qv_reread(lk_view *v)
{
	lk_err err;
	if (qv_load(v->state, &err) < 0)
		ui_status_err(v->ui, &err);
}

/* Makes sure the questionnaire shown may change (a new version when it
 * has answers); *pos is kept pointing at the same question there. */
static bool qv_editable(lk_view *v)
{
	qv_state *s = v->state;
	int64_t id = s->id;
	if (!eval_may(v->ui, LK_PERM_EDIT_QUESTIONNAIRES) ||
	    !questionnaire_edit_ask(v->ui, &id, s->q.n_responses, s->q.version_no))
		return false;
	if (id != s->id) {
		s->id = id;
		qv_reread(v);
	}
	return true;
}

static void qv_delete(lk_view *v, const qv_row *r)
{
	qv_state *s = v->state;
	lk_err err;
	char *q = uitext_printf(_("Delete question %d (%s)? The questions after it move up one."), r->q->position, r->q->text);
	int64_t id = r->q->id, version = r->q->version;
	if (!q || !dialog_confirm(v->ui, _("Delete question"), q))
		ui_status(v->ui, LK_STYLE_NORMAL, "%s", _("Nothing was deleted."));
	else if (question_delete(s->ctx, id, version, &err) < 0)
		dialog_error(v->ui, _("Not deleted"), err.msg);
	else
		ui_status(v->ui, LK_STYLE_OK, "%s", _("Deleted the question."));
	free(q);
	qv_reread(v);
}

static void qv_move(lk_view *v, const qv_row *r, int step)
{
	qv_state *s = v->state;
	lk_err err;
	int64_t version = r->q->version;
	int to = r->q->position + step;
	if (to < 1 || to > s->q.n_questions) {
		ui_status(v->ui, LK_STYLE_NORMAL, "%s", step < 0 ? _("It is the first question already.") : _("It is the last question already."));
		return;
	}
	if (question_move(s->ctx, r->q->id, &version, to, &err) < 0)
		dialog_error(v->ui, _("Not moved"), err.msg);
	qv_reread(v);
	if (list_move_to(&s->list, to - 1, &err) < 0)
		ui_status_err(v->ui, &err);
}

/* The action on the question at index i (after a new version the same
 * position in it). */
static void qv_question_action(lk_view *v, lk_action a, int i)
{
	qv_state *s = v->state;
	if (i < 0 || i >= s->q.n_questions) {
		ui_status(v->ui, LK_STYLE_WARNING, "%s", _("No question is selected."));
		return;
	}
	const qv_row *r = &s->rows[i];
	lk_question_ref ref = {s->id, r->q->id};
	if (a == LK_ACT_DELETE)
		qv_delete(v, r);
	else if (a == LK_ACT_ITEM_UP || a == LK_ACT_ITEM_DOWN)
		qv_move(v, r, a == LK_ACT_ITEM_UP ? -1 : 1);
	else
		ui_push(v->ui, &question_form_view, &ref, NULL);
}

static bool qv_request(lk_view *v, lk_action a)
{
	qv_state *s = v->state;
	int i = (int)s->list.cursor;
	bool none = s->q.n_questions == 0;
	switch (a) {
	case LK_ACT_ADD: case LK_ACT_EDIT: case LK_ACT_DELETE: case LK_ACT_ITEM_UP: case LK_ACT_ITEM_DOWN: break;
	case LK_ACT_OPEN:
		if (!role_allows(s->ctx->role, LK_PERM_EDIT_QUESTIONNAIRES)) {
			ui_status(v->ui, LK_STYLE_NORMAL, "%s", _("The selected question shows in full below the list."));
			return true;
		}
		a = LK_ACT_EDIT;
		break;
	default: return false;
	}
	if ((a != LK_ACT_ADD && none) || !qv_editable(v)) {
		if (none && a != LK_ACT_ADD)
			ui_status(v->ui, LK_STYLE_WARNING, "%s", _("No question is selected."));
		return true;
	}
	lk_question_ref ref = {s->id, 0};
	if (a == LK_ACT_ADD)
		ui_push(v->ui, &question_form_view, &ref, NULL);
	else
		qv_question_action(v, a, i);
	return true;
}

static const lk_action qv_actions[] = {
	LK_ACT_MOVE_UP, LK_ACT_MOVE_DOWN, LK_ACT_PAGE_UP, LK_ACT_PAGE_DOWN, LK_ACT_MOVE_FIRST,
	LK_ACT_MOVE_LAST, LK_ACT_OPEN, LK_ACT_BACK, LK_ACT_ADD, LK_ACT_EDIT, LK_ACT_DELETE,
	LK_ACT_ITEM_UP, LK_ACT_ITEM_DOWN, 0,
};
static const lk_action qv_hints[] = {
	LK_ACT_ADD, LK_ACT_EDIT, LK_ACT_DELETE, LK_ACT_ITEM_UP, LK_ACT_ITEM_DOWN, LK_ACT_BACK, 0,
};

const lk_view_ops questionnaire_view = {
	.name = "questionnaire",
	.label = N_("Questionnaire"),
	.state_size = sizeof(qv_state),
	.actions = qv_actions,
	.hints = qv_hints,
	.open = qv_open,
	.done = qv_done,
	.title = qv_title,
	.reload = qv_reload,
	.list = qv_list,
	.draw = qv_draw,
	.request = qv_request,
};
