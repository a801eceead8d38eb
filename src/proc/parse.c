/* parse.c: pure parsers for /proc text formats (stat, key: value, fdinfo, maps, limits). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "proc/proc.h"

#include <ctype.h>
#include <stddef.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"

/* ----------------------------------------------------------------- stat */

/* Fields 3.. of stat, in order (man 5 proc_pid_stat).  Field 3 (state)
   is read separately; these are the numeric ones, 1-based field numbers. */
enum { F_PPID = 4, F_PGRP, F_SESSION, F_TTY, F_TPGID, F_FLAGS, F_MINFLT,
       F_CMINFLT, F_MAJFLT, F_CMAJFLT, F_UTIME, F_STIME, F_CUTIME, F_CSTIME,
       F_PRIO, F_NICE, F_THREADS, F_START = 22, F_VSIZE, F_RSS,
       F_PROCESSOR = 39, F_RTPRIO, F_POLICY, F_EXIT_CODE = 52,
       /* every kernel since 2.6 has up to F_RSS; later fields arrived
          over the years (exit_code in 3.5) and are optional */
       F_REQUIRED = F_RSS, F_LAST = F_EXIT_CODE };

static void stat_store(struct proc_stat *st, int field, long long v)
{
	switch (field) {
	case F_PPID: st->ppid = (pid_t)v; break;
	case F_PGRP: st->pgrp = (pid_t)v; break;
	case F_SESSION: st->session = (pid_t)v; break;
	case F_TTY: st->tty_nr = (int)v; break;
	case F_TPGID: st->tpgid = (pid_t)v; break;
	case F_FLAGS: st->flags = (unsigned long)v; break;
	case F_MINFLT: st->minflt = (unsigned long long)v; break;
	case F_CMINFLT: st->cminflt = (unsigned long long)v; break;
	case F_MAJFLT: st->majflt = (unsigned long long)v; break;
	case F_CMAJFLT: st->cmajflt = (unsigned long long)v; break;
	case F_PROCESSOR: st->processor = (int)v; break;
	case F_RTPRIO: st->rt_priority = (unsigned)v; break;
	case F_POLICY: st->policy = (unsigned)v; break;
	case F_EXIT_CODE: st->exit_code = (int)v; st->has_exit_code = true;
		break;
	case F_UTIME: st->utime = (unsigned long long)v; break;
	case F_STIME: st->stime = (unsigned long long)v; break;
	case F_CUTIME: st->cutime = v; break;
	case F_CSTIME: st->cstime = v; break;
	case F_PRIO: st->priority = (long)v; break;
	case F_NICE: st->nice = (long)v; break;
	case F_THREADS: st->num_threads = (long)v; break;
	case F_START: st->starttime = (unsigned long long)v; break;
	case F_VSIZE: st->vsize = (unsigned long long)v; break;
	case F_RSS: st->rss = v; break;
	default: break;
	}
}

int proc_parse_stat(const char *text, struct proc_stat *st)
{
	memset(st, 0, sizeof *st);
	/* comm is whatever the program put in prctl(PR_SET_NAME) or its
	   argv[0] basename: "a) (b" is legal.  The kernel prints it raw in
	   parentheses, so only the LAST ')' reliably ends it. */
	const char *open = strchr(text, '(');
	const char *close = strrchr(text, ')');
	if (!open || !close || close < open)
		return EINVAL;
	st->pid = (pid_t)strtol(text, NULL, 10);
	size_t n = (size_t)(close - open - 1);
	if (n >= sizeof st->comm)
		n = sizeof st->comm - 1;
	memcpy(st->comm, open + 1, n);
	st->comm[n] = '\0';
	const char *s = close + 1;
	while (*s == ' ')
		s++;
	if (!*s)
		return EINVAL;
	st->state = *s++;
	for (int field = 4; field <= F_LAST; field++) {
		char *end;
		/* strtoull: unsigned fields (rsslim, addresses) may exceed
		   LLONG_MAX; it also reads "-1", as the two's complement */
		long long v = (long long)strtoull(s, &end, 10);
		if (end == s)
			return field > F_REQUIRED ? 0 : EINVAL;
		stat_store(st, field, v);
		s = end;
	}
	return 0;
}

/* tty_nr is a dev_t squeezed into an int: major in bits 8-19, minor in
   bits 0-7 plus 20-31 (the kernel's new_encode_dev). */
const char *proc_tty_name(int tty_nr, char buf[32])
{
	unsigned v = (unsigned)tty_nr;
	unsigned major = (v >> 8) & 0xfff;
	unsigned minor = (v & 0xff) | ((v >> 12) & 0xfff00);
	if (v == 0)
		return "?";
	if (major >= 136 && major <= 143)	/* Unix98 pseudo-terminals */
		snprintf(buf, 32, "pts/%u", minor + (major - 136) * 256);
	else if (major == 4 && minor < 64)	/* virtual consoles */
		snprintf(buf, 32, "tty%u", minor);
	else if (major == 4)			/* serial ports */
		snprintf(buf, 32, "ttyS%u", minor - 64);
	else if (major == 5 && minor == 0)
		snprintf(buf, 32, "tty");
	else
		snprintf(buf, 32, "%u:%u", major, minor);
	return buf;
}

