/*
 * out_github.c: GitHub Actions workflow commands (--format github), one
 * per finding, which the runner turns into annotations on the pull
 * request's files:
 *
 *	::error file=src/app.py,line=12,col=5,title=TF0301 hard-coded secret::AWS access key …
 *
 * Decisions:
 * - error, warning, and notice for info.  Suppressed findings are not
 *   annotated.  A repository-wide finding has no file; a finding with no
 *   line has no line.  Paths are tl_out_path()'s: relative to where
 *   twelvelint ran, which in a workflow is the checkout.
 * - Escaping as the runner decodes it: the message escapes %, CR and LF
 *   (%25, %0D, %0A); property values (file, title) also : and , (%3A,
 *   %2C).  Control characters are first made visible (\xHH) by
 *   tl_escape(), so nothing from the tree can end a command early or
 *   start one.
 * - A last plain line (not a command) gives the summary for the log.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "twelvelint/model.h"

/* Append s escaped for a command's data (prop 0) or a property (1). */
static void
gh_add(struct tl_buf *b, const char *s, int prop)
{
	char		*e = tl_escape(s);
	const char	*p;

	for (p = e; *p != '\0'; p++) {
		if (*p == '%')
			tl_buf_adds(b, "%25");
		else if (*p == '\r')
			tl_buf_adds(b, "%0D");
		else if (*p == '\n')
			tl_buf_adds(b, "%0A");
		else if (prop && *p == ':')
			tl_buf_adds(b, "%3A");
		else if (prop && *p == ',')
			tl_buf_adds(b, "%2C");
		else
			tl_buf_addc(b, *p);
	}
	free(e);
}

static const char *
command(enum tl_severity s)
{
	switch (s) {
	case TL_SEV_ERROR:
		return "error";
	case TL_SEV_WARNING:
		return "warning";
	default:
		return "notice";
	}
}

int
tl_out_github(FILE *fp, const struct tl_scan *scan,
    const struct tl_out_opts *opts)
{
	const struct tl_finding	*f;
	struct tl_buf		 b = TL_BUF_INIT, title = TL_BUF_INIT;
	char			*path;
	size_t			 i, score = 0;
	int			 n, error = 0;

	(void)opts;
	for (i = 0; i < scan->findings.len; i++) {
		f = scan->findings.items[i];
		if (f->suppressed != NULL)
			continue;
		tl_buf_addf(&b, "::%s ", command(f->severity));
		path = tl_out_path(scan, f->path);
		if (*path != '\0') {
			tl_buf_adds(&b, "file=");
			gh_add(&b, path, 1);
			tl_buf_adds(&b, ",");
			if (f->line > 0)
				tl_buf_addf(&b, "line=%u,", f->line);
			if (f->line > 0 && f->end_line > f->line)
				tl_buf_addf(&b, "endLine=%u,", f->end_line);
			if (f->line > 0 && f->column > 0)
				tl_buf_addf(&b, "col=%u,", f->column);
		}
		free(path);
		tl_buf_addf(&title, "%s %s", f->rule->id, f->rule->summary);
		tl_buf_adds(&b, "title=");
		gh_add(&b, tl_buf_str(&title), 1);
		tl_buf_release(&title);
		tl_buf_adds(&b, "::");
		gh_add(&b, f->message != NULL ? f->message : "", 0);
		tl_buf_adds(&b, "\n");
	}
	for (n = 1; n < TL_FACTOR_COUNT; n++)
		score += tl_out_status(&scan->factors[n]) == TL_STATUS_PASS;
	tl_buf_addf(&b, "twelvelint: score %zu/12; %zu errors, %zu warnings, "
	    "%zu info; %zu suppressed\n", score, scan->counts[TL_SEV_ERROR],
	    scan->counts[TL_SEV_WARNING], scan->counts[TL_SEV_INFO],
	    scan->nsuppressed);
	if (fwrite(b.data, 1, b.len, fp) != b.len || fflush(fp) != 0) {
		tl_error_set("cannot write the annotations: %s",
		    strerror(errno));
		error = TL_EIO;
	}
	tl_buf_release(&b);
	return error;
}
