/*
 * manifest.c: dependency manifests and lock files, read lightly.
 *
 * Each format has a small reader: JSON through cJSON, with positions
 * found by walking the same text in step with cJSON's member lists (cJSON
 * keeps members in text order); TOML through a minimal reader of tables,
 * key/value pairs, strings, arrays and inline tables; XML (pom, csproj)
 * through a scanner of tags and text; the rest line by line.  None of
 * them validates its format beyond what it needs; only JSON can fail.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>

#include "twelvelint/manifest.h"
#include "twelvelint/util.h"

#define TOML_MAXDEPTH	32	/* nested arrays / inline tables */
#define XML_MAXDEPTH	32	/* element names remembered */

enum eco {
	ECO_NONE = 0,
	ECO_NPM,
	ECO_PY,
	ECO_GO,
	ECO_RUBY,
	ECO_JAVA,
	ECO_RUST,
	ECO_PHP,
	ECO_NUGET
};

static const struct mf_type {
	const char	*name;		/* static */
	int		 lock;
	enum eco	 eco;
} mf_types[TL_MF__COUNT] = {
	[TL_MF_NONE] =		{ "", 0, ECO_NONE },
	[TL_MF_PACKAGE_JSON] =	{ "package.json", 0, ECO_NPM },
	[TL_MF_REQUIREMENTS] =	{ "requirements.txt", 0, ECO_PY },
	[TL_MF_PYPROJECT] =	{ "pyproject.toml", 0, ECO_PY },
	[TL_MF_PIPFILE] =	{ "Pipfile", 0, ECO_PY },
	[TL_MF_SETUP_PY] =	{ "setup.py", 0, ECO_PY },
	[TL_MF_GO_MOD] =	{ "go.mod", 0, ECO_GO },
	[TL_MF_GEMFILE] =	{ "Gemfile", 0, ECO_RUBY },
	[TL_MF_GEMSPEC] =	{ "gemspec", 0, ECO_RUBY },
	[TL_MF_POM] =		{ "pom.xml", 0, ECO_JAVA },
	[TL_MF_GRADLE] =	{ "build.gradle", 0, ECO_JAVA },
	[TL_MF_CARGO] =		{ "Cargo.toml", 0, ECO_RUST },
	[TL_MF_COMPOSER] =	{ "composer.json", 0, ECO_PHP },
	[TL_MF_CSPROJ] =	{ "csproj", 0, ECO_NUGET },
	[TL_MF_PACKAGE_LOCK] =	{ "package-lock.json", 1, ECO_NPM },
	[TL_MF_YARN_LOCK] =	{ "yarn.lock", 1, ECO_NPM },
	[TL_MF_PNPM_LOCK] =	{ "pnpm-lock.yaml", 1, ECO_NPM },
	[TL_MF_BUN_LOCK] =	{ "bun.lock", 1, ECO_NPM },
	[TL_MF_PIPFILE_LOCK] =	{ "Pipfile.lock", 1, ECO_PY },
	[TL_MF_POETRY_LOCK] =	{ "poetry.lock", 1, ECO_PY },
	[TL_MF_UV_LOCK] =	{ "uv.lock", 1, ECO_PY },
	[TL_MF_PDM_LOCK] =	{ "pdm.lock", 1, ECO_PY },
	[TL_MF_GO_SUM] =	{ "go.sum", 1, ECO_GO },
	[TL_MF_GEMFILE_LOCK] =	{ "Gemfile.lock", 1, ECO_RUBY },
	[TL_MF_CARGO_LOCK] =	{ "Cargo.lock", 1, ECO_RUST },
	[TL_MF_COMPOSER_LOCK] =	{ "composer.lock", 1, ECO_PHP },
	[TL_MF_PACKAGES_LOCK] =	{ "packages.lock.json", 1, ECO_NUGET },
	[TL_MF_GRADLE_LOCK] =	{ "gradle.lockfile", 1, ECO_JAVA }
};

/* File names, exact. */
static const struct mf_name {
	const char		*name;	/* static */
	enum tl_manifest_type	 type;
} mf_names[] = {
	{ "Cargo.lock",		TL_MF_CARGO_LOCK },
	{ "Cargo.toml",		TL_MF_CARGO },
	{ "Gemfile",		TL_MF_GEMFILE },
	{ "Gemfile.lock",	TL_MF_GEMFILE_LOCK },
	{ "Pipfile",		TL_MF_PIPFILE },
	{ "Pipfile.lock",	TL_MF_PIPFILE_LOCK },
	{ "build.gradle",	TL_MF_GRADLE },
	{ "build.gradle.kts",	TL_MF_GRADLE },
	{ "bun.lock",		TL_MF_BUN_LOCK },
	{ "bun.lockb",		TL_MF_BUN_LOCK },
	{ "composer.json",	TL_MF_COMPOSER },
	{ "composer.lock",	TL_MF_COMPOSER_LOCK },
	{ "gems.locked",	TL_MF_GEMFILE_LOCK },
	{ "gems.rb",		TL_MF_GEMFILE },
	{ "go.mod",		TL_MF_GO_MOD },
	{ "go.sum",		TL_MF_GO_SUM },
	{ "gradle.lockfile",	TL_MF_GRADLE_LOCK },
	{ "npm-shrinkwrap.json", TL_MF_PACKAGE_LOCK },
	{ "package-lock.json",	TL_MF_PACKAGE_LOCK },
	{ "package.json",	TL_MF_PACKAGE_JSON },
	{ "packages.lock.json",	TL_MF_PACKAGES_LOCK },
	{ "pdm.lock",		TL_MF_PDM_LOCK },
	{ "pnpm-lock.yaml",	TL_MF_PNPM_LOCK },
	{ "poetry.lock",	TL_MF_POETRY_LOCK },
	{ "pom.xml",		TL_MF_POM },
	{ "pyproject.toml",	TL_MF_PYPROJECT },
	{ "setup.cfg",		TL_MF_SETUP_PY },
	{ "setup.py",		TL_MF_SETUP_PY },
	{ "uv.lock",		TL_MF_UV_LOCK },
	{ "yarn.lock",		TL_MF_YARN_LOCK }
};

/* Which lock files lock which manifest. */
static const struct mf_lock {
	enum tl_manifest_type	 manifest;
	enum tl_manifest_type	 lock;
} mf_locks[] = {
	{ TL_MF_PACKAGE_JSON,	TL_MF_PACKAGE_LOCK },
	{ TL_MF_PACKAGE_JSON,	TL_MF_YARN_LOCK },
	{ TL_MF_PACKAGE_JSON,	TL_MF_PNPM_LOCK },
	{ TL_MF_PACKAGE_JSON,	TL_MF_BUN_LOCK },
	{ TL_MF_PYPROJECT,	TL_MF_POETRY_LOCK },
	{ TL_MF_PYPROJECT,	TL_MF_UV_LOCK },
	{ TL_MF_PYPROJECT,	TL_MF_PDM_LOCK },
	{ TL_MF_PIPFILE,	TL_MF_PIPFILE_LOCK },
	{ TL_MF_GO_MOD,		TL_MF_GO_SUM },
	{ TL_MF_GEMFILE,	TL_MF_GEMFILE_LOCK },
	{ TL_MF_GEMSPEC,	TL_MF_GEMFILE_LOCK },
	{ TL_MF_CARGO,		TL_MF_CARGO_LOCK },
	{ TL_MF_COMPOSER,	TL_MF_COMPOSER_LOCK },
	{ TL_MF_CSPROJ,		TL_MF_PACKAGES_LOCK },
	{ TL_MF_GRADLE,		TL_MF_GRADLE_LOCK }
};

const char *
tl_manifest_type_name(enum tl_manifest_type t)
{
	if ((int)t < 0 || t >= TL_MF__COUNT)
		return "";
	return mf_types[t].name;
}

int
tl_manifest_is_lock(enum tl_manifest_type t)
{
	if ((int)t < 0 || t >= TL_MF__COUNT)
		return 0;
	return mf_types[t].lock;
}

int
tl_manifest_lock_matches(enum tl_manifest_type manifest,
    enum tl_manifest_type lock)
{
	size_t	 i;

	for (i = 0; i < sizeof(mf_locks) / sizeof(mf_locks[0]); i++)
		if (mf_locks[i].manifest == manifest &&
		    mf_locks[i].lock == lock)
			return 1;
	return 0;
}

enum tl_manifest_type
tl_manifest_type_of(const char *name)
{
	size_t	 i;

	for (i = 0; i < sizeof(mf_names) / sizeof(mf_names[0]); i++)
		if (strcmp(name, mf_names[i].name) == 0)
			return mf_names[i].type;
	if (tl_str_has_prefix(name, "requirements") &&
	    tl_str_has_suffix(name, ".txt"))
		return TL_MF_REQUIREMENTS;
	if (tl_str_has_suffix(name, ".gemspec") && name[0] != '.')
		return TL_MF_GEMSPEC;
	if ((tl_str_has_suffix(name, ".csproj") ||
	    tl_str_has_suffix(name, ".fsproj") ||
	    tl_str_has_suffix(name, ".vbproj")) && name[0] != '.')
		return TL_MF_CSPROJ;
	return TL_MF_NONE;
}

/* --- building the result -------------------------------------------------- */

struct mfb {
	struct tl_manifest *m;		/* borrowed: the result */
	size_t		 cap;
	size_t		 icap;
	size_t		*set;		/* owned: lock names, dep index + 1 */
	size_t		 setcap;
	size_t		 setn;
};

static char *
trimdup(const char *s, size_t n)
{
	while (n > 0 && isspace((unsigned char)*s)) {
		s++;
		n--;
	}
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		n--;
	return tl_strndup(s, n);
}

static void
set_str(char **dst, const char *s)
{
	free(*dst);
	*dst = s == NULL ? NULL : tl_strdup(s);
}

static struct tl_dep *
dep_new(struct mfb *b, const char *name, size_t nlen, unsigned line)
{
	struct tl_manifest	*m = b->m;
	struct tl_dep		*d;

	if (m->ndeps == b->cap) {
		b->cap = b->cap == 0 ? 16 : b->cap * 2;
		m->deps = tl_reallocarray(m->deps, b->cap, sizeof(*m->deps));
	}
	d = &m->deps[m->ndeps++];
	memset(d, 0, sizeof(*d));
	d->name = trimdup(name, nlen);
	d->line = line;
	return d;
}

static void
include_add(struct mfb *b, const char *path, size_t n, unsigned line,
    int constraint)
{
	struct tl_manifest	*m = b->m;
	struct tl_mf_include	*inc;

	if (m->nincludes == b->icap) {
		b->icap = b->icap == 0 ? 4 : b->icap * 2;
		m->includes = tl_reallocarray(m->includes, b->icap,
		    sizeof(*m->includes));
	}
	inc = &m->includes[m->nincludes++];
	inc->path = trimdup(path, n);
	inc->line = line;
	inc->constraint = constraint;
}

static void
set_rehash(struct mfb *b)
{
	size_t	 cap = b->setcap == 0 ? 64 : b->setcap * 2, i, h;
	size_t	*set = tl_calloc(cap, sizeof(*set));
	const char *nm;

	for (i = 0; i < b->m->ndeps; i++) {
		nm = b->m->deps[i].name;
		h = (size_t)tl_hash64(nm, strlen(nm)) & (cap - 1);
		while (set[h] != 0)
			h = (h + 1) & (cap - 1);
		set[h] = i + 1;
	}
	free(b->set);
	b->set = set;
	b->setcap = cap;
}

/*
 * A locked package: once per name (the first occurrence); a package
 * locked for development and again for production is not dev-only.
 */
static void
lock_add(struct mfb *b, const char *name, size_t nlen, const char *ver,
    size_t vlen, unsigned line, int dev)
{
	struct tl_dep	*d;
	size_t		 h;

	while (nlen > 0 && isspace((unsigned char)*name)) {
		name++;
		nlen--;
	}
	while (nlen > 0 && isspace((unsigned char)name[nlen - 1]))
		nlen--;
	if (nlen == 0)
		return;
	if ((b->m->ndeps + 1) * 2 > b->setcap)
		set_rehash(b);
	h = (size_t)tl_hash64(name, nlen) & (b->setcap - 1);
	while (b->set[h] != 0) {
		d = &b->m->deps[b->set[h] - 1];
		if (strlen(d->name) == nlen &&
		    memcmp(d->name, name, nlen) == 0) {
			if (!dev)
				d->dev = 0;
			return;
		}
		h = (h + 1) & (b->setcap - 1);
	}
	d = dep_new(b, name, nlen, line);
	b->set[h] = b->m->ndeps;
	if (ver != NULL && vlen > 0)
		d->spec = trimdup(ver, vlen);
	d->pin = TL_PIN_EXACT;
	d->dev = dev;
}

/* --- pins ----------------------------------------------------------------- */

static int
all_hex(const char *s, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (!isxdigit((unsigned char)s[i]))
			return 0;
	return 1;
}

/* A git commit id: 7 to 64 hex digits with at least one digit. */
static int
is_commit(const char *s, size_t n)
{
	size_t	 i;

	if (n < 7 || n > 64 || !all_hex(s, n))
		return 0;
	for (i = 0; i < n; i++)
		if (isdigit((unsigned char)s[i]))
			return 1;
	return 0;
}

/* A git ref: commit → EXACT, tag (v1.2, 1.2) → RANGE, else FLOATING. */
static enum tl_pin
pin_gitref(const char *r, size_t n)
{
	if (n == 0)
		return TL_PIN_FLOATING;
	if (is_commit(r, n))
		return TL_PIN_EXACT;
	if ((r[0] == 'v' && n > 1 && isdigit((unsigned char)r[1])) ||
	    isdigit((unsigned char)r[0]))
		return TL_PIN_RANGE;
	return TL_PIN_FLOATING;
}

/* The ref after '#' (npm), "@" after the path (pip), or none. */
static enum tl_pin
pin_git_url(const char *u, int pip)
{
	const char	*p, *h, *r, *e;

	if (!pip) {
		if ((h = strchr(u, '#')) == NULL)
			return TL_PIN_FLOATING;
		h++;
		if (tl_str_has_prefix(h, "semver:"))
			return TL_PIN_RANGE;
		return pin_gitref(h, strcspn(h, "&"));
	}
	e = u + strcspn(u, "#");
	p = strstr(u, "://");
	p = p == NULL ? u : p + 3;
	while (p < e && *p != '/' && *p != ':')
		p++;
	for (r = NULL, h = p; h < e; h++)
		if (*h == '@')
			r = h + 1;
	if (r == NULL)
		return TL_PIN_FLOATING;
	return pin_gitref(r, (size_t)(e - r));
}

static int
is_git_url(const char *s)
{
	return tl_str_has_prefix(s, "git+") || tl_str_has_prefix(s, "git://") ||
	    tl_str_has_prefix(s, "git@") || tl_str_has_prefix(s, "github:") ||
	    tl_str_has_prefix(s, "gitlab:") ||
	    tl_str_has_prefix(s, "bitbucket:") ||
	    tl_str_has_prefix(s, "gist:") || tl_str_has_suffix(s, ".git") ||
	    strstr(s, ".git#") != NULL;
}

static int
is_local_path(const char *s)
{
	return tl_str_has_prefix(s, "./") || tl_str_has_prefix(s, "../") ||
	    tl_str_has_prefix(s, "/") || tl_str_has_prefix(s, "~/") ||
	    strcmp(s, ".") == 0 || strcmp(s, "..") == 0 ||
	    tl_str_has_prefix(s, ".\\") || tl_str_has_prefix(s, "..\\");
}

/* "1.2.3", "v1.2.3", "=1.2.3", "1.2.3-rc.1+b" exactly. */
static int
is_semver(const char *s, size_t n)
{
	size_t	 i = 0, parts = 0, digits;

	while (i < n && (s[i] == '=' || s[i] == 'v' || s[i] == ' '))
		i++;
	for (;;) {
		for (digits = 0; i < n && isdigit((unsigned char)s[i]); i++)
			digits++;
		if (digits == 0)
			return 0;
		parts++;
		if (parts == 3 || i >= n || s[i] != '.')
			break;
		i++;
	}
	if (parts != 3)
		return 0;
	if (i < n && (s[i] == '-' || s[i] == '+'))
		for (i++; i < n && (isalnum((unsigned char)s[i]) ||
		    s[i] == '.' || s[i] == '-' || s[i] == '+'); i++)
			continue;
	return i == n;
}

static enum tl_pin
pin_looser(enum tl_pin a, enum tl_pin b)
{
	if (a == TL_PIN_FLOATING || b == TL_PIN_FLOATING)
		return TL_PIN_FLOATING;
	if (a == TL_PIN_RANGE || b == TL_PIN_RANGE)
		return TL_PIN_RANGE;
	return a == TL_PIN_LOCAL ? b : a;
}

/* One npm range alternative (no "||"). */
static enum tl_pin
pin_npm_alt(const char *s, size_t n)
{
	size_t	 i = 0, a, ntok = 0;
	int	 lower = 0, upper = 0, loose = 0, exact = 0, hyphen = 0;

	while (i < n) {
		while (i < n && s[i] == ' ')
			i++;
		if (i >= n)
			break;
		for (a = i; i < n && s[i] != ' '; i++)
			continue;
		ntok++;
		if (i - a == 1 && s[a] == '-') {
			hyphen = 1;
			continue;
		}
		if (s[a] == '^' || s[a] == '~')
			loose = 1;
		else if (s[a] == '<')
			upper = 1;
		else if (s[a] == '>')
			lower = 1;
		else if (is_semver(s + a, i - a))
			exact = 1;
		else if ((i - a == 1 && (s[a] == '*' || s[a] == 'x' ||
		    s[a] == 'X')) || (i - a == 2 && s[a] == '=' &&
		    s[a + 1] == '*'))
			return TL_PIN_FLOATING;
		else
			loose = 1;	/* 1, 1.2, 1.x, 1.2.* */
	}
	if (ntok == 0)
		return TL_PIN_FLOATING;
	if (hyphen || upper || loose)
		return TL_PIN_RANGE;
	if (lower)
		return TL_PIN_FLOATING;
	return exact ? TL_PIN_EXACT : TL_PIN_RANGE;
}

