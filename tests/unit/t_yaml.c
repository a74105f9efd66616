/*
 * Unit tests of yaml.c: positions, tags, streams, anchors and merge keys,
 * limits, errors, JSON through libyaml and through the cJSON fallback.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "twelvelint/util.h"
#include "twelvelint/yaml.h"
#include "tap.h"

static struct tl_yerror	 err;

/* Parse n bytes; the return code goes to *rc. */
static struct tl_ydoc *
parse_n(const char *s, size_t n, int *rc)
{
	struct tl_ydoc	*doc = NULL;

	*rc = tl_yaml_parse(&doc, s, n, &err);
	return doc;
}

static struct tl_ydoc *
parse(const char *s, int *rc)
{
	return parse_n(s, strlen(s), rc);
}

static const struct tl_ynode *
root(const struct tl_ydoc *doc)
{
	return doc == NULL || doc->nroots == 0 ? NULL : doc->roots[0];
}

static int
at(const struct tl_ynode *n, unsigned line, unsigned col)
{
	if (n == NULL)
		return 0;
	if (n->line != line || n->col != col)
		printf("#   at %u:%u, want %u:%u\n", n->line, n->col, line,
		    col);
	return n->line == line && n->col == col;
}

/* Is the message one line of printable ASCII? */
static int
msg_clean(const char *m)
{
	if (*m == '\0')
		return 0;
	for (; *m != '\0'; m++)
		if ((unsigned char)*m < 0x20 || (unsigned char)*m >= 0x7f)
			return 0;
	return 1;
}

/*
 * Do two trees have the same shape, text, style and, below line `from`,
 * the same positions?
 */
static int
same_tree(const struct tl_ynode *a, const struct tl_ynode *b, unsigned from)
{
	size_t	 i;

	if (a->type != b->type || a->nitems != b->nitems ||
	    a->npairs != b->npairs)
		return 0;
	if (a->line >= from && (a->line != b->line || a->col != b->col)) {
		printf("#   %u:%u against %u:%u\n", a->line, a->col, b->line,
		    b->col);
		return 0;
	}
	if (a->type == TL_YSCALAR)
		return a->len == b->len && a->plain == b->plain &&
		    memcmp(a->value, b->value, a->len) == 0;
	for (i = 0; i < a->nitems; i++)
		if (!same_tree(a->items[i], b->items[i], from))
			return 0;
	for (i = 0; i < a->npairs; i++)
		if (!same_tree(a->pairs[i].key, b->pairs[i].key, from) ||
		    !same_tree(a->pairs[i].value, b->pairs[i].value, from))
			return 0;
	return 1;
}

static double
seconds(clock_t t0)
{
	return (double)(clock() - t0) / CLOCKS_PER_SEC;
}

static void
test_positions(void)
{
	struct tl_ydoc		*doc;
	const struct tl_ynode	*r, *b, *n;
	int			 rc;

	TEST("positions of block and flow nodes");
	doc = parse("a: 1\nb:\n  - x\n  - {c: d}\n", &rc);
	CHECK_INT(rc, 0);
	r = root(doc);
	CHECK(r != NULL && r->type == TL_YMAP && r->npairs == 2);
	CHECK(at(r, 1, 1));
	CHECK(at(r->pairs[0].key, 1, 1));
	CHECK(at(tl_ymap_get(r, "a"), 1, 4) && tl_ymap_get(r, "a")->plain);
	b = tl_ymap_get(r, "b");
	CHECK(b != NULL && b->type == TL_YSEQ && b->nitems == 2);
	CHECK(at(b, 3, 3) && at(b->items[0], 3, 5));
	n = tl_ypath(r, "b.1.c");
	CHECK(at(b->items[1], 4, 5) && at(n, 4, 9));
	CHECK_STR(tl_ystr(n), "d");
	tl_ydoc_free(doc);

	TEST("columns count bytes; CRLF and a BOM do not shift them");
	doc = parse("k: [\xc3\xa9t\xc3\xa9, x]\n", &rc);
	n = tl_ymap_get(root(doc), "k");
	CHECK(rc == 0 && n != NULL && n->nitems == 2);
	CHECK(at(n->items[0], 1, 5) && at(n->items[1], 1, 12));
	tl_ydoc_free(doc);
	doc = parse("a: 1\r\nb: 2\r\n\r\nc: [3]\r\n", &rc);
	CHECK(rc == 0 && at(tl_ymap_get(root(doc), "b"), 2, 4));
	CHECK(at(tl_ypath(root(doc), "c.0"), 4, 5));
	tl_ydoc_free(doc);
	doc = parse("\xef\xbb\xbf" "a: 1\nb: 2\n", &rc);
	CHECK(rc == 0 && at(root(doc), 1, 1) &&
	    at(tl_ymap_get(root(doc), "b"), 2, 4));
	tl_ydoc_free(doc);
	/* "a: 1" in UTF-16LE with its BOM: libyaml's own positions. */
	doc = parse_n("\xff\xfe" "a\0:\0 \0" "1\0", 10, &rc);
	CHECK(rc == 0 && tl_yscalar_is(tl_ymap_get(root(doc), "a"), "1"));
	CHECK(at(tl_ymap_get(root(doc), "a"), 1, 4));
	tl_ydoc_free(doc);
}

