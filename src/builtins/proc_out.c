/* proc_out.c: the proc builtin's output — aligned tables, JSON with a schema version, or shell-quoted key=value lines. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "builtins/proc_internal.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/shquote.h"

void pv_init(struct pv_out *o, const char *view, const struct proc_ctx *c)
{
	memset(o, 0, sizeof *o);
	o->view = view;
	o->mode = c->mode;
	o->header = c->header;
	o->capture = c->capture;
	sb_init(&o->notes);
	sb_init(&o->warnings);
}

void pv_section(struct pv_out *o, const char *name, bool vertical)
{
	o->sec = xreallocarray(o->sec, o->nsec + 1, sizeof *o->sec);
	struct pv_section *s = &o->sec[o->nsec++];
	memset(s, 0, sizeof *s);
	s->name = name;
	s->vertical = vertical;
}

void pv_row(struct pv_out *o, const char *fmt, ...)
{
	if (o->nsec == 0)
		pv_section(o, "rows", false);
	struct pv_section *s = &o->sec[o->nsec - 1];
	s->rows = xreallocarray(s->rows, s->n + 1, sizeof *s->rows);
	struct pv_row *r = &s->rows[s->n++];
	struct strbuf sb = STRBUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	sb_vprintf(&sb, fmt, ap);
	va_end(ap);
	r->f = NULL;
	r->n = 0;
	r->label = sb_finish(&sb);
}

static struct pv_field *add_field(struct pv_out *o, const char *key)
{
	struct pv_section *s = &o->sec[o->nsec - 1];
	struct pv_row *r = &s->rows[s->n - 1];
	r->f = xreallocarray(r->f, r->n + 1, sizeof *r->f);
	struct pv_field *f = &r->f[r->n++];
	memset(f, 0, sizeof *f);
	f->key = key;
	return f;
}

void pv_str(struct pv_out *o, const char *key, const char *value)
{
	add_field(o, key)->value = value ? xstrdup(value) : NULL;
}

void pv_num(struct pv_out *o, const char *key, long long value)
{
	struct pv_field *f = add_field(o, key);
	struct strbuf sb = STRBUF_INIT;
	sb_printf(&sb, "%lld", value);
	f->value = sb_finish(&sb);
	f->num = true;
}

void pv_fmt(struct pv_out *o, const char *key, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	sb_vprintf(&sb, fmt, ap);
	va_end(ap);
	add_field(o, key)->value = sb_finish(&sb);
}

void pv_numfmt(struct pv_out *o, const char *key, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	sb_vprintf(&sb, fmt, ap);
	va_end(ap);
	struct pv_field *f = add_field(o, key);
	f->value = sb_finish(&sb);
	f->num = true;
}

void pv_missing(struct pv_out *o, const char *key, int err)
{
	struct pv_field *f = add_field(o, key);
	if (err)
		f->why = xstrdup(proc_reason(err));
}

void pv_warn(struct pv_out *o, const char *fmt, ...)
{
	va_list ap;
	sb_append(&o->warnings, "whelk: proc: ");
	va_start(ap, fmt);
	sb_vprintf(&o->warnings, fmt, ap);
	va_end(ap);
	sb_putc(&o->warnings, '\n');
}

const char *proc_reason(int err)
{
	switch (err) {
	case EACCES:
	case EPERM:
		return "needs the same uid or CAP_SYS_PTRACE";
	case ENOENT:
	case ESRCH:
		return "the process exited while being read";
	case EINVAL:
		return "unexpected format (unknown kernel?)";
	case ENOTSUP:
		return "/proc is not available";
	default:
		return strerror(err);
	}
}

/* ------------------------------------------------------------ quoting */

