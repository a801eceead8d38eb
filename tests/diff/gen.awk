# tests/diff/gen.awk: print one random, valid, bounded POSIX script.
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   awk -v seed=N [-v lines=L] -f gen.awk
#
# The same seed always gives the same script (awk's own rand(), seeded with
# srand(seed)).  The script exercises the grammar (lists, pipelines, if, case,
# for, while/until, functions, subshells, groups), expansions (parameter
# forms, field splitting with several IFS values, pathname expansion,
# arithmetic, command substitution, quoting, here-documents), redirections
# (files, fds 3-5, exec, noclobber), traps (EXIT, USR1/USR2 sent with kill to
# $$), and builtins (set, shift, getopts, read, printf, test, eval, command,
# export, readonly, unset, alias, umask, return/break/continue/exit).
#
# Safety, by construction:
#  - every loop is bounded: `for` runs over a fixed list, `while`/`until`
#    count with a variable of their own (_wN) that nothing else assigns and
#    that is incremented first thing in the body (so `continue` cannot skip
#    it), getopts and `read` loops end with their input;
#  - a function may call only functions defined before it, a trap action
#    only prints: no recursion, so no unbounded forks;
#  - files are written only under relative names (f1..f3, d/) in the current
#    directory, which the harness makes a fresh scratch directory; there is
#    no `cd` outside a subshell and never `cd ..`;
#  - the only external commands are none: everything is a builtin.
# One top-level command per line (a here-document takes its lines with it),
# which is what the reducer (reduce.sh) cuts along.

function rnd(n) { return int(rand() * n) }
function pick(s,    a, n) { n = split(s, a, "\034"); return a[rnd(n) + 1] }
function chance(p) { return rand() < p }
function sq(s) { return Q s Q }
# s single-quoted, each ' inside written as '\''
function sqe(s) { gsub(Q, Q "\\" Q Q, s); return Q s Q }

# --- words -----------------------------------------------------------------

function var() { return pick("a\034b\034c\034d") }
function nvar() { return pick("n\034m\034k") }

function value(    r) {
	r = rnd(16)
	if (r == 0) return "''"
	if (r == 1) return "x"
	if (r == 2) return sq("a b")
	if (r == 3) return sq("  lead  trail ")
	if (r == 4) return sq("a:b::c")
	if (r == 5) return sq("*")
	if (r == 6) return sq("f*")
	if (r == 7) return sq("[df]*")
	if (r == 8) return sq("-n")
	if (r == 9) return sq("x  y\tz")
	if (r == 10) return "\"$" var() "\""
	if (r == 11) return "$" var()
	if (r == 12) return "$((" arith(1) "))"
	if (r == 13) return "\"$(" simple_out(1) ")\""
	if (r == 14) return sq("a'\\''b")
	return "ab" rnd(10)
}

function pattern(    r) {
	r = rnd(14)
	if (r == 0) return "*"
	if (r == 1) return "?"
	if (r == 2) return "a"
	if (r == 3) return "a*"
	if (r == 4) return "*b"
	if (r == 5) return "[ab]"
	if (r == 6) return "[!a]*"
	if (r == 7) return "\\*"
	if (r == 8) return "\"*\""
	if (r == 9) return "?*"
	if (r == 10) return "*[:]*"
	if (r == 11) return "' '*"
	if (r == 12) return "$" var()
	return "x"
}

function param(    v, r, w) {
	v = var()
	r = rnd(16)
	w = chance(0.5) ? "w" : "$" var()
	if (r == 0) return "${" v ":-" w "}"
	if (r == 1) return "${" v "-" w "}"
	if (r == 2) return "${" v ":=" w "}"
	if (r == 3) return "${" v "=" w "}"
	if (r == 4) return "${" v ":+" w "}"
	if (r == 5) return "${" v "+" w "}"
	if (r == 6) return "${#" v "}"
	if (r == 7) return "${" v "#" pattern() "}"
	if (r == 8) return "${" v "##" pattern() "}"
	if (r == 9) return "${" v "%" pattern() "}"
	if (r == 10) return "${" v "%%" pattern() "}"
	if (r == 11) return "$" pick("#\034?\034*\034@\0341\0342")
	if (r == 12) return "${" pick("1\0342\034#") "}"
	return "$" v
}

