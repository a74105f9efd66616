/*
 * f02_dependencies.c: factor II, Dependencies
 * (https://12factor.net/dependencies).  Explicitly declare and isolate
 * dependencies.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"

/* ------------------------------------------------------------- TF0201 */

/*
 * A third-party import found in a source file: the module's name (a
 * pointer into the file's data) and its line.
 */
struct import {
	const char	*name;
	size_t		 len;
	unsigned	 line;
};

static int
is_ident(int c)
{
	return isalnum(c) || c == '_';
}

/* Is a top-level Python module local to the repository (x.py or x/)? */
static int
python_local(const struct tl_repo *repo, const char *name, size_t len)
{
	const char	*p, *e;
	size_t		 i;

	for (i = 0; i < repo->nfiles; i++) {
		for (p = repo->files[i]->path; *p != '\0'; p = *e ? e + 1 : e) {
			e = strchr(p, '/');
			if (e == NULL)
				e = p + strlen(p);
			if ((size_t)(e - p) >= len && strncmp(p, name, len) == 0 &&
			    (p + len == e || strncmp(p + len, ".py",
			    3) == 0))
				return 1;
		}
	}
	return 0;
}

/* "import a.b, c" / "from a.b import c": the first third-party module. */
static int
python_import(const struct tl_repo *repo, const struct tl_file *f,
    struct import *out)
{
	const char	*p, *q;
	size_t		 len, n;
	unsigned	 line;

	for (line = 1; line <= f->lines.n; line++) {
		p = tl_lines_get(&f->lines, f->data, f->size, line, &len);
		q = p + len;
		while (p < q && (*p == ' ' || *p == '\t'))
			p++;
		if ((size_t)(q - p) > 5 && strncmp(p, "from ", 5) == 0)
			p += 5;
		else if ((size_t)(q - p) > 7 && strncmp(p, "import ", 7) == 0)
			p += 7;
		else
			continue;
		while (p < q && *p == ' ')
			p++;
		for (n = 0; p + n < q && is_ident((unsigned char)p[n]); n++)
			;
		/* Relative imports, __future__ and private modules. */
		if (n == 0 || *p == '_' || isdigit((unsigned char)*p))
			continue;
		if (tl_python_stdlib(p, n) || python_local(repo, p, n))
			continue;
		out->name = p;
		out->len = n;
		out->line = line;
		return 1;
	}
	return 0;
}

/* The package of a bare JS module specifier, or 0 when it is not bare. */
static size_t
js_package(const char *s, size_t n)
{
	size_t	 i, slash = 0;

	if (n == 0 || s[0] == '.' || s[0] == '/' || s[0] == '~' ||
	    s[0] == '#' || memchr(s, ':', n) != NULL || memchr(s, '$', n))
		return 0;
	if (s[0] == '@') {
		/* @scope/name; "@/x" is a bundler alias, not a package. */
		if (n < 3 || s[1] == '/')
			return 0;
		for (i = 1; i < n && s[i] != '/'; i++)
			;
		if (i == n)
			return 0;
		slash = 1;
	}
	for (i = 0; i < n; i++)
		if (s[i] == '/' && slash-- == 0)
			return i;
	return n;
}

/*
 * Modules a runtime provides and no manifest can declare: AppSync's
 * JavaScript resolver runtime.
 */
static const char *const js_platform[] = {
	"@aws-appsync/utils", NULL
};

static int
js_platform_module(const char *s, size_t n)
{
	size_t	 i;

	for (i = 0; js_platform[i] != NULL; i++)
		if (strlen(js_platform[i]) == n &&
		    strncmp(s, js_platform[i], n) == 0)
			return 1;
	return 0;
}

/* require('x'), import … from 'x', import 'x', import('x'). */
static int
js_import(const struct tl_file *f, struct import *out)
{
	static const char *const keys[] = {
		"require(", "from ", "import ", "import("
	};
	const char	*p, *e, *k, *s;
	size_t		 len, i, n, pkg;
	unsigned	 line;

	for (line = 1; line <= f->lines.n; line++) {
		p = tl_lines_get(&f->lines, f->data, f->size, line, &len);
		e = p + len;
		for (i = 0; i < TL_NELEM(keys); i++) {
			for (k = p; (k = tl_memcasemem(k, (size_t)(e - k),
			    keys[i], strlen(keys[i]))) != NULL; k++) {
				if (k > p && is_ident((unsigned char)k[-1]))
					continue;
				s = k + strlen(keys[i]);
				while (s < e && *s == ' ')
					s++;
				if (s >= e || (*s != '\'' && *s != '"'))
					continue;
				for (n = 1; s + n < e && s[n] != *s; n++)
					;
				if (s + n >= e)
					continue;
				pkg = js_package(s + 1, n - 1);
				if (pkg == 0 || tl_node_builtin(s + 1, pkg) ||
				    js_platform_module(s + 1, pkg))
					continue;
				out->name = s + 1;
				out->len = pkg;
				out->line = line;
				return 1;
			}
		}
	}
	return 0;
}

