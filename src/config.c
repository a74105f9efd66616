/*
 * config.c: reading .twelvelint.yml (config.h, docs/config.md).
 *
 * The file is YAML read by yaml.c, so a hostile one (alias bombs, deep
 * nesting) is cut off there.  Every key is checked: an unknown one, a
 * value of the wrong kind or an unknown rule id is an error that names the
 * file and the line, and twelvelint exits with status 2.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "twelvelint/config.h"
#include "twelvelint/model.h"
#include "twelvelint/patterns.h"

#define CONFIG_MAX_SIZE	((size_t)1 << 20)

static const char *const default_names[] = {
	".twelvelint.yml", ".twelvelint.yaml"
};

static int
cerr(const struct tl_config *cfg, unsigned line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int
cerr(const struct tl_config *cfg, unsigned line, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	tl_error_vset_at(cfg->path, line, fmt, ap);
	va_end(ap);
	return TL_EUSAGE;
}

/* Does the symbolic link path resolve to a file inside the target? */
static int
link_inside(const char *path, const char *target)
{
	char	*real = realpath(path, NULL), *top = realpath(target, NULL);
	int	 inside;

	inside = real != NULL && top != NULL &&
	    tl_path_within(top, real) != NULL;
	free(real);
	free(top);
	return inside;
}

/*
 * Read the whole file into b.  With a target: the default file in it,
 * read only when it is a regular file there or a link to one inside the
 * target (a link out of the tree is refused).  1 when there is none
 * (only with a target), 0 read, negative on error.
 */
static int
read_file(struct tl_buf *b, const char *path, const char *target)
{
	struct stat	 st;
	char		 chunk[8192];
	ssize_t		 n;
	int		 fd, flags = O_RDONLY | O_NONBLOCK | O_CLOEXEC;

	fd = open(path, flags | (target != NULL ? O_NOFOLLOW : 0));
	if (fd == -1 && errno == ELOOP && target != NULL) {
		if (!link_inside(path, target)) {
			tl_error_set("config '%s' is a symbolic link out of "
			    "the target: not followed", path);
			return TL_EUSAGE;
		}
		fd = open(path, flags);
	}
	if (fd == -1) {
		if (errno == ENOENT && target != NULL)
			return 1;
		if (errno == ENOENT) {
			tl_error_set("cannot read config '%s': %s", path,
			    strerror(errno));
			return TL_ENOENT;
		}
		tl_error_set("cannot read config '%s': %s", path,
		    strerror(errno));
		return TL_EUSAGE;
	}
	/* --config FILE may be /dev/null; the file in the tree must be regular. */
	if (fstat(fd, &st) == -1 || S_ISDIR(st.st_mode) ||
	    (target != NULL && !S_ISREG(st.st_mode)) ||
	    (size_t)st.st_size > CONFIG_MAX_SIZE) {
		tl_error_set("config '%s' is not a regular file under 1 MiB",
		    path);
		close(fd);
		return TL_EUSAGE;
	}
	while ((n = read(fd, chunk, sizeof(chunk))) > 0 &&
	    b->len + (size_t)n <= CONFIG_MAX_SIZE)
		tl_buf_add(b, chunk, (size_t)n);
	close(fd);
	if (n < 0) {
		tl_error_set("cannot read config '%s': %s", path,
		    strerror(errno));
		return TL_EIO;
	}
	return 0;
}

/* A severity or "off" (also false/no, as YAML 1.1 reads an unquoted off). */
static int
parse_level(const struct tl_config *cfg, const struct tl_ynode *v,
    enum tl_severity *out, const char *what)
{
	const char	*s = tl_ystr(v);

	if (v != NULL && v->type == TL_YSCALAR && v->tag == NULL &&
	    tl_ybool(v) == 0) {
		*out = TL_SEV_NONE;
		return 0;
	}
	if (s == NULL || v->tag != NULL || tl_severity_parse(s, out) != 0 ||
	    strcasecmp(s, "none") == 0)
		return cerr(cfg, v != NULL ? v->line : 0, "%s: want off, "
		    "error, warning or info, not '%s'", what,
		    s != NULL ? s : "a collection");
	return 0;
}

