/* The form widget without a screen: field moves, choices, editing, and
 * the core's messages landing next to the field they name. */
#include <criterion/criterion.h>
#include <locale.h>
#include <string.h>

#include "lmskurs/person.h"
#include "lmskurs/ui/form.h"
#include "testlib.h"

static void utf8_locale(void)
{
	setlocale(LC_ALL, "C.UTF-8");
}

TestSuite(ui_form, .init = utf8_locale);

static const char *const kinds[] = {"professional", "user representative"};

/* The People form's fields, labelled as the core names them. */
static void person_form(lk_form *f, const char *name)
{
	form_init(f);
	cr_assert_eq(form_add_text(f, LK_FIELD_TEXT, "Name", true, name), 0);
	cr_assert_eq(form_add_choice(f, "Kind", kinds, 2, 0), 1);
	cr_assert_eq(form_add_text(f, LK_FIELD_TEXT, "Profession", false, NULL), 2);
	cr_assert_eq(form_add_text(f, LK_FIELD_MULTILINE, "Notes", false, NULL), 3);
}

static int save(lk_ctx *ctx, lk_form *f, lk_err *err)
{
	lk_person p = {.name = (char *)form_text(f, 0), .kind = (lk_person_kind)form_choice(f, 1),
		.profession = (char *)form_text(f, 2), .notes = (char *)form_text(f, 3), .active = true};
	form_clear_errors(f);
	int rc = person_create(ctx, &p, err);
	if (rc < 0)
		form_set_error(f, err);
	return rc;
}

static int64_t count_people(lk_ctx *ctx)
{
	lk_err err;
	lk_person_filter all = {.kind = -1, .include_inactive = true};
	return person_count(ctx, &all, &err);
}

Test(ui_form, the_cores_message_lands_on_its_field)
{
	lk_ctx *ctx = tl_ctx();
	lk_form f;
	lk_err err;
	person_form(&f, "   ");
	f.cur = 3;
	cr_assert_eq(save(ctx, &f, &err), -1);
	cr_assert_str_eq(f.fields[0].error, "Name must not be empty");
	cr_assert_eq(f.cur, 0, "the cursor goes to the field");
	cr_assert_null(f.message);
	cr_assert_eq(count_people(ctx), 0, "a refused save writes nothing");

	/* A long profession: the error moves to Profession, Name's is gone. */
	form_request(&f, NULL, LK_ACT_KILL_BEFORE);
	form_input(&f, 0xc5); /* Å */
	form_input(&f, 's');
	form_input(&f, 'e');
	char long_text[300];
	memset(long_text, 'x', sizeof long_text - 1);
	long_text[sizeof long_text - 1] = 0;
	edit_set(&f.fields[2].edit, long_text);
	cr_assert_eq(save(ctx, &f, &err), -1);
	cr_assert_null(f.fields[0].error);
	cr_assert_not_null(f.fields[2].error);
	cr_assert(strstr(f.fields[2].error, "Profession is too long"), "%s", f.fields[2].error);
	cr_assert_eq(f.cur, 2);
	cr_assert_eq(count_people(ctx), 0);

	edit_set(&f.fields[2].edit, "sykepleier");
	cr_assert_eq(save(ctx, &f, &err), 0, "%s", err.msg);
	cr_assert_eq(count_people(ctx), 1);
	cr_assert_null(f.fields[2].error);
	form_free(&f);
	ctx_close(ctx);
}

Test(ui_form, a_message_naming_no_field_goes_on_the_form)
{
	lk_form f;
	person_form(&f, "Kari");
	lk_err err;
	lk_fail(&err, LK_ECONFLICT, "The person was changed by someone else meanwhile.");
	cr_assert_eq(form_set_error(&f, &err), -1);
	cr_assert_str_eq(f.message, "The person was changed by someone else meanwhile.");
	/* "Names" is not "Name": a label must be followed by a space or colon. */
	lk_fail(&err, LK_EINVAL, "Names of the group are missing");
	cr_assert_eq(form_set_error(&f, &err), -1);
	lk_fail(&err, LK_EINVAL, "Notes: the text is not valid UTF-8 (byte 3)");
	cr_assert_eq(form_set_error(&f, &err), 3);
	form_clear_errors(&f);
	cr_assert_null(f.message);
	cr_assert_null(f.fields[3].error);
	form_free(&f);
}

