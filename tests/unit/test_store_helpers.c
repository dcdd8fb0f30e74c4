/* The store's private row helpers (src/store/store_impl.h): one row by id,
 * scalars, writes with integer parameters, streams, person readers. */
#include <criterion/criterion.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/store/store_impl.h"
#include "lmskurs/person.h"
#include "testlib.h"

/* abs() of the smallest int64 overflows when stepped: an error that comes
 * from sqlite3_step, not from preparing. */
#define OVERFLOW_SQL "SELECT abs(?)"

static int64_t count_people(lk_db *db)
{
	lk_err err;
	int64_t n = st_scalar_id(db, "SELECT count(*) FROM person WHERE id > ?", 0, "counting", &err);
	cr_assert_geq(n, 0, "%s", err.msg);
	return n;
}

static void read_name(sqlite3_stmt *st, void *out) { *(char **)out = st_col_text(st, 0); }

Test(store_helpers, get_one_found_missing_and_exists)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t id = tl_person(ctx, "Åse Ødegård", LK_USER_REP);
	char *name = NULL;
	cr_assert_eq(st_get_one(ctx->db, "SELECT name FROM person WHERE id = ?", id, read_name, &name,
			     "reading", &err), 1, "%s", err.msg);
	cr_assert_str_eq(name, "Åse Ødegård");
	free(name);

	name = NULL;
	cr_assert_eq(st_get_one(ctx->db, "SELECT name FROM person WHERE id = ?", id + 1, read_name,
			     &name, "reading", &err), 0);
	cr_assert_null(name, "no row: out is not touched");

	cr_assert_eq(st_get_one(ctx->db, "SELECT 1 FROM person WHERE id = ?", id, NULL, NULL, "reading",
			     &err), 1);
	cr_assert_eq(st_get_one(ctx->db, "SELECT 1 FROM person WHERE id = ?", -id, NULL, NULL, "reading",
			     &err), 0);

	int64_t back = 0;
	cr_assert_eq(st_get_one(ctx->db, "SELECT id * 10 FROM person WHERE id = ?", id, st_read_int64,
			     &back, "reading", &err), 1);
	cr_assert_eq(back, id * 10);
	ctx_close(ctx);
}

Test(store_helpers, get_one_step_error_names_the_read)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t out = 42;
	cr_assert_eq(st_get_one(ctx->db, OVERFLOW_SQL, INT64_MIN, st_read_int64, &out,
			     "reading the tæller", &err), -1);
	cr_assert_eq(err.code, LK_EDB);
	cr_assert(strstr(err.msg, "reading the tæller"), "%s", err.msg);
	cr_assert_eq(out, 42);
	/* The statement was reset: the same SQL works again at once. */
	cr_assert_eq(st_get_one(ctx->db, OVERFLOW_SQL, -5, st_read_int64, &out, "reading", &err), 1);
	cr_assert_eq(out, 5);
	ctx_close(ctx);
}

Test(store_helpers, scalar_counts_and_refuses_no_row_and_errors)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	cr_assert_eq(count_people(ctx->db), 0);
	tl_person(ctx, "李小龍", LK_PROFESSIONAL);
	tl_person(ctx, "محمد", LK_USER_REP);
	cr_assert_eq(count_people(ctx->db), 2);

	cr_assert_eq(st_scalar_id(ctx->db, "SELECT id FROM person WHERE id = ?", 999, "finding", &err), -1,
		"no row is an error for a scalar");
	cr_assert(strstr(err.msg, "finding"), "%s", err.msg);
	cr_assert_eq(st_scalar_id(ctx->db, OVERFLOW_SQL, INT64_MIN, "adding up", &err), -1);
	cr_assert_eq(err.code, LK_EDB);

	sqlite3_stmt *st;
	cr_assert_eq(st_prepare(ctx->db, "SELECT count(*) FROM person WHERE kind = ?", &st, &err), 0);
	st_bind_text(st, 1, "user_rep");
	cr_assert_eq(st_scalar(ctx->db, st, "counting", &err), 1);
	cr_assert_not(sqlite3_stmt_busy(st), "reset after the scalar");
	ctx_close(ctx);
}

Test(store_helpers, exec_ints_binds_one_or_two_and_refusal_changes_nothing)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t a = tl_person(ctx, "Bjørn", LK_PROFESSIONAL);
	int64_t b = tl_person(ctx, "Ærlige Ærle", LK_USER_REP);
	cr_assert_eq(st_exec_ints(ctx->db, "UPDATE person SET active = ?2 WHERE id = ?1", a, 0, "saving",
			     &err), 0, "%s", err.msg);
	cr_assert_eq(st_scalar_id(ctx->db, "SELECT active FROM person WHERE id = ?", a, "r", &err), 0);
	cr_assert_eq(st_scalar_id(ctx->db, "SELECT active FROM person WHERE id = ?", b, "r", &err), 1);

	/* A foreign key the database refuses: an error, and nothing written. */
	int64_t before = st_scalar_id(ctx->db, "SELECT count(*) FROM session_facilitator WHERE ?", 1, "r", &err);
	cr_assert_eq(st_exec_ints(ctx->db, "INSERT INTO session_facilitator (session_id, person_id)"
					   " VALUES (?, ?)", 12345, a, "booking", &err), -1);
	cr_assert_eq(err.code, LK_EINVAL, "%s", err.msg);
	cr_assert(strstr(err.msg, "booking"), "%s", err.msg);
	cr_assert_eq(st_scalar_id(ctx->db, "SELECT count(*) FROM session_facilitator WHERE ?", 1, "r", &err),
		before);

	/* One parameter: b is not bound anywhere. */
	cr_assert_eq(st_exec_ints(ctx->db, "DELETE FROM person WHERE id = ?", b, 777, "deleting", &err), 0);
	cr_assert_eq(count_people(ctx->db), 1);
	ctx_close(ctx);
}