function word(d,    r, p) {
	r = rnd(14)
	if (r <= 2) return pick("a\034b\\ c\034" sq("q  r") "\034\"\"\034''\034-\034x=y\034--\0340\03412")
	if (r == 3) return pick("f*\034d/*\034*\034[fd]?\034f[!1]\034?1\034nomatch*")
	if (r <= 6) { p = param(); return chance(0.5) ? "\"" p "\"" : p }
	if (r == 7) return "$((" arith(2) "))"
	if (r == 8 && d < 2) return chance(0.5) ? "\"$(" cmd_out(d + 1) ")\"" : "$(" cmd_out(d + 1) ")"
	if (r == 9 && d < 1) return "`" simple_out(2) "`"
	if (r == 10) return "\"$*\""
	if (r == 11) return "\"$@\""
	if (r == 12) return "\"a${" var() "}b\""
	return "w" rnd(5)
}

function words(d, n,    s, i) {
	s = ""
	for (i = 0; i < n; i++) s = s " " word(d)
	return s
}

# --- arithmetic ------------------------------------------------------------

function arith(d,    r, op) {
	r = rnd(d > 2 ? 3 : 10)
	if (r == 0) return rnd(20)
	if (r == 1) return nvar()
	if (r == 2) return "$" nvar()
	if (r == 3) return "(" arith(d + 1) ")"
	if (r == 4) { op = pick("+\034-\034*\034<\034<=\034>\034>=\034==\034!=\034&\034|\034^\034&&\034||")
		return "(" arith(d + 1) " " op " " arith(d + 1) ")" }
	if (r == 5) return "((" arith(d + 1) ") " pick("/\034%") " " pick("2\0343\0347") ")"
	if (r == 6) return pick("-\034!\034~") "(" arith(d + 1) ")"
	if (r == 7) return "(" arith(d + 1) " ? " arith(d + 1) " : " arith(d + 1) ")"
	if (r == 8) return "(" nvar() " " pick("=\034+=\034-=\034*=") " " arith(d + 1) ")"
	return "((" arith(d + 1) ") " pick("<<\034>>") " " rnd(4) ")"
}

# --- commands that print ----------------------------------------------------

function simple_out(d,    r) {
	r = rnd(7)
	if (r == 0) return "printf '<%s>'" words(d, 1 + rnd(3))
	if (r == 1) return "printf '%s\\n'" words(d, 1 + rnd(2))
	if (r == 2) return "echo " pick("a\034b c\034'q  r'\034x=y\034\"$a\"\034$b\034\"${#b}\"")
	if (r == 3) return "printf '%d|' $((" arith(1) "))"
	if (r == 4) return "printf '[%s]' \"$#\""
	if (r == 5) return "printf '" pick("%x|\034%o|\034%03d|\034%+d|\034%-3d|") "' $((" arith(1) "))"
	return "printf '" pick("%5s|\034%-4s|\034%.2s|\034%b|\034%%|\034%s%s|") "'" words(d, 1)
}

function cmd_out(d) {
	if (d < 2 && chance(0.3)) return simple_out(d) "; " simple_out(d)
	return simple_out(d)
}

# --- statements --------------------------------------------------------------

function cond(d, noneg,    r) {
	r = rnd(9)
	if (r == 6 && noneg) r = 5
	if (r == 0) return "[ -n " word(d) " ]"
	if (r == 1) return "[ -z \"$" var() "\" ]"
	if (r == 2) return "[ \"$" var() "\" = " word(d) " ]"
	if (r == 3) return "[ $((" arith(1) ")) " pick("-eq\034-ne\034-lt\034-gt\034-le\034-ge") " " rnd(5) " ]"
	if (r == 4) return "test " pick("-e\034-f\034-d\034-s") " " pick("f1\034f2\034d\034nofile")
	if (r == 5) return pick("true\034false\034:")
	if (r == 6) return "! " cond(d, 1)
	if (r == 7) return "case " word(d) " in " pattern() ") true;; *) false;; esac"
	return "[ " word(d) " " pick("=\034!=") " " word(d) " ]"
}

