/*
 * courses.c — the course catalogue: a paged list over course_list with a
 * text filter (/) and phase (f) and audience (u) filters that cycle, named
 * in the title. Also what the course screens share: ops filtered by role,
 * the edit check and deleting a course.
 */
#include "lmskurs/ui/courses.h"

#include <stdlib.h>
#include <string.h>

#include "lmskurs/i18n.h"
#include "lmskurs/meeting.h"
#include "lmskurs/role.h"
#include "lmskurs/run.h"
#include "lmskurs/ui/dialog.h"
#include "lmskurs/ui/uitext.h"

/* ---- shared ---- */

static bool role_keeps(lk_action a, lk_role role)
{
	const lk_action_def *d = keys_action(a);
	if (a == LK_ACT_EVAL_RESULTS)
		return role_allows(role, LK_PERM_READ_RESULTS);
	return !d || d->group != LK_GROUP_CHANGE || role_allows(role, LK_PERM_EDIT_PLAN);
}

static void filter_actions(lk_action *out, const lk_action *in, lk_role role)
{
	int n = 0;
	for (; in && *in && n < LK_ACT_COUNT; in++)
		if (role_keeps(*in, role))
			out[n++] = *in;
	out[n] = LK_ACT_NONE;
}

void courses_role_ops(lk_role_ops *out, const lk_view_ops *ops, const lk_action *actions,
	const lk_action *hints, lk_role role)
{
	out->ops = *ops;
	filter_actions(out->actions, actions ? actions : ops->actions, role);
	filter_actions(out->hints, hints ? hints : ops->hints, role);
	out->ops.actions = out->actions;
	out->ops.hints = out->hints;
}

bool courses_may_edit(lk_ui *ui)
{
	lk_err err;
	if (role_require(ui->ctx, LK_PERM_EDIT_PLAN, &err) == 0)
		return true;
	ui_status_err(ui, &err);
	return false;
}

void course_refused(lk_ui *ui, const char *title, const lk_err *err)
{
	dialog_error(ui, title, err->msg[0] ? err->msg : _("Something went wrong."));
}

/* ---- deleting ---- */

typedef struct course_usage {
	int64_t parts, members, meetings, runs;
} course_usage;

static int count_part(void *arg, const lk_course_part *p)
{
	(void)p;
	++*(int64_t *)arg;
	return 0;
}

static int usage_read(lk_ctx *ctx, int64_t id, course_usage *u, lk_err *err)
{
	int64_t prof = 0, rep = 0;
	lk_run_filter rf = {.course_id = id, .phase = -1};
	*u = (course_usage){0};
	if (course_part_list(ctx, id, count_part, &u->parts, err) < 0 ||
	    course_group_balance(ctx, id, &prof, &rep, err) < 0 ||
	    (u->meetings = meeting_count(ctx, id, -1, err)) < 0 || (u->runs = run_count(ctx, &rf, err)) < 0)
		return -1;
	u->members = prof + rep;
	return 0;
}

/* "Delete X? With it go …" from the course's usage; newly allocated. */
static char *delete_question(const char *title, const course_usage *u)
{
	char *parts = uitext_printf(ngettext("its session plan (%lld part)", "its session plan (%lld parts)",
		(unsigned long)u->parts), (long long)u->parts);
	char *members = uitext_printf(ngettext("its planning group (%lld member)",
		"its planning group (%lld members)", (unsigned long)u->members), (long long)u->members);
	char *meetings = uitext_printf(ngettext("%lld meeting with attendees and decisions",
		"%lld meetings with attendees and decisions", (unsigned long)u->meetings), (long long)u->meetings);
	char *runs = u->runs == 0 ? NULL : uitext_printf(ngettext("It has %lld run.", "It has %lld runs.",
		(unsigned long)u->runs), (long long)u->runs);
	char *q = uitext_printf(_("Delete the course %s? With it go %s, %s, %s, its checklist, kept gate overrides and revision log. %s"),
		title, parts ? parts : "", members ? members : "", meetings ? meetings : "", runs ? runs : "");
	free(parts);
	free(members);
	free(meetings);
	free(runs);
	return q;
}

bool courses_delete(lk_ui *ui, int64_t id, int64_t version, const char *title)
{
	lk_err err;
	course_usage u;
	if (!courses_may_edit(ui))
		return false;
	if (usage_read(ui->ctx, id, &u, &err) < 0) {
		ui_status_err(ui, &err);
		return false;
	}
	char *q = delete_question(title, &u);
	bool yes = q && dialog_confirm(ui, _("Delete course"), q);
	free(q);
	if (!yes) {
		ui_status(ui, LK_STYLE_NORMAL, "%s", _("Nothing was deleted."));
		return false;
	}
	if (course_delete(ui->ctx, id, version, &err) < 0) {
		course_refused(ui, _("Not deleted"), &err);
		return false;
	}
	ui_status(ui, LK_STYLE_OK, _("Deleted the course %s."), title);
	return true;
}

