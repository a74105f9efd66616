/*
 * Unit tests of patterns.c: pack errors with file:line, selection by kind,
 * language, path and test code, the keyword prefilter, the filters
 * (entropy, allowlists, stopwords, placeholders), overrides by name, and
 * the examples of every pack built into the binary.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L	/* mkdtemp, clock_gettime */
#endif

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "twelvelint/model.h"
#include "twelvelint/patterns.h"
#include "tap.h"

/* A structural rule for packs to add detectors to. */
static const struct tl_rule tf0901 = {
	"TF0901", "shell-form-start-command", 9, TL_SEV_WARNING, 0,
	"start command in shell form", "r", "f", NULL, NULL
};

static const struct tl_rule *
known(void *arg, const char *id)
{
	(void)arg;
	return strcmp(id, "TF0901") == 0 ? &tf0901 : NULL;
}

/* The real structural rules of the modules, for the embedded packs. */
static const struct tl_rule *
known_structural(void *arg, const char *id)
{
	const struct tl_module *const *m;
	size_t			 n, i, j;

	(void)arg;
	m = tl_registry_modules(&n);
	for (i = 0; i < n; i++)
		for (j = 0; j < m[i]->nrules; j++)
			if (strcmp(m[i]->rules[j]->id, id) == 0)
				return m[i]->rules[j];
	return NULL;
}

/* Add a pack (user or built-in) and finish; return the error or 0. */
static int
load(struct tl_patterns **out, const char *builtin, const char *user)
{
	struct tl_patterns	*p;
	int			 error = 0;

	p = tl_patterns_new();
	if (builtin != NULL)
		error = tl_patterns_add(p, "t.yml", builtin, strlen(builtin));
	if (error == 0 && user != NULL)
		error = tl_patterns_add_user(p, "u.yml", user, strlen(user));
	if (error == 0)
		error = tl_patterns_finish(p, known, NULL);
	if (error != 0 || out == NULL) {
		tl_patterns_free(p);
		p = NULL;
	}
	if (out != NULL)
		*out = p;
	return error;
}

/* A malformed pack: the error must be TL_EUSAGE and start with want. */
static void
bad_pack(const char *file, int line, const char *builtin, const char *user,
    const char *want)
{
	int	 error, ok;

	tl_error_clear();
	error = load(NULL, builtin, user);
	ok = error == TL_EUSAGE &&
	    strncmp(tl_error_get(), want, strlen(want)) == 0;
	tap_result(ok, file, line, want);
	if (!ok)
		printf("#   got %d \"%s\"\n", error, tl_error_get());
}

#define BAD(text, want)		bad_pack(__FILE__, __LINE__, text, NULL, want)
#define BAD_USER(text, want)	bad_pack(__FILE__, __LINE__, NULL, text, want)

struct hits {
	int		 n;
	size_t		 start[16];
	size_t		 sstart[16];
	size_t		 send[16];
	const char	*det[16];
	const char	*rule[16];
	int		 secret[16];
	int		 stop_after;	/* fail after this many; 0: never */
};

static int
on_hit(void *arg, const struct tl_pmatch *m)
{
	struct hits	*h = arg;

	if (h->n < 16) {
		h->start[h->n] = m->start;
		h->sstart[h->n] = m->sstart;
		h->send[h->n] = m->send;
		h->det[h->n] = m->detector;
		h->rule[h->n] = m->rule_id;
		h->secret[h->n] = m->secret;
	}
	h->n++;
	if (h->stop_after > 0 && h->n >= h->stop_after)
		return TL_ERR;
	return 0;
}

/* Scan text as a file at path of kind/lang; the number of matches. */
static int
scan(const struct tl_patterns *p, const char *path, enum tl_file_kind kind,
    enum tl_lang lang, const char *text, struct hits *h)
{
	struct tl_pmatcher	*m;
	struct tl_file		 f;
	struct hits		 local;
	const char		*slash;

	if (h == NULL)
		h = &local;
	memset(h, 0, sizeof(*h));
	memset(&f, 0, sizeof(f));
	f.path = (char *)path;
	slash = strrchr(path, '/');
	f.name = slash != NULL ? slash + 1 : path;
	f.kind = kind;
	f.lang = lang;
	f.data = (char *)text;
	f.size = strlen(text);
	f.loaded = 1;
	tl_lines_build(&f.lines, f.data, f.size);
	m = tl_pmatcher_new(p);
	(void)tl_patterns_scan(p, m, &f, on_hit, h);
	tl_pmatcher_free(m);
	tl_lines_release(&f.lines);
	return h->n;
}

static void
on_example(void *arg, const struct tl_pexample *e)
{
	char	 what[200], *p;

	(void)arg;
	snprintf(what, sizeof(what), "%s %s %s: %.60s", e->rule_id,
	    e->detector, e->want ? "matches" : "does not match", e->text);
	for (p = what; *p != '\0'; p++)	/* one TAP line per example */
		if (*p == '\n' || *p == '\r')
			*p = ' ';
	tap_result((e->got > 0) == e->want, e->pack, (int)e->line, what);
}

static void
on_untested(void *arg, const char *pack, const char *det)
{
	(void)arg;
	printf("#   %s: detector '%s' needs a match and a no-match example\n",
	    pack, det);
}

#define HEAD	"rules:\n- id: TF0450\n  name: t\n  factor: 4\n" \
		"  severity: warning\n  summary: s\n  rationale: r\n" \
		"  fix: f\n  detectors:\n"