# A statement that is complete on one line.  d: nesting depth.
function stmt(d,    r, n) {
	r = rnd(d >= 2 ? 12 : 40)
	if (r == 34 || r == 36) return more(d)
	if (r == 37) return more2(d)
	if (r >= 38) return more3(d)
	if (r <= 2) return simple_out(d)
	if (r == 3) return var() "=" value()
	if (r == 4) return nvar() "=" rnd(10)
	if (r == 5) return "set --" words(d, rnd(4))
	if (r == 6) { n = chance(0.3) ? rnd(3) : 1
		return "[ $# -ge " n " ] && shift " n "; printf '%s.' \"$#\"" }
	if (r == 7) return cond(d) "; printf 's=%s ' \"$?\""
	if (r == 8) return cond(d) " && " simple_out(d) " || " simple_out(d)
	if (r == 9) return "unset " var()
	if (r == 10) return "printf '%s\\n'" words(d, 1) " | { read -r " var() " " var() "; printf '(%s)' \"$a\" \"$b\"; }"
	if (r == 11) return "(" simple_out(d) "; exit " rnd(4) "); printf 'x=%s ' \"$?\""
	if (r == 12) return "if " cond(d) "; then " stmt(d + 1) "; " pick("elif " cond(d) "; then " stmt(d + 1) "; \034") "else " stmt(d + 1) "; fi"
	if (r == 13) return "case " word(d) " in " pattern() ") " stmt(d + 1) ";; " pattern() "|" pattern() ") " stmt(d + 1) ";; *) " stmt(d + 1) ";; esac"
	if (r == 14) return "for " var() " in" words(d, rnd(4)) "; do " loop_body(d) "; done"
	if (r == 15) return counted_loop(d)
	if (r == 16) return "{ " stmt(d + 1) "; " stmt(d + 1) "; }" redir_out()
	if (r == 17) return "( " stmt(d + 1) "; " stmt(d + 1) " )" redir_out()
	if (r == 18) return call(d)
	if (r == 19) return "IFS=" pick("' '\034:\034' :'\034''\034'a'\034\"$IFS\"")
	if (r == 20) return "unset IFS"
	if (r == 21) return files(d)
	if (r == 22) return fds(d)
	if (r == 23) return "eval " sqe(simple_out(2))
	if (r == 24) return "x=$(" cmd_out(d + 1) "); printf '{%s}' \"$x\""
	if (r == 25) return "( set -e; " stmt(d + 1) "; false; " simple_out(d) " ); printf 'e=%s ' $(($? != 0))"
	if (r == 26) return traps(d)
	if (r == 27) return getopts_loop()
	if (r == 28) return "( readonly " var() "=r; " var() "=s; printf 'ro' ); printf 'r=%s ' \"$?\""
	if (r == 29) return "export " var() "=" value() "; " simple_out(d)
	if (r == 30) return simple_out(d) " | " pick("while read -r l; do printf '[%s]' \"$l\"; done\034{ read -r a; printf '%s/' \"$a\"; }\034read -r c")
	if (r == 31) return "! " cond(d, 1) "; printf 'n=%s ' \"$?\""
	if (r == 32) return "command " simple_out(d) "; x=$(command -v " pick(":\034cd\034nosuch\034set\034f0") "); printf 'v=%s ' \"$x\""
	if (r == 33) return "umask " pick("022\034077\034a=rx\034u=rwx,go=") " && umask"
	return quoting(d)
}

