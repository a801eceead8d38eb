#!/bin/sh
# tests/diff/check.sh: `make check` entry for the differential tester, against the whelk just built.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Two runs of about WHELK_DIFF_SECONDS/2 seconds each (default 60 in all;
# 0 skips): the fixed seed 1 (up to 400 scripts), then a random seed, which
# is printed so that a finding can be reproduced.  Fails only on a new
# finding of the fixed seed: whelk differs where dash and yash agree,
# repeatably, and not because of a line listed in tests/diff/expected.  A
# finding of the random seed is printed for a person to turn into a golden
# case, but does not fail the run: a random seed would otherwise fail every
# change's CI on a bug that change did not touch.  The last line is
# "N passed, N failed" (fixed-seed scripts compared, findings).
here=$(cd "$(dirname "$0")" && pwd)
shell=${WHELK:-$(pwd)/whelk}
budget=${WHELK_DIFF_SECONDS:-60}
if [ "$budget" -le 0 ]; then
	echo "diff: skipped (WHELK_DIFF_SECONDS=0)"
	exit 77
fi
half=$((budget / 2))
[ "$half" -ge 1 ] || half=1
random=$(od -An -N2 -tu4 /dev/urandom | tr -d ' ')
random=$((random * 1000 + 1000000))
echo "diff: fixed seed 1, then random seed $random (reproduce: tests/diff/run.sh -s SEED -n 1)"
log=$(mktemp "${TMPDIR:-/tmp}/whelk-diff-check.XXXXXX") || exit 2
trap 'rm -f "$log" "$log.part"' EXIT
status=0
# run ARGS...: one run.sh, its output shown and kept in $log; a failure
# (1: findings, 2: usage, 77: skipped) becomes the status.
run() {
	"$here/run.sh" -w "$shell" "$@" > "$log.part"
	s=$?
	cat "$log.part"
	cat "$log.part" >> "$log"
	[ "$s" -eq 0 ] || status=$s
}
run -s 1 -n 400 -t "$half"
fixed=$status
run -s "$random" -t "$half"
if [ "$status" -eq 1 ] && [ "$fixed" -eq 0 ]; then
	echo "diff: the random seed $random found a difference (above): reported, not failing"
	status=0
fi
head -n "$(grep -n '^diff: seeds ' "$log" | head -n 1 | cut -d: -f1)" "$log" > "$log.part"
mv "$log.part" "$log"
[ "$status" -eq 77 ] && exit 77
awk '/^diff: seeds / {
	for (i = 1; i <= NF; i++) {
		if ($(i + 1) == "scripts") n += $i
		if ($(i + 1) == "new") f += $i
	}
} END { printf "%d passed, %d failed\n", n - f, f }' "$log"
exit "$status"
