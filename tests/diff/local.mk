# tests/diff/local.mk: the differential tester (whelk against dash and yash on random scripts).
TESTS += tests/diff/check.sh
EXTRA_DIST += tests/diff/check.sh tests/diff/run.sh tests/diff/reduce.sh \
	tests/diff/lib.sh tests/diff/gen.awk tests/diff/expected tests/diff/README.md
