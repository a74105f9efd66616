/*
 * out_html.c: the HTML report (--format html), one self-contained page.
 *
 * Layout, top to bottom:
 * - a header: the target (its directory name, the path as given, git
 *   branch, head, remote and whether the tree is dirty), the score
 *   (passing factors out of the selected ones, "5 / 12"), the unsuppressed
 *   findings by severity, the suppressed and skipped counts (links to
 *   their lists) and the files scanned;
 * - the twelve factors as a grid of cards: numeral, name, status as a word
 *   and a symbol (colour is never the only signal), the finding counts or,
 *   for a factor that is not applicable, the reason ("not selected" when
 *   --factor left it out); each card links to its section (#config …);
 * - the engine's findings (factor 0: TF0001 …), when there are any;
 * - a section per factor: status, counts, its page on 12factor.net, the
 *   files it examined (collapsed), and its findings grouped by rule in id
 *   order: the rule's id and summary and its fix once, then each finding
 *   with its severity, rule id, `path:line:col` (as the text report
 *   writes it: "." for the repository, no :col when it is unknown), the
 *   rule's summary and the message, and the snippet without its leading
 *   white space;
 * - the suppressed findings with their reasons and the skipped files with
 *   theirs, each in a collapsed <details>; suppressed findings are never
 *   in the main list, as in the other formats.
 *
 * The page has inline CSS and nothing else: no script, no image, no font,
 * no link but in-page anchors and the factors' pages on 12factor.net.  A
 * @media print block drops the link colours, keeps cards and findings from
 * breaking across pages and opens the collapsed sections.
 *
 * Every string that comes from the scanned tree or from a rule file (path,
 * rule id, summary and fix, message, snippet, reasons, evidence, git
 * facts) goes through h_esc(): & < > " ' become character references;
 * control characters (C0, DEL, C1) and the bidirectional overrides
 * U+202A..U+202E and U+2066..U+2069 are shown as the text writer shows
 * them (\n, \t, \r, \xHH, byte by byte) in a marked <span>, as are
 * Unicode noncharacters; a byte that is not valid UTF-8 becomes U+FFFD.
 * So the page is always well-formed UTF-8 whatever the file names are.
 *
 * The report is built in one buffer and written at the end; nothing here
 * keeps a pointer into the scan.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "twelvelint/model.h"

#define H_FFFD	"\xef\xbf\xbd"

/* How a factor status is shown: class, symbol and word. */
static const struct {
	const char	*cls;
	const char	*sym;
	const char	*word;
} statuses[] = {
	[TL_STATUS_NA] = { "na", "\xe2\x80\x93", "not applicable" },
	[TL_STATUS_PASS] = { "pass", "\xe2\x9c\x93", "pass" },
	[TL_STATUS_WARN] = { "warn", "!", "warn" },
	[TL_STATUS_FAIL] = { "fail", "\xe2\x9c\x97", "fail" },
};

