#include "lmskurs/ui/help.h"

#include <stdlib.h>
#include <string.h>

#include "lmskurs/i18n.h"
#include "lmskurs/ui/uitext.h"

typedef struct help_line {
	char *keys; /* NULL for a heading */
	char *text;
	int64_t index;
} help_line;

typedef struct help_state {
	lk_list list;
	help_line *lines;
	int n, cap;
	char *title;
	bool failed;
} help_state;

static void add_line(help_state *s, const char *keys, const char *text)
{
	if (s->n == s->cap) {
		int cap = s->cap ? s->cap * 2 : 32;
		help_line *l = realloc(s->lines, (size_t)cap * sizeof *l);
		if (!l) {
			s->failed = true;
			return;
		}
		s->lines = l;
		s->cap = cap;
	}
	help_line *l = &s->lines[s->n];
	l->keys = keys ? strdup(keys) : NULL;
	l->text = strdup(text);
	l->index = s->n++;
	s->failed |= !l->text || (keys && !l->keys);
}

static void sink_heading(void *arg, const char *group)
{
	add_line(arg, NULL, group);
}

static void sink_entry(void *arg, const char *keys, const char *help)
{
	add_line(arg, keys, help);
}

static int64_t help_count(lk_list *l, lk_err *err)
{
	(void)err;
	return ((help_state *)l->arg)->n;
}

/* Rows are the state's lines, lent to the list (row_free does nothing). */
static int help_fetch(lk_list *l, lk_page page, lk_err *err)
{
	help_state *s = l->arg;
	for (int64_t i = page.offset; i < s->n && i < page.offset + page.limit; i++)
		if (list_add_row(l, &s->lines[i], err) < 0)
			return -1;
	return 0;
}

static void help_row_free(void *row) { (void)row; }

static int64_t help_row_id(const void *row) { return ((const help_line *)row)->index; }

static lk_style help_row_cells(const void *row, const char **cells)
{
	const help_line *h = row;
	cells[0] = h->keys ? h->keys : h->text;
	cells[1] = h->keys ? h->text : "";
	return h->keys ? LK_STYLE_NORMAL : LK_STYLE_WARNING;
}

static const lk_column help_cols[] = {
	{N_("Keys"), 16, 1},
	{N_("What they do"), 30, 3},
};

static const lk_list_ops help_list_ops = {
	.cols = help_cols, .ncols = 2,
	.count = help_count, .fetch = help_fetch, .row_free = help_row_free,
	.row_id = help_row_id, .row_cells = help_row_cells,
};

static int help_open(lk_view *v, const void *arg, lk_err *err)
{
	help_state *s = v->state;
	const lk_view *target = arg;
	lk_help_sink sink = {sink_heading, sink_entry, s};
	keys_help(target->ops->actions, target->ops->text_entry, &sink);
	s->title = uitext_printf(_("Keys for %s"), _(target->ops->label));
	if (s->failed || !s->title)
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	list_init(&s->list, &help_list_ops, s);
	return list_reload(&s->list, err);
}

static void help_done(lk_view *v)
{
	help_state *s = v->state;
	list_fini(&s->list);
	for (int i = 0; i < s->n; i++) {
		free(s->lines[i].keys);
		free(s->lines[i].text);
	}
	free(s->lines);
	free(s->title);
}

static char *help_title(lk_view *v)
{
	help_state *s = v->state;
	return strdup(s->title);
}

static lk_list *help_list(lk_view *v)
{
	return &((help_state *)v->state)->list;
}

static const lk_action help_actions[] = {
	LK_ACT_MOVE_UP, LK_ACT_MOVE_DOWN, LK_ACT_PAGE_UP, LK_ACT_PAGE_DOWN,
	LK_ACT_MOVE_FIRST, LK_ACT_MOVE_LAST, LK_ACT_BACK, 0,
};

static const lk_action help_hints[] = {LK_ACT_BACK, 0};

const lk_view_ops help_view = {
	.name = "help",
	.label = N_("Help"),
	.state_size = sizeof(help_state),
	.actions = help_actions,
	.hints = help_hints,
	.open = help_open,
	.done = help_done,
	.title = help_title,
	.list = help_list,
};
