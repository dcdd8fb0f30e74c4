/*
 * test_config.c — config.ini loading, the parse helpers and the XDG paths.
 *
 * The module is included rather than linked so the tests can walk its key
 * table (cfg_keys[]) and pin config.ini.example to it. Every config_* symbol
 * is then defined here, so the linker never pulls config.o from the archive.
 */
#include "../../src/io/config.c"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "testlib.h"

#define EXAMPLE "config.ini.example"

/* Writes text to a new file in a fresh temp folder; returns its path. */
static char *write_file(const char *name, const char *text, size_t len)
{
	char *path = cfg_strdup_printf("%s/%s", tl_tmpdir(), name);
	cr_assert_not_null(path);
	FILE *f = fopen(path, "wb");
	cr_assert_not_null(f);
	cr_assert_eq(fwrite(text, 1, len, f), len);
	cr_assert_eq(fclose(f), 0);
	return path;
}

/* Loads text as "t.ini" (a short relative name, so messages stay short)
 * from inside a fresh temp folder; returns config_load's result. */
static int load_text(const char *text, lk_config *cfg, lk_err *err)
{
	char *path = write_file("t.ini", text, strlen(text));
	char *back = getcwd(NULL, 0);
	cr_assert_not_null(back);
	*strrchr(path, '/') = '\0';
	cr_assert_eq(chdir(path), 0);
	int rc = config_load(cfg, "t.ini", err);
	cr_assert_eq(chdir(back), 0);
	free(back);
	free(path);
	return rc;
}

static int count_lines(const char *s)
{
	int n = *s != '\0';
	for (; *s; s++)
		n += *s == '\n';
	return n;
}

static char *read_all(const char *path)
{
	FILE *f = fopen(path, "rb");
	cr_assert_not_null(f, "cannot open %s (run the tests from the repository root)", path);
	char *buf = calloc(1, CFG_FILE_MAX + 1);
	cr_assert_not_null(buf);
	size_t n = fread(buf, 1, CFG_FILE_MAX, f);
	fclose(f);
	buf[n] = '\0';
	return buf;
}

static void assert_defaults(const lk_config *c)
{
	lk_settings s;
	settings_defaults(&s);
	cr_assert_eq(c->settings.completion_threshold_pct, s.completion_threshold_pct);
	cr_assert_eq(c->settings.honorarium_rate_ore, s.honorarium_rate_ore);
	cr_assert_eq(c->settings.honorarium_round_min, s.honorarium_round_min);
	cr_assert_eq(c->settings.honorarium_minimum_min, s.honorarium_minimum_min);
	cr_assert_eq(c->settings.retention_months, s.retention_months);
	cr_assert_eq(c->settings.min_answers, s.min_answers);
	cr_assert_null(c->db_path);
	cr_assert_null(c->language);
	cr_assert_eq(c->colours, LK_COLOUR_AUTO);
	cr_assert_null(c->organisation);
	cr_assert_null(c->printer);
}

/* ---- defaults ----------------------------------------------------------- */

Test(config, defaults)
{
	lk_config c;
	config_defaults(&c);
	assert_defaults(&c);
	cr_assert_eq(c.settings.completion_threshold_pct, 80);
	cr_assert_eq(c.settings.honorarium_round_min, 30);
	cr_assert_eq(c.settings.honorarium_minimum_min, 60);
	cr_assert_eq(c.settings.retention_months, 12);
	cr_assert_eq(c.settings.min_answers, 5);
	cr_assert_null(c.path);
	config_free(&c);
}

Test(config, empty_file_gives_defaults)
{
	lk_config c;
	lk_err e;
	cr_assert_eq(load_text("", &c, &e), 0);
	assert_defaults(&c);
	cr_assert_not_null(c.path);
	cr_assert_eq(e.code, LK_OK);
	cr_assert_str_empty(e.msg);
	config_free(&c);
}

/* ---- every key ---------------------------------------------------------- */

