/*
 * Unit tests of the rule table: every module's rules are in id order with
 * the module's factor digits, every rule (structural, engine and pattern)
 * has its texts, ids are unique in the whole rule set, and the factor
 * table agrees with factors.def.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "twelvelint/model.h"
#include "tap.h"

static int
id_well_formed(const char *id)
{
	size_t	 i;

	if (strlen(id) != 6 || strncmp(id, "TF", 2) != 0)
		return 0;
	for (i = 2; i < 6; i++)
		if (!isdigit((unsigned char)id[i]))
			return 0;
	return 1;
}

static int
texts_present(const struct tl_rule *r)
{
	return r->name != NULL && r->name[0] != '\0' && r->summary != NULL &&
	    r->summary[0] != '\0' && r->rationale != NULL &&
	    strlen(r->rationale) > 40 && r->fix != NULL && strlen(r->fix) > 20;
}

int
main(void)
{
	const struct tl_module *const *mods;
	const struct tl_factor_info *fi;
	const struct tl_rule	*r;
	struct tl_ruleset	 rs;
	char			 digits[3];
	size_t			 nmods, i, j, bad;
	int			 f;

	TEST("twelve modules, one per factor, in order");
	mods = tl_registry_modules(&nmods);
	CHECK_INT(nmods, 12);
	for (i = 0, bad = 0; i < nmods; i++)
		if (mods[i]->factor != (int)i + 1)
			bad++;
	CHECK_INT(bad, 0);

	TEST("module rules: ids well formed, factor digits, id order, texts");
	for (i = 0, bad = 0; i < nmods; i++) {
		for (j = 0; j < mods[i]->nrules; j++) {
			r = mods[i]->rules[j];
			snprintf(digits, sizeof(digits), "%02d",
			    mods[i]->factor);
			if (!id_well_formed(r->id) ||
			    strncmp(r->id + 2, digits, 2) != 0 ||
			    r->factor != mods[i]->factor || r->check == NULL ||
			    !texts_present(r) || (j > 0 &&
			    strcmp(mods[i]->rules[j - 1]->id, r->id) >= 0)) {
				printf("# bad rule %s in module %d\n", r->id,
				    mods[i]->factor);
				bad++;
			}
		}
	}
	CHECK_INT(bad, 0);

	TEST("the whole rule set: unique sorted ids, texts, severities");
	CHECK(tl_git_init() == 0);
	CHECK(tl_ruleset_load(&rs, NULL, NULL) == 0);
	CHECK(rs.nrules > 15);
	for (i = 0, bad = 0; i < rs.nrules; i++) {
		r = rs.rules[i];
		snprintf(digits, sizeof(digits), "%02d", r->factor);
		if (!id_well_formed(r->id) || strncmp(r->id + 2, digits,
		    2) != 0 || !texts_present(r) ||
		    r->severity < TL_SEV_INFO || r->severity > TL_SEV_ERROR ||
		    (i > 0 && strcmp(rs.rules[i - 1]->id, r->id) >= 0)) {
			printf("# bad rule %s\n", r->id);
			bad++;
		}
		/* Every finding's help URL comes from its factor. */
		if (tl_factor_get(r->factor) == NULL)
			bad++;
	}
	CHECK_INT(bad, 0);
	CHECK(tl_ruleset_find(&rs, "tf0901") == tl_ruleset_find(&rs, "TF0901"));
	CHECK(tl_ruleset_find(&rs, "TF9999") == NULL);
	CHECK(tl_engine_rule("TF0001") != NULL &&
	    tl_ruleset_find(&rs, "TF0001") == tl_engine_rule("TF0001"));
	r = tl_ruleset_find(&rs, "TF0401");
	CHECK(r != NULL && r->check == NULL && r->factor == 4);
	tl_ruleset_release(&rs);

	TEST("factor table");
	for (f = 1, bad = 0; f <= 12; f++) {
		fi = tl_factor_get(f);
		if (fi == NULL || fi->number != f ||
		    !tl_str_has_prefix(fi->url, "https://12factor.net/") ||
		    strstr(fi->url, fi->slug) == NULL)
			bad++;
	}
	CHECK_INT(bad, 0);
	CHECK(tl_factor_get(13) == NULL && tl_factor_get(-1) == NULL);
	CHECK_STR(tl_factor_get(3)->numeral, "III");
	CHECK_STR(tl_factor_get(10)->slug, "dev-prod-parity");

	TEST("names of severities and statuses");
	CHECK_STR(tl_severity_name(TL_SEV_WARNING), "warning");
	CHECK_STR(tl_status_name(TL_STATUS_NA), "not_applicable");
	{
		enum tl_severity s;

		CHECK(tl_severity_parse("ERROR", &s) == 0 && s == TL_SEV_ERROR);
		CHECK(tl_severity_parse("bogus", &s) != 0);
	}
	tl_git_shutdown();
	return TAP_DONE();
}
