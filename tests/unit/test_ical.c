/* test_ical.c — calendar events (agenda.h) and their iCalendar file (ical.h). */
#include <criterion/criterion.h>
#include <libical/ical.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "lmskurs/agenda.h"
#include "lmskurs/course.h"
#include "lmskurs/ical.h"
#include "lmskurs/run.h"
#include "lmskurs/session.h"
#include "lmskurs/text.h"
#include "testlib.h"

/* ---- helpers (private to this file) ---- */

#define TITLE "Leve med diabetes, type 2; kurs"
#define LONG_TOPIC "Kosthold og mat i hverdagen – \"sukker\", fett og fiber, og hvordan en " \
	"lager gode måltider for hele familien uten å bruke for mye penger"

/* An active course with three parts; the second has a long topic. */
static int64_t active_course(lk_ctx *ctx, const char *title)
{
	lk_err err;
	lk_course c = {.title = (char *)title, .audience = LK_AUDIENCE_BOTH};
	cr_assert_eq(course_create(ctx, &c, &err), 0, "%s", err.msg);
	const char *topics[] = {"Å leve med diabetes", LONG_TOPIC, ""};
	for (int i = 0; i < 3; i++) {
		lk_course_part p = {.course_id = c.id, .topic = (char *)(*topics[i] ? topics[i] : "Avslutning"),
			.minutes = 150};
		cr_assert_eq(course_part_add(ctx, &p, &err), 0, "%s", err.msg);
	}
	cr_assert_eq(course_set_phase(ctx, c.id, LK_COURSE_PLANNING, "test", NULL, &err), 0, "%s", err.msg);
	cr_assert_eq(course_set_phase(ctx, c.id, LK_COURSE_ACTIVE, "test", NULL, &err), 0, "%s", err.msg);
	return c.id;
}

/* A run of course_id laid out weekly from first at 17:00 in a room. */
static int64_t scheduled_run(lk_ctx *ctx, int64_t course_id, const char *first, const char *place)
{
	lk_err err;
	lk_run r = {.course_id = course_id, .title = "Våren 2027", .place = (char *)place, .capacity = 12};
	lk_schedule s = {.every_weeks = 1, .hour = 17, .minute = 0, .room = "Møterom Ålesund"};
	cr_assert_eq(date_parse(first, &s.first, NULL), 0);
	cr_assert_eq(run_create_scheduled(ctx, &r, &s, &err), 3, "%s", err.msg);
	return r.id;
}

struct ids {
	int64_t id[16];
	int64_t version[16];
	int n;
};

static int collect_session(void *arg, const lk_session *s)
{
	struct ids *l = arg;
	l->version[l->n] = s->version;
	l->id[l->n++] = s->id;
	return 0;
}

static struct ids sessions_of(lk_ctx *ctx, int64_t run_id)
{
	lk_err err;
	struct ids l = {.n = 0};
	cr_assert_eq(session_list(ctx, run_id, collect_session, &l, &err), 0, "%s", err.msg);
	return l;
}

/* The whole calendar of a run as text. */
static char *run_calendar(lk_ctx *ctx, int64_t run_id, int *n_events)
{
	lk_err err;
	char *id;
	lk_ical *cal;
	cr_assert_eq(agenda_calendar_id(ctx, &id, &err), 0, "%s", err.msg);
	cr_assert_eq(ical_new(id, ctx_now(ctx), &cal, &err), 0, "%s", err.msg);
	cr_assert_eq(agenda_run_events(ctx, run_id, (lk_page){0, 0}, ical_add_event, cal, &err), 0,
		"%s", err.msg);
	char *text = ical_text(cal, &err);
	cr_assert_not_null(text, "%s", err.msg);
	if (n_events)
		*n_events = ical_count(cal);
	ical_free(cal);
	free(id);
	return text;
}

/* The text with folded lines joined again (RFC 5545 3.1). */
static char *unfold(const char *text)
{
	char *out = malloc(strlen(text) + 1), *o = out;
	for (const char *p = text; *p; p++) {
		if (p[0] == '\r' && p[1] == '\n' && (p[2] == ' ' || p[2] == '\t')) {
			p += 2;
			continue;
		}
		*o++ = *p;
	}
	*o = 0;
	return out;
}

