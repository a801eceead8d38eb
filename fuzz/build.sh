#!/bin/sh
# fuzz/build.sh: build the parser fuzz target with clang's libFuzzer, ASan and UBSan.
# SPDX-License-Identifier: GPL-3.0-or-later
# Usage: fuzz/build.sh [OUTDIR]   (needs a configured build tree for config.h: see README.md)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
out=${1:-/tmp/whelk-fuzz}
mkdir -p "$out"
# config.h: the parser includes <config.h>; an empty one is enough here.
[ -f "$out/config.h" ] || : > "$out/config.h"
${CC:-clang} -g -O1 -std=c11 -D_POSIX_C_SOURCE=200809L -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE \
	-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
	-I"$top/src" -I"$out" -o "$out/parser_fuzz" "$here/parser_fuzz.c" \
	"$top"/src/parser/arith.c "$top"/src/parser/ast.c "$top"/src/parser/ast_print.c \
	"$top"/src/parser/lexer.c "$top"/src/parser/parser.c "$top"/src/parser/source.c \
	"$top"/src/parser/word.c "$top"/src/base/*.c
echo "$out/parser_fuzz"
