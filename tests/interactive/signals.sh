#!/bin/sh
# signals.sh: pseudo-terminal tests of signals at the prompt — failed execs, Ctrl-C and Ctrl-Z in loops of builtins, wait and read, job specs as commands, an interactive shell's own dispositions.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: tests/interactive/signals.sh [SHELL]   (see jobs-control.sh)
# Checking the tests themselves: SHELL_ARGS=--norc signals.sh /bin/bash

suite=signals
. "$(cd "$(dirname "$0")" && pwd)/lib.sh"

# ------------------------------------------------------------------ tests

# A child that fails to exec had already taken the terminal (it joins its
# own process group first): the shell must take it back, or its next read
# from the terminal fails and it exits.
session "a command that cannot be run leaves the shell in charge" <<EOF
expect P> 
send ./nosuch.sh\r
expect nosuch.sh: 
expect P> 
send echo st=\$?\r
expect st=127
expect P> 
send mkdir dir; : >noexec; ./dir\r
expect P> 
send echo st=\$?\r
expect st=126
expect P> 
send ./noexec\r
expect P> 
send echo st=\$?\r
expect st=126
expect P> 
send $OWNS\r
expect OWNS-TTY2
expect P> 
send set -o proctrace\r
expect P> 
send ./nosuch.sh\r
expect nosuch.sh: 
expect P> 
send echo st=\$?; set +o proctrace\r
expect st=127
expect P> 
send $OWNS\r
expect OWNS-TTY2
expect P> 
send exit\r
wait
EOF

# XCU 2.9.1.1: an executable file without #! that execve refuses
# (ENOEXEC) runs as a script in a new shell process.  That retry must be
# the job (its own process group, with the terminal), so that Ctrl-Z,
# fg and Ctrl-C reach it.
session "a script without #! is a job that stops and resumes" <<EOF
expect P> 
send printf 'echo sta''rted; exec sleep 100\\\\n' >noshebang; chmod +x noshebang\r
expect P> 
send ./noshebang\r
expect started
send \x1a
expect Stopped
expect P> 
send $OWNS\r
expect OWNS-TTY2
expect P> 
send jobs -p >pgid1; fg\r
expect noshebang
sleep 200
send \x03
expect P> 
send echo st=\$?\r
expect st=130
expect P> 
send $OWNS\r
expect OWNS-TTY2
expect P> 
send exit\r
wait
EOF
check "the script's job is gone" gone "$tmp/work/pgid1"

# The shell moves the terminal while it is in the background (after a job
# ran): with SIGTTOU at its default — `trap - TTOU` in a script run with
# set -m at a terminal — that must not stop it, so the shell blocks
# SIGTTOU around tcsetpgrp and tcsetattr.
cat >"$tmp/work/ttou.sh" <<'EOF'
trap - TTOU TTIN
sleep 0.1
echo alive1
sh -c 'kill -TERM $$'
echo alive2
EOF
session "trap - TTOU does not stop a job-control shell" <<EOF
expect P> 
send $shell -m ttou.sh; echo st=\$?\r
expect alive1
expect alive2
expect st=0
expect P> 
send $OWNS\r
expect OWNS-TTY2
expect P> 
send exit\r
wait
EOF

# XCU 2.11: an interactive shell does not die of SIGINT and ignores SIGQUIT
# and SIGTERM; `trap - SIG` gives that back, it does not make the shell
# mortal.  With or without job control.
for m in -m +m; do
session "trap - INT QUIT TERM, then kill \$\$ (set $m)" <<EOF
expect P> 
send set $m; trap : INT QUIT TERM; trap - INT QUIT TERM\r
expect P> 
send kill -s INT \$\$; echo alive1\r
expect P> 
send kill -s QUIT \$\$; echo alive2\r
expect alive2
expect P> 
send kill -s TERM \$\$; echo alive3\r
expect alive3
expect P> 
send echo st=\$?\r
expect st=0
expect P> 
send exit\r
wait
EOF
done

# Ctrl-C at an interactive shell ends the whole command line, even a loop
# of builtins that never starts a process; $? is 130 and the prompt
# starts on a line of its own.  With a trap on INT the trap runs instead.
PTYDRIVE_FLAGS=-v
session "Ctrl-C ends a loop of builtins" <<'EOF'
expect P> 
send while :; do :; done; echo not-re''ached1\r
sleep 300
send \x03
expect P> 
send echo st=$?\r
expect st=130
expect P> 
send i=0; while [ $i -lt 100000000 ]; do i=$((i+1)); done; echo not-re''ached2\r
sleep 300
send \x03
expect P> 
send echo st=$?\r
expect st=130
expect P> 
send f() { for i in 1 2; do while :; do :; done; done; }; f; echo not-re''ached3\r
sleep 300
send \x03
expect P> 
send echo st=$?\r
expect st=130
expect P> 
send trap 'echo got-int; trap - INT' INT; while :; do :; done; echo not-re''ached4\r
sleep 300
send \x03
expect got-int
sleep 100
send \x03
expect P> 
send echo st=$?\r
expect st=130
expect P> 
send exit\r
wait
EOF
PTYDRIVE_FLAGS=
check "nothing after the interrupted loops ran" \
	eval '! grep -q "not-reached" "$tmp/out"'
check "the prompt after ^C starts a line of its own" \
	eval '! grep -q "\\^C.*P> " "$tmp/out"'

session "Ctrl-C in wait and in read: 130, and a fresh line" <<'EOF'
expect P> 
send sleep 100 & wait; echo not-re''ached\r
sleep 300
send \x03
expect P> 
send echo st=$?\r
expect st=130
expect P> 
send read x; echo not-re''ached\r
sleep 300
send \x03
expect P> 
send echo st=$?\r
expect st=130
expect P> 
send kill %1; exit\r
wait
EOF

