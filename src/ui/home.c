#include "lmskurs/ui/home.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/conflict.h"
#include "lmskurs/course.h"
#include "lmskurs/demo.h"
#include "lmskurs/i18n.h"
#include "lmskurs/participant.h"
#include "lmskurs/person.h"
#include "lmskurs/privacy.h"
#include "lmskurs/role.h"
#include "lmskurs/run.h"
#include "lmskurs/session.h"
#include "lmskurs/ui/audit.h"
#include "lmskurs/ui/courses.h"
#include "lmskurs/ui/dialog.h"
#include "lmskurs/ui/eval.h"
#include "lmskurs/ui/participants.h"
#include "lmskurs/ui/people.h"
#include "lmskurs/ui/reports.h"
#include "lmskurs/ui/runs.h"
#include "lmskurs/ui/uitext.h"

/* ---- sections ---- */

static const struct {
	const char *label;
	lk_perm perm;
} section_table[LK_HOME_SECTIONS] = {
	[LK_HOME_COURSES] = {N_("Courses"), LK_PERM_READ_PLAN},
	[LK_HOME_RUNS] = {N_("Runs"), LK_PERM_READ_PLAN},
	[LK_HOME_WEEK] = {N_("This week"), LK_PERM_READ_PLAN},
	[LK_HOME_PEOPLE] = {N_("People"), LK_PERM_READ_PLAN},
	[LK_HOME_PARTICIPANTS] = {N_("Participants"), LK_PERM_READ_PARTICIPANTS},
	[LK_HOME_EVALUATION] = {N_("Evaluation"), LK_PERM_ENTER_RESPONSES},
	[LK_HOME_REPORTS] = {N_("Reports"), LK_PERM_REPORTS},
	[LK_HOME_AUDIT] = {N_("Audit log"), LK_PERM_READ_AUDIT},
};

const char *home_section_label(lk_home_section s)
{
	return s < LK_HOME_SECTIONS ? _(section_table[s].label) : "";
}

int home_sections(lk_role role, lk_home_section out[static LK_HOME_SECTIONS])
{
	int n = 0;
	for (int s = 0; s < LK_HOME_SECTIONS; s++)
		if (role_allows(role, section_table[s].perm))
			out[n++] = (lk_home_section)s;
	return n;
}

/* The screen a section opens (arg NULL). */
static const lk_view_ops *section_view(lk_home_section s)
{
	static const lk_view_ops *const views[LK_HOME_SECTIONS] = {
		[LK_HOME_COURSES] = &courses_view,
		[LK_HOME_RUNS] = &runs_view,
		[LK_HOME_WEEK] = &week_view,
		[LK_HOME_PEOPLE] = &people_view,
		[LK_HOME_PARTICIPANTS] = &participants_view,
		[LK_HOME_EVALUATION] = &eval_runs_view,
		[LK_HOME_REPORTS] = &reports_view,
		[LK_HOME_AUDIT] = &audit_view,
	};
	return s < LK_HOME_SECTIONS ? views[s] : NULL;
}

/* ---- reading: warnings ---- */

/* One walk over the live runs gathers the unpaired warnings (kept in
 * h->warnings), the gate warnings (kept aside until the conflicts are in,
 * so the kinds come in order) and the count of live runs. */
struct gather {
	lk_ctx *ctx;
	lk_home *h;
	lk_err *err;
	int failed;
	int64_t live_runs;
	int page_rows;     /* rows of the current run_list page */
	int n_unpaired;    /* while walking a run's unpaired sessions */
	lk_datetime first_unpaired;
	const char *first_missing;
	lk_home_warning gates[LK_HOME_WARNINGS_MAX];
	int n_gates;
};

/* Keeps a warning in list (n of at most LK_HOME_WARNINGS_MAX) or counts it
 * in h->more when full. Takes text (newly allocated; NULL when out of
 * memory fails). */
