/*
 * tap.h: a tiny TAP producer for the unit tests.  Each CHECK prints one
 * "ok N" or "not ok N - file:line: what" line; TAP_DONE() prints the plan
 * and returns the exit status.  State is per test program (file statics).
 */
#ifndef TWELVELINT_TAP_H
#define TWELVELINT_TAP_H

#include <stdio.h>
#include <string.h>

static int tap_n;
static int tap_failed;

static void
tap_result(int ok, const char *file, int line, const char *what)
{
	tap_n++;
	if (ok)
		printf("ok %d - %s\n", tap_n, what);
	else {
		tap_failed++;
		printf("not ok %d - %s:%d: %s\n", tap_n, file, line, what);
	}
}

/* Name a group of checks (printed as a TAP comment). */
#define TEST(name)	printf("# %s\n", (name))

#define CHECK(cond)	tap_result((cond) ? 1 : 0, __FILE__, __LINE__, #cond)

#define CHECK_INT(got, want) do {					\
	long long g_ = (long long)(got), w_ = (long long)(want);	\
	tap_result(g_ == w_, __FILE__, __LINE__, #got " == " #want);	\
	if (g_ != w_)							\
		printf("#   got %lld, want %lld\n", g_, w_);		\
} while (0)

#define CHECK_STR(got, want) do {					\
	const char *g_ = (got), *w_ = (want);				\
	int ok_ = (g_ == NULL && w_ == NULL) ||				\
	    (g_ != NULL && w_ != NULL && strcmp(g_, w_) == 0);		\
	tap_result(ok_, __FILE__, __LINE__, #got " == " #want);		\
	if (!ok_)							\
		printf("#   got \"%s\", want \"%s\"\n",			\
		    g_ ? g_ : "(null)", w_ ? w_ : "(null)");		\
} while (0)

#define TAP_DONE() (printf("1..%d\n", tap_n), tap_failed == 0 && tap_n > 0 ? 0 : 1)

#endif /* TWELVELINT_TAP_H */
