/*
 * out_sarif.c: the SARIF 2.1.0 report (--format sarif) for code scanning
 * (GitHub, GitLab, Azure DevOps, the SARIF viewers).
 *
 * Decisions:
 * - One run.  driver.rules lists every rule the scan selected, in id
 *   order, with its name, summary (shortDescription), rationale
 *   (fullDescription), fix (help, also as Markdown with the see-also ids),
 *   the factor's 12factor.net page (helpUri), default level and tags
 *   (twelve-factor, the factor's numeral and slug).  Every result names
 *   its rule by ruleId and ruleIndex.
 * - Levels: error, warning, and note for info.
 * - A location is always given, as GitHub requires one: the path relative
 *   to the target, prefixed with the target when that is a relative
 *   directory (tl_out_path(): %SRCROOT% is where twelvelint ran, the
 *   checkout), percent-encoded, with uriBaseId %SRCROOT%; a region with
 *   startLine >= 1 (line 1 when the finding has no line: an absence), the
 *   column when known, and the redacted snippet.  A repository-wide finding
 *   (no path: no remote, not a repository …) points at the README, or the
 *   first file of the repository, line 1.  Columns are the byte columns
 *   the other formats print: the same as UTF-16 code units (columnKind)
 *   on ASCII lines, further right than they should be after non-ASCII
 *   text on the same line.
 * - partialFingerprints "twelvelint/v1" is the finding's fingerprint: rule,
 *   path and normalised evidence, no line, so an alert survives an edit
 *   above it.
 * - Suppressed findings are results with a suppression (inSource for a
 *   comment or template Metadata, external for the configuration or a
 *   baseline) and the reason as its justification.
 * - invocations[0]: executionSuccessful (no rule ended in error), the exit
 *   code, and notifications for skipped files and rules that failed.
 * - run.properties: the score and each factor's status, for dashboards.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "twelvelint/jsonw.h"
#include "twelvelint/model.h"

#define SARIF_SCHEMA \
	"https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

/* The selected rules, in id order: a result's ruleIndex is its place here. */
struct rule_list {
	const struct tl_rule	**v;	/* owned array; rules borrowed */
	size_t			  n;
};

static void
rules_collect(struct rule_list *out, const struct tl_scan *scan)
{
	size_t	 i;

	out->v = tl_calloc(scan->nstates + 1, sizeof(*out->v));
	out->n = 0;
	for (i = 0; i < scan->nstates; i++)
		if (scan->states[i].selected)
			out->v[out->n++] = scan->states[i].rule;
}

static long
rules_index(const struct rule_list *rl, const struct tl_rule *r)
{
	size_t	 i;

	for (i = 0; i < rl->n; i++)
		if (rl->v[i] == r)
			return (long)i;
	return -1;
}

static const char *
level(enum tl_severity s)
{
	switch (s) {
	case TL_SEV_ERROR:
		return "error";
	case TL_SEV_WARNING:
		return "warning";
	default:
		return "note";
	}
}

/*
 * A path as the relative URI reference code scanning resolves against the
 * checkout (tl_out_path()): unreserved characters and '/' kept.
 */
static char *
uri_encode(const struct tl_scan *scan, const char *path)
{
	static const char	 hex[] = "0123456789ABCDEF";
	struct tl_buf		 b = TL_BUF_INIT;
	const unsigned char	*p;
	char			 esc[3], *full = tl_out_path(scan, path);

	for (p = (const unsigned char *)full; *p != '\0'; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~/", *p) != NULL) {
			tl_buf_add(&b, (const char *)p, 1);
			continue;
		}
		esc[0] = '%';
		esc[1] = hex[*p >> 4];
		esc[2] = hex[*p & 0xf];
		tl_buf_add(&b, esc, 3);
	}
	free(full);
	return tl_buf_detach(&b);
}

/* Where a repository-wide finding points: the README, else the first file. */
static const char *
anchor_path(const struct tl_repo *repo)
{
	static const char *const readmes[] = {
		"README.md", "README", "README.rst", "README.txt", "readme.md"
	};
	size_t	 i;

	if (repo == NULL || repo->nfiles == 0)
		return NULL;
	for (i = 0; i < TL_NELEM(readmes); i++)
		if (tl_repo_file(repo, readmes[i]) != NULL)
			return readmes[i];
	return repo->files[0]->path;
}

static void
s_text(struct tl_jw *w, cJSON *parent, const char *key, const char *text)
{
	tl_jw_str(w, tl_jw_obj(w, parent, key), "text", text);
}

