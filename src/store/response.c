#include "store_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/i18n.h"
#include "lmskurs/store/response.h"

static void read_phase(sqlite3_stmt *st, void *phase)
{
	snprintf(phase, 16, "%s", (const char *)sqlite3_column_text(st, 0));
}

int store_response_run_phase(lk_db *db, int64_t run_id, char phase[static 16], lk_err *err)
{
	return st_get_one(db, "SELECT phase FROM run WHERE id = ?", run_id, read_phase, phase,
		_("reading a run"), err);
}

/* ---- responses ---- */

int store_response_insert(lk_db *db, const lk_response *r, const char *stamp, int64_t *id,
	lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "INSERT INTO response (run_id, questionnaire_id, source, entered_by, entered_at) "
			   "VALUES (?, ?, ?, ?, ?)", &st, err) < 0)
		return -1;
	st_bind_int(st, 1, r->run_id);
	st_bind_int(st, 2, r->questionnaire_id);
	st_bind_text(st, 3, response_source_code(r->source));
	st_bind_text(st, 4, r->entered_by);
	st_bind_text(st, 5, stamp);
	if (st_exec_stmt(db, st, _("saving an evaluation form"), err) < 0)
		return -1;
	*id = st_last_id(db);
	return 0;
}

int store_answer_insert(lk_db *db, int64_t response_id, int64_t question_id, int64_t value,
	const char *text, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "INSERT INTO answer (response_id, question_id, value_int, value_text) "
			   "VALUES (?, ?, ?, ?)", &st, err) < 0)
		return -1;
	st_bind_int(st, 1, response_id);
	st_bind_int(st, 2, question_id);
	st_bind_opt_int(st, 3, value, text != NULL);
	st_bind_text(st, 4, text);
	return st_exec_stmt(db, st, _("saving an answer"), err);
}

int store_response_clear_answers(lk_db *db, int64_t response_id, lk_err *err)
{
	return st_exec_ints(db, "DELETE FROM answer WHERE response_id = ?", response_id, 0,
		_("saving an evaluation form"), err);
}

int store_response_touch(lk_db *db, int64_t id, int64_t version, lk_err *err)
{
	if (st_exec_ints(db, "UPDATE response SET version = version + 1 WHERE id = ? AND version = ?", id,
		    version, _("saving an evaluation form"), err) < 0)
		return -1;
	return st_check_versioned(db, "SELECT 1 FROM response WHERE id = ?", id,
		_("The evaluation form"), err);
}

int store_response_delete(lk_db *db, int64_t id, int64_t version, lk_err *err)
{
	if (st_exec_ints(db, "DELETE FROM response WHERE id = ? AND version = ?", id, version,
		    _("deleting an evaluation form"), err) < 0)
		return -1;
	return st_check_versioned(db, "SELECT 1 FROM response WHERE id = ?", id,
		_("The evaluation form"), err);
}

#define RESPONSE_COLS "r.id, r.run_id, r.questionnaire_id, r.source, r.entered_by, r.entered_at, " \
	"r.version, (SELECT count(*) FROM answer a WHERE a.response_id = r.id)"

static void read_response(sqlite3_stmt *st, void *row)
{
	lk_response *r = row;
	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(st, 0);
	r->run_id = sqlite3_column_int64(st, 1);
	r->questionnaire_id = sqlite3_column_int64(st, 2);
	response_source_parse((const char *)sqlite3_column_text(st, 3), &r->source);
	r->entered_by = st_col_text(st, 4);
	r->entered_at = st_col_text(st, 5);
	r->version = sqlite3_column_int64(st, 6);
	r->n_answers = sqlite3_column_int(st, 7);
}

static int read_answers(lk_db *db, lk_response *r, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "SELECT a.question_id, a.value_int, a.value_text FROM answer a "
			   "JOIN question q ON q.id = a.question_id WHERE a.response_id = ? "
			   "ORDER BY q.position", &st, err) < 0)
		return -1;
	st_bind_int(st, 1, r->id);
	r->answers = calloc((size_t)r->n_answers + 1, sizeof *r->answers);
	if (!r->answers)
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	int rc, n = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && n < r->n_answers) {
		lk_answer *a = &r->answers[n++];
		a->question_id = sqlite3_column_int64(st, 0);
		a->value = sqlite3_column_int64(st, 1);
		a->text = st_col_text_or_null(st, 2);
	}
	sqlite3_reset(st);
	r->n_answers = n;
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : st_fail(db, rc, _("reading answers"), err);
}

int store_response_get(lk_db *db, int64_t id, lk_response *out, lk_err *err)
{
	int rc = st_get_one(db, "SELECT " RESPONSE_COLS " FROM response r WHERE r.id = ?", id,
		read_response, out, _("reading an evaluation form"), err);
	if (rc <= 0)
		return rc;
	return read_answers(db, out, err) < 0 ? -1 : 1;
}

ST_STREAM_OF(stream_responses, lk_response, read_response, response_free)

int store_response_list(lk_db *db, int64_t run_id, lk_page page,
	int (*each)(void *, const lk_response *), void *arg, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "SELECT " RESPONSE_COLS " FROM response r WHERE r.run_id = ? "
			   "ORDER BY r.id LIMIT ? OFFSET ?", &st, err) < 0)
		return -1;
	st_bind_int(st, 1, run_id);
	st_bind_int(st, 2, page.limit > 0 ? page.limit : -1);
	st_bind_int(st, 3, page.offset);
	return stream_responses(db, st, each, arg, _("reading evaluation forms"), err);
}

