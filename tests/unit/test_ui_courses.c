/* The Courses screens without a terminal: the keys each screen and each
 * tab of a course offers (help pinned, no key on two actions, hints
 * offered), what a role sees of them, and the lists of the tabs read
 * through the core from a real database, paging included. */
#include <criterion/criterion.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/course.h"
#include "lmskurs/meeting.h"
#include "lmskurs/run.h"
#include "lmskurs/ui/courses.h"
#include "lmskurs/ui/form.h"
#include "lmskurs/ui/keys.h"
#include "testlib.h"

static void utf8_locale(void)
{
	setlocale(LC_ALL, "C.UTF-8");
}

TestSuite(ui_courses, .init = utf8_locale);

/* ---- keys ---- */

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

static void help_of(const lk_action *actions, bool text_entry, struct help_text *t)
{
	t->buf[0] = 0;
	lk_help_sink sink = {on_heading, on_entry, t};
	keys_help(actions, text_entry, &sink);
}

static bool offers(const lk_action *actions, lk_action a)
{
	for (; *actions; actions++)
		if (*actions == a)
			return true;
	return false;
}

static void assert_sound(const char *name, const lk_action *actions, const lk_action *hints, bool text_entry)
{
	lk_action a, b;
	lk_key k = keys_clash(actions, text_entry, &a, &b);
	cr_assert_eq(k, 0, "%s: key %d is %s and %s", name, k, keys_action(a)->name, keys_action(b)->name);
	for (const lk_action *h = hints; *h; h++)
		cr_assert(keys_action(*h)->group == LK_GROUP_GLOBAL || offers(actions, *h),
			"%s hints %s without offering it", name, keys_action(*h)->name);
}

static const char everywhere[] =
	"Everywhere\n"
	"  ?, F1 | Show the keys of this screen\n"
	"  Ctrl-L | Redraw the screen\n"
	"  Ctrl-Z | Suspend to the shell (fg comes back)\n"
	"  Ctrl-C | Quit lmskurs\n";

static const char moving[] =
	"Moving\n"
	"  Up, k | Move up one row\n"
	"  Down, j | Move down one row\n"
	"  PgUp | Move up one page\n"
	"  PgDn | Move down one page\n"
	"  Home, g | Go to the first row\n"
	"  End, G | Go to the last row\n";

Test(ui_courses, help_of_the_catalogue_is_pinned)
{
	struct help_text t;
	char want[4096];
	help_of(courses_view.actions, false, &t);
	snprintf(want, sizeof want, "%s%s", moving,
		"Screens\n"
		"  Enter | Open the selected entry\n"
		"  Esc, q | Go back to the previous screen\n"
		"  / | Filter the list as you type; Enter keeps the filter, Esc clears it\n"
		"  f | Show only one phase; each press the next phase, then all again\n"
		"  u | Show only one audience; each press the next audience, then all again\n"
		"Changing\n"
		"  a | Add a new entry\n"
		"  e | Edit the selected entry\n"
		"  d | Delete the selected entry (asks first)\n");
	strcat(want, everywhere);
	cr_assert_str_eq(t.buf, want);
	char *h = keys_hint_line(courses_view.hints, false, true);
	cr_assert_str_eq(h, "Enter open  a add  d delete  / filter  f phase  u audience  Esc back  ? help");
	free(h);
}

Test(ui_courses, help_of_a_course_is_pinned)
{
	struct help_text t;
	char want[4096];
	help_of(course_view.actions, false, &t);
	snprintf(want, sizeof want, "%s%s", moving,
		"Screens\n"
		"  Esc, q | Go back to the previous screen\n"
		"  Tab | Show the next tab\n"
		"  Shift-Tab | Show the previous tab\n"
		"  1 | Show a tab by its number: 1 the first, 2 the second …\n"
		"Changing\n"
		"  e | Edit the selected entry\n"
		"  d | Delete the selected entry (asks first)\n");
	strcat(want, everywhere);
	cr_assert_str_eq(t.buf, want);
	char *h = keys_hint_line(course_view.hints, false, true);
	cr_assert_str_eq(h, "e edit  d delete  Tab next tab  Esc back  ? help");
	free(h);
}

