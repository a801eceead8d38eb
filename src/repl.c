/* repl.c: the interactive loop — prompt, read (line editor), parse, run, notify — and the startup files. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * One turn of the loop, as a reader follows it:
 *
 *   repl_job_notices()      "[1]+  Done  sleep 3" for jobs that changed
 *   parser_next()           asks the line source for text; the source
 *     -> read_line()        calls us back with continuation=false (show
 *        -> make_prompt()   PS1) or true (PS2: an open quote, an `if`
 *        -> lineedit_read() without `fi`, a here-document...)
 *   history_enter()         all the lines of that one command become ONE
 *                           history entry, appended to $HISTFILE at once
 *   eval_node()             run it
 *
 * This file may include every layer: it is where the interactive layer
 * (which sees only base and parser) is wired to the shell's state through
 * the hooks structs it declares.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/diag.h"
#include "base/fdutil.h"
#include "base/hashmap.h"
#include "base/shquote.h"
#include "base/signames.h"
#include "base/strbuf.h"
#include "builtins/help.h"
#include "exec/hist_iface.h"
#include "builtins/proc.h"
#include "builtins/registry.h"
#include "exec/eval.h"
#include "exec/expand.h"
#include "exec/pattern.h"
#include "exec/shell.h"
#include "interactive/complete.h"
#include "interactive/histexpand.h"
#include "interactive/history.h"
#include "interactive/lineedit.h"
#include "interactive/prompt.h"
#include "interactive/suggest.h"
#include "jobs/jobs.h"
#include "parser/parser.h"
#include "parser/source.h"
#include "repl.h"

/* Consecutive Ctrl-Ds ignored under ignoreeof before we give up anyway (a
   terminal that hung up reports end of file forever). */
#define REPL_MAX_IGNORED_EOF 10

struct repl {
	struct shell *sh;		/* borrowed */
	struct lineedit *le;		/* owned */
	struct history hist;
	struct shell_history hist_iface;	/* what fc/history see */
	struct complete_hooks complete;
	unsigned long saved;		/* newest entry known to be in the file */
	char *histfile_bad;		/* owned, may be NULL: the HISTFILE
					   that failed (reported once, then
					   left alone) */
	struct strbuf entry;		/* the lines of the command being read */
	struct hx_state hx;		/* history expansion's memory */
	bool tty;			/* input is a terminal (history
					   expansion applies) */
	unsigned long cmdnum;		/* \# : commands entered so far */
	bool interrupted;		/* Ctrl-C during a continuation line */
	bool eof;			/* end of input: leave the loop */
	char *user;			/* owned: login name for \u */
	char *host;			/* owned: host name for \h */
};

/* ------------------------------------------------------------ history */

/* $HISTFILE, or ~/.whelk_history; NULL when neither can be named. */
static char *history_path(struct shell *sh)
{
	const char *f = var_get(sh, "HISTFILE");
	if (f)
		return *f ? xstrdup(f) : NULL;	/* HISTFILE= turns saving off */
	const char *home = var_get(sh, "HOME");
	if (!home || !*home)
		return NULL;
	struct strbuf sb = STRBUF_INIT;
	sb_printf(&sb, "%s/.whelk_history", home);
	return sb_finish(&sb);
}

static unsigned long hi_first(void *ctx)
{
	return hist_first(&((struct repl *)ctx)->hist);
}

static unsigned long hi_last(void *ctx)
{
	return hist_last(&((struct repl *)ctx)->hist);
}

static const char *hi_get(void *ctx, unsigned long n)
{
	return hist_get(&((struct repl *)ctx)->hist, n);
}

/* fc drops its own entry (the file keeps it; the mark follows). */
static void hi_remove_last(void *ctx)
{
	struct repl *r = ctx;
	hist_remove_last(&r->hist);
	if (r->saved > hist_last(&r->hist))
		r->saved = hist_last(&r->hist);
}

/*
 * A HISTFILE that cannot be read or written (a directory, a file in a
 * directory that does not exist, a read-only file system) is reported
 * once; from then on this session's history is kept in memory only and
 * that file is left alone, so no message precedes every command.  Naming
 * another HISTFILE tries again (and receives the entries not yet saved).
 */
static bool history_file_usable(const struct repl *r, const char *path)
{
	return !r->histfile_bad || strcmp(r->histfile_bad, path) != 0;
}

static void history_file_failed(struct repl *r, const char *path, int err)
{
	diag_msg("history: %s: %s (history is kept in memory for this session)",
		 path, strerror(err));
	free(r->histfile_bad);
	r->histfile_bad = xstrdup(path);
}

/* Append the entries the file does not hold yet (normally the newest
   one) with one write. */
static void history_save_new(struct repl *r)
{
	char *path = history_path(r->sh);
	if (path && history_file_usable(r, path)) {
		unsigned long from = r->saved + 1, last = hist_last(&r->hist);
		if (from < hist_first(&r->hist))
			from = hist_first(&r->hist);
		if (hist_append_range(&r->hist, path, from, last) == 0)
			r->saved = last;
		else
			history_file_failed(r, path, errno);
	}
	free(path);
}

