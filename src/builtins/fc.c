/* fc.c: the fc (XCU fc) and history builtins — list, edit and re-run commands from the history list. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/fdutil.h"
#include "base/strbuf.h"
#include "builtins/builtins.h"
#include "exec/hist_iface.h"
#include "builtins/opts.h"
#include "exec/shell.h"

/*
 * fc [-r] [-e editor] [first [last]]     edit, then run
 * fc -l [-nr] [first [last]]             list
 * fc -s [old=new] [first]                run again, with a substitution
 *
 * first/last (XCU fc OPERANDS): a positive number is an entry's number; a
 * negative one counts back from the current command (-1 is the previous
 * one); anything else names the most recent entry starting with it.
 */

struct fc_opts {
	bool list, numbers, reverse, rerun;
	const char *editor;
};

static const struct shell_history *history_or_error(struct shell *sh)
{
	if (!sh->history)
		builtin_error(sh, "no command history (not an interactive shell)");
	return sh->history;
}

/* Resolve one operand to an entry number; 0 when nothing matches.  cur is
   the number of the current command (the fc itself, or one past the end). */
static unsigned long resolve(const struct shell_history *h, const char *arg,
			     unsigned long cur)
{
	unsigned long first = h->first(h->ctx), last = h->last(h->ctx);
	if (last < first)
		return 0;
	char *end;
	errno = 0;
	long n = strtol(arg, &end, 10);
	if (*arg && !*end && !errno) {
		if (n < 0)
			n = (long)cur + n;
		if (n < (long)first)
			return first;	/* clamp, as ksh and bash do */
		if (n > (long)last || n == 0)
			return last;
		return (unsigned long)n;
	}
	/* a prefix is looked for before the current command (fc itself) */
	unsigned long from = cur - 1 < last ? cur - 1 : last;
	for (unsigned long i = from; i >= first && i > 0; i--) {
		const char *e = h->get(h->ctx, i);
		if (e && strncmp(e, arg, strlen(arg)) == 0)
			return i;
	}
	return 0;
}

static int parse_opts(struct shell *sh, int argc, char **argv, struct fc_opts *o,
		      int *ind)
{
	struct bopt b;
	int c;
	/* BOPT_NUMBERS: "-5" is an operand (the fifth command back). */
	bopt_init(&b, argc, argv, "e:lnrs", BOPT_NUMBERS);
	while ((c = bopt_next(sh, &b)) != 0) {
		switch (c) {
		case 'l': o->list = true; break;
		case 'n': o->numbers = false; break;
		case 'r': o->reverse = true; break;
		case 's': o->rerun = true; break;
		case 'e': o->editor = b.arg; break;
		default: return -1;
		}
	}
	*ind = b.ind;
	return 0;
}

static int fc_list(struct shell *sh, const struct shell_history *h,
		   const struct fc_opts *o, int argc, char **argv)
{
	/* XCU fc: with -l, first defaults to -16 and last to -1.  The fc -l
	   being run is the newest entry, so -1 is the command before it. */
	const char *a = argc > 0 ? argv[0] : "-16";
	const char *b = argc > 1 ? argv[1] : "-1";
	unsigned long cur = h->last(h->ctx);
	unsigned long from = resolve(h, a, cur), to = resolve(h, b, cur);
	if (!from || !to) {
		builtin_error(sh, "history specification out of range");
		return 1;
	}
	bool rev = o->reverse != (from > to);
	unsigned long lo = from < to ? from : to, hi = from < to ? to : from;
	for (unsigned long k = 0; k <= hi - lo; k++) {
		unsigned long n = rev ? hi - k : lo + k;
		const char *e = h->get(h->ctx, n);
		if (!e)
			continue;
		if (o->numbers)
			printf("%lu", n);
		/* continuation lines of a multi-line entry are indented too */
		putchar('\t');
		for (const char *p = e; *p; p++) {
			putchar(*p);
			if (*p == '\n')
				putchar('\t');
		}
		putchar('\n');
	}
	return 0;
}

/* Run text as the re-entered command: into history, echoed, executed. */
static int rerun(struct shell *sh, const struct shell_history *h, const char *text)
{
	h->add(h->ctx, text);
	printf("%s\n", text);
	fflush(stdout);
	return shell_run_string(sh, "fc", text);
}

