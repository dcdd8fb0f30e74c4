/*
 * ui/keys.h — every action of the screens, defined once.
 *
 *   LK_ACTIONS (below) ──▶ enum lk_action, the bottom-line hints,
 *                          the help screen (keys_help), key lookup
 *
 * A view lists the actions it offers (0-terminated lk_action arrays); a key
 * means an action only where that action is offered, so the same key can
 * mean "move up" in a list and "previous field" in a form. The actions of
 * the "Everywhere" group (help, quit, redraw, suspend) are offered by every
 * view. Views that take typed text (forms, the filter line) set text_entry:
 * printable keys are then text and never actions.
 *
 * Keys are lk_key values: a Unicode code point for typed characters, or
 * LK_FN(KEY_xxx) for a curses function key. The table names curses key
 * codes, but only keys.c expands it, so this header needs no curses.h.
 */
#ifndef LMSKURS_UI_KEYS_H
#define LMSKURS_UI_KEYS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lmskurs/i18n.h"

typedef int32_t lk_key;

/* Function keys live above the last Unicode code point. */
#define LK_FN_BASE 0x200000
#define LK_FN(k) ((lk_key)(LK_FN_BASE + (k)))
#define LK_IS_FN(k) ((k) >= LK_FN_BASE)
#define LK_CTRL(c) ((lk_key)((c) & 0x1f))
#define LK_KEY_ESC 27
#define LK_KEY_TAB '\t'
#define LK_KEY_DEL 127

typedef enum lk_key_group {
	LK_GROUP_MOVE,
	LK_GROUP_VIEW,
	LK_GROUP_CHANGE,
	LK_GROUP_FORM,
	LK_GROUP_EDIT,
	LK_GROUP_DIALOG,
	LK_GROUP_GLOBAL,
	LK_GROUP_COUNT
} lk_key_group;

/* X(ID, name, group, hint, help, keys...): name is the stable English name
 * (for a future keys config), hint the short word on the bottom line, help
 * the sentence on the help screen; both N_() and translated when shown.
 * The first key is the one the bottom line shows. */
