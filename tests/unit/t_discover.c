/*
 * Unit tests of discover.c and git.c: classification by name, the walk
 * of a plain directory built here (ignore rules, symbolic links, FIFOs,
 * sockets, binary, oversize and unreadable files, odd names, deep trees,
 * nothing written into the target), safe loading, remote URL cleaning and
 * hashing.  The git repositories are built by t_discover.sh with the git
 * command and passed as argv[1]; without it those tests are skipped.
 */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700
#endif

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "twelvelint/model.h"
#include "tap.h"

static const struct {
	const char		*path;
	enum tl_file_kind	 kind;
	enum tl_lang		 lang;
	enum tl_manifest_type	 subtype;
} cases[] = {
	{ "Dockerfile", TL_FILE_DOCKERFILE, TL_LANG_NONE, TL_MF_NONE },
	{ "docker/Dockerfile.prod", TL_FILE_DOCKERFILE, 0, 0 },
	{ "api.Dockerfile", TL_FILE_DOCKERFILE, 0, 0 },
	{ "web.dockerfile", TL_FILE_DOCKERFILE, 0, 0 },
	{ "Containerfile", TL_FILE_DOCKERFILE, 0, 0 },
	{ "Dockerfile.dockerignore", TL_FILE_IGNORE, 0, 0 },
	{ ".dockerignore", TL_FILE_IGNORE, 0, 0 },
	{ "a/.gitignore", TL_FILE_IGNORE, 0, 0 },
	{ "run.sh", TL_FILE_SCRIPT, TL_LANG_SHELL, 0 },
	{ "bin/build.bash", TL_FILE_SCRIPT, TL_LANG_SHELL, 0 },
	{ "docker-entrypoint.sh", TL_FILE_SCRIPT, TL_LANG_SHELL, 0 },
	{ "entrypoint.sh", TL_FILE_SCRIPT, TL_LANG_SHELL, 0 },
	{ "docker-compose.yml", TL_FILE_COMPOSE, 0, 0 },
	{ "docker-compose.override.yaml", TL_FILE_COMPOSE, 0, 0 },
	{ "deploy/compose.yaml", TL_FILE_COMPOSE, 0, 0 },
	{ "compose.prod.yml", TL_FILE_COMPOSE, 0, 0 },
	{ "buildspec.yml", TL_FILE_BUILDSPEC, 0, 0 },
	{ "ci/buildspec-test.yaml", TL_FILE_BUILDSPEC, 0, 0 },
	{ "appspec.yml", TL_FILE_APPSPEC, 0, 0 },
	{ "appspec.yaml", TL_FILE_APPSPEC, 0, 0 },
	{ "Procfile", TL_FILE_PROCFILE, 0, 0 },
	{ "procfile", TL_FILE_OTHER, 0, 0 },
	{ "package.json", TL_FILE_MANIFEST, 0, TL_MF_PACKAGE_JSON },
	{ "requirements.txt", TL_FILE_MANIFEST, 0, TL_MF_REQUIREMENTS },
	{ "requirements-dev.txt", TL_FILE_MANIFEST, 0, TL_MF_REQUIREMENTS },
	{ "requirements/base.txt", TL_FILE_MANIFEST, 0, TL_MF_REQUIREMENTS },
	{ "svc/requirements/prod.txt", TL_FILE_MANIFEST, 0,
	    TL_MF_REQUIREMENTS },
	{ "pyproject.toml", TL_FILE_MANIFEST, 0, TL_MF_PYPROJECT },
	{ "Pipfile", TL_FILE_MANIFEST, 0, TL_MF_PIPFILE },
	{ "setup.py", TL_FILE_MANIFEST, 0, TL_MF_SETUP_PY },
	{ "setup.cfg", TL_FILE_MANIFEST, 0, TL_MF_SETUP_PY },
	{ "go.mod", TL_FILE_MANIFEST, 0, TL_MF_GO_MOD },
	{ "Gemfile", TL_FILE_MANIFEST, 0, TL_MF_GEMFILE },
	{ "acme.gemspec", TL_FILE_MANIFEST, 0, TL_MF_GEMSPEC },
	{ "pom.xml", TL_FILE_MANIFEST, 0, TL_MF_POM },
	{ "build.gradle", TL_FILE_MANIFEST, 0, TL_MF_GRADLE },
	{ "app/build.gradle.kts", TL_FILE_MANIFEST, 0, TL_MF_GRADLE },
	{ "settings.gradle.kts", TL_FILE_OTHER, 0, 0 },
	{ "Cargo.toml", TL_FILE_MANIFEST, 0, TL_MF_CARGO },
	{ "composer.json", TL_FILE_MANIFEST, 0, TL_MF_COMPOSER },
	{ "src/Api.csproj", TL_FILE_MANIFEST, 0, TL_MF_CSPROJ },
	{ "package-lock.json", TL_FILE_LOCKFILE, 0, TL_MF_PACKAGE_LOCK },
	{ "npm-shrinkwrap.json", TL_FILE_LOCKFILE, 0, TL_MF_PACKAGE_LOCK },
	{ "yarn.lock", TL_FILE_LOCKFILE, 0, TL_MF_YARN_LOCK },
	{ "pnpm-lock.yaml", TL_FILE_LOCKFILE, 0, TL_MF_PNPM_LOCK },
	{ "bun.lockb", TL_FILE_LOCKFILE, 0, TL_MF_BUN_LOCK },
	{ "bun.lock", TL_FILE_LOCKFILE, 0, TL_MF_BUN_LOCK },
	{ "Pipfile.lock", TL_FILE_LOCKFILE, 0, TL_MF_PIPFILE_LOCK },
	{ "poetry.lock", TL_FILE_LOCKFILE, 0, TL_MF_POETRY_LOCK },
	{ "uv.lock", TL_FILE_LOCKFILE, 0, TL_MF_UV_LOCK },
	{ "pdm.lock", TL_FILE_LOCKFILE, 0, TL_MF_PDM_LOCK },
	{ "go.sum", TL_FILE_LOCKFILE, 0, TL_MF_GO_SUM },
	{ "Gemfile.lock", TL_FILE_LOCKFILE, 0, TL_MF_GEMFILE_LOCK },
	{ "Cargo.lock", TL_FILE_LOCKFILE, 0, TL_MF_CARGO_LOCK },
	{ "composer.lock", TL_FILE_LOCKFILE, 0, TL_MF_COMPOSER_LOCK },
	{ "packages.lock.json", TL_FILE_LOCKFILE, 0, TL_MF_PACKAGES_LOCK },
	{ "gradle.lockfile", TL_FILE_LOCKFILE, 0, TL_MF_GRADLE_LOCK },
	{ ".env", TL_FILE_DOTENV, 0, 0 },
	{ "config/.env.production", TL_FILE_DOTENV, 0, 0 },
	{ ".envrc", TL_FILE_OTHER, 0, 0 },
	{ ".github/workflows/ci.yml", TL_FILE_CI, 0, 0 },
	{ ".github/workflows/release.yaml", TL_FILE_CI, 0, 0 },
	{ ".github/dependabot.yml", TL_FILE_YAML, 0, 0 },
	{ ".gitlab-ci.yml", TL_FILE_CI, 0, 0 },
	{ "Jenkinsfile", TL_FILE_CI, 0, 0 },
	{ ".circleci/config.yml", TL_FILE_CI, 0, 0 },
	{ "azure-pipelines.yml", TL_FILE_CI, 0, 0 },
	{ "bitbucket-pipelines.yml", TL_FILE_CI, 0, 0 },
	{ ".travis.yml", TL_FILE_CI, 0, 0 },
	{ "certs/server.pem", TL_FILE_CREDENTIALS, 0, 0 },
	{ "tls.key", TL_FILE_CREDENTIALS, 0, 0 },
	{ "store.p12", TL_FILE_CREDENTIALS, 0, 0 },
	{ "cert.pfx", TL_FILE_CREDENTIALS, 0, 0 },
	{ "home/.ssh/id_rsa", TL_FILE_CREDENTIALS, 0, 0 },
	{ "id_ed25519", TL_FILE_CREDENTIALS, 0, 0 },
	{ "id_rsa.pub", TL_FILE_OTHER, 0, 0 },
	{ ".aws/credentials", TL_FILE_CREDENTIALS, 0, 0 },
	{ ".npmrc", TL_FILE_CREDENTIALS, 0, 0 },
	{ ".pypirc", TL_FILE_CREDENTIALS, 0, 0 },
	{ ".netrc", TL_FILE_CREDENTIALS, 0, 0 },
	{ ".git-credentials", TL_FILE_CREDENTIALS, 0, 0 },
	{ "app/main.py", TL_FILE_SOURCE, TL_LANG_PYTHON, 0 },
	{ "index.js", TL_FILE_SOURCE, TL_LANG_JAVASCRIPT, 0 },
	{ "lib.mjs", TL_FILE_SOURCE, TL_LANG_JAVASCRIPT, 0 },
	{ "lib.cjs", TL_FILE_SOURCE, TL_LANG_JAVASCRIPT, 0 },
	{ "App.jsx", TL_FILE_SOURCE, TL_LANG_JAVASCRIPT, 0 },
	{ "server.ts", TL_FILE_SOURCE, TL_LANG_TYPESCRIPT, 0 },
	{ "App.tsx", TL_FILE_SOURCE, TL_LANG_TYPESCRIPT, 0 },
	{ "types/index.d.ts", TL_FILE_OTHER, 0, 0 },
	{ "cmd/main.go", TL_FILE_SOURCE, TL_LANG_GO, 0 },
	{ "app.rb", TL_FILE_SOURCE, TL_LANG_RUBY, 0 },
	{ "Main.java", TL_FILE_SOURCE, TL_LANG_JAVA, 0 },
	{ "Main.kt", TL_FILE_SOURCE, TL_LANG_KOTLIN, 0 },
	{ "script.kts", TL_FILE_SOURCE, TL_LANG_KOTLIN, 0 },
	{ "index.php", TL_FILE_SOURCE, TL_LANG_PHP, 0 },
	{ "Program.cs", TL_FILE_SOURCE, TL_LANG_CSHARP, 0 },
	{ "src/main.rs", TL_FILE_SOURCE, TL_LANG_RUST, 0 },
	{ "template.yaml", TL_FILE_YAML, 0, 0 },
	{ "taskdef.json", TL_FILE_JSON, 0, 0 },
	{ "README.md", TL_FILE_OTHER, 0, 0 },
	{ "Makefile", TL_FILE_OTHER, 0, 0 },
};

