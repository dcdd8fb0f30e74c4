/*
 * eval_facilitators.c — the facilitators of a run and their own
 * evaluation of it (eval_facilitators_view): who facilitated, whether they
 * have written theirs, the selected one in full below. Enter or e writes
 * (eval_facilitator_form_view, facilitator_eval_set, versioned), d deletes
 * (asks). A coordinator may write for anyone; others only their own, and
 * the others' rows say so instead of offering what the core refuses.
 */
#include "lmskurs/ui/eval.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/i18n.h"
#include "lmskurs/response.h"
#include "lmskurs/ui/dialog.h"
#include "lmskurs/ui/form.h"
#include "lmskurs/ui/uitext.h"

typedef struct fac_row {
	lk_eval_facilitator f;
	bool readable;   /* the user may read it */
	bool written;
	int64_t version; /* of the evaluation; 0 none */
	char *text;      /* "" when none or not readable */
	char status[64];
} fac_row;

typedef struct fac_state {
	lk_ctx *ctx;
	int64_t run_id;
	char *run_label;
	fac_row *rows;
	int n;
	lk_list list;
} fac_state;

/* May the user write (or delete) person_id's evaluation? */
static bool may_write(const lk_ctx *ctx, int64_t person_id)
{
	return role_allows(ctx->role, LK_PERM_WRITE_FACILITATOR_EVALUATION) &&
	       (ctx->role == LK_ROLE_COORDINATOR || (ctx->person_id && ctx->person_id == person_id));
}

static void rows_free(fac_state *s)
{
	for (int i = 0; s->rows && i < s->n; i++) {
		free(s->rows[i].f.name);
		free(s->rows[i].text);
	}
	free(s->rows);
	s->rows = NULL;
	s->n = 0;
}

static void row_written(fac_row *r, const lk_facilitator_eval *e)
{
	char day[64];
	eval_stamp_text(e->written_at, false, day);
	r->written = true;
	r->version = e->version;
	r->text = strdup(e->text);
	snprintf(r->status, sizeof r->status, _("written %s"), day);
}

static int row_read(fac_state *s, fac_row *r, lk_err *err)
{
	lk_facilitator_eval e = {0};
	lk_err got;
	lk_err_clear(&got);
	r->readable = role_allows(s->ctx->role, LK_PERM_READ_RESULTS) || r->f.person_id == s->ctx->person_id;
	int rc = r->readable ? facilitator_eval_get(s->ctx, s->run_id, r->f.person_id, &e, &got) : -1;
	if (rc == 0) {
		row_written(r, &e);
	} else if (r->readable && got.code != LK_ENOTFOUND) {
		facilitator_eval_free(&e);
		*err = got;
		return -1;
	} else {
		r->text = strdup("");
		snprintf(r->status, sizeof r->status, "%s", r->readable ? _("not written yet") : _("(not yours to read)"));
	}
	facilitator_eval_free(&e);
	return r->text ? 0 : lk_fail(err, LK_ENOMEM, _("Out of memory."));
}

static int rows_read(fac_state *s, lk_err *err)
{
	lk_eval_facilitator *f;
	int n;
	rows_free(s);
	if (eval_facilitators_read(s->ctx, s->run_id, &f, &n, err) < 0) {
		eval_facilitators_free(f, n);
		return -1;
	}
	s->rows = calloc((size_t)n + 1, sizeof *s->rows);
	if (!s->rows) {
		eval_facilitators_free(f, n);
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	}
	for (int i = 0; i < n; i++)
		s->rows[i].f = f[i];
	free(f); /* the names moved into the rows */
	s->n = n;
	for (int i = 0; i < n; i++)
		if (row_read(s, &s->rows[i], err) < 0)
			return -1;
	return 0;
}

/* The list shows rows of the array read at reload (bounded: the run's
 * facilitators); its rows point into it and own nothing. */
static int64_t fac_count(lk_list *l, lk_err *err)
{
	(void)err;
	return ((fac_state *)l->arg)->n;
}

static int fac_fetch(lk_list *l, lk_page page, lk_err *err)
{
	fac_state *s = l->arg;
	for (int64_t i = page.offset; i < s->n && i < page.offset + page.limit; i++)
		if (list_add_row(l, &s->rows[i], err) < 0)
			return -1;
	return 0;
}

static void fac_row_keep(void *row)
{
	(void)row;
}

static int64_t fac_row_id(const void *row)
{
	return ((const fac_row *)row)->f.person_id;
}

static lk_style fac_cells(const void *row, const char **cells)
{
	const fac_row *r = row;
	cells[0] = r->f.name;
	cells[1] = person_kind_label(r->f.kind);
	cells[2] = r->status;
	return r->written ? LK_STYLE_NORMAL : LK_STYLE_DIM;
}

