/* store/evalresult.c — the sums of evaluation forms, made in SQL (see
 * store/evalresult.h). Each scope has its own literal statement (one per
 * lk_result_scope), so each can use its index: response_run for a run or
 * a course, response_questionnaire for a version across runs. */
#include "store_impl.h"

#include <string.h>

#include "lmskurs/i18n.h"
#include "lmskurs/store/evalresult.h"

/* The forms of a scope, as a WHERE clause over response r: ?1 the run or
 * course, ?2 the questionnaire version. */
#define IN_RUN "r.run_id = ?1 AND r.questionnaire_id = ?2"
#define IN_COURSE "r.run_id IN (SELECT id FROM run WHERE course_id = ?1) AND r.questionnaire_id = ?2"
#define IN_VERSION "r.questionnaire_id = ?2"

/* ---- sums ---- */

#define SUMS(W)                                                                              \
	"SELECT 0, 0, 0, count(*), count(DISTINCT r.run_id) FROM response r WHERE " W        \
	" UNION ALL SELECT a.question_id, a.value_int IS NULL, coalesce(a.value_int, 0), "  \
	"count(*), 0 FROM response r JOIN answer a ON a.response_id = r.id WHERE " W         \
	" GROUP BY a.question_id, a.value_int"

static const char *const sums_sql[LK_RESULT_SCOPE_COUNT] = {
	[LK_RESULT_RUN] = SUMS(IN_RUN),
	[LK_RESULT_COURSE] = SUMS(IN_COURSE),
	[LK_RESULT_QUESTIONNAIRE] = SUMS(IN_VERSION),
};

static void read_sum(sqlite3_stmt *st, void *row)
{
	lk_eval_sum_row *r = row;
	r->question_id = sqlite3_column_int64(st, 0);
	r->is_text = sqlite3_column_int(st, 1) != 0;
	r->value = sqlite3_column_int64(st, 2);
	r->count = sqlite3_column_int64(st, 3);
	r->runs = sqlite3_column_int64(st, 4);
}

static void free_sum(lk_eval_sum_row *row) { (void)row; }

ST_STREAM_OF(stream_sums, lk_eval_sum_row, read_sum, free_sum)

/* The statement of table[scope] with ?1 and ?2 bound. */
static int prepare_scope(lk_db *db, const char *const *table, lk_result_scope scope, int64_t id,
	int64_t questionnaire_id, sqlite3_stmt **st, lk_err *err)
{
	if ((unsigned)scope >= LK_RESULT_SCOPE_COUNT)
		return lk_fail(err, LK_EINVAL, _("Say whether results are for a run, a course or a questionnaire."));
	if (st_prepare(db, table[scope], st, err) < 0)
		return -1;
	st_bind_ints(*st, id, questionnaire_id);
	return 0;
}

int store_evalresult_sums(lk_db *db, lk_result_scope scope, int64_t id, int64_t questionnaire_id,
	int (*each)(void *, const lk_eval_sum_row *), void *arg, lk_err *err)
{
	sqlite3_stmt *st;
	if (prepare_scope(db, sums_sql, scope, id, questionnaire_id, &st, err) < 0)
		return -1;
	return stream_sums(db, st, each, arg, _("summing evaluation forms"), err);
}

static const char *const forms_sql[LK_RESULT_SCOPE_COUNT] = {
	[LK_RESULT_RUN] = "SELECT count(*) FROM response r WHERE " IN_RUN,
	[LK_RESULT_COURSE] = "SELECT count(*) FROM response r WHERE " IN_COURSE,
	[LK_RESULT_QUESTIONNAIRE] = "SELECT count(*) FROM response r WHERE " IN_VERSION,
};

int64_t store_evalresult_forms(lk_db *db, lk_result_scope scope, int64_t id,
	int64_t questionnaire_id, lk_err *err)
{
	sqlite3_stmt *st;
	if (prepare_scope(db, forms_sql, scope, id, questionnaire_id, &st, err) < 0)
		return -1;
	return st_scalar(db, st, _("counting evaluation forms"), err);
}

