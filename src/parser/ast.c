/* ast.c: creating and freeing syntax-tree nodes and word trees; reference counts for shared function bodies. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/pool.h"
#include "parser/arith.h"
#include "parser/ast.h"

struct word *word_create(enum word_type type)
{
	struct word *w = pool_zalloc(sizeof *w);
	w->type = type;
	if (type == WORD_DQUOTE || type == WORD_LIST || type == WORD_ARRAY)
		vec_init(&w->parts);
	return w;
}

/*
 * Most words of a script are one literal ("then", "-f", "1"): the text is
 * stored right after the struct, in the same allocation, so a literal costs
 * one malloc and one free instead of two each.  word_destroy() recognises
 * the inline text by its address and does not free it separately.  The text
 * may still be shortened in place (word.c does when it splits a literal).
 */
struct word *word_create_text(enum word_type type, const char *text, size_t len)
{
	if (len > SIZE_MAX - sizeof(struct word) - 1)
		alloc_die();
	struct word *w = pool_alloc(sizeof *w + len + 1);
	*w = (struct word){ .type = type };	/* stores, not a memset call */
	w->lit.text = (char *)(w + 1);
	memcpy(w->lit.text, text, len);
	w->lit.text[len] = '\0';
	w->lit.len = len;
	return w;
}

struct arith_node *word_arith_tree(const struct word *w)
{
	struct word *mw = (struct word *)w;	/* only the cache changes */
	if (!w->arith.lazy)
		return w->arith.tree;
	mw->arith.lazy = false;
	const struct word *e = w->arith.expr;
	const char *text = e->type == WORD_LITERAL ? e->lit.text : "";
	struct pool_arena *a = pool_arena_use(w->arith.arena);
	char *err = NULL;
	mw->arith.tree = arith_parse(text, &err);
	pool_arena_use(a);
	free(err);
	return w->arith.tree;
}

static void word_destroy_v(void *w)
{
	word_destroy(w);
}

void word_destroy(struct word *w)
{
	if (!w || pool_in_arena(w))	/* its arena frees it */
		return;
	switch (w->type) {
	case WORD_LITERAL:
	case WORD_SQUOTE:
		if (w->lit.text != (char *)(w + 1))	/* not inline text */
			pool_free(w->lit.text);
		break;
	case WORD_DQUOTE:
	case WORD_LIST:
	case WORD_ARRAY:
		vec_free_all(&w->parts, word_destroy_v);
		break;
	case WORD_PARAM:
		pool_free(w->param.name);
		word_destroy(w->param.arg);
		word_destroy(w->param.arg2);
		word_destroy(w->param.subscript);
		break;
	case WORD_CMDSUB:
		ast_node_destroy(w->cmdsub.program);
		break;
	case WORD_ARITH:
		word_destroy(w->arith.expr);
		if (w->arith.tree)
			arith_destroy(w->arith.tree);
		break;
	case WORD_TILDE:
		pool_free(w->tilde.user);
		break;
	}
	pool_free(w);
}

void redir_destroy(struct redir *r)
{
	if (!r || pool_in_arena(r))
		return;
	pool_free(r->fd_var);
	pool_free(r->delim);
	word_destroy(r->target);
	word_destroy(r->body);
	pool_free(r);
}

/*
 * Most lists hold one and-or list (an if's condition, a case item's body, a
 * complete command on its own line).  A NODE_LIST is therefore allocated
 * together with its first item and a one-slot items array: a one-item list
 * costs one allocation instead of three.  Items are added with
 * ast_list_add(), which moves the array to the heap when a second item
 * comes; ast_node_destroy() frees only what is not inline.
 */
struct list_block {
	struct ast_node node;		/* first: a pointer to it is the block */
	struct list_item first;
	void *slot[1];
};

static struct list_block *list_block_of(struct ast_node *n)
{
	return (struct list_block *)n;
}

static struct ast_node *list_create(void)
{
	struct list_block *b = pool_zalloc(sizeof *b);
	b->node.list.items.items = b->slot;
	b->node.list.items.cap = 1;
	return &b->node;
}

struct list_item *ast_list_add(struct ast_node *n)
{
	struct list_block *b = list_block_of(n);
	struct vec *v = &n->list.items;
	struct list_item *it = &b->first;
	if (v->len > 0)
		it = pool_zalloc(sizeof *it);
	if (v->items == b->slot && v->len == v->cap) {	/* to the heap */
		void **heap = pool_alloc(4 * sizeof *heap);	/* as vec.c */
		heap[0] = b->slot[0];
		v->items = heap;
		v->cap = 4;
	}
	vec_push(v, it);
	return it;
}

struct ast_node *ast_node_create(enum node_type type)
{
	struct ast_node *n = type == NODE_LIST ? list_create() : pool_zalloc(sizeof *n);
	n->type = type;
	n->refs = 1;
	n->arena = pool_arena_current();
	vec_init(&n->redirs);
	return n;
}

