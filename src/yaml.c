/*
 * yaml.c: YAML and JSON documents as a tree of nodes (see yaml.h).
 *
 * The tree is built from libyaml's event parser with a stack of open
 * collections; the children of each open collection gather in a scratch
 * array of its stack frame and are copied into the document's arena when
 * the collection ends, which is also when merge keys are expanded and an
 * anchored collection is entered in the anchor table.  A counter of nodes
 * grows by one for each node and by the size of the anchored subtree for
 * each alias, so an alias bomb stops after at most TL_YAML_MAX_NODES steps.
 *
 * libyaml's marks count characters (a CRLF as two) and lines by its own
 * idea of a line break; they are turned into byte offsets with a cursor
 * that walks the UTF-8 text from one mark to the next, and the offsets into
 * line and column with a struct tl_lines.  UTF-16 input keeps libyaml's
 * own line and column.
 *
 * libyaml is used in this file only.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>
#include <cjson/cJSON.h>

#include "twelvelint/util.h"
#include "twelvelint/yaml.h"

#ifndef YAML_H
/* include/twelvelint must not be on the include path: it hides libyaml. */
#error "<yaml.h> is not libyaml's header"
#endif

/* The arena: a list of chunks, newest first; nothing is freed alone. */
#define ARENA_CHUNK	65536
#define ARENA_ALIGN	(sizeof(max_align_t))

struct arena_chunk {
	struct arena_chunk	*next;	/* owned */
	size_t			 used;
	size_t			 cap;	/* bytes of data */
	max_align_t		 data[];
};

struct arena {
	struct arena_chunk	*head;	/* owned: the chunk being filled */
};

/* An open collection. */
struct frame {
	struct tl_ynode	 *node;		/* borrowed (arena) */
	const char	 *anchor;	/* borrowed (arena): NULL when none */
	size_t		  count0;	/* nodes counted before this one */
	struct tl_ynode	**kids;		/* owned: items, or keys and values */
	size_t		  nkids;
	size_t		  cap;
};

/* An entry of the anchor table (open addressing; name NULL is free). */
struct anchor {
	const char	*name;		/* borrowed (arena) */
	struct tl_ynode	*node;		/* borrowed (arena) */
	size_t		 size;		/* nodes in the subtree, with aliases */
};

struct pstate {
	struct arena	 *arena;	/* borrowed: the document's */
	const char	 *text;		/* borrowed: input after a UTF-8 BOM */
	size_t		  len;
	int		  utf8;		/* marks can become byte offsets */
	struct tl_lines	  lines;	/* owned storage */
	size_t		  cur_char;	/* cursor: a character index … */
	size_t		  cur_byte;	/* … and its byte offset */
	struct frame	 *stack;	/* owned: depth frames in use */
	size_t		  depth;
	size_t		  stackcap;
	struct anchor	 *anchors;	/* owned: table of anchorcap entries */
	size_t		  nanchors;
	size_t		  anchorcap;
	size_t		  count;	/* nodes, alias expansions included */
	struct tl_vec	  roots;	/* items borrowed (arena) */
	int		  libyaml_failed; /* the error came from libyaml */
	struct tl_yerror *err;		/* borrowed: the caller's, or NULL */
};

static void		*arena_get(struct arena *, size_t, int);
static void		*arena_alloc(struct arena *, size_t);
static char		*arena_strndup(struct arena *, const char *, size_t);
static void		 arena_free(struct arena *);
static int		 fail(struct pstate *, int, unsigned, unsigned,
			    const char *, ...)
			    __attribute__((format(printf, 5, 6)));
static void		 mark_locate(struct pstate *, const yaml_mark_t *,
			    unsigned *, unsigned *);
static void		 offset_locate(struct pstate *, size_t, unsigned *,
			    unsigned *);
static int		 count_add(struct pstate *, size_t, unsigned, unsigned);
static struct tl_ynode	*node_new(struct pstate *, enum tl_ytype,
			    const yaml_char_t *, const yaml_mark_t *);
static void		 add_child(struct pstate *, struct tl_ynode *);
static struct anchor	*anchor_slot(struct pstate *, const char *);
static void		 anchor_set(struct pstate *, const char *,
			    struct tl_ynode *, size_t);
static int		 is_merge_key(const struct tl_ynode *);
static int		 finish_map(struct pstate *, struct frame *);
static int		 on_event(struct pstate *, const yaml_event_t *, int *);
static int		 libyaml_error(struct pstate *, const yaml_parser_t *);
static int		 build_yaml(struct pstate *);
static int		 build_json(struct pstate *);
static void		 pstate_reset(struct pstate *);

