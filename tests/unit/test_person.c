#include <criterion/criterion.h>
#include <string.h>

#include "lmskurs/course.h"
#include "lmskurs/person.h"
#include "lmskurs/user.h"
#include "testlib.h"

static int collect_names(void *arg, const lk_person *p)
{
	char *buf = arg;
	strcat(buf, p->name);
	strcat(buf, "|");
	return 0;
}

Test(person, create_get_update_roundtrip)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	lk_person p = {.name = "Nguyễn Văn An", .kind = LK_USER_REP, .organisation = "LHL",
		.email = "an@example.no", .active = true};
	cr_assert_eq(person_create(ctx, &p, &err), 0, "%s", err.msg);
	cr_assert_gt(p.id, 0);
	lk_person got;
	cr_assert_eq(person_get(ctx, p.id, &got, &err), 0, "%s", err.msg);
	cr_assert_str_eq(got.name, "Nguyễn Văn An");
	cr_assert_eq(got.kind, LK_USER_REP);
	free(got.name);
	got.name = strdup("Nguyễn Văn Bình");
	cr_assert_eq(person_update(ctx, &got, &err), 0, "%s", err.msg);
	cr_assert_eq(got.version, 2);
	person_free(&got);
	ctx_close(ctx);
}

Test(person, invalid_input_refused)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	lk_person p = {.name = "   ", .kind = LK_PROFESSIONAL};
	cr_assert_eq(person_create(ctx, &p, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	char bad[] = {'K', 'a', (char)0xC3, 'r', 0};
	p.name = bad;
	cr_assert_eq(person_create(ctx, &p, &err), -1);
	cr_assert(strstr(err.msg, "UTF-8"), "%s", err.msg);
	char long_name[1000];
	memset(long_name, 'a', sizeof long_name - 1);
	long_name[sizeof long_name - 1] = 0;
	p.name = long_name;
	cr_assert_eq(person_create(ctx, &p, &err), -1);
	cr_assert(strstr(err.msg, "too long"), "%s", err.msg);
	p.name = "Ok";
	p.kind = (lk_person_kind)7;
	cr_assert_eq(person_create(ctx, &p, &err), -1);
	lk_person_filter f = {.kind = -1};
	cr_assert_eq(person_count(ctx, &f, &err), 0, "nothing may be written by refused creates");
	ctx_close(ctx);
}

Test(person, stale_edit_refused_and_nothing_overwritten)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t id = tl_person(ctx, "Kari", LK_PROFESSIONAL);
	lk_person a, b;
	cr_assert_eq(person_get(ctx, id, &a, &err), 0);
	cr_assert_eq(person_get(ctx, id, &b, &err), 0);
	free(a.phone);
	a.phone = strdup("91234567");
	cr_assert_eq(person_update(ctx, &a, &err), 0, "%s", err.msg);
	free(b.phone);
	b.phone = strdup("99999999");
	cr_assert_eq(person_update(ctx, &b, &err), -1);
	cr_assert_eq(err.code, LK_ECONFLICT);
	cr_assert(strstr(err.msg, "changed by someone else"), "%s", err.msg);
	lk_person c;
	cr_assert_eq(person_get(ctx, id, &c, &err), 0);
	cr_assert_str_eq(c.phone, "91234567");
	person_free(&a);
	person_free(&b);
	person_free(&c);
	ctx_close(ctx);
}

Test(person, list_pages_filters_and_sorts)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	tl_person(ctx, "Øystein", LK_PROFESSIONAL);
	tl_person(ctx, "anne", LK_USER_REP);
	tl_person(ctx, "Bjørn", LK_PROFESSIONAL);
	char buf[256] = "";
	lk_person_filter all = {.kind = -1};
	cr_assert_eq(person_list(ctx, &all, (lk_page){0, 2}, collect_names, buf, &err), 0);
	cr_assert_str_eq(buf, "anne|Bjørn|");
	buf[0] = 0;
	cr_assert_eq(person_list(ctx, &all, (lk_page){2, 2}, collect_names, buf, &err), 0);
	cr_assert_str_eq(buf, "Øystein|");
	lk_person_filter reps = {.kind = LK_USER_REP};
	cr_assert_eq(person_count(ctx, &reps, &err), 1);
	lk_person_filter text = {.text = "jør", .kind = -1};
	cr_assert_eq(person_count(ctx, &text, &err), 1);
	lk_person_filter wild = {.text = "%", .kind = -1};
	cr_assert_eq(person_count(ctx, &wild, &err), 0, "LIKE wildcards in the filter are literal");
	ctx_close(ctx);
}

Test(person, staff_may_read_not_write)
{
	lk_ctx *ctx = tl_ctx();
	lk_ctx *staff = tl_ctx_as(ctx, "vert", LK_ROLE_STAFF);
	lk_err err;
	int64_t id = tl_person(ctx, "Kari", LK_PROFESSIONAL);
	lk_person p;
	cr_assert_eq(person_get(staff, id, &p, &err), 0, "%s", err.msg);
	cr_assert_eq(person_update(staff, &p, &err), -1);
	cr_assert_eq(err.code, LK_EPERM);
	cr_assert_eq(person_delete(staff, id, p.version, &err), -1);
	person_free(&p);
	ctx_close(staff);
	ctx_close(ctx);
}

Test(person, delete_unbooked_ok_and_audited)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t id = tl_person(ctx, "Kari", LK_PROFESSIONAL);
	cr_assert_eq(person_delete(ctx, id, 1, &err), 0, "%s", err.msg);
	lk_person p;
	cr_assert_eq(person_get(ctx, id, &p, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	ctx_close(ctx);
}

Test(person, course_owner_and_linked_login_not_deleted)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t owner = tl_person(ctx, "Eier", LK_PROFESSIONAL);
	int64_t rep = tl_person(ctx, "Brukerrep", LK_USER_REP);
	lk_course co = {.title = "Kurs", .audience = LK_AUDIENCE_BOTH, .owner_id = owner};
	cr_assert_eq(course_create(ctx, &co, &err), 0, "%s", err.msg);
	cr_assert_eq(person_delete(ctx, owner, 1, &err), -1);
	cr_assert_eq(err.code, LK_ERULE);
	cr_assert(strstr(err.msg, "owns 1"), "%s", err.msg);
	cr_assert_eq(user_add(ctx, "brep", LK_ROLE_USER_REP, rep, &err), 0, "%s", err.msg);
	cr_assert_eq(person_delete(ctx, rep, 1, &err), -1);
	lk_course got;
	cr_assert_eq(course_get(ctx, co.id, &got, &err), 0);
	cr_assert_eq(got.owner_id, owner, "the owner stays named");
	course_free(&got);
	ctx_close(ctx);
}
