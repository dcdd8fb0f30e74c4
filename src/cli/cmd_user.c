/* cmd_user.c — user add, user list, user set: who may open the database. */
#include "cmds.h"
#include "table.h"

#include "lmskurs/i18n.h"
#include "lmskurs/person.h"
#include "lmskurs/user.h"

enum { OPT_ROLE = 1, OPT_PERSON, OPT_INACTIVE, OPT_FORMAT };

static const struct option add_opts[] = {
	{"role", required_argument, NULL, OPT_ROLE},
	{"person", required_argument, NULL, OPT_PERSON},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

static const struct option set_opts[] = {
	{"role", required_argument, NULL, OPT_ROLE},
	{"inactive", no_argument, NULL, OPT_INACTIVE},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

static const struct option list_opts[] = {
	{"format", required_argument, NULL, OPT_FORMAT},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

/* What the user commands were told. */
typedef struct user_args {
	const char *role;
	int64_t person_id;
	bool inactive;
	cli_format format;
	char *login;
} user_args;

static int take_opt(cli_app *app, void *state, int c)
{
	user_args *u = state;
	switch (c) {
	case OPT_ROLE:
		u->role = optarg;
		return CLI_OK;
	case OPT_PERSON:
		return cli_parse_id(app, "--person", optarg, &u->person_id);
	case OPT_INACTIVE:
		u->inactive = true;
		return CLI_OK;
	default:
		return cli_take_format(app, optarg, &u->format);
	}
}

/* Options, then nlogin (0 or 1) positional LOGIN. */
static int parse(cli_app *app, int argc, char **argv, const struct option *opts, user_args *u,
	int nlogin)
{
	char **rest;
	int n, rc = cli_parse_args(app, argc, argv, opts, take_opt, u, nlogin, nlogin, &rest, &n);
	u->login = rc == CLI_OK && n ? rest[0] : NULL;
	return rc;
}

static int need_role(cli_app *app, const user_args *u, lk_role *role)
{
	if (!u->role)
		return cli_usage_error(app, "%s", _("Say which role with --role."));
	if (role_parse(u->role, role) < 0)
		return cli_usage_error(app, _("Unknown role '%s': choose coordinator, user_rep or staff."), u->role);
	return CLI_OK;
}

/* user_add leaves a missing person to the database's foreign key, whose
 * message means nothing to people; say it plainly first. */
static int person_exists(lk_ctx *ctx, int64_t id, lk_err *err)
{
	lk_person p;
	int rc = person_get(ctx, id, &p, err);
	person_free(&p);
	return rc;
}

int cmd_user_add(cli_app *app, int argc, char **argv)
{
	user_args u = {0};
	lk_role role;
	int rc = parse(app, argc, argv, add_opts, &u, 1);
	if (rc != CLI_OK)
		return rc == CLI_DONE ? CLI_OK : rc;
	if ((rc = need_role(app, &u, &role)) != CLI_OK || (rc = cli_open(app)) != CLI_OK)
		return rc;
	lk_err err;
	if ((u.person_id > 0 && person_exists(app->ctx, u.person_id, &err) < 0) ||
	    user_add(app->ctx, u.login, role, u.person_id, &err) < 0)
		return cli_report(&err);
	printf(_("%s now has access as %s.\n"), u.login, role_label(role));
	return CLI_OK;
}

int cmd_user_set(cli_app *app, int argc, char **argv)
{
	user_args u = {0};
	lk_role role;
	int rc = parse(app, argc, argv, set_opts, &u, 1);
	if (rc != CLI_OK)
		return rc == CLI_DONE ? CLI_OK : rc;
	if ((rc = need_role(app, &u, &role)) != CLI_OK || (rc = cli_open(app)) != CLI_OK)
		return rc;
	lk_err err;
	if (user_set(app->ctx, u.login, role, !u.inactive, &err) < 0)
		return cli_report(&err);
	if (u.inactive)
		printf(_("%s has no access any more.\n"), u.login);
	else
		printf(_("%s now has access as %s.\n"), u.login, role_label(role));
	return CLI_OK;
}

static const cli_column user_cols[] = {
	{"login", N_("Login"), false},
	{"role", N_("Role"), false},
	{"person_id", N_("Person"), true},
	{"active", N_("Active"), false},
};

static int user_row(void *arg, const lk_user *u)
{
	cli_table *t = arg;
	bool text = table_format(t) == CLI_TEXT;
	char pid[24] = "";
	if (u->person_id > 0)
		table_int(pid, u->person_id);
	const char *cells[] = {
		u->login,
		text ? role_label(u->role) : role_code(u->role),
		pid,
		text ? (u->active ? _("yes") : _("no")) : (u->active ? "1" : "0"),
	};
	return table_row(t, cells) != 0;
}

int cmd_user_list(cli_app *app, int argc, char **argv)
{
	user_args u = {.format = CLI_TEXT};
	int rc = parse(app, argc, argv, list_opts, &u, 0);
	if (rc != CLI_OK)
		return rc == CLI_DONE ? CLI_OK : rc;
	if ((rc = cli_open(app)) != CLI_OK)
		return rc;
	cli_table *t = table_new(stdout, u.format, user_cols, 4);
	if (!t)
		return cli_failf("%s", _("Out of memory."));
	lk_err err;
	rc = user_list(app->ctx, user_row, t, &err) < 0 ? cli_report(&err) : CLI_OK;
	if (rc == CLI_OK && table_flush(t) < 0)
		rc = cli_failf("%s", _("Out of memory."));
	table_free(t);
	return rc;
}
