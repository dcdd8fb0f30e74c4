#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/enroll.h"
#include "lmskurs/participant.h"
#include "testlib.h"

/* ---- fixtures: a second connection on the test database ---- */

static sqlite3 *fx_db(lk_ctx *ctx)
{
	sqlite3 *h = NULL;
	cr_assert_eq(sqlite3_open(tl_db_path(ctx), &h), SQLITE_OK);
	sqlite3_busy_timeout(h, 5000);
	return h;
}

/* Runs printf-style SQL (sqlite3_mprintf: %Q quotes); returns the last rowid. */
static int64_t fx_exec(lk_ctx *ctx, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *sql = sqlite3_vmprintf(fmt, ap);
	va_end(ap);
	sqlite3 *h = fx_db(ctx);
	char *msg = NULL;
	int rc = sqlite3_exec(h, sql, NULL, NULL, &msg);
	cr_assert_eq(rc, SQLITE_OK, "%s: %s", sql, msg ? msg : "");
	int64_t id = sqlite3_last_insert_rowid(h);
	sqlite3_close(h);
	sqlite3_free(sql);
	return id;
}

/* One integer from printf-style SQL. */
static int64_t fx_int(lk_ctx *ctx, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *sql = sqlite3_vmprintf(fmt, ap);
	va_end(ap);
	sqlite3 *h = fx_db(ctx);
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK, "%s", sql);
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW, "%s", sql);
	int64_t v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(h);
	sqlite3_free(sql);
	return v;
}

/* Every row of the tables this module writes, as one string. */
static char *fx_snapshot(lk_ctx *ctx)
{
	static const char *const sql[] = {
		"SELECT * FROM participant ORDER BY 1", "SELECT * FROM enrollment ORDER BY 1",
		"SELECT * FROM run ORDER BY 1", "SELECT * FROM audit ORDER BY 1"};
	sqlite3 *h = fx_db(ctx);
	size_t cap = 1 << 16, len = 0;
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

static int64_t fx_run(lk_ctx *ctx, const char *title, const char *phase, int capacity)
{
	int64_t course = fx_exec(ctx, "INSERT INTO course (title, audience, phase, created_at, updated_at)"
		" VALUES ('Hjertekurs', 'both', 'active', '2027-01-01T00:00:00', '2027-01-01T00:00:00')");
	return fx_exec(ctx, "INSERT INTO run (course_id, title, phase, capacity, created_at)"
		" VALUES (%lld, %Q, %Q, nullif(%d, 0), '2027-01-01T00:00:00')",
		(long long)course, title, phase, capacity);
}

static int64_t mk(lk_ctx *ctx, const char *name, const char *phone, const char *email)
{
	lk_err err;
	lk_participant p = {.name = (char *)name, .phone = (char *)phone, .email = (char *)email};
	cr_assert_eq(participant_create(ctx, &p, &err), 0, "%s", err.msg);
	return p.id;
}

static int collect(void *arg, const lk_participant *p)
{
	strcat(arg, p->name);
	strcat(arg, "|");
	cr_assert_null(p->phone, "lists never carry contact details");
	cr_assert_null(p->email);
	cr_assert_null(p->notes);
	cr_assert_not(p->contact_shown);
	return 0;
}

static char *search(lk_ctx *ctx, const char *text, lk_page page)
{
	static char buf[1024];
	lk_err err;
	buf[0] = '\0';
	cr_assert_eq(participant_search(ctx, text, page, collect, buf, &err), 0, "%s", err.msg);
	return buf;
}

static const lk_page ALL = {0, 0};

/* ---- phone numbers ---- */

Test(participant, phone_normalised)
{
	lk_err err;
	static const char *const cases[][2] = {
		{"+47 912 34 567", "+4791234567"}, {"0047 912 34 567", "+4791234567"},
		{"912 34 567", "91234567"}, {"(+46) 70-123.45/67", "+46701234567"}, {"  ", ""},
		{"113", "113"}};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *out = NULL;
		cr_assert_eq(participant_phone_normalise(cases[i][0], &out, &err), 0, "%s", err.msg);
		cr_assert_str_eq(out, cases[i][1]);
		free(out);
	}
	static const char *const bad[] = {"912 34 567 ring etter 16", "47+912", "12", "1234567890123456", "x"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char *out = (char *)"untouched";
		cr_assert_eq(participant_phone_normalise(bad[i], &out, &err), -1, "%s", bad[i]);
		cr_assert_eq(err.code, LK_EINVAL);
		cr_assert_null(out);
		cr_assert(strstr(err.msg, "Phone"), "%s", err.msg);
	}
}