/* A list of glob strings (a single string is a list of one). */
static int
parse_globs(const struct tl_config *cfg, const struct tl_ynode *v,
    struct tl_vec *out, const char *what)
{
	size_t	 i;

	if (v != NULL && v->type == TL_YSCALAR && v->tag == NULL &&
	    v->len > 0) {
		tl_vec_push(out, (void *)v->value);
		return 0;
	}
	if (v == NULL || v->type != TL_YSEQ)
		return cerr(cfg, v != NULL ? v->line : 0, "%s: want a list of "
		    "path globs", what);
	for (i = 0; i < v->nitems; i++) {
		if (v->items[i]->type != TL_YSCALAR ||
		    v->items[i]->tag != NULL || v->items[i]->len == 0)
			return cerr(cfg, v->items[i]->line, "%s: want a path "
			    "glob", what);
		tl_vec_push(out, (void *)v->items[i]->value);
	}
	return 0;
}

/* A "rules:" mapping of rule ids to off or a severity. */
static int
parse_rules(const struct tl_config *cfg, const struct tl_ynode *v,
    struct tl_vec *out)
{
	struct tl_config_rule	*r;
	const struct tl_ynode	*k;
	size_t			 i;
	int			 error;

	if (v->type != TL_YMAP)
		return cerr(cfg, v->line, "rules: want a mapping of rule ids "
		    "to off, error, warning or info");
	for (i = 0; i < v->npairs; i++) {
		k = v->pairs[i].key;
		if (k->type != TL_YSCALAR || k->tag != NULL || k->len == 0)
			return cerr(cfg, k->line, "rules: want a rule id");
		r = tl_calloc(1, sizeof(*r));
		r->id = k->value;
		r->line = k->line;
		tl_vec_push(out, r);
		if ((error = parse_level(cfg, v->pairs[i].value, &r->severity,
		    r->id)) != 0)
			return error;
	}
	return 0;
}

/* A factor named as a numeral, a number or a slug: 1..12, or 0. */
static int
factor_named(const char *s)
{
	const struct tl_factor_info	*fi;
	char				 num[12];
	int				 f;

	for (f = 1; f < TL_FACTOR_COUNT; f++) {
		fi = tl_factor_get(f);
		snprintf(num, sizeof(num), "%d", f);
		if (strcasecmp(s, fi->numeral) == 0 || strcmp(s, num) == 0 ||
		    strcasecmp(s, fi->slug) == 0)
			return f;
	}
	return 0;
}

static int
parse_factors(struct tl_config *cfg, const struct tl_ynode *v)
{
	const struct tl_ynode	*k, *val;
	size_t			 i;
	int			 f, on;

	if (v->type != TL_YMAP)
		return cerr(cfg, v->line, "factors: want a mapping such as "
		    "{XII: off}");
	for (i = 0; i < v->npairs; i++) {
		k = v->pairs[i].key;
		val = v->pairs[i].value;
		if (tl_ystr(k) == NULL || (f = factor_named(k->value)) == 0)
			return cerr(cfg, k->line, "factors: unknown factor "
			    "'%s' (I..XII, 1..12 or a slug such as config)",
			    tl_ystr(k) != NULL ? k->value : "?");
		if (val == NULL || val->tag != NULL ||
		    (on = tl_ybool(val)) < 0)
			return cerr(cfg, val != NULL ? val->line : k->line,
			    "factors: %s: want off or on", k->value);
		if (on)
			cfg->factors_off &= ~(1U << f);
		else
			cfg->factors_off |= 1U << f;
	}
	return 0;
}

static int
parse_override(struct tl_config *cfg, const struct tl_ynode *v)
{
	static const char *const keys[] = { "paths", "rules", NULL };
	struct tl_config_override *o;
	const struct tl_ynode	*k, *p, *r;
	size_t			 i, j;

	if (v->type != TL_YMAP)
		return cerr(cfg, v->line, "overrides: want a list of "
		    "{paths: [...], rules: {...}}");
	for (i = 0; i < v->npairs; i++) {
		k = v->pairs[i].key;
		for (j = 0; keys[j] != NULL && !tl_yscalar_is(k, keys[j]); j++)
			continue;
		if (keys[j] == NULL)
			return cerr(cfg, k->line, "overrides: unknown key "
			    "'%s' (paths, rules)", tl_ystr(k) != NULL ?
			    k->value : "?");
	}
	if ((p = tl_ymap_get(v, "paths")) == NULL ||
	    (r = tl_ymap_get(v, "rules")) == NULL)
		return cerr(cfg, v->line, "overrides: an entry needs paths "
		    "and rules");
	o = tl_calloc(1, sizeof(*o));
	o->line = v->line;
	tl_vec_push(&cfg->overrides, o);
	if (parse_globs(cfg, p, &o->paths, "overrides: paths") != 0)
		return TL_EUSAGE;
	return parse_rules(cfg, r, &o->rules);
}

