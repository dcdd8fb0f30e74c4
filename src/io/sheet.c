/* sheet.c — the attendance sheet of a session as PDF pages (see sheet.h). */
#include "lmskurs/sheet.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/audit.h"
#include "lmskurs/enroll.h"
#include "lmskurs/i18n.h"
#include "lmskurs/role.h"
#include "lmskurs/run.h"
#include "lmskurs/session.h"
#include "lmskurs/store.h"

#define ROW_MIN_H 22.0 /* room to sign by hand */

/* ---- a growing string ---- */

typedef struct strbuf {
	char *s;
	size_t len, cap;
	bool oom;
} strbuf;

static void sb_add(strbuf *b, const char *t)
{
	size_t n = strlen(t);
	if (b->oom)
		return;
	if (b->len + n + 1 > b->cap) {
		size_t cap = (b->len + n + 1) * 2;
		char *s = realloc(b->s, cap);
		if (!s) {
			b->oom = true;
			return;
		}
		b->s = s;
		b->cap = cap;
	}
	memcpy(b->s + b->len, t, n + 1);
	b->len += n;
}

/* ---- the header of every page ---- */

typedef struct sheet_head {
	const char *organisation;
	lk_session s;
	lk_run r;
	char *facilitators;   /* "Åse Ødegård (professional), …" */
	char day[11];         /* the session's date, ISO */
	char date[160], time[32], seq[24];
} sheet_head;

static void head_free(sheet_head *h)
{
	session_free(&h->s);
	run_free(&h->r);
	free(h->facilitators);
}

static int add_facilitator(void *arg, const lk_person *p)
{
	strbuf *b = arg;
	if (b->len)
		sb_add(b, ", ");
	sb_add(b, p->name);
	sb_add(b, " (");
	sb_add(b, person_kind_label(p->kind));
	sb_add(b, ")");
	return 0;
}

static int load_facilitators(lk_ctx *ctx, sheet_head *h, lk_err *err)
{
	strbuf b = {0};
	sb_add(&b, "");
	if (session_facilitator_list(ctx, h->s.id, add_facilitator, &b, err) < 0) {
		free(b.s);
		return -1;
	}
	if (b.oom) {
		free(b.s);
		return lk_fail(err, LK_ENOMEM, "%s", _("Out of memory."));
	}
	h->facilitators = b.s;
	return 0;
}

/* The shown texts: "tirsdag 10.03.2099 (uke 11)", "12:00–15:00", "2". */
static void head_texts(sheet_head *h)
{
	lk_date d = h->s.starts_at.date;
	char shown[11], week[64];
	date_show(d, shown);
	date_iso(d, h->day);
	snprintf(week, sizeof week, _("week %d"), date_iso_week(d, NULL));
	snprintf(h->date, sizeof h->date, "%s %s (%s)", date_weekday_name(date_weekday(d), false),
		shown, week);
	snprintf(h->time, sizeof h->time, "%02d:%02d–%02d:%02d", h->s.starts_at.hour,
		h->s.starts_at.minute, h->s.ends_at.hour, h->s.ends_at.minute);
	snprintf(h->seq, sizeof h->seq, "%d", h->s.seq);
}

static int head_check(const sheet_head *h, lk_err *err)
{
	if (h->s.status == LK_SESSION_CANCELLED)
		return lk_fail(err, LK_ERULE,
			_("Session %d of this run is cancelled, so it has no attendance sheet."), h->s.seq);
	if (h->r.phase == LK_RUN_CANCELLED)
		return lk_fail(err, LK_ERULE, _("Run %lld is cancelled, so it has no attendance sheets."),
			(long long)h->r.id);
	return 0;
}

/* Reads what the header shows; h is freed with head_free also on failure. */
static int head_load(lk_ctx *ctx, int64_t session_id, sheet_head *h, lk_err *err)
{
	memset(h, 0, sizeof *h);
	if (session_get(ctx, session_id, &h->s, err) < 0 || run_get(ctx, h->s.run_id, &h->r, err) < 0 ||
	    head_check(h, err) < 0 || load_facilitators(ctx, h, err) < 0)
		return -1;
	head_texts(h);
	return 0;
}

/* The run's title, with its place when it has one. */
static void run_text(const sheet_head *h, char *buf, size_t n)
{
	const char *t = h->r.title && *h->r.title ? h->r.title : "";
	const char *p = h->r.place && *h->r.place ? h->r.place : "";
	snprintf(buf, n, "%s%s%s", t, *t && *p ? ", " : "", p);
}

