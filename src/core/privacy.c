/* privacy.c — retention purge and erasure (privacy.h): the rule's cutoff,
 * roles, one transaction with an audit entry per participant, then the
 * compaction that leaves nothing of them in the file or its WAL. */
#include "lmskurs/privacy.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/audit.h"
#include "lmskurs/i18n.h"
#include "lmskurs/participant.h"
#include "lmskurs/role.h"
#include "lmskurs/store/participant.h"
#include "lmskurs/store/privacy.h"

void privacy_cutoff(const lk_ctx *ctx, char out[static 20])
{
	lk_datetime now = ctx_now(ctx);
	int months = ctx->settings.retention_months > 0 ? ctx->settings.retention_months : 12;
	lk_date d = now.date;
	d.month -= months % 12;
	d.year -= months / 12;
	if (d.month < 1) {
		d.month += 12;
		d.year--;
	}
	while (d.day > 28 && !date_valid(d))
		d.day--;
	snprintf(out, 20, "%04d-%02d-%02dT%02d:%02d:00", d.year, d.month, d.day, now.hour, now.minute);
}

int64_t privacy_due_count(lk_ctx *ctx, lk_err *err)
{
	char cutoff[20];
	if (role_require(ctx, LK_PERM_EDIT_PARTICIPANTS, err) < 0)
		return -1;
	privacy_cutoff(ctx, cutoff);
	return store_privacy_due_count(ctx->db, cutoff, err);
}

int privacy_due_list(lk_ctx *ctx, lk_page page, int (*each)(void *, const lk_purge_item *),
	void *arg, lk_err *err)
{
	char cutoff[20];
	if (role_require(ctx, LK_PERM_EDIT_PARTICIPANTS, err) < 0)
		return -1;
	privacy_cutoff(ctx, cutoff);
	return store_privacy_due(ctx->db, cutoff, page, each, arg, err);
}

/* ---- compaction ---- */

static int compact(lk_ctx *ctx, lk_privacy_result *res, lk_err *err)
{
	if (store_tx_depth(ctx->db) > 0)
		return 0;
	if (store_privacy_compact(ctx->db, &res->wal_cleared, err) < 0)
		return -1;
	res->compacted = true;
	return 0;
}

/* ---- the purge ---- */

struct purge_job {
	lk_ctx *ctx;
	int (*each)(void *, const lk_purge_item *);
	void *arg;
	char cutoff[20], stamp[20];
	int64_t done;
};

struct purge_walk {
	struct purge_job *j;
	lk_err *err;
	int rc;
};

static int purge_one(void *arg, const lk_purge_item *it)
{
	struct purge_walk *w = arg;
	struct purge_job *j = w->j;
	char detail[96];
	snprintf(detail, sizeof detail, "retention %d months; last activity %.10s",
		j->ctx->settings.retention_months, it->since);
	if (store_privacy_clear(j->ctx->db, it->participant_id, 0, j->stamp, w->err) < 0 ||
	    audit_log(j->ctx, "purge", "participant", it->participant_id, detail, w->err) < 0) {
		w->rc = -1;
		return 1;
	}
	j->done++;
	if (j->each && j->each(j->arg, it)) {
		w->rc = lk_fail(w->err, LK_EIO, _("The purge was stopped; nothing was removed."));
		return 1;
	}
	return 0;
}

static int purge_in_tx(struct purge_job *j, lk_err *err)
{
	struct purge_walk w = {j, err, 0};
	if (store_privacy_due_all(j->ctx->db, j->cutoff, purge_one, &w, err) < 0 || w.rc < 0)
		return -1;
	/* The search index holds pieces of names, e-mails and phones. */
	if (j->done > 0)
		return store_participant_search_rebuild(j->ctx->db, err);
	return 0;
}

int privacy_purge(lk_ctx *ctx, int (*each)(void *, const lk_purge_item *), void *arg,
	lk_privacy_result *out, lk_err *err)
{
	lk_privacy_result res = {0};
	struct purge_job j = {.ctx = ctx, .each = each, .arg = arg};
	if (out)
		*out = res;
	if (role_require(ctx, LK_PERM_EDIT_PARTICIPANTS, err) < 0 || store_begin(ctx->db, err) < 0)
		return -1;
	privacy_cutoff(ctx, j.cutoff);
	ctx_stamp(ctx, j.stamp);
	if (ctx_end(ctx, purge_in_tx(&j, err), err) < 0)
		return -1;
	res.participants = j.done;
	int rc = compact(ctx, &res, err);
	if (out)
		*out = res;
	return rc;
}

/* ---- erasure on request ---- */

static int erase_check(lk_ctx *ctx, int64_t id, lk_err *err)
{
	lk_participant p = {0};
	int found = store_participant_get(ctx->db, id, &p, err);
	bool purged = p.purged;
	participant_free(&p);
	if (found <= 0)
		return found < 0 ? -1 : lk_fail(err, LK_ENOTFOUND, _("There is no participant with number %lld."), (long long)id);
	if (purged)
		return lk_fail(err, LK_ERULE, _("Participant no. %lld: the name and contact details were removed already."), (long long)id);
	int64_t n = 0;
	char *label = NULL;
	int rc = store_participant_open_places(ctx->db, id, &n, &label, err);
	if (rc == 0 && n > 0)
		rc = lk_fail(err, LK_ERULE, _("Participant no. %lld has a place in %lld run(s) that are not finished, such as '%s'. Cancel those places first, then erase."),
			(long long)id, (long long)n, label ? label : "");
	free(label);
	return rc;
}

static int erase_in_tx(lk_ctx *ctx, int64_t id, int64_t version, lk_err *err)
{
	char stamp[20];
	ctx_stamp(ctx, stamp);
	if (erase_check(ctx, id, err) < 0 || store_privacy_clear(ctx->db, id, version, stamp, err) < 0 ||
	    store_participant_search_rebuild(ctx->db, err) < 0)
		return -1;
	return audit_log(ctx, "erase", "participant", id, "on request", err);
}

int privacy_erase(lk_ctx *ctx, int64_t id, int64_t version, lk_privacy_result *out, lk_err *err)
{
	lk_privacy_result res = {0};
	if (out)
		*out = res;
	if (role_require(ctx, LK_PERM_EDIT_PARTICIPANTS, err) < 0 || store_begin(ctx->db, err) < 0)
		return -1;
	if (ctx_end(ctx, erase_in_tx(ctx, id, version, err), err) < 0)
		return -1;
	res.participants = 1;
	int rc = compact(ctx, &res, err);
	if (out)
		*out = res;
	return rc;
}
