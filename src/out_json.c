/*
 * out_json.c: the JSON report (--format json), schema version 1, as
 * described in docs/json-schema.json.
 *
 * Decisions the schema writes down:
 * - "target.git" is always present: null when the target is not inside a
 *   git work tree; otherwise an object whose "head" (no commits yet),
 *   "branch" (detached HEAD) and "remote" (none) may each be null.
 * - "factors" always has the twelve entries in order; a factor left out by
 *   --factor is "not_applicable" with the reason "not selected".  "reason"
 *   is present exactly when the status is "not_applicable".
 * - A finding's "path" is "" for a repository-wide finding; "end_line" is
 *   present only when known, "snippet" only when there is one; "title" is
 *   the rule's fixed summary, "message" the specific detail, "help" the
 *   factor's page on 12factor.net.
 * - Suppressed findings are listed under "suppressed" with their "reason"
 *   and are not in "findings".
 * - Strings carry the raw text; JSON escaping takes care of control
 *   characters.  Bytes that are not valid UTF-8 (a file name is just
 *   bytes) are each replaced by U+FFFD so that the report is always valid
 *   JSON; overlong forms, surrogates and code points above U+10FFFF count
 *   as invalid.
 *
 * cJSON builds the tree; it allocates with malloc, so every addition is
 * checked (a sticky flag in struct jw) and a failure is reported once at
 * the end.  Nothing here keeps a pointer into the scan.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "twelvelint/model.h"

#define TL_JSON_SCHEMA_VERSION	1

/* The writer's state: set once any cJSON call fails (out of memory). */
struct jw {
	int	 failed;
};

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
static cJSON *
j_add(struct jw *w, cJSON *parent, const char *key, cJSON *item)
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

static cJSON *
j_obj(struct jw *w, cJSON *parent, const char *key)
{
	return j_add(w, parent, key, cJSON_CreateObject());
}

static cJSON *
j_arr(struct jw *w, cJSON *parent, const char *key)
{
	return j_add(w, parent, key, cJSON_CreateArray());
}

/* A string, made valid UTF-8; NULL adds a JSON null. */
static void
j_str(struct jw *w, cJSON *parent, const char *key, const char *s)
{
	char	*tofree;

	if (s == NULL) {
		j_add(w, parent, key, cJSON_CreateNull());
		return;
	}
	s = utf8_clean(s, &tofree);
	j_add(w, parent, key, cJSON_CreateString(s));
	free(tofree);
}

static void
j_num(struct jw *w, cJSON *parent, const char *key, double n)
{
	j_add(w, parent, key, cJSON_CreateNumber(n));
}

static void
j_bool(struct jw *w, cJSON *parent, const char *key, int v)
{
	j_add(w, parent, key, cJSON_CreateBool(v ? 1 : 0));
}

static void
j_counts(struct jw *w, cJSON *parent, const char *key, const size_t c[4])
{
	cJSON	*o;

	o = j_obj(w, parent, key);
	j_num(w, o, "error", (double)c[TL_SEV_ERROR]);
	j_num(w, o, "warning", (double)c[TL_SEV_WARNING]);
	j_num(w, o, "info", (double)c[TL_SEV_INFO]);
}

static void
j_target(struct jw *w, cJSON *root, const struct tl_scan *scan)
{
	const struct tl_repo	*repo = scan->repo;
	const struct tl_git	*g;
	const char		*path = ".";
	cJSON			*t, *git;

	if (scan->opts != NULL && scan->opts->target != NULL)
		path = scan->opts->target;
	else if (repo != NULL && repo->root != NULL)
		path = repo->root;
	t = j_obj(w, root, "target");
	j_str(w, t, "path", path);
	if (repo == NULL || !repo->git.is_repo) {
		j_add(w, t, "git", cJSON_CreateNull());
		return;
	}
	g = &repo->git;
	git = j_obj(w, t, "git");
	j_str(w, git, "head", g->head);
	j_str(w, git, "branch", g->branch);
	j_str(w, git, "remote", g->remote);
	j_bool(w, git, "dirty", g->dirty);
}

/* The status a factor is reported with: deselected ones are not applicable. */
static enum tl_status
factor_status(const struct tl_factor_result *fr)
{
	return fr->selected ? fr->status : TL_STATUS_NA;
}

static void
j_summary(struct jw *w, cJSON *root, const struct tl_scan *scan)
{
	cJSON		*s, *fs;
	size_t		 st[4] = { 0, 0, 0, 0 }, i, nscanned = 0;
	enum tl_status	 status;

	for (i = 1; i < TL_FACTOR_COUNT; i++) {
		status = factor_status(&scan->factors[i]);
		if ((size_t)status < TL_NELEM(st))
			st[status]++;
	}
	if (scan->repo != NULL)
		for (i = 0; i < scan->repo->nfiles; i++)
			if (scan->repo->files[i]->loaded)
				nscanned++;

	s = j_obj(w, root, "summary");
	j_num(w, s, "score", (double)st[TL_STATUS_PASS]);
	fs = j_obj(w, s, "factors");
	j_num(w, fs, "pass", (double)st[TL_STATUS_PASS]);
	j_num(w, fs, "warn", (double)st[TL_STATUS_WARN]);
	j_num(w, fs, "fail", (double)st[TL_STATUS_FAIL]);
	j_num(w, fs, "not_applicable", (double)st[TL_STATUS_NA]);
	j_counts(w, s, "findings", scan->counts);
	j_num(w, s, "suppressed", (double)scan->nsuppressed);
	j_num(w, s, "files_scanned", (double)nscanned);
	j_num(w, s, "duration_ms", (double)scan->duration_ms);
	j_num(w, s, "exit_code", (double)scan->exit_code);
}

