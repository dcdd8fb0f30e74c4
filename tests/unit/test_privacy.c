/* test_privacy.c — the retention rule with a fake clock, the purge and the
 * erasure (all or nothing, audited by number, names gone from the file and
 * its WAL), and who may do it. Every rule in its allowed and its refused
 * case; refusals leave the database as it was. */
#define _GNU_SOURCE /* memmem */
#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "lmskurs/enroll.h"
#include "lmskurs/participant.h"
#include "lmskurs/privacy.h"
#include "lmskurs/store.h"
#include "testlib.h"

/* ---- fixtures: a second connection on the test database ---- */

/* Every row of the tables a purge could touch, as one string. */
static char *fx_snapshot(lk_ctx *ctx)
{
	static const char *const sql[] = {
		"SELECT * FROM participant ORDER BY 1", "SELECT * FROM enrollment ORDER BY 1",
		"SELECT * FROM attendance ORDER BY 1, 2", "SELECT * FROM audit ORDER BY 1"};
	sqlite3 *h = tl_sql_open(ctx);
	size_t cap = 1 << 18, len = 0;
	char *out = calloc(1, cap);
	for (size_t i = 0; i < sizeof sql / sizeof sql[0]; i++) {
		sqlite3_stmt *st;
		cr_assert_eq(sqlite3_prepare_v2(h, sql[i], -1, &st, NULL), SQLITE_OK);
		while (sqlite3_step(st) == SQLITE_ROW)
			for (int c = 0; c < sqlite3_column_count(st); c++) {
				const char *t = (const char *)sqlite3_column_text(st, c);
				len += (size_t)snprintf(out + len, cap - len, "%s|", t ? t : "NULL");
				cr_assert_lt(len, cap);
			}
		sqlite3_finalize(st);
	}
	sqlite3_close(h);
	return out;
}

static void assert_unchanged(lk_ctx *ctx, char *before)
{
	char *after = fx_snapshot(ctx);
	cr_assert_str_eq(after, before, "a refused operation changed the database");
	free(after);
	free(before);
}

static int64_t fx_course(lk_ctx *ctx, const char *title)
{
	return tl_sql(ctx, "INSERT INTO course (title, audience, phase, created_at, updated_at)"
		" VALUES (%Q, 'both', 'active', '2027-01-01T00:00:00', '2027-01-01T00:00:00')", title);
}

/* A run in registration (enroll_add needs it); closed later with fx_close. */
static int64_t fx_run(lk_ctx *ctx, const char *course, const char *title)
{
	int64_t c = fx_course(ctx, course);
	return tl_sql(ctx, "INSERT INTO run (course_id, title, phase, created_at)"
		" VALUES (%lld, %Q, 'registration', '2027-01-01T00:00:00')", (long long)c, title);
}

static void fx_close(lk_ctx *ctx, int64_t run, const char *closed_at)
{
	tl_sql(ctx, "UPDATE run SET phase = 'closed', closed_at = %Q WHERE id = %lld", closed_at,
		(long long)run);
}

static void fx_phase(lk_ctx *ctx, int64_t run, const char *phase)
{
	tl_sql(ctx, "UPDATE run SET phase = %Q WHERE id = %lld", phase, (long long)run);
}

static int64_t mk(lk_ctx *ctx, const char *name, const char *phone)
{
	lk_err err;
	lk_participant p = {.name = (char *)name, .phone = (char *)phone, .email = "post@example.no",
		.notes = "Trenger tolk", .birth_year = 1961};
	cr_assert_eq(participant_create(ctx, &p, &err), 0, "%s", err.msg);
	return p.id;
}

static int64_t enroll(lk_ctx *ctx, int64_t run, int64_t who)
{
	lk_err err;
	lk_enrollment e;
	cr_assert_eq(enroll_add(ctx, run, who, LK_CAT_RELATIVE, false, &e, &err), 0, "%s", err.msg);
	int64_t id = e.id;
	enrollment_free(&e);
	return id;
}