static int keep(struct gather *g, lk_home_warning *list, int *n, lk_home_warning w)
{
	if (!w.text) {
		g->failed = 1;
		return lk_fail(g->err, LK_ENOMEM, _("Out of memory."));
	}
	if (*n >= LK_HOME_WARNINGS_MAX) {
		free(w.text);
		g->h->more++;
		return 0;
	}
	list[(*n)++] = w;
	return 0;
}

static int add_warning(struct gather *g, lk_home_warning_kind kind, int64_t run_id, char *text)
{
	return keep(g, g->h->warnings, &g->h->n_warnings, (lk_home_warning){kind, run_id, text});
}

/* "Leve med diabetes, Våren 2027" (the course alone when the run has no
 * title); newly allocated. */
static char *run_name(const lk_run *r)
{
	if (!r->title || !*r->title)
		return strdup(r->course_title ? r->course_title : "");
	return uitext_printf("%s, %s", r->course_title ? r->course_title : "", r->title);
}

static int unpaired_session(void *arg, const lk_session *s)
{
	struct gather *g = arg;
	if (date_cmp(s->starts_at.date, g->h->today) < 0)
		return 0;
	if (g->n_unpaired++ == 0) {
		g->first_unpaired = s->starts_at;
		g->first_missing = session_pairing_text(s);
	}
	return 0;
}

static char *unpaired_text(const lk_run *r, int n, lk_datetime first, const char *missing)
{
	char day[48];
	uitext_date(first.date, day);
	char *name = run_name(r);
	char *t = name ? uitext_printf(ngettext("%d unpaired session on %s (%s): %s",
		"%d unpaired sessions from %s (the first: %s): %s", (unsigned long)n),
		n, day, missing, name) : NULL;
	free(name);
	return t;
}

static int unpaired_run(struct gather *g, const lk_run *r)
{
	if (r->n_unpaired == 0)
		return 0;
	g->n_unpaired = 0;
	if (run_unpaired(g->ctx, r->id, unpaired_session, g, g->err) < 0) {
		g->failed = 1;
		return -1;
	}
	if (g->n_unpaired == 0)
		return 0;
	return add_warning(g, LK_HOME_UNPAIRED, r->id,
		unpaired_text(r, g->n_unpaired, g->first_unpaired, g->first_missing));
}

/* Days from today to d (negative: past). */
static long days_from(const lk_home *h, lk_date d)
{
	return date_to_days(d) - date_to_days(h->today);
}

/* What a run's dates say about the gate it waits at; NULL when nothing. */
static const char *gate_msgid(const lk_home *h, const lk_run *r, lk_date *when)
{
	bool dated = r->first_date.year != 0;
	*when = r->phase == LK_RUN_SCHEDULING || r->phase == LK_RUN_REGISTRATION ? r->first_date : r->last_date;
	if (!dated)
		return NULL;
	switch (r->phase) {
	case LK_RUN_SCHEDULING:
		return days_from(h, r->first_date) <= 14 ? N_("Registration not open, the first session on %s: %s") : NULL;
	case LK_RUN_REGISTRATION:
		return days_from(h, r->first_date) < 0 ? N_("Still in registration, began on %s (move it to execution): %s") : NULL;
	case LK_RUN_EXECUTION:
		return days_from(h, r->last_date) < 0 ? N_("Every session over, the last on %s (move it to evaluation): %s") : NULL;
	case LK_RUN_EVALUATION:
		return days_from(h, r->last_date) < -42 ? N_("Evaluation not finished, the last session on %s (hold the evaluation meeting and close the run): %s") : NULL;
	default:
		return NULL;
	}
}

static int gate_run(struct gather *g, const lk_run *r)
{
	lk_date when;
	const char *msgid = gate_msgid(g->h, r, &when);
	if (!msgid)
		return 0;
	char day[48];
	uitext_date(when, day);
	char *name = run_name(r);
	char *t = name ? uitext_printf(_(msgid), day, name) : NULL;
	free(name);
	return keep(g, g->gates, &g->n_gates, (lk_home_warning){LK_HOME_GATE, r->id, t});
}

static int live_run(void *arg, const lk_run *r)
{
	struct gather *g = arg;
	g->live_runs++;
	g->page_rows++;
	return unpaired_run(g, r) < 0 || gate_run(g, r) < 0;
}

