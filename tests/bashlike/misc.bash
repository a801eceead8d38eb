#!/bin/bash
# Odds and ends bash scripts lean on: here-strings, extglob, ;;&, printf %q,
# ${v@Q}, read -d '', process substitution with diff, &>, local -.
shopt -s extglob
for f in app.log app.log.1 app.tar.gz notes.txt; do
	case $f in
	*.@(log|txt)) echo "$f: text" ;;&
	!(*.gz)) echo "$f: not compressed" ;;
	*) echo "$f: other" ;;
	esac
done
read -r first rest <<< "alpha beta gamma"; echo "first=$first rest=$rest"
printf '%q ' 'a b' "it's" '$HOME' ''; echo
v="two words"; echo "${v@Q}"
diff <(printf '%s\n' a b c) <(printf '%s\n' a x c) &> /dev/null || echo "files differ"
n=0; while IFS= read -r -d '' item; do ((n++)); done < <(printf 'x\0y\0z\0'); echo "nul-separated: $n"
f() { local -; set -u; echo "in f: $-" | grep -q u && echo "nounset inside"; }
f; case $- in *u*) echo "nounset leaked" ;; *) echo "nounset restored" ;; esac
cnt=0; for x in a b c; do [[ $x == b ]] && continue; ((cnt += 1)); done; echo "cnt=$cnt"
arr=(one two three); IFS=,; echo "joined: ${arr[*]}"; unset IFS
[[ -v arr[1] ]] && echo "arr[1] set"; [[ -v arr[7] ]] || echo "arr[7] unset"
echo $(( 2**10 )) $(( 16#ff )) $(( 7 / 2 )) $(( -7 % 3 ))
