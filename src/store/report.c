/* store/report.c — the SQL of the reports (see store/report.h). Every
 * figure is aggregated here, in one statement per report, so a report over
 * twenty years reads each table once instead of row by row in C. */
#include "store_impl.h"

#include <stdio.h>

#include "lmskurs/i18n.h"
#include "lmskurs/store/report.h"

/* Session s is expected of enrollment e: attendance.h's definition, word
 * for word the one in src/store/attendance.c (its EXPECTED). */
#define EXPECTED \
	"(s.status <> 'cancelled' AND e.placed_at IS NOT NULL" \
	" AND substr(s.starts_at, 1, 10) >= substr(e.placed_at, 1, 10)" \
	" AND (e.status <> 'cancelled' OR substr(s.starts_at, 1, 10) < substr(e.cancelled_at, 1, 10)))"

/* A session's or meeting's length in whole minutes. */
#define MINUTES(t) "CAST(round((julianday(" t ".ends_at) - julianday(" t ".starts_at)) * 1440) AS INTEGER)"

/* The grouping key of a slice from ?3 (lk_report_by) and a date column. */
#define SLICE_KEY(date) \
	"CASE ?3 WHEN 1 THEN c.audience WHEN 2 THEN c.id WHEN 3 THEN substr(" date ", 1, 7)" \
	" WHEN 4 THEN substr(" date ", 1, 4) ELSE '' END"

/* ?1 from, ?2 the day after the period, ?3 grouping, ?4 completion
 * threshold in per cent, ?5 limit, ?6 offset. Each CTE sums one family of
 * figures per key; the keys are every slice with a session or a
 * cancellation in the period. */
