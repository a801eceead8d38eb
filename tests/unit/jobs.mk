# tests/unit/jobs.mk: unit tests of the jobs layer (job table, specs, state words, trace lines, real children).
check_PROGRAMS += tests/unit/test_jobs
TESTS += tests/unit/test_jobs
tests_unit_test_jobs_SOURCES = tests/unit/test_jobs.c
tests_unit_test_jobs_CFLAGS = $(WHELK_UNIT_CFLAGS)
tests_unit_test_jobs_LDADD = src/jobs/libjobs.a src/base/libbase.a $(CHECK_LIBS)
