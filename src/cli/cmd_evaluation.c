/* cmd_evaluation.c — evaluation import, evaluation report: a survey's CSV
 * export of evaluation forms into a run (io: evalimport.h; core:
 * response_import.h), and a run's evaluation report as an A4 PDF or a CSV
 * of the sums (io: evalreport.h).
 *
 * import prints a preview on stdout — the questionnaire, which column went
 * to which question and which were left out, one line per row worth a look
 * (left out, or with an answer left blank) by line number, and the counts
 * — then writes every form in one transaction when no row is bad. A bad
 * row refuses the whole import (exit 2) unless --skip-bad is given (then
 * the others are written and the exit status is 1); --dry-run writes
 * nothing (exit 1 when some rows are bad).
 *
 * report writes the PDF (0600) to -o FILE, or with --format csv (or an -o
 * name ending in .csv) the sums as CSV to -o FILE (0600) or stdout. */
#include "cmds.h"
#include "outopt.h"

#include <errno.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "lmskurs/csv.h"
#include "lmskurs/evalimport.h"
#include "lmskurs/evalreport.h"
#include "lmskurs/i18n.h"
#include "lmskurs/questionnaire.h"
#include "lmskurs/response_import.h"

enum { OPT_DRY_RUN = 1, OPT_SKIP_BAD, OPT_FORMAT, OPT_EXCEL };

/* ---- evaluation import ---- */

