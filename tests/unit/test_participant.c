#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/enroll.h"
#include "lmskurs/participant.h"
#include "lmskurs/store/participant.h"
#include "lmskurs/text.h"
#include "testlib.h"

/* ---- fixtures: a second connection on the test database ---- */

/* Every row of the tables this module writes, as one string. */
static char *fx_snapshot(lk_ctx *ctx)
{
	static const char *const sql[] = {
		"SELECT * FROM participant ORDER BY 1", "SELECT * FROM enrollment ORDER BY 1",
		"SELECT * FROM run ORDER BY 1", "SELECT * FROM audit ORDER BY 1"};
	sqlite3 *h = tl_sql_open(ctx);
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
	int64_t course = tl_sql(ctx, "INSERT INTO course (title, audience, phase, created_at, updated_at)"
		" VALUES ('Hjertekurs', 'both', 'active', '2027-01-01T00:00:00', '2027-01-01T00:00:00')");
	return tl_sql(ctx, "INSERT INTO run (course_id, title, phase, capacity, created_at)"
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
	int64_t reads = tl_sql_int(ctx, "SELECT count(*) FROM audit WHERE action = 'read_contact'");
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
	cr_assert_eq(tl_sql_int(ctx, "SELECT count(*) FROM audit WHERE action = 'read_contact'"
		" AND entity = 'participant' AND entity_id = %lld AND login = 'koord'", (long long)p.id),
		reads + 1);
	cr_assert_eq(tl_sql_int(ctx, "SELECT count(*) FROM audit WHERE detail LIKE '%%Åse%%'"
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
	int64_t audit_rows = tl_sql_int(ctx, "SELECT count(*) FROM audit");
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
	cr_assert_eq(tl_sql_int(ctx, "SELECT count(*) FROM audit"), audit_rows, "no contact was read");
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
	cr_assert_eq(tl_sql_int(ctx, "SELECT count(*) FROM audit WHERE action = 'read_contact'"), 0);
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
	tl_sql(ctx, "CREATE TRIGGER test_fail AFTER INSERT ON audit WHEN NEW.entity = 'participant'"
		" BEGIN SELECT RAISE(ABORT, 'test: audit refused'); END");
	char *before = fx_snapshot(ctx);
	lk_participant p = {.name = "Zofia Wójcik", .phone = "912 34 567"};
	cr_assert_eq(participant_create(ctx, &p, &err), -1);
	cr_assert_eq(p.id, 0);
	cr_assert_eq(p.version, 0);
	assert_unchanged(ctx, before);
	tl_sql(ctx, "DROP TRIGGER test_fail");
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
	tl_sql(ctx, "UPDATE participant SET name = '', purged_at = '2027-01-01T00:00:00' WHERE id = %lld", (long long)id);
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
	tl_sql(ctx, "UPDATE run SET phase = 'closed' WHERE id = %lld", (long long)run);
	cr_assert_eq(participant_delete(ctx, id, 1, &err), 0, "%s", err.msg);
	cr_assert_eq(tl_sql_int(ctx, "SELECT count(*) FROM participant"), 0);
	cr_assert_eq(tl_sql_int(ctx, "SELECT count(*) FROM audit WHERE action = 'delete'"
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
	int64_t reads = tl_sql_int(ctx, "SELECT count(*) FROM audit WHERE action = 'read_contact'");
	cr_assert_eq(participant_find_duplicates(ctx, " åse ødegård ", "912 34 567", "ase@EXAMPLE.no",
		collect_dup, buf, &err), 0, "%s", err.msg);
	cr_assert_str_eq(buf, "Åse Ødegård/+4791234567/|ÅSE ØDEGÅRD//ASE@example.no|");
	cr_assert_eq(tl_sql_int(ctx, "SELECT count(*) FROM audit WHERE action = 'read_contact'"), reads + 2);
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
	tl_sql(ctx, "UPDATE participant SET notes = 'rullestol', birth_year = 1961 WHERE id = %lld", (long long)drop);
	lk_enrollment a, b;
	cr_assert_eq(enroll_add(ctx, r1, keep, LK_CAT_PATIENT, false, &a, &err), 0, "%s", err.msg);
	cr_assert_eq(enroll_add(ctx, r2, drop, LK_CAT_PATIENT, true, &b, &err), 0, "%s", err.msg);
	cr_assert_eq(participant_merge(ctx, keep, drop, &err), 0, "%s", err.msg);
	cr_assert_eq(tl_sql_int(ctx, "SELECT participant_id FROM enrollment WHERE id = %lld", (long long)b.id), keep);
	cr_assert_eq(tl_sql_int(ctx, "SELECT count(*) FROM participant WHERE id = %lld", (long long)drop), 0);
	lk_participant k;
	cr_assert_eq(participant_get(ctx, keep, &k, &err), 0);
	cr_assert_str_eq(k.email, "ase@example.no", "keep's own details win");
	cr_assert_str_eq(k.phone, "+4791234567", "empty details are filled");
	cr_assert_eq(k.birth_year, 1961);
	cr_assert_str_eq(k.notes, "rullestol");
	cr_assert_eq(k.version, 2);
	cr_assert_eq(tl_sql_int(ctx, "SELECT count(*) FROM audit WHERE action = 'merge' AND entity_id = %lld", (long long)keep), 1);
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

/* ---- the search index (schema/0006, issue 4) ----
 *
 * Searches go through two FTS5 indexes while they are up to date and read
 * the table itself while someone changed participants behind their back
 * (participant_fts_stale not empty). The helpers below run a search both
 * ways: a purged participant added by plain SQL makes the index stale
 * without changing what may be found; a rebuild makes it fresh again. */

static int64_t fx_stale_rows(lk_ctx *ctx)
{
	return tl_sql_int(ctx, "SELECT count(*) FROM participant_fts_stale");
}

static void fx_make_stale(lk_ctx *ctx)
{
	tl_sql(ctx, "INSERT INTO participant (name, created_at, purged_at)"
		" VALUES ('', '2026-01-01T00:00:00', '2026-06-01T00:00:00')");
	cr_assert_gt(fx_stale_rows(ctx), 0);
}

static void fx_rebuild(lk_ctx *ctx)
{
	lk_err err;
	cr_assert_eq(store_participant_search_rebuild(ctx->db, &err), 0, "%s", err.msg);
	cr_assert_eq(fx_stale_rows(ctx), 0);
}

/* search() and participant_count() through the index, then through the
 * table; both must give want and its number of rows. Leaves it fresh. */
static void both_ways(lk_ctx *coord, lk_ctx *ctx, const char *text, const char *want)
{
	lk_err err;
	int64_t rows = 0;
	for (const char *p = want; *p; p++)
		rows += *p == '|';
	fx_rebuild(coord);
	for (int way = 0; way < 2; way++) {
		const char *how = way ? "table" : "index";
		cr_assert_str_eq(search(ctx, text, ALL), want, "'%s' through the %s", text, how);
		cr_assert_eq(participant_count(ctx, text, &err), rows, "'%s' through the %s: %s", text, how, err.msg);
		if (way == 0)
			fx_make_stale(coord);
	}
	fx_rebuild(coord);
}

static void purge_by_sql(lk_ctx *ctx, int64_t id)
{
	/* As store_privacy_clear does it. */
	tl_sql(ctx, "PRAGMA secure_delete = ON; UPDATE participant SET name = '', phone = '', email = '',"
		" birth_year = NULL, notes = '', purged_at = '2027-01-10T09:00:00', version = version + 1"
		" WHERE id = %lld", (long long)id);
}

Test(participant, index_folds_case_in_many_scripts_both_ways)
{
	lk_ctx *ctx = tl_ctx();
	mk(ctx, "Kari Ødegård", "", "");
	mk(ctx, "Анна Иванова", "", "");
	mk(ctx, "Nguyễn Văn Ánh", "", "");
	mk(ctx, "İsmail Yılmaz", "", "");
	mk(ctx, "ismail berg", "", "");
	mk(ctx, "Ærlend Åsheim", "", "");
	mk(ctx, "王小明", "", "");
	cr_assert_eq(fx_stale_rows(ctx), 0, "writes through lmskurs keep the index up to date");
	both_ways(ctx, ctx, "ødegård", "Kari Ødegård|");
	both_ways(ctx, ctx, "ØDEGÅRD", "Kari Ødegård|");
	both_ways(ctx, ctx, "ИВАНОВА", "Анна Иванова|");
	both_ways(ctx, ctx, "иван", "Анна Иванова|");
	both_ways(ctx, ctx, "NGUYỄN VĂN", "Nguyễn Văn Ánh|");
	both_ways(ctx, ctx, "ánh", "Nguyễn Văn Ánh|");
	both_ways(ctx, ctx, "ism", "ismail berg|İsmail Yılmaz|");
	both_ways(ctx, ctx, "İSMAIL", "ismail berg|İsmail Yılmaz|");
	both_ways(ctx, ctx, "ærlend å", "Ærlend Åsheim|");
	/* One and two characters: the short index. */
	both_ways(ctx, ctx, "ø", "Kari Ødegård|");
	both_ways(ctx, ctx, "Ås", "Ærlend Åsheim|");
	both_ways(ctx, ctx, "И", "Анна Иванова|");
	both_ways(ctx, ctx, "ỄN", "Nguyễn Văn Ánh|");
	both_ways(ctx, ctx, "i", "ismail berg|Kari Ødegård|Ærlend Åsheim|İsmail Yılmaz|");
	both_ways(ctx, ctx, "İ", "ismail berg|Kari Ødegård|Ærlend Åsheim|İsmail Yılmaz|");
	both_ways(ctx, ctx, "ı", "İsmail Yılmaz|");
	both_ways(ctx, ctx, "小", "王小明|");
	both_ways(ctx, ctx, "小明", "王小明|");
	both_ways(ctx, ctx, "x", "");
	both_ways(ctx, ctx, "ødegårdx", "");
	ctx_close(ctx);
}

Test(participant, index_takes_wildcards_and_quotes_literally)
{
	lk_ctx *ctx = tl_ctx();
	mk(ctx, "anne 100% sikker", "", "");
	mk(ctx, "Ola \"Store\" Hansen", "", "");
	mk(ctx, "Per_Arne [gjest]*?", "", "");
	mk(ctx, "Back\\slash", "", "");
	both_ways(ctx, ctx, "%", "anne 100% sikker|");
	both_ways(ctx, ctx, "0%", "anne 100% sikker|");
	both_ways(ctx, ctx, "0% s", "anne 100% sikker|");
	both_ways(ctx, ctx, "\"", "Ola \"Store\" Hansen|");
	both_ways(ctx, ctx, "\"store\"", "Ola \"Store\" Hansen|");
	both_ways(ctx, ctx, "_", "Per_Arne [gjest]*?|");
	both_ways(ctx, ctx, "r_a", "Per_Arne [gjest]*?|");
	both_ways(ctx, ctx, "[", "Per_Arne [gjest]*?|");
	both_ways(ctx, ctx, "]*?", "Per_Arne [gjest]*?|");
	both_ways(ctx, ctx, "*", "Per_Arne [gjest]*?|");
	both_ways(ctx, ctx, "\\", "Back\\slash|");
	both_ways(ctx, ctx, "k\\s", "Back\\slash|");
	both_ways(ctx, ctx, "OR", "Ola \"Store\" Hansen|");
	both_ways(ctx, ctx, "e\" OR \"", "");
	both_ways(ctx, ctx, "NEAR(", "");
	ctx_close(ctx);
}

/* ---- every pair of letters text_equal_fold takes as one ---- */

static size_t put_utf8(uint32_t cp, char *o)
{
	size_t n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
	static const unsigned char lead[] = {0, 0, 0xC0, 0xE0, 0xF0};
	for (size_t i = n - 1; i > 0; i--, cp >>= 6)
		o[i] = (char)(0x80 | (cp & 0x3F));
	o[0] = (char)(n == 1 ? cp : (lead[n] | cp));
	o[n] = '\0';
	return n;
}

static bool folds_same(uint32_t a, uint32_t b)
{
	char x[5], y[5];
	put_utf8(a, x);
	put_utf8(b, y);
	return text_equal_fold(x, y);
}

typedef struct id_set {
	bool *has;
	int64_t max;
} id_set;

static int collect_id(void *arg, const lk_participant *p)
{
	id_set *s = arg;
	cr_assert_leq(p->id, s->max);
	s->has[p->id] = true;
	return 0;
}

/* Letters that fold in text.c, and ASCII for the wildcards (not the
 * no-break space: a search is trimmed of it). */
static bool pair_range(uint32_t c)
{
	return (c >= 0x21 && c <= 0x7E) || (c >= 0xA1 && c <= 0x24F) || (c >= 0x400 && c <= 0x4FF) ||
	       (c >= 0x1E00 && c <= 0x1EFF) || c == 0x212A || c == 0x212B;
}

/* Names "#c#" for every c in pair_range, added by SQL, so ids say c. */
static int64_t fx_letter_names(lk_ctx *ctx, uint32_t *cp_of, size_t cap)
{
	int64_t n = 0;
	for (uint32_t c = 0; c < 0x2200; c++) {
		if (!pair_range(c))
			continue;
		char name[16] = "#";
		put_utf8(c, name + 1);
		strcat(name, "#");
		int64_t id = tl_sql(ctx, "INSERT INTO participant (name, created_at) VALUES (%Q, '2027-01-01T00:00:00')", name);
		cr_assert_lt((size_t)id, cap);
		cp_of[id] = c;
		n = id;
	}
	return n;
}

/* For each letter c, the search "#c#" (the trigram index) and "c" (the
 * short index) find every name whose letter text_equal_fold takes for c;
 * the index may find more (FTS5 folds Greek, 'ſ', the Kelvin sign …), the
 * table exactly those. */
static void check_letters(lk_ctx *ctx, const uint32_t *cp_of, int64_t max, bool exact)
{
	id_set got = {calloc((size_t)max + 1, 1), max};
	for (int64_t q = 1; q <= max; q++) {
		uint32_t c = cp_of[q];
		if (c == '#')
			continue;
		char one[5], three[8] = "#";
		put_utf8(c, one);
		strcat(strcat(three, one), "#");
		const char *texts[] = {three, one};
		for (int t = 0; t < 2; t++) {
			lk_err err;
			memset(got.has, 0, (size_t)max + 1);
			cr_assert_eq(participant_search(ctx, texts[t], ALL, collect_id, &got, &err), 0, "%s", err.msg);
			for (int64_t id = 1; id <= max; id++) {
				bool want = folds_same(c, cp_of[id]);
				if (want || exact)
					cr_assert_eq(got.has[id], want, "'%s' and '#%x#' (%s): %d", texts[t], cp_of[id],
						exact ? "table" : "index", got.has[id]);
			}
		}
	}
	free(got.has);
}

Test(participant, index_finds_every_letter_pair_text_equal_fold_takes, .timeout = 120)
{
	lk_ctx *ctx = tl_ctx();
	static uint32_t cp_of[2048];
	int64_t max = fx_letter_names(ctx, cp_of, 2048);
	fx_rebuild(ctx);
	check_letters(ctx, cp_of, max, false);
	fx_make_stale(ctx);
	check_letters(ctx, cp_of, max, true);
	ctx_close(ctx);
}

/* ---- roles, phone and e-mail ---- */

Test(participant, index_matches_phone_digits_and_email_of_any_length_for_coordinators_only)
{
	lk_ctx *ctx = tl_ctx();
	lk_ctx *staff = tl_ctx_as(ctx, "vert", LK_ROLE_STAFF);
	lk_ctx *rep = tl_ctx_as(ctx, "bruker", LK_ROLE_USER_REP);
	mk(ctx, "Kari", "91234567", "kari@example.no");
	mk(ctx, "Per", "+47 400 11 223", "");
	mk(ctx, "Lise", "", "Lise@Ex.no");
	both_ways(ctx, ctx, "9", "Kari|");
	both_ways(ctx, ctx, "91", "Kari|");
	both_ways(ctx, ctx, "912", "Kari|");
	both_ways(ctx, ctx, "4567", "Kari|");
	both_ways(ctx, ctx, "47", "Per|");
	both_ways(ctx, ctx, "+47 4", "Kari|Per|");
	both_ways(ctx, ctx, "+47 400", "Per|");
	both_ways(ctx, ctx, "0047 40011", "Per|");
	both_ways(ctx, ctx, "4001", "Per|");
	both_ways(ctx, ctx, "@e", "Kari|Lise|");
	both_ways(ctx, ctx, "x.", "Lise|");
	both_ways(ctx, ctx, "EX.NO", "Lise|");
	both_ways(ctx, ctx, "e@e", "Lise|");
	both_ways(ctx, ctx, "ari@", "Kari|");
	lk_ctx *names_only[] = {staff, rep};
	for (int i = 0; i < 2; i++) {
		both_ways(ctx, names_only[i], "9", "");
		both_ways(ctx, names_only[i], "912", "");
		both_ways(ctx, names_only[i], "+47 4", "");
		both_ways(ctx, names_only[i], "@e", "");
		both_ways(ctx, names_only[i], "example", "");
		both_ways(ctx, names_only[i], "ka", "Kari|");
		both_ways(ctx, names_only[i], "e", "Lise|Per|");
		both_ways(ctx, names_only[i], "lis", "Lise|");
	}
	ctx_close(staff);
	ctx_close(rep);
	ctx_close(ctx);
}

/* ---- purged participants ---- */

Test(participant, purged_participants_are_found_neither_way)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t id = mk(ctx, "Åse Ødegård", "912 34 567", "ase@example.no");
	mk(ctx, "Kari", "", "");
	both_ways(ctx, ctx, "ødeg", "Åse Ødegård|");
	purge_by_sql(ctx, id);
	cr_assert_gt(fx_stale_rows(ctx), 0, "a purge by SQL is noticed");
	const char *texts[] = {"ødegård", "Åse", "ø", "ås", "912", "91", "ase@", "@"};
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		cr_assert_str_eq(search(ctx, texts[i], ALL), "", "'%s' through the table", texts[i]);
		both_ways(ctx, ctx, texts[i], "");
	}
	cr_assert_eq(participant_count(ctx, NULL, &err), 1);
	cr_assert_str_eq(search(ctx, NULL, ALL), "Kari|");
	cr_assert_eq(tl_sql_int(ctx, "SELECT count(*) FROM participant_fts WHERE participant_fts MATCH 'ødeg'"), 0,
		"the rebuilt index holds nothing of the purged participant");
	ctx_close(ctx);
}

static bool has_bytes(const char *buf, size_t n, const char *needle)
{
	size_t k = strlen(needle);
	for (size_t i = 0; n >= k && i <= n - k; i++)
		if (memcmp(buf + i, needle, k) == 0)
			return true;
	return false;
}

static bool file_has(const char *path, const char *needle)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return false;
	fseek(f, 0, SEEK_END);
	long size = ftell(f);
	rewind(f);
	char *buf = malloc((size_t)size + 1);
	size_t got = fread(buf, 1, (size_t)size, f);
	fclose(f);
	bool found = has_bytes(buf, got, needle);
	free(buf);
	return found;
}

/* In the database file or its WAL. */
static bool db_has(lk_ctx *ctx, const char *needle)
{
	char wal[512];
	snprintf(wal, sizeof wal, "%s-wal", tl_db_path(ctx));
	return file_has(tl_db_path(ctx), needle) || file_has(wal, needle);
}

/* In the pages of one of the search indexes (read as plain SQL). */
static bool index_has(lk_ctx *ctx, const char *table, const char *needle)
{
	sqlite3 *h = tl_sql_open(ctx);
	sqlite3_stmt *st;
	char *sql = sqlite3_mprintf("SELECT block FROM %s WHERE typeof(block) = 'blob'", table);
	cr_assert_eq(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK, "%s", sqlite3_errmsg(h));
	bool found = false;
	while (!found && sqlite3_step(st) == SQLITE_ROW)
		found = has_bytes(sqlite3_column_blob(st, 0), (size_t)sqlite3_column_bytes(st, 0), needle);
	sqlite3_finalize(st);
	sqlite3_free(sql);
	sqlite3_close(h);
	return found;
}

/* What the privacy purge must do with the index (store/participant.h):
 * after clearing, rebuild it; then the VACUUM and the checkpoint leave no
 * byte of the name in the file. The name's letters (lower case: the index
 * keeps them folded) start with UTF-8 bytes no other text here has, so each
 * trigram stands whole in the index's pages and can be looked for. */
Test(participant, purged_name_leaves_no_trace_after_rebuild_and_vacuum)
{
	lk_ctx *ctx = tl_ctx();
	const char *name = "ѱաשب";
	const char *trigrams[] = {"ѱաש", "աשب"};
	const char *pairs[] = {"ѱ\x1fա", "ա\x1fש", "ש\x1fب"};
	int64_t id = mk(ctx, name, "", "");
	mk(ctx, "Kari Nordmann", "91234567", "kari@example.no");
	for (size_t i = 0; i < 2; i++)
		cr_assert(index_has(ctx, "participant_fts_data", trigrams[i]), "the test looks for what is there");
	for (size_t i = 0; i < 3; i++)
		cr_assert(index_has(ctx, "participant_fts_short_data", pairs[i]), "the test looks for what is there");
	purge_by_sql(ctx, id);
	fx_rebuild(ctx);
	tl_sql(ctx, "VACUUM");
	tl_sql(ctx, "PRAGMA wal_checkpoint(TRUNCATE)");
	cr_assert_not(db_has(ctx, name));
	for (size_t i = 0; i < 2; i++)
		cr_assert_not(db_has(ctx, trigrams[i]), "a trigram of the purged name is left: %zu", i);
	for (size_t i = 0; i < 3; i++)
		cr_assert_not(db_has(ctx, pairs[i]), "a pair of the purged name's letters is left: %zu", i);
	cr_assert_str_eq(search(ctx, "ѱա", ALL), "");
	cr_assert_str_eq(search(ctx, "Kari", ALL), "Kari Nordmann|", "the others are still found");
	ctx_close(ctx);
}

/* ---- the index follows every write ---- */

Test(participant, index_follows_update_delete_and_merge)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t a = mk(ctx, "Kari Nordmann", "", "kari@example.no");
	int64_t b = mk(ctx, "Kari Nordman", "+47 912 34 567", "gammel@example.no");
	lk_participant p;
	cr_assert_eq(participant_get(ctx, a, &p, &err), 0, "%s", err.msg);
	free(p.name);
	p.name = strdup("Kari Sørby");
	cr_assert_eq(participant_update(ctx, &p, &err), 0, "%s", err.msg);
	cr_assert_eq(fx_stale_rows(ctx), 0);
	cr_assert_str_eq(search(ctx, "nordmann", ALL), "");
	cr_assert_str_eq(search(ctx, "sørby", ALL), "Kari Sørby|");
	cr_assert_str_eq(search(ctx, "sø", ALL), "Kari Sørby|");
	cr_assert_str_eq(search(ctx, "nordman", ALL), "Kari Nordman|");
	/* A stale version changes nothing, the index neither. */
	lk_participant old = p;
	old.version = 1;
	old.name = (char *)"Kari Feil";
	cr_assert_eq(participant_update(ctx, &old, &err), -1);
	cr_assert_eq(err.code, LK_ECONFLICT);
	cr_assert_str_eq(search(ctx, "feil", ALL), "");
	cr_assert_str_eq(search(ctx, "sørby", ALL), "Kari Sørby|");
	/* Merge: b's phone fills a's, b's e-mail does not replace a's. */
	cr_assert_eq(participant_merge(ctx, a, b, &err), 0, "%s", err.msg);
	cr_assert_eq(fx_stale_rows(ctx), 0);
	both_ways(ctx, ctx, "912", "Kari Sørby|");
	both_ways(ctx, ctx, "91", "Kari Sørby|");
	both_ways(ctx, ctx, "nordman", "");
	both_ways(ctx, ctx, "gammel", "");
	both_ways(ctx, ctx, "kari@", "Kari Sørby|");
	both_ways(ctx, ctx, "k", "Kari Sørby|");
	/* Delete. */
	cr_assert_eq(participant_delete(ctx, a, p.version + 1, &err), 0, "%s", err.msg);
	cr_assert_eq(fx_stale_rows(ctx), 0);
	both_ways(ctx, ctx, "kari", "");
	both_ways(ctx, ctx, "k", "");
	both_ways(ctx, ctx, "912", "");
	cr_assert_eq(tl_sql_int(ctx, "SELECT count(*) FROM participant_fts WHERE participant_fts MATCH 'kar'"), 0);
	participant_free(&p);
	ctx_close(ctx);
}

Test(participant, changes_made_elsewhere_are_found_then_rebuilt_in)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t a = mk(ctx, "Kari Nordmann", "", "");
	int64_t b = mk(ctx, "Per Hansen", "", "");
	tl_sql(ctx, "INSERT INTO participant (name, phone, created_at) VALUES ('Ola Åsen', '40000000', '2027-01-01T00:00:00')");
	tl_sql(ctx, "UPDATE participant SET name = 'Kari Øvre' WHERE id = %lld", (long long)a);
	tl_sql(ctx, "DELETE FROM participant WHERE id = %lld", (long long)b);
	cr_assert_eq(fx_stale_rows(ctx), 3);
	const char *cases[][2] = {{"øvre", "Kari Øvre|"}, {"nordmann", ""}, {"hansen", ""}, {"åsen", "Ola Åsen|"},
		{"400", "Ola Åsen|"}, {"40", "Ola Åsen|"}, {"ø", "Kari Øvre|"}, {"n", "Ola Åsen|"}};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		cr_assert_str_eq(search(ctx, cases[i][0], ALL), cases[i][1], "'%s' through the table", cases[i][0]);
	/* The next write through lmskurs rebuilds the index. */
	mk(ctx, "Liv", "", "");
	cr_assert_eq(fx_stale_rows(ctx), 0);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		cr_assert_str_eq(search(ctx, cases[i][0], ALL), cases[i][1], "'%s' through the index", cases[i][0]);
		cr_assert_eq(participant_count(ctx, cases[i][0], &err), strlen(cases[i][1]) > 0);
	}
	ctx_close(ctx);
}

