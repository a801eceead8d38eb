/* vterm.c: a small terminal emulator for ptydrive — the xterm subset line editors use, so tests can check the screen. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What readline, libedit and whelk itself send with TERM=xterm: printable
 * text (UTF-8, one cell per character), CR, LF, BS, TAB, and the CSI
 * sequences for cursor motion (A B C D E F G H d f), erasing (J K X),
 * inserting and deleting characters and lines (@ P L M), scrolling (S T)
 * and SGR (m, only faint/grey is remembered).  Autowrap is deferred as in
 * xterm: a character written in the last column leaves the cursor there,
 * and only the next printable character moves to the next row — line
 * editors depend on that.  Anything else is parsed and ignored.
 */
#include "vterm.h"

#include <stdlib.h>
#include <string.h>

static struct vcell *at(struct vterm *vt, int r, int c)
{
	return &vt->cell[(size_t)r * (size_t)vt->cols + (size_t)c];
}

void vterm_init(struct vterm *vt, int rows, int cols)
{
	memset(vt, 0, sizeof *vt);
	vt->rows = rows;
	vt->cols = cols;
	vt->cell = calloc((size_t)rows * (size_t)cols, sizeof *vt->cell);
	if (!vt->cell)
		exit(2);
}

void vterm_free(struct vterm *vt)
{
	free(vt->cell);
	vt->cell = NULL;
}

void vterm_resize(struct vterm *vt, int rows, int cols)
{
	struct vterm nv;
	vterm_init(&nv, rows, cols);
	int drop = vt->row >= rows ? vt->row - rows + 1 : 0;
	for (int r = 0; r + drop < vt->rows && r < rows; r++)
		for (int c = 0; c < vt->cols && c < cols; c++)
			*at(&nv, r, c) = *at(vt, r + drop, c);
	free(vt->cell);
	vt->cell = nv.cell;
	vt->rows = rows;
	vt->cols = cols;
	vt->row -= drop;
	if (vt->col >= cols)
		vt->col = cols - 1;
	vt->wrap_pending = false;
}

static void clear_cells(struct vterm *vt, int r, int c0, int c1)
{
	for (int c = c0; c < c1 && c < vt->cols; c++)
		memset(at(vt, r, c), 0, sizeof(struct vcell));
}

/* Rows top..bottom-1 move up by n (n < 0: down); the freed rows are blank. */
static void scroll_rows(struct vterm *vt, int top, int n)
{
	int h = vt->rows - top;
	if (n >= h || -n >= h) {
		for (int r = top; r < vt->rows; r++)
			clear_cells(vt, r, 0, vt->cols);
		return;
	}
	size_t w = (size_t)vt->cols * sizeof(struct vcell);
	if (n > 0) {
		memmove(at(vt, top, 0), at(vt, top + n, 0), (size_t)(h - n) * w);
		for (int r = vt->rows - n; r < vt->rows; r++)
			clear_cells(vt, r, 0, vt->cols);
	} else if (n < 0) {
		memmove(at(vt, top - n, 0), at(vt, top, 0), (size_t)(h + n) * w);
		for (int r = top; r < top - n; r++)
			clear_cells(vt, r, 0, vt->cols);
	}
}

static void line_feed(struct vterm *vt)
{
	if (vt->row == vt->rows - 1)
		scroll_rows(vt, 0, 1);
	else
		vt->row++;
}

static void put_char(struct vterm *vt, unsigned char c)
{
	if (c >= 0x80 && c < 0xc0) {	/* UTF-8 continuation: same cell */
		int pc = vt->wrap_pending ? vt->col : vt->col - 1;
		if (pc >= 0) {
			struct vcell *p = at(vt, vt->row, pc);
			size_t l = strlen(p->ch);
			if (l > 0 && l < 4)
				p->ch[l] = (char)c;
		}
		return;
	}
	if (vt->wrap_pending) {
		vt->col = 0;
		line_feed(vt);
		vt->wrap_pending = false;
	}
	struct vcell *p = at(vt, vt->row, vt->col);
	memset(p, 0, sizeof *p);
	p->ch[0] = (char)c;
	p->dim = vt->dim;
	if (vt->col == vt->cols - 1)
		vt->wrap_pending = true;
	else
		vt->col++;
}

