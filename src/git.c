/*
 * git.c: everything twelvelint asks of libgit2, and the only file that
 * includes <git2.h>: the repository around the target (or a throwaway one
 * whose work tree is the target), which paths are tracked, submodules or
 * ignored, the git facts of the model, and SHA-1 hashing.
 *
 * Nothing here writes into a repository or a scanned tree: the throwaway
 * repository is bare, lives in a new temporary directory, and gets its
 * work tree in memory only (git_repository_set_workdir without the
 * gitlink), so no ".git" file appears in the target.
 */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700
#endif

#include <sys/stat.h>

#include <errno.h>
#include <ftw.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <git2.h>

#include "twelvelint/model.h"

struct tl_git_repo {
	git_repository	*repo;		/* owned */
	git_index	*index;		/* owned */
	char		*tmpdir;	/* owned: throwaway gitdir, or NULL */
	char		*prefix;	/* owned: facts' prefix + "/", or "" */
	struct tl_buf	 scratch;	/* owned: prefix + the path asked */
};

/*
 * Set the error message from libgit2's last error: call it right after
 * the failing call.  subject is already escaped for display.
 */
static int
git_fail(int code, const char *what, const char *subject)
{
	const git_error	*e;

	e = git_error_last();
	tl_error_set("%s '%s': %s", what, subject,
	    e != NULL && e->message != NULL ? e->message :
	    "unknown libgit2 error");
	git_error_clear();
	return code;
}

/* Configuration levels libgit2 looks for under $HOME. */
static const int home_levels[] = {
	GIT_CONFIG_LEVEL_GLOBAL, GIT_CONFIG_LEVEL_XDG
};

int
tl_git_init(void)
{
	const char	*home;
	size_t		 i;

	if (git_libgit2_init() < 0)
		return git_fail(TL_ERR, "cannot initialise", "libgit2");
	/*
	 * libgit2 fails every repository it opens when it cannot stat
	 * ~/.gitconfig (a $HOME that belongs to another user); git warns
	 * and goes on without it, and so do we.
	 */
	home = getenv("HOME");
	if (home != NULL && *home != '\0' && access(home, X_OK) == -1 &&
	    errno == EACCES)
		for (i = 0; i < TL_NELEM(home_levels); i++)
			if (git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH,
			    home_levels[i], "") < 0)
				return git_fail(TL_ERR, "cannot configure",
				    "libgit2");
	/*
	 * twelvelint only reads repositories and runs nothing from them, so
	 * a checkout owned by another user (a CI workspace, a volume mounted
	 * into a container) is scanned rather than refused.
	 */
	if (git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, 0) < 0)
		return git_fail(TL_ERR, "cannot configure", "libgit2");
	return 0;
}

void
tl_git_shutdown(void)
{
	git_libgit2_shutdown();
}

void
tl_git_hash_hex(char out[41], const void *data, size_t len)
{
	git_oid	 oid;

	if (git_odb_hash(&oid, data == NULL ? "" : data, len,
	    GIT_OBJECT_BLOB) < 0) {
		git_error_clear();
		memset(out, '0', 40);
		out[40] = '\0';
		return;
	}
	git_oid_tostr(out, 41, &oid);
}

/* --- remote URLs ------------------------------------------------------ */

/* Schemes whose bare user name ("ssh://git@host") is not a secret. */
static const char *const user_schemes[] = {
	"ssh", "git+ssh", "ssh+git"
};

char *
tl_git_url_clean(const char *url)
{
	const char	*sep, *auth, *end, *at = NULL, *p;
	size_t		 i, slen;
	int		 keep = 0;

	if ((sep = strstr(url, "://")) == NULL)
		return tl_strdup(url);	/* scp-like: user@host:path */
	auth = sep + 3;
	end = auth + strcspn(auth, "/?#");
	for (p = auth; p < end; p++)
		if (*p == '@')
			at = p;
	if (at == NULL)
		return tl_strdup(url);
	slen = (size_t)(sep - url);
	for (i = 0; i < TL_NELEM(user_schemes); i++)
		if (strlen(user_schemes[i]) == slen &&
		    strncasecmp(url, user_schemes[i], slen) == 0)
			keep = 1;
	if (keep && memchr(auth, ':', (size_t)(at - auth)) == NULL)
		return tl_strdup(url);
	return tl_printf("%.*s%s", (int)(auth - url), url, at + 1);
}

