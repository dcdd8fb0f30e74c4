/* reportpdf.c — the reports as files: the activity report as an A4 PDF
 * with bars, every report as CSV (see reportpdf.h). */
#include "lmskurs/reportpdf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/i18n.h"
#include "lmskurs/pdf.h"
#include "lmskurs/role.h"

/* ---- bars ---- */

void report_bar_text(int64_t value, int64_t max, int width, char *buf, size_t size)
{
	static const char *const part[8] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
	size_t len = 0;
	buf[0] = 0;
	if (value <= 0 || max <= 0 || width <= 0)
		return;
	int64_t eighths = (value * width * 8 + max / 2) / max;
	eighths = eighths < 1 ? 1 : eighths > (int64_t)width * 8 ? (int64_t)width * 8 : eighths;
	for (int64_t i = 0; i < eighths / 8 && len + 4 <= size; i++)
		len += (size_t)snprintf(buf + len, size - len, "█");
	if (len + 4 <= size)
		snprintf(buf + len, size - len, "%s", part[eighths % 8]);
}

/* ---- numbers in files ---- */

/* "1.50" hours from minutes, with the flavour's decimal sign. */
static void hours_cell(int64_t minutes, lk_csv_flavour fl, char buf[static 32])
{
	int64_t hundredths = (minutes * 100 + 30) / 60;
	snprintf(buf, 32, "%lld%c%02d", (long long)(hundredths / 100), fl == LK_CSV_EXCEL ? ',' : '.',
		(int)(hundredths % 100));
}

static void pct_cell(int64_t part, int64_t whole, lk_csv_flavour fl, char buf[static 32])
{
	int pm = report_permille(part, whole);
	if (pm < 0)
		buf[0] = 0;
	else
		snprintf(buf, 32, "%d%c%d", pm / 10, fl == LK_CSV_EXCEL ? ',' : '.', pm % 10);
}

static void money_cell(int64_t ore, lk_csv_flavour fl, char buf[static 32])
{
	if (ore < 0)
		buf[0] = 0;
	else
		snprintf(buf, 32, "%lld%c%02d", (long long)(ore / 100), fl == LK_CSV_EXCEL ? ',' : '.',
			(int)(ore % 100));
}

static void int_cell(int64_t v, char buf[static 32])
{
	snprintf(buf, 32, "%lld", (long long)v);
}

/* ---- CSV: what every report's rows share ---- */

enum { CSV_COLS = 80 };

/* One record being filled: cells point at caller text or at num. */
typedef struct csv_rec {
	const char *cell[CSV_COLS];
	char num[CSV_COLS][32];
	int n;
} csv_rec;

typedef struct csv_out {
	lk_ctx *ctx;
	lk_csv_writer *w;
	lk_csv_flavour fl;
	char from[11], to[11], made[17];
	int64_t rows;
	lk_err *err;
	int rc;
	csv_rec rec;
} csv_out;

static void out_init(csv_out *o, lk_ctx *ctx, lk_csv_writer *w, lk_csv_flavour fl, const lk_period *p,
	lk_err *err)
{
	memset(o, 0, sizeof *o);
	*o = (csv_out){.ctx = ctx, .w = w, .fl = fl, .err = err};
	if (p) {
		date_iso(p->from, o->from);
		date_iso(p->to, o->to);
	}
	datetime_iso(ctx_now(ctx), o->made);
}

static void put(csv_out *o, const char *text)
{
	if (o->rec.n < CSV_COLS)
		o->rec.cell[o->rec.n++] = text ? text : "";
}

static void put_int(csv_out *o, int64_t v)
{
	if (o->rec.n < CSV_COLS) {
		int_cell(v, o->rec.num[o->rec.n]);
		o->rec.cell[o->rec.n] = o->rec.num[o->rec.n];
		o->rec.n++;
	}
}

/* A cell from one of the number writers above. */
static char *put_num(csv_out *o)
{
	if (o->rec.n >= CSV_COLS)
		return o->rec.num[0];
	o->rec.cell[o->rec.n] = o->rec.num[o->rec.n];
	return o->rec.num[o->rec.n++];
}