/* A held session of run with participant's enrollment marked present. */
static void fx_attended(lk_ctx *ctx, int64_t run, int64_t enrollment)
{
	int64_t s = tl_sql(ctx, "INSERT INTO session (run_id, seq, starts_at, ends_at, status)"
		" VALUES (%lld, (SELECT count(*) + 1 FROM session WHERE run_id = %lld),"
		" '2027-02-01T17:00', '2027-02-01T19:00', 'held')", (long long)run, (long long)run);
	tl_sql(ctx, "INSERT INTO attendance (session_id, enrollment_id, status, marked_by, marked_at)"
		" VALUES (%lld, %lld, 'present', 'koord', '2027-02-01T19:00:00')", (long long)s,
		(long long)enrollment);
}

/* The ids streamed by privacy_due_list, "3,5,". */
static int collect_ids(void *arg, const lk_purge_item *it)
{
	sprintf((char *)arg + strlen(arg), "%lld,", (long long)it->participant_id);
	return 0;
}

static char *due_ids(lk_ctx *ctx, lk_page page)
{
	static char buf[4096];
	lk_err err;
	buf[0] = '\0';
	cr_assert_eq(privacy_due_list(ctx, page, collect_ids, buf, &err), 0, "%s", err.msg);
	return buf;
}

static int64_t due(lk_ctx *ctx)
{
	lk_err err;
	int64_t n = privacy_due_count(ctx, &err);
	cr_assert_geq(n, 0, "%s", err.msg);
	return n;
}

/* ---- files: where a removed name could still be ---- */

static bool file_has(const char *path, const char *needle)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return false;
	struct stat sb;
	cr_assert_eq(fstat(fileno(f), &sb), 0);
	char *buf = malloc((size_t)sb.st_size + 1);
	size_t n = fread(buf, 1, (size_t)sb.st_size, f);
	fclose(f);
	bool found = memmem(buf, n, needle, strlen(needle)) != NULL;
	free(buf);
	return found;
}

/* In the database file or its -wal. */
static bool db_files_have(lk_ctx *ctx, const char *needle)
{
	char wal[512];
	snprintf(wal, sizeof wal, "%s-wal", tl_db_path(ctx));
	return file_has(tl_db_path(ctx), needle) || file_has(wal, needle);
}

static long long wal_size(lk_ctx *ctx)
{
	char wal[512];
	struct stat sb;
	snprintf(wal, sizeof wal, "%s-wal", tl_db_path(ctx));
	return stat(wal, &sb) == 0 ? (long long)sb.st_size : -1;
}

/* ---- the cutoff ---- */

Test(privacy, cutoff_is_now_minus_the_retention_months)
{
	lk_ctx *ctx = tl_ctx();
	char c[20];
	privacy_cutoff(ctx, c);
	cr_assert_str_eq(c, "2026-01-10T09:00:00", "12 months is the default");
	ctx->settings.retention_months = 3;
	tl_set_now(ctx, "2027-05-31T14:30");
	privacy_cutoff(ctx, c);
	cr_assert_str_eq(c, "2027-02-28T14:30:00", "past the month's end: its last day");
	tl_set_now(ctx, "2028-05-31T08:00");
	privacy_cutoff(ctx, c);
	cr_assert_str_eq(c, "2028-02-29T08:00:00", "a leap year's February");
	ctx->settings.retention_months = 26;
	tl_set_now(ctx, "2029-01-15T10:00");
	privacy_cutoff(ctx, c);
	cr_assert_str_eq(c, "2026-11-15T10:00:00");
	ctx_close(ctx);
}

/* ---- the rule ---- */

Test(privacy, due_after_the_last_run_is_closed_and_not_before)
{
	lk_ctx *ctx = tl_ctx();
	int64_t run = fx_run(ctx, "Leve med diabetes", "Våren 2027");
	int64_t a = mk(ctx, "Åse Ødegård", "91234567");
	enroll(ctx, run, a);
	fx_close(ctx, run, "2027-06-15T12:00:00");
	tl_set_now(ctx, "2028-06-15T11:59");
	cr_assert_eq(due(ctx), 0, "one minute before 12 months have passed");
	tl_set_now(ctx, "2028-06-15T12:00");
	cr_assert_eq(due(ctx), 1);
	char want[32];
	snprintf(want, sizeof want, "%lld,", (long long)a);
	cr_assert_str_eq(due_ids(ctx, (lk_page){0, 0}), want);
	ctx_close(ctx);
}

