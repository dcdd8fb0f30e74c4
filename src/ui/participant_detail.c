/*
 * participant_detail.c — one participant: name and number, for
 * coordinators the contact details (participant_get logs the read) and
 * whether another record looks like the same person (M merges it into
 * this one), then their places in runs, newest run first. Enter opens the
 * selected place's run.
 *
 * The core lists enrollments by run only (enroll.h), so the places are
 * found by walking every run's enrollments once when the screen is read:
 * run ids a page at a time, then one enroll_list per run. That is one
 * indexed query per run (about 40 ms for 1 300 runs); a core query by
 * participant would make it one.
 */
#include "lmskurs/ui/participants.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/i18n.h"
#include "lmskurs/role.h"
#include "lmskurs/run.h"
#include "lmskurs/ui/dialog.h"
#include "lmskurs/ui/runs.h"
#include "lmskurs/ui/uitext.h"

/* ---- the places, found once per read ---- */

typedef struct place_row {
	int64_t enrollment_id, run_id;
	char *run, *dates, *status;
	lk_category category;
	bool cancelled;
} place_row;

typedef struct id_vec {
	int64_t *v;
	int n, cap;
} id_vec;

static int id_push(id_vec *ids, int64_t id)
{
	if (ids->n == ids->cap) {
		int cap = ids->cap ? ids->cap * 2 : 256;
		int64_t *v = realloc(ids->v, (size_t)cap * sizeof *v);
		if (!v)
			return -1;
		ids->v = v;
		ids->cap = cap;
	}
	ids->v[ids->n++] = id;
	return 0;
}

static int run_id_one(void *arg, const lk_run *r)
{
	return id_push(arg, r->id) < 0;
}

enum { RUN_PAGE = 200, ENR_PAGE = 500 };

static int all_run_ids(lk_ctx *ctx, id_vec *ids, lk_err *err)
{
	for (int64_t off = 0;; off += RUN_PAGE) {
		int before = ids->n;
		if (run_list(ctx, NULL, (lk_page){off, RUN_PAGE}, run_id_one, ids, err) < 0)
			return -1;
		if (ids->n - before < RUN_PAGE)
			return 0;
	}
}

typedef struct place_vec {
	place_row *v;
	int n, cap;
} place_vec;

static void place_free(place_row *p)
{
	free(p->run);
	free(p->dates);
	free(p->status);
}

static void places_free(place_vec *pv)
{
	for (int i = 0; i < pv->n; i++)
		place_free(&pv->v[i]);
	free(pv->v);
	memset(pv, 0, sizeof *pv);
}

struct place_walk {
	int64_t participant_id;
	place_vec *out;
	int got, rc;
};

static int place_one(void *arg, const lk_enrollment *e)
{
	struct place_walk *w = arg;
	w->got++;
	if (e->participant_id != w->participant_id)
		return 0;
	place_vec *pv = w->out;
	if (pv->n == pv->cap) {
		int cap = pv->cap ? pv->cap * 2 : 8;
		place_row *v = realloc(pv->v, (size_t)cap * sizeof *v);
		if (!v)
			return w->rc = -1;
		pv->v = v;
		pv->cap = cap;
	}
	pv->v[pv->n++] = (place_row){.enrollment_id = e->id, .run_id = e->run_id,
		.status = enroll_status_text(e), .category = e->category,
		.cancelled = e->status == LK_ENR_CANCELLED};
	return pv->v[pv->n - 1].status ? 0 : (w->rc = -1);
}

static int places_in_run(lk_ctx *ctx, int64_t run_id, struct place_walk *w, lk_err *err)
{
	for (int64_t off = 0;; off += ENR_PAGE) {
		w->got = 0;
		if (enroll_list(ctx, run_id, -1, (lk_page){off, ENR_PAGE}, place_one, w, err) < 0)
			return -1;
		if (w->rc < 0)
			return lk_fail(err, LK_ENOMEM, _("Out of memory."));
		if (w->got < ENR_PAGE)
			return 0;
	}
}

/* The run's name and dates for each place found. */
static int places_label(lk_ctx *ctx, place_vec *pv, lk_err *err)
{
	for (int i = 0; i < pv->n; i++) {
		lk_run r;
		if (run_get(ctx, pv->v[i].run_id, &r, err) < 0) {
			run_free(&r);
			return -1;
		}
		pv->v[i].run = enroll_run_name(r.course_title, r.title);
		pv->v[i].dates = runs_dates_text(r.first_date, r.last_date);
		run_free(&r);
		if (!pv->v[i].run || !pv->v[i].dates)
			return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	}
	return 0;
}

