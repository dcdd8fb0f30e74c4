/* cmd_run_create.c — run create: a new run of a course laid out from its
 * session plan in one step, for centres that plan a semester by script. */
#include "cmds.h"

#include "lmskurs/agenda.h"
#include "lmskurs/i18n.h"
#include "lmskurs/run.h"
#include "lmskurs/session.h"

enum { OPT_START = 1, OPT_EVERY, OPT_TIME, OPT_ROOM, OPT_CAPACITY, OPT_TITLE, OPT_PLACE };

/* Without --time, sessions start at noon. */
enum { DEFAULT_HOUR = 12 };

static const struct option create_opts[] = {
	{"start", required_argument, NULL, OPT_START},
	{"every", required_argument, NULL, OPT_EVERY},
	{"time", required_argument, NULL, OPT_TIME},
	{"room", required_argument, NULL, OPT_ROOM},
	{"capacity", required_argument, NULL, OPT_CAPACITY},
	{"title", required_argument, NULL, OPT_TITLE},
	{"place", required_argument, NULL, OPT_PLACE},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

struct create_state {
	lk_run run;        /* strings point into argv (not owned) */
	lk_schedule sched;
	bool start_given;
};

static int take_number(cli_app *app, const char *opt, const char *s, int64_t max, int *out)
{
	int64_t v;
	if (cli_parse_int64(s, 0, max, &v) < 0)
		return cli_usage_error(app, _("%s wants a whole number from 0 to %lld, not '%s'."), opt,
			(long long)max, s);
	*out = (int)v;
	return CLI_OK;
}

static int take_opt(cli_app *app, void *state, int c)
{
	struct create_state *st = state;
	lk_err err;
	switch (c) {
	case OPT_START:
		st->start_given = true;
		if (date_parse(optarg, &st->sched.first, &err) < 0)
			return cli_usage_error(app, "--start: %s", err.msg);
		return CLI_OK;
	case OPT_TIME:
		if (time_parse(optarg, &st->sched.hour, &st->sched.minute, &err) < 0)
			return cli_usage_error(app, "--time: %s", err.msg);
		return CLI_OK;
	case OPT_EVERY:
		return take_number(app, "--every", optarg, 99, &st->sched.every_weeks);
	case OPT_CAPACITY:
		return take_number(app, "--capacity", optarg, 99999, &st->run.capacity);
	case OPT_ROOM: st->sched.room = optarg; break;
	case OPT_TITLE: st->run.title = optarg; break;
	default: st->run.place = optarg; break;
	}
	return CLI_OK;
}

static int parse(cli_app *app, int argc, char **argv, struct create_state *st)
{
	char **rest;
	int n, rc = cli_parse_args(app, argc, argv, create_opts, take_opt, st, 1, 1, &rest, &n);
	if (rc != CLI_OK)
		return rc;
	if (!st->start_given)
		return cli_usage_error(app, "%s", _("Give the date of the first session with --start DATE."));
	return cli_parse_id(app, "COURSE", rest[0], &st->run.course_id);
}

/* One warning line on stderr per session on a public holiday. */
static int warn_holiday(void *arg, const lk_session *s)
{
	char day[11];
	if (!s->holiday)
		return 0;
	date_show(s->starts_at.date, day);
	fprintf(stderr, _("lmskurs: warning: session %d on %s %s falls on a public holiday (%s); move it or keep it on purpose.\n"),
		s->seq, date_weekday_name(date_weekday(s->starts_at.date), false), day, s->holiday);
	return 0;
}

int cmd_run_create(cli_app *app, int argc, char **argv)
{
	struct create_state st = {.sched = {.every_weeks = 1, .hour = DEFAULT_HOUR}};
	int rc = parse(app, argc, argv, &st);
	if (rc != CLI_OK)
		return rc == CLI_DONE ? CLI_OK : rc;
	if ((rc = cli_open(app)) != CLI_OK)
		return rc;
	lk_err err;
	int n = run_create_scheduled(app->ctx, &st.run, &st.sched, &err);
	if (n < 0)
		return cli_report(&err);
	printf(ngettext("Created run number %lld with %d session.\n",
		"Created run number %lld with %d sessions.\n", (unsigned long)n), (long long)st.run.id, n);
	if (session_list(app->ctx, st.run.id, warn_holiday, NULL, &err) < 0)
		return cli_report(&err);
	return CLI_OK;
}
