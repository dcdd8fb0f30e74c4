/* test_date.c — dates, times, ISO weeks, Easter and Norwegian holidays. */
#include "lmskurs/date.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static lk_date D(int y, int m, int d)
{
	return (lk_date){ y, m, d };
}

static void assert_date(lk_date got, int y, int m, int d)
{
	cr_assert(got.year == y && got.month == m && got.day == d,
		"got %04d-%02d-%02d, want %04d-%02d-%02d",
		got.year, got.month, got.day, y, m, d);
}

static void parses(const char *text, int y, int m, int d)
{
	lk_date out = { 0 };
	lk_err err = { 0 };
	cr_assert_eq(date_parse(text, &out, &err), 0, "\"%s\": %s", text, err.msg);
	assert_date(out, y, m, d);
}

/* Refused with LK_EINVAL, out untouched; msg NULL means any message. */
static void refuses(const char *text, const char *msg)
{
	lk_date out = { 1, 2, 3 };
	lk_err err = { 0 };
	cr_assert_eq(date_parse(text, &out, &err), -1, "\"%s\" was accepted", text);
	cr_assert_eq(err.code, LK_EINVAL);
	cr_assert_neq(err.msg[0], '\0');
	assert_date(out, 1, 2, 3);
	if (msg)
		cr_assert_str_eq(err.msg, msg);
}

/* ---- validity --------------------------------------------------------- */

Test(date_valid, allowed)
{
	cr_assert(date_valid(D(2027, 3, 4)));
	cr_assert(date_valid(D(2024, 2, 29)));
	cr_assert(date_valid(D(2000, 2, 29)));
	cr_assert(date_valid(D(1900, 1, 1)));
	cr_assert(date_valid(D(2199, 12, 31)));
	cr_assert(date_valid(D(2027, 4, 30)));
}

Test(date_valid, refused)
{
	cr_assert_not(date_valid(D(2027, 2, 29)));
	cr_assert_not(date_valid(D(1900, 2, 29)));
	cr_assert_not(date_valid(D(2100, 2, 29)));
	cr_assert_not(date_valid(D(2027, 4, 31)));
	cr_assert_not(date_valid(D(2027, 0, 1)));
	cr_assert_not(date_valid(D(2027, 13, 1)));
	cr_assert_not(date_valid(D(2027, 1, 0)));
	cr_assert_not(date_valid(D(2027, 1, 32)));
	cr_assert_not(date_valid(D(1899, 12, 31)));
	cr_assert_not(date_valid(D(2200, 1, 1)));
}

/* ---- date_parse --------------------------------------------------------- */

Test(date_parse, allowed_forms)
{
	parses("2027-03-04", 2027, 3, 4);
	parses("04.03.2027", 2027, 3, 4);
	parses("4.3.2027", 2027, 3, 4);
	parses("4.03.2027", 2027, 3, 4);
	parses("2027-3-4", 2027, 3, 4);
	parses("  4.3.2027\t ", 2027, 3, 4);
	parses("\t2027-03-04 ", 2027, 3, 4);
}

Test(date_parse, allowed_edges)
{
	parses("29.02.2024", 2024, 2, 29);
	parses("29.02.2000", 2000, 2, 29);
	parses("01.01.1900", 1900, 1, 1);
	parses("31.12.2199", 2199, 12, 31);
	parses("31.01.2027", 2027, 1, 31);
}

Test(date_parse, refused_impossible_day)
{
	refuses("31.02.2027", "31.02.2027 is not a date: February 2027 has 28 days");
	refuses("29.02.2027", "29.02.2027 is not a date: February 2027 has 28 days");
	refuses("29.02.1900", "29.02.1900 is not a date: February 1900 has 28 days");
	refuses("30.02.2024", "30.02.2024 is not a date: February 2024 has 29 days");
	refuses("2027-04-31", "2027-04-31 is not a date: April 2027 has 30 days");
	refuses(" 32.1.2027 ", "32.1.2027 is not a date: January 2027 has 31 days");
	refuses("0.3.2027", "0.3.2027 is not a date: there is no day 0");
}