enum { RUN_PAGE = 100 };

/* Walks the runs of the live phases, a page at a time: one query per
 * phase and page. */
static int walk_live_runs(struct gather *g)
{
	static const lk_run_phase live[] = {LK_RUN_SCHEDULING, LK_RUN_REGISTRATION, LK_RUN_EXECUTION,
		LK_RUN_EVALUATION};
	for (size_t i = 0; i < sizeof live / sizeof live[0]; i++) {
		lk_run_filter f = {.phase = (int)live[i]};
		for (int64_t off = 0;; off += RUN_PAGE) {
			g->page_rows = 0;
			if (run_list(g->ctx, &f, (lk_page){off, RUN_PAGE}, live_run, g, g->err) < 0 || g->failed)
				return -1;
			if (g->page_rows < RUN_PAGE)
				break;
		}
	}
	return 0;
}

/* "Leve med kreft, session 2" for a conflict line; newly allocated. */
static char *conflict_session_name(const lk_conflict_session *s)
{
	return uitext_printf(_("%s (session %d)"), s->course_title, s->seq);
}

/* Date (with weekday and week) and time of a conflict session's start. */
static void conflict_when(const lk_conflict_session *s, char day[static 48], char time[static 6])
{
	lk_datetime t = {0};
	lk_err ignore;
	strcpy(day, "?");
	strcpy(time, "?");
	if (!s->starts_at || datetime_parse(s->starts_at, &t, &ignore) < 0)
		return;
	uitext_date(t.date, day);
	snprintf(time, 6, "%02d:%02d", t.hour, t.minute);
}

static char *conflict_text(const lk_conflict *c)
{
	char day[48], time[6];
	conflict_when(&c->a, day, time);
	char *a = conflict_session_name(&c->a);
	char *b = c->kind == LK_CONFLICT_HOLIDAY ? NULL : conflict_session_name(&c->b);
	char *t = NULL;
	if (a && c->kind == LK_CONFLICT_HOLIDAY)
		t = uitext_printf(_("Public holiday (%s) on %s: %s"), c->holiday ? c->holiday : "", day, a);
	else if (a && b && c->kind == LK_CONFLICT_ROOM)
		t = uitext_printf(_("Room %s double booked on %s %s: %s and %s"), c->a.room, day, time, a, b);
	else if (a && b)
		t = uitext_printf(_("%s booked twice on %s %s: %s and %s"),
			c->person_name ? c->person_name : "", day, time, a, b);
	free(a);
	free(b);
	return t;
}

static int conflict_warning(void *arg, const lk_conflict *c)
{
	static const lk_home_warning_kind kinds[LK_CONFLICT_KIND_COUNT] = {
		[LK_CONFLICT_ROOM] = LK_HOME_ROOM,
		[LK_CONFLICT_FACILITATOR] = LK_HOME_FACILITATOR,
		[LK_CONFLICT_HOLIDAY] = LK_HOME_HOLIDAY,
	};
	struct gather *g = arg;
	if (c->kind >= LK_CONFLICT_KIND_COUNT)
		return 0;
	return add_warning(g, kinds[c->kind], c->a.run_id, conflict_text(c)) < 0;
}

/* The gate warnings kept aside go last; the array is left empty. */
static void append_gates(struct gather *g)
{
	for (int i = 0; i < g->n_gates; i++)
		add_warning(g, g->gates[i].kind, g->gates[i].run_id, g->gates[i].text);
	g->n_gates = 0;
}

static void gates_free(struct gather *g)
{
	for (int i = 0; i < g->n_gates; i++)
		free(g->gates[i].text);
	g->n_gates = 0;
}

static int read_warnings(struct gather *g)
{
	g->h->warnings = calloc(LK_HOME_WARNINGS_MAX, sizeof *g->h->warnings);
	if (!g->h->warnings)
		return lk_fail(g->err, LK_ENOMEM, _("Out of memory."));
	if (walk_live_runs(g) < 0)
		return -1;
	g->h->count[LK_HOME_RUNS] = g->live_runs;
	char from[11];
	date_iso(g->h->today, from);
	lk_conflict_scope scope = {.run_id = 0, .from_iso = from};
	if (conflict_list(g->ctx, &scope, conflict_warning, g, g->err) < 0 || g->failed)
		return -1;
	append_gates(g);
	return 0;
}