/* package.json version specs; *path gets a local path (borrowed). */
static enum tl_pin
pin_npm(const char *s, const char **path)
{
	const char	*p, *at;
	enum tl_pin	 pin = TL_PIN_EXACT;
	size_t		 n, alts = 0;

	*path = NULL;
	while (*s == ' ')
		s++;
	if (tl_str_has_prefix(s, "npm:")) {
		s += 4;
		at = strchr(s[0] == '@' ? s + 1 : s, '@');
		return at == NULL ? TL_PIN_FLOATING : pin_npm(at + 1, path);
	}
	if (tl_str_has_prefix(s, "workspace:") ||
	    tl_str_has_prefix(s, "catalog:"))
		return TL_PIN_LOCAL;
	if (tl_str_has_prefix(s, "file:") || tl_str_has_prefix(s, "link:")) {
		*path = s + 5;
		return TL_PIN_LOCAL;
	}
	if (tl_str_has_prefix(s, "portal:")) {
		*path = s + 7;
		return TL_PIN_LOCAL;
	}
	if (is_local_path(s)) {
		*path = s;
		return TL_PIN_LOCAL;
	}
	if (is_git_url(s))
		return pin_git_url(s, 0);
	if (tl_str_has_prefix(s, "http://") || tl_str_has_prefix(s, "https://"))
		return strchr(s, '#') != NULL ? pin_git_url(s, 0) :
		    TL_PIN_RANGE;
	/* user/repo[#ref] shorthand */
	n = strcspn(s, " #");
	if (s[0] != '@' && (p = memchr(s, '/', n)) != NULL && p > s &&
	    strchr(s, ' ') == NULL)
		return pin_git_url(s, 0);
	if (isalpha((unsigned char)s[0]) && s[0] != 'x' && s[0] != 'X' &&
	    !(s[0] == 'v' && isdigit((unsigned char)s[1])))
		return TL_PIN_FLOATING;		/* latest, next, beta … */
	for (p = s; ; p += 2) {
		n = 0;
		while (p[n] != '\0' && !(p[n] == '|' && p[n + 1] == '|'))
			n++;
		pin = pin_looser(pin, pin_npm_alt(p, n));
		p += n;
		if (*p == '\0')
			break;
		alts++;
	}
	return alts > 0 && pin == TL_PIN_EXACT ? TL_PIN_RANGE : pin;
}

/* PEP 440 specifier sets: "==1.0", ">=1,<2", "~=1.4", "" … */
static enum tl_pin
pin_pep440(const char *s)
{
	const char	*p = s, *e;
	int		 exact = 0, upper = 0, ranged = 0, any = 0;

	for (;;) {
		while (*p == ' ' || *p == '(')
			p++;
		if (*p == '\0' || *p == ')')
			break;
		e = p + strcspn(p, ",)");
		any = 1;
		if (tl_str_has_prefix(p, "==="))
			exact = 1;
		else if (tl_str_has_prefix(p, "==")) {
			if (memchr(p, '*', (size_t)(e - p)) != NULL)
				ranged = 1;
			else
				exact = 1;
		} else if (tl_str_has_prefix(p, "~="))
			ranged = 1;
		else if (*p == '<')
			upper = 1;
		else if (isdigit((unsigned char)*p))
			exact = memchr(p, '*', (size_t)(e - p)) == NULL;
		if (*e == '\0' || *e == ')')
			break;
		p = e + 1;
	}
	if (!any)
		return TL_PIN_FLOATING;
	if (exact)
		return TL_PIN_EXACT;
	if (ranged || upper)
		return TL_PIN_RANGE;
	return TL_PIN_FLOATING;
}

/* Poetry: "^1.2", "~1.2", "1.2.3" (exact), "1.2.*", "*", PEP 440 … */
static enum tl_pin
pin_poetry(const char *s)
{
	const char	*p;
	enum tl_pin	 pin = TL_PIN_EXACT, one;
	size_t		 n;

	while (*s == ' ')
		s++;
	if (*s == '\0' || strcmp(s, "*") == 0)
		return TL_PIN_FLOATING;
	for (p = s; ; p += 2) {
		n = 0;
		while (p[n] != '\0' && !(p[n] == '|' && p[n + 1] == '|'))
			n++;
		while (*p == ' ') {
			p++;
			n--;
		}
		if ((*p == '^' || *p == '~') && p[1] != '=')
			one = TL_PIN_RANGE;
		else if (memchr(p, '*', n) != NULL)
			one = n == 1 ? TL_PIN_FLOATING : TL_PIN_RANGE;
		else if (isdigit((unsigned char)*p) &&
		    memchr(p, ',', n) == NULL)
			one = TL_PIN_EXACT;
		else {
			char	*t = tl_strndup(p, n);

			one = pin_pep440(t);
			free(t);
		}
		pin = pin_looser(pin, one);
		p += n;
		if (*p == '\0')
			break;
	}
	return pin;
}

/* Cargo: "1.2" is a caret range; "=1.2.3" exact; "*", ">=1" floating. */
static enum tl_pin
pin_cargo(const char *s)
{
	const char	*p = s;
	int		 exact = 0, upper = 0, ranged = 0, any = 0;

	for (;;) {
		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		any = 1;
		if (*p == '=')
			exact = 1;
		else if (*p == '<')
			upper = 1;
		else if (*p == '>' || (*p == '*' && (p[1] == '\0' ||
		    p[1] == ' ' || p[1] == ',')))
			;		/* lower bound only */
		else
			ranged = 1;
		p += strcspn(p, ",");
		if (*p == '\0')
			break;
		p++;
	}
	if (!any)
		return TL_PIN_FLOATING;
	if (exact)
		return TL_PIN_EXACT;
	if (ranged || upper)
		return TL_PIN_RANGE;
	return TL_PIN_FLOATING;
}

/* RubyGems requirements, several strings: "~> 1.2", ">= 1", "1.2.3". */
static enum tl_pin
pin_gem(char **reqs, size_t n)
{
	size_t	 i;
	int	 exact = 0, ranged = 0;
	const char *p;

	for (i = 0; i < n; i++) {
		p = reqs[i];
		while (*p == ' ')
			p++;
		if (tl_str_has_prefix(p, "~>") || *p == '<')
			ranged = 1;
		else if ((*p == '=' && p[1] != '=') ||
		    isdigit((unsigned char)*p))
			exact = 1;
	}
	if (exact)
		return TL_PIN_EXACT;
	return ranged ? TL_PIN_RANGE : TL_PIN_FLOATING;
}

/* Composer: "1.2.3" exact, "^1", "~1", "1.*" ranges, "dev-main" floating. */
static enum tl_pin
pin_composer(const char *s)
{
	const char	*p = s, *e;
	enum tl_pin	 pin = TL_PIN_EXACT, alt;
	int		 lower, bounded, exact, floating;
	size_t		 n;

	for (;;) {
		while (*p == ' ' || *p == '|')
			p++;
		if (*p == '\0')
			break;
		for (e = p; *e != '\0' && *e != '|'; e++)
			continue;
		lower = bounded = exact = floating = 0;
		while (p < e) {
			while (p < e && (*p == ' ' || *p == ','))
				p++;
			if (p >= e)
				break;
			n = strcspn(p, " ,|");
			if ((size_t)(e - p) < n)
				n = (size_t)(e - p);
			if (tl_str_has_prefix(p, "dev-") ||
			    (n > 4 && memcmp(p + n - 4, "-dev", 4) == 0)) {
				if (memchr(p, '#', n) != NULL)
					exact = 1;	/* dev-main#hash */
				else
					floating = 1;
			} else if (*p == '@')
				;		/* stability flag */
			else if (*p == '>')
				lower = 1;
			else if (*p == '*' && n == 1)
				lower = 1;
			else if (*p == '^' || *p == '~' || *p == '<' ||
			    *p == '-' || memchr(p, '*', n) != NULL ||
			    memchr(p, 'x', n) != NULL)
				bounded = 1;
			else
				exact++;
			p += n;
		}
		if (floating)
			alt = TL_PIN_FLOATING;
		else if (bounded || (lower && exact))
			alt = TL_PIN_RANGE;
		else if (lower)
			alt = TL_PIN_FLOATING;
		else
			alt = exact ? TL_PIN_EXACT : TL_PIN_FLOATING;
		pin = pin_looser(pin, alt);
		p = e;
	}
	return pin;
}

/* Maven, Gradle and NuGet versions; NULL: managed elsewhere (a BOM). */
static enum tl_pin
pin_jvm(const char *s)
{
	if (s == NULL || *s == '\0')
		return TL_PIN_EXACT;
	if (strcmp(s, "LATEST") == 0 || strcmp(s, "RELEASE") == 0 ||
	    tl_str_has_prefix(s, "latest.") || strcmp(s, "+") == 0 ||
	    strcmp(s, "*") == 0 || tl_str_has_suffix(s, "-SNAPSHOT"))
		return TL_PIN_FLOATING;
	if (s[0] == '[' || s[0] == '(') {
		if (strchr(s, ',') == NULL)
			return TL_PIN_EXACT;	/* [1.2.3] */
		if (tl_str_has_suffix(s, ",)") || tl_str_has_suffix(s, ",]") ||
		    tl_str_has_suffix(s, ", )") || tl_str_has_suffix(s, ", ]"))
			return TL_PIN_FLOATING;	/* no upper bound */
		return TL_PIN_RANGE;
	}
	if (strchr(s, '$') != NULL || strchr(s, '+') != NULL ||
	    strchr(s, '*') != NULL)
		return TL_PIN_RANGE;	/* unresolved, 1.+, 1.* */
	return TL_PIN_EXACT;
}

/* --- JSON ----------------------------------------------------------------- */

/*
 * cJSON keeps no positions.  The text is walked again member by member
 * (js_*, jit_*), in step with cJSON's child lists, which keep text order,
 * so each key's offset, hence its line, is known.  The walk trusts the
 * text because cJSON accepted it.
 */
struct jctx {
	const char	*s;		/* borrowed: the text */
	size_t		 n;
	struct tl_lines	 li;		/* owned: line index */
};

struct jit {
	const struct jctx *j;		/* borrowed */
	size_t		 i;
};

static size_t
js_ws(const struct jctx *j, size_t i)
{
	while (i < j->n && (j->s[i] == ' ' || j->s[i] == '\t' ||
	    j->s[i] == '\n' || j->s[i] == '\r'))
		i++;
	return i;
}

static size_t
js_string_end(const struct jctx *j, size_t i)
{
	for (i++; i < j->n; i++) {
		if (j->s[i] == '\\')
			i++;
		else if (j->s[i] == '"')
			return i + 1;
	}
	return j->n;
}

static size_t
js_value_end(const struct jctx *j, size_t i)
{
	size_t	 depth = 0;
	char	 c;

	while (i < j->n) {
		c = j->s[i];
		if (c == '"') {
			i = js_string_end(j, i);
			if (depth == 0)
				return i;
			continue;
		}
		if (c == '{' || c == '[')
			depth++;
		else if (c == '}' || c == ']') {
			if (depth == 0)
				return i;
			if (--depth == 0)
				return i + 1;
		} else if (depth == 0 && (c == ',' ||
		    isspace((unsigned char)c)))
			return i;
		i++;
	}
	return i;
}

/* Members of the object (or elements of the array) opening at s[i]. */
static void
jit_init(struct jit *it, const struct jctx *j, size_t i)
{
	it->j = j;
	it->i = i + 1;
}

static int
jit_member(struct jit *it, size_t *koff, size_t *voff)
{
	const struct jctx	*j = it->j;
	size_t			 i;

	i = js_ws(j, it->i);
	if (i < j->n && j->s[i] == ',')
		i = js_ws(j, i + 1);
	if (i >= j->n || j->s[i] != '"')
		return 0;
	*koff = i;
	i = js_ws(j, js_string_end(j, i));
	if (i < j->n && j->s[i] == ':')
		i = js_ws(j, i + 1);
	*voff = i;
	it->i = js_value_end(j, i);
	return 1;
}

static int
jit_elem(struct jit *it, size_t *voff)
{
	const struct jctx	*j = it->j;
	size_t			 i;

	i = js_ws(j, it->i);
	if (i < j->n && j->s[i] == ',')
		i = js_ws(j, i + 1);
	if (i >= j->n || j->s[i] == ']')
		return 0;
	*voff = i;
	it->i = js_value_end(j, i);
	return 1;
}

static unsigned
jline(const struct jctx *j, size_t off)
{
	unsigned	 line, col;

	tl_lines_locate(&j->li, off, &line, &col);
	return line;
}

/* The member key of obj (its value at voff): child, key and value offsets. */
static cJSON *
jfind(const struct jctx *j, const cJSON *obj, size_t voff, const char *key,
    size_t *koff, size_t *cvoff)
{
	struct jit	 it;
	cJSON		*c;
	size_t		 k, v;

	if (!cJSON_IsObject(obj) || voff >= j->n || j->s[voff] != '{')
		return NULL;
	jit_init(&it, j, voff);
	for (c = obj->child; c != NULL; c = c->next) {
		if (!jit_member(&it, &k, &v))
			return NULL;
		if (c->string != NULL && strcmp(c->string, key) == 0) {
			if (koff != NULL)
				*koff = k;
			if (cvoff != NULL)
				*cvoff = v;
			return c;
		}
	}
	return NULL;
}

static const char *
jstr(const cJSON *obj, const char *key)
{
	const cJSON	*c = cJSON_GetObjectItemCaseSensitive(obj, key);

	return cJSON_IsString(c) ? c->valuestring : NULL;
}

static void
err_out(unsigned line, unsigned *errline, char *errmsg, size_t errsz,
    const char *msg)
{
	if (errline != NULL)
		*errline = line;
	if (errmsg != NULL && errsz > 0)
		snprintf(errmsg, errsz, "%s", msg);
	tl_error_set("%s", msg);
}

/*
 * Parse JSON text whose top level must be an object; *roff is the offset
 * of its '{'.  TL_EPARSE with the position of the first error.
 */
static int
json_load(struct jctx *j, cJSON **root, size_t *roff, unsigned *errline,
    char *errmsg, size_t errsz)
{
	const char	*end = NULL;
	char		 msg[128];
	size_t		 pos, i = 0;
	unsigned char	 c;

	*root = cJSON_ParseWithLengthOpts(j->s, j->n, &end, 0);
	pos = end == NULL ? j->n : (size_t)(end - j->s);
	if (*root != NULL) {
		pos = js_ws(j, pos);
		while (pos < j->n && j->s[pos] == '\0')
			pos++;
		if (pos >= j->n) {
			if (j->n >= 3 && memcmp(j->s, "\xef\xbb\xbf", 3) == 0)
				i = 3;
			i = js_ws(j, i);
			if (cJSON_IsObject(*root)) {
				*roff = i;
				return 0;
			}
			pos = i;
			snprintf(msg, sizeof(msg), "malformed JSON: "
			    "expected an object at the top level");
			goto fail;
		}
	}
	c = pos < j->n ? (unsigned char)j->s[pos] : 0;
	if (*root == NULL && pos + 1 == j->n && c != '}' && c != ']')
		pos = j->n;	/* cJSON points at the last byte at the end */
	if (pos >= j->n)
		snprintf(msg, sizeof(msg),
		    "malformed JSON: unexpected end of input");
	else if (isprint(c))
		snprintf(msg, sizeof(msg), "malformed JSON: unexpected '%c'",
		    c);
	else
		snprintf(msg, sizeof(msg),
		    "malformed JSON: unexpected byte 0x%02x", c);
fail:
	cJSON_Delete(*root);
	*root = NULL;
	err_out(jline(j, pos < j->n ? pos : (j->n > 0 ? j->n - 1 : 0)),
	    errline, errmsg, errsz, msg);
	return TL_EPARSE;
}

static void
npm_section(struct mfb *b, const struct jctx *j, const cJSON *obj,
    size_t voff, int dev, int optional, int peer)
{
	struct jit	 it;
	struct tl_dep	*d;
	cJSON		*c;
	const char	*path;
	size_t		 k, v;

	if (!cJSON_IsObject(obj) || j->s[voff] != '{')
		return;
	jit_init(&it, j, voff);
	for (c = obj->child; c != NULL; c = c->next) {
		if (!jit_member(&it, &k, &v))
			break;
		if (!cJSON_IsString(c) || c->string == NULL)
			continue;
		d = dep_new(b, c->string, strlen(c->string), jline(j, k));
		d->spec = tl_strdup(c->valuestring);
		d->pin = pin_npm(c->valuestring, &path);
		d->path = path == NULL ? NULL : tl_strdup(path);
		d->dev = dev;
		d->optional = optional;
		d->peer = peer;
	}
}

static void
parse_package_json(struct mfb *b, const struct jctx *j, const cJSON *root,
    size_t roff)
{
	struct tl_manifest	*m = b->m;
	struct jit		 it;
	cJSON			*c, *s;
	size_t			 k, v, sk;

	jit_init(&it, j, roff);
	for (c = root->child; c != NULL; c = c->next) {
		if (!jit_member(&it, &k, &v))
			break;
		if (c->string == NULL)
			continue;
		if (strcmp(c->string, "name") == 0 && cJSON_IsString(c))
			set_str(&m->name, c->valuestring);
		else if (strcmp(c->string, "version") == 0 &&
		    cJSON_IsString(c)) {
			set_str(&m->version, c->valuestring);
			m->version_line = jline(j, k);
		} else if (strcmp(c->string, "scripts") == 0) {
			if ((s = jfind(j, c, v, "start", &sk, NULL)) != NULL &&
			    cJSON_IsString(s)) {
				set_str(&m->start, s->valuestring);
				m->start_line = jline(j, sk);
			}
		} else if (strcmp(c->string, "engines") == 0) {
			if ((s = jfind(j, c, v, "node", &sk, NULL)) != NULL &&
			    cJSON_IsString(s)) {
				set_str(&m->runtime, s->valuestring);
				m->runtime_line = jline(j, sk);
			}
		} else if (strcmp(c->string, "dependencies") == 0)
			npm_section(b, j, c, v, 0, 0, 0);
		else if (strcmp(c->string, "devDependencies") == 0)
			npm_section(b, j, c, v, 1, 0, 0);
		else if (strcmp(c->string, "optionalDependencies") == 0)
			npm_section(b, j, c, v, 0, 1, 0);
		else if (strcmp(c->string, "peerDependencies") == 0)
			npm_section(b, j, c, v, 0, 0, 1);
	}
}