static int
parse(struct tl_config *cfg, const struct tl_ynode *root)
{
	static const char *const keys[] = {
		"fail-on", "exclude", "factors", "rules", "allow", "overrides",
		NULL
	};
	const struct tl_ynode	*k, *v;
	size_t			 i, j, m;
	int			 error = 0;

	if (root == NULL || (root->type == TL_YSCALAR && root->len == 0))
		return 0;
	if (root->type != TL_YMAP)
		return cerr(cfg, root->line, "want a mapping of settings "
		    "(fail-on, exclude, factors, rules, allow, overrides)");
	for (i = 0; i < root->npairs && error == 0; i++) {
		k = root->pairs[i].key;
		v = root->pairs[i].value;
		for (j = 0; keys[j] != NULL && !tl_yscalar_is(k, keys[j]); j++)
			continue;
		for (m = 0; m < i && keys[j] != NULL; m++)
			if (tl_yscalar_is(root->pairs[m].key, keys[j]))
				return cerr(cfg, k->line, "'%s' is given "
				    "twice", keys[j]);
		switch (j) {
		case 0:
			/* none, or off as for a rule */
			cfg->has_fail_on = 1;
			if (tl_ystr(v) != NULL && v->tag == NULL &&
			    strcasecmp(v->value, "none") == 0)
				cfg->fail_on = TL_SEV_NONE;
			else
				error = parse_level(cfg, v, &cfg->fail_on,
				    "fail-on");
			break;
		case 1:
			error = parse_globs(cfg, v, &cfg->exclude, "exclude");
			break;
		case 2:
			error = parse_factors(cfg, v);
			break;
		case 3:
			error = parse_rules(cfg, v, &cfg->rules);
			break;
		case 4:
			/* Checked when the rules are loaded (tl_ruleset_load). */
			if (v->type != TL_YMAP)
				error = cerr(cfg, v->line, "allow: want a "
				    "mapping of secrets, lines, paths and "
				    "stopwords");
			cfg->allow = v;
			break;
		case 5:
			if (v->type != TL_YSEQ) {
				error = cerr(cfg, v->line, "overrides: want a "
				    "list");
				break;
			}
			for (j = 0; j < v->nitems && error == 0; j++)
				error = parse_override(cfg, v->items[j]);
			break;
		default:
			error = cerr(cfg, k->line, "unknown key '%s' (fail-on, "
			    "exclude, factors, rules, allow, overrides)",
			    tl_ystr(k) != NULL ? k->value : "?");
		}
	}
	return error;
}

static int	config_parse(struct tl_config *, const char *, size_t);

int
tl_config_load(struct tl_config *cfg, const char *file, const char *target)
{
	struct tl_buf		 b = TL_BUF_INIT;
	size_t			 i;
	int			 error = 1;

	memset(cfg, 0, sizeof(*cfg));
	if (file != NULL) {
		cfg->path = tl_strdup(file);
		error = read_file(&b, file, NULL);
	} else
		for (i = 0; i < TL_NELEM(default_names) && error == 1; i++) {
			free(cfg->path);
			cfg->path = strcmp(target, ".") == 0 ?
			    tl_strdup(default_names[i]) : tl_printf("%s/%s",
			    target, default_names[i]);
			error = read_file(&b, cfg->path, target);
		}
	if (error == 1) {
		free(cfg->path);
		cfg->path = NULL;
		error = 0;
		goto out;
	}
	if (error != 0)
		goto out;
	error = config_parse(cfg, b.data != NULL ? b.data : "", b.len);
out:
	tl_buf_release(&b);
	return error;
}

