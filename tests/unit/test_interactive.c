/* test_interactive.c: unit tests of prompt escapes, the history list and file, and completion. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/strbuf.h"
#include "interactive/complete.h"
#include "interactive/history.h"
#include "interactive/prompt.h"

/* ------------------------------------------------------------- prompts */

static const struct prompt_info info = {
	.user = "ann", .host = "box.example.org", .cwd = "/home/ann/src/whelk",
	.home = "/home/ann", .root = false, .histnum = 42, .cmdnum = 7,
	.jobs = 2, .now = 0,
};

static char *esc(const char *ps, const struct prompt_info *in, int flags)
{
	struct strbuf sb = STRBUF_INIT;
	prompt_escapes(&sb, ps, in, flags);
	return sb_finish(&sb);
}

#define CHECK_PROMPT(ps, flags, want) do { \
	char *got_ = esc(ps, &info, flags); \
	ck_assert_str_eq(got_, want); \
	free(got_); \
} while (0)

START_TEST(prompt_basic_escapes)
{
	CHECK_PROMPT("\\u@\\h:\\w\\$ ", 0, "ann@box:~/src/whelk$ ");
	CHECK_PROMPT("\\H \\W", 0, "box.example.org whelk");
	CHECK_PROMPT("\\j \\! \\# \\\\", 0, "2 42 7 \\");
	CHECK_PROMPT("a\\nb\\e\\a", 0, "a\nb\033\a");
	CHECK_PROMPT("\\z\\", 0, "\\z\\");
	struct prompt_info root = info;
	root.root = true;
	root.cwd = "/home/ann";
	char *got = esc("\\w \\W \\$", &root, 0);
	ck_assert_str_eq(got, "~ ~ #");
	free(got);
	root.cwd = "/home/annex";	/* not under $HOME */
	got = esc("\\w", &root, 0);
	ck_assert_str_eq(got, "/home/annex");
	free(got);
	root.cwd = "/";
	got = esc("\\W", &root, 0);
	ck_assert_str_eq(got, "/");
	free(got);
}
END_TEST

START_TEST(prompt_invisible_and_bang)
{
	CHECK_PROMPT("\\[\\e[1m\\]x", PROMPT_MARK_INVISIBLE, "\001\033[1m\002x");
	CHECK_PROMPT("\\[\\e[1m\\]x", 0, "\033[1mx");
	CHECK_PROMPT("!:!!", PROMPT_BANG, "42:!");
	CHECK_PROMPT("!:!!", 0, "!:!!");
}
END_TEST

START_TEST(prompt_protects_escape_output)
{
	struct prompt_info evil = info;
	evil.cwd = "/tmp/$(rm)`x`\\";
	char *got = esc("\\w $HOME \\$", &evil, PROMPT_PROTECT);
	/* escape output quoted for pass 2; the user's own $HOME left alone */
	ck_assert_str_eq(got, "/tmp/\\$(rm)\\`x\\`\\\\ $HOME \\$");
	free(got);
	got = esc("\\\\ \\", &info, PROMPT_PROTECT);
	ck_assert_str_eq(got, "\\\\ \\\\");
	free(got);
}
END_TEST

START_TEST(prompt_time)
{
	struct prompt_info t = info;
	t.now = 3600 * 13 + 60 * 5 + 9;
	setenv("TZ", "UTC", 1);
	char *got = esc("\\t|\\T|\\d", &t, 0);
	ck_assert_str_eq(got, "13:05:09|01:05:09|Thu Jan 01");
	free(got);
}
END_TEST

/* ------------------------------------------------------------- history */