/* Many ways to spell the i's: too many index queries, so the table. */
Test(participant, many_i_take_the_table_way)
{
	lk_ctx *ctx = tl_ctx();
	mk(ctx, "Kiiiiiimo", "", "");
	mk(ctx, "KİİİİİİMO", "", "");
	mk(ctx, "Kiiimo", "", "");
	both_ways(ctx, ctx, "iiiiii", "Kiiiiiimo|KİİİİİİMO|");
	both_ways(ctx, ctx, "İiiİ", "Kiiiiiimo|KİİİİİİMO|");
	both_ways(ctx, ctx, "kiii", "Kiiiiiimo|Kiiimo|KİİİİİİMO|");
	ctx_close(ctx);
}

/* ---- a database made before the index ---- */

Test(participant, migration_indexes_the_participants_already_there)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	char path[512];
	snprintf(path, sizeof path, "%s", tl_db_path(ctx));
	ctx_close(ctx);
	sqlite3 *h = NULL;
	cr_assert_eq(sqlite3_open(path, &h), SQLITE_OK);
	char *msg = NULL;
	int rc = sqlite3_exec(h,
		"DROP TRIGGER participant_fts_stale_insert; DROP TRIGGER participant_fts_stale_update;"
		"DROP TRIGGER participant_fts_stale_delete; DROP TABLE participant_fts_stale;"
		"DROP TABLE participant_fts; DROP TABLE participant_fts_short; PRAGMA user_version = 5;"
		"INSERT INTO participant (name, phone, email, created_at) VALUES"
		" ('Åse Ødegård', '+4791234567', 'ase@example.no', '2026-01-01T00:00:00'),"
		" ('Анна Иванова', '', '', '2026-01-01T00:00:00'),"
		" ('Per', '40000000', '', '2026-01-01T00:00:00');"
		"INSERT INTO participant (name, created_at, purged_at) VALUES ('', '2026-01-01T00:00:00', '2026-02-01T00:00:00');",
		NULL, NULL, &msg);
	cr_assert_eq(rc, SQLITE_OK, "%s", msg ? msg : "");
	sqlite3_close(h);
	cr_assert_eq(ctx_open(path, LK_OPEN_EXISTING, "koord", NULL, &ctx, NULL, &err), 0, "%s", err.msg);
	cr_assert_eq(tl_sql_int(ctx, "PRAGMA user_version"), store_schema_latest());
	cr_assert_eq(fx_stale_rows(ctx), 0, "indexed by the migration, nothing left to rebuild");
	const char *cases[][2] = {{"ødegård", "Åse Ødegård|"}, {"ø", "Åse Ødegård|"}, {"åse", "Åse Ødegård|"},
		{"ива", "Анна Иванова|"}, {"ан", "Анна Иванова|"}, {"912", "Åse Ødegård|"}, {"91", "Åse Ødegård|"},
		{"4", "Per|Åse Ødegård|"}, {"e@", "Åse Ødegård|"}, {"e", "Per|Åse Ødegård|"}, {"z", ""}};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		cr_assert_str_eq(search(ctx, cases[i][0], ALL), cases[i][1], "'%s' as migrated", cases[i][0]);
		both_ways(ctx, ctx, cases[i][0], cases[i][1]);
	}
	ctx_close(ctx);
}

