#!/bin/sh
# run.sh: script tests of the proc builtin — every subcommand and output mode, on fixture trees and on the live /proc.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Run by `make check` from the build directory (the harness exports
# $srcdir).  The builtin runs inside whelk (`whelk -c 'proc ...'`) once the
# shell works, else through tests/unit/proc_driver, which links the builtin
# alone.  Every child process here is bounded (a few sleeps, each with a
# short lifetime) and every run has a timeout.

LC_ALL=C TZ=UTC
export LC_ALL TZ

srcdir=${srcdir:-$(dirname "$0")/../..}
build=${PROC_BUILD:-.}
# The fixture trees as `make check` built them (tests/unit/fixtures/mkproc.sh).
F=${PROC_FIXTURES_DIR:-$build/tests/fixtures/proc}
B=$F/basic
DRIVER=$build/tests/unit/proc_driver
JSON=$build/tests/proc/json_check
WHELK=${WHELK:-$build/whelk}
T=$(mktemp -d "${TMPDIR:-/tmp}/proc-tests.XXXXXX") || exit 99
trap 'rm -rf "$T"' EXIT

[ -x "$DRIVER" ] && [ -x "$JSON" ] || { echo "build proc_driver and json_check first" >&2; exit 99; }

# Use the real shell when it runs the builtin; else the driver.
mode=driver
if [ -x "$WHELK" ] &&
	timeout 5 "$WHELK" -c 'proc help' 2>/dev/null | grep -q 'proc ps'; then
	mode=whelk
fi
echo "# proc tests through: $mode"

# P ARGS...: one proc invocation (its own process either way).
P() {
	if [ $mode = whelk ]; then
		timeout 20 "$WHELK" -c 'proc "$@"' proc "$@"
	else
		timeout 20 "$DRIVER" "$@"
	fi
}
# S SCRIPT: a script in which `proc` is the builtin (or the driver).
S() {
	if [ $mode = whelk ]; then
		timeout 20 "$WHELK" -c "$1"
	else
		timeout 20 sh -c "proc() { \"$DRIVER\" \"\$@\"; }; $1"
	fi
}

fails=0 n=0
# run NAME CMD...: run, keeping stdout, stderr and status for the checks.
# The live tests count on the lowest free descriptors being 3, 4, ...:
# close whatever the caller (a CI harness) left open there.
exec 3>&- 4>&- 5>&- 6>&- 7>&- 8>&- 9>&-

run() {
	name=$1
	shift
	n=$((n + 1))
	"$@" >"$T/out" 2>"$T/err"
	rc=$?
}
bad() {
	fails=$((fails + 1))
	echo "FAIL $name: $*"
	sed 's/^/  out: /' "$T/out" | head -20
	sed 's/^/  err: /' "$T/err" | head -5
}
rc_is() { [ "$rc" -eq "$1" ] || bad "status $rc, expected $1"; }
out_is() { printf '%s\n' "$1" | cmp -s - "$T/out" || bad "stdout differs from: $1"; }
out_has() { grep -q -- "$1" "$T/out" || bad "stdout lacks /$1/"; }
out_lacks() { ! grep -q -- "$1" "$T/out" || bad "stdout has /$1/"; }
err_has() { grep -q -- "$1" "$T/err" || bad "stderr lacks /$1/"; }
err_empty() { [ ! -s "$T/err" ] || bad "stderr not empty"; }
json_ok() { "$JSON" "$@" <"$T/out" 2>>"$T/err" || bad "JSON check failed: $*"; }

# ---------------------------------------------------------------- fixtures

run "ps: default is the shell, its children and jobs" P --root "$B" ps
rc_is 0; err_empty
out_is 'JOB    PID   PPID  PGID  SID   TPGID  STAT  TTY    CMD
shell  1000  1     1000  1000  1000   Ss+   pts/0  whelk -i
-      1001  1000  1001  1000  1000   S     pts/0  sleep 100
-      1002  1000  1001  1000  1000   S     pts/0  cat
-      1003  1000  1003  1000  1000   Z     pts/0  (a) b) <defunct>'

run "ps -a -H -o: every process, chosen columns, no header" \
	P --root "$B" ps -a -H -o pid,stat,rss,vsz,time,start,cmd
