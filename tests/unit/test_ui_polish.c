/* Polish of the screens from a walk-through at 100x30 and 60x16: list
 * columns sized by what the page shows (a short status column leaves its
 * width to facilitators, room and topic; a long cell takes its min first;
 * never wider than the screen), the cursor put on a row by id, the help
 * wrapped by display width with its lines going on indented, the run's
 * session rows naming a public holiday where it stays readable, a run laid
 * out again saying its holidays on the status line, and the cursor on the
 * checklist item or session plan part just added. Views run headless
 * (ui_push without curses) against a real database; refusals write
 * nothing. */
#include <criterion/criterion.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/course.h"
#include "lmskurs/phase.h"
#include "lmskurs/run.h"
#include "lmskurs/ui/courses.h"
#include "lmskurs/ui/form.h"
#include "lmskurs/ui/help.h"
#include "lmskurs/ui/list.h"
#include "lmskurs/ui/runs.h"
#include "lmskurs/ui/uitext.h"
#include "lmskurs/ui/view.h"
#include "../../src/ui/run_internal.h"
#include "testlib.h"

static void utf8_locale(void)
{
	setlocale(LC_ALL, "C.UTF-8");
}

TestSuite(ui_polish, .init = utf8_locale);

/* ---- a list of fixed rows ---- */

enum { FAKE_ROWS = 100 };

typedef struct fake_row {
	int64_t id;
	const char *cells[3];
} fake_row;

typedef struct fake_src {
	fake_row rows[FAKE_ROWS];
	int n;
} fake_src;

static int64_t fake_count(lk_list *l, lk_err *err)
{
	(void)err;
	return ((fake_src *)l->arg)->n;
}

static int fake_fetch(lk_list *l, lk_page page, lk_err *err)
{
	fake_src *s = l->arg;
	for (int64_t i = page.offset; i < s->n && i < page.offset + page.limit; i++)
		if (list_add_row(l, &s->rows[i], err) < 0)
			return -1;
	return 0;
}

static void fake_free(void *row) { (void)row; }

static int64_t fake_id(const void *row) { return ((const fake_row *)row)->id; }

static lk_style fake_cells(const void *row, const char **cells)
{
	const fake_row *r = row;
	for (int i = 0; i < 3; i++)
		cells[i] = r->cells[i];
	return LK_STYLE_NORMAL;
}

/* Like the run's sessions: a status that is often short, then two that
 * share what is left. */
static const lk_column fake_cols[] = {
	{"Status", 29, 2},
	{"Facilitators", 12, 3},
	{"Topic", 5, 1},
};

static const lk_list_ops fake_ops = {
	.cols = fake_cols, .ncols = 3,
	.count = fake_count, .fetch = fake_fetch, .row_free = fake_free,
	.row_id = fake_id, .row_cells = fake_cells,
};

static void fake_fill(fake_src *s, int n, const char *status, const char *people, const char *topic)
{
	s->n = n;
	for (int i = 0; i < n; i++)
		s->rows[i] = (fake_row){1000 + i, {status, people, topic}};
}

static void fake_open(lk_list *l, fake_src *s, int height)
{
	lk_err err;
	list_init(l, &fake_ops, s);
	list_set_height(l, height);
	cr_assert_eq(list_reload(l, &err), 0, "%s", err.msg);
}

/* Columns one space apart, inside width. */
static void assert_laid_out(const int *xs, const int *ws, int n, int width)
{
	for (int i = 0; i < n; i++) {
		cr_assert_geq(ws[i], 0);
		cr_assert_leq(xs[i] + ws[i], width, "column %d ends at %d of %d", i, xs[i] + ws[i], width);
		if (i > 0 && ws[i] > 0)
			cr_assert_eq(xs[i], xs[i - 1] + ws[i - 1] + 1, "column %d", i);
	}
}