static const lk_column fac_cols[] = {
	{N_("Facilitator"), 14, 2},
	{N_("Kind"), 19, 0},
	{N_("Own evaluation"), 12, 1},
};

static const lk_list_ops fac_list_ops = {
	.cols = fac_cols, .ncols = 3,
	.count = fac_count, .fetch = fac_fetch, .row_free = fac_row_keep,
	.row_id = fac_row_id, .row_cells = fac_cells,
	.empty_text = N_("Nobody is booked as facilitator of this run's sessions."),
};

static int fac_load(fac_state *s, lk_err *err)
{
	list_fini(&s->list);
	list_init(&s->list, &fac_list_ops, s);
	return rows_read(s, err) < 0 ? -1 : list_reload(&s->list, err);
}

static int fac_open(lk_view *v, const void *arg, lk_err *err)
{
	fac_state *s = v->state;
	lk_run r;
	s->ctx = v->ui->ctx;
	s->run_id = *(const int64_t *)arg;
	list_init(&s->list, &fac_list_ops, s);
	if (run_get(s->ctx, s->run_id, &r, err) < 0) {
		run_free(&r);
		return -1;
	}
	s->run_label = eval_run_label(&r);
	run_free(&r);
	return fac_load(s, err);
}

static void fac_done(lk_view *v)
{
	fac_state *s = v->state;
	list_fini(&s->list);
	rows_free(s);
	free(s->run_label);
}

static int fac_reload(lk_view *v, lk_err *err)
{
	fac_state *s = v->state;
	int64_t keep = s->list.cursor;
	int rc = fac_load(s, err);
	if (rc == 0 && keep)
		rc = list_move_to(&s->list, keep, err);
	return rc;
}

static lk_list *fac_list(lk_view *v)
{
	return &((fac_state *)v->state)->list;
}

static char *fac_title(lk_view *v)
{
	return uitext_printf(_("Facilitators' own evaluations: %s"), ((fac_state *)v->state)->run_label);
}

static void fac_draw(lk_view *v, lk_rect r)
{
	fac_state *s = v->state;
	lk_rect in = {r.y + 1, r.x + 1, r.h - 1, r.w - 2};
	int list_h = s->n + 2 < in.h / 2 ? s->n + 2 : in.h / 2;
	ui_draw_list(v->ui, &s->list, (lk_rect){in.y, in.x, list_h, in.w});
	const fac_row *row = list_selected(&s->list);
	if (!row || in.h - list_h < 3)
		return;
	const char *t = row->written ? row->text : row->readable ? _("Not written yet: Enter writes it.") : "";
	if (row->written || row->readable)
		screen_wrap(v->ui, (lk_rect){in.y + list_h + 1, in.x, in.h - list_h - 1, in.w}, t, LK_STYLE_NORMAL);
}

static void fac_delete(lk_view *v, const fac_row *r)
{
	fac_state *s = v->state;
	lk_err err;
	char *q = uitext_printf(_("Delete the own evaluation %s wrote of this run?"), r->f.name);
	int64_t person = r->f.person_id, version = r->version;
	if (!q || !dialog_confirm(v->ui, _("Delete evaluation"), q))
		ui_status(v->ui, LK_STYLE_NORMAL, "%s", _("Nothing was deleted."));
	else if (facilitator_eval_delete(s->ctx, s->run_id, person, version, &err) < 0)
		dialog_error(v->ui, _("Not deleted"), err.msg);
	else
		ui_status(v->ui, LK_STYLE_OK, "%s", _("Deleted the evaluation."));
	free(q);
	if (fac_reload(v, &err) < 0)
		ui_status_err(v->ui, &err);
}

static bool fac_request(lk_view *v, lk_action a)
{
	fac_state *s = v->state;
	const fac_row *r = list_selected(&s->list);
	if (a != LK_ACT_OPEN && a != LK_ACT_EDIT && a != LK_ACT_DELETE)
		return false;
	if (!r) {
		ui_status(v->ui, LK_STYLE_WARNING, "%s", _("Nobody is selected."));
	} else if (!may_write(s->ctx, r->f.person_id)) {
		ui_status(v->ui, LK_STYLE_WARNING, "%s", _("You may write only your own evaluation as facilitator."));
	} else if (a == LK_ACT_DELETE) {
		if (r->written)
			fac_delete(v, r);
		else
			ui_status(v->ui, LK_STYLE_NORMAL, "%s", _("There is nothing to delete: it is not written."));
	} else {
		lk_eval_fac_ref ref = {s->run_id, r->f.person_id};
		ui_push(v->ui, &eval_facilitator_form_view, &ref, NULL);
	}
	return true;
}

