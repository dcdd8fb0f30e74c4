/* agenda.c — sessions as calendar events, with their run's place and
 * state and their facilitators' names, in one query. */
#include "store_impl.h"

#include <stdlib.h>

#include "lmskurs/i18n.h"
#include "lmskurs/store/agenda.h"

/* Facilitators' names, professionals first ('professional' < 'user_rep'). */
#define EVENT_FACILITATORS \
	"(SELECT group_concat(name, ', ') FROM (SELECT p.name FROM session_facilitator f" \
	"  JOIN person p ON p.id = f.person_id WHERE f.session_id = s.id" \
	"  ORDER BY p.kind, p.name COLLATE NOCASE, p.id))"

#define EVENT_SELECT \
	"SELECT s.id, s.run_id, s.seq, s.starts_at, s.ends_at, s.topic, s.room, r.place," \
	"       c.title, r.title, " EVENT_FACILITATORS "," \
	"       s.status = 'cancelled' OR r.phase = 'cancelled', (s.version - 1) + (r.version - 1)" \
	"  FROM session s JOIN run r ON r.id = s.run_id JOIN course c ON c.id = r.course_id"

static lk_datetime col_datetime(sqlite3_stmt *st, int i)
{
	lk_datetime t = {{0, 0, 0}, 0, 0};
	const char *s = (const char *)sqlite3_column_text(st, i);
	if (!s || datetime_parse(s, &t, NULL) < 0)
		t = (lk_datetime){{0, 0, 0}, 0, 0};
	return t;
}

static void read_event(sqlite3_stmt *st, lk_agenda_event *ev)
{
	ev->session_id = sqlite3_column_int64(st, 0);
	ev->run_id = sqlite3_column_int64(st, 1);
	ev->seq = sqlite3_column_int(st, 2);
	ev->starts_at = col_datetime(st, 3);
	ev->ends_at = col_datetime(st, 4);
	ev->topic = st_col_text(st, 5);
	ev->room = st_col_text(st, 6);
	ev->place = st_col_text(st, 7);
	ev->course_title = st_col_text(st, 8);
	ev->run_title = st_col_text(st, 9);
	ev->facilitators = st_col_text(st, 10);
	ev->cancelled = sqlite3_column_int(st, 11) != 0;
	ev->sequence = sqlite3_column_int64(st, 12);
}

static bool event_complete(const lk_agenda_event *ev)
{
	return ev->topic && ev->room && ev->place && ev->course_title && ev->run_title &&
	       ev->facilitators;
}

static int stream_events(lk_db *db, sqlite3_stmt *st, lk_page page,
	int (*each)(void *, const lk_agenda_event *), void *arg, lk_err *err)
{
	st_bind_int(st, 2, page.limit > 0 ? page.limit : -1);
	st_bind_int(st, 3, page.offset);
	int rc, stop = 0;
	bool nomem = false;
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		lk_agenda_event ev;
		read_event(st, &ev);
		nomem = !event_complete(&ev);
		stop = nomem || each(arg, &ev);
		agenda_event_free(&ev);
	}
	sqlite3_reset(st);
	if (nomem)
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	return stop || rc == SQLITE_DONE ? 0 : st_fail(db, rc, _("reading sessions"), err);
}

int store_agenda_run(lk_db *db, int64_t run_id, lk_page page,
	int (*each)(void *, const lk_agenda_event *), void *arg, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, EVENT_SELECT " WHERE s.run_id = ?1 ORDER BY s.seq LIMIT ?2 OFFSET ?3",
			&st, err) < 0)
		return -1;
	st_bind_int(st, 1, run_id);
	return stream_events(db, st, page, each, arg, err);
}

int store_agenda_person(lk_db *db, int64_t person_id, lk_page page,
	int (*each)(void *, const lk_agenda_event *), void *arg, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, EVENT_SELECT " WHERE s.id IN (SELECT session_id FROM session_facilitator"
			   " WHERE person_id = ?1) ORDER BY s.starts_at, s.id LIMIT ?2 OFFSET ?3",
			&st, err) < 0)
		return -1;
	st_bind_int(st, 1, person_id);
	return stream_events(db, st, page, each, arg, err);
}
