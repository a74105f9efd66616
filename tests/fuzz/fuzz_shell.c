/*
 * libFuzzer harness: the shell splitter, the Procfile and dotenv readers
 * accept any text without crashing, and every command has a program
 * index below its argc.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "twelvelint/util.h"
#include "twelvelint/shell.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tl_script	*sc = NULL;
	struct tl_procfile	*pf = NULL;
	struct tl_dotenv	*de = NULL;
	char			*s;
	size_t			 i;

	if (memchr(data, 0, size) != NULL)
		return 0;
	s = tl_strndup((const char *)data, size);
	if (tl_shell_parse(&sc, s, size, 1) == 0 && sc != NULL) {
		for (i = 0; i < sc->ncmds; i++)
			if (sc->cmds[i].argc > 0 &&
			    tl_sh_prog_index(&sc->cmds[i]) >= sc->cmds[i].argc)
				abort();
		tl_script_free(sc);
	}
	if (tl_procfile_parse(&pf, s, size) == 0)
		tl_procfile_free(pf);
	if (tl_dotenv_parse(&de, s, size) == 0)
		tl_dotenv_free(de);
	free(s);
	return 0;
}
