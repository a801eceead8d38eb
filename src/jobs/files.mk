src_jobs_libjobs_a_SOURCES +=