static void
composer_section(struct mfb *b, const struct jctx *j, const cJSON *obj,
    size_t voff, int dev)
{
	struct tl_manifest	*m = b->m;
	struct jit		 it;
	struct tl_dep		*d;
	cJSON			*c;
	size_t			 k, v;

	if (!cJSON_IsObject(obj) || j->s[voff] != '{')
		return;
	jit_init(&it, j, voff);
	for (c = obj->child; c != NULL; c = c->next) {
		if (!jit_member(&it, &k, &v))
			break;
		if (!cJSON_IsString(c) || c->string == NULL)
			continue;
		if (strchr(c->string, '/') == NULL) {
			/* platform package: php, ext-*, lib-*, composer-* */
			if (strcmp(c->string, "php") == 0 && !dev) {
				set_str(&m->runtime, c->valuestring);
				m->runtime_line = jline(j, k);
			}
			continue;
		}
		d = dep_new(b, c->string, strlen(c->string), jline(j, k));
		d->spec = tl_strdup(c->valuestring);
		d->pin = pin_composer(c->valuestring);
		d->dev = dev;
	}
}

static void
parse_composer(struct mfb *b, const struct jctx *j, const cJSON *root,
    size_t roff)
{
	struct tl_manifest	*m = b->m;
	struct jit		 it;
	cJSON			*c;
	size_t			 k, v;

	jit_init(&it, j, roff);
	for (c = root->child; c != NULL; c = c->next) {
		if (!jit_member(&it, &k, &v))
			break;
		if (c->string == NULL)
			continue;
		if (strcmp(c->string, "name") == 0 && cJSON_IsString(c))
			set_str(&m->name, c->valuestring);
		else if (strcmp(c->string, "version") == 0 &&
		    cJSON_IsString(c)) {
			set_str(&m->version, c->valuestring);
			m->version_line = jline(j, k);
		} else if (strcmp(c->string, "require") == 0)
			composer_section(b, j, c, v, 0);
		else if (strcmp(c->string, "require-dev") == 0)
			composer_section(b, j, c, v, 1);
	}
}

/* An array of {"name": …, "version": …} objects (composer.lock). */
static void
lock_array(struct mfb *b, const struct jctx *j, const cJSON *arr,
    size_t voff, int dev)
{
	struct jit	 it;
	cJSON		*c;
	const char	*ver;
	size_t		 v, k;

	if (!cJSON_IsArray(arr) || j->s[voff] != '[')
		return;
	jit_init(&it, j, voff);
	for (c = arr->child; c != NULL; c = c->next) {
		if (!jit_elem(&it, &v))
			break;
		if (jfind(j, c, v, "name", &k, NULL) == NULL ||
		    jstr(c, "name") == NULL)
			continue;
		ver = jstr(c, "version");
		lock_add(b, jstr(c, "name"), strlen(jstr(c, "name")), ver,
		    ver == NULL ? 0 : strlen(ver), jline(j, k), dev);
	}
}

/* An object of name → {"version": …} (Pipfile.lock sections). */
static void
lock_object(struct mfb *b, const struct jctx *j, const cJSON *obj,
    size_t voff, int dev)
{
	struct jit	 it;
	cJSON		*c;
	const char	*ver;
	size_t		 k, v;

	if (!cJSON_IsObject(obj) || j->s[voff] != '{')
		return;
	jit_init(&it, j, voff);
	for (c = obj->child; c != NULL; c = c->next) {
		if (!jit_member(&it, &k, &v))
			break;
		if (c->string == NULL)
			continue;
		ver = cJSON_IsString(c) ? c->valuestring : jstr(c, "version");
		if (ver == NULL)
			ver = jstr(c, "resolved");
		lock_add(b, c->string, strlen(c->string), ver,
		    ver == NULL ? 0 : strlen(ver), jline(j, k),
		    dev || cJSON_IsTrue(cJSON_GetObjectItem(c, "dev")));
	}
}

/* package-lock v1 "dependencies": nested objects of the same shape. */
static void
npm_lock_v1(struct mfb *b, const struct jctx *j, const cJSON *obj,
    size_t voff, int depth)
{
	struct jit	 it;
	cJSON		*c, *sub;
	const char	*ver;
	size_t		 k, v, sv;

	if (depth > 64 || !cJSON_IsObject(obj) || j->s[voff] != '{')
		return;
	jit_init(&it, j, voff);
	for (c = obj->child; c != NULL; c = c->next) {
		if (!jit_member(&it, &k, &v))
			break;
		if (c->string == NULL || !cJSON_IsObject(c))
			continue;
		ver = jstr(c, "version");
		lock_add(b, c->string, strlen(c->string), ver,
		    ver == NULL ? 0 : strlen(ver), jline(j, k),
		    cJSON_IsTrue(cJSON_GetObjectItem(c, "dev")));
		if ((sub = jfind(j, c, v, "dependencies", NULL, &sv)) != NULL)
			npm_lock_v1(b, j, sub, sv, depth + 1);
	}
}

static void
parse_package_lock(struct mfb *b, const struct jctx *j, const cJSON *root,
    size_t roff)
{
	struct jit	 it;
	cJSON		*pk, *c;
	const char	*name, *p, *ver;
	size_t		 k, v;

	set_str(&b->m->name, jstr(root, "name"));
	set_str(&b->m->version, jstr(root, "version"));
	if ((pk = jfind(j, root, roff, "packages", NULL, &v)) == NULL) {
		if ((pk = jfind(j, root, roff, "dependencies", NULL,
		    &v)) != NULL)
			npm_lock_v1(b, j, pk, v, 0);
		return;
	}
	if (!cJSON_IsObject(pk) || j->s[v] != '{')
		return;
	jit_init(&it, j, v);
	for (c = pk->child; c != NULL; c = c->next) {
		if (!jit_member(&it, &k, &v))
			break;
		if (c->string == NULL)
			continue;
		/* "node_modules/a/node_modules/@s/b" → "@s/b" */
		name = NULL;
		for (p = c->string; (p = strstr(p, "node_modules/")) != NULL;
		    p += 13)
			name = p + 13;
		if (name == NULL)
			continue;	/* the root or a workspace folder */
		ver = jstr(c, "version");
		lock_add(b, name, strlen(name), ver,
		    ver == NULL ? 0 : strlen(ver), jline(j, k),
		    cJSON_IsTrue(cJSON_GetObjectItem(c, "dev")));
	}
}

static void
parse_packages_lock(struct mfb *b, const struct jctx *j, const cJSON *root,
    size_t roff)
{
	struct jit	 it;
	cJSON		*deps, *c;
	size_t		 k, v;

	if ((deps = jfind(j, root, roff, "dependencies", NULL, &v)) == NULL ||
	    !cJSON_IsObject(deps))
		return;
	jit_init(&it, j, v);
	for (c = deps->child; c != NULL; c = c->next) {
		if (!jit_member(&it, &k, &v))
			break;
		lock_object(b, j, c, v, 0);	/* per target framework */
	}
}

static int
parse_json(struct mfb *b, enum tl_manifest_type type, const char *s,
    size_t n, unsigned *errline, char *errmsg, size_t errsz)
{
	struct jctx	 j;
	cJSON		*root = NULL, *c;
	size_t		 roff = 0, v;
	int		 error;

	j.s = s;
	j.n = n;
	tl_lines_build(&j.li, s, n);
	if ((error = json_load(&j, &root, &roff, errline, errmsg,
	    errsz)) != 0)
		goto out;
	switch (type) {
	case TL_MF_PACKAGE_JSON:
		parse_package_json(b, &j, root, roff);
		break;
	case TL_MF_COMPOSER:
		parse_composer(b, &j, root, roff);
		break;
	case TL_MF_PACKAGE_LOCK:
		parse_package_lock(b, &j, root, roff);
		break;
	case TL_MF_COMPOSER_LOCK:
		if ((c = jfind(&j, root, roff, "packages", NULL, &v)) != NULL)
			lock_array(b, &j, c, v, 0);
		if ((c = jfind(&j, root, roff, "packages-dev", NULL,
		    &v)) != NULL)
			lock_array(b, &j, c, v, 1);
		break;
	case TL_MF_PIPFILE_LOCK:
		if ((c = jfind(&j, root, roff, "default", NULL, &v)) != NULL)
			lock_object(b, &j, c, v, 0);
		if ((c = jfind(&j, root, roff, "develop", NULL, &v)) != NULL)
			lock_object(b, &j, c, v, 1);
		break;
	case TL_MF_PACKAGES_LOCK:
		parse_packages_lock(b, &j, root, roff);
		break;
	default:
		break;
	}
out:
	cJSON_Delete(root);
	tl_lines_release(&j.li);
	return error;
}

/* --- TOML ----------------------------------------------------------------- */

/*
 * Just enough TOML: [table] and [[array.table]] headers, dotted and
 * quoted keys, basic/literal/multi-line strings, arrays and inline tables
 * over several lines, anything else kept raw (numbers, booleans, dates).
 */
enum tv_type {
	TV_NONE = 0,
	TV_STR,
	TV_RAW,
	TV_ARR,
	TV_TBL
};

struct tval {
	enum tv_type	 type;
	char		*key;		/* owned: key inside an inline table */
	char		*s;		/* owned: TV_STR decoded, TV_RAW text */
	unsigned	 line;
	struct tval	*kids;		/* owned: array items, table members */
	size_t		 nkids;
	size_t		 cap;
};

struct toml {
	const char	*s;		/* borrowed: the text */
	size_t		 n;
	size_t		 i;
	unsigned	 line;
	char		*table;		/* owned: current table, dotted */
	int		 array_table;	/* its header was [[…]] */
	unsigned	 seq;		/* headers read so far */
	unsigned	 table_line;
	struct tl_buf	 kb;		/* owned: scratch for keys */
};

static void
tv_release(struct tval *v)
{
	size_t	 i;

	for (i = 0; i < v->nkids; i++)
		tv_release(&v->kids[i]);
	free(v->kids);
	free(v->key);
	free(v->s);
	memset(v, 0, sizeof(*v));
}

static struct tval *
tv_push(struct tval *v)
{
	struct tval	*k;

	if (v->nkids == v->cap) {
		v->cap = v->cap == 0 ? 4 : v->cap * 2;
		v->kids = tl_reallocarray(v->kids, v->cap, sizeof(*v->kids));
	}
	k = &v->kids[v->nkids++];
	memset(k, 0, sizeof(*k));
	return k;
}

static const struct tval *
tv_get(const struct tval *v, const char *key)
{
	size_t	 i;

	if (v == NULL || v->type != TV_TBL)
		return NULL;
	for (i = 0; i < v->nkids; i++)
		if (v->kids[i].key != NULL && strcmp(v->kids[i].key, key) == 0)
			return &v->kids[i];
	return NULL;
}

static const char *
tv_str(const struct tval *v, const char *key)
{
	const struct tval	*k = key == NULL ? v : tv_get(v, key);

	return k != NULL && k->type == TV_STR ? k->s : NULL;
}

static int
tv_true(const struct tval *v, const char *key)
{
	const struct tval	*k = tv_get(v, key);

	return k != NULL && k->type == TV_RAW && strcmp(k->s, "true") == 0;
}

static void
t_ws(struct toml *t)
{
	while (t->i < t->n && (t->s[t->i] == ' ' || t->s[t->i] == '\t'))
		t->i++;
}

/* Blanks, newlines and comments. */
static void
t_ws_nl(struct toml *t)
{
	char	 c;

	while (t->i < t->n) {
		c = t->s[t->i];
		if (c == '\n') {
			t->line++;
			t->i++;
		} else if (c == ' ' || c == '\t' || c == '\r')
			t->i++;
		else if (c == '#') {
			while (t->i < t->n && t->s[t->i] != '\n')
				t->i++;
		} else
			break;
	}
}

static void
t_skip_line(struct toml *t)
{
	while (t->i < t->n && t->s[t->i] != '\n')
		t->i++;
	if (t->i < t->n) {
		t->i++;
		t->line++;
	}
}

static void
toml_string(struct toml *t, struct tl_buf *b)
{
	const char	*s = t->s;
	char		 q = s[t->i], c, d;
	int		 multi, extra;

	multi = t->i + 2 < t->n && s[t->i + 1] == q && s[t->i + 2] == q;
	t->i += multi ? 3 : 1;
	if (multi && t->i < t->n && s[t->i] == '\n') {
		t->i++;
		t->line++;
	} else if (multi && t->i + 1 < t->n && s[t->i] == '\r' &&
	    s[t->i + 1] == '\n') {
		t->i += 2;
		t->line++;
	}
	while (t->i < t->n) {
		c = s[t->i];
		if (c == '\n' && !multi)
			return;			/* unterminated */
		if (c == q) {
			if (!multi) {
				t->i++;
				return;
			}
			if (t->i + 2 < t->n && s[t->i + 1] == q &&
			    s[t->i + 2] == q) {
				t->i += 3;
				for (extra = 0; extra < 2 && t->i < t->n &&
				    s[t->i] == q; extra++, t->i++)
					tl_buf_addc(b, q);
				return;
			}
		}
		if (c == '\\' && q == '"' && t->i + 1 < t->n) {
			d = s[t->i + 1];
			t->i += 2;
			switch (d) {
			case 'n':
				tl_buf_addc(b, '\n');
				break;
			case 't':
				tl_buf_addc(b, '\t');
				break;
			case 'r':
				tl_buf_addc(b, '\r');
				break;
			case 'b':
				tl_buf_addc(b, '\b');
				break;
			case 'f':
				tl_buf_addc(b, '\f');
				break;
			case '"':
			case '\\':
				tl_buf_addc(b, d);
				break;
			case '\n':
			case '\r':
			case ' ':
			case '\t':
				/* line-ending backslash */
				t->i--;
				while (t->i < t->n && isspace((unsigned char)
				    s[t->i])) {
					if (s[t->i] == '\n')
						t->line++;
					t->i++;
				}
				break;
			default:
				tl_buf_addc(b, '\\');
				tl_buf_addc(b, d);
				break;
			}
			continue;
		}
		if (c == '\n')
			t->line++;
		tl_buf_addc(b, c);
		t->i++;
	}
}

static int
is_bare_key(int c)
{
	return isalnum((unsigned char)c) || c == '_' || c == '-';
}

/* A dotted key, appended to b with '.' between parts; 0 when none. */
static int
toml_key(struct toml *t, struct tl_buf *b)
{
	size_t	 start = b->len;
	char	 c;

	for (;;) {
		t_ws(t);
		if (t->i >= t->n)
			break;
		c = t->s[t->i];
		if (c == '"' || c == '\'')
			toml_string(t, b);
		else if (is_bare_key(c))
			while (t->i < t->n && is_bare_key(t->s[t->i]))
				tl_buf_addc(b, t->s[t->i++]);
		else
			break;
		t_ws(t);
		if (t->i < t->n && t->s[t->i] == '.') {
			tl_buf_addc(b, '.');
			t->i++;
			continue;
		}
		break;
	}
	return b->len > start;
}

/* A bracketed value too deep to keep, skipped whole. */
static void
toml_skip_nested(struct toml *t)
{
	size_t	 depth = 0;
	char	 c;

	while (t->i < t->n) {
		c = t->s[t->i++];
		if (c == '\n')
			t->line++;
		if (c == '[' || c == '{')
			depth++;
		else if ((c == ']' || c == '}') && --depth == 0)
			return;
	}
}

static void
toml_value(struct toml *t, struct tval *v, int depth)
{
	struct tl_buf	 b = TL_BUF_INIT;
	struct tval	*k;
	size_t		 start, a;
	char		 c;

	v->line = t->line;
	c = t->i < t->n ? t->s[t->i] : '\0';
	if (c == '"' || c == '\'') {
		v->type = TV_STR;
		toml_string(t, &b);
		v->s = tl_buf_detach(&b);
		return;
	}
	if ((c == '[' || c == '{') && depth >= TOML_MAXDEPTH) {
		v->type = TV_RAW;
		v->s = tl_strdup("");
		toml_skip_nested(t);
		return;
	}
	if (c == '[' || c == '{') {
		v->type = c == '[' ? TV_ARR : TV_TBL;
		t->i++;
		for (;;) {
			t_ws_nl(t);
			if (t->i >= t->n)
				break;
			c = t->s[t->i];
			if (c == ']' || c == '}') {
				t->i++;
				break;
			}
			if (c == ',') {
				t->i++;
				continue;
			}
			start = t->i;
			if (v->type == TV_TBL) {
				tl_buf_clear(&b);
				if (!toml_key(t, &b)) {
					t->i++;
					continue;
				}
				t_ws(t);
				if (t->i < t->n && t->s[t->i] == '=')
					t->i++;
				t_ws(t);
			}
			k = tv_push(v);
			if (v->type == TV_TBL)
				k->key = tl_strndup(tl_buf_str(&b), b.len);
			toml_value(t, k, depth + 1);
			if (t->i == start)
				t->i++;		/* no progress: skip it */
		}
		tl_buf_release(&b);
		return;
	}
	for (a = t->i; t->i < t->n; t->i++) {
		c = t->s[t->i];
		if (c == ',' || c == ']' || c == '}' || c == '#' ||
		    isspace((unsigned char)c))
			break;
	}
	v->type = TV_RAW;
	v->s = tl_strndup(t->s + a, t->i - a);
	tl_buf_release(&b);
}

