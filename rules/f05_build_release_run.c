/*
 * f05_build_release_run.c: factor V, Build, release, run
 * (https://12factor.net/build-release-run).  Strictly separate build and
 * run stages.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common.h"
#include "twelvelint/template.h"

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
		if (tl_start_is_dev(st) ||
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

/* ------------------------------------------------------------- TF0502 */

/* Version-control subcommands that change the code in the work tree. */
static const struct {
	const char	*prog;
	const char	*word;
} vcs_steps[] = {
	{ "git", "pull" }, { "git", "clone" }, { "git", "checkout" },
	{ "git", "switch" }, { "git", "merge" }, { "git", "rebase" },
	{ "git", "apply" }, { "git", "am" }, { "git", "submodule" },
	{ "git", "reset" }, { "svn", "update" }, { "svn", "up" },
	{ "svn", "checkout" }, { "svn", "co" }, { "svn", "export" },
	{ "svn", "switch" }, { "hg", "pull" }, { "hg", "clone" },
	{ "hg", "update" }, { "hg", "up" },
};

/* File names that hold code: sources, scripts, packages and archives. */
static const char *const code_suffixes[] = {
	".js", ".mjs", ".cjs", ".jsx", ".ts", ".tsx", ".vue", ".svelte",
	".py", ".rb", ".php", ".pl", ".java", ".kt", ".scala", ".go", ".rs",
	".cs", ".sh", ".bash", ".jar", ".war", ".ear", ".whl", ".egg",
	".gem", ".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz",
	".txz", ".zip", NULL
};

/* Programs that run or unpack what is piped into them. */
static const char *const pipe_runners[] = {
	"sh", "bash", "ash", "dash", "zsh", "ksh", "python", "python3",
	"node", "ruby", "perl", "php", "tar", "unzip", "bsdtar", "busybox",
	NULL
};

/* Does a path or URL (query and fragment ignored) name a code file? */
static int
names_code(const char *s)
{
	char	*p;
	size_t	 i, n;
	int	 hit = 0;

	n = strcspn(s, "?#");
	p = tl_strndup(s, n);
	for (i = 0; code_suffixes[i] != NULL && !hit; i++)
		if (tl_str_has_suffix(p, code_suffixes[i]))
			hit = 1;
	free(p);
	return hit;
}

static int
in_words(const char *w, const char *const *list)
{
	for (; *list != NULL; list++)
		if (strcmp(w, *list) == 0)
			return 1;
	return 0;
}

/* The subcommand of git/svn/hg: the first word that is not an option. */
static const char *
vcs_subcommand(const struct tl_sh_cmd *c)
{
	size_t	 i;

	for (i = tl_sh_prog_index(c) + 1; i < c->argc; i++) {
		if (strcmp(c->argv[i], "-C") == 0 ||
		    strcmp(c->argv[i], "-c") == 0 ||
		    strcmp(c->argv[i], "-R") == 0 ||
		    strcmp(c->argv[i], "--cwd") == 0) {
			i++;
			continue;
		}
		if (c->argv[i][0] != '-')
			return c->argv[i];
	}
	return NULL;
}

/* "git pull", "svn update" …: the step, written into buf; or NULL. */
static const char *
vcs_step(const struct tl_sh_cmd *c, char *buf, size_t len)
{
	const char	*prog = tl_sh_real_prog(c), *sub;
	size_t		 k;

	if ((sub = vcs_subcommand(c)) == NULL)
		return NULL;
	for (k = 0; k < TL_NELEM(vcs_steps); k++) {
		if (strcmp(prog, vcs_steps[k].prog) != 0 ||
		    strcmp(sub, vcs_steps[k].word) != 0)
			continue;
		/* A mixed or soft reset leaves the files alone. */
		if (strcmp(sub, "reset") == 0 && !tl_cmd_has_word(c, "--hard"))
			return NULL;
		/* git submodule status, foreach …: only update changes it. */
		if (strcmp(sub, "submodule") == 0 &&
		    !tl_cmd_has_word(c, "update"))
			return NULL;
		snprintf(buf, len, "%s %s%s", prog, sub,
		    strcmp(sub, "reset") == 0 ? " --hard" :
		    strcmp(sub, "submodule") == 0 ? " update" : "");
		return buf;
	}
	return NULL;
}

/* A package argument fetched from a repository or a URL. */
static int
is_vcs_package(const char *a)
{
	static const char *const prefixes[] = {
		"git+", "git://", "hg+", "svn+", "bzr+", "github:", "gitlab:",
		"bitbucket:", "http://", "https://", NULL
	};
	size_t	 i;

	for (i = 0; prefixes[i] != NULL; i++)
		if (tl_str_has_prefix(a, prefixes[i]))
			return 1;
	/* pip's "name @ git+https://…" as one word. */
	return strstr(a, "@ git+") != NULL || strstr(a, "@git+") != NULL;
}

/* pip/npm/yarn/pnpm/gem installing from a repository: the argument. */
static const char *
vcs_install(const struct tl_sh_cmd *c)
{
	static const char *const installs[] = {
		"pip install", "pip3 install", "npm install", "npm i",
		"yarn add", "pnpm add", "pnpm install", "gem install",
		"uv pip", NULL
	};
	const char	*prog = tl_sh_real_prog(c);
	char		 pair[64];
	size_t		 i, k;

	i = tl_sh_prog_index(c);
	if (strncmp(prog, "python", 6) == 0 && i + 2 < c->argc &&
	    strcmp(c->argv[i + 1], "-m") == 0) {
		i += 2;
		prog = c->argv[i];
	}
	if (i + 1 >= c->argc)
		return NULL;
	snprintf(pair, sizeof(pair), "%s %s", prog, c->argv[i + 1]);
	for (k = 0; installs[k] != NULL; k++)
		if (strcmp(pair, installs[k]) == 0)
			break;
	if (installs[k] == NULL)
		return NULL;
	for (i += 2; i < c->argc; i++)
		if (is_vcs_package(c->argv[i]))
			return c->argv[i];
	return NULL;
}

/* Is the URL's host this machine (a request to the app, not a download)? */
static int
url_is_local(const char *url)
{
	static const char *const hosts[] = {
		"localhost", "127.0.0.1", "0.0.0.0", "[::1]", NULL
	};
	const char	*h = strstr(url, "://");
	size_t		 i, n;

	h = h != NULL ? h + 3 : url;
	for (i = 0; hosts[i] != NULL; i++) {
		n = strlen(hosts[i]);
		if (strncmp(h, hosts[i], n) == 0 && (h[n] == '\0' ||
		    h[n] == ':' || h[n] == '/'))
			return 1;
	}
	return 0;
}

/*
 * curl or wget saving code: the URL or file, or NULL.  Saved means an
 * output file named like code (curl -o F, > F, wget -O F), the remote
 * name of a URL named like code (curl -O, wget without -O), or the
 * download piped into a shell, an interpreter or an unpacker (next is
 * the command after it in the script, or NULL).  Requests to the local
 * host are calls to the app, not downloads.
 */
