#include <criterion/criterion.h>
#include <string.h>

#include "lmskurs/err.h"
#include "lmskurs/text.h"

static void fill(char *buf, size_t n, const char *ch)
{
	buf[0] = '\0';
	while (strlen(buf) + strlen(ch) < n)
		strcat(buf, ch);
}

Test(err, long_message_is_cut_on_a_character_with_an_ellipsis)
{
	char long_text[2000];
	lk_err err;
	for (int shift = 0; shift < 3; shift++) {
		fill(long_text, sizeof long_text, "å");
		const char *pad = shift == 0 ? "" : shift == 1 ? "x" : "xy";
		cr_assert_eq(lk_fail(&err, LK_EINVAL, "%s%s", pad, long_text), -1);
		size_t len = strlen(err.msg);
		cr_assert(text_utf8_valid(err.msg, len, NULL), "cut inside a character (shift %d)", shift);
		cr_assert_lt(len, sizeof err.msg);
		cr_assert_str_eq(err.msg + len - 3, "…");
		cr_assert_eq(err.code, LK_EINVAL);
	}
}

Test(err, short_message_untouched_and_prefix_keeps_code)
{
	lk_err err;
	lk_fail(&err, LK_ERULE, "Økt %d", 3);
	cr_assert_str_eq(err.msg, "Økt 3");
	lk_err_prefix(&err, "Gjennomføring %s", "våren");
	cr_assert_str_eq(err.msg, "Gjennomføring våren: Økt 3");
	cr_assert_eq(err.code, LK_ERULE);
	char long_text[2000];
	fill(long_text, sizeof long_text, "ø");
	lk_err_prefix(&err, "%s", long_text);
	cr_assert(text_utf8_valid(err.msg, strlen(err.msg), NULL));
	cr_assert_eq(lk_fail(NULL, LK_EINVAL, "x"), -1, "a NULL err is allowed");
}

#include "lmskurs/i18n.h"

Test(i18n, empty_label_stays_empty_under_a_catalogue)
{
	i18n_init("nb", "build/locale");
	cr_assert_str_eq(_(""), "");
	cr_assert_str_eq(_("Name"), "Navn", "the catalogue is in use");
}
