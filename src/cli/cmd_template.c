/* cmd_template.c — course export / course import: a course concept as a
 * template file (template.h) to share between centres. */
#include "cmds.h"
#include "outopt.h"

#include "lmskurs/concept.h"
#include "lmskurs/i18n.h"
#include "lmskurs/template.h"

/* ---- course export COURSE -o FILE.ini ---- */

static const struct option export_opts[] = {
	{"output", required_argument, NULL, 'o'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

static int take_export_opt(cli_app *app, void *state, int c)
{
	if (!*optarg)
		return cli_usage_error(app, "%s", _("-o wants a file name."));
	*(const char **)state = optarg;
	return CLI_OK;
}

static int parse_export(cli_app *app, int argc, char **argv, int64_t *id, const char **path)
{
	char **rest;
	int n;
	cli_alias_output(argc, argv, export_opts);
	int rc = cli_parse_args(app, argc, argv, export_opts, take_export_opt, path, 1, 1, &rest, &n);
	if (rc != CLI_OK)
		return rc;
	if (!*path)
		return cli_usage_error(app, "%s", _("Say where to write the template with -o FILE.ini."));
	return cli_parse_id(app, "COURSE", rest[0], id);
}

int cmd_course_export(cli_app *app, int argc, char **argv)
{
	int64_t id;
	const char *path = NULL;
	int rc = parse_export(app, argc, argv, &id, &path);
	if (rc != CLI_OK)
		return rc == CLI_DONE ? CLI_OK : rc;
	if ((rc = cli_open(app)) != CLI_OK)
		return rc;
	lk_concept c;
	lk_err err;
	if (concept_get(app->ctx, id, &c, &err) < 0 || template_write(&c, path, &err) < 0) {
		concept_free(&c);
		return cli_report(&err);
	}
	printf(ngettext("Wrote course %lld '%s' with %d part in its session plan to %s.\n",
		"Wrote course %lld '%s' with %d parts in its session plan to %s.\n",
		(unsigned long)c.n_parts), (long long)id, c.course.title, c.n_parts, path);
	concept_free(&c);
	return CLI_OK;
}

/* ---- course import FILE.ini ---- */

static const struct option import_opts[] = {
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

static int take_no_opt(cli_app *app, void *state, int c)
{
	return CLI_OK;
}

int cmd_course_import(cli_app *app, int argc, char **argv)
{
	char **rest;
	int n, rc = cli_parse_args(app, argc, argv, import_opts, take_no_opt, NULL, 1, 1, &rest, &n);
	if (rc != CLI_OK)
		return rc == CLI_DONE ? CLI_OK : rc;
	if ((rc = cli_open(app)) != CLI_OK)
		return rc;
	lk_concept c;
	lk_err err;
	int64_t id;
	if (template_read(rest[0], &c, &err) < 0 || concept_create(app->ctx, &c, &id, &err) < 0) {
		concept_free(&c);
		return cli_report(&err);
	}
	printf(ngettext("Imported '%s' as course number %lld (phase idea) with %d part in its session plan.\n",
		"Imported '%s' as course number %lld (phase idea) with %d parts in its session plan.\n",
		(unsigned long)c.n_parts), c.course.title, (long long)id, c.n_parts);
	concept_free(&c);
	return CLI_OK;
}
