#include "lmskurs/participant.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/audit.h"
#include "lmskurs/i18n.h"
#include "lmskurs/role.h"
#include "lmskurs/store/participant.h"
#include "lmskurs/text.h"

void participant_free(lk_participant *p)
{
	if (!p)
		return;
	free(p->name);
	free(p->phone);
	free(p->email);
	free(p->notes);
	free(p->created_at);
	memset(p, 0, sizeof *p);
}

/* ---- phone numbers ---- */

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* Digits and a leading '+' of t into o (o has room for strlen(t) + 1);
 * -1 when t holds a character that has no place in a phone number. */
static int phone_strip(const char *t, char *o, size_t *digits)
{
	size_t j = 0;
	*digits = 0;
	for (size_t i = 0; t[i]; i++) {
		if (is_digit(t[i])) {
			o[j++] = t[i];
			(*digits)++;
		} else if (t[i] == '+' && j == 0) {
			o[j++] = '+';
		} else if (!strchr(" -.()/", t[i])) {
			return -1;
		}
	}
	o[j] = '\0';
	if (o[0] == '0' && o[1] == '0') { /* 0047… is +47… */
		o[0] = '+';
		memmove(o + 1, o + 2, j - 1);
		*digits -= 2;
	}
	return 0;
}

int participant_phone_normalise(const char *phone, char **out, lk_err *err)
{
	*out = NULL;
	char *t = text_trim_dup(phone);
	char *o = t ? malloc(strlen(t) + 1) : NULL;
	if (!o) {
		free(t);
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	}
	size_t digits;
	int rc = 0;
	if (phone_strip(t, o, &digits) < 0)
		rc = lk_fail(err, LK_EINVAL, _("Phone: this is not a phone number; use digits, spaces and + - ( )."));
	else if (t[0] && (digits < 3 || digits > 15))
		rc = lk_fail(err, LK_EINVAL, _("Phone: a phone number has 3 to 15 digits; this one has %zu."), digits);
	free(t);
	if (rc < 0)
		free(o);
	else
		*out = o;
	return rc;
}

/* ---- validation ----
 *
 * Messages never echo a name, phone or e-mail: they reach stderr and logs.
 * An update names the participant by number. */

static int email_check(const char *email, lk_err *err)
{
	const char *at = strchr(email, '@');
	if (!email[0])
		return 0;
	if (!at || at == email || !at[1] || strchr(at + 1, '@') || strpbrk(email, " \t"))
		return lk_fail(err, LK_EINVAL, _("E-mail: this is not an e-mail address (like navn@example.no)."));
	return 0;
}

static int fields_check(lk_ctx *ctx, const lk_participant *p, lk_err *err)
{
	int year = ctx_today(ctx).year;
	if (text_check(_("Name"), p->name, true, LK_NAME_MAX, false, err) < 0 ||
	    text_check(_("Phone"), p->phone, false, LK_SHORT_MAX, false, err) < 0 ||
	    text_check(_("E-mail"), p->email, false, LK_SHORT_MAX, false, err) < 0 ||
	    text_check(_("Notes"), p->notes, false, LK_TEXT_MAX, true, err) < 0)
		return -1;
	if (p->birth_year != 0 && (p->birth_year < 1900 || p->birth_year > year))
		return lk_fail(err, LK_EINVAL, _("Birth year must be between 1900 and %d, or left empty."), year);
	return 0;
}

/* Validates in and fills row with the form that is saved: trimmed name and
 * e-mail, normalised phone (row's strings are owned; participant_free). */
static int row_prepare(lk_ctx *ctx, const lk_participant *in, lk_participant *row, lk_err *err)
{
	memset(row, 0, sizeof *row);
	if (fields_check(ctx, in, err) < 0)
		return -1;
	row->id = in->id;
	row->version = in->version;
	row->birth_year = in->birth_year;
	row->name = text_trim_dup(in->name);
	row->email = text_trim_dup(in->email);
	row->notes = strdup(in->notes ? in->notes : "");
	if (!row->name || !row->email || !row->notes)
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	if (participant_phone_normalise(in->phone, &row->phone, err) < 0)
		return -1;
	return email_check(row->email, err);
}

