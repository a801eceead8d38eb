/* test_proc.c: unit tests of the /proc readers on recorded fixture trees (tests/unit/fixtures/proc). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "proc/proc.h"

#define BASIC PROC_FIXTURES "/basic"

static struct proc_root root;

static void open_basic(void)
{
	ck_assert_int_eq(proc_root_open(&root, BASIC), 0);
}

static void close_root(void)
{
	proc_root_close(&root);
}

START_TEST(stat_comm_with_parens_and_spaces)
{
	struct proc_stat st;
	ck_assert_int_eq(proc_parse_stat("42 ((a) b)) Z 7 42 7 34816 -1 0 "
		"1 2 3 4 25 7 0 0 20 -5 3 0 5000 10485760 300", &st), 0);
	ck_assert_int_eq(st.pid, 42);
	ck_assert_str_eq(st.comm, "(a) b)");
	ck_assert_int_eq(st.state, 'Z');
	ck_assert_int_eq(st.ppid, 7);
	ck_assert_int_eq(st.tty_nr, 34816);
	ck_assert_int_eq(st.tpgid, -1);
	ck_assert_int_eq((int)st.utime, 25);
	ck_assert_int_eq(st.nice, -5);
	ck_assert_int_eq(st.num_threads, 3);
	ck_assert(st.vsize == 10485760ULL);
	ck_assert_int_eq((int)st.rss, 300);
}
END_TEST

START_TEST(stat_rejects_garbage)
{
	struct proc_stat st;
	ck_assert_int_eq(proc_parse_stat("1 (x", &st), EINVAL);
	ck_assert_int_eq(proc_parse_stat("1 (x) S 1 2", &st), EINVAL);
}
END_TEST

START_TEST(tty_names)
{
	char buf[32];
	ck_assert_str_eq(proc_tty_name(0, buf), "?");
	ck_assert_str_eq(proc_tty_name(136 << 8 | 3, buf), "pts/3");
	/* minor 300 on major 136: low byte 44, high bits in 20..31 */
	ck_assert_str_eq(proc_tty_name(136 << 8 | 44 | (1 << 20), buf),
			 "pts/300");
	ck_assert_str_eq(proc_tty_name(4 << 8 | 1, buf), "tty1");
	ck_assert_str_eq(proc_tty_name(4 << 8 | 64, buf), "ttyS0");
	ck_assert_str_eq(proc_state_meaning('D'), "disk sleep");
}
END_TEST

START_TEST(status_by_key_with_unknown_keys)
{
	struct proc_pid p;
	struct proc_kv kv;
	long long v;
	uint64_t m;
	ck_assert_int_eq(proc_pid_open(&p, &root, 1000), 0);
	ck_assert_int_eq(proc_read_kv(&p, "status", &kv), 0);
	ck_assert_str_eq(proc_kv_get(&kv, "FutureKey"), "something new");
	ck_assert_str_eq(proc_kv_get(&kv, "untag_mask"), "0xffffffffffffffff");
	ck_assert(proc_kv_num(&kv, "VmRSS", &v) && v == 1200);
	ck_assert(proc_kv_num(&kv, "voluntary_ctxt_switches", &v) && v == 42);
	ck_assert(proc_kv_hex(&kv, "SigBlk", &m) && m == 0x10002);
	ck_assert_ptr_null(proc_kv_get(&kv, "NoSuchKey"));
	proc_kv_free(&kv);
	proc_pid_close(&p);
}
END_TEST

START_TEST(self_resolves_to_pid)
{
	struct proc_pid p;
	ck_assert_int_eq(proc_pid_open(&p, &root, PROC_SELF), 0);
	ck_assert_int_eq(p.pid, 1000);
	proc_pid_close(&p);
}
END_TEST

START_TEST(missing_and_hidden_pids)
{
	struct proc_pid p;
	ck_assert_int_eq(proc_pid_open(&p, &root, 4242), ENOENT);
	ck_assert_int_eq(proc_pid_open(&p, &root, 3000), EPERM);
}
END_TEST

