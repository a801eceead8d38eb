#!/bin/bash
# A command-line front end in the style of many bash tools: long and short
# options, arrays of operands and of repeated options, a usage message.
set -o braceexpand
usage() { printf 'usage: %s [-v] [-o FILE] [--name=N]... [--] ARG...\n' "${0##*/}" >&2; }
verbose=0 out=- names=() args=()
parse() {
	while (($# > 0)); do
		case $1 in
		-v|--verbose) ((verbose++)) ;;
		-o) [[ $# -ge 2 ]] || { usage; return 2; }; out=$2; shift ;;
		--output=*) out=${1#*=} ;;
		--name=*) names+=("${1#--name=}") ;;
		--) shift; args+=("$@"); break ;;
		-*) printf 'unknown option: %q\n' "$1" >&2; usage; return 2 ;;
		*) args+=("$1") ;;
		esac
		shift
	done
}
run() {
	verbose=0 out=- names=() args=()
	parse "$@" || { echo "status $?"; return; }
	echo "verbose=$verbose out=$out"
	echo "names (${#names[@]}): ${names[*]}"
	local i
	for i in "${!args[@]}"; do
		printf '  arg[%d]=<%s>\n' "$i" "${args[i]}"
	done
}
run -v -v --name=alpha --name='beta gamma' -o /tmp/x one 'two three' -- -v four
run --output=report.txt '' last
run -x 2>&1
run -o 2>&1
for n in {1..3}; do run --name=n$n x$n; done | grep -c names
