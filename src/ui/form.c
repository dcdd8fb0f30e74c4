#include "lmskurs/ui/form.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/i18n.h"
#include "lmskurs/ui/dialog.h"
#include "lmskurs/ui/uitext.h"
#include "lmskurs/ui/view.h"

const lk_action form_actions[] = {
	LK_ACT_SAVE, LK_ACT_CANCEL, LK_ACT_FIELD_NEXT, LK_ACT_FIELD_PREV,
	LK_ACT_LINE_UP, LK_ACT_LINE_DOWN, LK_ACT_NEWLINE,
	LK_ACT_CHAR_LEFT, LK_ACT_CHAR_RIGHT, LK_ACT_LINE_START, LK_ACT_LINE_END,
	LK_ACT_DEL_BACK, LK_ACT_DEL_FORWARD, LK_ACT_KILL_BEFORE, LK_ACT_KILL_AFTER, 0,
};

const lk_action form_hints[] = {LK_ACT_SAVE, LK_ACT_CANCEL, LK_ACT_FIELD_NEXT, 0};

void form_init(lk_form *f)
{
	memset(f, 0, sizeof *f);
}

void form_free(lk_form *f)
{
	for (int i = 0; i < f->n; i++) {
		lk_field *fl = &f->fields[i];
		free(fl->label);
		edit_free(&fl->edit);
		free(fl->person_name);
		free(fl->error);
	}
	free(f->fields);
	free(f->message);
	memset(f, 0, sizeof *f);
}

static bool is_text(const lk_field *fl)
{
	return fl->kind != LK_FIELD_CHOICE && fl->kind != LK_FIELD_PERSON;
}

static lk_field *add_field(lk_form *f, lk_field_kind kind, const char *label, bool required)
{
	if (f->n == f->cap) {
		int cap = f->cap ? f->cap * 2 : 8;
		lk_field *n = realloc(f->fields, (size_t)cap * sizeof *n);
		if (!n)
			return NULL;
		f->fields = n;
		f->cap = cap;
	}
	lk_field *fl = &f->fields[f->n];
	memset(fl, 0, sizeof *fl);
	if (!(fl->label = strdup(label)))
		return NULL;
	fl->kind = kind;
	fl->required = required;
	fl->person_kind = -1;
	f->n++;
	return fl;
}

int form_add_text(lk_form *f, lk_field_kind kind, const char *label, bool required, const char *text)
{
	lk_field *fl = add_field(f, kind, label, required);
	if (!fl || edit_init(&fl->edit, text, kind == LK_FIELD_MULTILINE) < 0)
		return -1;
	return f->n - 1;
}

int form_add_choice(lk_form *f, const char *label, const char *const *choices, int n, int choice)
{
	lk_field *fl = add_field(f, LK_FIELD_CHOICE, label, true);
	if (!fl)
		return -1;
	fl->choices = choices;
	fl->nchoices = n;
	fl->choice = choice >= 0 && choice < n ? choice : 0;
	return f->n - 1;
}

int form_add_person(lk_form *f, const char *label, bool required, int person_kind,
	int64_t id, const char *name)
{
	lk_field *fl = add_field(f, LK_FIELD_PERSON, label, required);
	if (!fl)
		return -1;
	fl->person_kind = person_kind;
	fl->person_id = id;
	if (name && !(fl->person_name = strdup(name)))
		return -1;
	return f->n - 1;
}

const char *form_text(const lk_form *f, int i)
{
	return i >= 0 && i < f->n && is_text(&f->fields[i]) ? edit_text(&f->fields[i].edit) : "";
}

int form_choice(const lk_form *f, int i)
{
	return i >= 0 && i < f->n ? f->fields[i].choice : 0;
}

int64_t form_person(const lk_form *f, int i)
{
	return i >= 0 && i < f->n ? f->fields[i].person_id : 0;
}

static void field_error(lk_form *f, int i, const char *msg)
{
	free(f->fields[i].error);
	f->fields[i].error = msg ? strdup(msg) : NULL;
	if (msg)
		f->cur = i;
}

void form_clear_errors(lk_form *f)
{
	for (int i = 0; i < f->n; i++)
		field_error(f, i, NULL);
	free(f->message);
	f->message = NULL;
}

/* Whether field i has text to parse: 1 yes; 0 empty and optional (then
 * *empty is set); -1 empty but required (error on the field). */
