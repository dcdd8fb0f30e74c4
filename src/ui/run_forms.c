/*
 * run_forms.c — the run screen's forms: lay out the sessions
 * (run_schedule), edit one session (session_update), the number of places
 * (run_set_capacity) and a session's status (session_set_status).
 *
 * They share one frame: a line saying what the form does, the fields, and
 * the person form's habits (ui/people.h): a refusal keeps the form open
 * with everything typed and the core's message by its field; Esc asks
 * before throwing typed text away.
 */
#include "lmskurs/ui/runs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/enroll.h"
#include "lmskurs/i18n.h"
#include "lmskurs/role.h"
#include "lmskurs/ui/dialog.h"
#include "lmskurs/ui/form.h"
#include "lmskurs/ui/uitext.h"
#include "run_internal.h"

typedef struct rform_state {
	lk_form form;
	int64_t id;      /* the run's or the session's */
	int64_t version; /* the session's as read (edit and status forms) */
	int seq;         /* the session's number */
	char *title;     /* owned */
	char *intro;     /* owned: what the form does */
	const char *choices[4];
	/* Saves; 0 when done (status set), -1 with the form kept open. */
	int (*save)(lk_view *v, lk_err *err);
} rform_state;

static void rform_done(lk_view *v)
{
	rform_state *s = v->state;
	form_free(&s->form);
	free(s->title);
	free(s->intro);
}

static char *rform_title(lk_view *v)
{
	rform_state *s = v->state;
	return strdup(s->title ? s->title : "");
}

static void rform_save(lk_view *v)
{
	rform_state *s = v->state;
	lk_err err;
	lk_err_clear(&err);
	form_clear_errors(&s->form);
	if (s->save(v, &err) == 0) {
		ui_pop(v->ui);
		return;
	}
	if (err.code != LK_OK) {
		form_set_error(&s->form, &err);
		ui_status_err(v->ui, &err);
	}
}

static void rform_cancel(lk_view *v)
{
	rform_state *s = v->state;
	if (s->form.changed &&
	    !dialog_confirm(v->ui, _("Close without saving?"), _("What you typed in this form will be lost.")))
		return;
	ui_pop(v->ui);
}

static bool rform_request(lk_view *v, lk_action a)
{
	rform_state *s = v->state;
	if (a == LK_ACT_SAVE)
		rform_save(v);
	else if (a == LK_ACT_CANCEL)
		rform_cancel(v);
	else
		return form_request(&s->form, v->ui, a);
	return true;
}

static bool rform_input(lk_view *v, lk_key key)
{
	return form_input(&((rform_state *)v->state)->form, key);
}

static void rform_draw(lk_view *v, lk_rect r)
{
	rform_state *s = v->state;
	lk_rect in = {r.y + 1, r.x + 1, r.h - 1, r.w - 2};
	int n = s->intro ? screen_wrap(v->ui, (lk_rect){in.y, in.x, in.h / 3, in.w}, s->intro, LK_STYLE_DIM) : 0;
	n = n > in.h / 3 ? in.h / 3 : n;
	form_draw(&s->form, v->ui, (lk_rect){in.y + n + (n > 0), in.x, in.h - n - (n > 0), in.w});
}

/* ---- opening ---- */

static int rform_fail_oom(lk_err *err)
{
	return lk_fail(err, LK_ENOMEM, _("Out of memory."));
}

/* Reads the session arg points at into *out (caller frees), with the role
 * checked first: nobody fills in a form that will be refused. */
static int open_session(lk_view *v, const void *arg, lk_session *out, lk_err *err)
{
	rform_state *s = v->state;
	memset(out, 0, sizeof *out);
	if (role_require(v->ui->ctx, LK_PERM_EDIT_PLAN, err) < 0 ||
	    session_get(v->ui->ctx, *(const int64_t *)arg, out, err) < 0)
		return -1;
	s->id = out->id;
	s->version = out->version;
	s->seq = out->seq;
	return 0;
}

/* "Session 2 · Thu 04.03.2027 wk 9 · 09:00–11:30" (newly allocated). */
static char *session_name(const lk_session *se)
{
	char date[48];
	uitext_date(se->starts_at.date, date);
	char *time = runs_time_text(se);
	char *t = uitext_printf(_("Session %d · %s · %s"), se->seq, date, time ? time : "");
	free(time);
	return t;
}

/* Someone else committed while the form is open: never touch what is
 * typed, but warn now if it was this session. */
