/*
 * out_junit.c: the JUnit XML report (--format junit) that Jenkins, GitLab
 * (artifacts:reports:junit) and AWS CodeBuild report groups read.
 *
 *	<testsuites name="twelvelint" tests=… failures=… errors=… skipped=…>
 *	  <testsuite name="III. Config" tests=… failures=… errors=… skipped=…>
 *	    <properties> status, 12factor.net page </properties>
 *	    <testcase classname="twelvelint.III.config"
 *	        name="TF0301 hard-coded secret">
 *	      <failure type="error" message="src/app.py:12:5: …">…</failure>
 *	    </testcase>
 *	    <testcase …><skipped message="not applicable: no Dockerfile"/></testcase>
 *
 * Decisions:
 * - One testsuite per selected factor, in order, and one for the engine
 *   (TF0001 …) only when it reported something; one testcase per selected
 *   rule of the factor.
 * - A finding at or above --fail-on is a <failure> of its rule's testcase
 *   (one per finding: type is the severity, message the location and the
 *   detail, the body adds the snippet and the fix), so the test report
 *   fails exactly when the exit code does.  Findings below the threshold,
 *   and suppressed ones with their reason, are listed in the testcase's
 *   <system-out>.  A rule that is not applicable is <skipped> with the
 *   reason; a rule that failed internally is an <error>.
 * - Counts: a testcase with failures counts once in failures; tests counts
 *   testcases.  Paths are shown as tl_out_path() gives them.
 * - Every string from the tree or a rule goes through tl_buf_add_xml():
 *   valid UTF-8, no control characters (shown as \xHH), entities for
 *   & < > " '.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "twelvelint/model.h"

/* The tally of one testsuite (or of all). */
struct tally {
	size_t	 tests, failures, errors, skipped;
};

static int
fails(const struct tl_scan *scan, const struct tl_finding *f)
{
	enum tl_severity t = scan->opts != NULL ? scan->opts->fail_on :
			    TL_SEV_ERROR;

	return f->suppressed == NULL && t != TL_SEV_NONE && f->severity >= t;
}

/* "path:line:col" of a finding, as the text report shows it. */
static void
where(struct tl_buf *b, const struct tl_scan *scan, const struct tl_finding *f)
{
	char	*p = tl_out_path(scan, f->path);

	tl_buf_add_xml(b, *p != '\0' ? p : ".");
	free(p);
	if (f->line > 0)
		tl_buf_addf(b, ":%u", f->line);
	if (f->line > 0 && f->column > 0)
		tl_buf_addf(b, ":%u", f->column);
}

static void
tally_rule(struct tally *t, const struct tl_scan *scan,
    const struct tl_rule_state *st)
{
	const struct tl_finding	*f;
	size_t			 i;

	t->tests++;
	if (st->outcome == TL_OUTCOME_ERROR) {
		t->errors++;
		return;
	}
	if (st->outcome == TL_OUTCOME_NA) {
		t->skipped++;
		return;
	}
	for (i = 0; i < scan->findings.len; i++) {
		f = scan->findings.items[i];
		if (f->rule == st->rule && fails(scan, f)) {
			t->failures++;
			return;
		}
	}
}

static void
testcase(struct tl_buf *b, const struct tl_scan *scan,
    const struct tl_rule_state *st, const char *classname)
{
	const struct tl_rule	*r = st->rule;
	const struct tl_finding	*f;
	struct tl_buf		 out = TL_BUF_INIT;
	size_t			 i;

	tl_buf_addf(b, "    <testcase classname=\"");
	tl_buf_add_xml(b, classname);
	tl_buf_adds(b, "\" name=\"");
	tl_buf_add_xml(b, r->id);
	tl_buf_adds(b, " ");
	tl_buf_add_xml(b, r->summary);
	tl_buf_adds(b, "\">\n");
	if (st->outcome == TL_OUTCOME_ERROR) {
		tl_buf_adds(b, "      <error message=\"");
		tl_buf_add_xml(b, st->reason != NULL ? st->reason :
		    "internal error");
		tl_buf_adds(b, "\"/>\n");
	} else if (st->outcome == TL_OUTCOME_NA) {
		tl_buf_adds(b, "      <skipped message=\"not applicable: ");
		tl_buf_add_xml(b, st->reason != NULL ? st->reason :
		    "its inputs are absent");
		tl_buf_adds(b, "\"/>\n");
	}
	for (i = 0; i < scan->findings.len; i++) {
		f = scan->findings.items[i];
		if (f->rule != r)
			continue;
		if (!fails(scan, f)) {
			where(&out, scan, f);
			tl_buf_addf(&out, ": %s[%s] ",
			    tl_severity_name(f->severity), r->id);
			tl_buf_add_xml(&out, f->message != NULL ? f->message :
			    "");
			if (f->suppressed != NULL) {
				tl_buf_adds(&out, " (suppressed: ");
				tl_buf_add_xml(&out, f->suppressed);
				tl_buf_adds(&out, ")");
			}
			tl_buf_adds(&out, "\n");
			continue;
		}
		tl_buf_addf(b, "      <failure type=\"%s\" message=\"",
		    tl_severity_name(f->severity));
		where(b, scan, f);
		tl_buf_adds(b, ": ");
		tl_buf_add_xml(b, f->message != NULL ? f->message : "");
		tl_buf_adds(b, "\">");
		where(b, scan, f);
		tl_buf_addf(b, ": %s[%s] ", tl_severity_name(f->severity),
		    r->id);
		tl_buf_add_xml(b, r->summary);
		tl_buf_adds(b, ": ");
		tl_buf_add_xml(b, f->message != NULL ? f->message : "");
		if (f->snippet != NULL) {
			tl_buf_adds(b, "\n| ");
			tl_buf_add_xml(b, f->snippet);
		}
		if (r->fix != NULL) {
			tl_buf_adds(b, "\nFix: ");
			tl_buf_add_xml(b, r->fix);
		}
		tl_buf_adds(b, "</failure>\n");
	}
	if (out.len > 0) {
		tl_buf_adds(b, "      <system-out>");
		tl_buf_add(b, out.data, out.len);
		tl_buf_adds(b, "</system-out>\n");
	}
	tl_buf_release(&out);
	tl_buf_adds(b, "    </testcase>\n");
}

