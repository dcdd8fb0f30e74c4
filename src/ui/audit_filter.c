/* audit_filter.c — the audit log's period and participant (ui/audit.h):
 * a small form over the list; Ctrl-S hands the filter to the list below,
 * which re-reads. The core checks it first, and its message lands next to
 * the field (its labels are the core's words: From, To, Participant no.). */
#include "audit_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/i18n.h"
#include "lmskurs/role.h"
#include "lmskurs/ui/form.h"
#include "lmskurs/ui/uitext.h"

enum { F_FROM, F_TO, F_PARTICIPANT };

typedef struct filter_state {
	lk_form form;
} filter_state;

static void date_field(char buf[static 11], lk_date d)
{
	buf[0] = '\0';
	if (d.year)
		date_show(d, buf);
}

static int filter_open(lk_view *v, const void *arg, lk_err *err)
{
	(void)arg;
	filter_state *s = v->state;
	lk_audit_filter *f = audit_view_filter(ui_top(v->ui), NULL); /* not pushed yet */
	if (role_require(v->ui->ctx, LK_PERM_READ_AUDIT, err) < 0)
		return -1;
	if (!f)
		return lk_fail(err, LK_EINVAL, "%s", _("Open the audit log first."));
	char from[11], to[11], who[24] = "";
	date_field(from, f->from);
	date_field(to, f->to);
	if (f->participant_id)
		snprintf(who, sizeof who, "%lld", (long long)f->participant_id);
	form_init(&s->form);
	bool ok = form_add_text(&s->form, LK_FIELD_DATE, _("From"), false, from) == F_FROM &&
		form_add_text(&s->form, LK_FIELD_DATE, _("To"), false, to) == F_TO &&
		form_add_text(&s->form, LK_FIELD_NUMBER, _("Participant no."), false, who) == F_PARTICIPANT;
	return ok ? 0 : lk_fail(err, LK_ENOMEM, "%s", _("Out of memory."));
}

static void filter_done(lk_view *v)
{
	form_free(&((filter_state *)v->state)->form);
}

static char *filter_title(lk_view *v)
{
	(void)v;
	return uitext_printf("%s", _("Audit log: period and participant"));
}

/* The typed filter into *f; -1 with the error on its field. */
static int typed_filter(filter_state *s, lk_audit_filter *f, lk_err *err)
{
	long who = 0;
	bool empty;
	*f = (lk_audit_filter){0};
	if (form_date(&s->form, F_FROM, &f->from, &empty, err) < 0 ||
	    form_date(&s->form, F_TO, &f->to, &empty, err) < 0 ||
	    form_number(&s->form, F_PARTICIPANT, 1, 999999999, &who, &empty, err) < 0)
		return -1;
	f->participant_id = who;
	return 0;
}

static void filter_apply(lk_view *v)
{
	filter_state *s = v->state;
	lk_err err;
	lk_audit_filter f;
	form_clear_errors(&s->form);
	if (typed_filter(s, &f, &err) < 0 || auditlog_count(v->ui->ctx, &f, &err) < 0) {
		form_set_error(&s->form, &err);
		ui_status_err(v->ui, &err);
		return;
	}
	lk_audit_filter *below = audit_view_filter(ui_below(v->ui, v), NULL);
	if (below)
		*below = f;
	ui_pop(v->ui);
}

static bool filter_request(lk_view *v, lk_action a)
{
	filter_state *s = v->state;
	if (a == LK_ACT_SAVE || (a == LK_ACT_NEWLINE && s->form.cur == s->form.n - 1))
		filter_apply(v);
	else if (a == LK_ACT_CANCEL)
		ui_pop(v->ui);
	else
		return form_request(&s->form, v->ui, a);
	return true;
}

static bool filter_input(lk_view *v, lk_key key)
{
	return form_input(&((filter_state *)v->state)->form, key);
}

static void filter_draw(lk_view *v, lk_rect r)
{
	filter_state *s = v->state;
	lk_rect intro = {r.y + 1, r.x + 2, r.h - 1, r.w - 4};
	int n = screen_wrap(v->ui, intro, _("Empty fields do not filter. A participant's entries are those on their record, their places in runs and their attendance marks."), LK_STYLE_DIM);
	form_draw(&s->form, v->ui, (lk_rect){r.y + 2 + n, r.x + 1, r.h - 2 - n, r.w - 2});
}

const lk_view_ops audit_filter_view = {
	.name = "audit-filter",
	.label = N_("Audit log: period and participant"),
	.state_size = sizeof(filter_state),
	.actions = form_actions,
	.hints = form_hints,
	.text_entry = true,
	.open = filter_open,
	.done = filter_done,
	.title = filter_title,
	.draw = filter_draw,
	.request = filter_request,
	.input = filter_input,
};
