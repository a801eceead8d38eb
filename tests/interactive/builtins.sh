#!/bin/sh
# builtins.sh: pseudo-terminal tests of builtins that behave differently on a terminal — read -s, -p, -n, -N and -t, time (issue 10).
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: tests/interactive/builtins.sh [SHELL]   (see jobs-control.sh)
# Checking the tests themselves: SHELL_ARGS=--norc builtins.sh /bin/bash

suite=builtins
. "$(cd "$(dirname "$0")" && pwd)/lib.sh"

# read -p writes its prompt to the terminal; -s keeps the typed text off
# the screen (echo off), so the output that follows lands on the same row.
session "read -s -p: the prompt shows, the typed text does not" <<EOF
expect P> 
send read -s -p 'p''w: ' x; echo "got=[\$x]"\r
expect pw: 
send hunter2\r
expect got=[hunter2]
expect P> 
noscreen pw: hunter2
send read -p 'na''me: ' y; echo "[\$y]"\r
expect name: 
send bob\r
screen name: bob
expect [bob]
expect P> 
send exit\r
wait
EOF

# -n and -N take characters as they are typed, without waiting for Enter
# (the terminal leaves canonical mode while read runs, and returns to it).
session "read -n and -N return without Enter" <<EOF
expect P> 
send read -p "R\$((1+1))> " -n 3 x; echo "[\$x]"\r
expect R2> 
send abc
expect [abc]
expect P> 
send read -p "N\$((1+1))> " -N 2 y; echo "<\$y>"\r
expect N2> 
send q\r
expect <q
expect P> 
# (each read prints a prompt first, and the keys wait for it: keys typed
# while the line editor still has the terminal in raw mode keep their \r,
# and a canonical read then never sees the end of the line -- bash too)
send read -p "Z\$((1+1))> " z; echo "line=\$z"\r
expect Z2> 
send one two\r
expect line=one two
expect P> 
send exit\r
wait
EOF

# -t on a terminal with nothing typed times out with status 142.
session "read -t times out at a terminal" <<EOF
expect P> 
send read -t 0.2 x; echo "st=\$?"\r
expect st=142
expect P> 
send exit\r
wait
EOF

# time at the prompt: the job has the terminal, the report follows it.
session "time reports a foreground pipeline" <<EOF
expect P> 
send time sleep 0.2 | cat\r
expect real
expect user
expect sys
expect P> 
send TIMEFORMAT='took %1R'; time -p true\r
expect real 0.0
expect P> 
send exit\r
wait
EOF

finish
