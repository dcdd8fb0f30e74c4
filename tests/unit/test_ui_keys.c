/* The key table: lookups are scoped to what a view offers, names read
 * well, no view has two actions on one key, and the help of the People
 * screen is pinned (it is generated, so a change to the table shows here). */
#include <criterion/criterion.h>
#include <curses.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/ui/form.h"
#include "lmskurs/ui/help.h"
#include "lmskurs/ui/home.h"
#include "lmskurs/ui/keys.h"
#include "lmskurs/ui/people.h"

static void utf8_locale(void)
{
	setlocale(LC_ALL, "C.UTF-8");
}

TestSuite(ui_keys, .init = utf8_locale);

Test(ui_keys, every_action_is_complete_and_named_once)
{
	for (int a = 1; a < LK_ACT_COUNT; a++) {
		const lk_action_def *d = keys_action((lk_action)a);
		cr_assert_not_null(d);
		cr_assert(d->name && *d->name && d->hint && *d->hint && d->help && *d->help, "action %d", a);
		cr_assert_neq(d->keys[0], 0, "%s has no key", d->name);
		for (int b = a + 1; b < LK_ACT_COUNT; b++)
			cr_assert_str_neq(d->name, keys_action((lk_action)b)->name);
	}
	cr_assert_null(keys_action(LK_ACT_NONE));
	cr_assert_null(keys_action(LK_ACT_COUNT));
}

static const lk_action list_offer[] = {LK_ACT_MOVE_DOWN, LK_ACT_BACK, LK_ACT_ADD, 0};

Test(ui_keys, lookup_is_scoped_to_the_offered_actions)
{
	cr_assert_eq(keys_lookup('j', list_offer, false), LK_ACT_MOVE_DOWN);
	cr_assert_eq(keys_lookup(LK_FN(KEY_DOWN), list_offer, false), LK_ACT_MOVE_DOWN);
	cr_assert_eq(keys_lookup('q', list_offer, false), LK_ACT_BACK);
	cr_assert_eq(keys_lookup(LK_KEY_ESC, list_offer, false), LK_ACT_BACK);
	/* Not offered here: e means nothing, although EDIT has it elsewhere. */
	cr_assert_eq(keys_lookup('e', list_offer, false), LK_ACT_NONE);
	/* The Everywhere group needs no offer. */
	cr_assert_eq(keys_lookup(LK_CTRL('c'), list_offer, false), LK_ACT_QUIT);
	cr_assert_eq(keys_lookup('?', list_offer, false), LK_ACT_HELP);
	cr_assert_eq(keys_lookup('?', NULL, false), LK_ACT_HELP);
	cr_assert_eq(keys_lookup('x', NULL, false), LK_ACT_NONE);
}

Test(ui_keys, text_entry_keeps_printable_keys_as_text)
{
	cr_assert_eq(keys_lookup('j', list_offer, true), LK_ACT_NONE);
	cr_assert_eq(keys_lookup('q', list_offer, true), LK_ACT_NONE);
	cr_assert_eq(keys_lookup('?', list_offer, true), LK_ACT_NONE);
	cr_assert_eq(keys_lookup(0x00e5 /* å */, list_offer, true), LK_ACT_NONE);
	cr_assert_eq(keys_lookup(LK_FN(KEY_F(1)), list_offer, true), LK_ACT_HELP);
	cr_assert_eq(keys_lookup(LK_KEY_ESC, list_offer, true), LK_ACT_BACK);
	cr_assert_eq(keys_lookup(LK_FN(KEY_DOWN), list_offer, true), LK_ACT_MOVE_DOWN);
	/* The same keys in a form mean the form's actions. */
	cr_assert_eq(keys_lookup(LK_KEY_ESC, form_actions, true), LK_ACT_CANCEL);
	cr_assert_eq(keys_lookup(LK_CTRL('s'), form_actions, true), LK_ACT_SAVE);
	cr_assert_eq(keys_lookup('\n', form_actions, true), LK_ACT_NEWLINE);
	cr_assert_eq(keys_lookup(LK_FN(KEY_DOWN), form_actions, true), LK_ACT_LINE_DOWN);
	cr_assert_eq(keys_lookup(LK_KEY_DEL, form_actions, true), LK_ACT_DEL_BACK);
}

Test(ui_keys, what_is_text)
{
	cr_assert(keys_is_text('a'));
	cr_assert(keys_is_text(' '));
	cr_assert(keys_is_text(0x4f1f));  /* 伟 */
	cr_assert(keys_is_text(0x0627));  /* ا */
	cr_assert_not(keys_is_text('\n'));
	cr_assert_not(keys_is_text(LK_KEY_DEL));
	cr_assert_not(keys_is_text(0x85)); /* C1 */
	cr_assert_not(keys_is_text(LK_FN(KEY_LEFT)));
}

static const lk_view_ops *const all_views[] = {
	&home_view, &people_view, &person_detail_view, &person_form_view, &help_view,
};