/* fc -s [old=new] [first] */
static int fc_rerun(struct shell *sh, const struct shell_history *h,
		    int argc, char **argv)
{
	const char *subst = NULL;
	if (argc > 0 && strchr(argv[0], '=')) {
		subst = argv[0];
		argc--;
		argv++;
	}
	h->remove_last(h->ctx);	/* fc itself does not stay in history */
	unsigned long cur = h->last(h->ctx) + 1;
	unsigned long n = resolve(h, argc > 0 ? argv[0] : "-1", cur);
	const char *e = n ? h->get(h->ctx, n) : NULL;
	if (!e) {
		builtin_error(sh, "no command found");
		return 1;
	}
	struct strbuf sb = STRBUF_INIT;
	const char *eq = subst ? strchr(subst, '=') : NULL;
	const char *hit = NULL;
	if (eq) {
		char *old = xstrndup(subst, (size_t)(eq - subst));
		hit = *old ? strstr(e, old) : NULL;
		if (hit) {	/* XCU fc: the first occurrence only */
			sb_appendn(&sb, e, (size_t)(hit - e));
			sb_append(&sb, eq + 1);
			sb_append(&sb, hit + strlen(old));
		}
		free(old);
	}
	if (!hit)
		sb_append(&sb, e);
	char *text = sb_finish(&sb);
	int st = rerun(sh, h, text);
	free(text);
	return st;
}

/* Write the entries first..last to a fresh temporary file; its name in *path. */
static int write_temp(const struct shell_history *h, unsigned long from,
		      unsigned long to, bool rev, char **path)
{
	const char *dir = getenv("TMPDIR");
	struct strbuf name = STRBUF_INIT;
	sb_printf(&name, "%s/whelk-fc-XXXXXX", dir && *dir ? dir : "/tmp");
	char *tmpl = sb_finish(&name);
	int fd = mkstemp(tmpl);
	if (fd < 0) {
		free(tmpl);
		return -1;
	}
	struct strbuf sb = STRBUF_INIT;
	unsigned long lo = from < to ? from : to, hi = from < to ? to : from;
	for (unsigned long k = 0; k <= hi - lo; k++) {
		const char *e = h->get(h->ctx, rev ? hi - k : lo + k);
		if (e)
			sb_printf(&sb, "%s\n", e);
	}
	int r = fd_write_all(fd, sb.data ? sb.data : "", sb.len);
	sb_free(&sb);
	close(fd);
	*path = tmpl;
	return r;
}

/*
 * fc [-r] [-e editor] [first [last]]: the editor is -e, else $FCEDIT,
 * else ed (XCU fc).  It runs as a shell command on the temporary file; a
 * failing editor means nothing is run (XCU fc).
 */
static int fc_edit(struct shell *sh, const struct shell_history *h,
		   const struct fc_opts *o, int argc, char **argv)
{
	h->remove_last(h->ctx);
	unsigned long cur = h->last(h->ctx) + 1;
	unsigned long from = resolve(h, argc > 0 ? argv[0] : "-1", cur);
	unsigned long to = argc > 1 ? resolve(h, argv[1], cur) : from;
	if (!from || !to) {
		builtin_error(sh, "history specification out of range");
		return 1;
	}
	const char *ed = o->editor;
	if (!ed || !*ed)
		ed = var_get(sh, "FCEDIT");
	if (!ed || !*ed)
		ed = "ed";
	char *path = NULL;
	if (write_temp(h, from, to, o->reverse, &path) < 0) {
		builtin_error(sh, "cannot create a temporary file: %s", strerror(errno));
		free(path);
		return 1;
	}
	struct strbuf cmd = STRBUF_INIT;
	sb_printf(&cmd, "%s %s", ed, path);
	int st = shell_run_string(sh, "fc", sb_str(&cmd));
	sb_free(&cmd);
	char *text = st == 0 ? fd_read_file(path) : NULL;
	unlink(path);
	free(path);
	if (!text)
		return st ? st : 1;
	size_t len = strlen(text);
	while (len > 0 && text[len - 1] == '\n')
		text[--len] = '\0';
	st = len ? rerun(sh, h, text) : 0;
	free(text);
	return st;
}

int builtin_fc(struct shell *sh, int argc, char **argv)
{
	struct fc_opts o = { .numbers = true };
	int i;
	if (parse_opts(sh, argc, argv, &o, &i) < 0)
		return 2;
	if (argc - i > 2)
		return bopt_too_many(sh);
	const struct shell_history *h = history_or_error(sh);
	if (!h)
		return 1;
	if (o.list)
		return fc_list(sh, h, &o, argc - i, argv + i);
	if (o.rerun)
		return fc_rerun(sh, h, argc - i, argv + i);
	return fc_edit(sh, h, &o, argc - i, argv + i);
}

