#!/bin/sh
# layers.sh: keep DESIGN.md's layer rule true — a module includes only the layers below it.
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   layer 0 base         libc only
#   layer 1 parser       base
#   layer 2 jobs, proc   base
#   layer 3 exec         base, parser, jobs, and from builtins only registry.h
#   layer 4 builtins     everything below
#   layer 5 interactive  base, parser
#   main.c, repl.c       anything (they wire the layers together)
# Three more rules hold for every file:
#   - it names (struct NAME) only the shell's types defined in files it may
#     include, so a lower layer cannot point at a higher layer's type;
#   - a directory's private headers (*_int.h, *_internal.h) are included only
#     from files in that directory;
#   - the line-editing libraries (<readline/…>, <editline/…>, <histedit.h>)
#     are included only in src/interactive/, behind the lineedit.h seam.
# Prints each violation and ends with "layers: N passed, N failed" (one test
# per source file).
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top/src" || exit 2

allowed() {	# allowed DIR INCLUDE -> status 0 when DIR may include INCLUDE
	inc=$2
	case $inc in config.h) return 0 ;; esac
	dir_of_inc=${inc%%/*}
	[ "$dir_of_inc" = "$1" ] && return 0
	case $1 in
	base) return 1 ;;
	parser) [ "$dir_of_inc" = base ] ;;
	jobs | proc) [ "$dir_of_inc" = base ] ;;
	exec)
		case $dir_of_inc in base | parser | jobs) return 0 ;; esac
		[ "$inc" = builtins/registry.h ] ;;
	builtins)
		case $dir_of_inc in base | parser | jobs | proc | exec) return 0 ;; esac
		return 1 ;;
	interactive)
		case $dir_of_inc in base | parser) return 0 ;; esac
		return 1 ;;
	*) return 0 ;;
	esac
}

private_ok() {	# private_ok DIR INCLUDE -> status 0 unless INCLUDE is another directory's private header
	case ${2##*/} in
	*_int.h | *_internal.h) [ "${2%%/*}" = "$1" ] ;;
	*) return 0 ;;
	esac
}

# Where each struct of the shell is defined ("NAME DIR/FILE" lines): a file
# may name only the types of the headers it may include, so a lower layer
# cannot point at a higher layer's type even through a forward declaration.
type_map=$(grep -H '^struct [A-Za-z_0-9]* {' */*.h */*.c | sed 's/^\([^:]*\):struct \([A-Za-z_0-9]*\) {.*/\2 \1/')

pass=0 fail=0
for f in */*.c */*.h; do
	dir=${f%%/*}
	bad=
	for t in $(sed -n 's/.*struct \([A-Za-z_0-9]*\).*/\1/p' "$f" | sort -u); do
		ds=$(echo "$type_map" | sed -n "s/^$t //p")
		[ -n "$ds" ] || continue	# a libc type
		ok=
		for d in $ds; do
			allowed "$dir" "$d" && ok=1
		done
		[ -n "$ok" ] || bad="$bad struct $t"
	done
	for inc in $(sed -n 's/^#[ \t]*include[ \t]*"\([^"]*\)".*/\1/p' "$f"); do
		allowed "$dir" "$inc" && private_ok "$dir" "$inc" || bad="$bad $inc"
	done
	if [ "$dir" != interactive ]; then
		for inc in $(sed -n 's/^#[ \t]*include[ \t]*<\(readline\/[^>]*\|editline\/[^>]*\|histedit\.h\)>.*/\1/p' "$f"); do
			bad="$bad <$inc>"
		done
	fi
	if [ -n "$bad" ]; then
		echo "layers: src/$f may not include or name:$bad"
		fail=$((fail + 1))
	else
		pass=$((pass + 1))
	fi
done
echo "layers: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
