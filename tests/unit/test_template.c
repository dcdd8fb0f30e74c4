/* test_template.c — course concepts (concept.h) and their ini templates
 * (template.h): round trip, malformed files, all-or-nothing import. */
#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "lmskurs/concept.h"
#include "lmskurs/course.h"
#include "lmskurs/phase.h"
#include "lmskurs/template.h"
#include "lmskurs/text.h"
#include "testlib.h"

/* ---- helpers (private to this file) ---- */

static char *path_in_tmp(const char *name)
{
	static char buf[8][512];
	static int next;
	char *p = buf[next++ % 8];
	snprintf(p, sizeof buf[0], "%s/%s", tl_tmpdir(), name);
	return p;
}

static const char *write_file(const char *name, const char *text)
{
	char *path = path_in_tmp(name);
	FILE *f = fopen(path, "wb");
	cr_assert_not_null(f);
	fputs(text, f);
	fclose(f);
	return path;
}

static char *read_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	cr_assert_not_null(f, "%s", path);
	char *buf = malloc(1 << 20);
	size_t n = fread(buf, 1, (1 << 20) - 1, f);
	buf[n] = 0;
	fclose(f);
	return buf;
}

static int64_t db_count(lk_ctx *ctx, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_open(tl_db_path(ctx), &db), SQLITE_OK);
	cr_assert_eq(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK, "%s", sqlite3_errmsg(db));
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
	int64_t n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return n;
}

/* What a refused import must not change. */
static int64_t rows(lk_ctx *ctx)
{
	return db_count(ctx, "SELECT (SELECT count(*) FROM course) * 1000000 + "
			     "(SELECT count(*) FROM course_part) * 10000 + "
			     "(SELECT count(*) FROM checklist_item) * 100 + (SELECT count(*) FROM audit)");
}

/* A text of n code points "ø" (2 bytes each) with a line break every 50. */
static char *long_text(int n)
{
	char *s = malloc((size_t)n * 2 + 1), *o = s;
	for (int i = 0; i < n; i++) {
		if (i % 50 == 49) {
			*o++ = '\n';
			continue;
		}
		memcpy(o, "ø", 2);
		o += 2;
	}
	*o = 0;
	return s;
}

struct items {
	lk_checklist_item it[64];
	int n;
};

static int keep_item(void *arg, const lk_checklist_item *it)
{
	struct items *l = arg;
	l->it[l->n] = *it;
	l->it[l->n].text = strdup(it->text);
	l->it[l->n].phase = strdup(it->phase);
	l->it[l->n].done_by = NULL;
	l->it[l->n].done_at = NULL;
	l->n++;
	return 0;
}

static struct items *items_of(lk_ctx *ctx, int64_t course_id, const char *phase)
{
	lk_err err;
	struct items *l = calloc(1, sizeof *l);
	cr_assert_eq(checklist_list(ctx, (lk_owner){.course_id = course_id}, phase, keep_item, l, &err),
		0, "%s", err.msg);
	return l;
}

static void items_free(struct items *l)
{
	for (int i = 0; i < l->n; i++) {
		free(l->it[i].text);
		free(l->it[i].phase);
	}
	free(l);
}

/* A course with every field of a concept set, in planning, with its own
 * changes to the idea and planning checklists. */
