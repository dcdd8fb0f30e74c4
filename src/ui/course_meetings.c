/*
 * course_meetings.c — the Meetings tab (planning and evaluation meetings
 * of the planning group, newest first), the meeting form (kind, run, date,
 * start, end, place, notes) and one meeting with who attended (a adds
 * through the person picker, d removes, Space: in person or remote).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/i18n.h"
#include "lmskurs/meeting.h"
#include "lmskurs/role.h"
#include "lmskurs/run.h"
#include "lmskurs/ui/courses.h"
#include "lmskurs/ui/dialog.h"
#include "lmskurs/ui/form.h"
#include "lmskurs/ui/uitext.h"

/* ---- shown times ---- */

/* "Thu 04.03.2027 wk 9" and "18:00–20:00" from the stored times. */
static void meeting_when(const lk_meeting *m, char day[static 48], char time[static 32])
{
	lk_datetime s = {0}, e = {0};
	lk_err err;
	day[0] = time[0] = 0;
	if (!m->starts_at || datetime_parse(m->starts_at, &s, &err) < 0)
		return;
	uitext_date(s.date, day);
	if (m->ends_at && datetime_parse(m->ends_at, &e, &err) == 0)
		snprintf(time, 32, "%02d:%02d–%02d:%02d", s.hour, s.minute, e.hour, e.minute);
}

/* ---- the Meetings tab ---- */

typedef struct meeting_row {
	lk_meeting m;
	char day[48], time[32], people[16];
} meeting_row;

static void meeting_row_free(void *row)
{
	meeting_row *r = row;
	meeting_free(&r->m);
	free(r);
}

static char *dup_or_empty(const char *s)
{
	return strdup(s ? s : "");
}

static meeting_row *meeting_row_new(const lk_meeting *m)
{
	meeting_row *r = calloc(1, sizeof *r);
	if (!r)
		return NULL;
	r->m = *m;
	r->m.starts_at = dup_or_empty(m->starts_at);
	r->m.ends_at = dup_or_empty(m->ends_at);
	r->m.place = dup_or_empty(m->place);
	r->m.notes = dup_or_empty(m->notes);
	meeting_when(m, r->day, r->time);
	snprintf(r->people, sizeof r->people, "%lld", (long long)m->n_attendees);
	if (r->m.starts_at && r->m.ends_at && r->m.place && r->m.notes)
		return r;
	meeting_row_free(r);
	return NULL;
}

static int64_t meetings_count(lk_list *l, lk_err *err)
{
	return meeting_count(course_page_ctx(l), ((lk_course_page *)l->arg)->id, -1, err);
}

struct fetch_ctx {
	lk_list *l;
	lk_err *err;
	int rc;
};

static int meeting_one(void *arg, const lk_meeting *m)
{
	struct fetch_ctx *fc = arg;
	meeting_row *r = meeting_row_new(m);
	fc->rc = r ? list_add_row(fc->l, r, fc->err) : lk_fail(fc->err, LK_ENOMEM, _("Out of memory."));
	return fc->rc < 0;
}

static int meetings_fetch(lk_list *l, lk_page page, lk_err *err)
{
	struct fetch_ctx fc = {l, err, 0};
	if (meeting_list(course_page_ctx(l), ((lk_course_page *)l->arg)->id, -1, page, meeting_one, &fc, err) < 0)
		return -1;
	return fc.rc;
}

static int64_t meeting_row_id(const void *row)
{
	return ((const meeting_row *)row)->m.id;
}

static lk_style meeting_cells(const void *row, const char **cells)
{
	const meeting_row *r = row;
	cells[0] = r->day;
	cells[1] = r->time;
	cells[2] = meeting_kind_label(r->m.kind);
	cells[3] = r->m.place;
	cells[4] = r->people;
	return LK_STYLE_NORMAL;
}

static const lk_column meeting_cols[] = {
	{N_("Date"), 20, 0},
	{N_("Time"), 11, 0},
	{N_("Kind"), 10, 1},
	{N_("Place"), 0, 2},
	{N_("Attended"), 8, 0},
};

static const lk_list_ops meetings_list_ops = {
	.cols = meeting_cols, .ncols = 5,
	.count = meetings_count, .fetch = meetings_fetch, .row_free = meeting_row_free,
	.row_id = meeting_row_id, .row_cells = meeting_cells,
	.empty_text = N_("No meetings recorded yet: press a to add a planning or evaluation meeting."),
};

