# tests/posix/local.mk: golden POSIX cases (script, stdout, stderr, status) run by tests/posix/run.
TESTS += tests/posix/check.sh
EXTRA_DIST += tests/posix/run tests/posix/check.sh tests/posix/README.md
