/* test_text.c — UTF-8 validation, trimming, field checks, case folding. */
#include "lmskurs/text.h"

#include <criterion/criterion.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

/* Names from the people who use the app, and a few boundary code points. */
static const char *const names[] = {
	"Åse Ødegård", "Bjørn Ærø", "Łukasz Żółć", "Grzegorz Brzęczyszczykiewicz",
	"Nguyễn Thị Minh Khai", "Trần Đức Thắng", "محمد الأحمد", "فاطمة الزهراء",
	"Áile Somby", "Máret Čiŋŋá Ŋuorra", "王小明", "佐藤 花子", "김민준",
	"Иван Петров", "😀 emoji", "a", "",
};

static bool valid(const char *s, size_t len, size_t *off)
{
	return text_utf8_valid(s, len, off);
}

static void bad_at(const char *s, size_t len, size_t offset)
{
	size_t off = 9999;
	cr_assert_not(valid(s, len, &off), "accepted bytes at %zu", offset);
	cr_assert_eq(off, offset);
	cr_assert_not(valid(s, len, NULL));
}

/* ---- text_utf8_valid ------------------------------------------------------ */

Test(text_utf8_valid, names_are_valid)
{
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		size_t off = 9999;
		cr_assert(valid(names[i], strlen(names[i]), &off), "%s", names[i]);
		cr_assert_eq(off, 9999, "offset touched on success");
	}
}

Test(text_utf8_valid, boundaries_allowed)
{
	static const char *const ok[] = {
		"\x7F", "\xC2\x80", "\xDF\xBF", "\xE0\xA0\x80", "\xED\x9F\xBF",
		"\xEE\x80\x80", "\xEF\xBF\xBF", "\xF0\x90\x80\x80", "\xF4\x8F\xBF\xBF",
	};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
		cr_assert(valid(ok[i], strlen(ok[i]), NULL), "case %zu", i);
	cr_assert(valid("a\0b", 3, NULL));   /* U+0000 is well-formed */
	cr_assert(valid("\xC3", 0, NULL));   /* only len bytes are read */
}

Test(text_utf8_valid, overlongs_refused)
{
	bad_at("\xC0\x80", 2, 0);
	bad_at("ab\xC1\xBF", 4, 2);
	bad_at("\xE0\x80\x80", 3, 0);
	bad_at("\xE0\x9F\xBF", 3, 0);
	bad_at("\xF0\x80\x80\x80", 4, 0);
	bad_at("\xF0\x8F\xBF\xBF", 4, 0);
}

Test(text_utf8_valid, surrogates_and_beyond_refused)
{
	bad_at("x\xED\xA0\x80", 4, 1);
	bad_at("\xED\xBF\xBF", 3, 0);
	bad_at("\xF4\x90\x80\x80", 4, 0);
	bad_at("\xF5\x80\x80\x80", 4, 0);
	bad_at("\xF8\x88\x80\x80\x80", 5, 0);
	bad_at("\xFE", 1, 0);
	bad_at("\xFF", 1, 0);
}

Test(text_utf8_valid, truncated_refused)
{
	bad_at("ab\xE2\x82", 4, 2);
	bad_at("\xC3", 1, 0);
	bad_at("\xE2\x82" "A", 3, 0);
	bad_at("\xF0\x9F\x98", 3, 0);
	bad_at("Åse\xC3", 5, 4);
	bad_at("\xC3\xC3\xA5", 3, 0);
}

Test(text_utf8_valid, stray_continuation_refused)
{
	bad_at("a\x80" "b", 3, 1);
	bad_at("\xC3\xA5\xBF", 3, 2);
	bad_at("\xBF", 1, 0);
	bad_at("\xF0\x9F\x98\x80\x80", 5, 4);
}

/* ---- text_codepoints ------------------------------------------------------ */

Test(text_codepoints, counts_characters_not_bytes)
{
	cr_assert_eq(text_codepoints("Åse"), 3);
	cr_assert_eq(text_codepoints("王小明"), 3);
	cr_assert_eq(text_codepoints("Nguyễn"), 6);
	cr_assert_eq(text_codepoints("محمد"), 4);
	cr_assert_eq(text_codepoints("Áile Somby"), 10);
	cr_assert_eq(text_codepoints("😀"), 1);
	cr_assert_eq(text_codepoints(""), 0);
	cr_assert_eq(text_codepoints(NULL), 0);
}

/* ---- text_trim_dup -------------------------------------------------------- */

static void trims_to(const char *in, const char *want)
{
	char *got = text_trim_dup(in);
	cr_assert_not_null(got);
	cr_assert_str_eq(got, want);
	free(got);
}

Test(text_trim_dup, removes_surrounding_space)
{
	trims_to("  Åse Ødegård \t\r\n", "Åse Ødegård");
	trims_to("\xC2\xA0" "Áile Somby" "\xC2\xA0", "Áile Somby");
	trims_to(" \xC2\xA0\t\xC2\xA0 王小明 \xC2\xA0", "王小明");
	trims_to("\n\nline one\nline two\n", "line one\nline two");
}

