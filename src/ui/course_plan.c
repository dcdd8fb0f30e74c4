/*
 * course_plan.c — the Session plan tab: the parts in order with topic,
 * length and which kind of facilitator each needs, the total time; a/e/d
 * and K/J to move a part up or down. Also the part form.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/i18n.h"
#include "lmskurs/role.h"
#include "lmskurs/ui/courses.h"
#include "lmskurs/ui/dialog.h"
#include "lmskurs/ui/form.h"
#include "lmskurs/ui/uitext.h"

/* ---- the list: a plan is short and streamed whole by the core ---- */

typedef struct part_row {
	lk_course_part part;
	char pos[16], len[32];
} part_row;

static void part_row_free(void *row)
{
	part_row *r = row;
	course_part_free(&r->part);
	free(r);
}

/* "1 h 30 min", "45 min", "2 h". */
static void minutes_text(int64_t m, char *buf, size_t size)
{
	if (m < 60)
		snprintf(buf, size, _("%lld min"), (long long)m);
	else if (m % 60 == 0)
		snprintf(buf, size, _("%lld h"), (long long)(m / 60));
	else
		snprintf(buf, size, _("%lld h %lld min"), (long long)(m / 60), (long long)(m % 60));
}

static part_row *part_row_new(const lk_course_part *p)
{
	part_row *r = calloc(1, sizeof *r);
	if (!r)
		return NULL;
	r->part = *p;
	r->part.topic = strdup(p->topic ? p->topic : "");
	r->part.description = strdup(p->description ? p->description : "");
	snprintf(r->pos, sizeof r->pos, "%d", p->position);
	minutes_text(p->minutes, r->len, sizeof r->len);
	if (r->part.topic && r->part.description)
		return r;
	part_row_free(r);
	return NULL;
}

struct plan_walk {
	lk_list *l;
	lk_page page;
	int64_t i, minutes;
	lk_err *err;
	int rc;
};

static int part_count_one(void *arg, const lk_course_part *p)
{
	struct plan_walk *w = arg;
	w->i++;
	w->minutes += p->minutes;
	return 0;
}

static int64_t plan_count(lk_list *l, lk_err *err)
{
	struct plan_walk w = {0};
	if (course_part_list(course_page_ctx(l), ((lk_course_page *)l->arg)->id, part_count_one, &w, err) < 0)
		return -1;
	return w.i;
}

static int part_one(void *arg, const lk_course_part *p)
{
	struct plan_walk *w = arg;
	int64_t i = w->i++;
	if (i < w->page.offset)
		return 0;
	if (i >= w->page.offset + w->page.limit)
		return 1;
	part_row *r = part_row_new(p);
	w->rc = r ? list_add_row(w->l, r, w->err) : lk_fail(w->err, LK_ENOMEM, _("Out of memory."));
	return w->rc < 0;
}

static int plan_fetch(lk_list *l, lk_page page, lk_err *err)
{
	struct plan_walk w = {.l = l, .page = page, .err = err};
	if (course_part_list(course_page_ctx(l), ((lk_course_page *)l->arg)->id, part_one, &w, err) < 0)
		return -1;
	return w.rc;
}

static int64_t part_row_id(const void *row)
{
	return ((const part_row *)row)->part.id;
}

static lk_style part_cells(const void *row, const char **cells)
{
	const part_row *r = row;
	cells[0] = r->pos;
	cells[1] = r->part.topic;
	cells[2] = r->len;
	cells[3] = course_part_needs_label(r->part.needs);
	return LK_STYLE_NORMAL;
}

static const lk_column part_cols[] = {
	{N_("No."), 3, 0},
	{N_("Topic"), 16, 3},
	{N_("Length"), 10, 0},
	{N_("Needs"), 12, 3},
};

static const lk_list_ops plan_list_ops = {
	.cols = part_cols, .ncols = 4,
	.count = plan_count, .fetch = plan_fetch, .row_free = part_row_free,
	.row_id = part_row_id, .row_cells = part_cells,
	.empty_text = N_("The session plan is empty: press a to add its first part (topic and length)."),
};

/* ---- the tab ---- */

static int plan_reload(lk_course_page *p, lk_err *err)
{
	struct plan_walk w = {0};
	if (course_part_list(p->ui->ctx, p->id, part_count_one, &w, err) < 0)
		return -1;
	p->n_parts = w.i;
	p->minutes = w.minutes;
	return 0;
}