static const char *
fetches_code(const struct tl_sh_cmd *c, const struct tl_sh_cmd *next)
{
	const char	*prog = tl_sh_real_prog(c), *a, *p, *url = NULL;
	const char	*out = NULL;
	size_t		 i;
	int		 curl, remote_name = 0, spider = 0;

	if (strcmp(prog, "curl") == 0)
		curl = 1;
	else if (strcmp(prog, "wget") == 0)
		curl = 0;
	else
		return NULL;
	for (i = tl_sh_prog_index(c) + 1; i < c->argc; i++) {
		a = c->argv[i];
		if (tl_str_has_prefix(a, "http://") ||
		    tl_str_has_prefix(a, "https://") ||
		    tl_str_has_prefix(a, "ftp://")) {
			if (url == NULL && !url_is_local(a))
				url = a;
			continue;
		}
		if (strcmp(a, "--output") == 0 ||
		    strcmp(a, "--output-document") == 0) {
			if (i + 1 < c->argc)
				out = c->argv[++i];
			continue;
		}
		if (tl_str_has_prefix(a, "--output-document=") ||
		    tl_str_has_prefix(a, "--output=")) {
			out = strchr(a, '=') + 1;
			continue;
		}
		if (strcmp(a, "--remote-name") == 0)
			remote_name = 1;
		if (strcmp(a, "--spider") == 0)
			spider = 1;
		if (a[0] != '-' || a[1] == '-' || a[1] == '\0')
			continue;
		/* Short options: curl -sSLo F, -O; wget -qO F, -qO-. */
		for (p = a + 1; *p != '\0'; p++) {
			if (curl && *p == 'O')
				remote_name = 1;
			if ((curl && *p == 'o') || (!curl && *p == 'O')) {
				if (p[1] != '\0')
					out = p + 1;
				else if (i + 1 < c->argc)
					out = c->argv[++i];
				break;
			}
		}
	}
	if (url == NULL || spider)
		return NULL;
	if (curl && out == NULL)
		out = c->redirect;
	if (out != NULL && strcmp(out, "-") != 0)
		return names_code(out) ? out : NULL;
	if ((!curl || remote_name) && out == NULL && names_code(url))
		return url;
	if (next != NULL && next->op == TL_SH_PIPE &&
	    next->depth == c->depth &&
	    in_words(tl_sh_real_prog(next), pipe_runners))
		return url;
	return NULL;
}

/*
 * sed -i on a code file with a fixed expression: the file, or NULL.
 * An expression that substitutes a variable ($API_URL) writes config
 * from the environment into the file and is not reported.
 */
static const char *
sed_on_code(const struct tl_sh_cmd *c)
{
	const char	*a, *p, *file = NULL;
	size_t		 i;
	int		 inplace = 0, script = 0, fromenv = 0;

	if (!tl_cmd_is(c, "sed"))
		return NULL;
	for (i = tl_sh_prog_index(c) + 1; i < c->argc; i++) {
		a = c->argv[i];
		if (strcmp(a, "--") == 0)
			continue;
		if (tl_str_has_prefix(a, "--in-place")) {
			inplace = 1;
			continue;
		}
		if (tl_str_has_prefix(a, "--expression=")) {
			script = 1;
			fromenv |= strchr(a, '$') != NULL;
			continue;
		}
		if (strcmp(a, "--expression") == 0 ||
		    strcmp(a, "--file") == 0) {
			if (i + 1 < c->argc)
				fromenv |= strchr(c->argv[i + 1], '$') != NULL;
			script = 1;
			i++;
			continue;
		}
		if (a[0] == '-' && a[1] != '-' && a[1] != '\0') {
			/* Short options: -i[SUFFIX], -e SCRIPT, -f FILE. */
			for (p = a + 1; *p != '\0'; p++) {
				if (*p == 'i') {
					inplace = 1;
					break;
				}
				if (*p == 'e' || *p == 'f') {
					script = 1;
					if (p[1] == '\0' && i + 1 < c->argc)
						p = c->argv[++i];
					fromenv |= strchr(p, '$') != NULL;
					break;
				}
			}
			continue;
		}
		if (a[0] == '-')
			continue;
		if (!script) {
			script = 1;
			fromenv |= strchr(a, '$') != NULL;
			continue;
		}
		if (file == NULL && names_code(a) && strchr(a, '$') == NULL)
			file = a;
	}
	return inplace && !fromenv ? file : NULL;
}

static int	tf0502_check(struct tl_check *);

static const struct tl_rule tf0502 = {
	.id = "TF0502",
	.name = "code-changed-at-run-time",
	.factor = TL_FACTOR_BUILD_RELEASE_RUN,
	.severity = TL_SEV_WARNING,
	.needs = TL_NEED(TL_FILE_DOCKERFILE) | TL_NEED(TL_FILE_PROCFILE) |
	    TL_NEED(TL_FILE_SCRIPT),
	.summary = "code changed at run time",
	.rationale =
	    "It is impossible to make changes to the code at run time: a "
	    "release is an immutable build plus config, and every process of "
	    "it runs the same code. A start command that pulls from version "
	    "control, downloads code or edits sources in place runs whatever "
	    "the branch or URL holds at that moment, so two tasks of one "
	    "release differ and no release can be rolled back. Checked: the "
	    "effective CMD and ENTRYPOINT of each Dockerfile's final stage, "
	    "the scripts they run, *entrypoint.sh and Procfile processes "
	    "other than release. Reported: git pull, clone, checkout, "
	    "switch, merge, rebase, apply, am, reset --hard and submodule "
	    "update; svn update/checkout/export; hg pull/clone/update; "
	    "pip, npm, yarn, pnpm or gem installing from a git+ or http "
	    "URL; curl or wget of a URL or into a file named like code "
	    "(.js .py .rb .php .sh .jar .whl .tar.gz .zip …), or piped "
	    "into a shell, an interpreter or tar; sed -i on a source file "
	    "(.js .py .rb .php .java .go …) with a fixed expression. Not "
	    "reported: sed -i on config files (nginx.conf, *.json, *.yml), "
	    "and a sed whose expression substitutes a variable: that "
	    "writes config from the environment into a file at start; curl "
	    "of a health or API endpoint; git fetch, status or config; "
	    "build-stage RUN; development artefacts (Dockerfile.dev …); "
	    "GitHub container actions (an action.yml beside the Dockerfile "
	    "or script), which run once in a CI job.",
	.fix =
	    "Fetch and patch code in the build: clone or download in a "
	    "build stage (or a CodeBuild phase), pin the commit or version, "
	    "and COPY the result into the image; the start command only "
	    "runs it. A new commit is a new build and a new release "
	    "(a new ECS task definition revision), never a restart.",
	.see_also = NULL,
	.check = tf0502_check,
};

static int
tf0502_check(struct tl_check *c)
{
	struct tl_starts	 starts;
	const struct tl_start	*st;
	const struct tl_sh_cmd	*cmd, *next;
	const char		*what, *arg;
	char			 buf[256], step[64];
	size_t			 i, j;
	int			 error = 0;

	tl_starts_collect(&starts, c->repo);
	for (i = 0; i < starts.n && error == 0; i++) {
		st = &starts.v[i];
		if (tl_start_is_dev(st) ||
		    (st->proc != NULL && strcmp(st->proc, "release") == 0) ||
		    tl_file_is_action(c->repo, st->via != NULL ? st->via :
		    st->file))
			continue;
		for (j = 0; j < st->script->ncmds && error == 0; j++) {
			cmd = &st->script->cmds[j];
			next = j + 1 < st->script->ncmds ?
			    &st->script->cmds[j + 1] : NULL;
			what = tl_start_what(st, buf, sizeof(buf));
			if (vcs_step(cmd, step, sizeof(step)) != NULL)
				error = tl_report(c, st->file, cmd->line, 0,
				    cmd->text, "%s runs '%s' when the process "
				    "starts: the code comes from the branch, "
				    "not from the release", what, step);
			else if ((arg = vcs_install(cmd)) != NULL)
				error = tl_report(c, st->file, cmd->line, 0,
				    cmd->text, "%s installs '%s' when the "
				    "process starts: the code comes from a "
				    "repository, not from the release", what,
				    arg);
			else if ((arg = fetches_code(cmd, next)) != NULL)
				error = tl_report(c, st->file, cmd->line, 0,
				    cmd->text, "%s downloads code (%s) with "
				    "%s when the process starts: the release "
				    "does not hold the code it runs", what,
				    arg, tl_sh_real_prog(cmd));
			else if ((arg = sed_on_code(cmd)) != NULL)
				error = tl_report(c, st->file, cmd->line, 0,
				    cmd->text, "%s edits the source file '%s' "
				    "in place (sed -i) when the process "
				    "starts: the running code is not the "
				    "release's", what, arg);
		}
	}
	tl_starts_release(&starts);
	return error;
}

