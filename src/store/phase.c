/* SQL for checklists, checklist templates and gate overrides. Statements
 * that depend on the owner come in pairs (course, run) so each one can use
 * its partial index; owner_sql() picks one. */
#include "store_impl.h"

#include <stdlib.h>

#include "lmskurs/i18n.h"
#include "lmskurs/store/phase.h"

#define ITEM_COLS "id, phase, position, text, done, done_by, done_at, version"
#define PHASE_ORDER                                                                  \
	" CASE phase WHEN 'idea' THEN 1 WHEN 'planning' THEN 2 WHEN 'scheduling' THEN 3" \
	" WHEN 'registration' THEN 4 WHEN 'execution' THEN 5 WHEN 'evaluation' THEN 6"   \
	" WHEN 'revision' THEN 7 ELSE 8 END"

static int is_run(lk_owner o) { return o.course_id == 0; }
static int64_t owner_id(lk_owner o) { return is_run(o) ? o.run_id : o.course_id; }

static int owner_sql(lk_db *db, lk_owner o, const char *const sql[2], sqlite3_stmt **st,
	lk_err *err)
{
	if (st_prepare(db, sql[is_run(o)], st, err) < 0)
		return -1;
	st_bind_int(*st, 1, owner_id(o));
	return 0;
}

int store_owner_exists(lk_db *db, lk_owner owner, lk_err *err)
{
	static const char *const sql[2] = {
		"SELECT count(*) FROM course WHERE id = ?1",
		"SELECT count(*) FROM run WHERE id = ?1",
	};
	sqlite3_stmt *st;
	if (owner_sql(db, owner, sql, &st, err) < 0)
		return -1;
	int64_t n = st_scalar(db, st, _("reading a checklist"), err);
	return n < 0 ? -1 : n > 0;
}

static void read_item(sqlite3_stmt *st, void *row)
{
	lk_checklist_item *it = row;
	it->id = sqlite3_column_int64(st, 0);
	it->phase = st_col_text(st, 1);
	it->position = sqlite3_column_int(st, 2);
	it->text = st_col_text(st, 3);
	it->done = sqlite3_column_int(st, 4) != 0;
	it->done_by = st_col_text_or_null(st, 5);
	it->done_at = st_col_text_or_null(st, 6);
	it->version = sqlite3_column_int64(st, 7);
}

ST_STREAM_OF(stream_items, lk_checklist_item, read_item, checklist_item_free)

int store_checklist_list(lk_db *db, lk_owner owner, const char *phase,
	lk_item_fn each, void *arg, lk_err *err)
{
	static const char *const sql[2] = {
		"SELECT " ITEM_COLS " FROM checklist_item WHERE course_id = ?1"
		" AND (?2 IS NULL OR phase = ?2) ORDER BY" PHASE_ORDER ", position, id",
		"SELECT " ITEM_COLS " FROM checklist_item WHERE run_id = ?1"
		" AND (?2 IS NULL OR phase = ?2) ORDER BY" PHASE_ORDER ", position, id",
	};
	sqlite3_stmt *st;
	if (owner_sql(db, owner, sql, &st, err) < 0)
		return -1;
	st_bind_text(st, 2, phase);
	return stream_items(db, st, each, arg, _("reading a checklist"), err);
}

int64_t store_checklist_count(lk_db *db, lk_owner owner, const char *phase, lk_err *err)
{
	static const char *const sql[2] = {
		"SELECT count(*) FROM checklist_item WHERE course_id = ?1 AND phase = ?2",
		"SELECT count(*) FROM checklist_item WHERE run_id = ?1 AND phase = ?2",
	};
	sqlite3_stmt *st;
	if (owner_sql(db, owner, sql, &st, err) < 0)
		return -1;
	st_bind_text(st, 2, phase);
	return st_scalar(db, st, _("reading a checklist"), err);
}

int store_checklist_copy_template(lk_db *db, lk_owner owner, const char *phase, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "INSERT INTO checklist_item (course_id, run_id, phase, position, text)"
			   " SELECT ?1, ?2, phase, row_number() OVER (ORDER BY position, id), text"
			   " FROM checklist_template WHERE phase = ?3 ORDER BY position, id", &st, err) < 0)
		return -1;
	st_bind_opt_int(st, 1, owner.course_id, is_run(owner));
	st_bind_opt_int(st, 2, owner.run_id, !is_run(owner));
	st_bind_text(st, 3, phase);
	return st_exec_stmt(db, st, _("copying a checklist"), err);
}

int store_checklist_insert(lk_db *db, lk_owner owner, const char *phase, const char *text,
	int64_t *id, lk_err *err)
{
	static const char *const sql[2] = {
		"INSERT INTO checklist_item (course_id, phase, position, text) VALUES (?1, ?2,"
		" (SELECT coalesce(max(position), 0) + 1 FROM checklist_item"
		"   WHERE course_id = ?1 AND phase = ?2), ?3)",
		"INSERT INTO checklist_item (run_id, phase, position, text) VALUES (?1, ?2,"
		" (SELECT coalesce(max(position), 0) + 1 FROM checklist_item"
		"   WHERE run_id = ?1 AND phase = ?2), ?3)",
	};
	sqlite3_stmt *st;
	if (owner_sql(db, owner, sql, &st, err) < 0)
		return -1;
	st_bind_text(st, 2, phase);
	st_bind_text(st, 3, text);
	if (st_exec_stmt(db, st, _("saving a checklist item"), err) < 0)
		return -1;
	*id = st_last_id(db);
	return 0;
}