static int64_t rich_course(lk_ctx *ctx)
{
	lk_err err;
	char *big = long_text(LK_TEXT_MAX);
	lk_course c = {.title = "Pårørendeskole; \"psykisk helse\" # 1 \\ Ærlig talt",
		.audience = LK_AUDIENCE_RELATIVES, .referral_required = true,
		.why = "Mange pårørende står alene.\n\tDe trenger kunnskap; og nettverk #viktig",
		.target_group = "Voksne pårørende – også «unge voksne» (18–25)\nNguyễn, Ólafur, Łucja, Дмитрий, سارة",
		.goals = big, .frame = "Fire kvelder à 3 timer\\n (ikke en ny linje)",
		.content = "Sykdomslære\nRettigheter\nMestring", .methods = "  foredrag, dialog  ",
		.evaluation = "", .management_backing = "Avdelingsleder"};
	cr_assert_eq(course_create(ctx, &c, &err), 0, "%s", err.msg);
	free(big);
	struct {
		const char *topic;
		int minutes;
		lk_part_needs needs;
		const char *desc;
	} parts[] = {
		{"Å være pårørende", 150, LK_NEEDS_BOTH, "Brukerens historie\n\nog samtale"},
		{"Psykiske lidelser \"kort fortalt\"", 90, LK_NEEDS_PROFESSIONAL, ""},
		{"Mestring i hverdagen; erfaringsdeling", 720, LK_NEEDS_USER_REP, "Gruppearbeid # i grupper"},
	};
	for (int i = 0; i < 3; i++) {
		lk_course_part p = {.course_id = c.id, .topic = (char *)parts[i].topic,
			.minutes = parts[i].minutes, .needs = parts[i].needs, .description = (char *)parts[i].desc};
		cr_assert_eq(course_part_add(ctx, &p, &err), 0, "%s", err.msg);
	}
	lk_owner owner = {.course_id = c.id};
	struct items *idea = items_of(ctx, c.id, "idea");
	cr_assert_gt(idea->n, 1, "the idea template is copied at creation");
	cr_assert_eq(checklist_delete(ctx, idea->it[0].id, idea->it[0].version, &err), 0, "%s", err.msg);
	cr_assert_eq(checklist_set_done(ctx, idea->it[1].id, idea->it[1].version, true, &err), 0, "%s", err.msg);
	items_free(idea);
	cr_assert_eq(checklist_add(ctx, owner, "idea", "Eget punkt: \"avklart\"; med ledelsen", &err), 0, "%s", err.msg);
	cr_assert_eq(course_set_phase(ctx, c.id, LK_COURSE_PLANNING, "test", NULL, &err), 0, "%s", err.msg);
	cr_assert_eq(checklist_add(ctx, owner, "planning", "Invitere LHL # og Mental Helse", &err), 0, "%s", err.msg);
	return c.id;
}

static void assert_same_concept(const lk_concept *a, const lk_concept *b)
{
	cr_assert_str_eq(a->course.title, b->course.title);
	cr_assert_eq(a->course.audience, b->course.audience);
	cr_assert_eq(a->course.referral_required, b->course.referral_required);
	cr_assert_str_eq(a->course.why, b->course.why);
	cr_assert_str_eq(a->course.target_group, b->course.target_group);
	cr_assert_str_eq(a->course.goals, b->course.goals);
	cr_assert_str_eq(a->course.frame, b->course.frame);
	cr_assert_str_eq(a->course.content, b->course.content);
	cr_assert_str_eq(a->course.methods, b->course.methods);
	cr_assert_str_eq(a->course.evaluation, b->course.evaluation);
	cr_assert_eq(a->n_parts, b->n_parts);
	for (int i = 0; i < a->n_parts; i++) {
		cr_assert_str_eq(a->parts[i].topic, b->parts[i].topic);
		cr_assert_eq(a->parts[i].minutes, b->parts[i].minutes);
		cr_assert_eq(a->parts[i].needs, b->parts[i].needs);
		cr_assert_str_eq(a->parts[i].description, b->parts[i].description);
	}
	cr_assert_eq(a->n_items, b->n_items);
	for (int i = 0; i < a->n_items; i++) {
		cr_assert_eq(a->items[i].phase, b->items[i].phase);
		cr_assert_str_eq(a->items[i].text, b->items[i].text);
	}
	for (int p = 0; p < LK_COURSE_PHASE_COUNT; p++)
		cr_assert_eq(a->has_checklist[p], b->has_checklist[p], "phase %d", p);
}

/* Reads path expecting refusal; returns the message (static). */
static const char *refused(const char *path)
{
	static lk_err err;
	lk_concept c;
	cr_assert_eq(template_read(path, &c, &err), -1, "%s was accepted", path);
	concept_free(&c);
	return err.msg;
}

#define GOOD_HEAD "[template]\nformat = 1\n[course]\n"

/* ---- round trip ---- */