/* Delete entries from..to; the file's mark moves with the numbers. */
static void history_forget(struct repl *r, unsigned long from, unsigned long to)
{
	hist_delete(&r->hist, from, to);
	if (to <= r->saved)
		r->saved -= to - from + 1;
	else if (from <= r->saved)
		r->saved = from - 1;
}

/* The editor's list (what Up walks) again from ours, after a deletion. */
static void history_resync_editor(struct repl *r)
{
	lineedit_clear_history(r->le);
	for (unsigned long i = hist_first(&r->hist);
	     r->hist.count && i <= hist_last(&r->hist); i++)
		lineedit_add_history(r->le, hist_get(&r->hist, i));
}

/* Does HISTCONTROL (a colon-separated list) hold word?  ignoreboth is
   ignorespace and ignoredups. */
static bool histcontrol_has(struct repl *r, const char *word)
{
	const char *v = var_get(r->sh, "HISTCONTROL");
	size_t n = strlen(word);
	for (const char *p = v; p && *p; p += strcspn(p, ":"), p += *p == ':') {
		size_t len = strcspn(p, ":");
		if ((len == n && strncmp(p, word, n) == 0) ||
		    (len == 10 && strncmp(p, "ignoreboth", 10) == 0 &&
		     (strcmp(word, "ignorespace") == 0 ||
		      strcmp(word, "ignoredups") == 0)))
			return true;
	}
	return false;
}

/* One HISTIGNORE pattern (len bytes at p): \: is a colon, & the previous
   entry (its pattern characters quoted). */
static bool histignore_match(const char *p, size_t len, const char *prev,
			     const char *line)
{
	struct strbuf pat = STRBUF_INIT;
	for (size_t i = 0; i < len; i++) {
		if (p[i] == '\\' && i + 1 < len && p[i + 1] == ':') {
			sb_putc(&pat, p[++i]);
		} else if (p[i] == '\\' && i + 1 < len) {
			sb_appendn(&pat, p + i, 2);
			i++;
		} else if (p[i] == '&' && prev) {
			for (const char *q = prev; *q; q++) {
				if (strchr("\\*?[]", *q))
					sb_putc(&pat, '\\');
				sb_putc(&pat, *q);
			}
		} else {
			sb_putc(&pat, p[i]);
		}
	}
	bool m = pattern_match(sb_str(&pat), line, 0);
	sb_free(&pat);
	return m;
}

/* Does a HISTIGNORE pattern (colon-separated) match the whole line? */
static bool histignore_matches(struct repl *r, const char *line)
{
	const char *v = var_get(r->sh, "HISTIGNORE");
	const char *prev = r->hist.count ? hist_get(&r->hist, hist_last(&r->hist)) : NULL;
	for (const char *p = v; p && *p;) {
		size_t len = 0;	/* up to an unescaped ':' */
		while (p[len] && p[len] != ':')
			len += p[len] == '\\' && p[len + 1] ? 2 : 1;
		if (len && histignore_match(p, len, prev, line))
			return true;
		p += len;
		p += *p == ':';
	}
	return false;
}

/*
 * HISTCONTROL and HISTIGNORE, as bash: ignorespace drops a line that
 * starts with a space, ignoredups one equal to the previous entry,
 * erasedups removes every earlier equal entry before the line is added;
 * a HISTIGNORE pattern matching the whole line drops it.
 */
static bool history_wanted(struct repl *r, const char *line)
{
	if (line[0] == ' ' && histcontrol_has(r, "ignorespace"))
		return false;
	if (r->hist.count && histcontrol_has(r, "ignoredups") &&
	    strcmp(hist_get(&r->hist, hist_last(&r->hist)), line) == 0)
		return false;
	if (histignore_matches(r, line))
		return false;
	if (r->hist.count && histcontrol_has(r, "erasedups")) {
		bool erased = false;
		for (unsigned long n = hist_last(&r->hist); n >= hist_first(&r->hist) && n; n--)
			if (strcmp(hist_get(&r->hist, n), line) == 0) {
				history_forget(r, n, n);
				erased = true;
			}
		if (erased)
			history_resync_editor(r);
	}
	return true;
}

/* One command into the list, the editor's list and the file. */
static void hi_add(void *ctx, const char *line)
{
	struct repl *r = ctx;
	if (!history_wanted(r, line))
		return;
	hist_add(&r->hist, line);
	lineedit_add_history(r->le, line);
	history_save_new(r);
}

static void hi_clear(void *ctx)
{
	struct repl *r = ctx;
	hist_clear(&r->hist);
	r->saved = hist_last(&r->hist);
	lineedit_clear_history(r->le);
}