static void
test_errors(void)
{
	TEST("malformed packs: TL_EUSAGE and NAME:LINE: what");
	BAD("rules: [\n", "t.yml:1: did not find expected node content");
	BAD("", "t.yml:1: empty pack");
	BAD("# only a comment\n", "t.yml:1: empty pack");
	BAD("- a\n- b\n", "t.yml:1: a pack is a mapping");
	BAD("rules: []\n---\nrules: []\n", "t.yml:3: a pack is one YAML");
	BAD("description: x\n", "t.yml:1: pack without 'rules'");
	BAD("rules: {}\n", "t.yml:1: 'rules' must be a list");
	BAD("rules: []\nrule: []\n", "t.yml:2: unknown key 'rule' in a pack");
	BAD("rules:\n- TF0401\n", "t.yml:2: each item of 'rules'");
	BAD("rules:\n- name: x\n  detectors: []\n",
	    "t.yml:2: rule entry without an 'id'");
	BAD("rules:\n- id: TF401\n", "t.yml:2: bad rule id 'TF401'");
	BAD("rules:\n- id: TF1301\n", "t.yml:2: bad rule id 'TF1301'");
	BAD("rules:\n- id: TF0400\n", "t.yml:2: bad rule id 'TF0400'");
	BAD("rules:\n- id: TF0001\n", "t.yml:2: bad rule id 'TF0001'");
	BAD("rules:\n- id: TF0450\n", "t.yml:2: entry for TF0450 has neither");
	BAD("rules:\n- id: TF0450\n  colour: red\n",
	    "t.yml:3: unknown key 'colour' in a rule entry");
	BAD("rules:\n- id: TF0450\n  id: TF0451\n",
	    "t.yml:3: duplicate key 'id'");
	BAD("rules:\n- id: TF0450\n  name: x\n  factor: 4\n",
	    "t.yml:2: TF0450: missing 'severity'");
	BAD("rules:\n- id: TF0450\n  name: t\n  factor: 5\n  severity: info\n"
	    "  summary: s\n  rationale: r\n  fix: f\n",
	    "t.yml:4: TF0450: factor 5 does not match");
	BAD("rules:\n- id: TF0450\n  name: t\n  factor: four\n"
	    "  severity: info\n  summary: s\n  rationale: r\n  fix: f\n",
	    "t.yml:4: 'factor' must be a number");
	BAD("rules:\n- id: TF0450\n  name: t\n  factor: 4\n  severity: fatal\n"
	    "  summary: s\n  rationale: r\n  fix: f\n",
	    "t.yml:5: 'severity' must be error");
	BAD("rules:\n- id: TF0450\n  name: t\n  factor: 4\n  severity: off\n"
	    "  summary: s\n  rationale: r\n  fix: f\n",
	    "t.yml:5: 'severity' must be error");
	BAD("rules:\n- id: TF0450\n  name: No Caps\n  factor: 4\n"
	    "  severity: info\n  summary: s\n  rationale: r\n  fix: f\n",
	    "t.yml:3: rule name 'No Caps'");
	BAD("rules:\n- id: TF0450\n  name: t\n  factor: 4\n  severity: info\n"
	    "  summary: [s]\n  rationale: r\n  fix: f\n",
	    "t.yml:6: 'summary' must be a string");
	BAD("rules:\n- id: TF0495\n  name: t\n  factor: 4\n  severity: info\n"
	    "  summary: s\n  rationale: r\n  fix: f\n",
	    "t.yml:2: TF0495: ids TF0490 to TF0499 are kept for --rules");
	BAD_USER("rules:\n- id: TF0450\n  name: t\n  factor: 4\n"
	    "  severity: info\n  summary: s\n  rationale: r\n  fix: f\n",
	    "u.yml:2: TF0450: a rule defined in a --rules pack must use");
	BAD(HEAD "  - x\n", "t.yml:10: a detector must be a mapping");
	BAD(HEAD "  - message: m\n", "t.yml:10: detector without a 'name'");
	BAD(HEAD "  - name: Foo\n", "t.yml:10: detector name 'Foo'");
	BAD(HEAD "  - name: a\n    kinds: [source]\n    regex: x\n",
	    "t.yml:10: detector 'a' without a 'message'");
	BAD(HEAD "  - name: a\n    message: m\n    regex: x\n",
	    "t.yml:10: detector 'a' needs 'kinds' or 'langs'");
	BAD(HEAD "  - name: a\n    message: m\n    kinds: [source]\n",
	    "t.yml:10: detector 'a' without a 'regex'");
	BAD(HEAD "  - name: a\n    message: m\n    kinds: [sauce]\n",
	    "t.yml:12: unknown file kind 'sauce'");
	BAD(HEAD "  - name: a\n    message: m\n    langs: [cobol]\n",
	    "t.yml:12: unknown language 'cobol'");
	BAD(HEAD "  - name: a\n    message: m\n    kinds: source\n"
	    "    regexp: x\n", "t.yml:13: unknown key 'regexp' in a detector");
	BAD(HEAD "  - name: a\n    message: m\n    kinds: source\n"
	    "    regex: 'ab(c'\n",
	    "t.yml:13: bad regex in 'regex': missing closing parenthesis "
	    "at offset 4");
	BAD(HEAD "  - name: a\n    message: m\n    kinds: source\n"
	    "    regex: [x, 'y[']\n", "t.yml:13: bad regex in 'regex': ");
	BAD(HEAD "  - name: a\n    message: m\n    kinds: source\n"
	    "    regex: x\n    allow: ['(']\n",
	    "t.yml:14: bad regex in 'allow'");
	BAD(HEAD "  - name: a\n    message: m\n    kinds: source\n"
	    "    regex: x\n    allow-line: '*'\n",
	    "t.yml:14: bad regex in 'allow-line'");
	BAD(HEAD "  - name: a\n    message: m\n    kinds: source\n"
	    "    regex: '(a)(b)'\n    secret-group: 3\n",
	    "t.yml:14: secret-group 3: the regex '(a)(b)' has only 2 groups");
	BAD(HEAD "  - name: a\n    message: m\n    kinds: source\n"
	    "    regex: ['(?<s>a)', 'b']\n    secret-group: s\n",
	    "t.yml:14: secret-group 's': the regex 'b' has no group");
	BAD(HEAD "  - name: a\n    message: m\n    kinds: source\n"
	    "    regex: x\n    secret: yes please\n",
	    "t.yml:14: 'secret' must be true or false");
	BAD(HEAD "  - name: a\n    message: m\n    kinds: source\n"
	    "    regex: x\n    entropy: 9\n", "t.yml:14: 'entropy' must be");
	BAD(HEAD "  - name: a\n    message: m\n    kinds: source\n"
	    "    regex: x\n    entropy: high\n", "t.yml:14: 'entropy' must be");
	BAD(HEAD "  - name: a\n    message: m\n    kinds: source\n"
	    "    regex: x\n    keywords: []\n",
	    "t.yml:14: 'keywords' must be a string or a non-empty list");
	BAD(HEAD "  - name: a\n    message: m\n    kinds: source\n"
	    "    regex: x\n    examples: [x]\n",
	    "t.yml:14: 'examples' must be a mapping");
	BAD(HEAD "  - name: a\n    message: m\n    kinds: source\n"
	    "    regex: x\n    examples:\n      matches: [x]\n",
	    "t.yml:15: unknown key 'matches' in examples");
	BAD(HEAD "  - name: a\n    message: m\n    kinds: source\n"
	    "    regex: x\n  - name: a\n    message: m\n    kinds: source\n"
	    "    regex: y\n", "t.yml:14: detector 'a' is already defined at "
	    "line 10");
	BAD("rules:\n- id: TF0450\n  detectors: {}\n",
	    "t.yml:3: 'detectors' must be a list");
	BAD("rules:\n- id: TF0450\n  detectors:\n  - name: a\n"
	    "    disabled: true\n",
	    "t.yml:5: no detector 'a' to disable");
	BAD_USER("rules:\n- id: TF0901\n  detectors:\n  - name: a\n"
	    "    message: m\n    disabled: true\n",
	    "u.yml:4: a disabled detector takes only");

	TEST("errors found when the packs are finished");
	BAD("rules:\n- id: TF0450\n  detectors:\n  - name: a\n    message: m\n"
	    "    kinds: source\n    regex: x\n",
	    "t.yml:2: no rule TF0450: an entry without texts adds detectors");
	BAD("rules:\n- id: TF0901\n  name: t\n  factor: 9\n  severity: info\n"
	    "  summary: s\n  rationale: r\n  fix: f\n",
	    "t.yml:2: TF0901 is a built-in structural rule");
}

