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
 *   characters, and bytes that are not valid UTF-8 (a file name is just
 *   bytes) become U+FFFD (jsonw.h), so the report is always valid JSON.
 *
 * cJSON builds the tree; it allocates with malloc, so every addition is
 * checked (a sticky flag in struct tl_jw) and a failure is reported once at
 * the end.  Nothing here keeps a pointer into the scan.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "twelvelint/jsonw.h"
#include "twelvelint/model.h"

#define TL_JSON_SCHEMA_VERSION	1

static void
j_counts(struct tl_jw *w, cJSON *parent, const char *key, const size_t c[4])
{
	cJSON	*o;

	o = tl_jw_obj(w, parent, key);
	tl_jw_num(w, o, "error", (double)c[TL_SEV_ERROR]);
	tl_jw_num(w, o, "warning", (double)c[TL_SEV_WARNING]);
	tl_jw_num(w, o, "info", (double)c[TL_SEV_INFO]);
}

static void
j_target(struct tl_jw *w, cJSON *root, const struct tl_scan *scan)
{
	const struct tl_repo	*repo = scan->repo;
	const struct tl_git	*g;
	const char		*path = ".";
	cJSON			*t, *git;

	if (scan->opts != NULL && scan->opts->target != NULL)
		path = scan->opts->target;
	else if (repo != NULL && repo->root != NULL)
		path = repo->root;
	t = tl_jw_obj(w, root, "target");
	tl_jw_str(w, t, "path", path);
	if (repo == NULL || !repo->git.is_repo) {
		tl_jw_add(w, t, "git", cJSON_CreateNull());
		return;
	}
	g = &repo->git;
	git = tl_jw_obj(w, t, "git");
	tl_jw_str(w, git, "head", g->head);
	tl_jw_str(w, git, "branch", g->branch);
	tl_jw_str(w, git, "remote", g->remote);
	tl_jw_bool(w, git, "dirty", g->dirty);
}

static void
j_summary(struct tl_jw *w, cJSON *root, const struct tl_scan *scan)
{
	cJSON		*s, *fs;
	size_t		 st[4] = { 0, 0, 0, 0 }, i, nscanned = 0;
	enum tl_status	 status;

	for (i = 1; i < TL_FACTOR_COUNT; i++) {
		status = tl_out_status(&scan->factors[i]);
		if ((size_t)status < TL_NELEM(st))
			st[status]++;
	}
	if (scan->repo != NULL)
		for (i = 0; i < scan->repo->nfiles; i++)
			if (scan->repo->files[i]->loaded)
				nscanned++;

	s = tl_jw_obj(w, root, "summary");
	tl_jw_num(w, s, "score", (double)st[TL_STATUS_PASS]);
	fs = tl_jw_obj(w, s, "factors");
	tl_jw_num(w, fs, "pass", (double)st[TL_STATUS_PASS]);
	tl_jw_num(w, fs, "warn", (double)st[TL_STATUS_WARN]);
	tl_jw_num(w, fs, "fail", (double)st[TL_STATUS_FAIL]);
	tl_jw_num(w, fs, "not_applicable", (double)st[TL_STATUS_NA]);
	j_counts(w, s, "findings", scan->counts);
	tl_jw_num(w, s, "suppressed", (double)scan->nsuppressed);
	tl_jw_num(w, s, "files_scanned", (double)nscanned);
	tl_jw_num(w, s, "duration_ms", (double)scan->duration_ms);
	tl_jw_num(w, s, "exit_code", (double)scan->exit_code);
}

