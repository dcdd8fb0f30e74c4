/* test_ui_audit.c — the audit log screens: keys and help (pinned), rows and
 * texts with æøå and other scripts, the paged list over the core, the CSV
 * export (0600, both flavours, logged), and Home's Audit log section with
 * its privacy reminder count. No curses is started. */
#include <criterion/criterion.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "lmskurs/participant.h"
#include "lmskurs/role.h"
#include "lmskurs/ui/audit.h"
#include "lmskurs/ui/form.h"
#include "lmskurs/ui/home.h"
#include "lmskurs/ui/keys.h"
#include "testlib.h"

static void setup(void)
{
	setlocale(LC_ALL, "C.UTF-8");
}

TestSuite(ui_audit, .init = setup);

/* ---- keys and help ---- */

struct help_text {
	char buf[4096];
};

static void on_heading(void *arg, const char *group)
{
	strcat(((struct help_text *)arg)->buf, group);
	strcat(((struct help_text *)arg)->buf, "\n");
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

static char *help_of(const lk_view_ops *v)
{
	static struct help_text t;
	memset(&t, 0, sizeof t);
	lk_help_sink sink = {on_heading, on_entry, &t};
	keys_help(v->actions, v->text_entry, &sink);
	return t.buf;
}

Test(ui_audit, the_list_help_is_pinned)
{
	cr_assert_str_eq(help_of(&audit_view),
		"Moving\n"
		"  Up, k | Move up one row\n"
		"  Down, j | Move down one row\n"
		"  PgUp | Move up one page\n"
		"  PgDn | Move down one page\n"
		"  Home, g | Go to the first row\n"
		"  End, G | Go to the last row\n"
		"Screens\n"
		"  Enter | Open the selected entry\n"
		"  Esc, q | Go back to the previous screen\n"
		"  / | Filter the list as you type; Enter keeps the filter, Esc clears it\n"
		"  F | Show only the entries of a period, or about one participant (a small form)\n"
		"  x | Write the entries shown to a CSV file readable only by you (asks for the file name); the export is itself logged\n"
		"  v | Check the log's hash chain: whether an entry was changed or removed after it was written\n"
		"Everywhere\n"
		"  ?, F1 | Show the keys of this screen\n"
		"  Ctrl-L | Redraw the screen\n"
		"  Ctrl-Z | Suspend to the shell (fg comes back)\n"
		"  Ctrl-C | Quit lmskurs\n");
}

Test(ui_audit, the_entry_help_is_pinned)
{
	cr_assert_str_eq(help_of(&audit_entry_view),
		"Screens\n"
		"  Esc, q | Go back to the previous screen\n"
		"Everywhere\n"
		"  ?, F1 | Show the keys of this screen\n"
		"  Ctrl-L | Redraw the screen\n"
		"  Ctrl-Z | Suspend to the shell (fg comes back)\n"
		"  Ctrl-C | Quit lmskurs\n");
}

Test(ui_audit, keys_do_not_clash_and_hints_read_well)
{
	const lk_view_ops *views[] = {&audit_view, &audit_entry_view, &audit_filter_view, &audit_export_view};
	for (size_t i = 0; i < sizeof views / sizeof views[0]; i++) {
		lk_action a, b;
		cr_assert_eq(keys_clash(views[i]->actions, views[i]->text_entry, &a, &b), 0, "%s: %s and %s share a key",
			views[i]->name, keys_action(a)->name, keys_action(b)->name);
	}
	char *h = keys_hint_line(audit_view.hints, false, true);
	cr_assert_str_eq(h, "Enter open  / filter  F period  x export  v verify  Esc back  ? help");
	free(h);
	cr_assert(audit_filter_view.text_entry && audit_export_view.text_entry, "forms take typed text");
	cr_assert_eq(audit_filter_view.actions, form_actions);
	cr_assert_str_eq(audit_view.name, "audit");
	cr_assert_not_null(audit_view.list, "a list view: the driver moves and filters");
}

/* ---- rows and texts ---- */

static lk_audit_entry entry(void)
{
	return (lk_audit_entry){.id = 42, .at = "2027-03-04T12:30:05", .login = "åse.ødegård", .role = "staff",
		.action = "correct", .entity = "attendance", .entity_id = 7,
		.detail = "enrollment 3: absent -> excused; reason: ringte, sa 病了",
		.hash = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"};
}

Test(ui_audit, a_row_has_its_cells)
{
	lk_audit_entry e = entry();
	lk_audit_row *r = audit_row_new(&e);
	cr_assert_not_null(r);
	cr_assert_str_eq(r->when, "Thu 04.03.2027 wk 9 12:30");
	cr_assert_str_eq(r->role, "staff");
	cr_assert_str_eq(r->record, "attendance 7");
	cr_assert_str_eq(r->e.login, "åse.ødegård");
	cr_assert_neq(r->e.detail, e.detail, "a copy");
	cr_assert_eq(audit_list_ops.row_id(r), 42);
	const char *cells[6];
	cr_assert_eq(audit_list_ops.row_cells(r, cells), LK_STYLE_NORMAL);
	cr_assert_str_eq(cells[3], "correct");
	cr_assert_str_eq(cells[5], e.detail);
	audit_row_free(r);
	e.entity_id = 0;
	e.entity = "database";
	e.at = "not a time";
	r = audit_row_new(&e);
	cr_assert_str_eq(r->record, "database", "no number when there is none");
	cr_assert_str_eq(r->when, "not a time", "shown as it is when it does not read");
	audit_row_free(r);
}

Test(ui_audit, the_entry_in_full)
{
	lk_audit_entry e = entry();
	char *t = audit_entry_text(&e);
	cr_assert_str_eq(t,
		"Entry: 42\n"
		"When: Thu 04.03.2027 wk 9 12:30 (2027-03-04T12:30:05)\n"
		"Who: åse.ødegård (staff)\n"
		"Action: correct\n"
		"Record: attendance 7\n"
		"Detail: enrollment 3: absent -> excused; reason: ringte, sa 病了\n"
		"Hash: 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
	free(t);
	e.hash = "";
	e.detail = "";
	t = audit_entry_text(&e);
	cr_assert(strstr(t, "Detail: –\n"), "%s", t);
	cr_assert(strstr(t, "Hash: none (written before the chain began)"), "%s", t);
	free(t);
}

Test(ui_audit, the_filter_in_words)
{
	lk_audit_filter f = {0};
	char *w = audit_filter_words(&f);
	cr_assert_str_eq(w, "");
	free(w);
	f.from = (lk_date){2027, 3, 1};
	f.to = (lk_date){2027, 3, 31};
	f.participant_id = 7;
	w = audit_filter_words(&f);
	cr_assert_str_eq(w, "from 01.03.2027 to 31.03.2027, participant no. 7");
	free(w);
	f.from = (lk_date){0, 0, 0};
	w = audit_filter_words(&f);
	cr_assert_str_eq(w, "up to 31.03.2027, participant no. 7");
	free(w);
	f = (lk_audit_filter){.from = {2027, 3, 1}};
	w = audit_filter_words(&f);
	cr_assert_str_eq(w, "from 01.03.2027");
	free(w);
}

Test(ui_audit, the_chain_verdict_in_words)
{
	lk_audit_verdict v = {.state = LK_CHAIN_INTACT, .entries = 1234, .unchained = 0};
	strcpy(v.head, "143b48293c751e189d83bf2061678b3fd2aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
	char *t = audit_verdict_text(&v);
	cr_assert_str_eq(t, "The audit log is intact: 1234 entries; the newest hash begins 143b48293c751e18.");
	free(t);
	v.unchained = 1;
	v.entries = 1;
	t = audit_verdict_text(&v);
	cr_assert_str_eq(t, "The audit log is intact: 1 entry (and 1 older entry from before the chain); the newest hash begins 143b48293c751e18.");
	free(t);
	v.state = LK_CHAIN_MISMATCH;
	strcpy(v.line, "audit log: entry 9 does not match the chain");
	t = audit_verdict_text(&v);
	cr_assert_str_eq(t, v.line);
	free(t);
}

/* ---- the list over the core ---- */

static int64_t mk(lk_ctx *ctx, const char *name)
{
	lk_err err;
	lk_participant p = {.name = (char *)name, .phone = "91234567"};
	cr_assert_eq(participant_create(ctx, &p, &err), 0, "%s", err.msg);
	return p.id;
}

Test(ui_audit, the_list_pages_and_filters_through_the_core)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	for (int i = 0; i < 60; i++) {
		char name[48];
		snprintf(name, sizeof name, "Deltaker %d Ødegård", i);
		mk(ctx, name);
	}
	lk_audit_source src = {.ctx = ctx};
	lk_list l;
	list_init(&l, &audit_list_ops, &src);
	list_set_height(&l, 10);
	cr_assert_eq(list_reload(&l, &err), 0, "%s", err.msg);
	cr_assert_eq(l.total, 61, "60 participants and the first coordinator");
	cr_assert_lt(l.fetched, 61, "a window, not every row");
	const lk_audit_row *r = list_selected(&l);
	cr_assert_eq(r->e.entity_id, 60, "newest first");
	cr_assert_eq(list_set_filter(&l, "app_user", &err), 0, "%s", err.msg);
	cr_assert_eq(l.total, 1);
	cr_assert_eq(list_set_filter(&l, NULL, &err), 0);
	src.f.participant_id = 5;
	cr_assert_eq(list_reload(&l, &err), 0);
	cr_assert_eq(l.total, 1);
	cr_assert_eq(((const lk_audit_row *)list_selected(&l))->e.entity_id, 5);
	src.f = (lk_audit_filter){.from = {2027, 2, 1}};
	cr_assert_eq(list_reload(&l, &err), 0);
	cr_assert_eq(l.total, 0, "nothing after the clock's day");
	list_fini(&l);
	/* Staff get the core's refusal, not rows. */
	lk_ctx *staff = tl_ctx_as(ctx, "vert", LK_ROLE_STAFF);
	src = (lk_audit_source){.ctx = staff};
	list_init(&l, &audit_list_ops, &src);
	cr_assert_eq(list_reload(&l, &err), -1);
	cr_assert_eq(err.code, LK_EPERM);
	list_fini(&l);
	ctx_close(staff);
	ctx_close(ctx);
}

/* ---- the CSV file ---- */

static char *slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	cr_assert_not_null(f, "%s", path);
	char *buf = calloc(1, 1 << 16);
	*n = fread(buf, 1, (1 << 16) - 1, f);
	fclose(f);
	return buf;
}

Test(ui_audit, export_writes_a_private_csv_and_is_logged)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t a = mk(ctx, "Åse Ødegård");
	mk(ctx, "Zhang Wei 张伟");
	char path[512];
	snprintf(path, sizeof path, "%s/audit.csv", tl_tmpdir());
	lk_audit_filter f = {.participant_id = a};
	int64_t n = 0;
	cr_assert_eq(audit_write_csv(ctx, &f, path, false, &n, &err), 0, "%s", err.msg);
	cr_assert_eq(n, 1);
	struct stat sb;
	cr_assert_eq(stat(path, &sb), 0);
	cr_assert_eq(sb.st_mode & 0777, 0600);
	size_t len;
	char *csv = slurp(path, &len);
	char want[512];
	snprintf(want, sizeof want, "id,at,login,role,action,entity,entity_id,detail,hash\r\n"
		"2,2027-01-10T09:00:00,koord,coordinator,create,participant,%lld,,", (long long)a);
	cr_assert(strncmp(csv, want, strlen(want)) == 0, "%s", csv);
	cr_assert_null(strstr(csv, "Åse"), "never a name");
	free(csv);
	/* Excel: a BOM and semicolons; everything, oldest first. */
	cr_assert_eq(audit_write_csv(ctx, NULL, path, true, &n, &err), 0, "%s", err.msg);
	cr_assert_eq(n, 4, "the first coordinator, two participants, the first export");
	csv = slurp(path, &len);
	cr_assert(strncmp(csv, "\xef\xbb\xbfid;at;login;", 15) == 0, "%.20s", csv);
	cr_assert(strstr(csv, ";export;audit;;participant 1, 1 entries;"), "%s", csv);
	free(csv);
	/* Refusals write nothing: staff, and a folder that is not there. */
	lk_ctx *staff = tl_ctx_as(ctx, "vert", LK_ROLE_STAFF);
	char other[600];
	snprintf(other, sizeof other, "%s-staff", path);
	cr_assert_eq(audit_write_csv(staff, NULL, other, false, &n, &err), -1);
	cr_assert_eq(err.code, LK_EPERM);
	cr_assert_neq(stat(other, &sb), 0, "no file for a refusal");
	ctx_close(staff);
	snprintf(other, sizeof other, "%s/no/such/folder/a.csv", tl_tmpdir());
	cr_assert_eq(audit_write_csv(ctx, NULL, other, false, &n, &err), -1);
	cr_assert_eq(err.code, LK_EIO);
	ctx_close(ctx);
}

/* ---- Home: the section and the privacy reminder ---- */

static void close_old_run(lk_ctx *ctx, int64_t who)
{
	sqlite3 *h;
	cr_assert_eq(sqlite3_open(tl_db_path(ctx), &h), SQLITE_OK);
	char *sql = sqlite3_mprintf(
		"INSERT INTO course (id, title, audience, phase, created_at, updated_at) VALUES"
		" (1, 'Leve med diabetes', 'both', 'active', '2025-01-01T00:00:00', '2025-01-01T00:00:00');"
		"INSERT INTO run (id, course_id, title, phase, closed_at, created_at) VALUES"
		" (1, 1, 'Våren 2025', 'closed', '2025-06-01T10:00:00', '2025-01-01T00:00:00');"
		"INSERT INTO enrollment (run_id, participant_id, category, status, requested_at, placed_at) VALUES"
		" (1, %lld, 'patient', 'registered', '2025-01-02T00:00:00', '2025-01-02T00:00:00');"
		"UPDATE participant SET created_at = '2025-01-01T00:00:00' WHERE id = %lld;", (long long)who,
		(long long)who);
	cr_assert_eq(sqlite3_exec(h, sql, NULL, NULL, NULL), SQLITE_OK, "%s", sqlite3_errmsg(h));
	sqlite3_free(sql);
	sqlite3_close(h);
}

Test(ui_audit, home_shows_the_section_to_coordinators_with_what_is_due)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	lk_home_section s[LK_HOME_SECTIONS];
	int n = home_sections(LK_ROLE_COORDINATOR, s);
	cr_assert_eq(s[n - 1], LK_HOME_AUDIT);
	cr_assert_str_eq(home_section_label(LK_HOME_AUDIT), "Audit log");
	for (lk_role r = LK_ROLE_USER_REP; r <= LK_ROLE_STAFF; r++) {
		n = home_sections(r, s);
		for (int i = 0; i < n; i++)
			cr_assert_neq(s[i], LK_HOME_AUDIT, "%s sees the audit log", role_code(r));
	}
	int64_t who = mk(ctx, "Åse Ødegård");
	mk(ctx, "Kari Nordmann");
	lk_home h;
	cr_assert_eq(home_read(ctx, &h, &err), 0, "%s", err.msg);
	cr_assert_eq(h.count[LK_HOME_AUDIT], 0, "nobody due yet");
	home_free(&h);
	close_old_run(ctx, who);
	cr_assert_eq(home_read(ctx, &h, &err), 0, "%s", err.msg);
	cr_assert_eq(h.count[LK_HOME_AUDIT], 1, "the one whose run closed in 2025");
	home_free(&h);
	lk_ctx *staff = tl_ctx_as(ctx, "vert", LK_ROLE_STAFF);
	cr_assert_eq(home_read(staff, &h, &err), 0, "%s", err.msg);
	cr_assert_eq(h.count[LK_HOME_AUDIT], 0, "staff are not told (nor may they act on it)");
	home_free(&h);
	ctx_close(staff);
	ctx_close(ctx);
}
