/* help.c: the help builtin — every builtin with its one-line summary, or one builtin's or grammar keyword's usage and details. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <string.h>

#include "builtins/builtins.h"
#include "builtins/help.h"
#include "builtins/opts.h"
#include "builtins/proc.h"
#include "builtins/registry.h"
#include "exec/shell.h"

/*
 * The usage line and summary live in the builtin table (registry.c), so
 * `help` can never disagree with it; the details below add what a user
 * reaches for next: the options, the exit status, the POSIX section.
 */
struct detail {
	const char *name;
	const char *text;
};

static const struct detail details[] = {
	{ ".", "Reads file (searched in PATH when it has no '/', skipping\n"
	       "directories) and runs it in the current shell; arguments become\n"
	       "$1... while it runs. XCU 2.14 dot.\n" },
	{ ":", "Expands its arguments and returns 0. XCU 2.14 colon.\n" },
	{ "[", "Same as test; the last argument must be ].\n" },
	{ "alias", "alias name=value defines; alias name prints; no operand lists all.\n"
		   "An alias is expanded when its name is the first word of a command.\n" },
	{ "bg", "Continues stopped jobs (default: the current job, %+) in the\n"
		"background, as if started with &. Job specs: %n %+ %- %% %str %?str.\n" },
	{ "break", "Leaves n (default 1) enclosing loops. XCU 2.14 break.\n" },
	{ "builtin", "Runs the builtin name with the arguments, even when a function\n"
		     "of that name exists (a function wrapping cd calls builtin cd).\n"
		     "Status 1 when name is not a builtin.\n" },
	{ "cd", "-L (default) keeps symbolic links in $PWD, -P resolves them;\n"
		"with -L the part before a .. must be a directory.\n"
		"cd - goes to $OLDPWD and prints it; CDPATH is searched.\n" },
	{ "command", "-v prints how a name would be found; -V describes it; -p uses a\n"
		     "default PATH. Skips functions, so a function can wrap a command.\n"
		     "A special builtin run through command does not exit the shell on\n"
		     "an error.\n" },
	{ "continue", "Starts the next iteration of the n-th enclosing loop.\n" },
	{ "declare", "-a indexed array, -A associative array (keys in insertion order),\n"
		     "-i integer (assignments are arithmetic), -l/-u lower/upper case,\n"
		     "-n name reference (uses of it mean the variable it names), -r\n"
		     "read-only, -x export; +x etc. remove. -p prints declare commands\n"
		     "that recreate the variables; -f/-F print functions. name=(a b)\n"
		     "assigns an array, [key]=value an element. In a function the names\n"
		     "are local unless -g. typeset is the same.\n" },
	{ "dirs", "Lists the directory stack: entry 0 is the current directory, then\n"
		  "the directories pushd left; $HOME is written ~. -l whole paths,\n"
		  "-p one per line, -v one per line numbered, -c clears the stack;\n"
		  "+N / -N shows the N-th entry from the left / right.\n" },
	{ "disown", "Removes jobs from the job table: the shell stops reporting and\n"
		    "waiting for them. -a all jobs, -r only running ones; -h keeps\n"
		    "them but spares them the SIGHUP the shell sends when it hangs up.\n" },
	{ "echo", "-n suppresses the newline; -E turns backslash escapes off, -e on\n"
		  "(the default): \\a \\b \\c (end output) \\e \\f \\n \\r \\t \\v \\\\ \\0NNN\n"
		  "\\NNN \\xHH \\uHHHH \\UHHHHHHHH. Use printf for portable output.\n" },
	{ "eval", "Joins its arguments with spaces and runs the result as shell input.\n" },
	{ "exec", "With a command: replaces the shell (no fork; the pid stays).\n"
		  "Without one: its redirections apply to the shell itself (exec 3<file).\n" },
	{ "exit", "Exits with n, or with $? when n is omitted (in a trap action: $?\n"
		  "from before the action); the EXIT trap runs first.\n" },
	{ "export", "Marks names for the environment of commands; -p lists them in a\n"
		    "form that can be read back.\n" },
	{ "false", "Returns 1.\n" },
	{ "fc", "-l lists first (default -16) to last (default -1, the command before\n"
		"fc), -n without numbers, -r reversed;\n"
		"-s re-runs a command, replacing the first old with new; otherwise the\n"
		"commands are edited with -e editor, $FCEDIT or ed, then run.\n"
		"first/last: a number, -n (n commands back), or a prefix of a command.\n" },
	{ "fg", "Brings a job (default %+) to the foreground: it gets the terminal and\n"
		"the shell waits for it.\n" },
	{ "getopts", "Parses options: each call sets name to the next option letter and\n"
		     "OPTARG to its argument; OPTIND counts. A leading ':' in optstring\n"
		     "selects silent error reporting.\n" },
	{ "hash", "Remembers where commands were found; -r forgets everything.\n" },
	{ "help", "help lists every builtin; help NAME describes one, and help if,\n"
		  "help for, help while, help until, help case, help {, help (\n"
		  "describe the grammar keywords, help '${' the extended expansions.\n" },
	{ "history", "Lists the history with numbers (the last n entries with n);\n"
		     "-c clears the list; -d N, -d -N (from the end; -1 is this command)\n"
		     "and -d N-M delete entries; -w [file] writes the list to the file,\n"
		     "-r [file] reads it into the list, -a [file] appends the entries not\n"
		     "saved yet. The list is kept in $HISTFILE (default ~/.whelk_history),\n"
		     "at most $HISTSIZE (default 500) entries. HISTCONTROL (ignorespace,\n"
		     "ignoredups, ignoreboth, erasedups) and HISTIGNORE (patterns; & is\n"
		     "the previous entry) keep lines out.\n" },
	{ "jobs", "-l adds process ids, -p prints only process group leaders' pids.\n"
		  "+ marks the current job, - the previous one.\n" },
	{ "kill", "kill [-s SIG | -SIG] pid|%job...; kill -l lists signal names;\n"
		  "kill -l NUMBER names the signal (an exit status 128+N too), kill -l\n"
		  "NAME gives its number.\n" },
	{ "local", "Makes variables local to the running function (restored on return);\n"
		   "the options of declare apply; `local -` restores the set options.\n" },
	{ "mapfile", "Reads lines from fd (-u, default 0) into an indexed array (default\n"
		     "MAPFILE), emptied first unless -O gives the first index. -t drops\n"
		     "each line's delimiter (-d, default newline; -d '' is NUL), -s\n"
		     "skips lines, -n stops after count lines. readarray is the same.\n" },
	{ "popd", "Removes the top entry and cds to the new top; +N / -N removes the\n"
		  "N-th entry from the left / right instead; -n removes without\n"
		  "changing directory. Prints the stack as dirs does.\n" },
	{ "printf", "Formats like printf(3): %s %d %i %o %u %x %X %e %f %g %c %b %%, and\n"
		    "%q (quoted to read back), %(fmt)T (strftime of seconds since the\n"
		    "Epoch; -1 now, -2 shell start); \\ escapes incl. \\xHH \\uHHHH\n"
		    "\\UHHHHHHHH. The format is reused until the arguments are used up.\n"
		    "-v var assigns the output to var (or an element a[i]) instead.\n" },
	{ "pushd", "pushd dir: cd to dir and push the old directory; +N / -N rotates\n"
		   "the stack so the N-th entry from the left / right is on top (and\n"
		   "cds there); no operand swaps the top two; -n adds dir without\n"
		   "changing directory. Prints the stack as dirs does.\n" },
	{ "pwd", "-L (default) prints $PWD, -P the physical directory.\n" },
	{ "read", "-r: backslash is not special. Splits a line by IFS into the names;\n"
		  "the last name gets the rest; no name: REPLY gets the whole line.\n"
		  "-d delim ('' is NUL), -n N at most N characters, -N N exactly N\n"
		  "(unsplit), -s no echo on a terminal, -p prompt (to stderr, on a\n"
		  "terminal), -t secs time-out (status 142; -t 0 tests for input),\n"
		  "-u fd. Returns >0 at end of file.\n" },
	{ "readonly", "Makes variables unchangeable; -p lists them.\n" },
	{ "return", "Returns from a function or a dot script with status n (default $?;\n"
		    "while a trap action runs, $? from before the action).\n" },
	{ "set", "-o name / +o name turn options on/off; set -o lists them;\n"
		 "set -- args replaces the positional parameters. Options: -a -b -C -e\n"
		 "-f -h -H -m -n -u -v -x, -o emacs|vi|ignoreeof|pipefail|proctrace|\n"
		 "noreap|autosuggest|posix... (-H, histexpand: !! and the other\n"
		 "history references at the prompt; noreap: finished background\n"
		 "children stay zombies until wait or jobs, to be seen with proc ps);\n"
		 "shopt's names are -o options too.\n" },
	{ "shift", "Shifts the positional parameters left by n (default 1).\n" },
	{ "shopt", "shopt -s NAME turns an option on, -u off; shopt [NAME...] lists\n"
		   "(status 1 when a named one is off), -p as shopt commands, -q\n"
		   "silently. Names: dotglob expand_aliases extglob failglob globstar\n"
		   "lastpipe nocaseglob nocasematch nullglob; they are set -o options\n"
		   "too. -o works on the set -o names.\n" },
	{ "source", "The same as ., as a regular builtin: a missing file is the\n"
		    "command's failure (status 1), never the end of the script.\n" },
	{ "test", "File tests (-e -f -d -r -w -x -s -L ...), string tests (-z -n = !=),\n"
		  "integer comparisons (-eq -ne -lt -le -gt -ge), ! and grouping;\n"
		  "-v name: the variable is set (bash).\n" },
	{ "times", "Prints user and system times of the shell and of its children.\n" },
	{ "trap", "trap 'action' SIG... sets; trap - SIG resets; trap '' SIG ignores;\n"
		  "trap (or trap -p) lists in a form that can be read back (in a\n"
		  "subshell: the parent's traps until one is changed). EXIT is 0.\n" },
	{ "true", "Returns 0.\n" },
	{ "type", "Says how each name would be run: alias, keyword, function,\n"
		  "builtin, or a file in PATH. -t prints only that kind's word\n"
		  "(alias keyword function builtin file), -p the file's path when a\n"
		  "file would run, -P the path found in PATH whatever else name is,\n"
		  "-a every meaning in search order, -f skips functions. Status 127\n"
		  "when a name is not found.\n" },
	{ "ulimit", "Shows or sets resource limits (-f by default); -H hard, -S soft,\n"
		    "-a all.\n" },
	{ "umask", "Shows or sets the file creation mask; -S symbolic form.\n" },
	{ "unalias", "Removes aliases; -a removes all.\n" },
	{ "unset", "Removes variables (-v, default) or functions (-f).\n" },
	{ "wait", "Waits for jobs or pids (all background jobs when none is given);\n"
		  "returns the status of the last one, 127 for an unknown pid.\n"
		  "-n waits for the next job (of those given) to finish and returns\n"
		  "its status; 127 when there is none.\n" },
};