static void
j_factors(struct jw *w, cJSON *root, const struct tl_scan *scan)
{
	const struct tl_factor_result	*fr;
	const struct tl_factor_info	*info;
	enum tl_status			 status;
	cJSON				*arr, *o, *ev;
	size_t				 i;
	int				 n;

	arr = j_arr(w, root, "factors");
	for (n = 1; n < TL_FACTOR_COUNT; n++) {
		fr = &scan->factors[n];
		info = fr->info != NULL ? fr->info : tl_factor_get(n);
		status = factor_status(fr);
		o = j_obj(w, arr, NULL);
		j_num(w, o, "number", info->number);
		j_str(w, o, "numeral", info->numeral);
		j_str(w, o, "slug", info->slug);
		j_str(w, o, "name", info->name);
		j_str(w, o, "status", tl_status_name(status));
		ev = j_arr(w, o, "evidence");
		for (i = 0; i < fr->evidence.len; i++)
			j_str(w, ev, NULL, fr->evidence.items[i]);
		j_counts(w, o, "findings", fr->counts);
		if (status != TL_STATUS_NA)
			continue;
		if (fr->reason != NULL)
			j_str(w, o, "reason", fr->reason);
		else
			j_str(w, o, "reason", fr->selected ?
			    "nothing in the repository bears on this factor" :
			    "not selected");
	}
}

static void
j_finding(struct jw *w, cJSON *arr, const struct tl_finding *f)
{
	const struct tl_factor_info	*info;
	cJSON				*o;

	info = tl_factor_get(f->rule->factor);
	o = j_obj(w, arr, NULL);
	j_str(w, o, "rule", f->rule->id);
	j_num(w, o, "factor", f->rule->factor);
	j_str(w, o, "severity", tl_severity_name(f->severity));
	j_str(w, o, "title", f->rule->summary != NULL ? f->rule->summary : "");
	j_str(w, o, "message", f->message != NULL ? f->message : "");
	j_str(w, o, "path", f->path != NULL ? f->path : "");
	j_num(w, o, "line", f->line);
	j_num(w, o, "column", f->column);
	if (f->end_line != 0)
		j_num(w, o, "end_line", f->end_line);
	if (f->snippet != NULL)
		j_str(w, o, "snippet", f->snippet);
	j_str(w, o, "fingerprint", f->fingerprint);
	j_str(w, o, "help", info != NULL ? info->url : "https://12factor.net/");
	if (f->suppressed != NULL)
		j_str(w, o, "reason", f->suppressed);
}

static void
j_findings(struct jw *w, cJSON *root, const struct tl_scan *scan,
    int suppressed)
{
	const struct tl_finding	*f;
	cJSON			*arr;
	size_t			 i;

	arr = j_arr(w, root, suppressed ? "suppressed" : "findings");
	for (i = 0; i < scan->findings.len; i++) {
		f = scan->findings.items[i];
		if ((f->suppressed != NULL) == suppressed)
			j_finding(w, arr, f);
	}
}

static void
j_skipped(struct jw *w, cJSON *root, const struct tl_repo *repo)
{
	const struct tl_skip	*sk;
	cJSON			*arr, *o;
	size_t			 i;

	arr = j_arr(w, root, "skipped");
	if (repo == NULL)
		return;
	for (i = 0; i < repo->skipped.len; i++) {
		sk = repo->skipped.items[i];
		o = j_obj(w, arr, NULL);
		j_str(w, o, "path", sk->path);
		j_str(w, o, "reason", sk->reason);
	}
}

int
tl_out_json(FILE *fp, const struct tl_scan *scan,
    const struct tl_out_opts *opts)
{
	struct jw	 w = { 0 };
	cJSON		*root, *tool;
	char		*text = NULL;
	int		 error = 0;

	(void)opts;	/* the JSON report has no variants */
	if ((root = cJSON_CreateObject()) == NULL)
		w.failed = 1;
	j_num(&w, root, "schema_version", TL_JSON_SCHEMA_VERSION);
	tool = j_obj(&w, root, "tool");
	j_str(&w, tool, "name", "twelvelint");
	j_str(&w, tool, "version", TL_VERSION);
	j_target(&w, root, scan);
	j_summary(&w, root, scan);
	j_factors(&w, root, scan);
	j_findings(&w, root, scan, 0);
	j_findings(&w, root, scan, 1);
	j_skipped(&w, root, scan->repo);

	if (w.failed || (text = cJSON_Print(root)) == NULL) {
		tl_error_set("cannot build the JSON report: out of memory");
		error = TL_ERR;
		goto out;
	}
	if (fputs(text, fp) == EOF || fputc('\n', fp) == EOF ||
	    fflush(fp) != 0 || ferror(fp)) {
		tl_error_set("cannot write the report: %s", strerror(errno));
		error = TL_EIO;
	}
out:
	cJSON_free(text);
	cJSON_Delete(root);
	return error;
}
