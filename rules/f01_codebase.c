/*
 * f01_codebase.c: factor I, Codebase (https://12factor.net/codebase).
 * One codebase tracked in revision control, many deploys.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common.h"

static int	tf0101_check(struct tl_check *);
static int	tf0102_check(struct tl_check *);

static const struct tl_rule tf0101 = {
	.id = "TF0101",
	.name = "not-a-git-repository",
	.factor = TL_FACTOR_CODEBASE,
	.severity = TL_SEV_ERROR,
	.needs = 0,
	.summary = "target is not inside a git repository",
	.rationale =
	    "A twelve-factor app is always tracked in a version control "
	    "system: the codebase is the one repository every deploy is "
	    "built from. Files that live outside version control have no "
	    "history, cannot be reviewed, and cannot be rebuilt exactly for "
	    "another deploy.",
	.fix =
	    "Put the application under git (git init, commit, push to a "
	    "shared remote such as AWS CodeCommit, GitHub or GitLab) and let "
	    "the build pipeline (CodeBuild/CodePipeline) build every deploy "
	    "from a commit.",
	.see_also = NULL,
	.check = tf0101_check,
};

static int
tf0101_check(struct tl_check *c)
{
	if (c->repo->git.is_repo) {
		tl_evidence(c, ".git");
		return 0;
	}
	return tl_report(c, NULL, 0, 0, "not a git repository",
	    "no .git here or in any parent directory: the code has no "
	    "history and no single source for its deploys");
}

static const struct tl_rule tf0102 = {
	.id = "TF0102",
	.name = "no-remote",
	.factor = TL_FACTOR_CODEBASE,
	.severity = TL_SEV_WARNING,
	.needs = TL_NEED_GIT,
	.summary = "no remote configured",
	.rationale =
	    "The codebase is what every deploy and every developer shares. "
	    "A repository without a remote lives on one machine only: no "
	    "pipeline can build from it and no other deploy can be made "
	    "from the same commit.",
	.fix =
	    "Add the shared repository as a remote (git remote add origin "
	    "URL; AWS CodeCommit, GitHub or GitLab) and push, so that "
	    "CodePipeline or another CI builds each deploy from it.",
	.see_also = NULL,
	.check = tf0102_check,
};

static int
tf0102_check(struct tl_check *c)
{
	tl_evidence(c, ".git");
	if (c->repo->git.nremotes > 0)
		return 0;
	return tl_report(c, NULL, 0, 0, "no remote",
	    "the repository has no remote: the codebase is not shared "
	    "anywhere a pipeline could build it from");
}

static int	tf0105_check(struct tl_check *);

static const struct tl_rule tf0105 = {
	.id = "TF0105",
	.name = "limited-history",
	.factor = TL_FACTOR_CODEBASE,
	.severity = TL_SEV_INFO,
	.needs = TL_NEED_GIT,
	.summary = "history-based checks were limited",
	.rationale =
	    "Some checks read the codebase's history: secrets committed and "
	    "removed again (--history, TF0302), long-lived environment "
	    "branches. A shallow clone (git clone --depth, the default of "
	    "many CI checkouts) holds only the newest commits, and a "
	    "repository without commits has no history at all: those checks "
	    "saw only part of the codebase, and the report says so rather "
	    "than passing silently.",
	.fix =
	    "Run the history checks on a full clone: fetch-depth: 0 in "
	    "GitHub Actions' checkout, git fetch --unshallow, or CodeBuild's "
	    "full clone (git-clone-depth 0 / \"Full clone\" in "
	    "CodePipeline's source action).",
	.see_also = NULL,
	.check = tf0105_check,
};

static int
tf0105_check(struct tl_check *c)
{
	tl_evidence(c, ".git");
	if (c->repo->git.shallow)
		return tl_report(c, NULL, 0, 0, "shallow clone",
		    "shallow clone: history checks saw only the commits that "
		    "were fetched");
	if (!c->repo->git.has_commits)
		return tl_report(c, NULL, 0, 0, "no commits",
		    "the repository has no commits yet: there is no history "
		    "to check");
	return 0;
}

/* ------------------------------------------------------ app roots */

