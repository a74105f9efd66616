/*
 * libFuzzer harness: every embedded pattern pack runs over any buffer,
 * as source, compose file and dotenv file, with every match inside the
 * buffer and its secret span inside the match's file.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "twelvelint/model.h"
#include "twelvelint/patterns.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static struct tl_ruleset		 rules;	/* the real rule set, loaded once */
static struct tl_pmatcher	*matcher;

static int
check_match(void *arg, const struct tl_pmatch *m)
{
	size_t	 size = *(size_t *)arg;

	if (m->start > m->end || m->end > size || m->sstart > m->send ||
	    m->send > size)
		abort();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct {
		enum tl_file_kind	 kind;
		enum tl_lang		 lang;
		const char		*path;
	} as[] = {
		{ TL_FILE_SOURCE, TL_LANG_PYTHON, "app/main.py" },
		{ TL_FILE_SOURCE, TL_LANG_JAVASCRIPT, "src/server.js" },
		{ TL_FILE_SOURCE, TL_LANG_GO, "main.go" },
		{ TL_FILE_COMPOSE, TL_LANG_NONE, "docker-compose.yml" },
		{ TL_FILE_DOTENV, TL_LANG_NONE, ".env" },
	};
	struct tl_file	 f;
	size_t		 i;

	if (matcher == NULL) {
		if (tl_git_init() != 0 || tl_ruleset_load(&rules, NULL, NULL) != 0)
			abort();
		matcher = tl_pmatcher_new(rules.patterns);
	}
	memset(&f, 0, sizeof(f));
	f.data = tl_strndup((const char *)data, size);
	f.size = size;
	f.loaded = 1;
	tl_lines_build(&f.lines, f.data, f.size);
	for (i = 0; i < TL_NELEM(as); i++) {
		f.kind = as[i].kind;
		f.lang = as[i].lang;
		f.path = (char *)as[i].path;
		f.name = strrchr(f.path, '/') ? strrchr(f.path, '/') + 1 :
		    f.path;
		(void)tl_patterns_scan(rules.patterns, matcher, &f, check_match,
		    &size);
	}
	tl_lines_release(&f.lines);
	free(f.data);
	return 0;
}