/* ---- response rate ---- */

static const char *const rate_sql[LK_RESULT_SCOPE_COUNT] = {
	[LK_RESULT_RUN] =
		"WITH last AS (SELECT id FROM session WHERE run_id = ?1 AND status = 'held' "
		"ORDER BY starts_at DESC, seq DESC LIMIT 1) "
		"SELECT (SELECT count(*) FROM last), (SELECT count(*) FROM response WHERE run_id = ?1), "
		"(SELECT count(*) FROM attendance WHERE status = 'present' "
		"AND session_id IN (SELECT id FROM last))",
	[LK_RESULT_COURSE] =
		"WITH runs AS (SELECT u.id, (SELECT s.id FROM session s WHERE s.run_id = u.id "
		"AND s.status = 'held' ORDER BY s.starts_at DESC, s.seq DESC LIMIT 1) AS last "
		"FROM run u WHERE u.course_id = ?1 AND EXISTS (SELECT 1 FROM response x "
		"WHERE x.run_id = u.id AND x.questionnaire_id = ?2)), "
		"held AS (SELECT id, last FROM runs WHERE last IS NOT NULL) "
		"SELECT (SELECT count(*) FROM held), "
		"(SELECT count(*) FROM response WHERE run_id IN (SELECT id FROM held)), "
		"(SELECT count(*) FROM attendance WHERE status = 'present' "
		"AND session_id IN (SELECT last FROM held))",
	[LK_RESULT_QUESTIONNAIRE] = "SELECT 0, 0, 0 WHERE ?1 IS NOT NULL OR ?2 IS NOT NULL",
};

static void read_rate(sqlite3_stmt *st, void *out)
{
	lk_eval_rate *r = out;
	r->runs = sqlite3_column_int64(st, 0);
	r->forms = sqlite3_column_int64(st, 1);
	r->present = sqlite3_column_int64(st, 2);
}

int store_evalresult_rate(lk_db *db, lk_result_scope scope, int64_t id, int64_t questionnaire_id,
	lk_eval_rate *out, lk_err *err)
{
	sqlite3_stmt *st;
	memset(out, 0, sizeof *out);
	if (prepare_scope(db, rate_sql, scope, id, questionnaire_id, &st, err) < 0)
		return -1;
	return st_get_row(db, st, read_rate, out, _("reading the response rate"), err) < 0 ? -1 : 0;
}

/* ---- free texts ---- */

#define TEXTS(W)                                                                             \
	"SELECT a.value_text FROM response r JOIN answer a ON a.response_id = r.id "         \
	"AND a.question_id = ?3 WHERE " W " AND a.value_text IS NOT NULL "                   \
	"ORDER BY r.id LIMIT ?4 OFFSET ?5"

static const char *const texts_sql[LK_RESULT_SCOPE_COUNT] = {
	[LK_RESULT_RUN] = TEXTS(IN_RUN),
	[LK_RESULT_COURSE] = TEXTS(IN_COURSE),
	[LK_RESULT_QUESTIONNAIRE] = TEXTS(IN_VERSION),
};

struct text_walk {
	int (*each)(void *arg, const char *text);
	void *arg;
};

static int text_row(sqlite3_stmt *st, void *walk)
{
	const struct text_walk *w = walk;
	const char *t = (const char *)sqlite3_column_text(st, 0);
	return w->each(w->arg, t ? t : "");
}

int store_evalresult_texts(lk_db *db, lk_result_scope scope, int64_t id, int64_t questionnaire_id,
	int64_t question_id, lk_page page, int (*each)(void *, const char *), void *arg, lk_err *err)
{
	sqlite3_stmt *st;
	if (prepare_scope(db, texts_sql, scope, id, questionnaire_id, &st, err) < 0)
		return -1;
	st_bind_int(st, 3, question_id);
	st_bind_int(st, 4, page.limit > 0 ? page.limit : -1);
	st_bind_int(st, 5, page.offset);
	struct text_walk w = {each, arg};
	return st_stream(db, st, text_row, &w, _("reading free-text answers"), err);
}