/* ---- twenty thousand participants: the same rows every way ---- */

/* Byte length of the code point starting at s. */
static size_t cp_len(const char *s)
{
	size_t n = 1;
	while (((unsigned char)s[n] & 0xC0) == 0x80)
		n++;
	return n;
}

/* needle is part of hay, compared as text_equal_fold does (the meaning
 * participant_search had before the index). */
static bool fold_in(const char *hay, const char *needle)
{
	size_t k = text_codepoints(needle), len = strlen(hay);
	char *buf = malloc(len + 1);
	bool found = false;
	for (const char *p = hay; !found && *p; p += cp_len(p)) {
		const char *e = p;
		size_t i = 0;
		for (; i < k && *e; i++)
			e += cp_len(e);
		if (i < k)
			break;
		memcpy(buf, p, (size_t)(e - p));
		buf[e - p] = '\0';
		found = text_equal_fold(buf, needle);
	}
	free(buf);
	return found;
}

/* The digits a coordinator's search looks for in phones (NULL: none), as
 * participant.h describes it. */
static char *query_digits(const char *t)
{
	bool digit = false;
	for (const char *p = t; *p; p++) {
		if (*p >= '0' && *p <= '9')
			digit = true;
		else if (!strchr(" +-.()/", *p))
			return NULL;
	}
	if (!digit)
		return NULL;
	char *o = calloc(strlen(t) + 2, 1), *d = o;
	for (const char *p = t; *p; p++)
		if ((*p >= '0' && *p <= '9') || (*p == '+' && d == o))
			*d++ = *p;
	if (o[0] == '0' && o[1] == '0')
		memmove(o, o + 1, strlen(o)), o[0] = '+';
	if (o[0] == '+') {
		memmove(o, o + 1, strlen(o));
		if (strncmp(o, "47", 2) == 0 && o[2])
			memmove(o, o + 2, strlen(o) - 1);
	}
	if (!o[0]) {
		free(o);
		return NULL;
	}
	return o;
}

