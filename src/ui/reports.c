/* reports.c — the Reports section: a form to choose the report and its
 * period; Ctrl-S (or Enter on the last field) shows it (ui/reports.h). */
#include "reports_internal.h"

#include <stdlib.h>
#include <string.h>

#include "lmskurs/i18n.h"
#include "lmskurs/role.h"
#include "lmskurs/ui/form.h"
#include "lmskurs/ui/uitext.h"

/* Labels are the core's field names ("From", "To"), so its messages about
 * the period land by the right field. */
enum { F_REPORT, F_FROM, F_TO, F_COUNT };

typedef struct chooser_state {
	lk_form form;
	const char *kinds[LK_REPORT_KIND_COUNT];
} chooser_state;

static int chooser_open(lk_view *v, const void *arg, lk_err *err)
{
	chooser_state *s = v->state;
	(void)arg;
	if (role_require(v->ui->ctx, LK_PERM_REPORTS, err) < 0)
		return -1;
	lk_period y = report_period_year(ctx_today(v->ui->ctx).year);
	char from[11], to[11];
	date_show(y.from, from);
	date_show(y.to, to);
	for (int k = 0; k < LK_REPORT_KIND_COUNT; k++)
		s->kinds[k] = report_kind_label((lk_report_kind)k);
	form_init(&s->form);
	bool ok = form_add_choice(&s->form, _("Report"), s->kinds, LK_REPORT_KIND_COUNT, 0) == F_REPORT &&
		form_add_text(&s->form, LK_FIELD_DATE, _("From"), true, from) == F_FROM &&
		form_add_text(&s->form, LK_FIELD_DATE, _("To"), true, to) == F_TO;
	return ok ? 0 : lk_fail(err, LK_ENOMEM, "%s", _("Out of memory."));
}

static void chooser_done(lk_view *v)
{
	form_free(&((chooser_state *)v->state)->form);
}

static const lk_view_ops *const report_views[LK_REPORT_KIND_COUNT] = {
	[LK_REPORT_ACTIVITY] = &report_activity_view,
	[LK_REPORT_REGISTRATION] = &report_runs_view,
	[LK_REPORT_HONORARIUM] = &report_honorarium_view,
};

/* Checks the period through the core (its messages start with the field's
 * label) and opens the chosen report over the form. */
static void chooser_make(lk_view *v)
{
	chooser_state *s = v->state;
	lk_period p;
	lk_err err;
	form_clear_errors(&s->form);
	if (report_period_parse(form_text(&s->form, F_FROM), form_text(&s->form, F_TO), &p, &err) < 0) {
		form_set_error(&s->form, &err);
		ui_status_err(v->ui, &err);
		return;
	}
	int k = form_choice(&s->form, F_REPORT);
	reports_working(v->ui);
	ui_push(v->ui, report_views[k < 0 || k >= LK_REPORT_KIND_COUNT ? 0 : k], &p, NULL);
}

static bool chooser_request(lk_view *v, lk_action a)
{
	chooser_state *s = v->state;
	if (a == LK_ACT_REPORT_MAKE || (a == LK_ACT_NEWLINE && s->form.cur == F_COUNT - 1)) {
		chooser_make(v);
		return true;
	}
	if (a == LK_ACT_BACK) {
		ui_pop(v->ui);
		return true;
	}
	return form_request(&s->form, v->ui, a);
}

static bool chooser_input(lk_view *v, lk_key key)
{
	return form_input(&((chooser_state *)v->state)->form, key);
}

static void chooser_draw(lk_view *v, lk_rect r)
{
	chooser_state *s = v->state;
	lk_rect intro = {r.y + 1, r.x + 2, r.h - 1, r.w - 4};
	int n = screen_wrap(v->ui, intro, _("Choose a report and its period (both days included), and show it. The report can then be written to a PDF or CSV file."), LK_STYLE_DIM);
	form_draw(&s->form, v->ui, (lk_rect){r.y + 2 + n, r.x + 1, r.h - 2 - n, r.w - 2});
}

static const lk_action chooser_actions[] = {
	LK_ACT_REPORT_MAKE, LK_ACT_BACK, LK_ACT_FIELD_NEXT, LK_ACT_FIELD_PREV,
	LK_ACT_LINE_UP, LK_ACT_LINE_DOWN, LK_ACT_NEWLINE,
	LK_ACT_CHAR_LEFT, LK_ACT_CHAR_RIGHT, LK_ACT_LINE_START, LK_ACT_LINE_END,
	LK_ACT_DEL_BACK, LK_ACT_DEL_FORWARD, LK_ACT_KILL_BEFORE, LK_ACT_KILL_AFTER, 0,
};

static const lk_action chooser_hints[] = {LK_ACT_REPORT_MAKE, LK_ACT_FIELD_NEXT, LK_ACT_BACK, 0};

const lk_view_ops reports_view = {
	.name = "reports",
	.label = N_("Reports"),
	.state_size = sizeof(chooser_state),
	.actions = chooser_actions,
	.hints = chooser_hints,
	.text_entry = true,
	.open = chooser_open,
	.done = chooser_done,
	.draw = chooser_draw,
	.request = chooser_request,
	.input = chooser_input,
};