/*
 * The next key = value pair, with the table it is in (t->table); 0 at
 * the end.  *key is owned by the caller, val must be released.
 */
static int
toml_next(struct toml *t, char **key, struct tval *val, unsigned *line)
{
	int	 arr;

	memset(val, 0, sizeof(*val));
	for (;;) {
		t_ws_nl(t);
		if (t->i >= t->n)
			return 0;
		if (t->s[t->i] == '[') {
			arr = t->i + 1 < t->n && t->s[t->i + 1] == '[';
			t->i += arr ? 2 : 1;
			tl_buf_clear(&t->kb);
			toml_key(t, &t->kb);
			free(t->table);
			t->table = tl_strndup(tl_buf_str(&t->kb), t->kb.len);
			t->array_table = arr;
			t->seq++;
			t->table_line = t->line;
			t_skip_line(t);
			continue;
		}
		*line = t->line;
		tl_buf_clear(&t->kb);
		if (!toml_key(t, &t->kb) || t->i >= t->n ||
		    t->s[t->i] != '=') {
			t_skip_line(t);
			continue;
		}
		t->i++;
		t_ws(t);
		toml_value(t, val, 0);
		*key = tl_strndup(tl_buf_str(&t->kb), t->kb.len);
		t_skip_line(t);
		return 1;
	}
}