START_TEST(zombie_has_empty_cmdline)
{
	struct proc_pid p;
	struct proc_stat st;
	char **argv;
	size_t argc;
	ck_assert_int_eq(proc_pid_open(&p, &root, 1003), 0);
	ck_assert_int_eq(proc_read_stat(&p, &st), 0);
	ck_assert_str_eq(st.comm, "(a) b)");
	ck_assert_int_eq(st.state, 'Z');
	ck_assert_int_eq(proc_read_cmdline(&p, &argv, &argc), 0);
	ck_assert_int_eq((int)argc, 0);
	proc_argv_free(argv);
	proc_pid_close(&p);
}
END_TEST

START_TEST(cmdline_split)
{
	struct proc_pid p;
	char **argv;
	size_t argc;
	ck_assert_int_eq(proc_pid_open(&p, &root, 2000), 0);
	ck_assert_int_eq(proc_read_cmdline(&p, &argv, &argc), 0);
	ck_assert_int_eq((int)argc, 2);
	ck_assert_str_eq(argv[0], "/usr/sbin/sshd");
	ck_assert_str_eq(argv[1], "-D");
	ck_assert_ptr_null(argv[2]);
	proc_argv_free(argv);
	proc_pid_close(&p);
}
END_TEST

START_TEST(permission_denied_fields)
{
	struct proc_pid p;
	struct proc_fd *fds;
	size_t n;
	struct proc_map *maps;
	char *s;
	struct proc_stat st;
	ck_assert_int_eq(proc_pid_open(&p, &root, 2000), 0);
	ck_assert_int_eq(proc_read_stat(&p, &st), 0);	/* still readable */
	ck_assert_int_eq(proc_read_fds(&p, NULL, 0, &fds, &n), EACCES);
	ck_assert_int_eq(proc_read_maps(&p, &maps, &n), EACCES);
	ck_assert_int_eq(proc_read_link(&p, "cwd", &s), EACCES);
	ck_assert_ptr_null(s);
	proc_pid_close(&p);
}
END_TEST

START_TEST(fds_and_fdinfo)
{
	struct proc_pid p;
	struct proc_fd *fds;
	size_t n;
	ck_assert_int_eq(proc_pid_open(&p, &root, 1000), 0);
	ck_assert_int_eq(proc_read_fds(&p, NULL, 0, &fds, &n), 0);
	ck_assert_int_eq((int)n, 5);
	ck_assert_int_eq(fds[3].fd, 3);
	ck_assert_str_eq(fds[3].target, "/etc/hostname");
	ck_assert_int_eq((int)fds[3].pos, 5);
	ck_assert_int_eq(fds[3].flags & O_ACCMODE, O_RDONLY);
	ck_assert_int_eq(fds[4].fd, 10);
	ck_assert(fds[4].flags & O_CLOEXEC);
	proc_fds_free(fds, n);
	proc_pid_close(&p);
	ck_assert(proc_link_inode("pipe:[5000]", "pipe") == 5000);
	ck_assert(proc_link_inode("socket:[5000]", "pipe") == 0);
	ck_assert(proc_link_inode("/etc/x", "pipe") == 0);
}
END_TEST

START_TEST(maps_lines)
{
	struct proc_map m;
	ck_assert_int_eq(proc_parse_map_line("55d0c0a02000-55d0c0a21000 r-xp "
		"00002000 fd:01 1311                       /usr/bin/dash", &m), 0);
	ck_assert(m.start == 0x55d0c0a02000ULL && m.end == 0x55d0c0a21000ULL);
	ck_assert_str_eq(m.perms, "r-xp");
	ck_assert(m.offset == 0x2000);
	ck_assert_str_eq(m.dev, "fd:01");
	ck_assert_str_eq(m.path, "/usr/bin/dash");
	free(m.path);
	ck_assert_int_eq(proc_parse_map_line("7f00-7f10 rw-p 00000000 00:00 0 ",
		&m), 0);
	ck_assert_str_eq(m.path, "");
	free(m.path);
	ck_assert_int_eq(proc_parse_map_line("nonsense", &m), EINVAL);
}
END_TEST