rc_is 0
out_is '1     Ss    1200  10240  00:00:00  2023-11-14T22:14:10  /sbin/init
1000  Ss+   1200  10240  00:00:00  2023-11-14T22:14:10  whelk -i
1001  S     1200  10240  00:00:00  2023-11-14T22:14:10  sleep 100
1002  S     1200  10240  00:00:00  2023-11-14T22:14:10  cat
1003  Z     0     10240  00:00:00  2023-11-14T22:14:10  (a) b) <defunct>
2000  Ssl   1200  10240  00:00:00  2023-11-14T22:14:10  /usr/sbin/sshd -D'

run "ps -o +cols adds to the default columns" P --root "$B" ps -o +rss 1001
out_is 'JOB  PID   PPID  PGID  SID   TPGID  STAT  TTY    RSS   CMD
-    1001  1000  1001  1000  1000   S     pts/0  1200  sleep 100'

run "ps: a nonexistent pid is status 1, the rest still shown" \
	P --root "$B" ps 1001 4242
rc_is 1; out_has 'sleep 100'; err_has 'pid 4242: no such process'

run "ps: hidepid" P --root "$B" ps 3000
rc_is 1; err_has 'pid 3000 exists but is hidden'

run "tree -a from pid 1" P --root "$B" tree -a
rc_is 0
out_is 'PGID  JOB    TREE
1     -      1 /sbin/init
1000  shell  |- 1000 whelk -i
1001  -      |  |- 1001 sleep 100
1001  -      |  |- 1002 cat
1003  -      |  `- 1003 (a) b) <defunct>
2000  -      `- 2000 /usr/sbin/sshd -D'

run "tree -j: depth and pgid" P --root "$B" tree -j
json_ok schema=2 'view="tree"'
out_has '"pid":1002,"ppid":1000,"pgid":1001,"job":null,"depth":1,"cmd":"cat"'

run "fds: internal fd 10 hidden" P --root "$B" fds
rc_is 0
out_is 'FD  MODE  FLAGS   POS  TYPE  TARGET
0   rw    -       -    tty   /dev/pts/0
1   rw    -       -    tty   /dev/pts/0
2   rw    append  -    tty   /dev/pts/0
3   r     -       5    file  /etc/hostname'

run "fds -a shows it, cloexec" P --root "$B" fds -a
out_has '^10  *rw  *cloexec'

run "fds -p names the other end of a pipe" P --root "$B" fds -p 1001
out_has '^1 .*pipe:\[5000\]  *1002 cat fd 0 (r)$'

run "fds -k: shell-quoted key=value" P --root "$B" fds -k -p 1002
out_has "^fd=0 mode=r flags='' pos='' type=pipe target='pipe:\[5000\]' peer='1001 sleep fd 1 (w)'$"

run "fds of another user's process" P --root "$B" fds 2000
rc_is 3; err_has 'pid 2000: fds: needs the same uid or CAP_SYS_PTRACE'

run "info of another user's process: partial view" P --root "$B" info 2000
rc_is 0
out_has '^state  *S$'; out_has '^cwd  *-$'; out_has '^threads  *3$'
err_has 'pid 2000: cwd, exe, environ, io_rchar.*: needs the same uid or CAP_SYS_PTRACE'

run "info -j of another user: nulls with reasons" P --root "$B" info -j 2000
json_ok schema=2 'view="info"'
out_has '"cwd":null'
out_has '"errors":{"cwd":"needs the same uid or CAP_SYS_PTRACE"'

run "info of a zombie, comm with spaces and parens" P --root "$B" info -k 1003
rc_is 0
out_has "^comm='(a) b)'$"; out_has "^state=Z$"; out_has "^state_meaning=zombie$"

run "info -k evaluates in a shell" \
	sh -c "eval \"\$(\"\$0\" --root \"\$1\" info -k 1003)\" && printf '%s|%s|%s\n' \"\$pid\" \"\$comm\" \"\$voluntary_ctxt_switches\"" \
	"$DRIVER" "$B"
out_is '1003|(a) b)|42'

