/*
 * libFuzzer harness: every manifest and lock-file reader accepts any text
 * (the first byte picks the format) without crashing or leaking.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "twelvelint/util.h"
#include "twelvelint/manifest.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tl_manifest	*m = NULL;
	enum tl_manifest_type	 type;
	char			*s, msg[160];
	unsigned		 line = 0;

	if (size < 1 || memchr(data + 1, 0, size - 1) != NULL)
		return 0;
	type = (enum tl_manifest_type)(1 + data[0] % (TL_MF__COUNT - 1));
	s = tl_strndup((const char *)data + 1, size - 1);
	if (tl_manifest_parse(&m, type, s, size - 1, &line, msg,
	    sizeof(msg)) == 0)
		tl_manifest_free(m);
	else if (m != NULL)
		abort();
	free(s);
	return 0;
}