Test(template, export_import_gives_the_same_course)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t id = rich_course(ctx);
	lk_concept a, b;
	cr_assert_eq(concept_get(ctx, id, &a, &err), 0, "%s", err.msg);
	const char *path = path_in_tmp("kurs.ini");
	cr_assert_eq(template_write(&a, path, &err), 0, "%s", err.msg);
	lk_concept read;
	cr_assert_eq(template_read(path, &read, &err), 0, "%s", err.msg);
	assert_same_concept(&a, &read);
	int64_t new_id;
	cr_assert_eq(concept_create(ctx, &read, &new_id, &err), 0, "%s", err.msg);
	cr_assert_gt(new_id, id);
	cr_assert_eq(concept_get(ctx, new_id, &b, &err), 0, "%s", err.msg);
	assert_same_concept(&a, &b);
	lk_course c;
	cr_assert_eq(course_get(ctx, new_id, &c, &err), 0);
	cr_assert_eq(c.phase, LK_COURSE_IDEA, "an imported course starts as an idea");
	cr_assert_eq(c.owner_id, 0);
	cr_assert_str_eq(c.management_backing, "", "anchoring belongs to the centre, not the concept");
	course_free(&c);
	cr_assert_eq(db_count(ctx, "SELECT count(*) FROM checklist_item WHERE done = 1"), 1,
		"nothing comes ticked");
	concept_free(&a);
	concept_free(&b);
	concept_free(&read);
	ctx_close(ctx);
}

Test(template, written_file_escapes_folds_and_is_0644)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	lk_concept a;
	cr_assert_eq(concept_get(ctx, rich_course(ctx), &a, &err), 0, "%s", err.msg);
	const char *path = path_in_tmp("form.ini");
	cr_assert_eq(template_write(&a, path, &err), 0, "%s", err.msg);
	struct stat st;
	cr_assert_eq(stat(path, &st), 0);
	cr_assert_eq(st.st_mode & 0777, 0644);
	char *text = read_file(path);
	cr_assert(strstr(text, "\ntitle = \"Pårørendeskole; \\x22psykisk helse\\x22 # 1 \\\\ Ærlig talt\"\n"), "%s", text);
	cr_assert(strstr(text, "\nfram = ") == NULL);
	cr_assert(strstr(text, "\nframe = \"Fire kvelder à 3 timer\\\\n (ikke en ny linje)\"\n"));
	cr_assert(strstr(text, "\nwhy = \"Mange pårørende står alene.\\n\\tDe trenger"));
	cr_assert(strstr(text, "\naudience = relatives\nreferral_required = yes\n"));
	cr_assert(strstr(text, "\n[part 3]\ntopic = \"Mestring i hverdagen; erfaringsdeling\"\nminutes = 720\nneeds = user_rep\n"));
	cr_assert(strstr(text, "\ngoals.2 = \""), "a long text goes on in numbered keys");
	cr_assert(strstr(text, "\ngoals.45 = \""), "20000 characters of 2 bytes in 900-byte pieces");
	cr_assert(strstr(text, "\n[checklist planning]\nitem1 = \""));
	for (char *line = text; *line;) {
		char *nl = strchr(line, '\n');
		cr_assert_not_null(nl, "the file ends with a new line");
		cr_assert_leq(nl - line, 1000, "a line iniparser could not read");
		line = nl + 1;
	}
	free(text);
	concept_free(&a);
	ctx_close(ctx);
}

