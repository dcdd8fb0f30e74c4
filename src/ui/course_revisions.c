/*
 * course_revisions.c — the Revisions tab: the course's revision log,
 * newest first, with the selected entry in full below the list; a adds
 * (which plan element, what changed, why), d deletes (asks).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/i18n.h"
#include "lmskurs/revision.h"
#include "lmskurs/role.h"
#include "lmskurs/ui/courses.h"
#include "lmskurs/ui/dialog.h"
#include "lmskurs/ui/form.h"
#include "lmskurs/ui/uitext.h"

/* ---- the list ---- */

typedef struct revision_row {
	lk_revision r;
	char day[48];
} revision_row;

static void revision_row_free(void *row)
{
	revision_row *rr = row;
	revision_free(&rr->r);
	free(rr);
}

static char *dup_or_empty(const char *s)
{
	return strdup(s ? s : "");
}

/* The day of "2027-01-10T09:00:00" as a listed date. */
static void day_of(const char *at, char buf[static 48])
{
	char head[11] = "";
	lk_date d;
	lk_err err;
	snprintf(head, sizeof head, "%s", at ? at : "");
	if (date_parse(head, &d, &err) == 0)
		uitext_date(d, buf);
	else
		snprintf(buf, 48, "%s", head);
}

static revision_row *revision_row_new(const lk_revision *r)
{
	revision_row *rr = calloc(1, sizeof *rr);
	if (!rr)
		return NULL;
	rr->r = *r;
	rr->r.change = dup_or_empty(r->change);
	rr->r.why = dup_or_empty(r->why);
	rr->r.login = dup_or_empty(r->login);
	rr->r.at = dup_or_empty(r->at);
	day_of(r->at, rr->day);
	if (rr->r.change && rr->r.why && rr->r.login && rr->r.at)
		return rr;
	revision_row_free(rr);
	return NULL;
}

static int64_t revisions_count(lk_list *l, lk_err *err)
{
	return revision_count(course_page_ctx(l), ((lk_course_page *)l->arg)->id, err);
}

struct fetch_ctx {
	lk_list *l;
	lk_err *err;
	int rc;
};

static int revision_one(void *arg, const lk_revision *r)
{
	struct fetch_ctx *fc = arg;
	revision_row *rr = revision_row_new(r);
	fc->rc = rr ? list_add_row(fc->l, rr, fc->err) : lk_fail(fc->err, LK_ENOMEM, _("Out of memory."));
	return fc->rc < 0;
}

static int revisions_fetch(lk_list *l, lk_page page, lk_err *err)
{
	struct fetch_ctx fc = {l, err, 0};
	if (revision_list(course_page_ctx(l), ((lk_course_page *)l->arg)->id, page, revision_one, &fc, err) < 0)
		return -1;
	return fc.rc;
}

static int64_t revision_row_id(const void *row)
{
	return ((const revision_row *)row)->r.id;
}

static lk_style revision_cells(const void *row, const char **cells)
{
	const revision_row *rr = row;
	cells[0] = rr->day;
	cells[1] = revision_element_label(rr->r.element);
	cells[2] = rr->r.change;
	cells[3] = rr->r.login;
	return LK_STYLE_NORMAL;
}

static const lk_column revision_cols[] = {
	{N_("Date"), 20, 0},
	{N_("Plan element"), 12, 1},
	{N_("Change"), 12, 4},
	{N_("By"), 0, 1},
};

static const lk_list_ops revisions_list_ops = {
	.cols = revision_cols, .ncols = 4,
	.count = revisions_count, .fetch = revisions_fetch, .row_free = revision_row_free,
	.row_id = revision_row_id, .row_cells = revision_cells,
	.empty_text = N_("No revisions yet: press a to write down a change to the course and why."),
};

/* ---- the tab ---- */

/* The selected entry in full: what changed and why. */
static void draw_selected(lk_course_page *p, lk_rect r)
{
	const revision_row *rr = list_selected(&p->list);
	if (!rr || r.h < 2)
		return;
	char *t = uitext_printf(_("Change: %s\nWhy: %s"), rr->r.change, *rr->r.why ? rr->r.why : _("(not written)"));
	screen_wrap(p->ui, r, t ? t : "", LK_STYLE_NORMAL);
	free(t);
}

static void revisions_draw(lk_course_page *p, lk_rect r)
{
	int want = (int)(p->list.total > 0 ? p->list.total : 1) + 1;
	int list_h = want < r.h / 2 ? want : r.h / 2;
	if (list_h < 3)
		list_h = r.h < 3 ? r.h : 3;
	draw_selected(p, (lk_rect){r.y + list_h + 1, r.x, r.h - list_h - 1, r.w});
	ui_draw_list(p->ui, &p->list, (lk_rect){r.y, r.x, list_h, r.w});
}

