#!/bin/sh
# run.sh: real bash-flavoured scripts (issue 10) run under whelk give exactly the output bash gave.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: tests/bashlike/run.sh [SHELL]       compare SHELL's output with NAME.out
#        tests/bashlike/run.sh -r [bash]     record NAME.out from bash again
#
# Each NAME.bash is a script of the kind people write for bash (arrays,
# [[ =~ ]], parameter expansions, mapfile, select, process substitution),
# run with NAME.in as its standard input when there is one, else /dev/null.
# NAME.out holds what bash 5.2 printed (stdout and stderr together, then
# "status N"); whelk must print the same.  Prints one line per script and
# ends with "N passed, N failed".
here=$(cd "$(dirname "$0")" && pwd)
record=
[ "${1-}" = -r ] && { record=1; shift; }
shell=${1:-${WHELK:-$(pwd)/whelk}}
case $shell in */*) shell=$(cd "$(dirname "$shell")" && pwd)/${shell##*/} ;; esac
[ -n "$record" ] && [ $# -eq 0 ] && shell=bash
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bashlike.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
for s in "$here"/*.bash; do
	name=${s##*/}
	in=/dev/null
	[ -f "${s%.bash}.in" ] && in=${s%.bash}.in
	(cd "$tmp" && env -i PATH="$PATH" HOME="$tmp" LC_ALL=C \
		timeout -k 2 20 "$shell" "$s" <"$in" >"$tmp/out" 2>&1 3>&- 4>&- 5>&- 6>&- 7>&- 8>&- 9>&-
	 echo "status $?" >>"$tmp/out")
	if [ -n "$record" ]; then
		cp "$tmp/out" "${s%.bash}.out"
		echo "recorded ${name%.bash}.out"
		continue
	fi
	if cmp -s "$tmp/out" "${s%.bash}.out"; then
		pass=$((pass + 1))
		echo "ok   $name"
	else
		fail=$((fail + 1))
		echo "FAIL $name"
		diff "${s%.bash}.out" "$tmp/out" | head -n 20 | sed 's/^/     /'
	fi
done
[ -n "$record" ] && exit 0
echo "bashlike: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
