/*
 * questionnaire_form.c — the forms of the questionnaire screens: a
 * questionnaire's name and description (questionnaire_form_view; a new
 * one opens on its questions when saved) and one question
 * (question_form_view): its kind, section and text, and what the kind
 * needs — a scale's lowest and highest value and the words at its ends, a
 * choice's options one per line. The fields follow the kind as it is
 * changed (the typed texts are kept). Labels are the core's field names,
 * so its messages land next to the right field. Both refuse to open
 * without LK_PERM_EDIT_QUESTIONNAIRES.
 */
#include "lmskurs/ui/eval.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/i18n.h"
#include "lmskurs/ui/form.h"
#include "lmskurs/ui/uitext.h"

/* ---- name and description ---- */

enum { NF_NAME, NF_DESCRIPTION };

typedef struct nform_state {
	lk_form form; /* first: the shared form helpers read it */
	lk_questionnaire q; /* as read; id 0 while adding */
} nform_state;

static int nform_open(lk_view *v, const void *arg, lk_err *err)
{
	nform_state *s = v->state;
	if (role_require(v->ui->ctx, LK_PERM_EDIT_QUESTIONNAIRES, err) < 0 ||
	    (arg && questionnaire_get(v->ui->ctx, *(const int64_t *)arg, &s->q, err) < 0))
		return -1;
	lk_form *f = &s->form;
	form_init(f);
	bool ok = form_add_text(f, LK_FIELD_TEXT, _("Name"), true, s->q.name) == NF_NAME &&
		form_add_text(f, LK_FIELD_MULTILINE, _("Description"), false, s->q.description) == NF_DESCRIPTION;
	course_form_home(f);
	return ok ? 0 : lk_fail(err, LK_ENOMEM, _("Out of memory."));
}

static void nform_done(lk_view *v)
{
	nform_state *s = v->state;
	form_free(&s->form);
	questionnaire_free(&s->q);
}

static char *nform_title(lk_view *v)
{
	nform_state *s = v->state;
	return s->q.id ? uitext_printf(_("Questionnaire: %s (version %d)"), s->q.name, s->q.version_no)
	               : uitext_printf("%s", _("New questionnaire"));
}

static void nform_save(lk_view *v)
{
	nform_state *s = v->state;
	lk_ui *ui = v->ui;
	lk_err err;
	lk_questionnaire q = s->q;
	q.name = (char *)form_text(&s->form, NF_NAME);
	q.description = (char *)form_text(&s->form, NF_DESCRIPTION);
	q.n_questions = 0;
	q.questions = NULL;
	form_clear_errors(&s->form);
	int rc = q.id ? questionnaire_update(ui->ctx, &q, &err) : questionnaire_create(ui->ctx, &q, &err);
	if (rc < 0) {
		form_set_error(&s->form, &err);
		ui_status_err(ui, &err);
		return;
	}
	bool added = !s->q.id;
	int64_t id = q.id;
	ui_status(ui, LK_STYLE_OK, added ? _("Made the questionnaire %s: a adds its questions.") : _("Saved %s."), q.name);
	ui_pop(ui); /* the state is gone from here */
	if (added)
		ui_push(ui, &questionnaire_view, &id, NULL);
}

static bool nform_request(lk_view *v, lk_action a)
{
	return course_form_request(v, a, nform_save);
}

const lk_view_ops questionnaire_form_view = {
	.name = "questionnaire-form",
	.label = N_("Questionnaire form"),
	.state_size = sizeof(nform_state),
	.actions = form_actions,
	.hints = form_hints,
	.text_entry = true,
	.open = nform_open,
	.done = nform_done,
	.title = nform_title,
	.draw = course_form_draw,
	.request = nform_request,
	.input = course_form_input,
};

/* ---- one question ---- */

/* The fields, in screen order; a field the kind does not need is absent
 * (its index -1), but what was typed into it is kept for when it comes
 * back. */
enum { QF_KIND, QF_SECTION, QF_TEXT, QF_MIN, QF_MAX, QF_LMIN, QF_LMAX, QF_OPTIONS, QF_COUNT };

typedef struct qform_state {
	lk_form form; /* first */
	lk_question_ref ref;
	lk_question q;           /* as read; id 0 while adding */
	int idx[QF_COUNT];       /* field index of each, -1 absent */
	char *kept[QF_COUNT];    /* typed texts while a field is absent */
	lk_question_kind kind;   /* the kind the fields are laid out for */
	lk_question_section section;
	const char *kinds[LK_QUESTION_KIND_COUNT];
	const char *sections[LK_SECTION_COUNT];
} qform_state;

static char *options_text(const lk_question *q)
{
	size_t size = 1;
	for (int k = 0; k < q->n_options; k++)
		size += strlen(q->options[k]) + 1;
	char *s = malloc(size);
	if (!s)
		return NULL;
	s[0] = 0;
	for (int k = 0, len = 0; k < q->n_options; k++)
		len += snprintf(s + len, size - (size_t)len, "%s%s", k ? "\n" : "", q->options[k]);
	return s;
}