#define LK_ACTIONS(X) \
	X(MOVE_UP, "move-up", LK_GROUP_MOVE, N_("up"), N_("Move up one row"), LK_FN(KEY_UP), 'k') \
	X(MOVE_DOWN, "move-down", LK_GROUP_MOVE, N_("down"), N_("Move down one row"), LK_FN(KEY_DOWN), 'j') \
	X(PAGE_UP, "page-up", LK_GROUP_MOVE, N_("page up"), N_("Move up one page"), LK_FN(KEY_PPAGE)) \
	X(PAGE_DOWN, "page-down", LK_GROUP_MOVE, N_("page down"), N_("Move down one page"), LK_FN(KEY_NPAGE)) \
	X(MOVE_FIRST, "move-first", LK_GROUP_MOVE, N_("first"), N_("Go to the first row"), LK_FN(KEY_HOME), 'g') \
	X(MOVE_LAST, "move-last", LK_GROUP_MOVE, N_("last"), N_("Go to the last row"), LK_FN(KEY_END), 'G') \
	X(OPEN, "open", LK_GROUP_VIEW, N_("open"), N_("Open the selected entry"), '\n', '\r', LK_FN(KEY_ENTER)) \
	X(BACK, "back", LK_GROUP_VIEW, N_("back"), N_("Go back to the previous screen"), LK_KEY_ESC, 'q') \
	X(LEAVE, "leave", LK_GROUP_VIEW, N_("quit"), N_("Leave lmskurs"), 'q', LK_KEY_ESC) \
	X(FILTER, "filter", LK_GROUP_VIEW, N_("filter"), N_("Filter the list as you type; Enter keeps the filter, Esc clears it"), '/') \
	X(TAB_NEXT, "tab-next", LK_GROUP_VIEW, N_("next tab"), N_("Show the next tab"), LK_KEY_TAB) \
	X(TAB_PREV, "tab-prev", LK_GROUP_VIEW, N_("previous tab"), N_("Show the previous tab"), LK_FN(KEY_BTAB)) \
	X(TAB_NUMBER, "tab-number", LK_GROUP_VIEW, N_("tab by number"), N_("Show a tab by its number: 1 the first, 2 the second …"), '1') \
	X(FILTER_PHASE, "filter-phase", LK_GROUP_VIEW, N_("phase"), N_("Show only one phase; each press the next phase, then all again"), 'f') \
	X(FILTER_AUDIENCE, "filter-audience", LK_GROUP_VIEW, N_("audience"), N_("Show only one audience; each press the next audience, then all again"), 'u') \
	X(ADD, "add", LK_GROUP_CHANGE, N_("add"), N_("Add a new entry"), 'a') \
	X(EDIT, "edit", LK_GROUP_CHANGE, N_("edit"), N_("Edit the selected entry"), 'e') \
	X(DELETE, "delete", LK_GROUP_CHANGE, N_("delete"), N_("Delete the selected entry (asks first)"), 'd') \
	X(YEAR_PREV, "year-prev", LK_GROUP_VIEW, N_("year back"), N_("Show the year before"), '-', LK_FN(KEY_LEFT)) \
	X(YEAR_NEXT, "year-next", LK_GROUP_VIEW, N_("year on"), N_("Show the year after"), '+', '=', LK_FN(KEY_RIGHT)) \
	X(YEAR_ALL, "year-all", LK_GROUP_VIEW, N_("all years"), N_("Show every year"), '0') \
	X(WEEK_PREV, "week-prev", LK_GROUP_VIEW, N_("week back"), N_("Show the week before"), '-', LK_FN(KEY_LEFT)) \
	X(WEEK_NEXT, "week-next", LK_GROUP_VIEW, N_("week on"), N_("Show the week after"), '+', '=', LK_FN(KEY_RIGHT)) \
	X(WEEK_THIS, "week-this", LK_GROUP_VIEW, N_("this week"), N_("Go back to this week"), 't') \
	X(CHECKLIST, "checklist", LK_GROUP_VIEW, N_("checklist"), N_("Show the checklist of each phase (what the next phase's gate asks for)"), 'C') \
	X(SCHEDULE, "schedule", LK_GROUP_CHANGE, N_("schedule"), N_("Lay out the sessions from the course's session plan (replaces the sessions there are)"), 's') \
	X(FACILITATORS, "facilitators", LK_GROUP_CHANGE, N_("facilitators"), N_("Show and change the facilitators of the selected session"), 'f') \
	X(FACILITATORS_ALL, "facilitators-all", LK_GROUP_CHANGE, N_("same for all"), N_("Book the same professional and user representative for every planned session"), 'F') \
	X(CAPACITY, "capacity", LK_GROUP_CHANGE, N_("places"), N_("Set the number of places; people waiting move up when it rises"), 'c') \
	X(SESSION_STATUS, "session-status", LK_GROUP_CHANGE, N_("status"), N_("Mark the selected session held, cancelled or planned again (asks first)"), 'x') \
	X(PHASE_CANCEL, "phase-cancel", LK_GROUP_CHANGE, N_("cancel run"), N_("Cancel it altogether (asks for a written reason)"), 'X') \
	X(TOGGLE, "toggle", LK_GROUP_CHANGE, N_("tick"), N_("Tick or untick the selected entry"), ' ') \
	X(ITEM_UP, "item-up", LK_GROUP_CHANGE, N_("move up"), N_("Move the selected entry up one place"), 'K') \
	X(ITEM_DOWN, "item-down", LK_GROUP_CHANGE, N_("move down"), N_("Move the selected entry down one place"), 'J') \
	X(PHASE_NEXT, "phase-next", LK_GROUP_CHANGE, N_("next phase"), N_("Move to the next phase (first says what the phase still needs)"), '>') \
	X(PHASE_BACK, "phase-back", LK_GROUP_CHANGE, N_("phase back"), N_("Move back one phase to fix something"), '<') \
	X(RETIRE, "retire", LK_GROUP_CHANGE, N_("retire"), N_("Retire the course: no new runs, and it can be taken up again"), 'R') \
	X(NEW_COURSE, "new-course", LK_GROUP_CHANGE, N_("new course"), N_("Create a new course"), 'c') \
	X(EXAMPLE_DATA, "example-data", LK_GROUP_CHANGE, N_("example data"), N_("Load example data into an empty database, to look around"), 'd') \
	X(ATTENDANCE, "attendance", LK_GROUP_VIEW, N_("attendance"), N_("Mark who came to the selected session (attendance)"), 'o') \
	X(ATTENDANCE_GRID, "attendance-grid", LK_GROUP_VIEW, N_("attendance grid"), N_("Show the run's attendance: every participant at every session, with rates and who completed"), 'O') \
	X(PRINT_SHEET, "print-sheet", LK_GROUP_VIEW, N_("print"), N_("Print the attendance sheet: a PDF, and to the printer if you want"), 'p') \
	X(SCROLL_LEFT, "scroll-left", LK_GROUP_MOVE, N_("earlier"), N_("Scroll sideways to earlier sessions"), LK_FN(KEY_LEFT), 'h') \
	X(SCROLL_RIGHT, "scroll-right", LK_GROUP_MOVE, N_("later"), N_("Scroll sideways to later sessions"), LK_FN(KEY_RIGHT), 'l') \
	X(MARK_PRESENT, "mark-present", LK_GROUP_CHANGE, N_("present"), N_("Mark the selected participant present, then go to the next"), ' ', 'o', '1') \
	X(MARK_ABSENT, "mark-absent", LK_GROUP_CHANGE, N_("absent"), N_("Mark the selected participant absent, then go to the next"), 'f', '2') \
	X(MARK_EXCUSED, "mark-excused", LK_GROUP_CHANGE, N_("excused"), N_("Mark the selected participant excused (absent with a valid reason), then go to the next"), 'g', '3') \
	X(MARK_CLEAR, "mark-clear", LK_GROUP_CHANGE, N_("unmark"), N_("Remove the selected participant's mark (after the session's day, asks why)"), LK_FN(KEY_DC), LK_FN(KEY_BACKSPACE), LK_KEY_DEL, '0') \
	X(PARTICIPANTS, "participants", LK_GROUP_VIEW, N_("participants"), N_("Show the participants of the run: registered, then the waitlist"), 'P') \
	X(CANCEL_PLACE, "cancel-place", LK_GROUP_CHANGE, N_("cancel place"), N_("Cancel the selected person's place (asks first); the first person waiting moves up"), 'd') \
	X(MOVE_RUN, "move-run", LK_GROUP_CHANGE, N_("move"), N_("Move the selected person to another run of the same course"), 'm') \
	X(IMPORT, "import", LK_GROUP_CHANGE, N_("import"), N_("Import participants from a CSV file (a preview first; nothing is written until you accept)"), 'i') \
	X(MERGE, "merge", LK_GROUP_CHANGE, N_("merge"), N_("Merge another record of the same person into this one"), 'M') \
	X(ACCEPT, "accept", LK_GROUP_CHANGE, N_("accept"), N_("Accept: write what is shown, all at once"), '\n', '\r', LK_FN(KEY_ENTER)) \
	X(NEW_PARTICIPANT, "new-participant", LK_GROUP_CHANGE, N_("new participant"), N_("Register a new participant (when the one you look for is not there)"), LK_CTRL('n')) \
	X(EVALUATION, "evaluation", LK_GROUP_VIEW, N_("evaluation"), N_("Show the run's evaluation: enter forms, results, the facilitators' own evaluations and the evaluation meeting"), 'E') \
	X(EVAL_RESULTS, "eval-results", LK_GROUP_VIEW, N_("results"), N_("Show the course's evaluation results across its runs, and the latest run against the earlier ones"), 'E') \
	X(QUESTIONNAIRES, "questionnaires", LK_GROUP_VIEW, N_("questionnaires"), N_("Show the questionnaires (evaluation forms): make your own, copy one, change its questions"), 'Q') \
	X(VERSION_NEXT, "version-next", LK_GROUP_VIEW, N_("version"), N_("Show the results of the next questionnaire version that has forms"), 'v') \
	X(COPY, "copy", LK_GROUP_CHANGE, N_("copy"), N_("Make a copy of the selected entry to change as your own"), 'c') \
	X(MAKE_DEFAULT, "make-default", LK_GROUP_CHANGE, N_("make default"), N_("Make the selected questionnaire the default: used when neither the course nor the run chose one"), 'D') \
	X(MEETING, "meeting", LK_GROUP_CHANGE, N_("meeting"), N_("Record the evaluation meeting; once recorded, open it to change it and who attended"), 'm') \
	X(REVISE, "revise", LK_GROUP_CHANGE, N_("revision"), N_("Turn the selected decision into a revision of the course: which plan element, what changes, why"), 'r') \
	X(ANSWER_NEXT, "answer-next", LK_GROUP_FORM, N_("next"), N_("Take the answer and go to the next question; on the last one save the form and start an empty one (in a written answer: Enter on an empty line)"), '\n', '\r', LK_FN(KEY_ENTER)) \
	X(ANSWER_BLANK, "answer-blank", LK_GROUP_FORM, N_("blank"), N_("Leave the question blank (not answered) and go to the next"), ' ') \
	X(EXPORT_PDF, "export-pdf", LK_GROUP_VIEW, N_("PDF"), N_("Write this report as an A4 PDF, readable only by you (asks for the file name)"), 'p') \
	X(EXPORT_CSV, "export-csv", LK_GROUP_VIEW, N_("CSV"), N_("Write this report as CSV for a spreadsheet or payroll, readable only by you (asks for the file name)"), 'c') \
	X(REPORT_MAKE, "report-make", LK_GROUP_FORM, N_("show"), N_("Make the chosen report for the period and show it"), LK_CTRL('s'), LK_FN(KEY_F(2))) \
	X(AUDIT_FILTER, "audit-filter", LK_GROUP_VIEW, N_("period"), N_("Show only the entries of a period, or about one participant (a small form)"), 'F') \
	X(AUDIT_EXPORT, "audit-export", LK_GROUP_VIEW, N_("export"), N_("Write the entries shown to a CSV file readable only by you (asks for the file name); the export is itself logged"), 'x') \
	X(AUDIT_VERIFY, "audit-verify", LK_GROUP_VIEW, N_("verify"), N_("Check the log's hash chain: whether an entry was changed or removed after it was written"), 'v') \
	X(SAVE, "save", LK_GROUP_FORM, N_("save"), N_("Save"), LK_CTRL('s'), LK_FN(KEY_F(2))) \
	X(CANCEL, "cancel", LK_GROUP_FORM, N_("cancel"), N_("Close without saving"), LK_KEY_ESC) \
	X(FIELD_NEXT, "field-next", LK_GROUP_FORM, N_("next field"), N_("Go to the next field"), LK_KEY_TAB) \
	X(FIELD_PREV, "field-prev", LK_GROUP_FORM, N_("previous field"), N_("Go to the previous field"), LK_FN(KEY_BTAB)) \
	X(LINE_UP, "line-up", LK_GROUP_FORM, N_("up"), N_("Go to the line or field above"), LK_FN(KEY_UP)) \
	X(LINE_DOWN, "line-down", LK_GROUP_FORM, N_("down"), N_("Go to the line or field below"), LK_FN(KEY_DOWN)) \
	X(NEWLINE, "newline", LK_GROUP_FORM, N_("next"), N_("New line in a text of several lines; pick a person; elsewhere the next field"), '\n', '\r', LK_FN(KEY_ENTER)) \
	X(CHAR_LEFT, "char-left", LK_GROUP_EDIT, N_("left"), N_("Move left one character; in a choice, the previous option"), LK_FN(KEY_LEFT)) \
	X(CHAR_RIGHT, "char-right", LK_GROUP_EDIT, N_("right"), N_("Move right one character; in a choice, the next option"), LK_FN(KEY_RIGHT)) \
	X(LINE_START, "line-start", LK_GROUP_EDIT, N_("start"), N_("Go to the start of the line"), LK_FN(KEY_HOME), LK_CTRL('a')) \
	X(LINE_END, "line-end", LK_GROUP_EDIT, N_("end"), N_("Go to the end of the line"), LK_FN(KEY_END), LK_CTRL('e')) \
	X(DEL_BACK, "delete-back", LK_GROUP_EDIT, N_("erase"), N_("Erase the character before the cursor"), LK_FN(KEY_BACKSPACE), LK_KEY_DEL, LK_CTRL('h')) \
	X(DEL_FORWARD, "delete-forward", LK_GROUP_EDIT, N_("erase forward"), N_("Erase the character under the cursor"), LK_FN(KEY_DC), LK_CTRL('d')) \
	X(KILL_BEFORE, "kill-before", LK_GROUP_EDIT, N_("erase to start"), N_("Erase from the start of the line to the cursor"), LK_CTRL('u')) \
	X(KILL_AFTER, "kill-after", LK_GROUP_EDIT, N_("erase to end"), N_("Erase from the cursor to the end of the line"), LK_CTRL('k')) \
	X(YES, "yes", LK_GROUP_DIALOG, N_("yes"), N_("Answer yes"), 'y', 'Y') \
	X(NO, "no", LK_GROUP_DIALOG, N_("no"), N_("Answer no"), 'n', 'N', LK_KEY_ESC) \
	X(HELP, "help", LK_GROUP_GLOBAL, N_("help"), N_("Show the keys of this screen"), '?', LK_FN(KEY_F(1))) \
	X(REDRAW, "redraw", LK_GROUP_GLOBAL, N_("redraw"), N_("Redraw the screen"), LK_CTRL('l')) \
	X(SUSPEND, "suspend", LK_GROUP_GLOBAL, N_("suspend"), N_("Suspend to the shell (fg comes back)"), LK_CTRL('z')) \
	X(QUIT, "quit", LK_GROUP_GLOBAL, N_("quit"), N_("Quit lmskurs"), LK_CTRL('c'))

