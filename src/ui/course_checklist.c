/*
 * course_checklist.c — the Checklist and phase tab: the current phase and
 * the moves it allows (> next, < back, R retire; each through course_gate
 * and gate_dialog), the checklist of the current phase with who ticked
 * what (Space or Enter ticks, a adds, d deletes), and the gate overrides
 * kept with their reasons. Also the one-field checklist item form.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/i18n.h"
#include "lmskurs/role.h"
#include "lmskurs/ui/courses.h"
#include "lmskurs/ui/dialog.h"
#include "lmskurs/ui/form.h"
#include "lmskurs/ui/gate.h"
#include "lmskurs/ui/uitext.h"

/* ---- phase moves (the table of course.h: course_set_phase) ---- */

/* The forward move from phase from, or -1 when there is none. */
static int phase_next(lk_course_phase from)
{
	switch (from) {
	case LK_COURSE_IDEA: return LK_COURSE_PLANNING;
	case LK_COURSE_PLANNING: return LK_COURSE_ACTIVE;
	case LK_COURSE_ACTIVE: return LK_COURSE_REVISION;
	case LK_COURSE_REVISION: return LK_COURSE_ACTIVE;
	case LK_COURSE_RETIRED: return LK_COURSE_REVISION;
	default: return -1;
	}
}

/* One step back (to fix something), or -1. */
static int phase_back(lk_course_phase from)
{
	return from == LK_COURSE_PLANNING ? LK_COURSE_IDEA : from == LK_COURSE_ACTIVE ? LK_COURSE_PLANNING : -1;
}

struct move_arg {
	lk_ctx *ctx;
	int64_t id;
	lk_course_phase to;
};

static int move_course(void *arg, const char *reason, lk_err *err)
{
	struct move_arg *m = arg;
	return course_set_phase(m->ctx, m->id, m->to, reason, NULL, err);
}

static void phase_move(lk_course_page *p, int to)
{
	lk_gate g;
	lk_err err;
	if (to < 0) {
		ui_status(p->ui, LK_STYLE_WARNING, _("There is no step back from phase %s."),
			course_phase_label(p->course.phase));
		return;
	}
	if (!courses_may_edit(p->ui))
		return;
	struct move_arg m = {p->ui->ctx, p->id, (lk_course_phase)to};
	bool moved = false;
	if (course_gate(p->ui->ctx, p->id, m.to, &g, &err) < 0)
		course_refused(p->ui, _("Not moved"), &err);
	else
		moved = gate_dialog(p->ui, course_phase_label(m.to), &g, 0, move_course, &m);
	gate_free(&g);
	course_page_reload(p);
	/* A new phase has a new checklist: start at its top. */
	if (moved && list_move_to(&p->list, 0, &err) < 0)
		ui_status_err(p->ui, &err);
}

/* ---- the list: the current phase's checklist (short, streamed whole) ---- */

typedef struct item_row {
	lk_checklist_item it;
	char *who; /* "koord 10.01.2027 09:00" (under "Ticked by") or "" */
} item_row;

static void item_row_free(void *row)
{
	item_row *r = row;
	checklist_item_free(&r->it);
	free(r->who);
	free(r);
}

/* "2027-01-10T09:00:00" as "10.01.2027 09:00"; the text itself when it
 * is no time stamp. */
static void stamp_show(const char *at, char buf[static 17])
{
	lk_datetime t;
	lk_err err;
	char head[17] = "";
	snprintf(head, sizeof head, "%s", at ? at : "");
	if (datetime_parse(head, &t, &err) == 0)
		datetime_show(t, buf);
	else
		snprintf(buf, 17, "%s", head);
}

/* Who ticked the item and when, "koord 10.01.2027 09:00": the column's
 * title says "Ticked by". "" when it is not ticked. */
static char *ticked_text(const lk_checklist_item *it)
{
	char shown[17];
	if (!it->done)
		return strdup("");
	stamp_show(it->done_at, shown);
	return uitext_printf("%s %s", it->done_by ? it->done_by : "", shown);
}