/*
 * The deployable apps of a repository, by the directory each deploys
 * from: a Dockerfile (not a development one), a SAM template, a Procfile,
 * or a package.json with a start script.  A Dockerfile or template kept in
 * a packaging directory (docker/, deploy/ …) belongs to the directory
 * above it; a Dockerfile directory without any source or manifest under
 * it (a reverse proxy's configuration, a database seed) builds a support
 * image, not an app.  Examples, samples and documentation are not apps.
 */
#define ROOT_DOCKERFILE	0x1
#define ROOT_SAM	0x2
#define ROOT_PROCFILE	0x4
#define ROOT_START	0x8

struct app_root {
	char			*dir;	/* owned: "" for the top level */
	const struct tl_file	*file;	/* borrowed: the first that made it */
	unsigned		 why;	/* ROOT_* */
};

struct app_roots {
	struct app_root	*v;	/* owned; sorted by dir */
	size_t		 n;
};

static const char *const packaging_dirs[] = {
	"docker", ".docker", "dockerfiles", "deploy", "deployment",
	"deployments", "build", "ci", ".aws", "infra", "infrastructure",
	"container", "containers", "ops", "devops", "packaging", NULL
};

/* Directories of examples, by a word their names contain ("MacrosExamples"). */
static int
in_example_dir(const char *path)
{
	const char	*p = path, *e;
	char		 comp[128];
	size_t		 n;

	while ((e = strchr(p, '/')) != NULL) {
		n = (size_t)(e - p);
		if (n < sizeof(comp)) {
			memcpy(comp, p, n);
			comp[n] = '\0';
			if (tl_memcasemem(comp, n, "example", 7) != NULL ||
			    tl_memcasemem(comp, n, "sample", 6) != NULL)
				return 1;
		}
		p = e + 1;
	}
	return 0;
}

/* Does a '/'-separated component of dir equal one of words? */
static const char *
dir_component(const char *dir, const char *const *words)
{
	const char	*p = dir, *e;
	size_t		 i, n;

	while (*p != '\0') {
		e = strchr(p, '/');
		n = e == NULL ? strlen(p) : (size_t)(e - p);
		for (i = 0; words[i] != NULL; i++)
			if (strlen(words[i]) == n &&
			    strncasecmp(p, words[i], n) == 0)
				return p;
		if (e == NULL)
			break;
		p = e + 1;
	}
	return NULL;
}

/* Is path dir itself or under it ("" holds everything)? */
static int
path_under(const char *path, const char *dir)
{
	size_t	 n = strlen(dir);

	if (n == 0)
		return 1;
	return strncmp(path, dir, n) == 0 && (path[n] == '/' ||
	    path[n] == '\0');
}

/* Is there application source (src) or a manifest under dir? */
static int
dir_has_code(const struct tl_repo *repo, const char *dir, int src)
{
	const struct tl_file	*f;
	size_t			 i;

	for (i = 0; i < repo->nfiles; i++) {
		f = repo->files[i];
		if ((f->kind == TL_FILE_MANIFEST ||
		    (src && f->kind == TL_FILE_SOURCE)) &&
		    !f->test && !f->vendored && path_under(f->path, dir))
			return 1;
	}
	return 0;
}

static int
is_sam(const struct tl_file *f)
{
	const struct tl_ynode	*t;
	size_t			 i;

	if (f->doc == NULL || f->doc->nroots == 0)
		return 0;
	t = tl_ymap_get(f->doc->roots[0], "Transform");
	if (t != NULL && t->type == TL_YSCALAR)
		return tl_str_has_prefix(t->value, "AWS::Serverless");
	for (i = 0; t != NULL && t->type == TL_YSEQ && i < t->nitems; i++)
		if (t->items[i]->type == TL_YSCALAR &&
		    tl_str_has_prefix(t->items[i]->value, "AWS::Serverless"))
			return 1;
	return 0;
}