/* ---- create, read, update, delete ---- */

int participant_create(lk_ctx *ctx, lk_participant *p, lk_err *err)
{
	lk_participant row;
	if (role_require(ctx, LK_PERM_EDIT_PARTICIPANTS, err) < 0)
		return -1;
	if (row_prepare(ctx, p, &row, err) < 0 || store_begin(ctx->db, err) < 0) {
		participant_free(&row);
		return -1;
	}
	char stamp[20];
	ctx_stamp(ctx, stamp);
	int64_t id = 0;
	int rc = store_participant_insert(ctx->db, &row, stamp, &id, err);
	if (rc == 0)
		rc = audit_log(ctx, "create", "participant", id, NULL, err);
	participant_free(&row);
	if (ctx_end(ctx, rc, err) < 0)
		return -1;
	p->id = id;
	p->version = 1;
	return 0;
}

static void hide_contact(lk_participant *p)
{
	free(p->phone);
	free(p->email);
	free(p->notes);
	p->phone = p->email = p->notes = NULL;
	p->birth_year = 0;
	p->contact_shown = false;
}

static int not_found(lk_err *err, int64_t id)
{
	return lk_fail(err, LK_ENOTFOUND, _("There is no participant with number %lld."), (long long)id);
}

/* Reads id inside the caller's transaction: 0, or -1 with err. */
static int read_in_tx(lk_ctx *ctx, int64_t id, lk_participant *out, lk_err *err)
{
	int found = store_participant_get(ctx->db, id, out, err);
	if (found == 0)
		return not_found(err, id);
	return found < 0 ? -1 : 0;
}

int participant_get(lk_ctx *ctx, int64_t id, lk_participant *out, lk_err *err)
{
	memset(out, 0, sizeof *out);
	if (role_require(ctx, LK_PERM_READ_PARTICIPANTS, err) < 0)
		return -1;
	if (!role_allows(ctx->role, LK_PERM_READ_CONTACT)) {
		int rc = read_in_tx(ctx, id, out, err);
		hide_contact(out);
		return rc;
	}
	if (store_begin(ctx->db, err) < 0)
		return -1;
	int rc = read_in_tx(ctx, id, out, err);
	if (rc == 0)
		rc = audit_log(ctx, "read_contact", "participant", id, NULL, err);
	rc = ctx_end(ctx, rc, err);
	if (rc < 0)
		participant_free(out);
	return rc;
}

/* Reads id into cur (caller frees) and refuses a purged record. */
static int read_unpurged(lk_ctx *ctx, int64_t id, lk_participant *cur, lk_err *err)
{
	int rc = read_in_tx(ctx, id, cur, err);
	if (rc == 0 && cur->purged)
		rc = lk_fail(err, LK_ERULE, _("This participant's details were removed by the privacy purge; the record can no longer be changed."));
	return rc;
}

static int refuse_purged(lk_ctx *ctx, int64_t id, lk_err *err)
{
	lk_participant cur = {0};
	int rc = read_unpurged(ctx, id, &cur, err);
	participant_free(&cur);
	return rc;
}

/* Moves *from into *to when the caller left the field NULL (not read). */
static void keep_text(char **to, char **from, const char *given)
{
	if (given)
		return;
	free(*to);
	*to = *from;
	*from = NULL;
}

/* Contact details p left NULL (hidden from a role, or a search row) keep
 * the stored values from cur; so does birth_year 0 when not shown. */
static void keep_hidden(lk_participant *row, lk_participant *cur, const lk_participant *p)
{
	keep_text(&row->phone, &cur->phone, p->phone);
	keep_text(&row->email, &cur->email, p->email);
	keep_text(&row->notes, &cur->notes, p->notes);
	if (!p->contact_shown && p->birth_year == 0)
		row->birth_year = cur->birth_year;
}

static int update_in_tx(lk_ctx *ctx, const lk_participant *p, lk_participant *row, lk_err *err)
{
	lk_participant cur = {0};
	int rc = read_unpurged(ctx, p->id, &cur, err);
	if (rc == 0)
		keep_hidden(row, &cur, p);
	participant_free(&cur);
	if (rc == 0)
		rc = store_participant_update(ctx->db, row, err);
	if (rc == 0)
		rc = audit_log(ctx, "update", "participant", p->id, NULL, err);
	return rc;
}