static void
j_factors(struct tl_jw *w, cJSON *root, const struct tl_scan *scan)
{
	const struct tl_factor_result	*fr;
	const struct tl_factor_info	*info;
	enum tl_status			 status;
	cJSON				*arr, *o, *ev;
	size_t				 i;
	int				 n;

	arr = tl_jw_arr(w, root, "factors");
	for (n = 1; n < TL_FACTOR_COUNT; n++) {
		fr = &scan->factors[n];
		info = fr->info != NULL ? fr->info : tl_factor_get(n);
		status = tl_out_status(fr);
		o = tl_jw_obj(w, arr, NULL);
		tl_jw_num(w, o, "number", info->number);
		tl_jw_str(w, o, "numeral", info->numeral);
		tl_jw_str(w, o, "slug", info->slug);
		tl_jw_str(w, o, "name", info->name);
		tl_jw_str(w, o, "status", tl_status_name(status));
		ev = tl_jw_arr(w, o, "evidence");
		for (i = 0; i < fr->evidence.len; i++)
			tl_jw_str(w, ev, NULL, fr->evidence.items[i]);
		j_counts(w, o, "findings", fr->counts);
		if (status == TL_STATUS_NA)
			tl_jw_str(w, o, "reason", tl_out_reason(fr));
	}
}

static void
j_finding(struct tl_jw *w, cJSON *arr, const struct tl_finding *f)
{
	const struct tl_factor_info	*info;
	cJSON				*o;

	info = tl_factor_get(f->rule->factor);
	o = tl_jw_obj(w, arr, NULL);
	tl_jw_str(w, o, "rule", f->rule->id);
	tl_jw_num(w, o, "factor", f->rule->factor);
	tl_jw_str(w, o, "severity", tl_severity_name(f->severity));
	tl_jw_str(w, o, "title", f->rule->summary != NULL ? f->rule->summary : "");
	tl_jw_str(w, o, "message", f->message != NULL ? f->message : "");
	tl_jw_str(w, o, "path", f->path != NULL ? f->path : "");
	tl_jw_num(w, o, "line", f->line);
	tl_jw_num(w, o, "column", f->column);
	if (f->end_line != 0)
		tl_jw_num(w, o, "end_line", f->end_line);
	if (f->snippet != NULL)
		tl_jw_str(w, o, "snippet", f->snippet);
	tl_jw_str(w, o, "fingerprint", f->fingerprint);
	tl_jw_str(w, o, "help", info != NULL ? info->url : "https://12factor.net/");
	if (f->suppressed != NULL)
		tl_jw_str(w, o, "reason", f->suppressed);
}

static void
j_findings(struct tl_jw *w, cJSON *root, const struct tl_scan *scan,
    int suppressed)
{
	const struct tl_finding	*f;
	cJSON			*arr;
	size_t			 i;

	arr = tl_jw_arr(w, root, suppressed ? "suppressed" : "findings");
	for (i = 0; i < scan->findings.len; i++) {
		f = scan->findings.items[i];
		if ((f->suppressed != NULL) == suppressed)
			j_finding(w, arr, f);
	}
}

static void
j_skipped(struct tl_jw *w, cJSON *root, const struct tl_repo *repo)
{
	const struct tl_skip	*sk;
	cJSON			*arr, *o;
	size_t			 i;

	arr = tl_jw_arr(w, root, "skipped");
	if (repo == NULL)
		return;
	for (i = 0; i < repo->skipped.len; i++) {
		sk = repo->skipped.items[i];
		o = tl_jw_obj(w, arr, NULL);
		tl_jw_str(w, o, "path", sk->path);
		tl_jw_str(w, o, "reason", sk->reason);
	}
}

int
tl_out_json(FILE *fp, const struct tl_scan *scan,
    const struct tl_out_opts *opts)
{
	struct tl_jw	 w = { 0 };
	cJSON		*root, *tool;

	(void)opts;	/* the JSON report has no variants */
	if ((root = cJSON_CreateObject()) == NULL)
		w.failed = 1;
	tl_jw_num(&w, root, "schema_version", TL_JSON_SCHEMA_VERSION);
	tool = tl_jw_obj(&w, root, "tool");
	tl_jw_str(&w, tool, "name", "twelvelint");
	tl_jw_str(&w, tool, "version", TL_VERSION);
	j_target(&w, root, scan);
	j_summary(&w, root, scan);
	j_factors(&w, root, scan);
	j_findings(&w, root, scan, 0);
	j_findings(&w, root, scan, 1);
	j_skipped(&w, root, scan->repo);

	return tl_jw_write(fp, &w, root, "JSON");
}