/*
 * The grammar's keywords are not builtins, but `help if` is what a user
 * types: XCU 2.9.4 compound commands, with the usage line and what each
 * part does.
 */
struct keyword {
	const char *name;
	const char *usage;
	const char *text;
};

static const struct keyword keywords[] = {
	{ "${", "${name:off:len} ${name/pat/rep} ${name^pat} ${!name} ${name@Q} ...",
	  "Expansions of ksh and bash beyond XCU 2.6.2: ${x:off} ${x:off:len}\n"
	  "(characters; negative counts from the end: ${x: -2}), ${x/pat/rep}\n"
	  "(first longest match; // every one, /# at the start, /% at the end;\n"
	  "& in rep is the match), ${x^} ${x^^} ${x,} ${x,,} (upper/lower case,\n"
	  "optionally only characters matching a pattern), ${!name} (the\n"
	  "parameter named by name's value), ${!prefix*} ${!prefix@} (variable\n"
	  "names), ${x@Q} quoted, @E escapes expanded, @P as a prompt, @A as an\n"
	  "assignment, @a attributes, @U @u @L case. On $@ and $* each\n"
	  "parameter is changed (${@:2} cuts the list).\n" },
	{ "(", "( list )",
	  "Runs list in a subshell: a copy of the shell, so variable\n"
	  "assignments, cd, traps and options inside do not outlive it.\n"
	  "The status is list's. XCU 2.9.4 grouping commands.\n" },
	{ "[[", "[[ expression ]]",
	  "Tests expression (ksh, bash): its words are expanded without field\n"
	  "splitting or pathname expansion. a == pattern, a = pattern and\n"
	  "a != pattern match (quoted parts literal; ?( ) *( ) +( ) @( ) !( )\n"
	  "always allowed); a =~ ere matches an extended regular expression and\n"
	  "sets BASH_REMATCH; a < b and a > b compare by collation; -eq -ne -lt\n"
	  "-le -gt -ge compare arithmetic expressions; -nt -ot -ef compare files;\n"
	  "the unary tests of test, -v name (set) and -o option (on); ! && ||\n"
	  "and ( ) combine them. Status 0 true, 1 false, 2 an error.\n" },
	{ "case", "case word in [(]pattern[|pattern]...) list ;; ... esac",
	  "Expands word and runs the list of the first pattern that matches it\n"
	  "(patterns as in pathname expansion: * ? [...]; quote to match\n"
	  "literally). ;& falls through to the next list; ;;& goes on testing\n"
	  "the next patterns. The status is that\n"
	  "of the list run, 0 when no pattern matched. XCU 2.9.4 case.\n" },
	{ "for", "for name [in word...]; do list; done",
	  "Sets name to each word in turn (after expansion) and runs list;\n"
	  "without `in`, the words are \"$@\". break and continue work inside.\n"
	  "The status is that of the last list run, 0 if none ran.\n"
	  "XCU 2.9.4 for loop.\n" },
	{ "function", "function name { list; }  or  function name() compound-command",
	  "Defines a function, as name() { list; } does (ksh, bash).\n" },
	{ "if", "if list; then list; [elif list; then list;]... [else list;] fi",
	  "Runs the if list; when its status is 0, the then list runs,\n"
	  "otherwise each elif list in turn, then else. The status is that of\n"
	  "the list run, 0 when none ran. set -e does not apply to the tested\n"
	  "lists. XCU 2.9.4 if.\n" },
	{ "select", "select name [in word...]; do list; done",
	  "Lists the words (default \"$@\") as a numbered menu on stderr, prompts\n"
	  "with PS3 (default \"#? \") and reads a line into REPLY: a number sets\n"
	  "name to that word (anything else to \"\"), then list runs; an empty\n"
	  "line shows the menu again. Ends with break, or at end of input\n"
	  "(status 1). (ksh, bash)\n" },
	{ "time", "time [-p] [pipeline]",
	  "Runs the pipeline, then writes to standard error its real time and\n"
	  "the user and system time the shell and its children used, as\n"
	  "TIMEFORMAT says (%[p][l]R %U %S, %P, %%; unset: real/user/sys in\n"
	  "MmS.FFFs; empty: nothing). -p uses the POSIX format (real N.NN).\n"
	  "`time` alone reports an empty pipeline. A reserved word (bash, ksh).\n" },
	{ "until", "until list; do list; done",
	  "Runs the do list as long as the until list fails (status not 0).\n"
	  "The status is that of the last do list run, 0 if none ran.\n"
	  "XCU 2.9.4 until loop.\n" },
	{ "while", "while list; do list; done",
	  "Runs the do list as long as the while list succeeds (status 0).\n"
	  "break leaves the loop, continue starts the next test. The status is\n"
	  "that of the last do list run, 0 if none ran. XCU 2.9.4 while loop.\n" },
	{ "{", "{ list; }",
	  "Runs list in the current shell (no subshell), so assignments and\n"
	  "cd stay; groups commands for a redirection or a && || chain. The\n"
	  "} must follow a ; or a newline. XCU 2.9.4 grouping commands.\n" },
};

