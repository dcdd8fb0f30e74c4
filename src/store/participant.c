#include "store_impl.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/i18n.h"
#include "lmskurs/store/participant.h"
#include "lmskurs/text.h"

#define PART_COLS "id, name, phone, email, coalesce(birth_year, 0), notes, created_at, " \
	"purged_at IS NOT NULL, version"

static void read_participant(sqlite3_stmt *st, lk_participant *p, bool contact)
{
	memset(p, 0, sizeof *p);
	p->id = sqlite3_column_int64(st, 0);
	p->name = st_col_text(st, 1);
	if (contact) {
		p->phone = st_col_text(st, 2);
		p->email = st_col_text(st, 3);
		p->birth_year = sqlite3_column_int(st, 4);
		p->notes = st_col_text(st, 5);
		p->contact_shown = true;
	}
	p->created_at = st_col_text(st, 6);
	p->purged = sqlite3_column_int(st, 7) != 0;
	p->version = sqlite3_column_int64(st, 8);
}

/* With contact details (phone, e-mail, birth year, notes) or without. */
static void read_full(sqlite3_stmt *st, void *p) { read_participant(st, p, true); }
static void read_listed(sqlite3_stmt *st, lk_participant *p) { read_participant(st, p, false); }

ST_STREAM_OF(stream_full, lk_participant, read_full, participant_free)
ST_STREAM_OF(stream_listed, lk_participant, read_listed, participant_free)

/* ---- the search index (schema/0006_participant_search.sql) ----
 *
 * Every participant who is not purged has one row in participant_fts
 * (name, e-mail, phone as stored) and one in participant_fts_short (the
 * same spread out by a separator per column). The writes below keep them in
 * step within their own transaction: take the participant's row out of the
 * indexes as it is, change the table, put it back in as it is now. Writes
 * made elsewhere leave the participant in participant_fts_stale; the next
 * write here then rebuilds both indexes first. */

enum { SEP_NAME = 0x1f, SEP_EMAIL = 0x1e, SEP_PHONE = 0x1d };

/* s with sep before, between and after its characters ("" for ""); newly
 * allocated, NULL when out of memory. */
static char *spread(const char *s, char sep)
{
	char *out = malloc(2 * strlen(s) + 2), *o = out;
	if (!out)
		return NULL;
	if (*s)
		*o++ = sep;
	while (*s) {
		size_t n = 1;
		while (((unsigned char)s[n] & 0xC0) == 0x80)
			n++;
		memcpy(o, s, n);
		o += n;
		s += n;
		*o++ = sep;
	}
	*o = '\0';
	return out;
}

/* Adds the texts to the indexes as participant id's row, or (cmd
 * "delete") removes that row, which must hold exactly these texts. */
static int fts_put(lk_db *db, int64_t id, const char *const text[3], const char *cmd, lk_err *err)
{
	static const char sep[3] = {SEP_NAME, SEP_EMAIL, SEP_PHONE};
	char *wide[3];
	sqlite3_stmt *st, *sst;
	for (int i = 0; i < 3; i++)
		wide[i] = spread(text[i], sep[i]);
	int rc = !wide[0] || !wide[1] || !wide[2] ? lk_fail(err, LK_ENOMEM, _("Out of memory.")) : 0;
	if (rc == 0)
		rc = st_prepare(db, "INSERT INTO participant_fts (participant_fts, rowid, name, email, phone)"
				    " VALUES (?, ?, ?, ?, ?)", &st, err);
	if (rc == 0)
		rc = st_prepare(db, "INSERT INTO participant_fts_short (participant_fts_short, rowid, name, email,"
				    " phone) VALUES (?, ?, ?, ?, ?)", &sst, err);
	for (int k = 0; k < 2 && rc == 0; k++) {
		sqlite3_stmt *s = k == 0 ? st : sst;
		st_bind_text(s, 1, cmd);
		st_bind_int(s, 2, id);
		for (int i = 0; i < 3; i++)
			st_bind_text(s, 3 + i, k == 0 ? text[i] : wide[i]);
		rc = st_exec_stmt(db, s, _("updating the participant search index"), err);
	}
	for (int i = 0; i < 3; i++)
		free(wide[i]);
	return rc;
}

