/*
 * factor.c: the factor table (from factors.def) and the names of
 * severities, statuses and outcomes.  Everything here is static.
 */
#include <string.h>
#include <strings.h>

#include "twelvelint/twelvelint.h"

static const struct tl_factor_info factors[] = {
	{ 0, "engine", "0", "twelvelint", "https://12factor.net/" },
#define TL_FACTOR(num, en, slug, numeral, name, url)			\
	{ num, slug, numeral, name, url },
#include "twelvelint/factors.def"
};

const struct tl_factor_info *
tl_factor_get(int n)
{
	if (n < 0 || (size_t)n >= TL_NELEM(factors))
		return NULL;
	return &factors[n];
}

static const char *const severity_names[] = {
	"none", "info", "warning", "error"
};

const char *
tl_severity_name(enum tl_severity s)
{
	return (size_t)s < TL_NELEM(severity_names) ?
	    severity_names[s] : "none";
}

int
tl_severity_parse(const char *s, enum tl_severity *out)
{
	size_t	 i;

	for (i = 0; i < TL_NELEM(severity_names); i++)
		if (strcasecmp(s, severity_names[i]) == 0) {
			*out = (enum tl_severity)i;
			return 0;
		}
	if (strcasecmp(s, "off") == 0) {
		*out = TL_SEV_NONE;
		return 0;
	}
	return TL_EUSAGE;
}

const char *
tl_status_name(enum tl_status s)
{
	switch (s) {
	case TL_STATUS_PASS:
		return "pass";
	case TL_STATUS_WARN:
		return "warn";
	case TL_STATUS_FAIL:
		return "fail";
	default:
		return "not_applicable";
	}
}

const char *
tl_outcome_name(enum tl_outcome o)
{
	switch (o) {
	case TL_OUTCOME_NA:
		return "not_applicable";
	case TL_OUTCOME_PASS:
		return "pass";
	case TL_OUTCOME_FAIL:
		return "fail";
	case TL_OUTCOME_ERROR:
		return "error";
	default:
		return "not_run";
	}
}
