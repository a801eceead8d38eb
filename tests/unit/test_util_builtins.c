/* test_util_builtins.c: unit tests of echo, printf, test, umask, kill and true/false, called with a minimal shell. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <check.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <inttypes.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/strbuf.h"
#include "builtins/builtins.h"
#include "builtins/opts.h"
#include "builtins/registry.h"
#include "exec/shell.h"
#include "parser/parser.h"

/* ------------------------------------------------ test-only stand-ins */

/* Messages land here instead of stderr, so tests can compare them. */
static struct strbuf errors = STRBUF_INIT;

void builtin_error(struct shell *sh, const char *fmt, ...)
{
	va_list va;
	sb_printf(&errors, "whelk: %s: ", sh->current_builtin);
	va_start(va, fmt);
	sb_vprintf(&errors, fmt, va);
	va_end(va);
	sb_putc(&errors, '\n');
}

/* The option scanner (builtins/opts.c) looks up the usage line here; the
   whole table would pull in every builtin, so every builtin is a regular
   one whose usage line is "NAME ...". */
const struct builtin *builtin_find(const char *name)
{
	static struct builtin b = { .usage = "NAME ..." };
	b.name = name;
	b.flags = strcmp(name, "exit") == 0 ? BUILTIN_SPECIAL : BUILTIN_REGULAR;
	return &b;
}

/* printf -v assigns through var_set: the last assignment is kept here
   (the variables themselves are exec/vars.c's, not linked in). */
static struct strbuf assigned = STRBUF_INIT;

int var_set(struct shell *sh, const char *name, const char *value, int flags)
{
	(void)sh;
	(void)flags;
	sb_clear(&assigned);
	sb_printf(&assigned, "%s=%s", name, value);
	return 0;
}

/* printf -v 'a[1]': the element form is the shell's (vars_array.c);
   here a target is a name, or a name with a subscript, stored as given. */
bool var_is_target(const char *s)
{
	const char *open = strchr(s, '[');
	if (!open)
		return parse_is_name(s);
	return s[strlen(s) - 1] == ']' && open > s;
}

int var_set_target(struct shell *sh, const char *target, const char *value)
{
	return var_set(sh, target, value, 0);
}

/* test -v looks variables up: only "set_var" (empty) is set here, and
   no element (arrays are vars_array.c's). */
const char *var_get(struct shell *sh, const char *name)
{
	(void)sh;
	return strcmp(name, "set_var") == 0 ? "" : NULL;
}

bool var_target_is_set(struct shell *sh, const char *target)
{
	return var_get(sh, target) != NULL;
}

