/* cmd_calendar.c — calendar: a run's sessions, or a facilitator's across
 * all runs, as an iCalendar file (RFC 5545) for calendar programs. */
#include "cmds.h"
#include "outopt.h"

#include <stdlib.h>
#include <string.h>

#include "lmskurs/agenda.h"
#include "lmskurs/i18n.h"
#include "lmskurs/ical.h"

enum { OPT_RUN = 1, OPT_PERSON };

static const struct option calendar_opts[] = {
	{"run", required_argument, NULL, OPT_RUN},
	{"person", required_argument, NULL, OPT_PERSON},
	{"output", required_argument, NULL, 'o'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

struct calendar_state {
	int64_t run_id, person_id;
	const char *path;
};

static int take_opt(cli_app *app, void *state, int c)
{
	struct calendar_state *st = state;
	switch (c) {
	case OPT_RUN:
		return cli_parse_id(app, "--run", optarg, &st->run_id);
	case OPT_PERSON:
		return cli_parse_id(app, "--person", optarg, &st->person_id);
	default:
		if (!*optarg)
			return cli_usage_error(app, "%s", _("-o wants a file name."));
		st->path = optarg;
		return CLI_OK;
	}
}

static int parse(cli_app *app, int argc, char **argv, struct calendar_state *st)
{
	char **rest;
	int n;
	cli_alias_output(argc, argv, calendar_opts);
	int rc = cli_parse_args(app, argc, argv, calendar_opts, take_opt, st, 0, 0, &rest, &n);
	if (rc != CLI_OK)
		return rc;
	if ((st->run_id > 0) == (st->person_id > 0))
		return cli_usage_error(app, "%s", _("Give either --run RUN or --person PERSON."));
	if (!st->path)
		return cli_usage_error(app, "%s", _("Say where to write the calendar with -o FILE.ics."));
	return CLI_OK;
}

static int fill(lk_ctx *ctx, const struct calendar_state *st, lk_ical *cal, lk_err *err)
{
	lk_page all = {0, 0};
	if (st->run_id > 0)
		return agenda_run_events(ctx, st->run_id, all, ical_add_event, cal, err);
	return agenda_person_events(ctx, st->person_id, all, ical_add_event, cal, err);
}

/* Writes the file ("-": standard output); 0 or -1 with err. */
static int write_out(lk_ical *cal, const char *path, lk_err *err)
{
	if (strcmp(path, "-") != 0)
		return ical_save(cal, path, err);
	char *text = ical_text(cal, err);
	if (!text)
		return -1;
	fputs(text, stdout);
	free(text);
	return 0;
}

static int export_calendar(lk_ctx *ctx, const struct calendar_state *st, int *n, lk_err *err)
{
	char *id = NULL;
	lk_ical *cal = NULL;
	int rc = agenda_calendar_id(ctx, &id, err) == 0 && ical_new(id, ctx_now(ctx), &cal, err) == 0 &&
		 fill(ctx, st, cal, err) == 0 && write_out(cal, st->path, err) == 0 ? 0 : -1;
	*n = cal ? ical_count(cal) : 0;
	ical_free(cal);
	free(id);
	return rc;
}

int cmd_calendar(cli_app *app, int argc, char **argv)
{
	struct calendar_state st = {0, 0, NULL};
	int rc = parse(app, argc, argv, &st);
	if (rc != CLI_OK)
		return rc == CLI_DONE ? CLI_OK : rc;
	if ((rc = cli_open(app)) != CLI_OK)
		return rc;
	lk_err err;
	int n;
	if (export_calendar(app->ctx, &st, &n, &err) < 0)
		return cli_report(&err);
	if (strcmp(st.path, "-") != 0)
		printf(ngettext("Wrote %d session to %s.\n", "Wrote %d sessions to %s.\n",
			(unsigned long)n), n, st.path);
	return CLI_OK;
}