static void
test_classify(void)
{
	enum tl_file_kind kind;
	enum tl_lang	 lang;
	size_t		 i;
	int		 subtype, ok, bad = 0;

	TEST("classification by name");
	for (i = 0; i < TL_NELEM(cases); i++) {
		tl_classify(cases[i].path, &kind, &lang, &subtype);
		ok = kind == cases[i].kind && lang == cases[i].lang &&
		    subtype == (int)cases[i].subtype;
		if (!ok) {
			printf("# %s: kind %s lang %s subtype %d\n",
			    cases[i].path, tl_file_kind_name(kind),
			    tl_lang_name(lang), subtype);
			bad++;
		}
	}
	CHECK_INT(bad, 0);
	CHECK_STR(tl_file_kind_name(TL_FILE_DOCKERFILE), "Dockerfile");
	CHECK_STR(tl_file_kind_name(TL_FILE__COUNT), "unknown");
	CHECK_STR(tl_lang_name(TL_LANG_CSHARP), "C#");
	CHECK_STR(tl_lang_name(TL_LANG_SHELL), "Shell");
}

static void
test_url_clean(void)
{
	static const char *const urls[][2] = {
		{ "https://user:s3cret@github.com/acme/app.git",
		    "https://github.com/acme/app.git" },
		{ "https://ghp_0123456789abcdef@github.com/acme/app",
		    "https://github.com/acme/app" },
		{ "HTTPS://x-access-token:tok@github.com:443/a/b?x=1",
		    "HTTPS://github.com:443/a/b?x=1" },
		{ "https://github.com/acme/app.git",
		    "https://github.com/acme/app.git" },
		{ "https://github.com/acme/app@v1",
		    "https://github.com/acme/app@v1" },
		{ "ssh://git@github.com/acme/app.git",
		    "ssh://git@github.com/acme/app.git" },
		{ "ssh://deploy:pw@host/x.git", "ssh://host/x.git" },
		{ "git@github.com:acme/app.git",
		    "git@github.com:acme/app.git" },
		{ "https://a:b@c@host/x", "https://host/x" },
		{ "/srv/git/app.git", "/srv/git/app.git" },
	};
	size_t	 i;
	char	*s;

	TEST("remote URLs lose their credentials");
	for (i = 0; i < TL_NELEM(urls); i++) {
		s = tl_git_url_clean(urls[i][0]);
		CHECK_STR(s, urls[i][1]);
		free(s);
	}
}

