# tests/posix/local.mk: golden POSIX cases