static int session_form_reload(lk_view *v, lk_err *err)
{
	rform_state *s = v->state;
	lk_session now;
	memset(&now, 0, sizeof now);
	if (session_get(v->ui->ctx, s->id, &now, err) < 0) {
		session_free(&now);
		lk_err_prefix(err, "%s ", _("Someone else deleted this session meanwhile."));
		form_set_error(&s->form, err);
		return 0;
	}
	bool moved = now.version != s->version;
	session_free(&now);
	if (moved) {
		lk_fail(err, LK_ECONFLICT, "%s", _("Someone else changed this session meanwhile; saving will be refused. Esc and open it again to see the change."));
		form_set_error(&s->form, err);
	}
	return 0;
}

/* ---- laying the run out ---- */

enum { S_FIRST, S_RHYTHM, S_START, S_ROOM };

/* The first session of a run on a public holiday, and how many are. */
struct holidays {
	int n, seq;
	char day[11];
	char *name;
};

static int holiday_one(void *arg, const lk_session *se)
{
	struct holidays *h = arg;
	if (!se->holiday || h->n++ > 0)
		return 0;
	h->seq = se->seq;
	date_show(se->starts_at.date, h->day);
	h->name = strdup(se->holiday);
	return 0;
}

/* "Laid out 2 sessions; session 1 (29.03.2027) is on Easter Monday" as a
 * warning when sessions fall on public holidays (the new-run form says
 * it in a dialog), else the plain count. */
static void schedule_said(lk_ui *ui, int64_t run_id, int n)
{
	struct holidays h = {0};
	lk_err err;
	unsigned long un = (unsigned long)n;
	if (session_list(ui->ctx, run_id, holiday_one, &h, &err) < 0 || h.n == 0 || !h.name) {
		ui_status(ui, LK_STYLE_OK, ngettext("Laid out %d session from the session plan.",
			"Laid out %d sessions from the session plan.", un), n);
		free(h.name);
		return;
	}
	char *laid = uitext_printf(ngettext("Laid out %d session", "Laid out %d sessions", un), n);
	/* TRANSLATORS: more sessions on public holidays after the first */
	char *more = h.n > 1 ? uitext_printf(ngettext(", and %d more", ", and %d more",
		(unsigned long)(h.n - 1)), h.n - 1) : NULL;
	/* TRANSLATORS: "Laid out 2 sessions; session 1 (29.03.2027) is on Easter Monday" and maybe ", and 1 more" */
	ui_status(ui, LK_STYLE_WARNING, _("%s; session %d (%s) is on %s%s."), laid ? laid : "", h.seq, h.day, h.name,
		more ? more : "");
	free(laid);
	free(more);
	free(h.name);
}

static int schedule_save(lk_view *v, lk_err *err)
{
	rform_state *s = v->state;
	lk_schedule sc = {.every_weeks = form_choice(&s->form, S_RHYTHM) + 1,
		.room = form_text(&s->form, S_ROOM)};
	if (form_date(&s->form, S_FIRST, &sc.first, NULL, err) < 0 ||
	    form_time(&s->form, S_START, &sc.hour, &sc.minute, NULL, err) < 0)
		return -1;
	int n = run_schedule(v->ui->ctx, s->id, &sc, err);
	if (n < 0)
		return -1;
	schedule_said(v->ui, s->id, n);
	return 0;
}

/* The first session as laid out before, if any: its time and room are
 * the likeliest for the new layout too. */
struct first_session {
	char start[6];
	char *room;
};

static int take_first(void *arg, const lk_session *se)
{
	struct first_session *fs = arg;
	snprintf(fs->start, sizeof fs->start, "%02d:%02d", se->starts_at.hour % 100, se->starts_at.minute % 100);
	fs->room = strdup(se->room ? se->room : "");
	return 1;
}

static int schedule_build(rform_state *s, const lk_run *r, const struct first_session *fs)
{
	char first[11] = "";
	if (r->first_date.year)
		date_show(r->first_date, first);
	s->choices[0] = _("weekly");
	s->choices[1] = _("every 2 weeks");
	s->choices[2] = _("every 3 weeks");
	s->choices[3] = _("every 4 weeks");
	form_init(&s->form);
	return form_add_text(&s->form, LK_FIELD_DATE, _("First date"), true, first) == S_FIRST &&
	       form_add_choice(&s->form, _("Rhythm"), s->choices, 4, 0) == S_RHYTHM &&
	       form_add_text(&s->form, LK_FIELD_TIME, _("Start time"), true, fs->start) == S_START &&
	       form_add_text(&s->form, LK_FIELD_TEXT, _("Room"), false, fs->room) == S_ROOM ? 0 : -1;
}

