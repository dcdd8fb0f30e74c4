#!/usr/bin/env bash
# scripts/bench-search.sh — how fast participant search is per keystroke.
#
#   scripts/bench-search.sh [N]          (default N = 100000)
#
# Not a timed test: a script people run (docs/decisions.md, "Participant
# search", has the figures). It
#   1. builds build/liblmskurs.a and the driver tests/bench/bench_search.c;
#   2. makes a database in a temp folder with N participants who are not
#      purged and N/5 who are (names in Norwegian, Polish, Turkish,
#      Cyrillic and Vietnamese spelling, 60 % with an e-mail, 80 % with a
#      phone), added by plain SQL, then builds the search index;
#   3. times 20 search texts of 1 to 8 characters the way the participants
#      list does on every keystroke: participant_count, then the first page
#      of 60 from participant_search; one warm-up, then 5 runs each, as a
#      coordinator (names, e-mail, phone) and as staff (names only);
#   4. prints the machine and the figures as Markdown.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-100000}
case $n in
'' | *[!0-9]*) echo "usage: bench-search.sh [N]" >&2; exit 2 ;;
esac
for tool in cc sqlite3 make pkg-config; do
	if ! command -v "$tool" >/dev/null; then
		echo "bench-search: $tool is needed; on Debian: sudo apt-get install gcc sqlite3 make pkg-config" >&2
		exit 2
	fi
done

make -s -C "$root" build/liblmskurs.a
work=$(mktemp -d "${TMPDIR:-/tmp}/lmskurs-bench-search.XXXXXX")
trap 'rm -rf "$work"' EXIT
driver=$work/bench_search
# shellcheck disable=SC2046 # pkg-config gives several words
cc -std=c11 -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE -O2 -I"$root/include" -I"$root/build/gen" \
	-o "$driver" "$root/tests/bench/bench_search.c" "$root/build/liblmskurs.a" \
	$(pkg-config --libs ncursesw sqlite3 pangocairo libical) -liniparser -lm

db=$work/lmskurs.db
"$driver" init "$db"
purged=$((n / 5))
sqlite3 "$db" <<EOF
CREATE TEMP TABLE fn(k INTEGER PRIMARY KEY, v TEXT);
CREATE TEMP TABLE ln(k INTEGER PRIMARY KEY, v TEXT);
INSERT INTO fn(v) SELECT value FROM json_each('["Anne","Inger","Kari","Marit","Ingrid","Liv","Eva","Berit","Astrid","Bjørg","Hilde","Anna","Solveig","Marianne","Randi","Ida","Nina","Maria","Elisabeth","Kristin","Jan","Per","Bjørn","Ole","Lars","Kjell","Knut","Arne","Svein","Thomas","Hans","Geir","Tor","Morten","Terje","Odd","Erik","Martin","Andreas","John","Øyvind","Åse","Jørgen","Håkon","Sølvi","Ørjan","Åsmund","Dag","Trond","Jon","Tone","Hege","Siri","Gunn","Turid","Ragnhild","Sigrid","Mona","Lene","Heidi","Silje","Camilla","Emma","Nora","Sofie","Jakob","Emil","Noah","Oliver","Filip","Mohammed","Fatima","Ahmed","Aisha","Zofia","Łukasz","Agnieszka","Дмитрий","Анна","Ольга","Сергей","Văn Ánh","Thị Hương","Minh Đức","Mehmet","Ayşe","Jūratė","Ştefan","Grzegorz","Małgorzata"]');
INSERT INTO ln(v) SELECT value FROM json_each('["Hansen","Johansen","Olsen","Larsen","Andersen","Pedersen","Nilsen","Kristiansen","Jensen","Karlsen","Johnsen","Pettersen","Eriksen","Berg","Haugen","Hagen","Johannessen","Andreassen","Jacobsen","Dahl","Jørgensen","Henriksen","Lund","Halvorsen","Sørensen","Jakobsen","Moen","Gundersen","Iversen","Strand","Solberg","Svendsen","Eide","Knutsen","Martinsen","Paulsen","Bakken","Kristoffersen","Mathisen","Lie","Amundsen","Nguyen","Rasmussen","Ali","Lunde","Solheim","Berge","Moe","Nygård","Bakke","Kristensen","Fredriksen","Holm","Lien","Hauge","Christensen","Andresen","Nielsen","Knudsen","Evensen","Sæther","Aas","Myhre","Hanssen","Ahmed","Haugland","Thomassen","Sivertsen","Simonsen","Danielsen","Berntsen","Sandvik","Rønning","Arnesen","Antonsen","Næss","Vik","Haug","Ellingsen","Thorsen","Edvardsen","Birkeland","Isaksen","Gulbrandsen","Ødegård","Wold","Ruud","Kaur","Ødegaard","Khan","Hussain","Ivanova","Иванова","Петров","Смирнова","Nguyễn","Trần","Lê","Phạm","Kowalski","Nowak","Wiśniewska","Øverland","Aasen","Ågren","Tveit","Fjeld","Skår","Østby","Bråthen","Lægreid","Kvåle","Yılmaz","Şahin","Bergström","Müller","Gómez"]');
-- Deterministic: a participant's name, phone and e-mail follow from the id.
INSERT INTO participant (name, phone, email, birth_year, notes, created_at)
WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < $((n + purged))),
h AS (SELECT i, (i * 2654435761) % 4294967296 AS a, (i * 40503 + 12345) % 1000003 AS b,
	(i * 69069 + 1) % 999983 AS c FROM s)
