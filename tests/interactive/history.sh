#!/bin/sh
# history.sh: pseudo-terminal tests of whelk's history — a broken HISTFILE, history expansion (!!, !n, ^a^b, ...), HISTCONTROL and HISTIGNORE.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: tests/interactive/history.sh [SHELL [EDITOR]]  (as lineedit.sh).
# Sessions that must see something happen exactly once run ptydrive with
# -v and count in the raw transcript it leaves in $tmp/out.

suite=history
PTY_TIMEOUT=40
. "$(cd "$(dirname "$0")" && pwd)/lib.sh"

# count TEXT: how many lines of the last session's transcript hold TEXT.
count() {
	tr -d '\r' <"$tmp/out" | grep -c -- "$1"
}

# ------------------------------------------------------ a broken HISTFILE

mkdir "$tmp/home/histdir"
PTYDRIVE_FLAGS=-v session "a HISTFILE that is a directory: reported once" \
	HISTFILE="$tmp/home/histdir" <<'EOF'
expect Is a directory
expect P> 
send echo one$((1))\r
expect one1
expect P> 
send echo two$((2))\r
expect two2
expect P> 
send fc -ln -2\r
expect echo two$((2))
expect P> 
send exit\r
wait
EOF
check "the directory message came once, saying history stays in memory" \
	test "$(count 'Is a directory')" = 1 -a "$(count 'in memory')" = 1

printf 'echo old\n' >"$tmp/home/h-ro"
PTYDRIVE_FLAGS=-v session "a HISTFILE that cannot be written: reported once" \
	HISTFILE="$tmp/home/h-ro/x" <<'EOF'
expect P> 
send echo one$((1))\r
expect one1
expect P> 
send echo two$((2))\r
expect two2
expect P> 
send exit\r
wait
EOF
check "the unwritable message came once" \
	test "$(count 'Not a directory')" = 1

# ------------------------------------------------------ history expansion

session "!! and !\$ run the previous command and word, echoed first" <<'EOF'
expect P> 
send echo one two th$((1+2))\r
expect th3
expect P> 
send !!\r
expect echo one two th$((1+2))
expect th3
expect P> 
send echo !$ !^ !*:q\r
expect echo th$((1+2)) one 'one two th$((1+2))'
expect th3 one one two th$((1+2))
expect P> 
send exit\r
wait
EOF

session "!n, !-n, !str, !?str? and word ranges" <<'EOF'
expect P> 
send echo alpha beta\r
expect alpha beta
expect P> 
send printf %s- gamma\r
expect gamma-
expect P> 
send !1:0 !-2:2 !pri:0-1\r
expect echo beta printf %s-
expect beta printf %s-
expect P> 
send echo !?gam?:$ x\r
expect echo gamma x
expect P> 
send exit\r
wait
EOF

session "^old^new and :gs, :h, :t" <<'EOF'
expect P> 
send echo /a/b/c.txt one one\r
expect /a/b/c.txt one one
expect P> 
send ^one^two\r
expect echo /a/b/c.txt two one
expect P> 
send echo !!:gs/one/1/\r
expect echo echo /a/b/c.txt two 1
expect P> 
send echo !echo:2:h !echo:2:t:r\r
expect echo /a/b c
expect P> 
send exit\r
wait
EOF

session "an unknown event is an error: not run, not in history, \$? kept" <<'EOF'
expect P> 
send false\r
expect P> 
send echo !nosuch; echo ran\r
expect !nosuch: event not found
expect P> 
send echo st=$? last=!!\r
expect echo st=$? last=false
expect st=1 last=false
expect P> 
send exit\r
wait
EOF

session ":p prints without running and enters history" <<'EOF'
expect P> 
send echo run$((3*3))\r
expect run9
expect P> 
send !!:s/run/show/:p\r
expect echo show$((3*3))
expect P> 
send fc -ln -1\r
expect \techo show$((3*3))
expect P> 
send exit\r
wait
EOF

session "quoting keeps ! literal; set +H turns expansion off" <<'EOF'
expect P> 
send echo x\r
expect P> 
send echo '!!' \\!! "a!" ! =!= done1\r
expect !! !! a! ! =!= done1
expect P> 
send set +H; echo !!\r
expect !!
expect P> 
send echo $- done2\r
expect done2
expect P> 
send exit\r
wait
EOF

session "the expanded line is what history and Up recall" HISTFILE="$tmp/home/h-hx" <<'EOF'
expect P> 
send echo up$((5+5))\r
expect up10
expect P> 
send !!\r
expect up10
expect P> 
send history\r
expect 2  echo up$((5+5))
expect P> 
send exit\r
wait
EOF
check "the file holds the expanded line" \
	test "$(sed -n 2p "$tmp/home/h-hx")" = 'echo up$((5+5))'

# ------------------------------------------ HISTCONTROL, HISTIGNORE, history -d

if editing; then
session "erasedups and history -d: Up walks the list that is left" \
	HISTCONTROL=erasedups HISTIGNORE='echo skip*' <<'EOF'
expect P> 
send echo a$((1))\r
expect a1
expect P> 
send echo b$((2))\r
expect b2
expect P> 
send echo a$((1))\r
expect a1
expect P> 
send echo skip$((3))\r
expect skip3
expect P> 
send history -d -1\r
expect P> 
send \e[A\e[A\r
expect b2
expect P> 
send fc -ln 1\r
expect \techo a$((1))\n\techo b$((2))\nP> 
send exit\r
wait
EOF
fi

if editing; then
session "at PS2, Up recalls the lines of the command typed so far" <<'EOF'
expect P> 
send echo first$((1))\r
expect first1
expect P> 
send for i in 1 $((1+1))\r
expect C> 
send \e[A
expect for i in 1 $((1+1))
send \x15do echo got$i; done\r
expect got2
expect P> 
send \e[A\r
expect got2
expect P> 
send exit\r
wait
EOF
fi

# An interactive shell reading a file, not a terminal: no expansion.
printf 'echo one\n!!\necho two!!\nexit\n' >"$tmp/in"
check "whelk -i < file runs !! unchanged" \
	sh -c 'cd "$1" && HOME="$1" HISTFILE=$1/h-file "$2" -i <"$3" 2>/dev/null | tr "\n" " " | grep -qx "one two!! "' \
	sh "$tmp/home" "$shell" "$tmp/in"

finish
