-- 0006: participant search over a hundred thousand people (issue 4), by two
-- FTS5 indexes that src/store/participant.c keeps; docs/decisions.md says
-- why and what it costs.
--
-- participant_fts: trigrams of the name, e-mail and phone, for searches of
-- three characters or more (a phrase of trigrams is a substring).
-- participant_fts_short: for searches of one or two characters. Each text is
-- stored spread out with a separator between its characters ("kari" as
-- S k S a S r S i S), so that its trigrams are exactly "S k S" for every
-- character and "k S a" for every pair next to each other: a one- or
-- two-character search is one trigram. The separator says the column (name
-- U+001F, e-mail U+001E, phone U+001D; no text has control characters), so
-- detail=none (no positions, no columns) is enough.
--
-- Both are contentless (no copy of the text): lmskurs adds and removes a
-- participant's row itself, in the transaction that changes the participant.
-- Purged participants are never in them. SQLite refuses to write a virtual
-- table from a trigger while trusted_schema is off (as lmskurs runs), so
-- triggers only list the participants changed by anyone else (the privacy
-- purge, a script, the sqlite3 shell) in participant_fts_stale; while it is
-- not empty, searches read the table itself, and the next change made
-- through lmskurs (or store_participant_search_rebuild) rebuilds both
-- indexes and empties it.
CREATE VIRTUAL TABLE participant_fts USING fts5(name, email, phone,
	content = '', tokenize = 'trigram case_sensitive 0', columnsize = 0);

CREATE VIRTUAL TABLE participant_fts_short USING fts5(name, email, phone,
	content = '', tokenize = 'trigram case_sensitive 0', columnsize = 0, detail = none);

CREATE TABLE participant_fts_stale (id INTEGER PRIMARY KEY) STRICT;

-- The participants already here, as src/store/participant.c adds them
-- (spread(): the separator, then each character followed by it; '' stays '').
INSERT INTO participant_fts (rowid, name, email, phone)
	SELECT id, name, email, phone FROM participant WHERE purged_at IS NULL;

INSERT INTO participant_fts_short (rowid, name, email, phone)
WITH RECURSIVE spread(id, col, rest, acc) AS (
	SELECT id, 0, name, iif(name = '', '', char(31)) FROM participant WHERE purged_at IS NULL
	UNION ALL
	SELECT id, 1, email, iif(email = '', '', char(30)) FROM participant WHERE purged_at IS NULL
	UNION ALL
	SELECT id, 2, phone, iif(phone = '', '', char(29)) FROM participant WHERE purged_at IS NULL
	UNION ALL
	SELECT id, col, substr(rest, 2), acc || substr(rest, 1, 1) || substr(acc, 1, 1)
	FROM spread WHERE rest <> '')
SELECT id, max(iif(col = 0, acc, NULL)), max(iif(col = 1, acc, NULL)), max(iif(col = 2, acc, NULL))
FROM spread WHERE rest = '' GROUP BY id;

CREATE TRIGGER participant_fts_stale_insert AFTER INSERT ON participant
BEGIN
	INSERT OR IGNORE INTO participant_fts_stale (id) VALUES (new.id);
END;

CREATE TRIGGER participant_fts_stale_update
	AFTER UPDATE OF id, name, email, phone, purged_at ON participant
	WHEN old.id IS NOT new.id OR old.name IS NOT new.name OR old.email IS NOT new.email
	  OR old.phone IS NOT new.phone OR (old.purged_at IS NULL) <> (new.purged_at IS NULL)
BEGIN
	INSERT OR IGNORE INTO participant_fts_stale (id) VALUES (old.id), (new.id);
END;

CREATE TRIGGER participant_fts_stale_delete AFTER DELETE ON participant
BEGIN
	INSERT OR IGNORE INTO participant_fts_stale (id) VALUES (old.id);
END;