static void hi_delete(void *ctx, unsigned long from, unsigned long to)
{
	struct repl *r = ctx;
	history_forget(r, from, to);
	history_resync_editor(r);
}

static char *hi_file_name(void *ctx)
{
	return history_path(((struct repl *)ctx)->sh);
}

/* history -a/-r/-w FILE; 0, or -1 with errno set. */
static int hi_file_op(void *ctx, char op, const char *file)
{
	struct repl *r = ctx;
	struct history *h = &r->hist;
	char *histfile = history_path(r->sh);
	bool is_histfile = histfile && strcmp(histfile, file) == 0;
	free(histfile);
	int rc = 0;
	if (op == 'r') {
		bool all_saved = r->saved >= hist_last(h);
		rc = hist_load_file(h, file) < 0 ? -1 : 0;
		if (all_saved)
			r->saved = hist_last(h);
		history_resync_editor(r);
		return rc;
	}
	unsigned long from = r->saved + 1 < hist_first(h) ? hist_first(h) : r->saved + 1;
	rc = op == 'w' ? hist_write_file(h, file) :
	     hist_append_range(h, file, from, hist_last(h));
	if (rc == 0 && (op == 'a' || is_histfile)) {
		r->saved = hist_last(h);
		if (is_histfile) {	/* it works again */
			free(r->histfile_bad);
			r->histfile_bad = NULL;
		}
	}
	return rc;
}

/* HISTSIZE may change at any time: apply it before each prompt. */
static void history_sync_size(struct repl *r)
{
	size_t n = hist_parse_size(var_get(r->sh, "HISTSIZE"));
	if (n != r->hist.max) {
		hist_set_max(&r->hist, n);
		lineedit_set_history_size(r->le, n);
	}
}

/* Load $HISTFILE; a file grown past twice HISTSIZE is rewritten shorter. */
static void history_load(struct repl *r)
{
	hist_init(&r->hist, hist_parse_size(var_get(r->sh, "HISTSIZE")));
	lineedit_set_history_size(r->le, r->hist.max);
	char *path = history_path(r->sh);
	if (!path)
		return;
	long n = hist_load_file(&r->hist, path);
	if (n < 0)
		history_file_failed(r, path, errno);
	r->saved = hist_last(&r->hist);
	for (unsigned long i = hist_first(&r->hist);
	     r->hist.count && i <= hist_last(&r->hist); i++)
		lineedit_add_history(r->le, hist_get(&r->hist, i));
	if (n > 0 && (size_t)n > 2 * r->hist.max)
		(void)hist_write_file(&r->hist, path);
	free(path);
}

/* Is text only blank lines and comments (the parser skipped it)? */
static bool is_blank(const char *text)
{
	for (const char *p = text; *p;) {
		p += strspn(p, " \t");
		if (*p == '#')
			p += strcspn(p, "\n");
		if (*p && *p != '\n')
			return false;
		if (*p)
			p++;
	}
	return true;
}

/* The lines read for one command become one history entry. */
static void history_enter(struct repl *r)
{
	const char *text = sb_str(&r->entry);
	text += strspn(text, "\n");	/* blank lines before the command */
	size_t len = strlen(text);
	while (len > 0 && text[len - 1] == '\n')
		len--;
	if (len > 0 && !is_blank(text)) {
		char *e = xstrndup(text, len);
		hi_add(r, e);
		free(e);
	}
	sb_clear(&r->entry);
}

/*
 * History expansion (interactive/histexpand.h) of a line typed at the
 * terminal: only with set -H, and only when the input is a terminal —
 * never for scripts, -c, eval, or `whelk -i < file`.  The expanded line is
 * echoed (on stderr, as bash does) and replaces what was typed, so it is
 * what enters history.  Returns false when the line must not run: an
 * error (reported; the line is dropped and stays out of history) or :p
 * (echoed and entered in history, not run).
 */
static bool history_expand(struct repl *r, char **line)
{
	if (!r->tty || !r->sh->opt.histexpand ||
	    (!strchr(*line, '!') && **line != '^'))
		return true;
	char *out = NULL;
	enum hx_status st = hx_expand(&r->hx, &r->hist, *line, &out);
	if (st == HX_SAME)
		return true;
	if (st == HX_ERROR) {
		diag_msg("%s", out);
		free(out);
		return false;
	}
	fprintf(stderr, "%s\n", out);
	free(*line);
	*line = out;
	if (st == HX_PRINT) {	/* with the lines before it, if any */
		sb_append(&r->entry, out);
		history_enter(r);
	}
	return st == HX_EXPANDED;
}

/* ------------------------------------------------------------- prompts */

static void prompt_info_fill(struct repl *r, struct prompt_info *pi)
{
	struct shell *sh = r->sh;
	pi->user = r->user;
	pi->host = r->host;
	pi->cwd = var_get(sh, "PWD");
	pi->home = var_get(sh, "HOME");
	pi->root = geteuid() == 0;
	pi->histnum = hist_next(&r->hist);
	pi->cmdnum = r->cmdnum + 1;
	pi->jobs = sh->jobs ? (unsigned)sh->jobs->list.len : 0;
	pi->now = time(NULL);
}

