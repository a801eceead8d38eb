# tests/bashlike/local.mk: bash-flavoured scripts whose output must match what bash printed (issue 10).
TESTS += tests/bashlike/check.sh
EXTRA_DIST += tests/bashlike