Test(config, every_key_parsed)
{
	lk_config c;
	lk_err e;
	const char *text =
		"[database]\npath = /srv/lms/kurs.db\n"
		"[ui]\nlanguage = en\ncolours = off\n"
		"[organisation]\nname = LMS Førde – Helse Førde\n"
		"[printing]\nprinter = Kontor_2.etg\n"
		"[rules]\ncompletion_threshold = 75\n"
		"[honorarium]\nrate = 412,50\nrounding_minutes = 15\nminimum_minutes = 0\n"
		"[privacy]\nretention_months = 24\n"
		"[evaluation]\nmin_answers = 3\n";
	cr_assert_eq(load_text(text, &c, &e), 0, "%s", e.msg);
	cr_assert_str_eq(c.db_path, "/srv/lms/kurs.db");
	cr_assert_str_eq(c.language, "en");
	cr_assert_eq(c.colours, LK_COLOUR_OFF);
	cr_assert_str_eq(c.organisation, "LMS Førde – Helse Førde");
	cr_assert_str_eq(c.printer, "Kontor_2.etg");
	cr_assert_eq(c.settings.completion_threshold_pct, 75);
	cr_assert_eq(c.settings.honorarium_rate_ore, 41250);
	cr_assert_eq(c.settings.honorarium_round_min, 15);
	cr_assert_eq(c.settings.honorarium_minimum_min, 0);
	cr_assert_eq(c.settings.retention_months, 24);
	cr_assert_eq(c.settings.min_answers, 3);
	config_free(&c);
}

Test(config, names_are_case_insensitive_and_values_trimmed)
{
	lk_config c;
	lk_err e;
	cr_assert_eq(load_text("[UI]\n  Colours   =   ON  \n[Rules]\nCompletion_Threshold=90\n", &c, &e),
		0, "%s", e.msg);
	cr_assert_eq(c.colours, LK_COLOUR_ON);
	cr_assert_eq(c.settings.completion_threshold_pct, 90);
	config_free(&c);
}

Test(config, quoted_value_keeps_semicolon_and_hash)
{
	lk_config c;
	lk_err e;
	cr_assert_eq(load_text("[organisation]\nname = \"LMS #1; Bergen\" ; comment\n"
		"[printing]\nprinter = lab ; the lab printer\n", &c, &e), 0, "%s", e.msg);
	cr_assert_str_eq(c.organisation, "LMS #1; Bergen");
	cr_assert_str_eq(c.printer, "lab");
	config_free(&c);
}

Test(config, empty_string_means_unset)
{
	lk_config c;
	lk_err e;
	cr_assert_eq(load_text("[database]\npath =\n[ui]\nlanguage = \"\"\n"
		"[organisation]\nname =\n[printing]\nprinter = ;x\n", &c, &e), 0, "%s", e.msg);
	assert_defaults(&c);
	config_free(&c);
}

Test(config, crlf_line_ends)
{
	lk_config c;
	lk_err e;
	cr_assert_eq(load_text("[rules]\r\ncompletion_threshold = 70\r\n[ui]\r\nlanguage = nb\r\n",
		&c, &e), 0, "%s", e.msg);
	cr_assert_eq(c.settings.completion_threshold_pct, 70);
	cr_assert_str_eq(c.language, "nb");
	config_free(&c);
}

Test(config, tilde_path_expands_home)
{
	lk_config c;
	lk_err e;
	setenv("HOME", "/home/kari", 1);
	cr_assert_eq(load_text("[database]\npath = ~/lms/kurs.db\n", &c, &e), 0, "%s", e.msg);
	cr_assert_str_eq(c.db_path, "/home/kari/lms/kurs.db");
	config_free(&c);
}

Test(config, language_and_colours_values)
{
	lk_config c;
	lk_err e;
	cr_assert_eq(load_text("[ui]\nlanguage = NB\ncolours = ja\n", &c, &e), 0, "%s", e.msg);
	cr_assert_str_eq(c.language, "nb");
	cr_assert_eq(c.colours, LK_COLOUR_ON);
	config_free(&c);
	cr_assert_eq(load_text("[ui]\ncolours = Auto\n", &c, &e), 0, "%s", e.msg);
	cr_assert_eq(c.colours, LK_COLOUR_AUTO);
	config_free(&c);
}

/* ---- config_parse_* ---------------------------------------------------- */