static void meeting_delete_selected(lk_course_page *p, const meeting_row *r)
{
	char *q = uitext_printf(_("Delete the %s of %s? With it go %lld attendees and %lld decisions; revisions made from those decisions stay."),
		meeting_kind_label(r->m.kind), r->day, (long long)r->m.n_attendees, (long long)r->m.n_decisions);
	int64_t id = r->m.id, version = r->m.version;
	lk_err err;
	if (q && dialog_confirm(p->ui, _("Delete meeting"), q)) {
		if (meeting_delete(p->ui->ctx, id, version, &err) < 0)
			course_refused(p->ui, _("Not deleted"), &err);
		else
			ui_status(p->ui, LK_STYLE_OK, "%s", _("Deleted the meeting."));
		course_page_reload(p);
	} else {
		ui_status(p->ui, LK_STYLE_NORMAL, "%s", _("Nothing was deleted."));
	}
	free(q);
}

static bool meetings_request(lk_course_page *p, lk_action a)
{
	const meeting_row *r = list_selected(&p->list);
	lk_course_item_ref ref = {p->id, 0};
	switch (a) {
	case LK_ACT_ADD:
		if (courses_may_edit(p->ui))
			ui_push(p->ui, &course_meeting_form_view, &ref, NULL);
		return true;
	case LK_ACT_OPEN: case LK_ACT_EDIT: case LK_ACT_DELETE: break;
	default: return false;
	}
	if (!r)
		ui_status(p->ui, LK_STYLE_WARNING, "%s", _("No meeting is selected."));
	else if (a == LK_ACT_OPEN)
		ui_push(p->ui, &course_meeting_view, &r->m.id, NULL);
	else if (!courses_may_edit(p->ui))
		return true;
	else if (a == LK_ACT_EDIT) {
		ref.id = r->m.id;
		ui_push(p->ui, &course_meeting_form_view, &ref, NULL);
	} else
		meeting_delete_selected(p, r);
	return true;
}

static const lk_action meetings_actions[] = {
	LK_ACT_MOVE_UP, LK_ACT_MOVE_DOWN, LK_ACT_PAGE_UP, LK_ACT_PAGE_DOWN,
	LK_ACT_MOVE_FIRST, LK_ACT_MOVE_LAST, LK_ACT_OPEN, LK_ACT_ADD, LK_ACT_EDIT, LK_ACT_DELETE, 0,
};
static const lk_action meetings_hints[] = {LK_ACT_OPEN, LK_ACT_ADD, LK_ACT_EDIT, LK_ACT_DELETE, 0};

const lk_course_tab course_tab_meetings = {
	.label = N_("Meetings"),
	.list_ops = &meetings_list_ops,
	.actions = meetings_actions,
	.hints = meetings_hints,
	.request = meetings_request,
};

/* ---- the meeting form ---- */

enum { F_KIND, F_RUN, F_DATE, F_START, F_END, F_PLACE, F_NOTES };
enum { RUN_CHOICES = 24 }; /* the newest runs of the course offered */

typedef struct meeting_form {
	lk_form form; /* first: the shared helpers read it */
	lk_meeting m; /* as read; id 0 while adding */
	const char *kinds[LK_MEETING_KIND_COUNT];
	char *run_labels[RUN_CHOICES + 1];
	const char *run_choices[RUN_CHOICES + 1];
	int64_t run_ids[RUN_CHOICES + 1];
	int nruns;
} meeting_form;

static int run_choice_one(void *arg, const lk_run *r)
{
	meeting_form *s = arg;
	char day[48] = "—";
	if (r->first_date.year)
		uitext_date(r->first_date, day);
	char *label = uitext_printf("%s (%s)", r->title && *r->title ? r->title : _("(no title)"), day);
	if (!label)
		return 1;
	s->run_ids[s->nruns] = r->id;
	s->run_labels[s->nruns] = label;
	s->run_choices[s->nruns++] = label;
	return s->nruns > RUN_CHOICES;
}

