/*
 * help.c — the help screen (ui/help.h). The keys of the view below come
 * from keys_help as entries (a heading, or keys and what they do); the
 * list shows them as rows wrapped to the width of the screen: a long
 * description goes on over the next rows, indented, by display width, so
 * nothing is cut. The rows are rebuilt when the width changes.
 */
#include "lmskurs/ui/help.h"

#include <stdlib.h>
#include <string.h>

#include "lmskurs/i18n.h"
#include "lmskurs/ui/uitext.h"

typedef struct help_entry {
	char *keys; /* NULL for a heading */
	char *text;
} help_entry;

/* One row on the screen: an entry's first line, or a line it goes on
 * with (keys ""). */
typedef struct help_row {
	const char *keys; /* the entry's (NULL for a heading) or "" */
	char *text;       /* owned */
	int64_t entry;    /* the row id: the selection stays on the entry */
} help_row;

typedef struct help_state {
	lk_list list;
	help_entry *entries;
	int n, cap;
	help_row *rows;
	int nrows, rcap;
	int wrap_w; /* the description width the rows were built for (0: none yet) */
	char *title;
	bool failed;
} help_state;

/* Lines that go on are indented this much, the description needs at
 * least this width, and list.c keeps two columns for its marker. */
enum { HELP_INDENT = 2, HELP_MIN_W = 12, HELP_MARK_W = 2 };

/* ---- entries from the key table ---- */

static void add_entry(help_state *s, const char *keys, const char *text)
{
	if (s->n == s->cap) {
		int cap = s->cap ? s->cap * 2 : 32;
		help_entry *e = realloc(s->entries, (size_t)cap * sizeof *e);
		if (!e) {
			s->failed = true;
			return;
		}
		s->entries = e;
		s->cap = cap;
	}
	help_entry *e = &s->entries[s->n++];
	e->keys = keys ? strdup(keys) : NULL;
	e->text = strdup(text);
	s->failed |= !e->text || (keys && !e->keys);
}

static void sink_heading(void *arg, const char *group)
{
	add_entry(arg, NULL, group);
}

static void sink_entry(void *arg, const char *keys, const char *help)
{
	add_entry(arg, keys, help);
}

/* ---- rows wrapped to a width ---- */

static void rows_clear(help_state *s)
{
	for (int i = 0; i < s->nrows; i++)
		free(s->rows[i].text);
	s->nrows = 0;
}

/* Appends a row of entry e: keys and bytes of text (indented when it goes
 * on from the row before). */
static void add_row(help_state *s, int e, const char *keys, const char *text, size_t bytes, int indent)
{
	if (s->nrows == s->rcap) {
		int cap = s->rcap ? s->rcap * 2 : 64;
		help_row *r = realloc(s->rows, (size_t)cap * sizeof *r);
		if (!r) {
			s->failed = true;
			return;
		}
		s->rows = r;
		s->rcap = cap;
	}
	char *t = uitext_printf("%*s%.*s", indent, "", (int)bytes, text);
	s->failed |= !t;
	if (t)
		s->rows[s->nrows++] = (help_row){keys, t, e};
}

struct wrap_acc {
	help_state *s;
	int entry;
	size_t first; /* bytes of the first line (the first call) */
	int lines;
};

static void take_first(void *arg, const char *start, size_t bytes)
{
	struct wrap_acc *a = arg;
	(void)start;
	if (a->lines++ == 0)
		a->first = bytes;
}

static void take_rest(void *arg, const char *start, size_t bytes)
{
	struct wrap_acc *a = arg;
	add_row(a->s, a->entry, "", start, bytes, HELP_INDENT);
}

/* Entry e as rows: its first line width w wide, the rest indented. */
static void wrap_entry(help_state *s, int e, int w)
{
	const help_entry *en = &s->entries[e];
	if (!en->keys) {
		add_row(s, e, NULL, en->text, strlen(en->text), 0);
		return;
	}
	struct wrap_acc a = {s, e, 0, 0};
	uitext_wrap(en->text, w, take_first, &a);
	add_row(s, e, en->keys, en->text, a.first, 0);
	const char *rest = en->text + a.first;
	rest += strspn(rest, " \n");
	if (*rest)
		uitext_wrap(rest, w - HELP_INDENT, take_rest, &a);
}

/* Columns the keys need: the widest keys, heading or the column title. */
static int keys_width(const help_state *s, const char *title)
{
	int w = uitext_width(title);
	for (int i = 0; i < s->n; i++) {
		int k = uitext_width(s->entries[i].keys ? s->entries[i].keys : s->entries[i].text);
		w = k > w ? k : w;
	}
	return w;
}

/* ---- the list source: the rows ---- */

static int64_t help_count(lk_list *l, lk_err *err)
{
	(void)err;
	return ((help_state *)l->arg)->nrows;
}

/* Rows are the state's, lent to the list (row_free does nothing). */
static int help_fetch(lk_list *l, lk_page page, lk_err *err)
{
	help_state *s = l->arg;
	for (int64_t i = page.offset; i < s->nrows && i < page.offset + page.limit; i++)
		if (list_add_row(l, &s->rows[i], err) < 0)
			return -1;
	return 0;
}

static void help_row_free(void *row) { (void)row; }

static int64_t help_row_id(const void *row) { return ((const help_row *)row)->entry; }

static lk_style help_row_cells(const void *row, const char **cells)
{
	const help_row *h = row;
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

/* Rebuilds the rows for a list width columns wide (when it changed) and
 * re-reads them, keeping the selected entry. */
static int help_layout(help_state *s, int width, lk_err *err)
{
	int w = width - HELP_MARK_W - keys_width(s, _(help_cols[0].title)) - 1;
	w = w < HELP_MIN_W ? HELP_MIN_W : w;
	if (w == s->wrap_w)
		return 0;
	rows_clear(s);
	for (int i = 0; i < s->n; i++)
		wrap_entry(s, i, w);
	s->wrap_w = w;
	/* The list holds the old rows: re-read even when a row failed. */
	int rc = list_reload(&s->list, err);
	return s->failed ? lk_fail(err, LK_ENOMEM, _("Out of memory.")) : rc;
}

/* ---- the view ---- */

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
	return help_layout(s, v->ui->body.w > 0 ? v->ui->body.w : 80, err);
}

static void help_done(lk_view *v)
{
	help_state *s = v->state;
	list_fini(&s->list);
	rows_clear(s);
	free(s->rows);
	for (int i = 0; i < s->n; i++) {
		free(s->entries[i].keys);
		free(s->entries[i].text);
	}
	free(s->entries);
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

static void help_draw(lk_view *v, lk_rect r)
{
	help_state *s = v->state;
	lk_err err;
	lk_err_clear(&err);
	if (help_layout(s, r.w, &err) < 0)
		ui_status_err(v->ui, &err);
	ui_draw_list(v->ui, &s->list, r);
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
	.draw = help_draw,
};
