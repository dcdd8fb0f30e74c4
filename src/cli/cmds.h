/*
 * cmds.h — private to src/cli: the command handlers the table in
 * commands.c points at. Each takes the words after the command's name
 * (argv[0] is its last word) and returns the exit status (cli.h).
 */
#ifndef LMSKURS_CLI_CMDS_H
#define LMSKURS_CLI_CMDS_H

#include "cli.h"

/* commands.c */
int cmd_help(cli_app *app, int argc, char **argv);

/* cmd_db.c: the database as a whole */
int cmd_screens(cli_app *app, int argc, char **argv);
int cmd_init(cli_app *app, int argc, char **argv);
int cmd_backup(cli_app *app, int argc, char **argv);
int cmd_check(cli_app *app, int argc, char **argv);

/* cmd_demo.c */
int cmd_demo(cli_app *app, int argc, char **argv);

/* cmd_user.c */
int cmd_user_add(cli_app *app, int argc, char **argv);
int cmd_user_list(cli_app *app, int argc, char **argv);
int cmd_user_set(cli_app *app, int argc, char **argv);

/* cmd_person.c */
int cmd_person_add(cli_app *app, int argc, char **argv);
int cmd_person_list(cli_app *app, int argc, char **argv);

/* cmd_course.c, cmd_run.c, cmd_session.c */
int cmd_course_list(cli_app *app, int argc, char **argv);
int cmd_run_list(cli_app *app, int argc, char **argv);
int cmd_session_list(cli_app *app, int argc, char **argv);

/* cmd_template.c, cmd_run_create.c, cmd_calendar.c: templates, scripted
 * runs, calendars */
int cmd_course_export(cli_app *app, int argc, char **argv);
int cmd_course_import(cli_app *app, int argc, char **argv);
int cmd_run_create(cli_app *app, int argc, char **argv);
int cmd_calendar(cli_app *app, int argc, char **argv);

/* cmd_report.c: the activity report, registration lists, honorarium */
int cmd_report_activity(cli_app *app, int argc, char **argv);
int cmd_report_registration(cli_app *app, int argc, char **argv);
int cmd_report_honorarium(cli_app *app, int argc, char **argv);

/* cmd_participant.c: participants in and out of CSV files */
int cmd_participants_import(cli_app *app, int argc, char **argv);
int cmd_participants_export(cli_app *app, int argc, char **argv);

/* cmd_attendance.c: the printed attendance sheet */
int cmd_attendance_sheet(cli_app *app, int argc, char **argv);

/* cmd_privacy.c, cmd_audit.c, cmd_restore.c: privacy and the audit log */
int cmd_privacy_purge(cli_app *app, int argc, char **argv);
int cmd_privacy_erase(cli_app *app, int argc, char **argv);
int cmd_audit(cli_app *app, int argc, char **argv);
int cmd_restore(cli_app *app, int argc, char **argv);

/* cmd_evaluation.c: evaluation forms from a survey's CSV, the evaluation report */
int cmd_evaluation_import(cli_app *app, int argc, char **argv);
int cmd_evaluation_report(cli_app *app, int argc, char **argv);

#endif