/* --- opening ---------------------------------------------------------- */

static int
rm_entry(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	(void)st;
	(void)type;
	(void)ftw;
	remove(path);
	return 0;	/* remove as much as we can */
}

/*
 * A bare repository in a new temporary directory (under $TMPDIR, else
 * /tmp, never inside the target) whose work tree is root, in memory.
 */
static int
open_throwaway(struct tl_git_repo *g, const char *root, const char *shown)
{
	git_repository_init_options	 o;
	const char			*bases[2];
	char				*base;
	size_t				 i;

	bases[0] = getenv("TMPDIR");
	bases[1] = "/tmp";
	for (i = 0; i < TL_NELEM(bases) && g->tmpdir == NULL; i++) {
		if (bases[i] == NULL || *bases[i] == '\0')
			continue;
		if ((base = realpath(bases[i], NULL)) == NULL)
			continue;
		if (tl_path_within(root, base) == NULL) {
			g->tmpdir = tl_printf("%s/twelvelint-XXXXXX",
			    strcmp(base, "/") == 0 ? "" : base);
			if (mkdtemp(g->tmpdir) == NULL) {
				free(g->tmpdir);
				g->tmpdir = NULL;
			}
		}
		free(base);
	}
	if (g->tmpdir == NULL) {
		tl_error_set("cannot create a temporary directory outside "
		    "'%s'", shown);
		return TL_EIO;
	}
	if (git_repository_init_options_init(&o,
	    GIT_REPOSITORY_INIT_OPTIONS_VERSION) < 0)
		return git_fail(TL_ERR, "cannot create a temporary repository "
		    "for", shown);
	o.flags = GIT_REPOSITORY_INIT_BARE | GIT_REPOSITORY_INIT_NO_REINIT;
	if (git_repository_init_ext(&g->repo, g->tmpdir, &o) < 0)
		return git_fail(TL_EIO, "cannot create a temporary repository "
		    "for", shown);
	if (git_repository_set_workdir(g->repo, root, 0) < 0)
		return git_fail(TL_EIO, "cannot set the work tree to", shown);
	return 0;
}

/* The repository found around root: check it and set the prefix. */
static int
open_found(struct tl_git_repo *g, struct tl_git *facts, const char *root,
    const char *shown)
{
	const char	*wd, *rest;
	char		*gitdir = NULL, *work = NULL;
	int		 error = 0;

	if (git_repository_is_bare(g->repo) ||
	    (wd = git_repository_workdir(g->repo)) == NULL) {
		tl_error_set("cannot scan '%s': bare repository", shown);
		error = TL_EUSAGE;
		goto out;
	}
	gitdir = realpath(git_repository_path(g->repo), NULL);
	if (gitdir != NULL && tl_path_within(gitdir, root) != NULL) {
		tl_error_set("cannot scan '%s': inside a git directory", shown);
		error = TL_EUSAGE;
		goto out;
	}
	if ((work = realpath(wd, NULL)) == NULL) {
		tl_error_set("cannot open the work tree of '%s': %s", shown,
		    strerror(errno));
		error = TL_EIO;
		goto out;
	}
	if ((rest = tl_path_within(work, root)) == NULL) {
		tl_error_set("cannot scan '%s': outside the work tree of its "
		    "repository", shown);
		error = TL_EUSAGE;
		goto out;
	}
	if (tl_path_in_gitdir(rest)) {
		tl_error_set("cannot scan '%s': inside a git directory", shown);
		error = TL_EUSAGE;
		goto out;
	}
	facts->is_repo = 1;
	facts->prefix = tl_strdup(rest);
	g->prefix = *rest == '\0' ? tl_strdup("") : tl_printf("%s/", rest);
out:
	free(gitdir);
	free(work);
	return error;
}

/* --- facts ------------------------------------------------------------ */

