/* redir.c: redirections (XCU 2.7) — staging files and here-documents, applying plans with undo. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/fdutil.h"
#include "base/strbuf.h"
#include "exec/expand.h"
#include "exec/redir.h"
#include "exec/shell.h"
#include "parser/ast.h"

static int default_fd(enum redir_op op);

/* F_DUPFD answers EINVAL when fd 10 is already beyond RLIMIT_NOFILE
   (`ulimit -n 10`): to the user that is simply "too many open files". */
static const char *high_fd_error(void)
{
	return strerror(errno == EINVAL ? EMFILE : errno);
}

/* ------------------------------------------------------------ the plan */

/* Is fd one that this command redirects (so a staged or saved copy must
   not sit there: applying the plan would overwrite it)? */
static bool plan_targets(const struct redir_plan *p, int fd)
{
	for (size_t i = 0; i < p->n; i++)
		if (p->acts[i].fd == fd)
			return true;
	for (size_t i = 0; p->redirs && i < p->redirs->len; i++) {
		const struct redir *r = p->redirs->items[i];
		if (!r->fd_var && (r->fd >= 0 ? r->fd : default_fd(r->op)) == fd)
			return true;
	}
	return false;
}

/*
 * A close-on-exec copy of fd for the shell's own use, at the lowest free
 * number >= from that the command does not redirect (`exec 11>f 10>g`
 * must not stage f at 10, where the second step would overwrite it).
 * -1 with errno: EMFILE (or EINVAL) when nothing is free, EBADF when fd is
 * closed.
 */
static int dup_avoiding(struct shell *sh, const struct redir_plan *p, int fd,
			int from)
{
	for (;;) {	/* bounded: F_DUPFD fails at the limit */
		int copy = job_dupfd(sh->jobs, fd, from);
		if (copy < 0 || !plan_targets(p, copy))
			return copy;
		job_close(sh->jobs, copy);
		from = copy + 1;
	}
}

/* The copy goes at >= 10 (the user's fds 0-9 stay free), or, when the fd
   limit leaves no number >= 10 (`ulimit -n 8`, the EMFILE exercise), at
   the lowest free fd. */
static int dup_private(struct shell *sh, const struct redir_plan *p, int fd)
{
	int copy = dup_avoiding(sh, p, fd, FD_SHELL_MIN);
	if (copy >= 0 || (errno != EINVAL && errno != EMFILE))
		return copy;
	return dup_avoiding(sh, p, fd, 0);
}

/* Move a freshly opened fd where dup_private puts copies (closing the
   original; on failure fd is left open, errno set). */
static int move_private(struct shell *sh, const struct redir_plan *p, int fd)
{
	int copy = dup_avoiding(sh, p, fd, FD_SHELL_MIN);
	if (copy < 0 && (errno == EINVAL || errno == EMFILE)) {
		if (!plan_targets(p, fd))
			return fd;	/* open() chose the lowest free fd */
		copy = dup_avoiding(sh, p, fd, 0);
	}
	if (copy >= 0)
		job_close(sh->jobs, fd);
	return copy;
}

/* name: what src is, for the trace (copied), or NULL. */
static void plan_add(struct redir_plan *p, int fd, int src, const char *name)
{
	if (p->n == p->cap) {
		p->cap = p->cap ? 2 * p->cap : 4;
		p->acts = xreallocarray(p->acts, p->cap, sizeof *p->acts);
	}
	p->acts[p->n].fd = fd;
	p->acts[p->n].src = src;
	p->acts[p->n].name = NULL;
	if (name) {
		char *copy = xstrdup(name);
		vec_push(&p->names, copy);
		p->acts[p->n].name = copy;
	}
	p->n++;
}

static void plan_opened(struct redir_plan *p, int fd)
{
	if (p->nopened == p->opencap) {
		p->opencap = p->opencap ? 2 * p->opencap : 4;
		p->opened = xreallocarray(p->opened, p->opencap, sizeof(int));
	}
	p->opened[p->nopened++] = fd;
}

/*
 * The staged fds stay open while the command runs, and a function or a
 * compound command may run long and redirect anything: register them (in
 * opened and in the steps that copy them) so that an `exec 11>f` inside
 * moves a staged fd at 11 instead of overwriting it (fd_evict).
 */
static void plan_own(struct redir_plan *p, bool own)
{
	for (size_t i = 0; i < p->nopened; i++) {
		for (size_t j = 0; j < p->n; j++)
			if (p->acts[j].src == p->opened[i])
				(own ? fd_own : fd_disown)(&p->acts[j].src);
		(own ? fd_own : fd_disown)(&p->opened[i]);
	}
}