char *repl_prompt_text(struct shell *sh, const char *ps)
{
	struct prompt_info pi;
	memset(&pi, 0, sizeof pi);
	struct passwd *pw = getpwuid(geteuid());
	char host[256] = "";
	if (gethostname(host, sizeof host - 1) != 0)
		strcpy(host, "localhost");
	pi.user = pw ? pw->pw_name : "?";
	pi.host = host;
	pi.cwd = var_get(sh, "PWD");
	pi.home = var_get(sh, "HOME");
	pi.root = geteuid() == 0;
	pi.histnum = 1;
	pi.cmdnum = 1;
	pi.jobs = sh->jobs ? (unsigned)sh->jobs->list.len : 0;
	pi.now = time(NULL);
	struct strbuf sb = STRBUF_INIT;
	prompt_escapes(&sb, ps, &pi, PROMPT_PROTECT);
	char *out = expand_text_as_heredoc(sh, "prompt", sb_str(&sb));
	if (!out)
		out = sb_finish(&sb);
	else
		sb_free(&sb);
	return out;
}

/* The prompt to show: PS1 or PS2, escapes then expansions ($? kept). */
static char *make_prompt(struct repl *r, bool continuation)
{
	struct shell *sh = r->sh;
	const char *ps = var_get(sh, continuation ? "PS2" : "PS1");
	if (!ps)
		ps = continuation ? "> " : (geteuid() == 0 ? "# " : "$ ");
	struct prompt_info pi;
	prompt_info_fill(r, &pi);
	int flags = PROMPT_MARK_INVISIBLE | (continuation ? 0 : PROMPT_BANG);
	struct strbuf sb = STRBUF_INIT;
	prompt_escapes(&sb, ps, &pi, flags | PROMPT_PROTECT);
	int saved_status = sh->last_status;
	enum unwind saved_unwind = sh->unwind;
	/* Pass 2 of prompt_escapes' design: parameter expansion, command
	   substitution and arithmetic, exactly as a here-document body gets
	   them (XCU 2.7.4), so prompts and here-documents cannot disagree.
	   When the text does not parse or expand, the escapes alone are shown. */
	char *out = expand_text_as_heredoc(sh, "prompt", sb_str(&sb));
	sh->last_status = saved_status;
	sh->unwind = saved_unwind;
	if (!out) {
		sb_clear(&sb);
		prompt_escapes(&sb, ps, &pi, flags);
		out = sb_finish(&sb);
	}
	sb_free(&sb);
	return out;
}

/* ---------------------------------------------------------- completion */

/* A fresh copy of name into out when it starts with prefix. */
static void push_match(struct vec *out, const char *name, const char *prefix)
{
	if (strncmp(name, prefix, strlen(prefix)) == 0)
		vec_push(out, xstrdup(name));
}

static void add_prefixed_keys(const struct hashmap *hm, const char *prefix,
			      struct vec *out)
{
	const char **keys = hm_sorted_keys(hm);
	for (size_t i = 0; keys[i]; i++)
		push_match(out, keys[i], prefix);
	free(keys);
}

static void add_builtins(const char *prefix, struct vec *out)
{
	size_t n;
	const struct builtin *t = builtin_table(&n);
	for (size_t i = 0; i < n; i++)
		push_match(out, t[i].name, prefix);
}

/* Builtins, functions and aliases (PATH is scanned by the completer). */
static void cmp_commands(void *ctx, const char *prefix, struct vec *out)
{
	struct repl *r = ctx;
	add_builtins(prefix, out);
	add_prefixed_keys(&r->sh->functions, prefix, out);
	add_prefixed_keys(&r->sh->aliases, prefix, out);
}

/* set -o names (the option table, so options added later come too). */
static void cmp_options(void *ctx, const char *prefix, struct vec *out)
{
	(void)ctx;
	const char *name;
	for (size_t i = 0; (name = shell_option_name(i)) != NULL; i++)
		push_match(out, name, prefix);
}

/* What `help` knows: every builtin and the grammar keywords. */
static void cmp_help_topics(void *ctx, const char *prefix, struct vec *out)
{
	(void)ctx;
	add_builtins(prefix, out);
	const char *kw;
	for (size_t i = 0; (kw = help_keyword(i)) != NULL; i++)
		push_match(out, kw, prefix);
}

