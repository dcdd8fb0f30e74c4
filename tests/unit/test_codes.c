/* codes.h: the code/label tables every module names its enums with, and
 * the modules' *_code / *_label / *_parse written over them. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "lmskurs/attendance.h"
#include "lmskurs/codes.h"
#include "lmskurs/conflict.h"
#include "lmskurs/course.h"
#include "lmskurs/ctx.h"
#include "lmskurs/enroll.h"
#include "lmskurs/i18n.h"
#include "lmskurs/meeting.h"
#include "lmskurs/person.h"
#include "lmskurs/phase.h"
#include "lmskurs/questionnaire.h"
#include "lmskurs/response.h"
#include "lmskurs/revision.h"
#include "lmskurs/session.h"
#include "testlib.h"

/* Index 2 is a hole: designated initialisers may leave one. */
static const lk_code_name table[] = {
	[0] = {"pasient", N_("patient")},
	[1] = {"pårørende", N_("relative")},
	[3] = {"brukerrepresentant", N_("user representative")},
};

Test(codes, code_of_each_entry_and_empty_outside)
{
	size_t n = LK_NCODES(table);
	cr_assert_eq(n, 4);
	cr_assert_str_eq(codes_code(table, n, 0), "pasient");
	cr_assert_str_eq(codes_code(table, n, 1), "pårørende");
	cr_assert_str_eq(codes_code(table, n, 3), "brukerrepresentant");
	cr_assert_str_eq(codes_code(table, n, 2), "", "a hole has no code");
	cr_assert_str_eq(codes_code(table, n, 4), "");
	cr_assert_str_eq(codes_code(table, n, -1), "");
	cr_assert_str_eq(codes_code(table, n, 1000000), "");
}

Test(codes, label_of_each_entry_and_empty_outside)
{
	size_t n = LK_NCODES(table);
	cr_assert_str_eq(codes_label(table, n, 0), gettext("patient"));
	cr_assert_str_eq(codes_label(table, n, 3), gettext("user representative"));
	cr_assert_str_eq(codes_label(table, n, 2), "");
	cr_assert_str_eq(codes_label(table, n, 4), "");
	cr_assert_str_eq(codes_label(table, n, -5), "");
}

Test(codes, parse_exact_codes_only)
{
	size_t n = LK_NCODES(table);
	int v = 77;
	cr_assert_eq(codes_parse(table, n, "pårørende", &v), 0);
	cr_assert_eq(v, 1);
	cr_assert_eq(codes_parse(table, n, "brukerrepresentant", &v), 0);
	cr_assert_eq(v, 3, "the hole before it is skipped");

	v = 77;
	const char *refused[] = {NULL, "", "Pasient", "pasient ", "pårørend", "PÅRØRENDE"};
	for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
		cr_assert_eq(codes_parse(table, n, refused[i], &v), -1, "%s", refused[i] ? refused[i] : "NULL");
		cr_assert_eq(v, 77, "a refused code leaves out alone");
	}
}

/* msgfmt po/nb.po into a temp folder; false when it cannot (no po/ here). */
static bool bokmal_catalogue(char *dir, size_t size)
{
	snprintf(dir, size, "%s/locale", tl_tmpdir());
	char mo[512], cmd[1200];
	snprintf(mo, sizeof mo, "%s/nb/LC_MESSAGES", dir);
	snprintf(cmd, sizeof cmd, "mkdir -p '%s' && msgfmt -o '%s/lmskurs.mo' po/nb.po 2>/dev/null", mo, mo);
	struct stat sb;
	return stat("po/nb.po", &sb) == 0 && system(cmd) == 0;
}

/* Out of range must not become gettext(""), which is the catalogue's header. */
Test(codes, labels_translate_and_never_give_the_catalogue_header)
{
	char dir[300];
	if (!bokmal_catalogue(dir, sizeof dir))
		cr_skip_test("po/nb.po or msgfmt not available");
	i18n_init("nb", dir);
	cr_assert_str_eq(course_audience_label(LK_AUDIENCE_BOTH), "pasienter og pårørende");
	cr_assert_str_eq(enroll_status_label(LK_ENR_WAITLISTED), "på venteliste");
	cr_assert_str_eq(codes_label(table, LK_NCODES(table), 9), "");
	cr_assert_str_eq(run_phase_label((lk_run_phase)LK_RUN_PHASE_COUNT), "");
	cr_assert_str_eq(role_label((lk_role)7), "");
	cr_assert_str_eq(attendance_status_label((lk_att_status)-1), "");
}

/* Every value of every module's enum: code and parse are inverse, the
 * label is not empty, and one past the end gives "" and does not parse. */
