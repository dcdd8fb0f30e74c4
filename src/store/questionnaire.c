#include "store_impl.h"

#include <stdlib.h>
#include <string.h>

#include "lmskurs/i18n.h"
#include "lmskurs/store/questionnaire.h"

/* Positions are unique per questionnaire, and SQLite checks that row by row
 * during an UPDATE; so renumbering first lifts the affected rows out of the
 * way by SHIFT, then sets each final position. */
#define SHIFT "1000000"

/* Runs sql (one row, one integer column) with ?1 = a, ?2 = b: 1 with *out
 * set, 0 no row, -1 error. */
static int query_int(lk_db *db, const char *sql, int64_t a, int64_t b, int64_t *out,
	lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, sql, &st, err) < 0)
		return -1;
	st_bind_ints(st, a, b);
	return st_get_row(db, st, st_read_int64, out, _("reading questionnaires"), err);
}

/* Runs a write with ?1 = a, ?2 = b (when the statement has it). */
static int exec_int(lk_db *db, const char *sql, int64_t a, int64_t b, lk_err *err)
{
	return st_exec_ints(db, sql, a, b, _("saving a questionnaire"), err);
}

/* ---- questionnaires ---- */

#define QN_COLS "q.id, q.family_id, q.version_no, q.previous_id, q.name, q.description, " \
	"q.is_default, q.version, (SELECT count(*) FROM response r WHERE r.questionnaire_id = q.id)"

static void read_questionnaire(sqlite3_stmt *st, void *row)
{
	lk_questionnaire *q = row;
	memset(q, 0, sizeof *q);
	q->id = sqlite3_column_int64(st, 0);
	q->family_id = sqlite3_column_int64(st, 1);
	q->version_no = sqlite3_column_int(st, 2);
	q->previous_id = sqlite3_column_int64(st, 3);
	q->name = st_col_text(st, 4);
	q->description = st_col_text(st, 5);
	q->is_default = sqlite3_column_int(st, 6) != 0;
	q->version = sqlite3_column_int64(st, 7);
	q->n_responses = sqlite3_column_int64(st, 8);
}

int store_questionnaire_insert(lk_db *db, lk_questionnaire *q, const char *stamp, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "INSERT INTO questionnaire (family_id, version_no, previous_id, name, "
			   "description, is_default, created_at) VALUES (CASE WHEN ?1 > 0 THEN ?1 ELSE "
			   "(SELECT coalesce(max(family_id), 0) + 1 FROM questionnaire) END, ?2, ?3, ?4, ?5, ?6, ?7) "
			   "RETURNING family_id", &st, err) < 0)
		return -1;
	int version_no = q->version_no > 0 ? q->version_no : 1;
	st_bind_int(st, 1, q->family_id);
	st_bind_int(st, 2, version_no);
	st_bind_opt_int(st, 3, q->previous_id, q->previous_id == 0);
	st_bind_text(st, 4, q->name);
	st_bind_text(st, 5, q->description ? q->description : "");
	st_bind_int(st, 6, q->is_default);
	st_bind_text(st, 7, stamp);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		q->family_id = sqlite3_column_int64(st, 0);
	rc = rc == SQLITE_ROW ? sqlite3_step(st) : rc;
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return st_fail(db, rc, _("saving a questionnaire"), err);
	q->id = st_last_id(db);
	q->version_no = version_no;
	q->version = 1;
	return 0;
}

int store_questionnaire_get(lk_db *db, int64_t id, lk_questionnaire *out, lk_err *err)
{
	return st_get_one(db, "SELECT " QN_COLS " FROM questionnaire q WHERE q.id = ?", id,
		read_questionnaire, out, _("reading a questionnaire"), err);
}

int store_questionnaire_update(lk_db *db, lk_questionnaire *q, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "UPDATE questionnaire SET name = ?, description = ?, version = version + 1 "
			   "WHERE id = ? AND version = ?", &st, err) < 0)
		return -1;
	st_bind_text(st, 1, q->name);
	st_bind_text(st, 2, q->description ? q->description : "");
	st_bind_int(st, 3, q->id);
	st_bind_int(st, 4, q->version);
	if (st_exec_stmt(db, st, _("saving a questionnaire"), err) < 0 ||
	    st_check_versioned(db, "SELECT 1 FROM questionnaire WHERE id = ?", q->id,
		    _("The questionnaire"), err) < 0)
		return -1;
	q->version++;
	return 0;
}

int store_questionnaire_delete(lk_db *db, int64_t id, int64_t version, lk_err *err)
{
	if (exec_int(db, "DELETE FROM questionnaire WHERE id = ? AND version = ?", id, version, err) < 0)
		return -1;
	return st_check_versioned(db, "SELECT 1 FROM questionnaire WHERE id = ?", id,
		_("The questionnaire"), err);
}

