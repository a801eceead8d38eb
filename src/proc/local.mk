# src/proc/local.mk: layer 2 — reading /proc/<pid>/... into plain structs (no printing).
noinst_LIBRARIES += src/proc/libproc.a
src_proc_libproc_a_SOURCES =
include src/proc/files.mk
