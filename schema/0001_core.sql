-- 0001: the data model of the standard method (DESIGN.md §2-3).
-- Times are ISO 8601 local text: dates 'YYYY-MM-DD', times 'YYYY-MM-DDTHH:MM',
-- stamps 'YYYY-MM-DDTHH:MM:SS'. Every record a person edits has a version
-- for optimistic concurrency (UPDATE ... WHERE id = ? AND version = ?).

CREATE TABLE meta (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
) STRICT;

-- Who may use the database. The OS login identifies the user; the login
-- that creates the database is its first coordinator.
CREATE TABLE app_user (
	id         INTEGER PRIMARY KEY,
	login      TEXT NOT NULL UNIQUE CHECK (length(login) BETWEEN 1 AND 64),
	name       TEXT NOT NULL DEFAULT '',
	role       TEXT NOT NULL CHECK (role IN ('coordinator', 'user_rep', 'staff')),
	person_id  INTEGER REFERENCES person(id) ON DELETE SET NULL,
	active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	created_at TEXT NOT NULL,
	version    INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE INDEX app_user_person ON app_user(person_id) WHERE person_id IS NOT NULL;

-- Someone who plans or facilitates: a professional or a user representative.
CREATE TABLE person (
	id           INTEGER PRIMARY KEY,
	name         TEXT NOT NULL CHECK (length(name) >= 1),
	kind         TEXT NOT NULL CHECK (kind IN ('professional', 'user_rep')),
	profession   TEXT NOT NULL DEFAULT '',   -- sykepleier, lege, ... (professionals)
	organisation TEXT NOT NULL DEFAULT '',   -- LHL, Diabetesforbundet, ... (user reps)
	email        TEXT NOT NULL DEFAULT '',
	phone        TEXT NOT NULL DEFAULT '',
	notes        TEXT NOT NULL DEFAULT '',
	active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	created_at   TEXT NOT NULL,
	version      INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX person_name ON person(name COLLATE NOCASE, id);

-- The course concept, planned by the didactic relation model's six elements.
CREATE TABLE course (
	id           INTEGER PRIMARY KEY,
	title        TEXT NOT NULL CHECK (length(title) >= 1),
	audience     TEXT NOT NULL CHECK (audience IN ('patients', 'relatives', 'both')),
	phase        TEXT NOT NULL DEFAULT 'idea'
	             CHECK (phase IN ('idea', 'planning', 'active', 'revision', 'retired')),
	why          TEXT NOT NULL DEFAULT '',   -- idea and anchoring: why this course
	owner_id     INTEGER REFERENCES person(id) ON DELETE SET NULL,
	management_backing TEXT NOT NULL DEFAULT '',
	target_group TEXT NOT NULL DEFAULT '',   -- målgruppe
	goals        TEXT NOT NULL DEFAULT '',   -- mål
	frame        TEXT NOT NULL DEFAULT '',   -- rammer: time, place, resources
	content      TEXT NOT NULL DEFAULT '',   -- innhold
	methods      TEXT NOT NULL DEFAULT '',   -- metoder
	evaluation   TEXT NOT NULL DEFAULT '',   -- evaluering
	referral_required INTEGER NOT NULL DEFAULT 0 CHECK (referral_required IN (0, 1)),
	questionnaire_id INTEGER REFERENCES questionnaire(id) ON DELETE SET NULL,
	created_at   TEXT NOT NULL,
	updated_at   TEXT NOT NULL,
	version      INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX course_title ON course(title COLLATE NOCASE, id);
CREATE INDEX course_owner ON course(owner_id) WHERE owner_id IS NOT NULL;
CREATE INDEX course_questionnaire ON course(questionnaire_id) WHERE questionnaire_id IS NOT NULL;
CREATE INDEX course_phase ON course(phase, title COLLATE NOCASE);

CREATE TABLE planning_member (
	course_id INTEGER NOT NULL REFERENCES course(id) ON DELETE CASCADE,
	person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE RESTRICT,
	role_note TEXT NOT NULL DEFAULT '',
	added_at  TEXT NOT NULL,
	PRIMARY KEY (course_id, person_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX planning_member_person ON planning_member(person_id);

-- The course's session plan: the parts each run is scheduled from.
CREATE TABLE course_part (
	id          INTEGER PRIMARY KEY,
	course_id   INTEGER NOT NULL REFERENCES course(id) ON DELETE CASCADE,
	position    INTEGER NOT NULL CHECK (position >= 1),
	topic       TEXT NOT NULL CHECK (length(topic) >= 1),
	minutes     INTEGER NOT NULL CHECK (minutes BETWEEN 5 AND 720),
	needs       TEXT NOT NULL DEFAULT 'both'
	            CHECK (needs IN ('both', 'professional', 'user_rep')),
	description TEXT NOT NULL DEFAULT '',
	version     INTEGER NOT NULL DEFAULT 1,
	UNIQUE (course_id, position)
) STRICT;

-- One scheduled delivery of a course.
CREATE TABLE run (
	id          INTEGER PRIMARY KEY,
	course_id   INTEGER NOT NULL REFERENCES course(id) ON DELETE RESTRICT,
	title       TEXT NOT NULL DEFAULT '',    -- e.g. "Våren 2027"; empty = course title + dates
	phase       TEXT NOT NULL DEFAULT 'scheduling'
	            CHECK (phase IN ('scheduling', 'registration', 'execution',
	                             'evaluation', 'closed', 'cancelled')),
	place       TEXT NOT NULL DEFAULT '',
	capacity    INTEGER CHECK (capacity IS NULL OR capacity BETWEEN 1 AND 1000),
	questionnaire_id INTEGER REFERENCES questionnaire(id) ON DELETE SET NULL,
	first_date  TEXT,                        -- cache of min(session.starts_at) date, for lists
	last_date   TEXT,
	notes       TEXT NOT NULL DEFAULT '',
	closed_at   TEXT,                        -- when it reached 'closed' (retention counts from here)
	created_at  TEXT NOT NULL,
	version     INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX run_course ON run(course_id, first_date);
CREATE INDEX run_first_date ON run(first_date, id);
CREATE INDEX run_phase ON run(phase);
CREATE INDEX run_questionnaire ON run(questionnaire_id) WHERE questionnaire_id IS NOT NULL;

-- One meeting of a run.
CREATE TABLE session (
	id          INTEGER PRIMARY KEY,
	run_id      INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
	seq         INTEGER NOT NULL CHECK (seq >= 1),
	starts_at   TEXT NOT NULL CHECK (starts_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]'),
	ends_at     TEXT NOT NULL CHECK (ends_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]'),
	room        TEXT NOT NULL DEFAULT '',
	topic       TEXT NOT NULL DEFAULT '',
	status      TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'held', 'cancelled')),
	notes       TEXT NOT NULL DEFAULT '',
	version     INTEGER NOT NULL DEFAULT 1,
	CHECK (ends_at > starts_at),
	UNIQUE (run_id, seq)
) STRICT;
CREATE INDEX session_starts ON session(starts_at);
CREATE INDEX session_room ON session(room COLLATE NOCASE, starts_at) WHERE room <> '';

CREATE TABLE session_facilitator (
	session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
	person_id  INTEGER NOT NULL REFERENCES person(id) ON DELETE RESTRICT,
	PRIMARY KEY (session_id, person_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX session_facilitator_person ON session_facilitator(person_id, session_id);

-- Planning and evaluation meetings of a course (evaluation meetings belong to a run).
CREATE TABLE meeting (
	id         INTEGER PRIMARY KEY,
	course_id  INTEGER NOT NULL REFERENCES course(id) ON DELETE CASCADE,
	run_id     INTEGER REFERENCES run(id) ON DELETE CASCADE,
	kind       TEXT NOT NULL CHECK (kind IN ('planning', 'evaluation')),
	starts_at  TEXT NOT NULL CHECK (starts_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]'),
	ends_at    TEXT NOT NULL CHECK (ends_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]'),
	place      TEXT NOT NULL DEFAULT '',
	notes      TEXT NOT NULL DEFAULT '',
	version    INTEGER NOT NULL DEFAULT 1,
	CHECK (ends_at > starts_at),
	CHECK (kind = 'planning' OR run_id IS NOT NULL)
) STRICT;
CREATE INDEX meeting_course ON meeting(course_id, starts_at);
CREATE INDEX meeting_run ON meeting(run_id) WHERE run_id IS NOT NULL;

CREATE TABLE meeting_attendee (
	meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
	person_id  INTEGER NOT NULL REFERENCES person(id) ON DELETE RESTRICT,
	in_person  INTEGER NOT NULL DEFAULT 1 CHECK (in_person IN (0, 1)),
	PRIMARY KEY (meeting_id, person_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX meeting_attendee_person ON meeting_attendee(person_id);

-- Participants: health data. Names and contact details are cleared by the
-- privacy purge (purged_at set); enrollments and attendance stay for counts.
CREATE TABLE participant (
	id          INTEGER PRIMARY KEY,
	name        TEXT NOT NULL,
	phone       TEXT NOT NULL DEFAULT '',
	email       TEXT NOT NULL DEFAULT '',
	birth_year  INTEGER CHECK (birth_year IS NULL OR birth_year BETWEEN 1900 AND 2100),
	notes       TEXT NOT NULL DEFAULT '',
	created_at  TEXT NOT NULL,
	purged_at   TEXT,
	version     INTEGER NOT NULL DEFAULT 1,
	CHECK (purged_at IS NOT NULL OR length(name) >= 1)
) STRICT;
CREATE INDEX participant_name ON participant(name COLLATE NOCASE, id);
CREATE INDEX participant_phone ON participant(phone) WHERE phone <> '';
CREATE INDEX participant_email ON participant(email COLLATE NOCASE) WHERE email <> '';

-- A participant's place in a run. First come, first served: the queue order
-- is (requested_at, id).
CREATE TABLE enrollment (
	id             INTEGER PRIMARY KEY,
	run_id         INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
	participant_id INTEGER NOT NULL REFERENCES participant(id) ON DELETE CASCADE,
	category       TEXT NOT NULL CHECK (category IN ('patient', 'relative')),
	status         TEXT NOT NULL CHECK (status IN ('registered', 'waitlisted', 'cancelled')),
	requested_at   TEXT NOT NULL,            -- when they signed up (queue order)
	placed_at      TEXT,                     -- when they got a place (attendance expected from here)
	cancelled_at   TEXT,
	referral       INTEGER NOT NULL DEFAULT 0 CHECK (referral IN (0, 1)),
	version        INTEGER NOT NULL DEFAULT 1,
	UNIQUE (run_id, participant_id),
	CHECK (status <> 'registered' OR placed_at IS NOT NULL),
	CHECK (status <> 'cancelled' OR cancelled_at IS NOT NULL)
) STRICT;
CREATE INDEX enrollment_queue ON enrollment(run_id, status, requested_at, id);
CREATE INDEX enrollment_participant ON enrollment(participant_id);

-- The database itself refuses more registered than capacity, whatever path
-- tries it (two coordinators at once included).
CREATE TRIGGER enrollment_capacity_insert BEFORE INSERT ON enrollment
WHEN NEW.status = 'registered'
 AND (SELECT capacity FROM run WHERE id = NEW.run_id) IS NOT NULL
 AND (SELECT count(*) FROM enrollment WHERE run_id = NEW.run_id AND status = 'registered')
     >= (SELECT capacity FROM run WHERE id = NEW.run_id)
BEGIN SELECT RAISE(ABORT, 'lmskurs: capacity exceeded'); END;

CREATE TRIGGER enrollment_capacity_update BEFORE UPDATE OF status, run_id ON enrollment
WHEN NEW.status = 'registered' AND (OLD.status <> 'registered' OR OLD.run_id <> NEW.run_id)
 AND (SELECT capacity FROM run WHERE id = NEW.run_id) IS NOT NULL
 AND (SELECT count(*) FROM enrollment WHERE run_id = NEW.run_id AND status = 'registered')
     >= (SELECT capacity FROM run WHERE id = NEW.run_id)
BEGIN SELECT RAISE(ABORT, 'lmskurs: capacity exceeded'); END;

CREATE TRIGGER run_capacity_lowered BEFORE UPDATE OF capacity ON run
WHEN NEW.capacity IS NOT NULL
 AND (SELECT count(*) FROM enrollment WHERE run_id = NEW.id AND status = 'registered') > NEW.capacity
BEGIN SELECT RAISE(ABORT, 'lmskurs: capacity below registered'); END;

CREATE TABLE attendance (
	session_id    INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
	enrollment_id INTEGER NOT NULL REFERENCES enrollment(id) ON DELETE CASCADE,
	status        TEXT NOT NULL CHECK (status IN ('present', 'absent', 'excused')),
	marked_by     TEXT NOT NULL,
	marked_at     TEXT NOT NULL,
	reason        TEXT NOT NULL DEFAULT '',  -- required for corrections after the day
	PRIMARY KEY (session_id, enrollment_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX attendance_enrollment ON attendance(enrollment_id);

-- Phase checklists: an editable template per phase, copied to a course or
-- run when it enters the phase.
CREATE TABLE checklist_template (
	id       INTEGER PRIMARY KEY,
	phase    TEXT NOT NULL CHECK (phase IN ('idea', 'planning', 'scheduling', 'registration',
	                                        'execution', 'evaluation', 'revision')),
	position INTEGER NOT NULL,
	text     TEXT NOT NULL CHECK (length(text) >= 1),
	version  INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX checklist_template_phase ON checklist_template(phase, position);

CREATE TABLE checklist_item (
	id        INTEGER PRIMARY KEY,
	course_id INTEGER REFERENCES course(id) ON DELETE CASCADE,
	run_id    INTEGER REFERENCES run(id) ON DELETE CASCADE,
	phase     TEXT NOT NULL CHECK (phase IN ('idea', 'planning', 'scheduling', 'registration',
	                                         'execution', 'evaluation', 'revision')),
	position  INTEGER NOT NULL,
	text      TEXT NOT NULL CHECK (length(text) >= 1),
	done      INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
	done_by   TEXT,
	done_at   TEXT,
	version   INTEGER NOT NULL DEFAULT 1,
	CHECK ((course_id IS NULL) <> (run_id IS NULL))
) STRICT;
CREATE INDEX checklist_item_course ON checklist_item(course_id, phase, position) WHERE course_id IS NOT NULL;
CREATE INDEX checklist_item_run ON checklist_item(run_id, phase, position) WHERE run_id IS NOT NULL;

-- A gate passed although not met: the written reason is kept.
CREATE TABLE gate_override (
	id         INTEGER PRIMARY KEY,
	course_id  INTEGER REFERENCES course(id) ON DELETE CASCADE,
	run_id     INTEGER REFERENCES run(id) ON DELETE CASCADE,
	from_phase TEXT NOT NULL CHECK (from_phase IN ('idea', 'planning', 'active', 'revision', 'retired',
	           'scheduling', 'registration', 'execution', 'evaluation', 'closed', 'cancelled')),
	to_phase   TEXT NOT NULL CHECK (to_phase IN ('idea', 'planning', 'active', 'revision', 'retired',
	           'scheduling', 'registration', 'execution', 'evaluation', 'closed', 'cancelled')),
	unmet      TEXT NOT NULL,                -- what was not met, as the gate said it
	reason     TEXT NOT NULL CHECK (length(trim(reason)) >= 1),
	login      TEXT NOT NULL,
	at         TEXT NOT NULL,
	CHECK ((course_id IS NULL) <> (run_id IS NULL))
) STRICT;
CREATE INDEX gate_override_course ON gate_override(course_id) WHERE course_id IS NOT NULL;
CREATE INDEX gate_override_run ON gate_override(run_id) WHERE run_id IS NOT NULL;

-- Questionnaires. One with answers is never changed: editing makes a new
-- version (previous_id points back; family_id groups the versions).
CREATE TABLE questionnaire (
	id          INTEGER PRIMARY KEY,
	family_id   INTEGER NOT NULL,
	version_no  INTEGER NOT NULL DEFAULT 1 CHECK (version_no >= 1),
	previous_id INTEGER REFERENCES questionnaire(id) ON DELETE SET NULL,
	name        TEXT NOT NULL CHECK (length(name) >= 1),
	description TEXT NOT NULL DEFAULT '',
	is_default  INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
	created_at  TEXT NOT NULL,
	version     INTEGER NOT NULL DEFAULT 1,
	UNIQUE (family_id, version_no)
) STRICT;

CREATE UNIQUE INDEX questionnaire_one_default ON questionnaire(is_default) WHERE is_default = 1;

CREATE TABLE question (
	id               INTEGER PRIMARY KEY,
	questionnaire_id INTEGER NOT NULL REFERENCES questionnaire(id) ON DELETE CASCADE,
	position         INTEGER NOT NULL CHECK (position >= 1),
	section          TEXT NOT NULL DEFAULT 'rating' CHECK (section IN ('background', 'rating', 'open')),
	kind             TEXT NOT NULL CHECK (kind IN ('scale', 'choice', 'yesno', 'text')),
	text             TEXT NOT NULL CHECK (length(text) >= 1),
	scale_min        INTEGER,
	scale_max        INTEGER,
	label_min        TEXT NOT NULL DEFAULT '',
	label_max        TEXT NOT NULL DEFAULT '',
	version          INTEGER NOT NULL DEFAULT 1,
	UNIQUE (questionnaire_id, position),
	CHECK (kind <> 'scale' OR (scale_min IS NOT NULL AND scale_max > scale_min))
) STRICT;

CREATE TABLE question_option (
	question_id INTEGER NOT NULL REFERENCES question(id) ON DELETE CASCADE,
	position    INTEGER NOT NULL CHECK (position >= 1),
	label       TEXT NOT NULL CHECK (length(label) >= 1),
	PRIMARY KEY (question_id, position)
) STRICT, WITHOUT ROWID;

-- One filled-in form. Anonymous: no link to a participant, ever.
CREATE TABLE response (
	id               INTEGER PRIMARY KEY,
	run_id           INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
	questionnaire_id INTEGER NOT NULL REFERENCES questionnaire(id) ON DELETE RESTRICT,
	source           TEXT NOT NULL DEFAULT 'paper' CHECK (source IN ('paper', 'import')),
	entered_by       TEXT NOT NULL,
	entered_at       TEXT NOT NULL,
	version          INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX response_run ON response(run_id, questionnaire_id);

CREATE TABLE answer (
	response_id INTEGER NOT NULL REFERENCES response(id) ON DELETE CASCADE,
	question_id INTEGER NOT NULL REFERENCES question(id) ON DELETE RESTRICT,
	value_int   INTEGER,                     -- scale value, option position, 1/0 for yes/no
	value_text  TEXT,                        -- free text
	PRIMARY KEY (response_id, question_id),
	CHECK (value_int IS NULL OR value_text IS NULL)
) STRICT, WITHOUT ROWID;
CREATE INDEX answer_question ON answer(question_id);

-- The facilitators' own evaluation of a run (one per facilitator).
CREATE TABLE facilitator_evaluation (
	run_id     INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
	person_id  INTEGER NOT NULL REFERENCES person(id) ON DELETE RESTRICT,
	text       TEXT NOT NULL,
	written_at TEXT NOT NULL,
	version    INTEGER NOT NULL DEFAULT 1,
	PRIMARY KEY (run_id, person_id)
) STRICT;

-- Decisions of an evaluation meeting; a decision may become a revision.
CREATE TABLE decision (
	id         INTEGER PRIMARY KEY,
	meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
	text       TEXT NOT NULL CHECK (length(text) >= 1),
	version    INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX decision_meeting ON decision(meeting_id);

CREATE TABLE revision (
	id          INTEGER PRIMARY KEY,
	course_id   INTEGER NOT NULL REFERENCES course(id) ON DELETE CASCADE,
	decision_id INTEGER REFERENCES decision(id) ON DELETE SET NULL,
	element     TEXT NOT NULL CHECK (element IN ('target_group', 'goals', 'frame', 'content',
	                                             'methods', 'evaluation', 'session_plan', 'other')),
	part_id     INTEGER REFERENCES course_part(id) ON DELETE SET NULL,
	change      TEXT NOT NULL CHECK (length(change) >= 1),
	why         TEXT NOT NULL DEFAULT '',
	login       TEXT NOT NULL,
	at          TEXT NOT NULL,
	version     INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX revision_course ON revision(course_id, at DESC);
CREATE INDEX revision_decision ON revision(decision_id) WHERE decision_id IS NOT NULL;
CREATE INDEX revision_part ON revision(part_id) WHERE part_id IS NOT NULL;

-- Who did what, when. Never a participant's name or contact details.
CREATE TABLE audit (
	id        INTEGER PRIMARY KEY,
	at        TEXT NOT NULL,
	login     TEXT NOT NULL,
	role      TEXT NOT NULL CHECK (role IN ('coordinator', 'user_rep', 'staff')),
	action    TEXT NOT NULL,                 -- create, update, delete, read_contact, phase, ...
	entity    TEXT NOT NULL,                 -- table name
	entity_id INTEGER,
	detail    TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX audit_at ON audit(at);
CREATE INDEX audit_entity ON audit(entity, entity_id);
