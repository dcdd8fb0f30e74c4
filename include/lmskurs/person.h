/*
 * person.h — people who plan and facilitate: professionals (fagpersoner) and
 * user representatives (brukerrepresentanter). Not participants.
 */
#ifndef LMSKURS_PERSON_H
#define LMSKURS_PERSON_H

#include <stdbool.h>
#include <stdint.h>
#include "lmskurs/ctx.h"

typedef enum lk_person_kind {
	LK_PROFESSIONAL,
	LK_USER_REP,
} lk_person_kind;

typedef struct lk_person {
	int64_t id;
	char *name;
	lk_person_kind kind;
	char *profession;    /* professionals: sykepleier, lege, ernæringsfysiolog ... */
	char *organisation;  /* user representatives: LHL, Diabetesforbundet ... */
	char *email;
	char *phone;
	char *notes;
	bool active;
	int64_t version;
} lk_person;

typedef struct lk_person_filter {
	const char *text;      /* substring of name, profession or organisation; NULL = all */
	int kind;              /* -1 any, else lk_person_kind */
	bool include_inactive;
} lk_person_filter;

/* Frees the strings inside p (not p). */
void person_free(lk_person *p);

/* Creates p (id and version are set on success). Coordinators only. */
int person_create(lk_ctx *ctx, lk_person *p, lk_err *err);

/* Reads one person into out (caller frees with person_free). */
int person_get(lk_ctx *ctx, int64_t id, lk_person *out, lk_err *err);

/* Saves p if nobody changed it since p->version was read; bumps p->version. */
int person_update(lk_ctx *ctx, lk_person *p, lk_err *err);

/* Deletes a person who facilitates nothing, sits in no planning group or
 * meeting, owns no course and has no login linked; otherwise LK_ERULE saying
 * what they are booked for (deactivate them instead). */
int person_delete(lk_ctx *ctx, int64_t id, int64_t version, lk_err *err);

/* Streams one page of people sorted by name; each() returning non-zero stops. */
int person_list(lk_ctx *ctx, const lk_person_filter *f, lk_page page,
	int (*each)(void *arg, const lk_person *p), void *arg, lk_err *err);
int64_t person_count(lk_ctx *ctx, const lk_person_filter *f, lk_err *err);

/* What a person is booked for: sessions as facilitator (future ones too),
 * planning groups, meetings, courses they own, logins linked to them. */
typedef struct lk_person_usage {
	int64_t sessions, future_sessions, planning_groups, meetings, owned_courses, logins;
} lk_person_usage;
int person_usage(lk_ctx *ctx, int64_t id, lk_person_usage *out, lk_err *err);

const char *person_kind_code(lk_person_kind k);   /* "professional" | "user_rep" */
const char *person_kind_label(lk_person_kind k);  /* translated */
int person_kind_parse(const char *code, lk_person_kind *out);

#endif