static const char activity_sql[] =
	"WITH sp AS ("
	" SELECT s.id, s.run_id, r.course_id, s.status, s.starts_at, r.phase AS rphase,"
	"  " SLICE_KEY("s.starts_at") " AS k, " MINUTES("s") " AS mins"
	" FROM session s JOIN run r ON r.id = s.run_id JOIN course c ON c.id = r.course_id"
	" WHERE s.starts_at >= ?1 AND s.starts_at < ?2),"
	"ses AS ("
	" SELECT k, count(DISTINCT course_id) FILTER (WHERE status = 'held') AS courses,"
	"  count(DISTINCT run_id) FILTER (WHERE status = 'held') AS runs,"
	"  count(*) FILTER (WHERE status = 'held') AS held,"
	"  count(*) FILTER (WHERE status = 'cancelled' OR (status = 'planned' AND rphase = 'cancelled')) AS cancelled,"
	"  coalesce(sum(mins) FILTER (WHERE status = 'held'), 0) AS mins"
	" FROM sp GROUP BY k),"
	"fac AS ("
	" SELECT s.k, coalesce(sum(s.mins) FILTER (WHERE p.kind = 'professional'), 0) AS pro,"
	"  coalesce(sum(s.mins) FILTER (WHERE p.kind = 'user_rep'), 0) AS rep"
	" FROM sp s JOIN session_facilitator f ON f.session_id = s.id JOIN person p ON p.id = f.person_id"
	" WHERE s.status = 'held' GROUP BY s.k),"
	/* Each enrollment expected at a held session of the slice, with its
	 * places and presences there. */
	"pe AS ("
	" SELECT s.k, e.id AS eid, e.participant_id AS pid, e.category AS cat, count(*) AS expected,"
	"  count(*) FILTER (WHERE a.status = 'present') AS present"
	" FROM sp s JOIN enrollment e ON e.run_id = s.run_id"
	" LEFT JOIN attendance a ON a.session_id = s.id AND a.enrollment_id = e.id"
	" WHERE s.status = 'held' AND " EXPECTED " GROUP BY s.k, e.id),"
	"part AS ("
	" SELECT k, count(*) AS enr, count(*) FILTER (WHERE cat = 'patient') AS enr_pat,"
	"  count(*) FILTER (WHERE cat = 'relative') AS enr_rel,"
	"  count(DISTINCT pid) AS ppl,"
	"  count(DISTINCT pid) FILTER (WHERE cat = 'patient') AS ppl_pat,"
	"  count(DISTINCT pid) FILTER (WHERE cat = 'relative') AS ppl_rel,"
	"  sum(expected) AS expected, sum(present) AS present"
	" FROM pe GROUP BY k),"
	/* A run finished in the period: its last held session is in sp, no
	 * session is still planned, and the run was not cancelled. */
	"fin AS ("
	" SELECT DISTINCT s.run_id, s.k FROM sp s"
	" WHERE s.status = 'held' AND s.rphase <> 'cancelled'"
	"  AND NOT EXISTS (SELECT 1 FROM session x WHERE x.run_id = s.run_id"
	"   AND (x.status = 'planned' OR (x.status = 'held' AND x.starts_at > s.starts_at)))),"
	"comp AS ("
	" SELECT f.k, e.id AS eid, e.status AS est, count(*) AS expected,"
	"  count(*) FILTER (WHERE a.status = 'present') AS present"
	" FROM fin f JOIN session s ON s.run_id = f.run_id JOIN enrollment e ON e.run_id = f.run_id"
	" LEFT JOIN attendance a ON a.session_id = s.id AND a.enrollment_id = e.id"
	" WHERE " EXPECTED " GROUP BY f.k, e.id),"
	"cmp AS ("
	" SELECT k, count(*) AS enr,"
	"  count(*) FILTER (WHERE est = 'registered' AND present * 100 >= ?4 * expected) AS done"
	" FROM comp GROUP BY k),"
	"finr AS (SELECT k, count(*) AS n FROM fin GROUP BY k),"
	"canc AS ("
	" SELECT " SLICE_KEY("x.at") " AS k, count(*) AS n"
	" FROM (SELECT r.id, r.course_id, coalesce((SELECT max(g.at) FROM gate_override g"
	"        WHERE g.run_id = r.id AND g.to_phase = 'cancelled'), r.created_at) AS at"
	"       FROM run r WHERE r.phase = 'cancelled') x JOIN course c ON c.id = x.course_id"
	" WHERE x.at >= ?1 AND x.at < ?2 GROUP BY 1),"
	"keys AS (SELECT k FROM ses WHERE held > 0 OR cancelled > 0 UNION SELECT k FROM canc UNION SELECT '' WHERE ?3 = 0)"
	"SELECT keys.k, coalesce(c.id, 0), coalesce(c.title, ''), coalesce(c.audience, CASE ?3 WHEN 1 THEN keys.k ELSE '' END),"
	" coalesce(ses.courses, 0), coalesce(ses.runs, 0), coalesce(ses.held, 0), coalesce(ses.cancelled, 0),"
	" coalesce(ses.mins, 0), coalesce(part.enr, 0), coalesce(part.enr_pat, 0), coalesce(part.enr_rel, 0),"
	" coalesce(part.ppl, 0), coalesce(part.ppl_pat, 0), coalesce(part.ppl_rel, 0),"
	" coalesce(part.expected, 0), coalesce(part.present, 0), coalesce(finr.n, 0),"
	" coalesce(cmp.enr, 0), coalesce(cmp.done, 0), coalesce(fac.pro, 0), coalesce(fac.rep, 0),"
	" coalesce(canc.n, 0), max(coalesce(ses.mins, 0)) OVER ()"
	" FROM keys LEFT JOIN ses ON ses.k = keys.k LEFT JOIN fac ON fac.k = keys.k"
	" LEFT JOIN part ON part.k = keys.k LEFT JOIN finr ON finr.k = keys.k"
	" LEFT JOIN cmp ON cmp.k = keys.k LEFT JOIN canc ON canc.k = keys.k"
	" LEFT JOIN course c ON ?3 = 2 AND c.id = keys.k"
	" ORDER BY c.title COLLATE NOCASE, keys.k LIMIT ?5 OFFSET ?6";

static void read_counts(sqlite3_stmt *st, int c, lk_report_counts *n)
{
	int64_t *f[] = {&n->courses, &n->runs, &n->sessions_held, &n->sessions_cancelled,
		&n->teaching_min, &n->enrollments, &n->enrollments_patient, &n->enrollments_relative,
		&n->people, &n->people_patient, &n->people_relative, &n->expected, &n->present,
		&n->runs_finished, &n->finished_enrollments, &n->completed, &n->fac_min_professional,
		&n->fac_min_user_rep, &n->runs_cancelled};
	for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
		*f[i] = sqlite3_column_int64(st, c + (int)i);
}

