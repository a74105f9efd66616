/*
 * Unit tests of out_text.c and out_json.c on a synthetic scan: an engine
 * finding, a path with a control character, a path that is not UTF-8, a
 * redacted snippet, a repository-wide finding, a suppressed finding, a
 * factor that is not applicable, a factor left out and skipped files.
 *
 * usage: t_output [REPORT.json [REPORT-NOGIT.json]]
 * writes the two JSON reports there, for tests/check-json-schema.py.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "twelvelint/model.h"
#include "tap.h"

#define FFFD	"\xef\xbf\xbd"

static const struct tl_rule tf0001 = {
	"TF0001", "unparsable-file", 0, TL_SEV_ERROR, 0,
	"unparsable file", "r", "f", NULL, NULL
};
static const struct tl_rule tf0101 = {
	"TF0101", "no-remote", 1, TL_SEV_INFO, 0,
	"no remote configured", "r", "f", NULL, NULL
};
static const struct tl_rule tf0301 = {
	"TF0301", "secret-in-source", 3, TL_SEV_ERROR, 0,
	"secret in source", "r", "f", NULL, NULL
};
static const struct tl_rule tf0302 = {
	"TF0302", "config-in-image", 3, TL_SEV_WARNING, 0,
	"configuration baked into the image", "r", "f", NULL, NULL
};
static const struct tl_rule tf0901 = {
	"TF0901", "shell-form-start-command", 9, TL_SEV_WARNING, 0,
	"start command in shell form", "r", "f", NULL, NULL
};

/* Designated initialisers: the engine-internal fields stay zero. */
#define FINDING(r, sev, msg, p, l, c, el, snip, fp, supp)		\
	{ .rule = (r), .severity = (sev), .message = (msg),		\
	    .path = (p), .line = (l), .column = (c), .end_line = (el),	\
	    .snippet = (snip), .fingerprint = fp, .suppressed = (supp) }

static struct tl_finding findings[] = {
	FINDING(&tf0001, TL_SEV_ERROR, "mapping values are not allowed here",
	    "broken.yml", 3, 7, 0, NULL,
	    "1111111111111111111111111111111111111111", NULL),
	FINDING(&tf0101, TL_SEV_INFO, "no remote named 'origin'",
	    "", 0, 0, 0, NULL,
	    "2222222222222222222222222222222222222222", NULL),
	FINDING(&tf0302, TL_SEV_WARNING, "COPY .env into the image",
	    "Dockerfile", 4, 1, 0, "COPY .env /app/.env",
	    "3333333333333333333333333333333333333333",
	    "inline: twelvelint:ignore TF0302 local only"),
	FINDING(&tf0301, TL_SEV_ERROR, "truncated \xe2\x82 in caf\xc3\xa9",
	    "bad\xff\xfename.py", 2, 1, 0, NULL,
	    "4444444444444444444444444444444444444444", NULL),
	FINDING(&tf0301, TL_SEV_ERROR, "token assigned to 'evil'",
	    "evil\x1b[31m.py", 1, 1, 0, NULL,
	    "5555555555555555555555555555555555555555", NULL),
	FINDING(&tf0301, TL_SEV_ERROR,
	    "AWS access key 'AKIA****************' assigned to 'aws_key'",
	    "src/app.py", 12, 5, 13,
	    "    aws_key = \"AKIA****************\"  # \x1b]0;pwn\x07",
	    "6666666666666666666666666666666666666666", NULL),
	FINDING(&tf0901, TL_SEV_WARNING,
	    "CMD runs 'node server.js' through /bin/sh",
	    "Dockerfile", 7, 0, 0, "CMD node server.js",
	    "7777777777777777777777777777777777777777", NULL),
};

static struct tl_file files[5];
static struct tl_file *filep[5];
static struct tl_skip skips[] = {
	{ "assets/logo.png", "binary file" },
	{ "odd\xe2\x82", "bytes \xc0\xaf and \xed\xa0\x80" },
};

