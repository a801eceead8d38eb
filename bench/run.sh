#!/bin/sh
# bench/run.sh: time each workload under whelk and dash in the same run and print the ratios.
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   bench/run.sh [-c] [-n RUNS] [-s SHELL] [-r REFSHELL] [workload...]
#
# Each workload in bench/work/NAME.sh is a self-checking POSIX script: it
# prints one line, and bench/work/NAME.expect holds what that line must be.
# A shell whose output is wrong gets "WRONG" instead of a time.  Times are the
# best of RUNS runs (wall clock, via date +%s%N).  Speed is reported, never
# asserted: nothing here fails a build.
#
# -c counts instructions instead of time: each shell runs once under
# valgrind --tool=callgrind and the column is Ir (instructions executed),
# summed over the shell and every subshell it forks (a forked child that
# has not exec'd is still the shell's work; programs it execs are not
# traced).  A forked child inherits its parent's counters, so every
# process dumps and zeroes them just before fork, vfork and execve: then
# each instruction is counted in exactly one dump, and the sum over all
# dumps is the shell's total.  Instruction counts do not depend on machine load, so -c is
# the repeatable measure on a busy machine; wall time is the honest one
# (it sees system calls, page faults and the kernel's fork/exec cost).
set -u
here=$(cd "$(dirname "$0")" && pwd)
runs=5
shell=${WHELK:-$here/../build/whelk}
ref=dash
mode=time
while getopts cn:s:r: opt; do
	case $opt in
	c) mode=callgrind ;;
	n) runs=$OPTARG ;;
	s) shell=$OPTARG ;;
	r) ref=$OPTARG ;;
	*) echo "usage: bench/run.sh [-c] [-n runs] [-s shell] [-r refshell] [workload...]" >&2; exit 2 ;;
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

# instr_count SHELL SCRIPT EXPECT: prints the instructions (Ir) the shell
# and its forked subshells executed, or WRONG.  Each process writes its own
# callgrind.out.PID (and .PID.N for each dump); the "summary:" line of each
# holds the count of that part.
instr_count() {
	cg=$scratch/cg
	rm -rf "$cg" && mkdir "$cg"
	out=$(cd "$scratch" && BENCH_DIR=$scratch valgrind --tool=callgrind \
		--callgrind-out-file="$cg/callgrind.out.%p" --trace-children=no \
		--dump-before=_Fork --dump-before=vfork --dump-before=__vfork \
		--dump-before=execve \
		"$1" "$2" 2>/dev/null | tail -n 1)
	if [ "$out" != "$3" ]; then
		echo WRONG
		return
	fi
	# find + cat, not a glob: a forking workload leaves more dump files
	# than one command line holds (20,000 for cmdsub-builtin under dash).
	find "$cg" -name 'callgrind.out.*' -exec cat {} + |
		awk '/^summary:/ { s += $2 } END { printf "%.0f", s }'
}

if [ "$mode" = callgrind ]; then
	measure=instr_count
	printf '%-22s %14s %14s %8s\n' workload "whelk Ir" "$ref Ir" ratio
else
	measure=best_time
	printf '%-22s %12s %12s %8s\n' workload "whelk ms" "$ref ms" ratio
fi
for w in "$@"; do
	# The shells run in the scratch directory: make the path absolute.
	w=$(cd "$(dirname "$w")" && pwd)/$(basename "$w")
	name=$(basename "$w" .sh)
	expect=$(cat "${w%.sh}.expect")
	[ -f "${w%.sh}.setup" ] && (cd "$scratch" && sh "${w%.sh}.setup")
	# Run each workload once untimed so files it generates (the 10k glob
	# directory, the big script) exist before either shell is measured.
	(cd "$scratch" && BENCH_DIR=$scratch "$ref" "$w" >/dev/null 2>&1)
	a=$($measure "$shell" "$w" "$expect")
	b=$($measure "$ref" "$w" "$expect")
	ratio=$(awk -v a="$a" -v b="$b" 'BEGIN { if (a+0 > 0 && b+0 > 0) printf "%.2f", a / b; else print "-" }')
	if [ "$mode" = callgrind ]; then
		printf '%-22s %14s %14s %8s\n' "$name" "$a" "$b" "$ratio"
	else
		printf '%-22s %12s %12s %8s\n' "$name" "$a" "$b" "$ratio"
	fi
done