Test(ui_polish, a_short_status_leaves_its_width_to_the_others)
{
	fake_src s;
	lk_list l;
	int xs[3], ws[3];
	fake_fill(&s, 6, "F+B", "Åse Ødegård, 张伟", "Å leve med langvarig sykdom");
	fake_open(&l, &s, 6);
	list_columns(&l, 60, 6, xs, ws);
	assert_laid_out(xs, ws, 3, 60);
	/* The title "Status" is the widest; of what is left after every
	 * need, status gets its share by weight (2 of 6). */
	cr_assert_leq(ws[0], 6 + (60 - 2 - 6 - 17 - 27) * 2 / 6, "%d", ws[0]);
	cr_assert_geq(ws[0], 6);
	cr_assert_geq(ws[1], uitext_width("Åse Ødegård, 张伟"), "names whole (CJK counts two columns): %d", ws[1]);
	cr_assert_geq(ws[2], uitext_width("Å leve med langvarig sykdom"), "%d", ws[2]);
	/* What is left after every need goes by weight, so the row is used. */
	cr_assert_eq(xs[2] + ws[2], 60);
	list_fini(&l);
}

Test(ui_polish, a_long_status_takes_its_min_then_shares_by_weight)
{
	fake_src s;
	lk_list l;
	int xs[3], ws[3];
	fake_fill(&s, 6, "F+B", "Frode Aasen, Per Jørgensen, Åse Nordmann", "Å leve med langvarig sykdom");
	s.rows[3].cells[0] = "! Easter Monday · ! missing user representative";
	fake_open(&l, &s, 6);
	list_columns(&l, 56, 6, xs, ws);
	assert_laid_out(xs, ws, 3, 56);
	cr_assert_geq(ws[0], 29, "a warning reads whole up to the min: %d", ws[0]);
	cr_assert_lt(ws[0], 46, "but does not take the whole row: %d", ws[0]);
	cr_assert_geq(ws[1], 12);
	cr_assert_geq(ws[2], 5);
	cr_assert_geq(ws[1], ws[2], "facilitators weigh more than the topic");
	/* Only the page counts: scrolled past the long cell, status is short again. */
	list_set_height(&l, 2);
	lk_err err;
	cr_assert_eq(list_move_to(&l, 5, &err), 0, "%s", err.msg);
	list_columns(&l, 56, 2, xs, ws);
	cr_assert_eq(ws[0], 6, "%d", ws[0]);
	list_fini(&l);
}

Test(ui_polish, columns_that_do_not_fit_are_cut_at_the_edge)
{
	fake_src s;
	lk_list l;
	int xs[3], ws[3];
	fake_fill(&s, 3, "! missing user representative", "Ingrid Sæther-Øvrebø", "Pust");
	fake_open(&l, &s, 3);
	list_columns(&l, 35, 3, xs, ws);
	assert_laid_out(xs, ws, 3, 35);
	cr_assert_eq(ws[0], 29);
	cr_assert_eq(ws[1], 5, "what is left of the row: %d", ws[1]);
	cr_assert_eq(ws[2], 0, "nothing left: %d", ws[2]);
	list_columns(&l, 0, 3, xs, ws);
	assert_laid_out(xs, ws, 3, 0);
	list_fini(&l);
}

Test(ui_polish, an_empty_list_sizes_by_its_titles)
{
	fake_src s = {.n = 0};
	lk_list l;
	int xs[3], ws[3];
	fake_open(&l, &s, 5);
	list_columns(&l, 80, 5, xs, ws);
	assert_laid_out(xs, ws, 3, 80);
	cr_assert_geq(ws[1], (int)strlen("Facilitators"));
	list_fini(&l);
}

Test(ui_polish, select_id_moves_to_a_row_of_the_window_only)
{
	fake_src s;
	lk_list l;
	lk_err err;
	fake_fill(&s, FAKE_ROWS, "F+B", "Kari", "Pust");
	fake_open(&l, &s, 10);
	cr_assert(list_select_id(&l, 1005, &err));
	cr_assert_eq(err.code, LK_OK);
	cr_assert_eq(l.cursor, 5);
	cr_assert_eq(((const fake_row *)list_selected(&l))->id, 1005);
	int fetches = l.fetches;
	cr_assert_not(list_select_id(&l, 1099, &err), "row 99 is not in the window");
	cr_assert_not(list_select_id(&l, 77, &err), "no such id");
	cr_assert_eq(err.code, LK_OK);
	cr_assert_eq(l.cursor, 5, "the cursor stays");
	cr_assert_eq(l.fetches, fetches, "looking never reads");
	list_fini(&l);
}