/* "(no run)" and the course's newest runs. */
static int read_runs(meeting_form *s, lk_ctx *ctx, lk_err *err)
{
	lk_run_filter f = {.course_id = s->m.course_id, .phase = -1};
	s->run_choices[0] = _("(no run)");
	s->run_ids[0] = 0;
	s->nruns = 1;
	return run_list(ctx, &f, (lk_page){0, RUN_CHOICES}, run_choice_one, s, err);
}

static int run_choice_of(const meeting_form *s, int64_t run_id)
{
	for (int i = 0; i < s->nruns; i++)
		if (s->run_ids[i] == run_id)
			return i;
	return 0;
}

/* The stored times split for the form: date "04.03.2027", "18:00". */
static void split_times(const lk_meeting *m, char date[static 11], char start[static 6], char end[static 6])
{
	lk_datetime s, e;
	lk_err err;
	date[0] = start[0] = end[0] = 0;
	if (m->starts_at && datetime_parse(m->starts_at, &s, &err) == 0) {
		date_show(s.date, date);
		snprintf(start, 6, "%02d:%02d", s.hour, s.minute);
	}
	if (m->ends_at && datetime_parse(m->ends_at, &e, &err) == 0)
		snprintf(end, 6, "%02d:%02d", e.hour, e.minute);
}

static int meeting_form_build(meeting_form *s)
{
	char date[11], start[6], end[6];
	split_times(&s->m, date, start, end);
	for (int i = 0; i < LK_MEETING_KIND_COUNT; i++)
		s->kinds[i] = meeting_kind_label((lk_meeting_kind)i);
	lk_form *f = &s->form;
	form_init(f);
	bool ok = form_add_choice(f, _("Kind"), s->kinds, LK_MEETING_KIND_COUNT, s->m.kind) == F_KIND &&
		form_add_choice(f, _("Run"), s->run_choices, s->nruns, run_choice_of(s, s->m.run_id)) == F_RUN &&
		form_add_text(f, LK_FIELD_DATE, _("Date"), true, date) == F_DATE &&
		form_add_text(f, LK_FIELD_TIME, _("Start"), true, start) == F_START &&
		form_add_text(f, LK_FIELD_TIME, _("End"), true, end) == F_END &&
		form_add_text(f, LK_FIELD_TEXT, _("Place"), false, s->m.place) == F_PLACE &&
		form_add_text(f, LK_FIELD_MULTILINE, _("Notes"), false, s->m.notes) == F_NOTES;
	course_form_home(f);
	return ok ? 0 : -1;
}

static int meeting_form_open(lk_view *v, const void *arg, lk_err *err)
{
	meeting_form *s = v->state;
	const lk_course_item_ref *ref = arg;
	if (role_require(v->ui->ctx, LK_PERM_EDIT_PLAN, err) < 0 ||
	    (ref->id && meeting_get(v->ui->ctx, ref->id, &s->m, err) < 0))
		return -1;
	s->m.course_id = ref->course_id;
	if (read_runs(s, v->ui->ctx, err) < 0)
		return -1;
	return meeting_form_build(s) < 0 ? lk_fail(err, LK_ENOMEM, _("Out of memory.")) : 0;
}

static void meeting_form_done(lk_view *v)
{
	meeting_form *s = v->state;
	form_free(&s->form);
	meeting_free(&s->m);
	for (int i = 1; i < s->nruns; i++)
		free(s->run_labels[i]);
}

static char *meeting_form_title(lk_view *v)
{
	meeting_form *s = v->state;
	return uitext_printf("%s", s->m.id ? _("Edit meeting") : _("New meeting"));
}

/* Date, start and end as stored times; -1 with the error on its field. */
static int typed_times(meeting_form *s, char start[static 17], char end[static 17], lk_err *err)
{
	lk_datetime a = {0}, b = {0};
	if (form_date(&s->form, F_DATE, &a.date, NULL, err) < 0 ||
	    form_time(&s->form, F_START, &a.hour, &a.minute, NULL, err) < 0 ||
	    form_time(&s->form, F_END, &b.hour, &b.minute, NULL, err) < 0)
		return -1;
	b.date = a.date;
	datetime_iso(a, start);
	datetime_iso(b, end);
	return 0;
}

