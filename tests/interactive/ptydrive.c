/* ptydrive.c: drive a program on a pseudo-terminal from a tiny send/expect script (for whelk's interactive tests). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Usage: ptydrive [-t SECONDS] [-v] SCRIPT -- PROGRAM [ARG...]
 *
 * PROGRAM runs as the session leader of a new session whose controlling
 * terminal is the slave side of a fresh pseudo-terminal (80x24); we hold
 * the master.  SCRIPT ("-" for standard input) has one command per line:
 *
 *	send TEXT	write TEXT to the terminal (C escapes: \n \r \t \e
 *			\\ \xHH; ^C is \x03, ^D \x04, ^Z \x1a)
 *	expect TEXT	wait until the output since the last match contains
 *			TEXT (same escapes); fails after the timeout
 *	screen TEXT	wait until the emulated screen contains TEXT: its
 *			rows, trailing blanks cut, joined by \n (so "\nP> x\n"
 *			is one whole row); fails after the timeout
 *	dim TEXT	the same, on a screen that shows only the cells
 *			drawn dim or grey (SGR 2 or 90), others as blanks
 *	noscreen TEXT	after 300 ms of quiet, the screen must NOT contain it
 *	resize ROWS COLS  set the window size (the program gets SIGWINCH)
 *	sleep MS	wait, reading output meanwhile
 *	wait		wait for PROGRAM to exit (expects end of output)
 *	# ...		a comment
 *
 * `expect` matching ignores terminal control sequences (ESC [ ... letter,
 * ESC ] ... BEL) and carriage returns, because line editors redraw with
 * them.  `screen` instead runs the output through a small terminal
 * emulator (vterm.c: a subset of xterm: cursor motion, erasing, inserting
 * and deleting, deferred autowrap, scrolling), to check what a user sees.
 * Exit status: 0 when every expect matched, 1 on a failed expect (the
 * output seen is printed), 2 on a usage or system error.  PROGRAM's whole
 * process group is killed at the end, so nothing outlives a test.
 */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700
#endif
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE 1
#endif
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "vterm.h"

struct drive {
	int master;
	pid_t pid;
	int timeout_ms;
	bool verbose;
	char *seen;		/* cleaned output since the last match */
	size_t len, cap;
	int esc;		/* 0 text, 1 after ESC, 2 in CSI, 3 in OSC */
	bool exited;
	struct vterm vt;	/* the screen a user would see */
};

static long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

static void add_char(struct drive *d, char c)
{
	if (d->len + 2 > d->cap) {
		d->cap = d->cap ? d->cap * 2 : 4096;
		d->seen = realloc(d->seen, d->cap);
		if (!d->seen)
			exit(2);
	}
	d->seen[d->len++] = c;
	d->seen[d->len] = '\0';
}

/* Strip control sequences as they stream in. */
static void feed(struct drive *d, const char *buf, size_t n)
{
	vterm_feed(&d->vt, buf, n);
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)buf[i];
		if (d->verbose)
			fputc(c, stderr);
		switch (d->esc) {
		case 1:
			d->esc = c == '[' ? 2 : c == ']' ? 3 : 0;
			continue;
		case 2:
			if (c >= 0x40 && c <= 0x7e)
				d->esc = 0;
			continue;
		case 3:
			if (c == '\a')
				d->esc = 0;
			continue;
		}
		if (c == 033)
			d->esc = 1;
		else if (c != '\r' && c != '\b' && c != '\a' && c != 0)
			add_char(d, (char)c);
	}
}

/* Read what is there (waiting up to ms); false at end of output. */
static bool pump(struct drive *d, int ms)
{
	struct pollfd p = { d->master, POLLIN, 0 };
	int r = poll(&p, 1, ms);
	if (r <= 0)
		return true;
	char buf[4096];
	ssize_t n = read(d->master, buf, sizeof buf);
	if (n > 0) {
		feed(d, buf, (size_t)n);
		return true;
	}
	if (n < 0 && (errno == EINTR || errno == EAGAIN))
		return true;
	d->exited = true;	/* EIO: the slave side is closed */
	return false;
}

