/*
 * ui/courses.h — the course catalogue and one course.
 *
 *   courses_view ──Enter──▶ course_view (arg: const int64_t *course id), tabs:
 *       Overview and plan (the six elements) · Planning group · Session plan ·
 *       Checklist and phase · Meetings · Runs · Revisions
 *   course_view Runs tab ──a──▶ new run (run_create + run_schedule) ──▶ run_view
 */
#ifndef LMSKURS_UI_COURSES_H
#define LMSKURS_UI_COURSES_H

#include "lmskurs/ui/view.h"

extern const lk_view_ops courses_view;
extern const lk_view_ops course_view;

#endif
