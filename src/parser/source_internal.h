/* source_internal.h: the source's fields, for source.c and the lexer's inline byte fast path (private to src/parser/). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef WHELK_PARSER_SOURCE_INTERNAL_H
#define WHELK_PARSER_SOURCE_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "base/strbuf.h"
#include "parser/source.h"

/*
 * Only source.c changes these fields, except for the lexer's fast path
 * (lexer.h: lx_getc, lx_ungetc), which takes a byte straight from buf
 * when source_getc() would do nothing else: see source_plain().
 */
enum source_kind { SRC_STRING, SRC_FD, SRC_LINES };

/* Bytes read on a seekable fd at a time; pipes and terminals read 1. */
#define SRC_BLOCK 8192

struct source {
	enum source_kind kind;
	char *name;			/* owned */
	unsigned char *buf;		/* owned: the string, a block, or a line */
	size_t len;			/* bytes in buf */
	size_t pos;			/* next byte of buf */
	int fd;				/* SRC_FD: ours when private */
	bool seekable;			/* SRC_FD: a regular file */
	bool shared;			/* SRC_FD: others may move the offset */
	off_t buf_off;			/* seekable: file offset of buf[0] */
	off_t kern_off;			/* seekable: where we left the fd's offset */
	bool synced;			/* source_sync() ran since the last read */
	bool at_eof;
	bool failed;			/* a read error happened */
	source_line_fn line_fn;		/* SRC_LINES */
	void *line_ctx;			/* borrowed */
	bool continuation;		/* next line is a PS2 line */
	int pb[4];			/* pushed-back bytes beyond buf */
	int npb;
	unsigned line, col;
	unsigned prev_col[4];		/* col before recent newlines, for ungetc */
	int nprev;
	int echo_fd;			/* set -v: -1 when off */
	struct strbuf echo;		/* the current line, echoed at its end */
};

/*
 * True when source_getc() would hand out buf[pos] and do nothing else
 * but move the column: no pushed-back byte, no pending resync, no set -v
 * echo, a byte in the buffer.  The caller still tests the byte itself
 * ('\n' moves the line, NUL is skipped: those take the slow path).
 */
static inline bool source_plain(const struct source *s)
{
	return s->npb == 0 && !s->synced && s->echo_fd < 0 && s->pos < s->len;
}

/* source_buffered(), source_buffered_after_last() and source_skip()
   (source.h), inline for the lexer. */
static inline const unsigned char *source_run(const struct source *s, size_t *n)
{
	if (!source_plain(s)) {
		*n = 0;
		return NULL;
	}
	*n = s->len - s->pos;
	return s->buf + s->pos;
}

static inline const unsigned char *source_run_after_last(const struct source *s,
							 size_t *n)
{
	if (s->pos == 0) {
		*n = 0;
		return NULL;
	}
	return source_run(s, n);
}

static inline void source_run_skip(struct source *s, size_t n)
{
	s->pos += n;
	s->col += (unsigned)n;
}

#endif