static void
roots_add(struct app_roots *r, const struct tl_repo *repo,
    const struct tl_file *f, unsigned why)
{
	const char	*cut;
	char		*dir;
	size_t		 i;

	if (in_example_dir(f->path) ||
	    tl_path_is_docs(f->path) || tl_path_is_dev_artefact(f->path))
		return;
	dir = tl_path_dir(f->path);
	if ((why & (ROOT_DOCKERFILE | ROOT_SAM)) &&
	    (cut = dir_component(dir, packaging_dirs)) != NULL)
		dir[cut == dir ? 0 : (size_t)(cut - dir) - 1] = '\0';
	if (why == ROOT_DOCKERFILE && !dir_has_code(repo, dir, 1)) {
		free(dir);
		return;
	}
	for (i = 0; i < r->n; i++)
		if (strcmp(r->v[i].dir, dir) == 0) {
			r->v[i].why |= why;
			free(dir);
			return;
		}
	r->v = tl_realloc(r->v, (r->n + 1) * sizeof(*r->v));
	r->v[r->n].dir = dir;
	r->v[r->n].file = f;
	r->v[r->n].why = why;
	r->n++;
}

static int
root_cmp(const void *a, const void *b)
{
	return strcmp(((const struct app_root *)a)->dir,
	    ((const struct app_root *)b)->dir);
}

/*
 * A root inside another root, without a manifest of its own, runs the
 * enclosing app's code (a Procfile of one more process, an image built
 * from the same module): it is part of that app.  The roots are sorted,
 * so an enclosing root comes before the roots inside it.
 */
static void
roots_merge(struct app_roots *r, const struct tl_repo *repo)
{
	size_t	 i, j, out;

	for (i = r->n; i-- > 1; ) {
		for (j = i; j-- > 0; )
			if (path_under(r->v[i].dir, r->v[j].dir))
				break;
		if (j == (size_t)-1 || dir_has_code(repo, r->v[i].dir, 0))
			continue;
		r->v[j].why |= r->v[i].why;
		free(r->v[i].dir);
		r->v[i].dir = NULL;
	}
	for (i = out = 0; i < r->n; i++)
		if (r->v[i].dir != NULL)
			r->v[out++] = r->v[i];
	r->n = out;
}

static void
roots_collect(struct app_roots *r, const struct tl_repo *repo)
{
	const struct tl_file	*f;

	r->v = NULL;
	r->n = 0;
	TL_FOREACH_FILE(f, repo, TL_FILE_DOCKERFILE)
		roots_add(r, repo, f, ROOT_DOCKERFILE);
	TL_FOREACH_FILE(f, repo, TL_FILE_TEMPLATE)
		if (is_sam(f))
			roots_add(r, repo, f, ROOT_SAM);
	TL_FOREACH_FILE(f, repo, TL_FILE_PROCFILE)
		roots_add(r, repo, f, ROOT_PROCFILE);
	TL_FOREACH_FILE(f, repo, TL_FILE_MANIFEST)
		if (f->manifest != NULL && f->manifest->start != NULL)
			roots_add(r, repo, f, ROOT_START);
	if (r->n > 1)
		qsort(r->v, r->n, sizeof(*r->v), root_cmp);
	roots_merge(r, repo);
}

static void
roots_release(struct app_roots *r)
{
	size_t	 i;

	for (i = 0; i < r->n; i++)
		free(r->v[i].dir);
	free(r->v);
	r->v = NULL;
	r->n = 0;
}

/* The deepest root that holds path, or NULL. */
static const struct app_root *
roots_owner(const struct app_roots *r, const char *path)
{
	const struct app_root	*best = NULL;
	size_t			 i;

	for (i = 0; i < r->n; i++)
		if (path_under(path, r->v[i].dir) && (best == NULL ||
		    strlen(r->v[i].dir) > strlen(best->dir)))
			best = &r->v[i];
	return best;
}

static void
root_name(struct tl_buf *b, const struct app_root *a)
{
	if (a->dir[0] == '\0')
		tl_buf_adds(b, "./");
	else {
		tl_buf_add_escaped(b, a->dir, strlen(a->dir));
		tl_buf_addc(b, '/');
	}
}

/* ------------------------------------------------------------- TF0103 */

static int	tf0103_check(struct tl_check *);