/* The value of the first line starting with prefix in the unfolded text of
 * the VEVENT whose UID starts with "session-<id>-", copied to buf. */
static const char *event_line(const char *unfolded, int64_t session_id, const char *prefix,
	char *buf, size_t size)
{
	char uid[64];
	snprintf(uid, sizeof uid, "UID:session-%lld-", (long long)session_id);
	const char *ev = strstr(unfolded, uid);
	cr_assert_not_null(ev, "no event with %s", uid);
	const char *begin = ev;
	while (begin > unfolded && strncmp(begin, "BEGIN:VEVENT", 12) != 0)
		begin--;
	const char *end = strstr(ev, "END:VEVENT");
	for (const char *p = begin; p && p < end; p = strstr(p, "\r\n") ? strstr(p, "\r\n") + 2 : NULL)
		if (strncmp(p, prefix, strlen(prefix)) == 0) {
			size_t n = (size_t)(strstr(p, "\r\n") - p);
			cr_assert_lt(n, size);
			memcpy(buf, p, n);
			buf[n] = 0;
			return buf;
		}
	cr_assert_fail("event %lld has no line %s", (long long)session_id, prefix);
	return NULL;
}

static int count_of(const char *text, const char *needle)
{
	int n = 0;
	for (const char *p = strstr(text, needle); p; p = strstr(p + 1, needle))
		n++;
	return n;
}

static int64_t db_count(lk_ctx *ctx, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_open(tl_db_path(ctx), &db), SQLITE_OK);
	cr_assert_eq(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK, "%s", sqlite3_errmsg(db));
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
	int64_t n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return n;
}

/* A run of the example course, paired, with its second session cancelled. */
static int64_t example_run(lk_ctx *ctx, struct ids *sessions)
{
	lk_err err;
	int64_t run = scheduled_run(ctx, active_course(ctx, TITLE), "2027-03-04", "Aker, bygg 5");
	int64_t people[2] = {tl_person(ctx, "Åse Ødegård", LK_PROFESSIONAL),
		tl_person(ctx, "Nguyễn Thị Hương", LK_USER_REP)};
	cr_assert_eq(run_assign_facilitators(ctx, run, people, 2, &err), 3, "%s", err.msg);
	*sessions = sessions_of(ctx, run);
	cr_assert_eq(sessions->n, 3);
	cr_assert_eq(session_set_status(ctx, sessions->id[1], sessions->version[1],
		LK_SESSION_CANCELLED, &err), 0, "%s", err.msg);
	return run;
}

/* ---- the file's form ---- */

Test(ical, lines_are_crlf_folded_at_75_octets_and_valid_utf8)
{
	lk_ctx *ctx = tl_ctx();
	struct ids s;
	int64_t run = example_run(ctx, &s);
	char *text = run_calendar(ctx, run, NULL);
	cr_assert(strncmp(text, "BEGIN:VCALENDAR\r\n", 17) == 0, "%.40s", text);
	int lines = 0, folded = 0;
	for (const char *p = text; *p;) {
		const char *cr = strstr(p, "\r\n");
		cr_assert_not_null(cr, "the last line has no CRLF");
		size_t n = (size_t)(cr - p);
		cr_assert_leq(n, 75, "line of %zu octets: %.*s", n, (int)n, p);
		cr_assert_null(memchr(p, '\n', n), "a bare LF inside a line");
		cr_assert_null(memchr(p, '\r', n), "a bare CR inside a line");
		cr_assert(text_utf8_valid(p, n, NULL), "folding split a character: %.*s", (int)n, p);
		folded += *p == ' ';
		lines++;
		p = cr + 2;
	}
	cr_assert_gt(lines, 20);
	cr_assert_gt(folded, 0, "the long topic must have been folded");
	free(text);
	ctx_close(ctx);
}