# Quoting and expansion corners, printed so that every field shows.
function quoting(d,    r) {
	r = rnd(12)
	if (r == 0) return "printf '<%s>' \"\\$ \\` \\\" \\\\ \\a\" 'x\\y' a\\ b"
	if (r == 1) return "printf '<%s>' \"${" var() ":-\"x y\"}\" ${" var() ":-\"x y\"} \"${" var() ":-'q'}\" ${" var() ":-'q  r'}"
	if (r == 2) return "printf '<%s>' ${" var() "+\"$@\"} \"${" var() "-$*}\" ${" var() ":-$b}"
	if (r == 3) return "set -- 1 2 3 4 5 6 7 8 9 10 11; printf '<%s>' ${10} $10 \"${11}\" \"$#\""
	if (r == 4) return "IFS=" pick("''\034:\034' '\034-") "; set -- \"a b\" c ''; printf '<%s>' \"$*\" $* \"$@\"; unset IFS"
	if (r == 5) return "v=$(printf '%s\\n' \"a b\" c); printf '<%s>' $v \"$v\""
	if (r == 6) return "printf '<%s>' \"$(printf '%s' \"x y\")\" \"`printf '%s' 'p q'`\" $(printf '%s ' 1 2)"
	if (r == 7) return "a=$HOME/x" pick("\034/y") "; printf '<%s>' \"${a#~}\" ${a#\"$HOME\"}"
	if (r == 8) return "x='1+2' y=x; printf '%d|' $((x)) $((y * 2)) $((010)) $((0x1f)) $(($x))"
	if (r == 9) return "read " pick("\034-r ") var() " " var() " <<EOF\n" pick("a\\ b c\034x\\\\y  z\034 p\\\nq r\034 '1'  \\'2\\' 3") "\nEOF\nprintf '<%s>' \"$a\" \"$b\" \"$c\" \"$d\""
	if (r == 10) return "case " pick("'a*'\034a*\034'x y'\034\"\"\034'['") " in " pick("\"a*\"\034a\\*\034'x y'\034''\034\\[\034\"$a\"") ") printf yes;; *) printf no;; esac"
	return "printf '%5.2s|%-3d|%3s|%s' " pick("abc\034''\034x") " " rnd(9) " " pick("x\034\"\"\034'a b'") " " pick("\034\"$@\"\034$*")
}

# Corners of the grammar, traps, errexit and builtins where shells have had bugs.
function more(d,    r) {
	r = rnd(16)
	if (r == 0) return "i=0; while i=$((i+1)); [ $i -le 3 ] || break; [ $i -eq 2 ] && continue; true; do printf 'i%s ' $i; done"
	if (r == 1) return "( trap " sq("printf foo") " EXIT ) " pick(">/dev/null\034> f1\034") "; printf 's=%s ' $?"
	if (r == 2) return "trap " sq("printf T") " USR1; trap; trap - USR1; trap"
	if (r == 3) return "( trap " sq(pick("printf tr; exit 6\034(exit 4); exit 6")) " USR2; " pick("false\034true") "; kill -s USR2 $(exec sh -c 'echo $PPID'); printf no ); printf 'x=%s ' \"$?\""
	if (r == 4) return "( set -u; printf '%s|' \"${nosuch-d}\" $((n + 1)); printf \"$" pick("nosuch\034n") "\" ) 2>/dev/null; printf 'u=%s ' $(($? != 0))"
	if (r == 5) return "( set -e; " pick("false && true\034! true\034false || false\034if false; then :; fi\034f() { false; printf in; }; f\034{ false; printf g; }\034false | true\034x=$(false)") "; printf 'go ' ); printf 'e=%s ' $?"
	if (r == 6) return "alias " pick("f=' for '\034w=' in '\034e='echo '\034p='printf \"<%s>\" '") "; eval " sq(pick("e a b\034p x y\034p e\034e p")) "; unalias -a"
	if (r == 7) return "( readonly " var() "=1; (a=2; b=2; c=2; d=2) 2>/dev/null; printf 'c=%s ' $(($? != 0)) )"
	if (r == 8) return "( unset x; : < ${x=/dev/null}; printf '<%s>' \"${x-unset}\" )"
	if (r == 9) return "f() { " pick("return\034true; return\034false; return\034return 7\034(exit 5); return") "; }; f; printf 'r=%s ' $?; unset -f f"
	if (r == 10) return "(exit 3) & wait $!; printf 'w=%s ' $?; " simple_out(d) " & wait; printf 'w2=%s ' $?"
	if (r == 11) return "printf '" pick("printf \"<%s>\" \"$#\" \"$1\"\034set -- q; printf d$#\034return 3 2>/dev/null; printf after") "\\n' > f3; set -- a b; . ./f3; printf 'dot=%s ' $?"
	if (r == 12) return "g() { set -- x \"$@\"; shift 2; printf '<%s>' \"$#\" \"$@\"; }; g 1 2 3; printf '<%s>' \"$#\""
	if (r == 13) return "for i in 1 2 3; do for j in a b; do " pick("eval break\034eval 'continue 2'\034break 2\034[ $j = b ] && continue 2") "; printf '%s%s ' $i $j; done; done"
	if (r == 14) return "x=$(" pick("trap 'printf in' EXIT\034exit 3\034printf a; exit\034(printf b; exit 2)") "); printf '<%s:%s>' \"$x\" $?"
	return "set -- -x -y:z -- w; OPTIND=1; while getopts :xy: o; do printf '%s=%s,' \"$o\" \"${OPTARG-}\"; done; shift $((OPTIND - 1)); printf '<%s>' \"$@\""
}