static void
facts_head(git_repository *r, struct tl_git *facts)
{
	git_reference	*ref = NULL, *head = NULL;
	git_object	*obj = NULL;
	const git_oid	*oid;
	const char	*t;
	char		 hex[41];
	int		 error;

	error = git_repository_head(&ref, r);
	if (error < 0) {
		/* Unborn (or broken) HEAD: name the branch it points to. */
		git_error_clear();
		if (git_reference_lookup(&head, r, "HEAD") < 0) {
			git_error_clear();
			return;
		}
		if (git_reference_type(head) == GIT_REFERENCE_SYMBOLIC &&
		    (t = git_reference_symbolic_target(head)) != NULL &&
		    tl_str_has_prefix(t, "refs/heads/"))
			facts->branch = tl_strdup(t + strlen("refs/heads/"));
		git_reference_free(head);
		return;
	}
	if ((oid = git_reference_target(ref)) != NULL) {
		git_oid_tostr(hex, sizeof(hex), oid);
		facts->head = tl_strdup(hex);
		if (git_reference_peel(&obj, ref, GIT_OBJECT_COMMIT) == 0)
			facts->has_commits = 1;
		else
			git_error_clear();
	}
	if (git_repository_head_detached(r) != 1 &&
	    git_reference_is_branch(ref))
		facts->branch = tl_strdup(git_reference_shorthand(ref));
	git_object_free(obj);
	git_reference_free(ref);
}

/*
 * The remotes, read from the configuration directly: git_remote_list()
 * and git_remote_lookup() match config keys with regular expressions, and
 * libgit2 1.5 leaks the PCRE2 match data of every key that does not match.
 * This also keeps the URL as configured (no url.*.insteadOf rewriting).
 */
static void
facts_remote(git_repository *r, struct tl_git *facts)
{
	git_config		*cfg = NULL;
	git_config_iterator	*it = NULL;
	git_config_entry	*e;
	struct tl_vec		 names, urls;	/* char * owned, in parallel */
	const char		*rest, *dot;
	char			*name;
	size_t			 i, pick = 0;
	int			 isurl;

	tl_vec_init(&names);
	tl_vec_init(&urls);
	if (git_repository_config_snapshot(&cfg, r) < 0 ||
	    git_config_iterator_new(&it, cfg) < 0) {
		git_error_clear();
		goto out;
	}
	while (git_config_next(&e, it) == 0) {
		/* remote.<name>.url or .pushurl; the name may hold dots */
		if (!tl_str_has_prefix(e->name, "remote."))
			continue;
		rest = e->name + strlen("remote.");
		if ((dot = strrchr(rest, '.')) == NULL || dot == rest)
			continue;
		isurl = strcmp(dot, ".url") == 0;
		if (!isurl && strcmp(dot, ".pushurl") != 0)
			continue;
		name = tl_strndup(rest, (size_t)(dot - rest));
		for (i = 0; i < names.len; i++)
			if (strcmp(names.items[i], name) == 0)
				break;
		if (i == names.len) {
			tl_vec_push(&names, name);
			tl_vec_push(&urls, NULL);
		} else
			free(name);
		if (isurl && urls.items[i] == NULL && e->value != NULL)
			urls.items[i] = tl_strdup(e->value);
	}
	git_error_clear();
	facts->nremotes = names.len;
	for (i = 0; i < names.len; i++) {
		if (strcmp(names.items[i], "origin") == 0) {
			pick = i;
			break;
		}
		if (strcmp(names.items[i], names.items[pick]) < 0)
			pick = i;
	}
	if (names.len > 0 && urls.items[pick] != NULL)
		facts->remote = tl_git_url_clean(urls.items[pick]);
out:
	git_config_iterator_free(it);
	git_config_free(cfg);
	tl_vec_release(&names, free);
	tl_vec_release(&urls, free);
}

static int
str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
facts_refs(git_repository *r, struct tl_git *facts)
{
	git_strarray		 tags = { NULL, 0 };
	git_branch_iterator	*it = NULL;
	git_reference		*ref;
	git_branch_t		 type;
	const char		*name;

	if (git_tag_list(&tags, r) == 0) {
		facts->ntags = tags.count;
		git_strarray_dispose(&tags);
	} else
		git_error_clear();

	if (git_branch_iterator_new(&it, r, GIT_BRANCH_ALL) < 0) {
		git_error_clear();
		return;
	}
	while (git_branch_next(&ref, &type, it) == 0) {
		/* origin/HEAD is an alias, not a branch */
		if (git_reference_type(ref) == GIT_REFERENCE_DIRECT &&
		    git_branch_name(&name, ref) == 0)
			tl_vec_push(&facts->branches, tl_strdup(name));
		git_reference_free(ref);
	}
	git_error_clear();
	git_branch_iterator_free(it);
	tl_vec_sort(&facts->branches, str_cmp);
}

