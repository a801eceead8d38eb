# tests/interactive/local.mk: pseudo-terminal tests
