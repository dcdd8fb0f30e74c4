#include "lmskurs/ui.h"

#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <unistd.h>

#include "lmskurs/config.h"
#include "lmskurs/i18n.h"
#include "lmskurs/ui/home.h"
#include "lmskurs/ui/view.h"

int ui_check_terminal(bool in_tty, bool out_tty, const char *term, lk_err *err)
{
	if (!in_tty || !out_tty)
		return lk_fail(err, LK_EIO, "%s", _("lmskurs needs a terminal for its screens: standard input and output must be a terminal (use the subcommands in scripts)."));
	if (!term || !*term)
		return lk_fail(err, LK_EIO, "%s", _("TERM is not set, so lmskurs cannot draw its screens; set it to your terminal type, for example TERM=xterm-256color."));
	if (strcmp(term, "dumb") == 0)
		return lk_fail(err, LK_EIO, "%s", _("The terminal type \"dumb\" cannot show lmskurs screens; set TERM to your terminal type, for example TERM=xterm-256color."));
	int status = 0;
	/* With an error out-parameter setupterm reports instead of printing. */
	if (setupterm(term, STDOUT_FILENO, &status) != OK)
		return lk_fail(err, LK_EIO, _("The terminal type \"%s\" is unknown on this system (no terminfo entry); set TERM to a known type, for example TERM=xterm-256color."), term);
	del_curterm(cur_term);
	return 0;
}

/* Raw mode: Ctrl-C, Ctrl-Z and Ctrl-S arrive as keys, so Ctrl-C quits
 * through the normal path (endwin) and no signal handler does work. */
static void terminal_modes(void)
{
	raw();
	noecho();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	/* The loop wakes every 500 ms to notice other users' changes. */
	timeout(500);
}

static bool want_colour(const struct lk_config *cfg)
{
	return screen_colour_wanted(cfg ? cfg->colours : LK_COLOUR_AUTO, getenv("NO_COLOR"), has_colors());
}

int ui_main(lk_ctx *ctx, const struct lk_config *cfg, lk_err *err)
{
	const char *term = getenv("TERM");
	if (ui_check_terminal(isatty(STDIN_FILENO), isatty(STDOUT_FILENO), term, err) < 0)
		return -1;
	SCREEN *scr = newterm(term, stdout, stdin);
	if (!scr)
		return lk_fail(err, LK_EIO, _("The screen could not start on this terminal (TERM=%s)."), term);
	set_term(scr);
	terminal_modes();
	bool colour = want_colour(cfg);
	screen_colours_init(colour);
	lk_ui ui;
	ui_init(&ui, ctx, cfg, colour);
	int rc = ui_push(&ui, &home_view, NULL, err);
	if (rc == 0)
		ui_run(&ui);
	ui_fini(&ui);
	endwin();
	delscreen(scr);
	return rc;
}
