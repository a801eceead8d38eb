/* printf.c: the printf builtin (XCU printf) — C conversions over shell strings, the format reused while arguments remain. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/alloc.h"
#include "base/mbchar.h"
#include "base/strbuf.h"
#include "builtins/builtins.h"
#include "builtins/opts.h"
#include "builtins/escape.h"
#include "exec/shell.h"
#include "parser/parser.h"

/*
 * XCU printf in brief:
 *   - the format is printed with its backslash escapes (\\ \a \b \f \n \r
 *     \t \v \NNN) and % directives: flags "-+ #0", a width and a
 *     precision (either may be '*', taken from the next argument), and a
 *     conversion among d i o u x X (integers), e E f F g G a A (floating),
 *     c s (strings), b (a string with echo's escapes; \c in it stops ALL
 *     output) and %%;
 *   - the format is reused from the start as long as arguments remain (and
 *     the last pass consumed at least one); missing arguments count as ""
 *     or 0;
 *   - Issue 8: "%n$" (and "*m$" for a width or precision) takes the n-th
 *     argument instead of the next; on reuse the format starts after the
 *     highest argument the previous pass consumed;
 *   - a numeric argument may be a C constant (12, 012, 0x12, with sign), or
 *     'c / "c meaning the code of the character c; a bad number gives a
 *     message, uses what could be converted, and makes the exit status 1 —
 *     but printing goes on.
 *
 * Extensions of bash, ksh93 and zsh (issue 10 item 11):
 *   - `printf -v name` assigns the output to the variable name instead of
 *     writing it;
 *   - %q writes the argument quoted so that the shell reads it back as one
 *     word: backslashes before special characters, '' for the empty
 *     string, $'...' when it holds control characters (bash's forms);
 *   - %(fmt)T formats the argument, seconds since the Epoch, with
 *     strftime(3) in local time; -1 (or no argument) is now and -2 the
 *     time the shell started; an empty fmt is "%X" (bash).
 */

struct pf {
	struct shell *sh;	/* borrowed */
	char **args;		/* borrowed: the arguments after the format */
	int nargs;
	int next;		/* index of the next unused argument */
	int base;		/* where this pass's "%n$" count from */
	int high;		/* one past the highest argument consumed */
	int want;		/* "%n$" / "*m$": n for the next fetch, or 0 */
	bool consumed;		/* this pass used an argument */
	bool stop;		/* \c seen in a %b argument */
	int status;
	struct strbuf out;	/* pending output */
};

/* One directive's parts, as parsed from the format. */
struct directive {
	char flags[8];		/* subset of "-+ #0", NUL-terminated */
	int width;		/* 0 when absent */
	int prec;		/* -1 when absent */
	int argno;		/* "%n$": n, or 0 for the next argument */
	char conv;
	const char *tfmt;	/* borrowed: %(fmt)T's fmt, not terminated */
	size_t tfmt_len;
};

static const char *next_arg(struct pf *pf)
{
	int idx = pf->want ? pf->base + pf->want - 1 : pf->next;
	if (!pf->want)
		pf->next++;
	pf->want = 0;
	pf->consumed = true;
	if (idx + 1 > pf->high)
		pf->high = idx + 1;
	return idx < pf->nargs ? pf->args[idx] : NULL;
}

/* Report a bad numeric argument; printing continues with status 1. */
static void bad_number(struct pf *pf, const char *arg, int err)
{
	if (err == ERANGE)
		builtin_error(pf->sh, "%s: %s", arg, strerror(ERANGE));
	else
		builtin_error(pf->sh, "%s: invalid number", arg);
	pf->status = 1;
}

/* 'c or "c: the code of c (XCU printf, last paragraph of OPERANDS). */
static bool char_code(const char *arg, uintmax_t *v)
{
	if (arg[0] != '\'' && arg[0] != '"')
		return false;
	/* A character of the locale: its wide-character value ('é is
	   233 in UTF-8, as in bash); an invalid byte is its own value. */
	size_t len;
	uint32_t c = arg[1] ? mb_decode(arg + 1, strlen(arg + 1), &len) : 0;
	*v = c & MB_BAD_BYTE ? c & 0xFF : c;
	return true;
}

/* A numeric argument as intmax_t (signed) or uintmax_t bits (unsigned);
   *bad tells whether it was reported. */
