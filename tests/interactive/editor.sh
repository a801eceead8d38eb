#!/bin/sh
# editor.sh: pseudo-terminal tests of what the line editor leaves on the screen and in the process — fds, idle wake-ups, Ctrl-C, Ctrl-D, resizing.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: tests/interactive/editor.sh [SHELL [EDITOR]] (as lineedit.sh).
# `screen` lines check the screen through ptydrive's terminal emulator, so
# a redraw that garbles the line fails even when the right bytes went by.

suite=editor
PTY_TIMEOUT=40
. "$(cd "$(dirname "$0")" && pwd)/lib.sh"

# ---------------------------------------------------------------- all backends

# ls itself opens 3 for the directory; nothing else may be there.
session "a command inherits only 0, 1 and 2" <<'EOF'
expect P> 
send echo fds:$(ls /proc/self/fd | tr '\\n' ,):end\r
expect fds:0,1,2,3,:end
send ls /proc/self/fd | tr '\\n' ,; echo :end\r
expect 0,1,2,3,:end
send exit\r
wait
EOF

# voluntary_ctxt_switches counts the times the shell slept; polling every
# 250 ms would add 8 in those 2 seconds.
session "an idle prompt makes no system call" <<'EOF'
expect P> 
send (sleep 1; a=$(grep ^voluntary_ctxt /proc/$$/status); sleep 2; b=$(grep ^voluntary_ctxt /proc/$$/status); echo "${a##*:} ${b##*:}" >idle.txt) &\r
expect P> 
sleep 3600
send read a b <idle.txt; echo idle=$((b - a))\r
expect idle=0
send exit\r
wait
EOF

session "a notice still arrives while typing (set -b)" <<'EOF'
expect P> 
send set -b\r
expect P> 
send sleep 1 &\r
expect P> 
send echo typ
expect Done
send ed\r
expect typed
send exit\r
wait
EOF

# (The screen must show the whole line before the ^C: a terminal in
# canonical mode, the plain reader's, drops echo still queued at a ^C.)
session "Ctrl-C leaves the line on the screen, marked ^C" <<'EOF'
expect P> 
send echo one\r
expect P> 
send echo abc
screen \nP> echo abc
send \x03
screen \nP> echo abc^C\nP>
send echo st=$?\r
expect st=130
send exit\r
wait
EOF

session "a refused Ctrl-D leaves no blank lines behind (ignoreeof)" <<'EOF'
expect P> 
send set -o ignoreeof\r
expect P> 
send \x04
expect Use "exit" to leave the shell.
screen \nUse "exit" to leave the shell.\nP>
send echo a\r
expect a
expect P> 
send echo b\r
screen \nP> echo b\nb\nP>
send exit\r
wait
EOF

session "Ctrl-D at PS2 reports once and leaves no trace" <<'EOF'
expect P> 
send echo "abc\r
expect C> 
send \x04
expect unterminated
expect P> 
send echo b\r
screen \nP> echo b\nb\nP>
noscreen unterminated quoted string\nwhelk
send exit\r
wait
EOF

session "COLUMNS and LINES follow the window after a command" <<'EOF'
expect P> 
send sleep 1; echo slept\r
resize 30 70
expect slept
expect P> 
send echo size=$COLUMNS,$LINES\r
expect size=70,30
send exit\r
wait
EOF

# ------------------------------------------------------------- line editors

if editing; then
# 101 a's: "P> echo " and the a's take 109 columns, two rows at 80 and at 60.
a10=aaaaaaaaaa
a50=$a10$a10$a10$a10$a10
session "a wrapped line is redrawn for a narrower window" <<EOF
expect P> 
send echo one\r
expect P> 
send echo ${a50}${a50}a
sleep 200
resize 24 60
screen \nP> echo $a10$a10$a10$a10${a10}aa\n$a10$a10$a10${a10}aaaaaaaaa\n
send \r
expect P> 
send echo \$COLUMNS\r
expect 60
send exit\r
wait
EOF