Test(template, hand_written_template_with_comments_unquoted_and_case)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	const char *path = write_file("hand.ini",
		"; laget for hånd\r\n"
		"[Template]\r\nformat = 1\r\n\r\n"
		"[COURSE]\r\nTitle = Kols-skole  ; kommentar\r\naudience = both\r\n"
		"referral_required = Ja\r\n"
		"# en kommentar\r\n"
		"[part 2]\r\ntopic = \"Andre del\"\r\nminutes = 60\r\n"
		"[part 1]\r\ntopic = Første del\r\nminutes = 45\r\nneeds = professional\r\n"
		"[checklist revision]\r\nitem2 = \"B\"\r\nitem1 = \"A\"\r\nitem1.2 = \" og mer\"\r\n");
	lk_concept c;
	cr_assert_eq(template_read(path, &c, &err), 0, "%s", err.msg);
	cr_assert_str_eq(c.course.title, "Kols-skole");
	cr_assert_eq(c.course.audience, LK_AUDIENCE_BOTH);
	cr_assert(c.course.referral_required);
	cr_assert_str_eq(c.course.goals, "");
	cr_assert_eq(c.n_parts, 2);
	cr_assert_str_eq(c.parts[0].topic, "Første del", "parts in number order, not file order");
	cr_assert_eq(c.parts[0].needs, LK_NEEDS_PROFESSIONAL);
	cr_assert_eq(c.parts[1].needs, LK_NEEDS_BOTH, "needs defaults to both");
	cr_assert_eq(c.n_items, 2);
	cr_assert_str_eq(c.items[0].text, "A og mer");
	cr_assert_str_eq(c.items[1].text, "B");
	cr_assert(c.has_checklist[LK_COURSE_REVISION]);
	cr_assert_not(c.has_checklist[LK_COURSE_IDEA], "no [checklist idea]: the template applies");
	int64_t id;
	cr_assert_eq(concept_create(ctx, &c, &id, &err), 0, "%s", err.msg);
	struct items *idea = items_of(ctx, id, "idea");
	cr_assert_gt(idea->n, 0, "the receiving centre's idea checklist");
	items_free(idea);
	struct items *rev = items_of(ctx, id, "revision");
	cr_assert_eq(rev->n, 2);
	cr_assert_str_eq(rev->it[0].text, "A og mer");
	items_free(rev);
	concept_free(&c);
	ctx_close(ctx);
}

Test(template, empty_idea_checklist_section_empties_it)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	const char *path = write_file("empty.ini", GOOD_HEAD "title = \"Kurs\"\naudience = patients\n[checklist idea]\n");
	lk_concept c;
	cr_assert_eq(template_read(path, &c, &err), 0, "%s", err.msg);
	int64_t id;
	cr_assert_eq(concept_create(ctx, &c, &id, &err), 0, "%s", err.msg);
	struct items *idea = items_of(ctx, id, "idea");
	cr_assert_eq(idea->n, 0);
	items_free(idea);
	concept_free(&c);
	ctx_close(ctx);
}

/* ---- malformed files: every problem with its line ---- */

Test(template, bad_audience_named_with_its_line)
{
	const char *path = write_file("aud.ini", GOOD_HEAD "title = \"Kurs\"\naudience = pasienter\n");
	char want[600];
	snprintf(want, sizeof want, "%s:5: audience must be patients, relatives or both, not 'pasienter'", path);
	cr_assert_str_eq(refused(path), want);
}

Test(template, missing_title_refused)
{
	const char *path = write_file("notitle.ini", GOOD_HEAD "audience = both\n");
	char want[600];
	snprintf(want, sizeof want, "%s:3: title is missing in [course]", path);
	cr_assert_str_eq(refused(path), want);
	path = write_file("blanktitle.ini", GOOD_HEAD "title = \"   \"\naudience = both\n");
	cr_assert(strstr(refused(path), ":4: title must not be empty"), "%s", refused(path));
}

Test(template, invalid_utf8_refused_with_line)
{
	const char *path = write_file("latin1.ini", GOOD_HEAD "title = \"P\xe5r\xf8rende\"\naudience = both\n");
	const char *msg = refused(path);
	cr_assert(strstr(msg, ":4: the text is not valid UTF-8"), "%s", msg);
	path = write_file("escaped.ini", GOOD_HEAD "title = \"P\\xe5r\"\naudience = both\n");
	msg = refused(path);
	cr_assert(strstr(msg, ":4: title: the text is not valid UTF-8"), "an escape cannot smuggle bad bytes in: %s", msg);
}

Test(template, section_name_used_as_key_is_refused_not_crashed)
{
	/* CVE-2023-33461: iniparser stores [course:title] as the key
	 * "course:title" with a NULL value, over the real title. */
	const char *path = write_file("cve.ini", GOOD_HEAD "title = \"Kurs\"\naudience = both\n[course:title]\n[course:audience]\nx = 1\n");
	const char *msg = refused(path);
	cr_assert(strstr(msg, ":6: unknown section [course:title]"), "%s", msg);
	cr_assert(strstr(msg, ":7: unknown section [course:audience]"), "%s", msg);
}