static const struct option import_opts[] = {
	{"dry-run", no_argument, NULL, OPT_DRY_RUN},
	{"skip-bad", no_argument, NULL, OPT_SKIP_BAD},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

static int take_import_opt(cli_app *app, void *state, int c)
{
	lk_import_opts *o = state;
	if (c == OPT_DRY_RUN)
		o->dry_run = true;
	else
		o->skip_bad = true;
	return CLI_OK;
}

/* Which column went where, and the questions no column answers. */
static void show_columns(const lk_evalimport *in, const lk_questionnaire *q)
{
	printf(_("Questionnaire: %s (version %d)\n"), q->name, q->version_no);
	for (int i = 0; i < evalimport_ncolumns(in); i++) {
		const lk_evalimport_column *c = evalimport_column(in, i);
		if (c->match == LK_EVALCOL_NONE)
			printf(_("Column %d \"%s\": left out; it names no question of the form.\n"), i + 1, c->header);
		else
			printf(c->match == LK_EVALCOL_TEXT ? _("Column %d \"%s\": question %d.\n")
							   : _("Column %d \"%s\": question %d (by its place in the file).\n"),
				i + 1, c->header, q->questions[c->question].position);
	}
	for (int j = 0; j < q->n_questions; j++)
		if (evalimport_column_of(in, j) < 0)
			printf(_("Question %d \"%s\": no column; left blank on every form.\n"),
				q->questions[j].position, q->questions[j].text);
}

struct import_view {
	lk_evalimport *in;
	bool file_failed;
};

static int next_row(void *arg, lk_response_row *row, lk_err *err)
{
	struct import_view *v = arg;
	int got = evalimport_next(v->in, row, err);
	v->file_failed = got < 0;
	return got;
}

static int show_outcome(void *arg, const lk_response_outcome *o)
{
	(void)arg;
	if (o->bad)
		printf(_("Line %lld: left out: %s\n"), (long long)o->line, o->why);
	else if (o->note)
		printf(_("Line %lld: %s\n"), (long long)o->line, o->note);
	return 0;
}

static void show_summary(const lk_response_import_summary *s, bool dry_run)
{
	printf(_("Forms read: %lld\n"), (long long)s->rows);
	printf(dry_run ? _("Forms that can be imported: %lld\n") : _("Forms imported: %lld\n"),
		(long long)s->imported);
	printf(_("Forms with an answer left blank because it matched no option: %lld\n"), (long long)s->noted);
	printf(_("Rows that cannot be imported: %lld\n"), (long long)s->bad);
}

static int import_verdict(const lk_import_opts *o, const lk_response_import_summary *s, int rc,
	const lk_err *err)
{
	if (rc < 0 && s->bad > 0 && err->code == LK_EINVAL && !o->skip_bad && !o->dry_run)
		return cli_failf(ngettext("%lld row cannot be imported; nothing was written. Correct the file, or import the other rows with --skip-bad.",
			"%lld rows cannot be imported; nothing was written. Correct the file, or import the other rows with --skip-bad.",
			(unsigned long)s->bad), (long long)s->bad);
	if (rc < 0)
		return cli_report(err);
	printf("%s\n", o->dry_run ? _("Dry run: nothing was written.") : _("The import was written."));
	return s->bad > 0 ? CLI_PROBLEMS : CLI_OK;
}

static int import_rows(cli_app *app, const lk_import_opts *o, int64_t run, lk_evalimport *in,
	const lk_questionnaire *q, const char *path)
{
	if (evalimport_converted(in))
		printf(_("Note: %s is not UTF-8; it was read as Windows-1252 (as Excel saves it) and converted.\n"), path);
	show_columns(in, q);
	struct import_view v = {in, false};
	lk_response_import_summary sum;
	lk_err err;
	lk_err_clear(&err);
	int rc = response_import(app->ctx, run, q->id, next_row, &v, o, show_outcome, NULL, &sum, &err);
	if (rc < 0 && v.file_failed)
		return cli_failf(_("%s: %s Nothing was written."), path, err.msg);
	if (rc < 0 && sum.rows == 0)
		return cli_report(&err);
	show_summary(&sum, o->dry_run);
	return import_verdict(o, &sum, rc, &err);
}

/* The run's questionnaire with its questions, into q (freed by caller). */
static int run_form(cli_app *app, int64_t run, lk_questionnaire *q)
{
	lk_err err;
	int64_t qid;
	if (questionnaire_for_run(app->ctx, run, &qid, &err) < 0 ||
	    questionnaire_get(app->ctx, qid, q, &err) < 0)
		return cli_report(&err);
	return CLI_OK;
}

static int import_file(cli_app *app, const lk_import_opts *o, int64_t run, FILE *f, const char *path)
{
	lk_questionnaire q = {0};
	lk_evalimport *in = NULL;
	lk_err err;
	int rc = cli_open(app);
	if (rc == CLI_OK)
		rc = run_form(app, run, &q);
	if (rc == CLI_OK)
		rc = evalimport_open(f, q.questions, q.n_questions, &in, &err) < 0
			? cli_failf("%s: %s", path, err.msg)
			: import_rows(app, o, run, in, &q, path);
	evalimport_free(in);
	questionnaire_free(&q);
	return rc;
}

int cmd_evaluation_import(cli_app *app, int argc, char **argv)
{
	lk_import_opts o = {0};
	char **rest;
	int64_t run;
	int n, rc = cli_parse_args(app, argc, argv, import_opts, take_import_opt, &o, 2, 2, &rest, &n);
	if (rc != CLI_OK)
		return rc == CLI_DONE ? CLI_OK : rc;
	if (cli_parse_id(app, "RUN", rest[0], &run) != CLI_OK)
		return CLI_FAIL;
	FILE *f = strcmp(rest[1], "-") == 0 ? stdin : fopen(rest[1], "rb");
	if (!f)
		return cli_failf(_("Cannot read %s: %s"), rest[1], strerror(errno));
	rc = import_file(app, &o, run, f, rest[1]);
	if (f != stdin)
		fclose(f);
	return rc;
}

/* ---- evaluation report ---- */

static const struct option report_opts[] = {
	{"output", required_argument, NULL, 'o'},
	{"format", required_argument, NULL, OPT_FORMAT},
	{"excel", no_argument, NULL, OPT_EXCEL},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

struct report_args {
	const char *output;
	const char *format; /* "pdf", "csv", or NULL: from the file name */
	bool excel;
};

static int take_report_opt(cli_app *app, void *state, int c)
{
	struct report_args *a = state;
	if (c == 'o')
		a->output = optarg;
	else if (c == OPT_EXCEL)
		a->excel = true;
	else if (strcmp(optarg, "pdf") == 0 || strcmp(optarg, "csv") == 0)
		a->format = optarg;
	else
		return cli_usage_error(app, _("Unknown format '%s': choose pdf or csv."), optarg);
	return CLI_OK;
}

static bool wants_csv(const struct report_args *a)
{
	if (a->format)
		return strcmp(a->format, "csv") == 0;
	size_t n = a->output ? strlen(a->output) : 0;
	return n > 4 && strcasecmp(a->output + n - 4, ".csv") == 0;
}

static void say_counts_only(const lk_evalreport_result *res)
{
	if (res->counts_only && res->responses > 0)
		printf("%s\n", _("Fewer forms than the minimum: the report gives only the counts, so that no one can be recognised."));
}

static int report_pdf(cli_app *app, int64_t run, const char *path)
{
	lk_evalreport_opts opts = {.organisation = app->cfg.organisation};
	lk_evalreport_result res;
	lk_err err;
	if (evalreport_write_pdf(app->ctx, run, path, &opts, &res, &err) < 0)
		return cli_report(&err);
	printf(ngettext("Wrote the evaluation report of run %lld to %s (%d page, readable only by you).\n",
			"Wrote the evaluation report of run %lld to %s (%d pages, readable only by you).\n",
			(unsigned long)res.pages),
		(long long)run, path, res.pages);
	say_counts_only(&res);
	return CLI_OK;
}

/* The CSV to f; 0, or -1 with err. */
static int csv_to(cli_app *app, int64_t run, FILE *f, bool excel, lk_evalreport_result *res,
	lk_err *err)
{
	lk_csv_writer *w;
	if (csv_writer_open(f, excel ? LK_CSV_EXCEL : LK_CSV_RFC4180, &w, err) < 0)
		return -1;
	int rc = evalreport_write_csv(app->ctx, run, w, res, err);
	if (csv_writer_close(w, rc == 0 ? err : NULL) < 0)
		rc = -1;
	return rc;
}

static int report_csv(cli_app *app, int64_t run, const struct report_args *a)
{
	lk_evalreport_result res;
	lk_err err;
	if (!a->output)
		return csv_to(app, run, stdout, a->excel, &res, &err) < 0 ? cli_report(&err) : CLI_OK;
	lk_csv_outfile of;
	if (csv_outfile_open(a->output, &of, &err) < 0)
		return cli_report(&err);
	int rc = csv_to(app, run, of.f, a->excel, &res, &err);
	if (csv_outfile_close(&of, rc == 0, rc == 0 ? &err : NULL) < 0)
		rc = -1;
	if (rc < 0)
		return cli_report(&err);
	printf(_("Wrote the sums of run %lld's evaluation to %s (readable only by you).\n"), (long long)run,
		a->output);
	say_counts_only(&res);
	return CLI_OK;
}

int cmd_evaluation_report(cli_app *app, int argc, char **argv)
{
	struct report_args a = {0};
	char **rest;
	int64_t run;
	cli_alias_output(argc, argv, report_opts);
	int n, rc = cli_parse_args(app, argc, argv, report_opts, take_report_opt, &a, 1, 1, &rest, &n);
	if (rc != CLI_OK)
		return rc == CLI_DONE ? CLI_OK : rc;
	if (cli_parse_id(app, "RUN", rest[0], &run) != CLI_OK)
		return CLI_FAIL;
	if (a.output && !*a.output)
		return cli_usage_error(app, "%s", _("-o needs a file name."));
	bool csv = wants_csv(&a);
	if (!csv && !a.output)
		return cli_usage_error(app, "%s", _("Say where the PDF goes with -o FILE.pdf, or choose --format csv."));
	if ((rc = cli_open(app)) != CLI_OK)
		return rc;
	return csv ? report_csv(app, run, &a) : report_pdf(app, run, a.output);
}