# Field splitting, read, nested expansions, tilde, printf reuse, statuses.
function more2(d,    r) {
	r = rnd(16)
	if (r == 0) return "IFS=" pick(":\034' :'\034'x'") "; read -r a b c <<EOF\n" pick("p:q\034p:q:\034:p\034p::q:r:s\034 p : q \034pxqx\034x\034") "\nEOF\nprintf '<%s>' \"$a\" \"$b\" \"$c\"; unset IFS"
	if (r == 1) return "IFS=" pick("''\034:\034' '") "; set -- \"a b\" c:d 10; printf '<%s>' $* $@ $((10+1)) ${1}; unset IFS"
	if (r == 2) return "printf '<%s>' \"${" var() ":-${" var() ":-x}}\" ${" var() ":-\"$b\"} \"${" var() "%\"${" var() "}\"}\" ${" var() "#\"[\"}"
	if (r == 3) return "x=~/a:~/b y=~root z=\"~\"; printf '<%s>' \"$x\" \"$y\" \"$z\" ~ ~/q ~root/q a~"
	if (r == 4) return "printf '" pick("%s-%s|\034[%s]\034%d,\034%s%%|") "' " pick("a b c\0341 2 3 4\034\034x") "; printf '%b|' " pick("'a\\tb'\034'\\0101'\034'x\\cy'\034'\\\\'")
	if (r == 5) return pick("for i in; do :; done\034case x in y) ;; esac\034if false; then :; fi\034while false; do :; done\034false || true\034! false\034{ false; }\034(false)") "; printf 's=%s ' $?"
	if (r == 6) return "set -- a 'b c' d; while [ $# -gt 0 ]; do printf '<%s>' \"$1\"; shift; done; printf '%s.' $#"
	if (r == 7) return "{ read -r a; read -r b; } <<EOF\n" pick("one\034 t w o \034") "\n" pick("two\034\0343 4") "\nEOF\nprintf '<%s|%s>' \"$a\" \"$b\""
	if (r == 8) return "x=" pick("b\034c\034d") "; eval \"printf '<%s>' \\\"\\$$x\\\"\"; eval \"$x=ev\"; printf '%s,' \"$b$c$d\""
	if (r == 9) return "case " pick("]\034a]\034-\034!\034x") " in " pick("[]]\034[!]]\034[a-]\034[!a]\034[]a]*\034\\!") ") printf m;; *) printf n;; esac"
	if (r == 10) return "n=" pick("-2\0340x10\034010\0347") "; printf '%d|' $((n + 1)) $(($n * 2)) $((-n))"
	if (r == 11) return "set -f; x='f* [f]1'; printf '<%s>' $x; set +f; : > f1; printf '<%s>' $x"
	if (r == 12) return "printf '%s\\n' " pick("a b\034'x y' z\034''") " > f2; { read -r a; read -r b; } < f2; printf '<%s,%s>' \"$a\" \"${b-unset}\""
	if (r == 13) return "f() { printf '<%s>' \"$#\" \"$*\"; }; IFS=" pick(":\034''\034-") "; f \"$@\"; f $*; f \"$*\"; unset IFS"
	if (r == 14) return "v=$(printf 'a\\n\\n\\n'); w=$(printf '\\n\\nb'); printf '<%s|%s>' \"$v\" \"$w\""
	return "x=$((" arith(1) ")); printf '%s|' \"$x\" $(( x " pick("<\034==\034!=\034>=") " " rnd(5) " ))"
}