static int places_read(lk_ctx *ctx, int64_t participant_id, place_vec *out, lk_err *err)
{
	id_vec ids = {0};
	struct place_walk w = {participant_id, out, 0, 0};
	int rc = all_run_ids(ctx, &ids, err);
	for (int i = 0; rc == 0 && i < ids.n; i++)
		rc = places_in_run(ctx, ids.v[i], &w, err);
	free(ids.v);
	return rc < 0 ? -1 : places_label(ctx, out, err);
}

/* ---- the list over the places read ---- */

typedef struct detail_state {
	lk_ctx *ctx;
	int64_t id;
	lk_participant p;
	bool gone;
	int ndups;        /* other records of the same person (coordinators) */
	int64_t dup_id;   /* the first of them */
	place_vec places;
	lk_list list;
} detail_state;

static int64_t pl_count(lk_list *l, lk_err *err)
{
	(void)err;
	return ((detail_state *)l->arg)->places.n;
}

static void pl_row_free(void *row)
{
	place_free(row);
	free(row);
}

/* A copy the list owns, so the places can be read again under it. */
static place_row *pl_row_copy(const place_row *p)
{
	place_row *c = malloc(sizeof *c);
	if (!c)
		return NULL;
	*c = *p;
	c->run = strdup(p->run);
	c->dates = strdup(p->dates);
	c->status = strdup(p->status);
	if (c->run && c->dates && c->status)
		return c;
	pl_row_free(c);
	return NULL;
}

static int pl_fetch(lk_list *l, lk_page page, lk_err *err)
{
	detail_state *s = l->arg;
	for (int64_t i = page.offset; i < s->places.n && i < page.offset + page.limit; i++) {
		place_row *c = pl_row_copy(&s->places.v[i]);
		if (!c)
			return lk_fail(err, LK_ENOMEM, _("Out of memory."));
		if (list_add_row(l, c, err) < 0)
			return -1;
	}
	return 0;
}

static int64_t pl_row_id(const void *row)
{
	return ((const place_row *)row)->enrollment_id;
}

static lk_style pl_cells(const void *row, const char **cells)
{
	const place_row *r = row;
	cells[0] = r->run;
	cells[1] = r->status;
	cells[2] = r->dates;
	cells[3] = enroll_category_label(r->category);
	return r->cancelled ? LK_STYLE_DIM : LK_STYLE_NORMAL;
}

/* The status comes before the dates, so a narrow screen keeps it; the
 * referral is shown on the run's own list. */
static const lk_column pl_cols[] = {
	{N_("Run"), 16, 1},
	{N_("Status"), 11, 0},
	{N_("Dates"), 26, 0},
	{N_("Category"), 9, 0},
};

static const lk_list_ops pl_ops = {
	.cols = pl_cols, .ncols = 4,
	.count = pl_count, .fetch = pl_fetch, .row_free = pl_row_free,
	.row_id = pl_row_id, .row_cells = pl_cells,
	.empty_text = N_("No places in any run."),
};

/* ---- reading ---- */

static int dup_count_one(void *arg, const lk_participant *p)
{
	detail_state *s = arg;
	if (p->id != s->id && s->ndups++ == 0)
		s->dup_id = p->id;
	return 0;
}

/* Other records with the same name and phone or e-mail (coordinators). */
static int dups_read(detail_state *s, lk_err *err)
{
	s->ndups = 0;
	s->dup_id = 0;
	if (!role_allows(s->ctx->role, LK_PERM_EDIT_PARTICIPANTS) || s->p.purged)
		return 0;
	return participant_find_duplicates(s->ctx, s->p.name, s->p.phone, s->p.email, dup_count_one, s, err);
}

static int detail_load(detail_state *s, lk_err *err)
{
	participant_free(&s->p);
	places_free(&s->places);
	if (participant_get(s->ctx, s->id, &s->p, err) < 0) {
		s->gone = err->code == LK_ENOTFOUND;
		return s->gone ? 0 : -1;
	}
	s->gone = false;
	if (dups_read(s, err) < 0 || places_read(s->ctx, s->id, &s->places, err) < 0)
		return -1;
	return list_reload(&s->list, err);
}

static void detail_pick_ops(lk_view *v)
{
	detail_state *s = v->state;
	bool edits = role_allows(v->ui->ctx->role, LK_PERM_EDIT_PARTICIPANTS) && !s->gone && !s->p.purged;
	v->ops = edits ? &participant_detail_view : &participant_detail_readonly;
}

static int detail_reload(lk_view *v, lk_err *err)
{
	int rc = detail_load(v->state, err);
	detail_pick_ops(v);
	return rc;
}

static int detail_open(lk_view *v, const void *arg, lk_err *err)
{
	detail_state *s = v->state;
	s->ctx = v->ui->ctx;
	s->id = *(const int64_t *)arg;
	list_init(&s->list, &pl_ops, s);
	if (detail_reload(v, err) < 0)
		return -1;
	return s->gone ? lk_fail(err, LK_ENOTFOUND, "%s", err->msg) : 0;
}

