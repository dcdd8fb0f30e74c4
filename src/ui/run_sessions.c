/*
 * run_sessions.c — a run's sessions as list rows (run_internal.h): the
 * page is streamed from session_list, then each row on it gets its
 * facilitators (session_facilitator_list) and conflicts
 * (conflict_for_session) in words, never by colour alone.
 */
#include "run_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/conflict.h"
#include "lmskurs/i18n.h"
#include "lmskurs/role.h"
#include "lmskurs/ui/runs.h"
#include "lmskurs/ui/uitext.h"

bool run_ui_may_edit(lk_ui *ui)
{
	lk_err err;
	if (role_require(ui->ctx, LK_PERM_EDIT_PLAN, &err) == 0)
		return true;
	ui_status_err(ui, &err);
	return false;
}

/* ---- a text built piece by piece ---- */

typedef struct text_buf {
	FILE *f;
	char *buf;
	size_t len;
	int pieces;
} text_buf;

static bool tb_open(text_buf *t)
{
	*t = (text_buf){0};
	t->f = open_memstream(&t->buf, &t->len);
	return t->f != NULL;
}

/* Appends s, after sep unless it is the first piece. */
static void tb_add(text_buf *t, const char *sep, const char *s)
{
	if (t->f && s && *s)
		fprintf(t->f, "%s%s", t->pieces++ ? sep : "", s);
}

/* The text (newly allocated; NULL when out of memory). */
static char *tb_close(text_buf *t)
{
	if (!t->f || fclose(t->f) != 0) {
		if (t->f)
			free(t->buf);
		return NULL;
	}
	return t->buf;
}

/* ---- one row ---- */

void run_session_row_free(void *row)
{
	run_session_row *r = row;
	if (!r)
		return;
	free(r->room);
	free(r->topic);
	free(r->notes);
	free(r->date);
	free(r->time);
	free(r->people);
	free(r->people_kinds);
	free(r->marks);
	free(r->conflicts);
	free(r->course);
	free(r->run);
	free(r);
}

struct people_acc {
	text_buf names, kinds;
};

static int add_person(void *arg, const lk_person *p)
{
	struct people_acc *a = arg;
	tb_add(&a->names, ", ", p->name);
	char *k = uitext_printf(_("%s (%s)"), p->name, person_kind_label(p->kind));
	tb_add(&a->kinds, ", ", k);
	free(k);
	return 0;
}

static int read_people(lk_ctx *ctx, run_session_row *r, lk_err *err)
{
	struct people_acc a;
	bool ok = tb_open(&a.names) & tb_open(&a.kinds);
	int rc = ok ? session_facilitator_list(ctx, r->id, add_person, &a, err) : -1;
	r->people = tb_close(&a.names);
	r->people_kinds = tb_close(&a.kinds);
	if (rc == 0 && (!r->people || !r->people_kinds))
		rc = lk_fail(err, LK_ENOMEM, _("Out of memory."));
	return rc;
}

/* "04.03.2027 10:00–12:00" of a conflicting session. */
static char *conflict_when(const lk_conflict_session *s)
{
	lk_datetime a, b;
	char day[11];
	if (datetime_parse(s->starts_at, &a, NULL) < 0 || datetime_parse(s->ends_at, &b, NULL) < 0)
		return uitext_printf("%s", s->starts_at);
	date_show(a.date, day);
	return uitext_printf("%s %02d:%02d–%02d:%02d", day, a.hour, a.minute, b.hour, b.minute);
}

struct conflict_acc {
	text_buf lines;
	bool room, person;
};

static int add_conflict(void *arg, const lk_conflict *c)
{
	struct conflict_acc *a = arg;
	char *when = conflict_when(&c->b);
	char *line = NULL;
	if (c->kind == LK_CONFLICT_ROOM) {
		a->room = true;
		line = uitext_printf(_("! room double booked: %s is also booked for %s, session %d, %s"),
			c->a.room, c->b.course_title, c->b.seq, when ? when : "");
	} else if (c->kind == LK_CONFLICT_FACILITATOR) {
		a->person = true;
		line = uitext_printf(_("! facilitator double booked: %s also leads %s, session %d, %s"),
			c->person_name ? c->person_name : "", c->b.course_title, c->b.seq, when ? when : "");
	}
	tb_add(&a->lines, "\n", line);
	free(line);
	free(when);
	return 0;
}

/* Conflicts of the row's session, after its public holiday (which comes
 * with the session itself) in words. */