/* ------------------------------------------------------------- TF0503 */

/* Pipeline definitions the classifier does not call CI, by path. */
static const char *const pipeline_names[] = {
	".drone.yml", ".drone.yaml", "cloudbuild.yaml", "cloudbuild.yml",
	"appveyor.yml", ".appveyor.yml", "codefresh.yml", ".woodpecker.yml",
	".woodpecker.yaml", "codemagic.yaml", ".cirrus.yml", "amplify.yml",
	"bitbucket-pipelines.yaml",
	/* Platforms that build each pushed commit themselves. */
	"Procfile", "heroku.yml", "render.yaml", "netlify.toml", "vercel.json",
	"railway.json", "railway.toml", ".platform.app.yaml", NULL
};
static const char *const pipeline_dirs[] = {
	".github/workflows/", ".gitea/workflows/", ".forgejo/workflows/",
	".buildkite/", ".semaphore/", ".woodpecker/", ".teamcity/", ".tekton/",
	".do/", NULL
};
/* Keys of a Heroku app.json (not an Expo one, which has "expo"). */
static const char *const heroku_app_keys[] = {
	"\"addons\"", "\"buildpacks\"", "\"formation\"", "\"environments\"",
	"\"stack\"", NULL
};
/* Words of a template or source file that define a pipeline in AWS. */
static const char *const pipeline_words[] = {
	"AWS::CodePipeline::Pipeline", "AWS::CodeBuild::Project",
	"aws-codepipeline", "aws_codepipeline", "pipelines.CodePipeline",
	NULL
};

/* The file that defines a build pipeline, or NULL. */
static const struct tl_file *
find_pipeline(const struct tl_repo *repo)
{
	const struct tl_file	*f;
	size_t			 i, j;

	for (i = 0; i < repo->nfiles; i++) {
		f = repo->files[i];
		if (f->kind == TL_FILE_CI || f->kind == TL_FILE_BUILDSPEC ||
		    tl_str_has_prefix(f->name, "Jenkinsfile"))
			return f;
		for (j = 0; pipeline_names[j] != NULL; j++)
			if (strcmp(f->name, pipeline_names[j]) == 0)
				return f;
		for (j = 0; pipeline_dirs[j] != NULL; j++)
			if (tl_str_has_prefix(f->path, pipeline_dirs[j]))
				return f;
		for (j = 0; strcmp(f->path, "app.json") == 0 && f->loaded &&
		    f->data != NULL && heroku_app_keys[j] != NULL; j++)
			if (strstr(f->data, heroku_app_keys[j]) != NULL)
				return f;
		if (!f->loaded || f->data == NULL || f->test ||
		    (f->kind != TL_FILE_TEMPLATE &&
		    f->kind != TL_FILE_SOURCE &&
		    !tl_str_has_suffix(f->name, ".tf")))
			continue;
		for (j = 0; pipeline_words[j] != NULL; j++)
			if (strstr(f->data, pipeline_words[j]) != NULL)
				return f;
	}
	return NULL;
}

static int	tf0503_check(struct tl_check *);

static const struct tl_rule tf0503 = {
	.id = "TF0503",
	.name = "no-build-pipeline",
	.factor = TL_FACTOR_BUILD_RELEASE_RUN,
	.severity = TL_SEV_WARNING,
	.needs = TL_NEED(TL_FILE_DOCKERFILE) | TL_NEED(TL_FILE_TEMPLATE) |
	    TL_NEED(TL_FILE_TASKDEF),
	.summary = "no build pipeline defined",
	.rationale =
	    "Build, release and run are separate stages, and the build is "
	    "done by a pipeline from a commit, not on a laptop. Reported "
	    "once for a repository that deploys something (a Dockerfile, a "
	    "template or a task definition) but defines no pipeline and "
	    "names no platform that builds each pushed commit itself "
	    "(a Procfile, a Heroku app.json or heroku.yml, Render, Netlify, "
	    "Vercel, Railway, Platform.sh, DigitalOcean App Platform): no "
	    "GitHub Actions, GitLab CI, Bitbucket, CircleCI, "
	    "Azure Pipelines, Travis, Jenkinsfile, Drone, Buildkite, "
	    "Woodpecker, Semaphore, TeamCity, Tekton, Cloud Build, AppVeyor, "
	    "Codefresh, Cirrus or Amplify file, no CodeBuild buildspec, and "
	    "no CodePipeline or CodeBuild project in a template, a CDK app "
	    "or Terraform. Not reported when the target is a sub-directory "
	    "of a git work tree (the pipeline may be at its root). A "
	    "pipeline defined in another repository is not seen: turn the "
	    "rule off then (rules: {TF0503: off} in .twelvelint.yml, or "
	    "--disable TF0503).",
	.fix =
	    "Add a pipeline that builds every deploy from a commit: a "
	    "CodeBuild buildspec.yml run by CodePipeline on each push "
	    "(source, build, then deploy stages), or a GitHub Actions "
	    "workflow that builds the image once, pushes it to ECR and "
	    "deploys that image.",
	.see_also = NULL,
	.check = tf0503_check,
};

static int
tf0503_check(struct tl_check *c)
{
	const struct tl_git	*g = &c->repo->git;

	/* In a sub-directory of a work tree the pipeline may be at its root. */
	if (find_pipeline(c->repo) != NULL ||
	    (g->is_repo && g->prefix != NULL && g->prefix[0] != '\0'))
		return 0;
	return tl_report(c, NULL, 0, 0, NULL, "the repository deploys "
	    "something but defines no build pipeline (CI workflow, "
	    "buildspec or CodePipeline): builds are made by hand");
}

/* ------------------------------------------------------------- TF0504 */

/*
 * Is the image reference mutable: no tag or "latest", and no digest?
 * References built from variables (${TAG}) and placeholders
 * (<IMAGE1_NAME>, {{ image }}) are not literals and are not judged.
 * Returns 0, or 1 for no tag, 2 for latest.
 */
static int
image_is_mutable(const char *ref)
{
	char	*name = NULL, *tag = NULL, *digest = NULL;
	int	 kind = 0;

	if (ref == NULL || *ref == '\0' || strchr(ref, '$') != NULL ||
	    strstr(ref, "{{") != NULL || strchr(ref, ' ') != NULL)
		return 0;
	if (tl_df_image_split(ref, &name, &tag, &digest) != 0) {
		tl_error_clear();
		return 0;
	}
	if (digest != NULL)
		kind = 0;
	else if (tag != NULL)
		kind = strcmp(tag, "latest") == 0 ? 2 : 0;
	else
		kind = strchr(ref, '<') == NULL && strchr(ref, '>') == NULL;
	free(name);
	free(tag);
	free(digest);
	return kind;
}

/* Words of a compose file's name that say it deploys (compose.prod.yml). */
static const char *const deploy_words[] = {
	"prod", "production", "staging", "release", "deploy", "stack",
	"swarm", "live", NULL
};

/* Does a compose service say it is deployed (swarm deploy settings)? */
static int
swarm_deployed(const struct tl_ynode *svc)
{
	static const char *const keys[] = {
		"replicas", "mode", "update_config", "rollback_config",
		"placement", "restart_policy", NULL
	};
	const struct tl_ynode	*d = tl_ymap_get(svc, "deploy");
	size_t			 i;

	for (i = 0; keys[i] != NULL; i++)
		if (tl_ymap_get(d, keys[i]) != NULL)
			return 1;
	return 0;
}