static const char css[] =
":root{--fg:#1f2328;--mute:#59636e;--line:#d1d9e0;--soft:#f6f8fa;"
"--pass:#1a7f37;--warn:#9a6700;--fail:#cf222e;--na:#6e7781;"
"--info:#0969da}\n"
"*{box-sizing:border-box}\n"
"body{margin:0;color:var(--fg);background:#fff;font:15px/1.5 system-ui,"
"-apple-system,\"Segoe UI\",Roboto,\"Helvetica Neue\",Arial,sans-serif}\n"
"header,main,footer{max-width:72rem;margin:0 auto;padding:1rem 1.25rem}\n"
"code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"
"\"Liberation Mono\",monospace;font-size:.875em}\n"
"h1{font-size:1.6rem;margin:0 0 .5rem;overflow-wrap:anywhere}\n"
"h2{font-size:1.25rem;margin:0 0 .5rem}\n"
"h3{font-size:1rem;margin:0 0 .25rem;overflow-wrap:anywhere}\n"
"a{color:var(--info)}\n"
".tool,.meta,.quiet{color:var(--mute)}\n"
".tool{margin:0;font-size:.875rem}\n"
".target{display:grid;grid-template-columns:max-content 1fr;"
"gap:.125rem 1rem;margin:0 0 1rem}\n"
".target dt{color:var(--mute)}\n"
".target dd{margin:0;overflow-wrap:anywhere}\n"
".summary{display:flex;flex-wrap:wrap;align-items:baseline;"
"gap:.25rem 1.5rem;padding:.75rem 1rem;border:1px solid var(--line);"
"border-radius:6px}\n"
".score{margin:0;font-size:1.1rem}\n"
".score strong{font-size:2rem}\n"
".counts{list-style:none;display:flex;flex-wrap:wrap;gap:.25rem 1rem;"
"margin:0;padding:0}\n"
".cards{list-style:none;margin:0;padding:0;display:grid;gap:.75rem;"
"grid-template-columns:repeat(auto-fill,minmax(10.5rem,1fr))}\n"
".card{display:block;height:100%;padding:.5rem .75rem;color:inherit;"
"text-decoration:none;border:1px solid var(--line);"
"border-left:.4rem solid var(--c);border-radius:6px}\n"
"a.card:hover,a.card:focus{background:var(--soft)}\n"
".card>span{display:block}\n"
".card .name{font-weight:600}\n"
".card .more{color:var(--mute);font-size:.85rem;overflow-wrap:anywhere}\n"
".num{color:var(--mute);font-weight:700}\n"
".st,.sev{color:var(--c);font-weight:700;font-size:.8rem;"
"text-transform:uppercase;letter-spacing:.03em}\n"
".sev{display:inline-block;border:1px solid;border-radius:3px;"
"padding:0 .3rem}\n"
".st-pass{--c:var(--pass)}.st-warn{--c:var(--warn)}"
".st-fail{--c:var(--fail)}.st-na{--c:var(--na)}\n"
".sev-error{--c:var(--fail)}.sev-warning{--c:var(--warn)}"
".sev-info{--c:var(--info)}\n"
"section{margin:1.5rem 0 0;padding-top:1rem;border-top:1px solid "
"var(--line)}\n"
"section h2 .st{margin-left:.5rem}\n"
".meta{margin:0 0 .5rem}\n"
".rule{margin:.75rem 0;padding:.5rem .75rem;border:1px solid var(--line);"
"border-left:.25rem solid var(--c,var(--line));border-radius:6px}\n"
".fix{margin:.25rem 0 .5rem;padding:.4rem .6rem;background:var(--soft);"
"border-radius:4px}\n"
".findings{list-style:none;margin:0;padding:0}\n"
".finding{padding:.5rem 0 .25rem;border-top:1px dashed var(--line)}\n"
".finding p{margin:0}\n"
".loc{overflow-wrap:anywhere}\n"
"pre{margin:.25rem 0 0;padding:.4rem .6rem;background:var(--soft);"
"border-radius:4px;overflow-x:auto}\n"
".ctl{color:var(--fail);outline:1px dotted currentColor}\n"
"details{margin:.5rem 0}\n"
"summary{cursor:pointer}\n"
"details ul{margin:.25rem 0;padding-left:1.25rem;overflow-wrap:anywhere}\n"
"footer{color:var(--mute);font-size:.85rem}\n"
"@media print{\n"
"body{font-size:10pt}\n"
"header,main,footer{max-width:none;padding:0}\n"
"a{color:inherit;text-decoration:none}\n"
".card,.rule>h3,.fix,.finding,.summary{break-inside:avoid}\n"
"h2,h3{break-after:avoid}\n"
"pre{white-space:pre-wrap;overflow-wrap:anywhere;border:1px solid "
"var(--line)}\n"
"summary{list-style:none}\n"
"}\n"
"@media print{details::details-content{content-visibility:visible;"
"display:contents}}\n";

/*
 * The length of the valid UTF-8 sequence at p (k bytes) when it must be
 * shown escaped: a C1 control, a bidirectional override or a noncharacter
 * (U+FDD0..U+FDEF, U+nFFFE, U+nFFFF); otherwise 0.
 */
static int
hidden_seq(const unsigned char *p, size_t k)
{
	if (k == 2)
		return p[0] == 0xc2 && p[1] < 0xa0;
	if (k == 3)
		return (p[0] == 0xe2 && ((p[1] == 0x80 && p[2] >= 0xaa &&
		    p[2] <= 0xae) || (p[1] == 0x81 && p[2] >= 0xa6 &&
		    p[2] <= 0xa9))) ||
		    (p[0] == 0xef && p[1] == 0xb7 && p[2] >= 0x90 &&
		    p[2] <= 0xaf) ||
		    (p[0] == 0xef && p[1] == 0xbf && p[2] >= 0xbe);
	if (k == 4)
		return (p[1] & 0x0f) == 0x0f && p[2] == 0xbf && p[3] >= 0xbe;
	return 0;
}

