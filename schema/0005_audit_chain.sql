-- 0005: the audit log becomes tamper-evident (DESIGN.md §2, privacy;
-- include/lmskurs/auditlog.h). Each entry carries a SHA-256 over the hash
-- of the entry before it and its own fields (at, login, role, action,
-- entity, entity_id, detail), so an entry changed or removed afterwards
-- breaks the chain from there on; `lmskurs check` walks it.
--
-- Entries written before this version keep an empty hash: the chain starts
-- at audit_chain.first_id. audit_chain also holds the last entry and its
-- hash, so entries cut off the end are noticed as well.
ALTER TABLE audit ADD COLUMN hash TEXT NOT NULL DEFAULT '';

CREATE TABLE audit_chain (
	one       INTEGER PRIMARY KEY CHECK (one = 1),
	first_id  INTEGER NOT NULL,   -- the first entry with a hash
	last_id   INTEGER NOT NULL,   -- the newest entry (0: none yet)
	last_hash TEXT NOT NULL       -- its hash ('' before the first)
) STRICT;

INSERT INTO audit_chain (one, first_id, last_id, last_hash)
	SELECT 1, coalesce(max(id), 0) + 1, coalesce(max(id), 0), '' FROM audit;

-- Append-only: lmskurs never changes or removes an entry, so nothing that
-- goes through SQLite's rules (the program, a careless script) can either.
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'lmskurs: the audit log is append-only'); END;

CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'lmskurs: the audit log is append-only'); END;