static const char *detail_of(const char *name)
{
	for (size_t i = 0; i < sizeof details / sizeof details[0]; i++)
		if (strcmp(details[i].name, name) == 0)
			return details[i].text;
	return NULL;
}

#define NKEYWORDS (sizeof keywords / sizeof keywords[0])

const char *help_keyword(size_t i)
{
	return i < NKEYWORDS ? keywords[i].name : NULL;
}

static const struct keyword *keyword_of(const char *name)
{
	for (size_t i = 0; i < NKEYWORDS; i++)
		if (strcmp(keywords[i].name, name) == 0)
			return &keywords[i];
	return NULL;
}

static void help_all(void)
{
	size_t n;
	const struct builtin *t = builtin_table(&n);
	puts("whelk builtins (help NAME for more; * marks POSIX special builtins):");
	for (size_t i = 0; i < n; i++)
		printf(" %c %-9s %s\n", (t[i].flags & BUILTIN_SPECIAL) ? '*' : ' ',
		       t[i].name, t[i].summary ? t[i].summary : "");
	fputs("grammar keywords (help KEYWORD):", stdout);
	for (size_t i = 0; i < NKEYWORDS; i++)
		printf(" %s", keywords[i].name);
	putchar('\n');
}

/* Each line of text, indented by four spaces. */
static void put_indented(const char *text)
{
	for (const char *p = text; *p;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		printf("    %.*s\n", (int)len, p);
		p += len + (nl ? 1 : 0);
	}
}

