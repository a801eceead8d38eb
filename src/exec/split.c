/* split.c: field splitting (XCU 2.6.5), pathname expansion (XCU 2.6.6) and quote removal (XCU 2.6.7) of an expanded word. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/mbchar.h"
#include "exec/expand.h"
#include "exec/expand_internal.h"
#include "exec/glob.h"
#include "exec/pattern.h"
#include "exec/shell.h"

/*
 * XCU 2.6.5, as dash and yash implement it.  Only bytes that came from an
 * unquoted expansion can delimit fields.  With IFS unset the delimiters are
 * space, tab and newline; with IFS empty nothing is split.  Otherwise:
 *   - "IFS white space" (space, tab, newline that are in IFS): a run of it
 *     ends a field; at the start or end of the word it is simply dropped;
 *   - any other IFS character ends a field even when that field is empty,
 *     together with the white space around it (so "a : b" with IFS=' :' is
 *     two fields, and "a::b" with IFS=: is three);
 *   - a delimiter at the very end does not make an empty last field.
 * A field exists when it has text or quotes: "" is an empty field, while an
 * unquoted expansion that comes to nothing makes no field.
 *
 * IFS holds characters, not bytes: in a multibyte locale an IFS of "é"
 * delimits at the two-byte character é only.  ASCII delimiters (the usual
 * case) are found bytewise even then, since an ASCII byte is never part
 * of a multibyte character; only an IFS with a non-ASCII character makes
 * the splitter step through the text one character at a time.
 */

bool expand_is_ifs_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

struct splitter {
	struct shell *sh;	/* borrowed: for failglob's message */
	bool ifs[256];		/* which bytes delimit (when mbifs is set,
				   a non-ASCII byte here only may) */
	unsigned char cls[256];	/* add_run's table: CLS_IFS (a delimiter
				   when split), CLS_MAGIC (note_magic) */
	const char *mbifs;	/* borrowed, may be NULL: IFS, when it holds
				   a multibyte character to look for */
	bool split;		/* false when IFS is empty */
	bool glob;		/* pathname expansion wanted */
	int gflags;		/* glob.h flags from the glob options */
	bool nullglob;		/* no match: no field */
	bool failglob;		/* no match: an error */
	bool failed;		/* failglob reported a pattern */
	struct vec *fields;	/* borrowed: the output */
	struct xbuf cur;	/* the field being built */
	const struct xbuf *src;	/* borrowed: the buffer being split */
	bool pending;		/* the field so far is src[run_at..+run_len],
				   not yet copied into cur */
	size_t run_at, run_len;
	bool have;		/* cur exists even if empty */
	bool magic;		/* cur has an unquoted * ? or [...] */
	bool bracket;		/* cur has an unquoted [ */
	bool ws_ended;		/* white space just ended a field */
};

enum { CLS_IFS = 1, CLS_MAGIC = 2 };

static void splitter_init(struct splitter *sp, struct shell *sh, bool glob,
			  struct vec *fields)
{
	const char *ifs = var_get(sh, "IFS");
	if (!ifs)
		ifs = " \t\n";
	memset(sp->ifs, 0, sizeof sp->ifs);
	memset(sp->cls, 0, sizeof sp->cls);
	for (const char *m = "*?[]("; *m; m++)
		sp->cls[(unsigned char)*m] = CLS_MAGIC;
	sp->mbifs = NULL;
	bool wide = mb_locale_is_multibyte();
	for (const unsigned char *s = (const unsigned char *)ifs; *s; s++) {
		if (*s >= 0x80 && wide)
			sp->mbifs = ifs;
		sp->ifs[*s] = true;
		sp->cls[*s] |= CLS_IFS;
	}
	sp->split = ifs[0] != '\0';
	sp->glob = glob;
	sp->gflags = (sh->opt.extglob ? PM_EXTGLOB : 0) |
		     (sh->opt.nocaseglob ? PM_NOCASE : 0) |
		     (sh->opt.dotglob ? GLOB_DOT : 0) |
		     (sh->opt.globstar ? GLOB_STAR : 0);
	sp->nullglob = sh->opt.nullglob;
	sp->failglob = sh->opt.failglob;
	sp->failed = false;
	sp->sh = sh;
	sp->fields = fields;
	sp->src = NULL;
	sp->pending = false;
	xbuf_init(&sp->cur);
	sp->have = sp->magic = sp->bracket = sp->ws_ended = false;
}

