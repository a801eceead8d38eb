#!/bin/sh
# dev.sh: set up a fresh Debian machine, build whelk, and run it or its tests.
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   ./dev.sh run              install what is missing, build, start whelk
#   ./dev.sh test             install what is missing, build, run every test suite
#   ./dev.sh test-asan        the same tests on an ASan+UBSan build (clang)
#   ./dev.sh test-editors     build with libedit and without line editing; run
#                             the interactive tests against each
#   ./dev.sh build [DIR [configure args...]]   just build (default DIR: build)
set -eu
cd "$(dirname "$0")"
top=$(pwd)

PKGS="gcc clang make autoconf automake pkg-config libreadline-dev libedit-dev check dash yash procps"

as_root() {
	if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_deps() {
	missing=
	for p in $PKGS; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
			missing="$missing $p"
	done
	[ -z "$missing" ] && return 0
	echo "dev.sh: installing:$missing"
	as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
	# shellcheck disable=SC2086
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
}

# build DIR [configure args...]: configure (once) and make in DIR.
build() {
	dir=$1; shift
	if [ ! -x configure ] || [ configure.ac -nt configure ]; then
		autoreconf -fi >/dev/null 2>&1 || autoreconf -fi
	fi
	mkdir -p "$dir"
	if [ ! -f "$dir/Makefile" ]; then
		(cd "$dir" && "$top/configure" -q --enable-werror "$@")
	fi
	make -s -C "$dir" -j"$(nproc)"
}

# run_tests DIR: every suite (unit, POSIX golden cases, pseudo-terminal); the
# last line is the total "N passed, N failed".
run_tests() {
	dir=$1
	log="$dir/test-suite-all.log"
	set +e
	# Descriptors 3-9 closed: tests may count on the lowest free fds, and
	# a CI harness can leave some open.
	# (The status is make's, kept in a file: a pipeline's is tee's.)
	{ st=0; make -s -C "$dir" check 3>&- 4>&- 5>&- 6>&- 7>&- 8>&- 9>&- || st=$?
	  echo "$st" >"$dir/check.status"; } 2>&1 | tee "$log"
	rc=$(cat "$dir/check.status")
	set -e
	awk -f "$top/tests/summarize.awk" "$log" | tee "$dir/summary.txt"
	return $rc
}

cmd=${1:-run}
case $cmd in
run)
	install_deps
	build build
	exec build/whelk
	;;
test)
	install_deps
	build build
	run_tests build
	;;
test-asan)
	install_deps
	build build-asan CC=clang \
		CFLAGS="-g -O1 -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all"
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1 \
		run_tests build-asan
	;;
test-editors)
	install_deps
	build build-libedit --with-libedit
	build build-plain --without-line-editing
	rc=0
	for d in build-libedit build-plain; do
		log="$d/test-suite-all.log"
		{ st=0; make -s -C "$d" check TESTS="$(make -s -C "$d" print-interactive-tests)" \
			3>&- 4>&- 5>&- 6>&- 7>&- 8>&- 9>&- || st=$?
		  echo "$st" >"$d/check.status"; } 2>&1 | tee "$log"
		[ "$(cat "$d/check.status")" = 0 ] || rc=1
		awk -f "$top/tests/summarize.awk" "$log" | tee "$d/summary.txt"
	done
	exit $rc
	;;
build)
	shift
	install_deps
	if [ $# -gt 0 ]; then d=$1; shift; build "$d" "$@"; else build build; fi
	;;
*)
	echo "usage: ./dev.sh run|test|test-asan|test-editors|build [dir]" >&2
	exit 2
	;;
esac