static const char *const env_names[] = {
	"prod", "production", "staging", "stage", "stg", "qa", "uat",
	"preprod", "pre-prod", "preproduction", "pre-production", "live",
	NULL
};

static const char *const env_prefixes[] = {
	"env/", "envs/", "environment/", "environments/", NULL
};

static const char *const env_release_prefixes[] = {
	"release/", "releases/", "deploy/", "deployment/", NULL
};

static int
is_env_word(const char *s)
{
	size_t	 i;

	for (i = 0; env_names[i] != NULL; i++)
		if (strcasecmp(s, env_names[i]) == 0)
			return 1;
	return 0;
}

static int
is_env_name(const char *s)
{
	size_t	 i;

	if (is_env_word(s))
		return 1;
	for (i = 0; env_prefixes[i] != NULL; i++)
		if (tl_str_casecmp_prefix(s, env_prefixes[i]) &&
		    s[strlen(env_prefixes[i])] != '\0')
			return 1;
	for (i = 0; env_release_prefixes[i] != NULL; i++)
		if (tl_str_casecmp_prefix(s, env_release_prefixes[i]) &&
		    is_env_word(s + strlen(env_release_prefixes[i])))
			return 1;
	return 0;
}

int
tl_git_env_branch(const char *name)
{
	const char	*slash = strchr(name, '/');

	return is_env_name(name) || (slash != NULL &&
	    is_env_name(slash + 1));
}

/* The commit a branch of facts->branches points to; 0 on success. */
static int
branch_commit(git_oid *out, git_repository *r, const char *name)
{
	git_reference	*ref = NULL;
	git_object	*obj = NULL;
	int		 error;

	if ((error = git_branch_lookup(&ref, r, name, GIT_BRANCH_LOCAL)) < 0)
		error = git_branch_lookup(&ref, r, name, GIT_BRANCH_REMOTE);
	if (error == 0 &&
	    (error = git_reference_peel(&obj, ref, GIT_OBJECT_COMMIT)) == 0)
		git_oid_cpy(out, git_object_id(obj));
	git_object_free(obj);
	git_reference_free(ref);
	git_error_clear();
	return error;
}

static size_t
branch_index(const struct tl_git *facts, const char *name)
{
	size_t	 i;

	for (i = 0; i < facts->branches.len; i++)
		if (strcmp(facts->branches.items[i], name) == 0)
			return i + 1;
	return 0;
}

static const char *const default_branches[] = {
	"main", "master", "origin/main", "origin/master"
};

/*
 * The default branch (origin/HEAD's target, else a main or master branch)
 * and, for each environment branch, how many of its commits the default
 * branch cannot reach.  Best effort: a failed walk leaves -1.
 */
static void
facts_ahead(git_repository *r, struct tl_git *facts)
{
	git_reference	*ref = NULL;
	git_oid		 base, tip;
	const char	*t;
	size_t		 i, ahead, behind;

	if (git_reference_lookup(&ref, r, "refs/remotes/origin/HEAD") == 0 &&
	    git_reference_type(ref) == GIT_REFERENCE_SYMBOLIC &&
	    (t = git_reference_symbolic_target(ref)) != NULL &&
	    tl_str_has_prefix(t, "refs/remotes/"))
		facts->default_branch = branch_index(facts,
		    t + strlen("refs/remotes/"));
	git_reference_free(ref);
	git_error_clear();
	for (i = 0; facts->default_branch == 0 &&
	    i < TL_NELEM(default_branches); i++)
		facts->default_branch = branch_index(facts,
		    default_branches[i]);
	if (facts->default_branch == 0 ||
	    branch_commit(&base, r,
	    facts->branches.items[facts->default_branch - 1]) < 0)
		return;
	facts->nahead = facts->branches.len < TL_GIT_AHEAD_MAX ?
	    facts->branches.len : TL_GIT_AHEAD_MAX;
	for (i = 0; i < facts->nahead; i++) {
		facts->ahead[i] = -1;
		if (!tl_git_env_branch(facts->branches.items[i]) ||
		    branch_commit(&tip, r, facts->branches.items[i]) < 0)
			continue;
		if (git_graph_ahead_behind(&ahead, &behind, r, &tip,
		    &base) < 0) {
			git_error_clear();
			continue;
		}
		facts->ahead[i] = ahead > INT_MAX ? INT_MAX : (int)ahead;
	}
}