Test(privacy, never_due_while_in_a_run_still_going)
{
	lk_ctx *ctx = tl_ctx();
	int64_t old = fx_run(ctx, "Leve med KOLS", "Høsten 2026");
	int64_t live = fx_run(ctx, "Hjertekurs", "Våren 2027");
	int64_t b = mk(ctx, "Nguyễn Thị Bình", "+4790000001");
	enroll(ctx, old, b);
	enroll(ctx, live, b);
	fx_close(ctx, old, "2027-02-01T10:00:00");
	tl_set_now(ctx, "2035-01-01T00:00");
	for (const char *const *ph = (const char *const[]){"scheduling", "registration", "execution", "evaluation", NULL}; *ph; ph++) {
		fx_phase(ctx, live, *ph);
		cr_assert_eq(due(ctx), 0, "a run in %s keeps the participant", *ph);
	}
	fx_phase(ctx, live, "cancelled");
	cr_assert_eq(due(ctx), 1, "a cancelled run no longer keeps them");
	ctx_close(ctx);
}

Test(privacy, a_cancelled_place_in_a_live_run_still_keeps_them)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t live = fx_run(ctx, "Hjertekurs", "Våren 2027");
	int64_t c = mk(ctx, "Søren Kierkegaard-Ødegaard", NULL);
	int64_t e = enroll(ctx, live, c);
	lk_enrollment got;
	cr_assert_eq(enroll_get(ctx, e, &got, &err), 0, "%s", err.msg);
	cr_assert_eq(enroll_cancel(ctx, e, got.version, NULL, &err), 0, "%s", err.msg);
	enrollment_free(&got);
	tl_set_now(ctx, "2035-01-01T00:00");
	cr_assert_eq(due(ctx), 0);
	ctx_close(ctx);
}

Test(privacy, without_a_closed_run_it_counts_from_the_last_sign_up_or_registration)
{
	lk_ctx *ctx = tl_ctx();
	int64_t never = mk(ctx, "李小龙", NULL);          /* registered 2027-01-10T09:00 */
	int64_t run = fx_run(ctx, "Mestring av smerte", "Vår");
	tl_set_now(ctx, "2027-03-01T10:00");
	int64_t signed_up = mk(ctx, "Maria Dąbrowska", NULL);
	enroll(ctx, run, signed_up);                     /* requested 2027-03-01T10:00 */
	fx_phase(ctx, run, "cancelled");
	tl_set_now(ctx, "2028-01-10T09:00");
	char want[64];
	snprintf(want, sizeof want, "%lld,", (long long)never);
	cr_assert_str_eq(due_ids(ctx, (lk_page){0, 0}), want, "only the one registered a year ago");
	tl_set_now(ctx, "2028-03-01T10:00");
	snprintf(want, sizeof want, "%lld,%lld,", (long long)never, (long long)signed_up);
	cr_assert_str_eq(due_ids(ctx, (lk_page){0, 0}), want, "oldest activity first");
	cr_assert_str_eq(due_ids(ctx, (lk_page){1, 1}), want + strcspn(want, ",") + 1, "paged");
	ctx_close(ctx);
}

Test(privacy, a_later_run_moves_the_date)
{
	lk_ctx *ctx = tl_ctx();
	int64_t r1 = fx_run(ctx, "Diabetes", "2027");
	int64_t r2 = fx_run(ctx, "Diabetes", "2028");
	int64_t p = mk(ctx, "Ola Nordmann", NULL);
	enroll(ctx, r1, p);
	enroll(ctx, r2, p);
	fx_close(ctx, r1, "2027-03-01T10:00:00");
	fx_close(ctx, r2, "2028-03-01T10:00:00");
	tl_set_now(ctx, "2028-06-01T10:00");
	cr_assert_eq(due(ctx), 0, "the first run closed over a year ago, the second not");
	tl_set_now(ctx, "2029-03-01T10:00");
	cr_assert_eq(due(ctx), 1);
	ctx->settings.retention_months = 24;
	cr_assert_eq(due(ctx), 0, "the setting counts");
	ctx_close(ctx);
}

struct first_item {
	lk_purge_item it;
	int n;
};