static void
test_hash(void)
{
	char	 hex[41];

	TEST("git blob SHA-1");
	/* git hash-object of an empty file and of "hello\n" */
	tl_git_hash_hex(hex, "", 0);
	CHECK_STR(hex, "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391");
	tl_git_hash_hex(hex, NULL, 0);
	CHECK_STR(hex, "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391");
	tl_git_hash_hex(hex, "hello\n", 6);
	CHECK_STR(hex, "ce013625030ba8dba906f756967f9e9ca394464a");
}

static void
test_paths(void)
{
	TEST("path helpers");
	CHECK_STR(tl_path_within("/a/b", "/a/b/c/d"), "c/d");
	CHECK_STR(tl_path_within("/a/b", "/a/b"), "");
	CHECK(tl_path_within("/a/b", "/a/bc") == NULL);
	CHECK(tl_path_within("/a/b", "/a") == NULL);
	CHECK_STR(tl_path_within("/", "/etc/passwd"), "etc/passwd");
	CHECK(tl_path_in_gitdir(".git/config"));
	CHECK(tl_path_in_gitdir("a/.git/b"));
	CHECK(tl_path_in_gitdir("a/.git"));
	CHECK(!tl_path_in_gitdir("a/.github/x"));
	CHECK(!tl_path_in_gitdir("x.git/y"));
}

/* --- helpers for the trees ------------------------------------------- */

static void
put(const char *dir, const char *rel, const char *data, size_t len)
{
	char	*p;
	FILE	*fp;

	p = tl_printf("%s/%s", dir, rel);
	if ((fp = fopen(p, "wb")) == NULL) {
		printf("# cannot create %s: %s\n", p, strerror(errno));
		free(p);
		return;
	}
	fwrite(data, 1, len, fp);
	fclose(fp);
	free(p);
}

static void
puts_(const char *dir, const char *rel, const char *text)
{
	put(dir, rel, text, strlen(text));
}

static void
mkd(const char *dir, const char *rel)
{
	char	*p;

	p = tl_printf("%s/%s", dir, rel);
	if (mkdir(p, 0755) == -1)
		printf("# cannot mkdir %s: %s\n", p, strerror(errno));
	free(p);
}

static void
lnk(const char *dir, const char *rel, const char *to)
{
	char	*p;

	p = tl_printf("%s/%s", dir, rel);
	if (symlink(to, p) == -1)
		printf("# cannot symlink %s: %s\n", p, strerror(errno));
	free(p);
}

static const char *
skip_reason(const struct tl_repo *r, const char *path)
{
	const struct tl_skip	*s;
	size_t			 i;

	for (i = 0; i < r->skipped.len; i++) {
		s = r->skipped.items[i];
		if (strcmp(s->path, path) == 0)
			return s->reason;
	}
	return NULL;
}