/* Go: an import path whose first element has a dot is not the stdlib. */
static int
go_import(const struct tl_file *f, struct import *out)
{
	const char	*p, *e, *s;
	size_t		 len, n;
	unsigned	 line;
	int		 block = 0;

	for (line = 1; line <= f->lines.n; line++) {
		p = tl_lines_get(&f->lines, f->data, f->size, line, &len);
		e = p + len;
		while (p < e && (*p == ' ' || *p == '\t'))
			p++;
		if ((size_t)(e - p) >= 6 && strncmp(p, "import", 6) == 0) {
			p += 6;
			while (p < e && *p == ' ')
				p++;
			if (p < e && *p == '(') {
				block = 1;
				continue;
			}
		} else if (!block)
			continue;
		if (block && p < e && *p == ')') {
			block = 0;
			continue;
		}
		if ((s = memchr(p, '"', (size_t)(e - p))) == NULL)
			continue;
		s++;
		for (n = 0; s + n < e && s[n] != '"' && s[n] != '/'; n++)
			;
		if (memchr(s, '.', n) == NULL)
			continue;
		for (n = 0; s + n < e && s[n] != '"'; n++)
			;
		out->name = s;
		out->len = n;
		out->line = line;
		return 1;
	}
	return 0;
}

struct lang_deps {
	enum tl_lang	 lang;
	const char	*declare;	/* for the message */
	enum tl_manifest_type manifests[4];
};

static const struct lang_deps lang_deps[] = {
	{ TL_LANG_PYTHON, "requirements.txt, pyproject.toml, Pipfile or setup.py",
	  { TL_MF_REQUIREMENTS, TL_MF_PYPROJECT, TL_MF_PIPFILE,
	    TL_MF_SETUP_PY } },
	{ TL_LANG_JAVASCRIPT, "package.json", { TL_MF_PACKAGE_JSON } },
	{ TL_LANG_TYPESCRIPT, "package.json", { TL_MF_PACKAGE_JSON } },
	{ TL_LANG_GO, "go.mod", { TL_MF_GO_MOD } },
};

/* Is there a manifest of one of these types in dir or above it? */
static int
declared_above(const struct tl_repo *repo, const char *path,
    const enum tl_manifest_type *types, size_t ntypes)
{
	const struct tl_file	*m;
	char			*dir, *mdir;
	size_t			 i, k, n;
	int			 found = 0;

	dir = tl_path_dir(path);
	for (i = 0; i < repo->nfiles && !found; i++) {
		m = repo->files[i];
		if (m->kind != TL_FILE_MANIFEST)
			continue;
		for (k = 0; k < ntypes; k++)
			if (types[k] != TL_MF_NONE &&
			    m->subtype == (int)types[k])
				break;
		if (k == ntypes)
			continue;
		mdir = tl_path_dir(m->path);
		n = strlen(mdir);
		if (n == 0 || (strncmp(dir, mdir, n) == 0 &&
		    (dir[n] == '\0' || dir[n] == '/')))
			found = 1;
		free(mdir);
	}
	free(dir);
	return found;
}

static int	tf0201_check(struct tl_check *);

static const struct tl_rule tf0201 = {
	.id = "TF0201",
	.name = "undeclared-dependencies",
	.factor = TL_FACTOR_DEPENDENCIES,
	.severity = TL_SEV_ERROR,
	.needs = TL_NEED(TL_FILE_SOURCE),
	.summary = "source imports packages no manifest declares",
	.rationale =
	    "A twelve-factor app never relies on the implicit existence of "
	    "system-wide packages: it declares all of its dependencies in a "
	    "manifest. This rule looks for source files (not tests, "
	    "documentation or vendored trees) that import a third-party "
	    "module (Python: not in the standard library and not a module "
	    "of the repository; JavaScript/TypeScript: a bare package that "
	    "is not a Node built-in nor provided by the AppSync resolver "
	    "runtime; Go: an import path with a host name) "
	    "while no manifest for that language sits in the file's "
	    "directory or any directory above it. Languages that are only "
	    "scripts on the standard library need no manifest and are not "
	    "reported.",
	.fix =
	    "Declare the dependencies next to the code: requirements.txt or "
	    "pyproject.toml for Python, package.json for JavaScript and "
	    "TypeScript, go.mod for Go, with versions pinned and a lock "
	    "file committed. Build the image or Lambda package from that "
	    "manifest in CodeBuild so that nothing comes from the build "
	    "machine.",
	.see_also = NULL,
	.check = tf0201_check,
};

