#include "store_impl.h"

#include "lmskurs/i18n.h"
#include "lmskurs/store/conflict.h"

/*
 * The pair search. For each session a (driver), candidates b come from a
 * range search on session_starts: b starts between the start of a's day
 * (moved back by the longest multi-day span of any session, usually 0) and
 * a's end; b.ends_at > a.starts_at then makes it an exact overlap. So a
 * session is only compared with sessions of the same day or overlapping
 * range, never with the whole table. (Keep b's lower bound one term: with
 * two, SQLite may pick the wrong one for the index range.)
 *
 * Parameters: ?1 run id, ?2 session id, ?3 lower bound on starts_at
 * ('' for none, so the bound stays an index range), ?4 the look-back
 * modifier from LIM_SQL.
 */
/* The longest span of days any session covers ("-1 days" for one that
 * ends the next day, "-0 days" when every session ends the day it starts),
 * read before the pair search and bound as ?4. The WHERE clause is the one
 * of the partial index session_multi_day (schema/0003), so this reads only
 * multi-day sessions. */
#define LIM_SQL \
	"SELECT '-' || coalesce(max(CAST(julianday(substr(ends_at, 1, 10))" \
	" - julianday(substr(starts_at, 1, 10)) AS INTEGER)), 0) || ' days'" \
	" FROM session WHERE substr(ends_at, 1, 10) <> substr(starts_at, 1, 10)"

#define SESSION_COLS(t, c) \
	t ".id, " t ".run_id, " c ".title, " t ".seq, " t ".starts_at, " t ".ends_at, " t ".room"

#define A_FROM \
	" FROM session a JOIN run ra ON ra.id = a.run_id JOIN course ca ON ca.id = ra.course_id"

#define A_LIVE " a.status <> 'cancelled' AND ra.phase <> 'cancelled' AND a.starts_at >= ?3"

/* CROSS JOIN is SQLite's way to pin the loop order: a outside, b inside by
 * the time range (without it the facilitator query would walk every
 * session of each person). It is still an indexed join, not a product. */
#define PAIR_FROM \
	" FROM session a CROSS JOIN session b" \
	" ON b.starts_at >= max(date(a.starts_at, ?4), ?3) AND b.starts_at < a.ends_at" \
	" JOIN run ra ON ra.id = a.run_id JOIN course ca ON ca.id = ra.course_id" \
	" JOIN run rb ON rb.id = b.run_id JOIN course cb ON cb.id = rb.course_id"

#define PAIR_LIVE \
	A_LIVE " AND b.status <> 'cancelled' AND rb.phase <> 'cancelled'" \
	" AND b.ends_at > a.starts_at AND b.id <> a.id"

/* Each pair once. All: a is the one starting first (then the lower id).
 * Run: a is the run's session (both the run's: the lower id). */
#define ONCE_ALL " AND (b.starts_at > a.starts_at OR (b.starts_at = a.starts_at AND b.id > a.id))"
#define ONCE_RUN " AND a.run_id = ?1 AND (b.run_id <> ?1 OR b.id > a.id)"
#define ONCE_SESSION " AND a.id = ?2"

#define ROOM_SQL(once) \
	"SELECT " SESSION_COLS("a", "ca") ", " SESSION_COLS("b", "cb") PAIR_FROM \
	" WHERE" PAIR_LIVE " AND a.room <> '' AND b.room <> ''" once \
	" ORDER BY a.starts_at, a.id, b.starts_at, b.id"

#define FACILITATOR_SQL(once) \
	"SELECT " SESSION_COLS("a", "ca") ", " SESSION_COLS("b", "cb") ", p.id, p.name" PAIR_FROM \
	" CROSS JOIN session_facilitator fa ON fa.session_id = a.id" \
	" CROSS JOIN session_facilitator fb ON fb.session_id = b.id AND fb.person_id = fa.person_id" \
	" JOIN person p ON p.id = fa.person_id" \
	" WHERE" PAIR_LIVE once \
	" ORDER BY a.starts_at, a.id, b.starts_at, b.id, p.id"

#define SESSIONS_SQL(driver) \
	"SELECT " SESSION_COLS("a", "ca") A_FROM " WHERE" A_LIVE driver " ORDER BY a.starts_at, a.id"

enum { Q_ALL, Q_RUN, Q_SESSION, Q_COUNT };

static const char *const room_sql[Q_COUNT] = {
	ROOM_SQL(ONCE_ALL), ROOM_SQL(ONCE_RUN), ROOM_SQL(ONCE_SESSION),
};
static const char *const facilitator_sql[Q_COUNT] = {
	FACILITATOR_SQL(ONCE_ALL), FACILITATOR_SQL(ONCE_RUN), FACILITATOR_SQL(ONCE_SESSION),
};
static const char *const sessions_sql[Q_COUNT] = {
	SESSIONS_SQL(""), SESSIONS_SQL(" AND a.run_id = ?1"), SESSIONS_SQL(" AND a.id = ?2"),
};

