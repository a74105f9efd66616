/*
 * out_text.c: the human-readable report (--format text, the default).
 *
 * Layout, top to bottom (nothing but finding lines with opts->quiet):
 *
 *	Engine                               (1 error)
 *	broken.yml:3:7: error[TF0001] unparsable file: mapping values ...
 *	I     Codebase                pass   (1 file examined, 1 info)
 *	.: info[TF0101] no remote configured: no remote named 'origin'
 *	III   Config                  fail   (4 files examined, 2 errors)
 *	src/app.py:12:5: error[TF0301] secret in source: AWS access key ...
 *	VII   Port binding            not applicable: no Procfile ...
 *	score 8/12; 2 errors, 0 warnings, 1 info; 1 suppressed; 123 files
 *	scanned in 45 ms
 *
 * (the summary is one line).
 *
 * - The "Engine" block (factor 0 findings: TF0001 …) comes first and only
 *   when it has findings; then one header per selected factor, in order:
 *   numeral, name, status and "(N files examined, counts)", or for a
 *   factor that is not applicable "not applicable: REASON".
 * - Finding lines are not indented, so that every one of them is exactly
 *   `path:line:col: severity[ID] summary: detail` as editors, grep and
 *   the golden tests read it, and -q prints the very same lines.  Column 0
 *   (unknown) gives `path:line: …`, line 0 gives `path: …`, and a
 *   repository-wide finding (empty path) is printed with the path ".".
 * - Suppressed findings are not printed, only counted in the summary.
 * - The summary line: score (passing factors out of the selected ones),
 *   unsuppressed findings by severity, "N suppressed" when there are any,
 *   and how many files were scanned in how long.
 * - Verbose adds the target and its git facts at the top, each factor's
 *   evidence ("examined PATH") under its header, each finding's snippet
 *   ("| TEXT") under it, and a "Skipped" block with the reasons.
 * - Colour (ANSI) marks status and severity words only.
 *
 * Every string that comes from the scanned tree or from a rule file (path,
 * rule id and summary, message, snippet, reasons, git facts) goes through
 * tl_buf_add_escaped(): a file name must never drive the terminal.
 *
 * The report is built in one buffer and written at the end; nothing here
 * keeps a pointer into the scan.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "twelvelint/model.h"

#define C_RESET		"\033[0m"
#define C_RED		"\033[31m"
#define C_GREEN		"\033[32m"
#define C_YELLOW	"\033[33m"
#define C_DIM		"\033[2m"
#define C_BRED		"\033[1;31m"
#define C_BYELLOW	"\033[1;33m"
#define C_BCYAN		"\033[1;36m"

/* Widths of the numeral, name and status columns of a header line. */
#define W_NUMERAL	6
#define W_NAME		24
#define W_STATUS	7

static void
add_esc(struct tl_buf *b, const char *s)
{
	if (s != NULL)
		tl_buf_add_escaped(b, s, strlen(s));
}

static void
add_pad(struct tl_buf *b, size_t used, size_t width)
{
	do
		tl_buf_addc(b, ' ');
	while (++used < width);
}

/* A word in colour (when asked), padded to width (0: no padding). */
static void
add_word(struct tl_buf *b, const char *word, const char *color, int on,
    size_t width)
{
	if (on && color != NULL)
		tl_buf_addf(b, "%s%s%s", color, word, C_RESET);
	else
		tl_buf_adds(b, word);
	if (width > 0)
		add_pad(b, strlen(word), width);
}

static const char *
severity_color(enum tl_severity s)
{
	switch (s) {
	case TL_SEV_ERROR:
		return C_BRED;
	case TL_SEV_WARNING:
		return C_BYELLOW;
	case TL_SEV_INFO:
		return C_BCYAN;
	default:
		return NULL;
	}
}

static const char *
status_color(enum tl_status s)
{
	switch (s) {
	case TL_STATUS_PASS:
		return C_GREEN;
	case TL_STATUS_WARN:
		return C_YELLOW;
	case TL_STATUS_FAIL:
		return C_RED;
	default:
		return C_DIM;
	}
}

/* "2 errors", "1 warning", "3 info". */
static void
add_count(struct tl_buf *b, size_t n, enum tl_severity s)
{
	tl_buf_addf(b, "%zu %s%s", n, tl_severity_name(s),
	    n != 1 && s != TL_SEV_INFO ? "s" : "");
}