static void
test_conflicts(void)
{
	struct tl_patterns	*p;
	const char		*a = HEAD "  - name: a\n    message: m\n"
	    "    kinds: source\n    regex: x\n";
	int			 error;

	TEST("conflicts between packs");
	p = tl_patterns_new();
	CHECK_INT(tl_patterns_add(p, "a.yml", a, strlen(a)), 0);
	error = tl_patterns_add(p, "b.yml", a, strlen(a));
	CHECK_INT(error, TL_EUSAGE);
	CHECK_STR(tl_error_get(), "b.yml:2: rule TF0450 is already defined "
	    "at a.yml:2");
	error = tl_patterns_add(p, "c.yml", "rules:\n- id: TF0901\n"
	    "  detectors:\n  - name: a\n    message: m\n    kinds: source\n"
	    "    regex: y\n", 91);
	CHECK_INT(error, TL_EUSAGE);
	CHECK_STR(tl_error_get(), "c.yml:4: detector 'a' is already defined "
	    "at a.yml:10");
	/* A user's override must keep the rule id. */
	error = tl_patterns_add_user(p, "u.yml", "rules:\n- id: TF0901\n"
	    "  detectors:\n  - name: a\n    message: m\n    kinds: source\n"
	    "    regex: y\n", 91);
	CHECK_INT(error, TL_EUSAGE);
	CHECK(strstr(tl_error_get(), "u.yml:4: detector 'a' overrides one of "
	    "TF0450") != NULL);
	/* A failed pack left nothing behind. */
	CHECK_INT(tl_patterns_finish(p, known, NULL), 0);
	CHECK_INT(tl_patterns_ndetectors(p), 1);
	/* Too late for more packs. */
	CHECK_INT(tl_patterns_add(p, "d.yml", "rules: []\n", 10), TL_EUSAGE);
	tl_patterns_free(p);
}

