/*
 * libFuzzer harness: any text as .twelvelint.yml parses to a configuration
 * or fails with one printable line that names the file and a line; the
 * lookups then work on whatever was parsed, and release frees it all.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "twelvelint/config.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tl_config			 cfg;
	const struct tl_config_override		*ov;
	const char				*msg, *p;
	int					 error;

	error = tl_config_parse(&cfg, ".twelvelint.yml", (const char *)data,
	    size);
	if (error != 0) {
		if (error != TL_EUSAGE)
			abort();
		msg = tl_error_get();
		if (strncmp(msg, ".twelvelint.yml:", 16) != 0)
			abort();
		for (p = msg; *p != '\0'; p++)
			if ((unsigned char)*p < 0x20 || *p == 0x7f)
				abort();
	}
	(void)tl_config_rule(&cfg, "TF0901");
	(void)tl_config_override(&cfg, "TF0204", "services/legacy/Dockerfile",
	    &ov);
	(void)tl_config_excluded(&cfg, "legacy/app.py");
	tl_config_release(&cfg);
	return 0;
}