static void meeting_form_save(lk_view *v)
{
	meeting_form *s = v->state;
	char start[17], end[17];
	lk_err err;
	form_clear_errors(&s->form);
	if (typed_times(s, start, end, &err) < 0) {
		ui_status_err(v->ui, &err);
		return;
	}
	lk_meeting m = s->m;
	m.kind = (lk_meeting_kind)form_choice(&s->form, F_KIND);
	m.run_id = s->run_ids[form_choice(&s->form, F_RUN)];
	m.starts_at = start;
	m.ends_at = end;
	m.place = (char *)form_text(&s->form, F_PLACE);
	m.notes = (char *)form_text(&s->form, F_NOTES);
	int rc = m.id ? meeting_update(v->ui->ctx, &m, &err) : meeting_create(v->ui->ctx, &m, &err);
	if (rc < 0) {
		form_set_error(&s->form, &err);
		ui_status_err(v->ui, &err);
		return;
	}
	ui_status(v->ui, LK_STYLE_OK, "%s", s->m.id ? _("Saved the meeting.") : _("Added the meeting; Enter on it records who attended."));
	ui_pop(v->ui);
}

static bool meeting_form_request(lk_view *v, lk_action a)
{
	return course_form_request(v, a, meeting_form_save);
}

static int meeting_form_reload(lk_view *v, lk_err *err)
{
	meeting_form *s = v->state;
	lk_meeting now;
	if (!s->m.id)
		return 0;
	if (meeting_get(v->ui->ctx, s->m.id, &now, err) < 0) {
		lk_err_prefix(err, "%s", _("Someone else deleted this meeting meanwhile"));
		form_set_error(&s->form, err);
		return 0;
	}
	bool moved = now.version != s->m.version;
	meeting_free(&now);
	if (moved) {
		lk_fail(err, LK_ECONFLICT, "%s", _("Someone else changed this meeting meanwhile; saving will be refused. Esc and open it again to see the change."));
		form_set_error(&s->form, err);
	}
	return 0;
}

const lk_view_ops course_meeting_form_view = {
	.name = "course-meeting-form",
	.label = N_("Meeting form"),
	.state_size = sizeof(meeting_form),
	.actions = form_actions,
	.hints = form_hints,
	.text_entry = true,
	.open = meeting_form_open,
	.done = meeting_form_done,
	.title = meeting_form_title,
	.reload = meeting_form_reload,
	.draw = course_form_draw,
	.request = meeting_form_request,
	.input = course_form_input,
};

/* ---- one meeting and who attended ---- */

typedef struct meeting_view_state {
	lk_role_ops ops;
	lk_ctx *ctx;
	int64_t id;
	lk_meeting m;
	bool gone;
	lk_list list; /* attendees */
} meeting_view_state;

static void attendee_row_free(void *row)
{
	meeting_attendee_free(row);
	free(row);
}

static lk_attendee *attendee_copy(const lk_attendee *a)
{
	lk_attendee *c = calloc(1, sizeof *c);
	if (!c)
		return NULL;
	*c = *a;
	c->name = dup_or_empty(a->name);
	c->profession = dup_or_empty(a->profession);
	c->organisation = dup_or_empty(a->organisation);
	if (c->name && c->profession && c->organisation)
		return c;
	attendee_row_free(c);
	return NULL;
}

struct attendee_walk {
	lk_list *l;
	lk_page page;
	int64_t i;
	lk_err *err;
	int rc;
};

static int attendee_count_one(void *arg, const lk_attendee *a)
{
	(void)a;
	((struct attendee_walk *)arg)->i++;
	return 0;
}

static int attendee_one(void *arg, const lk_attendee *a)
{
	struct attendee_walk *w = arg;
	int64_t i = w->i++;
	if (i < w->page.offset)
		return 0;
	if (i >= w->page.offset + w->page.limit)
		return 1;
	lk_attendee *c = attendee_copy(a);
	w->rc = c ? list_add_row(w->l, c, w->err) : lk_fail(w->err, LK_ENOMEM, _("Out of memory."));
	return w->rc < 0;
}

static int64_t attendees_count(lk_list *l, lk_err *err)
{
	meeting_view_state *s = l->arg;
	struct attendee_walk w = {0};
	return meeting_attendee_list(s->ctx, s->id, attendee_count_one, &w, err) < 0 ? -1 : w.i;
}

static int attendees_fetch(lk_list *l, lk_page page, lk_err *err)
{
	meeting_view_state *s = l->arg;
	struct attendee_walk w = {.l = l, .page = page, .err = err};
	return meeting_attendee_list(s->ctx, s->id, attendee_one, &w, err) < 0 ? -1 : w.rc;
}