static const struct tl_rule tf0103 = {
	.id = "TF0103",
	.name = "several-apps",
	.factor = TL_FACTOR_CODEBASE,
	.severity = TL_SEV_INFO,
	.needs = TL_NEED(TL_FILE_DOCKERFILE) | TL_NEED(TL_FILE_TEMPLATE) |
	    TL_NEED(TL_FILE_PROCFILE) | TL_NEED(TL_FILE_MANIFEST),
	.summary = "several deployable apps in one repository",
	.rationale =
	    "There is a one-to-one correlation between the codebase and the "
	    "app: several apps sharing one repository are a distributed "
	    "system, each of whose components is an app with its own "
	    "codebase, releases and deploys.  The rule lists the app roots "
	    "it finds: directories holding a Dockerfile, a SAM template "
	    "(Transform: AWS::Serverless), a Procfile or a package.json with "
	    "a start script.  Several of these in one directory are one app; "
	    "a Dockerfile in a packaging directory (docker/, deploy/, build/ "
	    "…) counts for the directory above it; a Dockerfile whose "
	    "directory holds no source and no manifest (a proxy's or "
	    "database's configuration) builds a support image, not an app; "
	    "development Dockerfiles, tests, vendored code, examples, "
	    "samples and documentation are left out.  It is informational: "
	    "a deliberate monorepo is fine when every app builds, releases "
	    "and deploys from its own root.",
	.fix =
	    "Either split the apps into repositories of their own, or keep "
	    "the monorepo deliberately: give each app its own pipeline "
	    "(CodePipeline/CodeBuild triggered on its path), its own image "
	    "repository in ECR and its own ECS service or SAM stack, and "
	    "share code between them as versioned libraries (TF0106).",
	.see_also = NULL,
	.check = tf0103_check,
};

static int
tf0103_check(struct tl_check *c)
{
	struct app_roots	 r;
	struct tl_buf		 b, ev;
	size_t			 i, shown;
	int			 error = 0, first;

	roots_collect(&r, c->repo);
	for (i = 0; i < r.n; i++)
		tl_evidence(c, r.v[i].file->path);
	if (r.n < 2) {
		roots_release(&r);
		return 0;
	}
	tl_buf_init(&b);
	tl_buf_init(&ev);
	tl_buf_addf(&b, "%zu apps: ", r.n);
	shown = r.n > 10 ? 10 : r.n;
	for (i = 0; i < r.n; i++) {
		if (i > 0)
			tl_buf_adds(&ev, " ");
		tl_buf_adds(&ev, r.v[i].dir[0] == '\0' ? "." : r.v[i].dir);
		if (i >= shown)
			continue;
		if (i > 0)
			tl_buf_adds(&b, ", ");
		root_name(&b, &r.v[i]);
		tl_buf_adds(&b, " (");
		first = 1;
#define WHY(bit, s) do {						\
		if (r.v[i].why & (bit)) {				\
			tl_buf_adds(&b, first ? (s) : ", " s);		\
			first = 0;					\
		}							\
	} while (0)
		WHY(ROOT_DOCKERFILE, "Dockerfile");
		WHY(ROOT_SAM, "SAM template");
		WHY(ROOT_PROCFILE, "Procfile");
		WHY(ROOT_START, "package.json start");
#undef WHY
		tl_buf_adds(&b, ")");
	}
	if (shown < r.n)
		tl_buf_addf(&b, " and %zu more", r.n - shown);
	error = tl_report(c, NULL, 0, 0, tl_buf_str(&ev), "%s",
	    tl_buf_str(&b));
	tl_buf_release(&b);
	tl_buf_release(&ev);
	roots_release(&r);
	return error;
}

/* ------------------------------------------------------------- TF0104 */

static int	tf0104_check(struct tl_check *);