/*
 * Most fields are one run of ordinary bytes of the source buffer ("a1" in
 * `set -- $line`).  Such a run is only remembered (sp->pending) and, if
 * the field ends there and needs no globbing, copied once, straight from
 * the source into the new field.  Copying it into sp->cur first (bytes and
 * marks) would cost a second copy and the allocation of cur's two arrays
 * for every word.  A field with more than one run, or one to glob (whose
 * marks the pattern needs), is built in cur as before.
 */
static void flush_pending(struct splitter *sp)
{
	if (!sp->pending)
		return;
	struct xbuf *cur = &sp->cur;
	const struct xbuf *b = sp->src;
	xbuf_add(cur, b->data + sp->run_at, sp->run_len, XMARK_LIT);
	memcpy(cur->marks + cur->len - sp->run_len, b->marks + sp->run_at,
	       sp->run_len);
	sp->pending = false;
}

/* The pending run as a field of its own; false when it must go through
   cur (nothing pending, or something to glob). */
static bool emit_pending(struct splitter *sp)
{
	if (!sp->pending || (sp->glob && sp->magic))
		return false;
	char *f = xmalloc(sp->run_len + 1);
	memcpy(f, sp->src->data + sp->run_at, sp->run_len);
	f[sp->run_len] = '\0';
	vec_push(sp->fields, f);
	sp->pending = false;
	sp->have = sp->magic = sp->bracket = false;
	return true;
}

/* XCU 2.6.6: glob when an unquoted * ? [ is present; no match keeps the
   field as it is (after quote removal, which already happened). */
static void emit(struct splitter *sp)
{
	if (emit_pending(sp))
		return;
	flush_pending(sp);
	struct xbuf *b = &sp->cur;
	size_t found = 0;
	bool globbed = false;
	if (sp->glob && sp->magic) {
		char *pat = expand_escape_pattern(b);
		globbed = pattern_has_magic_flags(pat, sp->gflags);
		if (globbed)
			found = glob_expand_flags(pat, sp->gflags, sp->fields);
		free(pat);
	}
	if (found == 0 && globbed && sp->failglob && !sp->failed) {
		shell_error(sp->sh, "no match: %s", b->len ? b->data : "");
		sp->failed = true;
	}
	if (found == 0 && !(globbed && (sp->nullglob || sp->failglob)))
		vec_push(sp->fields, xmemdup(b->len ? b->data : "", b->len + 1));
	xbuf_clear(b);
	sp->have = sp->magic = sp->bracket = false;
}

/* The length of the character at i: 1, except for a multibyte one when
   IFS holds multibyte characters (otherwise bytes are enough). */
static inline size_t char_len(const struct splitter *sp,
			      const struct xbuf *b, size_t i)
{
	if ((unsigned char)b->data[i] < 0x80 || !sp->mbifs)
		return 1;
	return mb_charlen(b->data + i, b->len - i);
}

/* Is the multibyte character at i, all of it from an unquoted expansion,
   one of IFS's? */
static bool mb_delimiter(const struct splitter *sp, const struct xbuf *b,
			 size_t i)
{
	size_t len = char_len(sp, b, i);
	for (size_t k = 0; k < len; k++)
		if (b->marks[i + k] != XMARK_EXP)
			return false;
	return mb_set_has(sp->mbifs, b->data + i, len);
}

/* Is byte i an ordinary part of a field (not zero width, not a
   delimiter)?  The whole answer when IFS has no multibyte character. */
static inline bool ordinary_byte(const struct splitter *sp,
				 const struct xbuf *b, size_t i)
{
	enum xmark m = b->marks[i];
	if (m == XMARK_EMPTYQ || m == XMARK_BREAK)
		return false;
	return !(m == XMARK_EXP && sp->split && sp->ifs[(unsigned char)b->data[i]]);
}

/* Is the character at i an ordinary part of a field?  When IFS has
   multibyte characters, a non-ASCII byte marked in sp->ifs only may start
   a delimiter: look closer. */
static bool ordinary(const struct splitter *sp, const struct xbuf *b, size_t i)
{
	if (ordinary_byte(sp, b, i))
		return true;
	return sp->mbifs && b->marks[i] == XMARK_EXP
	       && (unsigned char)b->data[i] >= 0x80 && !mb_delimiter(sp, b, i);
}

