src_proc_libproc_a_SOURCES +=