static const struct tl_rule tf0104 = {
	.id = "TF0104",
	.name = "untracked-deploy-artefact",
	.factor = TL_FACTOR_CODEBASE,
	.severity = TL_SEV_WARNING,
	.needs = TL_NEED_GIT | TL_NEED(TL_FILE_DOCKERFILE) |
	    TL_NEED(TL_FILE_TEMPLATE) | TL_NEED(TL_FILE_PROCFILE) |
	    TL_NEED(TL_FILE_COMPOSE) | TL_NEED(TL_FILE_BUILDSPEC) |
	    TL_NEED(TL_FILE_APPSPEC) | TL_NEED(TL_FILE_TASKDEF),
	.summary = "deploy artefact not tracked by git",
	.rationale =
	    "Every deploy is built from the one codebase in revision "
	    "control.  A Dockerfile, CloudFormation/SAM template, Procfile, "
	    "compose file, buildspec, appspec or ECS task definition that "
	    "exists only in one working tree makes the deploy depend on that "
	    "machine: no other checkout, pipeline or rollback can reproduce "
	    "it.  The rule reports such files that git neither tracks nor "
	    "ignores, in a repository that tracks files at all; development "
	    "artefacts (Dockerfile.dev, docker-compose.local.yml …), tests "
	    "and vendored code are left out, and outside git it does not "
	    "apply.",
	.fix =
	    "Commit the file (git add, git commit) so that the pipeline "
	    "(CodePipeline/CodeBuild) builds every deploy from it, or, when "
	    "it is a personal file, list it in .gitignore.",
	.see_also = NULL,
	.check = tf0104_check,
};

static const enum tl_file_kind deploy_kinds[] = {
	TL_FILE_DOCKERFILE, TL_FILE_TEMPLATE, TL_FILE_PROCFILE,
	TL_FILE_COMPOSE, TL_FILE_BUILDSPEC, TL_FILE_APPSPEC, TL_FILE_TASKDEF
};

static int
tf0104_check(struct tl_check *c)
{
	const struct tl_repo	*repo = c->repo;
	const struct tl_file	*f;
	size_t			 i, k, ntracked = 0;
	int			 error;

	if (!repo->git.is_repo) {
		tl_not_applicable(c, "not a git repository");
		return 0;
	}
	for (i = 0; i < repo->nfiles; i++)
		if (repo->files[i]->tracked)
			ntracked++;
	if (ntracked == 0) {
		tl_not_applicable(c, "git tracks no file here yet");
		return 0;
	}
	for (k = 0; k < TL_NELEM(deploy_kinds); k++)
		TL_FOREACH_FILE(f, repo, deploy_kinds[k]) {
			tl_evidence(c, f->path);
			if (f->tracked || tl_path_is_dev_artefact(f->path))
				continue;
			if ((error = tl_report(c, f, 0, 0, f->path,
			    "%s only in this working tree: no commit holds it, so no "
			    "other checkout or pipeline can build this deploy",
			    tl_file_kind_name(f->kind))) < 0)
				return error;
		}
	return 0;
}

/* ------------------------------------------------------------- TF0106 */

static int	tf0106_check(struct tl_check *);

static const struct tl_rule tf0106 = {
	.id = "TF0106",
	.name = "code-copied-between-apps",
	.factor = TL_FACTOR_CODEBASE,
	.severity = TL_SEV_WARNING,
	.needs = TL_NEED(TL_FILE_SOURCE),
	.summary = "the same source file copied into several apps",
	.rationale =
	    "Factors shared by several apps are a violation of twelve-factor "
	    "unless they are factored into libraries and included through "
	    "the dependency manager: a file copied into each app drifts, and "
	    "a fix made in one copy never reaches the others.  The rule "
	    "finds the app roots as TF0103 does and reports source files of "
	    "at least 1 KiB whose contents are byte for byte the same under "
	    "two or more different roots.  Smaller files, files that say "
	    "they are generated, framework scaffolding (manage.py, wsgi.py, "
	    "serviceWorker.js …), configuration, tests, vendored code and "
	    "copies inside one app are not reported, and neither is a "
	    "repository of more than 10 app roots, which is a collection of "
	    "independent apps or samples rather than one system.",
	.fix =
	    "Move the shared code into a library with its own version, "
	    "published to a package registry (AWS CodeArtifact, npm, PyPI, "
	    "a Go module) or kept as a workspace package of the monorepo, "
	    "and declare it as a dependency of each app.",
	.see_also = NULL,
	.check = tf0106_check,
};

