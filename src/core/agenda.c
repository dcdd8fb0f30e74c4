/* agenda.c — sessions for calendars, the calendar id, and a run laid out
 * in one step (agenda.h). */
#include "lmskurs/agenda.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include "lmskurs/audit.h"
#include "lmskurs/i18n.h"
#include "lmskurs/person.h"
#include "lmskurs/role.h"
#include "lmskurs/store/agenda.h"

#define CALENDAR_ID_KEY "calendar_id"

void agenda_event_free(lk_agenda_event *ev)
{
	if (!ev)
		return;
	free(ev->topic);
	free(ev->room);
	free(ev->place);
	free(ev->course_title);
	free(ev->run_title);
	free(ev->facilitators);
	memset(ev, 0, sizeof *ev);
}

/* A random (version 4) UUID in its 36-character text form. */
static int make_uuid(char out[static 37], lk_err *err)
{
	unsigned char b[16];
	size_t got = 0;
	while (got < sizeof b) {
		ssize_t n = getrandom(b + got, sizeof b - got, 0);
		if (n < 0 && errno != EINTR)
			return lk_fail(err, LK_EIO, _("Cannot get random numbers for the calendar id: %s"),
				strerror(errno));
		got += n > 0 ? (size_t)n : 0;
	}
	b[6] = (unsigned char)((b[6] & 0x0f) | 0x40);
	b[8] = (unsigned char)((b[8] & 0x3f) | 0x80);
	snprintf(out, 37, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
		b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12],
		b[13], b[14], b[15]);
	return 0;
}

/* Reads the id, making and keeping it when there is none yet. */
static int calendar_id_get_or_make(lk_ctx *ctx, char **out, lk_err *err)
{
	if (store_meta_get(ctx->db, CALENDAR_ID_KEY, out, err) < 0)
		return -1;
	if (*out)
		return 0;
	char uuid[37];
	if (make_uuid(uuid, err) < 0 || store_meta_set(ctx->db, CALENDAR_ID_KEY, uuid, err) < 0 ||
	    audit_log(ctx, "create", "meta", 0, CALENDAR_ID_KEY, err) < 0)
		return -1;
	*out = strdup(uuid);
	return *out ? 0 : lk_fail(err, LK_ENOMEM, _("Out of memory."));
}

int agenda_calendar_id(lk_ctx *ctx, char **out, lk_err *err)
{
	*out = NULL;
	if (role_require(ctx, LK_PERM_READ_PLAN, err) < 0 || store_begin(ctx->db, err) < 0)
		return -1;
	int rc = ctx_end(ctx, calendar_id_get_or_make(ctx, out, err), err);
	if (rc < 0) {
		free(*out);
		*out = NULL;
	}
	return rc;
}

int agenda_run_events(lk_ctx *ctx, int64_t run_id, lk_page page,
	int (*each)(void *, const lk_agenda_event *), void *arg, lk_err *err)
{
	lk_run r;
	int rc = run_get(ctx, run_id, &r, err); /* the role check and "no such run" */
	run_free(&r);
	if (rc < 0)
		return -1;
	return store_agenda_run(ctx->db, run_id, page, each, arg, err);
}

int agenda_person_events(lk_ctx *ctx, int64_t person_id, lk_page page,
	int (*each)(void *, const lk_agenda_event *), void *arg, lk_err *err)
{
	lk_person p;
	int rc = person_get(ctx, person_id, &p, err);
	person_free(&p);
	if (rc < 0)
		return -1;
	return store_agenda_person(ctx->db, person_id, page, each, arg, err);
}

int run_create_scheduled(lk_ctx *ctx, lk_run *r, const lk_schedule *s, lk_err *err)
{
	if (role_require(ctx, LK_PERM_EDIT_PLAN, err) < 0 || store_begin(ctx->db, err) < 0)
		return -1;
	int n = run_create(ctx, r, err);
	if (n == 0)
		n = run_schedule(ctx, r->id, s, err);
	if (ctx_end(ctx, n < 0 ? -1 : 0, err) < 0) {
		r->id = 0;
		r->version = 0;
		return -1;
	}
	return n;
}
