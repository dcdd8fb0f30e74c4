/*
 * participant_form.c — registering a participant or changing one: name,
 * phone, e-mail, birth year, notes. Before a new record is saved the core
 * looks for the same person (participant_find_duplicates: same name and
 * same phone or e-mail); when found, the form offers that record instead,
 * so nobody is doubled without being asked. Refusals keep the form open
 * with what was typed and the core's message by its field, also when
 * someone else changed the record meanwhile (LK_ECONFLICT).
 */
#include "lmskurs/ui/participants.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/i18n.h"
#include "lmskurs/role.h"
#include "lmskurs/ui/dialog.h"
#include "lmskurs/ui/form.h"
#include "lmskurs/ui/uitext.h"

/* Labels are the core's field names, so its messages land by the field. */
enum { F_NAME, F_PHONE, F_EMAIL, F_BIRTH, F_NOTES };

typedef struct pf_state {
	lk_form form;
	int64_t id;            /* 0 while registering */
	int64_t version;       /* as read */
	int64_t enroll_run_id; /* go on to enroll in this run once saved */
	char *name;            /* as read, for the title */
} pf_state;

static int pf_build(pf_state *s, const lk_participant *p)
{
	lk_form *f = &s->form;
	char born[16] = "";
	if (p->birth_year)
		snprintf(born, sizeof born, "%d", p->birth_year);
	form_init(f);
	bool ok = form_add_text(f, LK_FIELD_TEXT, _("Name"), true, p->name) == F_NAME &&
		form_add_text(f, LK_FIELD_TEXT, _("Phone"), false, p->phone) == F_PHONE &&
		form_add_text(f, LK_FIELD_TEXT, _("E-mail"), false, p->email) == F_EMAIL &&
		form_add_text(f, LK_FIELD_NUMBER, _("Birth year"), false, born) == F_BIRTH &&
		form_add_text(f, LK_FIELD_MULTILINE, _("Notes"), false, p->notes) == F_NOTES;
	return ok ? 0 : -1;
}

static int pf_open(lk_view *v, const void *arg, lk_err *err)
{
	pf_state *s = v->state;
	const lk_participant_form_arg *a = arg;
	lk_participant p = {0};
	if (role_require(v->ui->ctx, LK_PERM_EDIT_PARTICIPANTS, err) < 0 ||
	    (a && a->id && participant_get(v->ui->ctx, a->id, &p, err) < 0)) {
		participant_free(&p);
		return -1;
	}
	if (a && !a->id && a->name && !(p.name = strdup(a->name)))
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	s->enroll_run_id = a ? a->enroll_run_id : 0;
	s->id = p.id;
	s->version = p.version;
	s->name = p.name ? strdup(p.name) : NULL;
	int rc = pf_build(s, &p);
	participant_free(&p);
	return rc < 0 ? lk_fail(err, LK_ENOMEM, _("Out of memory.")) : 0;
}

static void pf_done(lk_view *v)
{
	pf_state *s = v->state;
	form_free(&s->form);
	free(s->name);
}

static char *pf_title(lk_view *v)
{
	pf_state *s = v->state;
	if (s->id)
		return uitext_printf(_("Edit participant: %s"), s->name ? s->name : "");
	return strdup(s->enroll_run_id ? _("New participant, then enroll") : _("New participant"));
}

/* The typed values as an lk_participant borrowing the form's texts. */
static int pf_typed(pf_state *s, lk_participant *p, lk_err *err)
{
	lk_form *f = &s->form;
	long born = 0;
	bool empty;
	if (form_number(f, F_BIRTH, 0, 99999, &born, &empty, err) < 0)
		return -1;
	*p = (lk_participant){
		.id = s->id, .version = s->version,
		.name = (char *)form_text(f, F_NAME),
		.phone = (char *)form_text(f, F_PHONE),
		.email = (char *)form_text(f, F_EMAIL),
		.birth_year = empty ? 0 : (int)born,
		.notes = (char *)form_text(f, F_NOTES),
		.contact_shown = true,
	};
	return 0;
}

