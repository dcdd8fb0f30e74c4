/*
 * eval_meeting.c — the run's evaluation meeting and its decisions
 * (eval_meeting_view): when and where it was, how many attended, the notes
 * and the decisions, the selected one in full with whether it became a
 * revision. Coordinators: m records the meeting (eval_meeting_form_view:
 * meeting_create of kind evaluation, then the course's planning group as
 * attending, in person, to be corrected in course_meeting_view), or opens
 * it once recorded; a / e / d add, change and delete decisions
 * (eval_decision_form_view); r turns a decision into a revision of the
 * course (eval_revision_form_view: revision_add with the decision), which
 * the course's Revisions tab lists newest first.
 */
#include "lmskurs/ui/eval.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/course.h"
#include "lmskurs/i18n.h"
#include "lmskurs/revision.h"
#include "lmskurs/ui/dialog.h"
#include "lmskurs/ui/form.h"
#include "lmskurs/ui/uitext.h"

/* "Thu 12.03.2027 wk 10, 18:00–20:00" from the stored times. */
static char *meeting_when(const lk_meeting *m)
{
	lk_datetime s = {0}, e = {0};
	lk_err err;
	char day[48];
	if (!m->starts_at || datetime_parse(m->starts_at, &s, &err) < 0)
		return strdup("");
	uitext_date(s.date, day);
	if (!m->ends_at || datetime_parse(m->ends_at, &e, &err) < 0)
		return strdup(day);
	return uitext_printf("%s, %02d:%02d–%02d:%02d", day, s.hour, s.minute, e.hour, e.minute);
}

/* ---- the view ---- */

typedef struct dec_row {
	lk_decision d;
	char no[12];
	bool revised;
} dec_row;

typedef struct mtg_state {
	lk_role_ops ops;
	lk_ctx *ctx;
	int64_t run_id;
	lk_run run;
	char *run_label;
	bool has_meeting;
	lk_meeting m;
	dec_row *rows; /* the meeting's decisions (bounded), read at reload */
	int n, cap;
	bool oom;
	lk_list list;  /* rows point into rows[] and own nothing */
} mtg_state;

static void rows_free(mtg_state *s)
{
	for (int i = 0; i < s->n; i++)
		meeting_decision_free(&s->rows[i].d);
	free(s->rows);
	s->rows = NULL;
	s->n = s->cap = 0;
}

static int decision_one(void *arg, const lk_decision *d)
{
	mtg_state *s = arg;
	if (s->n == s->cap) {
		int cap = s->cap ? s->cap * 2 : 8;
		dec_row *r = realloc(s->rows, (size_t)cap * sizeof *r);
		if (!r)
			return s->oom = true;
		s->rows = r;
		s->cap = cap;
	}
	dec_row *r = &s->rows[s->n];
	memset(r, 0, sizeof *r);
	r->d = *d;
	if (!(r->d.text = strdup(d->text ? d->text : "")))
		return s->oom = true;
	snprintf(r->no, sizeof r->no, "%d", s->n + 1);
	s->n++;
	return 0;
}

static int revision_one(void *arg, const lk_revision *r)
{
	mtg_state *s = arg;
	for (int i = 0; r->decision_id && i < s->n; i++)
		if (s->rows[i].d.id == r->decision_id)
			s->rows[i].revised = true;
	return 0;
}

/* Which decisions became revisions: the course's log, a page at a time. */
static int read_revised(mtg_state *s, lk_err *err)
{
	enum { PAGE = 100 };
	int64_t total = revision_count(s->ctx, s->run.course_id, err);
	for (int64_t off = 0; total > 0 && off < total; off += PAGE)
		if (revision_list(s->ctx, s->run.course_id, (lk_page){off, PAGE}, revision_one, s, err) < 0)
			return -1;
	return total < 0 ? -1 : 0;
}

static int read_meeting(mtg_state *s, lk_err *err)
{
	meeting_free(&s->m);
	rows_free(s);
	int found = eval_meeting_find(s->ctx, s->run.course_id, s->run_id, &s->m, err);
	if (found < 0)
		return -1;
	s->has_meeting = found;
	s->oom = false;
	if (found && meeting_decision_list(s->ctx, s->m.id, decision_one, s, err) < 0)
		return -1;
	if (s->oom)
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	return found ? read_revised(s, err) : 0;
}

