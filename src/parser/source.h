/* source.h: where the parser's bytes come from — a string, a file descriptor, or a line provider. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef WHELK_PARSER_SOURCE_H
#define WHELK_PARSER_SOURCE_H

#include <stdbool.h>
#include <stddef.h>

/*
 * A source hands the lexer one byte at a time and knows its line number.
 *
 * Three kinds:
 *  - string (`-c`, eval, `.` of a small file, tests);
 *  - file descriptor (scripts, `sh < file`, `cmd | sh`): on a seekable fd it
 *    reads blocks and, at source_sync(), seeks back over what was read but
 *    not consumed; on a pipe or terminal it reads one byte per read(2).  So a
 *    command that reads standard input sees the rest of the script, exactly
 *    as XCU 2.1 / sh(1) require;
 *  - line provider: a callback returns one line at a time (the interactive
 *    line editor); `continuation` tells it whether to show PS2 instead of PS1.
 */

/** Returns a malloc'd line (normally ending in '\n'), or NULL at end of input. */
typedef char *(*source_line_fn)(void *ctx, bool continuation);

struct source;

/** name is used in diagnostics ("t.sh", "-c", "stdin"); it is copied. */
struct source *source_from_string(const char *name, const char *text, size_t len);
/** Like source_from_string, but takes text (malloc'd, text[len] == '\0')
    instead of copying it: a 10 MiB here-document body is not copied again. */
struct source *source_take_string(const char *name, char *text, size_t len);
/** A private fd (>= 10, close-on-exec: see fd_move_high) becomes the
    source's and source_destroy closes it; any other fd (stdin) is
    borrowed. */
struct source *source_from_fd(const char *name, int fd);
struct source *source_from_lines(const char *name, source_line_fn fn, void *ctx);
void source_destroy(struct source *src);

/** Next byte (0–255), or -1 at end of input or on a read error. */
int source_getc(struct source *src);
/**
 * Fast path for the lexer: the bytes already buffered that the next
 * source_getc() calls would return, in order (*n of them, possibly 0).
 * Empty whenever those calls would do more than hand out a buffered byte
 * (pushed-back bytes, a pending resync, set -v echo), so a caller that
 * scans this run and then calls source_skip() sees exactly what byte-by-byte
 * reading would have given it.
 */
const unsigned char *source_buffered(const struct source *src, size_t *n);
/**
 * source_buffered(), but empty unless the byte before the run is in the
 * buffer too (so run[-1] may be read): the byte source_getc() just returned.
 */
const unsigned char *source_buffered_after_last(const struct source *src, size_t *n);
/** Consume n bytes of source_buffered(); none of them may be '\n' or NUL. */
void source_skip(struct source *src, size_t n);
/** Push back the byte just read (at most a few bytes deep). */
void source_ungetc(struct source *src, int c);
/** The line number of the next byte (1-based). */
unsigned source_line(const struct source *src);
unsigned source_col(const struct source *src);
const char *source_name(const struct source *src);
/** Set the line counter (used by LINENO-preserving callers such as eval). */
void source_set_line(struct source *src, unsigned line);
/**
 * Give back bytes read ahead but not consumed (lseek on a seekable fd), so
 * the process and its children see the file offset just past the consumed
 * text.  Called before each command is executed.
 */
void source_sync(struct source *src);
/** A line provider: the next read will be the start of a new command (PS1). */
void source_reset_prompt(struct source *src);
/**
 * set -v: copy every byte the lexer consumes to fd (-1 turns it off).  The
 * shell writes input lines to stderr as they are read (XCU 2.14 set -v).
 */
void source_set_echo(struct source *src, int fd);
/** True when the last read failed with an error other than end of input. */
bool source_error(const struct source *src);

#endif