/* The texts of the question as read into kept[]. */
static int kept_init(qform_state *s)
{
	char lo[16], hi[16];
	snprintf(lo, sizeof lo, "%d", s->q.id ? s->q.scale_min : 0);
	snprintf(hi, sizeof hi, "%d", s->q.id ? s->q.scale_max : 10);
	s->kept[QF_TEXT] = strdup(s->q.text ? s->q.text : "");
	s->kept[QF_MIN] = strdup(lo);
	s->kept[QF_MAX] = strdup(hi);
	s->kept[QF_LMIN] = strdup(s->q.label_min ? s->q.label_min : "");
	s->kept[QF_LMAX] = strdup(s->q.label_max ? s->q.label_max : "");
	s->kept[QF_OPTIONS] = options_text(&s->q);
	for (int i = QF_TEXT; i < QF_COUNT; i++)
		if (!s->kept[i])
			return -1;
	return 0;
}

/* Saves what the present fields hold into kept[]. */
static int kept_save(qform_state *s)
{
	for (int i = QF_TEXT; i < QF_COUNT; i++) {
		if (s->idx[i] < 0)
			continue;
		char *t = strdup(form_text(&s->form, s->idx[i]));
		if (!t)
			return -1;
		free(s->kept[i]);
		s->kept[i] = t;
	}
	if (s->idx[QF_SECTION] >= 0)
		s->section = (lk_question_section)form_choice(&s->form, s->idx[QF_SECTION]);
	return 0;
}

static bool needs(lk_question_kind k, int field)
{
	if (field == QF_MIN || field == QF_MAX || field == QF_LMIN || field == QF_LMAX)
		return k == LK_QUESTION_SCALE;
	return field != QF_OPTIONS || k == LK_QUESTION_CHOICE;
}

static int add_field(qform_state *s, int field)
{
	lk_form *f = &s->form;
	switch (field) {
	case QF_KIND: return form_add_choice(f, _("Kind of answer"), s->kinds, LK_QUESTION_KIND_COUNT, s->kind);
	case QF_SECTION: return form_add_choice(f, _("Section"), s->sections, LK_SECTION_COUNT, s->section);
	case QF_TEXT: return form_add_text(f, LK_FIELD_TEXT, _("Question"), true, s->kept[field]);
	case QF_MIN: return form_add_text(f, LK_FIELD_NUMBER, _("Lowest value"), true, s->kept[field]);
	case QF_MAX: return form_add_text(f, LK_FIELD_NUMBER, _("Highest value"), true, s->kept[field]);
	case QF_LMIN: return form_add_text(f, LK_FIELD_TEXT, _("Label at the low end"), false, s->kept[field]);
	case QF_LMAX: return form_add_text(f, LK_FIELD_TEXT, _("Label at the high end"), false, s->kept[field]);
	default: return form_add_text(f, LK_FIELD_MULTILINE, _("Options, one per line"), true, s->kept[field]);
	}
}

/* Lays the form out for s->kind, the cursor on field `at` (or the kind). */
static int qform_build(qform_state *s, int at)
{
	form_free(&s->form);
	form_init(&s->form);
	for (int i = 0; i < QF_COUNT; i++) {
		s->idx[i] = needs(s->kind, i) ? add_field(s, i) : -1;
		if (needs(s->kind, i) && s->idx[i] < 0)
			return -1;
	}
	s->form.cur = s->idx[at] >= 0 ? s->idx[at] : 0;
	course_form_home(&s->form);
	return 0;
}

static int qform_open(lk_view *v, const void *arg, lk_err *err)
{
	qform_state *s = v->state;
	s->ref = *(const lk_question_ref *)arg;
	if (role_require(v->ui->ctx, LK_PERM_EDIT_QUESTIONNAIRES, err) < 0 ||
	    (s->ref.question_id && question_get(v->ui->ctx, s->ref.question_id, &s->q, err) < 0))
		return -1;
	for (int i = 0; i < LK_QUESTION_KIND_COUNT; i++)
		s->kinds[i] = question_kind_label((lk_question_kind)i);
	for (int i = 0; i < LK_SECTION_COUNT; i++)
		s->sections[i] = question_section_label((lk_question_section)i);
	s->kind = s->q.id ? s->q.kind : LK_QUESTION_SCALE;
	s->section = s->q.id ? s->q.section : LK_SECTION_RATING;
	if (kept_init(s) < 0 || qform_build(s, QF_KIND) < 0)
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	s->form.changed = false;
	return 0;
}

static void qform_done(lk_view *v)
{
	qform_state *s = v->state;
	form_free(&s->form);
	question_free(&s->q);
	for (int i = 0; i < QF_COUNT; i++)
		free(s->kept[i]);
}

static char *qform_title(lk_view *v)
{
	qform_state *s = v->state;
	return s->q.id ? uitext_printf(_("Question %d"), s->q.position) : uitext_printf("%s", _("New question"));
}