static int64_t attendee_row_id(const void *row)
{
	return ((const lk_attendee *)row)->person_id;
}

static lk_style attendee_cells(const void *row, const char **cells)
{
	const lk_attendee *a = row;
	const char *first = a->kind == LK_PROFESSIONAL ? a->profession : a->organisation;
	cells[0] = a->name;
	cells[1] = person_kind_label(a->kind);
	cells[2] = *first ? first : a->kind == LK_PROFESSIONAL ? a->organisation : a->profession;
	cells[3] = a->in_person ? _("in person") : _("remote");
	return LK_STYLE_NORMAL;
}

static const lk_column attendee_cols[] = {
	{N_("Name"), 14, 2},
	{N_("Kind"), 19, 0},
	{N_("Profession / organisation"), 0, 2},
	{N_("Took part"), 9, 0},
};

static const lk_list_ops attendees_list_ops = {
	.cols = attendee_cols, .ncols = 4,
	.count = attendees_count, .fetch = attendees_fetch, .row_free = attendee_row_free,
	.row_id = attendee_row_id, .row_cells = attendee_cells,
	.empty_text = N_("Nobody is recorded as attending: press a to add who came."),
};

static int mv_load(meeting_view_state *s, lk_err *err)
{
	meeting_free(&s->m);
	if (meeting_get(s->ctx, s->id, &s->m, err) < 0) {
		s->gone = err->code == LK_ENOTFOUND;
		return s->gone ? 0 : -1;
	}
	s->gone = false;
	return list_reload(&s->list, err);
}

static int mv_open(lk_view *v, const void *arg, lk_err *err)
{
	meeting_view_state *s = v->state;
	courses_role_ops(&s->ops, v->ops, NULL, NULL, v->ui->ctx->role);
	v->ops = &s->ops.ops;
	s->ctx = v->ui->ctx;
	s->id = *(const int64_t *)arg;
	list_init(&s->list, &attendees_list_ops, s);
	if (mv_load(s, err) < 0)
		return -1;
	return s->gone ? lk_fail(err, LK_ENOTFOUND, "%s", err->msg) : 0;
}

static void mv_done(lk_view *v)
{
	meeting_view_state *s = v->state;
	list_fini(&s->list);
	meeting_free(&s->m);
}

static int mv_reload(lk_view *v, lk_err *err)
{
	return mv_load(v->state, err);
}

static lk_list *mv_list(lk_view *v)
{
	meeting_view_state *s = v->state;
	return s->gone ? NULL : &s->list;
}

static char *mv_title(lk_view *v)
{
	meeting_view_state *s = v->state;
	char day[48], time[32];
	if (s->gone)
		return uitext_printf(_("Meeting: %s"), _("(deleted)"));
	meeting_when(&s->m, day, time);
	return uitext_printf(_("Meeting: %s, %s %s"), meeting_kind_label(s->m.kind), day, time);
}

/* Place, notes (at most 3 lines) and decisions; returns the lines used. */
static int mv_draw_head(meeting_view_state *s, lk_ui *ui, lk_rect r)
{
	char *place = uitext_printf(_("Place: %s"), *s->m.place ? s->m.place : _("(not given)"));
	char *dec = uitext_printf(ngettext("%lld decision recorded.", "%lld decisions recorded.",
		(unsigned long)s->m.n_decisions), (long long)s->m.n_decisions);
	screen_text(ui, r.y, r.x, r.w, place ? place : "", LK_STYLE_NORMAL);
	screen_text(ui, r.y + 1, r.x, r.w, dec ? dec : "", LK_STYLE_NORMAL);
	free(place);
	free(dec);
	if (!*s->m.notes)
		return 2;
	int n = screen_wrap(ui, (lk_rect){r.y + 2, r.x, 3, r.w}, s->m.notes, LK_STYLE_DIM);
	return 2 + (n > 3 ? 3 : n);
}