static int take_first(void *arg, const lk_purge_item *it)
{
	struct first_item *f = arg;
	if (f->n++ == 0) {
		f->it = *it;
		f->it.since = strdup(it->since);
		f->it.last_run = strdup(it->last_run);
	}
	return 0;
}

Test(privacy, the_list_names_the_last_run_and_never_a_name)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t r1 = fx_run(ctx, "Leve med kreft", "Høst 2026");
	int64_t r2 = fx_run(ctx, "Pårørendeskolen", "Vår 2027");
	int64_t p = mk(ctx, "Ingrid Ødegård", NULL);
	enroll(ctx, r1, p);
	enroll(ctx, r2, p);
	fx_close(ctx, r1, "2027-01-20T10:00:00");
	fx_close(ctx, r2, "2027-04-02T15:00:00");
	tl_set_now(ctx, "2028-05-01T10:00");
	struct first_item f = {0};
	cr_assert_eq(privacy_due_list(ctx, (lk_page){0, 0}, take_first, &f, &err), 0, "%s", err.msg);
	cr_assert_eq(f.n, 1);
	cr_assert_eq(f.it.participant_id, p);
	cr_assert_str_eq(f.it.since, "2027-04-02T15:00:00");
	cr_assert_eq(f.it.last_run_id, r2);
	cr_assert_str_eq(f.it.last_run, "Pårørendeskolen – Vår 2027");
	cr_assert_null(strstr(f.it.last_run, "Ingrid"));
	purge_item_free(&f.it);
	ctx_close(ctx);
}

/* ---- the purge ---- */

/* Two participants of a run closed 2027-02-01, one of them with
 * attendance, and one in a live run; the clock a year and a day later. */
struct world {
	lk_ctx *ctx;
	int64_t run, live, gone, gone2, kept, e_gone;
};

static struct world world(void)
{
	struct world w = {.ctx = tl_ctx()};
	w.run = fx_run(w.ctx, "Leve med diabetes", "Våren 2027");
	w.live = fx_run(w.ctx, "Hjertekurs", "Høsten 2027");
	w.gone = mk(w.ctx, "Qwøxzyt Ærlendsdóttir", "+47 912 34 567");
	w.gone2 = mk(w.ctx, "Zbigniew Żółtowski", NULL);
	w.kept = mk(w.ctx, "Kari Nordmann", "98765432");
	w.e_gone = enroll(w.ctx, w.run, w.gone);
	enroll(w.ctx, w.run, w.gone2);
	enroll(w.ctx, w.run, w.kept);
	enroll(w.ctx, w.live, w.kept);
	fx_attended(w.ctx, w.run, w.e_gone);
	fx_close(w.ctx, w.run, "2027-02-01T12:00:00");
	tl_set_now(w.ctx, "2028-02-02T08:00");
	return w;
}

Test(privacy, purge_removes_names_and_contact_and_keeps_the_counts)
{
	struct world w = world();
	lk_err err;
	lk_privacy_result res;
	int64_t enrollments = tl_sql_int(w.ctx, "SELECT count(*) FROM enrollment");
	cr_assert_eq(due(w.ctx), 2);
	cr_assert_eq(privacy_purge(w.ctx, NULL, NULL, &res, &err), 0, "%s", err.msg);
	cr_assert_eq(res.participants, 2);
	cr_assert(res.compacted);
	cr_assert(res.wal_cleared);
	cr_assert_eq(tl_sql_int(w.ctx, "SELECT count(*) FROM participant WHERE id IN (%lld, %lld)"
		" AND name = '' AND phone = '' AND email = '' AND notes = '' AND birth_year IS NULL"
		" AND purged_at = '2028-02-02T08:00:00' AND version = 2", (long long)w.gone, (long long)w.gone2), 2);
	cr_assert_eq(tl_sql_int(w.ctx, "SELECT count(*) FROM participant WHERE id = %lld AND name = 'Kari Nordmann'"
		" AND phone = '98765432' AND purged_at IS NULL", (long long)w.kept), 1, "the one in a live run stays");
	cr_assert_eq(tl_sql_int(w.ctx, "SELECT count(*) FROM enrollment"), enrollments, "enrollments stay");
	cr_assert_eq(tl_sql_int(w.ctx, "SELECT count(*) FROM attendance WHERE enrollment_id = %lld", (long long)w.e_gone), 1);
	cr_assert_eq(tl_sql_int(w.ctx, "SELECT count(*) FROM audit WHERE action = 'purge' AND entity = 'participant'"
		" AND entity_id IN (%lld, %lld) AND login = 'koord'", (long long)w.gone, (long long)w.gone2), 2);
	cr_assert_eq(tl_sql_int(w.ctx, "SELECT count(*) FROM audit WHERE detail LIKE '%%Qwøxzyt%%' OR detail LIKE '%%912%%'"), 0);
	cr_assert_eq(due(w.ctx), 0, "nothing left to do");
	/* What the other modules show of them now. */
	lk_participant p;
	cr_assert_eq(participant_get(w.ctx, w.gone, &p, &err), 0, "%s", err.msg);
	cr_assert(p.purged);
	cr_assert_str_eq(p.name, "");
	participant_free(&p);
	cr_assert_eq(participant_count(w.ctx, NULL, &err), 1, "search leaves the removed out");
	ctx_close(w.ctx);
}

