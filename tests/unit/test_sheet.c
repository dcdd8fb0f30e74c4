/* test_sheet.c — the printed attendance sheet (sheet.h) and the PDF layer
 * under it (pdf.h), checked by reading the PDFs back with poppler's
 * pdftotext and pdfinfo. */
#include <criterion/criterion.h>
#include <errno.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <dirent.h>

#include "lmskurs/course.h"
#include "lmskurs/enroll.h"
#include "lmskurs/participant.h"
#include "lmskurs/pdf.h"
#include "lmskurs/run.h"
#include "lmskurs/session.h"
#include "lmskurs/sheet.h"
#include "lmskurs/user.h"
#include "testlib.h"

/* ---- fixtures through the core operations ---- */

#define COURSE "Leve med diabetes – Ålesund"
#define ORG "Lærings- og mestringssenteret, Helse Nordvest"

typedef struct fx {
	lk_ctx *ctx;
	int64_t course, run;
	int64_t sessions[16];
	int nsessions;
} fx;

static int64_t course_with_parts(lk_ctx *ctx, int n)
{
	lk_err err;
	lk_course c = {.title = COURSE, .audience = LK_AUDIENCE_BOTH};
	cr_assert_eq(course_create(ctx, &c, &err), 0, "%s", err.msg);
	for (int i = 0; i < n; i++) {
		char topic[64];
		snprintf(topic, sizeof topic, "Tema %d: å mestre hverdagen", i + 1);
		lk_course_part p = {.course_id = c.id, .topic = topic, .minutes = 120};
		cr_assert_eq(course_part_add(ctx, &p, &err), 0, "%s", err.msg);
	}
	cr_assert_eq(course_set_phase(ctx, c.id, LK_COURSE_PLANNING, "test", NULL, &err), 0, "%s", err.msg);
	cr_assert_eq(course_set_phase(ctx, c.id, LK_COURSE_ACTIVE, "test", NULL, &err), 0, "%s", err.msg);
	return c.id;
}

static int collect_session(void *arg, const lk_session *s)
{
	fx *f = arg;
	cr_assert_lt(f->nsessions, 16);
	f->sessions[f->nsessions++] = s->id;
	return 0;
}

/* A run of n weekly sessions from Wednesday 3 February 2027 at 17:00,
 * paired, open for registration, with capacity places. */
static fx make_run(int n, int capacity)
{
	lk_err err;
	fx f = {.ctx = tl_ctx()};
	f.course = course_with_parts(f.ctx, n);
	lk_run r = {.course_id = f.course, .title = "Våren 2027", .place = "Aker, bygg 5",
		.capacity = capacity};
	cr_assert_eq(run_create(f.ctx, &r, &err), 0, "%s", err.msg);
	f.run = r.id;
	lk_schedule s = {.every_weeks = 1, .hour = 17, .minute = 0, .room = "Møterom Ørnen"};
	cr_assert_eq(date_parse("2027-02-03", &s.first, NULL), 0);
	cr_assert_eq(run_schedule(f.ctx, f.run, &s, &err), n, "%s", err.msg);
	int64_t ids[2] = {tl_person(f.ctx, "Åse Ødegård", LK_PROFESSIONAL),
		tl_person(f.ctx, "سارة الحربي", LK_USER_REP)};
	cr_assert_geq(run_assign_facilitators(f.ctx, f.run, ids, 2, &err), 0, "%s", err.msg);
	cr_assert_eq(run_set_phase(f.ctx, f.run, LK_RUN_REGISTRATION, "test", NULL, &err), 0, "%s", err.msg);
	cr_assert_eq(session_list(f.ctx, f.run, collect_session, &f, &err), 0, "%s", err.msg);
	cr_assert_eq(f.nsessions, n);
	return f;
}

static int64_t enroll(fx *f, const char *name, lk_category cat)
{
	lk_err err;
	lk_participant p = {.name = (char *)name, .phone = "91234567"};
	cr_assert_eq(participant_create(f->ctx, &p, &err), 0, "%s", err.msg);
	lk_enrollment e;
	cr_assert_eq(enroll_add(f->ctx, f->run, p.id, cat, false, &e, &err), 0, "%s", err.msg);
	int64_t id = e.id;
	enrollment_free(&e);
	return id;
}

static const char *out_path(const char *name)
{
	static char buf[4][512];
	static int k;
	char *b = buf[k++ % 4];
	snprintf(b, sizeof buf[0], "%s/%s", tl_tmpdir(), name);
	return b;
}

static const lk_sheet_opts opts = {.organisation = ORG};

/* ---- reading the PDF back ---- */

