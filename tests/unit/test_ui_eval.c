/* The evaluation screens: their keys and help are pinned (generated from
 * the key table), the pure helpers (typing a number answer, bars, trends,
 * hints) read right, and the views work headless (ui_push without curses)
 * against a real database: fast entry saves one form per transaction and
 * starts an empty one, corrections are versioned, roles are refused with
 * the core's words and a refusal writes nothing, the facilitators write
 * only their own evaluation, the evaluation meeting gets the planning
 * group, its decisions become revisions, and the results show means and
 * bars only from the minimum number of forms. */
#include <criterion/criterion.h>
#include <curses.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/meeting.h"
#include "lmskurs/questionnaire.h"
#include "lmskurs/response.h"
#include "lmskurs/revision.h"
#include "lmskurs/run.h"
#include "lmskurs/ui/eval.h"
#include "lmskurs/ui/form.h"
#include "lmskurs/ui/home.h"
#include "lmskurs/ui/keys.h"
#include "lmskurs/ui/uitext.h"
#include "lmskurs/ui/view.h"
#include "lmskurs/user.h"
#include "testlib.h"

static void utf8_locale(void)
{
	setlocale(LC_ALL, "C.UTF-8");
}

TestSuite(ui_eval, .init = utf8_locale);

/* ---- typing a number ---- */

static lk_eval_typed type_str(lk_eval_number *n, const char *keys)
{
	lk_eval_typed t = LK_TYPED_REFUSED;
	for (const char *k = keys; *k; k++)
		t = eval_number_type(n, *k);
	return t;
}

Test(ui_eval, a_scale_of_0_to_10_takes_one_digit_or_1_then_0)
{
	lk_eval_number n = {"", 0, 10};
	int v;
	cr_assert_eq(eval_number_type(&n, '3'), LK_TYPED_COMPLETE, "3 cannot grow: it is done");
	cr_assert_str_eq(n.text, "3");
	cr_assert_eq(eval_number_type(&n, '1'), LK_TYPED_PARTIAL, "typed over a complete one starts again; 1 may become 10");
	cr_assert_str_eq(n.text, "1");
	cr_assert_eq(eval_number_value(&n, &v), 1);
	cr_assert_eq(v, 1, "Enter takes the 1");
	cr_assert_eq(eval_number_type(&n, '5'), LK_TYPED_REFUSED, "15 is not on the scale");
	cr_assert_str_eq(n.text, "1", "a refused digit changes nothing");
	cr_assert_eq(eval_number_type(&n, '0'), LK_TYPED_COMPLETE);
	cr_assert_str_eq(n.text, "10");
	cr_assert_eq(eval_number_value(&n, &v), 1);
	cr_assert_eq(v, 10);
	n.text[0] = 0;
	cr_assert_eq(eval_number_type(&n, '0'), LK_TYPED_COMPLETE, "no 01, 02 …: 0 is done");
	cr_assert_eq(eval_number_type(&n, '-'), LK_TYPED_REFUSED, "no minus on 0..10");
	cr_assert_eq(eval_number_type(&n, 'x'), LK_TYPED_REFUSED);
	n.text[0] = 0;
	cr_assert_eq(eval_number_value(&n, &v), 0, "nothing typed is blank");
}

Test(ui_eval, choices_yes_no_and_negative_scales)
{
	lk_eval_number choice = {"", 1, 12};
	cr_assert_eq(type_str(&choice, "1"), LK_TYPED_PARTIAL, "option 1 may become 10, 11, 12");
	cr_assert_eq(type_str(&choice, "2"), LK_TYPED_COMPLETE);
	cr_assert_str_eq(choice.text, "12");
	cr_assert_eq(type_str(&choice, "0"), LK_TYPED_REFUSED, "there is no option 0");
	lk_eval_number three = {"", 1, 3};
	cr_assert_eq(type_str(&three, "2"), LK_TYPED_COMPLETE);
	cr_assert_eq(type_str(&three, "4"), LK_TYPED_REFUSED);
	cr_assert_str_eq(three.text, "2");
	lk_eval_number yn = {"", 0, 1};
	cr_assert_eq(type_str(&yn, "1"), LK_TYPED_COMPLETE);
	cr_assert_eq(type_str(&yn, "0"), LK_TYPED_COMPLETE);
	cr_assert_eq(type_str(&yn, "2"), LK_TYPED_REFUSED);
	lk_eval_number neg = {"", -2, 2};
	int v;
	cr_assert_eq(type_str(&neg, "-"), LK_TYPED_PARTIAL);
	cr_assert_eq(eval_number_value(&neg, &v), -1, "a lone minus is not finished");
	cr_assert_eq(type_str(&neg, "2"), LK_TYPED_COMPLETE);
	cr_assert_eq(eval_number_value(&neg, &v), 1);
	cr_assert_eq(v, -2);
	cr_assert_eq(type_str(&neg, "3"), LK_TYPED_REFUSED);
}

/* ---- bars, trends, counters, hints ---- */

static void assert_bar(int64_t count, int64_t max, int width, const char *want)
{
	char *b = eval_bar(count, max, width);
	cr_assert_str_eq(b, want, "%lld of %lld in %d", (long long)count, (long long)max, width);
	cr_assert_leq(uitext_width(b), width);
	free(b);
}

Test(ui_eval, bars_are_drawn_in_eighths_by_display_width)
{
	assert_bar(4, 8, 10, "█████");
	assert_bar(8, 8, 4, "████");
	assert_bar(1, 16, 10, "▋");        /* 5/8 of a column */
	assert_bar(3, 16, 10, "█▉");       /* 15/8 */
	assert_bar(1, 1000, 10, "▏");      /* tiny but not nothing */
	assert_bar(0, 5, 10, "");
	assert_bar(5, 0, 10, "");
	assert_bar(9, 8, 3, "███");        /* never wider than asked */
}

