/* args.c — a subcommand's options and positional arguments. */
#include "cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/i18n.h"

/* One parse of a handler's argv. */
typedef struct cli_args {
	cli_app *app;
	int argc;
	char **argv;
	const struct option *opts;
	int status; /* exit status when cli_next_opt returned CLI_OPT_STOP */
} cli_args;

enum { CLI_OPT_END = -1, CLI_OPT_STOP = -2 };

static void cli_args_init(cli_args *a, cli_app *app, int argc, char **argv, const struct option *opts)
{
	*a = (cli_args){.app = app, .argc = argc, .argv = argv, .opts = opts, .status = CLI_OK};
	optind = 0; /* glibc: start over, the global options were parsed before */
	opterr = 0;
}

int cli_usage_error(const cli_app *app, const char *fmt, ...)
{
	char msg[LK_ERR_MSG_MAX];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	fprintf(stderr, "lmskurs: %s\n", msg);
	cli_print_usage(stderr, app->cmd);
	return CLI_FAIL;
}

static int stop(cli_args *a, int status)
{
	a->status = status;
	return CLI_OPT_STOP;
}

/* The next option's val, CLI_OPT_END, or CLI_OPT_STOP with a->status. */
static int cli_next_opt(cli_args *a)
{
	int c = getopt_long(a->argc, a->argv, ":", a->opts, NULL);
	/* The word at fault: an unknown short option is only in optopt; for
	 * the rest getopt has moved past the word. */
	char shortopt[3] = {'-', (char)optopt, '\0'};
	const char *word = optind > 0 && optind <= a->argc ? a->argv[optind - 1] : "";
	if (c == '?' && optopt)
		word = shortopt;
	switch (c) {
	case -1:
		return CLI_OPT_END;
	case 'h':
		cli_print_usage(stdout, a->app->cmd);
		return stop(a, CLI_OK);
	case ':':
		return stop(a, cli_usage_error(a->app, _("%s needs a value."), word));
	case '?':
		return stop(a, cli_usage_error(a->app, _("Unknown option %s."), word));
	default:
		return c;
	}
}

static int cli_positional(cli_args *a, int min, int max, char ***rest, int *n)
{
	int have = a->argc - optind;
	if (have < min)
		return cli_usage_error(a->app, "%s", _("An argument is missing."));
	if (have > max)
		return cli_usage_error(a->app, _("Unexpected argument '%s'."), a->argv[optind + max]);
	*rest = a->argv + optind;
	*n = have;
	return CLI_OK;
}

int cli_parse_int64(const char *s, int64_t min, int64_t max, int64_t *out)
{
	if (!s || !((*s >= '0' && *s <= '9') || (*s == '-' && s[1] >= '0' && s[1] <= '9')))
		return -1;
	char *end;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (errno != 0 || *end != '\0' || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

int cli_parse_id(const cli_app *app, const char *what, const char *s, int64_t *out)
{
	if (cli_parse_int64(s, 1, INT64_MAX, out) == 0)
		return CLI_OK;
	return cli_usage_error(app, _("%s wants a record number such as 12, not '%s'."), what, s);
}

int cli_parse_args(cli_app *app, int argc, char **argv, const struct option *opts,
	int (*take)(cli_app *, void *, int), void *state, int min, int max, char ***rest, int *n)
{
	cli_args a;
	cli_args_init(&a, app, argc, argv, opts);
	int c;
	while ((c = cli_next_opt(&a)) >= 0)
		if (take(app, state, c) != CLI_OK)
			return CLI_FAIL;
	if (c == CLI_OPT_STOP)
		return a.status == CLI_OK ? CLI_DONE : CLI_FAIL;
	return cli_positional(&a, min, max, rest, n);
}