static void help_keyword_one(const struct keyword *k)
{
	printf("%s: %s\n", k->name, k->usage);
	puts(k->name[0] == '$' ? "    (an expansion, not a command)"
	     : "    (a grammar keyword, not a command)");
	putchar('\n');
	put_indented(k->text);
}

static void help_one(const struct builtin *b)
{
	printf("%s: %s\n", b->name, b->usage ? b->usage : b->name);
	printf("    %s\n", b->summary ? b->summary : "");
	if (strcmp(b->name, "proc") == 0) {
		putchar('\n');
		fputs(proc_help_text(), stdout);
		return;
	}
	const char *d = detail_of(b->name);
	if (!d)
		return;
	putchar('\n');
	put_indented(d);
	if (b->flags & BUILTIN_SPECIAL)
		puts("    (a POSIX special builtin: its errors exit a script)");
}

int builtin_help(struct shell *sh, int argc, char **argv)
{
	int first = bopt_none(sh, argc, argv);
	if (first < 0)
		return 2;
	if (first == argc) {
		help_all();
		return 0;
	}
	int status = 0;
	for (int i = first; i < argc; i++) {
		const struct builtin *b = builtin_find(argv[i]);
		const struct keyword *k = b ? NULL : keyword_of(argv[i]);
		if (k) {
			help_keyword_one(k);
			continue;
		}
		if (!b) {
			builtin_error(sh, "%s: no such builtin or keyword", argv[i]);
			status = 1;
			continue;
		}
		help_one(b);
	}
	return status;
}