/* Do the CI pipelines render this task definition's images at deploy? */
static int
taskdef_rendered(const struct tl_repo *repo, const struct tl_file *td)
{
	const struct tl_file	*f;

	TL_FOREACH_FILE(f, repo, TL_FILE_CI) {
		if (tl_memcasemem(f->data, f->size,
		    "amazon-ecs-render-task-definition", 33) != NULL &&
		    tl_memcasemem(f->data, f->size, td->name,
		    strlen(td->name)) != NULL)
			return 1;
	}
	return 0;
}

static int	tf0504_check(struct tl_check *);

static const struct tl_rule tf0504 = {
	.id = "TF0504",
	.name = "mutable-image-reference",
	.factor = TL_FACTOR_BUILD_RELEASE_RUN,
	.severity = TL_SEV_WARNING,
	.needs = TL_NEED(TL_FILE_TASKDEF) | TL_NEED(TL_FILE_COMPOSE) |
	    TL_NEED(TL_FILE_TEMPLATE),
	.summary = "mutable image reference in a deploy artefact",
	.rationale =
	    "Every release has a unique release ID and cannot be mutated "
	    "once it is created. An image named without a tag, or tagged "
	    "latest, is a moving pointer: the same task definition or "
	    "compose file runs different code after every push, two tasks "
	    "started an hour apart can differ, and rolling back to it rolls "
	    "back nothing. Checked: the image of every containerDefinition "
	    "of an ECS task definition (warning), the Image of every "
	    "container of an AWS::ECS::TaskDefinition in a template "
	    "(warning; a literal, either branch of an Fn::If, or a !Sub "
	    "that ends in :latest or names no tag) and the image of compose "
	    "services, as a warning in compose files named for a deploy "
	    "(prod, production, staging, release, deploy, stack, swarm) or "
	    "with swarm deploy settings (replicas, placement, "
	    "update_config …), and as information in other compose files, "
	    "which often only run the app locally. Not reported: a tag "
	    "other than latest, a digest (@sha256:…), references built "
	    "from variables (${TAG}) or placeholders (<IMAGE1_NAME>), a "
	    "compose service with build: (its image: names the image it "
	    "builds), compose files for development (docker-compose.dev.yml, "
	    "docker-compose.override.yml …), a template Image from a "
	    "parameter (its value is chosen per deploy), and task "
	    "definitions whose "
	    "images a CI pipeline renders with "
	    "amazon-ecs-render-task-definition.",
	.fix =
	    "Refer to an immutable image: tag each build with the commit "
	    "SHA or release version (myapp:1.4.2, myapp:3f9c2e1) or pin the "
	    "digest (@sha256:…), and register a new ECS task definition "
	    "revision per release; turn on tag immutability in the Amazon "
	    "ECR repository so a tag cannot be pushed twice.",
	.see_also = NULL,
	.check = tf0504_check,
};

static int
tf0504_compose(struct tl_check *c, const struct tl_file *f)
{
	const struct tl_ynode	*svcs, *svc, *img;
	const char		*name, *ref;
	size_t			 i;
	int			 error = 0, deployed, m;

	svcs = tl_ymap_get(f->doc->roots[0], "services");
	deployed = tl_has_word(f->name, ".-_/", deploy_words);
	TL_YMAP_FOREACH(i, svcs) {
		svc = svcs->pairs[i].value;
		name = tl_ystr(svcs->pairs[i].key);
		img = tl_ymap_get(svc, "image");
		ref = tl_ystr(img);
		if (name == NULL || tl_ymap_get(svc, "build") != NULL ||
		    (m = image_is_mutable(ref)) == 0)
			continue;
		c->lesser = !deployed && !swarm_deployed(svc);
		error = tl_report(c, f, img->line, img->col, ref,
		    "service '%s' runs image '%s' %s: every pull may bring "
		    "other code", name, ref, m == 2 ? "tagged latest" :
		    "without a tag");
		c->lesser = 0;
		if (error != 0)
			break;
	}
	return error;
}

static int
tf0504_taskdef(struct tl_check *c, const struct tl_file *f)
{
	const struct tl_ynode	*defs, *img;
	const char		*name, *ref;
	size_t			 i;
	int			 error = 0, m;

	defs = tl_ymap_get(f->doc->roots[0], "containerDefinitions");
	if (defs == NULL)
		defs = tl_ypath(f->doc->roots[0],
		    "taskDefinition.containerDefinitions");
	TL_YSEQ_FOREACH(i, defs) {
		img = tl_ymap_get(defs->items[i], "image");
		ref = tl_ystr(img);
		if ((m = image_is_mutable(ref)) == 0)
			continue;
		name = tl_ystr(tl_ymap_get(defs->items[i], "name"));
		error = tl_report(c, f, img->line, img->col, ref,
		    "container '%s' runs image '%s' %s: the task definition "
		    "is not one release", name != NULL ? name : "?", ref,
		    m == 2 ? "tagged latest" : "without a tag");
		if (error != 0)
			break;
	}
	return error;
}

/*
 * An image reference written with !Sub: 2 when it ends in :latest
 * (${Repo.RepositoryUri}:latest), 1 when its last path part has no tag,
 * digest or variable (${AWS::AccountId}.dkr.ecr.….amazonaws.com/api),
 * else 0.  *text is its text.
 */
static int
sub_image_mutable(const struct tl_ynode *img, const char **text)
{
	const struct tl_ynode	*arg;
	const char		*fn, *s, *colon, *last;

	if ((fn = tl_cfn_intrinsic(img, &arg)) == NULL ||
	    strcmp(fn, "Sub") != 0)
		return 0;
	if (arg != NULL && arg->type == TL_YSEQ && arg->nitems > 0)
		arg = arg->items[0];
	if ((s = tl_ystr(arg)) == NULL || *s == '\0')
		return 0;
	*text = s;
	last = strrchr(s, '/') != NULL ? strrchr(s, '/') + 1 : s;
	colon = strrchr(s, ':');
	if (colon != NULL && colon > s && colon[-1] != ':' &&
	    strcmp(colon, ":latest") == 0)
		return 2;
	return last != s && *last != '\0' && strpbrk(last, ":@${} ") == NULL;
}

struct tf0504_image {
	struct tl_check		*c;
	const struct tl_file	*f;
	const char		*task;	/* the task definition's logical id */
	const char		*name;	/* the container's name */
	int			 error;
};

static int
tf0504_literal(void *arg, const struct tl_ynode *img)
{
	struct tf0504_image	*w = arg;
	int			 m;

	if ((m = image_is_mutable(img->value)) == 0)
		return 0;
	w->error = tl_report(w->c, w->f, img->line, img->col, img->value,
	    "container '%s' of '%s' runs image '%s' %s: the task definition "
	    "is not one release", w->name, w->task, img->value,
	    m == 2 ? "tagged latest" : "without a tag");
	return w->error != 0 ? -1 : 0;
}

static int
tf0504_template(struct tl_check *c, const struct tl_file *f)
{
	const struct tl_cfn_resource *r;
	const struct tl_ynode	*defs, *img, *nn;
	struct tl_cfn		 cfn;
	struct tf0504_image	 w;
	const char		*sub;
	size_t			 i;
	int			 m;

	if (tl_cfn_open(&cfn, f) != 0)
		return 0;
	memset(&w, 0, sizeof(w));
	w.c = c;
	w.f = f;
	TL_CFN_FOREACH(r, &cfn, "AWS::ECS::TaskDefinition") {
		defs = tl_cfn_prop(r, "ContainerDefinitions");
		w.task = r->name;
		TL_YSEQ_FOREACH(i, defs) {
			if (w.error != 0)
				break;
			img = tl_ymap_get(defs->items[i], "Image");
			nn = tl_ymap_get(defs->items[i], "Name");
			w.name = nn != NULL && nn->tag == NULL &&
			    tl_ystr(nn) != NULL ? tl_ystr(nn) : "?";
			if ((m = sub_image_mutable(img, &sub)) != 0)
				w.error = tl_report(c, f, img->line, img->col,
				    sub, "container '%s' of '%s' runs image "
				    "'%s' %s: the task definition is not one "
				    "release", w.name, w.task, sub, m == 2 ?
				    "tagged latest" : "without a tag");
			else
				(void)tl_cfn_literals(img, tf0504_literal, &w);
		}
	}
	tl_cfn_release(&cfn);
	return w.error;
}

