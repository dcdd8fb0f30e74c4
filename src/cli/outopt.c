/* outopt.c — "-o FILE" as "--output FILE" (outopt.h). */
#include "outopt.h"

#include <stdbool.h>
#include <string.h>

/* True when word is "--name" (no "=value") of an option that takes a value. */
static bool takes_next(const char *word, const struct option *opts)
{
	if (strncmp(word, "--", 2) != 0 || strchr(word, '='))
		return false;
	for (const struct option *o = opts; o->name; o++)
		if (strcmp(word + 2, o->name) == 0)
			return o->has_arg == required_argument;
	return false;
}

void cli_alias_output(int argc, char **argv, const struct option *opts)
{
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			return;
		if (strcmp(argv[i], "-o") == 0)
			argv[i] = (char *)"--output"; /* getopt never writes to the words */
		else if (takes_next(argv[i], opts))
			i++;
	}
}
