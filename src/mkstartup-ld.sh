#!/bin/sh
# mkstartup-ld.sh FRAGMENT CC [FLAGS...]: print the linker script whelk is
# linked with: the linker's own default script (as CC with FLAGS would use
# it: PIE, relro, separate code...) with FRAGMENT's input-section lines put
# first in its .text output section (docs/DESIGN.md, "How whelk is linked").
# Fails when the default script has no `.text.unlikely` line to put them
# before (a linker other than GNU ld: configure then links without it).
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu
frag=$1; shift
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf 'int main(void) { return 0; }\n' >"$tmp/t.c"
"$@" -Wl,--verbose -o "$tmp/t" "$tmp/t.c" >"$tmp/verbose" 2>&1 || :
awk -v frag="$frag" '
	/^==========/ { inside = !inside; next }
	!inside { next }
	!done && /^[ \t]*\*\(\.text\.unlikely / {
		while ((getline line < frag) > 0) print line
		done = 1
	}
	{ print }
	END { if (!done) exit 1 }
' "$tmp/verbose"
