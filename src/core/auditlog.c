/* auditlog.c — the audit log read back: pages for the screen, exports,
 * and the walk over its hash chain (see auditlog.h). */
#include "lmskurs/auditlog.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/audit.h"
#include "lmskurs/i18n.h"
#include "lmskurs/role.h"
#include "lmskurs/store/auditlog.h"
#include "lmskurs/text.h"

/* ---- reading ---- */

/* The store's form of a filter; owns the trimmed text (query_free). */
typedef struct query {
	lk_audit_query q;
	char from[11], before[11];
	char *text;
} query;

static void query_free(query *q)
{
	free(q->text);
	q->text = NULL;
}

static int query_dates(const lk_audit_filter *f, query *q, lk_err *err)
{
	if (f->from.year && f->to.year && date_cmp(f->from, f->to) > 0)
		return lk_fail(err, LK_EINVAL, _("From must not be after To."));
	if (f->from.year) {
		date_iso(f->from, q->from);
		q->q.from = q->from;
	}
	if (f->to.year) {
		date_iso(date_add_days(f->to, 1), q->before);
		q->q.before = q->before;
	}
	return 0;
}

/* Checks the role and f (NULL: everything) and fills q. */
static int query_make(lk_ctx *ctx, const lk_audit_filter *f, query *q, lk_err *err)
{
	static const lk_audit_filter all;
	memset(q, 0, sizeof *q);
	f = f ? f : &all;
	if (role_require(ctx, LK_PERM_READ_AUDIT, err) < 0 ||
	    text_check(_("Search"), f->text, false, LK_NAME_MAX, false, err) < 0 ||
	    query_dates(f, q, err) < 0)
		return -1;
	if (f->participant_id < 0)
		return lk_fail(err, LK_EINVAL, _("Participant no. must be a positive number."));
	if (!(q->text = text_trim_dup(f->text)))
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	q->q.text = q->text;
	q->q.participant_id = f->participant_id;
	q->q.oldest_first = f->oldest_first;
	return 0;
}

int auditlog_list(lk_ctx *ctx, const lk_audit_filter *f, lk_page page,
	int (*each)(void *, const lk_audit_entry *), void *arg, lk_err *err)
{
	query q;
	int rc = query_make(ctx, f, &q, err);
	if (rc == 0)
		rc = store_audit_list(ctx->db, &q.q, page, each, arg, err);
	query_free(&q);
	return rc;
}

int64_t auditlog_count(lk_ctx *ctx, const lk_audit_filter *f, lk_err *err)
{
	query q;
	int64_t n = query_make(ctx, f, &q, err);
	if (n == 0)
		n = store_audit_count(ctx->db, &q.q, err);
	query_free(&q);
	return n;
}

/* ---- exporting ---- */

struct export_walk {
	int (*each)(void *, const lk_audit_entry *);
	void *arg;
	int64_t n;
	bool stopped;
};

static int export_one(void *arg, const lk_audit_entry *e)
{
	struct export_walk *w = arg;
	if (w->each(w->arg, e)) {
		w->stopped = true;
		return 1;
	}
	w->n++;
	return 0;
}

/* "from 2027-01-01, before 2027-02-01, participant 7, text "x": 12
 * entries": the filter's parts that are set, and the count. */
static void export_detail(const query *q, int64_t n, char *buf, size_t size)
{
	size_t len = 0;
	buf[0] = '\0';
	if (q->q.from)
		len += (size_t)snprintf(buf + len, size - len, "from %s, ", q->q.from);
	if (q->q.before && len < size)
		len += (size_t)snprintf(buf + len, size - len, "before %s, ", q->q.before);
	if (q->q.participant_id && len < size)
		len += (size_t)snprintf(buf + len, size - len, "participant %" PRId64 ", ", q->q.participant_id);
	if (q->q.text && q->q.text[0] && len < size)
		len += (size_t)snprintf(buf + len, size - len, "text \"%.40s\", ", q->q.text);
	if (len < size)
		snprintf(buf + len, size - len, "%" PRId64 " entries", n);
}

static int export_in_tx(lk_ctx *ctx, const query *q, struct export_walk *w, lk_err *err)
{
	char detail[256];
	if (store_audit_list(ctx->db, &q->q, (lk_page){0, 0}, export_one, w, err) < 0)
		return -1;
	if (w->stopped)
		return lk_fail(err, LK_EIO, _("The export stopped: the entries could not be written."));
	export_detail(q, w->n, detail, sizeof detail);
	return audit_log(ctx, "export", "audit", 0, detail, err);
}

