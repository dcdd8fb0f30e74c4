/* The participant and enrollment screens: their keys and help are pinned
 * (generated from the key table), their words read well, and the views
 * work headless (ui_push without curses) against a real database: search
 * by name for everyone and by phone for coordinators only; staff and user
 * representatives get the read-only twins and the forms refuse to open;
 * the registration form saves, keeps what was typed when the core refuses
 * (a bad phone, someone else's change) and then writes nothing; the
 * enrollment form says "registered" or "on the waitlist as number N"; an
 * import is previewed without writing, and written only as previewed. */
#include <criterion/criterion.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/enroll.h"
#include "lmskurs/participant.h"
#include "lmskurs/ui/form.h"
#include "lmskurs/ui/keys.h"
#include "lmskurs/ui/participants.h"
#include "lmskurs/ui/runs.h"
#include "lmskurs/ui/view.h"
#include "testlib.h"

static void utf8_locale(void)
{
	setlocale(LC_ALL, "C.UTF-8");
}

TestSuite(ui_participants, .init = utf8_locale);

/* ---- keys and help ---- */

struct help_text {
	char buf[4096];
};

static void on_heading(void *arg, const char *group)
{
	struct help_text *t = arg;
	strcat(t->buf, group);
	strcat(t->buf, "\n");
}

static void on_entry(void *arg, const char *keys, const char *help)
{
	struct help_text *t = arg;
	strcat(t->buf, "  ");
	strcat(t->buf, keys);
	strcat(t->buf, " | ");
	strcat(t->buf, help);
	strcat(t->buf, "\n");
}

static const char *help_of(const lk_view_ops *v, struct help_text *t)
{
	t->buf[0] = 0;
	lk_help_sink sink = {on_heading, on_entry, t};
	keys_help(v->actions, v->text_entry, &sink);
	return t->buf;
}

#define MOVING \
	"Moving\n" \
	"  Up, k | Move up one row\n" \
	"  Down, j | Move down one row\n" \
	"  PgUp | Move up one page\n" \
	"  PgDn | Move down one page\n" \
	"  Home, g | Go to the first row\n" \
	"  End, G | Go to the last row\n"

#define EVERYWHERE \
	"Everywhere\n" \
	"  ?, F1 | Show the keys of this screen\n" \
	"  Ctrl-L | Redraw the screen\n" \
	"  Ctrl-Z | Suspend to the shell (fg comes back)\n" \
	"  Ctrl-C | Quit lmskurs\n"

#define OPEN_BACK \
	"  Enter | Open the selected entry\n" \
	"  Esc, q | Go back to the previous screen\n"

Test(ui_participants, help_of_participants_is_pinned)
{
	struct help_text t;
	cr_assert_str_eq(help_of(&participants_view, &t),
		MOVING
		"Screens\n"
		OPEN_BACK
		"  / | Filter the list as you type; Enter keeps the filter, Esc clears it\n"
		"Changing\n"
		"  a | Add a new entry\n"
		"  e | Edit the selected entry\n"
		"  d | Delete the selected entry (asks first)\n"
		EVERYWHERE);
	cr_assert_str_eq(help_of(&participants_view_readonly, &t),
		MOVING
		"Screens\n"
		OPEN_BACK
		"  / | Filter the list as you type; Enter keeps the filter, Esc clears it\n"
		EVERYWHERE);
}

Test(ui_participants, help_of_a_participant_is_pinned)
{
	struct help_text t;
	cr_assert_str_eq(help_of(&participant_detail_view, &t),
		MOVING
		"Screens\n"
		OPEN_BACK
		"Changing\n"
		"  e | Edit the selected entry\n"
		"  d | Delete the selected entry (asks first)\n"
		"  M | Merge another record of the same person into this one\n"
		EVERYWHERE);
	cr_assert_str_eq(help_of(&participant_detail_readonly, &t), MOVING "Screens\n" OPEN_BACK EVERYWHERE);
}

Test(ui_participants, help_of_a_runs_participants_is_pinned)
{
	struct help_text t;
	cr_assert_str_eq(help_of(&run_enroll_view, &t),
		MOVING
		"Screens\n"
		OPEN_BACK
		"Changing\n"
		"  a | Add a new entry\n"
		"  c | Set the number of places; people waiting move up when it rises\n"
		"  d | Cancel the selected person's place (asks first); the first person waiting moves up\n"
		"  m | Move the selected person to another run of the same course\n"
		"  i | Import participants from a CSV file (a preview first; nothing is written until you accept)\n"
		EVERYWHERE);
	cr_assert_str_eq(help_of(&run_enroll_readonly, &t), MOVING "Screens\n" OPEN_BACK EVERYWHERE);
}

