/*
 * course_form.c — adding a course (idea and anchoring: title, audience,
 * why, owner, backing) and editing one with its six plan elements; and
 * the form plumbing every course screen form shares.
 */
#include <stdlib.h>
#include <string.h>

#include "lmskurs/i18n.h"
#include "lmskurs/role.h"
#include "lmskurs/ui/courses.h"
#include "lmskurs/ui/dialog.h"
#include "lmskurs/ui/form.h"
#include "lmskurs/ui/uitext.h"

/* ---- shared by the course screens' forms ---- */

static void form_cancel(lk_view *v)
{
	lk_form *f = v->state;
	if (f->changed &&
	    !dialog_confirm(v->ui, _("Close without saving?"), _("What you typed in this form will be lost.")))
		return;
	ui_pop(v->ui);
}

bool course_form_request(lk_view *v, lk_action a, void (*save)(lk_view *v))
{
	lk_form *f = v->state;
	if (a == LK_ACT_SAVE)
		save(v);
	else if (a == LK_ACT_CANCEL)
		form_cancel(v);
	else
		return form_request(f, v->ui, a);
	return true;
}

bool course_form_input(lk_view *v, lk_key key)
{
	return form_input(v->state, key);
}

void course_form_draw(lk_view *v, lk_rect r)
{
	form_draw(v->state, v->ui, (lk_rect){r.y + 1, r.x + 1, r.h - 1, r.w - 2});
}

void course_form_home(lk_form *f)
{
	for (int i = 0; i < f->n; i++) {
		lk_edit *e = &f->fields[i].edit;
		if (f->fields[i].kind != LK_FIELD_MULTILINE)
			continue;
		while (edit_up(e))
			;
		edit_home(e);
	}
}

/* ---- the course form ---- */

/* Field order. Labels are the core's field names ("Title must not be
 * empty"), so its messages land next to the right field. */
enum {
	F_TITLE, F_AUDIENCE, F_WHY, F_OWNER, F_BACKING, /* a new course stops here */
	F_REFERRAL, F_TARGET, F_GOALS, F_FRAME, F_CONTENT, F_METHODS, F_EVALUATION,
};

typedef struct form_state {
	lk_form form;      /* first: the shared helpers read it */
	lk_course c;       /* as read (editing); zero while adding */
	char *owner_name;  /* as read, for the person field */
	const char *audiences[LK_AUDIENCE_COUNT], *yesno[2];
} form_state;

/* Plan texts are several lines; a backing line usually one, unless it
 * was written as several. */
static lk_field_kind backing_kind(const char *text)
{
	return text && strchr(text, '\n') ? LK_FIELD_MULTILINE : LK_FIELD_TEXT;
}

static bool add_idea_fields(form_state *s)
{
	lk_form *f = &s->form;
	const lk_course *c = &s->c;
	return form_add_text(f, LK_FIELD_TEXT, _("Title"), true, c->title) == F_TITLE &&
	       form_add_choice(f, _("Audience"), s->audiences, LK_AUDIENCE_COUNT, c->audience) == F_AUDIENCE &&
	       form_add_text(f, LK_FIELD_MULTILINE, _("Why"), false, c->why) == F_WHY &&
	       form_add_person(f, _("Owner"), false, -1, c->owner_id, s->owner_name) == F_OWNER &&
	       form_add_text(f, backing_kind(c->management_backing), _("Management backing"), false,
		       c->management_backing) == F_BACKING;
}

static bool add_plan_fields(form_state *s)
{
	lk_form *f = &s->form;
	const lk_course *c = &s->c;
	const char *labels[] = {_("Target group"), _("Goals"), _("Frame conditions"), _("Content"),
		_("Methods"), _("Evaluation")};
	const char *texts[] = {c->target_group, c->goals, c->frame, c->content, c->methods, c->evaluation};
	if (form_add_choice(f, _("Referral required"), s->yesno, 2, c->referral_required ? 0 : 1) != F_REFERRAL)
		return false;
	for (int i = 0; i < 6; i++)
		if (form_add_text(f, LK_FIELD_MULTILINE, labels[i], false, texts[i]) != F_TARGET + i)
			return false;
	return true;
}

static int build_form(form_state *s)
{
	for (int i = 0; i < LK_AUDIENCE_COUNT; i++)
		s->audiences[i] = course_audience_label((lk_audience)i);
	s->yesno[0] = _("yes");
	s->yesno[1] = _("no");
	form_init(&s->form);
	bool ok = add_idea_fields(s) && (!s->c.id || add_plan_fields(s));
	course_form_home(&s->form);
	return ok ? 0 : -1;
}

