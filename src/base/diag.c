/* diag.c: diagnostics (see diag.h). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "base/diag.h"

#include <unistd.h>

#include "base/fdutil.h"
#include "base/strbuf.h"

void diag_vat(const char *file, long line, const char *fmt, va_list ap)
{
	struct strbuf sb = STRBUF_INIT;
	sb_append(&sb, "whelk: ");
	if (file && *file) {
		sb_append(&sb, file);
		if (line > 0)
			sb_printf(&sb, ": line %ld", line);
		sb_append(&sb, ": ");
	}
	sb_vprintf(&sb, fmt, ap);
	sb_putc(&sb, '\n');
	(void)fd_write_all(STDERR_FILENO, sb.data, sb.len);
	sb_free(&sb);
}

void diag_at(const char *file, long line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_vat(file, line, fmt, ap);
	va_end(ap);
}

void diag_msg(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_vat(NULL, 0, fmt, ap);
	va_end(ap);
}