static uintmax_t number_of(struct pf *pf, const char *arg, bool is_signed,
			   bool *bad)
{
	uintmax_t v = 0;
	*bad = false;
	if (!arg || !*arg || char_code(arg, &v))
		return v;
	char *end;
	errno = 0;
	if (is_signed)
		v = (uintmax_t)strtoimax(arg, &end, 0);
	else
		v = strtoumax(arg, &end, 0);
	*bad = end == arg || *end != '\0' || errno == ERANGE;
	if (*bad)
		bad_number(pf, arg, errno == ERANGE ? ERANGE : 0);
	return v;
}

static uintmax_t number_arg(struct pf *pf, bool is_signed)
{
	bool bad;
	return number_of(pf, next_arg(pf), is_signed, &bad);
}

static double float_arg(struct pf *pf)
{
	const char *arg = next_arg(pf);
	uintmax_t code;
	if (!arg || !*arg)
		return 0.0;
	if (char_code(arg, &code))
		return (double)code;
	char *end;
	errno = 0;
	double d = strtod(arg, &end);
	if (end == arg || *end != '\0')
		bad_number(pf, arg, 0);
	else if (errno == ERANGE)
		bad_number(pf, arg, ERANGE);
	return d;
}

/* A '*' width or precision: an int argument.  One outside int's range
   is an error (as in dash and mksh) and counts as 0; printing goes on. */
static int star_arg(struct pf *pf)
{
	const char *arg = next_arg(pf);
	bool bad;
	intmax_t v = (intmax_t)number_of(pf, arg, true, &bad);
	if (v >= -INT_MAX && v <= INT_MAX)
		return (int)v;
	if (!bad)
		bad_number(pf, arg, ERANGE);
	return 0;
}

/* Append s[0..len) padded to d->width (left-justified with '-'). */
static void put_padded(struct pf *pf, const struct directive *d,
		       const char *s, size_t len)
{
	bool left = strchr(d->flags, '-') != NULL;
	int width = d->width;
	if (width < 0) {	/* a negative '*' width means '-' */
		left = true;
		width = -width;
	}
	size_t pad = (size_t)width > len ? (size_t)width - len : 0;
	for (size_t i = 0; !left && i < pad; i++)
		sb_putc(&pf->out, ' ');
	sb_appendn(&pf->out, s, len);
	for (size_t i = 0; left && i < pad; i++)
		sb_putc(&pf->out, ' ');
}

/*
 * A precision counts bytes (XBD 5: "the maximum number of bytes to be
 * written", as dash, bash and yash do), but never ends inside a multibyte
 * character: the longest run of whole characters of s[0..n) that fits in
 * prec bytes (yash).  A width counts bytes too.
 */
static size_t whole_chars(const char *s, size_t n, size_t prec)
{
	if (!mb_locale_is_multibyte())
		return prec;
	size_t at = 0;
	while (at < n) {
		size_t len = mb_charlen(s + at, n - at);
		if (at + len > prec)
			break;
		at += len;
	}
	return at;
}

/* The letter of a $'...' escape for byte c, or 0. */
static char dollar_escape(unsigned char c)
{
	static const char from[] = "\a\b\033\f\n\r\t\v'\\";
	static const char to[] = "abEfnrtv'\\";
	const char *p = c ? memchr(from, c, sizeof from - 1) : NULL;
	return p ? to[p - from] : 0;
}

/* Append arg as $'...': escapes for control characters, \NNN octal for
   other bytes below space and DEL. */
static void quote_dollar(struct strbuf *out, const char *arg)
{
	sb_append(out, "$'");
	for (const unsigned char *s = (const unsigned char *)arg; *s; s++) {
		char e = dollar_escape(*s);
		if (e) {
			sb_putc(out, '\\');
			sb_putc(out, e);
		} else if (*s < 0x20 || *s == 0x7f) {
			sb_printf(out, "\\%03o", *s);
		} else {
			sb_putc(out, (char)*s);
		}
	}
	sb_putc(out, '\'');
}

/* %q: arg quoted to read back as one word, in bash's forms. */
static void quote_q(struct strbuf *out, const char *arg)
{
	if (!*arg) {
		sb_append(out, "''");
		return;
	}
	for (const unsigned char *s = (const unsigned char *)arg; *s; s++)
		if (*s < 0x20 || *s == 0x7f) {
			quote_dollar(out, arg);
			return;
		}
	for (const char *s = arg; *s; s++) {
		/* '~' and '#' are special only where a word starts. */
		if (strchr(" !\"$&'()*,;<>?[\\]^`{|}", *s) ||
		    (s == arg && (*s == '~' || *s == '#')))
			sb_putc(out, '\\');
		sb_putc(out, *s);
	}
}