static void unescape(const char *s, char *out, size_t *outlen)
{
	size_t k = 0;
	for (; *s; s++) {
		if (*s != '\\' || !s[1]) {
			out[k++] = *s;
			continue;
		}
		s++;
		switch (*s) {
		case 'n': out[k++] = '\n'; break;
		case 'r': out[k++] = '\r'; break;
		case 't': out[k++] = '\t'; break;
		case 'e': out[k++] = 033; break;
		case 'x': {
			char hex[3] = { s[1], s[1] ? s[2] : 0, 0 };
			out[k++] = (char)strtol(hex, NULL, 16);
			s += 2;
			break;
		}
		default: out[k++] = *s; break;
		}
	}
	out[k] = '\0';
	*outlen = k;
}

static int do_expect(struct drive *d, const char *want, int lineno)
{
	long deadline = now_ms() + d->timeout_ms;
	for (;;) {
		char *hit = d->seen ? strstr(d->seen, want) : NULL;
		if (hit) {	/* forget everything up to the match */
			size_t cut = (size_t)(hit - d->seen) + strlen(want);
			memmove(d->seen, d->seen + cut, d->len - cut + 1);
			d->len -= cut;
			return 0;
		}
		long left = deadline - now_ms();
		if (left <= 0 || (d->exited && !pump(d, 0))) {
			fprintf(stderr, "ptydrive: line %d: expected \"%s\"\n"
				"---- output since the last match ----\n%s\n"
				"-------------------------------------\n",
				lineno, want, d->seen ? d->seen : "");
			return 1;
		}
		pump(d, left > 100 ? 100 : (int)left);
	}
}

/* `screen` (or `dim`, only_dim): wait until the screen shows want. */
static int do_screen(struct drive *d, const char *want, bool only_dim, int lineno)
{
	long deadline = now_ms() + d->timeout_ms;
	for (;;) {
		char *shot = vterm_dump(&d->vt, only_dim);
		bool hit = strstr(shot, want) != NULL;
		long left = deadline - now_ms();
		if (!hit && (left <= 0 || (d->exited && !pump(d, 0)))) {
			fprintf(stderr, "ptydrive: line %d: screen lacks \"%s\"\n"
				"---- screen (%dx%d) ----\n%s\n-----------------------\n",
				lineno, want, d->vt.rows, d->vt.cols, shot);
			free(shot);
			return 1;
		}
		free(shot);
		if (hit)
			return 0;
		pump(d, left > 100 ? 100 : (int)left);
	}
}

/* `noscreen`: once the output has been quiet for 300 ms, want is absent. */
static int do_noscreen(struct drive *d, const char *want, int lineno)
{
	long quiet_until = now_ms() + 300, deadline = now_ms() + d->timeout_ms;
	while (now_ms() < quiet_until && now_ms() < deadline) {
		size_t before = d->len;
		pump(d, 50);
		if (d->len != before)
			quiet_until = now_ms() + 300;
	}
	char *shot = vterm_dump(&d->vt, false);
	int r = strstr(shot, want) != NULL;
	if (r)
		fprintf(stderr, "ptydrive: line %d: screen shows \"%s\"\n"
			"---- screen ----\n%s\n----------------\n", lineno, want, shot);
	free(shot);
	return r;
}

/* `resize ROWS COLS`: the kernel sends SIGWINCH to the foreground group. */
static int do_resize(struct drive *d, const char *arg)
{
	int rows = 0, cols = 0;
	if (sscanf(arg, "%d %d", &rows, &cols) != 2 || rows < 2 || cols < 2)
		return 2;
	struct winsize ws = { .ws_row = (unsigned short)rows,
			      .ws_col = (unsigned short)cols };
	vterm_resize(&d->vt, rows, cols);
	if (ioctl(d->master, TIOCSWINSZ, &ws) < 0)
		return 2;
	pump(d, 20);
	return 0;
}

static int do_wait(struct drive *d, int lineno)
{
	long deadline = now_ms() + d->timeout_ms;
	while (!d->exited && now_ms() < deadline)
		pump(d, 100);
	if (!d->exited) {
		fprintf(stderr, "ptydrive: line %d: program did not exit\n", lineno);
		return 1;
	}
	return 0;
}