Test(ui_participants, help_of_the_import_preview_is_pinned)
{
	struct help_text t;
	cr_assert_str_eq(help_of(&import_preview_view, &t),
		MOVING
		"Screens\n"
		"  Esc, q | Go back to the previous screen\n"
		"Changing\n"
		"  Enter | Accept: write what is shown, all at once\n"
		EVERYWHERE);
	/* The forms are forms: save, cancel, fields, editing. */
	cr_assert_str_eq(help_of(&participant_form_view, &t), help_of(&import_form_view, &(struct help_text){0}));
	cr_assert(strstr(help_of(&enroll_form_view, &t), "  Ctrl-S, F2 | Save\n"), "%s", t.buf);
}

static const lk_view_ops *const my_views[] = {
	&participants_view, &participants_view_readonly, &participant_detail_view,
	&participant_detail_readonly, &participant_form_view, &run_enroll_view, &run_enroll_readonly,
	&enroll_form_view, &import_form_view, &import_preview_view,
};

Test(ui_participants, no_view_has_two_actions_on_one_key_and_hints_are_offered)
{
	for (size_t i = 0; i < sizeof my_views / sizeof my_views[0]; i++) {
		const lk_view_ops *v = my_views[i];
		lk_action a, b;
		lk_key k = keys_clash(v->actions, v->text_entry, &a, &b);
		cr_assert_eq(k, 0, "%s: key %d is %s and %s", v->name, k, keys_action(a)->name, keys_action(b)->name);
		for (const lk_action *h = v->hints; *h; h++) {
			bool offered = keys_action(*h)->group == LK_GROUP_GLOBAL;
			for (const lk_action *o = v->actions; *o; o++)
				offered |= *o == *h;
			cr_assert(offered, "%s hints %s without offering it", v->name, keys_action(*h)->name);
		}
	}
}

