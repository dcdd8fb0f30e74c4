/* cmd_report.c — the reports (report.h) for people and programs:
 *
 *   report activity --from D --to D [--format text|csv|pdf] [--excel] [-o FILE]
 *   report registration RUN [--format text|csv] [--excel] [-o FILE]
 *   report honorarium --from D --to D [--format text|csv] [--excel] [-o FILE]
 *
 * Text goes to people (aligned columns, bars), CSV to spreadsheets and
 * payroll (reportpdf.h), PDF to paper (activity only; needs -o). Without
 * -o, text and CSV go to standard output; with it, to FILE, readable only
 * by the user (0600), written whole or not at all. Every report that is
 * written is logged (report_log; the CSV and PDF writers log themselves).
 * Coordinators only: the core refuses the others. */
#include "cmds.h"
#include "outopt.h"
#include "table.h"

#include <stdlib.h>
#include <string.h>

#include "lmskurs/i18n.h"
#include "lmskurs/reportpdf.h"

enum { OPT_FROM = 1, OPT_TO, OPT_FORMAT, OPT_EXCEL };

typedef enum report_format { FMT_TEXT, FMT_CSV, FMT_PDF } report_format;

static const struct option report_opts[] = {
	{"from", required_argument, NULL, OPT_FROM},
	{"to", required_argument, NULL, OPT_TO},
	{"format", required_argument, NULL, OPT_FORMAT},
	{"excel", no_argument, NULL, OPT_EXCEL},
	{"output", required_argument, NULL, 'o'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

struct report_args {
	const char *from, *to, *output;
	report_format format;
	bool excel;
};

static int take_format(cli_app *app, const char *s, report_format *out)
{
	static const char *const names[] = {"text", "csv", "pdf"};
	for (int i = 0; i < 3; i++)
		if (strcmp(s, names[i]) == 0) {
			*out = (report_format)i;
			return CLI_OK;
		}
	return cli_usage_error(app, _("Unknown format '%s': use text, csv or pdf."), s);
}

static int take_opt(cli_app *app, void *state, int c)
{
	struct report_args *a = state;
	switch (c) {
	case OPT_FROM: a->from = optarg; return CLI_OK;
	case OPT_TO: a->to = optarg; return CLI_OK;
	case OPT_EXCEL: a->excel = true; return CLI_OK;
	case 'o': a->output = optarg; return CLI_OK;
	default: return take_format(app, optarg, &a->format);
	}
}

/* Parses the arguments; *n positional ones land in *rest. */
static int parse(cli_app *app, int argc, char **argv, struct report_args *a, int npos, char ***rest)
{
	int n;
	cli_alias_output(argc, argv, report_opts);
	int rc = cli_parse_args(app, argc, argv, report_opts, take_opt, a, npos, npos, rest, &n);
	if (rc != CLI_OK)
		return rc;
	if (a->output && !*a->output)
		return cli_usage_error(app, "%s", _("-o needs a file name."));
	if (a->format == FMT_PDF && !a->output)
		return cli_usage_error(app, "%s", _("Say where the PDF goes with -o FILE.pdf."));
	return CLI_OK;
}

static int parse_period(cli_app *app, const struct report_args *a, lk_period *p)
{
	lk_err err;
	if (!a->from || !a->to)
		return cli_usage_error(app, "%s", _("Give the period with --from DATE and --to DATE."));
	return report_period_parse(a->from, a->to, p, &err) < 0 ? cli_report(&err) : CLI_OK;
}

/* ---- where the report goes ---- */

typedef struct target {
	FILE *f;
	lk_csv_outfile file;
	bool to_file;
	const char *where; /* for the log: the file, or "stdout" */
} target;

static int target_open(const char *output, target *t)
{
	lk_err err;
	memset(t, 0, sizeof *t);
	t->f = stdout;
	t->where = "stdout";
	if (!output)
		return CLI_OK;
	if (csv_outfile_open(output, &t->file, &err) < 0)
		return cli_report(&err);
	t->f = t->file.f;
	t->to_file = true;
	t->where = output;
	return CLI_OK;
}

/* Keeps the file when rc is CLI_OK (else removes it); returns the status. */
static int target_close(target *t, int rc)
{
	lk_err err;
	if (!t->to_file)
		return fflush(stdout) == 0 || rc != CLI_OK ? rc : cli_failf("%s", _("Could not write to standard output."));
	if (csv_outfile_close(&t->file, rc == CLI_OK, &err) < 0 && rc == CLI_OK)
		return cli_report(&err);
	return rc;
}

static int csv_through(target *t, bool excel,
	int (*write)(void *arg, lk_csv_writer *w, lk_csv_flavour fl, const char *where, int64_t *rows, lk_err *err),
	void *arg)
{
	lk_csv_writer *w;
	lk_err err;
	int64_t rows = 0;
	lk_csv_flavour fl = excel ? LK_CSV_EXCEL : LK_CSV_RFC4180;
	if (csv_writer_open(t->f, fl, &w, &err) < 0)
		return cli_report(&err);
	int rc = write(arg, w, fl, t->where, &rows, &err);
	lk_err cerr;
	if (csv_writer_close(w, &cerr) < 0 && rc == 0) {
		err = cerr;
		rc = -1;
	}
	return rc < 0 ? cli_report(&err) : CLI_OK;
}

/* ---- text: what every report prints first and last ---- */

static void print_head(FILE *f, cli_app *app, lk_report_kind k, const char *what)
{
	char when[17];
	datetime_show(ctx_now(app->ctx), when);
	if (app->cfg.organisation && *app->cfg.organisation)
		fprintf(f, "%s\n", app->cfg.organisation);
	fprintf(f, "%s\n", report_kind_label(k));
	if (what)
		fprintf(f, "%s\n", what);
	fprintf(f, _("Made %s by %s"), when, app->ctx->login);
	fprintf(f, "\n");
}

enum { TEXT_WIDTH = 78 };

/* "  - " and text wrapped at TEXT_WIDTH columns, later lines indented. */
static void print_wrapped(FILE *f, const char *text)
{
	size_t col = 4;
	fputs("  -", f);
	while (*text) {
		size_t n = strcspn(text, " ");
		char word[512];
		snprintf(word, sizeof word, "%.*s", (int)(n < sizeof word - 1 ? n : sizeof word - 1), text);
		size_t w = table_text_width(word);
		if (col + 1 + w > TEXT_WIDTH && col > 4) {
			fputs("\n   ", f);
			col = 3;
		}
		fprintf(f, " %s", word);
		col += 1 + w;
		text += n;
		text += strspn(text, " ");
	}
	fputc('\n', f);
}

static int print_def(void *arg, const char *text)
{
	print_wrapped(arg, text);
	return 0;
}

static int print_defs(FILE *f, cli_app *app, lk_report_kind k)
{
	fprintf(f, "\n%s\n", _("Definitions"));
	return report_definitions(app->ctx, k, print_def, f) < 0 ? cli_failf("%s", _("Out of memory.")) : CLI_OK;
}

static int log_text(cli_app *app, lk_report_kind k, int64_t run_id, const lk_period *p,
	int64_t rows, const target *t)
{
	lk_err err;
	return report_log(app->ctx, k, run_id, p, rows, t->where, &err) < 0 ? cli_report(&err) : CLI_OK;
}

static int table_done(cli_table *t, int rc)
{
	if (rc == CLI_OK && table_flush(t) < 0)
		rc = cli_failf("%s", _("Out of memory."));
	table_free(t);
	return rc;
}

/* ---- activity as text ---- */

#define BAR_CELLS 20

static const cli_column figure_cols[] = {
	{"figure", N_("Figure"), false}, {"value", N_("Value"), true}, {"bar", "", false},
};

static int print_figures(FILE *f, const lk_report_counts *n, int64_t *rows)
{
	lk_report_figure fig[LK_REPORT_FIGURES];
	report_figures(n, fig);
	cli_table *t = table_new(f, CLI_TEXT, figure_cols, 3);
	if (!t)
		return cli_failf("%s", _("Out of memory."));
	fprintf(f, "\n%s\n", _("Figures"));
	for (int i = 0; i < LK_REPORT_FIGURES; i++) {
		char label[256], value[40], bar[BAR_CELLS * 3 + 4];
		snprintf(label, sizeof label, "%s%s", fig[i].indent ? "    " : "", _(fig[i].label));
		report_figure_text(&fig[i], value);
		report_bar_text(fig[i].unit == LK_FIG_SHARE ? fig[i].value : 0, fig[i].of, BAR_CELLS, bar, sizeof bar);
		const char *cells[] = {label, value, bar};
		table_row(t, cells);
		++*rows;
	}
	return table_done(t, CLI_OK);
}

static const cli_column slice_cols[] = {
	{"name", "", false}, {"runs", N_("Runs"), true}, {"sessions", N_("Sessions"), true},
	{"hours", N_("Teaching hours"), true}, {"bar", "", false},
	{"participants", N_("Participants"), true}, {"attendance", N_("Attendance"), true},
	{"completed", N_("Completed"), true},
};

struct slices {
	cli_table *t;
	int64_t rows;
};

static int slice_row(void *arg, const lk_report_row *r)
{
	struct slices *s = arg;
	char name[256], runs[24], ses[24], hours[40], bar[BAR_CELLS * 3 + 4], ppl[24], att[24], done[24];
	report_row_name(r, name, sizeof name);
	report_hours_text(r->n.teaching_min, hours);
	report_bar_text(r->n.teaching_min, r->max_teaching_min, BAR_CELLS / 2, bar, sizeof bar);
	report_share_text(r->n.present, r->n.expected, att);
	report_share_text(r->n.completed, r->n.finished_enrollments, done);
	const char *cells[] = {name, table_int(runs, r->n.runs), table_int(ses, r->n.sessions_held), hours,
		bar, table_int(ppl, r->n.enrollments), att, done};
	s->rows++;
	return table_row(s->t, cells) != 0;
}

static int print_slices(FILE *f, cli_app *app, lk_period p, lk_report_by by, const char *title,
	int64_t *rows)
{
	lk_err err;
	cli_column cols[8];
	memcpy(cols, slice_cols, sizeof cols);
	cols[0].label = by == LK_BY_AUDIENCE ? N_("Audience") : by == LK_BY_COURSE ? N_("Course")
		: by == LK_BY_MONTH ? N_("Month") : N_("Year");
	struct slices s = {table_new(f, CLI_TEXT, cols, 8), 0};
	if (!s.t)
		return cli_failf("%s", _("Out of memory."));
	fprintf(f, "\n%s\n", title);
	bool time = by == LK_BY_MONTH || by == LK_BY_YEAR;
	int rc = time ? report_activity_timeline(app->ctx, p, by, slice_row, &s, &err)
		      : report_activity(app->ctx, p, by, (lk_page){0, 0}, slice_row, &s, &err);
	*rows += s.rows;
	return table_done(s.t, rc < 0 ? cli_report(&err) : CLI_OK);
}

static int activity_text(cli_app *app, lk_period p, target *t)
{
	lk_err err;
	lk_report_counts n;
	char period[32], what[96];
	int64_t rows = 0;
	if (report_activity_total(app->ctx, p, &n, &err) < 0)
		return cli_report(&err);
	report_period_text(p, period);
	snprintf(what, sizeof what, _("Period: %s"), period);
	print_head(t->f, app, LK_REPORT_ACTIVITY, what);
	lk_report_by time = report_time_grouping(p);
	int rc = print_figures(t->f, &n, &rows);
	if (rc == CLI_OK)
		rc = print_slices(t->f, app, p, LK_BY_AUDIENCE, _("By audience"), &rows);
	if (rc == CLI_OK)
		rc = print_slices(t->f, app, p, LK_BY_COURSE, _("By course"), &rows);
	if (rc == CLI_OK)
		rc = print_slices(t->f, app, p, time, time == LK_BY_MONTH ? _("By month") : _("By year"), &rows);
	if (rc == CLI_OK)
		rc = print_defs(t->f, app, LK_REPORT_ACTIVITY);
	return rc == CLI_OK ? log_text(app, LK_REPORT_ACTIVITY, 0, &p, rows, t) : rc;
}

struct activity_csv {
	lk_ctx *ctx;
	lk_period p;
};

static int activity_csv_write(void *arg, lk_csv_writer *w, lk_csv_flavour fl, const char *where,
	int64_t *rows, lk_err *err)
{
	struct activity_csv *a = arg;
	return reportcsv_activity(a->ctx, a->p, w, fl, where, rows, err);
}

static int activity_pdf(cli_app *app, lk_period p, const char *output)
{
	lk_err err;
	lk_reportpdf_result res;
	if (reportpdf_activity(app->ctx, p, app->cfg.organisation, output, &res, &err) < 0)
		return cli_report(&err);
	printf(ngettext("Wrote the activity report to %s (%d page, readable only by you).\n",
			"Wrote the activity report to %s (%d pages, readable only by you).\n",
			(unsigned long)res.pages),
		output, res.pages);
	return CLI_OK;
}

int cmd_report_activity(cli_app *app, int argc, char **argv)
{
	struct report_args a = {0};
	char **rest;
	lk_period p;
	target t;
	int rc = parse(app, argc, argv, &a, 0, &rest);
	if (rc != CLI_OK)
		return rc == CLI_DONE ? CLI_OK : rc;
	if ((rc = parse_period(app, &a, &p)) != CLI_OK || (rc = cli_open(app)) != CLI_OK)
		return rc;
	if (a.format == FMT_PDF)
		return activity_pdf(app, p, a.output);
	if ((rc = target_open(a.output, &t)) != CLI_OK)
		return rc;
	struct activity_csv c = {app->ctx, p};
	rc = a.format == FMT_CSV ? csv_through(&t, a.excel, activity_csv_write, &c) : activity_text(app, p, &t);
	return target_close(&t, rc);
}

/* ---- registration as text ---- */

static void print_run(FILE *f, const lk_registration *r)
{
	char first[11] = "", last[11] = "", hours[40];
	if (r->first_date.year)
		date_show(r->first_date, first);
	if (r->last_date.year)
		date_show(r->last_date, last);
	report_hours_text(r->teaching_min, hours);
	fprintf(f, _("Run %lld: %s%s%s"), (long long)r->run_id, r->course_title, *r->run_title ? ", " : "",
		r->run_title);
	fprintf(f, *r->place ? " (%s)\n" : "%s\n", r->place);
	fprintf(f, _("Sessions %s–%s: %d held, %d planned, %d cancelled; %s of teaching held"), first, last,
		r->sessions_held, r->sessions_planned, r->sessions_cancelled, hours);
	fprintf(f, "\n");
}

static void print_criteria(FILE *f, const lk_registration *r)
{
	fprintf(f, "\n%s: %s\n", _("Funding criteria (ISF, A0099)"),
		r->meets ? _("met") : _("NOT met"));
	for (int i = 0; i < LK_FUND_COUNT; i++) {
		char label[96];
		report_criterion_text((lk_funding_criterion)i, label);
		fprintf(f, "  [%s] %s: %s\n", r->met[i] ? _("yes") : _("no"), label, r->reason[i]);
	}
}

static const cli_column participant_cols[] = {
	{"no", N_("No."), true}, {"name", N_("Name"), false}, {"category", N_("Category"), false},
	{"present", N_("Present"), true}, {"meets", N_("≥ 80 %"), false}, {"dates", N_("Dates present"), false},
};

struct participants {
	cli_table *t;
	int64_t rows;
};

/* "01.02, 08.02, 15.02.2027": the year once, at the end of its dates. */
static void dates_text(const lk_reg_participant *p, char *buf, size_t size)
{
	size_t len = 0;
	buf[0] = 0;
	for (int i = 0; i < p->n_dates && len + 16 < size; i++) {
		const lk_date *d = &p->dates[i];
		bool last_of_year = i + 1 == p->n_dates || p->dates[i + 1].year != d->year;
		len += (size_t)snprintf(buf + len, size - len, "%s%02d.%02d", i ? ", " : "", d->day, d->month);
		if (last_of_year)
			len += (size_t)snprintf(buf + len, size - len, ".%d", d->year);
	}
}

static int participant_row(void *arg, const lk_reg_participant *p)
{
	struct participants *s = arg;
	char no[24], present[48], name[256], dates[1024];
	snprintf(present, sizeof present, "%d/%d", p->present, p->held_expected);
	if (*p->name && p->status == LK_ENR_CANCELLED)
		snprintf(name, sizeof name, _("%s (place cancelled)"), p->name);
	else
		snprintf(name, sizeof name, "%s", *p->name ? p->name : _("(name removed)"));
	dates_text(p, dates, sizeof dates);
	const char *cells[] = {table_int(no, p->participant_id), name, enroll_category_label(p->category),
		present, p->meets_attendance ? _("yes") : _("no"), dates};
	s->rows++;
	return table_row(s->t, cells) != 0;
}

static int print_participants(FILE *f, cli_app *app, int64_t run_id, int64_t *rows)
{
	lk_err err;
	struct participants s = {table_new(f, CLI_TEXT, participant_cols, 6), 0};
	if (!s.t)
		return cli_failf("%s", _("Out of memory."));
	fprintf(f, "\n%s\n", _("Participants"));
	int rc = report_registration_participants(app->ctx, run_id, (lk_page){0, 0}, participant_row, &s, &err);
	rc = table_done(s.t, rc < 0 ? cli_report(&err) : CLI_OK);
	if (rc == CLI_OK && s.rows == 0)
		fprintf(f, "  %s\n", _("Nobody is registered in this run."));
	*rows = s.rows;
	return rc;
}

static int registration_text(cli_app *app, int64_t run_id, target *t)
{
	lk_err err;
	lk_registration r;
	int64_t rows = 0;
	int rc = report_registration(app->ctx, run_id, &r, &err) < 0 ? cli_report(&err) : CLI_OK;
	if (rc == CLI_OK) {
		print_head(t->f, app, LK_REPORT_REGISTRATION, NULL);
		print_run(t->f, &r);
		print_criteria(t->f, &r);
		rc = print_participants(t->f, app, run_id, &rows);
	}
	registration_free(&r);
	if (rc == CLI_OK)
		rc = print_defs(t->f, app, LK_REPORT_REGISTRATION);
	return rc == CLI_OK ? log_text(app, LK_REPORT_REGISTRATION, run_id, NULL, rows, t) : rc;
}

struct registration_csv {
	lk_ctx *ctx;
	int64_t run_id;
};

static int registration_csv_write(void *arg, lk_csv_writer *w, lk_csv_flavour fl, const char *where,
	int64_t *rows, lk_err *err)
{
	struct registration_csv *r = arg;
	return reportcsv_registration(r->ctx, r->run_id, w, fl, where, rows, err);
}

int cmd_report_registration(cli_app *app, int argc, char **argv)
{
	struct report_args a = {0};
	char **rest;
	int64_t run_id;
	target t;
	int rc = parse(app, argc, argv, &a, 1, &rest);
	if (rc != CLI_OK)
		return rc == CLI_DONE ? CLI_OK : rc;
	if (a.format == FMT_PDF)
		return cli_usage_error(app, "%s", _("The registration list is made as text or csv."));
	if (a.from || a.to)
		return cli_usage_error(app, "%s", _("The registration list is of one run: give RUN, not a period."));
	if ((rc = cli_parse_id(app, "RUN", rest[0], &run_id)) != CLI_OK || (rc = cli_open(app)) != CLI_OK ||
	    (rc = target_open(a.output, &t)) != CLI_OK)
		return rc;
	struct registration_csv c = {app->ctx, run_id};
	rc = a.format == FMT_CSV ? csv_through(&t, a.excel, registration_csv_write, &c)
				 : registration_text(app, run_id, &t);
	return target_close(&t, rc);
}

/* ---- honorarium as text ---- */

static const cli_column hon_cols[] = {
	{"date", N_("Date"), false}, {"time", N_("Time"), false}, {"what", N_("What"), false},
	{"actual", N_("Actual"), true}, {"paid", N_("Paid"), true}, {"amount", N_("Amount"), true},
};

struct hon_text {
	FILE *f;
	cli_table *t;
	int64_t rows;
	bool oom;
};

/* "Leve med diabetes, Våren 2027: session 2" / ": planning meeting" (remote). */
static void hon_what(const lk_hon_item *it, char *buf, size_t size)
{
	char kind[64];
	if (it->kind == LK_HON_SESSION)
		snprintf(kind, sizeof kind, _("session %d"), it->seq);
	else
		snprintf(kind, sizeof kind, "%s%s", report_hon_kind_label(it->kind),
			it->in_person ? "" : _(" (remote)"));
	snprintf(buf, size, "%s%s%s: %s", it->course_title, *it->run_title ? ", " : "", it->run_title, kind);
}

static int hon_item(void *arg, const lk_hon_item *it)
{
	struct hon_text *h = arg;
	if (!h->t) {
		fprintf(h->f, "\n%s%s%s%s\n", it->name, *it->organisation ? " (" : "", it->organisation,
			*it->organisation ? ")" : "");
		if (!(h->t = table_new(h->f, CLI_TEXT, hon_cols, 6)))
			return h->oom = true;
	}
	char day[11], time[32], what[1024], actual[40], paid[40], amount[32];
	date_show(it->starts_at.date, day);
	snprintf(time, sizeof time, "%02d:%02d–%02d:%02d", it->starts_at.hour, it->starts_at.minute,
		it->ends_at.hour, it->ends_at.minute);
	hon_what(it, what, sizeof what);
	report_hours_text(it->actual_min, actual);
	report_hours_text(it->paid_min, paid);
	report_money_text(it->amount_ore, amount);
	const char *cells[] = {day, time, what, actual, paid, amount};
	h->rows++;
	return table_row(h->t, cells) != 0;
}

static void print_total(FILE *f, const char *label, const lk_hon_total *t)
{
	char paid[40], amount[32];
	report_hours_text(t->paid_min, paid);
	report_money_text(t->amount_ore, amount);
	fprintf(f, "  %s: ", label);
	fprintf(f, ngettext("%d session", "%d sessions", (unsigned long)t->sessions), t->sessions);
	fprintf(f, ", ");
	fprintf(f, ngettext("%d meeting", "%d meetings", (unsigned long)t->meetings), t->meetings);
	fprintf(f, _("; paid %s"), paid);
	if (*amount)
		fprintf(f, _("; %s kroner"), amount);
	fprintf(f, "\n");
}

static int hon_person(void *arg, const lk_hon_total *t)
{
	struct hon_text *h = arg;
	if (h->t && table_flush(h->t) < 0)
		h->oom = true;
	table_free(h->t);
	h->t = NULL;
	print_total(h->f, _("Total"), t);
	return h->oom;
}

static void print_rate(FILE *f, const lk_ctx *ctx)
{
	char money[32];
	report_money_text(ctx->settings.honorarium_rate_ore, money);
	if (ctx->settings.honorarium_rate_ore > 0)
		fprintf(f, _("Rate: %s kroner per hour"), money);
	else
		fprintf(f, "%s", _("Rate: not set ([honorarium] rate in the config); amounts are left empty"));
	fprintf(f, "\n");
}

static int honorarium_text(cli_app *app, lk_period p, target *t)
{
	lk_err err;
	char period[32], what[96];
	lk_hon_total grand;
	struct hon_text h = {t->f, NULL, 0, false};
	lk_hon_sink sink = {hon_item, hon_person, &h};
	report_period_text(p, period);
	snprintf(what, sizeof what, _("Period: %s"), period);
	print_head(t->f, app, LK_REPORT_HONORARIUM, what);
	print_rate(t->f, app->ctx);
	int rc = report_honorarium(app->ctx, p, &sink, &grand, &err) < 0 ? cli_report(&err) : CLI_OK;
	table_free(h.t);
	if (rc == CLI_OK && h.oom)
		rc = cli_failf("%s", _("Out of memory."));
	if (rc == CLI_OK && h.rows == 0)
		fprintf(t->f, "\n%s\n", _("No user representative facilitated or attended a meeting in this period."));
	if (rc == CLI_OK) {
		fprintf(t->f, "\n");
		print_total(t->f, _("All user representatives"), &grand);
		rc = print_defs(t->f, app, LK_REPORT_HONORARIUM);
	}
	return rc == CLI_OK ? log_text(app, LK_REPORT_HONORARIUM, 0, &p, h.rows, t) : rc;
}

static int honorarium_csv_write(void *arg, lk_csv_writer *w, lk_csv_flavour fl, const char *where,
	int64_t *rows, lk_err *err)
{
	struct activity_csv *a = arg;
	return reportcsv_honorarium(a->ctx, a->p, w, fl, where, rows, err);
}

int cmd_report_honorarium(cli_app *app, int argc, char **argv)
{
	struct report_args a = {0};
	char **rest;
	lk_period p;
	target t;
	int rc = parse(app, argc, argv, &a, 0, &rest);
	if (rc != CLI_OK)
		return rc == CLI_DONE ? CLI_OK : rc;
	if (a.format == FMT_PDF)
		return cli_usage_error(app, "%s", _("The honorarium is made as text or csv."));
	if ((rc = parse_period(app, &a, &p)) != CLI_OK || (rc = cli_open(app)) != CLI_OK ||
	    (rc = target_open(a.output, &t)) != CLI_OK)
		return rc;
	struct activity_csv c = {app->ctx, p};
	rc = a.format == FMT_CSV ? csv_through(&t, a.excel, honorarium_csv_write, &c) : honorarium_text(app, p, &t);
	return target_close(&t, rc);
}
