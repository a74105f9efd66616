/*
 * twelvelint.h: severities, factors, rules, modules, findings, the scan and
 * its result, and tl_report() through which every rule reports.
 *
 * Ownership: rules and modules are static (or, for pattern rules, owned by
 * the struct tl_ruleset that loaded them and alive for the whole run).  A
 * struct tl_scan owns its findings, evidence lists and the repository model;
 * everything a writer (out_*.c) reads from a struct tl_scan is borrowed for
 * as long as the scan lives.
 */
#ifndef TWELVELINT_H
#define TWELVELINT_H

#include <stddef.h>
#include <stdio.h>

#include "util.h"

#define TL_VERSION	"0.1.0"

enum tl_severity {
	TL_SEV_NONE = 0,	/* used by --fail-on none and "rule off" */
	TL_SEV_INFO,
	TL_SEV_WARNING,
	TL_SEV_ERROR
};

/* Factor numbers 1..12; 0 is the engine itself (TF0001 …). */
enum tl_factor {
	TL_FACTOR_ENGINE = 0,
#define TL_FACTOR(num, en, slug, numeral, name, url) TL_FACTOR_##en = num,
#include "factors.def"
	TL_FACTOR_COUNT		/* 13: index 0 and the twelve */
};

struct tl_factor_info {
	int		 number;
	const char	*slug;		/* static */
	const char	*numeral;	/* static */
	const char	*name;		/* static */
	const char	*url;		/* static */
};

/* Factor 1..12, or NULL. */
const struct tl_factor_info *tl_factor_get(int);

enum tl_outcome {
	TL_OUTCOME_NOT_RUN = 0,	/* deselected by --factor/--enable/--disable */
	TL_OUTCOME_NA,		/* inputs absent: see the reason */
	TL_OUTCOME_PASS,
	TL_OUTCOME_FAIL,
	TL_OUTCOME_ERROR
};

enum tl_status {
	TL_STATUS_NA = 0,
	TL_STATUS_PASS,
	TL_STATUS_WARN,
	TL_STATUS_FAIL
};

const char	*tl_severity_name(enum tl_severity);	/* "error" … */
int		 tl_severity_parse(const char *, enum tl_severity *);
const char	*tl_status_name(enum tl_status);	/* "not_applicable" … */
const char	*tl_outcome_name(enum tl_outcome);

struct tl_check;

/*
 * A rule.  Structural rules are `static const struct tl_rule tfNNNN`
 * written above their check function in rules/fNN_<slug>.c.  Pattern rules
 * are built from rules/patterns/NAME.yml and have check == NULL.
 *
 * needs: a mask of TL_NEED(kind) bits (model.h) and TL_NEED_GIT.  When none
 * of the needed inputs exists the engine records the rule as not applicable
 * ("no Dockerfile found") without calling it.  0 means "always run".
 */
struct tl_rule {
	const char	*id;		/* "TF0901" */
	const char	*name;		/* "shell-form-start-command" */
	int		 factor;	/* 1..12, 0 for engine findings */
	enum tl_severity severity;	/* default severity */
	unsigned long	 needs;
	const char	*summary;	/* fixed title: "start command in shell form" */
	const char	*rationale;	/* why, in Twelve-Factor terms */
	const char	*fix;		/* what to do instead */
	const char	*see_also;	/* "hadolint DL3025; checkov CKV_…", or NULL */
	/* 0 ok, negative error (message set).  NULL for pattern rules. */
	int		(*check)(struct tl_check *);
};

/* One factor's check module: rules/fNN_<slug>.c exports one. */
struct tl_module {
	int			  factor;
	const struct tl_rule	*const *rules;	/* static, in id order */
	size_t			  nrules;
	int			(*init)(void);	/* optional */
	void			(*fini)(void);	/* optional */
};