Test(privacy, after_the_purge_the_name_is_nowhere_in_the_files)
{
	struct world w = world();
	lk_err err;
	lk_privacy_result res;
	const char *name = "Qwøxzyt Ærlendsdóttir";
	cr_assert(db_files_have(w.ctx, name), "the test must find the name before (else it proves nothing)");
	cr_assert(db_files_have(w.ctx, "+4791234567"));
	cr_assert_eq(participant_count(w.ctx, "wøxz", &err), 1, "found through the index before");
	cr_assert_eq(tl_sql_int(w.ctx, "SELECT count(*) FROM participant_fts WHERE participant_fts MATCH '\"xzy\"'"), 1);
	cr_assert_eq(privacy_purge(w.ctx, NULL, NULL, &res, &err), 0, "%s", err.msg);
	cr_assert_not(db_files_have(w.ctx, name), "the name is still in the database file or its WAL");
	cr_assert_not(db_files_have(w.ctx, "Qwøxzyt"));
	cr_assert_not(db_files_have(w.ctx, "+4791234567"), "the phone too");
	cr_assert_not(db_files_have(w.ctx, "Żółtowski"));
	cr_assert(db_files_have(w.ctx, "Kari Nordmann"), "the search works: a kept name is found");
	cr_assert_eq(wal_size(w.ctx), 0, "the WAL is emptied");
	/* Nor in pieces in the search index (schema 0006: trigrams). */
	cr_assert_eq(tl_sql_int(w.ctx, "SELECT count(*) FROM participant_fts WHERE participant_fts MATCH '\"xzy\"'"), 0);
	cr_assert_eq(tl_sql_int(w.ctx, "SELECT count(*) FROM participant_fts WHERE participant_fts MATCH '\"nor\"'"), 1,
		"the index still finds the one kept");
	ctx_close(w.ctx);
}

static int stop_at_second(void *arg, const lk_purge_item *it)
{
	(void)it;
	return ++*(int *)arg == 2;
}

Test(privacy, purge_is_all_or_nothing)
{
	struct world w = world();
	lk_err err;
	int calls = 0;
	char *before = fx_snapshot(w.ctx);
	cr_assert_eq(privacy_purge(w.ctx, stop_at_second, &calls, NULL, &err), -1);
	cr_assert_eq(err.code, LK_EIO);
	cr_assert_eq(calls, 2);
	assert_unchanged(w.ctx, before);
	cr_assert_eq(due(w.ctx), 2);
	ctx_close(w.ctx);
}

Test(privacy, dry_run_list_changes_nothing)
{
	struct world w = world();
	char *before = fx_snapshot(w.ctx);
	char want[64];
	snprintf(want, sizeof want, "%lld,%lld,", (long long)w.gone, (long long)w.gone2);
	cr_assert_str_eq(due_ids(w.ctx, (lk_page){0, 0}), want);
	cr_assert_eq(due(w.ctx), 2);
	assert_unchanged(w.ctx, before);
	ctx_close(w.ctx);
}