/* After every key: a changed kind lays the fields out again. */
static void qform_follow_kind(qform_state *s)
{
	lk_question_kind k = (lk_question_kind)form_choice(&s->form, s->idx[QF_KIND]);
	if (k == s->kind)
		return;
	kept_save(s);
	s->kind = k;
	qform_build(s, QF_KIND);
	s->form.changed = true;
}

/* The options field split into lines (blank lines left out); *n set.
 * labels point into buf (newly allocated, caller frees both). */
static char **split_options(const char *text, char **buf, int *n)
{
	size_t len = strlen(text);
	char **labels = calloc(len / 2 + 2, sizeof *labels);
	*buf = strdup(text);
	*n = 0;
	if (!labels || !*buf) {
		free(labels);
		return NULL;
	}
	for (char *p = *buf, *line; (line = strsep(&p, "\n"));)
		if (line[strspn(line, " \t")])
			labels[(*n)++] = line;
	return labels;
}

/* Number fields into q; -1 with the error on the field. */
static int typed_scale(qform_state *s, lk_question *q, lk_err *err)
{
	long lo = 0, hi = 0;
	if (s->kind != LK_QUESTION_SCALE)
		return 0;
	if (form_number(&s->form, s->idx[QF_MIN], -LK_SCALE_LIMIT, LK_SCALE_LIMIT, &lo, NULL, err) < 0 ||
	    form_number(&s->form, s->idx[QF_MAX], -LK_SCALE_LIMIT, LK_SCALE_LIMIT, &hi, NULL, err) < 0)
		return -1;
	q->scale_min = (int)lo;
	q->scale_max = (int)hi;
	q->label_min = (char *)form_text(&s->form, s->idx[QF_LMIN]);
	q->label_max = (char *)form_text(&s->form, s->idx[QF_LMAX]);
	return 0;
}

static int qform_write(lk_ctx *ctx, qform_state *s, lk_question *q, lk_err *err)
{
	char *buf = NULL;
	int n = 0;
	char **labels = NULL;
	if (s->kind == LK_QUESTION_CHOICE &&
	    !(labels = split_options(form_text(&s->form, s->idx[QF_OPTIONS]), &buf, &n)))
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	q->options = labels;
	q->n_options = n;
	int rc = q->id ? question_update(ctx, q, err) : question_add(ctx, s->ref.questionnaire_id, q, err);
	free(labels);
	free(buf);
	return rc;
}

static void qform_save(lk_view *v)
{
	qform_state *s = v->state;
	lk_err err;
	lk_question q = s->q;
	form_clear_errors(&s->form);
	q.kind = s->kind;
	q.section = (lk_question_section)form_choice(&s->form, s->idx[QF_SECTION]);
	q.text = (char *)form_text(&s->form, s->idx[QF_TEXT]);
	q.label_min = q.label_max = "";
	q.scale_min = q.scale_max = 0;
	if (typed_scale(s, &q, &err) < 0 || qform_write(v->ui->ctx, s, &q, &err) < 0) {
		form_set_error(&s->form, &err);
		ui_status_err(v->ui, &err);
		return;
	}
	ui_status(v->ui, LK_STYLE_OK, s->q.id ? _("Saved question %d.") : _("Added question %d."), q.position);
	ui_pop(v->ui);
}

static bool qform_request(lk_view *v, lk_action a)
{
	bool done = course_form_request(v, a, qform_save);
	if (a != LK_ACT_SAVE && a != LK_ACT_CANCEL)
		qform_follow_kind(v->state);
	return done;
}

static bool qform_input(lk_view *v, lk_key key)
{
	bool done = course_form_input(v, key);
	qform_follow_kind(v->state);
	return done;
}

static void qform_draw(lk_view *v, lk_rect r)
{
	qform_state *s = v->state;
	const char *hint = s->kind == LK_QUESTION_SCALE ? _("A scale: any whole numbers from -100 to 100, and the words at its ends.")
	                 : s->kind == LK_QUESTION_CHOICE ? _("A choice: the options one per line; the form numbers them 1, 2, 3 …")
	                 : s->kind == LK_QUESTION_YESNO ? _("Yes or no: typed as 1 or 0.")
	                 : _("Free text: the participant writes an answer.");
	screen_text(v->ui, r.y + 1, r.x + 1, r.w - 2, hint, LK_STYLE_DIM);
	form_draw(&s->form, v->ui, (lk_rect){r.y + 3, r.x + 1, r.h - 3, r.w - 2});
}

const lk_view_ops question_form_view = {
	.name = "question-form",
	.label = N_("Question form"),
	.state_size = sizeof(qform_state),
	.actions = form_actions,
	.hints = form_hints,
	.text_entry = true,
	.open = qform_open,
	.done = qform_done,
	.title = qform_title,
	.draw = qform_draw,
	.request = qform_request,
	.input = qform_input,
};