static void
toml_init(struct toml *t, const char *s, size_t n)
{
	memset(t, 0, sizeof(*t));
	t->s = s;
	t->n = n;
	t->line = 1;
	t->table = tl_strdup("");
	tl_buf_init(&t->kb);
	if (n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		t->i = 3;
}

static void
toml_release(struct toml *t)
{
	free(t->table);
	tl_buf_release(&t->kb);
}

/* --- Python requirements (PEP 508) ---------------------------------------- */

static int
is_pyname_char(int c)
{
	return isalnum((unsigned char)c) || c == '.' || c == '_' || c == '-';
}

/* A name for a path or URL requirement: #egg=name, else the last part. */
static char *
name_from_path(const char *s, size_t n)
{
	const char	*e, *p;
	size_t		 k;

	for (p = s; p + 5 <= s + n; p++)
		if (memcmp(p, "#egg=", 5) == 0 || memcmp(p, "&egg=", 5) == 0) {
			p += 5;
			for (k = 0; p + k < s + n && is_pyname_char(p[k]); k++)
				continue;
			return tl_strndup(p, k);
		}
	e = s + n;
	while (e > s && (e[-1] == '/' || e[-1] == '\\'))
		e--;
	for (p = e; p > s && p[-1] != '/' && p[-1] != '\\' && p[-1] != ':';
	    p--)
		continue;
	if (tl_str_has_suffix(s, ".git") && e - p > 4)
		e -= 4;
	if (p == e)
		return tl_strndup(s, n);
	/* an archive or wheel: "name-1.0.tar.gz", "name-1.0-py3-….whl" */
	if (tl_str_has_suffix(s, ".whl") || tl_str_has_suffix(s, ".zip") ||
	    tl_str_has_suffix(s, ".tar.gz") || tl_str_has_suffix(s, ".tgz"))
		for (k = 0; p + k + 1 < e; k++)
			if (p[k] == '-' && isdigit((unsigned char)p[k + 1]))
				return tl_strndup(p, k);
	return tl_strndup(p, (size_t)(e - p));
}

/* A path or URL requirement ("-e ../x", "git+https://…#egg=x", "./pkg"). */
static struct tl_dep *
path_dep(struct mfb *b, const char *s, size_t n, unsigned line)
{
	struct tl_dep	*d;
	char		*u, *name;

	u = trimdup(s, n);
	name = name_from_path(u, strlen(u));
	d = dep_new(b, name, strlen(name), line);
	free(name);
	if (tl_str_has_prefix(u, "file:") || is_local_path(u)) {
		d->path = tl_strdup(tl_str_has_prefix(u, "file://") ? u + 7 :
		    tl_str_has_prefix(u, "file:") ? u + 5 : u);
		d->spec = tl_printf("path:%s", d->path);
		d->pin = TL_PIN_LOCAL;
	} else {
		d->spec = tl_strdup(u);
		d->pin = is_git_url(u) || tl_str_has_prefix(u, "hg+") ||
		    tl_str_has_prefix(u, "svn+") || tl_str_has_prefix(u,
		    "bzr+") ? pin_git_url(u, 1) : TL_PIN_RANGE;
	}
	free(u);
	return d;
}

/* A requirement that is a path or URL rather than a name. */
static int
is_url_or_path(const char *s, size_t n)
{
	size_t	 w = 0;
	char	*t;
	int	 r;

	while (w < n && !isspace((unsigned char)s[w]) && s[w] != ';')
		w++;
	t = tl_strndup(s, w);
	r = is_local_path(t) || tl_str_has_prefix(t, "file:") ||
	    strstr(t, "://") != NULL || tl_str_has_prefix(t, "git+") ||
	    tl_str_has_prefix(t, "hg+") || tl_str_has_prefix(t, "svn+") ||
	    tl_str_has_prefix(t, "bzr+");
	free(t);
	return r;
}

/* One PEP 508 requirement: name[extras] (spec | @ url) ; marker. */
static struct tl_dep *
pep508_dep(struct mfb *b, const char *s, size_t n, unsigned line)
{
	struct tl_dep	*d;
	const char	*e = s + n, *p, *q;
	char		*spec;

	while (s < e && isspace((unsigned char)*s))
		s++;
	while (e > s && isspace((unsigned char)e[-1]))
		e--;
	if (s == e)
		return NULL;
	if (is_url_or_path(s, (size_t)(e - s)))
		return path_dep(b, s, (size_t)(e - s), line);
	for (p = s; p < e && is_pyname_char(*p); p++)
		continue;
	if (p == s)
		return NULL;
	d = dep_new(b, s, (size_t)(p - s), line);
	while (p < e && isspace((unsigned char)*p))
		p++;
	if (p < e && *p == '[') {
		while (p < e && *p != ']')
			p++;
		if (p < e)
			p++;
	}
	for (q = p; q < e && *q != ';'; q++)
		continue;
	while (p < q && isspace((unsigned char)*p))
		p++;
	if (p < q && *p == '@') {
		spec = trimdup(p + 1, (size_t)(q - p - 1));
		if (tl_str_has_prefix(spec, "file:") || is_local_path(spec)) {
			d->path = tl_strdup(tl_str_has_prefix(spec, "file://") ?
			    spec + 7 : tl_str_has_prefix(spec, "file:") ?
			    spec + 5 : spec);
			d->pin = TL_PIN_LOCAL;
		} else if (is_git_url(spec) || tl_str_has_prefix(spec, "hg+"))
			d->pin = pin_git_url(spec, 1);
		else
			d->pin = TL_PIN_RANGE;
		d->spec = spec;
		return d;
	}
	spec = trimdup(p, (size_t)(q - p));
	d->pin = pin_pep440(spec);
	if (*spec == '\0') {
		free(spec);
		spec = NULL;
	}
	d->spec = spec;
	return d;
}

static int
dev_group(const char *g)
{
	static const char *const devs[] = {
		"dev", "develop", "development", "test", "tests", "testing",
		"lint", "linting", "typing", "types", "docs", "doc", "style",
		"check", "qa", NULL
	};
	const char *const *p;

	for (p = devs; *p != NULL; p++)
		if (strcasecmp(g, *p) == 0)
			return 1;
	return 0;
}

/* Requirement strings of a TOML array. */
static void
pep508_array(struct mfb *b, const struct tval *v, int dev, int optional)
{
	struct tl_dep	*d;
	size_t		 i;

	if (v->type != TV_ARR)
		return;
	for (i = 0; i < v->nkids; i++) {
		if (v->kids[i].type != TV_STR)
			continue;
		d = pep508_dep(b, v->kids[i].s, strlen(v->kids[i].s),
		    v->kids[i].line);
		if (d != NULL) {
			d->dev = dev;
			d->optional = optional;
		}
	}
}

/*
 * A dependency given as a table: { version, path, git + rev/tag/branch,
 * url, workspace, optional } (Poetry, Cargo, Pipfile, uv sources).
 */
static void
tbl_dep(struct tl_dep *d, const struct tval *t, enum tl_pin (*pinv)(
    const char *))
{
	const char	*ver = tv_str(t, "version"), *path = tv_str(t, "path");
	const char	*git = tv_str(t, "git"), *url = tv_str(t, "url");
	const char	*rev, *tag = tv_str(t, "tag");
	const char	*branch = tv_str(t, "branch");

	if ((rev = tv_str(t, "rev")) == NULL)
		rev = tv_str(t, "ref");
	if (git == NULL)
		git = tv_str(t, "github");
	if (tv_true(t, "optional"))
		d->optional = 1;
	free(d->spec);
	free(d->path);
	d->spec = d->path = NULL;
	if (path != NULL) {
		d->pin = TL_PIN_LOCAL;
		d->path = tl_strdup(path);
		d->spec = ver != NULL ? tl_strdup(ver) :
		    tl_printf("path:%s", path);
	} else if (tv_true(t, "workspace")) {
		d->pin = TL_PIN_LOCAL;
		d->spec = tl_strdup("workspace");
	} else if (git != NULL) {
		d->spec = tl_printf("git:%s%s%s", git,
		    rev != NULL || tag != NULL || branch != NULL ? "#" : "",
		    rev != NULL ? rev : tag != NULL ? tag : branch != NULL ?
		    branch : "");
		if (rev != NULL)
			d->pin = pin_gitref(rev, strlen(rev));
		else
			d->pin = tag != NULL ? TL_PIN_RANGE : TL_PIN_FLOATING;
	} else if (url != NULL) {
		d->spec = tl_strdup(url);
		d->pin = TL_PIN_RANGE;
	} else if (ver != NULL) {
		d->spec = tl_strdup(ver);
		d->pin = pinv(ver);
	} else
		d->pin = TL_PIN_FLOATING;
}

/* name = "spec" or name = { … } or name = [ {…}, … ]. */
static struct tl_dep *
keyed_dep(struct mfb *b, const char *name, const struct tval *v,
    unsigned line, enum tl_pin (*pinv)(const char *))
{
	struct tl_dep	*d;
	size_t		 i;

	d = dep_new(b, name, strlen(name), line);
	if (v->type == TV_ARR)
		for (i = 0; i < v->nkids; i++)
			if (v->kids[i].type == TV_STR ||
			    v->kids[i].type == TV_TBL) {
				v = &v->kids[i];
				break;
			}
	if (v->type == TV_STR) {
		d->spec = tl_strdup(v->s);
		d->pin = pinv(v->s);
	} else if (v->type == TV_TBL)
		tbl_dep(d, v, pinv);
	return d;
}

/* Python names are compared normalised (PEP 503). */
static int
pyname_eq(const char *a, const char *b)
{
	for (;;) {
		if (*a == '-' || *a == '_' || *a == '.') {
			if (*b != '-' && *b != '_' && *b != '.')
				return 0;
			while (*a == '-' || *a == '_' || *a == '.')
				a++;
			while (*b == '-' || *b == '_' || *b == '.')
				b++;
			continue;
		}
		if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
			return 0;
		if (*a == '\0')
			return 1;
		a++;
		b++;
	}
}

/*
 * A table written as [section.NAME] (Poetry, Cargo): its keys are
 * gathered and applied to the dependency when the table ends.
 */
struct tacc {
	int		 active;
	size_t		 idx;		/* the dependency */
	unsigned	 seq;		/* the table's header number */
	struct tval	 tbl;		/* owned: the keys so far */
	enum tl_pin	(*pinv)(const char *);
};

static void
tacc_flush(struct mfb *b, struct tacc *a)
{
	if (a->active)
		tbl_dep(&b->m->deps[a->idx], &a->tbl, a->pinv);
	tv_release(&a->tbl);
	a->active = 0;
}

/* Add key = val (moved) to the table dependency NAME. */
static void
tacc_add(struct mfb *b, struct tacc *a, const struct toml *t,
    const char *name, char *key, struct tval *val, int dev,
    enum tl_pin (*pinv)(const char *))
{
	struct tval	*k;

	if (!a->active || a->seq != t->seq) {
		tacc_flush(b, a);
		a->active = 1;
		a->seq = t->seq;
		a->tbl.type = TV_TBL;
		a->pinv = pinv;
		a->idx = b->m->ndeps;
		dep_new(b, name, strlen(name), t->table_line)->dev = dev;
	}
	k = tv_push(&a->tbl);
	*k = *val;
	k->key = key;
	memset(val, 0, sizeof(*val));
}

/* Does table name tbl equal prefix "." mid, or prefix "." X "." mid? */
static const char *
table_after(const char *tbl, const char *prefix)
{
	size_t	 n = strlen(prefix);

	if (strncmp(tbl, prefix, n) != 0)
		return NULL;
	if (tbl[n] == '\0')
		return tbl + n;
	return tbl[n] == '.' ? tbl + n + 1 : NULL;
}

/* Build backends (by prefix) and the tool they stand for. */
static const struct py_backend {
	const char	*prefix;	/* static */
	const char	*tool;		/* static */
} py_backends[] = {
	{ "flit",	"flit" },
	{ "hatchling",	"hatch" },
	{ "maturin",	"maturin" },
	{ "pdm",	"pdm" },
	{ "poetry",	"poetry" },
	{ "setuptools",	"setuptools" },
	{ "uv_build",	"uv" }
};

struct pyproject {
	int		 poetry, uv, pdm, hatch, flit, setuptools, maturin;
	char		*backend;	/* owned */
};

static void
uv_source(struct mfb *b, const char *name, const struct tval *v)
{
	size_t	 i;

	if (v->type != TV_TBL)
		return;
	for (i = 0; i < b->m->ndeps; i++)
		if (pyname_eq(b->m->deps[i].name, name)) {
			if (tv_get(v, "path") == NULL &&
			    tv_get(v, "workspace") == NULL &&
			    tv_get(v, "git") == NULL &&
			    tv_get(v, "url") == NULL)
				continue;	/* an index: version stays */
			tbl_dep(&b->m->deps[i], v, pin_pep440);
		}
}

static void
poetry_pair(struct mfb *b, struct tacc *acc, const struct toml *t,
    const char *sect, char *key, struct tval *v, unsigned line, int dev)
{
	struct tl_manifest	*m = b->m;
	const char		*rest;

	if (*sect != '\0') {
		/* [tool.poetry.dependencies.NAME] */
		if (strcmp(sect, "python") == 0) {
			free(key);
			return;
		}
		tacc_add(b, acc, t, sect, key, v, dev, pin_poetry);
		return;
	}
	if (strcmp(key, "python") == 0) {
		if (!dev) {
			rest = v->type == TV_STR ? v->s : tv_str(v, "version");
			set_str(&m->runtime, rest);
			m->runtime_line = line;
		}
	} else
		keyed_dep(b, key, v, line, pin_poetry)->dev = dev;
	free(key);
}

static void
parse_pyproject(struct mfb *b, const char *s, size_t n)
{
	struct tl_manifest	*m = b->m;
	struct pyproject	 py;
	struct toml		 t;
	struct tacc		 acc;
	struct tval		 v;
	const char		*tb, *r, *g;
	char			*key;
	unsigned		 line;
	size_t			 i;

	memset(&py, 0, sizeof(py));
	memset(&acc, 0, sizeof(acc));
	toml_init(&t, s, n);
	while (toml_next(&t, &key, &v, &line)) {
		tb = t.table;
		if (acc.active && acc.seq != t.seq)
			tacc_flush(b, &acc);
		if (tl_str_has_prefix(tb, "tool.poetry"))
			py.poetry = 1;
		else if (tl_str_has_prefix(tb, "tool.uv"))
			py.uv = 1;
		else if (tl_str_has_prefix(tb, "tool.pdm"))
			py.pdm = 1;
		else if (tl_str_has_prefix(tb, "tool.hatch"))
			py.hatch = 1;
		else if (tl_str_has_prefix(tb, "tool.flit"))
			py.flit = 1;
		else if (tl_str_has_prefix(tb, "tool.setuptools"))
			py.setuptools = 1;
		else if (tl_str_has_prefix(tb, "tool.maturin"))
			py.maturin = 1;

		if (strcmp(tb, "project") == 0 ||
		    strcmp(tb, "tool.poetry") == 0) {
			if (strcmp(key, "name") == 0 && v.type == TV_STR)
				set_str(&m->name, v.s);
			else if (strcmp(key, "version") == 0 &&
			    v.type == TV_STR) {
				set_str(&m->version, v.s);
				m->version_line = line;
			} else if (strcmp(key, "requires-python") == 0 &&
			    v.type == TV_STR) {
				set_str(&m->runtime, v.s);
				m->runtime_line = line;
			} else if (strcmp(key, "dependencies") == 0)
				pep508_array(b, &v, 0, 0);
		} else if (strcmp(tb, "project.optional-dependencies") == 0)
			pep508_array(b, &v, dev_group(key), 1);
		else if (strcmp(tb, "dependency-groups") == 0)
			pep508_array(b, &v, 1, 0);
		else if (strcmp(tb, "build-system") == 0) {
			if (strcmp(key, "build-backend") == 0 &&
			    v.type == TV_STR)
				set_str(&py.backend, v.s);
		} else if ((r = table_after(tb,
		    "tool.poetry.dependencies")) != NULL) {
			poetry_pair(b, &acc, &t, r, key, &v, line, 0);
			key = NULL;
		} else if ((r = table_after(tb,
		    "tool.poetry.dev-dependencies")) != NULL) {
			poetry_pair(b, &acc, &t, r, key, &v, line, 1);
			key = NULL;
		} else if ((g = table_after(tb, "tool.poetry.group")) != NULL &&
		    (r = strstr(g, ".dependencies")) != NULL &&
		    (r[13] == '\0' || r[13] == '.')) {
			char	*grp = tl_strndup(g, (size_t)(r - g));

			poetry_pair(b, &acc, &t, r[13] == '.' ? r + 14 : "",
			    key, &v, line, strcmp(grp, "main") != 0);
			free(grp);
			key = NULL;
		} else if (strcmp(tb, "tool.uv") == 0) {
			if (strcmp(key, "dev-dependencies") == 0)
				pep508_array(b, &v, 1, 0);
		} else if (strcmp(tb, "tool.uv.sources") == 0)
			uv_source(b, key, &v);
		else if (strcmp(tb, "tool.pdm.dev-dependencies") == 0)
			pep508_array(b, &v, 1, 0);
		free(key);
		tv_release(&v);
	}
	tacc_flush(b, &acc);
	toml_release(&t);

	r = NULL;
	if (py.poetry || (py.backend != NULL &&
	    tl_str_has_prefix(py.backend, "poetry")))
		r = "poetry";
	else if (py.uv)
		r = "uv";
	else if (py.pdm || (py.backend != NULL &&
	    tl_str_has_prefix(py.backend, "pdm")))
		r = "pdm";
	for (i = 0; r == NULL && py.backend != NULL &&
	    i < sizeof(py_backends) / sizeof(py_backends[0]); i++)
		if (tl_str_has_prefix(py.backend, py_backends[i].prefix))
			r = py_backends[i].tool;
	if (r == NULL)
		r = py.hatch ? "hatch" : py.flit ? "flit" : py.setuptools ?
		    "setuptools" : py.maturin ? "maturin" : NULL;
	set_str(&m->tool, r);
	free(py.backend);
}

/* A Cargo dependency table: "dependencies", "target.X.dev-dependencies" … */
static int
cargo_section(const char *tb, int *dev, size_t *len)
{
	static const char *const sects[] = {
		"dependencies", "dev-dependencies", "build-dependencies", NULL
	};
	const char *const	*p;
	const char		*s = tb;
	size_t			 n;

	if (tl_str_has_prefix(s, "workspace."))
		s += 10;
	else if (tl_str_has_prefix(s, "target.")) {
		/* target.'cfg(…)'.dependencies: the last known part */
		for (p = sects; *p != NULL; p++) {
			const char	*q = strstr(s, *p);

			while (q != NULL && !(q > s && q[-1] == '.' &&
			    (q[strlen(*p)] == '\0' || q[strlen(*p)] == '.')))
				q = strstr(q + 1, *p);
			if (q != NULL && (q - s < 3 || q[-1] == '.')) {
				s = q;
				break;
			}
		}
	}
	for (p = sects; *p != NULL; p++) {
		n = strlen(*p);
		if (strncmp(s, *p, n) == 0 && (s[n] == '\0' || s[n] == '.')) {
			*dev = p == &sects[1];
			*len = (size_t)(s - tb) + n;
			return 1;
		}
	}
	return 0;
}

static void
parse_cargo(struct mfb *b, const char *s, size_t n)
{
	struct tl_manifest	*m = b->m;
	struct toml		 t;
	struct tacc		 acc;
	struct tval		 v, one;
	struct tl_dep		*d;
	const char		*tb, *dot, *pkg;
	char			*key, *nm;
	unsigned		 line;
	size_t			 len, i;
	int			 dev;

	memset(&acc, 0, sizeof(acc));
	toml_init(&t, s, n);
	while (toml_next(&t, &key, &v, &line)) {
		tb = t.table;
		if (acc.active && acc.seq != t.seq)
			tacc_flush(b, &acc);
		if (strcmp(tb, "bin") == 0 && t.array_table)
			m->is_binary = 1;
		if (strcmp(tb, "package") == 0) {
			if (strcmp(key, "name") == 0 && v.type == TV_STR)
				set_str(&m->name, v.s);
			else if (strcmp(key, "version") == 0 &&
			    v.type == TV_STR) {
				set_str(&m->version, v.s);
				m->version_line = line;
			} else if (strcmp(key, "rust-version") == 0 &&
			    v.type == TV_STR) {
				set_str(&m->runtime, v.s);
				m->runtime_line = line;
			}
		} else if (cargo_section(tb, &dev, &len)) {
			if (tb[len] == '.') {
				/* [dependencies.NAME] */
				tacc_add(b, &acc, &t, tb + len + 1, key, &v,
				    dev, pin_cargo);
				key = NULL;
			} else if ((dot = strchr(key, '.')) != NULL) {
				/* NAME.workspace = true, NAME.version = "1" */
				nm = tl_strndup(key, (size_t)(dot - key));
				/* its other keys are near: look back */
				for (d = NULL, i = m->ndeps; i > 0 &&
				    i + 16 > m->ndeps; i--)
					if (strcmp(m->deps[i - 1].name,
					    nm) == 0) {
						d = &m->deps[i - 1];
						break;
					}
				if (d == NULL) {
					d = dep_new(b, nm, strlen(nm), line);
					d->dev = dev;
				}
				memset(&one, 0, sizeof(one));
				one.type = TV_TBL;
				*tv_push(&one) = v;
				one.kids[0].key = tl_strdup(dot + 1);
				memset(&v, 0, sizeof(v));
				if (strcmp(dot + 1, "optional") == 0)
					d->optional = tv_true(&one, "optional");
				else if (strcmp(dot + 1, "features") != 0 &&
				    strcmp(dot + 1, "default-features") != 0)
					tbl_dep(d, &one, pin_cargo);
				tv_release(&one);
				free(nm);
			} else {
				d = keyed_dep(b, key, &v, line, pin_cargo);
				d->dev = dev;
				if ((pkg = tv_str(&v, "package")) != NULL)
					set_str(&d->name, pkg);
			}
		}
		free(key);
		tv_release(&v);
	}
	tacc_flush(b, &acc);
	toml_release(&t);
}

static void
parse_pipfile(struct mfb *b, const char *s, size_t n)
{
	struct tl_manifest	*m = b->m;
	struct toml		 t;
	struct tval		 v;
	char			*key;
	unsigned		 line;

	toml_init(&t, s, n);
	while (toml_next(&t, &key, &v, &line)) {
		if (strcmp(t.table, "packages") == 0)
			keyed_dep(b, key, &v, line, pin_pep440);
		else if (strcmp(t.table, "dev-packages") == 0)
			keyed_dep(b, key, &v, line, pin_pep440)->dev = 1;
		else if (strcmp(t.table, "requires") == 0 &&
		    v.type == TV_STR && (m->runtime == NULL ||
		    strcmp(key, "python_full_version") == 0)) {
			set_str(&m->runtime, v.s);
			m->runtime_line = line;
		}
		free(key);
		tv_release(&v);
	}
	toml_release(&t);
}

/* [[package]] tables: poetry.lock, uv.lock, pdm.lock, Cargo.lock. */
static void
parse_toml_lock(struct mfb *b, const char *s, size_t n)
{
	struct toml	 t;
	struct tval	 v;
	char		*key, *name = NULL, *ver = NULL;
	unsigned	 line, nline = 0, seq = 0;
	int		 dev = 0;

	toml_init(&t, s, n);
	for (;;) {
		int	 more = toml_next(&t, &key, &v, &line);

		if (!more || t.seq != seq) {
			if (name != NULL)
				lock_add(b, name, strlen(name), ver,
				    ver == NULL ? 0 : strlen(ver), nline, dev);
			free(name);
			free(ver);
			name = ver = NULL;
			dev = 0;
			seq = t.seq;
		}
		if (!more)
			break;
		if (strcmp(t.table, "package") == 0 && t.array_table &&
		    v.type == TV_STR) {
			if (strcmp(key, "name") == 0 && name == NULL) {
				name = tl_strdup(v.s);
				nline = line;
			} else if (strcmp(key, "version") == 0 && ver == NULL)
				ver = tl_strdup(v.s);
			else if (strcmp(key, "category") == 0)
				dev = strcmp(v.s, "dev") == 0;
		}
		free(key);
		tv_release(&v);
	}
	toml_release(&t);
}

/* --- line readers --------------------------------------------------------- */

/* Iterate over lines: [*a, *e) without the EOL; 0 at the end. */
struct lines_it {
	const char	*s;		/* borrowed */
	size_t		 n;
	size_t		 pos;
	unsigned	 line;
};

static void
lines_init(struct lines_it *it, const char *s, size_t n)
{
	it->s = s;
	it->n = n;
	it->pos = n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
	it->line = 0;
}

static int
lines_next(struct lines_it *it, const char **a, size_t *len)
{
	size_t	 e;

	if (it->pos >= it->n)
		return 0;
	for (e = it->pos; e < it->n && it->s[e] != '\n'; e++)
		continue;
	*a = it->s + it->pos;
	*len = e - it->pos;
	if (*len > 0 && (*a)[*len - 1] == '\r')
		(*len)--;
	it->pos = e + 1;
	it->line++;
	return 1;
}


/* strcspn() bounded by len: the line need not end in a NUL. */
static size_t
span_cspn(const char *p, size_t len, const char *reject)
{
	size_t	 i;

	for (i = 0; i < len && strchr(reject, p[i]) == NULL; i++)
		continue;
	return i;
}
/* Trim a span in place (pointers). */
static void
span_trim(const char **a, size_t *n)
{
	while (*n > 0 && isspace((unsigned char)**a)) {
		(*a)++;
		(*n)--;
	}
	while (*n > 0 && isspace((unsigned char)(*a)[*n - 1]))
		(*n)--;
}

static int
span_word(const char *a, size_t n, const char *w)
{
	size_t	 k = strlen(w);

	return n >= k && memcmp(a, w, k) == 0 &&
	    (n == k || isspace((unsigned char)a[k]) || a[k] == '(');
}

/* One logical requirements line (continuations already joined). */
static void
req_line(struct mfb *b, char *l, unsigned line)
{
	struct tl_dep	*d;
	char		*p, *opt, *val;
	size_t		 k;
	int		 hash;

	for (p = l; *p != '\0'; p++)
		if (*p == '#' && (p == l || isspace((unsigned char)p[-1]))) {
			*p = '\0';
			break;
		}
	l = tl_str_trim(l);
	if (*l == '\0')
		return;
	if (*l == '-') {
		k = strcspn(l, "= \t");
		opt = tl_strndup(l, k);
		val = l + k;
		while (*val == '=' || *val == ' ' || *val == '\t')
			val++;
		if (opt[1] != '-' && k > 2) {	/* -rfile */
			val = l + 2;
			opt[2] = '\0';
		}
		if (strcmp(opt, "-r") == 0 || strcmp(opt, "--requirement") == 0)
			include_add(b, val, strlen(val), line, 0);
		else if (strcmp(opt, "-c") == 0 ||
		    strcmp(opt, "--constraint") == 0)
			include_add(b, val, strlen(val), line, 1);
		else if (strcmp(opt, "-e") == 0 ||
		    strcmp(opt, "--editable") == 0)
			path_dep(b, val, strlen(val), line);
		free(opt);
		return;
	}
	hash = strstr(l, "--hash") != NULL;
	for (p = l; *p != '\0'; p++)
		if (isspace((unsigned char)*p) && p[1] == '-' && p[2] == '-') {
			*p = '\0';	/* per-requirement options */
			break;
		}
	if ((d = pep508_dep(b, l, strlen(l), line)) != NULL && hash &&
	    d->pin != TL_PIN_LOCAL)
		d->pin = TL_PIN_EXACT;
}

static void
parse_requirements(struct mfb *b, const char *s, size_t n)
{
	struct lines_it	 it;
	struct tl_buf	 l = TL_BUF_INIT;
	const char	*a;
	size_t		 len;
	unsigned	 first = 0;
	int		 cont = 0;

	lines_init(&it, s, n);
	while (lines_next(&it, &a, &len)) {
		if (!cont) {
			tl_buf_clear(&l);
			first = it.line;
		}
		cont = len > 0 && a[len - 1] == '\\';
		tl_buf_add(&l, a, cont ? len - 1 : len);
		if (cont)
			continue;
		tl_buf_addc(&l, '\0');
		req_line(b, l.data, first);
	}
	if (cont) {
		tl_buf_addc(&l, '\0');
		req_line(b, l.data, first);
	}
	tl_buf_release(&l);
}

/* A Python or Ruby string literal at s[i]: its value and end. */
static char *
str_literal(const char *s, size_t n, size_t *i)
{
	struct tl_buf	 b = TL_BUF_INIT;
	char		 q = s[*i];

	for ((*i)++; *i < n && s[*i] != q && s[*i] != '\n'; (*i)++) {
		if (s[*i] == '\\' && *i + 1 < n)
			(*i)++;
		tl_buf_addc(&b, s[*i]);
	}
	if (*i < n && s[*i] == q)
		(*i)++;
	return tl_buf_detach(&b);
}

/*
 * setup.py: "key = value" with a string or a [list] of strings, found by
 * name: name, version, python_requires, install_requires, tests_require.
 */
static void
parse_setup_py(struct mfb *b, const char *s, size_t n)
{
	static const char *const keys[] = {
		"name", "version", "python_requires", "install_requires",
		"tests_require", NULL
	};
	struct tl_manifest	*m = b->m;
	struct tl_dep		*d;
	struct tl_lines		 li;
	const char		*const *k;
	size_t			 i, j, kl, depth, at;
	unsigned		 line, col;
	char			*str;

	tl_lines_build(&li, s, n);
	for (i = 0; i < n; i++) {
		if (s[i] == '#') {
			while (i + 1 < n && s[i + 1] != '\n')
				i++;
			continue;
		}
		if (i > 0 && (isalnum((unsigned char)s[i - 1]) ||
		    s[i - 1] == '_' || s[i - 1] == '.'))
			continue;
		for (k = keys; *k != NULL; k++) {
			kl = strlen(*k);
			if (n - i > kl && memcmp(s + i, *k, kl) == 0 &&
			    !isalnum((unsigned char)s[i + kl]) &&
			    s[i + kl] != '_')
				break;
		}
		if (*k == NULL)
			continue;
		for (j = i + kl; j < n && (s[j] == ' ' || s[j] == '\t'); j++)
			continue;
		if (j >= n || s[j] != '=' || (j + 1 < n && s[j + 1] == '='))
			continue;
		for (j++; j < n && isspace((unsigned char)s[j]); j++)
			continue;
		tl_lines_locate(&li, j, &line, &col);
		if (j < n && (s[j] == '"' || s[j] == '\'') && k - keys < 3) {
			str = str_literal(s, n, &j);
			if (k == keys)
				set_str(&m->name, str);
			else if (k == keys + 1) {
				set_str(&m->version, str);
				m->version_line = line;
			} else {
				set_str(&m->runtime, str);
				m->runtime_line = line;
			}
			free(str);
		} else if (j < n && s[j] == '[' && k - keys >= 3) {
			for (depth = 0; j < n; j++) {
				if (s[j] == '[')
					depth++;
				else if (s[j] == ']' && --depth == 0)
					break;
				else if (s[j] == '#')
					while (j + 1 < n && s[j + 1] != '\n')
						j++;
				else if (s[j] == '"' || s[j] == '\'') {
					at = j;
					str = str_literal(s, n, &j);
					j--;
					tl_lines_locate(&li, at, &line, &col);
					d = pep508_dep(b, str, strlen(str),
					    line);
					if (d != NULL)
						d->dev = k == keys + 4;
					free(str);
				}
			}
		}
		i = j - 1;	/* the loop goes on at s[j] */
	}
	tl_lines_release(&li);
}

/* setup.cfg: [metadata] name/version, [options] install_requires, … */
static void
parse_setup_cfg(struct mfb *b, const char *s, size_t n)
{
	struct tl_manifest	*m = b->m;
	struct tl_dep		*d;
	struct lines_it		 it;
	const char		*a, *v;
	char			 sect[64] = "", key[64];
	size_t			 len, k, vn;
	int			 in_list = 0, dev = 0, optional = 0;

	lines_init(&it, s, n);
	while (lines_next(&it, &a, &len)) {
		if (len > 0 && isspace((unsigned char)a[0]) && in_list) {
			span_trim(&a, &len);
			if (len > 0 && a[0] != '#' && (d = pep508_dep(b, a,
			    len, it.line)) != NULL) {
				d->dev = dev;
				d->optional = optional;
			}
			continue;
		}
		in_list = 0;
		span_trim(&a, &len);
		if (len == 0 || a[0] == '#' || a[0] == ';')
			continue;
		if (a[0] == '[') {
			for (k = 1; k < len && a[k] != ']'; k++)
				continue;
			snprintf(sect, sizeof(sect), "%.*s", (int)(k - 1),
			    a + 1);
			continue;
		}
		k = strcspn(a, "=:");
		if (k >= len)
			continue;
		v = a + k + 1;
		vn = len - k - 1;
		span_trim(&v, &vn);
		while (k > 0 && isspace((unsigned char)a[k - 1]))
			k--;
		snprintf(key, sizeof(key), "%.*s", (int)k, a);
		if (strcmp(sect, "metadata") == 0) {
			if (strcmp(key, "name") == 0) {
				free(m->name);
				m->name = tl_strndup(v, vn);
			} else if (strcmp(key, "version") == 0) {
				free(m->version);
				m->version = tl_strndup(v, vn);
				m->version_line = it.line;
			}
			continue;
		}
		if (strcmp(sect, "options") == 0) {
			if (strcmp(key, "python_requires") == 0) {
				free(m->runtime);
				m->runtime = tl_strndup(v, vn);
				m->runtime_line = it.line;
				continue;
			}
			in_list = strcmp(key, "install_requires") == 0 ||
			    strcmp(key, "tests_require") == 0;
			dev = key[0] == 't';
			optional = 0;
		} else if (strcmp(sect, "options.extras_require") == 0) {
			in_list = 1;
			dev = dev_group(key);
			optional = 1;
		}
		if (in_list && vn > 0 && (d = pep508_dep(b, v, vn,
		    it.line)) != NULL) {
			d->dev = dev;
			d->optional = optional;
		}
	}
}

/* Split a span into blank-separated tokens (at most max); the count. */
static size_t
tokens(const char *a, size_t n, const char **tok, size_t *tlen, size_t max)
{
	size_t	 i = 0, k = 0, s;

	while (i < n && k < max) {
		while (i < n && isspace((unsigned char)a[i]))
			i++;
		if (i >= n)
			break;
		for (s = i; i < n && !isspace((unsigned char)a[i]); i++)
			continue;
		tok[k] = a + s;
		tlen[k] = i - s;
		if (tlen[k] >= 2 && (a[s] == '"' || a[s] == '`') &&
		    a[i - 1] == a[s]) {
			tok[k]++;
			tlen[k] -= 2;
		}
		k++;
	}
	return k;
}

static void
gomod_replace(struct mfb *b, const char *a, size_t n, unsigned line)
{
	struct tl_dep	*d;
	const char	*arrow, *tok[2], *r;
	size_t		 tlen[2], rn;

	if ((arrow = tl_memcasemem(a, n, "=>", 2)) == NULL)
		return;
	if (tokens(a, (size_t)(arrow - a), tok, tlen, 1) != 1)
		return;
	r = arrow + 2;
	rn = n - (size_t)(r - a);
	span_trim(&r, &rn);
	d = dep_new(b, tok[0], tlen[0], line);
	d->replace = 1;
	d->spec = tl_printf("replace:%.*s", (int)rn, r);
	if (tokens(r, rn, tok, tlen, 1) == 1 &&
	    (tok[0][0] == '.' || tok[0][0] == '/' ||
	    (tlen[0] > 2 && tok[0][1] == ':'))) {
		d->path = tl_strndup(tok[0], tlen[0]);
		d->pin = TL_PIN_LOCAL;
	} else
		d->pin = TL_PIN_EXACT;
}

/* go.mod directives that take a block; 'r' require, 'p' replace. */
static const struct go_directive {
	const char	*word;		/* static */
	int		 kind;
} go_directives[] = {
	{ "exclude",	0 },
	{ "godebug",	0 },
	{ "ignore",	0 },
	{ "replace",	'p' },
	{ "require",	'r' },
	{ "retract",	0 },
	{ "tool",	0 }
};

static void
gomod_entry(struct mfb *b, int kind, const char *a, size_t len,
    unsigned line)
{
	struct tl_dep	*d;
	const char	*tok[2];
	size_t		 tlen[2];

	if (kind == 'p')
		gomod_replace(b, a, len, line);
	else if (kind == 'r' && tokens(a, len, tok, tlen, 2) == 2) {
		d = dep_new(b, tok[0], tlen[0], line);
		d->spec = tl_strndup(tok[1], tlen[1]);
		d->pin = TL_PIN_EXACT;
	}
}

static void
parse_go_mod(struct mfb *b, const char *s, size_t n)
{
	struct tl_manifest		*m = b->m;
	struct lines_it			 it;
	const struct go_directive	*dir;
	const char			*a, *c, *tok[2];
	size_t				 len, tlen[2], k, i;
	int				 in_block = 0, kind = 0;

	lines_init(&it, s, n);
	while (lines_next(&it, &a, &len)) {
		if ((c = tl_memcasemem(a, len, "//", 2)) != NULL)
			len = (size_t)(c - a);
		span_trim(&a, &len);
		if (len == 0)
			continue;
		if (in_block) {
			if (a[0] == ')')
				in_block = 0;
			else
				gomod_entry(b, kind, a, len, it.line);
			continue;
		}
		if ((k = tokens(a, len, tok, tlen, 2)) == 2 &&
		    span_word(a, len, "module")) {
			free(m->name);
			m->name = tl_strndup(tok[1], tlen[1]);
		} else if (k == 2 && span_word(a, len, "go")) {
			free(m->runtime);
			m->runtime = tl_strndup(tok[1], tlen[1]);
			m->runtime_line = it.line;
		}
		for (dir = NULL, i = 0; k > 0 && i < sizeof(go_directives) /
		    sizeof(go_directives[0]); i++)
			if (span_word(a, len, go_directives[i].word))
				dir = &go_directives[i];
		if (dir == NULL)
			continue;
		c = tok[0] + tlen[0];
		len -= (size_t)(c - a);
		a = c;
		span_trim(&a, &len);
		if (len > 0 && a[0] == '(') {
			in_block = 1;
			kind = dir->kind;
		} else
			gomod_entry(b, dir->kind, a, len, it.line);
	}
}

static void
parse_go_sum(struct mfb *b, const char *s, size_t n)
{
	struct lines_it	 it;
	const char	*a, *tok[3];
	size_t		 len, tlen[3];

	lines_init(&it, s, n);
	while (lines_next(&it, &a, &len)) {
		if (tokens(a, len, tok, tlen, 3) < 2)
			continue;
		if (tlen[1] > 7 && memcmp(tok[1] + tlen[1] - 7, "/go.mod",
		    7) == 0)
			tlen[1] -= 7;
		lock_add(b, tok[0], tlen[0], tok[1], tlen[1], it.line, 0);
	}
}

/* --- Ruby ----------------------------------------------------------------- */

/* One argument of a Ruby call: "str", :sym, key: value, :key => value. */
struct rarg {
	char	*key;		/* owned: option name, or NULL */
	char	*val;		/* owned: string, symbol, or raw text */
	int	 str;		/* val was a string literal */
};

#define RARGS_MAX	16

static void
rargs_free(struct rarg *r, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		free(r[i].key);
		free(r[i].val);
	}
}

