#!/bin/sh
# lineedit.sh: pseudo-terminal tests of interactive whelk — editing, history, completion, prompts, Ctrl-C, notices.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: tests/interactive/lineedit.sh [SHELL [EDITOR]]
#   SHELL defaults to ./whelk (run from the build directory, as `make check`
#   does); EDITOR (readline, libedit or plain) defaults to what config.h
#   says.  Needs no terminal and no standard input: ptydrive makes its own
#   pseudo-terminal.  Every session has a time limit.
#
# Running it against bash (`SHELL_ARGS=--norc lineedit.sh /bin/bash readline`)
# checks the
# tests themselves (bash fails only where whelk differs on purpose).

suite=lineedit
PTY_TIMEOUT=40
. "$(cd "$(dirname "$0")" && pwd)/lib.sh"

# ---------------------------------------------------------------- all backends

session "a typed command runs" <<'EOF'
expect P> 
send echo $((6*7))\r
expect 42
send exit\r
wait
EOF

session "history is saved to HISTFILE" <<'EOF'
expect P> 
send echo hist$((1+1))\r
expect hist2
send exit\r
wait
EOF
total=$((total + 1))
if grep -q 'echo hist\$((1+1))' "$tmp/home/hist" 2>/dev/null &&
	[ "$(stat -c %a "$tmp/home/hist")" = 600 ]; then
	echo "ok   history file holds the command, mode 600"
else
	echo "FAIL history file holds the command, mode 600"
	fails=$((fails + 1))
fi

session "PS1 escapes render" HISTFILE="$tmp/home/h-ps1" PS1='[\u|\W|\$|\!]' <<EOF
expect [$(id -un)|work|$( [ "$(id -u)" = 0 ] && echo '#' || echo '$')|1]
send exit\r
wait
EOF

session "PS1 parameter expansion, not expanded twice" X='$(echo no)' PS1='<$X>' <<'EOF'
expect <$(echo no)>
send exit\r
wait
EOF

# ctrl_c NAME FIRST: type a line, press Ctrl-C, and the prompt must come
# back with $? 130.  FIRST is what happens in between: "expect abc" waits
# until the line is on the screen, as a user would; "#" sends the ^C right
# behind the typed bytes.  Then the terminal's flush on SIGINT may take
# bytes the shell saw arrive before the editor read them, and the editor's
# read must not wait for the next key (it did under libedit: 2 of 25 runs
# lost the ^C).  That is a race, so it is tried several times.
ctrl_c() {
	session "$1" <<EOF
expect P> 
send echo abc
$2
send \x03
expect P> 
send echo st=\$?\r
expect st=130
send exit\r
wait
EOF
}
ctrl_c "Ctrl-C at the prompt discards the line" "expect abc"
for i in 1 2 3 4 5 6 7 8; do
	ctrl_c "Ctrl-C right behind the typed bytes ($i of 8)" "#"
done

session "a multi-line if prompts with PS2" <<'EOF'
expect P> 
send if true\r
expect C> 
send then echo in$((1+1))\r
expect C> 
send fi\r
expect in2
send exit\r
wait
EOF

session "Ctrl-D exits; ignoreeof refuses" <<'EOF'
expect P> 
send set -o ignoreeof\r
expect P> 
send \x04
expect Use "exit" to leave the shell.
send set +o ignoreeof; echo ieof-$((1+1))\r
expect ieof-2
expect P> 
send \x04
wait
EOF

session "a Done notice arrives while a line is being edited (set -b)" <<'EOF'
expect P> 
send set -b\r
expect P> 
send sleep 1 &\r
expect P> 
send echo part
expect Done
send ial\r
expect partial
send exit\r
wait
EOF

session "fc -l, fc -s old=new, history" HISTFILE="$tmp/home/h-fc" <<'EOF'
expect P> 
send echo one$((1))\r
expect one1
expect P> 
send fc -s one=two echo\r
expect two1
expect P> 
send fc -l -n 1 1\r
expect \techo one$((1))
expect P> 
send history\r
expect 2  echo two$((1))
expect P> 
send exit\r
wait
EOF

# ------------------------------------------------------------- line editors

if editing; then
session "Up recalls the previous command" <<'EOF'
expect P> 
send echo $((7*6))x\r
expect 42x
expect P> 
send \e[A\r
expect 42x
send exit\r
wait
EOF

session "history survives a restart (1)" HISTFILE="$tmp/home/h-restart" <<'EOF'
expect P> 
send echo surv$((4+4))\r
expect surv8
expect P> 
send \x04
wait
EOF
session "history survives a restart (2)" HISTFILE="$tmp/home/h-restart" <<'EOF'
expect P> 
send \e[A\r
expect surv8
send exit\r
wait
EOF

session "a multi-line command is one history entry" <<'EOF'
expect P> 
send if true\r
expect C> 
send then echo ml$((2+2))\r
expect C> 
send fi\r
expect ml4
expect P> 
send \e[A\r
expect ml4
send exit\r
wait
EOF

session "Tab completes a command name" <<'EOF'
expect P> 
send ech\t $((2+3))z\r
expect 5z
send exit\r
wait
EOF

printf 'content-ok\n' >"$tmp/work/my file.txt"
session "Tab completes a file name with a space" <<'EOF'
expect P> 
send cat my\t\r
expect content-ok
send exit\r
wait
EOF

session "Tab completes a job spec" <<'EOF'
expect P> 
send sleep 3 &\r
expect P> 
send kill %\t
send \x01printf '%s|\\n' \r
expect %1|
send exit\r
wait
EOF

session "vi mode: ESC k recalls history" <<'EOF'
expect P> 
send set -o vi\r
expect P> 
send echo vi$((3+3))\r
expect vi6
expect P> 
send \ek\r
expect vi6
send exit\r
wait
EOF
fi

echo "# line editor: $editor"
finish