static void
facts_dirty(git_repository *r, struct tl_git *facts)
{
	git_status_options	 o;
	git_status_list		*list = NULL;

	if (git_status_options_init(&o, GIT_STATUS_OPTIONS_VERSION) < 0) {
		git_error_clear();
		return;
	}
	o.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR;
	o.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED |
	    GIT_STATUS_OPT_EXCLUDE_SUBMODULES;
	if (git_status_list_new(&list, r, &o) < 0) {
		/* Unreadable parts of the tree: the walk still sets dirty
		 * when it finds untracked files. */
		git_error_clear();
		return;
	}
	facts->dirty = git_status_list_entrycount(list) > 0;
	git_status_list_free(list);
}

/*
 * The facts are best effort: a broken HEAD or an unreadable part of the
 * tree leaves the fact unset rather than stopping the scan.
 */
static void
facts_collect(git_repository *r, struct tl_git *facts)
{
	facts->shallow = git_repository_is_shallow(r) == 1;
	git_error_clear();
	facts_head(r, facts);
	facts_remote(r, facts);
	facts_refs(r, facts);
	facts_ahead(r, facts);
	facts_dirty(r, facts);
}

int
tl_git_open(struct tl_git_repo **out, struct tl_git *facts, const char *root,
    const char *shown)
{
	struct tl_git_repo	*g;
	int			 error;

	*out = NULL;
	g = tl_calloc(1, sizeof(*g));
	tl_buf_init(&g->scratch);
	error = git_repository_open_ext(&g->repo, root, 0,
	    getenv("GIT_CEILING_DIRECTORIES"));
	if (error == GIT_ENOTFOUND) {
		git_error_clear();
		if ((error = open_throwaway(g, root, shown)) == 0) {
			facts->is_repo = 0;
			facts->prefix = tl_strdup("");
			g->prefix = tl_strdup("");
		}
	} else if (error < 0)
		error = git_fail(TL_EIO, "cannot open the repository of",
		    shown);
	else
		error = open_found(g, facts, root, shown);
	if (error < 0)
		goto fail;
	if (git_repository_index(&g->index, g->repo) < 0) {
		error = git_fail(TL_EIO, "cannot read the index of", shown);
		goto fail;
	}
	if (facts->is_repo)
		facts_collect(g->repo, facts);
	*out = g;
	return 0;
fail:
	tl_git_close(g);
	return error;
}

void
tl_git_close(struct tl_git_repo *g)
{
	if (g == NULL)
		return;
	git_index_free(g->index);
	git_repository_free(g->repo);
	if (g->tmpdir != NULL)
		nftw(g->tmpdir, rm_entry, 16, FTW_DEPTH | FTW_PHYS | FTW_MOUNT);
	free(g->tmpdir);
	free(g->prefix);
	tl_buf_release(&g->scratch);
	free(g);
}

/* --- queries ---------------------------------------------------------- */

static const char *
full_path(struct tl_git_repo *g, const char *path, int isdir)
{
	tl_buf_clear(&g->scratch);
	tl_buf_adds(&g->scratch, g->prefix);
	tl_buf_adds(&g->scratch, path);
	if (isdir)
		tl_buf_addc(&g->scratch, '/');
	return tl_buf_str(&g->scratch);
}

enum tl_git_track
tl_git_path_track(struct tl_git_repo *g, const char *path)
{
	const git_index_entry	*e;
	size_t			 pos;

	if (git_index_find(&pos, g->index, full_path(g, path, 0)) < 0) {
		git_error_clear();
		return TL_GIT_UNTRACKED;
	}
	e = git_index_get_byindex(g->index, pos);
	if (e != NULL && e->mode == GIT_FILEMODE_COMMIT)
		return TL_GIT_SUBMODULE;
	return TL_GIT_TRACKED;
}