struct ast_node *ast_node_ref(struct ast_node *n)
{
	if (n && n->arena)
		pool_arena_ref(n->arena);
	else if (n)
		n->refs++;
	return n;
}

void ast_discard(struct ast_node *n)
{
	if (n && !n->arena)
		ast_node_destroy(n);
}

/* Most vectors of a tree are empty (a command without redirections, a
   node's unused lists): skip the call and the free(NULL) for those. */
static void free_vec(struct vec *v, void (*fn)(void *))
{
	if (v->items)
		vec_free_all(v, fn);
}

static void node_destroy_v(void *n) { ast_node_destroy(n); }
static void redir_destroy_v(void *r) { redir_destroy(r); }

static void assign_destroy(void *p)
{
	struct assign *a = p;
	pool_free(a->name);
	word_destroy(a->subscript);
	word_destroy(a->value);
	pool_free(a);
}

static void list_free_items(struct ast_node *n)
{
	struct list_block *b = list_block_of(n);
	struct vec *v = &n->list.items;
	for (size_t i = 0; i < v->len; i++) {
		struct list_item *it = v->items[i];
		ast_node_destroy(it->cmd);
		if (it != &b->first)
			pool_free(it);
	}
	if (v->items != b->slot)
		pool_free(v->items);
	vec_init(v);
}

static void case_item_destroy(void *p)
{
	struct case_item *ci = p;
	vec_free_all(&ci->patterns, word_destroy_v);
	ast_node_destroy(ci->body);
	pool_free(ci);
}

/* Free what n owns (not n itself, not the left operand of && / ||). */
static void node_free_fields(struct ast_node *n)
{
	free_vec(&n->redirs, redir_destroy_v);
	switch (n->type) {
	case NODE_SIMPLE:
		free_vec(&n->simple.assigns, assign_destroy);
		free_vec(&n->simple.words, word_destroy_v);
		break;
	case NODE_PIPELINE:
		vec_free_all(&n->pipeline.cmds, node_destroy_v);
		break;
	case NODE_AND:
	case NODE_OR:
		ast_node_destroy(n->binary.right);
		break;
	case NODE_LIST:
		list_free_items(n);
		break;
	case NODE_SUBSHELL:
	case NODE_BRACE:
		ast_node_destroy(n->group.body);
		break;
	case NODE_IF:
		ast_node_destroy(n->if_.cond);
		ast_node_destroy(n->if_.then_part);
		ast_node_destroy(n->if_.else_part);
		break;
	case NODE_WHILE:
	case NODE_UNTIL:
		ast_node_destroy(n->loop.cond);
		ast_node_destroy(n->loop.body);
		break;
	case NODE_FOR:
	case NODE_SELECT:
		pool_free(n->for_.var);
		free_vec(&n->for_.words, word_destroy_v);
		ast_node_destroy(n->for_.body);
		break;
	case NODE_CASE:
		word_destroy(n->case_.subject);
		vec_free_all(&n->case_.items, case_item_destroy);
		break;
	case NODE_FUNCDEF:
		pool_free(n->func.name);
		pool_free(n->func.source);
		ast_node_destroy(n->func.body);
		break;
	case NODE_ARITH:
		word_destroy(n->arith.expr);
		break;
	case NODE_COND:
		cond_destroy(n->cond.expr);
		break;
	case NODE_ARITH_FOR:
		word_destroy(n->afor.init);
		word_destroy(n->afor.cond);
		word_destroy(n->afor.step);
		ast_node_destroy(n->afor.body);
		break;
	}
}

void cond_destroy(struct cond *c)
{
	if (!c || pool_in_arena(c))
		return;
	word_destroy(c->left);
	word_destroy(c->right);
	cond_destroy(c->a);
	cond_destroy(c->b);
	pool_free(c);
}

const char *cond_binop_name(int op)
{
	static const char *const names[] = {
		[CB_MATCH] = "==", [CB_NOMATCH] = "!=", [CB_REGEX] = "=~",
		[CB_LT] = "<", [CB_GT] = ">", [CB_EQ] = "-eq", [CB_NE] = "-ne",
		[CB_LTN] = "-lt", [CB_LEN] = "-le", [CB_GTN] = "-gt",
		[CB_GEN] = "-ge", [CB_NT] = "-nt", [CB_OT] = "-ot", [CB_EF] = "-ef",
	};
	return op >= 0 && op <= CB_EF ? names[op] : "?";
}

/*
 * a && b && c is a left-leaning chain; walking down the left operands in a
 * loop rather than by recursion keeps a 100,000-term chain off the stack.
 */
void ast_node_destroy(struct ast_node *n)
{
	if (n && n->arena) {	/* one reference to the whole arena */
		pool_arena_unref(n->arena);
		return;
	}
	while (n && --n->refs == 0) {
		struct ast_node *next = NULL;
		if (n->type == NODE_AND || n->type == NODE_OR)
			next = n->binary.left;
		node_free_fields(n);
		pool_free(n);
		n = next;
	}
}