/* %(fmt)T: the argument's time (-1 now, -2 the shell's start) by fmt. */
static void format_time(struct pf *pf, const struct directive *d,
			struct strbuf *out)
{
	const char *arg = next_arg(pf);
	bool bad;	/* reported; the number converted so far is used */
	intmax_t t = arg && *arg ? (intmax_t)number_of(pf, arg, true, &bad) : -1;
	time_t when = t == -1 ? time(NULL) : t == -2 ? pf->sh->start_time
					      : (time_t)t;
	struct tm tm;
	char *fmt = d->tfmt_len ? xstrndup(d->tfmt, d->tfmt_len) : xstrdup("%X");
	if (localtime_r(&when, &tm)) {
		char buf[512];
		size_t n = strftime(buf, sizeof buf, fmt, &tm);
		sb_appendn(out, buf, n);
	}
	free(fmt);
}

static void convert_string(struct pf *pf, const struct directive *d)
{
	struct strbuf text = STRBUF_INIT;
	const char *arg = d->conv == 'T' ? "" : next_arg(pf);
	if (!arg)
		arg = "";
	if (d->conv == 'T')
		format_time(pf, d, &text);
	else if (d->conv == 'q')
		quote_q(&text, arg);
	else if (d->conv == 'b')
		pf->stop = !escape_string(arg, &text, ESCAPE_ECHO);
	else if (d->conv == 'c')
		/* The first character of the argument (all its bytes in a
		   multibyte locale, as yash and ksh); for an empty (or
		   missing) argument that is its terminating NUL, which dash,
		   bash and coreutils printf all write. */
		sb_appendn(&text, arg, *arg ? mb_charlen(arg, strlen(arg)) : 1);
	else
		sb_append(&text, arg);
	size_t len = text.len;
	if (d->conv != 'c' && d->prec >= 0 && (size_t)d->prec < len)
		len = whole_chars(sb_str(&text), text.len, (size_t)d->prec);
	put_padded(pf, d, sb_str(&text), len);
	sb_free(&text);
}

/* Build "%<flags>*.*<length><conv>" keeping only flags C defines for conv
   (e.g. '#' with %d is undefined behaviour in C, so it is dropped). */
static void c_spec(const struct directive *d, const char *length, char *spec)
{
	const char *allowed = strchr("diu", d->conv) ? "-+ 0" : "-+ #0";
	char *p = spec;
	*p++ = '%';
	for (const char *f = d->flags; *f; f++)
		if (strchr(allowed, *f))
			*p++ = *f;
	sprintf(p, "*.*%s%c", length, d->conv);
}

static void convert_number(struct pf *pf, const struct directive *d)
{
	char spec[24];	/* '%', up to 7 flags, "*.*", "j", conv, NUL */
	if (strchr("di", d->conv)) {
		intmax_t v = (intmax_t)number_arg(pf, true);
		c_spec(d, "j", spec);
		sb_printf(&pf->out, spec, d->width, d->prec, v);
	} else if (strchr("ouxX", d->conv)) {
		uintmax_t v = number_arg(pf, false);
		c_spec(d, "j", spec);
		sb_printf(&pf->out, spec, d->width, d->prec, v);
	} else {
		double v = float_arg(pf);
		c_spec(d, "", spec);
		sb_printf(&pf->out, spec, d->width, d->prec, v);
	}
}

/* Digits of a width or precision in the format itself; -1 past INT_MAX
   (the directive is then invalid, as in dash, yash and mksh). */
static int format_number(const char **fp)
{
	long v = 0;
	while (**fp >= '0' && **fp <= '9') {
		if (v >= 0)
			v = v > (INT_MAX - (**fp - '0')) / 10
				? -1 : v * 10 + (**fp - '0');
		(*fp)++;
	}
	return (int)v;
}

/* "n$" at *fp (after '%' or '*'): n, past the '$'; 0 when absent. */
static int arg_number(const char **fp)
{
	const char *q = *fp;
	while (*q >= '0' && *q <= '9')
		q++;
	if (q == *fp || *q != '$')
		return 0;
	int n = format_number(fp);
	(*fp)++;
	return n > 0 ? n : -1;
}

/* A '*' width or precision (f is past the '*'), perhaps "*m$". */
static int star_value(struct pf *pf, const char **fp, bool *ok)
{
	int m = arg_number(fp);
	if (m < 0)
		*ok = false;
	pf->want = m > 0 ? m : 0;
	return star_arg(pf);
}

/*
 * Parse the directive after '%' at *fp into d, reading '*' arguments.
 * Returns false (after a message) for an invalid directive.
 */