/* The completer's view of a builtin's operands, from the builtin table. */
static enum complete_operands cmp_operands(void *ctx, const char *name)
{
	(void)ctx;
	const struct builtin *b = builtin_find(name);
	switch (b ? builtin_operands(b) : OPERANDS_FILES) {
	case OPERANDS_DIRS: return CO_DIRS;
	case OPERANDS_VARNAMES: return CO_VARNAMES;
	case OPERANDS_JOBS: return CO_JOBS;
	case OPERANDS_PIDS: return CO_PIDS;
	case OPERANDS_KILL: return CO_KILL;
	case OPERANDS_TRAP: return CO_TRAP;
	case OPERANDS_HELP: return CO_HELP;
	case OPERANDS_PROC: return CO_PROC;
	case OPERANDS_SET: return CO_SET;
	case OPERANDS_FILES: break;
	}
	return CO_FILES;
}

static void cmp_proc_words(void *ctx, const char *sub, struct vec *out)
{
	(void)ctx;
	proc_complete_words(sub, out);
}

static void cmp_variables(void *ctx, const char *prefix, struct vec *out)
{
	struct repl *r = ctx;
	const char **names = var_names(r->sh);
	for (size_t i = 0; names[i]; i++)
		push_match(out, names[i], prefix);
	free(names);
}

/*
 * Job specs for fg/bg/kill/wait/disown: "%n" for every job the user can
 * name (src/jobs: started in the background or stopped), or — once a
 * letter follows the % — "%name" (the first word of the job's text).
 */
static void cmp_jobs(void *ctx, const char *prefix, struct vec *out)
{
	struct repl *r = ctx;
	struct jobs *jt = r->sh->jobs;
	bool by_name = prefix[0] == '%' && prefix[1] &&
		       !(prefix[1] >= '0' && prefix[1] <= '9');
	for (size_t i = 0; jt && i < jt->list.len; i++) {
		const struct job *j = jt->list.items[i];
		if (!j->seq || !j->nprocs)
			continue;
		struct strbuf sb = STRBUF_INIT;
		if (!by_name)
			sb_printf(&sb, "%%%d", j->id);
		else if (j->text && *j->text)
			sb_printf(&sb, "%%%.*s", (int)strcspn(j->text, " \t|;&"),
				  j->text);
		if (sb.len)
			vec_push(out, sb_finish(&sb));
		else
			sb_free(&sb);
	}
}

static const char *cmp_getvar(void *ctx, const char *name)
{
	return var_get(((struct repl *)ctx)->sh, name);
}

/* --------------------------------------------------------- job notices */

/*
 * SIGHUP (the terminal went away, or kill -HUP) while at the prompt: an
 * interactive shell passes it on to its jobs (SIGCONT too for stopped
 * ones, src/jobs/control.c) and leaves with 128+1.  A trap on HUP
 * replaces this; between commands trap.c applies the same rule.
 */
static void hangup_check(struct repl *r)
{
	struct shell *sh = r->sh;
	if (!sig_pending[SIGHUP] || sh->traps[SIGHUP])
		return;
	sig_pending[SIGHUP] = 0;
	jobs_hangup(sh->jobs);
	shell_exit(sh, 128 + SIGHUP);
}

/*
 * THE HOOK of the job layer: before each prompt, notices for every job
 * whose state changed ("[1]+  Done  sleep 3"), exactly once per change
 * (src/jobs/notify.c).  While a line is being typed the editor polls
 * (notices_poll/notices_print): then only with set -b (notify) are the
 * notices printed at once, as XCU 2.11 asks; otherwise they wait for the
 * next prompt.
 */
static void repl_job_notices(struct repl *r)
{
	hangup_check(r);
	jobs_before_prompt(r->sh->jobs);
}

static bool notices_poll(void *ctx)
{
	struct repl *r = ctx;
	hangup_check(r);
	return r->sh->jobs->notify && jobs_changes_pending(r->sh->jobs);
}

static void notices_print(void *ctx)
{
	struct repl *r = ctx;
	jobs_notify(r->sh->jobs);
}

/* Ctrl-C at the prompt: the SIGINT flag (unless a trap wants it). */
static bool took_interrupt(void *ctx)
{
	struct repl *r = ctx;
	if (!sig_pending[SIGINT])
		return false;
	if (!r->sh->traps[SIGINT])
		sig_pending[SIGINT] = 0;
	return true;
}

/*
 * COLUMNS and LINES follow the window (bash's checkwinsize): after every
 * command typed at the prompt — a full-screen program may have run while
 * the window changed — and when SIGWINCH arrives at the prompt.  Only
 * values that changed are set, so a user's export of them stays.
 */
static void winsize_sync(struct repl *r)
{
	struct winsize ws;
	if (ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) < 0 || ws.ws_col == 0 ||
	    ws.ws_row == 0)
		return;
	const char *names[2] = { "COLUMNS", "LINES" };
	unsigned vals[2] = { ws.ws_col, ws.ws_row };
	for (int i = 0; i < 2; i++) {
		char buf[16];
		snprintf(buf, sizeof buf, "%u", vals[i]);
		const char *cur = var_get(r->sh, names[i]);
		if (!cur || strcmp(cur, buf) != 0)
			(void)var_set(r->sh, names[i], buf, 0);
	}
}

