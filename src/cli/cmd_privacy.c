/* cmd_privacy.c — privacy purge [--dry-run], privacy erase PARTICIPANT:
 * participants' names and contact details removed by the retention rule
 * or on request (core: privacy.h).
 *
 * The lists name participants by number, with the date retention counts
 * from and their last run: never a name, so the output may go to a log or
 * a mail. A coordinator finds the person behind a number in the screens
 * (until the purge has run). Exit status 1 when the removed text may still
 * be in the write-ahead log because another process was reading (run the
 * purge again later to finish it). */
#include "cmds.h"
#include "table.h"

#include <string.h>

#include "lmskurs/i18n.h"
#include "lmskurs/privacy.h"
#include "lmskurs/role.h"

enum { OPT_DRY_RUN = 1, OPT_FORMAT };

static const struct option purge_opts[] = {
	{"dry-run", no_argument, NULL, OPT_DRY_RUN},
	{"format", required_argument, NULL, OPT_FORMAT},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

struct purge_state {
	bool dry_run;
	cli_format fmt;
};

static int take_purge_opt(cli_app *app, void *state, int c)
{
	struct purge_state *st = state;
	if (c == OPT_DRY_RUN) {
		st->dry_run = true;
		return CLI_OK;
	}
	return cli_take_format(app, optarg, &st->fmt);
}

static const cli_column due_cols[] = {
	{"participant_id", N_("Participant no."), true},
	{"last_activity", N_("Last activity"), false},
	{"last_run_id", N_("Run no."), true},
	{"last_run", N_("Last run"), false},
};

/* One item as a row; text output is flushed every page so a long purge
 * never holds its whole list. */
static int due_row(void *arg, const lk_purge_item *it)
{
	cli_table *t = arg;
	char id[24], run[24], day[11], since[11];
	lk_date d = {0, 0, 0};
	snprintf(since, sizeof since, "%s", it->since);
	date_parse(since, &d, NULL);
	const char *cells[] = {table_int(id, it->participant_id), table_date(day, d, table_format(t)),
		it->last_run_id ? table_int(run, it->last_run_id) : "", it->last_run};
	if (table_row(t, cells) != 0)
		return 1;
	return table_rows(t) % CLI_PAGE == 0 && table_flush(t) < 0;
}

/* "Retention: 12 months; due: last activity on or before 10.01.2026." */
static void say_rule(const lk_ctx *ctx)
{
	char cutoff[20], shown[11];
	lk_date d = {0, 0, 0};
	privacy_cutoff(ctx, cutoff);
	cutoff[10] = '\0';
	date_parse(cutoff, &d, NULL);
	date_show(d, shown);
	printf(ngettext("Retention: %d month after a participant's last activity (their last run closed, else their last sign-up or registration): due when it was on or before %s.\n",
		"Retention: %d months after a participant's last activity (their last run closed, else their last sign-up or registration): due when it was on or before %s.\n",
		(unsigned long)ctx->settings.retention_months), ctx->settings.retention_months, shown);
}

static int dry_run(cli_app *app, cli_format fmt)
{
	lk_err err;
	int64_t n = privacy_due_count(app->ctx, &err);
	if (n < 0)
		return cli_report(&err);
	cli_table *t = table_new(stdout, fmt, due_cols, 4);
	if (!t)
		return cli_failf("%s", _("Out of memory."));
	if (fmt == CLI_TEXT) {
		say_rule(app->ctx);
		printf(ngettext("%lld participant is due for removal (dry run: nothing was changed).\n",
			"%lld participants are due for removal (dry run: nothing was changed).\n", (unsigned long)n),
			(long long)n);
	}
	/* One query, flushed a page at a time (due_row): the rule is worked out
	 * once however many are due. */
	int rc = n == 0 && fmt == CLI_TEXT ? 0 : privacy_due_list(app->ctx, (lk_page){0, 0}, due_row, t, &err);
	if (rc == 0 && table_flush(t) < 0)
		rc = lk_fail(&err, LK_ENOMEM, _("Out of memory."));
	table_free(t);
	return rc < 0 ? cli_report(&err) : CLI_OK;
}

/* What a purge or an erasure left to finish. */
static int compaction_verdict(const lk_privacy_result *r)
{
	if (r->compacted && r->wal_cleared)
		return CLI_OK;
	cli_failf("%s", _("warning: another program is reading the database, so the write-ahead log could not be emptied yet: the removed text may still be in it. Run \"lmskurs privacy purge\" again when the others have closed lmskurs."));
	return CLI_PROBLEMS;
}

static int purge(cli_app *app, cli_format fmt)
{
	lk_err err;
	lk_privacy_result r;
	if (role_require(app->ctx, LK_PERM_EDIT_PARTICIPANTS, &err) < 0)
		return cli_report(&err);
	cli_table *t = table_new(stdout, fmt, due_cols, 4);
	if (!t)
		return cli_failf("%s", _("Out of memory."));
	if (fmt == CLI_TEXT)
		say_rule(app->ctx);
	int rc = privacy_purge(app->ctx, due_row, t, &r, &err);
	if (rc == 0 && table_rows(t) > 0 && table_flush(t) < 0)
		rc = lk_fail(&err, LK_ENOMEM, _("Out of memory."));
	table_free(t);
	if (rc < 0)
		return cli_report(&err);
	if (fmt == CLI_TEXT)
		printf(ngettext("Removed the name and contact details of %lld participant; their enrollments and attendance are kept for the reports.\n",
			"Removed the names and contact details of %lld participants; their enrollments and attendance are kept for the reports.\n",
			(unsigned long)r.participants), (long long)r.participants);
	return compaction_verdict(&r);
}

int cmd_privacy_purge(cli_app *app, int argc, char **argv)
{
	struct purge_state st = {false, CLI_TEXT};
	char **rest;
	int n, rc = cli_parse_args(app, argc, argv, purge_opts, take_purge_opt, &st, 0, 0, &rest, &n);
	if (rc != CLI_OK)
		return rc == CLI_DONE ? CLI_OK : rc;
	if ((rc = cli_open(app)) != CLI_OK)
		return rc;
	return st.dry_run ? dry_run(app, st.fmt) : purge(app, st.fmt);
}

/* ---- privacy erase ---- */

static const struct option erase_opts[] = {
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

static int take_none(cli_app *app, void *state, int c)
{
	return CLI_OK; /* only --help, which never gets here */
}

int cmd_privacy_erase(cli_app *app, int argc, char **argv)
{
	char **rest;
	int64_t id;
	int n, rc = cli_parse_args(app, argc, argv, erase_opts, take_none, NULL, 1, 1, &rest, &n);
	if (rc != CLI_OK)
		return rc == CLI_DONE ? CLI_OK : rc;
	if (cli_parse_id(app, "PARTICIPANT", rest[0], &id) != CLI_OK || (rc = cli_open(app)) != CLI_OK)
		return CLI_FAIL;
	lk_err err;
	lk_privacy_result r;
	if (privacy_erase(app->ctx, id, 0, &r, &err) < 0)
		return cli_report(&err);
	printf(_("Erased the name and contact details of participant no. %lld; their enrollments and attendance are kept for the reports.\n"),
		(long long)id);
	return compaction_verdict(&r);
}