static int
tf0504_check(struct tl_check *c)
{
	const struct tl_file	*f;
	int			 error = 0;

	TL_FOREACH_FILE(f, c->repo, TL_FILE_TASKDEF) {
		if (f->doc == NULL || f->doc->nroots == 0 ||
		    tl_path_is_dev_artefact(f->path) ||
		    taskdef_rendered(c->repo, f))
			continue;
		if ((error = tf0504_taskdef(c, f)) != 0)
			return error;
	}
	TL_FOREACH_FILE(f, c->repo, TL_FILE_COMPOSE) {
		if (f->doc == NULL || f->doc->nroots == 0 ||
		    tl_path_is_dev_artefact(f->path) ||
		    strstr(f->name, "override") != NULL)
			continue;
		if ((error = tf0504_compose(c, f)) != 0)
			return error;
	}
	TL_FOREACH_FILE(f, c->repo, TL_FILE_TEMPLATE) {
		if (tl_path_is_dev_artefact(f->path))
			continue;
		if ((error = tf0504_template(c, f)) != 0)
			return error;
	}
	return 0;
}

/* ------------------------------------------------------------- TF0505 */

/* Does the name end with one of the suffixes (case-insensitive)? */
static int
ends_with_any(const char *name, const char *const *list)
{
	size_t	 i, n = strlen(name), k;

	for (i = 0; list[i] != NULL; i++) {
		k = strlen(list[i]);
		if (n > k && strcasecmp(name + n - k, list[i]) == 0)
			return 1;
	}
	return 0;
}

/* A file a build writes: compiled, packaged or bundled. */
static int
is_output_file(const char *name)
{
	static const char *const suffixes[] = {
		".class", ".jar", ".war", ".ear", ".o", ".obj", ".a", ".so",
		".dylib", ".dll", ".exe", ".pyc", ".pyo", ".js.map",
		".css.map", ".whl", ".egg", ".rlib", ".min.js", ".min.css",
		".bundle.js", ".chunk.js", ".chunk.css", NULL
	};

	return ends_with_any(name, suffixes);
}

/* A third-party directory (TF0209 and vendoring are not build output). */
static int
in_third_party(const char *path)
{
	static const char *const dirs[] = {
		"node_modules/", "bower_components/", "vendor/", "venv/",
		".venv/", "site-packages/", "third_party/", "third-party/",
		".yarn/", ".bundle/", NULL
	};
	char	*dir, *p;
	size_t	 i, n;
	int	 vendored;

	/* The model's test, with a plain file name (not *.min.js). */
	dir = tl_path_dir(path);
	p = tl_printf("%s/x", dir);
	vendored = tl_path_is_vendored(p);
	free(p);
	free(dir);
	if (vendored)
		return 1;
	for (i = 0; dirs[i] != NULL; i++) {
		n = strlen(dirs[i]);
		if (strncmp(path, dirs[i], n) == 0)
			return 1;
		if (strstr(path, dirs[i]) != NULL &&
		    strstr(path, dirs[i])[-1] == '/')
			return 1;
	}
	return 0;
}

/*
 * Directories that a build writes.  always: every file in one is output
 * (.aws-sam, __pycache__ …); otherwise (dist, build, target, out) the
 * directory counts only when it holds an output file, since build/ is
 * also where build scripts live.
 */
static const struct {
	const char	*dir;
	int		 always;
} output_dirs[] = {
	{ ".aws-sam", 1 }, { ".serverless", 1 }, { "__pycache__", 1 },
	{ ".next", 1 }, { ".nuxt", 1 }, { "cdk.out", 1 },
	{ "dist", 0 }, { "build", 0 }, { "target", 0 }, { "out", 0 },
};

/* The output directory at the start of a path's components, or -1. */
static int
output_root(const char *path, size_t *len)
{
	const char	*p, *e;
	size_t		 i, n;

	for (p = path; (e = strchr(p, '/')) != NULL; p = e + 1) {
		n = (size_t)(e - p);
		for (i = 0; i < TL_NELEM(output_dirs); i++)
			if (strlen(output_dirs[i].dir) == n &&
			    strncmp(p, output_dirs[i].dir, n) == 0) {
				*len = (size_t)(e - path);
				return (int)i;
			}
	}
	return -1;
}

/* A loose packaged artefact outside an output directory. */
static const char *
loose_artefact(const char *path, const char *name)
{
	static const char *const archives[] = { ".war", ".ear", NULL };
	static const char *const compiled[] = { ".class", ".pyc", ".pyo",
		NULL };
	static const char *const zips[] = {
		"lambda", "function", "deploy", "bundle", "artifact",
		"release", NULL
	};
	size_t	 i;

	if (ends_with_any(name, archives))
		return "a deployable archive";
	if (ends_with_any(name, compiled))
		return "compiled code";
	if (tl_str_has_suffix(name, ".jar")) {
		/* Wrappers are committed by design; lib/ jars are vendored. */
		if (strcmp(name, "gradle-wrapper.jar") == 0 ||
		    strcmp(name, "maven-wrapper.jar") == 0 ||
		    strncmp(path, "lib/", 4) == 0 ||
		    strstr(path, "/lib/") != NULL ||
		    strncmp(path, "libs/", 5) == 0 ||
		    strstr(path, "/libs/") != NULL)
			return NULL;
		return "a built jar";
	}
	if (tl_str_has_suffix(name, ".zip"))
		for (i = 0; zips[i] != NULL; i++)
			if (tl_memcasemem(name, strlen(name), zips[i],
			    strlen(zips[i])) != NULL)
				return "a deployment bundle";
	return NULL;
}

/* A GitHub JavaScript action commits its dist/ by design. */
static int
is_action_dir(const struct tl_repo *repo, const char *root)
{
	char	*dir, *p;
	int	 found;

	dir = tl_path_dir(root);
	p = *dir != '\0' ? tl_printf("%s/action.yml", dir) :
	    tl_strdup("action.yml");
	found = tl_repo_file(repo, p) != NULL;
	free(p);
	p = *dir != '\0' ? tl_printf("%s/action.yaml", dir) :
	    tl_strdup("action.yaml");
	found |= tl_repo_file(repo, p) != NULL;
	free(p);
	free(dir);
	return found;
}

static int	tf0505_check(struct tl_check *);

static const struct tl_rule tf0505 = {
	.id = "TF0505",
	.name = "build-output-tracked",
	.factor = TL_FACTOR_BUILD_RELEASE_RUN,
	.severity = TL_SEV_WARNING,
	.needs = TL_NEED_GIT,
	.summary = "build output tracked in git",
	.rationale =
	    "The build stage turns a commit into an artefact; the codebase "
	    "holds the source it is built from. Build output committed to "
	    "git goes stale against the source, lets a release run code no "
	    "build produced, and blurs which commit an artefact came from. "
	    "Reported, from the files tracked in git (not test fixtures, not "
	    "third-party trees): each .aws-sam/, .serverless/, cdk.out/, "
	    ".next/, .nuxt/ and __pycache__/ directory; each dist/, build/, "
	    "target/ or out/ directory that holds compiled or bundled files "
	    "(.class, .jar, .war, .o, .so, .dll, .exe, .pyc, .whl, source "
	    "maps, *.min.js, *.bundle.js, *.chunk.js), so a build/ of "
	    "Dockerfiles and scripts is not reported, nor the dist/ of a "
	    "GitHub JavaScript action (action.yml beside it), which must be "
	    "committed; and, elsewhere, .war/.ear archives, .class and .pyc "
	    "files, jars (not gradle-wrapper.jar or maven-wrapper.jar, not "
	    "jars in lib/ or libs/, which are vendored libraries) and .zip "
	    "files named like a deployment bundle (lambda, function, deploy, "
	    "bundle, artifact, release).",
	.fix =
	    "Remove the output from git (git rm -r --cached dist), add the "
	    "directory or pattern to .gitignore, and let CodeBuild build it "
	    "from the commit; publish release artefacts to S3, ECR or "
	    "CodeArtifact, where a deployment takes them by version.",
	.see_also = NULL,
	.check = tf0505_check,
};

