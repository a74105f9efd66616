/*
 * jsonw.h: what the JSON-based writers (out_json.c, out_sarif.c) share:
 * adding to a cJSON tree with one sticky out-of-memory flag, strings made
 * valid UTF-8 on the way in, and writing the finished tree.
 *
 * Ownership: every node added is owned by its parent from then on (cJSON);
 * an item that cannot be added is freed here.  The strings given are
 * copied.  Only the writers include this header: cJSON stays behind it.
 */
#ifndef TWELVELINT_JSONW_H
#define TWELVELINT_JSONW_H

#include <stdio.h>

#include <cjson/cJSON.h>

/* A writer's state: set once any cJSON call fails (out of memory). */
struct tl_jw {
	int	 failed;
};

/* Add item to an object under key, or to an array when key is NULL. */
cJSON	*tl_jw_add(struct tl_jw *, cJSON *, const char *, cJSON *);
cJSON	*tl_jw_obj(struct tl_jw *, cJSON *, const char *);
cJSON	*tl_jw_arr(struct tl_jw *, cJSON *, const char *);
/* A string, its invalid UTF-8 bytes each replaced by U+FFFD; NULL adds null. */
void	 tl_jw_str(struct tl_jw *, cJSON *, const char *, const char *);
void	 tl_jw_num(struct tl_jw *, cJSON *, const char *, double);
void	 tl_jw_bool(struct tl_jw *, cJSON *, const char *, int);

/*
 * Print the tree (indented) and a newline to fp, and free it.  what names
 * the report in messages ("JSON", "SARIF").  0, TL_ERR (out of memory, set
 * by any earlier call) or TL_EIO, with the message set.
 */
int	 tl_jw_write(FILE *, struct tl_jw *, cJSON *, const char *);

#endif /* TWELVELINT_JSONW_H */