/* ---- the same person already there ---- */

typedef struct dup_found {
	int64_t self;      /* not counted */
	int64_t id;        /* the first other record, 0 when none */
	char *name, *added;
	int birth_year;
	int n;
} dup_found;

static int dup_one(void *arg, const lk_participant *p)
{
	dup_found *d = arg;
	if (p->id == d->self)
		return 0;
	if (d->n++ == 0) {
		d->id = p->id;
		d->name = strdup(p->name ? p->name : "");
		d->added = strdup(p->created_at ? p->created_at : "");
		d->birth_year = p->birth_year;
	}
	return 0;
}

static void dup_free(dup_found *d)
{
	free(d->name);
	free(d->added);
}

static int dup_find(lk_ctx *ctx, const lk_participant *p, dup_found *d, lk_err *err)
{
	*d = (dup_found){.self = p->id};
	return participant_find_duplicates(ctx, p->name, p->phone, p->email, dup_one, d, err);
}

/* "no. 7, born 1961, added 2027-01-04" — who the record is, in words. */
static char *dup_who(const dup_found *d)
{
	char born[32] = "";
	if (d->birth_year)
		snprintf(born, sizeof born, _(", born %d"), d->birth_year);
	char added[11] = "";
	lk_date day;
	if (d->added && strlen(d->added) >= 10) {
		snprintf(added, sizeof added, "%.10s", d->added);
		if (date_parse(added, &day, NULL) == 0)
			date_show(day, added);
	}
	return uitext_printf(_("no. %lld%s, added %s"), (long long)d->id, born, added);
}

typedef enum { DUP_NONE, DUP_USE_EXISTING, DUP_ADD_ANYWAY, DUP_BACK } dup_answer;

static dup_answer dup_ask(lk_ui *ui, const dup_found *d)
{
	char *who = dup_who(d);
	char *q = who ? uitext_printf(ngettext(
		"%s is already registered with the same phone or e-mail (%s). Use that record instead of adding a second one?",
		"%s is already registered with the same phone or e-mail (%s, and %d more). Use that record instead of adding another?",
		(unsigned long)d->n), d->name, who, d->n - 1) : NULL;
	bool use = q && dialog_confirm(ui, _("Already registered"), q);
	free(q);
	free(who);
	if (use)
		return DUP_USE_EXISTING;
	q = uitext_printf(_("Add %s as a new, separate record anyway? Only if this is another person with the same name."), d->name);
	bool add = q && dialog_confirm(ui, _("Add a second record?"), q);
	free(q);
	return add ? DUP_ADD_ANYWAY : DUP_BACK;
}

/* ---- saving ---- */

/* Closes the form and goes on with participant id: to enrolling them when
 * the form was opened for that, else to their details when they were
 * someone already registered. v is gone afterwards. */
static void pf_go_on(lk_view *v, int64_t id, const char *name, bool existing)
{
	pf_state *s = v->state;
	lk_ui *ui = v->ui;
	int64_t run = s->enroll_run_id;
	char *copy = strdup(name ? name : "");
	ui_pop(ui);
	if (run)
		ui_push(ui, &enroll_form_view, &(lk_enroll_form_arg){run, id, copy}, NULL);
	else if (existing)
		ui_push(ui, &participant_detail_view, &id, NULL);
	free(copy);
}

/* The core's message by its field (an update's "Participant no. 7: " taken
 * off first), and on the status line. */
static void pf_refused(lk_view *v, const lk_err *err)
{
	pf_state *s = v->state;
	lk_err field = *err;
	snprintf(field.msg, sizeof field.msg, "%s", participants_field_message(err->msg, s->id));
	form_set_error(&s->form, &field);
	ui_status_err(v->ui, err);
}