/* One byte as the text writer escapes it: \n, \t, \r or \xHH. */
static void
h_ctl_byte(struct tl_buf *b, unsigned char c)
{
	switch (c) {
	case '\n':
		tl_buf_adds(b, "\\n");
		break;
	case '\t':
		tl_buf_adds(b, "\\t");
		break;
	case '\r':
		tl_buf_adds(b, "\\r");
		break;
	default:
		tl_buf_addf(b, "\\x%02x", c);
		break;
	}
}

/* Bytes shown escaped, marked when markup is allowed. */
static void
h_ctl(struct tl_buf *b, const unsigned char *p, size_t k, int markup)
{
	size_t	 i;

	if (markup)
		tl_buf_adds(b, "<span class=\"ctl\">");
	for (i = 0; i < k; i++)
		h_ctl_byte(b, p[i]);
	if (markup)
		tl_buf_adds(b, "</span>");
}

/*
 * Append s as HTML text (see the top of the file).  markup: 0 inside
 * <title> or an attribute value, where no element may appear.
 */
static void
h_esc(struct tl_buf *b, const char *s, int markup)
{
	const unsigned char	*p = (const unsigned char *)s;
	const char		*ent;
	size_t			 n, i = 0, k;

	if (s == NULL)
		return;
	n = strlen(s);
	while (i < n) {
		if (p[i] < 0x80) {
			if ((ent = tl_xml_entity(p[i])) != NULL)
				tl_buf_adds(b, ent);
			else if (p[i] < 0x20 || p[i] == 0x7f)
				h_ctl(b, p + i, 1, markup);
			else
				tl_buf_addc(b, p[i]);
			i++;
		} else if ((k = tl_utf8_len(p + i, n - i)) == 0) {
			tl_buf_adds(b, H_FFFD);
			i++;
		} else {
			if (hidden_seq(p + i, k))
				h_ctl(b, p + i, k, markup);
			else
				tl_buf_add(b, p + i, k);
			i += k;
		}
	}
}

/* Text in element content. */
static void
h_text(struct tl_buf *b, const char *s)
{
	h_esc(b, s, 1);
}

/* "2 errors", "1 warning", "3 info" (as the text report says them). */
static void
h_count(struct tl_buf *b, size_t n, enum tl_severity s)
{
	tl_buf_addf(b, "%zu %s%s", n, tl_severity_name(s),
	    n != 1 && s != TL_SEV_INFO ? "s" : "");
}

/* "1 error, 2 warnings" for the non-zero counts, or "no findings". */
static void
h_counts(struct tl_buf *b, const size_t counts[4])
{
	int	 s, first = 1;

	for (s = TL_SEV_ERROR; s >= TL_SEV_INFO; s--) {
		if (counts[s] == 0)
			continue;
		if (!first)
			tl_buf_adds(b, ", ");
		h_count(b, counts[s], (enum tl_severity)s);
		first = 0;
	}
	if (first)
		tl_buf_adds(b, "no findings");
}

static enum tl_status
factor_status(const struct tl_factor_result *fr)
{
	enum tl_status	 s = tl_out_status(fr);

	return (size_t)s < TL_NELEM(statuses) ? s : TL_STATUS_NA;
}

static const struct tl_factor_info *
factor_info(const struct tl_scan *scan, int n)
{
	const struct tl_factor_result	*fr = &scan->factors[n];

	return fr->info != NULL ? fr->info : tl_factor_get(n);
}

/* The status word with its symbol, in a span of class "st". */
static void
h_status(struct tl_buf *b, enum tl_status s)
{
	tl_buf_addf(b, "<span class=\"st\"><span aria-hidden=\"true\">%s"
	    "</span> %s</span>", statuses[s].sym, statuses[s].word);
}

/* `path:line:col`, "." for the repository, as the text report writes it. */
static void
h_loc(struct tl_buf *b, const struct tl_finding *f)
{
	tl_buf_adds(b, "<code class=\"loc\">");
	h_text(b, f->path != NULL && f->path[0] != '\0' ? f->path : ".");
	if (f->line > 0) {
		tl_buf_addf(b, ":%u", f->line);
		if (f->column > 0)
			tl_buf_addf(b, ":%u", f->column);
	}
	tl_buf_adds(b, "</code>");
}

