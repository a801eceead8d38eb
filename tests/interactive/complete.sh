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

# ------------------------------------------------------------- startup file

cat >"$tmp/home/.whelkrc" <<'EOF2'
PS1='rc> '
alias hi='echo hello-from-rc'
EOF2
session "~/.whelkrc sets the prompt and aliases" <<'EOF2'
expect rc> 
send hi\r
expect hello-from-rc
expect rc> 
send exit\r
wait
EOF2

printf 'PS1="profile> "\n' >"$tmp/home/.profile"
session "a login shell reads ~/.profile, then ~/.whelkrc" SHELL_ARGS=-l <<'EOF2'
expect rc> 
send echo "[$PS1]"\r
expect [rc> ]
send exit\r
wait
EOF2
rm -f "$tmp/home/.profile"

SHELL_ARGS=--norc session "--norc skips ~/.whelkrc" <<'EOF2'
expect P> 
send alias hi 2>/dev/null || echo no-alias-$((1+1))\r
expect no-alias-2
send exit\r
wait
EOF2
rm -f "$tmp/home/.whelkrc"

# --------------------------------------------------------------- completion

if editing; then
mkdir "$tmp/work/many" "$tmp/work/subdir" "$tmp/work/cdp" "$tmp/work/cdp/projx"
for i in $(seq 1 150); do
	: >"$tmp/work/many/file-with-a-longer-name-$i"
done
: >"$tmp/work/subfile"
echo home-content >"$tmp/home/hfile.txt"

# readline lists on the Tab after one that changed nothing; libedit on the
# Tab after the one that inserted the common part.
if [ "$editor" = readline ]; then list_tabs='send \t
send \t'; else list_tabs='send \t'; fi

session "a long list asks first; n keeps the line" <<EOF2
expect P> 
send ls many/file\t
expect name-
$list_tabs
expect Display all 150 possibilities? (y or n)
send n
expect P> ls many/file-with-a-longer-name-
send X\r
expect longer-name-X'
send exit\r
wait
EOF2

if [ "$editor" = readline ]; then
session "y lists a screenful at a time with --More--" <<EOF2
expect P> 
send ls many/file\t
expect name-
$list_tabs
expect Display all 150 possibilities? (y or n)
send y
expect --More--
send  
expect --More--
send q
expect P> ls many/file-with-a-longer-name-
send X\r
expect longer-name-X'
send exit\r
wait
EOF2
else
session "y lists them all (libedit has no pager)" <<EOF2
expect P> 
send ls many/file\t
expect name-
$list_tabs
expect Display all 150 possibilities? (y or n)
send y
expect file-with-a-longer-name-99
expect P> ls many/file-with-a-longer-name-
send X\r
expect longer-name-X'
send exit\r
wait
EOF2
fi

session "command names after sudo-like commands and inside \$( and backquotes" <<'EOF2'
expect P> 
send command ech\t c1-$((1+1))\r
expect c1-2
send echo $(ech\t c2-$((1+1)))\r
expect c2-2
send echo `ech\t c3-$((1+1))`\r
expect c3-2
send exit\r
wait
EOF2

session "cd completes directories only, also through CDPATH" CDPATH="$tmp/work/cdp" <<'EOF2'
expect P> 
send cd sub\t\r
expect P> 
send pwd\r
expect /work/subdir
send cd /\r
expect P> 
send cd proj\t\r
expect P> 
send pwd\r
expect /work/cdp/projx
send exit\r
wait
EOF2

session "\$HOME/ and ~/ paths complete" <<'EOF2'
expect P> 
send cat $HOME/hfi\t\r
expect home-content
send cat ~/hfi\t\r
expect home-content
send exit\r
wait
EOF2

session "option, signal, help, variable and proc names" <<'EOF2'
expect P> 
send set -o pipef\t\r
expect P> 
send set +o | grep pipe\r
expect set -o pipefail
send kill -CON\t$$ && echo sig-$((1+1))\r
expect sig-2
send help whi\t\r
expect while: while list; do list; done
send unset HOM\t; echo "[${HOME-unset}]"\r
expect [unset]
send proc fds -\t\t
expect -p
send \x15echo done-$((1+1))\r
expect done-2
send exit\r
wait
EOF2
fi

echo "# line editor: $editor"
finish