static item_row *item_row_new(const lk_checklist_item *it)
{
	item_row *r = calloc(1, sizeof *r);
	if (!r)
		return NULL;
	r->it = *it;
	r->it.phase = strdup(it->phase ? it->phase : "");
	r->it.text = strdup(it->text ? it->text : "");
	r->it.done_by = it->done_by ? strdup(it->done_by) : NULL;
	r->it.done_at = it->done_at ? strdup(it->done_at) : NULL;
	r->who = ticked_text(it);
	if (r->it.phase && r->it.text && r->who && (!it->done_by || r->it.done_by) && (!it->done_at || r->it.done_at))
		return r;
	item_row_free(r);
	return NULL;
}

/* The current phase's code when it has a checklist, else NULL. */
static const char *list_phase(const lk_course_page *p)
{
	const char *code = course_phase_code(p->course.phase);
	return checklist_phase_valid(code) ? code : NULL;
}

struct item_walk {
	lk_list *l;
	lk_page page;
	int64_t i;
	lk_err *err;
	int rc;
};

static int item_count_one(void *arg, const lk_checklist_item *it)
{
	(void)it;
	((struct item_walk *)arg)->i++;
	return 0;
}

static int item_one(void *arg, const lk_checklist_item *it)
{
	struct item_walk *w = arg;
	int64_t i = w->i++;
	if (i < w->page.offset)
		return 0;
	if (i >= w->page.offset + w->page.limit)
		return 1;
	item_row *r = item_row_new(it);
	w->rc = r ? list_add_row(w->l, r, w->err) : lk_fail(w->err, LK_ENOMEM, _("Out of memory."));
	return w->rc < 0;
}

static int walk(lk_list *l, int (*each)(void *, const lk_checklist_item *), struct item_walk *w, lk_err *err)
{
	const lk_course_page *p = l->arg;
	const char *phase = list_phase(p);
	if (!phase)
		return 0;
	return checklist_list(p->ui->ctx, (lk_owner){.course_id = p->id}, phase, each, w, err);
}

static int64_t items_count(lk_list *l, lk_err *err)
{
	struct item_walk w = {0};
	return walk(l, item_count_one, &w, err) < 0 ? -1 : w.i;
}

static int items_fetch(lk_list *l, lk_page page, lk_err *err)
{
	struct item_walk w = {.l = l, .page = page, .err = err};
	return walk(l, item_one, &w, err) < 0 ? -1 : w.rc;
}

static int64_t item_row_id(const void *row)
{
	return ((const item_row *)row)->it.id;
}

static lk_style item_cells(const void *row, const char **cells)
{
	const item_row *r = row;
	cells[0] = r->it.done ? "[x]" : "[ ]";
	cells[1] = r->it.text;
	cells[2] = r->who;
	return r->it.done ? LK_STYLE_DIM : LK_STYLE_NORMAL;
}

/* The item text weighs most; who ticked and when ("koord 10.01.2027
 * 09:00") takes what its cells need when there is room (the list sizes
 * columns by the page shown). */
static const lk_column item_cols[] = {
	{N_("Done"), 4, 0},
	{N_("Checklist item"), 20, 3},
	{N_("Ticked by"), 9, 1},
};

static const lk_list_ops items_list_ops = {
	.cols = item_cols, .ncols = 3,
	.count = items_count, .fetch = items_fetch, .row_free = item_row_free,
	.row_id = item_row_id, .row_cells = item_cells,
	.empty_text = N_("This phase has no checklist items; a adds one."),
};

/* ---- kept overrides ---- */

static const char *phase_label_of(const char *code)
{
	lk_course_phase ph;
	return code && course_phase_parse(code, &ph) == 0 ? course_phase_label(ph) : code ? code : "";
}

enum { OVERRIDES_KEPT = 20 };