/*
 * C-x C-e (vi: v): the line so far goes to a temporary file and the user's
 * editor runs on it as a command typed at the prompt would (a foreground
 * job with the terminal): $VISUAL, else $FCEDIT, else $EDITOR, else vi.
 * What was saved is run as if typed, and enters history as such.
 */
static char *edit_in_editor(void *ctx, const char *text)
{
	struct repl *r = ctx;
	const char *ed = NULL;
	static const char *const vars[] = { "VISUAL", "FCEDIT", "EDITOR" };
	for (size_t i = 0; i < 3 && (!ed || !*ed); i++)
		ed = var_get(r->sh, vars[i]);
	if (!ed || !*ed)
		ed = "vi";
	const char *dir = var_get(r->sh, "TMPDIR");
	struct strbuf path = STRBUF_INIT;
	sb_printf(&path, "%s/whelk-edit-XXXXXX", dir && *dir ? dir : "/tmp");
	int fd = mkstemp(path.data);
	if (fd < 0 || fd_write_all(fd, text, strlen(text)) < 0 ||
	    fd_write_all(fd, "\n", 1) < 0) {
		diag_msg("cannot write a temporary file: %s", strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(sb_str(&path));
		}
		sb_free(&path);
		return NULL;
	}
	close(fd);
	struct strbuf cmd = STRBUF_INIT;
	sb_printf(&cmd, "%s ", ed);
	shq_quote(&cmd, sb_str(&path));
	int st = shell_run_string(r->sh, "edit", sb_str(&cmd));
	r->sh->unwind = UNWIND_NONE;
	sb_free(&cmd);
	char *out = st == 0 ? fd_read_file(sb_str(&path)) : NULL;
	unlink(sb_str(&path));
	sb_free(&path);
	if (out) {
		size_t n = strlen(out);
		while (n > 0 && out[n - 1] == '\n')
			out[--n] = '\0';
	}
	return out;
}

/* set -o autosuggest: history first, then a unique completion. */
static char *suggest_hook(void *ctx, const char *text)
{
	struct repl *r = ctx;
	if (!r->sh->opt.autosuggest)
		return NULL;
	return suggest_line(&r->hist, &r->complete, text);
}

/* SIGWINCH at the prompt: the editor redraws, the variables follow. */
static bool took_resize(void *ctx)
{
	struct repl *r = ctx;
	if (!sig_winch_seen)
		return false;
	sig_winch_seen = 0;
	winsize_sync(r);
	return true;
}

/* ------------------------------------------------------ the line source */

/* set -o vi / set -o emacs are polled before each prompt. */
static void apply_edit_mode(struct repl *r)
{
	lineedit_set_mode(r->le, r->sh->opt.vi ? LINEEDIT_VI : LINEEDIT_EMACS);
}

/* Ctrl-D on an empty first line: leave, unless set -o ignoreeof. */
static bool eof_ignored(struct repl *r, unsigned *count)
{
	if (!r->sh->opt.ignoreeof || ++*count > REPL_MAX_IGNORED_EOF)
		return false;
	fputs("Use \"exit\" to leave the shell.\n", stderr);
	return true;
}

/*
 * The parser's line provider.  continuation: the parser is inside a
 * command and needs more (PS2).  Lines skipped as blank or comments count
 * as "not inside a command" so an empty Enter shows PS1 again.
 */
static char *read_line(void *ctx, bool continuation)
{
	struct repl *r = ctx;
	unsigned eofs = 0;
	if (continuation && is_blank(sb_str(&r->entry)))
		continuation = false;
	for (;;) {
		if (!continuation) {
			sb_clear(&r->entry);
			repl_job_notices(r);
			history_sync_size(r);
			apply_edit_mode(r);
			if (!r->sh->traps[SIGINT])
				sig_pending[SIGINT] = 0;
		}
		char *prompt = make_prompt(r, continuation);
		char *line = NULL;
		/* At PS2, Up first recalls the lines of this command typed so
		   far (as bash does): they are in the editor's list for this
		   one read, and the finished command replaces them. */
		bool partial = continuation && r->entry.len > 0;
		if (partial) {
			char *so_far = xstrndup(sb_str(&r->entry), r->entry.len - 1);
			lineedit_add_history(r->le, so_far);
			free(so_far);
		}
		enum lineedit_status st = lineedit_read(r->le, prompt, &line);
		if (partial)
			history_resync_editor(r);
		free(prompt);
		if (st == LINEEDIT_LINE && !history_expand(r, &line)) {
			free(line);
			if (continuation) {	/* the whole command is dropped */
				sb_clear(&r->entry);
				r->interrupted = true;
				return NULL;
			}
			continue;
		}
		if (st == LINEEDIT_LINE) {
			sb_append(&r->entry, line);
			sb_putc(&r->entry, '\n');
			char *out = xmalloc(strlen(line) + 2);
			strcpy(out, line);
			strcat(out, "\n");
			free(line);
			return out;
		}
		if (st == LINEEDIT_INTERRUPT) {
			r->sh->last_status = 130;	/* 128 + SIGINT, as bash */
			sb_clear(&r->entry);
			if (continuation) {
				r->interrupted = true;	/* the parser must drop it */
				return NULL;
			}
			continue;
		}
		if (st == LINEEDIT_EOF && !continuation && eof_ignored(r, &eofs))
			continue;
		if (st == LINEEDIT_EOF && !continuation &&
		    jobs_exit_refused(r->sh->jobs))
			continue;	/* Ctrl-D with stopped jobs: as exit */
		if (!continuation)
			r->eof = true;
		return NULL;
	}
}