static int
sorted(const struct tl_repo *r)
{
	const struct tl_skip	*a, *b;
	size_t			 i;

	for (i = 1; i < r->nfiles; i++)
		if (strcmp(r->files[i - 1]->path, r->files[i]->path) >= 0)
			return 0;
	for (i = 1; i < r->skipped.len; i++) {
		a = r->skipped.items[i - 1];
		b = r->skipped.items[i];
		if (strcmp(a->path, b->path) > 0)
			return 0;
	}
	return 1;
}

static int
tracked(const struct tl_repo *r, const char *path)
{
	const struct tl_file	*f;

	if ((f = tl_repo_file(r, path)) == NULL)
		return -1;
	return f->tracked;
}

/* A listing of a tree (names, types, sizes) to see that nothing changed. */
static struct tl_buf	snap;

static int
snap_entry(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	(void)ftw;
	tl_buf_addf(&snap, "%s %d %o %lld\n", path, type,
	    (unsigned)st->st_mode, (long long)st->st_size);
	return 0;
}

static char *
snapshot(const char *dir)
{
	tl_buf_init(&snap);
	nftw(dir, snap_entry, 16, FTW_PHYS);
	return tl_buf_detach(&snap);
}

static int
rm_entry(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	if (type == FTW_DNR)
		chmod(path, 0700);
	remove(path);
	return 0;
}