/* The whole output of a shell command (exit status asserted 0). */
static char *run_cmd(const char *fmt, ...)
{
	char cmd[2048];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(cmd, sizeof cmd, fmt, ap);
	va_end(ap);
	FILE *p = popen(cmd, "r");
	cr_assert_not_null(p, "%s", cmd);
	size_t cap = 1 << 16, len = 0, got;
	char *out = malloc(cap);
	while ((got = fread(out + len, 1, cap - len - 1, p)) > 0) {
		len += got;
		if (len + 1 == cap)
			out = realloc(out, cap *= 2);
	}
	out[len] = '\0';
	cr_assert_eq(pclose(p), 0, "%s failed", cmd);
	return out;
}

/* Text of page `page` (0: all pages). */
static char *text_of(const char *path, int page)
{
	if (page)
		return run_cmd("pdftotext -q -enc UTF-8 -f %d -l %d '%s' -", page, page, path);
	return run_cmd("pdftotext -q -enc UTF-8 '%s' -", path);
}

static int pages_of(const char *path)
{
	char *info = run_cmd("pdfinfo '%s'", path);
	char *p = strstr(info, "\nPages:");
	cr_assert_not_null(p, "%s", info);
	int n = atoi(p + 7);
	free(info);
	return n;
}

static int count_of(const char *hay, const char *needle)
{
	int n = 0;
	for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle))
		n++;
	return n;
}

static void assert_has(const char *text, const char *needle)
{
	cr_assert_not_null(strstr(text, needle), "the PDF lacks \"%s\"; its text:\n%s", needle, text);
}

/* s without spaces and bidi controls (U+200E, U+200F, U+202A..U+202E),
 * newly allocated. */
static char *squash(const char *s)
{
	char *out = malloc(strlen(s) + 1), *o = out;
	for (const unsigned char *p = (const unsigned char *)s; *p;) {
		bool mark = p[0] == 0xE2 && p[1] == 0x80 &&
			(p[2] == 0x8E || p[2] == 0x8F || (p[2] >= 0xAA && p[2] <= 0xAE));
		if (mark)
			p += 3;
		else if (*p == ' ' || *p == '\n')
			p++;
		else
			*o++ = (char)*p++;
	}
	*o = '\0';
	return out;
}

/* A name in the PDF's text. pdftotext reads Arabic back with spaces where
 * letters do not join and with bidi marks around it, and gives the glyph of
 * the lam-alef ligature in visual order ("أل" for "لأ"); the PDF itself is
 * right (see the rendered page). So Arabic is compared without those. */
static void assert_has_name(const char *text, const char *name)
{
	if (strstr(text, name))
		return;
	char *t = squash(text), *n = squash(name);
	for (char *p = t; (p = strstr(p, "أل"));)
		memcpy(p, "لأ", strlen("لأ"));
	bool found = strstr(t, n) != NULL;
	free(t);
	free(n);
	cr_assert(found, "the PDF lacks \"%s\"; its text:\n%s", name, text);
}

static void assert_lacks(const char *text, const char *needle)
{
	cr_assert_null(strstr(text, needle), "the PDF has \"%s\"; its text:\n%s", needle, text);
}

