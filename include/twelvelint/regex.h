/*
 * regex.h: the one wall around PCRE2.  Patterns are compiled once (with
 * JIT where the platform has it) and matched with match data owned by one
 * thread, so compiled patterns can be shared by every worker.
 *
 * Ownership: a struct tl_regex and a struct tl_regex_md are owned by their
 * creator and released with their _free(); a struct tl_regex is read-only
 * after compilation, so several threads may match it at once, each with
 * its own struct tl_regex_md.
 *
 * Subjects are bytes, not UTF-8: \w, \d, \s and \b are ASCII classes and a
 * file with invalid UTF-8 matches like any other.
 */
#ifndef TWELVELINT_REGEX_H
#define TWELVELINT_REGEX_H

#include <stddef.h>

struct tl_regex;
struct tl_regex_md;

#define TL_RE_CASELESS	0x1
#define TL_RE_MULTILINE	0x2	/* ^ and $ at line boundaries */
#define TL_RE_DOTALL	0x4

/*
 * Limits of one match call, so that a pathological pattern cannot hang a
 * scan.  PCRE2 counts the match limit afresh at each start position; a
 * call that goes over any limit fails with TL_ELIMIT.
 */
#define TL_RE_MATCH_LIMIT	200000		/* backtracking steps */
#define TL_RE_DEPTH_LIMIT	10000		/* nesting (interpreter) */
#define TL_RE_HEAP_LIMIT	(64 * 1024)	/* KiB of heap (interpreter) */
#define TL_RE_JIT_STACK_MIN	(32 * 1024)	/* bytes, per thread */
#define TL_RE_JIT_STACK_MAX	(4 * 1024 * 1024)

/*
 * Compile a pattern with TL_RE_* flags into *out.  On error returns
 * TL_EPARSE, writes PCRE2's message ("missing closing parenthesis") into
 * the errbuf of errlen bytes and the offset of the error in the pattern
 * into *erroff, and sets the error message to
 * "MSG at offset N".  JIT compilation is tried and silently skipped where
 * it is not available.
 */
int	tl_regex_compile(struct tl_regex **, const char *, unsigned, char *,
	    size_t, size_t *);
void	tl_regex_free(struct tl_regex *);
/* Number of capture groups (not counting group 0). */
int	tl_regex_ngroups(const struct tl_regex *);
/* Number of the named group, or -1 when the pattern has no such group. */
int	tl_regex_group(const struct tl_regex *, const char *);
/* Was the pattern JIT-compiled? */
int	tl_regex_jit(const struct tl_regex *);
/* The pattern's source text (borrowed: lives as long as the regex). */
const char *tl_regex_source(const struct tl_regex *);

/*
 * Match data and limits for one thread.  It grows by itself to fit any
 * pattern it is used with.
 */
struct tl_regex_md *tl_regex_md_new(void);
void	tl_regex_md_free(struct tl_regex_md *);

/*
 * Find the first match at or after offset start in subject[0..len)
 * (lookbehind may look before start).  On a match returns 1 and sets
 * ov[2*g], ov[2*g+1] to the byte offsets of group g for g < nov/2 (both
 * (size_t)-1 for a group that did not take part or does not exist).
 * Returns 0 when there is no match; TL_ELIMIT when the match went over a
 * limit (callers treat it as "no further match"); TL_ERR on any other
 * failure, with the message set.
 */
int	tl_regex_match(const struct tl_regex *, struct tl_regex_md *,
	    const char *, size_t, size_t, size_t *, size_t);

#endif /* TWELVELINT_REGEX_H */