static int query_scope(const lk_conflict_query *q)
{
	if (q->session_id)
		return Q_SESSION;
	return q->run_id ? Q_RUN : Q_ALL;
}

static void bind_query(sqlite3_stmt *st, const lk_conflict_query *q)
{
	st_bind_int(st, 1, q->run_id);
	st_bind_int(st, 2, q->session_id);
	st_bind_text(st, 3, q->from_iso ? q->from_iso : "");
}

/* Binds ?4 with the look-back modifier; one scan of session, done once. */
static int bind_lookback(lk_db *db, sqlite3_stmt *pair, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, LIM_SQL, &st, err) < 0)
		return -1;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		sqlite3_bind_text(pair, 4, (const char *)sqlite3_column_text(st, 0), -1, SQLITE_TRANSIENT);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : st_fail(db, rc, _("looking for double bookings"), err);
}

/* Borrowed column text: valid until the statement steps or resets. */
static const char *col_str(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return t ? (const char *)t : "";
}

static void read_session(sqlite3_stmt *st, int c, lk_conflict_session *s)
{
	s->id = sqlite3_column_int64(st, c);
	s->run_id = sqlite3_column_int64(st, c + 1);
	s->course_title = col_str(st, c + 2);
	s->seq = sqlite3_column_int(st, c + 3);
	s->starts_at = col_str(st, c + 4);
	s->ends_at = col_str(st, c + 5);
	s->room = col_str(st, c + 6);
}

static void read_pair(sqlite3_stmt *st, lk_conflict_kind kind, lk_conflict *c)
{
	*c = (lk_conflict){.kind = kind};
	read_session(st, 0, &c->a);
	read_session(st, 7, &c->b);
	if (kind == LK_CONFLICT_FACILITATOR) {
		c->person_id = sqlite3_column_int64(st, 14);
		c->person_name = col_str(st, 15);
	}
}

int store_conflict_pairs(lk_db *db, lk_conflict_kind kind, const lk_conflict_query *q,
	int (*each)(void *, const lk_conflict *), void *arg, lk_err *err)
{
	const char *const *sqls = kind == LK_CONFLICT_ROOM ? room_sql : facilitator_sql;
	sqlite3_stmt *st;
	if (st_prepare(db, sqls[query_scope(q)], &st, err) < 0)
		return -1;
	bind_query(st, q);
	if (bind_lookback(db, st, err) < 0)
		return -1;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		lk_conflict c;
		read_pair(st, kind, &c);
		if (each(arg, &c))
			break;
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : st_fail(db, rc, _("looking for double bookings"), err);
}

int store_conflict_sessions(lk_db *db, const lk_conflict_query *q,
	int (*each)(void *, const lk_conflict_session *), void *arg, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, sessions_sql[query_scope(q)], &st, err) < 0)
		return -1;
	bind_query(st, q);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		lk_conflict_session s;
		read_session(st, 0, &s);
		if (each(arg, &s))
			break;
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : st_fail(db, rc, _("reading sessions"), err);
}

int store_conflict_run_exists(lk_db *db, int64_t run_id, lk_err *err)
{
	return st_get_one(db, "SELECT 1 FROM run WHERE id = ?", run_id, NULL, NULL,
		_("reading sessions"), err);
}

int store_conflict_session_exists(lk_db *db, int64_t session_id, lk_err *err)
{
	return st_get_one(db, "SELECT 1 FROM session WHERE id = ?", session_id, NULL, NULL,
		_("reading sessions"), err);
}

/* ---- query plans, for tests ---- */

#define EQP "EXPLAIN QUERY PLAN "

static const struct {
	const char *name, *sql;
} plans[] = {
	{"room/all", EQP ROOM_SQL(ONCE_ALL)},
	{"room/run", EQP ROOM_SQL(ONCE_RUN)},
	{"room/session", EQP ROOM_SQL(ONCE_SESSION)},
	{"facilitator/all", EQP FACILITATOR_SQL(ONCE_ALL)},
	{"facilitator/run", EQP FACILITATOR_SQL(ONCE_RUN)},
	{"facilitator/session", EQP FACILITATOR_SQL(ONCE_SESSION)},
	{"sessions/all", EQP SESSIONS_SQL("")},
	{"sessions/run", EQP SESSIONS_SQL(" AND a.run_id = ?1")},
	{"sessions/session", EQP SESSIONS_SQL(" AND a.id = ?2")},
	{"lookback", EQP LIM_SQL},
};

static int explain_one(lk_db *db, size_t i,
	void (*line)(void *, const char *, const char *), void *arg, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, plans[i].sql, &st, err) < 0)
		return -1;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		line(arg, plans[i].name, col_str(st, 3));
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : st_fail(db, rc, "explaining a query", err);
}

int store_conflict_plan(lk_db *db, void (*line)(void *, const char *, const char *),
	void *arg, lk_err *err)
{
	for (size_t i = 0; i < sizeof plans / sizeof plans[0]; i++)
		if (explain_one(db, i, line, arg, err) < 0)
			return -1;
	return 0;
}
