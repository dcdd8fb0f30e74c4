#include "store_impl.h"

#include <stdio.h>
#include <stdlib.h>

#include "lmskurs/auditlog.h"
#include "lmskurs/i18n.h"
#include "lmskurs/store/user.h"

void store_user_row_free(lk_user_row *u)
{
	if (!u)
		return;
	free(u->login);
	free(u->name);
	free(u->role);
	u->login = u->name = u->role = NULL;
}

static void read_user(sqlite3_stmt *st, void *row)
{
	lk_user_row *u = row;
	u->id = sqlite3_column_int64(st, 0);
	u->login = st_col_text(st, 1);
	u->name = st_col_text(st, 2);
	u->role = st_col_text(st, 3);
	u->person_id = sqlite3_column_int64(st, 4);
	u->active = sqlite3_column_int(st, 5);
	u->version = sqlite3_column_int64(st, 6);
}

#define USER_COLS "id, login, name, role, coalesce(person_id, 0), active, version"

int store_user_by_login(lk_db *db, const char *login, lk_user_row *out, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "SELECT " USER_COLS " FROM app_user WHERE login = ?", &st, err) < 0)
		return -1;
	st_bind_text(st, 1, login);
	return st_get_row(db, st, read_user, out, _("reading users"), err);
}

int64_t store_user_count(lk_db *db, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "SELECT count(*) FROM app_user", &st, err) < 0)
		return -1;
	return st_scalar(db, st, _("reading users"), err);
}

int store_user_insert(lk_db *db, const lk_user_row *u, const char *stamp, int64_t *id, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "INSERT INTO app_user (login, name, role, person_id, active, created_at) "
			   "VALUES (?, ?, ?, ?, ?, ?)", &st, err) < 0)
		return -1;
	st_bind_text(st, 1, u->login);
	st_bind_text(st, 2, u->name ? u->name : "");
	st_bind_text(st, 3, u->role);
	st_bind_opt_int(st, 4, u->person_id, u->person_id == 0);
	st_bind_int(st, 5, u->active);
	st_bind_text(st, 6, stamp);
	if (st_exec_stmt(db, st, _("saving a user"), err) < 0)
		return -1;
	*id = st_last_id(db);
	return 0;
}

int store_user_update(lk_db *db, const lk_user_row *u, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "UPDATE app_user SET name = ?, role = ?, person_id = ?, active = ?, "
			   "version = version + 1 WHERE id = ? AND version = ?", &st, err) < 0)
		return -1;
	st_bind_text(st, 1, u->name ? u->name : "");
	st_bind_text(st, 2, u->role);
	st_bind_opt_int(st, 3, u->person_id, u->person_id == 0);
	st_bind_int(st, 4, u->active);
	st_bind_int(st, 5, u->id);
	st_bind_int(st, 6, u->version);
	if (st_exec_stmt(db, st, _("saving a user"), err) < 0)
		return -1;
	return st_check_versioned(db, "SELECT 1 FROM app_user WHERE id = ?", u->id, _("The user"), err);
}

ST_STREAM_OF(stream_users, lk_user_row, read_user, store_user_row_free)

int store_user_list(lk_db *db, int (*each)(void *, const lk_user_row *), void *arg, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "SELECT " USER_COLS " FROM app_user ORDER BY login", &st, err) < 0)
		return -1;
	return stream_users(db, st, each, arg, _("reading users"), err);
}

/* ---- the audit log: a hash chain (schema 0005, auditlog.h) ---- */

static void read_hash(sqlite3_stmt *st, void *out)
{
	const unsigned char *h = sqlite3_column_text(st, 0);
	snprintf(out, LK_SHA256_HEX, "%s", h ? (const char *)h : "");
}

/* The newest entry's hash ("" before the first, or when the chain's record
 * is gone: `lmskurs check` reports that). */
static int chain_last_hash(lk_db *db, char prev[static LK_SHA256_HEX], lk_err *err)
{
	prev[0] = '\0';
	return st_get_one(db, "SELECT last_hash FROM audit_chain WHERE one = ?", 1, read_hash, prev,
		_("writing the audit log"), err) < 0 ? -1 : 0;
}

static int insert_entry(lk_db *db, const lk_audit_entry *e, const char *hash, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "INSERT INTO audit (at, login, role, action, entity, entity_id, detail, hash) "
			   "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", &st, err) < 0)
		return -1;
	st_bind_text(st, 1, e->at);
	st_bind_text(st, 2, e->login);
	st_bind_text(st, 3, e->role);
	st_bind_text(st, 4, e->action);
	st_bind_text(st, 5, e->entity);
	st_bind_opt_int(st, 6, e->entity_id, e->entity_id == 0);
	st_bind_text(st, 7, e->detail);
	st_bind_text(st, 8, hash);
	return st_exec_stmt(db, st, _("writing the audit log"), err);
}

static int chain_advance(lk_db *db, int64_t id, const char *hash, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "INSERT INTO audit_chain (one, first_id, last_id, last_hash) VALUES (1, ?1, ?1, ?2)"
			   " ON CONFLICT (one) DO UPDATE SET last_id = excluded.last_id,"
			   " last_hash = excluded.last_hash", &st, err) < 0)
		return -1;
	st_bind_int(st, 1, id);
	st_bind_text(st, 2, hash);
	return st_exec_stmt(db, st, _("writing the audit log"), err);
}

/* Reading the last hash and appending after it happen under one write
 * lock (a savepoint inside the caller's transaction, else a transaction of
 * its own), so two processes never chain onto the same entry. */
int store_audit_append(lk_db *db, const char *at, const char *login, const char *role,
	const char *action, const char *entity, int64_t id, const char *detail, lk_err *err)
{
	lk_audit_entry e = {.at = (char *)at, .login = (char *)login, .role = (char *)role,
		.action = (char *)action, .entity = (char *)entity, .entity_id = id,
		.detail = (char *)(detail ? detail : "")};
	char prev[LK_SHA256_HEX], hash[LK_SHA256_HEX];
	if (store_begin(db, err) < 0)
		return -1;
	int rc = chain_last_hash(db, prev, err);
	if (rc == 0) {
		audit_entry_hash(prev, &e, hash);
		rc = insert_entry(db, &e, hash, err);
	}
	if (rc == 0)
		rc = chain_advance(db, st_last_id(db), hash, err);
	if (rc < 0) {
		store_rollback(db);
		return -1;
	}
	return store_commit(db, err);
}