typedef struct fts_walk {
	lk_db *db;
	const char *cmd;
	lk_err *err;
	int rc;
} fts_walk;

/* Rows of "SELECT id, name, email, phone" into the indexes. */
static int fts_put_row(sqlite3_stmt *st, void *arg)
{
	fts_walk *w = arg;
	const char *text[3];
	for (int i = 0; i < 3; i++) {
		text[i] = (const char *)sqlite3_column_text(st, 1 + i);
		text[i] = text[i] ? text[i] : "";
	}
	w->rc = fts_put(w->db, sqlite3_column_int64(st, 0), text, w->cmd, w->err);
	return w->rc < 0;
}

#define LIVE_TEXTS "SELECT id, name, email, phone FROM participant WHERE purged_at IS NULL"

/* Puts participant id into the indexes as the table holds it now (cmd
 * NULL), or takes it out (cmd "delete"); purged or missing: nothing. */
static int fts_row(lk_db *db, int64_t id, const char *cmd, lk_err *err)
{
	sqlite3_stmt *st;
	fts_walk w = {db, cmd, err, 0};
	if (id <= 0)
		return 0;
	if (st_prepare(db, LIVE_TEXTS " AND id = ?", &st, err) < 0)
		return -1;
	st_bind_int(st, 1, id);
	if (st_stream(db, st, fts_put_row, &w, _("updating the participant search index"), err) < 0)
		return -1;
	return w.rc;
}

int store_participant_search_rebuild(lk_db *db, lk_err *err)
{
	sqlite3_stmt *st;
	fts_walk w = {db, NULL, err, 0};
	if (store_begin(db, err) < 0)
		return -1;
	int rc = st_exec(db, "INSERT INTO participant_fts (participant_fts) VALUES ('delete-all');"
			     "INSERT INTO participant_fts_short (participant_fts_short) VALUES ('delete-all');"
			     "DELETE FROM participant_fts_stale;", err);
	if (rc == 0)
		rc = st_prepare(db, LIVE_TEXTS, &st, err);
	if (rc == 0)
		rc = st_stream(db, st, fts_put_row, &w, _("rebuilding the participant search index"), err);
	if (rc == 0)
		rc = w.rc;
	if (rc < 0) {
		store_rollback(db);
		return -1;
	}
	return store_commit(db, err);
}

/* 1 when someone changed participants behind the indexes' back, 0 when
 * not, -1 on error. */
static int64_t fts_stale(lk_db *db, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "SELECT EXISTS (SELECT 1 FROM participant_fts_stale)", &st, err) < 0)
		return -1;
	return st_scalar(db, st, _("reading the participant search index"), err);
}

/* Before a write of participants a and b (0: none): rebuilds the indexes
 * if anyone changed participants behind their back, then takes a and b
 * out of them. */
static int fts_begin(lk_db *db, int64_t a, int64_t b, lk_err *err)
{
	int64_t stale = fts_stale(db, err);
	if (stale < 0 || (stale && store_participant_search_rebuild(db, err) < 0))
		return -1;
	return fts_row(db, a, "delete", err) < 0 || fts_row(db, b, "delete", err) < 0 ? -1 : 0;
}

/* After the write: puts a and b back as they are now; the triggers' note
 * of them is settled. */
static int fts_end(lk_db *db, int64_t a, int64_t b, lk_err *err)
{
	if (fts_row(db, a, NULL, err) < 0 || fts_row(db, b, NULL, err) < 0)
		return -1;
	return st_exec_ints(db, "DELETE FROM participant_fts_stale WHERE id IN (?1, ?2)", a, b,
		_("updating the participant search index"), err);
}

static void bind_fields(sqlite3_stmt *st, const lk_participant *p)
{
	st_bind_text(st, 1, p->name);
	st_bind_text(st, 2, p->phone ? p->phone : "");
	st_bind_text(st, 3, p->email ? p->email : "");
	st_bind_opt_int(st, 4, p->birth_year, p->birth_year == 0);
	st_bind_text(st, 5, p->notes ? p->notes : "");
}

