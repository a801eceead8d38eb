/* ast.h: the abstract syntax tree — commands (XCU 2.9/2.10) and words (XCU 2.6) as typed trees. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef WHELK_PARSER_AST_H
#define WHELK_PARSER_AST_H

#include <stdbool.h>
#include <stdio.h>

#include "base/vec.h"

/*
 * The parser turns text into this tree once; the evaluator walks it as many
 * times as a loop or function runs.  Nothing here is ever re-lexed: a word is
 * a tree of parts (literal text, quotes, $name, ${...}, $(...), $((...)), ~),
 * never a string with control bytes in it.
 *
 * Ownership: a node owns everything it points to, unless a field says
 * "borrowed".  ast_node_destroy() / word_destroy() free a whole subtree.
 * Every owned block of a tree (nodes, words, vectors' arrays, names,
 * texts) comes from base/pool.h (pool_alloc, pool_strdup...), never from
 * malloc: a tree the parser builds lives in one arena, freed at once
 * (see ast_node_ref), and the same tree built outside an arena (a
 * here-document text parsed at run time, brace expansion's words) is
 * freed block by block with pool_free.
 */

/* A position in the source: 1-based line and column (column counts bytes). */
struct src_pos {
	unsigned line;
	unsigned col;
};

/* The source text a node came from: [begin, end) */
struct src_range {
	struct src_pos begin;
	struct src_pos end;
};

/* ------------------------------------------------------------------ words */

enum word_type {
	WORD_LITERAL,	/* unquoted text: subject to field splitting? no — only
			   expansion results are split; literal text is subject
			   to pathname expansion (glob) and, in patterns, is a
			   pattern */
	WORD_SQUOTE,	/* quoted literal text: '...', $'...' (already decoded),
			   or a backslash-escaped character; never expanded */
	WORD_DQUOTE,	/* "..." : parts are quoted (no splitting, no globbing) */
	WORD_PARAM,	/* $name, $1, ${10}, $@, ${name op word}, ${#name} */
	WORD_CMDSUB,	/* $(...) or `...` */
	WORD_ARITH,	/* $((...)) */
	WORD_TILDE,	/* ~ or ~user at the start of a word (or after : / = in
			   an assignment value) */
	WORD_LIST,	/* concatenation: the parts, in order */
	WORD_ARRAY,	/* ( word... ) of name=( ... ): parts are the
			   elements (extension, issue 10 item 2) */
};

/* How a WORD_SQUOTE came to be, for the AST dump only (expansion ignores it). */
enum squote_kind {
	SQUOTE_SINGLE,		/* '...' */
	SQUOTE_DOLLAR,		/* $'...' (Issue 8), escapes decoded */
	SQUOTE_BACKSLASH,	/* \c outside quotes, or \$ \` \" \\ inside "..." */
};

/* ${name OP word} forms (XCU 2.6.2). */
enum param_op {
	PARAM_PLAIN,		/* $name, ${name} */
	PARAM_LENGTH,		/* ${#name} */
	PARAM_DEFAULT,		/* ${name-word}  ${name:-word} */
	PARAM_ASSIGN,		/* ${name=word}  ${name:=word} */
	PARAM_ERROR,		/* ${name?word}  ${name:?word} */
	PARAM_ALT,		/* ${name+word}  ${name:+word} */
	PARAM_TRIM_SUFFIX,	/* ${name%word} */
	PARAM_TRIM_SUFFIX_LONG,	/* ${name%%word} */
	PARAM_TRIM_PREFIX,	/* ${name#word} */
	PARAM_TRIM_PREFIX_LONG,	/* ${name##word} */
	PARAM_BAD,		/* ${x!y}, ${%x}...: a form no shell
				   defines; an error only when expanded
				   (as dash and bash), so a branch that
				   never runs may hold one.  arg is the
				   rest, up to the '}'. */
	/* Extensions of ksh and bash (issue 10 item 4).  arg2 is the part
	   after the second separator, NULL when there was none. */
	PARAM_SUBSTR,		/* ${name:offset} ${name:offset:length} */
	PARAM_REPLACE,		/* ${name/pat/rep} */
	PARAM_REPLACE_ALL,	/* ${name//pat/rep} */
	PARAM_REPLACE_PREFIX,	/* ${name/#pat/rep} */
	PARAM_REPLACE_SUFFIX,	/* ${name/%pat/rep} */
	PARAM_UPPER_FIRST,	/* ${name^pat} */
	PARAM_UPPER_ALL,	/* ${name^^pat} */
	PARAM_LOWER_FIRST,	/* ${name,pat} */
	PARAM_LOWER_ALL,	/* ${name,,pat} */
	PARAM_TRANSFORM,	/* ${name@Q} and the other @ letters */
	PARAM_NAMES_STAR,	/* ${!prefix*} */
	PARAM_NAMES_AT,		/* ${!prefix@} */
};

