/*
 * registry.c: the table of the twelve check modules (from factors.def),
 * the engine's own rules, and the rule set of one run: structural rules
 * plus the pattern rules of the embedded packs and --rules.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "twelvelint/twelvelint.h"
#include "twelvelint/config.h"
#include "twelvelint/patterns.h"

#define TL_FACTOR(num, en, slug, numeral, name, url)			\
	extern const struct tl_module tl_module_##en;
#include "twelvelint/factors.def"

static const struct tl_module *const modules[] = {
#define TL_FACTOR(num, en, slug, numeral, name, url) &tl_module_##en,
#include "twelvelint/factors.def"
};

const struct tl_module *const *
tl_registry_modules(size_t *n)
{
	*n = TL_NELEM(modules);
	return modules;
}

/* Engine findings: reported by the engine itself, factor 0. */
static const struct tl_rule tf0001 = {
	"TF0001", "unparsable-file", 0, TL_SEV_ERROR, 0,
	"file could not be parsed",
	"A deploy artefact that twelvelint cannot parse cannot be checked: "
	"none of the rules that read it ran on it, so the report says "
	"nothing about it.",
	"Fix the syntax error at the position given (the tool that deploys "
	"the file would reject it too), or exclude the file if it is not "
	"what its name says.",
	NULL, NULL
};

static const struct tl_rule tf0002 = {
	"TF0002", "unknown-rule-in-suppression", 0, TL_SEV_WARNING, 0,
	"suppression names an unknown rule",
	"A twelvelint:ignore comment silences the rules it names; an id "
	"that is no rule (a typo, a rule of a newer or older version, a "
	"custom rule whose pack is not loaded) silences nothing, and the "
	"finding it was meant for is reported after all, or will be once "
	"the typo is fixed. Checked: every twelvelint:ignore comment whose "
	"first word looks like a rule id (TF and four digits), in every file "
	"except documentation (*.md, *.rst, *.txt, *.adoc), test code and "
	"vendored trees. A comment is text after #, //, /*, --, <!--, ; or "
	"%, or a block comment's leading *; the tag in prose or a string is "
	"not judged.",
	"Correct the id (twelvelint --list-rules lists them), or remove the "
	"comment.",
	NULL, NULL
};

static const struct tl_rule tf0003 = {
	"TF0003", "unused-suppression", 0, TL_SEV_INFO, 0,
	"suppression matched nothing",
	"A twelvelint:ignore comment that no longer suppresses anything is "
	"noise that hides the next real finding on its line: the code it "
	"excused has changed, or the rule no longer fires there. Reported: "
	"an inline twelvelint:ignore comment naming a rule that ran in this "
	"scan but reported nothing on the comment's line or the line below "
	"it. Not reported: comments naming rules that were not selected or "
	"did not apply, template Metadata, and the suppressions of other "
	"tools (hadolint, checkov, gitleaks). Documentation, test code and "
	"vendored trees are not read, nor the tag outside a comment (in "
	"prose or a string).",
	"Remove the comment, or move it to the line of the finding it is "
	"meant for.",
	NULL, NULL
};

static const struct tl_rule *const engine_rules[] = {
	&tf0001,
	&tf0002,
	&tf0003
};

const struct tl_rule *
tl_engine_rule(const char *id)
{
	size_t	 i;

	for (i = 0; i < TL_NELEM(engine_rules); i++)
		if (strcasecmp(engine_rules[i]->id, id) == 0)
			return engine_rules[i];
	return NULL;
}

/* Structural rule by id, for tl_patterns_finish(). */
static const struct tl_rule *
structural_rule(void *arg, const char *id)
{
	size_t	 i, j;

	(void)arg;
	for (i = 0; i < TL_NELEM(modules); i++)
		for (j = 0; j < modules[i]->nrules; j++)
			if (strcasecmp(modules[i]->rules[j]->id, id) == 0)
				return modules[i]->rules[j];
	return NULL;
}

static int
rule_cmp(const void *a, const void *b)
{
	const struct tl_rule *const *x = a, *const *y = b;

	return strcmp((*x)->id, (*y)->id);
}

int
tl_ruleset_load(struct tl_ruleset *rs, const char *extra,
    const struct tl_config *cfg)
{
	const struct tl_rule *const *prules;
	size_t			 i, j, n, np, cap;
	int			 error = 0;

	memset(rs, 0, sizeof(*rs));
	rs->patterns = tl_patterns_new();
	for (i = 0; i < tl_embedded_npacks; i++) {
		error = tl_patterns_add(rs->patterns, tl_embedded_packs[i].name,
		    (const char *)tl_embedded_packs[i].data,
		    tl_embedded_packs[i].len);
		if (error != 0)
			goto out;
	}
	if (extra != NULL &&
	    (error = tl_patterns_add_path(rs->patterns, extra)) != 0)
		goto out;
	if (cfg != NULL && cfg->allow != NULL &&
	    (error = tl_patterns_add_allow(rs->patterns, cfg->path,
	    cfg->allow)) != 0)
		goto out;
	if ((error = tl_patterns_finish(rs->patterns, structural_rule,
	    NULL)) != 0)
		goto out;

	prules = tl_patterns_rules(rs->patterns, &np);
	cap = TL_NELEM(engine_rules) + np;
	for (i = 0; i < TL_NELEM(modules); i++)
		cap += modules[i]->nrules;
	rs->rules = tl_calloc(cap, sizeof(*rs->rules));
	n = 0;
	for (i = 0; i < TL_NELEM(engine_rules); i++)
		rs->rules[n++] = engine_rules[i];
	for (i = 0; i < TL_NELEM(modules); i++)
		for (j = 0; j < modules[i]->nrules; j++)
			rs->rules[n++] = modules[i]->rules[j];
	for (i = 0; i < np; i++)
		rs->rules[n++] = prules[i];
	rs->nrules = n;
	qsort(rs->rules, n, sizeof(*rs->rules), rule_cmp);
	for (i = 1; i < n; i++)
		if (strcmp(rs->rules[i - 1]->id, rs->rules[i]->id) == 0) {
			tl_error_set("rule '%s' is defined twice",
			    rs->rules[i]->id);
			error = TL_EUSAGE;
			goto out;
		}
out:
	if (error != 0)
		tl_ruleset_release(rs);
	return error;
}

void
tl_ruleset_release(struct tl_ruleset *rs)
{
	free(rs->rules);
	tl_patterns_free(rs->patterns);
	memset(rs, 0, sizeof(*rs));
}

const struct tl_rule *
tl_ruleset_find(const struct tl_ruleset *rs, const char *id)
{
	size_t	 i;

	for (i = 0; i < rs->nrules; i++)
		if (strcasecmp(rs->rules[i]->id, id) == 0)
			return rs->rules[i];
	return NULL;
}