/* ---- create, read, contact details ---- */

Test(participant, create_and_read_as_coordinator_is_audited)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	lk_participant p = {.name = "  Åse Ødegård ", .phone = "+47 912 34 567",
		.email = "ase@example.no", .birth_year = 1961, .notes = "Rullestol.\nTrenger tolk."};
	cr_assert_eq(participant_create(ctx, &p, &err), 0, "%s", err.msg);
	cr_assert_gt(p.id, 0);
	cr_assert_eq(p.version, 1);
	cr_assert_str_eq(p.name, "  Åse Ødegård ", "the caller's strings are not touched");
	int64_t reads = fx_int(ctx, "SELECT count(*) FROM audit WHERE action = 'read_contact'");
	lk_participant got;
	cr_assert_eq(participant_get(ctx, p.id, &got, &err), 0, "%s", err.msg);
	cr_assert_str_eq(got.name, "Åse Ødegård", "names are trimmed");
	cr_assert_str_eq(got.phone, "+4791234567");
	cr_assert_str_eq(got.email, "ase@example.no");
	cr_assert_eq(got.birth_year, 1961);
	cr_assert_str_eq(got.notes, "Rullestol.\nTrenger tolk.");
	cr_assert(got.contact_shown);
	cr_assert_str_eq(got.created_at, "2027-01-10T09:00:00");
	participant_free(&got);
	cr_assert_eq(fx_int(ctx, "SELECT count(*) FROM audit WHERE action = 'read_contact'"
		" AND entity = 'participant' AND entity_id = %lld AND login = 'koord'", (long long)p.id),
		reads + 1);
	cr_assert_eq(fx_int(ctx, "SELECT count(*) FROM audit WHERE detail LIKE '%%Åse%%'"
		" OR detail LIKE '%%912%%' OR detail LIKE '%%example%%'"), 0, "no names or contacts in the audit log");
	ctx_close(ctx);
}

Test(participant, user_rep_and_staff_get_no_contact_details_and_no_error)
{
	lk_ctx *ctx = tl_ctx();
	lk_ctx *rep = tl_ctx_as(ctx, "bruker", LK_ROLE_USER_REP);
	lk_ctx *staff = tl_ctx_as(ctx, "vert", LK_ROLE_STAFF);
	lk_err err;
	lk_participant p = {.name = "Иван Петров", .phone = "91234567", .email = "ivan@example.no",
		.birth_year = 1950, .notes = "diabetes type 2"};
	cr_assert_eq(participant_create(ctx, &p, &err), 0, "%s", err.msg);
	int64_t audit_rows = fx_int(ctx, "SELECT count(*) FROM audit");
	lk_ctx *who[] = {rep, staff};
	for (int i = 0; i < 2; i++) {
		lk_participant got;
		cr_assert_eq(participant_get(who[i], p.id, &got, &err), 0, "%s", err.msg);
		cr_assert_str_eq(got.name, "Иван Петров");
		cr_assert_null(got.phone);
		cr_assert_null(got.email);
		cr_assert_null(got.notes);
		cr_assert_eq(got.birth_year, 0);
		cr_assert_not(got.contact_shown);
		participant_free(&got);
	}
	cr_assert_eq(fx_int(ctx, "SELECT count(*) FROM audit"), audit_rows, "no contact was read");
	ctx_close(rep);
	ctx_close(staff);
	ctx_close(ctx);
}