static void
h_sev(struct tl_buf *b, enum tl_severity s)
{
	tl_buf_addf(b, "<span class=\"sev sev-%s\">%s</span>",
	    tl_severity_name(s), tl_severity_name(s));
}

/* The target's name: the last component of its real path. */
static const char *
target_name(const struct tl_scan *scan)
{
	const char	*root = NULL, *slash;

	if (scan->repo != NULL && scan->repo->root != NULL)
		root = scan->repo->root;
	else if (scan->opts != NULL && scan->opts->target != NULL)
		root = scan->opts->target;
	if (root == NULL || root[0] == '\0')
		return ".";
	if ((slash = strrchr(root, '/')) != NULL && slash[1] != '\0')
		return slash + 1;
	return root;
}

static void
h_head(struct tl_buf *b, const struct tl_scan *scan)
{
	tl_buf_adds(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, "
	    "initial-scale=1\">\n"
	    "<meta name=\"generator\" content=\"twelvelint " TL_VERSION "\">\n"
	    "<title>twelvelint report: ");
	h_esc(b, target_name(scan), 0);
	tl_buf_adds(b, "</title>\n<style>\n");
	tl_buf_adds(b, css);
	tl_buf_adds(b, "</style>\n</head>\n<body>\n");
}

static void
h_git(struct tl_buf *b, const struct tl_git *g)
{
	tl_buf_adds(b, "<dt>Git</dt><dd>");
	if (g->branch != NULL) {
		tl_buf_adds(b, "branch <code>");
		h_text(b, g->branch);
		tl_buf_adds(b, "</code>");
	} else
		tl_buf_adds(b, "detached HEAD");
	if (g->head != NULL) {
		tl_buf_adds(b, " at <code>");
		h_text(b, g->head);
		tl_buf_adds(b, "</code>");
	} else
		tl_buf_adds(b, ", no commits");
	tl_buf_adds(b, g->dirty ? ", dirty" : ", clean");
	tl_buf_adds(b, "</dd>\n");
	if (g->remote != NULL) {
		tl_buf_adds(b, "<dt>Remote</dt><dd><code>");
		h_text(b, g->remote);
		tl_buf_adds(b, "</code></dd>\n");
	}
}

static void
h_header(struct tl_buf *b, const struct tl_scan *scan)
{
	const struct tl_repo	*repo = scan->repo;
	const char		*path = ".";
	size_t			 i, nsel = 0, npass = 0, nscanned = 0;
	int			 s;

	if (scan->opts != NULL && scan->opts->target != NULL)
		path = scan->opts->target;
	else if (repo != NULL && repo->root != NULL)
		path = repo->root;
	for (i = 1; i < TL_FACTOR_COUNT; i++) {
		if (!scan->factors[i].selected)
			continue;
		nsel++;
		if (scan->factors[i].status == TL_STATUS_PASS)
			npass++;
	}
	if (repo != NULL)
		for (i = 0; i < repo->nfiles; i++)
			if (repo->files[i]->loaded)
				nscanned++;

	tl_buf_adds(b, "<header>\n<p class=\"tool\">twelvelint " TL_VERSION
	    " &middot; Twelve-Factor App audit</p>\n<h1>");
	h_text(b, target_name(scan));
	tl_buf_adds(b, "</h1>\n<dl class=\"target\">\n<dt>Path</dt><dd><code>");
	h_text(b, path);
	tl_buf_adds(b, "</code></dd>\n");
	if (repo != NULL && repo->git.is_repo)
		h_git(b, &repo->git);
	else
		tl_buf_adds(b, "<dt>Git</dt><dd>not a git repository</dd>\n");
	tl_buf_adds(b, "</dl>\n<div class=\"summary\">\n");
	tl_buf_addf(b, "<p class=\"score\"><strong>%zu&nbsp;/&nbsp;%zu"
	    "</strong> factors pass</p>\n<ul class=\"counts\">\n", npass,
	    nsel);
	for (s = TL_SEV_ERROR; s >= TL_SEV_INFO; s--) {
		tl_buf_addf(b, "<li class=\"sev-%s\">",
		    tl_severity_name((enum tl_severity)s));
		h_count(b, scan->counts[s], (enum tl_severity)s);
		tl_buf_adds(b, "</li>\n");
	}
	tl_buf_addf(b, "<li><a href=\"#suppressed\">%zu suppressed</a>"
	    "</li>\n", scan->nsuppressed);
	tl_buf_addf(b, "<li><a href=\"#skipped\">%zu skipped</a></li>\n",
	    repo != NULL ? repo->skipped.len : 0);
	tl_buf_addf(b, "<li class=\"quiet\">%zu file%s scanned in %ld ms"
	    "</li>\n", nscanned, nscanned == 1 ? "" : "s",
	    scan->duration_ms);
	tl_buf_adds(b, "</ul>\n</div>\n</header>\n");
}

