/*
 * util.c: allocation, buffers, vectors, thread-local error messages and
 * small text helpers.
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "twelvelint/util.h"

static _Thread_local char tl_errmsg[512];

void
tl_error_set(const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	vsnprintf(tl_errmsg, sizeof(tl_errmsg), fmt, ap);
	va_end(ap);
}

void
tl_error_vset_at(const char *file, unsigned line, const char *fmt, va_list ap)
{
	struct tl_buf	 b = TL_BUF_INIT;
	char		*msg;

	tl_buf_vaddf(&b, fmt, ap);
	/* The message may quote the file: never let it drive a terminal. */
	msg = tl_escape(tl_buf_str(&b));
	tl_error_set("%s:%u: %s", file, line == 0 ? 1 : line, msg);
	free(msg);
	tl_buf_release(&b);
}

const char *
tl_error_get(void)
{
	return tl_errmsg[0] == '\0' ? "unknown error" : tl_errmsg;
}

void
tl_error_clear(void)
{
	tl_errmsg[0] = '\0';
}

static void
tl_oom(void)
{
	/* The one place besides main.c that may end the program. */
	fputs("twelvelint: out of memory\n", stderr);
	abort();
}

void *
tl_malloc(size_t n)
{
	void	*p;

	if ((p = malloc(n == 0 ? 1 : n)) == NULL)
		tl_oom();
	return p;
}

void *
tl_calloc(size_t n, size_t sz)
{
	void	*p;

	if ((p = calloc(n == 0 ? 1 : n, sz == 0 ? 1 : sz)) == NULL)
		tl_oom();
	return p;
}

void *
tl_realloc(void *p, size_t n)
{
	if ((p = realloc(p, n == 0 ? 1 : n)) == NULL)
		tl_oom();
	return p;
}

void *
tl_reallocarray(void *p, size_t n, size_t sz)
{
	if (sz != 0 && n > SIZE_MAX / sz)
		tl_oom();
	return tl_realloc(p, n * sz);
}

char *
tl_strdup(const char *s)
{
	return tl_strndup(s, strlen(s));
}

