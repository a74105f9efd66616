/*
 * yaml.h: YAML and JSON documents as a tree of nodes with 1-based line and
 * column, CloudFormation short-form tags kept, anchors and merge keys
 * expanded under hard limits.
 *
 * Ownership: a struct tl_ydoc owns every node and string of its documents
 * (one arena); nodes reached through an alias are shared, never copied, so
 * a node may have several parents.  Everything is freed by tl_ydoc_free().
 *
 * Conventions of the tree:
 * - A stream holds nroots documents; roots[i] is never NULL.  A stream with
 *   no document at all (empty text, only comments) has nroots 0 and roots
 *   NULL.  A document with no content ("---" alone) has as its root an
 *   empty plain scalar, which tl_ynull() calls null.
 * - Lines and columns are 1-based and point at the first byte of the node:
 *   its tag or anchor when it has one, the '[' or '{' of a flow collection,
 *   the first key of a block mapping, the first '-' of a block sequence.
 *   Columns count bytes (as struct tl_lines does), a UTF-8 byte order mark
 *   is not counted, lines end at '\n' (UTF-16 input keeps libyaml's own
 *   line and character column).  An alias has no node of its own: it
 *   is the anchored node, with the anchor's position.
 * - Every string is NUL-terminated and valid UTF-8; a scalar may hold a NUL
 *   (YAML "\0"), so len is its true length.
 * - tag keeps a local tag as written ("!Ref", "!GetAtt", "!Custom") and a
 *   verbatim tag "!<x>" as x; the standard tags (tag:yaml.org,2002:…) and
 *   the non-specific "!" are NULL.  Nothing is resolved: "1", "true"
 *   and "~" are scalars; read them with plain and tl_ybool()/tl_ynull().
 * - Anchors are per document.  An alias must follow its anchor's complete
 *   node, so recursive aliases ("&a [*a]") are rejected as unknown.
 * - A plain "<<" key is a YAML 1.1 merge key: its value (a mapping, or a
 *   sequence of mappings) is merged in place of the "<<" pair, which is not
 *   kept.  Explicit keys of the mapping win wherever they stand; among the
 *   merged mappings the earlier wins.  Other duplicate keys are kept in
 *   order (tl_ymap_get() finds the first).
 * - JSON: parsed by libyaml as YAML flow (from_json 0).  When libyaml
 *   rejects it (a tab before the first '{', a key longer than 1024
 *   characters, a line break between a key and its ':') and cJSON accepts
 *   all of it, the tree is built from cJSON (from_json 1): the same shapes,
 *   strings quoted (plain 0) and numbers, true, false and null plain with
 *   their text as written.  Positions then come from a scan of the text
 *   that follows cJSON's tokens in order, so they are exact; a string with
 *   an escaped "\u0000" ends there.
 */
#ifndef TWELVELINT_YAML_H
#define TWELVELINT_YAML_H

#include <stddef.h>

enum tl_ytype {
	TL_YSCALAR = 0,
	TL_YSEQ,
	TL_YMAP
};

struct tl_ypair;

/*
 * A node.  Scalars use value, len and plain; sequences items and nitems;
 * mappings pairs and npairs.  The other fields are NULL or 0.
 */
struct tl_ynode {
	enum tl_ytype	 type;
	const char	*tag;		/* borrowed (doc): "!Ref", "!Sub" …;
					   NULL for none or the standard tags */
	const char	*value;		/* borrowed (doc): scalar text,
					   NUL-terminated; NULL otherwise */
	size_t		 len;		/* scalar length */
	int		 plain;		/* scalar written without quotes */
	unsigned	 line;		/* 1-based */
	unsigned	 col;		/* 1-based, in bytes */
	struct tl_ynode	**items;	/* borrowed (doc): sequence items;
					   NULL when none */
	size_t		 nitems;
	struct tl_ypair	*pairs;		/* borrowed (doc): mapping pairs, in
					   order; NULL when none */
	size_t		 npairs;
};