static void
rm_tree(const char *dir)
{
	nftw(dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	nftw(dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

static int
dir_empty(const char *dir)
{
	char	*s;
	int	 empty;

	s = snapshot(dir);
	/* one line: the directory itself */
	empty = strchr(s, '\n') != NULL && strchr(s, '\n')[1] == '\0';
	free(s);
	return empty;
}

static int
load(const struct tl_repo *r, const char *path, size_t max,
    const char **reason)
{
	struct tl_discover_opts	 o;
	struct tl_file		*f;
	int			 rc;

	o.max_file_size = max;
	f = tl_calloc(1, sizeof(*f));
	f->path = tl_strdup(path);
	rc = tl_file_load(r, f, &o, reason);
	if (rc == 0 && f->data[f->size] != '\0')
		rc = 99;
	tl_file_free(f);
	return rc;
}

/* --- a directory outside git ----------------------------------------- */

static void
build_plain(const char *d)
{
	struct sockaddr_un	 sun;
	char			 big[2000], *p;
	int			 fd, nfd, i, s;

	puts_(d, ".gitignore", "*.log\nbuild/\n!keep.log\n");
	puts_(d, "a.py", "print('hi')\nprint('again')\n");
	puts_(d, "debug.log", "ignored\n");
	puts_(d, "keep.log", "kept by negation\n");
	mkd(d, "build");
	puts_(d, "build/x.js", "ignored dir\n");
	mkd(d, "sub");
	puts_(d, "sub/Dockerfile", "FROM alpine\n");
	puts_(d, "sub/.gitignore", "local.txt\n");
	puts_(d, "sub/local.txt", "ignored by the nested .gitignore\n");
	lnk(d, "link_out", "/etc/passwd");
	lnk(d, "link_dotdot", "../outside.txt");
	lnk(d, "link_in", "a.py");
	lnk(d, "link_chain", "link_out");
	lnk(d, "link_dir", "sub");
	lnk(d, "link_self", ".");
	lnk(d, "link_gitcfg", "nested/.git/config");
	lnk(d, "link_broken", "does-not-exist");
	lnk(d, "loop1", "loop2");
	lnk(d, "loop2", "loop1");
	p = tl_printf("%s/fifo", d);
	if (mkfifo(p, 0644) == -1)
		printf("# mkfifo: %s\n", strerror(errno));
	free(p);
	memset(&sun, 0, sizeof(sun));
	sun.sun_family = AF_UNIX;
	snprintf(sun.sun_path, sizeof(sun.sun_path), "%s/sock", d);
	if ((s = socket(AF_UNIX, SOCK_STREAM, 0)) != -1) {
		if (bind(s, (struct sockaddr *)&sun, sizeof(sun)) == -1)
			printf("# bind: %s\n", strerror(errno));
		close(s);
	}
	puts_(d, "evil\n\x1b[31m.py", "x = 1\n");
	put(d, "bin.dat", "ab\0cd", 5);
	memset(big, 'x', sizeof(big));
	put(d, "big.txt", big, sizeof(big));
	put(d, "exact.txt", big, 1024);
	put(d, "empty.txt", "", 0);
	puts_(d, "secret.txt", "unreadable\n");
	mkd(d, "locked");
	puts_(d, "locked/in.txt", "x\n");
	mkd(d, "nested");
	mkd(d, "nested/.git");
	puts_(d, "nested/.git/config", "[core]\n");
	puts_(d, "nested/x.py", "x\n");
	puts_(d, "bom.txt", "\xef\xbb\xbfhello\n");

	/* 300 levels of "d", a file at level 5 and one at the bottom */
	fd = open(d, O_RDONLY | O_DIRECTORY);
	for (i = 0; i < 300 && fd != -1; i++) {
		mkdirat(fd, "d", 0755);
		nfd = openat(fd, "d", O_RDONLY | O_DIRECTORY);
		close(fd);
		fd = nfd;
		if (i == 4 || i == 299) {
			nfd = openat(fd, "f.txt", O_WRONLY | O_CREAT, 0644);
			if (nfd != -1)
				close(nfd);
		}
	}
	if (fd != -1)
		close(fd);
}

/*
 * As an unprivileged user (the tests may run as root, who reads
 * everything): an unreadable directory is skipped, an unreadable file is
 * not loaded, and neither stops the scan.  Returns a bit mask.
 */
static int
unreadable_child(const char *dir, const char *tmp)
{
	struct tl_repo	 r;
	const char	*reason, *why;
	int		 bits = 0;

	fflush(stdout);
	if (geteuid() == 0 && (setgid(65534) == -1 || setuid(65534) == -1))
		return 64;
	/* Start libgit2 afresh as this user: $HOME may be closed to us. */
	tl_git_shutdown();
	if (tl_git_init() < 0)
		return 128;
	setenv("TMPDIR", tmp, 1);
	if (tl_discover(&r, dir, NULL) != 0) {
		printf("# child: %s\n", tl_error_get());
		fflush(stdout);
		return 32;
	}
	bits |= 1;
	why = skip_reason(&r, "locked");
	if (why != NULL && strcmp(why, "permission denied") == 0)
		bits |= 2;
	if (load(&r, "secret.txt", 0, &reason) == 1 && reason != NULL &&
	    strcmp(reason, "permission denied") == 0)
		bits |= 4;
	if (tl_repo_file(&r, "a.py") != NULL)
		bits |= 8;
	tl_repo_release(&r);
	return bits;
}

static void
test_plain(const char *base)
{
	struct tl_repo		 r;
	const struct tl_file	*f;
	const char		*reason, *deep = NULL;
	const struct tl_skip	*s;
	char			*dir, *tmp, *before, *after, *p;
	size_t			 i;
	pid_t			 pid;
	int			 st, rc;

	dir = tl_printf("%s/plain", base);
	tmp = tl_printf("%s/gittmp", base);
	mkd(base, "plain");
	mkd(base, "gittmp");
	puts_(base, "outside.txt", "outside\n");
	build_plain(dir);

	TEST("a plain directory: ignore rules, links, special files");
	before = snapshot(dir);
	setenv("TMPDIR", tmp, 1);
	rc = tl_discover(&r, dir, NULL);
	CHECK_INT(rc, 0);
	if (rc != 0)
		printf("# %s\n", tl_error_get());
	after = snapshot(dir);
	CHECK_STR(after, before);
	p = tl_printf("%s/.git", dir);
	CHECK(access(p, F_OK) == -1);
	free(p);
	CHECK(dir_empty(tmp));
	CHECK_INT(r.git.is_repo, 0);
	CHECK_INT(r.git.has_commits, 0);
	CHECK_STR(r.git.prefix, "");
	CHECK(r.git.head == NULL && r.git.branch == NULL);
	CHECK(sorted(&r));
	p = realpath(dir, NULL);
	CHECK_STR(r.root, p);
	free(p);

	CHECK_INT(tracked(&r, ".gitignore"), 0);
	CHECK_INT(tracked(&r, "a.py"), 0);
	CHECK_INT(tracked(&r, "keep.log"), 0);
	CHECK_INT(tracked(&r, "sub/Dockerfile"), 0);
	CHECK_INT(tracked(&r, "sub/.gitignore"), 0);
	CHECK_INT(tracked(&r, "link_in"), 0);
	CHECK_INT(tracked(&r, "bin.dat"), 0);
	CHECK_INT(tracked(&r, "empty.txt"), 0);
	CHECK_INT(tracked(&r, "d/d/d/d/d/f.txt"), 0);
	CHECK_INT(tracked(&r, "evil\n\x1b[31m.py"), 0);
	CHECK_INT(tracked(&r, "debug.log"), -1);
	CHECK_INT(tracked(&r, "build/x.js"), -1);
	CHECK_INT(tracked(&r, "sub/local.txt"), -1);
	CHECK_INT(tracked(&r, "nested/x.py"), -1);
	CHECK_INT(tracked(&r, "fifo"), -1);
	CHECK_INT(tracked(&r, "link_out"), -1);
	CHECK_INT(tracked(&r, "locked/in.txt"), 0);

	CHECK_STR(skip_reason(&r, "link_out"), "symbolic link out of the tree");
	CHECK_STR(skip_reason(&r, "link_dotdot"),
	    "symbolic link out of the tree");
	CHECK_STR(skip_reason(&r, "link_chain"),
	    "symbolic link out of the tree");
	CHECK_STR(skip_reason(&r, "link_dir"), "symbolic link to a directory");
	CHECK_STR(skip_reason(&r, "link_self"), "symbolic link to a directory");
	CHECK_STR(skip_reason(&r, "link_gitcfg"),
	    "symbolic link out of the tree");
	CHECK_STR(skip_reason(&r, "link_broken"), "broken symbolic link");
	CHECK_STR(skip_reason(&r, "loop1"), "broken symbolic link");
	CHECK_STR(skip_reason(&r, "fifo"), "not a regular file");
	CHECK_STR(skip_reason(&r, "sock"), "not a regular file");
	CHECK_STR(skip_reason(&r, "nested"), "nested git repository");
	CHECK(skip_reason(&r, "debug.log") == NULL);
	for (i = 0; i < r.skipped.len; i++) {
		s = r.skipped.items[i];
		if (strcmp(s->reason, "directory nesting too deep") == 0)
			deep = s->path;
	}
	CHECK(deep != NULL && strlen(deep) == 257 * 2 - 1);

	f = tl_repo_file(&r, "sub/Dockerfile");
	CHECK(f != NULL && f->kind == TL_FILE_DOCKERFILE &&
	    strcmp(f->name, "Dockerfile") == 0);
	f = tl_repo_file(&r, "evil\n\x1b[31m.py");
	CHECK(f != NULL && f->kind == TL_FILE_SOURCE &&
	    f->lang == TL_LANG_PYTHON);
	CHECK(tl_repo_file(&r, "nope") == NULL);
	CHECK(!tl_repo_has_kind(&r, TL_FILE_DOCKERFILE));	/* not read */

	TEST("safe loading");
	f = tl_repo_file(&r, "a.py");
	CHECK_INT(tl_file_load(&r, (struct tl_file *)f, NULL, &reason), 0);
	CHECK(f->loaded && f->size == 27 && f->lines.n == 2);
	CHECK_STR(f->data, "print('hi')\nprint('again')\n");
	CHECK_INT(tl_file_load(&r, (struct tl_file *)f, NULL, &reason), 0);
	f = tl_repo_file(&r, "link_in");
	CHECK_INT(tl_file_load(&r, (struct tl_file *)f, NULL, &reason), 0);
	CHECK(f->data != NULL && strncmp(f->data, "print", 5) == 0);
	f = tl_repo_file(&r, "bom.txt");
	CHECK_INT(tl_file_load(&r, (struct tl_file *)f, NULL, &reason), 0);
	CHECK_STR(f->data, "\xef\xbb\xbfhello\n");
	CHECK_INT(load(&r, "empty.txt", 0, &reason), 0);
	CHECK_INT(load(&r, "exact.txt", 1024, &reason), 0);
	CHECK_INT(load(&r, "big.txt", 1024, &reason), 1);
	CHECK_STR(reason, "larger than --max-file-size");
	CHECK_INT(load(&r, "big.txt", 0, &reason), 0);
	CHECK_INT(load(&r, "bin.dat", 0, &reason), 1);
	CHECK_STR(reason, "binary file");
	CHECK_INT(load(&r, "fifo", 0, &reason), 1);
	CHECK_STR(reason, "not a regular file");
	CHECK_INT(load(&r, "sock", 0, &reason), 1);
	CHECK_STR(reason, "not a regular file");
	CHECK_INT(load(&r, "link_out", 0, &reason), 1);
	CHECK_STR(reason, "symbolic link out of the tree");
	CHECK_INT(load(&r, "link_dotdot", 0, &reason), 1);
	CHECK_STR(reason, "symbolic link out of the tree");
	CHECK_INT(load(&r, "loop1", 0, &reason), 1);
	CHECK_STR(reason, "broken symbolic link");
	CHECK_INT(load(&r, "gone.txt", 0, &reason), 1);
	CHECK_STR(reason, "file vanished during the scan");
	CHECK_INT(load(&r, "evil\n\x1b[31m.py", 0, &reason), 0);
	f = tl_repo_file(&r, "sub/Dockerfile");
	CHECK_INT(tl_file_load(&r, (struct tl_file *)f, NULL, &reason), 0);
	CHECK(tl_repo_has_kind(&r, TL_FILE_DOCKERFILE));
	CHECK(!tl_repo_has_kind(&r, TL_FILE_COMPOSE));
	tl_repo_release(&r);
	tl_repo_release(&r);
	free(before);
	free(after);

	TEST("a $TMPDIR inside the target is not used");
	before = snapshot(dir);
	p = tl_printf("%s/sub", dir);
	setenv("TMPDIR", p, 1);
	free(p);
	rc = tl_discover(&r, dir, NULL);
	CHECK_INT(rc, 0);
	after = snapshot(dir);
	CHECK_STR(after, before);
	tl_repo_release(&r);
	free(before);
	free(after);
	setenv("TMPDIR", tmp, 1);

	TEST("a symbolic link as the target is resolved");
	lnk(base, "alias", "plain");
	p = tl_printf("%s/alias", base);
	rc = tl_discover(&r, p, NULL);
	CHECK_INT(rc, 0);
	CHECK(r.root != NULL && tl_str_has_suffix(r.root, "/plain"));
	CHECK(tl_repo_file(&r, "a.py") != NULL);
	tl_repo_release(&r);
	free(p);

	TEST("unreadable files and directories are skipped, not fatal");
	p = tl_printf("%s/secret.txt", dir);
	chmod(p, 0);
	free(p);
	p = tl_printf("%s/locked", dir);
	chmod(p, 0);
	free(p);
	chmod(base, 0755);
	chmod(tmp, 01777);
	fflush(stdout);
	if ((pid = fork()) == 0)
		_exit(unreadable_child(dir, tmp));
	st = -1;
	waitpid(pid, &st, 0);
	CHECK(WIFEXITED(st));
	CHECK_INT(WEXITSTATUS(st), 15);
	CHECK(dir_empty(tmp));
	free(dir);
	free(tmp);
}

static void
test_errors(const char *base)
{
	struct tl_repo	 r;
	char		*p, *want;
	int		 rc;

	TEST("targets that cannot be scanned");
	p = tl_printf("%s/missing", base);
	rc = tl_discover(&r, p, NULL);
	CHECK_INT(rc, TL_ENOENT);
	want = tl_printf("cannot open '%s': No such file or directory", p);
	CHECK_STR(tl_error_get(), want);
	CHECK(r.root == NULL && r.nfiles == 0);
	tl_repo_release(&r);
	free(want);
	free(p);

	p = tl_printf("%s/outside.txt", base);
	rc = tl_discover(&r, p, NULL);
	CHECK_INT(rc, TL_EUSAGE);
	want = tl_printf("cannot scan '%s': Not a directory", p);
	CHECK_STR(tl_error_get(), want);
	tl_repo_release(&r);
	free(want);
	free(p);

	puts_(base, "ctl\x1b]0;x\x07", "");
	p = tl_printf("%s/ctl\x1b]0;x\x07/x", base);
	rc = tl_discover(&r, p, NULL);
	CHECK(rc < 0 && strchr(tl_error_get(), '\x1b') == NULL);
	free(p);
}

/* --- git repositories prepared by t_discover.sh ---------------------- */

static char *
slurp_line(const char *dir, const char *name)
{
	char	*p, line[128];
	FILE	*fp;

	p = tl_printf("%s/%s", dir, name);
	fp = fopen(p, "r");
	free(p);
	if (fp == NULL)
		return tl_strdup("");
	if (fgets(line, sizeof(line), fp) == NULL)
		line[0] = '\0';
	fclose(fp);
	line[strcspn(line, "\n")] = '\0';
	return tl_strdup(line);
}

/* 1 + the index of the branch, or 0. */
static size_t
has_branch(const struct tl_repo *r, const char *name)
{
	size_t	 i;

	for (i = 0; i < r->git.branches.len; i++)
		if (strcmp(r->git.branches.items[i], name) == 0)
			return i + 1;
	return 0;
}

/* Commits of a branch the default branch cannot reach; -2: no count. */
static int
ahead(const struct tl_repo *r, const char *name)
{
	size_t	 i;

	if ((i = has_branch(r, name)) == 0 || i > r->git.nahead)
		return -2;
	return r->git.ahead[i - 1];
}

static void
test_env_branch(void)
{
	TEST("git: environment branch names");
	CHECK(tl_git_env_branch("prod"));
	CHECK(tl_git_env_branch("Production"));
	CHECK(tl_git_env_branch("staging"));
	CHECK(tl_git_env_branch("origin/staging"));
	CHECK(tl_git_env_branch("env/eu-west-1"));
	CHECK(tl_git_env_branch("origin/env/qa"));
	CHECK(tl_git_env_branch("release/prod"));
	CHECK(tl_git_env_branch("deploy/uat"));
	CHECK(!tl_git_env_branch("main"));
	CHECK(!tl_git_env_branch("develop"));
	CHECK(!tl_git_env_branch("release/1.2"));
	CHECK(!tl_git_env_branch("origin/release/1.2"));
	CHECK(!tl_git_env_branch("feature/prod-banner"));
	CHECK(!tl_git_env_branch("env/"));
	CHECK(!tl_git_env_branch("productivity"));
}

static void
test_git(const char *fx)
{
	struct tl_repo	 r;
	char		*p, *head, *before, *after;
	int		 rc;

	TEST("git: tracked, untracked, ignored, submodule, facts");
	p = tl_printf("%s/repo", fx);
	head = slurp_line(fx, "repo.head");
	before = snapshot(p);
	rc = tl_discover(&r, p, NULL);
	after = snapshot(p);
	CHECK_INT(rc, 0);
	if (rc != 0)
		printf("# %s\n", tl_error_get());
	CHECK_STR(after, before);
	CHECK(sorted(&r));
	CHECK_INT(r.nfiles, 7);
	CHECK_INT(tracked(&r, ".gitignore"), 1);
	CHECK_INT(tracked(&r, "Dockerfile"), 1);
	CHECK_INT(tracked(&r, "app.py"), 1);
	CHECK_INT(tracked(&r, "build/keep.txt"), 1);
	CHECK_INT(tracked(&r, "src/main.go"), 1);
	CHECK_INT(tracked(&r, "new.js"), 0);
	CHECK_INT(tracked(&r, "gone.txt"), -1);
	CHECK_INT(tracked(&r, "debug.log"), -1);
	CHECK_INT(tracked(&r, "build/out.js"), -1);
	CHECK_INT(tracked(&r, "nested/x.py"), -1);
	CHECK_INT(tracked(&r, ".git/config"), -1);
	CHECK_STR(skip_reason(&r, "vendor/lib"), "submodule");
	CHECK_STR(skip_reason(&r, "nested"), "nested git repository");
	CHECK_INT(r.git.is_repo, 1);
	CHECK_INT(r.git.has_commits, 1);
	CHECK_INT(r.git.shallow, 0);
	CHECK_INT(r.git.dirty, 1);
	CHECK_STR(r.git.head, head);
	CHECK_STR(r.git.branch, "main");
	CHECK_STR(r.git.remote, "https://github.com/acme/app.git");
	CHECK_INT(r.git.nremotes, 2);
	CHECK_INT(r.git.ntags, 2);
	CHECK_STR(r.git.prefix, "");
	CHECK_INT(r.git.branches.len, 4);
	CHECK(has_branch(&r, "main") && has_branch(&r, "feature") &&
	    has_branch(&r, "origin/main") && has_branch(&r, "staging"));
	CHECK_INT(r.git.default_branch, has_branch(&r, "origin/main"));
	CHECK_INT(r.git.nahead, 4);
	CHECK_INT(ahead(&r, "staging"), 1);
	/* only environment branches are counted */
	CHECK_INT(ahead(&r, "feature"), -1);
	CHECK_INT(ahead(&r, "main"), -1);
	CHECK_INT(ahead(&r, "origin/main"), -1);
	tl_repo_release(&r);
	free(before);
	free(after);
	free(p);

	TEST("git: a subdirectory as the target");
	p = tl_printf("%s/repo/src", fx);
	rc = tl_discover(&r, p, NULL);
	CHECK_INT(rc, 0);
	CHECK_STR(r.git.prefix, "src");
	CHECK_INT(r.nfiles, 2);
	CHECK_INT(tracked(&r, "main.go"), 1);
	CHECK_INT(tracked(&r, "extra.go"), 0);
	CHECK_INT(tracked(&r, "debug.log"), -1);
	CHECK_STR(r.git.head, head);
	tl_repo_release(&r);
	free(p);
	free(head);

	TEST("git: an unborn branch");
	p = tl_printf("%s/unborn", fx);
	rc = tl_discover(&r, p, NULL);
	CHECK_INT(rc, 0);
	CHECK_INT(r.git.is_repo, 1);
	CHECK_INT(r.git.has_commits, 0);
	CHECK(r.git.head == NULL);
	CHECK_STR(r.git.branch, "trunk");
	CHECK(r.git.remote == NULL);
	CHECK_INT(r.git.nremotes, 0);
	CHECK_INT(r.git.dirty, 1);
	CHECK_INT(tracked(&r, "README"), 0);
	CHECK_INT(r.git.default_branch, 0);
	CHECK_INT(r.git.nahead, 0);
	tl_repo_release(&r);
	free(p);

	TEST("git: a detached HEAD, clean");
	p = tl_printf("%s/detached", fx);
	head = slurp_line(fx, "detached.head");
	rc = tl_discover(&r, p, NULL);
	CHECK_INT(rc, 0);
	CHECK_STR(r.git.head, head);
	CHECK(r.git.branch == NULL);
	CHECK_INT(r.git.dirty, 0);
	CHECK_INT(r.git.ntags, 0);
	CHECK_INT(tracked(&r, "a.txt"), 1);
	/* no origin/HEAD: main is the default branch */
	CHECK_INT(r.git.default_branch, has_branch(&r, "main"));
	CHECK_INT(r.git.nahead, 1);
	CHECK_INT(ahead(&r, "main"), -1);
	tl_repo_release(&r);
	free(head);
	free(p);

	TEST("git: a shallow clone");
	p = tl_printf("%s/shallow", fx);
	rc = tl_discover(&r, p, NULL);
	CHECK_INT(rc, 0);
	CHECK_INT(r.git.shallow, 1);
	CHECK_STR(r.git.branch, "main");
	CHECK(r.git.remote != NULL && tl_str_has_prefix(r.git.remote,
	    "file://") && tl_str_has_suffix(r.git.remote, "/repo"));
	CHECK(has_branch(&r, "origin/main"));
	tl_repo_release(&r);
	free(p);

	TEST("git: repositories that cannot be scanned");
	p = tl_printf("%s/bare.git", fx);
	rc = tl_discover(&r, p, NULL);
	CHECK_INT(rc, TL_EUSAGE);
	CHECK(strstr(tl_error_get(), "bare repository") != NULL);
	free(p);
	p = tl_printf("%s/repo/.git", fx);
	rc = tl_discover(&r, p, NULL);
	CHECK_INT(rc, TL_EUSAGE);
	CHECK(strstr(tl_error_get(), "inside a git directory") != NULL);
	free(p);
	p = tl_printf("%s/repo/.git/refs", fx);
	rc = tl_discover(&r, p, NULL);
	CHECK_INT(rc, TL_EUSAGE);
	free(p);
}

int
main(int argc, char *argv[])
{
	char	*tmpl, *base;
	const char *t;

	if (tl_git_init() < 0) {
		printf("# %s\n", tl_error_get());
		return 1;
	}
	test_classify();
	test_url_clean();
	test_hash();
	test_paths();

	t = getenv("TMPDIR");
	tmpl = tl_printf("%s/t_discover.XXXXXX", t != NULL && *t != '\0' ?
	    t : "/tmp");
	if ((base = mkdtemp(tmpl)) == NULL) {
		printf("# mkdtemp: %s\n", strerror(errno));
		return 1;
	}
	setenv("GIT_CEILING_DIRECTORIES", base, 1);
	test_plain(base);
	test_errors(base);
	test_env_branch();
	rm_tree(base);
	free(tmpl);

	if (argc > 1) {
		unsetenv("GIT_CEILING_DIRECTORIES");
		test_git(argv[1]);
	} else
		printf("# git repositories skipped: run t_discover.sh\n");
	tl_git_shutdown();
	return TAP_DONE();
}