char *
tl_strndup(const char *s, size_t n)
{
	char	*p;

	p = tl_malloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
tl_printf(const char *fmt, ...)
{
	struct tl_buf	 b = TL_BUF_INIT;
	va_list		 ap;

	va_start(ap, fmt);
	tl_buf_vaddf(&b, fmt, ap);
	va_end(ap);
	return tl_buf_detach(&b);
}

void
tl_buf_init(struct tl_buf *b)
{
	b->data = NULL;
	b->len = b->cap = 0;
}

void
tl_buf_release(struct tl_buf *b)
{
	free(b->data);
	tl_buf_init(b);
}

void
tl_buf_clear(struct tl_buf *b)
{
	b->len = 0;
	if (b->data != NULL)
		b->data[0] = '\0';
}

static void
tl_buf_grow(struct tl_buf *b, size_t extra)
{
	size_t	 want;

	if (extra > SIZE_MAX - b->len - 1)
		tl_oom();
	want = b->len + extra + 1;
	if (want <= b->cap)
		return;
	if (b->cap == 0)
		b->cap = 64;
	while (b->cap < want)
		b->cap = b->cap > SIZE_MAX / 2 ? want : b->cap * 2;
	b->data = tl_realloc(b->data, b->cap);
}

void
tl_buf_add(struct tl_buf *b, const void *p, size_t n)
{
	tl_buf_grow(b, n);
	if (n > 0)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
tl_buf_adds(struct tl_buf *b, const char *s)
{
	tl_buf_add(b, s, strlen(s));
}

void
tl_buf_addc(struct tl_buf *b, int c)
{
	char	 ch = (char)c;

	tl_buf_add(b, &ch, 1);
}

void
tl_buf_vaddf(struct tl_buf *b, const char *fmt, va_list ap)
{
	va_list	 cp;
	int	 n;

	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		return;
	tl_buf_grow(b, (size_t)n);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void
tl_buf_addf(struct tl_buf *b, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	tl_buf_vaddf(b, fmt, ap);
	va_end(ap);
}

char *
tl_buf_detach(struct tl_buf *b)
{
	char	*s;

	s = b->data != NULL ? b->data : tl_strdup("");
	tl_buf_init(b);
	return s;
}

const char *
tl_buf_str(const struct tl_buf *b)
{
	return b->data != NULL ? b->data : "";
}

void
tl_vec_init(struct tl_vec *v)
{
	v->items = NULL;
	v->len = v->cap = 0;
}

void
tl_vec_push(struct tl_vec *v, void *p)
{
	if (v->len == v->cap) {
		v->cap = v->cap == 0 ? 8 : v->cap * 2;
		v->items = tl_reallocarray(v->items, v->cap, sizeof(*v->items));
	}
	v->items[v->len++] = p;
}

void
tl_vec_release(struct tl_vec *v, void (*free_fn)(void *))
{
	size_t	 i;

	if (free_fn != NULL)
		for (i = 0; i < v->len; i++)
			free_fn(v->items[i]);
	free(v->items);
	tl_vec_init(v);
}

void
tl_vec_sort(struct tl_vec *v, int (*cmp)(const void *, const void *))
{
	if (v->len > 1)
		qsort(v->items, v->len, sizeof(*v->items), cmp);
}

int
tl_str_has_prefix(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

int
tl_str_has_suffix(const char *s, const char *suffix)
{
	size_t	 n = strlen(s), m = strlen(suffix);

	return n >= m && memcmp(s + n - m, suffix, m) == 0;
}

int
tl_str_casecmp_prefix(const char *s, const char *prefix)
{
	for (; *prefix != '\0'; s++, prefix++)
		if (tolower((unsigned char)*s) !=
		    tolower((unsigned char)*prefix))
			return 0;
	return 1;
}

const char *
tl_memcasemem(const char *hay, size_t n, const char *needle, size_t m)
{
	size_t	 i, j;
	int	 first;

	if (m == 0)
		return hay;
	if (m > n)
		return NULL;
	first = tolower((unsigned char)needle[0]);
	for (i = 0; i + m <= n; i++) {
		if (tolower((unsigned char)hay[i]) != first)
			continue;
		for (j = 1; j < m; j++)
			if (tolower((unsigned char)hay[i + j]) !=
			    tolower((unsigned char)needle[j]))
				break;
		if (j == m)
			return hay + i;
	}
	return NULL;
}

char *
tl_str_trim(char *s)
{
	char	*e;

	while (isspace((unsigned char)*s))
		s++;
	e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		*--e = '\0';
	return s;
}

size_t
tl_utf8_len(const unsigned char *p, size_t n)
{
	unsigned char	 lo = 0x80, hi = 0xbf;
	size_t		 len, i;

	if (n == 0)
		return 0;
	if (p[0] < 0x80)
		return 1;
	if (p[0] >= 0xc2 && p[0] <= 0xdf)
		len = 2;
	else if (p[0] >= 0xe0 && p[0] <= 0xef) {
		len = 3;
		if (p[0] == 0xe0)
			lo = 0xa0;	/* overlong */
		else if (p[0] == 0xed)
			hi = 0x9f;	/* surrogates */
	} else if (p[0] >= 0xf0 && p[0] <= 0xf4) {
		len = 4;
		if (p[0] == 0xf0)
			lo = 0x90;	/* overlong */
		else if (p[0] == 0xf4)
			hi = 0x8f;	/* above U+10FFFF */
	} else
		return 0;
	if (len > n || p[1] < lo || p[1] > hi)
		return 0;
	for (i = 2; i < len; i++)
		if ((p[i] & 0xc0) != 0x80)
			return 0;
	return len;
}

/* A printable UTF-8 sequence: valid, not a C1 control, not a bidi override. */
static size_t
printable_utf8_len(const unsigned char *p, size_t n)
{
	size_t	 len = tl_utf8_len(p, n);

	/* C1 controls U+0080..U+009F are encoded c2 80..c2 9f. */
	if (len == 2 && p[0] == 0xc2 && p[1] < 0xa0)
		return 0;
	/* Bidirectional overrides U+202A..U+202E, U+2066..U+2069. */
	if (len == 3 && p[0] == 0xe2 && ((p[1] == 0x80 && p[2] >= 0xaa &&
	    p[2] <= 0xae) || (p[1] == 0x81 && p[2] >= 0xa6 && p[2] <= 0xa9)))
		return 0;
	return len;
}

void
tl_buf_add_escaped(struct tl_buf *b, const char *s, size_t n)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i = 0, k;

	while (i < n) {
		if (p[i] >= 0x20 && p[i] < 0x7f) {
			tl_buf_addc(b, p[i]);
			i++;
			continue;
		}
		switch (p[i]) {
		case '\n':
			tl_buf_adds(b, "\\n");
			i++;
			continue;
		case '\t':
			tl_buf_adds(b, "\\t");
			i++;
			continue;
		case '\r':
			tl_buf_adds(b, "\\r");
			i++;
			continue;
		default:
			break;
		}
		if (p[i] >= 0x80 && (k = printable_utf8_len(p + i, n - i)) > 0) {
			tl_buf_add(b, p + i, k);
			i += k;
			continue;
		}
		tl_buf_addf(b, "\\x%02x", p[i]);
		i++;
	}
}

const char *
tl_xml_entity(int c)
{
	switch (c) {
	case '&':
		return "&amp;";
	case '<':
		return "&lt;";
	case '>':
		return "&gt;";
	case '"':
		return "&quot;";
	case '\'':
		return "&#39;";
	default:
		return NULL;
	}
}

void
tl_buf_add_xml(struct tl_buf *b, const char *s)
{
	char		*e = tl_escape(s), *p;
	const char	*ent;

	for (p = e; *p != '\0'; p++)
		if ((ent = tl_xml_entity((unsigned char)*p)) != NULL)
			tl_buf_adds(b, ent);
		else
			tl_buf_addc(b, *p);
	free(e);
}

char *
tl_str_fold(const char *s, size_t n)
{
	struct tl_buf	 b = TL_BUF_INIT;
	size_t		 i;
	int		 space = 0;

	for (i = 0; i < n; i++) {
		if (isspace((unsigned char)s[i])) {
			space = b.len > 0;
			continue;
		}
		if (space)
			tl_buf_addc(&b, ' ');
		space = 0;
		tl_buf_addc(&b, s[i]);
	}
	return tl_buf_detach(&b);
}

char *
tl_escape(const char *s)
{
	struct tl_buf	 b = TL_BUF_INIT;

	tl_buf_add_escaped(&b, s, strlen(s));
	return tl_buf_detach(&b);
}

char *
tl_redact(const char *s, size_t n)
{
	struct tl_buf	 b = TL_BUF_INIT;
	size_t		 keep = n < 4 ? 0 : 4, stars, i;

	/* Short secrets are hidden whole: four characters would be most of them. */
	if (n < 8)
		keep = 0;
	tl_buf_add(&b, s, keep);
	stars = n - keep < 4 ? 4 : n - keep;
	for (i = 0; i < stars; i++)
		tl_buf_addc(&b, '*');
	return tl_buf_detach(&b);
}

double
tl_entropy(const char *s, size_t n)
{
	size_t	 counts[256] = { 0 }, i;
	double	 h = 0.0, p;

	if (n == 0)
		return 0.0;
	for (i = 0; i < n; i++)
		counts[(unsigned char)s[i]]++;
	for (i = 0; i < 256; i++) {
		if (counts[i] == 0)
			continue;
		p = (double)counts[i] / (double)n;
		h -= p * log2(p);
	}
	return h;
}

uint64_t
tl_hash64(const void *p, size_t n)
{
	const unsigned char	*s = p;
	uint64_t		 h = 0xcbf29ce484222325ULL;
	size_t			 i;

	for (i = 0; i < n; i++) {
		h ^= s[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

void
tl_lines_build(struct tl_lines *l, const char *s, size_t n)
{
	const char	*p = s, *e = s + n, *nl;
	size_t		 cap = 64;

	l->start = tl_reallocarray(NULL, cap, sizeof(*l->start));
	l->n = 0;
	l->start[l->n++] = 0;
	/* A newline that ends the text starts no line. */
	while (p < e && (nl = memchr(p, '\n', (size_t)(e - p))) != NULL &&
	    nl + 1 < e) {
		if (l->n == cap) {
			cap *= 2;
			l->start = tl_reallocarray(l->start, cap,
			    sizeof(*l->start));
		}
		l->start[l->n++] = (size_t)(nl + 1 - s);
		p = nl + 1;
	}
}

void
tl_lines_release(struct tl_lines *l)
{
	free(l->start);
	l->start = NULL;
	l->n = 0;
}

void
tl_lines_locate(const struct tl_lines *l, size_t off, unsigned *line,
    unsigned *col)
{
	size_t	 lo = 0, hi, mid;

	if (l->n == 0) {
		*line = 1;
		*col = (unsigned)off + 1;
		return;
	}
	hi = l->n;
	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (l->start[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	*line = (unsigned)lo + 1;
	*col = (unsigned)(off - l->start[lo]) + 1;
}

const char *
tl_lines_get(const struct tl_lines *l, const char *s, size_t n,
    unsigned line, size_t *len)
{
	size_t	 a, e;

	*len = 0;
	if (line == 0 || line > l->n)
		return NULL;
	a = l->start[line - 1];
	e = line < l->n ? l->start[line] : n;
	while (e > a && (s[e - 1] == '\n' || s[e - 1] == '\r'))
		e--;
	*len = e - a;
	return s + a;
}
