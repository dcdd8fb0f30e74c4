/* commands.c — the command table: dispatch, --help and `help COMMAND`. */
#include "cli.h"
#include "cmds.h"

#include <string.h>

#include "lmskurs/i18n.h"

/* Adding a command is one row here plus its handler in a cmd_*.c file. */
static const cli_command commands[] = {
	{"init", NULL, cmd_init, LK_OPEN_CREATE, "",
		N_("create the database; whoever runs this becomes its first coordinator")},
	{"backup", NULL, cmd_backup, LK_OPEN_EXISTING, "FILE",
		N_("copy the database to a new FILE while others keep working, and verify the copy")},
	{"check", NULL, cmd_check, LK_OPEN_EXISTING, "",
		N_("look for damage and broken rules in the database; exit status 1 if any")},
	{"demo", NULL, cmd_demo, LK_OPEN_CREATE, "[--years N] [--seed S]",
		N_("fill an empty database with an example centre of N years (default 2) to try things on")},
	{"user", "add", cmd_user_add, LK_OPEN_EXISTING, "LOGIN --role coordinator|user_rep|staff [--person ID]",
		N_("give a login access to the database with a role")},
	{"user", "list", cmd_user_list, LK_OPEN_EXISTING, "[--format text|tsv|csv]",
		N_("list the logins with access and their roles")},
	{"user", "set", cmd_user_set, LK_OPEN_EXISTING, "LOGIN --role coordinator|user_rep|staff [--inactive]",
		N_("change a login's role, or take its access away with --inactive")},
	{"person", "list", cmd_person_list, LK_OPEN_EXISTING,
		"[--kind professional|user_rep] [--search TEXT] [--format text|tsv|csv]",
		N_("list professionals and user representatives")},
	{"person", "add", cmd_person_add, LK_OPEN_EXISTING,
		"--name NAME --kind professional|user_rep [--profession P] [--organisation O] [--email E] [--phone P]",
		N_("add a professional or a user representative")},
	{"course", "list", cmd_course_list, LK_OPEN_EXISTING,
		"[--phase idea|planning|active|revision|retired] [--audience patients|relatives|both] [--search TEXT] [--format text|tsv|csv]",
		N_("list the courses with their phase, owner and next run")},
	{"course", "export", cmd_course_export, LK_OPEN_EXISTING, "COURSE -o FILE.ini",
		N_("write course number COURSE's concept (plan elements, session plan, checklists) as a template to share")},
	{"course", "import", cmd_course_import, LK_OPEN_EXISTING, "FILE.ini",
		N_("make a new course in phase idea from a course template, all or nothing")},
	{"run", "list", cmd_run_list, LK_OPEN_EXISTING,
		"[--year Y] [--course ID] [--phase PHASE] [--search TEXT] [--format text|tsv|csv]",
		N_("list the runs of the courses, newest first, with places taken and pairing")},
	{"run", "create", cmd_run_create, LK_OPEN_EXISTING,
		"COURSE --start DATE [--every WEEKS] [--time HH:MM] [--room ROOM] [--capacity N] [--title T] [--place P]",
		N_("make a run of course COURSE with its sessions laid out from the session plan; warns of public holidays")},
	{"session", "list", cmd_session_list, LK_OPEN_EXISTING, "RUN [--format text|tsv|csv]",
		N_("list the sessions of run number RUN with pairing and public holidays")},
	{"calendar", NULL, cmd_calendar, LK_OPEN_EXISTING, "(--run RUN | --person PERSON) -o FILE.ics",
		N_("write the sessions of a run, or a facilitator's sessions in all runs, as an iCalendar file")},
	{"report", "activity", cmd_report_activity, LK_OPEN_EXISTING,
		"--from DATE --to DATE [--format text|csv|pdf] [--excel] [-o FILE]",
		N_("the activity report of a period: courses, runs, sessions, teaching hours, participants, attendance, completion, facilitation; by audience, course and month (pdf needs -o)")},
	{"report", "registration", cmd_report_registration, LK_OPEN_EXISTING,
		"RUN [--format text|csv] [--excel] [-o FILE]",
		N_("the activity registration list of run RUN: each participant with the dates present, and whether the run meets the funding criteria, with the reasons")},
	{"report", "honorarium", cmd_report_honorarium, LK_OPEN_EXISTING,
		"--from DATE --to DATE [--format text|csv] [--excel] [-o FILE]",
		N_("the user representatives' honorarium of a period: each session and meeting with actual and paid time and the amount; CSV for payroll")},
	{"participants", "import", cmd_participants_import, LK_OPEN_EXISTING,
		"RUN FILE.csv [--dry-run] [--skip-bad] [--category patient|relative]",
		N_("enroll the people of a registration CSV in run RUN, all or nothing; shows a preview first")},
	{"participants", "export", cmd_participants_export, LK_OPEN_EXISTING, "RUN [--excel] [-o FILE]",
		N_("write run RUN's enrollments with contact details as CSV (coordinators only)")},
	{"attendance", "sheet", cmd_attendance_sheet, LK_OPEN_EXISTING,
		"(SESSION | --run RUN) -o FILE.pdf [--print]",
		N_("write the attendance sheet of a session, or of every session of a run, as an A4 PDF readable only by you; --print sends it to the printer with lp")},
	{"evaluation", "import", cmd_evaluation_import, LK_OPEN_EXISTING, "RUN FILE.csv [--dry-run] [--skip-bad]",
		N_("enter the evaluation forms of a survey's CSV export into run RUN, all or nothing; shows a preview first")},
	{"evaluation", "report", cmd_evaluation_report, LK_OPEN_EXISTING,
		"RUN (-o FILE.pdf | --format csv [-o FILE] [--excel])",
		N_("write run RUN's evaluation report as an A4 PDF, or its sums per question as CSV")},
	{"privacy", "purge", cmd_privacy_purge, LK_OPEN_EXISTING, "[--dry-run] [--format text|tsv|csv]",
		N_("remove the names and contact details of participants whose retention time has run out (by number, never by name); --dry-run only lists them")},
	{"privacy", "erase", cmd_privacy_erase, LK_OPEN_EXISTING, "PARTICIPANT",
		N_("remove one participant's name and contact details at their request; enrollments and attendance stay for the reports")},
	{"audit", NULL, cmd_audit, LK_OPEN_EXISTING,
		"[--from DATE] [--to DATE] [--participant ID] [--search TEXT] [--format text|tsv|csv] | --verify",
		N_("show the audit log, oldest first (coordinators; itself logged); --verify checks its hash chain")},
	{"restore", NULL, cmd_restore, LK_OPEN_EXISTING, "FILE",
		N_("replace the database with a backup after checking it; the previous one is kept beside it")},
	{"help", NULL, cmd_help, LK_OPEN_EXISTING, "[COMMAND]",
		N_("show this help, or the arguments of one command")},
};
enum { NCOMMANDS = sizeof commands / sizeof commands[0] };

