/*
 * ui/audit.h — the audit log screen for coordinators: who did what, when,
 * newest first, filtered, exported, and its hash chain checked.
 *
 *   audit_view (arg: NULL, or const int64_t *participant_id to open on
 *       one participant) ──paged list──▶ auditlog_list / auditlog_count
 *       Enter ──▶ audit_entry_view: the entry in full, wrapped
 *       /     ──▶ text filter (action, record, login, detail)
 *       F     ──▶ audit_filter_view: From, To, Participant no. ──Ctrl-S──▶
 *                 the list below re-reads under the new filter
 *       x     ──▶ audit_export_view: file name, for Excel or not ──▶
 *                 auditlog_export (oldest first, itself logged), 0600 CSV
 *       v     ──▶ auditlog_verify ──▶ intact with the newest hash, or the
 *                 first entry that is wrong
 *
 * The rows are the core's; the screen keeps no copy beyond the list's
 * window and re-reads when anyone commits. Roles other than coordinator
 * never get here (Home hides the section; the core refuses anyway).
 */
#ifndef LMSKURS_UI_AUDIT_H
#define LMSKURS_UI_AUDIT_H

#include <stdbool.h>
#include <stdint.h>

#include "lmskurs/auditlog.h"
#include "lmskurs/ui/list.h"
#include "lmskurs/ui/view.h"

extern const lk_view_ops audit_view;
extern const lk_view_ops audit_entry_view;  /* arg: const lk_audit_entry * */
extern const lk_view_ops audit_filter_view;
extern const lk_view_ops audit_export_view;

/* Where audit_list_ops reads from (lk_list.arg points at one). The text
 * filter is the list's own (l->filter). */
typedef struct lk_audit_source {
	lk_ctx *ctx;
	lk_audit_filter f; /* dates and participant; f.text is set per query */
} lk_audit_source;

/* The paged list of entries (rows are lk_audit_row, id the entry's). */
extern const lk_list_ops audit_list_ops;

/* One row as the list shows it: the entry and its cells, all owned. */
typedef struct lk_audit_row {
	lk_audit_entry e;
	char *when;   /* "Thu 04.03.2027 wk 9 12:30" */
	char *role;   /* translated */
	char *record; /* "participant 7", or the entity alone */
} lk_audit_row;

/* A row made from e (deep copy), or NULL when out of memory. Free with
 * audit_row_free (which frees the row itself). Pure: for tests. */
lk_audit_row *audit_row_new(const lk_audit_entry *e);
void audit_row_free(void *row);

/* "from 01.03.2027 to 31.03.2027, participant no. 7", the filter in words
 * for the title ("" when f filters nothing). Newly allocated. */
char *audit_filter_words(const lk_audit_filter *f);

/* The entry in full, one "Label: value" line per field, for
 * audit_entry_view. Newly allocated. */
char *audit_entry_text(const lk_audit_entry *e);

/* The chain check in words: "intact: N entries … newest hash …" or the
 * problem. Newly allocated. */
char *audit_verdict_text(const lk_audit_verdict *v);

/* Writes the entries under f (NULL: all), oldest first, to path as CSV (a header row
 * of stable codes; the Excel flavour with ';' and a BOM), readable only by
 * the user (0600, written whole or not at all) through auditlog_export,
 * which logs it. *n gets the number of entries. */
int audit_write_csv(lk_ctx *ctx, const lk_audit_filter *f, const char *path, bool excel, int64_t *n,
	lk_err *err);

#endif