run "mem: VSZ/RSS/PSS with the explanation" P --root "$B" mem
out_has '^vsz_kb  *10240$'; out_has '^rss_anon_kb  *200$'
out_has '^pss_kb  *500$'; out_has '^VSZ is address space'

run "mem -m lists mappings" P --root "$B" mem -m -j
json_ok schema=2 'view="mem"'
out_has '"perms":"r-xp","offset":"2000","kind":"text","path":"/usr/bin/whelk"'
out_has '"kind":"\[heap\]"'

run "mem of a zombie: nothing mapped, not an error" P --root "$B" mem 1003
rc_is 0; out_has '^vsz_kb  *-$'; err_empty

run "limits nofile: headroom before EMFILE" P --root "$B" limits 1000 nofile
rc_is 0
out_has '^nofile  *20000  *20000  *files'
out_has '^fds_in_use  *5$'; out_has '^headroom  *19995$'; out_has 'EMFILE'

run "limits: unknown resource is a usage error" P --root "$B" limits bogus
rc_is 2

run "sigs: masks decoded to names" P --root "$B" sigs 1001
out_is 'SIGNAL  NUMBER  PENDING  BLOCKED  ACTION
HUP     1       no       no       catch
INT     2       no       yes      catch
QUIT    3       no       no       ignore
KILL    9       process  no       default
TERM    15      no       no       catch
CHLD    17      no       yes      catch'
run "sigs -j" P --root "$B" sigs -j 1001
json_ok schema=2 'view="sigs"'
out_has '"signal":"INT","number":2,"pending":"no","blocked":"yes","action":"catch"'
out_has '"signal":"KILL","number":9,"pending":"process"'

for sub in ps tree fds mem limits sigs info ipc; do
	run "$sub -j is valid JSON (fixture)" P --root "$B" $sub -j
	json_ok schema=2 "view=\"$sub\""
done

# ------------------------------------- unsafe text (fixture tree "odd")

O=$F/odd
# pid 501's arguments: "evil", ESC ] 0;pwned BEL x LF row2, and
# "café" + 0xff (not UTF-8) + U+009B (C1 CSI) + "1m".
run "table: control characters and invalid bytes are '?'" P --root "$O" ps -o pid,cmd 501
rc_is 0
out_is 'PID  CMD
501  evil ?]0;pwned?x?row2 café??1m'
run "tree: the same escaping" P --root "$O" tree
out_has '^501   -      |- 501 evil ?\]0;pwned?x?row2 café??1m$'
run "-k: \$'...' keeps the row on one line" P --root "$O" ps -k -o pid,cmd 501
out_is "pid=501 cmd=\$'evil \\x1b]0;pwned\\x07x\\nrow2 café\\xff\\xc2\\x9b1m'"
run "-j: valid UTF-8, controls escaped, the exact bytes in hex" \
	P --root "$O" ps -j -o pid,cmd 501
json_ok schema=2
out_has '"cmd":"evil \\u001b\]0;pwned\\u0007x\\nrow2 café\\ufffd\\u009b1m"'
out_has '"bytes":{"cmd":"6576696c201b5d303b70776e656407780a726f773220636166c3a9ffc29b316d"}'
run "ps -o rss is VmRSS (as proc mem and ps), not stat's lagging counter" \
	P --root "$O" ps -H -o pid,rss 500
out_is '500  1756'
run "mem: shared/private clean/dirty (smaps_rollup) and fault counts" \
	P --root "$O" mem -k 500
out_has '^shared_clean_kb=1000$'; out_has '^shared_dirty_kb=56$'
out_has '^private_clean_kb=0$'; out_has '^private_dirty_kb=700$'
out_has '^minor_faults=100$'; out_has '^major_faults=2$'
run "mem -m: per-mapping RSS, PSS and dirty pages from smaps" \
	P --root "$O" mem -m -j 500