static void
setup(struct tl_scan *scan, struct tl_repo *repo, struct tl_options *opts)
{
	static const char *const paths[] = {
		"Dockerfile", "assets/logo.png", "bad\xff\xfename.py",
		"evil\x1b[31m.py", "src/app.py"
	};
	size_t	 i;
	int	 n;

	memset(scan, 0, sizeof(*scan));
	memset(repo, 0, sizeof(*repo));
	memset(opts, 0, sizeof(*opts));
	opts->target = ".";

	for (i = 0; i < TL_NELEM(files); i++) {
		files[i].path = (char *)paths[i];
		files[i].loaded = i != 1;	/* logo.png was skipped */
		filep[i] = &files[i];
	}
	repo->root = "/tmp/shop";
	repo->files = filep;
	repo->nfiles = TL_NELEM(files);
	for (i = 0; i < TL_NELEM(skips); i++)
		tl_vec_push(&repo->skipped, &skips[i]);
	repo->git.is_repo = 1;
	repo->git.has_commits = 1;
	repo->git.dirty = 1;
	repo->git.head = "0123456789abcdef0123456789abcdef01234567";
	repo->git.branch = "main";
	repo->git.remote = "https://example.com/shop.git";

	scan->opts = opts;
	scan->repo = repo;
	for (i = 0; i < TL_NELEM(findings); i++)
		tl_vec_push(&scan->findings, &findings[i]);
	for (n = 1; n < TL_FACTOR_COUNT; n++) {
		scan->factors[n].info = tl_factor_get(n);
		scan->factors[n].selected = 1;
		scan->factors[n].status = TL_STATUS_PASS;
	}
	tl_vec_push(&scan->factors[1].evidence, ".gitignore");
	scan->factors[1].counts[TL_SEV_INFO] = 1;
	tl_vec_push(&scan->factors[2].evidence, "package-lock.json");
	tl_vec_push(&scan->factors[2].evidence, "package.json");
	scan->factors[3].status = TL_STATUS_FAIL;
	tl_vec_push(&scan->factors[3].evidence, "Dockerfile");
	tl_vec_push(&scan->factors[3].evidence, "bad\xff\xfename.py");
	tl_vec_push(&scan->factors[3].evidence, "evil\x1b[31m.py");
	tl_vec_push(&scan->factors[3].evidence, "src/app.py");
	scan->factors[3].counts[TL_SEV_ERROR] = 3;
	scan->factors[7].status = TL_STATUS_NA;
	scan->factors[7].reason =
	    "no Procfile, compose file or task definition";
	scan->factors[9].status = TL_STATUS_WARN;
	tl_vec_push(&scan->factors[9].evidence, "Dockerfile");
	scan->factors[9].counts[TL_SEV_WARNING] = 1;
	scan->counts[TL_SEV_ERROR] = 4;
	scan->counts[TL_SEV_WARNING] = 1;
	scan->counts[TL_SEV_INFO] = 1;
	scan->nsuppressed = 1;
	scan->duration_ms = 45;
	scan->exit_code = 1;
}

static void
teardown(struct tl_scan *scan, struct tl_repo *repo)
{
	int	 n;

	tl_vec_release(&repo->skipped, NULL);
	tl_vec_release(&scan->findings, NULL);
	for (n = 1; n < TL_FACTOR_COUNT; n++)
		tl_vec_release(&scan->factors[n].evidence, NULL);
}

/* The report a writer produces, as a string owned by the caller. */
static char *
render(int (*out)(FILE *, const struct tl_scan *, const struct tl_out_opts *),
    const struct tl_scan *scan, const struct tl_out_opts *o)
{
	FILE	*fp;
	char	*text = NULL;
	size_t	 len = 0;
	int	 rc;

	if ((fp = open_memstream(&text, &len)) == NULL) {
		perror("open_memstream");
		abort();
	}
	rc = out(fp, scan, o);
	fclose(fp);
	CHECK_INT(rc, 0);
	return text;
}

static void
save(const char *path, const char *text)
{
	FILE	*fp;

	if ((fp = fopen(path, "w")) == NULL) {
		perror(path);
		abort();
	}
	fputs(text, fp);
	if (fclose(fp) != 0) {
		perror(path);
		abort();
	}
}

static int
has(const char *hay, const char *needle)
{
	int	 ok = strstr(hay, needle) != NULL;

	if (!ok)
		printf("#   missing: \"%s\"\n", needle);
	return ok;
}

static size_t
count_lines(const char *s)
{
	size_t	 n = 0;

	for (; *s != '\0'; s++)
		if (*s == '\n')
			n++;
	return n;
}

