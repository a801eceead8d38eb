# src/builtins/util.mk: the standalone builtins (echo printf test umask ulimit kill true false).
src_libshell_a_SOURCES += \
	src/parser/arith_tree.h
