#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/course.h"
#include "lmskurs/phase.h"
#include "lmskurs/store.h"
#include "testlib.h"

/* ---- helpers (static: testlib is shared) ---- */

/* Every row of every table, as text: equal dumps mean an unchanged database. */
static char *db_dump(lk_ctx *ctx)
{
	sqlite3 *h;
	cr_assert_eq(sqlite3_open_v2(tl_db_path(ctx), &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	sqlite3_stmt *tables;
	sqlite3_prepare_v2(h, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name", -1, &tables, NULL);
	size_t cap = 1 << 16, len = 0;
	char *out = malloc(cap);
	out[0] = 0;
	while (sqlite3_step(tables) == SQLITE_ROW) {
		char sql[200];
		snprintf(sql, sizeof sql, "SELECT * FROM \"%s\"", (const char *)sqlite3_column_text(tables, 0));
		sqlite3_stmt *st;
		cr_assert_eq(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK);
		while (sqlite3_step(st) == SQLITE_ROW)
			for (int i = 0; i < sqlite3_column_count(st); i++) {
				const char *v = (const char *)sqlite3_column_text(st, i);
				size_t n = strlen(v ? v : "NULL") + 2;
				while (len + n + 1 > cap)
					out = realloc(out, cap *= 2);
				len += (size_t)sprintf(out + len, "%s%c", v ? v : "NULL", i + 1 == sqlite3_column_count(st) ? '\n' : '|');
			}
		sqlite3_finalize(st);
	}
	sqlite3_finalize(tables);
	sqlite3_close(h);
	return out;
}

static int64_t count_sql(lk_ctx *ctx, const char *sql)
{
	sqlite3 *h;
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_open_v2(tl_db_path(ctx), &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	cr_assert_eq(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK, "%s", sqlite3_errmsg(h));
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
	int64_t n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(h);
	return n;
}

static int64_t new_course(lk_ctx *ctx, const char *title)
{
	lk_err err;
	lk_course c = {.title = (char *)title, .audience = LK_AUDIENCE_BOTH};
	cr_assert_eq(course_create(ctx, &c, &err), 0, "%s", err.msg);
	return c.id;
}

struct items {
	int n;
	int64_t id[32], version[32];
	bool done[32];
	char text[32][200];
	char phase[32][20];
	char done_by[32][40];
};

static int collect_item(void *arg, const lk_checklist_item *it)
{
	struct items *s = arg;
	if (s->n == 32)
		return 1;
	s->id[s->n] = it->id;
	s->version[s->n] = it->version;
	s->done[s->n] = it->done;
	snprintf(s->text[s->n], sizeof s->text[0], "%s", it->text);
	snprintf(s->phase[s->n], sizeof s->phase[0], "%s", it->phase);
	snprintf(s->done_by[s->n], sizeof s->done_by[0], "%s", it->done_by ? it->done_by : "(null)");
	s->n++;
	return 0;
}

static struct items items_of(lk_ctx *ctx, int64_t course_id, const char *phase)
{
	struct items s = {0};
	lk_err err;
	cr_assert_eq(checklist_list(ctx, (lk_owner){.course_id = course_id}, phase, collect_item, &s, &err), 0, "%s", err.msg);
	return s;
}

/* Owner, both kinds in the group and one part: every rule condition met. */
static void make_plannable(lk_ctx *ctx, int64_t id)
{
	lk_err err;
	lk_course c;
	cr_assert_eq(course_get(ctx, id, &c, &err), 0, "%s", err.msg);
	c.owner_id = tl_person(ctx, "Åse Ødegård", LK_PROFESSIONAL);
	cr_assert_eq(course_update(ctx, &c, &err), 0, "%s", err.msg);
	course_free(&c);
	cr_assert_eq(course_member_add(ctx, id, tl_person(ctx, "Kari Nordmann", LK_PROFESSIONAL), NULL, &err), 0, "%s", err.msg);
	cr_assert_eq(course_member_add(ctx, id, tl_person(ctx, "Ola Brukersen", LK_USER_REP), NULL, &err), 0, "%s", err.msg);
	lk_course_part p = {.course_id = id, .topic = "Å leve med KOLS", .minutes = 120};
	cr_assert_eq(course_part_add(ctx, &p, &err), 0, "%s", err.msg);
}

static void tick_all(lk_ctx *ctx, int64_t id, const char *phase)
{
	lk_err err;
	struct items s = items_of(ctx, id, phase);
	for (int i = 0; i < s.n; i++)
		if (!s.done[i])
			cr_assert_eq(checklist_set_done(ctx, s.id[i], s.version[i], true, &err), 0, "%s", err.msg);
}

/* ---- phase names ---- */

Test(phase, codes_labels_and_parse_round_trip)
{
	for (int p = 0; p < LK_COURSE_PHASE_COUNT; p++) {
		lk_course_phase back;
		cr_assert_eq(course_phase_parse(course_phase_code((lk_course_phase)p), &back), 0);
		cr_assert_eq((int)back, p);
	}
	for (int p = 0; p < LK_RUN_PHASE_COUNT; p++) {
		lk_run_phase back;
		cr_assert_eq(run_phase_parse(run_phase_code((lk_run_phase)p), &back), 0);
		cr_assert_eq((int)back, p);
	}
	cr_assert_str_eq(course_phase_code(LK_COURSE_REVISION), "revision");
	cr_assert_str_eq(course_phase_label(LK_COURSE_IDEA), "idea and anchoring");
	cr_assert_str_eq(course_phase_label(LK_COURSE_REVISION), "under revision");
	cr_assert_str_eq(run_phase_code(LK_RUN_REGISTRATION), "registration");
	cr_assert_str_eq(run_phase_label(LK_RUN_REGISTRATION), "registration open");
	cr_assert_str_eq(run_phase_label(LK_RUN_EXECUTION), "running");
	lk_course_phase cp;
	lk_run_phase rp;
	cr_assert_eq(course_phase_parse("registration", &cp), -1);
	cr_assert_eq(course_phase_parse(NULL, &cp), -1);
	cr_assert_eq(run_phase_parse("idea", &rp), -1);
	cr_assert_str_eq(course_phase_code((lk_course_phase)99), "");
	cr_assert(checklist_phase_valid("revision"));
	cr_assert_not(checklist_phase_valid("active"));
}

Test(phase, gate_collects_and_joins)
{
	lk_gate g;
	gate_init(&g);
	char *empty = gate_join(&g);
	cr_assert_str_eq(empty, "");
	free(empty);
	cr_assert_eq(gate_add(&g, "no owner is named"), 0);
	cr_assert_eq(gate_add(&g, "checklist: '%s' is not ticked", "Kurseier er utpekt"), 0);
	cr_assert_eq(g.n, 2);
	char *s = gate_join(&g);
	cr_assert_str_eq(s, "no owner is named; checklist: 'Kurseier er utpekt' is not ticked");
	free(s);
	gate_free(&g);
	cr_assert_eq(g.n, 0);
	cr_assert_null(g.unmet);
}

/* ---- checklists ---- */

Test(phase, create_copies_idea_checklist_from_template)
{
	lk_ctx *ctx = tl_ctx();
	int64_t id = new_course(ctx, "Hjertekurs");
	struct items s = items_of(ctx, id, NULL);
	cr_assert_eq(s.n, 3);
	cr_assert_str_eq(s.text[0], "Behovet for tilbudet er beskrevet");
	cr_assert_str_eq(s.text[2], "Kurseier er utpekt");
	for (int i = 0; i < 3; i++) {
		cr_assert_str_eq(s.phase[i], "idea");
		cr_assert_not(s.done[i]);
	}
	cr_assert_eq(items_of(ctx, id, "planning").n, 0);
	ctx_close(ctx);
}

Test(phase, checklist_copied_once_per_phase)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t id = new_course(ctx, "Diabetesskole");
	make_plannable(ctx, id);
	tick_all(ctx, id, "idea");
	cr_assert_eq(course_set_phase(ctx, id, LK_COURSE_PLANNING, NULL, NULL, &err), 0, "%s", err.msg);
	cr_assert_eq(items_of(ctx, id, "planning").n, 6);
	cr_assert_eq(course_set_phase(ctx, id, LK_COURSE_IDEA, NULL, NULL, &err), 0, "%s", err.msg);
	cr_assert_eq(course_set_phase(ctx, id, LK_COURSE_PLANNING, NULL, NULL, &err), 0, "%s", err.msg);
	cr_assert_eq(items_of(ctx, id, "planning").n, 6, "re-entering planning must not copy again");
	cr_assert_eq(items_of(ctx, id, "idea").n, 3);
	/* and directly: entering again inside a transaction copies nothing */
	cr_assert_eq(store_begin(ctx->db, &err), 0);
	cr_assert_eq(phase_enter_checklist(ctx, (lk_owner){.course_id = id}, "idea", &err), 0, "%s", err.msg);
	cr_assert_eq(phase_enter_checklist(ctx, (lk_owner){.course_id = id}, "active", &err), 0, "%s", err.msg);
	cr_assert_eq(ctx_end(ctx, 0, &err), 0);
	cr_assert_eq(items_of(ctx, id, NULL).n, 9);
	ctx_close(ctx);
}

Test(phase, tick_and_untick_with_versions)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t id = new_course(ctx, "Leve med smerte");
	struct items s = items_of(ctx, id, "idea");
	tl_set_now(ctx, "2027-02-01T10:15");
	cr_assert_eq(checklist_set_done(ctx, s.id[1], s.version[1], true, &err), 0, "%s", err.msg);
	struct items t = items_of(ctx, id, "idea");
	cr_assert(t.done[1]);
	cr_assert_str_eq(t.done_by[1], "koord");
	cr_assert_eq(t.version[1], s.version[1] + 1);
	cr_assert_eq(count_sql(ctx, "SELECT count(*) FROM checklist_item WHERE done_at = '2027-02-01T10:15:00'"), 1);
	cr_assert_eq(count_sql(ctx, "SELECT count(*) FROM audit WHERE entity = 'checklist_item' AND detail = 'done'"), 1);

	/* stale version: refused, nothing changed */
	char *before = db_dump(ctx);
	cr_assert_eq(checklist_set_done(ctx, s.id[1], s.version[1], false, &err), -1);
	cr_assert_eq(err.code, LK_ECONFLICT);
	cr_assert(strstr(err.msg, "changed by someone else"), "%s", err.msg);
	char *after = db_dump(ctx);
	cr_assert_str_eq(before, after);
	free(before);
	free(after);

	/* untick with the fresh version clears who and when */
	cr_assert_eq(checklist_set_done(ctx, t.id[1], t.version[1], false, &err), 0, "%s", err.msg);
	struct items u = items_of(ctx, id, "idea");
	cr_assert_not(u.done[1]);
	cr_assert_str_eq(u.done_by[1], "(null)");
	cr_assert_eq(count_sql(ctx, "SELECT count(*) FROM checklist_item WHERE done_at IS NOT NULL"), 0);

	cr_assert_eq(checklist_set_done(ctx, 9999, 1, true, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	ctx_close(ctx);
}

Test(phase, own_items_added_and_deleted)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t id = new_course(ctx, "Kols-skole");
	lk_owner o = {.course_id = id};
	cr_assert_eq(checklist_add(ctx, o, "idea", "Rådfør med brukerutvalget — 利用者", &err), 0, "%s", err.msg);
	struct items s = items_of(ctx, id, "idea");
	cr_assert_eq(s.n, 4);
	cr_assert_str_eq(s.text[3], "Rådfør med brukerutvalget — 利用者");
	cr_assert_eq(count_sql(ctx, "SELECT max(position) FROM checklist_item WHERE phase = 'idea'"), 4);

	/* an own item for a phase not yet entered brings the template along */
	cr_assert_eq(checklist_add(ctx, o, "planning", "Bestill tolk", &err), 0, "%s", err.msg);
	cr_assert_eq(items_of(ctx, id, "planning").n, 7);

	/* delete: stale refused, current accepted */
	cr_assert_eq(checklist_delete(ctx, s.id[3], s.version[3] + 1, &err), -1);
	cr_assert_eq(err.code, LK_ECONFLICT);
	cr_assert_eq(checklist_delete(ctx, s.id[3], s.version[3], &err), 0, "%s", err.msg);
	cr_assert_eq(items_of(ctx, id, "idea").n, 3);
	cr_assert_eq(checklist_delete(ctx, s.id[3], s.version[3], &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	cr_assert_eq(count_sql(ctx, "SELECT count(*) FROM audit WHERE entity = 'checklist_item' AND action = 'delete'"), 1);
	ctx_close(ctx);
}

Test(phase, own_items_refused_when_invalid)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t id = new_course(ctx, "Mestring av angst");
	lk_owner o = {.course_id = id};
	char *before = db_dump(ctx);
	cr_assert_eq(checklist_add(ctx, o, "registration", "Noe", &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	cr_assert(strstr(err.msg, "belongs to runs"), "%s", err.msg);
	cr_assert_eq(checklist_add(ctx, o, "active", "Noe", &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	cr_assert_eq(checklist_add(ctx, o, "idea", "  ", &err), -1);
	cr_assert(strstr(err.msg, "must not be empty"), "%s", err.msg);
	char bad[] = {'O', 'k', (char)0xE2, (char)0x82, 0};
	cr_assert_eq(checklist_add(ctx, o, "idea", bad, &err), -1);
	cr_assert(strstr(err.msg, "UTF-8"), "%s", err.msg);
	char longtext[600];
	memset(longtext, 'x', sizeof longtext - 1);
	longtext[sizeof longtext - 1] = 0;
	cr_assert_eq(checklist_add(ctx, o, "idea", longtext, &err), -1);
	cr_assert(strstr(err.msg, "too long"), "%s", err.msg);
	cr_assert_eq(checklist_add(ctx, (lk_owner){0}, "idea", "Noe", &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	cr_assert_eq(checklist_add(ctx, (lk_owner){.course_id = id, .run_id = 1}, "idea", "Noe", &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	cr_assert_eq(checklist_add(ctx, (lk_owner){.course_id = 999}, "idea", "Noe", &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	cr_assert_eq(checklist_add(ctx, (lk_owner){.run_id = 999}, "evaluation", "Noe", &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	cr_assert(strstr(err.msg, "run"), "%s", err.msg);
	char *after = db_dump(ctx);
	cr_assert_str_eq(before, after);
	free(before);
	free(after);
	ctx_close(ctx);
}

Test(phase, only_coordinators_write_checklists)
{
	lk_ctx *ctx = tl_ctx();
	lk_ctx *rep = tl_ctx_as(ctx, "bruker", LK_ROLE_USER_REP);
	lk_ctx *staff = tl_ctx_as(ctx, "vert", LK_ROLE_STAFF);
	lk_err err;
	int64_t id = new_course(ctx, "Pårørendeskole");
	struct items s = items_of(rep, id, "idea");
	cr_assert_eq(s.n, 3, "a user representative may read the checklist");
	char *before = db_dump(ctx);
	lk_ctx *who[] = {rep, staff};
	for (int i = 0; i < 2; i++) {
		cr_assert_eq(checklist_set_done(who[i], s.id[0], s.version[0], true, &err), -1);
		cr_assert_eq(err.code, LK_EPERM);
		cr_assert_eq(checklist_add(who[i], (lk_owner){.course_id = id}, "idea", "Noe", &err), -1);
		cr_assert_eq(err.code, LK_EPERM);
		cr_assert_eq(checklist_delete(who[i], s.id[0], s.version[0], &err), -1);
		cr_assert_eq(err.code, LK_EPERM);
		cr_assert_eq(checklist_template_add(who[i], "idea", "Noe", &err), -1);
		cr_assert_eq(err.code, LK_EPERM);
		cr_assert_eq(checklist_template_delete(who[i], 1, 1, &err), -1);
		cr_assert_eq(err.code, LK_EPERM);
	}
	char *after = db_dump(ctx);
	cr_assert_str_eq(before, after);
	free(before);
	free(after);
	ctx_close(staff);
	ctx_close(rep);
	ctx_close(ctx);
}

static int count_items(void *arg, const lk_checklist_item *it)
{
	(void)it;
	++*(int *)arg;
	return 0;
}

Test(phase, template_changes_apply_to_later_courses)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t old = new_course(ctx, "Før endringen");
	int n = 0;
	cr_assert_eq(checklist_template_list(ctx, "idea", count_items, &n, &err), 0);
	cr_assert_eq(n, 3);
	cr_assert_eq(checklist_template_add(ctx, "idea", "Økonomi er avklart", &err), 0, "%s", err.msg);
	int64_t fresh = new_course(ctx, "Etter endringen");
	struct items s = items_of(ctx, fresh, "idea");
	cr_assert_eq(s.n, 4);
	cr_assert_str_eq(s.text[3], "Økonomi er avklart");
	cr_assert_eq(items_of(ctx, old, "idea").n, 3);

	cr_assert_eq(checklist_template_add(ctx, "closed", "Noe", &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	int64_t tid = count_sql(ctx, "SELECT id FROM checklist_template WHERE text = 'Økonomi er avklart'");
	cr_assert_eq(checklist_template_delete(ctx, tid, 2, &err), -1);
	cr_assert_eq(err.code, LK_ECONFLICT);
	cr_assert_eq(checklist_template_delete(ctx, tid, 1, &err), 0, "%s", err.msg);
	n = 0;
	cr_assert_eq(checklist_template_list(ctx, NULL, count_items, &n, &err), 0);
	cr_assert_eq(n, 21);
	cr_assert_eq(items_of(ctx, fresh, "idea").n, 4, "copies stay when the template item goes");
	cr_assert_eq(count_sql(ctx, "SELECT count(*) FROM audit WHERE entity = 'checklist_template'"), 2);
	ctx_close(ctx);
}

/* ---- gate overrides ---- */

struct overrides {
	int n;
	char line[8][600];
};

static int collect_override(void *arg, const lk_gate_override *o)
{
	struct overrides *s = arg;
	if (s->n < 8)
		snprintf(s->line[s->n++], sizeof s->line[0], "%s->%s|%s|%s|%s|%s", o->from_phase,
			o->to_phase, o->unmet, o->reason, o->login, o->at);
	return 0;
}

Test(phase, override_refused_without_reason)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t id = new_course(ctx, "Uten eier");
	char *before = db_dump(ctx);
	lk_gate g;
	cr_assert_eq(course_set_phase(ctx, id, LK_COURSE_PLANNING, NULL, &g, &err), -1);
	cr_assert_eq(err.code, LK_ERULE);
	cr_assert_eq(g.n, 4, "owner + three unticked items");
	cr_assert_str_eq(g.unmet[0], "no owner is named");
	cr_assert_str_eq(g.unmet[3], "checklist: 'Kurseier er utpekt' is not ticked");
	gate_free(&g);
	cr_assert_eq(course_set_phase(ctx, id, LK_COURSE_PLANNING, " \t\n", NULL, &err), -1);
	cr_assert_eq(err.code, LK_ERULE, "a blank reason is no reason");
	char *after = db_dump(ctx);
	cr_assert_str_eq(before, after);
	free(before);
	free(after);
	struct overrides s = {0};
	cr_assert_eq(gate_override_list(ctx, (lk_owner){.course_id = id}, collect_override, &s, &err), 0);
	cr_assert_eq(s.n, 0);
	ctx_close(ctx);
}

Test(phase, overrides_kept_with_reason_newest_first)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t id = new_course(ctx, "Overstyrt kurs");
	tl_set_now(ctx, "2027-02-01T08:00");
	cr_assert_eq(course_set_phase(ctx, id, LK_COURSE_PLANNING, "Leder har gitt muntlig klarsignal", NULL, &err), 0, "%s", err.msg);
	tl_set_now(ctx, "2027-02-02T08:00");
	cr_assert_eq(course_set_phase(ctx, id, LK_COURSE_ACTIVE, "  Pilot før sommeren  ", NULL, &err), 0, "%s", err.msg);
	struct overrides s = {0};
	cr_assert_eq(gate_override_list(ctx, (lk_owner){.course_id = id}, collect_override, &s, &err), 0);
	cr_assert_eq(s.n, 2);
	cr_assert(strncmp(s.line[0], "planning->active|the planning group has no professional; ", 57) == 0, "%s", s.line[0]);
	cr_assert(strstr(s.line[0], "|Pilot før sommeren|koord|2027-02-02T08:00:00"), "%s", s.line[0]);
	cr_assert(strstr(s.line[1], "idea->planning|no owner is named; checklist: 'Behovet for tilbudet er beskrevet' is not ticked;"), "%s", s.line[1]);
	cr_assert(strstr(s.line[1], "|Leder har gitt muntlig klarsignal|koord|2027-02-01T08:00:00"), "%s", s.line[1]);
	cr_assert_eq(count_sql(ctx, "SELECT count(*) FROM audit WHERE action = 'override' AND entity = 'gate_override'"), 2);
	/* the kept override goes with the course */
	lk_course c;
	cr_assert_eq(course_get(ctx, id, &c, &err), 0);
	cr_assert_eq(course_delete(ctx, id, c.version, &err), 0, "%s", err.msg);
	course_free(&c);
	cr_assert_eq(count_sql(ctx, "SELECT count(*) FROM gate_override"), 0);
	ctx_close(ctx);
}

Test(phase, unticked_and_record_for_runs_owner_checks)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t id = new_course(ctx, "Direkte");
	lk_gate g;
	gate_init(&g);
	cr_assert_eq(phase_unticked(ctx, (lk_owner){.course_id = id}, "idea", &g, &err), 0);
	cr_assert_eq(g.n, 3);
	cr_assert_eq(phase_unticked(ctx, (lk_owner){.course_id = id}, "planning", &g, &err), 0);
	cr_assert_eq(g.n, 3, "no planning items yet");
	cr_assert_eq(phase_unticked(ctx, (lk_owner){0}, "idea", &g, &err), -1);
	cr_assert_eq(store_begin(ctx->db, &err), 0);
	cr_assert_eq(phase_record_override(ctx, (lk_owner){.course_id = id}, "idea", "planning", &g, "", &err), -1);
	cr_assert(strstr(err.msg, "Reason"), "%s", err.msg);
	cr_assert_eq(ctx_end(ctx, -1, &err), -1);
	cr_assert_eq(count_sql(ctx, "SELECT count(*) FROM gate_override"), 0);
	gate_free(&g);
	ctx_close(ctx);
}

/* The gate says how many of its sentences are checklist items, so screens
 * can advise ticking them without reading the sentences. */
Test(phase, gate_counts_its_checklist_items)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	lk_course co = {.title = "Telling", .audience = LK_AUDIENCE_BOTH};
	cr_assert_eq(course_create(ctx, &co, &err), 0, "%s", err.msg);
	lk_gate g;
	gate_init(&g);
	cr_assert_geq(course_gate(ctx, co.id, LK_COURSE_PLANNING, &g, &err), 0, "%s", err.msg);
	cr_assert_eq(g.n_checklist, 3, "the three idea items of the template are unticked");
	cr_assert_eq(g.n, 4, "and no owner is named");
	gate_free(&g);
	ctx_close(ctx);
}
