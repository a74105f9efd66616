/*
 * jsonw.c: the helpers the JSON-based writers share (jsonw.h).  Bytes
 * that are not valid UTF-8 (a file name is just bytes) are each replaced
 * by U+FFFD so that a report is always valid JSON; overlong forms,
 * surrogates and code points above U+10FFFF count as invalid.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "twelvelint/jsonw.h"
#include "twelvelint/util.h"

/*
 * s itself when it is valid UTF-8; otherwise a copy, stored in *tofree
 * (owned by the caller), with every invalid byte replaced by U+FFFD.
 */
static const char *
utf8_clean(const char *s, char **tofree)
{
	const unsigned char	*p = (const unsigned char *)s;
	struct tl_buf		 b = TL_BUF_INIT;
	size_t			 n = strlen(s), i, k;

	*tofree = NULL;
	for (i = 0; i < n; i += k)
		if ((k = tl_utf8_len(p + i, n - i)) == 0)
			break;
	if (i == n)
		return s;
	tl_buf_add(&b, s, i);
	while (i < n) {
		if ((k = tl_utf8_len(p + i, n - i)) == 0) {
			tl_buf_adds(&b, "\xef\xbf\xbd");
			i++;
		} else {
			tl_buf_add(&b, p + i, k);
			i += k;
		}
	}
	*tofree = tl_buf_detach(&b);
	return *tofree;
}

/* Add item to an object under key, or to an array when key is NULL. */
cJSON *
tl_jw_add(struct tl_jw *w, cJSON *parent, const char *key, cJSON *item)
{
	cJSON_bool	 ok;

	if (item == NULL || parent == NULL) {
		cJSON_Delete(item);
		w->failed = 1;
		return NULL;
	}
	ok = key != NULL ? cJSON_AddItemToObject(parent, key, item) :
	    cJSON_AddItemToArray(parent, item);
	if (!ok) {
		cJSON_Delete(item);
		w->failed = 1;
		return NULL;
	}
	return item;
}

cJSON *
tl_jw_obj(struct tl_jw *w, cJSON *parent, const char *key)
{
	return tl_jw_add(w, parent, key, cJSON_CreateObject());
}

cJSON *
tl_jw_arr(struct tl_jw *w, cJSON *parent, const char *key)
{
	return tl_jw_add(w, parent, key, cJSON_CreateArray());
}

/* A string, made valid UTF-8; NULL adds a JSON null. */
void
tl_jw_str(struct tl_jw *w, cJSON *parent, const char *key, const char *s)
{
	char	*tofree;

	if (s == NULL) {
		tl_jw_add(w, parent, key, cJSON_CreateNull());
		return;
	}
	s = utf8_clean(s, &tofree);
	tl_jw_add(w, parent, key, cJSON_CreateString(s));
	free(tofree);
}

void
tl_jw_num(struct tl_jw *w, cJSON *parent, const char *key, double n)
{
	tl_jw_add(w, parent, key, cJSON_CreateNumber(n));
}

void
tl_jw_bool(struct tl_jw *w, cJSON *parent, const char *key, int v)
{
	tl_jw_add(w, parent, key, cJSON_CreateBool(v ? 1 : 0));
}

int
tl_jw_write(FILE *fp, struct tl_jw *w, cJSON *root, const char *what)
{
	char	*text = NULL;
	int	 error = 0;

	if (w->failed || (text = cJSON_Print(root)) == NULL) {
		tl_error_set("cannot build the %s report: out of memory", what);
		error = TL_ERR;
		goto out;
	}
	if (fputs(text, fp) == EOF || fputc('\n', fp) == EOF ||
	    fflush(fp) != 0 || ferror(fp)) {
		tl_error_set("cannot write the %s report: %s", what,
		    strerror(errno));
		error = TL_EIO;
	}
out:
	cJSON_free(text);
	cJSON_Delete(root);
	return error;
}