int64_t store_response_count(lk_db *db, int64_t run_id, lk_err *err)
{
	return st_scalar_id(db, "SELECT count(*) FROM response WHERE run_id = ?", run_id,
		_("counting evaluation forms"), err);
}

int64_t store_response_count_on(lk_db *db, int64_t run_id, int64_t questionnaire_id, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "SELECT count(*) FROM response WHERE run_id = ? AND questionnaire_id = ?",
			&st, err) < 0)
		return -1;
	st_bind_int(st, 1, run_id);
	st_bind_int(st, 2, questionnaire_id);
	return st_scalar(db, st, _("counting evaluation forms"), err);
}

/* ---- facilitators' evaluations ---- */

int store_feval_is_facilitator(lk_db *db, int64_t run_id, int64_t person_id, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "SELECT 1 FROM session_facilitator f JOIN session s ON s.id = f.session_id "
			   "WHERE f.person_id = ?2 AND s.run_id = ?1 LIMIT 1", &st, err) < 0)
		return -1;
	st_bind_int(st, 1, run_id);
	st_bind_int(st, 2, person_id);
	return st_get_row(db, st, NULL, NULL, _("reading facilitators"), err);
}

#define FEVAL_SELECT "SELECT e.run_id, e.person_id, p.name, e.text, e.written_at, e.version " \
	"FROM facilitator_evaluation e JOIN person p ON p.id = e.person_id "

static void read_feval(sqlite3_stmt *st, void *row)
{
	lk_facilitator_eval *e = row;
	memset(e, 0, sizeof *e);
	e->run_id = sqlite3_column_int64(st, 0);
	e->person_id = sqlite3_column_int64(st, 1);
	e->person_name = st_col_text(st, 2);
	e->text = st_col_text(st, 3);
	e->written_at = st_col_text(st, 4);
	e->version = sqlite3_column_int64(st, 5);
}

int store_feval_get(lk_db *db, int64_t run_id, int64_t person_id, lk_facilitator_eval *out,
	lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, FEVAL_SELECT "WHERE e.run_id = ? AND e.person_id = ?", &st, err) < 0)
		return -1;
	st_bind_int(st, 1, run_id);
	st_bind_int(st, 2, person_id);
	return st_get_row(db, st, read_feval, out, _("reading an evaluation"), err);
}

int store_feval_insert(lk_db *db, const lk_facilitator_eval *e, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "INSERT INTO facilitator_evaluation (run_id, person_id, text, written_at) "
			   "VALUES (?, ?, ?, ?)", &st, err) < 0)
		return -1;
	st_bind_int(st, 1, e->run_id);
	st_bind_int(st, 2, e->person_id);
	st_bind_text(st, 3, e->text);
	st_bind_text(st, 4, e->written_at);
	return st_exec_stmt(db, st, _("saving an evaluation"), err);
}

/* st_check_versioned for the two-column key. */
static int check_versioned(lk_db *db, int64_t run_id, int64_t person_id, lk_err *err)
{
	if (st_changes(db) == 1)
		return 0;
	lk_facilitator_eval cur;
	int found = store_feval_get(db, run_id, person_id, &cur, err);
	if (found < 0)
		return -1;
	if (found == 0)
		return lk_fail(err, LK_ENOTFOUND, _("%s no longer exists (deleted by someone else?)."), _("The evaluation"));
	facilitator_eval_free(&cur);
	return lk_fail(err, LK_ECONFLICT, _("%s was changed by someone else meanwhile; nothing was overwritten. Open it again to see their change."),
		_("The evaluation"));
}

int store_feval_update(lk_db *db, lk_facilitator_eval *e, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "UPDATE facilitator_evaluation SET text = ?, written_at = ?, version = version + 1 "
			   "WHERE run_id = ? AND person_id = ? AND version = ?", &st, err) < 0)
		return -1;
	st_bind_text(st, 1, e->text);
	st_bind_text(st, 2, e->written_at);
	st_bind_int(st, 3, e->run_id);
	st_bind_int(st, 4, e->person_id);
	st_bind_int(st, 5, e->version);
	if (st_exec_stmt(db, st, _("saving an evaluation"), err) < 0 ||
	    check_versioned(db, e->run_id, e->person_id, err) < 0)
		return -1;
	e->version++;
	return 0;
}

int store_feval_delete(lk_db *db, int64_t run_id, int64_t person_id, int64_t version, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "DELETE FROM facilitator_evaluation WHERE run_id = ? AND person_id = ? "
			   "AND version = ?", &st, err) < 0)
		return -1;
	st_bind_int(st, 1, run_id);
	st_bind_int(st, 2, person_id);
	st_bind_int(st, 3, version);
	if (st_exec_stmt(db, st, _("deleting an evaluation"), err) < 0)
		return -1;
	return check_versioned(db, run_id, person_id, err);
}

ST_STREAM_OF(stream_fevals, lk_facilitator_eval, read_feval, facilitator_eval_free)

int store_feval_list(lk_db *db, int64_t run_id,
	int (*each)(void *, const lk_facilitator_eval *), void *arg, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, FEVAL_SELECT "WHERE e.run_id = ? ORDER BY p.name COLLATE NOCASE, p.id",
		    &st, err) < 0)
		return -1;
	st_bind_int(st, 1, run_id);
	return stream_fevals(db, st, each, arg, _("reading evaluations"), err);
}
