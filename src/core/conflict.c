#include "lmskurs/conflict.h"

#include <stdlib.h>
#include <string.h>

#include "lmskurs/codes.h"
#include "lmskurs/i18n.h"
#include "lmskurs/role.h"
#include "lmskurs/store/conflict.h"
#include "lmskurs/text.h"

static const lk_code_name kinds[LK_CONFLICT_KIND_COUNT] = {
	[LK_CONFLICT_ROOM] = {"room", N_("room double booked")},
	[LK_CONFLICT_FACILITATOR] = {"facilitator", N_("facilitator double booked")},
	[LK_CONFLICT_HOLIDAY] = {"holiday", N_("public holiday")},
};

const char *conflict_kind_code(lk_conflict_kind k) { return codes_code(kinds, LK_CONFLICT_KIND_COUNT, k); }
const char *conflict_kind_label(lk_conflict_kind k) { return codes_label(kinds, LK_CONFLICT_KIND_COUNT, k); }

/* What the streaming callbacks share. */
struct walk {
	int (*each)(void *arg, const lk_conflict *c);
	void *arg;
	int stopped;
	int oom;
};

/* Rooms are the same when equal after trimming, ignoring case (æøå too);
 * a room that is empty after trimming never clashes. */
static int same_room(const char *a, const char *b, int *oom)
{
	char *ta = text_trim_dup(a), *tb = text_trim_dup(b);
	int same = ta && tb && *ta && text_equal_fold(ta, tb);
	if (!ta || !tb)
		*oom = 1;
	free(ta);
	free(tb);
	return same;
}

static int on_room_pair(void *arg, const lk_conflict *c)
{
	struct walk *w = arg;
	if (!same_room(c->a.room, c->b.room, &w->oom))
		return w->oom;
	return w->stopped = w->each(w->arg, c);
}

static int on_facilitator_pair(void *arg, const lk_conflict *c)
{
	struct walk *w = arg;
	return w->stopped = w->each(w->arg, c);
}

static lk_date start_date(const char *starts_at)
{
	lk_date d = {0, 0, 0};
	/* starts_at is "YYYY-MM-DDTHH:MM" (the schema checks the shape). */
	d.year = atoi(starts_at);
	d.month = atoi(starts_at + 5);
	d.day = atoi(starts_at + 8);
	return d;
}

static int on_session(void *arg, const lk_conflict_session *s)
{
	struct walk *w = arg;
	if (strlen(s->starts_at) < 10)
		return 0;
	const char *name = date_holiday(start_date(s->starts_at));
	if (!name)
		return 0;
	lk_conflict c = {.kind = LK_CONFLICT_HOLIDAY, .a = *s, .holiday = name,
		.b = {.course_title = "", .starts_at = "", .ends_at = "", .room = ""}};
	return w->stopped = w->each(w->arg, &c);
}

static int walk_all(lk_ctx *ctx, const lk_conflict_query *q, struct walk *w, lk_err *err)
{
	if (store_conflict_pairs(ctx->db, LK_CONFLICT_ROOM, q, on_room_pair, w, err) < 0)
		return -1;
	if (w->oom)
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	if (!w->stopped &&
	    store_conflict_pairs(ctx->db, LK_CONFLICT_FACILITATOR, q, on_facilitator_pair, w, err) < 0)
		return -1;
	if (!w->stopped && store_conflict_sessions(ctx->db, q, on_session, w, err) < 0)
		return -1;
	return 0;
}

/* Turns a date or time in any accepted form into ISO text for comparing
 * with starts_at. */
static int normalise_from(const char *from, char out[static 17], lk_err *err)
{
	lk_datetime t;
	lk_date d;
	lk_err ignored;
	if (datetime_parse(from, &t, &ignored) == 0) {
		datetime_iso(t, out);
		return 0;
	}
	if (date_parse(from, &d, err) < 0)
		return -1;
	date_iso(d, out);
	return 0;
}

int conflict_list(lk_ctx *ctx, const lk_conflict_scope *scope,
	int (*each)(void *, const lk_conflict *), void *arg, lk_err *err)
{
	if (role_require(ctx, LK_PERM_READ_PLAN, err) < 0)
		return -1;
	lk_conflict_query q = {.run_id = scope ? scope->run_id : 0};
	char from[17];
	if (scope && scope->from_iso) {
		if (normalise_from(scope->from_iso, from, err) < 0)
			return -1;
		q.from_iso = from;
	}
	if (q.run_id) {
		int found = store_conflict_run_exists(ctx->db, q.run_id, err);
		if (found <= 0)
			return found < 0 ? -1 : lk_fail(err, LK_ENOTFOUND, _("There is no run with number %lld."), (long long)q.run_id);
	}
	struct walk w = {.each = each, .arg = arg};
	return walk_all(ctx, &q, &w, err);
}

int conflict_for_session(lk_ctx *ctx, int64_t session_id,
	int (*each)(void *, const lk_conflict *), void *arg, lk_err *err)
{
	if (role_require(ctx, LK_PERM_READ_PLAN, err) < 0)
		return -1;
	int found = store_conflict_session_exists(ctx->db, session_id, err);
	if (found <= 0)
		return found < 0 ? -1 : lk_fail(err, LK_ENOTFOUND, _("There is no session with number %lld."), (long long)session_id);
	lk_conflict_query q = {.session_id = session_id};
	struct walk w = {.each = each, .arg = arg};
	return walk_all(ctx, &q, &w, err);
}