START_TEST(history_ring_and_numbers)
{
	struct history h;
	hist_init(&h, 3);
	ck_assert_uint_eq(hist_next(&h), 1);
	ck_assert_uint_eq(hist_add(&h, "a\n"), 1);
	hist_add(&h, "b");
	hist_add(&h, "c");
	ck_assert_uint_eq(hist_add(&h, "d"), 4);
	ck_assert_ptr_null(hist_get(&h, 1));
	ck_assert_str_eq(hist_get(&h, 2), "b");
	ck_assert_str_eq(hist_get(&h, 4), "d");
	ck_assert_uint_eq(hist_first(&h), 2);
	hist_remove_last(&h);
	ck_assert_uint_eq(hist_last(&h), 3);
	hist_set_max(&h, 1);
	ck_assert_str_eq(hist_get(&h, 3), "c");
	ck_assert_ptr_null(hist_get(&h, 2));
	hist_set_max(&h, 10);
	hist_add(&h, "e");
	ck_assert_str_eq(hist_get(&h, 4), "e");
	hist_clear(&h);
	ck_assert_ptr_null(hist_get(&h, 4));
	ck_assert_uint_eq(hist_next(&h), 5);
	hist_finish(&h);
}
END_TEST

START_TEST(history_delete)
{
	struct history h;
	hist_init(&h, 4);
	for (int k = 0; k < 6; k++) {	/* 3..6 held, the ring wrapped */
		char e[2] = { (char)('a' + k), '\0' };
		hist_add(&h, e);
	}
	hist_delete(&h, 4, 5);		/* d, e: f moves down to 4 */
	ck_assert_uint_eq(hist_last(&h), 4);
	ck_assert_str_eq(hist_get(&h, 3), "c");
	ck_assert_str_eq(hist_get(&h, 4), "f");
	ck_assert_ptr_null(hist_get(&h, 5));
	hist_add(&h, "g");
	hist_add(&h, "h");
	hist_add(&h, "i");		/* full again: 4..7 = f g h i */
	ck_assert_str_eq(hist_get(&h, 4), "f");
	hist_delete(&h, 1, 4);		/* clamped to what is held */
	ck_assert_str_eq(hist_get(&h, 4), "g");
	hist_delete(&h, 6, 99);
	ck_assert_uint_eq(hist_last(&h), 5);
	ck_assert_str_eq(hist_get(&h, 5), "h");
	hist_delete(&h, 9, 12);		/* nothing there: no change */
	hist_delete(&h, 5, 4);
	ck_assert_uint_eq(hist_last(&h), 5);
	hist_finish(&h);
}
END_TEST

START_TEST(history_encoding)
{
	struct strbuf sb = STRBUF_INIT;
	hist_encode(&sb, "if x\nthen echo a\\b\nfi");
	ck_assert_str_eq(sb_str(&sb), "if x\\nthen echo a\\\\b\\nfi");
	struct strbuf back = STRBUF_INIT;
	ck_assert(hist_decode(&back, sb.data, sb.len));
	ck_assert_str_eq(sb_str(&back), "if x\nthen echo a\\b\nfi");
	sb_clear(&back);
	ck_assert(!hist_decode(&back, "a\\qb\\", 5));
	ck_assert_str_eq(sb_str(&back), "a\\qb\\");
	ck_assert_uint_eq(hist_parse_size("100"), 100);
	ck_assert_uint_eq(hist_parse_size("x"), HIST_DEFAULT_SIZE);
	ck_assert_uint_eq(hist_parse_size("0"), HIST_DEFAULT_SIZE);
	ck_assert_uint_eq(hist_parse_size(NULL), HIST_DEFAULT_SIZE);
	sb_free(&sb);
	sb_free(&back);
}
END_TEST

static char *temp_path(void)
{
	char tmpl[] = "/tmp/whelk-hist-XXXXXX";
	int fd = mkstemp(tmpl);
	ck_assert_int_ge(fd, 0);
	close(fd);
	unlink(tmpl);
	return xstrdup(tmpl);
}