Test(ui_courses, the_first_tab_offers_what_course_view_declares)
{
	lk_role_ops o;
	course_tab_ops(&o, 0, LK_ROLE_COORDINATOR);
	int n = 0;
	for (; course_view.actions[n]; n++)
		cr_assert(offers(o.actions, course_view.actions[n]), "%s", keys_action(course_view.actions[n])->name);
	int m = 0;
	while (o.actions[m])
		m++;
	cr_assert_eq(n, m);
	cr_assert_str_eq(o.ops.name, "course");
}

Test(ui_courses, the_checklist_tab_help_is_pinned)
{
	lk_role_ops o;
	struct help_text t;
	course_tab_ops(&o, 3, LK_ROLE_COORDINATOR);
	cr_assert_str_eq(course_tabs[3]->label, "Checklist and phase");
	help_of(o.ops.actions, false, &t);
	char want[4096];
	snprintf(want, sizeof want, "%s%s", moving,
		"Screens\n"
		"  Enter | Open the selected entry\n"
		"  Esc, q | Go back to the previous screen\n"
		"  Tab | Show the next tab\n"
		"  Shift-Tab | Show the previous tab\n"
		"  1 | Show a tab by its number: 1 the first, 2 the second …\n"
		"Changing\n"
		"  a | Add a new entry\n"
		"  d | Delete the selected entry (asks first)\n"
		"  Space | Tick or untick the selected entry\n"
		"  > | Move to the next phase (first says what the phase still needs)\n"
		"  < | Move back one phase to fix something\n"
		"  R | Retire the course: no new runs, and it can be taken up again\n");
	strcat(want, everywhere);
	cr_assert_str_eq(t.buf, want);
	char *h = keys_hint_line(o.ops.hints, false, true);
	cr_assert_str_eq(h, "Space tick  > next phase  < phase back  a add  Tab next tab  Esc back  ? help");
	free(h);
}

Test(ui_courses, the_session_plan_tab_moves_parts_with_capital_k_and_j)
{
	lk_role_ops o;
	course_tab_ops(&o, 2, LK_ROLE_COORDINATOR);
	cr_assert_eq(keys_lookup('K', o.ops.actions, false), LK_ACT_ITEM_UP);
	cr_assert_eq(keys_lookup('J', o.ops.actions, false), LK_ACT_ITEM_DOWN);
	cr_assert_eq(keys_lookup('k', o.ops.actions, false), LK_ACT_MOVE_UP);
	cr_assert_eq(keys_lookup('j', o.ops.actions, false), LK_ACT_MOVE_DOWN);
	char *h = keys_hint_line(o.ops.hints, false, true);
	cr_assert_str_eq(h, "a add  e edit  d delete  K move up  J move down  Tab next tab  Esc back  ? help");
	free(h);
}

Test(ui_courses, every_screen_and_tab_is_sound)
{
	assert_sound("courses", courses_view.actions, courses_view.hints, false);
	assert_sound("course", course_view.actions, course_view.hints, false);
	assert_sound("meeting", course_meeting_view.actions, course_meeting_view.hints, false);
	for (int i = 0; i < LK_COURSE_TABS; i++)
		for (int r = LK_ROLE_COORDINATOR; r <= LK_ROLE_STAFF; r++) {
			lk_role_ops o;
			course_tab_ops(&o, i, (lk_role)r);
			assert_sound(course_tabs[i]->label, o.ops.actions, o.ops.hints, false);
			cr_assert(offers(o.ops.actions, LK_ACT_BACK), "%s: Esc goes back", course_tabs[i]->label);
			cr_assert(offers(o.ops.actions, LK_ACT_TAB_NEXT));
		}
	const lk_view_ops *forms[] = {&course_form_view, &course_part_form_view, &course_meeting_form_view,
		&course_run_form_view, &course_revision_form_view, &course_checklist_form_view};
	for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
		cr_assert(forms[i]->text_entry, "%s", forms[i]->name);
		assert_sound(forms[i]->name, forms[i]->actions, forms[i]->hints, true);
	}
}

