/* cmd_db.c — commands about the database as a whole: init, backup, check,
 * and what runs without a command. */
#include "cmds.h"

#include <unistd.h>

#include "lmskurs/check.h"
#include "lmskurs/i18n.h"

static const struct option help_only[] = {
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

static int take_none(cli_app *app, void *state, int c)
{
	return CLI_OK; /* help_only has no option but --help, which never gets here */
}

/* Parses a command that takes no options but --help and min..max
 * positional arguments; *rest and *n get those. */
static int plain_args(cli_app *app, int argc, char **argv, int min, int max, char ***rest, int *n)
{
	return cli_parse_args(app, argc, argv, help_only, take_none, NULL, min, max, rest, n);
}

int cmd_screens(cli_app *app, int argc, char **argv)
{
	int rc = cli_open(app);
	if (rc != CLI_OK)
		return rc;
	/* The screens start here once they exist:
	 *   return ui_main(app->ctx, &app->cfg) == 0 ? CLI_OK : CLI_FAIL; */
	printf("%s\n\n", _("The screens of lmskurs are not built yet; for now use the commands below."));
	cli_print_help(stdout);
	return CLI_OK;
}

int cmd_init(cli_app *app, int argc, char **argv)
{
	char **rest;
	int n, rc = plain_args(app, argc, argv, 0, 0, &rest, &n);
	if (rc != CLI_OK)
		return rc == CLI_DONE ? CLI_OK : rc;
	if ((rc = cli_open(app)) != CLI_OK)
		return rc;
	if (!app->created) {
		printf(_("The database %s exists already; nothing was changed.\n"), app->db_path);
		return CLI_OK;
	}
	printf(_("Created the database %s.\n"), app->db_path);
	printf(_("You (%s) are its first coordinator. Give others access with \"lmskurs user add LOGIN --role ROLE\".\n"),
		app->ctx->login);
	return CLI_OK;
}

/* A progress line for people watching; scripts and logs get none. */
static void backup_progress(void *arg, int done, int total)
{
	bool *shown = arg;
	if (total > 0)
		fprintf(stderr, "\r%s %3d %%", _("Backing up:"), (int)(100LL * done / total));
	*shown = true;
}

int cmd_backup(cli_app *app, int argc, char **argv)
{
	char **rest;
	int n, rc = plain_args(app, argc, argv, 1, 1, &rest, &n);
	if (rc != CLI_OK)
		return rc == CLI_DONE ? CLI_OK : rc;
	if ((rc = cli_open(app)) != CLI_OK)
		return rc;
	bool tty = isatty(STDERR_FILENO), shown = false;
	lk_err err;
	rc = store_backup(app->ctx->db, rest[0], tty ? backup_progress : NULL, &shown, &err);
	if (tty && rc == 0)
		backup_progress(&shown, 1, 1); /* a small file is done in one step */
	if (shown)
		fputc('\n', stderr);
	if (rc < 0)
		return cli_report(&err);
	printf(_("Backed up to %s; the copy passed its integrity check.\n"), rest[0]);
	return CLI_OK;
}

/* ---- check ---- */

static void print_problem(void *arg, lk_problem_kind kind, const char *line)
{
	(void)arg;
	(void)kind;
	printf("%s\n", line);
}

int cmd_check(cli_app *app, int argc, char **argv)
{
	char **rest;
	int n, rc = plain_args(app, argc, argv, 0, 0, &rest, &n);
	if (rc != CLI_OK)
		return rc == CLI_DONE ? CLI_OK : rc;
	if ((rc = cli_open(app)) != CLI_OK)
		return rc;
	lk_err err;
	int problems = check_all(app->ctx, print_problem, NULL, &err);
	if (problems < 0)
		return cli_report(&err);
	if (problems == 0)
		printf("%s\n", _("No problems found."));
	return problems > 0 ? CLI_PROBLEMS : CLI_OK;
}
