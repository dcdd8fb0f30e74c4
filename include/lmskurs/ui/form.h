/*
 * ui/form.h — a form of labelled fields, each with its own line editor or
 * choice, and an error shown next to the field it belongs to.
 *
 *   view state ──form_add_*──▶ lk_form (lives in the view: survives resize)
 *   action/key ──form_request/form_input──▶ field editor, choice, picker
 *   save: view reads form_text/form_choice/… ──▶ core operation
 *   core error ──form_set_error──▶ the field whose label starts the
 *                                  message (core names fields by the same
 *                                  translated label), else the form line
 *
 * Validation is the core's; the form only parses dates, times and numbers
 * (form_date, form_time, form_number), putting their errors on the field.
 */
#ifndef LMSKURS_UI_FORM_H
#define LMSKURS_UI_FORM_H

#include <stdbool.h>
#include <stdint.h>

#include "lmskurs/date.h"
#include "lmskurs/err.h"
#include "lmskurs/ui/edit.h"
#include "lmskurs/ui/screen.h"

typedef enum lk_field_kind {
	LK_FIELD_TEXT,
	LK_FIELD_MULTILINE,
	LK_FIELD_DATE,   /* typed "04.03.2027" or "2027-03-04" */
	LK_FIELD_TIME,   /* typed "12:30" */
	LK_FIELD_NUMBER, /* typed whole number */
	LK_FIELD_CHOICE, /* one of a fixed list; Left/Right/Space change it */
	LK_FIELD_PERSON, /* a person picked from a list dialog (Enter) */
} lk_field_kind;

typedef struct lk_field {
	char *label;           /* owned copy of the translated label */
	lk_field_kind kind;
	bool required;         /* marked "*"; the check itself is the core's */
	lk_edit edit;          /* text kinds */
	const char *const *choices; /* CHOICE: translated texts, not owned */
	int nchoices, choice;
	int64_t person_id;     /* PERSON: 0 = nobody */
	char *person_name;     /* owned */
	int person_kind;       /* PERSON: -1 any, else lk_person_kind to offer */
	char *error;           /* owned; shown under the field */
} lk_field;

typedef struct lk_form {
	lk_field *fields;
	int n, cap;
	int cur;        /* field with the cursor */
	int top;        /* first screen line shown (the form scrolls) */
	char *message;  /* owned; an error not tied to one field */
	bool changed;   /* something was typed or chosen since form_init */
} lk_form;

/* Multi-line fields show this many lines. */
enum { LK_FORM_MULTILINE_ROWS = 4 };

/* An empty form; form_free releases every field (not f itself). */
void form_init(lk_form *f);
void form_free(lk_form *f);

/* Adds a field; returns its index, or -1 when out of memory. text is the
 * starting text (NULL: empty); for DATE/TIME/NUMBER the typed form. */
int form_add_text(lk_form *f, lk_field_kind kind, const char *label, bool required, const char *text);
int form_add_choice(lk_form *f, const char *label, const char *const *choices, int n, int choice);
int form_add_person(lk_form *f, const char *label, bool required, int person_kind,
	int64_t id, const char *name);

/* Values. form_text is the editor's text (owned by the form). */
const char *form_text(const lk_form *f, int i);
int form_choice(const lk_form *f, int i);
int64_t form_person(const lk_form *f, int i);

/* Parse the typed text; on failure put the message on the field, move the
 * cursor there and return -1 with err. An empty optional field gives 0
 * and *empty = true (empty may be NULL for required fields). */
int form_date(lk_form *f, int i, lk_date *out, bool *empty, lk_err *err);
int form_time(lk_form *f, int i, int *hour, int *minute, bool *empty, lk_err *err);
int form_number(lk_form *f, int i, long min, long max, long *out, bool *empty, lk_err *err);

/* Clears every field error and the form message. */
void form_clear_errors(lk_form *f);

/* Shows err next to the field whose label begins err->msg (the longest
 * such label), moving the cursor there; otherwise as the form message.
 * Returns the field index or -1. */
int form_set_error(lk_form *f, const lk_err *err);

/* Moves the cursor to the next/previous field; false at the ends. */
bool form_next(lk_form *f);
bool form_prev(lk_form *f);

/* Form and editing actions (field moves, NEWLINE, the Editing-text group,
 * Left/Right on choices). A PERSON field opens the picker dialog on
 * NEWLINE, which needs ui (may be NULL in tests: then NEWLINE moves on).
 * Returns true when handled. SAVE and CANCEL are the view's. */
bool form_request(lk_form *f, lk_ui *ui, lk_action a);

/* Typed text into the current field; Space changes a choice. */
bool form_input(lk_form *f, lk_key key);

/* The actions a form offers, for view ops (0-terminated). */
extern const lk_action form_actions[];
extern const lk_action form_hints[];

/* Draws the fields inside r, scrolling so the current one shows, and
 * puts the terminal cursor in it. */
void form_draw(lk_form *f, lk_ui *ui, lk_rect r);

#endif