typedef struct gen_row {
	int64_t id;
	char *name, *email, *phone;
	bool purged;
} gen_row;

static int64_t fx_generate(lk_ctx *ctx, int n)
{
	tl_sql(ctx,
		"CREATE TEMP TABLE fn(k INTEGER PRIMARY KEY, v TEXT); CREATE TEMP TABLE ln(k INTEGER PRIMARY KEY, v TEXT);"
		"INSERT INTO fn(v) SELECT value FROM json_each('[\"Anne\",\"Kari\",\"Ingrid\",\"Bjørg\",\"Åse\",\"Øyvind\","
		"\"Jørgen\",\"Håkon\",\"Per\",\"Ola\",\"Kristin\",\"Sigrid\",\"Trond\",\"Mohammed\",\"Fatima\",\"Zofia\","
		"\"Łukasz\",\"Дмитрий\",\"Анна\",\"Văn Ánh\",\"Thị Hương\",\"İsmail\",\"Ayşe\",\"Jūratė\"]');"
		"INSERT INTO ln(v) SELECT value FROM json_each('[\"Hansen\",\"Johansen\",\"Olsen\",\"Larsen\",\"Berg\","
		"\"Haugen\",\"Jørgensen\",\"Sørensen\",\"Nygård\",\"Sæther\",\"Ødegård\",\"Ødegaard\",\"Aas\",\"Næss\","
		"\"Nguyen\",\"Nguyễn\",\"Trần\",\"Иванова\",\"Петров\",\"Kowalski\",\"Wiśniewska\",\"Yılmaz\",\"Şahin\","
		"\"Ali\",\"Lie\",\"Vik\",\"Øverland\",\"Kvåle\"]');"
		"INSERT INTO participant (name, phone, email, created_at)"
		" WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < %d),"
		" h AS (SELECT i, (i * 2654435761) %% 4294967296 AS a, (i * 40503 + 12345) %% 1000003 AS b FROM s)"
		" SELECT f.v || ' ' || CASE WHEN h.b %% 7 = 0 THEN l2.v || ' ' ELSE '' END || l.v,"
		"  CASE WHEN h.b %% 10 < 8 THEN CASE WHEN h.a %% 3 = 0 THEN '+47' ELSE '' END || (4 + h.a %% 2 * 5)"
		"   || printf('%%07d', h.b * 7 %% 10000000) ELSE '' END,"
		"  CASE WHEN h.a %% 10 < 6 THEN lower(f.v) || '.' || lower(l.v) || (h.a %% 100) || '@'"
		"   || CASE h.b %% 3 WHEN 0 THEN 'gmail.com' WHEN 1 THEN 'online.no' ELSE 'example.no' END ELSE '' END,"
		"  '2026-01-01T00:00:00'"
		" FROM h JOIN fn f ON f.k = 1 + h.a %% (SELECT count(*) FROM fn)"
		" JOIN ln l ON l.k = 1 + h.b %% (SELECT count(*) FROM ln)"
		" JOIN ln l2 ON l2.k = 1 + (h.a / 7) %% (SELECT count(*) FROM ln);"
		"UPDATE participant SET name = '', phone = '', email = '', purged_at = '2027-01-01T00:00:00' WHERE id %% 20 = 0;",
		n);
	return tl_sql_int(ctx, "SELECT count(*) FROM participant");
}

