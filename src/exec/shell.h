/* shell.h: the shell's state — options, variables, functions, positional parameters — and the exec API builtins use. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef WHELK_EXEC_SHELL_H
#define WHELK_EXEC_SHELL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <time.h>

#include "base/hashmap.h"
#include "base/strbuf.h"
#include "base/vec.h"
#include "jobs/jobs.h"

struct ast_node;
struct parser;		/* parser/parser.h */
struct jobs;		/* jobs/jobs.h: the job table */
struct shell_history;	/* exec/hist_iface.h: fc and history's view of it */
struct trace;
struct path_names;	/* exec/suggest.c: PATH listed for "did you mean" */

/*
 * State is explicit: every function that needs the shell gets this pointer.
 * The few mutable globals (the signal flags of jobs/signals.c and what
 * readline's callbacks force) are listed in docs/DESIGN.md, "Mutable globals";
 * tests/globals.sh keeps that list equal to what the compiler emits.
 *
 * This header is the contract between the evaluator (src/exec) and the
 * builtins (src/builtins); main.c / repl.c create and drive the shell.
 */

/* set -o options (XCU 2.14 set; Issue 8 pipefail; plus whelk's own). */
struct shell_opts {
	bool allexport;		/* -a */
	bool notify;		/* -b */
	bool noclobber;		/* -C */
	bool errexit;		/* -e */
	bool noglob;		/* -f */
	bool hashall;		/* -h */
	bool histexpand;	/* -H: !! and friends at the prompt */
	bool interactive;	/* -i (read-only after startup) */
	bool monitor;		/* -m */
	bool noexec;		/* -n */
	bool stdin_input;	/* -s */
	bool nounset;		/* -u */
	bool verbose;		/* -v */
	bool xtrace;		/* -x */
	bool ignoreeof;
	bool nolog;
	bool pipefail;
	bool vi;
	bool emacs;
	bool proctrace;		/* whelk: narrate every process operation */
	bool noreap;		/* whelk: leave finished background children
				   zombies until wait/jobs (to see them) */
	bool autosuggest;	/* whelk: suggest the rest of the line */
	/* Extensions of ksh and bash (issue 10; the shopt builtin maps its
	   names onto these).  posix turns off what would change the meaning
	   of a conforming script. */
	bool posix;		/* set -o posix (also when started as sh) */
	bool braceexpand;	/* -B: {a,b} {1..3} (on when interactive) */
	bool extglob;		/* ?( ) *( ) +( ) @( ) !( ) patterns */
	bool nullglob;		/* a pattern matching nothing expands to nothing */
	bool failglob;		/* a pattern matching nothing is an error */
	bool dotglob;		/* * and ? match a leading '.' */
	bool nocaseglob;	/* pathname expansion ignores case */
	bool nocasematch;	/* case and [[ == ]] ignore case */
	bool globstar;		/* ** matches any number of directories */
	bool expand_aliases;	/* aliases are substituted (on by default) */
	bool lastpipe;		/* without job control, a pipeline's last
				   stage runs in the shell itself */
	bool login;		/* -l / --login (not a set -o option) */
};

/* Why evaluation is unwinding (checked by eval_should_unwind() in every loop). */
enum unwind {
	UNWIND_NONE,
	UNWIND_BREAK,		/* break n: sh->unwind_count levels */
	UNWIND_CONTINUE,	/* continue n */
	UNWIND_RETURN,		/* return from a function or `.` script */
	UNWIND_EXIT,		/* exit, or a fatal error in a non-interactive
				   shell: sh->exit_status is the status */
	UNWIND_INTERRUPT,	/* SIGINT in an interactive shell: back to
				   the prompt */
	UNWIND_ABANDON,		/* an error that would exit a script (XCU
				   2.8.1) in an interactive shell: the rest
				   of the command line is dropped, back to
				   the prompt with the error's status */
};

