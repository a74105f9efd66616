/*
 * f05_build_release_run.c: factor V, Build, release, run
 * (https://12factor.net/build-release-run).  Strictly separate build and
 * run stages.
 */
#include <stdio.h>
#include <string.h>

#include "common.h"

/* ------------------------------------------------------------- TF0501 */

/*
 * Build steps: a program and the word that follows it ("" = the program
 * run without arguments, NULL = any use of the program).
 */
static const struct build_step {
	const char	*prog;
	const char	*word;
	const char	*word2;
} build_steps[] = {
	{ "npm", "install", NULL }, { "npm", "i", NULL }, { "npm", "ci", NULL },
	{ "npm", "rebuild", NULL }, { "npm", "run", "build" },
	{ "yarn", "", NULL }, { "yarn", "install", NULL },
	{ "yarn", "build", NULL }, { "yarn", "run", "build" },
	{ "pnpm", "install", NULL }, { "pnpm", "i", NULL },
	{ "pnpm", "build", NULL }, { "pnpm", "run", "build" },
	{ "bun", "install", NULL },
	{ "pip", "install", NULL }, { "pip3", "install", NULL },
	{ "pipenv", "install", NULL }, { "poetry", "install", NULL },
	{ "uv", "sync", NULL }, { "uv", "pip", "install" },
	{ "bundle", "install", NULL }, { "gem", "install", NULL },
	{ "go", "build", NULL }, { "go", "install", NULL },
	{ "go", "run", NULL }, { "go", "get", NULL },
	{ "mvn", "package", NULL }, { "mvn", "install", NULL },
	{ "mvn", "compile", NULL }, { "mvn", "spring-boot:run", NULL },
	{ "mvnw", "package", NULL }, { "mvnw", "install", NULL },
	{ "mvnw", "spring-boot:run", NULL },
	{ "gradle", "build", NULL }, { "gradle", "assemble", NULL },
	{ "gradle", "bootRun", NULL }, { "gradlew", "build", NULL },
	{ "gradlew", "assemble", NULL }, { "gradlew", "bootRun", NULL },
	{ "composer", "install", NULL }, { "composer", "update", NULL },
	{ "cargo", "build", NULL }, { "cargo", "run", NULL },
	{ "dotnet", "build", NULL }, { "dotnet", "publish", NULL },
	{ "dotnet", "restore", NULL }, { "dotnet", "run", NULL },
	{ "webpack", NULL, NULL }, { "tsc", NULL, NULL },
	{ "vite", "build", NULL }, { "ng", "build", NULL },
	{ "next", "build", NULL }, { "nuxt", "build", NULL },
	{ "apt-get", "install", NULL }, { "apt", "install", NULL },
	{ "apk", "add", NULL }, { "yum", "install", NULL },
	{ "dnf", "install", NULL },
};

/* The first non-option word after index i, or NULL. */
static const char *
next_word(const struct tl_sh_cmd *c, size_t *i)
{
	for (; *i < c->argc; (*i)++)
		if (c->argv[*i][0] != '-')
			return c->argv[(*i)++];
	return NULL;
}

/* "python -m pip install": the index of the module after -m, or argc. */
static size_t
module_index(const struct tl_sh_cmd *c, size_t i)
{
	size_t	 j;

	for (j = i + 1; j + 1 < c->argc && c->argv[j][0] == '-'; j++)
		if (strcmp(c->argv[j], "-m") == 0)
			return j + 1;
	return c->argc;
}

