#include "lmskurs/ui/edit.h"

#include <stdlib.h>
#include <string.h>

#include "lmskurs/ui/uitext.h"

static int reserve(void **p, size_t *cap, size_t need, size_t elem)
{
	if (need <= *cap)
		return 0;
	size_t n = *cap ? *cap : 16;
	while (n < need)
		n *= 2;
	void *q = realloc(*p, n * elem);
	if (!q)
		return -1;
	*p = q;
	*cap = n;
	return 0;
}

/* Rebuilds the character table from the text. */
static int rebuild(lk_edit *e)
{
	e->nchars = 0;
	int line = 0, col = 0;
	for (size_t i = 0; i < e->len;) {
		if (reserve((void **)&e->chars, &e->chars_cap, e->nchars + 1, sizeof *e->chars) < 0)
			return -1;
		int w;
		size_t n = uitext_cluster(e->text + i, e->len - i, &w);
		bool nl = e->text[i] == '\n';
		e->chars[e->nchars++] = (lk_edit_char){i, n, line, col, nl ? 0 : w};
		col = nl ? 0 : col + w;
		line += nl;
		i += n;
	}
	return 0;
}

static size_t cur_off(const lk_edit *e)
{
	return e->cur < e->nchars ? e->chars[e->cur].off : e->len;
}

/* After a change at byte offset off: rebuild, put the cursor on the
 * character starting at off (or the one containing it). */
static void settle(lk_edit *e, size_t off)
{
	rebuild(e);
	e->cur = e->nchars;
	for (size_t i = 0; i < e->nchars; i++)
		if (e->chars[i].off + e->chars[i].len > off) {
			e->cur = e->chars[i].off == off ? i : i + 1;
			break;
		}
	e->changed = true;
}

int edit_set(lk_edit *e, const char *text)
{
	text = text ? text : "";
	size_t n = strlen(text);
	if (reserve((void **)&e->text, &e->cap, n + 1, 1) < 0)
		return -1;
	memcpy(e->text, text, n + 1);
	e->len = n;
	for (size_t i = 0; !e->multiline && i < n; i++)
		if (e->text[i] == '\n' || e->text[i] == '\r' || e->text[i] == '\t')
			e->text[i] = ' ';
	e->hscroll = e->vscroll = 0;
	settle(e, n);
	return 0;
}

int edit_init(lk_edit *e, const char *text, bool multiline)
{
	memset(e, 0, sizeof *e);
	e->multiline = multiline;
	if (reserve((void **)&e->text, &e->cap, 1, 1) < 0)
		return -1;
	e->text[0] = 0;
	int rc = edit_set(e, text);
	e->changed = false;
	return rc;
}

void edit_free(lk_edit *e)
{
	free(e->text);
	free(e->chars);
	memset(e, 0, sizeof *e);
}

const char *edit_text(const lk_edit *e)
{
	return e->text ? e->text : "";
}

static int splice(lk_edit *e, size_t from, size_t to, const char *ins, size_t n)
{
	if (e->len - (to - from) + n > LK_EDIT_MAX_BYTES ||
	    reserve((void **)&e->text, &e->cap, e->len - (to - from) + n + 1, 1) < 0)
		return -1;
	memmove(e->text + from + n, e->text + to, e->len - to + 1);
	memcpy(e->text + from, ins, n);
	e->len = e->len - (to - from) + n;
	settle(e, from + n);
	return 0;
}

int edit_insert(lk_edit *e, uint32_t cp)
{
	bool nl = cp == '\n' && e->multiline;
	if (!nl && !keys_is_text((lk_key)cp))
		return -1;
	char buf[5];
	size_t n = uitext_encode(cp, buf);
	return n ? splice(e, cur_off(e), cur_off(e), buf, n) : -1;
}

int edit_insert_str(lk_edit *e, const char *s)
{
	size_t len = strlen(s);
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		i += uitext_decode(s + i, len - i, &cp);
		if (edit_insert(e, cp) < 0)
			return -1;
	}
	return 0;
}

bool edit_left(lk_edit *e)
{
	if (e->cur == 0)
		return false;
	e->cur--;
	return true;
}

bool edit_right(lk_edit *e)
{
	if (e->cur >= e->nchars)
		return false;
	e->cur++;
	return true;
}

int edit_cursor_line(const lk_edit *e)
{
	if (e->cur < e->nchars)
		return e->chars[e->cur].line;
	if (e->nchars == 0)
		return 0;
	const lk_edit_char *last = &e->chars[e->nchars - 1];
	return last->line + (e->text[last->off] == '\n');
}

int edit_cursor_col(const lk_edit *e)
{
	if (e->cur < e->nchars)
		return e->chars[e->cur].col;
	if (e->nchars == 0)
		return 0;
	const lk_edit_char *last = &e->chars[e->nchars - 1];
	return e->text[last->off] == '\n' ? 0 : last->col + last->width;
}

