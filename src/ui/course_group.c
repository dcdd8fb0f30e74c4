/*
 * course_group.c — the Planning group tab: who plans the course, each with
 * kind and profession or organisation, and a line saying in words whether
 * both professionals and user representatives are in it (the planning
 * gate needs both). a adds through the person picker, d removes (asks).
 */
#include <stdlib.h>
#include <string.h>

#include "lmskurs/i18n.h"
#include "lmskurs/ui/courses.h"
#include "lmskurs/ui/dialog.h"
#include "lmskurs/ui/uitext.h"

/* ---- the list: the group is small and streamed whole by the core, so a
 * page is cut from the stream ---- */

static void member_row_free(void *row)
{
	course_member_free(row);
	free(row);
}

static char *dup_or_empty(const char *s)
{
	return strdup(s ? s : "");
}

static lk_member *member_copy(const lk_member *m)
{
	lk_member *c = calloc(1, sizeof *c);
	if (!c)
		return NULL;
	*c = *m;
	c->name = dup_or_empty(m->name);
	c->profession = dup_or_empty(m->profession);
	c->organisation = dup_or_empty(m->organisation);
	c->role_note = dup_or_empty(m->role_note);
	if (c->name && c->profession && c->organisation && c->role_note)
		return c;
	member_row_free(c);
	return NULL;
}

static int64_t group_count(lk_list *l, lk_err *err)
{
	int64_t prof, rep;
	if (course_group_balance(course_page_ctx(l), ((lk_course_page *)l->arg)->id, &prof, &rep, err) < 0)
		return -1;
	return prof + rep;
}

struct page_cut {
	lk_list *l;
	lk_page page;
	int64_t i;
	lk_err *err;
	int rc;
};

static int member_one(void *arg, const lk_member *m)
{
	struct page_cut *pc = arg;
	int64_t i = pc->i++;
	if (i < pc->page.offset)
		return 0;
	if (i >= pc->page.offset + pc->page.limit)
		return 1;
	lk_member *c = member_copy(m);
	pc->rc = c ? list_add_row(pc->l, c, pc->err) : lk_fail(pc->err, LK_ENOMEM, _("Out of memory."));
	return pc->rc < 0;
}

static int group_fetch(lk_list *l, lk_page page, lk_err *err)
{
	struct page_cut pc = {l, page, 0, err, 0};
	if (course_member_list(course_page_ctx(l), ((lk_course_page *)l->arg)->id, member_one, &pc, err) < 0)
		return -1;
	return pc.rc;
}

static int64_t member_row_id(const void *row)
{
	return ((const lk_member *)row)->person_id;
}

/* Professionals show their profession, user representatives their
 * organisation; whichever is empty falls back to the other. */
static const char *member_work(const lk_member *m)
{
	const char *first = m->kind == LK_PROFESSIONAL ? m->profession : m->organisation;
	const char *other = m->kind == LK_PROFESSIONAL ? m->organisation : m->profession;
	return *first ? first : other;
}

static lk_style member_cells(const void *row, const char **cells)
{
	const lk_member *m = row;
	cells[0] = m->name;
	cells[1] = person_kind_label(m->kind);
	cells[2] = member_work(m);
	cells[3] = m->active ? m->role_note : _("inactive");
	return m->active ? LK_STYLE_NORMAL : LK_STYLE_DIM;
}

/* "Role" is the member's role in this group ("kurseier"): a short title,
 * and room for a short note even on a narrow terminal. */
static const lk_column member_cols[] = {
	{N_("Name"), 14, 2},
	{N_("Kind"), 19, 0},
	{N_("Profession / organisation"), 10, 2},
	{N_("Role"), 8, 2},
};

static const lk_list_ops group_list_ops = {
	.cols = member_cols, .ncols = 4,
	.count = group_count, .fetch = group_fetch, .row_free = member_row_free,
	.row_id = member_row_id, .row_cells = member_cells,
	.empty_text = N_("Nobody plans this course yet: press a to add a professional or a user representative."),
};

/* ---- the tab ---- */