Test(participant, unknown_id_not_found)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	lk_participant got;
	cr_assert_eq(participant_get(ctx, 4711, &got, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	cr_assert_eq(fx_int(ctx, "SELECT count(*) FROM audit WHERE action = 'read_contact'"), 0);
	ctx_close(ctx);
}

Test(participant, invalid_input_refused_and_nothing_written)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	char *before = fx_snapshot(ctx);
	char bad_utf8[] = {'K', 'a', (char)0xC3, 'r', 'i', 0};
	struct {
		lk_participant p;
		const char *says;
	} cases[] = {
		{{.name = "   "}, "Name"},
		{{.name = bad_utf8}, "UTF-8"},
		{{.name = "Kari", .phone = "ring meg"}, "Phone"},
		{{.name = "Kari", .phone = "12"}, "3 to 15 digits"},
		{{.name = "Kari", .email = "kari.example.no"}, "e-mail"},
		{{.name = "Kari", .email = "kari@"}, "e-mail"},
		{{.name = "Kari", .birth_year = 1850}, "Birth year"},
		{{.name = "Kari", .birth_year = 2028}, "Birth year"},
		{{.name = "Kari", .notes = "tab\x01"}, "control"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		cr_assert_eq(participant_create(ctx, &cases[i].p, &err), -1, "case %zu", i);
		cr_assert_eq(err.code, LK_EINVAL, "case %zu", i);
		cr_assert(strstr(err.msg, cases[i].says), "case %zu: %s", i, err.msg);
	}
	assert_unchanged(ctx, before);
	ctx_close(ctx);
}

/* Messages reach stderr and logs: a refused phone or e-mail is not echoed,
 * and an update names the participant by number. */
Test(participant, refused_contact_details_are_not_echoed)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t id = mk(ctx, "Kari Nordmann", "91234567", "kari@example.no");
	char *before = fx_snapshot(ctx);
	static const char *const phones[] = {"ring Kari på 912 34 567", "12", "98765432109876543"};
	for (size_t i = 0; i < sizeof phones / sizeof phones[0]; i++) {
		lk_participant p = {.name = "Kari Nordmann", .phone = (char *)phones[i]};
		cr_assert_eq(participant_create(ctx, &p, &err), -1, "%s", phones[i]);
		cr_assert_eq(err.code, LK_EINVAL);
		cr_assert(strstr(err.msg, "Phone"), "%s", err.msg);
		cr_assert_null(strstr(err.msg, phones[i]), "the number is echoed: %s", err.msg);
		cr_assert_null(strstr(err.msg, "Kari"), "%s", err.msg);
	}
	lk_participant p = {.name = "Kari Nordmann", .email = "kari.nordmann.example.no"};
	cr_assert_eq(participant_create(ctx, &p, &err), -1);
	cr_assert(strstr(err.msg, "e-mail"), "%s", err.msg);
	cr_assert_null(strstr(err.msg, "kari.nordmann"), "the address is echoed: %s", err.msg);
	lk_participant u;
	cr_assert_eq(participant_get(ctx, id, &u, &err), 0, "%s", err.msg);
	free(before);
	before = fx_snapshot(ctx);
	free(u.email);
	u.email = strdup("kari@nordmann@example.no");
	char no[32];
	snprintf(no, sizeof no, "no. %lld", (long long)id);
	cr_assert_eq(participant_update(ctx, &u, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	cr_assert(strstr(err.msg, no) && strstr(err.msg, "e-mail"), "%s", err.msg);
	cr_assert_null(strstr(err.msg, "nordmann"), "%s", err.msg);
	free(u.email);
	u.email = strdup("kari@example.no");
	free(u.phone);
	u.phone = strdup("Kari: 1");
	cr_assert_eq(participant_update(ctx, &u, &err), -1);
	cr_assert(strstr(err.msg, no) && strstr(err.msg, "Phone"), "%s", err.msg);
	cr_assert_null(strstr(err.msg, "Kari"), "%s", err.msg);
	assert_unchanged(ctx, before);
	participant_free(&u);
	ctx_close(ctx);
}

static int keep_first(void *arg, const lk_participant *p)
{
	lk_participant *out = arg;
	*out = *p;
	out->name = strdup(p->name);
	out->created_at = strdup(p->created_at);
	return 1;
}

/* A record read without contact details (another role, or a search row)
 * has NULL contact fields; saving it keeps the stored ones. "" clears. */
Test(participant, update_with_hidden_contact_details_keeps_them)
{
	lk_ctx *ctx = tl_ctx();
	lk_ctx *staff = tl_ctx_as(ctx, "vert", LK_ROLE_STAFF);
	lk_err err;
	lk_participant p = {.name = "Åse Ødegård", .phone = "912 34 567", .email = "ase@example.no",
		.birth_year = 1961, .notes = "Trenger tolk."};
	cr_assert_eq(participant_create(ctx, &p, &err), 0, "%s", err.msg);
	lk_participant hidden;
	cr_assert_eq(participant_get(staff, p.id, &hidden, &err), 0, "%s", err.msg);
	cr_assert_null(hidden.phone);
	cr_assert_not(hidden.contact_shown);
	free(hidden.name);
	hidden.name = strdup("Åse Ødegård Berg");
	cr_assert_eq(participant_update(ctx, &hidden, &err), 0, "%s", err.msg);
	lk_participant row = {0};
	cr_assert_eq(participant_search(ctx, "Berg", ALL, keep_first, &row, &err), 0, "%s", err.msg);
	cr_assert_eq(row.id, p.id);
	cr_assert_null(row.email);
	free(row.name);
	row.name = strdup("Åse Berg");
	cr_assert_eq(participant_update(ctx, &row, &err), 0, "%s", err.msg);
	lk_participant now;
	cr_assert_eq(participant_get(ctx, p.id, &now, &err), 0, "%s", err.msg);
	cr_assert_str_eq(now.name, "Åse Berg");
	cr_assert_str_eq(now.phone, "91234567", "kept, not erased");
	cr_assert_str_eq(now.email, "ase@example.no");
	cr_assert_str_eq(now.notes, "Trenger tolk.");
	cr_assert_eq(now.birth_year, 1961);
	cr_assert_eq(now.version, 3);
	/* Shown and emptied on purpose: cleared. */
	free(now.phone);
	now.phone = strdup("");
	free(now.notes);
	now.notes = strdup("");
	now.birth_year = 0;
	cr_assert_eq(participant_update(ctx, &now, &err), 0, "%s", err.msg);
	lk_participant cleared;
	cr_assert_eq(participant_get(ctx, p.id, &cleared, &err), 0, "%s", err.msg);
	cr_assert_str_eq(cleared.phone, "");
	cr_assert_str_eq(cleared.notes, "");
	cr_assert_eq(cleared.birth_year, 0);
	cr_assert_str_eq(cleared.email, "ase@example.no", "NULL would have kept it, so would the same text");
	participant_free(&hidden);
	participant_free(&row);
	participant_free(&now);
	participant_free(&cleared);
	ctx_close(staff);
	ctx_close(ctx);
}

/* Rolled back after the insert: the caller gets no id of a row that is gone. */
Test(participant, failed_create_leaves_no_id_behind)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	fx_exec(ctx, "CREATE TRIGGER test_fail AFTER INSERT ON audit WHEN NEW.entity = 'participant'"
		" BEGIN SELECT RAISE(ABORT, 'test: audit refused'); END");
	char *before = fx_snapshot(ctx);
	lk_participant p = {.name = "Zofia Wójcik", .phone = "912 34 567"};
	cr_assert_eq(participant_create(ctx, &p, &err), -1);
	cr_assert_eq(p.id, 0);
	cr_assert_eq(p.version, 0);
	assert_unchanged(ctx, before);
	fx_exec(ctx, "DROP TRIGGER test_fail");
	cr_assert_eq(participant_create(ctx, &p, &err), 0, "%s", err.msg);
	cr_assert_gt(p.id, 0);
	ctx_close(ctx);
}

Test(participant, only_coordinators_write)
{
	lk_ctx *ctx = tl_ctx();
	lk_ctx *staff = tl_ctx_as(ctx, "vert", LK_ROLE_STAFF);
	lk_ctx *rep = tl_ctx_as(ctx, "bruker", LK_ROLE_USER_REP);
	lk_err err;
	int64_t a = mk(ctx, "Kari Nordmann", "91234567", "");
	int64_t b = mk(ctx, "kari nordmann", "91234567", "");
	char *before = fx_snapshot(ctx);
	lk_ctx *who[] = {staff, rep};
	for (int i = 0; i < 2; i++) {
		lk_participant p = {.name = "Ny"};
		cr_assert_eq(participant_create(who[i], &p, &err), -1);
		cr_assert_eq(err.code, LK_EPERM);
		lk_participant u = {.id = a, .name = "Endret", .version = 1};
		cr_assert_eq(participant_update(who[i], &u, &err), -1);
		cr_assert_eq(err.code, LK_EPERM);
		cr_assert_eq(participant_delete(who[i], a, 1, &err), -1);
		cr_assert_eq(err.code, LK_EPERM);
		cr_assert_eq(participant_merge(who[i], a, b, &err), -1);
		cr_assert_eq(err.code, LK_EPERM);
		cr_assert_eq(participant_find_duplicates(who[i], "Kari Nordmann", "91234567", NULL,
			collect, NULL, &err), -1);
		cr_assert_eq(err.code, LK_EPERM);
	}
	assert_unchanged(ctx, before);
	ctx_close(staff);
	ctx_close(rep);
	ctx_close(ctx);
}

Test(participant, update_is_versioned)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t id = mk(ctx, "Nguyễn Thị Lan", "", "");
	lk_participant a, b;
	cr_assert_eq(participant_get(ctx, id, &a, &err), 0);
	cr_assert_eq(participant_get(ctx, id, &b, &err), 0);
	free(a.phone);
	a.phone = strdup("0047 400 00 000");
	cr_assert_eq(participant_update(ctx, &a, &err), 0, "%s", err.msg);
	cr_assert_eq(a.version, 2);
	char *before = fx_snapshot(ctx);
	free(b.email);
	b.email = strdup("lan@example.no");
	cr_assert_eq(participant_update(ctx, &b, &err), -1);
	cr_assert_eq(err.code, LK_ECONFLICT);
	cr_assert(strstr(err.msg, "changed by someone else"), "%s", err.msg);
	assert_unchanged(ctx, before);
	lk_participant c;
	cr_assert_eq(participant_get(ctx, id, &c, &err), 0);
	cr_assert_str_eq(c.phone, "+4740000000");
	cr_assert_str_eq(c.email, "");
	participant_free(&a);
	participant_free(&b);
	participant_free(&c);
	ctx_close(ctx);
}