bool parse_is_name(const char *s)
{
	if (!(*s == '_' || (*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z')))
		return false;
	return strspn(s, "_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") == strlen(s);
}

static struct shell test_shell;

struct result {
	int status;
	char *out;	/* owned */
	size_t len;
};

/* Run fn with a NULL-terminated argument list; capture stdout. */
static struct result run(builtin_fn fn, const char *name, ...)
{
	char *argv[64];
	int argc = 0;
	va_list va;
	va_start(va, name);
	argv[argc++] = (char *)name;
	for (char *a; (a = va_arg(va, char *)) != NULL && argc < 63;)
		argv[argc++] = a;
	va_end(va);
	argv[argc] = NULL;

	char path[] = "/tmp/whelk-util-test-XXXXXX";
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	unlink(path);
	fflush(stdout);
	int saved = dup(1);
	dup2(fd, 1);
	sb_clear(&errors);
	test_shell.current_builtin = name;
	struct result r = { 0, NULL, 0 };
	r.status = fn(&test_shell, argc, argv);
	fflush(stdout);
	dup2(saved, 1);
	close(saved);
	off_t size = lseek(fd, 0, SEEK_END);
	r.out = xmalloc((size_t)size + 1);
	r.len = (size_t)pread(fd, r.out, (size_t)size, 0);
	r.out[r.len] = '\0';
	close(fd);
	return r;
}

#define OUT(expect_out, expect_status, ...) do { \
	struct result r_ = run(__VA_ARGS__, (char *)NULL); \
	ck_assert_msg(r_.len == sizeof(expect_out) - 1 \
		      && memcmp(r_.out, expect_out, r_.len) == 0, \
		      "output '%s' want '%s'", r_.out, expect_out); \
	ck_assert_int_eq(r_.status, expect_status); \
	free(r_.out); \
} while (0)

#define ERR(substr) ck_assert_msg(strstr(sb_str(&errors), substr) != NULL, \
				  "stderr '%s' lacks '%s'", sb_str(&errors), substr)

/* ---------------------------------------------------------- echo */

START_TEST(test_echo)
{
	OUT("a b\n", 0, builtin_echo, "echo", "a", "b");
	OUT("\n", 0, builtin_echo, "echo");
	OUT("x", 0, builtin_echo, "echo", "-n", "x");
	OUT("x", 0, builtin_echo, "echo", "-n", "-n", "x");
	OUT("x\n", 0, builtin_echo, "echo", "-e", "x");
	OUT("a\\tb\n", 0, builtin_echo, "echo", "-E", "a\\tb");
	OUT("a\tb", 0, builtin_echo, "echo", "-nEe", "a\\tb");
	OUT("-- x\n", 0, builtin_echo, "echo", "--", "x");
	OUT("-x y\n", 0, builtin_echo, "echo", "-x", "y");
	OUT("x", 0, builtin_echo, "echo", "-nn", "x");
	OUT("A\n", 0, builtin_echo, "echo", "\\x41");
	OUT("a\tb\n", 0, builtin_echo, "echo", "a\\tb");
	OUT("a", 0, builtin_echo, "echo", "a\\cb", "c");
	OUT("xAy\n", 0, builtin_echo, "echo", "x\\0101y");
	OUT("xAy\n", 0, builtin_echo, "echo", "x\\101y");
	OUT("xS4\n", 0, builtin_echo, "echo", "x\\01234");
	OUT("x\\q\n", 0, builtin_echo, "echo", "x\\q");
	OUT("x\\\n", 0, builtin_echo, "echo", "x\\");
	OUT("x\0\n", 0, builtin_echo, "echo", "x\\0");
	OUT("a\\b\n", 0, builtin_echo, "echo", "a\\\\b");
	OUT(" a\n", 0, builtin_echo, "echo", "", "a");
	OUT("\033\n", 0, builtin_echo, "echo", "\\e");
}
END_TEST

START_TEST(test_true_false)
{
	OUT("", 0, builtin_true, "true", "ignored");
	OUT("", 1, builtin_false, "false");
}
END_TEST

/* ---------------------------------------------------------- printf */

START_TEST(test_printf_basic)
{
	OUT("hello\n", 0, builtin_printf, "printf", "hello\\n");
	OUT("1 2\n3 0\n", 0, builtin_printf, "printf", "%d %d\\n", "1", "2", "3");
	OUT("a\nb\nc\n", 0, builtin_printf, "printf", "%s\\n", "a", "b", "c");
	OUT("x\n", 0, builtin_printf, "printf", "--", "%s\\n", "x");
	OUT("|0|.\n", 0, builtin_printf, "printf", "%s|%d|%b.\\n");
	OUT("xy\n", 0, builtin_printf, "printf", "x%sy\\n");
	OUT("a\\cb", 0, builtin_printf, "printf", "a\\cb");
	OUT("A\b1", 0, builtin_printf, "printf", "\\101\\0101");
	OUT("100%\n", 0, builtin_printf, "printf", "%d%%\\n", "100");
	OUT("same\n", 0, builtin_printf, "printf", "same\\n", "extra");
	OUT("", 2, builtin_printf, "printf");
	ERR("usage");
}
END_TEST

START_TEST(test_printf_extensions)
{
	OUT("a\\ b|''|\\$x\n", 0, builtin_printf, "printf", "%q|%q|%q\\n",
	    "a b", "", "$x");
	OUT("$'a\\tb'\n", 0, builtin_printf, "printf", "%q\\n", "a\tb");
	OUT("AB\n", 0, builtin_printf, "printf", "\\x41%b\\n", "\\x42");
	OUT("", 0, builtin_printf, "printf", "-v", "v", "%s-%s", "a", "b");
	ck_assert_str_eq(sb_str(&assigned), "v=a-b");
	OUT("", 2, builtin_printf, "printf", "-v", "1x", "%s");
	ERR("1x: bad variable name");
}
END_TEST

START_TEST(test_printf_conversions)
{
	OUT("   ab|3    |+4| 5|00006|0xff|010\n", 0, builtin_printf, "printf",
	    "%5.2s|%-5d|%+d|% d|%05d|%#x|%#o\\n", "abc", "3", "4", "5", "6",
	    "255", "8");
	OUT("   1|ab    |\n", 0, builtin_printf, "printf", "%*d|%-*.*s|\\n",
	    "4", "1", "6", "2", "abcdef");
	OUT("1    |\n", 0, builtin_printf, "printf", "%*d|\\n", "-5", "1");
	OUT("16 10 FF\n", 0, builtin_printf, "printf", "%i %o %X\\n", "0x10",
	    "010", "255");
	OUT("18446744073709551615\n", 0, builtin_printf, "printf", "%u\\n", "-1");
	OUT("1.500000e+00 1.500000 1.5 1.500000E+00 1.5\n", 0, builtin_printf,
	    "printf", "%e %f %g %E %G\\n", "1.5", "1.5", "1.5", "1.5", "1.5");
	OUT("0x1p+0\n", 0, builtin_printf, "printf", "%a\\n", "1");
	OUT("65 66\n", 0, builtin_printf, "printf", "%d %d\\n", "'A", "\"B");
	OUT("a\n", 0, builtin_printf, "printf", "%c\\n", "abc");
	OUT("005\n", 0, builtin_printf, "printf", "%.3d\\n", "5");
	OUT("12\n3\n-31\n", 0, builtin_printf, "printf", "%d\\n", " 12", "+3",
	    "-0x1f");
	OUT("  a\\tb|", 0, builtin_printf, "printf", "%6s|", "a\\tb");
	OUT("   a\tb|", 0, builtin_printf, "printf", "%6b|", "a\\tb");
	OUT("a", 0, builtin_printf, "printf", "%b|%s", "a\\cb", "c");
	OUT("3", 0, builtin_printf, "printf", "%ld", "3");
}
END_TEST

START_TEST(test_printf_errors)
{
	OUT("0\n5\n", 1, builtin_printf, "printf", "%d\\n", "abc", "5");
	ERR("whelk: printf: abc: invalid number");
	OUT("12\n", 1, builtin_printf, "printf", "%d\\n", "12abc");
	ERR("12abc: invalid number");
	OUT("9223372036854775807\n", 1, builtin_printf, "printf", "%d\\n",
	    "99999999999999999999");
	ERR("out of range");
	OUT("0.000000\n", 1, builtin_printf, "printf", "%f\\n", "abc");
	OUT("x", 1, builtin_printf, "printf", "x%k");
	ERR("%k: invalid directive");
	OUT("", 1, builtin_printf, "printf", "%");
	ERR("missing format character");
}
END_TEST

START_TEST(test_write_error)
{
	int full = open("/dev/full", O_WRONLY);
	if (full < 0)
		return;
	fflush(stdout);
	int saved = dup(1);
	dup2(full, 1);
	close(full);
	sb_clear(&errors);
	test_shell.current_builtin = "echo";
	char *argv[] = { "echo", "hi", NULL };
	int st = builtin_echo(&test_shell, 2, argv);
	test_shell.current_builtin = "printf";
	char *pargv[] = { "printf", "x%s\\n", "y", NULL };
	int pst = builtin_printf(&test_shell, 3, pargv);
	dup2(saved, 1);
	close(saved);
	ck_assert_int_eq(st, 1);
	ck_assert_int_eq(pst, 1);
	ERR("whelk: echo: write error: No space left on device");
	ERR("whelk: printf: write error: No space left on device");
}
END_TEST


/* ---------------------------------------------------------- test */

#define T(status, ...) OUT("", status, builtin_test, "test", __VA_ARGS__)
#define B(status, ...) OUT("", status, builtin_test, "[", __VA_ARGS__)

START_TEST(test_test_counts)
{
	OUT("", 1, builtin_test, "test");
	T(0, "x");
	T(1, "");
	T(0, "-z");		/* one argument: a non-empty string */
	T(0, "!");
	T(1, "!", "x");
	T(0, "!", "");
	T(0, "-n", "x");
	T(0, "-v", "set_var");
	T(1, "-v", "unset_var");
	T(1, "-z", "x");
	T(2, "a", "b");
	ERR("a: unary operator expected");
	T(0, "abc", "=", "abc");
	T(1, "abc", "!=", "abc");
	T(1, "!", "=", "a");	/* 3 args: binary wins over ! */
	T(0, "(", "x", ")");
	T(1, "!", "-n", "x");
	T(0, "-f", "-a", "-f");
	T(1, "", "-o", "");
	T(0, "!", "a", "=", "b");
	T(0, "(", "-n", "x", ")");
	T(0, "a", "<", "b");
	T(0, "b", ">", "a");
}
END_TEST

START_TEST(test_test_general)
{
	T(0, "a", "-a", "b", "-o", "");
	T(0, "-n", "a", "-a", "(", "b", "=", "b", ")");
	T(1, "-n", "a", "-a", "(", "b", "=", "c", ")");
	T(0, "-d", "/", "-a", "!", "-f", "/");
	T(0, "", "-o", "x", "-a", "y");	/* -a binds tighter */
	T(1, "", "-o", "x", "-a", "");
	T(0, "x", "-o", "", "-a", "");
	T(2, "a", "b", "c", "d", "e");
	T(2, "(", "a", "-a", "b");
	ERR("missing ')'");
	T(0, "!", "!", "!", "!", "x");
}
END_TEST

START_TEST(test_test_integers)
{
	T(0, "1", "-eq", "01");
	T(0, " 1 ", "-eq", "1");
	T(0, "-5", "-lt", "3");
	T(0, "3", "-ge", "3");
	T(1, "3", "-gt", "3");
	T(0, "3", "-le", "3");
	T(0, "3", "-ne", "4");
	T(2, "0x1", "-eq", "1");
	ERR("whelk: test: 0x1: bad number");
	T(2, "a", "-eq", "1");
	T(2, "", "-eq", "1");
	T(2, "99999999999999999999", "-gt", "1");
	ERR("out of range");
}
END_TEST

START_TEST(test_test_files)
{
	T(0, "-d", "/");
	T(1, "-f", "/");
	T(0, "-e", "/");
	T(1, "-e", "/nonexistent-whelk");
	T(0, "-c", "/dev/null");
	T(1, "-b", "/dev/null");
	T(0, "-r", "/");
	T(1, "-s", "/dev/null");
	T(1, "-p", "/");
	T(1, "-S", "/");
	T(1, "-h", "/");
	T(1, "-L", "/");
	T(1, "-u", "/");
	T(1, "-g", "/");
	T(1, "-t", "99");
	T(0, "/", "-ef", "/.");
	T(1, "/", "-ef", "/dev");
	T(0, "/", "-nt", "/nonexistent-whelk");
	T(1, "/", "-ot", "/nonexistent-whelk");
	T(0, "/nonexistent-whelk", "-ot", "/");
	char dir[] = "/tmp/whelk-test-XXXXXX";
	ck_assert_ptr_nonnull(mkdtemp(dir));
	char link[64];
	snprintf(link, sizeof link, "%s/l", dir);
	ck_assert_int_eq(symlink("/", link), 0);
	T(0, "-h", link);
	T(0, "-L", link);
	T(0, "-d", link);
	unlink(link);
	rmdir(dir);
}
END_TEST

START_TEST(test_bracket)
{
	B(0, "a", "]");
	B(1, "]");
	B(0, "a", "=", "a", "]");
	OUT("", 2, builtin_test, "[", "a");
	ERR("whelk: [: missing ']'");
	OUT("", 2, builtin_test, "[");
}
END_TEST

/* ---------------------------------------------------------- umask */

#define UM(...) OUT("", 0, builtin_umask, "umask", __VA_ARGS__)

START_TEST(test_umask)
{
	mode_t saved = umask(022);
	OUT("0022\n", 0, builtin_umask, "umask");
	OUT("u=rwx,g=rx,o=rx\n", 0, builtin_umask, "umask", "-S");
	UM("027");
	OUT("0027\n", 0, builtin_umask, "umask");
	UM("u=rwx,g=rx,o=");
	OUT("0027\n", 0, builtin_umask, "umask");
	UM("022");
	UM("g-w,o-rwx");
	OUT("0027\n", 0, builtin_umask, "umask");
	UM("a+w");
	OUT("0005\n", 0, builtin_umask, "umask");
	UM("777");
	OUT("u=,g=,o=\n", 0, builtin_umask, "umask", "-S");
	UM("u=rwx,g=u,o=r");	/* g=u copies the u bits the operand started
				   from (none), as dash, yash and mksh do */
	OUT("0073\n", 0, builtin_umask, "umask");
	UM("--", "0");
	OUT("0000\n", 0, builtin_umask, "umask");
	OUT("", 2, builtin_umask, "umask", "8");
	ERR("8: invalid mask");
	OUT("", 2, builtin_umask, "umask", "u=q");
	OUT("", 2, builtin_umask, "umask", "u");
	OUT("", 2, builtin_umask, "umask", "-x");
	OUT("0000\n", 0, builtin_umask, "umask");
	umask(saved);
}
END_TEST

/* ---------------------------------------------------------- kill */

START_TEST(test_kill)
{
	OUT("INT\n", 0, builtin_kill, "kill", "-l", "130");
	OUT("INT\n", 0, builtin_kill, "kill", "-l", "2");
	OUT("2\n", 0, builtin_kill, "kill", "-l", "INT");
	OUT("15\n", 0, builtin_kill, "kill", "-l", "sigterm");
	OUT("KILL\nTERM\n", 0, builtin_kill, "kill", "-l", "9", "15");
	OUT("", 1, builtin_kill, "kill", "-l", "999");
	ERR("999: invalid signal specification");
	struct result r = run(builtin_kill, "kill", "-l", (char *)NULL);
	ck_assert_int_eq(r.status, 0);
	ck_assert(strncmp(r.out, "HUP\nINT\nQUIT\n", 13) == 0);
	free(r.out);
	char self[24];
	snprintf(self, sizeof self, "%d", (int)getpid());
	OUT("", 0, builtin_kill, "kill", "-0", self);
	OUT("", 0, builtin_kill, "kill", "-s", "0", self);
	OUT("", 0, builtin_kill, "kill", "-n", "0", self);
	OUT("", 0, builtin_kill, "kill", "-s", "sigcont", self);
	OUT("", 0, builtin_kill, "kill", "-CONT", self);
	OUT("", 0, builtin_kill, "kill", "-18", "--", self);
	OUT("", 2, builtin_kill, "kill");
	ERR("usage");
	OUT("", 2, builtin_kill, "kill", "-s");
	OUT("", 2, builtin_kill, "kill", "-s", "FOO", "1");
	ERR("FOO: invalid signal specification");
	OUT("", 1, builtin_kill, "kill", "-0", "abc", self);
	ERR("abc: arguments must be process or job IDs");
	OUT("", 1, builtin_kill, "kill", "-0", "2147483647");
	ERR("No such process");
	OUT("", 1, builtin_kill, "kill", "-0", "--", "-2147483647");
}
END_TEST

/* ---------------------------------------------------------- ulimit */

START_TEST(test_ulimit)
{
	struct rlimit rl;
	getrlimit(RLIMIT_NOFILE, &rl);
	char want[64];
	snprintf(want, sizeof want, "%ju\n", (uintmax_t)rl.rlim_cur);
	struct result r = run(builtin_ulimit, "ulimit", "-n", (char *)NULL);
	ck_assert_str_eq(r.out, want);
	free(r.out);
	/* Lower the soft limit only (always allowed), then restore. */
	OUT("", 0, builtin_ulimit, "ulimit", "-S", "-n", "64");
	OUT("64\n", 0, builtin_ulimit, "ulimit", "-S", "-n");
	snprintf(want, sizeof want, "%ju", (uintmax_t)rl.rlim_cur);
	OUT("", 0, builtin_ulimit, "ulimit", "-S", "-n", want);
	r = run(builtin_ulimit, "ulimit", "-a", (char *)NULL);
	ck_assert_int_eq(r.status, 0);
	ck_assert_ptr_nonnull(strstr(r.out, "open files                          (-n) "));
	ck_assert_ptr_nonnull(strstr(r.out, "file size                   (blocks, -f) "));
	free(r.out);
	r = run(builtin_ulimit, "ulimit", "-c", "-n", (char *)NULL);
	ck_assert_ptr_nonnull(strstr(r.out, "core file size"));
	ck_assert_ptr_nonnull(strstr(r.out, "open files"));
	free(r.out);
	OUT("", 2, builtin_ulimit, "ulimit", "-n", "abc");
	ERR("abc: invalid number");
	OUT("", 2, builtin_ulimit, "ulimit", "-f", "99999999999999999999");
	OUT("", 2, builtin_ulimit, "ulimit", "-Z");
	OUT("", 2, builtin_ulimit, "ulimit", "-n", "1", "2");
	getrlimit(RLIMIT_CORE, &rl);
	if (rl.rlim_max == RLIM_INFINITY) {
		OUT("", 0, builtin_ulimit, "ulimit", "-S", "-c", "8");
		OUT("8\n", 0, builtin_ulimit, "ulimit", "-S", "-c");
		OUT("", 0, builtin_ulimit, "ulimit", "-S", "-c", "unlimited");
		OUT("unlimited\n", 0, builtin_ulimit, "ulimit", "-S", "-c");
		setrlimit(RLIMIT_CORE, &rl);
	}
}
END_TEST

/* ------------------------------------------------ the option scanner */

/* Scan argv (NULL-terminated) with spec; the letters returned, with each
   option argument in brackets, then "|" and the first operand's index. */
static char *scan_all(const char *spec, int flags, char **argv)
{
	int argc = 0;
	while (argv[argc])
		argc++;
	struct bopt o;
	struct strbuf sb = STRBUF_INIT;
	int c;
	sb_clear(&errors);
	test_shell.current_builtin = "cmd";
	bopt_init(&o, argc, argv, spec, flags);
	while ((c = bopt_next(&test_shell, &o)) != 0) {
		sb_putc(&sb, (char)c);
		if (c == '?')
			break;
		if (o.arg)
			sb_printf(&sb, "[%s]", o.arg);
	}
	sb_printf(&sb, "|%d", o.ind);
	return sb_finish(&sb);
}

#define SCAN(want, spec, flags, ...) do { \
	char *av_[] = { "cmd", __VA_ARGS__, NULL }; \
	char *copy_[sizeof av_ / sizeof av_[0]]; \
	memcpy(copy_, av_, sizeof av_); \
	char *got_ = scan_all(spec, flags, av_); \
	ck_assert_str_eq(got_, want); \
	/* argv is never written (issue 15: "eval --" double free) */ \
	ck_assert_mem_eq(copy_, av_, sizeof av_); \
	free(got_); \
} while (0)