int participant_update(lk_ctx *ctx, lk_participant *p, lk_err *err)
{
	lk_participant row;
	if (role_require(ctx, LK_PERM_EDIT_PARTICIPANTS, err) < 0)
		return -1;
	if (row_prepare(ctx, p, &row, err) < 0) {
		lk_err_prefix(err, _("Participant no. %lld"), (long long)p->id);
		participant_free(&row);
		return -1;
	}
	int rc = store_begin(ctx->db, err);
	if (rc == 0)
		rc = ctx_end(ctx, update_in_tx(ctx, p, &row, err), err);
	participant_free(&row);
	if (rc == 0)
		p->version++;
	return rc;
}

static int refuse_if_enrolled(lk_ctx *ctx, int64_t id, lk_err *err)
{
	int64_t n = 0;
	char *label = NULL;
	if (store_participant_open_places(ctx->db, id, &n, &label, err) < 0)
		return -1;
	int rc = 0;
	if (n > 0)
		rc = lk_fail(err, LK_ERULE, _("The participant has a place in %lld run(s) that are not finished, such as '%s'. Cancel those enrollments first."),
			(long long)n, label ? label : "");
	free(label);
	return rc;
}

int participant_delete(lk_ctx *ctx, int64_t id, int64_t version, lk_err *err)
{
	if (role_require(ctx, LK_PERM_EDIT_PARTICIPANTS, err) < 0 || store_begin(ctx->db, err) < 0)
		return -1;
	int rc = refuse_if_enrolled(ctx, id, err);
	if (rc == 0)
		rc = store_participant_delete(ctx->db, id, version, err);
	if (rc == 0)
		rc = audit_log(ctx, "delete", "participant", id, NULL, err);
	return ctx_end(ctx, rc, err);
}

/* ---- search ---- */

/* True when t has a digit and nothing but what phone numbers are written with. */
static bool phone_like(const char *t)
{
	bool digit = false;
	for (; *t; t++) {
		if (is_digit(*t))
			digit = true;
		else if (!strchr(" +-.()/", *t))
			return false;
	}
	return digit;
}

/* The digits to look for in stored phones: a Norwegian country code given
 * as +47 or 0047 is dropped, since numbers are often stored without it. */
static char *phone_query_digits(const char *t)
{
	char *o = malloc(strlen(t) + 1);
	size_t digits;
	if (!o)
		return NULL;
	if (phone_strip(t, o, &digits) < 0) {
		o[0] = '\0';
		return o;
	}
	bool intl = o[0] == '+';
	char *d = o + intl;
	if (intl && strncmp(d, "47", 2) == 0 && d[2])
		d += 2;
	memmove(o, d, strlen(d) + 1);
	return o;
}

typedef struct search_terms {
	lk_participant_query q;
	char *text, *digits; /* owned */
} search_terms;

static int terms_make(lk_ctx *ctx, const char *text, search_terms *s, lk_err *err)
{
	memset(s, 0, sizeof *s);
	if (role_require(ctx, LK_PERM_READ_PARTICIPANTS, err) < 0 ||
	    text_check(_("Search"), text, false, LK_NAME_MAX, false, err) < 0)
		return -1;
	if (!(s->text = text_trim_dup(text)))
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	if (!s->text[0])
		return 0;
	s->q.name_text = s->text;
	if (!role_allows(ctx->role, LK_PERM_READ_CONTACT))
		return 0;
	s->q.email_text = s->text;
	if (phone_like(s->text) && !(s->digits = phone_query_digits(s->text)))
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	s->q.phone_digits = s->digits;
	return 0;
}

static void terms_free(search_terms *s)
{
	free(s->text);
	free(s->digits);
}

int participant_search(lk_ctx *ctx, const char *text, lk_page page,
	int (*each)(void *, const lk_participant *), void *arg, lk_err *err)
{
	search_terms s;
	int rc = terms_make(ctx, text, &s, err);
	if (rc == 0)
		rc = store_participant_search(ctx->db, &s.q, page, each, arg, err);
	terms_free(&s);
	return rc;
}