/* ", 2 errors, 1 warning" for the non-zero counts only. */
static void
add_nonzero_counts(struct tl_buf *b, const size_t counts[4], int first)
{
	int	 s;

	for (s = TL_SEV_ERROR; s >= TL_SEV_INFO; s--) {
		if (counts[s] == 0)
			continue;
		if (!first)
			tl_buf_adds(b, ", ");
		add_count(b, counts[s], (enum tl_severity)s);
		first = 0;
	}
}

/*
 * One finding: `path:line:col: severity[ID] summary: detail`, and in
 * verbose mode its snippet on the next line.
 */
static void
text_finding(struct tl_buf *b, const struct tl_finding *f,
    const struct tl_out_opts *o)
{
	const char	*summary, *snip;

	add_esc(b, f->path != NULL && f->path[0] != '\0' ? f->path : ".");
	if (f->line > 0) {
		tl_buf_addf(b, ":%u", f->line);
		if (f->column > 0)
			tl_buf_addf(b, ":%u", f->column);
	}
	tl_buf_adds(b, ": ");
	add_word(b, tl_severity_name(f->severity),
	    severity_color(f->severity), o->color, 0);
	tl_buf_addc(b, '[');
	add_esc(b, f->rule->id);
	tl_buf_adds(b, "] ");
	summary = f->rule->summary;
	if (summary != NULL && summary[0] != '\0') {
		add_esc(b, summary);
		if (f->message != NULL && f->message[0] != '\0')
			tl_buf_adds(b, ": ");
	}
	add_esc(b, f->message);
	tl_buf_addc(b, '\n');

	if (o->verbose && !o->quiet && f->snippet != NULL) {
		snip = f->snippet;
		while (*snip == ' ' || *snip == '\t')
			snip++;
		if (*snip != '\0') {
			tl_buf_adds(b, "      | ");
			add_esc(b, snip);
			tl_buf_addc(b, '\n');
		}
	}
}

static void
text_findings(struct tl_buf *b, const struct tl_scan *scan, int n,
    const struct tl_out_opts *o)
{
	const struct tl_finding	*f;
	size_t			 i;

	for (i = 0; i < scan->findings.len; i++) {
		f = scan->findings.items[i];
		if (f->suppressed == NULL && tl_out_block(f, n))
			text_finding(b, f, o);
	}
}

static void
text_engine(struct tl_buf *b, const struct tl_scan *scan,
    const struct tl_out_opts *o)
{
	const struct tl_finding	*f;
	size_t			 counts[4] = { 0, 0, 0, 0 }, i, total = 0;

	for (i = 0; i < scan->findings.len; i++) {
		f = scan->findings.items[i];
		if (f->suppressed != NULL || !tl_out_block(f, 0))
			continue;
		if ((size_t)f->severity < TL_NELEM(counts))
			counts[f->severity]++;
		total++;
	}
	if (total == 0)
		return;
	if (!o->quiet) {
		tl_buf_adds(b, "Engine");
		add_pad(b, strlen("Engine"), W_NUMERAL + W_NAME + W_STATUS);
		tl_buf_addc(b, '(');
		add_nonzero_counts(b, counts, 1);
		tl_buf_adds(b, ")\n");
	}
	text_findings(b, scan, 0, o);
}

static void
text_factor(struct tl_buf *b, const struct tl_scan *scan, int n,
    const struct tl_out_opts *o)
{
	const struct tl_factor_result	*fr = &scan->factors[n];
	const struct tl_factor_info	*info;
	size_t				 i;

	if (!o->quiet) {
		info = fr->info != NULL ? fr->info : tl_factor_get(n);
		tl_buf_addf(b, "%-*s %-*s ", W_NUMERAL - 1, info->numeral,
		    W_NAME - 1, info->name);
		if (fr->status == TL_STATUS_NA) {
			add_word(b, "not applicable", status_color(fr->status),
			    o->color, 0);
			tl_buf_adds(b, ": ");
			add_esc(b, fr->reason != NULL ? fr->reason :
			    "nothing in the repository bears on this factor");
		} else {
			add_word(b, tl_status_name(fr->status),
			    status_color(fr->status), o->color, W_STATUS);
			tl_buf_addf(b, "(%zu file%s examined", fr->evidence.len,
			    fr->evidence.len == 1 ? "" : "s");
			add_nonzero_counts(b, fr->counts, 0);
			tl_buf_addc(b, ')');
		}
		tl_buf_addc(b, '\n');
		if (o->verbose)
			for (i = 0; i < fr->evidence.len; i++) {
				tl_buf_adds(b, "      examined ");
				add_esc(b, fr->evidence.items[i]);
				tl_buf_addc(b, '\n');
			}
	}
	text_findings(b, scan, n, o);
}

