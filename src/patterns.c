/*
 * patterns.c: pattern rules as data.  Packs (YAML, docs/patterns.md) are
 * read into detectors whose regexes are compiled once; tl_patterns_scan()
 * then runs every detector that applies to a file over its one buffer:
 * selection by kind, language, path and test code, the literal keyword
 * prefilter, the regexes over the whole buffer, and the filters (entropy,
 * allowlists, stopwords, placeholders) on each match.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "twelvelint/model.h"
#include "twelvelint/regex.h"
#include "twelvelint/patterns.h"

/* Custom rules of user packs use TFff90 .. TFff99. */
#define CUSTOM_FIRST	90
/* allow-context regexes see this many lines before the match's line. */
#define CONTEXT_LINES	2

struct pack {
	char		*name;		/* owned: for messages */
	int		 user;		/* from --rules */
};

/* One regex of a detector and the group that holds its secret. */
struct pregex {
	struct tl_regex	*re;		/* owned */
	int		 sgroup;	/* 0: the whole match */
};

struct example {
	char		*text;		/* owned */
	unsigned	 line;
	int		 want;		/* 1: match, 0: no-match */
};

struct detector {
	char		*name;		/* owned */
	char		*rule_id;	/* owned: upper case */
	char		*message;	/* owned */
	const struct pack *pack;	/* borrowed: patterns->packs */
	unsigned	 line;		/* of the detector in the pack */
	unsigned	 idline;	/* of its entry's id */
	const struct tl_rule *rule;	/* borrowed: resolved by finish */
	unsigned long	 kinds;		/* TL_NEED() bits */
	unsigned	 langs;		/* bit per enum tl_lang, 0: any */
	struct tl_vec	 paths;		/* char * owned: globs */
	struct tl_vec	 xpaths;	/* char * owned: globs */
	size_t		*kw;		/* owned: indices of keywords */
	size_t		 nkw;
	struct pregex	*re;		/* owned */
	size_t		 nre;
	struct tl_vec	 allow;		/* struct tl_regex * owned */
	struct tl_vec	 allow_line;	/* struct tl_regex * owned */
	struct tl_vec	 allow_ctx;	/* struct tl_regex * owned */
	struct tl_vec	 unless;	/* struct tl_regex * owned: unless-file */
	struct tl_vec	 stopwords;	/* char * owned */
	struct example	*ex;		/* owned */
	size_t		 nex;
	double		 entropy;	/* 0: no floor */
	int		 secret;
	int		 tests;		/* also scan test code */
	int		 disabled;	/* an override that removes one */
	int		 replaced;	/* a later pack replaced it */
};

/* A rule a pack defines with its own texts. */
struct prule {
	struct tl_rule	 rule;		/* its strings are the fields below */
	char		*id;		/* owned */
	char		*name;		/* owned */
	char		*summary;	/* owned */
	char		*rationale;	/* owned */
	char		*fix;		/* owned */
	char		*see_also;	/* owned, or NULL */
	const struct pack *pack;	/* borrowed: patterns->packs */
	unsigned	 line;
	unsigned long	 requires;	/* TL_NEED_SERVICE from "requires", or 0 */
};

struct tl_patterns {
	struct tl_vec	  packs;	/* struct pack * owned */
	struct tl_vec	  dets;		/* struct detector * owned */
	struct tl_vec	  prules;	/* struct prule * owned */
	struct tl_vec	  keywords;	/* char * owned: lower case, unique */
	struct detector	**active;	/* owned array; items: dets' */
	size_t		  nactive;
	const struct tl_rule **rules;	/* owned array; items: prules' */
	size_t		  nrules;
	size_t		  maxgroups;	/* most capture groups of any regex */
	/*
	 * The keywords indexed by their first two bytes, for one pass over
	 * a file: the ids of the keywords starting with the pair (a << 8 | b)
	 * are kwids[kwpair[ab] .. kwpair[ab + 1]).  One-byte keywords are
	 * searched on their own.
	 */
	uint32_t	 *kwpair;	/* owned: 65537 offsets */
	uint32_t	 *kwids;	/* owned */
	/* The global allowlist: every pack's top-level "allow". */
	struct tl_vec	  gsecrets;	/* struct tl_regex * owned: on the secret */
	struct tl_vec	  glines;	/* struct tl_regex * owned: on the line */
	struct tl_vec	  gpaths;	/* char * owned: globs of files passed over */
	struct tl_vec	  gstop;	/* char * owned: lower case stopwords */
	int		  finished;
};

/* One accepted match of the detector being run. */
struct hit {
	size_t	 start, end, sstart, send;
};

struct tl_pmatcher {
	const struct tl_patterns *p;	/* borrowed */
	struct tl_regex_md *md;		/* owned */
	char		*lower;		/* owned: the file, lower case */
	size_t		 lcap;
	int		 lowered;	/* lower holds the current file */
	unsigned char	*kwstate;	/* owned: keyword 0 ?, 1 in, 2 out */
	struct hit	*hits;		/* owned */
	size_t		 nhits;
	size_t		 hcap;
	size_t		*ov;		/* owned: ovector */
	size_t		 nov;
	unsigned char	*off;		/* owned: per active detector, 1 = skip; or NULL */
};

/* --------------------------------------------------------------- tables */

static const struct {
	const char	*name;
	unsigned long	 mask;
} kind_names[] = {
	{ "any",	 TL_NEED(TL_FILE__COUNT) - 1 },
	{ "appspec",	 TL_NEED(TL_FILE_APPSPEC) },
	{ "buildspec",	 TL_NEED(TL_FILE_BUILDSPEC) },
	{ "ci",		 TL_NEED(TL_FILE_CI) },
	{ "compose",	 TL_NEED(TL_FILE_COMPOSE) },
	{ "credentials", TL_NEED(TL_FILE_CREDENTIALS) },
	{ "dockerfile",	 TL_NEED(TL_FILE_DOCKERFILE) },
	{ "dotenv",	 TL_NEED(TL_FILE_DOTENV) },
	{ "ignore",	 TL_NEED(TL_FILE_IGNORE) },
	{ "json",	 TL_NEED(TL_FILE_JSON) },
	{ "lockfile",	 TL_NEED(TL_FILE_LOCKFILE) },
	{ "manifest",	 TL_NEED(TL_FILE_MANIFEST) },
	{ "other",	 TL_NEED(TL_FILE_OTHER) },
	{ "procfile",	 TL_NEED(TL_FILE_PROCFILE) },
	{ "script",	 TL_NEED(TL_FILE_SCRIPT) },
	{ "source",	 TL_NEED(TL_FILE_SOURCE) },
	{ "taskdef",	 TL_NEED(TL_FILE_TASKDEF) },
	{ "template",	 TL_NEED(TL_FILE_TEMPLATE) },
	{ "yaml",	 TL_NEED(TL_FILE_YAML) },
};

static const struct {
	const char	*name;
	enum tl_lang	 lang;
} lang_names[] = {
	{ "csharp",	TL_LANG_CSHARP },
	{ "go",		TL_LANG_GO },
	{ "java",	TL_LANG_JAVA },
	{ "javascript",	TL_LANG_JAVASCRIPT },
	{ "kotlin",	TL_LANG_KOTLIN },
	{ "php",	TL_LANG_PHP },
	{ "python",	TL_LANG_PYTHON },
	{ "ruby",	TL_LANG_RUBY },
	{ "rust",	TL_LANG_RUST },
	{ "shell",	TL_LANG_SHELL },
	{ "typescript",	TL_LANG_TYPESCRIPT },
};

/*
 * Placeholders: a secret that contains one of these (case-insensitive)
 * is documentation, not a secret.
 */
static const char *const placeholder_words[] = {
	"${", "{{", "#{", "%(", "%s", "%v", "...", "***", "xxxx",
	"changeme", "change_me", "change-me", "example", "dummy",
	"placeholder", "replaceme", "replace_me", "replace-me", "redacted",
	/* AWS's documented example keys (also caught by "example"). */
	"AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
};

/* ...and a secret wrapped in one of these pairs is a placeholder too. */
static const char *const placeholder_wraps[] = {
	"<>", "{}", "[]",
};

/* ------------------------------------------------------------- helpers */

static int
ascii_casecmp(const char *a, const char *b)
{
	int	 x, y;

	for (;; a++, b++) {
		x = tolower((unsigned char)*a);
		y = tolower((unsigned char)*b);
		if (x != y || x == '\0')
			return x - y;
	}
}

