/*
 * date.c — calendar arithmetic, parsing and showing of dates and times.
 *
 * Day numbers are days since 1970-01-01 in the proleptic Gregorian calendar
 * (Howard Hinnant's days_from_civil / civil_from_days), so every other
 * calculation (weekday, ISO week, Easter offsets) is plain integer maths.
 */
#include "lmskurs/date.h"
#include "lmskurs/i18n.h"
#include "lmskurs/text.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

enum { YEAR_MIN = 1900, YEAR_MAX = 2199, ECHO_MAX = 40 };

static const char *const month_names[12] = {
	N_("January"), N_("February"), N_("March"), N_("April"),
	N_("May"), N_("June"), N_("July"), N_("August"),
	N_("September"), N_("October"), N_("November"), N_("December"),
};

static bool is_leap(int year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static int days_in_month(int year, int month)
{
	static const int len[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (month == 2 && is_leap(year))
		return 29;
	return len[month - 1];
}

bool date_valid(lk_date d)
{
	if (d.year < YEAR_MIN || d.year > YEAR_MAX || d.month < 1 || d.month > 12)
		return false;
	return d.day >= 1 && d.day <= days_in_month(d.year, d.month);
}

/* ---- parsing helpers ------------------------------------------------- */

/* A piece of the caller's text: parsing works on (pointer, length) so the
 * text is never copied into a fixed buffer. */
typedef struct span {
	const char *s;
	size_t n;
} span;

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static span span_trim(const char *text)
{
	span sp = { text ? text : "", 0 };
	while (is_blank(*sp.s))
		sp.s++;
	sp.n = strlen(sp.s);
	while (sp.n > 0 && is_blank(sp.s[sp.n - 1]))
		sp.n--;
	return sp;
}

/* Reads a run of decimal digits at *pos; returns how many there were (0 if
 * none) and the value in *val. Runs longer than 9 digits return 10 so the
 * value cannot overflow and the caller refuses the field. */
static int scan_digits(span sp, size_t *pos, int *val)
{
	int count = 0;
	*val = 0;
	while (*pos < sp.n && sp.s[*pos] >= '0' && sp.s[*pos] <= '9') {
		if (count < 9)
			*val = *val * 10 + (sp.s[*pos] - '0');
		count++;
		(*pos)++;
	}
	return count > 9 ? 10 : count;
}

static bool scan_char(span sp, size_t *pos, char c)
{
	if (*pos < sp.n && sp.s[*pos] == c) {
		(*pos)++;
		return true;
	}
	return false;
}

/* Copies at most ECHO_MAX bytes of sp into out for quoting in a message:
 * control bytes become '?' (all non-ASCII bytes too if the text is not valid
 * UTF-8), and the cut never splits a UTF-8 sequence. The text may be
 * anything the user typed; the message must stay printable. */
static void span_echo(span sp, char out[static ECHO_MAX + 4])
{
	size_t n = sp.n;
	bool cut = n > ECHO_MAX;
	if (cut) {
		n = ECHO_MAX;
		while (n > 0 && ((unsigned char)sp.s[n] & 0xC0) == 0x80)
			n--;
	}
	bool utf8 = text_utf8_valid(sp.s, n, NULL);
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)sp.s[i];
		bool bad = c < 0x20 || c == 0x7F || (c >= 0x80 && !utf8);
		out[i] = bad ? '?' : (char)c;
	}
	strcpy(out + n, cut ? "\xE2\x80\xA6" : "");
}

/* ---- dates ----------------------------------------------------------- */

typedef struct date_fields {
	int year, month, day;
	int year_digits, month_digits, day_digits;
} date_fields;

/* Recognises the shapes yyyy-mm-dd and d.m.yyyy: day and month have one or
 * two digits, the year any number, so that "4.3.27" is told to write the
 * year with four digits rather than being called junk. */