/* Findings of the engine (TF0001 …), unsuppressed, counted by severity. */
static size_t
engine_counts(const struct tl_scan *scan, size_t counts[4])
{
	const struct tl_finding	*f;
	size_t			 i, total = 0;

	memset(counts, 0, 4 * sizeof(counts[0]));
	for (i = 0; i < scan->findings.len; i++) {
		f = scan->findings.items[i];
		if (f->suppressed != NULL || !tl_out_block(f, 0))
			continue;
		if ((size_t)f->severity < 4)
			counts[f->severity]++;
		total++;
	}
	return total;
}

static void
h_cards(struct tl_buf *b, const struct tl_scan *scan)
{
	const struct tl_factor_result	*fr;
	const struct tl_factor_info	*info;
	enum tl_status			 st;
	size_t				 counts[4];
	int				 n;

	tl_buf_adds(b, "<nav id=\"factors\" aria-label=\"Factors\">\n"
	    "<h2>The twelve factors</h2>\n");
	if (engine_counts(scan, counts) > 0) {
		tl_buf_adds(b, "<p class=\"st-fail\"><span class=\"st\">"
		    "engine</span> <a href=\"#engine\">");
		h_counts(b, counts);
		tl_buf_adds(b, "</a>: files that could not be read or "
		    "parsed</p>\n");
	}
	tl_buf_adds(b, "<ol class=\"cards\">\n");
	for (n = 1; n < TL_FACTOR_COUNT; n++) {
		fr = &scan->factors[n];
		info = factor_info(scan, n);
		st = factor_status(fr);
		tl_buf_addf(b, "<li><a class=\"card st-%s\" href=\"#%s\">",
		    statuses[st].cls, info->slug);
		tl_buf_addf(b, "<span class=\"num\">%s</span>"
		    "<span class=\"name\">%s</span>", info->numeral,
		    info->name);
		h_status(b, st);
		tl_buf_adds(b, "<span class=\"more\">");
		if (st == TL_STATUS_NA)
			h_text(b, tl_out_reason(fr));
		else {
			h_counts(b, fr->counts);
			tl_buf_addf(b, "; %zu file%s examined",
			    fr->evidence.len,
			    fr->evidence.len == 1 ? "" : "s");
		}
		tl_buf_adds(b, "</span></a></li>\n");
	}
	tl_buf_adds(b, "</ol>\n</nav>\n");
}

static void
h_finding(struct tl_buf *b, const struct tl_finding *f)
{
	const char	*snip;

	tl_buf_addf(b, "<li class=\"finding sev-%s\">\n<p>",
	    tl_severity_name(f->severity));
	h_sev(b, f->severity);
	tl_buf_adds(b, " <code class=\"id\">");
	h_text(b, f->rule->id);
	tl_buf_adds(b, "</code> ");
	h_loc(b, f);
	tl_buf_adds(b, "</p>\n<p class=\"msg\">");
	if (f->rule->summary != NULL && f->rule->summary[0] != '\0') {
		tl_buf_adds(b, "<span class=\"quiet\">");
		h_text(b, f->rule->summary);
		tl_buf_adds(b, ":</span> ");
	}
	h_text(b, f->message);
	tl_buf_adds(b, "</p>\n");
	if (f->snippet != NULL) {
		snip = f->snippet;
		while (*snip == ' ' || *snip == '\t')
			snip++;
		if (*snip != '\0') {
			tl_buf_adds(b, "<pre><code>");
			h_text(b, snip);
			tl_buf_adds(b, "</code></pre>\n");
		}
	}
	tl_buf_adds(b, "</li>\n");
}