static gen_row *fx_rows(lk_ctx *ctx, int64_t n)
{
	gen_row *rows = calloc((size_t)n, sizeof *rows);
	sqlite3 *h = tl_sql_open(ctx);
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_prepare_v2(h, "SELECT id, name, email, phone, purged_at IS NOT NULL FROM participant"
		" ORDER BY id", -1, &st, NULL), SQLITE_OK);
	for (int64_t i = 0; i < n && sqlite3_step(st) == SQLITE_ROW; i++) {
		rows[i].id = sqlite3_column_int64(st, 0);
		rows[i].name = strdup((const char *)sqlite3_column_text(st, 1));
		rows[i].email = strdup((const char *)sqlite3_column_text(st, 2));
		rows[i].phone = strdup((const char *)sqlite3_column_text(st, 3));
		rows[i].purged = sqlite3_column_int(st, 4);
	}
	sqlite3_finalize(st);
	sqlite3_close(h);
	return rows;
}

static int64_t reference_count(const gen_row *rows, int64_t n, const char *text, bool contact)
{
	char *digits = contact ? query_digits(text) : NULL;
	int64_t count = 0;
	for (int64_t i = 0; i < n; i++)
		count += !rows[i].purged && (fold_in(rows[i].name, text) ||
			(contact && (fold_in(rows[i].email, text) || (digits && strstr(rows[i].phone, digits)))));
	free(digits);
	return count;
}

