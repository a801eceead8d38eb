#!/bin/sh
# builtin-args.sh: every builtin with hostile arguments — no death by a signal, a diagnostic naming it on failure.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: tests/robust/builtin-args.sh [SHELL [NAMES-PROGRAM]]
#
# The builtins come from the builtin table itself (tests/robust/builtin_names,
# built by `make check` next to the shell), so a new builtin is covered
# without touching this file.  Each one runs with each argument list below,
# at the top level and inside a loop in a function (where break, continue,
# return and local mean something), as `whelk -c`, with stdin /dev/null,
# in a scratch directory, under `timeout`: nothing can block, and the
# number of processes is fixed (builtins x argument lists x 2).  A run
# fails when the shell
#   - dies of a signal or hits the timeout (status > 128 or 124),
#   - prints a sanitizer report (the ASan+UBSan build runs this too),
#   - returns a nonzero status without a message naming the builtin
#     ("NAME: ...").  A few builtins answer with a status alone, by
#     design: see quiet_status below.
# Issue 15, section 1.  The last line is `N passed, N failed`.

LC_ALL=C
export LC_ALL

W=${1:-${WHELK:-$(pwd)/whelk}}
case $W in /*) ;; *) W=$(pwd)/$W ;; esac
NAMES=${2:-$(dirname "$W")/tests/robust/builtin_names}
for f in "$W" "$NAMES"; do
	if ! [ -x "$f" ]; then
		echo "builtin-args.sh: not found: $f" >&2
		exit 2
	fi
done
names=$("$NAMES") || exit 2

tmp=$(mktemp -d "${TMPDIR:-/tmp}/whelk-bargs.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
cd "$tmp" || exit 2
HOME=$tmp
export HOME

# The argument lists, one a line, as shell words: the end of options, an
# unknown option, no operand, too many operands, an empty string, a
# number that overflows, a negative number, a non-number.  The operands
# name nothing that exists, so builtins that run a command (eval, exec,
# command, .) run nothing, and kill signals nobody.
arglists='--
-@

whelk_none_a whelk_none_b whelk_none_c
'"''"'
99999999999999999999
-5
abc'

# A nonzero status that is an answer, not an error: false and a false
# test, read and getopts at the end of their input, let whose last
# expression is zero.
quiet_status() {
	case $1 in
	false | test | \[ | read | getopts | let) return 0 ;;
	esac
	return 1
}

# Builtins that run a command: a failure may be that command's ("abc: not
# found"), named after the operand rather than the builtin.
runs_command() {
	case $1 in
	eval | exec | command | .) return 0 ;;
	esac
	return 1
}

passed=0 failed=0
fail() {
	failed=$((failed + 1))
	echo "FAIL: $1"
	sed 's/^/    /' err | head -n 5
}

# check NAME SCRIPT FIRST-OPERAND: one run of the shell and its verdict.
check() {
	timeout -k 2 20 "$W" -c "$2" < /dev/null > out 2> err
	st=$?
	if [ "$st" -gt 128 ] || [ "$st" -eq 124 ]; then
		fail "$2: status $st (a signal or the timeout)"
	elif grep -q -e 'Sanitizer' -e 'runtime error:' err; then
		fail "$2: sanitizer report"
	elif [ "$st" -ne 0 ] && ! quiet_status "$1" &&
	     ! grep -q -F -e "$1: " err &&
	     ! { runs_command "$1" && grep -q -F -e "$3: " err; }; then
		fail "$2: status $st without a message naming $1"
	else
		passed=$((passed + 1))
	fi
}

for b in $names; do
	while IFS= read -r args; do
		first=${args%% *}
		[ "$first" = "''" ] && first=
		check "$b" "$b $args" "$first"
		check "$b" "f() { for _ in 1; do $b $args; done; }; f" "$first"
	done <<EOF
$arglists
EOF
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
