/*
 * ui/edit.h — the line editor behind every text field and the filter line
 * (calcurse's getstring.c, done by character, not by byte).
 *
 * The text is UTF-8. After every change the editor rebuilds its table of
 * characters (clusters, see uitext.h): byte offset, line, display column
 * and width of each. The cursor is an index into that table, so it moves
 * by character over æøå, Polish, Vietnamese combining marks (they stick to
 * their base), Arabic and CJK (two columns). Multi-line editors keep
 * newlines; single-line ones refuse them. No curses: unit-tested.
 */
#ifndef LMSKURS_UI_EDIT_H
#define LMSKURS_UI_EDIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lmskurs/ui/keys.h"

typedef struct lk_edit_char {
	size_t off;  /* byte offset in text */
	size_t len;  /* bytes */
	int line;    /* 0-based line (multi-line editors) */
	int col;     /* display column within its line */
	int width;   /* display columns (0 for a newline) */
} lk_edit_char;

typedef struct lk_edit {
	char *text;          /* owned, NUL-terminated */
	size_t len, cap;
	lk_edit_char *chars; /* one per character, rebuilt after each change */
	size_t nchars, chars_cap;
	size_t cur;          /* cursor: index into chars (nchars = at the end) */
	bool multiline;
	int hscroll;         /* first column shown (single-line), see edit_scroll */
	int vscroll;         /* first line shown (multi-line) */
	bool changed;        /* set by every change; the owner clears it */
} lk_edit;

/* Most bytes an editor holds; inserting beyond is refused (a typing slip
 * or a paste gone wrong, never a real field). */
enum { LK_EDIT_MAX_BYTES = 200000 };

/* Starts e with a copy of text (NULL: empty), cursor at the end. A
 * single-line editor turns newlines into spaces. Returns -1 when out of
 * memory (e is then empty but usable). */
int edit_init(lk_edit *e, const char *text, bool multiline);
/* Releases the text and the table (not e); e may then be edit_init-ed. */
void edit_free(lk_edit *e);

/* Replaces the text (as edit_init, keeping multiline). */
int edit_set(lk_edit *e, const char *text);

/* The text, owned by e, valid until the next change. */
const char *edit_text(const lk_edit *e);

/* Inserts code point cp at the cursor. Refused (-1): control characters
 * other than a newline in a multi-line editor, and growth beyond
 * LK_EDIT_MAX_BYTES. A zero-width mark joins the character before it, so
 * the cursor stays after that character. */
int edit_insert(lk_edit *e, uint32_t cp);

/* Inserts each code point of UTF-8 s (stops at the first refused one). */
int edit_insert_str(lk_edit *e, const char *s);

/* Cursor moves; false when the cursor could not move. */
bool edit_left(lk_edit *e);
bool edit_right(lk_edit *e);
bool edit_home(lk_edit *e); /* start of the current line */
bool edit_end(lk_edit *e);  /* end of the current line */
bool edit_up(lk_edit *e);   /* multi-line: same column, line above */
bool edit_down(lk_edit *e);

/* Erasing, by character; false when there was nothing to erase. */
bool edit_backspace(lk_edit *e);
bool edit_delete(lk_edit *e);
bool edit_kill_before(lk_edit *e); /* to the start of the line (Ctrl-U) */
bool edit_kill_after(lk_edit *e);  /* to the end of the line (Ctrl-K) */

/* The Editing-text actions of keys.h; true when a was one of them. */
bool edit_request(lk_edit *e, lk_action a);

/* Typed text: inserts key if keys_is_text(key); true when handled. */
bool edit_input(lk_edit *e, lk_key key);

/* Cursor position: line and display column. */
int edit_cursor_line(const lk_edit *e);
int edit_cursor_col(const lk_edit *e);
int edit_lines(const lk_edit *e);

/* Adjusts hscroll/vscroll so the cursor is visible in a box of width
 * columns and height lines (height 1 for single-line editors). */
void edit_scroll(lk_edit *e, int width, int height);

/* Calls put(arg, row, col, bytes, len) for every character visible in the
 * box after edit_scroll: row and col relative to the box. Characters cut
 * by the left or right edge are left out. */
void edit_visible(const lk_edit *e, int width, int height,
	void (*put)(void *arg, int row, int col, const char *bytes, size_t len), void *arg);

#endif