static void detail_done(lk_view *v)
{
	detail_state *s = v->state;
	list_fini(&s->list);
	places_free(&s->places);
	participant_free(&s->p);
}

static lk_list *detail_list(lk_view *v)
{
	detail_state *s = v->state;
	return s->gone ? NULL : &s->list;
}

static char *detail_title(lk_view *v)
{
	detail_state *s = v->state;
	const char *name = s->gone ? _("(deleted)") : s->p.purged ? _("(removed by the privacy purge)") : s->p.name;
	return uitext_printf(_("Participant: %s"), name);
}

/* ---- drawing ---- */

static const char *given(const char *s)
{
	return s && *s ? s : _("(not given)");
}

/* The lines above the places (newly allocated, NULL-terminated). */
static int head_lines(const detail_state *s, char *lines[static 4])
{
	const lk_participant *p = &s->p;
	char added[48] = "", born[16] = "–";
	if (p->created_at && strlen(p->created_at) >= 10) {
		char iso[11];
		lk_date d;
		memcpy(iso, p->created_at, 10);
		iso[10] = '\0';
		if (date_parse(iso, &d, NULL) == 0)
			uitext_date(d, added);
	}
	if (p->birth_year)
		snprintf(born, sizeof born, "%d", p->birth_year);
	int n = 0;
	lines[n++] = uitext_printf(_("No. %lld · added %s"), (long long)p->id, added);
	if (p->contact_shown) {
		lines[n++] = uitext_printf(_("Phone: %s   E-mail: %s   Born: %s"), given(p->phone), given(p->email), born);
		lines[n++] = uitext_printf(_("Notes: %s"), given(p->notes));
	} else {
		lines[n++] = strdup(_("Names only: contact details are for coordinators."));
	}
	if (s->ndups == 1)
		lines[n++] = uitext_printf(_("! Possibly the same person: record no. %lld has the same name and phone or e-mail. M merges it into this one."),
			(long long)s->dup_id);
	else if (s->ndups > 1)
		lines[n++] = uitext_printf(_("! Possibly the same person: %d other records have the same name and phone or e-mail (the first no. %lld). M merges them into this one, one by one."),
			s->ndups, (long long)s->dup_id);
	return n;
}

static int draw_head(detail_state *s, lk_ui *ui, lk_rect r)
{
	char *lines[4] = {0};
	int n = head_lines(s, lines), y = 0;
	for (int i = 0; i < n; i++) {
		lk_style st = lines[i] && lines[i][0] == '!' ? LK_STYLE_WARNING : i == 0 ? LK_STYLE_NORMAL : LK_STYLE_DIM;
		if (y < r.h && lines[i])
			y += screen_wrap(ui, (lk_rect){r.y + y, r.x, r.h - y < 3 ? r.h - y : 3, r.w}, lines[i], st);
		free(lines[i]);
	}
	return y < r.h ? y : r.h;
}

static void detail_draw(lk_view *v, lk_rect r)
{
	detail_state *s = v->state;
	lk_rect in = {r.y + 1, r.x + 1, r.h - 1, r.w - 2};
	if (s->gone) {
		screen_wrap(v->ui, in, _("! Someone else deleted this participant meanwhile. Esc goes back."), LK_STYLE_WARNING);
		screen_cursor(v->ui, in.y, in.x);
		return;
	}
	int head = draw_head(s, v->ui, in) + 1;
	if (head < in.h)
		screen_text(v->ui, in.y + head, in.x, in.w, _("Places in runs"), LK_STYLE_TITLE);
	head++;
	ui_draw_list(v->ui, &s->list, (lk_rect){in.y + head, in.x, in.h - head, in.w});
}

/* ---- merging ---- */

typedef struct dup_rec {
	int64_t id;
	char *name, *phone, *email, *added;
} dup_rec;

typedef struct dup_list {
	int64_t self;
	dup_rec v[8]; /* the first few: asked about one by one */
	int n;
} dup_list;

static int dup_keep(void *arg, const lk_participant *p)
{
	dup_list *d = arg;
	if (p->id == d->self || d->n == (int)(sizeof d->v / sizeof d->v[0]))
		return 0;
	char added[11];
	lk_date day;
	snprintf(added, sizeof added, "%.10s", p->created_at ? p->created_at : "");
	if (date_parse(added, &day, NULL) == 0)
		date_show(day, added);
	d->v[d->n++] = (dup_rec){p->id, strdup(p->name ? p->name : ""), strdup(given(p->phone)),
		strdup(given(p->email)), strdup(added)};
	return 0;
}

