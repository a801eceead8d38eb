#!/bin/bash
# A select menu answered from standard input, and a small state machine.
PS3='choose: '
select fruit in apple banana 'cherry pie' quit; do
	case $fruit in
	quit) echo bye; break ;;
	'') echo "invalid: $REPLY" ;;
	*) echo "picked $fruit ($REPLY)" ;;
	esac
done 2>/dev/null
state=start
for ev in go go stop go reset; do
	case $state:$ev in
	start:go) state=running ;;
	running:go) state=fast ;;
	*:stop) state=stopped ;;
	stopped:go) state=running ;;
	*:reset) state=start ;;
	esac
	echo "$ev -> $state"
done
function greet { echo "hello, ${1:-world}"; }
greet; greet you
