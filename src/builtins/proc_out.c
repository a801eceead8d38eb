/* proc_out.c: the proc builtin's output — aligned tables, JSON with a schema version, or shell-quoted key=value lines. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "builtins/proc_internal.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/shquote.h"

void pv_init(struct pv_out *o, const char *view, enum pv_mode mode,
	     bool header)
{
	memset(o, 0, sizeof *o);
	o->view = view;
	o->mode = mode;
	o->header = header;
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

/* Characters that never need quoting in a shell word (XCU 2.2). */
void proc_json_string(struct strbuf *sb, const char *s)
{
	sb_putc(sb, '"');
	for (; *s; s++) {
		unsigned char ch = (unsigned char)*s;
		if (ch == '"' || ch == '\\')
			sb_printf(sb, "\\%c", ch);
		else if (ch == '\n')
			sb_append(sb, "\\n");
		else if (ch == '\t')
			sb_append(sb, "\\t");
		else if (ch < 0x20 || ch == 0x7f)
			sb_printf(sb, "\\u%04x", ch);
		else
			sb_putc(sb, (char)ch);
	}
	sb_putc(sb, '"');
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
			size_t l = strlen(shown(&s->rows[r].f[c]));
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
		for (size_t l = strlen(text); l < width + 2; l++)
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

static void emit_table(struct pv_out *o, struct strbuf *sb)
{
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

static void json_row(const struct pv_row *r, struct strbuf *sb)
{
	bool errs = false;
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
			proc_json_string(sb, f->value);
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
	fwrite(sb_str(&sb), 1, sb.len, stdout);
	if (o->warnings.len) {
		fflush(stdout);
		fputs(sb_str(&o->warnings), stderr);
	}
	sb_free(&sb);
	pv_free(o);
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
