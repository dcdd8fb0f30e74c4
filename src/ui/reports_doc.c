/* reports_doc.c — the document a report view shows (ui/reports.h): built
 * from lines, laid out to a width without curses, painted by the views. */
#include "reports_internal.h"

#include <stdlib.h>
#include <string.h>

#include "lmskurs/i18n.h"
#include "lmskurs/reportpdf.h"
#include "lmskurs/role.h"
#include "lmskurs/ui/uitext.h"

/* ---- building ---- */

static void line_free(lk_rdoc_line *l)
{
	for (int i = 0; i < LK_RDOC_COLS; i++)
		free(l->cells[i]);
}

void rdoc_clear(lk_rdoc *d)
{
	for (int i = 0; i < d->n; i++)
		line_free(&d->lines[i]);
	free(d->lines);
	memset(d, 0, sizeof *d);
}

int rdoc_table(lk_rdoc *d, const lk_rdoc_table *t)
{
	if (d->ntables >= LK_RDOC_TABLES)
		return -1;
	d->tables[d->ntables] = *t;
	return d->ntables++;
}

/* A new line at the end (zeroed), or NULL when out of memory. */
static lk_rdoc_line *push(lk_rdoc *d, lk_rdoc_kind kind, lk_style st)
{
	if (d->n == d->cap) {
		int cap = d->cap ? d->cap * 2 : 64;
		lk_rdoc_line *l = realloc(d->lines, (size_t)cap * sizeof *l);
		if (!l) {
			d->oom = true;
			return NULL;
		}
		d->lines = l;
		d->cap = cap;
	}
	lk_rdoc_line *l = &d->lines[d->n++];
	memset(l, 0, sizeof *l);
	l->kind = kind;
	l->style = st;
	return l;
}

static void set_cell(lk_rdoc *d, lk_rdoc_line *l, int i, const char *text)
{
	l->cells[i] = strdup(text ? text : "");
	d->oom |= !l->cells[i];
}

static void add_text(lk_rdoc *d, lk_rdoc_kind kind, lk_style st, const char *text)
{
	lk_rdoc_line *l = push(d, kind, st);
	if (l)
		set_cell(d, l, 0, text);
}

void rdoc_heading(lk_rdoc *d, const char *text) { add_text(d, LK_RD_HEADING, LK_STYLE_TITLE, text); }
void rdoc_text(lk_rdoc *d, lk_style st, const char *text) { add_text(d, LK_RD_TEXT, st, text); }
void rdoc_blank(lk_rdoc *d) { push(d, LK_RD_BLANK, LK_STYLE_NORMAL); }

void rdoc_header(lk_rdoc *d, int table)
{
	lk_rdoc_line *l = push(d, LK_RD_HEADER, LK_STYLE_DIM);
	if (l)
		l->table = table;
}

int rdoc_row(lk_rdoc *d, int table, lk_style st, const char *const *cells, int64_t value,
	int64_t max)
{
	if (table < 0 || table >= d->ntables)
		return -1;
	lk_rdoc_line *l = push(d, LK_RD_ROW, st);
	if (!l)
		return -1;
	l->table = table;
	l->bar_value = value;
	l->bar_max = max;
	for (int i = 0; i < d->tables[table].ncols; i++)
		set_cell(d, l, i, cells[i]);
	return d->oom ? -1 : d->n - 1;
}

/* ---- laying out ---- */

/* A growing line of text. */
typedef struct linebuf {
	char *s;
	size_t len, cap;
	int cols;
} linebuf;

static void lb_add(linebuf *b, const char *t)
{
	size_t n = strlen(t);
	if (b->len + n + 1 > b->cap) {
		size_t cap = (b->len + n + 1) * 2;
		char *s = realloc(b->s, cap);
		if (!s)
			return;
		b->s = s;
		b->cap = cap;
	}
	memcpy(b->s + b->len, t, n + 1);
	b->len += n;
	b->cols += uitext_width(t);
}

static void lb_spaces(linebuf *b, int n)
{
	while (n-- > 0)
		lb_add(b, " ");
}

/* text cut to w columns, padded on the left (right) or right. */
static void lb_cell(linebuf *b, const char *text, int w, bool right)
{
	char *cut = uitext_cut(text ? text : "", w);
	int tw = cut ? uitext_width(cut) : 0;
	if (right)
		lb_spaces(b, w - tw);
	lb_add(b, cut ? cut : "");
	if (!right)
		lb_spaces(b, w - tw);
	free(cut);
}