# A job spec alone as a command: `%1` is `fg %1`, `%1 &` is `bg %1`, and
# the other spec forms work the same way (bash, ksh, zsh).
session "%1, %name and %?string as commands" <<'EOF'
expect P> 
send sh -c 'echo sta''rted1; exec sleep 101'\r
expect started1
send \x1a
expect Stopped
expect P> 
send sh -c 'echo sta''rted2; exec sleep 102'\r
expect started2
send \x1a
expect Stopped
expect P> 
send %1 &\r
expect [1]
expect P> 
send jobs %1\r
expect Running
expect P> 
send %1\r
expect sleep 101
sleep 200
send \x03
expect P> 
send echo st=$?\r
expect st=130
expect P> 
send %?102\r
expect sleep 102
sleep 200
send \x1a
expect Stopped
expect P> 
send %sh\r
expect sleep 102
sleep 200
send \x03
expect P> 
send jobs; echo none-left\r
expect none-left
expect P> 
send %4\r
expect %4: 
expect P> 
send exit\r
wait
EOF

# Ctrl-Z on a loop typed at the prompt (bash's rule): the stopped command
# becomes a job, the loop is left, the rest of the line runs and the
# prompt comes back.  fg resumes the stopped command only.
PTYDRIVE_FLAGS=-v
session "Ctrl-Z in a loop: the loop is left, the command is a job" <<'EOF'
expect P> 
send for i in 1 2 3; do sh -c 'echo sta''rted; exec sleep 100'; echo i-$i-af''ter; done; echo rest-of-li''ne\r
expect started
send \x1a
expect Stopped
expect rest-of-line
expect P> 
send echo i=$i\r
expect i=1
expect P> 
send jobs -p >pgid2; fg\r
expect sleep 100
sleep 200
send \x03
expect P> 
send while :; do :; done\r
sleep 200
send \x1a
sleep 200
send \x03
expect P> 
send echo st=$?\r
expect st=130
expect P> 
send exit\r
wait
EOF
PTYDRIVE_FLAGS=
check "the rest of the loop never ran" \
	eval '! grep -q "i-[0-9]-after" "$tmp/out"'
check "the stopped command's job is gone" gone "$tmp/work/pgid2"

# XCU 2.9.3.1: the status of a background process is remembered until it
# is waited for — also after the shell said "Done" and forgot the job.
# (bash answers the second wait with the status again, not 127.)
session "wait returns the status of a job already reported Done" <<'EOF'
expect P> 
send (exit 3) & p=$!; sleep 0.3\r
expect exit 3 )
expect P> 
send wait $p; echo w=$?\r
expect w=3
expect P> 
send wait $p; echo w=$?\r
expect w=127
expect P> 
send exit\r
wait
EOF

# The commands of an interactive shell get the dispositions the shell
# inherited, not its own ignores of QUIT and TERM (and TSTP, TTIN, TTOU):
# the same for a command run with exec, which replaces the shell.
session "exec gives the new program the dispositions the shell inherited" <<'EOF'
expect P> 
send a=$(grep SigIgn /proc/self/status); echo "$a" | sed 's/^/child-/'\r
expect child-SigIgn
expect P> 
send exec env A="$a" sh -c 'b=$(grep SigIgn /proc/self/status); [ "$A" = "$b" ] && echo s""ame || echo dif""fer $b'\r
expect same
wait
EOF

# XCU 2.11: a signal ignored when the shell started stays ignored for the
# commands it runs, also in an interactive shell, whose own handling of
# QUIT and TERM must not replace the inherited ignore.
session "signals ignored on entry stay ignored for an interactive shell's children" <<EOF
expect P> 
send trap '' QUIT TERM INT HUP USR1 USR2 PIPE ALRM TSTP TTIN TTOU URG; a=\$(grep SigIgn /proc/self/status)\r
expect P> 
send A=\$a PS1='N> ' $shell -i\r
expect N> 
# (a moment for the new shell's line editor to set up the terminal: under
# load libedit could drop what was typed before that)
sleep 300
send sh -c 'kill -s QUIT \\\$\\\$; kill -s TERM \\\$\\\$; kill -s INT \\\$\\\$; kill -s HUP \\\$\\\$; echo surv""ived'\r
expect survived
expect N> 
send [ "\$A" = "\$(grep SigIgn /proc/self/status)" ] && echo s""ame || echo dif""fer \$A\r
expect same
expect N> 
send exit\r
expect P> 
send exit\r
wait
EOF

# Without job control the shell gets the Ctrl-C too, with its foreground
# command: one newline after ^C, not two.
PTYDRIVE_FLAGS=-v
session "Ctrl-C without job control: the line ends, one newline" <<'EOF'
expect P> 
send set +m; sleep 5; echo not-re''ached\r
sleep 300
send \x03
expect P> 
send echo st=$?\r
expect st=130
expect P> 
send for i in 1 2; do sleep 5; done; echo not-re''ached\r
sleep 300
send \x03
expect P> 
send echo st=$?\r
expect st=130
expect P> 
send exit\r
wait
EOF
PTYDRIVE_FLAGS=
check "no blank line after ^C" eval 'tr -d "\r" <"$tmp/out" | awk "/\\^C/ { c = NR } c && NR == c + 1 && /^\$/ { bad = 1 } END { exit bad }"'
check "nothing after the interrupted commands ran" \
	eval '! grep -q "not-reached" "$tmp/out"'

finish
