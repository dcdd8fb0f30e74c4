#include "lmskurs/ui/people.h"

#include <stdlib.h>
#include <string.h>

#include "lmskurs/i18n.h"
#include "lmskurs/role.h"
#include "lmskurs/ui/dialog.h"
#include "lmskurs/ui/uitext.h"

const char *people_active_label(bool active)
{
	return active ? _("active") : _("inactive");
}

/* ---- the list source ---- */

static lk_person_filter source_filter(const lk_list *l)
{
	const lk_people_source *s = l->arg;
	return (lk_person_filter){.text = l->filter, .kind = s->kind, .include_inactive = s->include_inactive};
}

static int64_t people_count(lk_list *l, lk_err *err)
{
	lk_person_filter f = source_filter(l);
	return person_count(((lk_people_source *)l->arg)->ctx, &f, err);
}

static char *dup_or_empty(const char *s)
{
	return strdup(s ? s : "");
}

/* A deep copy the list can own; NULL when out of memory. */
static lk_person *person_copy(const lk_person *p)
{
	lk_person *c = calloc(1, sizeof *c);
	if (!c)
		return NULL;
	*c = *p;
	c->name = dup_or_empty(p->name);
	c->profession = dup_or_empty(p->profession);
	c->organisation = dup_or_empty(p->organisation);
	c->email = dup_or_empty(p->email);
	c->phone = dup_or_empty(p->phone);
	c->notes = dup_or_empty(p->notes);
	if (c->name && c->profession && c->organisation && c->email && c->phone && c->notes)
		return c;
	person_free(c);
	free(c);
	return NULL;
}

static void person_row_free(void *row)
{
	person_free(row);
	free(row);
}

struct fetch_ctx {
	lk_list *l;
	lk_err *err;
	int rc;
};

static int fetch_one(void *arg, const lk_person *p)
{
	struct fetch_ctx *fc = arg;
	lk_person *c = person_copy(p);
	if (!c)
		fc->rc = lk_fail(fc->err, LK_ENOMEM, _("Out of memory."));
	else
		fc->rc = list_add_row(fc->l, c, fc->err);
	return fc->rc < 0;
}

static int people_fetch(lk_list *l, lk_page page, lk_err *err)
{
	lk_person_filter f = source_filter(l);
	struct fetch_ctx fc = {l, err, 0};
	if (person_list(((lk_people_source *)l->arg)->ctx, &f, page, fetch_one, &fc, err) < 0)
		return -1;
	return fc.rc;
}

static int64_t person_row_id(const void *row)
{
	return ((const lk_person *)row)->id;
}

/* Professionals show their profession, user representatives their
 * organisation; whichever is empty falls back to the other. */
static const char *person_work(const lk_person *p)
{
	const char *first = p->kind == LK_PROFESSIONAL ? p->profession : p->organisation;
	const char *other = p->kind == LK_PROFESSIONAL ? p->organisation : p->profession;
	return first && *first ? first : other ? other : "";
}

static lk_style person_cells(const void *row, const char **cells)
{
	const lk_person *p = row;
	cells[0] = p->name;
	cells[1] = person_kind_label(p->kind);
	cells[2] = person_work(p);
	cells[3] = people_active_label(p->active);
	return p->active ? LK_STYLE_NORMAL : LK_STYLE_DIM;
}

static const lk_column people_cols[] = {
	{N_("Name"), 16, 3},
	{N_("Kind"), 12, 2},
	{N_("Profession / organisation"), 14, 2},
	{N_("Status"), 8, 0},
};

const lk_list_ops people_list_ops = {
	.cols = people_cols, .ncols = 4,
	.count = people_count, .fetch = people_fetch, .row_free = person_row_free,
	.row_id = person_row_id, .row_cells = person_cells,
	.empty_text = N_("No people yet: press a to add the first."),
	.no_match_text = N_("Nobody matches the filter; Esc clears it."),
};

/* ---- deleting ---- */

/* "Delete X? Booked for: …" from the person's usage; newly allocated. */
static char *delete_question(const char *name, const lk_person_usage *u)
{
	if (u->sessions + u->planning_groups + u->meetings == 0)
		return uitext_printf(_("Delete %s? They are booked for nothing: no sessions, planning groups or meetings."), name);
	char *sessions = uitext_printf(ngettext("%lld session as facilitator (%lld still to come)",
		"%lld sessions as facilitator (%lld still to come)", (unsigned long)u->sessions),
		(long long)u->sessions, (long long)u->future_sessions);
	char *groups = uitext_printf(ngettext("%lld planning group", "%lld planning groups",
		(unsigned long)u->planning_groups), (long long)u->planning_groups);
	char *meetings = uitext_printf(ngettext("%lld meeting", "%lld meetings",
		(unsigned long)u->meetings), (long long)u->meetings);
	char *q = uitext_printf(_("Delete %s? Booked for: %s, %s, %s. A booked person cannot be deleted; mark them inactive instead."),
		name, sessions ? sessions : "", groups ? groups : "", meetings ? meetings : "");
	free(sessions);
	free(groups);
	free(meetings);
	return q;
}