static const char *col(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return t ? (const char *)t : "";
}

struct slice_walk {
	int (*each)(void *arg, const lk_store_slice *s);
	void *arg;
};

static int slice_row(sqlite3_stmt *st, void *arg)
{
	struct slice_walk *w = arg;
	lk_store_slice s = {.course_id = sqlite3_column_int64(st, 1)};
	read_counts(st, 4, &s.n);
	s.max_teaching_min = sqlite3_column_int64(st, 23);
	s.key = col(st, 0);
	s.course_title = col(st, 2);
	s.audience = col(st, 3);
	return w->each(w->arg, &s);
}

int store_report_activity(lk_db *db, const char *from, const char *to_next, int by,
	int threshold_pct, lk_page page, int (*each)(void *, const lk_store_slice *), void *arg,
	lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, activity_sql, &st, err) < 0)
		return -1;
	st_bind_text(st, 1, from);
	st_bind_text(st, 2, to_next);
	st_bind_int(st, 3, by);
	st_bind_int(st, 4, threshold_pct);
	st_bind_int(st, 5, page.limit > 0 ? page.limit : -1);
	st_bind_int(st, 6, page.offset);
	struct slice_walk w = {each, arg};
	return st_stream(db, st, slice_row, &w, _("making the activity report"), err);
}

/* ---- runs held in a period ---- */

#define HELD_IN_PERIOD "s.status = 'held' AND s.starts_at >= ?1 AND s.starts_at < ?2"

struct run_walk {
	int (*each)(void *arg, const lk_store_run *r);
	void *arg;
};

static int run_row(sqlite3_stmt *st, void *arg)
{
	struct run_walk *w = arg;
	lk_store_run r = {.run_id = sqlite3_column_int64(st, 0),
		.sessions_held = sqlite3_column_int(st, 6), .teaching_min = sqlite3_column_int64(st, 7)};
	r.course_title = col(st, 1);
	r.run_title = col(st, 2);
	r.phase = col(st, 3);
	r.first_date = col(st, 4);
	r.last_date = col(st, 5);
	return w->each(w->arg, &r);
}

int store_report_runs(lk_db *db, const char *from, const char *to_next, lk_page page,
	int (*each)(void *, const lk_store_run *), void *arg, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db,
		"SELECT r.id, c.title, r.title, r.phase, coalesce(r.first_date, ''), coalesce(r.last_date, ''),"
		" count(*), sum(" MINUTES("s") ")"
		" FROM session s JOIN run r ON r.id = s.run_id JOIN course c ON c.id = r.course_id"
		" WHERE " HELD_IN_PERIOD
		" GROUP BY r.id ORDER BY min(s.starts_at), r.id LIMIT ?3 OFFSET ?4", &st, err) < 0)
		return -1;
	st_bind_text(st, 1, from);
	st_bind_text(st, 2, to_next);
	st_bind_int(st, 3, page.limit > 0 ? page.limit : -1);
	st_bind_int(st, 4, page.offset);
	struct run_walk w = {each, arg};
	return st_stream(db, st, run_row, &w, _("reading the runs of the period"), err);
}

int64_t store_report_runs_count(lk_db *db, const char *from, const char *to_next, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "SELECT count(DISTINCT s.run_id) FROM session s WHERE " HELD_IN_PERIOD,
			&st, err) < 0)
		return -1;
	st_bind_text(st, 1, from);
	st_bind_text(st, 2, to_next);
	return st_scalar(db, st, _("counting the runs of the period"), err);
}

/* ---- the registration list ---- */

static void copy_text(char *buf, size_t size, const char *s)
{
	snprintf(buf, size, "%s", s);
}

struct reg_read {
	lk_registration *r;
	lk_store_reg_codes *codes;
};