/* A Ruby value at a[*i]: string, symbol, [array] or raw up to ','. */
static char *
ruby_value(const char *a, size_t n, size_t *i, int *str)
{
	size_t	 s = *i, depth = 0;

	*str = 0;
	if (*i < n && (a[*i] == '"' || a[*i] == '\'')) {
		*str = 1;
		return str_literal(a, n, i);
	}
	if (*i < n && a[*i] == ':') {
		for (s = ++(*i); *i < n && (isalnum((unsigned char)a[*i]) ||
		    a[*i] == '_'); (*i)++)
			continue;
		return tl_strndup(a + s, *i - s);
	}
	for (; *i < n; (*i)++) {
		if (a[*i] == '[' || a[*i] == '(' || a[*i] == '{')
			depth++;
		else if ((a[*i] == ']' || a[*i] == ')' || a[*i] == '}') &&
		    depth > 0)
			depth--;
		else if (depth == 0 && (a[*i] == ',' || a[*i] == ')' ||
		    a[*i] == '#'))
			break;
		else if (a[*i] == '"' || a[*i] == '\'') {
			free(str_literal(a, n, i));
			(*i)--;
		}
	}
	return trimdup(a + s, *i - s);
}

/* Arguments of a call after its name: gem 'x', '~> 1', group: :dev. */
static size_t
ruby_args(const char *a, size_t n, struct rarg *out, size_t max)
{
	size_t	 i = 0, k = 0, s;
	int	 str;

	while (i < n && isspace((unsigned char)a[i]))
		i++;
	if (i < n && a[i] == '(')
		i++;
	while (i < n && k < max) {
		while (i < n && isspace((unsigned char)a[i]))
			i++;
		if (i >= n || a[i] == ')' || a[i] == '#' ||
		    (n - i >= 2 && memcmp(a + i, "do", 2) == 0 &&
		    (n - i == 2 || isspace((unsigned char)a[i + 2]) ||
		    a[i + 2] == '|')))
			break;
		memset(&out[k], 0, sizeof(out[k]));
		s = i;
		if (isalpha((unsigned char)a[i]) || a[i] == '_') {
			while (i < n && (isalnum((unsigned char)a[i]) ||
			    a[i] == '_'))
				i++;
			if (i < n && a[i] == ':' && (i + 1 >= n ||
			    a[i + 1] != ':')) {
				out[k].key = tl_strndup(a + s, i - s);
				i++;
				while (i < n && isspace((unsigned char)a[i]))
					i++;
			} else
				i = s;
		} else if (a[i] == ':' && i + 1 < n &&
		    isalpha((unsigned char)a[i + 1])) {
			size_t	 e;

			for (e = i + 1; e < n &&
			    (isalnum((unsigned char)a[e]) || a[e] == '_'); e++)
				continue;
			s = e;
			while (s < n && isspace((unsigned char)a[s]))
				s++;
			if (n - s >= 2 && a[s] == '=' && a[s + 1] == '>') {
				out[k].key = tl_strndup(a + i + 1, e - i - 1);
				for (i = s + 2; i < n &&
				    isspace((unsigned char)a[i]); i++)
					continue;
			}
		}
		out[k].val = ruby_value(a, n, &i, &str);
		out[k].str = str;
		k++;
		while (i < n && isspace((unsigned char)a[i]))
			i++;
		if (i < n && a[i] == ',')
			i++;
		else
			break;
	}
	return k;
}

/* Do these groups (":development, :test", "[:test]") mean dev only? */
static int
ruby_dev_groups(const char *g)
{
	const char	*p = g, *s;
	size_t		 k;
	int		 any = 0;

	for (;;) {
		while (*p != '\0' && !isalpha((unsigned char)*p))
			p++;
		if (*p == '\0')
			break;
		for (s = p; isalnum((unsigned char)*p) || *p == '_'; p++)
			continue;
		k = (size_t)(p - s);
		if (!((k == 11 && memcmp(s, "development", 11) == 0) ||
		    (k == 3 && memcmp(s, "dev", 3) == 0) ||
		    (k == 4 && memcmp(s, "test", 4) == 0)))
			return 0;
		any = 1;
	}
	return any;
}

struct rblock {
	int		 dev;
	char		*path;		/* owned: path "…" do */
	int		 git;		/* git/github "…" do */
};

#define RBLOCK_MAX	32

static void
gem_dep(struct mfb *b, struct rarg *r, size_t k, unsigned line,
    const struct rblock *top, int dev)
{
	struct tl_dep	*d;
	const char	*path = top != NULL ? top->path : NULL;
	const char	*git = NULL, *ref = NULL, *tag = NULL;
	const char	*branch = NULL;
	char		*reqs[RARGS_MAX];
	size_t		 i, nreq = 0;
	struct tl_buf	 sb = TL_BUF_INIT;

	if (k == 0 || !r[0].str || r[0].key != NULL)
		return;
	for (i = 1; i < k; i++) {
		if (r[i].key == NULL) {
			if (r[i].str)
				reqs[nreq++] = r[i].val;
			continue;
		}
		if (strcmp(r[i].key, "group") == 0 ||
		    strcmp(r[i].key, "groups") == 0)
			dev = dev || ruby_dev_groups(r[i].val);
		else if (strcmp(r[i].key, "path") == 0)
			path = r[i].val;
		else if (strcmp(r[i].key, "git") == 0 ||
		    strcmp(r[i].key, "github") == 0)
			git = r[i].val;
		else if (strcmp(r[i].key, "ref") == 0)
			ref = r[i].val;
		else if (strcmp(r[i].key, "tag") == 0)
			tag = r[i].val;
		else if (strcmp(r[i].key, "branch") == 0)
			branch = r[i].val;
	}
	d = dep_new(b, r[0].val, strlen(r[0].val), line);
	d->dev = dev;
	for (i = 0; i < nreq; i++) {
		if (i > 0)
			tl_buf_adds(&sb, ", ");
		tl_buf_adds(&sb, reqs[i]);
	}
	if (path != NULL) {
		d->pin = TL_PIN_LOCAL;
		d->path = tl_strdup(path);
		d->spec = nreq > 0 ? tl_buf_detach(&sb) :
		    tl_printf("path:%s", path);
	} else if (git != NULL || (top != NULL && top->git)) {
		d->spec = tl_printf("git:%s%s%s", git != NULL ? git : "",
		    ref || tag || branch ? "#" : "", ref != NULL ? ref :
		    tag != NULL ? tag : branch != NULL ? branch : "");
		d->pin = ref != NULL ? pin_gitref(ref, strlen(ref)) :
		    tag != NULL ? TL_PIN_RANGE : TL_PIN_FLOATING;
	} else {
		d->spec = nreq > 0 ? tl_buf_detach(&sb) : NULL;
		d->pin = pin_gem(reqs, nreq);
	}
	tl_buf_release(&sb);
}

static void
parse_gemfile(struct mfb *b, const char *s, size_t n)
{
	struct tl_manifest	*m = b->m;
	struct lines_it		 it;
	struct rblock		 st[RBLOCK_MAX];
	struct rarg		 r[RARGS_MAX];
	const struct rblock	*top;
	const char		*a, *p;
	size_t			 len, k, depth = 0, i;
	int			 opens, dev;

	memset(st, 0, sizeof(st));
	lines_init(&it, s, n);
	while (lines_next(&it, &a, &len)) {
		span_trim(&a, &len);
		if (len == 0 || a[0] == '#')
			continue;
		top = depth == 0 ? NULL : depth <= RBLOCK_MAX ?
		    &st[depth - 1] : &st[RBLOCK_MAX - 1];
		dev = top != NULL && top->dev;
		if (span_word(a, len, "end") || (len > 3 &&
		    memcmp(a, "end", 3) == 0 && (a[3] == '.' || a[3] == ')' ||
		    a[3] == '#'))) {
			if (depth > 0 && --depth < RBLOCK_MAX) {
				free(st[depth].path);
				st[depth].path = NULL;
			}
			continue;
		}
		opens = (len >= 3 && memcmp(a + len - 3, " do", 3) == 0) ||
		    tl_memcasemem(a, len, " do |", 5) != NULL ||
		    span_word(a, len, "if") || span_word(a, len, "unless") ||
		    span_word(a, len, "case") || span_word(a, len, "begin") ||
		    span_word(a, len, "while") || span_word(a, len, "def");
		k = 0;
		if (span_word(a, len, "gem")) {
			k = ruby_args(a + 3, len - 3, r, RARGS_MAX);
			gem_dep(b, r, k, it.line, top, dev);
		} else if (span_word(a, len, "ruby")) {
			k = ruby_args(a + 4, len - 4, r, RARGS_MAX);
			if (k > 0 && r[0].str && r[0].key == NULL) {
				set_str(&m->runtime, r[0].val);
				m->runtime_line = it.line;
			}
		}
		if (opens) {
			if (depth < RBLOCK_MAX) {
				st[depth].dev = dev;
				st[depth].git = top != NULL && top->git;
				st[depth].path = top != NULL &&
				    top->path != NULL ? tl_strdup(top->path) :
				    NULL;
				if (span_word(a, len, "group")) {
					char	*g = tl_strndup(a + 5, len - 5);

					g[strcspn(g, "{|")] = '\0';
					if ((p = strstr(g, " do")) != NULL)
						g[p - g] = '\0';
					st[depth].dev = dev ||
					    ruby_dev_groups(g);
					free(g);
				}
				else if (span_word(a, len, "path") ||
				    span_word(a, len, "git") ||
				    span_word(a, len, "github")) {
					rargs_free(r, k);
					k = ruby_args(a + 4, len - 4, r,
					    RARGS_MAX);
					if (a[0] == 'p' && k > 0 && r[0].str) {
						free(st[depth].path);
						st[depth].path =
						    tl_strdup(r[0].val);
					} else if (a[0] == 'g')
						st[depth].git = 1;
				}
			}
			depth++;
		}
		rargs_free(r, k);
	}
	for (i = 0; i < depth && i < RBLOCK_MAX; i++)
		free(st[i].path);
}

/* NAME.add_dependency 'x', '~> 1'; NAME.name = 'x'; NAME.version = '1'. */
static void
parse_gemspec(struct mfb *b, const char *s, size_t n)
{
	struct tl_manifest	*m = b->m;
	struct lines_it		 it;
	struct rarg		 r[RARGS_MAX];
	const char		*a, *p;
	size_t			 len, k, i;
	char			*v;
	int			 dev;

	lines_init(&it, s, n);
	while (lines_next(&it, &a, &len)) {
		span_trim(&a, &len);
		if (len == 0 || a[0] == '#' ||
		    (p = memchr(a, '.', len)) == NULL)
			continue;
		p++;
		len -= (size_t)(p - a);
		if (span_word(p, len, "add_dependency") ||
		    span_word(p, len, "add_runtime_dependency") ||
		    span_word(p, len, "add_development_dependency")) {
			dev = span_word(p, len, "add_development_dependency");
			i = span_cspn(p, len, " \t(");
			k = ruby_args(p + i, len - i, r, RARGS_MAX);
			gem_dep(b, r, k, it.line, NULL, dev);
			rargs_free(r, k);
			continue;
		}
		for (i = 0; i < len && (isalnum((unsigned char)p[i]) ||
		    p[i] == '_'); i++)
			continue;
		k = i;
		while (i < len && isspace((unsigned char)p[i]))
			i++;
		if (i >= len || p[i] != '=' || i + 1 >= len || p[i + 1] == '=')
			continue;
		for (i++; i < len && isspace((unsigned char)p[i]); i++)
			continue;
		if (i >= len || (p[i] != '"' && p[i] != '\''))
			continue;
		v = str_literal(p, len, &i);
		if (k == 4 && memcmp(p, "name", 4) == 0)
			set_str(&m->name, v);
		else if (k == 7 && memcmp(p, "version", 7) == 0) {
			set_str(&m->version, v);
			m->version_line = it.line;
		} else if (k == 21 && memcmp(p, "required_ruby_version",
		    21) == 0) {
			set_str(&m->runtime, v);
			m->runtime_line = it.line;
		}
		free(v);
	}
}