static void revision_delete_selected(lk_course_page *p, const revision_row *rr)
{
	char *q = uitext_printf(_("Delete the revision of %s (%s) from the log?"), rr->day,
		revision_element_label(rr->r.element));
	int64_t id = rr->r.id, version = rr->r.version;
	lk_err err;
	if (q && dialog_confirm(p->ui, _("Delete revision"), q)) {
		if (revision_delete(p->ui->ctx, id, version, &err) < 0)
			course_refused(p->ui, _("Not deleted"), &err);
		else
			ui_status(p->ui, LK_STYLE_OK, "%s", _("Deleted the revision."));
		course_page_reload(p);
	} else {
		ui_status(p->ui, LK_STYLE_NORMAL, "%s", _("Nothing was deleted."));
	}
	free(q);
}

static bool revisions_request(lk_course_page *p, lk_action a)
{
	const revision_row *rr = list_selected(&p->list);
	if (a == LK_ACT_ADD) {
		if (courses_may_edit(p->ui))
			ui_push(p->ui, &course_revision_form_view, &p->id, NULL);
		return true;
	}
	if (a != LK_ACT_DELETE)
		return false;
	if (!rr)
		ui_status(p->ui, LK_STYLE_WARNING, "%s", _("No revision is selected."));
	else if (courses_may_edit(p->ui))
		revision_delete_selected(p, rr);
	return true;
}

static const lk_action revisions_actions[] = {
	LK_ACT_MOVE_UP, LK_ACT_MOVE_DOWN, LK_ACT_PAGE_UP, LK_ACT_PAGE_DOWN,
	LK_ACT_MOVE_FIRST, LK_ACT_MOVE_LAST, LK_ACT_ADD, LK_ACT_DELETE, 0,
};
static const lk_action revisions_hints[] = {LK_ACT_ADD, LK_ACT_DELETE, 0};

const lk_course_tab course_tab_revisions = {
	.label = N_("Revisions"),
	.list_ops = &revisions_list_ops,
	.actions = revisions_actions,
	.hints = revisions_hints,
	.draw = revisions_draw,
	.request = revisions_request,
};

/* ---- the revision form ---- */

enum { F_ELEMENT, F_CHANGE, F_WHY };

typedef struct revision_form {
	lk_form form; /* first: the shared helpers read it */
	int64_t course_id;
	char *course_title;
	const char *elements[LK_ELEMENT_COUNT];
} revision_form;

static int revision_form_open(lk_view *v, const void *arg, lk_err *err)
{
	revision_form *s = v->state;
	lk_course c;
	if (role_require(v->ui->ctx, LK_PERM_EDIT_PLAN, err) < 0 ||
	    course_get(v->ui->ctx, *(const int64_t *)arg, &c, err) < 0)
		return -1;
	s->course_id = c.id;
	s->course_title = strdup(c.title);
	course_free(&c);
	for (int i = 0; i < LK_ELEMENT_COUNT; i++)
		s->elements[i] = revision_element_label((lk_plan_element)i);
	lk_form *f = &s->form;
	form_init(f);
	bool ok = s->course_title &&
		form_add_choice(f, _("Plan element"), s->elements, LK_ELEMENT_COUNT, 0) == F_ELEMENT &&
		form_add_text(f, LK_FIELD_MULTILINE, _("Change"), true, NULL) == F_CHANGE &&
		form_add_text(f, LK_FIELD_MULTILINE, _("Why"), false, NULL) == F_WHY;
	return ok ? 0 : lk_fail(err, LK_ENOMEM, _("Out of memory."));
}

static void revision_form_done(lk_view *v)
{
	revision_form *s = v->state;
	form_free(&s->form);
	free(s->course_title);
}

static char *revision_form_title(lk_view *v)
{
	return uitext_printf(_("New revision of %s"), ((revision_form *)v->state)->course_title);
}

static void revision_form_save(lk_view *v)
{
	revision_form *s = v->state;
	lk_err err;
	lk_revision r = {
		.course_id = s->course_id,
		.element = (lk_plan_element)form_choice(&s->form, F_ELEMENT),
		.change = (char *)form_text(&s->form, F_CHANGE),
		.why = (char *)form_text(&s->form, F_WHY),
	};
	form_clear_errors(&s->form);
	if (revision_add(v->ui->ctx, &r, &err) < 0) {
		form_set_error(&s->form, &err);
		ui_status_err(v->ui, &err);
		return;
	}
	ui_status(v->ui, LK_STYLE_OK, "%s", _("Added the revision to the log."));
	ui_pop(v->ui);
}

static bool revision_form_request(lk_view *v, lk_action a)
{
	return course_form_request(v, a, revision_form_save);
}

const lk_view_ops course_revision_form_view = {
	.name = "course-revision-form",
	.label = N_("Revision form"),
	.state_size = sizeof(revision_form),
	.actions = form_actions,
	.hints = form_hints,
	.text_entry = true,
	.open = revision_form_open,
	.done = revision_form_done,
	.title = revision_form_title,
	.draw = course_form_draw,
	.request = revision_form_request,
	.input = course_form_input,
};