void redir_plan_free(struct redir_plan *p)
{
	plan_own(p, false);
	for (size_t i = 0; i < p->nopened; i++)
		if (p->jobs)
			job_close(p->jobs, p->opened[i]);
		else
			close(p->opened[i]);
	free(p->acts);
	free(p->opened);
	for (size_t i = 0; i < p->names.len; i++)
		free(p->names.items[i]);
	vec_free(&p->names);
	memset(p, 0, sizeof *p);
}

/*
 * Is fd open *for the user* at this point of the plan?  An earlier step of
 * the same plan may have opened or closed it (`3<f <&3`, `3>&- >&3`);
 * otherwise ask the kernel.  The shell's own fds (>= 10, close-on-exec) do
 * not count: `cat <&10` must not read the script the shell is running.
 */
static bool fd_usable(const struct redir_plan *p, int fd)
{
	for (size_t i = p->n; i-- > 0;)
		if (p->acts[i].fd == fd)
			return p->acts[i].src >= 0;
	for (size_t i = 0; i < p->nopened; i++)
		if (p->opened[i] == fd)
			return false;	/* staged low (see dup_private) */
	int fl = fcntl(fd, F_GETFD);
	if (fl < 0)
		return false;
	return fd < FD_SHELL_MIN || !(fl & FD_CLOEXEC);
}

/* ------------------------------------------------------ opening files */

/*
 * set -C (noclobber, XCU 2.7.2): `>` must not overwrite an existing
 * regular file, but may write to /dev/null or a FIFO.  Race-free: first
 * try to open an existing file without O_CREAT/O_TRUNC and look at what it
 * is; if there is none, create with O_EXCL, which fails if someone created
 * it in between (then look again).
 */
static int open_noclobber(struct shell *sh, const char *path)
{
	for (int tries = 0; tries < 3; tries++) {
		int fd = job_open(sh->jobs, path, O_WRONLY | O_CLOEXEC |
				  O_NOCTTY, 0);
		if (fd >= 0) {
			struct stat st;
			if (fstat(fd, &st) == 0 && !S_ISREG(st.st_mode))
				return fd;
			close(fd);
			errno = EEXIST;
			return -1;
		}
		if (errno != ENOENT)
			return -1;
		fd = job_open(sh->jobs, path, O_WRONLY | O_CREAT | O_EXCL |
			      O_CLOEXEC | O_NOCTTY, 0666);
		if (fd >= 0 || errno != EEXIST)
			return fd;
	}
	errno = EEXIST;
	return -1;
}

static int open_target(struct shell *sh, enum redir_op op, const char *path)
{
	int fl = O_CLOEXEC | O_NOCTTY;
	switch (op) {
	case REDIR_IN:
		return job_open(sh->jobs, path, fl | O_RDONLY, 0);
	case REDIR_RDWR:
		return job_open(sh->jobs, path, fl | O_RDWR | O_CREAT, 0666);
	case REDIR_APPEND:
		return job_open(sh->jobs, path, fl | O_WRONLY | O_CREAT |
				O_APPEND, 0666);
	case REDIR_OUT:
		if (sh->opt.noclobber)
			return open_noclobber(sh, path);
		return job_open(sh->jobs, path, fl | O_WRONLY | O_CREAT |
				O_TRUNC, 0666);
	default:
		return job_open(sh->jobs, path, fl | O_WRONLY | O_CREAT |
				O_TRUNC, 0666);
	}
}

static int default_fd(enum redir_op op)
{
	switch (op) {
	case REDIR_IN:
	case REDIR_DUP_IN:
	case REDIR_RDWR:
	case REDIR_HEREDOC:
	case REDIR_HERESTR:
		return 0;
	default:
		return 1;
	}
}

/* ------------------------------------------------------ here-documents */

/* A document up to this size goes through a pipe (when it fits). */
#define HEREDOC_PIPE_MAX 65536

/* An unlinked temporary file: no name left behind even if we are killed
   a moment later, and it cannot fill up like a pipe.  The shell's private
   fd, or -1 after the message. */
static int heredoc_tmp_open(struct shell *sh, const struct redir_plan *p)
{
	const char *dir = var_get(sh, "TMPDIR");
	if (!dir || !*dir)
		dir = "/tmp";
	size_t size = strlen(dir) + 32;
	char *path = xmalloc(size);
	snprintf(path, size, "%s/whelk-hd.XXXXXX", dir);
	int fd = mkstemp(path);
	if (fd < 0) {
		shell_error(sh, "cannot create here-document: %s",
			    strerror(errno));
		free(path);
		return -1;
	}
	unlink(path);
	free(path);
	int hi = move_private(sh, p, fd);
	if (hi < 0) {
		shell_error(sh, "here-document: %s", high_fd_error());
		close(fd);
	}
	return hi;
}