/* One number of history -d: N or -N; false when s does not start with one. */
static bool parse_pos(const char **s, long *v)
{
	const char *p = *s;
	bool neg = *p == '-';
	if (neg)
		p++;
	if (*p < '0' || *p > '9')
		return false;
	long n = 0;
	for (; *p >= '0' && *p <= '9'; p++)
		n = n < 100000000 ? n * 10 + (*p - '0') : n;
	*v = neg ? -n : n;
	*s = p;
	return true;
}

/* A held entry's number for v (-1 is the newest: the history -d itself,
   as bash 5); 0 when out of range. */
static unsigned long position(const struct shell_history *h, long v)
{
	long first = (long)h->first(h->ctx), last = (long)h->last(h->ctx);
	long n = v < 0 ? last + 1 + v : v;
	return n >= first && n <= last && n > 0 ? (unsigned long)n : 0;
}

/* history -d N, -d -N, -d N-M (either end may be negative). */
static int history_delete(struct shell *sh, const struct shell_history *h,
			  const char *arg)
{
	const char *p = arg;
	long a = 0, b;
	bool ok = parse_pos(&p, &a);
	b = a;
	if (ok && *p == '-') {
		p++;
		ok = parse_pos(&p, &b);
	}
	if (!ok || *p) {
		builtin_error(sh, "%s: not a history position (N, -N or N-M)", arg);
		return 1;
	}
	unsigned long from = position(h, a), to = position(h, b);
	if (!from || !to || from > to) {
		builtin_error(sh, "%s: history position out of range", arg);
		return 1;
	}
	h->remove(h->ctx, from, to);
	return 0;
}

/* history -a|-r|-w [file]: the file defaults to $HISTFILE. */
static int history_file(struct shell *sh, const struct shell_history *h,
			char op, const char *file)
{
	char *name = file ? xstrdup(file) : h->file_name(h->ctx);
	if (!name) {
		builtin_error(sh, "no history file (HISTFILE is empty)");
		return 1;
	}
	int st = 0;
	if (h->file_op(h->ctx, op, name) < 0) {
		builtin_error(sh, "%s: %s", name, strerror(errno));
		st = 1;
	}
	free(name);
	return st;
}

/* history [n]: the whole list, or its last n entries (n >= 0), numbered. */
static int history_list(const struct shell_history *h, long n)
{
	unsigned long first = h->first(h->ctx), last = h->last(h->ctx);
	if (n >= 0 && last >= first && (unsigned long)n < last - first + 1)
		first = last - (unsigned long)n + 1;
	for (unsigned long k = first; k <= last && last >= first; k++) {
		const char *e = h->get(h->ctx, k);
		if (e)
			printf("%5lu  %s\n", k, e);
	}
	return 0;
}

/*
 * history [n]                  list, numbered (the last n entries)
 * history -c                   clear the list (the file is left alone)
 * history -d N | -N | N-M      delete entries, as bash 5
 * history -a | -r | -w [file]  append the entries not yet saved / read
 *                              and append to the list / write the list
 * One of the options at a time; the options are checked before the
 * history (a script gets the usage error first).
 */
int builtin_history(struct shell *sh, int argc, char **argv)
{
	struct bopt o;
	bopt_init(&o, argc, argv, "acd:rw", 0);
	int op = 0, c;
	const char *del = NULL;
	while ((c = bopt_next(sh, &o)) != 0) {
		if (c == '?')
			return 2;
		if (op && op != c)
			return bopt_usage(sh);
		op = c;
		if (c == 'd')
			del = o.arg;
	}
	int i = o.ind;
	long n = -1;
	if ((op == 'c' || op == 'd') && i < argc)
		return bopt_too_many(sh);
	if (op && argc - i > 1)
		return bopt_too_many(sh);
	if (!op && bopt_number_operand(sh, argc, argv, i, 0, &n) != 0)
		return 2;
	const struct shell_history *h = history_or_error(sh);
	if (!h)
		return 1;
	switch (op) {
	case 'c':
		h->clear(h->ctx);
		return 0;
	case 'd':
		return history_delete(sh, h, del);
	case 'a': case 'r': case 'w':
		return history_file(sh, h, (char)op, i < argc ? argv[i] : NULL);
	}
	return history_list(h, n);
}
