/*
 * questionnaires.c — the questionnaires (evaluation forms): the list
 * (questionnaires_view: the newest version of each, with how many forms it
 * has and which is the default) and the choice of a run's or a course's
 * questionnaire (eval_pick_view). From the list: Enter shows one with its
 * questions, a makes one from scratch, c copies the selected one, e
 * changes its name (a new version when it has answers, after asking), d
 * deletes (asks; the core refuses one with answers or in use), D makes it
 * the default.
 */
#include "lmskurs/ui/eval.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/course.h"
#include "lmskurs/i18n.h"
#include "lmskurs/ui/dialog.h"
#include "lmskurs/ui/uitext.h"

/* ---- the list source (shared by the list and the choice) ---- */

typedef struct qn_row {
	int64_t id, version, n_responses;
	int version_no;
	bool is_default;
	char *name;
	char ver[16], forms[24];
	const char *mark; /* the choice: "chosen" or "" */
} qn_row;

typedef struct qn_source {
	lk_ctx *ctx;
	bool pick;         /* the choice: a first row "no choice" */
	int64_t chosen;    /* the choice: the id chosen now, 0 none */
	const char *none;  /* the choice: the first row's text */
} qn_source;

static void qn_row_free(void *row)
{
	qn_row *r = row;
	if (!r)
		return;
	free(r->name);
	free(r);
}

static qn_row *qn_row_new(const qn_source *src, int64_t id, const char *name)
{
	qn_row *r = calloc(1, sizeof *r);
	if (!r || !(r->name = strdup(name))) {
		free(r);
		return NULL;
	}
	r->id = id;
	r->mark = src->pick && src->chosen == id ? _("chosen") : "";
	return r;
}

static qn_row *qn_row_of(const qn_source *src, const lk_questionnaire *q)
{
	qn_row *r = qn_row_new(src, q->id, q->name);
	if (!r)
		return NULL;
	r->version = q->version;
	r->version_no = q->version_no;
	r->n_responses = q->n_responses;
	r->is_default = q->is_default;
	snprintf(r->ver, sizeof r->ver, "%d", q->version_no);
	snprintf(r->forms, sizeof r->forms, "%lld", (long long)q->n_responses);
	return r;
}

static int count_one(void *arg, const lk_questionnaire *q)
{
	(void)q;
	++*(int64_t *)arg;
	return 0;
}

/* Streams the names only to count them (questionnaires are few). */
static int64_t qn_count(lk_list *l, lk_err *err)
{
	qn_source *src = l->arg;
	lk_questionnaire_filter f = {.all_versions = false};
	int64_t n = 0;
	if (questionnaire_list(src->ctx, &f, (lk_page){0, 0}, count_one, &n, err) < 0)
		return -1;
	return n + src->pick;
}

struct qn_fetch {
	lk_list *l;
	const qn_source *src;
	lk_err *err;
	int rc;
};

static int qn_one(void *arg, const lk_questionnaire *q)
{
	struct qn_fetch *f = arg;
	qn_row *r = qn_row_of(f->src, q);
	f->rc = r ? list_add_row(f->l, r, f->err) : lk_fail(f->err, LK_ENOMEM, _("Out of memory."));
	return f->rc < 0;
}

static int qn_fetch(lk_list *l, lk_page page, lk_err *err)
{
	qn_source *src = l->arg;
	lk_questionnaire_filter flt = {.all_versions = false};
	struct qn_fetch f = {l, src, err, 0};
	if (src->pick && page.offset == 0) {
		qn_row *none = qn_row_new(src, 0, src->none);
		if (!none || list_add_row(l, none, err) < 0)
			return none ? -1 : lk_fail(err, LK_ENOMEM, _("Out of memory."));
		page.limit--;
	} else if (src->pick) {
		page.offset--;
	}
	if (page.limit > 0 && questionnaire_list(src->ctx, &flt, page, qn_one, &f, err) < 0)
		return -1;
	return f.rc;
}

static int64_t qn_row_id(const void *row)
{
	return ((const qn_row *)row)->id;
}

static lk_style qn_cells(const void *row, const char **cells)
{
	const qn_row *r = row;
	cells[0] = r->name;
	cells[1] = r->id ? r->ver : "";
	cells[2] = r->id ? r->forms : "";
	cells[3] = r->is_default ? _("default") : r->mark;
	return r->id ? LK_STYLE_NORMAL : LK_STYLE_DIM;
}

static const lk_column qn_cols[] = {
	{N_("Questionnaire"), 16, 3},
	{N_("Version"), 7, 0},
	{N_("Forms"), 6, 0},
	{N_("Use"), 8, 0},
};

static const lk_list_ops qn_list_ops = {
	.cols = qn_cols, .ncols = 4,
	.count = qn_count, .fetch = qn_fetch, .row_free = qn_row_free,
	.row_id = qn_row_id, .row_cells = qn_cells,
	.empty_text = N_("No questionnaires: press a to make one."),
};

/* ---- the list ---- */