ST_STREAM_OF(stream_questionnaires, lk_questionnaire, read_questionnaire, questionnaire_free)

int store_questionnaire_list(lk_db *db, const lk_questionnaire_filter *f, lk_page page,
	int (*each)(void *, const lk_questionnaire *), void *arg, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "SELECT " QN_COLS " FROM questionnaire q WHERE ?1 OR q.version_no = "
			   "(SELECT max(version_no) FROM questionnaire n WHERE n.family_id = q.family_id) "
			   "ORDER BY q.name COLLATE NOCASE, q.family_id, q.version_no DESC LIMIT ?2 OFFSET ?3",
		    &st, err) < 0)
		return -1;
	st_bind_int(st, 1, f && f->all_versions);
	st_bind_int(st, 2, page.limit > 0 ? page.limit : -1);
	st_bind_int(st, 3, page.offset);
	return stream_questionnaires(db, st, each, arg, _("reading questionnaires"), err);
}

int64_t store_questionnaire_responses(lk_db *db, int64_t id, lk_err *err)
{
	int64_t n = 0;
	if (query_int(db, "SELECT count(*) FROM response WHERE questionnaire_id = ?", id, 0, &n, err) < 0)
		return -1;
	return n;
}

int store_questionnaire_usage(lk_db *db, int64_t id, int64_t *courses, int64_t *runs, lk_err *err)
{
	if (query_int(db, "SELECT count(*) FROM course WHERE questionnaire_id = ?", id, 0, courses, err) < 0 ||
	    query_int(db, "SELECT count(*) FROM run WHERE questionnaire_id = ?", id, 0, runs, err) < 0)
		return -1;
	return 0;
}

int store_questionnaire_newest(lk_db *db, int64_t family_id, int64_t *id, lk_err *err)
{
	*id = 0;
	return query_int(db, "SELECT id FROM questionnaire WHERE family_id = ? "
			     "ORDER BY version_no DESC LIMIT 1", family_id, 0, id, err) < 0 ? -1 : 0;
}

int store_questionnaire_family_default(lk_db *db, int64_t family_id, lk_err *err)
{
	int64_t n = 0;
	if (query_int(db, "SELECT count(*) FROM questionnaire WHERE family_id = ? AND is_default = 1",
		    family_id, 0, &n, err) < 0)
		return -1;
	return n > 0;
}

int store_questionnaire_set_default(lk_db *db, int64_t id, lk_err *err)
{
	return exec_int(db, "UPDATE questionnaire SET is_default = (id = ?1) WHERE is_default = 1 OR id = ?1",
		id, 0, err);
}

int store_questionnaire_copy_questions(lk_db *db, int64_t from_id, int64_t to_id, lk_err *err)
{
	if (exec_int(db, "INSERT INTO question (questionnaire_id, position, section, kind, text, "
			 "scale_min, scale_max, label_min, label_max) SELECT ?2, position, section, kind, "
			 "text, scale_min, scale_max, label_min, label_max FROM question "
			 "WHERE questionnaire_id = ?1 ORDER BY position", from_id, to_id, err) < 0)
		return -1;
	return exec_int(db, "INSERT INTO question_option (question_id, position, label) "
			    "SELECT n.id, o.position, o.label FROM question q "
			    "JOIN question_option o ON o.question_id = q.id "
			    "JOIN question n ON n.questionnaire_id = ?2 AND n.position = q.position "
			    "WHERE q.questionnaire_id = ?1", from_id, to_id, err);
}

int store_questionnaire_run_choice(lk_db *db, int64_t run_id, int64_t *chosen, lk_err *err)
{
	*chosen = 0;
	return query_int(db, "SELECT coalesce(r.questionnaire_id, c.questionnaire_id, "
			     "(SELECT id FROM questionnaire WHERE is_default = 1 ORDER BY id LIMIT 1), 0) "
			     "FROM run r JOIN course c ON c.id = r.course_id WHERE r.id = ?",
		run_id, 0, chosen, err);
}

int store_questionnaire_run_used(lk_db *db, int64_t run_id, int64_t family_id, int64_t *id,
	lk_err *err)
{
	*id = 0;
	return query_int(db, "SELECT q.id FROM response r JOIN questionnaire q ON q.id = r.questionnaire_id "
			     "WHERE r.run_id = ?1 AND q.family_id = ?2 ORDER BY r.id DESC LIMIT 1",
		run_id, family_id, id, err) < 0 ? -1 : 0;
}