/* ---- versions with forms ---- */

#define VERSIONS(W)                                                                          \
	"SELECT n.id, n.family_id, n.version_no, n.name, count(*), max(r.entered_at) "      \
	"FROM response r JOIN questionnaire n ON n.id = r.questionnaire_id WHERE " W         \
	" GROUP BY n.id ORDER BY max(r.entered_at) DESC, n.id DESC"

static const char *const versions_sql[LK_RESULT_SCOPE_COUNT] = {
	[LK_RESULT_RUN] = VERSIONS("r.run_id = ?1"),
	[LK_RESULT_COURSE] = VERSIONS("r.run_id IN (SELECT id FROM run WHERE course_id = ?1)"),
	[LK_RESULT_QUESTIONNAIRE] = VERSIONS("?1 IS NOT NULL"),
};

static void read_version(sqlite3_stmt *st, void *row)
{
	lk_result_version *v = row;
	v->questionnaire_id = sqlite3_column_int64(st, 0);
	v->family_id = sqlite3_column_int64(st, 1);
	v->version_no = sqlite3_column_int(st, 2);
	v->name = (const char *)sqlite3_column_text(st, 3);
	v->n_responses = sqlite3_column_int64(st, 4);
	v->last_entered_at = (const char *)sqlite3_column_text(st, 5);
}

static void free_version(lk_result_version *v) { (void)v; }

ST_STREAM_OF(stream_versions, lk_result_version, read_version, free_version)

int store_evalresult_versions(lk_db *db, lk_result_scope scope, int64_t id,
	int (*each)(void *, const lk_result_version *), void *arg, lk_err *err)
{
	sqlite3_stmt *st;
	if (prepare_scope(db, versions_sql, scope, id, 0, &st, err) < 0)
		return -1;
	return stream_versions(db, st, each, arg, _("reading questionnaire versions"), err);
}

/* ---- lookups ---- */

int store_evalresult_course_exists(lk_db *db, int64_t id, lk_err *err)
{
	return st_get_one(db, "SELECT 1 FROM course WHERE id = ?", id, NULL, NULL,
		_("reading a course"), err);
}

int store_evalresult_question_of(lk_db *db, int64_t question_id, int64_t questionnaire_id,
	lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "SELECT 1 FROM question WHERE id = ?1 AND questionnaire_id = ?2", &st, err) < 0)
		return -1;
	st_bind_ints(st, question_id, questionnaire_id);
	return st_get_row(db, st, NULL, NULL, _("reading a question"), err);
}

int store_evalresult_course_version(lk_db *db, int64_t course_id, int64_t *qid, lk_err *err)
{
	*qid = 0;
	return st_get_one(db,
		"SELECT coalesce((SELECT r.questionnaire_id FROM response r WHERE r.run_id IN "
		"(SELECT id FROM run WHERE course_id = c.id) ORDER BY r.id DESC LIMIT 1), "
		"(SELECT n.id FROM questionnaire n WHERE n.family_id = (SELECT family_id FROM "
		"questionnaire WHERE id = coalesce(c.questionnaire_id, (SELECT id FROM questionnaire "
		"WHERE is_default = 1 ORDER BY id LIMIT 1))) ORDER BY n.version_no DESC LIMIT 1), 0) "
		"FROM course c WHERE c.id = ?",
		course_id, st_read_int64, qid, _("reading a course"), err);
}

int store_evalresult_run_course(lk_db *db, int64_t run_id, int64_t *course_id, lk_err *err)
{
	*course_id = 0;
	return st_get_one(db, "SELECT course_id FROM run WHERE id = ?", run_id, st_read_int64,
		course_id, _("reading a run"), err);
}

int store_evalresult_latest_run(lk_db *db, int64_t course_id, int64_t *run_id, lk_err *err)
{
	*run_id = 0;
	return st_get_one(db,
		"SELECT u.id FROM run u WHERE u.course_id = ? AND EXISTS (SELECT 1 FROM response r "
		"WHERE r.run_id = u.id) ORDER BY coalesce(u.first_date, '9999-12-31') DESC, u.id DESC "
		"LIMIT 1",
		course_id, st_read_int64, run_id, _("reading runs"), err) < 0 ? -1 : 0;
}

