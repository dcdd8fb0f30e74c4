/* concept.c — a course concept read from and made into a course
 * (concept.h), through the course and checklist operations. */
#include "lmskurs/concept.h"

#include <stdlib.h>
#include <string.h>

#include "lmskurs/audit.h"
#include "lmskurs/i18n.h"
#include "lmskurs/role.h"

void concept_free(lk_concept *c)
{
	if (!c)
		return;
	course_free(&c->course);
	for (int i = 0; i < c->n_parts; i++)
		course_part_free(&c->parts[i]);
	for (int i = 0; i < c->n_items; i++)
		free(c->items[i].text);
	free(c->parts);
	free(c->items);
	memset(c, 0, sizeof *c);
}

/* Grows an array of n elements of size sz by one; NULL when out of memory. */
static void *grow(void *arr, int n, size_t sz)
{
	return realloc(arr, (size_t)(n + 1) * sz);
}

int concept_add_part(lk_concept *c, const lk_course_part *p, lk_err *err)
{
	lk_course_part *parts = grow(c->parts, c->n_parts, sizeof *parts);
	if (!parts)
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	c->parts = parts;
	lk_course_part copy = {.position = c->n_parts + 1, .minutes = p->minutes, .needs = p->needs,
		.topic = strdup(p->topic ? p->topic : ""),
		.description = strdup(p->description ? p->description : "")};
	if (!copy.topic || !copy.description) {
		course_part_free(&copy);
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	}
	c->parts[c->n_parts++] = copy;
	return 0;
}

int concept_add_item(lk_concept *c, lk_course_phase phase, const char *text, lk_err *err)
{
	if ((int)phase < 0 || phase >= LK_COURSE_PHASE_COUNT)
		return lk_fail(err, LK_EINVAL, _("A course has checklists for the phases idea, planning and revision only."));
	lk_concept_item *items = grow(c->items, c->n_items, sizeof *items);
	if (!items)
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	c->items = items;
	char *copy = strdup(text ? text : "");
	if (!copy)
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	c->items[c->n_items++] = (lk_concept_item){phase, copy};
	c->has_checklist[phase] = true;
	return 0;
}

/* ---- reading ---- */

struct reading {
	lk_concept *c;
	lk_err *err;
	int failed;
};

static int read_part(void *arg, const lk_course_part *p)
{
	struct reading *r = arg;
	r->failed = concept_add_part(r->c, p, r->err);
	return r->failed;
}

static int read_item(void *arg, const lk_checklist_item *it)
{
	struct reading *r = arg;
	lk_course_phase ph;
	if (course_phase_parse(it->phase, &ph) < 0)
		return 0; /* not a course phase: cannot happen for a course's items */
	r->failed = concept_add_item(r->c, ph, it->text, r->err);
	return r->failed;
}

/* Keeps only what a concept carries of a course just read. */
static void strip_course(lk_course *c)
{
	free(c->management_backing);
	free(c->created_at);
	free(c->updated_at);
	c->management_backing = c->created_at = c->updated_at = NULL;
	c->id = c->owner_id = c->questionnaire_id = c->version = 0;
	c->phase = LK_COURSE_IDEA;
}

int concept_get(lk_ctx *ctx, int64_t course_id, lk_concept *out, lk_err *err)
{
	memset(out, 0, sizeof *out);
	if (course_get(ctx, course_id, &out->course, err) < 0)
		return -1;
	strip_course(&out->course);
	out->has_checklist[LK_COURSE_IDEA] = true;
	struct reading r = {out, err, 0};
	lk_owner owner = {.course_id = course_id};
	if (course_part_list(ctx, course_id, read_part, &r, err) < 0 || r.failed ||
	    checklist_list(ctx, owner, NULL, read_item, &r, err) < 0 || r.failed)
		return -1;
	return 0;
}

/* ---- making a course ---- */

/* Ids and versions of a phase's checklist items, in order. */
struct item_ids {
	int64_t *id, *version;
	int n;
	bool nomem;
};

