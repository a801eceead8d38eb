#!/bin/sh
# complete.sh: pseudo-terminal tests of completion, the startup file ~/.whelkrc and "did you mean" (issue 14 items 13, 14, 16).
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: tests/interactive/complete.sh [SHELL [EDITOR]]
#   as lineedit.sh: SHELL defaults to ./whelk, EDITOR (readline, libedit or
#   plain) to what config.h says.  Completion needs an editor; the rest runs
#   for every backend.

suite=complete
PTY_TIMEOUT=40
. "$(cd "$(dirname "$0")" && pwd)/lib.sh"

# ------------------------------------------------------------- did you mean

mkdir -p "$tmp/bin"
for n in zorkle zorkel2; do
	printf '#!/bin/sh\necho ran-%s\n' "$n" >"$tmp/bin/$n"
	chmod +x "$tmp/bin/$n"
done

session "a mistyped command gets the nearest names" PATH="$tmp/bin:/usr/bin:/bin" <<'EOF2'
expect P> 
send zrokle\r
expect zrokle: not found (did you mean zorkle?)
expect P> 
send greet() { echo hi; }; gret\r
expect gret: not found (did you mean greet
expect P> 
send echo st=$?\r
expect st=127
send exit\r
wait
EOF2

echo "# line editor: $editor"
finish