/* ---- reading: counts ---- */

static int count_session(void *arg, const lk_session *s)
{
	if (s->status != LK_SESSION_CANCELLED)
		++*(int64_t *)arg;
	return 0;
}

static int read_counts(lk_ctx *ctx, lk_home *h, lk_err *err)
{
	lk_person_filter people = {.kind = -1, .include_inactive = true};
	lk_date sunday = date_add_days(h->week_start, 6);
	lk_run_filter evaluating = {.phase = LK_RUN_EVALUATION};
	h->count[LK_HOME_WEEK] = 0;
	if ((h->count[LK_HOME_COURSES] = course_count(ctx, NULL, err)) < 0 ||
	    (h->count[LK_HOME_PEOPLE] = person_count(ctx, &people, err)) < 0 ||
	    (h->count[LK_HOME_PARTICIPANTS] = participant_count(ctx, NULL, err)) < 0 ||
	    (h->count[LK_HOME_EVALUATION] = run_count(ctx, &evaluating, err)) < 0 ||
	    session_list_range(ctx, h->week_start, sunday, count_session, &h->count[LK_HOME_WEEK], err) < 0)
		return -1;
	if (role_allows(ctx->role, LK_PERM_READ_AUDIT) && role_allows(ctx->role, LK_PERM_EDIT_PARTICIPANTS) &&
	    (h->count[LK_HOME_AUDIT] = privacy_due_count(ctx, err)) < 0)
		return -1;
	h->empty = h->count[LK_HOME_COURSES] == 0 && h->count[LK_HOME_PEOPLE] == 0;
	return 0;
}

void home_free(lk_home *h)
{
	for (int i = 0; i < h->n_warnings; i++)
		free(h->warnings[i].text);
	free(h->warnings);
	memset(h, 0, sizeof *h);
}

int home_read(lk_ctx *ctx, lk_home *out, lk_err *err)
{
	memset(out, 0, sizeof *out);
	out->today = ctx_today(ctx);
	out->week_start = date_add_days(out->today, 1 - date_weekday(out->today));
	if (role_require(ctx, LK_PERM_READ_PLAN, err) < 0 || read_counts(ctx, out, err) < 0)
		return -1;
	struct gather *g = calloc(1, sizeof *g);
	if (!g)
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	*g = (struct gather){.ctx = ctx, .h = out, .err = err};
	int rc = read_warnings(g);
	gates_free(g);
	free(g);
	return rc;
}

/* ---- the view ---- */

typedef struct home_state {
	lk_home data;
	lk_home_section sec[LK_HOME_SECTIONS];
	int nsec;
	int cursor; /* 0..nsec-1 a section, then the warnings */
	int wtop;   /* first warning shown */
	int wrows;  /* warnings shown by the last draw: the page */
} home_state;

static int rows_total(const home_state *s)
{
	return s->nsec + s->data.n_warnings;
}

static void cursor_clamp(home_state *s)
{
	int n = rows_total(s);
	s->cursor = s->cursor >= n ? n - 1 : s->cursor;
	s->cursor = s->cursor < 0 ? 0 : s->cursor;
}

static int home_reload(lk_view *v, lk_err *err)
{
	home_state *s = v->state;
	lk_home fresh;
	if (home_read(v->ui->ctx, &fresh, err) < 0) {
		home_free(&fresh);
		return -1;
	}
	home_free(&s->data);
	s->data = fresh;
	cursor_clamp(s);
	return 0;
}

/* Where the cursor starts: People on an empty database (work starts
 * there), This week for staff, else the first section. */