int auditlog_export(lk_ctx *ctx, const lk_audit_filter *f,
	int (*each)(void *, const lk_audit_entry *), void *arg, int64_t *n, lk_err *err)
{
	query q;
	struct export_walk w = {each, arg, 0, false};
	int rc = query_make(ctx, f, &q, err);
	if (rc == 0 && (rc = store_begin(ctx->db, err)) == 0)
		rc = ctx_end(ctx, export_in_tx(ctx, &q, &w, err), err);
	query_free(&q);
	if (n)
		*n = w.n;
	return rc;
}

/* ---- verifying ---- */

struct chain_walk {
	lk_audit_head head;
	lk_audit_verdict *v;
	char prev[LK_SHA256_HEX];
	int64_t last_id; /* the last entry walked in the chain */
};

static int found(struct chain_walk *w, lk_chain_state state, int64_t id)
{
	w->v->state = state;
	w->v->entry_id = id;
	return 1;
}

static int chain_entry(void *arg, const lk_audit_entry *e)
{
	struct chain_walk *w = arg;
	if (e->id < w->head.first_id) {
		w->v->unchained++;
		return e->hash[0] ? found(w, LK_CHAIN_START, e->id) : 0;
	}
	if (!e->hash[0])
		return found(w, LK_CHAIN_UNHASHED, e->id);
	char want[LK_SHA256_HEX];
	audit_entry_hash(w->prev, e, want);
	if (strcmp(want, e->hash) != 0)
		return found(w, LK_CHAIN_MISMATCH, e->id);
	memcpy(w->prev, e->hash, sizeof w->prev);
	w->last_id = e->id;
	w->v->entries++;
	return 0;
}

/* After the walk: the record must name the newest entry and its hash. */
static void check_tail(struct chain_walk *w)
{
	if (w->v->state != LK_CHAIN_INTACT)
		return;
	if (!w->head.present) {
		found(w, LK_CHAIN_NO_RECORD, 0);
		return;
	}
	bool none = w->v->entries == 0;
	if (w->head.last_id != (none ? w->head.max_id : w->last_id) ||
	    strcmp(w->head.last_hash, none ? "" : w->prev) != 0)
		found(w, LK_CHAIN_TAIL, none ? w->head.last_id : w->last_id);
}

static void verdict_line(lk_audit_verdict *v)
{
	long long id = v->entry_id;
	switch (v->state) {
	case LK_CHAIN_INTACT: v->line[0] = '\0'; break;
	case LK_CHAIN_MISMATCH:
		snprintf(v->line, sizeof v->line, _("audit log: entry %lld does not match the chain: it or the entry before it was changed or removed after it was written"), id);
		break;
	case LK_CHAIN_UNHASHED:
		snprintf(v->line, sizeof v->line, _("audit log: entry %lld has no hash: it was not written by lmskurs"), id);
		break;
	case LK_CHAIN_START:
		snprintf(v->line, sizeof v->line, _("audit log: entry %lld lies before the start of the chain although it has a hash: the chain's record was changed"), id);
		break;
	case LK_CHAIN_TAIL:
		snprintf(v->line, sizeof v->line, _("audit log: the entries after entry %lld do not match the chain's record: entries were removed from the end, or added outside lmskurs"), id);
		break;
	default:
		snprintf(v->line, sizeof v->line, "%s", _("audit log: the record of the chain (audit_chain) is missing"));
		break;
	}
}

int auditlog_verify(lk_ctx *ctx, lk_audit_verdict *out, lk_err *err)
{
	memset(out, 0, sizeof *out);
	struct chain_walk w = {.v = out};
	if (store_audit_walk(ctx->db, &w.head, chain_entry, &w, err) < 0)
		return -1;
	check_tail(&w);
	if (out->state == LK_CHAIN_INTACT)
		memcpy(out->head, w.prev, sizeof out->head);
	verdict_line(out);
	return 0;
}

int auditlog_check(lk_ctx *ctx, void (*problem)(void *, const char *), void *arg, lk_err *err)
{
	lk_audit_verdict v;
	if (auditlog_verify(ctx, &v, err) < 0)
		return -1;
	if (v.state == LK_CHAIN_INTACT)
		return 0;
	problem(arg, v.line);
	return 1;
}