Test(ui_courses, tab_labels_are_the_seven_of_the_design)
{
	const char *want[] = {"Overview", "Planning group", "Session plan", "Checklist and phase",
		"Meetings", "Runs", "Revisions"};
	for (int i = 0; i < LK_COURSE_TABS; i++)
		cr_assert_str_eq(course_tabs[i]->label, want[i]);
}

/* ---- roles ---- */

static const lk_action changing[] = {
	LK_ACT_ADD, LK_ACT_EDIT, LK_ACT_DELETE, LK_ACT_TOGGLE, LK_ACT_ITEM_UP, LK_ACT_ITEM_DOWN,
	LK_ACT_PHASE_NEXT, LK_ACT_PHASE_BACK, LK_ACT_RETIRE, 0,
};

Test(ui_courses, others_than_coordinators_see_no_changing_keys)
{
	lk_role_ops o;
	for (int r = LK_ROLE_USER_REP; r <= LK_ROLE_STAFF; r++) {
		courses_role_ops(&o, &courses_view, NULL, NULL, (lk_role)r);
		for (const lk_action *c = changing; *c; c++) {
			cr_assert_not(offers(o.actions, *c), "role %d: %s", r, keys_action(*c)->name);
			cr_assert_not(offers(o.hints, *c), "role %d hint: %s", r, keys_action(*c)->name);
		}
		cr_assert(offers(o.actions, LK_ACT_OPEN) && offers(o.actions, LK_ACT_FILTER_PHASE));
		for (int i = 0; i < LK_COURSE_TABS; i++) {
			course_tab_ops(&o, i, (lk_role)r);
			for (const lk_action *c = changing; *c; c++)
				cr_assert_not(offers(o.actions, *c), "%s, role %d: %s", course_tabs[i]->label, r,
					keys_action(*c)->name);
		}
	}
	char *h = keys_hint_line(o.hints, false, true);
	cr_assert_str_eq(h, "Tab next tab  Esc back  ? help", "the Revisions tab of a staff member");
	free(h);
}

Test(ui_courses, a_coordinator_keeps_every_key)
{
	lk_role_ops o;
	courses_role_ops(&o, &courses_view, NULL, NULL, LK_ROLE_COORDINATOR);
	int n = 0;
	for (; courses_view.actions[n]; n++)
		cr_assert_eq(o.actions[n], courses_view.actions[n]);
	cr_assert_eq(o.actions[n], LK_ACT_NONE);
	cr_assert_eq(o.ops.actions, o.actions, "the copy points at its own arrays");
	cr_assert_eq(o.ops.request, courses_view.request);
}

/* ---- the tabs' lists, read from a real database ---- */

typedef struct fixture {
	lk_ctx *ctx;
	lk_ui ui;
	lk_course_page page;
	int64_t course, prof, rep;
} fixture;

static void fixture_open(fixture *f)
{
	lk_err err;
	memset(f, 0, sizeof *f);
	f->ctx = tl_ctx();
	f->ui.ctx = f->ctx;
	f->prof = tl_person(f->ctx, "Ingrid Sæther-Øvrebø", LK_PROFESSIONAL);
	f->rep = tl_person(f->ctx, "Ahmad Karimi كريمي", LK_USER_REP);
	lk_course c = {.title = "Leve med hjertesvikt – pårørende", .audience = LK_AUDIENCE_RELATIVES,
		.owner_id = f->prof};
	cr_assert_eq(course_create(f->ctx, &c, &err), 0, "%s", err.msg);
	f->course = c.id;
	f->page.ui = &f->ui;
	f->page.id = c.id;
}

static void fixture_close(fixture *f)
{
	if (course_tab_checklist.forget)
		course_tab_checklist.forget(&f->page);
	course_free(&f->page.course);
	list_fini(&f->page.list);
	ctx_close(f->ctx);
}

