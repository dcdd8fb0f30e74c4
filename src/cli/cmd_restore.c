/* cmd_restore.c — restore FILE: the database replaced by a backup after
 * checking it, the previous content kept aside (core: restore.h).
 *
 * The current database is opened first, so only its coordinators may
 * restore; the backup is then copied into it while other users keep their
 * connections (they see the restored content). When the current file does
 * not open at all (damaged, or not an lmskurs database), there is no one
 * to ask: the restore goes ahead with a warning, the old file set aside.
 * A missing database is not restored into: `lmskurs init` first makes the
 * one who restores its coordinator. */
#include "cmds.h"

#include <stdlib.h>
#include <string.h>

#include "lmskurs/i18n.h"
#include "lmskurs/restore.h"

static const struct option restore_opts[] = {
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

static int take_none(cli_app *app, void *state, int c)
{
	return CLI_OK; /* only --help, which never gets here */
}

static void say_done(const cli_app *app, const char *file, const lk_restore_result *r)
{
	printf(_("Restored %s (database version %d) into %s.\n"), file, r->from_version, app->db_path);
	if (r->aside)
		printf(_("The previous database is kept as %s (readable only by you).\n"), r->aside);
	if (!r->access)
		printf(_("Note: your login has no access in the restored database; a coordinator of it can give it with \"lmskurs user add\".\n"));
}

/* The database path and the login, as cli_open would use them. */
static int resolve(cli_app *app, char **login, lk_err *err)
{
	const char *p = app->db_opt ? app->db_opt : app->cfg.db_path;
	app->db_path = p ? strdup(p) : config_default_db_path(err);
	if (!app->db_path)
		return p ? lk_fail(err, LK_ENOMEM, _("Out of memory.")) : -1;
	*login = ctx_os_login(err);
	return *login ? 0 : -1;
}

static int restore_damaged(cli_app *app, const char *file, const char *login, const lk_err *why)
{
	lk_err err;
	lk_restore_result r;
	cli_failf(_("warning: the current database does not open (%s) Restoring without asking who you are in it; the old file is kept aside."),
		why->msg);
	int rc = db_restore_damaged(app->db_path, file, login, datetime_now(), &r, &err);
	if (rc == 0)
		say_done(app, file, &r);
	restore_result_free(&r);
	return rc == 0 ? CLI_OK : cli_report(&err);
}

static int restore_live(cli_app *app, const char *file)
{
	lk_err err;
	lk_restore_result r;
	int rc = db_restore(app->ctx, file, &r, &err);
	if (rc == 0)
		say_done(app, file, &r);
	else if (r.aside && err.code != LK_EPERM)
		fprintf(stderr, _("lmskurs: the database as it was before is kept as %s\n"), r.aside);
	restore_result_free(&r);
	return rc == 0 ? CLI_OK : cli_report(&err);
}

int cmd_restore(cli_app *app, int argc, char **argv)
{
	char **rest, *login = NULL;
	int n, rc = cli_parse_args(app, argc, argv, restore_opts, take_none, NULL, 1, 1, &rest, &n);
	if (rc != CLI_OK)
		return rc == CLI_DONE ? CLI_OK : rc;
	lk_err err;
	if (resolve(app, &login, &err) < 0) {
		free(login);
		return cli_report(&err);
	}
	if (ctx_open(app->db_path, LK_OPEN_EXISTING, login, &app->cfg.settings, &app->ctx, NULL, &err) == 0)
		rc = restore_live(app, rest[0]);
	else if (err.code == LK_EDB)
		rc = restore_damaged(app, rest[0], login, &err);
	else
		rc = cli_report(&err);
	free(login);
	return rc;
}