Test(date_parse, refused_month_and_year)
{
	refuses("13.13.2027", "13.13.2027 is not a date: there is no month 13");
	refuses("2027-00-10", "2027-00-10 is not a date: there is no month 0");
	refuses("31.12.1899",
		"31.12.1899 is not a date: the year must be between 1900 and 2199");
	refuses("01.01.2200",
		"01.01.2200 is not a date: the year must be between 1900 and 2199");
}

Test(date_parse, refused_two_digit_year)
{
	refuses("4.3.27", "4.3.27 is not a date: write the year with four digits");
	refuses("27-03-04", "27-03-04 is not a date: write the year with four digits");
	refuses("4.3.202", NULL);
	refuses("4.3.20271", NULL);
}

Test(date_parse, refused_junk)
{
	refuses("abc", "\"abc\" is not a date; write it as dd.mm.yyyy");
	refuses("", "No date given; write it as dd.mm.yyyy");
	refuses("   ", "No date given; write it as dd.mm.yyyy");
	refuses(NULL, "No date given; write it as dd.mm.yyyy");
	refuses("2027-03-04x", "\"2027-03-04x\" is not a date; write it as dd.mm.yyyy");
	refuses("04.03.2027 12:00", NULL);
	refuses("2027-03-04T12:00", NULL);
	refuses("04.03.2027.", NULL);
	refuses("2027/03/04", NULL);
	refuses("2027.03.04", NULL);
	refuses("004.03.2027", NULL);
	refuses("04.003.2027", NULL);
	refuses("+4.3.2027", NULL);
	refuses("-4.3.2027", NULL);
	refuses("4..2027", NULL);
	refuses("4.3.", NULL);
	refuses("99999999999999999999.1.2027", NULL);
	refuses("1.1.99999999999999999999", NULL);
}

Test(date_parse, junk_is_echoed_safely)
{
	lk_date out;
	lk_err err;
	cr_assert_eq(date_parse("a\x01" "b", &out, &err), -1);
	cr_assert_str_eq(err.msg, "\"a?b\" is not a date; write it as dd.mm.yyyy");
	cr_assert_eq(date_parse("\xFF\xFEx", &out, &err), -1);
	cr_assert_str_eq(err.msg, "\"??x\" is not a date; write it as dd.mm.yyyy");
	cr_assert_eq(date_parse("neste tirsdag", &out, &err), -1);
	cr_assert_str_eq(err.msg, "\"neste tirsdag\" is not a date; write it as dd.mm.yyyy");
	/* 39 ASCII bytes then "ø": the cut must not split the ø. */
	char text[80];
	memset(text, 'x', 39);
	strcpy(text + 39, "\xC3\xB8yyyy");
	cr_assert_eq(date_parse(text, &out, &err), -1);
	char want[120];
	snprintf(want, sizeof want, "\"%.39s\xE2\x80\xA6\" is not a date; write it as dd.mm.yyyy",
		text);
	cr_assert_str_eq(err.msg, want);
}

Test(date_parse, null_err_is_allowed)
{
	lk_date out;
	cr_assert_eq(date_parse("31.02.2027", &out, NULL), -1);
	cr_assert_eq(time_parse("25:00", &(int){ 0 }, &(int){ 0 }, NULL), -1);
}

/* ---- time_parse ---------------------------------------------------------- */

static void time_ok(const char *text, int h, int m)
{
	int hour = -1, minute = -1;
	lk_err err = { 0 };
	cr_assert_eq(time_parse(text, &hour, &minute, &err), 0, "\"%s\": %s", text, err.msg);
	cr_assert(hour == h && minute == m, "\"%s\" gave %d:%d", text, hour, minute);
}