/* ---- the help, wrapped ---- */

struct ui_fixture {
	lk_ui ui;
	lk_err err;
};

static lk_view *push(struct ui_fixture *f, lk_ctx *ctx, const lk_view_ops *ops, const void *arg)
{
	cr_assert_eq(ui_push(&f->ui, ops, arg, &f->err), 0, "%s", f->err.msg);
	return ui_top(&f->ui);
}

/* A screen offering keys with long descriptions. */
static const lk_action wordy_actions[] = {
	LK_ACT_MOVE_UP, LK_ACT_CHECKLIST, LK_ACT_PHASE_NEXT, LK_ACT_PHASE_CANCEL, 0,
};
static const lk_view_ops wordy_view = {
	.name = "wordy",
	.label = "Wordy",
	.state_size = 1,
	.actions = wordy_actions,
	.hints = wordy_actions,
};

/* The help rows of the wordy screen at a body width. */
static lk_list *help_at(struct ui_fixture *f, lk_ctx *ctx, int width)
{
	ui_init(&f->ui, ctx, NULL, false);
	f->ui.body = (lk_rect){1, 0, 28, width};
	lk_view *target = push(f, ctx, &wordy_view, NULL);
	lk_view *h = push(f, ctx, &help_view, target);
	lk_list *l = h->ops->list(h);
	list_set_height(l, 200);
	cr_assert_eq(list_prepare(l, &f->err), 0, "%s", f->err.msg);
	return l;
}

/* Row i's keys and text. */
static void help_row(lk_list *l, int64_t i, const char **keys, const char **text)
{
	const char *cells[LK_LIST_COLS_MAX] = {0};
	const void *row = list_row(l, i);
	cr_assert_not_null(row, "row %lld", (long long)i);
	l->ops->row_cells(row, cells);
	*keys = cells[0];
	*text = cells[1];
}

/* The description of keys, joined from its rows as one line. */
static char *joined_help(lk_list *l, const char *keys, int *rows, int *widest)
{
	static char buf[1024];
	const char *k, *t;
	buf[0] = 0;
	*rows = *widest = 0;
	int64_t i = 0;
	for (; i < l->total; i++) {
		help_row(l, i, &k, &t);
		if (strcmp(k, keys) == 0)
			break;
	}
	cr_assert_lt(i, l->total, "no row for %s", keys);
	for (; i < l->total; i++) {
		help_row(l, i, &k, &t);
		if (*rows > 0 && *k)
			break;
		if (*rows > 0)
			cr_assert(strncmp(t, "  ", 2) == 0 && t[2] != ' ', "a line that goes on is indented: [%s]", t);
		int w = uitext_width(t);
		*widest = w > *widest ? w : *widest;
		strcat(buf, *rows ? " " : "");
		strcat(buf, *rows ? t + 2 : t);
		(*rows)++;
	}
	return buf;
}

Test(ui_polish, the_help_wraps_long_descriptions_onto_indented_lines)
{
	lk_ctx *ctx = tl_ctx();
	struct ui_fixture f;
	int rows, widest;
	lk_list *l = help_at(&f, ctx, 60);
	const char *want = "Cancel it altogether (asks for a written reason)";
	char *got = joined_help(l, "X", &rows, &widest);
	cr_assert_str_eq(got, want, "every word is there");
	/* 60 wide: 2 for the marker, "Keys"/"Everywhere" and a space. */
	int room = 60 - 2 - uitext_width("Everywhere") - 1;
	cr_assert_geq(rows, 2, "%s", got);
	cr_assert_leq(widest, room, "%d > %d", widest, room);
	got = joined_help(l, "C", &rows, &widest);
	cr_assert_str_eq(got, "Show the checklist of each phase (what the next phase's gate asks for)");
	cr_assert_geq(rows, 2);
	cr_assert_leq(widest, room);
	/* A line that goes on keeps its entry: the selection stays on it. */
	int64_t n60 = l->total;
	cr_assert_eq(l->ops->row_id(list_row(l, 1)), 1, "the entry after the heading");
	ui_fini(&f.ui);

	l = help_at(&f, ctx, 200);
	got = joined_help(l, "X", &rows, &widest);
	cr_assert_str_eq(got, want);
	cr_assert_eq(rows, 1, "wide enough: one line");
	cr_assert_lt(l->total, n60);
	ui_fini(&f.ui);
	ctx_close(ctx);
}

