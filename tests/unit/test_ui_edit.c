/* The line editor: the cursor moves by character, never into the middle
 * of a UTF-8 sequence or between a letter and its combining marks; widths
 * are display columns. */
#include <criterion/criterion.h>
#include <locale.h>
#include <string.h>

#include "lmskurs/ui/edit.h"
#include "lmskurs/ui/keys.h"

static void utf8_locale(void)
{
	cr_assert_not_null(setlocale(LC_ALL, "C.UTF-8"));
}

TestSuite(ui_edit, .init = utf8_locale);

Test(ui_edit, norwegian_letters_are_one_character_each)
{
	lk_edit e;
	cr_assert_eq(edit_init(&e, "Åse Ødegård", false), 0);
	cr_assert_eq(e.nchars, 11);
	cr_assert_eq(edit_cursor_col(&e), 11);
	edit_home(&e);
	edit_right(&e);
	cr_assert_eq(e.chars[e.cur].off, 2, "after Å (2 bytes)");
	cr_assert_eq(edit_cursor_col(&e), 1);
	edit_insert(&e, 0xe6); /* æ */
	cr_assert_str_eq(edit_text(&e), "Åæse Ødegård");
	cr_assert_eq(edit_cursor_col(&e), 2);
	cr_assert(edit_backspace(&e));
	cr_assert(edit_backspace(&e));
	cr_assert_str_eq(edit_text(&e), "se Ødegård");
	cr_assert_not(edit_backspace(&e), "nothing before the start");
	cr_assert(e.changed);
	edit_free(&e);
}

Test(ui_edit, combining_marks_stick_to_their_letter)
{
	lk_edit e;
	/* "Nguyễn" typed as e + circumflex (U+0302) + tilde (U+0303). */
	edit_init(&e, "Nguye\xcc\x82\xcc\x83n", false);
	cr_assert_eq(e.nchars, 6);
	cr_assert_eq(edit_cursor_col(&e), 6);
	edit_left(&e);
	edit_left(&e);
	cr_assert_eq(e.chars[e.cur].off, 4, "the cursor is before the e, not inside its marks");
	cr_assert_eq(e.chars[e.cur].len, 5);
	cr_assert(edit_delete(&e));
	cr_assert_str_eq(edit_text(&e), "Nguyn", "the letter goes with its marks");
	/* A mark typed after a letter joins it; the cursor stays after both. */
	edit_insert(&e, 'o');
	edit_insert(&e, 0x0301);
	cr_assert_str_eq(edit_text(&e), "Nguyo\xcc\x81n");
	cr_assert_eq(edit_cursor_col(&e), 5);
	cr_assert_eq(e.chars[e.cur].off, 7);
	edit_free(&e);
}

Test(ui_edit, wide_characters_take_two_columns)
{
	lk_edit e;
	edit_init(&e, "张伟 Wei", false);
	cr_assert_eq(e.nchars, 6);
	cr_assert_eq(edit_cursor_col(&e), 8);
	edit_home(&e);
	edit_right(&e);
	cr_assert_eq(edit_cursor_col(&e), 2);
	cr_assert_eq(e.chars[e.cur].off, 3);
	edit_free(&e);
}

Test(ui_edit, arabic_and_polish_move_by_character)
{
	lk_edit e;
	edit_init(&e, "محمد", false);
	cr_assert_eq(e.nchars, 4);
	edit_left(&e);
	cr_assert_eq(e.chars[e.cur].off, 6);
	edit_free(&e);
	edit_init(&e, "Łukasz Żółć", false);
	cr_assert_eq(e.nchars, 11);
	cr_assert_eq(edit_cursor_col(&e), 11);
	edit_kill_before(&e);
	cr_assert_str_eq(edit_text(&e), "");
	edit_free(&e);
}

Test(ui_edit, home_end_and_kills)
{
	lk_edit e;
	edit_init(&e, "Kari Nordmann", false);
	cr_assert(edit_home(&e));
	cr_assert_not(edit_home(&e), "already there");
	for (int i = 0; i < 4; i++)
		edit_right(&e);
	cr_assert(edit_kill_after(&e));
	cr_assert_str_eq(edit_text(&e), "Kari");
	cr_assert_eq(edit_cursor_col(&e), 4);
	cr_assert_not(edit_right(&e));
	edit_insert_str(&e, " Ås");
	edit_left(&e);
	cr_assert(edit_kill_before(&e));
	cr_assert_str_eq(edit_text(&e), "s");
	cr_assert_eq(e.cur, 0);
	cr_assert(edit_end(&e));
	cr_assert_eq(e.cur, 1);
	edit_free(&e);
}

Test(ui_edit, actions_and_typed_keys)
{
	lk_edit e;
	edit_init(&e, NULL, false);
	cr_assert(edit_input(&e, 0xf8)); /* ø */
	cr_assert(edit_input(&e, 'y'));
	cr_assert_not(edit_input(&e, LK_FN(1)), "a function key is no text");
	cr_assert(edit_request(&e, LK_ACT_LINE_START));
	cr_assert(edit_request(&e, LK_ACT_DEL_FORWARD));
	cr_assert_str_eq(edit_text(&e), "y");
	cr_assert_not(edit_request(&e, LK_ACT_SAVE), "not an editing action");
	edit_free(&e);
}