struct tl_ypair {
	struct tl_ynode	*key;		/* borrowed (doc) */
	struct tl_ynode	*value;		/* borrowed (doc) */
};

struct tl_ydoc {
	struct tl_ynode	**roots;	/* borrowed (doc): one per document in
					   the stream; NULL when none */
	size_t		  nroots;
	int		  from_json;	/* built by the cJSON fallback */
	void		 *arena;	/* owned: internal */
};

struct tl_yerror {
	unsigned	line;		/* 1-based, 0 when not known */
	unsigned	col;
	char		msg[160];	/* one line, printable ASCII only */
};

/* Hard limits: beyond them parsing fails with TL_ELIMIT and a message. */
#define TL_YAML_MAX_DEPTH	256	/* nested sequences and mappings */
#define TL_YAML_MAX_NODES	1000000	/* counting every alias expansion */

/*
 * Parse YAML (or JSON, which is YAML) of len bytes; the text need not be
 * NUL-terminated and is not kept.  A UTF-8 or UTF-16 byte order mark is
 * understood.  When libyaml rejects text that is valid JSON, it is parsed
 * with cJSON instead (see above).  0 on success with *out set; otherwise
 * *out is NULL and TL_EPARSE (malformed text, unknown alias, bad merge
 * value), TL_ELIMIT (over a limit) or TL_ERR (libyaml out of memory) is
 * returned with the message set (tl_error_set) and err, which may be
 * NULL, filled.
 */
int	tl_yaml_parse(struct tl_ydoc **, const char *, size_t,
	    struct tl_yerror *);
void	tl_ydoc_free(struct tl_ydoc *);

/* The value of key in a mapping, or NULL (also when map is not a mapping). */
const struct tl_ynode *tl_ymap_get(const struct tl_ynode *, const char *);
/* The pair of key in a mapping, or NULL. */
const struct tl_ypair *tl_ymap_pair(const struct tl_ynode *, const char *);
/* Is the node a scalar equal to s (exact)? */
int	tl_yscalar_is(const struct tl_ynode *, const char *);
/* Scalar text or NULL. */
const char *tl_ystr(const struct tl_ynode *);

/*
 * Follow a dotted path from a node: "Properties.Environment.Variables".
 * Each segment is a key of a mapping, or, when the node is a sequence and
 * the segment is all digits, a 0-based index ("containerDefinitions.0.image").
 * An empty path is the node itself.  NULL when any step is missing; a key
 * that itself holds a '.' needs tl_ymap_get().
 */
const struct tl_ynode *tl_ypath(const struct tl_ynode *, const char *);
/* Is the node NULL or a plain untagged "", "~", "null", "Null" or "NULL"? */
int	tl_ynull(const struct tl_ynode *);
/*
 * A plain untagged YAML 1.1 boolean: 1 for true/True/TRUE/yes/Yes/YES/
 * on/On/ON, 0 for the false forms (false, no, off …), -1 for anything else.
 */
int	tl_ybool(const struct tl_ynode *);
/* Is the node tagged exactly tag ("!Ref")? */
int	tl_ytag_is(const struct tl_ynode *, const char *);

/*
 * Loop over a mapping's pairs or a sequence's items with a size_t index;
 * the body does not run when the node is NULL or of another type:
 *	TL_YMAP_FOREACH(i, map) use(map->pairs[i].key, map->pairs[i].value);
 */
#define TL_YMAP_FOREACH(i, m)						\
	for ((i) = 0; (m) != NULL && (m)->type == TL_YMAP &&		\
	    (i) < (m)->npairs; (i)++)
#define TL_YSEQ_FOREACH(i, s)						\
	for ((i) = 0; (s) != NULL && (s)->type == TL_YSEQ &&		\
	    (i) < (s)->nitems; (i)++)

#endif /* TWELVELINT_YAML_H */
