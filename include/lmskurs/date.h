/*
 * date.h — calendar dates and local times as the domain uses them.
 *
 * Stored form: ISO 8601 local time text, "2027-03-04" and "2027-03-04T12:30".
 * Shown form:  "04.03.2027" and "04.03.2027 12:30", weekday names and ISO
 * week numbers ("uke 10") in the UI language. Pure functions, no time zones:
 * all times are Norwegian local wall-clock time.
 */
#ifndef LMSKURS_DATE_H
#define LMSKURS_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include "lmskurs/err.h"

typedef struct lk_date {
	int year, month, day; /* 1-based month and day */
} lk_date;

typedef struct lk_datetime {
	lk_date date;
	int hour, minute;
} lk_datetime;

/* True for a real calendar date in years 1900..2199 (31.02.2027 is not). */
bool date_valid(lk_date d);

/* Parses "2027-03-04", "04.03.2027", "4.3.2027". Leading/trailing spaces are
 * ignored. On failure fills err (LK_EINVAL) naming the text and what is wrong,
 * e.g. "31.02.2027 is not a date: February 2027 has 28 days". */
int date_parse(const char *text, lk_date *out, lk_err *err);

/* Parses "HH:MM" (also "H:MM", "HH.MM"); 00:00..23:59. */
int time_parse(const char *text, int *hour, int *minute, lk_err *err);

/* Parses "2027-03-04T12:30", "2027-03-04 12:30" or "04.03.2027 12:30". */
int datetime_parse(const char *text, lk_datetime *out, lk_err *err);

/* Writes "2027-03-04" / "2027-03-04T12:30" into buf (>= 17 bytes). */
void date_iso(lk_date d, char buf[static 11]);
void datetime_iso(lk_datetime t, char buf[static 17]);

/* Writes "04.03.2027" / "04.03.2027 12:30". */
void date_show(lk_date d, char buf[static 11]);
void datetime_show(lk_datetime t, char buf[static 17]);

/* 1 = Monday .. 7 = Sunday. */
int date_weekday(lk_date d);

/* ISO 8601 week number (1..53); *iso_year may differ from d.year near new year
 * (pass NULL if not needed). */
int date_iso_week(lk_date d, int *iso_year);

/* Localised weekday name, full ("mandag") or short ("man"), via gettext
 * (English msgids "Monday", "Mon"). Returns "" for a weekday outside 1..7. */
const char *date_weekday_name(int weekday, bool abbreviated);

/* Days since 1970-01-01 (may be negative) and back. */
long date_to_days(lk_date d);
lk_date date_from_days(long days);
lk_date date_add_days(lk_date d, long n);

/* <0, 0, >0 like strcmp. */
int date_cmp(lk_date a, lk_date b);
int datetime_cmp(lk_datetime a, lk_datetime b);

/* Minutes since 1970-01-01T00:00 (wall clock, no DST) and the difference b - a. */
long long datetime_to_minutes(lk_datetime t);
lk_datetime datetime_from_minutes(long long m);
long long datetime_diff_minutes(lk_datetime a, lk_datetime b);

/* Today's local date and now, from time(NULL) and localtime_r. */
lk_date date_today(void);
lk_datetime datetime_now(void);

/* Easter Sunday of a Gregorian year (anonymous Gregorian algorithm). */
lk_date date_easter(int year);

/* If d is a Norwegian public holiday (helligdag or 1 and 17 May) returns its
 * localised name ("Skjærtorsdag", "Kristi himmelfartsdag" …), else NULL.
 * Covers: 1 Jan, Palm Sunday, Maundy Thursday, Good Friday, Easter Sunday
 * and Monday, 1 May, 17 May, Ascension Day, Whit Sunday and Monday, 25 and
 * 26 Dec. When a moving holiday falls on 1 or 17 May (Ascension Day 2008,
 * 2007) the May name is returned. NULL for an invalid date. */
const char *date_holiday(lk_date d);

#endif
