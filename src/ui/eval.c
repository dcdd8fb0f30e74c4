/*
 * eval.c — one run's evaluation (eval_run_view): a row for each part of
 * the evaluation with where it stands (forms entered against who came,
 * results, the facilitators' own evaluations, the evaluation meeting, the
 * questionnaire), Enter opens it. Rows a role cannot use are left out.
 * Also what the evaluation screens share (counters, facilitators, the
 * run's evaluation meeting, ops by role).
 */
#include "lmskurs/ui/eval.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/attendance.h"
#include "lmskurs/course.h"
#include "lmskurs/i18n.h"
#include "lmskurs/response.h"
#include "lmskurs/session.h"
#include "lmskurs/ui/runs.h"
#include "lmskurs/ui/uitext.h"

/* ---- shared ---- */

static int last_held_one(void *arg, const lk_session *se)
{
	if (se->status == LK_SESSION_HELD)
		*(int64_t *)arg = se->id;
	return 0;
}

int eval_read_counts(lk_ctx *ctx, int64_t run_id, int64_t *forms, int *came, lk_err *err)
{
	int64_t last = 0;
	int present = 0;
	*came = -1;
	if ((*forms = response_count(ctx, run_id, err)) < 0 || session_list(ctx, run_id, last_held_one, &last, err) < 0)
		return -1;
	if (last && attendance_session_counts(ctx, last, &present, NULL, NULL, NULL, err) < 0)
		return -1;
	*came = last ? present : -1;
	return 0;
}

void eval_stamp_text(const char *stamp, bool with_time, char buf[static 64])
{
	char day[11] = "", time[6] = "", shown[48];
	lk_date d;
	int h, m;
	lk_err err;
	snprintf(buf, 64, "%s", stamp ? stamp : "");
	if (!stamp || strlen(stamp) < 10)
		return;
	memcpy(day, stamp, 10);
	if (date_parse(day, &d, &err) < 0)
		return;
	uitext_date(d, shown);
	if (with_time && strlen(stamp) >= 16) {
		memcpy(time, stamp + 11, 5);
		if (time_parse(time, &h, &m, &err) == 0) {
			snprintf(buf, 64, "%s %02d:%02d", shown, h, m);
			return;
		}
	}
	snprintf(buf, 64, "%s", shown);
}

char *eval_run_label(const lk_run *r)
{
	return r->title && *r->title ? uitext_printf("%s · %s", r->course_title, r->title)
	                             : uitext_printf("%s", r->course_title);
}

void eval_role_ops(lk_role_ops *out, const lk_view_ops *ops, lk_perm perm, lk_role role)
{
	bool keep = role_allows(role, perm);
	const lk_action *in[2] = {ops->actions, ops->hints};
	lk_action *to[2] = {out->actions, out->hints};
	out->ops = *ops;
	for (int k = 0; k < 2; k++) {
		int n = 0;
		for (const lk_action *a = in[k]; a && *a && n < LK_ACT_COUNT; a++)
			if (keep || keys_action(*a)->group != LK_GROUP_CHANGE)
				to[k][n++] = *a;
		to[k][n] = LK_ACT_NONE;
	}
	out->ops.actions = out->actions;
	out->ops.hints = out->hints;
}

bool eval_may(lk_ui *ui, lk_perm perm)
{
	lk_err err;
	if (role_require(ui->ctx, perm, &err) == 0)
		return true;
	ui_status_err(ui, &err);
	return false;
}

/* Facilitators: session ids first (no listing inside a listing), then
 * each session's people, kept once. */
struct id_walk {
	int64_t *ids;
	int n, cap;
	bool oom;
};

static int session_id_one(void *arg, const lk_session *se)
{
	struct id_walk *w = arg;
	if (w->n == w->cap) {
		int cap = w->cap ? w->cap * 2 : 16;
		int64_t *ids = realloc(w->ids, (size_t)cap * sizeof *ids);
		if (!ids)
			return w->oom = true;
		w->ids = ids;
		w->cap = cap;
	}
	w->ids[w->n++] = se->id;
	return 0;
}

struct fac_walk {
	lk_eval_facilitator *v;
	int n, cap;
	bool oom;
};

static int facilitator_one(void *arg, const lk_person *p)
{
	struct fac_walk *w = arg;
	for (int i = 0; i < w->n; i++)
		if (w->v[i].person_id == p->id)
			return 0;
	if (w->n == w->cap) {
		int cap = w->cap ? w->cap * 2 : 8;
		lk_eval_facilitator *v = realloc(w->v, (size_t)cap * sizeof *v);
		if (!v)
			return w->oom = true;
		w->v = v;
		w->cap = cap;
	}
	char *name = strdup(p->name ? p->name : "");
	if (!name)
		return w->oom = true;
	w->v[w->n++] = (lk_eval_facilitator){p->id, name, p->kind};
	return 0;
}