Test(participant, purged_cannot_be_edited)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t id = mk(ctx, "Per", "", "");
	fx_exec(ctx, "UPDATE participant SET name = '', purged_at = '2027-01-01T00:00:00' WHERE id = %lld", (long long)id);
	char *before = fx_snapshot(ctx);
	lk_participant p = {.id = id, .name = "Per igjen", .version = 1};
	cr_assert_eq(participant_update(ctx, &p, &err), -1);
	cr_assert_eq(err.code, LK_ERULE);
	cr_assert(strstr(err.msg, "purge"), "%s", err.msg);
	assert_unchanged(ctx, before);
	cr_assert_str_eq(search(ctx, NULL, ALL), "", "purged participants are not listed");
	ctx_close(ctx);
}

/* ---- delete ---- */

Test(participant, delete_refused_while_enrolled_in_an_open_run)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t run = fx_run(ctx, "Våren 2027", "registration", 10);
	int64_t id = mk(ctx, "Ola Nordmann", "", "");
	lk_enrollment e;
	cr_assert_eq(enroll_add(ctx, run, id, LK_CAT_PATIENT, false, &e, &err), 0, "%s", err.msg);
	char *before = fx_snapshot(ctx);
	cr_assert_eq(participant_delete(ctx, id, 1, &err), -1);
	cr_assert_eq(err.code, LK_ERULE);
	cr_assert(strstr(err.msg, "Våren 2027"), "names the run: %s", err.msg);
	assert_unchanged(ctx, before);
	fx_exec(ctx, "UPDATE run SET phase = 'closed' WHERE id = %lld", (long long)run);
	cr_assert_eq(participant_delete(ctx, id, 1, &err), 0, "%s", err.msg);
	cr_assert_eq(fx_int(ctx, "SELECT count(*) FROM participant"), 0);
	cr_assert_eq(fx_int(ctx, "SELECT count(*) FROM audit WHERE action = 'delete'"
		" AND entity = 'participant' AND entity_id = %lld", (long long)id), 1);
	enrollment_free(&e);
	ctx_close(ctx);
}