/* ---- the list source ---- */

typedef struct courses_state {
	lk_role_ops ops;
	lk_ctx *ctx;
	int phase;    /* -1 any, else lk_course_phase */
	int audience; /* -1 any, else lk_audience */
	lk_list list;
} courses_state;

/* A row the list owns: the course row's strings copied, plus the texts
 * its cells show. */
typedef struct course_item {
	int64_t id, version;
	char *title, *owner;
	lk_audience audience;
	lk_course_phase phase;
	char runs[24];
	char next[48];
} course_item;

static lk_course_filter source_filter(const lk_list *l)
{
	const courses_state *s = l->arg;
	return (lk_course_filter){.text = l->filter, .phase = s->phase, .audience = s->audience};
}

static int64_t courses_count(lk_list *l, lk_err *err)
{
	lk_course_filter f = source_filter(l);
	return course_count(((courses_state *)l->arg)->ctx, &f, err);
}

static void course_item_free(void *row)
{
	course_item *it = row;
	free(it->title);
	free(it->owner);
	free(it);
}

static void next_run_text(const char *iso, char buf[static 48])
{
	lk_date d;
	lk_err err;
	if (iso && date_parse(iso, &d, &err) == 0)
		uitext_date(d, buf);
	else
		strcpy(buf, "—");
}

static course_item *course_item_new(const lk_course_row *r)
{
	course_item *it = calloc(1, sizeof *it);
	if (!it)
		return NULL;
	it->id = r->course.id;
	it->version = r->course.version;
	it->audience = r->course.audience;
	it->phase = r->course.phase;
	it->title = strdup(r->course.title ? r->course.title : "");
	it->owner = strdup(r->owner_name ? r->owner_name : "");
	snprintf(it->runs, sizeof it->runs, "%lld", (long long)r->n_runs);
	next_run_text(r->next_first_date, it->next);
	if (it->title && it->owner)
		return it;
	course_item_free(it);
	return NULL;
}

struct fetch_ctx {
	lk_list *l;
	lk_err *err;
	int rc;
};

static int fetch_one(void *arg, const lk_course_row *r)
{
	struct fetch_ctx *fc = arg;
	course_item *it = course_item_new(r);
	fc->rc = it ? list_add_row(fc->l, it, fc->err) : lk_fail(fc->err, LK_ENOMEM, _("Out of memory."));
	return fc->rc < 0;
}

static int courses_fetch(lk_list *l, lk_page page, lk_err *err)
{
	lk_course_filter f = source_filter(l);
	struct fetch_ctx fc = {l, err, 0};
	if (course_list(((courses_state *)l->arg)->ctx, &f, page, fetch_one, &fc, err) < 0)
		return -1;
	return fc.rc;
}

static int64_t course_item_id(const void *row)
{
	return ((const course_item *)row)->id;
}

static lk_style course_cells(const void *row, const char **cells)
{
	const course_item *it = row;
	cells[0] = it->title;
	cells[1] = course_phase_label(it->phase);
	cells[2] = course_audience_label(it->audience);
	cells[3] = it->runs;
	cells[4] = it->next;
	cells[5] = *it->owner ? it->owner : _("(no owner)");
	return it->phase == LK_COURSE_RETIRED ? LK_STYLE_DIM : LK_STYLE_NORMAL;
}

static const lk_column course_cols[] = {
	{N_("Title"), 8, 5},
	{N_("Phase"), 8, 1},
	{N_("Audience"), 8, 2},
	{N_("Runs"), 4, 0},
	{N_("Next run"), 20, 0},
	{N_("Owner"), 0, 3},
};

static const lk_list_ops courses_list_ops = {
	.cols = course_cols, .ncols = 6,
	.count = courses_count, .fetch = courses_fetch, .row_free = course_item_free,
	.row_id = course_item_id, .row_cells = course_cells,
	.empty_text = N_("No courses yet: press a to add the first."),
	.no_match_text = N_("No course matches; Esc clears the text filter, f and u cycle back to all."),
};

/* ---- the view ---- */

static int courses_open(lk_view *v, const void *arg, lk_err *err)
{
	(void)arg;
	courses_state *s = v->state;
	courses_role_ops(&s->ops, v->ops, NULL, NULL, v->ui->ctx->role);
	v->ops = &s->ops.ops;
	s->ctx = v->ui->ctx;
	s->phase = s->audience = -1;
	list_init(&s->list, &courses_list_ops, s);
	return list_reload(&s->list, err);
}

static void courses_done(lk_view *v)
{
	list_fini(&((courses_state *)v->state)->list);
}

static int courses_reload(lk_view *v, lk_err *err)
{
	return list_reload(&((courses_state *)v->state)->list, err);
}

static lk_list *courses_list(lk_view *v)
{
	return &((courses_state *)v->state)->list;
}