Test(config, parse_int)
{
	long v = -7;
	cr_assert_eq(config_parse_int("80", 1, 100, &v), 0);
	cr_assert_eq(v, 80);
	cr_assert_eq(config_parse_int(" 100\t", 1, 100, &v), 0);
	cr_assert_eq(v, 100);
	cr_assert_eq(config_parse_int("1", 1, 100, &v), 0);
	cr_assert_eq(config_parse_int("-3", -5, 5, &v), 0);
	cr_assert_eq(v, -3);
	v = 42;
	const char *bad[] = { "abc", "0", "101", "80%", "", " ", "8 0", "+5", "1e3", "5.0",
		"-", "0x10", "99999999999999999999999", "-3" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		cr_assert_eq(config_parse_int(bad[i], 1, 100, &v), -1, "'%s' accepted", bad[i]);
	cr_assert_eq(v, 42, "a refused number must leave *out alone");
}

Test(config, parse_bool)
{
	const char *yes[] = { "yes", "YES", "true", "True", "1", "on", "ja", " Ja " };
	const char *no[] = { "no", "false", "FALSE", "0", "off", "nei", "Nei" };
	const char *bad[] = { "", "y", "n", "maybe", "2", "yess", "jo", "of" };
	bool b;
	for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) {
		b = false;
		cr_assert_eq(config_parse_bool(yes[i], &b), 0, "'%s'", yes[i]);
		cr_assert(b, "'%s'", yes[i]);
	}
	for (size_t i = 0; i < sizeof no / sizeof no[0]; i++) {
		b = true;
		cr_assert_eq(config_parse_bool(no[i], &b), 0, "'%s'", no[i]);
		cr_assert_not(b, "'%s'", no[i]);
	}
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		cr_assert_eq(config_parse_bool(bad[i], &b), -1, "'%s' accepted", bad[i]);
}

Test(config, parse_money)
{
	static const struct { const char *s; long ore; } good[] = {
		{ "350", 35000 }, { "350,50", 35050 }, { "350.50", 35050 }, { "350,5", 35050 },
		{ "350,05", 35005 }, { "350,-", 35000 }, { "0", 0 }, { " 1200 ", 120000 },
		{ "0,99", 99 },
	};
	const char *bad[] = { "", "abc", "-350", "350,505", ",50", "350,", "350 kr", "kr 350",
		"1 000", "350,5a", "1e3", "350,,50", "9999999999999" };
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		long ore = -1;
		cr_assert_eq(config_parse_money(good[i].s, &ore), 0, "'%s'", good[i].s);
		cr_assert_eq(ore, good[i].ore, "'%s' gave %ld", good[i].s, ore);
	}
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		long ore = 7;
		cr_assert_eq(config_parse_money(bad[i], &ore), -1, "'%s' accepted", bad[i]);
		cr_assert_eq(ore, 7);
	}
}

/* ---- bad values --------------------------------------------------------- */

Test(config, bad_numbers_keep_defaults_and_name_lines)
{
	lk_config c;
	lk_err e;
	const char *text =
		"# a comment\n"                       /* 1 */
		"\n"                                  /* 2 */
		"[rules]\n"                           /* 3 */
		"completion_threshold = abc\n"        /* 4 */
		"[honorarium]\n"                      /* 5 */
		"rounding_minutes = 0\n"              /* 6 */
		"; minimum_minutes = 1\n"             /* 7 */
		"minimum_minutes = 481\n"             /* 8 */
		"rate = 350,50\n"                     /* 9 */
		"[privacy]\n"                         /* 10 */
		"retention_months = 12%\n"            /* 11 */
		"[evaluation]\n"                      /* 12 */
		"min_answers = 101\n";                /* 13 */
	cr_assert_eq(load_text(text, &c, &e), -1);
	cr_assert_eq(e.code, LK_EINVAL);
	cr_assert_eq(count_lines(e.msg), 5, "%s", e.msg);
	cr_assert(strstr(e.msg, "t.ini:4: completion_threshold in [rules] must be a whole number from 1 to 100, not 'abc'"), "%s", e.msg);
	cr_assert(strstr(e.msg, "t.ini:6: rounding_minutes in [honorarium]"), "%s", e.msg);
	cr_assert(strstr(e.msg, "t.ini:8: minimum_minutes in [honorarium] must be a whole number from 0 to 480, not '481'"), "%s", e.msg);
	cr_assert(strstr(e.msg, "t.ini:11: retention_months in [privacy]"), "%s", e.msg);
	cr_assert(strstr(e.msg, "t.ini:13: min_answers in [evaluation]"), "%s", e.msg);
	cr_assert_eq(c.settings.completion_threshold_pct, 80);
	cr_assert_eq(c.settings.honorarium_round_min, 30);
	cr_assert_eq(c.settings.honorarium_minimum_min, 60);
	cr_assert_eq(c.settings.retention_months, 12);
	cr_assert_eq(c.settings.min_answers, 5);
	cr_assert_eq(c.settings.honorarium_rate_ore, 35050, "good values still load");
	cr_assert_not_null(c.path);
	config_free(&c);
}

