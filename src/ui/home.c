#include "lmskurs/ui/home.h"

#include <stdlib.h>
#include <string.h>

#include "lmskurs/i18n.h"
#include "lmskurs/person.h"
#include "lmskurs/ui/people.h"
#include "lmskurs/ui/uitext.h"

typedef enum home_section {
	HOME_COURSES,
	HOME_RUNS,
	HOME_WEEK,
	HOME_PEOPLE,
	HOME_SECTIONS
} home_section;

static const char *const section_labels[HOME_SECTIONS] = {
	[HOME_COURSES] = N_("Courses"),
	[HOME_RUNS] = N_("Runs"),
	[HOME_WEEK] = N_("This week"),
	[HOME_PEOPLE] = N_("People"),
};

typedef struct home_row {
	home_section id;
	char *count; /* "3 people", or "coming" where there is no screen yet */
} home_row;

typedef struct home_state {
	lk_list list;
	int64_t people; /* person_count, all people */
} home_state;

static int64_t home_count(lk_list *l, lk_err *err)
{
	(void)l, (void)err;
	return HOME_SECTIONS;
}

static char *section_count(const home_state *s, home_section id)
{
	if (id != HOME_PEOPLE)
		return strdup(_("coming in a later version"));
	return uitext_printf(ngettext("%lld person", "%lld people", (unsigned long)s->people),
		(long long)s->people);
}

static void home_row_free(void *row)
{
	home_row *r = row;
	free(r->count);
	free(r);
}

static int home_fetch(lk_list *l, lk_page page, lk_err *err)
{
	for (int64_t i = page.offset; i < HOME_SECTIONS && i < page.offset + page.limit; i++) {
		home_row *r = calloc(1, sizeof *r);
		if (r && !(r->count = section_count(l->arg, (home_section)i)))
			free(r), r = NULL;
		if (!r)
			return lk_fail(err, LK_ENOMEM, _("Out of memory."));
		r->id = (home_section)i;
		if (list_add_row(l, r, err) < 0)
			return -1;
	}
	return 0;
}

static int64_t home_row_id(const void *row)
{
	return ((const home_row *)row)->id;
}

static lk_style home_cells(const void *row, const char **cells)
{
	const home_row *r = row;
	cells[0] = _(section_labels[r->id]);
	cells[1] = r->count;
	return r->id == HOME_PEOPLE ? LK_STYLE_NORMAL : LK_STYLE_DIM;
}

static const lk_column home_cols[] = {
	{N_("Section"), 16, 1},
	{N_("Entries"), 20, 2},
};

static const lk_list_ops home_list_ops = {
	.cols = home_cols, .ncols = 2,
	.count = home_count, .fetch = home_fetch, .row_free = home_row_free,
	.row_id = home_row_id, .row_cells = home_cells,
};

static int home_reload(lk_view *v, lk_err *err)
{
	home_state *s = v->state;
	lk_person_filter all = {.kind = -1, .include_inactive = true};
	s->people = person_count(v->ui->ctx, &all, err);
	return s->people < 0 ? -1 : list_reload(&s->list, err);
}

static int home_open(lk_view *v, const void *arg, lk_err *err)
{
	(void)arg;
	home_state *s = v->state;
	list_init(&s->list, &home_list_ops, s);
	if (home_reload(v, err) < 0)
		return -1;
	/* On an empty database People is where work starts. */
	return s->people == 0 ? list_move_to(&s->list, HOME_PEOPLE, err) : 0;
}

static void home_done(lk_view *v)
{
	list_fini(&((home_state *)v->state)->list);
}

static lk_list *home_list(lk_view *v)
{
	return &((home_state *)v->state)->list;
}

/* An empty database (no people yet: the only count there is so far) gets
 * two lines saying what the program is for and how to begin. */
static void home_draw(lk_view *v, lk_rect r)
{
	home_state *s = v->state;
	lk_rect in = {r.y + 1, r.x + 1, r.h - 1, r.w - 2};
	if (s->people == 0) {
		int n = screen_wrap(v->ui, in, _("Welcome to lmskurs: plan, run and evaluate group courses by the standard method, side by side with user representatives."), LK_STYLE_OK);
		lk_rect second = {in.y + n, in.x, in.h - n, in.w};
		n += screen_wrap(v->ui, second, _("Start with the people who plan and lead courses: Enter opens People, a adds a person there. ? shows all keys, q quits."), LK_STYLE_NORMAL);
		in.y += n + 1;
		in.h -= n + 1;
	}
	ui_draw_list(v->ui, &s->list, in);
}

static bool home_request(lk_view *v, lk_action a)
{
	home_state *s = v->state;
	const home_row *row = list_selected(&s->list);
	switch (a) {
	case LK_ACT_LEAVE: v->ui->quit = true; return true;
	case LK_ACT_OPEN: break;
	default: return false;
	}
	if (row && row->id == HOME_PEOPLE)
		ui_push(v->ui, &people_view, NULL, NULL);
	else if (row)
		ui_status(v->ui, LK_STYLE_WARNING, _("%s is coming in a later version."), _(section_labels[row->id]));
	return true;
}

static const lk_action home_actions[] = {
	LK_ACT_MOVE_UP, LK_ACT_MOVE_DOWN, LK_ACT_MOVE_FIRST, LK_ACT_MOVE_LAST,
	LK_ACT_OPEN, LK_ACT_LEAVE, 0,
};

static const lk_action home_hints[] = {LK_ACT_OPEN, LK_ACT_LEAVE, 0};

const lk_view_ops home_view = {
	.name = "home",
	.label = N_("Home"),
	.state_size = sizeof(home_state),
	.actions = home_actions,
	.hints = home_hints,
	.open = home_open,
	.done = home_done,
	.reload = home_reload,
	.list = home_list,
	.draw = home_draw,
	.request = home_request,
};