static void
test_tags(void)
{
	static const char *const cfn[] = {
		"!Ref", "!Sub", "!GetAtt", "!If", "!Join", "!Select",
		"!Split", "!ImportValue", "!FindInMap", "!Base64", "!Cidr",
		"!GetAZs", "!Equals", "!And", "!Or", "!Not", "!Condition",
		"!Transform", NULL
	};
	struct tl_buf		 b = TL_BUF_INIT;
	struct tl_ydoc		*doc;
	const struct tl_ynode	*r, *n;
	size_t			 i, ok;
	int			 rc;

	TEST("CloudFormation short-form tags on scalars, sequences, mappings");
	for (i = 0; cfn[i] != NULL; i++)
		tl_buf_addf(&b, "- %s x\n- %s [a]\n- %s {a: b}\n", cfn[i],
		    cfn[i], cfn[i]);
	doc = parse(tl_buf_str(&b), &rc);
	r = root(doc);
	CHECK(rc == 0 && r != NULL && r->nitems == 3 * 18);
	ok = 0;
	for (i = 0; r != NULL && i < r->nitems; i++) {
		n = r->items[i];
		if (tl_ytag_is(n, cfn[i / 3]) &&
		    n->type == (i % 3 == 0 ? TL_YSCALAR :
		    i % 3 == 1 ? TL_YSEQ : TL_YMAP))
			ok++;
	}
	CHECK_INT(ok, 3 * 18);
	tl_ydoc_free(doc);
	tl_buf_release(&b);

	TEST("CloudFormation template in YAML");
	doc = parse(
	    "AWSTemplateFormatVersion: '2010-09-09'\n"
	    "Resources:\n"
	    "  Fn:\n"
	    "    Type: AWS::Lambda::Function\n"
	    "    Properties:\n"
	    "      Role: !GetAtt Role.Arn\n"
	    "      Environment:\n"
	    "        Variables:\n"
	    "          TABLE: !Ref Table\n"
	    "          URL: !Sub 'https://${Api}.example.com'\n"
	    "          MODE: !If\n"
	    "            - IsProd\n"
	    "            - fast\n"
	    "            - !Ref AWS::NoValue\n"
	    "          PLAIN: !!str 5\n"
	    "          ODD: !<tag:yaml.org,2002:int> 7\n"
	    "          MINE: !Custom x\n", &rc);
	CHECK_INT(rc, 0);
	r = root(doc);
	n = tl_ypath(r, "Resources.Fn.Properties.Role");
	CHECK(tl_ytag_is(n, "!GetAtt") && tl_yscalar_is(n, "Role.Arn") &&
	    n->plain && at(n, 6, 13));
	CHECK(tl_ytag_is(tl_ypath(r, "Resources.Fn.Properties.Environment."
	    "Variables.TABLE"), "!Ref"));
	n = tl_ypath(r, "Resources.Fn.Properties.Environment.Variables.URL");
	CHECK(tl_ytag_is(n, "!Sub") && !n->plain &&
	    tl_yscalar_is(n, "https://${Api}.example.com"));
	n = tl_ypath(r, "Resources.Fn.Properties.Environment.Variables.MODE");
	CHECK(tl_ytag_is(n, "!If") && n->type == TL_YSEQ && n->nitems == 3 &&
	    tl_ytag_is(n->items[2], "!Ref") && at(n, 11, 17));
	n = tl_ypath(r, "Resources.Fn.Properties.Environment.Variables");
	CHECK(tl_ymap_get(n, "PLAIN")->tag == NULL &&
	    tl_ymap_get(n, "ODD")->tag == NULL &&
	    tl_ytag_is(tl_ymap_get(n, "MINE"), "!Custom"));
	CHECK(tl_ymap_get(r, "AWSTemplateFormatVersion")->plain == 0);
	tl_ydoc_free(doc);
}