int
tl_git_tracked_under(struct tl_git_repo *g, const char *dir)
{
	if (git_index_find_prefix(NULL, g->index, full_path(g, dir, 1)) < 0) {
		git_error_clear();
		return 0;
	}
	return 1;
}

int
tl_git_ignored(struct tl_git_repo *g, const char *path, int isdir)
{
	int	 ignored = 0;

	if (git_ignore_path_is_ignored(&ignored, g->repo,
	    full_path(g, path, isdir)) < 0) {
		git_error_clear();
		return 0;
	}
	return ignored == 1;
}

/* --- history and changed paths ---------------------------------------- */

/* A set of object ids (open addressing on their first bytes). */
struct oidset {
	git_oid		*slot;		/* owned; all-zero = empty */
	size_t		 cap;		/* a power of two */
	size_t		 n;
};

static int
oid_is_zero(const git_oid *o)
{
	static const git_oid zero;

	return memcmp(o, &zero, sizeof(zero)) == 0;
}

/* Add o; 1 when it was new, 0 when it was there already. */
static int
oidset_add(struct oidset *s, const git_oid *o)
{
	struct oidset	 big;
	size_t		 i, k;
	uint64_t	 h;

	if (2 * (s->n + 1) > s->cap) {
		big.cap = s->cap == 0 ? 1024 : s->cap * 2;
		big.slot = tl_calloc(big.cap, sizeof(*big.slot));
		big.n = 0;
		for (k = 0; k < s->cap; k++)
			if (!oid_is_zero(&s->slot[k]))
				(void)oidset_add(&big, &s->slot[k]);
		free(s->slot);
		*s = big;
	}
	memcpy(&h, o->id, sizeof(h));
	for (i = h & (s->cap - 1); !oid_is_zero(&s->slot[i]);
	    i = (i + 1) & (s->cap - 1))
		if (git_oid_equal(&s->slot[i], o))
			return 0;
	s->slot[i] = *o;
	s->n++;
	return 1;
}

/* The path relative to the target, or NULL when it lies outside it. */
static const char *
under_prefix(const char *path, const char *prefix)
{
	size_t	 n = strlen(prefix);

	if (n == 0)
		return path;
	if (strncmp(path, prefix, n) != 0 || path[n] != '/')
		return NULL;
	return path + n + 1;
}

/* Open the repository around the target for history or diff queries. */
static int
open_for_queries(git_repository **out, const struct tl_repo *repo)
{
	if (!repo->git.is_repo) {
		tl_error_set("'%s' is not in a git repository", repo->root);
		return TL_EUSAGE;
	}
	if (git_repository_open_ext(out, repo->root, 0, NULL) < 0)
		return git_fail(TL_EIO, "cannot open the repository of",
		    repo->root);
	return 0;
}

/* Commits to walk, newest first: all refs, or since..HEAD; at most max. */
static int
history_commits(git_repository *r, const struct tl_hist_opts *o,
    git_oid **out, size_t *nout)
{
	git_revwalk	*w = NULL;
	git_object	*since = NULL;
	git_oid		 oid, *v = NULL;
	size_t		 n = 0, cap = 0;
	int		 error = 0;

	if (git_revwalk_new(&w, r) < 0)
		return git_fail(TL_EIO, "cannot walk the history of", ".");
	git_revwalk_sorting(w, GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME);
	if (o->since != NULL) {
		if (git_revparse_single(&since, r, o->since) < 0) {
			error = git_fail(TL_EUSAGE, "unknown revision",
			    o->since);
			goto out;
		}
		if (git_revwalk_push_head(w) < 0 ||
		    git_revwalk_hide(w, git_object_id(since)) < 0) {
			error = git_fail(TL_EIO, "cannot walk from", o->since);
			goto out;
		}
	} else {
		/* Every ref: branches, tags, remote-tracking branches. */
		if (git_revwalk_push_glob(w, "refs/*") < 0)
			git_error_clear();
		if (git_revwalk_push_head(w) < 0)
			git_error_clear();
	}
	while (git_revwalk_next(&oid, w) == 0) {
		if (o->max_commits > 0 && n == o->max_commits)
			break;
		if (n == cap) {
			cap = cap == 0 ? 256 : cap * 2;
			v = tl_reallocarray(v, cap, sizeof(*v));
		}
		v[n++] = oid;
	}
	git_error_clear();
out:
	git_object_free(since);
	git_revwalk_free(w);
	if (error != 0) {
		free(v);
		v = NULL;
		n = 0;
	}
	*out = v;
	*nout = n;
	return error;
}