Test(ui_polish, the_help_of_a_narrow_screen_breaks_long_words)
{
	lk_ctx *ctx = tl_ctx();
	struct ui_fixture f;
	int rows, widest;
	lk_list *l = help_at(&f, ctx, 20);
	joined_help(l, "C", &rows, &widest);
	cr_assert_gt(rows, 3);
	cr_assert_leq(widest, 12, "the description keeps at least 12 columns: %d", widest);
	ui_fini(&f.ui);
	ctx_close(ctx);
}

/* ---- the run's sessions and laying them out again ---- */

static sqlite3 *raw_open(lk_ctx *ctx)
{
	sqlite3 *h;
	cr_assert_eq(sqlite3_open_v2(tl_db_path(ctx), &h, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
	sqlite3_busy_timeout(h, 2000);
	return h;
}

static int64_t raw_int(sqlite3 *h, const char *sql)
{
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK, "%s", sqlite3_errmsg(h));
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW, "%s", sqlite3_errmsg(h));
	int64_t v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static int64_t data_version(sqlite3 *h)
{
	return raw_int(h, "PRAGMA data_version");
}

static int64_t course_with_parts(lk_ctx *ctx, const char *title, int parts, lk_course_phase phase)
{
	lk_err err;
	lk_course c = {.title = (char *)title, .audience = LK_AUDIENCE_BOTH};
	cr_assert_eq(course_create(ctx, &c, &err), 0, "%s", err.msg);
	for (int i = 0; i < parts; i++) {
		char topic[32];
		snprintf(topic, sizeof topic, "Del %d: mestring", i + 1);
		lk_course_part p = {.course_id = c.id, .topic = topic, .minutes = 120};
		cr_assert_eq(course_part_add(ctx, &p, &err), 0, "%s", err.msg);
	}
	if (phase >= LK_COURSE_PLANNING)
		cr_assert_eq(course_set_phase(ctx, c.id, LK_COURSE_PLANNING, "test", NULL, &err), 0, "%s", err.msg);
	if (phase >= LK_COURSE_ACTIVE)
		cr_assert_eq(course_set_phase(ctx, c.id, LK_COURSE_ACTIVE, "test", NULL, &err), 0, "%s", err.msg);
	return c.id;
}

static int64_t new_run(lk_ctx *ctx, int parts)
{
	lk_err err;
	lk_run r = {.course_id = course_with_parts(ctx, "Leve med KOLS – Ålesund", parts, LK_COURSE_ACTIVE),
		.title = "Våren 2027", .capacity = 12};
	cr_assert_eq(run_create(ctx, &r, &err), 0, "%s", err.msg);
	return r.id;
}

/* Replaces the text of field i of the form that is the view's first. */
static void type_into(lk_view *v, lk_form *form, int field, const char *text)
{
	form->cur = field;
	form_request(form, NULL, LK_ACT_LINE_END);
	form_request(form, NULL, LK_ACT_KILL_BEFORE);
	for (const char *p = text; *p;) {
		uint32_t cp;
		p += uitext_decode(p, strlen(p), &cp);
		cr_assert(v->ops->input(v, (lk_key)cp));
	}
}

/* Lays run out from first (dd.mm.yyyy) weekly at 17:00 through the form;
 * returns whether the form closed. */
static bool lay_out(struct ui_fixture *f, lk_ctx *ctx, int64_t run, const char *first)
{
	lk_view *v = push(f, ctx, &run_schedule_form_view, &run);
	lk_form *form = run_forms_form(v);
	type_into(v, form, 0, first);
	type_into(v, form, 2, "17:00");
	type_into(v, form, 3, "Møterom Ålesund");
	cr_assert(v->ops->request(v, LK_ACT_SAVE));
	if (ui_top(&f->ui) != v)
		return true;
	ui_pop(&f->ui);
	return false;
}

Test(ui_polish, laying_out_again_names_the_holiday_on_the_status_line)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = raw_open(ctx);
	int64_t run = new_run(ctx, 3);
	struct ui_fixture f;
	ui_init(&f.ui, ctx, NULL, false);
	cr_assert(lay_out(&f, ctx, run, "01.03.2027"));
	cr_assert_str_eq(f.ui.status, "Laid out 3 sessions from the session plan.");
	cr_assert_eq(f.ui.status_style, LK_STYLE_OK);

	/* 22.03.2027 is a Monday: the second session is on Easter Monday. */
	cr_assert(lay_out(&f, ctx, run, "22.03.2027"));
	cr_assert_str_eq(f.ui.status, "Laid out 3 sessions; session 2 (29.03.2027) is on Easter Monday.");
	cr_assert_eq(f.ui.status_style, LK_STYLE_WARNING, "a warning: drawn with \"! \"");

	/* Christmas Day and New Year's Day are Fridays 2026/27. */
	cr_assert(lay_out(&f, ctx, run, "25.12.2026"));
	cr_assert_str_eq(f.ui.status, "Laid out 3 sessions; session 1 (25.12.2026) is on Christmas Day, and 1 more.");

	/* Refused: the form stays, the status says nothing of holidays, and
	 * the sessions are as they were. */
	int64_t before = data_version(h);
	cr_assert_not(lay_out(&f, ctx, run, "30.02.2027"));
	cr_assert_null(strstr(f.ui.status ? f.ui.status : "", "holiday"));
	cr_assert_eq(data_version(h), before);
	cr_assert_eq(raw_int(h, "SELECT count(*) FROM session WHERE starts_at = '2026-12-25T17:00'"), 1);
	ui_fini(&f.ui);
	sqlite3_close(h);
	ctx_close(ctx);
}