/* The written file rewound for the command to read, or -1 (fd closed,
   message printed). */
static int heredoc_rewind(struct shell *sh, int fd)
{
	if (lseek(fd, 0, SEEK_SET) == 0)
		return fd;
	shell_error(sh, "cannot write here-document: %s", strerror(errno));
	job_close(sh->jobs, fd);
	return -1;
}

static int heredoc_tmpfile(struct shell *sh, const struct redir_plan *p,
			   const char *text, size_t len)
{
	int fd = heredoc_tmp_open(sh, p);
	if (fd < 0)
		return -1;
	if (fd_write_all(fd, text, len) < 0) {
		shell_error(sh, "cannot write here-document: %s",
			    strerror(errno));
		job_close(sh->jobs, fd);
		return -1;
	}
	return heredoc_rewind(sh, fd);
}

/* A body of more than HEREDOC_PIPE_MAX bytes of text goes to a temporary
   file as it is expanded: never a second copy of it in memory. */
static int heredoc_stream(struct shell *sh, const struct redir_plan *p,
			  const struct word *body)
{
	int fd = heredoc_tmp_open(sh, p);
	if (fd < 0)
		return -1;
	if (expand_heredoc_to_fd(sh, body, fd) < 0) {
		job_close(sh->jobs, fd);
		return -1;
	}
	return heredoc_rewind(sh, fd);
}

/*
 * A small document goes through a pipe, written completely before the
 * command starts: the write end is non-blocking, so a document bigger than
 * the pipe's capacity comes back EAGAIN instead of deadlocking the shell
 * (nobody reads yet) — then the pipe is dropped for a temporary file.
 */
static int heredoc_fd(struct shell *sh, const struct redir_plan *p,
		      const char *text, size_t len)
{
	int fds[2];
	if (len <= HEREDOC_PIPE_MAX && job_pipe(sh->jobs, fds) == 0) {
		/* Up to PIPE_BUF bytes always fit in an empty pipe (no pipe
		   is smaller than PIPE_BUF: Linux's smallest is one page), so
		   the usual short document is written blocking, without the
		   two fcntl calls. */
		if (len > PIPE_BUF) {
			int fl = fcntl(fds[1], F_GETFL);
			fcntl(fds[1], F_SETFL, fl | O_NONBLOCK);
		}
		ssize_t w = len == 0 ? 0 :
			job_write(sh->jobs, fds[1], text, len);
		job_close(sh->jobs, fds[1]);
		if (w == (ssize_t)len) {
			int rd = move_private(sh, p, fds[0]);
			if (rd >= 0)
				return rd;
		}
		job_close(sh->jobs, fds[0]);
	}
	return heredoc_tmpfile(sh, p, text, len);
}

/* ------------------------------------------------------------ staging */

/* `{name}>file`: the file gets the lowest free fd >= 10 (visible to
   children: no close-on-exec) and its number goes into $name.  Such fds
   stay open after the command, as in bash and ksh. */
static int stage_named(struct shell *sh, const struct redir *r, int fd)
{
	int nfd = fcntl(fd, F_DUPFD, FD_SHELL_MIN);
	const char *why = nfd < 0 ? high_fd_error() : NULL;
	close(fd);
	if (nfd < 0) {
		shell_error(sh, "%s: %s", r->fd_var, why);
		return -1;
	}
	char num[24];
	snprintf(num, sizeof num, "%d", nfd);
	if (var_set(sh, r->fd_var, num, 0) < 0) {
		close(nfd);
		return -1;
	}
	return 0;
}

/* The fd a redirection is about: IO_NUMBER, {name}'s value, or default. */
static int redir_target_fd(const struct redir *r, bool *named)
{
	*named = false;
	if (r->fd_var) {
		*named = true;
		return -1;
	}
	return r->fd >= 0 ? r->fd : default_fd(r->op);
}

static int stage_file(struct shell *sh, const struct redir *r,
		      struct redir_plan *p, const char *path)
{
	bool named;
	int target = redir_target_fd(r, &named);
	int fd = open_target(sh, r->op, path);
	if (fd < 0) {
		bool in = r->op == REDIR_IN;
		shell_error(sh, "cannot %s %s: %s", in ? "open" : "create",
			    path, errno == EEXIST ? "file exists" :
			    strerror(errno));
		return -1;
	}
	if (named)
		return stage_named(sh, r, fd);
	int hi = move_private(sh, p, fd);
	if (hi < 0) {
		shell_error(sh, "%s: %s", path, high_fd_error());
		close(fd);
		return -1;
	}
	plan_opened(p, hi);
	plan_add(p, target, hi, path);
	return 0;
}