typedef struct page_ids {
	int64_t id[60];
	int n;
} page_ids;

static int collect_page(void *arg, const lk_participant *p)
{
	page_ids *pg = arg;
	cr_assert_lt(pg->n, 60);
	pg->id[pg->n++] = p->id;
	return 0;
}

enum { N_TEXTS = 24 };
static const char *const gen_texts[N_TEXTS] = {"a", "e", "k", "s", "ø", "å", "ka", "an", "øy", "ив", "hansen",
	"sen", "kari", "ødegård", "иванова", "NGUYỄN", "@gmail", "912", "47", "+47 9", "i", "İs", "zq", "berg"};

typedef struct way_result {
	int64_t count;
	page_ids first, later;
} way_result;

static void run_texts(lk_ctx *ctx, way_result out[N_TEXTS])
{
	lk_err err;
	for (int t = 0; t < N_TEXTS; t++) {
		memset(&out[t], 0, sizeof out[t]);
		out[t].count = participant_count(ctx, gen_texts[t], &err);
		cr_assert_geq(out[t].count, 0, "%s", err.msg);
		cr_assert_eq(participant_search(ctx, gen_texts[t], (lk_page){0, 60}, collect_page, &out[t].first, &err), 0);
		cr_assert_eq(participant_search(ctx, gen_texts[t], (lk_page){120, 60}, collect_page, &out[t].later, &err), 0);
	}
}