/* Writes the record filled so far and starts the next; counts data rows. */
static int emit(csv_out *o, bool data)
{
	if (o->rc == 0 && csv_write_record(o->w, o->rec.cell, (size_t)o->rec.n, o->err) < 0)
		o->rc = -1;
	o->rows += data && o->rc == 0;
	o->rec.n = 0;
	return o->rc;
}

/* Rows of type "definition": text in the column given, the rest empty. */
struct def_walk {
	csv_out *o;
	int ncols, text_col;
	void (*stamp)(csv_out *o); /* fills the period/made columns, if any */
};

static int def_row(void *arg, const char *text)
{
	struct def_walk *d = arg;
	put(d->o, "definition");
	while (d->o->rec.n < d->ncols) {
		if (d->o->rec.n == d->text_col)
			put(d->o, text);
		else if (d->stamp && d->o->rec.n == d->ncols - 4)
			d->stamp(d->o);
		else
			put(d->o, "");
	}
	return emit(d->o, false) < 0;
}

static int write_defs(csv_out *o, lk_report_kind k, int ncols, int text_col,
	void (*stamp)(csv_out *))
{
	struct def_walk d = {o, ncols, text_col, stamp};
	if (report_definitions(o->ctx, k, def_row, &d) < 0 && o->rc == 0)
		o->rc = lk_fail(o->err, LK_ENOMEM, "%s", _("Out of memory."));
	return o->rc;
}

/* period_from, period_to, made_at, made_by: the last four columns. */
static void stamp_period(csv_out *o)
{
	put(o, o->from);
	put(o, o->to);
	put(o, o->made);
	put(o, o->ctx->login);
}

static int log_csv(csv_out *o, lk_report_kind k, int64_t run_id, const lk_period *p, const char *where)
{
	if (o->rc == 0)
		o->rc = report_log(o->ctx, k, run_id, p, o->rows, where, o->err);
	return o->rc;
}

/* ---- CSV: the activity report ---- */

enum { ACT_LEAD = 4 }; /* type, key, name, audience */

/* The figure columns' codes: counts as they are, minutes also as hours,
 * shares as part, whole and per cent. */
static int figure_codes(char codes[][48], int max)
{
	lk_report_counts zero = {0};
	lk_report_figure f[LK_REPORT_FIGURES];
	report_figures(&zero, f);
	int n = 0;
	for (int i = 0; i < LK_REPORT_FIGURES && n + 3 <= max; i++) {
		size_t len = strlen(f[i].code);
		if (f[i].unit == LK_FIG_COUNT) {
			snprintf(codes[n++], 48, "%s", f[i].code);
		} else if (f[i].unit == LK_FIG_MINUTES) {
			snprintf(codes[n++], 48, "%s", f[i].code);
			snprintf(codes[n++], 48, "%.*s_hours", (int)(len - 4), f[i].code);
		} else {
			snprintf(codes[n++], 48, "%s_part", f[i].code);
			snprintf(codes[n++], 48, "%s_of", f[i].code);
			snprintf(codes[n++], 48, "%s_pct", f[i].code);
		}
	}
	return n;
}

static int act_write_header(csv_out *o, char codes[][48], int *nfig)
{
	static const char *const lead[ACT_LEAD] = {"type", "key", "name", "audience"};
	*nfig = figure_codes(codes, CSV_COLS - ACT_LEAD - 5);
	for (int i = 0; i < ACT_LEAD; i++)
		put(o, lead[i]);
	for (int i = 0; i < *nfig; i++)
		put(o, codes[i]);
	put(o, "text");
	put(o, "period_from");
	put(o, "period_to");
	put(o, "made_at");
	put(o, "made_by");
	return emit(o, false);
}

static void put_figures(csv_out *o, const lk_report_counts *c)
{
	lk_report_figure f[LK_REPORT_FIGURES];
	report_figures(c, f);
	for (int i = 0; i < LK_REPORT_FIGURES; i++) {
		put_int(o, f[i].value);
		if (f[i].unit == LK_FIG_MINUTES)
			hours_cell(f[i].value, o->fl, put_num(o));
		if (f[i].unit == LK_FIG_SHARE) {
			put_int(o, f[i].of);
			pct_cell(f[i].value, f[i].of, o->fl, put_num(o));
		}
	}
}

