# tests/unit/interactive.mk: unit tests of that area (check_PROGRAMS += ..., TESTS += ...)
