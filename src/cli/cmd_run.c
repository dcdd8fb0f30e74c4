/* cmd_run.c — run list: scheduled deliveries of the courses. */
#include "cmds.h"
#include "table.h"

#include "lmskurs/i18n.h"
#include "lmskurs/run.h"
#include "lmskurs/text.h"

enum { OPT_YEAR = 1, OPT_COURSE, OPT_PHASE, OPT_SEARCH, OPT_FORMAT };

static const struct option list_opts[] = {
	{"year", required_argument, NULL, OPT_YEAR},
	{"course", required_argument, NULL, OPT_COURSE},
	{"phase", required_argument, NULL, OPT_PHASE},
	{"search", required_argument, NULL, OPT_SEARCH},
	{"format", required_argument, NULL, OPT_FORMAT},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

struct list_state {
	lk_run_filter f;
	cli_format fmt;
};

static int take_year(cli_app *app, const char *s, lk_run_filter *f)
{
	int64_t y;
	if (cli_parse_int64(s, 1900, 2199, &y) < 0)
		return cli_usage_error(app, _("--year wants a year such as 2027, not '%s'."), s);
	f->year = (int)y;
	return CLI_OK;
}

static int take_phase(cli_app *app, const char *s, lk_run_filter *f)
{
	lk_run_phase p;
	if (run_phase_parse(s, &p) < 0)
		return cli_usage_error(app, _("Unknown run phase '%s': choose scheduling, registration, execution, evaluation, closed or cancelled."), s);
	f->phase = (int)p;
	return CLI_OK;
}

static int take_opt(cli_app *app, void *state, int c)
{
	struct list_state *st = state;
	lk_err err;
	switch (c) {
	case OPT_YEAR:
		return take_year(app, optarg, &st->f);
	case OPT_COURSE:
		return cli_parse_id(app, "--course", optarg, &st->f.course_id);
	case OPT_PHASE:
		return take_phase(app, optarg, &st->f);
	case OPT_SEARCH:
		st->f.text = optarg;
		if (text_check("--search", optarg, false, LK_NAME_MAX, false, &err) < 0)
			return cli_usage_error(app, "%s", err.msg);
		return CLI_OK;
	default:
		return cli_take_format(app, optarg, &st->fmt);
	}
}

/* People read a shorter row than scripts. */
static const cli_column text_cols[] = {
	{"id", N_("No."), true},
	{"course", N_("Course"), false},
	{"title", N_("Title"), false},
	{"phase", N_("Phase"), false},
	{"first_date", N_("From"), false},
	{"last_date", N_("To"), false},
	{"place", N_("Place"), false},
	{"registered", N_("Registered"), true},
	{"waitlisted", N_("Waiting"), true},
	{"sessions", N_("Sessions"), true},
	{"pairing", N_("Pairing"), false},
};

static const cli_column data_cols[] = {
	{"id", "", false}, {"course_id", "", false}, {"course", "", false}, {"title", "", false},
	{"phase", "", false}, {"first_date", "", false}, {"last_date", "", false},
	{"place", "", false}, {"capacity", "", false}, {"registered", "", false},
	{"waitlisted", "", false}, {"sessions", "", false}, {"unpaired", "", false},
};

struct run_list_job {
	lk_ctx *ctx;
	const lk_run_filter *filter;
	cli_table *t;
};

/* "8/12" registered of capacity; "8" while no capacity is set. */
static const char *registered_text(char buf[static 48], const lk_run *r)
{
	if (r->capacity > 0)
		snprintf(buf, 48, "%d/%d", r->n_registered, r->capacity);
	else
		snprintf(buf, 48, "%d", r->n_registered);
	return buf;
}

/* A marker and words, never colour alone: "! 2 unpaired". */
static const char *pairing_text(char buf[static 96], const lk_run *r)
{
	if (r->n_unpaired <= 0) {
		snprintf(buf, 96, "%s", r->n_sessions > 0 ? _("paired") : "");
		return buf;
	}
	char words[80];
	unsigned long n = (unsigned long)r->n_unpaired;
	snprintf(words, sizeof words, ngettext("%d session unpaired", "%d sessions unpaired", n), r->n_unpaired);
	snprintf(buf, 96, "! %s", words);
	return buf;
}

static int text_row(cli_table *t, const lk_run *r)
{
	char id[24], first[11], last[11], reg[48], wait[24], ses[24], pair[96];
	const char *cells[] = {
		table_int(id, r->id), r->course_title, r->title, run_phase_label(r->phase),
		table_date(first, r->first_date, CLI_TEXT), table_date(last, r->last_date, CLI_TEXT),
		r->place, registered_text(reg, r), table_int(wait, r->n_waitlisted),
		table_int(ses, r->n_sessions), pairing_text(pair, r),
	};
	return table_row(t, cells);
}

static int data_row(cli_table *t, const lk_run *r)
{
	char id[24], cid[24], first[11], last[11], cap[24] = "", reg[24], wait[24], ses[24], unp[24];
	if (r->capacity > 0)
		table_int(cap, r->capacity);
	const char *cells[] = {
		table_int(id, r->id), table_int(cid, r->course_id), r->course_title, r->title,
		run_phase_code(r->phase), table_date(first, r->first_date, CLI_TSV),
		table_date(last, r->last_date, CLI_TSV), r->place, cap, table_int(reg, r->n_registered),
		table_int(wait, r->n_waitlisted), table_int(ses, r->n_sessions),
		table_int(unp, r->n_unpaired),
	};
	return table_row(t, cells);
}

static int run_row(void *arg, const lk_run *r)
{
	cli_table *t = arg;
	return (table_format(t) == CLI_TEXT ? text_row(t, r) : data_row(t, r)) != 0;
}

static int run_fetch(void *arg, lk_page page, lk_err *err)
{
	struct run_list_job *job = arg;
	return run_list(job->ctx, job->filter, page, run_row, job->t, err);
}

int cmd_run_list(cli_app *app, int argc, char **argv)
{
	struct list_state st = {.f = {.phase = -1}, .fmt = CLI_TEXT};
	char **rest;
	int n, rc = cli_parse_args(app, argc, argv, list_opts, take_opt, &st, 0, 0, &rest, &n);
	if (rc != CLI_OK)
		return rc == CLI_DONE ? CLI_OK : rc;
	if ((rc = cli_open(app)) != CLI_OK)
		return rc;
	bool text = st.fmt == CLI_TEXT;
	struct run_list_job job = {app->ctx, &st.f,
		table_new(stdout, st.fmt, text ? text_cols : data_cols, text ? 11 : 13)};
	if (!job.t)
		return cli_failf("%s", _("Out of memory."));
	rc = cli_list_pages(job.t, run_fetch, &job, _("No runs found."));
	table_free(job.t);
	return rc;
}
