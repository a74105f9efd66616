/*
 * regex.c: the only file that calls PCRE2.  Patterns are compiled in byte
 * mode (never UTF), JIT-compiled where possible, and matched under a match
 * context per thread that carries the limits and the JIT stack.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "twelvelint/util.h"
#include "twelvelint/regex.h"

struct tl_regex {
	pcre2_code	*code;		/* owned */
	char		*source;	/* owned: the pattern text */
	int		 ngroups;
	int		 jit;		/* JIT-compiled */
};

struct tl_regex_md {
	pcre2_match_data	*md;	/* owned: NULL until the first match */
	uint32_t		 npairs; /* ovector pairs of md */
	pcre2_match_context	*mctx;	/* owned */
	pcre2_jit_stack		*jstack; /* owned, or NULL without JIT */
};

int
tl_regex_compile(struct tl_regex **out, const char *pattern, unsigned flags,
    char *errbuf, size_t errlen, size_t *erroff)
{
	struct tl_regex	*re;
	pcre2_code	*code;
	uint32_t	 opts = PCRE2_NEVER_UTF, ngroups = 0;
	PCRE2_SIZE	 off = 0;
	PCRE2_UCHAR	 msg[256];
	int		 errcode = 0;

	*out = NULL;
	if (flags & TL_RE_CASELESS)
		opts |= PCRE2_CASELESS;
	if (flags & TL_RE_MULTILINE)
		opts |= PCRE2_MULTILINE;
	if (flags & TL_RE_DOTALL)
		opts |= PCRE2_DOTALL;

	code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, opts,
	    &errcode, &off, NULL);
	if (code == NULL) {
		if (pcre2_get_error_message(errcode, msg, sizeof(msg)) < 0)
			snprintf((char *)msg, sizeof(msg), "error %d", errcode);
		if (errbuf != NULL && errlen > 0)
			snprintf(errbuf, errlen, "%s", (char *)msg);
		if (erroff != NULL)
			*erroff = off;
		tl_error_set("%s at offset %zu", (char *)msg, (size_t)off);
		return TL_EPARSE;
	}

	re = tl_calloc(1, sizeof(*re));
	re->code = code;
	re->source = tl_strdup(pattern);
	(void)pcre2_pattern_info(code, PCRE2_INFO_CAPTURECOUNT, &ngroups);
	re->ngroups = (int)ngroups;
	/* Without JIT support (or memory for it) the interpreter runs. */
	re->jit = pcre2_jit_compile(code, PCRE2_JIT_COMPLETE) == 0;
	*out = re;
	return 0;
}

void
tl_regex_free(struct tl_regex *re)
{
	if (re == NULL)
		return;
	pcre2_code_free(re->code);
	free(re->source);
	free(re);
}

int
tl_regex_ngroups(const struct tl_regex *re)
{
	return re->ngroups;
}

int
tl_regex_group(const struct tl_regex *re, const char *name)
{
	int	 n;

	n = pcre2_substring_number_from_name(re->code, (PCRE2_SPTR)name);
	return n > 0 ? n : -1;
}

int
tl_regex_jit(const struct tl_regex *re)
{
	return re->jit;
}

const char *
tl_regex_source(const struct tl_regex *re)
{
	return re->source;
}

struct tl_regex_md *
tl_regex_md_new(void)
{
	struct tl_regex_md	*md;
	uint32_t		 jit = 0;

	md = tl_calloc(1, sizeof(*md));
	if ((md->mctx = pcre2_match_context_create(NULL)) == NULL) {
		fputs("twelvelint: out of memory\n", stderr);
		abort();
	}
	(void)pcre2_set_match_limit(md->mctx, TL_RE_MATCH_LIMIT);
	(void)pcre2_set_depth_limit(md->mctx, TL_RE_DEPTH_LIMIT);
	(void)pcre2_set_heap_limit(md->mctx, TL_RE_HEAP_LIMIT);
	(void)pcre2_config(PCRE2_CONFIG_JIT, &jit);
	if (jit) {
		/* NULL leaves PCRE2 its 32 KiB machine stack: still safe. */
		md->jstack = pcre2_jit_stack_create(TL_RE_JIT_STACK_MIN,
		    TL_RE_JIT_STACK_MAX, NULL);
		if (md->jstack != NULL)
			pcre2_jit_stack_assign(md->mctx, NULL, md->jstack);
	}
	return md;
}

void
tl_regex_md_free(struct tl_regex_md *md)
{
	if (md == NULL)
		return;
	pcre2_match_data_free(md->md);
	pcre2_jit_stack_free(md->jstack);
	pcre2_match_context_free(md->mctx);
	free(md);
}

/* Make the match data hold at least n ovector pairs. */
static void
md_fit(struct tl_regex_md *md, uint32_t n)
{
	if (md->md != NULL && md->npairs >= n)
		return;
	if (n < 16)
		n = 16;
	pcre2_match_data_free(md->md);
	if ((md->md = pcre2_match_data_create(n, NULL)) == NULL) {
		fputs("twelvelint: out of memory\n", stderr);
		abort();
	}
	md->npairs = n;
}

int
tl_regex_match(const struct tl_regex *re, struct tl_regex_md *md,
    const char *subject, size_t len, size_t start, size_t *ov, size_t nov)
{
	PCRE2_SIZE	*pv;
	PCRE2_UCHAR	 msg[256];
	size_t		 g, have;
	int		 rc;

	if (start > len)
		return 0;
	md_fit(md, (uint32_t)re->ngroups + 1);
	rc = pcre2_match(re->code, (PCRE2_SPTR)subject, len, start, 0, md->md,
	    md->mctx);
	if (rc == PCRE2_ERROR_NOMATCH)
		return 0;
	if (rc < 0) {
		switch (rc) {
		case PCRE2_ERROR_MATCHLIMIT:
		case PCRE2_ERROR_DEPTHLIMIT:
		case PCRE2_ERROR_HEAPLIMIT:
		case PCRE2_ERROR_JIT_STACKLIMIT:
		case PCRE2_ERROR_NOMEMORY:
			tl_error_set("regular expression went over a limit");
			return TL_ELIMIT;
		default:
			if (pcre2_get_error_message(rc, msg, sizeof(msg)) < 0)
				snprintf((char *)msg, sizeof(msg), "error %d",
				    rc);
			tl_error_set("regular expression failed: %s",
			    (char *)msg);
			return TL_ERR;
		}
	}
	pv = pcre2_get_ovector_pointer(md->md);
	have = (size_t)re->ngroups + 1;
	for (g = 0; g < nov / 2; g++) {
		if (g < have && pv[2 * g] != PCRE2_UNSET) {
			ov[2 * g] = pv[2 * g];
			ov[2 * g + 1] = pv[2 * g + 1];
		} else
			ov[2 * g] = ov[2 * g + 1] = (size_t)-1;
	}
	return 1;
}