bool people_delete(lk_ui *ui, int64_t id, int64_t version, const char *name)
{
	lk_err err;
	lk_person_usage u;
	if (role_require(ui->ctx, LK_PERM_EDIT_PLAN, &err) < 0 || person_usage(ui->ctx, id, &u, &err) < 0) {
		ui_status_err(ui, &err);
		return false;
	}
	char *q = delete_question(name, &u);
	bool yes = q && dialog_confirm(ui, _("Delete person"), q);
	free(q);
	if (!yes) {
		ui_status(ui, LK_STYLE_NORMAL, "%s", _("Nothing was deleted."));
		return false;
	}
	if (person_delete(ui->ctx, id, version, &err) < 0) {
		dialog_error(ui, _("Not deleted"), err.msg);
		return false;
	}
	ui_status(ui, LK_STYLE_OK, _("Deleted %s."), name);
	return true;
}

/* ---- the People view ---- */

typedef struct people_state {
	lk_people_source src;
	lk_list list;
} people_state;

static int people_open(lk_view *v, const void *arg, lk_err *err)
{
	(void)arg;
	people_state *s = v->state;
	s->src = (lk_people_source){.ctx = v->ui->ctx, .kind = -1, .include_inactive = true};
	list_init(&s->list, &people_list_ops, &s->src);
	return list_reload(&s->list, err);
}

static void people_done(lk_view *v)
{
	list_fini(&((people_state *)v->state)->list);
}

static int people_reload(lk_view *v, lk_err *err)
{
	return list_reload(&((people_state *)v->state)->list, err);
}

static lk_list *people_list(lk_view *v)
{
	return &((people_state *)v->state)->list;
}

static char *people_title(lk_view *v)
{
	const lk_list *l = people_list(v);
	if (l->filter)
		return uitext_printf(_("People: %lld matching \"%s\""), (long long)l->total, l->filter);
	return uitext_printf(ngettext("People: %lld person", "People: %lld people", (unsigned long)l->total),
		(long long)l->total);
}

/* Refuses early (status line) what the role may not do, so nobody fills
 * in a form only to have it refused. */
static bool may_edit(lk_ui *ui)
{
	lk_err err;
	if (role_require(ui->ctx, LK_PERM_EDIT_PLAN, &err) == 0)
		return true;
	ui_status_err(ui, &err);
	return false;
}

static void people_delete_selected(lk_view *v)
{
	people_state *s = v->state;
	const lk_person *p = list_selected(&s->list);
	char *name = strdup(p->name);
	int64_t id = p->id, version = p->version;
	lk_err err;
	if (name && people_delete(v->ui, id, version, name) && list_reload(&s->list, &err) < 0)
		ui_status_err(v->ui, &err);
	free(name);
}

static bool people_request(lk_view *v, lk_action a)
{
	people_state *s = v->state;
	const lk_person *p = list_selected(&s->list);
	switch (a) {
	case LK_ACT_ADD:
		if (may_edit(v->ui))
			ui_push(v->ui, &person_form_view, NULL, NULL);
		return true;
	case LK_ACT_OPEN: case LK_ACT_EDIT: case LK_ACT_DELETE: break;
	default: return false;
	}
	if (!p)
		ui_status(v->ui, LK_STYLE_WARNING, "%s", _("Nobody is selected."));
	else if (a == LK_ACT_OPEN)
		ui_push(v->ui, &person_detail_view, &p->id, NULL);
	else if (a == LK_ACT_EDIT && may_edit(v->ui))
		ui_push(v->ui, &person_form_view, &p->id, NULL);
	else if (a == LK_ACT_DELETE)
		people_delete_selected(v);
	return true;
}

static const lk_action people_actions[] = {
	LK_ACT_MOVE_UP, LK_ACT_MOVE_DOWN, LK_ACT_PAGE_UP, LK_ACT_PAGE_DOWN,
	LK_ACT_MOVE_FIRST, LK_ACT_MOVE_LAST, LK_ACT_OPEN, LK_ACT_BACK, LK_ACT_FILTER,
	LK_ACT_ADD, LK_ACT_EDIT, LK_ACT_DELETE, 0,
};

static const lk_action people_hints[] = {
	LK_ACT_OPEN, LK_ACT_ADD, LK_ACT_EDIT, LK_ACT_DELETE, LK_ACT_FILTER, LK_ACT_BACK, 0,
};

const lk_view_ops people_view = {
	.name = "people",
	.label = N_("People"),
	.state_size = sizeof(people_state),
	.actions = people_actions,
	.hints = people_hints,
	.open = people_open,
	.done = people_done,
	.title = people_title,
	.reload = people_reload,
	.list = people_list,
	.request = people_request,
};
