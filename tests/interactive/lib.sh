# lib.sh: what every pseudo-terminal test script shares — finding the shell and ptydrive, a scratch home, sessions, the tally.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A test script sets `suite` (its name) and sources this file with the shell
# under test as $1.  Then `session NAME [VAR=value...] <<EOF ... EOF` runs a
# ptydrive script against a fresh interactive shell (its own pseudo-terminal,
# a known environment, a time limit), `check NAME COMMAND...` counts a plain
# command as a test, and `finish` prints "SUITE: N passed, N failed" and
# sets the exit status.  PTY_TIMEOUT (seconds per session) may be set first.

LC_ALL=C
export LC_ALL

here=$(cd "$(dirname "$0")" && pwd)
shell=${1:-./whelk}
drive=${PTYDRIVE:-./tests/interactive/ptydrive}
[ -x "$drive" ] || drive=$here/ptydrive
case $drive in /*) ;; *) drive=$(pwd)/$drive ;; esac
if [ ! -x "$shell" ] && ! command -v "$shell" >/dev/null 2>&1; then
	echo "$suite: no shell to test: $shell (skipped)"
	exit 77
fi
case $shell in /*) ;; */*) shell=$(pwd)/$shell ;; esac

tmp=$(mktemp -d "${TMPDIR:-/tmp}/whelk-$suite.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/home" "$tmp/work"
fails=0
total=0

# session NAME [VAR=value...]: the ptydrive script on stdin, against a fresh
# interactive shell whose working directory is $tmp/work.
session() {
	name=$1
	shift
	total=$((total + 1))
	if (cd "$tmp/work" && timeout "${PTY_TIMEOUT:-60}" "$drive" ${PTYDRIVE_FLAGS:-} -t 10 - -- env -i \
		HOME="$tmp/home" PATH=/usr/bin:/bin TERM=xterm \
		PS1='P> ' PS2='C> ' HISTFILE="$tmp/home/hist" "$@" \
		"$shell" ${SHELL_ARGS:-} -i) >"$tmp/out" 2>&1; then
		echo "ok   $name"
	else
		echo "FAIL $name"
		sed 's/^/     /' "$tmp/out" | tail -40
		fails=$((fails + 1))
	fi
}

# check NAME COMMAND...: one more test that is a plain command.
check() {
	name=$1
	shift
	total=$((total + 1))
	if "$@"; then
		echo "ok   $name"
	else
		echo "FAIL $name"
		fails=$((fails + 1))
	fi
}

finish() {
	echo "$suite: $((total - fails)) passed, $fails failed"
	[ "$fails" -eq 0 ]
}