# Functions with redirections, traps inside functions and subshells, wait,
# exec and fds, here-documents inside compound commands, set -e traps.
function more3(d,    r) {
	r = rnd(16)
	if (r == 0) return "g() { printf '<%s>' \"$@\"; printf e >&2; } " pick(">f1\0342>&1\034>>f1 2>/dev/null\0342>f2") "; g 1 2 >/dev/null; g 3; printf '|'; read -r x < f1 2>/dev/null; printf '%s|' \"${x-}\""
	if (r == 1) return "g() { trap " sq("printf T$?") " EXIT; " pick("return 2\034false\034exit 3\034:") "; }; ( g; printf after ); printf 's=%s ' $?"
	if (r == 2) return "{ (exit 2) & (exit 3) & wait; printf 'w=%s ' $?; } ; (exit 4) & p=$!; wait $p; printf 'p=%s ' $?"
	if (r == 3) return "exec 3>&1; x=$(printf out; printf err >&3); exec 3>&-; printf '<%s>' \"$x\""
	if (r == 4) return "for i in 1 2; do read -r l <<EOF\nline $i $a\nEOF\nprintf '<%s>' \"$l\"; done"
	if (r == 5) return "x=$({ read -r l; printf '%s' \"$l\"; } <<EOF || printf '%s' no\n$b \\$a\nEOF\n); printf '<%s>' \"$x\""
	if (r == 6) return "( set -e; trap " sq("printf T$?") " EXIT; " pick("false\034(exit 5)\034x=$(exit 6)\034! true; printf ok") "; printf no ); printf 's=%s ' $?"
	if (r == 7) return "f() { local_x=$1; shift; printf '<%s>' \"$local_x\" \"$#\"; }; f a b c; printf '<%s>' \"$#\" \"$local_x\""
	if (r == 8) return "( printf a; exec >&-; x=$(echo \"q  r\"); printf b 2>/dev/null; printf '<%s:%s>' \"$x\" $? >&2 ) 2>&1; printf 'c=%s ' $?"
	if (r == 9) return "( exec 4>f3; printf four >&4 ); read -r x < f3; printf '<%s>' \"$x\"; ( exec 2>/dev/null; printf q >&9 ); printf 's=%s ' $(($? != 0))"
	if (r == 10) return "v=1; v=4 : ; printf '<%s>' \"$v\"; v=5 eval 'printf \"<$v>\"'; printf '<%s>' \"$v\""
	if (r == 11) return "x=$(printf '%s\\n' 1 2 3 | { read -r a; read -r b; printf '%s%s' \"$b\" \"$a\"; }); printf '<%s>' \"$x\""
	if (r == 12) return "trap " sqe("printf ' T'") " USR1; i=0; while [ $i -lt 2 ]; do i=$((i+1)); kill -s USR1 $$; printf ' i%s' $i; done; trap - USR1"
	if (r == 13) return "set -- $(printf '%s ' x y z); printf '<%s>' \"$#\"; set -- \"$(printf '%s ' x y)\"; printf '<%s>' \"$1\""
	if (r == 14) return "f() { return $1; }; f 3 && printf t || printf 'f=%s ' $?; f 0; printf 'z=%s ' $?; if f 1; then :; else printf 'e=%s ' $?; fi"
	return "a=" pick("'*'\034'f?'\034'[f]1'") "; : > f1; case f1 in $a) printf m;; *) printf n;; esac; case f1 in \"$a\") printf M;; *) printf N;; esac"
}

function loop_body(d) {
	if (chance(0.2)) return stmt(d + 1) "; " pick("break\034continue\034break 1") "; " stmt(d + 1)
	return stmt(d + 1)
}

function counted_loop(d,    w, n) {
	w = "_w" (++nloops)
	n = 1 + rnd(3)
	return w "=0; " pick("while [ $" w " -lt " n " ]\034until [ $" w " -ge " n " ]") "; do " w "=$((" w " + 1)); " loop_body(d) "; done"
}

function redir_out(    r) {
	r = rnd(6)
	if (r == 0) return " > f" (1 + rnd(3))
	if (r == 1) return " >> f" (1 + rnd(3))
	return ""
}

function files(d,    r, f) {
	f = "f" (1 + rnd(3))
	r = rnd(7)
	if (r == 0) return simple_out(d) " > " f "; read -r x < " f "; printf '<%s>' \"$x\""
	if (r == 1) return simple_out(d) " >> " f "; while read -r l; do printf '{%s}' \"$l\"; done < " f
	if (r == 2) return ": > " f "; printf '%s ' *"
	if (r == 3) return "set -C; { printf c > " f "; } 2>/dev/null; printf 'C=%s ' \"$(($? != 0))\"; set +C"
	if (r == 4) return "( : > " f " && printf '%s ' f* )"
	if (r == 5) return "{ printf o; printf e >&2; } 2>&1 > " f "; printf '|'; read -r x < " f "; printf '%s\\n' \"$x\""
	return "printf '%s ' " pick("f*\034*\034?[0-9]\034[!x]*\034*[1-2]")
}