/* Variable attributes. */
enum {
	VAR_EXPORT = 1 << 0,
	VAR_READONLY = 1 << 1,
	VAR_UNSET_VALUE = 1 << 2,	/* declared (export x / readonly x)
					   but has no value */
	VAR_DYNAMIC = 1 << 15,		/* the shell computes the value when
					   it is read: RANDOM, SECONDS, _ ...
					   (exec/dynvars.c) */
	VAR_VALUE_INLINE = 1 << 3,	/* internal to vars.c: value lives in
					   the same allocation as the struct */
	VAR_ARENA = 1 << 14,		/* internal to vars.c: the struct lives
					   in sh->env_arena (not freed alone) */
	VAR_ARRAY = 1 << 4,		/* indexed array (arr holds it) */
	VAR_ASSOC = 1 << 5,		/* associative array (arr holds it) */
	VAR_INTEGER = 1 << 6,		/* declare -i: assignments evaluate */
	VAR_LOWER = 1 << 7,		/* declare -l */
	VAR_UPPER = 1 << 8,		/* declare -u */
	VAR_NAMEREF = 1 << 9,		/* declare -n: value names the variable
					   that every use of this one means */
};

struct varray;	/* vars_array.c */
struct strbuf;

struct var {
	char *value;	/* owned, NULL when VAR_UNSET_VALUE.  For an array:
			   borrowed, element 0 (key "0"), so that $a is
			   ${a[0]} at the cost of a scalar */
	int flags;
	struct varray *arr;	/* owned, NULL unless VAR_ARRAY|VAR_ASSOC */
};

/* A saved variable for `local` and for assignments before functions. */
struct var_save {
	char *name;		/* owned */
	struct var *old;	/* owned, NULL when it did not exist */
};

/* A function call or `.` frame. */
struct frame {
	struct vec params;	/* positional parameters: char * (owned);
				   $1 is params.items[0] */
	struct vec locals;	/* struct var_save * (owned), restored on
				   return */
	struct frame *up;	/* borrowed; NULL for the global frame */
	bool is_function;
};

/*
 * vars.c's private storage, embedded in struct shell (zeroed by
 * shell_create): the text behind var_get() of special parameters, and the
 * execve environment cached between commands (rebuilt only when an
 * exported variable changed — exec is a hot path).
 */
struct var_scratch {
	char num[4][24];	/* ring of buffers: $? $# $$ $! LINENO ... */
	unsigned next;		/* next ring slot */
	char *text;		/* owned, may be NULL: last $- / $* / $@ */
	char **env;		/* owned (one reference of a refcounted
				   block), NULL when stale */
	/* getopts: the position inside a grouped option argument (-abc),
	   valid while OPTIND still holds getopts_optind. */
	size_t getopts_char;
	long getopts_optind;
	/* The dynamic variables' state (exec/dynvars.c). */
	uint32_t random_state;		/* RANDOM's generator */
	pid_t random_pid;		/* the process random_state is for */
	time_t seconds_at;		/* SECONDS was seconds_base then */
	intmax_t seconds_base;
	struct strbuf last_arg;		/* $_ */
	bool last_arg_valid;		/* false after `_=x` until the next
					   command */
	bool last_arg_magic;		/* _ is still dynamic (not unset) */
};

struct shell {
	struct shell_opts opt;
	struct var_scratch vscratch;	/* vars.c only */
	struct hashmap vars;		/* name -> struct var * (owned) */
	void *env_arena;		/* owned: the imported environment's
					   variables and their map entries,
					   one block (vars.c) */
	struct vec pipestatus;		/* the exit statuses of the last
					   pipeline's commands (ints stored
					   in the pointers); PIPESTATUS is
					   built from it when read */
	bool pipestatus_dirty;		/* PIPESTATUS is out of date */
	struct hashmap functions;	/* name -> struct ast_node * (a
					   NODE_FUNCDEF, reference held) */
	struct hashmap aliases;		/* name -> char * (owned) */
	struct hashmap cmd_hash;	/* name -> char * full path (owned) */
	struct path_names *path_names;	/* owned, may be NULL: the names in
					   PATH, for "did you mean" (suggest.c) */
	struct frame *frame;		/* owned chain; innermost first */
	struct vec dirstack;		/* char * (owned): the directories
					   pushd left, nearest first (the
					   stack's entries 1..n; entry 0 is
					   $PWD) */
	char *arg0;			/* owned: $0 */
	int last_status;		/* $? */
	pid_t last_bg_pid;		/* $!, 0 when none */
	pid_t pid;			/* $$ (of the main shell, not subshells) */
	pid_t ppid;			/* PPID at startup */
	time_t start_time;		/* when the shell started (printf
					   %(fmt)T with -2) */