/* The build step a command runs, or NULL. */
static const struct build_step *
build_step(const struct tl_sh_cmd *c)
{
	const struct build_step	*b;
	const char		*prog, *w1, *w2;
	size_t			 i, k, j;

	if ((i = tl_sh_prog_index(c)) >= c->argc)
		return NULL;
	prog = tl_sh_real_prog(c);
	if (strncmp(prog, "python", 6) == 0) {
		i = module_index(c, i);
		if (i >= c->argc)
			return NULL;
		prog = c->argv[i];
	}
	j = i + 1;
	w1 = next_word(c, &j);
	w2 = w1 != NULL ? next_word(c, &j) : NULL;
	for (k = 0; k < TL_NELEM(build_steps); k++) {
		b = &build_steps[k];
		if (strcmp(prog, b->prog) != 0)
			continue;
		if (b->word == NULL)
			return b;
		if (b->word[0] == '\0' ? w1 == NULL :
		    w1 != NULL && strcmp(w1, b->word) == 0 &&
		    (b->word2 == NULL || (w2 != NULL &&
		    strcmp(w2, b->word2) == 0)))
			return b;
	}
	return NULL;
}

static int	tf0501_check(struct tl_check *);

static const struct tl_rule tf0501 = {
	.id = "TF0501",
	.name = "build-at-run-time",
	.factor = TL_FACTOR_BUILD_RELEASE_RUN,
	.severity = TL_SEV_ERROR,
	.needs = TL_NEED(TL_FILE_DOCKERFILE) | TL_NEED(TL_FILE_PROCFILE) |
	    TL_NEED(TL_FILE_SCRIPT),
	.summary = "build step at run time",
	.rationale =
	    "The build stage turns code into an executable bundle once; the "
	    "run stage only starts it. A start command that installs "
	    "dependencies or compiles (npm install, pip install, bundle "
	    "install, go build, mvn package, webpack, tsc, composer install, "
	    "apt-get install …) builds again on every start: each process "
	    "may run different code, start-up is slow and fails when a "
	    "registry is down. Checked: the effective CMD and ENTRYPOINT of "
	    "each Dockerfile's final stage, the scripts they run, "
	    "*entrypoint.sh, and Procfile processes other than release. "
	    "Artefacts named for development (Dockerfile.dev, "
	    "Dockerfile.local …) are not deploys and are not checked.",
	.fix =
	    "Move the step into the build: a RUN in a build stage of a "
	    "multi-stage Dockerfile (npm ci, pip install, go build), or a "
	    "CodeBuild phase that produces the image or artefact. The start "
	    "command then only runs what was built: CMD [\"node\", "
	    "\"dist/server.js\"].",
	.see_also = NULL,
	.check = tf0501_check,
};

static int
tf0501_check(struct tl_check *c)
{
	struct tl_starts	 starts;
	const struct tl_start	*st;
	const struct tl_sh_cmd	*cmd;
	const struct build_step	*b;
	char			 what[256];
	size_t			 i, j;
	int			 error = 0;

	tl_starts_collect(&starts, c->repo);
	for (i = 0; i < starts.n && error == 0; i++) {
		st = &starts.v[i];
		if (tl_path_is_dev_artefact(st->file->path) ||
		    (st->proc != NULL && strcmp(st->proc, "release") == 0))
			continue;
		for (j = 0; j < st->script->ncmds && error == 0; j++) {
			cmd = &st->script->cmds[j];
			if ((b = build_step(cmd)) == NULL)
				continue;
			error = tl_report(c, st->file, cmd->line, 0, cmd->text,
			    "%s runs '%s%s%s%s%s' when the process starts: "
			    "the build happens at run time",
			    tl_start_what(st, what, sizeof(what)), b->prog,
			    b->word != NULL && b->word[0] != '\0' ? " " : "",
			    b->word != NULL ? b->word : "",
			    b->word2 != NULL ? " " : "",
			    b->word2 != NULL ? b->word2 : "");
		}
	}
	tl_starts_release(&starts);
	return error;
}

static const struct tl_rule *const rules[] = {
	&tf0501,
};

const struct tl_module tl_module_BUILD_RELEASE_RUN = {
	TL_FACTOR_BUILD_RELEASE_RUN, rules, TL_NELEM(rules), NULL, NULL
};