/* What runs without a command: the screens, once they exist. */
static const cli_command screens = {"", NULL, cmd_screens, LK_OPEN_CREATE, "", ""};

static int name_width(const cli_command *c)
{
	return (int)(strlen(c->name) + (c->sub ? strlen(c->sub) + 1 : 0));
}

void cli_print_help(FILE *out)
{
	int w = 0;
	for (int i = 0; i < NCOMMANDS; i++)
		if (name_width(&commands[i]) > w)
			w = name_width(&commands[i]);
	fprintf(out, "%s lmskurs [--db PATH] [--config PATH] [--lang nb|en] [COMMAND ...]\n\n%s\n",
		_("Usage:"), _("Commands:"));
	for (const cli_command *c = commands; c < commands + NCOMMANDS; c++)
		fprintf(out, "  %s%s%-*s  %s\n", c->name, c->sub ? " " : "", w - (int)strlen(c->name) - !!c->sub,
			c->sub ? c->sub : "", _(c->help));
	fprintf(out, "\n%s\n", _("Options:"));
	fprintf(out, "  --db PATH      %s\n", _("use the database at PATH"));
	fprintf(out, "  --config PATH  %s\n", _("read settings from PATH"));
	fprintf(out, "  --lang nb|en   %s\n", _("language of messages: Norwegian bokmål or English"));
	fprintf(out, "  --help         %s\n", _("show this help"));
	fprintf(out, "  --version      %s\n", _("show the version"));
	fprintf(out, "\n%s\n", _("\"lmskurs help COMMAND\" shows the arguments of a command. Without a command, lmskurs opens its screens."));
}

void cli_print_usage(FILE *out, const cli_command *cmd)
{
	if (!cmd || !*cmd->name) {
		fprintf(out, "%s lmskurs [--db PATH] [--config PATH] [--lang nb|en] [COMMAND ...]\n", _("Usage:"));
		return;
	}
	fprintf(out, "%s lmskurs %s%s%s%s%s\n", _("Usage:"), cmd->name, cmd->sub ? " " : "",
		cmd->sub ? cmd->sub : "", *cmd->usage ? " " : "", cmd->usage);
}

static bool has_name(const char *name)
{
	for (int i = 0; i < NCOMMANDS; i++)
		if (strcmp(commands[i].name, name) == 0)
			return true;
	return false;
}

/* The entry for name [sub]: a one-word command ignores sub. */
static const cli_command *find(const char *name, const char *sub)
{
	for (const cli_command *c = commands; c < commands + NCOMMANDS; c++)
		if (strcmp(c->name, name) == 0 && (!c->sub || (sub && strcmp(c->sub, sub) == 0)))
			return c;
	return NULL;
}

/* Usage and help of every entry called name (all of "user ..."). */
static void print_group(FILE *out, const char *name)
{
	for (const cli_command *c = commands; c < commands + NCOMMANDS; c++)
		if (strcmp(c->name, name) == 0) {
			cli_print_usage(out, c);
			fprintf(out, "    %s\n", _(c->help));
		}
}

static int unknown(const char *name, const char *sub)
{
	if (!has_name(name))
		return cli_failf(_("Unknown command '%s'; \"lmskurs --help\" lists the commands."), name);
	if (sub)
		cli_failf(_("'%s' has no subcommand '%s'."), name, sub);
	else
		cli_failf(_("'%s' needs a subcommand."), name);
	print_group(stderr, name);
	return CLI_FAIL;
}

int cmd_help(cli_app *app, int argc, char **argv)
{
	if (argc < 2) {
		cli_print_help(stdout);
		return CLI_OK;
	}
	const cli_command *c = find(argv[1], argc > 2 ? argv[2] : NULL);
	if (!c && (!has_name(argv[1]) || argc > 2))
		return unknown(argv[1], argc > 2 ? argv[2] : NULL);
	if (c) {
		cli_print_usage(stdout, c);
		printf("    %s\n", _(c->help));
	} else {
		print_group(stdout, argv[1]);
	}
	return CLI_OK;
}

int cli_dispatch(cli_app *app, int n, char **words)
{
	if (n == 0) {
		app->cmd = &screens;
		return screens.run(app, 0, NULL);
	}
	const cli_command *c = find(words[0], n > 1 ? words[1] : NULL);
	if (!c)
		return unknown(words[0], n > 1 ? words[1] : NULL);
	app->cmd = c;
	int skip = c->sub ? 1 : 0;
	return c->run(app, n - skip, words + skip);
}