static void plan_draw(lk_course_page *p, lk_rect r)
{
	char len[32];
	minutes_text(p->minutes, len, sizeof len);
	char *t = uitext_printf(ngettext("%lld part, %s in all.", "%lld parts, %s in all.",
		(unsigned long)p->n_parts), (long long)p->n_parts, len);
	screen_text(p->ui, r.y, r.x, r.w, t ? t : "", LK_STYLE_NORMAL);
	free(t);
	ui_draw_list(p->ui, &p->list, (lk_rect){r.y + 2, r.x, r.h - 2, r.w});
}

static void plan_delete(lk_course_page *p, const part_row *r)
{
	char *q = uitext_printf(_("Delete part %d, \"%s\", from the session plan? The parts after it move up one. Runs already scheduled keep their sessions."),
		r->part.position, r->part.topic);
	char *topic = strdup(r->part.topic);
	int64_t id = r->part.id, version = r->part.version;
	lk_err err;
	if (q && topic && dialog_confirm(p->ui, _("Delete part"), q)) {
		if (course_part_delete(p->ui->ctx, id, version, &err) < 0)
			course_refused(p->ui, _("Not deleted"), &err);
		else
			ui_status(p->ui, LK_STYLE_OK, _("Deleted the part %s."), topic);
		course_page_reload(p);
	} else {
		ui_status(p->ui, LK_STYLE_NORMAL, "%s", _("Nothing was deleted."));
	}
	free(q);
	free(topic);
}

/* Moves the selected part and the cursor with it. */
static void plan_move(lk_course_page *p, const part_row *r, int step)
{
	lk_err err;
	if (course_part_move(p->ui->ctx, r->part.id, r->part.version, step, &err) < 0) {
		ui_status_err(p->ui, &err);
		course_page_reload(p);
		return;
	}
	int64_t to = p->list.cursor + step;
	course_page_reload(p);
	if (list_move_to(&p->list, to, &err) < 0)
		ui_status_err(p->ui, &err);
}

static bool plan_request(lk_course_page *p, lk_action a)
{
	const part_row *r = list_selected(&p->list);
	lk_course_item_ref ref = {p->id, 0};
	switch (a) {
	case LK_ACT_ADD:
		if (courses_may_edit(p->ui))
			ui_push(p->ui, &course_part_form_view, &ref, NULL);
		return true;
	case LK_ACT_OPEN: case LK_ACT_EDIT: case LK_ACT_DELETE: case LK_ACT_ITEM_UP: case LK_ACT_ITEM_DOWN: break;
	default: return false;
	}
	if (!r)
		ui_status(p->ui, LK_STYLE_WARNING, "%s", _("No part is selected."));
	else if (!courses_may_edit(p->ui))
		return true;
	else if (a == LK_ACT_OPEN || a == LK_ACT_EDIT)
		ref.id = r->part.id, ui_push(p->ui, &course_part_form_view, &ref, NULL);
	else if (a == LK_ACT_DELETE)
		plan_delete(p, r);
	else
		plan_move(p, r, a == LK_ACT_ITEM_UP ? -1 : 1);
	return true;
}

static const lk_action plan_actions[] = {
	LK_ACT_MOVE_UP, LK_ACT_MOVE_DOWN, LK_ACT_PAGE_UP, LK_ACT_PAGE_DOWN,
	LK_ACT_MOVE_FIRST, LK_ACT_MOVE_LAST, LK_ACT_OPEN, LK_ACT_ADD, LK_ACT_EDIT, LK_ACT_DELETE,
	LK_ACT_ITEM_UP, LK_ACT_ITEM_DOWN, 0,
};
static const lk_action plan_hints[] = {
	LK_ACT_ADD, LK_ACT_EDIT, LK_ACT_DELETE, LK_ACT_ITEM_UP, LK_ACT_ITEM_DOWN, 0,
};

const lk_course_tab course_tab_plan = {
	.label = N_("Session plan"),
	.list_ops = &plan_list_ops,
	.actions = plan_actions,
	.hints = plan_hints,
	.reload = plan_reload,
	.draw = plan_draw,
	.request = plan_request,
};

/* ---- the part form ---- */

enum { F_TOPIC, F_MINUTES, F_NEEDS, F_DESCRIPTION };

typedef struct part_form {
	lk_form form; /* first: the shared helpers read it */
	lk_course_part part; /* as read; id 0 while adding */
	const char *needs[LK_NEEDS_COUNT];
} part_form;