/*
 * Text from /proc is whatever another process chose: its arguments, its
 * comm, a file name may hold escape sequences, newlines and bytes that are
 * not UTF-8.  None of it may reach a terminal raw (anyone could move
 * everyone's cursor through `proc ps -a`), break a row, or make the JSON
 * invalid.  Each output mode has its own safe form:
 *   table  a control character (C0, DEL, C1) and each byte of an invalid
 *          sequence becomes '?', as ps(1) shows them;
 *   -k     such a value is written as $'...' with \n, \t, \xNN escapes;
 *   -j     control characters as \uNNNN, an invalid byte as U+FFFD, and
 *          the row's "bytes" object keeps the exact bytes in hex.
 */

/* Length of the valid UTF-8 sequence at s (1-4), 0 when s does not start
   one (a stray continuation byte, an overlong form, a surrogate, a value
   beyond U+10FFFF, a truncated sequence).  *cp gets the code point. */
static size_t utf8_seq(const unsigned char *s, uint32_t *cp)
{
	size_t n;
	uint32_t v, min;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if ((s[0] & 0xe0) == 0xc0)
		n = 2, v = s[0] & 0x1f, min = 0x80;
	else if ((s[0] & 0xf0) == 0xe0)
		n = 3, v = s[0] & 0x0f, min = 0x800;
	else if ((s[0] & 0xf8) == 0xf0)
		n = 4, v = s[0] & 0x07, min = 0x10000;
	else
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;	/* also stops at the NUL */
		v = v << 6 | (s[i] & 0x3f);
	}
	if (v < min || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))
		return 0;
	*cp = v;
	return n;
}

/* C0 controls, DEL and the C1 controls (U+0080..U+009F: a terminal may
   take U+009B as CSI). */
static bool control_cp(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f);
}

/* Does s need more than plain printing: a control or an invalid byte? */
static bool unsafe_text(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	while (*u) {
		uint32_t cp;
		size_t n = utf8_seq(u, &cp);
		if (n == 0 || control_cp(cp))
			return true;
		u += n;
	}
	return false;
}

/* The table form: each control character or invalid byte as '?'. */
static char *table_text(const char *s)
{
	struct strbuf sb = STRBUF_INIT;
	const unsigned char *u = (const unsigned char *)s;
	while (*u) {
		uint32_t cp;
		size_t n = utf8_seq(u, &cp);
		if (n == 0 || control_cp(cp)) {
			sb_putc(&sb, '?');
			u += n ? n : 1;
		} else {
			sb_appendn(&sb, (const char *)u, n);
			u += n;
		}
	}
	return sb_finish(&sb);
}

/* Columns a (valid UTF-8) text takes: one per character. */
static size_t text_width(const char *s)
{
	size_t w = 0;
	for (; *s; s++)
		w += ((unsigned char)*s & 0xc0) != 0x80;
	return w;
}

/* The -k form of an unsafe value: $'...' (XCU 2.2.4), which every shell
   with `eval` reads back as the same bytes on one line. */
static void dollar_quote(struct strbuf *sb, const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	sb_append(sb, "$'");
	while (*u) {
		uint32_t cp;
		size_t n = utf8_seq(u, &cp);
		if (n == 0 || control_cp(cp)) {
			size_t k = n ? n : 1;
			for (size_t i = 0; i < k; i++) {
				if (u[i] == '\n')
					sb_append(sb, "\\n");
				else if (u[i] == '\t')
					sb_append(sb, "\\t");
				else
					sb_printf(sb, "\\x%02x", u[i]);
			}
			u += k;
			continue;
		}
		if (*u == '\'' || *u == '\\')
			sb_putc(sb, '\\');
		sb_appendn(sb, (const char *)u, n);
		u += n;
	}
	sb_putc(sb, '\'');
}

/* A JSON string literal (RFC 8259), valid UTF-8 whatever s holds.
   Returns false when an invalid byte was replaced by U+FFFD. */
