/* Text on screen by display width; the colour decision; the terminal
 * checks ui_main makes before it writes anything. */
#include <criterion/criterion.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/ui.h"
#include "lmskurs/ui/screen.h"
#include "lmskurs/ui/uitext.h"

static void utf8_locale(void)
{
	cr_assert_not_null(setlocale(LC_ALL, "C.UTF-8"));
}

TestSuite(ui_text, .init = utf8_locale);

Test(ui_text, widths_are_columns_not_bytes)
{
	cr_assert_eq(uitext_width("Åse Ødegård-Bråten"), 18);
	cr_assert_eq(uitext_width("张伟"), 4);
	cr_assert_eq(uitext_width("Nguye\xcc\x82\xcc\x83n"), 6);
	cr_assert_eq(uitext_width("محمد"), 4);
	cr_assert_eq(uitext_width(""), 0);
	cr_assert_eq(uitext_width(NULL), 0);
}

Test(ui_text, bad_bytes_decode_one_at_a_time)
{
	uint32_t cp;
	cr_assert_eq(uitext_decode("\xc3", 1, &cp), 1);
	cr_assert_eq(cp, 0xfffd);
	cr_assert_eq(uitext_decode("\xe0\x80\x80", 3, &cp), 1, "overlong");
	cr_assert_eq(cp, 0xfffd);
	cr_assert_eq(uitext_decode("\xed\xa0\x80", 3, &cp), 1, "surrogate");
	cr_assert_eq(uitext_decode("\xf0\x9f\x98\x80", 4, &cp), 4);
	cr_assert_eq(cp, 0x1f600);
	char out[5];
	cr_assert_eq(uitext_encode(0x4f1f, out), 3);
	cr_assert_str_eq(out, "伟");
	cr_assert_eq(uitext_encode(0xdc00, out), 0);
	cr_assert_str_eq(out, "");
	cr_assert_eq(uitext_width("a\xc3" "b"), 3, "a bad byte still takes a column");
}

static void cut_is(const char *s, int width, const char *want)
{
	char *got = uitext_cut(s, width);
	cr_assert_str_eq(got, want, "cut(\"%s\", %d)", s, width);
	cr_assert_leq(uitext_width(got), width > 0 ? width : 0);
	free(got);
}

Test(ui_text, cutting_marks_the_cut_and_never_overflows)
{
	cut_is("Åse Ødegård", 11, "Åse Ødegård");
	cut_is("Åse Ødegård", 10, "Åse Ødegå…");
	cut_is("Åse", 1, "…");
	cut_is("Åse", 0, "");
	cut_is("张伟", 4, "张伟");
	cut_is("张伟", 3, "张…");
	cut_is("张伟", 2, "…");
	cut_is("Nguye\xcc\x82\xcc\x83n Van", 6, "Nguye\xcc\x82\xcc\x83…");
	cut_is("line one\nline two\ttab", 40, "line one line two tab");
	cut_is(NULL, 5, "");
}

struct lines {
	char text[8][64];
	int n;
};

static void take(void *arg, const char *start, size_t bytes)
{
	struct lines *l = arg;
	if (l->n < 8)
		snprintf(l->text[l->n], sizeof l->text[0], "%.*s", (int)bytes, start);
	l->n++;
}

Test(ui_text, wrapping_breaks_at_spaces_and_keeps_newlines)
{
	struct lines l = {0};
	cr_assert_eq(uitext_wrap("Velkommen til kurs i mestring\nHilsen Åse", 12, take, &l), 4);
	cr_assert_str_eq(l.text[0], "Velkommen");
	cr_assert_str_eq(l.text[1], "til kurs i");
	cr_assert_str_eq(l.text[2], "mestring");
	cr_assert_str_eq(l.text[3], "Hilsen Åse");
	memset(&l, 0, sizeof l);
	cr_assert_eq(uitext_wrap("张伟张伟张伟", 5, take, &l), 3, "no spaces: broken between characters");
	cr_assert_str_eq(l.text[0], "张伟");
	cr_assert_eq(uitext_wrap("x", 0, take, &l), 0);
}

