/*
 * uidriver.c — a stand-in for the lmskurs binary until the CLI starts the
 * screens itself: `uidriver --db PATH` opens (creating) the database as the
 * OS login and runs ui_main. Exit 0 on a normal quit, 2 when the screens
 * cannot start (the message on stderr, as the real binary will do).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/config.h"
#include "lmskurs/ctx.h"
#include "lmskurs/i18n.h"
#include "lmskurs/ui.h"

static int fail(const lk_err *err)
{
	fprintf(stderr, "lmskurs: %s\n", err->msg);
	return 2;
}

int main(int argc, char **argv)
{
	if (argc != 3 || strcmp(argv[1], "--db") != 0) {
		fprintf(stderr, "usage: %s --db PATH\n", argv[0]);
		return 2;
	}
	i18n_init(NULL, NULL);
	lk_err err;
	lk_err_clear(&err);
	char *login = ctx_os_login(&err);
	lk_ctx *ctx = NULL;
	if (!login || ctx_open(argv[2], LK_OPEN_CREATE, login, NULL, &ctx, NULL, &err) < 0) {
		free(login);
		return fail(&err);
	}
	free(login);
	lk_config cfg;
	config_defaults(&cfg);
	int rc = ui_main(ctx, &cfg, &err);
	config_free(&cfg);
	ctx_close(ctx);
	return rc == 0 ? 0 : fail(&err);
}