#define TL_NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* A finding, as the engine stores it after tl_report(). */
struct tl_finding {
	const struct tl_rule *rule;	/* borrowed: static or ruleset-owned */
	enum tl_severity severity;	/* effective severity */
	char		*message;	/* owned: the detail, secrets redacted */
	char		*path;		/* owned: relative, '/'-separated; "" for the repository */
	unsigned	 line;		/* 1-based, 0 when not known */
	unsigned	 column;	/* 1-based, 0 when not known */
	unsigned	 end_line;	/* 0 when not known */
	char		*snippet;	/* owned: source line, secrets redacted, or NULL */
	char		 fingerprint[41]; /* hex SHA-1 of rule, path, evidence */
	char		*suppressed;	/* owned: why it is suppressed, or NULL */
	char		*evidence;	/* owned: normalised evidence, engine-internal; NULL once the scan is finished */
	char		*secret;	/* owned: the secret, engine-internal, for redaction only; never printed; NULL once the scan is finished */
	size_t		 order;		/* engine-internal tie-break for sorting */
	unsigned	 outside : 1;	/* in a file outside the model (a blob of the history) */
};

/* Free a struct tl_finding (a void * for tl_vec_release); NULL is fine. */
void	tl_finding_free(void *);

/* Per-rule state of one scan. */
struct tl_rule_state {
	const struct tl_rule *rule;	/* borrowed */
	enum tl_severity severity;	/* effective (config may change it) */
	int		 selected;
	enum tl_outcome	 outcome;
	char		*reason;	/* owned: why not applicable / error text */
	unsigned long	 missing;	/* not applicable for want of these file kinds (TL_NEED bits) */
	size_t		 nfindings;
};

/* Per-factor result of one scan. */
struct tl_factor_result {
	const struct tl_factor_info *info;	/* static */
	enum tl_status	 status;
	int		 selected;	/* 0 when --factor left it out */
	struct tl_vec	 evidence;	/* char * owned: sorted unique paths */
	char		*reason;	/* owned: why not applicable, or NULL */
	size_t		 counts[4];	/* by enum tl_severity */
};

struct tl_skip {
	char	*path;		/* owned */
	char	*reason;	/* owned */
};

struct tl_repo;
struct tl_ruleset;
struct tl_config;
struct tl_baseline;

/* Options of one scan (what main.c parsed). */
struct tl_options {
	const char	*target;	/* borrowed: argv */
	enum tl_severity fail_on;	/* TL_SEV_NONE for "none" */
	unsigned	 factors;	/* bit n set: factor n selected; 0 = all */
	struct tl_vec	 enable;	/* char * borrowed: rule ids, empty = all */
	struct tl_vec	 disable;	/* char * borrowed */
	size_t		 max_file_size;
	int		 history;	/* --history: scan git history (TF0302) */
	size_t		 history_max;	/* --history=N: the newest N commits; 0 all */
	const char	*since;		/* borrowed: --since REV, or NULL */
	int		 staged;	/* --staged */
	int		 progress;	/* progress on stderr (it is a terminal) */
	int		 jobs;		/* >= 1 */
	int		 verbose;
	int		 quiet;
	const struct tl_config *config;	/* borrowed: .twelvelint.yml, or NULL */
	const struct tl_baseline *baseline; /* borrowed: --baseline, or NULL */
};

/* One scan: the model, the findings and the per-rule/per-factor results. */
struct tl_scan {
	const struct tl_options	*opts;		/* borrowed */
	const struct tl_ruleset	*rules;		/* borrowed */
	struct tl_repo		*repo;		/* owned */
	struct tl_vec		 findings;	/* struct tl_finding * owned, sorted */
	struct tl_rule_state	*states;	/* owned, one per rule in the ruleset */
	size_t			 nstates;
	struct tl_factor_result	 factors[TL_FACTOR_COUNT]; /* [1..12] used */
	size_t			 counts[4];	/* unsuppressed, by severity */
	size_t			 nsuppressed;
	long			 duration_ms;
	int			 exit_code;	/* 0 or 1, from fail_on */
};

/*
 * The context a check function receives.  Rules read the model through
 * c->repo and report with tl_report()/tl_report_secret().
 */
struct tl_check {
	struct tl_scan		*scan;	/* borrowed */
	const struct tl_repo	*repo;	/* borrowed: scan->repo */
	const struct tl_rule	*rule;	/* borrowed: the rule being run */
	struct tl_rule_state	*state;	/* borrowed */
	int			 lesser; /* set by an E/W rule: report one severity below the rule's */
};