static void
test_streams(void)
{
	struct tl_ydoc	*doc;
	int		 rc;

	TEST("multi-document streams and empty documents");
	doc = parse("a: 1\n---\n- x\n---\nplain\n...\n", &rc);
	CHECK(rc == 0 && doc->nroots == 3);
	CHECK(doc->nroots == 3 && doc->roots[0]->type == TL_YMAP &&
	    doc->roots[1]->type == TL_YSEQ &&
	    tl_yscalar_is(doc->roots[2], "plain") && at(doc->roots[2], 5, 1));
	tl_ydoc_free(doc);
	doc = parse("", &rc);
	CHECK(rc == 0 && doc != NULL && doc->nroots == 0 &&
	    doc->roots == NULL && root(doc) == NULL);
	tl_ydoc_free(doc);
	doc = parse("# nothing but a comment\n", &rc);
	CHECK(rc == 0 && doc->nroots == 0);
	tl_ydoc_free(doc);
	doc = parse("---\n---\na: 1\n", &rc);
	CHECK(rc == 0 && doc->nroots == 2 && tl_ynull(doc->roots[0]) &&
	    doc->roots[1]->type == TL_YMAP);
	tl_ydoc_free(doc);
	doc = parse("a: &x 1\n---\nb: *x\n", &rc);
	CHECK(rc == TL_EPARSE && doc == NULL);	/* anchors are per document */
	tl_ydoc_free(NULL);
}

