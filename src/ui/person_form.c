#include <stdlib.h>
#include <string.h>

#include "lmskurs/i18n.h"
#include "lmskurs/role.h"
#include "lmskurs/ui/dialog.h"
#include "lmskurs/ui/form.h"
#include "lmskurs/ui/people.h"
#include "lmskurs/ui/uitext.h"

/* Field order on screen. Labels are the core's field names, so its
 * messages ("Name must not be empty") land next to the right field. */
enum { F_NAME, F_KIND, F_PROFESSION, F_ORGANISATION, F_EMAIL, F_PHONE, F_ACTIVE, F_NOTES };

typedef struct form_state {
	lk_form form;
	int64_t id;       /* 0 while adding */
	int64_t version;  /* as read; person_update refuses if it moved */
	char *name;       /* as read, for the title */
	const char *kinds[2], *actives[2]; /* translated choice texts */
} form_state;

static int build_form(form_state *s, const lk_person *p)
{
	lk_form *f = &s->form;
	s->kinds[LK_PROFESSIONAL] = person_kind_label(LK_PROFESSIONAL);
	s->kinds[LK_USER_REP] = person_kind_label(LK_USER_REP);
	s->actives[0] = _("yes");
	s->actives[1] = _("no");
	form_init(f);
	bool ok = form_add_text(f, LK_FIELD_TEXT, _("Name"), true, p->name) == F_NAME &&
		form_add_choice(f, _("Kind"), s->kinds, 2, p->kind) == F_KIND &&
		form_add_text(f, LK_FIELD_TEXT, _("Profession"), false, p->profession) == F_PROFESSION &&
		form_add_text(f, LK_FIELD_TEXT, _("Organisation"), false, p->organisation) == F_ORGANISATION &&
		form_add_text(f, LK_FIELD_TEXT, _("E-mail"), false, p->email) == F_EMAIL &&
		form_add_text(f, LK_FIELD_TEXT, _("Phone"), false, p->phone) == F_PHONE &&
		form_add_choice(f, _("Active"), s->actives, 2, p->active ? 0 : 1) == F_ACTIVE &&
		form_add_text(f, LK_FIELD_MULTILINE, _("Notes"), false, p->notes) == F_NOTES;
	return ok ? 0 : -1;
}

static int form_open(lk_view *v, const void *arg, lk_err *err)
{
	form_state *s = v->state;
	lk_person p = {.kind = LK_PROFESSIONAL, .active = true};
	if (role_require(v->ui->ctx, LK_PERM_EDIT_PLAN, err) < 0 ||
	    (arg && person_get(v->ui->ctx, *(const int64_t *)arg, &p, err) < 0))
		return -1;
	s->id = p.id;
	s->version = p.version;
	s->name = p.name ? strdup(p.name) : NULL;
	int rc = build_form(s, &p);
	person_free(&p);
	return rc < 0 ? lk_fail(err, LK_ENOMEM, _("Out of memory.")) : 0;
}

static void form_done(lk_view *v)
{
	form_state *s = v->state;
	form_free(&s->form);
	free(s->name);
}

static char *form_title(lk_view *v)
{
	form_state *s = v->state;
	return s->id ? uitext_printf(_("Edit person: %s"), s->name ? s->name : "")
	             : uitext_printf("%s", _("New person"));
}

/* The typed values as an lk_person borrowing the form's texts. */
static lk_person typed_person(const form_state *s)
{
	const lk_form *f = &s->form;
	return (lk_person){
		.id = s->id, .version = s->version,
		.name = (char *)form_text(f, F_NAME),
		.kind = (lk_person_kind)form_choice(f, F_KIND),
		.profession = (char *)form_text(f, F_PROFESSION),
		.organisation = (char *)form_text(f, F_ORGANISATION),
		.email = (char *)form_text(f, F_EMAIL),
		.phone = (char *)form_text(f, F_PHONE),
		.notes = (char *)form_text(f, F_NOTES),
		.active = form_choice(f, F_ACTIVE) == 0,
	};
}

/* On any refusal (a bad field, someone else's change) the form stays open
 * with everything typed, and the core's message shows by its field. */
static void form_save(lk_view *v)
{
	form_state *s = v->state;
	lk_person p = typed_person(s);
	lk_err err;
	form_clear_errors(&s->form);
	int rc = s->id ? person_update(v->ui->ctx, &p, &err) : person_create(v->ui->ctx, &p, &err);
	if (rc < 0) {
		form_set_error(&s->form, &err);
		ui_status_err(v->ui, &err);
		return;
	}
	ui_status(v->ui, LK_STYLE_OK, s->id ? _("Saved %s.") : _("Added %s."), p.name);
	ui_pop(v->ui);
}

static void form_cancel(lk_view *v)
{
	form_state *s = v->state;
	if (s->form.changed &&
	    !dialog_confirm(v->ui, _("Close without saving?"), _("What you typed in this form will be lost.")))
		return;
	ui_pop(v->ui);
}

static bool form_view_request(lk_view *v, lk_action a)
{
	form_state *s = v->state;
	if (a == LK_ACT_SAVE)
		form_save(v);
	else if (a == LK_ACT_CANCEL)
		form_cancel(v);
	else
		return form_request(&s->form, v->ui, a);
	return true;
}

static bool form_view_input(lk_view *v, lk_key key)
{
	return form_input(&((form_state *)v->state)->form, key);
}

/* Someone else committed: never touch what is typed, but warn now if it
 * was this person, rather than only when saving is refused. */
static int form_reload(lk_view *v, lk_err *err)
{
	form_state *s = v->state;
	lk_person p;
	if (!s->id)
		return 0;
	if (person_get(v->ui->ctx, s->id, &p, err) < 0) {
		lk_err_prefix(err, "%s ", _("Someone else deleted this person meanwhile."));
		form_set_error(&s->form, err);
		return 0;
	}
	bool moved = p.version != s->version;
	person_free(&p);
	if (moved) {
		lk_fail(err, LK_ECONFLICT, "%s", _("Someone else changed this person meanwhile; saving will be refused. Esc and open the person again to see the change."));
		form_set_error(&s->form, err);
	}
	return 0;
}

static void form_view_draw(lk_view *v, lk_rect r)
{
	form_state *s = v->state;
	form_draw(&s->form, v->ui, (lk_rect){r.y + 1, r.x + 1, r.h - 1, r.w - 2});
}

const lk_view_ops person_form_view = {
	.name = "person-form",
	.label = N_("Person form"),
	.state_size = sizeof(form_state),
	.actions = form_actions,
	.hints = form_hints,
	.text_entry = true,
	.open = form_open,
	.done = form_done,
	.title = form_title,
	.reload = form_reload,
	.draw = form_view_draw,
	.request = form_view_request,
	.input = form_view_input,
};
