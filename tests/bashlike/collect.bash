#!/bin/bash
# Word counts with an associative array, mapfile of command output,
# while read from a process substitution, and sorting the keys.
declare -A count
text='the cat and the hat and the bat'
for w in $text; do count[$w]=$(( ${count[$w]:-0} + 1 )); done
for k in $(printf '%s\n' "${!count[@]}" | sort); do printf '%s=%d\n' "$k" "${count[$k]}"; done
mapfile -t lines < <(printf 'one\ntwo\nthree\n')
echo "${#lines[@]} lines, last=${lines[${#lines[@]}-1]}"
total=0
while read -r n; do (( total += n )); done < <(seq 1 10)
echo "total=$total"
declare -a sq=()
for ((i = 1; i <= 5; i++)); do sq+=($((i * i))); done
echo "squares: ${sq[*]} sum=$(IFS=+; echo $(( ${sq[*]} )))"
unset 'sq[2]'; echo "sparse: ${!sq[@]} / ${sq[@]}"
declare -p sq
readarray -t nums <<< $'3\n1\n2'
IFS=$'\n' sorted=($(sort -n <<< "${nums[*]}")); unset IFS
echo "sorted: ${sorted[*]}"
true | false | true; echo "pipestatus: ${PIPESTATUS[*]}"
f() { local -a loc=(x y); local n=${#loc[@]}; echo "local array of $n"; }
f; echo "after: ${loc[*]:-unset}"
