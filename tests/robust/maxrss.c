/* maxrss.c: run a command and report its peak resident set size (for the robustness suite). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Usage: maxrss FILE COMMAND [ARG...]
 *
 * Runs COMMAND, waits for it with wait4(2) and writes the child's
 * ru_maxrss (kilobytes on Linux) to FILE; exits with the command's status
 * (128 + signal number when it was killed).  /usr/bin/time -v does the
 * same, but it is not installed everywhere; this is twenty lines.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: maxrss FILE COMMAND [ARG...]\n");
		return 2;
	}
	pid_t pid = fork();
	if (pid < 0) {
		perror("maxrss: fork");
		return 2;
	}
	if (pid == 0) {
		execvp(argv[2], argv + 2);
		perror("maxrss: exec");
		_exit(127);
	}
	int st;
	struct rusage ru;
	if (wait4(pid, &st, 0, &ru) < 0) {
		perror("maxrss: wait4");
		return 2;
	}
	FILE *f = fopen(argv[1], "w");
	if (f) {
		fprintf(f, "%ld\n", ru.ru_maxrss);
		fclose(f);
	}
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}