static void
s_rule(struct tl_jw *w, cJSON *arr, const struct tl_rule *r)
{
	const struct tl_factor_info	*fi = tl_factor_get(r->factor);
	struct tl_buf			 md = TL_BUF_INIT;
	cJSON				*o, *help, *props, *tags;

	o = tl_jw_obj(w, arr, NULL);
	tl_jw_str(w, o, "id", r->id);
	tl_jw_str(w, o, "name", r->name);
	s_text(w, o, "shortDescription", r->summary);
	s_text(w, o, "fullDescription", r->rationale != NULL ? r->rationale :
	    r->summary);
	help = tl_jw_obj(w, o, "help");
	tl_jw_str(w, help, "text", r->fix != NULL ? r->fix : r->summary);
	tl_buf_addf(&md, "**Fix.** %s", r->fix != NULL ? r->fix : r->summary);
	if (r->see_also != NULL)
		tl_buf_addf(&md, "\n\n**See also:** %s", r->see_also);
	if (fi != NULL)
		tl_buf_addf(&md, "\n\nFactor %s, [%s](%s).", fi->numeral,
		    fi->name, fi->url);
	tl_jw_str(w, help, "markdown", tl_buf_str(&md));
	tl_buf_release(&md);
	tl_jw_str(w, o, "helpUri", fi != NULL ? fi->url :
	    "https://12factor.net/");
	tl_jw_str(w, tl_jw_obj(w, o, "defaultConfiguration"), "level",
	    level(r->severity));
	props = tl_jw_obj(w, o, "properties");
	tags = tl_jw_arr(w, props, "tags");
	tl_jw_str(w, tags, NULL, "twelve-factor");
	if (fi != NULL) {
		tl_jw_str(w, tags, NULL, fi->slug);
		tl_buf_addf(&md, "factor-%s", fi->numeral);
		tl_jw_str(w, tags, NULL, tl_buf_str(&md));
		tl_buf_release(&md);
	}
}

static void
s_location(struct tl_jw *w, cJSON *result, const struct tl_scan *scan,
    const struct tl_finding *f, const char *anchor)
{
	const char	*path = f->path != NULL && *f->path != '\0' ? f->path :
			    anchor;
	cJSON		*phys, *art, *region;
	char		*uri;

	if (path == NULL)
		return;
	phys = tl_jw_obj(w, tl_jw_obj(w, tl_jw_arr(w, result, "locations"),
	    NULL), "physicalLocation");
	art = tl_jw_obj(w, phys, "artifactLocation");
	uri = uri_encode(scan, path);
	tl_jw_str(w, art, "uri", uri);
	free(uri);
	tl_jw_str(w, art, "uriBaseId", "%SRCROOT%");
	region = tl_jw_obj(w, phys, "region");
	tl_jw_num(w, region, "startLine", path == f->path && f->line > 0 ?
	    f->line : 1);
	if (path != f->path)
		return;
	if (f->column > 0)
		tl_jw_num(w, region, "startColumn", f->column);
	if (f->end_line > f->line && f->line > 0)
		tl_jw_num(w, region, "endLine", f->end_line);
	if (f->snippet != NULL)
		s_text(w, region, "snippet", f->snippet);
}

static void
s_result(struct tl_jw *w, cJSON *arr, const struct tl_scan *scan,
    const struct tl_finding *f, const struct rule_list *rl,
    const char *anchor)
{
	struct tl_buf	 msg = TL_BUF_INIT;
	cJSON		*o, *sup;
	long		 idx = rules_index(rl, f->rule);

	o = tl_jw_obj(w, arr, NULL);
	tl_jw_str(w, o, "ruleId", f->rule->id);
	if (idx >= 0)
		tl_jw_num(w, o, "ruleIndex", (double)idx);
	tl_jw_str(w, o, "level", level(f->severity));
	tl_buf_addf(&msg, "%s: %s", f->rule->summary,
	    f->message != NULL ? f->message : "");
	s_text(w, o, "message", tl_buf_str(&msg));
	tl_buf_release(&msg);
	s_location(w, o, scan, f, anchor);
	tl_jw_str(w, tl_jw_obj(w, o, "partialFingerprints"), "twelvelint/v1",
	    f->fingerprint);
	if (f->suppressed == NULL)
		return;
	sup = tl_jw_obj(w, tl_jw_arr(w, o, "suppressions"), NULL);
	tl_jw_str(w, sup, "kind", strncmp(f->suppressed, "config", 6) == 0 ||
	    strncmp(f->suppressed, "baseline", 8) == 0 ? "external" :
	    "inSource");
	tl_jw_str(w, sup, "justification", f->suppressed);
}