#define DUP_MIN_SIZE	1024
/* More roots than this: a collection of samples, not one system. */
#define DUP_MAX_ROOTS	10

/* Scaffolding every app of a framework starts with, by file name. */
static const char *const scaffold_names[] = {
	"manage.py", "wsgi.py", "asgi.py", "serviceWorker.js",
	"registerServiceWorker.js", "service-worker.js", "setupTests.js",
	"setupTests.ts", "reportWebVitals.js", "reportWebVitals.ts",
	"react-app-env.d.ts", "next-env.d.ts", "vite-env.d.ts",
	"MavenWrapperDownloader.java", "__init__.py", NULL
};

static const char *const generated_marks[] = {
	"@generated", "code generated", "do not edit", "auto-generated",
	"autogenerated", "automatically generated", "generated by", NULL
};

static int
is_generated(const struct tl_file *f)
{
	size_t	 n = f->size < 1024 ? f->size : 1024, i;

	if (tl_str_has_suffix(f->name, ".pb.go") ||
	    tl_str_has_suffix(f->name, "_pb2.py") ||
	    tl_str_has_suffix(f->name, "_pb2_grpc.py") ||
	    strstr(f->name, ".generated.") != NULL ||
	    tl_str_has_suffix(f->name, ".g.dart"))
		return 1;
	for (i = 0; generated_marks[i] != NULL; i++)
		if (tl_memcasemem(f->data, n, generated_marks[i],
		    strlen(generated_marks[i])) != NULL)
			return 1;
	return 0;
}

struct dup_ent {
	uint64_t		 hash;
	const struct tl_file	*file;	/* borrowed */
	const struct app_root	*root;	/* borrowed: from the app_roots */
};

static int
dup_cmp(const void *a, const void *b)
{
	const struct dup_ent	*x = a, *y = b;

	if (x->hash != y->hash)
		return x->hash < y->hash ? -1 : 1;
	if (x->file->size != y->file->size)
		return x->file->size < y->file->size ? -1 : 1;
	return strcmp(x->file->path, y->file->path);
}

static int
same_data(const struct tl_file *a, const struct tl_file *b)
{
	return a->size == b->size && memcmp(a->data, b->data, a->size) == 0;
}

/* Report the run v[0..n) of equal hashes, one finding per content. */
static int
dup_report(struct tl_check *c, struct dup_ent *v, size_t n)
{
	struct tl_buf	 b;
	size_t		 i, j, ncopies, nroots;
	int		 error = 0, done;

	tl_buf_init(&b);
	for (i = 0; i < n && error == 0; i++) {
		if (v[i].file == NULL)
			continue;
		/* v[i] is the first of its content; gather the others. */
		tl_buf_release(&b);
		tl_buf_init(&b);
		ncopies = nroots = 1;
		for (j = i + 1; j < n; j++) {
			if (v[j].file == NULL || !same_data(v[i].file,
			    v[j].file))
				continue;
			ncopies++;
			tl_buf_adds(&b, ncopies == 2 ? "" : ", ");
			tl_buf_add_escaped(&b, v[j].file->path,
			    strlen(v[j].file->path));
			if (v[j].root != v[i].root)
				nroots++;
			v[j].file = NULL;
		}
		done = ncopies > 1 && nroots > 1;
		if (done)
			error = tl_report(c, v[i].file, 0, 0, v[i].file->path,
			    "identical to %s (%zu bytes): one library copied "
			    "into several apps", tl_buf_str(&b),
			    v[i].file->size);
		v[i].file = NULL;
	}
	tl_buf_release(&b);
	return error;
}