static int64_t db_int(lk_ctx *ctx, const char *sql)
{
	sqlite3 *h;
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_open_v2(tl_db_path(ctx), &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	cr_assert_eq(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK, "%s", sqlite3_errmsg(h));
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
	int64_t v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(h);
	return v;
}

/* Every row of the tables a sheet could touch, as one string. */
static char *snapshot(lk_ctx *ctx)
{
	static const char *const sql[] = {"SELECT * FROM audit ORDER BY 1",
		"SELECT * FROM enrollment ORDER BY 1", "SELECT * FROM session ORDER BY 1",
		"SELECT * FROM run ORDER BY 1", "SELECT * FROM participant ORDER BY 1"};
	sqlite3 *h;
	cr_assert_eq(sqlite3_open_v2(tl_db_path(ctx), &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
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
	char *after = snapshot(ctx);
	cr_assert_str_eq(after, before, "a refused sheet changed the database");
	free(after);
	free(before);
}

static bool exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

/* Files in the temp folder whose name starts with prefix. */
static int files_like(const char *prefix)
{
	DIR *d = opendir(tl_tmpdir());
	cr_assert_not_null(d);
	int n = 0;
	struct dirent *e;
	while ((e = readdir(d)))
		n += strncmp(e->d_name, prefix, strlen(prefix)) == 0;
	closedir(d);
	return n;
}

static const char *const many_scripts[] = {
	"Grzegorz Brzęczyszczykiewicz", "Nguyễn Thị Hương", "محمد الأحمد", "Анна Иванова",
	"Áile Somby", "Åse Ødegård-Ås", "Ærlend Øvrebø",
};
enum { N_SCRIPTS = sizeof many_scripts / sizeof many_scripts[0] };

/* ---- the sheet of one session ---- */

Test(sheet, names_in_many_scripts_and_the_header)
{
	fx f = make_run(3, 20);
	for (int i = 0; i < N_SCRIPTS; i++)
		enroll(&f, many_scripts[i], i % 2 ? LK_CAT_RELATIVE : LK_CAT_PATIENT);
	const char *path = out_path("økt 2.pdf");
	lk_err err;
	lk_sheet_result res;
	cr_assert_eq(sheet_write_session(f.ctx, f.sessions[1], path, &opts, &res, &err), 0, "%s", err.msg);
	cr_assert_eq(res.sessions, 1);
	cr_assert_eq(res.pages, 1);
	cr_assert_eq(res.participants, N_SCRIPTS);

	char *t = text_of(path, 0);
	for (int i = 0; i < N_SCRIPTS; i++)
		assert_has_name(t, many_scripts[i]);
	const char *header[] = {ORG, "Attendance sheet", COURSE, "Våren 2027, Aker, bygg 5",
		"Wednesday 10.02.2027 (week 6)", "17:00–19:00", "Møterom Ørnen",
		"Tema 2: å mestre hverdagen", "Åse Ødegård (professional)", "user representative)",
		"page 1 of 1", "Signature", "Present",
		"Category", "patient", "relative", "Contains health information"};
	for (size_t i = 0; i < sizeof header / sizeof header[0]; i++)
		assert_has(t, header[i]);
	assert_has_name(t, "سارة الحربي");
	free(t);

	char *info = run_cmd("pdfinfo '%s'", path);
	assert_has(info, "Page size:       595.28 x 841.89 pts (A4)");
	assert_has(info, "Pages:           1");
	free(info);
	ctx_close(f.ctx);
}

Test(sheet, file_is_private_and_replaces_an_old_one)
{
	fx f = make_run(1, 5);
	enroll(&f, "Kari Nordmann", LK_CAT_PATIENT);
	const char *path = out_path("liste.pdf");
	FILE *old = fopen(path, "w");
	fputs("old contents", old);
	fclose(old);
	cr_assert_eq(chmod(path, 0644), 0);
	lk_err err;
	cr_assert_eq(sheet_write_session(f.ctx, f.sessions[0], path, &opts, NULL, &err), 0, "%s", err.msg);
	struct stat st;
	cr_assert_eq(stat(path, &st), 0);
	cr_assert_eq(st.st_mode & 0777, 0600, "mode %o", st.st_mode & 0777);
	char *t = text_of(path, 0);
	assert_has(t, "Kari Nordmann");
	free(t);
	cr_assert_eq(files_like(".lmskurs-pdf-"), 0, "a temporary file was left behind");
	ctx_close(f.ctx);
}

Test(sheet, sorted_by_name_and_numbered)
{
	fx f = make_run(1, 10);
	enroll(&f, "Ola Nordmann", LK_CAT_PATIENT);
	enroll(&f, "Berit Aas", LK_CAT_RELATIVE);
	enroll(&f, "Kari Nordmann", LK_CAT_PATIENT);
	const char *path = out_path("sortert.pdf");
	lk_err err;
	cr_assert_eq(sheet_write_session(f.ctx, f.sessions[0], path, &opts, NULL, &err), 0, "%s", err.msg);
	char *t = text_of(path, 0);
	char *b = strstr(t, "Berit Aas"), *k = strstr(t, "Kari Nordmann"), *o = strstr(t, "Ola Nordmann");
	cr_assert(b && k && o, "%s", t);
	cr_assert(b < k && k < o, "not sorted by name:\n%s", t);
	free(t);
	ctx_close(f.ctx);
}

Test(sheet, only_registered_participants)
{
	fx f = make_run(2, 2);
	enroll(&f, "Anne Registrert", LK_CAT_PATIENT);
	int64_t gone = enroll(&f, "Bjørn Avmeldt", LK_CAT_PATIENT);
	enroll(&f, "Cecilie Rykketopp", LK_CAT_RELATIVE); /* waits, then gets Bjørn's place */
	enroll(&f, "Dag Venter", LK_CAT_PATIENT);         /* still waiting */
	lk_err err;
	lk_enrollment e;
	cr_assert_eq(enroll_get(f.ctx, gone, &e, &err), 0, "%s", err.msg);
	lk_promotion pr;
	cr_assert_eq(enroll_cancel(f.ctx, gone, e.version, &pr, &err), 0, "%s", err.msg);
	cr_assert(pr.promoted);
	enrollment_free(&e);
	promotion_free(&pr);

	const char *path = out_path("reg.pdf");
	lk_sheet_result res;
	cr_assert_eq(sheet_write_session(f.ctx, f.sessions[0], path, &opts, &res, &err), 0, "%s", err.msg);
	cr_assert_eq(res.participants, 2);
	char *t = text_of(path, 0);
	assert_has(t, "Anne Registrert");
	assert_has(t, "Cecilie Rykketopp");
	assert_lacks(t, "Bjørn Avmeldt");
	assert_lacks(t, "Dag Venter");
	free(t);
	ctx_close(f.ctx);
}

Test(sheet, someone_placed_after_the_session_is_not_on_its_sheet)
{
	fx f = make_run(2, 10);
	enroll(&f, "Tidlig Påmeldt", LK_CAT_PATIENT);
	tl_set_now(f.ctx, "2027-02-05T10:00"); /* after session 1 (3 Feb), before session 2 */
	enroll(&f, "Sen Påmeldt", LK_CAT_PATIENT);
	lk_err err;
	const char *p1 = out_path("s1.pdf"), *p2 = out_path("s2.pdf");
	cr_assert_eq(sheet_write_session(f.ctx, f.sessions[0], p1, &opts, NULL, &err), 0, "%s", err.msg);
	cr_assert_eq(sheet_write_session(f.ctx, f.sessions[1], p2, &opts, NULL, &err), 0, "%s", err.msg);
	char *t1 = text_of(p1, 0), *t2 = text_of(p2, 0);
	assert_has(t1, "Tidlig Påmeldt");
	assert_lacks(t1, "Sen Påmeldt");
	assert_has(t2, "Tidlig Påmeldt");
	assert_has(t2, "Sen Påmeldt");
	free(t1);
	free(t2);
	ctx_close(f.ctx);
}

Test(sheet, sixty_names_repeat_the_header_on_every_page)
{
	fx f = make_run(1, 100);
	char name[64];
	for (int i = 1; i <= 60; i++) {
		snprintf(name, sizeof name, "Deltaker %02d Ødegård", i);
		enroll(&f, name, i % 3 ? LK_CAT_PATIENT : LK_CAT_RELATIVE);
	}
	const char *path = out_path("seksti.pdf");
	lk_err err;
	lk_sheet_result res;
	cr_assert_eq(sheet_write_session(f.ctx, f.sessions[0], path, &opts, &res, &err), 0, "%s", err.msg);
	int pages = pages_of(path);
	cr_assert_gt(pages, 1);
	cr_assert_eq(res.pages, pages);
	cr_assert_eq(res.participants, 60);
	char *all = text_of(path, 0);
	for (int i = 1; i <= 60; i++) {
		snprintf(name, sizeof name, "Deltaker %02d Ødegård", i);
		cr_assert_eq(count_of(all, name), 1, "%s printed %d times", name, count_of(all, name));
	}
	free(all);
	for (int p = 1; p <= pages; p++) {
		char *t = text_of(path, p), num[32];
		snprintf(num, sizeof num, "page %d of %d", p, pages);
		assert_has(t, COURSE);
		assert_has(t, "Wednesday 03.02.2027 (week 5)");
		assert_has(t, "Signature");
		assert_has(t, num);
		assert_has(t, "Deltaker");
		free(t);
	}
	ctx_close(f.ctx);
}

Test(sheet, blank_rows_for_walk_ins)
{
	fx f = make_run(1, 10);
	enroll(&f, "Eneste Deltaker", LK_CAT_PATIENT);
	lk_err err;
	const char *p1 = out_path("blank5.pdf"), *p2 = out_path("blank60.pdf");
	lk_sheet_result res;
	cr_assert_eq(sheet_write_session(f.ctx, f.sessions[0], p1, &opts, &res, &err), 0, "%s", err.msg);
	cr_assert_eq(res.pages, 1, "one name and the default blank rows fill one page");
	lk_sheet_opts many = {.organisation = ORG, .blank_rows = 60};
	cr_assert_eq(sheet_write_session(f.ctx, f.sessions[0], p2, &many, &res, &err), 0, "%s", err.msg);
	cr_assert_geq(res.pages, 2, "60 blank rows cannot fit on one page");
	cr_assert_eq(pages_of(p2), res.pages);
	ctx_close(f.ctx);
}

/* Words of the PDF with their boxes (pdftotext -bbox). */
typedef struct word_box {
	double x0, y0, x1, y1;
	char text[512];
} word_box;

static int boxes_of(const char *path, word_box *w, int max)
{
	char *xml = run_cmd("pdftotext -q -enc UTF-8 -bbox '%s' -", path);
	int n = 0;
	for (char *p = xml; n < max && (p = strstr(p, "<word ")); p++) {
		if (sscanf(p, "<word xMin=\"%lf\" yMin=\"%lf\" xMax=\"%lf\" yMax=\"%lf\">%511[^<]",
			    &w[n].x0, &w[n].y0, &w[n].x1, &w[n].y1, w[n].text) == 5)
			n++;
	}
	free(xml);
	return n;
}

Test(sheet, long_names_are_cut_not_spilled)
{
	fx f = make_run(1, 10);
	char name[256] = "Maria";
	for (int i = 0; i < 10; i++)
		strcat(name, " Lillevik-Østerbø"); /* 190 characters in all */
	strcat(name, " Sluttnavn");
	enroll(&f, name, LK_CAT_PATIENT);
	enroll(&f, "Ola Nordmann", LK_CAT_PATIENT);
	const char *path = out_path("lang.pdf");
	lk_err err;
	cr_assert_eq(sheet_write_session(f.ctx, f.sessions[0], path, &opts, NULL, &err), 0, "%s", err.msg);
	/* The name is cut with "…" after two lines: its words stay left of the
	 * category column and on two lines, above the next row. (The text
	 * layer still maps the "…" to the whole name, so copying it works.) */
	word_box w[400];
	int n = boxes_of(path, w, 400);
	double cat_x = 0, next_y = 0, lines[8];
	int nlines = 0, nname = 0;
	for (int i = 0; i < n; i++) {
		if (!strcmp(w[i].text, "patient") && !cat_x)
			cat_x = w[i].x0;
		if (!strcmp(w[i].text, "Ola"))
			next_y = w[i].y0;
	}
	cr_assert(cat_x > 0 && next_y > 0);
	for (int i = 0; i < n; i++) {
		if (!strstr(w[i].text, "Lillevik") && strcmp(w[i].text, "Maria"))
			continue;
		nname++;
		cr_assert_lt(w[i].x1, cat_x, "\"%s\" spills into the next column", w[i].text);
		cr_assert_lt(w[i].y1, next_y, "\"%s\" spills into the next row", w[i].text);
		bool seen = false;
		for (int k = 0; k < nlines; k++)
			seen |= lines[k] == w[i].y0;
		if (!seen && nlines < 8)
			lines[nlines++] = w[i].y0;
	}
	cr_assert_gt(nname, 2);
	cr_assert_eq(nlines, 2, "the name takes %d lines", nlines);
	ctx_close(f.ctx);
}

/* The names a registration form exported (../shared/data), one per
 * sign-up line: the second ';'-separated field of lines that start with a
 * time stamp. Empty names and repeats are skipped. */
static int sample_names(char names[][128], int max)
{
	FILE *in = fopen("../shared/data/registration-export.csv", "r");
	cr_assert_not_null(in, "../shared/data/registration-export.csv: %s", strerror(errno));
	char line[4096];
	int n = 0;
	while (fgets(line, sizeof line, in) && n < max) {
		if (strncmp(line, "2027-", 5) != 0)
			continue;
		char *a = strchr(line, ';'), *b = a ? strchr(a + 1, ';') : NULL;
		if (!b || b == a + 1)
			continue;
		snprintf(names[n], 128, "%.*s", (int)(b - a - 1), a + 1);
		bool dup = false;
		for (int i = 0; i < n; i++)
			dup |= strcmp(names[i], names[n]) == 0;
		n += !dup;
	}
	fclose(in);
	return n;
}

Test(sheet, names_from_a_real_registration_export)
{
	char names[32][128];
	int n = sample_names(names, 32);
	cr_assert_geq(n, 8, "expected the sample's names, got %d", n);
	fx f = make_run(1, 40);
	for (int i = 0; i < n; i++)
		enroll(&f, names[i], LK_CAT_PATIENT);
	const char *path = out_path("eksempel.pdf");
	lk_err err;
	cr_assert_eq(sheet_write_session(f.ctx, f.sessions[0], path, &opts, NULL, &err), 0, "%s", err.msg);
	char *t = text_of(path, 0);
	for (int i = 0; i < n; i++)
		assert_has_name(t, names[i]);
	free(t);
	ctx_close(f.ctx);
}

Test(sheet, every_role_may_print)
{
	fx f = make_run(1, 10);
	enroll(&f, "Kari Nordmann", LK_CAT_PATIENT);
	lk_ctx *staff = tl_ctx_as(f.ctx, "vert", LK_ROLE_STAFF);
	lk_ctx *rep = tl_ctx_as(f.ctx, "bruker", LK_ROLE_USER_REP);
	lk_err err;
	cr_assert_eq(sheet_write_session(staff, f.sessions[0], out_path("vert.pdf"), &opts, NULL, &err),
		0, "%s", err.msg);
	cr_assert_eq(sheet_write_session(rep, f.sessions[0], out_path("bruker.pdf"), &opts, NULL, &err),
		0, "%s", err.msg);
	cr_assert_eq(db_int(f.ctx, "SELECT count(*) FROM audit WHERE action = 'print' AND login = 'vert'"), 1);
	ctx_close(staff);
	ctx_close(rep);
	ctx_close(f.ctx);
}

Test(sheet, a_login_whose_access_was_taken_is_refused)
{
	fx f = make_run(1, 10);
	enroll(&f, "Kari Nordmann", LK_CAT_PATIENT);
	lk_ctx *staff = tl_ctx_as(f.ctx, "vert", LK_ROLE_STAFF);
	lk_err err;
	cr_assert_eq(user_set(f.ctx, "vert", LK_ROLE_STAFF, false, &err), 0, "%s", err.msg);
	cr_assert_eq(ctx_refresh(staff, &err), -1);
	char *before = snapshot(f.ctx);
	const char *path = out_path("nei.pdf");
	cr_assert_eq(sheet_write_session(staff, f.sessions[0], path, &opts, NULL, &err), -1);
	cr_assert_eq(err.code, LK_EPERM, "%s", err.msg);
	cr_assert_not(exists(path));
	assert_unchanged(f.ctx, before);
	ctx_close(staff);
	ctx_close(f.ctx);
}

Test(sheet, the_print_is_logged_without_names)
{
	fx f = make_run(1, 10);
	enroll(&f, "Kari Nordmann", LK_CAT_PATIENT);
	enroll(&f, "محمد الأحمد", LK_CAT_RELATIVE);
	lk_err err;
	const char *path = out_path("logg.pdf");
	int64_t before = db_int(f.ctx, "SELECT count(*) FROM audit");
	cr_assert_eq(sheet_write_session(f.ctx, f.sessions[0], path, &opts, NULL, &err), 0, "%s", err.msg);
	cr_assert_eq(db_int(f.ctx, "SELECT count(*) FROM audit"), before + 1);
	char sql[256];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM audit WHERE action = 'print' AND entity = 'session'"
		" AND entity_id = %lld AND detail LIKE 'attendance sheet: 2 names%%'", (long long)f.sessions[0]);
	cr_assert_eq(db_int(f.ctx, sql), 1);
	cr_assert_eq(db_int(f.ctx, "SELECT count(*) FROM audit WHERE detail LIKE '%Kari%'"
		" OR detail LIKE '%محمد%'"), 0);
	ctx_close(f.ctx);
}

/* ---- refusals leave the database and the file as they were ---- */

static void set_status(lk_ctx *ctx, int64_t id, lk_session_status st)
{
	lk_err err;
	lk_session s;
	cr_assert_eq(session_get(ctx, id, &s, &err), 0, "%s", err.msg);
	cr_assert_eq(session_set_status(ctx, id, s.version, st, &err), 0, "%s", err.msg);
	session_free(&s);
}

static void write_old(const char *path)
{
	FILE *old = fopen(path, "w");
	fputs("old contents", old);
	fclose(old);
}

static void assert_old(const char *path)
{
	char buf[64] = "";
	FILE *in = fopen(path, "r");
	cr_assert_not_null(in);
	cr_assert_not_null(fgets(buf, sizeof buf, in));
	fclose(in);
	cr_assert_str_eq(buf, "old contents");
	cr_assert_eq(files_like(".lmskurs-pdf-"), 0, "a temporary file was left behind");
}

Test(sheet, a_cancelled_session_is_refused)
{
	fx f = make_run(2, 10);
	enroll(&f, "Kari Nordmann", LK_CAT_PATIENT);
	set_status(f.ctx, f.sessions[1], LK_SESSION_CANCELLED);
	const char *path = out_path("avlyst.pdf");
	write_old(path);
	char *before = snapshot(f.ctx);
	lk_err err;
	cr_assert_eq(sheet_write_session(f.ctx, f.sessions[1], path, &opts, NULL, &err), -1);
	cr_assert_eq(err.code, LK_ERULE);
	cr_assert_str_eq(err.msg, "Session 2 of this run is cancelled, so it has no attendance sheet.");
	assert_old(path);
	assert_unchanged(f.ctx, before);
	/* the other session still prints */
	cr_assert_eq(sheet_write_session(f.ctx, f.sessions[0], path, &opts, NULL, &err), 0, "%s", err.msg);
	ctx_close(f.ctx);
}

Test(sheet, a_cancelled_run_is_refused)
{
	fx f = make_run(2, 10);
	enroll(&f, "Kari Nordmann", LK_CAT_PATIENT);
	lk_err err;
	cr_assert_eq(run_set_phase(f.ctx, f.run, LK_RUN_CANCELLED, "For få påmeldte", NULL, &err), 0,
		"%s", err.msg);
	const char *path = out_path("avlyst-run.pdf");
	char *before = snapshot(f.ctx);
	cr_assert_eq(sheet_write_session(f.ctx, f.sessions[0], path, &opts, NULL, &err), -1);
	cr_assert_eq(err.code, LK_ERULE, "%s", err.msg);
	cr_assert_eq(sheet_write_run(f.ctx, f.run, path, &opts, NULL, &err), -1);
	cr_assert_eq(err.code, LK_ERULE, "%s", err.msg);
	cr_assert_not(exists(path));
	assert_unchanged(f.ctx, before);
	ctx_close(f.ctx);
}

Test(sheet, unknown_session_and_run)
{
	fx f = make_run(1, 10);
	const char *path = out_path("ukjent.pdf");
	char *before = snapshot(f.ctx);
	lk_err err;
	cr_assert_eq(sheet_write_session(f.ctx, 9999, path, &opts, NULL, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND, "%s", err.msg);
	cr_assert_eq(sheet_write_run(f.ctx, 9999, path, &opts, NULL, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND, "%s", err.msg);
	cr_assert_not(exists(path));
	assert_unchanged(f.ctx, before);
	ctx_close(f.ctx);
}

Test(sheet, a_folder_that_does_not_exist)
{
	fx f = make_run(1, 10);
	enroll(&f, "Kari Nordmann", LK_CAT_PATIENT);
	const char *path = out_path("finnes-ikke/liste.pdf");
	char *before = snapshot(f.ctx);
	lk_err err;
	cr_assert_eq(sheet_write_session(f.ctx, f.sessions[0], path, &opts, NULL, &err), -1);
	cr_assert_eq(err.code, LK_EIO);
	assert_has(err.msg, "finnes-ikke/liste.pdf");
	assert_has(err.msg, "No such file or directory");
	assert_unchanged(f.ctx, before);
	ctx_close(f.ctx);
}

/* ---- a whole run in one file ---- */

Test(sheet, a_run_has_one_page_set_per_session)
{
	fx f = make_run(3, 10);
	enroll(&f, "Анна Иванова", LK_CAT_RELATIVE);
	enroll(&f, "Nguyễn Thị Hương", LK_CAT_PATIENT);
	set_status(f.ctx, f.sessions[1], LK_SESSION_CANCELLED);
	const char *path = out_path("hele.pdf");
	lk_err err;
	lk_sheet_result res;
	cr_assert_eq(sheet_write_run(f.ctx, f.run, path, &opts, &res, &err), 0, "%s", err.msg);
	cr_assert_eq(res.sessions, 2);
	cr_assert_eq(res.pages, 2);
	cr_assert_eq(res.participants, 4);
	cr_assert_eq(pages_of(path), 2);
	char *t1 = text_of(path, 1), *t2 = text_of(path, 2);
	assert_has(t1, "Tema 1: å mestre hverdagen");
	assert_has(t1, "Wednesday 03.02.2027");
	assert_has(t2, "Tema 3: å mestre hverdagen");
	assert_has(t2, "Wednesday 17.02.2027");
	for (int i = 0; i < 2; i++) {
		char *t = i ? t2 : t1;
		assert_has(t, "page 1 of 1");
		assert_has(t, "Анна Иванова");
		assert_has(t, "Nguyễn Thị Hương");
		assert_lacks(t, "Tema 2");
	}
	free(t1);
	free(t2);
	cr_assert_eq(db_int(f.ctx, "SELECT count(*) FROM audit WHERE action = 'print'"), 2);
	ctx_close(f.ctx);
}

Test(sheet, a_run_without_sessions_to_print)
{
	fx f = make_run(1, 10);
	set_status(f.ctx, f.sessions[0], LK_SESSION_CANCELLED);
	const char *path = out_path("tom.pdf");
	char *before = snapshot(f.ctx);
	lk_err err;
	cr_assert_eq(sheet_write_run(f.ctx, f.run, path, &opts, NULL, &err), -1);
	cr_assert_eq(err.code, LK_ERULE);
	assert_has(err.msg, "has no sessions to print");
	cr_assert_not(exists(path));
	assert_unchanged(f.ctx, before);
	ctx_close(f.ctx);
}

/* ---- the PDF layer on its own ---- */

static int tall_header(lk_pdf *pdf, void *arg, lk_err *err)
{
	for (int i = 0; i < *(int *)arg; i++)
		if (pdf_text(pdf, "Overskrift som gjentas på hver side", LK_PDF_TITLE, LK_PDF_LEFT, err) < 0)
			return -1;
	return 0;
}

Test(pdf, sets_are_numbered_on_their_own)
{
	const char *path = out_path("sett.pdf");
	lk_pdf *pdf;
	lk_err err;
	int lines = 2;
	cr_assert_eq(pdf_create(path, "Prøve", &pdf, &err), 0, "%s", err.msg);
	cr_assert_eq(pdf_set_begin(pdf, tall_header, &lines, "Bunntekst æøå", &err), 0, "%s", err.msg);
	const lk_pdf_column cols[] = {{"Nr.", 1, LK_PDF_RIGHT, 1, false}, {"Navn", 5, LK_PDF_LEFT, 0, false}};
	cr_assert_eq(pdf_table_begin(pdf, cols, 2, &err), 0, "%s", err.msg);
	for (int i = 0; i < 80; i++) {
		char no[16];
		snprintf(no, sizeof no, "%d", i + 1);
		const char *cells[] = {no, "Ærlige Åsmund"};
		cr_assert_eq(pdf_table_row(pdf, cells, 20, &err), 0, "%s", err.msg);
	}
	pdf_table_end(pdf);
	int first = pdf_set_end(pdf, &err);
	cr_assert_gt(first, 1);
	cr_assert_eq(pdf_set_begin(pdf, NULL, NULL, NULL, &err), 0, "%s", err.msg);
	cr_assert_eq(pdf_text(pdf, "Andre sett", LK_PDF_BODY, LK_PDF_CENTER, &err), 0, "%s", err.msg);
	cr_assert_eq(pdf_finish(pdf, &err), 0, "%s", err.msg);
	cr_assert_eq(pages_of(path), first + 1);
	char *last = text_of(path, first + 1), *one = text_of(path, 1);
	assert_has(last, "page 1 of 1");
	assert_lacks(last, "Overskrift");
	char num[32];
	snprintf(num, sizeof num, "page 1 of %d", first);
	assert_has(one, num);
	assert_has(one, "Bunntekst æøå");
	for (int p = 2; p <= first; p++) {
		char *t = text_of(path, p);
		assert_has(t, "Overskrift som gjentas");
		assert_has(t, "Navn"); /* the table's header row again */
		free(t);
	}
	free(last);
	free(one);
}

Test(pdf, misuse_and_bad_text_are_refused)
{
	const char *path = out_path("feil.pdf");
	lk_pdf *pdf;
	lk_err err;
	cr_assert_eq(pdf_create(path, NULL, &pdf, &err), 0, "%s", err.msg);
	cr_assert_eq(pdf_text(pdf, "utenfor et sett", LK_PDF_BODY, LK_PDF_LEFT, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	cr_assert_eq(pdf_set_begin(pdf, NULL, NULL, NULL, &err), 0, "%s", err.msg);
	cr_assert_eq(pdf_set_begin(pdf, NULL, NULL, NULL, &err), -1);
	const char *cells[] = {"a"};
	cr_assert_eq(pdf_table_row(pdf, cells, 10, &err), -1, "a row without a table");
	cr_assert_eq(pdf_text(pdf, "bad \xC3\x28 byte", LK_PDF_BODY, LK_PDF_LEFT, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	assert_has(err.msg, "byte 5");
	const lk_pdf_column none[] = {{"x", 0, LK_PDF_LEFT, 0, false}};
	cr_assert_eq(pdf_table_begin(pdf, none, 1, &err), -1, "a column without width");
	cr_assert_eq(pdf_table_begin(pdf, none, 0, &err), -1, "no columns");
	pdf_abort(pdf);
	cr_assert_not(exists(path));
	cr_assert_eq(files_like(".lmskurs-pdf-"), 0);
}

Test(pdf, a_header_taller_than_a_page_is_refused)
{
	lk_pdf *pdf;
	lk_err err;
	int lines = 60;
	cr_assert_eq(pdf_create(out_path("høy.pdf"), NULL, &pdf, &err), 0, "%s", err.msg);
	cr_assert_eq(pdf_set_begin(pdf, tall_header, &lines, NULL, &err), -1);
	assert_has(err.msg, "does not fit on one page");
	pdf_abort(pdf);
	cr_assert_not(exists(out_path("høy.pdf")));
}
