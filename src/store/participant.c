#include "store_impl.h"

#include <stdlib.h>
#include <string.h>

#include "lmskurs/i18n.h"
#include "lmskurs/store/participant.h"
#include "lmskurs/text.h"

#define PART_COLS "id, name, phone, email, coalesce(birth_year, 0), notes, created_at, " \
	"purged_at IS NOT NULL, version"

static void read_participant(sqlite3_stmt *st, lk_participant *p, bool contact)
{
	memset(p, 0, sizeof *p);
	p->id = sqlite3_column_int64(st, 0);
	p->name = st_col_text(st, 1);
	if (contact) {
		p->phone = st_col_text(st, 2);
		p->email = st_col_text(st, 3);
		p->birth_year = sqlite3_column_int(st, 4);
		p->notes = st_col_text(st, 5);
		p->contact_shown = true;
	}
	p->created_at = st_col_text(st, 6);
	p->purged = sqlite3_column_int(st, 7) != 0;
	p->version = sqlite3_column_int64(st, 8);
}

/* With contact details (phone, e-mail, birth year, notes) or without. */
static void read_full(sqlite3_stmt *st, void *p) { read_participant(st, p, true); }
static void read_listed(sqlite3_stmt *st, lk_participant *p) { read_participant(st, p, false); }

ST_STREAM_OF(stream_full, lk_participant, read_full, participant_free)
ST_STREAM_OF(stream_listed, lk_participant, read_listed, participant_free)

static void bind_fields(sqlite3_stmt *st, const lk_participant *p)
{
	st_bind_text(st, 1, p->name);
	st_bind_text(st, 2, p->phone ? p->phone : "");
	st_bind_text(st, 3, p->email ? p->email : "");
	st_bind_opt_int(st, 4, p->birth_year, p->birth_year == 0);
	st_bind_text(st, 5, p->notes ? p->notes : "");
}

int store_participant_insert(lk_db *db, const lk_participant *p, const char *stamp,
	int64_t *id, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "INSERT INTO participant (name, phone, email, birth_year, notes, created_at) "
			   "VALUES (?, ?, ?, ?, ?, ?)", &st, err) < 0)
		return -1;
	bind_fields(st, p);
	st_bind_text(st, 6, stamp);
	if (st_exec_stmt(db, st, _("saving a participant"), err) < 0)
		return -1;
	*id = st_last_id(db);
	return 0;
}

int store_participant_get(lk_db *db, int64_t id, lk_participant *out, lk_err *err)
{
	return st_get_one(db, "SELECT " PART_COLS " FROM participant WHERE id = ?", id, read_full, out,
		_("reading a participant"), err);
}

int store_participant_update(lk_db *db, const lk_participant *p, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "UPDATE participant SET name = ?, phone = ?, email = ?, birth_year = ?, "
			   "notes = ?, version = version + 1 WHERE id = ? AND version = ?", &st, err) < 0)
		return -1;
	bind_fields(st, p);
	st_bind_int(st, 6, p->id);
	st_bind_int(st, 7, p->version);
	if (st_exec_stmt(db, st, _("saving a participant"), err) < 0)
		return -1;
	return st_check_versioned(db, "SELECT 1 FROM participant WHERE id = ?", p->id,
		_("The participant"), err);
}

int store_participant_delete(lk_db *db, int64_t id, int64_t version, lk_err *err)
{
	if (st_exec_ints(db, "DELETE FROM participant WHERE id = ? AND version = ?", id, version,
		    _("deleting a participant"), err) < 0)
		return -1;
	return st_check_versioned(db, "SELECT 1 FROM participant WHERE id = ?", id,
		_("The participant"), err);
}