static void
test_anchors(void)
{
	struct tl_ydoc		*doc;
	const struct tl_ynode	*r, *base, *svc, *n;
	size_t			 i, merges;
	int			 rc;

	TEST("aliases share the anchored node; merge keys expand");
	doc = parse(
	    "base: &base\n"
	    "  image: app\n"
	    "  ports: [80]\n"
	    "other: &other\n"
	    "  image: other\n"
	    "  user: nobody\n"
	    "svc:\n"
	    "  <<: [*base, *other]\n"
	    "  ports: [8080]\n"
	    "one:\n"
	    "  image: mine\n"
	    "  <<: *base\n"
	    "same: *base\n"
	    "quoted: {\"<<\": *base}\n", &rc);
	CHECK_INT(rc, 0);
	r = root(doc);
	base = tl_ymap_get(r, "base");
	CHECK(base != NULL && tl_ymap_get(r, "same") == base);
	svc = tl_ymap_get(r, "svc");
	CHECK(svc != NULL && svc->npairs == 3);
	merges = 0;
	TL_YMAP_FOREACH(i, svc)
		if (tl_yscalar_is(svc->pairs[i].key, "<<"))
			merges++;
	CHECK_INT(merges, 0);
	CHECK(tl_ymap_get(svc, "image") == tl_ymap_get(base, "image"));
	CHECK_STR(tl_ystr(tl_ypath(svc, "ports.0")), "8080");
	CHECK_STR(tl_ystr(tl_ymap_get(svc, "user")), "nobody");
	CHECK(svc->npairs == 3 && tl_yscalar_is(svc->pairs[0].key, "image") &&
	    tl_yscalar_is(svc->pairs[1].key, "user") &&
	    tl_yscalar_is(svc->pairs[2].key, "ports"));
	n = tl_ymap_get(r, "one");
	CHECK(n != NULL && n->npairs == 2 &&
	    tl_yscalar_is(tl_ymap_get(n, "image"), "mine") &&
	    tl_ymap_get(n, "ports") == tl_ymap_get(base, "ports"));
	n = tl_ymap_get(r, "quoted");
	CHECK(n != NULL && n->npairs == 1 && tl_ymap_get(n, "<<") == base);
	tl_ydoc_free(doc);

	TEST("compose extension fields through merge keys");
	doc = parse(
	    "x-env: &env\n"
	    "  environment:\n"
	    "    DEBUG: \"false\"\n"
	    "  restart: always\n"
	    "services:\n"
	    "  web:\n"
	    "    <<: *env\n"
	    "    image: nginx\n"
	    "    restart: \"no\"\n", &rc);
	n = tl_ypath(root(doc), "services.web");
	CHECK(rc == 0 && n != NULL && n->npairs == 3);
	CHECK(at(tl_ypath(n, "environment.DEBUG"), 3, 12));
	CHECK_STR(tl_ystr(tl_ymap_get(n, "restart")), "no");
	tl_ydoc_free(doc);

	TEST("bad merge values and unknown aliases");
	doc = parse("a:\n  <<: 1\n", &rc);
	CHECK(rc == TL_EPARSE && doc == NULL && err.line == 2 &&
	    err.col == 7 && strstr(err.msg, "merge") != NULL);
	doc = parse("a: 1\nb: [x, *nope]\n", &rc);
	CHECK(rc == TL_EPARSE && err.line == 2 && err.col == 8 &&
	    strcmp(err.msg, "unknown alias '*nope'") == 0);
	doc = parse("a: &x [1, *x]\n", &rc);
	CHECK_INT(rc, TL_EPARSE);
}

static void
test_limits(void)
{
	struct tl_buf	 b = TL_BUF_INIT;
	struct tl_ydoc	*doc;
	clock_t		 t0;
	double		 secs;
	int		 rc, i, j;

	TEST("billion laughs fails fast on the node limit");
	tl_buf_adds(&b, "a: &a [lol,lol,lol,lol,lol,lol,lol,lol,lol]\n");
	for (i = 1; i < 10; i++) {
		tl_buf_addf(&b, "%c: &%c [", 'a' + i, 'a' + i);
		for (j = 0; j < 9; j++)
			tl_buf_addf(&b, "%s*%c", j > 0 ? "," : "", 'a' + i - 1);
		tl_buf_adds(&b, "]\n");
	}
	t0 = clock();
	doc = parse(tl_buf_str(&b), &rc);
	secs = seconds(t0);
	CHECK(rc == TL_ELIMIT && doc == NULL);
	CHECK(secs < 0.5);
	printf("#   alias bomb: %.4f s, %s at %u:%u\n", secs, err.msg,
	    err.line, err.col);
	CHECK(err.line == 7 && strstr(err.msg, "nodes") != NULL);
	tl_buf_clear(&b);

	TEST("nesting depth");
	for (i = 0; i < 10000; i++)
		tl_buf_addc(&b, '[');
	t0 = clock();
	doc = parse(tl_buf_str(&b), &rc);
	CHECK(rc == TL_ELIMIT && doc == NULL && err.line == 1 &&
	    err.col == TL_YAML_MAX_DEPTH + 1 && seconds(t0) < 0.5);
	tl_buf_clear(&b);
	for (i = 0; i < TL_YAML_MAX_DEPTH; i++)
		tl_buf_addc(&b, '[');
	for (i = 0; i < TL_YAML_MAX_DEPTH; i++)
		tl_buf_addc(&b, ']');
	doc = parse(tl_buf_str(&b), &rc);
	CHECK_INT(rc, 0);
	tl_ydoc_free(doc);
	tl_buf_clear(&b);
	tl_buf_addc(&b, '\t');		/* the same limit in the fallback */
	for (i = 0; i < TL_YAML_MAX_DEPTH + 1; i++)
		tl_buf_addc(&b, '[');
	for (i = 0; i < TL_YAML_MAX_DEPTH + 1; i++)
		tl_buf_addc(&b, ']');
	doc = parse(tl_buf_str(&b), &rc);
	CHECK(rc == TL_ELIMIT && err.col == TL_YAML_MAX_DEPTH + 2);
	tl_buf_release(&b);
}