typedef struct qns_state {
	lk_role_ops ops;
	qn_source src;
	lk_list list;
} qns_state;

static int qns_open(lk_view *v, const void *arg, lk_err *err)
{
	(void)arg;
	qns_state *s = v->state;
	eval_role_ops(&s->ops, v->ops, LK_PERM_EDIT_QUESTIONNAIRES, v->ui->ctx->role);
	v->ops = &s->ops.ops;
	s->src = (qn_source){.ctx = v->ui->ctx};
	list_init(&s->list, &qn_list_ops, &s->src);
	return list_reload(&s->list, err);
}

static void qns_done(lk_view *v)
{
	list_fini(&((qns_state *)v->state)->list);
}

static int qns_reload(lk_view *v, lk_err *err)
{
	return list_reload(&((qns_state *)v->state)->list, err);
}

static lk_list *qns_list(lk_view *v)
{
	return &((qns_state *)v->state)->list;
}

static char *qns_title(lk_view *v)
{
	qns_state *s = v->state;
	return uitext_printf(ngettext("Questionnaires: %lld", "Questionnaires: %lld", (unsigned long)s->list.total),
		(long long)s->list.total);
}

static void qns_reread(lk_view *v)
{
	lk_err err;
	if (list_reload(&((qns_state *)v->state)->list, &err) < 0)
		ui_status_err(v->ui, &err);
}

static void qns_copy(lk_view *v, const qn_row *r)
{
	int64_t id;
	lk_err err;
	if (questionnaire_copy(v->ui->ctx, r->id, &id, &err) < 0) {
		dialog_error(v->ui, _("Not copied"), err.msg);
		return;
	}
	qns_reread(v);
	ui_status(v->ui, LK_STYLE_OK, _("Made a copy of %s: change it as you like."), r->name);
	ui_push(v->ui, &questionnaire_view, &id, NULL);
}

static void qns_delete(lk_view *v, const qn_row *r)
{
	lk_err err;
	char *q = uitext_printf(_("Delete the questionnaire %s (version %d) with its questions?"), r->name, r->version_no);
	int64_t id = r->id, version = r->version;
	if (!q || !dialog_confirm(v->ui, _("Delete questionnaire"), q))
		ui_status(v->ui, LK_STYLE_NORMAL, "%s", _("Nothing was deleted."));
	else if (questionnaire_delete(v->ui->ctx, id, version, &err) < 0)
		dialog_error(v->ui, _("Not deleted"), err.msg);
	else
		ui_status(v->ui, LK_STYLE_OK, "%s", _("Deleted the questionnaire."));
	free(q);
	qns_reread(v);
}

static void qns_default(lk_view *v, const qn_row *r)
{
	lk_err err;
	char *name = strdup(r->name);
	if (questionnaire_set_default(v->ui->ctx, r->id, &err) < 0)
		dialog_error(v->ui, _("Not changed"), err.msg);
	else
		ui_status(v->ui, LK_STYLE_OK, _("%s is now the default: used when neither the course nor the run chose one."),
			name ? name : "");
	free(name);
	qns_reread(v);
}

static void qns_edit(lk_view *v, const qn_row *r)
{
	int64_t id = r->id;
	if (questionnaire_edit_ask(v->ui, &id, r->n_responses, r->version_no))
		ui_push(v->ui, &questionnaire_form_view, &id, NULL);
}

static void qns_row_action(lk_view *v, lk_action a, const qn_row *r)
{
	switch (a) {
	case LK_ACT_OPEN: ui_push(v->ui, &questionnaire_view, &r->id, NULL); break;
	case LK_ACT_COPY: qns_copy(v, r); break;
	case LK_ACT_EDIT: qns_edit(v, r); break;
	case LK_ACT_DELETE: qns_delete(v, r); break;
	default: qns_default(v, r); break;
	}
}

static bool qns_request(lk_view *v, lk_action a)
{
	qns_state *s = v->state;
	const qn_row *r = list_selected(&s->list);
	switch (a) {
	case LK_ACT_ADD:
		if (eval_may(v->ui, LK_PERM_EDIT_QUESTIONNAIRES))
			ui_push(v->ui, &questionnaire_form_view, NULL, NULL);
		return true;
	case LK_ACT_OPEN: break;
	case LK_ACT_COPY: case LK_ACT_EDIT: case LK_ACT_DELETE: case LK_ACT_MAKE_DEFAULT:
		if (!eval_may(v->ui, LK_PERM_EDIT_QUESTIONNAIRES))
			return true;
		break;
	default: return false;
	}
	if (!r)
		ui_status(v->ui, LK_STYLE_WARNING, "%s", _("No questionnaire is selected."));
	else
		qns_row_action(v, a, r);
	return true;
}

