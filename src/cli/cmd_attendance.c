/* cmd_attendance.c — attendance sheet (SESSION | --run RUN) -o FILE.pdf
 * [--print]: the printed attendance sheet (sheet.h), and sending it to
 * CUPS with lp (print.h).
 *
 * Exit status: 0 when the PDF was written (and printed, with --print);
 * 2 when it could not be written, and also when --print could not print
 * it: the PDF is then still written, and the message says where. */
#include "cmds.h"
#include "outopt.h"

#include <string.h>

#include "lmskurs/i18n.h"
#include "lmskurs/print.h"
#include "lmskurs/sheet.h"

enum { OPT_RUN = 1, OPT_PRINT };

static const struct option sheet_opts[] = {
	{"output", required_argument, NULL, 'o'},
	{"run", required_argument, NULL, OPT_RUN},
	{"print", no_argument, NULL, OPT_PRINT},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

struct sheet_args {
	const char *output; /* -o FILE */
	const char *run;    /* --run RUN, or NULL */
	bool print;
};

static int take_opt(cli_app *app, void *state, int c)
{
	struct sheet_args *a = state;
	if (c == 'o')
		a->output = optarg;
	else if (c == OPT_RUN)
		a->run = optarg;
	else
		a->print = true;
	return CLI_OK;
}

/* The session or run number, exactly one of them. */
static int parse_target(cli_app *app, const struct sheet_args *a, int n, char **rest, int64_t *id)
{
	if (!a->output)
		return cli_usage_error(app, "%s", _("Say where the PDF goes with -o FILE.pdf."));
	if (!*a->output)
		return cli_usage_error(app, "%s", _("-o needs a file name."));
	if (n == 1 && a->run)
		return cli_usage_error(app, "%s", _("Give a session number or --run RUN, not both."));
	if (n == 0 && !a->run)
		return cli_usage_error(app, "%s", _("Give the session number, or --run RUN for every session of a run."));
	return a->run ? cli_parse_id(app, "--run", a->run, id) : cli_parse_id(app, "SESSION", rest[0], id);
}

static int write_sheets(cli_app *app, const struct sheet_args *a, int64_t id)
{
	lk_sheet_opts opts = {.organisation = app->cfg.organisation};
	lk_sheet_result res;
	lk_err err;
	int rc = a->run ? sheet_write_run(app->ctx, id, a->output, &opts, &res, &err)
			: sheet_write_session(app->ctx, id, a->output, &opts, &res, &err);
	if (rc < 0)
		return cli_report(&err);
	if (a->run)
		printf(ngettext("Wrote the attendance sheet of %d session to %s (%d pages, readable only by you).\n",
				"Wrote the attendance sheets of %d sessions to %s (%d pages, readable only by you).\n",
				(unsigned long)res.sessions),
			res.sessions, a->output, res.pages);
	else
		printf(ngettext("Wrote the attendance sheet to %s (%d page, readable only by you).\n",
				"Wrote the attendance sheet to %s (%d pages, readable only by you).\n",
				(unsigned long)res.pages),
			a->output, res.pages);
	return CLI_OK;
}

static int print_file(cli_app *app, const char *output)
{
	ctx_close(app->ctx); /* never start another program with the database open */
	app->ctx = NULL;
	fflush(stdout);
	const char *printer = app->cfg.printer;
	lk_print_result res;
	int rc = print_lp(printer, output, false, &res);
	print_result_free(&res);
	if (rc == 0 && printer)
		printf(_("Sent %s to the printer %s.\n"), output, printer);
	else if (rc == 0)
		printf(_("Sent %s to the default printer.\n"), output);
	else if (res.outcome == LK_PRINT_NO_LP)
		return cli_failf(_("The sheet is in %s but was not printed: the lp command (CUPS) is not installed. Install cups-client, or print the file another way."), output);
	else if (res.outcome == LK_PRINT_NOT_STARTED)
		return cli_failf(_("The sheet is in %s but was not printed: lp could not be started: %s"), output, strerror(res.error));
	else
		return cli_failf(_("The sheet is in %s but was not printed: lp failed (its message is above). Check [printing] printer in the config, or print the file another way."), output);
	return CLI_OK;
}

int cmd_attendance_sheet(cli_app *app, int argc, char **argv)
{
	struct sheet_args a = {0};
	char **rest;
	int64_t id;
	int n;
	cli_alias_output(argc, argv, sheet_opts);
	int rc = cli_parse_args(app, argc, argv, sheet_opts, take_opt, &a, 0, 1, &rest, &n);
	if (rc != CLI_OK)
		return rc == CLI_DONE ? CLI_OK : rc;
	if ((rc = parse_target(app, &a, n, rest, &id)) != CLI_OK || (rc = cli_open(app)) != CLI_OK ||
	    (rc = write_sheets(app, &a, id)) != CLI_OK)
		return rc;
	return a.print ? print_file(app, a.output) : CLI_OK;
}
