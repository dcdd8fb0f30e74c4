#include <stdlib.h>
#include <string.h>

#include "lmskurs/i18n.h"
#include "lmskurs/ui/people.h"
#include "lmskurs/ui/tabs.h"
#include "lmskurs/ui/uitext.h"

typedef struct detail_state {
	int64_t id;
	lk_person p;
	lk_person_usage usage;
	bool gone;  /* deleted by someone else while shown */
	lk_tabs tabs;
} detail_state;

static const char *const detail_tabs[] = {N_("Contact"), N_("Bookings")};

static int detail_load(detail_state *s, lk_ctx *ctx, lk_err *err)
{
	person_free(&s->p);
	if (person_get(ctx, s->id, &s->p, err) < 0) {
		s->gone = err->code == LK_ENOTFOUND;
		return s->gone ? 0 : -1;
	}
	s->gone = false;
	return person_usage(ctx, s->id, &s->usage, err);
}

static int detail_open(lk_view *v, const void *arg, lk_err *err)
{
	detail_state *s = v->state;
	s->id = *(const int64_t *)arg;
	s->tabs = (lk_tabs){detail_tabs, 2, 0};
	if (detail_load(s, v->ui->ctx, err) < 0)
		return -1;
	return s->gone ? lk_fail(err, LK_ENOTFOUND, "%s", err->msg) : 0;
}

static void detail_done(lk_view *v)
{
	person_free(&((detail_state *)v->state)->p);
}

static int detail_reload(lk_view *v, lk_err *err)
{
	return detail_load(v->state, v->ui->ctx, err);
}

static char *detail_title(lk_view *v)
{
	detail_state *s = v->state;
	return uitext_printf(_("Person: %s"), s->gone ? _("(deleted)") : s->p.name);
}

/* One "Label: value" line; the value wraps under itself. Returns lines. */
static int draw_pair(lk_ui *ui, lk_rect r, int lw, const char *label, const char *value)
{
	if (r.h < 1)
		return 0;
	screen_text(ui, r.y, r.x, lw - 1, label, LK_STYLE_DIM);
	const char *shown = value && *value ? value : _("(not given)");
	lk_rect vr = {r.y, r.x + lw, r.h, r.w - lw};
	int n = screen_wrap(ui, vr, shown, value && *value ? LK_STYLE_NORMAL : LK_STYLE_DIM);
	return n > 0 ? n : 1;
}

static void draw_contact(detail_state *s, lk_ui *ui, lk_rect r)
{
	const lk_person *p = &s->p;
	const char *labels[] = {_("Name"), _("Kind"), _("Profession"), _("Organisation"),
		_("E-mail"), _("Phone"), _("Status"), _("Notes")};
	const char *values[] = {p->name, person_kind_label(p->kind), p->profession, p->organisation,
		p->email, p->phone, people_active_label(p->active), p->notes};
	int lw = 0;
	for (int i = 0; i < 8; i++) {
		int w = uitext_width(labels[i]) + 2;
		lw = w > lw ? w : lw;
	}
	for (int i = 0, y = 0; i < 8 && y < r.h; i++)
		y += draw_pair(ui, (lk_rect){r.y + y, r.x, r.h - y, r.w}, lw, labels[i], values[i]);
}

static void draw_bookings(detail_state *s, lk_ui *ui, lk_rect r)
{
	const lk_person_usage *u = &s->usage;
	char *lines[3] = {
		uitext_printf(ngettext("Facilitates %lld session (%lld still to come).",
			"Facilitates %lld sessions (%lld still to come).", (unsigned long)u->sessions),
			(long long)u->sessions, (long long)u->future_sessions),
		uitext_printf(ngettext("Member of %lld planning group.", "Member of %lld planning groups.",
			(unsigned long)u->planning_groups), (long long)u->planning_groups),
		uitext_printf(ngettext("Attended %lld meeting.", "Attended %lld meetings.",
			(unsigned long)u->meetings), (long long)u->meetings),
	};
	for (int i = 0; i < 3; i++) {
		if (i < r.h)
			screen_text(ui, r.y + i, r.x, r.w, lines[i] ? lines[i] : "", LK_STYLE_NORMAL);
		free(lines[i]);
	}
}

static void detail_draw(lk_view *v, lk_rect r)
{
	detail_state *s = v->state;
	lk_rect in = {r.y + 1, r.x + 1, r.h - 1, r.w - 2};
	if (s->gone) {
		screen_wrap(v->ui, in, _("! Someone else deleted this person meanwhile. Esc goes back."), LK_STYLE_WARNING);
		screen_cursor(v->ui, in.y, in.x);
		return;
	}
	tabs_draw(&s->tabs, v->ui, in.y, in.x, in.w);
	lk_rect body = {in.y + 2, in.x, in.h - 2, in.w};
	if (s->tabs.cur == 0)
		draw_contact(s, v->ui, body);
	else
		draw_bookings(s, v->ui, body);
	screen_cursor(v->ui, body.y, body.x);
}

static bool detail_request(lk_view *v, lk_action a)
{
	detail_state *s = v->state;
	if (tabs_request(&s->tabs, a))
		return true;
	if (s->gone || (a != LK_ACT_EDIT && a != LK_ACT_DELETE))
		return false;
	if (a == LK_ACT_EDIT)
		ui_push(v->ui, &person_form_view, &s->id, NULL);
	else if (people_delete(v->ui, s->id, s->p.version, s->p.name))
		ui_pop(v->ui);
	return true;
}

static const lk_action detail_actions[] = {
	LK_ACT_TAB_NEXT, LK_ACT_TAB_PREV, LK_ACT_EDIT, LK_ACT_DELETE, LK_ACT_BACK, 0,
};

static const lk_action detail_hints[] = {
	LK_ACT_TAB_NEXT, LK_ACT_EDIT, LK_ACT_DELETE, LK_ACT_BACK, 0,
};

const lk_view_ops person_detail_view = {
	.name = "person-detail",
	.label = N_("Person"),
	.state_size = sizeof(detail_state),
	.actions = detail_actions,
	.hints = detail_hints,
	.open = detail_open,
	.done = detail_done,
	.title = detail_title,
	.reload = detail_reload,
	.draw = detail_draw,
	.request = detail_request,
};