static void read_registration(sqlite3_stmt *st, void *arg)
{
	struct reg_read *rr = arg;
	lk_registration *r = rr->r;
	r->run_id = sqlite3_column_int64(st, 0);
	r->course_id = sqlite3_column_int64(st, 1);
	r->sessions_held = sqlite3_column_int(st, 8);
	r->sessions_planned = sqlite3_column_int(st, 9);
	r->sessions_cancelled = sqlite3_column_int(st, 10);
	r->teaching_min = sqlite3_column_int64(st, 11);
	r->course_title = st_col_text(st, 2);
	r->run_title = st_col_text(st, 3);
	r->place = st_col_text(st, 4);
	copy_text(rr->codes->phase, sizeof rr->codes->phase, col(st, 5));
	copy_text(rr->codes->first_date, sizeof rr->codes->first_date, col(st, 6));
	copy_text(rr->codes->last_date, sizeof rr->codes->last_date, col(st, 7));
}

int store_report_registration(lk_db *db, int64_t run_id, lk_registration *out,
	lk_store_reg_codes *codes, lk_err *err)
{
	struct reg_read rr = {out, codes};
	int found = st_get_one(db,
		"SELECT r.id, r.course_id, c.title, r.title, r.place, r.phase, r.first_date, r.last_date,"
		" (SELECT count(*) FROM session WHERE run_id = r.id AND status = 'held'),"
		" (SELECT count(*) FROM session WHERE run_id = r.id AND status = 'planned'),"
		" (SELECT count(*) FROM session WHERE run_id = r.id AND status = 'cancelled'),"
		" (SELECT coalesce(sum(" MINUTES("s") "), 0) FROM session s WHERE s.run_id = r.id AND s.status = 'held')"
		" FROM run r JOIN course c ON c.id = r.course_id WHERE r.id = ?", run_id,
		read_registration, &rr, _("reading the run"), err);
	if (found > 0 && (!out->course_title || !out->run_title || !out->place))
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	return found;
}

struct fac_walk {
	int (*each)(void *arg, const char *kind, const char *profession, int64_t people);
	void *arg;
};

static int fac_row(sqlite3_stmt *st, void *arg)
{
	struct fac_walk *w = arg;
	int64_t n = sqlite3_column_int64(st, 2);
	return w->each(w->arg, col(st, 0), col(st, 1), n);
}

int store_report_facilitators(lk_db *db, int64_t run_id,
	int (*each)(void *, const char *, const char *, int64_t), void *arg, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db,
		"SELECT p.kind, min(trim(p.profession)), count(DISTINCT p.id)"
		" FROM session s JOIN session_facilitator f ON f.session_id = s.id"
		" JOIN person p ON p.id = f.person_id"
		" WHERE s.run_id = ? AND s.status = 'held'"
		" GROUP BY p.kind, lower(trim(p.profession)) ORDER BY 1, lower(trim(p.profession))", &st, err) < 0)
		return -1;
	st_bind_int(st, 1, run_id);
	struct fac_walk w = {each, arg};
	return st_stream(db, st, fac_row, &w, _("reading the facilitators"), err);
}

/* The participants of a run's registration list with their counts: every
 * registered enrollment, and a cancelled one present at least once. */
#define PARTICIPANTS \
	"SELECT e.id AS eid, e.participant_id AS pid, p.name AS name, e.category AS cat," \
	" e.status AS est, e.referral AS referral," \
	" count(s.id) AS held_expected, count(a.session_id) FILTER (WHERE a.status = 'present') AS present," \
	" coalesce(group_concat(substr(s.starts_at, 1, 10), ' ') FILTER (WHERE a.status = 'present'), '') AS dates" \
	" FROM enrollment e JOIN participant p ON p.id = e.participant_id" \
	" LEFT JOIN session s ON s.run_id = e.run_id AND s.status = 'held' AND " EXPECTED \
	" LEFT JOIN attendance a ON a.session_id = s.id AND a.enrollment_id = e.id" \
	" WHERE e.run_id = ?1 AND (e.status = 'registered' OR EXISTS (SELECT 1 FROM attendance x" \
	"  WHERE x.enrollment_id = e.id AND x.status = 'present'))" \
	" GROUP BY e.id"