/* Does the engine (factor 0) have anything to say? */
static int
engine_reported(const struct tl_scan *scan)
{
	size_t	 i;

	for (i = 0; i < scan->findings.len; i++)
		if (((const struct tl_finding *)
		    scan->findings.items[i])->rule->factor == 0)
			return 1;
	return 0;
}

static void
testsuite(struct tl_buf *b, struct tally *all, const struct tl_scan *scan,
    int factor)
{
	const struct tl_factor_info	*fi = tl_factor_get(factor);
	struct tl_buf			 cases = TL_BUF_INIT, name = TL_BUF_INIT;
	struct tally			 t = { 0, 0, 0, 0 };
	size_t				 i;

	if (fi != NULL)
		tl_buf_addf(&name, "twelvelint.%s.%s", fi->numeral, fi->slug);
	else
		tl_buf_adds(&name, "twelvelint.engine");
	for (i = 0; i < scan->nstates; i++) {
		if (!scan->states[i].selected ||
		    scan->states[i].rule->factor != factor)
			continue;
		tally_rule(&t, scan, &scan->states[i]);
		testcase(&cases, scan, &scan->states[i], tl_buf_str(&name));
	}
	tl_buf_adds(b, "  <testsuite name=\"");
	if (fi != NULL)
		tl_buf_addf(b, "%s. %s", fi->numeral, fi->name);
	else
		tl_buf_adds(b, "Engine");
	tl_buf_addf(b, "\" tests=\"%zu\" failures=\"%zu\" errors=\"%zu\" "
	    "skipped=\"%zu\">\n", t.tests, t.failures, t.errors, t.skipped);
	if (fi != NULL) {
		tl_buf_addf(b, "    <properties>\n      <property name=\"status\" "
		    "value=\"%s\"/>\n", tl_status_name(tl_out_status(
		    &scan->factors[factor])));
		tl_buf_addf(b, "      <property name=\"url\" value=\"%s\"/>\n"
		    "    </properties>\n", fi->url);
	}
	if (cases.len > 0)
		tl_buf_add(b, cases.data, cases.len);
	tl_buf_adds(b, "  </testsuite>\n");
	tl_buf_release(&cases);
	tl_buf_release(&name);
	all->tests += t.tests;
	all->failures += t.failures;
	all->errors += t.errors;
	all->skipped += t.skipped;
}

int
tl_out_junit(FILE *fp, const struct tl_scan *scan,
    const struct tl_out_opts *opts)
{
	struct tl_buf	 suites = TL_BUF_INIT, b = TL_BUF_INIT;
	struct tally	 all = { 0, 0, 0, 0 };
	int		 n, error = 0;

	(void)opts;
	if (engine_reported(scan))
		testsuite(&suites, &all, scan, 0);
	for (n = 1; n < TL_FACTOR_COUNT; n++)
		if (scan->factors[n].selected)
			testsuite(&suites, &all, scan, n);
	tl_buf_adds(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	tl_buf_addf(&b, "<testsuites name=\"twelvelint\" tests=\"%zu\" "
	    "failures=\"%zu\" errors=\"%zu\" skipped=\"%zu\" time=\"%.3f\">\n",
	    all.tests, all.failures, all.errors, all.skipped,
	    (double)scan->duration_ms / 1000.0);
	if (suites.len > 0)
		tl_buf_add(&b, suites.data, suites.len);
	tl_buf_adds(&b, "</testsuites>\n");
	if (fwrite(b.data, 1, b.len, fp) != b.len || fflush(fp) != 0) {
		tl_error_set("cannot write the JUnit report: %s",
		    strerror(errno));
		error = TL_EIO;
	}
	tl_buf_release(&suites);
	tl_buf_release(&b);
	return error;
}