static void
test_rules(void)
{
	struct tl_patterns	 *p;
	const struct tl_rule *const *rules;
	struct hits		  h;
	size_t			  n;
	const char		 *pack =
	    "x-any: &any [source, dotenv]\n"
	    "rules:\n"
	    "- id: TF0452\n  name: second\n  factor: 4\n  severity: error\n"
	    "  summary: s2\n  rationale: r2\n  fix: f2\n"
	    "  see_also: gitleaks x\n"
	    "  detectors:\n"
	    "  - name: two\n    message: m2\n    kinds: *any\n    regex: two\n"
	    "- id: TF0451\n  name: first\n  factor: 4\n  severity: info\n"
	    "  summary: s1\n  rationale: r1\n  fix: f1\n"
	    "- id: TF0451\n  detectors:\n"
	    "  - name: one\n    message: m1\n    kinds: [compose]\n"
	    "    regex: one\n"
	    "- id: TF0901\n  detectors:\n"
	    "  - name: sh-form\n    message: m9\n    kinds: dockerfile\n"
	    "    regex: '^CMD [a-z]'\n";

	TEST("rules defined by packs; detectors on a structural rule");
	CHECK_INT(load(&p, pack, NULL), 0);
	if (p == NULL)
		return;
	rules = tl_patterns_rules(p, &n);
	CHECK_INT(n, 2);
	CHECK_STR(rules[0]->id, "TF0451");
	CHECK_STR(rules[1]->id, "TF0452");
	CHECK_STR(rules[0]->name, "first");
	CHECK_INT(rules[0]->severity, TL_SEV_INFO);
	CHECK_INT(rules[1]->severity, TL_SEV_ERROR);
	CHECK_INT(rules[1]->factor, 4);
	CHECK_STR(rules[1]->see_also, "gitleaks x");
	CHECK_STR(rules[0]->see_also, NULL);
	CHECK(rules[0]->check == NULL);
	CHECK_INT(rules[0]->needs, TL_NEED(TL_FILE_COMPOSE));
	CHECK_INT(rules[1]->needs,
	    TL_NEED(TL_FILE_SOURCE) | TL_NEED(TL_FILE_DOTENV));
	CHECK_INT(tl_patterns_needs(p, "TF0901"), TL_NEED(TL_FILE_DOCKERFILE));
	CHECK_INT(tl_patterns_needs(p, "tf0901"), TL_NEED(TL_FILE_DOCKERFILE));
	CHECK_INT(tl_patterns_needs(p, "TF0101"), 0);
	CHECK_INT(tl_patterns_needs(NULL, "TF0101"), 0);
	CHECK_INT(scan(p, "Dockerfile", TL_FILE_DOCKERFILE, TL_LANG_NONE,
	    "FROM x\nCMD node app.js\n", &h), 1);
	CHECK_STR(h.rule[0], "TF0901");
	CHECK_STR(h.det[0], "sh-form");
	CHECK_INT(h.start[0], 7);
	CHECK_INT(scan(p, ".env", TL_FILE_DOTENV, TL_LANG_NONE, "two one",
	    &h), 1);
	CHECK_STR(h.rule[0], "TF0452");
	tl_patterns_free(p);
}