static const lk_action qns_actions[] = {
	LK_ACT_MOVE_UP, LK_ACT_MOVE_DOWN, LK_ACT_PAGE_UP, LK_ACT_PAGE_DOWN, LK_ACT_MOVE_FIRST,
	LK_ACT_MOVE_LAST, LK_ACT_OPEN, LK_ACT_BACK, LK_ACT_ADD, LK_ACT_EDIT, LK_ACT_DELETE,
	LK_ACT_COPY, LK_ACT_MAKE_DEFAULT, 0,
};
static const lk_action qns_hints[] = {
	LK_ACT_OPEN, LK_ACT_ADD, LK_ACT_COPY, LK_ACT_EDIT, LK_ACT_DELETE, LK_ACT_BACK, 0,
};

const lk_view_ops questionnaires_view = {
	.name = "questionnaires",
	.label = N_("Questionnaires"),
	.state_size = sizeof(qns_state),
	.actions = qns_actions,
	.hints = qns_hints,
	.open = qns_open,
	.done = qns_done,
	.title = qns_title,
	.reload = qns_reload,
	.list = qns_list,
	.request = qns_request,
};

/* ---- choosing a run's or a course's questionnaire ---- */

typedef struct pick_state {
	lk_eval_pick_ref ref;
	lk_run run;
	lk_course course;
	char *label;
	qn_source src;
	lk_list list;
} pick_state;

static int pick_read(pick_state *s, lk_ctx *ctx, lk_err *err)
{
	run_free(&s->run);
	course_free(&s->course);
	if (run_get(ctx, s->ref.run_id, &s->run, err) < 0 || course_get(ctx, s->run.course_id, &s->course, err) < 0)
		return -1;
	s->src.chosen = s->ref.for_course ? s->course.questionnaire_id : s->run.questionnaire_id;
	return 0;
}

static int pick_open(lk_view *v, const void *arg, lk_err *err)
{
	pick_state *s = v->state;
	s->ref = *(const lk_eval_pick_ref *)arg;
	s->src = (qn_source){.ctx = v->ui->ctx, .pick = true};
	s->src.none = s->ref.for_course ? _("(none: the default questionnaire)") : _("(none: the course's choice, else the default)");
	list_init(&s->list, &qn_list_ops, &s->src);
	if (role_require(v->ui->ctx, LK_PERM_EDIT_PLAN, err) < 0 || pick_read(s, v->ui->ctx, err) < 0)
		return -1;
	s->label = s->ref.for_course ? strdup(s->course.title) : eval_run_label(&s->run);
	if (!s->label)
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	return list_reload(&s->list, err) < 0 ? -1 : list_move_to(&s->list, 0, err);
}

static void pick_done(lk_view *v)
{
	pick_state *s = v->state;
	list_fini(&s->list);
	run_free(&s->run);
	course_free(&s->course);
	free(s->label);
}

static int pick_reload(lk_view *v, lk_err *err)
{
	pick_state *s = v->state;
	return pick_read(s, v->ui->ctx, err) < 0 ? -1 : list_reload(&s->list, err);
}

static lk_list *pick_list(lk_view *v)
{
	return &((pick_state *)v->state)->list;
}

static char *pick_title(lk_view *v)
{
	pick_state *s = v->state;
	return uitext_printf(s->ref.for_course ? _("Questionnaire of the course %s") : _("Questionnaire of the run %s"), s->label);
}

static void pick_choose(lk_view *v, const qn_row *r)
{
	pick_state *s = v->state;
	lk_err err;
	int rc;
	char *name = strdup(r->name);
	if (s->ref.for_course) {
		s->course.questionnaire_id = r->id;
		rc = course_update(v->ui->ctx, &s->course, &err);
	} else {
		s->run.questionnaire_id = r->id;
		rc = run_update(v->ui->ctx, &s->run, &err);
	}
	if (rc < 0) {
		dialog_error(v->ui, _("Not chosen"), err.msg);
		if (pick_reload(v, &err) < 0)
			ui_status_err(v->ui, &err);
	} else {
		ui_status(v->ui, LK_STYLE_OK, _("Chosen: %s."), name ? name : "");
		ui_pop(v->ui);
	}
	free(name);
}

static bool pick_request(lk_view *v, lk_action a)
{
	pick_state *s = v->state;
	const qn_row *r = list_selected(&s->list);
	if (a != LK_ACT_OPEN)
		return false;
	if (r)
		pick_choose(v, r);
	return true;
}

static const lk_action pick_actions[] = {
	LK_ACT_MOVE_UP, LK_ACT_MOVE_DOWN, LK_ACT_PAGE_UP, LK_ACT_PAGE_DOWN, LK_ACT_MOVE_FIRST,
	LK_ACT_MOVE_LAST, LK_ACT_OPEN, LK_ACT_BACK, 0,
};
static const lk_action pick_hints[] = {LK_ACT_OPEN, LK_ACT_BACK, 0};

const lk_view_ops eval_pick_view = {
	.name = "eval-pick",
	.label = N_("Choose a questionnaire"),
	.state_size = sizeof(pick_state),
	.actions = pick_actions,
	.hints = pick_hints,
	.open = pick_open,
	.done = pick_done,
	.title = pick_title,
	.reload = pick_reload,
	.list = pick_list,
	.request = pick_request,
};