static int first_cursor(const home_state *s, lk_role role)
{
	if (s->nsec == 0)
		return 0;
	lk_home_section want = s->data.empty ? LK_HOME_PEOPLE : role == LK_ROLE_STAFF ? LK_HOME_WEEK : s->sec[0];
	for (int i = 0; i < s->nsec; i++)
		if (s->sec[i] == want)
			return i;
	return 0;
}

static int home_open(lk_view *v, const void *arg, lk_err *err)
{
	(void)arg;
	home_state *s = v->state;
	if (!role_allows(v->ui->ctx->role, LK_PERM_EDIT_PLAN))
		v->ops = &home_view_readonly;
	s->nsec = home_sections(v->ui->ctx->role, s->sec);
	if (home_reload(v, err) < 0)
		return -1;
	s->cursor = first_cursor(s, v->ui->ctx->role);
	if (s->data.count[LK_HOME_AUDIT] > 0) /* the privacy reminder at start */
		ui_status(v->ui, LK_STYLE_WARNING, ngettext("%lld participant due for removal by the retention rule: lmskurs privacy purge",
			"%lld participants due for removal by the retention rule: lmskurs privacy purge",
			(unsigned long)s->data.count[LK_HOME_AUDIT]), (long long)s->data.count[LK_HOME_AUDIT]);
	return 0;
}

static void home_done(lk_view *v)
{
	home_free(&((home_state *)v->state)->data);
}

/* "Home · Sun 22.11.2026 wk 47", from the last read (never the clock
 * while the example data is being made). */
static char *home_title(lk_view *v)
{
	home_state *s = v->state;
	char day[48];
	uitext_date(s->data.today, day);
	return uitext_printf("%s · %s", _("Home"), day);
}

/* ---- drawing ---- */

static char *section_count(const home_state *s, lk_home_section id)
{
	int64_t n = s->data.count[id];
	unsigned long un = (unsigned long)n;
	int week = date_iso_week(s->data.today, NULL);
	switch (id) {
	case LK_HOME_COURSES: return uitext_printf(ngettext("%lld course", "%lld courses", un), (long long)n);
	case LK_HOME_RUNS: return uitext_printf(ngettext("%lld run not closed", "%lld runs not closed", un), (long long)n);
	case LK_HOME_WEEK: return uitext_printf(ngettext("%lld session in week %d", "%lld sessions in week %d", un), (long long)n, week);
	case LK_HOME_PARTICIPANTS: return uitext_printf(ngettext("%lld participant", "%lld participants", un), (long long)n);
	case LK_HOME_EVALUATION: return uitext_printf(ngettext("%lld run in evaluation", "%lld runs in evaluation", un), (long long)n);
	case LK_HOME_REPORTS: return uitext_printf("%s", _("activity, registration lists, honorarium"));
	case LK_HOME_AUDIT:
		if (n == 0)
			return uitext_printf("%s", _("who did what, when; nobody due for removal"));
		return uitext_printf(ngettext("! %lld participant due for removal: lmskurs privacy purge",
			"! %lld participants due for removal: lmskurs privacy purge", un), (long long)n);
	default: return uitext_printf(ngettext("%lld person", "%lld people", un), (long long)n);
	}
}

/* One row: the ">" marker, the selection style and the terminal cursor. */
static void draw_row(lk_ui *ui, lk_rect r, int y, bool sel, lk_style st)
{
	st = sel ? LK_STYLE_SELECTED : st;
	screen_fill(ui, y, r.x, r.w, st);
	screen_text(ui, y, r.x, 2, sel ? ">" : "", st);
	if (sel)
		screen_cursor(ui, y, r.x);
}

static int label_width(const home_state *s)
{
	int w = 12;
	for (int i = 0; i < s->nsec; i++) {
		int lw = uitext_width(home_section_label(s->sec[i])) + 2;
		w = lw > w ? lw : w;
	}
	return w;
}

static void draw_section(lk_view *v, lk_rect r, int y, int i, int lw)
{
	home_state *s = v->state;
	lk_home_section id = s->sec[i];
	bool sel = s->cursor == i;
	lk_style st = sel ? LK_STYLE_SELECTED : LK_STYLE_NORMAL;
	draw_row(v->ui, r, y, sel, st);
	screen_text(v->ui, y, r.x + 2, lw, home_section_label(id), st);
	char *count = section_count(s, id);
	screen_text(v->ui, y, r.x + 2 + lw, r.w - 2 - lw, count ? count : "", st);
	free(count);
}

