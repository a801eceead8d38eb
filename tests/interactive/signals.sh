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
# ran): with SIGTTOU at its default (trap - TTOU) that must not stop it,
# so the shell blocks SIGTTOU around tcsetpgrp and tcsetattr.
session "trap - TTOU does not stop the shell" <<'EOF'
expect P> 
send trap - TTOU TTIN; sleep 0.1; echo alive1\r
expect alive1
expect P> 
send sh -c 'kill -TERM $$'; echo alive2\r
expect alive2
expect P> 
send exit\r
wait
EOF

finish