Test(config, bad_percent_variants)
{
	const char *bad[] = { "abc", "0", "101", "80%", "", "-80" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		lk_config c;
		lk_err e;
		char *text = cfg_strdup_printf("[rules]\ncompletion_threshold = %s\n", bad[i]);
		cr_assert_eq(load_text(text, &c, &e), -1, "'%s' accepted", bad[i]);
		cr_assert(strstr(e.msg, "t.ini:2: "), "%s", e.msg);
		cr_assert_eq(c.settings.completion_threshold_pct, 80);
		free(text);
		config_free(&c);
	}
}

Test(config, bad_strings_and_choices)
{
	lk_config c;
	lk_err e;
	const char *text =
		"[database]\npath = data/kurs.db\n"      /* 2 */
		"[ui]\nlanguage = sv\ncolours = maybe\n"  /* 4, 5 */
		"[printing]\nprinter = -o evil\n"         /* 7 */
		"[honorarium]\nrate = 350 kr\n";          /* 9 */
	cr_assert_eq(load_text(text, &c, &e), -1);
	cr_assert_eq(count_lines(e.msg), 5, "%s", e.msg);
	cr_assert(strstr(e.msg, "t.ini:2: path in [database] must be an absolute path"), "%s", e.msg);
	cr_assert(strstr(e.msg, "t.ini:4: language in [ui] must be nb or en, not 'sv'"), "%s", e.msg);
	cr_assert(strstr(e.msg, "t.ini:5: colours in [ui] must be auto, on or off, not 'maybe'"), "%s", e.msg);
	cr_assert(strstr(e.msg, "t.ini:7: printer in [printing]"), "%s", e.msg);
	cr_assert(strstr(e.msg, "t.ini:9: rate in [honorarium] must be an amount"), "%s", e.msg);
	assert_defaults(&c);
	config_free(&c);
}

Test(config, organisation_name_checked)
{
	lk_config c;
	lk_err e;
	char long_name[400] = "[organisation]\nname = ";
	size_t n = strlen(long_name);
	memset(long_name + n, 'x', 250);
	strcpy(long_name + n + 250, "\n");
	cr_assert_eq(load_text(long_name, &c, &e), -1);
	cr_assert(strstr(e.msg, "t.ini:2: name in [organisation]"), "%s", e.msg);
	cr_assert_null(c.organisation);
	config_free(&c);
}

/* ---- unknown names, duplicates, structure ------------------------------ */

Test(config, unknown_keys_and_sections_reported_rest_loaded)
{
	lk_config c;
	lk_err e;
	const char *text =
		"[rules]\n"                        /* 1 */
		"completion_treshold = 90\n"       /* 2 */
		"[honorarium]\n"                   /* 3 */
		"rate = 300\n"                     /* 4 */
		"[colors]\n"                       /* 5 */
		"background = blue\n"              /* 6 */
		"[evaluation]\n"                   /* 7 */
		"min_answers = 7\n"                /* 8 */
		"min_answers = 8\n";               /* 9 */
	cr_assert_eq(load_text(text, &c, &e), -1);
	cr_assert_eq(e.code, LK_EINVAL);
	cr_assert_eq(count_lines(e.msg), 3, "%s", e.msg);
	cr_assert(strstr(e.msg, "t.ini:2: unknown key 'completion_treshold' in [rules]"), "%s", e.msg);
	cr_assert(strstr(e.msg, "t.ini:5: unknown section [colors]"), "%s", e.msg);
	cr_assert(strstr(e.msg, "t.ini:9: min_answers in [evaluation] is set again (first on line 8)"), "%s", e.msg);
	cr_assert_eq(c.settings.honorarium_rate_ore, 30000);
	cr_assert_eq(c.settings.min_answers, 8, "the last value counts, as in iniparser");
	cr_assert_eq(c.settings.completion_threshold_pct, 80);
	config_free(&c);
}

Test(config, problems_in_line_order)
{
	lk_config c;
	lk_err e;
	/* line 2 is a bad value (found late), line 4 an unknown key (found early) */
	cr_assert_eq(load_text("[rules]\ncompletion_threshold = 80%\n[honorarium]\nrateee = 1\n"
		"rate = x\n", &c, &e), -1);
	cr_assert_str_eq(e.msg,
		"t.ini:2: completion_threshold in [rules] must be a whole number from 1 to 100, not '80%'\n"
		"t.ini:4: unknown key 'rateee' in [honorarium]\n"
		"t.ini:5: rate in [honorarium] must be an amount in kroner such as 350 or 350,50, not 'x'");
	config_free(&c);
}