/* Scrolls the warnings so the selected one shows in rows lines. */
static void warnings_scroll(home_state *s, int rows)
{
	int w = s->cursor - s->nsec;
	s->wrows = rows > 0 ? rows : 1;
	if (w >= 0 && w < s->wtop)
		s->wtop = w;
	if (w >= s->wtop + s->wrows)
		s->wtop = w - s->wrows + 1;
	if (s->wtop > s->data.n_warnings - s->wrows)
		s->wtop = s->data.n_warnings - s->wrows;
	s->wtop = s->wtop < 0 ? 0 : s->wtop;
}

static void draw_heading(lk_view *v, lk_rect r, int y)
{
	home_state *s = v->state;
	if (s->data.n_warnings == 0) {
		screen_text(v->ui, y, r.x + 2, r.w - 2, _("Nothing needs attention from today on."), LK_STYLE_OK);
		return;
	}
	int64_t n = s->data.n_warnings + s->data.more;
	char *h = uitext_printf(ngettext("Needs attention: %lld thing", "Needs attention: %lld things",
		(unsigned long)n), (long long)n);
	screen_text(v->ui, y, r.x + 2, r.w - 2, h ? h : "", LK_STYLE_NORMAL);
	free(h);
	if (s->data.n_warnings > s->wrows) {
		char pos[48];
		int w = s->cursor - s->nsec;
		snprintf(pos, sizeof pos, "%d/%d", w >= 0 ? w + 1 : 0, s->data.n_warnings);
		int pw = uitext_width(pos);
		screen_text(v->ui, y, r.x + r.w - pw, pw, pos, LK_STYLE_DIM);
	}
}

static void draw_warning(lk_view *v, lk_rect r, int y, int w)
{
	home_state *s = v->state;
	bool sel = s->cursor == s->nsec + w;
	lk_style st = sel ? LK_STYLE_SELECTED : LK_STYLE_WARNING;
	draw_row(v->ui, r, y, sel, LK_STYLE_WARNING);
	char *line = uitext_printf("! %s", s->data.warnings[w].text);
	screen_text(v->ui, y, r.x + 2, r.w - 2, line ? line : "", st);
	free(line);
}

/* Lines for the selected warning in full when its row cuts it (0 when it
 * fits or nothing is selected there): a blank line and up to 3 lines. */
static int detail_lines(const home_state *s, lk_rect r)
{
	int w = s->cursor - s->nsec;
	if (w < 0 || uitext_width(s->data.warnings[w].text) + 2 <= r.w - 2)
		return 0;
	int n = screen_wrap_lines(s->data.warnings[w].text, r.w - 2);
	n = 1 + (n > 3 ? 3 : n);
	return r.h - n >= 3 ? n : 0;
}

static void draw_detail(lk_view *v, lk_rect r, int lines)
{
	home_state *s = v->state;
	lk_rect d = {r.y + r.h - lines + 1, r.x + 2, lines - 1, r.w - 2};
	screen_wrap(v->ui, d, s->data.warnings[s->cursor - s->nsec].text, LK_STYLE_WARNING);
}

/* The warnings below the sections: a heading, then as many as fit (the
 * selected one kept in view), then how many were left out, and the
 * selected one in full when its row had to cut it. */
static void draw_warnings(lk_view *v, lk_rect r)
{
	home_state *s = v->state;
	int more_line = s->data.more > 0;
	if (r.h < 1)
		return;
	int detail = detail_lines(s, r);
	if (detail)
		draw_detail(v, r, detail);
	r.h -= detail;
	warnings_scroll(s, r.h - 1 - more_line);
	draw_heading(v, r, r.y);
	int y = r.y + 1;
	for (int w = s->wtop; w < s->data.n_warnings && y < r.y + r.h - more_line; w++)
		draw_warning(v, r, y++, w);
	if (more_line && y < r.y + r.h) {
		char *m = uitext_printf(_("… and %lld more; `lmskurs check` lists every problem."), (long long)s->data.more);
		screen_text(v->ui, y, r.x + 2, r.w - 2, m ? m : "", LK_STYLE_DIM);
		free(m);
	}
}