json_ok schema=2
out_has '"size_kb":132,"rss_kb":132,"pss_kb":100,"shared_dirty_kb":64,"private_dirty_kb":68,"perms":"rw-p"'
run "mem -m without smaps: the usage columns are '-'" P --root "$B" mem -m -k 1001
out_has '^start=55d0c0a00000 end=55d0c0a02000 size_kb=8 rss_kb=.. pss_kb=.. '
run "mem -m: shared mappings by kind" P --root "$O" mem -m -k
out_has "^start=7f0000000000 .* kind=sysv-shm path='/SYSV0000162e (deleted)'$"
out_has "^start=7f0000100000 .* kind=posix-shm path=/dev/shm/course$"
out_has "^start=7f0000200000 .* kind=shared-anon path='/dev/zero (deleted)'$"
out_has "^start=7f0000300000 .* kind=memfd "
out_has "^start=7f0000400000 .* kind=anon path=''$"
out_has "^start=7f0000500000 .* kind=shared-file path=/var/tmp/shared.db$"

run "a zombie: its exit status and the parent that has not waited" \
	P --root "$O" info -k 502
rc_is 0; err_empty
out_has "^state=Z$"; out_has "^exit_status='exited 3'$"
out_has "^not_waited_by='500 whelk'$"; out_has "^note='a zombie: its memory"
out_has "^cwd=''$"
run "a kernel thread: no user memory or files, and no error" \
	P --root "$O" info -k 2
rc_is 0; err_empty
out_has "^note='a kernel thread: no user memory or files'$"
run "fds of a zombie and of a kernel thread: a reason, not nothing" \
	P --root "$O" fds 502
rc_is 0; out_is 'pid 502 has no open file descriptors: a zombie: its memory and files were released at exit.'
run "mem of a kernel thread: a reason" P --root "$O" mem 2
rc_is 0; err_empty; out_has '^pid 2 has no memory to show: a kernel thread'
run "a thread id is a thread of its process" P --root "$O" info -k 504
out_has "^tgid=503$"; out_has "^note='thread 504 of process 503'$"
run "ps of a thread id shows its process" P --root "$O" ps -o pid,cmd 504
rc_is 0
out_is 'PID  CMD
503  worker --threads 2

504 is a thread of process 503 (shown).'
run "ps -e -s rss: biggest first, a comm column" P --root "$O" ps -e -s rss -o pid,comm,rss
out_is 'PID  COMM      RSS
503  worker    5000
505  server    3000
1    init      1756
500  whelk     1756
501  evil      1756
600  sshd      1756
2    kthreadd  0
502  false     0'
run "ps -L: one row per thread, with a TID column" P --root "$O" ps -L -o pid,comm 503
out_is 'PID  TID  COMM
503  503  worker
503  504  worker'
run "tree -t: threads as {tid} leaves of their process" P --root "$O" tree -t
out_has '^503   -      |  `- {504} worker$'
run "tree -t -j: thread rows carry tid" P --root "$O" tree -t -j
json_ok schema=2
out_has '"pid":503,"tid":504,"ppid":500'
run "ipc: System V objects, and who has a segment attached" P --root "$O" ipc
rc_is 0
out_is 'KIND      ID     KEY         PERMS  UID   SIZE     COUNT  PIDS                           USERS
sysv-shm  32769  0x0000162e  600    1000  1048576  1      creator 500, last 500          500 whelk (mapped)
sysv-msg  0      0x000010e1  644    1000  12       2      last send 503, last receive 0  -
sysv-sem  1      0x00000000  600    1000  3        3      -                              -'
run "ipc -j" P --root "$O" ipc -j
json_ok schema=2 'view="ipc"'
run "-n -c: the view again; a table shows only what changed" \
	P --root "$O" ps -n 0.05 -c 2 -o pid,comm 503
rc_is 0
sed -i 's/^--- [0-9:]*$/--- TIME/' "$T/out"
out_is 'PID  COMM
503  worker
--- TIME
(no change)'
run "-n -c with -j: every round whole" P --root "$O" ps -j -n 0.05 -c 3 503
[ "$(grep -c '^{"schema":2' "$T/out")" -eq 3 ] || bad "3 JSON documents expected"
run "-n: a bad interval is a usage error" P --root "$O" ps -n 1s -c 1
rc_is 2; err_has 'not a number of seconds'
run "ps: STAT L for a process with locked pages (VmLck)" P --root "$O" ps -H -o pid,stat 505 503
out_is '505  SL
503  Sl'
run "ps -s: an unknown key is a usage error" P --root "$O" ps -s size
rc_is 2; err_has 'unknown key'
run "ps -a lists processes, not thread ids" P --root "$O" ps -a -H -o pid
out_lacks '^504$'
run "fds whose every link is denied: one message, status 3" P --root "$O" fds 600
rc_is 3; [ ! -s "$T/out" ] || bad "rows printed"
[ "$(wc -l < "$T/err")" -eq 1 ] || bad "one message expected"
err_has 'pid 600: fds: needs the same uid or CAP_SYS_PTRACE'
run "info: real, effective and saved ids, groups" P --root "$O" info -k 500
out_has '^uid=1000$'; out_has '^euid=0$'; out_has '^suid=1002$'
out_has '^gid=100$'; out_has '^egid=101$'; out_has '^sgid=102$'
out_has "^groups='1000 27'$"