struct arith_node;	/* parser/arith.h: a parsed $((...)) expression */
struct ast_node;

struct word {
	enum word_type type;
	struct src_range range;
	bool decl;		/* a command word that is a NAME=value argument
				   of a declaration utility (XCU 2.9.1.1):
				   expanded as an assignment, to one field */
	union {
		/* WORD_LITERAL, WORD_SQUOTE */
		struct {
			char *text;		/* owned (a base/pool.h block, or
						   inline after the struct),
						   NUL-terminated; may be "" */
			size_t len;		/* bytes in text (text may hold a
						   NUL byte only if the input did;
						   see docs on NUL handling) */
			enum squote_kind kind;	/* WORD_SQUOTE only */
		} lit;
		/* WORD_DQUOTE, WORD_LIST, WORD_ARRAY: parts are struct word *
		   (owned) */
		struct vec parts;
		/* WORD_PARAM */
		struct {
			char *name;	/* owned: "x", "1", "10", "@", "*",
					   "#", "?", "-", "$", "!", "0" */
			enum param_op op;
			bool colon;	/* ":-" rather than "-" (also := :? :+) */
			bool braced;	/* written ${...} */
			bool indirect;	/* ${!name...}: name holds the name
					   of the parameter to expand */
			struct word *arg;	/* owned, may be NULL: the word
						   after the operator.  For - = ? +
						   inside "...", it was parsed
						   as double-quoted text; for
						   the trim ops, always as an
						   unquoted pattern. */
			struct word *subscript;	/* owned, may be NULL: the
						   [...] of ${a[i]}, read like
						   an unquoted word */
			struct word *arg2;	/* owned, may be NULL: the
						   length of ${x:o:l}, the
						   replacement of ${x/p/r} */
		} param;
		/* WORD_CMDSUB */
		struct {
			struct ast_node *program;	/* owned, may be NULL
							   (empty $( )) */
			bool backquote;			/* written `...` */
			char procsub;			/* '<' or '>': a process
							   substitution <(...)
							   or >(...) (ksh,
							   bash), expanded to a
							   /dev/fd/N name;
							   '\0' for $(...) */
		} cmdsub;
		/* WORD_ARITH */
		struct {
			struct word *expr;	/* owned: the text between (( and
						   )), parsed like "..." content
						   ($ and ` expansions, quotes) */
			struct arith_node *tree;	/* owned, may be NULL:
							   the expression parsed
							   once, when expr is
							   plain literal text
							   (word_arith_tree);
							   NULL means: expand
							   expr, then parse at
							   run time */
			bool lazy;		/* expr is plain text not parsed
						   yet: word_arith_tree parses it
						   on first use */
			struct pool_arena *arena;	/* borrowed, may be NULL:
							   the arena the word was
							   built in, which gets
							   the tree too */
		} arith;
		/* WORD_TILDE */
		struct {
			char *user;	/* owned: "" for ~ alone */
		} tilde;
	};
};

/* ---------------------------------------------------------- redirections */

enum redir_op {
	REDIR_IN,	/* <   */
	REDIR_OUT,	/* >   */
	REDIR_CLOBBER,	/* >|  */
	REDIR_APPEND,	/* >>  */
	REDIR_DUP_IN,	/* <&  */
	REDIR_DUP_OUT,	/* >&  */
	REDIR_RDWR,	/* <>  */
	REDIR_HEREDOC,	/* << and <<- */
	REDIR_HERESTR,	/* <<< word (ksh, bash): the word and a newline */
};

struct redir {
	enum redir_op op;
	struct src_range range;
	int fd;			/* the IO_NUMBER, or -1 when absent (then 0 for
				   input ops, 1 for output ops) */
	char *fd_var;		/* owned, may be NULL: {name} named-fd form;
				   the shell allocates an fd >= 10 and stores
				   its number in $name (for `>&-`: closes the fd
				   whose number $name holds) */
	struct word *target;	/* owned: file name or fd word; for here-docs
				   the delimiter as written (may be NULL) */
	/* REDIR_HEREDOC only: */
	bool strip_tabs;	/* <<- */
	char *delim;		/* owned, may be NULL: the delimiter, the word
				   as written after quote removal */
	bool quoted_delim;	/* any part of the delimiter was quoted: the
				   body is literal */
	struct word *body;	/* owned: the here-document body.  Quoted
				   delimiter: one WORD_SQUOTE.  Unquoted: parts
				   as in "..." except that " is not special.
				   Tabs already stripped for <<-. */
};

