/*
 * common.h: knowledge the rule modules share: secret-looking names and
 * placeholder values, test/vendored/documentation paths, standard library
 * module names, and the repository's start commands (Dockerfile CMD and
 * ENTRYPOINT, the scripts they run, Procfile processes).
 *
 * Ownership: every table is static; a struct tl_starts owns its array and
 * the scripts it parsed itself (exec-form and shell-form instructions);
 * everything else in it is borrowed from the repository model and lives
 * as long as the scan.
 */
#ifndef TWELVELINT_RULES_COMMON_H
#define TWELVELINT_RULES_COMMON_H

#include "twelvelint/model.h"
#include "twelvelint/template.h"

/*
 * Does a variable or parameter name say it holds a secret?  Tokens:
 * PASSWORD PASSWD PWD SECRET TOKEN API_KEY APIKEY ACCESS_KEY PRIVATE_KEY
 * CREDENTIAL(S) AUTH_KEY CLIENT_SECRET SIGNING_KEY ENCRYPTION_KEY
 * (case-insensitive, matched as whole words of the name, split at _ - .
 * and at camelCase humps: DbPassword, apiKey).
 * Allowlist: names that only point at a secret or describe one
 * (…_ARN, …_PARAM, …_PARAMETER, …_NAME, …_ID (but not ACCESS_KEY_ID),
 * …_PATH, …_FILE, …_URL, …_TYPE, …_LENGTH, …_TTL, …_EXPIRY, …_HEADER,
 * TOKEN_TYPE, …_ENABLED, …_REGION, …_VERSION, and durations and
 * counts: …_SECONDS, …_TIMEOUT, …_COUNT, …_PORT, …_HOST), and names of a
 * Secrets Manager secret (SecretsManagerSecretForMQ). PRIVATE alone is
 * not a secret word (PrivateSubnet1); PRIVATE_KEY is.
 */
int	tl_name_is_secret(const char *);

/*
 * Is a value not a literal secret: empty, a variable reference ($X, ${X},
 * %(x)s, {{ … }}, <your-key>), a dynamic reference ({{resolve:…}}, arn:),
 * or a known placeholder (changeme, xxx…, example, dummy, todo, …)?
 */
int	tl_value_is_placeholder(const char *);

/* Documentation, by path (test and vendored paths: model.h). */
int	tl_path_is_docs(const char *);
/*
 * A deploy artefact meant for local development only, by its name:
 * Dockerfile.dev, dev.Dockerfile, Dockerfile.local, docker-compose.dev.yml,
 * .devcontainer/ …
 */
int	tl_path_is_dev_artefact(const char *);

/*
 * May a template value be the literal s (case-insensitive)?  A scalar
 * equal to it, or an !If / Fn::If whose either branch may be.  Values
 * computed by other intrinsics (!Ref, !Sub …) are not literals: no.
 */
int	tl_yvalue_may_be(const struct tl_ynode *, const char *);

/* Standard library modules (top-level names), for "third-party?" checks. */
int	tl_python_stdlib(const char *, size_t);
int	tl_node_builtin(const char *, size_t);

/* Directory part of a path ("" for a top-level file), owned by the caller. */
char	*tl_path_dir(const char *);

enum tl_start_kind {
	TL_START_CMD,		/* Dockerfile CMD */
	TL_START_ENTRYPOINT,	/* Dockerfile ENTRYPOINT */
	TL_START_SCRIPT,	/* a script a start command runs, or *entrypoint.sh */
	TL_START_PROC		/* a Procfile process */
};

struct tl_start {
	enum tl_start_kind	 kind;
	const struct tl_file	*file;		/* borrowed: where it is written */
	const struct tl_script	*script;	/* borrowed (model) or owned (see owned) */
	int			 owned;		/* script was parsed here */
	const char		*proc;		/* borrowed: Procfile process type, or NULL */
	unsigned		 line;		/* line of the instruction / process */
	const struct tl_df_stage *stage;	/* borrowed: Dockerfile stage, or NULL */
	const struct tl_file	*via;		/* borrowed: for a script, the Dockerfile or Procfile that runs it, or NULL (found by name) */
	unsigned		 via_line;	/* line in via of the command that runs it */
};

struct tl_starts {
	struct tl_start	*v;		/* owned */
	size_t		 n;
};