static int clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* The n-th numeric CSI parameter, or def when absent or 0. */
static int param(const struct vterm *vt, int n, int def)
{
	const char *p = vt->params;
	for (int i = 0; i < n; i++) {
		p = strchr(p, ';');
		if (!p)
			return def;
		p++;
	}
	int v = atoi(p);
	return v > 0 ? v : def;
}

static void sgr(struct vterm *vt)
{
	const char *p = vt->params;
	for (;;) {
		int v = atoi(p);
		if (v == 0 || v == 22 || v == 39)
			vt->dim = false;
		else if (v == 2 || v == 90)
			vt->dim = true;
		p = strchr(p, ';');
		if (!p)
			return;
		p++;
	}
}

static void erase(struct vterm *vt, char how, int mode)
{
	int r = vt->row, c = vt->col;
	if (how == 'K') {
		if (mode == 0)
			clear_cells(vt, r, c, vt->cols);
		else if (mode == 1)
			clear_cells(vt, r, 0, c + 1);
		else
			clear_cells(vt, r, 0, vt->cols);
		return;
	}
	if (mode == 0) {
		clear_cells(vt, r, c, vt->cols);
		for (int i = r + 1; i < vt->rows; i++)
			clear_cells(vt, i, 0, vt->cols);
	} else if (mode == 1) {
		for (int i = 0; i < r; i++)
			clear_cells(vt, i, 0, vt->cols);
		clear_cells(vt, r, 0, c + 1);
	} else {
		for (int i = 0; i < vt->rows; i++)
			clear_cells(vt, i, 0, vt->cols);
	}
}

/* Insert (n > 0) or delete (n < 0) cells at the cursor, within its row. */
static void shift_cells(struct vterm *vt, int n)
{
	struct vcell *row = at(vt, vt->row, 0);
	int c = vt->col, w = vt->cols;
	if (n > 0) {
		n = clamp(n, 0, w - c);
		memmove(row + c + n, row + c, (size_t)(w - c - n) * sizeof *row);
		memset(row + c, 0, (size_t)n * sizeof *row);
	} else {
		n = clamp(-n, 0, w - c);
		memmove(row + c, row + c + n, (size_t)(w - c - n) * sizeof *row);
		memset(row + w - n, 0, (size_t)n * sizeof *row);
	}
}

static void csi(struct vterm *vt, char final)
{
	if (vt->params[0] == '?' || vt->params[0] == '>' || vt->params[0] == '=')
		return;		/* private modes: nothing on screen */
	int n = param(vt, 0, 1);
	int last_r = vt->rows - 1, last_c = vt->cols - 1;
	vt->wrap_pending = final == 'm' ? vt->wrap_pending : false;
	switch (final) {
	case 'A': vt->row = clamp(vt->row - n, 0, last_r); break;
	case 'B': vt->row = clamp(vt->row + n, 0, last_r); break;
	case 'C': vt->col = clamp(vt->col + n, 0, last_c); break;
	case 'D': vt->col = clamp(vt->col - n, 0, last_c); break;
	case 'E': vt->row = clamp(vt->row + n, 0, last_r); vt->col = 0; break;
	case 'F': vt->row = clamp(vt->row - n, 0, last_r); vt->col = 0; break;
	case 'G': vt->col = clamp(n - 1, 0, last_c); break;
	case 'd': vt->row = clamp(n - 1, 0, last_r); break;
	case 'H':
	case 'f':
		vt->row = clamp(n - 1, 0, last_r);
		vt->col = clamp(param(vt, 1, 1) - 1, 0, last_c);
		break;
	case 'J':
	case 'K': erase(vt, final, param(vt, 0, 0)); break;
	case 'X': clear_cells(vt, vt->row, vt->col, vt->col + n); break;
	case '@': shift_cells(vt, n); break;
	case 'P': shift_cells(vt, -n); break;
	case 'L': scroll_rows(vt, vt->row, -n); break;
	case 'M': scroll_rows(vt, vt->row, n); break;
	case 'S': scroll_rows(vt, 0, n); break;
	case 'T': scroll_rows(vt, 0, -n); break;
	case 'm': sgr(vt); break;
	default: break;
	}
}