static int group_reload(lk_course_page *p, lk_err *err)
{
	return course_group_balance(p->ui->ctx, p->id, &p->n_prof, &p->n_rep, err);
}

/* "Professionals: 2, user representatives: 0 — a user representative is
 * missing." Newly allocated; *missing tells whether a kind is missing. */
static char *balance_text(const lk_course_page *p, bool *missing)
{
	const char *what = p->n_prof == 0 && p->n_rep == 0 ? _("a professional and a user representative are missing")
		: p->n_prof == 0 ? _("a professional is missing")
		: p->n_rep == 0 ? _("a user representative is missing")
		: _("both kinds are in the group");
	*missing = p->n_prof == 0 || p->n_rep == 0;
	return uitext_printf(_("%sProfessionals: %lld, user representatives: %lld — %s."), *missing ? "! " : "",
		(long long)p->n_prof, (long long)p->n_rep, what);
}

static void group_draw(lk_course_page *p, lk_rect r)
{
	bool missing;
	char *t = balance_text(p, &missing);
	int n = screen_wrap(p->ui, (lk_rect){r.y, r.x, 2, r.w}, t ? t : "", missing ? LK_STYLE_WARNING : LK_STYLE_OK);
	free(t);
	n = n > 2 ? 2 : n;
	ui_draw_list(p->ui, &p->list, (lk_rect){r.y + n + 1, r.x, r.h - n - 1, r.w});
}

static void group_add(lk_course_page *p)
{
	int64_t id;
	char *name = NULL;
	lk_err err;
	if (!courses_may_edit(p->ui) || !dialog_pick_person(p->ui, _("Add to the planning group"), -1, &id, &name))
		return;
	bool added = course_member_add(p->ui->ctx, p->id, id, NULL, &err) == 0;
	if (!added)
		course_refused(p->ui, _("Not added"), &err);
	else
		ui_status(p->ui, LK_STYLE_OK, _("Added %s to the planning group."), name);
	free(name);
	course_page_reload(p);
	/* The cursor goes to the one just added. */
	if (added && !list_select_id(&p->list, id, &err) && err.code)
		ui_status_err(p->ui, &err);
}

static void group_remove(lk_course_page *p, const lk_member *m)
{
	char *name = strdup(m->name);
	int64_t id = m->person_id;
	char *q = uitext_printf(_("Remove %s from the planning group? They stay in People, and the meetings they attended keep them."), m->name);
	lk_err err;
	if (name && q && dialog_confirm(p->ui, _("Remove from the planning group"), q)) {
		if (course_member_remove(p->ui->ctx, p->id, id, &err) < 0)
			course_refused(p->ui, _("Not removed"), &err);
		else
			ui_status(p->ui, LK_STYLE_OK, _("Removed %s from the planning group."), name);
		course_page_reload(p);
	} else {
		ui_status(p->ui, LK_STYLE_NORMAL, "%s", _("Nothing was removed."));
	}
	free(q);
	free(name);
}

static bool group_request(lk_course_page *p, lk_action a)
{
	const lk_member *m = list_selected(&p->list);
	if (a == LK_ACT_ADD)
		group_add(p);
	else if (a != LK_ACT_DELETE)
		return false;
	else if (!m)
		ui_status(p->ui, LK_STYLE_WARNING, "%s", _("Nobody is selected."));
	else if (courses_may_edit(p->ui))
		group_remove(p, m);
	return true;
}

static const lk_action group_actions[] = {
	LK_ACT_MOVE_UP, LK_ACT_MOVE_DOWN, LK_ACT_PAGE_UP, LK_ACT_PAGE_DOWN,
	LK_ACT_MOVE_FIRST, LK_ACT_MOVE_LAST, LK_ACT_ADD, LK_ACT_DELETE, 0,
};
static const lk_action group_hints[] = {LK_ACT_ADD, LK_ACT_DELETE, 0};

const lk_course_tab course_tab_group = {
	.label = N_("Planning group"),
	.list_ops = &group_list_ops,
	.actions = group_actions,
	.hints = group_hints,
	.reload = group_reload,
	.draw = group_draw,
	.request = group_request,
};