static int schedule_open(lk_view *v, const void *arg, lk_err *err)
{
	rform_state *s = v->state;
	lk_run r = {0};
	s->save = schedule_save;
	if (role_require(v->ui->ctx, LK_PERM_EDIT_PLAN, err) < 0 ||
	    run_get(v->ui->ctx, *(const int64_t *)arg, &r, err) < 0) {
		run_free(&r);
		return -1;
	}
	s->id = r.id;
	s->title = uitext_printf(_("Lay out %s %s"), r.course_title, r.title);
	s->intro = strdup(_("One session per part of the course's session plan: the first on the first date, the next a week later (or 2, 3, 4 weeks), each starting at the start time in the room and lasting as long as its part."));
	struct first_session fs = {"", NULL};
	int rc = session_list(v->ui->ctx, r.id, take_first, &fs, err);
	rc = rc < 0 ? -1 : schedule_build(s, &r, &fs);
	free(fs.room);
	run_free(&r);
	if (rc < 0 && err->code != LK_OK)
		return -1;
	return rc < 0 || !s->title || !s->intro ? rform_fail_oom(err) : 0;
}

/* ---- one session ---- */

enum { E_DATE, E_START, E_END, E_ROOM, E_TOPIC, E_NOTES };

static int session_save(lk_view *v, lk_err *err)
{
	rform_state *s = v->state;
	const lk_form *f = &s->form;
	lk_session se = {.id = s->id, .version = s->version, .room = (char *)form_text(f, E_ROOM),
		.topic = (char *)form_text(f, E_TOPIC), .notes = (char *)form_text(f, E_NOTES)};
	if (form_date(&s->form, E_DATE, &se.starts_at.date, NULL, err) < 0 ||
	    form_time(&s->form, E_START, &se.starts_at.hour, &se.starts_at.minute, NULL, err) < 0 ||
	    form_time(&s->form, E_END, &se.ends_at.hour, &se.ends_at.minute, NULL, err) < 0)
		return -1;
	se.ends_at.date = se.starts_at.date;
	if (session_update(v->ui->ctx, &se, err) < 0)
		return -1;
	ui_status(v->ui, LK_STYLE_OK, _("Saved session %d."), s->seq);
	return 0;
}

static int session_build(rform_state *s, const lk_session *se)
{
	char date[11], start[6], end[6];
	date_show(se->starts_at.date, date);
	snprintf(start, sizeof start, "%02d:%02d", se->starts_at.hour % 100, se->starts_at.minute % 100);
	snprintf(end, sizeof end, "%02d:%02d", se->ends_at.hour % 100, se->ends_at.minute % 100);
	lk_form *f = &s->form;
	form_init(f);
	return form_add_text(f, LK_FIELD_DATE, _("Date"), true, date) == E_DATE &&
	       form_add_text(f, LK_FIELD_TIME, _("Start"), true, start) == E_START &&
	       form_add_text(f, LK_FIELD_TIME, _("End"), true, end) == E_END &&
	       form_add_text(f, LK_FIELD_TEXT, _("Room"), false, se->room) == E_ROOM &&
	       form_add_text(f, LK_FIELD_TEXT, _("Topic"), false, se->topic) == E_TOPIC &&
	       form_add_text(f, LK_FIELD_MULTILINE, _("Notes"), false, se->notes) == E_NOTES ? 0 : -1;
}

static int session_open(lk_view *v, const void *arg, lk_err *err)
{
	rform_state *s = v->state;
	lk_session se;
	s->save = session_save;
	if (open_session(v, arg, &se, err) < 0) {
		session_free(&se);
		return -1;
	}
	char *name = session_name(&se);
	s->title = name ? uitext_printf(_("Edit %s"), name) : NULL;
	s->intro = uitext_printf(_("%s %s. The session must end on the day it starts."), se.course_title, se.run_title);
	int rc = session_build(s, &se);
	free(name);
	session_free(&se);
	return rc < 0 || !s->title || !s->intro ? rform_fail_oom(err) : 0;
}

/* ---- places ---- */

enum { C_CAPACITY };

/* "Ola Nordmann, Kari Nordmann" of the promoted (newly allocated). */
static char *promoted_names(const lk_promotion_list *p)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	if (!f)
		return NULL;
	for (int i = 0; i < p->n; i++)
		fprintf(f, "%s%s", i ? ", " : "", p->items[i].name ? p->items[i].name : "");
	if (fclose(f) != 0) {
		free(buf);
		return NULL;
	}
	return buf;
}

static void capacity_said(lk_ui *ui, int capacity, const lk_promotion_list *p)
{
	char *names = p->n > 0 ? promoted_names(p) : NULL;
	if (names)
		ui_status(ui, LK_STYLE_OK, ngettext("Places set to %d. Moved up from the waitlist, call them: %s.",
			"Places set to %d. Moved up from the waitlist, call them: %s.", (unsigned long)p->n),
			capacity, names);
	else
		ui_status(ui, LK_STYLE_OK, _("Places set to %d; nobody was waiting for a place."), capacity);
	free(names);
}