/* Drops trailing spaces, so no line ends in them. */
static void lb_trim(linebuf *b)
{
	while (b->len && b->s[b->len - 1] == ' ')
		b->s[--b->len] = 0;
}

/* Column widths: each column its minimum; then, while there is room, as
 * wide as its title, left to right; the rest by weight. */
static void table_cols(const lk_rdoc_table *t, int width, int *xs, int *ws)
{
	lk_column cols[LK_RDOC_COLS];
	int spare = width - (t->ncols - 1);
	for (int i = 0; i < t->ncols; i++) {
		cols[i] = (lk_column){"", t->min[i], t->weight[i]};
		spare -= t->min[i];
	}
	for (int i = 0; i < t->ncols && spare > 0; i++) {
		int want = uitext_width(t->titles[i]) - cols[i].min;
		int take = want < spare ? want : spare;
		if (take > 0) {
			cols[i].min += take;
			spare -= take;
		}
	}
	uitext_columns(cols, t->ncols, width, xs, ws);
}

static void lay_row(const lk_rdoc *d, const lk_rdoc_line *l, int width, linebuf *b)
{
	const lk_rdoc_table *t = &d->tables[l->table];
	int xs[LK_RDOC_COLS], ws[LK_RDOC_COLS];
	table_cols(t, width, xs, ws);
	for (int i = 0; i < t->ncols; i++) {
		lb_spaces(b, xs[i] - b->cols);
		if (l->kind == LK_RD_HEADER) {
			lb_cell(b, t->titles[i], ws[i], t->right[i]);
		} else if (i == t->bar_col) {
			char bar[LK_RDOC_COLS * 64];
			int bw = ws[i] < 60 ? ws[i] : 60;
			report_bar_text(l->bar_value, l->bar_max, bw, bar, sizeof bar);
			lb_cell(b, bar, ws[i], false);
		} else {
			lb_cell(b, l->cells[i], ws[i], t->right[i]);
		}
	}
	lb_trim(b);
}

struct wrap_out {
	void (*out)(void *arg, const char *text, lk_style st);
	void *arg;
	lk_style st;
	int n;
};

static void wrap_line(void *arg, const char *start, size_t bytes)
{
	struct wrap_out *w = arg;
	char *s = malloc(bytes + 1);
	if (!s)
		return;
	memcpy(s, start, bytes);
	s[bytes] = 0;
	w->out(w->arg, s, w->st);
	w->n++;
	free(s);
}

/* One document line as screen lines; returns how many. */
static int lay_line(const lk_rdoc *d, const lk_rdoc_line *l, int width,
	void (*out)(void *, const char *, lk_style), void *arg)
{
	if (l->kind == LK_RD_TEXT) {
		struct wrap_out w = {out, arg, l->style, 0};
		uitext_wrap(l->cells[0] ? l->cells[0] : "", width, wrap_line, &w);
		return w.n;
	}
	linebuf b = {0};
	lb_add(&b, "");
	if (l->kind == LK_RD_HEADING) {
		lb_cell(&b, l->cells[0], width, false);
		lb_trim(&b);
	} else if (l->kind == LK_RD_HEADER || l->kind == LK_RD_ROW) {
		lay_row(d, l, width, &b);
	}
	out(arg, b.s ? b.s : "", l->style);
	free(b.s);
	return 1;
}

int rdoc_layout(const lk_rdoc *d, int width, void (*out)(void *, const char *, lk_style), void *arg)
{
	int n = 0;
	for (int i = 0; i < d->n; i++)
		n += lay_line(d, &d->lines[i], width < 1 ? 1 : width, out, arg);
	return n;
}

/* ---- the document view ---- */

typedef struct shown {
	char **text;
	lk_style *style;
	int n, cap;
} shown;

static void collect(void *arg, const char *text, lk_style st)
{
	shown *s = arg;
	if (s->n == s->cap) {
		int cap = s->cap ? s->cap * 2 : 128;
		char **t = realloc(s->text, (size_t)cap * sizeof *t);
		lk_style *y = t ? realloc(s->style, (size_t)cap * sizeof *y) : NULL;
		if (t)
			s->text = t;
		if (!y)
			return;
		s->style = y;
		s->cap = cap;
	}
	s->text[s->n] = strdup(text);
	s->style[s->n] = st;
	s->n += s->text[s->n] != NULL;
}