static int
tf0201_check(struct tl_check *c)
{
	const struct tl_lang_deps_unused *unused = NULL;
	const struct tl_file	*f, *first;
	const struct lang_deps	*ld;
	struct import		 imp, first_imp;
	size_t			 i, count;
	int			 found, error;

	(void)unused;
	for (i = 0; i < TL_NELEM(lang_deps); i++) {
		ld = &lang_deps[i];
		first = NULL;
		count = 0;
		memset(&first_imp, 0, sizeof(first_imp));
		TL_FOREACH_FILE(f, c->repo, TL_FILE_SOURCE) {
			if (f->lang != ld->lang || tl_path_is_docs(f->path))
				continue;
			if (declared_above(c->repo, f->path, ld->manifests,
			    TL_NELEM(ld->manifests)))
				continue;
			switch (ld->lang) {
			case TL_LANG_PYTHON:
				found = python_import(c->repo, f, &imp);
				break;
			case TL_LANG_GO:
				found = go_import(f, &imp);
				break;
			default:
				found = js_import(f, &imp);
				break;
			}
			if (!found)
				continue;
			if (count++ == 0) {
				first = f;
				first_imp = imp;
			}
		}
		if (first == NULL)
			continue;
		error = tl_report(c, first, first_imp.line, 0,
		    tl_lang_name(ld->lang),
		    "'%.*s' is imported but no %s declares the %s "
		    "dependencies%s", (int)first_imp.len, first_imp.name,
		    ld->declare, tl_lang_name(ld->lang),
		    count > 1 ? " (and in other files too)" : "");
		if (error != 0)
			return error;
	}
	return 0;
}

/* ------------------------------------------------------------- TF0202 */

/* Does the directory hold something that deploys (an app root)? */
static int
is_app_dir(const struct tl_repo *repo, const char *dir)
{
	static const enum tl_file_kind deploys[] = {
		TL_FILE_DOCKERFILE, TL_FILE_PROCFILE, TL_FILE_COMPOSE,
		TL_FILE_TEMPLATE, TL_FILE_APPSPEC, TL_FILE_BUILDSPEC
	};
	const struct tl_file	*f;
	size_t			 i, k, n = strlen(dir);

	for (i = 0; i < repo->nfiles; i++) {
		f = repo->files[i];
		for (k = 0; k < TL_NELEM(deploys); k++)
			if (f->kind == deploys[k])
				break;
		if (k == TL_NELEM(deploys))
			continue;
		if (n == 0 ? strchr(f->path, '/') == NULL :
		    strncmp(f->path, dir, n) == 0 && f->path[n] == '/' &&
		    strchr(f->path + n + 1, '/') == NULL)
			return 1;
	}
	return 0;
}

/* A lock of one of these types in dir (or, with up, any parent dir)? */
static int
locked(const struct tl_repo *repo, const char *dir, int up,
    const enum tl_manifest_type *types, size_t ntypes)
{
	const struct tl_file	*f;
	char			*ldir;
	size_t			 i, k, n;
	int			 found = 0;

	for (i = 0; i < repo->nfiles && !found; i++) {
		f = repo->files[i];
		if (f->kind != TL_FILE_LOCKFILE)
			continue;
		for (k = 0; k < ntypes; k++)
			if (f->subtype == (int)types[k])
				break;
		if (k == ntypes)
			continue;
		ldir = tl_path_dir(f->path);
		n = strlen(ldir);
		if (strcmp(ldir, dir) == 0 || (up && (n == 0 ||
		    (strncmp(dir, ldir, n) == 0 && dir[n] == '/'))))
			found = 1;
		free(ldir);
	}
	return found;
}

