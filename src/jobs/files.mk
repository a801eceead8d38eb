# src/jobs/files.mk: sources of the jobs layer.
src_jobs_libjobs_a_SOURCES += \
	src/jobs/jobs.c src/jobs/jobs.h src/jobs/jobs_int.h \
	src/jobs/control.c \
	src/jobs/notify.c \
	src/jobs/reap.c \
	src/jobs/signals.c \
	src/jobs/spawn.c \
	src/jobs/trace.c \
	src/jobs/tty.c
