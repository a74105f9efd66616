/*
 * libFuzzer harness: the Dockerfile parser never crashes, leaks or
 * breaks its invariants (stages cover their instructions, lines grow).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "twelvelint/util.h"
#include "twelvelint/dockerfile.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tl_dockerfile	*df = NULL;
	struct tl_df_error	 err;
	char			*s, *name, *tag, *digest;
	size_t			 i;

	/* The loader never hands a parser text with a NUL byte. */
	if (memchr(data, 0, size) != NULL)
		return 0;
	s = tl_strndup((const char *)data, size);
	if (tl_dockerfile_parse(&df, s, size, &err) == 0) {
		for (i = 0; i < df->ninstrs; i++)
			if (df->instrs[i].line == 0 ||
			    df->instrs[i].end_line < df->instrs[i].line)
				abort();
		for (i = 0; i < df->nstages; i++) {
			if (df->stages[i].first + df->stages[i].count >
			    df->ninstrs)
				abort();
			if (tl_df_image_split(df->stages[i].image, &name, &tag,
			    &digest) == 0) {
				free(name);
				free(tag);
				free(digest);
			}
		}
		(void)tl_dockerfile_final(df);
		tl_dockerfile_free(df);
	} else if (df != NULL)
		abort();
	free(s);
	return 0;
}