run "fds -p: a pipe end hidden by permissions is said so; sockets show their ends" \
	P --root "$O" fds -p -k 505
out_has "^fd=1 .*peer='other end not visible (permission)'$"
out_has "^fd=3 .*peer='tcp 127.0.0.1:22 -> 127.0.0.1:51362 ESTABLISHED'$"
out_has "^fd=4 .*peer='unix stream /run/course.sock'$"
out_has "^fd=5 .*peer='tcp \[::1\]:8080 LISTEN'$"
run "fds: an O_PATH fd is neither readable nor writable" P --root "$O" fds -k 505
out_has "^fd=6 mode=path flags=cloexec pos='' type=file target=/etc/passwd$"
run "info: scheduling, faults, affinity, wchan, environment" P --root "$O" info -k 503
out_has '^policy=SCHED_RR$'; out_has '^rt_priority=10$'; out_has '^last_cpu=1$'
out_has '^minor_faults=1234$'; out_has '^major_faults=5$'
out_has '^cpu_affinity=0-1$'; out_has '^wchan=futex_wait_queue$'
out_has "^environ='HOME=/home/user LANG=C.UTF-8'$"
run "info: every cgroup line (a hybrid v1/v2 host)" P --root "$O" info -k 503
out_has "^cgroup=/user.slice/user-1000.slice/session-2.scope$"
out_has "^cgroups='12:pids:/user.slice, 4:memory:/user.slice/user-1000.slice, 0::/user.slice/user-1000.slice/session-2.scope'$"

if [ $mode = whelk ]; then
	run "-k reads back as the same bytes" S "eval \"\$(proc --root '$O' ps -k -o cmd 501)\"; printf %s \"\$cmd\" | od -An -tx1 | tr -d ' \\n'; echo"
	out_is '6576696c201b5d303b70776e656407780a726f773220636166c3a9ffc29b316d'
fi

# ----------------------------------------------------- job targets (driver)

J="--job 1 sleep_100_|_cat 1001,1002 --job 2 whelk_script 1003"
run "jobs: JOB column, pipeline members share a job" \
	timeout 20 "$DRIVER" $J --root "$B" ps -o job,pid,pgid,cmd
out_is 'JOB    PID   PGID  CMD
shell  1000  1000  whelk -i
%1-    1001  1001  sleep 100
%1-    1002  1001  cat
%2+    1003  1003  (a) b) <defunct>'
run "jobs: %1 is every process of the job" \
	timeout 20 "$DRIVER" $J --root "$B" ps -H -o pid %1
out_is '1001
1002'
run "jobs: %+ %- %% %name %?text" \
	timeout 20 "$DRIVER" $J --root "$B" ps -H -o pid %+ %- %% %sleep %?script
out_is '1003
1001
1002
1003
1001
1002
1003'
run "jobs: a stopped job is the current one" \
	timeout 20 "$DRIVER" --job 1 a 1001:T --job 2 b 1002 --root "$B" ps -H -o job,pid %+
out_is '%1+  1001'
run "jobs: tree shows the job of each node" \
	timeout 20 "$DRIVER" $J --root "$B" tree
out_has '^1001  %1-  *|- 1001 sleep 100$'
run "jobs: fds -p of a job names the peers" \
	timeout 20 "$DRIVER" $J --root "$B" fds -p -H -k %1