static int facilitator_cmp(const void *a, const void *b)
{
	const lk_eval_facilitator *x = a, *y = b;
	if (x->kind != y->kind)
		return x->kind == LK_PROFESSIONAL ? -1 : 1;
	return strcoll(x->name, y->name);
}

int eval_facilitators_read(lk_ctx *ctx, int64_t run_id, lk_eval_facilitator **out, int *n, lk_err *err)
{
	struct id_walk ids = {0};
	struct fac_walk w = {0};
	int rc = session_list(ctx, run_id, session_id_one, &ids, err);
	for (int i = 0; rc == 0 && !ids.oom && !w.oom && i < ids.n; i++)
		rc = session_facilitator_list(ctx, ids.ids[i], facilitator_one, &w, err);
	free(ids.ids);
	*out = w.v;
	*n = w.n;
	if (rc == 0 && (ids.oom || w.oom))
		rc = lk_fail(err, LK_ENOMEM, _("Out of memory."));
	if (rc == 0 && w.n > 1)
		qsort(w.v, (size_t)w.n, sizeof *w.v, facilitator_cmp);
	return rc;
}

void eval_facilitators_free(lk_eval_facilitator *f, int n)
{
	for (int i = 0; f && i < n; i++)
		free(f[i].name);
	free(f);
}

struct meeting_find {
	int64_t run_id;
	lk_meeting *out;
	int found; /* 1 found, -1 out of memory */
};

static char *dup_or_empty(const char *s)
{
	return strdup(s ? s : "");
}

static int meeting_one(void *arg, const lk_meeting *m)
{
	struct meeting_find *f = arg;
	if (m->run_id != f->run_id)
		return 0;
	*f->out = *m;
	f->out->starts_at = dup_or_empty(m->starts_at);
	f->out->ends_at = dup_or_empty(m->ends_at);
	f->out->place = dup_or_empty(m->place);
	f->out->notes = dup_or_empty(m->notes);
	bool ok = f->out->starts_at && f->out->ends_at && f->out->place && f->out->notes;
	f->found = ok ? 1 : -1;
	return 1;
}

int eval_meeting_find(lk_ctx *ctx, int64_t course_id, int64_t run_id, lk_meeting *out, lk_err *err)
{
	enum { PAGE = 50 };
	struct meeting_find f = {run_id, out, 0};
	memset(out, 0, sizeof *out);
	int64_t total = meeting_count(ctx, course_id, LK_MEETING_EVALUATION, err);
	for (int64_t off = 0; total >= 0 && !f.found && off < total; off += PAGE)
		if (meeting_list(ctx, course_id, LK_MEETING_EVALUATION, (lk_page){off, PAGE}, meeting_one, &f, err) < 0)
			return -1;
	if (total < 0)
		return -1;
	if (f.found < 0) {
		meeting_free(out);
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	}
	return f.found;
}

/* ---- the run's evaluation ---- */

typedef enum hub_row {
	ROW_ENTRY, ROW_FORMS, ROW_RESULTS, ROW_FACILITATORS, ROW_MEETING, ROW_QUESTIONNAIRE,
	ROW_COURSE_QUESTIONNAIRE, ROW_COUNT
} hub_row;

static const struct {
	const char *label;
	lk_perm perm;
} row_table[ROW_COUNT] = {
	[ROW_ENTRY] = {N_("Enter forms"), LK_PERM_ENTER_RESPONSES},
	[ROW_FORMS] = {N_("Entered forms"), LK_PERM_ENTER_RESPONSES},
	[ROW_RESULTS] = {N_("Results"), LK_PERM_READ_RESULTS},
	[ROW_FACILITATORS] = {N_("Facilitators' own evaluations"), LK_PERM_WRITE_FACILITATOR_EVALUATION},
	[ROW_MEETING] = {N_("Evaluation meeting"), LK_PERM_READ_PLAN},
	[ROW_QUESTIONNAIRE] = {N_("Questionnaire of this run"), LK_PERM_READ_PLAN},
	[ROW_COURSE_QUESTIONNAIRE] = {N_("Questionnaire of the course"), LK_PERM_READ_PLAN},
};

typedef struct hub_state {
	int64_t run_id;
	lk_run run;
	bool gone;
	hub_row rows[ROW_COUNT];
	int nrows, cursor;
	char *text[ROW_COUNT]; /* where each part stands, owned */
	bool warn[ROW_COUNT];  /* the text starts with "!" as well */
	int64_t qid;           /* the questionnaire forms are entered on */
	int64_t course_qid;    /* the course's choice, 0 none */
} hub_state;