static int read_conflicts(lk_ctx *ctx, run_session_row *r, const char *holiday, struct conflict_acc *a,
	lk_err *err)
{
	if (!tb_open(&a->lines))
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	char *hol = holiday ? uitext_printf(_("! public holiday: %s"), holiday) : NULL;
	tb_add(&a->lines, "\n", hol);
	free(hol);
	int rc = r->status == LK_SESSION_CANCELLED ? 0 : conflict_for_session(ctx, r->id, add_conflict, a, err);
	r->conflicts = tb_close(&a->lines);
	if (rc == 0 && !r->conflicts)
		rc = lk_fail(err, LK_ENOMEM, _("Out of memory."));
	return rc;
}

/* The status cell: "held" for a held session, the public holiday by its
 * name ("! Easter Monday": short, and beside the date it belongs to, so
 * it stays readable when the cell is cut), "F+B" or "! missing …", then
 * the markers of double bookings; a cancelled session says only that. */
static char *row_marks(run_session_row *r, const struct conflict_acc *a, const char *holiday)
{
	text_buf t;
	if (!tb_open(&t))
		return NULL;
	if (r->status != LK_SESSION_PLANNED)
		tb_add(&t, " · ", session_status_label(r->status));
	if (r->status == LK_SESSION_CANCELLED)
		return tb_close(&t);
	char *pair = r->paired ? strdup(r->pairing) : uitext_printf("! %s", r->pairing);
	char *hol = holiday ? uitext_printf("! %s", holiday) : NULL;
	char *room = a->room ? uitext_printf("! %s", conflict_kind_label(LK_CONFLICT_ROOM)) : NULL;
	char *person = a->person ? uitext_printf("! %s", conflict_kind_label(LK_CONFLICT_FACILITATOR)) : NULL;
	tb_add(&t, " · ", hol);
	tb_add(&t, " · ", pair);
	tb_add(&t, " · ", room);
	tb_add(&t, " · ", person);
	r->warn = !r->paired || hol || room || person;
	free(pair);
	free(hol);
	free(room);
	free(person);
	return tb_close(&t);
}

static run_session_row *row_from(const lk_session *s)
{
	run_session_row *r = calloc(1, sizeof *r);
	if (!r)
		return NULL;
	lk_pairing p = session_pairing(s);
	*r = (run_session_row){.id = s->id, .version = s->version, .run_id = s->run_id, .seq = s->seq,
		.starts_at = s->starts_at, .ends_at = s->ends_at, .status = s->status,
		.paired = p.has_professional && p.has_user_rep, .pairing = session_pairing_text(s)};
	char date[48];
	uitext_date(s->starts_at.date, date);
	snprintf(r->seq_text, sizeof r->seq_text, "%d", s->seq);
	r->room = strdup(s->room ? s->room : "");
	r->topic = strdup(s->topic ? s->topic : "");
	r->notes = strdup(s->notes ? s->notes : "");
	r->course = strdup(s->course_title ? s->course_title : "");
	r->run = strdup(s->run_title ? s->run_title : "");
	r->date = strdup(date);
	r->time = runs_time_text(s);
	if (r->room && r->topic && r->notes && r->course && r->run && r->date && r->time)
		return r;
	run_session_row_free(r);
	return NULL;
}

run_session_row *run_session_row_new(lk_ctx *ctx, const lk_session *s, lk_err *err)
{
	run_session_row *r = row_from(s);
	struct conflict_acc a = {0};
	const char *holiday = s->status == LK_SESSION_CANCELLED ? NULL : s->holiday;
	if (!r) {
		lk_fail(err, LK_ENOMEM, _("Out of memory."));
		return NULL;
	}
	if (read_people(ctx, r, err) < 0 || read_conflicts(ctx, r, holiday, &a, err) < 0 ||
	    !(r->marks = row_marks(r, &a, holiday))) {
		if (!r->marks && err->code == LK_OK)
			lk_fail(err, LK_ENOMEM, _("Out of memory."));
		run_session_row_free(r);
		return NULL;
	}
	return r;
}

char *run_session_detail(const run_session_row *r)
{
	text_buf t;
	if (!tb_open(&t))
		return NULL;
	char *head = uitext_printf(_("Session %d · %s · %s · %s"), r->seq, r->date, r->time,
		session_status_label(r->status));
	char *where = uitext_printf(_("Room: %s   Topic: %s"), *r->room ? r->room : _("(not set)"),
		*r->topic ? r->topic : _("(not set)"));
	char *who = uitext_printf(_("Facilitators: %s"), *r->people_kinds ? r->people_kinds : _("(nobody yet)"));
	char *marks = uitext_printf(_("Status and pairing: %s"), r->marks);
	char *notes = *r->notes ? uitext_printf(_("Notes: %s"), r->notes) : NULL;
	tb_add(&t, "\n", head);
	tb_add(&t, "\n", where);
	tb_add(&t, "\n", who);
	tb_add(&t, "\n", marks);
	tb_add(&t, "\n", r->conflicts);
	tb_add(&t, "\n", notes);
	free(head);
	free(where);
	free(who);
	free(marks);
	free(notes);
	return tb_close(&t);
}