static int draw_head(lk_pdf *pdf, void *arg, lk_err *err)
{
	sheet_head *h = arg;
	char run[1024];
	run_text(h, run, sizeof run);
	const char *org = h->organisation;
	if (org && *org && pdf_text(pdf, org, LK_PDF_SMALL, LK_PDF_LEFT, err) < 0)
		return -1;
	if (pdf_text(pdf, _("Attendance sheet"), LK_PDF_BOLD, LK_PDF_LEFT, err) < 0 ||
	    pdf_text(pdf, h->s.course_title, LK_PDF_TITLE, LK_PDF_LEFT, err) < 0)
		return -1;
	pdf_gap(pdf, 6);
	const char *fields[][2] = {
		{_("Run"), run}, {_("Session"), h->seq}, {_("Date"), h->date}, {_("Time"), h->time},
		{_("Room"), h->s.room}, {_("Topic"), h->s.topic}, {_("Facilitators"), h->facilitators},
	};
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
		if (pdf_field(pdf, fields[i][0], fields[i][1], err) < 0)
			return -1;
	pdf_gap(pdf, 10);
	return 0;
}

/* ---- the table ---- */

enum { COL_NO, COL_NAME, COL_CATEGORY, COL_PRESENT, COL_SIGNATURE, NCOLS };

static int table_begin(lk_pdf *pdf, lk_err *err)
{
	const lk_pdf_column cols[NCOLS] = {
		[COL_NO] = {_("No."), 0.6, LK_PDF_CENTER, 1, false},
		[COL_NAME] = {_("Name"), 3.5, LK_PDF_LEFT, 2, false},
		[COL_CATEGORY] = {_("Category"), 1.35, LK_PDF_LEFT, 2, false},
		[COL_PRESENT] = {_("Present"), 1.0, LK_PDF_CENTER, 1, true},
		[COL_SIGNATURE] = {_("Signature"), 2.9, LK_PDF_LEFT, 1, false},
	};
	return pdf_table_begin(pdf, cols, NCOLS, err);
}

typedef struct sheet_rows {
	lk_pdf *pdf;
	const char *day; /* the session's date: who got a place later is not expected */
	int n;
	lk_err *err;
	int rc;
} sheet_rows;

static int add_row(void *arg, const lk_enrollment *e)
{
	sheet_rows *w = arg;
	if (!e->participant_name || !*e->participant_name)
		return 0; /* purged */
	if (e->placed_at && strncmp(e->placed_at, w->day, 10) > 0)
		return 0; /* not expected at this session */
	char no[24];
	snprintf(no, sizeof no, "%d", ++w->n);
	const char *cells[NCOLS] = {no, e->participant_name, enroll_category_label(e->category)};
	if (pdf_table_row(w->pdf, cells, ROW_MIN_H, w->err) < 0) {
		w->rc = -1;
		return 1;
	}
	return 0;
}

/* At least min blank rows; then the rest of the page they end on, unless
 * they started a new page of their own. */
static int blank_rows(lk_pdf *pdf, int min, lk_err *err)
{
	const char *cells[NCOLS] = {0};
	int pages = pdf_set_pages(pdf);
	for (int i = 0; i < min; i++)
		if (pdf_table_row(pdf, cells, ROW_MIN_H, err) < 0)
			return -1;
	while (pdf_set_pages(pdf) == pages && pdf_table_row_fits(pdf, cells, ROW_MIN_H))
		if (pdf_table_row(pdf, cells, ROW_MIN_H, err) < 0)
			return -1;
	return 0;
}

static int table_rows(lk_ctx *ctx, lk_pdf *pdf, const sheet_head *h, int blank, int *names,
	lk_err *err)
{
	sheet_rows w = {.pdf = pdf, .day = h->day, .err = err};
	lk_page all = {0, 0};
	if (enroll_list(ctx, h->r.id, LK_ENR_REGISTERED, all, add_row, &w, err) < 0 || w.rc < 0)
		return -1;
	*names = w.n;
	return blank_rows(pdf, blank > 0 ? blank : LK_SHEET_BLANK_ROWS, err);
}

/* ---- the page set of one session ---- */

static char *footer_text(const lk_sheet_opts *opts)
{
	const char *org = opts && opts->organisation ? opts->organisation : "";
	const char *note = _("Contains health information: keep it locked away and shred it after use.");
	size_t n = strlen(org) + strlen(note) + 8;
	char *s = malloc(n);
	if (s)
		snprintf(s, n, "%s%s%s", org, *org ? " · " : "", note);
	return s;
}

/* The log entry: numbers and the file, never names. Its own transaction. */
static int log_print(lk_ctx *ctx, int64_t session_id, int names, const char *path, lk_err *err)
{
	char detail[1024];
	snprintf(detail, sizeof detail, "attendance sheet: %d names, file %s", names, path ? path : "");
	if (store_begin(ctx->db, err) < 0)
		return -1;
	return ctx_end(ctx, audit_log(ctx, "print", "session", session_id, detail, err), err);
}