static int typed(lk_form *f, int i, bool *empty, lk_err *err)
{
	const char *t = form_text(f, i);
	if (empty)
		*empty = false;
	if (strspn(t, " \t") != strlen(t))
		return 1;
	if (empty && !f->fields[i].required) {
		*empty = true;
		return 0;
	}
	lk_fail(err, LK_EINVAL, _("%s must not be empty"), f->fields[i].label);
	field_error(f, i, err->msg);
	return -1;
}

/* Puts a parser's message on field i, named by its label. */
static int parse_failed(lk_form *f, int i, lk_err *err)
{
	lk_err_prefix(err, "%s: ", f->fields[i].label);
	field_error(f, i, err->msg);
	return -1;
}

int form_date(lk_form *f, int i, lk_date *out, bool *empty, lk_err *err)
{
	int t = typed(f, i, empty, err);
	if (t <= 0)
		return t;
	return date_parse(form_text(f, i), out, err) == 0 ? 0 : parse_failed(f, i, err);
}

int form_time(lk_form *f, int i, int *hour, int *minute, bool *empty, lk_err *err)
{
	int t = typed(f, i, empty, err);
	if (t <= 0)
		return t;
	return time_parse(form_text(f, i), hour, minute, err) == 0 ? 0 : parse_failed(f, i, err);
}

/* Whole number: optional spaces, optional '-', digits; nothing else. */
static bool parse_long(const char *s, long *out)
{
	s += strspn(s, " ");
	bool neg = *s == '-';
	s += neg;
	if (*s < '0' || *s > '9')
		return false;
	long v = 0;
	for (; *s >= '0' && *s <= '9'; s++) {
		if (v > (LONG_MAX - 9) / 10)
			return false;
		v = v * 10 + (*s - '0');
	}
	s += strspn(s, " ");
	*out = neg ? -v : v;
	return *s == 0;
}

int form_number(lk_form *f, int i, long min, long max, long *out, bool *empty, lk_err *err)
{
	int t = typed(f, i, empty, err);
	if (t <= 0)
		return t;
	if (parse_long(form_text(f, i), out) && *out >= min && *out <= max)
		return 0;
	lk_fail(err, LK_EINVAL, _("%s: write a whole number from %ld to %ld"), f->fields[i].label, min, max);
	field_error(f, i, err->msg);
	return -1;
}

int form_set_error(lk_form *f, const lk_err *err)
{
	int best = -1;
	size_t best_len = 0;
	for (int i = 0; i < f->n; i++) {
		size_t n = strlen(f->fields[i].label);
		char after = err->msg[n < sizeof err->msg ? n : 0];
		if (n > best_len && strncmp(err->msg, f->fields[i].label, n) == 0 &&
		    (after == ' ' || after == ':'))
			best = i, best_len = n;
	}
	if (best >= 0) {
		field_error(f, best, err->msg);
		return best;
	}
	free(f->message);
	f->message = strdup(err->msg);
	return -1;
}

bool form_next(lk_form *f)
{
	if (f->cur + 1 >= f->n)
		return false;
	f->cur++;
	return true;
}

bool form_prev(lk_form *f)
{
	if (f->cur <= 0)
		return false;
	f->cur--;
	return true;
}

static void choice_step(lk_form *f, lk_field *fl, int step)
{
	if (fl->nchoices <= 0)
		return;
	fl->choice = (fl->choice + step + fl->nchoices) % fl->nchoices;
	f->changed = true;
}

static void person_pick(lk_form *f, lk_field *fl, lk_ui *ui)
{
	int64_t id;
	char *name = NULL;
	if (!dialog_pick_person(ui, fl->label, fl->person_kind, &id, &name))
		return;
	fl->person_id = id;
	free(fl->person_name);
	fl->person_name = name;
	f->changed = true;
}

static void person_clear(lk_form *f, lk_field *fl)
{
	fl->person_id = 0;
	free(fl->person_name);
	fl->person_name = NULL;
	f->changed = true;
}

static bool newline(lk_form *f, lk_field *fl, lk_ui *ui)
{
	if (fl->kind == LK_FIELD_MULTILINE) {
		edit_insert(&fl->edit, '\n');
		f->changed = true;
	} else if (fl->kind == LK_FIELD_PERSON && ui) {
		person_pick(f, fl, ui);
	} else {
		form_next(f);
	}
	return true;
}