Test(participant, delete_allowed_after_cancel_and_stale_version_refused)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t run = fx_run(ctx, "Høsten", "registration", 10);
	int64_t id = mk(ctx, "Ola", "", "");
	lk_enrollment e;
	cr_assert_eq(enroll_add(ctx, run, id, LK_CAT_RELATIVE, false, &e, &err), 0, "%s", err.msg);
	cr_assert_eq(enroll_cancel(ctx, e.id, e.version, NULL, &err), 0, "%s", err.msg);
	cr_assert_eq(participant_delete(ctx, id, 7, &err), -1);
	cr_assert_eq(err.code, LK_ECONFLICT);
	cr_assert_eq(participant_delete(ctx, id, 1, &err), 0, "%s", err.msg);
	cr_assert_eq(participant_delete(ctx, id, 1, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	enrollment_free(&e);
	ctx_close(ctx);
}

/* ---- search ---- */

Test(participant, search_names_case_insensitive_in_many_scripts)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	mk(ctx, "Øyvind Ås", "", "");
	mk(ctx, "Иван Петров", "", "");
	mk(ctx, "王小明", "", "");
	mk(ctx, "Nguyễn Văn An", "", "");
	mk(ctx, "anne 100% sikker", "", "");
	mk(ctx, "Bjørn", "", "");
	cr_assert_str_eq(search(ctx, "øyvind", ALL), "Øyvind Ås|");
	cr_assert_str_eq(search(ctx, "ÅS", ALL), "Øyvind Ås|");
	cr_assert_str_eq(search(ctx, "иван", ALL), "Иван Петров|");
	cr_assert_str_eq(search(ctx, "小", ALL), "王小明|");
	cr_assert_str_eq(search(ctx, "NGUYỄN", ALL), "Nguyễn Văn An|");
	cr_assert_str_eq(search(ctx, "0%", ALL), "anne 100% sikker|");
	cr_assert_str_eq(search(ctx, "%", ALL), "anne 100% sikker|", "LIKE wildcards are literal");
	cr_assert_str_eq(search(ctx, "finnes ikke", ALL), "");
	cr_assert_eq(participant_count(ctx, "ø", &err), 2, "Øyvind and Bjørn");
	cr_assert_eq(participant_count(ctx, NULL, &err), 6);
	ctx_close(ctx);
}