START_TEST(history_file_roundtrip)
{
	char *path = temp_path();
	ck_assert_int_eq(hist_append_file(path, "echo one"), 0);
	ck_assert_int_eq(hist_append_file(path, "for i in 1\ndo :\ndone"), 0);
	struct stat st;
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0600);
	struct history h;
	hist_init(&h, 10);
	ck_assert_int_eq(hist_load_file(&h, path), 2);
	ck_assert_str_eq(hist_get(&h, 1), "echo one");
	ck_assert_str_eq(hist_get(&h, 2), "for i in 1\ndo :\ndone");
	hist_add(&h, "three");
	ck_assert_int_eq(hist_write_file(&h, path), 0);
	struct history h2;
	hist_init(&h2, 2);
	ck_assert_int_eq(hist_load_file(&h2, path), 3);
	ck_assert_str_eq(hist_get(&h2, 3), "three");
	ck_assert_ptr_null(hist_get(&h2, 1));
	/* a range goes out in one piece, multi-line entries encoded */
	hist_add(&h, "four");
	ck_assert_int_eq(hist_append_range(&h, path, 2, 4), 0);
	ck_assert_int_eq(hist_append_range(&h, path, 5, 4), 0);	/* nothing */
	hist_clear(&h2);
	ck_assert_int_eq(hist_load_file(&h2, path), 6);
	ck_assert_str_eq(hist_get(&h2, 9), "four");
	ck_assert_str_eq(hist_get(&h2, 8), "three");
	ck_assert_int_eq(hist_append_range(&h, "/nonexistent/x", 1, 1), -1);
	ck_assert_int_eq(errno, ENOENT);
	hist_finish(&h);
	hist_finish(&h2);
	unlink(path);
	free(path);
}
END_TEST

START_TEST(history_file_damaged)
{
	char *path = temp_path();
	int fd = open(path, O_WRONLY | O_CREAT, 0600);
	ck_assert(write(fd, "ok\nbad\\q\nnul\0byte\n\nlast", 23) == 23);
	close(fd);
	struct history h;
	hist_init(&h, 10);
	ck_assert_int_eq(hist_load_file(&h, path), 3);	/* warns once */
	ck_assert_str_eq(hist_get(&h, 2), "bad\\q");
	ck_assert_str_eq(hist_get(&h, 3), "last");
	/* a directory cannot be read: -1 and errno (the caller reports) */
	ck_assert_int_eq(hist_load_file(&h, "/"), -1);
	ck_assert_int_eq(errno, EISDIR);
	ck_assert_int_eq(hist_load_file(&h, "/nonexistent/x"), 0);
	hist_finish(&h);
	unlink(path);
	free(path);
}
END_TEST

/* ---------------------------------------------------------- completion */

static void analyze(const char *line, struct complete_word *w)
{
	complete_analyze(line, strlen(line), w);
}

START_TEST(complete_analysis)
{
	struct complete_word w;
	analyze("ec", &w);
	ck_assert(w.command_position);
	ck_assert_str_eq(w.text, "ec");
	complete_word_free(&w);
	analyze("ls -l my\\ fi", &w);
	ck_assert(!w.command_position);
	ck_assert_str_eq(w.command, "ls");
	ck_assert_int_eq(w.argno, 2);
	ck_assert_str_eq(w.text, "my fi");
	ck_assert_uint_eq(w.start, 6);
	complete_word_free(&w);
	analyze("a | X=1 if gr", &w);
	ck_assert(w.command_position);
	ck_assert_str_eq(w.text, "gr");
	complete_word_free(&w);
	analyze("cat \"my f", &w);
	ck_assert_int_eq(w.quote, CQ_DOUBLE);
	ck_assert_str_eq(w.text, "my f");
	complete_word_free(&w);
	analyze("echo x >", &w);
	ck_assert(!w.command_position);
	ck_assert_int_eq(w.argno, -1);
	ck_assert_str_eq(w.text, "");
	complete_word_free(&w);
	analyze("fg ", &w);
	ck_assert_str_eq(w.command, "fg");
	ck_assert_int_eq(w.argno, 1);
	complete_word_free(&w);
}
END_TEST

START_TEST(complete_quoting)
{
	struct strbuf sb = STRBUF_INIT;
	complete_quote(&sb, "a b$'c", CQ_NONE);
	ck_assert_str_eq(sb_str(&sb), "a\\ b\\$\\'c");
	sb_clear(&sb);
	complete_quote(&sb, "a b$'c", CQ_DOUBLE);
	ck_assert_str_eq(sb_str(&sb), "a b\\$'c");
	sb_clear(&sb);
	complete_quote(&sb, "a b$'c", CQ_SINGLE);
	ck_assert_str_eq(sb_str(&sb), "a b$'\\''c");
	sb_free(&sb);
}
END_TEST