/* Left/Right change a choice; Backspace/Delete clear a person. */
static bool nontext_request(lk_form *f, lk_field *fl, lk_action a)
{
	if (fl->kind == LK_FIELD_CHOICE && (a == LK_ACT_CHAR_LEFT || a == LK_ACT_CHAR_RIGHT))
		choice_step(f, fl, a == LK_ACT_CHAR_LEFT ? -1 : 1);
	else if (fl->kind == LK_FIELD_PERSON && (a == LK_ACT_DEL_BACK || a == LK_ACT_DEL_FORWARD))
		person_clear(f, fl);
	return keys_action(a) && keys_action(a)->group == LK_GROUP_EDIT;
}

bool form_request(lk_form *f, lk_ui *ui, lk_action a)
{
	if (f->n == 0)
		return false;
	lk_field *fl = &f->fields[f->cur];
	switch (a) {
	case LK_ACT_FIELD_NEXT: form_next(f); return true;
	case LK_ACT_FIELD_PREV: form_prev(f); return true;
	case LK_ACT_LINE_UP:
		if (!(fl->kind == LK_FIELD_MULTILINE && edit_up(&fl->edit)))
			form_prev(f);
		return true;
	case LK_ACT_LINE_DOWN:
		if (!(fl->kind == LK_FIELD_MULTILINE && edit_down(&fl->edit)))
			form_next(f);
		return true;
	case LK_ACT_NEWLINE: return newline(f, fl, ui);
	default: break;
	}
	if (!is_text(fl))
		return nontext_request(f, fl, a);
	fl->edit.changed = false;
	bool done = edit_request(&fl->edit, a);
	f->changed |= fl->edit.changed;
	return done;
}

/* A typed letter picks the next choice starting with it. */
static bool choice_letter(lk_form *f, lk_field *fl, lk_key key)
{
	if (key == ' ') {
		choice_step(f, fl, 1);
		return true;
	}
	for (int s = 1; s <= fl->nchoices; s++) {
		int c = (fl->choice + s) % fl->nchoices;
		uint32_t first;
		const char *t = fl->choices[c];
		if (*t && uitext_decode(t, strlen(t), &first) && (lk_key)first == key) {
			fl->choice = c;
			f->changed = true;
			return true;
		}
	}
	return false;
}

bool form_input(lk_form *f, lk_key key)
{
	if (f->n == 0 || !keys_is_text(key))
		return false;
	lk_field *fl = &f->fields[f->cur];
	if (fl->kind == LK_FIELD_CHOICE)
		return choice_letter(f, fl, key);
	if (!is_text(fl))
		return false;
	fl->edit.changed = false;
	edit_input(&fl->edit, key);
	f->changed |= fl->edit.changed;
	return true;
}

/* ---- drawing ---- */

static int field_rows(const lk_field *fl)
{
	return (fl->kind == LK_FIELD_MULTILINE ? LK_FORM_MULTILINE_ROWS : 1) + (fl->error != NULL);
}

static int label_width(const lk_form *f, int max)
{
	int w = 0;
	for (int i = 0; i < f->n; i++) {
		int lw = uitext_width(f->fields[i].label) + 2;
		w = lw > w ? lw : w;
	}
	return w > max ? max : w;
}

struct put_ctx {
	int y, x;
};

static void put_char(void *arg, int row, int col, const char *bytes, size_t len)
{
	struct put_ctx *p = arg;
	mvaddnstr(p->y + row, p->x + col, bytes, (int)len);
}

/* The editing area is underlined so an empty field still shows where it
 * is, in colour and without. */
static void draw_editor(lk_field *fl, lk_ui *ui, int y, int x, int w, int rows, bool cur)
{
	edit_scroll(&fl->edit, w, rows);
	attrset(A_UNDERLINE);
	for (int r = 0; r < rows; r++)
		mvhline(y + r, x, ' ', w);
	struct put_ctx p = {y, x};
	edit_visible(&fl->edit, w, rows, put_char, &p);
	attrset(A_NORMAL);
	if (cur)
		screen_cursor(ui, y + edit_cursor_line(&fl->edit) - fl->edit.vscroll,
			x + edit_cursor_col(&fl->edit) - fl->edit.hscroll);
}

