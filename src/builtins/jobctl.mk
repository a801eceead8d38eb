# src/builtins/jobctl.mk: the job-control builtins (jobs, fg, bg, disown).
src_libshell_a_SOURCES += src/builtins/jobctl.c
