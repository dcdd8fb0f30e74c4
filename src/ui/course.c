/*
 * course.c — one course (course_view): the tab row, switching tabs (Tab,
 * Shift-Tab, 1…7), re-reading, and the Overview and plan tab. The other
 * tabs live in src/ui/course_<tab>.c as lk_course_tab values.
 */
#include <stdlib.h>
#include <string.h>

#include "lmskurs/i18n.h"
#include "lmskurs/role.h"
#include "lmskurs/ui/courses.h"
#include "lmskurs/ui/tabs.h"
#include "lmskurs/ui/uitext.h"

const lk_course_tab *const course_tabs[LK_COURSE_TABS] = {
	&course_tab_overview, &course_tab_group, &course_tab_plan, &course_tab_checklist,
	&course_tab_meetings, &course_tab_runs, &course_tab_revisions,
};

typedef struct course_state {
	lk_course_page page; /* first: the tabs get a pointer to it */
	lk_role_ops ops;     /* the current tab's, see course_tab_ops */
	int tab_first;       /* first tab label shown on a narrow screen */
} course_state;

/* ---- ops per tab ---- */

static const lk_action common_actions[] = {
	LK_ACT_TAB_NEXT, LK_ACT_TAB_PREV, LK_ACT_TAB_NUMBER, LK_ACT_BACK, 0,
};
static const lk_action common_hints[] = {LK_ACT_TAB_NEXT, LK_ACT_BACK, 0};

static int append(lk_action *out, int n, const lk_action *in)
{
	for (; in && *in && n < LK_ACT_COUNT; in++)
		out[n++] = *in;
	out[n] = LK_ACT_NONE;
	return n;
}

void course_tab_ops(lk_role_ops *out, int i, lk_role role)
{
	const lk_course_tab *t = course_tabs[i >= 0 && i < LK_COURSE_TABS ? i : 0];
	lk_action actions[LK_ACT_COUNT + 1], hints[LK_ACT_COUNT + 1];
	append(actions, append(actions, 0, t->actions), common_actions);
	append(hints, append(hints, 0, t->hints), common_hints);
	courses_role_ops(out, &course_view, actions, hints, role);
}

/* ---- reading ---- */

static void owner_read(lk_course_page *p)
{
	lk_person o;
	lk_err err;
	free(p->owner_name);
	p->owner_name = NULL;
	if (p->course.owner_id && person_get(p->ui->ctx, p->course.owner_id, &o, &err) == 0) {
		p->owner_name = strdup(o.name);
		person_free(&o);
	}
}

/* The course, then the tab's extras and list. A course deleted meanwhile
 * is no error: the view says so. */
static int page_read(lk_course_page *p, lk_err *err)
{
	const lk_course_tab *t = course_tabs[p->tab];
	course_free(&p->course);
	if (course_get(p->ui->ctx, p->id, &p->course, err) < 0) {
		p->gone = err->code == LK_ENOTFOUND;
		return p->gone ? 0 : -1;
	}
	p->gone = false;
	owner_read(p);
	if (t->forget)
		t->forget(p);
	if (t->reload && t->reload(p, err) < 0)
		return -1;
	return p->list.ops ? list_reload(&p->list, err) : 0;
}

void course_page_reload(lk_course_page *p)
{
	lk_err err;
	lk_err_clear(&err);
	if (page_read(p, &err) < 0)
		ui_status_err(p->ui, &err);
}

static void tab_leave(lk_course_page *p)
{
	const lk_course_tab *t = course_tabs[p->tab];
	if (t->forget)
		t->forget(p);
	list_fini(&p->list);
	memset(&p->list, 0, sizeof p->list);
	p->scroll = 0;
}

static int tab_enter(lk_view *v, int i, lk_err *err)
{
	course_state *s = v->state;
	lk_course_page *p = &s->page;
	tab_leave(p);
	p->tab = i;
	if (course_tabs[i]->list_ops)
		list_init(&p->list, course_tabs[i]->list_ops, p);
	course_tab_ops(&s->ops, i, v->ui->ctx->role);
	v->ops = &s->ops.ops;
	return page_read(p, err);
}