Test(config, key_outside_section)
{
	lk_config c;
	lk_err e;
	cr_assert_eq(load_text("rate = 300\n[honorarium]\n", &c, &e), -1);
	cr_assert(strstr(e.msg, "t.ini:1: 'rate' is outside any [section]"), "%s", e.msg);
	config_free(&c);
}

/* CVE-2023-33461: a section whose name is "section:key" is stored by
 * iniparser as that key with a NULL value; a typed getter would crash. */
Test(config, section_named_like_a_key_does_not_crash)
{
	lk_config c;
	lk_err e;
	cr_assert_eq(load_text("[rules:completion_threshold]\n[honorarium:rate]\n", &c, &e), -1);
	cr_assert(strstr(e.msg, "t.ini:1: unknown section [rules:completion_threshold]"), "%s", e.msg);
	cr_assert(strstr(e.msg, "t.ini:2: unknown section [honorarium:rate]"), "%s", e.msg);
	assert_defaults(&c);
	config_free(&c);

	/* the section after the key turns the value into NULL */
	cr_assert_eq(load_text("[rules]\ncompletion_threshold = 90\n[rules:completion_threshold]\n"
		"[ui]\ncolours = on\n[ui:colours]\n", &c, &e), -1);
	cr_assert_eq(c.settings.completion_threshold_pct, 80);
	cr_assert_eq(c.colours, LK_COLOUR_AUTO);
	config_free(&c);

	/* bare sections, no keys */
	cr_assert_eq(load_text("[rules]\n[honorarium]\n[ui]\n", &c, &e), 0, "%s", e.msg);
	assert_defaults(&c);
	config_free(&c);
}

Test(config, wrapper_reads_sections_as_unset)
{
	lk_err e;
	const char *text = "[rules]\n[rules:completion_threshold]\n";
	char *path = write_file("w.ini", text, strlen(text));
	iniparser_set_error_callback(cfg_ini_quiet);
	dictionary *d = iniparser_load(path);
	cr_assert_not_null(d);
	for (size_t i = 0; i < CFG_NKEYS; i++)
		cr_assert_null(cfg_ini_string(d, &cfg_keys[i]), "%s", cfg_keys[i].name);
	cr_assert_null(iniparser_getstring(d, "rules", "x"), "iniparser 4.1 gives NULL for a section");
	iniparser_freedict(d);
	free(path);
	(void)e;
}

Test(config, not_an_ini_file)
{
	lk_config c;
	lk_err e;
	const char *text =
		"[rules]\n"                    /* 1 */
		"completion_threshold = 90\n"  /* 2 */
		"this is prose\n"              /* 3 */
		"[broken\n"                    /* 4 */
		"= 5\n";                       /* 5 */
	cr_assert_eq(load_text(text, &c, &e), -1);
	cr_assert_eq(e.code, LK_EINVAL);
	cr_assert_eq(count_lines(e.msg), 3, "%s", e.msg);
	cr_assert(strstr(e.msg, "t.ini:3: expected 'key = value' or '[section]', not 'this is prose'"), "%s", e.msg);
	cr_assert(strstr(e.msg, "t.ini:4: "), "%s", e.msg);
	cr_assert(strstr(e.msg, "t.ini:5: "), "%s", e.msg);
	assert_defaults(&c); /* iniparser refuses the whole file */
	config_free(&c);
}

Test(config, continuation_lines_keep_numbering)
{
	lk_config c;
	lk_err e;
	const char *text =
		"[organisation]\n"          /* 1 */
		"name = LMS \\\n"           /* 2 */
		"  Bergen\n"                /* 3 */
		"[rules]\n"                 /* 4 */
		"completion_threshold = x\n"; /* 5 */
	cr_assert_eq(load_text(text, &c, &e), -1);
	cr_assert(strstr(e.msg, "t.ini:5: completion_threshold"), "%s", e.msg);
	cr_assert_str_eq(c.organisation, "LMS   Bergen");
	config_free(&c);
}