int store_participant_insert(lk_db *db, const lk_participant *p, const char *stamp,
	int64_t *id, lk_err *err)
{
	sqlite3_stmt *st;
	if (fts_begin(db, 0, 0, err) < 0 ||
	    st_prepare(db, "INSERT INTO participant (name, phone, email, birth_year, notes, created_at) "
			   "VALUES (?, ?, ?, ?, ?, ?)", &st, err) < 0)
		return -1;
	bind_fields(st, p);
	st_bind_text(st, 6, stamp);
	if (st_exec_stmt(db, st, _("saving a participant"), err) < 0)
		return -1;
	*id = st_last_id(db);
	return fts_end(db, *id, 0, err);
}

/* Ends a write of a and b that returned rc: the indexes follow the table
 * either way (a failed write leaves it as it was); rc's error wins. */
static int fts_end_after(lk_db *db, int64_t a, int64_t b, int rc, lk_err *err)
{
	lk_err later;
	int end = fts_end(db, a, b, rc < 0 ? &later : err);
	return rc < 0 ? rc : end;
}

int store_participant_get(lk_db *db, int64_t id, lk_participant *out, lk_err *err)
{
	return st_get_one(db, "SELECT " PART_COLS " FROM participant WHERE id = ?", id, read_full, out,
		_("reading a participant"), err);
}

int store_participant_update(lk_db *db, const lk_participant *p, lk_err *err)
{
	sqlite3_stmt *st;
	if (fts_begin(db, p->id, 0, err) < 0 ||
	    st_prepare(db, "UPDATE participant SET name = ?, phone = ?, email = ?, birth_year = ?, "
			   "notes = ?, version = version + 1 WHERE id = ? AND version = ?", &st, err) < 0)
		return -1;
	bind_fields(st, p);
	st_bind_int(st, 6, p->id);
	st_bind_int(st, 7, p->version);
	int rc = st_exec_stmt(db, st, _("saving a participant"), err);
	if (rc == 0)
		rc = st_check_versioned(db, "SELECT 1 FROM participant WHERE id = ?", p->id,
			_("The participant"), err);
	return fts_end_after(db, p->id, 0, rc, err);
}

int store_participant_delete(lk_db *db, int64_t id, int64_t version, lk_err *err)
{
	if (fts_begin(db, id, 0, err) < 0)
		return -1;
	int rc = st_exec_ints(db, "DELETE FROM participant WHERE id = ? AND version = ?", id, version,
		_("deleting a participant"), err);
	if (rc == 0)
		rc = st_check_versioned(db, "SELECT 1 FROM participant WHERE id = ?", id,
			_("The participant"), err);
	return fts_end_after(db, id, 0, rc, err);
}

