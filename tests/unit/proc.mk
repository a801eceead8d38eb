# tests/unit/proc.mk: unit tests of that area (check_PROGRAMS += ..., TESTS += ...)