/* `{name}>&-` closes the fd whose number $name holds. */
static int named_fd_value(struct shell *sh, const char *name)
{
	const char *v = var_get(sh, name);
	char *end;
	long n = v ? strtol(v, &end, 10) : -1;
	if (!v || !*v || *end || n < 0 || n > INT_MAX) {
		shell_error(sh, "%s: bad file descriptor", name);
		return -1;
	}
	return (int)n;
}

static int stage_dup(struct shell *sh, const struct redir *r,
		     struct redir_plan *p, const char *word)
{
	bool named;
	int target = redir_target_fd(r, &named);
	if (strcmp(word, "-") == 0) {
		if (named) {
			int fd = named_fd_value(sh, r->fd_var);
			if (fd < 0)
				return -1;
			close(fd);
			return 0;
		}
		plan_add(p, target, -1, NULL);
		return 0;
	}
	char *end;
	long src = strtol(word, &end, 10);
	bool move = *word && end[0] == '-' && !end[1] && end > word;
	if (!move && r->op == REDIR_DUP_OUT && r->fd < 0 && !named &&
	    (!*word || *end)) {
		/* >&file (bash, csh): > file and 2>&1 */
		struct redir out = *r;
		out.op = REDIR_OUT;
		if (stage_file(sh, &out, p, word) < 0)
			return -1;
		plan_add(p, STDERR_FILENO, STDOUT_FILENO, NULL);
		return 0;
	}
	if (!*word || (*end && !move) || src < 0 || src > INT_MAX) {
		shell_error(sh, "%s: bad fd number", word);
		return -1;
	}
	if (!fd_usable(p, (int)src)) {
		shell_error(sh, "%ld: %s", src, strerror(EBADF));
		return -1;
	}
	if (named) {
		int fd = fcntl((int)src, F_DUPFD_CLOEXEC, FD_SHELL_MIN);
		if (fd < 0) {
			shell_error(sh, "%s: %s", r->fd_var, high_fd_error());
			return -1;
		}
		return stage_named(sh, r, fd);
	}
	plan_add(p, target, (int)src, NULL);
	if (move && src != target)	/* n>&m- (ksh, bash): m moves to n */
		plan_add(p, (int)src, -1, NULL);
	return 0;
}

/* A here-document, or a here-string <<< word: the word after expansion
   (no field splitting or pathname expansion) and a newline. */
/* Bytes of text the body holds as it is written (its expansions not
   counted); *text and *len are set when that text is all of it. */
static size_t heredoc_text(const struct word *body, const char **text,
			   size_t *len)
{
	*text = NULL;
	if (!body) {
		*text = "";
		*len = 0;
		return 0;
	}
	if (body->type == WORD_SQUOTE) {	/* quoted delimiter */
		*text = body->lit.text;
		*len = body->lit.len;
		return *len;
	}
	size_t n = 0;
	for (size_t i = 0; i < body->parts.len; i++) {
		const struct word *w = body->parts.items[i];
		if (w->type == WORD_LITERAL)
			n += w->lit.len;
	}
	if (body->parts.len == 0) {
		*text = "";
		*len = 0;
	} else if (body->parts.len == 1 &&
		   ((const struct word *)body->parts.items[0])->type == WORD_LITERAL) {
		*text = ((const struct word *)body->parts.items[0])->lit.text;
		*len = n;
	}
	return n;
}

static int stage_heredoc(struct shell *sh, const struct redir *r,
			 struct redir_plan *p)
{
	char *text = NULL;
	const char *plain = NULL;
	size_t len = 0;
	if (r->op == REDIR_HERESTR) {
		char *word;
		if (expand_word_str(sh, r->target, 0, &word) < 0)
			return -1;
		struct strbuf sb = STRBUF_INIT;
		sb_append(&sb, word);
		sb_putc(&sb, '\n');
		free(word);
		text = sb_finish(&sb);
	} else if (heredoc_text(r->body, &plain, &len) > HEREDOC_PIPE_MAX &&
		   !plain) {
		text = NULL;	/* long, with expansions: streamed */
	} else if (!plain && expand_heredoc(sh, r, &text) < 0) {
		return -1;
	}
	/* Nothing to expand: written from the tree. */
	int fd = text ? heredoc_fd(sh, p, text, strlen(text)) :
		 plain ? heredoc_fd(sh, p, plain, len) :
		 heredoc_stream(sh, p, r->body);
	free(text);
	if (fd < 0)
		return -1;
	bool named;
	int target = redir_target_fd(r, &named);
	if (named)
		return stage_named(sh, r, fd);
	plan_opened(p, fd);
	plan_add(p, target, fd, "here-document");
	return 0;
}