int store_participant_open_places(lk_db *db, int64_t id, int64_t *n, char **label, lk_err *err)
{
	sqlite3_stmt *st;
	*label = NULL;
	if (st_prepare(db,
		"SELECT count(*), min(coalesce(nullif(r.title, ''), c.title)) FROM enrollment e"
		" JOIN run r ON r.id = e.run_id JOIN course c ON c.id = r.course_id"
		" WHERE e.participant_id = ? AND e.status IN ('registered', 'waitlisted')"
		"   AND r.phase NOT IN ('closed', 'cancelled')", &st, err) < 0)
		return -1;
	st_bind_int(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*n = sqlite3_column_int64(st, 0);
		*label = st_col_text_or_null(st, 1);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : st_fail(db, rc, _("reading enrollments"), err);
}

/* ---- search ----
 *
 * Three ways to the same rows (docs/decisions.md, "Participant search"):
 * no text lists everyone from the table; otherwise the FTS5 indexes of
 * schema/0006 answer when they are up to date (participant_fts_stale
 * empty), and the table itself, compared as text_equal_fold does, when they
 * are not. The indexes fold case as SQLite's FTS5 does, which takes every
 * pair text_equal_fold takes but 'İ' and 'i' (added here as a second
 * spelling) and some more (Greek, Armenian, 'ſ' …). */

enum {
	MAX_I = 4,          /* 'i's spelled both ways: 2^4 phrases at most */
	SPARSE_MAX = 4000,  /* up to this many matches a page is sorted from them */
};

/* A growing string; oom set when an allocation failed. */
typedef struct sbuf {
	char *s;
	size_t len, cap;
	bool oom;
} sbuf;

static void sb_add(sbuf *b, const char *s, size_t n)
{
	if (b->oom)
		return;
	if (b->len + n + 1 > b->cap) {
		size_t cap = (b->len + n + 1) * 2;
		char *t = realloc(b->s, cap);
		if (!t) {
			b->oom = true;
			return;
		}
		b->s = t;
		b->cap = cap;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static void sb_str(sbuf *b, const char *s) { sb_add(b, s, strlen(s)); }

/* Hands over the string (NULL when out of memory or nothing was added). */
static char *sb_take(sbuf *b)
{
	if (b->oom || !b->s) {
		free(b->s);
		return NULL;
	}
	return b->s;
}

/* Code point at s (not at its end) into *cp; its length in bytes. A byte
 * that does not start a well-formed sequence counts as one character. */
static size_t utf8_get(const char *s, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t n = u[0] >= 0xF0 ? 4 : u[0] >= 0xE0 ? 3 : u[0] >= 0xC0 ? 2 : 1;
	uint32_t v = n == 1 ? u[0] : u[0] & (0x7Fu >> n);
	for (size_t i = 1; i < n; i++) {
		if ((u[i] & 0xC0) != 0x80) {
			*cp = u[0];
			return 1;
		}
		v = v << 6 | (u[i] & 0x3Fu);
	}
	*cp = v;
	return n;
}

/* cp as UTF-8 into o (room for 5), terminated; its length. */
static size_t utf8_put(uint32_t cp, char *o)
{
	size_t n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
	static const unsigned char lead[] = {0, 0, 0xC0, 0xE0, 0xF0};
	for (size_t i = n - 1; i > 0; i--, cp >>= 6)
		o[i] = (char)(0x80 | (cp & 0x3F));
	o[0] = (char)(n == 1 ? cp : (lead[n] | cp));
	o[n] = '\0';
	return n;
}

static bool is_i(uint32_t cp) { return cp == 'i' || cp == 'I' || cp == 0x130; }

/* ---- the indexes' queries ---- */

/* Appends s to b inside an FTS5 string ("" for "). */
static void fts_quote(sbuf *b, const char *s, size_t n)
{
	sb_str(b, "\"");
	for (size_t i = 0; i < n; i++)
		sb_add(b, s[i] == '"' ? "\"\"" : s + i, 1 + (s[i] == '"'));
	sb_str(b, "\"");
}

/* text with its k-th 'i' (i, I or İ) spelled 'İ' where bit k of mask is
 * set and 'i' where not (FTS5 folds I to i, but not İ to i). */
static void i_spelling(sbuf *b, const char *text, unsigned mask)
{
	unsigned k = 0;
	for (const char *p = text; *p;) {
		uint32_t cp;
		size_t n = utf8_get(p, &cp);
		if (is_i(cp))
			sb_str(b, mask >> k++ & 1 ? "\xC4\xB0" : "i");
		else
			sb_add(b, p, n);
		p += n;
	}
}

/* One trigram of the short index: "S c S" for one character, "a S b" for
 * two (sep S names the column), as an FTS5 string. */
static void short_token(sbuf *b, const char *text, char sep)
{
	uint32_t cp;
	size_t n = utf8_get(text, &cp);
	sbuf t = {0};
	if (!text[n]) {
		sb_add(&t, &sep, 1);
		sb_add(&t, text, n);
		sb_add(&t, &sep, 1);
	} else {
		sb_add(&t, text, n);
		sb_add(&t, &sep, 1);
		sb_str(&t, text + n);
	}
	fts_quote(b, t.s ? t.s : "", t.len);
	b->oom |= t.oom;
	free(t.s);
}

/* Joins the alternatives in *b with " OR ". */
static void sb_or(sbuf *b)
{
	if (b->len > 0)
		sb_str(b, " OR ");
}

/* The search text's part of the two index queries: every spelling of its
 * 'i's, as phrases of the trigram index (three characters or more) or as
 * tokens of the short index. */
static void text_terms(const char *text, bool contact, unsigned n_i, sbuf *tri, sbuf *shrt)
{
	bool long_text = text_codepoints(text) >= 3;
	if (long_text)
		sb_str(tri, contact ? "{name email} : (" : "name : (");
	for (unsigned mask = 0; mask < 1u << n_i; mask++) {
		sbuf v = {0};
		i_spelling(&v, text, mask);
		const char *s = v.s ? v.s : "";
		if (long_text) {
			if (mask)
				sb_str(tri, " OR ");
			fts_quote(tri, s, v.len);
		} else {
			sb_or(shrt);
			short_token(shrt, s, SEP_NAME);
			if (contact) {
				sb_str(shrt, " OR ");
				short_token(shrt, s, SEP_EMAIL);
			}
		}
		tri->oom |= v.oom;
		shrt->oom |= v.oom;
		free(v.s);
	}
	if (long_text)
		sb_str(tri, ")");
}

static void digit_terms(const char *digits, sbuf *tri, sbuf *shrt)
{
	if (strlen(digits) >= 3) {
		sb_or(tri);
		sb_str(tri, "phone : ");
		fts_quote(tri, digits, strlen(digits));
	} else {
		sb_or(shrt);
		short_token(shrt, digits, SEP_PHONE);
	}
}

/* ---- the table's comparison (text_equal_fold) ---- */

/* The characters text_equal_fold takes for c, c first (at most 4: the
 * folding pairs letters, adds İ to i and I, and nothing more). */
static size_t fold_class(uint32_t c, uint32_t out[static 4])
{
	static const uint32_t special[] = {0x49, 0x69, 0x130, 0x178, 0xFF, 0x1E9E, 0xDF, 0x4C0, 0x4CF};
	static const int32_t step[] = {1, -1, 0x20, -0x20, 0x50, -0x50};
	uint32_t cand[sizeof step / sizeof step[0] + sizeof special / sizeof special[0]];
	size_t nc = 0, n = 0;
	for (size_t i = 0; i < sizeof step / sizeof step[0]; i++)
		cand[nc++] = (uint32_t)((int32_t)c + step[i]);
	for (size_t i = 0; i < sizeof special / sizeof special[0]; i++)
		cand[nc++] = special[i];
	char a[5], d[5];
	utf8_put(c, a);
	out[n++] = c;
	for (size_t i = 0; i < nc && n < 4; i++) {
		uint32_t x = cand[i];
		bool seen = false;
		for (size_t j = 0; j < n; j++)
			seen |= out[j] == x;
		if (seen || x == 0 || x > 0x10FFFF || (x >= 0xD800 && x <= 0xDFFF))
			continue;
		utf8_put(x, d);
		if (text_equal_fold(a, d))
			out[n++] = x;
	}
	return n;
}

/* "*text*" for GLOB with each letter as the class of its case forms
 * ("[øØ]"), and GLOB's own wildcards as one-letter classes. */
static char *fold_glob(const char *text)
{
	sbuf b = {0};
	sb_str(&b, "*");
	for (const char *p = text; *p;) {
		uint32_t cp, cls[4];
		char e[5];
		p += utf8_get(p, &cp);
		size_t n = fold_class(cp, cls);
		bool bracket = n > 1 || cp == '*' || cp == '?' || cp == '[';
		if (bracket)
			sb_str(&b, "[");
		for (size_t i = 0; i < n; i++) {
			utf8_put(cls[i], e);
			sb_str(&b, e);
		}
		if (bracket)
			sb_str(&b, "]");
	}
	sb_str(&b, "*");
	return sb_take(&b);
}

/* LIKE folds ASCII letters and nothing else, which is text_equal_fold's
 * folding for ASCII text without an 'i' (i, I and İ are one letter). */
static bool like_is_exact(const char *text)
{
	for (; *text; text++)
		if ((unsigned char)*text >= 0x80 || *text == 'i' || *text == 'I')
			return false;
	return true;
}

/* "%text%" for LIKE (ESCAPE '\') with every character LIKE cannot fold as
 * text_equal_fold does replaced by '_': exact when like_is_exact(text),
 * else it finds more and fold_glob then decides. */
static char *fold_like(const char *text)
{
	sbuf b = {0};
	sb_str(&b, "%");
	for (const char *p = text; *p;) {
		uint32_t cp;
		size_t n = utf8_get(p, &cp);
		if (cp >= 0x80 || is_i(cp)) {
			sb_str(&b, "_");
		} else {
			if (strchr("%_\\", *p))
				sb_str(&b, "\\");
			sb_add(&b, p, 1);
		}
		p += n;
	}
	sb_str(&b, "%");
	return sb_take(&b);
}

/* True when the indexes and the table's comparison find the same rows for
 * text: ASCII, and none of the two letters FTS5 also matches elsewhere
 * (k and the Kelvin sign, s and the long s 'ſ'). */
static bool folds_alike(const char *text)
{
	for (; *text; text++)
		if ((unsigned char)*text >= 0x80 || strchr("kKsS", *text))
			return false;
	return true;
}

/* ---- the plan of one search ---- */

typedef enum search_way { WAY_ALL, WAY_INDEX, WAY_TABLE } search_way;

typedef struct search_plan {
	search_way way;
	char *tri, *shrt;     /* the index queries (NULL: that index not asked) */
	char *like, *glob;    /* the table's comparison: LIKE, and GLOB when
	                         LIKE alone is not exact */
	const char *digits;   /* phone digits (NULL: none) */
	bool contact;         /* e-mail too */
	bool alike;           /* both ways find the same rows (folds_alike) */
} search_plan;

static void plan_free(search_plan *p)
{
	free(p->tri);
	free(p->shrt);
	free(p->like);
	free(p->glob);
}

/* How many i, I, İ the text has; UINT_MAX when it holds a control
 * character (the short index's separators), which no index query can. */
static unsigned count_i(const char *text)
{
	unsigned n = 0;
	for (const char *p = text; *p;) {
		uint32_t cp;
		p += utf8_get(p, &cp);
		if (cp < 0x20)
			return UINT_MAX;
		n += is_i(cp);
	}
	return n;
}

static int plan_index(search_plan *p, const char *text, unsigned n_i, lk_err *err)
{
	sbuf tri = {0}, shrt = {0};
	text_terms(text, p->contact, n_i, &tri, &shrt);
	if (p->digits)
		digit_terms(p->digits, &tri, &shrt);
	p->tri = sb_take(&tri);
	p->shrt = sb_take(&shrt);
	if (tri.oom || shrt.oom)
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	p->way = WAY_INDEX;
	return 0;
}

static int plan_make(lk_db *db, const lk_participant_query *q, search_plan *p, lk_err *err)
{
	memset(p, 0, sizeof *p);
	const char *text = q->name_text;
	if (!text || !*text)
		return 0; /* WAY_ALL */
	p->contact = q->email_text != NULL;
	p->alike = folds_alike(text);
	p->digits = q->phone_digits && *q->phone_digits ? q->phone_digits : NULL;
	p->like = fold_like(text);
	p->glob = like_is_exact(text) ? NULL : fold_glob(text);
	if (!p->like || (!p->glob && !like_is_exact(text)))
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	int64_t stale = fts_stale(db, err);
	if (stale < 0)
		return -1;
	unsigned n_i = count_i(text);
	p->way = WAY_TABLE;
	return !stale && n_i <= MAX_I ? plan_index(p, text, n_i, err) : 0;
}

/* Parameters: ?1 trigram query, ?2 short query, ?3 LIKE and ?4 GLOB
 * pattern, ?5 e-mail too, ?6 phone digits, ?7 limit, ?8 offset. */
static void plan_bind(sqlite3_stmt *st, const search_plan *p, lk_page page)
{
	st_bind_text(st, 1, p->tri);
	st_bind_text(st, 2, p->shrt);
	st_bind_text(st, 3, p->like);
	st_bind_text(st, 4, p->glob);
	st_bind_int(st, 5, p->contact);
	st_bind_text(st, 6, p->digits);
	st_bind_int(st, 7, page.limit > 0 ? page.limit : -1);
	st_bind_int(st, 8, page.offset);
}

#define FTS_TRI "SELECT rowid AS rid FROM participant_fts WHERE ?1 IS NOT NULL AND participant_fts MATCH ?1"
#define FTS_SHORT "SELECT rowid AS rid FROM participant_fts_short" \
	" WHERE ?2 IS NOT NULL AND participant_fts_short MATCH ?2"
#define FTS_ANY FTS_TRI " UNION ALL " FTS_SHORT
#define TABLE_MATCH " purged_at IS NULL AND (name LIKE ?3 ESCAPE '\\' AND (?4 IS NULL OR name GLOB ?4)" \
	" OR ?5 AND email LIKE ?3 ESCAPE '\\' AND (?4 IS NULL OR email GLOB ?4) OR instr(phone, ?6) > 0)"
#define PAGE_ORDER " ORDER BY name COLLATE NOCASE, id LIMIT ?7 OFFSET ?8"

/* Matches in the indexes, counted up to bound + 1 (rows in both count
 * twice: only the size matters). */
static int64_t index_matches_about(lk_db *db, const search_plan *p, int64_t bound, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "SELECT count(*) FROM (" FTS_ANY " LIMIT ?9)", &st, err) < 0)
		return -1;
	plan_bind(st, p, (lk_page){0, 0});
	st_bind_int(st, 9, bound + 1);
	return st_scalar(db, st, _("searching participants"), err);
}

/* Half the highest participant number: about half of everyone, purged
 * and deleted ones included, so a high bound rather than a count. */
static int64_t half_of_all(lk_db *db, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "SELECT coalesce(max(id), 0) / 2 FROM participant", &st, err) < 0)
		return -1;
	return st_scalar(db, st, _("searching participants"), err);
}