Test(ui_keys, no_view_has_two_actions_on_one_key)
{
	for (size_t i = 0; i < sizeof all_views / sizeof all_views[0]; i++) {
		lk_action a, b;
		lk_key k = keys_clash(all_views[i]->actions, all_views[i]->text_entry, &a, &b);
		cr_assert_eq(k, 0, "%s: key %d is %s and %s", all_views[i]->name, k,
			keys_action(a)->name, keys_action(b)->name);
		for (const lk_action *h = all_views[i]->hints; *h; h++) {
			bool offered = keys_action(*h)->group == LK_GROUP_GLOBAL;
			for (const lk_action *o = all_views[i]->actions; *o; o++)
				offered |= *o == *h;
			cr_assert(offered, "%s hints %s without offering it", all_views[i]->name, keys_action(*h)->name);
		}
	}
}

Test(ui_keys, a_clash_is_found)
{
	static const lk_action clash[] = {LK_ACT_BACK, LK_ACT_CANCEL, 0};
	lk_action a, b;
	cr_assert_eq(keys_clash(clash, false, &a, &b), LK_KEY_ESC);
	cr_assert_eq(a, LK_ACT_BACK);
	cr_assert_eq(b, LK_ACT_CANCEL);
}

Test(ui_keys, key_names_read_well)
{
	char buf[32];
	struct { lk_key k; const char *name; } cases[] = {
		{LK_FN(KEY_UP), "Up"}, {LK_FN(KEY_NPAGE), "PgDn"}, {LK_FN(KEY_F(2)), "F2"},
		{LK_CTRL('s'), "Ctrl-S"}, {LK_KEY_ESC, "Esc"}, {'\n', "Enter"}, {LK_KEY_TAB, "Tab"},
		{' ', "Space"}, {'a', "a"}, {0xe5, "å"}, {0x4f1f, "伟"}, {LK_FN(KEY_BTAB), "Shift-Tab"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		keys_name(cases[i].k, buf, sizeof buf);
		cr_assert_str_eq(buf, cases[i].name);
	}
	char names[64];
	cr_assert_eq(keys_names(LK_ACT_OPEN, false, names, sizeof names), 1, "Enter is one key to people");
	cr_assert_str_eq(names, "Enter");
	keys_names(LK_ACT_DEL_BACK, false, names, sizeof names);
	cr_assert_str_eq(names, "Backspace, Ctrl-H");
	cr_assert_eq(keys_names(LK_ACT_HELP, true, names, sizeof names), 1);
	cr_assert_str_eq(names, "F1");
	cr_assert_eq(keys_names(LK_ACT_ADD, true, names, sizeof names), 0, "a is text in a form");
}

Test(ui_keys, bottom_lines_are_generated)
{
	char *h = keys_hint_line(people_view.hints, people_view.text_entry, true);
	cr_assert_str_eq(h, "Enter open  a add  e edit  d delete  / filter  Esc back  ? help");
	free(h);
	h = keys_hint_line(person_form_view.hints, person_form_view.text_entry, true);
	cr_assert_str_eq(h, "Ctrl-S save  Esc cancel  Tab next field  F1 help");
	free(h);
	h = keys_hint_line(home_view.hints, false, false);
	cr_assert_str_eq(h, "Enter open  q quit");
	free(h);
}

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

static void help_of(const lk_view_ops *v, struct help_text *t)
{
	t->buf[0] = 0;
	lk_help_sink sink = {on_heading, on_entry, t};
	keys_help(v->actions, v->text_entry, &sink);
}

Test(ui_keys, help_of_people_is_pinned)
{
	struct help_text t;
	help_of(&people_view, &t);
	cr_assert_str_eq(t.buf,
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
		"Changing\n"
		"  a | Add a new entry\n"
		"  e | Edit the selected entry\n"
		"  d | Delete the selected entry (asks first)\n"
		"Everywhere\n"
		"  ?, F1 | Show the keys of this screen\n"
		"  Ctrl-L | Redraw the screen\n"
		"  Ctrl-Z | Suspend to the shell (fg comes back)\n"
		"  Ctrl-C | Quit lmskurs\n");
}

Test(ui_keys, help_of_a_form_lists_no_printable_keys)
{
	struct help_text t;
	help_of(&person_form_view, &t);
	cr_assert(strstr(t.buf, "  Ctrl-S, F2 | Save\n"), "%s", t.buf);
	cr_assert(strstr(t.buf, "  F1 | Show the keys of this screen\n"), "%s", t.buf);
	cr_assert(strstr(t.buf, "  Ctrl-U | Erase from the start of the line to the cursor\n"), "%s", t.buf);
	cr_assert_null(strstr(t.buf, "?"), "? is text in a form: %s", t.buf);
	cr_assert_null(strstr(t.buf, "Moving"), "a form offers no list moves: %s", t.buf);
}
