# shellcheck shell=bash
# The centre of the report journeys (j_report_*.sh), sourced after lib.sh:
# the same small centre as tests/unit/test_report.c and tests/cli/t_report.sh,
# whose figures are worked out by hand there.

report_centre() {
	"$LMSKURS_BIN" --db "$E2E_DB" init >/dev/null 2>&1 || fail "init failed"
	python3 - "$E2E_DB" <<'PY' || fail "the fixture did not load"
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.executescript("""
INSERT INTO person (id, name, kind, profession, organisation, created_at) VALUES
	(1, 'Kari Nordmann', 'professional', 'Sykepleier', '', '2026-01-01T00:00:00'),
	(2, 'Ola Ødegård', 'professional', 'lege', '', '2026-01-01T00:00:00'),
	(3, 'Åse Brukersen', 'user_rep', '', 'LHL', '2026-01-01T00:00:00'),
	(4, 'Zhang Wei 张伟', 'user_rep', '', 'Diabetesforbundet', '2026-01-01T00:00:00');
INSERT INTO course (id, title, audience, phase, created_at, updated_at) VALUES
	(1, 'Leve med diabetes', 'patients', 'active', '2026-01-01T00:00:00', '2026-01-01T00:00:00'),
	(2, 'Pårørendeskolen', 'relatives', 'active', '2026-01-01T00:00:00', '2026-01-01T00:00:00');
INSERT INTO run (id, course_id, title, phase, place, capacity, first_date, last_date, created_at) VALUES
	(1, 1, 'Våren 2027', 'evaluation', 'Aker, bygg 5', 20, '2027-02-01', '2027-02-15', '2026-01-02T00:00:00'),
	(2, 2, 'Vår', 'execution', '', 20, '2027-03-01', '2027-03-15', '2026-01-02T00:00:00'),
	(3, 1, 'Avlyst', 'cancelled', '', 20, '2027-04-05', '2027-04-05', '2026-01-02T00:00:00');
INSERT INTO gate_override (run_id, from_phase, to_phase, unmet, reason, login, at) VALUES
	(3, 'registration', 'cancelled', '', 'For få påmeldte', 'koord', '2027-03-20T10:00:00');
INSERT INTO session (id, run_id, seq, starts_at, ends_at, status) VALUES
	(1, 1, 1, '2027-02-01T10:00', '2027-02-01T13:00', 'held'),
	(2, 1, 2, '2027-02-08T10:00', '2027-02-08T13:00', 'held'),
	(3, 1, 3, '2027-02-15T10:00', '2027-02-15T13:00', 'held'),
	(4, 2, 1, '2027-03-01T18:00', '2027-03-01T20:00', 'held'),
	(5, 2, 2, '2027-03-08T18:00', '2027-03-08T20:00', 'cancelled'),
	(6, 2, 3, '2027-03-15T18:00', '2027-03-15T19:30', 'planned'),
	(7, 3, 1, '2027-04-05T10:00', '2027-04-05T13:00', 'planned');
INSERT INTO session_facilitator VALUES (1, 1), (1, 3), (2, 2), (2, 3), (3, 1), (3, 2), (3, 3),
	(4, 1), (6, 1), (6, 3), (7, 1), (7, 3);
INSERT INTO participant (id, name, created_at) VALUES
	(1, 'Åsmund Ærlig', '2026-01-03T00:00:00'), (2, 'Nguyễn Thị Lan', '2026-01-03T00:00:00'),
	(3, 'Ewa Żółć', '2026-01-03T00:00:00'), (4, 'محمد علي', '2026-01-03T00:00:00'),
	(5, 'Vera Venter', '2026-01-03T00:00:00');
INSERT INTO enrollment (id, run_id, participant_id, category, status, requested_at, placed_at, cancelled_at) VALUES
	(1, 1, 1, 'patient', 'registered', '2026-01-04T00:00:00', '2027-01-15T10:00:00', NULL),
	(2, 1, 2, 'patient', 'registered', '2026-01-04T00:00:00', '2027-01-15T10:00:00', NULL),
	(3, 1, 3, 'relative', 'registered', '2026-01-04T00:00:00', '2027-02-05T10:00:00', NULL),
	(4, 1, 4, 'relative', 'cancelled', '2026-01-04T00:00:00', '2027-01-15T10:00:00', '2027-02-10T09:00:00'),
	(5, 1, 5, 'patient', 'waitlisted', '2026-01-04T00:00:00', NULL, NULL),
	(6, 2, 1, 'relative', 'registered', '2026-01-04T00:00:00', '2027-02-20T10:00:00', NULL);
INSERT INTO attendance (session_id, enrollment_id, status, marked_by, marked_at) VALUES
	(1, 1, 'present', 'k', '2027-02-01T13:00:00'), (2, 1, 'present', 'k', '2027-02-08T13:00:00'),
	(3, 1, 'present', 'k', '2027-02-15T13:00:00'), (1, 2, 'present', 'k', '2027-02-01T13:00:00'),
	(2, 2, 'absent', 'k', '2027-02-08T13:00:00'), (3, 2, 'present', 'k', '2027-02-15T13:00:00'),
	(2, 3, 'present', 'k', '2027-02-08T13:00:00'), (3, 3, 'present', 'k', '2027-02-15T13:00:00'),
	(1, 4, 'present', 'k', '2027-02-01T13:00:00'), (2, 4, 'excused', 'k', '2027-02-08T13:00:00'),
	(4, 6, 'present', 'k', '2027-03-01T20:00:00');
INSERT INTO meeting (id, course_id, run_id, kind, starts_at, ends_at) VALUES
	(1, 1, NULL, 'planning', '2027-01-20T12:00', '2027-01-20T13:30'),
	(2, 1, 1, 'evaluation', '2027-03-01T09:00', '2027-03-01T09:20');
INSERT INTO meeting_attendee VALUES (1, 3, 1), (1, 4, 0), (1, 1, 1), (2, 3, 1);
""")
c.commit()
PY
}

# From Home, the cursor to the Reports section and into it.
go_to_reports() {
	keys g
	for _ in 1 2 3 4 5 6 7 8; do
		cursor_line | grep -qF "Reports" && break
		keys Down
		sleep 0.2
	done
	cursor_line | grep -qF "Reports" || fail "Home has no Reports section: [$(cursor_line)]"
	keys Enter
}