static int override_one(void *arg, const lk_gate_override *o)
{
	lk_course_page *p = arg;
	if (p->n_overrides >= OVERRIDES_KEPT)
		return 1;
	char at[17];
	stamp_show(o->at, at);
	char *line = uitext_printf(_("%s → %s, %s by %s: \"%s\" (not met: %s)"), phase_label_of(o->from_phase),
		phase_label_of(o->to_phase), at, o->login ? o->login : "", o->reason ? o->reason : "",
		o->unmet ? o->unmet : "");
	if (!line)
		return 1;
	p->overrides[p->n_overrides++] = line;
	return 0;
}

static void checklist_clear(lk_course_page *p)
{
	for (int i = 0; i < p->n_overrides; i++)
		free(p->overrides[i]);
	free(p->overrides);
	p->overrides = NULL;
	p->n_overrides = 0;
}

static int checklist_reload(lk_course_page *p, lk_err *err)
{
	checklist_clear(p);
	p->overrides = calloc(OVERRIDES_KEPT, sizeof *p->overrides);
	if (!p->overrides)
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	return gate_override_list(p->ui->ctx, (lk_owner){.course_id = p->id}, override_one, p, err);
}

/* ---- drawing ---- */

/* "Moves: > next: planning   < back: idea and anchoring   R: retired";
 * newly allocated. */
static char *moves_text(const lk_course_page *p)
{
	lk_course_phase ph = p->course.phase;
	int next = phase_next(ph), back = phase_back(ph);
	char *parts[3] = {
		next < 0 ? NULL : uitext_printf(_("> next: %s"), course_phase_label((lk_course_phase)next)),
		back < 0 ? NULL : uitext_printf(_("< back: %s"), course_phase_label((lk_course_phase)back)),
		ph == LK_COURSE_RETIRED ? NULL : uitext_printf(_("R: %s"), course_phase_label(LK_COURSE_RETIRED)),
	};
	char *t = strdup(_("Moves:"));
	for (int i = 0, n = 0; i < 3; i++) {
		char *joined = t && parts[i] ? uitext_printf("%s%s%s", t, n ? "   " : " ", parts[i]) : NULL;
		if (joined) {
			free(t);
			t = joined;
			n++;
		}
		free(parts[i]);
	}
	return t;
}

static int draw_head(lk_course_page *p, lk_rect r)
{
	char *ph = uitext_printf(_("Phase: %s"), course_phase_label(p->course.phase));
	screen_text(p->ui, r.y, r.x, r.w, ph ? ph : "", LK_STYLE_TITLE);
	free(ph);
	bool may = role_allows(p->ui->ctx->role, LK_PERM_EDIT_PLAN);
	char *mv = may ? moves_text(p) : NULL;
	int n = 1;
	if (mv)
		n += screen_wrap(p->ui, (lk_rect){r.y + 1, r.x, 2, r.w}, mv, LK_STYLE_NORMAL) > 1 ? 2 : 1;
	free(mv);
	if (!list_phase(p))
		n += screen_wrap(p->ui, (lk_rect){r.y + n, r.x, 2, r.w},
			_("This phase has no checklist; idea, planning and revision have one."), LK_STYLE_DIM) > 1 ? 2 : 1;
	return n;
}

/* The overrides below the list, newest first, wrapped, in at most h lines. */
static void draw_overrides(lk_course_page *p, lk_rect r)
{
	if (r.h < 1)
		return;
	if (p->n_overrides == 0) {
		screen_text(p->ui, r.y, r.x, r.w, _("No gate of this course was passed with a written reason."), LK_STYLE_DIM);
		return;
	}
	char *head = uitext_printf(_("Gates passed with a written reason (%d shown, newest first):"), p->n_overrides);
	screen_text(p->ui, r.y, r.x, r.w, head ? head : "", LK_STYLE_TITLE);
	free(head);
	int y = 1;
	for (int i = 0; i < p->n_overrides && y < r.h; i++)
		y += screen_wrap(p->ui, (lk_rect){r.y + y, r.x + 2, r.h - y, r.w - 2}, p->overrides[i], LK_STYLE_NORMAL);
}