static void texts_free(hub_state *s)
{
	for (int i = 0; i < ROW_COUNT; i++) {
		free(s->text[i]);
		s->text[i] = NULL;
		s->warn[i] = false;
	}
}

static char *entry_text(lk_ctx *ctx, int64_t run_id, int64_t *forms, lk_err *err)
{
	int came;
	if (eval_read_counts(ctx, run_id, forms, &came, err) < 0)
		return NULL;
	return eval_counter_text(*forms, came);
}

static char *results_text(const lk_ctx *ctx, int64_t forms)
{
	int min = ctx->settings.min_answers;
	if (forms < min)
		return uitext_printf(_("counts only until %d forms are in (%lld now), so nobody can be recognised"),
			min, (long long)forms);
	return uitext_printf(ngettext("%lld form: means, medians and charts", "%lld forms: means, medians and charts",
		(unsigned long)forms), (long long)forms);
}

/* "2 of 3 have written theirs", or the user's own when the others'
 * are not theirs to read. */
static char *facilitators_text(lk_ctx *ctx, int64_t run_id, lk_err *err)
{
	lk_eval_facilitator *f;
	int n, written = 0;
	char *t = NULL;
	if (eval_facilitators_read(ctx, run_id, &f, &n, err) < 0) {
		eval_facilitators_free(f, n);
		return NULL;
	}
	bool all = role_allows(ctx->role, LK_PERM_READ_RESULTS);
	for (int i = 0; i < n; i++) {
		lk_facilitator_eval e;
		lk_err ignore;
		if (!all && f[i].person_id != ctx->person_id)
			continue;
		written += facilitator_eval_get(ctx, run_id, f[i].person_id, &e, &ignore) == 0;
		facilitator_eval_free(&e);
	}
	if (n == 0)
		t = uitext_printf("%s", _("no facilitators booked"));
	else if (all)
		t = uitext_printf(ngettext("%d of %d facilitator has written theirs", "%d of %d facilitators have written theirs",
			(unsigned long)n), written, n);
	else
		t = uitext_printf(ngettext("%d facilitator; yours: %s", "%d facilitators; yours: %s", (unsigned long)n), n,
			written ? _("written") : _("not written yet"));
	eval_facilitators_free(f, n);
	return t;
}

static char *meeting_text(lk_ctx *ctx, const lk_run *run, bool *warn, lk_err *err)
{
	lk_meeting m;
	int found = eval_meeting_find(ctx, run->course_id, run->id, &m, err);
	if (found < 0)
		return NULL;
	*warn = !found;
	if (!found)
		return uitext_printf("%s", _("! not recorded yet; the run leaves evaluation when it is (or with a written reason)"));
	lk_datetime t = {0};
	lk_err ignore;
	char day[48] = "";
	if (datetime_parse(m.starts_at, &t, &ignore) == 0)
		uitext_date(t.date, day);
	char *s = uitext_printf(_("%s · %lld attended · %lld decisions"), day, (long long)m.n_attendees,
		(long long)m.n_decisions);
	meeting_free(&m);
	return s;
}

static char *questionnaire_name(lk_ctx *ctx, int64_t qid, const char *why, lk_err *err)
{
	lk_questionnaire q;
	if (questionnaire_get(ctx, qid, &q, err) < 0) {
		questionnaire_free(&q);
		return NULL;
	}
	char *t = uitext_printf(_("%s, version %d (%s)"), q.name, q.version_no, why);
	questionnaire_free(&q);
	return t;
}

static char *run_questionnaire_text(hub_state *s, lk_ctx *ctx, lk_err *err)
{
	lk_course c;
	if (course_get(ctx, s->run.course_id, &c, err) < 0) {
		course_free(&c);
		return NULL;
	}
	s->course_qid = c.questionnaire_id;
	course_free(&c);
	if (questionnaire_for_run(ctx, s->run_id, &s->qid, err) < 0)
		return NULL;
	const char *why = s->run.questionnaire_id ? _("chosen for this run")
	                  : s->course_qid ? _("the course's choice") : _("the default");
	return questionnaire_name(ctx, s->qid, why, err);
}

static char *course_questionnaire_text(hub_state *s, lk_ctx *ctx, lk_err *err)
{
	if (!s->course_qid)
		return uitext_printf("%s", _("none chosen: the default applies"));
	return questionnaire_name(ctx, s->course_qid, _("chosen for the course"), err);
}