/* Order rules by id. */
static int
rule_cmp(const void *a, const void *b)
{
	const struct tl_rule	*ra = *(const struct tl_rule *const *)a;
	const struct tl_rule	*rb = *(const struct tl_rule *const *)b;

	return strcmp(ra->id, rb->id);
}

/*
 * The unsuppressed findings of block n, grouped by rule in id order: the
 * rule's id, summary and fix once, then its findings in report order.
 */
static void
h_rules(struct tl_buf *b, const struct tl_scan *scan, int n)
{
	struct tl_vec		 rules = TL_VEC_INIT;
	const struct tl_finding	*f;
	const struct tl_rule	*r;
	enum tl_severity	 worst;
	size_t			 i, j, count;

	for (i = 0; i < scan->findings.len; i++) {
		f = scan->findings.items[i];
		if (f->suppressed != NULL || !tl_out_block(f, n))
			continue;
		for (j = 0; j < rules.len; j++)
			if (rules.items[j] == f->rule)
				break;
		if (j == rules.len)
			tl_vec_push(&rules, (void *)f->rule);
	}
	tl_vec_sort(&rules, rule_cmp);
	for (j = 0; j < rules.len; j++) {
		r = rules.items[j];
		count = 0;
		worst = TL_SEV_NONE;
		for (i = 0; i < scan->findings.len; i++) {
			f = scan->findings.items[i];
			if (f->rule != r || f->suppressed != NULL)
				continue;
			count++;
			if (f->severity > worst)
				worst = f->severity;
		}
		tl_buf_addf(b, "<div class=\"rule sev-%s\">\n<h3><code>",
		    tl_severity_name(worst));
		h_text(b, r->id);
		tl_buf_adds(b, "</code> ");
		h_text(b, r->summary);
		tl_buf_addf(b, " <span class=\"quiet\">(%zu)</span></h3>\n",
		    count);
		if (r->fix != NULL && r->fix[0] != '\0') {
			tl_buf_adds(b, "<p class=\"fix\"><strong>Fix:"
			    "</strong> ");
			h_text(b, r->fix);
			tl_buf_adds(b, "</p>\n");
		}
		tl_buf_adds(b, "<ol class=\"findings\">\n");
		for (i = 0; i < scan->findings.len; i++) {
			f = scan->findings.items[i];
			if (f->rule == r && f->suppressed == NULL)
				h_finding(b, f);
		}
		tl_buf_adds(b, "</ol>\n</div>\n");
	}
	tl_vec_release(&rules, NULL);
}

static void
h_engine(struct tl_buf *b, const struct tl_scan *scan)
{
	size_t	 counts[4];

	if (engine_counts(scan, counts) == 0)
		return;
	tl_buf_adds(b, "<section id=\"engine\" class=\"st-fail\">\n"
	    "<h2>Engine</h2>\n<p class=\"meta\">");
	h_counts(b, counts);
	tl_buf_adds(b, ": files twelvelint could not read or parse; the "
	    "factors could not judge what is in them</p>\n");
	h_rules(b, scan, 0);
	tl_buf_adds(b, "</section>\n");
}

static void
h_factor(struct tl_buf *b, const struct tl_scan *scan, int n)
{
	const struct tl_factor_result	*fr = &scan->factors[n];
	const struct tl_factor_info	*info = factor_info(scan, n);
	enum tl_status			 st = factor_status(fr);
	size_t				 i;

	tl_buf_addf(b, "<section id=\"%s\" class=\"factor st-%s\">\n"
	    "<h2><span class=\"num\">%s</span> %s ", info->slug,
	    statuses[st].cls, info->numeral, info->name);
	h_status(b, st);
	tl_buf_adds(b, "</h2>\n<p class=\"meta\">");
	if (st == TL_STATUS_NA) {
		tl_buf_adds(b, "Not applicable: ");
		h_text(b, tl_out_reason(fr));
	} else {
		h_counts(b, fr->counts);
		tl_buf_addf(b, "; %zu file%s examined", fr->evidence.len,
		    fr->evidence.len == 1 ? "" : "s");
	}
	tl_buf_addf(b, " &middot; <a href=\"%s\">The Twelve-Factor App: "
	    "%s. %s</a></p>\n", info->url, info->numeral, info->name);
	if (fr->evidence.len > 0) {
		tl_buf_addf(b, "<details class=\"evidence\"><summary>"
		    "Files examined (%zu)</summary>\n<ul>\n",
		    fr->evidence.len);
		for (i = 0; i < fr->evidence.len; i++) {
			tl_buf_adds(b, "<li><code>");
			h_text(b, fr->evidence.items[i]);
			tl_buf_adds(b, "</code></li>\n");
		}
		tl_buf_adds(b, "</ul>\n</details>\n");
	}
	h_rules(b, scan, n);
	tl_buf_adds(b, "</section>\n");
}