Test(template, structure_problems_all_reported)
{
	const char *path = write_file("many.ini",
		"format = 1\n"                               /* 1: outside */
		"[template]\nformat = 1\n"
		"[course]\ntitle = \"A\"\ntitle = \"B\"\n"     /* 6: twice */
		"audience = both\ncolour = blue\n"           /* 8: unknown key */
		"just words\n"                               /* 9: no = */
		"[part 0]\n"                                 /* 10: bad number */
		"[part 1]\ntopic = \"x\"\nminutes = 40\n"
		"[course]\n");                               /* 14: again */
	const char *msg = refused(path);
	const char *want[] = {":1: 'format' is outside any [section]", ":6: title in [course] is set again (first on line 5)",
		":8: unknown key 'colour' in [course]", ":9: expected 'key = value' or '[section]', not 'just words'",
		":10: unknown section [part 0]", ":14: [course] appears again (first on line 4)"};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
		cr_assert(strstr(msg, want[i]), "lacks %s in:\n%s", want[i], msg);
}

Test(template, value_problems_all_reported)
{
	const char *path = write_file("values.ini",
		"[template]\nformat = 1\n[course]\ntitle = \"Kurs\"\naudience = both\n"
		"referral_required = kanskje\n"            /* 6 */
		"goals = \"bad \\q escape\"\n"               /* 7 */
		"goals.3 = \"orphan\"\n"                     /* 8 */
		"[part 1]\ntopic = \"x\"\nminutes = 4\nneeds = alle\n"); /* 11, 12 */
	const char *msg = refused(path);
	const char *want[] = {":6: referral_required must be yes or no, not 'kanskje'",
		":7: goals: '\\q' is not an escape", ":8: goals.3 continues no text: goals.2 is missing before it",
		":11: minutes must be a whole number from 5 to 720, not '4'",
		":12: needs must be both, professional or user_rep, not 'alle'"};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
		cr_assert(strstr(msg, want[i]), "lacks %s in:\n%s", want[i], msg);
	path = write_file("parts.ini", GOOD_HEAD "title = \"Kurs\"\naudience = both\n"
		"[part 2]\nminutes = 30\n"                  /* 6: no topic */
		"[part 1]\ntopic = \"x\"\nminutes = 30\n"
		"[checklist idea]\nitem1 = \"\"\n");         /* 12: empty item */
	msg = refused(path);
	cr_assert(strstr(msg, ":6: topic is missing in [part 2]"), "%s", msg);
	cr_assert(strstr(msg, ":12: item1 must not be empty"), "%s", msg);
}

Test(template, many_problems_are_cut_with_an_ellipsis)
{
	char text[8192] = "[template]\nformat = 1\n[course]\n";
	for (int i = 0; i < 60; i++)
		strcat(text, "nonsense here\n");
	const char *msg = refused(write_file("lots.ini", text));
	cr_assert_lt(strlen(msg), LK_ERR_MSG_MAX);
	cr_assert(strstr(msg, ":4: expected 'key = value'"), "%s", msg);
	cr_assert(strcmp(msg + strlen(msg) - 3, "\xe2\x80\xa6") == 0, "%s", msg);
}

