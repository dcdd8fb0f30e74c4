/* cmd_course.c — course list: the catalogue of course concepts. */
#include "cmds.h"
#include "table.h"

#include "lmskurs/course.h"
#include "lmskurs/i18n.h"
#include "lmskurs/text.h"

enum { OPT_PHASE = 1, OPT_AUDIENCE, OPT_SEARCH, OPT_FORMAT };

static const struct option list_opts[] = {
	{"phase", required_argument, NULL, OPT_PHASE},
	{"audience", required_argument, NULL, OPT_AUDIENCE},
	{"search", required_argument, NULL, OPT_SEARCH},
	{"format", required_argument, NULL, OPT_FORMAT},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

struct list_state {
	lk_course_filter f;
	cli_format fmt;
};

static int take_phase(cli_app *app, const char *s, lk_course_filter *f)
{
	lk_course_phase p;
	if (course_phase_parse(s, &p) < 0)
		return cli_usage_error(app, _("Unknown course phase '%s': choose idea, planning, active, revision or retired."), s);
	f->phase = (int)p;
	return CLI_OK;
}

static int take_audience(cli_app *app, const char *s, lk_course_filter *f)
{
	lk_audience a;
	if (course_audience_parse(s, &a) < 0)
		return cli_usage_error(app, _("Unknown audience '%s': choose patients, relatives or both."), s);
	f->audience = (int)a;
	return CLI_OK;
}

static int take_opt(cli_app *app, void *state, int c)
{
	struct list_state *st = state;
	lk_err err;
	switch (c) {
	case OPT_PHASE:
		return take_phase(app, optarg, &st->f);
	case OPT_AUDIENCE:
		return take_audience(app, optarg, &st->f);
	case OPT_SEARCH:
		st->f.text = optarg;
		if (text_check("--search", optarg, false, LK_NAME_MAX, false, &err) < 0)
			return cli_usage_error(app, "%s", err.msg);
		return CLI_OK;
	default:
		return cli_take_format(app, optarg, &st->fmt);
	}
}

static const cli_column course_cols[] = {
	{"id", N_("No."), true},
	{"title", N_("Title"), false},
	{"audience", N_("Audience"), false},
	{"phase", N_("Phase"), false},
	{"owner", N_("Owner"), false},
	{"runs", N_("Runs"), true},
	{"next_run", N_("Next run"), false},
};

struct course_list_job {
	lk_ctx *ctx;
	const lk_course_filter *filter;
	cli_table *t;
};

/* "2027-03-04" as the table's format wants it; "" when missing or odd. */
static const char *next_date(char buf[static 11], const char *iso, cli_format fmt)
{
	lk_date d = {0};
	lk_err err;
	if (!iso || date_parse(iso, &d, &err) < 0)
		d.year = 0;
	return table_date(buf, d, fmt);
}

static int course_row(void *arg, const lk_course_row *r)
{
	cli_table *t = arg;
	bool text = table_format(t) == CLI_TEXT;
	const lk_course *c = &r->course;
	char id[24], runs[24], next[11];
	const char *cells[] = {
		table_int(id, c->id), c->title,
		text ? course_audience_label(c->audience) : course_audience_code(c->audience),
		text ? course_phase_label(c->phase) : course_phase_code(c->phase),
		r->owner_name, table_int(runs, r->n_runs),
		next_date(next, r->next_first_date, table_format(t)),
	};
	return table_row(t, cells) != 0;
}

static int course_fetch(void *arg, lk_page page, lk_err *err)
{
	struct course_list_job *job = arg;
	return course_list(job->ctx, job->filter, page, course_row, job->t, err);
}

int cmd_course_list(cli_app *app, int argc, char **argv)
{
	struct list_state st = {.f = {.phase = -1, .audience = -1}, .fmt = CLI_TEXT};
	char **rest;
	int n, rc = cli_parse_args(app, argc, argv, list_opts, take_opt, &st, 0, 0, &rest, &n);
	if (rc != CLI_OK)
		return rc == CLI_DONE ? CLI_OK : rc;
	if ((rc = cli_open(app)) != CLI_OK)
		return rc;
	struct course_list_job job = {app->ctx, &st.f, table_new(stdout, st.fmt, course_cols, 7)};
	if (!job.t)
		return cli_failf("%s", _("Out of memory."));
	rc = cli_list_pages(job.t, course_fetch, &job, _("No courses found."));
	table_free(job.t);
	return rc;
}