/* After a date: its weekday and week, so a wrong day shows at once. */
static void draw_date_hint(lk_field *fl, lk_ui *ui, int y, int x, int w)
{
	lk_date d;
	lk_err err;
	if (!*edit_text(&fl->edit) || date_parse(edit_text(&fl->edit), &d, &err) < 0)
		return;
	char buf[48];
	uitext_date(d, buf);
	screen_text(ui, y, x, w, buf, LK_STYLE_DIM);
}

static void draw_choice(lk_field *fl, lk_ui *ui, int y, int x, int w, bool cur)
{
	const char *c = fl->nchoices > 0 ? fl->choices[fl->choice] : "";
	char *s = uitext_printf("< %s >", c);
	screen_text(ui, y, x, w, s ? s : c, cur ? LK_STYLE_SELECTED : LK_STYLE_NORMAL);
	free(s);
	if (cur)
		screen_cursor(ui, y, x + 2);
}

static void draw_person(lk_field *fl, lk_ui *ui, int y, int x, int w, bool cur)
{
	char *s = uitext_printf("%s  %s", fl->person_name ? fl->person_name : _("(nobody)"),
		cur ? _("Enter: choose, Delete: clear") : "");
	screen_text(ui, y, x, w, s ? s : "", cur ? LK_STYLE_SELECTED : LK_STYLE_NORMAL);
	free(s);
	if (cur)
		screen_cursor(ui, y, x);
}

static void draw_value(lk_field *fl, lk_ui *ui, int y, int x, int w, bool cur)
{
	int rows = fl->kind == LK_FIELD_MULTILINE ? LK_FORM_MULTILINE_ROWS : 1;
	if (fl->kind == LK_FIELD_CHOICE)
		draw_choice(fl, ui, y, x, w, cur);
	else if (fl->kind == LK_FIELD_PERSON)
		draw_person(fl, ui, y, x, w, cur);
	else if (fl->kind == LK_FIELD_DATE && w > 36) {
		draw_editor(fl, ui, y, x, 12, 1, cur);
		draw_date_hint(fl, ui, y, x + 14, w - 14);
	} else {
		int ew = fl->kind == LK_FIELD_TIME ? 6 : fl->kind == LK_FIELD_NUMBER ? 10 : w;
		draw_editor(fl, ui, y, x, ew < w ? ew : w, rows, cur);
	}
}

/* Draws field i with its top on screen row y; rows outside r are clipped
 * by only drawing fields that fit whole. */
static void draw_field(lk_form *f, int i, lk_ui *ui, int y, lk_rect r, int lw)
{
	lk_field *fl = &f->fields[i];
	bool cur = i == f->cur;
	char *label = uitext_printf("%s%s", fl->label, fl->required ? "*" : "");
	screen_text(ui, y, r.x, lw - 1, label ? label : fl->label, cur ? LK_STYLE_SELECTED : LK_STYLE_NORMAL);
	free(label);
	draw_value(fl, ui, y, r.x + lw, r.w - lw, cur);
	if (fl->error) {
		char *e = uitext_printf("! %s", fl->error);
		screen_text(ui, y + field_rows(fl) - 1, r.x + lw, r.w - lw, e ? e : "", LK_STYLE_ERROR);
		free(e);
	}
}

/* Scrolls so the current field shows whole. */
static void form_scroll(lk_form *f, int h)
{
	int y = 0;
	for (int i = 0; i < f->cur; i++)
		y += field_rows(&f->fields[i]);
	int rows = field_rows(&f->fields[f->cur]);
	if (y < f->top)
		f->top = y;
	if (y + rows > f->top + h)
		f->top = y + rows - h;
}

void form_draw(lk_form *f, lk_ui *ui, lk_rect r)
{
	if (f->message) {
		char *m = uitext_printf("! %s", f->message);
		int n = screen_wrap(ui, (lk_rect){r.y, r.x, 2, r.w}, m ? m : "", LK_STYLE_ERROR);
		free(m);
		n = n > 2 ? 2 : n;
		r.y += n + 1;
		r.h -= n + 1;
	}
	if (f->n == 0 || r.h < 1)
		return;
	form_scroll(f, r.h);
	int lw = label_width(f, r.w / 3), y = 0;
	for (int i = 0; i < f->n; i++) {
		int rows = field_rows(&f->fields[i]);
		if (y >= f->top && y + rows <= f->top + r.h)
			draw_field(f, i, ui, r.y + y - f->top, r, lw);
		y += rows;
	}
}