static bool json_text(struct strbuf *sb, const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	bool exact = true;
	sb_putc(sb, '"');
	while (*u) {
		uint32_t cp;
		size_t n = utf8_seq(u, &cp);
		if (n == 0) {
			sb_append(sb, "\\ufffd");
			exact = false;
			u++;
			continue;
		}
		if (cp == '"' || cp == '\\')
			sb_printf(sb, "\\%c", (char)cp);
		else if (cp == '\n')
			sb_append(sb, "\\n");
		else if (cp == '\t')
			sb_append(sb, "\\t");
		else if (control_cp(cp))
			sb_printf(sb, "\\u%04x", (unsigned)cp);
		else
			sb_appendn(sb, (const char *)u, n);
		u += n;
	}
	sb_putc(sb, '"');
	return exact;
}

void proc_json_string(struct strbuf *sb, const char *s)
{
	json_text(sb, s);
}

/* -------------------------------------------------------------- table */

static const char *shown(const struct pv_field *f)
{
	return f->value ? f->value : "-";
}

static void upper(struct strbuf *sb, const char *key)
{
	for (; *key; key++)
		sb_putc(sb, (char)toupper((unsigned char)*key));
}

/* Column widths: the widest of header and values, per field position. */
static size_t *col_widths(const struct pv_section *s, size_t ncol)
{
	size_t *w = xcalloc(ncol, sizeof *w);
	for (size_t c = 0; c < ncol; c++)
		w[c] = strlen(s->rows[0].f[c].key);
	for (size_t r = 0; r < s->n; r++)
		for (size_t c = 0; c < ncol && c < s->rows[r].n; c++) {
			size_t l = text_width(shown(&s->rows[r].f[c]));
			if (l > w[c])
				w[c] = l;
		}
	return w;
}

static void table_cell(struct strbuf *sb, const char *text, size_t width,
		       bool last)
{
	sb_append(sb, text);
	if (!last)
		for (size_t l = text_width(text); l < width + 2; l++)
			sb_putc(sb, ' ');
}

static void emit_columns(const struct pv_out *o, const struct pv_section *s,
			 struct strbuf *sb)
{
	if (s->n == 0)
		return;
	size_t ncol = s->rows[0].n;
	size_t *w = col_widths(s, ncol);
	if (o->header) {
		for (size_t c = 0; c < ncol; c++) {
			struct strbuf h = STRBUF_INIT;
			upper(&h, s->rows[0].f[c].key);
			table_cell(sb, sb_str(&h), w[c], c + 1 == ncol);
			sb_free(&h);
		}
		sb_putc(sb, '\n');
	}
	for (size_t r = 0; r < s->n; r++) {
		for (size_t c = 0; c < ncol && c < s->rows[r].n; c++)
			table_cell(sb, shown(&s->rows[r].f[c]), w[c],
				   c + 1 == ncol);
		sb_putc(sb, '\n');
	}
	free(w);
}

/* A vertical section: "key    value" per field, rows separated by a blank. */
static void emit_vertical(const struct pv_section *s, struct strbuf *sb)
{
	for (size_t r = 0; r < s->n; r++) {
		const struct pv_row *row = &s->rows[r];
		size_t w = 0;
		for (size_t c = 0; c < row->n; c++)
			if (strlen(row->f[c].key) > w)
				w = strlen(row->f[c].key);
		if (r > 0)
			sb_putc(sb, '\n');
		for (size_t c = 0; c < row->n; c++) {
			table_cell(sb, row->f[c].key, w, false);
			sb_append(sb, shown(&row->f[c]));
			sb_putc(sb, '\n');
		}
	}
}

/* Every value in its table form (see "quoting" above). */
static void table_safe(struct pv_out *o)
{
	for (size_t i = 0; i < o->nsec; i++)
		for (size_t r = 0; r < o->sec[i].n; r++) {
			struct pv_row *row = &o->sec[i].rows[r];
			for (size_t c = 0; c < row->n; c++) {
				char *v = row->f[c].value;
				if (v && unsafe_text(v)) {
					row->f[c].value = table_text(v);
					free(v);
				}
			}
		}
}