Test(config, too_long_line)
{
	lk_config c;
	lk_err e;
	size_t n = 1200;
	char *text = malloc(n + 64);
	strcpy(text, "[organisation]\nname = ");
	size_t at = strlen(text);
	memset(text + at, 'a', n);
	strcpy(text + at + n, "\n");
	cr_assert_eq(load_text(text, &c, &e), -1);
	cr_assert(strstr(e.msg, "t.ini:2: the line is too long"), "%s", e.msg);
	assert_defaults(&c);
	free(text);
	config_free(&c);
}

/* ---- the file itself ---------------------------------------------------- */

Test(config, not_utf8)
{
	lk_config c;
	lk_err e;
	/* "Førde" in Latin-1 on line 3 */
	cr_assert_eq(load_text("[organisation]\n# x\nname = F\xf8rde\n", &c, &e), -1);
	cr_assert_eq(e.code, LK_EINVAL);
	cr_assert(strstr(e.msg, "t.ini:3: the text is not valid UTF-8"), "%s", e.msg);
	cr_assert_null(c.organisation);
	cr_assert_not_null(c.path);
	config_free(&c);
}

Test(config, binary_and_bom)
{
	lk_config c;
	lk_err e;
	char *path = write_file("bin.ini", "[rules]\n\0\x01\x02", 11);
	cr_assert_eq(config_load(&c, path, &e), -1);
	cr_assert(strstr(e.msg, "bin.ini:2: the file contains a NUL byte"), "%s", e.msg);
	config_free(&c);
	free(path);
	cr_assert_eq(load_text("\xef\xbb\xbf[rules]\ncompletion_threshold = 90\n", &c, &e), -1);
	cr_assert(strstr(e.msg, "t.ini:1: the file starts with a byte order mark"), "%s", e.msg);
	config_free(&c);
}

Test(config, missing_explicit_file)
{
	lk_config c;
	lk_err e;
	char *path = cfg_strdup_printf("%s/nope.ini", tl_tmpdir());
	cr_assert_eq(config_load(&c, path, &e), -1);
	cr_assert_eq(e.code, LK_EIO);
	cr_assert(strstr(e.msg, path), "%s", e.msg);
	cr_assert(strstr(e.msg, "cannot open the config file"), "%s", e.msg);
	cr_assert_null(c.path);
	assert_defaults(&c);
	config_free(&c);
	free(path);
}

Test(config, directory_is_an_error)
{
	lk_config c;
	lk_err e;
	cr_assert_eq(config_load(&c, tl_tmpdir(), &e), -1);
	cr_assert_eq(e.code, LK_EIO, "%s", e.msg);
	config_free(&c);
}

Test(config, missing_default_file_is_fine)
{
	lk_config c;
	lk_err e;
	setenv("XDG_CONFIG_HOME", tl_tmpdir(), 1);
	cr_assert_eq(config_load(&c, NULL, &e), 0, "%s", e.msg);
	cr_assert_null(c.path);
	cr_assert_eq(e.code, LK_OK);
	assert_defaults(&c);
	config_free(&c);
}

Test(config, default_file_is_read)
{
	lk_config c;
	lk_err e;
	const char *dir = tl_tmpdir();
	char *sub = cfg_strdup_printf("%s/lmskurs", dir);
	cr_assert_eq(mkdir(sub, 0700), 0);
	char *path = cfg_strdup_printf("%s/config.ini", sub);
	FILE *f = fopen(path, "w");
	cr_assert_not_null(f);
	fputs("[evaluation]\nmin_answers = 9\n", f);
	fclose(f);
	setenv("XDG_CONFIG_HOME", dir, 1);
	cr_assert_eq(config_load(&c, NULL, &e), 0, "%s", e.msg);
	cr_assert_str_eq(c.path, path);
	cr_assert_eq(c.settings.min_answers, 9);
	config_free(&c);
	free(path);
	free(sub);
}

Test(config, no_home_no_default_file)
{
	lk_config c;
	lk_err e;
	unsetenv("XDG_CONFIG_HOME");
	unsetenv("HOME");
	cr_assert_eq(config_load(&c, NULL, &e), 0, "%s", e.msg);
	cr_assert_null(c.path);
	config_free(&c);
}

Test(config, free_is_idempotent_and_reload_works)
{
	lk_config c;
	lk_err e;
	cr_assert_eq(load_text("[ui]\nlanguage = en\n", &c, &e), 0);
	config_free(&c);
	config_free(&c);
	cr_assert_null(c.language);
	cr_assert_eq(load_text("[ui]\nlanguage = nb\n", &c, &e), 0);
	cr_assert_str_eq(c.language, "nb");
	config_free(&c);
}

