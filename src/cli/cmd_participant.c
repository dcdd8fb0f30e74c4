/* cmd_participant.c — participants import, participants export: a
 * registration CSV into a run, and a run's enrollments out to a CSV
 * (io: import.h, csv.h; core: enroll_import.h).
 *
 * import prints a preview on stdout — counts, and one line per row worth a
 * look (bad, on the waitlist, already in the run), by line number, never by
 * name — then writes everything in one transaction when no row is bad. A
 * bad row refuses the whole import (exit 2) unless --skip-bad is given
 * (then the others are written and the exit status is 1); --dry-run writes
 * nothing (exit 1 when some rows are bad). */
#include "cmds.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lmskurs/csv.h"
#include "lmskurs/enroll_import.h"
#include "lmskurs/i18n.h"
#include "lmskurs/import.h"

enum { OPT_DRY_RUN = 1, OPT_SKIP_BAD, OPT_CATEGORY, OPT_EXCEL };

/* ---- participants import ---- */

static const struct option import_opts[] = {
	{"dry-run", no_argument, NULL, OPT_DRY_RUN},
	{"skip-bad", no_argument, NULL, OPT_SKIP_BAD},
	{"category", required_argument, NULL, OPT_CATEGORY},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

struct import_state {
	lk_import_opts opts;
	bool has_category;
	lk_category category;
};

static int take_import_opt(cli_app *app, void *state, int c)
{
	struct import_state *st = state;
	switch (c) {
	case OPT_DRY_RUN: st->opts.dry_run = true; break;
	case OPT_SKIP_BAD: st->opts.skip_bad = true; break;
	default:
		st->has_category = true;
		if (enroll_category_parse(optarg, &st->category) < 0)
			return cli_usage_error(app, _("Unknown category '%s': choose patient or relative."), optarg);
	}
	return CLI_OK;
}

/* What the import shows while it reads, and whether the file failed. */
struct import_view {
	lk_import_file *in;
	bool progress;  /* stderr is a terminal: a running count there */
	bool file_failed;
	int64_t n;
};

/* import_file_next, noting when the file itself could not be read on. */
static int next_row(void *arg, lk_import_row *row, lk_err *err)
{
	struct import_view *v = arg;
	int got = import_file_next(v->in, row, err);
	v->file_failed = got < 0;
	return got;
}

static void progress_clear(struct import_view *v)
{
	if (v->progress && v->n >= 500)
		fprintf(stderr, "\r%30s\r", "");
}

static int show_outcome(void *arg, const lk_import_outcome *o)
{
	struct import_view *v = arg;
	if (v->progress && ++v->n % 500 == 0)
		fprintf(stderr, "\r%s %lld", _("Rows read:"), (long long)v->n);
	long long line = o->line;
	if (o->result == LK_IMPORT_BAD)
		printf(_("Line %lld: %s\n"), line, o->why);
	else if (o->result == LK_IMPORT_ALREADY && o->same_as_line)
		printf(_("Line %lld: the same person as line %lld; counted once.\n"), line, (long long)o->same_as_line);
	else if (o->result == LK_IMPORT_ALREADY)
		printf(_("Line %lld: participant no. %lld is already in this run; left as it is.\n"), line,
			(long long)o->participant_id);
	else if (o->status == LK_ENR_WAITLISTED)
		printf(_("Line %lld: on the waitlist, place %d.\n"), line, o->waitlist_pos);
	return 0;
}

static void show_summary(const lk_import_summary *s)
{
	printf(_("Rows read: %lld\n"), (long long)s->rows);
	printf(_("New participants: %lld\n"), (long long)s->created);
	printf(_("Existing participants matched: %lld\n"), (long long)s->matched);
	printf(_("Already in the run (left as they are): %lld\n"), (long long)s->already);
	printf(_("Registered: %lld\n"), (long long)s->registered);
	printf(_("On the waitlist: %lld\n"), (long long)s->waitlisted);
	printf(_("Rows that cannot be imported: %lld\n"), (long long)s->bad);
}

/* The exit status and last words once the rows were read. */
static int import_verdict(const struct import_state *st, const lk_import_summary *s, int rc,
	const lk_err *err)
{
	if (rc < 0 && s->bad > 0 && err->code == LK_EINVAL && !st->opts.skip_bad)
		return cli_failf(ngettext("%lld row cannot be imported; nothing was written. Correct the file, or import the other rows with --skip-bad.",
			"%lld rows cannot be imported; nothing was written. Correct the file, or import the other rows with --skip-bad.",
			(unsigned long)s->bad), (long long)s->bad);
	if (rc < 0)
		return cli_report(err);
	if (st->opts.dry_run)
		printf("%s\n", _("Dry run: nothing was written."));
	else
		printf("%s\n", _("The import was written."));
	return s->bad > 0 ? CLI_PROBLEMS : CLI_OK;
}

static FILE *open_input(const char *path)
{
	if (strcmp(path, "-") == 0)
		return stdin;
	return fopen(path, "rb");
}

static int run_import(cli_app *app, const struct import_state *st, int64_t run, lk_import_file *in,
	const char *path)
{
	int rc = cli_open(app);
	if (rc != CLI_OK)
		return rc;
	if (import_file_converted(in))
		printf(_("Note: %s is not UTF-8; it was read as Windows-1252 (as Excel saves it) and converted.\n"), path);
	struct import_view v = {in, isatty(STDERR_FILENO) == 1, false, 0};
	lk_import_summary sum;
	lk_err err;
	lk_err_clear(&err);
	rc = enroll_import(app->ctx, run, next_row, &v, &st->opts, show_outcome, &v, &sum, &err);
	progress_clear(&v);
	if (rc < 0 && v.file_failed)
		return cli_failf(_("%s: %s Nothing was written."), path, err.msg);
	if (rc < 0 && sum.rows == 0)
		return cli_report(&err);
	show_summary(&sum);
	return import_verdict(st, &sum, rc, &err);
}

int cmd_participants_import(cli_app *app, int argc, char **argv)
{
	struct import_state st = {0};
	char **rest;
	int64_t run;
	int n, rc = cli_parse_args(app, argc, argv, import_opts, take_import_opt, &st, 2, 2, &rest, &n);
	if (rc != CLI_OK)
		return rc == CLI_DONE ? CLI_OK : rc;
	if (cli_parse_id(app, "RUN", rest[0], &run) != CLI_OK)
		return CLI_FAIL;
	FILE *f = open_input(rest[1]);
	if (!f)
		return cli_failf(_("Cannot read %s: %s"), rest[1], strerror(errno));
	lk_import_file *in = NULL;
	lk_err err;
	rc = import_file_open(f, st.has_category ? &st.category : NULL, &in, &err) < 0
		? cli_failf("%s: %s", rest[1], err.msg)
		: run_import(app, &st, run, in, rest[1]);
	import_file_free(in);
	if (f != stdin)
		fclose(f);
	return rc;
}

/* ---- participants export ---- */

static const struct option export_opts[] = {
	{"excel", no_argument, NULL, OPT_EXCEL},
	{"output", required_argument, NULL, 'o'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

struct export_state {
	bool excel;
	const char *output;
};

static int take_export_opt(cli_app *app, void *state, int c)
{
	struct export_state *st = state;
	if (c == OPT_EXCEL)
		st->excel = true;
	else
		st->output = optarg;
	return CLI_OK;
}

struct export_job {
	lk_csv_writer *w;
	bool header;
	int64_t n;
	int failed;
	lk_err err;
};

static int export_each(void *arg, const lk_enroll_contact *c)
{
	struct export_job *job = arg;
	if (!job->header && export_write_header(job->w, &job->err) < 0)
		return job->failed = 1;
	job->header = true;
	if (export_write_row(job->w, c, &job->err) < 0)
		return job->failed = 1;
	job->n++;
	return 0;
}

/* Exports to f; 0, or -1 with err. */
static int export_to(cli_app *app, int64_t run, FILE *f, bool excel, int64_t *n, lk_err *err)
{
	struct export_job job = {0};
	if (csv_writer_open(f, excel ? LK_CSV_EXCEL : LK_CSV_RFC4180, &job.w, err) < 0)
		return -1;
	int rc = enroll_export(app->ctx, run, export_each, &job, err);
	if (rc == 0 && job.failed) {
		*err = job.err;
		rc = -1;
	}
	if (rc == 0 && !job.header)
		rc = export_write_header(job.w, err);
	if (csv_writer_close(job.w, rc == 0 ? err : NULL) < 0)
		rc = -1;
	*n = job.n;
	return rc;
}

static int export_file(cli_app *app, int64_t run, const struct export_state *st)
{
	lk_csv_outfile of;
	lk_err err;
	int64_t n = 0;
	if (csv_outfile_open(st->output, &of, &err) < 0)
		return cli_report(&err);
	int rc = export_to(app, run, of.f, st->excel, &n, &err);
	if (csv_outfile_close(&of, rc == 0, rc == 0 ? &err : NULL) < 0)
		rc = -1;
	if (rc < 0)
		return cli_report(&err);
	printf(ngettext("Wrote %lld enrollment to %s (readable only by you).\n",
		"Wrote %lld enrollments to %s (readable only by you).\n", (unsigned long)n), (long long)n, st->output);
	return CLI_OK;
}

static int export_run(cli_app *app, int argc, char **argv)
{
	struct export_state st = {0};
	char **rest;
	int64_t run, n_rows;
	int n, rc = cli_parse_args(app, argc, argv, export_opts, take_export_opt, &st, 1, 1, &rest, &n);
	if (rc != CLI_OK)
		return rc == CLI_DONE ? CLI_OK : rc;
	if (cli_parse_id(app, "RUN", rest[0], &run) != CLI_OK || (rc = cli_open(app)) != CLI_OK)
		return CLI_FAIL;
	if (st.output)
		return export_file(app, run, &st);
	lk_err err;
	return export_to(app, run, stdout, st.excel, &n_rows, &err) < 0 ? cli_report(&err) : CLI_OK;
}

/* "-o FILE" as "--output FILE", in place: the option parser reads long
 * options only. */
static void alias_output(int argc, char **argv)
{
	for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
		if (strcmp(argv[i], "--output") == 0)
			i++;
		else if (strcmp(argv[i], "-o") == 0)
			argv[i] = (char *)"--output"; /* getopt never writes to the words */
	}
}

int cmd_participants_export(cli_app *app, int argc, char **argv)
{
	alias_output(argc, argv);
	return export_run(app, argc, argv);
}
