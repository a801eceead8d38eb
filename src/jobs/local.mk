# src/jobs/local.mk: layer 2 — signals, spawning, reaping (the only waitpid), job table, terminal, trace.
noinst_LIBRARIES += src/jobs/libjobs.a
src_jobs_libjobs_a_SOURCES =
include src/jobs/files.mk