/* Verbose: the target and its git facts. */
static void
text_target(struct tl_buf *b, const struct tl_scan *scan)
{
	const struct tl_repo	*repo = scan->repo;
	const struct tl_git	*g;

	tl_buf_adds(b, "target ");
	if (repo != NULL && repo->root != NULL)
		add_esc(b, repo->root);
	else if (scan->opts != NULL && scan->opts->target != NULL)
		add_esc(b, scan->opts->target);
	else
		tl_buf_addc(b, '.');
	tl_buf_addc(b, '\n');
	if (repo == NULL || !repo->git.is_repo) {
		tl_buf_adds(b, "git    not a repository\n");
		return;
	}
	g = &repo->git;
	tl_buf_adds(b, "git    ");
	if (g->branch != NULL) {
		tl_buf_adds(b, "branch ");
		add_esc(b, g->branch);
	} else
		tl_buf_adds(b, "detached");
	if (g->head != NULL) {
		tl_buf_adds(b, " at ");
		add_esc(b, g->head);
	} else
		tl_buf_adds(b, ", no commits");
	if (g->remote != NULL) {
		tl_buf_adds(b, ", remote ");
		add_esc(b, g->remote);
	}
	tl_buf_adds(b, g->dirty ? ", dirty\n" : ", clean\n");
}

/* Verbose: the files that were skipped, with the reason. */
static void
text_skipped(struct tl_buf *b, const struct tl_repo *repo)
{
	const struct tl_skip	*sk;
	size_t			 i;

	if (repo == NULL || repo->skipped.len == 0)
		return;
	tl_buf_adds(b, "Skipped");
	add_pad(b, strlen("Skipped"), W_NUMERAL + W_NAME + W_STATUS);
	tl_buf_addf(b, "(%zu file%s)\n", repo->skipped.len,
	    repo->skipped.len == 1 ? "" : "s");
	for (i = 0; i < repo->skipped.len; i++) {
		sk = repo->skipped.items[i];
		tl_buf_adds(b, "      ");
		add_esc(b, sk->path);
		tl_buf_adds(b, ": ");
		add_esc(b, sk->reason);
		tl_buf_addc(b, '\n');
	}
}

static void
text_summary(struct tl_buf *b, const struct tl_scan *scan)
{
	size_t	 i, nsel = 0, npass = 0, nscanned = 0;

	for (i = 1; i < TL_FACTOR_COUNT; i++) {
		if (!scan->factors[i].selected)
			continue;
		nsel++;
		if (scan->factors[i].status == TL_STATUS_PASS)
			npass++;
	}
	if (scan->repo != NULL)
		for (i = 0; i < scan->repo->nfiles; i++)
			if (scan->repo->files[i]->loaded)
				nscanned++;
	tl_buf_addf(b, "score %zu/%zu; ", npass, nsel);
	add_count(b, scan->counts[TL_SEV_ERROR], TL_SEV_ERROR);
	tl_buf_adds(b, ", ");
	add_count(b, scan->counts[TL_SEV_WARNING], TL_SEV_WARNING);
	tl_buf_adds(b, ", ");
	add_count(b, scan->counts[TL_SEV_INFO], TL_SEV_INFO);
	if (scan->nsuppressed > 0)
		tl_buf_addf(b, "; %zu suppressed", scan->nsuppressed);
	tl_buf_addf(b, "; %zu file%s scanned in %ld ms\n", nscanned,
	    nscanned == 1 ? "" : "s", scan->duration_ms);
}

int
tl_out_text(FILE *fp, const struct tl_scan *scan,
    const struct tl_out_opts *opts)
{
	static const struct tl_out_opts	 defaults = { 0, 0, 0 };
	struct tl_buf			 b = TL_BUF_INIT;
	int				 n, error = 0;

	if (opts == NULL)
		opts = &defaults;
	if (opts->verbose && !opts->quiet)
		text_target(&b, scan);
	text_engine(&b, scan, opts);
	for (n = 1; n < TL_FACTOR_COUNT; n++)
		if (scan->factors[n].selected)
			text_factor(&b, scan, n, opts);
	if (!opts->quiet) {
		if (opts->verbose)
			text_skipped(&b, scan->repo);
		text_summary(&b, scan);
	}

	if (b.len > 0 && fwrite(b.data, 1, b.len, fp) != b.len)
		error = TL_EIO;
	if (fflush(fp) != 0 || ferror(fp))
		error = TL_EIO;
	if (error != 0)
		tl_error_set("cannot write the report: %s", strerror(errno));
	tl_buf_release(&b);
	return error;
}