/* ---- the list source: a run's sessions, one page at a time ---- */

struct page_acc {
	int64_t index, from, to; /* keep rows [from, to) */
	lk_session *kept;
	int n;
	lk_err *err;
	int rc;
};

static int count_one(void *arg, const lk_session *s)
{
	(void)s;
	(*(int64_t *)arg)++;
	return 0;
}

static int64_t sessions_count(lk_list *l, lk_err *err)
{
	const run_session_source *src = l->arg;
	int64_t n = 0;
	return session_list(src->ctx, src->run_id, count_one, &n, err) < 0 ? -1 : n;
}

static char *dup0(const char *s)
{
	return strdup(s ? s : "");
}

/* A copy that outlives the listing's callback. */
static int session_copy(lk_session *to, const lk_session *s)
{
	*to = *s;
	to->room = dup0(s->room);
	to->topic = dup0(s->topic);
	to->notes = dup0(s->notes);
	to->course_title = dup0(s->course_title);
	to->run_title = dup0(s->run_title);
	return to->room && to->topic && to->notes && to->course_title && to->run_title ? 0 : -1;
}

static int keep_one(void *arg, const lk_session *s)
{
	struct page_acc *a = arg;
	int64_t i = a->index++;
	if (i < a->from)
		return 0;
	if (i >= a->to)
		return 1;
	if (session_copy(&a->kept[a->n++], s) < 0)
		a->rc = lk_fail(a->err, LK_ENOMEM, _("Out of memory."));
	return a->rc < 0;
}

static int sessions_fetch(lk_list *l, lk_page page, lk_err *err)
{
	const run_session_source *src = l->arg;
	struct page_acc a = {.from = page.offset, .to = page.offset + page.limit, .err = err};
	a.kept = calloc((size_t)(page.limit > 0 ? page.limit : 1), sizeof *a.kept);
	if (!a.kept)
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	int rc = session_list(src->ctx, src->run_id, keep_one, &a, err) < 0 ? -1 : a.rc;
	for (int i = 0; i < a.n; i++) {
		run_session_row *r = rc < 0 ? NULL : run_session_row_new(src->ctx, &a.kept[i], err);
		if (rc == 0 && (!r || list_add_row(l, r, err) < 0))
			rc = -1;
		session_free(&a.kept[i]);
	}
	free(a.kept);
	return rc;
}

static int64_t sessions_row_id(const void *row)
{
	return ((const run_session_row *)row)->id;
}

static lk_style sessions_cells(const void *row, const char **cells)
{
	const run_session_row *r = row;
	cells[0] = r->seq_text;
	cells[1] = r->date;
	cells[2] = r->time;
	cells[3] = r->marks;
	cells[4] = *r->people ? r->people : _("(nobody yet)");
	cells[5] = r->room;
	cells[6] = r->topic;
	if (r->status == LK_SESSION_CANCELLED)
		return LK_STYLE_DIM;
	return r->warn ? LK_STYLE_WARNING : LK_STYLE_NORMAL;
}

/* What matters most comes first. The list sizes columns by the page
 * shown: Status takes only what its cells need ("F+B" is short), up to 29
 * columns before the others get theirs, so "! missing user
 * representative" is read whole at 100 columns; facilitators, room and
 * topic share the rest and give way on a narrow terminal (the selected
 * session is shown whole below the list). */
static const lk_column sessions_cols[] = {
	{N_("No."), 3, 0},
	{N_("Date"), 21, 0},
	{N_("Time"), 11, 0},
	{N_("Status"), 29, 2},
	{N_("Facilitators"), 12, 3},
	{N_("Room"), 5, 2},
	{N_("Topic"), 5, 1},
};

const lk_list_ops run_sessions_list_ops = {
	.cols = sessions_cols, .ncols = 7,
	.count = sessions_count, .fetch = sessions_fetch, .row_free = run_session_row_free,
	.row_id = sessions_row_id, .row_cells = sessions_cells,
	.empty_text = N_("No sessions yet: s lays them out from the course's session plan."),
};
