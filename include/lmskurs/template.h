/*
 * template.h — course templates: a course concept (concept.h) as an ini
 * file that another centre can import. Read with iniparser through the
 * config wrapper (config.h: strings only, CVE-2023-33461), numbers and
 * words parsed here.
 *
 *   concept_get ──template_write──▶ FILE.ini ──template_read──▶ concept_create
 *
 * The file, UTF-8 without BOM:
 *
 *   [template]
 *   format = 1
 *   [course]
 *   title = "Leve med diabetes"
 *   audience = patients              ; patients | relatives | both
 *   referral_required = no           ; yes/no (also true/false, ja/nei, 1/0)
 *   why = "…"                        ; and target_group, goals, frame,
 *                                    ; content, methods, evaluation
 *   [part 1]                         ; the session plan, in number order
 *   topic = "Å leve med diabetes"
 *   minutes = 150                    ; 5..720
 *   needs = both                     ; both | professional | user_rep
 *   description = "…"
 *   [checklist planning]             ; idea | planning | revision
 *   item1 = "Plangruppen er satt sammen"
 *
 * Texts: in double quotes; inside them \n is a new line, \t a tab, \\ a
 * backslash and \x22 a double quote (\xHH is any byte, written in hex).
 * A text may be written without quotes when it has none of ; # " and no
 * space at either end (iniparser takes ; and # for comments). iniparser
 * reads lines of at most 1023 bytes, so a long text goes on in numbered
 * keys: goals, goals.2, goals.3 … are joined in order with nothing between
 * (the writer cuts at 900 bytes, never inside a character or an escape).
 * Lines starting with ; or # are comments. Section and key names are
 * matched without regard to case.
 *
 * Not in a template: owner, planning group, questionnaire, phase (an
 * imported course starts in idea), management backing, runs, and who
 * ticked which checklist item (imported items are unticked). A
 * [checklist P] section makes the course's checklist for phase P exactly
 * its items; without one the receiving centre's template applies.
 */
#ifndef LMSKURS_TEMPLATE_H
#define LMSKURS_TEMPLATE_H

#include "lmskurs/concept.h"
#include "lmskurs/err.h"

enum { LK_TEMPLATE_FORMAT = 1 };

/* Writes c to path (mode 0644: a concept holds no personal data), the file
 * replaced at once. LK_EIO when it cannot be written. */
int template_write(const lk_concept *c, const char *path, lk_err *err);

/* Reads the template at path into out (zeroed first; caller frees with
 * concept_free, also after a failure). Checks everything a course, part or
 * checklist item would be refused for (required keys, audience, minutes,
 * needs, UTF-8, lengths, control characters), so a template that reads
 * well imports. Problems are LK_EINVAL, every one found as a line
 * "path:line: message" (cut with "…" when err cannot hold them all):
 * unknown sections and keys, keys set twice, broken escapes, a BOM, bytes
 * that are not UTF-8, a format newer than LK_TEMPLATE_FORMAT. LK_EIO when
 * the file cannot be read. */
int template_read(const char *path, lk_concept *out, lk_err *err);

#endif
