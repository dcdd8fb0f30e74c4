/*
 * response_import.c — many evaluation forms into a run as one operation
 * (response_import.h).
 *
 * Each row goes through response_add, the ordinary core operation, which
 * nests as a savepoint inside the import's one transaction: a refused row
 * leaves nothing behind. Validation and the audit entry per form are
 * response_add's; the import adds one entry with the counts.
 */
#include "lmskurs/response_import.h"

#include <stdio.h>
#include <string.h>

#include "lmskurs/audit.h"
#include "lmskurs/i18n.h"
#include "lmskurs/questionnaire.h"
#include "lmskurs/role.h"
#include "lmskurs/run.h"

typedef struct import_job {
	lk_ctx *ctx;
	int64_t run_id, questionnaire_id;
	lk_response_import_summary *sum;
	int (*each)(void *, const lk_response_outcome *);
	void *each_arg;
} import_job;

/* Forms are entered once the run is under way (as response_add says). */
static int run_takes_forms(lk_ctx *ctx, int64_t run_id, lk_err *err)
{
	lk_run r;
	int rc = run_get(ctx, run_id, &r, err);
	lk_run_phase ph = r.phase;
	run_free(&r);
	if (rc < 0)
		return -1;
	if (ph == LK_RUN_EXECUTION || ph == LK_RUN_EVALUATION || ph == LK_RUN_CLOSED)
		return 0;
	return lk_fail(err, LK_ERULE,
		_("Evaluations are entered once the run is under way (execution, evaluation or closed); this run is in %s."),
		run_phase_label(ph));
}

static void count(lk_response_import_summary *s, const lk_response_outcome *o)
{
	s->rows++;
	s->bad += o->bad;
	s->imported += !o->bad;
	s->noted += !o->bad && o->note;
}

/* A row refused by validation or a rule is bad; anything else (the
 * database, memory) stops the import. */
static int row_do(import_job *j, const lk_response_row *row, lk_err *err)
{
	lk_response_outcome o = {.line = row->line, .why = row->problem, .note = row->note,
		.n_answers = row->n_answers};
	lk_err rerr;
	lk_err_clear(&rerr);
	if (!row->problem && response_add(j->ctx, j->run_id, j->questionnaire_id, row->answers,
				 row->n_answers, LK_SOURCE_IMPORT, &o.response_id, &rerr) < 0) {
		if (rerr.code != LK_EINVAL && rerr.code != LK_ERULE) {
			*err = rerr;
			return -1;
		}
		o.why = rerr.msg;
	}
	o.bad = o.why != NULL;
	if (o.bad)
		o.n_answers = 0, o.note = NULL;
	count(j->sum, &o);
	if (j->each && j->each(j->each_arg, &o))
		return lk_fail(err, LK_EINVAL, _("The import was stopped; nothing was written."));
	return 0;
}

static int import_rows(import_job *j, lk_response_next next, void *next_arg, lk_err *err)
{
	for (;;) {
		lk_response_row row = {0};
		int got = next(next_arg, &row, err);
		if (got <= 0)
			return got;
		if (row_do(j, &row, err) < 0)
			return -1;
	}
}

/* Whether what was read may be written. */
static int import_verdict(const lk_response_import_summary *s, const lk_import_opts *o, lk_err *err)
{
	if (s->rows == 0)
		return lk_fail(err, LK_EINVAL, _("The file has no rows to import."));
	if (s->bad == 0 || o->skip_bad || o->dry_run)
		return 0;
	return lk_fail(err, LK_EINVAL, ngettext("%lld row cannot be imported; nothing was written.",
		"%lld rows cannot be imported; nothing was written.", (unsigned long)s->bad), (long long)s->bad);
}

static int import_audit(lk_ctx *ctx, int64_t run_id, const lk_response_import_summary *s, lk_err *err)
{
	char detail[160];
	snprintf(detail, sizeof detail, "evaluation forms: %lld rows, %lld imported, %lld left out",
		(long long)s->rows, (long long)s->imported, (long long)s->bad);
	return audit_log(ctx, "import", "run", run_id, detail, err);
}

/* Checks the run and settles the version before any row is read. */
static int import_start(import_job *j, lk_err *err)
{
	int64_t want = 0;
	if (questionnaire_for_run(j->ctx, j->run_id, &want, err) < 0 ||
	    run_takes_forms(j->ctx, j->run_id, err) < 0)
		return -1;
	if (!j->questionnaire_id)
		j->questionnaire_id = want;
	j->sum->questionnaire_id = j->questionnaire_id;
	return 0;
}

int response_import(lk_ctx *ctx, int64_t run_id, int64_t questionnaire_id, lk_response_next next,
	void *next_arg, const lk_import_opts *opts, int (*each)(void *, const lk_response_outcome *),
	void *each_arg, lk_response_import_summary *sum, lk_err *err)
{
	lk_response_import_summary local;
	lk_import_opts o = opts ? *opts : (lk_import_opts){0};
	import_job j = {ctx, run_id, questionnaire_id, sum ? sum : &local, each, each_arg};
	memset(j.sum, 0, sizeof *j.sum);
	if (role_require(ctx, LK_PERM_ENTER_RESPONSES, err) < 0 || store_begin(ctx->db, err) < 0)
		return -1;
	int rc = import_start(&j, err);
	if (rc == 0)
		rc = import_rows(&j, next, next_arg, err);
	if (rc == 0)
		rc = import_verdict(j.sum, &o, err);
	if (rc == 0 && o.dry_run) {
		store_rollback(ctx->db);
		return 0;
	}
	if (rc == 0)
		rc = import_audit(ctx, run_id, j.sum, err);
	return ctx_end(ctx, rc, err);
}
