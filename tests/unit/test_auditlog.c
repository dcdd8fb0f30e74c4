/* test_auditlog.c — SHA-256 against FIPS 180-2, the audit log's hash
 * chain (intact, and broken on purpose in every way check can tell),
 * reading and filtering it (by date, participant, text), exporting it,
 * who may, and that every change to participant data and every read of
 * contact details across the modules leaves an entry. */
#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "lmskurs/attendance.h"
#include "lmskurs/auditlog.h"
#include "lmskurs/check.h"
#include "lmskurs/enroll.h"
#include "lmskurs/enroll_import.h"
#include "lmskurs/participant.h"
#include "lmskurs/privacy.h"
#include "lmskurs/schema_gen.h"
#include "lmskurs/sha256.h"
#include "lmskurs/store.h"
#include "testlib.h"

/* ---- fixtures: a second connection on the test database ---- */

/* Runs printf-style SQL; returns the SQLite result (no assertion). */
static int fx_try(lk_ctx *ctx, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *sql = sqlite3_vmprintf(fmt, ap);
	va_end(ap);
	sqlite3 *h = tl_sql_open(ctx);
	int rc = sqlite3_exec(h, sql, NULL, NULL, NULL);
	sqlite3_close(h);
	sqlite3_free(sql);
	return rc;
}

/* One text from SQL, newly allocated. */
static char *fx_text(lk_ctx *ctx, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *sql = sqlite3_vmprintf(fmt, ap);
	va_end(ap);
	sqlite3 *h = tl_sql_open(ctx);
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK, "%s", sql);
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW, "%s", sql);
	const unsigned char *t = sqlite3_column_text(st, 0);
	char *s = strdup(t ? (const char *)t : "");
	sqlite3_finalize(st);
	sqlite3_close(h);
	sqlite3_free(sql);
	return s;
}

/* Lets a test change the log the way someone with sqlite3 would. */
static void fx_untrigger(lk_ctx *ctx)
{
	tl_sql(ctx, "DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete");
}

static int64_t fx_run(lk_ctx *ctx, const char *title, const char *phase)
{
	int64_t c = tl_sql(ctx, "INSERT INTO course (title, audience, phase, created_at, updated_at)"
		" VALUES ('Leve med diabetes', 'both', 'active', '2027-01-01T00:00:00', '2027-01-01T00:00:00')");
	return tl_sql(ctx, "INSERT INTO run (course_id, title, phase, capacity, created_at)"
		" VALUES (%lld, %Q, %Q, 1, '2027-01-01T00:00:00')", (long long)c, title, phase);
}

static int64_t mk(lk_ctx *ctx, const char *name)
{
	lk_err err;
	lk_participant p = {.name = (char *)name, .phone = "91234567"};
	cr_assert_eq(participant_create(ctx, &p, &err), 0, "%s", err.msg);
	return p.id;
}

static int64_t enroll(lk_ctx *ctx, int64_t run, int64_t who)
{
	lk_err err;
	lk_enrollment e;
	cr_assert_eq(enroll_add(ctx, run, who, LK_CAT_PATIENT, false, &e, &err), 0, "%s", err.msg);
	int64_t id = e.id;
	enrollment_free(&e);
	return id;
}

static lk_audit_verdict verify(lk_ctx *ctx)
{
	lk_err err;
	lk_audit_verdict v;
	cr_assert_eq(auditlog_verify(ctx, &v, &err), 0, "%s", err.msg);
	return v;
}

/* Some entries: participants created, edited, read, enrolled. */
static lk_ctx *busy_db(void)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t run = fx_run(ctx, "Våren 2027", "registration");
	int64_t a = mk(ctx, "Åse Ødegård"), b = mk(ctx, "Nguyễn Văn An");
	lk_participant p;
	cr_assert_eq(participant_get(ctx, a, &p, &err), 0, "%s", err.msg);
	free(p.notes);
	p.notes = strdup("Trenger tolk, تحتاج إلى مترجم");
	cr_assert_eq(participant_update(ctx, &p, &err), 0, "%s", err.msg);
	participant_free(&p);
	enroll(ctx, run, a);
	enroll(ctx, run, b);
	return ctx;
}

/* ---- SHA-256 (FIPS 180-2, appendix B) ---- */