static void emit_table(struct pv_out *o, struct strbuf *sb)
{
	table_safe(o);
	for (size_t i = 0; i < o->nsec; i++) {
		if (i > 0 && o->sec[i].n > 0 && sb->len > 0)
			sb_putc(sb, '\n');
		if (o->sec[i].vertical)
			emit_vertical(&o->sec[i], sb);
		else
			emit_columns(o, &o->sec[i], sb);
	}
	if (o->notes.len > 0) {
		if (sb->len > 0)
			sb_putc(sb, '\n');
		sb_append(sb, sb_str(&o->notes));
	}
}

/* --------------------------------------------------------------- JSON */

/* "bytes": {"cmd": "6869ff"}: the exact bytes of each value that is not
   valid UTF-8 (its string shows U+FFFD in their place). */
static void json_raw_bytes(const struct pv_row *r, struct strbuf *sb)
{
	bool first = true;
	for (size_t c = 0; c < r->n; c++) {
		const struct pv_field *f = &r->f[c];
		struct strbuf scratch = STRBUF_INIT;
		bool exact = !f->value || f->num || json_text(&scratch, f->value);
		sb_free(&scratch);
		if (exact)
			continue;
		sb_append(sb, first ? ",\"bytes\":{" : ",");
		first = false;
		proc_json_string(sb, f->key);
		sb_append(sb, ":\"");
		for (const unsigned char *u = (const unsigned char *)f->value;
		     *u; u++)
			sb_printf(sb, "%02x", *u);
		sb_putc(sb, '"');
	}
	if (!first)
		sb_putc(sb, '}');
}

static void json_row(const struct pv_row *r, struct strbuf *sb)
{
	bool errs = false, inexact = false;
	sb_putc(sb, '{');
	for (size_t c = 0; c < r->n; c++) {
		const struct pv_field *f = &r->f[c];
		if (c)
			sb_putc(sb, ',');
		proc_json_string(sb, f->key);
		sb_putc(sb, ':');
		if (!f->value)
			sb_append(sb, "null");
		else if (f->num)
			sb_append(sb, f->value);
		else
			inexact |= !json_text(sb, f->value);
		errs |= f->why != NULL;
	}
	if (errs) {
		/* Why each null is null: {"cwd": "needs the same uid..."}. */
		sb_append(sb, r->n ? ",\"errors\":{" : "\"errors\":{");
		bool first = true;
		for (size_t c = 0; c < r->n; c++) {
			if (!r->f[c].why)
				continue;
			if (!first)
				sb_putc(sb, ',');
			first = false;
			proc_json_string(sb, r->f[c].key);
			sb_putc(sb, ':');
			proc_json_string(sb, r->f[c].why);
		}
		sb_putc(sb, '}');
	}
	if (inexact)
		json_raw_bytes(r, sb);
	sb_putc(sb, '}');
}

/* Sections with the same name (one per target process) form one array. */
static void emit_json(struct pv_out *o, struct strbuf *sb)
{
	sb_printf(sb, "{\"schema\":%d,\"view\":", PROC_SCHEMA_VERSION);
	proc_json_string(sb, o->view);
	for (size_t i = 0; i < o->nsec; i++) {
		bool seen = false;
		for (size_t k = 0; k < i; k++)
			seen |= strcmp(o->sec[k].name, o->sec[i].name) == 0;
		if (seen)
			continue;
		sb_putc(sb, ',');
		proc_json_string(sb, o->sec[i].name);
		sb_append(sb, ":[");
		bool first = true;
		for (size_t k = i; k < o->nsec; k++) {
			if (strcmp(o->sec[k].name, o->sec[i].name) != 0)
				continue;
			for (size_t r = 0; r < o->sec[k].n; r++) {
				if (!first)
					sb_putc(sb, ',');
				first = false;
				json_row(&o->sec[k].rows[r], sb);
			}
		}
		sb_putc(sb, ']');
	}
	sb_append(sb, "}\n");
}

/* ---------------------------------------------------------- key=value */

