/* The paged list: it reads a window around the cursor, never all rows,
 * keeps the selection by id across re-reads, and filters by re-querying.
 * First against a fake source that counts what was asked, then against
 * the real People source on a database. */
#include <criterion/criterion.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/ui/list.h"
#include "lmskurs/ui/keys.h"
#include "lmskurs/ui/people.h"
#include "testlib.h"

static void utf8_locale(void)
{
	setlocale(LC_ALL, "C.UTF-8");
}

TestSuite(ui_list, .init = utf8_locale);

/* Rows are ids 1000 + i; "inserted" shifts every row down by one to show
 * a row arriving in front of the selection; "shrink" makes fetch return
 * fewer rows than count said. */
typedef struct fake {
	int64_t total;
	int inserted;
	int64_t shrink;
	int64_t largest_page;
	bool fail_count;
} fake;

static int64_t fake_count(lk_list *l, lk_err *err)
{
	fake *f = l->arg;
	if (f->fail_count)
		return lk_fail(err, LK_EDB, "the disk is on fire");
	int64_t t = f->total;
	return l->filter ? t / 10 : t;
}

static int fake_fetch(lk_list *l, lk_page page, lk_err *err)
{
	fake *f = l->arg;
	int64_t total = fake_count(l, err) - f->shrink;
	if (page.limit > f->largest_page)
		f->largest_page = page.limit;
	for (int64_t i = page.offset; i < total && i < page.offset + page.limit; i++) {
		int64_t *row = malloc(sizeof *row);
		*row = 1000 + (l->filter ? i * 10 : i) - f->inserted;
		if (list_add_row(l, row, err) < 0)
			return -1;
	}
	return 0;
}

static int64_t fake_id(const void *row) { return *(const int64_t *)row; }

static lk_style fake_cells(const void *row, const char **cells)
{
	(void)row;
	cells[0] = "x";
	return LK_STYLE_NORMAL;
}

static const lk_column fake_cols[] = {{"Id", 5, 1}};

static const lk_list_ops fake_ops = {
	.cols = fake_cols, .ncols = 1, .count = fake_count, .fetch = fake_fetch,
	.row_free = free, .row_id = fake_id, .row_cells = fake_cells,
};

static int64_t selected_id(const lk_list *l)
{
	const int64_t *row = list_selected(l);
	cr_assert_not_null(row);
	return *row;
}

Test(ui_list, reads_a_window_never_everything)
{
	fake f = {.total = 100000};
	lk_list l;
	lk_err err;
	list_init(&l, &fake_ops, &f);
	list_set_height(&l, 20);
	cr_assert_eq(list_reload(&l, &err), 0, "%s", err.msg);
	cr_assert_eq(l.total, 100000);
	cr_assert_eq(selected_id(&l), 1000);
	cr_assert_eq(l.fetches, 1);
	cr_assert_leq(l.fetched, 60);
	/* Moving inside the window does not query. */
	for (int i = 0; i < 25; i++)
		cr_assert(list_request(&l, LK_ACT_MOVE_DOWN, &err));
	cr_assert_eq(selected_id(&l), 1025);
	cr_assert_eq(l.fetches, 1);
	cr_assert_eq(l.top, 6);
	cr_assert(list_request(&l, LK_ACT_MOVE_LAST, &err));
	cr_assert_eq(selected_id(&l), 1000 + 99999);
	cr_assert_eq(l.top, 100000 - 20);
	cr_assert(list_request(&l, LK_ACT_PAGE_UP, &err));
	cr_assert_eq(l.cursor, 99979);
	cr_assert(list_request(&l, LK_ACT_MOVE_FIRST, &err));
	cr_assert_eq(l.cursor, 0);
	cr_assert_leq(l.fetched, 4 * 60, "a few windows, not 100000 rows: %lld", (long long)l.fetched);
	cr_assert_leq(f.largest_page, 60);
	cr_assert_not(list_request(&l, LK_ACT_ADD, &err), "not a moving action");
	list_fini(&l);
}

Test(ui_list, moves_are_clamped)
{
	fake f = {.total = 3};
	lk_list l;
	lk_err err;
	list_init(&l, &fake_ops, &f);
	list_set_height(&l, 10);
	list_reload(&l, &err);
	list_move(&l, -5, &err);
	cr_assert_eq(l.cursor, 0);
	list_request(&l, LK_ACT_PAGE_DOWN, &err);
	cr_assert_eq(l.cursor, 2);
	cr_assert_eq(l.top, 0);
	cr_assert_null(list_row(&l, 3));
	list_fini(&l);
}

Test(ui_list, keeps_the_selection_by_id_when_rows_arrive_in_front)
{
	fake f = {.total = 500};
	lk_list l;
	lk_err err;
	list_init(&l, &fake_ops, &f);
	list_set_height(&l, 20);
	list_reload(&l, &err);
	list_move_to(&l, 200, &err);
	cr_assert_eq(selected_id(&l), 1200);
	/* Someone else adds a row sorting before ours. */
	f.total = 501;
	f.inserted = 1;
	cr_assert_eq(list_reload(&l, &err), 0);
	cr_assert_eq(selected_id(&l), 1200, "still the same row");
	cr_assert_eq(l.cursor, 201);
	list_fini(&l);
}