static void
test_selection(void)
{
	struct tl_patterns	*p;
	const char		*pack = HEAD
	    "  - name: py\n    message: m\n    langs: python\n    regex: KEY\n"
	    "  - name: cfg\n    message: m\n    kinds: [yaml, json]\n"
	    "    paths: ['config/**']\n    exclude-paths: ['*.local.*']\n"
	    "    regex: KEY\n"
	    "  - name: any\n    message: m\n    kinds: any\n"
	    "    paths: '**/deploy/*.conf'\n    tests: true\n    regex: KEY\n";

	TEST("selection by kind, language, path and test code");
	CHECK_INT(load(&p, pack, NULL), 0);
	if (p == NULL)
		return;
	CHECK_INT(scan(p, "app.py", TL_FILE_SOURCE, TL_LANG_PYTHON, "KEY",
	    NULL), 1);
	CHECK_INT(scan(p, "run.sh", TL_FILE_SCRIPT, TL_LANG_PYTHON, "KEY",
	    NULL), 1);
	CHECK_INT(scan(p, "app.js", TL_FILE_SOURCE, TL_LANG_JAVASCRIPT, "KEY",
	    NULL), 0);
	CHECK_INT(scan(p, "app.py", TL_FILE_YAML, TL_LANG_NONE, "KEY", NULL),
	    0);
	CHECK_INT(scan(p, "config/a/b.yml", TL_FILE_YAML, TL_LANG_NONE, "KEY",
	    NULL), 1);
	CHECK_INT(scan(p, "config/b.json", TL_FILE_JSON, TL_LANG_NONE, "KEY",
	    NULL), 1);
	CHECK_INT(scan(p, "config/b.local.json", TL_FILE_JSON, TL_LANG_NONE,
	    "KEY", NULL), 0);
	CHECK_INT(scan(p, "app/config/b.yml", TL_FILE_YAML, TL_LANG_NONE,
	    "KEY", NULL), 0);
	CHECK_INT(scan(p, "deploy/x.conf", TL_FILE_OTHER, TL_LANG_NONE, "KEY",
	    NULL), 1);
	CHECK_INT(scan(p, "deploy/a/x.conf", TL_FILE_OTHER, TL_LANG_NONE,
	    "KEY", NULL), 0);
	/* Test code: skipped unless the detector says tests: true. */
	CHECK_INT(scan(p, "tests/test_app.py", TL_FILE_SOURCE, TL_LANG_PYTHON,
	    "KEY", NULL), 0);
	CHECK_INT(scan(p, "src/app_test.py", TL_FILE_SOURCE, TL_LANG_PYTHON,
	    "KEY", NULL), 0);
	CHECK_INT(scan(p, "test/deploy/x.conf", TL_FILE_OTHER, TL_LANG_NONE,
	    "KEY", NULL), 1);
	tl_patterns_free(p);

	TEST("test-code paths");
	CHECK(tl_path_is_test("tests/app.py"));
	CHECK(tl_path_is_test("a/test/b/c.go"));
	CHECK(tl_path_is_test("pkg/testdata/x.json"));
	CHECK(tl_path_is_test("web/__tests__/a.js"));
	CHECK(tl_path_is_test("spec/models/user_spec.rb"));
	CHECK(tl_path_is_test("fixtures/db.yml"));
	CHECK(tl_path_is_test("db_test.go"));
	CHECK(tl_path_is_test("app/test_views.py"));
	CHECK(tl_path_is_test("app/conftest.py"));
	CHECK(tl_path_is_test("src/a.test.ts"));
	CHECK(tl_path_is_test("src/a.spec.jsx"));
	CHECK(tl_path_is_test("src/main/x/UserServiceTest.java"));
	CHECK(tl_path_is_test("Api.Tests/UserTests.cs"));
	CHECK(!tl_path_is_test("src/app.py"));
	CHECK(!tl_path_is_test("src/testing.py"));
	CHECK(!tl_path_is_test("src/latest/app.go"));
	CHECK(!tl_path_is_test("contest.py"));
	CHECK(!tl_path_is_test("tests"));

	TEST("globs");
	CHECK(tl_patterns_glob("*.py", "a/b/c.py"));
	CHECK(!tl_patterns_glob("*.py", "a/b/c.pyc"));
	CHECK(tl_patterns_glob("src/*.py", "src/c.py"));
	CHECK(!tl_patterns_glob("src/*.py", "src/b/c.py"));
	CHECK(tl_patterns_glob("src/**/*.py", "src/c.py"));
	CHECK(tl_patterns_glob("src/**/*.py", "src/a/b/c.py"));
	CHECK(tl_patterns_glob("**/docs/**", "docs/a.md"));
	CHECK(tl_patterns_glob("**/docs/**", "x/docs/y/a.md"));
	CHECK(!tl_patterns_glob("**/docs/**", "x/docsite/a.md"));
	CHECK(tl_patterns_glob("/Dockerfile", "Dockerfile"));
	CHECK(!tl_patterns_glob("/Dockerfile", "a/Dockerfile"));
	CHECK(tl_patterns_glob("./a/b", "a/b"));
	CHECK(tl_patterns_glob("a?c", "x/abc"));
	CHECK(!tl_patterns_glob("a?c", "a/c"));
	CHECK(tl_patterns_glob("[ab]*.yml", "b1.yml"));
	CHECK(!tl_patterns_glob("[!ab]*.yml", "b1.yml"));
	CHECK(tl_patterns_glob("[!ab]*.yml", "c1.yml"));
	CHECK(tl_patterns_glob("\\*.yml", "*.yml"));
	CHECK(!tl_patterns_glob("\\*.yml", "a.yml"));
	CHECK(tl_patterns_glob("a[", "a["));
	CHECK(tl_patterns_glob("a/**", "a/b/c"));
	CHECK(tl_patterns_glob("a**", "x/abc"));
	CHECK(!tl_patterns_glob("a**", "abc/x"));
}