/* n bytes aligned for any object, or for chars only when bytes is set. */
static void *
arena_get(struct arena *a, size_t n, int bytes)
{
	struct arena_chunk	*c;
	size_t			 cap, at;
	void			*p;

	if (n == 0)
		n = 1;
	c = a->head;
	if (c != NULL) {
		at = bytes ? c->used : (c->used + ARENA_ALIGN - 1) /
		    ARENA_ALIGN * ARENA_ALIGN;
		if (at <= c->cap && c->cap - at >= n) {
			p = (char *)c->data + at;
			c->used = at + n;
			return p;
		}
	}
	cap = n > ARENA_CHUNK / 4 ? n : ARENA_CHUNK;
	c = tl_malloc(sizeof(*c) + cap);
	c->used = n;
	c->cap = cap;
	if (cap == n && a->head != NULL) {
		/* A big block of its own: keep filling the current chunk. */
		c->next = a->head->next;
		a->head->next = c;
	} else {
		c->next = a->head;
		a->head = c;
	}
	return c->data;
}

static void *
arena_alloc(struct arena *a, size_t n)
{
	return arena_get(a, n, 0);
}

static char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	char	*p;

	p = arena_get(a, n + 1, 1);
	if (n > 0)
		memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

static void
arena_free(struct arena *a)
{
	struct arena_chunk	*c, *next;

	if (a == NULL)
		return;
	for (c = a->head; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	free(a);
}

/*
 * Record an error: code is returned; the message is made one line of
 * printable ASCII, whatever went into it.
 */
static int
fail(struct pstate *ps, int code, unsigned line, unsigned col,
    const char *fmt, ...)
{
	va_list		 ap;
	char		 msg[sizeof(((struct tl_yerror *)0)->msg)];
	unsigned char	*p;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	for (p = (unsigned char *)msg; *p != '\0'; p++)
		if (*p < 0x20 || *p >= 0x7f)
			*p = '?';
	if (ps->err != NULL) {
		ps->err->line = line;
		ps->err->col = col;
		memcpy(ps->err->msg, msg, sizeof(msg));
	}
	if (line > 0)
		tl_error_set("line %u, column %u: %s", line, col, msg);
	else
		tl_error_set("%s", msg);
	return code;
}

/* The width of a UTF-8 sequence from its first byte (1 when invalid). */
static size_t
u8_width(unsigned char c)
{
	if (c >= 0xf0 && c <= 0xf7)
		return 4;
	if (c >= 0xe0)
		return c <= 0xef ? 3 : 1;
	if (c >= 0xc0)
		return 2;
	return 1;
}

static void
offset_locate(struct pstate *ps, size_t off, unsigned *line, unsigned *col)
{
	if (!ps->utf8) {
		*line = 0;
		*col = 0;
		return;
	}
	tl_lines_locate(&ps->lines, off, line, col);
}

/*
 * Line and column of a libyaml mark.  Marks come almost in order, so the
 * cursor moves a short way each time, forward or back.
 */
static void
mark_locate(struct pstate *ps, const yaml_mark_t *m, unsigned *line,
    unsigned *col)
{
	const unsigned char	*s = (const unsigned char *)ps->text;

	if (!ps->utf8) {
		*line = (unsigned)m->line + 1;
		*col = (unsigned)m->column + 1;
		return;
	}
	while (ps->cur_char < m->index && ps->cur_byte < ps->len) {
		ps->cur_byte += u8_width(s[ps->cur_byte]);
		if (ps->cur_byte > ps->len)
			ps->cur_byte = ps->len;
		ps->cur_char++;
	}
	while (ps->cur_char > m->index && ps->cur_byte > 0) {
		do
			ps->cur_byte--;
		while (ps->cur_byte > 0 && (s[ps->cur_byte] & 0xc0) == 0x80);
		ps->cur_char--;
	}
	tl_lines_locate(&ps->lines, ps->cur_byte, line, col);
}

static int
count_add(struct pstate *ps, size_t n, unsigned line, unsigned col)
{
	if (n > TL_YAML_MAX_NODES || ps->count > TL_YAML_MAX_NODES - n)
		return fail(ps, TL_ELIMIT, line, col,
		    "more than %d nodes with aliases expanded",
		    TL_YAML_MAX_NODES);
	ps->count += n;
	return 0;
}

/* A tag as the tree keeps it: NULL for none, standard or non-specific. */
static const char *
tag_keep(struct pstate *ps, const yaml_char_t *tag)
{
	const char	*t = (const char *)tag;

	if (t == NULL || strcmp(t, "!") == 0 ||
	    strncmp(t, "tag:yaml.org,2002:", 18) == 0)
		return NULL;
	return arena_strndup(ps->arena, t, strlen(t));
}

static struct tl_ynode *
node_new(struct pstate *ps, enum tl_ytype type, const yaml_char_t *tag,
    const yaml_mark_t *m)
{
	struct tl_ynode	*n;

	n = arena_alloc(ps->arena, sizeof(*n));
	memset(n, 0, sizeof(*n));
	n->type = type;
	n->tag = tag_keep(ps, tag);
	mark_locate(ps, m, &n->line, &n->col);
	return n;
}

static void
add_child(struct pstate *ps, struct tl_ynode *n)
{
	struct frame	*f;

	if (ps->depth == 0) {
		tl_vec_push(&ps->roots, n);
		return;
	}
	f = &ps->stack[ps->depth - 1];
	if (f->nkids == f->cap) {
		f->cap = f->cap == 0 ? 16 : f->cap * 2;
		f->kids = tl_reallocarray(f->kids, f->cap, sizeof(*f->kids));
	}
	f->kids[f->nkids++] = n;
}

static struct anchor *
anchor_slot(struct pstate *ps, const char *name)
{
	size_t	 mask, i;

	if (ps->anchorcap == 0)
		return NULL;
	mask = ps->anchorcap - 1;
	i = (size_t)tl_hash64(name, strlen(name)) & mask;
	while (ps->anchors[i].name != NULL &&
	    strcmp(ps->anchors[i].name, name) != 0)
		i = (i + 1) & mask;
	return &ps->anchors[i];
}

/* Enter or replace an anchor (a later one of the same name wins). */
static void
anchor_set(struct pstate *ps, const char *name, struct tl_ynode *n,
    size_t size)
{
	struct anchor	*old, *a;
	size_t		 oldcap, i;

	if (2 * (ps->nanchors + 1) > ps->anchorcap) {
		old = ps->anchors;
		oldcap = ps->anchorcap;
		ps->anchorcap = oldcap == 0 ? 64 : oldcap * 2;
		ps->anchors = tl_calloc(ps->anchorcap, sizeof(*ps->anchors));
		for (i = 0; i < oldcap; i++) {
			if (old[i].name == NULL)
				continue;
			a = anchor_slot(ps, old[i].name);
			*a = old[i];
		}
		free(old);
	}
	a = anchor_slot(ps, name);
	if (a->name == NULL) {
		a->name = name;
		ps->nanchors++;
	}
	a->node = n;
	a->size = size;
}

static int
is_merge_key(const struct tl_ynode *k)
{
	return k->type == TL_YSCALAR && k->plain && k->tag == NULL &&
	    k->len == 2 && memcmp(k->value, "<<", 2) == 0;
}

/*
 * A set of mapping keys for merging: scalar keys equal by text, other
 * keys by identity.
 */
struct keyset {
	const struct tl_ynode	**slot;	/* owned array; nodes borrowed */
	size_t			  mask;
};

static uint64_t
key_hash(const struct tl_ynode *k)
{
	if (k->type == TL_YSCALAR)
		return tl_hash64(k->value, k->len);
	return tl_hash64(&k, sizeof(k));
}

static int
key_eq(const struct tl_ynode *a, const struct tl_ynode *b)
{
	if (a == b)
		return 1;
	return a->type == TL_YSCALAR && b->type == TL_YSCALAR &&
	    a->len == b->len && memcmp(a->value, b->value, a->len) == 0;
}

/* Add k unless it is there; 1 when it was added. */
static int
keyset_add(struct keyset *s, const struct tl_ynode *k)
{
	size_t	 i;

	i = (size_t)key_hash(k) & s->mask;
	while (s->slot[i] != NULL) {
		if (key_eq(s->slot[i], k))
			return 0;
		i = (i + 1) & s->mask;
	}
	s->slot[i] = k;
	return 1;
}

/* Check the value of a merge key; the number of pairs it brings. */
static int
merge_size(struct pstate *ps, const struct tl_ynode *v, size_t *n)
{
	size_t	 i;

	*n = 0;
	if (v->type == TL_YMAP) {
		*n = v->npairs;
		return 0;
	}
	if (v->type == TL_YSEQ) {
		for (i = 0; i < v->nitems; i++) {
			if (v->items[i]->type != TL_YMAP)
				return fail(ps, TL_EPARSE, v->items[i]->line,
				    v->items[i]->col, "merge key '<<' needs "
				    "a mapping or a sequence of mappings");
			*n += v->items[i]->npairs;
		}
		return 0;
	}
	return fail(ps, TL_EPARSE, v->line, v->col,
	    "merge key '<<' needs a mapping or a sequence of mappings");
}

static void
merge_from(struct keyset *ks, struct tl_ypair *pairs, size_t *np,
    const struct tl_ynode *src)
{
	size_t	 i;

	for (i = 0; i < src->npairs; i++)
		if (keyset_add(ks, src->pairs[i].key))
			pairs[(*np)++] = src->pairs[i];
}

/* Turn the keys and values gathered in f into the mapping's pairs. */
static int
finish_map(struct pstate *ps, struct frame *f)
{
	struct tl_ynode	*map = f->node, *v;
	struct tl_ypair	*pairs;
	struct keyset	 ks = { NULL, 0 };
	size_t		 n = f->nkids / 2, i, j, total = 0, more, cap, np;
	int		 error = 0, merges = 0;

	for (i = 0; i < n; i++) {
		if (!is_merge_key(f->kids[2 * i])) {
			total++;
			continue;
		}
		merges = 1;
		if ((error = merge_size(ps, f->kids[2 * i + 1], &more)) != 0)
			return error;
		total += more;
	}
	if (total == 0)
		return 0;
	pairs = arena_alloc(ps->arena, total * sizeof(*pairs));
	if (!merges) {
		for (i = 0; i < n; i++) {
			pairs[i].key = f->kids[2 * i];
			pairs[i].value = f->kids[2 * i + 1];
		}
		map->pairs = pairs;
		map->npairs = n;
		return 0;
	}
	cap = 16;
	while (cap < 2 * total)
		cap *= 2;
	ks.slot = tl_calloc(cap, sizeof(*ks.slot));
	ks.mask = cap - 1;
	/* Explicit keys first, so that they win wherever they stand. */
	for (i = 0; i < n; i++)
		if (!is_merge_key(f->kids[2 * i]))
			keyset_add(&ks, f->kids[2 * i]);
	np = 0;
	for (i = 0; i < n; i++) {
		v = f->kids[2 * i + 1];
		if (!is_merge_key(f->kids[2 * i])) {
			pairs[np].key = f->kids[2 * i];
			pairs[np++].value = v;
		} else if (v->type == TL_YMAP)
			merge_from(&ks, pairs, &np, v);
		else
			for (j = 0; j < v->nitems; j++)
				merge_from(&ks, pairs, &np, v->items[j]);
	}
	free(ks.slot);
	map->pairs = np > 0 ? pairs : NULL;
	map->npairs = np;
	return error;
}

static int
push_frame(struct pstate *ps, struct tl_ynode *n, const yaml_char_t *anchor,
    size_t count0)
{
	struct frame	*f;

	if (ps->depth >= TL_YAML_MAX_DEPTH)
		return fail(ps, TL_ELIMIT, n->line, n->col,
		    "nesting deeper than %d levels", TL_YAML_MAX_DEPTH);
	if (ps->depth == ps->stackcap) {
		ps->stackcap = ps->stackcap == 0 ? 16 : ps->stackcap * 2;
		ps->stack = tl_reallocarray(ps->stack, ps->stackcap,
		    sizeof(*ps->stack));
		memset(ps->stack + ps->depth, 0,
		    (ps->stackcap - ps->depth) * sizeof(*ps->stack));
	}
	f = &ps->stack[ps->depth++];
	f->node = n;
	f->anchor = anchor == NULL ? NULL : arena_strndup(ps->arena,
	    (const char *)anchor, strlen((const char *)anchor));
	f->count0 = count0;
	f->nkids = 0;		/* the scratch array is kept for reuse */
	return 0;
}

static int
pop_frame(struct pstate *ps)
{
	struct frame	*f = &ps->stack[ps->depth - 1];
	struct tl_ynode	*n = f->node;
	int		 error;

	if (n->type == TL_YMAP) {
		if ((error = finish_map(ps, f)) != 0)
			return error;
	} else if (f->nkids > 0) {
		n->items = arena_alloc(ps->arena,
		    f->nkids * sizeof(*n->items));
		memcpy(n->items, f->kids, f->nkids * sizeof(*n->items));
		n->nitems = f->nkids;
	}
	if (f->anchor != NULL)
		anchor_set(ps, f->anchor, n, ps->count - f->count0);
	ps->depth--;
	add_child(ps, n);
	return 0;
}

static int
on_event(struct pstate *ps, const yaml_event_t *ev, int *done)
{
	struct tl_ynode	*n;
	struct anchor	*a;
	const char	*name;
	size_t		 count0 = ps->count;
	unsigned	 line, col;
	int		 error;

	switch (ev->type) {
	case YAML_STREAM_END_EVENT:
		*done = 1;
		break;
	case YAML_DOCUMENT_START_EVENT:
		if (ps->anchorcap > 0)
			memset(ps->anchors, 0,
			    ps->anchorcap * sizeof(*ps->anchors));
		ps->nanchors = 0;
		break;
	case YAML_ALIAS_EVENT:
		name = (const char *)ev->data.alias.anchor;
		a = anchor_slot(ps, name);
		mark_locate(ps, &ev->start_mark, &line, &col);
		if (a == NULL || a->name == NULL)
			return fail(ps, TL_EPARSE, line, col,
			    "unknown alias '*%s'", name);
		if ((error = count_add(ps, a->size, line, col)) != 0)
			return error;
		add_child(ps, a->node);
		break;
	case YAML_SCALAR_EVENT:
		n = node_new(ps, TL_YSCALAR, ev->data.scalar.tag,
		    &ev->start_mark);
		if ((error = count_add(ps, 1, n->line, n->col)) != 0)
			return error;
		n->value = arena_strndup(ps->arena,
		    (const char *)ev->data.scalar.value,
		    ev->data.scalar.length);
		n->len = ev->data.scalar.length;
		n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
		if (ev->data.scalar.anchor != NULL)
			anchor_set(ps, arena_strndup(ps->arena,
			    (const char *)ev->data.scalar.anchor,
			    strlen((const char *)ev->data.scalar.anchor)),
			    n, 1);
		add_child(ps, n);
		break;
	case YAML_SEQUENCE_START_EVENT:
		n = node_new(ps, TL_YSEQ, ev->data.sequence_start.tag,
		    &ev->start_mark);
		if ((error = count_add(ps, 1, n->line, n->col)) != 0)
			return error;
		return push_frame(ps, n, ev->data.sequence_start.anchor,
		    count0);
	case YAML_MAPPING_START_EVENT:
		n = node_new(ps, TL_YMAP, ev->data.mapping_start.tag,
		    &ev->start_mark);
		if ((error = count_add(ps, 1, n->line, n->col)) != 0)
			return error;
		return push_frame(ps, n, ev->data.mapping_start.anchor,
		    count0);
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		if (ps->depth == 0)
			return fail(ps, TL_EPARSE, 0, 0,
			    "unbalanced collection events");
		return pop_frame(ps);
	default:
		break;
	}
	return 0;
}

static int
libyaml_error(struct pstate *ps, const yaml_parser_t *p)
{
	const char	*problem = p->problem != NULL ? p->problem :
			    "malformed YAML";
	unsigned	 line, col, cline, ccol;

	ps->libyaml_failed = 1;
	switch (p->error) {
	case YAML_MEMORY_ERROR:
		return fail(ps, TL_ERR, 0, 0, "libyaml is out of memory");
	case YAML_READER_ERROR:
		offset_locate(ps, p->problem_offset, &line, &col);
		if (p->problem_value != -1)
			return fail(ps, TL_EPARSE, line, col, "%s (0x%X)",
			    problem, (unsigned)p->problem_value);
		return fail(ps, TL_EPARSE, line, col, "%s", problem);
	default:
		mark_locate(ps, &p->problem_mark, &line, &col);
		if (p->context == NULL)
			return fail(ps, TL_EPARSE, line, col, "%s", problem);
		mark_locate(ps, &p->context_mark, &cline, &ccol);
		return fail(ps, TL_EPARSE, line, col,
		    "%s (%s at line %u, column %u)", problem, p->context,
		    cline, ccol);
	}
}

static int
build_yaml(struct pstate *ps)
{
	yaml_parser_t	 parser;
	yaml_event_t	 ev;
	int		 error = 0, done = 0;

	if (!yaml_parser_initialize(&parser))
		return fail(ps, TL_ERR, 0, 0, "cannot set up libyaml");
	yaml_parser_set_input_string(&parser,
	    (const unsigned char *)ps->text, ps->len);
	while (!done && error == 0) {
		if (!yaml_parser_parse(&parser, &ev)) {
			error = libyaml_error(ps, &parser);
			break;
		}
		error = on_event(ps, &ev, &done);
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	return error;
}

/*
 * The cJSON fallback.  cJSON checks the syntax and decodes the strings; a
 * scan of the text follows its tokens in the order of the cJSON tree (the
 * same order as the text) to find where each node starts and to take the
 * text of numbers as written.  cJSON skips every byte up to ' ' as white
 * space and ends a number or literal at white space, ',', ']' or '}'; the
 * scan does the same.
 */
struct jscan {
	struct pstate	*ps;		/* borrowed */
	const char	*s;		/* borrowed: ps->text */
	size_t		 n;
	size_t		 i;
};

#define JSON_NOT	1	/* not JSON after all: keep libyaml's error */

static void
js_ws(struct jscan *j)
{
	while (j->i < j->n && (unsigned char)j->s[j->i] <= ' ')
		j->i++;
}

static int
js_expect(struct jscan *j, char c)
{
	js_ws(j);
	if (j->i >= j->n || j->s[j->i] != c)
		return JSON_NOT;
	j->i++;
	return 0;
}

static int
js_string(struct jscan *j)
{
	if (j->i >= j->n || j->s[j->i] != '"')
		return JSON_NOT;
	for (j->i++; j->i < j->n; j->i++) {
		if (j->s[j->i] == '\\')
			j->i++;
		else if (j->s[j->i] == '"') {
			j->i++;
			return 0;
		}
	}
	return JSON_NOT;
}

static struct tl_ynode *
js_node(struct jscan *j, enum tl_ytype type)
{
	struct tl_ynode	*n;

	n = arena_alloc(j->ps->arena, sizeof(*n));
	memset(n, 0, sizeof(*n));
	n->type = type;
	tl_lines_locate(&j->ps->lines, j->i, &n->line, &n->col);
	return n;
}

static struct tl_ynode *
js_string_node(struct jscan *j, const char *s)
{
	struct tl_ynode	*n;

	n = js_node(j, TL_YSCALAR);
	n->len = strlen(s);
	n->value = arena_strndup(j->ps->arena, s, n->len);
	return n;
}

static int
js_build(struct jscan *j, const cJSON *item, size_t depth,
    struct tl_ynode **out)
{
	struct tl_ynode	*n;
	const cJSON	*c;
	size_t		 k, start;
	int		 error;

	js_ws(j);
	if (j->i >= j->n)
		return JSON_NOT;
	n = js_node(j, cJSON_IsObject(item) ? TL_YMAP :
	    cJSON_IsArray(item) ? TL_YSEQ : TL_YSCALAR);
	*out = n;
	if ((error = count_add(j->ps, 1, n->line, n->col)) != 0)
		return error;
	if (n->type != TL_YSCALAR && depth >= TL_YAML_MAX_DEPTH)
		return fail(j->ps, TL_ELIMIT, n->line, n->col,
		    "nesting deeper than %d levels", TL_YAML_MAX_DEPTH);
	if (cJSON_IsString(item)) {
		n->len = strlen(item->valuestring);
		n->value = arena_strndup(j->ps->arena, item->valuestring,
		    n->len);
		return js_string(j);
	}
	if (n->type == TL_YSCALAR) {
		start = j->i;
		while (j->i < j->n && (unsigned char)j->s[j->i] > ' ' &&
		    strchr(",]}", j->s[j->i]) == NULL)
			j->i++;
		n->plain = 1;
		n->len = j->i - start;
		n->value = arena_strndup(j->ps->arena, j->s + start, n->len);
		return 0;
	}
	k = 0;
	for (c = item->child; c != NULL; c = c->next)
		k++;
	if (n->type == TL_YSEQ && k > 0) {
		n->items = arena_alloc(j->ps->arena, k * sizeof(*n->items));
		n->nitems = k;
	} else if (k > 0) {
		n->pairs = arena_alloc(j->ps->arena, k * sizeof(*n->pairs));
		n->npairs = k;
	}
	if (j->s[j->i] != (n->type == TL_YSEQ ? '[' : '{'))
		return JSON_NOT;
	j->i++;
	for (c = item->child, k = 0; c != NULL; c = c->next, k++) {
		if (k > 0 && (error = js_expect(j, ',')) != 0)
			return error;
		if (n->type == TL_YSEQ) {
			if ((error = js_build(j, c, depth + 1,
			    &n->items[k])) != 0)
				return error;
			continue;
		}
		js_ws(j);
		if (c->string == NULL)
			return JSON_NOT;
		n->pairs[k].key = js_string_node(j, c->string);
		if ((error = count_add(j->ps, 1, n->pairs[k].key->line,
		    n->pairs[k].key->col)) != 0)
			return error;
		if ((error = js_string(j)) != 0 ||
		    (error = js_expect(j, ':')) != 0 ||
		    (error = js_build(j, c, depth + 1,
		    &n->pairs[k].value)) != 0)
			return error;
	}
	return js_expect(j, n->type == TL_YSEQ ? ']' : '}');
}

/* Is s[0..n) valid UTF-8 (no overlongs, surrogates or values past 10FFFF)? */
static int
utf8_valid(const char *str, size_t n)
{
	const unsigned char	*s = (const unsigned char *)str;
	size_t			 i = 0, w, k;
	uint32_t		 cp;

	while (i < n) {
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		w = u8_width(s[i]);
		if (w == 1 || i + w > n)
			return 0;
		cp = s[i] & (0xff >> (w + 1));
		for (k = 1; k < w; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				return 0;
			cp = cp << 6 | (s[i + k] & 0x3f);
		}
		if ((w == 2 && cp < 0x80) || (w == 3 && cp < 0x800) ||
		    (w == 4 && cp < 0x10000) || cp > 0x10ffff ||
		    (cp >= 0xd800 && cp <= 0xdfff))
			return 0;
		i += w;
	}
	return 1;
}

/* 0 with one root, JSON_NOT, or an error (limits). */
static int
build_json(struct pstate *ps)
{
	struct jscan	 j;
	struct tl_ynode	*root = NULL;
	cJSON		*tree;
	const char	*end = NULL;
	size_t		 i;
	int		 error;

	if (!ps->utf8)
		return JSON_NOT;
	tree = cJSON_ParseWithLengthOpts(ps->text, ps->len, &end, 0);
	if (tree == NULL)
		return JSON_NOT;
	error = JSON_NOT;
	for (i = (size_t)(end - ps->text); i < ps->len; i++)
		if ((unsigned char)ps->text[i] > ' ')
			goto out;
	if (!utf8_valid(ps->text, ps->len))
		goto out;
	j.ps = ps;
	j.s = ps->text;
	j.n = ps->len;
	j.i = 0;
	if ((error = js_build(&j, tree, 0, &root)) == 0)
		tl_vec_push(&ps->roots, root);
 out:
	cJSON_Delete(tree);
	return error;
}

/* Forget a partial tree (its nodes stay in the arena until it is freed). */
static void
pstate_reset(struct pstate *ps)
{
	ps->roots.len = 0;
	ps->depth = 0;
	ps->count = 0;
	ps->nanchors = 0;
	if (ps->anchorcap > 0)
		memset(ps->anchors, 0, ps->anchorcap * sizeof(*ps->anchors));
}

int
tl_yaml_parse(struct tl_ydoc **out, const char *text, size_t len,
    struct tl_yerror *err)
{
	struct pstate	 ps;
	struct tl_ydoc	*doc;
	struct tl_yerror saved;
	char		 savedmsg[512];
	size_t		 i;
	int		 error, jerror;

	*out = NULL;
	if (err != NULL)
		memset(err, 0, sizeof(*err));
	memset(&ps, 0, sizeof(ps));
	ps.err = err;
	if (text == NULL)
		len = 0;
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0) {
		text += 3;
		len -= 3;
	}
	ps.text = text == NULL ? "" : text;
	ps.len = len;
	ps.utf8 = !(len >= 2 && (memcmp(text, "\xff\xfe", 2) == 0 ||
	    memcmp(text, "\xfe\xff", 2) == 0));
	if (ps.utf8)
		tl_lines_build(&ps.lines, ps.text, ps.len);
	tl_vec_init(&ps.roots);
	doc = tl_calloc(1, sizeof(*doc));
	ps.arena = tl_calloc(1, sizeof(*ps.arena));
	doc->arena = ps.arena;

	error = build_yaml(&ps);
	if (error == TL_EPARSE && ps.libyaml_failed) {
		if (err != NULL)
			saved = *err;
		snprintf(savedmsg, sizeof(savedmsg), "%s", tl_error_get());
		pstate_reset(&ps);
		jerror = build_json(&ps);
		if (jerror == 0) {
			doc->from_json = 1;
			error = 0;
		} else if (jerror == JSON_NOT) {
			if (err != NULL)
				*err = saved;
			tl_error_set("%s", savedmsg);
		} else
			error = jerror;
	}
	if (error != 0)
		goto out;
	doc->nroots = ps.roots.len;
	if (doc->nroots > 0) {
		doc->roots = arena_alloc(ps.arena,
		    doc->nroots * sizeof(*doc->roots));
		for (i = 0; i < doc->nroots; i++)
			doc->roots[i] = ps.roots.items[i];
	}
	*out = doc;
	doc = NULL;
 out:
	for (i = 0; i < ps.stackcap; i++)
		free(ps.stack[i].kids);
	free(ps.stack);
	free(ps.anchors);
	tl_vec_release(&ps.roots, NULL);
	if (ps.utf8)
		tl_lines_release(&ps.lines);
	tl_ydoc_free(doc);
	return error;
}

void
tl_ydoc_free(struct tl_ydoc *doc)
{
	if (doc == NULL)
		return;
	arena_free(doc->arena);
	free(doc);
}

/* The pair whose scalar key is k[0..klen). */
static const struct tl_ypair *
map_pair(const struct tl_ynode *map, const char *k, size_t klen)
{
	const struct tl_ynode	*key;
	size_t			 i;

	if (map == NULL || map->type != TL_YMAP)
		return NULL;
	for (i = 0; i < map->npairs; i++) {
		key = map->pairs[i].key;
		if (key->type == TL_YSCALAR && key->len == klen &&
		    memcmp(key->value, k, klen) == 0)
			return &map->pairs[i];
	}
	return NULL;
}

const struct tl_ypair *
tl_ymap_pair(const struct tl_ynode *map, const char *key)
{
	if (key == NULL)
		return NULL;
	return map_pair(map, key, strlen(key));
}

const struct tl_ynode *
tl_ymap_get(const struct tl_ynode *map, const char *key)
{
	const struct tl_ypair	*p;

	p = tl_ymap_pair(map, key);
	return p == NULL ? NULL : p->value;
}

int
tl_yscalar_is(const struct tl_ynode *n, const char *s)
{
	size_t	 len;

	if (n == NULL || n->type != TL_YSCALAR || s == NULL)
		return 0;
	len = strlen(s);
	return n->len == len && memcmp(n->value, s, len) == 0;
}

const char *
tl_ystr(const struct tl_ynode *n)
{
	if (n == NULL || n->type != TL_YSCALAR)
		return NULL;
	return n->value;
}

const struct tl_ynode *
tl_ypath(const struct tl_ynode *n, const char *path)
{
	const struct tl_ypair	*p;
	const char		*seg, *dot;
	size_t			 len, i, idx;

	if (path == NULL || *path == '\0')
		return n;
	for (seg = path; n != NULL; seg = dot + 1) {
		dot = strchr(seg, '.');
		len = dot == NULL ? strlen(seg) : (size_t)(dot - seg);
		if (n->type == TL_YMAP) {
			p = map_pair(n, seg, len);
			n = p == NULL ? NULL : p->value;
		} else if (n->type == TL_YSEQ && len > 0) {
			idx = 0;
			for (i = 0; i < len; i++) {
				if (seg[i] < '0' || seg[i] > '9' ||
				    idx > (SIZE_MAX - 9) / 10)
					return NULL;
				idx = idx * 10 + (size_t)(seg[i] - '0');
			}
			n = idx < n->nitems ? n->items[idx] : NULL;
		} else
			return NULL;
		if (dot == NULL)
			break;
	}
	return n;
}

/* Is the node a plain untagged scalar equal to one of the words? */
static int
plain_is(const struct tl_ynode *n, const char *const *words)
{
	if (n == NULL || n->type != TL_YSCALAR || !n->plain || n->tag != NULL)
		return 0;
	for (; *words != NULL; words++)
		if (tl_yscalar_is(n, *words))
			return 1;
	return 0;
}

int
tl_ynull(const struct tl_ynode *n)
{
	static const char *const nulls[] = {
		"", "~", "null", "Null", "NULL", NULL
	};

	return n == NULL || plain_is(n, nulls);
}

int
tl_ybool(const struct tl_ynode *n)
{
	static const char *const yes[] = {
		"true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON",
		NULL
	};
	static const char *const no[] = {
		"false", "False", "FALSE", "no", "No", "NO", "off", "Off",
		"OFF", NULL
	};

	if (plain_is(n, yes))
		return 1;
	if (plain_is(n, no))
		return 0;
	return -1;
}

int
tl_ytag_is(const struct tl_ynode *n, const char *tag)
{
	return n != NULL && n->tag != NULL && tag != NULL &&
	    strcmp(n->tag, tag) == 0;
}
