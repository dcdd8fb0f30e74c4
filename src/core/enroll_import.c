/*
 * enroll_import.c — import of many participants into a run as one
 * operation, and the export of a run's enrollments (enroll_import.h).
 *
 * The import wraps the ordinary core operations (participant_find_duplicates,
 * participant_create, enroll_add), which nest as savepoints inside its one
 * transaction; each row gets a savepoint of its own so a refused row leaves
 * nothing behind. Roles, validation and the waitlist rules are theirs.
 */
#include "lmskurs/enroll_import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/audit.h"
#include "lmskurs/i18n.h"
#include "lmskurs/participant.h"
#include "lmskurs/phase.h"
#include "lmskurs/role.h"
#include "lmskurs/store/enroll.h"
#include "lmskurs/store/enroll_export.h"

/* ---- the participants this import has met: id → first line ---- */

typedef struct seen_map {
	int64_t *ids, *lines;
	size_t cap, n; /* cap is 0 or a power of two */
} seen_map;

static size_t seen_slot(const seen_map *m, int64_t id)
{
	size_t i = (size_t)((uint64_t)id * 0x9E3779B97F4A7C15u) & (m->cap - 1);
	while (m->ids[i] != 0 && m->ids[i] != id)
		i = (i + 1) & (m->cap - 1);
	return i;
}

/* The line where id was first met, 0 when not met. */
static int64_t seen_get(const seen_map *m, int64_t id)
{
	return m->cap ? m->lines[seen_slot(m, id)] : 0;
}

static int seen_grow(seen_map *m, lk_err *err)
{
	seen_map big = {calloc(m->cap ? 2 * m->cap : 64, sizeof(int64_t)),
		calloc(m->cap ? 2 * m->cap : 64, sizeof(int64_t)), m->cap ? 2 * m->cap : 64, m->n};
	if (!big.ids || !big.lines) {
		free(big.ids);
		free(big.lines);
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	}
	for (size_t i = 0; i < m->cap; i++)
		if (m->ids[i]) {
			size_t s = seen_slot(&big, m->ids[i]);
			big.ids[s] = m->ids[i];
			big.lines[s] = m->lines[i];
		}
	free(m->ids);
	free(m->lines);
	*m = big;
	return 0;
}

/* Remembers id's first line (a later one does not replace it). */
static int seen_put(seen_map *m, int64_t id, int64_t line, lk_err *err)
{
	if (2 * (m->n + 1) > m->cap && seen_grow(m, err) < 0)
		return -1;
	size_t s = seen_slot(m, id);
	if (m->ids[s])
		return 0;
	m->ids[s] = id;
	m->lines[s] = line;
	m->n++;
	return 0;
}

static void seen_free(seen_map *m)
{
	free(m->ids);
	free(m->lines);
}

/* ---- one row ---- */

typedef struct import_job {
	lk_ctx *ctx;
	int64_t run_id;
	lk_import_summary *sum;
	seen_map seen;
	int (*each)(void *, const lk_import_outcome *);
	void *each_arg;
} import_job;

static int first_match(void *arg, const lk_participant *p)
{
	*(int64_t *)arg = p->id;
	return 1;
}

static int row_create(import_job *j, const lk_import_row *row, int64_t *pid, lk_err *err)
{
	lk_participant p = {.name = (char *)row->name, .phone = (char *)row->phone,
		.email = (char *)row->email, .notes = (char *)row->notes, .birth_year = row->birth_year};
	if (participant_create(j->ctx, &p, err) < 0)
		return -1;
	*pid = p.id;
	return 0;
}

/* Whether pid holds a place in the run already: 1 (o gets it), 0, -1. */
static int row_held(import_job *j, int64_t pid, lk_import_outcome *o, lk_err *err)
{
	lk_enrollment e = {0};
	int found = store_enroll_find(j->ctx->db, j->run_id, pid, &e, err);
	if (found == 1 && e.status == LK_ENR_CANCELLED)
		found = 0;
	if (found == 1) {
		o->status = e.status;
		o->waitlist_pos = e.waitlist_pos;
	}
	enrollment_free(&e);
	return found;
}

