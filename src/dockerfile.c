/*
 * dockerfile.c: the Dockerfile parser.  It reads the text the way
 * BuildKit's Dockerfile frontend does (directives, continuations,
 * comments, --flags, exec-form JSON, name=value pairs, heredocs, stages),
 * so that what twelvelint reports on is what docker would build.
 *
 * Every helper works on NUL-terminated text and does one pass over it;
 * nothing here is quadratic in the length of a line or of the file.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "twelvelint/dockerfile.h"
#include "twelvelint/util.h"

/* Deepest ${a:-${b:-…}} substituted; a deeper '$' is kept as text. */
#define DF_MAX_NEST	32
/*
 * Bytes that ARG values may add by substitution in one file, so that
 * "ARG A=$A$A" repeated cannot double its way out of memory.
 */
#define DF_MAX_SUBST	(1 << 20)

/* How the arguments of an instruction are read. */
enum df_form {
	DF_PLAIN,	/* text only */
	DF_EXEC,	/* a JSON array of strings, or shell form */
	DF_KV,		/* ENV, LABEL: name=value …, or "name value" */
	DF_ARG,		/* name[=value] … */
	DF_FROM,	/* image [AS name] */
	DF_HEALTH,	/* NONE, or CMD then exec or shell form */
	DF_ONBUILD	/* another instruction */
};

struct df_keyword {
	const char	*name;		/* static */
	enum df_form	 form;
	int		 heredoc;	/* may carry heredocs */
};

/* BuildKit's instruction set (frontend/dockerfile/command). */
static const struct df_keyword df_keywords[] = {
	{ "ADD",	 DF_EXEC,	1 },
	{ "ARG",	 DF_ARG,	0 },
	{ "CMD",	 DF_EXEC,	0 },
	{ "COPY",	 DF_EXEC,	1 },
	{ "ENTRYPOINT",	 DF_EXEC,	0 },
	{ "ENV",	 DF_KV,		0 },
	{ "EXPOSE",	 DF_PLAIN,	0 },
	{ "FROM",	 DF_FROM,	0 },
	{ "HEALTHCHECK", DF_HEALTH,	0 },
	{ "LABEL",	 DF_KV,		0 },
	{ "MAINTAINER",	 DF_PLAIN,	0 },
	{ "ONBUILD",	 DF_ONBUILD,	0 },
	{ "RUN",	 DF_EXEC,	1 },
	{ "SHELL",	 DF_EXEC,	0 },
	{ "STOPSIGNAL",	 DF_PLAIN,	0 },
	{ "USER",	 DF_PLAIN,	0 },
	{ "VOLUME",	 DF_EXEC,	0 },
	{ "WORKDIR",	 DF_PLAIN,	0 },
};

/*
 * A hash table from names to the index of their last entry, so that
 * neither ARG substitution nor stage lookups grow with the square of the
 * file.
 */
struct df_slot {
	const char	*key;		/* borrowed from the tl_dockerfile, or NULL */
	size_t		 val;
};

struct df_map {
	struct df_slot	*slots;		/* owned */
	size_t		 cap;		/* 0 or a power of two */
	size_t		 len;
	int		 fold;		/* keys compare ignoring case */
};

/* A cursor over the physical lines of the text. */
struct df_src {
	const char	*p;		/* borrowed: the next unread byte */
	const char	*end;		/* borrowed: one past the last byte */
	unsigned	 line;		/* number of the last line read */
};

struct df_parser {
	struct df_src	 src;
	struct tl_dockerfile *df;	/* borrowed: the result being built */
	struct tl_df_error *err;	/* borrowed: the caller's, or NULL */
	char		 esc;		/* escape char in effect */
	int		 directives_done;
	int		 seen_escape;
	char		**arg_values;	/* owned: global ARGs, substituted */
	size_t		 nargs;
	size_t		 subst_left;	/* of DF_MAX_SUBST */
	struct df_map	 args;		/* ARG name -> arg_values index */
	struct df_map	 names;		/* stage name -> stage index */
};

/* The shell-word lexer's state (see lex_run). */
struct df_lex {
	const char	*s;		/* borrowed: the cursor */
	char		 esc;
	struct df_parser *env;		/* borrowed: global ARGs, or NULL */
};

static int	df_fail(struct df_parser *, unsigned, const char *, ...)
		    __attribute__((format(printf, 3, 4)));
static void	lex_run(struct df_lex *, struct tl_buf *, int, int);

/* White space as BuildKit's unicode.IsSpace sees it, ASCII only. */
static int
df_blank(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' ||
	    c == '\f' || c == '\r';
}

/* 1 when the n bytes at a equal the string b, ignoring case. */
static int
df_ncaseeq(const char *a, size_t n, const char *b)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (b[i] == '\0' || toupper((unsigned char)a[i]) !=
		    toupper((unsigned char)b[i]))
			return 0;
	return b[n] == '\0';
}

static int
df_caseeq(const char *a, const char *b)
{
	return df_ncaseeq(a, strlen(a), b);
}

static int
df_fail(struct df_parser *ps, unsigned line, const char *fmt, ...)
{
	va_list	 ap;
	char	 msg[160];

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (ps->err != NULL) {
		ps->err->line = line;
		snprintf(ps->err->msg, sizeof(ps->err->msg), "%s", msg);
	}
	tl_error_set("line %u: %s", line, msg);
	return TL_EPARSE;
}

