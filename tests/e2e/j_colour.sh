#!/usr/bin/env bash
# Journey: colours when the terminal has them; NO_COLOR gives monochrome,
# where the selection still shows (reverse video and the ">" marker).
. "$(dirname "$0")/lib.sh"

# Any SGR colour: 30-37/40-47, 90-97/100-107, or 38;5 / 48;5.
has_colour() {
	dump_screen -e | grep -qE $'\x1b\\[([0-9;]*;)?(3[0-7]|4[0-7]|9[0-7]|10[0-7]|[34]8;5;[0-9]+)(;[0-9;]*)?m'
}

start
wait_for_text "Welcome to lmskurs"
has_colour || fail "expected colours on xterm-256color"
keys q
expect_eq "exit status" 0 "$(wait_exit)"

tm kill-server
start NO_COLOR=1
wait_for_text "Welcome to lmskurs"
if has_colour; then
	fail "NO_COLOR=1 should give no colours: $(dump_screen -e | head -3 | od -c | head)"
fi
dump_screen -e | grep -qE $'\x1b\\[[0-9;]*7[;m]' || fail "the selection should be in reverse video"
assert_screen_contains "> People"
echo "ok"