int edit_lines(const lk_edit *e)
{
	if (e->nchars == 0)
		return 1;
	const lk_edit_char *last = &e->chars[e->nchars - 1];
	return last->line + 1 + (e->text[last->off] == '\n');
}

/* Index of the first character of line (nchars when past the end). */
static size_t line_start(const lk_edit *e, int line)
{
	size_t i = 0;
	while (i < e->nchars && e->chars[i].line < line)
		i++;
	return i;
}

/* Index of the line's end: its newline, or nchars. */
static size_t line_end(const lk_edit *e, int line)
{
	size_t i = line_start(e, line);
	while (i < e->nchars && e->text[e->chars[i].off] != '\n')
		i++;
	return i;
}

bool edit_home(lk_edit *e)
{
	size_t to = line_start(e, edit_cursor_line(e));
	bool moved = to != e->cur;
	e->cur = to;
	return moved;
}

bool edit_end(lk_edit *e)
{
	size_t to = line_end(e, edit_cursor_line(e));
	bool moved = to != e->cur;
	e->cur = to;
	return moved;
}

/* Puts the cursor on line at the character nearest to col. */
static void goto_line_col(lk_edit *e, int line, int col)
{
	size_t i = line_start(e, line), end = line_end(e, line);
	while (i < end && e->chars[i].col + e->chars[i].width <= col)
		i++;
	e->cur = i;
}

bool edit_up(lk_edit *e)
{
	int line = edit_cursor_line(e);
	if (!e->multiline || line == 0)
		return false;
	goto_line_col(e, line - 1, edit_cursor_col(e));
	return true;
}

bool edit_down(lk_edit *e)
{
	int line = edit_cursor_line(e);
	if (!e->multiline || line + 1 >= edit_lines(e))
		return false;
	goto_line_col(e, line + 1, edit_cursor_col(e));
	return true;
}

/* Erases characters [from, to) of the table. */
static bool erase_chars(lk_edit *e, size_t from, size_t to)
{
	if (from >= to)
		return false;
	size_t a = e->chars[from].off;
	size_t b = to < e->nchars ? e->chars[to].off : e->len;
	splice(e, a, b, "", 0);
	return true;
}

bool edit_backspace(lk_edit *e)
{
	return e->cur > 0 && erase_chars(e, e->cur - 1, e->cur);
}

bool edit_delete(lk_edit *e)
{
	return erase_chars(e, e->cur, e->cur + 1);
}

bool edit_kill_before(lk_edit *e)
{
	return erase_chars(e, line_start(e, edit_cursor_line(e)), e->cur);
}

bool edit_kill_after(lk_edit *e)
{
	return erase_chars(e, e->cur, line_end(e, edit_cursor_line(e)));
}

bool edit_request(lk_edit *e, lk_action a)
{
	switch (a) {
	case LK_ACT_CHAR_LEFT: edit_left(e); return true;
	case LK_ACT_CHAR_RIGHT: edit_right(e); return true;
	case LK_ACT_LINE_START: edit_home(e); return true;
	case LK_ACT_LINE_END: edit_end(e); return true;
	case LK_ACT_DEL_BACK: edit_backspace(e); return true;
	case LK_ACT_DEL_FORWARD: edit_delete(e); return true;
	case LK_ACT_KILL_BEFORE: edit_kill_before(e); return true;
	case LK_ACT_KILL_AFTER: edit_kill_after(e); return true;
	default: return false;
	}
}

bool edit_input(lk_edit *e, lk_key key)
{
	if (!keys_is_text(key))
		return false;
	edit_insert(e, (uint32_t)key);
	return true;
}

void edit_scroll(lk_edit *e, int width, int height)
{
	int col = edit_cursor_col(e), line = edit_cursor_line(e);
	if (width < 1 || height < 1)
		return;
	if (col < e->hscroll)
		e->hscroll = col;
	/* Keep a column for the cursor after the last character. */
	if (col + 1 > e->hscroll + width)
		e->hscroll = col + 1 - width;
	if (line < e->vscroll)
		e->vscroll = line;
	if (line >= e->vscroll + height)
		e->vscroll = line - height + 1;
}

void edit_visible(const lk_edit *e, int width, int height,
	void (*put)(void *, int, int, const char *, size_t), void *arg)
{
	for (size_t i = 0; i < e->nchars; i++) {
		const lk_edit_char *c = &e->chars[i];
		int row = c->line - e->vscroll, col = c->col - e->hscroll;
		if (row < 0 || row >= height || col < 0 || col + c->width > width || c->width == 0)
			continue;
		put(arg, row, col, e->text + c->off, c->len);
	}
}