static int
tf0106_check(struct tl_check *c)
{
	struct app_roots	 r;
	const struct app_root	*owner;
	const struct tl_file	*f;
	struct dup_ent		*v = NULL;
	size_t			 n = 0, i, j, k;
	int			 error = 0;

	roots_collect(&r, c->repo);
	if (r.n > DUP_MAX_ROOTS)
		tl_not_applicable(c, "%zu app roots: a collection of "
		    "independent apps or samples, not one system", r.n);
	if (r.n < 2 || r.n > DUP_MAX_ROOTS) {
		roots_release(&r);
		return 0;
	}
	TL_FOREACH_FILE(f, c->repo, TL_FILE_SOURCE) {
		if (f->size < DUP_MIN_SIZE || f->data == NULL ||
		    is_generated(f) ||
		    in_example_dir(f->path) ||
		    tl_path_is_docs(f->path))
			continue;
		for (k = 0; scaffold_names[k] != NULL; k++)
			if (strcmp(f->name, scaffold_names[k]) == 0)
				break;
		if (scaffold_names[k] != NULL)
			continue;
		if ((owner = roots_owner(&r, f->path)) == NULL)
			continue;
		v = tl_reallocarray(v, n + 1, sizeof(*v));
		v[n].hash = tl_hash64(f->data, f->size);
		v[n].file = f;
		v[n].root = owner;
		n++;
	}
	if (n > 1)
		qsort(v, n, sizeof(*v), dup_cmp);
	for (i = 0; i < n && error == 0; i = j) {
		for (j = i + 1; j < n && v[j].hash == v[i].hash; j++)
			;
		if (j - i > 1)
			error = dup_report(c, v + i, j - i);
	}
	free(v);
	roots_release(&r);
	return error;
}

/* ------------------------------------------------------------- TF0107 */

static int	tf0107_check(struct tl_check *);

static const struct tl_rule tf0107 = {
	.id = "TF0107",
	.name = "environment-branch",
	.factor = TL_FACTOR_CODEBASE,
	.severity = TL_SEV_WARNING,
	.needs = TL_NEED_GIT,
	.summary = "environment branch with commits of its own",
	.rationale =
	    "There is one codebase per app and many deploys of it: "
	    "production, staging and every other environment run releases "
	    "of the same code, differing only in config.  A branch per "
	    "environment that carries commits the default branch does not "
	    "have is a second codebase: what runs in production is not what "
	    "was reviewed and tested on the main line.  The rule looks at "
	    "branches (local and remote-tracking) named like an environment "
	    "(prod, production, staging, stage, stg, qa, uat, preprod, live, "
	    "and env/…, environment/…, or release/ and deploy/ followed by "
	    "one of these names) and reports those with commits that the "
	    "default branch (origin/HEAD's target, else main or master) "
	    "cannot reach.  A fully merged environment branch and version "
	    "branches such as release/1.2 are not reported.",
	.fix =
	    "Merge the environment branch's commits into the default branch "
	    "and deploy every environment from it, promoting one build "
	    "(an ECR image, a CodePipeline artifact) from stage to stage "
	    "with manual approval actions; keep what differs between "
	    "environments in config (Parameter Store, Secrets Manager, ECS "
	    "task definition environment), not in branches.",
	.see_also = NULL,
	.check = tf0107_check,
};

static int
tf0107_check(struct tl_check *c)
{
	const struct tl_git	*g = &c->repo->git;
	const char		*name, *base, *slash;
	size_t			 i, j;
	int			 error, local;

	tl_evidence(c, ".git");
	if (g->default_branch == 0 || g->nahead == 0) {
		for (i = 0; i < g->branches.len; i++)
			if (tl_git_env_branch(g->branches.items[i])) {
				tl_not_applicable(c, "no default branch (main, "
				    "master or origin/HEAD) to compare "
				    "branches with");
				break;
			}
		return 0;
	}
	base = g->branches.items[g->default_branch - 1];
	for (i = 0; i < g->nahead; i++) {
		name = g->branches.items[i];
		if (i + 1 == g->default_branch || g->ahead[i] <= 0 ||
		    !tl_git_env_branch(name))
			continue;
		/* origin/prod and a local prod: report the local one */
		local = 0;
		if ((slash = strchr(name, '/')) != NULL)
			for (j = 0; j < g->nahead && !local; j++)
				local = j != i && g->ahead[j] > 0 &&
				    strcmp(g->branches.items[j],
				    slash + 1) == 0;
		if (local)
			continue;
		if ((error = tl_report(c, NULL, 0, 0, name,
		    "branch '%s' has %d commit%s that the default branch "
		    "'%s' does not: the environment runs a codebase of its "
		    "own", name, g->ahead[i], g->ahead[i] == 1 ? "" : "s",
		    base)) < 0)
			return error;
	}
	return 0;
}