/* ---- comparison ---- */

static void read_scale(sqlite3_stmt *st, void *row)
{
	lk_eval_scale_q *q = row;
	q->id = sqlite3_column_int64(st, 0);
	q->text = (const char *)sqlite3_column_text(st, 1);
	q->scale_min = sqlite3_column_int(st, 2);
	q->scale_max = sqlite3_column_int(st, 3);
}

static void free_scale(lk_eval_scale_q *q) { (void)q; }

ST_STREAM_OF(stream_scales, lk_eval_scale_q, read_scale, free_scale)

int store_evalresult_family_scales(lk_db *db, int64_t family_id,
	int (*each)(void *, const lk_eval_scale_q *), void *arg, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "SELECT q.id, q.text, q.scale_min, q.scale_max FROM question q "
			   "JOIN questionnaire n ON n.id = q.questionnaire_id "
			   "WHERE n.family_id = ? AND q.kind = 'scale'", &st, err) < 0)
		return -1;
	st_bind_int(st, 1, family_id);
	return stream_scales(db, st, each, arg, _("reading questions"), err);
}

/* The earlier runs of ?1's course and the versions of family ?2. */
#define EARLIER_CTE                                                                          \
	"WITH me AS (SELECT course_id, coalesce(first_date, '9999-12-31') AS d, id "         \
	"FROM run WHERE id = ?1), "                                                          \
	"earlier AS (SELECT u.id FROM run u, me WHERE u.course_id = me.course_id "           \
	"AND (coalesce(u.first_date, '9999-12-31'), u.id) < (me.d, me.id)), "               \
	"fam AS (SELECT id FROM questionnaire WHERE family_id = ?2) "

static void read_earlier(sqlite3_stmt *st, void *row)
{
	lk_eval_earlier_sum *s = row;
	s->question_id = sqlite3_column_int64(st, 0);
	s->n = sqlite3_column_int64(st, 1);
	s->sum = sqlite3_column_int64(st, 2);
}

static void free_earlier(lk_eval_earlier_sum *s) { (void)s; }

ST_STREAM_OF(stream_earlier, lk_eval_earlier_sum, read_earlier, free_earlier)

int store_evalresult_earlier_sums(lk_db *db, int64_t run_id, int64_t family_id,
	int (*each)(void *, const lk_eval_earlier_sum *), void *arg, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, EARLIER_CTE
			   "SELECT a.question_id, count(*), sum(a.value_int) FROM response r "
			   "JOIN answer a ON a.response_id = r.id WHERE r.run_id IN (SELECT id FROM earlier) "
			   "AND r.questionnaire_id IN (SELECT id FROM fam) AND a.value_int IS NOT NULL "
			   "GROUP BY a.question_id", &st, err) < 0)
		return -1;
	st_bind_ints(st, run_id, family_id);
	return stream_earlier(db, st, each, arg, _("summing earlier runs"), err);
}

static void read_two(sqlite3_stmt *st, void *out)
{
	int64_t *v = out;
	v[0] = sqlite3_column_int64(st, 0);
	v[1] = sqlite3_column_int64(st, 1);
}

int store_evalresult_earlier_counts(lk_db *db, int64_t run_id, int64_t family_id, int64_t *runs,
	int64_t *forms, lk_err *err)
{
	sqlite3_stmt *st;
	int64_t v[2] = {0, 0};
	if (st_prepare(db, EARLIER_CTE
			   "SELECT count(DISTINCT r.run_id), count(*) FROM response r "
			   "WHERE r.run_id IN (SELECT id FROM earlier) AND r.questionnaire_id IN "
			   "(SELECT id FROM fam)", &st, err) < 0)
		return -1;
	st_bind_ints(st, run_id, family_id);
	if (st_get_row(db, st, read_two, v, _("counting earlier forms"), err) < 0)
		return -1;
	*runs = v[0];
	*forms = v[1];
	return 0;
}