int64_t participant_count(lk_ctx *ctx, const char *text, lk_err *err)
{
	search_terms s;
	int64_t n = terms_make(ctx, text, &s, err);
	if (n == 0)
		n = store_participant_count(ctx->db, &s.q, err);
	terms_free(&s);
	return n;
}

/* ---- duplicates and merging ---- */

typedef struct dup_walk {
	lk_ctx *ctx;
	const char *name;
	int (*each)(void *, const lk_participant *);
	void *arg;
	lk_err *err;
	int rc;
} dup_walk;

static int dup_one(void *arg, const lk_participant *p)
{
	dup_walk *w = arg;
	if (!text_equal_fold(p->name, w->name))
		return 0;
	if (audit_log(w->ctx, "read_contact", "participant", p->id, "duplicate check", w->err) < 0) {
		w->rc = -1;
		return 1;
	}
	return w->each(w->arg, p);
}

/* The other spelling of a Norwegian number: "+4791234567" ⇄ "91234567". */
static void phone_twin(const char *phone, char twin[static 20])
{
	twin[0] = '\0';
	size_t n = strlen(phone);
	if (n == 11 && strncmp(phone, "+47", 3) == 0)
		snprintf(twin, 20, "%s", phone + 3);
	else if (n == 8 && phone[0] != '+')
		snprintf(twin, 20, "+47%s", phone);
}

static int find_dups_in_tx(lk_ctx *ctx, const lk_participant *row,
	int (*each)(void *, const lk_participant *), void *arg, lk_err *err)
{
	char twin[20];
	phone_twin(row->phone, twin);
	dup_walk w = {ctx, row->name, each, arg, err, 0};
	if (store_participant_same_contact(ctx->db, row->phone, twin, row->email, dup_one, &w, err) < 0)
		return -1;
	return w.rc;
}

int participant_find_duplicates(lk_ctx *ctx, const char *name, const char *phone,
	const char *email, int (*each)(void *, const lk_participant *), void *arg, lk_err *err)
{
	lk_participant in = {.name = (char *)name, .phone = (char *)phone, .email = (char *)email}, row;
	if (role_require(ctx, LK_PERM_EDIT_PARTICIPANTS, err) < 0 ||
	    role_require(ctx, LK_PERM_READ_CONTACT, err) < 0)
		return -1;
	if (row_prepare(ctx, &in, &row, err) < 0 || store_begin(ctx->db, err) < 0) {
		participant_free(&row);
		return -1;
	}
	int rc = find_dups_in_tx(ctx, &row, each, arg, err);
	participant_free(&row);
	return ctx_end(ctx, rc, err);
}

static int merge_check(lk_ctx *ctx, int64_t keep_id, int64_t drop_id, lk_err *err)
{
	if (keep_id == drop_id)
		return lk_fail(err, LK_EINVAL, _("Choose two different participants to merge."));
	if (refuse_purged(ctx, keep_id, err) < 0 || refuse_purged(ctx, drop_id, err) < 0)
		return -1;
	char *label = NULL;
	int shared = store_participant_shared_run(ctx->db, keep_id, drop_id, &label, err);
	if (shared == 1)
		lk_fail(err, LK_ERULE, _("Both records are enrolled in '%s', so they cannot be merged: a person has one place per run."), label);
	free(label);
	return shared == 0 ? 0 : -1;
}

int participant_merge(lk_ctx *ctx, int64_t keep_id, int64_t drop_id, lk_err *err)
{
	if (role_require(ctx, LK_PERM_EDIT_PARTICIPANTS, err) < 0 || store_begin(ctx->db, err) < 0)
		return -1;
	char detail[64];
	snprintf(detail, sizeof detail, "merged %lld into it", (long long)drop_id);
	int rc = merge_check(ctx, keep_id, drop_id, err);
	if (rc == 0)
		rc = store_participant_merge(ctx->db, keep_id, drop_id, err);
	if (rc == 0)
		rc = audit_log(ctx, "merge", "participant", keep_id, detail, err);
	if (rc == 0)
		rc = audit_log(ctx, "delete", "participant", drop_id, "merged", err);
	return ctx_end(ctx, rc, err);
}