static void
test_errors(void)
{
	struct tl_ydoc	*doc;
	int		 rc;

	TEST("errors carry a position and one clean line");
	doc = parse("a: [1, 2\nb: 3\n", &rc);
	CHECK(rc == TL_EPARSE && doc == NULL);
	printf("#   %u:%u: %s\n", err.line, err.col, err.msg);
	CHECK(err.line == 2 && err.col == 2 && msg_clean(err.msg));
	CHECK(strstr(err.msg, "while parsing a flow sequence at line 1, "
	    "column 4") != NULL);
	CHECK(strstr(tl_error_get(), "line 2, column 2: ") ==
	    tl_error_get());
	doc = parse("key: value\n  bad: indent\n", &rc);
	CHECK(rc == TL_EPARSE && err.line == 2 && err.col == 6 &&
	    msg_clean(err.msg));
	doc = parse("a: \x1b[31mred\n", &rc);
	CHECK(rc == TL_EPARSE && err.line == 1 && err.col == 4 &&
	    msg_clean(err.msg) && strstr(err.msg, "0x1B") != NULL);
	doc = parse("ok: 1\nbad: caf\xe9\n", &rc);
	CHECK(rc == TL_EPARSE && doc == NULL && err.line == 2 &&
	    err.col == 9 && msg_clean(err.msg));
	/* Valid JSON for cJSON, but not UTF-8: no fallback. */
	doc = parse("\t{\"a\": \"\xff\"}", &rc);
	CHECK(rc == TL_EPARSE && doc == NULL && msg_clean(err.msg));
	doc = parse_n("a: 1\0b: 2", 9, &rc);
	CHECK(rc == TL_EPARSE && err.line == 1 && err.col == 5);
	doc = NULL;
	rc = tl_yaml_parse(&doc, "a: *x", 5, NULL);	/* err is optional */
	CHECK(rc == TL_EPARSE && doc == NULL &&
	    strcmp(tl_error_get(), "line 1, column 4: unknown alias '*x'") == 0);
}