static void mv_draw(lk_view *v, lk_rect r)
{
	meeting_view_state *s = v->state;
	lk_rect in = {r.y + 1, r.x + 1, r.h - 1, r.w - 2};
	if (s->gone) {
		screen_wrap(v->ui, in, _("! Someone else deleted this meeting meanwhile. Esc goes back."), LK_STYLE_WARNING);
		screen_cursor(v->ui, in.y, in.x);
		return;
	}
	int n = mv_draw_head(s, v->ui, in) + 1;
	ui_draw_list(v->ui, &s->list, (lk_rect){in.y + n, in.x, in.h - n, in.w});
}

static void mv_add(lk_view *v)
{
	meeting_view_state *s = v->state;
	int64_t id;
	char *name = NULL;
	lk_err err;
	if (!courses_may_edit(v->ui) || !dialog_pick_person(v->ui, _("Who attended?"), -1, &id, &name))
		return;
	if (meeting_attendee_add(s->ctx, s->id, id, true, &err) < 0)
		course_refused(v->ui, _("Not added"), &err);
	else
		ui_status(v->ui, LK_STYLE_OK, _("Recorded that %s attended in person (Space: remote)."), name);
	free(name);
	if (mv_load(s, &err) < 0)
		ui_status_err(v->ui, &err);
}

static void mv_toggle(lk_view *v, const lk_attendee *a)
{
	meeting_view_state *s = v->state;
	lk_err err;
	if (meeting_attendee_set(s->ctx, s->id, a->person_id, !a->in_person, &err) < 0)
		course_refused(v->ui, _("Not changed"), &err);
	if (mv_load(s, &err) < 0)
		ui_status_err(v->ui, &err);
}

static void mv_remove(lk_view *v, const lk_attendee *a)
{
	meeting_view_state *s = v->state;
	char *name = strdup(a->name);
	int64_t pid = a->person_id;
	char *q = uitext_printf(_("Remove %s from those who attended this meeting?"), a->name);
	lk_err err;
	if (!name || !q || !dialog_confirm(v->ui, _("Remove attendee"), q))
		ui_status(v->ui, LK_STYLE_NORMAL, "%s", _("Nothing was removed."));
	else if (meeting_attendee_remove(s->ctx, s->id, pid, &err) < 0)
		course_refused(v->ui, _("Not removed"), &err);
	else
		ui_status(v->ui, LK_STYLE_OK, _("Removed %s."), name);
	free(q);
	free(name);
	if (mv_load(s, &err) < 0)
		ui_status_err(v->ui, &err);
}

static bool mv_request(lk_view *v, lk_action a)
{
	meeting_view_state *s = v->state;
	const lk_attendee *at = s->gone ? NULL : list_selected(&s->list);
	lk_course_item_ref ref = {s->m.course_id, s->id};
	switch (a) {
	case LK_ACT_ADD: case LK_ACT_EDIT: case LK_ACT_DELETE: case LK_ACT_TOGGLE: break;
	default: return false;
	}
	if (s->gone || !courses_may_edit(v->ui))
		return true;
	if (a == LK_ACT_ADD)
		mv_add(v);
	else if (a == LK_ACT_EDIT)
		ui_push(v->ui, &course_meeting_form_view, &ref, NULL);
	else if (!at)
		ui_status(v->ui, LK_STYLE_WARNING, "%s", _("Nobody is selected."));
	else if (a == LK_ACT_TOGGLE)
		mv_toggle(v, at);
	else
		mv_remove(v, at);
	return true;
}

static const lk_action mv_actions[] = {
	LK_ACT_MOVE_UP, LK_ACT_MOVE_DOWN, LK_ACT_PAGE_UP, LK_ACT_PAGE_DOWN,
	LK_ACT_MOVE_FIRST, LK_ACT_MOVE_LAST, LK_ACT_BACK, LK_ACT_ADD, LK_ACT_EDIT, LK_ACT_DELETE,
	LK_ACT_TOGGLE, 0,
};
static const lk_action mv_hints[] = {
	LK_ACT_ADD, LK_ACT_DELETE, LK_ACT_TOGGLE, LK_ACT_EDIT, LK_ACT_BACK, 0,
};

const lk_view_ops course_meeting_view = {
	.name = "course-meeting",
	.label = N_("Meeting"),
	.state_size = sizeof(meeting_view_state),
	.actions = mv_actions,
	.hints = mv_hints,
	.open = mv_open,
	.done = mv_done,
	.title = mv_title,
	.reload = mv_reload,
	.list = mv_list,
	.draw = mv_draw,
	.request = mv_request,
};
