/* SQL for courses, planning groups, session plans and revision logs. */
#include "store_impl.h"

#include <stdlib.h>

#include "lmskurs/i18n.h"
#include "lmskurs/store/course.h"

static const char *nz(const char *s) { return s ? s : ""; }

/* ---- courses ---- */

#define COURSE_COLS                                                                    \
	"c.id, c.title, c.audience, c.phase, c.why, c.owner_id, c.management_backing,"   \
	" c.target_group, c.goals, c.frame, c.content, c.methods, c.evaluation,"          \
	" c.referral_required, c.questionnaire_id, c.created_at, c.updated_at, c.version"

static void read_course(sqlite3_stmt *st, void *row)
{
	lk_course *c = row;
	c->id = sqlite3_column_int64(st, 0);
	c->title = st_col_text(st, 1);
	course_audience_parse((const char *)sqlite3_column_text(st, 2), &c->audience);
	course_phase_parse((const char *)sqlite3_column_text(st, 3), &c->phase);
	c->why = st_col_text(st, 4);
	c->owner_id = sqlite3_column_int64(st, 5);
	c->management_backing = st_col_text(st, 6);
	char **elements[] = {&c->target_group, &c->goals, &c->frame, &c->content, &c->methods,
		&c->evaluation};
	for (int i = 0; i < 6; i++)
		*elements[i] = st_col_text(st, 7 + i);
	c->referral_required = sqlite3_column_int(st, 13) != 0;
	c->questionnaire_id = sqlite3_column_int64(st, 14);
	c->created_at = st_col_text(st, 15);
	c->updated_at = st_col_text(st, 16);
	c->version = sqlite3_column_int64(st, 17);
}

/* Binds the 13 editable fields as ?1..?13. */
static void bind_course(sqlite3_stmt *st, const lk_course *c)
{
	st_bind_text(st, 1, c->title);
	st_bind_text(st, 2, course_audience_code(c->audience));
	st_bind_text(st, 3, nz(c->why));
	st_bind_opt_int(st, 4, c->owner_id, c->owner_id == 0);
	st_bind_text(st, 5, nz(c->management_backing));
	const char *elements[] = {c->target_group, c->goals, c->frame, c->content, c->methods,
		c->evaluation};
	for (int i = 0; i < 6; i++)
		st_bind_text(st, 6 + i, nz(elements[i]));
	st_bind_int(st, 12, c->referral_required);
	st_bind_opt_int(st, 13, c->questionnaire_id, c->questionnaire_id == 0);
}

int store_course_insert(lk_db *db, lk_course *c, const char *stamp, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "INSERT INTO course (title, audience, why, owner_id, management_backing,"
			   " target_group, goals, frame, content, methods, evaluation, referral_required,"
			   " questionnaire_id, phase, created_at, updated_at)"
			   " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, 'idea', ?14, ?14)",
		    &st, err) < 0)
		return -1;
	bind_course(st, c);
	st_bind_text(st, 14, stamp);
	if (st_exec_stmt(db, st, _("saving a course"), err) < 0)
		return -1;
	c->id = st_last_id(db);
	c->phase = LK_COURSE_IDEA;
	c->version = 1;
	return 0;
}

int store_course_get(lk_db *db, int64_t id, lk_course *out, lk_err *err)
{
	return st_get_one(db, "SELECT " COURSE_COLS " FROM course c WHERE c.id = ?", id, read_course, out,
		_("reading a course"), err);
}

int store_course_update(lk_db *db, lk_course *c, const char *stamp, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "UPDATE course SET title = ?1, audience = ?2, why = ?3, owner_id = ?4,"
			   " management_backing = ?5, target_group = ?6, goals = ?7, frame = ?8,"
			   " content = ?9, methods = ?10, evaluation = ?11, referral_required = ?12,"
			   " questionnaire_id = ?13, updated_at = ?14, version = version + 1"
			   " WHERE id = ?15 AND version = ?16", &st, err) < 0)
		return -1;
	bind_course(st, c);
	st_bind_text(st, 14, stamp);
	st_bind_int(st, 15, c->id);
	st_bind_int(st, 16, c->version);
	if (st_exec_stmt(db, st, _("saving a course"), err) < 0 ||
	    st_check_versioned(db, "SELECT 1 FROM course WHERE id = ?", c->id, _("The course"), err) < 0)
		return -1;
	c->version++;
	return 0;
}

