/*
 * import_preview.c — importing a CSV file into a run from the screens.
 *
 *   import_form_view: the file (a one-line path; ~/ is the home folder)
 *       and a category for rows without one ──Ctrl-S──▶
 *   import_preview_make: io reads the file (import.h: encoding, separator,
 *       columns), core runs enroll_import as a dry run (everything done,
 *       then rolled back) ──▶ lk_import_preview
 *   import_preview_view: the counts, "converted from Windows-1252" when so,
 *       every bad row with its line and why, second sign-ups
 *       ──Enter──▶ import_preview_accept: the same file again, for real,
 *           in one transaction, bad rows left out; each row must come out
 *           as previewed, else nothing is written and the preview is made
 *           again
 *       ──Esc──▶ nothing written
 */
#include "lmskurs/ui/participants.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/i18n.h"
#include "lmskurs/import.h"
#include "lmskurs/role.h"
#include "lmskurs/run.h"
#include "lmskurs/ui/dialog.h"
#include "lmskurs/ui/form.h"
#include "lmskurs/ui/uitext.h"

/* ---- reading the file through the core ---- */

void import_preview_free(lk_import_preview *p)
{
	if (!p)
		return;
	for (int i = 0; i < p->n; i++)
		free(p->rows[i].why);
	free(p->rows);
	free(p->results);
	free(p->path);
	memset(p, 0, sizeof *p);
}

/* The outcome as compared: a bad row's status means nothing. */
static lk_preview_outcome outcome_of(const lk_import_outcome *o)
{
	lk_preview_outcome r = {o->result, o->status};
	if (o->result == LK_IMPORT_BAD)
		r.status = LK_ENR_CANCELLED;
	return r;
}

static int result_push(lk_import_preview *p, lk_preview_outcome r)
{
	if (p->nresults == p->results_cap) {
		int64_t cap = p->results_cap ? p->results_cap * 2 : 64;
		lk_preview_outcome *v = realloc(p->results, (size_t)cap * sizeof *v);
		if (!v)
			return -1;
		p->results = v;
		p->results_cap = cap;
	}
	p->results[p->nresults++] = r;
	return 0;
}

static int row_push(lk_import_preview *p, const lk_import_outcome *o)
{
	if (p->n == p->cap) {
		int cap = p->cap ? p->cap * 2 : 16;
		lk_preview_row *v = realloc(p->rows, (size_t)cap * sizeof *v);
		if (!v)
			return -1;
		p->rows = v;
		p->cap = cap;
	}
	char *why = o->result == LK_IMPORT_BAD ? strdup(o->why ? o->why : "") : NULL;
	if (o->result == LK_IMPORT_BAD && !why)
		return -1;
	p->rows[p->n++] = (lk_preview_row){o->line, o->result, why, o->same_as_line};
	return 0;
}

/* Long files: the caller is told every PROGRESS_ROWS rows. */
enum { PROGRESS_ROWS = 200 };

typedef struct progress {
	lk_import_progress fn; /* may be NULL */
	void *arg;
} progress;

static void progress_tick(const progress *pr, int64_t rows)
{
	if (pr->fn && rows % PROGRESS_ROWS == 0)
		pr->fn(pr->arg, rows);
}

struct preview_walk {
	lk_import_preview *p;
	progress pr;
};

/* Each row of the dry run: its result kept, bad and repeated rows named. */
static int preview_one(void *arg, const lk_import_outcome *o)
{
	struct preview_walk *pw = arg;
	lk_import_preview *p = pw->p;
	progress_tick(&pw->pr, p->nresults + 1);
	if (result_push(p, outcome_of(o)) < 0)
		return 1;
	if (o->result != LK_IMPORT_BAD && o->result != LK_IMPORT_ALREADY)
		return 0;
	return row_push(p, o) < 0;
}

/* Opens path for import_file_open; LK_EIO naming it when it cannot. */
static FILE *open_file(const char *path, lk_err *err)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		lk_fail(err, LK_EIO, _("File: cannot read %s: %s"), path, strerror(errno));
	return f;
}

typedef int (*import_each)(void *, const lk_import_outcome *);

struct accept_walk {
	const lk_import_preview *p;
	progress pr;
	int64_t i;       /* rows come out as previewed up to here */
	int64_t differs; /* the first line that came out otherwise, 0 if none */
};

/* The rows of the file; when accepting, a file that ends before the
 * preview's last row stops the import (nothing written). */
struct import_src {
	lk_import_file *in;
	const struct accept_walk *w; /* NULL for the preview */
};