static const char *const by_type[LK_BY_COUNT] = {
	[LK_BY_ALL] = "all", [LK_BY_AUDIENCE] = "audience", [LK_BY_COURSE] = "course",
	[LK_BY_MONTH] = "month", [LK_BY_YEAR] = "year",
};

static int act_row(void *arg, const lk_report_row *r)
{
	csv_out *o = arg;
	bool aud = r->by == LK_BY_AUDIENCE || r->by == LK_BY_COURSE;
	put(o, by_type[r->by]);
	put(o, r->key);
	put(o, r->by == LK_BY_AUDIENCE ? course_audience_label(r->audience) : r->course_title);
	put(o, aud ? course_audience_code(r->audience) : "");
	put_figures(o, &r->n);
	put(o, "");
	stamp_period(o);
	return emit(o, true) < 0;
}

int reportcsv_activity(lk_ctx *ctx, lk_period p, lk_csv_writer *w, lk_csv_flavour flavour,
	const char *where, int64_t *rows, lk_err *err)
{
	static const lk_report_by order[] = {LK_BY_ALL, LK_BY_AUDIENCE, LK_BY_COURSE, LK_BY_MONTH};
	csv_out *o = malloc(sizeof *o);
	char (*codes)[48] = calloc(CSV_COLS, 48);
	int nfig = 0, rc = o && codes ? 0 : lk_fail(err, LK_ENOMEM, "%s", _("Out of memory."));
	if (rc == 0 && (rc = role_require(ctx, LK_PERM_REPORTS, err)) == 0) {
		out_init(o, ctx, w, flavour, &p, err);
		rc = act_write_header(o, codes, &nfig);
		for (size_t i = 0; rc == 0 && i < sizeof order / sizeof order[0]; i++)
			if (report_activity(ctx, p, order[i], (lk_page){0, 0}, act_row, o, err) < 0 || o->rc < 0)
				rc = -1;
		if (rc == 0)
			rc = write_defs(o, LK_REPORT_ACTIVITY, ACT_LEAD + nfig + 5, ACT_LEAD + nfig, stamp_period);
		if (rc == 0)
			rc = log_csv(o, LK_REPORT_ACTIVITY, 0, &p, where);
		if (rows)
			*rows = o->rows;
	}
	free(codes);
	free(o);
	return rc;
}

/* ---- CSV: the registration list ---- */

enum { REG_COLS = 18, REG_TEXT = 14 };

static int reg_header(csv_out *o)
{
	static const char *const cols[REG_COLS] = {"type", "run_id", "course", "run", "participant_id",
		"name", "category", "status", "date", "present", "held_expected", "meets_attendance",
		"criterion", "met", "text", "run_first_date", "made_at", "made_by"};
	for (int i = 0; i < REG_COLS; i++)
		put(o, cols[i]);
	return emit(o, false);
}

struct reg_csv {
	csv_out *o;
	const lk_registration *r;
	char run_id[32], first[11];
};

/* type, run_id, course, run: the first four columns of every row. */
static void reg_lead(struct reg_csv *c, const char *type)
{
	put(c->o, type);
	put(c->o, c->run_id);
	put(c->o, c->r->course_title);
	put(c->o, c->r->run_title);
}

static void reg_tail(struct reg_csv *c)
{
	put(c->o, c->first);
	put(c->o, c->o->made);
	put(c->o, c->o->ctx->login);
}

static int reg_date_row(struct reg_csv *c, const lk_reg_participant *p, const char *date)
{
	csv_out *o = c->o;
	reg_lead(c, "attendance");
	put_int(o, p->participant_id);
	put(o, p->name);
	put(o, enroll_category_code(p->category));
	put(o, enroll_status_code(p->status));
	put(o, date);
	put_int(o, p->present);
	put_int(o, p->held_expected);
	put(o, p->meets_attendance ? "yes" : "no");
	put(o, "");
	put(o, "");
	put(o, "");
	reg_tail(c);
	return emit(o, true);
}