static int64_t dec_count(lk_list *l, lk_err *err)
{
	(void)err;
	return ((mtg_state *)l->arg)->n;
}

static int dec_fetch(lk_list *l, lk_page page, lk_err *err)
{
	mtg_state *s = l->arg;
	for (int64_t i = page.offset; i < s->n && i < page.offset + page.limit; i++)
		if (list_add_row(l, &s->rows[i], err) < 0)
			return -1;
	return 0;
}

static void dec_row_keep(void *row)
{
	(void)row;
}

static int64_t dec_row_id(const void *row)
{
	return ((const dec_row *)row)->d.id;
}

static lk_style dec_cells(const void *row, const char **cells)
{
	const dec_row *r = row;
	cells[0] = r->no;
	cells[1] = r->d.text;
	cells[2] = r->revised ? _("revision made") : _("no revision yet");
	return LK_STYLE_NORMAL;
}

static const lk_column dec_cols[] = {
	{N_("No."), 3, 0},
	{N_("Decision"), 16, 4},
	{N_("Revision"), 15, 0},
};

static const lk_list_ops dec_list_ops = {
	.cols = dec_cols, .ncols = 3,
	.count = dec_count, .fetch = dec_fetch, .row_free = dec_row_keep,
	.row_id = dec_row_id, .row_cells = dec_cells,
	.empty_text = N_("No decisions yet: a adds what the planning group decided."),
};

static int mtg_load(mtg_state *s, lk_err *err)
{
	int64_t keep = s->list.cursor;
	list_fini(&s->list);
	list_init(&s->list, &dec_list_ops, s);
	run_free(&s->run);
	memset(&s->run, 0, sizeof s->run);
	if (run_get(s->ctx, s->run_id, &s->run, err) < 0 || read_meeting(s, err) < 0 || list_reload(&s->list, err) < 0)
		return -1;
	return keep ? list_move_to(&s->list, keep, err) : 0;
}

static int mtg_open(lk_view *v, const void *arg, lk_err *err)
{
	mtg_state *s = v->state;
	eval_role_ops(&s->ops, v->ops, LK_PERM_EDIT_PLAN, v->ui->ctx->role);
	v->ops = &s->ops.ops;
	s->ctx = v->ui->ctx;
	s->run_id = *(const int64_t *)arg;
	list_init(&s->list, &dec_list_ops, s);
	if (mtg_load(s, err) < 0)
		return -1;
	return (s->run_label = eval_run_label(&s->run)) ? 0 : lk_fail(err, LK_ENOMEM, _("Out of memory."));
}

static void mtg_done(lk_view *v)
{
	mtg_state *s = v->state;
	list_fini(&s->list);
	rows_free(s);
	meeting_free(&s->m);
	run_free(&s->run);
	free(s->run_label);
}

static int mtg_reload(lk_view *v, lk_err *err)
{
	return mtg_load(v->state, err);
}

static lk_list *mtg_list(lk_view *v)
{
	return &((mtg_state *)v->state)->list;
}

static char *mtg_title(lk_view *v)
{
	return uitext_printf(_("Evaluation meeting: %s"), ((mtg_state *)v->state)->run_label);
}

/* The meeting (or that there is none yet); returns the lines used. */
static int draw_meeting(mtg_state *s, lk_ui *ui, lk_rect r)
{
	bool coord = role_allows(s->ctx->role, LK_PERM_EDIT_PLAN);
	if (!s->has_meeting)
		return screen_wrap(ui, r, coord ? _("! No evaluation meeting is recorded for this run yet: m records it, with the planning group as attending (remove who did not come).")
		                                : _("! No evaluation meeting is recorded for this run yet."), LK_STYLE_WARNING);
	char *when = meeting_when(&s->m);
	char *line = uitext_printf(_("%s · %s · %lld attended"), when ? when : "",
		*s->m.place ? s->m.place : _("(no place given)"), (long long)s->m.n_attendees);
	int n = screen_wrap(ui, r, line ? line : "", LK_STYLE_NORMAL);
	free(line);
	free(when);
	if (*s->m.notes && n < r.h) {
		int k = screen_wrap(ui, (lk_rect){r.y + n, r.x, 2, r.w}, s->m.notes, LK_STYLE_DIM);
		n += k > 2 ? 2 : k;
	}
	return n;
}