static void fake_commands(void *ctx, const char *prefix, struct vec *out)
{
	(void)ctx;
	static const char *const names[] = { "echo", "eval", "exit", "proc", NULL };
	for (size_t i = 0; names[i]; i++)
		if (strncmp(names[i], prefix, strlen(prefix)) == 0)
			vec_push(out, xstrdup(names[i]));
}

static void fake_vars(void *ctx, const char *prefix, struct vec *out)
{
	(void)ctx;
	if (strncmp("HOME", prefix, strlen(prefix)) == 0)
		vec_push(out, xstrdup("HOME"));
	if (strncmp("HOSTNAME", prefix, strlen(prefix)) == 0)
		vec_push(out, xstrdup("HOSTNAME"));
}

static void fake_jobs(void *ctx, const char *prefix, struct vec *out)
{
	(void)ctx;
	(void)prefix;
	vec_push(out, xstrdup("%1"));
	vec_push(out, xstrdup("%sleep"));
}

static void fake_words(const char *const *words, const char *prefix,
		       struct vec *out)
{
	for (size_t i = 0; words[i]; i++)
		if (strncmp(words[i], prefix, strlen(prefix)) == 0)
			vec_push(out, xstrdup(words[i]));
}

static void fake_options(void *ctx, const char *prefix, struct vec *out)
{
	(void)ctx;
	static const char *const names[] = { "pipefail", "proctrace", "vi", NULL };
	fake_words(names, prefix, out);
}

static void fake_help(void *ctx, const char *prefix, struct vec *out)
{
	(void)ctx;
	static const char *const names[] = { "echo", "while", "{", NULL };
	fake_words(names, prefix, out);
}

static void fake_proc(void *ctx, const char *sub, struct vec *out)
{
	(void)ctx;
	static const char *const subs[] = { "fds", "ps", "tree", NULL };
	static const char *const ps[] = { "-a", "-o", "-j", NULL };
	static const char *const fds[] = { "-a", "-p", NULL };
	fake_words(!sub ? subs : strcmp(sub, "ps") == 0 ? ps : fds, "", out);
}

/* complete_paths: HOME, D and CDPATH name this scratch directory. */
static char fake_dir[64];

static const char *fake_getvar(void *ctx, const char *name)
{
	(void)ctx;
	if (strcmp(name, "PATH") == 0)
		return "/nonexistent";
	if (fake_dir[0] && (strcmp(name, "HOME") == 0 || strcmp(name, "D") == 0 ||
			    strcmp(name, "CDPATH") == 0))
		return fake_dir;
	return NULL;
}

/* The operand classes the shell's builtin table gives these commands. */
static enum complete_operands fake_operands(void *ctx, const char *name)
{
	(void)ctx;
	static const struct { const char *name; enum complete_operands ops; } t[] = {
		{ "bg", CO_JOBS }, { "cd", CO_DIRS }, { "disown", CO_JOBS },
		{ "export", CO_VARNAMES }, { "fg", CO_JOBS }, { "help", CO_HELP },
		{ "jobs", CO_PIDS }, { "kill", CO_KILL }, { "proc", CO_PROC },
		{ "pushd", CO_DIRS },
		{ "read", CO_VARNAMES }, { "readonly", CO_VARNAMES },
		{ "set", CO_SET }, { "trap", CO_TRAP }, { "unset", CO_VARNAMES },
		{ "wait", CO_PIDS },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		if (strcmp(name, t[i].name) == 0)
			return t[i].ops;
	return CO_FILES;
}

static const struct complete_hooks hooks = {
	.commands = fake_commands, .variables = fake_vars,
	.jobs = fake_jobs, .options = fake_options, .help_topics = fake_help,
	.proc_words = fake_proc, .getvar = fake_getvar,
	.operands = fake_operands,
};

static char *complete(const char *line, size_t *count)
{
	struct completion c;
	*count = complete_line(&hooks, line, strlen(line), &c);
	char *r = c.replacement ? xstrdup(c.replacement) : NULL;
	completion_free(&c);
	return r;
}

#define CHECK_COMPLETE(line, n, want) do { \
	size_t n_; \
	char *r_ = complete(line, &n_); \
	ck_assert_uint_eq(n_, n); \
	ck_assert_str_eq(r_ ? r_ : "(null)", want); \
	free(r_); \
} while (0)