Test(ui_participants, bottom_lines_are_pinned)
{
	struct {
		const lk_view_ops *v;
		const char *line;
	} cases[] = {
		{&participants_view, "/ filter  Enter open  a add  e edit  d delete  Esc back  ? help"},
		{&participants_view_readonly, "/ filter  Enter open  Esc back  ? help"},
		{&participant_detail_view, "Enter open  e edit  M merge  d delete  Esc back  ? help"},
		{&run_enroll_view, "a add  d cancel place  m move  c places  i import  Esc back  ? help"},
		{&run_enroll_readonly, "Enter open  Esc back  ? help"},
		{&import_preview_view, "Enter accept  Esc back  ? help"},
		{&enroll_form_view, "Ctrl-S save  Esc cancel  Tab next field  F1 help"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *h = keys_hint_line(cases[i].v->hints, cases[i].v->text_entry, true);
		cr_assert_str_eq(h, cases[i].line);
		free(h);
	}
}

/* ---- texts ---- */

static void expect_text(char *got, const char *want)
{
	cr_assert_not_null(got);
	cr_assert_str_eq(got, want);
	free(got);
}

Test(ui_participants, where_someone_landed_in_words)
{
	lk_enrollment e = {.status = LK_ENR_REGISTERED};
	expect_text(enroll_added_text("Åse Ødegård", &e), "Åse Ødegård is registered.");
	e = (lk_enrollment){.status = LK_ENR_WAITLISTED, .waitlist_pos = 3};
	expect_text(enroll_added_text("Nguyễn Thị Hương", &e), "Nguyễn Thị Hương is on the waitlist as number 3.");
	expect_text(enroll_status_text(&e), "waitlist 3");
	e.status = LK_ENR_REGISTERED;
	expect_text(enroll_status_text(&e), "registered");
	e.status = LK_ENR_CANCELLED;
	expect_text(enroll_status_text(&e), "cancelled");

	lk_promotion p = {0};
	expect_text(enroll_promoted_text(&p), "");
	p = (lk_promotion){.promoted = true, .name = "Олександр Шевченко"};
	expect_text(enroll_promoted_text(&p), "Call Олександр Шевченко: moved up from the waitlist. ");

	expect_text(enroll_places_text(3, 12, 0), "registered 3/12 · waitlist 0");
	expect_text(enroll_places_text(12, 12, 2), "registered 12/12 · waitlist 2");
	expect_text(enroll_places_text(4, 0, 0), "registered 4, no limit · waitlist 0");
	expect_text(enroll_run_name("Leve med KOLS", "Våren 2027"), "Leve med KOLS, Våren 2027");
	expect_text(enroll_run_name("Leve med KOLS", ""), "Leve med KOLS");
}

Test(ui_participants, import_rows_and_counts_in_words)
{
	lk_import_summary s = {.rows = 11, .created = 7, .matched = 1, .already = 1, .bad = 2,
		.registered = 3, .waitlisted = 5};
	expect_text(import_summary_text(&s),
		"11 rows: 7 new, 1 matched to participants already registered, 1 a second sign-up or already in the run, 2 bad. Of those enrolled: 3 registered, 5 on the waitlist.");
	s = (lk_import_summary){.rows = 1, .created = 1, .registered = 1};
	char *one = import_summary_text(&s);
	cr_assert(strncmp(one, "1 row: ", 7) == 0, "singular row: %s", one);
	free(one);

	lk_preview_row bad = {.line = 10, .result = LK_IMPORT_BAD, .why = "The name is missing."};
	expect_text(import_row_text(&bad), "line 10: The name is missing.");
	lk_preview_row twice = {.line = 9, .result = LK_IMPORT_ALREADY, .same_as_line = 2};
	expect_text(import_row_text(&twice), "line 9: the same person as line 2; counted once.");
	lk_preview_row held = {.line = 4, .result = LK_IMPORT_ALREADY};
	expect_text(import_row_text(&held), "line 4: already has a place in this run; left as it is.");
}

Test(ui_participants, an_updates_message_finds_its_field)
{
	cr_assert_str_eq(participants_field_message("Participant no. 7: Phone: this is not a phone number.", 7),
		"Phone: this is not a phone number.");
	/* Another number, or no prefix: the message as it is. */
	cr_assert_str_eq(participants_field_message("Participant no. 70: Phone: x", 7), "Participant no. 70: Phone: x");
	cr_assert_str_eq(participants_field_message("Name must not be empty.", 7), "Name must not be empty.");
}

/* ---- against a database ---- */

static sqlite3 *raw_open(lk_ctx *ctx)
{
	sqlite3 *h;
	cr_assert_eq(sqlite3_open_v2(tl_db_path(ctx), &h, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
	sqlite3_busy_timeout(h, 2000);
	return h;
}

/* Runs printf-style SQL (sqlite3_mprintf: %Q quotes) on a second
 * connection; returns the last rowid. */
static int64_t raw_exec(lk_ctx *ctx, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *sql = sqlite3_vmprintf(fmt, ap);
	va_end(ap);
	sqlite3 *h = raw_open(ctx);
	char *msg = NULL;
	cr_assert_eq(sqlite3_exec(h, sql, NULL, NULL, &msg), SQLITE_OK, "%s: %s", sql, msg ? msg : "");
	int64_t id = sqlite3_last_insert_rowid(h);
	sqlite3_close(h);
	sqlite3_free(sql);
	return id;
}

static int64_t raw_int(lk_ctx *ctx, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *sql = sqlite3_vmprintf(fmt, ap);
	va_end(ap);
	sqlite3 *h = raw_open(ctx);
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK, "%s", sqlite3_errmsg(h));
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW, "%s", sql);
	int64_t v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(h);
	sqlite3_free(sql);
	return v;
}

/* Every row of the tables these screens write, as one string. */
static char *snapshot(lk_ctx *ctx)
{
	static const char *const sql[] = {
		"SELECT * FROM participant ORDER BY 1", "SELECT * FROM enrollment ORDER BY 1",
		"SELECT * FROM run ORDER BY 1", "SELECT * FROM audit ORDER BY 1"};
	sqlite3 *h = raw_open(ctx);
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
	char *after = snapshot(ctx);
	cr_assert_str_eq(after, before, "a refused operation changed the database");
	free(after);
	free(before);
}

static int64_t course_of(lk_ctx *ctx, const char *title)
{
	return raw_exec(ctx, "INSERT INTO course (title, audience, phase, created_at, updated_at)"
		" VALUES (%Q, 'both', 'active', '2027-01-01T00:00:00', '2027-01-01T00:00:00')", title);
}

/* A run of course in phase with capacity (0: not set). */
static int64_t run_of(lk_ctx *ctx, int64_t course, const char *title, const char *phase, int capacity)
{
	return raw_exec(ctx, "INSERT INTO run (course_id, title, phase, capacity, created_at)"
		" VALUES (%lld, %Q, %Q, nullif(%d, 0), '2027-01-01T00:00:00')",
		(long long)course, title, phase, capacity);
}

static int64_t participant(lk_ctx *ctx, const char *name, const char *phone, const char *email)
{
	lk_err err;
	lk_participant p = {.name = (char *)name, .phone = (char *)phone, .email = (char *)email};
	cr_assert_eq(participant_create(ctx, &p, &err), 0, "%s", err.msg);
	return p.id;
}

static void enroll(lk_ctx *ctx, int64_t run, int64_t who)
{
	lk_err err;
	cr_assert_eq(enroll_add(ctx, run, who, LK_CAT_PATIENT, false, NULL, &err), 0, "%s", err.msg);
}

struct ui_fixture {
	lk_ui ui;
	lk_err err;
};

static lk_view *push(struct ui_fixture *f, lk_ctx *ctx, const lk_view_ops *ops, const void *arg)
{
	ui_init(&f->ui, ctx, NULL, false);
	cr_assert_eq(ui_push(&f->ui, ops, arg, &f->err), 0, "%s", f->err.msg);
	return ui_top(&f->ui);
}

/* The cells of list row i. */
static void cells_of(lk_list *l, int64_t i, const char **cells)
{
	lk_err err;
	cr_assert_eq(list_move_to(l, i, &err), 0, "%s", err.msg);
	const void *row = list_row(l, i);
	cr_assert_not_null(row, "row %lld", (long long)i);
	l->ops->row_cells(row, cells);
}

static void title_is(lk_view *v, const char *want)
{
	char *t = v->ops->title(v);
	cr_assert_str_eq(t, want);
	free(t);
}

static void type(lk_view *v, const char *s)
{
	while (*s) {
		uint32_t cp = (unsigned char)*s;
		int n = cp < 0x80 ? 1 : cp < 0xE0 ? 2 : cp < 0xF0 ? 3 : 4;
		cp = n == 1 ? cp : cp & (0xFF >> (n + 1));
		for (int i = 1; i < n; i++)
			cp = (cp << 6) | ((unsigned char)s[i] & 0x3F);
		cr_assert(v->ops->input(v, (lk_key)cp));
		s += n;
	}
}

static void act(lk_view *v, lk_action a)
{
	cr_assert(v->ops->request(v, a), "action %s not handled", keys_action(a)->name);
}

Test(ui_participants, search_by_name_for_everyone_and_by_phone_for_coordinators)
{
	lk_ctx *ctx = tl_ctx();
	participant(ctx, "Åse Ødegård-Bråten", "+47 912 34 567", "aase@example.no");
	participant(ctx, "Zhang Wei 张伟", "", "");
	participant(ctx, "فاطمة الزهراء", "40000001", "");
	struct ui_fixture f;
	lk_view *v = push(&f, ctx, &participants_view, NULL);
	cr_assert_eq(v->ops, &participants_view, "a coordinator may register");
	lk_list *l = v->ops->list(v);
	cr_assert_eq(l->total, 3);
	title_is(v, "Participants: 3 participants");
	const char *c[LK_LIST_COLS_MAX];
	cells_of(l, 0, c);
	cr_assert_str_eq(c[0], "Zhang Wei 张伟", "sorted by name: Z before Å and Arabic");
	cr_assert_str_eq(c[2], "Sun 10.01.2027 wk 1", "added, with weekday and week");
	cr_assert_eq(list_set_filter(l, "ØDEGÅRD", &f.err), 0, "%s", f.err.msg);
	cr_assert_eq(l->total, 1, "case folded over æøå");
	title_is(v, "Participants: 1 matching \"ØDEGÅRD\"");
	cr_assert_eq(list_set_filter(l, "912 34", &f.err), 0);
	cr_assert_eq(l->total, 1, "a coordinator finds a phone number");
	cells_of(l, 0, c);
	cr_assert_str_eq(c[0], "Åse Ødegård-Bråten");
	cr_assert_eq(list_set_filter(l, "张", &f.err), 0);
	cr_assert_eq(l->total, 1);
	ui_fini(&f.ui);

	lk_ctx *staff = tl_ctx_as(ctx, "vert", LK_ROLE_STAFF);
	char *before = snapshot(ctx);
	v = push(&f, staff, &participants_view, NULL);
	cr_assert_eq(v->ops, &participants_view_readonly, "staff get the list without changing keys");
	l = v->ops->list(v);
	cr_assert_eq(l->total, 3, "staff see the names");
	cr_assert_eq(list_set_filter(l, "912 34", &f.err), 0);
	cr_assert_eq(l->total, 0, "staff cannot look a phone number up");
	cr_assert_eq(keys_lookup('a', v->ops->actions, false), LK_ACT_NONE);
	cr_assert_eq(ui_push(&f.ui, &participant_form_view, NULL, &f.err), -1, "the form refuses staff");
	cr_assert_eq(f.err.code, LK_EPERM);
	cr_assert(strstr(f.ui.status, "As staff you may not"), "%s", f.ui.status);
	ui_fini(&f.ui);
	assert_unchanged(ctx, before);
	ctx_close(staff);
	ctx_close(ctx);
}

Test(ui_participants, registering_through_the_form_and_a_refusal_keeping_the_text)
{
	lk_ctx *ctx = tl_ctx();
	struct ui_fixture f;
	lk_view *list = push(&f, ctx, &participants_view, NULL);
	act(list, LK_ACT_ADD);
	lk_view *v = ui_top(&f.ui);
	cr_assert_eq(v->ops, &participant_form_view);
	title_is(v, "New participant");
	type(v, "Grzegorz Brzęczyszczykiewicz");
	act(v, LK_ACT_FIELD_NEXT);
	type(v, "12ab");
	char *before = snapshot(ctx);
	act(v, LK_ACT_SAVE);
	cr_assert_eq(ui_top(&f.ui), v, "refused: the form stays open");
	cr_assert(strstr(f.ui.status, "Phone: this is not a phone number"), "%s", f.ui.status);
	assert_unchanged(ctx, before);
	act(v, LK_ACT_KILL_BEFORE);
	type(v, "+48 601 234 567");
	act(v, LK_ACT_FIELD_NEXT);
	type(v, "g.b@example.pl");
	act(v, LK_ACT_FIELD_NEXT);
	type(v, "1982");
	act(v, LK_ACT_SAVE);
	cr_assert_eq(ui_top(&f.ui), list, "saved: back to the list");
	cr_assert(strstr(f.ui.status, "Registered Grzegorz Brzęczyszczykiewicz (no. 1)."), "%s", f.ui.status);
	cr_assert_eq(list->ops->list(list)->total, 1, "the list re-read");
	cr_assert_eq(raw_int(ctx, "SELECT count(*) FROM participant WHERE name = 'Grzegorz Brzęczyszczykiewicz'"
		" AND phone = '+48601234567' AND email = 'g.b@example.pl' AND birth_year = 1982"), 1);
	cr_assert_eq(raw_int(ctx, "SELECT count(*) FROM audit WHERE action = 'create' AND entity = 'participant'"), 1);
	ui_fini(&f.ui);
	ctx_close(ctx);
}

Test(ui_participants, an_edit_that_lost_a_race_keeps_the_typed_text)
{
	lk_ctx *ctx = tl_ctx();
	int64_t id = participant(ctx, "Ola Nordmann", "91234568", "ola@example.no");
	struct ui_fixture f;
	lk_participant_form_arg a = {.id = id};
	lk_view *v = push(&f, ctx, &participant_form_view, &a);
	title_is(v, "Edit participant: Ola Nordmann");
	act(v, LK_ACT_FIELD_NEXT);
	act(v, LK_ACT_KILL_BEFORE);
	type(v, "99 99 99 99");
	raw_exec(ctx, "UPDATE participant SET notes = 'endret av en annen', version = version + 1 WHERE id = %lld", (long long)id);
	char *before = snapshot(ctx);
	act(v, LK_ACT_SAVE);
	cr_assert_eq(ui_top(&f.ui), v, "the form stays open");
	cr_assert(strstr(f.ui.status, "changed by someone else meanwhile"), "%s", f.ui.status);
	cr_assert_str_eq(form_text(&((lk_form *)v->state)[0], 1), "99 99 99 99", "what was typed is kept");
	assert_unchanged(ctx, before);
	cr_assert_eq(raw_int(ctx, "SELECT count(*) FROM participant WHERE phone = '91234568' AND version = 2"), 1);
	ui_fini(&f.ui);
	ctx_close(ctx);
}

Test(ui_participants, a_runs_participants_registered_by_name_then_the_waitlist)
{
	lk_ctx *ctx = tl_ctx();
	int64_t run = run_of(ctx, course_of(ctx, "Leve med KOLS"), "Våren 2027", "registration", 2);
	int64_t zoe = participant(ctx, "Zoë Østby", "", ""), ase = participant(ctx, "Åse Aasen", "", "");
	int64_t kari = participant(ctx, "Kari Nordmann", "", ""), ola = participant(ctx, "Ola Nordmann", "", "");
	int64_t gone = participant(ctx, "Per Persen", "", "");
	enroll(ctx, run, zoe);
	enroll(ctx, run, ase);
	enroll(ctx, run, ola);  /* waitlist 1 */
	enroll(ctx, run, kari); /* waitlist 2 */
	enroll(ctx, run, gone); /* waitlist 3, then cancelled */
	lk_enrollment e;
	lk_err err;
	int64_t eid = raw_int(ctx, "SELECT id FROM enrollment WHERE participant_id = %lld", (long long)gone);
	cr_assert_eq(enroll_get(ctx, eid, &e, &err), 0);
	cr_assert_eq(enroll_cancel(ctx, eid, e.version, NULL, &err), 0, "%s", err.msg);
	enrollment_free(&e);

	struct ui_fixture f;
	lk_view *v = push(&f, ctx, &run_enroll_view, &run);
	cr_assert_eq(v->ops, &run_enroll_view);
	title_is(v, "Participants of Leve med KOLS, Våren 2027");
	lk_list *l = v->ops->list(v);
	cr_assert_eq(l->total, 4, "the cancelled are not listed");
	const char *want[4][2] = {{"Zoë Østby", "registered"}, {"Åse Aasen", "registered"},
		{"Ola Nordmann", "waitlist 1"}, {"Kari Nordmann", "waitlist 2"}};
	for (int i = 0; i < 4; i++) {
		const char *c[LK_LIST_COLS_MAX];
		cells_of(l, i, c);
		cr_assert_str_eq(c[0], want[i][0]);
		cr_assert_str_eq(c[1], want[i][1]);
		cr_assert_str_eq(c[2], "patient");
		cr_assert_str_eq(c[3], "no");
	}
	ui_fini(&f.ui);

	lk_ctx *rep = tl_ctx_as(ctx, "brukerrep", LK_ROLE_USER_REP);
	char *before = snapshot(ctx);
	v = push(&f, rep, &run_enroll_view, &run);
	cr_assert_eq(v->ops, &run_enroll_readonly, "a user representative sees names only, no changing keys");
	cr_assert_eq(v->ops->list(v)->total, 4);
	cr_assert_eq(keys_lookup('d', v->ops->actions, false), LK_ACT_NONE);
	cr_assert_eq(keys_lookup('i', v->ops->actions, false), LK_ACT_NONE);
	/* Asked anyway, the view refuses with the core's words, pushing nothing. */
	cr_assert(v->ops->request(v, LK_ACT_IMPORT));
	cr_assert(strstr(f.ui.status, "As user representative you may not"), "%s", f.ui.status);
	cr_assert_eq(ui_top(&f.ui), v);
	cr_assert_eq(ui_push(&f.ui, &enroll_form_view, &(lk_enroll_form_arg){run, kari, "Kari Nordmann"}, &f.err), -1);
	cr_assert_eq(f.err.code, LK_EPERM);
	cr_assert_eq(ui_push(&f.ui, &import_form_view, &run, &f.err), -1);
	ui_fini(&f.ui);
	assert_unchanged(ctx, before);
	ctx_close(rep);
	ctx_close(ctx);
}

Test(ui_participants, the_enroll_form_says_registered_or_the_waitlist_number)
{
	lk_ctx *ctx = tl_ctx();
	int64_t run = run_of(ctx, course_of(ctx, "Pårørendeskolen"), "Høsten 2027", "registration", 1);
	int64_t a = participant(ctx, "Åse Ødegård", "", ""), b = participant(ctx, "Nguyễn Thị Hương", "", "");
	struct ui_fixture f;
	lk_view *list = push(&f, ctx, &run_enroll_view, &run);
	cr_assert_eq(ui_push(&f.ui, &enroll_form_view, &(lk_enroll_form_arg){run, a, "Åse Ødegård"}, &f.err), 0, "%s", f.err.msg);
	lk_view *v = ui_top(&f.ui);
	title_is(v, "Enroll Åse Ødegård in Pårørendeskolen, Høsten 2027");
	act(v, LK_ACT_FIELD_NEXT);
	act(v, LK_ACT_CHAR_RIGHT); /* referral: yes */
	act(v, LK_ACT_SAVE);
	cr_assert_eq(ui_top(&f.ui), list);
	cr_assert_str_eq(f.ui.status, "Åse Ødegård is registered.");
	cr_assert_eq(list->ops->list(list)->total, 1, "the list re-read");
	cr_assert_eq(raw_int(ctx, "SELECT referral FROM enrollment WHERE participant_id = %lld AND status = 'registered'", (long long)a), 1);

	cr_assert_eq(ui_push(&f.ui, &enroll_form_view, &(lk_enroll_form_arg){run, b, NULL}, &f.err), 0, "%s", f.err.msg);
	v = ui_top(&f.ui);
	act(v, LK_ACT_CHAR_RIGHT); /* category: relative */
	act(v, LK_ACT_SAVE);
	cr_assert_str_eq(f.ui.status, "Nguyễn Thị Hương is on the waitlist as number 1.");
	cr_assert_eq(f.ui.status_style, LK_STYLE_WARNING, "marked \"!\" on the screen");
	cr_assert_eq(raw_int(ctx, "SELECT count(*) FROM enrollment WHERE participant_id = %lld AND status = 'waitlisted'"
		" AND category = 'relative'", (long long)b), 1);

	/* Enrolled twice: the core refuses, the form stays, nothing is written. */
	cr_assert_eq(ui_push(&f.ui, &enroll_form_view, &(lk_enroll_form_arg){run, a, "Åse Ødegård"}, &f.err), 0);
	v = ui_top(&f.ui);
	char *before = snapshot(ctx);
	act(v, LK_ACT_SAVE);
	cr_assert_eq(ui_top(&f.ui), v);
	cr_assert_eq(f.ui.status_style, LK_STYLE_ERROR, "%s", f.ui.status);
	cr_assert(strstr(f.ui.status, "already"), "%s", f.ui.status);
	assert_unchanged(ctx, before);
	ui_fini(&f.ui);
	ctx_close(ctx);
}

Test(ui_participants, a_participants_places_across_runs)
{
	lk_ctx *ctx = tl_ctx();
	int64_t course = course_of(ctx, "Leve med diabetes");
	int64_t r1 = run_of(ctx, course, "Våren 2027", "registration", 1);
	int64_t r2 = run_of(ctx, course, "Høsten 2027", "registration", 5);
	int64_t other = participant(ctx, "Ola Nordmann", "", "");
	int64_t kari = participant(ctx, "Kari Nordmann", "+47 912 34 567", "kari@example.no");
	int64_t twin = participant(ctx, "kari nordmann", "91234567", "");
	enroll(ctx, r1, other);
	enroll(ctx, r1, kari); /* waitlist 1 */
	enroll(ctx, r2, kari);
	struct ui_fixture f;
	lk_view *v = push(&f, ctx, &participant_detail_view, &kari);
	cr_assert_eq(v->ops, &participant_detail_view);
	title_is(v, "Participant: Kari Nordmann");
	lk_list *l = v->ops->list(v);
	cr_assert_eq(l->total, 2, "two places, one in each run");
	const char *c[LK_LIST_COLS_MAX];
	bool waiting = false, registered = false;
	for (int i = 0; i < 2; i++) {
		cells_of(l, i, c);
		waiting |= strcmp(c[0], "Leve med diabetes, Våren 2027") == 0 && strcmp(c[1], "waitlist 1") == 0;
		registered |= strcmp(c[0], "Leve med diabetes, Høsten 2027") == 0 && strcmp(c[1], "registered") == 0;
	}
	cr_assert(waiting && registered);
	/* The twin record (same name, same phone) is noticed for merging. */
	cr_assert_eq(raw_int(ctx, "SELECT count(*) FROM audit WHERE action = 'read_contact' AND entity_id = %lld", (long long)twin), 1,
		"the duplicate check read the twin's contact details, and logged it");
	ui_fini(&f.ui);

	lk_ctx *staff = tl_ctx_as(ctx, "vert", LK_ROLE_STAFF);
	char *before = snapshot(ctx);
	v = push(&f, staff, &participant_detail_view, &kari);
	cr_assert_eq(v->ops, &participant_detail_readonly);
	cr_assert_eq(v->ops->list(v)->total, 2, "staff see the places");
	cr_assert_eq(keys_lookup('M', v->ops->actions, false), LK_ACT_NONE);
	ui_fini(&f.ui);
	assert_unchanged(ctx, before);
	ctx_close(staff);
	ctx_close(ctx);
}

/* ---- import ---- */

static const char *sample_path(void)
{
	static const char *const tries[] = {"../shared/data/registration-export.csv",
		"/work/shared/data/registration-export.csv"};
	for (size_t i = 0; i < sizeof tries / sizeof tries[0]; i++) {
		FILE *f = fopen(tries[i], "rb");
		if (f) {
			fclose(f);
			return tries[i];
		}
	}
	return NULL;
}

static const char *write_file(const char *name, const char *text)
{
	static char path[512];
	snprintf(path, sizeof path, "%s/%s", tl_tmpdir(), name);
	FILE *f = fopen(path, "wb");
	cr_assert_not_null(f);
	fputs(text, f);
	fclose(f);
	return path;
}

Test(ui_participants, the_preview_writes_nothing_and_names_the_bad_rows)
{
	const char *path = sample_path();
	if (!path)
		cr_skip_test("../shared/data/registration-export.csv is not here");
	lk_ctx *ctx = tl_ctx();
	int64_t run = run_of(ctx, course_of(ctx, "Leve med diabetes"), "Våren 2027", "registration", 5);
	char *before = snapshot(ctx);
	lk_import_preview p;
	lk_err err;
	cr_assert_eq(import_preview_make(ctx, run, path, NULL, NULL, NULL, &p, &err), 0, "%s", err.msg);
	assert_unchanged(ctx, before);
	cr_assert_not(p.converted);
	cr_assert_eq(p.sum.rows, 11);
	cr_assert_eq(p.sum.bad, 1);
	cr_assert_eq(p.sum.already, 1, "Kari signed up twice");
	cr_assert_eq(p.sum.created, 9);
	cr_assert_eq(p.sum.registered, 5);
	cr_assert_eq(p.sum.waitlisted, 4);
	cr_assert_eq(p.nresults, 11);
	cr_assert_eq(p.n, 2);
	char *t0 = import_row_text(&p.rows[0]), *t1 = import_row_text(&p.rows[1]);
	cr_assert_str_eq(t0, "line 9: the same person as line 2; counted once.");
	cr_assert(strncmp(t1, "line 10: ", 9) == 0 && p.rows[1].result == LK_IMPORT_BAD, "%s", t1);
	free(t0);
	free(t1);

	/* Accepted: written as previewed, the bad row left out. */
	lk_import_summary sum;
	cr_assert_eq(import_preview_accept(ctx, &p, NULL, NULL, &sum, &err), 0, "%s", err.msg);
	cr_assert_eq(sum.created, 9);
	cr_assert_eq(raw_int(ctx, "SELECT count(*) FROM enrollment WHERE run_id = %lld AND status = 'registered'", (long long)run), 5);
	cr_assert_eq(raw_int(ctx, "SELECT count(*) FROM enrollment WHERE run_id = %lld AND status = 'waitlisted'", (long long)run), 4);
	import_preview_free(&p);
	ctx_close(ctx);
}

Test(ui_participants, an_import_comes_out_as_previewed_or_writes_nothing)
{
	lk_ctx *ctx = tl_ctx();
	int64_t run = run_of(ctx, course_of(ctx, "Hjerteskolen"), "Våren 2027", "registration", 2);
	const char *path = write_file("two.csv", "Navn;Telefon;Jeg deltar som\r\nÅse Ødegård;91234567;Pasient\r\nZhang Wei 张伟;40000001;pårørende\r\n");
	lk_import_preview p;
	lk_err err;
	cr_assert_eq(import_preview_make(ctx, run, path, NULL, NULL, NULL, &p, &err), 0, "%s", err.msg);
	cr_assert_eq(p.sum.registered, 2);
	/* Meanwhile someone takes a place: the second row would now wait. */
	enroll(ctx, run, participant(ctx, "Per Persen", "", ""));
	char *before = snapshot(ctx);
	lk_import_summary sum;
	cr_assert_eq(import_preview_accept(ctx, &p, NULL, NULL, &sum, &err), -1);
	cr_assert_eq(err.code, LK_ECONFLICT);
	cr_assert(strstr(err.msg, "Line 3 comes out otherwise than in the preview"), "%s", err.msg);
	assert_unchanged(ctx, before);
	import_preview_free(&p);

	/* A file that cannot be read names the File field. */
	cr_assert_eq(import_preview_make(ctx, run, "/nonexistent/x.csv", NULL, NULL, NULL, &p, &err), -1);
	cr_assert(strncmp(err.msg, "File: cannot read /nonexistent/x.csv", 36) == 0, "%s", err.msg);
	import_preview_free(&p);
	ctx_close(ctx);
}

Test(ui_participants, the_preview_screen_accepts_or_goes_back_without_writing)
{
	lk_ctx *ctx = tl_ctx();
	int64_t run = run_of(ctx, course_of(ctx, "Hjerteskolen"), "Våren 2027", "registration", 2);
	const char *path = write_file("cp1252.csv", "name,phone,category\n\xc5" "se \xd8" "deg\xe5" "rd,91234567,patient\n");
	struct ui_fixture f;
	lk_view *list = push(&f, ctx, &run_enroll_view, &run);
	for (int round = 0; round < 2; round++) {
		lk_import_preview *p = calloc(1, sizeof *p);
		lk_err err;
		cr_assert_eq(import_preview_make(ctx, run, path, NULL, NULL, NULL, p, &err), 0, "%s", err.msg);
		cr_assert(p->converted, "Windows-1252, converted");
		cr_assert_eq(ui_push(&f.ui, &import_preview_view, p, &f.err), 0, "%s", f.err.msg);
		lk_view *v = ui_top(&f.ui);
		title_is(v, "Preview of the import into Hjerteskolen, Våren 2027");
		char *before = snapshot(ctx);
		act(v, round == 0 ? LK_ACT_BACK : LK_ACT_ACCEPT);
		cr_assert_eq(ui_top(&f.ui), list);
		if (round == 0) {
			cr_assert_str_eq(f.ui.status, "Nothing was imported.");
			assert_unchanged(ctx, before);
		} else {
			free(before);
			cr_assert_str_eq(f.ui.status, "Imported: 1 new, 0 matched; 1 registered, 0 on the waitlist; 0 left out.");
		}
	}
	cr_assert_eq(raw_int(ctx, "SELECT count(*) FROM participant WHERE name = 'Åse Ødegård'"), 1);
	cr_assert_eq(list->ops->list(list)->total, 1, "the run's list re-read");
	ui_fini(&f.ui);
	ctx_close(ctx);
}