static int collect_item(void *arg, const lk_checklist_item *it)
{
	struct item_ids *l = arg;
	int64_t *id = grow(l->id, l->n, sizeof *id);
	if (id)
		l->id = id;
	int64_t *ver = id ? grow(l->version, l->n, sizeof *ver) : NULL;
	if (ver)
		l->version = ver;
	if (!id || !ver) {
		l->nomem = true;
		return 1;
	}
	l->id[l->n] = it->id;
	l->version[l->n++] = it->version;
	return 0;
}

/* Deletes all but the last `keep` items of the owner's phase checklist. */
static int drop_first_items(lk_ctx *ctx, lk_owner owner, const char *phase, int keep,
	lk_err *err)
{
	struct item_ids l = {0};
	int rc = checklist_list(ctx, owner, phase, collect_item, &l, err);
	if (rc == 0 && l.nomem)
		rc = lk_fail(err, LK_ENOMEM, _("Out of memory."));
	for (int i = 0; rc == 0 && i < l.n - keep; i++)
		rc = checklist_delete(ctx, l.id[i], l.version[i], err);
	free(l.id);
	free(l.version);
	return rc;
}

/* Makes the course's checklist for phase exactly the concept's items. */
static int put_checklist(lk_ctx *ctx, int64_t course_id, const lk_concept *c,
	lk_course_phase phase, lk_err *err)
{
	lk_owner owner = {.course_id = course_id};
	const char *code = course_phase_code(phase);
	int added = 0;
	for (int i = 0; i < c->n_items; i++) {
		if (c->items[i].phase != phase)
			continue;
		if (checklist_add(ctx, owner, code, c->items[i].text, err) < 0) {
			lk_err_prefix(err, _("Checklist of phase '%s', item %d"), course_phase_label(phase),
				added + 1);
			return -1;
		}
		added++;
	}
	/* Adding copied the template first when the phase had no items. */
	return drop_first_items(ctx, owner, code, added, err);
}

static int put_parts(lk_ctx *ctx, int64_t course_id, const lk_concept *c, lk_err *err)
{
	for (int i = 0; i < c->n_parts; i++) {
		lk_course_part p = c->parts[i];
		p.course_id = course_id;
		if (course_part_add(ctx, &p, err) < 0) {
			lk_err_prefix(err, _("Part %d"), i + 1);
			return -1;
		}
	}
	return 0;
}

static bool checklist_phase(int ph)
{
	return ph == LK_COURSE_IDEA || ph == LK_COURSE_PLANNING || ph == LK_COURSE_REVISION;
}

static int check_phases(const lk_concept *c, lk_err *err)
{
	bool ok = true;
	for (int i = 0; i < c->n_items; i++)
		ok = ok && checklist_phase((int)c->items[i].phase);
	for (int ph = 0; ph < LK_COURSE_PHASE_COUNT; ph++)
		ok = ok && (!c->has_checklist[ph] || checklist_phase(ph));
	if (!ok)
		return lk_fail(err, LK_EINVAL, _("A course has checklists for the phases idea, planning and revision only."));
	return 0;
}

static int create_in_tx(lk_ctx *ctx, const lk_concept *c, int64_t *course_id, lk_err *err)
{
	lk_course course = c->course; /* borrowed strings */
	course.id = course.owner_id = course.questionnaire_id = course.version = 0;
	course.phase = LK_COURSE_IDEA;
	course.management_backing = NULL;
	if (course_create(ctx, &course, err) < 0 || put_parts(ctx, course.id, c, err) < 0)
		return -1;
	for (int ph = 0; ph < LK_COURSE_PHASE_COUNT; ph++)
		if (c->has_checklist[ph] && put_checklist(ctx, course.id, c, (lk_course_phase)ph, err) < 0)
			return -1;
	*course_id = course.id;
	return audit_log(ctx, "import", "course", course.id, "concept", err);
}

int concept_create(lk_ctx *ctx, const lk_concept *c, int64_t *course_id, lk_err *err)
{
	*course_id = 0;
	if (role_require(ctx, LK_PERM_EDIT_PLAN, err) < 0 || check_phases(c, err) < 0 ||
	    store_begin(ctx->db, err) < 0)
		return -1;
	int rc = ctx_end(ctx, create_in_tx(ctx, c, course_id, err), err);
	if (rc < 0)
		*course_id = 0;
	return rc;
}