static void shown_free(shown *s)
{
	for (int i = 0; i < s->n; i++)
		free(s->text[i]);
	free(s->text);
	free(s->style);
}

void rdoc_view_free(rdoc_view *s)
{
	rdoc_clear(&s->doc);
}

static void clamp(rdoc_view *s)
{
	int last = s->total - s->page;
	s->top = s->top > last ? last : s->top;
	s->top = s->top < 0 ? 0 : s->top;
}

/* "27–54/77" on the body's blank first line, when not all of it shows. */
static void draw_position(rdoc_view *s, lk_ui *ui, lk_rect r)
{
	if (s->total <= s->page)
		return;
	int last = s->top + s->page < s->total ? s->top + s->page : s->total;
	char *pos = uitext_printf("%d–%d/%d", s->top + 1, last, s->total);
	int w = pos ? uitext_width(pos) : 0;
	screen_text(ui, r.y, r.x + r.w - w - 1, w, pos ? pos : "", LK_STYLE_DIM);
	free(pos);
}

void rdoc_view_draw(rdoc_view *s, lk_ui *ui, lk_rect r)
{
	lk_rect in = {r.y + 1, r.x + 1, r.h - 1, r.w - 2};
	shown lines = {0};
	if (in.h < 1 || in.w < 1)
		return;
	rdoc_layout(&s->doc, in.w, collect, &lines);
	s->total = lines.n;
	s->page = in.h;
	clamp(s);
	for (int i = 0; i < in.h && s->top + i < lines.n; i++)
		screen_text(ui, in.y + i, in.x, in.w, lines.text[s->top + i], lines.style[s->top + i]);
	draw_position(s, ui, r);
	screen_cursor(ui, in.y, in.x);
	shown_free(&lines);
}

bool rdoc_view_move(rdoc_view *s, lk_action a)
{
	int page = s->page > 1 ? s->page - 1 : 1;
	switch (a) {
	case LK_ACT_MOVE_UP: s->top--; break;
	case LK_ACT_MOVE_DOWN: s->top++; break;
	case LK_ACT_PAGE_UP: s->top -= page; break;
	case LK_ACT_PAGE_DOWN: s->top += page; break;
	case LK_ACT_MOVE_FIRST: s->top = 0; break;
	case LK_ACT_MOVE_LAST: s->top = s->total; break;
	default: return false;
	}
	clamp(s);
	return true;
}

/* ---- what every report view shares ---- */

static int add_def(void *arg, const char *text)
{
	rdoc_text(arg, LK_STYLE_NORMAL, text);
	return 0;
}

int rdoc_footer(lk_ctx *ctx, lk_report_kind k, lk_rdoc *d)
{
	char when[17];
	datetime_show(ctx_now(ctx), when);
	rdoc_blank(d);
	rdoc_heading(d, _("Definitions"));
	if (report_definitions(ctx, k, add_def, d) < 0)
		return -1;
	char *made = uitext_printf(_("Made %s by %s."), when, ctx->login);
	rdoc_blank(d);
	rdoc_text(d, LK_STYLE_DIM, made ? made : "");
	free(made);
	return d->oom || !made ? -1 : 0;
}

void reports_working(lk_ui *ui)
{
	ui_draw(ui);
	if (!ui->too_small) {
		const char *t = _("Making the report …");
		int w = uitext_width(t) + 4;
		w = w > ui->cols - 2 ? ui->cols - 2 : w;
		lk_rect box = {ui->rows / 2 - 2, (ui->cols - w) / 2, 3, w};
		screen_box(ui, box, _("Reports"));
		screen_text(ui, box.y + 1, box.x + 2, box.w - 4, t, LK_STYLE_NORMAL);
		screen_cursor(ui, box.y + 1, box.x + 2);
	}
	ui_refresh(ui);
}

bool reports_allowed(lk_ui *ui)
{
	lk_err err;
	if (role_require(ui->ctx, LK_PERM_REPORTS, &err) == 0)
		return true;
	ui_status_err(ui, &err);
	return false;
}

void reports_export(lk_ui *ui, const lk_report_export *x)
{
	if (reports_allowed(ui))
		ui_push(ui, &report_export_view, x, NULL);
}
