/*
 * outopt.h — private to src/cli: "-o FILE" for commands that write a file.
 * cli_parse_args (args.c) reads long options only; commands with an
 * {"output", required_argument, NULL, 'o'} entry call cli_alias_output
 * first, so "-o FILE" works as "--output FILE".
 */
#ifndef LMSKURS_CLI_OUTOPT_H
#define LMSKURS_CLI_OUTOPT_H

#include <getopt.h>

/* Replaces each word "-o" among argv[1..argc-1] that is an option (not the
 * value of an option of opts that takes one, not after "--") by
 * "--output", in place. The words themselves are not changed. */
void cli_alias_output(int argc, char **argv, const struct option *opts);

#endif
