# tests/unit/expand.mk: unit tests of expansion
