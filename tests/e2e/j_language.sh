#!/usr/bin/env bash
# Journey: the same first screen in Norwegian bokmål (the default: no
# LANGUAGE, LANG=C.UTF-8) and in English, chosen by `--lang en`, by
# `[ui] language = en` in the config file, and --lang over the config.
# The messages come from build/locale (LMSKURS_LOCALEDIR, set by lib.sh).
. "$(dirname "$0")/lib.sh"

[ -f "$E2E_ROOT/build/locale/nb/LC_MESSAGES/lmskurs.mo" ] ||
	fail "no bokmål messages in build/locale: run make first"
real_bin=$LMSKURS_BIN
config="$E2E_TMP/config/lmskurs/config.ini"

# with_lang_en: LMSKURS_BIN becomes a wrapper that adds --lang en.
with_lang_en() {
	printf '#!/bin/sh\nexec %q --lang en "$@"\n' "$real_bin" >"$E2E_TMP/lmskurs-en"
	chmod +x "$E2E_TMP/lmskurs-en"
	LMSKURS_BIN=$E2E_TMP/lmskurs-en
}

# restart [NAME=VALUE ...]: quit the running screen, start again.
restart() {
	keys q
	expect_eq "exit status" "0" "$(wait_exit)"
	# The session goes, the tmux server stays (a new server on the same
	# socket can race the old one's exit).
	tm set-option -s exit-empty off
	tm kill-session -t main
	start "$@"
}

# Norwegian: the default when nothing asks for another language.
start LANGUAGE=
wait_for_text "Velkommen til lmskurs"
assert_screen_contains "lmskurs · Hjem"
assert_screen_contains "Kurs"
assert_screen_contains "Personer"
assert_screen_contains "? hjelp"
assert_screen_lacks "People"
assert_screen_lacks "Welcome to lmskurs"

# English from the command line.
with_lang_en
restart LANGUAGE=
wait_for_text "Welcome to lmskurs"
assert_screen_contains "lmskurs · Home"
assert_screen_contains "Courses"
assert_screen_contains "People"
assert_screen_contains "? help"
assert_screen_lacks "Personer"
assert_screen_lacks "hjelp"

# English from the config file.
LMSKURS_BIN=$real_bin
mkdir -p "$(dirname "$config")"
printf '[ui]\nlanguage = en\n' >"$config"
restart LANGUAGE=
wait_for_text "Welcome to lmskurs"
assert_screen_contains "People"
assert_screen_lacks "Personer"

# --lang wins over the config file.
printf '[ui]\nlanguage = nb\n' >"$config"
restart LANGUAGE=
wait_for_text "Velkommen til lmskurs"
with_lang_en
restart LANGUAGE=
wait_for_text "Welcome to lmskurs"
assert_screen_lacks "Personer"

# The help screen in bokmål, generated from the same key table.
LMSKURS_BIN=$real_bin
rm -f "$config"
restart LANGUAGE=
wait_for_text "Velkommen til lmskurs"
keys "?"
wait_for_text "Gå ut av lmskurs"
keys Escape
wait_for_text "Velkommen til lmskurs"
keys q
expect_eq "exit status" "0" "$(wait_exit)"
echo "ok"
