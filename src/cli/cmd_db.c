/* cmd_db.c — commands about the database as a whole: init, backup, check,
 * and what runs without a command. */
#include "cmds.h"

#include <stdlib.h>
#include <unistd.h>

#include "lmskurs/backup.h"
#include "lmskurs/check.h"
#include "lmskurs/i18n.h"
#include "lmskurs/ui.h"

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

/* The terminal is checked before the database is touched, so a wrong
 * TERM or a pipe never creates a database file or prints escape codes. */
int cmd_screens(cli_app *app, int argc, char **argv)
{
	lk_err err;
	if (ui_check_terminal(isatty(STDIN_FILENO), isatty(STDOUT_FILENO), getenv("TERM"), &err) < 0)
		return cli_report(&err);
	int rc = cli_open(app);
	if (rc != CLI_OK)
		return rc;
	return ui_main(app->ctx, &app->cfg, &err) == 0 ? CLI_OK : cli_report(&err);
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
	rc = db_backup(app->ctx, rest[0], tty ? backup_progress : NULL, &shown, &err);
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