static int hub_texts(hub_state *s, lk_ctx *ctx, lk_err *err)
{
	int64_t forms = 0;
	texts_free(s);
	bool enter = role_allows(ctx->role, LK_PERM_ENTER_RESPONSES);
	if (enter && !(s->text[ROW_ENTRY] = entry_text(ctx, s->run_id, &forms, err)))
		return -1;
	if (enter)
		s->text[ROW_FORMS] = uitext_printf(ngettext("%lld form; Enter lists them to correct one",
			"%lld forms; Enter lists them to correct one", (unsigned long)forms), (long long)forms);
	s->text[ROW_RESULTS] = results_text(ctx, forms);
	if (!(s->text[ROW_FACILITATORS] = facilitators_text(ctx, s->run_id, err)) ||
	    !(s->text[ROW_MEETING] = meeting_text(ctx, &s->run, &s->warn[ROW_MEETING], err)) ||
	    !(s->text[ROW_QUESTIONNAIRE] = run_questionnaire_text(s, ctx, err)) ||
	    !(s->text[ROW_COURSE_QUESTIONNAIRE] = course_questionnaire_text(s, ctx, err)))
		return err->code ? -1 : lk_fail(err, LK_ENOMEM, _("Out of memory."));
	return 0;
}

static int hub_load(hub_state *s, lk_ctx *ctx, lk_err *err)
{
	run_free(&s->run);
	memset(&s->run, 0, sizeof s->run);
	if (run_get(ctx, s->run_id, &s->run, err) < 0) {
		s->gone = err->code == LK_ENOTFOUND;
		return s->gone ? 0 : -1;
	}
	s->gone = false;
	return hub_texts(s, ctx, err);
}

static int hub_open(lk_view *v, const void *arg, lk_err *err)
{
	hub_state *s = v->state;
	s->run_id = *(const int64_t *)arg;
	for (int r = 0; r < ROW_COUNT; r++)
		if (role_allows(v->ui->ctx->role, row_table[r].perm))
			s->rows[s->nrows++] = (hub_row)r;
	if (hub_load(s, v->ui->ctx, err) < 0)
		return -1;
	return s->gone ? lk_fail(err, LK_ENOTFOUND, "%s", err->msg) : 0;
}

static void hub_done(lk_view *v)
{
	hub_state *s = v->state;
	texts_free(s);
	run_free(&s->run);
}

static int hub_reload(lk_view *v, lk_err *err)
{
	return hub_load(v->state, v->ui->ctx, err);
}

static char *hub_title(lk_view *v)
{
	hub_state *s = v->state;
	if (s->gone)
		return uitext_printf(_("Evaluation: %s"), _("(deleted)"));
	char *label = eval_run_label(&s->run);
	char *t = uitext_printf(_("Evaluation: %s"), label ? label : "");
	free(label);
	return t;
}

/* ---- drawing ---- */

static int draw_head(hub_state *s, lk_ui *ui, lk_rect r)
{
	char *dates = runs_dates_text(s->run.first_date, s->run.last_date);
	char *line = uitext_printf(_("Phase: %s   Dates: %s"), run_phase_label(s->run.phase), dates ? dates : "");
	int n = screen_wrap(ui, r, line ? line : "", LK_STYLE_NORMAL);
	free(line);
	free(dates);
	if (s->run.phase == LK_RUN_EVALUATION && n < r.h)
		n += screen_wrap(ui, (lk_rect){r.y + n, r.x, r.h - n, r.w},
			_("It leaves evaluation when the evaluation meeting is recorded, or with a written reason (> on the run)."),
			LK_STYLE_DIM);
	return n;
}

static int label_width(const hub_state *s, int max)
{
	int w = 0;
	for (int i = 0; i < s->nrows; i++) {
		int lw = uitext_width(_(row_table[s->rows[i]].label)) + 2;
		w = lw > w ? lw : w;
	}
	return w > max ? max : w;
}

static void draw_row(hub_state *s, lk_ui *ui, int i, int y, lk_rect r, int lw)
{
	hub_row row = s->rows[i];
	bool sel = i == s->cursor;
	lk_style st = sel ? LK_STYLE_SELECTED : LK_STYLE_NORMAL;
	screen_fill(ui, y, r.x, r.w, st);
	screen_text(ui, y, r.x, 2, sel ? ">" : "", st);
	screen_text(ui, y, r.x + 2, lw - 1, _(row_table[row].label), st);
	const char *t = s->text[row] ? s->text[row] : "";
	screen_text(ui, y, r.x + 2 + lw, r.w - 2 - lw, t, sel ? st : s->warn[row] ? LK_STYLE_WARNING : LK_STYLE_DIM);
	if (sel)
		screen_cursor(ui, y, r.x);
}

