#!/bin/sh
# Regenerates the message template from every C source and header under src/
# and include/ (tracked or not yet tracked, so new screens are picked up; the
# headers matter: ui/keys.h holds the key hints and help texts as N_()) and
# merges it into each po/*.po. Run from anywhere; afterwards translate what is new:
#   msgattrib --untranslated po/nb.po   # entries still to translate
#   msgattrib --only-fuzzy po/nb.po     # entries msgmerge guessed; check them
#   msgfmt --check --statistics -o /dev/null po/nb.po
# Usage: scripts/update-po.sh [POT]   (template goes to POT, default a temp file)
set -eu

cd "$(dirname "$0")/.."

pot=${1:-}
tmp=""
if [ -z "$pot" ]; then
	tmp=$(mktemp "${TMPDIR:-/tmp}/lmskurs.XXXXXX.pot")
	pot=$tmp
	trap 'rm -f "$tmp"' EXIT INT TERM
fi

version=$(sed -n 's/^VERSION[[:space:]]*?\{0,1\}:\{0,1\}=[[:space:]]*//p' Makefile | head -n 1)

find src include \( -name '*.c' -o -name '*.h' \) | LC_ALL=C sort > "$pot.files"
xgettext --from-code=UTF-8 -k_ -kN_ -kngettext:1,2 \
	--add-comments=TRANSLATORS --sort-by-file \
	--package-name=lmskurs ${version:+--package-version="$version"} \
	-f "$pot.files" -o "$pot"
rm -f "$pot.files"

for po in po/*.po; do
	[ -e "$po" ] || continue
	msgmerge --quiet --update --backup=off --previous "$po" "$pot"
	printf '%s: %s\n' "$po" "$(msgfmt --check --statistics -o /dev/null "$po" 2>&1)"
done