typedef enum lk_action {
	LK_ACT_NONE = 0, /* terminates action lists; "no action" */
#define LK_X_ENUM(id, ...) LK_ACT_##id,
	LK_ACTIONS(LK_X_ENUM)
#undef LK_X_ENUM
	LK_ACT_COUNT
} lk_action;

enum { LK_ACTION_KEYS_MAX = 4 };

typedef struct lk_action_def {
	const char *name;
	lk_key_group group;
	const char *hint; /* msgid */
	const char *help; /* msgid */
	lk_key keys[LK_ACTION_KEYS_MAX]; /* 0-terminated unless full */
} lk_action_def;

/* The table entry of a (LK_ACT_NONE < a < LK_ACT_COUNT); NULL otherwise. */
const lk_action_def *keys_action(lk_action a);

/* The action key means among offered (0-terminated; may be NULL) and the
 * Everywhere group, or LK_ACT_NONE. With text_entry, printable keys
 * (code points from U+0020 except DEL) never mean an action. */
lk_action keys_lookup(lk_key key, const lk_action *offered, bool text_entry);

/* True when key is typed text: a printable code point, not a function key. */
bool keys_is_text(lk_key key);

/* Writes the key's name for people ("Up", "Ctrl-S", "Esc", "å") into buf,
 * always NUL-terminated. */