Test(ui_polish, a_session_on_a_holiday_says_its_name_first_and_in_the_detail)
{
	lk_ctx *ctx = tl_ctx();
	int64_t run = new_run(ctx, 3);
	struct ui_fixture f;
	ui_init(&f.ui, ctx, NULL, false);
	cr_assert(lay_out(&f, ctx, run, "10.05.2027"));
	lk_view *v = push(&f, ctx, &run_view, &run);
	lk_list *l = v->ops->list(v);
	lk_err err;
	const char *c[LK_LIST_COLS_MAX];
	cr_assert_eq(list_move_to(l, 1, &err), 0, "%s", err.msg);
	l->ops->row_cells(list_row(l, 1), c);
	cr_assert_str_eq(c[1], "Mon 17.05.2027 wk 20");
	cr_assert_str_eq(c[3], "! Constitution Day · ! missing both");
	char *detail = run_session_detail(list_row(l, 1));
	cr_assert(strstr(detail, "\n! public holiday: Constitution Day"), "%s", detail);
	free(detail);
	l->ops->row_cells(list_row(l, 0), c);
	cr_assert_str_eq(c[3], "! missing both", "no holiday on 10.05");
	detail = run_session_detail(list_row(l, 0));
	cr_assert_null(strstr(detail, "holiday"), "%s", detail);
	free(detail);
	ui_fini(&f.ui);
	ctx_close(ctx);
}

/* ---- the cursor on what was just added ---- */

/* Opens course_view on course and goes to tab i (0 is Overview). */
static lk_view *course_tab(struct ui_fixture *f, lk_ctx *ctx, int64_t course, int tab)
{
	ui_init(&f->ui, ctx, NULL, false);
	lk_view *v = push(f, ctx, &course_view, &course);
	for (int i = 0; i < tab; i++)
		cr_assert(v->ops->request(v, LK_ACT_TAB_NEXT));
	return v;
}

static const char *cell(lk_list *l, int64_t i, int col)
{
	const char *c[LK_LIST_COLS_MAX] = {0};
	const void *row = list_row(l, i);
	cr_assert_not_null(row, "row %lld", (long long)i);
	l->ops->row_cells(row, c);
	return c[col];
}

