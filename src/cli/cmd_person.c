/* cmd_person.c — person add, person list: professionals and user
 * representatives (not participants). */
#include "cmds.h"
#include "table.h"

#include "lmskurs/i18n.h"
#include "lmskurs/person.h"
#include "lmskurs/text.h"

enum { OPT_NAME = 1, OPT_KIND, OPT_PROFESSION, OPT_ORGANISATION, OPT_EMAIL, OPT_PHONE,
	OPT_SEARCH, OPT_FORMAT };

static int parse_kind(cli_app *app, const char *s, lk_person_kind *out)
{
	if (person_kind_parse(s, out) == 0)
		return CLI_OK;
	return cli_usage_error(app, _("Unknown kind '%s': choose professional or user_rep."), s);
}

/* ---- person add ---- */

static const struct option add_opts[] = {
	{"name", required_argument, NULL, OPT_NAME},
	{"kind", required_argument, NULL, OPT_KIND},
	{"profession", required_argument, NULL, OPT_PROFESSION},
	{"organisation", required_argument, NULL, OPT_ORGANISATION},
	{"email", required_argument, NULL, OPT_EMAIL},
	{"phone", required_argument, NULL, OPT_PHONE},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

struct add_state {
	lk_person p; /* strings point into argv (not owned) */
	bool kind_given;
};

static int take_add_opt(cli_app *app, void *state, int c)
{
	struct add_state *st = state;
	switch (c) {
	case OPT_NAME: st->p.name = optarg; break;
	case OPT_PROFESSION: st->p.profession = optarg; break;
	case OPT_ORGANISATION: st->p.organisation = optarg; break;
	case OPT_EMAIL: st->p.email = optarg; break;
	case OPT_PHONE: st->p.phone = optarg; break;
	default:
		st->kind_given = true;
		return parse_kind(app, optarg, &st->p.kind);
	}
	return CLI_OK;
}

static int parse_add(cli_app *app, int argc, char **argv, struct add_state *st)
{
	char **rest;
	int n, rc = cli_parse_args(app, argc, argv, add_opts, take_add_opt, st, 0, 0, &rest, &n);
	if (rc != CLI_OK)
		return rc;
	if (!st->p.name)
		return cli_usage_error(app, "%s", _("Give the person's name with --name."));
	if (!st->kind_given)
		return cli_usage_error(app, "%s", _("Say with --kind whether the person is a professional or a user representative."));
	return CLI_OK;
}

int cmd_person_add(cli_app *app, int argc, char **argv)
{
	struct add_state st = {.p = {.active = true}};
	int rc = parse_add(app, argc, argv, &st);
	if (rc != CLI_OK)
		return rc == CLI_DONE ? CLI_OK : rc;
	if ((rc = cli_open(app)) != CLI_OK)
		return rc;
	lk_err err;
	if (person_create(app->ctx, &st.p, &err) < 0)
		return cli_report(&err);
	printf(_("Added %s as person number %lld.\n"), st.p.name, (long long)st.p.id);
	return CLI_OK;
}

/* ---- person list ---- */

static const struct option list_opts[] = {
	{"kind", required_argument, NULL, OPT_KIND},
	{"search", required_argument, NULL, OPT_SEARCH},
	{"format", required_argument, NULL, OPT_FORMAT},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

struct list_state {
	lk_person_filter f;
	cli_format fmt;
};

static int take_list_opt(cli_app *app, void *state, int c)
{
	struct list_state *st = state;
	lk_person_kind k;
	lk_err err;
	switch (c) {
	case OPT_KIND:
		if (parse_kind(app, optarg, &k) != CLI_OK)
			return CLI_FAIL;
		st->f.kind = (int)k;
		return CLI_OK;
	case OPT_SEARCH:
		st->f.text = optarg;
		if (text_check("--search", optarg, false, LK_NAME_MAX, false, &err) < 0)
			return cli_usage_error(app, "%s", err.msg);
		return CLI_OK;
	default:
		return cli_take_format(app, optarg, &st->fmt);
	}
}

static const cli_column person_cols[] = {
	{"id", N_("No."), true},
	{"name", N_("Name"), false},
	{"kind", N_("Kind"), false},
	{"profession", N_("Profession"), false},
	{"organisation", N_("Organisation"), false},
	{"email", N_("E-mail"), false},
	{"phone", N_("Phone"), false},
};

struct person_list_job {
	lk_ctx *ctx;
	const lk_person_filter *filter;
	cli_table *t;
};

static int person_row(void *arg, const lk_person *p)
{
	cli_table *t = arg;
	char id[24];
	const char *cells[] = {
		table_int(id, p->id), p->name,
		table_format(t) == CLI_TEXT ? person_kind_label(p->kind) : person_kind_code(p->kind),
		p->profession, p->organisation, p->email, p->phone,
	};
	return table_row(t, cells) != 0;
}

static int person_fetch(void *arg, lk_page page, lk_err *err)
{
	struct person_list_job *job = arg;
	return person_list(job->ctx, job->filter, page, person_row, job->t, err);
}

int cmd_person_list(cli_app *app, int argc, char **argv)
{
	struct list_state st = {.f = {.kind = -1}, .fmt = CLI_TEXT};
	char **rest;
	int n, rc = cli_parse_args(app, argc, argv, list_opts, take_list_opt, &st, 0, 0, &rest, &n);
	if (rc != CLI_OK)
		return rc == CLI_DONE ? CLI_OK : rc;
	if ((rc = cli_open(app)) != CLI_OK)
		return rc;
	struct person_list_job job = {app->ctx, &st.f, table_new(stdout, st.fmt, person_cols, 7)};
	if (!job.t)
		return cli_failf("%s", _("Out of memory."));
	rc = cli_list_pages(job.t, person_fetch, &job, _("No people found."));
	table_free(job.t);
	return rc;
}