/* ---- questions ---- */

#define QU_COLS "id, questionnaire_id, position, section, kind, text, scale_min, scale_max, " \
	"label_min, label_max, version"

static int read_options(lk_db *db, lk_question *q, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "SELECT label FROM question_option WHERE question_id = ? ORDER BY position",
		    &st, err) < 0)
		return -1;
	st_bind_int(st, 1, q->id);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char **more = realloc(q->options, (size_t)(q->n_options + 1) * sizeof *more);
		if (!more) {
			sqlite3_reset(st);
			return lk_fail(err, LK_ENOMEM, _("Out of memory."));
		}
		q->options = more;
		q->options[q->n_options++] = st_col_text(st, 0);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : st_fail(db, rc, _("reading a question"), err);
}

static void read_question(sqlite3_stmt *st, void *row)
{
	lk_question *q = row;
	memset(q, 0, sizeof *q);
	q->id = sqlite3_column_int64(st, 0);
	q->questionnaire_id = sqlite3_column_int64(st, 1);
	q->position = sqlite3_column_int(st, 2);
	question_section_parse((const char *)sqlite3_column_text(st, 3), &q->section);
	question_kind_parse((const char *)sqlite3_column_text(st, 4), &q->kind);
	q->text = st_col_text(st, 5);
	q->scale_min = sqlite3_column_int(st, 6);
	q->scale_max = sqlite3_column_int(st, 7);
	q->label_min = st_col_text(st, 8);
	q->label_max = st_col_text(st, 9);
	q->version = sqlite3_column_int64(st, 10);
}

int store_question_get(lk_db *db, int64_t id, lk_question *out, lk_err *err)
{
	int rc = st_get_one(db, "SELECT " QU_COLS " FROM question WHERE id = ?", id, read_question, out,
		_("reading a question"), err);
	if (rc <= 0)
		return rc;
	return read_options(db, out, err) < 0 ? -1 : 1;
}

static int grow(lk_question **arr, int n, int *cap)
{
	if (n < *cap)
		return 0;
	int ncap = *cap ? 2 * *cap : 16;
	lk_question *more = realloc(*arr, (size_t)ncap * sizeof *more);
	if (!more)
		return -1;
	*arr = more;
	*cap = ncap;
	return 0;
}

static int load_rows(lk_db *db, sqlite3_stmt *st, lk_question **out, int *n, lk_err *err)
{
	int rc, cap = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (grow(out, *n, &cap) < 0) {
			sqlite3_reset(st);
			return lk_fail(err, LK_ENOMEM, _("Out of memory."));
		}
		read_question(st, &(*out)[(*n)++]);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : st_fail(db, rc, _("reading questions"), err);
}

int store_question_load(lk_db *db, int64_t questionnaire_id, lk_question **out, int *n,
	lk_err *err)
{
	sqlite3_stmt *st;
	*out = NULL;
	*n = 0;
	if (st_prepare(db, "SELECT " QU_COLS " FROM question WHERE questionnaire_id = ? ORDER BY position",
		    &st, err) < 0)
		return -1;
	st_bind_int(st, 1, questionnaire_id);
	if (load_rows(db, st, out, n, err) < 0)
		return -1;
	for (int i = 0; i < *n; i++)
		if (read_options(db, &(*out)[i], err) < 0)
			return -1;
	return 0;
}

int store_question_set_options(lk_db *db, int64_t id, const char *const *labels, int n,
	lk_err *err)
{
	if (exec_int(db, "DELETE FROM question_option WHERE question_id = ?", id, 0, err) < 0)
		return -1;
	for (int i = 0; i < n; i++) {
		sqlite3_stmt *st;
		if (st_prepare(db, "INSERT INTO question_option (question_id, position, label) VALUES (?, ?, ?)",
			    &st, err) < 0)
			return -1;
		st_bind_int(st, 1, id);
		st_bind_int(st, 2, i + 1);
		st_bind_text(st, 3, labels[i]);
		if (st_exec_stmt(db, st, _("saving a question"), err) < 0)
			return -1;
	}
	return 0;
}

static void bind_question(sqlite3_stmt *st, const lk_question *q)
{
	int scale = q->kind == LK_QUESTION_SCALE;
	st_bind_text(st, 1, question_section_code(q->section));
	st_bind_text(st, 2, question_kind_code(q->kind));
	st_bind_text(st, 3, q->text);
	st_bind_opt_int(st, 4, q->scale_min, !scale);
	st_bind_opt_int(st, 5, q->scale_max, !scale);
	st_bind_text(st, 6, scale && q->label_min ? q->label_min : "");
	st_bind_text(st, 7, scale && q->label_max ? q->label_max : "");
}