/* How the index way reads a page: few matches (SPARSE_MAX) are read and
 * sorted; when half of everyone or more matches and the table's
 * comparison finds the same rows, the names are walked in order and
 * compared until the page is full; otherwise the names are walked and kept
 * when among the matches (which are gathered first). */
static int index_page_statement(lk_db *db, const search_plan *p, sqlite3_stmt **st, lk_err *err)
{
	int64_t half = p->alike ? half_of_all(db, err) : 0;
	int64_t bound = half > SPARSE_MAX ? half : SPARSE_MAX;
	int64_t n = half < 0 ? -1 : index_matches_about(db, p, bound, err);
	if (n < 0)
		return -1;
	if (n <= SPARSE_MAX)
		return st_prepare(db, "SELECT " PART_COLS " FROM participant WHERE id IN (" FTS_ANY ")"
			" AND purged_at IS NULL" PAGE_ORDER, st, err);
	if (n > bound && p->alike)
		return st_prepare(db, "SELECT " PART_COLS " FROM participant WHERE name COLLATE NOCASE > ''"
			" AND" TABLE_MATCH PAGE_ORDER, st, err);
	return st_prepare(db, "SELECT " PART_COLS " FROM participant WHERE name COLLATE NOCASE > ''"
		" AND +id IN (" FTS_ANY ") AND purged_at IS NULL" PAGE_ORDER, st, err);
}