Test(ical, calendar_properties_timezone_and_events)
{
	lk_ctx *ctx = tl_ctx();
	struct ids s;
	int64_t run = example_run(ctx, &s);
	int n;
	char *text = run_calendar(ctx, run, &n);
	char *u = unfold(text);
	char buf[1024];
	cr_assert_eq(n, 3);
	cr_assert(strstr(u, "\r\nVERSION:2.0\r\n"));
	cr_assert(strstr(u, "\r\nPRODID:-//lmskurs//lmskurs "));
	cr_assert(strstr(u, "\r\nMETHOD:PUBLISH\r\n"));
	cr_assert(strstr(u, "\r\nCALSCALE:GREGORIAN\r\n"));
	cr_assert_eq(count_of(u, "BEGIN:VTIMEZONE\r\nTZID:Europe/Oslo\r\n"), 1, "%s", u);
	cr_assert_eq(count_of(u, "BEGIN:VEVENT"), 3);
	cr_assert_str_eq(event_line(u, s.id[0], "DTSTART", buf, sizeof buf),
		"DTSTART;TZID=Europe/Oslo:20270304T170000");
	cr_assert_str_eq(event_line(u, s.id[0], "DTEND", buf, sizeof buf),
		"DTEND;TZID=Europe/Oslo:20270304T193000");
	cr_assert_str_eq(event_line(u, s.id[0], "DTSTAMP", buf, sizeof buf),
		"DTSTAMP:20270110T080000Z", "09:00 in Oslo in January is 08:00 UTC");
	cr_assert_str_eq(event_line(u, s.id[0], "SUMMARY", buf, sizeof buf),
		"SUMMARY:Leve med diabetes\\, type 2\\; kurs – session 1: Å leve med diabetes");
	cr_assert_str_eq(event_line(u, s.id[0], "LOCATION", buf, sizeof buf),
		"LOCATION:Møterom Ålesund\\, Aker\\, bygg 5");
	cr_assert_str_eq(event_line(u, s.id[0], "DESCRIPTION", buf, sizeof buf),
		"DESCRIPTION:Facilitators: Åse Ødegård\\, Nguyễn Thị Hương\\nRun: Våren 2027");
	cr_assert_str_eq(event_line(u, s.id[0], "STATUS", buf, sizeof buf), "STATUS:CONFIRMED");
	cr_assert_str_eq(event_line(u, s.id[1], "STATUS", buf, sizeof buf), "STATUS:CANCELLED",
		"a cancelled session stays in the file so calendars drop it");
	cr_assert(strstr(event_line(u, s.id[1], "SUMMARY", buf, sizeof buf), "\\\"sukker\\\"") == NULL &&
		strstr(buf, "\"sukker\""), "double quotes are not escaped in TEXT: %s", buf);
	free(u);
	free(text);
	ctx_close(ctx);
}

/* Parses text with libical and checks what a calendar program would see. */
Test(ical, parsed_back_by_libical)
{
	lk_ctx *ctx = tl_ctx();
	struct ids s;
	int64_t run = example_run(ctx, &s);
	char *text = run_calendar(ctx, run, NULL);
	icalcomponent *vc = icalparser_parse_string(text);
	cr_assert_not_null(vc);
	cr_assert_eq(icalcomponent_isa(vc), ICAL_VCALENDAR_COMPONENT);
	cr_assert_eq(icalcomponent_count_errors(vc), 0);
	cr_assert_eq(icalcomponent_count_components(vc, ICAL_VEVENT_COMPONENT), 3);
	icalcomponent *vtz = icalcomponent_get_first_component(vc, ICAL_VTIMEZONE_COMPONENT);
	cr_assert_not_null(vtz);
	cr_assert_str_eq(icalproperty_get_tzid(icalcomponent_get_first_property(vtz, ICAL_TZID_PROPERTY)),
		"Europe/Oslo");
	icaltimezone *zone = icalcomponent_get_timezone(vc, "Europe/Oslo");
	cr_assert_not_null(zone, "events' TZID must resolve to the VTIMEZONE in the file");
	int i = 0;
	for (icalcomponent *ve = icalcomponent_get_first_component(vc, ICAL_VEVENT_COMPONENT); ve;
	     ve = icalcomponent_get_next_component(vc, ICAL_VEVENT_COMPONENT), i++) {
		icalproperty *p = icalcomponent_get_first_property(ve, ICAL_DTSTART_PROPERTY);
		icalparameter *tz = icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER);
		cr_assert_str_eq(icalparameter_get_tzid(tz), "Europe/Oslo");
		char uid[80];
		snprintf(uid, sizeof uid, "session-%lld-", (long long)s.id[i]);
		cr_assert(strncmp(icalcomponent_get_uid(ve), uid, strlen(uid)) == 0, "%s",
			icalcomponent_get_uid(ve));
		cr_assert(strstr(icalcomponent_get_uid(ve), "@lmskurs"));
		struct icaltimetype start = icalproperty_get_dtstart(p);
		start.zone = zone;
		struct icaltimetype utc = icaltime_convert_to_zone(start, icaltimezone_get_utc_timezone());
		cr_assert_eq(utc.hour, 16, "17:00 in Oslo in March (before summer time) is 16:00 UTC");
	}
	cr_assert_str_eq(icalcomponent_get_summary(icalcomponent_get_first_component(vc,
		ICAL_VEVENT_COMPONENT)), "Leve med diabetes, type 2; kurs – session 1: Å leve med diabetes",
		"the escaped comma and semicolon read back as typed");
	icalcomponent_free(vc);
	free(text);
	ctx_close(ctx);
}