static void mtg_draw(lk_view *v, lk_rect r)
{
	mtg_state *s = v->state;
	lk_rect in = {r.y + 1, r.x + 1, r.h - 1, r.w - 2};
	int y = draw_meeting(s, v->ui, in) + 1;
	screen_cursor(v->ui, in.y, in.x);
	if (!s->has_meeting)
		return;
	lk_rect rest = {in.y + y, in.x, in.h - y, in.w};
	int list_h = s->n + 2 < rest.h / 2 ? s->n + 2 : rest.h / 2;
	list_h = list_h < 3 ? (rest.h < 3 ? rest.h : 3) : list_h;
	ui_draw_list(v->ui, &s->list, (lk_rect){rest.y, rest.x, list_h, rest.w});
	const dec_row *row = list_selected(&s->list);
	if (row && rest.h - list_h > 2)
		screen_wrap(v->ui, (lk_rect){rest.y + list_h + 1, rest.x, rest.h - list_h - 1, rest.w}, row->d.text, LK_STYLE_NORMAL);
}

/* ---- keys ---- */

static void mtg_reread(lk_view *v)
{
	lk_err err;
	if (mtg_load(v->state, &err) < 0)
		ui_status_err(v->ui, &err);
}

static void mtg_meeting(lk_view *v)
{
	mtg_state *s = v->state;
	if (s->has_meeting)
		ui_push(v->ui, &course_meeting_view, &s->m.id, NULL);
	else
		ui_push(v->ui, &eval_meeting_form_view, &s->run_id, NULL);
}

static void dec_delete(lk_view *v, const dec_row *r)
{
	mtg_state *s = v->state;
	lk_err err;
	char *q = uitext_printf(_("Delete decision %s? %s"), r->no,
		r->revised ? _("The revision made from it stays in the course's log, without the link.") : "");
	int64_t id = r->d.id, version = r->d.version;
	if (!q || !dialog_confirm(v->ui, _("Delete decision"), q))
		ui_status(v->ui, LK_STYLE_NORMAL, "%s", _("Nothing was deleted."));
	else if (meeting_decision_delete(s->ctx, id, version, &err) < 0)
		dialog_error(v->ui, _("Not deleted"), err.msg);
	else
		ui_status(v->ui, LK_STYLE_OK, "%s", _("Deleted the decision."));
	free(q);
	mtg_reread(v);
}

static void dec_action(lk_view *v, lk_action a, const dec_row *r)
{
	mtg_state *s = v->state;
	lk_eval_decision_ref ref = {s->m.id, r->d.id};
	if (a == LK_ACT_EDIT)
		ui_push(v->ui, &eval_decision_form_view, &ref, NULL);
	else if (a == LK_ACT_DELETE)
		dec_delete(v, r);
	else
		ui_push(v->ui, &eval_revision_form_view, &r->d.id, NULL);
}

static bool mtg_request(lk_view *v, lk_action a)
{
	mtg_state *s = v->state;
	const dec_row *r = s->has_meeting ? list_selected(&s->list) : NULL;
	lk_eval_decision_ref ref = {s->m.id, 0};
	switch (a) {
	case LK_ACT_MEETING: if (eval_may(v->ui, LK_PERM_EDIT_PLAN)) mtg_meeting(v); return true;
	case LK_ACT_ADD: case LK_ACT_EDIT: case LK_ACT_DELETE: case LK_ACT_REVISE: break;
	default: return false;
	}
	if (!eval_may(v->ui, LK_PERM_EDIT_PLAN))
		return true;
	if (!s->has_meeting)
		ui_status(v->ui, LK_STYLE_WARNING, "%s", _("Record the evaluation meeting first: m."));
	else if (a == LK_ACT_ADD)
		ui_push(v->ui, &eval_decision_form_view, &ref, NULL);
	else if (!r)
		ui_status(v->ui, LK_STYLE_WARNING, "%s", _("No decision is selected."));
	else
		dec_action(v, a, r);
	return true;
}

static const lk_action mtg_actions[] = {
	LK_ACT_MOVE_UP, LK_ACT_MOVE_DOWN, LK_ACT_PAGE_UP, LK_ACT_PAGE_DOWN, LK_ACT_MOVE_FIRST,
	LK_ACT_MOVE_LAST, LK_ACT_BACK, LK_ACT_MEETING, LK_ACT_ADD, LK_ACT_EDIT, LK_ACT_DELETE,
	LK_ACT_REVISE, 0,
};
static const lk_action mtg_hints[] = {
	LK_ACT_MEETING, LK_ACT_ADD, LK_ACT_EDIT, LK_ACT_REVISE, LK_ACT_BACK, 0,
};