/* Purged participants are never in the indexes; the empty names they
 * leave sort first and are skipped. */
static int page_statement(lk_db *db, const search_plan *p, sqlite3_stmt **st, lk_err *err)
{
	switch (p->way) {
	case WAY_ALL:
		return st_prepare(db, "SELECT " PART_COLS " FROM participant"
			" WHERE name COLLATE NOCASE > '' AND purged_at IS NULL" PAGE_ORDER, st, err);
	case WAY_TABLE:
		return st_prepare(db, "SELECT " PART_COLS " FROM participant NOT INDEXED WHERE" TABLE_MATCH
			PAGE_ORDER, st, err);
	case WAY_INDEX:
		break;
	}
	return index_page_statement(db, p, st, err);
}

static int count_statement(lk_db *db, const search_plan *p, sqlite3_stmt **st, lk_err *err)
{
	switch (p->way) {
	case WAY_ALL:
		return st_prepare(db, "SELECT count(*) FROM participant WHERE purged_at IS NULL", st, err);
	case WAY_TABLE:
		return st_prepare(db, "SELECT count(*) FROM participant WHERE" TABLE_MATCH, st, err);
	case WAY_INDEX:
		break;
	}
	/* A participant found by both indexes counts once. */
	return st_prepare(db, "SELECT (SELECT count(*) FROM (" FTS_TRI "))"
		" + (SELECT count(*) FROM (" FTS_SHORT ") WHERE ?1 IS NULL OR rid NOT IN (" FTS_TRI "))",
		st, err);
}