struct lock_rule {
	enum tl_manifest_type	 manifest;
	const char		*tool;		/* pyproject: this build tool only */
	int			 app_only;	/* only where the directory deploys */
	int			 up;		/* a workspace lock above counts */
	const char		*locks;		/* for the message */
	const char		*how;		/* the command that writes it */
	enum tl_manifest_type	 types[5];
};

static const struct lock_rule lock_rules[] = {
	{ TL_MF_PACKAGE_JSON, NULL, 1, 1,
	  "package-lock.json, yarn.lock, pnpm-lock.yaml or bun.lock",
	  "npm install",
	  { TL_MF_PACKAGE_LOCK, TL_MF_YARN_LOCK, TL_MF_PNPM_LOCK,
	    TL_MF_BUN_LOCK } },
	{ TL_MF_PIPFILE, NULL, 0, 0, "Pipfile.lock", "pipenv lock",
	  { TL_MF_PIPFILE_LOCK } },
	{ TL_MF_PYPROJECT, "poetry", 1, 0, "poetry.lock", "poetry lock",
	  { TL_MF_POETRY_LOCK } },
	{ TL_MF_PYPROJECT, "uv", 1, 1, "uv.lock", "uv lock",
	  { TL_MF_UV_LOCK } },
	{ TL_MF_PYPROJECT, "pdm", 1, 0, "pdm.lock", "pdm lock",
	  { TL_MF_PDM_LOCK } },
	{ TL_MF_GEMFILE, NULL, 0, 0, "Gemfile.lock", "bundle lock",
	  { TL_MF_GEMFILE_LOCK } },
	{ TL_MF_COMPOSER, NULL, 1, 0, "composer.lock", "composer update",
	  { TL_MF_COMPOSER_LOCK } },
	{ TL_MF_CARGO, NULL, 1, 1, "Cargo.lock", "cargo generate-lockfile",
	  { TL_MF_CARGO_LOCK } },
	{ TL_MF_GO_MOD, NULL, 0, 0, "go.sum", "go mod tidy",
	  { TL_MF_GO_SUM } },
};

/* package.json of an application: private, or with a start script. */
static int
package_is_app(const struct tl_file *f)
{
	return (f->manifest != NULL && f->manifest->start != NULL) ||
	    strstr(f->data, "\"private\": true") != NULL ||
	    strstr(f->data, "\"private\":true") != NULL;
}

/* A gem (a *.gemspec beside the Gemfile) does not commit its lock. */
static int
has_gemspec(const struct tl_repo *repo, const char *dir)
{
	const struct tl_file	*f;
	char			*d;
	size_t			 i;
	int			 found = 0;

	for (i = 0; i < repo->nfiles && !found; i++) {
		f = repo->files[i];
		if (f->kind != TL_FILE_MANIFEST || f->subtype != TL_MF_GEMSPEC)
			continue;
		d = tl_path_dir(f->path);
		found = strcmp(d, dir) == 0;
		free(d);
	}
	return found;
}

static int	tf0202_check(struct tl_check *);

static const struct tl_rule tf0202 = {
	.id = "TF0202",
	.name = "missing-lock-file",
	.factor = TL_FACTOR_DEPENDENCIES,
	.severity = TL_SEV_WARNING,
	.needs = TL_NEED(TL_FILE_MANIFEST),
	.summary = "manifest without its lock file",
	.rationale =
	    "Declaring dependencies is half of factor II; the other half is "
	    "isolation: every build must resolve exactly the same versions, "
	    "or two deploys of one commit run different code. A lock file "
	    "records the resolved tree. Checked for applications only: "
	    "package.json that is private or has a start script, or any "
	    "manifest beside a Dockerfile, Procfile, compose file, template, "
	    "buildspec or appspec; Pipfile, Gemfile (unless it belongs to a "
	    "gem) and go.mod with requirements always. A workspace lock in "
	    "a parent directory counts for npm, yarn, pnpm, uv and Cargo.",
	.fix =
	    "Generate the lock file (npm install, pipenv lock, poetry lock, "
	    "uv lock, bundle lock, composer update, cargo generate-lockfile, "
	    "go mod tidy), commit it, and install from it in the build "
	    "(npm ci, pip install --require-hashes, bundle install --frozen) "
	    "so CodeBuild produces the same tree every time.",
	.see_also = NULL,
	.check = tf0202_check,
};