const lk_view_ops eval_meeting_view = {
	.name = "eval-meeting",
	.label = N_("Evaluation meeting"),
	.state_size = sizeof(mtg_state),
	.actions = mtg_actions,
	.hints = mtg_hints,
	.open = mtg_open,
	.done = mtg_done,
	.title = mtg_title,
	.reload = mtg_reload,
	.list = mtg_list,
	.draw = mtg_draw,
	.request = mtg_request,
};

/* ---- recording the meeting ---- */

enum { MF_DATE, MF_START, MF_END, MF_PLACE, MF_NOTES };

typedef struct mform_state {
	lk_form form; /* first: the shared form helpers read it */
	lk_run run;
	char *run_label;
} mform_state;

static int mform_open(lk_view *v, const void *arg, lk_err *err)
{
	mform_state *s = v->state;
	char today[11];
	if (role_require(v->ui->ctx, LK_PERM_EDIT_PLAN, err) < 0 ||
	    run_get(v->ui->ctx, *(const int64_t *)arg, &s->run, err) < 0)
		return -1;
	s->run_label = eval_run_label(&s->run);
	date_show(ctx_today(v->ui->ctx), today);
	lk_form *f = &s->form;
	form_init(f);
	bool ok = s->run_label && form_add_text(f, LK_FIELD_DATE, _("Date"), true, today) == MF_DATE &&
		form_add_text(f, LK_FIELD_TIME, _("Start"), true, NULL) == MF_START &&
		form_add_text(f, LK_FIELD_TIME, _("End"), true, NULL) == MF_END &&
		form_add_text(f, LK_FIELD_TEXT, _("Place"), false, s->run.place) == MF_PLACE &&
		form_add_text(f, LK_FIELD_MULTILINE, _("Notes"), false, NULL) == MF_NOTES;
	return ok ? 0 : lk_fail(err, LK_ENOMEM, _("Out of memory."));
}

static void mform_done(lk_view *v)
{
	mform_state *s = v->state;
	form_free(&s->form);
	run_free(&s->run);
	free(s->run_label);
}

static char *mform_title(lk_view *v)
{
	return uitext_printf(_("Record the evaluation meeting of %s"), ((mform_state *)v->state)->run_label);
}

static int typed_times(mform_state *s, char start[static 17], char end[static 17], lk_err *err)
{
	lk_datetime a = {0}, b = {0};
	if (form_date(&s->form, MF_DATE, &a.date, NULL, err) < 0 ||
	    form_time(&s->form, MF_START, &a.hour, &a.minute, NULL, err) < 0 ||
	    form_time(&s->form, MF_END, &b.hour, &b.minute, NULL, err) < 0)
		return -1;
	b.date = a.date;
	datetime_iso(a, start);
	datetime_iso(b, end);
	return 0;
}

struct member_ids {
	int64_t ids[64];
	int n;
};

static int member_one(void *arg, const lk_member *m)
{
	struct member_ids *w = arg;
	if (w->n < 64 && m->active)
		w->ids[w->n++] = m->person_id;
	return 0;
}

/* The planning group as attending, in person; how many were added. */
static int add_group(lk_ctx *ctx, const lk_meeting *m, lk_err *err)
{
	struct member_ids w = {.n = 0};
	int added = 0;
	if (course_member_list(ctx, m->course_id, member_one, &w, err) < 0)
		return -1;
	for (int i = 0; i < w.n; i++) {
		if (meeting_attendee_add(ctx, m->id, w.ids[i], true, err) < 0)
			return -1;
		added++;
	}
	return added;
}