int store_participant_search(lk_db *db, const lk_participant_query *q, lk_page page,
	int (*each)(void *, const lk_participant *), void *arg, lk_err *err)
{
	search_plan p;
	sqlite3_stmt *st;
	int rc = plan_make(db, q, &p, err);
	if (rc == 0)
		rc = page_statement(db, &p, &st, err);
	if (rc == 0) {
		plan_bind(st, &p, page);
		rc = stream_listed(db, st, each, arg, _("searching participants"), err);
	}
	plan_free(&p);
	return rc;
}

int64_t store_participant_count(lk_db *db, const lk_participant_query *q, lk_err *err)
{
	search_plan p;
	sqlite3_stmt *st;
	int64_t n = plan_make(db, q, &p, err);
	if (n == 0)
		n = count_statement(db, &p, &st, err);
	if (n == 0) {
		plan_bind(st, &p, (lk_page){0, 0});
		n = st_scalar(db, st, _("counting participants"), err);
	}
	plan_free(&p);
	return n;
}

int store_participant_same_contact(lk_db *db, const char *phone_a, const char *phone_b,
	const char *email, int (*each)(void *, const lk_participant *), void *arg, lk_err *err)
{
	sqlite3_stmt *st;
	/* Each branch repeats its partial index's condition so the index is used. */
	if (st_prepare(db,
		"SELECT " PART_COLS " FROM participant WHERE phone IN (?1, ?2) AND phone <> ''"
		"   AND purged_at IS NULL"
		" UNION SELECT " PART_COLS " FROM participant"
		" WHERE email = ?3 COLLATE NOCASE AND email <> '' AND purged_at IS NULL"
		" ORDER BY 1", &st, err) < 0)
		return -1;
	st_bind_text(st, 1, phone_a ? phone_a : "");
	st_bind_text(st, 2, phone_b ? phone_b : "");
	st_bind_text(st, 3, email ? email : "");
	return stream_full(db, st, each, arg, _("looking for duplicates"), err);
}