/* ---- the message list --------------------------------------------------- */

Test(config, long_problem_list_is_cut_cleanly)
{
	lk_config c;
	lk_err e;
	char text[8192] = "[rules]\n";
	for (int i = 0; i < 60; i++) {
		char line[64];
		snprintf(line, sizeof line, "ukjent_nøkkel_æøå_%02d = 1\n", i);
		strcat(text, line);
	}
	cr_assert_eq(load_text(text, &c, &e), -1);
	size_t n = strlen(e.msg);
	cr_assert_lt(n, sizeof e.msg);
	cr_assert_geq(n, sizeof e.msg - 8, "the list fills the message (%zu)", n);
	cr_assert_str_eq(e.msg + n - 3, "…");
	cr_assert(text_utf8_valid(e.msg, n, NULL), "cut inside a UTF-8 character");
	cr_assert(strstr(e.msg, "t.ini:2: unknown key 'ukjent_nøkkel_æøå_00' in [rules]"), "%s", e.msg);
	config_free(&c);
}

Test(config, thousands_of_bad_lines)
{
	lk_config c;
	lk_err e;
	size_t n = 5000;
	char *text = malloc(n * 8 + 1), *p = text;
	for (size_t i = 0; i < n; i++, p += 8)
		memcpy(p, "garbage\n", 8);
	*p = '\0';
	cr_assert_eq(load_text(text, &c, &e), -1);
	cr_assert_eq(strncmp(e.msg, "t.ini:1: expected", 17), 0, "%s", e.msg);
	cr_assert_str_eq(e.msg + strlen(e.msg) - 3, "…");
	free(text);
	config_free(&c);
}

Test(config, long_value_is_clipped_in_message)
{
	lk_config c;
	lk_err e;
	char text[400] = "[ui]\nlanguage = ";
	for (int i = 0; i < 60; i++)
		strcat(text, "å");
	strcat(text, "\n");
	cr_assert_eq(load_text(text, &c, &e), -1);
	cr_assert(strstr(e.msg, "…'"), "%s", e.msg);
	cr_assert(text_utf8_valid(e.msg, strlen(e.msg), NULL));
	cr_assert_lt(strlen(e.msg), 120, "%s", e.msg);
	config_free(&c);
}