#define ROUND_TRIP(count, type, code_fn, label_fn, parse_fn)                                    \
	do {                                                                                    \
		for (int v = 0; v < (count); v++) {                                             \
			type back = (type)-1;                                                   \
			cr_assert_neq(*code_fn((type)v), '\0', #code_fn "(%d)", v);             \
			cr_assert_neq(*label_fn((type)v), '\0', #label_fn "(%d)", v);           \
			cr_assert_eq(parse_fn(code_fn((type)v), &back), 0, #parse_fn "(%d)", v); \
			cr_assert_eq((int)back, v);                                             \
		}                                                                               \
		type none = (type)0;                                                            \
		cr_assert_str_eq(code_fn((type)(count)), "");                                   \
		cr_assert_str_eq(label_fn((type)(count)), "");                                  \
		cr_assert_eq(parse_fn("nonsense", &none), -1);                                  \
		cr_assert_eq(parse_fn(NULL, &none), -1);                                        \
		cr_assert_eq((int)none, 0);                                                     \
	} while (0)

Test(codes, every_module_table_round_trips)
{
	ROUND_TRIP(LK_AUDIENCE_COUNT, lk_audience, course_audience_code, course_audience_label,
		course_audience_parse);
	ROUND_TRIP(LK_NEEDS_COUNT, lk_part_needs, course_part_needs_code, course_part_needs_label,
		course_part_needs_parse);
	ROUND_TRIP(LK_COURSE_PHASE_COUNT, lk_course_phase, course_phase_code, course_phase_label,
		course_phase_parse);
	ROUND_TRIP(LK_RUN_PHASE_COUNT, lk_run_phase, run_phase_code, run_phase_label, run_phase_parse);
	ROUND_TRIP(LK_MEETING_KIND_COUNT, lk_meeting_kind, meeting_kind_code, meeting_kind_label,
		meeting_kind_parse);
	ROUND_TRIP(LK_ELEMENT_COUNT, lk_plan_element, revision_element_code, revision_element_label,
		revision_element_parse);
	ROUND_TRIP(LK_SOURCE_COUNT, lk_response_source, response_source_code, response_source_label,
		response_source_parse);
	ROUND_TRIP(LK_SECTION_COUNT, lk_question_section, question_section_code, question_section_label,
		question_section_parse);
	ROUND_TRIP(LK_QUESTION_KIND_COUNT, lk_question_kind, question_kind_code, question_kind_label,
		question_kind_parse);
	ROUND_TRIP(LK_ATT_EXCUSED + 1, lk_att_status, attendance_status_code, attendance_status_label,
		attendance_status_parse);
	ROUND_TRIP(LK_CAT_RELATIVE + 1, lk_category, enroll_category_code, enroll_category_label,
		enroll_category_parse);
	ROUND_TRIP(LK_ENR_CANCELLED + 1, lk_enroll_status, enroll_status_code, enroll_status_label,
		enroll_status_parse);
	ROUND_TRIP(LK_SESSION_CANCELLED + 1, lk_session_status, session_status_code, session_status_label,
		session_status_parse);
	ROUND_TRIP(LK_USER_REP + 1, lk_person_kind, person_kind_code, person_kind_label, person_kind_parse);
	ROUND_TRIP(LK_ROLE_STAFF + 1, lk_role, role_code, role_label, role_parse);
}

/* The stored forms are what databases already hold: they must not drift. */
Test(codes, stored_forms_unchanged)
{
	cr_assert_str_eq(enroll_status_code(LK_ENR_WAITLISTED), "waitlisted");
	cr_assert_str_eq(run_phase_code(LK_RUN_REGISTRATION), "registration");
	cr_assert_str_eq(course_phase_code(LK_COURSE_REVISION), "revision");
	cr_assert_str_eq(course_part_needs_code(LK_NEEDS_USER_REP), "user_rep");
	cr_assert_str_eq(revision_element_code(LK_ELEMENT_SESSION_PLAN), "session_plan");
	cr_assert_str_eq(role_code(LK_ROLE_USER_REP), "user_rep");
	cr_assert_str_eq(conflict_kind_code(LK_CONFLICT_FACILITATOR), "facilitator");
	cr_assert_str_eq(conflict_kind_label(LK_CONFLICT_HOLIDAY), gettext("public holiday"));
	cr_assert_str_eq(conflict_kind_code(LK_CONFLICT_KIND_COUNT), "");
	cr_assert_str_eq(attendance_status_code(LK_ATT_EXCUSED), "excused");
	cr_assert_str_eq(question_kind_code(LK_QUESTION_YESNO), "yesno");
}