static int
tf0505_check(struct tl_check *c)
{
	const struct tl_file	*f, *first = NULL, *out = NULL;
	const struct tl_file	*compiled = NULL;
	char			*root = NULL;
	const char		*what;
	size_t			 i, len, count = 0, ncompiled = 0;
	int			 k, rk = 0, error = 0;

	/* Files are sorted by path: a directory's files are consecutive. */
	for (i = 0; i <= c->repo->nfiles && error == 0; i++) {
		f = i < c->repo->nfiles ? c->repo->files[i] : NULL;
		if (f != NULL) {
			if (!f->tracked || f->test || in_third_party(f->path))
				continue;
			if (root != NULL &&
			    strncmp(f->path, root, strlen(root)) == 0 &&
			    f->path[strlen(root)] == '/') {
				if (count++ == 0)
					first = f;
				if (out == NULL && is_output_file(f->name))
					out = f;
				continue;
			}
		}
		if (root != NULL && count > 0 &&
		    strcmp(output_dirs[rk].dir, "__pycache__") == 0) {
			if (ncompiled == 0)
				compiled = first;
			ncompiled += count;
		} else if (root != NULL && count > 0 &&
		    (output_dirs[rk].always || out != NULL) &&
		    !(strcmp(output_dirs[rk].dir, "dist") == 0 &&
		    is_action_dir(c->repo, root)))
			error = tl_report(c, out != NULL ? out : first, 0, 0,
			    root, "%s/ is tracked in git: %zu file%s a build "
			    "writes (%s)", root, count, count == 1 ? "" : "s",
			    (out != NULL ? out : first)->path);
		free(root);
		root = NULL;
		if (f == NULL || error != 0)
			continue;
		if ((k = output_root(f->path, &len)) >= 0) {
			root = tl_printf("%.*s", (int)len, f->path);
			rk = k;
			count = 0;
			first = out = NULL;
			i--;	/* count this file as one of the directory's */
			continue;
		}
		if ((what = loose_artefact(f->path, f->name)) == NULL)
			continue;
		if (strcmp(what, "compiled code") == 0) {
			if (ncompiled++ == 0)
				compiled = f;
			continue;
		}
		error = tl_report(c, f, 0, 0, f->path,
		    "%s is tracked in git: %s a build produces", f->path,
		    what);
	}
	free(root);
	if (error == 0 && compiled != NULL)
		error = tl_report(c, compiled, 0, 0, "compiled",
		    "%zu compiled file%s (.pyc, .class, __pycache__/) tracked "
		    "in git, the first %s", ncompiled, ncompiled == 1 ? "" :
		    "s", compiled->path);
	return error;
}

/* ------------------------------------------------------------- TF0506 */

/* A deploy artefact of the application (not one for development). */
static const struct tl_file *
first_deployable(const struct tl_repo *repo)
{
	static const enum tl_file_kind kinds[] = {
		TL_FILE_DOCKERFILE, TL_FILE_PROCFILE, TL_FILE_TEMPLATE,
		TL_FILE_COMPOSE, TL_FILE_TASKDEF
	};
	const struct tl_file	*f;
	size_t			 i, k;

	for (i = 0; i < repo->nfiles; i++) {
		f = repo->files[i];
		if (f->test || f->vendored || tl_path_is_docs(f->path) ||
		    tl_path_is_dev_artefact(f->path))
			continue;
		for (k = 0; k < TL_NELEM(kinds); k++)
			if (f->kind == kinds[k])
				return f;
	}
	return NULL;
}

/* A version field in a manifest, or a VERSION file: the file, or NULL. */
static const struct tl_file *
version_source(const struct tl_repo *repo)
{
	const struct tl_file	*f;
	size_t			 i;

	for (i = 0; i < repo->nfiles; i++) {
		f = repo->files[i];
		if (f->test || f->vendored)
			continue;
		if (f->kind == TL_FILE_MANIFEST && f->manifest != NULL &&
		    f->manifest->version != NULL &&
		    *f->manifest->version != '\0')
			return f;
		if (strcasecmp(f->name, "VERSION") == 0 ||
		    strcasecmp(f->name, "VERSION.txt") == 0)
			return f;
	}
	return NULL;
}

static int	tf0506_check(struct tl_check *);

static const struct tl_rule tf0506 = {
	.id = "TF0506",
	.name = "release-not-identifiable",
	.factor = TL_FACTOR_BUILD_RELEASE_RUN,
	.severity = TL_SEV_INFO,
	.needs = TL_NEED_GIT,
	.summary = "releases not identifiable",
	.rationale =
	    "Every release should have a unique release ID, such as a "
	    "timestamp or an incrementing number, so that a deployment can "
	    "say what it runs and roll back to a known release. Checked for "
	    "repositories that deploy something (a Dockerfile, Procfile, "
	    "compose file, CloudFormation/SAM template or ECS task "
	    "definition, not one named for development): reported when git "
	    "has no tags and no manifest has a version field (package.json, "
	    "pyproject.toml, Cargo.toml, pom.xml, composer.json, a gemspec "
	    "…) and there is no VERSION file. Not applicable outside git "
	    "and on shallow clones, which are often made without tags. A "
	    "release ID made by the pipeline (an image tagged with the "
	    "commit) cannot be seen from the repository; this rule is only "
	    "informational.",
	.fix =
	    "Tag each release in git (git tag v1.4.0) or keep a version in "
	    "the manifest, and carry it into the artefact: tag the image in "
	    "ECR with the version and the commit, register an ECS task "
	    "definition revision or a Lambda version per release, so that "
	    "CodeDeploy or a rollback can name the release it runs.",
	.see_also = NULL,
	.check = tf0506_check,
};

static int
tf0506_check(struct tl_check *c)
{
	const struct tl_file	*deploy;

	if (!c->repo->git.is_repo || !c->repo->git.has_commits) {
		tl_not_applicable(c, "not a git repository with commits");
		return 0;
	}
	if ((deploy = first_deployable(c->repo)) == NULL) {
		tl_not_applicable(c, "nothing is deployed from this "
		    "repository");
		return 0;
	}
	if (c->repo->git.ntags > 0 || version_source(c->repo) != NULL)
		return 0;
	if (c->repo->git.shallow) {
		tl_not_applicable(c, "shallow clone: tags may not have been "
		    "fetched");
		return 0;
	}
	return tl_report(c, deploy, 0, 0, "no tags, no version",
	    "%s deploys the application but its releases cannot be told "
	    "apart: git has no tags and no manifest has a version field",
	    deploy->path);
}

/* ------------------------------------------------------------- TF0508 */

/* Is a COPY/ADD source the whole build context: ".", "./", "*" …? */
static int
whole_context(const char *src)
{
	while (tl_str_has_prefix(src, "./"))
		src += 2;
	return *src == '\0' || strcmp(src, ".") == 0 || strcmp(src, "*") == 0;
}