	enum unwind unwind;
	long unwind_count;		/* levels left for break/continue */
	bool unwind_fatal;		/* the UNWIND_EXIT is an error's
					   (eval_fatal), not `exit`: `command`
					   in front of a special builtin stops it */
	int exit_status;		/* for UNWIND_EXIT */
	int loop_depth;			/* enclosing loops (for break/continue) */
	int func_depth;			/* nested function calls */
	int eval_depth;			/* nested eval / . / $( ) */
	int dot_depth;			/* nested `.` scripts (return) */
	int errexit_suppressed;		/* >0 inside if/while conditions, !,
					   && || left sides (XCU 2.14 set -e) */
	bool in_subshell;		/* a forked copy of the shell */
	struct vec procsubs;		/* fds (intptr_t) of the process
					   substitutions <(...) >(...) of the
					   commands running now; see
					   eval_procsub */
	unsigned cmdsub_count;		/* command substitutions run so far
					   (XCU 2.9.1: $? of a command with
					   no name) */

	const char *script_name;	/* borrowed: for messages ("t.sh",
					   "-c"); NULL when interactive */
	unsigned lineno;		/* line of the command being run
					   ($LINENO, messages) */
	bool importing_env;		/* vars_init is importing environ: a
					   locale variable only sets
					   locale_stale (applied once after) */
	bool locale_stale;
	unsigned locale_set;		/* locale.c: bit 1 LC_CTYPE, bit 2
					   LC_COLLATE — set once the shell
					   called setlocale for it */
	bool lineno_plain;		/* LINENO was assigned or unset: it is
					   an ordinary variable from now on */
	const char *current_builtin;	/* borrowed: name for builtin_error */
	struct vec *cmd_fields;		/* borrowed, may be NULL: the vector
					   that owns the running simple
					   command's argv strings, so that
					   shell_take_params can move them
					   instead of copying (set, calls) */
	bool builtin_fatal;		/* the running special builtin hit an
					   error that exits a non-interactive
					   shell (XCU 2.8.1) unless run by
					   `command`: set by the builtin */

	struct jobs *jobs;		/* owned: job table (jobs/) */
	const struct shell_history *history;	/* borrowed, may be NULL: the
					   interactive history, set by repl.c
					   (NULL in scripts) */
	char *(*prompt_expand)(struct shell *sh, const char *ps);
					/* may be NULL: the escapes and
					   expansions of PS1 for ${x@P}, set
					   by main.c (repl.c owns prompts) */
	char *traps[JOBS_NSIG];		/* owned, may be NULL: trap action per
					   signal; [0] is EXIT */
	int traps_set;			/* how many traps[] are not NULL (kept
					   by trap.c: write through
					   trap_set_action) */
	char **parent_traps;		/* owned, may be NULL: in a subshell
					   that has changed no trap yet, the
					   actions its parent had (indexed
					   like traps), which `trap` lists
					   (XCU 2.14 trap); see trap.c */
	int trap_ignored_at_entry[JOBS_NSIG];	/* signals ignored when the shell
					   started (XCU 2.11: stay ignored) */
	int trap_depth;			/* 0, or func_depth + 1 when the
					   running trap action started */
	int trap_status;		/* $? before that action: what exit
					   and return without n use there */
};

/* -------------------------------------------------------------- options */

/*
 * The option table lives in exec/options.c (shared by main.c's command line
 * and the `set` builtin).  Each returns 0, or -1 for an unknown option (no
 * message printed: the caller words it).
 */
int shell_set_option_letter(struct shell *sh, char letter, bool on);
int shell_set_option_name(struct shell *sh, const char *name, bool on);
/** Is the option named name on?  -1 when there is no such option. */
int shell_option_value(const struct shell *sh, const char *name);
/** The i-th option's -o name (0 first), NULL past the last (completion). */
const char *shell_option_name(size_t i);
/** $- : the letters of the options that are on, in a fresh string. */
char *shell_option_letters(const struct shell *sh);
/** `set -o` (human: "errexit        off") or `set +o` (re-inputtable: "set +o errexit") listing to stdout. */
void shell_print_options(const struct shell *sh, bool reinput);

/* ------------------------------------------------------------ lifecycle */