static void same_pages(const page_ids *a, const page_ids *b, const char *text, const char *which)
{
	cr_assert_eq(a->n, b->n, "'%s': %s page has %d rows through the index, %d through the table", text, which, a->n, b->n);
	for (int i = 0; i < a->n; i++)
		cr_assert_eq(a->id[i], b->id[i], "'%s': %s page differs at row %d", text, which, i);
}

Test(participant, twenty_thousand_generated_participants_same_rows_every_way, .timeout = 600)
{
	lk_ctx *ctx = tl_ctx();
	lk_ctx *staff = tl_ctx_as(ctx, "vert", LK_ROLE_STAFF);
	int64_t n = fx_generate(ctx, 20000);
	cr_assert_eq(n, 20000);
	gen_row *rows = fx_rows(ctx, n);
	fx_rebuild(ctx);
	lk_ctx *who[] = {ctx, staff};
	for (int w = 0; w < 2; w++) {
		static way_result by_index[N_TEXTS], by_table[N_TEXTS];
		run_texts(who[w], by_index);
		fx_make_stale(ctx);
		run_texts(who[w], by_table);
		fx_rebuild(ctx);
		for (int t = 0; t < N_TEXTS; t++) {
			const char *text = gen_texts[t];
			int64_t want = reference_count(rows, n, text, w == 0);
			cr_assert_eq(by_index[t].count, want, "'%s' (%s) through the index", text, w ? "staff" : "coordinator");
			cr_assert_eq(by_table[t].count, want, "'%s' (%s) through the table", text, w ? "staff" : "coordinator");
			cr_assert_eq(by_index[t].first.n, want < 60 ? want : 60, "'%s'", text);
			same_pages(&by_index[t].first, &by_table[t].first, text, "the first");
			same_pages(&by_index[t].later, &by_table[t].later, text, "a later");
		}
	}
	for (int64_t i = 0; i < n; i++) {
		free(rows[i].name);
		free(rows[i].email);
		free(rows[i].phone);
	}
	free(rows);
	ctx_close(staff);
	ctx_close(ctx);
}