Test(ui_edit, control_characters_and_newlines_are_refused_in_one_line)
{
	lk_edit e;
	edit_init(&e, "a\nb\tc", false);
	cr_assert_str_eq(edit_text(&e), "a b c", "pasted newlines become spaces");
	cr_assert_eq(edit_insert(&e, '\n'), -1);
	cr_assert_eq(edit_insert(&e, 0x07), -1);
	cr_assert_eq(edit_insert(&e, 0x9b), -1, "C1 control");
	cr_assert_eq(edit_insert(&e, 0xd800), -1, "surrogate");
	cr_assert_eq(edit_insert(&e, 0x110000), -1);
	cr_assert_str_eq(edit_text(&e), "a b c");
	edit_free(&e);
}

Test(ui_edit, growth_beyond_the_limit_is_refused)
{
	lk_edit e;
	edit_init(&e, NULL, false);
	static char big[LK_EDIT_MAX_BYTES + 1];
	memset(big, 'x', LK_EDIT_MAX_BYTES);
	cr_assert_eq(edit_set(&e, big), 0);
	cr_assert_eq(edit_insert(&e, 'y'), -1);
	cr_assert_eq(e.len, LK_EDIT_MAX_BYTES);
	edit_free(&e);
}

Test(ui_edit, multiline_moves_between_lines_by_column)
{
	lk_edit e;
	edit_init(&e, "første linje\n张伟\nkort", true);
	cr_assert_eq(edit_lines(&e), 3);
	cr_assert_eq(edit_cursor_line(&e), 2);
	cr_assert_eq(edit_cursor_col(&e), 4);
	cr_assert(edit_up(&e));
	cr_assert_eq(edit_cursor_line(&e), 1);
	cr_assert_eq(edit_cursor_col(&e), 4, "end of 张伟 (4 columns)");
	edit_left(&e);
	cr_assert_eq(edit_cursor_col(&e), 2);
	cr_assert(edit_up(&e));
	cr_assert_eq(edit_cursor_col(&e), 2);
	cr_assert_eq(e.chars[e.cur].off, 3, "the r of første, after the two bytes of ø");
	cr_assert_not(edit_up(&e));
	cr_assert(edit_end(&e));
	cr_assert_eq(edit_cursor_col(&e), 12);
	cr_assert(edit_down(&e));
	cr_assert_eq(edit_cursor_line(&e), 1);
	cr_assert_eq(edit_cursor_col(&e), 4);
	edit_insert(&e, '\n');
	cr_assert_eq(edit_lines(&e), 4);
	cr_assert_eq(edit_cursor_line(&e), 2);
	cr_assert_eq(edit_cursor_col(&e), 0);
	cr_assert(edit_backspace(&e));
	cr_assert_str_eq(edit_text(&e), "første linje\n张伟\nkort");
	edit_free(&e);
}

Test(ui_edit, a_newline_at_the_end_opens_an_empty_line)
{
	lk_edit e;
	edit_init(&e, "a\n", true);
	cr_assert_eq(edit_lines(&e), 2);
	cr_assert_eq(edit_cursor_line(&e), 1);
	cr_assert_eq(edit_cursor_col(&e), 0);
	edit_free(&e);
}

struct shown {
	char text[256];
	int cols[64];
	int n;
};

static void collect(void *arg, int row, int col, const char *bytes, size_t len)
{
	struct shown *s = arg;
	(void)row;
	strncat(s->text, bytes, len);
	s->cols[s->n++] = col;
}

Test(ui_edit, scrolling_keeps_the_cursor_visible_and_never_splits_wide_characters)
{
	lk_edit e;
	edit_init(&e, "abc张伟def", false);
	edit_scroll(&e, 6, 1);
	cr_assert_eq(edit_cursor_col(&e), 10);
	cr_assert_eq(e.hscroll, 5, "cursor column 10 shows as the last of 6");
	struct shown s = {0};
	edit_visible(&e, 6, 1, collect, &s);
	cr_assert_str_eq(s.text, "伟def");
	cr_assert_eq(s.cols[0], 0);
	cr_assert_eq(s.cols[1], 2);
	/* One column wider: 张 (columns 3-4) would start before the edge at
	 * column 4, so it is left out rather than drawn half. */
	e.hscroll = 4;
	edit_scroll(&e, 7, 1);
	cr_assert_eq(e.hscroll, 4);
	memset(&s, 0, sizeof s);
	edit_visible(&e, 7, 1, collect, &s);
	cr_assert_str_eq(s.text, "伟def");
	cr_assert_eq(s.cols[0], 1);
	/* Back at the start, the view scrolls left with the cursor. */
	edit_home(&e);
	edit_scroll(&e, 7, 1);
	cr_assert_eq(e.hscroll, 0);
	edit_free(&e);
}
