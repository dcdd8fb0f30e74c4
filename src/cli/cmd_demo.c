/* cmd_demo.c — demo [--years N] [--seed S]: the example centre. */
#include "cmds.h"

#include <unistd.h>

#include "lmskurs/demo.h"
#include "lmskurs/i18n.h"

enum { OPT_YEARS = 1, OPT_SEED };

static const struct option demo_opts[] = {
	{"years", required_argument, NULL, OPT_YEARS},
	{"seed", required_argument, NULL, OPT_SEED},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

static int take_demo_opt(cli_app *app, void *state, int c)
{
	lk_demo_opts *o = state;
	int64_t v;
	if (c == OPT_YEARS) {
		if (cli_parse_int64(optarg, 1, 50, &v) < 0)
			return cli_usage_error(app, _("--years takes a whole number from 1 to 50, not '%s'."), optarg);
		o->years = (int)v;
	} else {
		if (cli_parse_int64(optarg, 0, INT64_MAX, &v) < 0)
			return cli_usage_error(app, _("--seed takes a whole number, not '%s'."), optarg);
		o->seed = (uint64_t)v;
	}
	return CLI_OK;
}

/* Progress on stderr, only for a person watching a terminal. */
static void show_progress(void *arg, int done, int total)
{
	(void)arg;
	fprintf(stderr, "\r%s %d/%d", _("Making runs:"), done, total);
	if (done >= total)
		fputc('\n', stderr);
}

int cmd_demo(cli_app *app, int argc, char **argv)
{
	lk_demo_opts o = {.years = 2, .seed = 1};
	char **rest;
	int n, rc = cli_parse_args(app, argc, argv, demo_opts, take_demo_opt, &o, 0, 0, &rest, &n);
	if (rc != CLI_OK)
		return rc == CLI_DONE ? CLI_OK : rc;
	if ((rc = cli_open(app)) != CLI_OK)
		return rc;
	if (isatty(STDERR_FILENO))
		o.progress = show_progress;
	lk_demo_stats s;
	lk_err err;
	if (demo_fill(app->ctx, &o, &s, &err) < 0) {
		if (o.progress)
			fputc('\n', stderr);
		return cli_report(&err);
	}
	printf(_("Example data in %s: %d courses, %d people, %d runs, %d sessions, %d participants, %d enrollments, %d attendance marks, %d evaluation forms, %d meetings.\n"),
		app->db_path, s.courses, s.people, s.runs, s.sessions, s.participants, s.enrollments,
		s.attendance, s.responses, s.meetings);
	printf("%s\n", _("Logins for trying the other roles: vert (staff) and brukerrep (user representative)."));
	return CLI_OK;
}