Test(ui_polish, an_added_checklist_item_gets_the_cursor)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = raw_open(ctx);
	int64_t course = course_with_parts(ctx, "Hjerteskolen – Ålesund", 1, LK_COURSE_IDEA);
	struct ui_fixture f;
	lk_view *v = course_tab(&f, ctx, course, 3);
	lk_list *l = v->ops->list(v);
	int64_t n = l->total;
	cr_assert_gt(n, 1, "the idea phase has its template items");
	cr_assert_eq(l->cursor, 0);

	/* Refused: an empty item keeps the form open and writes nothing. */
	cr_assert(v->ops->request(v, LK_ACT_ADD));
	lk_view *form = ui_top(&f.ui);
	cr_assert_neq(form, v);
	int64_t before = data_version(h);
	cr_assert(form->ops->request(form, LK_ACT_SAVE));
	cr_assert_eq(ui_top(&f.ui), form);
	cr_assert_eq(data_version(h), before);

	type_into(form, (lk_form *)form->state, 0, "Brukerrepresentanten har lest planen – 検討 ✓");
	cr_assert(form->ops->request(form, LK_ACT_SAVE));
	cr_assert_eq(ui_top(&f.ui), v, "%s", f.ui.status);
	cr_assert_str_eq(f.ui.status, "Added the checklist item.");
	cr_assert_eq(l->total, n + 1);
	cr_assert_eq(l->cursor, n, "the cursor is on the new item");
	cr_assert_str_eq(cell(l, l->cursor, 1), "Brukerrepresentanten har lest planen – 検討 ✓");
	cr_assert_eq(raw_int(h, "SELECT count(*) FROM checklist_item WHERE text LIKE 'Brukerrepresentanten%'"), 1);
	ui_fini(&f.ui);
	sqlite3_close(h);
	ctx_close(ctx);
}

Test(ui_polish, an_added_part_gets_the_cursor)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = raw_open(ctx);
	int64_t course = course_with_parts(ctx, "Pårørendeskolen", 3, LK_COURSE_IDEA);
	struct ui_fixture f;
	lk_view *v = course_tab(&f, ctx, course, 2);
	lk_list *l = v->ops->list(v);
	cr_assert_eq(l->total, 3);
	cr_assert_eq(l->cursor, 0);

	cr_assert(v->ops->request(v, LK_ACT_ADD));
	lk_view *form = ui_top(&f.ui);
	lk_form *ff = form->state;
	type_into(form, ff, 0, "Erfaringsdeling – Ørjan og 张伟");
	type_into(form, ff, 1, "1000");
	int64_t before = data_version(h);
	cr_assert(form->ops->request(form, LK_ACT_SAVE));
	cr_assert_eq(ui_top(&f.ui), form, "too long: refused");
	cr_assert_eq(data_version(h), before);
	cr_assert_eq(l->cursor, 0);

	type_into(form, ff, 1, "45");
	cr_assert(form->ops->request(form, LK_ACT_SAVE));
	cr_assert_eq(ui_top(&f.ui), v, "%s", f.ui.status);
	cr_assert_eq(l->total, 4);
	cr_assert_eq(l->cursor, 3, "the cursor is on the new part");
	cr_assert_str_eq(cell(l, 3, 1), "Erfaringsdeling – Ørjan og 张伟");
	cr_assert_eq(l->ops->row_id(list_selected(l)),
		raw_int(h, "SELECT id FROM course_part WHERE topic LIKE 'Erfaringsdeling%'"));

	/* Editing a part leaves the cursor where it is. */
	cr_assert_eq(list_move_to(l, 1, &f.err), 0, "%s", f.err.msg);
	cr_assert(v->ops->request(v, LK_ACT_EDIT));
	form = ui_top(&f.ui);
	cr_assert_neq(form, v);
	type_into(form, form->state, 1, "60");
	cr_assert(form->ops->request(form, LK_ACT_SAVE));
	cr_assert_eq(ui_top(&f.ui), v, "%s", f.ui.status);
	cr_assert_eq(l->cursor, 1);
	ui_fini(&f.ui);
	sqlite3_close(h);
	ctx_close(ctx);
}