/* ------------------------------------------------------------- TF0108 */

static int	tf0108_check(struct tl_check *);

static const struct tl_rule tf0108 = {
	.id = "TF0108",
	.name = "sibling-repository-dependency",
	.factor = TL_FACTOR_CODEBASE,
	.severity = TL_SEV_WARNING,
	.needs = TL_NEED(TL_FILE_MANIFEST),
	.summary = "dependency on a path outside the repository",
	.rationale =
	    "The codebase is one repository from which every deploy is "
	    "built.  A dependency taken from a directory beside the "
	    "repository (file:../lib or link:../lib in package.json, "
	    "replace … => ../lib in go.mod, path = \"../lib\" in Cargo.toml, "
	    "-e ../lib in requirements, an absolute or home path) builds "
	    "only on a machine that happens to have that other checkout next "
	    "to this one, at whatever commit it is: a fresh clone in a "
	    "pipeline cannot build, and the release does not say which "
	    "version of the library it holds.  The rule resolves each local "
	    "path dependency against its manifest's directory and the "
	    "repository root and reports those that leave the repository; "
	    "paths inside it (workspace packages of a monorepo) are fine.",
	.fix =
	    "Publish the library with a version (AWS CodeArtifact, npm, "
	    "PyPI, crates.io, a tagged Go module) and depend on that "
	    "version, or move it into this repository as a workspace "
	    "package; a git dependency pinned to a commit or tag also "
	    "works.",
	.see_also = NULL,
	.check = tf0108_check,
};

/*
 * Does path, relative to dir (itself relative to the repository root),
 * leave the repository?  Absolute and home paths always do.
 */
static int
path_leaves(const char *base, const char *path)
{
	const char	*p, *e;
	long		 depth = 0;
	size_t		 n;
	int		 i;

	if (path[0] == '/' || path[0] == '\\' || path[0] == '~' ||
	    (isalpha((unsigned char)path[0]) && path[1] == ':'))
		return 1;
	for (i = 0; i < 2; i++) {
		p = i == 0 ? base : path;
		while (*p != '\0') {
			e = p + strcspn(p, "/\\");
			n = (size_t)(e - p);
			if (n == 2 && p[0] == '.' && p[1] == '.') {
				if (--depth < 0)
					return 1;
			} else if (n > 0 && !(n == 1 && p[0] == '.'))
				depth++;
			p = *e == '\0' ? e : e + 1;
		}
	}
	return 0;
}

static int
tf0108_check(struct tl_check *c)
{
	const struct tl_file	*f;
	const struct tl_dep	*d;
	const char		*prefix = c->repo->git.prefix;
	char			*dir, *base;
	size_t			 i;
	int			 error = 0;

	TL_FOREACH_FILE(f, c->repo, TL_FILE_MANIFEST) {
		if (f->manifest == NULL)
			continue;
		tl_evidence(c, f->path);
		dir = tl_path_dir(f->path);
		base = prefix == NULL || prefix[0] == '\0' ? tl_strdup(dir) :
		    tl_printf("%s/%s", prefix, dir);
		for (i = 0; i < f->manifest->ndeps && error == 0; i++) {
			d = &f->manifest->deps[i];
			if (d->pin != TL_PIN_LOCAL || d->path == NULL ||
			    !path_leaves(base, d->path))
				continue;
			error = tl_report(c, f, d->line, 0, d->path,
			    "'%s' comes from '%s', outside the repository: a "
			    "fresh clone cannot build it", d->name, d->path);
		}
		free(base);
		free(dir);
		if (error < 0)
			return error;
	}
	return 0;
}

static const struct tl_rule *const rules[] = {
	&tf0101,
	&tf0102,
	&tf0103,
	&tf0104,
	&tf0105,
	&tf0106,
	&tf0107,
	&tf0108,
};

const struct tl_module tl_module_CODEBASE = {
	TL_FACTOR_CODEBASE, rules, TL_NELEM(rules), NULL, NULL
};