static void
test_filters(void)
{
	struct tl_patterns	*p;
	struct hits		 h;
	const char		*text;
	const char		*pack = HEAD
	    "  - name: kw\n    message: m\n    kinds: source\n"
	    "    keywords: [Zebra, gnu]\n    regex: '\\d{3}'\n"
	    "  - name: ent\n    message: m\n    kinds: other\n"
	    "    regex: 'key=(\\w+)'\n    secret-group: 1\n    entropy: 3\n"
	    "  - name: allow\n    message: m\n    kinds: json\n"
	    "    regex: 'tok=(?<t>\\w+)'\n    secret-group: t\n"
	    "    allow: ['^test', 'fake$']\n    allow-line: 'nosec'\n"
	    "    stopwords: [SAMPLE]\n"
	    "  - name: secret\n    message: m\n    kinds: dotenv\n"
	    "    regex: '^token=(\\S+)'\n    secret-group: 1\n"
	    "    secret: true\n"
	    "  - name: ctx\n    message: m\n    kinds: procfile\n"
	    "    regex: VAL\n    allow-line: '^#'\n"
	    "    allow-context: '^keep-out[ \\t]*\\n(?:.*,\\n)?\\z'\n";

	TEST("keyword prefilter: case-insensitive, any one of them");
	CHECK_INT(load(&p, pack, NULL), 0);
	if (p == NULL)
		return;
	CHECK_INT(scan(p, "a.py", TL_FILE_SOURCE, 0, "123 456", NULL), 0);
	CHECK_INT(scan(p, "a.py", TL_FILE_SOURCE, 0, "ZEBRA 123 456", &h), 2);
	CHECK_INT(h.start[1], 10);
	CHECK_INT(scan(p, "a.py", TL_FILE_SOURCE, 0, "123 Gnu", NULL), 1);
	CHECK_INT(scan(p, "a.py", TL_FILE_SOURCE, 0, "123 gn u", NULL), 0);

	TEST("entropy floor on the secret group");
	CHECK_INT(scan(p, "a.txt", TL_FILE_OTHER, 0, "key=aaaaaaaaaaaa", NULL),
	    0);
	CHECK_INT(scan(p, "a.txt", TL_FILE_OTHER, 0, "key=a8Kq2ZpX9wR4", &h),
	    1);
	CHECK_INT(h.sstart[0], 4);
	CHECK_INT(h.send[0], 16);
	CHECK_INT(h.secret[0], 0);

	TEST("allow, allow-line and stopwords");
	CHECK_INT(scan(p, "a.json", TL_FILE_JSON, 0, "tok=abc", NULL), 1);
	CHECK_INT(scan(p, "a.json", TL_FILE_JSON, 0, "tok=testabc", NULL), 0);
	CHECK_INT(scan(p, "a.json", TL_FILE_JSON, 0, "tok=abcfake", NULL), 0);
	CHECK_INT(scan(p, "a.json", TL_FILE_JSON, 0, "tok=aSampleb", NULL), 0);
	text = "tok=one\nx tok=two # nosec\ntok=three";
	CHECK_INT(scan(p, "a.json", TL_FILE_JSON, 0, text, &h), 2);
	CHECK_INT(h.sstart[0], 4);
	CHECK_INT(h.sstart[1], 30);

	TEST("allow-context: the two lines before the match's line");
	CHECK_INT(scan(p, "Procfile", TL_FILE_PROCFILE, 0, "VAL", NULL), 1);
	CHECK_INT(scan(p, "Procfile", TL_FILE_PROCFILE, 0, "keep-out\nVAL",
	    NULL), 0);
	CHECK_INT(scan(p, "Procfile", TL_FILE_PROCFILE, 0,
	    "keep-out\n a,\n VAL", NULL), 0);
	CHECK_INT(scan(p, "Procfile", TL_FILE_PROCFILE, 0,
	    "keep-out\nx\nVAL", NULL), 1);
	CHECK_INT(scan(p, "Procfile", TL_FILE_PROCFILE, 0,
	    "keep-out\nVAL\nVAL", &h), 1);
	CHECK_INT(h.start[0], 13);
	CHECK_INT(scan(p, "Procfile", TL_FILE_PROCFILE, 0,
	    "keep-out\na,\nb,\nVAL", NULL), 1);
	/* allow-line looks at the match's own line only. */
	CHECK_INT(scan(p, "Procfile", TL_FILE_PROCFILE, 0, "#\nVAL # VAL",
	    NULL), 2);
	CHECK_INT(scan(p, "Procfile", TL_FILE_PROCFILE, 0, "# VAL\nVAL",
	    &h), 1);
	CHECK_INT(h.start[0], 6);

	TEST("placeholders are not secrets");
	text = "token=${API_TOKEN}\ntoken=$API_TOKEN\ntoken=<your-key>\n"
	    "token={{token}}\ntoken=xxxxxxxxxxxx\ntoken=changeme\n"
	    "token=my-example-key\ntoken=DUMMY\ntoken=placeholder\n"
	    "token=AKIAIOSFODNN7EXAMPLE\n"
	    "token=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n"
	    "token=your_api_token\ntoken=********\ntoken={token}\n"
	    "token=%s\ntoken=sk-...\ntoken=0000000000\n"
	    "token=9fK2mQ7xLp\n";
	CHECK_INT(scan(p, ".env", TL_FILE_DOTENV, 0, text, &h), 1);
	CHECK(h.secret[0] == 1);
	CHECK(h.n == 1 && strncmp(text + h.sstart[0], "9fK2mQ7xLp", 10) == 0);
	tl_patterns_free(p);
}

static void
test_matching(void)
{
	struct tl_patterns	*p;
	struct hits		 h;
	const char		*pack = HEAD
	    "  - name: empty\n    message: m\n    kinds: source\n"
	    "    regex: 'a*'\n"
	    "  - name: two\n    message: m\n    kinds: other\n"
	    "    regex: ['bcd', 'abc', 'd$']\n"
	    "  - name: ml\n    message: m\n    kinds: json\n"
	    "    regex: '^x\\d'\n";

	TEST("matches never overlap; an empty match moves on by one");
	CHECK_INT(load(&p, pack, NULL), 0);
	if (p == NULL)
		return;
	CHECK_INT(scan(p, "a.c", TL_FILE_SOURCE, 0, "baab", &h), 4);
	CHECK_INT(h.start[0], 0);
	CHECK_INT(h.start[1], 1);
	CHECK_INT(h.send[1], 3);
	CHECK_INT(h.start[2], 3);
	CHECK_INT(h.start[3], 4);
	/* Several regexes: file order, the earlier of two overlaps kept. */
	CHECK_INT(scan(p, "a", TL_FILE_OTHER, 0, "zabcd abcd\nbcd", &h), 4);
	CHECK_INT(h.start[0], 1);	/* abc; bcd at 2 overlaps */
	CHECK_INT(h.start[1], 6);	/* abc; bcd at 7 overlaps */
	CHECK_INT(h.start[2], 9);	/* d$ at the end of line 1 */
	CHECK_INT(h.start[3], 11);	/* bcd; d$ at 13 overlaps */
	/* Regexes are multi-line and run over the whole buffer. */
	CHECK_INT(scan(p, "a.json", TL_FILE_JSON, 0, "x1\n x2\nx3", &h), 2);
	CHECK_INT(h.start[1], 7);
	/* A negative return from the callback stops the scan. */
	memset(&h, 0, sizeof(h));
	CHECK_INT(scan(p, "a.c", TL_FILE_SOURCE, 0, "baab", &h), 4);
	{
		struct tl_pmatcher	*m = tl_pmatcher_new(p);
		struct tl_file		 f;

		memset(&f, 0, sizeof(f));
		memset(&h, 0, sizeof(h));
		h.stop_after = 2;
		f.path = "a.c";
		f.kind = TL_FILE_SOURCE;
		f.data = "baab";
		f.size = 4;
		CHECK_INT(tl_patterns_scan(p, m, &f, on_hit, &h), TL_ERR);
		CHECK_INT(h.n, 2);
		f.data = NULL;	/* a file that was not loaded */
		CHECK_INT(tl_patterns_scan(p, m, &f, on_hit, &h), 0);
		tl_pmatcher_free(m);
	}
	tl_patterns_free(p);
}