struct tl_file;

/*
 * Report a finding of the current rule at file:line:col (file may be NULL
 * for a repository-wide finding; line 0 when there is none).  `evidence`
 * is the matched text that identifies the finding for its fingerprint
 * (normalised: white space folded); NULL uses the message.  The snippet is
 * taken from the file's line.  Returns 0 or a negative error.
 */
int	tl_report(struct tl_check *, const struct tl_file *, unsigned,
	    unsigned, const char *, const char *, ...)
	    __attribute__((format(printf, 6, 7)));

/*
 * Report a secret: as tl_report(), but every occurrence of `secret` in the
 * message and snippet is redacted and the fingerprint hashes the secret.
 */
int	tl_report_secret(struct tl_check *, const struct tl_file *, unsigned,
	    unsigned, const char *, const char *, ...)
	    __attribute__((format(printf, 6, 7)));

/* Mark the current rule not applicable, with a reason ("no Procfile"). */
void	tl_not_applicable(struct tl_check *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));

/* Add a path to the current rule's factor's evidence list. */
void	tl_evidence(struct tl_check *, const char *);

/* --- registry.c ------------------------------------------------------- */

/* The twelve modules, in factor order (static). */
const struct tl_module *const *tl_registry_modules(size_t *);

/*
 * A rule set: every structural rule of the modules plus the pattern rules
 * loaded from the embedded packs and --rules, sorted by id.
 */
struct tl_ruleset {
	const struct tl_rule	**rules;	/* owned array; items borrowed */
	size_t			  nrules;
	struct tl_patterns	 *patterns;	/* owned: compiled packs */
};

/*
 * Build the rule set; extra is a --rules FILE|DIR or NULL, config (may be
 * NULL) adds its allowlist.  TL_EUSAGE on a bad pack or allowlist.
 */
int	tl_ruleset_load(struct tl_ruleset *, const char *,
	    const struct tl_config *);
void	tl_ruleset_release(struct tl_ruleset *);
/* The rule with this id (exact, case-insensitive), or NULL. */
const struct tl_rule *tl_ruleset_find(const struct tl_ruleset *, const char *);
/* The engine's own rules (TF0001 …), static. */
const struct tl_rule *tl_engine_rule(const char *);

/* --- engine.c --------------------------------------------------------- */

/* Run a scan: discover, load, parse, match, check, sort, summarise. */
int	tl_scan_run(struct tl_scan *, const struct tl_options *,
	    const struct tl_ruleset *);
void	tl_scan_release(struct tl_scan *);

/* --- out_*.c: each writes the whole report to a stream ---------------- */

struct tl_out_opts {
	int	color;		/* text only: ANSI colour */
	int	verbose;	/* text only: list evidence and skipped files */
	int	quiet;		/* text only: the finding lines and nothing else */
};

/*
 * The path a CI system shows for a finding's path: prefixed with the
 * target when that is a relative directory other than "." (twelvelint
 * services/api reports services/api/Dockerfile), so that annotations and
 * code-scanning alerts land on the file in the checkout.  A new string.
 */
char	*tl_out_path(const struct tl_scan *, const char *);
/* A factor's reported status: a factor --factor left out is not applicable. */
enum tl_status tl_out_status(const struct tl_factor_result *);
/* Why a factor is not applicable: its reason or "not selected" (borrowed). */
const char *tl_out_reason(const struct tl_factor_result *);
/* Is the finding shown under factor n (0: the engine, also odd factors)? */
int	tl_out_block(const struct tl_finding *, int);

int	tl_out_text(FILE *, const struct tl_scan *, const struct tl_out_opts *);
int	tl_out_html(FILE *, const struct tl_scan *, const struct tl_out_opts *);
int	tl_out_json(FILE *, const struct tl_scan *, const struct tl_out_opts *);
int	tl_out_sarif(FILE *, const struct tl_scan *, const struct tl_out_opts *);
int	tl_out_junit(FILE *, const struct tl_scan *, const struct tl_out_opts *);
int	tl_out_github(FILE *, const struct tl_scan *, const struct tl_out_opts *);

#endif /* TWELVELINT_H */
