#include "lmskurs/ui/screen.h"

#include <stdlib.h>
#include <string.h>

#include "lmskurs/ui/uitext.h"
#include "lmskurs/ui/view.h"

/* Each role: a colour pair (pair number = role + 1) with extra attributes,
 * and what it looks like without colour. */
static const struct {
	short fg, bg;
	attr_t colour_attr, mono_attr;
} styles[LK_STYLE_COUNT] = {
	[LK_STYLE_NORMAL] = {-1, -1, A_NORMAL, A_NORMAL},
	[LK_STYLE_TITLE] = {COLOR_WHITE, COLOR_BLUE, A_BOLD, A_REVERSE},
	[LK_STYLE_SELECTED] = {COLOR_BLACK, COLOR_CYAN, A_NORMAL, A_REVERSE | A_BOLD},
	[LK_STYLE_WARNING] = {COLOR_YELLOW, -1, A_BOLD, A_BOLD},
	[LK_STYLE_ERROR] = {COLOR_RED, -1, A_BOLD, A_BOLD | A_UNDERLINE},
	[LK_STYLE_OK] = {COLOR_GREEN, -1, A_NORMAL, A_NORMAL},
	[LK_STYLE_DIM] = {-1, -1, A_DIM, A_DIM},
};

bool screen_colour_wanted(lk_colour_mode mode, const char *no_color, bool has_colours)
{
	if (mode == LK_COLOUR_OFF || !has_colours)
		return false;
	if (mode == LK_COLOUR_ON)
		return true;
	return !(no_color && *no_color);
}

void screen_colours_init(bool colour)
{
	if (!colour)
		return;
	start_color();
	use_default_colors();
	for (int s = 0; s < LK_STYLE_COUNT; s++)
		init_pair((short)(s + 1), styles[s].fg, styles[s].bg);
}

attr_t screen_attr(bool colour, lk_style s)
{
	if (s < 0 || s >= LK_STYLE_COUNT)
		s = LK_STYLE_NORMAL;
	return colour ? (attr_t)COLOR_PAIR(s + 1) | styles[s].colour_attr : styles[s].mono_attr;
}

int screen_text(lk_ui *ui, int y, int x, int width, const char *s, lk_style st)
{
	if (width <= 0)
		return 0;
	char *cut = uitext_cut(s, width);
	if (!cut)
		return 0;
	attrset(screen_attr(ui->colour, st));
	mvaddstr(y, x, cut);
	attrset(A_NORMAL);
	int w = uitext_width(cut);
	free(cut);
	return w;
}

void screen_fill(lk_ui *ui, int y, int x, int width, lk_style st)
{
	if (width <= 0)
		return;
	attrset(screen_attr(ui->colour, st));
	mvhline(y, x, ' ', width);
	attrset(A_NORMAL);
}

void screen_cell(lk_ui *ui, int y, int x, int width, const char *s, lk_style st)
{
	screen_fill(ui, y, x, width, st);
	screen_text(ui, y, x, width, s, st);
}

void screen_box(lk_ui *ui, lk_rect r, const char *title)
{
	if (r.h < 2 || r.w < 2)
		return;
	for (int i = 0; i < r.h; i++)
		screen_fill(ui, r.y + i, r.x, r.w, LK_STYLE_NORMAL);
	/* Unicode box drawing: text is UTF-8 everywhere, and the alternate
	 * character set shows as letters on some terminals and in tmux dumps. */
	for (int x = 1; x < r.w - 1; x++) {
		mvaddstr(r.y, r.x + x, "─");
		mvaddstr(r.y + r.h - 1, r.x + x, "─");
	}
	for (int y = 1; y < r.h - 1; y++) {
		mvaddstr(r.y + y, r.x, "│");
		mvaddstr(r.y + y, r.x + r.w - 1, "│");
	}
	mvaddstr(r.y, r.x, "┌");
	mvaddstr(r.y, r.x + r.w - 1, "┐");
	mvaddstr(r.y + r.h - 1, r.x, "└");
	mvaddstr(r.y + r.h - 1, r.x + r.w - 1, "┘");
	if (title && *title) {
		char *t = uitext_printf(" %s ", title);
		screen_text(ui, r.y, r.x + 2, r.w - 4, t ? t : "", LK_STYLE_TITLE);
		free(t);
	}
}

struct wrap_draw {
	lk_ui *ui;
	lk_rect r;
	lk_style st;
	int line;
};

static void wrap_line(void *arg, const char *start, size_t bytes)
{
	struct wrap_draw *w = arg;
	if (w->line < w->r.h) {
		char *copy = strndup(start, bytes);
		screen_text(w->ui, w->r.y + w->line, w->r.x, w->r.w, copy ? copy : "", w->st);
		free(copy);
	}
	w->line++;
}

int screen_wrap(lk_ui *ui, lk_rect r, const char *text, lk_style st)
{
	struct wrap_draw w = {ui, r, st, 0};
	return uitext_wrap(text, r.w, wrap_line, &w);
}

static void count_line(void *arg, const char *start, size_t bytes)
{
	(void)start, (void)bytes;
	++*(int *)arg;
}

int screen_wrap_lines(const char *text, int width)
{
	int n = 0;
	uitext_wrap(text, width, count_line, &n);
	return n;
}

void screen_cursor(lk_ui *ui, int y, int x)
{
	ui->cur_y = y;
	ui->cur_x = x;
}
