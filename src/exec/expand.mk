src_libshell_a_SOURCES +=