static void tab_switch(lk_view *v, int i)
{
	lk_err err;
	lk_err_clear(&err);
	if (tab_enter(v, (i + LK_COURSE_TABS) % LK_COURSE_TABS, &err) < 0)
		ui_status_err(v->ui, &err);
}

/* ---- the view ---- */

static int course_open(lk_view *v, const void *arg, lk_err *err)
{
	course_state *s = v->state;
	s->page.ui = v->ui;
	s->page.id = *(const int64_t *)arg;
	if (tab_enter(v, 0, err) < 0)
		return -1;
	return s->page.gone ? lk_fail(err, LK_ENOTFOUND, "%s", err->msg) : 0;
}

static void course_done(lk_view *v)
{
	course_state *s = v->state;
	tab_leave(&s->page);
	course_free(&s->page.course);
	free(s->page.owner_name);
}

static int course_reload(lk_view *v, lk_err *err)
{
	return page_read(&((course_state *)v->state)->page, err);
}

static lk_list *course_view_list(lk_view *v)
{
	lk_course_page *p = &((course_state *)v->state)->page;
	return p->list.ops && !p->gone ? &p->list : NULL;
}

static char *course_title(lk_view *v)
{
	const lk_course_page *p = &((course_state *)v->state)->page;
	if (p->gone)
		return uitext_printf(_("Course: %s"), _("(deleted)"));
	return uitext_printf(_("Course: %s (%s)"), p->course.title, course_phase_label(p->course.phase));
}

/* Width of tab i's label on the tab row ("[label] "). */
static int tab_width(int i)
{
	return uitext_width(_(course_tabs[i]->label)) + 3;
}

/* The tab row, scrolled so the current tab shows on a narrow screen;
 * "«" says tabs are hidden to the left, "»" to the right. */
static void draw_tab_row(course_state *s, lk_ui *ui, int y, int x, int w)
{
	const char *labels[LK_COURSE_TABS];
	int cur = s->page.tab, used = 0;
	for (int i = 0; i < LK_COURSE_TABS; i++)
		labels[i] = course_tabs[i]->label;
	if (s->tab_first > cur)
		s->tab_first = cur;
	for (int i = s->tab_first; i <= cur; i++)
		used += tab_width(i);
	while (s->tab_first < cur && used > w - 4)
		used -= tab_width(s->tab_first++);
	int lead = s->tab_first > 0 ? 2 : 0;
	if (lead)
		screen_text(ui, y, x, 2, "«", LK_STYLE_DIM);
	lk_tabs t = {labels + s->tab_first, LK_COURSE_TABS - s->tab_first, cur - s->tab_first};
	tabs_draw(&t, ui, y, x + lead, w - lead - 2);
	for (int i = s->tab_first, all = lead; i < LK_COURSE_TABS; i++)
		if ((all += tab_width(i)) > w - 2) {
			screen_text(ui, y, x + w - 1, 1, "»", LK_STYLE_DIM);
			break;
		}
}

static void course_draw(lk_view *v, lk_rect r)
{
	course_state *s = v->state;
	lk_course_page *p = &s->page;
	lk_rect in = {r.y + 1, r.x + 1, r.h - 1, r.w - 2};
	if (p->gone) {
		screen_wrap(v->ui, in, _("! Someone else deleted this course meanwhile. Esc goes back."), LK_STYLE_WARNING);
		screen_cursor(v->ui, in.y, in.x);
		return;
	}
	draw_tab_row(s, v->ui, in.y, in.x, in.w);
	lk_rect body = {in.y + 2, in.x, in.h - 2, in.w};
	const lk_course_tab *t = course_tabs[p->tab];
	screen_cursor(v->ui, body.y, body.x);
	if (t->draw)
		t->draw(p, body);
	else if (p->list.ops)
		ui_draw_list(v->ui, &p->list, body);
}

/* A tab's request may pop this view (deleting the course): nothing here
 * touches the state after it. */
