# tests/posix/local.mk: golden POSIX cases (script, stdout, stderr, status) run by tests/posix/run.
TESTS += tests/posix/check.sh
# The whole directory: every *.cases file, the runner and its selftest cases.
EXTRA_DIST += tests/posix
