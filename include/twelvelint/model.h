/*
 * model.h: the repository model rules read: the files found, what kind each
 * is, its contents and parsed forms, what was skipped, and the git facts.
 *
 * Ownership: a struct tl_repo owns its files, skips and git facts; a
 * struct tl_file owns its path, data, line index and parsed forms.  Rules
 * only borrow from the model, for as long as the scan lives, and never
 * change it.
 */
#ifndef TWELVELINT_MODEL_H
#define TWELVELINT_MODEL_H

#include <stddef.h>

#include "twelvelint.h"
#include "dockerfile.h"
#include "yaml.h"
#include "shell.h"
#include "manifest.h"

/*
 * What a file is, one kind per file.  Discovery classifies by name;
 * loading refines TL_FILE_YAML/TL_FILE_JSON to TEMPLATE or TASKDEF by
 * content.  Keep TL_FILE__COUNT <= 30: bits 30 and 31 of the needs
 * masks are TL_NEED_SERVICE and TL_NEED_GIT.
 */
enum tl_file_kind {
	TL_FILE_OTHER = 0,
	TL_FILE_DOCKERFILE,	/* Dockerfile, Dockerfile.*, *.Dockerfile, Containerfile */
	TL_FILE_SCRIPT,		/* shell scripts (*.sh, *.bash, entrypoints) */
	TL_FILE_TEMPLATE,	/* CloudFormation / SAM, by content */
	TL_FILE_TASKDEF,	/* ECS task definition JSON, by content */
	TL_FILE_COMPOSE,	/* docker-compose*.yml, compose*.yaml */
	TL_FILE_BUILDSPEC,	/* buildspec*.yml */
	TL_FILE_APPSPEC,	/* appspec.yml */
	TL_FILE_PROCFILE,	/* Procfile */
	TL_FILE_MANIFEST,	/* package.json, requirements*.txt, … (subtype) */
	TL_FILE_LOCKFILE,	/* package-lock.json, poetry.lock, … (subtype) */
	TL_FILE_DOTENV,		/* .env, .env.* */
	TL_FILE_CI,		/* .github/workflows/NAME, .gitlab-ci.yml, Jenkinsfile, … */
	TL_FILE_SOURCE,		/* application source (lang) */
	TL_FILE_IGNORE,		/* .gitignore, .dockerignore */
	TL_FILE_YAML,		/* other YAML */
	TL_FILE_JSON,		/* other JSON */
	TL_FILE_CREDENTIALS,	/* *.pem, *.key, id_rsa, credentials, .npmrc, … */
	TL_FILE__COUNT
};

#define TL_NEED(kind)	(1UL << (kind))
/* The rule needs the git facts of a repository (not a file kind). */
#define TL_NEED_GIT	(1UL << 31)
/*
 * The rule needs a long-running service: a Dockerfile that is not for
 * development, a Procfile, a compose file or an ECS task definition.  A
 * Lambda-only application or a library runs none (not a file kind).
 */
#define TL_NEED_SERVICE	(1UL << 30)

const char	*tl_file_kind_name(enum tl_file_kind);	/* "Dockerfile", "compose file" … */

enum tl_lang {
	TL_LANG_NONE = 0,
	TL_LANG_PYTHON,
	TL_LANG_JAVASCRIPT,
	TL_LANG_TYPESCRIPT,
	TL_LANG_GO,
	TL_LANG_RUBY,
	TL_LANG_JAVA,
	TL_LANG_KOTLIN,
	TL_LANG_PHP,
	TL_LANG_CSHARP,
	TL_LANG_RUST,
	TL_LANG_SHELL,
	TL_LANG__COUNT
};

const char	*tl_lang_name(enum tl_lang);	/* "Python" … */