static int draw_set(lk_ctx *ctx, lk_pdf *pdf, sheet_head *h, const lk_sheet_opts *opts, int *names,
	lk_err *err)
{
	char *footer = footer_text(opts);
	if (!footer)
		return lk_fail(err, LK_ENOMEM, "%s", _("Out of memory."));
	int rc = pdf_set_begin(pdf, draw_head, h, footer, err);
	free(footer);
	if (rc < 0 || table_begin(pdf, err) < 0 ||
	    table_rows(ctx, pdf, h, opts ? opts->blank_rows : 0, names, err) < 0)
		return -1;
	pdf_table_end(pdf);
	return 0;
}

int sheet_add_session(lk_ctx *ctx, lk_pdf *pdf, const char *pdf_path, int64_t session_id,
	const lk_sheet_opts *opts, lk_sheet_result *out, lk_err *err)
{
	if (role_require(ctx, LK_PERM_READ_PARTICIPANTS, err) < 0)
		return -1;
	sheet_head h;
	int names = 0, pages = -1;
	h.organisation = NULL;
	if (head_load(ctx, session_id, &h, err) == 0) {
		h.organisation = opts ? opts->organisation : NULL;
		if (draw_set(ctx, pdf, &h, opts, &names, err) == 0 &&
		    log_print(ctx, session_id, names, pdf_path, err) == 0)
			pages = pdf_set_end(pdf, err);
	}
	head_free(&h);
	if (pages < 0)
		return -1;
	if (out) {
		out->sessions++;
		out->pages += pages;
		out->participants += names;
	}
	return 0;
}

/* ---- whole files ---- */

static const char *doc_title(void)
{
	return _("Attendance sheet");
}

int sheet_write_session(lk_ctx *ctx, int64_t session_id, const char *path,
	const lk_sheet_opts *opts, lk_sheet_result *out, lk_err *err)
{
	lk_sheet_result res = {0};
	lk_pdf *pdf;
	if (out)
		*out = res;
	if (role_require(ctx, LK_PERM_READ_PARTICIPANTS, err) < 0 ||
	    pdf_create(path, doc_title(), &pdf, err) < 0)
		return -1;
	if (sheet_add_session(ctx, pdf, path, session_id, opts, &res, err) < 0) {
		pdf_abort(pdf);
		return -1;
	}
	if (pdf_finish(pdf, err) < 0)
		return -1;
	if (out)
		*out = res;
	return 0;
}

/* The ids of the run's sessions that are not cancelled, in order. */
typedef struct id_list {
	int64_t *ids;
	int n, cap;
	bool oom;
} id_list;

static int add_id(void *arg, const lk_session *s)
{
	id_list *l = arg;
	if (s->status == LK_SESSION_CANCELLED)
		return 0;
	if (l->n == l->cap) {
		int cap = l->cap ? l->cap * 2 : 16;
		int64_t *p = realloc(l->ids, (size_t)cap * sizeof *p);
		if (!p) {
			l->oom = true;
			return 1;
		}
		l->ids = p;
		l->cap = cap;
	}
	l->ids[l->n++] = s->id;
	return 0;
}

static int run_sessions(lk_ctx *ctx, int64_t run_id, id_list *l, lk_err *err)
{
	lk_run r;
	int rc = run_get(ctx, run_id, &r, err);
	if (rc == 0 && r.phase == LK_RUN_CANCELLED)
		rc = lk_fail(err, LK_ERULE, _("Run %lld is cancelled, so it has no attendance sheets."),
			(long long)run_id);
	run_free(&r);
	if (rc < 0 || session_list(ctx, run_id, add_id, l, err) < 0)
		return -1;
	if (l->oom)
		return lk_fail(err, LK_ENOMEM, "%s", _("Out of memory."));
	if (l->n == 0)
		return lk_fail(err, LK_ERULE,
			_("Run %lld has no sessions to print: none planned yet, or all cancelled."),
			(long long)run_id);
	return 0;
}

static int write_all(lk_ctx *ctx, const id_list *l, const char *path, const lk_sheet_opts *opts,
	lk_sheet_result *res, lk_err *err)
{
	lk_pdf *pdf;
	if (pdf_create(path, doc_title(), &pdf, err) < 0)
		return -1;
	for (int i = 0; i < l->n; i++)
		if (sheet_add_session(ctx, pdf, path, l->ids[i], opts, res, err) < 0) {
			pdf_abort(pdf);
			return -1;
		}
	return pdf_finish(pdf, err);
}

int sheet_write_run(lk_ctx *ctx, int64_t run_id, const char *path, const lk_sheet_opts *opts,
	lk_sheet_result *out, lk_err *err)
{
	lk_sheet_result res = {0};
	id_list l = {0};
	if (out)
		*out = res;
	int rc = role_require(ctx, LK_PERM_READ_PARTICIPANTS, err);
	if (rc == 0)
		rc = run_sessions(ctx, run_id, &l, err);
	if (rc == 0)
		rc = write_all(ctx, &l, path, opts, &res, err);
	free(l.ids);
	if (rc == 0 && out)
		*out = res;
	return rc;
}
