#!/bin/sh
# globals.sh: keep docs/DESIGN.md's list of mutable globals equal to what the compiler emits.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Run by `make check` from the build directory ($srcdir is exported by the
# harness).  Every object file of the shell (src/ in the build tree) is read
# with `objdump -t`; a symbol of an object ("O") in a .data or .bss section is
# an object the program may write (read-only data, and tables of pointers
# that need relocating, land in .rodata and .data.rel.ro instead).  The
# names between the "globals: begin/end" markers of docs/DESIGN.md are the
# ones allowed; the test fails on a name missing from either side.
# Sanitizer and compiler bookkeeping (names starting with "__" or ".") is
# left out.  Ends with "globals: N passed, N failed".
srcdir=${srcdir:-$(dirname "$0")/..}
design=$srcdir/docs/DESIGN.md
command -v objdump >/dev/null 2>&1 || { echo "globals: objdump not found (binutils)"; exit 77; }
[ -d src ] || { echo "globals: run from the build directory"; exit 99; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/globals.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT

# Function-local statics get a numeric suffix from the compiler (names.0).
find src -name '*.o' | sort | while read -r o; do
	objdump -t "$o" | awk -v o="$o" '
		$0 ~ / O / {
			sec = ""; for (i = 1; i <= NF; i++) if ($i ~ /^\./) { sec = $i; break }
			if (sec !~ /^\.(data|bss)($|\.)/ || sec ~ /rel\.ro/) next
			name = $NF; sub(/\.[0-9]+$/, "", name)
			if (name ~ /^(__|\.)/) next
			print name "\t" o
		}'
done | sort -u > "$tmp/found"
cut -f1 "$tmp/found" | sort -u > "$tmp/found-names"

sed -n '/<!-- globals: begin -->/,/<!-- globals: end -->/p' "$design" |
	grep '^- ' | sed 's/ (`[^`]*`).*//; s/^- //' | tr ',' '\n' |
	sed -n 's/^ *`\([A-Za-z_][A-Za-z0-9_]*\)` *$/\1/p' | sort -u > "$tmp/listed"

pass=0 fail=0
while read -r name; do
	if grep -qx "$name" "$tmp/listed"; then
		pass=$((pass + 1))
	else
		where=$(awk -F'\t' -v n="$name" '$1 == n { printf " %s", $2 }' "$tmp/found")
		echo "globals: $name (in$where) is a mutable global that docs/DESIGN.md does not list:"
		echo "         make it a field of struct shell, or add it to \"Mutable globals\" with its reason"
		fail=$((fail + 1))
	fi
done < "$tmp/found-names"
while read -r name; do
	grep -qx "$name" "$tmp/found-names" && continue
	echo "globals: docs/DESIGN.md lists $name, which no object defines any more"
	fail=$((fail + 1))
done < "$tmp/listed"
echo "globals: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
