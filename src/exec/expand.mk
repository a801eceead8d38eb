# src/exec/expand.mk: variables and word expansion (XCU 2.5, 2.6).
src_libshell_a_SOURCES += \
	src/exec/vars.c
