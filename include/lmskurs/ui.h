/*
 * ui.h — the interactive screens, the one entry point the CLI calls.
 *
 *   ui_main ──terminal checks (no output)──▶ newterm ──▶ home view
 *           ──ui_run: keys ▶ views ▶ core; PRAGMA data_version ▶ re-read
 *           ──endwin──▶ return
 *
 * The pieces (views, widgets, the key table) are under lmskurs/ui/: see
 * lmskurs/ui/view.h for how a screen is written.
 */
#ifndef LMSKURS_UI_H
#define LMSKURS_UI_H

#include <stdbool.h>

#include "lmskurs/ctx.h"
#include "lmskurs/err.h"

struct lk_config;

/* Runs the screens on the controlling terminal as ctx's user until they
 * quit. cfg may be NULL (defaults: colours auto). Returns 0 on a normal
 * quit. Before any output it checks that stdin and stdout are terminals
 * and that TERM is set, not "dumb" and known to terminfo; otherwise it
 * returns -1 with a one-line err->msg and has written nothing, so the
 * caller prints the message and exits 2. Any later failure restores the
 * terminal (endwin) before returning -1. */
int ui_main(lk_ctx *ctx, const struct lk_config *cfg, lk_err *err);

/* The checks ui_main makes before starting, for tests: 0 or -1 with err. */
int ui_check_terminal(bool in_tty, bool out_tty, const char *term, lk_err *err);

#endif