/*
 * Every start command of the repository: the effective (last) CMD and
 * ENTRYPOINT of each Dockerfile's final stage, every Procfile process,
 * and the scripts they run.  A script is found by following the path a
 * CMD or ENTRYPOINT names through the WORKDIR and COPY/ADD instructions
 * of the final stage and its parents back to a file of the build context
 * (the Dockerfile's directory, else the repository root), or a Procfile
 * command's path from the Procfile's directory; failing that, by file
 * name, and any script named *entrypoint* is one.  Build-stage commands
 * are not start commands; test and vendored files are not read.
 */
void	tl_starts_collect(struct tl_starts *, const struct tl_repo *);

/*
 * Add the start commands deploy artefacts override: each compose service's
 * command and entrypoint (compose files named for development are left
 * out) and each ECS task-definition container's command and entryPoint,
 * as TL_START_PROC starts whose proc is the service or container name.
 */
void	tl_starts_add_deploys(struct tl_starts *, const struct tl_repo *);

/* Is the start written for development (its file, or the file that runs it)? */
int	tl_start_is_dev(const struct tl_start *);

/* Is the file part of a GitHub Action (an action.yml or action.yaml beside it)? */
int	tl_file_is_action(const struct tl_repo *, const struct tl_file *);
/* A file that deploys nothing: named for development, or an Action's. NULL: 0. */
int	tl_file_not_deployed(const struct tl_repo *, const struct tl_file *);
void	tl_starts_release(struct tl_starts *);

/*
 * "CMD", "ENTRYPOINT", "start script (run by Dockerfile:7)", "Procfile
 * process 'web'" … for messages; buf holds the longer ones (128 bytes
 * suffice for most paths; longer ones are cut).
 */
const char *tl_start_what(const struct tl_start *, char *, size_t);

/*
 * Is the command plumbing rather than the work: output, waits, tests,
 * file and environment housekeeping (echo, sleep, [, [[, cd, export, mkdir,
 * chown, wait-for-it, pg_isready, break …)?  Also true for an empty one.
 */
int	tl_cmd_is_plumbing(const struct tl_sh_cmd *);

/* Does the command exec the container's CMD: exec "$@" or "${@}"? */
int	tl_cmd_execs_args(const struct tl_sh_cmd *);

/*
 * Join a directory and a path the way a build resolves it, into out:
 * "." and ".." resolved, no leading "./" nor trailing "/"; an absolute
 * path replaces dir and stays absolute.  0 when ".." climbs above the top.
 */
int	tl_path_join(struct tl_buf *, const char *, const char *);

/* Words of a COPY/ADD instruction: its sources, then its destination (owned). */
size_t	tl_df_copy_words(const struct tl_df_instr *, char ***);
void	tl_words_free(char **, size_t);

/* The stages an image is built from, the root first (at most TL_DF_CHAIN_MAX). */
#define TL_DF_CHAIN_MAX	64
size_t	tl_df_stage_chain(const struct tl_dockerfile *,
	    const struct tl_df_stage *, const struct tl_df_stage **);

/*
 * The instruction that is in effect for a stage: its own last `kw`
 * (CMD, ENTRYPOINT, HEALTHCHECK …) or, failing that, one inherited from
 * the stages it is built FROM.  *where is the stage that has it.
 */
const struct tl_df_instr *tl_df_effective(const struct tl_dockerfile *,
	    const struct tl_df_stage *, const char *,
	    const struct tl_df_stage **);

/* Is the argument vector's program (after sudo/gosu/env/tini … wrappers) prog? */
int	tl_cmd_is(const struct tl_sh_cmd *, const char *);
/* Does the command contain the word w after its program? */
int	tl_cmd_has_word(const struct tl_sh_cmd *, const char *);

/*
 * Is one of words (case-insensitive) a whole word of s, split at any of
 * the characters of seps ("dev" in "docker-compose.dev.yml")?
 */
int	tl_has_word(const char *s, const char *seps, const char *const *words);

/*
 * Is a requirements file (by its path or name) for development, tests or
 * docs only: a word dev, test(s), doc(s), lint, ci, local, typing … in it
 * (requirements-dev.txt, requirements/test.txt)?
 */
int	tl_requirements_not_deployed(const char *);

/*
 * The Lambda functions of a template (AWS::Serverless::Function and
 * AWS::Lambda::Function): their number in *nfn, the number for which
 * bad(cfn, r) holds in *nbad, and the names of the first three of those,
 * quoted and comma-separated, in names (cleared first).  Returns the
 * first such function, or NULL.  For rules that report once per template.
 */
const struct tl_cfn_resource *tl_cfn_functions_where(const struct tl_cfn *,
	    int (*)(const struct tl_cfn *, const struct tl_cfn_resource *),
	    struct tl_buf *, size_t *, size_t *);

#endif /* TWELVELINT_RULES_COMMON_H */