/** A new shell with variables imported from environ (never as code). */
struct shell *shell_create(char **environ_in);
void shell_destroy(struct shell *sh);

/* ------------------------------------------------------------ variables */

/** Import environ into variables (exported; never parsed as code). */
void vars_init(struct shell *sh, char **environ_in);
/** Free every variable and frame. */
void vars_finish(struct shell *sh);

/** The value of a variable or special parameter ($?, $#, $1, LINENO...), or NULL. */
const char *var_get(struct shell *sh, const char *name);
/** The variable record itself (NULL when it does not exist). */
struct var *var_lookup(struct shell *sh, const char *name);
/**
 * Set a variable.  flags are OR'ed into its attributes (VAR_EXPORT,
 * VAR_READONLY).  Returns 0, or -1 after printing "whelk: x: is read only"
 * (readonly) — callers apply XCU 2.8.1 (a special builtin's error exits a
 * non-interactive shell).  value may be NULL to only set attributes.
 */
int var_set(struct shell *sh, const char *name, const char *value, int flags);
/** Unset; -1 (with a message) when readonly. */
int var_unset(struct shell *sh, const char *name);
/** Names of all variables, sorted (fresh array, strings borrowed). */
const char **var_names(struct shell *sh);
/** A new environment for execve: NAME=value for every exported variable. */
char **var_environ(struct shell *sh);
void var_environ_free(char **env);
/**
 * Build the cached environment now, before a fork: then every child that
 * execs shares the parent's copy instead of building its own (and
 * touching fresh heap pages, each a copy-on-write fault).  Cheap when
 * the cache is already valid.
 */
void var_environ_warm(struct shell *sh);
/**
 * s in single quotes, each ' written as '\'' — fit to be read back by the
 * shell (export -p, readonly -p, alias, set).  Fresh string.
 */
char *var_quote(const char *s);
/*
 * Arrays (vars_array.c; issue 10 item 2).  An indexed array maps integer
 * indices >= 0 to strings (sparse, kept in index order); an associative
 * array maps any string to a string, iterated in insertion order.  A
 * scalar acts as an array of one element, index 0.
 */
/** Element idx (negative: from the end) of name, or NULL. */
const char *var_index_get(struct shell *sh, const char *name, int64_t idx);
/** Element key of the associative array name, or NULL. */
const char *var_key_get(struct shell *sh, const char *name, const char *key);
/** By a subscript as written after expansion: a key for an associative
    array, else an arithmetic expression for the index.  *error: the
    expression failed (message printed). */
const char *var_elem_get(struct shell *sh, const char *name, const char *sub,
			 bool *error);
int var_elem_set(struct shell *sh, const char *name, const char *sub,
		 const char *value, bool append);
int var_elem_unset(struct shell *sh, const char *name, const char *sub);
/** v is name[subscript] (a valid name): split it, both owned; false
    when it is not that form. */
bool var_split_element(const char *v, char **name, char **sub);
/** test -v / [[ -v ]]: is the variable, or the element name[subscript],
    set?  (name[@] and name[*]: has the array any element?) */
bool var_target_is_set(struct shell *sh, const char *target);
/** Is s a NAME or a name[subscript] (printf -v's target)? */
bool var_is_target(const char *s);
/** Assign value to a NAME or to the element name[subscript]; 0 or -1. */
int var_set_target(struct shell *sh, const char *target, const char *value);
/** declare -n name=target: name becomes a reference to target; 0 or -1. */
int var_set_nameref(struct shell *sh, const char *name, const char *target);
/** The record of name itself, not of what a nameref points to. */
struct var *var_lookup_raw(struct shell *sh, const char *name);
/** Is name an associative array? */
bool var_is_assoc(struct shell *sh, const char *name);
/** Set element idx / key (append: add to its value); 0 or -1 (message). */
int var_index_set(struct shell *sh, const char *name, int64_t idx,
		  const char *value, bool append);
int var_key_set(struct shell *sh, const char *name, const char *key,
		const char *value, bool append);
/** Unset one element; 0 or -1 (message). */
int var_index_unset(struct shell *sh, const char *name, int64_t idx);
int var_key_unset(struct shell *sh, const char *name, const char *key);
/** The values (borrowed) or the keys (owned: indices as decimal text) of
    name in order, pushed to out; nothing when unset. */