static int
tf0202_check(struct tl_check *c)
{
	const struct lock_rule	*lr;
	const struct tl_file	*f;
	char			*dir;
	size_t			 i;
	int			 error = 0, app;

	TL_FOREACH_FILE(f, c->repo, TL_FILE_MANIFEST) {
		if (f->manifest == NULL || f->manifest->ndeps == 0)
			continue;
		for (i = 0; i < TL_NELEM(lock_rules); i++) {
			lr = &lock_rules[i];
			if (f->subtype != (int)lr->manifest)
				continue;
			if (lr->tool != NULL && (f->manifest->tool == NULL ||
			    strcmp(f->manifest->tool, lr->tool) != 0))
				continue;
			dir = tl_path_dir(f->path);
			app = is_app_dir(c->repo, dir) ||
			    (lr->manifest == TL_MF_PACKAGE_JSON &&
			    package_is_app(f)) ||
			    (lr->manifest == TL_MF_CARGO &&
			    f->manifest->is_binary);
			if ((lr->app_only && !app) ||
			    (lr->manifest == TL_MF_GEMFILE &&
			    has_gemspec(c->repo, dir)) ||
			    locked(c->repo, dir, lr->up, lr->types,
			    TL_NELEM(lr->types))) {
				free(dir);
				continue;
			}
			free(dir);
			error = tl_report(c, f, 1, 1, lr->locks,
			    "%s declares %zu dependenc%s but no %s is "
			    "committed beside it: run '%s' and commit the "
			    "result", f->name, f->manifest->ndeps,
			    f->manifest->ndeps == 1 ? "y" : "ies", lr->locks,
			    lr->how);
			if (error != 0)
				return error;
			break;
		}
	}
	return 0;
}

/* ------------------------------------------------------------- TF0204 */

static int	tf0204_check(struct tl_check *);

static const struct tl_rule tf0204 = {
	.id = "TF0204",
	.name = "unpinned-base-image",
	.factor = TL_FACTOR_DEPENDENCIES,
	.severity = TL_SEV_ERROR,
	.needs = TL_NEED(TL_FILE_DOCKERFILE),
	.summary = "base image without a tag or on :latest",
	.rationale =
	    "The base image is the first dependency of a container. An "
	    "image named without a tag, or with :latest, resolves to "
	    "whatever was pushed last: two builds of the same commit get "
	    "different operating systems and runtimes. Stages built FROM an "
	    "earlier stage, scratch, and references whose tag comes from a "
	    "build argument without a default are not reported.",
	.fix =
	    "Pin the base image to a version tag (node:20.11-bookworm-slim) "
	    "or, better, to a digest (node:20.11@sha256:…), and let a bot or "
	    "a scheduled CodeBuild job raise the pin. Mirror it in Amazon "
	    "ECR so builds do not depend on a public registry.",
	.see_also = "hadolint DL3006, DL3007; checkov CKV_DOCKER_7; "
	    "trivy DS001",
	.check = tf0204_check,
};

static int
tf0204_check(struct tl_check *c)
{
	const struct tl_file	*f;
	const struct tl_df_stage *st;
	char			*name, *tag, *digest;
	size_t			 i;
	int			 error = 0;

	TL_FOREACH_FILE(f, c->repo, TL_FILE_DOCKERFILE) {
		for (i = 0; f->docker != NULL && i < f->docker->nstages; i++) {
			st = &f->docker->stages[i];
			if (st->parent >= 0 || st->image == NULL ||
			    strcmp(st->image, "scratch") == 0 ||
			    strchr(st->image, '$') != NULL)
				continue;
			if (tl_df_image_split(st->image, &name, &tag,
			    &digest) != 0)
				continue;
			if (digest == NULL && tag == NULL &&
			    strchr(st->image_raw, '$') == NULL)
				error = tl_report(c, f, st->line, 0, st->image,
				    "FROM '%s' has no tag: it is whatever "
				    "%s:latest is on the day of the build",
				    st->image, name);
			else if (digest == NULL && tag != NULL &&
			    strcmp(tag, "latest") == 0)
				error = tl_report(c, f, st->line, 0, st->image,
				    "FROM '%s' follows the moving latest tag",
				    st->image);
			free(name);
			free(tag);
			free(digest);
			if (error != 0)
				return error;
		}
	}
	return 0;
}

static const struct tl_rule *const rules[] = {
	&tf0201,
	&tf0202,
	&tf0204,
};

const struct tl_module tl_module_DEPENDENCIES = {
	TL_FACTOR_DEPENDENCIES, rules, TL_NELEM(rules), NULL, NULL
};