static int row_enroll(import_job *j, const lk_import_row *row, lk_import_outcome *o, lk_err *err)
{
	lk_enrollment e;
	if (enroll_add(j->ctx, j->run_id, o->participant_id, row->category, false, &e, err) < 0)
		return -1;
	o->status = e.status;
	o->waitlist_pos = e.waitlist_pos;
	enrollment_free(&e);
	return 0;
}

/* Matches or creates the row's participant and enrolls them. */
static int row_apply(import_job *j, const lk_import_row *row, lk_import_outcome *o, lk_err *err)
{
	int64_t pid = 0;
	if (participant_find_duplicates(j->ctx, row->name, row->phone, row->email, first_match, &pid, err) < 0)
		return -1;
	o->participant_id = pid;
	o->result = pid ? LK_IMPORT_MATCHED : LK_IMPORT_NEW;
	int held = pid ? row_held(j, pid, o, err) : 0;
	if (held < 0)
		return -1;
	if (held) {
		o->result = LK_IMPORT_ALREADY;
		o->same_as_line = seen_get(&j->seen, pid);
	} else if ((!pid && row_create(j, row, &o->participant_id, err) < 0) ||
		   row_enroll(j, row, o, err) < 0) {
		return -1;
	}
	return seen_put(&j->seen, o->participant_id, row->line, err);
}

static int row_in_savepoint(import_job *j, const lk_import_row *row, lk_import_outcome *o, lk_err *err)
{
	if (store_begin(j->ctx->db, err) < 0)
		return -1;
	return ctx_end(j->ctx, row_apply(j, row, o, err), err);
}

static void count(lk_import_summary *s, const lk_import_outcome *o)
{
	s->rows++;
	s->created += o->result == LK_IMPORT_NEW;
	s->matched += o->result == LK_IMPORT_MATCHED;
	s->already += o->result == LK_IMPORT_ALREADY;
	s->bad += o->result == LK_IMPORT_BAD;
	if (o->result == LK_IMPORT_NEW || o->result == LK_IMPORT_MATCHED) {
		s->registered += o->status == LK_ENR_REGISTERED;
		s->waitlisted += o->status == LK_ENR_WAITLISTED;
	}
}

/* A row refused by validation or a rule is BAD; anything else (the
 * database, memory) stops the import. */
static int row_do(import_job *j, const lk_import_row *row, lk_err *err)
{
	lk_import_outcome o = {.line = row->line, .why = row->problem};
	lk_err rerr;
	lk_err_clear(&rerr);
	if (!row->problem && row_in_savepoint(j, row, &o, &rerr) < 0) {
		if (rerr.code != LK_EINVAL && rerr.code != LK_ERULE) {
			*err = rerr;
			return -1;
		}
		o = (lk_import_outcome){.line = row->line, .why = rerr.msg};
	}
	if (o.why)
		o.result = LK_IMPORT_BAD;
	count(j->sum, &o);
	if (j->each && j->each(j->each_arg, &o))
		return lk_fail(err, LK_EINVAL, _("The import was stopped; nothing was written."));
	return 0;
}

/* ---- the whole import ---- */

static int run_accepts(lk_ctx *ctx, int64_t run_id, lk_err *err)
{
	lk_enroll_run r;
	lk_run_phase ph;
	int found = store_enroll_run(ctx->db, run_id, &r, err);
	if (found == 0)
		return lk_fail(err, LK_ENOTFOUND, _("There is no run with number %lld."), (long long)run_id);
	if (found < 0)
		return -1;
	if (run_phase_parse(r.phase, &ph) < 0)
		return lk_fail(err, LK_EDB, _("Run %lld has an unknown phase '%s' in the database."),
			(long long)run_id, r.phase);
	if (ph == LK_RUN_REGISTRATION || ph == LK_RUN_EXECUTION)
		return 0;
	return lk_fail(err, LK_ERULE, _("The run is in the phase '%s'; it accepts enrollments only during registration and execution."),
		run_phase_label(ph));
}

static int import_rows(import_job *j, lk_import_next next, void *next_arg, lk_err *err)
{
	for (;;) {
		lk_import_row row = {0};
		int got = next(next_arg, &row, err);
		if (got <= 0)
			return got;
		if (row_do(j, &row, err) < 0)
			return -1;
	}
}