out_has "^pid=1001 fd=1 .*peer='1002 cat fd 0 (r)'$"
out_has "^pid=1002 fd=0 .*peer='1001 sleep fd 1 (w)'$"
run "jobs: fds of several processes has a PID column" \
	timeout 20 "$DRIVER" $J --root "$B" fds %1
out_has '^PID   FD  MODE'; out_has '^1001  0 '; out_has '^1002  0 '
run "jobs: sigs of several processes is one table with a PID column" \
	timeout 20 "$DRIVER" $J --root "$B" sigs %1
out_has '^PID   SIGNAL'; out_has '^1001  INT '; out_has '^1002  INT '
[ "$(grep -c '^PID ' "$T/out")" -eq 1 ] || bad "more than one header"
run "jobs: limits -k of several processes: a pid key" \
	timeout 20 "$DRIVER" $J --root "$B" limits -k %1 nofile
out_has '^pid=1001 resource=nofile '; out_has '^pid=1002 resource=nofile '
run "jobs: mem -m -j of several processes: a pid key in each mapping" \
	timeout 20 "$DRIVER" $J --root "$B" mem -m -j %1
json_ok schema=2
out_has '"mappings":\[{"pid":1001,"start"'; out_has '{"pid":1002,"start"'
run "one process: no PID column, but a pid key in JSON" P --root "$B" fds -j 1001
out_has '{"pid":1001,"fd":0,'
run "limits nofile: headroom counts free fd numbers below the soft limit" \
	P --root "$O" limits -k nofile
out_has '^fds_in_use=4$'; out_has '^headroom=5$'
run "jobs: unknown job" timeout 20 "$DRIVER" $J --root "$B" ps %9
rc_is 1; err_has '%9: no such job'

# ------------------------------------------------------------------ usage

run "no subcommand" P
rc_is 2; err_has usage
run "unknown subcommand" P frob
rc_is 2
run "unknown option" P ps -z
rc_is 2; err_has 'invalid option'
run "bad target" P ps 12abc
rc_is 2
run "job spec without such a job" P ps %1
rc_is 1; err_has '%1: no such job'
run "help" P help
rc_is 0; out_has 'proc limits nofile'; out_has 'set -o noreap; sleep 0'

# ------------------------------------------------- no /proc (simulated)

run "no /proc: fds from fcntl, exit 3" S "exec 3</dev/null; proc --root '$F/empty' fds"
rc_is 3; err_has 'not mounted'; out_has '^3  *r '
run "no /proc: sigs from sigaction" P --root "$F/empty" sigs -a
rc_is 3; out_has '^INT '
run "no /proc: limits from getrlimit" P --root "$F/empty" limits nofile
rc_is 3; out_has '^nofile '; out_has '^fds_in_use'
run "no /proc: ids from system calls" P --root "$F/empty" info -k
rc_is 3; out_has "^pid=[0-9]"; out_has "^pgid=[0-9]"
run "no /proc: ps shows the shell" P --root "$F/empty" ps -H
rc_is 3; out_has '^shell '
run "no /proc: other pids are unavailable" P --root "$F/nonexistent" tree
rc_is 3; err_has 'only the shell'
for sub in ps info fds limits sigs; do
	run "no /proc: $sub of another pid says so, status 3" P --root "$F/empty" $sub -H 1
	rc_is 3; err_has 'pid 1: unavailable without /proc'; out_lacks '^shell'
done
run "no /proc: ps of self and another: the shell's row and a message" \
	P --root "$F/empty" ps -H -o job self 1
rc_is 3; out_has '^shell '; err_has 'pid 1: unavailable without /proc'

# ---------------------------------------------------------- live /proc

if [ ! -r /proc/self/stat ]; then
	echo "# no /proc here: live tests skipped"
