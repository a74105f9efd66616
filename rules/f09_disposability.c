/*
 * f09_disposability.c: factor IX, Disposability
 * (https://12factor.net/disposability).  Maximize robustness with fast
 * startup and graceful shutdown.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common.h"

/* ------------------------------------------------------------- TF0901 */

static int
is_shell(const char *prog)
{
	static const char *const shells[] = {
		"sh", "bash", "ash", "dash", "zsh", "ksh"
	};
	const char	*slash = strrchr(prog, '/');
	size_t		 i;

	prog = slash != NULL ? slash + 1 : prog;
	for (i = 0; i < TL_NELEM(shells); i++)
		if (strcmp(prog, shells[i]) == 0)
			return 1;
	return 0;
}

/*
 * The command a shell runs as PID 1 for this instruction, when it does:
 * shell form, or an exec-form ["sh", "-c", "…"]; NULL when the program
 * itself is PID 1 (exec form, or a shell body that starts with exec).
 */
static const char *
shell_body(const struct tl_df_instr *in)
{
	const char	*body;

	if (!in->exec_form)
		body = in->args;
	else if (in->argc >= 3 && is_shell(in->argv[0]) &&
	    in->argv[1][0] == '-' && strchr(in->argv[1], 'c') != NULL)
		body = in->argv[2];
	else
		return NULL;
	while (*body == ' ' || *body == '\t')
		body++;
	if (strncmp(body, "exec ", 5) == 0 || *body == '\0')
		return NULL;
	return body;
}

/* The image that deploys: the final stage, or one named for production. */
static int
deployed_stage(const struct tl_dockerfile *df, size_t i)
{
	static const char *const names[] = {
		"prod", "production", "release", "runtime", "final", "app",
		"deploy", NULL
	};
	const char	*name = df->stages[i].name;
	size_t		 k;

	if (i + 1 == df->nstages)
		return 1;
	for (k = 0; name != NULL && names[k] != NULL; k++)
		if (strcasecmp(name, names[k]) == 0)
			return 1;
	return 0;
}

static int	tf0901_check(struct tl_check *);

static const struct tl_rule tf0901 = {
	.id = "TF0901",
	.name = "shell-form-start-command",
	.factor = TL_FACTOR_DISPOSABILITY,
	.severity = TL_SEV_WARNING,
	.needs = TL_NEED(TL_FILE_DOCKERFILE),
	.summary = "start command in shell form",
	.rationale =
	    "Disposable processes shut down gracefully when they receive "
	    "SIGTERM: ECS, Kubernetes and docker stop send it, wait, then "
	    "kill. In shell form (CMD node server.js, or [\"sh\", \"-c\", "
	    "\"…\"]) PID 1 is /bin/sh, which does not pass SIGTERM on: the "
	    "app never hears it, finishes no request and is killed after the "
	    "stop timeout. The CMD and ENTRYPOINT in effect for the final "
	    "stage, and for stages named prod, production, release, runtime, "
	    "final, app or deploy, are checked, also when they are inherited "
	    "from the stage they are built FROM (a test stage's CMD is not a "
	    "long-running process); a shell command that starts with exec "
	    "replaces the shell and is not reported. Test fixtures and "
	    "vendored Dockerfiles are not read.",
	.fix =
	    "Use the exec form, CMD [\"node\", \"server.js\"], so the app is "
	    "PID 1 and receives SIGTERM; where a shell is needed for "
	    "variables, end it with exec (CMD exec node server.js). Handle "
	    "SIGTERM in the app and keep the ECS stopTimeout above its "
	    "shutdown time.",
	.see_also = "hadolint DL3025; docker build check JSONArgsRecommended",
	.check = tf0901_check,
};

/* The program the shell body really runs: its last command that is not plumbing. */
static const char *
body_program(const struct tl_script *sc)
{
	size_t	 i;

	for (i = sc->ncmds; i > 0; i--)
		if (sc->cmds[i - 1].depth == 0 &&
		    !tl_cmd_is_plumbing(&sc->cmds[i - 1]))
			return tl_sh_real_prog(&sc->cmds[i - 1]);
	return sc->ncmds > 0 ? tl_sh_real_prog(&sc->cmds[0]) : "";
}

static int
tf0901_report(struct tl_check *c, const struct tl_file *f,
    const struct tl_df_instr *in)
{
	struct tl_script	*sc = NULL;
	const char		*body, *prog = "the app";
	char			*folded;
	int			 error;

	if ((body = shell_body(in)) == NULL)
		return 0;
	if (tl_shell_parse(&sc, body, strlen(body), in->line) == 0 &&
	    sc != NULL && *body_program(sc) != '\0')
		prog = body_program(sc);
	folded = tl_str_fold(body, strlen(body));
	error = tl_report(c, f, in->line, 1, folded, "%s runs '%.60s%s' "
	    "through /bin/sh: PID 1 is the shell and SIGTERM never reaches "
	    "'%s'", in->keyword, folded, strlen(folded) > 60 ? "..." : "",
	    prog);
	free(folded);
	tl_script_free(sc);
	return error;
}

static int
tf0901_check(struct tl_check *c)
{
	static const char *const kws[] = { "ENTRYPOINT", "CMD" };
	const struct tl_file	*f;
	const struct tl_df_stage *where;
	const struct tl_df_instr *in, *seen[2 * 8];
	size_t			 i, k, n, nseen;
	int			 error = 0;

	TL_FOREACH_FILE(f, c->repo, TL_FILE_DOCKERFILE) {
		nseen = 0;
		for (i = 0; f->docker != NULL && i < f->docker->nstages; i++) {
			if (!deployed_stage(f->docker, i))
				continue;
			for (k = 0; k < TL_NELEM(kws) && error == 0; k++) {
				in = tl_df_effective(f->docker,
				    &f->docker->stages[i], kws[k], &where);
				if (in == NULL)
					continue;
				/* A parent and its child may both deploy. */
				for (n = 0; n < nseen && seen[n] != in; n++)
					continue;
				if (n < nseen)
					continue;
				if (nseen < TL_NELEM(seen))
					seen[nseen++] = in;
				error = tf0901_report(c, f, in);
			}
			if (error != 0)
				return error;
		}
	}
	return 0;
}

static const struct tl_rule *const rules[] = {
	&tf0901,
};

const struct tl_module tl_module_DISPOSABILITY = {
	TL_FACTOR_DISPOSABILITY, rules, TL_NELEM(rules), NULL, NULL
};
