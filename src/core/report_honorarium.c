/* report_honorarium.c — the user representatives' honorarium (DESIGN.md
 * §2): actual time, rounded, at least the minimum in person, at the rate
 * of the config (see report.h). */
#include "lmskurs/report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/codes.h"
#include "lmskurs/i18n.h"
#include "lmskurs/store/report.h"
#include "report_impl.h"

static const lk_code_name hon_kinds[] = {
	[LK_HON_SESSION] = {"session", N_("session")},
	[LK_HON_PLANNING] = {"planning", N_("planning meeting")},
	[LK_HON_EVALUATION] = {"evaluation", N_("evaluation meeting")},
};

const char *report_hon_kind_code(lk_hon_kind k) { return codes_code(hon_kinds, LK_NCODES(hon_kinds), k); }
const char *report_hon_kind_label(lk_hon_kind k) { return codes_label(hon_kinds, LK_NCODES(hon_kinds), k); }

int report_paid_minutes(const lk_settings *s, int actual_min, bool in_person)
{
	int r = s->honorarium_round_min;
	int paid = actual_min < 0 ? 0 : actual_min;
	if (r > 1)
		paid = (paid + r / 2) / r * r;
	if (in_person && paid < s->honorarium_minimum_min)
		paid = s->honorarium_minimum_min;
	return paid;
}

int64_t report_amount_ore(const lk_settings *s, int64_t paid_min)
{
	if (s->honorarium_rate_ore <= 0)
		return -1;
	return (paid_min * s->honorarium_rate_ore + 30) / 60;
}

/* ---- streaming with totals ---- */

struct hon_walk {
	const lk_ctx *ctx;
	const lk_hon_sink *sink;
	lk_hon_total person, grand;
	char name[256], organisation[256]; /* the current person's, for the total */
	int stop;
};

static void total_add(lk_hon_total *t, const lk_hon_item *it)
{
	if (it->kind == LK_HON_SESSION)
		t->sessions++;
	else
		t->meetings++;
	t->actual_min += it->actual_min;
	t->paid_min += it->paid_min;
	if (it->amount_ore >= 0)
		t->amount_ore += it->amount_ore;
}

/* Ends the current person: their total to the sink, added to the grand. */
static int person_end(struct hon_walk *w)
{
	if (w->person.person_id == 0)
		return 0;
	w->person.name = w->name;
	w->person.organisation = w->organisation;
	int stop = w->sink && w->sink->person ? w->sink->person(w->sink->arg, &w->person) : 0;
	w->person = (lk_hon_total){.amount_ore = w->grand.amount_ore < 0 ? -1 : 0};
	return stop;
}

static void person_start(struct hon_walk *w, const lk_store_hon *h)
{
	w->person.person_id = h->person_id;
	snprintf(w->name, sizeof w->name, "%s", h->name);
	snprintf(w->organisation, sizeof w->organisation, "%s", h->organisation);
}

static lk_hon_item item_of(const lk_ctx *ctx, const lk_store_hon *h)
{
	lk_hon_item it = {.person_id = h->person_id, .name = h->name, .organisation = h->organisation,
		.kind = (unsigned)h->kind < LK_HON_KIND_COUNT ? (lk_hon_kind)h->kind : LK_HON_SESSION,
		.id = h->id, .course_title = h->course_title, .run_title = h->run_title, .seq = h->seq,
		.starts_at = report_iso_datetime(h->starts_at), .ends_at = report_iso_datetime(h->ends_at),
		.in_person = h->in_person, .actual_min = h->actual_min};
	it.paid_min = report_paid_minutes(&ctx->settings, it.actual_min, it.in_person);
	it.amount_ore = report_amount_ore(&ctx->settings, it.paid_min);
	return it;
}

static int hon_row(void *arg, const lk_store_hon *h)
{
	struct hon_walk *w = arg;
	if (h->person_id != w->person.person_id) {
		if ((w->stop = person_end(w)) != 0)
			return 1;
		person_start(w, h);
	}
	lk_hon_item it = item_of(w->ctx, h);
	total_add(&w->person, &it);
	total_add(&w->grand, &it);
	if (w->sink && w->sink->item && (w->stop = w->sink->item(w->sink->arg, &it)) != 0)
		return 1;
	return 0;
}

int report_honorarium(lk_ctx *ctx, lk_period p, const lk_hon_sink *sink, lk_hon_total *grand,
	lk_err *err)
{
	report_iso iso;
	if (grand)
		*grand = (lk_hon_total){.name = "", .organisation = ""};
	if (report_begin(ctx, p, &iso, err) < 0)
		return -1;
	struct hon_walk *w = calloc(1, sizeof *w);
	if (!w)
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	w->ctx = ctx;
	w->sink = sink;
	w->grand = w->person = (lk_hon_total){.amount_ore = ctx->settings.honorarium_rate_ore > 0 ? 0 : -1};
	int rc = store_report_honorarium(ctx->db, iso.from, iso.to_next, hon_row, w, err);
	if (rc == 0 && !w->stop)
		person_end(w);
	w->grand.name = w->grand.organisation = "";
	if (rc == 0 && grand)
		*grand = w->grand;
	free(w);
	return rc;
}