static void dups_free(dup_list *d)
{
	for (int i = 0; i < d->n; i++) {
		free(d->v[i].name);
		free(d->v[i].phone);
		free(d->v[i].email);
		free(d->v[i].added);
	}
	d->n = 0;
}

static char *merge_question(const dup_rec *r, int64_t keep)
{
	return uitext_printf(_("Merge record no. %lld (%s, phone %s, e-mail %s, added %s) into this one (no. %lld)? Its places in runs move here, its phone, e-mail and birth year fill in what this record lacks, its notes are added to these, and record no. %lld is deleted. This cannot be undone."),
		(long long)r->id, r->name ? r->name : "", r->phone ? r->phone : "", r->email ? r->email : "",
		r->added ? r->added : "", (long long)keep, (long long)r->id);
}

/* Asks about each record of the same person in turn; merges the first one
 * the user says yes to. */
static void merge_ask(lk_view *v, const dup_list *d)
{
	detail_state *s = v->state;
	lk_err err;
	for (int i = 0; i < d->n; i++) {
		char *q = merge_question(&d->v[i], s->id);
		bool yes = q && dialog_confirm(v->ui, _("Merge two records of one person"), q);
		free(q);
		if (!yes)
			continue;
		if (participant_merge(s->ctx, s->id, d->v[i].id, &err) < 0)
			dialog_error(v->ui, _("Not merged"), err.msg);
		else
			ui_status(v->ui, LK_STYLE_OK, _("Merged record no. %lld into no. %lld."), (long long)d->v[i].id,
				(long long)s->id);
		return;
	}
	ui_status(v->ui, LK_STYLE_NORMAL, "%s", _("Nothing was merged."));
}

static void detail_merge(lk_view *v)
{
	detail_state *s = v->state;
	dup_list d = {.self = s->id};
	lk_err err;
	if (participant_find_duplicates(s->ctx, s->p.name, s->p.phone, s->p.email, dup_keep, &d, &err) < 0)
		ui_status_err(v->ui, &err);
	else if (d.n == 0)
		ui_status(v->ui, LK_STYLE_NORMAL, "%s", _("No other record has the same name and the same phone or e-mail."));
	else
		merge_ask(v, &d);
	dups_free(&d);
	if (detail_reload(v, &err) < 0)
		ui_status_err(v->ui, &err);
}

/* ---- keys ---- */

static bool detail_request(lk_view *v, lk_action a)
{
	detail_state *s = v->state;
	const place_row *r = s->gone ? NULL : list_selected(&s->list);
	if (s->gone)
		return false;
	switch (a) {
	case LK_ACT_OPEN:
		if (r)
			ui_push(v->ui, &run_enroll_view, &r->run_id, NULL);
		else
			ui_status(v->ui, LK_STYLE_WARNING, "%s", _("No place in a run is selected."));
		return true;
	case LK_ACT_EDIT:
		ui_push(v->ui, &participant_form_view, &(lk_participant_form_arg){.id = s->id}, NULL);
		return true;
	case LK_ACT_DELETE:
		if (participants_delete(v->ui, s->id, s->p.version, s->p.name))
			ui_pop(v->ui);
		return true;
	case LK_ACT_MERGE:
		detail_merge(v);
		return true;
	default:
		return false;
	}
}

#define DETAIL_MOVES \
	LK_ACT_MOVE_UP, LK_ACT_MOVE_DOWN, LK_ACT_PAGE_UP, LK_ACT_PAGE_DOWN, \
	LK_ACT_MOVE_FIRST, LK_ACT_MOVE_LAST, LK_ACT_OPEN, LK_ACT_BACK

static const lk_action detail_actions[] = {DETAIL_MOVES, LK_ACT_EDIT, LK_ACT_DELETE, LK_ACT_MERGE, 0};
static const lk_action detail_hints[] = {LK_ACT_OPEN, LK_ACT_EDIT, LK_ACT_MERGE, LK_ACT_DELETE, LK_ACT_BACK, 0};
static const lk_action detail_readonly_actions[] = {DETAIL_MOVES, 0};
static const lk_action detail_readonly_hints[] = {LK_ACT_OPEN, LK_ACT_BACK, 0};

#define DETAIL_OPS(nm, acts, hnts) { \
	.name = nm, .label = N_("Participant"), .state_size = sizeof(detail_state), \
	.actions = acts, .hints = hnts, .open = detail_open, .done = detail_done, \
	.title = detail_title, .reload = detail_reload, .list = detail_list, .draw = detail_draw, \
	.request = detail_request, }

const lk_view_ops participant_detail_view = DETAIL_OPS("participant-detail", detail_actions, detail_hints);
const lk_view_ops participant_detail_readonly = DETAIL_OPS("participant-detail-readonly",
	detail_readonly_actions, detail_readonly_hints);