static void pf_create(lk_view *v, lk_participant *p)
{
	dup_found d;
	lk_err err;
	if (dup_find(v->ui->ctx, p, &d, &err) < 0) {
		pf_refused(v, &err);
		dup_free(&d);
		return;
	}
	dup_answer ans = d.n ? dup_ask(v->ui, &d) : DUP_NONE;
	if (ans == DUP_USE_EXISTING) {
		ui_status(v->ui, LK_STYLE_OK, _("Kept the record no. %lld of %s; nothing was added."), (long long)d.id, d.name);
		pf_go_on(v, d.id, d.name, true);
	} else if (ans == DUP_BACK) {
		ui_status(v->ui, LK_STYLE_NORMAL, "%s", _("Nothing was added; the form is as you left it."));
	} else if (participant_create(v->ui->ctx, p, &err) < 0) {
		pf_refused(v, &err);
	} else {
		ui_status(v->ui, LK_STYLE_OK, _("Registered %s (no. %lld)."), p->name, (long long)p->id);
		pf_go_on(v, p->id, p->name, false);
	}
	dup_free(&d);
}

/* After a change: another record may now look like the same person. */
static void pf_updated(lk_view *v, const lk_participant *p)
{
	dup_found d;
	lk_err err;
	if (dup_find(v->ui->ctx, p, &d, &err) == 0 && d.n > 0)
		ui_status(v->ui, LK_STYLE_WARNING, _("Saved %s. Record no. %lld has the same name and phone or e-mail: open the details and press M to merge them."),
			p->name, (long long)d.id);
	else
		ui_status(v->ui, LK_STYLE_OK, _("Saved %s."), p->name);
	dup_free(&d);
	ui_pop(v->ui);
}

static void pf_save(lk_view *v)
{
	pf_state *s = v->state;
	lk_participant p;
	lk_err err;
	form_clear_errors(&s->form);
	if (pf_typed(s, &p, &err) < 0) {
		ui_status_err(v->ui, &err);
		return;
	}
	if (!s->id)
		pf_create(v, &p);
	else if (participant_update(v->ui->ctx, &p, &err) < 0)
		pf_refused(v, &err);
	else
		pf_updated(v, &p);
}

static void pf_cancel(lk_view *v)
{
	pf_state *s = v->state;
	if (s->form.changed &&
	    !dialog_confirm(v->ui, _("Close without saving?"), _("What you typed in this form will be lost.")))
		return;
	ui_pop(v->ui);
}

static bool pf_request(lk_view *v, lk_action a)
{
	pf_state *s = v->state;
	if (a == LK_ACT_SAVE)
		pf_save(v);
	else if (a == LK_ACT_CANCEL)
		pf_cancel(v);
	else
		return form_request(&s->form, v->ui, a);
	return true;
}

static bool pf_input(lk_view *v, lk_key key)
{
	return form_input(&((pf_state *)v->state)->form, key);
}

/* Someone else committed: never touch what is typed, but warn now if it
 * was this record, rather than only when saving is refused. */
static int pf_reload(lk_view *v, lk_err *err)
{
	pf_state *s = v->state;
	lk_participant p;
	if (!s->id)
		return 0;
	int rc = participant_get(v->ui->ctx, s->id, &p, err);
	bool moved = rc == 0 && p.version != s->version;
	participant_free(&p);
	if (rc < 0)
		lk_err_prefix(err, "%s", _("Someone else deleted this participant meanwhile."));
	else if (moved)
		lk_fail(err, LK_ECONFLICT, "%s", _("Someone else changed this participant meanwhile; saving will be refused. Esc and open the participant again to see the change."));
	if (rc < 0 || moved)
		form_set_error(&s->form, err);
	return 0;
}

static void pf_draw(lk_view *v, lk_rect r)
{
	pf_state *s = v->state;
	form_draw(&s->form, v->ui, (lk_rect){r.y + 1, r.x + 1, r.h - 1, r.w - 2});
}

const lk_view_ops participant_form_view = {
	.name = "participant-form",
	.label = N_("Participant form"),
	.state_size = sizeof(pf_state),
	.actions = form_actions,
	.hints = form_hints,
	.text_entry = true,
	.open = pf_open,
	.done = pf_done,
	.title = pf_title,
	.reload = pf_reload,
	.draw = pf_draw,
	.request = pf_request,
	.input = pf_input,
};