START_TEST(limits_table)
{
	struct proc_limit *l;
	size_t n;
	const char *text =
		"Limit                     Soft Limit           Hard Limit           Units     \n"
		"Max cpu time              unlimited            unlimited            seconds   \n"
		"Max open files            1024                 4096                 files     \n"
		"Max nice priority         0                    0                    \n";
	ck_assert_int_eq(proc_parse_limits(text, &l, &n), 0);
	ck_assert_int_eq((int)n, 3);
	ck_assert_str_eq(l[0].name, "Max cpu time");
	ck_assert(l[0].soft == -1 && l[0].hard == -1);
	ck_assert_str_eq(l[1].name, "Max open files");
	ck_assert(l[1].soft == 1024 && l[1].hard == 4096);
	ck_assert_str_eq(l[1].units, "files");
	ck_assert_str_eq(l[2].units, "");
	free(l);
}
END_TEST

START_TEST(small_files)
{
	struct proc_pid p;
	long long v;
	char *s;
	ck_assert_int_eq(proc_pid_open(&p, &root, 1000), 0);
	ck_assert_int_eq(proc_read_int(&p, "oom_score", &v), 0);
	ck_assert_int_eq((int)v, 666);
	ck_assert_int_eq(proc_read_cgroup(&p, &s), 0);
	ck_assert_str_eq(s, "/user.slice/session-1.scope");
	free(s);
	ck_assert_int_eq(proc_read_comm(&p, &s), 0);
	ck_assert_str_eq(s, "whelk");
	free(s);
	proc_pid_close(&p);
	ck_assert_int_eq(proc_boot_time(&root, &v), 0);
	ck_assert(v == 1700000000LL);
}
END_TEST

START_TEST(list_pids_sorted)
{
	pid_t *pids;
	size_t n;
	ck_assert_int_eq(proc_list_pids(&root, &pids, &n), 0);
	ck_assert_int_eq((int)n, 6);
	ck_assert_int_eq(pids[0], 1);
	ck_assert_int_eq(pids[5], 2000);
	free(pids);
}
END_TEST

START_TEST(no_proc_root)
{
	struct proc_root r;
	ck_assert_int_eq(proc_root_open(&r, PROC_FIXTURES "/empty"), ENOTSUP);
	proc_root_close(&r);
	ck_assert_int_eq(proc_root_open(&r, PROC_FIXTURES "/nonexistent"),
			 ENOENT);
	proc_root_close(&r);
}
END_TEST

START_TEST(real_proc_self)
{
	struct proc_root r;
	struct proc_pid p;
	struct proc_stat st;
	if (proc_root_open(&r, NULL) != 0) {	/* no /proc here: fine */
		proc_root_close(&r);
		return;
	}
	ck_assert_int_eq(proc_pid_open(&p, &r, PROC_SELF), 0);
	ck_assert_int_eq(proc_read_stat(&p, &st), 0);
	ck_assert_int_eq(st.pid, getpid());
	ck_assert_int_eq(st.ppid, getppid());
	proc_pid_close(&p);
	proc_root_close(&r);
}
END_TEST

/* The "odd" tree: the later, optional stat fields, thread ids, Tgid. */
START_TEST(odd_tree_zombie_kthread_threads)
{
	struct proc_root r;
	struct proc_pid p;
	struct proc_stat st;
	pid_t *pids, tgid;
	size_t n;
	ck_assert_int_eq(proc_root_open(&r, PROC_FIXTURES "/odd"), 0);
	ck_assert_int_eq(proc_pid_open(&p, &r, 502), 0);
	ck_assert_int_eq(proc_read_stat(&p, &st), 0);
	ck_assert(st.has_exit_code);
	ck_assert_int_eq(st.exit_code, 3 << 8);
	proc_pid_close(&p);
	ck_assert_int_eq(proc_pid_open(&p, &r, 2), 0);
	ck_assert_int_eq(proc_read_stat(&p, &st), 0);
	ck_assert((st.flags & PROC_PF_KTHREAD) != 0);
	proc_pid_close(&p);
	ck_assert_int_eq(proc_pid_open(&p, &r, 503), 0);
	ck_assert_int_eq(proc_read_stat(&p, &st), 0);
	ck_assert_int_eq((int)st.minflt, 1234);
	ck_assert_int_eq((int)st.majflt, 5);
	ck_assert_int_eq((int)st.policy, 2);
	ck_assert_int_eq((int)st.rt_priority, 10);
	proc_pid_close(&p);
	/* 504 opens (a thread id), belongs to 503, and is not listed. */
	ck_assert_int_eq(proc_pid_open(&p, &r, 504), 0);
	ck_assert_int_eq(proc_read_tgid(&p, &tgid), 0);
	ck_assert_int_eq(tgid, 503);
	proc_pid_close(&p);
	ck_assert_int_eq(proc_list_pids(&r, &pids, &n), 0);
	for (size_t i = 0; i < n; i++)
		ck_assert_int_ne(pids[i], 504);
	free(pids);
	proc_root_close(&r);
}
END_TEST

