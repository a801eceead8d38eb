#!/bin/sh
# bench/run.sh: time each workload under whelk and dash in the same run and print the ratios.
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   bench/run.sh [-n RUNS] [-s SHELL] [-r REFSHELL] [workload...]
#
# Each workload in bench/work/NAME.sh is a self-checking POSIX script: it
# prints one line, and bench/work/NAME.expect holds what that line must be.
# A shell whose output is wrong gets "WRONG" instead of a time.  Times are the
# best of RUNS runs (wall clock, via date +%s%N).  Speed is reported, never
# asserted: nothing here fails a build.
set -u
here=$(cd "$(dirname "$0")" && pwd)
runs=5
shell=${WHELK:-$here/../build/whelk}
ref=dash
while getopts n:s:r: opt; do
	case $opt in
	n) runs=$OPTARG ;;
	s) shell=$OPTARG ;;
	r) ref=$OPTARG ;;
	*) echo "usage: bench/run.sh [-n runs] [-s shell] [-r refshell] [workload...]" >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[ $# -eq 0 ] && set -- "$here"/work/*.sh

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

now_ns() { date +%s%N; }

# best_time SHELL SCRIPT EXPECT: prints the best time in ms, or WRONG.
best_time() {
	best=
	i=0
	while [ $i -lt "$runs" ]; do
		i=$((i + 1))
		t0=$(now_ns)
		out=$(cd "$scratch" && BENCH_DIR=$scratch "$1" "$2" 2>/dev/null | tail -n 1)
		t1=$(now_ns)
		if [ "$out" != "$3" ]; then
			echo WRONG
			return
		fi
		t=$(( (t1 - t0) / 1000 ))
		if [ -z "$best" ] || [ "$t" -lt "$best" ]; then best=$t; fi
	done
	awk -v us="$best" 'BEGIN { printf "%.2f", us / 1000 }'
}

printf '%-22s %12s %12s %8s\n' workload "whelk ms" "$ref ms" ratio
for w in "$@"; do
	name=$(basename "$w" .sh)
	expect=$(cat "${w%.sh}.expect")
	[ -f "${w%.sh}.setup" ] && (cd "$scratch" && sh "${w%.sh}.setup")
	a=$(best_time "$shell" "$w" "$expect")
	b=$(best_time "$ref" "$w" "$expect")
	ratio=$(awk -v a="$a" -v b="$b" 'BEGIN { if (a+0 > 0 && b+0 > 0) printf "%.2f", a / b; else print "-" }')
	printf '%-22s %12s %12s %8s\n' "$name" "$a" "$b" "$ratio"
done
