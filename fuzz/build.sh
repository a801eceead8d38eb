#!/bin/sh
# fuzz/build.sh: build a fuzz target with clang's libFuzzer, ASan and UBSan.
# SPDX-License-Identifier: GPL-3.0-or-later
# Usage: fuzz/build.sh [OUTDIR [parser|script]]   (no configure needed: see README.md)
#   parser (default): parser_fuzz, the parser and printer alone
#   script: script_fuzz, whole scripts run by the shell in a confined child
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
out=${1:-/tmp/whelk-fuzz}
target=${2:-parser}
mkdir -p "$out"
# config.h: the sources include <config.h>; of what configure writes there
# they need only the version (dynvars.c: WHELK_VERSION).
grep -q PACKAGE_VERSION "$out/config.h" 2>/dev/null ||
	echo '#define PACKAGE_VERSION "fuzz"' > "$out/config.h"
flags="-g -O1 -std=c11 -D_POSIX_C_SOURCE=200809L -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE
	-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
	-I$top/src -I$out"
parser_src="$top/src/parser/arith.c $top/src/parser/ast.c $top/src/parser/ast_print.c
	$top/src/parser/lexer.c $top/src/parser/parser.c $top/src/parser/source.c
	$top/src/parser/word.c"
case $target in
parser)
	# shellcheck disable=SC2086
	${CC:-clang} $flags -o "$out/parser_fuzz" "$here/parser_fuzz.c" \
		$parser_src "$top"/src/base/*.c
	echo "$out/parser_fuzz"
	;;
script)
	# Every layer below the interactive one (the shell the unit tests link);
	# every _exit goes through the target's wrapper, which saves coverage.
	# shellcheck disable=SC2086
	${CC:-clang} $flags -Wl,--wrap=_exit,--wrap=__sanitizer_cov_8bit_counters_init -o "$out/script_fuzz" "$here/script_fuzz.c" \
		$parser_src "$top"/src/base/*.c "$top"/src/jobs/*.c "$top"/src/proc/*.c \
		"$top"/src/exec/*.c "$top"/src/builtins/*.c
	echo "$out/script_fuzz"
	;;
*)
	echo "fuzz/build.sh: unknown target '$target' (parser or script)" >&2
	exit 2
	;;
esac