/* ------------------------------------------------------------ the loop */

enum turn {
	TURN_AGAIN,	/* next command with the same parser */
	TURN_RESTART,	/* drop the parser's state (error, Ctrl-C in PS2) */
	TURN_STOP,	/* end of input or exit */
};

/* Run one parsed command and settle how evaluation unwound. */
static enum turn run_command(struct repl *r, struct ast_node *cmd)
{
	struct shell *sh = r->sh;
	r->cmdnum++;
	(void)eval_node(sh, cmd);
	ast_node_destroy(cmd);
	fflush(stdout);
	winsize_sync(r);
	if (sh->unwind == UNWIND_EXIT)
		return TURN_STOP;
	if (sh->unwind == UNWIND_INTERRUPT)	/* Ctrl-C: $? is 130 */
		sh->last_status = 128 + SIGINT;
	/* break/continue/return at top level, or an interrupted command:
	   nothing left to unwind, back to the prompt. */
	sh->unwind = UNWIND_NONE;
	sh->unwind_count = 0;
	return TURN_AGAIN;
}

static enum turn one_turn(struct repl *r, struct parser *p, struct source *src)
{
	struct ast_node *cmd = NULL;
	source_reset_prompt(src);
	r->interrupted = false;
	job_readahead_sync(r->sh->jobs);	/* see run_source */
	enum parse_status st = parser_next(p, &cmd);
	if (r->interrupted) {
		if (st == PARSE_OK)
			ast_node_destroy(cmd);
		return TURN_RESTART;
	}
	history_enter(r);
	switch (st) {
	case PARSE_OK:
		source_sync(src);
		return run_command(r, cmd);
	case PARSE_EOF:
		return TURN_STOP;
	default:	/* an error, or Ctrl-D inside a command */
		diag_msg("%s", parser_error(p));
		r->sh->last_status = 2;
		return r->eof ? TURN_STOP : TURN_RESTART;
	}
}

static void repl_setup(struct repl *r, struct shell *sh)
{
	memset(r, 0, sizeof *r);
	r->sh = sh;
	sb_init(&r->entry);
	struct passwd *pw = getpwuid(geteuid());
	r->user = xstrdup(pw ? pw->pw_name : "?");
	char host[256] = "";
	if (gethostname(host, sizeof host - 1) != 0)
		strcpy(host, "localhost");
	r->host = xstrdup(host);
	r->complete = (struct complete_hooks){
		.ctx = r, .commands = cmp_commands, .variables = cmp_variables,
		.jobs = cmp_jobs, .options = cmp_options,
		.help_topics = cmp_help_topics, .proc_words = cmp_proc_words,
		.getvar = cmp_getvar, .operands = cmp_operands,
	};
	struct lineedit_hooks lh = {
		.ctx = r, .poll = notices_poll, .print = notices_print,
		.interrupted = took_interrupt, .resized = took_resize,
		.edit = edit_in_editor, .suggest = suggest_hook,
		.wake_fd = sh->jobs ? sig_wake_open(sh->jobs) : -1,
		.complete = &r->complete,
	};
	r->tty = isatty(STDIN_FILENO);
	r->le = lineedit_create(STDIN_FILENO, STDERR_FILENO, &lh, !r->tty);
	r->hist_iface = (struct shell_history){
		.ctx = r, .first = hi_first, .last = hi_last, .get = hi_get,
		.remove_last = hi_remove_last, .add = hi_add, .clear = hi_clear,
		.remove = hi_delete, .file_name = hi_file_name,
		.file_op = hi_file_op,
	};
}

/*
 * XCU 2.11: an interactive shell catches SIGINT (so a loop, `wait` and the
 * prompt can be interrupted), catches SIGHUP (to hang up its jobs, see
 * hangup_check) and ignores SIGQUIT and SIGTERM for itself
 * (trap_default_disp) — unless a trap says otherwise, or the signal was
 * ignored on entry: then it stays ignored, for the commands it runs too.
 */