/* ------------------------------------------------------------- commands */

enum node_type {
	NODE_SIMPLE,	/* assignments, words and redirections */
	NODE_PIPELINE,	/* [!] cmd | cmd ... */
	NODE_AND,	/* left && right */
	NODE_OR,	/* left || right */
	NODE_LIST,	/* a ; b & c — a list / compound-list / program */
	NODE_SUBSHELL,	/* ( list ) */
	NODE_BRACE,	/* { list ; } */
	NODE_IF,	/* if list then list [elif ...] [else list] fi */
	NODE_WHILE,	/* while list do list done */
	NODE_UNTIL,	/* until list do list done */
	NODE_FOR,	/* for name [in words] do list done */
	NODE_CASE,	/* case word in (pattern) list ;; ... esac */
	NODE_FUNCDEF,	/* name ( ) compound-command [redirections] */
	NODE_ARITH,	/* (( expression )) -- extension (ksh, bash) */
	NODE_ARITH_FOR,	/* for (( init; cond; step )) do list done --
			   extension (ksh, bash) */
	NODE_COND,	/* [[ expression ]] -- extension (ksh, bash) */
	NODE_SELECT,	/* select name [in words] do list done -- extension
			   (ksh, bash); uses the for_ fields */
};

/* ------------------------------------------------- [[ expression ]] */

enum cond_type {
	COND_WORD,	/* a lone word: true when not empty */
	COND_UNARY,	/* -f word, -n word, -v name, ... */
	COND_BINARY,	/* word op word */
	COND_NOT,	/* ! a */
	COND_AND,	/* a && b */
	COND_OR,	/* a || b */
};

enum cond_binop {
	CB_MATCH,	/* == or =: the right side is a pattern */
	CB_NOMATCH,	/* != */
	CB_REGEX,	/* =~: the right side is an ERE */
	CB_LT, CB_GT,	/* < > by the locale's collation */
	CB_EQ, CB_NE, CB_LTN, CB_LEN, CB_GTN, CB_GEN,	/* -eq ... -ge:
				   arithmetic operands */
	CB_NT, CB_OT, CB_EF,	/* -nt -ot -ef */
};

struct cond {
	enum cond_type type;
	int op;			/* COND_UNARY: the operator's letter ('f');
				   COND_BINARY: enum cond_binop */
	struct word *left;	/* owned: COND_WORD, COND_UNARY (the operand),
				   COND_BINARY */
	struct word *right;	/* owned: COND_BINARY */
	struct cond *a, *b;	/* owned: COND_NOT (a), COND_AND, COND_OR */
};

void cond_destroy(struct cond *c);
/** The spelling of a binary operator ("==", "-eq", ...). */
const char *cond_binop_name(int op);

/* One entry of a NODE_LIST. */
struct list_item {
	struct ast_node *cmd;	/* owned: an and-or list */
	bool async;		/* terminated by & */
};

/* A NAME=value prefix of a simple command. */
struct assign {
	char *name;		/* owned */
	struct word *value;	/* owned; an empty WORD_LIST for "x=";
				   a WORD_ARRAY for "x=( ... )" */
	struct word *subscript;	/* owned, may be NULL: a[subscript]=value */
	bool append;		/* x+=value */
	struct src_range range;
};

enum case_term {
	CASE_BREAK,	/* ;;  (or the last item with no terminator) */
	CASE_FALLTHROUGH,	/* ;&  (Issue 8) */
	CASE_CONTINUE,	/* ;;& (bash): go on testing the next items */
};

struct case_item {
	struct vec patterns;	/* struct word * (owned), at least one */
	struct ast_node *body;	/* owned, may be NULL (empty item) */
	enum case_term term;
	struct src_range range;
};

struct pool_arena;

