#!/bin/sh
# selftest.sh — checks that tests/posix/run can fail: it feeds the runner
# case files under selftest/ that must pass, must fail, or are malformed,
# and checks its reports and exit statuses.  A runner that cannot fail is
# worthless.  Usage: tests/posix/selftest.sh [SHELL]   (default: sh)
here=$(cd "$(dirname "$0")" && pwd)
run=$here/run
sh_=${1:-${TESTSHELL:-sh}}
t=$(mktemp -d "${TMPDIR:-/tmp}/posix-selftest.XXXXXX") || exit 2
trap 'rm -rf "$t"' EXIT
bad=0
check() { # description, command status
	if "$@"; then echo "ok   - $desc"; else echo "FAIL - $desc"; bad=$((bad + 1)); fi
}

"$run" -s "$sh_" -j 3 "$here/selftest/pass.cases" >"$t/pass" 2>&1; rc=$?
desc="passing cases: exit 0";                check [ $rc -eq 0 ]
desc="passing cases: total line";            check grep -qx '11 passed, 0 failed, 1 skipped' "$t/pass"
desc="passing cases: no FAIL lines";         check eval '! grep -q "^FAIL" "$t/pass"'

"$run" -s "$sh_" -j 3 "$here/selftest/fail.cases" >"$t/fail" 2>&1; rc=$?
desc="failing cases: exit 1";                check [ $rc -eq 1 ]
desc="failing cases: total line";            check grep -qx '0 passed, 14 failed' "$t/fail"
n=$(grep -c '^FAIL .*fail\.cases:[0-9][0-9]*: ' "$t/fail")
desc="failing cases: 14 FAIL lines with file:line (got $n)"; check [ "$n" -eq 14 ]
desc="failing cases: stdout diff shown";     check grep -q '^    +hello' "$t/fail"
desc="failing cases: status diff shown";     check grep -q 'status: expected 0, got 1' "$t/fail"
desc="failing cases: timeout reported";      check grep -q 'timed out' "$t/fail"
desc="failing cases: no PASS lines";         check eval '! grep -q "^PASS" "$t/fail"'

# Order must be the file order whatever -j is.
"$run" -s "$sh_" -j 5 "$here/selftest/fail.cases" 2>&1 | grep '^FAIL' >"$t/o5"
grep '^FAIL' "$t/fail" >"$t/o3"
desc="output order independent of -j";       check cmp -s "$t/o3" "$t/o5"

# Both files together: failures still fail the whole run.
"$run" -s "$sh_" "$here/selftest/pass.cases" "$here/selftest/fail.cases" >"$t/both" 2>&1; rc=$?
desc="mixed run: exit 1";                    check [ $rc -eq 1 ]
desc="mixed run: total line";                check grep -qx '11 passed, 14 failed, 1 skipped' "$t/both"

# A skip naming the shell under test skips; the case would fail otherwise.
b=${sh_##*/}; b=${b%% *}
printf '### case: skipped\nexit 1\n### skip: %s selftest reason\n### case: run\ntrue\n' "$b" >"$t/skip.cases"
"$run" -s "$sh_" -v "$t/skip.cases" >"$t/skip" 2>&1; rc=$?
desc="skip: SHELL skips that shell";         check eval '[ $rc -eq 0 ] && grep -qx "1 passed, 0 failed, 1 skipped" "$t/skip"'
desc="skip reason shown with -v";            check grep -q 'SKIP .*selftest reason' "$t/skip"

# `### needs: utf8` runs the case where C.UTF-8 exists and skips it
# elsewhere; any other need is a format error.
printf '### case: utf8\ntrue\n### needs: utf8\n' >"$t/utf8.cases"
"$run" -s "$sh_" "$t/utf8.cases" >"$t/utf8" 2>&1; rc=$?
desc="needs: utf8 runs or skips";            check eval '[ $rc -eq 0 ] && grep -Eqx "1 passed, 0 failed|0 passed, 0 failed, 1 skipped" "$t/utf8"'
printf '### case: klingon\ntrue\n### needs: klingon\n' >"$t/need.cases"
"$run" -s "$sh_" "$t/need.cases" >"$t/need" 2>&1; rc=$?
desc="needs: unknown need is a format error"; check eval '[ $rc -eq 2 ] && grep -q "need.cases:3: format error" "$t/need"'

"$run" -s "$sh_" "$here/selftest/bad-format.cases" >"$t/fmt" 2>&1; rc=$?
desc="malformed file: exit 2";               check [ $rc -eq 2 ]
desc="malformed file: file:line reported";   check grep -q 'bad-format.cases:3: format error' "$t/fmt"

(unset TESTSHELL; "$run" "$here/selftest/pass.cases") >"$t/nosh" 2>&1; rc=$?
desc="no shell given: exit 2 with message";  check eval '[ $rc -eq 2 ] && grep -q "no shell under test" "$t/nosh"'

"$run" -s /nonexistent/shell "$here/selftest/pass.cases" >/dev/null 2>&1; rc=$?
desc="missing shell binary: exit 2";         check [ $rc -eq 2 ]

TESTSHELL=$sh_ "$run" "$here/selftest/pass.cases" >/dev/null 2>&1; rc=$?
desc="TESTSHELL is honoured";                check [ $rc -eq 0 ]

if [ $bad -eq 0 ]; then echo "selftest: all ok"; else echo "selftest: $bad check(s) failed"; fi
[ $bad -eq 0 ]