/* Does a COPY/ADD read the build context (no --from, no heredoc)? */
static int
reads_context(const struct tl_df_instr *in)
{
	return (strcmp(in->keyword, "COPY") == 0 ||
	    strcmp(in->keyword, "ADD") == 0) &&
	    tl_df_instr_flag(in, "from") == NULL && in->nheredocs == 0;
}

/*
 * The first COPY/ADD of the whole build context into the image that
 * runs: the final stage or a stage it is built FROM; NULL when none.
 * A build stage's copy only reaches the image through the paths copied
 * out of it.
 */
static const struct tl_df_instr *
copies_context(const struct tl_dockerfile *df)
{
	const struct tl_df_stage *st;
	const struct tl_df_instr *in;
	char			**w;
	size_t			  i, k, n, depth;
	int			  hit;

	for (st = tl_dockerfile_final(df), depth = 0; st != NULL &&
	    depth < df->nstages; depth++, st = st->parent >= 0 ?
	    &df->stages[st->parent] : NULL) {
		for (i = st->first; i < st->first + st->count; i++) {
			in = &df->instrs[i];
			if (!reads_context(in))
				continue;
			n = tl_df_copy_words(in, &w);
			for (k = 0, hit = 0; k + 1 < n && !hit; k++)
				hit = whole_context(w[k]);
			tl_words_free(w, n);
			if (hit)
				return in;
		}
	}
	return NULL;
}

/* Normalise a relative path: "a/./b/../c" -> "a/c", "." -> "".  Owned. */
static char *
rel_norm(const char *p)
{
	struct tl_buf	 out = TL_BUF_INIT;
	const char	*seg, *e;
	size_t		 n;

	for (seg = p; *seg != '\0'; seg = *e != '\0' ? e + 1 : e) {
		e = strchr(seg, '/');
		if (e == NULL)
			e = seg + strlen(seg);
		n = (size_t)(e - seg);
		if (n == 0 || (n == 1 && seg[0] == '.'))
			continue;
		if (n == 2 && seg[0] == '.' && seg[1] == '.') {
			while (out.len > 0 && out.data[out.len - 1] != '/')
				out.len--;
			if (out.len > 0)
				out.len--;
			if (out.data != NULL)
				out.data[out.len] = '\0';
			continue;
		}
		if (out.len > 0)
			tl_buf_addc(&out, '/');
		tl_buf_add(&out, seg, n);
	}
	return tl_buf_detach(&out);
}

/* dir + "/" + rel, normalised ("" is the repository root).  Owned. */
static char *
rel_join(const char *dir, const char *rel)
{
	char	*j, *n;

	j = *dir != '\0' ? tl_printf("%s/%s", dir, rel) : tl_strdup(rel);
	n = rel_norm(j);
	free(j);
	return n;
}

/* Is there a file at p, or a directory p holding files? */
static int
repo_has_path(const struct tl_repo *repo, const char *p)
{
	size_t	 lo = 0, hi = repo->nfiles, mid, n = strlen(p);
	int	 cmp;

	if (n == 0)
		return repo->nfiles > 0;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		cmp = strncmp(repo->files[mid]->path, p, n);
		if (cmp < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < repo->nfiles &&
	    strncmp(repo->files[lo]->path, p, n) == 0; lo++)
		if (repo->files[lo]->path[n] == '\0' ||
		    repo->files[lo]->path[n] == '/')
			return 1;
	return 0;
}

static int
has_dockerignore(const struct tl_repo *repo, const char *ctx)
{
	char	*p;
	int	 found;

	p = *ctx != '\0' ? tl_printf("%s/.dockerignore", ctx) :
	    tl_strdup(".dockerignore");
	found = tl_repo_file(repo, p) != NULL;
	free(p);
	return found;
}

/*
 * The directory above dir that a named COPY source of the Dockerfile is
 * found in when it is not under dir itself (docker build -f
 * docker/Dockerfile . from the root); NULL when every source is under
 * dir or found nowhere.  Owned.
 */
static char *
inferred_context(const struct tl_repo *repo, const struct tl_dockerfile *df,
    const char *dir)
{
	const struct tl_df_instr *in;
	char			**w, *src, *up, *p, *found = NULL;
	size_t			  i, k, n, len;

	for (i = 0; i < df->ninstrs && found == NULL && *dir != '\0'; i++) {
		in = &df->instrs[i];
		if (!reads_context(in))
			continue;
		n = tl_df_copy_words(in, &w);
		for (k = 0; k + 1 < n && found == NULL; k++) {
			src = w[k];
			while (*src == '/' || tl_str_has_prefix(src, "./"))
				src += *src == '/' ? 1 : 2;
			len = strlen(src);
			while (len > 0 && src[len - 1] == '/')
				src[--len] = '\0';
			if (len == 0 || whole_context(src) ||
			    strpbrk(src, "*?[$") != NULL ||
			    strstr(src, "://") != NULL ||
			    tl_str_has_prefix(src, "../"))
				continue;
			p = rel_join(dir, src);
			if (repo_has_path(repo, p)) {
				free(p);
				continue;
			}
			free(p);
			up = tl_strdup(dir);
			while (*up != '\0' && found == NULL) {
				p = strrchr(up, '/');
				if (p != NULL)
					*p = '\0';
				else
					*up = '\0';
				p = rel_join(up, src);
				if (repo_has_path(repo, p))
					found = tl_strdup(up);
				free(p);
			}
			free(up);
		}
		tl_words_free(w, n);
	}
	return found;
}

/*
 * Does a build context that builds this Dockerfile hold a .dockerignore?
 * Contexts: the Dockerfile's directory, the directory above it that its
 * named COPY sources are found in, and those of compose services whose
 * build names the Dockerfile.  A NAME.dockerignore beside the
 * Dockerfile counts too.  ctxs lists the contexts looked at; *root is
 * set when one of them is the repository's root.
 */
static int
context_ignored(const struct tl_repo *repo, const struct tl_file *df,
    struct tl_buf *ctxs, int *root)
{
	const struct tl_file	*f;
	const struct tl_ynode	*svcs, *b;
	const char		*ctx, *dfname;
	char			*dir, *cdir, *cpath, *dpath, *own, *up;
	size_t			 i;
	int			 found;

	own = tl_printf("%s.dockerignore", df->path);
	found = tl_repo_file(repo, own) != NULL;
	free(own);
	dir = tl_path_dir(df->path);
	found |= has_dockerignore(repo, dir);
	tl_buf_addf(ctxs, "'%s'", *dir != '\0' ? dir : ".");
	*root = *dir == '\0';
	if ((up = inferred_context(repo, df->docker, dir)) != NULL) {
		found |= has_dockerignore(repo, up);
		*root |= *up == '\0';
		tl_buf_addf(ctxs, ", '%s'", *up != '\0' ? up : ".");
		free(up);
	}
	TL_FOREACH_FILE(f, repo, TL_FILE_COMPOSE) {
		if (f->doc == NULL || f->doc->nroots == 0)
			continue;
		cdir = tl_path_dir(f->path);
		svcs = tl_ymap_get(f->doc->roots[0], "services");
		TL_YMAP_FOREACH(i, svcs) {
			b = tl_ymap_get(svcs->pairs[i].value, "build");
			if (b == NULL)
				continue;
			ctx = b->type == TL_YSCALAR ? tl_ystr(b) :
			    tl_ystr(tl_ymap_get(b, "context"));
			dfname = tl_ystr(tl_ymap_get(b, "dockerfile"));
			if (ctx == NULL)
				ctx = ".";
			if (dfname == NULL)
				dfname = "Dockerfile";
			if (strstr(ctx, "://") != NULL ||
			    strchr(ctx, '$') != NULL)
				continue;
			cpath = rel_join(cdir, ctx);
			dpath = rel_join(cpath, dfname);
			if (strcmp(dpath, df->path) == 0 &&
			    strcmp(cpath, dir) != 0) {
				found |= has_dockerignore(repo, cpath);
				*root |= *cpath == '\0';
				tl_buf_addf(ctxs, ", '%s' (%s)",
				    *cpath != '\0' ? cpath : ".", f->path);
			}
			free(cpath);
			free(dpath);
		}
		free(cdir);
	}
	free(dir);
	return found;
}