Test(config, append_cut_keeps_room)
{
	cfg_load ld = { .path = "x" };
	char big[600];
	memset(big, 'a', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	cfg_append(&ld, "first");
	cfg_append(&ld, big);
	cfg_append(&ld, "more");
	cr_assert(ld.full);
	cr_assert_eq(strlen(ld.msg), sizeof ld.msg - 1);
	cr_assert_eq(strncmp(ld.msg, "first\naaa", 9), 0);
	cr_assert_str_eq(ld.msg + strlen(ld.msg) - 3, "…");
}

/* ---- XDG paths ---------------------------------------------------------- */

Test(config, xdg_set_and_absolute)
{
	lk_err e;
	setenv("HOME", "/home/kari", 1);
	setenv("XDG_DATA_HOME", "/data/x", 1);
	setenv("XDG_CONFIG_HOME", "/conf/y/", 1);
	char *db = config_default_db_path(&e);
	char *cf = config_default_config_path(&e);
	cr_assert_str_eq(db, "/data/x/lmskurs/lmskurs.db");
	cr_assert_str_eq(cf, "/conf/y/lmskurs/config.ini");
	free(db);
	free(cf);
}

Test(config, xdg_relative_or_empty_ignored)
{
	lk_err e;
	setenv("HOME", "/home/kari", 1);
	setenv("XDG_DATA_HOME", "relative/data", 1);
	setenv("XDG_CONFIG_HOME", "", 1);
	char *db = config_default_db_path(&e);
	char *cf = config_default_config_path(&e);
	cr_assert_str_eq(db, "/home/kari/.local/share/lmskurs/lmskurs.db");
	cr_assert_str_eq(cf, "/home/kari/.config/lmskurs/config.ini");
	free(db);
	free(cf);
}

Test(config, xdg_unset_uses_home)
{
	lk_err e;
	setenv("HOME", "/home/ola", 1);
	unsetenv("XDG_DATA_HOME");
	unsetenv("XDG_CONFIG_HOME");
	char *db = config_default_db_path(&e);
	char *cf = config_default_config_path(&e);
	cr_assert_str_eq(db, "/home/ola/.local/share/lmskurs/lmskurs.db");
	cr_assert_str_eq(cf, "/home/ola/.config/lmskurs/config.ini");
	free(db);
	free(cf);
}

Test(config, no_home_no_xdg_is_an_error)
{
	lk_err e;
	unsetenv("HOME");
	unsetenv("XDG_DATA_HOME");
	setenv("XDG_CONFIG_HOME", "rel", 1);
	cr_assert_null(config_default_db_path(&e));
	cr_assert_eq(e.code, LK_EIO);
	cr_assert(strstr(e.msg, "XDG_DATA_HOME"), "%s", e.msg);
	cr_assert_null(config_default_config_path(&e));
	cr_assert(strstr(e.msg, "XDG_CONFIG_HOME"), "%s", e.msg);
}

/* ---- config.ini.example and the table ----------------------------------- */

Test(config, example_loads_with_no_problems)
{
	lk_config c;
	lk_err e;
	cr_assert_eq(config_load(&c, EXAMPLE, &e), 0, "%s", e.msg);
	cr_assert_str_eq(c.path, EXAMPLE);
	assert_defaults(&c);
	config_free(&c);
}

/* The example's ";key = default" lines, uncommented, give the defaults: so
 * the defaults it shows are the real ones. */
Test(config, example_uncommented_gives_defaults)
{
	lk_config c;
	lk_err e;
	char *text = read_all(EXAMPLE);
	char *out = calloc(1, strlen(text) + 1), *o = out;
	int settings = 0;
	for (const char *p = text; *p;) {
		bool at_start = p == text || p[-1] == '\n';
		if (at_start && *p == ';') {
			p++;
			settings++;
			continue;
		}
		*o++ = *p++;
	}
	cr_assert_eq(settings, (int)CFG_NKEYS, "one commented-out setting per key");
	char *path = write_file("uncommented.ini", out, strlen(out));
	cr_assert_eq(config_load(&c, path, &e), 0, "%s", e.msg);
	assert_defaults(&c);
	config_free(&c);
	free(path);
	free(out);
	free(text);
}

/* Every key of the table appears in the example, in its section, as
 * ";key = default": the example cannot drift from the code. */
Test(config, every_table_key_in_example)
{
	char *text = read_all(EXAMPLE);
	const char *section = NULL;
	int line = 1, found[CFG_NKEYS] = { 0 };
	for (char *p = text, *nl; *p; p = nl + 1, line++) {
		nl = strchr(p, '\n');
		cr_assert_not_null(nl, "the example ends with a newline");
		size_t n = (size_t)(nl - p);
		if (*p == '[') {
			section = cfg_known_section(p + 1, n - 2);
			cr_assert_not_null(section, "line %d: unknown section", line);
		} else if (*p == ';') {
			const char *eq = memchr(p, '=', n), *k, *v;
			cr_assert_not_null(eq, "line %d", line);
			size_t klen = cfg_trim(p + 1, (size_t)(eq - p - 1), &k);
			size_t vlen = cfg_trim(eq + 1, (size_t)(nl - eq - 1), &v);
			int i = cfg_key_index(section, k, klen);
			cr_assert_geq(i, 0, "line %d: '%.*s' is not in the table", line, (int)klen, k);
			cr_assert_eq(vlen, strlen(cfg_keys[i].def), "line %d: default", line);
			cr_assert_eq(strncmp(v, cfg_keys[i].def, vlen), 0, "line %d: default", line);
			found[i]++;
		}
	}
	for (size_t i = 0; i < CFG_NKEYS; i++)
		cr_assert_eq(found[i], 1, "[%s] %s appears %d times in " EXAMPLE,
			cfg_keys[i].section, cfg_keys[i].name, found[i]);
	free(text);
}

/* The table's default column agrees with config_defaults(). */
Test(config, table_defaults_match_config_defaults)
{
	char text[2048] = "";
	const char *section = "";
	for (size_t i = 0; i < CFG_NKEYS; i++) {
		char line[160];
		if (strcmp(section, cfg_keys[i].section) != 0) {
			section = cfg_keys[i].section;
			snprintf(line, sizeof line, "[%s]\n", section);
			strcat(text, line);
		}
		snprintf(line, sizeof line, "%s = %s\n", cfg_keys[i].name, cfg_keys[i].def);
		strcat(text, line);
	}
	lk_config c;
	lk_err e;
	cr_assert_eq(load_text(text, &c, &e), 0, "%s", e.msg);
	assert_defaults(&c);
	config_free(&c);
}
