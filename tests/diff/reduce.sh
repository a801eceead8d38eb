#!/bin/sh
# tests/diff/reduce.sh: shrink a script on which whelk differs from dash and yash (agreeing).
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   sh tests/diff/reduce.sh FILE > REDUCED     (DIFF_WORK, DIFF_WHELK: see lib.sh)
#
# Delta debugging, greedy: drop chunks of lines (halving the chunk size down
# to single lines), then `; `-separated pieces of each line, then single
# words.  A candidate is kept when dash still accepts its syntax (dash -n)
# and whelk still differs from dash and yash, which still agree.  Each pass
# repeats until nothing more can go; the whole is bounded (at most a few
# hundred runs for the scripts gen.awk writes).
set -u
. "$(cd "$(dirname "$0")" && pwd)/lib.sh"
cur=$DIFF_WORK/reduce.cur
cand=$DIFF_WORK/reduce.cand
cp "$1" "$cur"

interesting() {
	dash -n "$cand" 2>/dev/null || return 1
	compare "$cand"
	[ "$verdict" = whelk ]
}

# Lines: remove chunks of `size` lines; never line 1 (gen.awk's variables:
# without them the reduction drifts to differences on unset variables).
size=$(( $(wc -l < "$cur") / 2 ))
[ "$size" -ge 1 ] || size=1
while :; do
	changed=false
	pos=2
	while [ "$pos" -le "$(wc -l < "$cur")" ]; do
		awk -v a="$pos" -v b=$((pos + size - 1)) 'NR < a || NR > b' "$cur" > "$cand"
		if interesting; then
			cp "$cand" "$cur"
			changed=true
		else
			pos=$((pos + size))
		fi
	done
	if [ "$size" -gt 1 ]; then
		size=$((size / 2))
	elif ! $changed; then
		break
	fi
done

# reduce_parts SEP: within each line, remove one SEP-separated part at a time.
reduce_parts() {
	sep=$1
	ln=2
	while [ "$ln" -le "$(wc -l < "$cur")" ]; do
		part=1
		while :; do
			n=$(awk -v ln="$ln" -v sep="$sep" 'NR == ln { print split($0, p, sep) }' "$cur")
			[ "$part" -le "${n:-0}" ] || break
			[ "$n" -gt 1 ] || break
			awk -v ln="$ln" -v k="$part" -v sep="$sep" '
				NR != ln { print; next }
				{
					n = split($0, p, sep); s = ""; first = 1
					for (i = 1; i <= n; i++) {
						if (i == k) continue
						s = first ? p[i] : s sep p[i]; first = 0
					}
					print s
				}' "$cur" > "$cand"
			if interesting; then
				cp "$cand" "$cur"
			else
				part=$((part + 1))
			fi
		done
		ln=$((ln + 1))
	done
}
reduce_parts '; '
reduce_parts ' '
cat "$cur"
