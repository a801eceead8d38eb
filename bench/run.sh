#!/bin/sh
# bench/run.sh: time each workload under whelk and dash (or every installed peer shell) in the same run and print the ratios.
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   bench/run.sh [-c] [-n RUNS] [-s SHELL] [-r REFSHELL] [workload...]
#   bench/run.sh -p [-c] [-n ROUNDS] [-s SHELL] [-P "PEERS"] [workload...]
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
#
# -p is the peer table: whelk and every installed peer (PEERS, default
# "dash ksh93 mksh bash yash busybox"; busybox runs as its sh applet) run
# each workload in ROUNDS paired rounds (default 3): in each round every
# shell runs once, back to back, so a load spike hits the round rather than
# one shell.  Each cell is the median over the rounds of the CPU time of
# the shell's whole process tree (user + sys of everything it waited for,
# measured by bash's `time`) and of the wall time.  The last columns name
# the fastest peer and give whelk / that peer; the last row is each shell's
# geometric mean relative to dash.  With -c, a third table gives each
# shell's instruction count (one callgrind run each, as above).
#
# Workloads get BENCH_DIR (a scratch directory, also the working directory)
# and BENCH_SHELL (the shell under test: the configure workload runs
# CONFIG_SHELL=$BENCH_SHELL $BENCH_SHELL ./configure).  Everything runs with
# LC_ALL=C, whatever the caller's locale: the shells' multibyte paths are
# not what is being compared.
set -u
LC_ALL=C
export LC_ALL
here=$(cd "$(dirname "$0")" && pwd)
runs=5
shell=${WHELK:-$here/../build/whelk}
ref=dash
mode=time
peers_mode=false
peers="dash ksh93 mksh bash yash busybox"
runs_set=false
while getopts cn:s:r:pP: opt; do
	case $opt in
	c) mode=callgrind ;;
	n) runs=$OPTARG runs_set=true ;;
	s) shell=$OPTARG ;;
	r) ref=$OPTARG ;;
	p) peers_mode=true ;;
	P) peers=$OPTARG peers_mode=true ;;
	*) echo "usage: bench/run.sh [-c] [-n runs] [-s shell] [-r refshell] [workload...]" >&2
	   echo "       bench/run.sh -p [-c] [-n rounds] [-s shell] [-P peers] [workload...]" >&2
	   exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[ $# -eq 0 ] && set -- "$here"/work/*.sh
# The workloads run in a scratch directory: a shell named by a relative
# path (-s build/whelk) is made absolute first.
case $shell in */*) case $shell in /*) ;; *) shell=$(pwd)/$shell ;; esac ;; esac

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
		out=$(cd "$scratch" && BENCH_DIR=$scratch BENCH_SHELL=$1 "$1" "$2" 2>/dev/null | tail -n 1)
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

skip_utils='*/sed,*/awk,*/mawk,*/gawk,*/cat,*/sort,*/rm,*/mv,*/cp,*/ln,*/cmp,*/diff,*/mkdir,*/chmod,*/expr,*/grep,*/tr,*/uname,*/hostname,*/date,*/ls,*/sleep,*/cksum,*/tail,*/head,*/touch,*/autoconf,*/m4'

# instr_count SHELL SCRIPT EXPECT: prints the instructions (Ir) the shell
# and its forked subshells executed, or WRONG.  Each process writes its own
# callgrind.out.PID (and .PID.N for each dump); the "summary:" line of each
# holds the count of that part.
instr_count() {
	cg=$scratch/cg
	rm -rf "$cg" && mkdir "$cg"
	# A workload marked "# bench: trace-exec" (configure) execs the shell
	# under test again: trace exec'd programs too, except the utilities a
	# configure script runs (they cost every shell the same).
	trace=--trace-children=no
	grep -q '^# bench: trace-exec' "$2" && trace="--trace-children=yes --trace-children-skip=$skip_utils"
	out=$(cd "$scratch" && BENCH_DIR=$scratch BENCH_SHELL=$1 valgrind --tool=callgrind \
		--callgrind-out-file="$cg/callgrind.out.%p" $trace \
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

# prepare WORKLOAD: sets w (absolute path), name and expect, runs the
# workload's setup and one untimed run under dash so files it generates (the
# 10k glob directory, the big script) exist before any shell is measured.
prepare() {
	w=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
	name=$(basename "$w" .sh)
	expect=$(cat "${w%.sh}.expect")
	[ -f "${w%.sh}.setup" ] && (cd "$scratch" && sh "${w%.sh}.setup")
	(cd "$scratch" && BENCH_DIR=$scratch BENCH_SHELL=$ref "$ref" "$w" >/dev/null 2>&1)
}

# cpu_time SHELL SCRIPT EXPECT: prints "CPU-ms wall-ms" (CPU = user + sys
# of the shell and every process it waited for), or WRONG.
cpu_time() {
	t=$(cd "$scratch" && BENCH_DIR=$scratch BENCH_SHELL=$1 bash -c '
		TIMEFORMAT="%3U %3S %3R"
		time "$0" "$1" >"$2" 2>/dev/null' "$1" "$2" "$scratch/out" 2>&1)
	if [ "$(tail -n 1 "$scratch/out")" != "$3" ]; then
		echo WRONG
		return
	fi
	echo "$t" | awk '{ printf "%.0f %.0f\n", ($1 + $2) * 1000, $3 * 1000 }'
}

# for_each_shell FN: FN NAME COMMAND for whelk and each peer, in order.
for_each_shell() {
	i=0
	echo "$cmds" | while IFS= read -r c; do
		i=$((i + 1))
		"$1" "$(echo "$names" | awk -v i=$i '{ print $i }')" "$c"
	done
}
record_time() { echo "$name $1 time $(cpu_time "$2" "$w" "$expect")" >> "$results"; }
record_ir() { echo "$name $1 ir $(instr_count "$2" "$w" "$expect")" >> "$results"; }

# peer_table WORKLOAD...: the -p mode (see the top of this file).
peer_table() {
	command -v bash >/dev/null 2>&1 || { echo "bench/run.sh -p: needs bash (its time keyword measures the process tree)" >&2; exit 2; }
	$runs_set || runs=3
	names=whelk
	cmds=$shell
	for p in $peers; do
		c=
		case $p in
		ksh93) c=$(command -v ksh93 || command -v ksh) ;;
		busybox)
			# busybox runs its sh applet when called as sh.
			if b=$(command -v busybox); then
				mkdir -p "$scratch/busybox" && ln -sf "$b" "$scratch/busybox/sh"
				c=$scratch/busybox/sh
			fi ;;
		*) c=$(command -v "$p") ;;
		esac
		[ -n "$c" ] || { echo "bench/run.sh: $p is not installed: left out" >&2; continue; }
		names="$names $p"
		cmds="$cmds
$c"
	done
	results=$scratch/results
	: > "$results"
	for wl in "$@"; do
		prepare "$wl"
		r=0
		while [ "$r" -lt "$runs" ]; do
			r=$((r + 1))
			for_each_shell record_time
		done
		[ "$mode" = callgrind ] && for_each_shell record_ir
		echo "bench/run.sh: $name done" >&2
	done
	awk -v names="$names" -v rounds="$runs" -f - "$results" <<'AWK'
function median(list,    a, n, i, j, t) {
	n = split(list, a, " ")
	for (i = 2; i <= n; i++)
		for (j = i; j > 1 && a[j - 1] + 0 > a[j] + 0; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
	return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
}
{
	if (!($1 in seen)) { seen[$1] = 1; order[++nw] = $1 }
	k = $1 SUBSEP $2
	if ($3 == "ir") { ir[k] = $4; hasir = 1 }
	else if ($4 == "WRONG") wrong[k] = 1
	else { cpu[k] = cpu[k] " " $4; wall[k] = wall[k] " " $5 }
}
function table(title, what,    i, j, k, v, best, bestn, row, line, g) {
	printf "\n%s\n\n| workload |", title
	for (j = 1; j <= ns; j++) printf " %s |", s[j]
	printf " best peer | whelk / best |\n|---|"
	for (j = 1; j <= ns + 2; j++) printf "---:|"
	printf "\n"
	for (j = 1; j <= ns; j++) { lg[j] = 0; ng[j] = 0 }
	for (i = 1; i <= nw; i++) {
		line = "| " order[i] " |"; best = ""; bestn = ""
		for (j = 1; j <= ns; j++) {
			k = order[i] SUBSEP s[j]
			if (k in wrong) v = "WRONG"
			else if (what == "ir") v = (k in ir) ? ir[k] : ""
			else if (what == "cpu") v = (k in cpu) ? median(cpu[k]) : ""
			else v = (k in wall) ? median(wall[k]) : ""
			val[j] = v
			line = line " " v " |"
			if (j > 1 && v != "" && v != "WRONG" && v + 0 > 0 && (best == "" || v + 0 < best + 0)) { best = v; bestn = s[j] }
		}
		if (best != "" && val[1] + 0 > 0)
			line = line sprintf(" %s | %.2f |", bestn, val[1] / best)
		else
			line = line " - | - |"
		print line
		# geomean relative to dash, over the workloads every shell got right
		k = order[i] SUBSEP "dash"
		for (j = 1; j <= ns; j++)
			if (val[j] + 0 > 0 && dcol && val[dcol] + 0 > 0) { lg[j] += log(val[j] / val[dcol]); ng[j]++ }
	}
	if (dcol) {
		printf "| geomean vs dash |"
		for (j = 1; j <= ns; j++) printf " %s |", ng[j] ? sprintf("%.2f", exp(lg[j] / ng[j])) : "-"
		printf " | |\n"
	}
}
END {
	ns = split(names, s, " ")
	dcol = 0
	for (j = 1; j <= ns; j++) if (s[j] == "dash") dcol = j
	table("CPU ms (user + sys of the process tree), median of " rounds " paired rounds", "cpu")
	table("wall ms, median of " rounds " paired rounds", "wall")
	if (hasir) table("instructions (callgrind Ir, shell and its forked subshells)", "ir")
}
AWK
}

if $peers_mode; then
	peer_table "$@"
	exit 0
fi

if [ "$mode" = callgrind ]; then
	measure=instr_count
	printf '%-22s %14s %14s %8s\n' workload "whelk Ir" "$ref Ir" ratio
else
	measure=best_time
	printf '%-22s %12s %12s %8s\n' workload "whelk ms" "$ref ms" ratio
fi
for w in "$@"; do
	# The shells run in the scratch directory: prepare makes the path absolute.
	prepare "$w"
	a=$($measure "$shell" "$w" "$expect")
	b=$($measure "$ref" "$w" "$expect")
	ratio=$(awk -v a="$a" -v b="$b" 'BEGIN { if (a+0 > 0 && b+0 > 0) printf "%.2f", a / b; else print "-" }')
	if [ "$mode" = callgrind ]; then
		printf '%-22s %14s %14s %8s\n' "$name" "$a" "$b" "$ratio"
	else
		printf '%-22s %12s %12s %8s\n' "$name" "$a" "$b" "$ratio"
	fi
done
