/* testlib.h — helpers shared by the Criterion unit tests. */
#ifndef LMSKURS_TESTLIB_H
#define LMSKURS_TESTLIB_H

#include <stdint.h>
#include "lmskurs/ctx.h"
#include "lmskurs/person.h"

#include <sqlite3.h>

/* Makes a fresh private temp folder (0700) and returns its path; the folder
 * and everything in it is removed at exit. Caller must not free. */
const char *tl_tmpdir(void);

/* A fresh database in a temp folder, opened as login "koord" (its first
 * coordinator), with a fake clock at 2027-01-10T09:00. Aborts the test on
 * failure. Close with ctx_close. */
lk_ctx *tl_ctx(void);

/* Path of the database ctx uses. */
const char *tl_db_path(lk_ctx *ctx);

/* Grants login the role (through coord) and opens a second context on the
 * same database as that login, with the same fake clock. */
lk_ctx *tl_ctx_as(lk_ctx *coord, const char *login, lk_role role);

/* Sets ctx's fake clock ("2027-03-04T12:30"). */
void tl_set_now(lk_ctx *ctx, const char *iso);

/* Creates a person and returns its id (asserts success). */
int64_t tl_person(lk_ctx *ctx, const char *name, lk_person_kind kind);

#endif

/* Test fixtures through a second connection on ctx's database: SQL lets a
 * test build rows the API would refuse and read what the API hides. */
sqlite3 *tl_sql_open(lk_ctx *ctx);
/* Runs printf-style SQL (sqlite3_mprintf: %Q quotes); returns the last rowid. */
int64_t tl_sql(lk_ctx *ctx, const char *fmt, ...);
/* The first column of the first row of printf-style SQL. */
int64_t tl_sql_int(lk_ctx *ctx, const char *fmt, ...);