static void mform_save(lk_view *v)
{
	mform_state *s = v->state;
	char start[17], end[17];
	lk_err err;
	form_clear_errors(&s->form);
	if (typed_times(s, start, end, &err) < 0) {
		ui_status_err(v->ui, &err);
		return;
	}
	lk_meeting m = {
		.course_id = s->run.course_id, .run_id = s->run.id, .kind = LK_MEETING_EVALUATION,
		.starts_at = start, .ends_at = end,
		.place = (char *)form_text(&s->form, MF_PLACE), .notes = (char *)form_text(&s->form, MF_NOTES),
	};
	if (meeting_create(v->ui->ctx, &m, &err) < 0) {
		form_set_error(&s->form, &err);
		ui_status_err(v->ui, &err);
		return;
	}
	int added = add_group(v->ui->ctx, &m, &err);
	if (added < 0)
		ui_status(v->ui, LK_STYLE_WARNING, _("Recorded the meeting, but not everyone of the planning group as attending: %s"), err.msg);
	else
		ui_status(v->ui, LK_STYLE_OK, ngettext("Recorded the meeting with %d member of the planning group as attending; m opens it to change who came.",
			"Recorded the meeting with the %d members of the planning group as attending; m opens it to change who came.",
			(unsigned long)added), added);
	ui_pop(v->ui);
}

static bool mform_request(lk_view *v, lk_action a)
{
	return course_form_request(v, a, mform_save);
}

const lk_view_ops eval_meeting_form_view = {
	.name = "eval-meeting-form",
	.label = N_("Evaluation meeting form"),
	.state_size = sizeof(mform_state),
	.actions = form_actions,
	.hints = form_hints,
	.text_entry = true,
	.open = mform_open,
	.done = mform_done,
	.title = mform_title,
	.draw = course_form_draw,
	.request = mform_request,
	.input = course_form_input,
};

/* ---- a decision ---- */

typedef struct dform_state {
	lk_form form; /* first */
	lk_decision d; /* as read; id 0 while adding */
} dform_state;

static int dform_open(lk_view *v, const void *arg, lk_err *err)
{
	dform_state *s = v->state;
	const lk_eval_decision_ref *ref = arg;
	if (role_require(v->ui->ctx, LK_PERM_EDIT_PLAN, err) < 0 ||
	    (ref->decision_id && meeting_decision_get(v->ui->ctx, ref->decision_id, &s->d, err) < 0))
		return -1;
	s->d.meeting_id = ref->meeting_id;
	form_init(&s->form);
	if (form_add_text(&s->form, LK_FIELD_MULTILINE, _("Decision"), true, s->d.text) < 0)
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	course_form_home(&s->form);
	return 0;
}

static void dform_done(lk_view *v)
{
	dform_state *s = v->state;
	form_free(&s->form);
	meeting_decision_free(&s->d);
}

static char *dform_title(lk_view *v)
{
	return uitext_printf("%s", ((dform_state *)v->state)->d.id ? _("Change the decision") : _("New decision"));
}

static void dform_save(lk_view *v)
{
	dform_state *s = v->state;
	lk_err err;
	lk_decision d = s->d;
	d.text = (char *)form_text(&s->form, 0);
	form_clear_errors(&s->form);
	int rc = d.id ? meeting_decision_update(v->ui->ctx, &d, &err) : meeting_decision_add(v->ui->ctx, &d, &err);
	if (rc < 0) {
		form_set_error(&s->form, &err);
		ui_status_err(v->ui, &err);
		return;
	}
	ui_status(v->ui, LK_STYLE_OK, "%s", s->d.id ? _("Saved the decision.") : _("Added the decision; r turns it into a revision of the course."));
	ui_pop(v->ui);
}

static bool dform_request(lk_view *v, lk_action a)
{
	return course_form_request(v, a, dform_save);
}

const lk_view_ops eval_decision_form_view = {
	.name = "eval-decision-form",
	.label = N_("Decision"),
	.state_size = sizeof(dform_state),
	.actions = form_actions,
	.hints = form_hints,
	.text_entry = true,
	.open = dform_open,
	.done = dform_done,
	.title = dform_title,
	.draw = course_form_draw,
	.request = dform_request,
	.input = course_form_input,
};

/* ---- a revision from a decision ---- */

enum { RF_ELEMENT, RF_PART, RF_CHANGE, RF_WHY };
enum { PARTS_MAX = 40 };

typedef struct rform_state {
	lk_form form; /* first */
	int64_t decision_id, course_id;
	const char *elements[LK_ELEMENT_COUNT];
	const char *parts[PARTS_MAX + 1];
	char *part_labels[PARTS_MAX + 1];
	int64_t part_ids[PARTS_MAX + 1];
	int nparts;
} rform_state;