/* Parse the text of a configuration; cfg->path names it in messages. */
static int
config_parse(struct tl_config *cfg, const char *text, size_t len)
{
	struct tl_yerror	 yerr;

	memset(&yerr, 0, sizeof(yerr));
	if (tl_yaml_parse(&cfg->doc, text, len, &yerr) != 0) {
		cfg->doc = NULL;
		return cerr(cfg, yerr.line, "%s", yerr.msg[0] != '\0' ?
		    yerr.msg : "not valid YAML");
	}
	if (cfg->doc->nroots > 1)
		return cerr(cfg, cfg->doc->roots[1]->line, "a configuration "
		    "is one YAML document");
	return parse(cfg, cfg->doc->nroots > 0 ? cfg->doc->roots[0] : NULL);
}

int
tl_config_parse(struct tl_config *cfg, const char *name, const char *text,
    size_t len)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->path = tl_strdup(name);
	return config_parse(cfg, text, len);
}

static int
check_rules(const struct tl_config *cfg, const struct tl_vec *v,
    const struct tl_ruleset *rs)
{
	const struct tl_config_rule	*r;
	size_t				 i;

	for (i = 0; i < v->len; i++) {
		r = v->items[i];
		if (tl_ruleset_find(rs, r->id) == NULL)
			return cerr(cfg, r->line, "unknown rule '%s' (see "
			    "--list-rules)", r->id);
	}
	return 0;
}

int
tl_config_check_ids(const struct tl_config *cfg, const struct tl_ruleset *rs)
{
	const struct tl_config_override	*o;
	size_t				 i;
	int				 error;

	if ((error = check_rules(cfg, &cfg->rules, rs)) != 0)
		return error;
	for (i = 0; i < cfg->overrides.len; i++) {
		o = cfg->overrides.items[i];
		if ((error = check_rules(cfg, &o->rules, rs)) != 0)
			return error;
	}
	return 0;
}

static void
override_free(void *p)
{
	struct tl_config_override *o = p;

	if (o == NULL)
		return;
	tl_vec_release(&o->paths, NULL);
	tl_vec_release(&o->rules, free);
	free(o);
}

void
tl_config_release(struct tl_config *cfg)
{
	tl_vec_release(&cfg->exclude, NULL);
	tl_vec_release(&cfg->rules, free);
	tl_vec_release(&cfg->overrides, override_free);
	tl_ydoc_free(cfg->doc);
	free(cfg->path);
	memset(cfg, 0, sizeof(*cfg));
}

static const struct tl_config_rule *
find_rule(const struct tl_vec *v, const char *id)
{
	const struct tl_config_rule	*r, *found = NULL;
	size_t				 i;

	for (i = 0; i < v->len; i++) {
		r = v->items[i];
		if (strcasecmp(r->id, id) == 0)
			found = r;
	}
	return found;
}

const struct tl_config_rule *
tl_config_rule(const struct tl_config *cfg, const char *id)
{
	return cfg == NULL ? NULL : find_rule(&cfg->rules, id);
}

static int
any_glob(const struct tl_vec *globs, const char *path)
{
	size_t	 i;

	for (i = 0; i < globs->len; i++)
		if (tl_patterns_glob(globs->items[i], path))
			return (int)i + 1;
	return 0;
}

const struct tl_config_rule *
tl_config_override(const struct tl_config *cfg, const char *id,
    const char *path, const struct tl_config_override **which)
{
	const struct tl_config_override	*o;
	const struct tl_config_rule	*r, *found = NULL;
	size_t				 i;

	if (cfg == NULL || path == NULL || *path == '\0')
		return NULL;
	for (i = 0; i < cfg->overrides.len; i++) {
		o = cfg->overrides.items[i];
		if ((r = find_rule(&o->rules, id)) != NULL &&
		    any_glob(&o->paths, path)) {
			found = r;
			*which = o;
		}
	}
	return found;
}

const char *
tl_config_excluded(const struct tl_config *cfg, const char *path)
{
	int	 k;

	if (cfg == NULL || (k = any_glob(&cfg->exclude, path)) == 0)
		return NULL;
	return cfg->exclude.items[k - 1];
}