static bool date_scan(span sp, date_fields *f)
{
	size_t pos = 0;
	int first;
	int nfirst = scan_digits(sp, &pos, &first);
	if (nfirst == 0)
		return false;
	if (scan_char(sp, &pos, '-')) {
		f->year = first;
		f->year_digits = nfirst;
		f->month_digits = scan_digits(sp, &pos, &f->month);
		if (!scan_char(sp, &pos, '-'))
			return false;
		f->day_digits = scan_digits(sp, &pos, &f->day);
	} else {
		f->day = first;
		f->day_digits = nfirst;
		if (!scan_char(sp, &pos, '.'))
			return false;
		f->month_digits = scan_digits(sp, &pos, &f->month);
		if (!scan_char(sp, &pos, '.'))
			return false;
		f->year_digits = scan_digits(sp, &pos, &f->year);
	}
	return pos == sp.n && f->year_digits >= 1
		&& f->month_digits >= 1 && f->month_digits <= 2
		&& f->day_digits >= 1 && f->day_digits <= 2;
}

static int date_refuse_shape(span sp, lk_err *err)
{
	char echo[ECHO_MAX + 4];
	if (sp.n == 0)
		return lk_fail(err, LK_EINVAL, _("No date given; write it as dd.mm.yyyy"));
	span_echo(sp, echo);
	return lk_fail(err, LK_EINVAL, _("\"%s\" is not a date; write it as dd.mm.yyyy"),
		echo);
}

/* Explains why well-shaped fields are not a date, naming the first wrong
 * part: year, then month, then day. */
static int date_refuse_fields(span sp, const date_fields *f, lk_err *err)
{
	int n = (int)sp.n;
	if (f->year_digits != 4)
		return lk_fail(err, LK_EINVAL,
			_("%.*s is not a date: write the year with four digits"), n, sp.s);
	if (f->year < YEAR_MIN || f->year > YEAR_MAX)
		return lk_fail(err, LK_EINVAL,
			_("%.*s is not a date: the year must be between %d and %d"),
			n, sp.s, YEAR_MIN, YEAR_MAX);
	if (f->month < 1 || f->month > 12)
		return lk_fail(err, LK_EINVAL,
			_("%.*s is not a date: there is no month %d"), n, sp.s, f->month);
	if (f->day < 1)
		return lk_fail(err, LK_EINVAL,
			_("%.*s is not a date: there is no day %d"), n, sp.s, f->day);
	return lk_fail(err, LK_EINVAL, _("%.*s is not a date: %s %d has %d days"),
		n, sp.s, _(month_names[f->month - 1]), f->year,
		days_in_month(f->year, f->month));
}

static int date_parse_span(span sp, lk_date *out, lk_err *err)
{
	date_fields f = { 0 };
	if (!date_scan(sp, &f))
		return date_refuse_shape(sp, err);
	lk_date d = { f.year, f.month, f.day };
	if (f.year_digits != 4 || !date_valid(d))
		return date_refuse_fields(sp, &f, err);
	*out = d;
	return 0;
}

int date_parse(const char *text, lk_date *out, lk_err *err)
{
	return date_parse_span(span_trim(text), out, err);
}

/* ---- times ----------------------------------------------------------- */

static int time_parse_span(span sp, int *hour, int *minute, lk_err *err)
{
	size_t pos = 0;
	int h, m;
	int nh = scan_digits(sp, &pos, &h);
	bool sep = scan_char(sp, &pos, ':') || scan_char(sp, &pos, '.');
	int nm = scan_digits(sp, &pos, &m);
	if (nh < 1 || nh > 2 || !sep || nm != 2 || pos != sp.n) {
		char echo[ECHO_MAX + 4];
		if (sp.n == 0)
			return lk_fail(err, LK_EINVAL, _("No time given; write it as hh:mm"));
		span_echo(sp, echo);
		return lk_fail(err, LK_EINVAL, _("\"%s\" is not a time; write it as hh:mm"),
			echo);
	}
	if (h > 23)
		return lk_fail(err, LK_EINVAL,
			_("%.*s is not a time: the hour must be between 00 and 23"),
			(int)sp.n, sp.s);
	if (m > 59)
		return lk_fail(err, LK_EINVAL,
			_("%.*s is not a time: the minutes must be between 00 and 59"),
			(int)sp.n, sp.s);
	*hour = h;
	*minute = m;
	return 0;
}

int time_parse(const char *text, int *hour, int *minute, lk_err *err)
{
	return time_parse_span(span_trim(text), hour, minute, err);
}