int store_participant_open_places(lk_db *db, int64_t id, int64_t *n, char **label, lk_err *err)
{
	sqlite3_stmt *st;
	*label = NULL;
	if (st_prepare(db,
		"SELECT count(*), min(coalesce(nullif(r.title, ''), c.title)) FROM enrollment e"
		" JOIN run r ON r.id = e.run_id JOIN course c ON c.id = r.course_id"
		" WHERE e.participant_id = ? AND e.status IN ('registered', 'waitlisted')"
		"   AND r.phase NOT IN ('closed', 'cancelled')", &st, err) < 0)
		return -1;
	st_bind_int(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*n = sqlite3_column_int64(st, 0);
		*label = st_col_text_or_null(st, 1);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : st_fail(db, rc, _("reading enrollments"), err);
}

/* ---- case-folded substring search ---- */

/* Byte length of the first n code points of valid UTF-8 s, or (size_t)-1
 * when s has fewer. */
static size_t cp_span(const char *s, size_t n)
{
	size_t i = 0;
	while (n > 0) {
		if (!s[i])
			return (size_t)-1;
		i++;
		while (((unsigned char)s[i] & 0xC0) == 0x80)
			i++;
		n--;
	}
	return i;
}

/* True when needle occurs in hay, compared as text_equal_fold does. */
static bool fold_contains(const char *hay, const char *needle, char *buf)
{
	size_t k = text_codepoints(needle);
	for (const char *p = hay;; p += cp_span(p, 1)) {
		size_t len = cp_span(p, k);
		if (len == (size_t)-1)
			return false;
		memcpy(buf, p, len);
		buf[len] = '\0';
		if (text_equal_fold(buf, needle))
			return true;
		if (!*p)
			return false;
	}
}

static void fold_contains_fn(sqlite3_context *c, int argc, sqlite3_value **v)
{
	(void)argc;
	const char *hay = (const char *)sqlite3_value_text(v[0]);
	const char *needle = (const char *)sqlite3_value_text(v[1]);
	if (!hay || !needle) {
		sqlite3_result_null(c);
		return;
	}
	char *buf = malloc(strlen(hay) + 1);
	if (!buf) {
		sqlite3_result_error_nomem(c);
		return;
	}
	sqlite3_result_int(c, fold_contains(hay, needle, buf));
	free(buf);
}

/* Prepares a statement that calls lk_fold_contains(hay, needle). The
 * function is registered on the connection only when a prepare fails for
 * want of it, then the prepare is tried again: registering replaces the
 * function and would invalidate cached statements that use it, and once
 * one is cached, st_prepare hands it back without looking anything up. */
static int prepare_fold(lk_db *db, const char *sql, sqlite3_stmt **st, lk_err *err)
{
	if (st_prepare(db, sql, st, err) == 0)
		return 0;
	if (!strstr(sqlite3_errmsg(st_handle(db)), "no such function: lk_fold_contains"))
		return -1;
	int rc = sqlite3_create_function_v2(st_handle(db), "lk_fold_contains", 2,
		SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL, fold_contains_fn,
		NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return st_fail(db, rc, _("searching participants"), err);
	return st_prepare(db, sql, st, err);
}

/* The query's WHERE clause is fixed; absent criteria bind NULL. */
#define SEARCH_WHERE \
	" WHERE purged_at IS NULL AND (?1 IS NULL OR lk_fold_contains(name, ?1)" \
	"   OR lk_fold_contains(email, ?2) OR phone LIKE ?3 ESCAPE '\\')"

static int bind_query(sqlite3_stmt *st, const lk_participant_query *q, lk_err *err)
{
	st_bind_text(st, 1, q->name_text);
	st_bind_text(st, 2, q->email_text);
	char *pat = NULL;
	if (q->phone_digits && !(pat = st_like_pattern(q->phone_digits)))
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	st_bind_text(st, 3, pat);
	free(pat);
	return 0;
}

int store_participant_search(lk_db *db, const lk_participant_query *q, lk_page page,
	int (*each)(void *, const lk_participant *), void *arg, lk_err *err)
{
	sqlite3_stmt *st;
	if (prepare_fold(db, "SELECT " PART_COLS " FROM participant" SEARCH_WHERE
			   " ORDER BY name COLLATE NOCASE, id LIMIT ?4 OFFSET ?5", &st, err) < 0 ||
	    bind_query(st, q, err) < 0)
		return -1;
	st_bind_int(st, 4, page.limit > 0 ? page.limit : -1);
	st_bind_int(st, 5, page.offset);
	return stream_listed(db, st, each, arg, _("searching participants"), err);
}

int64_t store_participant_count(lk_db *db, const lk_participant_query *q, lk_err *err)
{
	sqlite3_stmt *st;
	if (prepare_fold(db, "SELECT count(*) FROM participant" SEARCH_WHERE, &st, err) < 0 ||
	    bind_query(st, q, err) < 0)
		return -1;
	return st_scalar(db, st, _("counting participants"), err);
}

int store_participant_same_contact(lk_db *db, const char *phone_a, const char *phone_b,
	const char *email, int (*each)(void *, const lk_participant *), void *arg, lk_err *err)
{
	sqlite3_stmt *st;
	/* Each branch repeats its partial index's condition so the index is used. */
	if (st_prepare(db,
		"SELECT " PART_COLS " FROM participant WHERE phone IN (?1, ?2) AND phone <> ''"
		"   AND purged_at IS NULL"
		" UNION SELECT " PART_COLS " FROM participant"
		" WHERE email = ?3 COLLATE NOCASE AND email <> '' AND purged_at IS NULL"
		" ORDER BY 1", &st, err) < 0)
		return -1;
	st_bind_text(st, 1, phone_a ? phone_a : "");
	st_bind_text(st, 2, phone_b ? phone_b : "");
	st_bind_text(st, 3, email ? email : "");
	return stream_full(db, st, each, arg, _("looking for duplicates"), err);
}

static void read_label(sqlite3_stmt *st, void *label) { *(char **)label = st_col_text(st, 0); }

int store_participant_shared_run(lk_db *db, int64_t keep, int64_t drop, char **label, lk_err *err)
{
	sqlite3_stmt *st;
	*label = NULL;
	if (st_prepare(db,
		"SELECT coalesce(nullif(r.title, ''), c.title) FROM enrollment k"
		" JOIN enrollment d ON d.run_id = k.run_id AND d.participant_id = ?2"
		" JOIN run r ON r.id = k.run_id JOIN course c ON c.id = r.course_id"
		" WHERE k.participant_id = ?1 LIMIT 1", &st, err) < 0)
		return -1;
	st_bind_int(st, 1, keep);
	st_bind_int(st, 2, drop);
	return st_get_row(db, st, read_label, label, _("reading enrollments"), err);
}

static int exec_pair(lk_db *db, const char *sql, int64_t keep, int64_t drop, lk_err *err)
{
	return st_exec_ints(db, sql, keep, drop, _("merging participants"), err);
}

int store_participant_merge(lk_db *db, int64_t keep, int64_t drop, lk_err *err)
{
	return exec_pair(db, "UPDATE enrollment SET participant_id = ?1, version = version + 1"
			     " WHERE participant_id = ?2", keep, drop, err) < 0 ||
	       exec_pair(db,
		"UPDATE participant AS k SET"
		" phone = CASE WHEN k.phone = '' THEN d.phone ELSE k.phone END,"
		" email = CASE WHEN k.email = '' THEN d.email ELSE k.email END,"
		" birth_year = coalesce(k.birth_year, d.birth_year),"
		" notes = CASE WHEN d.notes = '' THEN k.notes WHEN k.notes = '' THEN d.notes"
		"              ELSE k.notes || char(10) || d.notes END,"
		" version = k.version + 1"
		" FROM participant AS d WHERE k.id = ?1 AND d.id = ?2", keep, drop, err) < 0 ||
	       exec_pair(db, "DELETE FROM participant WHERE id = ?2", keep, drop, err) < 0
		? -1 : 0;
}
