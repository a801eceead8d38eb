# tests/interactive/local.mk: pseudo-terminal tests — ptydrive (a C send/expect driver on posix_openpt) and the scripts it runs.
check_PROGRAMS += tests/interactive/ptydrive
tests_interactive_ptydrive_SOURCES = tests/interactive/ptydrive.c \
	tests/interactive/vterm.c tests/interactive/vterm.h
INTERACTIVE_TESTS += tests/interactive/lineedit.sh tests/interactive/jobs-control.sh \
	tests/interactive/signals.sh tests/interactive/editor.sh
TESTS += tests/interactive/lineedit.sh tests/interactive/jobs-control.sh \
	tests/interactive/signals.sh tests/interactive/editor.sh
EXTRA_DIST += tests/interactive/lib.sh tests/interactive/lineedit.sh \
	tests/interactive/jobs-control.sh tests/interactive/signals.sh \
	tests/interactive/editor.sh
# completion, the startup file, did you mean (issue 14 items 13, 14, 16)
INTERACTIVE_TESTS += tests/interactive/complete.sh
TESTS += tests/interactive/complete.sh
EXTRA_DIST += tests/interactive/complete.sh
# history.sh: a broken HISTFILE, history expansion, HISTCONTROL/HISTIGNORE
INTERACTIVE_TESTS += tests/interactive/history.sh
TESTS += tests/interactive/history.sh
EXTRA_DIST += tests/interactive/history.sh
# builtins.sh: read -s -p -n -N -t at a terminal, time (issue 10)
INTERACTIVE_TESTS += tests/interactive/builtins.sh
TESTS += tests/interactive/builtins.sh
EXTRA_DIST += tests/interactive/builtins.sh