Test(ui_list, filter_requeries_and_starts_at_the_top)
{
	fake f = {.total = 1000};
	lk_list l;
	lk_err err;
	list_init(&l, &fake_ops, &f);
	list_set_height(&l, 10);
	list_reload(&l, &err);
	list_move_to(&l, 500, &err);
	int before = l.fetches;
	cr_assert_eq(list_set_filter(&l, "ø", &err), 0);
	cr_assert_str_eq(l.filter, "ø");
	cr_assert_eq(l.total, 100);
	cr_assert_eq(l.cursor, 0);
	cr_assert_gt(l.fetches, before);
	cr_assert_eq(list_set_filter(&l, "", &err), 0);
	cr_assert_null(l.filter, "an empty filter is no filter");
	cr_assert_eq(l.total, 1000);
	list_fini(&l);
}

Test(ui_list, rows_gone_between_count_and_fetch_shrink_the_total)
{
	fake f = {.total = 10, .shrink = 4};
	lk_list l;
	lk_err err;
	list_init(&l, &fake_ops, &f);
	list_set_height(&l, 20);
	list_reload(&l, &err);
	cr_assert_eq(l.total, 6);
	list_request(&l, LK_ACT_MOVE_LAST, &err);
	cr_assert_eq(selected_id(&l), 1005);
	list_fini(&l);
}

Test(ui_list, empty_and_failing_sources)
{
	fake f = {.total = 0};
	lk_list l;
	lk_err err;
	list_init(&l, &fake_ops, &f);
	cr_assert_eq(list_reload(&l, &err), 0);
	cr_assert_null(list_selected(&l));
	cr_assert_eq(l.fetches, 0, "nothing to fetch");
	f.fail_count = true;
	cr_assert_eq(list_reload(&l, &err), -1);
	cr_assert_eq(err.code, LK_EDB);
	list_fini(&l);
}

/* ---- the real People source ---- */

static int64_t people_total(lk_ctx *ctx)
{
	lk_err err;
	lk_person_filter all = {.kind = -1, .include_inactive = true};
	return person_count(ctx, &all, &err);
}

Test(ui_list, people_source_pages_through_the_core)
{
	lk_ctx *ctx = tl_ctx();
	char name[64];
	for (int i = 0; i < 150; i++) {
		snprintf(name, sizeof name, "Deltaker %03d", i);
		tl_person(ctx, name, i % 2 ? LK_USER_REP : LK_PROFESSIONAL);
	}
	tl_person(ctx, "Åse Ødegård-Bråten", LK_USER_REP);
	tl_person(ctx, "Zhang Wei 张伟", LK_PROFESSIONAL);
	tl_person(ctx, "محمد علي", LK_PROFESSIONAL);
	lk_people_source src = {ctx, -1, true};
	lk_list l;
	lk_err err;
	list_init(&l, &people_list_ops, &src);
	list_set_height(&l, 10);
	cr_assert_eq(list_reload(&l, &err), 0, "%s", err.msg);
	cr_assert_eq(l.total, 153);
	cr_assert_lt(l.fetched, 153);
	const lk_person *p = list_selected(&l);
	cr_assert_str_eq(p->name, "Deltaker 000");
	const char *cells[4];
	cr_assert_eq(people_list_ops.row_cells(p, cells), LK_STYLE_NORMAL);
	cr_assert_str_eq(cells[1], "professional");
	cr_assert_str_eq(cells[2], "sykepleier");
	cr_assert_str_eq(cells[3], "active");
	cr_assert_eq(list_set_filter(&l, "degård", &err), 0, "%s", err.msg);
	cr_assert_eq(l.total, 1);
	p = list_selected(&l);
	cr_assert_str_eq(p->name, "Åse Ødegård-Bråten");
	people_list_ops.row_cells(p, cells);
	cr_assert_str_eq(cells[1], "user representative");
	cr_assert_str_eq(cells[2], "LHL", "user representatives show their organisation");
	cr_assert_eq(list_set_filter(&l, "张伟", &err), 0);
	cr_assert_eq(l.total, 1);
	cr_assert_eq(list_set_filter(&l, "علي", &err), 0);
	cr_assert_eq(l.total, 1);
	cr_assert_eq(list_set_filter(&l, "nobody like this", &err), 0);
	cr_assert_eq(l.total, 0);
	cr_assert_null(list_selected(&l));
	cr_assert_eq(people_total(ctx), 153, "reading changed nothing");
	list_fini(&l);
	ctx_close(ctx);
}

Test(ui_list, people_source_only_active_of_one_kind_for_the_picker)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	tl_person(ctx, "Kari Fagperson", LK_PROFESSIONAL);
	int64_t id = tl_person(ctx, "Ola Bruker", LK_USER_REP);
	tl_person(ctx, "Åsa Brukar", LK_USER_REP);
	lk_person p;
	cr_assert_eq(person_get(ctx, id, &p, &err), 0);
	p.active = false;
	cr_assert_eq(person_update(ctx, &p, &err), 0, "%s", err.msg);
	person_free(&p);
	lk_people_source src = {ctx, LK_USER_REP, false};
	lk_list l;
	list_init(&l, &people_list_ops, &src);
	cr_assert_eq(list_reload(&l, &err), 0);
	cr_assert_eq(l.total, 1);
	cr_assert_str_eq(((const lk_person *)list_selected(&l))->name, "Åsa Brukar");
	src.include_inactive = true;
	cr_assert_eq(list_reload(&l, &err), 0);
	cr_assert_eq(l.total, 2);
	const char *cells[4];
	lk_style st = LK_STYLE_NORMAL;
	for (int64_t i = 0; i < l.total; i++)
		if (((const lk_person *)list_row(&l, i))->id == id)
			st = people_list_ops.row_cells(list_row(&l, i), cells);
	cr_assert_eq(st, LK_STYLE_DIM);
	cr_assert_str_eq(cells[3], "inactive", "not by colour alone");
	list_fini(&l);
	ctx_close(ctx);
}
