# tests/diff/lib.sh: run one script under the three shells and compare (sourced by run.sh, reduce.sh).
# SPDX-License-Identifier: GPL-3.0-or-later
# Needs DIFF_WORK (a scratch directory of the caller's) and DIFF_WHELK.

diff_here=$(cd "$(dirname "$0")" && pwd)

# run_shell NAME FILE SHELL...: run FILE in the empty directory dir.NAME;
# NAME.out gets the standard output, then "status N" and "stderr lines N"
# (how many lines of diagnostics: their wording differs between shells,
# their number rarely), NAME.err the standard error.
run_shell() {
	name=$1 file=$2
	shift 2
	(
		cd "$DIFF_WORK/dir.$name" || exit 2
		# Through a pipe: the output is complete only when every process
		# that holds it (a subshell outliving a killed shell) is gone.
		{
			env -i PATH="$PATH" HOME="$DIFF_WORK/dir.$name" LC_ALL=C \
				timeout -k 1 5 "$@" "$file" </dev/null 2>"$DIFF_WORK/$name.err"
			echo "$?" >"$DIFF_WORK/$name.status"
		} | timeout -k 1 10 cat >"$DIFF_WORK/$name.out"
		echo "status $(cat "$DIFF_WORK/$name.status")" >>"$DIFF_WORK/$name.out"
		echo "stderr lines $(wc -l < "$DIFF_WORK/$name.err")" >>"$DIFF_WORK/$name.out"
	)
}

# compare FILE: sets verdict to same (all three agree), peers (dash and
# yash disagree: no reference), timeout (one of them ran out of time),
# or whelk (dash and yash agree, whelk differs).
compare() {
	rm -rf "$DIFF_WORK/dir.dash" "$DIFF_WORK/dir.yash" "$DIFF_WORK/dir.whelk"
	mkdir "$DIFF_WORK/dir.dash" "$DIFF_WORK/dir.yash" "$DIFF_WORK/dir.whelk"
	run_shell dash "$1" dash
	run_shell yash "$1" yash
	if ! cmp -s "$DIFF_WORK/dash.out" "$DIFF_WORK/yash.out"; then
		verdict=peers
		grep -q '^status 12[4-9]$\|^status 137$' "$DIFF_WORK/dash.out" "$DIFF_WORK/yash.out" &&
			verdict=timeout
		return
	fi
	run_shell whelk "$1" "$DIFF_WHELK"
	if cmp -s "$DIFF_WORK/dash.out" "$DIFF_WORK/whelk.out"; then
		verdict=same
	elif grep -q '^status 124$\|^status 137$' "$DIFF_WORK/dash.out" "$DIFF_WORK/whelk.out"; then
		verdict=timeout
	else
		verdict=whelk
	fi
}

# strip_known IN OUT: IN without the lines that match an entry (an ERE before
# the first tab) of tests/diff/expected.
strip_known() {
	awk -v known="$diff_here/expected" '
		BEGIN {
			while ((getline l < known) > 0) {
				if (l ~ /^#/ || l !~ /\t/) continue
				n++; re[n] = substr(l, 1, index(l, "\t") - 1)
			}
		}
		{ for (i = 1; i <= n; i++) if ($0 ~ re[i]) next; print }
	' "$1" > "$2"
}