static void time_bad(const char *text, const char *msg)
{
	int hour = -1, minute = -1;
	lk_err err = { 0 };
	cr_assert_eq(time_parse(text, &hour, &minute, &err), -1, "\"%s\" was accepted", text);
	cr_assert_eq(err.code, LK_EINVAL);
	cr_assert(hour == -1 && minute == -1);
	if (msg)
		cr_assert_str_eq(err.msg, msg);
}

Test(time_parse, allowed)
{
	time_ok("12:30", 12, 30);
	time_ok("9:05", 9, 5);
	time_ok("09.05", 9, 5);
	time_ok("00:00", 0, 0);
	time_ok("23:59", 23, 59);
	time_ok(" 8:00 ", 8, 0);
}

Test(time_parse, refused)
{
	time_bad("24:00", "24:00 is not a time: the hour must be between 00 and 23");
	time_bad("12:60", "12:60 is not a time: the minutes must be between 00 and 59");
	time_bad("noon", "\"noon\" is not a time; write it as hh:mm");
	time_bad("", "No time given; write it as hh:mm");
	time_bad(NULL, "No time given; write it as hh:mm");
	time_bad("12:5", NULL);
	time_bad("123:00", NULL);
	time_bad("12:300", NULL);
	time_bad("12-30", NULL);
	time_bad("1230", NULL);
	time_bad("12:30pm", NULL);
	time_bad(":30", NULL);
	time_bad("12:", NULL);
}

/* ---- datetime_parse ------------------------------------------------------ */

static void datetime_ok(const char *text, int y, int mo, int d, int h, int mi)
{
	lk_datetime t;
	lk_err err = { 0 };
	cr_assert_eq(datetime_parse(text, &t, &err), 0, "\"%s\": %s", text, err.msg);
	assert_date(t.date, y, mo, d);
	cr_assert(t.hour == h && t.minute == mi);
}

static void datetime_bad(const char *text, const char *msg)
{
	lk_datetime t;
	lk_err err = { 0 };
	cr_assert_eq(datetime_parse(text, &t, &err), -1, "\"%s\" was accepted", text);
	cr_assert_eq(err.code, LK_EINVAL);
	if (msg)
		cr_assert_str_eq(err.msg, msg);
}

Test(datetime_parse, allowed)
{
	datetime_ok("2027-03-04T12:30", 2027, 3, 4, 12, 30);
	datetime_ok("2027-03-04 12:30", 2027, 3, 4, 12, 30);
	datetime_ok("04.03.2027 12:30", 2027, 3, 4, 12, 30);
	datetime_ok(" 4.3.2027   8.05 ", 2027, 3, 4, 8, 5);
}

Test(datetime_parse, refused)
{
	datetime_bad("31.02.2027 12:00",
		"31.02.2027 is not a date: February 2027 has 28 days");
	datetime_bad("04.03.2027 25:00",
		"25:00 is not a time: the hour must be between 00 and 23");
	datetime_bad("abc", "\"abc\" is not a date and time; write it as dd.mm.yyyy hh:mm");
	datetime_bad("", "No date and time given; write it as dd.mm.yyyy hh:mm");
	datetime_bad("2027-03-04", NULL);
	datetime_bad("2027-03-04T", NULL);
	datetime_bad("04.03.2027T12:30", NULL);
	datetime_bad("T12:30", NULL);
	datetime_bad("2027-03-04T12:30x", NULL);
	datetime_bad("2027-03-04 12:30 13:00", NULL);
}

/* ---- formatting ------------------------------------------------------------ */

Test(date_format, iso_and_shown)
{
	char b11[11], b17[17];
	date_iso(D(2027, 3, 4), b11);
	cr_assert_str_eq(b11, "2027-03-04");
	date_show(D(2027, 3, 4), b11);
	cr_assert_str_eq(b11, "04.03.2027");
	lk_datetime t = { D(2027, 3, 4), 9, 5 };
	datetime_iso(t, b17);
	cr_assert_str_eq(b17, "2027-03-04T09:05");
	datetime_show(t, b17);
	cr_assert_str_eq(b17, "04.03.2027 09:05");
}