/* The welcome of an empty database: what lmskurs is, and how to begin
 * (what the role may do). Returns the lines used. */
static int draw_welcome(lk_view *v, lk_rect r)
{
	bool coordinator = role_allows(v->ui->ctx->role, LK_PERM_EDIT_PLAN);
	int n = screen_wrap(v->ui, r, _("Welcome to lmskurs: plan, run and evaluate group courses by the standard method, side by side with user representatives."), LK_STYLE_OK);
	lk_rect second = {r.y + n, r.x, r.h - n, r.w};
	n += screen_wrap(v->ui, second, coordinator
		? _("Begin with c to create the first course, or d to load example data and look around. Enter opens the selected section, ? shows all keys, q quits.")
		: _("A coordinator adds the courses and people first. Enter opens the selected section, ? shows all keys, q quits."), LK_STYLE_NORMAL);
	return n + 1;
}

static void home_draw(lk_view *v, lk_rect r)
{
	home_state *s = v->state;
	lk_rect in = {r.y + 1, r.x + 1, r.h - 1, r.w - 2};
	if (s->data.empty) {
		int n = draw_welcome(v, (lk_rect){in.y, in.x + 1, in.h, in.w - 1});
		in.y += n;
		in.h -= n;
	}
	int lw = label_width(s);
	for (int i = 0; i < s->nsec && i < in.h; i++)
		draw_section(v, in, in.y + i, i, lw);
	int used = s->nsec + 1;
	draw_warnings(v, (lk_rect){in.y + used, in.x, in.h - used, in.w});
}

/* ---- keys ---- */

static void move_cursor(home_state *s, int delta)
{
	s->cursor += delta;
	cursor_clamp(s);
}

static bool home_move(home_state *s, lk_action a)
{
	switch (a) {
	case LK_ACT_MOVE_UP: move_cursor(s, -1); return true;
	case LK_ACT_MOVE_DOWN: move_cursor(s, 1); return true;
	case LK_ACT_PAGE_UP: move_cursor(s, -(s->wrows > 0 ? s->wrows : 1)); return true;
	case LK_ACT_PAGE_DOWN: move_cursor(s, s->wrows > 0 ? s->wrows : 1); return true;
	case LK_ACT_MOVE_FIRST: s->cursor = 0; return true;
	case LK_ACT_MOVE_LAST: s->cursor = rows_total(s) - 1; cursor_clamp(s); return true;
	default: return false;
	}
}

static void home_open_row(lk_view *v)
{
	home_state *s = v->state;
	if (s->cursor < s->nsec) {
		ui_push(v->ui, section_view(s->sec[s->cursor]), NULL, NULL);
		return;
	}
	int64_t run_id = s->data.warnings[s->cursor - s->nsec].run_id;
	ui_push(v->ui, &run_view, &run_id, NULL);
}

/* c: the Courses screen with the form for a new course over it, so Esc
 * from the form lands in the catalogue. */
static void home_new_course(lk_view *v)
{
	lk_err err;
	if (role_require(v->ui->ctx, LK_PERM_EDIT_PLAN, &err) < 0) {
		ui_status_err(v->ui, &err);
		return;
	}
	if (ui_push(v->ui, &courses_view, NULL, NULL) == 0)
		ui_push(v->ui, &course_form_view, NULL, NULL);
}