static int src_next(void *arg, lk_import_row *row, lk_err *err)
{
	struct import_src *src = arg;
	int got = import_file_next(src->in, row, err);
	if (got == 0 && src->w && src->w->i < src->w->p->nresults)
		return lk_fail(err, LK_ECONFLICT, "%s", _("The file has fewer rows than when it was previewed; nothing was written. Look at the new preview."));
	return got;
}

/* Runs enroll_import over path with opts; the file's own refusals are
 * said as about the File field. */
static int import_path(lk_ctx *ctx, int64_t run_id, const char *path, const lk_category *cat,
	const lk_import_opts *opts, import_each each, struct accept_walk *w, void *arg,
	lk_import_summary *sum, bool *converted, lk_err *err)
{
	struct import_src src = {NULL, w};
	FILE *f = open_file(path, err);
	if (!f)
		return -1;
	int rc = import_file_open(f, cat, &src.in, err);
	if (rc < 0)
		lk_err_prefix(err, "%s", _("File"));
	if (rc == 0 && converted)
		*converted = import_file_converted(src.in);
	if (rc == 0)
		rc = enroll_import(ctx, run_id, src_next, &src, opts, each, arg, sum, err);
	import_file_free(src.in);
	fclose(f);
	return rc;
}

int import_preview_make(lk_ctx *ctx, int64_t run_id, const char *path,
	const lk_category *default_category, lk_import_progress progress_fn, void *progress_arg,
	lk_import_preview *out, lk_err *err)
{
	struct preview_walk pw = {out, {progress_fn, progress_arg}};
	memset(out, 0, sizeof *out);
	out->run_id = run_id;
	out->has_category = default_category != NULL;
	out->default_category = default_category ? *default_category : LK_CAT_PATIENT;
	if (!(out->path = strdup(path)))
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	lk_import_opts o = {.dry_run = true, .skip_bad = true};
	int rc = import_path(ctx, run_id, path, default_category, &o, preview_one, NULL, &pw, &out->sum,
		&out->converted, err);
	if (rc < 0 && out->sum.rows > 0 && out->nresults < out->sum.rows)
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	return rc;
}

static int accept_one(void *arg, const lk_import_outcome *o)
{
	struct accept_walk *w = arg;
	progress_tick(&w->pr, w->i + 1);
	lk_preview_outcome now = outcome_of(o);
	const lk_preview_outcome *then = w->i < w->p->nresults ? &w->p->results[w->i] : NULL;
	if (then && then->result == now.result && then->status == now.status) {
		w->i++;
		return 0;
	}
	w->differs = o->line;
	return 1;
}

int import_preview_accept(lk_ctx *ctx, const lk_import_preview *p, lk_import_progress progress_fn,
	void *progress_arg, lk_import_summary *sum, lk_err *err)
{
	struct accept_walk w = {p, {progress_fn, progress_arg}, 0, 0};
	lk_import_opts o = {.dry_run = false, .skip_bad = true};
	const lk_category *cat = p->has_category ? &p->default_category : NULL;
	int rc = import_path(ctx, p->run_id, p->path, cat, &o, accept_one, &w, &w, sum, NULL, err);
	if (rc < 0 && w.differs)
		return lk_fail(err, LK_ECONFLICT, _("Line %lld comes out otherwise than in the preview: the file or the run changed meanwhile. Nothing was written; look at the new preview."),
			(long long)w.differs);
	return rc;
}

/* ---- progress over the screen (only once curses is running) ---- */

static void import_progress(void *arg, int64_t rows)
{
	lk_ui *ui = arg;
	if (ui->rows <= 0)
		return; /* no terminal: tests */
	ui_draw(ui);
	if (!ui->too_small) {
		char *t = uitext_printf(_("Reading the file: row %lld …"), (long long)rows);
		int w = uitext_width(t) + 4;
		w = w > ui->cols - 2 ? ui->cols - 2 : w;
		lk_rect box = {ui->rows / 2 - 2, (ui->cols - w) / 2, 3, w};
		screen_box(ui, box, _("Import"));
		screen_text(ui, box.y + 1, box.x + 2, box.w - 4, t ? t : "", LK_STYLE_NORMAL);
		screen_cursor(ui, box.y + 1, box.x + 2);
		free(t);
	}
	ui_refresh(ui);
}

/* ---- the file form ---- */

enum { F_FILE, F_CATEGORY };

typedef struct if_state {
	lk_form form;
	int64_t run_id;
	char *title, *intro;
	const char *cats[3];
} if_state;

