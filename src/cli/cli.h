/*
 * cli.h — private to src/cli: the non-interactive commands.
 *
 *   argv ──main.c: global options, i18n, config──▶ cli_app
 *        ──commands.c: the command table──▶ one handler (cmd_*.c)
 *        ──handler: its own options (args.c), cli_open()──▶ core ──▶ stdout
 *                                                      lists ──▶ table.c
 *
 * Handlers return the process exit status: CLI_OK, CLI_PROBLEMS (check
 * found some) or CLI_FAIL (usage error or failure). Whatever fails prints
 * its one message to stderr as "lmskurs: <message>" before returning
 * CLI_FAIL, so callers only pass the status on. No curses in here: the CLI
 * exits before a screen would ever start.
 */
#ifndef LMSKURS_CLI_H
#define LMSKURS_CLI_H

#include <getopt.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "lmskurs/config.h"
#include "lmskurs/ctx.h"
#include "lmskurs/err.h"

enum { CLI_OK = 0, CLI_PROBLEMS = 1, CLI_FAIL = 2 };
/* Internal, never an exit status: finished early and well (--help shown). */
enum { CLI_DONE = -1 };

typedef struct cli_command cli_command;

/* Everything one run of the program knows; lives in main()'s frame. */
typedef struct cli_app {
	const char *db_opt;     /* --db, or NULL */
	const char *config_opt; /* --config, or NULL */
	const char *lang_opt;   /* --lang, or NULL */
	lk_config cfg;          /* loaded config (defaults when none) */
	char *db_path;          /* resolved by cli_open; owned */
	lk_ctx *ctx;            /* opened by cli_open; owned */
	bool created;           /* cli_open made a new database file */
	const cli_command *cmd; /* the command being run */
} cli_app;

/* A handler gets the words after the command's name: argv[0] is the last
 * word of the name ("add" for "user add"), argv[1..] its arguments. */
typedef int (*cli_handler)(cli_app *app, int argc, char **argv);

/* One row of the command table: drives dispatch, --help and `help CMD`. */
struct cli_command {
	const char *name;  /* "person" */
	const char *sub;   /* "list", or NULL for a one-word command */
	cli_handler run;
	lk_open_mode mode; /* how cli_open opens the database */
	const char *usage; /* arguments after the name, literal: "FILE" */
	const char *help;  /* one line, N_() */
};

/* ---- main.c ---- */

/* Prints "lmskurs: <msg>" to stderr, one prefixed line per line of msg, and
 * returns CLI_FAIL. */
int cli_report(const lk_err *err);

/* Prints a printf-formatted message as cli_report does; returns CLI_FAIL. */
int cli_failf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Opens the database for app->cmd (its open mode) as the OS login: path
 * from --db, else the config, else the XDG default. Sets app->ctx,
 * app->db_path and app->created. Returns CLI_OK, or CLI_FAIL with the
 * reason on stderr. */
int cli_open(cli_app *app);

/* ---- commands.c ---- */

/* Runs the command named by words[0..n-1] (n == 0: no command). */
int cli_dispatch(cli_app *app, int n, char **words);

/* The full help text (usage, one line per command, options) to out. */
void cli_print_help(FILE *out);

/* "Usage: lmskurs <name> [<sub>] <usage>" for cmd, to out. */
void cli_print_usage(FILE *out, const cli_command *cmd);

/* ---- args.c: a subcommand's own arguments ---- */

/* The whole of a handler's argument parsing, getopt_long over argv: every
 * option goes to take(app, state, c) (c is the option's val, optarg holds
 * its value; take returns CLI_OK, or CLI_FAIL after reporting), then
 * min..max positional arguments land in *rest and *n. Every opts table should
 * hold {"help", no_argument, NULL, 'h'}: the command's usage then goes to
 * stdout and CLI_DONE comes back. An unknown option, a missing value or a
 * wrong number of arguments: message and usage on stderr, CLI_FAIL.
 * Returns CLI_OK, CLI_DONE or CLI_FAIL. */
int cli_parse_args(cli_app *app, int argc, char **argv, const struct option *opts,
	int (*take)(cli_app *app, void *state, int c), void *state, int min, int max,
	char ***rest, int *n);

/* A usage error about one argument: message, then the command's usage, on
 * stderr; returns CLI_FAIL. */
int cli_usage_error(const cli_app *app, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Whole decimal number in [min,max], nothing else around it (no sign but a
 * leading '-', no spaces, no trailing text). 0 ok, -1 not such a number. */
int cli_parse_int64(const char *s, int64_t min, int64_t max, int64_t *out);

/* A record number (1..INT64_MAX) given for option what ("--person"); on
 * failure prints the usage error and returns CLI_FAIL. */
int cli_parse_id(const cli_app *app, const char *what, const char *s, int64_t *out);

#endif
