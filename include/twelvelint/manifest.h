/*
 * manifest.h: dependency manifests and lock files, read lightly: what
 * they declare, where, and how each version is pinned.
 *
 * Ownership: a struct tl_manifest owns its dependencies, includes and
 * every string in them; tl_manifest_free() releases all of it.  Names
 * returned by tl_manifest_type_name() are static.
 */
#ifndef TWELVELINT_MANIFEST_H
#define TWELVELINT_MANIFEST_H

#include <stddef.h>

enum tl_manifest_type {
	TL_MF_NONE = 0,
	/* manifests */
	TL_MF_PACKAGE_JSON,
	TL_MF_REQUIREMENTS,	/* requirements*.txt */
	TL_MF_PYPROJECT,
	TL_MF_PIPFILE,
	TL_MF_SETUP_PY,		/* setup.py, setup.cfg (told by content) */
	TL_MF_GO_MOD,
	TL_MF_GEMFILE,
	TL_MF_GEMSPEC,
	TL_MF_POM,
	TL_MF_GRADLE,		/* build.gradle, build.gradle.kts */
	TL_MF_CARGO,
	TL_MF_COMPOSER,
	TL_MF_CSPROJ,		/* *.csproj, *.fsproj, *.vbproj */
	/* lock files */
	TL_MF_PACKAGE_LOCK,	/* package-lock.json, npm-shrinkwrap.json */
	TL_MF_YARN_LOCK,
	TL_MF_PNPM_LOCK,
	TL_MF_BUN_LOCK,		/* bun.lock (text); bun.lockb reads as empty */
	TL_MF_PIPFILE_LOCK,
	TL_MF_POETRY_LOCK,
	TL_MF_UV_LOCK,
	TL_MF_PDM_LOCK,
	TL_MF_GO_SUM,
	TL_MF_GEMFILE_LOCK,
	TL_MF_CARGO_LOCK,
	TL_MF_COMPOSER_LOCK,
	TL_MF_PACKAGES_LOCK,	/* NuGet packages.lock.json */
	TL_MF_GRADLE_LOCK,	/* gradle.lockfile */
	TL_MF__COUNT
};

/* "package.json", "poetry.lock" …; "" for TL_MF_NONE.  Static. */
const char *tl_manifest_type_name(enum tl_manifest_type);

/*
 * The type of a file by its base name ("package.json", "requirements-
 * dev.txt", "App.csproj", "bun.lockb" …), or TL_MF_NONE.
 */
enum tl_manifest_type tl_manifest_type_of(const char *);

/* Is this type a lock file? */
int	tl_manifest_is_lock(enum tl_manifest_type);

/*
 * Does a lock file of type lock lock a manifest of type manifest
 * (package.json: package-lock, yarn, pnpm, bun; Pipfile: Pipfile.lock;
 * pyproject: poetry.lock, uv.lock, pdm.lock; requirements, setup.py:
 * none; …)?
 */
int	tl_manifest_lock_matches(enum tl_manifest_type,
	    enum tl_manifest_type);

/*
 * How tightly a dependency's version is held.
 *
 * FLOATING: any future release may come in: no version, "*", "latest",
 *   "x", a lower bound only (">=1", "> 1"), a git repository without a
 *   ref or on a branch, a Maven/Gradle "LATEST", "RELEASE",
 *   "latest.release", "+", a -SNAPSHOT, a composer "dev-main".
 * RANGE: bounded: "^1.2", "~1.2", "1.x", "~=1.2", ">=1,<2", "~> 1.2",
 *   Cargo "1.2" (a caret range), poetry "^1", "1.2.*", a git tag, a
 *   tarball URL, a version from an unresolved ${property}.
 * EXACT: one version: "==1.2.3", "===1.2.3", npm "1.2.3", Cargo
 *   "=1.2.3", go.mod (always), Gemfile "1.2.3" or "= 1.2.3", Maven
 *   "1.2.3" or "[1.2.3]", NuGet "1.2.3", composer "1.2.3", a git commit
 *   (7 to 64 hex digits, one at least a digit), a requirement with
 *   --hash, a version a Maven/Gradle BOM or NuGet central management
 *   fixes (no version written), every entry of a lock file.
 * LOCAL: resolved inside the source tree: a path ("-e ../x", "file:",
 *   "link:", "portal:", { path = … }, go.mod "replace … => ../x"), a
 *   workspace ("workspace:*", Cargo "workspace = true", uv
 *   { workspace = true }, a pnpm "catalog:"); path says where when known.
 */
enum tl_pin {
	TL_PIN_FLOATING = 0,
	TL_PIN_RANGE,
	TL_PIN_EXACT,
	TL_PIN_LOCAL
};