Test(ui_eval, trends_counters_and_hints_say_it_in_words)
{
	char *t = eval_trend_text(8.4, 7.9);
	cr_assert_str_eq(t, "↑ up 0.5");
	free(t);
	t = eval_trend_text(6.0, 7.25);
	cr_assert_str_eq(t, "↓ down 1.2");
	free(t);
	t = eval_trend_text(7.02, 7.0);
	cr_assert_str_eq(t, "→ same");
	free(t);
	t = eval_counter_text(7, 12);
	cr_assert_str_eq(t, "forms entered: 7 — came to the last session: 12");
	free(t);
	t = eval_counter_text(0, -1);
	cr_assert_str_eq(t, "forms entered: 0 — no session held yet");
	free(t);
	lk_question scale = {.kind = LK_QUESTION_SCALE, .scale_min = 0, .scale_max = 10};
	t = eval_entry_hint(&scale);
	cr_assert_str_eq(t, "Scale: type 0–10; 1 then Enter is 1, 1 then 0 is 10 · Space blank");
	free(t);
	lk_question five = {.kind = LK_QUESTION_SCALE, .scale_min = 1, .scale_max = 5};
	t = eval_entry_hint(&five);
	cr_assert_str_eq(t, "Scale: type 1–5 · Space blank");
	free(t);
	lk_question yn = {.kind = LK_QUESTION_YESNO};
	t = eval_entry_hint(&yn);
	cr_assert_str_eq(t, "Yes/no: 1 or y yes, 0 or n no · Space blank");
	free(t);
}

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

#define EVERYWHERE_TYPING \
	"Everywhere\n" \
	"  F1 | Show the keys of this screen\n" \
	"  Ctrl-L | Redraw the screen\n" \
	"  Ctrl-Z | Suspend to the shell (fg comes back)\n" \
	"  Ctrl-C | Quit lmskurs\n"

#define ANSWER_NEXT_HELP \
	"  Enter | Take the answer and go to the next question; on the last one save the form and start an empty one (in a written answer: Enter on an empty line)\n"

Test(ui_eval, help_of_fast_entry_is_pinned)
{
	struct help_text t;
	cr_assert_str_eq(help_of(&eval_entry_view, &t),
		"Forms\n"
		ANSWER_NEXT_HELP
		"  Space | Leave the question blank (not answered) and go to the next\n"
		"  Ctrl-S, F2 | Save\n"
		"  Esc | Close without saving\n"
		"  Tab | Go to the next field\n"
		"  Shift-Tab | Go to the previous field\n"
		"  Up | Go to the line or field above\n"
		"  Down | Go to the line or field below\n"
		"Editing text\n"
		"  Backspace, Ctrl-H | Erase the character before the cursor\n"
		EVERYWHERE);
	cr_assert_str_eq(help_of(&eval_entry_text_view, &t),
		"Forms\n"
		ANSWER_NEXT_HELP
		"  Ctrl-S, F2 | Save\n"
		"  Esc | Close without saving\n"
		"  Tab | Go to the next field\n"
		"  Shift-Tab | Go to the previous field\n"
		"  Up | Go to the line or field above\n"
		"  Down | Go to the line or field below\n"
		"Editing text\n"
		"  Left | Move left one character; in a choice, the previous option\n"
		"  Right | Move right one character; in a choice, the next option\n"
		"  Home, Ctrl-A | Go to the start of the line\n"
		"  End, Ctrl-E | Go to the end of the line\n"
		"  Backspace, Ctrl-H | Erase the character before the cursor\n"
		"  Delete, Ctrl-D | Erase the character under the cursor\n"
		"  Ctrl-U | Erase from the start of the line to the cursor\n"
		"  Ctrl-K | Erase from the cursor to the end of the line\n"
		EVERYWHERE_TYPING);
	char *h = keys_hint_line(eval_entry_view.hints, false, true);
	cr_assert_str_eq(h, "Enter next  Space blank  Tab next field  Ctrl-S save  Esc cancel  ? help");
	free(h);
}

Test(ui_eval, help_of_the_run_evaluation_and_the_runs_is_pinned)
{
	struct help_text t;
	cr_assert_str_eq(help_of(&eval_run_view, &t),
		"Moving\n"
		"  Up, k | Move up one row\n"
		"  Down, j | Move down one row\n"
		"  Home, g | Go to the first row\n"
		"  End, G | Go to the last row\n"
		"Screens\n"
		"  Enter | Open the selected entry\n"
		"  Esc, q | Go back to the previous screen\n"
		"  Q | Show the questionnaires (evaluation forms): make your own, copy one, change its questions\n"
		EVERYWHERE);
	cr_assert_str_eq(help_of(&eval_runs_view, &t),
		MOVING
		"Screens\n"
		"  Enter | Open the selected entry\n"
		"  Esc, q | Go back to the previous screen\n"
		"  / | Filter the list as you type; Enter keeps the filter, Esc clears it\n"
		"  f | Show only one phase; each press the next phase, then all again\n"
		"  Q | Show the questionnaires (evaluation forms): make your own, copy one, change its questions\n"
		EVERYWHERE);
}

Test(ui_eval, help_of_results_forms_and_facilitators_is_pinned)
{
	struct help_text t;
	cr_assert_str_eq(help_of(&eval_results_view, &t),
		MOVING
		"Screens\n"
		"  Enter | Open the selected entry\n"
		"  Esc, q | Go back to the previous screen\n"
		"  v | Show the results of the next questionnaire version that has forms\n"
		EVERYWHERE);
	cr_assert_str_eq(help_of(&eval_forms_view, &t),
		MOVING
		"Screens\n"
		"  Enter | Open the selected entry\n"
		"  Esc, q | Go back to the previous screen\n"
		"Changing\n"
		"  a | Add a new entry\n"
		"  e | Edit the selected entry\n"
		"  d | Delete the selected entry (asks first)\n"
		EVERYWHERE);
	cr_assert_str_eq(help_of(&eval_facilitators_view, &t),
		MOVING
		"Screens\n"
		"  Enter | Open the selected entry\n"
		"  Esc, q | Go back to the previous screen\n"
		"Changing\n"
		"  e | Edit the selected entry\n"
		"  d | Delete the selected entry (asks first)\n"
		EVERYWHERE);
	cr_assert_str_eq(help_of(&eval_texts_view, &t),
		MOVING
		"Screens\n"
		"  Esc, q | Go back to the previous screen\n"
		EVERYWHERE);
}