function fds(d,    r, n) {
	n = 3 + rnd(3)
	r = rnd(4)
	if (r == 0) return "exec " n "> f1; " simple_out(d) " >&" n "; exec " n ">&-; read -r x < f1; printf '%s|' \"$x\""
	if (r == 1) return "printf 'l1\\nl2\\n' > f2; exec " n "< f2; read -r x <&" n "; read -r y <&" n "; exec " n "<&-; printf '%s,%s ' \"$x\" \"$y\""
	if (r == 2) return "{ " simple_out(d) " >&" n "; } " n ">&1"
	return simple_out(d) " " n ">&1 1>&2 2>&" n " 2>/dev/null"
}

function traps(d,    r) {
	r = rnd(6)
	if (r == 0) return "trap " sq("printf EXIT$?") " EXIT"
	if (r == 1) return "trap " sq("printf U1") " USR1; kill -s USR1 $$; printf 'k=%s ' \"$?\""
	if (r == 2) return "( trap " sq("printf sub") " EXIT; " stmt(d + 1) " ); printf 't=%s ' \"$?\""
	if (r == 3) return "trap - USR1; trap " sq("") " USR2; kill -s USR2 $$; printf 'ign '"
	if (r == 4) return "trap " sq("printf T") " USR1; ( kill -s USR1 $$ ); printf 'w '"
	return "trap; trap - EXIT"
}

function getopts_loop() {
	return "set --" pick(" -a -b x c\034 -ba\034 -bx -a\034 -c -a\034 -- -a\034 x -a\034 -a -- -b") "; OPTIND=1; while getopts ab: o; do printf '%s:%s ' \"$o\" \"${OPTARG-}\"; done; printf 'i=%s ' \"$OPTIND\""
}

# A call of a function defined so far (or a plain statement if none).
function call(d,    i) {
	if (nfuncs == 0) return simple_out(d)
	i = rnd(nfuncs)
	return "f" i words(d, rnd(3)) "; printf 'f=%s ' \"$?\""
}

function funcdef(    body, n) {
	body = stmt(1)
	if (chance(0.4)) body = body "; return " rnd(3)
	if (chance(0.3)) body = "set -- \"$@\" z; " body
	n = nfuncs
	line("f" n "() { " body "; }")
	nfuncs++	# defined after its body: it can call only earlier ones
}

function heredoc(    r) {
	r = rnd(3)
	if (r == 0) {
		line("read -r " var() " <<EOF")
		line("$a ${b-x} $((" arith(1) ")) \\$c " "`printf q`")
		line("EOF")
		line("printf '%s\\n' \"$a$b$c$d\"")
	} else if (r == 1) {
		line("while read -r l; do printf '[%s]' \"$l\"; done <<'EOF'")
		line("$a `x` \\n")
		line("  two")
		line("EOF")
	} else {
		line("IFS=: read -r " var() " " var() " <<-EOF")
		line("\t$a:$b:" value_text())
		line("\tEOF")
		line("printf '%s|' \"$a\" \"$b\" \"$c\" \"$d\"; echo")
	}
}
function value_text() { return pick("x\034 y z\034p::q\034") }

function alias_pair(    n) {
	n = "al" (++naliases)
	line("alias " n "=" sqe(simple_out(2)))
	line(n (chance(0.5) ? "; unalias " n : ""))
}

function line(s) { print s }

BEGIN {
	Q = "\047"
	if (seed == "") seed = 1
	srand(seed)
	if (lines == "") lines = 8 + rnd(20)
	nfuncs = 0
	nloops = 0
	naliases = 0
	line("a=1 b='x y' c= n=2 m=5 k=0 HOME=/h")
	for (i = 0; i < lines; i++) {
		r = rnd(20)
		if (r == 0) funcdef()
		else if (r == 1) heredoc()
		else if (r == 2) alias_pair()
		else line(stmt(0))
	}
	line("printf '\\nend %s\\n' \"$?\"")
}