struct tl_file {
	char		*path;		/* owned: relative to the target, '/'-separated */
	const char	*name;		/* borrowed: the last component of path */
	enum tl_file_kind kind;
	enum tl_lang	 lang;		/* TL_FILE_SOURCE and TL_FILE_SCRIPT */
	int		 subtype;	/* enum tl_manifest_type for MANIFEST/LOCKFILE */
	unsigned	 tracked : 1;	/* in the git index (0 outside git) */
	unsigned	 test : 1;	/* test code or fixtures, by path (tl_path_is_test) */
	unsigned	 vendored : 1;	/* third-party code kept in the tree (tl_path_is_vendored) */
	unsigned	 loaded : 1;	/* data was read */
	unsigned	 broken : 1;	/* did not parse: TF0001 reported; rules skip it */

	char		*data;		/* owned: contents, NUL-terminated, or NULL */
	size_t		 size;		/* bytes in data, without the NUL */
	struct tl_lines	 lines;		/* owned: line index of data */

	/* Parsed forms; at most one is set, by kind. */
	struct tl_dockerfile *docker;	/* owned: TL_FILE_DOCKERFILE */
	struct tl_ydoc	*doc;		/* owned: YAML/JSON kinds, TEMPLATE, TASKDEF, COMPOSE, … */
	struct tl_script *script;	/* owned: TL_FILE_SCRIPT */
	struct tl_procfile *procfile;	/* owned: TL_FILE_PROCFILE */
	struct tl_dotenv *dotenv;	/* owned: TL_FILE_DOTENV */
	struct tl_manifest *manifest;	/* owned: TL_FILE_MANIFEST / TL_FILE_LOCKFILE */

	struct tl_vec	 pfindings;	/* struct tl_finding * owned: findings made while loading (TF0001, patterns) until the engine collects them */
	const char	*skip_reason;	/* static: why it was not read, or NULL */
};

/* Branches whose divergence from the default branch can be counted. */
#define TL_GIT_AHEAD_MAX	1024

struct tl_git {
	int	 is_repo;	/* the target is inside a git work tree */
	int	 has_commits;	/* HEAD resolves to a commit */
	int	 shallow;
	int	 dirty;		/* tracked changes or untracked files */
	char	*head;		/* owned: hex commit id of HEAD, or NULL */
	char	*branch;	/* owned: short branch name, NULL when detached */
	char	*remote;	/* owned: URL of "origin" (or the first remote), user:password stripped, or NULL */
	size_t	 nremotes;
	size_t	 ntags;
	char	*prefix;	/* owned: target path relative to the work tree root, "" at the root */
	struct tl_vec branches;	/* char * owned: local and remote-tracking branch names */
	/*
	 * The default branch, as 1 + its index in branches (0: none found):
	 * the target of origin/HEAD, else main, master, origin/main,
	 * origin/master.  For an environment branch (tl_git_env_branch())
	 * among the first nahead, ahead[i] counts the commits of branches[i]
	 * that the default branch cannot reach; -1 for other branches or
	 * when not known.  nahead is 0 without a default branch.
	 */
	size_t	 default_branch;
	size_t	 nahead;
	int	 ahead[TL_GIT_AHEAD_MAX];
};

struct tl_repo {
	char		 *root;		/* owned: absolute, real path of the target */
	struct tl_file	**files;	/* owned: sorted by path */
	size_t		  nfiles;
	struct tl_vec	  skipped;	/* struct tl_skip * owned, sorted by path */
	struct tl_git	  git;
};

/*
 * Iterate over the readable, parsed files of one kind that belong to the
 * application, in path order.  Files that were skipped (binary, too large
 * …) stay in repo->files with loaded == 0 for the rules that only need
 * names, and test code, fixtures and vendored trees are in repo->files
 * too: this loop omits all of them.
 */