const char *proc_state_meaning(char state)
{
	switch (state) {
	case 'R': return "running";
	case 'S': return "sleeping";
	case 'D': return "disk sleep";
	case 'T': return "stopped";
	case 't': return "tracing stop";
	case 'Z': return "zombie";
	case 'X': return "dead";
	case 'I': return "idle";
	case 'P': return "parked";
	case 'W': return "waking";
	case 'K': return "wakekill";
	default: return "unknown";
	}
}

/* -------------------------------------------------------- key: value */

static void kv_add(struct proc_kv *kv, const char *k, size_t klen,
		   const char *v, size_t vlen)
{
	kv->keys = xreallocarray(kv->keys, kv->n + 1, sizeof *kv->keys);
	kv->values = xreallocarray(kv->values, kv->n + 1, sizeof *kv->values);
	kv->keys[kv->n] = xstrndup(k, klen);
	kv->values[kv->n] = xstrndup(v, vlen);
	kv->n++;
}

int proc_parse_kv(const char *text, struct proc_kv *kv)
{
	kv->n = 0;
	kv->keys = kv->values = NULL;
	const char *line = text;
	while (*line) {
		const char *eol = strchr(line, '\n');
		if (!eol)
			eol = line + strlen(line);
		const char *colon = memchr(line, ':', (size_t)(eol - line));
		if (colon && colon > line) {
			const char *v = colon + 1;
			while (v < eol && (*v == ' ' || *v == '\t'))
				v++;
			const char *ve = eol;
			while (ve > v && (ve[-1] == ' ' || ve[-1] == '\t'))
				ve--;
			kv_add(kv, line, (size_t)(colon - line), v,
			       (size_t)(ve - v));
		}
		line = *eol ? eol + 1 : eol;
	}
	return 0;
}

void proc_kv_free(struct proc_kv *kv)
{
	for (size_t i = 0; i < kv->n; i++) {
		free(kv->keys[i]);
		free(kv->values[i]);
	}
	free(kv->keys);
	free(kv->values);
	kv->keys = kv->values = NULL;
	kv->n = 0;
}

const char *proc_kv_get(const struct proc_kv *kv, const char *key)
{
	for (size_t i = 0; i < kv->n; i++)
		if (strcmp(kv->keys[i], key) == 0)
			return kv->values[i];
	return NULL;
}

bool proc_kv_num(const struct proc_kv *kv, const char *key, long long *out)
{
	const char *v = proc_kv_get(kv, key);
	char *end;
	if (!v)
		return false;
	long long n = strtoll(v, &end, 10);
	if (end == v)
		return false;
	*out = n;
	return true;
}

bool proc_kv_hex(const struct proc_kv *kv, const char *key, uint64_t *out)
{
	const char *v = proc_kv_get(kv, key);
	char *end;
	if (!v)
		return false;
	uint64_t n = strtoull(v, &end, 16);
	if (end == v)
		return false;
	*out = n;
	return true;
}

/* fdinfo/N: "pos:\t0\nflags:\t0100002\nmnt_id:\t..."; flags are octal. */
int proc_parse_fdinfo(const char *text, long long *pos, unsigned *flags)
{
	struct proc_kv kv;
	proc_parse_kv(text, &kv);
	const char *p = proc_kv_get(&kv, "pos");
	const char *f = proc_kv_get(&kv, "flags");
	int e = (p && f) ? 0 : EINVAL;
	if (!e) {
		*pos = strtoll(p, NULL, 10);
		*flags = (unsigned)strtoul(f, NULL, 8);
	}
	proc_kv_free(&kv);
	return e;
}

unsigned long long proc_link_inode(const char *target, const char *kind)
{
	size_t k = strlen(kind);
	if (!target || strncmp(target, kind, k) != 0 || target[k] != ':' ||
	    target[k + 1] != '[')
		return 0;
	return strtoull(target + k + 2, NULL, 10);
}

/* ---------------------------------------------------------------- maps */

/* "55d0c0a00000-55d0c0a21000 r-xp 00002000 fd:01 1311 /usr/bin/dash" */
int proc_parse_map_line(const char *line, struct proc_map *m)
{
	int used = 0;
	memset(m, 0, sizeof *m);
	if (sscanf(line, "%llx-%llx %4s %llx %15s %llu %n", &m->start, &m->end,
		   m->perms, &m->offset, m->dev, &m->inode, &used) < 6)
		return EINVAL;
	const char *path = line + used;
	while (*path == ' ')
		path++;
	size_t n = strcspn(path, "\n");
	m->path = xstrndup(path, n);
	return 0;
}