static void
test_json(void)
{
	struct tl_buf		 b = TL_BUF_INIT;
	struct tl_ydoc		*doc, *doc2;
	const struct tl_ynode	*r, *n;
	const char		*body;
	int			 rc, rc2;
	size_t			 i;

	TEST("JSON through libyaml");
	doc = parse("{\"a\": 1, \"b\": [true, null, \"x\"],\n"
	    " \"c\": {\"d\": 1.50}}", &rc);
	r = root(doc);
	CHECK(rc == 0 && doc->from_json == 0 && r->type == TL_YMAP);
	CHECK(r->pairs[0].key->plain == 0 && at(r->pairs[0].key, 1, 2));
	n = tl_ypath(r, "b");
	CHECK(n->nitems == 3 && tl_ybool(n->items[0]) == 1 &&
	    tl_ynull(n->items[1]) && n->items[2]->plain == 0);
	CHECK(tl_yscalar_is(tl_ypath(r, "c.d"), "1.50") &&
	    at(tl_ypath(r, "c.d"), 2, 13));
	tl_ydoc_free(doc);

	TEST("JSON that libyaml rejects goes through cJSON");
	/* A tab before the first '{' cannot start a YAML token. */
	body = "{\n"
	    "\t\"family\": \"web\",\n"
	    "\t\"containerDefinitions\": [\n"
	    "\t\t{\"name\": \"app\", \"cpu\": 1.50, \"essential\": true,\n"
	    "\t\t \"environment\": [{\"name\": \"A\",\n"
	    "\t\t   \"value\": \"\\u00e9\\n\"}],\n"
	    "\t\t \"links\": [], \"x\": {}, \"n\": null, \"e\": -1E+2}\n"
	    "\t]\n"
	    "}\n";
	tl_buf_addc(&b, '\t');
	tl_buf_adds(&b, body);
	doc = parse(tl_buf_str(&b), &rc);
	r = root(doc);
	CHECK(rc == 0 && doc->from_json == 1 && doc->nroots == 1);
	n = tl_ypath(r, "containerDefinitions.0");
	CHECK(at(r, 1, 2) && at(tl_ypath(r, "family"), 2, 12));
	CHECK(at(n, 4, 3) && tl_yscalar_is(tl_ymap_get(n, "cpu"), "1.50") &&
	    tl_ymap_get(n, "cpu")->plain);
	CHECK_STR(tl_ystr(tl_ypath(n, "environment.0.value")), "\xc3\xa9\n");
	CHECK(tl_yscalar_is(tl_ymap_get(n, "e"), "-1E+2") &&
	    tl_ynull(tl_ymap_get(n, "n")));
	/* Positions from the scan equal libyaml's on the same text. */
	doc2 = parse(body, &rc2);
	CHECK(rc2 == 0 && doc2->from_json == 0 &&
	    same_tree(r, root(doc2), 2));
	tl_ydoc_free(doc2);
	tl_ydoc_free(doc);
	tl_buf_clear(&b);

	/* A key longer than libyaml's 1024-character simple keys. */
	tl_buf_adds(&b, "{\"short\": 1,\n \"");
	for (i = 0; i < 1100; i++)
		tl_buf_addc(&b, 'k');
	tl_buf_adds(&b, "\": \"v\"}");
	doc = parse(tl_buf_str(&b), &rc);
	r = root(doc);
	CHECK(rc == 0 && doc->from_json == 1 && r->npairs == 2 &&
	    r->pairs[1].key->len == 1100 && at(r->pairs[1].key, 2, 2) &&
	    at(r->pairs[1].value, 2, 1106));
	tl_ydoc_free(doc);
	tl_buf_clear(&b);

	/* A line break between a key and its ':'. */
	doc = parse("{\"a\"\n  : [1,\n 2]}", &rc);
	n = tl_ymap_get(root(doc), "a");
	CHECK(rc == 0 && doc->from_json == 1 && at(n, 2, 5) &&
	    at(n->items[1], 3, 2));
	tl_ydoc_free(doc);
	/* Neither YAML nor JSON: libyaml's error is kept. */
	doc = parse("\t{\"a\": }", &rc);
	CHECK(rc == TL_EPARSE && err.line == 1 && err.col == 1 &&
	    strstr(err.msg, "cannot start any token") != NULL &&
	    strstr(tl_error_get(), "cannot start any token") != NULL);

	TEST("CloudFormation template in JSON");
	doc = parse("{\n"
	    "  \"Resources\": {\n"
	    "    \"Fn\": {\n"
	    "      \"Type\": \"AWS::Lambda::Function\",\n"
	    "      \"Properties\": {\n"
	    "        \"Role\": {\"Fn::GetAtt\": [\"Role\", \"Arn\"]},\n"
	    "        \"Env\": {\"Fn::If\": [\"IsProd\", {\"Ref\": \"A\"},\n"
	    "                  {\"Ref\": \"AWS::NoValue\"}]}\n"
	    "      }\n"
	    "    }\n"
	    "  }\n"
	    "}\n", &rc);
	r = root(doc);
	n = tl_ypath(r, "Resources.Fn.Properties.Env");
	CHECK(rc == 0 && n != NULL && n->npairs == 1 &&
	    at(n->pairs[0].key, 7, 17));
	CHECK_STR(tl_ystr(tl_ypath(n, "Fn::If.1.Ref")), "A");
	CHECK(at(tl_ypath(n, "Fn::If.2"), 8, 19));
	CHECK_STR(tl_ystr(tl_ypath(r,
	    "Resources.Fn.Properties.Role.Fn::GetAtt.1")), "Arn");
	tl_ydoc_free(doc);
	tl_buf_release(&b);
}