/* Index the keywords by their first two bytes (see struct tl_patterns). */
static void
index_keywords(struct tl_patterns *p)
{
	const unsigned char	*kw;
	uint32_t		*fill;
	size_t			 i, pair;

	free(p->kwpair);
	free(p->kwids);
	p->kwpair = tl_calloc(65537, sizeof(*p->kwpair));
	p->kwids = tl_calloc(p->keywords.len + 1, sizeof(*p->kwids));
	for (i = 0; i < p->keywords.len; i++) {
		kw = p->keywords.items[i];
		if (kw[0] != '\0' && kw[1] != '\0')
			p->kwpair[(kw[0] << 8 | kw[1]) + 1]++;
	}
	for (pair = 1; pair <= 65536; pair++)
		p->kwpair[pair] += p->kwpair[pair - 1];
	fill = tl_calloc(65536, sizeof(*fill));
	for (i = 0; i < p->keywords.len; i++) {
		kw = p->keywords.items[i];
		if (kw[0] == '\0' || kw[1] == '\0')
			continue;
		pair = (size_t)(kw[0] << 8 | kw[1]);
		p->kwids[p->kwpair[pair] + fill[pair]++] = (uint32_t)i;
	}
	free(fill);
}

static void
free_regex(void *re)
{
	tl_regex_free(re);
}

static void
detector_free(struct detector *d)
{
	size_t	 i;

	if (d == NULL)
		return;
	free(d->name);
	free(d->rule_id);
	free(d->message);
	tl_vec_release(&d->paths, free);
	tl_vec_release(&d->xpaths, free);
	free(d->kw);
	for (i = 0; i < d->nre; i++)
		tl_regex_free(d->re[i].re);
	free(d->re);
	tl_vec_release(&d->allow, free_regex);
	tl_vec_release(&d->allow_line, free_regex);
	tl_vec_release(&d->allow_ctx, free_regex);
	tl_vec_release(&d->unless, free_regex);
	tl_vec_release(&d->stopwords, free);
	for (i = 0; i < d->nex; i++)
		free(d->ex[i].text);
	free(d->ex);
	free(d);
}

static void
detector_free_v(void *d)
{
	detector_free(d);
}

static void
prule_free(void *arg)
{
	struct prule	*r = arg;

	if (r == NULL)
		return;
	free(r->id);
	free(r->name);
	free(r->summary);
	free(r->rationale);
	free(r->fix);
	free(r->see_also);
	free(r);
}

static void
pack_free(void *arg)
{
	struct pack	*pk = arg;

	if (pk == NULL)
		return;
	free(pk->name);
	free(pk);
}

struct tl_patterns *
tl_patterns_new(void)
{
	return tl_calloc(1, sizeof(struct tl_patterns));
}

void
tl_patterns_free(struct tl_patterns *p)
{
	if (p == NULL)
		return;
	tl_vec_release(&p->dets, detector_free_v);
	tl_vec_release(&p->prules, prule_free);
	tl_vec_release(&p->packs, pack_free);
	tl_vec_release(&p->keywords, free);
	tl_vec_release(&p->gsecrets, free_regex);
	tl_vec_release(&p->glines, free_regex);
	tl_vec_release(&p->gpaths, free);
	tl_vec_release(&p->gstop, free);
	free(p->kwpair);
	free(p->kwids);
	free(p->active);
	free(p->rules);
	free(p);
}

/* ------------------------------------------------------------- globs */

/* Match a bracket expression at *pp against c; advance *pp past it. */
static int
glob_class(const char **pp, int c, int *ok)
{
	const char	*p = *pp + 1;
	int		 neg = 0, hit = 0, lo, hi;

	if (*p == '!' || *p == '^') {
		neg = 1;
		p++;
	}
	if (*p == ']') {
		hit |= c == ']';
		p++;
	}
	while (*p != ']') {
		if (*p == '\0') {
			*ok = 0;	/* unterminated: '[' is literal */
			return c == '[';
		}
		lo = (unsigned char)*p++;
		if (*p == '-' && p[1] != ']' && p[1] != '\0') {
			hi = (unsigned char)p[1];
			p += 2;
		} else
			hi = lo;
		if (c >= lo && c <= hi)
			hit = 1;
	}
	*pp = p + 1;
	*ok = 1;
	return c != '/' && hit != neg;
}

static int
glob_rec(const char *p, const char *s, int depth)
{
	int	 ok, r;

	if (depth > 32)
		return 0;
	for (;;) {
		switch (*p) {
		case '\0':
			return *s == '\0';
		case '*':
			if (p[1] == '*') {
				p += 2;
				if (*p == '/') {
					/* "**" "/": no or more directories */
					p++;
					for (;;) {
						if (glob_rec(p, s, depth + 1))
							return 1;
						s = strchr(s, '/');
						if (s == NULL)
							return 0;
						s++;
					}
				}
				for (;; s++) {
					if (glob_rec(p, s, depth + 1))
						return 1;
					if (*s == '\0')
						return 0;
				}
			}
			p++;
			for (;; s++) {
				if (glob_rec(p, s, depth + 1))
					return 1;
				if (*s == '\0' || *s == '/')
					return 0;
			}
		case '?':
			if (*s == '\0' || *s == '/')
				return 0;
			p++;
			s++;
			break;
		case '[':
			if (*s == '\0')
				return 0;
			r = glob_class(&p, (unsigned char)*s, &ok);
			if (!ok) {
				if (*s != '[')
					return 0;
				p++;
			} else if (!r)
				return 0;
			s++;
			break;
		default:
			if (*p == '\\' && p[1] != '\0')
				p++;	/* an escaped character is literal */
			if (*p != *s)
				return 0;
			p++;
			s++;
			break;
		}
	}
}

int
tl_patterns_glob(const char *glob, const char *path)
{
	const char	*base;

	while (glob[0] == '.' && glob[1] == '/')
		glob += 2;
	if (*glob == '/')
		glob++;
	else if (strchr(glob, '/') == NULL) {
		base = strrchr(path, '/');
		return glob_rec(glob, base == NULL ? path : base + 1, 0);
	}
	return glob_rec(glob, path, 0);
}

/* ------------------------------------------------------ reading packs */

struct pctx {
	struct tl_patterns *p;
	struct pack	*pack;		/* owned until committed */
	struct tl_vec	 dets;		/* struct detector * owned: new ones */
	struct tl_vec	 prules;	/* struct prule * owned: new ones */
	struct tl_vec	 gsecrets;	/* struct tl_regex * owned: new global allow */
	struct tl_vec	 glines;	/* struct tl_regex * owned */
	struct tl_vec	 gpaths;	/* char * owned */
	struct tl_vec	 gstop;		/* char * owned */
};

