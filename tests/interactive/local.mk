# tests/interactive/local.mk: pseudo-terminal tests — ptydrive (a C send/expect driver on posix_openpt) and the scripts it runs.
check_PROGRAMS += tests/interactive/ptydrive
tests_interactive_ptydrive_SOURCES = tests/interactive/ptydrive.c
TESTS += tests/interactive/lineedit.sh
EXTRA_DIST += tests/interactive/lineedit.sh
TESTS += tests/interactive/jobs-control.sh
EXTRA_DIST += tests/interactive/jobs-control.sh