static void hub_draw(lk_view *v, lk_rect r)
{
	hub_state *s = v->state;
	lk_rect in = {r.y + 1, r.x + 1, r.h - 1, r.w - 2};
	if (s->gone) {
		screen_wrap(v->ui, in, _("! Someone else deleted this run meanwhile. Esc goes back."), LK_STYLE_WARNING);
		screen_cursor(v->ui, in.y, in.x);
		return;
	}
	int y = in.y + draw_head(s, v->ui, in) + 1;
	int lw = label_width(s, in.w / 2);
	for (int i = 0; i < s->nrows && y < in.y + in.h; i++, y++)
		draw_row(s, v->ui, i, y, in, lw);
	/* The selected row's text in full, for a narrow screen. */
	hub_row row = s->rows[s->cursor];
	if (s->nrows > 0 && s->text[row] && uitext_width(s->text[row]) > in.w - 2 - lw && y + 1 < in.y + in.h)
		screen_wrap(v->ui, (lk_rect){y + 1, in.x, in.y + in.h - y - 1, in.w}, s->text[row],
			s->warn[row] ? LK_STYLE_WARNING : LK_STYLE_NORMAL);
}

/* ---- keys ---- */

static void open_questionnaire(lk_view *v, int64_t qid, bool for_course)
{
	hub_state *s = v->state;
	lk_eval_pick_ref ref = {s->run_id, for_course};
	if (role_allows(v->ui->ctx->role, LK_PERM_EDIT_PLAN))
		ui_push(v->ui, &eval_pick_view, &ref, NULL);
	else if (qid)
		ui_push(v->ui, &questionnaire_view, &qid, NULL);
	else
		ui_status(v->ui, LK_STYLE_NORMAL, "%s", _("The course has chosen no questionnaire; the default applies."));
}

static void hub_open_row(lk_view *v)
{
	hub_state *s = v->state;
	lk_eval_entry_ref entry = {s->run_id, 0};
	lk_result_query q = {LK_RESULT_RUN, s->run_id, 0};
	switch (s->rows[s->cursor]) {
	case ROW_ENTRY: ui_push(v->ui, &eval_entry_view, &entry, NULL); break;
	case ROW_FORMS: ui_push(v->ui, &eval_forms_view, &s->run_id, NULL); break;
	case ROW_RESULTS: ui_push(v->ui, &eval_results_view, &q, NULL); break;
	case ROW_FACILITATORS: ui_push(v->ui, &eval_facilitators_view, &s->run_id, NULL); break;
	case ROW_MEETING: ui_push(v->ui, &eval_meeting_view, &s->run_id, NULL); break;
	case ROW_QUESTIONNAIRE: open_questionnaire(v, s->qid, false); break;
	default: open_questionnaire(v, s->course_qid, true); break;
	}
}

static bool hub_request(lk_view *v, lk_action a)
{
	hub_state *s = v->state;
	if (s->gone && a != LK_ACT_BACK)
		return a != LK_ACT_HELP;
	switch (a) {
	case LK_ACT_MOVE_UP: s->cursor -= s->cursor > 0; return true;
	case LK_ACT_MOVE_DOWN: s->cursor += s->cursor + 1 < s->nrows; return true;
	case LK_ACT_MOVE_FIRST: s->cursor = 0; return true;
	case LK_ACT_MOVE_LAST: s->cursor = s->nrows - 1; return true;
	case LK_ACT_OPEN: hub_open_row(v); return true;
	case LK_ACT_QUESTIONNAIRES: ui_push(v->ui, &questionnaires_view, NULL, NULL); return true;
	default: return false;
	}
}

static const lk_action hub_actions[] = {
	LK_ACT_MOVE_UP, LK_ACT_MOVE_DOWN, LK_ACT_MOVE_FIRST, LK_ACT_MOVE_LAST, LK_ACT_OPEN,
	LK_ACT_BACK, LK_ACT_QUESTIONNAIRES, 0,
};
static const lk_action hub_hints[] = {LK_ACT_OPEN, LK_ACT_QUESTIONNAIRES, LK_ACT_BACK, 0};

const lk_view_ops eval_run_view = {
	.name = "eval-run",
	.label = N_("Evaluation"),
	.state_size = sizeof(hub_state),
	.actions = hub_actions,
	.hints = hub_hints,
	.open = hub_open,
	.done = hub_done,
	.title = hub_title,
	.reload = hub_reload,
	.draw = hub_draw,
	.request = hub_request,
};