/* GEM/GIT/PATH "specs:" entries indented four spaces; RUBY VERSION. */
static void
parse_gemfile_lock(struct mfb *b, const char *s, size_t n)
{
	struct tl_manifest	*m = b->m;
	struct lines_it		 it;
	const char		*a, *p, *v;
	size_t			 len, k;
	int			 sect = 0;	/* 's' specs, 'r' ruby */

	lines_init(&it, s, n);
	while (lines_next(&it, &a, &len)) {
		if (len == 0)
			continue;
		if (!isspace((unsigned char)a[0])) {
			sect = len == 12 && memcmp(a, "RUBY VERSION", 12) == 0 ?
			    'r' : 0;
			continue;
		}
		if (len == 8 && memcmp(a, "  specs:", 8) == 0) {
			sect = 's';
			continue;
		}
		if (sect == 'r') {
			p = a;
			span_trim(&p, &len);
			if (len > 5 && memcmp(p, "ruby ", 5) == 0) {
				free(m->runtime);
				m->runtime = trimdup(p + 5, len - 5);
				m->runtime_line = it.line;
			}
			continue;
		}
		if (sect != 's' || len < 5 || memcmp(a, "    ", 4) != 0 ||
		    isspace((unsigned char)a[4]))
			continue;
		p = a + 4;
		len -= 4;
		k = span_cspn(p, len, " (");
		v = memchr(p, '(', len);
		lock_add(b, p, k, v == NULL ? NULL : v + 1, v == NULL ? 0 :
		    span_cspn(v + 1, len - (size_t)(v + 1 - p), ")"), it.line,
		    0);
	}
}

/* --- JavaScript lock files ------------------------------------------------ */

/* "@scope/name@range" or "name@npm:range" → the name's length. */
static size_t
npm_desc_name(const char *d, size_t n)
{
	size_t	 i;

	for (i = 1; i < n; i++)
		if (d[i] == '@')
			return i;
	return n;
}

/*
 * yarn.lock, v1 and berry: entries start at column 0 with the
 * descriptors they resolve ("a@^1, a@~1.2:"), then "version" follows.
 */
static void
parse_yarn_lock(struct mfb *b, const char *s, size_t n)
{
	struct lines_it	 it;
	const char	*a, *p, *e, *desc = NULL, *v;
	size_t		 len, dlen = 0, k, vn;
	unsigned	 dline = 0;

	lines_init(&it, s, n);
	for (;;) {
		int	 more = lines_next(&it, &a, &len);

		if (more && len > 0 && a[0] != '#' &&
		    !isspace((unsigned char)a[0])) {
			desc = a;
			dlen = len;
			dline = it.line;
			continue;
		}
		if (more && desc != NULL) {
			p = a;
			vn = len;
			span_trim(&p, &vn);
			if (vn > 8 && memcmp(p, "version", 7) == 0 &&
			    (p[7] == ' ' || p[7] == ':')) {
				v = p + 8;
				vn -= 8;
				span_trim(&v, &vn);
				if (vn >= 2 && v[0] == '"' &&
				    v[vn - 1] == '"') {
					v++;
					vn -= 2;
				}
			} else
				continue;
		} else if (desc == NULL) {
			if (!more)
				break;
			continue;
		} else {
			v = NULL;
			vn = 0;
		}
		/* the entry's descriptors, each name once */
		while (dlen > 0 && (desc[dlen - 1] == ':' ||
		    isspace((unsigned char)desc[dlen - 1])))
			dlen--;
		for (p = desc, e = desc + dlen; p < e; p++) {
			while (p < e && (*p == ' ' || *p == ',' || *p == '"'))
				p++;
			for (k = 0; p + k < e && p[k] != ',' && p[k] != '"';
			    k++)
				continue;
			if (k > 0 && !(k >= 10 &&
			    memcmp(p, "__metadata", 10) == 0))
				lock_add(b, p, npm_desc_name(p, k), v, vn,
				    dline, 0);
			p += k;
		}
		desc = NULL;
		if (!more)
			break;
	}
}

/* pnpm-lock.yaml: keys of "packages:", two spaces in. */
static void
parse_pnpm_lock(struct mfb *b, const char *s, size_t n)
{
	struct lines_it	 it;
	const char	*a, *p, *v;
	size_t		 len, k, vn;
	int		 in_pk = 0, major = 9;

	lines_init(&it, s, n);
	while (lines_next(&it, &a, &len)) {
		if (len == 0 || a[0] == '#')
			continue;
		if (!isspace((unsigned char)a[0])) {
			in_pk = len >= 9 && memcmp(a, "packages:", 9) == 0;
			if (len > 16 &&
			    memcmp(a, "lockfileVersion:", 16) == 0) {
				for (p = a + 16; p < a + len &&
				    !isdigit((unsigned char)*p); p++)
					continue;
				major = p < a + len ? *p - '0' : 9;
				if (p + 1 < a + len && isdigit((unsigned char)
				    p[1]))
					major = major * 10 + p[1] - '0';
			}
			continue;
		}
		if (!in_pk || len < 4 || a[0] != ' ' || a[1] != ' ' ||
		    a[2] == ' ')
			continue;
		p = a + 2;
		len -= 2;
		while (len > 0 && isspace((unsigned char)p[len - 1]))
			len--;
		if (len == 0 || p[len - 1] != ':')
			continue;
		len--;
		if (len >= 2 && (p[0] == '\'' || p[0] == '"') &&
		    p[len - 1] == p[0]) {
			p++;
			len -= 2;
		}
		if (len > 0 && p[0] == '/') {
			p++;
			len--;
		}
		if (len == 0)
			continue;
		if (major < 6) {
			/* name/1.2.3 or @scope/name/1.2.3_peer */
			for (k = p[0] == '@' ? 1 : 0; k < len && p[k] != '/';
			    k++)
				continue;
			if (p[0] == '@')
				for (k++; k < len && p[k] != '/'; k++)
					continue;
			v = k < len ? p + k + 1 : NULL;
			for (vn = 0; v != NULL && v + vn < p + len &&
			    v[vn] != '_' && v[vn] != '('; vn++)
				continue;
		} else {
			k = npm_desc_name(p, len);
			v = k < len ? p + k + 1 : NULL;
			for (vn = 0; v != NULL && v + vn < p + len &&
			    v[vn] != '('; vn++)
				continue;
		}
		lock_add(b, p, k, v, vn, it.line, 0);
	}
}

/* bun.lock: "packages": { "key": ["name@version", …], … }. */
static void
parse_bun_lock(struct mfb *b, const char *s, size_t n)
{
	struct lines_it	 it;
	const char	*a, *p, *q, *e;
	size_t		 len, k;
	int		 in_pk = 0;

	lines_init(&it, s, n);
	while (lines_next(&it, &a, &len)) {
		if (len >= 13 && memcmp(a, "  \"packages\":", 13) == 0) {
			in_pk = 1;
			continue;
		}
		if (!in_pk)
			continue;
		if (len >= 3 && memcmp(a, "  }", 3) == 0) {
			in_pk = 0;
			continue;
		}
		if (len < 6 || memcmp(a, "    \"", 5) != 0)
			continue;
		e = a + len;
		if ((p = tl_memcasemem(a, len, "[\"", 2)) == NULL)
			continue;
		p += 2;
		for (q = p; q < e && *q != '"'; q++)
			continue;
		k = npm_desc_name(p, (size_t)(q - p));
		lock_add(b, p, k, k < (size_t)(q - p) ? p + k + 1 : NULL,
		    k < (size_t)(q - p) ? (size_t)(q - p) - k - 1 : 0,
		    it.line, 0);
	}
}

/* --- Gradle --------------------------------------------------------------- */

static const struct gradle_conf {
	const char	*name;		/* static */
	int		 dev;
} gradle_confs[] = {
	{ "androidTestImplementation",	1 },
	{ "annotationProcessor",	0 },
	{ "api",			0 },
	{ "compile",			0 },
	{ "compileOnly",		0 },
	{ "debugImplementation",	1 },
	{ "developmentOnly",		1 },
	{ "implementation",		0 },
	{ "kapt",			0 },
	{ "ksp",			0 },
	{ "runtime",			0 },
	{ "runtimeOnly",		0 },
	{ "testCompile",		1 },
	{ "testCompileOnly",		1 },
	{ "testImplementation",		1 },
	{ "testRuntime",		1 },
	{ "testRuntimeOnly",		1 }
};

/* The value of a named argument: group: 'g' or group = "g". */
static char *
gradle_named(const char *a, size_t n, const char *key)
{
	size_t	 k = strlen(key), i;

	for (i = 0; i + k < n; i++) {
		if (memcmp(a + i, key, k) != 0 || (i > 0 &&
		    isalnum((unsigned char)a[i - 1])))
			continue;
		i += k;
		while (i < n && isspace((unsigned char)a[i]))
			i++;
		if (i >= n || (a[i] != ':' && a[i] != '='))
			continue;
		for (i++; i < n && isspace((unsigned char)a[i]); i++)
			continue;
		if (i < n && (a[i] == '"' || a[i] == '\''))
			return str_literal(a, n, &i);
	}
	return NULL;
}

static void
gradle_line(struct mfb *b, const char *a, size_t len, unsigned line)
{
	const struct gradle_conf *c = NULL;
	struct tl_dep		*d;
	const char		*p, *e;
	char			*str, *g, *nm, *v, *c1, *c2;
	size_t			 i, k, q;

	for (i = 0; i < sizeof(gradle_confs) / sizeof(gradle_confs[0]);
	    i++) {
		k = strlen(gradle_confs[i].name);
		if (len > k && memcmp(a, gradle_confs[i].name, k) == 0 &&
		    (isspace((unsigned char)a[k]) || a[k] == '(')) {
			c = &gradle_confs[i];
			break;
		}
	}
	if (c == NULL)
		return;
	p = a + k;
	e = a + len;
	while (p < e && (isspace((unsigned char)*p) || *p == '('))
		p++;
	if (e - p >= 8 && memcmp(p, "project(", 8) == 0) {
		p += 8;
		while (p < e && (isspace((unsigned char)*p) || *p == '('))
			p++;
		if (p < e && (*p == '"' || *p == '\'')) {
			q = (size_t)(p - a);
			str = str_literal(a, len, &q);
			d = dep_new(b, str, strlen(str), line);
			d->pin = TL_PIN_LOCAL;
			d->spec = tl_printf("project:%s", str);
			d->dev = c->dev;
			free(str);
		}
		return;
	}
	for (i = 0; i < 2; i++)
		if ((e - p >= 9 && memcmp(p, "platform(", 9) == 0) ||
		    (e - p >= 17 && memcmp(p, "enforcedPlatform(", 17) == 0))
			p += *p == 'p' ? 9 : 17;
	while (p < e && (isspace((unsigned char)*p) || *p == '('))
		p++;
	if (p < e && (*p == '"' || *p == '\'')) {
		/* "group:artifact:version[:classifier][@ext]" */
		q = (size_t)(p - a);
		str = str_literal(a, len, &q);
		if ((c1 = strchr(str, ':')) == NULL) {
			free(str);
			return;
		}
		c2 = strchr(c1 + 1, ':');
		if (c2 != NULL) {
			*c2++ = '\0';
			c2[strcspn(c2, ":@")] = '\0';
		}
		d = dep_new(b, str, strlen(str), line);
		d->spec = c2 != NULL && *c2 != '\0' ? tl_strdup(c2) : NULL;
		d->pin = pin_jvm(d->spec);
		d->dev = c->dev;
		free(str);
		return;
	}
	g = gradle_named(p, (size_t)(e - p), "group");
	nm = gradle_named(p, (size_t)(e - p), "name");
	v = gradle_named(p, (size_t)(e - p), "version");
	if (g != NULL && nm != NULL) {
		str = tl_printf("%s:%s", g, nm);
		d = dep_new(b, str, strlen(str), line);
		d->spec = v;
		v = NULL;
		d->pin = pin_jvm(d->spec);
		d->dev = c->dev;
		free(str);
	}
	free(g);
	free(nm);
	free(v);
}

static void
parse_gradle(struct mfb *b, const char *s, size_t n)
{
	struct lines_it	 it;
	const char	*a, *c;
	size_t		 len;
	int		 comment = 0;

	lines_init(&it, s, n);
	while (lines_next(&it, &a, &len)) {
		span_trim(&a, &len);
		if (comment) {
			if ((c = tl_memcasemem(a, len, "*/", 2)) == NULL)
				continue;
			len -= (size_t)(c + 2 - a);
			a = c + 2;
			comment = 0;
			span_trim(&a, &len);
		}
		if (len >= 2 && a[0] == '/' && a[1] == '*') {
			comment = tl_memcasemem(a, len, "*/", 2) == NULL;
			continue;
		}
		if (len == 0 || (len >= 2 && a[0] == '/' && a[1] == '/'))
			continue;
		gradle_line(b, a, len, it.line);
	}
}

/* gradle.lockfile: "group:artifact:version=conf,conf". */
static void
parse_gradle_lock(struct mfb *b, const char *s, size_t n)
{
	struct lines_it	 it;
	const char	*a, *eq, *c, *confs;
	size_t		 len, cn;
	int		 dev;

	lines_init(&it, s, n);
	while (lines_next(&it, &a, &len)) {
		if (len == 0 || a[0] == '#' ||
		    (eq = memchr(a, '=', len)) == NULL)
			continue;
		for (c = eq; c > a && c[-1] != ':'; c--)
			continue;
		if (c == a)
			continue;		/* "empty=…" */
		confs = eq + 1;
		cn = len - (size_t)(confs - a);
		dev = cn > 0;
		for (; cn > 0; ) {
			if (cn < 4 || memcmp(confs, "test", 4) != 0)
				dev = 0;
			while (cn > 0 && *confs != ',') {
				confs++;
				cn--;
			}
			if (cn > 0) {
				confs++;
				cn--;
			}
		}
		lock_add(b, a, (size_t)(c - 1 - a), c, (size_t)(eq - c),
		    it.line, dev);
	}
}

/* --- XML: pom.xml, *.csproj ----------------------------------------------- */

/*
 * A scanner of tags and text, not a parser: comments, processing
 * instructions, declarations and CDATA are skipped; element names are
 * kept on a stack so that a handler can test where it is.
 */
enum {
	XE_START = 1,
	XE_END
};

struct xml_ev {
	int		 type;
	const char	*name;		/* borrowed: element name */
	size_t		 nlen;
	const char	*attrs;		/* borrowed: XE_START attribute text */
	size_t		 alen;
	int		 selfclose;
	unsigned	 line;
	const char	*text;		/* borrowed: XE_END text, or NULL */
	size_t		 tlen;
};

struct xml {
	const char	*s;		/* borrowed: the text */
	size_t		 n;
	size_t		 i;
	unsigned	 line;
	struct {
		const char	*name;	/* borrowed */
		size_t		 nlen;
	}		 stack[XML_MAXDEPTH];
	size_t		 depth;
	int		 pop;		/* pop the top before the next event */
	size_t		 text_at;	/* where the current text began */
	int		 text_ok;	/* no child element since */
};

static void
x_adv(struct xml *x, size_t to)
{
	for (; x->i < to && x->i < x->n; x->i++)
		if (x->s[x->i] == '\n')
			x->line++;
}

static void
x_skip_to(struct xml *x, const char *end)
{
	const char	*p;

	p = tl_memcasemem(x->s + x->i, x->n - x->i, end, strlen(end));
	x_adv(x, p == NULL ? x->n : (size_t)(p - x->s) + strlen(end));
}

static int
xml_next(struct xml *x, struct xml_ev *ev)
{
	const char	*s = x->s;
	size_t		 lt, a, q;

	if (x->pop) {
		x->pop = 0;
		if (x->depth > 0)
			x->depth--;
	}
	for (;;) {
		while (x->i < x->n && s[x->i] != '<')
			x_adv(x, x->i + 1);
		if (x->i >= x->n)
			return 0;
		lt = x->i;
		if (x->n - lt >= 4 && memcmp(s + lt, "<!--", 4) == 0) {
			x_skip_to(x, "-->");
			continue;
		}
		if (x->n - lt >= 2 && (s[lt + 1] == '?' || s[lt + 1] == '!')) {
			x_skip_to(x, s[lt + 1] == '?' ? "?>" : ">");
			continue;
		}
		memset(ev, 0, sizeof(*ev));
		ev->line = x->line;
		a = lt + 1;
		ev->type = XE_START;
		if (a < x->n && s[a] == '/') {
			ev->type = XE_END;
			a++;
		}
		ev->name = s + a;
		while (a < x->n && !isspace((unsigned char)s[a]) &&
		    s[a] != '>' && s[a] != '/')
			a++;
		ev->nlen = (size_t)(s + a - ev->name);
		ev->attrs = s + a;
		/* to the closing '>', over quoted attribute values */
		for (q = 0; a < x->n && (q != 0 || s[a] != '>'); a++) {
			if (q == 0 && (s[a] == '"' || s[a] == '\''))
				q = (unsigned char)s[a];
			else if ((unsigned char)s[a] == q)
				q = 0;
		}
		ev->alen = (size_t)(s + a - ev->attrs);
		if (ev->type == XE_START && ev->alen > 0 &&
		    ev->attrs[ev->alen - 1] == '/') {
			ev->selfclose = 1;
			ev->alen--;
		}
		x_adv(x, a < x->n ? a + 1 : x->n);
		if (ev->type == XE_END) {
			if (x->text_ok) {
				ev->text = s + x->text_at;
				ev->tlen = lt - x->text_at;
			}
			x->text_ok = 0;
			x->pop = 1;
			return 1;
		}
		if (x->depth < XML_MAXDEPTH) {
			x->stack[x->depth].name = ev->name;
			x->stack[x->depth].nlen = ev->nlen;
		}
		x->depth++;
		x->text_at = x->i;
		x->text_ok = !ev->selfclose;
		if (ev->selfclose)
			x->pop = 1;
		return 1;
	}
}

