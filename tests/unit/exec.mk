# tests/unit/exec.mk: unit tests of that area (check_PROGRAMS += ..., TESTS += ...)