Test(participant, search_pages_sorted_by_name)
{
	lk_ctx *ctx = tl_ctx();
	mk(ctx, "Cecilie", "", "");
	mk(ctx, "anne", "", "");
	mk(ctx, "Bjørn", "", "");
	cr_assert_str_eq(search(ctx, "", (lk_page){0, 2}), "anne|Bjørn|");
	cr_assert_str_eq(search(ctx, "  ", (lk_page){2, 2}), "Cecilie|");
	cr_assert_str_eq(search(ctx, NULL, (lk_page){3, 2}), "");
	ctx_close(ctx);
}

Test(participant, coordinator_finds_by_phone_digits_and_email)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	mk(ctx, "Kari", "91234567", "kari@example.no");
	mk(ctx, "Per", "+47 912 34 567", "");
	mk(ctx, "Sven", "+46 70 123 45 67", "Sven@Example.SE");
	mk(ctx, "Lise", "22 33 44 55", "");
	cr_assert_str_eq(search(ctx, "+47 912 34 567", ALL), "Kari|Per|");
	cr_assert_str_eq(search(ctx, "912 34 567", ALL), "Kari|Per|");
	cr_assert_str_eq(search(ctx, "0047 91234567", ALL), "Kari|Per|");
	cr_assert_str_eq(search(ctx, "+46 70 123", ALL), "Sven|");
	cr_assert_str_eq(search(ctx, "KARI@EXAMPLE", ALL), "Kari|");
	cr_assert_str_eq(search(ctx, "example.se", ALL), "Sven|");
	cr_assert_str_eq(search(ctx, "33-44", ALL), "Lise|");
	cr_assert_eq(participant_count(ctx, "912 34 567", &err), 2);
	ctx_close(ctx);
}