static int if_open(lk_view *v, const void *arg, lk_err *err)
{
	if_state *s = v->state;
	lk_run r = {0};
	s->run_id = *(const int64_t *)arg;
	if (role_require(v->ui->ctx, LK_PERM_EDIT_PARTICIPANTS, err) < 0 ||
	    run_get(v->ui->ctx, s->run_id, &r, err) < 0) {
		run_free(&r);
		return -1;
	}
	char *name = enroll_run_name(r.course_title, r.title);
	run_free(&r);
	s->title = name ? uitext_printf(_("Import participants into %s"), name) : NULL;
	free(name);
	s->intro = strdup(_("A CSV file from a registration form or a spreadsheet: ; or , between the columns, UTF-8 or Windows-1252 as Excel saves it, column names in Norwegian or English (name, e-mail, phone, category …). Nothing is written until you have seen the preview and accepted it."));
	s->cats[0] = _("none: such rows cannot be imported");
	s->cats[1] = enroll_category_label(LK_CAT_PATIENT);
	s->cats[2] = enroll_category_label(LK_CAT_RELATIVE);
	form_init(&s->form);
	if (!s->title || !s->intro || form_add_text(&s->form, LK_FIELD_TEXT, _("File"), true, NULL) != F_FILE ||
	    form_add_choice(&s->form, _("Category for rows without one"), s->cats, 3, 0) != F_CATEGORY)
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	return 0;
}

static void if_done(lk_view *v)
{
	if_state *s = v->state;
	form_free(&s->form);
	free(s->title);
	free(s->intro);
}

static char *if_title(lk_view *v)
{
	if_state *s = v->state;
	return strdup(s->title ? s->title : "");
}

/* The typed path: trimmed, quotes people paste around it taken off, a
 * leading ~/ as the home folder. Newly allocated. */
static char *path_expand(const char *typed)
{
	size_t n = strlen(typed);
	while (n && (typed[0] == ' ' || typed[0] == '\t'))
		typed++, n--;
	while (n && (typed[n - 1] == ' ' || typed[n - 1] == '\t'))
		n--;
	if (n >= 2 && (typed[0] == '\'' || typed[0] == '"') && typed[n - 1] == typed[0])
		typed++, n -= 2;
	const char *home = getenv("HOME");
	if (n >= 2 && typed[0] == '~' && typed[1] == '/' && home)
		return uitext_printf("%s%.*s", home, (int)n - 1, typed + 1);
	return uitext_printf("%.*s", (int)n, typed);
}

static void if_save(lk_view *v)
{
	if_state *s = v->state;
	lk_ui *ui = v->ui;
	lk_err err;
	form_clear_errors(&s->form);
	char *path = path_expand(form_text(&s->form, F_FILE));
	int c = form_choice(&s->form, F_CATEGORY);
	lk_category cat = c == 2 ? LK_CAT_RELATIVE : LK_CAT_PATIENT;
	lk_import_preview *p = calloc(1, sizeof *p);
	int rc = !path || !p ? lk_fail(&err, LK_ENOMEM, _("Out of memory."))
		: !*path ? lk_fail(&err, LK_EINVAL, "%s", _("File: type the path of the CSV file."))
		: import_preview_make(ui->ctx, s->run_id, path, c ? &cat : NULL, import_progress, ui, p, &err);
	free(path);
	if (rc < 0) {
		import_preview_free(p);
		free(p);
		form_set_error(&s->form, &err);
		ui_status_err(ui, &err);
		return;
	}
	ui_pop(ui);
	ui_push(ui, &import_preview_view, p, NULL);
}

static bool if_request(lk_view *v, lk_action a)
{
	if_state *s = v->state;
	if (a == LK_ACT_SAVE) {
		if_save(v);
	} else if (a == LK_ACT_CANCEL) {
		ui_status(v->ui, LK_STYLE_NORMAL, "%s", _("Nothing was imported."));
		ui_pop(v->ui);
	} else {
		return form_request(&s->form, v->ui, a);
	}
	return true;
}

static bool if_input(lk_view *v, lk_key key)
{
	return form_input(&((if_state *)v->state)->form, key);
}

static void if_draw(lk_view *v, lk_rect r)
{
	if_state *s = v->state;
	lk_rect in = {r.y + 1, r.x + 1, r.h - 1, r.w - 2};
	int n = screen_wrap(v->ui, (lk_rect){in.y, in.x, in.h / 3, in.w}, s->intro, LK_STYLE_DIM);
	n = n > in.h / 3 ? in.h / 3 : n;
	form_draw(&s->form, v->ui, (lk_rect){in.y + n + 1, in.x, in.h - n - 1, in.w});
}

const lk_view_ops import_form_view = {
	.name = "import-form",
	.label = N_("Import a file"),
	.state_size = sizeof(if_state),
	.actions = form_actions,
	.hints = form_hints,
	.text_entry = true,
	.open = if_open,
	.done = if_done,
	.title = if_title,
	.draw = if_draw,
	.request = if_request,
	.input = if_input,
};