Test(date_format, round_trip_through_parse)
{
	char buf[17];
	lk_datetime t = { D(2199, 12, 31), 23, 59 }, back;
	datetime_iso(t, buf);
	cr_assert_eq(datetime_parse(buf, &back, NULL), 0);
	cr_assert_eq(datetime_cmp(t, back), 0);
	datetime_show(t, buf);
	cr_assert_eq(datetime_parse(buf, &back, NULL), 0);
	cr_assert_eq(datetime_cmp(t, back), 0);
}

Test(date_format, invalid_struct_stays_in_buffer)
{
	char b11[11], b17[17];
	date_iso(D(123456, -5, 1000), b11);
	cr_assert_eq(strlen(b11), 10);
	datetime_show((lk_datetime){ D(-1, 99, 99), 1000, -3 }, b17);
	cr_assert_eq(strlen(b17), 16);
}

/* ---- day numbers, weekdays, ISO weeks -------------------------------------- */

Test(date_days, known_values)
{
	cr_assert_eq(date_to_days(D(1970, 1, 1)), 0);
	cr_assert_eq(date_to_days(D(1969, 12, 31)), -1);
	cr_assert_eq(date_to_days(D(2000, 3, 1)), 11017);
	cr_assert_eq(date_to_days(D(1900, 1, 1)), -25567);
	assert_date(date_from_days(-25567), 1900, 1, 1);
	assert_date(date_add_days(D(2027, 2, 28), 1), 2027, 3, 1);
	assert_date(date_add_days(D(2024, 2, 28), 1), 2024, 2, 29);
	assert_date(date_add_days(D(2026, 12, 31), 1), 2027, 1, 1);
	assert_date(date_add_days(D(2027, 1, 1), -1), 2026, 12, 31);
	assert_date(date_add_days(D(2027, 3, 4), 365), 2028, 3, 3);
}

/* Every day of the supported range against glibc: timegm for the day
 * number and weekday, strftime %G/%V for the ISO week. */
Test(date_days, every_day_matches_libc)
{
	long first = date_to_days(D(1900, 1, 1)), last = date_to_days(D(2199, 12, 31));
	for (long n = first; n <= last; n++) {
		lk_date d = date_from_days(n);
		cr_assert(date_valid(d));
		cr_assert_eq(date_to_days(d), n);
		struct tm tm = { .tm_year = d.year - 1900, .tm_mon = d.month - 1,
			.tm_mday = d.day, .tm_hour = 12 };
		time_t secs = timegm(&tm);
		cr_assert_eq((long)((secs - 12 * 3600) / 86400), n);
		cr_assert_eq(date_weekday(d), tm.tm_wday == 0 ? 7 : tm.tm_wday);
		char want[16], got[16];
		int y;
		strftime(want, sizeof want, "%G-%V", &tm);
		int w = date_iso_week(d, &y);
		snprintf(got, sizeof got, "%d-%02d", y, w);
		cr_assert_str_eq(got, want, "%04d-%02d-%02d", d.year, d.month, d.day);
	}
}

Test(date_weekday, known_days)
{
	cr_assert_eq(date_weekday(D(1970, 1, 1)), 4);
	cr_assert_eq(date_weekday(D(2027, 3, 4)), 4);
	cr_assert_eq(date_weekday(D(2027, 3, 1)), 1);
	cr_assert_eq(date_weekday(D(2027, 3, 7)), 7);
	cr_assert_eq(date_weekday(D(1900, 1, 1)), 1);
}

Test(date_weekday, names)
{
	cr_assert_str_eq(date_weekday_name(1, false), "Monday");
	cr_assert_str_eq(date_weekday_name(7, false), "Sunday");
	cr_assert_str_eq(date_weekday_name(3, true), "Wed");
	cr_assert_str_eq(date_weekday_name(0, false), "");
	cr_assert_str_eq(date_weekday_name(8, true), "");
}