int store_checklist_set_done(lk_db *db, int64_t id, int64_t version, bool done,
	const char *login, const char *stamp, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "UPDATE checklist_item SET done = ?3, done_by = ?4, done_at = ?5,"
			   " version = version + 1 WHERE id = ?1 AND version = ?2", &st, err) < 0)
		return -1;
	st_bind_int(st, 1, id);
	st_bind_int(st, 2, version);
	st_bind_int(st, 3, done);
	st_bind_text(st, 4, done ? login : NULL);
	st_bind_text(st, 5, done ? stamp : NULL);
	if (st_exec_stmt(db, st, _("saving a checklist item"), err) < 0)
		return -1;
	return st_check_versioned(db, "SELECT 1 FROM checklist_item WHERE id = ?", id,
		_("The checklist item"), err);
}

int store_checklist_delete(lk_db *db, int64_t id, int64_t version, lk_err *err)
{
	if (st_exec_ints(db, "DELETE FROM checklist_item WHERE id = ? AND version = ?", id, version,
		    _("deleting a checklist item"), err) < 0)
		return -1;
	return st_check_versioned(db, "SELECT 1 FROM checklist_item WHERE id = ?", id,
		_("The checklist item"), err);
}

int store_template_list(lk_db *db, const char *phase, lk_item_fn each, void *arg, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "SELECT id, phase, position, text, 0, NULL, NULL, version"
			   " FROM checklist_template WHERE (?1 IS NULL OR phase = ?1)"
			   " ORDER BY" PHASE_ORDER ", position, id", &st, err) < 0)
		return -1;
	st_bind_text(st, 1, phase);
	return stream_items(db, st, each, arg, _("reading a checklist"), err);
}

int store_template_insert(lk_db *db, const char *phase, const char *text, int64_t *id, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "INSERT INTO checklist_template (phase, position, text) VALUES (?1,"
			   " (SELECT coalesce(max(position), 0) + 1 FROM checklist_template"
			   "   WHERE phase = ?1), ?2)", &st, err) < 0)
		return -1;
	st_bind_text(st, 1, phase);
	st_bind_text(st, 2, text);
	if (st_exec_stmt(db, st, _("saving a checklist template item"), err) < 0)
		return -1;
	*id = st_last_id(db);
	return 0;
}

int store_template_delete(lk_db *db, int64_t id, int64_t version, lk_err *err)
{
	if (st_exec_ints(db, "DELETE FROM checklist_template WHERE id = ? AND version = ?", id, version,
		    _("deleting a checklist template item"), err) < 0)
		return -1;
	return st_check_versioned(db, "SELECT 1 FROM checklist_template WHERE id = ?", id,
		_("The checklist template item"), err);
}

int store_override_insert(lk_db *db, lk_owner owner, const lk_gate_override *o,
	int64_t *id, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "INSERT INTO gate_override (course_id, run_id, from_phase, to_phase,"
			   " unmet, reason, login, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", &st, err) < 0)
		return -1;
	st_bind_opt_int(st, 1, owner.course_id, is_run(owner));
	st_bind_opt_int(st, 2, owner.run_id, !is_run(owner));
	st_bind_text(st, 3, o->from_phase);
	st_bind_text(st, 4, o->to_phase);
	st_bind_text(st, 5, o->unmet);
	st_bind_text(st, 6, o->reason);
	st_bind_text(st, 7, o->login);
	st_bind_text(st, 8, o->at);
	if (st_exec_stmt(db, st, _("saving a gate override"), err) < 0)
		return -1;
	*id = st_last_id(db);
	return 0;
}

static void read_override(sqlite3_stmt *st, lk_gate_override *o)
{
	o->id = sqlite3_column_int64(st, 0);
	o->from_phase = st_col_text(st, 1);
	o->to_phase = st_col_text(st, 2);
	o->unmet = st_col_text(st, 3);
	o->reason = st_col_text(st, 4);
	o->login = st_col_text(st, 5);
	o->at = st_col_text(st, 6);
}

ST_STREAM_OF(stream_overrides, lk_gate_override, read_override, gate_override_free)

int store_override_list(lk_db *db, lk_owner owner,
	int (*each)(void *arg, const lk_gate_override *o), void *arg, lk_err *err)
{
	static const char *const sql[2] = {
		"SELECT id, from_phase, to_phase, unmet, reason, login, at FROM gate_override"
		" WHERE course_id = ?1 ORDER BY at DESC, id DESC",
		"SELECT id, from_phase, to_phase, unmet, reason, login, at FROM gate_override"
		" WHERE run_id = ?1 ORDER BY at DESC, id DESC",
	};
	sqlite3_stmt *st;
	if (owner_sql(db, owner, sql, &st, err) < 0)
		return -1;
	return stream_overrides(db, st, each, arg, _("reading gate overrides"), err);
}
