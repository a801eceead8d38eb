#!/bin/sh
# history.sh: pseudo-terminal tests of whelk's history — a broken HISTFILE, history expansion (!!, !n, ^a^b, ...), HISTCONTROL and HISTIGNORE.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: tests/interactive/history.sh [SHELL [EDITOR]]  (as lineedit.sh).
# Sessions that must see something happen exactly once run ptydrive with
# -v and count in the raw transcript it leaves in $tmp/out.

suite=history
PTY_TIMEOUT=40
. "$(cd "$(dirname "$0")" && pwd)/lib.sh"
editor=${2:-}
if [ -z "$editor" ]; then
	editor=$(sed -n 's/^#define WHELK_LINE_EDITOR "\(.*\)"/\1/p' config.h 2>/dev/null)
	[ -n "$editor" ] || editor=readline
fi
case $editor in basic) editor=plain ;; esac

# count TEXT: how many lines of the last session's transcript hold TEXT.
count() {
	tr -d '\r' <"$tmp/out" | grep -c -- "$1"
}

# ------------------------------------------------------ a broken HISTFILE

mkdir "$tmp/home/histdir"
PTYDRIVE_FLAGS=-v session "a HISTFILE that is a directory: reported once" \
	HISTFILE="$tmp/home/histdir" <<'EOF'
expect Is a directory
expect P> 
send echo one$((1))\r
expect one1
expect P> 
send echo two$((2))\r
expect two2
expect P> 
send fc -ln -2\r
expect echo two$((2))
expect P> 
send exit\r
wait
EOF
check "the directory message came once, saying history stays in memory" \
	test "$(count 'Is a directory')" = 1 -a "$(count 'in memory')" = 1

printf 'echo old\n' >"$tmp/home/h-ro"
PTYDRIVE_FLAGS=-v session "a HISTFILE that cannot be written: reported once" \
	HISTFILE="$tmp/home/h-ro/x" <<'EOF'
expect P> 
send echo one$((1))\r
expect one1
expect P> 
send echo two$((2))\r
expect two2
expect P> 
send exit\r
wait
EOF
check "the unwritable message came once" \
	test "$(count 'Not a directory')" = 1

finish