static void
test_big(void)
{
	struct tl_buf		 b = TL_BUF_INIT;
	struct tl_ydoc		*doc;
	const struct tl_ynode	*r;
	clock_t			 t0;
	size_t			 n;
	int			 rc;

	TEST("a 4 MiB YAML file and a 4 MiB JSON file in the fallback");
	for (n = 0; b.len < 4 * 1024 * 1024; n++)
		tl_buf_addf(&b, "key%07zu: {image: \"registry.example.com/"
		    "app:1.2.3\", env: [ALPHA, BETA]}\n", n);
	t0 = clock();
	doc = parse_n(b.data, b.len, &rc);
	printf("#   %zu bytes of YAML: %.3f s\n", b.len, seconds(t0));
	r = root(doc);
	CHECK(rc == 0 && r->npairs == n &&
	    at(tl_ypath(r->pairs[n - 1].value, "env.1"), (unsigned)n, 68));
	tl_ydoc_free(doc);
	tl_buf_clear(&b);
	tl_buf_adds(&b, "\t[");
	for (n = 0; b.len < 4 * 1024 * 1024; n++)
		tl_buf_addf(&b, "%s\"value%07zu\"", n > 0 ? "," : "", n);
	tl_buf_adds(&b, "]\n");
	t0 = clock();
	doc = parse_n(b.data, b.len, &rc);
	printf("#   %zu bytes of JSON: %.3f s\n", b.len, seconds(t0));
	r = root(doc);
	CHECK(rc == 0 && doc->from_json == 1 && r->nitems == n &&
	    at(r->items[n - 1], 1, (unsigned)(b.len - 15)));
	tl_ydoc_free(doc);
	tl_buf_release(&b);
}

static void
test_accessors(void)
{
	struct tl_ydoc		*doc;
	const struct tl_ynode	*r, *n;
	size_t			 i, k;
	int			 rc;

	TEST("accessors");
	doc = parse("a: yes\nb: \"yes\"\nc: Off\nd: ~\ne: ''\nf: x\n"
	    "g: \"x\\0y\"\nh: [1, 2]\na: second\n", &rc);
	r = root(doc);
	CHECK(rc == 0 && tl_ybool(tl_ymap_get(r, "a")) == 1);
	CHECK(tl_ybool(tl_ymap_get(r, "b")) == -1 &&
	    tl_ybool(tl_ymap_get(r, "c")) == 0);
	CHECK(tl_ynull(tl_ymap_get(r, "d")) && !tl_ynull(tl_ymap_get(r, "e")) &&
	    tl_ynull(tl_ymap_get(r, "missing")));
	CHECK(tl_ymap_get(r, "g")->len == 3 && !tl_yscalar_is(tl_ymap_get(r,
	    "g"), "x"));
	CHECK(tl_ymap_pair(r, "f") == &r->pairs[5] &&
	    tl_ymap_pair(r, "zz") == NULL);
	CHECK_STR(tl_ystr(tl_ymap_get(r, "a")), "yes");	/* the first */
	CHECK(tl_ypath(r, "h.1") != NULL && tl_ypath(r, "h.2") == NULL &&
	    tl_ypath(r, "h.x") == NULL && tl_ypath(r, "a.b") == NULL &&
	    tl_ypath(r, "") == r && tl_ypath(NULL, "a") == NULL);
	CHECK(tl_ystr(r) == NULL && tl_ymap_get(NULL, "a") == NULL &&
	    tl_ymap_get(tl_ymap_get(r, "h"), "a") == NULL);
	n = NULL;
	k = 0;
	TL_YSEQ_FOREACH(i, n)
		k++;
	n = tl_ymap_get(r, "h");
	TL_YSEQ_FOREACH(i, n)
		k++;
	TL_YMAP_FOREACH(i, n)
		k++;
	CHECK_INT(k, 2);
	tl_ydoc_free(doc);
}

int
main(void)
{
	test_positions();
	test_tags();
	test_streams();
	test_anchors();
	test_limits();
	test_errors();
	test_json();
	test_big();
	test_accessors();
	return TAP_DONE();
}
