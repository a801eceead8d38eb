#!/bin/sh
# bench/proc-ps.sh: `proc ps -a` against procps `ps -e` over ~1,000 processes; prints the times and their ratio.
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   bench/proc-ps.sh [-n CHILDREN] [-r RUNS] [-s WHELK] [-d PROC_DRIVER]
#
# Starts CHILDREN (default 1000, at most 5000) `sleep` processes with a
# fixed loop, times RUNS runs of each command (best of), then kills every
# sleep it started.  The builtin runs in whelk (`whelk -c 'proc ps -a'`)
# when that works, else through tests/unit/proc_driver.  Speed is
# reported, never asserted.
set -u
here=$(cd "$(dirname "$0")" && pwd)
children=1000
runs=5
whelk=${WHELK:-$here/../build/whelk}
driver=${PROC_DRIVER:-$here/../build/tests/unit/proc_driver}
while getopts n:r:s:d: opt; do
	case $opt in
	n) children=$OPTARG ;;
	r) runs=$OPTARG ;;
	s) whelk=$OPTARG ;;
	d) driver=$OPTARG ;;
	*) echo "usage: bench/proc-ps.sh [-n children] [-r runs] [-s whelk] [-d proc_driver]" >&2; exit 2 ;;
	esac
done
case $children in '' | *[!0-9]*) echo "bad -n" >&2; exit 2 ;; esac
[ "$children" -le 5000 ] || children=5000

if [ -x "$whelk" ] && "$whelk" -c 'proc ps -H' >/dev/null 2>&1; then
	set -- "$whelk" -c 'proc ps -a'
	label="whelk -c 'proc ps -a'"
elif [ -x "$driver" ]; then
	set -- "$driver" ps -a
	label="proc_driver ps -a"
else
	echo "neither a working whelk nor proc_driver found (build first)" >&2
	exit 2
fi
command -v ps >/dev/null 2>&1 || { echo "procps ps not installed" >&2; exit 2; }

# The children: a fixed count, each with a bounded lifetime even if this
# script dies before it can kill them.
pids=
cleanup() {
	[ -n "$pids" ] && kill $pids 2>/dev/null
	wait 2>/dev/null
}
trap cleanup EXIT INT TERM
i=0
while [ $i -lt "$children" ]; do
	sleep 300 &
	pids="$pids $!"
	i=$((i + 1))
done

now_ns() { date +%s%N; }
# best RUNS CMD...: the fastest of RUNS runs, in microseconds.
best() {
	n=$1
	shift
	b=
	while [ "$n" -gt 0 ]; do
		t0=$(now_ns)
		"$@" >/dev/null 2>&1
		t1=$(now_ns)
		t=$(((t1 - t0) / 1000))
		if [ -z "$b" ] || [ "$t" -lt "$b" ]; then b=$t; fi
		n=$((n - 1))
	done
	echo "$b"
}

total=$(ls -d /proc/[0-9]* 2>/dev/null | wc -l)
ours=$(best "$runs" "$@")
theirs=$(best "$runs" ps -e)
echo "processes:            $total"
echo "$label:  ${ours} us (best of $runs)"
echo "ps -e:                ${theirs} us (best of $runs)"
awk -v a="$ours" -v b="$theirs" 'BEGIN { printf "ratio proc/ps:        %.2f\n", a / b }'