/* Remove every occurrence of the colour sequences this writer uses. */
static void
strip_colors(char *s)
{
	static const char *const seqs[] = {
		"\033[0m", "\033[31m", "\033[32m", "\033[33m", "\033[2m",
		"\033[1;31m", "\033[1;33m", "\033[1;36m"
	};
	char	*p;
	size_t	 i, n;

	for (i = 0; i < TL_NELEM(seqs); i++) {
		n = strlen(seqs[i]);
		while ((p = strstr(s, seqs[i])) != NULL)
			memmove(p, p + n, strlen(p + n) + 1);
	}
}

static const char *
jstr(const cJSON *o, const char *key)
{
	const cJSON	*v = cJSON_GetObjectItemCaseSensitive(o, key);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

static double
jnum(const cJSON *o, const char *key)
{
	const cJSON	*v = cJSON_GetObjectItemCaseSensitive(o, key);

	return cJSON_IsNumber(v) ? v->valuedouble : -1;
}

static const cJSON *
jget(const cJSON *o, const char *key)
{
	return cJSON_GetObjectItemCaseSensitive(o, key);
}

static const char *const quiet_want =
    "broken.yml:3:7: error[TF0001] unparsable file: "
    "mapping values are not allowed here\n"
    ".: info[TF0101] no remote configured: no remote named 'origin'\n"
    "bad\\xff\\xfename.py:2:1: error[TF0301] secret in source: "
    "truncated \\xe2\\x82 in caf\xc3\xa9\n"
    "evil\\x1b[31m.py:1:1: error[TF0301] secret in source: "
    "token assigned to 'evil'\n"
    "src/app.py:12:5: error[TF0301] secret in source: "
    "AWS access key 'AKIA****************' assigned to 'aws_key'\n"
    "Dockerfile:7: warning[TF0901] start command in shell form: "
    "CMD runs 'node server.js' through /bin/sh\n";

static void
test_text(const struct tl_scan *scan)
{
	struct tl_out_opts	 o = { 0, 0, 0 };
	char			*s;

	TEST("text: default");
	s = render(tl_out_text, scan, &o);
	CHECK(has(s, "Engine                               (1 error)\n"
	    "broken.yml:3:7: error[TF0001] unparsable file: "
	    "mapping values are not allowed here\n"
	    "I     Codebase                pass   (1 file examined, 1 info)\n"
	    ".: info[TF0101] no remote configured: no remote named 'origin'\n"
	    "II    Dependencies            pass   (2 files examined)\n"
	    "III   Config                  fail   "
	    "(4 files examined, 3 errors)\n"
	    "bad\\xff\\xfename.py:2:1: error[TF0301] secret in source: "));
	CHECK(s != NULL && strncmp(s, "Engine ", 7) == 0);
	CHECK(has(s, "\nevil\\x1b[31m.py:1:1: error[TF0301] secret in source: "
	    "token assigned to 'evil'\n"));
	CHECK(has(s, "\nIV    Backing services        pass   "
	    "(0 files examined)\n"
	    "V     Build, release, run     pass   (0 files examined)\n"));
	CHECK(has(s, "\nVII   Port binding            not applicable: "
	    "no Procfile, compose file or task definition\n"));
	CHECK(has(s, "\nIX    Disposability           warn   "
	    "(1 file examined, 1 warning)\n"
	    "Dockerfile:7: warning[TF0901] start command in shell form: "
	    "CMD runs 'node server.js' through /bin/sh\n"
	    "X     Dev/prod parity         pass   (0 files examined)\n"));
	CHECK(has(s, "\nXII   Admin processes         pass   "
	    "(0 files examined)\n"
	    "score 9/12; 4 errors, 1 warning, 1 info; 1 suppressed; "
	    "4 files scanned in 45 ms\n"));
	CHECK(tl_str_has_suffix(s, "4 files scanned in 45 ms\n"));
	CHECK(strchr(s, '\033') == NULL);	/* no raw escape at all */
	CHECK(strchr(s, '\a') == NULL);
	CHECK(strstr(s, "TF0302") == NULL);	/* suppressed: counted only */
	CHECK(strstr(s, "examined Dockerfile") == NULL);
	CHECK(strstr(s, "      | ") == NULL);
	CHECK(strstr(s, "logo.png") == NULL);
	CHECK_INT(count_lines(s), 1 + 1 + 12 + 6);
	free(s);

	TEST("text: quiet prints the finding lines and nothing else");
	o.quiet = 1;
	o.verbose = 1;		/* quiet wins */
	s = render(tl_out_text, scan, &o);
	CHECK_STR(s, quiet_want);
	free(s);

	TEST("text: verbose");
	o.quiet = 0;
	s = render(tl_out_text, scan, &o);
	CHECK(has(s, "target /tmp/shop\n"
	    "git    branch main at 0123456789abcdef0123456789abcdef01234567, "
	    "remote https://example.com/shop.git, dirty\n"
	    "Engine "));
	CHECK(has(s, "III   Config                  fail   (4 files examined, "
	    "3 errors)\n"
	    "      examined Dockerfile\n"
	    "      examined bad\\xff\\xfename.py\n"
	    "      examined evil\\x1b[31m.py\n"
	    "      examined src/app.py\n"));
	CHECK(has(s, "src/app.py:12:5: error[TF0301] secret in source: "
	    "AWS access key 'AKIA****************' assigned to 'aws_key'\n"
	    "      | aws_key = \"AKIA****************\"  "
	    "# \\x1b]0;pwn\\x07\n"));
	CHECK(has(s, "\nSkipped                              (2 files)\n"
	    "      assets/logo.png: binary file\n"
	    "      odd\\xe2\\x82: bytes \\xc0\\xaf and "));
	CHECK(strchr(s, '\033') == NULL);
	CHECK(strstr(s, "COPY .env") == NULL);	/* suppressed snippet */
	free(s);

	TEST("text: colour marks status and severity only");
	o.verbose = 0;
	o.color = 1;
	s = render(tl_out_text, scan, &o);
	CHECK(has(s, "\nIII   Config                  \033[31mfail\033[0m   "
	    "(4 files examined, 3 errors)\n"));
	CHECK(has(s, "\nI     Codebase                \033[32mpass\033[0m   "));
	CHECK(has(s, "\nIX    Disposability           \033[33mwarn\033[0m   "));
	CHECK(has(s, "\nVII   Port binding            \033[2mnot applicable"
	    "\033[0m: no Procfile"));
	CHECK(has(s, "\nsrc/app.py:12:5: \033[1;31merror\033[0m[TF0301] "));
	CHECK(has(s, "\nDockerfile:7: \033[1;33mwarning\033[0m[TF0901] "));
	CHECK(has(s, "\n.: \033[1;36minfo\033[0m[TF0101] "));
	CHECK(has(s, "evil\\x1b[31m.py:1:1: "));
	strip_colors(s);
	CHECK(strchr(s, '\033') == NULL);	/* only our own sequences */
	CHECK(has(s, "\nIII   Config                  fail   (4 files"));
	free(s);
}

static void
test_json(const struct tl_scan *scan, const char *save_to)
{
	const cJSON	*v, *f, *arr;
	cJSON		*doc;
	char		*s;
	size_t		 len;

	TEST("json: shape and values");
	s = render(tl_out_json, scan, NULL);
	if (save_to != NULL)
		save(save_to, s);
	len = strlen(s);
	CHECK(len > 2 && s[len - 1] == '\n' && s[len - 2] == '}');
	CHECK(strchr(s, '\033') == NULL);	/* escaped as \u001b */
	CHECK(strstr(s, "\xff") == NULL && strstr(s, "\xc0") == NULL);
	doc = cJSON_Parse(s);
	CHECK(doc != NULL);

	CHECK_INT(jnum(doc, "schema_version"), 1);
	CHECK_STR(jstr(jget(doc, "tool"), "name"), "twelvelint");
	CHECK_STR(jstr(jget(doc, "tool"), "version"), TL_VERSION);
	v = jget(doc, "target");
	CHECK_STR(jstr(v, "path"), ".");
	v = jget(v, "git");
	CHECK(cJSON_IsObject(v));
	CHECK_STR(jstr(v, "head"), "0123456789abcdef0123456789abcdef01234567");
	CHECK_STR(jstr(v, "branch"), "main");
	CHECK_STR(jstr(v, "remote"), "https://example.com/shop.git");
	CHECK(cJSON_IsTrue(jget(v, "dirty")));

	v = jget(doc, "summary");
	CHECK_INT(jnum(v, "score"), 9);
	CHECK_INT(jnum(jget(v, "factors"), "pass"), 9);
	CHECK_INT(jnum(jget(v, "factors"), "warn"), 1);
	CHECK_INT(jnum(jget(v, "factors"), "fail"), 1);
	CHECK_INT(jnum(jget(v, "factors"), "not_applicable"), 1);
	CHECK_INT(jnum(jget(v, "findings"), "error"), 4);
	CHECK_INT(jnum(jget(v, "findings"), "warning"), 1);
	CHECK_INT(jnum(jget(v, "findings"), "info"), 1);
	CHECK_INT(jnum(v, "suppressed"), 1);
	CHECK_INT(jnum(v, "files_scanned"), 4);
	CHECK_INT(jnum(v, "duration_ms"), 45);
	CHECK_INT(jnum(v, "exit_code"), 1);

	arr = jget(doc, "factors");
	CHECK_INT(cJSON_GetArraySize(arr), 12);
	f = cJSON_GetArrayItem(arr, 0);
	CHECK_INT(jnum(f, "number"), 1);
	CHECK_STR(jstr(f, "numeral"), "I");
	CHECK_STR(jstr(f, "slug"), "codebase");
	CHECK_STR(jstr(f, "name"), "Codebase");
	CHECK_STR(jstr(f, "status"), "pass");
	CHECK_INT(jnum(jget(f, "findings"), "info"), 1);
	CHECK(jget(f, "reason") == NULL);
	f = cJSON_GetArrayItem(arr, 2);
	CHECK_STR(jstr(f, "status"), "fail");
	CHECK_INT(cJSON_GetArraySize(jget(f, "evidence")), 4);
	CHECK_STR(cJSON_GetArrayItem(jget(f, "evidence"), 2)->valuestring,
	    "evil\x1b[31m.py");
	f = cJSON_GetArrayItem(arr, 6);
	CHECK_STR(jstr(f, "slug"), "port-binding");
	CHECK_STR(jstr(f, "status"), "not_applicable");
	CHECK_STR(jstr(f, "reason"),
	    "no Procfile, compose file or task definition");
	CHECK_STR(jstr(cJSON_GetArrayItem(arr, 11), "numeral"), "XII");

	arr = jget(doc, "findings");
	CHECK_INT(cJSON_GetArraySize(arr), 6);
	f = cJSON_GetArrayItem(arr, 0);
	CHECK_STR(jstr(f, "rule"), "TF0001");
	CHECK_INT(jnum(f, "factor"), 0);
	CHECK_STR(jstr(f, "severity"), "error");
	CHECK_STR(jstr(f, "title"), "unparsable file");
	CHECK_STR(jstr(f, "help"), "https://12factor.net/");
	CHECK(jget(f, "end_line") == NULL && jget(f, "snippet") == NULL);
	f = cJSON_GetArrayItem(arr, 1);
	CHECK_STR(jstr(f, "path"), "");
	CHECK_INT(jnum(f, "line"), 0);
	CHECK_INT(jnum(f, "column"), 0);
	f = cJSON_GetArrayItem(arr, 2);
	CHECK_STR(jstr(f, "path"), "bad" FFFD FFFD "name.py");
	CHECK_STR(jstr(f, "message"), "truncated " FFFD FFFD " in caf\xc3\xa9");
	f = cJSON_GetArrayItem(arr, 3);
	CHECK_STR(jstr(f, "path"), "evil\x1b[31m.py");
	f = cJSON_GetArrayItem(arr, 4);
	CHECK_STR(jstr(f, "rule"), "TF0301");
	CHECK_INT(jnum(f, "factor"), 3);
	CHECK_STR(jstr(f, "title"), "secret in source");
	CHECK_STR(jstr(f, "message"),
	    "AWS access key 'AKIA****************' assigned to 'aws_key'");
	CHECK_STR(jstr(f, "path"), "src/app.py");
	CHECK_INT(jnum(f, "line"), 12);
	CHECK_INT(jnum(f, "column"), 5);
	CHECK_INT(jnum(f, "end_line"), 13);
	CHECK_STR(jstr(f, "snippet"),
	    "    aws_key = \"AKIA****************\"  # \x1b]0;pwn\x07");
	CHECK_STR(jstr(f, "fingerprint"),
	    "6666666666666666666666666666666666666666");
	CHECK_STR(jstr(f, "help"), "https://12factor.net/config");
	CHECK(jget(f, "reason") == NULL);
	f = cJSON_GetArrayItem(arr, 5);
	CHECK_STR(jstr(f, "severity"), "warning");
	CHECK_STR(jstr(f, "help"), "https://12factor.net/disposability");

	arr = jget(doc, "suppressed");
	CHECK_INT(cJSON_GetArraySize(arr), 1);
	f = cJSON_GetArrayItem(arr, 0);
	CHECK_STR(jstr(f, "rule"), "TF0302");
	CHECK_STR(jstr(f, "reason"),
	    "inline: twelvelint:ignore TF0302 local only");
	CHECK_STR(jstr(f, "snippet"), "COPY .env /app/.env");

	arr = jget(doc, "skipped");
	CHECK_INT(cJSON_GetArraySize(arr), 2);
	CHECK_STR(jstr(cJSON_GetArrayItem(arr, 0), "path"), "assets/logo.png");
	CHECK_STR(jstr(cJSON_GetArrayItem(arr, 0), "reason"), "binary file");
	CHECK_STR(jstr(cJSON_GetArrayItem(arr, 1), "path"), "odd" FFFD FFFD);
	/* overlong form and surrogate: invalid UTF-8 too */
	CHECK_STR(jstr(cJSON_GetArrayItem(arr, 1), "reason"),
	    "bytes " FFFD FFFD " and " FFFD FFFD FFFD);
	cJSON_Delete(doc);
	free(s);
}

/* Not a git repository, factor XII left out by --factor. */
static void
test_variant(struct tl_scan *scan, const char *save_to)
{
	struct tl_out_opts	 o = { 0, 1, 0 };
	const cJSON		*f;
	cJSON			*doc;
	char			*s;

	scan->repo->git.is_repo = 0;
	scan->factors[12].selected = 0;
	scan->factors[12].status = TL_STATUS_NA;

	TEST("text: a factor left out has no header");
	s = render(tl_out_text, scan, &o);
	CHECK(has(s, "target /tmp/shop\ngit    not a repository\n"));
	CHECK(strstr(s, "Admin processes") == NULL);
	CHECK(has(s, "\nscore 8/11; 4 errors"));
	free(s);

	TEST("json: no git, a factor left out");
	s = render(tl_out_json, scan, NULL);
	if (save_to != NULL)
		save(save_to, s);
	doc = cJSON_Parse(s);
	CHECK(doc != NULL);
	CHECK(cJSON_IsNull(jget(jget(doc, "target"), "git")));
	CHECK_INT(jnum(jget(doc, "summary"), "score"), 8);
	CHECK_INT(jnum(jget(jget(doc, "summary"), "factors"),
	    "not_applicable"), 2);
	f = cJSON_GetArrayItem(jget(doc, "factors"), 11);
	CHECK_STR(jstr(f, "status"), "not_applicable");
	CHECK_STR(jstr(f, "reason"), "not selected");
	cJSON_Delete(doc);
	free(s);
}

/* A scan that never got a repository (an early failure) still renders. */
static void
test_empty(void)
{
	struct tl_scan		 scan;
	char			*s;
	cJSON			*doc;

	TEST("empty scan");
	memset(&scan, 0, sizeof(scan));
	s = render(tl_out_text, &scan, NULL);
	CHECK_STR(s, "score 0/0; 0 errors, 0 warnings, 0 info; "
	    "0 files scanned in 0 ms\n");
	free(s);
	s = render(tl_out_json, &scan, NULL);
	doc = cJSON_Parse(s);
	CHECK(doc != NULL);
	CHECK_STR(jstr(jget(doc, "target"), "path"), ".");
	CHECK_INT(cJSON_GetArraySize(jget(doc, "factors")), 12);
	CHECK_INT(jnum(jget(jget(doc, "summary"), "factors"),
	    "not_applicable"), 12);
	cJSON_Delete(doc);
	free(s);
}

int
main(int argc, char *argv[])
{
	struct tl_scan		 scan;
	struct tl_repo		 repo;
	struct tl_options	 opts;

	setup(&scan, &repo, &opts);
	test_text(&scan);
	test_json(&scan, argc > 1 ? argv[1] : NULL);
	test_variant(&scan, argc > 2 ? argv[2] : NULL);
	teardown(&scan, &repo);
	test_empty();
	return TAP_DONE();
}
