#!/bin/sh
# startup-order.sh: regenerate src/startup.ld, the list of functions a
# non-interactive whelk runs at startup, which the link places together
# (src/mkstartup-ld.sh puts it in the linker's default script)
# (docs/DESIGN.md, "How whelk is linked").
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   bench/startup-order.sh [-s build/whelk]   (run from the source tree)
#
# It runs whelk under callgrind twice, as `whelk -c :` and on a short
# script of simple commands, and writes one input-section pattern per
# function that ran: first the ones `-c :` runs, then the ones only the
# script adds.  Needs valgrind; run it after renaming or adding functions
# on the startup path (a name no longer in the list only costs a page
# fault, never a wrong build).
set -eu
shell=build/whelk
while getopts s: opt; do
	case $opt in
	s) shell=$OPTARG ;;
	*) echo "usage: $0 [-s whelk]" >&2; exit 2 ;;
	esac
done
[ -x "$shell" ] || { echo "$0: $shell: not an executable" >&2; exit 2; }
out=src/startup.ld
[ -f "$out" ] || { echo "$0: run me from whelk's source tree" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cat >"$tmp/script.sh" <<'SCRIPT'
x=1 y=$x
if [ "$y" = 1 ]; then echo ok >/dev/null; fi
for i in a b; do z=$i; done
true | cat >/dev/null
/bin/true "$z"
SCRIPT

# ran OUT: the whelk functions callgrind saw run, one a line, clone
# suffixes (.isra.0, .part.0, .constprop.0) and recursion marks cut.
ran() {
	awk '
	/^c?ob=/ { id = $1; sub(/^c?ob=/, "", id); if (NF > 1) ob[id] = $2
		if ($1 ~ /^ob=/) cur = ob[id]; next }
	/^c?fn=/ { id = $1; sub(/^c?fn=/, "", id)
		if (NF > 1) fn[id] = $2
		if ($1 ~ /^fn=/ && cur ~ /\/whelk$/) print fn[id] }
	' "$1" | sed -e "s/'.*//" -e 's/\(\.\(isra\|part\|constprop\)\.[0-9]*\)*$//' |
		grep -v -e '^(' -e '^0x' -e '^main$' | sort -u
}
LC_ALL=C valgrind -q --tool=callgrind --callgrind-out-file="$tmp/c.out" \
	"$shell" -c : </dev/null
LC_ALL=C valgrind -q --tool=callgrind --callgrind-out-file="$tmp/s.out" \
	"$shell" "$tmp/script.sh" </dev/null
ran "$tmp/c.out" >"$tmp/c"
ran "$tmp/s.out" | comm -23 - "$tmp/c" >"$tmp/s"

pattern() { sed 's/.*/    *(.text.& .text.&.*)/' "$1"; }
{
	sed -n '1,/\*\//p' "$out"
	cat <<'HEAD'
    /* main (gcc: .text.startup.main), then _start and the C runtime's
       init functions */
    *(.text.startup .text.startup.* .text.main)
    *crt1.o(.text) *crti.o(.text) *crtbegin*.o(.text)
    /* what `whelk -c :` runs */
HEAD
	pattern "$tmp/c"
	echo '    /* what a script of simple commands adds */'
	pattern "$tmp/s"
} >"$tmp/ld"
mv "$tmp/ld" "$out"
echo "$out: $(wc -l <"$tmp/c") + $(wc -l <"$tmp/s") functions"