static int reg_participant(void *arg, const lk_reg_participant *p)
{
	struct reg_csv *c = arg;
	char d[11];
	if (p->n_dates == 0)
		return reg_date_row(c, p, "") < 0;
	for (int i = 0; i < p->n_dates; i++) {
		date_iso(p->dates[i], d);
		if (reg_date_row(c, p, d) < 0)
			return 1;
	}
	return 0;
}

static const char *const criterion_codes[LK_FUND_COUNT] = {
	[LK_FUND_HOURS] = "teaching_hours", [LK_FUND_ATTENDANCE] = "attendance",
	[LK_FUND_PROFESSIONS] = "professions", [LK_FUND_USER_REP] = "user_representative",
};

static int reg_criteria(struct reg_csv *c)
{
	for (int i = 0; i < LK_FUND_COUNT; i++) {
		reg_lead(c, "criterion");
		for (int k = 4; k < 12; k++)
			put(c->o, "");
		put(c->o, criterion_codes[i]);
		put(c->o, c->r->met[i] ? "yes" : "no");
		put(c->o, c->r->reason[i]);
		reg_tail(c);
		if (emit(c->o, false) < 0)
			return -1;
	}
	return 0;
}

static int reg_body(csv_out *o, const lk_registration *r, int64_t run_id, const char *where)
{
	struct reg_csv c = {o, r, "", ""};
	int_cell(run_id, c.run_id);
	if (r->first_date.year)
		date_iso(r->first_date, c.first);
	if (reg_header(o) < 0 ||
	    report_registration_participants(o->ctx, run_id, (lk_page){0, 0}, reg_participant, &c, o->err) < 0 ||
	    o->rc < 0 || reg_criteria(&c) < 0)
		return -1;
	if (write_defs(o, LK_REPORT_REGISTRATION, REG_COLS, REG_TEXT, NULL) < 0)
		return -1;
	return log_csv(o, LK_REPORT_REGISTRATION, run_id, NULL, where);
}

int reportcsv_registration(lk_ctx *ctx, int64_t run_id, lk_csv_writer *w, lk_csv_flavour flavour,
	const char *where, int64_t *rows, lk_err *err)
{
	lk_registration r;
	csv_out *o = malloc(sizeof *o);
	if (!o)
		return lk_fail(err, LK_ENOMEM, "%s", _("Out of memory."));
	int rc = report_registration(ctx, run_id, &r, err);
	if (rc == 0) {
		out_init(o, ctx, w, flavour, NULL, err);
		rc = reg_body(o, &r, run_id, where);
		if (rows)
			*rows = o->rows;
	}
	registration_free(&r);
	free(o);
	return rc;
}

/* ---- CSV: the honorarium ---- */

enum { HON_COLS = 23, HON_TEXT = 18 };

static int hon_header(csv_out *o)
{
	static const char *const cols[HON_COLS] = {"type", "person_id", "name", "organisation", "kind",
		"date", "start", "end", "course", "run", "session", "in_person", "sessions", "meetings",
		"actual_min", "paid_min", "paid_hours", "amount", "text", "period_from", "period_to",
		"made_at", "made_by"};
	for (int i = 0; i < HON_COLS; i++)
		put(o, cols[i]);
	return emit(o, false);
}

static void hon_sums(csv_out *o, int64_t actual, int64_t paid, int64_t amount)
{
	put_int(o, actual);
	put_int(o, paid);
	hours_cell(paid, o->fl, put_num(o));
	money_cell(amount, o->fl, put_num(o));
	put(o, "");
	stamp_period(o);
}