else
	run "live: exec 3< file shows fd 3" S 'exec 3</etc/hostname; proc fds -H'
	rc_is 0; out_has '^3  *r  .* file  */etc/hostname$'
	run "live: exec 3<&- removes it" S 'exec 3</etc/hostname; exec 3<&-; proc fds -H'
	out_lacks '^3 '
	run "live: internal fds hidden, -a shows them" \
		S 'exec 3</etc/hostname; proc fds -k -a'
	out_has '^fd=3 mode=r'

	# Each live test looks again (every 0.1 s, at most 10 s) until what
	# it expects has happened -- both children past fork to execve (before
	# it their cmdline is still the shell's), the child exited -- and only
	# then runs the command under test: no guess at how long a loaded
	# machine takes.
	run "live: a pipe peer" S 'sleep 30 | sleep 30 & i=0
		while [ $i -lt 100 ]; do
			out=$(proc fds -p -H $!)
			case $out in *"sleep fd 1 (w)"*) break ;; esac
			sleep 0.1; i=$((i + 1))
		done
		proc fds -p -H $!; kill $! 2>/dev/null'
	out_has '^0  *r .*pipe:\[[0-9]*\]  *[0-9]* sleep fd 1 (w)'

	# (the child outlives sh's exec by 2 s: a `sleep 0` could end before
	# the exec, and sh reap it, on a loaded machine -- seen once)
	run "live: a zombie" S 'sh -c "sleep 2 & exec sleep 30" & p=$! i=0
		while [ $i -lt 100 ]; do
			out=$(proc ps -a -o pid,ppid,stat,cmd | grep "^[0-9]* *$p ")
			case $out in *" Z"*) break ;; esac
			sleep 0.1; i=$((i + 1))
		done
		proc ps -a -o pid,ppid,stat,cmd | grep "^[0-9]* *$p "; kill $p'
	out_has ' Z[^ ]*  *sleep <defunct>$'	# ZN when run under nice

	if [ $mode = whelk ]; then
		run "live: ps default includes children" S 'sleep 30 & i=0
			while [ $i -lt 100 ]; do
				out=$(proc ps -H -o pid,ppid,cmd)
				case $out in *"sleep 30"*) break ;; esac
				sleep 0.1; i=$((i + 1))
			done
			proc ps -H -o pid,ppid,cmd; kill $!'
		out_has 'sleep 30$'
	fi

	# /proc of another PID namespace (unshare -p without --mount-proc):
	# the shell is found from /proc/self, $$ (1 there) still means it.
	if [ $mode = whelk ] && timeout 5 unshare -p -f true 2>/dev/null; then
		run "live: another PID namespace: anchored on /proc/self" \
			timeout 20 unshare -p -f "$WHELK" -c 'proc ps -H -o job; proc ps -H -o job $$'
		rc_is 0; err_has 'another PID namespace'
		out_is 'shell
shell'
		run "live: another PID namespace: from a pipeline stage" \
			timeout 20 unshare -p -f "$WHELK" -c 'proc ps -H -o job $$ | cat; proc ps -H -o job | grep shell | sort'
		out_is 'shell