Test(privacy, nothing_due_only_compacts)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	lk_privacy_result res;
	mk(ctx, "Åse Ødegård", NULL);
	char *before = fx_snapshot(ctx);
	cr_assert_eq(privacy_purge(ctx, NULL, NULL, &res, &err), 0, "%s", err.msg);
	cr_assert_eq(res.participants, 0);
	cr_assert(res.compacted && res.wal_cleared);
	assert_unchanged(ctx, before);
	ctx_close(ctx);
}

Test(privacy, many_due_are_purged_in_batches)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	lk_privacy_result res;
	for (int i = 0; i < 150; i++) {
		char name[48];
		snprintf(name, sizeof name, "Deltaker nr. %d Ødegård", i);
		mk(ctx, name, NULL);
	}
	tl_set_now(ctx, "2028-01-10T09:00");
	cr_assert_eq(due(ctx), 150);
	cr_assert_eq(privacy_purge(ctx, NULL, NULL, &res, &err), 0, "%s", err.msg);
	cr_assert_eq(res.participants, 150);
	cr_assert_eq(tl_sql_int(ctx, "SELECT count(*) FROM participant WHERE purged_at IS NULL"), 0);
	cr_assert_eq(tl_sql_int(ctx, "SELECT count(*) FROM audit WHERE action = 'purge'"), 150);
	ctx_close(ctx);
}

Test(privacy, a_reader_elsewhere_keeps_the_wal_until_it_is_gone)
{
	struct world w = world();
	lk_err err;
	lk_privacy_result res;
	sqlite3 *other = tl_sql_open(w.ctx);
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_exec(other, "BEGIN", NULL, NULL, NULL), SQLITE_OK);
	cr_assert_eq(sqlite3_prepare_v2(other, "SELECT count(*) FROM person", -1, &st, NULL), SQLITE_OK);
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
	/* The checkpoint waits for the reader through the busy timeout. */
	sqlite3_busy_timeout(other, 0);
	cr_assert_eq(privacy_purge(w.ctx, NULL, NULL, &res, &err), 0, "%s", err.msg);
	cr_assert_eq(res.participants, 2);
	cr_assert_not(res.wal_cleared, "a reader holds the WAL");
	sqlite3_finalize(st);
	sqlite3_exec(other, "COMMIT", NULL, NULL, NULL);
	sqlite3_close(other);
	cr_assert_eq(privacy_purge(w.ctx, NULL, NULL, &res, &err), 0, "%s", err.msg);
	cr_assert_eq(res.participants, 0);
	cr_assert(res.wal_cleared, "the second run finishes it");
	cr_assert_not(db_files_have(w.ctx, "Qwøxzyt"));
	ctx_close(w.ctx);
}

Test(privacy, inside_a_transaction_the_compaction_is_left_out)
{
	struct world w = world();
	lk_err err;
	lk_privacy_result res;
	cr_assert_eq(store_begin(w.ctx->db, &err), 0);
	cr_assert_eq(privacy_purge(w.ctx, NULL, NULL, &res, &err), 0, "%s", err.msg);
	cr_assert_eq(res.participants, 2);
	cr_assert_not(res.compacted);
	cr_assert_eq(ctx_end(w.ctx, 0, &err), 0, "%s", err.msg);
	ctx_close(w.ctx);
}

/* ---- erasure on request ---- */

Test(privacy, erase_one_on_request)
{
	struct world w = world();
	lk_err err;
	lk_privacy_result res;
	tl_set_now(w.ctx, "2027-03-01T10:00");
	cr_assert_eq(due(w.ctx), 0, "not due yet: erasure does not wait for the rule");
	lk_participant p;
	cr_assert_eq(participant_get(w.ctx, w.gone, &p, &err), 0, "%s", err.msg);
	cr_assert_eq(privacy_erase(w.ctx, w.gone, p.version, &res, &err), 0, "%s", err.msg);
	participant_free(&p);
	cr_assert_eq(res.participants, 1);
	cr_assert(res.compacted && res.wal_cleared);
	cr_assert_eq(tl_sql_int(w.ctx, "SELECT count(*) FROM participant WHERE id = %lld AND name = ''"
		" AND phone = '' AND purged_at = '2027-03-01T10:00:00'", (long long)w.gone), 1);
	cr_assert_eq(tl_sql_int(w.ctx, "SELECT count(*) FROM audit WHERE action = 'erase' AND entity_id = %lld",
		(long long)w.gone), 1);
	cr_assert_eq(tl_sql_int(w.ctx, "SELECT count(*) FROM attendance"), 1, "attendance stays");
	cr_assert_not(db_files_have(w.ctx, "Qwøxzyt"));
	cr_assert(db_files_have(w.ctx, "Żółtowski"), "the others stay");
	ctx_close(w.ctx);
}