Test(text_trim_dup, keeps_the_rest)
{
	trims_to("Trần  Đức", "Trần  Đức");
	trims_to("Voilà", "Voilà");          /* à ends in byte A0, not NBSP */
	trims_to("à", "à");
	trims_to("محمد الأحمد", "محمد الأحمد");
	trims_to("a\xC2\xA0" "b", "a\xC2\xA0" "b");
	trims_to("\xE2\x80\x83x", "\xE2\x80\x83x"); /* em space is not in the set */
}

Test(text_trim_dup, empty_results)
{
	trims_to("", "");
	trims_to("   ", "");
	trims_to("\xC2\xA0", "");
	trims_to(" \t\r\n\xC2\xA0 ", "");
	trims_to(NULL, "");
}

/* ---- text_check ----------------------------------------------------------- */

static void check_ok(const char *s, bool required, size_t max, bool multiline)
{
	lk_err err = { 0 };
	cr_assert_eq(text_check("Name", s, required, max, multiline, &err), 0,
		"\"%s\": %s", s ? s : "(null)", err.msg);
}

static void check_bad(const char *s, bool required, size_t max, bool multiline,
	const char *msg)
{
	lk_err err = { 0 };
	cr_assert_eq(text_check("Name", s, required, max, multiline, &err), -1,
		"\"%s\" was accepted", s ? s : "(null)");
	cr_assert_eq(err.code, LK_EINVAL);
	cr_assert_str_eq(err.msg, msg);
}

static char *repeat(const char *unit, size_t times)
{
	size_t n = strlen(unit);
	char *s = malloc(n * times + 1);
	cr_assert_not_null(s);
	for (size_t i = 0; i < times; i++)
		memcpy(s + i * n, unit, n);
	s[n * times] = '\0';
	return s;
}

Test(text_check, names_allowed)
{
	for (size_t i = 0; i + 1 < sizeof names / sizeof names[0]; i++)
		check_ok(names[i], true, LK_NAME_MAX, false);
}

Test(text_check, utf8_rule)
{
	check_ok("Åse", true, LK_NAME_MAX, false);
	check_bad("Å\xC3", true, LK_NAME_MAX, false,
		"Name: the text is not valid UTF-8 (byte 3)");
	check_bad("\xED\xA0\x80", false, LK_NAME_MAX, true,
		"Name: the text is not valid UTF-8 (byte 1)");
	/* Checked before every other rule. */
	check_bad("\x01\xFF", false, 0, false,
		"Name: the text is not valid UTF-8 (byte 2)");
}

Test(text_check, required_rule)
{
	check_ok("", false, LK_NAME_MAX, false);
	check_ok(NULL, false, LK_NAME_MAX, false);
	check_ok("x", true, LK_NAME_MAX, false);
	check_bad("", true, LK_NAME_MAX, false, "Name must not be empty");
	check_bad(NULL, true, LK_NAME_MAX, false, "Name must not be empty");
	check_bad("  \t", true, LK_NAME_MAX, true, "Name must not be empty");
	check_bad("\xC2\xA0", true, LK_NAME_MAX, false, "Name must not be empty");
}

Test(text_check, length_rule_counts_code_points)
{
	char *at_max = repeat("ø", LK_NAME_MAX);
	char *over = repeat("王", LK_NAME_MAX + 1);
	check_ok(at_max, true, LK_NAME_MAX, false);
	check_bad(over, true, LK_NAME_MAX, false,
		"Name is too long: 201 characters, at most 200");
	check_ok("ab", false, 2, false);
	check_bad("abc", false, 2, false, "Name is too long: 3 characters, at most 2");
	check_bad("x", false, 0, false, "Name is too long: 1 character, at most 0");
	free(at_max);
	free(over);
}

Test(text_check, control_rule_single_line)
{
	const char *msg = "Name contains a control character";
	check_ok("Trần Đức Thắng", true, LK_NAME_MAX, false);
	check_ok("\xE2\x80\x8F" "محمد", true, LK_NAME_MAX, false); /* RLM */
	check_bad("Åse\nØdegård", true, LK_NAME_MAX, false, msg);
	check_bad("Åse\tØdegård", true, LK_NAME_MAX, false, msg);
	check_bad("a\x01", true, LK_NAME_MAX, false, msg);
	check_bad("a\x1B[31m", true, LK_NAME_MAX, false, msg);
	check_bad("a\x7F", true, LK_NAME_MAX, false, msg);
	check_bad("a\xC2\x85", true, LK_NAME_MAX, false, msg);  /* U+0085 NEL */
	check_bad("a\xC2\x9F", true, LK_NAME_MAX, false, msg);  /* U+009F */
}

Test(text_check, control_rule_multiline)
{
	const char *msg = "Name contains a control character";
	check_ok("Line one\nline two\n\tindented", true, LK_TEXT_MAX, true);
	check_ok("Møte på\nKlinikk 王", false, LK_TEXT_MAX, true);
	check_ok("a\xC2\xA0" "b", true, LK_TEXT_MAX, true); /* NBSP is not control */
	check_bad("line\r\nline", true, LK_TEXT_MAX, true, msg);
	check_bad("bell\a", true, LK_TEXT_MAX, true, msg);
	check_bad("a\x7F", true, LK_TEXT_MAX, true, msg);
}