struct hist_walk {
	git_repository		*r;
	const struct tl_repo	*repo;
	const struct tl_hist_opts *o;
	struct oidset		 seen;
	struct tl_buf		 data;		/* one blob, NUL-terminated, padded */
	int			(*cb)(void *, const struct tl_hist_blob *);
	void			*arg;
};

/* The blobs one commit adds or changes against its first parent. */
static int
history_commit(struct hist_walk *hw, const git_oid *id)
{
	git_commit		*commit = NULL, *parent = NULL;
	git_tree		*tree = NULL, *ptree = NULL;
	git_diff		*diff = NULL;
	git_blob		*blob = NULL;
	const git_diff_delta	*d;
	const git_signature	*sig;
	struct tl_hist_blob	 b;
	const char		*path;
	size_t			 i, n;
	int			 error = 0;

	if (git_commit_lookup(&commit, hw->r, id) < 0 ||
	    git_commit_tree(&tree, commit) < 0)
		goto skip;
	if (git_commit_parentcount(commit) > 0 &&
	    (git_commit_parent(&parent, commit, 0) < 0 ||
	    git_commit_tree(&ptree, parent) < 0))
		goto skip;
	if (git_diff_tree_to_tree(&diff, hw->r, ptree, tree, NULL) < 0)
		goto skip;
	memset(&b, 0, sizeof(b));
	git_oid_tostr(b.commit, sizeof(b.commit), id);
	sig = git_commit_author(commit);
	b.when = sig != NULL ? (long long)sig->when.time : 0;
	b.offset = sig != NULL ? sig->when.offset : 0;
	n = git_diff_num_deltas(diff);
	for (i = 0; i < n && error == 0; i++) {
		d = git_diff_get_delta(diff, i);
		if (d->status != GIT_DELTA_ADDED &&
		    d->status != GIT_DELTA_MODIFIED &&
		    d->status != GIT_DELTA_RENAMED &&
		    d->status != GIT_DELTA_COPIED &&
		    d->status != GIT_DELTA_TYPECHANGE)
			continue;
		if ((d->new_file.mode != GIT_FILEMODE_BLOB &&
		    d->new_file.mode != GIT_FILEMODE_BLOB_EXECUTABLE) ||
		    (path = under_prefix(d->new_file.path,
		    hw->repo->git.prefix)) == NULL ||
		    !oidset_add(&hw->seen, &d->new_file.id))
			continue;
		if (git_blob_lookup(&blob, hw->r, &d->new_file.id) < 0) {
			git_error_clear();
			continue;
		}
		if ((size_t)git_blob_rawsize(blob) <= hw->o->max_blob &&
		    !git_blob_is_binary(blob)) {
			tl_buf_clear(&hw->data);
			tl_buf_add(&hw->data, git_blob_rawcontent(blob),
			    (size_t)git_blob_rawsize(blob));
			b.size = hw->data.len;
			/* PCRE2's JIT reads a little past the end. */
			tl_buf_add(&hw->data, "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0",
			    16);
			b.data = tl_buf_str(&hw->data);
			b.path = path;
			error = hw->cb(hw->arg, &b);
		}
		git_blob_free(blob);
		blob = NULL;
	}
skip:
	git_error_clear();
	git_diff_free(diff);
	git_tree_free(ptree);
	git_tree_free(tree);
	git_commit_free(parent);
	git_commit_free(commit);
	return error;
}

