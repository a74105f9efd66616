/*
 * libFuzzer harness: YAML/JSON documents parse to a well-formed tree (every
 * node positioned, scalars NUL-terminated, depth bounded) or fail with a
 * printable one-line message; alias bombs stay under the node limit.
 */
#include <stdint.h>
#include <stdlib.h>

#include "twelvelint/util.h"
#include "twelvelint/yaml.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
walk(const struct tl_ynode *n, int depth, size_t *count)
{
	size_t	 i;

	if (n == NULL || n->line == 0 || n->col == 0 ||
	    depth > TL_YAML_MAX_DEPTH + 1)
		abort();
	if (n->type == TL_YSCALAR && (n->value == NULL ||
	    n->value[n->len] != '\0'))
		abort();
	/* Shared alias targets are walked again: bound the total. */
	if (++*count > TL_YAML_MAX_NODES * 2)
		abort();
	for (i = 0; i < n->nitems; i++)
		walk(n->items[i], depth + 1, count);
	for (i = 0; i < n->npairs; i++) {
		walk(n->pairs[i].key, depth + 1, count);
		walk(n->pairs[i].value, depth + 1, count);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tl_ydoc		*doc = NULL;
	struct tl_yerror	 err;
	const char		*m;
	size_t			 i, count = 0;

	if (tl_yaml_parse(&doc, (const char *)data, size, &err) == 0) {
		for (i = 0; i < doc->nroots; i++)
			walk(doc->roots[i], 0, &count);
		tl_ydoc_free(doc);
		return 0;
	}
	if (doc != NULL || err.msg[0] == '\0')
		abort();
	for (m = err.msg; *m != '\0'; m++)
		if ((unsigned char)*m < 0x20 || (unsigned char)*m >= 0x7f)
			abort();
	return 0;
}