int store_course_delete(lk_db *db, int64_t id, int64_t version, lk_err *err)
{
	if (st_exec_ints(db, "DELETE FROM course WHERE id = ? AND version = ?", id, version,
		    _("deleting a course"), err) < 0)
		return -1;
	return st_check_versioned(db, "SELECT 1 FROM course WHERE id = ?", id, _("The course"), err);
}

int store_course_set_phase(lk_db *db, int64_t id, const char *phase, const char *stamp, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "UPDATE course SET phase = ?, updated_at = ?, version = version + 1 WHERE id = ?", &st, err) < 0)
		return -1;
	st_bind_text(st, 1, phase);
	st_bind_text(st, 2, stamp);
	st_bind_int(st, 3, id);
	return st_exec_stmt(db, st, _("saving a course's phase"), err);
}

/* The filter's WHERE clause is fixed; absent criteria bind as "match all". */
#define COURSE_WHERE                                                   \
	" WHERE (?1 = '%' OR c.title LIKE ?1 ESCAPE '\\')"             \
	"   AND (?2 IS NULL OR c.phase = ?2) AND (?3 IS NULL OR c.audience = ?3)"

static int bind_filter(sqlite3_stmt *st, const lk_course_filter *f, lk_err *err)
{
	char *pat = st_like_pattern(f ? f->text : NULL);
	if (!pat)
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	st_bind_text(st, 1, pat);
	free(pat);
	st_bind_text(st, 2, f && f->phase >= 0 ? course_phase_code((lk_course_phase)f->phase) : NULL);
	st_bind_text(st, 3, f && f->audience >= 0 ? course_audience_code((lk_audience)f->audience) : NULL);
	return 0;
}

static void course_row_free(lk_course_row *r)
{
	course_free(&r->course);
	free(r->owner_name);
	free(r->next_first_date);
}

static void read_course_row(sqlite3_stmt *st, lk_course_row *r)
{
	*r = (lk_course_row){0};
	read_course(st, &r->course);
	r->owner_name = st_col_text_or_null(st, 18);
	r->n_runs = sqlite3_column_int64(st, 19);
	r->next_first_date = st_col_text_or_null(st, 20);
}

ST_STREAM_OF(stream_course_rows, lk_course_row, read_course_row, course_row_free)

int store_course_list(lk_db *db, const lk_course_filter *f, const char *today, lk_page page,
	int (*each)(void *, const lk_course_row *), void *arg, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "SELECT " COURSE_COLS ", p.name,"
			   " (SELECT count(*) FROM run r WHERE r.course_id = c.id),"
			   " (SELECT min(r.first_date) FROM run r WHERE r.course_id = c.id"
			   "   AND r.first_date >= ?6 AND r.phase <> 'cancelled')"
			   " FROM course c LEFT JOIN person p ON p.id = c.owner_id" COURSE_WHERE
			   " ORDER BY c.title COLLATE NOCASE, c.id LIMIT ?4 OFFSET ?5", &st, err) < 0 ||
	    bind_filter(st, f, err) < 0)
		return -1;
	st_bind_int(st, 4, page.limit > 0 ? page.limit : -1);
	st_bind_int(st, 5, page.offset);
	st_bind_text(st, 6, today);
	return stream_course_rows(db, st, each, arg, _("reading courses"), err);
}

int64_t store_course_count(lk_db *db, const lk_course_filter *f, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "SELECT count(*) FROM course c" COURSE_WHERE, &st, err) < 0 ||
	    bind_filter(st, f, err) < 0)
		return -1;
	return st_scalar(db, st, _("counting courses"), err);
}

int store_course_usage(lk_db *db, int64_t id, lk_course_usage *out, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db,
		"SELECT (SELECT count(*) FROM run WHERE course_id = ?1),"
		"       (SELECT count(*) FROM course_part WHERE course_id = ?1),"
		"       (SELECT count(*) FROM planning_member WHERE course_id = ?1),"
		"       (SELECT count(*) FROM meeting WHERE course_id = ?1),"
		"       (SELECT count(*) FROM checklist_item WHERE course_id = ?1),"
		"       (SELECT count(*) FROM gate_override WHERE course_id = ?1),"
		"       (SELECT count(*) FROM revision WHERE course_id = ?1)", &st, err) < 0)
		return -1;
	st_bind_int(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		int64_t *f[] = {&out->runs, &out->parts, &out->members, &out->meetings,
			&out->checklist, &out->overrides, &out->revisions};
		for (int i = 0; i < 7; i++)
			*f[i] = sqlite3_column_int64(st, i);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : st_fail(db, rc, _("reading what belongs to a course"), err);
}