int
tl_git_history(const struct tl_repo *repo, const struct tl_hist_opts *o,
    int (*cb)(void *, const struct tl_hist_blob *), void *arg)
{
	struct hist_walk	 hw;
	git_oid			*commits = NULL;
	size_t			 n = 0, i;
	int			 error;

	memset(&hw, 0, sizeof(hw));
	if ((error = open_for_queries(&hw.r, repo)) != 0)
		return error;
	hw.repo = repo;
	hw.o = o;
	hw.cb = cb;
	hw.arg = arg;
	if ((error = history_commits(hw.r, o, &commits, &n)) != 0)
		goto out;
	/* Oldest first: a secret is reported at the commit that added it. */
	for (i = n; i > 0 && error == 0; i--) {
		if (o->progress && (i % 64 == 0 || i == n))
			fprintf(stderr, "\rtwelvelint: history: %zu of %zu "
			    "commits", n - i + 1, n);
		error = history_commit(&hw, &commits[i - 1]);
	}
	if (o->progress && n > 0)
		fprintf(stderr, "\rtwelvelint: history: %zu commits, %zu "
		    "blobs\n", n, hw.seen.n);
out:
	free(commits);
	free(hw.seen.slot);
	tl_buf_release(&hw.data);
	git_repository_free(hw.r);
	return error;
}

int
tl_git_changed(const struct tl_repo *repo, const char *since, int staged,
    struct tl_vec *out)
{
	git_repository		*r = NULL;
	git_object		*obj = NULL;
	git_tree		*tree = NULL;
	git_diff		*diff = NULL;
	git_diff_options	 dopts;
	const git_diff_delta	*d;
	const char		*path;
	size_t			 i, n;
	int			 error;

	if ((error = open_for_queries(&r, repo)) != 0)
		return error;
	git_diff_options_init(&dopts, GIT_DIFF_OPTIONS_VERSION);
	dopts.flags |= GIT_DIFF_INCLUDE_UNTRACKED |
	    GIT_DIFF_RECURSE_UNTRACKED_DIRS;
	if (git_revparse_single(&obj, r, staged ? "HEAD^{tree}" : since) < 0) {
		error = git_fail(TL_EUSAGE, "unknown revision",
		    staged ? "HEAD" : since);
		goto out;
	}
	if (git_object_peel((git_object **)&tree, obj, GIT_OBJECT_TREE) < 0) {
		error = git_fail(TL_EUSAGE, "not a commit or tree",
		    staged ? "HEAD" : since);
		goto out;
	}
	if ((staged ? git_diff_tree_to_index(&diff, r, tree, NULL, &dopts) :
	    git_diff_tree_to_workdir_with_index(&diff, r, tree, &dopts)) < 0) {
		error = git_fail(TL_EIO, "cannot compare with", staged ?
		    "HEAD" : since);
		goto out;
	}
	n = git_diff_num_deltas(diff);
	for (i = 0; i < n; i++) {
		d = git_diff_get_delta(diff, i);
		if (d->status == GIT_DELTA_DELETED ||
		    (path = under_prefix(d->new_file.path,
		    repo->git.prefix)) == NULL)
			continue;
		tl_vec_push(out, tl_strdup(path));
	}
out:
	git_error_clear();
	git_diff_free(diff);
	git_tree_free(tree);
	git_object_free(obj);
	git_repository_free(r);
	return error;
}

int
tl_git_head_contains(const struct tl_repo *repo, const char *path,
    const char *needle)
{
	git_repository	*r = NULL;
	git_object	*obj = NULL;
	struct tl_buf	 spec = TL_BUF_INIT;
	const char	*data;
	size_t		 n, m;
	int		 found = 0;

	if (open_for_queries(&r, repo) != 0) {
		git_error_clear();
		return 0;
	}
	/* HEAD:<path from the work tree's root> */
	tl_buf_adds(&spec, "HEAD:");
	if (repo->git.prefix != NULL && repo->git.prefix[0] != '\0')
		tl_buf_addf(&spec, "%s/", repo->git.prefix);
	tl_buf_adds(&spec, path);
	if (git_revparse_single(&obj, r, tl_buf_str(&spec)) == 0 &&
	    git_object_type(obj) == GIT_OBJECT_BLOB) {
		data = git_blob_rawcontent((git_blob *)obj);
		n = (size_t)git_blob_rawsize((git_blob *)obj);
		m = strlen(needle);
		found = m > 0 && tl_memcasemem(data, n, needle, m) != NULL;
	}
	git_error_clear();
	git_object_free(obj);
	git_repository_free(r);
	tl_buf_release(&spec);
	return found;
}
