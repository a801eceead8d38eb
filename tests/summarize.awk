# summarize.awk: total every suite's results from a `make check` log.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Each test program prints its own counts before automake's "PASS: name" /
# "FAIL: name" line: check prints "NN%: Checks: N, Failures: F, Errors: E",
# whelk's script runners print "N passed, N failed".  A program that printed
# no counts counts as one test.  Prints per-program totals and one last line
# "N passed, N failed".
function flush_prog(name, ok) {
	if (seen) {
		P += p; F += f
		printf "  %-44s %6d passed, %d failed\n", name, p, f
	} else {
		if (ok) P++; else F++
		printf "  %-44s %6s\n", name, ok ? "ok" : "FAILED"
	}
	p = f = seen = 0
}
/^[0-9]+%: Checks: [0-9]+, Failures: [0-9]+, Errors: [0-9]+/ {
	line = $0
	sub(/^[0-9]+%: Checks: /, "", line)
	split(line, a, /, Failures: |, Errors: /)
	p += a[1] - a[2] - a[3]; f += a[2] + a[3]; seen = 1
	next
}
/^([A-Za-z-]+: )?[0-9]+ passed, [0-9]+ failed/ {
	line = $0
	sub(/^[A-Za-z-]+: /, "", line)
	split(line, a, / passed, | failed/)
	p += a[1]; f += a[2]; seen = 1
	next
}
/^(PASS|XFAIL|SKIP): / { flush_prog($2, 1); next }
/^(FAIL|XPASS|ERROR): / { flush_prog($2, 0); next }
END {
	print "== all suites =="
	printf "%d passed, %d failed\n", P, F
}