/* " · phase: planning · for: relatives" for the filters in force. */
static char *filters_text(const courses_state *s)
{
	char *ph = s->phase < 0 ? strdup("") :
		uitext_printf(_(" · phase: %s"), course_phase_label((lk_course_phase)s->phase));
	char *au = s->audience < 0 ? strdup("") :
		uitext_printf(_(" · for: %s"), course_audience_label((lk_audience)s->audience));
	char *t = uitext_printf("%s%s", ph ? ph : "", au ? au : "");
	free(ph);
	free(au);
	return t;
}

static char *courses_title(lk_view *v)
{
	courses_state *s = v->state;
	const lk_list *l = &s->list;
	char *f = filters_text(s);
	char *t = l->filter
		? uitext_printf(_("Courses: %lld matching \"%s\"%s"), (long long)l->total, l->filter, f ? f : "")
		: uitext_printf(ngettext("Courses: %lld course%s", "Courses: %lld courses%s", (unsigned long)l->total),
			(long long)l->total, f ? f : "");
	free(f);
	return t;
}

/* The list; with only the phase or audience filter in force an empty
 * list says so, instead of "no courses yet". */
static void courses_draw(lk_view *v, lk_rect r)
{
	courses_state *s = v->state;
	ui_draw_list(v->ui, &s->list, r);
	if (s->list.total == 0 && !s->list.filter && (s->phase >= 0 || s->audience >= 0))
		screen_cell(v->ui, r.y + 1, r.x + 2, r.w - 2,
			_("No course is in the phase or for the audience chosen; f and u cycle back to all."), LK_STYLE_DIM);
}

/* Next value of a cycling filter: -1 (all), 0 .. n-1, then -1 again. */
static int cycle(int cur, int n)
{
	return cur + 1 >= n ? -1 : cur + 1;
}

static void courses_cycle(lk_view *v, lk_action a)
{
	courses_state *s = v->state;
	lk_err err;
	if (a == LK_ACT_FILTER_PHASE)
		s->phase = cycle(s->phase, LK_COURSE_PHASE_COUNT);
	else
		s->audience = cycle(s->audience, LK_AUDIENCE_COUNT);
	if (list_reload(&s->list, &err) < 0 || list_move_to(&s->list, 0, &err) < 0)
		ui_status_err(v->ui, &err);
}

static void courses_delete_selected(lk_view *v, const course_item *it)
{
	courses_state *s = v->state;
	char *title = strdup(it->title);
	lk_err err;
	if (title && courses_delete(v->ui, it->id, it->version, title) && list_reload(&s->list, &err) < 0)
		ui_status_err(v->ui, &err);
	free(title);
}

static bool courses_request(lk_view *v, lk_action a)
{
	courses_state *s = v->state;
	const course_item *it = list_selected(&s->list);
	switch (a) {
	case LK_ACT_ADD:
		if (courses_may_edit(v->ui))
			ui_push(v->ui, &course_form_view, NULL, NULL);
		return true;
	case LK_ACT_FILTER_PHASE: case LK_ACT_FILTER_AUDIENCE:
		courses_cycle(v, a);
		return true;
	case LK_ACT_OPEN: case LK_ACT_EDIT: case LK_ACT_DELETE: break;
	default: return false;
	}
	if (!it)
		ui_status(v->ui, LK_STYLE_WARNING, "%s", _("No course is selected."));
	else if (a == LK_ACT_OPEN)
		ui_push(v->ui, &course_view, &it->id, NULL);
	else if (a == LK_ACT_EDIT && courses_may_edit(v->ui))
		ui_push(v->ui, &course_form_view, &it->id, NULL);
	else if (a == LK_ACT_DELETE)
		courses_delete_selected(v, it);
	return true;
}

static const lk_action courses_actions[] = {
	LK_ACT_MOVE_UP, LK_ACT_MOVE_DOWN, LK_ACT_PAGE_UP, LK_ACT_PAGE_DOWN,
	LK_ACT_MOVE_FIRST, LK_ACT_MOVE_LAST, LK_ACT_OPEN, LK_ACT_BACK, LK_ACT_FILTER,
	LK_ACT_FILTER_PHASE, LK_ACT_FILTER_AUDIENCE, LK_ACT_ADD, LK_ACT_EDIT, LK_ACT_DELETE, 0,
};

static const lk_action courses_hints[] = {
	LK_ACT_OPEN, LK_ACT_ADD, LK_ACT_DELETE, LK_ACT_FILTER, LK_ACT_FILTER_PHASE,
	LK_ACT_FILTER_AUDIENCE, LK_ACT_BACK, 0,
};

const lk_view_ops courses_view = {
	.name = "courses",
	.label = N_("Courses"),
	.state_size = sizeof(courses_state),
	.actions = courses_actions,
	.hints = courses_hints,
	.open = courses_open,
	.done = courses_done,
	.title = courses_title,
	.reload = courses_reload,
	.list = courses_list,
	.draw = courses_draw,
	.request = courses_request,
};