Test(ui_text, columns_share_the_width_by_weight)
{
	lk_column cols[] = {{"Name", 10, 2}, {"Kind", 6, 1}, {"Status", 6, 0}};
	int xs[3], ws[3];
	uitext_columns(cols, 3, 40, xs, ws);
	cr_assert_eq(ws[0], 10 + 10);
	cr_assert_eq(ws[1], 6 + 5);
	cr_assert_eq(ws[2], 6);
	cr_assert_eq(xs[1], 21);
	cr_assert_eq(xs[2], 33);
	cr_assert_leq(xs[2] + ws[2], 40);
	uitext_columns(cols, 3, 15, xs, ws);
	cr_assert_eq(ws[0], 10);
	cr_assert_eq(ws[1], 4, "cut to what is left");
	cr_assert_eq(ws[2], 0);
}

Test(ui_text, listed_dates_show_weekday_and_week)
{
	char buf[48];
	uitext_date((lk_date){2027, 3, 4}, buf);
	cr_assert_str_eq(buf, "Thu 04.03.2027 wk 9");
	uitext_date((lk_date){2027, 1, 1}, buf);
	cr_assert_str_eq(buf, "Fri 01.01.2027 wk 53", "ISO week of the year before");
}

Test(ui_text, colour_only_when_wanted_and_possible)
{
	cr_assert(screen_colour_wanted(LK_COLOUR_AUTO, NULL, true));
	cr_assert(screen_colour_wanted(LK_COLOUR_AUTO, "", true), "an empty NO_COLOR does not count");
	cr_assert_not(screen_colour_wanted(LK_COLOUR_AUTO, "1", true));
	cr_assert_not(screen_colour_wanted(LK_COLOUR_AUTO, NULL, false));
	cr_assert_not(screen_colour_wanted(LK_COLOUR_OFF, NULL, true));
	cr_assert(screen_colour_wanted(LK_COLOUR_ON, "1", true), "the config can insist");
	cr_assert_not(screen_colour_wanted(LK_COLOUR_ON, NULL, false));
	/* Monochrome still tells roles apart by attribute. */
	cr_assert_neq(screen_attr(false, LK_STYLE_SELECTED), screen_attr(false, LK_STYLE_NORMAL));
	cr_assert_neq(screen_attr(false, LK_STYLE_ERROR), screen_attr(false, LK_STYLE_NORMAL));
	cr_assert_neq(screen_attr(false, LK_STYLE_DIM), screen_attr(false, LK_STYLE_NORMAL));
}

static void refused(bool in, bool out, const char *term, const char *says)
{
	lk_err err;
	lk_err_clear(&err);
	cr_assert_eq(ui_check_terminal(in, out, term, &err), -1, "TERM=%s", term ? term : "(unset)");
	cr_assert(strstr(err.msg, says), "%s", err.msg);
	cr_assert_null(strchr(err.msg, '\n'), "one line: %s", err.msg);
	cr_assert_null(strchr(err.msg, '\x1b'));
}

Test(ui_text, terminal_checks_before_any_output)
{
	refused(false, true, "xterm-256color", "standard input and output must be a terminal");
	refused(true, false, "xterm-256color", "standard input and output must be a terminal");
	refused(true, true, NULL, "TERM is not set");
	refused(true, true, "", "TERM is not set");
	refused(true, true, "dumb", "\"dumb\" cannot show");
	refused(true, true, "no-such-terminal-zz", "\"no-such-terminal-zz\" is unknown");
	lk_err err;
	cr_assert_eq(ui_check_terminal(true, true, "xterm-256color", &err), 0, "%s", err.msg);
	cr_assert_eq(ui_check_terminal(true, true, "vt100", &err), 0, "%s", err.msg);
}