Test(ui_eval, help_of_the_meeting_and_questionnaires_is_pinned)
{
	struct help_text t;
	cr_assert_str_eq(help_of(&eval_meeting_view, &t),
		MOVING
		"Screens\n"
		"  Esc, q | Go back to the previous screen\n"
		"Changing\n"
		"  a | Add a new entry\n"
		"  e | Edit the selected entry\n"
		"  d | Delete the selected entry (asks first)\n"
		"  m | Record the evaluation meeting; once recorded, open it to change it and who attended\n"
		"  r | Turn the selected decision into a revision of the course: which plan element, what changes, why\n"
		EVERYWHERE);
	cr_assert_str_eq(help_of(&questionnaires_view, &t),
		MOVING
		"Screens\n"
		"  Enter | Open the selected entry\n"
		"  Esc, q | Go back to the previous screen\n"
		"Changing\n"
		"  a | Add a new entry\n"
		"  e | Edit the selected entry\n"
		"  d | Delete the selected entry (asks first)\n"
		"  c | Make a copy of the selected entry to change as your own\n"
		"  D | Make the selected questionnaire the default: used when neither the course nor the run chose one\n"
		EVERYWHERE);
	cr_assert_str_eq(help_of(&questionnaire_view, &t),
		MOVING
		"Screens\n"
		"  Enter | Open the selected entry\n"
		"  Esc, q | Go back to the previous screen\n"
		"Changing\n"
		"  a | Add a new entry\n"
		"  e | Edit the selected entry\n"
		"  d | Delete the selected entry (asks first)\n"
		"  K | Move the selected entry up one place\n"
		"  J | Move the selected entry down one place\n"
		EVERYWHERE);
}

static const lk_view_ops *const all_views[] = {
	&eval_runs_view, &eval_run_view, &eval_entry_view, &eval_entry_text_view, &eval_forms_view,
	&eval_results_view, &eval_texts_view, &eval_facilitators_view, &eval_facilitator_form_view,
	&eval_meeting_view, &eval_meeting_form_view, &eval_decision_form_view, &eval_revision_form_view,
	&eval_pick_view, &questionnaires_view, &questionnaire_view, &questionnaire_form_view,
	&question_form_view,
};