/* Whether what was read may be written. */
static int import_verdict(const lk_import_summary *s, const lk_import_opts *o, lk_err *err)
{
	if (s->rows == 0)
		return lk_fail(err, LK_EINVAL, _("The file has no rows to import."));
	if (s->bad == 0 || o->skip_bad || o->dry_run)
		return 0;
	return lk_fail(err, LK_EINVAL, ngettext("%lld row cannot be imported; nothing was written.",
		"%lld rows cannot be imported; nothing was written.", (unsigned long)s->bad), (long long)s->bad);
}

static int import_audit(lk_ctx *ctx, int64_t run_id, const lk_import_summary *s, lk_err *err)
{
	char detail[160];
	snprintf(detail, sizeof detail, "%lld rows: %lld new, %lld matched, %lld already enrolled, %lld left out",
		(long long)s->rows, (long long)s->created, (long long)s->matched, (long long)s->already,
		(long long)s->bad);
	return audit_log(ctx, "import", "run", run_id, detail, err);
}

int enroll_import(lk_ctx *ctx, int64_t run_id, lk_import_next next, void *next_arg,
	const lk_import_opts *opts, int (*each)(void *, const lk_import_outcome *), void *each_arg,
	lk_import_summary *sum, lk_err *err)
{
	lk_import_summary local;
	lk_import_opts o = opts ? *opts : (lk_import_opts){0};
	import_job j = {ctx, run_id, sum ? sum : &local, {0}, each, each_arg};
	memset(j.sum, 0, sizeof *j.sum);
	if (role_require(ctx, LK_PERM_EDIT_PARTICIPANTS, err) < 0 ||
	    role_require(ctx, LK_PERM_READ_CONTACT, err) < 0 || store_begin(ctx->db, err) < 0)
		return -1;
	int rc = run_accepts(ctx, run_id, err);
	if (rc == 0)
		rc = import_rows(&j, next, next_arg, err);
	if (rc == 0)
		rc = import_verdict(j.sum, &o, err);
	seen_free(&j.seen);
	if (rc == 0 && o.dry_run) {
		store_rollback(ctx->db);
		return 0;
	}
	if (rc == 0)
		rc = import_audit(ctx, run_id, j.sum, err);
	return ctx_end(ctx, rc, err);
}

/* ---- export ---- */

typedef struct export_walk {
	lk_ctx *ctx;
	int (*each)(void *, const lk_enroll_contact *);
	void *arg;
	lk_err *err;
	int rc;
	int64_t n;
} export_walk;

static int export_one(void *arg, const lk_enroll_contact *c)
{
	export_walk *w = arg;
	if (audit_log(w->ctx, "read_contact", "participant", c->participant_id, "export", w->err) < 0) {
		w->rc = -1;
		return 1;
	}
	w->n++;
	return w->each(w->arg, c);
}

static int export_in_tx(lk_ctx *ctx, int64_t run_id, export_walk *w, lk_err *err)
{
	lk_enroll_run r;
	int found = store_enroll_run(ctx->db, run_id, &r, err);
	if (found == 0)
		return lk_fail(err, LK_ENOTFOUND, _("There is no run with number %lld."), (long long)run_id);
	if (found < 0 || store_enroll_contacts(ctx->db, run_id, export_one, w, err) < 0 || w->rc < 0)
		return -1;
	char detail[64];
	snprintf(detail, sizeof detail, "%lld enrollments with contact details", (long long)w->n);
	return audit_log(ctx, "export", "run", run_id, detail, err);
}

int enroll_export(lk_ctx *ctx, int64_t run_id, int (*each)(void *, const lk_enroll_contact *),
	void *arg, lk_err *err)
{
	if (role_require(ctx, LK_PERM_READ_PARTICIPANTS, err) < 0 ||
	    role_require(ctx, LK_PERM_READ_CONTACT, err) < 0 || store_begin(ctx->db, err) < 0)
		return -1;
	export_walk w = {ctx, each, arg, err, 0, 0};
	return ctx_end(ctx, export_in_tx(ctx, run_id, &w, err), err);
}
