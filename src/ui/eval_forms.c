/*
 * eval_forms.c — the forms entered for a run (eval_forms_view), in the
 * order they were typed in, a page at a time: Enter corrects one in the
 * fast entry screen (response_update, versioned), a enters new ones, d
 * deletes one (asks first). The forms are anonymous: a row says when,
 * by which login and how many questions were answered, nothing more.
 */
#include "lmskurs/ui/eval.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/i18n.h"
#include "lmskurs/response.h"
#include "lmskurs/ui/dialog.h"
#include "lmskurs/ui/uitext.h"

typedef struct form_row {
	int64_t id, version;
	char no[16], answers[16];
	char when[64];
	char *by;
	const char *source;
} form_row;

typedef struct forms_state {
	lk_ctx *ctx;
	int64_t run_id;
	char *run_label;
	lk_list list;
} forms_state;

static void form_row_free(void *row)
{
	form_row *r = row;
	free(r->by);
	free(r);
}

static form_row *form_row_new(const lk_response *r, int64_t index)
{
	form_row *row = calloc(1, sizeof *row);
	if (!row || !(row->by = strdup(r->entered_by ? r->entered_by : ""))) {
		free(row);
		return NULL;
	}
	row->id = r->id;
	row->version = r->version;
	snprintf(row->no, sizeof row->no, "%lld", (long long)index + 1);
	snprintf(row->answers, sizeof row->answers, "%d", r->n_answers);
	eval_stamp_text(r->entered_at, true, row->when);
	row->source = response_source_label(r->source);
	return row;
}

static int64_t forms_count(lk_list *l, lk_err *err)
{
	forms_state *s = l->arg;
	return response_count(s->ctx, s->run_id, err);
}

struct fetch_ctx {
	lk_list *l;
	int64_t index;
	lk_err *err;
	int rc;
};

static int form_one(void *arg, const lk_response *r)
{
	struct fetch_ctx *fc = arg;
	form_row *row = form_row_new(r, fc->index++);
	fc->rc = row ? list_add_row(fc->l, row, fc->err) : lk_fail(fc->err, LK_ENOMEM, _("Out of memory."));
	return fc->rc < 0;
}

static int forms_fetch(lk_list *l, lk_page page, lk_err *err)
{
	forms_state *s = l->arg;
	struct fetch_ctx fc = {l, page.offset, err, 0};
	if (response_list(s->ctx, s->run_id, page, form_one, &fc, err) < 0)
		return -1;
	return fc.rc;
}

static int64_t form_row_id(const void *row)
{
	return ((const form_row *)row)->id;
}

static lk_style form_cells(const void *row, const char **cells)
{
	const form_row *r = row;
	cells[0] = r->no;
	cells[1] = r->when;
	cells[2] = r->by;
	cells[3] = r->answers;
	cells[4] = r->source;
	return LK_STYLE_NORMAL;
}

static const lk_column form_cols[] = {
	{N_("Form"), 4, 0},
	{N_("Entered"), 26, 0},
	{N_("By"), 6, 2},
	{N_("Answers"), 7, 0},
	{N_("Came as"), 0, 1},
};

static const lk_list_ops forms_list_ops = {
	.cols = form_cols, .ncols = 5,
	.count = forms_count, .fetch = forms_fetch, .row_free = form_row_free,
	.row_id = form_row_id, .row_cells = form_cells,
	.empty_text = N_("No forms entered yet: press a to type in the first."),
};

static int forms_open(lk_view *v, const void *arg, lk_err *err)
{
	forms_state *s = v->state;
	lk_run r;
	s->ctx = v->ui->ctx;
	s->run_id = *(const int64_t *)arg;
	if (role_require(s->ctx, LK_PERM_ENTER_RESPONSES, err) < 0)
		return -1;
	if (run_get(s->ctx, s->run_id, &r, err) < 0) {
		run_free(&r);
		return -1;
	}
	s->run_label = eval_run_label(&r);
	run_free(&r);
	list_init(&s->list, &forms_list_ops, s);
	return list_reload(&s->list, err);
}

static void forms_done(lk_view *v)
{
	forms_state *s = v->state;
	list_fini(&s->list);
	free(s->run_label);
}

static int forms_reload(lk_view *v, lk_err *err)
{
	return list_reload(&((forms_state *)v->state)->list, err);
}

static lk_list *forms_list(lk_view *v)
{
	return &((forms_state *)v->state)->list;
}

static char *forms_title(lk_view *v)
{
	forms_state *s = v->state;
	return uitext_printf(ngettext("Forms entered: %s · %lld form", "Forms entered: %s · %lld forms",
		(unsigned long)s->list.total), s->run_label, (long long)s->list.total);
}

static void forms_delete(lk_view *v, const form_row *r)
{
	forms_state *s = v->state;
	char *q = uitext_printf(_("Delete form %s (entered %s by %s, %s answers)? Its answers go with it and leave the results."),
		r->no, r->when, r->by, r->answers);
	int64_t id = r->id, version = r->version;
	lk_err err;
	if (!q || !dialog_confirm(v->ui, _("Delete form"), q))
		ui_status(v->ui, LK_STYLE_NORMAL, "%s", _("Nothing was deleted."));
	else if (response_delete(s->ctx, id, version, &err) < 0)
		dialog_error(v->ui, _("Not deleted"), err.msg);
	else
		ui_status(v->ui, LK_STYLE_OK, "%s", _("Deleted the form."));
	free(q);
	if (list_reload(&s->list, &err) < 0)
		ui_status_err(v->ui, &err);
}

static bool forms_request(lk_view *v, lk_action a)
{
	forms_state *s = v->state;
	const form_row *r = list_selected(&s->list);
	lk_eval_entry_ref ref = {s->run_id, 0};
	switch (a) {
	case LK_ACT_ADD: ui_push(v->ui, &eval_entry_view, &ref, NULL); return true;
	case LK_ACT_OPEN: case LK_ACT_EDIT: case LK_ACT_DELETE: break;
	default: return false;
	}
	if (!r)
		ui_status(v->ui, LK_STYLE_WARNING, "%s", _("No form is selected."));
	else if (a == LK_ACT_DELETE)
		forms_delete(v, r);
	else {
		ref.response_id = r->id;
		ui_push(v->ui, &eval_entry_view, &ref, NULL);
	}
	return true;
}

static const lk_action forms_actions[] = {
	LK_ACT_MOVE_UP, LK_ACT_MOVE_DOWN, LK_ACT_PAGE_UP, LK_ACT_PAGE_DOWN, LK_ACT_MOVE_FIRST,
	LK_ACT_MOVE_LAST, LK_ACT_OPEN, LK_ACT_BACK, LK_ACT_ADD, LK_ACT_EDIT, LK_ACT_DELETE, 0,
};
static const lk_action forms_hints[] = {LK_ACT_OPEN, LK_ACT_ADD, LK_ACT_DELETE, LK_ACT_BACK, 0};

const lk_view_ops eval_forms_view = {
	.name = "eval-forms",
	.label = N_("Entered forms"),
	.state_size = sizeof(forms_state),
	.actions = forms_actions,
	.hints = forms_hints,
	.open = forms_open,
	.done = forms_done,
	.title = forms_title,
	.reload = forms_reload,
	.list = forms_list,
	.request = forms_request,
};