static void read_label(sqlite3_stmt *st, void *label) { *(char **)label = st_col_text(st, 0); }

int store_participant_shared_run(lk_db *db, int64_t keep, int64_t drop, char **label, lk_err *err)
{
	sqlite3_stmt *st;
	*label = NULL;
	if (st_prepare(db,
		"SELECT coalesce(nullif(r.title, ''), c.title) FROM enrollment k"
		" JOIN enrollment d ON d.run_id = k.run_id AND d.participant_id = ?2"
		" JOIN run r ON r.id = k.run_id JOIN course c ON c.id = r.course_id"
		" WHERE k.participant_id = ?1 LIMIT 1", &st, err) < 0)
		return -1;
	st_bind_int(st, 1, keep);
	st_bind_int(st, 2, drop);
	return st_get_row(db, st, read_label, label, _("reading enrollments"), err);
}

static int exec_pair(lk_db *db, const char *sql, int64_t keep, int64_t drop, lk_err *err)
{
	return st_exec_ints(db, sql, keep, drop, _("merging participants"), err);
}

static int merge_rows(lk_db *db, int64_t keep, int64_t drop, lk_err *err)
{
	return exec_pair(db, "UPDATE enrollment SET participant_id = ?1, version = version + 1"
			     " WHERE participant_id = ?2", keep, drop, err) < 0 ||
	       exec_pair(db,
		"UPDATE participant AS k SET"
		" phone = CASE WHEN k.phone = '' THEN d.phone ELSE k.phone END,"
		" email = CASE WHEN k.email = '' THEN d.email ELSE k.email END,"
		" birth_year = coalesce(k.birth_year, d.birth_year),"
		" notes = CASE WHEN d.notes = '' THEN k.notes WHEN k.notes = '' THEN d.notes"
		"              ELSE k.notes || char(10) || d.notes END,"
		" version = k.version + 1"
		" FROM participant AS d WHERE k.id = ?1 AND d.id = ?2", keep, drop, err) < 0 ||
	       exec_pair(db, "DELETE FROM participant WHERE id = ?2", keep, drop, err) < 0
		? -1 : 0;
}

int store_participant_merge(lk_db *db, int64_t keep, int64_t drop, lk_err *err)
{
	if (fts_begin(db, keep, drop, err) < 0)
		return -1;
	return fts_end_after(db, keep, drop, merge_rows(db, keep, drop, err), err);
}