/*
 * Growable arrays without a capacity field: the size doubles whenever
 * the count reaches a power of two.
 */
static void *
df_grow(void *v, size_t n, size_t size)
{
	if ((n & (n - 1)) == 0)
		v = tl_reallocarray(v, n == 0 ? 1 : n * 2, size);
	return v;
}

static void
strv_push(char ***v, size_t *n, char *s)
{
	*v = df_grow(*v, *n, sizeof(**v));
	(*v)[(*n)++] = s;
}

static void
strv_free(char **v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static uint64_t
map_hash(const char *s, size_t n, int fold)
{
	uint64_t	 h = 14695981039346656037ULL;
	size_t		 i;
	int		 c;

	for (i = 0; i < n; i++) {
		c = (unsigned char)s[i];
		h ^= (uint64_t)(fold ? tolower(c) : c);
		h *= 1099511628211ULL;
	}
	return h;
}

/* The slot of key (n bytes), or the free slot where it would go. */
static struct df_slot *
map_slot(const struct df_map *m, const char *key, size_t n)
{
	struct df_slot	*sl;
	size_t		 i;

	i = (size_t)map_hash(key, n, m->fold) & (m->cap - 1);
	for (;; i = (i + 1) & (m->cap - 1)) {
		sl = &m->slots[i];
		if (sl->key == NULL)
			return sl;
		if (m->fold ? df_ncaseeq(key, n, sl->key) :
		    strncmp(sl->key, key, n) == 0 && sl->key[n] == '\0')
			return sl;
	}
}

/* Map key to val, replacing what it mapped to. */
static void
map_put(struct df_map *m, const char *key, size_t val)
{
	struct df_map	 old = *m;
	struct df_slot	*sl;
	size_t		 i;

	if ((m->len + 1) * 2 > m->cap) {
		m->cap = m->cap == 0 ? 16 : m->cap * 2;
		m->slots = tl_calloc(m->cap, sizeof(*m->slots));
		m->len = 0;
		for (i = 0; i < old.cap; i++)
			if (old.slots[i].key != NULL)
				map_put(m, old.slots[i].key, old.slots[i].val);
		free(old.slots);
	}
	sl = map_slot(m, key, strlen(key));
	if (sl->key == NULL)
		m->len++;
	sl->key = key;
	sl->val = val;
}

/* What key (n bytes) maps to: 1 and *val, or 0. */
static int
map_get(const struct df_map *m, const char *key, size_t n, size_t *val)
{
	const struct df_slot	*sl;

	if (m->cap == 0)
		return 0;
	sl = map_slot(m, key, n);
	if (sl->key == NULL)
		return 0;
	*val = sl->val;
	return 1;
}

/*
 * The next physical line, without its "\n" and trailing "\r"s.
 * 0 at the end of the text.
 */
static int
src_next(struct df_src *src, const char **s, size_t *n)
{
	const char	*nl;
	size_t		 len;

	if (src->p >= src->end)
		return 0;
	nl = memchr(src->p, '\n', (size_t)(src->end - src->p));
	len = (size_t)((nl != NULL ? nl : src->end) - src->p);
	*s = src->p;
	src->p += nl != NULL ? len + 1 : len;
	while (len > 0 && (*s)[len - 1] == '\r')
		len--;
	*n = len;
	src->line++;
	return 1;
}

static int
is_comment(const char *s, size_t n)
{
	size_t	 i;

	for (i = 0; i < n && df_blank(s[i]); i++)
		;
	return i < n && s[i] == '#';
}

static int
is_blank(const char *s, size_t n)
{
	size_t	 i;

	for (i = 0; i < n && df_blank(s[i]); i++)
		;
	return i == n;
}

/*
 * A line continues when its last character other than spaces and tabs is
 * the escape char, unless that is doubled.  Cut it and say so.
 */
static int
cont_trim(const char *s, size_t *n, char esc)
{
	size_t	 k = *n;

	while (k > 0 && (s[k - 1] == ' ' || s[k - 1] == '\t'))
		k--;
	if (k == 0 || s[k - 1] != esc || (k >= 2 && s[k - 2] == esc))
		return 0;
	*n = k - 1;
	return 1;
}

/* Store the value of a directive, refusing a second one. */
static int
directive_set(struct df_parser *ps, const char *name, const char *v,
    size_t vlen)
{
	char	**slot;

	if (strcmp(name, "escape") == 0) {
		if (ps->seen_escape)
			return df_fail(ps, ps->src.line,
			    "only one 'escape' parser directive can be used");
		ps->seen_escape = 1;
		if (vlen != 1 || (v[0] != '\\' && v[0] != '`'))
			return df_fail(ps, ps->src.line,
			    "invalid escape token '%.*s': must be ` or \\",
			    (int)(vlen > 20 ? 20 : vlen), v);
		ps->esc = v[0];
		return 0;
	}
	slot = strcmp(name, "syntax") == 0 ? &ps->df->syntax :
	    &ps->df->check;
	if (*slot != NULL)
		return df_fail(ps, ps->src.line,
		    "only one '%s' parser directive can be used", name);
	*slot = tl_strndup(v, vlen);
	return 0;
}

/*
 * Parser directives, "# name = value" with name escape, syntax or check,
 * count only on the lines before the first line that is not one.
 */
static int
directive(struct df_parser *ps, const char *s, size_t n)
{
	static const char *const names[] = { "escape", "syntax", "check" };
	size_t	 i, k, name, namelen, eq, end;

	if (ps->directives_done)
		return 0;
	ps->directives_done = 1;
	if (n == 0 || s[0] != '#')
		return 0;
	for (i = 1; i < n && df_blank(s[i]); i++)
		;
	if (i == n || !isalpha((unsigned char)s[i]))
		return 0;
	for (name = i; i < n && isalnum((unsigned char)s[i]); i++)
		;
	namelen = i - name;
	while (i < n && df_blank(s[i]))
		i++;
	if (i == n || s[i] != '=')
		return 0;
	for (eq = ++i; i < n && df_blank(s[i]); i++)
		;
	for (end = n; end > i && df_blank(s[end - 1]); end--)
		;
	if (end == i) {
		/* BuildKit's "=\s*(.+?)\s*$" then takes one blank. */
		if (i == eq)
			return 0;
		end = i--;
	}
	for (k = 0; k < sizeof(names) / sizeof(names[0]); k++)
		if (df_ncaseeq(s + name, namelen, names[k]))
			break;
	if (k == sizeof(names) / sizeof(names[0]))
		return 0;
	ps->directives_done = 0;
	return directive_set(ps, names[k], s + i, end - i);
}

static const struct df_keyword *
keyword_find(const char *s, size_t n)
{
	size_t	 i;

	for (i = 0; i < sizeof(df_keywords) / sizeof(df_keywords[0]); i++)
		if (df_ncaseeq(s, n, df_keywords[i].name))
			return &df_keywords[i];
	return NULL;
}

/*
 * Take the leading "--name[=value]" words off s, as BuildKit does: quotes
 * group and are removed, the escape char escapes, and "--" alone ends the
 * flags.  Returns where the arguments start.
 */
static char *
take_flags(char ***v, size_t *n, char *s, char esc)
{
	struct tl_buf	 w = TL_BUF_INIT;
	int		 q;

	for (;;) {
		while (df_blank(*s))
			s++;
		if (s[0] != '-' || s[1] != '-')
			break;
		tl_buf_clear(&w);
		for (q = 0; *s != '\0'; s++) {
			if (q == 0 && df_blank(*s))
				break;
			if (q == 0 && (*s == '\'' || *s == '"'))
				q = *s;
			else if (q != 0 && *s == q)
				q = 0;
			else {
				if (*s == esc) {
					if (s[1] == '\0')
						continue;
					s++;
				}
				tl_buf_addc(&w, *s);
			}
		}
		if (strcmp(tl_buf_str(&w), "--") == 0)
			break;
		strv_push(v, n, tl_buf_detach(&w));
	}
	tl_buf_release(&w);
	return s;
}

/*
 * Split s into words at blanks outside quotes, keeping the quotes and
 * escapes in them (BuildKit's parseWords, used for ENV, LABEL and ARG).
 */
static void
split_words(char ***v, size_t *n, const char *s, char esc)
{
	struct tl_buf	 w = TL_BUF_INIT;
	int		 q;

	for (;;) {
		while (df_blank(*s))
			s++;
		if (*s == '\0')
			break;
		tl_buf_clear(&w);
		for (q = 0; *s != '\0'; s++) {
			if (q == 0 && df_blank(*s))
				break;
			if (q == 0 && (*s == '\'' || *s == '"'))
				q = *s;
			else if (q != 0 && *s == q)
				q = 0;
			else if (*s == esc && q != '\'') {
				if (s[1] == '\0')
					continue;
				tl_buf_addc(&w, *s++);
			}
			tl_buf_addc(&w, *s);
		}
		if (w.len > 0)
			strv_push(v, n, tl_buf_detach(&w));
	}
	tl_buf_release(&w);
}

/* Split s at runs of blanks, nothing else (FROM's arguments). */
static void
split_blank(char ***v, size_t *n, const char *s)
{
	const char	*e;

	for (;;) {
		while (df_blank(*s))
			s++;
		if (*s == '\0')
			break;
		for (e = s; *e != '\0' && !df_blank(*e); e++)
			;
		strv_push(v, n, tl_strndup(s, (size_t)(e - s)));
		s = e;
	}
}

/* The value of a global ARG: the last one declared with a value. */
static const char *
env_get(const struct df_parser *ps, const char *name, size_t n)
{
	size_t	 i;

	if (n == 0 || !map_get(&ps->args, name, n, &i))
		return NULL;
	return ps->arg_values[i];
}

/* Add a substituted value, within what is left of DF_MAX_SUBST. */
static void
env_add(struct df_parser *ps, struct tl_buf *out, const char *val)
{
	size_t	 n;

	if (ps->subst_left == 0)
		return;
	if ((n = strlen(val)) > ps->subst_left)
		n = ps->subst_left;
	tl_buf_add(out, val, n);
	ps->subst_left -= n;
}

/* Length of the variable name at s, as the BuildKit lexer reads it. */
static size_t
lex_name(const char *s)
{
	size_t	 n = 0;

	if (isdigit((unsigned char)s[0])) {
		while (isdigit((unsigned char)s[n]))
			n++;
		return n;
	}
	if (s[0] != '\0' && strchr("@*#?-$!", s[0]) != NULL)
		return 1;
	while (isalnum((unsigned char)s[n]) || s[n] == '_')
		n++;
	return n;
}

/* '…': everything is literal up to the next single quote. */
static void
lex_squote(struct df_lex *lx, struct tl_buf *out)
{
	const char	*e;

	lx->s++;
	if ((e = strchr(lx->s, '\'')) == NULL)
		e = lx->s + strlen(lx->s);
	tl_buf_add(out, lx->s, (size_t)(e - lx->s));
	lx->s = *e == '\0' ? e : e + 1;
}

/*
 * $NAME, ${NAME} and ${NAME<op>word} with op one of - + ? :- :+ :? (any
 * other, such as # % /, gives the value unchanged).  Unset is "".
 */
static void
lex_dollar(struct df_lex *lx, struct tl_buf *out, int depth)
{
	struct tl_buf	 word = TL_BUF_INIT;
	const char	*name, *val;
	size_t		 n;
	int		 op, colon = 0, unset;

	lx->s++;
	if (depth >= DF_MAX_NEST) {
		tl_buf_addc(out, '$');
		return;
	}
	if (*lx->s != '{') {
		if ((n = lex_name(lx->s)) == 0) {
			tl_buf_addc(out, '$');
			return;
		}
		if ((val = env_get(lx->env, lx->s, n)) != NULL)
			env_add(lx->env, out, val);
		lx->s += n;
		return;
	}
	name = ++lx->s;
	n = lex_name(name);
	lx->s += n;
	val = env_get(lx->env, name, n);
	if ((op = *lx->s) != '\0')
		lx->s++;
	if (op == ':') {
		colon = 1;
		if ((op = *lx->s) != '\0')
			lx->s++;
	}
	if (op == '\0' || op == '}') {
		if (val != NULL)
			env_add(lx->env, out, val);
		return;
	}
	lex_run(lx, &word, '}', depth + 1);
	unset = val == NULL || (colon && *val == '\0');
	if (op == '-' && unset)
		tl_buf_add(out, word.data, word.len);
	else if (op == '+' && !unset)
		tl_buf_add(out, word.data, word.len);
	else if (op != '+' && val != NULL)
		env_add(lx->env, out, val);
	tl_buf_release(&word);
}

/* "…": the escape char escapes only '"', '$' and itself. */
static void
lex_dquote(struct df_lex *lx, struct tl_buf *out, int depth)
{
	char	 c;

	lx->s++;
	while (*lx->s != '\0' && *lx->s != '"') {
		if (*lx->s == '$' && lx->env != NULL) {
			lex_dollar(lx, out, depth);
			continue;
		}
		if (*lx->s == lx->esc) {
			c = lx->s[1];
			if (c == '\0') {
				lx->s++;
				break;
			}
			if (c == '"' || c == '$' || c == lx->esc) {
				tl_buf_addc(out, c);
				lx->s += 2;
				continue;
			}
		}
		tl_buf_addc(out, *lx->s++);
	}
	if (*lx->s == '"')
		lx->s++;
}

/*
 * One shell word as BuildKit's lexer processes it: quotes removed,
 * escapes applied and, with an environment, variables substituted; up to
 * stop (consumed) or the end.  Unclosed quotes and braces run to the end.
 */
static void
lex_run(struct df_lex *lx, struct tl_buf *out, int stop, int depth)
{
	char	 c;

	while ((c = *lx->s) != '\0') {
		if (stop != 0 && c == stop) {
			lx->s++;
			return;
		}
		if (c == '\'')
			lex_squote(lx, out);
		else if (c == '"')
			lex_dquote(lx, out, depth);
		else if (c == '$' && lx->env != NULL)
			lex_dollar(lx, out, depth);
		else if (c == lx->esc) {
			if (*++lx->s == '\0')
				break;
			tl_buf_addc(out, *lx->s++);
		} else
			tl_buf_addc(out, *lx->s++);
	}
}

/* A new string: s unquoted; with env, global ARGs substituted. */
static char *
lex_word(const char *s, char esc, struct df_parser *env)
{
	struct tl_buf	 out = TL_BUF_INIT;
	struct df_lex	 lx;

	lx.s = s;
	lx.esc = esc;
	lx.env = env;
	lex_run(&lx, &out, 0, 0);
	return tl_buf_detach(&out);
}

/* The same for the first n bytes of s. */
static char *
lex_wordn(const char *s, size_t n, char esc)
{
	char	*tmp, *r;

	tmp = tl_strndup(s, n);
	r = lex_word(tmp, esc, NULL);
	free(tmp);
	return r;
}

/* A JSON string with a raw control character is not JSON to Go. */
static int
json_raw_control(const char *s)
{
	int	 in = 0;

	for (; *s != '\0'; s++) {
		if (!in)
			in = *s == '"';
		else if ((unsigned char)*s < 0x20)
			return 1;
		else if (*s == '\\' && s[1] != '\0')
			s++;
		else if (*s == '"')
			in = 0;
	}
	return 0;
}

/*
 * BuildKit's exec form: 1 when s is a JSON array of strings (then argv,
 * if not NULL, gets them), 0 when it is not a JSON array (shell form),
 * -1 when it is one holding something other than strings.
 */
static int
json_strings(const char *s, char ***argv, size_t *argc)
{
	cJSON		*root, *it;
	char		**v;
	size_t		 n = 0;
	int		 r = 1;

	while (df_blank(*s))
		s++;
	if (*s != '[' || json_raw_control(s))
		return 0;
	if ((root = cJSON_ParseWithOpts(s, NULL, 1)) == NULL)
		return 0;
	if (!cJSON_IsArray(root)) {
		r = 0;
		goto out;
	}
	cJSON_ArrayForEach(it, root) {
		if (!cJSON_IsString(it) || it->valuestring == NULL) {
			r = -1;
			goto out;
		}
		n++;
	}
	if (argv != NULL) {
		v = tl_calloc(n + 1, sizeof(*v));
		n = 0;
		cJSON_ArrayForEach(it, root)
			v[n++] = tl_strdup(it->valuestring);
		*argv = v;
		*argc = n;
	}
out:
	cJSON_Delete(root);
	return r;
}

static int
parse_exec(struct df_parser *ps, struct tl_df_instr *in, const char *s)
{
	int	 r;

	if ((r = json_strings(s, &in->argv, &in->argc)) < 0)
		return df_fail(ps, in->line,
		    "JSON array of '%s' must hold strings only", in->keyword);
	in->exec_form = r;
	return 0;
}

/* HEALTHCHECK [flags] TYPE rest: rest is read as CMD's arguments. */
static int
parse_health(struct df_parser *ps, struct tl_df_instr *in)
{
	const char	*s = in->args;

	while (*s != '\0' && !df_blank(*s))
		s++;
	return parse_exec(ps, in, s);
}

static void
kv_push(struct tl_df_instr *in, char *key, char *value)
{
	in->kv = df_grow(in->kv, in->nkv, sizeof(*in->kv));
	in->kv[in->nkv].key = key;
	in->kv[in->nkv].value = value;
	in->nkv++;
}

/* ENV and LABEL: "name=value …", or the legacy "name the value". */
static int
parse_kv(struct df_parser *ps, struct tl_df_instr *in)
{
	char		**w = NULL;
	const char	*eq, *v;
	size_t		 nw = 0, i, n;
	int		 error = 0;

	split_words(&w, &nw, in->args, ps->esc);
	if (nw == 0) {
		error = df_fail(ps, in->line,
		    "%s requires at least one argument", in->keyword);
		goto out;
	}
	if (strchr(w[0], '=') == NULL) {
		n = strcspn(in->args, " \t\v\f\r");
		for (v = in->args + n; df_blank(*v); v++)
			;
		if (*v == '\0') {
			error = df_fail(ps, in->line,
			    "%s must have two arguments", in->keyword);
			goto out;
		}
		kv_push(in, lex_wordn(in->args, n, ps->esc),
		    lex_word(v, ps->esc, NULL));
		goto out;
	}
	for (i = 0; i < nw; i++) {
		if ((eq = strchr(w[i], '=')) == NULL) {
			error = df_fail(ps, in->line,
			    "cannot find '=' in '%.40s': %s takes name=value",
			    w[i], in->keyword);
			goto out;
		}
		if (eq == w[i]) {
			error = df_fail(ps, in->line,
			    "%s names can not be blank", in->keyword);
			goto out;
		}
		kv_push(in, lex_wordn(w[i], (size_t)(eq - w[i]), ps->esc),
		    lex_word(eq + 1, ps->esc, NULL));
	}
out:
	strv_free(w, nw);
	return error;
}

/*
 * Remember a global ARG (one before the first FROM) that has a default,
 * substituted, for FROM's image.
 */
static void
global_arg(struct df_parser *ps, const char *name, const char *raw)
{
	char	*value;

	if (raw == NULL || *name == '\0')
		return;
	value = lex_word(raw, ps->esc, ps);
	strv_push(&ps->arg_values, &ps->nargs, value);
	map_put(&ps->args, name, ps->nargs - 1);
}

/* ARG name[=value] …; before the first FROM also a global ARG. */
static int
parse_arg(struct df_parser *ps, struct tl_df_instr *in)
{
	char		**w = NULL;
	const char	*eq;
	size_t		 nw = 0, i;
	int		 error = 0;

	split_words(&w, &nw, in->args, ps->esc);
	if (nw == 0) {
		error = df_fail(ps, in->line,
		    "ARG requires at least one argument");
		goto out;
	}
	for (i = 0; i < nw; i++) {
		if ((eq = strchr(w[i], '=')) == w[i]) {
			error = df_fail(ps, in->line,
			    "ARG names can not be blank");
			goto out;
		}
		if (eq == NULL)
			kv_push(in, lex_word(w[i], ps->esc, NULL), NULL);
		else
			kv_push(in, lex_wordn(w[i], (size_t)(eq - w[i]),
			    ps->esc), lex_word(eq + 1, ps->esc, NULL));
		if (ps->df->nstages == 0)
			global_arg(ps, in->kv[in->nkv - 1].key,
			    eq != NULL ? eq + 1 : NULL);
	}
out:
	strv_free(w, nw);
	return error;
}

/* A stage name as BuildKit accepts it, in any case: [a-z][a-z0-9-_.]*. */
static int
stage_name_ok(const char *s)
{
	if (!isalpha((unsigned char)*s))
		return 0;
	for (s++; *s != '\0'; s++)
		if (!isalnum((unsigned char)*s) && *s != '-' && *s != '_' &&
		    *s != '.')
			return 0;
	return 1;
}

/* The last stage named name (ignoring case) put in the map, or -1. */
static long
stage_find(const struct df_parser *ps, const char *name)
{
	size_t	 i;

	if (!map_get(&ps->names, name, strlen(name), &i))
		return -1;
	return (long)i;
}

/* Stage i is over: later stages and --from= may now name it. */
static void
stage_done(struct df_parser *ps, size_t i)
{
	if (ps->df->stages[i].name != NULL)
		map_put(&ps->names, ps->df->stages[i].name, i);
}

/* FROM [--platform=p] image [AS name]: starts a stage. */
static int
parse_from(struct df_parser *ps, struct tl_df_instr *in)
{
	struct tl_dockerfile	*df = ps->df;
	struct tl_df_stage	*st;
	const char		*platform;
	char			**w = NULL;
	size_t			 nw = 0;
	int			 error = 0;

	split_blank(&w, &nw, in->args);
	if (nw != 1 && !(nw == 3 && df_caseeq(w[1], "AS"))) {
		error = df_fail(ps, in->line,
		    "FROM requires either one or three arguments");
		goto out;
	}
	if (nw == 3 && !stage_name_ok(w[2])) {
		error = df_fail(ps, in->line,
		    "invalid name for build stage '%.40s'", w[2]);
		goto out;
	}
	if (df->nstages > 0)
		stage_done(ps, df->nstages - 1);
	df->stages = df_grow(df->stages, df->nstages, sizeof(*df->stages));
	st = &df->stages[df->nstages];
	memset(st, 0, sizeof(*st));
	st->image_raw = w[0];
	w[0] = NULL;
	st->image = lex_word(st->image_raw, ps->esc, ps);
	if (nw == 3) {
		st->name = w[2];
		w[2] = NULL;
	}
	if ((platform = tl_df_instr_flag(in, "platform")) != NULL)
		st->platform = tl_strdup(platform);
	st->parent = stage_find(ps, st->image);
	st->line = in->line;
	st->first = df->ninstrs - 1;
	st->count = 1;
	in->stage = df->nstages++;
out:
	strv_free(w, nw);
	return error;
}

/* ONBUILD TRIGGER …: 1 when the trigger may carry heredocs. */
static int
parse_onbuild(struct df_parser *ps, struct tl_df_instr *in, int *heredoc)
{
	const struct df_keyword	*kw;
	char			**flags = NULL, *rest;
	size_t			 nflags = 0, n;
	int			 r;

	n = strcspn(in->args, " \t\v\f\r");
	if ((kw = keyword_find(in->args, n)) == NULL || !kw->heredoc)
		return 0;
	rest = take_flags(&flags, &nflags, in->args + n, ps->esc);
	strv_free(flags, nflags);
	if ((r = json_strings(rest, NULL, NULL)) < 0)
		return df_fail(ps, in->line,
		    "JSON array of 'ONBUILD %s' must hold strings only",
		    kw->name);
	*heredoc = r == 0;
	return 0;
}

/*
 * The words of an instruction line as BuildKit's lexer splits them when
 * it looks for heredocs: quotes and escapes ('\') kept, blanks after "<<"
 * joined to the word.  An unclosed quote gives no words at all.
 */
static void
heredoc_words(char ***v, size_t *n, const char *s)
{
	struct tl_buf	 w = TL_BUF_INIT;
	char		 q;

	for (;;) {
		if (*s == '\0' || df_blank(*s)) {
			if (w.len > 0)
				strv_push(v, n, tl_buf_detach(&w));
			if (*s++ == '\0')
				break;
			continue;
		}
		if (*s == '\'' || *s == '"') {
			q = *s;
			tl_buf_addc(&w, *s++);
			for (; *s != '\0' && *s != q; s++) {
				if (q == '"' && *s == '\\' && s[1] != '\0' &&
				    strchr("\"$\\", s[1]) != NULL)
					tl_buf_addc(&w, *s++);
				tl_buf_addc(&w, *s);
			}
			if (*s == '\0') {
				strv_free(*v, *n);
				*v = NULL;
				*n = 0;
				break;
			}
			tl_buf_addc(&w, *s++);
		} else if (s[0] == '<' && s[1] == '<') {
			tl_buf_add(&w, "<<", 2);
			for (s += 2; *s == ' ' || *s == '\t' || *s == '\r'; s++)
				tl_buf_addc(&w, *s);
		} else if (*s == '\\' && s[1] != '\0') {
			tl_buf_add(&w, s, 2);
			s += 2;
		} else
			tl_buf_addc(&w, *s++);
	}
	tl_buf_release(&w);
}

/* A word "[n]<<[-]delim": the delimiter, unquoted, or NULL. */
static char *
heredoc_match(const char *w, int *chomp)
{
	while (isdigit((unsigned char)*w))
		w++;
	if (w[0] != '<' || w[1] != '<')
		return NULL;
	w += 2;
	if ((*chomp = *w == '-'))
		w++;
	while (df_blank(*w))
		w++;
	if (*w == '\0' || strchr(w, '<') != NULL)
		return NULL;
	return lex_word(w, '\\', NULL);
}

/* Read one heredoc body, up to its delimiter line or the end. */
static void
heredoc_read(struct df_parser *ps, struct tl_df_heredoc *h)
{
	struct tl_buf	 body = TL_BUF_INIT;
	const char	*s;
	size_t		 n, dlen = strlen(h->name);

	h->line = ps->src.line + 1;
	while (src_next(&ps->src, &s, &n)) {
		if (h->chomp)
			while (n > 0 && *s == '\t') {
				s++;
				n--;
			}
		if (n == dlen && memcmp(s, h->name, n) == 0) {
			h->terminated = 1;
			break;
		}
		tl_buf_add(&body, s, n);
		tl_buf_addc(&body, '\n');
	}
	h->body = tl_buf_detach(&body);
}

/* The heredocs a RUN, COPY or ADD line opens: their bodies follow it. */
static void
heredocs(struct df_parser *ps, struct tl_df_instr *in, const char *line)
{
	struct tl_buf		 all = TL_BUF_INIT;
	struct tl_df_heredoc	*h;
	char			**w = NULL, *name;
	size_t			 nw = 0, i;
	int			 chomp;

	heredoc_words(&w, &nw, line);
	for (i = 0; i < nw; i++) {
		if ((name = heredoc_match(w[i], &chomp)) == NULL)
			continue;
		in->heredocs = df_grow(in->heredocs, in->nheredocs,
		    sizeof(*in->heredocs));
		h = &in->heredocs[in->nheredocs++];
		memset(h, 0, sizeof(*h));
		h->name = name;
		h->chomp = chomp;
		heredoc_read(ps, h);
		tl_buf_adds(&all, h->body);
	}
	if (in->nheredocs > 0)
		in->heredoc = tl_buf_detach(&all);
	tl_buf_release(&all);
	strv_free(w, nw);
}

static struct tl_df_instr *
instr_new(struct tl_dockerfile *df)
{
	struct tl_df_instr	*in;

	df->instrs = df_grow(df->instrs, df->ninstrs, sizeof(*df->instrs));
	in = &df->instrs[df->ninstrs++];
	memset(in, 0, sizeof(*in));
	in->stage = TL_DF_NO_STAGE;
	in->from_stage = -1;
	return in;
}

/* Put the instruction in its stage; only ARG may come before FROM. */
static int
place(struct df_parser *ps, struct tl_df_instr *in,
    const struct df_keyword *kw)
{
	struct tl_dockerfile	*df = ps->df;

	if (kw->form == DF_FROM)
		return 0;
	if (df->nstages == 0) {
		if (kw->form == DF_ARG)
			return 0;
		return df_fail(ps, in->line, "instruction '%s' before the "
		    "first FROM: no build stage in current context",
		    in->keyword);
	}
	in->stage = df->nstages - 1;
	df->stages[in->stage].count++;
	return 0;
}

/* One logical line, continuations joined: an instruction. */
static int
instruction(struct df_parser *ps, char *text, unsigned line)
{
	const struct df_keyword	*kw;
	struct tl_df_instr	*in;
	char			*s, *e, *rest;
	size_t			 n, i;
	int			 error = 0, heredoc;

	for (s = text; df_blank(*s); s++)
		;
	for (e = s + strlen(s); e > s && df_blank(e[-1]); e--)
		;
	*e = '\0';
	if (*s == '\0')
		return 0;
	n = strcspn(s, " \t\v\f\r");
	if ((kw = keyword_find(s, n)) == NULL)
		return df_fail(ps, line, "unknown instruction '%.*s'",
		    (int)(n > 40 ? 40 : n), s);
	in = instr_new(ps->df);
	in->line = line;
	in->keyword = tl_strndup(s, n);
	for (i = 0; i < n; i++)
		in->keyword[i] = (char)toupper((unsigned char)in->keyword[i]);
	rest = take_flags(&in->flags, &in->nflags, s + n, ps->esc);
	while (df_blank(*rest))
		rest++;
	in->args = tl_strdup(rest);
	heredoc = kw->heredoc;
	switch (kw->form) {
	case DF_EXEC:
		error = parse_exec(ps, in, in->args);
		break;
	case DF_KV:
		error = parse_kv(ps, in);
		break;
	case DF_ARG:
		error = parse_arg(ps, in);
		break;
	case DF_FROM:
		error = parse_from(ps, in);
		break;
	case DF_HEALTH:
		error = parse_health(ps, in);
		break;
	case DF_ONBUILD:
		error = parse_onbuild(ps, in, &heredoc);
		break;
	case DF_PLAIN:
		break;
	}
	if (error != 0)
		return error;
	if (heredoc && !in->exec_form && strstr(s, "<<") != NULL)
		heredocs(ps, in, s);
	in->end_line = ps->src.line;
	return place(ps, in, kw);
}

/*
 * The main loop, BuildKit's: a line, after leading blanks are dropped, may
 * be a directive; a comment counts as empty; an empty line that does not
 * continue is skipped.  The lines a continuation joins lose only the
 * escape char; comment and blank lines among them are dropped.
 */
static int
parse_lines(struct df_parser *ps)
{
	struct tl_buf	 text = TL_BUF_INIT;
	const char	*s;
	size_t		 n;
	unsigned	 line;
	int		 more, error = 0;

	while (src_next(&ps->src, &s, &n)) {
		while (n > 0 && df_blank(*s)) {
			s++;
			n--;
		}
		if ((error = directive(ps, s, n)) != 0)
			goto out;
		if (n > 0 && *s == '#')
			n = 0;
		line = ps->src.line;
		more = cont_trim(s, &n, ps->esc);
		if (!more && n == 0)
			continue;
		tl_buf_clear(&text);
		tl_buf_add(&text, s, n);
		while (more && src_next(&ps->src, &s, &n)) {
			if ((error = directive(ps, s, n)) != 0)
				goto out;
			if (is_comment(s, n) || is_blank(s, n))
				continue;
			more = cont_trim(s, &n, ps->esc);
			tl_buf_add(&text, s, n);
		}
		if (text.len == 0)
			continue;
		if ((error = instruction(ps, text.data, line)) != 0)
			goto out;
	}
out:
	tl_buf_release(&text);
	return error;
}

/* A --from= value: a stage index, or the last stage of that name. */
static long
from_resolve(const struct df_parser *ps, const char *ref)
{
	const char	*p;
	size_t		 idx = 0, n = ps->df->nstages;

	for (p = ref; isdigit((unsigned char)*p); p++)
		if (idx < n)
			idx = idx * 10 + (size_t)(*p - '0');
	if (p != ref && *p == '\0')
		return idx < n ? (long)idx : -1;
	return stage_find(ps, ref);
}

/* After the last line: resolve every --from= against all the stages. */
static void
finish(struct df_parser *ps)
{
	struct tl_dockerfile	*df = ps->df;
	const char		*from;
	size_t			 i;

	if (df->nstages > 0)
		stage_done(ps, df->nstages - 1);
	for (i = 0; i < df->ninstrs; i++)
		if ((from = tl_df_instr_flag(&df->instrs[i], "from")) != NULL)
			df->instrs[i].from_stage = from_resolve(ps, from);
}

int
tl_dockerfile_parse(struct tl_dockerfile **out, const char *data,
    size_t len, struct tl_df_error *err)
{
	struct df_parser	 ps;
	int			 error;

	*out = NULL;
	if (err != NULL) {
		err->line = 0;
		err->msg[0] = '\0';
	}
	memset(&ps, 0, sizeof(ps));
	ps.names.fold = 1;
	ps.subst_left = DF_MAX_SUBST;
	ps.df = tl_calloc(1, sizeof(*ps.df));
	ps.err = err;
	ps.esc = '\\';
	if (data != NULL) {
		ps.src.p = data;
		ps.src.end = data + len;
		if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
			ps.src.p += 3;
	}
	if ((error = parse_lines(&ps)) == 0)
		finish(&ps);
	ps.df->escape = ps.esc;
	strv_free(ps.arg_values, ps.nargs);
	free(ps.args.slots);
	free(ps.names.slots);
	if (error != 0) {
		tl_dockerfile_free(ps.df);
		return error;
	}
	*out = ps.df;
	return 0;
}

static void
instr_release(struct tl_df_instr *in)
{
	size_t	 i;

	free(in->keyword);
	free(in->args);
	strv_free(in->flags, in->nflags);
	if (in->argv != NULL)
		strv_free(in->argv, in->argc);
	for (i = 0; i < in->nkv; i++) {
		free(in->kv[i].key);
		free(in->kv[i].value);
	}
	free(in->kv);
	free(in->heredoc);
	for (i = 0; i < in->nheredocs; i++) {
		free(in->heredocs[i].name);
		free(in->heredocs[i].body);
	}
	free(in->heredocs);
}

static void
stage_release(struct tl_df_stage *st)
{
	free(st->image);
	free(st->image_raw);
	free(st->name);
	free(st->platform);
}

void
tl_dockerfile_free(struct tl_dockerfile *df)
{
	size_t	 i;

	if (df == NULL)
		return;
	for (i = 0; i < df->ninstrs; i++)
		instr_release(&df->instrs[i]);
	free(df->instrs);
	for (i = 0; i < df->nstages; i++)
		stage_release(&df->stages[i]);
	free(df->stages);
	free(df->syntax);
	free(df->check);
	free(df);
}

int
tl_df_image_split(const char *ref, char **name, char **tag, char **digest)
{
	const char	*at, *end, *p, *colon = NULL;

	if (name != NULL)
		*name = NULL;
	if (tag != NULL)
		*tag = NULL;
	if (digest != NULL)
		*digest = NULL;
	if (ref == NULL || *ref == '\0') {
		tl_error_set("empty image reference");
		return TL_EPARSE;
	}
	at = strchr(ref, '@');
	end = at != NULL ? at : ref + strlen(ref);
	/* A ':' before the last '/' is a registry port, not a tag. */
	for (p = ref; p < end; p++)
		if (*p == '/')
			colon = NULL;
		else if (*p == ':')
			colon = p;
	if ((colon != NULL ? colon : end) == ref) {
		tl_error_set("image reference without a name: '%.40s'", ref);
		return TL_EPARSE;
	}
	if (name != NULL)
		*name = tl_strndup(ref, (size_t)((colon != NULL ? colon :
		    end) - ref));
	if (tag != NULL && colon != NULL)
		*tag = tl_strndup(colon + 1, (size_t)(end - colon - 1));
	if (digest != NULL && at != NULL)
		*digest = tl_strdup(at + 1);
	return 0;
}

const struct tl_df_stage *
tl_dockerfile_final(const struct tl_dockerfile *df)
{
	if (df == NULL || df->nstages == 0)
		return NULL;
	return &df->stages[df->nstages - 1];
}

const char *
tl_df_instr_flag(const struct tl_df_instr *in, const char *name)
{
	const char	*f;
	size_t		 i, n;

	if (tl_str_has_prefix(name, "--"))
		name += 2;
	n = strlen(name);
	for (i = in->nflags; i-- > 0;) {
		f = in->flags[i];
		if (strncmp(f, "--", 2) != 0 || strncmp(f + 2, name, n) != 0)
			continue;
		if (f[2 + n] == '=')
			return f + 3 + n;
		if (f[2 + n] == '\0')
			return f + 2 + n;
	}
	return NULL;
}
