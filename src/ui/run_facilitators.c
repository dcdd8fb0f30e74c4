/*
 * run_facilitators.c — who leads one session: the session and its pairing
 * on top, its facilitators as a list (professionals first); a books a
 * person (person picker), d removes one after saying what the session
 * would then miss.
 */
#include "lmskurs/ui/runs.h"

#include <stdlib.h>
#include <string.h>

#include "lmskurs/i18n.h"
#include "lmskurs/role.h"
#include "lmskurs/ui/dialog.h"
#include "lmskurs/ui/uitext.h"
#include "run_internal.h"

typedef struct fac_row {
	int64_t id;
	lk_person_kind kind;
	char *name, *work;
} fac_row;

typedef struct fac_state {
	lk_ctx *ctx;
	int64_t id; /* the session */
	lk_session session;
	bool gone;
	lk_list list;
} fac_state;

/* ---- the list source ---- */

static int count_one(void *arg, const lk_person *p)
{
	(void)p;
	(*(int64_t *)arg)++;
	return 0;
}

static int64_t fac_count(lk_list *l, lk_err *err)
{
	const fac_state *s = l->arg;
	int64_t n = 0;
	return session_facilitator_list(s->ctx, s->id, count_one, &n, err) < 0 ? -1 : n;
}

static void fac_row_free(void *row)
{
	fac_row *r = row;
	free(r->name);
	free(r->work);
	free(r);
}

static fac_row *fac_row_new(const lk_person *p)
{
	fac_row *r = calloc(1, sizeof *r);
	if (!r)
		return NULL;
	const char *work = p->kind == LK_PROFESSIONAL ? p->profession : p->organisation;
	r->id = p->id;
	r->kind = p->kind;
	r->name = strdup(p->name);
	r->work = strdup(work ? work : "");
	if (r->name && r->work)
		return r;
	fac_row_free(r);
	return NULL;
}

struct page_acc {
	lk_list *l;
	int64_t index, from, to;
	lk_err *err;
	int rc;
};

static int keep_one(void *arg, const lk_person *p)
{
	struct page_acc *a = arg;
	int64_t i = a->index++;
	if (i < a->from)
		return 0;
	if (i >= a->to)
		return 1;
	fac_row *r = fac_row_new(p);
	a->rc = r ? list_add_row(a->l, r, a->err) : lk_fail(a->err, LK_ENOMEM, _("Out of memory."));
	return a->rc < 0;
}

static int fac_fetch(lk_list *l, lk_page page, lk_err *err)
{
	const fac_state *s = l->arg;
	struct page_acc a = {l, 0, page.offset, page.offset + page.limit, err, 0};
	if (session_facilitator_list(s->ctx, s->id, keep_one, &a, err) < 0)
		return -1;
	return a.rc;
}

static int64_t fac_row_id(const void *row)
{
	return ((const fac_row *)row)->id;
}

static lk_style fac_cells(const void *row, const char **cells)
{
	const fac_row *r = row;
	cells[0] = r->name;
	cells[1] = person_kind_label(r->kind);
	cells[2] = r->work;
	return LK_STYLE_NORMAL;
}

static const lk_column fac_cols[] = {
	{N_("Name"), 16, 3},
	{N_("Kind"), 12, 2},
	{N_("Profession / organisation"), 14, 2},
};

static const lk_list_ops fac_list_ops = {
	.cols = fac_cols, .ncols = 3,
	.count = fac_count, .fetch = fac_fetch, .row_free = fac_row_free,
	.row_id = fac_row_id, .row_cells = fac_cells,
	.empty_text = N_("Nobody leads this session yet: a books a professional or a user representative."),
};

/* ---- the view ---- */

static int fac_load(fac_state *s, lk_err *err)
{
	session_free(&s->session);
	memset(&s->session, 0, sizeof s->session);
	if (session_get(s->ctx, s->id, &s->session, err) < 0) {
		s->gone = err->code == LK_ENOTFOUND;
		return s->gone ? 0 : -1;
	}
	s->gone = false;
	return list_reload(&s->list, err);
}

/* Whether the session's run still takes changes (closed and cancelled
 * runs are final). */