static int stage_one(struct shell *sh, const struct redir *r,
		     struct redir_plan *p)
{
	if (r->op == REDIR_HEREDOC || r->op == REDIR_HERESTR)
		return stage_heredoc(sh, r, p);
	char *word;
	if (expand_word_str(sh, r->target, 0, &word) < 0)
		return -1;
	int rc;
	if (r->op == REDIR_DUP_IN || r->op == REDIR_DUP_OUT)
		rc = stage_dup(sh, r, p, word);
	else
		rc = stage_file(sh, r, p, word);
	free(word);
	return rc;
}

int redir_stage(struct shell *sh, const struct vec *redirs,
		struct redir_plan *plan)
{
	plan->redirs = redirs;
	plan->jobs = sh->jobs;
	for (size_t i = 0; i < redirs->len; i++) {
		const struct redir *r = redirs->items[i];
		sh->lineno = r->range.begin.line ? r->range.begin.line
						  : sh->lineno;
		if (stage_one(sh, r, plan) < 0) {
			redir_plan_free(plan);
			return -1;
		}
	}
	plan->redirs = NULL;
	plan_own(plan, true);
	return 0;
}

/* ---------------------------------------------------- applying in place */

static bool already_saved(const struct redir_undo *u, int fd)
{
	for (size_t i = 0; i < u->n; i++)
		if (u->saved[i].fd == fd)
			return true;
	return false;
}

/* Keep a close-on-exec copy of fd, above 10 where the fd limit allows (or
   note that it was closed). */
static int save_fd(struct shell *sh, const struct redir_plan *p,
		   struct redir_undo *u, int fd)
{
	if (already_saved(u, fd))
		return 0;
	int copy = dup_private(sh, p, fd);
	if (copy < 0 && errno != EBADF) {
		shell_error(sh, "cannot save fd %d: %s", fd, high_fd_error());
		return -1;
	}
	if (u->n == u->cap) {	/* the copies are registered by address */
		for (size_t i = 0; i < u->n; i++)
			fd_disown(&u->saved[i].src);
		u->cap = u->cap ? 2 * u->cap : 4;
		u->saved = xreallocarray(u->saved, u->cap, sizeof *u->saved);
		for (size_t i = 0; i < u->n; i++)
			fd_own(&u->saved[i].src);
	}
	u->saved[u->n].fd = fd;
	u->saved[u->n].src = copy;
	u->saved[u->n].name = "saved copy";
	fd_own(&u->saved[u->n].src);
	u->n++;
	return 0;
}

/* Builtins write through stdio: flush before fd 1 or 2 changes under it. */
static void flush_std(void)
{
	fflush(stdout);
	fflush(stderr);
}

int redir_apply(struct shell *sh, const struct redir_plan *plan,
		struct redir_undo *undo)
{
	if (plan->n == 0)
		return 0;
	flush_std();
	for (size_t i = 0; i < plan->n; i++) {
		const struct fd_action *a = &plan->acts[i];
		if (fd_evict(a->fd) < 0) {	/* `exec 10>f` over the script */
			shell_error(sh, "%d: %s", a->fd, high_fd_error());
			return -1;
		}
		if (undo && save_fd(sh, plan, undo, a->fd) < 0)
			return -1;
		if (job_apply_actions(sh->jobs, a, 1) < 0) {
			shell_error(sh, "%d: %s", a->fd, strerror(errno));
			return -1;
		}
	}
	return 0;
}

void redir_undo(struct shell *sh, struct redir_undo *u)
{
	if (u->n)
		flush_std();
	for (size_t i = u->n; i-- > 0;) {
		struct fd_action *s = &u->saved[i];
		fd_disown(&s->src);
		fd_evict(s->fd);	/* the shell may have put a fd there */
		if (s->fd == sh->jobs->ra.fd)	/* read's read-ahead on it */
			job_readahead_sync(sh->jobs);
		if (s->src >= 0) {
			job_dup2_named(sh->jobs, s->src, s->name, s->fd);
			job_close(sh->jobs, s->src);
		} else {
			job_close(sh->jobs, s->fd);
		}
	}
	free(u->saved);
	memset(u, 0, sizeof *u);
}
