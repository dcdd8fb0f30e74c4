/*
 * demo_data.h — private to demo.c: the example centre's catalogue and the
 * names it draws from. Norwegian texts, as a centre would write them.
 */
#ifndef LMSKURS_DEMO_DATA_H
#define LMSKURS_DEMO_DATA_H

struct demo_part {
	const char *topic;
	int minutes;
};

struct demo_course {
	const char *title;
	const char *audience; /* patients | relatives | both */
	const char *why, *target_group, *goals, *frame, *content, *methods, *evaluation;
	const char *room;
	int weekday;          /* 1 = Monday; each course has its own slot so the */
	int hour;             /* example data has no accidental clashes */
	int capacity;
	const char *profession; /* the professional the course needs most */
	const char *organisation; /* the user organisation that co-owns it */
	struct demo_part parts[8];
};

extern const struct demo_course demo_courses[];
extern const int demo_course_count;

extern const char *const demo_given[];
extern const int demo_given_count;
extern const char *const demo_family[];
extern const int demo_family_count;
/* Whole names in other scripts and languages, used as they are. */
extern const char *const demo_world_names[];
extern const int demo_world_name_count;

extern const char *const demo_professions[];
extern const int demo_profession_count;
extern const char *const demo_good[];
extern const int demo_good_count;
extern const char *const demo_change[];
extern const int demo_change_count;

#endif