static void week_is(lk_date d, int week, int year)
{
	int y = 0;
	cr_assert_eq(date_iso_week(d, &y), week, "%04d-%02d-%02d", d.year, d.month, d.day);
	cr_assert_eq(y, year, "%04d-%02d-%02d", d.year, d.month, d.day);
}

Test(date_iso_week, around_new_year)
{
	week_is(D(2026, 12, 31), 53, 2026);
	week_is(D(2027, 1, 1), 53, 2026);
	week_is(D(2027, 1, 3), 53, 2026);
	week_is(D(2027, 1, 4), 1, 2027);
	week_is(D(2024, 12, 29), 52, 2024);
	week_is(D(2024, 12, 30), 1, 2025);
	week_is(D(2025, 1, 1), 1, 2025);
	week_is(D(2021, 1, 3), 53, 2020);
	week_is(D(2027, 3, 4), 9, 2027);
	cr_assert_eq(date_iso_week(D(2027, 3, 8), NULL), 10);
}

/* ---- comparison and minutes ------------------------------------------------ */

Test(date_cmp, orders)
{
	cr_assert_lt(date_cmp(D(2027, 3, 4), D(2027, 3, 5)), 0);
	cr_assert_gt(date_cmp(D(2027, 4, 1), D(2027, 3, 31)), 0);
	cr_assert_lt(date_cmp(D(2026, 12, 31), D(2027, 1, 1)), 0);
	cr_assert_eq(date_cmp(D(2027, 3, 4), D(2027, 3, 4)), 0);
	lk_datetime a = { D(2027, 3, 4), 9, 0 }, b = { D(2027, 3, 4), 9, 1 };
	cr_assert_lt(datetime_cmp(a, b), 0);
	cr_assert_gt(datetime_cmp(b, a), 0);
	cr_assert_eq(datetime_cmp(a, a), 0);
	lk_datetime c = { D(2027, 3, 3), 23, 59 };
	cr_assert_lt(datetime_cmp(c, a), 0);
}

Test(datetime_minutes, round_trip_and_diff)
{
	lk_datetime t = { D(2027, 3, 4), 12, 30 };
	lk_datetime back = datetime_from_minutes(datetime_to_minutes(t));
	cr_assert_eq(datetime_cmp(t, back), 0);
	cr_assert_eq(datetime_to_minutes((lk_datetime){ D(1970, 1, 1), 0, 1 }), 1);
	lk_datetime before = datetime_from_minutes(-1);
	assert_date(before.date, 1969, 12, 31);
	cr_assert(before.hour == 23 && before.minute == 59);
	lk_datetime old = datetime_from_minutes(datetime_to_minutes(
		(lk_datetime){ D(1900, 1, 1), 0, 0 }));
	assert_date(old.date, 1900, 1, 1);
	cr_assert(old.hour == 0 && old.minute == 0);
	lk_datetime end = { D(2027, 3, 5), 1, 15 };
	cr_assert_eq(datetime_diff_minutes(t, end), 12 * 60 + 45);
	cr_assert_eq(datetime_diff_minutes(end, t), -(12 * 60 + 45));
}

Test(date_today, agrees_with_localtime)
{
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	lk_date d = date_today();
	cr_assert(date_valid(d));
	/* Allow for midnight passing between the two calls. */
	long diff = date_to_days(d) - date_to_days(D(tm.tm_year + 1900, tm.tm_mon + 1,
		tm.tm_mday));
	cr_assert(diff == 0 || diff == 1);
	lk_datetime t = datetime_now();
	cr_assert(t.hour >= 0 && t.hour <= 23 && t.minute >= 0 && t.minute <= 59);
}

/* ---- Easter and holidays ----------------------------------------------------- */