static int
perr(struct pctx *c, unsigned line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int
perr(struct pctx *c, unsigned line, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	tl_error_vset_at(c->pack->name, line, fmt, ap);
	va_end(ap);
	return TL_EUSAGE;
}

/* Check a mapping's keys: all scalars, all known, none twice. */
static int
check_keys(struct pctx *c, const struct tl_ynode *map,
    const char *const *known, const char *what)
{
	const struct tl_ynode	*k;
	size_t			 i, j;

	for (i = 0; i < map->npairs; i++) {
		k = map->pairs[i].key;
		if (k->type != TL_YSCALAR)
			return perr(c, k->line, "%s: keys must be strings",
			    what);
		for (j = 0; known[j] != NULL; j++)
			if (strcmp(known[j], k->value) == 0 ||
			    (strcmp(known[j], "x-") == 0 &&
			    tl_str_has_prefix(k->value, "x-")))
				break;
		if (known[j] == NULL)
			return perr(c, k->line, "unknown key '%s' in %s",
			    k->value, what);
		for (j = 0; j < i; j++)
			if (strcmp(map->pairs[j].key->value, k->value) == 0)
				return perr(c, k->line, "duplicate key '%s'",
				    k->value);
	}
	return 0;
}

static int
want_str(struct pctx *c, const struct tl_ynode *n, const char *key,
    const char **out)
{
	if (n->type != TL_YSCALAR)
		return perr(c, n->line, "'%s' must be a string", key);
	if (n->len == 0 || strlen(n->value) != n->len)
		return perr(c, n->line, "'%s' must be a non-empty string "
		    "without NUL bytes", key);
	*out = n->value;
	return 0;
}

/* A string or a sequence of strings: *items, *n (items borrowed). */
static int
want_list(struct pctx *c, const struct tl_ynode *n, const char *key,
    const struct tl_ynode *const **items, size_t *count)
{
	const char	*s;
	size_t		 i;
	int		 error;

	if (n->type == TL_YSCALAR) {
		*items = NULL;
		*count = 1;
		return want_str(c, n, key, &s);
	}
	if (n->type != TL_YSEQ || n->nitems == 0)
		return perr(c, n->line, "'%s' must be a string or a "
		    "non-empty list of strings", key);
	for (i = 0; i < n->nitems; i++)
		if ((error = want_str(c, n->items[i], key, &s)) != 0)
			return error;
	*items = (const struct tl_ynode *const *)n->items;
	*count = n->nitems;
	return 0;
}

/* The i-th node of a list that want_list() accepted. */
static const struct tl_ynode *
list_item(const struct tl_ynode *n, const struct tl_ynode *const *items,
    size_t i)
{
	return items == NULL ? n : items[i];
}

static int
want_bool(struct pctx *c, const struct tl_ynode *n, const char *key, int *out)
{
	static const char *const t[] = { "true", "True", "TRUE", NULL };
	static const char *const f[] = { "false", "False", "FALSE", NULL };
	size_t	 i;

	if (n->type == TL_YSCALAR) {
		for (i = 0; t[i] != NULL; i++)
			if (strcmp(n->value, t[i]) == 0) {
				*out = 1;
				return 0;
			}
		for (i = 0; f[i] != NULL; i++)
			if (strcmp(n->value, f[i]) == 0) {
				*out = 0;
				return 0;
			}
	}
	return perr(c, n->line, "'%s' must be true or false", key);
}

/* Lower-case ASCII letters, digits and '-', starting with a letter or digit. */
static int
valid_name(const char *s)
{
	if (!islower((unsigned char)*s) && !isdigit((unsigned char)*s))
		return 0;
	for (; *s != '\0'; s++)
		if (!islower((unsigned char)*s) &&
		    !isdigit((unsigned char)*s) && *s != '-')
			return 0;
	return 1;
}

/* "TFffnn": factor 1..12 (0 is the engine's), rule 1..99. */
static int
parse_id(const char *s, int *factor, int *num)
{
	size_t	 i;

	if (strlen(s) != 6 || s[0] != 'T' || s[1] != 'F')
		return -1;
	for (i = 2; i < 6; i++)
		if (!isdigit((unsigned char)s[i]))
			return -1;
	*factor = (s[2] - '0') * 10 + (s[3] - '0');
	*num = (s[4] - '0') * 10 + (s[5] - '0');
	if (*factor < 1 || *factor > 12 || *num < 1)
		return -1;
	return 0;
}

static size_t
intern_keyword(struct tl_patterns *p, const char *kw)
{
	char	*s;
	size_t	 i;

	s = tl_strdup(kw);
	for (i = 0; s[i] != '\0'; i++)
		s[i] = (char)tolower((unsigned char)s[i]);
	for (i = 0; i < p->keywords.len; i++)
		if (strcmp(p->keywords.items[i], s) == 0) {
			free(s);
			return i;
		}
	tl_vec_push(&p->keywords, s);
	return p->keywords.len - 1;
}

static int
compile_at(struct pctx *c, const struct tl_ynode *n, const char *key,
    unsigned flags, struct tl_regex **out)
{
	char	 msg[256];
	size_t	 off = 0;

	if (tl_regex_compile(out, n->value, flags, msg, sizeof(msg), &off)
	    != 0)
		return perr(c, n->line, "bad regex in '%s': %s at offset %zu",
		    key, msg, off);
	return 0;
}

static int
parse_kinds(struct pctx *c, const struct tl_ynode *n, unsigned long *out)
{
	const struct tl_ynode *const *items;
	const struct tl_ynode	*it;
	size_t			 cnt, i, j;
	int			 error;

	if ((error = want_list(c, n, "kinds", &items, &cnt)) != 0)
		return error;
	for (i = 0; i < cnt; i++) {
		it = list_item(n, items, i);
		for (j = 0; j < TL_NELEM(kind_names); j++)
			if (strcmp(kind_names[j].name, it->value) == 0)
				break;
		if (j == TL_NELEM(kind_names))
			return perr(c, it->line, "unknown file kind '%s' "
			    "(see docs/patterns.md)", it->value);
		*out |= kind_names[j].mask;
	}
	return 0;
}

static int
parse_langs(struct pctx *c, const struct tl_ynode *n, unsigned *out)
{
	const struct tl_ynode *const *items;
	const struct tl_ynode	*it;
	size_t			 cnt, i, j;
	int			 error;

	if ((error = want_list(c, n, "langs", &items, &cnt)) != 0)
		return error;
	for (i = 0; i < cnt; i++) {
		it = list_item(n, items, i);
		for (j = 0; j < TL_NELEM(lang_names); j++)
			if (strcmp(lang_names[j].name, it->value) == 0)
				break;
		if (j == TL_NELEM(lang_names))
			return perr(c, it->line, "unknown language '%s' "
			    "(see docs/patterns.md)", it->value);
		*out |= 1U << lang_names[j].lang;
	}
	return 0;
}

static int
parse_strings(struct pctx *c, const struct tl_ynode *n, const char *key,
    struct tl_vec *out, int lower)
{
	const struct tl_ynode *const *items;
	char			*s;
	size_t			 cnt, i, k;
	int			 error;

	if ((error = want_list(c, n, key, &items, &cnt)) != 0)
		return error;
	for (i = 0; i < cnt; i++) {
		s = tl_strdup(list_item(n, items, i)->value);
		if (lower)
			for (k = 0; s[k] != '\0'; k++)
				s[k] = (char)tolower((unsigned char)s[k]);
		tl_vec_push(out, s);
	}
	return 0;
}

static int
parse_regexes(struct pctx *c, const struct tl_ynode *n, const char *key,
    unsigned flags, struct tl_vec *out)
{
	const struct tl_ynode *const *items;
	struct tl_regex		*re;
	size_t			 cnt, i;
	int			 error;

	if ((error = want_list(c, n, key, &items, &cnt)) != 0)
		return error;
	for (i = 0; i < cnt; i++) {
		if ((error = compile_at(c, list_item(n, items, i), key, flags,
		    &re)) != 0)
			return error;
		tl_vec_push(out, re);
	}
	return 0;
}

static int
parse_examples(struct pctx *c, struct detector *d, const struct tl_ynode *n)
{
	static const char *const keys[] = { "match", "no-match", NULL };
	const struct tl_ynode *const *items;
	const struct tl_ynode	*v, *it;
	size_t			 cnt, i, k;
	int			 error;

	if (n->type != TL_YMAP)
		return perr(c, n->line, "'examples' must be a mapping with "
		    "'match' and 'no-match'");
	if ((error = check_keys(c, n, keys, "examples")) != 0)
		return error;
	for (k = 0; k < 2; k++) {
		if ((v = tl_ymap_get(n, keys[k])) == NULL)
			continue;
		if ((error = want_list(c, v, keys[k], &items, &cnt)) != 0)
			return error;
		d->ex = tl_reallocarray(d->ex, d->nex + cnt, sizeof(*d->ex));
		for (i = 0; i < cnt; i++) {
			it = list_item(v, items, i);
			d->ex[d->nex].text = tl_strdup(it->value);
			d->ex[d->nex].line = it->line;
			d->ex[d->nex].want = k == 0;
			d->nex++;
		}
	}
	return 0;
}

/* Resolve secret-group for every regex of d. */
static int
parse_sgroup(struct pctx *c, struct detector *d, const struct tl_ynode *n)
{
	const char	*s;
	size_t		 i;
	int		 num = -1, g, error;

	if ((error = want_str(c, n, "secret-group", &s)) != 0)
		return error;
	if (strspn(s, "0123456789") == strlen(s)) {
		if (strlen(s) > 3)
			return perr(c, n->line, "no group %s", s);
		num = (int)strtol(s, NULL, 10);
	}
	for (i = 0; i < d->nre; i++) {
		if (num >= 0) {
			if (num > tl_regex_ngroups(d->re[i].re))
				return perr(c, n->line, "secret-group %d: the "
				    "regex '%s' has only %d groups", num,
				    tl_regex_source(d->re[i].re),
				    tl_regex_ngroups(d->re[i].re));
			d->re[i].sgroup = num;
			continue;
		}
		if ((g = tl_regex_group(d->re[i].re, s)) < 0)
			return perr(c, n->line, "secret-group '%s': the regex "
			    "'%s' has no group of that name", s,
			    tl_regex_source(d->re[i].re));
		d->re[i].sgroup = g;
	}
	return 0;
}

/* A detector that an earlier pack (or this one) already has, or NULL. */
static struct detector *
find_detector(struct tl_vec *v, const char *name)
{
	struct detector	*d;
	size_t		 i;

	for (i = v->len; i-- > 0;) {
		d = v->items[i];
		if (!d->replaced && strcmp(d->name, name) == 0)
			return d;
	}
	return NULL;
}

static int
parse_detector(struct pctx *c, const char *rule_id, unsigned idline,
    const struct tl_ynode *n)
{
	static const char *const keys[] = {
		"name", "message", "kinds", "langs", "paths", "exclude-paths",
		"keywords", "regex", "secret-group", "secret", "entropy",
		"allow", "allow-line", "allow-context", "unless-file",
		"stopwords", "tests", "examples", "disabled", NULL
	};
	const struct tl_ynode *const *items;
	const struct tl_ynode	*v, *it;
	struct detector		*d, *old;
	struct tl_vec		 kws = TL_VEC_INIT;
	const char		*s;
	char			*end;
	size_t			 cnt, i;
	int			 error;

	if (n->type != TL_YMAP)
		return perr(c, n->line, "a detector must be a mapping");
	if ((error = check_keys(c, n, keys, "a detector")) != 0)
		return error;

	d = tl_calloc(1, sizeof(*d));
	d->pack = c->pack;
	d->line = n->line;
	d->idline = idline;
	d->rule_id = tl_strdup(rule_id);

	if ((v = tl_ymap_get(n, "name")) == NULL) {
		error = perr(c, n->line, "detector without a 'name'");
		goto out;
	}
	if ((error = want_str(c, v, "name", &s)) != 0)
		goto out;
	if (!valid_name(s)) {
		error = perr(c, v->line, "detector name '%s': use lower-case "
		    "letters, digits and '-'", s);
		goto out;
	}
	d->name = tl_strdup(s);

	/* The same name twice in one pack; or twice among built-ins. */
	if ((old = find_detector(&c->dets, s)) != NULL) {
		error = perr(c, v->line, "detector '%s' is already defined "
		    "at line %u", s, old->line);
		goto out;
	}
	old = find_detector(&c->p->dets, s);
	if (old != NULL && !c->pack->user) {
		error = perr(c, v->line, "detector '%s' is already defined "
		    "at %s:%u", s, old->pack->name, old->line);
		goto out;
	}
	if (old != NULL && strcmp(old->rule_id, rule_id) != 0) {
		error = perr(c, v->line, "detector '%s' overrides one of %s "
		    "(%s:%u): it must stay under that id", s, old->rule_id,
		    old->pack->name, old->line);
		goto out;
	}

	if ((v = tl_ymap_get(n, "disabled")) != NULL) {
		if ((error = want_bool(c, v, "disabled", &d->disabled)) != 0)
			goto out;
		if (d->disabled) {
			if (n->npairs != 2) {
				error = perr(c, n->line, "a disabled detector "
				    "takes only 'name' and 'disabled'");
				goto out;
			}
			if (old == NULL) {
				error = perr(c, v->line, "no detector '%s' to "
				    "disable", d->name);
				goto out;
			}
			tl_vec_push(&c->dets, d);
			return 0;
		}
	}

	if ((v = tl_ymap_get(n, "message")) == NULL) {
		error = perr(c, n->line, "detector '%s' without a 'message'",
		    d->name);
		goto out;
	}
	if ((error = want_str(c, v, "message", &s)) != 0)
		goto out;
	d->message = tl_strdup(s);

	if ((v = tl_ymap_get(n, "kinds")) != NULL &&
	    (error = parse_kinds(c, v, &d->kinds)) != 0)
		goto out;
	if ((v = tl_ymap_get(n, "langs")) != NULL) {
		if ((error = parse_langs(c, v, &d->langs)) != 0)
			goto out;
		if (tl_ymap_get(n, "kinds") == NULL)
			d->kinds = TL_NEED(TL_FILE_SOURCE) |
			    TL_NEED(TL_FILE_SCRIPT);
	}
	if (d->kinds == 0) {
		error = perr(c, n->line, "detector '%s' needs 'kinds' or "
		    "'langs' (use 'kinds: any' to read every file)", d->name);
		goto out;
	}
	if ((v = tl_ymap_get(n, "paths")) != NULL &&
	    (error = parse_strings(c, v, "paths", &d->paths, 0)) != 0)
		goto out;
	if ((v = tl_ymap_get(n, "exclude-paths")) != NULL &&
	    (error = parse_strings(c, v, "exclude-paths", &d->xpaths, 0)) != 0)
		goto out;
	if ((v = tl_ymap_get(n, "keywords")) != NULL) {
		if ((error = parse_strings(c, v, "keywords", &kws, 1)) != 0)
			goto out;
		d->kw = tl_calloc(kws.len, sizeof(*d->kw));
		for (i = 0; i < kws.len; i++)
			d->kw[i] = intern_keyword(c->p, kws.items[i]);
		d->nkw = kws.len;
	}

	if ((v = tl_ymap_get(n, "regex")) == NULL) {
		error = perr(c, n->line, "detector '%s' without a 'regex'",
		    d->name);
		goto out;
	}
	if ((error = want_list(c, v, "regex", &items, &cnt)) != 0)
		goto out;
	d->re = tl_calloc(cnt, sizeof(*d->re));
	for (i = 0; i < cnt; i++) {
		it = list_item(v, items, i);
		if ((error = compile_at(c, it, "regex", TL_RE_MULTILINE,
		    &d->re[i].re)) != 0)
			goto out;
		d->nre++;
		if ((size_t)tl_regex_ngroups(d->re[i].re) > c->p->maxgroups)
			c->p->maxgroups = (size_t)tl_regex_ngroups(d->re[i].re);
	}
	if ((v = tl_ymap_get(n, "secret-group")) != NULL &&
	    (error = parse_sgroup(c, d, v)) != 0)
		goto out;
	if ((v = tl_ymap_get(n, "secret")) != NULL &&
	    (error = want_bool(c, v, "secret", &d->secret)) != 0)
		goto out;
	if ((v = tl_ymap_get(n, "tests")) != NULL &&
	    (error = want_bool(c, v, "tests", &d->tests)) != 0)
		goto out;
	if ((v = tl_ymap_get(n, "entropy")) != NULL) {
		if ((error = want_str(c, v, "entropy", &s)) != 0)
			goto out;
		errno = 0;
		d->entropy = strtod(s, &end);
		if (errno != 0 || *end != '\0' || end == s ||
		    !(d->entropy >= 0.0 && d->entropy <= 8.0)) {
			error = perr(c, v->line, "'entropy' must be a number "
			    "of bits per character from 0 to 8");
			goto out;
		}
	}
	if ((v = tl_ymap_get(n, "allow")) != NULL &&
	    (error = parse_regexes(c, v, "allow", 0, &d->allow)) != 0)
		goto out;
	if ((v = tl_ymap_get(n, "allow-line")) != NULL &&
	    (error = parse_regexes(c, v, "allow-line", 0,
	    &d->allow_line)) != 0)
		goto out;
	if ((v = tl_ymap_get(n, "allow-context")) != NULL &&
	    (error = parse_regexes(c, v, "allow-context", TL_RE_MULTILINE,
	    &d->allow_ctx)) != 0)
		goto out;
	if ((v = tl_ymap_get(n, "unless-file")) != NULL &&
	    (error = parse_regexes(c, v, "unless-file", TL_RE_MULTILINE,
	    &d->unless)) != 0)
		goto out;
	if ((v = tl_ymap_get(n, "stopwords")) != NULL &&
	    (error = parse_strings(c, v, "stopwords", &d->stopwords, 1)) != 0)
		goto out;
	if ((v = tl_ymap_get(n, "examples")) != NULL &&
	    (error = parse_examples(c, d, v)) != 0)
		goto out;

	tl_vec_push(&c->dets, d);
	d = NULL;
out:
	tl_vec_release(&kws, free);
	detector_free(d);
	return error;
}

static struct prule *
find_prule(const struct tl_vec *v, const char *id)
{
	struct prule	*r;
	size_t		 i;

	for (i = 0; i < v->len; i++) {
		r = v->items[i];
		if (strcmp(r->id, id) == 0)
			return r;
	}
	return NULL;
}

/* The texts of an entry that defines a rule. */
static int
parse_texts(struct pctx *c, const struct tl_ynode *n, const char *id,
    int factor, int num, unsigned idline)
{
	static const char *const need[] = {
		"name", "factor", "severity", "summary", "rationale", "fix",
		NULL
	};
	const struct tl_ynode	*v;
	const struct prule	*old;
	struct prule		*r;
	const char		*s[6], *see = NULL;
	char			*end;
	long			 f;
	unsigned long		 requires = 0;
	size_t			 i;
	int			 error;

	for (i = 0; need[i] != NULL; i++) {
		if ((v = tl_ymap_get(n, need[i])) == NULL)
			return perr(c, n->line, "%s: missing '%s' (an entry "
			    "that defines a rule needs name, factor, severity, "
			    "summary, rationale and fix)", id, need[i]);
		if ((error = want_str(c, v, need[i], &s[i])) != 0)
			return error;
	}
	if ((v = tl_ymap_get(n, "see_also")) != NULL &&
	    (error = want_str(c, v, "see_also", &see)) != 0)
		return error;
	/* requires: service — not applicable without a long-running service. */
	if ((v = tl_ymap_get(n, "requires")) != NULL) {
		if (v->type != TL_YSEQ || v->nitems != 1 ||
		    !tl_yscalar_is(v->items[0], "service"))
			return perr(c, v->line, "'requires' takes [service], "
			    "the only requirement a rule may state");
		requires = TL_NEED_SERVICE;
	}

	if (!valid_name(s[0]))
		return perr(c, tl_ymap_get(n, "name")->line, "rule name '%s': "
		    "use lower-case letters, digits and '-'", s[0]);
	v = tl_ymap_get(n, "factor");
	errno = 0;
	f = strtol(s[1], &end, 10);
	if (errno != 0 || *end != '\0' || f < 1 || f > 12)
		return perr(c, v->line, "'factor' must be a number from 1 to "
		    "12");
	if (f != factor)
		return perr(c, v->line, "%s: factor %ld does not match the "
		    "id's digits", id, f);
	r = tl_calloc(1, sizeof(*r));
	v = tl_ymap_get(n, "severity");
	if (tl_severity_parse(s[2], &r->rule.severity) != 0 ||
	    r->rule.severity == TL_SEV_NONE) {
		free(r);
		return perr(c, v->line, "'severity' must be error, warning "
		    "or info");
	}
	if (c->pack->user && num < CUSTOM_FIRST) {
		free(r);
		return perr(c, idline, "%s: a rule defined in a --rules pack "
		    "must use an id from TF%02d%d to TF%02d99", id, factor,
		    CUSTOM_FIRST, factor);
	}
	if (!c->pack->user && num >= CUSTOM_FIRST) {
		free(r);
		return perr(c, idline, "%s: ids TF%02d%d to TF%02d99 are "
		    "kept for --rules packs", id, factor, CUSTOM_FIRST,
		    factor);
	}
	if ((old = find_prule(&c->prules, id)) != NULL ||
	    (old = find_prule(&c->p->prules, id)) != NULL) {
		error = perr(c, idline, "rule %s is already defined at %s:%u",
		    id, old->pack->name, old->line);
		free(r);
		return error;
	}
	r->id = tl_strdup(id);
	r->name = tl_strdup(s[0]);
	r->summary = tl_strdup(s[3]);
	r->rationale = tl_strdup(s[4]);
	r->fix = tl_strdup(s[5]);
	r->see_also = see != NULL ? tl_strdup(see) : NULL;
	r->pack = c->pack;
	r->line = idline;
	r->rule.id = r->id;
	r->rule.name = r->name;
	r->rule.factor = factor;
	r->rule.summary = r->summary;
	r->rule.rationale = r->rationale;
	r->rule.fix = r->fix;
	r->rule.see_also = r->see_also;
	r->rule.check = NULL;
	r->requires = requires;
	tl_vec_push(&c->prules, r);
	return 0;
}

static int
parse_entry(struct pctx *c, const struct tl_ynode *n)
{
	static const char *const keys[] = {
		"id", "name", "factor", "severity", "summary", "rationale",
		"fix", "see_also", "requires", "detectors", NULL
	};
	static const char *const texts[] = {
		"name", "factor", "severity", "summary", "rationale", "fix",
		"see_also", NULL
	};
	const struct tl_ynode	*v, *ds;
	const char		*id;
	size_t			 i;
	int			 factor, num, has_texts = 0, error;

	if (n->type != TL_YMAP)
		return perr(c, n->line, "each item of 'rules' must be a "
		    "mapping");
	if ((error = check_keys(c, n, keys, "a rule entry")) != 0)
		return error;
	if ((v = tl_ymap_get(n, "id")) == NULL)
		return perr(c, n->line, "rule entry without an 'id'");
	if ((error = want_str(c, v, "id", &id)) != 0)
		return error;
	if (parse_id(id, &factor, &num) != 0)
		return perr(c, v->line, "bad rule id '%s': want TF, the "
		    "factor (01-12) and a number (01-99), as TF0401", id);
	for (i = 0; texts[i] != NULL; i++)
		if (tl_ymap_get(n, texts[i]) != NULL)
			has_texts = 1;
	if (has_texts &&
	    (error = parse_texts(c, n, id, factor, num, v->line)) != 0)
		return error;

	ds = tl_ymap_get(n, "detectors");
	if (ds == NULL && !has_texts)
		return perr(c, n->line, "entry for %s has neither texts nor "
		    "detectors", id);
	if (ds == NULL)
		return 0;
	if (ds->type != TL_YSEQ)
		return perr(c, ds->line, "'detectors' must be a list");
	for (i = 0; i < ds->nitems; i++)
		if ((error = parse_detector(c, id, v->line, ds->items[i])) != 0)
			return error;
	return 0;
}

/* Move every item of from onto the end of to. */
static void
move_all(struct tl_vec *to, struct tl_vec *from)
{
	size_t	 i;

	for (i = 0; i < from->len; i++)
		tl_vec_push(to, from->items[i]);
	from->len = 0;
}

/*
 * A pack's top-level "allow": the global allowlist, for every detector of
 * every pack: secrets (regexes on the secret or evidence), lines (regexes
 * on the match's lines), paths (globs of files no detector reads),
 * stopwords (in the secret).
 */
static int
parse_global_allow(struct pctx *c, const struct tl_ynode *n)
{
	static const char *const keys[] = {
		"secrets", "lines", "paths", "stopwords", NULL
	};
	const struct tl_ynode	*v;
	int			 error;

	if (n->type != TL_YMAP)
		return perr(c, n->line, "'allow' must be a mapping of secrets, "
		    "lines, paths and stopwords");
	if ((error = check_keys(c, n, keys, "'allow'")) != 0)
		return error;
	if ((v = tl_ymap_get(n, "secrets")) != NULL &&
	    (error = parse_regexes(c, v, "secrets", 0, &c->gsecrets)) != 0)
		return error;
	if ((v = tl_ymap_get(n, "lines")) != NULL &&
	    (error = parse_regexes(c, v, "lines", 0, &c->glines)) != 0)
		return error;
	if ((v = tl_ymap_get(n, "paths")) != NULL &&
	    (error = parse_strings(c, v, "paths", &c->gpaths, 0)) != 0)
		return error;
	if ((v = tl_ymap_get(n, "stopwords")) != NULL &&
	    (error = parse_strings(c, v, "stopwords", &c->gstop, 1)) != 0)
		return error;
	return 0;
}

/* A reading context for a pack named name (c->pack owned until committed). */
static void
pctx_init(struct pctx *c, struct tl_patterns *p, const char *name, int user)
{
	memset(c, 0, sizeof(*c));
	c->p = p;
	c->pack = tl_calloc(1, sizeof(*c->pack));
	c->pack->name = tl_strdup(name);
	c->pack->user = user;
}

/* Move the global allowlist entries read into the patterns. */
static void
pctx_commit_allow(struct pctx *c)
{
	move_all(&c->p->gsecrets, &c->gsecrets);
	move_all(&c->p->glines, &c->glines);
	move_all(&c->p->gpaths, &c->gpaths);
	move_all(&c->p->gstop, &c->gstop);
}

/* Free what a context still owns (nothing once all is committed). */
static void
pctx_release(struct pctx *c)
{
	tl_vec_release(&c->dets, detector_free_v);
	tl_vec_release(&c->prules, prule_free);
	tl_vec_release(&c->gsecrets, free_regex);
	tl_vec_release(&c->glines, free_regex);
	tl_vec_release(&c->gpaths, free);
	tl_vec_release(&c->gstop, free);
	pack_free(c->pack);
}

static int
add_pack(struct tl_patterns *p, const char *name, const char *text,
    size_t len, int user)
{
	/* "x-…" keys hold YAML anchors shared by the detectors. */
	static const char *const keys[] = {
		"rules", "description", "allow", "x-", NULL
	};
	struct pctx		 c;
	struct tl_ydoc		*doc = NULL;
	struct tl_yerror	 yerr;
	const struct tl_ynode	*root, *rules;
	struct detector		*d, *old;
	size_t			 i;
	int			 error = 0;

	pctx_init(&c, p, name, user);
	if (p->finished) {
		error = perr(&c, 1, "packs must be added before "
		    "tl_patterns_finish()");
		goto out;
	}
	memset(&yerr, 0, sizeof(yerr));
	if (tl_yaml_parse(&doc, text, len, &yerr) != 0) {
		error = perr(&c, yerr.line, "%s", yerr.msg[0] != '\0' ?
		    yerr.msg : "not valid YAML");
		doc = NULL;
		goto out;
	}
	if (doc->nroots == 0 || (root = doc->roots[0]) == NULL ||
	    (root->type == TL_YSCALAR && root->len == 0)) {
		error = perr(&c, 1, "empty pack: want a mapping with 'rules'");
		goto out;
	}
	if (doc->nroots > 1) {
		error = perr(&c, doc->roots[1]->line, "a pack is one YAML "
		    "document");
		goto out;
	}
	if (root->type != TL_YMAP) {
		error = perr(&c, root->line, "a pack is a mapping with "
		    "'rules'");
		goto out;
	}
	if ((error = check_keys(&c, root, keys, "a pack")) != 0)
		goto out;
	if ((rules = tl_ymap_get(root, "allow")) != NULL &&
	    (error = parse_global_allow(&c, rules)) != 0)
		goto out;
	if ((rules = tl_ymap_get(root, "rules")) == NULL) {
		error = perr(&c, root->line, "pack without 'rules'");
		goto out;
	}
	if (rules->type != TL_YSEQ) {
		error = perr(&c, rules->line, "'rules' must be a list");
		goto out;
	}
	for (i = 0; i < rules->nitems; i++)
		if ((error = parse_entry(&c, rules->items[i])) != 0)
			goto out;

	/* Commit: overrides first, then the new detectors and rules. */
	for (i = 0; i < c.dets.len; i++) {
		d = c.dets.items[i];
		if ((old = find_detector(&p->dets, d->name)) != NULL)
			old->replaced = 1;
		if (d->disabled)
			d->replaced = 1;
		tl_vec_push(&p->dets, d);
	}
	c.dets.len = 0;
	for (i = 0; i < c.prules.len; i++)
		tl_vec_push(&p->prules, c.prules.items[i]);
	c.prules.len = 0;
	pctx_commit_allow(&c);
	tl_vec_push(&p->packs, c.pack);
	c.pack = NULL;
out:
	tl_ydoc_free(doc);
	pctx_release(&c);
	return error;
}

int
tl_patterns_add_allow(struct tl_patterns *p, const char *name,
    const struct tl_ynode *allow)
{
	struct pctx	 c;
	int		 error;

	pctx_init(&c, p, name, 1);
	if (p->finished)
		error = perr(&c, allow->line, "allowlists must be added before "
		    "tl_patterns_finish()");
	else if ((error = parse_global_allow(&c, allow)) == 0)
		pctx_commit_allow(&c);
	pctx_release(&c);
	return error;
}

int
tl_patterns_add(struct tl_patterns *p, const char *name, const char *text,
    size_t len)
{
	return add_pack(p, name, text, len, 0);
}

int
tl_patterns_add_user(struct tl_patterns *p, const char *name,
    const char *text, size_t len)
{
	return add_pack(p, name, text, len, 1);
}

static int
add_file(struct tl_patterns *p, const char *path)
{
	struct tl_buf	 b = TL_BUF_INIT;
	FILE		*fp;
	char		 chunk[8192];
	size_t		 n;
	int		 error;

	if ((fp = fopen(path, "rb")) == NULL) {
		tl_error_set("cannot read '%s': %s", path, strerror(errno));
		return TL_EUSAGE;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		tl_buf_add(&b, chunk, n);
	if (ferror(fp)) {
		tl_error_set("cannot read '%s': %s", path, strerror(errno));
		fclose(fp);
		tl_buf_release(&b);
		return TL_EUSAGE;
	}
	fclose(fp);
	error = add_pack(p, path, tl_buf_str(&b), b.len, 1);
	tl_buf_release(&b);
	return error;
}

static int
strp_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
tl_patterns_add_path(struct tl_patterns *p, const char *path)
{
	struct tl_vec	 names = TL_VEC_INIT;
	struct dirent	*de;
	struct stat	 st;
	DIR		*dir;
	char		*full;
	size_t		 i;
	int		 error = 0;

	if (stat(path, &st) != 0) {
		tl_error_set("cannot read '%s': %s", path, strerror(errno));
		return TL_EUSAGE;
	}
	if (!S_ISDIR(st.st_mode))
		return add_file(p, path);
	if ((dir = opendir(path)) == NULL) {
		tl_error_set("cannot read '%s': %s", path, strerror(errno));
		return TL_EUSAGE;
	}
	while ((de = readdir(dir)) != NULL) {
		if (de->d_name[0] == '.' ||
		    (!tl_str_has_suffix(de->d_name, ".yml") &&
		    !tl_str_has_suffix(de->d_name, ".yaml")))
			continue;
		tl_vec_push(&names, tl_strdup(de->d_name));
	}
	closedir(dir);
	tl_vec_sort(&names, strp_cmp);
	for (i = 0; i < names.len && error == 0; i++) {
		full = tl_printf("%s%s%s", path,
		    tl_str_has_suffix(path, "/") ? "" : "/",
		    (char *)names.items[i]);
		error = add_file(p, full);
		free(full);
	}
	tl_vec_release(&names, free);
	return error;
}

static int
prule_cmp(const void *a, const void *b)
{
	const struct tl_rule *const *x = a, *const *y = b;

	return strcmp((*x)->id, (*y)->id);
}

int
tl_patterns_finish(struct tl_patterns *p,
    const struct tl_rule *(*known)(void *, const char *), void *arg)
{
	struct detector		*d;
	struct prule		*r, *pr;
	const struct tl_rule	*sr;
	size_t			 i;

	if (p->finished) {
		tl_error_set("pattern packs are already finished");
		return TL_ERR;
	}
	for (i = 0; i < p->prules.len; i++) {
		r = p->prules.items[i];
		if (known != NULL && known(arg, r->id) != NULL) {
			tl_error_set("%s:%u: %s is a built-in structural rule: "
			    "an entry for it may add detectors, not texts",
			    r->pack->name, r->line, r->id);
			return TL_EUSAGE;
		}
		r->rule.needs = r->requires;
	}
	free(p->active);
	p->active = tl_reallocarray(NULL, p->dets.len + 1, sizeof(*p->active));
	p->nactive = 0;
	for (i = 0; i < p->dets.len; i++) {
		d = p->dets.items[i];
		if (d->replaced)
			continue;
		if ((pr = find_prule(&p->prules, d->rule_id)) != NULL) {
			d->rule = &pr->rule;
			pr->rule.needs |= d->kinds;
		} else if (known != NULL &&
		    (sr = known(arg, d->rule_id)) != NULL)
			d->rule = sr;
		else {
			tl_error_set("%s:%u: no rule %s: an entry without "
			    "texts adds detectors to an existing rule",
			    d->pack->name, d->idline, d->rule_id);
			p->nactive = 0;
			return TL_EUSAGE;
		}
		p->active[p->nactive++] = d;
	}
	p->rules = tl_reallocarray(NULL, p->prules.len + 1,
	    sizeof(*p->rules));
	for (i = 0; i < p->prules.len; i++)
		p->rules[i] = &((struct prule *)p->prules.items[i])->rule;
	p->nrules = p->prules.len;
	qsort(p->rules, p->nrules, sizeof(*p->rules), prule_cmp);
	index_keywords(p);
	p->finished = 1;
	return 0;
}

const struct tl_rule *const *
tl_patterns_rules(const struct tl_patterns *p, size_t *n)
{
	if (p == NULL || !p->finished) {
		*n = 0;
		return NULL;
	}
	*n = p->nrules;
	return p->rules;
}

unsigned long
tl_patterns_needs(const struct tl_patterns *p, const char *id)
{
	const struct detector	*d;
	unsigned long		 m = 0;
	size_t			 i;

	if (p == NULL)
		return 0;
	for (i = 0; i < p->dets.len; i++) {
		d = p->dets.items[i];
		if (!d->replaced && ascii_casecmp(d->rule_id, id) == 0)
			m |= d->kinds;
	}
	return m;
}

static int	applies(const struct detector *, const struct tl_file *, int);
static int	path_allowed(const struct tl_patterns *, const char *);

void
tl_patterns_file_rules(const struct tl_patterns *p, const struct tl_file *f,
    void (*cb)(void *, const char *), void *arg)
{
	const struct detector	*d;
	const char		*last = NULL;
	size_t			 i;
	int			 is_test;

	if (p == NULL || !p->finished)
		return;
	if (path_allowed(p, f->path))
		return;
	/* Called once per file: the flags discovery set. */
	is_test = f->test || f->vendored;
	for (i = 0; i < p->nactive; i++) {
		d = p->active[i];
		/* Detectors of one rule mostly follow each other. */
		if (last != NULL && ascii_casecmp(d->rule_id, last) == 0)
			continue;
		if (applies(d, f, is_test)) {
			last = d->rule_id;
			cb(arg, d->rule_id);
		}
	}
}

size_t
tl_patterns_ndetectors(const struct tl_patterns *p)
{
	return p == NULL ? 0 : p->nactive;
}

/* ------------------------------------------------------------ matching */

struct tl_pmatcher *
tl_pmatcher_new(const struct tl_patterns *p)
{
	struct tl_pmatcher	*m;

	m = tl_calloc(1, sizeof(*m));
	m->p = p;
	m->md = tl_regex_md_new();
	m->kwstate = tl_calloc(p == NULL ? 1 : p->keywords.len + 1, 1);
	m->nov = 2 * ((p == NULL ? 0 : p->maxgroups) + 1);
	m->ov = tl_calloc(m->nov, sizeof(*m->ov));
	return m;
}

void
tl_pmatcher_free(struct tl_pmatcher *m)
{
	if (m == NULL)
		return;
	tl_regex_md_free(m->md);
	free(m->lower);
	free(m->off);
	free(m->kwstate);
	free(m->hits);
	free(m->ov);
	free(m);
}

void
tl_pmatcher_select(struct tl_pmatcher *m,
    int (*want)(void *, const char *), void *arg)
{
	const struct detector	*d;
	size_t			 i;

	free(m->off);
	m->off = NULL;
	if (want == NULL || m->p == NULL || m->p->nactive == 0)
		return;
	m->off = tl_calloc(m->p->nactive, 1);
	for (i = 0; i < m->p->nactive; i++) {
		d = m->p->active[i];
		m->off[i] = !want(arg, d->rule != NULL ? d->rule->id :
		    d->rule_id);
	}
}

static int
is_placeholder(const char *s, size_t n)
{
	size_t	 i, k;

	if (n == 0)
		return 1;
	for (i = 0; i < TL_NELEM(placeholder_words); i++)
		if (tl_memcasemem(s, n, placeholder_words[i],
		    strlen(placeholder_words[i])) != NULL)
			return 1;
	for (i = 0; i < TL_NELEM(placeholder_wraps); i++)
		if (n >= 2 && s[0] == placeholder_wraps[i][0] &&
		    s[n - 1] == placeholder_wraps[i][1])
			return 1;
	/* $VAR, $(cmd): a shell expansion. */
	if (n >= 2 && s[0] == '$' && (isalpha((unsigned char)s[1]) ||
	    s[1] == '_' || s[1] == '('))
		return 1;
	/* "your-key", "YOUR_TOKEN". */
	if (n >= 4 && tl_memcasemem(s, 4, "your", 4) != NULL)
		return 1;
	/* One character repeated: "aaaa", "0000". */
	for (k = 1; k < n && s[k] == s[0]; k++)
		continue;
	return n >= 3 && k == n;
}

/* Does the regex match anywhere in s[0..n)? */
static int
regex_in(const struct tl_regex *re, struct tl_pmatcher *m, const char *s,
    size_t n)
{
	size_t	 ov[2];

	return tl_regex_match(re, m->md, s, n, 0, ov, 2) == 1;
}

/* Does one of the detector's unless-file regexes match the file? */
static int
unless_file(const struct detector *d, struct tl_pmatcher *m,
    const char *data, size_t len)
{
	size_t	 i;

	for (i = 0; i < d->unless.len; i++)
		if (regex_in(d->unless.items[i], m, data, len))
			return 1;
	return 0;
}

/* Does the global allowlist drop this match (ls: the start of its line)? */
static int
global_allowed(const struct tl_patterns *p, struct tl_pmatcher *m,
    const char *data, size_t len, const struct hit *h, const char *ls)
{
	const char	*sec = data + h->sstart, *le, *w;
	size_t		 slen = h->send - h->sstart, i;

	for (i = 0; i < p->gsecrets.len; i++)
		if (regex_in(p->gsecrets.items[i], m, sec, slen))
			return 1;
	for (i = 0; i < p->gstop.len; i++) {
		w = p->gstop.items[i];
		if (tl_memcasemem(sec, slen, w, strlen(w)) != NULL)
			return 1;
	}
	if (p->glines.len > 0) {
		le = memchr(data + h->start, '\n', len - h->start);
		if (le == NULL)
			le = data + len;
		for (i = 0; i < p->glines.len; i++)
			if (regex_in(p->glines.items[i], m, ls,
			    (size_t)(le - ls)))
				return 1;
	}
	return 0;
}

/* Does a global allow path pass over this file? */
static int
path_allowed(const struct tl_patterns *p, const char *path)
{
	size_t	 i;

	for (i = 0; i < p->gpaths.len; i++)
		if (tl_patterns_glob(p->gpaths.items[i], path))
			return 1;
	return 0;
}

/* Should a match with this secret/evidence span be dropped? */
static int
filtered(const struct detector *d, struct tl_pmatcher *m, const char *data,
    size_t len, const struct hit *h)
{
	const char	*sec = data + h->sstart, *ls, *le, *ws, *w;
	size_t		 slen = h->send - h->sstart, i, last;
	int		 k;

	if (d->entropy > 0.0 && tl_entropy(sec, slen) < d->entropy)
		return 1;
	for (i = 0; i < d->allow.len; i++)
		if (regex_in(d->allow.items[i], m, sec, slen))
			return 1;
	ls = data + h->start;
	while (ls > data && ls[-1] != '\n')
		ls--;
	if (d->allow_line.len > 0) {
		/* The lines of the match, whole. */
		last = h->end > h->start ? h->end - 1 : h->start;
		le = memchr(data + last, '\n', len - last);
		if (le == NULL)
			le = data + len;
		for (i = 0; i < d->allow_line.len; i++)
			if (regex_in(d->allow_line.items[i], m, ls,
			    (size_t)(le - ls)))
				return 1;
	}
	if (d->allow_ctx.len > 0) {
		/* The lines before the match's line, up to its start. */
		ws = ls;
		for (k = 0; k < CONTEXT_LINES && ws > data; k++) {
			ws--;
			while (ws > data && ws[-1] != '\n')
				ws--;
		}
		for (i = 0; ws < ls && i < d->allow_ctx.len; i++)
			if (regex_in(d->allow_ctx.items[i], m, ws,
			    (size_t)(ls - ws)))
				return 1;
	}
	for (i = 0; i < d->stopwords.len; i++) {
		w = d->stopwords.items[i];
		if (tl_memcasemem(sec, slen, w, strlen(w)) != NULL)
			return 1;
	}
	if (d->secret && is_placeholder(sec, slen))
		return 1;
	return global_allowed(m->p, m, data, len, h, ls);
}

static int
hit_cmp(const void *a, const void *b)
{
	const struct hit	*x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->end != y->end)
		return x->end > y->end ? -1 : 1;	/* longer first */
	return 0;
}

static void
hit_push(struct tl_pmatcher *m, const struct hit *h)
{
	if (m->nhits == m->hcap) {
		m->hcap = m->hcap == 0 ? 16 : m->hcap * 2;
		m->hits = tl_reallocarray(m->hits, m->hcap, sizeof(*m->hits));
	}
	m->hits[m->nhits++] = *h;
}

/*
 * Run one detector's regexes over data[0..len) and leave its accepted
 * matches in m->hits, sorted, without overlaps.
 */
static void
run_detector(const struct detector *d, struct tl_pmatcher *m,
    const char *data, size_t len)
{
	struct hit	 h;
	size_t		 i, j, pos, g;
	int		 rc;

	m->nhits = 0;
	for (i = 0; i < d->nre; i++) {
		g = (size_t)d->re[i].sgroup;
		for (pos = 0; pos <= len;) {
			rc = tl_regex_match(d->re[i].re, m->md, data, len, pos,
			    m->ov, m->nov);
			if (rc <= 0)
				break;	/* no match, or over a limit */
			h.start = m->ov[0];
			h.end = m->ov[1];
			if (h.end < h.start)
				h.end = h.start;
			h.sstart = h.start;
			h.send = h.end;
			if (g > 0 && m->ov[2 * g] != (size_t)-1) {
				h.sstart = m->ov[2 * g];
				h.send = m->ov[2 * g + 1];
			}
			/* No overlaps; an empty match moves on by one. */
			pos = h.end > h.start ? h.end : h.end + 1;
			if (!filtered(d, m, data, len, &h))
				hit_push(m, &h);
		}
	}
	if (d->nre < 2 || m->nhits < 2)
		return;
	qsort(m->hits, m->nhits, sizeof(*m->hits), hit_cmp);
	for (i = 1, j = 0; i < m->nhits; i++) {
		if (m->hits[i].start < m->hits[j].end ||
		    (m->hits[i].start == m->hits[j].start))
			continue;	/* overlaps the one kept before */
		m->hits[++j] = m->hits[i];
	}
	m->nhits = j + 1;
}

/* The cheap half of applies(): the file's kind, language and testness. */
static int
applies_kind(const struct detector *d, const struct tl_file *f, int is_test)
{
	if ((d->kinds & TL_NEED(f->kind)) == 0)
		return 0;
	if (d->langs != 0 && (f->kind == TL_FILE_SOURCE ||
	    f->kind == TL_FILE_SCRIPT) && (d->langs & (1U << f->lang)) == 0)
		return 0;
	return !is_test || d->tests;
}

/* The other half: the detector's path globs (paths, not-paths). */
static int
applies_path(const struct detector *d, const struct tl_file *f)
{
	size_t	 i;

	if (d->paths.len > 0) {
		for (i = 0; i < d->paths.len; i++)
			if (tl_patterns_glob(d->paths.items[i], f->path))
				break;
		if (i == d->paths.len)
			return 0;
	}
	for (i = 0; i < d->xpaths.len; i++)
		if (tl_patterns_glob(d->xpaths.items[i], f->path))
			return 0;
	return 1;
}

static int
applies(const struct detector *d, const struct tl_file *f, int is_test)
{
	return applies_kind(d, f, is_test) && applies_path(d, f);
}

/* Lower-case the file once into the matcher, for the keyword search. */
static void
lower_file(struct tl_pmatcher *m, const char *data, size_t len)
{
	size_t	 i;

	if (m->lcap < len + 1) {
		free(m->lower);
		m->lower = tl_malloc(len + 1);
		m->lcap = len + 1;
	}
	for (i = 0; i < len; i++)
		m->lower[i] = (char)tolower((unsigned char)data[i]);
	m->lower[len] = '\0';
	m->lowered = 1;
}

/*
 * Which keywords the file holds, all of them in one pass over its lower
 * case copy: at each position only the keywords that start with the two
 * bytes there are compared.  kwstate[k] becomes 1 (in) or 2 (out).
 */
static void
keywords_scan(const struct tl_patterns *p, struct tl_pmatcher *m,
    size_t len)
{
	const unsigned char	*s = (const unsigned char *)m->lower;
	const char		*kw;
	size_t			 i, j, k, n, pair;

	for (i = 0; i + 1 < len; i++) {
		pair = (size_t)(s[i] << 8 | s[i + 1]);
		for (j = p->kwpair[pair]; j < p->kwpair[pair + 1]; j++) {
			k = p->kwids[j];
			if (m->kwstate[k] == 1)
				continue;
			kw = p->keywords.items[k];
			n = strlen(kw);
			if (n <= len - i && memcmp(s + i, kw, n) == 0)
				m->kwstate[k] = 1;
		}
	}
	for (k = 0; k < p->keywords.len; k++) {
		kw = p->keywords.items[k];
		if (m->kwstate[k] == 0 && kw[0] != '\0' && kw[1] == '\0' &&
		    memchr(s, kw[0], len) != NULL)
			m->kwstate[k] = 1;
		if (m->kwstate[k] == 0)
			m->kwstate[k] = 2;
	}
}

/* Is one of the detector's keywords in the file?  Scanned once per file. */
static int
keywords_hit(const struct tl_patterns *p, struct tl_pmatcher *m,
    const struct detector *d, const char *data, size_t len)
{
	size_t	 i;

	if (d->nkw == 0)
		return 1;
	if (!m->lowered) {
		lower_file(m, data, len);
		keywords_scan(p, m, len);
	}
	for (i = 0; i < d->nkw; i++)
		if (m->kwstate[d->kw[i]] == 1)
			return 1;
	return 0;
}

static int
emit(const struct detector *d, struct tl_pmatcher *m,
    int (*cb)(void *, const struct tl_pmatch *), void *arg)
{
	struct tl_pmatch	 pm;
	size_t			 i;
	int			 error;

	for (i = 0; i < m->nhits; i++) {
		memset(&pm, 0, sizeof(pm));
		pm.rule = d->rule;
		pm.rule_id = d->rule != NULL ? d->rule->id : d->rule_id;
		pm.detector = d->name;
		pm.message = d->message;
		pm.start = m->hits[i].start;
		pm.end = m->hits[i].end;
		pm.sstart = m->hits[i].sstart;
		pm.send = m->hits[i].send;
		pm.secret = d->secret;
		if ((error = cb(arg, &pm)) < 0)
			return error;
	}
	return 0;
}

int
tl_patterns_scan(const struct tl_patterns *p, struct tl_pmatcher *m,
    const struct tl_file *f, int (*cb)(void *, const struct tl_pmatch *),
    void *arg)
{
	const struct detector	*d;
	size_t			 i;
	int			 is_test, error;

	if (p == NULL || f->data == NULL || f->path == NULL)
		return 0;
	if (!p->finished) {
		tl_error_set("pattern packs are not finished");
		return TL_ERR;
	}
	if (path_allowed(p, f->path))
		return 0;
	is_test = tl_path_is_test(f->path) ||
	    tl_path_is_vendored(f->path);
	m->lowered = 0;
	memset(m->kwstate, 0, p->keywords.len);
	for (i = 0; i < p->nactive; i++) {
		d = p->active[i];
		/* Globs cost more than the keywords, which one pass finds. */
		if ((m->off != NULL && m->off[i]) ||
		    !applies_kind(d, f, is_test) ||
		    !keywords_hit(p, m, d, f->data, f->size) ||
		    !applies_path(d, f) ||
		    unless_file(d, m, f->data, f->size))
			continue;
		run_detector(d, m, f->data, f->size);
		if ((error = emit(d, m, cb, arg)) < 0)
			return error;
	}
	return 0;
}

/* ------------------------------------------------------------ self-test */

/* Keywords of d in s, without the per-file cache. */
static int
example_keywords(const struct tl_patterns *p, const struct detector *d,
    const char *s, size_t n)
{
	const char	*kw;
	size_t		 i;

	if (d->nkw == 0)
		return 1;
	for (i = 0; i < d->nkw; i++) {
		kw = p->keywords.items[d->kw[i]];
		if (tl_memcasemem(s, n, kw, strlen(kw)) != NULL)
			return 1;
	}
	return 0;
}

int
tl_patterns_selftest(const struct tl_patterns *p,
    void (*cb)(void *, const struct tl_pexample *), void *arg)
{
	struct tl_pmatcher	*m;
	struct tl_pexample	 ex;
	const struct detector	*d;
	size_t			 i, j, n;
	int			 bad = 0;

	if (!p->finished) {
		tl_error_set("pattern packs are not finished");
		return TL_ERR;
	}
	m = tl_pmatcher_new(p);
	for (i = 0; i < p->nactive; i++) {
		d = p->active[i];
		for (j = 0; j < d->nex; j++) {
			n = strlen(d->ex[j].text);
			m->nhits = 0;
			if (example_keywords(p, d, d->ex[j].text, n) &&
			    !unless_file(d, m, d->ex[j].text, n))
				run_detector(d, m, d->ex[j].text, n);
			memset(&ex, 0, sizeof(ex));
			ex.pack = d->pack->name;
			ex.line = d->ex[j].line;
			ex.rule_id = d->rule_id;
			ex.detector = d->name;
			ex.text = d->ex[j].text;
			ex.want = d->ex[j].want;
			ex.got = (int)m->nhits;
			if ((ex.got > 0) != ex.want)
				bad++;
			if (cb != NULL)
				cb(arg, &ex);
		}
	}
	tl_pmatcher_free(m);
	return bad;
}

size_t
tl_patterns_untested(const struct tl_patterns *p,
    void (*cb)(void *, const char *, const char *), void *arg)
{
	const struct detector	*d;
	size_t			 i, j, n = 0;
	int			 yes, no;

	for (i = 0; i < p->nactive; i++) {
		d = p->active[i];
		yes = no = 0;
		for (j = 0; j < d->nex; j++) {
			if (d->ex[j].want)
				yes = 1;
			else
				no = 1;
		}
		if (yes && no)
			continue;
		n++;
		if (cb != NULL)
			cb(arg, d->pack->name, d->name);
	}
	return n;
}