static int overrides_lines(const lk_course_page *p, int w)
{
	int n = p->n_overrides ? 1 : 0;
	for (int i = 0; i < p->n_overrides; i++)
		n += screen_wrap_lines(p->overrides[i], w - 2);
	return n;
}

static void checklist_draw(lk_course_page *p, lk_rect r)
{
	int head = draw_head(p, r) + 1;
	lk_rect rest = {r.y + head, r.x, r.h - head, r.w};
	if (!list_phase(p)) {
		draw_overrides(p, rest);
		return;
	}
	int want = (int)(p->list.total > 0 ? p->list.total : 1) + 1;
	int foot = p->n_overrides ? overrides_lines(p, r.w) : 1;
	int list_h = rest.h - (foot ? foot + 1 : 0);
	list_h = list_h < want ? (rest.h / 2 > want ? want : rest.h / 2) : want;
	if (list_h < 3)
		list_h = rest.h < 3 ? rest.h : 3;
	draw_overrides(p, (lk_rect){rest.y + list_h + 1, r.x, rest.h - list_h - 1, r.w});
	ui_draw_list(p->ui, &p->list, (lk_rect){rest.y, r.x, list_h, r.w});
}

/* ---- actions ---- */

static void item_toggle(lk_course_page *p, const item_row *r)
{
	lk_err err;
	if (!courses_may_edit(p->ui))
		return;
	if (checklist_set_done(p->ui->ctx, r->it.id, r->it.version, !r->it.done, &err) < 0)
		course_refused(p->ui, _("Not changed"), &err);
	course_page_reload(p);
}

static void item_delete(lk_course_page *p, const item_row *r)
{
	char *q = uitext_printf(_("Delete the checklist item \"%s\" from this course? The template for new courses stays as it is."), r->it.text);
	int64_t id = r->it.id, version = r->it.version;
	lk_err err;
	if (q && dialog_confirm(p->ui, _("Delete checklist item"), q)) {
		if (checklist_delete(p->ui->ctx, id, version, &err) < 0)
			course_refused(p->ui, _("Not deleted"), &err);
		else
			ui_status(p->ui, LK_STYLE_OK, "%s", _("Deleted the checklist item."));
		course_page_reload(p);
	} else {
		ui_status(p->ui, LK_STYLE_NORMAL, "%s", _("Nothing was deleted."));
	}
	free(q);
}

static void item_add(lk_course_page *p)
{
	if (!courses_may_edit(p->ui))
		return;
	if (!list_phase(p))
		ui_status(p->ui, LK_STYLE_WARNING, _("Phase %s has no checklist; items belong to the phases before it."),
			course_phase_label(p->course.phase));
	else
		ui_push(p->ui, &course_checklist_form_view, &p->id, NULL);
}

static bool item_request(lk_course_page *p, lk_action a)
{
	const item_row *r = list_selected(&p->list);
	if (!r)
		ui_status(p->ui, LK_STYLE_WARNING, "%s", _("No checklist item is selected."));
	else if (a == LK_ACT_DELETE) {
		if (courses_may_edit(p->ui))
			item_delete(p, r);
	} else
		item_toggle(p, r);
	return true;
}

static bool checklist_request(lk_course_page *p, lk_action a)
{
	switch (a) {
	case LK_ACT_PHASE_NEXT: phase_move(p, phase_next(p->course.phase)); return true;
	case LK_ACT_PHASE_BACK: phase_move(p, phase_back(p->course.phase)); return true;
	case LK_ACT_RETIRE:
		if (p->course.phase == LK_COURSE_RETIRED)
			ui_status(p->ui, LK_STYLE_WARNING, "%s", _("The course is retired already; > takes it up again."));
		else
			phase_move(p, LK_COURSE_RETIRED);
		return true;
	case LK_ACT_ADD: item_add(p); return true;
	case LK_ACT_TOGGLE: case LK_ACT_OPEN: case LK_ACT_DELETE: return item_request(p, a);
	default: return false;
	}
}