START_TEST(stat_without_later_fields)
{
	struct proc_stat st;
	/* a kernel before 3.5 ends after field 44: no exit_code */
	ck_assert_int_eq(proc_parse_stat("7 (x) S 1 7 7 0 -1 4194560 10 0 2 0 "
		"1 1 0 0 20 0 1 0 5 100 3 18446744073709551615 1 1 0 0 0 0 "
		"0 0 0 0 0 0 17 0 0 0 0 0 0", &st), 0);
	ck_assert(!st.has_exit_code);
	ck_assert_int_eq((int)st.minflt, 10);
	ck_assert_int_eq((int)st.majflt, 2);
	ck_assert_int_eq(st.rss, 3);
}
END_TEST

START_TEST(smaps_usage_per_mapping)
{
	struct proc_map *m;
	size_t n;
	ck_assert_int_eq(proc_parse_smaps(
		"55d0c0c00000-55d0c0c21000 rw-p 00000000 00:00 0 [heap]\n"
		"Size:                132 kB\n"
		"Rss:                 132 kB\n"
		"Pss:                 100 kB\n"
		"Shared_Dirty:         64 kB\n"
		"Private_Dirty:        68 kB\n"
		"AnonHugePages:         0 kB\n"
		"VmFlags: rd wr mr mw me ac\n"
		"7ffd00000000-7ffd00021000 rw-p 00000000 00:00 0 [stack]\n"
		"Rss:                   8 kB\n", &m, &n), 0);
	ck_assert_int_eq((int)n, 2);
	ck_assert(m[0].has_usage);
	ck_assert_int_eq((int)m[0].rss_kb, 132);
	ck_assert_int_eq((int)m[0].pss_kb, 100);
	ck_assert_int_eq((int)m[0].shared_dirty_kb, 64);
	ck_assert_int_eq((int)m[0].private_dirty_kb, 68);
	ck_assert_str_eq(m[1].path, "[stack]");
	ck_assert_int_eq((int)m[1].rss_kb, 8);
	proc_maps_free(m, n);
}
END_TEST

static Suite *proc_suite(void)
{
	Suite *s = suite_create("proc");
	TCase *pure = tcase_create("parsers");
	tcase_add_test(pure, stat_comm_with_parens_and_spaces);
	tcase_add_test(pure, stat_rejects_garbage);
	tcase_add_test(pure, tty_names);
	tcase_add_test(pure, maps_lines);
	tcase_add_test(pure, limits_table);
	tcase_add_test(pure, no_proc_root);
	tcase_add_test(pure, real_proc_self);
	tcase_add_test(pure, stat_without_later_fields);
	tcase_add_test(pure, smaps_usage_per_mapping);
	tcase_add_test(pure, odd_tree_zombie_kthread_threads);
	suite_add_tcase(s, pure);
	TCase *tree = tcase_create("fixture");
	tcase_add_checked_fixture(tree, open_basic, close_root);
	tcase_add_test(tree, status_by_key_with_unknown_keys);
	tcase_add_test(tree, self_resolves_to_pid);
	tcase_add_test(tree, missing_and_hidden_pids);
	tcase_add_test(tree, zombie_has_empty_cmdline);
	tcase_add_test(tree, cmdline_split);
	tcase_add_test(tree, permission_denied_fields);
	tcase_add_test(tree, fds_and_fdinfo);
	tcase_add_test(tree, small_files);
	tcase_add_test(tree, list_pids_sorted);
	suite_add_tcase(s, tree);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(proc_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