static int run_script(struct drive *d, FILE *script)
{
	char line[4096], text[4096];
	int lineno = 0;
	while (fgets(line, sizeof line, script)) {
		lineno++;
		line[strcspn(line, "\n")] = '\0';
		size_t n;
		if (line[0] == '#' || line[0] == '\0')
			continue;
		if (strncmp(line, "send ", 5) == 0) {
			unescape(line + 5, text, &n);
			if (write(d->master, text, n) != (ssize_t)n)
				return 2;
			pump(d, 20);
		} else if (strncmp(line, "expect ", 7) == 0) {
			unescape(line + 7, text, &n);
			if (do_expect(d, text, lineno))
				return 1;
		} else if (strncmp(line, "screen ", 7) == 0 ||
			   strncmp(line, "dim ", 4) == 0) {
			bool only_dim = line[0] == 'd';
			unescape(line + (only_dim ? 4 : 7), text, &n);
			if (do_screen(d, text, only_dim, lineno))
				return 1;
		} else if (strncmp(line, "noscreen ", 9) == 0) {
			unescape(line + 9, text, &n);
			if (do_noscreen(d, text, lineno))
				return 1;
		} else if (strncmp(line, "resize ", 7) == 0) {
			if (do_resize(d, line + 7))
				return 2;
		} else if (strncmp(line, "sleep ", 6) == 0) {
			long end = now_ms() + atol(line + 6);
			while (now_ms() < end)
				pump(d, (int)(end - now_ms()));
		} else if (strcmp(line, "wait") == 0) {
			if (do_wait(d, lineno))
				return 1;
		} else {
			fprintf(stderr, "ptydrive: line %d: unknown command\n", lineno);
			return 2;
		}
	}
	return 0;
}

/* The child: a new session on the pty's slave side, then exec. */
static void start_child(const char *slave, char **argv)
{
	setsid();
	int fd = open(slave, O_RDWR);	/* becomes the controlling tty */
	if (fd < 0)
		_exit(126);
	struct winsize ws = { .ws_row = 24, .ws_col = 80 };
	ioctl(fd, TIOCSWINSZ, &ws);
	dup2(fd, 0);
	dup2(fd, 1);
	dup2(fd, 2);
	/* Nothing else of ours (the script, the master) nor of whoever ran
	   us: the program starts with 0, 1 and 2 only, as from a terminal
	   emulator, so a test can check which fds its children see. */
	long maxfd = sysconf(_SC_OPEN_MAX);
	for (long i = 3; i < (maxfd > 0 && maxfd < 65536 ? maxfd : 1024); i++)
		close((int)i);
	signal(SIGPIPE, SIG_DFL);
	execvp(argv[0], argv);
	_exit(127);
}

int main(int argc, char **argv)
{
	struct drive d = { .timeout_ms = 5000 };
	vterm_init(&d.vt, 24, 80);
	int i = 1;
	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (strcmp(argv[i], "-t") == 0 && i + 1 < argc)
			d.timeout_ms = atoi(argv[++i]) * 1000;
		else if (strcmp(argv[i], "-v") == 0)
			d.verbose = true;
		else
			break;
	}
	if (argc - i < 3 || strcmp(argv[i + 1], "--") != 0) {
		fprintf(stderr, "usage: ptydrive [-t SECONDS] [-v] SCRIPT -- PROGRAM [ARG...]\n");
		return 2;
	}
	FILE *script = strcmp(argv[i], "-") == 0 ? stdin : fopen(argv[i], "r");
	if (!script) {
		perror(argv[i]);
		return 2;
	}
	d.master = posix_openpt(O_RDWR | O_NOCTTY);
	if (d.master < 0 || grantpt(d.master) < 0 || unlockpt(d.master) < 0) {
		perror("ptydrive: posix_openpt");
		return 2;
	}
	const char *slave = ptsname(d.master);
	d.pid = fork();
	if (d.pid < 0)
		return 2;
	if (d.pid == 0)
		start_child(slave, argv + i + 2);
	int st = run_script(&d, script);
	/* Whatever is left of the session goes: the program's process group
	   (it is a session leader, so its pgid is its pid) and its jobs'. */
	kill(-d.pid, SIGKILL);
	kill(d.pid, SIGKILL);
	waitpid(d.pid, NULL, 0);
	free(d.seen);
	vterm_free(&d.vt);
	return st;
}