static int capacity_save(lk_view *v, lk_err *err)
{
	rform_state *s = v->state;
	long n;
	lk_promotion_list p = {0};
	/* A wide range here: the core says what the limits are. */
	if (form_number(&s->form, C_CAPACITY, -1000000, 1000000, &n, NULL, err) < 0)
		return -1;
	if (run_set_capacity(v->ui->ctx, s->id, (int)n, &p, err) < 0) {
		promotion_list_free(&p);
		return -1;
	}
	capacity_said(v->ui, (int)n, &p);
	promotion_list_free(&p);
	return 0;
}

static int capacity_open(lk_view *v, const void *arg, lk_err *err)
{
	rform_state *s = v->state;
	lk_run r = {0};
	char cap[12] = "";
	s->save = capacity_save;
	if (role_require(v->ui->ctx, LK_PERM_EDIT_PLAN, err) < 0 ||
	    run_get(v->ui->ctx, *(const int64_t *)arg, &r, err) < 0) {
		run_free(&r);
		return -1;
	}
	s->id = r.id;
	if (r.capacity > 0)
		snprintf(cap, sizeof cap, "%d", r.capacity);
	s->title = uitext_printf(_("Places of %s %s"), r.course_title, r.title);
	s->intro = uitext_printf(_("Registered now: %d; waiting: %d. When the number of places rises, the first people waiting get a place, first come first served."),
		r.n_registered, r.n_waitlisted);
	run_free(&r);
	form_init(&s->form);
	if (form_add_text(&s->form, LK_FIELD_NUMBER, _("Capacity"), true, cap) != C_CAPACITY || !s->title || !s->intro)
		return rform_fail_oom(err);
	return 0;
}

/* ---- a session's status ---- */

static int status_save(lk_view *v, lk_err *err)
{
	rform_state *s = v->state;
	lk_session_status st = (lk_session_status)form_choice(&s->form, 0);
	if (session_set_status(v->ui->ctx, s->id, s->version, st, err) < 0)
		return -1;
	ui_status(v->ui, LK_STYLE_OK, _("Session %d is now %s."), s->seq, session_status_label(st));
	return 0;
}

/* What a session most likely became: a planned one that has started was
 * held, a planned one still to come is being cancelled; others go back to
 * planned. */
static lk_session_status status_guess(const lk_session *se, lk_datetime now)
{
	if (se->status != LK_SESSION_PLANNED)
		return LK_SESSION_PLANNED;
	return datetime_cmp(se->starts_at, now) <= 0 ? LK_SESSION_HELD : LK_SESSION_CANCELLED;
}

static int status_open(lk_view *v, const void *arg, lk_err *err)
{
	rform_state *s = v->state;
	lk_session se;
	s->save = status_save;
	if (open_session(v, arg, &se, err) < 0) {
		session_free(&se);
		return -1;
	}
	char *name = session_name(&se);
	s->title = uitext_printf(_("Status of session %d"), se.seq);
	s->intro = uitext_printf(_("%s is %s. Choose what it is now (Left/Right), then Ctrl-S. A cancelled session needs no facilitators and is left out of attendance."),
		name ? name : "", session_status_label(se.status));
	for (int i = 0; i < 3; i++)
		s->choices[i] = session_status_label((lk_session_status)i);
	form_init(&s->form);
	int rc = form_add_choice(&s->form, _("Status"), s->choices, 3, status_guess(&se, ctx_now(v->ui->ctx)));
	free(name);
	session_free(&se);
	return rc != 0 || !s->title || !s->intro ? rform_fail_oom(err) : 0;
}

static bool is_rform(const lk_view_ops *ops);

struct lk_form *run_forms_form(lk_view *v)
{
	return v && is_rform(v->ops) ? &((rform_state *)v->state)->form : NULL;
}

#define RFORM_OPS(nm, lbl, open_fn, reload_fn) { \
	.name = nm, .label = lbl, .state_size = sizeof(rform_state), \
	.actions = form_actions, .hints = form_hints, .text_entry = true, \
	.open = open_fn, .done = rform_done, .title = rform_title, .reload = reload_fn, \
	.draw = rform_draw, .request = rform_request, .input = rform_input, }

const lk_view_ops run_schedule_form_view = RFORM_OPS("run-schedule", N_("Lay out sessions"), schedule_open, NULL);
const lk_view_ops run_session_form_view = RFORM_OPS("run-session", N_("Session form"), session_open, session_form_reload);
const lk_view_ops run_capacity_form_view = RFORM_OPS("run-capacity", N_("Places"), capacity_open, NULL);
const lk_view_ops run_status_form_view = RFORM_OPS("run-session-status", N_("Session status"), status_open, session_form_reload);

static bool is_rform(const lk_view_ops *ops)
{
	return ops == &run_schedule_form_view || ops == &run_session_form_view ||
	       ops == &run_capacity_form_view || ops == &run_status_form_view;
}