static void read_active(sqlite3_stmt *st, void *active)
{
	if (active)
		*(bool *)active = sqlite3_column_int(st, 0) != 0;
}

int store_course_person_exists(lk_db *db, int64_t id, bool *active, lk_err *err)
{
	return st_get_one(db, "SELECT active FROM person WHERE id = ?", id, read_active, active,
		_("reading a person"), err);
}

int store_course_questionnaire_exists(lk_db *db, int64_t id, lk_err *err)
{
	int64_t n = st_scalar_id(db, "SELECT count(*) FROM questionnaire WHERE id = ?", id,
		_("reading a questionnaire"), err);
	return n < 0 ? -1 : n > 0;
}

/* ---- planning group ---- */

int store_member_exists(lk_db *db, int64_t course_id, int64_t person_id, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "SELECT count(*) FROM planning_member WHERE course_id = ? AND person_id = ?",
		    &st, err) < 0)
		return -1;
	st_bind_int(st, 1, course_id);
	st_bind_int(st, 2, person_id);
	int64_t n = st_scalar(db, st, _("reading a planning group"), err);
	return n < 0 ? -1 : n > 0;
}

int store_member_insert(lk_db *db, int64_t course_id, int64_t person_id, const char *note,
	const char *stamp, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "INSERT INTO planning_member (course_id, person_id, role_note, added_at)"
			   " VALUES (?, ?, ?, ?)", &st, err) < 0)
		return -1;
	st_bind_int(st, 1, course_id);
	st_bind_int(st, 2, person_id);
	st_bind_text(st, 3, nz(note));
	st_bind_text(st, 4, stamp);
	return st_exec_stmt(db, st, _("saving a planning group"), err);
}

int store_member_delete(lk_db *db, int64_t course_id, int64_t person_id, lk_err *err)
{
	if (st_exec_ints(db, "DELETE FROM planning_member WHERE course_id = ? AND person_id = ?",
		    course_id, person_id, _("saving a planning group"), err) < 0)
		return -1;
	return st_changes(db) > 0;
}

static void read_member(sqlite3_stmt *st, lk_member *m)
{
	lk_person p;
	st_read_person_head(st, 0, &p);
	*m = (lk_member){.person_id = p.id, .name = p.name, .kind = p.kind, .profession = p.profession,
		.organisation = p.organisation, .role_note = st_col_text(st, 5),
		.active = sqlite3_column_int(st, 6) != 0};
}

ST_STREAM_OF(stream_members, lk_member, read_member, course_member_free)

int store_member_list(lk_db *db, int64_t course_id,
	int (*each)(void *, const lk_member *), void *arg, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "SELECT p.id, p.name, p.kind, p.profession, p.organisation, m.role_note,"
			   " p.active FROM planning_member m JOIN person p ON p.id = m.person_id"
			   " WHERE m.course_id = ? ORDER BY p.kind <> 'professional',"
			   " p.name COLLATE NOCASE, p.id", &st, err) < 0)
		return -1;
	st_bind_int(st, 1, course_id);
	return stream_members(db, st, each, arg, _("reading a planning group"), err);
}

int store_member_balance(lk_db *db, int64_t course_id, int64_t *n_prof, int64_t *n_userrep,
	lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "SELECT coalesce(sum(p.kind = 'professional'), 0),"
			   " coalesce(sum(p.kind = 'user_rep'), 0)"
			   " FROM planning_member m JOIN person p ON p.id = m.person_id"
			   " WHERE m.course_id = ?", &st, err) < 0)
		return -1;
	st_bind_int(st, 1, course_id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*n_prof = sqlite3_column_int64(st, 0);
		*n_userrep = sqlite3_column_int64(st, 1);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : st_fail(db, rc, _("reading a planning group"), err);
}

/* ---- session plan ---- */

#define PART_COLS "id, course_id, position, topic, minutes, needs, description, version"

static void read_part(sqlite3_stmt *st, void *row)
{
	lk_course_part *p = row;
	p->id = sqlite3_column_int64(st, 0);
	p->course_id = sqlite3_column_int64(st, 1);
	p->position = sqlite3_column_int(st, 2);
	p->topic = st_col_text(st, 3);
	p->minutes = sqlite3_column_int(st, 4);
	course_part_needs_parse((const char *)sqlite3_column_text(st, 5), &p->needs);
	p->description = st_col_text(st, 6);
	p->version = sqlite3_column_int64(st, 7);
}