/* ---- the preview ---- */

typedef struct ip_state {
	lk_import_preview *p; /* owned */
	char *run_name;
	lk_list list;
} ip_state;

static int64_t ip_count(lk_list *l, lk_err *err)
{
	(void)err;
	return ((ip_state *)l->arg)->p->n;
}

typedef struct ip_row {
	int64_t line;
	bool bad;
	char *text;
} ip_row;

static void ip_row_free(void *row)
{
	free(((ip_row *)row)->text);
	free(row);
}

static int ip_fetch(lk_list *l, lk_page page, lk_err *err)
{
	const lk_import_preview *p = ((ip_state *)l->arg)->p;
	for (int64_t i = page.offset; i < p->n && i < page.offset + page.limit; i++) {
		ip_row *r = calloc(1, sizeof *r);
		char *t = r ? import_row_text(&p->rows[i]) : NULL;
		if (r && !(r->text = t ? uitext_printf("%s %s", p->rows[i].result == LK_IMPORT_BAD ? "!" : "=", t) : NULL)) {
			free(r);
			r = NULL;
		}
		free(t);
		if (!r)
			return lk_fail(err, LK_ENOMEM, _("Out of memory."));
		r->line = p->rows[i].line;
		r->bad = p->rows[i].result == LK_IMPORT_BAD;
		if (list_add_row(l, r, err) < 0)
			return -1;
	}
	return 0;
}

static int64_t ip_row_id(const void *row)
{
	return ((const ip_row *)row)->line;
}

static lk_style ip_cells(const void *row, const char **cells)
{
	const ip_row *r = row;
	cells[0] = r->text;
	return r->bad ? LK_STYLE_WARNING : LK_STYLE_DIM;
}

static const lk_column ip_cols[] = {
	{N_("Rows left out (!) or counted once (=)"), 20, 1},
};

static const lk_list_ops ip_ops = {
	.cols = ip_cols, .ncols = 1,
	.count = ip_count, .fetch = ip_fetch, .row_free = ip_row_free,
	.row_id = ip_row_id, .row_cells = ip_cells,
	.empty_text = N_("Every row can be imported."),
};

static int ip_open(lk_view *v, const void *arg, lk_err *err)
{
	ip_state *s = v->state;
	lk_run r = {0};
	s->p = (lk_import_preview *)arg;
	list_init(&s->list, &ip_ops, s);
	if (run_get(v->ui->ctx, s->p->run_id, &r, err) < 0) {
		run_free(&r);
		return -1;
	}
	s->run_name = enroll_run_name(r.course_title, r.title);
	run_free(&r);
	if (!s->run_name)
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	return list_reload(&s->list, err);
}

static void ip_done(lk_view *v)
{
	ip_state *s = v->state;
	list_fini(&s->list);
	import_preview_free(s->p);
	free(s->p);
	free(s->run_name);
}

static lk_list *ip_list(lk_view *v)
{
	return &((ip_state *)v->state)->list;
}

static char *ip_title(lk_view *v)
{
	ip_state *s = v->state;
	return uitext_printf(_("Preview of the import into %s"), s->run_name);
}

static bool nothing_to_import(const lk_import_summary *sum)
{
	return sum->bad + sum->already >= sum->rows;
}

/* The lines above the rows: newly allocated into lines, returns how many. */
static int ip_lines(const ip_state *s, char *lines[static 4], lk_style st[static 4])
{
	const lk_import_preview *p = s->p;
	int n = 0;
	st[n] = LK_STYLE_NORMAL;
	lines[n++] = uitext_printf(_("File: %s"), p->path);
	if (p->converted) {
		st[n] = LK_STYLE_WARNING;
		lines[n++] = strdup(_("! The file is not UTF-8: it was read as Windows-1252 (as Excel saves it) and converted. Check that the names look right."));
	}
	st[n] = LK_STYLE_NORMAL;
	lines[n++] = import_summary_text(&p->sum);
	st[n] = nothing_to_import(&p->sum) ? LK_STYLE_WARNING : LK_STYLE_DIM;
	lines[n++] = strdup(nothing_to_import(&p->sum)
		? _("! Nothing in this file can be imported. Esc goes back; nothing was written.")
		: _("Nothing is written yet. Enter imports the rows that can be imported, all at once; Esc goes back without writing."));
	return n;
}