static void open_tab(fixture *f, const lk_course_tab *t)
{
	lk_err err;
	list_fini(&f->page.list);
	list_init(&f->page.list, t->list_ops, &f->page);
	list_set_height(&f->page.list, 10);
	course_free(&f->page.course);
	cr_assert_eq(course_get(f->page.ui->ctx, f->course, &f->page.course, &err), 0, "%s", err.msg);
	if (t->forget)
		t->forget(&f->page);
	if (t->reload)
		cr_assert_eq(t->reload(&f->page, &err), 0, "%s", err.msg);
	cr_assert_eq(list_reload(&f->page.list, &err), 0, "%s", err.msg);
}

static const char **cells_of(const lk_list *l, int64_t i, const char **cells)
{
	const void *row = list_row(l, i);
	cr_assert_not_null(row, "row %lld", (long long)i);
	l->ops->row_cells(row, cells);
	return cells;
}

static void add_part(fixture *f, const char *topic, int minutes, lk_part_needs needs)
{
	lk_err err;
	lk_course_part p = {.course_id = f->course, .topic = (char *)topic, .minutes = minutes, .needs = needs};
	cr_assert_eq(course_part_add(f->ctx, &p, &err), 0, "%s", err.msg);
}

Test(ui_courses, planning_group_lists_members_and_counts_both_kinds)
{
	fixture f;
	lk_err err;
	const char *cells[LK_LIST_COLS_MAX];
	fixture_open(&f);
	open_tab(&f, &course_tab_group);
	cr_assert_eq(f.page.list.total, 0);
	cr_assert_eq(f.page.n_prof + f.page.n_rep, 0);
	cr_assert_eq(course_member_add(f.ctx, f.course, f.rep, "leder plangruppen", &err), 0, "%s", err.msg);
	cr_assert_eq(course_member_add(f.ctx, f.course, f.prof, NULL, &err), 0, "%s", err.msg);
	open_tab(&f, &course_tab_group);
	cr_assert_eq(f.page.n_prof, 1);
	cr_assert_eq(f.page.n_rep, 1);
	cr_assert_eq(f.page.list.total, 2);
	cells_of(&f.page.list, 0, cells);
	cr_assert_str_eq(cells[0], "Ingrid Sæther-Øvrebø", "professionals first");
	cr_assert_str_eq(cells[1], "professional");
	cells_of(&f.page.list, 1, cells);
	cr_assert_str_eq(cells[0], "Ahmad Karimi كريمي");
	cr_assert_str_eq(cells[1], "user representative");
	cr_assert_str_eq(cells[3], "leder plangruppen");
	fixture_close(&f);
}

Test(ui_courses, a_page_is_cut_from_a_streamed_list)
{
	fixture f;
	lk_err err;
	const char *cells[LK_LIST_COLS_MAX];
	fixture_open(&f);
	add_part(&f, "Hva er hjertesvikt?", 90, LK_NEEDS_BOTH);
	add_part(&f, "Kosthold og væske", 45, LK_NEEDS_PROFESSIONAL);
	add_part(&f, "Å leve med det – erfaringer", 120, LK_NEEDS_USER_REP);
	open_tab(&f, &course_tab_plan);
	cr_assert_eq(f.page.n_parts, 3);
	cr_assert_eq(f.page.minutes, 255);
	lk_list *l = &f.page.list;
	cr_assert_eq(l->total, 3);
	cells_of(l, 0, cells);
	cr_assert_str_eq(cells[0], "1");
	cr_assert_str_eq(cells[2], "1 h 30 min");
	cr_assert_str_eq(cells[3], "professional and user representative");
	cells_of(l, 2, cells);
	cr_assert_str_eq(cells[1], "Å leve med det – erfaringer");
	cr_assert_str_eq(cells[2], "2 h");
	/* One row from the middle: only that row is handed over. */
	list_fini(l);
	list_init(l, course_tab_plan.list_ops, &f.page);
	cr_assert_eq(l->ops->fetch(l, (lk_page){.offset = 1, .limit = 1}, &err), 0, "%s", err.msg);
	cr_assert_eq(l->nrows, 1);
	cr_assert_str_eq(((const lk_course_part *)l->rows[0])->topic, "Kosthold og væske");
	fixture_close(&f);
}