static void repl_signals(struct shell *sh)
{
	static const int own[] = { SIGINT, SIGHUP, SIGQUIT, SIGTERM };
	struct jobs *jt = sh->jobs;
	if (!jt)
		return;
	for (size_t i = 0; i < sizeof own / sizeof own[0]; i++) {
		int s = own[i];
		if (!sh->traps[s] && !sig_ignored_at_entry(jt, s))
			(void)sig_set_disp(jt, s, trap_default_disp(sh, s));
	}
	if (isatty(STDIN_FILENO))
		sig_watch_resize(jt);	/* the line editor redraws */
}

int repl_run(struct shell *sh)
{
	if (sh->unwind == UNWIND_EXIT)	/* `exit` in a startup file */
		return sh->exit_status;
	if (!var_get(sh, "PS1"))
		(void)var_set(sh, "PS1", PROMPT_DEFAULT_PS1, 0);
	if (!var_get(sh, "PS2"))
		(void)var_set(sh, "PS2", "> ", 0);
	struct repl r;
	repl_signals(sh);
	repl_setup(&r, sh);
	winsize_sync(&r);
	history_load(&r);
	sh->history = &r.hist_iface;
	enum turn t = TURN_RESTART;
	while (t != TURN_STOP) {
		struct source *src = source_from_lines("stdin", read_line, &r);
		struct parser *p = parser_create(src);
		shell_parser_hooks(sh, p);
		do
			t = one_turn(&r, p, src);
		while (t == TURN_AGAIN);
		parser_destroy(p);
		source_destroy(src);
	}
	if (r.eof && sh->unwind != UNWIND_EXIT)
		fputs("exit\n", stderr);	/* Ctrl-D: say why we left */
	int status = sh->unwind == UNWIND_EXIT ? sh->exit_status : sh->last_status;
	sh->history = NULL;
	lineedit_destroy(r.le);
	hist_finish(&r.hist);
	free(r.histfile_bad);
	hx_state_finish(&r.hx);
	sb_free(&r.entry);
	free(r.user);
	free(r.host);
	return status;
}

/* ------------------------------------------------------- startup files */

/* Run a startup file if it exists; an `exit` in it exits the shell. */
static void run_startup_file(struct shell *sh, const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return;
	int high = fd_move_high(fd);
	(void)shell_run_fd(sh, path, high >= 0 ? high : fd);
	if (high < 0)
		close(fd);	/* a private fd is closed by shell_run_fd */
	if (sh->unwind == UNWIND_EXIT)
		shell_exit(sh, sh->exit_status);
	sh->unwind = UNWIND_NONE;
}

/*
 * set -o autosuggest starts on in an interactive shell with a line editor
 * on a terminal that shows colour (the suggestion is drawn grey):
 * TERM set, not dumb, not a monochrome or vt* type, and NO_COLOR unset.
 * Before the startup files, so they can turn it off.
 */
static void autosuggest_default(struct shell *sh)
{
#if defined(WHELK_LINEEDIT_READLINE) || defined(WHELK_LINEEDIT_LIBEDIT)
	const char *term = var_get(sh, "TERM");
	const char *no_color = var_get(sh, "NO_COLOR");
	sh->opt.autosuggest = sh->opt.interactive && isatty(STDIN_FILENO) &&
			      isatty(STDERR_FILENO) && term && *term &&
			      strcmp(term, "dumb") != 0 && !strstr(term, "mono") &&
			      strncmp(term, "vt", 2) != 0 && (!no_color || !*no_color);
#else
	(void)sh;	/* the plain reader cannot draw suggestions */
#endif
}

/* $HOME/name, when HOME is set. */
static void run_home_file(struct shell *sh, const char *name)
{
	const char *home = var_get(sh, "HOME");
	if (!home || !*home)
		return;
	struct strbuf sb = STRBUF_INIT;
	sb_printf(&sb, "%s/%s", home, name);
	run_startup_file(sh, sb_str(&sb));
	sb_free(&sb);
}

/*
 * A login shell: /etc/profile, then ~/.profile.  An interactive shell,
 * login or not, then: $ENV (XCU sh: parameter-expanded, for interactive
 * shells only), or when ENV is not set at all whelk's own ~/.whelkrc (as
 * bash reads ~/.bashrc) -- last, so a prompt set there wins over the one
 * Debian's /etc/profile sets.  Neither when the real and effective ids
 * differ (a setuid shell must not run the user's files).
 */
void repl_startup_files(struct shell *sh, bool no_profile, bool no_rc)
{
	autosuggest_default(sh);
	if (sh->opt.login && !no_profile) {
		run_startup_file(sh, "/etc/profile");
		run_home_file(sh, ".profile");
	}
	if (!sh->opt.interactive || no_rc || getuid() != geteuid() ||
	    getgid() != getegid())
		return;
	const char *env = var_get(sh, "ENV");
	if (!env) {
		run_home_file(sh, ".whelkrc");
		return;
	}
	if (!*env)
		return;		/* ENV= : no startup file at all */
	char *path = expand_text_as_heredoc(sh, "ENV", env);
	if (path && *path)
		run_startup_file(sh, path);
	free(path);
}