Test(participant, others_search_names_only)
{
	lk_ctx *ctx = tl_ctx();
	lk_ctx *staff = tl_ctx_as(ctx, "vert", LK_ROLE_STAFF);
	lk_ctx *rep = tl_ctx_as(ctx, "bruker", LK_ROLE_USER_REP);
	lk_err err;
	mk(ctx, "Kari", "91234567", "kari@example.no");
	cr_assert_str_eq(search(staff, "Kari", ALL), "Kari|");
	cr_assert_str_eq(search(staff, "91234567", ALL), "", "a phone cannot be looked up");
	cr_assert_str_eq(search(rep, "example", ALL), "", "nor an e-mail");
	cr_assert_eq(participant_count(rep, "91234567", &err), 0);
	cr_assert_eq(participant_count(ctx, "91234567", &err), 1);
	ctx_close(staff);
	ctx_close(rep);
	ctx_close(ctx);
}

/* ---- duplicates and merge ---- */

static int collect_dup(void *arg, const lk_participant *p)
{
	char *buf = arg;
	cr_assert(p->contact_shown);
	sprintf(buf + strlen(buf), "%s/%s/%s|", p->name, p->phone, p->email);
	return 0;
}

Test(participant, duplicates_need_same_name_and_same_phone_or_email)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	mk(ctx, "Åse Ødegård", "+47 912 34 567", "");
	mk(ctx, "ÅSE ØDEGÅRD", "", "ASE@example.no");
	mk(ctx, "Åse Ødegård", "40000000", "annen@example.no");
	mk(ctx, "Per Ødegård", "91234567", "ase@example.no");
	char buf[512] = "";
	int64_t reads = fx_int(ctx, "SELECT count(*) FROM audit WHERE action = 'read_contact'");
	cr_assert_eq(participant_find_duplicates(ctx, " åse ødegård ", "912 34 567", "ase@EXAMPLE.no",
		collect_dup, buf, &err), 0, "%s", err.msg);
	cr_assert_str_eq(buf, "Åse Ødegård/+4791234567/|ÅSE ØDEGÅRD//ASE@example.no|");
	cr_assert_eq(fx_int(ctx, "SELECT count(*) FROM audit WHERE action = 'read_contact'"), reads + 2);
	buf[0] = '\0';
	cr_assert_eq(participant_find_duplicates(ctx, "Åse Ødegård", "", "", collect_dup, buf, &err), 0);
	cr_assert_str_eq(buf, "", "a name alone is not a duplicate");
	cr_assert_eq(participant_find_duplicates(ctx, "", "912", NULL, collect_dup, buf, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	ctx_close(ctx);
}

Test(participant, merge_moves_enrollments_and_deletes_the_duplicate)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t r1 = fx_run(ctx, "Vår", "registration", 10);
	int64_t r2 = fx_run(ctx, "Høst", "registration", 10);
	int64_t keep = mk(ctx, "Åse Ødegård", "", "ase@example.no");
	int64_t drop = mk(ctx, "Åse Ødegaard", "+47 912 34 567", "gammel@example.no");
	fx_exec(ctx, "UPDATE participant SET notes = 'rullestol', birth_year = 1961 WHERE id = %lld", (long long)drop);
	lk_enrollment a, b;
	cr_assert_eq(enroll_add(ctx, r1, keep, LK_CAT_PATIENT, false, &a, &err), 0, "%s", err.msg);
	cr_assert_eq(enroll_add(ctx, r2, drop, LK_CAT_PATIENT, true, &b, &err), 0, "%s", err.msg);
	cr_assert_eq(participant_merge(ctx, keep, drop, &err), 0, "%s", err.msg);
	cr_assert_eq(fx_int(ctx, "SELECT participant_id FROM enrollment WHERE id = %lld", (long long)b.id), keep);
	cr_assert_eq(fx_int(ctx, "SELECT count(*) FROM participant WHERE id = %lld", (long long)drop), 0);
	lk_participant k;
	cr_assert_eq(participant_get(ctx, keep, &k, &err), 0);
	cr_assert_str_eq(k.email, "ase@example.no", "keep's own details win");
	cr_assert_str_eq(k.phone, "+4791234567", "empty details are filled");
	cr_assert_eq(k.birth_year, 1961);
	cr_assert_str_eq(k.notes, "rullestol");
	cr_assert_eq(k.version, 2);
	cr_assert_eq(fx_int(ctx, "SELECT count(*) FROM audit WHERE action = 'merge' AND entity_id = %lld", (long long)keep), 1);
	participant_free(&k);
	enrollment_free(&a);
	enrollment_free(&b);
	ctx_close(ctx);
}

