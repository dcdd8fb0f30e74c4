/*
 * participant.h — participants (deltakere): patients and relatives who
 * attend runs. Their names, contact details and the courses they attend are
 * health data (DESIGN.md §2, privacy).
 *
 *   participant_create ──▶ participant row (phone normalised, see below)
 *   participant_get ──▶ one record; contact details only for roles with
 *       LK_PERM_READ_CONTACT, and every such read is audited ("read_contact")
 *   participant_search / _count ──▶ pages of names, never contact details
 *   participant_find_duplicates / _merge ──▶ one person entered twice
 *
 * Contact details are phone, e-mail, notes and birth year. For roles without
 * LK_PERM_READ_CONTACT (user representatives, staff) they come back absent
 * (NULL / 0, contact_shown false), never as an error.
 *
 * Phones are stored normalised: digits only, a leading '+' kept, "00" at the
 * start turned into '+' ("+47 912 34 567" and "0047 91234567" are stored as
 * "+4791234567", "912 34 567" as "91234567").
 */
#ifndef LMSKURS_PARTICIPANT_H
#define LMSKURS_PARTICIPANT_H

#include <stdbool.h>
#include <stdint.h>
#include "lmskurs/ctx.h"

typedef struct lk_participant {
	int64_t id;
	char *name;          /* "" once purged */
	char *phone;         /* contact details: NULL when hidden from the role */
	char *email;
	int birth_year;      /* 0 = none (or hidden) */
	char *notes;
	char *created_at;    /* "YYYY-MM-DDTHH:MM:SS"; read-only */
	bool purged;         /* names and contact details removed by the privacy purge */
	bool contact_shown;  /* true when phone, email, notes and birth_year were read */
	int64_t version;
} lk_participant;

/* Frees the strings inside p (not p) and zeroes it; NULL is fine. */
void participant_free(lk_participant *p);

/* Normalises a phone number as described above into a newly allocated
 * string (*out; "" for NULL or blank input; caller frees). Refused with
 * LK_EINVAL: characters other than digits, spaces and + - . ( ) /, a '+'
 * after a digit, fewer than 3 or more than 15 digits. */
int participant_phone_normalise(const char *phone, char **out, lk_err *err);

/* Creates a participant from p's name (required), phone, email, birth_year
 * (0 or 1900..this year) and notes (NULL: empty); text is validated (UTF-8,
 * length, control characters), the name and e-mail trimmed and the phone
 * normalised before saving; a refused phone or e-mail is not echoed in the
 * message. p's strings are not changed; p->id and p->version are set on
 * success only. Coordinators only (LK_PERM_EDIT_PARTICIPANTS). Audited
 * without names. */
int participant_create(lk_ctx *ctx, lk_participant *p, lk_err *err);

/* Reads participant id into out (caller frees with participant_free, also
 * after a failure). Contact details only for roles with
 * LK_PERM_READ_CONTACT; each such read writes a "read_contact" audit entry
 * (id only) in its own transaction. LK_ENOTFOUND when there is none. */
int participant_get(lk_ctx *ctx, int64_t id, lk_participant *out, lk_err *err);

/* Saves p's fields (validated as in create) if nobody changed the record
 * since p->version was read (LK_ECONFLICT otherwise); bumps p->version.
 * A contact field left NULL (phone, email, notes: hidden from the role that
 * read p, or p is a search row) keeps the stored value, and so does
 * birth_year 0 while p->contact_shown is false; "" (or birth_year 0 with
 * contact_shown) clears it. A purged participant cannot be edited
 * (LK_ERULE). Messages name the participant by number, never by name or
 * contact details. Coordinators only. */
int participant_update(lk_ctx *ctx, lk_participant *p, lk_err *err);

/* Deletes a participant (versioned). Refused with LK_ERULE, naming a run,
 * while they hold a registered or waitlisted place in a run that is not
 * closed or cancelled. Their other enrollments and attendance go with them
 * (use the privacy purge instead to keep the counts). Coordinators only. */
int participant_delete(lk_ctx *ctx, int64_t id, int64_t version, lk_err *err);

/* Streams one page of participants matching text, sorted by name (then id),
 * to each() (non-zero stops; the record is freed after each() returns).
 * Rows never carry contact details (use participant_get). Purged
 * participants are left out. text NULL or blank matches everyone; otherwise
 * it matches, case-insensitively (æøå, Cyrillic, Vietnamese … included), a
 * part of the name; for roles with LK_PERM_READ_CONTACT it also matches a
 * part of the e-mail and, when text looks like a phone number (only digits
 * and + - . ( ) / space), a part of the phone compared by digits, with a
 * Norwegian +47/0047 prefix ignored: "+47 912 34 567" finds "91234567" and
 * "+4791234567". Other roles search names only, so a phone number cannot be
 * looked up by someone who may not read it. */
int participant_search(lk_ctx *ctx, const char *text, lk_page page,
	int (*each)(void *arg, const lk_participant *p), void *arg, lk_err *err);

/* Number of participants participant_search would stream for text without
 * paging, or -1 with err. */
int64_t participant_count(lk_ctx *ctx, const char *text, lk_err *err);

/* Streams existing participants (not purged) with the same name (compared
 * case-insensitively, trimmed) AND the same phone (normalised; "91234567"
 * and "+4791234567" count as the same) or the same e-mail (ASCII
 * case-insensitive). The records carry contact details so they can be
 * compared; each one streamed is audited as "read_contact". Coordinators
 * only. name is required; phone and email may be NULL or empty. */
int participant_find_duplicates(lk_ctx *ctx, const char *name, const char *phone,
	const char *email, int (*each)(void *arg, const lk_participant *p), void *arg,
	lk_err *err);

/* Merges drop_id into keep_id in one transaction: drop's enrollments move
 * to keep (refused with LK_ERULE, naming the run, when both are enrolled in
 * the same run, whatever the status); keep's empty phone, e-mail and birth
 * year are filled from drop, drop's notes are appended to keep's; then drop
 * is deleted. keep's version is bumped. Both must exist and not be purged.
 * Coordinators only. */
int participant_merge(lk_ctx *ctx, int64_t keep_id, int64_t drop_id, lk_err *err);

#endif
