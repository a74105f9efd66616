/*
 * config.h: .twelvelint.yml, a repository's own settings (docs/config.md):
 * fail-on; exclude (path globs no rule reads); factors turned off; rules
 * turned off or re-severitied; extra allowlist entries for the secret
 * detectors (a pack's "allow"); overrides of rules for path globs, for
 * the parts of a monorepo.
 *
 * Ownership: a struct tl_config owns its parsed document, its path and its
 * vectors; every string and node the entries point to is borrowed from
 * the document and lives as long as the config.
 */
#ifndef TWELVELINT_CONFIG_H
#define TWELVELINT_CONFIG_H

#include "twelvelint.h"
#include "yaml.h"

/* "rules:" entry: a rule turned off (TL_SEV_NONE) or re-severitied. */
struct tl_config_rule {
	const char	*id;		/* borrowed (doc) */
	enum tl_severity severity;	/* TL_SEV_NONE: off */
	unsigned	 line;
};

struct tl_config_override {
	struct tl_vec	 paths;		/* const char * borrowed (doc): globs */
	struct tl_vec	 rules;		/* struct tl_config_rule * owned */
	unsigned	 line;
};

struct tl_config {
	char		*path;		/* owned: as given or found; NULL: none */
	struct tl_ydoc	*doc;		/* owned */
	int		 has_fail_on;
	enum tl_severity fail_on;
	unsigned	 factors_off;	/* bit n: factor n turned off */
	struct tl_vec	 exclude;	/* const char * borrowed (doc): globs */
	struct tl_vec	 rules;		/* struct tl_config_rule * owned */
	struct tl_vec	 overrides;	/* struct tl_config_override * owned */
	const struct tl_ynode *allow;	/* borrowed (doc): or NULL */
};

/*
 * Read a configuration.  With file (--config) that file, which must
 * exist; otherwise .twelvelint.yml or .twelvelint.yaml at the root of the
 * target directory, if there is one (not followed when it is a symbolic
 * link, and it must be a regular file under 1 MiB).  An empty config
 * (path NULL) when there is none.  TL_EUSAGE with "FILE:LINE: what is
 * wrong" for an unknown key or a bad value; TL_ENOENT when --config names
 * nothing; TL_EIO when it cannot be read.
 */
int	tl_config_load(struct tl_config *, const char *, const char *);
/* The same from text in memory; name is the file to name in messages. */
int	tl_config_parse(struct tl_config *, const char *, const char *,
	    size_t);
/* Are the rule ids it names known?  TL_EUSAGE with "FILE:LINE: …" if not. */
int	tl_config_check_ids(const struct tl_config *,
	    const struct tl_ruleset *);
void	tl_config_release(struct tl_config *);

/* The "rules:" entry for id, or NULL. */
const struct tl_config_rule *tl_config_rule(const struct tl_config *,
	    const char *);
/*
 * The last override entry for rule id whose paths match path, or NULL;
 * *globs is the override (for messages).
 */
const struct tl_config_rule *tl_config_override(const struct tl_config *,
	    const char *, const char *, const struct tl_config_override **);
/* The exclude glob that matches path, or NULL. */
const char *tl_config_excluded(const struct tl_config *, const char *);

#endif /* TWELVELINT_CONFIG_H */
