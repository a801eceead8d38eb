/* signames.c: signal names and numbers (see signames.h). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "base/signames.h"

#include <ctype.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct signame {
	const char *name;
	int signo;
};

/* The names POSIX and Linux define, in number order on Linux. */
static const struct signame names[] = {
	{ "HUP", SIGHUP }, { "INT", SIGINT }, { "QUIT", SIGQUIT },
	{ "ILL", SIGILL }, { "TRAP", SIGTRAP }, { "ABRT", SIGABRT },
	{ "BUS", SIGBUS }, { "FPE", SIGFPE }, { "KILL", SIGKILL },
	{ "USR1", SIGUSR1 }, { "SEGV", SIGSEGV }, { "USR2", SIGUSR2 },
	{ "PIPE", SIGPIPE }, { "ALRM", SIGALRM }, { "TERM", SIGTERM },
#ifdef SIGSTKFLT
	{ "STKFLT", SIGSTKFLT },
#endif
	{ "CHLD", SIGCHLD }, { "CONT", SIGCONT }, { "STOP", SIGSTOP },
	{ "TSTP", SIGTSTP }, { "TTIN", SIGTTIN }, { "TTOU", SIGTTOU },
	{ "URG", SIGURG }, { "XCPU", SIGXCPU }, { "XFSZ", SIGXFSZ },
	{ "VTALRM", SIGVTALRM }, { "PROF", SIGPROF },
#ifdef SIGWINCH
	{ "WINCH", SIGWINCH },
#endif
#ifdef SIGIO
	{ "IO", SIGIO },
#endif
#ifdef SIGPWR
	{ "PWR", SIGPWR },
#endif
	{ "SYS", SIGSYS },
};

#define NNAMES (sizeof names / sizeof names[0])

int sig_max(void)
{
#ifdef SIGRTMAX
	return SIGRTMAX;
#else
	return 31;
#endif
}

const char *sig_name(int signo, char buf[16])
{
	for (size_t i = 0; i < NNAMES; i++)
		if (names[i].signo == signo)
			return names[i].name;
#ifdef SIGRTMIN
	if (signo >= SIGRTMIN && signo <= SIGRTMAX) {
		if (signo == SIGRTMIN)
			return "RTMIN";
		if (signo == SIGRTMAX)
			return "RTMAX";
		snprintf(buf, 16, "RTMIN+%d", signo - SIGRTMIN);
		return buf;
	}
#endif
	return NULL;
}

/* "RTMIN+3" / "RTMAX-2" -> number, or -1. */
static int parse_rt(const char *s)
{
#ifdef SIGRTMIN
	int base;
	const char *rest;
	if (strncasecmp(s, "RTMIN", 5) == 0)
		base = SIGRTMIN, rest = s + 5;
	else if (strncasecmp(s, "RTMAX", 5) == 0)
		base = SIGRTMAX, rest = s + 5;
	else
		return -1;
	if (!*rest)
		return base;
	if ((*rest != '+' && *rest != '-') || !isdigit((unsigned char)rest[1]))
		return -1;
	char *end;
	long off = strtol(rest + 1, &end, 10);
	if (*end)
		return -1;
	long n = *rest == '+' ? base + off : base - off;
	return n >= SIGRTMIN && n <= SIGRTMAX ? (int)n : -1;
#else
	(void)s;
	return -1;
#endif
}

int sig_parse(const char *s, bool allow_exit)
{
	if (isdigit((unsigned char)*s)) {
		char *end;
		long n = strtol(s, &end, 10);
		if (*end || n > sig_max())
			return -1;
		if (n == 0)
			return allow_exit ? 0 : -1;
		return (int)n;
	}
	if (strncasecmp(s, "SIG", 3) == 0)
		s += 3;
	if (allow_exit && strcasecmp(s, "EXIT") == 0)
		return 0;
	for (size_t i = 0; i < NNAMES; i++)
		if (strcasecmp(names[i].name, s) == 0)
			return names[i].signo;
	return parse_rt(s);
}

const char *sig_describe(int signo)
{
	const char *d = strsignal(signo);
	return d ? d : "Unknown signal";
}