Test(privacy, erase_refusals_leave_everything_as_it_was)
{
	struct world w = world();
	lk_err err;
	lk_participant p;
	cr_assert_eq(participant_get(w.ctx, w.kept, &p, &err), 0, "%s", err.msg);
	char *before = fx_snapshot(w.ctx);
	cr_assert_eq(privacy_erase(w.ctx, w.kept, p.version, NULL, &err), -1);
	cr_assert_eq(err.code, LK_ERULE);
	cr_assert(strstr(err.msg, "Høsten 2027"), "names the live run: %s", err.msg);
	cr_assert_null(strstr(err.msg, "Kari"), "never the name: %s", err.msg);
	cr_assert_eq(privacy_erase(w.ctx, 9999, 0, NULL, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	cr_assert_eq(privacy_erase(w.ctx, w.gone, 99, NULL, &err), -1);
	cr_assert_eq(err.code, LK_ECONFLICT, "%s", err.msg);
	assert_unchanged(w.ctx, before);
	participant_free(&p);
	cr_assert_eq(privacy_erase(w.ctx, w.gone, 0, NULL, &err), 0, "%s", err.msg);
	before = fx_snapshot(w.ctx);
	cr_assert_eq(privacy_erase(w.ctx, w.gone, 0, NULL, &err), -1);
	cr_assert_eq(err.code, LK_ERULE, "removed already");
	assert_unchanged(w.ctx, before);
	ctx_close(w.ctx);
}

Test(privacy, a_removed_participant_cannot_be_edited_or_enrolled)
{
	struct world w = world();
	lk_err err;
	cr_assert_eq(privacy_erase(w.ctx, w.gone2, 0, NULL, &err), 0, "%s", err.msg);
	lk_participant p;
	cr_assert_eq(participant_get(w.ctx, w.gone2, &p, &err), 0, "%s", err.msg);
	free(p.name);
	p.name = strdup("Tilbake igjen");
	cr_assert_eq(participant_update(w.ctx, &p, &err), -1);
	cr_assert_eq(err.code, LK_ERULE);
	participant_free(&p);
	lk_enrollment e;
	cr_assert_eq(enroll_add(w.ctx, w.live, w.gone2, LK_CAT_PATIENT, false, &e, &err), -1);
	cr_assert_eq(err.code, LK_ERULE);
	enrollment_free(&e);
	ctx_close(w.ctx);
}

/* ---- roles ---- */

Test(privacy, only_coordinators)
{
	struct world w = world();
	lk_err err;
	lk_ctx *ctxs[2] = {tl_ctx_as(w.ctx, "vert", LK_ROLE_STAFF), tl_ctx_as(w.ctx, "bruker", LK_ROLE_USER_REP)};
	char *before = fx_snapshot(w.ctx);
	for (int i = 0; i < 2; i++) {
		lk_ctx *c = ctxs[i];
		cr_assert_eq(privacy_due_count(c, &err), -1);
		cr_assert_eq(err.code, LK_EPERM);
		cr_assert_eq(privacy_due_list(c, (lk_page){0, 0}, collect_ids, (char[64]){0}, &err), -1);
		cr_assert_eq(err.code, LK_EPERM);
		cr_assert_eq(privacy_purge(c, NULL, NULL, NULL, &err), -1);
		cr_assert_eq(err.code, LK_EPERM);
		cr_assert_eq(privacy_erase(c, w.gone, 0, NULL, &err), -1);
		cr_assert_eq(err.code, LK_EPERM);
	}
	assert_unchanged(w.ctx, before);
	ctx_close(ctxs[0]);
	ctx_close(ctxs[1]);
	cr_assert_eq(due(w.ctx), 2, "the coordinator may");
	ctx_close(w.ctx);
}