static int hon_item_row(void *arg, const lk_hon_item *it)
{
	csv_out *o = arg;
	char day[11], start[6], end[6];
	date_iso(it->starts_at.date, day);
	snprintf(start, sizeof start, "%02d:%02d", it->starts_at.hour, it->starts_at.minute);
	snprintf(end, sizeof end, "%02d:%02d", it->ends_at.hour, it->ends_at.minute);
	put(o, "item");
	put_int(o, it->person_id);
	put(o, it->name);
	put(o, it->organisation);
	put(o, report_hon_kind_code(it->kind));
	put(o, day);
	put(o, start);
	put(o, end);
	put(o, it->course_title);
	put(o, it->run_title);
	if (it->seq)
		put_int(o, it->seq);
	else
		put(o, "");
	put(o, it->in_person ? "yes" : "no");
	put(o, "");
	put(o, "");
	hon_sums(o, it->actual_min, it->paid_min, it->amount_ore);
	return emit(o, true) < 0;
}

static int hon_total_row(csv_out *o, const char *type, const lk_hon_total *t)
{
	put(o, type);
	if (t->person_id)
		put_int(o, t->person_id);
	else
		put(o, "");
	put(o, t->name);
	put(o, t->organisation);
	for (int i = 0; i < 8; i++)
		put(o, "");
	put_int(o, t->sessions);
	put_int(o, t->meetings);
	hon_sums(o, t->actual_min, t->paid_min, t->amount_ore);
	return emit(o, false);
}

static int hon_person_row(void *arg, const lk_hon_total *t)
{
	return hon_total_row(arg, "person_total", t) < 0;
}

int reportcsv_honorarium(lk_ctx *ctx, lk_period p, lk_csv_writer *w, lk_csv_flavour flavour,
	const char *where, int64_t *rows, lk_err *err)
{
	csv_out *o = malloc(sizeof *o);
	if (!o)
		return lk_fail(err, LK_ENOMEM, "%s", _("Out of memory."));
	lk_hon_total grand;
	out_init(o, ctx, w, flavour, &p, err);
	lk_hon_sink sink = {hon_item_row, hon_person_row, o};
	int rc = role_require(ctx, LK_PERM_REPORTS, err);
	if (rc == 0)
		rc = hon_header(o);
	if (rc == 0 && (report_honorarium(ctx, p, &sink, &grand, err) < 0 || o->rc < 0))
		rc = -1;
	if (rc == 0)
		rc = hon_total_row(o, "total", &grand);
	if (rc == 0)
		rc = write_defs(o, LK_REPORT_HONORARIUM, HON_COLS, HON_TEXT, stamp_period);
	if (rc == 0)
		rc = log_csv(o, LK_REPORT_HONORARIUM, 0, &p, where);
	if (rows)
		*rows = o->rows;
	free(o);
	return rc;
}

/* ---- PDF: the activity report ---- */

#define BAR_CELLS 14 /* a bar's width in block characters */

typedef struct pdf_head {
	const char *organisation;
	char period[32], made[128], footer[512];
} pdf_head;

static int draw_head(lk_pdf *pdf, void *arg, lk_err *err)
{
	pdf_head *h = arg;
	if (h->organisation && *h->organisation &&
	    pdf_text(pdf, h->organisation, LK_PDF_SMALL, LK_PDF_LEFT, err) < 0)
		return -1;
	if (pdf_text(pdf, report_kind_label(LK_REPORT_ACTIVITY), LK_PDF_TITLE, LK_PDF_LEFT, err) < 0 ||
	    pdf_field(pdf, _("Period"), h->period, err) < 0 || pdf_field(pdf, _("Made"), h->made, err) < 0)
		return -1;
	pdf_gap(pdf, 8);
	return 0;
}

static void head_init(pdf_head *h, lk_ctx *ctx, lk_period p, const char *organisation)
{
	lk_datetime now = ctx_now(ctx);
	char when[17];
	h->organisation = organisation;
	report_period_text(p, h->period);
	datetime_show(now, when);
	snprintf(h->made, sizeof h->made, _("%s by %s"), when, ctx->login);
	snprintf(h->footer, sizeof h->footer, "%s%s%s %s", organisation ? organisation : "",
		organisation && *organisation ? " · " : "", report_kind_label(LK_REPORT_ACTIVITY), h->period);
}

static int heading(lk_pdf *pdf, const char *text, lk_err *err)
{
	pdf_gap(pdf, 6);
	return pdf_text(pdf, text, LK_PDF_BOLD, LK_PDF_LEFT, err);
}