static int part_one(void *arg, const lk_course_part *p)
{
	rform_state *s = arg;
	if (s->nparts > PARTS_MAX)
		return 1;
	char *label = uitext_printf("%d. %s", p->position, p->topic);
	if (!label)
		return 1;
	s->part_ids[s->nparts] = p->id;
	s->part_labels[s->nparts] = label;
	s->parts[s->nparts++] = label;
	return 0;
}

static char *why_text(lk_ctx *ctx, int64_t meeting_id)
{
	lk_meeting m;
	lk_err err;
	char *t = NULL;
	if (meeting_get(ctx, meeting_id, &m, &err) == 0) {
		char *when = meeting_when(&m);
		t = uitext_printf(_("Decided at the evaluation meeting %s."), when ? when : "");
		free(when);
	}
	meeting_free(&m);
	return t;
}

static int rform_build(rform_state *s, const lk_decision *d, lk_ctx *ctx, lk_err *err)
{
	s->parts[0] = _("(no part of the session plan)");
	s->nparts = 1;
	if (course_part_list(ctx, s->course_id, part_one, s, err) < 0)
		return -1;
	for (int i = 0; i < LK_ELEMENT_COUNT; i++)
		s->elements[i] = revision_element_label((lk_plan_element)i);
	char *why = why_text(ctx, d->meeting_id);
	lk_form *f = &s->form;
	form_init(f);
	bool ok = form_add_choice(f, _("Plan element"), s->elements, LK_ELEMENT_COUNT, LK_ELEMENT_CONTENT) == RF_ELEMENT &&
		form_add_choice(f, _("Part of the session plan"), s->parts, s->nparts, 0) == RF_PART &&
		form_add_text(f, LK_FIELD_MULTILINE, _("Change"), true, d->text) == RF_CHANGE &&
		form_add_text(f, LK_FIELD_MULTILINE, _("Why"), false, why) == RF_WHY;
	free(why);
	course_form_home(f);
	return ok ? 0 : lk_fail(err, LK_ENOMEM, _("Out of memory."));
}

static int rform_open(lk_view *v, const void *arg, lk_err *err)
{
	rform_state *s = v->state;
	lk_ctx *ctx = v->ui->ctx;
	lk_decision d = {0};
	lk_meeting m = {0};
	s->decision_id = *(const int64_t *)arg;
	int rc = role_require(ctx, LK_PERM_EDIT_PLAN, err) < 0 || meeting_decision_get(ctx, s->decision_id, &d, err) < 0 ||
		meeting_get(ctx, d.meeting_id, &m, err) < 0 ? -1 : 0;
	s->course_id = m.course_id;
	if (rc == 0)
		rc = rform_build(s, &d, ctx, err);
	meeting_decision_free(&d);
	meeting_free(&m);
	return rc;
}

static void rform_done(lk_view *v)
{
	rform_state *s = v->state;
	form_free(&s->form);
	for (int i = 1; i < s->nparts; i++)
		free(s->part_labels[i]);
}

static char *rform_title(lk_view *v)
{
	(void)v;
	return uitext_printf("%s", _("Revision of the course from a decision"));
}

static void rform_save(lk_view *v)
{
	rform_state *s = v->state;
	lk_err err;
	lk_revision r = {
		.course_id = s->course_id, .decision_id = s->decision_id,
		.element = (lk_plan_element)form_choice(&s->form, RF_ELEMENT),
		.part_id = s->part_ids[form_choice(&s->form, RF_PART)],
		.change = (char *)form_text(&s->form, RF_CHANGE),
		.why = (char *)form_text(&s->form, RF_WHY),
	};
	form_clear_errors(&s->form);
	if (revision_add(v->ui->ctx, &r, &err) < 0) {
		form_set_error(&s->form, &err);
		ui_status_err(v->ui, &err);
		return;
	}
	ui_status(v->ui, LK_STYLE_OK, "%s", _("Added to the course's revision log (the course's Revisions tab, newest first)."));
	ui_pop(v->ui);
}

static bool rform_request(lk_view *v, lk_action a)
{
	return course_form_request(v, a, rform_save);
}

const lk_view_ops eval_revision_form_view = {
	.name = "eval-revision-form",
	.label = N_("Revision from a decision"),
	.state_size = sizeof(rform_state),
	.actions = form_actions,
	.hints = form_hints,
	.text_entry = true,
	.open = rform_open,
	.done = rform_done,
	.title = rform_title,
	.draw = course_form_draw,
	.request = rform_request,
	.input = course_form_input,
};
