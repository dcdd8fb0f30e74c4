/*
 * ui/screen.h — drawing primitives: rectangles, semantic styles, text cut
 * to display width, boxes, and where the terminal cursor goes.
 *
 * Everything is drawn on stdscr from the views' state on every frame, so
 * a resize only has to recompute the layout (view.c: ui_layout) and draw
 * again; there are no subwindows to rebuild. Colours are roles, each with
 * a monochrome attribute; meaning is never carried by colour alone (the
 * callers add a word or a "!" marker).
 */
#ifndef LMSKURS_UI_SCREEN_H
#define LMSKURS_UI_SCREEN_H

#include <stdbool.h>
#include <curses.h>

#include "lmskurs/config.h"

typedef struct lk_ui lk_ui;

typedef struct lk_rect {
	int y, x, h, w;
} lk_rect;

typedef enum lk_style {
	LK_STYLE_NORMAL,
	LK_STYLE_TITLE,    /* title bar, bottom line, headings */
	LK_STYLE_SELECTED, /* the row under the cursor */
	LK_STYLE_WARNING,
	LK_STYLE_ERROR,
	LK_STYLE_OK,
	LK_STYLE_DIM,      /* inactive, placeholders */
	LK_STYLE_COUNT
} lk_style;

/* Whether to use colours: config off, a non-empty NO_COLOR (no-color.org)
 * or a terminal without colours all mean monochrome. Pure, for tests. */
bool screen_colour_wanted(lk_colour_mode mode, const char *no_color, bool has_colours);

/* After newterm: sets up the colour pairs when colour is true. */
void screen_colours_init(bool colour);

/* The curses attribute of style s in colour or monochrome. */
attr_t screen_attr(bool colour, lk_style s);

/* Draws s at (y, x) cut to width columns with "…", control characters as
 * spaces, in style st; returns the columns drawn. Nothing for width <= 0. */
int screen_text(lk_ui *ui, int y, int x, int width, const char *s, lk_style st);

/* Like screen_text, then pads with spaces to width (a full row or cell). */
void screen_cell(lk_ui *ui, int y, int x, int width, const char *s, lk_style st);

/* Blank row segment in style st. */
void screen_fill(lk_ui *ui, int y, int x, int width, lk_style st);

/* A framed, cleared box with a title on its top edge. */
void screen_box(lk_ui *ui, lk_rect r, const char *title);

/* Draws text word-wrapped inside r from its top; returns the lines it
 * needed (which may exceed r.h: the rest is not drawn). */
int screen_wrap(lk_ui *ui, lk_rect r, const char *text, lk_style st);

/* Lines text needs when wrapped to width (no drawing). */
int screen_wrap_lines(const char *text, int width);

/* Where the terminal cursor is put after the frame is drawn, so screen
 * readers and braille displays follow the selection. The last call of a
 * frame wins. */
void screen_cursor(lk_ui *ui, int y, int x);

#endif