static void escape(struct vterm *vt, unsigned char c)
{
	vt->state = 0;
	switch (c) {
	case '[': vt->state = 2; vt->nparams = 0; vt->params[0] = '\0'; break;
	case ']': vt->state = 3; break;
	case '(': case ')': case '#': vt->state = 4; break;	/* one more byte */
	case '7': vt->saved_row = vt->row; vt->saved_col = vt->col; break;
	case '8':
		vt->row = vt->saved_row;
		vt->col = vt->saved_col;
		vt->wrap_pending = false;
		break;
	case 'M':	/* reverse index */
		if (vt->row == 0)
			scroll_rows(vt, 0, -1);
		else
			vt->row--;
		break;
	case 'D': line_feed(vt); break;
	case 'E': vt->col = 0; line_feed(vt); break;
	default: break;
	}
}

static void control(struct vterm *vt, unsigned char c)
{
	switch (c) {
	case '\r': vt->col = 0; vt->wrap_pending = false; break;
	case '\n': case '\v': case '\f':
		line_feed(vt);
		vt->wrap_pending = false;
		break;
	case '\b':
		if (vt->wrap_pending)
			vt->wrap_pending = false;
		else if (vt->col > 0)
			vt->col--;
		break;
	case '\t':
		vt->col = clamp((vt->col / 8 + 1) * 8, 0, vt->cols - 1);
		vt->wrap_pending = false;
		break;
	case 033: vt->state = 1; break;
	default: break;		/* BEL, NUL, ... */
	}
}

void vterm_feed(struct vterm *vt, const char *buf, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)buf[i];
		switch (vt->state) {
		case 1: escape(vt, c); continue;
		case 2:
			if (c >= 0x40 && c <= 0x7e) {
				vt->state = 0;
				csi(vt, (char)c);
			} else if (vt->nparams + 1 < sizeof vt->params) {
				vt->params[vt->nparams++] = (char)c;
				vt->params[vt->nparams] = '\0';
			}
			continue;
		case 3:
			if (c == '\a' || c == 033)
				vt->state = c == 033 ? 4 : 0;	/* ST is ESC \ */
			continue;
		case 4: vt->state = 0; continue;
		}
		if (c < 0x20 || c == 0x7f)
			control(vt, c);
		else
			put_char(vt, c);
	}
}

char *vterm_dump(const struct vterm *vt, bool only_dim)
{
	size_t cap = (size_t)vt->rows * ((size_t)vt->cols * 4 + 1) + 1;
	char *out = malloc(cap), *o = out;
	if (!out)
		exit(2);
	for (int r = 0; r < vt->rows; r++) {
		char *row_start = o;
		char *end = o;	/* after the last non-blank */
		for (int c = 0; c < vt->cols; c++) {
			const struct vcell *p = &vt->cell[(size_t)r * (size_t)vt->cols + (size_t)c];
			if (p->ch[0] && (!only_dim || p->dim)) {
				size_t l = strlen(p->ch);
				memcpy(o, p->ch, l);
				o += l;
				end = o;
			} else {
				*o++ = ' ';
			}
		}
		o = end > row_start ? end : row_start;
		if (r < vt->rows - 1)
			*o++ = '\n';
	}
	*o = '\0';
	return out;
}