static bool parse_directive(struct pf *pf, const char **fp,
			    struct directive *d)
{
	const char *start = *fp - 1;
	const char *f = *fp;
	size_t nf = 0;
	bool ok = (d->argno = arg_number(&f)) >= 0;
	while (*f && strchr("-+ #0", *f)) {
		if (nf + 1 < sizeof d->flags)
			d->flags[nf++] = *f;
		f++;
	}
	d->flags[nf] = '\0';
	bool star = *f == '*';
	d->width = star ? (f++, star_value(pf, &f, &ok)) : format_number(&f);
	if (!star && d->width < 0)
		ok = false;
	d->prec = -1;
	if (*f == '.') {
		f++;
		star = *f == '*';
		d->prec = star ? (f++, star_value(pf, &f, &ok))
			       : format_number(&f);
		if (!star && d->prec < 0)
			ok = false;
		if (d->prec < 0)
			d->prec = -1;	/* C: a negative '*' precision is absent */
	}
	while (*f && strchr("hlLjzt", *f))
		f++;	/* C length modifiers mean nothing here */
	d->tfmt = NULL;
	d->tfmt_len = 0;
	if (*f == '(') {	/* %(fmt)T */
		const char *close = strchr(f, ')');
		if (!close) {
			builtin_error(pf->sh, "%s: missing )", start);
			return false;
		}
		d->tfmt = f + 1;
		d->tfmt_len = (size_t)(close - f - 1);
		f = close + 1;
		if (*f != 'T')
			ok = false;
	}
	d->conv = *f;
	if (!*f) {
		builtin_error(pf->sh, "%s: missing format character", start);
		return false;
	}
	*fp = f + 1;
	if (!ok || !strchr("diouxXeEfFgGaAcsbqT", *f) ||
	    (*f == 'T' && !d->tfmt)) {
		builtin_error(pf->sh, "%.*s: invalid directive",
			      (int)(f + 1 - start), start);
		return false;
	}
	return true;
}

/* One pass over the format.  False on a format error (stop, status 1). */
static bool run_format(struct pf *pf, const char *fmt)
{
	const char *f = fmt;
	while (*f && !pf->stop) {
		if (*f == '\\') {
			escape_one(&f, &pf->out, ESCAPE_FORMAT);
		} else if (*f == '%' && f[1] == '%') {
			sb_putc(&pf->out, '%');
			f += 2;
		} else if (*f == '%') {
			struct directive d;
			f++;
			if (!parse_directive(pf, &f, &d))
				return false;
			pf->want = d.argno;
			if (strchr("csbqT", d.conv))
				convert_string(pf, &d);
			else
				convert_number(pf, &d);
		} else {
			sb_putc(&pf->out, *f++);
		}
	}
	return true;
}

/* -v name: the first operand's index and *var, or -1 after a message. */
static int parse_opts(struct shell *sh, int argc, char **argv,
		      const char **var)
{
	struct bopt b;
	int c;
	*var = NULL;
	bopt_init(&b, argc, argv, "v:", 0);
	while ((c = bopt_next(sh, &b)) != 0) {
		if (c == '?')
			return -1;
		*var = b.arg;
	}
	if (*var && !var_is_target(*var)) {
		builtin_error(sh, "%s: bad variable name", *var);
		return -1;
	}
	return b.ind;
}

/* Where the output goes: stdout, or (printf -v) the variable. */
static int finish(struct shell *sh, struct pf *pf, const char *var)
{
	int status = pf->status;
	if (var) {
		if (var_set_target(sh, var, sb_str(&pf->out)) < 0)
			status = 1;
		sb_free(&pf->out);
		return status;
	}
	fwrite(sb_str(&pf->out), 1, pf->out.len, stdout);
	sb_free(&pf->out);
	int werr = builtin_flush_stdout(sh);
	return werr ? werr : status;
}

int builtin_printf(struct shell *sh, int argc, char **argv)
{
	const char *var;
	int i = parse_opts(sh, argc, argv, &var);
	if (i < 0)
		return 2;
	if (i >= argc)
		return bopt_usage(sh);
	struct pf pf = { .sh = sh, .args = argv + i + 1,
			 .nargs = argc - i - 1, .out = STRBUF_INIT };
	const char *fmt = argv[i];
	do {
		pf.consumed = false;
		if (!run_format(&pf, fmt)) {
			pf.status = 1;
			break;
		}
		if (!var) {
			fwrite(sb_str(&pf.out), 1, pf.out.len, stdout);
			sb_clear(&pf.out);
		}
		/* The next pass starts after the highest argument used. */
		pf.next = pf.base = pf.high;
	} while (!pf.stop && pf.consumed && pf.next < pf.nargs);
	return finish(sh, &pf, var);
}