struct tally {
	int rows, stop_at;
	int64_t sum;
};

static int add_row(sqlite3_stmt *st, void *arg)
{
	struct tally *t = arg;
	t->rows++;
	t->sum += sqlite3_column_int64(st, 0);
	return t->rows == t->stop_at;
}

Test(store_helpers, stream_all_stop_and_error)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	sqlite3_stmt *st;
	const char *sql = "SELECT value FROM generate_series(1, ?)";
	if (st_prepare(ctx->db, sql, &st, &err) < 0) {
		/* generate_series is optional in SQLite builds: a recursive CTE does the same. */
		sql = "WITH RECURSIVE s(value) AS (SELECT 1 UNION ALL SELECT value + 1 FROM s WHERE value < ?)"
		      " SELECT value FROM s";
		cr_assert_eq(st_prepare(ctx->db, sql, &st, &err), 0, "%s", err.msg);
	}
	st_bind_int(st, 1, 10);
	struct tally t = {0, 0, 0};
	cr_assert_eq(st_stream(ctx->db, st, add_row, &t, "counting", &err), 0);
	cr_assert_eq(t.rows, 10);
	cr_assert_eq(t.sum, 55);

	cr_assert_eq(st_prepare(ctx->db, sql, &st, &err), 0);
	st_bind_int(st, 1, 10);
	t = (struct tally){0, 3, 0};
	cr_assert_eq(st_stream(ctx->db, st, add_row, &t, "counting", &err), 0, "a stop is no error");
	cr_assert_eq(t.rows, 3);
	cr_assert_not(sqlite3_stmt_busy(st), "reset after a stop");

	cr_assert_eq(st_prepare(ctx->db, "SELECT abs(column1) FROM (VALUES (1), (?), (3))", &st, &err), 0);
	st_bind_int(st, 1, INT64_MIN);
	t = (struct tally){0, 0, 0};
	cr_assert_eq(st_stream(ctx->db, st, add_row, &t, "adding ønsker", &err), -1);
	cr_assert_eq(t.rows, 1, "rows before the error were handed on");
	cr_assert_eq(err.code, LK_EDB);
	cr_assert(strstr(err.msg, "adding ønsker"), "%s", err.msg);
	ctx_close(ctx);
}

/* A row type that owns memory, to see every read row freed. */
typedef struct name_row {
	char *name;
} name_row;

static int n_read, n_freed;

static void read_name_row(sqlite3_stmt *st, name_row *r)
{
	r->name = st_col_text(st, 0);
	n_read++;
}

static void name_row_free(name_row *r)
{
	free(r->name);
	r->name = NULL;
	n_freed++;
}

ST_STREAM_OF(stream_names, name_row, read_name_row, name_row_free)

static int keep_two(void *arg, const name_row *r)
{
	char *buf = arg;
	strcat(buf, r->name);
	strcat(buf, "|");
	return strchr(buf, '|') != strrchr(buf, '|');
}

Test(store_helpers, typed_stream_frees_every_row_also_when_stopped)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	tl_person(ctx, "Ola", LK_PROFESSIONAL);
	tl_person(ctx, "Ærle", LK_USER_REP);
	tl_person(ctx, "Øystein", LK_PROFESSIONAL);
	sqlite3_stmt *st;
	cr_assert_eq(st_prepare(ctx->db, "SELECT name FROM person ORDER BY id", &st, &err), 0);
	char buf[100] = "";
	cr_assert_eq(stream_names(ctx->db, st, keep_two, buf, "reading", &err), 0);
	cr_assert_str_eq(buf, "Ola|Ærle|");
	cr_assert_eq(n_read, 2);
	cr_assert_eq(n_freed, 2);
	ctx_close(ctx);
}

Test(store_helpers, person_readers_from_any_column)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	lk_person in = {.name = "Nguyễn Thị Hoa", .kind = LK_USER_REP, .profession = "",
		.organisation = "LHL Hjerte", .email = "hoa@example.no", .phone = "+47 912 34 567",
		.notes = "kun kveld", .active = true};
	cr_assert_eq(person_create(ctx, &in, &err), 0, "%s", err.msg);

	sqlite3_stmt *st;
	cr_assert_eq(st_prepare(ctx->db, "SELECT 'x', " ST_PERSON_COLS("p.") " FROM person p WHERE p.id = ?",
			     &st, &err), 0, "%s", err.msg);
	st_bind_int(st, 1, in.id);
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
	lk_person p, h;
	st_read_person(st, 1, &p);
	st_read_person_head(st, 1, &h);
	sqlite3_reset(st);

	cr_assert_eq(p.id, in.id);
	cr_assert_str_eq(p.name, "Nguyễn Thị Hoa");
	cr_assert_eq(p.kind, LK_USER_REP);
	cr_assert_str_eq(p.organisation, "LHL Hjerte");
	cr_assert_str_eq(p.email, "hoa@example.no");
	cr_assert_str_eq(p.phone, "+47 912 34 567");
	cr_assert_str_eq(p.notes, "kun kveld");
	cr_assert(p.active);
	cr_assert_eq(p.version, 1);

	cr_assert_eq(h.id, in.id);
	cr_assert_str_eq(h.name, "Nguyễn Thị Hoa");
	cr_assert_eq(h.kind, LK_USER_REP);
	cr_assert_str_eq(h.organisation, "LHL Hjerte");
	cr_assert_null(h.email, "the head reads no contact details");
	cr_assert_null(h.phone);
	cr_assert_eq(h.version, 0);
	person_free(&p);
	person_free(&h);
	ctx_close(ctx);
}
