/*
 * enroll_form.c — enrolling one participant in a run: category (patient or
 * relative; the course's audience chooses the first guess) and whether a
 * referral came, then enroll_add. The status line says where they landed:
 * "registered" or "on the waitlist as number N".
 */
#include "lmskurs/ui/participants.h"

#include <stdlib.h>
#include <string.h>

#include "lmskurs/course.h"
#include "lmskurs/i18n.h"
#include "lmskurs/role.h"
#include "lmskurs/run.h"
#include "lmskurs/ui/dialog.h"
#include "lmskurs/ui/form.h"
#include "lmskurs/ui/uitext.h"

enum { F_CATEGORY, F_REFERRAL };

typedef struct ef_state {
	lk_form form;
	int64_t run_id, participant_id;
	char *name;   /* the participant's */
	char *title;  /* owned */
	char *intro;  /* owned: the places now */
	const char *categories[2], *yes_no[2];
} ef_state;

/* Relatives' courses take relatives first; every other course patients. */
static lk_category category_guess(lk_ctx *ctx, int64_t course_id)
{
	lk_course c;
	lk_err err;
	lk_category cat = LK_CAT_PATIENT;
	if (course_get(ctx, course_id, &c, &err) == 0 && c.audience == LK_AUDIENCE_RELATIVES)
		cat = LK_CAT_RELATIVE;
	course_free(&c);
	return cat;
}

static char *places_intro(const lk_run *r)
{
	char *places = enroll_places_text(r->n_registered, r->capacity, r->n_waitlisted);
	bool full = r->capacity > 0 && (r->n_registered >= r->capacity || r->n_waitlisted > 0);
	char *t = uitext_printf(full ? _("Now %s. The run is full: they join the back of the waitlist.")
	                             : _("Now %s. A place is free: they are registered at once."),
		places ? places : "");
	free(places);
	return t;
}

static int ef_build(lk_view *v, const lk_run *r)
{
	ef_state *s = v->state;
	char *run = enroll_run_name(r->course_title, r->title);
	s->title = run ? uitext_printf(_("Enroll %s in %s"), s->name, run) : NULL;
	free(run);
	s->intro = places_intro(r);
	s->categories[LK_CAT_PATIENT] = enroll_category_label(LK_CAT_PATIENT);
	s->categories[LK_CAT_RELATIVE] = enroll_category_label(LK_CAT_RELATIVE);
	s->yes_no[0] = _("no");
	s->yes_no[1] = _("yes");
	form_init(&s->form);
	bool ok = s->title && s->intro &&
		form_add_choice(&s->form, _("Category"), s->categories, 2, category_guess(v->ui->ctx, r->course_id)) == F_CATEGORY &&
		form_add_choice(&s->form, _("Referral received"), s->yes_no, 2, 0) == F_REFERRAL;
	return ok ? 0 : -1;
}

/* The participant's name from the arg, or read (a coordinator's read of
 * the record is logged). */
static char *ef_name(lk_ctx *ctx, const lk_enroll_form_arg *a, lk_err *err)
{
	if (a->name)
		return strdup(a->name);
	lk_participant p;
	char *name = participant_get(ctx, a->participant_id, &p, err) == 0 ? strdup(p.name) : NULL;
	participant_free(&p);
	return name;
}

static int ef_open(lk_view *v, const void *arg, lk_err *err)
{
	ef_state *s = v->state;
	const lk_enroll_form_arg *a = arg;
	lk_run r = {0};
	s->run_id = a->run_id;
	s->participant_id = a->participant_id;
	if (role_require(v->ui->ctx, LK_PERM_EDIT_PARTICIPANTS, err) < 0 ||
	    run_get(v->ui->ctx, a->run_id, &r, err) < 0 || !(s->name = ef_name(v->ui->ctx, a, err))) {
		run_free(&r);
		return -1;
	}
	int rc = ef_build(v, &r);
	run_free(&r);
	return rc < 0 ? lk_fail(err, LK_ENOMEM, _("Out of memory.")) : 0;
}

static void ef_done(lk_view *v)
{
	ef_state *s = v->state;
	form_free(&s->form);
	free(s->name);
	free(s->title);
	free(s->intro);
}

static char *ef_title(lk_view *v)
{
	ef_state *s = v->state;
	return strdup(s->title ? s->title : "");
}

static void ef_save(lk_view *v)
{
	ef_state *s = v->state;
	lk_enrollment e = {0};
	lk_err err;
	form_clear_errors(&s->form);
	lk_category cat = (lk_category)form_choice(&s->form, F_CATEGORY);
	bool referral = form_choice(&s->form, F_REFERRAL) == 1;
	if (enroll_add(v->ui->ctx, s->run_id, s->participant_id, cat, referral, &e, &err) < 0) {
		form_set_error(&s->form, &err);
		ui_status_err(v->ui, &err);
		enrollment_free(&e);
		return;
	}
	char *said = enroll_added_text(s->name, &e);
	ui_status(v->ui, e.status == LK_ENR_WAITLISTED ? LK_STYLE_WARNING : LK_STYLE_OK, "%s", said ? said : "");
	free(said);
	enrollment_free(&e);
	ui_pop(v->ui);
}

static bool ef_request(lk_view *v, lk_action a)
{
	ef_state *s = v->state;
	if (a == LK_ACT_SAVE) {
		ef_save(v);
	} else if (a == LK_ACT_CANCEL) {
		/* Two choices: nothing typed that is worth asking about. */
		ui_status(v->ui, LK_STYLE_NORMAL, "%s", _("Nobody was enrolled."));
		ui_pop(v->ui);
	} else {
		return form_request(&s->form, v->ui, a);
	}
	return true;
}

static bool ef_input(lk_view *v, lk_key key)
{
	return form_input(&((ef_state *)v->state)->form, key);
}

static void ef_draw(lk_view *v, lk_rect r)
{
	ef_state *s = v->state;
	lk_rect in = {r.y + 1, r.x + 1, r.h - 1, r.w - 2};
	int n = screen_wrap(v->ui, (lk_rect){in.y, in.x, in.h / 3, in.w}, s->intro, LK_STYLE_DIM);
	n = n > in.h / 3 ? in.h / 3 : n;
	form_draw(&s->form, v->ui, (lk_rect){in.y + n + 1, in.x, in.h - n - 1, in.w});
}

const lk_view_ops enroll_form_view = {
	.name = "enroll-form",
	.label = N_("Enroll"),
	.state_size = sizeof(ef_state),
	.actions = form_actions,
	.hints = form_hints,
	.text_entry = true,
	.open = ef_open,
	.done = ef_done,
	.title = ef_title,
	.draw = ef_draw,
	.request = ef_request,
	.input = ef_input,
};