static void
test_override(void)
{
	struct tl_patterns	*p;
	struct hits		 h;
	const char		*builtin = HEAD
	    "  - name: a\n    message: builtin\n    kinds: source\n"
	    "    regex: alpha\n"
	    "  - name: b\n    message: builtin\n    kinds: source\n"
	    "    regex: beta\n";
	const char		*user =
	    "rules:\n"
	    "- id: TF0450\n  detectors:\n"
	    "  - name: a\n    message: mine\n    kinds: source\n"
	    "    regex: ALPHA\n"
	    "  - name: b\n    disabled: true\n"
	    "- id: TF0490\n  name: custom\n  factor: 4\n  severity: info\n"
	    "  summary: s\n  rationale: r\n  fix: f\n  detectors:\n"
	    "  - name: mine\n    message: m\n    kinds: source\n"
	    "    regex: gamma\n";

	TEST("a user pack replaces a detector by name, or disables it");
	CHECK_INT(load(&p, builtin, NULL), 0);
	CHECK_INT(scan(p, "a.py", TL_FILE_SOURCE, 0, "alpha beta ALPHA gamma",
	    &h), 2);
	tl_patterns_free(p);
	CHECK_INT(load(&p, builtin, user), 0);
	if (p == NULL)
		return;
	CHECK_INT(tl_patterns_ndetectors(p), 2);
	CHECK_INT(scan(p, "a.py", TL_FILE_SOURCE, 0, "alpha beta ALPHA gamma",
	    &h), 2);
	CHECK_INT(h.start[0], 11);
	CHECK_STR(h.rule[1], "TF0490");
	tl_patterns_free(p);
}

static void
test_path(void)
{
	struct tl_patterns	*p;
	char			 dir[] = "/tmp/t_patterns.XXXXXX", path[256];
	FILE			*fp;
	int			 error;

	TEST("--rules FILE|DIR");
	if (mkdtemp(dir) == NULL) {
		CHECK(!"mkdtemp");
		return;
	}
	snprintf(path, sizeof(path), "%s/b.yml", dir);
	fp = fopen(path, "w");
	fputs("rules:\n- id: TF0901\n  detectors:\n  - name: x\n"
	    "    message: m\n    kinds: dockerfile\n    regex: x\n", fp);
	fclose(fp);
	snprintf(path, sizeof(path), "%s/a.yaml", dir);
	fp = fopen(path, "w");
	fputs("rules:\n- id: TF0991\n  name: mine\n  factor: 9\n"
	    "  severity: info\n  summary: s\n  rationale: r\n  fix: f\n", fp);
	fclose(fp);
	snprintf(path, sizeof(path), "%s/notes.txt", dir);
	fp = fopen(path, "w");
	fputs("not a pack\n", fp);
	fclose(fp);

	p = tl_patterns_new();
	CHECK_INT(tl_patterns_add_path(p, dir), 0);
	CHECK_INT(tl_patterns_finish(p, known, NULL), 0);
	CHECK_INT(tl_patterns_ndetectors(p), 1);
	tl_patterns_free(p);

	snprintf(path, sizeof(path), "%s/b.yml", dir);
	fp = fopen(path, "w");
	fputs("rules:\n- id: TF0901\n  detectors:\n  - name: x\n", fp);
	fclose(fp);
	p = tl_patterns_new();
	error = tl_patterns_add_path(p, dir);
	CHECK_INT(error, TL_EUSAGE);
	snprintf(path, sizeof(path), "%s/b.yml:4: detector 'x' without a "
	    "'message'", dir);
	CHECK_STR(tl_error_get(), path);
	tl_patterns_free(p);

	p = tl_patterns_new();
	snprintf(path, sizeof(path), "%s/missing.yml", dir);
	CHECK_INT(tl_patterns_add_path(p, path), TL_EUSAGE);
	CHECK(strstr(tl_error_get(), "cannot read") != NULL);
	tl_patterns_free(p);

	snprintf(path, sizeof(path), "%s/a.yaml", dir);
	unlink(path);
	snprintf(path, sizeof(path), "%s/b.yml", dir);
	unlink(path);
	snprintf(path, sizeof(path), "%s/notes.txt", dir);
	unlink(path);
	rmdir(dir);
}