static void kv_field(const struct pv_field *f, struct strbuf *sb)
{
	sb_append(sb, f->key);
	sb_putc(sb, '=');
	if (f->value && unsafe_text(f->value))
		dollar_quote(sb, f->value);
	else
		shq_word(sb, f->value ? f->value : "");
}

/* Tabular rows: one line each.  Vertical rows: one field per line, so
   `eval "$(proc info -k)"` reads like a list of assignments. */
static void emit_kv(struct pv_out *o, struct strbuf *sb)
{
	for (size_t i = 0; i < o->nsec; i++) {
		const struct pv_section *s = &o->sec[i];
		for (size_t r = 0; r < s->n; r++)
			for (size_t c = 0; c < s->rows[r].n; c++) {
				kv_field(&s->rows[r].f[c], sb);
				bool eol = s->vertical || c + 1 == s->rows[r].n;
				sb_putc(sb, eol ? '\n' : ' ');
			}
	}
}

/* Outside JSON, the reasons for '-' fields go to stderr, one line per
   row and reason: "whelk: proc: pid 1: cwd, exe: needs the same uid...". */
static void collect_reasons(struct pv_out *o)
{
	for (size_t i = 0; i < o->nsec; i++)
		for (size_t r = 0; r < o->sec[i].n; r++) {
			struct pv_row *row = &o->sec[i].rows[r];
			for (size_t c = 0; c < row->n; c++) {
				const char *why = row->f[c].why;
				if (!why)
					continue;
				bool seen = false;
				for (size_t k = 0; k < c; k++)
					seen |= row->f[k].why &&
						strcmp(row->f[k].why, why) == 0;
				if (seen)
					continue;
				struct strbuf keys = STRBUF_INIT;
				for (size_t k = c; k < row->n; k++)
					if (row->f[k].why &&
					    strcmp(row->f[k].why, why) == 0)
						sb_printf(&keys, "%s%s",
							  keys.len ? ", " : "",
							  row->f[k].key);
				pv_warn(o, "%s: %s: %s", row->label,
					sb_str(&keys), why);
				sb_free(&keys);
			}
		}
}

static void pv_free(struct pv_out *o)
{
	for (size_t i = 0; i < o->nsec; i++) {
		for (size_t r = 0; r < o->sec[i].n; r++) {
			struct pv_row *row = &o->sec[i].rows[r];
			for (size_t c = 0; c < row->n; c++) {
				free(row->f[c].value);
				free(row->f[c].why);
			}
			free(row->f);
			free(row->label);
		}
		free(o->sec[i].rows);
	}
	free(o->sec);
	sb_free(&o->notes);
	sb_free(&o->warnings);
	memset(o, 0, sizeof *o);
}

void pv_emit(struct pv_out *o)
{
	struct strbuf sb = STRBUF_INIT;
	if (o->mode == PV_JSON)
		emit_json(o, &sb);
	else {
		collect_reasons(o);
		if (o->mode == PV_KV)
			emit_kv(o, &sb);
		else
			emit_table(o, &sb);
	}
	if (o->capture)
		sb_appendn(o->capture, sb_str(&sb), sb.len);
	else
		fwrite(sb_str(&sb), 1, sb.len, stdout);
	if (o->warnings.len) {
		fflush(stdout);
		fputs(sb_str(&o->warnings), stderr);
	}
	sb_free(&sb);
	pv_free(o);
}

void pv_pid(const struct proc_ctx *c, struct pv_out *o, pid_t pid)
{
	if (c->multi || o->mode == PV_JSON)
		pv_num(o, "pid", pid);
}

void pv_self_ids(struct pv_out *o)
{
	pv_num(o, "pid", getpid());
	pv_num(o, "ppid", getppid());
	pv_num(o, "pgid", getpgrp());
	pv_num(o, "sid", getsid(0));
	pid_t fg = tcgetpgrp(STDIN_FILENO);
	if (fg > 0)
		pv_num(o, "tpgid", fg);
	else
		pv_missing(o, "tpgid", 0);
}