Test(text_check, null_err_is_allowed)
{
	cr_assert_eq(text_check("Name", "", true, 10, false, NULL), -1);
	cr_assert_eq(text_check("Name", "ok", true, 10, false, NULL), 0);
}

/* ---- text_equal_fold ------------------------------------------------------ */

static void same(const char *a, const char *b)
{
	cr_assert(text_equal_fold(a, b), "\"%s\" vs \"%s\"", a, b);
	cr_assert(text_equal_fold(b, a), "\"%s\" vs \"%s\"", b, a);
}

static void differ(const char *a, const char *b)
{
	cr_assert_not(text_equal_fold(a, b), "\"%s\" vs \"%s\"", a, b);
	cr_assert_not(text_equal_fold(b, a), "\"%s\" vs \"%s\"", b, a);
}

Test(text_equal_fold, norwegian_and_ascii)
{
	same("Pasient", "PASIENT");
	same("pasient", "PaSiEnT");
	same("Pårørende", "PÅRØRENDE");
	same("æøå", "ÆØÅ");
	same("Ødegård", "øDEGÅRD");
	same("", "");
	same(NULL, "");
	differ("Pasient", "Pasienter");
	differ("Pasient", "Pasien");
	differ("å", "a");
	differ("ø", "o");
	differ("æ", "ae");
}

Test(text_equal_fold, polish_sami_vietnamese)
{
	same("Łukasz Żółć", "ŁUKASZ ŻÓŁĆ");
	same("ąęśńźćół", "ĄĘŚŃŹĆÓŁ");
	same("Áile Somby", "ÁILE SOMBY");
	same("čđŋšŧž", "ČĐŊŠŦŽ");
	same("Nguyễn Thị Minh Khai", "NGUYỄN THỊ MINH KHAI");
	same("Trần Đức Thắng", "TRẦN ĐỨC THẮNG");
	same("ơư", "ƠƯ");
	differ("ł", "l");
	differ("Nguyễn", "Nguyen");
	differ("ư", "u");
}

Test(text_equal_fold, cyrillic_arabic_cjk)
{
	same("Иван Петров", "ИВАН ПЕТРОВ");
	same("ёжик", "ЁЖИК");
	same("ґїє", "ҐЇЄ");
	same("محمد الأحمد", "محمد الأحمد");
	same("王小明", "王小明");
	differ("محمد", "محمود");
	differ("王小明", "王小朋");
}

Test(text_equal_fold, specials_and_limits)
{
	same("ÿ", "Ÿ");
	same("i", "İ");
	same("ß", "ẞ");
	differ("×", "÷");      /* U+00D7 is not a capital letter */
	differ("ß", "SS");     /* no multi-character folding */
	differ("ı", "I");      /* dotless i stays itself */
	differ("Ω", "ω");      /* Greek is outside the folded ranges */
	differ("å", "a\xCC\x8A"); /* no normalisation */
}

Test(text_equal_fold, invalid_bytes_match_only_themselves)
{
	same("a\xFF", "A\xFF");
	differ("\xFF", "\xFE");
	differ("\xC3", "\xC3\xA3");
	differ("\xC3\xA3", "\xC3\x83\x80");
	differ("\xC3", "");
}

static size_t encode(unsigned cp, char out[5])
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		out[1] = '\0';
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | cp >> 6);
		out[1] = (char)(0x80 | (cp & 0x3F));
		out[2] = '\0';
		return 2;
	}
	out[0] = (char)(0xE0 | cp >> 12);
	out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[2] = (char)(0x80 | (cp & 0x3F));
	out[3] = '\0';
	return 3;
}

/* Latin Extended-B is only covered for Ơ ơ Ư ư. */
static bool covered(unsigned cp)
{
	if (cp >= 0x180 && cp <= 0x24F)
		return cp == 0x1A0 || cp == 0x1A1 || cp == 0x1AF || cp == 0x1B0;
	return true;
}

/* In the documented ranges the folding must agree with glibc's towlower
 * under C.UTF-8: same letter pairs, no false matches with neighbours. */
Test(text_equal_fold, agrees_with_towlower_in_covered_ranges)
{
	if (!setlocale(LC_CTYPE, "C.UTF-8"))
		cr_skip_test("C.UTF-8 locale not available");
	static const unsigned ranges[][2] = {
		{ 0x0001, 0x024F }, { 0x0400, 0x04FF }, { 0x1E00, 0x1EFF },
	};
	static const unsigned deltas[] = { 1, 0x20, 0x50 };
	for (size_t r = 0; r < 3; r++)
		for (unsigned cp = ranges[r][0]; cp <= ranges[r][1]; cp++)
			for (size_t k = 0; k < 3 && covered(cp); k++) {
				unsigned other = cp + deltas[k];
				char a[5], b[5];
				encode(cp, a);
				encode(other, b);
				bool want = towlower(cp) == towlower(other);
				cr_assert_eq(text_equal_fold(a, b), want, "U+%04X vs U+%04X", cp, other);
			}
}
