# tests/unit/util.mk: unit tests of that area (check_PROGRAMS += ..., TESTS += ...)