Test(template, newer_format_bom_nul_and_long_lines_refused)
{
	cr_assert(strstr(refused(write_file("f2.ini", "[template]\nformat = 2\n[course]\ntitle = K\naudience = both\n")),
		":2: the template has format 2, made by a newer lmskurs; this one reads format 1"));
	cr_assert(strstr(refused(write_file("nof.ini", "[course]\ntitle = K\naudience = both\n")),
		"there is no [template] section"));
	cr_assert(strstr(refused(write_file("bom.ini", "\xef\xbb\xbf" GOOD_HEAD "title = K\naudience = both\n")),
		":1: the file starts with a byte order mark"));
	char *long_line = malloc(3000);
	strcpy(long_line, GOOD_HEAD "audience = both\ntitle = \"");
	memset(long_line + strlen(long_line), 'a', 1200);
	strcpy(long_line + strlen(GOOD_HEAD "audience = both\ntitle = \"") + 1200, "\"\n");
	cr_assert(strstr(refused(write_file("long.ini", long_line)), ":5: the line is longer than 1000 bytes"));
	free(long_line);
	const char *nul_path = path_in_tmp("nul.ini");
	FILE *f = fopen(nul_path, "wb");
	fwrite(GOOD_HEAD "title = K\0\naudience = both\n", 1, sizeof GOOD_HEAD + 24, f);
	fclose(f);
	cr_assert(strstr(refused(nul_path), ":4: the file contains a NUL byte"), "%s", refused(nul_path));
	lk_concept c;
	lk_err err;
	cr_assert_eq(template_read(path_in_tmp("does-not-exist.ini"), &c, &err), -1);
	cr_assert_eq(err.code, LK_EIO);
	cr_assert(strstr(err.msg, "cannot open the template"), "%s", err.msg);
}

/* ---- all or nothing ---- */

Test(template, refused_import_leaves_the_database_unchanged)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	const char *path = write_file("ok.ini", GOOD_HEAD "title = \"Kurs\"\naudience = both\n"
		"[part 1]\ntopic = \"En\"\nminutes = 60\n[checklist planning]\nitem1 = \"Punkt\"\n");
	lk_concept c;
	cr_assert_eq(template_read(path, &c, &err), 0, "%s", err.msg);
	int64_t before = rows(ctx), id = 99;
	lk_ctx *staff = tl_ctx_as(ctx, "vert", LK_ROLE_STAFF);
	before = rows(ctx);
	cr_assert_eq(concept_create(staff, &c, &id, &err), -1);
	cr_assert_eq(err.code, LK_EPERM);
	cr_assert_eq(id, 0);
	cr_assert_eq(rows(ctx), before);
	/* A part that core refuses half-way: the course made before it goes too. */
	lk_course_part bad = {.topic = "To", .minutes = 2};
	c.parts[0].minutes = 60;
	cr_assert_eq(concept_add_part(&c, &bad, &err), 0);
	cr_assert_eq(concept_create(ctx, &c, &id, &err), -1);
	cr_assert(strstr(err.msg, "Part 2: "), "%s", err.msg);
	cr_assert_eq(id, 0);
	cr_assert_eq(rows(ctx), before, "course, parts, checklist and audit all rolled back");
	concept_free(&c);
	lk_concept odd = {.course = {.title = strdup("X"), .audience = LK_AUDIENCE_BOTH}};
	odd.has_checklist[LK_COURSE_ACTIVE] = true;
	cr_assert_eq(concept_create(ctx, &odd, &id, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	cr_assert_eq(concept_add_item(&odd, (lk_course_phase)42, "x", &err), -1);
	cr_assert_eq(rows(ctx), before);
	concept_free(&odd);
	ctx_close(staff);
	ctx_close(ctx);
}

Test(template, allowed_import_is_audited_as_import)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	lk_concept c;
	cr_assert_eq(template_read(write_file("a.ini", GOOD_HEAD "title = \"Hjerteskole\"\naudience = patients\n"),
		&c, &err), 0, "%s", err.msg);
	int64_t id;
	cr_assert_eq(concept_create(ctx, &c, &id, &err), 0, "%s", err.msg);
	char sql[128];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM audit WHERE action = 'import' AND entity = 'course' AND entity_id = %lld",
		(long long)id);
	cr_assert_eq(db_count(ctx, sql), 1);
	concept_free(&c);
	ctx_close(ctx);
}

Test(template, concept_get_of_unknown_course)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	lk_concept c;
	cr_assert_eq(concept_get(ctx, 4242, &c, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	concept_free(&c);
	ctx_close(ctx);
}

Test(template, write_to_missing_folder_fails)
{
	lk_concept c = {.course = {.title = "K", .audience = LK_AUDIENCE_BOTH}};
	lk_err err;
	cr_assert_eq(template_write(&c, path_in_tmp("nope/k.ini"), &err), -1);
	cr_assert_eq(err.code, LK_EIO);
	cr_assert(strstr(err.msg, "nope/k.ini"), "%s", err.msg);
}