START_TEST(test_bopt_syntax)
{
	SCAN("ab|2", "ab", 0, "-ab", "x");
	SCAN("ab|3", "ab", 0, "-a", "-b", "x");
	SCAN("d[x]|2", "d:", 0, "-dx", "y");
	SCAN("d[x]|3", "d:", 0, "-d", "x", "y");
	SCAN("rd[]|3", "rd:", 0, "-rd", "", "v");
	SCAN("d[-r]|3", "d:r", 0, "-d", "-r");
	SCAN("a|3", "a", 0, "-a", "--", "-a");
	SCAN("|2", "a", 0, "--", "--");
	SCAN("|1", "a", 0, "-", "-a");
	SCAN("|1", "a", 0, "", "-a");
	SCAN("|1", "a", 0, "x", "-a");
	SCAN("|1", "", BOPT_NUMBERS, "-5");
	SCAN("?|2", "", 0, "-5");
	SCAN("|2", "", 0, "--");
}
END_TEST

START_TEST(test_bopt_errors)
{
	SCAN("?|2", "ab", 0, "-z");
	ERR("whelk: cmd: -z: invalid option\nwhelk: cmd: usage: NAME ...\n");
	SCAN("a?|2", "ab", 0, "-az");
	ERR("-z: invalid option");
	SCAN("?|2", "d:", 0, "-d");
	ERR("whelk: cmd: -d: option requires an argument\n"
	    "whelk: cmd: usage: NAME ...\n");
	SCAN("?|2", "d:", 0, "-:");
	ERR("-:: invalid option");
	/* A usage error is fatal for a special builtin only. */
	char *argv[] = { "exit", "-z", NULL };
	test_shell.builtin_fatal = false;
	test_shell.current_builtin = "exit";
	ck_assert_int_eq(bopt_none(&test_shell, 2, argv), -1);
	ck_assert(test_shell.builtin_fatal);
	test_shell.builtin_fatal = false;
	test_shell.current_builtin = "read";
	ck_assert_int_eq(bopt_none(&test_shell, 2, argv), -1);
	ck_assert(!test_shell.builtin_fatal);
}
END_TEST