static bool course_request(lk_view *v, lk_action a)
{
	course_state *s = v->state;
	lk_course_page *p = &s->page;
	switch (a) {
	case LK_ACT_TAB_NEXT: tab_switch(v, p->tab + 1); return true;
	case LK_ACT_TAB_PREV: tab_switch(v, p->tab - 1); return true;
	case LK_ACT_TAB_NUMBER: tab_switch(v, 0); return true;
	case LK_ACT_BACK: return false;
	default: break;
	}
	if (p->gone) {
		ui_status(v->ui, LK_STYLE_WARNING, "%s", _("This course was deleted; Esc goes back."));
		return true;
	}
	const lk_course_tab *t = course_tabs[p->tab];
	return t->request && t->request(p, a);
}

/* Number keys beyond 1 (TAB_NUMBER) pick the tab with that number. */
static bool course_input(lk_view *v, lk_key key)
{
	if (key < '2' || key >= '1' + LK_COURSE_TABS)
		return false;
	tab_switch(v, (int)(key - '1'));
	return true;
}

/* ---- Overview and plan ---- */

typedef struct ov_line {
	const char *label; /* on an entry's first line only */
	char *text;
	lk_style st;
} ov_line;

typedef struct ov_lines {
	ov_line *v;
	int n, cap;
	const char *label;
	lk_style st;
	bool oom;
} ov_lines;

static void ov_push(void *arg, const char *start, size_t bytes)
{
	ov_lines *o = arg;
	if (o->n == o->cap) {
		int cap = o->cap ? o->cap * 2 : 32;
		ov_line *nv = realloc(o->v, (size_t)cap * sizeof *nv);
		if (!nv) {
			o->oom = true;
			return;
		}
		o->v = nv;
		o->cap = cap;
	}
	char *t = strndup(start, bytes);
	o->oom |= !t;
	o->v[o->n++] = (ov_line){o->label, t, o->st};
	o->label = NULL;
}

static void ov_entry(ov_lines *o, const char *label, const char *value, int width)
{
	bool empty = !value || !*value;
	o->label = label;
	o->st = empty ? LK_STYLE_DIM : LK_STYLE_NORMAL;
	uitext_wrap(empty ? _("(not written yet)") : value, width, ov_push, o);
}

static void ov_free(ov_lines *o)
{
	for (int i = 0; i < o->n; i++)
		free(o->v[i].text);
	free(o->v);
}

static const char *yes_no(bool b)
{
	return b ? _("yes") : _("no");
}

static void ov_build(const lk_course_page *p, ov_lines *o, int width)
{
	const lk_course *c = &p->course;
	ov_entry(o, _("Title"), c->title, width);
	ov_entry(o, _("Audience"), course_audience_label(c->audience), width);
	ov_entry(o, _("Phase"), course_phase_label(c->phase), width);
	ov_entry(o, _("Owner"), p->owner_name ? p->owner_name : _("(no owner named)"), width);
	ov_entry(o, _("Why"), c->why, width);
	ov_entry(o, _("Management backing"), c->management_backing, width);
	ov_entry(o, _("Referral required"), yes_no(c->referral_required), width);
	o->label = NULL;
	o->st = LK_STYLE_TITLE;
	ov_push(o, "", 0);
	ov_push(o, _("The plan (didactic relation model)"), strlen(_("The plan (didactic relation model)")));
	const char *labels[] = {_("Target group"), _("Goals"), _("Frame conditions"), _("Content"),
		_("Methods"), _("Evaluation")};
	const char *texts[] = {c->target_group, c->goals, c->frame, c->content, c->methods, c->evaluation};
	for (int i = 0; i < 6; i++)
		ov_entry(o, labels[i], texts[i], width);
}

static int ov_label_width(int w)
{
	const char *labels[] = {_("Title"), _("Audience"), _("Phase"), _("Owner"), _("Why"),
		_("Management backing"), _("Referral required"), _("Target group"), _("Goals"),
		_("Frame conditions"), _("Content"), _("Methods"), _("Evaluation")};
	int lw = 0;
	for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++) {
		int lwi = uitext_width(labels[i]) + 2;
		lw = lwi > lw ? lwi : lw;
	}
	return lw > w / 3 ? w / 3 : lw;
}