Test(date_easter, known_years)
{
	assert_date(date_easter(2027), 2027, 3, 28);
	assert_date(date_easter(2025), 2025, 4, 20);
	assert_date(date_easter(2038), 2038, 4, 25);
	assert_date(date_easter(2008), 2008, 3, 23);
	assert_date(date_easter(2024), 2024, 3, 31);
	assert_date(date_easter(2026), 2026, 4, 5);
	assert_date(date_easter(2000), 2000, 4, 23);
	assert_date(date_easter(1900), 1900, 4, 15);
	assert_date(date_easter(1943), 1943, 4, 25);
	assert_date(date_easter(2011), 2011, 4, 24);
	assert_date(date_easter(1961), 1961, 4, 2);
}

Test(date_easter, always_a_sunday_in_range)
{
	for (int y = 1900; y <= 2199; y++) {
		lk_date e = date_easter(y);
		cr_assert(date_valid(e));
		cr_assert_eq(date_weekday(e), 7, "%d", y);
		cr_assert_geq(date_cmp(e, D(y, 3, 22)), 0);
		cr_assert_leq(date_cmp(e, D(y, 4, 25)), 0);
	}
}

static void holiday_is(lk_date d, const char *name)
{
	const char *got = date_holiday(d);
	cr_assert_not_null(got, "%04d-%02d-%02d", d.year, d.month, d.day);
	cr_assert_str_eq(got, name);
}

Test(date_holiday, fixed)
{
	holiday_is(D(2027, 1, 1), "New Year's Day");
	holiday_is(D(2027, 5, 1), "Labour Day");
	holiday_is(D(2026, 5, 17), "Constitution Day");
	holiday_is(D(2027, 12, 25), "Christmas Day");
	holiday_is(D(2027, 12, 26), "Boxing Day");
}

Test(date_holiday, moving_2025)
{
	holiday_is(D(2025, 4, 13), "Palm Sunday");
	holiday_is(D(2025, 4, 17), "Maundy Thursday");
	holiday_is(D(2025, 4, 18), "Good Friday");
	holiday_is(D(2025, 4, 20), "Easter Sunday");
	holiday_is(D(2025, 4, 21), "Easter Monday");
	holiday_is(D(2025, 5, 29), "Ascension Day");
	holiday_is(D(2025, 6, 8), "Whit Sunday");
	holiday_is(D(2025, 6, 9), "Whit Monday");
}

Test(date_holiday, moving_2027_and_collisions)
{
	holiday_is(D(2027, 3, 25), "Maundy Thursday");
	holiday_is(D(2027, 5, 6), "Ascension Day");
	holiday_is(D(2027, 5, 16), "Whit Sunday");
	/* Whit Monday 2027 is 17 May; Ascension Day 2008 is 1 May. */
	holiday_is(D(2027, 5, 17), "Constitution Day");
	holiday_is(D(2008, 5, 1), "Labour Day");
	holiday_is(D(2038, 6, 3), "Ascension Day");
}

Test(date_holiday, ordinary_days)
{
	cr_assert_null(date_holiday(D(2027, 3, 4)));
	cr_assert_null(date_holiday(D(2027, 3, 27))); /* Easter Saturday */
	cr_assert_null(date_holiday(D(2027, 5, 18)));
	cr_assert_null(date_holiday(D(2027, 12, 24))); /* Christmas Eve */
	cr_assert_null(date_holiday(D(2027, 12, 31)));
	cr_assert_null(date_holiday(D(2027, 2, 30)));  /* not a date */
}

Test(date_holiday, count_per_year)
{
	for (int y = 1900; y <= 2199; y++) {
		int count = 0;
		for (lk_date d = D(y, 1, 1); d.year == y; d = date_add_days(d, 1))
			count += date_holiday(d) != NULL;
		/* 13 names; one less when a moving holiday meets 1 or 17 May. */
		cr_assert(count == 13 || count == 12, "%d: %d holidays", y, count);
	}
}