void keys_name(lk_key key, char *buf, size_t size);

/* The keys of a as people read them, "Up, k": distinct names in table
 * order, skipping printable keys when text_entry. Writes into buf. Returns
 * the number of keys named (0: the action has no usable key here). */
int keys_names(lk_action a, bool text_entry, char *buf, size_t size);

/* Walks the help of a view: for each group in order, heading(group label)
 * once, then entry(keys, help) for each offered action of that group in
 * table order (plus the Everywhere group), all translated. Actions without
 * a usable key (see keys_names) are left out. */
typedef struct lk_help_sink {
	void (*heading)(void *arg, const char *group);
	void (*entry)(void *arg, const char *keys, const char *help);
	void *arg;
} lk_help_sink;
void keys_help(const lk_action *offered, bool text_entry, const lk_help_sink *sink);

/* The bottom line: "first-key hint" for each of hints (then help when
 * with_help), joined by two spaces. Returns a newly allocated string (NULL
 * when out of memory). */
char *keys_hint_line(const lk_action *hints, bool text_entry, bool with_help);

/* Translated group heading ("Moving"). */
const char *keys_group_label(lk_key_group g);

/* When two offered actions (or one and the Everywhere group) share a key,
 * returns that key and sets *a and *b; 0 when there is no clash. */
lk_key keys_clash(const lk_action *offered, bool text_entry, lk_action *a, lk_action *b);

#endif