struct ast_node {
	enum node_type type;
	unsigned refs;		/* reference count, 1 when created (see
				   ast_node_ref); unused in an arena */
	struct pool_arena *arena;	/* borrowed, may be NULL: the arena
				   the node lives in (base/pool.h); then
				   references are counted on the arena */
	struct src_range range;
	struct vec redirs;	/* struct redir * (owned): on NODE_SIMPLE the
				   command's redirections; on compound commands
				   and function bodies, the trailing ones (in
				   source order) */
	union {
		/* NODE_SIMPLE */
		struct {
			struct vec assigns;	/* struct assign * */
			struct vec words;	/* struct word *: command name
						   and arguments */
		} simple;
		/* NODE_PIPELINE: only built when there is a |, a ! or a
		   time */
		struct {
			bool bang;		/* ! prefix */
			bool timed;		/* time prefix (bash, ksh) */
			bool time_posix;	/* time -p: XCU time's format */
			struct vec cmds;	/* struct ast_node *; >= 1,
						   except 0 for `time` alone */
		} pipeline;
		/* NODE_AND, NODE_OR */
		struct {
			struct ast_node *left;
			struct ast_node *right;
		} binary;
		/* NODE_LIST */
		struct {
			struct vec items;	/* struct list_item * */
		} list;
		/* NODE_SUBSHELL, NODE_BRACE */
		struct {
			struct ast_node *body;	/* a NODE_LIST */
		} group;
		/* NODE_IF (elif is a nested NODE_IF in else_part) */
		struct {
			struct ast_node *cond;
			struct ast_node *then_part;
			struct ast_node *else_part;	/* may be NULL */
		} if_;
		/* NODE_WHILE, NODE_UNTIL */
		struct {
			struct ast_node *cond;
			struct ast_node *body;
		} loop;
		/* NODE_FOR, NODE_SELECT */
		struct {
			char *var;		/* owned */
			bool has_in;		/* false: iterate over "$@" */
			struct vec words;	/* struct word * */
			struct ast_node *body;
		} for_;
		/* NODE_CASE */
		struct {
			struct word *subject;
			struct vec items;	/* struct case_item * */
		} case_;
		/* NODE_ARITH */
		struct {
			struct word *expr;	/* owned: a WORD_ARITH */
		} arith;
		/* NODE_ARITH_FOR */
		struct {
			struct word *init;	/* owned WORD_ARITH words; */
			struct word *cond;	/* cond is NULL when its text */
			struct word *step;	/* is empty (always true) */
			struct ast_node *body;
		} afor;
		/* NODE_COND */
		struct {
			struct cond *expr;	/* owned */
		} cond;
		/* NODE_FUNCDEF */
		struct {
			char *name;		/* owned */
			struct ast_node *body;	/* a compound command; its
						   redirs apply at each call */
			char *source;		/* owned, may be NULL: the
						   definition's text, for
						   `type` and listings */
		} func;
	};
};

/* ------------------------------------------------------------- lifecycle */

struct word *word_create(enum word_type type);
/** A WORD_LITERAL or WORD_SQUOTE holding a copy of text[0..len) (one allocation). */
struct word *word_create_text(enum word_type type, const char *text, size_t len);
void word_destroy(struct word *w);
struct ast_node *ast_node_create(enum node_type type);
void ast_node_destroy(struct ast_node *n);
void redir_destroy(struct redir *r);
/**
 * Append a new, zeroed item to NODE_LIST n and return it (owned by n).
 * Always use this, never vec_push on list.items: the first item and the
 * items array start inside the node's own allocation (see ast.c).
 */
struct list_item *ast_list_add(struct ast_node *n);
/**
 * Reference counting for function bodies: a function definition outlives the
 * tree it was parsed in, so NODE_FUNCDEF bodies are shared, not copied.
 * ast_node_ref() returns n; ast_node_destroy() frees only on the last
 * reference.  A tree the parser returns lives in an arena (its root holds
 * one reference to it); ast_node_ref of any of its nodes keeps the whole
 * arena, and ast_node_destroy of the root or of such a node drops that
 * reference — the last one frees the tree at once, with no walk.
 */
struct ast_node *ast_node_ref(struct ast_node *n);
/**
 * Throw away a subtree the parser built but does not keep: freed now when
 * it lives outside an arena, left to its arena otherwise (it holds no
 * reference of its own).
 */
void ast_discard(struct ast_node *n);

/* ---------------------------------------------------------- the dump */

/**
 * Print the tree, one node per line, indented, with line:col ranges —
 * the teaching window into the parser (`whelk -n --dump-ast`).
 */
void ast_dump(FILE *out, const struct ast_node *n);
void word_dump(FILE *out, const struct word *w, int indent);

/**
 * Turn a tree back into shell text (for `type`, function listings, job
 * names, set -x of compound commands).  Returns a new string.
 */
char *ast_to_text(const struct ast_node *n);
char *word_to_text(const struct word *w);
/**
 * The parsed tree of a WORD_ARITH word whose text is plain (no $, `,
 * quotes), parsed on first use and kept in the word (in the arena it was
 * built in): a script that never runs a $((...)) never parses it, a loop
 * parses it once.  NULL when the text must be expanded first, or does not
 * parse (the caller then parses the expanded text and reports the error).
 */
struct arith_node *word_arith_tree(const struct word *w);

#endif