Test(ical, summer_time_session_converts_with_two_hours)
{
	lk_ctx *ctx = tl_ctx();
	int64_t run = scheduled_run(ctx, active_course(ctx, "Sommerkurs"), "2027-06-07", "");
	char *text = run_calendar(ctx, run, NULL);
	icalcomponent *vc = icalparser_parse_string(text);
	icaltimezone *zone = icalcomponent_get_timezone(vc, "Europe/Oslo");
	cr_assert_not_null(zone);
	icalcomponent *ve = icalcomponent_get_first_component(vc, ICAL_VEVENT_COMPONENT);
	struct icaltimetype start = icalcomponent_get_dtstart(ve);
	start.zone = zone;
	struct icaltimetype utc = icaltime_convert_to_zone(start, icaltimezone_get_utc_timezone());
	cr_assert_eq(utc.hour, 15, "17:00 in Oslo in June is 15:00 UTC");
	cr_assert_null(strstr(text, "LOCATION:Møterom Ålesund,"), "no place: the room alone");
	icalcomponent_free(vc);
	free(text);
	ctx_close(ctx);
}

/* ---- stable identities ---- */

Test(ical, uids_stable_across_exports_and_distinct_between_databases)
{
	lk_ctx *ctx = tl_ctx();
	struct ids s;
	int64_t run = example_run(ctx, &s);
	char *a = run_calendar(ctx, run, NULL), *b = run_calendar(ctx, run, NULL);
	char *ua = unfold(a), *ub = unfold(b);
	char x[256], y[256];
	for (int i = 0; i < 3; i++)
		cr_assert_str_eq(event_line(ua, s.id[i], "UID", x, sizeof x),
			event_line(ub, s.id[i], "UID", y, sizeof y));
	cr_assert_eq(db_count(ctx, "SELECT count(*) FROM meta WHERE key = 'calendar_id'"), 1);
	cr_assert_eq(db_count(ctx, "SELECT count(*) FROM audit WHERE entity = 'meta'"), 1,
		"the id is made (and audited) once");
	lk_ctx *other = tl_ctx();
	lk_err err;
	char *id1, *id2;
	cr_assert_eq(agenda_calendar_id(ctx, &id1, &err), 0, "%s", err.msg);
	cr_assert_eq(agenda_calendar_id(other, &id2, &err), 0, "%s", err.msg);
	cr_assert_eq(strlen(id1), 36);
	cr_assert_eq(id1[14], '4', "a version 4 UUID: %s", id1);
	cr_assert_str_neq(id1, id2, "two databases, two calendars");
	cr_assert(strstr(x, id1), "%s", x);
	free(id1);
	free(id2);
	free(ua);
	free(ub);
	free(a);
	free(b);
	ctx_close(other);
	ctx_close(ctx);
}