void var_array_values(struct shell *sh, const char *name, struct vec *out);
void var_array_keys(struct shell *sh, const char *name, struct vec *out);
/** Number of elements (a set scalar: 1). */
size_t var_array_count(struct shell *sh, const char *name);
/** Assign name=( ... ): text is the inside of the parentheses, words in
    shell quoting, [key]=value words for explicit keys; append: +=. */
int var_assign_compound(struct shell *sh, const char *name, const char *text,
			bool append);
/** Make name an array (attr VAR_ARRAY or VAR_ASSOC) if it is not one. */
int var_make_array(struct shell *sh, const char *name, int attr);
/** The attribute letters of flags, in bash's order (declare -p, ${x@a}). */
void var_attr_letters(struct strbuf *sb, int flags);
/** Take attributes (VAR_EXPORT...) away from name; 0 or -1. */
int var_clear_attrs(struct shell *sh, const char *name, int flags);
/** s as declare -p writes a value: "..." or $'...'. */
void var_dquote(struct strbuf *sb, const char *s);
/** Append the elements of name for `declare -p`: "(...)" re-input form. */
void var_array_print(struct shell *sh, const struct var *v, struct strbuf *sb);
/** The value to store for attributes flags (-i evaluates, -l -u change
    case) after old (+=; NULL for a plain assignment): owned, or NULL
    after an arithmetic error. */
char *var_apply_attrs(struct shell *sh, int flags, const char *old,
		      const char *value);
/** name+=value; 0 or -1. */
int var_append(struct shell *sh, const char *name, const char *value, int flags);
/** Element 0 (key "0") of an array, or NULL (borrowed). */
const char *var_array_elem0(const struct varray *a);
/** Record the statuses of the last pipeline (n of them) for PIPESTATUS. */
void var_pipestatus_record(struct shell *sh, const int *st, size_t n);
/** Rebuild PIPESTATUS from sh->pipestatus (var_get and var_lookup do it
    when it is out of date). */
void var_pipestatus_sync(struct shell *sh);
/** Deep copy / free of the array part (vars.c's copy and free). */
struct varray *varray_copy(const struct varray *a);
void varray_free(struct varray *a);

/** Is a function running (so that `local` and `declare` make locals)? */
bool shell_in_function(struct shell *sh);
/** Make name local to the current function (`local`, dash semantics). */
int var_make_local(struct shell *sh, const char *name);

/**
 * Save a variable's current state (for assignments before a function or
 * regular builtin, XCU 2.9.1) and put it back later.  restore frees save.
 */
struct var_save *var_save_create(struct shell *sh, const char *name);
void var_save_restore(struct shell *sh, struct var_save *save);

/* ---------------------------------------------------------------- frames */

/**
 * A function call (is_function) or a `.` with arguments: push a frame whose
 * positional parameters are argv[0..argc) (copied; $0 is not touched).
 * Push a frame for `.` only when it has arguments — otherwise the sourced
 * file shares the caller's parameters.  frame_pop restores the frame's
 * locals (`local`) in reverse order and frees it; never pops the global
 * frame.
 */
void frame_push(struct shell *sh, int argc, char *const *argv, bool is_function);
void frame_pop(struct shell *sh);

/* ------------------------------------------------- positional parameters */

/** The current frame's positional parameters ($1 = items[0]). */
struct vec *shell_params(struct shell *sh);
/** Replace them with argv[0..argc) (copied). */
void shell_set_params(struct shell *sh, int argc, char *const *argv);
/**
 * The same, but when argv[0..argc) lies inside sh->cmd_fields (the running
 * command's own expanded words) the strings are moved, not copied: their
 * slots in argv become NULL.  Only for a caller that reads argv no more
 * (`set`).  Anything else is copied, exactly as shell_set_params.
 */
void shell_take_params(struct shell *sh, int argc, char **argv);
/** frame_push for a function call, moving argv's strings as
    shell_take_params does. */
void frame_push_take(struct shell *sh, int argc, char **argv);

/* ----------------------------------------------------------------- traps */

/** sh->traps[s] = a copy of action (NULL: none), keeping sh->traps_set
    (trap.c).  The only way to change sh->traps. */