/* One "Key:   N kB" line of smaps into the mapping it follows. */
static void smaps_value(struct proc_map *m, const char *line)
{
	static const struct { const char *key; size_t off; } keys[] = {
		{ "Rss:", offsetof(struct proc_map, rss_kb) },
		{ "Pss:", offsetof(struct proc_map, pss_kb) },
		{ "Shared_Clean:", offsetof(struct proc_map, shared_clean_kb) },
		{ "Shared_Dirty:", offsetof(struct proc_map, shared_dirty_kb) },
		{ "Private_Clean:", offsetof(struct proc_map, private_clean_kb) },
		{ "Private_Dirty:", offsetof(struct proc_map, private_dirty_kb) },
		{ "Swap:", offsetof(struct proc_map, swap_kb) },
	};
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		size_t k = strlen(keys[i].key);
		if (strncmp(line, keys[i].key, k) == 0) {
			long long *v = (long long *)((char *)m + keys[i].off);
			*v = strtoll(line + k, NULL, 10);
			m->has_usage = true;
			return;
		}
	}
}

int proc_parse_smaps(const char *text, struct proc_map **maps, size_t *n)
{
	*maps = NULL;
	*n = 0;
	for (const char *line = text; *line;) {
		const char *eol = strchr(line, '\n');
		size_t len = eol ? (size_t)(eol - line) : strlen(line);
		char *one = xstrndup(line, len);
		struct proc_map m;
		/* A mapping line starts with a hex address range; the key
		   lines ("Rss:", "VmFlags:") never parse as one. */
		if (proc_parse_map_line(one, &m) == 0) {
			*maps = xreallocarray(*maps, *n + 1, sizeof **maps);
			(*maps)[(*n)++] = m;
		} else if (*n > 0) {
			smaps_value(&(*maps)[*n - 1], one);
		}
		free(one);
		line += len + (eol != NULL);
	}
	return 0;
}

/* ------------------------------------------------------------ columns */

/* Split line at blanks into at most max words (in place). */
static size_t split_words(char *line, char **w, size_t max)
{
	size_t n = 0;
	char *save = NULL;
	for (char *t = strtok_r(line, " \t", &save); t && n < max;
	     t = strtok_r(NULL, " \t", &save))
		w[n++] = t;
	return n;
}

int proc_parse_columns(const char *text, struct proc_kv **rows, size_t *n)
{
	enum { MAXCOL = 32 };
	char *copy = xstrdup(text), *names[MAXCOL], *vals[MAXCOL];
	char *line = copy, *next;
	size_t ncol = 0;
	*rows = NULL;
	*n = 0;
	for (; line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		if (ncol == 0) {
			ncol = split_words(line, names, MAXCOL);
			continue;
		}
		size_t nv = split_words(line, vals, MAXCOL);
		if (nv == 0)
			continue;
		*rows = xreallocarray(*rows, *n + 1, sizeof **rows);
		struct proc_kv *kv = &(*rows)[(*n)++];
		kv->n = 0;
		kv->keys = kv->values = NULL;
		for (size_t i = 0; i < nv && i < ncol; i++)
			kv_add(kv, names[i], strlen(names[i]), vals[i],
			       strlen(vals[i]));
	}
	free(copy);
	return ncol ? 0 : EINVAL;
}

void proc_columns_free(struct proc_kv *rows, size_t n)
{
	for (size_t i = 0; i < n; i++)
		proc_kv_free(&rows[i]);
	free(rows);
}

/* -------------------------------------------------------------- limits */

static bool limit_value(const char *tok, long long *v)
{
	char *end;
	if (strcmp(tok, "unlimited") == 0) {
		*v = -1;
		return true;
	}
	*v = strtoll(tok, &end, 10);
	return end != tok && *end == '\0';
}

/* One line: "Max open files            1024    4096    files".  No limit
   name holds a digit or the word "unlimited", so the name ends at the
   first token that is a value; units are optional ("Max nice priority"). */
static bool parse_limit_line(char *line, struct proc_limit *l)
{
	char *tok[16];
	int nt = 0;
	char *save = NULL;
	for (char *t = strtok_r(line, " \t", &save); t && nt < 16;
	     t = strtok_r(NULL, " \t", &save))
		tok[nt++] = t;
	int i = 0;
	long long v;
	while (i < nt && !limit_value(tok[i], &v))
		i++;
	if (i == 0 || i + 1 >= nt || !limit_value(tok[i], &l->soft) ||
	    !limit_value(tok[i + 1], &l->hard))
		return false;
	l->name[0] = '\0';
	for (int j = 0; j < i; j++) {
		size_t len = strlen(l->name);
		snprintf(l->name + len, sizeof l->name - len, "%s%s",
			 j ? " " : "", tok[j]);
	}
	snprintf(l->units, sizeof l->units, "%s", i + 2 < nt ? tok[i + 2] : "");
	return true;
}

int proc_parse_limits(const char *text, struct proc_limit **lims, size_t *n)
{
	char *copy = xstrdup(text);
	char *save = NULL;
	*lims = NULL;
	*n = 0;
	for (char *line = copy; line; line = save) {
		save = strchr(line, '\n');
		if (save)
			*save++ = '\0';
		struct proc_limit l;
		if (strncmp(line, "Limit ", 6) == 0 || !parse_limit_line(line, &l))
			continue;
		*lims = xreallocarray(*lims, *n + 1, sizeof **lims);
		(*lims)[(*n)++] = l;
	}
	free(copy);
	return *n ? 0 : EINVAL;
}