struct item_id {
	int64_t id, version;
};

static int take_first(void *arg, const lk_checklist_item *it)
{
	struct item_id *x = arg;
	x->id = it->id;
	x->version = it->version;
	return 1;
}

Test(ui_courses, checklist_tab_shows_the_current_phase_and_who_ticked)
{
	fixture f;
	lk_err err;
	const char *cells[LK_LIST_COLS_MAX];
	fixture_open(&f);
	open_tab(&f, &course_tab_checklist);
	lk_list *l = &f.page.list;
	cr_assert_gt(l->total, 0, "the idea phase has its template items");
	cells_of(l, 0, cells);
	cr_assert_str_eq(cells[0], "[ ]");
	cr_assert_str_eq(cells[2], "");
	struct item_id x = {0};
	cr_assert_eq(checklist_list(f.ctx, (lk_owner){.course_id = f.course}, "idea", take_first, &x, &err), 0);
	cr_assert_eq(checklist_set_done(f.ctx, x.id, x.version, true, &err), 0, "%s", err.msg);
	open_tab(&f, &course_tab_checklist);
	cells_of(l, 0, cells);
	cr_assert_str_eq(cells[0], "[x]");
	cr_assert_str_eq(cells[2], "koord 10.01.2027 09:00");
	cr_assert_eq(f.page.n_overrides, 0);
	/* A gate passed with a reason shows with that reason; the active
	 * phase has no checklist, so its list is empty. */
	cr_assert_eq(course_set_phase(f.ctx, f.course, LK_COURSE_PLANNING, "Vedtak kommer i mars – Åse", NULL, &err), 0, "%s", err.msg);
	course_member_add(f.ctx, f.course, f.prof, NULL, &err);
	course_member_add(f.ctx, f.course, f.rep, NULL, &err);
	add_part(&f, "Hva er hjertesvikt?", 90, LK_NEEDS_BOTH);
	cr_assert_eq(course_set_phase(f.ctx, f.course, LK_COURSE_ACTIVE, "Plangruppen er enig", NULL, &err), 0, "%s", err.msg);
	open_tab(&f, &course_tab_checklist);
	cr_assert_eq(f.page.course.phase, LK_COURSE_ACTIVE);
	cr_assert_eq(l->total, 0);
	cr_assert_eq(f.page.n_overrides, 2);
	cr_assert(strstr(f.page.overrides[0], "planning → active"), "%s", f.page.overrides[0]);
	cr_assert(strstr(f.page.overrides[0], "\"Plangruppen er enig\""), "%s", f.page.overrides[0]);
	cr_assert(strstr(f.page.overrides[1], "\"Vedtak kommer i mars – Åse\""), "%s", f.page.overrides[1]);
	course_tab_checklist.forget(&f.page);
	cr_assert_eq(f.page.n_overrides, 0);
	cr_assert_null(f.page.overrides);
	fixture_close(&f);
}

Test(ui_courses, runs_tab_says_pairing_in_words)
{
	fixture f;
	lk_err err;
	const char *cells[LK_LIST_COLS_MAX];
	fixture_open(&f);
	course_member_add(f.ctx, f.course, f.prof, NULL, &err);
	course_member_add(f.ctx, f.course, f.rep, NULL, &err);
	add_part(&f, "Hva er hjertesvikt?", 90, LK_NEEDS_BOTH);
	add_part(&f, "Hverdagen", 60, LK_NEEDS_BOTH);
	cr_assert_eq(course_set_phase(f.ctx, f.course, LK_COURSE_PLANNING, "x", NULL, &err), 0, "%s", err.msg);
	cr_assert_eq(course_set_phase(f.ctx, f.course, LK_COURSE_ACTIVE, "x", NULL, &err), 0, "%s", err.msg);
	lk_run r = {.course_id = f.course, .title = "Våren 2027", .capacity = 12};
	cr_assert_eq(run_create(f.ctx, &r, &err), 0, "%s", err.msg);
	open_tab(&f, &course_tab_runs);
	cells_of(&f.page.list, 0, cells);
	cr_assert_str_eq(cells[0], "Våren 2027");
	cr_assert_str_eq(cells[1], "—");
	cr_assert_str_eq(cells[3], "no sessions yet");
	cr_assert_str_eq(cells[4], "0 of 12");
	lk_schedule s = {.first = {2027, 4, 22}, .every_weeks = 1, .hour = 17, .minute = 0};
	cr_assert_eq(run_schedule(f.ctx, r.id, &s, &err), 2, "%s", err.msg);
	open_tab(&f, &course_tab_runs);
	cells_of(&f.page.list, 0, cells);
	cr_assert_str_eq(cells[1], "Thu 22.04.2027 wk 16");
	cr_assert_str_eq(cells[3], "! 2 of 2 unpaired");
	fixture_close(&f);
}

