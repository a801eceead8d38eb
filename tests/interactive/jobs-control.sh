#!/bin/sh
# jobs-control.sh: pseudo-terminal tests of job control — Ctrl-Z, jobs, bg, fg, Ctrl-C, notices, terminal ownership and modes, exit and hangup.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: tests/interactive/jobs-control.sh [SHELL]
#   SHELL defaults to ./whelk (run from the build directory, as `make
#   check` does).  ptydrive makes its own pseudo-terminal, so no terminal
#   is needed; every session has a time limit, and every process a test
#   starts is checked to be gone afterwards (by process group).
#
# Checking the tests themselves: SHELL_ARGS=--norc jobs-control.sh /bin/bash
# (bash differs only in a few notices' wording).

suite=jobs-control
. "$(cd "$(dirname "$0")" && pwd)/lib.sh"

# ------------------------------------------------------------------ tests

session "Ctrl-Z stops a job; jobs, bg, fg, Ctrl-C" <<EOF
expect P> 
send sh -c 'echo sta''rted; exec sleep 100'\r
expect started
send \x1a
expect [1]+  Stopped
expect P> 
send echo st=\$?\r
expect st=148
expect P> 
send $OWNS\r
expect OWNS-TTY2
expect P> 
send jobs\r
expect [1]+  Stopped                 sh -c
expect P> 
send bg\r
expect [1]+ sh -c
expect P> 
send jobs\r
expect [1]+  Running
expect P> 
send $OWNS\r
expect OWNS-TTY2
expect P> 
send jobs -p >pgid1\r
expect P> 
send fg %1\r
expect sh -c
sleep 200
send \x03
expect P> 
send echo st=\$?\r
expect st=130
expect P> 
send $OWNS\r
expect OWNS-TTY2
expect P> 
send jobs; echo none\r
expect none
send exit\r
wait
EOF
check "no process of the job is left" gone "$tmp/work/pgid1"

session "a stopped pipeline is one job, resumed as one" <<EOF
expect P> 
send sh -c 'echo sta''rted; exec sleep 100' | cat\r
expect started
send \x1a
expect [1]+  Stopped                 sh -c
expect P> 
send jobs -l\r
expect [1]+
expect P> 
send jobs -p >pgid2; echo stopped=\$(ps -eo pgid=,stat= | awk -v g=\$(cat pgid2) '\$1 == g && \$2 ~ /T/' | wc -l)\r
expect stopped=2
expect P> 
send bg; echo stopped=\$(ps -eo pgid=,stat= | awk -v g=\$(cat pgid2) '\$1 == g && \$2 ~ /T/' | wc -l)\r
expect stopped=0
expect P> 
send fg\r
sleep 200
send \x03
expect P> 
send $OWNS\r
expect OWNS-TTY2
send exit\r
wait
EOF
check "no process of the pipeline is left" gone "$tmp/work/pgid2"

# The notice waits for the prompt (not while `sleep 0.6` runs), and comes
# once: the transcript of a verbose run is checked afterwards.
PTYDRIVE_FLAGS=-v
session "Done notices before the next prompt, exactly once" <<'EOF'
expect P> 
send sleep 0.2 &\r
expect [1] 
expect P> 
send sleep 0.6; echo after-sleep\r
expect after-sleep
expect [1]+  Done                    sleep 0.2
expect P> 
send (exit 3) & sleep 0.5\r
expect [1] 
expect [1]+  Done(3)                 ( exit 3 )
expect P> 
send \r
expect P> 
send jobs; echo end\r
expect end
send exit\r
wait
EOF
PTYDRIVE_FLAGS=
check "each notice came exactly once" \
	[ "$(grep -c 'Done' "$tmp/out")" = 2 ]

session "set -b reports a finished job at once" <<'EOF'
expect P> 
send set -b; sleep 0.2 &\r
expect P> 
expect [1]+  Done                    sleep 0.2
send exit\r
wait
EOF

session "a killed background job reports its signal" <<'EOF'
expect P> 
send sleep 100 &\r
expect P> 
send kill -KILL %1; sleep 0.2\r
expect [1]+  Killed                  sleep 100
send exit\r
wait
EOF

session "a foreground death is reported, not Ctrl-C's" <<'EOF'
expect P> 
send sh -c 'kill -SEGV $$'\r
expect Segmentation fault
expect P> 
send sh -c 'kill -TERM $$'; echo st=$?\r
expect Terminated
expect st=143
expect P> 
send exit\r
wait
EOF

session "exit with stopped jobs warns once, then exits" <<EOF
expect P> 
send sh -c 'echo sta''rted; exec sleep 100'\r
expect started
send \x1a
expect Stopped
expect P> 
send jobs -p >pgid3\r
expect P> 
send exit\r
expect There are stopped jobs.
expect P> 
send exit\r
wait
EOF
check "the stopped job was hung up at exit" gone "$tmp/work/pgid3"

session "SIGHUP to the shell hangs up its jobs" <<EOF
expect P> 
send sleep 100 &\r
expect P> 
send echo \$! >pgid4\r
expect P> 
send sh -c 'echo sta''rted; exec sleep 200'\r
expect started
send \x1a
expect Stopped
expect P> 
send jobs -p >>pgid4; kill -HUP \$\$\r
wait
EOF
check "every job got the hangup" gone "$tmp/work/pgid4"

session "terminal modes: per job, restored for the shell" <<'EOF'
expect P> 
send sh -c 'stty -echo; kill -TSTP $$; stty -a | tr " ;" "\n\n" | grep -x -e echo -e -echo | sed s/^/job:/'\r
expect Stopped
expect P> 
send stty -a | tr ' ;' '\n\n' | grep -x -e echo -e -echo | sed s/^/shell:/\r
expect shell:echo
expect P> 
send fg\r
expect job:-echo
expect P> 
send stty echo; echo back\r
expect back
send exit\r
wait
EOF

session "wait is interrupted by a trapped signal" <<'EOF'
expect P> 
send trap 'echo got-usr1' USR1; sleep 100 & (sleep 0.3; kill -USR1 $$) & wait %1; echo st=$?\r
expect got-usr1
expect st=138
expect P> 
send kill %1; exit\r
wait
EOF

finish