void trap_set_action(struct shell *sh, int s, const char *action);
/**
 * The disposition (an enum sig_disp) signal s has when no trap is set:
 * SIG_DFL, except in an interactive shell (not a subshell of it), which
 * catches SIGINT and SIGHUP and ignores SIGQUIT and SIGTERM for itself
 * (XCU 2.11), and under job control SIGTSTP, SIGTTIN and SIGTTOU.  What
 * repl.c sets up, and what `trap - SIG` goes back to.
 */
int trap_default_disp(const struct shell *sh, int s);
/** The action `trap` lists for s: the shell's own, else (in a subshell
    that has changed no trap) its parent's; NULL when none. */
const char *trap_listed_action(const struct shell *sh, int s);
/** A trap is being changed: the parent's list is not ours to show any
    more. */
void trap_forget_parent(struct shell *sh);

/* -------------------------------------------------------------- running */

/** Give a parser reading the shell's input its alias and warning hooks. */
void shell_parser_hooks(struct shell *sh, struct parser *p);
/** Parse and run text (eval, trap actions, -c).  name: for messages. */
int shell_run_string(struct shell *sh, const char *name, const char *text);
/** Run a script file from fd, one complete command at a time.  A private
    fd (>= 10, close-on-exec) is closed when done; others are borrowed. */
int shell_run_fd(struct shell *sh, const char *name, int fd);
/** Run an already expanded command (for `command`, `exec`, ...).
    flags: SHELL_CMD_NO_FUNCTIONS (command), SHELL_CMD_EXEC (replace the
    shell: never returns on success). */
enum {
	SHELL_CMD_NO_FUNCTIONS = 1,
	SHELL_CMD_EXEC = 2,
	SHELL_CMD_DEFAULT_PATH = 4,	/* command -p */
};
int shell_run_argv(struct shell *sh, int argc, char **argv, int flags);
/** Should the current loop / list stop (break, continue, return, exit)? */
bool eval_should_unwind(const struct shell *sh);
/** Exit the shell: run the EXIT trap once, flush, _exit/exit(status). */
_Noreturn void shell_exit(struct shell *sh, int status);

/* ----------------------------------------------------- command search */

/** Full path of an executable found in PATH (hash table first), or NULL. Fresh string. */
char *path_search(struct shell *sh, const char *name, bool use_default_path);
/**
 * name in each entry of pathlist in turn (an empty entry is the current
 * directory) until accept(candidate, ctx) is true: that candidate is
 * returned (fresh); NULL when none was accepted.
 */
char *path_walk(const char *name, const char *pathlist,
		bool (*accept)(const char *cand, void *ctx), void *ctx);
/** The PATH command search uses: $PATH, or a default when it is unset. */
const char *path_value(struct shell *sh);
/** Is path an executable regular file (what command search runs)? */
bool path_is_executable(const char *path);
/** Forget hashed paths (hash -r, PATH changed). */
void path_hash_clear(struct shell *sh);
/** set -h: remember the PATH location of each plain command name in the
    tree n (a function body, as it is defined). */
void path_hash_commands(struct shell *sh, const struct ast_node *n);

/* --------------------------------------------------------------- locale */

/** Is name one of the variables that choose the locale (LANG, LC_ALL,
    LC_CTYPE, LC_COLLATE)? */
bool locale_is_variable(const char *name);
/** setlocale() the shell's LC_CTYPE and LC_COLLATE from those variables
    (locale.c; called whenever one of them changes). */
void locale_update(struct shell *sh);
/** The same, deferred to the first operation that needs the locale
    (mb_locale_ready()): for the variables imported from the environment. */
void locale_update_deferred(struct shell *sh);
/** Drop a load deferred for sh (sh is going away). */
void locale_forget(struct shell *sh);

/* ------------------------------------------------------------- messages */

/**
 * Print "whelk: [script: line N: ]NAME: message" where NAME is the running
 * builtin (sh->current_builtin).  Used by every builtin for its errors.
 */
void builtin_error(struct shell *sh, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/** ${x@P}: ps expanded as PS1 would be (an owned string). */
char *shell_prompt_expand(struct shell *sh, const char *ps);
/** Same without the builtin name: "whelk: [script: line N: ]message". */
void shell_error(struct shell *sh, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void shell_verror(struct shell *sh, const char *fmt, va_list ap);

#endif