/* The figures: label, value, and a bar for the shares. */
static int draw_figures(lk_pdf *pdf, const lk_report_counts *n, int64_t *rows, lk_err *err)
{
	const lk_pdf_column cols[] = {
		{_("Figure"), 4.0, LK_PDF_LEFT, 2, false}, {_("Value"), 1.4, LK_PDF_RIGHT, 1, false},
		{"", 2.4, LK_PDF_LEFT, 1, false}};
	lk_report_figure f[LK_REPORT_FIGURES];
	report_figures(n, f);
	if (heading(pdf, _("Figures"), err) < 0 || pdf_table_begin(pdf, cols, 3, err) < 0)
		return -1;
	for (int i = 0; i < LK_REPORT_FIGURES; i++) {
		char label[256], value[40], bar[BAR_CELLS * 3 + 4];
		snprintf(label, sizeof label, "%s%s", f[i].indent ? "    " : "", _(f[i].label));
		report_figure_text(&f[i], value);
		report_bar_text(f[i].unit == LK_FIG_SHARE ? f[i].value : 0, f[i].of, BAR_CELLS, bar, sizeof bar);
		const char *cells[] = {label, value, bar};
		if (pdf_table_row(pdf, cells, 0, err) < 0)
			return -1;
		++*rows;
	}
	pdf_table_end(pdf);
	return 0;
}

/* ---- PDF: the tables by audience, course and month ---- */

enum { T_NAME, T_RUNS, T_SESSIONS, T_HOURS, T_PEOPLE, T_ATTENDANCE, T_COMPLETED, T_NCOLS };

typedef struct slice_table {
	lk_ctx *ctx;
	lk_pdf *pdf;
	lk_period p;
	lk_report_by by;
	int64_t max;      /* the scale of the bars (the largest teaching time) */
	int64_t rows;
	lk_err *err;
	int rc;
} slice_table;

/* Teaching hours with their bar in one cell, so the headers keep room. */
static int table_begin(slice_table *t, const char *first)
{
	/* Weights in points (the page has 510): each header word and a
	 * long course name fit on their lines with the cell's padding. */
	const lk_pdf_column cols[T_NCOLS] = {
		[T_NAME] = {first, 118, LK_PDF_LEFT, 3, false},
		[T_RUNS] = {_("Runs"), 36, LK_PDF_RIGHT, 1, false},
		[T_SESSIONS] = {_("Sessions"), 57, LK_PDF_RIGHT, 1, false},
		[T_HOURS] = {_("Teaching hours"), 81, LK_PDF_LEFT, 1, false},
		[T_PEOPLE] = {_("Participants"), 76, LK_PDF_RIGHT, 1, false},
		[T_ATTENDANCE] = {_("Attendance"), 74, LK_PDF_RIGHT, 1, false},
		[T_COMPLETED] = {_("Completed"), 68, LK_PDF_RIGHT, 1, false},
	};
	return pdf_table_begin(t->pdf, cols, T_NCOLS, t->err);
}

static int slice_cells(slice_table *t, const char *name, const lk_report_counts *n)
{
	char runs[32], ses[32], hours[40], bar[BAR_CELLS * 3 + 4], cell[160], people[32], att[24], done[24];
	int_cell(n->runs, runs);
	int_cell(n->sessions_held, ses);
	report_hours_short(n->teaching_min, hours);
	report_bar_text(n->teaching_min, t->max, 3, bar, sizeof bar);
	snprintf(cell, sizeof cell, "%s %s", hours, bar);
	int_cell(n->enrollments, people);
	report_share_text(n->present, n->expected, att);
	report_share_text(n->completed, n->finished_enrollments, done);
	const char *cells[T_NCOLS] = {name, runs, ses, cell, people, att, done};
	t->rows++;
	return pdf_table_row(t->pdf, cells, 0, t->err);
}

static int draw_slice(void *arg, const lk_report_row *r)
{
	slice_table *t = arg;
	char name[256];
	t->max = r->max_teaching_min;
	report_row_name(r, name, sizeof name);
	if (slice_cells(t, name, &r->n) < 0)
		t->rc = -1;
	return t->rc < 0;
}