START_TEST(complete_candidates)
{
	CHECK_COMPLETE("ec", 1, "echo ");
	CHECK_COMPLETE("e", 3, "e");
	CHECK_COMPLETE("ex", 1, "exit ");
	CHECK_COMPLETE("echo $HO", 2, "$HO");
	CHECK_COMPLETE("echo ${HOM", 1, "${HOME} ");
	CHECK_COMPLETE("fg %s", 1, "%sleep ");
	CHECK_COMPLETE("fg ", 2, "%");
	CHECK_COMPLETE("proc tr", 1, "tree ");
	CHECK_COMPLETE("proc f", 1, "fds ");
	CHECK_COMPLETE("ls ~roo", 1, "~root/");
}
END_TEST

START_TEST(complete_files)
{
	char dir[] = "/tmp/whelk-comp-XXXXXX";
	ck_assert_ptr_nonnull(mkdtemp(dir));
	char *old = getcwd(NULL, 0);
	ck_assert_int_eq(chdir(dir), 0);
	close(open("my file.txt", O_CREAT | O_WRONLY, 0644));
	close(open("other", O_CREAT | O_WRONLY, 0644));
	close(open(".hidden", O_CREAT | O_WRONLY, 0644));
	ck_assert_int_eq(mkdir("sub dir", 0755), 0);
	close(open("sub dir/inner", O_CREAT | O_WRONLY, 0644));
	CHECK_COMPLETE("cat my", 1, "my\\ file.txt ");
	CHECK_COMPLETE("cat \"my", 1, "\"my file.txt\" ");
	CHECK_COMPLETE("cat 'my", 1, "'my file.txt' ");
	CHECK_COMPLETE("cat my\\ f", 1, "my\\ file.txt ");
	CHECK_COMPLETE("cat su", 1, "sub\\ dir/");
	CHECK_COMPLETE("cat sub\\ dir/", 1, "sub\\ dir/inner ");
	CHECK_COMPLETE("cat ", 3, "");
	CHECK_COMPLETE("cat .h", 1, ".hidden ");
	CHECK_COMPLETE("cat zz", 0, "(null)");
	struct completion c;
	ck_assert_uint_eq(complete_line(&hooks, "cat sub\\ dir/ x", 13, &c), 1);
	ck_assert_uint_eq(c.start, 4);
	completion_free(&c);
	ck_assert_uint_eq(complete_line(&hooks, "cat ", 4, &c), 3);
	ck_assert_str_eq(c.display.items[0], "my file.txt");
	ck_assert_str_eq(c.display.items[2], "sub dir/");
	completion_free(&c);
	unlink("sub dir/inner");
	rmdir("sub dir");
	unlink("my file.txt");
	unlink("other");
	unlink(".hidden");
	ck_assert_int_eq(chdir(old), 0);
	rmdir(dir);
	free(old);
}
END_TEST

START_TEST(complete_analysis_wrappers)
{
	struct complete_word w;
	static const char *const cmdpos[] = {
		"sudo -u root ma", "env -i A=1 l", "type ls ec", "nice -n 5 ma",
		"time ma", "command -v ls", "xargs -0 gr", "echo $(ec",
		"echo `ec", "echo \"$(ec", "echo \"`ec", "exec ",
	};
	for (size_t i = 0; i < sizeof cmdpos / sizeof cmdpos[0]; i++) {
		analyze(cmdpos[i], &w);
		ck_assert_msg(w.command_position, "%s", cmdpos[i]);
		complete_word_free(&w);
	}
	analyze("echo \"$(ec", &w);
	ck_assert_int_eq(w.quote, CQ_NONE);
	ck_assert_uint_eq(w.start, 8);
	complete_word_free(&w);
	analyze("echo $(date) fi", &w);
	ck_assert(!w.command_position);
	ck_assert_str_eq(w.command, "echo");
	ck_assert_int_eq(w.argno, 2);
	complete_word_free(&w);
	analyze("echo \"`date` x", &w);
	ck_assert(!w.command_position);
	ck_assert_int_eq(w.quote, CQ_DOUBLE);
	ck_assert_str_eq(w.command, "echo");
	complete_word_free(&w);
	analyze("sudo -u ro", &w);
	ck_assert(!w.command_position);
	complete_word_free(&w);
	analyze("set -o pi", &w);
	ck_assert_str_eq(w.command, "set");
	ck_assert_str_eq(w.prev, "-o");
	ck_assert_int_eq(w.argno, 2);
	complete_word_free(&w);
	analyze("proc ps -a -", &w);
	ck_assert_str_eq(w.arg1, "ps");
	ck_assert_int_eq(w.argno, 3);
	complete_word_free(&w);
}
END_TEST