#define TL_FOREACH_FILE(f, repo, k)					\
	for (size_t f##_i_ = 0; f##_i_ < (repo)->nfiles; f##_i_++)	\
		if (((f) = (repo)->files[f##_i_])->kind == (k) &&	\
		    (f)->loaded && !(f)->broken && !(f)->test &&	\
		    !(f)->vendored)

/* The first file with this exact path, or NULL. */
const struct tl_file *tl_repo_file(const struct tl_repo *, const char *);
/* Is there at least one usable file of this kind? */
int	tl_repo_has_kind(const struct tl_repo *, enum tl_file_kind);

/* --- discover.c ------------------------------------------------------- */

/* The default of --max-file-size (4 MiB). */
#define TL_MAX_FILE_SIZE_DEFAULT	((size_t)4 << 20)

struct tl_discover_opts {
	size_t	max_file_size;	/* larger files are skipped; 0: default */
};

/*
 * Classify a relative path by its name: kind, language and manifest
 * subtype.  Content-based kinds (TEMPLATE, TASKDEF) are decided later.
 */
void	tl_classify(const char *, enum tl_file_kind *, enum tl_lang *, int *);

/*
 * Test code and fixtures, by path: a directory named test, tests, spec,
 * __tests__, testdata, fixtures, e2e … or test[s][-_]{files,cases,data,
 * fixtures,resources}[-negative], or a file named like test code
 * (*_test.go, test_*.py, *.test.ts, *_spec.rb, *Test.java …).
 */
int	tl_path_is_test(const char *);
/*
 * Third-party code kept in the tree: node_modules, vendor, venv, .venv,
 * site-packages, third_party, bower_components, .bundle, .yarn,
 * wwwroot/lib, and minified *.min.js / *.min.css files.
 */
int	tl_path_is_vendored(const char *);

/*
 * Find the files of the target: through libgit2 (index plus untracked
 * files that are not ignored), or outside git through a throwaway
 * repository whose work tree is the target, so .gitignore still applies.
 * Fills repo->root, files (unloaded), skipped and git; on error the repo
 * is left empty (tl_repo_release() is still safe).  Nothing is written
 * into the target; no symbolic link is followed (a link to a regular file
 * inside the target is listed, others skipped); .git is never listed.
 * Skipped, with their reason: submodules, nested repositories, special
 * files, links out of the tree, unreadable or too deeply nested
 * directories.  A target that is a file is refused (scan its directory).
 * Returns TL_ENOENT when
 * the target does not exist, TL_EUSAGE when it is not a directory, a bare
 * repository or inside a .git directory, TL_EIO when its root cannot be
 * read or the repository cannot be opened.
 */
int	tl_discover(struct tl_repo *, const char *,
	    const struct tl_discover_opts *);

/*
 * Read one file safely (no symbolic link out of the tree, no FIFO or
 * device, not over the size limit, not binary).  On success sets data,
 * size, lines and loaded and returns 0; the data is kept byte for byte (a
 * UTF-8 byte order mark is not removed).  Otherwise returns 1 and sets
 * *reason to a static string ("binary file", "larger than
 * --max-file-size", "permission denied" …) for the skip list; negative on
 * a real error (out of file descriptors).  Thread-safe for different
 * files; a file already loaded returns 0 at once.
 */
int	tl_file_load(const struct tl_repo *, struct tl_file *,
	    const struct tl_discover_opts *, const char **);

void	tl_repo_release(struct tl_repo *);
void	tl_file_free(struct tl_file *);
void	tl_skip_free(void *);

/*
 * Path helpers shared with git.c.  tl_path_within(): when path is dir or
 * lies under it (both absolute, no trailing '/', "/" allowed for dir), the
 * rest of path after dir and its '/' ("" for dir itself, borrowed from
 * path); otherwise NULL.  tl_path_in_gitdir(): does a relative path have a
 * ".git" component?
 */
const char *tl_path_within(const char *, const char *);
int	tl_path_in_gitdir(const char *);

/* --- git.c: the only file that calls libgit2 -------------------------- */

/* Library set-up; call once from main before any thread starts. */
int	tl_git_init(void);
void	tl_git_shutdown(void);

/*
 * Is a branch named like a deploy environment: prod, production, staging,
 * stage, stg, qa, uat, preprod, pre-prod, preproduction, pre-production,
 * live (any case), env/…, envs/…, environment/…, environments/…, or
 * release/, releases/, deploy/, deployment/ followed by one of those
 * names?  A remote-tracking name ("origin/prod") is also read without its
 * first component.  No I/O: rules may call it.
 */
int	tl_git_env_branch(const char *);

/* SHA-1 of a byte string as 40 hex digits + NUL (fingerprints). */
void	tl_git_hash_hex(char [41], const void *, size_t);

/*
 * A remote URL with its credentials removed, owned by the caller: the
 * whole userinfo of a URL when it holds a password ("user:secret@") or
 * when the scheme is not ssh (a bare "token@" of https); "ssh://git@…"
 * and scp-like "git@host:path" are kept as they are.
 */
char	*tl_git_url_clean(const char *);

/*
 * The repository discovery walks with (internal to discover.c and git.c):
 * the repository around the target, or a throwaway bare one in a new
 * temporary directory whose work tree is set, in memory only, to the
 * target.  tl_git_open(out, facts, root, shown) takes the real path of
 * the target and its name for messages (already escaped), and fills the
 * git facts (is_repo, prefix, head …; best effort: a broken HEAD or an
 * unreadable corner of the tree leaves a fact unset, it does not fail);
 * errors as tl_discover().  tl_git_close() frees it and removes the
 * throwaway directory.  Paths passed to the queries are relative to the
 * target, '/'-separated.
 */
struct tl_git_repo;

enum tl_git_track {
	TL_GIT_UNTRACKED = 0,
	TL_GIT_TRACKED,		/* in the index (any stage) */
	TL_GIT_SUBMODULE	/* a gitlink in the index */
};

int	tl_git_open(struct tl_git_repo **, struct tl_git *, const char *,
	    const char *);
void	tl_git_close(struct tl_git_repo *);
/* Is the path in the index, and as what? */
enum tl_git_track tl_git_path_track(struct tl_git_repo *, const char *);
/* Does the index hold any path under this directory? */
int	tl_git_tracked_under(struct tl_git_repo *, const char *);
/* Do the ignore rules exclude it (isdir: as a directory)?  0 on error. */
int	tl_git_ignored(struct tl_git_repo *, const char *, int);

/*
 * History (--history): every blob a commit adds or changes against its
 * first parent, once per blob id, under the target, oldest commit first,
 * so a secret is seen first at the commit that added it.  Binary blobs
 * and blobs over max_blob bytes are passed over.
 */
struct tl_hist_opts {
	size_t		 max_commits;	/* the newest N commits; 0: all */
	const char	*since;		/* only since..HEAD, or NULL: all refs */
	size_t		 max_blob;	/* bytes */
	int		 progress;	/* counts on stderr (a terminal) */
};

struct tl_hist_blob {
	const char	*path;		/* borrowed: relative to the target */
	char		 commit[41];	/* hex id of the commit that added it */
	long long	 when;		/* author time, seconds since the epoch */
	int		 offset;	/* author time zone, minutes east of UTC */
	const char	*data;		/* borrowed: NUL-terminated, padded */
	size_t		 size;
};

/*
 * Walk the history, calling cb for every blob; a negative return of cb
 * stops the walk and is returned.  TL_EUSAGE for an unknown revision or a
 * target outside git.  The model accessor through which TF0302 reads it.
 */
int	tl_git_history(const struct tl_repo *, const struct tl_hist_opts *,
	    int (*)(void *, const struct tl_hist_blob *), void *);

/*
 * Does the file at this path (relative to the target) in HEAD contain the
 * text?  0 when it does not, when HEAD has no such file, or on an error.
 */
int	tl_git_head_contains(const struct tl_repo *, const char *,
	    const char *);

/*
 * The paths under the target that differ from since (a revision) in the
 * working tree, untracked files included, or, with staged, that the index
 * changes against HEAD: char * owned, pushed onto out.
 */
int	tl_git_changed(const struct tl_repo *, const char *, int,
	    struct tl_vec *);

#endif /* TWELVELINT_MODEL_H */