static void
s_notification(struct tl_jw *w, cJSON *arr, const struct tl_scan *scan,
    const char *lvl, const char *path, const char *text)
{
	cJSON	*o, *loc;
	char	*uri;

	o = tl_jw_obj(w, arr, NULL);
	tl_jw_str(w, o, "level", lvl);
	s_text(w, o, "message", text);
	if (path == NULL)
		return;
	loc = tl_jw_obj(w, tl_jw_obj(w, tl_jw_arr(w, o, "locations"), NULL),
	    "physicalLocation");
	loc = tl_jw_obj(w, loc, "artifactLocation");
	uri = uri_encode(scan, path);
	tl_jw_str(w, loc, "uri", uri);
	free(uri);
	tl_jw_str(w, loc, "uriBaseId", "%SRCROOT%");
}

static void
s_invocation(struct tl_jw *w, cJSON *run, const struct tl_scan *scan)
{
	const struct tl_skip	*sk;
	struct tl_buf		 b = TL_BUF_INIT;
	cJSON			*inv, *notes;
	size_t			 i;
	int			 ok = 1;

	inv = tl_jw_obj(w, tl_jw_arr(w, run, "invocations"), NULL);
	notes = tl_jw_arr(w, inv, "toolExecutionNotifications");
	for (i = 0; i < scan->nstates; i++) {
		if (scan->states[i].outcome != TL_OUTCOME_ERROR)
			continue;
		ok = 0;
		tl_buf_addf(&b, "rule %s failed: %s", scan->states[i].rule->id,
		    scan->states[i].reason != NULL ? scan->states[i].reason :
		    "internal error");
		s_notification(w, notes, scan, "error", NULL, tl_buf_str(&b));
		tl_buf_release(&b);
	}
	for (i = 0; scan->repo != NULL && i < scan->repo->skipped.len; i++) {
		sk = scan->repo->skipped.items[i];
		tl_buf_addf(&b, "skipped: %s", sk->reason);
		s_notification(w, notes, scan, "note", sk->path, tl_buf_str(&b));
		tl_buf_release(&b);
	}
	tl_jw_bool(w, inv, "executionSuccessful", ok);
	tl_jw_num(w, inv, "exitCode", scan->exit_code);
}

static void
s_properties(struct tl_jw *w, cJSON *run, const struct tl_scan *scan)
{
	const struct tl_factor_result	*fr;
	cJSON				*props, *arr, *o;
	int				 n, score = 0;

	props = tl_jw_obj(w, run, "properties");
	arr = tl_jw_arr(w, props, "factors");
	for (n = 1; n < TL_FACTOR_COUNT; n++) {
		fr = &scan->factors[n];
		o = tl_jw_obj(w, arr, NULL);
		tl_jw_str(w, o, "numeral", tl_factor_get(n)->numeral);
		tl_jw_str(w, o, "slug", tl_factor_get(n)->slug);
		tl_jw_str(w, o, "status", tl_status_name(tl_out_status(fr)));
		score += fr->selected && fr->status == TL_STATUS_PASS;
	}
	tl_jw_num(w, props, "score", score);
}

int
tl_out_sarif(FILE *fp, const struct tl_scan *scan,
    const struct tl_out_opts *opts)
{
	struct tl_jw	 w = { 0 };
	struct rule_list rl;
	const char	*anchor = anchor_path(scan->repo);
	cJSON		*root, *run, *driver, *rules, *results;
	size_t		 i;

	(void)opts;
	rules_collect(&rl, scan);
	if ((root = cJSON_CreateObject()) == NULL)
		w.failed = 1;
	tl_jw_str(&w, root, "$schema", SARIF_SCHEMA);
	tl_jw_str(&w, root, "version", "2.1.0");
	run = tl_jw_obj(&w, tl_jw_arr(&w, root, "runs"), NULL);
	driver = tl_jw_obj(&w, tl_jw_obj(&w, run, "tool"), "driver");
	tl_jw_str(&w, driver, "name", "twelvelint");
	tl_jw_str(&w, driver, "version", TL_VERSION);
	tl_jw_str(&w, driver, "semanticVersion", TL_VERSION);
	rules = tl_jw_arr(&w, driver, "rules");
	for (i = 0; i < rl.n; i++)
		s_rule(&w, rules, rl.v[i]);
	s_invocation(&w, run, scan);
	results = tl_jw_arr(&w, run, "results");
	for (i = 0; i < scan->findings.len; i++)
		s_result(&w, results, scan, scan->findings.items[i], &rl,
		    anchor);
	tl_jw_str(&w, run, "columnKind", "utf16CodeUnits");
	s_properties(&w, run, scan);
	free(rl.v);
	return tl_jw_write(fp, &w, root, "SARIF");
}
