/* mbchar.h: characters of the current locale's encoding (LC_CTYPE) over byte strings. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef WHELK_BASE_MBCHAR_H
#define WHELK_BASE_MBCHAR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

/*
 * The shell keeps every string as bytes.  In a locale whose characters may
 * take several bytes (MB_CUR_MAX > 1: UTF-8, EUC-JP...) the places that
 * count or cut characters (${#x}, patterns, IFS, read, printf %c) walk the
 * bytes one character at a time with these helpers.  A byte that does not
 * start a valid character is a character of its own, one byte long: it is
 * never lost and never joined to its neighbours.  In a single-byte locale
 * (C, POSIX, ISO-8859-x) every byte is a character and callers keep their
 * bytewise loops (mb_locale_is_multibyte() tells which).
 *
 * An ASCII byte at a character boundary is always a character of its own
 * (true of every encoding glibc offers as LC_CTYPE charset), so callers may
 * test ASCII syntax bytes directly.
 */

/* A decoded character: its wide-character value, or MB_BAD_BYTE | b for a
   byte b that starts no valid character (never a valid wchar_t value). */
#define MB_BAD_BYTE 0x80000000u

/*
 * Loading a locale costs tens of thousands of instructions and several page
 * faults (a UTF-8 LC_CTYPE is a third of a `whelk -c :` under LANG=C.UTF-8),
 * and most runs of a script never look at a character beyond ASCII.  So the
 * locale the environment names is loaded when the shell first needs it:
 * exec/locale.c registers the loader with mb_locale_defer(), and everything
 * that depends on LC_CTYPE or LC_COLLATE calls mb_locale_ready() first —
 * mb_locale_is_multibyte() does, and with it every helper below.  The
 * <ctype.h> byte classes need no call: glibc gives every byte the same
 * classes in C and in its UTF-8 locales.
 */
struct mb_deferred {
	void (*load)(void *ctx);	/* NULL: nothing deferred */
	void *ctx;
};
extern struct mb_deferred mb_deferred;

/** Defer loading the locale to load(ctx), run by the next
    mb_locale_ready(); NULL cancels what was deferred. */
void mb_locale_defer(void (*load)(void *ctx), void *ctx);
/** Run the deferred load now (once). */
void mb_locale_load(void);

/** Make the locale the shell's variables name the current one. */
static inline void mb_locale_ready(void)
{
	if (mb_deferred.load)
		mb_locale_load();
}

/** Is the current LC_CTYPE encoding multibyte?  (Cheap: ask once per
    string operation, not per byte.) */
static inline bool mb_locale_is_multibyte(void)
{
	mb_locale_ready();
	return MB_CUR_MAX > 1;
}

/**
 * Decode the character at s, of which n > 0 bytes are available; *len gets
 * its length in bytes (1 for an invalid byte).  In a single-byte locale the
 * value is the byte itself.
 */
uint32_t mb_decode(const char *s, size_t n, size_t *len);
/** The length in bytes of the character at s (n > 0 bytes available). */
size_t mb_charlen(const char *s, size_t n);
/** How many characters the string s holds. */
size_t mb_count(const char *s);
/** Is the character c[0..len) one of the characters of the string set? */
bool mb_set_has(const char *set, const char *c, size_t len);

#endif