/* Splits "date<T or blanks>time"; 'T' only follows the ISO (dashed) form. */
static bool datetime_split(span sp, span *date, span *time)
{
	size_t i = 0;
	while (i < sp.n && sp.s[i] != 'T' && !is_blank(sp.s[i]))
		i++;
	if (i == 0 || i == sp.n)
		return false;
	*date = (span){ sp.s, i };
	if (sp.s[i] == 'T') {
		if (!memchr(sp.s, '-', i))
			return false;
		i++;
	} else {
		while (i < sp.n && is_blank(sp.s[i]))
			i++;
	}
	*time = (span){ sp.s + i, sp.n - i };
	return time->n > 0;
}

int datetime_parse(const char *text, lk_datetime *out, lk_err *err)
{
	span sp = span_trim(text), ds, ts;
	lk_datetime t;
	if (!datetime_split(sp, &ds, &ts)) {
		char echo[ECHO_MAX + 4];
		if (sp.n == 0)
			return lk_fail(err, LK_EINVAL,
				_("No date and time given; write it as dd.mm.yyyy hh:mm"));
		span_echo(sp, echo);
		return lk_fail(err, LK_EINVAL,
			_("\"%s\" is not a date and time; write it as dd.mm.yyyy hh:mm"), echo);
	}
	if (date_parse_span(ds, &t.date, err) < 0
	    || time_parse_span(ts, &t.hour, &t.minute, err) < 0)
		return -1;
	*out = t;
	return 0;
}

/* ---- formatting ------------------------------------------------------ */

/* Field values are clamped to their printed width so an invalid struct can
 * never overflow the caller's fixed-size buffer. */
static int clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

void date_iso(lk_date d, char buf[static 11])
{
	snprintf(buf, 11, "%04d-%02d-%02d", clamp(d.year, 0, 9999),
		clamp(d.month, 0, 99), clamp(d.day, 0, 99));
}

void datetime_iso(lk_datetime t, char buf[static 17])
{
	date_iso(t.date, buf);
	snprintf(buf + 10, 7, "T%02d:%02d", clamp(t.hour, 0, 99), clamp(t.minute, 0, 99));
}

void date_show(lk_date d, char buf[static 11])
{
	snprintf(buf, 11, "%02d.%02d.%04d", clamp(d.day, 0, 99),
		clamp(d.month, 0, 99), clamp(d.year, 0, 9999));
}

void datetime_show(lk_datetime t, char buf[static 17])
{
	date_show(t.date, buf);
	snprintf(buf + 10, 7, " %02d:%02d", clamp(t.hour, 0, 99), clamp(t.minute, 0, 99));
}

/* ---- day numbers ----------------------------------------------------- */