int store_report_participant_counts(lk_db *db, int64_t run_id, int pct, int *listed, int *meeting,
	lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "SELECT count(*), count(*) FILTER (WHERE held_expected > 0"
			   " AND present * 100 >= ?2 * held_expected) FROM (" PARTICIPANTS ")", &st, err) < 0)
		return -1;
	st_bind_int(st, 1, run_id);
	st_bind_int(st, 2, pct);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*listed = sqlite3_column_int(st, 0);
		*meeting = sqlite3_column_int(st, 1);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : st_fail(db, rc, _("counting participants"), err);
}

struct part_walk {
	int (*each)(void *arg, const lk_store_participant *p);
	void *arg;
};

static int part_row(sqlite3_stmt *st, void *arg)
{
	struct part_walk *w = arg;
	lk_store_participant p = {.enrollment_id = sqlite3_column_int64(st, 0),
		.participant_id = sqlite3_column_int64(st, 1), .referral = sqlite3_column_int(st, 5) != 0,
		.held_expected = sqlite3_column_int(st, 6), .present = sqlite3_column_int(st, 7)};
	p.name = col(st, 2);
	p.category = col(st, 3);
	p.status = col(st, 4);
	p.dates = col(st, 8);
	return w->each(w->arg, &p);
}

int store_report_participants(lk_db *db, int64_t run_id, lk_page page,
	int (*each)(void *, const lk_store_participant *), void *arg, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, PARTICIPANTS " ORDER BY p.name COLLATE NOCASE, e.id LIMIT ?2 OFFSET ?3",
			&st, err) < 0)
		return -1;
	st_bind_int(st, 1, run_id);
	st_bind_int(st, 2, page.limit > 0 ? page.limit : -1);
	st_bind_int(st, 3, page.offset);
	struct part_walk w = {each, arg};
	return st_stream(db, st, part_row, &w, _("reading the participants"), err);
}

/* ---- honorarium ---- */

struct hon_walk {
	int (*each)(void *arg, const lk_store_hon *h);
	void *arg;
};

static int hon_row(sqlite3_stmt *st, void *arg)
{
	struct hon_walk *w = arg;
	lk_store_hon h = {.person_id = sqlite3_column_int64(st, 0), .kind = sqlite3_column_int(st, 3),
		.id = sqlite3_column_int64(st, 4), .seq = sqlite3_column_int(st, 7),
		.in_person = sqlite3_column_int(st, 10) != 0, .actual_min = sqlite3_column_int(st, 11)};
	h.name = col(st, 1);
	h.organisation = col(st, 2);
	h.course_title = col(st, 5);
	h.run_title = col(st, 6);
	h.starts_at = col(st, 8);
	h.ends_at = col(st, 9);
	return w->each(w->arg, &h);
}

int store_report_honorarium(lk_db *db, const char *from, const char *to_next,
	int (*each)(void *, const lk_store_hon *), void *arg, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db,
		"SELECT p.id, p.name, p.organisation, 0, s.id, c.title, r.title, s.seq, s.starts_at,"
		"  s.ends_at, 1, " MINUTES("s")
		" FROM session s JOIN session_facilitator f ON f.session_id = s.id"
		" JOIN person p ON p.id = f.person_id JOIN run r ON r.id = s.run_id"
		" JOIN course c ON c.id = r.course_id"
		" WHERE p.kind = 'user_rep' AND " HELD_IN_PERIOD
		" UNION ALL "
		"SELECT p.id, p.name, p.organisation, CASE m.kind WHEN 'planning' THEN 1 ELSE 2 END, m.id,"
		"  c.title, coalesce(r.title, ''), 0, m.starts_at, m.ends_at, a.in_person, " MINUTES("m")
		" FROM meeting m JOIN meeting_attendee a ON a.meeting_id = m.id"
		" JOIN person p ON p.id = a.person_id JOIN course c ON c.id = m.course_id"
		" LEFT JOIN run r ON r.id = m.run_id"
		" WHERE p.kind = 'user_rep' AND m.starts_at >= ?1 AND m.starts_at < ?2"
		" ORDER BY 2 COLLATE NOCASE, 1, 9, 4, 5", &st, err) < 0)
		return -1;
	st_bind_text(st, 1, from);
	st_bind_text(st, 2, to_next);
	struct hon_walk w = {each, arg};
	return st_stream(db, st, hon_row, &w, _("reading the honorarium"), err);
}