Test(ui_form, fields_choices_and_lines)
{
	lk_form f;
	person_form(&f, "Kari");
	cr_assert_not(f.changed);
	cr_assert(form_request(&f, NULL, LK_ACT_NEWLINE), "Enter in a one-line field moves on");
	cr_assert_eq(f.cur, 1);
	cr_assert(form_request(&f, NULL, LK_ACT_CHAR_RIGHT));
	cr_assert_eq(form_choice(&f, 1), 1);
	cr_assert(form_request(&f, NULL, LK_ACT_CHAR_RIGHT));
	cr_assert_eq(form_choice(&f, 1), 0, "choices wrap around");
	cr_assert(form_input(&f, 'u'), "a letter picks the choice starting with it");
	cr_assert_eq(form_choice(&f, 1), 1);
	cr_assert(form_input(&f, ' '));
	cr_assert_eq(form_choice(&f, 1), 0);
	cr_assert_not(form_input(&f, 'z'), "no choice starts with z");
	cr_assert(f.changed);
	cr_assert(form_request(&f, NULL, LK_ACT_FIELD_NEXT));
	cr_assert(form_request(&f, NULL, LK_ACT_LINE_DOWN));
	cr_assert_eq(f.cur, 3);
	form_input(&f, 'a');
	cr_assert(form_request(&f, NULL, LK_ACT_NEWLINE));
	form_input(&f, 0x5f20); /* 张 */
	cr_assert_str_eq(form_text(&f, 3), "a\n张");
	cr_assert(form_request(&f, NULL, LK_ACT_LINE_UP));
	cr_assert_eq(f.cur, 3, "Up moves a line inside notes first");
	cr_assert(form_request(&f, NULL, LK_ACT_LINE_UP));
	cr_assert_eq(f.cur, 2, "then to the field above");
	cr_assert(form_request(&f, NULL, LK_ACT_FIELD_PREV));
	cr_assert(form_request(&f, NULL, LK_ACT_FIELD_PREV));
	cr_assert_eq(f.cur, 0);
	cr_assert_not(form_prev(&f));
	cr_assert(form_request(&f, NULL, LK_ACT_DEL_BACK));
	cr_assert_str_eq(form_text(&f, 0), "Kar");
	cr_assert_not(form_request(&f, NULL, LK_ACT_SAVE), "saving is the view's");
	form_free(&f);
}

Test(ui_form, dates_times_and_numbers_are_parsed_with_errors_on_the_field)
{
	lk_form f;
	lk_err err;
	form_init(&f);
	int d = form_add_text(&f, LK_FIELD_DATE, "Date", true, "31.02.2027");
	int t = form_add_text(&f, LK_FIELD_TIME, "Start", false, "");
	int n = form_add_text(&f, LK_FIELD_NUMBER, "Capacity", true, "12");
	lk_date date;
	cr_assert_eq(form_date(&f, d, &date, NULL, &err), -1);
	cr_assert(strstr(f.fields[d].error, "Date: "), "%s", f.fields[d].error);
	cr_assert(strstr(f.fields[d].error, "February"), "%s", f.fields[d].error);
	edit_set(&f.fields[d].edit, "4.3.2027");
	cr_assert_eq(form_date(&f, d, &date, NULL, &err), 0, "%s", err.msg);
	cr_assert_eq(date.month, 3);
	bool empty = false;
	int hh, mm;
	cr_assert_eq(form_time(&f, t, &hh, &mm, &empty, &err), 0);
	cr_assert(empty, "an optional empty time is fine");
	edit_set(&f.fields[t].edit, "25:00");
	cr_assert_eq(form_time(&f, t, &hh, &mm, &empty, &err), -1);
	cr_assert_not(empty);
	edit_set(&f.fields[t].edit, "12.30");
	cr_assert_eq(form_time(&f, t, &hh, &mm, &empty, &err), 0, "%s", err.msg);
	cr_assert_eq(hh * 60 + mm, 750);
	long cap;
	cr_assert_eq(form_number(&f, n, 1, 100, &cap, NULL, &err), 0);
	cr_assert_eq(cap, 12);
	edit_set(&f.fields[n].edit, "12 plasser");
	cr_assert_eq(form_number(&f, n, 1, 100, &cap, NULL, &err), -1);
	cr_assert_str_eq(f.fields[n].error, "Capacity: write a whole number from 1 to 100");
	edit_set(&f.fields[n].edit, "0");
	cr_assert_eq(form_number(&f, n, 1, 100, &cap, NULL, &err), -1);
	edit_set(&f.fields[n].edit, " ");
	cr_assert_eq(form_number(&f, n, 1, 100, &cap, NULL, &err), -1);
	cr_assert_str_eq(f.fields[n].error, "Capacity must not be empty");
	cr_assert_eq(f.cur, n);
	form_free(&f);
}

Test(ui_form, a_person_field_is_cleared_with_delete)
{
	lk_form f;
	form_init(&f);
	int p = form_add_person(&f, "Owner", false, -1, 7, "Åse Ødegård-Bråten");
	cr_assert_eq(form_person(&f, p), 7);
	cr_assert_not(form_input(&f, 'x'), "no typing into a person field");
	cr_assert(form_request(&f, NULL, LK_ACT_DEL_BACK));
	cr_assert_eq(form_person(&f, p), 0);
	cr_assert_null(f.fields[p].person_name);
	cr_assert(f.changed);
	form_free(&f);
}
