/* timing.c: the `time` reserved word (bash, ksh) — a pipeline's real, user and system time, reported as TIMEFORMAT says. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "base/strbuf.h"
#include "exec/exec_int.h"
#include "exec/shell.h"

/*
 * `time pipeline` runs the pipeline as usual and then writes to standard
 * error how long it took (real, wall-clock time) and how much processor
 * time the shell and its children used meanwhile (user and system, from
 * getrusage of the shell itself and of its waited-for children: a
 * pipeline's stages are children the shell waits for, so their times are
 * in RUSAGE_CHILDREN once the pipeline is over).
 *
 * The report is TIMEFORMAT's value with these directives (bash's):
 *   %[p][l]R   real time, %[p][l]U user time, %[p][l]S system time, in
 *              seconds with p (0-3, default 3) decimals; with l as
 *              "MmS.FFFs";
 *   %P         (user + system) / real, as a percentage;
 *   %%         a '%'.
 * An unset TIMEFORMAT means "\nreal\t%3lR\nuser\t%3lU\nsys\t%3lS"; an
 * empty one prints nothing.  `time -p` uses XCU time's format, "real %f"
 * with two decimals, whatever TIMEFORMAT holds.
 */

#define DEFAULT_TIMEFORMAT "\nreal\t%3lR\nuser\t%3lU\nsys\t%3lS"
#define POSIX_TIMEFORMAT "real %2R\nuser %2U\nsys %2S"

struct times {
	double real, user, sys;
};

static double seconds(struct timeval tv)
{
	return (double)tv.tv_sec + (double)tv.tv_usec / 1e6;
}

static void times_now(struct times *t)
{
	struct timespec ts;
	struct rusage self, kids;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	getrusage(RUSAGE_SELF, &self);
	getrusage(RUSAGE_CHILDREN, &kids);
	t->real = (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
	t->user = seconds(self.ru_utime) + seconds(kids.ru_utime);
	t->sys = seconds(self.ru_stime) + seconds(kids.ru_stime);
}

/* One %[p][l]X value: v seconds with prec decimals, perhaps as MmS.FFs. */
static void put_seconds(struct strbuf *out, double v, int prec, bool lng)
{
	if (v < 0)
		v = 0;
	if (!lng) {
		sb_printf(out, "%.*f", prec, v);
		return;
	}
	long minutes = (long)(v / 60);
	sb_printf(out, "%ldm%.*fs", minutes, prec, v - (double)minutes * 60);
}

/* The directive after '%' at *fp; unknown ones are written as they are. */
static void put_directive(struct strbuf *out, const char **fp,
			  const struct times *d)
{
	const char *f = *fp;
	int prec = 3;
	bool lng = false;
	if (*f >= '0' && *f <= '9') {
		prec = *f - '0' > 3 ? 3 : *f - '0';
		f++;
	}
	if (*f == 'l') {
		lng = true;
		f++;
	}
	switch (*f) {
	case 'R': put_seconds(out, d->real, prec, lng); break;
	case 'U': put_seconds(out, d->user, prec, lng); break;
	case 'S': put_seconds(out, d->sys, prec, lng); break;
	case 'P':
		sb_printf(out, "%.2f", d->real > 0
			  ? (d->user + d->sys) * 100 / d->real : 0.0);
		break;
	case '%': sb_putc(out, '%'); break;
	default:	/* not a directive: the text stays as written */
		sb_putc(out, '%');
		return;
	}
	*fp = f + 1;
}

static void report(struct shell *sh, const struct times *d, bool posix)
{
	const char *fmt = posix ? POSIX_TIMEFORMAT : var_get(sh, "TIMEFORMAT");
	if (!fmt)
		fmt = DEFAULT_TIMEFORMAT;
	if (!*fmt)
		return;
	struct strbuf out = STRBUF_INIT;
	for (const char *f = fmt; *f;) {
		if (*f == '%' && f[1]) {
			f++;
			put_directive(&out, &f, d);
		} else {
			sb_putc(&out, *f++);
		}
	}
	sb_putc(&out, '\n');
	fflush(stdout);
	fwrite(sb_str(&out), 1, out.len, stderr);
	fflush(stderr);
	sb_free(&out);
}

int eval_timed(struct shell *sh, struct ast_node *n, int flags)
{
	struct times before, after;
	times_now(&before);
	int status = n->pipeline.cmds.len ? eval_pipeline(sh, n, flags) : 0;
	times_now(&after);
	struct times d = { after.real - before.real, after.user - before.user,
			   after.sys - before.sys };
	report(sh, &d, n->pipeline.time_posix);
	return status;
}