static const lk_action checklist_actions[] = {
	LK_ACT_MOVE_UP, LK_ACT_MOVE_DOWN, LK_ACT_PAGE_UP, LK_ACT_PAGE_DOWN,
	LK_ACT_MOVE_FIRST, LK_ACT_MOVE_LAST, LK_ACT_OPEN, LK_ACT_TOGGLE, LK_ACT_ADD, LK_ACT_DELETE,
	LK_ACT_PHASE_NEXT, LK_ACT_PHASE_BACK, LK_ACT_RETIRE, 0,
};
static const lk_action checklist_hints[] = {
	LK_ACT_TOGGLE, LK_ACT_PHASE_NEXT, LK_ACT_PHASE_BACK, LK_ACT_ADD, 0,
};

const lk_course_tab course_tab_checklist = {
	.label = N_("Checklist and phase"),
	.list_ops = &items_list_ops,
	.actions = checklist_actions,
	.hints = checklist_hints,
	.reload = checklist_reload,
	.draw = checklist_draw,
	.request = checklist_request,
	.forget = checklist_clear,
};

/* ---- the checklist item form ---- */

typedef struct item_form {
	lk_form form; /* first: the shared helpers read it */
	int64_t course_id;
	char *phase;  /* the course's phase code when the form opened */
} item_form;

static int item_form_open(lk_view *v, const void *arg, lk_err *err)
{
	item_form *s = v->state;
	lk_course c;
	if (role_require(v->ui->ctx, LK_PERM_EDIT_PLAN, err) < 0 ||
	    course_get(v->ui->ctx, *(const int64_t *)arg, &c, err) < 0)
		return -1;
	s->course_id = c.id;
	s->phase = strdup(course_phase_code(c.phase));
	course_free(&c);
	form_init(&s->form);
	if (!s->phase || form_add_text(&s->form, LK_FIELD_TEXT, _("Checklist item"), true, NULL) < 0)
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	return 0;
}

static void item_form_done(lk_view *v)
{
	item_form *s = v->state;
	form_free(&s->form);
	free(s->phase);
}

static char *item_form_title(lk_view *v)
{
	item_form *s = v->state;
	lk_course_phase ph;
	const char *label = course_phase_parse(s->phase, &ph) == 0 ? course_phase_label(ph) : s->phase;
	return uitext_printf(_("New checklist item for phase %s"), label);
}

/* After an item was added (at the end of its phase's list): the cursor
 * goes to it when the view below shows that list. */
static void select_added(lk_ui *ui)
{
	lk_view *top = ui_top(ui);
	lk_list *l = top && top->ops->list ? top->ops->list(top) : NULL;
	lk_err err;
	if (l && l->ops == &items_list_ops && l->total > 0 && list_move_to(l, l->total - 1, &err) < 0)
		ui_status_err(ui, &err);
}

static void item_form_save(lk_view *v)
{
	item_form *s = v->state;
	lk_err err;
	form_clear_errors(&s->form);
	if (checklist_add(v->ui->ctx, (lk_owner){.course_id = s->course_id}, s->phase,
		    form_text(&s->form, 0), &err) < 0) {
		form_set_error(&s->form, &err);
		ui_status_err(v->ui, &err);
		return;
	}
	ui_status(v->ui, LK_STYLE_OK, "%s", _("Added the checklist item."));
	lk_ui *ui = v->ui;
	ui_pop(ui);
	select_added(ui);
}

static bool item_form_request(lk_view *v, lk_action a)
{
	return course_form_request(v, a, item_form_save);
}

const lk_view_ops course_checklist_form_view = {
	.name = "course-checklist-form",
	.label = N_("Checklist item"),
	.state_size = sizeof(item_form),
	.actions = form_actions,
	.hints = form_hints,
	.text_entry = true,
	.open = item_form_open,
	.done = item_form_done,
	.title = item_form_title,
	.draw = course_form_draw,
	.request = item_form_request,
	.input = course_form_input,
};
