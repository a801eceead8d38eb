# tests/unit/parser.mk: unit tests of that area (check_PROGRAMS += ..., TESTS += ...)