int store_part_insert(lk_db *db, lk_course_part *p, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "INSERT INTO course_part (course_id, position, topic, minutes, needs,"
			   " description) VALUES (?1, (SELECT coalesce(max(position), 0) + 1"
			   " FROM course_part WHERE course_id = ?1), ?2, ?3, ?4, ?5)"
			   " RETURNING id, position", &st, err) < 0)
		return -1;
	st_bind_int(st, 1, p->course_id);
	st_bind_text(st, 2, p->topic);
	st_bind_int(st, 3, p->minutes);
	st_bind_text(st, 4, course_part_needs_code(p->needs));
	st_bind_text(st, 5, nz(p->description));
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		p->id = sqlite3_column_int64(st, 0);
		p->position = sqlite3_column_int(st, 1);
		p->version = 1;
		rc = sqlite3_step(st);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : st_fail(db, rc, _("saving a part of the session plan"), err);
}

int store_part_get(lk_db *db, int64_t id, lk_course_part *out, lk_err *err)
{
	return st_get_one(db, "SELECT " PART_COLS " FROM course_part WHERE id = ?", id, read_part, out,
		_("reading a part of the session plan"), err);
}

int store_part_update(lk_db *db, lk_course_part *p, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "UPDATE course_part SET topic = ?, minutes = ?, needs = ?, description = ?,"
			   " version = version + 1 WHERE id = ? AND version = ?", &st, err) < 0)
		return -1;
	st_bind_text(st, 1, p->topic);
	st_bind_int(st, 2, p->minutes);
	st_bind_text(st, 3, course_part_needs_code(p->needs));
	st_bind_text(st, 4, nz(p->description));
	st_bind_int(st, 5, p->id);
	st_bind_int(st, 6, p->version);
	if (st_exec_stmt(db, st, _("saving a part of the session plan"), err) < 0 ||
	    st_check_versioned(db, "SELECT 1 FROM course_part WHERE id = ?", p->id,
		    _("The part of the session plan"), err) < 0)
		return -1;
	p->version++;
	return 0;
}

/* Positions are unique per course and checked row by row, so a shift goes
 * through a parking range above every real position. */
enum { PARK = 1000000 };

static int part_shift(lk_db *db, int64_t course_id, int above, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "UPDATE course_part SET position = position + ?3"
			   " WHERE course_id = ?1 AND position > ?2", &st, err) < 0)
		return -1;
	st_bind_int(st, 1, course_id);
	st_bind_int(st, 2, above);
	st_bind_int(st, 3, PARK);
	if (st_exec_stmt(db, st, _("renumbering the session plan"), err) < 0 ||
	    st_prepare(db, "UPDATE course_part SET position = position - ?3"
			   " WHERE course_id = ?1 AND position > ?2", &st, err) < 0)
		return -1;
	st_bind_int(st, 1, course_id);
	st_bind_int(st, 2, PARK);
	st_bind_int(st, 3, PARK + 1);
	return st_exec_stmt(db, st, _("renumbering the session plan"), err);
}

int store_part_delete(lk_db *db, const lk_course_part *p, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "DELETE FROM course_part WHERE id = ? AND version = ?", &st, err) < 0)
		return -1;
	st_bind_int(st, 1, p->id);
	st_bind_int(st, 2, p->version);
	if (st_exec_stmt(db, st, _("deleting a part of the session plan"), err) < 0 ||
	    st_check_versioned(db, "SELECT 1 FROM course_part WHERE id = ?", p->id,
		    _("The part of the session plan"), err) < 0)
		return -1;
	return part_shift(db, p->course_id, p->position, err);
}

static int part_set_position(lk_db *db, int64_t id, int position, lk_err *err)
{
	return st_exec_ints(db, "UPDATE course_part SET position = ? WHERE id = ?", position, id,
		_("moving a part of the session plan"), err);
}

static int64_t part_at(lk_db *db, int64_t course_id, int position, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "SELECT coalesce(max(id), 0) FROM course_part"
			   " WHERE course_id = ? AND position = ?", &st, err) < 0)
		return -1;
	st_bind_int(st, 1, course_id);
	st_bind_int(st, 2, position);
	return st_scalar(db, st, _("reading the session plan"), err);
}