START_TEST(complete_argument_kinds)
{
	CHECK_COMPLETE("set -o pi", 1, "pipefail ");
	CHECK_COMPLETE("set +o p", 2, "p");
	CHECK_COMPLETE("set -o x", 0, "(null)");
	CHECK_COMPLETE("kill -IN", 1, "-INT ");
	CHECK_COMPLETE("kill -s TER", 1, "TERM ");
	CHECK_COMPLETE("kill -9 %s", 1, "%sleep ");
	CHECK_COMPLETE("trap 'echo bye' EXI", 1, "EXIT ");
	CHECK_COMPLETE("trap - HU", 1, "HUP ");
	CHECK_COMPLETE("help whi", 1, "while ");
	CHECK_COMPLETE("help {", 1, "{ ");	/* as typed: { is a plain word there */
	CHECK_COMPLETE("help ec", 1, "echo ");
	CHECK_COMPLETE("unset HO", 2, "HO");
	CHECK_COMPLETE("export HOM", 1, "HOME ");
	CHECK_COMPLETE("read -r HOS", 1, "HOSTNAME ");
	CHECK_COMPLETE("readonly X=HO", 0, "(null)");
	CHECK_COMPLETE("proc ps -", 3, "-");
	CHECK_COMPLETE("proc fds -p", 1, "-p ");
	CHECK_COMPLETE("sudo ec", 1, "echo ");
	CHECK_COMPLETE("echo $(ec", 1, "echo ");
	CHECK_COMPLETE("echo `ech", 1, "echo ");
	CHECK_COMPLETE("echo a$HOM", 1, "a$HOME ");
}
END_TEST

START_TEST(complete_paths)
{
	char dir[] = "/tmp/whelk-comp-XXXXXX", other[] = "/tmp/whelk-comp-XXXXXX";
	ck_assert_ptr_nonnull(mkdtemp(dir));
	ck_assert_ptr_nonnull(mkdtemp(other));
	char *old = getcwd(NULL, 0);
	ck_assert_int_eq(chdir(dir), 0);
	strcpy(fake_dir, dir);
	ck_assert_int_eq(mkdir("proj", 0755), 0);
	ck_assert_int_eq(mkdir("sub dir", 0755), 0);
	close(open("file", O_CREAT | O_WRONLY, 0644));
	CHECK_COMPLETE("cat $HOME/fi", 1, "$HOME/file ");
	CHECK_COMPLETE("cat ${D}/pr", 1, "${D}/proj/");
	CHECK_COMPLETE("cat \"$D/su", 1, "\"$D/sub dir/");
	CHECK_COMPLETE("cat ~/pr", 1, "~/proj/");
	CHECK_COMPLETE("cat $NOPE/pr", 1, "$NOPE/proc/");
	CHECK_COMPLETE("cd ", 2, "");	/* directories only, CDPATH deduplicated */
	CHECK_COMPLETE("cd f", 0, "(null)");
	ck_assert_int_eq(chdir(other), 0);
	CHECK_COMPLETE("cd pro", 1, "proj/");	/* found through CDPATH */
	CHECK_COMPLETE("cd ./pro", 0, "(null)");
	CHECK_COMPLETE("pushd su", 1, "sub\\ dir/");
	fake_dir[0] = '\0';
	ck_assert_int_eq(chdir(old), 0);
	rmdir(other);
	char path[64];
	snprintf(path, sizeof path, "%s/proj", dir);
	rmdir(path);
	snprintf(path, sizeof path, "%s/sub dir", dir);
	rmdir(path);
	snprintf(path, sizeof path, "%s/file", dir);
	unlink(path);
	rmdir(dir);
	free(old);
}
END_TEST