static void
h_suppressed(struct tl_buf *b, const struct tl_scan *scan)
{
	const struct tl_finding	*f;
	size_t			 i;

	tl_buf_addf(b, "<section id=\"suppressed\">\n<h2>Suppressed findings "
	    "(%zu)</h2>\n", scan->nsuppressed);
	if (scan->nsuppressed == 0) {
		tl_buf_adds(b, "<p class=\"meta\">None.</p>\n</section>\n");
		return;
	}
	tl_buf_adds(b, "<p class=\"meta\">Not counted in the score or the "
	    "totals above.</p>\n<details>\n<summary>Show the suppressed "
	    "findings and why</summary>\n<ol class=\"findings\">\n");
	for (i = 0; i < scan->findings.len; i++) {
		f = scan->findings.items[i];
		if (f->suppressed == NULL)
			continue;
		tl_buf_adds(b, "<li class=\"finding\">\n<p>");
		h_sev(b, f->severity);
		tl_buf_adds(b, " <code class=\"id\">");
		h_text(b, f->rule->id);
		tl_buf_adds(b, "</code> ");
		h_loc(b, f);
		tl_buf_adds(b, "</p>\n<p class=\"msg\">");
		if (f->rule->summary != NULL && f->rule->summary[0] != '\0') {
			h_text(b, f->rule->summary);
			tl_buf_adds(b, ": ");
		}
		h_text(b, f->message);
		tl_buf_adds(b, "</p>\n<p class=\"quiet\">Suppressed: ");
		h_text(b, f->suppressed);
		tl_buf_adds(b, "</p>\n</li>\n");
	}
	tl_buf_adds(b, "</ol>\n</details>\n</section>\n");
}

static void
h_skipped(struct tl_buf *b, const struct tl_repo *repo)
{
	const struct tl_skip	*sk;
	size_t			 i, n;

	n = repo != NULL ? repo->skipped.len : 0;
	tl_buf_addf(b, "<section id=\"skipped\">\n<h2>Skipped files (%zu)"
	    "</h2>\n", n);
	if (n == 0) {
		tl_buf_adds(b, "<p class=\"meta\">None.</p>\n</section>\n");
		return;
	}
	tl_buf_adds(b, "<details>\n<summary>Show the skipped files and why"
	    "</summary>\n<ul>\n");
	for (i = 0; i < n; i++) {
		sk = repo->skipped.items[i];
		tl_buf_adds(b, "<li><code>");
		h_text(b, sk->path);
		tl_buf_adds(b, "</code>: ");
		h_text(b, sk->reason);
		tl_buf_adds(b, "</li>\n");
	}
	tl_buf_adds(b, "</ul>\n</details>\n</section>\n");
}

int
tl_out_html(FILE *fp, const struct tl_scan *scan,
    const struct tl_out_opts *opts)
{
	struct tl_buf	 b = TL_BUF_INIT;
	int		 n, error = 0;

	(void)opts;	/* the HTML report has no variants */
	h_head(&b, scan);
	h_header(&b, scan);
	tl_buf_adds(&b, "<main>\n");
	h_cards(&b, scan);
	h_engine(&b, scan);
	for (n = 1; n < TL_FACTOR_COUNT; n++)
		h_factor(&b, scan, n);
	h_suppressed(&b, scan);
	h_skipped(&b, scan->repo);
	tl_buf_adds(&b, "</main>\n<footer>\n<p>Findings are sorted by path "
	    "and line within each rule; a rule's fix is shown once above its "
	    "findings.  Generated by twelvelint " TL_VERSION " from the "
	    "principles of <a href=\"https://12factor.net/\">The Twelve-Factor "
	    "App</a>.</p>\n</footer>\n</body>\n</html>\n");

	if (fwrite(b.data, 1, b.len, fp) != b.len || fflush(fp) != 0 ||
	    ferror(fp)) {
		tl_error_set("cannot write the report: %s", strerror(errno));
		error = TL_EIO;
	}
	tl_buf_release(&b);
	return error;
}