Test(sha256, fips_180_2_vectors)
{
	char h[LK_SHA256_HEX];
	sha256_hex("abc", 3, h);
	cr_assert_str_eq(h, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	sha256_hex("", 0, h);
	cr_assert_str_eq(h, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	const char *m448 = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
	sha256_hex(m448, strlen(m448), h);
	cr_assert_str_eq(h, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

Test(sha256, a_million_a_in_uneven_pieces)
{
	lk_sha256 s;
	char piece[997], h[LK_SHA256_HEX];
	memset(piece, 'a', sizeof piece);
	sha256_init(&s);
	size_t left = 1000000;
	for (size_t n = 1; left > 0; n = n % 996 + 1) { /* 1..996 bytes at a time */
		size_t k = n < left ? n : left;
		sha256_update(&s, piece, k);
		left -= k;
	}
	sha256_final_hex(&s, h);
	cr_assert_str_eq(h, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

Test(sha256, lengths_around_the_padding_boundary)
{
	/* 55, 56, 63, 64 bytes: the length fits in the last block or needs one more. */
	static const struct {
		size_t n;
		const char *hex;
	} v[] = {
		{55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"},
		{56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"},
		{63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"},
		{64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"},
	};
	char buf[64], h[LK_SHA256_HEX];
	memset(buf, 'a', sizeof buf);
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
		sha256_hex(buf, v[i].n, h);
		cr_assert_str_eq(h, v[i].hex, "%zu bytes of 'a'", v[i].n);
	}
}

/* ---- the chain ---- */

Test(auditlog, every_entry_is_chained_and_the_chain_verifies)
{
	lk_ctx *ctx = busy_db();
	lk_audit_verdict v = verify(ctx);
	int64_t n = tl_sql_int(ctx, "SELECT count(*) FROM audit");
	cr_assert_gt(n, 5);
	cr_assert_eq(v.state, LK_CHAIN_INTACT, "%s", v.line);
	cr_assert_eq(v.entries, n);
	cr_assert_eq(v.unchained, 0);
	cr_assert_str_eq(v.line, "");
	cr_assert_eq(tl_sql_int(ctx, "SELECT count(*) FROM audit WHERE length(hash) = 64"), n);
	char *last = fx_text(ctx, "SELECT hash FROM audit ORDER BY id DESC LIMIT 1");
	cr_assert_str_eq(v.head, last);
	free(last);
	last = fx_text(ctx, "SELECT last_hash FROM audit_chain");
	cr_assert_str_eq(v.head, last);
	free(last);
	cr_assert_eq(tl_sql_int(ctx, "SELECT last_id = (SELECT max(id) FROM audit) FROM audit_chain"), 1);
	ctx_close(ctx);
}

Test(auditlog, the_hash_covers_each_field_and_the_one_before)
{
	lk_audit_entry e = {.at = "2027-01-10T09:00:00", .login = "koord", .role = "coordinator",
		.action = "update", .entity = "participant", .entity_id = 7, .detail = ""};
	char a[LK_SHA256_HEX], b[LK_SHA256_HEX];
	audit_entry_hash("", &e, a);
	audit_entry_hash(NULL, &e, b);
	cr_assert_str_eq(a, b, "NULL and \"\" are the same start");
	cr_assert_eq(strlen(a), 64);
	audit_entry_hash("00", &e, b);
	cr_assert_str_neq(a, b, "the previous hash counts");
	e.entity_id = 8;
	audit_entry_hash("", &e, b);
	cr_assert_str_neq(a, b, "the record id counts");
	e.entity_id = 7;
	/* Moving a character from one field to the next changes the hash. */
	e.login = "koordc";
	e.role = "oordinator";
	audit_entry_hash("", &e, b);
	cr_assert_str_neq(a, b);
}

Test(auditlog, the_log_refuses_changes_through_sqlite)
{
	lk_ctx *ctx = busy_db();
	int64_t n = tl_sql_int(ctx, "SELECT count(*) FROM audit");
	cr_assert_neq(fx_try(ctx, "UPDATE audit SET detail = 'x' WHERE id = 2"), SQLITE_OK);
	cr_assert_neq(fx_try(ctx, "DELETE FROM audit WHERE id = 2"), SQLITE_OK);
	cr_assert_eq(tl_sql_int(ctx, "SELECT count(*) FROM audit"), n);
	cr_assert_eq(verify(ctx).state, LK_CHAIN_INTACT);
	ctx_close(ctx);
}

struct problems {
	int n, integrity;
	char text[2048];
};

static void on_problem(void *arg, lk_problem_kind kind, const char *line)
{
	struct problems *p = arg;
	p->n++;
	p->integrity += kind == LK_PROBLEM_INTEGRITY;
	strncat(p->text, line, sizeof p->text - strlen(p->text) - 2);
	strcat(p->text, "\n");
}

Test(auditlog, a_changed_entry_is_found_by_check)
{
	lk_ctx *ctx = busy_db();
	lk_err err;
	struct problems p = {0};
	cr_assert_eq(check_all(ctx, on_problem, &p, &err), 0, "clean first: %s", p.text);
	fx_untrigger(ctx);
	tl_sql(ctx, "UPDATE audit SET login = 'someone' WHERE id = 4");
	lk_audit_verdict v = verify(ctx);
	cr_assert_eq(v.state, LK_CHAIN_MISMATCH);
	cr_assert_eq(v.entry_id, 4);
	cr_assert_str_eq(v.head, "", "no head for a broken chain");
	cr_assert_eq(check_all(ctx, on_problem, &p, &err), 1, "%s", err.msg);
	cr_assert_eq(p.integrity, 1);
	cr_assert(strstr(p.text, "audit log: entry 4 does not match"), "%s", p.text);
	ctx_close(ctx);
}

Test(auditlog, a_removed_entry_breaks_the_next_one)
{
	lk_ctx *ctx = busy_db();
	fx_untrigger(ctx);
	tl_sql(ctx, "DELETE FROM audit WHERE id = 3");
	lk_audit_verdict v = verify(ctx);
	cr_assert_eq(v.state, LK_CHAIN_MISMATCH);
	cr_assert_eq(v.entry_id, 4);
	ctx_close(ctx);
}

Test(auditlog, the_first_entry_removed_is_found_too)
{
	lk_ctx *ctx = busy_db();
	fx_untrigger(ctx);
	tl_sql(ctx, "DELETE FROM audit WHERE id = 1");
	lk_audit_verdict v = verify(ctx);
	cr_assert_eq(v.state, LK_CHAIN_MISMATCH);
	cr_assert_eq(v.entry_id, 2);
	ctx_close(ctx);
}

Test(auditlog, entries_cut_off_the_end_are_found)
{
	lk_ctx *ctx = busy_db();
	int64_t last = tl_sql_int(ctx, "SELECT max(id) FROM audit");
	fx_untrigger(ctx);
	tl_sql(ctx, "DELETE FROM audit WHERE id >= %lld", (long long)last - 1);
	lk_audit_verdict v = verify(ctx);
	cr_assert_eq(v.state, LK_CHAIN_TAIL, "%s", v.line);
	cr_assert_eq(v.entry_id, last - 2, "the last good one is named");
	cr_assert(strstr(v.line, "removed from the end"), "%s", v.line);
	ctx_close(ctx);
}

Test(auditlog, an_entry_added_outside_lmskurs_is_found)
{
	lk_ctx *ctx = busy_db();
	/* With a right-looking hash: it was computed, but the chain's record
	 * was not moved on. */
	char *prev = fx_text(ctx, "SELECT hash FROM audit ORDER BY id DESC LIMIT 1");
	lk_audit_entry e = {.at = "2027-01-10T09:00:00", .login = "koord", .role = "coordinator",
		.action = "delete", .entity = "participant", .entity_id = 1, .detail = ""};
	char h[LK_SHA256_HEX];
	audit_entry_hash(prev, &e, h);
	int64_t id = tl_sql(ctx, "INSERT INTO audit (at, login, role, action, entity, entity_id, detail, hash)"
		" VALUES ('2027-01-10T09:00:00', 'koord', 'coordinator', 'delete', 'participant', 1, '', %Q)", h);
	lk_audit_verdict v = verify(ctx);
	cr_assert_eq(v.state, LK_CHAIN_TAIL);
	cr_assert_eq(v.entry_id, id);
	/* Without a hash at all. */
	fx_untrigger(ctx);
	tl_sql(ctx, "DELETE FROM audit WHERE id = %lld", (long long)id);
	id = tl_sql(ctx, "INSERT INTO audit (at, login, role, action, entity) VALUES"
		" ('2027-01-10T09:00:00', 'x', 'staff', 'read_contact', 'participant')");
	v = verify(ctx);
	cr_assert_eq(v.state, LK_CHAIN_UNHASHED);
	cr_assert_eq(v.entry_id, id);
	free(prev);
	ctx_close(ctx);
}

Test(auditlog, the_chain_record_removed_or_moved_is_found)
{
	lk_ctx *ctx = busy_db();
	tl_sql(ctx, "DELETE FROM audit_chain");
	lk_audit_verdict v = verify(ctx);
	cr_assert_eq(v.state, LK_CHAIN_NO_RECORD);
	cr_assert(strstr(v.line, "audit_chain"), "%s", v.line);
	/* The next entry starts a record anew; the older hashed entries then
	 * lie before its start, which is told. */
	mk(ctx, "Kari Nordmann");
	v = verify(ctx);
	cr_assert_eq(v.state, LK_CHAIN_START, "%s", v.line);
	cr_assert_eq(v.entry_id, 1);
	ctx_close(ctx);
}

Test(auditlog, two_connections_keep_one_chain)
{
	lk_ctx *a = tl_ctx();
	lk_ctx *b = tl_ctx_as(a, "koord2", LK_ROLE_COORDINATOR);
	for (int i = 0; i < 20; i++) {
		char name[32];
		snprintf(name, sizeof name, "Deltaker %d", i);
		mk(i % 2 ? a : b, name);
	}
	lk_audit_verdict v = verify(b);
	cr_assert_eq(v.state, LK_CHAIN_INTACT, "%s", v.line);
	cr_assert_eq(v.entries, tl_sql_int(a, "SELECT count(*) FROM audit"));
	cr_assert_eq(tl_sql_int(a, "SELECT count(DISTINCT login) FROM audit WHERE action = 'create'"
		" AND entity = 'participant'"), 2);
	ctx_close(b);
	ctx_close(a);
}

/* A real database of version 4 (before the chain), made from the first
 * four embedded migrations, with n audit entries (no hash column yet). */
static void make_v4_db(const char *path, int n)
{
	sqlite3 *h;
	cr_assert_eq(sqlite3_open(path, &h), SQLITE_OK);
	for (int i = 0; i < 4; i++)
		cr_assert_eq(sqlite3_exec(h, lk_migrations[i], NULL, NULL, NULL), SQLITE_OK, "%s", sqlite3_errmsg(h));
	cr_assert_eq(sqlite3_exec(h, "PRAGMA user_version = 4; PRAGMA application_id = 1280136011;" /* LMSK */
		"PRAGMA journal_mode = WAL;", NULL, NULL, NULL), SQLITE_OK);
	for (int i = 0; i < n; i++)
		cr_assert_eq(sqlite3_exec(h, "INSERT INTO audit (at, login, role, action, entity, entity_id)"
			" VALUES ('2026-05-01T10:00:00', 'gammel', 'coordinator', 'create', 'person', 1)",
			NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
	chmod(path, 0600);
}

/* Entries from before the chain: the migration starts the chain after
 * them; they are counted as not covered and do not fail the check. */
Test(auditlog, entries_from_before_the_chain_are_not_covered_and_do_not_fail)
{
	char path[512];
	snprintf(path, sizeof path, "%s/gammel.db", tl_tmpdir());
	make_v4_db(path, 3);
	lk_ctx *ctx;
	lk_err err;
	cr_assert_eq(ctx_open(path, LK_OPEN_EXISTING, "koord", NULL, &ctx, NULL, &err), 0, "%s", err.msg);
	cr_assert_eq(store_schema_version(ctx->db), store_schema_latest());
	lk_audit_verdict v = verify(ctx);
	cr_assert_eq(v.state, LK_CHAIN_INTACT, "%s", v.line);
	cr_assert_eq(v.unchained, 3);
	cr_assert_eq(v.entries, 1, "the first coordinator's entry, made on opening, is the first chained");
	mk(ctx, "Ny etter oppgraderingen");
	v = verify(ctx);
	cr_assert_eq(v.state, LK_CHAIN_INTACT, "%s", v.line);
	cr_assert_eq(v.unchained, 3);
	cr_assert_eq(v.entries, 2);
	/* A hash given to an old entry afterwards moves nothing: it is told. */
	tl_sql(ctx, "DROP TRIGGER audit_no_update; UPDATE audit SET hash = 'x' WHERE id = 2");
	v = verify(ctx);
	cr_assert_eq(v.state, LK_CHAIN_START);
	cr_assert_eq(v.entry_id, 2);
	ctx_close(ctx);
}

/* ---- reading and filtering ---- */

static int collect(void *arg, const lk_audit_entry *e)
{
	char *buf = arg;
	sprintf(buf + strlen(buf), "%s:%s:%lld|", e->action, e->entity, (long long)e->entity_id);
	return 0;
}

static char *listing(lk_ctx *ctx, const lk_audit_filter *f, lk_page page)
{
	static char buf[8192];
	lk_err err;
	buf[0] = '\0';
	cr_assert_eq(auditlog_list(ctx, f, page, collect, buf, &err), 0, "%s", err.msg);
	return buf;
}

static lk_date day(const char *iso)
{
	lk_date d;
	cr_assert_eq(date_parse(iso, &d, NULL), 0);
	return d;
}

Test(auditlog, list_newest_first_or_oldest_first_paged)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	mk(ctx, "A");
	mk(ctx, "B");
	mk(ctx, "C");
	lk_audit_filter f = {.text = "participant"};
	cr_assert_str_eq(listing(ctx, &f, (lk_page){0, 0}), "create:participant:3|create:participant:2|create:participant:1|");
	cr_assert_str_eq(listing(ctx, &f, (lk_page){1, 1}), "create:participant:2|");
	f.oldest_first = true;
	cr_assert_str_eq(listing(ctx, &f, (lk_page){0, 2}), "create:participant:1|create:participant:2|");
	cr_assert_eq(auditlog_count(ctx, &f, &err), 3);
	cr_assert_eq(auditlog_count(ctx, NULL, &err), 4, "with the first coordinator's entry");
	ctx_close(ctx);
}

Test(auditlog, filter_by_dates_inclusive)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	tl_set_now(ctx, "2027-02-01T23:59");
	mk(ctx, "Februar");
	tl_set_now(ctx, "2027-03-01T00:00");
	mk(ctx, "Mars");
	tl_set_now(ctx, "2027-03-31T23:59");
	mk(ctx, "Mars igjen");
	lk_audit_filter f = {.from = day("2027-02-01"), .to = day("2027-02-28")};
	cr_assert_str_eq(listing(ctx, &f, (lk_page){0, 0}), "create:participant:1|");
	f.from = day("2027-03-01");
	f.to = day("2027-03-31");
	cr_assert_str_eq(listing(ctx, &f, (lk_page){0, 0}), "create:participant:3|create:participant:2|");
	f.to = (lk_date){0, 0, 0};
	cr_assert_eq(auditlog_count(ctx, &f, &err), 2, "open end");
	f = (lk_audit_filter){.from = day("2027-03-02"), .to = day("2027-03-01")};
	cr_assert_eq(auditlog_count(ctx, &f, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	ctx_close(ctx);
}

Test(auditlog, filter_by_participant_finds_record_enrollments_and_attendance)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t run = fx_run(ctx, "Våren 2027", "registration");
	int64_t a = mk(ctx, "Åse Ødegård"), b = mk(ctx, "Zhang Wei 张伟");
	int64_t ea = enroll(ctx, run, a), eb = enroll(ctx, run, b); /* capacity 1: b waits */
	int64_t s = tl_sql(ctx, "INSERT INTO session (run_id, seq, starts_at, ends_at)"
		" VALUES (%lld, 1, '2027-01-10T08:00', '2027-01-10T09:00')", (long long)run);
	tl_sql(ctx, "UPDATE run SET phase = 'execution' WHERE id = %lld", (long long)run);
	cr_assert_eq(attendance_mark(ctx, s, ea, LK_ATT_PRESENT, NULL, &err), 0, "%s", err.msg);
	lk_participant p;
	cr_assert_eq(participant_get(ctx, a, &p, &err), 0, "%s", err.msg);
	participant_free(&p);
	lk_audit_filter f = {.participant_id = a, .oldest_first = true};
	char want[256];
	snprintf(want, sizeof want, "create:participant:%lld|create:enrollment:%lld|create:attendance:%lld|"
		"read_contact:participant:%lld|", (long long)a, (long long)ea, (long long)s, (long long)a);
	cr_assert_str_eq(listing(ctx, &f, (lk_page){0, 0}), want);
	f.participant_id = b;
	snprintf(want, sizeof want, "create:participant:%lld|create:enrollment:%lld|", (long long)b,
		(long long)eb);
	cr_assert_str_eq(listing(ctx, &f, (lk_page){0, 0}), want, "nothing of the other one");
	f.participant_id = 999;
	cr_assert_eq(auditlog_count(ctx, &f, &err), 0);
	f.participant_id = -1;
	cr_assert_eq(auditlog_count(ctx, &f, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	ctx_close(ctx);
}

Test(auditlog, filter_by_text)
{
	lk_ctx *ctx = busy_db();
	lk_err err;
	lk_audit_filter f = {.text = "  READ_contact "};
	cr_assert_eq(auditlog_count(ctx, &f, &err), 1, "trimmed, ASCII case ignored");
	f.text = "100%";
	cr_assert_eq(auditlog_count(ctx, &f, &err), 0, "LIKE wildcards are plain text");
	f.text = "koord";
	cr_assert_eq(auditlog_count(ctx, &f, &err), tl_sql_int(ctx, "SELECT count(*) FROM audit"));
	char bad[] = {'a', (char)0xff, 0};
	f.text = bad;
	cr_assert_eq(auditlog_count(ctx, &f, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	ctx_close(ctx);
}

/* ---- exporting ---- */

static int stop_now(void *arg, const lk_audit_entry *e)
{
	(void)arg;
	(void)e;
	return 1;
}

Test(auditlog, export_streams_everything_oldest_first_and_is_logged)
{
	lk_ctx *ctx = busy_db();
	lk_err err;
	int64_t before = tl_sql_int(ctx, "SELECT count(*) FROM audit");
	char buf[8192] = "";
	int64_t n = 0;
	lk_audit_filter f = {.oldest_first = true};
	cr_assert_eq(auditlog_export(ctx, &f, collect, buf, &n, &err), 0, "%s", err.msg);
	cr_assert_eq(n, before);
	cr_assert(strncmp(buf, "create:app_user:1|", 18) == 0, "%s", buf);
	cr_assert_eq(tl_sql_int(ctx, "SELECT count(*) FROM audit"), before + 1);
	char *d = fx_text(ctx, "SELECT detail FROM audit WHERE action = 'export' AND entity = 'audit'");
	char want[96];
	snprintf(want, sizeof want, "%lld entries", (long long)before);
	cr_assert_str_eq(d, want, "nothing but the count without a filter");
	free(d);
	f = (lk_audit_filter){.from = {2027, 1, 1}, .to = {2027, 1, 31}, .participant_id = 1, .text = "update"};
	cr_assert_eq(auditlog_export(ctx, &f, collect, (char[8192]){0}, &n, &err), 0, "%s", err.msg);
	d = fx_text(ctx, "SELECT detail FROM audit WHERE action = 'export' ORDER BY id DESC LIMIT 1");
	snprintf(want, sizeof want, "from 2027-01-01, before 2027-02-01, participant 1, text \"update\", %lld entries", (long long)n);
	cr_assert_str_eq(d, want);
	cr_assert_eq(n, 1, "the one update of participant 1");
	free(d);
	/* A writer that cannot go on: refused, and nothing logged. */
	cr_assert_eq(auditlog_export(ctx, NULL, stop_now, NULL, &n, &err), -1);
	cr_assert_eq(err.code, LK_EIO);
	cr_assert_eq(tl_sql_int(ctx, "SELECT count(*) FROM audit"), before + 2);
	cr_assert_eq(verify(ctx).state, LK_CHAIN_INTACT);
	ctx_close(ctx);
}

/* ---- who may ---- */

Test(auditlog, only_coordinators_read_it_everyone_may_verify)
{
	lk_ctx *ctx = busy_db();
	lk_err err;
	lk_role roles[] = {LK_ROLE_STAFF, LK_ROLE_USER_REP};
	const char *logins[] = {"vert", "bruker"};
	for (int i = 0; i < 2; i++) {
		lk_ctx *c = tl_ctx_as(ctx, logins[i], roles[i]);
		int64_t before = tl_sql_int(ctx, "SELECT count(*) FROM audit");
		char buf[64] = "";
		cr_assert_eq(auditlog_list(c, NULL, (lk_page){0, 0}, collect, buf, &err), -1);
		cr_assert_eq(err.code, LK_EPERM);
		cr_assert_str_eq(buf, "");
		cr_assert_eq(auditlog_count(c, NULL, &err), -1);
		cr_assert_eq(err.code, LK_EPERM);
		cr_assert_eq(auditlog_export(c, NULL, collect, buf, NULL, &err), -1);
		cr_assert_eq(err.code, LK_EPERM);
		cr_assert_str_eq(buf, "");
		cr_assert_eq(tl_sql_int(ctx, "SELECT count(*) FROM audit"), before, "a refusal writes nothing");
		lk_audit_verdict v;
		cr_assert_eq(auditlog_verify(c, &v, &err), 0, "%s", err.msg);
		cr_assert_eq(v.state, LK_CHAIN_INTACT);
		ctx_close(c);
	}
	ctx_close(ctx);
}

/* ---- every change to participant data leaves an entry ---- */

/* The entry written last, as "login|role|action|entity|entity_id|at". */
static char *last_entry(lk_ctx *ctx)
{
	return fx_text(ctx, "SELECT login || '|' || role || '|' || action || '|' || entity || '|' ||"
		" coalesce(entity_id, '') || '|' || at FROM audit ORDER BY id DESC LIMIT 1");
}

static void expect_last(lk_ctx *ctx, const char *want)
{
	char *got = last_entry(ctx);
	cr_assert_str_eq(got, want);
	free(got);
}

static int no_dup(void *arg, const lk_participant *p)
{
	(void)arg;
	(void)p;
	return 0;
}

static int import_one(void *arg, lk_import_row *row, lk_err *err)
{
	(void)err;
	int *left = arg;
	if (*left == 0)
		return 0;
	--*left;
	*row = (lk_import_row){.line = 2, .name = "Importert Ærlig", .phone = "90000009", .category = LK_CAT_RELATIVE};
	return 1;
}

static int export_none(void *arg, const lk_enroll_contact *c)
{
	(void)arg;
	(void)c;
	return 0;
}

Test(auditlog, every_participant_change_and_contact_read_is_logged)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	char want[160];
	int64_t run = fx_run(ctx, "Våren 2027", "registration");
	int64_t run2 = tl_sql(ctx, "INSERT INTO run (course_id, title, phase, created_at)"
		" VALUES (1, 'Høsten 2027', 'registration', '2027-01-01T00:00:00')");
	int64_t a = mk(ctx, "Åse Ødegård");
	snprintf(want, sizeof want, "koord|coordinator|create|participant|%lld|2027-01-10T09:00:00", (long long)a);
	expect_last(ctx, want);
	tl_set_now(ctx, "2027-01-11T10:15");
	lk_participant p;
	cr_assert_eq(participant_get(ctx, a, &p, &err), 0, "%s", err.msg);
	snprintf(want, sizeof want, "koord|coordinator|read_contact|participant|%lld|2027-01-11T10:15:00", (long long)a);
	expect_last(ctx, want);
	free(p.phone);
	p.phone = strdup("90000001");
	cr_assert_eq(participant_update(ctx, &p, &err), 0, "%s", err.msg);
	participant_free(&p);
	snprintf(want, sizeof want, "koord|coordinator|update|participant|%lld|2027-01-11T10:15:00", (long long)a);
	expect_last(ctx, want);
	cr_assert_eq(participant_find_duplicates(ctx, "Åse Ødegård", "90000001", NULL, no_dup, NULL, &err), 0, "%s", err.msg);
	snprintf(want, sizeof want, "koord|coordinator|read_contact|participant|%lld|2027-01-11T10:15:00", (long long)a);
	expect_last(ctx, want);
	int64_t e = enroll(ctx, run, a);
	snprintf(want, sizeof want, "koord|coordinator|create|enrollment|%lld|2027-01-11T10:15:00", (long long)e);
	expect_last(ctx, want);
	int64_t b = mk(ctx, "Bjørn Bråten");
	int64_t eb = enroll(ctx, run, b); /* waits: capacity 1 */
	lk_enrollment got;
	cr_assert_eq(enroll_get(ctx, e, &got, &err), 0, "%s", err.msg);
	lk_enrollment moved;
	cr_assert_eq(enroll_move(ctx, e, got.version, run2, NULL, &moved, &err), 0, "%s", err.msg);
	enrollment_free(&got);
	snprintf(want, sizeof want, "koord|coordinator|move|enrollment|%lld|2027-01-11T10:15:00", (long long)e);
	expect_last(ctx, want);
	cr_assert_eq(tl_sql_int(ctx, "SELECT count(*) FROM audit WHERE action = 'promote' AND entity_id = %lld", (long long)eb), 1);
	cr_assert_eq(enroll_cancel(ctx, moved.id, moved.version, NULL, &err), 0, "%s", err.msg);
	snprintf(want, sizeof want, "koord|coordinator|cancel|enrollment|%lld|2027-01-11T10:15:00", (long long)moved.id);
	expect_last(ctx, want);
	enrollment_free(&moved);
	int rows = 1;
	lk_import_summary sum;
	cr_assert_eq(enroll_import(ctx, run2, import_one, &rows, NULL, NULL, NULL, &sum, &err), 0, "%s", err.msg);
	cr_assert_eq(tl_sql_int(ctx, "SELECT count(*) FROM audit WHERE action = 'create' AND entity = 'participant'"
		" AND entity_id = (SELECT max(id) FROM participant)"), 1, "an imported participant is logged too");
	cr_assert_eq(enroll_export(ctx, run2, export_none, NULL, &err), 0, "%s", err.msg);
	cr_assert_eq(tl_sql_int(ctx, "SELECT count(*) FROM audit WHERE action = 'read_contact' AND detail = 'export'"), 2, "the cancelled one and the imported one");
	cr_assert_eq(participant_merge(ctx, a, b, &err), -1, "both in run: refused");
	int64_t c = mk(ctx, "Åse Ødegård");
	cr_assert_eq(participant_merge(ctx, a, c, &err), 0, "%s", err.msg);
	snprintf(want, sizeof want, "koord|coordinator|delete|participant|%lld|2027-01-11T10:15:00", (long long)c);
	expect_last(ctx, want);
	cr_assert_eq(privacy_erase(ctx, a, 0, NULL, &err), 0, "%s", err.msg);
	snprintf(want, sizeof want, "koord|coordinator|erase|participant|%lld|2027-01-11T10:15:00", (long long)a);
	expect_last(ctx, want);
	cr_assert_eq(tl_sql_int(ctx, "SELECT count(*) FROM audit WHERE detail LIKE '%%Åse%%' OR detail LIKE '%%9000000%%'"
		" OR detail LIKE '%%Bjørn%%' OR detail LIKE '%%Ærlig%%'"), 0, "never a name or a phone");
	cr_assert_eq(verify(ctx).state, LK_CHAIN_INTACT);
	ctx_close(ctx);
}

Test(auditlog, staff_marking_attendance_is_logged_with_their_role)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t run = fx_run(ctx, "Våren 2027", "registration");
	int64_t a = mk(ctx, "Åse Ødegård");
	int64_t e = enroll(ctx, run, a);
	int64_t s = tl_sql(ctx, "INSERT INTO session (run_id, seq, starts_at, ends_at)"
		" VALUES (%lld, 1, '2027-01-10T08:00', '2027-01-10T09:00')", (long long)run);
	tl_sql(ctx, "UPDATE run SET phase = 'execution' WHERE id = %lld", (long long)run);
	lk_ctx *staff = tl_ctx_as(ctx, "vert", LK_ROLE_STAFF);
	cr_assert_eq(attendance_mark(staff, s, e, LK_ATT_ABSENT, NULL, &err), 0, "%s", err.msg);
	char want[128];
	snprintf(want, sizeof want, "vert|staff|create|attendance|%lld|2027-01-10T09:00:00", (long long)s);
	expect_last(ctx, want);
	cr_assert_eq(attendance_clear(staff, s, e, NULL, &err), 0, "%s", err.msg);
	snprintf(want, sizeof want, "vert|staff|delete|attendance|%lld|2027-01-10T09:00:00", (long long)s);
	expect_last(ctx, want);
	lk_audit_filter f = {.participant_id = a};
	cr_assert_eq(auditlog_count(ctx, &f, &err), 4, "create, enroll, mark, clear");
	ctx_close(staff);
	ctx_close(ctx);
}