Test(ui_courses, meetings_and_revisions_tabs_list_newest_first)
{
	fixture f;
	lk_err err;
	const char *cells[LK_LIST_COLS_MAX];
	fixture_open(&f);
	lk_meeting m1 = {.course_id = f.course, .kind = LK_MEETING_PLANNING, .starts_at = "2027-01-12T12:00",
		.ends_at = "2027-01-12T14:00", .place = "Møterom Ø"};
	lk_meeting m2 = m1;
	m2.starts_at = "2027-02-02T09:00";
	m2.ends_at = "2027-02-02T10:30";
	cr_assert_eq(meeting_create(f.ctx, &m1, &err), 0, "%s", err.msg);
	cr_assert_eq(meeting_create(f.ctx, &m2, &err), 0, "%s", err.msg);
	cr_assert_eq(meeting_attendee_add(f.ctx, m2.id, f.rep, true, &err), 0, "%s", err.msg);
	open_tab(&f, &course_tab_meetings);
	cr_assert_eq(f.page.list.total, 2);
	cells_of(&f.page.list, 0, cells);
	cr_assert_str_eq(cells[0], "Tue 02.02.2027 wk 5");
	cr_assert_str_eq(cells[1], "09:00–10:30");
	cr_assert_str_eq(cells[2], "planning meeting");
	cr_assert_str_eq(cells[3], "Møterom Ø");
	cr_assert_str_eq(cells[4], "1");
	open_tab(&f, &course_tab_revisions);
	cr_assert_eq(f.page.list.total, 0);
	fixture_close(&f);
}

Test(ui_courses, lists_need_only_read_rights)
{
	fixture f;
	lk_err err;
	fixture_open(&f);
	course_member_add(f.ctx, f.course, f.prof, NULL, &err);
	lk_ctx *staff = tl_ctx_as(f.ctx, "vert", LK_ROLE_STAFF);
	f.ui.ctx = staff;
	open_tab(&f, &course_tab_group);
	cr_assert_eq(f.page.list.total, 1);
	open_tab(&f, &course_tab_checklist);
	cr_assert_gt(f.page.list.total, 0);
	f.ui.ctx = f.ctx;
	ctx_close(staff);
	fixture_close(&f);
}

Test(ui_courses, forms_open_texts_of_several_lines_at_their_start)
{
	lk_form f;
	form_init(&f);
	cr_assert_eq(form_add_text(&f, LK_FIELD_TEXT, "Title", true, "Åse's kurs"), 0);
	cr_assert_eq(form_add_text(&f, LK_FIELD_MULTILINE, "Why", false, "Første linje\nandre – لسطر"), 1);
	course_form_home(&f);
	const lk_edit *title = &f.fields[0].edit, *why = &f.fields[1].edit;
	cr_assert_eq(title->cur, title->nchars, "a line of its own keeps the cursor at its end");
	cr_assert_eq(why->cur, 0);
	cr_assert_eq(edit_cursor_line(why), 0);
	cr_assert_eq(edit_cursor_col(why), 0);
	cr_assert_not(f.changed, "moving the cursor is no change");
	cr_assert_str_eq(form_text(&f, 1), "Første linje\nandre – لسطر");
	form_free(&f);
}