SELECT f.v || ' ' || CASE WHEN h.c % 7 = 0 THEN l2.v || ' ' ELSE '' END || l.v,
	CASE WHEN h.b % 10 < 8 THEN CASE WHEN h.a % 3 = 0 THEN '+47' ELSE '' END
		|| (4 + h.a % 2 * 5) || printf('%07d', h.b * 7 % 10000000) ELSE '' END,
	CASE WHEN h.c % 10 < 6 THEN lower(f.v) || '.' || lower(l.v) || (h.a % 100) || '@'
		|| CASE h.b % 4 WHEN 0 THEN 'gmail.com' WHEN 1 THEN 'online.no' WHEN 2 THEN 'hotmail.com'
		ELSE 'example.no' END ELSE '' END,
	1930 + h.a % 80, '', '2026-01-01T10:00:00'
FROM h
JOIN fn f ON f.k = 1 + (h.a % 1000) * (h.a % 1000) * (SELECT count(*) FROM fn) / 1000000
JOIN ln l ON l.k = 1 + (h.b % 1000) * (h.b % 1000) * (SELECT count(*) FROM ln) / 1000000
JOIN ln l2 ON l2.k = 1 + h.c % (SELECT count(*) FROM ln);
-- Every sixth removed by the privacy purge (as store_privacy_clear does).
UPDATE participant SET name = '', phone = '', email = '', birth_year = NULL, notes = '',
	purged_at = '2027-01-01T00:00:00' WHERE id % 6 = 0 AND $purged > 0;
EOF
rebuilt=$("$driver" rebuild "$db")

texts=(a s k ka kar kari han hansen sen ø øy ødegård ив иванова nguyễn @gmail 912 "+47 9" 91234567 zq)
echo "## Participant search per keystroke"
echo
echo "- machine: $(uname -srm), $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ //' || echo '?')"
echo "- SQLite $(sqlite3 --version | cut -d' ' -f1); participants: $(sqlite3 "$db" 'SELECT count(*) FROM participant WHERE purged_at IS NULL') and $(sqlite3 "$db" 'SELECT count(*) FROM participant WHERE purged_at IS NOT NULL') purged; file $(($(stat -c %s "$db") / 1048576)) MiB"
echo "- $rebuilt"
echo "- one keystroke = participant_count + the first page of 60 (participant_search)"
echo
echo "### Coordinator (names, e-mail, phone)"
echo
"$driver" run "$db" bench 5 "${texts[@]}"
echo
echo "### Staff (names only)"
echo
"$driver" run "$db" vert 5 "${texts[@]}"