static int fac_run_open(fac_state *s, bool *open, lk_err *err)
{
	lk_run r;
	memset(&r, 0, sizeof r);
	int rc = run_get(s->ctx, s->session.run_id, &r, err);
	*open = rc == 0 && r.phase != LK_RUN_CLOSED && r.phase != LK_RUN_CANCELLED;
	run_free(&r);
	return rc;
}

/* Roles that may not change plans, and sessions of final runs, get the
 * list without a and d. */
static int fac_pick_ops(lk_view *v, lk_err *err)
{
	fac_state *s = v->state;
	bool open = false;
	if (!s->gone && role_allows(s->ctx->role, LK_PERM_EDIT_PLAN) && fac_run_open(s, &open, err) < 0)
		return -1;
	v->ops = open ? &run_facilitators_view : &run_facilitators_readonly;
	return 0;
}

static int fac_open(lk_view *v, const void *arg, lk_err *err)
{
	fac_state *s = v->state;
	s->ctx = v->ui->ctx;
	s->id = *(const int64_t *)arg;
	list_init(&s->list, &fac_list_ops, s);
	if (fac_load(s, err) < 0 || fac_pick_ops(v, err) < 0)
		return -1;
	return s->gone ? lk_fail(err, LK_ENOTFOUND, "%s", err->msg) : 0;
}

static void fac_done(lk_view *v)
{
	fac_state *s = v->state;
	list_fini(&s->list);
	session_free(&s->session);
}

static int fac_reload(lk_view *v, lk_err *err)
{
	return fac_load(v->state, err) < 0 ? -1 : fac_pick_ops(v, err);
}

static lk_list *fac_list(lk_view *v)
{
	fac_state *s = v->state;
	return s->gone ? NULL : &s->list;
}

static char *fac_title(lk_view *v)
{
	fac_state *s = v->state;
	if (s->gone)
		return uitext_printf(_("Facilitators: %s"), _("(deleted)"));
	return uitext_printf(_("Facilitators of session %d · %s %s"), s->session.seq,
		s->session.course_title, s->session.run_title);
}

static void fac_draw_head(fac_state *s, lk_ui *ui, lk_rect r)
{
	const lk_session *se = &s->session;
	char date[48];
	uitext_date(se->starts_at.date, date);
	char *time = runs_time_text(se);
	lk_pairing p = session_pairing(se);
	bool paired = p.has_professional && p.has_user_rep;
	char *line = uitext_printf(_("Session %d · %s · %s · %s"), se->seq, date, time ? time : "",
		session_status_label(se->status));
	char *pair = uitext_printf(_("Pairing: %s%s"), paired ? "" : "! ", session_pairing_text(se));
	screen_text(ui, r.y, r.x, r.w, line ? line : "", LK_STYLE_NORMAL);
	screen_text(ui, r.y + 1, r.x, r.w, pair ? pair : "", paired ? LK_STYLE_OK : LK_STYLE_WARNING);
	free(time);
	free(line);
	free(pair);
}

static void fac_draw(lk_view *v, lk_rect r)
{
	fac_state *s = v->state;
	lk_rect in = {r.y + 1, r.x + 1, r.h - 1, r.w - 2};
	if (s->gone) {
		screen_wrap(v->ui, in, _("! Someone else deleted this session meanwhile. Esc goes back."), LK_STYLE_WARNING);
		screen_cursor(v->ui, in.y, in.x);
		return;
	}
	fac_draw_head(s, v->ui, in);
	ui_draw_list(v->ui, &s->list, (lk_rect){in.y + 3, in.x, in.h - 3, in.w});
}

static void fac_add(lk_view *v)
{
	fac_state *s = v->state;
	int64_t id;
	char *name = NULL;
	lk_err err;
	if (!run_ui_may_edit(v->ui))
		return;
	/* When one kind is missing, offer that kind. */
	lk_pairing p = session_pairing(&s->session);
	int kind = p.has_professional == p.has_user_rep ? -1 : p.has_professional ? LK_USER_REP : LK_PROFESSIONAL;
	const char *title = kind < 0 ? _("Book a facilitator")
	                  : kind == LK_USER_REP ? _("Book a user representative") : _("Book a professional");
	if (!dialog_pick_person(v->ui, title, kind, &id, &name)) {
		ui_status(v->ui, LK_STYLE_NORMAL, "%s", _("Nobody was booked."));
		return;
	}
	if (session_facilitator_add(s->ctx, s->id, id, &err) < 0)
		dialog_error(v->ui, _("Not booked"), err.msg);
	else
		ui_status(v->ui, LK_STYLE_OK, _("%s now leads session %d."), name, s->session.seq);
	free(name);
	if (fac_load(s, &err) < 0)
		ui_status_err(v->ui, &err);
}