/* A choice keeps its options; any other kind has none. */
static int save_options(lk_db *db, const lk_question *q, lk_err *err)
{
	int n = q->kind == LK_QUESTION_CHOICE ? q->n_options : 0;
	return store_question_set_options(db, q->id, (const char *const *)q->options, n, err);
}

int store_question_insert(lk_db *db, int64_t questionnaire_id, lk_question *q, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "INSERT INTO question (section, kind, text, scale_min, scale_max, label_min, "
			   "label_max, questionnaire_id, position) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
			   "(SELECT coalesce(max(position), 0) + 1 FROM question WHERE questionnaire_id = ?8)) "
			   "RETURNING position", &st, err) < 0)
		return -1;
	bind_question(st, q);
	st_bind_int(st, 8, questionnaire_id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		q->position = sqlite3_column_int(st, 0);
	rc = rc == SQLITE_ROW ? sqlite3_step(st) : rc;
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return st_fail(db, rc, _("saving a question"), err);
	q->id = st_last_id(db);
	q->questionnaire_id = questionnaire_id;
	q->version = 1;
	return save_options(db, q, err);
}

int store_question_update(lk_db *db, lk_question *q, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "UPDATE question SET section = ?1, kind = ?2, text = ?3, scale_min = ?4, "
			   "scale_max = ?5, label_min = ?6, label_max = ?7, version = version + 1 "
			   "WHERE id = ?8 AND version = ?9", &st, err) < 0)
		return -1;
	bind_question(st, q);
	st_bind_int(st, 8, q->id);
	st_bind_int(st, 9, q->version);
	if (st_exec_stmt(db, st, _("saving a question"), err) < 0 ||
	    st_check_versioned(db, "SELECT 1 FROM question WHERE id = ?", q->id, _("The question"), err) < 0 ||
	    save_options(db, q, err) < 0)
		return -1;
	q->version++;
	return 0;
}

int store_question_touch(lk_db *db, int64_t id, int64_t version, lk_err *err)
{
	if (exec_int(db, "UPDATE question SET version = version + 1 WHERE id = ? AND version = ?",
		    id, version, err) < 0)
		return -1;
	return st_check_versioned(db, "SELECT 1 FROM question WHERE id = ?", id, _("The question"), err);
}

int store_question_delete(lk_db *db, const lk_question *q, lk_err *err)
{
	if (exec_int(db, "DELETE FROM question WHERE id = ? AND version = ?", q->id, q->version, err) < 0 ||
	    st_check_versioned(db, "SELECT 1 FROM question WHERE id = ?", q->id, _("The question"), err) < 0)
		return -1;
	if (exec_int(db, "UPDATE question SET position = position + " SHIFT
			 " WHERE questionnaire_id = ?1 AND position > ?2", q->questionnaire_id, q->position, err) < 0)
		return -1;
	return exec_int(db, "UPDATE question SET position = position - " SHIFT " - 1"
			    " WHERE questionnaire_id = ?1 AND position > " SHIFT, q->questionnaire_id, 0, err);
}

int store_question_move(lk_db *db, const lk_question *q, int to, lk_err *err)
{
	int lo = q->position < to ? q->position : to, hi = q->position < to ? to : q->position;
	sqlite3_stmt *st;
	if (st_prepare(db, "UPDATE question SET position = position + " SHIFT
			   " WHERE questionnaire_id = ?1 AND position BETWEEN ?2 AND ?3", &st, err) < 0)
		return -1;
	st_bind_int(st, 1, q->questionnaire_id);
	st_bind_int(st, 2, lo);
	st_bind_int(st, 3, hi);
	if (st_exec_stmt(db, st, _("moving a question"), err) < 0 ||
	    st_prepare(db, "UPDATE question SET position = CASE WHEN id = ?2 THEN ?4"
			   " WHEN ?3 < ?4 THEN position - " SHIFT " - 1 ELSE position - " SHIFT " + 1 END"
			   " WHERE questionnaire_id = ?1 AND position > " SHIFT, &st, err) < 0)
		return -1;
	st_bind_int(st, 1, q->questionnaire_id);
	st_bind_int(st, 2, q->id);
	st_bind_int(st, 3, q->position);
	st_bind_int(st, 4, to);
	return st_exec_stmt(db, st, _("moving a question"), err);
}

int store_question_count(lk_db *db, int64_t questionnaire_id, lk_err *err)
{
	int64_t n = 0;
	if (query_int(db, "SELECT count(*) FROM question WHERE questionnaire_id = ?", questionnaire_id, 0,
		    &n, err) < 0)
		return -1;
	return (int)n;
}
