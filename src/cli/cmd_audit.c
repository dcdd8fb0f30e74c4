/* cmd_audit.c — audit [--from D] [--to D] [--participant ID] [--search TEXT]
 * [--format text|tsv|csv] | audit --verify: the audit log for coordinators
 * (core: auditlog.h).
 *
 * The entries come oldest first, as a log reads; each run is itself logged
 * as an export of the log. --verify walks the hash chain instead and
 * prints its newest hash, worth noting down elsewhere now and then: a
 * later `audit --verify` showing the chain intact but not passing through
 * that hash means the log was rewritten. Exit status 1 when the chain is
 * broken. */
#include "cmds.h"
#include "table.h"

#include <string.h>

#include "lmskurs/auditlog.h"
#include "lmskurs/i18n.h"
#include "lmskurs/role.h"
#include "lmskurs/text.h"

enum { OPT_FROM = 1, OPT_TO, OPT_PARTICIPANT, OPT_SEARCH, OPT_FORMAT, OPT_VERIFY };

static const struct option audit_opts[] = {
	{"from", required_argument, NULL, OPT_FROM},
	{"to", required_argument, NULL, OPT_TO},
	{"participant", required_argument, NULL, OPT_PARTICIPANT},
	{"search", required_argument, NULL, OPT_SEARCH},
	{"format", required_argument, NULL, OPT_FORMAT},
	{"verify", no_argument, NULL, OPT_VERIFY},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

struct audit_state {
	lk_audit_filter f;
	cli_format fmt;
	bool verify;
};

static int take_date(cli_app *app, const char *opt, const char *s, lk_date *out)
{
	lk_err err;
	if (date_parse(s, out, &err) == 0)
		return CLI_OK;
	return cli_usage_error(app, "%s: %s", opt, err.msg);
}

static int take_audit_opt(cli_app *app, void *state, int c)
{
	struct audit_state *st = state;
	lk_err err;
	switch (c) {
	case OPT_FROM: return take_date(app, "--from", optarg, &st->f.from);
	case OPT_TO: return take_date(app, "--to", optarg, &st->f.to);
	case OPT_PARTICIPANT: return cli_parse_id(app, "--participant", optarg, &st->f.participant_id);
	case OPT_SEARCH:
		st->f.text = optarg;
		if (text_check("--search", optarg, false, LK_NAME_MAX, false, &err) < 0)
			return cli_usage_error(app, "%s", err.msg);
		return CLI_OK;
	case OPT_VERIFY: st->verify = true; return CLI_OK;
	default: return cli_take_format(app, optarg, &st->fmt);
	}
}

static const cli_column text_cols[] = {
	{"id", N_("No."), true},
	{"at", N_("Time"), false},
	{"login", N_("Login"), false},
	{"role", N_("Role"), false},
	{"action", N_("Action"), false},
	{"entity", N_("Record"), false},
	{"detail", N_("Detail"), false},
};

/* tsv/csv keep every field apart, with the hash for anyone checking. */
static const cli_column data_cols[] = {
	{"id", "", true}, {"at", "", false}, {"login", "", false}, {"role", "", false},
	{"action", "", false}, {"entity", "", false}, {"entity_id", "", true},
	{"detail", "", false}, {"hash", "", false},
};

/* "04.03.2027 12:30:05" from the stored stamp. */
static void shown_time(const char *at, char buf[static 24])
{
	if (strlen(at) < 19) {
		snprintf(buf, 24, "%s", at);
		return;
	}
	snprintf(buf, 24, "%.2s.%.2s.%.4s %.8s", at + 8, at + 5, at, at + 11);
}

static int text_row(cli_table *t, const lk_audit_entry *e)
{
	char id[24], when[24], record[160];
	lk_role r;
	shown_time(e->at, when);
	if (e->entity_id)
		snprintf(record, sizeof record, "%s %lld", e->entity, (long long)e->entity_id);
	else
		snprintf(record, sizeof record, "%s", e->entity);
	const char *cells[] = {table_int(id, e->id), when, e->login,
		role_parse(e->role, &r) == 0 ? role_label(r) : e->role, e->action, record, e->detail};
	return table_row(t, cells);
}

static int data_row(cli_table *t, const lk_audit_entry *e)
{
	char id[24], eid[24];
	const char *cells[] = {table_int(id, e->id), e->at, e->login, e->role, e->action, e->entity,
		e->entity_id ? table_int(eid, e->entity_id) : "", e->detail, e->hash};
	return table_row(t, cells);
}

static int entry_row(void *arg, const lk_audit_entry *e)
{
	cli_table *t = arg;
	if ((table_format(t) == CLI_TEXT ? text_row(t, e) : data_row(t, e)) != 0)
		return 1;
	return table_rows(t) % CLI_PAGE == 0 && table_flush(t) < 0;
}

static int list_entries(cli_app *app, struct audit_state *st)
{
	bool text = st->fmt == CLI_TEXT;
	cli_table *t = table_new(stdout, st->fmt, text ? text_cols : data_cols, text ? 7 : 9);
	if (!t)
		return cli_failf("%s", _("Out of memory."));
	lk_err err;
	int64_t n = 0;
	st->f.oldest_first = true;
	int rc = auditlog_export(app->ctx, &st->f, entry_row, t, &n, &err);
	if (rc == 0 && table_flush(t) < 0)
		rc = lk_fail(&err, LK_ENOMEM, _("Out of memory."));
	table_free(t);
	if (rc < 0)
		return cli_report(&err);
	if (n == 0 && text)
		printf("%s\n", _("No entries found."));
	return CLI_OK;
}

static int verify(cli_app *app)
{
	lk_err err;
	lk_audit_verdict v;
	if (role_require(app->ctx, LK_PERM_READ_AUDIT, &err) < 0 || auditlog_verify(app->ctx, &v, &err) < 0)
		return cli_report(&err);
	if (v.state != LK_CHAIN_INTACT) {
		printf("%s\n", v.line);
		return CLI_PROBLEMS;
	}
	printf(ngettext("The audit log is intact: %lld entry in the chain", "The audit log is intact: %lld entries in the chain",
		(unsigned long)v.entries), (long long)v.entries);
	if (v.unchained > 0)
		printf(ngettext(" (and %lld older entry from before the chain, not covered)", " (and %lld older entries from before the chain, not covered)",
			(unsigned long)v.unchained), (long long)v.unchained);
	printf(".\n%s %s\n", _("Newest hash:"), v.head[0] ? v.head : "-");
	return CLI_OK;
}

int cmd_audit(cli_app *app, int argc, char **argv)
{
	struct audit_state st = {.fmt = CLI_TEXT};
	char **rest;
	int n, rc = cli_parse_args(app, argc, argv, audit_opts, take_audit_opt, &st, 0, 0, &rest, &n);
	if (rc != CLI_OK)
		return rc == CLI_DONE ? CLI_OK : rc;
	if (st.f.from.year && st.f.to.year && date_cmp(st.f.from, st.f.to) > 0)
		return cli_usage_error(app, "%s", _("--from must not be after --to."));
	if ((rc = cli_open(app)) != CLI_OK)
		return rc;
	return st.verify ? verify(app) : list_entries(app, &st);
}