START_TEST(test_bopt_number)
{
	long n = -7;
	test_shell.current_builtin = "cmd";
	ck_assert_int_eq(bopt_number(&test_shell, "42", 0, 100, &n), 0);
	ck_assert_int_eq(n, 42);
	ck_assert_int_eq(bopt_number(&test_shell, "+5", 0, 100, &n), 0);
	ck_assert_int_eq(n, 5);
	const char *bad[] = { "", "-1", "-0", "5x", " 5", "+", "101",
			      "99999999999999999999", "0x10" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		sb_clear(&errors);
		n = -7;
		ck_assert_int_eq(bopt_number(&test_shell, bad[i], 0, 100, &n),
				 2);
		ck_assert_int_eq(n, -7);
		ERR("Illegal number");
	}
	char *argv[] = { "cmd", "1", "2", NULL };
	sb_clear(&errors);
	ck_assert_int_eq(bopt_number_operand(&test_shell, 3, argv, 1, 0, &n), 2);
	ERR("too many arguments");
	ck_assert_int_eq(bopt_number_operand(&test_shell, 3, argv, 3, 0, &n), 0);
	ck_assert_int_eq(n, -7);
	ck_assert_int_eq(bopt_number_operand(&test_shell, 3, argv, 2, 0, &n), 0);
	ck_assert_int_eq(n, 2);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("util builtins");
	TCase *tc = tcase_create("echo printf");
	tcase_add_test(tc, test_echo);
	tcase_add_test(tc, test_true_false);
	tcase_add_test(tc, test_printf_basic);
	tcase_add_test(tc, test_printf_conversions);
	tcase_add_test(tc, test_printf_extensions);
	tcase_add_test(tc, test_printf_errors);
	tcase_add_test(tc, test_write_error);
	suite_add_tcase(s, tc);
	tc = tcase_create("test");
	tcase_add_test(tc, test_test_counts);
	tcase_add_test(tc, test_test_general);
	tcase_add_test(tc, test_test_integers);
	tcase_add_test(tc, test_test_files);
	tcase_add_test(tc, test_bracket);
	suite_add_tcase(s, tc);
	tc = tcase_create("umask kill ulimit");
	tcase_add_test(tc, test_umask);
	tcase_add_test(tc, test_kill);
	tcase_add_test(tc, test_ulimit);
	tcase_add_test(tc, test_bopt_syntax);
	tcase_add_test(tc, test_bopt_errors);
	tcase_add_test(tc, test_bopt_number);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	sb_free(&errors);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