/* Is the element stack exactly "a/b/c"? */
static int
xml_at(const struct xml *x, const char *path)
{
	const char	*p = path;
	size_t		 d, k;

	if (x->depth > XML_MAXDEPTH)
		return 0;
	for (d = 0; d < x->depth; d++) {
		k = strcspn(p, "/");
		if (k != x->stack[d].nlen || memcmp(p, x->stack[d].name,
		    k) != 0)
			return 0;
		p += k;
		if (*p == '/')
			p++;
		else if (d + 1 < x->depth)
			return 0;
	}
	return *p == '\0';
}

/* Is the element stack "a/b/…" followed by any one element? */
static int
xml_under(const struct xml *x, const char *path)
{
	struct xml	 y;

	if (x->depth == 0 || x->depth > XML_MAXDEPTH)
		return 0;
	memcpy(&y, x, sizeof(y));
	y.depth--;
	return xml_at(&y, path);
}

static int
ev_is(const struct xml_ev *ev, const char *name)
{
	return ev->nlen == strlen(name) && memcmp(ev->name, name,
	    ev->nlen) == 0;
}

/* An attribute's value (case-insensitive name), or NULL. */
static char *
xml_attr(const struct xml_ev *ev, const char *name)
{
	const char	*s = ev->attrs, *e = ev->attrs + ev->alen, *v;
	size_t		 k = strlen(name);
	char		 q;

	while (s < e) {
		while (s < e && isspace((unsigned char)*s))
			s++;
		v = s;
		while (s < e && *s != '=' && !isspace((unsigned char)*s))
			s++;
		if ((size_t)(s - v) == k && strncasecmp(v, name, k) == 0) {
			while (s < e && (isspace((unsigned char)*s) ||
			    *s == '='))
				s++;
			if (s >= e || (*s != '"' && *s != '\''))
				return NULL;
			q = *s++;
			for (v = s; s < e && *s != q; s++)
				continue;
			return trimdup(v, (size_t)(s - v));
		}
		while (s < e && *s != '"' && *s != '\'')
			s++;
		if (s < e) {
			q = *s++;
			while (s < e && *s != q)
				s++;
			if (s < e)
				s++;
		}
	}
	return NULL;
}

/* Properties naming the Java version, the most precise first. */
static const char *const java_props[] = {
	"maven.compiler.release", "maven.compiler.source", "java.version",
	NULL
};

struct pomdep {
	char		*g;		/* owned */
	char		*a;		/* owned */
	char		*v;		/* owned */
	char		*scope;		/* owned */
	int		 optional;
	unsigned	 line;
	unsigned	 vline;
};

static void
pomdep_free(void *p)
{
	struct pomdep	*d = p;

	free(d->g);
	free(d->a);
	free(d->v);
	free(d->scope);
	free(d);
}

/* ${name} from the properties (name, value pairs in a vector). */
static char *
pom_resolve(const char *v, const struct tl_vec *props, const char *pver,
    const char *parent)
{
	struct tl_buf	 b = TL_BUF_INIT;
	const char	*p, *e, *val;
	char		*cur = tl_strdup(v), *name;
	size_t		 i, round;

	for (round = 0; round < 5 && strstr(cur, "${") != NULL; round++) {
		tl_buf_clear(&b);
		for (p = cur; (e = strstr(p, "${")) != NULL; ) {
			tl_buf_add(&b, p, (size_t)(e - p));
			if ((p = strchr(e, '}')) == NULL) {
				p = e;
				break;
			}
			name = tl_strndup(e + 2, (size_t)(p - e - 2));
			val = NULL;
			if (strcmp(name, "project.version") == 0 ||
			    strcmp(name, "version") == 0 ||
			    strcmp(name, "pom.version") == 0)
				val = pver;
			else if (strcmp(name, "project.parent.version") == 0)
				val = parent;
			for (i = 0; val == NULL && i + 1 < props->len; i += 2)
				if (strcmp(props->items[i], name) == 0)
					val = props->items[i + 1];
			if (val != NULL)
				tl_buf_adds(&b, val);
			else
				tl_buf_add(&b, e, (size_t)(p + 1 - e));
			free(name);
			p++;
		}
		tl_buf_adds(&b, p);
		free(cur);
		cur = tl_buf_detach(&b);
	}
	tl_buf_release(&b);
	return cur;
}

static char *
pomdep_key(const struct pomdep *d)
{
	return tl_printf("%s:%s", d->g != NULL ? d->g : "", d->a);
}

/* A hash index of the managed versions: index + 1 by "group:artifact". */
static size_t *
pom_managed_index(const struct tl_vec *managed, size_t *cap)
{
	const struct pomdep	*md;
	size_t			*t, i, h;
	char			*key;

	for (*cap = 16; *cap < managed->len * 2; *cap *= 2)
		continue;
	t = tl_calloc(*cap, sizeof(*t));
	for (i = 0; i < managed->len; i++) {
		md = managed->items[i];
		if (md->a == NULL || md->v == NULL)
			continue;
		key = pomdep_key(md);
		h = (size_t)tl_hash64(key, strlen(key)) & (*cap - 1);
		while (t[h] != 0)
			h = (h + 1) & (*cap - 1);
		t[h] = i + 1;
		free(key);
	}
	return t;
}

static const struct pomdep *
pom_managed(const struct tl_vec *managed, const size_t *t, size_t cap,
    const char *name)
{
	const struct pomdep	*md;
	size_t			 h;
	char			*key;
	int			 eq;

	h = (size_t)tl_hash64(name, strlen(name)) & (cap - 1);
	for (; t[h] != 0; h = (h + 1) & (cap - 1)) {
		md = managed->items[t[h] - 1];
		key = pomdep_key(md);
		eq = strcmp(key, name) == 0;
		free(key);
		if (eq)
			return md;
	}
	return NULL;
}

static void
parse_pom(struct mfb *b, const char *s, size_t n)
{
	struct tl_manifest	*m = b->m;
	struct xml		 x;
	struct xml_ev		 ev;
	struct tl_vec		 deps = TL_VEC_INIT, managed = TL_VEC_INIT;
	struct tl_vec		 props = TL_VEC_INIT;
	struct pomdep		*cur = NULL, *pd;
	const struct pomdep	*md;
	struct tl_dep		*d;
	char			*text, *parent = NULL, *name, *v, **fld;
	size_t			 i, j, ddepth = 0, jrank = SIZE_MAX, mtcap;
	size_t			*mt;
	int			 in_mgmt = 0;

	memset(&x, 0, sizeof(x));
	x.s = s;
	x.n = n;
	x.line = 1;
	while (xml_next(&x, &ev)) {
		if (ev.type == XE_START && ev_is(&ev, "dependency") &&
		    cur == NULL && (xml_at(&x,
		    "project/dependencies/dependency") ||
		    xml_at(&x, "project/profiles/profile/dependencies/"
		    "dependency") || (in_mgmt = xml_at(&x,
		    "project/dependencyManagement/dependencies/"
		    "dependency")))) {
			cur = tl_calloc(1, sizeof(*cur));
			cur->line = ev.line;
			ddepth = x.depth;
			if (ev.selfclose)
				cur->line = 0;
			continue;
		}
		if (ev.type != XE_END)
			continue;
		text = ev.text != NULL ? trimdup(ev.text, ev.tlen) : NULL;
		if (cur != NULL && x.depth == ddepth + 1 && text != NULL) {
			fld = ev_is(&ev, "groupId") ? &cur->g :
			    ev_is(&ev, "artifactId") ? &cur->a :
			    ev_is(&ev, "version") ? &cur->v :
			    ev_is(&ev, "scope") ? &cur->scope : NULL;
			if (fld != NULL) {
				set_str(fld, text);
				if (fld == &cur->v)
					cur->vline = ev.line;
				if (fld == &cur->a)
					cur->line = ev.line;
			} else if (ev_is(&ev, "optional"))
				cur->optional = strcmp(text, "true") == 0;
		} else if (cur != NULL && x.depth == ddepth) {
			tl_vec_push(in_mgmt ? &managed : &deps, cur);
			cur = NULL;
			in_mgmt = 0;
		} else if (cur == NULL && text != NULL) {
			if (xml_at(&x, "project/artifactId"))
				set_str(&m->name, text);
			else if (xml_at(&x, "project/version")) {
				set_str(&m->version, text);
				m->version_line = ev.line;
			} else if (xml_at(&x, "project/parent/version"))
				set_str(&parent, text);
			else if (xml_under(&x, "project/properties")) {
				tl_vec_push(&props, tl_strndup(ev.name,
				    ev.nlen));
				tl_vec_push(&props, tl_strdup(text));
				for (j = 0; j < jrank &&
				    java_props[j] != NULL; j++)
					if (ev_is(&ev, java_props[j])) {
						set_str(&m->runtime, text);
						m->runtime_line = ev.line;
						jrank = j;
						break;
					}
			}
		}
		free(text);
	}
	if (cur != NULL)
		pomdep_free(cur);

	mt = pom_managed_index(&managed, &mtcap);
	for (i = 0; i < deps.len; i++) {
		pd = deps.items[i];
		if (pd->a == NULL)
			continue;
		name = tl_printf("%s:%s", pd->g != NULL ? pd->g : "", pd->a);
		v = NULL;
		if (pd->v != NULL)
			v = pom_resolve(pd->v, &props, m->version, parent);
		else if ((md = pom_managed(&managed, mt, mtcap, name)) != NULL)
			v = pom_resolve(md->v, &props, m->version, parent);
		d = dep_new(b, name, strlen(name), pd->vline != 0 ?
		    pd->vline : pd->line);
		free(name);
		d->spec = v;
		d->pin = pin_jvm(v);
		d->dev = pd->scope != NULL && strcmp(pd->scope, "test") == 0;
		d->optional = pd->optional;
	}
	free(mt);
	tl_vec_release(&deps, pomdep_free);
	tl_vec_release(&managed, pomdep_free);
	tl_vec_release(&props, free);
	free(parent);
}

static void
csproj_ref(struct mfb *b, char *incl, char *ver, int dev, unsigned line)
{
	struct tl_dep	*d;

	d = dep_new(b, incl, strlen(incl), line);
	d->spec = ver != NULL ? tl_strdup(ver) : NULL;
	d->pin = pin_jvm(ver);
	d->dev = dev;
}

static int
private_all(const char *s)
{
	return s != NULL && strcasecmp(s, "all") == 0;
}

static void
parse_csproj(struct mfb *b, const char *s, size_t n)
{
	struct tl_manifest	*m = b->m;
	struct tl_dep		*d;
	struct xml		 x;
	struct xml_ev		 ev;
	char			*incl = NULL, *ver = NULL, *priv = NULL, *text;
	const char		*base, *dot;
	unsigned		 line = 0;
	size_t			 rdepth = 0;

	memset(&x, 0, sizeof(x));
	x.s = s;
	x.n = n;
	x.line = 1;
	while (xml_next(&x, &ev)) {
		if (ev.type == XE_START && ev_is(&ev, "PackageReference") &&
		    incl == NULL) {
			if ((incl = xml_attr(&ev, "Include")) == NULL)
				continue;	/* Update=, Remove= */
			ver = xml_attr(&ev, "Version");
			priv = xml_attr(&ev, "PrivateAssets");
			line = ev.line;
			rdepth = x.depth;
			if (!ev.selfclose)
				continue;
		} else if (ev.type == XE_START &&
		    ev_is(&ev, "ProjectReference")) {
			if ((text = xml_attr(&ev, "Include")) == NULL)
				continue;
			base = text + strlen(text);
			while (base > text && base[-1] != '\\' &&
			    base[-1] != '/')
				base--;
			dot = strrchr(base, '.');
			d = dep_new(b, base, dot != NULL ? (size_t)(dot -
			    base) : strlen(base), ev.line);
			d->path = text;
			d->spec = tl_printf("path:%s", text);
			d->pin = TL_PIN_LOCAL;
			continue;
		} else if (ev.type == XE_END && incl != NULL &&
		    x.depth == rdepth + 1 && ev.text != NULL) {
			if (ev_is(&ev, "Version")) {
				free(ver);
				ver = trimdup(ev.text, ev.tlen);
			} else if (ev_is(&ev, "PrivateAssets")) {
				free(priv);
				priv = trimdup(ev.text, ev.tlen);
			}
			continue;
		} else if (ev.type == XE_END && ev.text != NULL &&
		    incl == NULL) {
			if ((ev_is(&ev, "TargetFramework") ||
			    ev_is(&ev, "TargetFrameworks")) &&
			    m->runtime == NULL) {
				m->runtime = trimdup(ev.text, ev.tlen);
				m->runtime_line = ev.line;
			} else if (ev_is(&ev, "AssemblyName")) {
				free(m->name);
				m->name = trimdup(ev.text, ev.tlen);
			} else if (ev_is(&ev, "Version") &&
			    xml_under(&x, "Project/PropertyGroup")) {
				free(m->version);
				m->version = trimdup(ev.text, ev.tlen);
				m->version_line = ev.line;
			}
			continue;
		} else if (!(ev.type == XE_END && incl != NULL &&
		    x.depth == rdepth))
			continue;
		csproj_ref(b, incl, ver, private_all(priv), line);
		free(incl);
		free(ver);
		free(priv);
		incl = ver = priv = NULL;
	}
	free(incl);
	free(ver);
	free(priv);
}

/* --- entry points --------------------------------------------------------- */

int
tl_manifest_parse(struct tl_manifest **out, enum tl_manifest_type type,
    const char *data, size_t len, unsigned *errline, char *errmsg,
    size_t errsz)
{
	struct tl_manifest	*m;
	struct mfb		 b;
	char			*s;
	size_t			 i;
	int			 error = 0;

	*out = NULL;
	if (errline != NULL)
		*errline = 0;
	if (errmsg != NULL && errsz > 0)
		errmsg[0] = '\0';
	m = tl_calloc(1, sizeof(*m));
	m->type = type;
	memset(&b, 0, sizeof(b));
	b.m = m;
	s = tl_strndup(data, len);	/* NUL-terminated for the readers */
	switch (type) {
	case TL_MF_PACKAGE_JSON:
	case TL_MF_COMPOSER:
	case TL_MF_PACKAGE_LOCK:
	case TL_MF_COMPOSER_LOCK:
	case TL_MF_PIPFILE_LOCK:
	case TL_MF_PACKAGES_LOCK:
		error = parse_json(&b, type, s, len, errline, errmsg, errsz);
		break;
	case TL_MF_REQUIREMENTS:
		parse_requirements(&b, s, len);
		break;
	case TL_MF_PYPROJECT:
		parse_pyproject(&b, s, len);
		break;
	case TL_MF_PIPFILE:
		parse_pipfile(&b, s, len);
		break;
	case TL_MF_SETUP_PY:
		if (tl_memcasemem(s, len, "[metadata]", 10) != NULL ||
		    tl_memcasemem(s, len, "[options]", 9) != NULL)
			parse_setup_cfg(&b, s, len);
		else
			parse_setup_py(&b, s, len);
		break;
	case TL_MF_GO_MOD:
		parse_go_mod(&b, s, len);
		break;
	case TL_MF_GEMFILE:
		parse_gemfile(&b, s, len);
		break;
	case TL_MF_GEMSPEC:
		parse_gemspec(&b, s, len);
		break;
	case TL_MF_POM:
		parse_pom(&b, s, len);
		break;
	case TL_MF_GRADLE:
		parse_gradle(&b, s, len);
		break;
	case TL_MF_CARGO:
		parse_cargo(&b, s, len);
		break;
	case TL_MF_CSPROJ:
		parse_csproj(&b, s, len);
		break;
	case TL_MF_YARN_LOCK:
		parse_yarn_lock(&b, s, len);
		break;
	case TL_MF_PNPM_LOCK:
		parse_pnpm_lock(&b, s, len);
		break;
	case TL_MF_BUN_LOCK:
		parse_bun_lock(&b, s, len);
		break;
	case TL_MF_POETRY_LOCK:
	case TL_MF_UV_LOCK:
	case TL_MF_PDM_LOCK:
	case TL_MF_CARGO_LOCK:
		parse_toml_lock(&b, s, len);
		break;
	case TL_MF_GO_SUM:
		parse_go_sum(&b, s, len);
		break;
	case TL_MF_GEMFILE_LOCK:
		parse_gemfile_lock(&b, s, len);
		break;
	case TL_MF_GRADLE_LOCK:
		parse_gradle_lock(&b, s, len);
		break;
	default:
		break;
	}
	free(s);
	free(b.set);
	if (error != 0) {
		tl_manifest_free(m);
		return error;
	}
	for (i = 0; i < m->ndeps; i++)
		m->deps[i].pinned = m->deps[i].pin == TL_PIN_EXACT ||
		    m->deps[i].pin == TL_PIN_LOCAL;
	*out = m;
	return 0;
}

void
tl_manifest_free(struct tl_manifest *m)
{
	size_t	 i;

	if (m == NULL)
		return;
	for (i = 0; i < m->ndeps; i++) {
		free(m->deps[i].name);
		free(m->deps[i].spec);
		free(m->deps[i].path);
	}
	free(m->deps);
	for (i = 0; i < m->nincludes; i++)
		free(m->includes[i].path);
	free(m->includes);
	free(m->name);
	free(m->version);
	free(m->start);
	free(m->runtime);
	free(m->tool);
	free(m);
}

const struct tl_dep *
tl_manifest_find(const struct tl_manifest *m, const char *name)
{
	enum eco	 eco = ECO_NONE;
	size_t		 i;
	const char	*dn;

	if ((int)m->type >= 0 && m->type < TL_MF__COUNT)
		eco = mf_types[m->type].eco;
	for (i = 0; i < m->ndeps; i++) {
		dn = m->deps[i].name;
		if (m->deps[i].replace)
			continue;
		if (eco == ECO_PY ? pyname_eq(dn, name) :
		    eco == ECO_NUGET || eco == ECO_PHP ?
		    strcasecmp(dn, name) == 0 : strcmp(dn, name) == 0)
			return &m->deps[i];
	}
	return NULL;
}
