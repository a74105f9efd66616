/*
 * discover.c: find the files of the target, classify them by name, read
 * them safely, and free the repository model.
 *
 * The walk is our own (openat on directory descriptors, never following a
 * symbolic link) so that it sees and reports what git would silently pass
 * over (FIFOs, sockets, unreadable directories); which paths are tracked,
 * submodules or ignored is asked of libgit2 through git.c.
 */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700
#endif

#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "twelvelint/model.h"

/* Directories nested deeper than this are skipped (one descriptor each). */
#define TL_WALK_MAX_DEPTH	256

/* Bytes looked at for a NUL to call a file binary. */
#define TL_BINARY_PROBE		8192

/* --- classification --------------------------------------------------- */

enum tl_match {
	TL_M_NAME,		/* the last component equals the pattern */
	TL_M_SUFFIX,		/* the last component ends with the pattern */
	TL_M_GLOB,		/* fnmatch(3) on the last component */
	TL_M_PATH		/* fnmatch(3) on the path or a tail of it */
};

struct tl_class {
	enum tl_match		 match;
	const char		*pattern;	/* static */
	enum tl_file_kind	 kind;
	enum tl_lang		 lang;
	enum tl_manifest_type	 subtype;
};

#define CLS(m, p, k)	\
	{ TL_M_##m, (p), TL_FILE_##k, TL_LANG_NONE, TL_MF_NONE }
#define MF(m, p, k, t)	\
	{ TL_M_##m, (p), TL_FILE_##k, TL_LANG_NONE, TL_MF_##t }
#define SRC(p, l)	\
	{ TL_M_SUFFIX, (p), TL_FILE_SOURCE, TL_LANG_##l, TL_MF_NONE }

/* The first entry that matches decides; order matters. */
static const struct tl_class classes[] = {
	/* CI pipelines, by place and name */
	CLS(PATH,	".github/workflows/*.yml",	CI),
	CLS(PATH,	".github/workflows/*.yaml",	CI),
	CLS(PATH,	".circleci/config.yml",		CI),
	CLS(PATH,	".circleci/config.yaml",	CI),
	CLS(NAME,	".gitlab-ci.yml",		CI),
	CLS(NAME,	".gitlab-ci.yaml",		CI),
	CLS(NAME,	"Jenkinsfile",			CI),
	CLS(NAME,	"azure-pipelines.yml",		CI),
	CLS(NAME,	"azure-pipelines.yaml",		CI),
	CLS(NAME,	"bitbucket-pipelines.yml",	CI),
	CLS(NAME,	".travis.yml",			CI),

	/* credentials-like files */
	CLS(NAME,	"credentials",			CREDENTIALS),
	CLS(NAME,	"id_rsa",			CREDENTIALS),
	CLS(NAME,	"id_dsa",			CREDENTIALS),
	CLS(NAME,	"id_ecdsa",			CREDENTIALS),
	CLS(NAME,	"id_ed25519",			CREDENTIALS),
	CLS(NAME,	".npmrc",			CREDENTIALS),
	CLS(NAME,	".pypirc",			CREDENTIALS),
	CLS(NAME,	".netrc",			CREDENTIALS),
	CLS(NAME,	".git-credentials",		CREDENTIALS),
	CLS(SUFFIX,	".pem",				CREDENTIALS),
	CLS(SUFFIX,	".key",				CREDENTIALS),
	CLS(SUFFIX,	".p12",				CREDENTIALS),
	CLS(SUFFIX,	".pfx",				CREDENTIALS),

	/* ignore files (BuildKit also reads NAME.Dockerfile.dockerignore) */
	CLS(NAME,	".gitignore",			IGNORE),
	CLS(NAME,	".dockerignore",		IGNORE),
	CLS(SUFFIX,	".dockerignore",		IGNORE),

	/* Dockerfiles */
	CLS(NAME,	"Dockerfile",			DOCKERFILE),
	CLS(NAME,	"dockerfile",			DOCKERFILE),
	CLS(NAME,	"Containerfile",		DOCKERFILE),
	CLS(GLOB,	"Dockerfile.*",			DOCKERFILE),
	CLS(GLOB,	"dockerfile.*",			DOCKERFILE),
	CLS(GLOB,	"Containerfile.*",		DOCKERFILE),
	CLS(SUFFIX,	".Dockerfile",			DOCKERFILE),
	CLS(SUFFIX,	".dockerfile",			DOCKERFILE),

	/* deployment descriptors */
	CLS(GLOB,	"docker-compose*.yml",		COMPOSE),
	CLS(GLOB,	"docker-compose*.yaml",		COMPOSE),
	CLS(GLOB,	"docker_compose*.yml",		COMPOSE),
	CLS(GLOB,	"docker_compose*.yaml",		COMPOSE),
	CLS(GLOB,	"compose*.yml",			COMPOSE),
	CLS(GLOB,	"compose*.yaml",		COMPOSE),
	CLS(GLOB,	"buildspec*.yml",		BUILDSPEC),
	CLS(GLOB,	"buildspec*.yaml",		BUILDSPEC),
	CLS(NAME,	"appspec.yml",			APPSPEC),
	CLS(NAME,	"appspec.yaml",			APPSPEC),
	CLS(NAME,	"Procfile",			PROCFILE),

	/* lock files, before the manifests and the generic kinds */
	MF(NAME,	"package-lock.json",		LOCKFILE, PACKAGE_LOCK),
	MF(NAME,	"npm-shrinkwrap.json",		LOCKFILE, PACKAGE_LOCK),
	MF(NAME,	"yarn.lock",			LOCKFILE, YARN_LOCK),
	MF(NAME,	"pnpm-lock.yaml",		LOCKFILE, PNPM_LOCK),
	MF(NAME,	"bun.lockb",			LOCKFILE, BUN_LOCK),
	MF(NAME,	"bun.lock",			LOCKFILE, BUN_LOCK),
	MF(NAME,	"Pipfile.lock",			LOCKFILE, PIPFILE_LOCK),
	MF(NAME,	"poetry.lock",			LOCKFILE, POETRY_LOCK),
	MF(NAME,	"uv.lock",			LOCKFILE, UV_LOCK),
	MF(NAME,	"pdm.lock",			LOCKFILE, PDM_LOCK),
	MF(NAME,	"go.sum",			LOCKFILE, GO_SUM),
	MF(NAME,	"Gemfile.lock",			LOCKFILE, GEMFILE_LOCK),
	MF(NAME,	"Cargo.lock",			LOCKFILE, CARGO_LOCK),
	MF(NAME,	"composer.lock",	LOCKFILE, COMPOSER_LOCK),
	MF(NAME,	"packages.lock.json",	LOCKFILE, PACKAGES_LOCK),
	MF(NAME,	"gradle.lockfile",		LOCKFILE, GRADLE_LOCK),

	/* dependency manifests */
	MF(NAME,	"package.json",			MANIFEST, PACKAGE_JSON),
	MF(GLOB,	"requirements*.txt",		MANIFEST, REQUIREMENTS),
	MF(PATH,	"requirements/*.txt",		MANIFEST, REQUIREMENTS),
	MF(NAME,	"pyproject.toml",		MANIFEST, PYPROJECT),
	MF(NAME,	"Pipfile",			MANIFEST, PIPFILE),
	MF(NAME,	"setup.py",			MANIFEST, SETUP_PY),
	MF(NAME,	"setup.cfg",			MANIFEST, SETUP_PY),
	MF(NAME,	"go.mod",			MANIFEST, GO_MOD),
	MF(NAME,	"Gemfile",			MANIFEST, GEMFILE),
	MF(SUFFIX,	".gemspec",			MANIFEST, GEMSPEC),
	MF(NAME,	"pom.xml",			MANIFEST, POM),
	MF(NAME,	"build.gradle",			MANIFEST, GRADLE),
	MF(NAME,	"build.gradle.kts",		MANIFEST, GRADLE),
	MF(NAME,	"Cargo.toml",			MANIFEST, CARGO),
	MF(NAME,	"composer.json",		MANIFEST, COMPOSER),
	MF(SUFFIX,	".csproj",			MANIFEST, CSPROJ),

	/* dotenv files */
	CLS(NAME,	".env",				DOTENV),
	CLS(GLOB,	".env.*",			DOTENV),

	/* shell scripts (docker-entrypoint.sh and entrypoint.sh among them) */
	{ TL_M_SUFFIX, ".sh",   TL_FILE_SCRIPT, TL_LANG_SHELL, TL_MF_NONE },
	{ TL_M_SUFFIX, ".bash", TL_FILE_SCRIPT, TL_LANG_SHELL, TL_MF_NONE },

	/* look like source, are not: type declarations, Gradle settings */
	CLS(SUFFIX,	".d.ts",			OTHER),
	CLS(SUFFIX,	".gradle.kts",			OTHER),

	/* application source */
	SRC(".py",	PYTHON),
	SRC(".js",	JAVASCRIPT),
	SRC(".mjs",	JAVASCRIPT),
	SRC(".cjs",	JAVASCRIPT),
	SRC(".jsx",	JAVASCRIPT),
	SRC(".ts",	TYPESCRIPT),
	SRC(".tsx",	TYPESCRIPT),
	SRC(".mts",	TYPESCRIPT),
	SRC(".cts",	TYPESCRIPT),
	SRC(".go",	GO),
	SRC(".rb",	RUBY),
	SRC(".java",	JAVA),
	SRC(".kt",	KOTLIN),
	SRC(".kts",	KOTLIN),
	SRC(".php",	PHP),
	SRC(".cs",	CSHARP),
	SRC(".rs",	RUST),

	/* other data; templates and task definitions are found by content */
	CLS(SUFFIX,	".yml",				YAML),
	CLS(SUFFIX,	".yaml",			YAML),
	CLS(SUFFIX,	".json",			JSON),
};

#undef CLS
#undef MF
#undef SRC

static const char *const kind_names[TL_FILE__COUNT] = {
	[TL_FILE_OTHER] = "other file",
	[TL_FILE_DOCKERFILE] = "Dockerfile",
	[TL_FILE_SCRIPT] = "shell script",
	[TL_FILE_TEMPLATE] = "CloudFormation template",
	[TL_FILE_TASKDEF] = "ECS task definition",
	[TL_FILE_COMPOSE] = "compose file",
	[TL_FILE_BUILDSPEC] = "buildspec",
	[TL_FILE_APPSPEC] = "appspec",
	[TL_FILE_PROCFILE] = "Procfile",
	[TL_FILE_MANIFEST] = "dependency manifest",
	[TL_FILE_LOCKFILE] = "lock file",
	[TL_FILE_DOTENV] = "dotenv file",
	[TL_FILE_CI] = "CI pipeline",
	[TL_FILE_SOURCE] = "source file",
	[TL_FILE_IGNORE] = "ignore file",
	[TL_FILE_YAML] = "YAML file",
	[TL_FILE_JSON] = "JSON file",
	[TL_FILE_CREDENTIALS] = "credentials file",
};

static const char *const lang_names[TL_LANG__COUNT] = {
	[TL_LANG_NONE] = "none",
	[TL_LANG_PYTHON] = "Python",
	[TL_LANG_JAVASCRIPT] = "JavaScript",
	[TL_LANG_TYPESCRIPT] = "TypeScript",
	[TL_LANG_GO] = "Go",
	[TL_LANG_RUBY] = "Ruby",
	[TL_LANG_JAVA] = "Java",
	[TL_LANG_KOTLIN] = "Kotlin",
	[TL_LANG_PHP] = "PHP",
	[TL_LANG_CSHARP] = "C#",
	[TL_LANG_RUST] = "Rust",
	[TL_LANG_SHELL] = "Shell",
};

const char *
tl_file_kind_name(enum tl_file_kind k)
{
	if ((unsigned)k >= TL_FILE__COUNT || kind_names[k] == NULL)
		return "unknown";
	return kind_names[k];
}

const char *
tl_lang_name(enum tl_lang l)
{
	if ((unsigned)l >= TL_LANG__COUNT || lang_names[l] == NULL)
		return "unknown";
	return lang_names[l];
}

/* Does the pattern match the path or any tail of it that starts a component? */
static int
match_path(const char *pattern, const char *path)
{
	const char	*p = path;

	for (;;) {
		if (fnmatch(pattern, p, FNM_PATHNAME) == 0)
			return 1;
		if ((p = strchr(p, '/')) == NULL)
			return 0;
		p++;
	}
}

static int
class_match(const struct tl_class *c, const char *path, const char *name)
{
	switch (c->match) {
	case TL_M_NAME:
		return strcmp(name, c->pattern) == 0;
	case TL_M_SUFFIX:
		return tl_str_has_suffix(name, c->pattern);
	case TL_M_GLOB:
		return fnmatch(c->pattern, name, 0) == 0;
	case TL_M_PATH:
		return match_path(c->pattern, path);
	}
	return 0;
}

void
tl_classify(const char *path, enum tl_file_kind *kind, enum tl_lang *lang,
    int *subtype)
{
	const char	*name;
	size_t		 i;

	*kind = TL_FILE_OTHER;
	*lang = TL_LANG_NONE;
	*subtype = TL_MF_NONE;
	name = strrchr(path, '/');
	name = name == NULL ? path : name + 1;
	for (i = 0; i < TL_NELEM(classes); i++) {
		if (!class_match(&classes[i], path, name))
			continue;
		*kind = classes[i].kind;
		*lang = classes[i].lang;
		*subtype = (int)classes[i].subtype;
		return;
	}
}

/* --- model accessors -------------------------------------------------- */

static int
file_key_cmp(const void *key, const void *elem)
{
	const struct tl_file *const *f = elem;

	return strcmp(key, (*f)->path);
}

const struct tl_file *
tl_repo_file(const struct tl_repo *repo, const char *path)
{
	struct tl_file	**f;

	if (repo->nfiles == 0)
		return NULL;
	f = bsearch(path, repo->files, repo->nfiles, sizeof(*repo->files),
	    file_key_cmp);
	return f == NULL ? NULL : *f;
}

int
tl_repo_has_kind(const struct tl_repo *repo, enum tl_file_kind kind)
{
	size_t	 i;

	/* As TL_FOREACH_FILE: read and parsed. */
	for (i = 0; i < repo->nfiles; i++)
		if (repo->files[i]->kind == kind && repo->files[i]->loaded &&
		    !repo->files[i]->broken)
			return 1;
	return 0;
}

/* --- paths ------------------------------------------------------------ */

const char *
tl_path_within(const char *dir, const char *path)
{
	size_t	 n;

	if (strcmp(dir, "/") == 0)
		return path[0] == '/' ? path + 1 : NULL;
	n = strlen(dir);
	if (strncmp(path, dir, n) != 0)
		return NULL;
	if (path[n] == '\0')
		return path + n;
	return path[n] == '/' ? path + n + 1 : NULL;
}

int
tl_path_in_gitdir(const char *rel)
{
	const char	*p = rel;
	size_t		 n;

	while (*p != '\0') {
		n = strcspn(p, "/");
		if (n == 4 && strncmp(p, ".git", 4) == 0)
			return 1;
		p += n;
		while (*p == '/')
			p++;
	}
	return 0;
}

/*
 * Where the symbolic link at `full` leads.  0 with the real path in *out
 * (owned by the caller) when it is a regular file inside root and outside
 * any .git directory; 1 with a static reason otherwise.
 */
static int
link_resolve(const char *root, const char *full, char **out,
    const char **reason)
{
	struct stat	 st;
	const char	*rest;
	char		*real;

	*out = NULL;
	if ((real = realpath(full, NULL)) == NULL) {
		*reason = errno == EACCES ? "permission denied" :
		    "broken symbolic link";
		return 1;
	}
	rest = tl_path_within(root, real);
	if (rest == NULL || tl_path_in_gitdir(rest)) {
		*reason = "symbolic link out of the tree";
		goto fail;
	}
	if (stat(real, &st) == -1) {
		*reason = "broken symbolic link";
		goto fail;
	}
	if (S_ISDIR(st.st_mode)) {
		*reason = "symbolic link to a directory";
		goto fail;
	}
	if (!S_ISREG(st.st_mode)) {
		*reason = "symbolic link to a non-regular file";
		goto fail;
	}
	*out = real;
	return 0;
fail:
	free(real);
	return 1;
}

/* Why a file could not be opened or read, for the skip list. */
static const struct {
	int		 err;
	const char	*reason;	/* static */
} errno_reasons[] = {
	{ EACCES,	"permission denied" },
	{ EPERM,	"permission denied" },
	{ ENOENT,	"file vanished during the scan" },
	{ ENOTDIR,	"file vanished during the scan" },
	{ ENAMETOOLONG,	"path too long" },
	{ ELOOP,	"symbolic link out of the tree" },
	{ EISDIR,	"not a regular file" },
	{ ENXIO,	"not a regular file" },
	{ ENODEV,	"not a regular file" },
	{ EAGAIN,	"not a regular file" },
	{ EIO,		"input/output error" },
};

static const char *
errno_reason(int err)
{
	size_t	 i;

	for (i = 0; i < TL_NELEM(errno_reasons); i++)
		if (errno_reasons[i].err == err)
			return errno_reasons[i].reason;
	return "cannot be read";
}

/* Errors that are not about the file but about this process. */
static int
errno_fatal(int err)
{
	return err == EMFILE || err == ENFILE || err == ENOMEM;
}

/* --- the walk --------------------------------------------------------- */

struct tl_walk {
	struct tl_repo		*repo;	/* borrowed: being filled */
	struct tl_git_repo	*git;	/* borrowed */
	struct tl_vec		 files;	/* struct tl_file * owned, to repo */
	struct tl_buf		 path;	/* owned: path of the current entry */
	int			 untracked; /* an untracked file was found */
};

static void
skip_add(struct tl_repo *repo, const char *path, const char *reason)
{
	struct tl_skip	*s;

	s = tl_calloc(1, sizeof(*s));
	s->path = tl_strdup(path);
	s->reason = tl_strdup(reason);
	tl_vec_push(&repo->skipped, s);
}

/* Directories whose files are test code. */
static const char *const test_dirs[] = {
	"__fixtures__", "__mocks__", "__snapshots__", "__tests__", "e2e",
	"fixtures", "integration-tests", "spec", "specs", "test", "test-data",
	"test_data", "testdata", "testing", "tests",
};

/* File names of test code, as fnmatch(3) patterns. */
static const char *const test_files[] = {
	"*_test.go",				/* Go */
	"test_*.py", "*_test.py", "conftest.py",	/* pytest */
	"*.test.[jt]s", "*.test.[jt]sx", "*.test.[mc][jt]s",	/* Jest … */
	"*.spec.[jt]s", "*.spec.[jt]sx", "*.spec.[mc][jt]s",
	"*_spec.rb", "*_test.rb",		/* RSpec, minitest */
	"*Test.java", "*Tests.java", "*IT.java",	/* JUnit */
	"*Test.kt", "*Tests.kt",
	"*Test.php",				/* PHPUnit */
	"*Test.cs", "*Tests.cs",		/* xUnit, NUnit */
	"*.bats",				/* shell */
};

/* Suffixes of "test[s][-_]SUFFIX[-negative]" fixture directories. */
static const char *const fixture_words[] = {
	"files", "cases", "data", "fixtures", "resources", "inputs", NULL
};

static int
is_test_dir(const char *s, size_t n)
{
	size_t	 i, k, w;

	for (i = 0; i < TL_NELEM(test_dirs); i++)
		if (strlen(test_dirs[i]) == n && strncasecmp(test_dirs[i], s,
		    n) == 0)
			return 1;
	/* testfiles, tests-negative, test_cases, testdata-negative … */
	if (n < 4 || strncasecmp(s, "test", 4) != 0)
		return 0;
	i = 4;
	if (i < n && (s[i] == 's' || s[i] == 'S'))
		i++;
	if (i < n && (s[i] == '-' || s[i] == '_'))
		i++;
	for (k = 0; fixture_words[k] != NULL; k++) {
		w = strlen(fixture_words[k]);
		if (n - i >= w && strncasecmp(s + i, fixture_words[k], w) == 0) {
			i += w;
			break;
		}
	}
	if (n - i == 9 && strncasecmp(s + i, "-negative", 9) == 0)
		i += 9;
	return i == n && n > 5;
}

int
tl_path_is_test(const char *path)
{
	const char	*s, *slash;
	size_t		 i;

	for (s = path; (slash = strchr(s, '/')) != NULL; s = slash + 1)
		if (is_test_dir(s, (size_t)(slash - s)))
			return 1;
	for (i = 0; i < TL_NELEM(test_files); i++)
		if (fnmatch(test_files[i], s, 0) == 0)
			return 1;
	return 0;
}

/* Directories of third-party code. */
static const char *const vendored_dirs[] = {
	"node_modules", "vendor", "venv", ".venv", "site-packages",
	"dist-packages", "third_party", "third-party", "bower_components",
	".bundle", ".yarn", "Pods", "jspm_packages",
};

int
tl_path_is_vendored(const char *path)
{
	const char	*s, *slash, *prev = NULL;
	size_t		 i, n;

	for (s = path; (slash = strchr(s, '/')) != NULL; s = slash + 1) {
		n = (size_t)(slash - s);
		for (i = 0; i < TL_NELEM(vendored_dirs); i++)
			if (strlen(vendored_dirs[i]) == n &&
			    strncmp(vendored_dirs[i], s, n) == 0)
				return 1;
		/* ASP.NET's client libraries (libman): wwwroot/lib/ */
		if (prev != NULL && n == 3 && strncmp(s, "lib", 3) == 0 &&
		    (size_t)(s - prev) == 8 && strncmp(prev, "wwwroot/", 8) == 0)
			return 1;
		prev = s;
	}
	return fnmatch("*.min.js", s, 0) == 0 ||
	    fnmatch("*.min.css", s, 0) == 0 || fnmatch("*.min.mjs", s, 0) == 0;
}

static void
file_add(struct tl_walk *w, const char *path, enum tl_git_track track)
{
	struct tl_file	*f;
	enum tl_file_kind kind;
	enum tl_lang	 lang;
	const char	*slash;

	f = tl_calloc(1, sizeof(*f));
	f->path = tl_strdup(path);
	slash = strrchr(f->path, '/');
	f->name = slash == NULL ? f->path : slash + 1;
	tl_classify(f->path, &kind, &lang, &f->subtype);
	f->kind = kind;
	f->lang = lang;
	f->tracked = track == TL_GIT_TRACKED;
	f->test = tl_path_is_test(f->path);
	f->vendored = tl_path_is_vendored(f->path);
	tl_vec_init(&f->pfindings);
	if (!f->tracked)
		w->untracked = 1;
	tl_vec_push(&w->files, f);
}

/* Truncate the walk's path back to n bytes. */
static void
path_cut(struct tl_walk *w, size_t n)
{
	w->path.len = n;
	if (w->path.data != NULL)
		w->path.data[n] = '\0';
}

static int	walk_dir(struct tl_walk *, int, size_t);

/* One directory entry; w->path holds its path. */
static int
walk_entry(struct tl_walk *w, int dfd, const char *name, size_t depth)
{
	struct stat	 st;
	enum tl_git_track track;
	const char	*path = tl_buf_str(&w->path), *reason;
	char		*full, *real;
	int		 cfd, nested;

	if (fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) == -1) {
		if (errno != ENOENT)
			skip_add(w->repo, path, errno_reason(errno));
		return 0;
	}
	track = tl_git_path_track(w->git, path);

	if (S_ISDIR(st.st_mode)) {
		if (track == TL_GIT_SUBMODULE) {
			skip_add(w->repo, path, "submodule");
			return 0;
		}
		if (!tl_git_tracked_under(w->git, path)) {
			if (tl_git_ignored(w->git, path, 1))
				return 0;
			full = tl_printf("%s/.git", name);
			nested = fstatat(dfd, full, &st,
			    AT_SYMLINK_NOFOLLOW) == 0;
			free(full);
			if (nested) {
				skip_add(w->repo, path,
				    "nested git repository");
				return 0;
			}
		}
		if (depth >= TL_WALK_MAX_DEPTH) {
			skip_add(w->repo, path, "directory nesting too deep");
			return 0;
		}
		cfd = openat(dfd, name,
		    O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		if (cfd == -1) {
			if (errno_fatal(errno)) {
				tl_error_set("cannot open directory: %s",
				    strerror(errno));
				return TL_EIO;
			}
			skip_add(w->repo, path, errno_reason(errno));
			return 0;
		}
		return walk_dir(w, cfd, depth + 1);
	}

	if (track == TL_GIT_UNTRACKED && tl_git_ignored(w->git, path, 0))
		return 0;

	if (S_ISREG(st.st_mode)) {
		file_add(w, path, track);
		return 0;
	}
	if (S_ISLNK(st.st_mode)) {
		full = tl_printf("%s/%s", w->repo->root, path);
		if (link_resolve(w->repo->root, full, &real, &reason) == 0)
			file_add(w, path, track);
		else
			skip_add(w->repo, path, reason);
		free(real);
		free(full);
		return 0;
	}
	skip_add(w->repo, path, "not a regular file");
	return 0;
}

/* Walk the directory open on dfd (closed here); w->path is its path. */
static int
walk_dir(struct tl_walk *w, int dfd, size_t depth)
{
	DIR		*d;
	struct dirent	*de;
	size_t		 mark = w->path.len;
	int		 error = 0;

	if ((d = fdopendir(dfd)) == NULL) {
		close(dfd);
		skip_add(w->repo, tl_buf_str(&w->path), errno_reason(errno));
		return 0;
	}
	for (;;) {
		errno = 0;
		if ((de = readdir(d)) == NULL) {
			if (errno != 0)
				skip_add(w->repo, tl_buf_str(&w->path),
				    errno_reason(errno));
			break;
		}
		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0 ||
		    strcmp(de->d_name, ".git") == 0)
			continue;
		if (mark > 0)
			tl_buf_addc(&w->path, '/');
		tl_buf_adds(&w->path, de->d_name);
		error = walk_entry(w, dirfd(d), de->d_name, depth);
		path_cut(w, mark);
		if (error < 0)
			break;
	}
	closedir(d);
	return error;
}

static void
file_free_v(void *p)
{
	tl_file_free(p);
}

static int
file_cmp(const void *a, const void *b)
{
	const struct tl_file *const *x = a, *const *y = b;

	return strcmp((*x)->path, (*y)->path);
}

static int
skip_cmp(const void *a, const void *b)
{
	const struct tl_skip *const *x = a, *const *y = b;

	return strcmp((*x)->path, (*y)->path);
}

int
tl_discover(struct tl_repo *repo, const char *target,
    const struct tl_discover_opts *opts)
{
	struct tl_walk	 w;
	struct stat	 st;
	char		*shown;
	int		 fd = -1, error = 0;

	(void)opts;
	memset(repo, 0, sizeof(*repo));
	tl_vec_init(&repo->skipped);
	tl_vec_init(&repo->git.branches);
	memset(&w, 0, sizeof(w));
	w.repo = repo;
	tl_vec_init(&w.files);
	tl_buf_init(&w.path);
	shown = tl_escape(target);

	if ((repo->root = realpath(target, NULL)) == NULL) {
		tl_error_set("cannot open '%s': %s", shown, strerror(errno));
		error = errno == ENOENT || errno == ENOTDIR ? TL_ENOENT :
		    TL_EIO;
		goto out;
	}
	if (stat(repo->root, &st) == -1) {
		tl_error_set("cannot open '%s': %s", shown, strerror(errno));
		error = TL_EIO;
		goto out;
	}
	if (!S_ISDIR(st.st_mode)) {
		tl_error_set("cannot scan '%s': %s", shown, strerror(ENOTDIR));
		error = TL_EUSAGE;
		goto out;
	}
	fd = open(repo->root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd == -1) {
		tl_error_set("cannot read '%s': %s", shown, strerror(errno));
		error = TL_EIO;
		goto out;
	}
	if ((error = tl_git_open(&w.git, &repo->git, repo->root, shown)) < 0)
		goto out;
	error = walk_dir(&w, fd, 0);
	fd = -1;
	if (error < 0)
		goto out;

	tl_vec_sort(&w.files, file_cmp);
	tl_vec_sort(&repo->skipped, skip_cmp);
	repo->files = (struct tl_file **)w.files.items;
	repo->nfiles = w.files.len;
	tl_vec_init(&w.files);
	if (repo->git.is_repo && w.untracked)
		repo->git.dirty = 1;
out:
	if (fd != -1)
		close(fd);
	tl_git_close(w.git);
	tl_vec_release(&w.files, file_free_v);
	tl_buf_release(&w.path);
	free(shown);
	if (error < 0)
		tl_repo_release(repo);
	return error;
}

/* --- safe reading ----------------------------------------------------- */

/*
 * Read the regular file open on fd, at most max bytes.  0 with the
 * contents (NUL-terminated) in *out, 1 with a reason.
 */
#define TL_READ_PAD	64

static int
read_all(int fd, size_t max, char **out, size_t *outlen, const char **reason)
{
	struct stat	 st;
	char		*buf;
	size_t		 len = 0, cap;
	ssize_t		 n;

	*out = NULL;
	if (fstat(fd, &st) == -1) {
		*reason = errno_reason(errno);
		return 1;
	}
	if (!S_ISREG(st.st_mode)) {
		*reason = "not a regular file";
		return 1;
	}
	if (max > SIZE_MAX / 4)
		max = SIZE_MAX / 4;
	if (st.st_size < 0 || (unsigned long long)st.st_size > max) {
		*reason = "larger than --max-file-size";
		return 1;
	}
	/* Room for the NUL and one byte more than expected: EOF in one go. */
	cap = (size_t)st.st_size + 2;
	buf = tl_malloc(cap);
	for (;;) {
		if (len + 1 == cap) {
			/* The file grew while we read it. */
			if (len > max)
				break;
			cap = cap > (max + 2) / 2 ? max + 2 : cap * 2;
			buf = tl_realloc(buf, cap);
		}
		n = read(fd, buf + len, cap - 1 - len);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1) {
			free(buf);
			*reason = errno_reason(errno);
			return 1;
		}
		if (n == 0)
			break;
		len += (size_t)n;
	}
	if (len > max) {
		free(buf);
		*reason = "larger than --max-file-size";
		return 1;
	}
	/*
	 * The NUL, then TL_READ_PAD zero bytes: PCRE2's JIT reads a little
	 * past the subject with vector loads, which valgrind would report.
	 */
	buf = tl_realloc(buf, len + 1 + TL_READ_PAD);
	memset(buf + len, 0, 1 + TL_READ_PAD);
	*out = buf;
	*outlen = len;
	return 0;
}

int
tl_file_load(const struct tl_repo *repo, struct tl_file *f,
    const struct tl_discover_opts *opts, const char **reason)
{
	struct stat	 st;
	const char	*why = NULL;
	char		*full, *real = NULL, *data = NULL, *shown;
	size_t		 max, len = 0;
	int		 fd = -1, rc = 0;

	*reason = NULL;
	if (f->loaded)
		return 0;
	max = opts == NULL || opts->max_file_size == 0 ?
	    TL_MAX_FILE_SIZE_DEFAULT : opts->max_file_size;
	full = tl_printf("%s/%s", repo->root, f->path);

	/* Look before opening: opening a device can have effects. */
	if (lstat(full, &st) == -1) {
		why = errno_reason(errno);
		goto skip;
	}
	if (S_ISLNK(st.st_mode)) {
		if (link_resolve(repo->root, full, &real, &why) != 0)
			goto skip;
	} else if (!S_ISREG(st.st_mode)) {
		why = "not a regular file";
		goto skip;
	}
	fd = open(real != NULL ? real : full,
	    O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (fd == -1) {
		if (errno_fatal(errno)) {
			shown = tl_escape(f->path);
			tl_error_set("cannot open '%s': %s", shown,
			    errno == ENOMEM ? "out of memory" :
			    "too many open files");
			free(shown);
			rc = TL_EIO;
			goto out;
		}
		/* ELOOP (EMLINK on FreeBSD): replaced by a link meanwhile. */
		why = errno == EMLINK ? "symbolic link out of the tree" :
		    errno_reason(errno);
		goto skip;
	}
	if (read_all(fd, max, &data, &len, &why) != 0)
		goto skip;
	if (memchr(data, '\0', len < TL_BINARY_PROBE ? len :
	    TL_BINARY_PROBE) != NULL) {
		free(data);
		why = "binary file";
		goto skip;
	}
	f->data = data;
	f->size = len;
	tl_lines_build(&f->lines, f->data, f->size);
	f->loaded = 1;
	goto out;
skip:
	*reason = why;
	rc = 1;
out:
	if (fd != -1)
		close(fd);
	free(real);
	free(full);
	return rc;
}

/* --- freeing ---------------------------------------------------------- */

void
tl_file_free(struct tl_file *f)
{
	if (f == NULL)
		return;
	free(f->path);
	free(f->data);
	tl_lines_release(&f->lines);
	tl_dockerfile_free(f->docker);
	tl_ydoc_free(f->doc);
	tl_script_free(f->script);
	tl_procfile_free(f->procfile);
	tl_dotenv_free(f->dotenv);
	tl_manifest_free(f->manifest);
	tl_vec_release(&f->pfindings, tl_finding_free);
	free(f);
}

void
tl_skip_free(void *p)
{
	struct tl_skip	*s = p;

	if (s == NULL)
		return;
	free(s->path);
	free(s->reason);
	free(s);
}

void
tl_repo_release(struct tl_repo *repo)
{
	size_t	 i;

	if (repo == NULL)
		return;
	for (i = 0; i < repo->nfiles; i++)
		tl_file_free(repo->files[i]);
	free(repo->files);
	free(repo->root);
	tl_vec_release(&repo->skipped, tl_skip_free);
	free(repo->git.head);
	free(repo->git.branch);
	free(repo->git.remote);
	free(repo->git.prefix);
	tl_vec_release(&repo->git.branches, free);
	memset(repo, 0, sizeof(*repo));
}