Test(ical, sequence_grows_after_a_session_edit_and_a_run_cancel)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	struct ids s;
	int64_t run = example_run(ctx, &s);
	char *t1 = run_calendar(ctx, run, NULL), *u1 = unfold(t1);
	char b1[64], b2[64];
	cr_assert_str_eq(event_line(u1, s.id[0], "SEQUENCE", b1, sizeof b1), "SEQUENCE:0");
	cr_assert_str_eq(event_line(u1, s.id[1], "SEQUENCE", b1, sizeof b1), "SEQUENCE:1",
		"cancelling changed the session");
	lk_session ses;
	cr_assert_eq(session_get(ctx, s.id[0], &ses, &err), 0, "%s", err.msg);
	ses.starts_at.hour = 16;
	cr_assert_eq(session_update(ctx, &ses, &err), 0, "%s", err.msg);
	session_free(&ses);
	char *t2 = run_calendar(ctx, run, NULL), *u2 = unfold(t2);
	cr_assert_str_eq(event_line(u2, s.id[0], "SEQUENCE", b2, sizeof b2), "SEQUENCE:1");
	cr_assert_str_eq(event_line(u2, s.id[0], "DTSTART", b2, sizeof b2),
		"DTSTART;TZID=Europe/Oslo:20270304T160000");
	cr_assert_str_eq(event_line(u2, s.id[2], "SEQUENCE", b2, sizeof b2), "SEQUENCE:0",
		"an untouched session keeps its sequence");
	cr_assert_eq(run_set_phase(ctx, run, LK_RUN_CANCELLED, "for få påmeldte", NULL, &err), 0,
		"%s", err.msg);
	char *t3 = run_calendar(ctx, run, NULL), *u3 = unfold(t3);
	cr_assert_str_eq(event_line(u3, s.id[2], "STATUS", b2, sizeof b2), "STATUS:CANCELLED");
	cr_assert_str_eq(event_line(u3, s.id[2], "SEQUENCE", b2, sizeof b2), "SEQUENCE:1");
	char *all[] = {t1, u1, t2, u2, t3, u3};
	for (int i = 0; i < 6; i++)
		free(all[i]);
	ctx_close(ctx);
}

/* ---- which sessions ---- */

struct seen {
	char text[2048];
	int n;
};

static int note_event(void *arg, const lk_agenda_event *ev)
{
	struct seen *s = arg;
	char line[256];
	snprintf(line, sizeof line, "%04d-%02d-%02d %s %d%s|", ev->starts_at.date.year,
		ev->starts_at.date.month, ev->starts_at.date.day, ev->course_title, ev->seq,
		ev->cancelled ? " x" : "");
	strcat(s->text, line);
	s->n++;
	return 0;
}

