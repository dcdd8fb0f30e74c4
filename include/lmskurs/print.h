/*
 * print.h — sending a finished file (a PDF) to CUPS with `lp`, for the CLI
 * (attendance sheet --print) and the screens (p).
 *
 *   print_lp(printer, path) ──posix_spawnp──▶ lp [-d printer] path
 *       ──wait──▶ lk_print_result: sent, no lp installed, not started, failed
 *
 * The program is started with posix_spawnp, which runs no fork handlers and
 * no code of ours in the child: it execs lp at once. The database may stay
 * open in a long-running screen: SQLite opens its files close-on-exec, so
 * lp inherits none of them (tests/cli and the e2e journey check lp's open
 * files); the CLI closes it anyway. A path that starts with "-" is given
 * to lp as "./-…" so it is never read as an option.
 */
#ifndef LMSKURS_PRINT_H
#define LMSKURS_PRINT_H

#include <stdbool.h>

typedef enum lk_print_outcome {
	LK_PRINT_SENT,        /* lp ran and accepted the file */
	LK_PRINT_NO_LP,       /* there is no lp on PATH (cups-client is not installed) */
	LK_PRINT_NOT_STARTED, /* lp could not be started: error holds errno */
	LK_PRINT_FAILED,      /* lp ran and failed (no such printer, CUPS down …) */
} lk_print_outcome;

typedef struct lk_print_result {
	lk_print_outcome outcome;
	int error;     /* errno for LK_PRINT_NOT_STARTED, else 0 */
	char *output;  /* with capture: what lp wrote to its standard output and
	                  error, trimmed ("" when nothing), owned; else NULL */
} lk_print_result;

/* Runs `lp [-d printer] path` and waits for it. printer NULL or "" means
 * lp's default printer. With capture, lp's stdin is /dev/null and its
 * output is collected into out->output (at most 4 KiB are kept), so a
 * curses screen is not written over; without, lp shares our stdin, stdout
 * and stderr (a CLI shows lp's own message). Returns 0 when sent, -1
 * otherwise with out->outcome saying why. Free out with print_result_free. */
int print_lp(const char *printer, const char *path, bool capture, lk_print_result *out);

/* Frees what r owns (not r); NULL is fine. */
void print_result_free(lk_print_result *r);

#endif
