-- 0003: two indexes for searches that would otherwise read whole tables.
--
-- A questionnaire's responses: every question edit asks "does this
-- questionnaire have answers?", lists show the number of answers per
-- questionnaire, and deleting one checks response.questionnaire_id
-- (ON DELETE RESTRICT).
CREATE INDEX response_questionnaire ON response(questionnaire_id);

-- Sessions that end on a later day than they start (normally none). The
-- conflict search looks this far back for sessions still going on; the
-- WHERE clause must stay word for word the one in src/store/conflict.c.
CREATE INDEX session_multi_day ON session(starts_at)
	WHERE substr(ends_at, 1, 10) <> substr(starts_at, 1, 10);
