# src/base/local.mk: layer 0 — allocators, buffers, tables, diagnostics, fds.
noinst_LIBRARIES += src/base/libbase.a
src_base_libbase_a_SOURCES = \
	src/base/alloc.c src/base/alloc.h \
	src/base/diag.c src/base/diag.h \
	src/base/fdutil.c src/base/fdutil.h \
	src/base/hashmap.c src/base/hashmap.h \
	src/base/mbchar.c src/base/mbchar.h \
	src/base/pool.c src/base/pool.h \
	src/base/shquote.c src/base/shquote.h \
	src/base/signames.c src/base/signames.h \
	src/base/strbuf.c src/base/strbuf.h \
	src/base/vec.c src/base/vec.h