/* The owner's name for the person field; a missing owner shows nobody. */
static void read_owner(form_state *s, lk_ctx *ctx)
{
	lk_person p;
	lk_err err;
	if (s->c.owner_id && person_get(ctx, s->c.owner_id, &p, &err) == 0) {
		s->owner_name = strdup(p.name);
		person_free(&p);
	}
}

static int form_open(lk_view *v, const void *arg, lk_err *err)
{
	form_state *s = v->state;
	if (role_require(v->ui->ctx, LK_PERM_EDIT_PLAN, err) < 0 ||
	    (arg && course_get(v->ui->ctx, *(const int64_t *)arg, &s->c, err) < 0))
		return -1;
	read_owner(s, v->ui->ctx);
	return build_form(s) < 0 ? lk_fail(err, LK_ENOMEM, _("Out of memory.")) : 0;
}

static void form_done(lk_view *v)
{
	form_state *s = v->state;
	form_free(&s->form);
	course_free(&s->c);
	free(s->owner_name);
}

static char *form_title(lk_view *v)
{
	form_state *s = v->state;
	return s->c.id ? uitext_printf(_("Edit course: %s"), s->c.title ? s->c.title : "")
	               : uitext_printf("%s", _("New course"));
}

/* The typed values over the course as read, borrowing the form's texts. */
static lk_course typed_course(const form_state *s)
{
	const lk_form *f = &s->form;
	lk_course c = s->c;
	c.title = (char *)form_text(f, F_TITLE);
	c.audience = (lk_audience)form_choice(f, F_AUDIENCE);
	c.why = (char *)form_text(f, F_WHY);
	c.owner_id = form_person(f, F_OWNER);
	c.management_backing = (char *)form_text(f, F_BACKING);
	if (!s->c.id)
		return c;
	c.referral_required = form_choice(f, F_REFERRAL) == 0;
	char **plan[] = {&c.target_group, &c.goals, &c.frame, &c.content, &c.methods, &c.evaluation};
	for (int i = 0; i < 6; i++)
		*plan[i] = (char *)form_text(f, F_TARGET + i);
	return c;
}

/* A refusal (a bad field, someone else's change) keeps the form open with
 * everything typed, the core's message by its field. A new course opens
 * at once. */
static void form_save(lk_view *v)
{
	form_state *s = v->state;
	lk_course c = typed_course(s);
	lk_err err;
	form_clear_errors(&s->form);
	int rc = s->c.id ? course_update(v->ui->ctx, &c, &err) : course_create(v->ui->ctx, &c, &err);
	if (rc < 0) {
		form_set_error(&s->form, &err);
		ui_status_err(v->ui, &err);
		return;
	}
	ui_status(v->ui, LK_STYLE_OK, s->c.id ? _("Saved %s.") : _("Added the course %s."), c.title);
	int64_t id = c.id;
	bool added = !s->c.id;
	lk_ui *ui = v->ui;
	ui_pop(ui); /* frees v */
	if (added)
		ui_push(ui, &course_view, &id, NULL);
}

static bool form_view_request(lk_view *v, lk_action a)
{
	return course_form_request(v, a, form_save);
}

/* Someone else committed: never touch what is typed, but warn now if it
 * was this course, rather than only when saving is refused. */
static int form_reload(lk_view *v, lk_err *err)
{
	form_state *s = v->state;
	lk_course now;
	if (!s->c.id)
		return 0;
	if (course_get(v->ui->ctx, s->c.id, &now, err) < 0) {
		lk_err_prefix(err, "%s", _("Someone else deleted this course meanwhile"));
		form_set_error(&s->form, err);
		return 0;
	}
	bool moved = now.version != s->c.version;
	course_free(&now);
	if (moved) {
		lk_fail(err, LK_ECONFLICT, "%s", _("Someone else changed this course meanwhile; saving will be refused. Esc and open the course again to see the change."));
		form_set_error(&s->form, err);
	}
	return 0;
}

const lk_view_ops course_form_view = {
	.name = "course-form",
	.label = N_("Course form"),
	.state_size = sizeof(form_state),
	.actions = form_actions,
	.hints = form_hints,
	.text_entry = true,
	.open = form_open,
	.done = form_done,
	.title = form_title,
	.reload = form_reload,
	.draw = course_form_draw,
	.request = form_view_request,
	.input = course_form_input,
};
