/*
 * main.c — lmskurs [--db PATH] [--config PATH] [--lang nb|en] [COMMAND ...]
 *
 * Start-up order: global options → language (--lang) → --version → config
 * (its language unless --lang was given) → --help → the command, which
 * opens the database itself once its own arguments are known to be good.
 */
#include "cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/i18n.h"

#ifndef LK_VERSION
#define LK_VERSION "0.0.0"
#endif

enum { OPT_DB = 1, OPT_CONFIG, OPT_LANG, OPT_HELP, OPT_VERSION };

/* Each line of msg as "lmskurs: <prefix><line>" on stderr. */
static void put_lines(const char *prefix, const char *msg)
{
	const char *s = msg;
	do {
		size_t n = strcspn(s, "\n");
		fprintf(stderr, "lmskurs: %s%.*s\n", prefix, (int)n, s);
		s += n;
	} while (*s && *++s);
}

int cli_report(const lk_err *err)
{
	put_lines("", err->msg[0] ? err->msg : _("Something went wrong."));
	return CLI_FAIL;
}

int cli_failf(const char *fmt, ...)
{
	lk_err err = {.code = LK_EINVAL};
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err.msg, sizeof err.msg, fmt, ap);
	va_end(ap);
	return cli_report(&err);
}

static int resolve_db_path(cli_app *app, lk_err *err)
{
	const char *p = app->db_opt ? app->db_opt : app->cfg.db_path;
	app->db_path = p ? strdup(p) : config_default_db_path(err);
	if (!app->db_path)
		return p ? lk_fail(err, LK_ENOMEM, _("Out of memory.")) : -1;
	return 0;
}

int cli_open(cli_app *app)
{
	lk_err err;
	if (!app->db_path && resolve_db_path(app, &err) < 0)
		return cli_report(&err);
	char *login = ctx_os_login(&err);
	if (!login)
		return cli_report(&err);
	int rc = ctx_open(app->db_path, app->cmd->mode, login, &app->cfg.settings, &app->ctx,
		&app->created, &err);
	free(login);
	return rc < 0 ? cli_report(&err) : CLI_OK;
}

static int global_usage_error(const char *fmt, const char *word)
{
	cli_failf(fmt, word);
	cli_print_usage(stderr, NULL);
	return CLI_FAIL;
}

static int take_global(cli_app *app, int c, int *action)
{
	switch (c) {
	case OPT_DB:
		app->db_opt = optarg;
		return *optarg ? CLI_OK : global_usage_error(_("%s needs a file name."), "--db");
	case OPT_CONFIG:
		app->config_opt = optarg;
		return *optarg ? CLI_OK : global_usage_error(_("%s needs a file name."), "--config");
	case OPT_LANG:
		app->lang_opt = optarg;
		if (strcmp(optarg, "nb") == 0 || strcmp(optarg, "en") == 0)
			return CLI_OK;
		return global_usage_error(_("Unknown language '%s': choose nb or en."), optarg);
	default: /* --help, --version */
		*action = c;
		return CLI_OK;
	}
}

/* Options before the command; *first gets the index of the command word. */
static int parse_globals(cli_app *app, int argc, char **argv, int *action, int *first)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, OPT_DB},
		{"config", required_argument, NULL, OPT_CONFIG},
		{"lang", required_argument, NULL, OPT_LANG},
		{"help", no_argument, NULL, OPT_HELP},
		{"version", no_argument, NULL, OPT_VERSION},
		{NULL, 0, NULL, 0},
	};
	int c;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+:hV", opts, NULL)) != -1) {
		if (c == 'h' || c == 'V')
			c = c == 'h' ? OPT_HELP : OPT_VERSION;
		int word = optind - 1; /* the word getopt just read */
		if (c == ':' || c == '?') {
			const char *w = c == '?' && optopt ? NULL : argv[word];
			char shortopt[3] = {'-', (char)optopt, '\0'};
			return global_usage_error(c == ':' ? _("%s needs a value.") : _("Unknown option %s."),
				w ? w : shortopt);
		}
		if (take_global(app, c, action) != CLI_OK)
			return CLI_FAIL;
	}
	*first = optind;
	return CLI_OK;
}

/* Problems in the config are warnings, except a named file that cannot be
 * read and running out of memory. */
static int load_config(cli_app *app)
{
	lk_err err;
	if (config_load(&app->cfg, app->config_opt, &err) == 0)
		return CLI_OK;
	if (err.code == LK_ENOMEM || (err.code == LK_EIO && app->config_opt))
		return cli_report(&err);
	put_lines(_("warning: "), err.msg);
	return CLI_OK;
}

static int run(cli_app *app, int argc, char **argv)
{
	int action = 0, first = 1;
	if (parse_globals(app, argc, argv, &action, &first) != CLI_OK)
		return CLI_FAIL;
	if (app->lang_opt)
		i18n_init(app->lang_opt, NULL);
	if (action == OPT_VERSION) {
		printf("lmskurs %s\n", LK_VERSION);
		return CLI_OK;
	}
	if (load_config(app) != CLI_OK)
		return CLI_FAIL;
	if (!app->lang_opt && app->cfg.language)
		i18n_init(app->cfg.language, NULL);
	if (action == OPT_HELP) {
		cli_print_help(stdout);
		return CLI_OK;
	}
	return cli_dispatch(app, argc - first, argv + first);
}

/* Output that could not be written (a full disk, a closed pipe) must not
 * pass for success. */
static int finish_output(int status)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		int e = errno;
		return cli_failf(_("Cannot write the output: %s"), strerror(e ? e : EIO));
	}
	return status;
}

int main(int argc, char **argv)
{
	cli_app app = {0};
	config_defaults(&app.cfg);
	i18n_init(NULL, NULL);
	int status = finish_output(run(&app, argc, argv));
	ctx_close(app.ctx);
	free(app.db_path);
	config_free(&app.cfg);
	return status;
}