/*
 * One dependency.  name is as written, without extras or version (Maven
 * and Gradle: "group:artifact"; Cargo: the real package when renamed;
 * csproj project references: the project's file name without extension;
 * a requirement given as a path or URL: its #egg= or last path part).
 *
 * spec is the version as written ("==1.0 ; python_version<'3.8'" keeps
 * "==1.0"; a pom ${property} is resolved from <properties> when it can
 * be), a URL as written ("git+https://…@ref", "file:../x"), or, when a
 * table gives no version, a description: "path:../x", "git:URL#ref",
 * "workspace", "project::core" (Gradle), "replace:../x" (go.mod).  NULL
 * when nothing is written (a bare "numpy", a BOM-managed Maven artifact).
 *
 * pinned is (pin == TL_PIN_EXACT || pin == TL_PIN_LOCAL): a local
 * dependency is not a version to pin (TF0108 reports a path that leaves
 * the repository, with path).
 *
 * A go.mod "replace old => new" is a dependency entry with replace set:
 * name is the module replaced, spec "replace:" + the replacement as
 * written, path the directory when the replacement is a local path.  It
 * is not a dependency of its own; rules comparing with a lock skip it.
 */
struct tl_dep {
	char		*name;		/* owned */
	char		*spec;		/* owned, or NULL */
	char		*path;		/* owned: local path, or NULL */
	unsigned	 line;		/* 1-based, 0 when not known */
	enum tl_pin	 pin;
	int		 pinned;	/* EXACT or LOCAL */
	int		 dev;		/* development or test only */
	int		 optional;	/* an extra, not installed by default */
	int		 peer;		/* package.json peerDependencies */
	int		 replace;	/* go.mod replace directive */
};

/* "-r other.txt" and "-c constraints.txt" in a requirements file. */
struct tl_mf_include {
	char		*path;		/* owned: as written */
	unsigned	 line;
	int		 constraint;	/* -c / --constraint */
};

/*
 * A parsed manifest or lock file.  Lock files list each locked package
 * once (first occurrence), as EXACT dependencies with the locked version
 * as spec.  runtime is the language version the manifest asks for: go.mod
 * "go 1.22", package.json engines.node, pyproject requires-python (or
 * poetry's python dependency), Pipfile [requires] python_version,
 * Gemfile or Gemfile.lock ruby, Cargo rust-version, composer require.php,
 * csproj TargetFramework(s), pom maven.compiler.release/source or
 * java.version.
 *
 * tool (pyproject only) is the project tool that owns dependencies and
 * its lock: "poetry" ([tool.poetry] or the poetry-core backend), "uv"
 * ([tool.uv]), "pdm" ([tool.pdm] or pdm-backend), else the build
 * backend: "hatch", "flit", "setuptools", "maturin"; NULL when nothing
 * says.  Poetry, uv and pdm keep a lock (TF0202); a pyproject with
 * [project] and only a build backend may still be locked by uv: the
 * caller decides from the lock files present.
 *
 * is_binary (Cargo) says the manifest has a [[bin]] table; a package
 * with src/main.rs is a binary too, which the caller, who sees the tree,
 * checks.
 */
struct tl_manifest {
	enum tl_manifest_type type;
	struct tl_dep	*deps;		/* owned; NULL when ndeps is 0 */
	size_t		 ndeps;
	struct tl_mf_include *includes;	/* owned; NULL if none */
	size_t		 nincludes;
	char		*name;		/* owned: package name, or NULL */
	char		*version;	/* owned: its version field, or NULL */
	unsigned	 version_line;
	char		*start;		/* owned: scripts.start, or NULL */
	unsigned	 start_line;
	char		*runtime;	/* owned: see above, or NULL */
	unsigned	 runtime_line;
	int		 is_binary;	/* Cargo: has [[bin]] */
	char		*tool;		/* owned: see above, or NULL */
};

/*
 * Read a manifest or lock file of the given type from len bytes.  0 on
 * success (a file with nothing recognisable is an empty, valid
 * manifest); TL_EPARSE for a malformed JSON file (package.json,
 * composer.json and the JSON locks), with *errline (when not NULL) set
 * to the 1-based line and errmsg (when not NULL, errmsgsz bytes) to a
 * one-line message, also passed to tl_error_set(); *out is then NULL.
 * The other formats are read leniently and never fail.  data need not be
 * NUL-terminated.
 */
int	tl_manifest_parse(struct tl_manifest **, enum tl_manifest_type,
	    const char *, size_t, unsigned *, char *, size_t);
void	tl_manifest_free(struct tl_manifest *);

/*
 * The first dependency named name, compared as the ecosystem does:
 * Python names normalised (PEP 503: case and runs of "-_." ignored),
 * NuGet and composer names without case, others exactly.  NULL when
 * there is none.  Borrowed from the manifest.
 */
const struct tl_dep *tl_manifest_find(const struct tl_manifest *,
	    const char *);

#endif /* TWELVELINT_MANIFEST_H */