session "a resize in the middle of the line keeps the cursor there" <<EOF
expect P> 
send echo one\r
expect P> 
send echo $a50$a50
send \x01\e[C\e[C\e[C\e[C\e[C
resize 24 100
screen \nP> echo $a50$a10$a10$a10${a10}aa\naaaaaaaa\n
send X\r
expect Xaaaaaaaaaa
send exit\r
wait
EOF

# An "editor" that changes the file as a user would, and one that fails.
printf '#!/bin/sh\nsed -i "s/abc/xyz/" "$1"\n' >"$tmp/home/ed.sh"
chmod +x "$tmp/home/ed.sh"
session "C-x C-e runs \$VISUAL on the line; what is saved runs and enters history" \
	VISUAL="$tmp/home/ed.sh" HISTFILE="$tmp/home/h-edit" <<'EOF'
expect P> 
send echo abc-$((1+1))
send \x18\x05
expect xyz-2
expect P> 
send echo next\r
expect next
send \e[A\e[A\r
expect xyz-2
send exit\r
wait
EOF
check "the edited line is the history entry" grep -q '^echo xyz-\$((1+1))$' "$tmp/home/h-edit"

session "vi mode: v in command mode runs \$FCEDIT when VISUAL is unset" \
	FCEDIT="$tmp/home/ed.sh" EDITOR=false <<'EOF'
expect P> 
send set -o vi\r
expect P> 
send echo abc-$((2+2))\ev
expect xyz-4
send exit\r
wait
EOF

session "a failing editor leaves the line as it was" VISUAL=false <<'EOF'
expect P> 
send echo abc-$((3+3))
send \x18\x05
expect P> echo abc-$((3+3))
send \r
expect abc-6
send exit\r
wait
EOF

# ------------------------------------------------------- autosuggestions

session "the newest matching history entry is suggested in grey; Right takes it" \
	HISTFILE="$tmp/home/h-sugg" <<'EOF'
expect P> 
send echo sugg-old\r
expect P> 
send echo sugg-one\r
expect P> 
send echo su
dim gg-one
screen \nP> echo sugg-one
send \e[C\r
expect \nsugg-one
expect P> 
send echo su\r
screen \nP> echo su\nsu\nP>
send ech
dim o su
send \x06\r
screen \nP> echo su\nsu\nP>
send exit\r
wait
EOF

session "M-f takes one word; End takes the rest" HISTFILE="$tmp/home/h-word" <<'EOF'
expect P> 
send echo alpha beta gamma\r
expect P> 
send echo al
dim pha beta gamma
send \ef\r
expect \nalpha\n
expect P> 
send echo alpha
send \e[F\r
expect \nalpha beta gamma\n
send exit\r
wait
EOF

: >"$tmp/work/uniquely-named.txt"
session "without history, a unique completion is suggested" HISTFILE="$tmp/home/h-comp" <<'EOF'
expect P> 
send ls uniq
dim uely-named.txt
send \e[C\r
expect \nuniquely-named.txt\n
send exit\r
wait
EOF

session "set +o autosuggest turns it off" HISTFILE="$tmp/home/h-off" <<'EOF'
expect P> 
send set +o autosuggest; echo offtest-long\r
expect P> 
send echo offt
sleep 300
send \e[C\r
expect \nofft\n
send exit\r
wait
EOF

session "a two-line prompt: the suggestion on the prompt's last line" \
	HISTFILE="$tmp/home/h-two" PS1='top line
P> ' <<'EOF'
expect P> 
send echo two-lines\r
expect P> 
send echo two
dim -lines
screen \ntop line\nP> echo two-lines
resize 24 60
dim -lines
screen \ntop line\nP> echo two-lines
noscreen top line\ntop line
send \e[C\r
expect \ntwo-lines
send exit\r
wait
EOF

# libedit keeps only the bytes its locale knows: UTF-8 needs the shell to
# apply LC_CTYPE with setlocale, which it does not do yet.
if [ "$editor" = readline ]; then
session "a UTF-8 suggestion" HISTFILE="$tmp/home/h-utf" LC_ALL=C.UTF-8 <<'EOF'
expect P> 
send echo h\xc3\xa9llo w\xc3\xb6rld\r
expect P> 
send echo h\xc3\xa9
dim llo w\xc3\xb6rld
screen \nP> echo h\xc3\xa9llo w\xc3\xb6rld
send \e[C\r
expect \nh\xc3\xa9llo w\xc3\xb6rld
send exit\r
wait
EOF
fi

# "P> echo " and 80 b's: the line wraps; the suggestion is on its second row.
b10=bbbbbbbbbb
session "a wrapped line: the suggestion after the cursor, redrawn after a resize" \
	HISTFILE="$tmp/home/h-wrap" <<EOF
expect P> 
send echo $b10$b10$b10$b10$b10$b10$b10${b10}-end\r
expect P> 
send echo $b10$b10$b10$b10$b10$b10$b10$b10
dim -end
screen \nbbbbbbbb-end\n
resize 24 70
dim -end
screen \nP> echo $b10$b10$b10$b10$b10${b10}bb\n${b10}bbbbbbbb-end\n
send \e[C\r
expect $b10-end
send exit\r
wait
EOF
fi

echo "# line editor: $editor"
finish