Test(ui_eval, no_view_has_two_actions_on_one_key_and_hints_are_offered)
{
	for (size_t i = 0; i < sizeof all_views / sizeof all_views[0]; i++) {
		const lk_view_ops *v = all_views[i];
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

/* ---- against a database ---- */

static sqlite3 *raw_open(lk_ctx *ctx)
{
	sqlite3 *h;
	cr_assert_eq(sqlite3_open_v2(tl_db_path(ctx), &h, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
	sqlite3_busy_timeout(h, 5000);
	return h;
}

static int64_t raw_int(sqlite3 *h, const char *sql)
{
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK, "%s: %s", sql, sqlite3_errmsg(h));
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW, "%s: %s", sql, sqlite3_errmsg(h));
	int64_t v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* One text cell (freed by the caller). */
static char *raw_text(sqlite3 *h, const char *sql)
{
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK, "%s: %s", sql, sqlite3_errmsg(h));
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW, "%s", sql);
	const unsigned char *t = sqlite3_column_text(st, 0);
	char *s = strdup(t ? (const char *)t : "(null)");
	sqlite3_finalize(st);
	return s;
}

static void raw_exec(sqlite3 *h, const char *sql)
{
	char *msg = NULL;
	cr_assert_eq(sqlite3_exec(h, sql, NULL, NULL, &msg), SQLITE_OK, "%s: %s", sql, msg ? msg : "");
}

/* Changes seen by another connection: unchanged means nothing was written. */
static int64_t data_version(sqlite3 *h)
{
	return raw_int(h, "PRAGMA data_version");
}

/* A context for login linked to person_id, on coord's clock. */
static lk_ctx *ctx_as_person(lk_ctx *coord, const char *login, lk_role role, int64_t person_id)
{
	lk_err err;
	lk_ctx *c = NULL;
	cr_assert_eq(user_add(coord, login, role, person_id, &err), 0, "%s", err.msg);
	cr_assert_eq(ctx_open(tl_db_path(coord), LK_OPEN_EXISTING, login, NULL, &c, NULL, &err), 0, "%s", err.msg);
	c->clock = coord->clock;
	c->clock_arg = coord->clock_arg;
	return c;
}

/* A run under way: course "Leve med KOLS – Ålesund" with a planning group
 * of two, run 1 in execution with two held sessions led by both, three
 * participants of whom two came to the last session; a questionnaire of
 * four questions (scale 0..10, choice of 3, yes/no, text) as the default. */
typedef struct fixture {
	lk_ctx *ctx;
	sqlite3 *h;
	int64_t prof, rep, run, q, scale, choice, yesno, text;
} fixture;

static void make_form(fixture *fx)
{
	lk_err err;
	lk_questionnaire q = {.name = "Skjema for Åsgårdstrand", .description = ""};
	cr_assert_eq(questionnaire_create(fx->ctx, &q, &err), 0, "%s", err.msg);
	fx->q = q.id;
	char *opts[] = {"Pasient", "Pårørende", "Annet"};
	lk_question qs[] = {
		{.section = LK_SECTION_RATING, .kind = LK_QUESTION_SCALE, .text = "Totalt sett", .scale_min = 0,
		 .scale_max = 10, .label_min = "Dårlig", .label_max = "Svært bra"},
		{.section = LK_SECTION_BACKGROUND, .kind = LK_QUESTION_CHOICE, .text = "Jeg er", .n_options = 3, .options = opts},
		{.section = LK_SECTION_RATING, .kind = LK_QUESTION_YESNO, .text = "Vil du anbefale kurset?"},
		{.section = LK_SECTION_OPEN, .kind = LK_QUESTION_TEXT, .text = "Hva var bra?"},
	};
	int64_t *ids[] = {&fx->scale, &fx->choice, &fx->yesno, &fx->text};
	for (int i = 0; i < 4; i++) {
		cr_assert_eq(question_add(fx->ctx, q.id, &qs[i], &err), 0, "%s", err.msg);
		*ids[i] = qs[i].id;
	}
	cr_assert_eq(questionnaire_set_default(fx->ctx, q.id, &err), 0, "%s", err.msg);
}

static void fixture_open(fixture *fx)
{
	fx->ctx = tl_ctx();
	fx->h = raw_open(fx->ctx);
	fx->prof = tl_person(fx->ctx, "Kari Nordmann-Øye", LK_PROFESSIONAL);
	fx->rep = tl_person(fx->ctx, "Åse Bråten 张", LK_USER_REP);
	make_form(fx);
	char sql[1024];
	raw_exec(fx->h, "INSERT INTO course (id, title, audience, phase, created_at, updated_at) VALUES "
			"(1, 'Leve med KOLS – Ålesund', 'patients', 'active', '2026-11-01T09:00:00', '2026-11-01T09:00:00')");
	snprintf(sql, sizeof sql, "INSERT INTO planning_member (course_id, person_id, added_at) VALUES "
		"(1, %lld, '2026-11-01T09:00:00'), (1, %lld, '2026-11-01T09:00:00')", (long long)fx->prof, (long long)fx->rep);
	raw_exec(fx->h, sql);
	raw_exec(fx->h, "INSERT INTO course_part (course_id, position, topic, minutes) VALUES (1, 1, 'Hva er KOLS?', 120)");
	raw_exec(fx->h, "INSERT INTO run (id, course_id, title, phase, capacity, created_at) VALUES "
			"(1, 1, 'Våren 2027', 'execution', 12, '2026-11-01T09:00:00')");
	raw_exec(fx->h, "INSERT INTO session (id, run_id, seq, starts_at, ends_at, status) VALUES "
			"(1, 1, 1, '2027-01-04T17:00', '2027-01-04T19:00', 'held'), "
			"(2, 1, 2, '2027-01-07T17:00', '2027-01-07T19:00', 'held')");
	snprintf(sql, sizeof sql, "INSERT INTO session_facilitator (session_id, person_id) VALUES "
		"(1, %lld), (1, %lld), (2, %lld), (2, %lld)", (long long)fx->prof, (long long)fx->rep,
		(long long)fx->prof, (long long)fx->rep);
	raw_exec(fx->h, sql);
	raw_exec(fx->h, "INSERT INTO participant (id, name, created_at) VALUES "
			"(1, 'Ola Nordmann', '2026-12-01T09:00:00'), (2, 'محمد علي', '2026-12-01T09:00:00'), "
			"(3, 'Zhang Wei 张伟', '2026-12-01T09:00:00')");
	raw_exec(fx->h, "INSERT INTO enrollment (id, run_id, participant_id, category, status, requested_at, placed_at) VALUES "
			"(1, 1, 1, 'patient', 'registered', '2026-12-01T09:00:00', '2026-12-01T09:00:00'), "
			"(2, 1, 2, 'patient', 'registered', '2026-12-01T09:00:00', '2026-12-01T09:00:00'), "
			"(3, 1, 3, 'relative', 'registered', '2026-12-01T09:00:00', '2026-12-01T09:00:00')");
	raw_exec(fx->h, "INSERT INTO attendance (session_id, enrollment_id, status, marked_by, marked_at) VALUES "
			"(2, 1, 'present', 'koord', '2027-01-07T19:00:00'), (2, 2, 'present', 'koord', '2027-01-07T19:00:00'), "
			"(2, 3, 'absent', 'koord', '2027-01-07T19:00:00')");
	fx->run = 1;
}

/* The one answer to question_id (asserts there is one). */
static int64_t answer_int(fixture *fx, int64_t question_id)
{
	char sql[128];
	snprintf(sql, sizeof sql, "SELECT value_int FROM answer WHERE question_id = %lld", (long long)question_id);
	return raw_int(fx->h, sql);
}

static void fixture_close(fixture *fx)
{
	sqlite3_close(fx->h);
	ctx_close(fx->ctx);
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

/* A key as the main loop hands it: an action where the top view offers
 * one (not handled: Esc/q go back), else typed input. */
static void press(struct ui_fixture *f, lk_key key)
{
	lk_view *v = ui_top(&f->ui);
	cr_assert_not_null(v);
	lk_action a = keys_lookup(key, v->ops->actions, v->ops->text_entry);
	lk_list *l = v->ops->list ? v->ops->list(v) : NULL;
	lk_err err;
	if (a == LK_ACT_NONE)
		cr_assert(v->ops->input && v->ops->input(v, key), "key %d not taken by %s", key, v->ops->name);
	else if (v->ops->request && v->ops->request(v, a))
		return;
	else if (a == LK_ACT_BACK || a == LK_ACT_CANCEL)
		ui_pop(&f->ui);
	else if (l)
		cr_assert(list_request(l, a, &err) && err.code == LK_OK, "%s", err.msg);
}

static void type(struct ui_fixture *f, const char *text)
{
	for (const char *p = text; *p;) {
		uint32_t cp;
		p += uitext_decode(p, strlen(p), &cp);
		press(f, (lk_key)cp);
	}
}

static const lk_key ENTER = '\n', SPACE = ' ';

Test(ui_eval, a_user_representative_types_forms_one_after_the_other)
{
	fixture fx;
	fixture_open(&fx);
	lk_ctx *rep = ctx_as_person(fx.ctx, "brukerrep", LK_ROLE_USER_REP, fx.rep);
	struct ui_fixture f;
	lk_eval_entry_ref ref = {fx.run, 0};
	lk_view *v = push(&f, rep, &eval_entry_view, &ref);
	char *t = v->ops->title(v);
	cr_assert_str_eq(t, "Fast entry: Leve med KOLS – Ålesund · Våren 2027 · form 1");
	free(t);
	cr_assert_eq(v->ops, &eval_entry_view, "a number question first");

	/* 1 then 0 is ten and moves on; 2 picks Pårørende and moves on; y is yes. */
	type(&f, "10");
	cr_assert_eq(eval_entry_current(v), 1);
	type(&f, "2");
	type(&f, "y");
	cr_assert_eq(eval_entry_current(v), 3);
	cr_assert_eq(v->ops, &eval_entry_text_view, "a written answer takes text");
	type(&f, "Gode samtaler – æøå");
	press(&f, ENTER);
	type(&f, "og 北京 ?q");
	cr_assert_str_eq(eval_entry_answer(v, 3), "Gode samtaler – æøå\nog 北京 ?q", "q and ? are text here");
	int64_t before = data_version(fx.h);
	press(&f, ENTER);
	cr_assert_eq(data_version(fx.h), before, "a new line first: nothing saved yet");
	press(&f, ENTER); /* Enter on an empty line of the last question saves */
	cr_assert_str_eq(f.ui.status, "Saved form 1. Here is an empty form for the next one.");
	cr_assert_eq(raw_int(fx.h, "SELECT count(*) FROM response WHERE run_id = 1 AND entered_by = 'brukerrep' AND source = 'paper'"), 1);
	cr_assert_eq(answer_int(&fx, fx.scale), 10);
	cr_assert_eq(answer_int(&fx, fx.choice), 2);
	cr_assert_eq(answer_int(&fx, fx.yesno), 1);
	char sql[200];
	snprintf(sql, sizeof sql, "SELECT value_text FROM answer WHERE question_id = %lld", (long long)fx.text);
	char *txt = raw_text(fx.h, sql);
	cr_assert_str_eq(txt, "Gode samtaler – æøå\nog 北京 ?q");
	free(txt);

	/* The next form is empty, on question 1, and the counter moved on. */
	cr_assert_eq(eval_entry_current(v), 0);
	cr_assert_str_eq(eval_entry_answer(v, 0), "");
	cr_assert_str_eq(eval_entry_answer(v, 3), "");
	t = v->ops->title(v);
	cr_assert_str_eq(t, "Fast entry: Leve med KOLS – Ålesund · Våren 2027 · form 2");
	free(t);

	/* Form 2: 1 waits (Enter takes it), 5 after it is refused, Space
	 * leaves the choice blank, 0 is no, the text blank: Ctrl-S saves. */
	type(&f, "1");
	cr_assert_eq(eval_entry_current(v), 0, "1 may become 10: it waits");
	type(&f, "5");
	cr_assert_str_eq(eval_entry_answer(v, 0), "1");
	cr_assert(strstr(f.ui.status, "1 then Enter is 1"), "the hint says how: %s", f.ui.status);
	press(&f, ENTER);
	press(&f, SPACE);
	type(&f, "n");
	press(&f, LK_CTRL('s'));
	cr_assert_str_eq(f.ui.status, "Saved form 2. Here is an empty form for the next one.");
	cr_assert_eq(raw_int(fx.h, "SELECT count(*) FROM response"), 2);
	int64_t r2 = raw_int(fx.h, "SELECT max(id) FROM response");
	snprintf(sql, sizeof sql, "SELECT count(*) || ':' || group_concat((question_id = %lld) || '=' || value_int, ',') "
		"FROM answer WHERE response_id = %lld", (long long)fx.scale, (long long)r2);
	txt = raw_text(fx.h, sql);
	cr_assert_str_eq(txt, "2:1=1,0=0", "the scale 1 and no; the blank choice and text are no answers");
	free(txt);
	ui_fini(&f.ui);
	ctx_close(rep);
	fixture_close(&fx);
}

Test(ui_eval, a_blank_form_and_a_run_not_under_way_are_refused_writing_nothing)
{
	fixture fx;
	fixture_open(&fx);
	struct ui_fixture f;
	lk_eval_entry_ref ref = {fx.run, 0};
	lk_view *v = push(&f, fx.ctx, &eval_entry_view, &ref);
	int64_t before = data_version(fx.h);
	press(&f, LK_CTRL('s'));
	cr_assert_eq(ui_top(&f.ui), v, "refused: the form stays");
	cr_assert(strstr(f.ui.status, "The form has no answers"), "%s", f.ui.status);
	cr_assert_eq(data_version(fx.h), before);
	ui_fini(&f.ui);

	raw_exec(fx.h, "UPDATE run SET phase = 'registration' WHERE id = 1");
	before = data_version(fx.h);
	ui_init(&f.ui, fx.ctx, NULL, false);
	cr_assert_eq(ui_push(&f.ui, &eval_entry_view, &ref, &f.err), -1);
	cr_assert_eq(f.err.code, LK_ERULE);
	cr_assert(strstr(f.ui.status, "once the run is under way"), "%s", f.ui.status);
	cr_assert_null(ui_top(&f.ui));
	cr_assert_eq(data_version(fx.h), before);
	ui_fini(&f.ui);
	fixture_close(&fx);
}

Test(ui_eval, staff_may_not_enter_forms_nor_see_results)
{
	fixture fx;
	fixture_open(&fx);
	lk_ctx *staff = tl_ctx_as(fx.ctx, "vert", LK_ROLE_STAFF);
	int64_t before = data_version(fx.h);
	struct ui_fixture f;
	ui_init(&f.ui, staff, NULL, false);
	lk_eval_entry_ref ref = {fx.run, 0};
	cr_assert_eq(ui_push(&f.ui, &eval_entry_view, &ref, &f.err), -1);
	cr_assert_eq(f.err.code, LK_EPERM);
	cr_assert(strstr(f.ui.status, "As staff you may not enter evaluation forms"), "%s", f.ui.status);
	cr_assert_eq(ui_push(&f.ui, &eval_forms_view, &fx.run, &f.err), -1);
	cr_assert_eq(f.err.code, LK_EPERM);
	lk_result_query q = {LK_RESULT_RUN, fx.run, 0};
	cr_assert_eq(ui_push(&f.ui, &eval_results_view, &q, &f.err), -1);
	cr_assert_eq(f.err.code, LK_EPERM);
	/* The run's evaluation opens, without those rows; the facilitators'
	 * own evaluations are there (staff may write their own). */
	cr_assert_eq(ui_push(&f.ui, &eval_run_view, &fx.run, &f.err), 0, "%s", f.err.msg);
	cr_assert_null(ui_top(&f.ui)->ops->list);
	cr_assert_eq(data_version(fx.h), before, "refusals wrote nothing");
	lk_home_section s[LK_HOME_SECTIONS];
	int n = home_sections(LK_ROLE_STAFF, s);
	for (int i = 0; i < n; i++)
		cr_assert_neq(s[i], LK_HOME_EVALUATION, "staff have no Evaluation section");
	n = home_sections(LK_ROLE_USER_REP, s);
	bool has = false;
	for (int i = 0; i < n; i++)
		has |= s[i] == LK_HOME_EVALUATION;
	cr_assert(has, "user representatives have it");
	ui_fini(&f.ui);
	ctx_close(staff);
	fixture_close(&fx);
}

static int64_t add_form(fixture *fx, int scale, int choice, int yesno, const char *text)
{
	lk_err err;
	lk_answer a[4];
	int n = 0;
	if (scale >= 0)
		a[n++] = (lk_answer){.question_id = fx->scale, .value = scale};
	if (choice > 0)
		a[n++] = (lk_answer){.question_id = fx->choice, .value = choice};
	if (yesno >= 0)
		a[n++] = (lk_answer){.question_id = fx->yesno, .value = yesno};
	if (text)
		a[n++] = (lk_answer){.question_id = fx->text, .text = (char *)text};
	int64_t id;
	cr_assert_eq(response_add(fx->ctx, fx->run, 0, a, n, LK_SOURCE_PAPER, &id, &err), 0, "%s", err.msg);
	return id;
}

Test(ui_eval, a_saved_form_is_corrected_with_its_version)
{
	fixture fx;
	fixture_open(&fx);
	int64_t id = add_form(&fx, 7, 1, 1, "Bra");
	struct ui_fixture f;
	ui_init(&f.ui, fx.ctx, NULL, false);
	cr_assert_eq(ui_push(&f.ui, &eval_forms_view, &fx.run, &f.err), 0, "%s", f.err.msg);
	lk_view *list = ui_top(&f.ui);
	cr_assert_eq(list->ops->list(list)->total, 1);
	press(&f, ENTER);
	lk_view *v = ui_top(&f.ui);
	cr_assert_eq(v->ops, &eval_entry_view);
	char *t = v->ops->title(v);
	cr_assert_str_eq(t, "Correct a form: Leve med KOLS – Ålesund · Våren 2027");
	free(t);
	cr_assert_str_eq(eval_entry_answer(v, 0), "7", "the saved answers are filled in");
	cr_assert_str_eq(eval_entry_answer(v, 1), "1");
	cr_assert_str_eq(eval_entry_answer(v, 3), "Bra");
	type(&f, "9");
	press(&f, SPACE); /* the choice: blank now */
	press(&f, LK_CTRL('s'));
	cr_assert_eq(ui_top(&f.ui), list, "saved: back to the list");
	cr_assert_str_eq(f.ui.status, "Saved the corrected form.");
	char sql[160];
	snprintf(sql, sizeof sql, "SELECT version FROM response WHERE id = %lld", (long long)id);
	cr_assert_eq(raw_int(fx.h, sql), 2);
	cr_assert_eq(answer_int(&fx, fx.scale), 9);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM answer WHERE question_id = %lld", (long long)fx.choice);
	cr_assert_eq(raw_int(fx.h, sql), 0);

	/* Someone else corrects it meanwhile: refused, the typing stays. */
	press(&f, ENTER);
	v = ui_top(&f.ui);
	lk_err err;
	int64_t version = 2;
	lk_answer other[] = {{.question_id = fx.scale, .value = 3}};
	cr_assert_eq(response_update(fx.ctx, id, &version, other, 1, &err), 0, "%s", err.msg);
	int64_t before = data_version(fx.h);
	type(&f, "5");
	press(&f, LK_CTRL('s'));
	cr_assert_eq(ui_top(&f.ui), v, "the form stays open");
	cr_assert(strstr(f.ui.status, "changed by someone else meanwhile"), "%s", f.ui.status);
	cr_assert_str_eq(eval_entry_answer(v, 0), "5");
	cr_assert_eq(data_version(fx.h), before, "nothing written");
	cr_assert_eq(answer_int(&fx, fx.scale), 3);
	ui_fini(&f.ui);
	fixture_close(&fx);
}

Test(ui_eval, the_run_evaluation_counts_forms_against_who_came)
{
	fixture fx;
	fixture_open(&fx);
	lk_err err;
	int64_t forms;
	int came;
	cr_assert_eq(eval_read_counts(fx.ctx, fx.run, &forms, &came, &err), 0, "%s", err.msg);
	cr_assert_eq(forms, 0);
	cr_assert_eq(came, 2, "two came to session 2, one was absent");
	add_form(&fx, 5, 2, 0, NULL);
	cr_assert_eq(eval_read_counts(fx.ctx, fx.run, &forms, &came, &err), 0, "%s", err.msg);
	cr_assert_eq(forms, 1);
	raw_exec(fx.h, "UPDATE session SET status = 'planned'");
	cr_assert_eq(eval_read_counts(fx.ctx, fx.run, &forms, &came, &err), 0, "%s", err.msg);
	cr_assert_eq(came, -1, "no session held");
	lk_eval_facilitator *fac;
	int n;
	cr_assert_eq(eval_facilitators_read(fx.ctx, fx.run, &fac, &n, &err), 0, "%s", err.msg);
	cr_assert_eq(n, 2, "each person once");
	cr_assert_str_eq(fac[0].name, "Kari Nordmann-Øye", "professionals first");
	cr_assert_str_eq(fac[1].name, "Åse Bråten 张");
	eval_facilitators_free(fac, n);
	fixture_close(&fx);
}

Test(ui_eval, facilitators_write_their_own_evaluation_only)
{
	fixture fx;
	fixture_open(&fx);
	lk_ctx *rep = ctx_as_person(fx.ctx, "brukerrep", LK_ROLE_USER_REP, fx.rep);
	struct ui_fixture f;
	lk_view *v = push(&f, rep, &eval_facilitators_view, &fx.run);
	lk_list *l = v->ops->list(v);
	cr_assert_eq(l->total, 2);
	/* Kari's row (first): not the user's own. */
	int64_t before = data_version(fx.h);
	press(&f, ENTER);
	cr_assert_eq(ui_top(&f.ui), v, "nothing opened");
	cr_assert_str_eq(f.ui.status, "You may write only your own evaluation as facilitator.");
	lk_eval_fac_ref other = {fx.run, fx.prof};
	cr_assert_eq(ui_push(&f.ui, &eval_facilitator_form_view, &other, &f.err), -1);
	cr_assert_eq(f.err.code, LK_EPERM);
	cr_assert_eq(data_version(fx.h), before);
	/* Åse's own. */
	press(&f, 'j');
	press(&f, ENTER);
	cr_assert_eq(ui_top(&f.ui)->ops, &eval_facilitator_form_view);
	type(&f, "Godt samarbeid – vi delte på øktene.");
	press(&f, LK_CTRL('s'));
	cr_assert_eq(ui_top(&f.ui), v);
	cr_assert_str_eq(f.ui.status, "Saved the evaluation by Åse Bråten 张.");
	char *t = raw_text(fx.h, "SELECT text FROM facilitator_evaluation");
	cr_assert_str_eq(t, "Godt samarbeid – vi delte på øktene.");
	free(t);
	const char *cells[LK_LIST_COLS_MAX];
	l->ops->row_cells(list_selected(l), cells);
	cr_assert(strncmp(cells[2], "written Sun 10.01.2027", 22) == 0, "%s", cells[2]);
	ui_fini(&f.ui);
	ctx_close(rep);
	fixture_close(&fx);
}

Test(ui_eval, the_meeting_gets_the_planning_group_and_decisions_become_revisions)
{
	fixture fx;
	fixture_open(&fx);
	lk_ctx *rep = tl_ctx_as(fx.ctx, "brukerrep", LK_ROLE_USER_REP);
	struct ui_fixture f;
	/* A user representative sees it without the changing keys. */
	lk_view *v = push(&f, rep, &eval_meeting_view, &fx.run);
	cr_assert_eq(keys_lookup('m', v->ops->actions, false), LK_ACT_NONE);
	cr_assert_eq(keys_lookup('a', v->ops->actions, false), LK_ACT_NONE);
	int64_t before = data_version(fx.h);
	cr_assert(v->ops->request(v, LK_ACT_MEETING), "asked anyway, it refuses");
	cr_assert(strstr(f.ui.status, "As user representative you may not"), "%s", f.ui.status);
	cr_assert_eq(ui_top(&f.ui), v);
	cr_assert_eq(data_version(fx.h), before);
	ui_fini(&f.ui);

	v = push(&f, fx.ctx, &eval_meeting_view, &fx.run);
	press(&f, 'm');
	cr_assert_eq(ui_top(&f.ui)->ops, &eval_meeting_form_view);
	press(&f, '\t');
	type(&f, "18:00");
	press(&f, '\t');
	type(&f, "17:00");
	before = data_version(fx.h);
	press(&f, LK_CTRL('s'));
	cr_assert(strstr(f.ui.status, "must end after it starts"), "%s", f.ui.status);
	cr_assert_eq(data_version(fx.h), before, "refused: nothing written");
	press(&f, LK_CTRL('u'));
	type(&f, "20:00");
	press(&f, LK_CTRL('s'));
	cr_assert_eq(ui_top(&f.ui), v);
	cr_assert_str_eq(f.ui.status, "Recorded the meeting with the 2 members of the planning group as attending; m opens it to change who came.");
	cr_assert_eq(raw_int(fx.h, "SELECT count(*) FROM meeting WHERE kind = 'evaluation' AND run_id = 1 AND starts_at = '2027-01-10T18:00'"), 1);
	cr_assert_eq(raw_int(fx.h, "SELECT count(*) FROM meeting_attendee WHERE in_person = 1"), 2);

	press(&f, 'a');
	type(&f, "Flytte økta om pust til første samling.");
	press(&f, LK_CTRL('s'));
	cr_assert_eq(ui_top(&f.ui), v);
	lk_list *l = v->ops->list(v);
	cr_assert_eq(l->total, 1);
	const char *cells[LK_LIST_COLS_MAX];
	l->ops->row_cells(list_selected(l), cells);
	cr_assert_str_eq(cells[2], "no revision yet");
	press(&f, 'r');
	cr_assert_eq(ui_top(&f.ui)->ops, &eval_revision_form_view);
	press(&f, LK_CTRL('s'));
	cr_assert_eq(ui_top(&f.ui), v);
	cr_assert_str_eq(f.ui.status, "Added to the course's revision log (the course's Revisions tab, newest first).");
	char *t = raw_text(fx.h, "SELECT element || '|' || change || '|' || why FROM revision WHERE decision_id IS NOT NULL");
	cr_assert_str_eq(t, "content|Flytte økta om pust til første samling.|Decided at the evaluation meeting Sun 10.01.2027 wk 1, 18:00–20:00.");
	free(t);
	l->ops->row_cells(list_selected(l), cells);
	cr_assert_str_eq(cells[2], "revision made");
	ui_fini(&f.ui);
	ctx_close(rep);
	fixture_close(&fx);
}

/* The results page of run 1 as text. */
static char *results_text(lk_ctx *ctx, lk_result_scope scope, int64_t id)
{
	struct ui_fixture f;
	lk_result_query q = {scope, id, 0};
	lk_view *v = push(&f, ctx, &eval_results_view, &q);
	char *t = eval_results_text(v, 80);
	cr_assert_not_null(t);
	ui_fini(&f.ui);
	return t;
}

Test(ui_eval, results_show_counts_only_below_the_minimum_then_means_and_bars)
{
	fixture fx;
	fixture_open(&fx);
	add_form(&fx, 8, 1, 1, "Gode samtaler");
	add_form(&fx, 6, 2, 0, NULL);
	char *t = results_text(fx.ctx, LK_RESULT_RUN, fx.run);
	cr_assert(strstr(t, "! "), "%s", t);
	cr_assert(strstr(t, "   2 answered · 0 blank"), "%s", t);
	cr_assert_null(strstr(t, "mean"), "no means below the minimum: %s", t);
	cr_assert_null(strstr(t, "Gode samtaler"), "no free text below the minimum");
	free(t);

	add_form(&fx, 10, 1, 1, "Mer tid – æøå");
	add_form(&fx, 7, 3, 1, NULL);
	add_form(&fx, -1, 1, -1, NULL); /* the scale left blank */
	t = results_text(fx.ctx, LK_RESULT_RUN, fx.run);
	/* 8, 6, 10, 7: mean 7.75, median 7.5. */
	cr_assert(strstr(t, "1. Totalt sett\n   n 4 · blank 1 · mean 7.8 · median 7.5\n   0 = Dårlig · 10 = Svært bra\n"), "%s", t);
	cr_assert(strstr(t, "\nResponse rate: 5 of 2 who came to the last session"), "the core's rate: %s", t);
	/* Option 1 was chosen 3 times of 5: the longest bar, 60 %. */
	const char *p = strstr(t, "   Pasient   │");
	cr_assert_not_null(p, "%s", t);
	cr_assert(strstr(p, "   3  60 %"), "%s", p);
	cr_assert(strstr(t, "   – Gode samtaler\n   – Mer tid – æøå\n"), "%s", t);
	cr_assert(strstr(t, "compared with the course's earlier runs\nNo earlier run"), "%s", t);
	free(t);
	fixture_close(&fx);
}

Test(ui_eval, a_question_is_added_with_its_fields_following_the_kind)
{
	fixture fx;
	fixture_open(&fx);
	struct ui_fixture f;
	lk_question_ref ref = {fx.q, 0};
	lk_view *v = push(&f, fx.ctx, &question_form_view, &ref);
	lk_form *form = v->state;
	cr_assert_eq(form->n, 7, "a scale: kind, section, text, two ends, two words");
	press(&f, '\t');
	press(&f, '\t');
	type(&f, "Hvordan var lokalet? – Ærø");
	form->cur = 0;
	press(&f, LK_FN(KEY_RIGHT)); /* scale → choice */
	cr_assert_eq(form->n, 4, "a choice: kind, section, text, options");
	cr_assert_str_eq(form_text(form, 2), "Hvordan var lokalet? – Ærø", "the text stays");
	form->cur = 3;
	type(&f, "Godt");
	int64_t before = data_version(fx.h);
	press(&f, LK_CTRL('s'));
	cr_assert_eq(ui_top(&f.ui), v);
	cr_assert(strstr(f.ui.status, "needs 2 to 30 options; it has 1"), "%s", f.ui.status);
	cr_assert_eq(data_version(fx.h), before);
	press(&f, ENTER);
	type(&f, "Dårlig");
	press(&f, LK_CTRL('s'));
	cr_assert_null(ui_top(&f.ui));
	cr_assert_str_eq(f.ui.status, "Added question 5.");
	cr_assert_eq(raw_int(fx.h, "SELECT count(*) FROM question_option o JOIN question q ON q.id = o.question_id WHERE q.position = 5"), 2);
	ui_fini(&f.ui);

	/* Once the questionnaire has answers the core refuses the change; the
	 * form stays with the typing and nothing is written. */
	add_form(&fx, 5, 1, 1, NULL);
	ref.question_id = fx.scale;
	v = push(&f, fx.ctx, &question_form_view, &ref);
	form = v->state;
	form->cur = 2;
	type(&f, " (0–10)");
	before = data_version(fx.h);
	press(&f, LK_CTRL('s'));
	cr_assert_eq(ui_top(&f.ui), v);
	cr_assert(strstr(f.ui.status, "has answers"), "%s", f.ui.status);
	cr_assert_str_eq(form_text(form, 2), "Totalt sett (0–10)");
	cr_assert_eq(data_version(fx.h), before);
	ui_fini(&f.ui);
	/* With no answers the edit needs no new version and asks nothing. */
	int64_t id = fx.q;
	ui_init(&f.ui, fx.ctx, NULL, false);
	lk_questionnaire q = {.name = "Tomt skjema"};
	lk_err err;
	cr_assert_eq(questionnaire_create(fx.ctx, &q, &err), 0, "%s", err.msg);
	id = q.id;
	cr_assert(questionnaire_edit_ask(&f.ui, &id, 0, 1));
	cr_assert_eq(id, q.id);
	ui_fini(&f.ui);
	fixture_close(&fx);
}

Test(ui_eval, a_run_chooses_its_questionnaire_and_others_may_not)
{
	fixture fx;
	fixture_open(&fx);
	lk_err err;
	lk_questionnaire other = {.name = "Kort skjema – Ålesund"};
	cr_assert_eq(questionnaire_create(fx.ctx, &other, &err), 0, "%s", err.msg);
	lk_ctx *rep = tl_ctx_as(fx.ctx, "brukerrep", LK_ROLE_USER_REP);
	struct ui_fixture f;
	lk_eval_pick_ref ref = {fx.run, false};
	ui_init(&f.ui, rep, NULL, false);
	int64_t before = data_version(fx.h);
	cr_assert_eq(ui_push(&f.ui, &eval_pick_view, &ref, &f.err), -1);
	cr_assert_eq(f.err.code, LK_EPERM);
	cr_assert_eq(data_version(fx.h), before);
	ui_fini(&f.ui);

	lk_view *v = push(&f, fx.ctx, &eval_pick_view, &ref);
	lk_list *l = v->ops->list(v);
	cr_assert_eq(l->total, 4, "no choice, then the three questionnaires by name");
	const char *cells[LK_LIST_COLS_MAX];
	l->ops->row_cells(list_selected(l), cells);
	cr_assert_str_eq(cells[0], "(none: the course's choice, else the default)");
	cr_assert_str_eq(cells[3], "chosen");
	press(&f, 'j');
	l->ops->row_cells(list_selected(l), cells);
	cr_assert_str_eq(cells[0], "Kort skjema – Ålesund");
	press(&f, ENTER);
	cr_assert_null(ui_top(&f.ui));
	cr_assert_str_eq(f.ui.status, "Chosen: Kort skjema – Ålesund.");
	char sql[96];
	snprintf(sql, sizeof sql, "SELECT questionnaire_id = %lld FROM run WHERE id = 1", (long long)other.id);
	cr_assert_eq(raw_int(fx.h, sql), 1);
	ui_fini(&f.ui);
	ctx_close(rep);
	fixture_close(&fx);
}
