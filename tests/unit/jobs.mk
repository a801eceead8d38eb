# tests/unit/jobs.mk: unit tests of that area (check_PROGRAMS += ..., TESTS += ...)
