/*
 * baseline.c: reading and writing baselines (baseline.h).
 *
 *	{"twelvelint_baseline": 1, "tool": "twelvelint 0.1.0",
 *	 "findings": [{"fingerprint": "…", "rule": "TF0301",
 *	               "path": "src/app.py", "message": "…"}]}
 *
 * Only "fingerprint" is read back; the rest tells a reviewer what was
 * accepted.  Messages are the redacted ones of the report.  The file is
 * JSON with no positions to keep, so cJSON reads it.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "twelvelint/baseline.h"
#include "twelvelint/jsonw.h"

#define BASELINE_VERSION	1
#define BASELINE_MAX_SIZE	((size_t)64 << 20)

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
slurp(struct tl_buf *b, const char *path)
{
	FILE	*fp;
	char	 chunk[8192];
	size_t	 n;

	if ((fp = fopen(path, "r")) == NULL) {
		tl_error_set("cannot read baseline '%s': %s", path,
		    strerror(errno));
		return errno == ENOENT ? TL_ENOENT : TL_EUSAGE;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0) {
		if (b->len + n > BASELINE_MAX_SIZE) {
			fclose(fp);
			tl_error_set("baseline '%s' is larger than 64 MiB",
			    path);
			return TL_EUSAGE;
		}
		tl_buf_add(b, chunk, n);
	}
	if (ferror(fp)) {
		fclose(fp);
		tl_error_set("cannot read baseline '%s': %s", path,
		    strerror(errno));
		return TL_EIO;
	}
	fclose(fp);
	return 0;
}

int
tl_baseline_load(struct tl_baseline *bl, const char *path)
{
	struct tl_buf	 b = TL_BUF_INIT;
	cJSON		*root = NULL, *v, *arr, *fp;
	size_t		 i, n;
	int		 error;

	memset(bl, 0, sizeof(*bl));
	bl->path = tl_strdup(path);
	if ((error = slurp(&b, path)) != 0)
		goto out;
	root = cJSON_ParseWithLength(b.data != NULL ? b.data : "", b.len);
	v = cJSON_GetObjectItemCaseSensitive(root, "twelvelint_baseline");
	arr = cJSON_GetObjectItemCaseSensitive(root, "findings");
	if (!cJSON_IsNumber(v) || v->valuedouble != BASELINE_VERSION ||
	    !cJSON_IsArray(arr)) {
		tl_error_set("'%s' is not a twelvelint baseline (version %d; "
		    "write one with --write-baseline)", path,
		    BASELINE_VERSION);
		error = TL_EUSAGE;
		goto out;
	}
	cJSON_ArrayForEach(v, arr) {
		fp = cJSON_GetObjectItemCaseSensitive(v, "fingerprint");
		if (!cJSON_IsString(fp) || strlen(fp->valuestring) != 40 ||
		    strspn(fp->valuestring, "0123456789abcdef") != 40) {
			tl_error_set("baseline '%s': finding %zu has no "
			    "fingerprint of 40 hex digits", path,
			    bl->fps.len + 1);
			error = TL_EUSAGE;
			goto out;
		}
		tl_vec_push(&bl->fps, tl_strdup(fp->valuestring));
	}
	tl_vec_sort(&bl->fps, cmp_str);
	for (i = n = 0; i < bl->fps.len; i++) {
		if (n > 0 && strcmp(bl->fps.items[n - 1], bl->fps.items[i]) ==
		    0) {
			free(bl->fps.items[i]);
			continue;
		}
		bl->fps.items[n++] = bl->fps.items[i];
	}
	bl->fps.len = n;
out:
	cJSON_Delete(root);
	tl_buf_release(&b);
	return error;
}

void
tl_baseline_release(struct tl_baseline *bl)
{
	tl_vec_release(&bl->fps, free);
	free(bl->path);
	memset(bl, 0, sizeof(*bl));
}

int
tl_baseline_has(const struct tl_baseline *bl, const char *fp)
{
	size_t	 lo = 0, hi, mid;
	int	 c;

	if (bl == NULL)
		return 0;
	hi = bl->fps.len;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if ((c = strcmp(bl->fps.items[mid], fp)) == 0)
			return 1;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

int
tl_baseline_write(const char *path, const struct tl_scan *scan)
{
	const struct tl_finding	*f;
	struct tl_jw		 w = { 0 };
	cJSON			*root, *arr, *o;
	FILE			*fp;
	size_t			 i;
	int			 error;

	if ((root = cJSON_CreateObject()) == NULL)
		w.failed = 1;
	tl_jw_num(&w, root, "twelvelint_baseline", BASELINE_VERSION);
	tl_jw_str(&w, root, "tool", "twelvelint " TL_VERSION);
	arr = tl_jw_arr(&w, root, "findings");
	for (i = 0; i < scan->findings.len; i++) {
		f = scan->findings.items[i];
		if (f->suppressed != NULL &&
		    strncmp(f->suppressed, "baseline", 8) != 0)
			continue;
		o = tl_jw_obj(&w, arr, NULL);
		tl_jw_str(&w, o, "fingerprint", f->fingerprint);
		tl_jw_str(&w, o, "rule", f->rule->id);
		tl_jw_str(&w, o, "path", f->path);
		tl_jw_str(&w, o, "message", f->message);
	}
	if ((fp = fopen(path, "w")) == NULL) {
		tl_error_set("cannot write baseline '%s': %s", path,
		    strerror(errno));
		cJSON_Delete(root);
		return TL_EIO;
	}
	error = tl_jw_write(fp, &w, root, "baseline");
	if (fclose(fp) != 0 && error == 0) {
		tl_error_set("cannot write baseline '%s': %s", path,
		    strerror(errno));
		error = TL_EIO;
	}
	return error;
}