static long floor_div(long a, long b)
{
	return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

static long floor_mod(long a, long b)
{
	return a - floor_div(a, b) * b;
}

/* days_from_civil: eras of 400 years starting 1 March, so the leap day is
 * the last day of the shifted year. */
long date_to_days(lk_date d)
{
	long y = d.year - (d.month <= 2);
	long era = floor_div(y, 400);
	long yoe = y - era * 400;
	long mp = (d.month + 9) % 12;
	long doy = (153 * mp + 2) / 5 + d.day - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

lk_date date_from_days(long days)
{
	long z = days + 719468;
	long era = floor_div(z, 146097);
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	lk_date d;
	d.day = (int)(doy - (153 * mp + 2) / 5 + 1);
	d.month = (int)(mp < 10 ? mp + 3 : mp - 9);
	d.year = (int)(yoe + era * 400 + (d.month <= 2));
	return d;
}

lk_date date_add_days(lk_date d, long n)
{
	return date_from_days(date_to_days(d) + n);
}

int date_weekday(lk_date d)
{
	/* 1970-01-01 was a Thursday (4). */
	return (int)floor_mod(date_to_days(d) + 3, 7) + 1;
}

/* The ISO week belongs to the year holding its Thursday; the week number is
 * that Thursday's day of year divided into weeks. */
int date_iso_week(lk_date d, int *iso_year)
{
	long thursday = date_to_days(d) + 4 - date_weekday(d);
	lk_date t = date_from_days(thursday);
	long jan1 = date_to_days((lk_date){ t.year, 1, 1 });
	if (iso_year)
		*iso_year = t.year;
	return (int)((thursday - jan1) / 7 + 1);
}

const char *date_weekday_name(int weekday, bool abbreviated)
{
	static const char *const full[7] = {
		N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"),
		N_("Friday"), N_("Saturday"), N_("Sunday"),
	};
	static const char *const abbr[7] = {
		N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"),
	};
	if (weekday < 1 || weekday > 7)
		return "";
	return _(abbreviated ? abbr[weekday - 1] : full[weekday - 1]);
}

int date_cmp(lk_date a, lk_date b)
{
	if (a.year != b.year)
		return a.year < b.year ? -1 : 1;
	if (a.month != b.month)
		return a.month < b.month ? -1 : 1;
	return a.day < b.day ? -1 : a.day > b.day;
}

int datetime_cmp(lk_datetime a, lk_datetime b)
{
	int c = date_cmp(a.date, b.date);
	if (c != 0)
		return c;
	if (a.hour != b.hour)
		return a.hour < b.hour ? -1 : 1;
	return a.minute < b.minute ? -1 : a.minute > b.minute;
}

long long datetime_to_minutes(lk_datetime t)
{
	return (long long)date_to_days(t.date) * 1440 + (long long)t.hour * 60 + t.minute;
}

lk_datetime datetime_from_minutes(long long m)
{
	long long days = m / 1440 - (m % 1440 < 0);
	int rest = (int)(m - days * 1440);
	lk_datetime t = { date_from_days((long)days), rest / 60, rest % 60 };
	return t;
}

long long datetime_diff_minutes(lk_datetime a, lk_datetime b)
{
	return datetime_to_minutes(b) - datetime_to_minutes(a);
}

/* ---- now ------------------------------------------------------------- */

lk_datetime datetime_now(void)
{
	time_t now = time(NULL);
	struct tm tm;
	lk_datetime t = { { 1970, 1, 1 }, 0, 0 };
	if (!localtime_r(&now, &tm))
		return t;
	t.date = (lk_date){ tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday };
	t.hour = tm.tm_hour;
	t.minute = tm.tm_min;
	return t;
}

lk_date date_today(void)
{
	return datetime_now().date;
}

/* ---- holidays -------------------------------------------------------- */

/* Anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
lk_date date_easter(int year)
{
	int a = year % 19, b = year / 100, c = year % 100;
	int d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
	int h = (19 * a + b - d - g + 15) % 30;
	int i = c / 4, k = c % 4;
	int l = (32 + 2 * e + 2 * i - h - k) % 7;
	int m = (a + 11 * h + 22 * l) / 451;
	int n = h + l - 7 * m + 114;
	return (lk_date){ year, n / 31, n % 31 + 1 };
}

static const char *holiday_fixed(lk_date d)
{
	static const struct { int month, day; const char *name; } fixed[] = {
		{ 1, 1, N_("New Year's Day") },
		{ 5, 1, N_("Labour Day") },
		{ 5, 17, N_("Constitution Day") },
		{ 12, 25, N_("Christmas Day") },
		{ 12, 26, N_("Boxing Day") },
	};
	for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++)
		if (fixed[i].month == d.month && fixed[i].day == d.day)
			return fixed[i].name;
	return NULL;
}

static const char *holiday_moving(lk_date d)
{
	static const struct { int offset; const char *name; } moving[] = {
		{ -7, N_("Palm Sunday") },
		{ -3, N_("Maundy Thursday") },
		{ -2, N_("Good Friday") },
		{ 0, N_("Easter Sunday") },
		{ 1, N_("Easter Monday") },
		{ 39, N_("Ascension Day") },
		{ 49, N_("Whit Sunday") },
		{ 50, N_("Whit Monday") },
	};
	long offset = date_to_days(d) - date_to_days(date_easter(d.year));
	for (size_t i = 0; i < sizeof moving / sizeof moving[0]; i++)
		if (moving[i].offset == offset)
			return moving[i].name;
	return NULL;
}

/* Fixed dates are looked up first: in years when Ascension Day falls on
 * 1 or 17 May (2008: 1 May) the fixed name is kept. */
const char *date_holiday(lk_date d)
{
	if (!date_valid(d))
		return NULL;
	const char *name = holiday_fixed(d);
	if (!name)
		name = holiday_moving(d);
	return name ? _(name) : NULL;
}
