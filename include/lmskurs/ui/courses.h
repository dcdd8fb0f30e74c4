/*
 * ui/courses.h — the course catalogue and one course.
 *
 *   courses_view ──Enter──▶ course_view (arg: const int64_t *course id), tabs:
 *       Overview and plan (the six elements) · Planning group · Session plan ·
 *       Checklist and phase · Meetings · Runs · Revisions
 *   course_view Runs tab ──a──▶ new run (run_create + run_schedule) ──▶ run_view
 *   courses_view ──a──▶ course_form_view ──Ctrl-S──▶ course_create ──▶ course_view
 *   course_view Overview ──e──▶ course_form_view (course_update, versioned)
 *
 * Each tab of course_view is an lk_course_tab in its own file
 * (src/ui/course_<tab>.c). The view swaps its ops to the current tab's
 * actions and hints, filtered by role, so the bottom line and the help
 * always show the keys that work on the tab shown.
 */
#ifndef LMSKURS_UI_COURSES_H
#define LMSKURS_UI_COURSES_H

#include <stdbool.h>
#include <stdint.h>

#include "lmskurs/course.h"
#include "lmskurs/ui/form.h"
#include "lmskurs/ui/list.h"
#include "lmskurs/ui/view.h"

extern const lk_view_ops courses_view;
extern const lk_view_ops course_view;
/* arg NULL: a new course (title, audience, why, owner, backing); after
 * saving, course_view opens on it. arg const int64_t *id: edits every
 * field of that course, the six plan elements included. */
extern const lk_view_ops course_form_view;

/* ---- shared by the course screens (src/ui/course*.c) and their tests ---- */

/* A view's ops with only what a role may use: without LK_PERM_EDIT_PLAN
 * the Changing actions are left out of actions and hints. Lives in the
 * view's state; the view points v->ops at .ops. */
typedef struct lk_role_ops {
	lk_view_ops ops;
	lk_action actions[LK_ACT_COUNT + 1];
	lk_action hints[LK_ACT_COUNT + 1];
} lk_role_ops;

/* Fills out from ops, with actions and hints (NULL: ops's own) filtered
 * for role. */
void courses_role_ops(lk_role_ops *out, const lk_view_ops *ops, const lk_action *actions,
	const lk_action *hints, lk_role role);

/* True when the user may change plans; otherwise says why on the status
 * line, so nobody fills in a form only to have it refused. */
bool courses_may_edit(lk_ui *ui);

/* Asks to delete course id (saying what goes with it: session plan,
 * planning group, meetings, checklist, revisions), then asks the core,
 * whose refusal (a course with runs) is shown in a dialog. True when
 * deleted. */
bool courses_delete(lk_ui *ui, int64_t id, int64_t version, const char *title);

/* The course_view as the tabs see it. */
typedef struct lk_course_page {
	lk_ui *ui;
	int64_t id;
	int tab;             /* index into course_tabs */
	lk_course course;    /* as last read */
	char *owner_name;    /* NULL: no owner named */
	bool gone;           /* deleted by someone else while shown */
	lk_list list;        /* the current tab's list (list.ops NULL on tabs without) */
	int scroll;          /* first line shown on tabs that scroll text */
	/* Filled by the tabs' reload: */
	int64_t n_prof, n_rep;     /* planning group */
	int64_t n_parts, minutes;  /* session plan */
	char **overrides;          /* kept gate overrides as lines, newest first; owned */
	int n_overrides;
} lk_course_page;

typedef struct lk_course_tab {
	const char *label;             /* msgid */
	const lk_list_ops *list_ops;   /* NULL: the tab has no list; rows read through
	                                  list.arg, which is the page */
	const lk_action *actions;      /* offered on the tab (0-terminated) */
	const lk_action *hints;
	/* Reads what the tab shows besides its list; may be NULL. */
	int (*reload)(lk_course_page *p, lk_err *err);
	/* Draws the body below the tab row; NULL: the list fills it. */
	void (*draw)(lk_course_page *p, lk_rect r);
	/* Handles an action; false hands it to the driver. */
	bool (*request)(lk_course_page *p, lk_action a);
	/* Frees what reload allocated; may be NULL. */
	void (*forget)(lk_course_page *p);
} lk_course_tab;

enum { LK_COURSE_TABS = 7 };
extern const lk_course_tab *const course_tabs[LK_COURSE_TABS];

extern const lk_course_tab course_tab_overview;   /* course.c */
extern const lk_course_tab course_tab_group;      /* course_group.c */
extern const lk_course_tab course_tab_plan;       /* course_plan.c */
extern const lk_course_tab course_tab_checklist;  /* course_checklist.c */
extern const lk_course_tab course_tab_meetings;   /* course_meetings.c */
extern const lk_course_tab course_tab_runs;       /* course_runs.c */
extern const lk_course_tab course_tab_revisions;  /* course_revisions.c */

/* The ops of tab i for role: the tab's actions and hints with the keys
 * every tab has (tabs, back), the Changing ones only for coordinators.
 * course_view itself is tab 0 for a coordinator. */
void course_tab_ops(lk_role_ops *out, int i, lk_role role);

/* Re-reads the course, the tab's extras and its list; errors go to the
 * status line. Tabs call it after a change of their own. */
void course_page_reload(lk_course_page *p);

/* The lists of the tabs read through the page (list.arg). */
static inline lk_ctx *course_page_ctx(const lk_list *l)
{
	return ((const lk_course_page *)l->arg)->ui->ctx;
}

/* Shows err from a refused change in a dialog titled title. */
void course_refused(lk_ui *ui, const char *title, const lk_err *err);

/* The forms of the course screens keep an lk_form first in their state
 * and share these: save runs on Ctrl-S, Esc asks before losing typing. */
bool course_form_request(lk_view *v, lk_action a, void (*save)(lk_view *v));
bool course_form_input(lk_view *v, lk_key key);
void course_form_draw(lk_view *v, lk_rect r);
/* Puts the cursor of every text of several lines at its start, so a form
 * opened on saved texts shows their beginnings, not their ends. */
void course_form_home(lk_form *f);

/* Sub-views the tabs push. */
typedef struct lk_course_item_ref {
	int64_t course_id;
	int64_t id;     /* 0: a new one */
} lk_course_item_ref;
extern const lk_view_ops course_part_form_view;     /* arg: const lk_course_item_ref * */
extern const lk_view_ops course_meeting_form_view;  /* arg: const lk_course_item_ref * */
extern const lk_view_ops course_meeting_view;       /* arg: const int64_t *meeting id */
extern const lk_view_ops course_run_form_view;      /* arg: const int64_t *course id */
extern const lk_view_ops course_revision_form_view; /* arg: const int64_t *course id */
extern const lk_view_ops course_checklist_form_view;/* arg: const int64_t *course id */

#endif