/* Note whether byte j of a field makes it worth globbing: an unquoted * or
   ?, or an unquoted [ with a ] after it. */
static inline void note_magic(struct splitter *sp, const struct xbuf *b,
			      size_t j)
{
	char c = b->data[j];
	bool unquoted = b->marks[j] != XMARK_QUO;
	if (c == ']' && sp->bracket)
		sp->magic = true;
	else if (unquoted && (c == '*' || c == '?'))
		sp->magic = true;
	else if (unquoted && c == '(' && (sp->gflags & PM_EXTGLOB))
		sp->magic = true;	/* @(a|b): pattern_has_magic_flags decides */
	else if (unquoted && c == '[')
		sp->bracket = true;
}

/* add_run's loop when IFS has multibyte characters: one character at a
   time, so that no delimiter is looked for inside a character. */
static size_t mb_run_end(struct splitter *sp, const struct xbuf *b, size_t j)
{
	for (; j < b->len && ordinary(sp, b, j); j += char_len(sp, b, j))
		note_magic(sp, b, j);
	return j;
}

/*
 * Append the run of ordinary bytes starting at i to the field in one copy;
 * returns the index after it.  Note on the way whether the field needs
 * pathname expansion: an unquoted * or ?, or an unquoted [ with a ] after
 * it ("[" alone, the test command, must not cost a directory scan).
 */
static size_t add_run(struct splitter *sp, const struct xbuf *b, size_t i)
{
	size_t j = i;
	if (sp->mbifs) {
		j = mb_run_end(sp, b, i);
	} else {	/* the common case: ordinary_byte and note_magic, with
			   one table lookup for the bytes neither cares about */
		const unsigned char *d = (const unsigned char *)b->data;
		const unsigned char *mk = b->marks;
		for (; j < b->len; j++) {
			unsigned m = mk[j], k = sp->cls[d[j]];
			if (m >= XMARK_EMPTYQ)
				break;
			if (k && (k & CLS_IFS) && m == XMARK_EXP)
				break;
			if (k & CLS_MAGIC)
				note_magic(sp, b, j);
		}
	}
	if (!sp->pending && sp->cur.len == 0) {
		sp->pending = true;	/* the field may be just this run */
		sp->run_at = i;
		sp->run_len = j - i;
	} else {
		flush_pending(sp);
		struct xbuf *cur = &sp->cur;
		xbuf_add(cur, b->data + i, j - i, XMARK_LIT);
		memcpy(cur->marks + cur->len - (j - i), b->marks + i, j - i);
	}
	sp->have = true;
	sp->ws_ended = false;
	return j;
}

/* One delimiter byte from an unquoted expansion. */
static void delimit(struct splitter *sp, char c)
{
	if (expand_is_ifs_space(c)) {
		if (sp->have) {
			emit(sp);
			sp->ws_ended = true;
		}
		return;
	}
	if (sp->have)
		emit(sp);
	else if (!sp->ws_ended)
		vec_push(sp->fields, xstrdup(""));	/* ::  or a leading : */
	sp->ws_ended = false;
}

int expand_fields(struct shell *sh, const struct xbuf *b, bool glob,
		  struct vec *fields)
{
	struct splitter sp;
	splitter_init(&sp, sh, glob, fields);
	sp.src = b;
	size_t i = 0;
	while (i < b->len) {
		switch (b->marks[i]) {
		case XMARK_EMPTYQ:
			sp.have = true;
			sp.ws_ended = false;
			break;
		case XMARK_BREAK:
			if (sp.have)
				emit(&sp);
			sp.ws_ended = false;
			break;
		default:
			if (ordinary(&sp, b, i)) {
				i = add_run(&sp, b, i);
				continue;
			}
			delimit(&sp, b->data[i]);
			if (sp.mbifs)
				i += char_len(&sp, b, i) - 1;
			break;
		}
		i++;
	}
	if (sp.have)
		emit(&sp);
	xbuf_free(&sp.cur);
	return sp.failed ? -1 : 0;
}

void expand_split_ifs(struct shell *sh, const char *s, struct vec *fields)
{
	struct xbuf b;
	xbuf_init(&b);
	xbuf_add(&b, s, strlen(s), XMARK_EXP);
	expand_fields(sh, &b, false, fields);
	xbuf_free(&b);
}
