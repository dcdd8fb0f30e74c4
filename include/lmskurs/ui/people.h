/*
 * ui/people.h — the People screens: the list (people_view), one person's
 * details (person_detail_view, arg: const int64_t *id) and the add/edit
 * form (person_form_view, arg: NULL to add, const int64_t *id to edit).
 *
 *   people_view ──Enter──▶ person_detail_view ──e──▶ person_form_view
 *               ──a / e──▶ person_form_view ──Ctrl-S──▶ person_create/update
 *               ──d──▶ people_delete: person_usage ▶ confirm ▶ person_delete
 */
#ifndef LMSKURS_UI_PEOPLE_H
#define LMSKURS_UI_PEOPLE_H

#include <stdbool.h>
#include <stdint.h>

#include "lmskurs/person.h"
#include "lmskurs/ui/list.h"
#include "lmskurs/ui/view.h"

extern const lk_view_ops people_view;
extern const lk_view_ops person_detail_view;
extern const lk_view_ops person_form_view;

/* Where people_list_ops reads from: lk_list.arg points at one. The text
 * filter is the list's own (l->filter). */
typedef struct lk_people_source {
	lk_ctx *ctx;
	int kind;              /* -1 any, else lk_person_kind */
	bool include_inactive;
} lk_people_source;

/* A paged list of people (rows are lk_person, row id the person's id):
 * the People screen and the person picker share it. */
extern const lk_list_ops people_list_ops;

/* Asks to delete person id (saying what they are booked for), then asks
 * the core; its refusal is shown in a dialog. Returns true when deleted. */
bool people_delete(lk_ui *ui, int64_t id, int64_t version, const char *name);

/* "active" or "inactive", translated; static storage, not to be freed. */
const char *people_active_label(bool active);

#endif
