#!/bin/bash
# String munging and validation with [[ =~ ]] and parameter expansions.
set -o braceexpand
semver='^v?([0-9]+)\.([0-9]+)\.([0-9]+)(-([a-z0-9.]+))?$'
for v in 1.2.3 v10.0.1-rc.1 1.2 x.y.z; do
	if [[ $v =~ $semver ]]; then
		printf '%-14s major=%s minor=%s patch=%s pre=%s\n' "$v" \
			"${BASH_REMATCH[1]}" "${BASH_REMATCH[2]}" "${BASH_REMATCH[3]}" "${BASH_REMATCH[5]:-none}"
	else
		printf '%-14s not a version\n' "$v"
	fi
done
path=/usr/local/lib/python3.11/site-packages/foo.tar.gz
echo "dir=${path%/*} base=${path##*/} ext=${path#*.} stem=${path##*/}"
echo "${path//\//:}" "${path/#\/usr/\~}" "${path/%gz/bz2}"
name='hello World'
echo "${name^}" "${name^^}" "${name,,}" "${name:6}" "${name:0:5}" "${name: -3}" "${#name}"
printf -v padded '%05d|%-6s|' 42 ab; echo "$padded"
s='a,b,,c'; IFS=, read -r -a parts <<< "$s"; echo "${#parts[@]}: ${parts[*]}"
words=(the quick brown fox); echo "${words[@]:1:2}" "${words[-1]}" "${#words[1]}"
var=name; echo "${!var}"
for f in report_{2023,2024}.{csv,txt}; do [[ $f == *2024*.csv ]] && echo "match $f"; done
[[ abc < abd && ! ( 3 -gt 4 ) ]] && echo ordered
x=' padded  '; trimmed=${x#"${x%%[![:space:]]*}"}; trimmed=${trimmed%"${trimmed##*[![:space:]]}"}; echo "<$trimmed>"