Test(participant, merge_refused_when_both_in_the_same_run)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t run = fx_run(ctx, "Mestring 2027", "registration", 10);
	int64_t keep = mk(ctx, "Kari", "", "");
	int64_t drop = mk(ctx, "Kari", "", "");
	lk_enrollment a, b;
	cr_assert_eq(enroll_add(ctx, run, keep, LK_CAT_PATIENT, false, &a, &err), 0);
	cr_assert_eq(enroll_add(ctx, run, drop, LK_CAT_PATIENT, false, &b, &err), 0);
	cr_assert_eq(enroll_cancel(ctx, b.id, b.version, NULL, &err), 0, "%s", err.msg);
	char *before = fx_snapshot(ctx);
	cr_assert_eq(participant_merge(ctx, keep, drop, &err), -1);
	cr_assert_eq(err.code, LK_ERULE);
	cr_assert(strstr(err.msg, "Mestring 2027"), "%s", err.msg);
	cr_assert_eq(participant_merge(ctx, keep, keep, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	cr_assert_eq(participant_merge(ctx, keep, 999, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	assert_unchanged(ctx, before);
	enrollment_free(&a);
	enrollment_free(&b);
	ctx_close(ctx);
}

/* The fold function is registered per connection when a search statement
 * first needs it: counting first, searching first, and a second connection
 * all work, and repeated searches reuse the prepared statements. */
Test(participant, search_and_count_on_fresh_connections)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	mk(ctx, "Øystein Ålvik", "", "");
	mk(ctx, "ØYSTEIN BERG", "", "");
	mk(ctx, "Ольга Øygard", "", "");
	cr_assert_eq(participant_count(ctx, "øy", &err), 3, "%s", err.msg);
	cr_assert_eq(participant_count(ctx, "øystein", &err), 2, "%s", err.msg);
	cr_assert_str_eq(search(ctx, "ålvik", ALL), "Øystein Ålvik|");
	lk_ctx *staff = tl_ctx_as(ctx, "vert", LK_ROLE_STAFF);
	cr_assert_str_eq(search(staff, "ОЛЬГА", ALL), "Ольга Øygard|", "search first on a new connection");
	cr_assert_eq(participant_count(staff, "berg", &err), 1, "%s", err.msg);
	for (int i = 0; i < 50; i++)
		cr_assert_eq(participant_count(ctx, "ålvik", &err), 1, "%s", err.msg);
	cr_assert_eq(participant_count(ctx, "ingen slik", &err), 0, "%s", err.msg);
	ctx_close(staff);
	ctx_close(ctx);
}