/* Draws "working" over the screen while the example data is made. */
static void demo_progress(void *arg, int done, int total)
{
	lk_ui *ui = arg;
	ui_draw(ui);
	if (ui->too_small) {
		ui_refresh(ui);
		return;
	}
	char *t = uitext_printf(_("Making example data: run %d of %d …"), done, total);
	int w = uitext_width(t) + 4;
	w = w > ui->cols - 2 ? ui->cols - 2 : w;
	lk_rect box = {ui->rows / 2 - 2, (ui->cols - w) / 2, 3, w};
	screen_box(ui, box, _("Example data"));
	screen_text(ui, box.y + 1, box.x + 2, box.w - 4, t ? t : "", LK_STYLE_NORMAL);
	free(t);
	screen_cursor(ui, box.y + 1, box.x + 2);
	ui_refresh(ui);
}

static void demo_done(lk_ui *ui, const lk_demo_stats *st)
{
	ui_status(ui, LK_STYLE_OK, _("Example data loaded: %d courses, %d people, %d runs, %d sessions."),
		st->courses, st->people, st->runs, st->sessions);
}

/* d: example data (demo_fill, 2 years, seed 1) into an empty database,
 * after asking. The core refuses roles and databases it must not fill. */
static void home_example_data(lk_view *v)
{
	home_state *s = v->state;
	lk_ui *ui = v->ui;
	lk_err err;
	if (!s->data.empty) {
		ui_status(ui, LK_STYLE_WARNING, "%s", _("Example data goes only into an empty database; this one has courses or people already."));
		return;
	}
	if (role_require(ui->ctx, LK_PERM_EDIT_PLAN, &err) < 0) {
		ui_status_err(ui, &err);
		return;
	}
	if (!dialog_confirm(ui, _("Example data"), _("Fill this database with an example centre: courses, people and two years of runs, all made up? It is for looking around; real work is best begun in an empty database."))) {
		ui_status(ui, LK_STYLE_NORMAL, "%s", _("Nothing was loaded."));
		return;
	}
	lk_demo_opts o = {.years = 2, .seed = 1, .progress = demo_progress, .arg = ui};
	lk_demo_stats st;
	demo_progress(ui, 0, 1);
	if (demo_fill(ui->ctx, &o, &st, &err) < 0)
		dialog_error(ui, _("No example data"), err.msg);
	else
		demo_done(ui, &st);
	if (home_reload(v, &err) < 0)
		ui_status_err(ui, &err);
	s->cursor = first_cursor(s, ui->ctx->role);
}

static bool home_request(lk_view *v, lk_action a)
{
	home_state *s = v->state;
	if (home_move(s, a))
		return true;
	switch (a) {
	case LK_ACT_LEAVE: v->ui->quit = true; return true;
	case LK_ACT_OPEN: home_open_row(v); return true;
	case LK_ACT_NEW_COURSE: home_new_course(v); return true;
	case LK_ACT_EXAMPLE_DATA: home_example_data(v); return true;
	default: return false;
	}
}

static const lk_action home_actions[] = {
	LK_ACT_MOVE_UP, LK_ACT_MOVE_DOWN, LK_ACT_PAGE_UP, LK_ACT_PAGE_DOWN,
	LK_ACT_MOVE_FIRST, LK_ACT_MOVE_LAST, LK_ACT_OPEN, LK_ACT_LEAVE,
	LK_ACT_NEW_COURSE, LK_ACT_EXAMPLE_DATA, 0,
};

static const lk_action home_readonly_actions[] = {
	LK_ACT_MOVE_UP, LK_ACT_MOVE_DOWN, LK_ACT_PAGE_UP, LK_ACT_PAGE_DOWN,
	LK_ACT_MOVE_FIRST, LK_ACT_MOVE_LAST, LK_ACT_OPEN, LK_ACT_LEAVE, 0,
};

static const lk_action home_hints[] = {LK_ACT_OPEN, LK_ACT_LEAVE, 0};

#define HOME_OPS(acts) \
	.name = "home", \
	.label = N_("Home"), \
	.state_size = sizeof(home_state), \
	.actions = acts, \
	.hints = home_hints, \
	.open = home_open, \
	.done = home_done, \
	.title = home_title, \
	.reload = home_reload, \
	.draw = home_draw, \
	.request = home_request

const lk_view_ops home_view = {HOME_OPS(home_actions)};
const lk_view_ops home_view_readonly = {HOME_OPS(home_readonly_actions)};