/* What the session lacks once r is gone ("" when still paired). */
static const char *fac_loss(const fac_state *s, const fac_row *r)
{
	lk_session after = s->session;
	if (r->kind == LK_PROFESSIONAL)
		after.n_professionals--;
	else
		after.n_user_reps--;
	lk_pairing p = session_pairing(&after);
	return p.has_professional && p.has_user_rep ? "" : session_pairing_text(&after);
}

static void fac_remove(lk_view *v)
{
	fac_state *s = v->state;
	const fac_row *r = list_selected(&s->list);
	lk_err err;
	if (!r) {
		ui_status(v->ui, LK_STYLE_WARNING, "%s", _("Nobody is selected."));
		return;
	}
	if (!run_ui_may_edit(v->ui))
		return;
	const char *loss = fac_loss(s, r);
	char *q = *loss ? uitext_printf(_("Remove %s from session %d? The session would then be unpaired (%s), which blocks opening registration."), r->name, s->session.seq, loss)
	                : uitext_printf(_("Remove %s from session %d? The session stays paired."), r->name, s->session.seq);
	char *name = strdup(r->name);
	int64_t id = r->id;
	bool yes = q && name && dialog_confirm(v->ui, _("Remove facilitator"), q);
	free(q);
	if (!yes)
		ui_status(v->ui, LK_STYLE_NORMAL, "%s", _("Nobody was removed."));
	else if (session_facilitator_remove(s->ctx, s->id, id, &err) < 0)
		dialog_error(v->ui, _("Not removed"), err.msg);
	else
		ui_status(v->ui, LK_STYLE_OK, _("%s no longer leads session %d."), name, s->session.seq);
	free(name);
	if (fac_load(s, &err) < 0)
		ui_status_err(v->ui, &err);
}

static bool fac_request(lk_view *v, lk_action a)
{
	fac_state *s = v->state;
	if (s->gone)
		return false;
	if (a == LK_ACT_ADD)
		fac_add(v);
	else if (a == LK_ACT_DELETE)
		fac_remove(v);
	else
		return false;
	return true;
}

#define FAC_MOVES \
	LK_ACT_MOVE_UP, LK_ACT_MOVE_DOWN, LK_ACT_PAGE_UP, LK_ACT_PAGE_DOWN, \
	LK_ACT_MOVE_FIRST, LK_ACT_MOVE_LAST, LK_ACT_BACK

static const lk_action fac_actions[] = {FAC_MOVES, LK_ACT_ADD, LK_ACT_DELETE, 0};
static const lk_action fac_hints[] = {LK_ACT_ADD, LK_ACT_DELETE, LK_ACT_BACK, 0};
static const lk_action fac_readonly_actions[] = {FAC_MOVES, 0};
static const lk_action fac_readonly_hints[] = {LK_ACT_BACK, 0};

const lk_view_ops run_facilitators_view = {
	.name = "run-facilitators",
	.label = N_("Facilitators"),
	.state_size = sizeof(fac_state),
	.actions = fac_actions,
	.hints = fac_hints,
	.open = fac_open,
	.done = fac_done,
	.title = fac_title,
	.reload = fac_reload,
	.list = fac_list,
	.draw = fac_draw,
	.request = fac_request,
};

const lk_view_ops run_facilitators_readonly = {
	.name = "run-facilitators-readonly",
	.label = N_("Facilitators"),
	.state_size = sizeof(fac_state),
	.actions = fac_readonly_actions,
	.hints = fac_readonly_hints,
	.open = fac_open,
	.done = fac_done,
	.title = fac_title,
	.reload = fac_reload,
	.list = fac_list,
	.draw = fac_draw,
	.request = fac_request,
};