static int	tf0508_check(struct tl_check *);

static const struct tl_rule tf0508 = {
	.id = "TF0508",
	.name = "no-dockerignore",
	.factor = TL_FACTOR_BUILD_RELEASE_RUN,
	.severity = TL_SEV_INFO,
	.needs = TL_NEED(TL_FILE_DOCKERFILE),
	.summary = "whole build context copied without a .dockerignore",
	.rationale =
	    "The build stage turns a commit of the codebase into a release "
	    "artefact; what goes into it should be that code and nothing "
	    "else. COPY . . without a .dockerignore also copies .git (the "
	    "whole history), .env files with a developer's secrets, local "
	    "node_modules or virtualenvs built for another platform, and "
	    "build leftovers, so the image depends on the state of the "
	    "machine that built it. Reported: a COPY or ADD of the whole "
	    "context (., ./, *) into the image that runs (the final stage "
	    "or a stage it is built FROM) when no build context of the "
	    "Dockerfile has a .dockerignore. Contexts: the Dockerfile's "
	    "directory, the directory above it where its named COPY "
	    "sources are found (docker build -f docker/Dockerfile . from "
	    "the root), and the context of a compose service that builds "
	    "it; a NAME.dockerignore beside the Dockerfile counts too. Not "
	    "reported: COPY of named paths, COPY --from a stage or image, "
	    "heredocs, and a whole-context copy in a build stage, which "
	    "reaches the image only through the paths copied out of it.",
	.fix =
	    "Add a .dockerignore to the build context that excludes at "
	    "least .git, .env*, node_modules, build outputs and local "
	    "caches, or copy only what the build needs (COPY package.json "
	    "package-lock.json ./, COPY src/ ./src/).",
	.see_also = NULL,
	.check = tf0508_check,
};

static int
tf0508_check(struct tl_check *c)
{
	const struct tl_file	 *f;
	const struct tl_df_instr *in;
	struct tl_buf		  ctxs = TL_BUF_INIT;
	char			 *folded;
	int			  error = 0, root;

	TL_FOREACH_FILE(f, c->repo, TL_FILE_DOCKERFILE) {
		if (f->docker == NULL ||
		    (in = copies_context(f->docker)) == NULL)
			continue;
		tl_buf_clear(&ctxs);
		if (context_ignored(c->repo, f, &ctxs, &root))
			continue;
		folded = tl_printf("%s %s", in->keyword, in->args);
		error = tl_report(c, f, in->line, 1, folded, "'%.60s' copies "
		    "the whole build context and no .dockerignore is in %s: "
		    "%s.env files, local node_modules and caches go into the "
		    "image", folded, tl_buf_str(&ctxs), root ? ".git, " : "");
		free(folded);
		if (error != 0)
			break;
	}
	tl_buf_release(&ctxs);
	return error;
}

/* ------------------------------------------------------------- TF0507 */

/*
 * Does a FunctionName value (!Ref F, !GetAtt F.Arn, in either form) name
 * the resource called fn?
 */
static int
names_function(const struct tl_ynode *v, const char *fn)
{
	const struct tl_ynode	*arg;
	const char		*call, *s;
	size_t			 n = strlen(fn);

	if ((call = tl_cfn_intrinsic(v, &arg)) == NULL)
		return 0;
	if (strcmp(call, "Ref") == 0)
		return (s = tl_ystr(arg)) != NULL && strcmp(s, fn) == 0;
	if (strcmp(call, "GetAtt") != 0)
		return 0;
	if (arg != NULL && arg->type == TL_YSEQ && arg->nitems > 0)
		return (s = tl_ystr(arg->items[0])) != NULL &&
		    strcmp(s, fn) == 0;
	return (s = tl_ystr(arg)) != NULL && strncmp(s, fn, n) == 0 &&
	    (s[n] == '.' || s[n] == '\0');
}

/*
 * Is a function released only as $LATEST: no SAM AutoPublishAlias (on it
 * or in Globals), no AWS::Lambda::Version or ::Alias of the template
 * naming it?
 */
static int
function_unversioned(const struct tl_cfn *cfn,
    const struct tl_cfn_resource *r)
{
	size_t	 i;

	if (tl_cfn_type_is(r, "AWS::Serverless::Function") &&
	    tl_cfn_prop(r, "AutoPublishAlias") != NULL)
		return 0;
	for (i = 0; i < cfn->nres; i++)
		if ((tl_cfn_type_is(&cfn->res[i], "AWS::Lambda::Version") ||
		    tl_cfn_type_is(&cfn->res[i], "AWS::Lambda::Alias")) &&
		    names_function(tl_cfn_prop(&cfn->res[i], "FunctionName"),
		    r->name))
			return 0;
	return 1;
}

static int	tf0507_check(struct tl_check *);

static const struct tl_rule tf0507 = {
	.id = "TF0507",
	.name = "lambda-without-versions",
	.factor = TL_FACTOR_BUILD_RELEASE_RUN,
	.severity = TL_SEV_INFO,
	.needs = TL_NEED(TL_FILE_TEMPLATE),
	.summary = "Lambda released without versions or aliases",
	.rationale =
	    "A release is the build combined with its config, immutable and "
	    "numbered, so that the one before it can be run again. A Lambda "
	    "function deployed only as $LATEST has no such release: each "
	    "deploy overwrites the code in place, and rolling back means "
	    "building and deploying the old commit again. Reported once per "
	    "template, naming its functions that have neither SAM's "
	    "AutoPublishAlias (on the function or in Globals) nor an "
	    "AWS::Lambda::Version or AWS::Lambda::Alias resource whose "
	    "FunctionName is a !Ref or !GetAtt of them.",
	.fix =
	    "Set AutoPublishAlias: live in the SAM Globals Function section: "
	    "each deploy then publishes a numbered version and moves the "
	    "alias to it; point triggers at the alias, add a "
	    "DeploymentPreference to shift traffic with CodeDeploy and roll "
	    "back on CloudWatch alarms, and roll back by moving the alias "
	    "to the previous version.",
	.see_also = NULL,
	.check = tf0507_check,
};

static int
tf0507_check(struct tl_check *c)
{
	const struct tl_file	*f;
	const struct tl_cfn_resource *first;
	struct tl_cfn		 cfn;
	struct tl_buf		 names = TL_BUF_INIT;
	size_t			 nfn, nbad;
	int			 error = 0;

	TL_FOREACH_FILE(f, c->repo, TL_FILE_TEMPLATE) {
		if (tl_cfn_open(&cfn, f) != 0)
			continue;
		first = tl_cfn_functions_where(&cfn, function_unversioned,
		    &names, &nfn, &nbad);
		/* One finding per template, at its first such function. */
		if (first != NULL)
			error = tl_report(c, f, first->line, 0, f->path,
			    "%zu of the %zu functions %s released only as "
			    "$LATEST, with no version or alias to roll back "
			    "to: %s%s", nbad, nfn, nbad == 1 ? "is" : "are",
			    tl_buf_str(&names), nbad > 3 ? " …" : "");
		tl_cfn_release(&cfn);
		if (error != 0)
			break;
	}
	tl_buf_release(&names);
	return error;
}

static const struct tl_rule *const rules[] = {
	&tf0501,
	&tf0502,
	&tf0503,
	&tf0504,
	&tf0505,
	&tf0506,
	&tf0507,
	&tf0508,
};

const struct tl_module tl_module_BUILD_RELEASE_RUN = {
	TL_FACTOR_BUILD_RELEASE_RUN, rules, TL_NELEM(rules), NULL, NULL
};