shell
subshell'
	else
		echo "# unshare -p unavailable: PID namespace test skipped"
	fi

	# Copy-on-write: a 4 MB string in the shell; a forked pipeline stage
	# shares its pages (shared_dirty), and writing its own copy of the
	# variable makes private dirty memory of its own.
	if [ $mode = whelk ]; then
		run "live: fork shares the pages, a write makes them private" \
			S 'x=$(head -c 4000000 /dev/zero | tr "\0" a)
			proc mem -k | sed -n "s/^shared_dirty_kb=//p"
			{ x=${x%a}b; proc mem -k; } | sed -n "s/^private_dirty_kb=//p"'
		rc_is 0
		awk 'NR == 1 && $1 >= 3900 { n++ } NR == 2 && $1 >= 3900 { n++ }
			END { exit n != 2 }' "$T/out" || bad "expected >= 3900 kB twice"
	fi

	if [ $mode = whelk ]; then
		run "live: a FIFO's other end, matched by inode" \
			S "cd '$T' && mkfifo fifo && exec 3<>fifo 4<fifo && proc fds -p -k -H"
		out_has "^fd=3 mode=rw .* type=fifo .*peer='[0-9]* whelk fd 4 (r)'$"
		out_has "^fd=4 mode=r .* type=fifo .*peer='[0-9]* whelk fd 3 (rw)'$"
	fi

	# A POSIX message queue (mq_open) is a file of the mqueue filesystem.
	if [ $mode = whelk ] && [ "$(stat -f -c %T /dev/mqueue 2>/dev/null)" = mqueue ]; then
		q=/dev/mqueue/whelk-proc-test-$$
		run "live: a message queue fd is typed mqueue" \
			S ": > $q && exec 3<$q && proc fds -k -H"
		rm -f "$q"
		out_has "^fd=3 mode=r .* type=mqueue target=$q$"
	else
		echo "# no mqueue filesystem at /dev/mqueue: mqueue test skipped"
	fi

	# A connected Unix socket pair held by one process: each end names
	# the other (sock_diag).  The FIFO says when the pair exists.
	if [ $mode = whelk ] && command -v perl >/dev/null 2>&1 &&
		perl -MSocket -e 1 2>/dev/null; then
		run "live: a Unix socket's peer" S "cd '$T' && mkfifo ready || exit 1
			perl -MSocket -e '\$^F = 100; socketpair(my \$a, my \$b, AF_UNIX, SOCK_STREAM, PF_UNSPEC) or die; open(my \$r, \">\", \"ready\") or die; print \$r \"x\\n\"; close \$r; exec \"sleep\", \"5\"' &
			read x < ready; proc fds -p -k -H \$!; echo pid=\$!; kill \$!"
		p=$(sed -n 's/^pid=//p' "$T/out")
		out_has "^fd=3 .*type=socket .*peer='unix stream (unnamed) -> $p [a-z]* fd 4'$"
		out_has "^fd=4 .*type=socket .*peer='unix stream (unnamed) -> $p [a-z]* fd 3'$"
	else
		echo "# perl with Socket unavailable: Unix socket peer test skipped"
	fi

	# POSIX shared memory: a file of /dev/shm, held open by the shell.
	if [ $mode = whelk ] && [ -d /dev/shm ] && [ -w /dev/shm ]; then
		shm=/dev/shm/whelk-proc-test-$$
		run "live: ipc shows a POSIX shm object and its holder" \
			S ": > $shm && exec 3<$shm && proc ipc -k"
		rm -f "$shm"
		out_has "^kind=posix-shm id=whelk-proc-test-$$ .* users='[0-9]* whelk fd 3'$"
	else
		echo "# no writable /dev/shm: POSIX shm test skipped"
	fi

	run "live: nonexistent pid" P ps 2147483647
	rc_is 1; err_has 'no such process'

	for sub in ps tree fds mem limits sigs info; do
		run "live: $sub -j" P $sub -j
		json_ok schema=2 "view=\"$sub\""
		run "live: $sub -k" P $sub -k
		[ "$rc" -eq 0 ] || bad "status $rc"
	done
	run "live: ps -a -j over every process" P ps -a -j
	json_ok schema=2

	if [ $mode = whelk ]; then
		run "live: traps next to the signal masks" \
			S "trap 'echo bye' EXIT; trap 'echo hi' USR1; proc sigs -H"
	else
		run "live: traps next to the signal masks" \
			timeout 20 "$DRIVER" --trap EXIT 'echo bye' --trap USR1 'echo hi' sigs -H
	fi
	out_has '^EXIT  *0 .*echo bye$'; out_has '^USR1  *10 .* catch  *echo hi$'

	# Another user's process, seen as nobody (needs setpriv and a
	# driver nobody can execute).
	if command -v setpriv >/dev/null 2>&1 &&
		setpriv --reuid=65534 --regid=65534 --clear-groups "$DRIVER" help >/dev/null 2>&1; then
		sleep 3 &
		victim=$!
		run "live: another user's fds" setpriv --reuid=65534 --regid=65534 --clear-groups \
			timeout 20 "$DRIVER" fds $victim
		rc_is 3; err_has 'needs the same uid or CAP_SYS_PTRACE'
		run "live: another user's info is partial" setpriv --reuid=65534 --regid=65534 --clear-groups \
			timeout 20 "$DRIVER" info $victim
		rc_is 0; out_has '^state  *S'; out_has '^cwd  *-$'
		kill $victim 2>/dev/null
		wait $victim 2>/dev/null
	else
		echo "# setpriv as nobody unavailable: other-user live test skipped"
	fi
fi

echo "# $n proc tests"
echo "proc: $((n - fails)) passed, $fails failed"
[ $fails -eq 0 ]