static const lk_action fac_actions[] = {
	LK_ACT_MOVE_UP, LK_ACT_MOVE_DOWN, LK_ACT_PAGE_UP, LK_ACT_PAGE_DOWN, LK_ACT_MOVE_FIRST,
	LK_ACT_MOVE_LAST, LK_ACT_OPEN, LK_ACT_BACK, LK_ACT_EDIT, LK_ACT_DELETE, 0,
};
static const lk_action fac_hints[] = {LK_ACT_OPEN, LK_ACT_DELETE, LK_ACT_BACK, 0};

const lk_view_ops eval_facilitators_view = {
	.name = "eval-facilitators",
	.label = N_("Facilitators' own evaluations"),
	.state_size = sizeof(fac_state),
	.actions = fac_actions,
	.hints = fac_hints,
	.open = fac_open,
	.done = fac_done,
	.title = fac_title,
	.reload = fac_reload,
	.list = fac_list,
	.draw = fac_draw,
	.request = fac_request,
};

/* ---- writing one ---- */

typedef struct fform_state {
	lk_form form; /* first: the shared form helpers read it */
	lk_eval_fac_ref ref;
	int64_t version; /* 0: a new one */
	char *name;
} fform_state;

static int person_name(lk_ctx *ctx, int64_t id, char **name, lk_err *err)
{
	lk_person p;
	int rc = person_get(ctx, id, &p, err);
	if (rc == 0 && !(*name = strdup(p.name)))
		rc = lk_fail(err, LK_ENOMEM, _("Out of memory."));
	person_free(&p);
	return rc;
}

static int fform_open(lk_view *v, const void *arg, lk_err *err)
{
	fform_state *s = v->state;
	lk_ctx *ctx = v->ui->ctx;
	lk_facilitator_eval e = {0};
	lk_err got;
	s->ref = *(const lk_eval_fac_ref *)arg;
	if (role_require(ctx, LK_PERM_WRITE_FACILITATOR_EVALUATION, err) < 0)
		return -1;
	if (!may_write(ctx, s->ref.person_id))
		return lk_fail(err, LK_EPERM, "%s", _("You may write only your own evaluation as facilitator."));
	if (person_name(ctx, s->ref.person_id, &s->name, err) < 0)
		return -1;
	int rc = facilitator_eval_get(ctx, s->ref.run_id, s->ref.person_id, &e, &got);
	if (rc < 0 && got.code != LK_ENOTFOUND) {
		facilitator_eval_free(&e);
		*err = got;
		return -1;
	}
	s->version = rc == 0 ? e.version : 0;
	form_init(&s->form);
	rc = form_add_text(&s->form, LK_FIELD_MULTILINE, _("Evaluation"), true, rc == 0 ? e.text : NULL);
	facilitator_eval_free(&e);
	course_form_home(&s->form);
	return rc < 0 ? lk_fail(err, LK_ENOMEM, _("Out of memory.")) : 0;
}

static void fform_done(lk_view *v)
{
	fform_state *s = v->state;
	form_free(&s->form);
	free(s->name);
}

static char *fform_title(lk_view *v)
{
	return uitext_printf(_("Own evaluation by %s"), ((fform_state *)v->state)->name);
}

static void fform_save(lk_view *v)
{
	fform_state *s = v->state;
	lk_err err;
	form_clear_errors(&s->form);
	if (facilitator_eval_set(v->ui->ctx, s->ref.run_id, s->ref.person_id, form_text(&s->form, 0), &s->version, &err) < 0) {
		form_set_error(&s->form, &err);
		ui_status_err(v->ui, &err);
		return;
	}
	ui_status(v->ui, LK_STYLE_OK, _("Saved the evaluation by %s."), s->name);
	ui_pop(v->ui);
}

static bool fform_request(lk_view *v, lk_action a)
{
	return course_form_request(v, a, fform_save);
}

/* Draws a line of guidance above the field. */
static void fform_draw(lk_view *v, lk_rect r)
{
	screen_wrap(v->ui, (lk_rect){r.y + 1, r.x + 1, 2, r.w - 2},
		_("What went well, what was hard, what should change next time: for the evaluation meeting."), LK_STYLE_DIM);
	form_draw(&((fform_state *)v->state)->form, v->ui, (lk_rect){r.y + 4, r.x + 1, r.h - 4, r.w - 2});
}

const lk_view_ops eval_facilitator_form_view = {
	.name = "eval-facilitator-form",
	.label = N_("Own evaluation"),
	.state_size = sizeof(fform_state),
	.actions = form_actions,
	.hints = form_hints,
	.text_entry = true,
	.open = fform_open,
	.done = fform_done,
	.title = fform_title,
	.draw = fform_draw,
	.request = fform_request,
	.input = course_form_input,
};