static void overview_draw(lk_course_page *p, lk_rect r)
{
	int lw = ov_label_width(r.w);
	ov_lines o = {0};
	ov_build(p, &o, r.w - lw);
	int max = o.n > r.h ? o.n - r.h : 0;
	p->scroll = p->scroll > max ? max : p->scroll < 0 ? 0 : p->scroll;
	for (int i = 0; i < r.h && p->scroll + i < o.n; i++) {
		const ov_line *l = &o.v[p->scroll + i];
		if (l->label)
			screen_text(p->ui, r.y + i, r.x, lw - 1, l->label, LK_STYLE_DIM);
		int x = l->st == LK_STYLE_TITLE ? r.x : r.x + lw;
		screen_text(p->ui, r.y + i, x, r.x + r.w - x, l->text ? l->text : "", l->st);
	}
	if (p->scroll < max)
		screen_cell(p->ui, r.y + r.h - 1, r.x, r.w, _("↓ more below (Down, PgDn)"), LK_STYLE_DIM);
	ov_free(&o);
}

static bool overview_request(lk_course_page *p, lk_action a)
{
	int page = p->ui->body.h > 6 ? p->ui->body.h - 6 : 1;
	switch (a) {
	case LK_ACT_MOVE_UP: p->scroll--; return true;
	case LK_ACT_MOVE_DOWN: p->scroll++; return true;
	case LK_ACT_PAGE_UP: p->scroll -= page; return true;
	case LK_ACT_PAGE_DOWN: p->scroll += page; return true;
	case LK_ACT_MOVE_FIRST: p->scroll = 0; return true;
	case LK_ACT_MOVE_LAST: p->scroll = 1 << 20; return true;
	case LK_ACT_EDIT:
		if (courses_may_edit(p->ui))
			ui_push(p->ui, &course_form_view, &p->id, NULL);
		return true;
	case LK_ACT_DELETE:
		if (courses_delete(p->ui, p->id, p->course.version, p->course.title))
			ui_pop(p->ui);
		return true;
	default: return false;
	}
}

static const lk_action overview_actions[] = {
	LK_ACT_MOVE_UP, LK_ACT_MOVE_DOWN, LK_ACT_PAGE_UP, LK_ACT_PAGE_DOWN,
	LK_ACT_MOVE_FIRST, LK_ACT_MOVE_LAST, LK_ACT_EDIT, LK_ACT_DELETE, 0,
};
static const lk_action overview_hints[] = {LK_ACT_EDIT, LK_ACT_DELETE, 0};

const lk_course_tab course_tab_overview = {
	.label = N_("Overview"),
	.actions = overview_actions,
	.hints = overview_hints,
	.draw = overview_draw,
	.request = overview_request,
};

/* As the Overview tab offers it to a coordinator (course_tab_ops(0)). */
static const lk_action course_actions[] = {
	LK_ACT_MOVE_UP, LK_ACT_MOVE_DOWN, LK_ACT_PAGE_UP, LK_ACT_PAGE_DOWN,
	LK_ACT_MOVE_FIRST, LK_ACT_MOVE_LAST, LK_ACT_EDIT, LK_ACT_DELETE,
	LK_ACT_TAB_NEXT, LK_ACT_TAB_PREV, LK_ACT_TAB_NUMBER, LK_ACT_BACK, 0,
};
static const lk_action course_hints[] = {
	LK_ACT_EDIT, LK_ACT_DELETE, LK_ACT_TAB_NEXT, LK_ACT_BACK, 0,
};

const lk_view_ops course_view = {
	.name = "course",
	.label = N_("Course"),
	.state_size = sizeof(course_state),
	.actions = course_actions,
	.hints = course_hints,
	.open = course_open,
	.done = course_done,
	.title = course_title,
	.reload = course_reload,
	.list = course_view_list,
	.draw = course_draw,
	.request = course_request,
	.input = course_input,
};