/* The packs of rules/patterns/, as the binary embeds them. */
static void
test_embedded(void)
{
	struct tl_patterns	*p;
	struct hits		 h;
	const char		*src;
	size_t			 i;
	int			 error = 0, bad;

	TEST("embedded packs load");
	CHECK(tl_embedded_npacks > 0);
	p = tl_patterns_new();
	for (i = 0; i < tl_embedded_npacks && error == 0; i++) {
		error = tl_patterns_add(p, tl_embedded_packs[i].name,
		    (const char *)tl_embedded_packs[i].data,
		    tl_embedded_packs[i].len);
		if (error != 0)
			printf("#   %s\n", tl_error_get());
	}
	CHECK_INT(error, 0);
	error = tl_patterns_finish(p, known_structural, NULL);
	CHECK_INT(error, 0);
	if (error != 0) {
		printf("#   %s\n", tl_error_get());
		tl_patterns_free(p);
		return;
	}

	TEST("every detector of every pack matches its examples");
	bad = tl_patterns_selftest(p, on_example, NULL);
	CHECK_INT(bad, 0);
	CHECK_INT(tl_patterns_untested(p, on_untested, NULL), 0);

	TEST("TF0401 and TF0402 on a whole file");
	src = "import os\n"
	    "DB = os.environ.get('DATABASE_URL', 'postgres://localhost/dev')\n"
	    "CACHE = 'redis://cache:6379/0'\n"
	    "LEGACY = 'mysql://shop:Xq7rT2pL9v@10.1.2.3/shop'\n";
	CHECK_INT(scan(p, "app/settings.py", TL_FILE_SOURCE, TL_LANG_PYTHON,
	    src, &h), 3);
	CHECK_STR(h.rule[0], "TF0401");
	CHECK_STR(h.det[0], "mysql-url");
	CHECK_STR(h.det[1], "redis-url");
	CHECK_STR(h.rule[2], "TF0402");
	CHECK(h.secret[2] == 1 && h.send[2] - h.sstart[2] == 10 &&
	    strncmp(src + h.sstart[2], "Xq7rT2pL9v", 10) == 0);
	/* Test code is left alone; so is documentation for TF0402. */
	CHECK_INT(scan(p, "tests/test_settings.py", TL_FILE_SOURCE,
	    TL_LANG_PYTHON, src, NULL), 0);
	CHECK_INT(scan(p, "README.md", TL_FILE_OTHER, TL_LANG_NONE, src, NULL),
	    0);
	CHECK_INT(scan(p, "config/database.yml", TL_FILE_YAML, TL_LANG_NONE,
	    src, &h), 1);
	CHECK_STR(h.rule[0], "TF0402");
	tl_patterns_free(p);
}

/* The top-level "allow" of any pack: the global allowlist. */
static void
test_global_allow(void)
{
	static const char pack[] =
	    "rules:\n"
	    "  - id: TF0380\n"
	    "    name: team-key\n"
	    "    factor: 3\n"
	    "    severity: error\n"
	    "    summary: team key\n"
	    "    rationale: a team key in the code\n"
	    "    fix: read it from the environment\n"
	    "    detectors:\n"
	    "      - name: team-key\n"
	    "        message: team key\n"
	    "        kinds: any\n"
	    "        keywords: [tk_]\n"
	    "        regex: 'tk_(?<k>[A-Za-z0-9]{12})'\n"
	    "        secret-group: k\n"
	    "        secret: true\n"
	    "        examples: {match: ['tk_Ab3dEf6hIj9k'], no-match: ['tk_']}\n";
	static const char user[] =
	    "allow:\n"
	    "  secrets: ['^Ab3dEf6hIj9k$']\n"
	    "  lines: ['rotated-2026']\n"
	    "  paths: ['fixtures-vault/**']\n"
	    "  stopwords: [qqqq]\n"
	    "rules: []\n";
	struct tl_patterns	*p;

	TEST("a global allowlist: secrets, lines, paths, stopwords");
	CHECK(load(&p, pack, NULL) == 0);
	CHECK_INT(scan(p, "a.txt", TL_FILE_OTHER, TL_LANG_NONE,
	    "k = tk_Ab3dEf6hIj9k\nk = tk_Zy9xWv8uTs7r\n", NULL), 2);
	tl_patterns_free(p);
	CHECK(load(&p, pack, user) == 0);
	/* The listed secret goes, the other one stays. */
	CHECK_INT(scan(p, "a.txt", TL_FILE_OTHER, TL_LANG_NONE,
	    "k = tk_Ab3dEf6hIj9k\nk = tk_Zy9xWv8uTs7r\n", NULL), 1);
	CHECK_INT(scan(p, "a.txt", TL_FILE_OTHER, TL_LANG_NONE,
	    "k = tk_Zy9xWv8uTs7r # rotated-2026\n", NULL), 0);
	CHECK_INT(scan(p, "fixtures-vault/x/a.txt", TL_FILE_OTHER,
	    TL_LANG_NONE, "k = tk_Zy9xWv8uTs7r\n", NULL), 0);
	CHECK_INT(scan(p, "a.txt", TL_FILE_OTHER, TL_LANG_NONE,
	    "k = tk_ZyqqqqvTs7rX\n", NULL), 0);
	tl_patterns_free(p);
	BAD_USER("allow:\n  secrets: ['(']\nrules: []\n", "u.yml:2:");
	BAD_USER("allow:\n  file: [x]\nrules: []\n", "u.yml:2:");
	BAD_USER("allow: [x]\nrules: []\n", "u.yml:1:");
}

int
main(void)
{
	test_errors();
	test_conflicts();
	test_rules();
	test_selection();
	test_filters();
	test_matching();
	test_override();
	test_global_allow();
	test_path();
	test_embedded();
	return TAP_DONE();
}