static int part_form_build(part_form *s)
{
	char minutes[16] = "";
	if (s->part.minutes)
		snprintf(minutes, sizeof minutes, "%d", s->part.minutes);
	for (int i = 0; i < LK_NEEDS_COUNT; i++)
		s->needs[i] = course_part_needs_label((lk_part_needs)i);
	lk_form *f = &s->form;
	form_init(f);
	bool ok = form_add_text(f, LK_FIELD_TEXT, _("Topic"), true, s->part.topic) == F_TOPIC &&
		form_add_text(f, LK_FIELD_NUMBER, _("Minutes"), true, minutes) == F_MINUTES &&
		form_add_choice(f, _("Needs"), s->needs, LK_NEEDS_COUNT, s->part.needs) == F_NEEDS &&
		form_add_text(f, LK_FIELD_MULTILINE, _("Description"), false, s->part.description) == F_DESCRIPTION;
	course_form_home(f);
	return ok ? 0 : -1;
}

static int part_form_open(lk_view *v, const void *arg, lk_err *err)
{
	part_form *s = v->state;
	const lk_course_item_ref *ref = arg;
	if (role_require(v->ui->ctx, LK_PERM_EDIT_PLAN, err) < 0 ||
	    (ref->id && course_part_get(v->ui->ctx, ref->id, &s->part, err) < 0))
		return -1;
	s->part.course_id = ref->course_id;
	return part_form_build(s) < 0 ? lk_fail(err, LK_ENOMEM, _("Out of memory.")) : 0;
}

static void part_form_done(lk_view *v)
{
	part_form *s = v->state;
	form_free(&s->form);
	course_part_free(&s->part);
}

static char *part_form_title(lk_view *v)
{
	part_form *s = v->state;
	return s->part.id ? uitext_printf(_("Edit part %d: %s"), s->part.position, s->part.topic)
	                  : uitext_printf("%s", _("New part of the session plan"));
}

/* After a part was added (at the end of the plan): the cursor goes to it
 * when the view below shows the plan. */
static void select_added(lk_ui *ui, int64_t id)
{
	lk_view *top = ui_top(ui);
	lk_list *l = top && top->ops->list ? top->ops->list(top) : NULL;
	lk_err err;
	lk_err_clear(&err);
	if (!l || l->ops != &plan_list_ops || l->total == 0)
		return;
	if (list_move_to(l, l->total - 1, &err) == 0)
		list_select_id(l, id, &err);
	if (err.code)
		ui_status_err(ui, &err);
}

static void part_form_save(lk_view *v)
{
	part_form *s = v->state;
	lk_err err;
	long minutes;
	form_clear_errors(&s->form);
	if (form_number(&s->form, F_MINUTES, LK_PART_MINUTES_MIN, LK_PART_MINUTES_MAX, &minutes, NULL, &err) < 0) {
		ui_status_err(v->ui, &err);
		return;
	}
	lk_course_part p = s->part;
	p.topic = (char *)form_text(&s->form, F_TOPIC);
	p.minutes = (int)minutes;
	p.needs = (lk_part_needs)form_choice(&s->form, F_NEEDS);
	p.description = (char *)form_text(&s->form, F_DESCRIPTION);
	int rc = p.id ? course_part_update(v->ui->ctx, &p, &err) : course_part_add(v->ui->ctx, &p, &err);
	if (rc < 0) {
		form_set_error(&s->form, &err);
		ui_status_err(v->ui, &err);
		return;
	}
	ui_status(v->ui, LK_STYLE_OK, s->part.id ? _("Saved the part %s.") : _("Added the part %s."), p.topic);
	lk_ui *ui = v->ui;
	int64_t added = s->part.id ? 0 : p.id;
	ui_pop(ui);
	if (added)
		select_added(ui, added);
}

static bool part_form_request(lk_view *v, lk_action a)
{
	return course_form_request(v, a, part_form_save);
}

/* Warns at once when someone else changed or deleted the part. */
static int part_form_reload(lk_view *v, lk_err *err)
{
	part_form *s = v->state;
	lk_course_part now;
	if (!s->part.id)
		return 0;
	if (course_part_get(v->ui->ctx, s->part.id, &now, err) < 0) {
		lk_err_prefix(err, "%s", _("Someone else deleted this part meanwhile"));
		form_set_error(&s->form, err);
		return 0;
	}
	bool moved = now.version != s->part.version;
	course_part_free(&now);
	if (moved) {
		lk_fail(err, LK_ECONFLICT, "%s", _("Someone else changed this part meanwhile; saving will be refused. Esc and open it again to see the change."));
		form_set_error(&s->form, err);
	}
	return 0;
}

const lk_view_ops course_part_form_view = {
	.name = "course-part-form",
	.label = N_("Part form"),
	.state_size = sizeof(part_form),
	.actions = form_actions,
	.hints = form_hints,
	.text_entry = true,
	.open = part_form_open,
	.done = part_form_done,
	.title = part_form_title,
	.reload = part_form_reload,
	.draw = course_form_draw,
	.request = part_form_request,
	.input = course_form_input,
};
