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

# OWNS: a command line that prints OWNS-TTY2 when the shell owns the
# terminal (its process group is the terminal's foreground group).  Read
# from /proc with the read builtin, so that no foreground process is
# running while we look.
OWNS='read -r st </proc/$$/stat; set -- ${st##*) }; [ "$3" = "$6" ] && echo OWNS-TTY$((1+1)) || echo NOT-OWNER $3 $6'

# live GROUP: does process group GROUP hold a process that is not a
# zombie?  (A killed job whose shell has exited is reparented to pid 1,
# which may take its time to reap it: a zombie has ended all the same.)
live() {
	ps -eo pgid=,stat= | awk -v g="$1" '$1 == g && $2 !~ /^Z/ { f = 1 }
		END { exit !f }'
}

# gone FILE: every process group listed in FILE is empty.  A few tries: a
# hung-up process needs a moment to die.
gone() {
	[ -s "$1" ] || return 1
	for try in 1 2 3 4 5 6 7 8 9 10; do
		alive=
		for g in $(cat "$1"); do
			live "$g" && alive=$g
		done
		[ -z "$alive" ] && return 0
		sleep 0.2
	done
	echo "     still alive: process group $alive" >&2
	for g in $(cat "$1"); do kill -9 -- "-$g" 2>/dev/null; done
	return 1
}

# The line editor under test: $2 (readline, libedit or plain), else what
# config.h says; `editing` is true for the two real editors.
editor=${2:-}
if [ -z "$editor" ]; then
	editor=$(sed -n 's/^#define WHELK_LINE_EDITOR "\(.*\)"/\1/p' config.h 2>/dev/null)
	[ -n "$editor" ] || editor=readline
fi
case $editor in basic) editor=plain ;; esac
editing() { [ "$editor" != plain ]; }

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
