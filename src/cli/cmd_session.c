/* cmd_session.c — session list RUN: the meetings of one run, with who is
 * missing among the facilitators and which fall on a public holiday. */
#include "cmds.h"
#include "table.h"

#include "lmskurs/i18n.h"
#include "lmskurs/run.h"
#include "lmskurs/session.h"

enum { OPT_FORMAT = 1 };

static const struct option list_opts[] = {
	{"format", required_argument, NULL, OPT_FORMAT},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

static int take_opt(cli_app *app, void *state, int c)
{
	return cli_take_format(app, optarg, state);
}

static const cli_column text_cols[] = {
	{"seq", N_("No."), true},
	{"day", N_("Day"), false},
	{"date", N_("Date"), false},
	{"week", N_("Week"), false},
	{"time", N_("Time"), false},
	{"room", N_("Room"), false},
	{"topic", N_("Topic"), false},
	{"status", N_("Status"), false},
	{"pairing", N_("Pairing"), false},
	{"holiday", N_("Holiday"), false},
};

static const cli_column data_cols[] = {
	{"seq", "", false}, {"id", "", false}, {"starts_at", "", false}, {"ends_at", "", false},
	{"room", "", false}, {"topic", "", false}, {"status", "", false}, {"pairing", "", false},
	{"professionals", "", false}, {"user_reps", "", false}, {"holiday", "", false},
};

/* Stable code of the pairing state for scripts. */
static const char *pairing_code(const lk_session *s)
{
	lk_pairing p = session_pairing(s);
	if (p.has_professional && p.has_user_rep)
		return "paired";
	if (p.has_professional)
		return "missing_user_rep";
	return p.has_user_rep ? "missing_professional" : "missing_both";
}

/* For people: "F+B", or "! missing user representative"; nothing for a
 * cancelled session, which needs no one. */
static const char *pairing_shown(char buf[static 128], const lk_session *s)
{
	lk_pairing p = session_pairing(s);
	if (s->status == LK_SESSION_CANCELLED)
		snprintf(buf, 128, "%s", "");
	else
		snprintf(buf, 128, "%s%s", p.has_professional && p.has_user_rep ? "" : "! ",
			session_pairing_text(s));
	return buf;
}

static int text_row(cli_table *t, const lk_session *s)
{
	char seq[24], date[11], week[32], time[32], pair[128], hol[128] = "";
	snprintf(week, sizeof week, _("week %d"), date_iso_week(s->starts_at.date, NULL));
	snprintf(time, sizeof time, "%02d:%02d–%02d:%02d", s->starts_at.hour, s->starts_at.minute,
		s->ends_at.hour, s->ends_at.minute);
	if (s->holiday)
		snprintf(hol, sizeof hol, "! %s", s->holiday);
	const char *cells[] = {
		table_int(seq, s->seq), date_weekday_name(date_weekday(s->starts_at.date), true),
		table_date(date, s->starts_at.date, CLI_TEXT), week, time, s->room, s->topic,
		session_status_label(s->status), pairing_shown(pair, s), hol,
	};
	return table_row(t, cells);
}

static int data_row(cli_table *t, const lk_session *s)
{
	char seq[24], id[24], start[17], end[17], np[24], nu[24];
	datetime_iso(s->starts_at, start);
	datetime_iso(s->ends_at, end);
	const char *cells[] = {
		table_int(seq, s->seq), table_int(id, s->id), start, end, s->room, s->topic,
		session_status_code(s->status), pairing_code(s), table_int(np, s->n_professionals),
		table_int(nu, s->n_user_reps), s->holiday,
	};
	return table_row(t, cells);
}

static int session_row(void *arg, const lk_session *s)
{
	cli_table *t = arg;
	return (table_format(t) == CLI_TEXT ? text_row(t, s) : data_row(t, s)) != 0;
}

/* Says which run this is, for people; also refuses an unknown run. */
static int run_heading(cli_app *app, int64_t run_id, cli_format fmt)
{
	lk_run r;
	lk_err err;
	int rc = run_get(app->ctx, run_id, &r, &err);
	if (rc == 0 && fmt == CLI_TEXT)
		printf("%s%s%s\n\n", r.course_title ? r.course_title : "", r.title && *r.title ? " – " : "",
			r.title ? r.title : "");
	run_free(&r);
	return rc < 0 ? cli_report(&err) : CLI_OK;
}

static int list_sessions(cli_app *app, int64_t run_id, cli_format fmt)
{
	bool text = fmt == CLI_TEXT;
	cli_table *t = table_new(stdout, fmt, text ? text_cols : data_cols, text ? 10 : 11);
	if (!t)
		return cli_failf("%s", _("Out of memory."));
	lk_err err;
	int rc = session_list(app->ctx, run_id, session_row, t, &err) < 0 ? cli_report(&err) : CLI_OK;
	if (rc == CLI_OK && table_flush(t) < 0)
		rc = cli_failf("%s", _("Out of memory."));
	if (rc == CLI_OK && text && table_rows(t) == 0)
		printf("%s\n", _("This run has no sessions yet."));
	table_free(t);
	return rc;
}

int cmd_session_list(cli_app *app, int argc, char **argv)
{
	cli_format fmt = CLI_TEXT;
	char **rest;
	int64_t run_id;
	int n, rc = cli_parse_args(app, argc, argv, list_opts, take_opt, &fmt, 1, 1, &rest, &n);
	if (rc != CLI_OK)
		return rc == CLI_DONE ? CLI_OK : rc;
	if ((rc = cli_parse_id(app, "RUN", rest[0], &run_id)) != CLI_OK || (rc = cli_open(app)) != CLI_OK ||
	    (rc = run_heading(app, run_id, fmt)) != CLI_OK)
		return rc;
	return list_sessions(app, run_id, fmt);
}