/* complete_show_list against a pipe, with keys from a string. */
struct fake_keys {
	const char *keys;
};

static int fake_getkey(void *ctx)
{
	struct fake_keys *k = ctx;
	return *k->keys ? (unsigned char)*k->keys++ : -1;
}

static char *show_list(char *const *names, size_t n, size_t query, int lines,
		       const char *keys, bool *shown)
{
	int fd[2];
	ck_assert_int_eq(pipe(fd), 0);
	struct fake_keys k = { keys };
	struct complete_pager p = {
		.out_fd = fd[1], .getkey = fake_getkey, .ctx = &k,
		.cols = 20, .lines = lines, .query_items = query, .page = true,
	};
	*shown = complete_show_list(&p, names, n);
	close(fd[1]);
	char buf[4096];
	ssize_t got = read(fd[0], buf, sizeof buf - 1);
	close(fd[0]);
	buf[got > 0 ? got : 0] = '\0';
	return xstrdup(buf);
}

#define CHECK_LIST(names, n, query, lines, keys, want_shown, want) do { \
	bool shown_; \
	char *out_ = show_list(names, n, query, lines, keys, &shown_); \
	ck_assert_str_eq(out_, want); \
	ck_assert(shown_ == (want_shown)); \
	free(out_); \
} while (0)

START_TEST(complete_list_query_and_pager)
{
	char *names[] = { "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta" };
	/* up to 7 columns wide: 9-wide columns, two fit in 20, sorted down */
	CHECK_LIST(names, 7, 0, 0, "", true,
		   "alpha    epsilon\r\nbeta     zeta\r\ngamma    eta\r\ndelta\r\n");
	CHECK_LIST(names, 7, 5, 0, "n", false,
		   "Display all 7 possibilities? (y or n)\r\n");
	CHECK_LIST(names, 7, 5, 0, "", false,	/* Ctrl-C or end of input */
		   "Display all 7 possibilities? (y or n)\r\n");
	CHECK_LIST(names, 3, 5, 0, "", true, "alpha  gamma\r\nbeta\r\n");
	CHECK_LIST(names, 7, 5, 0, "xy", true,	/* x rings the bell */
		   "Display all 7 possibilities? (y or n)\a\r\n"
		   "alpha    epsilon\r\nbeta     zeta\r\ngamma    eta\r\ndelta\r\n");
	/* 3 lines: pages of 2 rows; space shows a page, Enter a line, q stops */
	CHECK_LIST(names, 7, 0, 3, " ", true,
		   "alpha    epsilon\r\nbeta     zeta\r\n--More--\r        \r"
		   "gamma    eta\r\ndelta\r\n");
	CHECK_LIST(names, 7, 0, 3, "\rq", false,
		   "alpha    epsilon\r\nbeta     zeta\r\n--More--\r        \r"
		   "gamma    eta\r\n--More--\r        \r");
}
END_TEST

static Suite *interactive_suite(void)
{
	Suite *s = suite_create("interactive");
	TCase *t = tcase_create("prompt");
	tcase_add_test(t, prompt_basic_escapes);
	tcase_add_test(t, prompt_invisible_and_bang);
	tcase_add_test(t, prompt_protects_escape_output);
	tcase_add_test(t, prompt_time);
	suite_add_tcase(s, t);
	t = tcase_create("history");
	tcase_add_test(t, history_ring_and_numbers);
	tcase_add_test(t, history_delete);
	tcase_add_test(t, history_encoding);
	tcase_add_test(t, history_file_roundtrip);
	tcase_add_test(t, history_file_damaged);
	suite_add_tcase(s, t);
	t = tcase_create("complete");
	tcase_add_test(t, complete_analysis);
	tcase_add_test(t, complete_quoting);
	tcase_add_test(t, complete_candidates);
	tcase_add_test(t, complete_files);
	tcase_add_test(t, complete_analysis_wrappers);
	tcase_add_test(t, complete_argument_kinds);
	tcase_add_test(t, complete_paths);
	tcase_add_test(t, complete_list_query_and_pager);
	suite_add_tcase(s, t);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(interactive_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