static void ip_draw(lk_view *v, lk_rect r)
{
	ip_state *s = v->state;
	lk_rect in = {r.y + 1, r.x + 1, r.h - 1, r.w - 2};
	char *lines[4] = {0};
	lk_style st[4];
	int n = ip_lines(s, lines, st), y = 0;
	for (int i = 0; i < n; i++) {
		if (y < in.h - 3 && lines[i])
			y += screen_wrap(v->ui, (lk_rect){in.y + y, in.x, in.h - 3 - y, in.w}, lines[i], st[i]);
		free(lines[i]);
	}
	y = y < in.h - 3 ? y : in.h - 3;
	ui_draw_list(v->ui, &s->list, (lk_rect){in.y + y + 1, in.x, in.h - y - 1, in.w});
}

/* The counts first: the status line may be narrow (the title names the run). */
static void accepted_said(lk_ui *ui, const lk_import_summary *sum)
{
	ui_status(ui, LK_STYLE_OK, _("Imported: %lld new, %lld matched; %lld registered, %lld on the waitlist; %lld left out."),
		(long long)sum->created, (long long)sum->matched, (long long)sum->registered,
		(long long)sum->waitlisted, (long long)sum->bad);
}

/* The file or the run changed since the preview: preview again. */
static void ip_again(lk_view *v, const lk_err *why)
{
	ip_state *s = v->state;
	lk_import_preview *fresh = calloc(1, sizeof *fresh);
	const lk_import_preview *old = s->p;
	lk_err err;
	if (!fresh || import_preview_make(v->ui->ctx, old->run_id, old->path,
		              old->has_category ? &old->default_category : NULL, import_progress, v->ui, fresh, &err) < 0) {
		import_preview_free(fresh);
		free(fresh);
		dialog_error(v->ui, _("Not imported"), why->msg);
		return;
	}
	import_preview_free(s->p);
	free(s->p);
	s->p = fresh;
	if (list_reload(&s->list, &err) < 0)
		ui_status_err(v->ui, &err);
	else
		ui_status(v->ui, LK_STYLE_WARNING, "%s", why->msg);
}

static bool ip_confirm_bad(lk_ui *ui, const lk_import_summary *sum)
{
	if (sum->bad == 0)
		return true;
	char *q = uitext_printf(ngettext("%lld row cannot be imported and is left out (it is listed on the preview). Import the other rows?",
		"%lld rows cannot be imported and are left out (they are listed on the preview). Import the other rows?",
		(unsigned long)sum->bad), (long long)sum->bad);
	bool yes = q && dialog_confirm(ui, _("Import without the bad rows?"), q);
	free(q);
	return yes;
}

static void ip_accept(lk_view *v)
{
	ip_state *s = v->state;
	lk_ui *ui = v->ui;
	lk_import_summary sum;
	lk_err err;
	if (nothing_to_import(&s->p->sum)) {
		ui_status(ui, LK_STYLE_WARNING, "%s", _("Nothing in this file can be imported; nothing was written."));
		return;
	}
	if (!ip_confirm_bad(ui, &s->p->sum)) {
		ui_status(ui, LK_STYLE_NORMAL, "%s", _("Nothing was imported yet."));
		return;
	}
	if (import_preview_accept(ui->ctx, s->p, import_progress, ui, &sum, &err) == 0) {
		accepted_said(ui, &sum);
		ui_pop(ui);
	} else if (err.code == LK_ECONFLICT) {
		ip_again(v, &err);
	} else {
		dialog_error(ui, _("Not imported"), err.msg);
	}
}

static bool ip_request(lk_view *v, lk_action a)
{
	if (a == LK_ACT_ACCEPT) {
		ip_accept(v);
		return true;
	}
	if (a == LK_ACT_BACK) {
		ui_status(v->ui, LK_STYLE_NORMAL, "%s", _("Nothing was imported."));
		ui_pop(v->ui);
		return true;
	}
	return false;
}

static const lk_action ip_actions[] = {
	LK_ACT_MOVE_UP, LK_ACT_MOVE_DOWN, LK_ACT_PAGE_UP, LK_ACT_PAGE_DOWN,
	LK_ACT_MOVE_FIRST, LK_ACT_MOVE_LAST, LK_ACT_ACCEPT, LK_ACT_BACK, 0,
};
static const lk_action ip_hints[] = {LK_ACT_ACCEPT, LK_ACT_BACK, 0};

const lk_view_ops import_preview_view = {
	.name = "import-preview",
	.label = N_("Import preview"),
	.state_size = sizeof(ip_state),
	.actions = ip_actions,
	.hints = ip_hints,
	.open = ip_open,
	.done = ip_done,
	.title = ip_title,
	.list = ip_list,
	.draw = ip_draw,
	.request = ip_request,
};