int store_part_swap(lk_db *db, const lk_course_part *p, int with, lk_err *err)
{
	int64_t other = part_at(db, p->course_id, with, err);
	if (other <= 0)
		return (int)other;
	sqlite3_stmt *st;
	if (st_prepare(db, "UPDATE course_part SET position = ?3, version = version + 1"
			   " WHERE id = ?1 AND version = ?2", &st, err) < 0)
		return -1;
	st_bind_int(st, 1, p->id);
	st_bind_int(st, 2, p->version);
	st_bind_int(st, 3, PARK);
	if (st_exec_stmt(db, st, _("moving a part of the session plan"), err) < 0 ||
	    st_check_versioned(db, "SELECT 1 FROM course_part WHERE id = ?", p->id,
		    _("The part of the session plan"), err) < 0 ||
	    part_set_position(db, other, p->position, err) < 0 ||
	    part_set_position(db, p->id, with, err) < 0)
		return -1;
	return 1;
}

ST_STREAM_OF(stream_parts, lk_course_part, read_part, course_part_free)

int store_part_list(lk_db *db, int64_t course_id,
	int (*each)(void *, const lk_course_part *), void *arg, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "SELECT " PART_COLS " FROM course_part WHERE course_id = ?"
			   " ORDER BY position", &st, err) < 0)
		return -1;
	st_bind_int(st, 1, course_id);
	return stream_parts(db, st, each, arg, _("reading the session plan"), err);
}

/* ---- revisions ---- */

#define REVISION_COLS "id, course_id, decision_id, element, part_id, change, why, login, at, version"

static void read_revision(sqlite3_stmt *st, void *row)
{
	lk_revision *r = row;
	r->id = sqlite3_column_int64(st, 0);
	r->course_id = sqlite3_column_int64(st, 1);
	r->decision_id = sqlite3_column_int64(st, 2);
	revision_element_parse((const char *)sqlite3_column_text(st, 3), &r->element);
	r->part_id = sqlite3_column_int64(st, 4);
	r->change = st_col_text(st, 5);
	r->why = st_col_text(st, 6);
	r->login = st_col_text(st, 7);
	r->at = st_col_text(st, 8);
	r->version = sqlite3_column_int64(st, 9);
}

int store_revision_insert(lk_db *db, lk_revision *r, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "INSERT INTO revision (course_id, decision_id, element, part_id, change,"
			   " why, login, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", &st, err) < 0)
		return -1;
	st_bind_int(st, 1, r->course_id);
	st_bind_opt_int(st, 2, r->decision_id, r->decision_id == 0);
	st_bind_text(st, 3, revision_element_code(r->element));
	st_bind_opt_int(st, 4, r->part_id, r->part_id == 0);
	st_bind_text(st, 5, r->change);
	st_bind_text(st, 6, nz(r->why));
	st_bind_text(st, 7, r->login);
	st_bind_text(st, 8, r->at);
	if (st_exec_stmt(db, st, _("saving a revision"), err) < 0)
		return -1;
	r->id = st_last_id(db);
	r->version = 1;
	return 0;
}

int store_revision_get(lk_db *db, int64_t id, lk_revision *out, lk_err *err)
{
	return st_get_one(db, "SELECT " REVISION_COLS " FROM revision WHERE id = ?", id, read_revision,
		out, _("reading a revision"), err);
}

int store_revision_delete(lk_db *db, int64_t id, int64_t version, lk_err *err)
{
	if (st_exec_ints(db, "DELETE FROM revision WHERE id = ? AND version = ?", id, version,
		    _("deleting a revision"), err) < 0)
		return -1;
	return st_check_versioned(db, "SELECT 1 FROM revision WHERE id = ?", id, _("The revision"), err);
}

ST_STREAM_OF(stream_revisions, lk_revision, read_revision, revision_free)

int store_revision_list(lk_db *db, int64_t course_id, lk_page page,
	int (*each)(void *, const lk_revision *), void *arg, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "SELECT " REVISION_COLS " FROM revision WHERE course_id = ?"
			   " ORDER BY at DESC, id DESC LIMIT ? OFFSET ?", &st, err) < 0)
		return -1;
	st_bind_int(st, 1, course_id);
	st_bind_int(st, 2, page.limit > 0 ? page.limit : -1);
	st_bind_int(st, 3, page.offset);
	return stream_revisions(db, st, each, arg, _("reading revisions"), err);
}

int64_t store_revision_count(lk_db *db, int64_t course_id, lk_err *err)
{
	return st_scalar_id(db, "SELECT count(*) FROM revision WHERE course_id = ?", course_id,
		_("counting revisions"), err);
}
