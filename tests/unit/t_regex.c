/* Unit tests of regex.c: compilation, groups, JIT, limits. */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L	/* mkdtemp, clock_gettime */
#endif

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "twelvelint/util.h"
#include "twelvelint/regex.h"
#include "tap.h"

static double
seconds(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int
main(void)
{
	struct tl_regex		*re = NULL;
	struct tl_regex_md	*md;
	char			 msg[256], *big;
	size_t			 off = 0, ov[8], n, pos, count;
	double			 t0;
	int			 rc;

	md = tl_regex_md_new();

	TEST("compile errors carry PCRE2's message and the offset");
	rc = tl_regex_compile(&re, "ab(c", 0, msg, sizeof(msg), &off);
	CHECK_INT(rc, TL_EPARSE);
	CHECK(re == NULL);
	CHECK(strstr(msg, "parenthesis") != NULL);
	CHECK_INT(off, 4);
	CHECK(strstr(tl_error_get(), "at offset 4") != NULL);
	rc = tl_regex_compile(&re, "a{2,1}", 0, msg, sizeof(msg), &off);
	CHECK_INT(rc, TL_EPARSE);
	rc = tl_regex_compile(&re, "(?<n>a)(?<n>b)", 0, msg, sizeof(msg),
	    &off);
	CHECK_INT(rc, TL_EPARSE);
	/* UTF mode would reject files with invalid UTF-8: refused. */
	rc = tl_regex_compile(&re, "(*UTF)a", 0, msg, sizeof(msg), &off);
	CHECK_INT(rc, TL_EPARSE);

	TEST("groups and named groups");
	rc = tl_regex_compile(&re, "(\\w+)=(?<val>\\d+)(x)?", 0, msg,
	    sizeof(msg), &off);
	CHECK_INT(rc, 0);
	CHECK_INT(tl_regex_ngroups(re), 3);
	CHECK_INT(tl_regex_group(re, "val"), 2);
	CHECK_INT(tl_regex_group(re, "nope"), -1);
	CHECK_STR(tl_regex_source(re), "(\\w+)=(?<val>\\d+)(x)?");
	rc = tl_regex_match(re, md, "  port=8080;", 12, 0, ov, 8);
	CHECK_INT(rc, 1);
	CHECK_INT(ov[0], 2);
	CHECK_INT(ov[1], 11);
	CHECK_INT(ov[2], 2);
	CHECK_INT(ov[3], 6);
	CHECK_INT(ov[4], 7);
	CHECK_INT(ov[5], 11);
	CHECK(ov[6] == (size_t)-1 && ov[7] == (size_t)-1);  /* unset (x)? */
	/* A start offset past the match finds nothing. */
	CHECK_INT(tl_regex_match(re, md, "  port=8080;", 12, 3, ov, 8), 1);
	CHECK_INT(ov[0], 3);
	CHECK_INT(tl_regex_match(re, md, "  port=8080;", 12, 12, ov, 8), 0);
	CHECK_INT(tl_regex_match(re, md, "  port=8080;", 12, 99, ov, 8), 0);
	/* Fewer ovector slots than groups is fine. */
	CHECK_INT(tl_regex_match(re, md, "a=1", 3, 0, ov, 2), 1);
	CHECK_INT(ov[1], 3);
	tl_regex_free(re);

	TEST("flags: caseless, multiline, dotall; bytes, not UTF-8");
	rc = tl_regex_compile(&re, "^key$", TL_RE_CASELESS | TL_RE_MULTILINE,
	    msg, sizeof(msg), &off);
	CHECK_INT(rc, 0);
	CHECK_INT(tl_regex_match(re, md, "x\nKEY\ny", 7, 0, ov, 2), 1);
	CHECK_INT(ov[0], 2);
	tl_regex_free(re);
	rc = tl_regex_compile(&re, "a.b", TL_RE_DOTALL, msg, sizeof(msg),
	    &off);
	CHECK_INT(tl_regex_match(re, md, "a\nb", 3, 0, ov, 2), 1);
	tl_regex_free(re);
	rc = tl_regex_compile(&re, "a.b", 0, msg, sizeof(msg), &off);
	CHECK_INT(tl_regex_match(re, md, "a\nb", 3, 0, ov, 2), 0);
	/* Invalid UTF-8 in the subject is just bytes. */
	CHECK_INT(tl_regex_match(re, md, "\xff" "a\xc3" "b", 4, 0, ov, 2), 1);
	CHECK_INT(ov[0], 1);
	tl_regex_free(re);
	/* Lookbehind may look before the start offset. */
	rc = tl_regex_compile(&re, "(?<=\")x", 0, msg, sizeof(msg), &off);
	CHECK_INT(tl_regex_match(re, md, "\"x", 2, 1, ov, 2), 1);
	tl_regex_free(re);

	TEST("JIT where the platform has it; many groups grow the match data");
	rc = tl_regex_compile(&re, "(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)(l)(m)"
	    "(n)(o)(p)(q)(r)(s)(t)", 0, msg, sizeof(msg), &off);
	CHECK_INT(rc, 0);
	printf("# jit: %s\n", tl_regex_jit(re) ? "yes" : "no");
	CHECK_INT(tl_regex_ngroups(re), 20);
	CHECK_INT(tl_regex_match(re, md, "abcdefghijklmnopqrst", 20, 0, ov, 8),
	    1);
	CHECK_INT(ov[6], 2);	/* group 3, "c" */
	tl_regex_free(re);

	TEST("a catastrophic pattern fails fast with TL_ELIMIT");
	n = 5000;
	big = tl_malloc(n + 2);
	memset(big, 'a', n);
	big[n] = 'b';
	big[n + 1] = '\0';
	rc = tl_regex_compile(&re, "(a+)+$", 0, msg, sizeof(msg), &off);
	CHECK_INT(rc, 0);
	t0 = seconds();
	rc = tl_regex_match(re, md, big, n + 1, 0, ov, 2);
	CHECK_INT(rc, TL_ELIMIT);
	CHECK(seconds() - t0 < 2.0);
	tl_regex_free(re);
	rc = tl_regex_compile(&re, "(x+x+)+y", 0, msg, sizeof(msg), &off);
	memset(big, 'x', n);
	t0 = seconds();
	rc = tl_regex_match(re, md, big, n, 0, ov, 2);
	CHECK(rc == TL_ELIMIT || rc == 0);
	CHECK(seconds() - t0 < 2.0);
	tl_regex_free(re);
	free(big);

	TEST("an ordinary pattern over 4 MiB is quick");
	n = 4 * 1024 * 1024;
	big = tl_malloc(n + 1);
	for (pos = 0; pos < n; pos++)
		big[pos] = "lorem ipsum dolor\n"[pos % 18];
	big[n] = '\0';
	memcpy(big + n - 30, "postgres://db/x", 15);
	rc = tl_regex_compile(&re, "postgres(?:ql)?://[^\\s]+",
	    TL_RE_MULTILINE, msg, sizeof(msg), &off);
	t0 = seconds();
	count = 0;
	for (pos = 0; tl_regex_match(re, md, big, n, pos, ov, 2) == 1;
	    pos = ov[1])
		count++;
	CHECK_INT(count, 1);
	CHECK(seconds() - t0 < 2.0);
	tl_regex_free(re);
	rc = tl_regex_compile(&re, "\\b[A-Za-z0-9]{40}\\b", 0, msg,
	    sizeof(msg), &off);
	CHECK_INT(tl_regex_match(re, md, big, n, 0, ov, 2), 0);
	tl_regex_free(re);
	free(big);

	tl_regex_md_free(md);
	tl_regex_free(NULL);
	tl_regex_md_free(NULL);
	return TAP_DONE();
}