Test(ical, person_gets_own_sessions_across_runs_in_time_order)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t a = scheduled_run(ctx, active_course(ctx, "Kols"), "2027-03-04", "");
	int64_t b = scheduled_run(ctx, active_course(ctx, "Hjertekurs"), "2027-03-05", "");
	int64_t me = tl_person(ctx, "Олена Петренко", LK_USER_REP);
	int64_t other = tl_person(ctx, "Kari", LK_PROFESSIONAL);
	struct ids sa = sessions_of(ctx, a), sb = sessions_of(ctx, b);
	cr_assert_eq(session_facilitator_add(ctx, sa.id[2], me, &err), 0, "%s", err.msg);
	cr_assert_eq(session_facilitator_add(ctx, sb.id[0], me, &err), 0, "%s", err.msg);
	cr_assert_eq(session_facilitator_add(ctx, sa.id[0], other, &err), 0, "%s", err.msg);
	cr_assert_eq(run_set_phase(ctx, b, LK_RUN_CANCELLED, "avlyst", NULL, &err), 0, "%s", err.msg);
	struct seen seen = {.n = 0};
	seen.text[0] = 0;
	cr_assert_eq(agenda_person_events(ctx, me, (lk_page){0, 0}, note_event, &seen, &err), 0,
		"%s", err.msg);
	cr_assert_str_eq(seen.text, "2027-03-05 Hjertekurs 1 x|2027-03-18 Kols 3|");
	seen.text[0] = 0;
	cr_assert_eq(agenda_person_events(ctx, me, (lk_page){1, 5}, note_event, &seen, &err), 0);
	cr_assert_str_eq(seen.text, "2027-03-18 Kols 3|", "paged");
	cr_assert_eq(agenda_person_events(ctx, 999, (lk_page){0, 0}, note_event, &seen, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	cr_assert_eq(agenda_run_events(ctx, 999, (lk_page){0, 0}, note_event, &seen, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	ctx_close(ctx);
}

Test(ical, every_role_may_export_a_calendar)
{
	lk_ctx *ctx = tl_ctx();
	struct ids s;
	int64_t run = example_run(ctx, &s);
	lk_ctx *staff = tl_ctx_as(ctx, "vert", LK_ROLE_STAFF);
	lk_ctx *rep = tl_ctx_as(ctx, "bruker", LK_ROLE_USER_REP);
	int n;
	char *a = run_calendar(staff, run, &n);
	cr_assert_eq(n, 3);
	char *b = run_calendar(rep, run, &n);
	cr_assert_eq(n, 3);
	cr_assert_not_null(strstr(b, "UID:"));
	cr_assert_str_eq(strstr(a, "UID:"), strstr(b, "UID:"), "the same events for everyone");
	free(a);
	free(b);
	ctx_close(rep);
	ctx_close(staff);
	ctx_close(ctx);
}

/* ---- the file ---- */

Test(ical, saved_file_is_0644_and_replaced_whole)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	struct ids s;
	int64_t run = example_run(ctx, &s);
	char path[512];
	snprintf(path, sizeof path, "%s/kurs.ics", tl_tmpdir());
	FILE *f = fopen(path, "w");
	fputs("old content that is longer than nothing", f);
	fclose(f);
	char *id;
	lk_ical *cal;
	cr_assert_eq(agenda_calendar_id(ctx, &id, &err), 0);
	cr_assert_eq(ical_new(id, ctx_now(ctx), &cal, &err), 0, "%s", err.msg);
	cr_assert_eq(agenda_run_events(ctx, run, (lk_page){0, 0}, ical_add_event, cal, &err), 0);
	cr_assert_eq(ical_save(cal, path, &err), 0, "%s", err.msg);
	struct stat st;
	cr_assert_eq(stat(path, &st), 0);
	cr_assert_eq(st.st_mode & 0777, 0644, "no participant in it: readable by others is fine");
	char *text = ical_text(cal, &err);
	cr_assert_eq((size_t)st.st_size, strlen(text));
	char bad[600];
	snprintf(bad, sizeof bad, "%s/no/such/folder/kurs.ics", tl_tmpdir());
	cr_assert_eq(ical_save(cal, bad, &err), -1);
	cr_assert_eq(err.code, LK_EIO);
	cr_assert(strstr(err.msg, "Cannot write") && strstr(err.msg, "kurs.ics"), "%s", err.msg);
	free(text);
	ical_free(cal);
	free(id);
	ctx_close(ctx);
}

Test(ical, empty_calendar_is_still_valid)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	lk_ical *cal;
	cr_assert_eq(ical_new("x", ctx_now(ctx), &cal, &err), 0, "%s", err.msg);
	char *text = ical_text(cal, &err);
	icalcomponent *vc = icalparser_parse_string(text);
	cr_assert_not_null(vc);
	cr_assert_eq(icalcomponent_count_components(vc, ICAL_VEVENT_COMPONENT), 0);
	cr_assert_eq(icalcomponent_count_components(vc, ICAL_VTIMEZONE_COMPONENT), 1);
	icalcomponent_free(vc);
	free(text);
	ical_free(cal);
	ctx_close(ctx);
}

Test(ical, a_kept_failure_is_reported_by_save)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	lk_ical *cal;
	cr_assert_eq(ical_new("x", ctx_now(ctx), &cal, &err), 0);
	lk_agenda_event bad = {.session_id = 1, .seq = 4, .course_title = "Kurs", .topic = "",
		.room = "", .place = "", .run_title = "", .facilitators = ""};
	cr_assert_eq(ical_add_event(cal, &bad), 1, "an event without a time stops the list");
	char path[512];
	snprintf(path, sizeof path, "%s/kept.ics", tl_tmpdir());
	cr_assert_eq(ical_save(cal, path, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	cr_assert(strstr(err.msg, "Session 4"), "%s", err.msg);
	struct stat st;
	cr_assert_neq(stat(path, &st), 0, "nothing written");
	ical_free(cal);
	ctx_close(ctx);
}

/* ---- a run laid out in one step ---- */

static int64_t run_rows(lk_ctx *ctx)
{
	return db_count(ctx, "SELECT (SELECT count(*) FROM run) * 1000000 + (SELECT count(*) FROM session) * 1000"
			     " + (SELECT count(*) FROM checklist_item WHERE run_id IS NOT NULL) * 10"
			     " + (SELECT count(*) FROM audit WHERE entity IN ('run', 'session', 'checklist_item'))");
}

Test(ical, run_create_scheduled_makes_run_and_sessions_together)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t course = active_course(ctx, "Kols");
	lk_run r = {.course_id = course, .title = "Høst", .place = "Ullevål", .capacity = 8};
	lk_schedule s = {.first = {2027, 5, 3}, .every_weeks = 2, .hour = 10, .minute = 15, .room = "Rom 3"};
	cr_assert_eq(run_create_scheduled(ctx, &r, &s, &err), 3, "%s", err.msg);
	cr_assert_gt(r.id, 0);
	lk_run got;
	cr_assert_eq(run_get(ctx, r.id, &got, &err), 0, "%s", err.msg);
	cr_assert_eq(got.n_sessions, 3);
	cr_assert_eq(got.capacity, 8);
	cr_assert_eq(got.phase, LK_RUN_SCHEDULING);
	cr_assert_eq(date_cmp(got.last_date, (lk_date){2027, 5, 31}), 0, "every second week");
	run_free(&got);
	struct seen seen = {.n = 0};
	seen.text[0] = 0;
	cr_assert_eq(agenda_run_events(ctx, r.id, (lk_page){0, 2}, note_event, &seen, &err), 0);
	cr_assert_str_eq(seen.text, "2027-05-03 Kols 1|2027-05-17 Kols 2|", "paged by two");
	ctx_close(ctx);
}

Test(ical, run_create_scheduled_refused_leaves_nothing)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t course = active_course(ctx, "Kols");
	lk_course idea = {.title = "Bare en idé", .audience = LK_AUDIENCE_PATIENTS};
	cr_assert_eq(course_create(ctx, &idea, &err), 0, "%s", err.msg);
	int64_t before = run_rows(ctx);
	lk_schedule late = {.first = {2027, 5, 3}, .every_weeks = 1, .hour = 22, .minute = 0};
	lk_run r = {.course_id = course, .capacity = 8};
	cr_assert_eq(run_create_scheduled(ctx, &r, &late, &err), -1, "150 minutes from 22:00 passes midnight");
	cr_assert_eq(err.code, LK_ERULE);
	cr_assert(strstr(err.msg, "midnight"), "%s", err.msg);
	cr_assert_eq(r.id, 0, "no id of a run that was rolled back");
	cr_assert_eq(r.version, 0);
	cr_assert_eq(run_rows(ctx), before, "the run made before the schedule failed is gone too");
	lk_schedule ok = {.first = {2027, 5, 3}, .every_weeks = 1, .hour = 12};
	lk_run r2 = {.course_id = idea.id};
	cr_assert_eq(run_create_scheduled(ctx, &r2, &ok, &err), -1);
	cr_assert_eq(err.code, LK_ERULE, "the course is still an idea: %s", err.msg);
	lk_schedule weeks = {.first = {2027, 5, 3}, .every_weeks = 9, .hour = 12};
	lk_run r3 = {.course_id = course};
	cr_assert_eq(run_create_scheduled(ctx, &r3, &weeks, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	lk_ctx *staff = tl_ctx_as(ctx, "vert", LK_ROLE_STAFF);
	before = run_rows(ctx);
	lk_run r4 = {.course_id = course};
	cr_assert_eq(run_create_scheduled(staff, &r4, &ok, &err), -1);
	cr_assert_eq(err.code, LK_EPERM);
	cr_assert_eq(run_rows(ctx), before);
	lk_run r5 = {.course_id = course};
	cr_assert_eq(run_create_scheduled(ctx, &r5, &ok, &err), 3, "%s", err.msg);
	cr_assert_gt(run_rows(ctx), before, "allowed: written");
	ctx_close(staff);
	ctx_close(ctx);
}