/* One table, its rows streamed (each knows the scale of its bar). */
static int draw_slices(slice_table *t, const char *title, const char *first)
{
	lk_page all = {0, 0};
	bool time = t->by == LK_BY_MONTH || t->by == LK_BY_YEAR;
	t->max = 0;
	if (heading(t->pdf, title, t->err) < 0 || table_begin(t, first) < 0)
		return -1;
	int rc = time ? report_activity_timeline(t->ctx, t->p, t->by, draw_slice, t, t->err)
		      : report_activity(t->ctx, t->p, t->by, all, draw_slice, t, t->err);
	if (rc < 0 || t->rc < 0)
		return -1;
	pdf_table_end(t->pdf);
	return 0;
}

static int draw_tables(lk_ctx *ctx, lk_pdf *pdf, lk_period p, int64_t *rows, lk_err *err)
{
	slice_table t = {.ctx = ctx, .pdf = pdf, .p = p, .err = err};
	t.by = LK_BY_AUDIENCE;
	int rc = draw_slices(&t, _("By audience"), _("Audience"));
	t.by = LK_BY_COURSE;
	if (rc == 0)
		rc = draw_slices(&t, _("By course"), _("Course"));
	t.by = report_time_grouping(p);
	if (rc == 0)
		rc = draw_slices(&t, t.by == LK_BY_MONTH ? _("By month") : _("By year"),
			t.by == LK_BY_MONTH ? _("Month") : _("Year"));
	*rows += t.rows;
	return rc;
}

static int draw_def(void *arg, const char *text)
{
	void **a = arg;
	return pdf_text(a[0], text, LK_PDF_SMALL, LK_PDF_LEFT, a[1]) < 0;
}

static int draw_defs(lk_ctx *ctx, lk_pdf *pdf, lk_err *err)
{
	void *a[2] = {pdf, err};
	if (heading(pdf, _("Definitions"), err) < 0)
		return -1;
	lk_err_clear(err);
	int n = report_definitions(ctx, LK_REPORT_ACTIVITY, draw_def, a);
	if (n < 0)
		return lk_fail(err, LK_ENOMEM, "%s", _("Out of memory."));
	return err->code == LK_OK ? 0 : -1;
}

static int draw_activity(lk_ctx *ctx, lk_pdf *pdf, lk_period p, pdf_head *h, int64_t *rows,
	lk_err *err)
{
	lk_report_counts n;
	if (report_activity_total(ctx, p, &n, err) < 0 ||
	    pdf_set_begin(pdf, draw_head, h, h->footer, err) < 0 ||
	    draw_figures(pdf, &n, rows, err) < 0 || draw_tables(ctx, pdf, p, rows, err) < 0 ||
	    draw_defs(ctx, pdf, err) < 0)
		return -1;
	return pdf_set_end(pdf, err) < 0 ? -1 : 0;
}

int reportpdf_activity(lk_ctx *ctx, lk_period p, const char *organisation, const char *path,
	lk_reportpdf_result *out, lk_err *err)
{
	lk_pdf *pdf;
	pdf_head h;
	int64_t rows = 0;
	if (out)
		*out = (lk_reportpdf_result){0, 0};
	if (role_require(ctx, LK_PERM_REPORTS, err) < 0 || report_period_check(p, err) < 0 ||
	    pdf_create(path, report_kind_label(LK_REPORT_ACTIVITY), &pdf, err) < 0)
		return -1;
	head_init(&h, ctx, p, organisation);
	if (draw_activity(ctx, pdf, p, &h, &rows, err) < 0 ||
	    report_log(ctx, LK_REPORT_ACTIVITY, 0, &p, rows, path, err) < 0) {
		pdf_abort(pdf);
		return -1;
	}
	int pages = pdf_pages(pdf);
	if (pdf_finish(pdf, err) < 0)
		return -1;
	if (out)
		*out = (lk_reportpdf_result){pages, rows};
	return 0;
}
