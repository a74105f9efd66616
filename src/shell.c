/*
 * shell.c: a line scanner for POSIX sh and bash as found in entrypoint
 * scripts, Dockerfile RUN/CMD shell form and Procfile commands, plus the
 * Procfile and dotenv readers.
 *
 * The scanner is a lexer (words with quotes removed, operators,
 * redirections, heredoc bodies skipped at the newline) feeding a small
 * builder that drops keywords and grouping and cuts simple commands.  It
 * is not a shell grammar: it reads what a careful human would read, in
 * one pass, and never fails.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "twelvelint/shell.h"
#include "twelvelint/util.h"

#define SH_MAXDEPTH	8	/* levels of sh -c bodies */
#define LEX_MAXNEST	32	/* nesting of "$( " ` inside one word */
#define NEST_MAX	64	/* compound commands remembered by kind */

enum tok_type {
	T_EOF = 0,
	T_WORD,
	T_OP,
	T_REDIR
};

enum tok_op {
	OP_NL = 0,
	OP_SEMI,
	OP_DSEMI,	/* ;; ;& ;;& */
	OP_AND,
	OP_OR,
	OP_PIPE,
	OP_BG,
	OP_LPAREN,
	OP_RPAREN
};

struct heredoc {
	char		*delim;		/* owned */
	int		 strip;		/* <<- */
};

struct lexer {
	const char	*s;		/* borrowed: the text */
	size_t		 n;
	size_t		 i;
	unsigned	 line;
	struct tl_vec	 heredocs;	/* struct heredoc * owned: pending */
	int		 want_delim;	/* 0, or 1 (<<) / 2 (<<-): next word */
};

struct token {
	enum tok_type	 type;
	enum tok_op	 op;		/* T_OP */
	int		 fd;		/* T_REDIR: explicit fd, or -2 */
	enum tl_sh_redir_kind rkind;	/* T_REDIR */
	int		 dup;		/* T_REDIR: ">&" or "<&" */
	size_t		 start;		/* raw byte range in the text */
	size_t		 end;
	unsigned	 line;
	unsigned	 end_line;
	struct tl_buf	 val;		/* owned: T_WORD, unquoted */
};

/* Builder modes. */
enum {
	M_CMD = 0,
	M_FOR_HEAD,	/* after for/select: words up to ';' or newline */
	M_CASE_HEAD,	/* after case: words up to "in" */
	M_CASE_PAT,	/* a case pattern, up to ')' */
	M_DBRACKET,	/* inside [[ … ]]: operators are words */
	M_FUNC_NAME	/* after "function": the name */
};

struct builder {
	struct tl_script *sc;		/* borrowed: the output */
	size_t		*cap;		/* borrowed: capacity of sc->cmds */
	const char	*src;		/* borrowed: text being read */
	int		 depth;

	/* the command being built */
	struct tl_vec	 argv;		/* char * owned */
	unsigned	*alines;	/* owned: line of each argv word */
	size_t		 alcap;
	struct tl_vec	 assigns;	/* char * owned */
	struct tl_sh_redir *redirs;	/* owned */
	size_t		 nredirs;
	size_t		 rcap;
	int		 have;
	int		 bg;		/* ended with '&' */
	int		 is_exec;
	int		 exec_opts;	/* 1 reading exec options, 2 -a NAME */
	size_t		 cstart;
	size_t		 cend;
	unsigned	 cline;
	unsigned	 cend_line;
	enum tl_sh_op	 next_op;

	int		 rpending;	/* a redirection waits for its word */
	int		 rdrop;		/* … after "done", "}": dropped */
	int		 rfd;
	enum tl_sh_redir_kind rkind;
	int		 rdup;

	int		 mode;
	int		 fstate;	/* 1 name, 2 in "(", 3 after "()" */
	char		 nest[NEST_MAX];
	size_t		 nnest;
	size_t		 nfunc;
	int		 closed;	/* last token closed a compound */
	size_t		 last_idx;	/* last command this builder emitted */
	int		 emitted;
};

static void	 sh_parse(struct tl_script *, size_t *, const char *, size_t,
		    unsigned, int);

static int
is_blank(int c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

static int
is_name_start(int c)
{
	return isalpha((unsigned char)c) || c == '_';
}

static int
is_name_char(int c)
{
	return isalnum((unsigned char)c) || c == '_';
}

static const char *
base_name(const char *s)
{
	const char	*p;

	if ((p = strrchr(s, '/')) != NULL)
		return p + 1;
	return s;
}

/* Consume one character into b, counting lines. */
static void
take(struct lexer *lx, struct tl_buf *b)
{
	char	 c = lx->s[lx->i++];

	if (c == '\n')
		lx->line++;
	tl_buf_addc(b, c);
}

static void	raw_paren(struct lexer *, struct tl_buf *, int, int, int);

static void
raw_backtick(struct lexer *lx, struct tl_buf *b)
{
	take(lx, b);
	while (lx->i < lx->n) {
		if (lx->s[lx->i] == '\\' && lx->i + 1 < lx->n) {
			take(lx, b);
			take(lx, b);
			continue;
		}
		if (lx->s[lx->i] == '`') {
			take(lx, b);
			return;
		}
		take(lx, b);
	}
}

static void
raw_squote(struct lexer *lx, struct tl_buf *b)
{
	take(lx, b);
	while (lx->i < lx->n && lx->s[lx->i] != '\'')
		take(lx, b);
	if (lx->i < lx->n)
		take(lx, b);
}

/* A double-quoted string copied as written, quotes included. */
static void
raw_dquote(struct lexer *lx, struct tl_buf *b, int depth)
{
	take(lx, b);
	while (lx->i < lx->n) {
		char	 c = lx->s[lx->i];

		if (c == '\\' && lx->i + 1 < lx->n) {
			take(lx, b);
			take(lx, b);
		} else if (c == '"') {
			take(lx, b);
			return;
		} else if (c == '$' && lx->i + 1 < lx->n &&
		    (lx->s[lx->i + 1] == '(' || lx->s[lx->i + 1] == '{') &&
		    depth < LEX_MAXNEST) {
			take(lx, b);
			raw_paren(lx, b, depth + 1, lx->s[lx->i],
			    lx->s[lx->i] == '(' ? ')' : '}');
		} else if (c == '`')
			raw_backtick(lx, b);
		else
			take(lx, b);
	}
}

/*
 * A balanced group "(…)" or "{…}" copied as written; lx->i is at the
 * opening character.  Quotes inside are skipped whole, so "$(echo ')')"
 * stays one word.  Nesting of the same bracket is counted, not recursed.
 */
static void
raw_paren(struct lexer *lx, struct tl_buf *b, int depth, int open, int close)
{
	size_t	 level = 0;
	char	 c, prev;

	while (lx->i < lx->n) {
		c = lx->s[lx->i];
		prev = lx->i > 0 ? lx->s[lx->i - 1] : ' ';
		if (c == open) {
			level++;
			take(lx, b);
		} else if (c == close) {
			take(lx, b);
			if (--level == 0)
				return;
		} else if (c == '\\' && lx->i + 1 < lx->n) {
			take(lx, b);
			take(lx, b);
		} else if (c == '\'' && open == '(')
			raw_squote(lx, b);
		else if (c == '"') {
			if (depth < LEX_MAXNEST)
				raw_dquote(lx, b, depth + 1);
			else
				raw_squote(lx, b);	/* flat scan */
		} else if (c == '`')
			raw_backtick(lx, b);
		else if (c == '#' && open == '(' &&
		    (isspace((unsigned char)prev) || prev == ';' ||
		    prev == '(')) {
			while (lx->i < lx->n && lx->s[lx->i] != '\n')
				take(lx, b);
		} else
			take(lx, b);
	}
}

/* Double-quoted text into the word's value: quotes removed. */
static void
val_dquote(struct lexer *lx, struct tl_buf *b)
{
	char	 c, d;

	lx->i++;
	while (lx->i < lx->n) {
		c = lx->s[lx->i];
		if (c == '"') {
			lx->i++;
			return;
		}
		if (c == '\\' && lx->i + 1 < lx->n) {
			d = lx->s[lx->i + 1];
			if (d == '\n') {
				lx->i += 2;
				lx->line++;
			} else if (d == '$' || d == '`' || d == '"' ||
			    d == '\\') {
				tl_buf_addc(b, d);
				lx->i += 2;
			} else {
				tl_buf_addc(b, c);
				lx->i++;
			}
		} else if (c == '$' && lx->i + 1 < lx->n &&
		    (lx->s[lx->i + 1] == '(' || lx->s[lx->i + 1] == '{')) {
			take(lx, b);
			raw_paren(lx, b, 1, lx->s[lx->i],
			    lx->s[lx->i] == '(' ? ')' : '}');
		} else if (c == '`')
			raw_backtick(lx, b);
		else
			take(lx, b);
	}
}

/* Bash $'…' quoting into the value. */
static void
val_ansi(struct lexer *lx, struct tl_buf *b)
{
	char	 c, d;

	lx->i += 2;
	while (lx->i < lx->n) {
		c = lx->s[lx->i];
		if (c == '\'') {
			lx->i++;
			return;
		}
		if (c == '\\' && lx->i + 1 < lx->n) {
			d = lx->s[lx->i + 1];
			lx->i += 2;
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
			case '\n':
				lx->line++;
				tl_buf_addc(b, d);
				break;
			default:
				tl_buf_addc(b, d);
				break;
			}
			continue;
		}
		take(lx, b);
	}
}

/* A descriptor number written before '<' or '>' (large ones saturate). */
static int
parse_fd(const char *s, size_t n)
{
	size_t	 i;
	int	 fd = 0;

	for (i = 0; i < n; i++) {
		fd = fd * 10 + (s[i] - '0');
		if (fd > 9999)
			fd = 9999;
	}
	return fd;
}

static int
all_digits(const char *s, size_t n)
{
	size_t	 i;

	if (n == 0)
		return 0;
	for (i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return 0;
	return 1;
}

/* Is s[0..n) "NAME=" or "NAME+=" (the raw text of a word so far)? */
static size_t
assign_prefix(const char *s, size_t n)
{
	size_t	 i;

	if (n == 0 || !is_name_start(s[0]))
		return 0;
	for (i = 1; i < n && is_name_char(s[i]); i++)
		continue;
	if (i < n && s[i] == '+')
		i++;
	if (i < n && s[i] == '=')
		return i + 1;
	return 0;
}

static void	lex_redir(struct lexer *, struct token *, int);

/* Read the body lines of the pending heredocs, after their newline. */
static void
lex_heredocs(struct lexer *lx)
{
	struct heredoc	*h;
	size_t		 k, a, e, t, dl;

	for (k = 0; k < lx->heredocs.len; k++) {
		h = lx->heredocs.items[k];
		dl = strlen(h->delim);
		while (lx->i < lx->n) {
			a = lx->i;
			for (e = a; e < lx->n && lx->s[e] != '\n'; e++)
				continue;
			lx->i = e < lx->n ? e + 1 : e;
			if (e < lx->n)
				lx->line++;
			t = e;
			if (t > a && lx->s[t - 1] == '\r')
				t--;
			if (h->strip)
				while (a < t && (lx->s[a] == '\t' ||
				    lx->s[a] == ' '))
					a++;
			if (t - a == dl && memcmp(lx->s + a, h->delim, dl) == 0)
				break;
		}
	}
	for (k = 0; k < lx->heredocs.len; k++) {
		h = lx->heredocs.items[k];
		free(h->delim);
		free(h);
	}
	lx->heredocs.len = 0;
}

static void
lex_word(struct lexer *lx, struct token *t)
{
	struct tl_buf	*b = &t->val;
	char		 c, d;

	t->type = T_WORD;
	while (lx->i < lx->n) {
		c = lx->s[lx->i];
		d = lx->i + 1 < lx->n ? lx->s[lx->i + 1] : '\0';
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
			break;
		if (c == '(' && assign_prefix(lx->s + t->start,
		    lx->i - t->start) == lx->i - t->start) {
			/* NAME=( array ) */
			raw_paren(lx, b, 0, '(', ')');
			continue;
		}
		if (c == ';' || c == '&' || c == '|' || c == '(' || c == ')')
			break;
		if ((c == '<' || c == '>') && d == '(') {
			take(lx, b);
			raw_paren(lx, b, 0, '(', ')');
			continue;
		}
		if (c == '<' || c == '>') {
			if (all_digits(lx->s + t->start, lx->i - t->start)) {
				tl_buf_clear(b);
				lex_redir(lx, t, parse_fd(lx->s + t->start,
				    lx->i - t->start));
				return;
			}
			break;
		}
		if (c == '\\') {
			if (d == '\n') {
				lx->i += 2;
				lx->line++;
			} else if (d == '\r' && lx->i + 2 < lx->n &&
			    lx->s[lx->i + 2] == '\n') {
				lx->i += 3;
				lx->line++;
			} else if (lx->i + 1 < lx->n) {
				lx->i++;
				take(lx, b);
			} else
				take(lx, b);
		} else if (c == '\'') {
			lx->i++;
			while (lx->i < lx->n && lx->s[lx->i] != '\'')
				take(lx, b);
			if (lx->i < lx->n)
				lx->i++;
		} else if (c == '"')
			val_dquote(lx, b);
		else if (c == '$' && d == '\'')
			val_ansi(lx, b);
		else if (c == '$' && d == '"') {
			lx->i++;
			val_dquote(lx, b);
		} else if (c == '$' && (d == '(' || d == '{')) {
			take(lx, b);
			raw_paren(lx, b, 0, d, d == '(' ? ')' : '}');
		} else if (c == '`')
			raw_backtick(lx, b);
		else
			take(lx, b);
	}
	t->end = lx->i;
	if (lx->want_delim) {
		struct heredoc	*h;

		h = tl_malloc(sizeof(*h));
		h->delim = tl_strndup(tl_buf_str(b), b->len);
		h->strip = lx->want_delim == 2;
		tl_vec_push(&lx->heredocs, h);
		lx->want_delim = 0;
	}
}

/*
 * A redirection operator at lx->i ('<' or '>'); fd is the number written
 * before it, -1 after '&' ("&>"), or -2 when none was.
 */
static void
lex_redir(struct lexer *lx, struct token *t, int fd)
{
	const char	*s = lx->s;
	size_t		 i = lx->i, n = lx->n;
	int		 want = 0;

	t->type = T_REDIR;
	t->dup = 0;
	if (s[i] == '>') {
		i++;
		t->rkind = TL_SH_R_OUT;
		if (i < n && s[i] == '>') {
			t->rkind = TL_SH_R_APPEND;
			i++;
		} else if (i < n && s[i] == '&' && fd != -1) {
			t->dup = 1;
			i++;
		} else if (i < n && s[i] == '|')
			i++;
	} else {
		i++;
		t->rkind = TL_SH_R_IN;
		if (i + 1 < n && s[i] == '<' && s[i + 1] == '<') {
			t->rkind = TL_SH_R_HERESTR;
			i += 2;
		} else if (i < n && s[i] == '<') {
			t->rkind = TL_SH_R_HEREDOC;
			i++;
			want = 1;
			if (i < n && s[i] == '-') {
				i++;
				want = 2;
			}
		} else if (i < n && s[i] == '&') {
			t->dup = 1;
			i++;
		} else if (i < n && s[i] == '>') {
			t->rkind = TL_SH_R_RDWR;
			i++;
		}
	}
	t->fd = fd;
	lx->i = i;
	t->end = i;
	lx->want_delim = want;
}

/* The next token; comments, blanks and continuations are skipped. */
static void
lex_next(struct lexer *lx, struct token *t)
{
	char	 c = '\0', d;

	tl_buf_clear(&t->val);
	t->fd = -2;
	t->dup = 0;
	t->type = T_OP;
	for (;;) {
		if (lx->i >= lx->n) {
			t->type = T_EOF;
			t->start = t->end = lx->n;
			t->line = t->end_line = lx->line;
			return;
		}
		c = lx->s[lx->i];
		d = lx->i + 1 < lx->n ? lx->s[lx->i + 1] : '\0';
		if (is_blank(c))
			lx->i++;
		else if (c == '\\' && d == '\n') {
			lx->i += 2;
			lx->line++;
		} else if (c == '\\' && d == '\r' && lx->i + 2 < lx->n &&
		    lx->s[lx->i + 2] == '\n') {
			lx->i += 3;
			lx->line++;
		} else if (c == '#') {
			while (lx->i < lx->n && lx->s[lx->i] != '\n')
				lx->i++;
		} else
			break;
	}
	t->start = lx->i;
	t->line = lx->line;
	switch (c) {
	case '\n':
		lx->i++;
		lx->line++;
		t->op = OP_NL;
		lx->want_delim = 0;
		if (lx->heredocs.len > 0)
			lex_heredocs(lx);
		t->end = t->start + 1;
		t->end_line = t->line;
		return;
	case ';':
		t->op = OP_SEMI;
		lx->i++;
		if (d == ';' || d == '&') {
			t->op = OP_DSEMI;
			lx->i++;
			if (d == ';' && lx->i < lx->n && lx->s[lx->i] == '&')
				lx->i++;
		}
		break;
	case '&':
		if (d == '>') {
			lx->i++;
			lex_redir(lx, t, -1);
			break;
		}
		t->op = d == '&' ? OP_AND : OP_BG;
		lx->i += d == '&' ? 2 : 1;
		break;
	case '|':
		t->op = d == '|' ? OP_OR : OP_PIPE;
		lx->i += d == '|' || d == '&' ? 2 : 1;
		break;
	case '(':
		if (d == '(') {
			/* (( arithmetic )) is one word */
			t->type = T_WORD;
			raw_paren(lx, &t->val, 0, '(', ')');
			break;
		}
		t->op = OP_LPAREN;
		lx->i++;
		break;
	case ')':
		t->op = OP_RPAREN;
		lx->i++;
		break;
	case '<':
	case '>':
		if (d == '(') {
			lex_word(lx, t);
			break;
		}
		lex_redir(lx, t, -2);
		break;
	default:
		lex_word(lx, t);
		break;
	}
	t->end = lx->i;
	t->end_line = lx->line;
}

/* --- the builder ---------------------------------------------------------- */

enum kw_action {
	KW_SKIP = 0,	/* then else elif do ! */
	KW_IF,
	KW_LOOP,	/* while until */
	KW_CLOSE,	/* fi done } */
	KW_FOR,		/* for select */
	KW_CASE,
	KW_ESAC,
	KW_BRACE,
	KW_FUNCTION
};

static const struct keyword {
	const char	*word;		/* static */
	enum kw_action	 action;
} keywords[] = {
	{ "!",		KW_SKIP },
	{ "case",	KW_CASE },
	{ "do",		KW_SKIP },
	{ "done",	KW_CLOSE },
	{ "elif",	KW_SKIP },
	{ "else",	KW_SKIP },
	{ "esac",	KW_ESAC },
	{ "fi",		KW_CLOSE },
	{ "for",	KW_FOR },
	{ "function",	KW_FUNCTION },
	{ "if",		KW_IF },
	{ "select",	KW_FOR },
	{ "then",	KW_SKIP },
	{ "until",	KW_LOOP },
	{ "while",	KW_LOOP },
	{ "{",		KW_BRACE },
	{ "}",		KW_CLOSE }
};

static int
raw_is(const struct builder *bd, const struct token *t, const char *w)
{
	size_t	 n = strlen(w);

	return t->end - t->start == n && memcmp(bd->src + t->start, w, n) == 0;
}

static const struct keyword *
keyword_find(const struct builder *bd, const struct token *t)
{
	size_t	 i;

	if (t->end - t->start > 8)
		return NULL;
	for (i = 0; i < sizeof(keywords) / sizeof(keywords[0]); i++)
		if (raw_is(bd, t, keywords[i].word))
			return &keywords[i];
	return NULL;
}

static void
nest_push(struct builder *bd, char kind)
{
	if (bd->nnest < NEST_MAX) {
		bd->nest[bd->nnest] = kind;
		if (kind == 'f')
			bd->nfunc++;
	}
	bd->nnest++;
}

static char
nest_pop(struct builder *bd)
{
	char	 k = 0;

	if (bd->nnest == 0)
		return 0;
	bd->nnest--;
	if (bd->nnest < NEST_MAX) {
		k = bd->nest[bd->nnest];
		if (k == 'f')
			bd->nfunc--;
	}
	return k;
}

static char
nest_top(const struct builder *bd)
{
	if (bd->nnest == 0 || bd->nnest > NEST_MAX)
		return 0;
	return bd->nest[bd->nnest - 1];
}

static void
touch(struct builder *bd, const struct token *t)
{
	if (!bd->have) {
		bd->have = 1;
		bd->cstart = t->start;
		bd->cline = t->line;
	}
	bd->cend = t->end;
	bd->cend_line = t->end_line;
}

static void
add_argv(struct builder *bd, const char *s, size_t n, unsigned line)
{
	if (bd->argv.len == bd->alcap) {
		bd->alcap = bd->alcap == 0 ? 16 : bd->alcap * 2;
		bd->alines = tl_reallocarray(bd->alines, bd->alcap,
		    sizeof(*bd->alines));
	}
	bd->alines[bd->argv.len] = line;
	tl_vec_push(&bd->argv, tl_strndup(s, n));
}

static void
add_redir(struct builder *bd, const char *target)
{
	struct tl_sh_redir	*r;
	int			 fd = bd->rfd;
	enum tl_sh_redir_kind	 kind = bd->rkind;
	int			 in = kind == TL_SH_R_IN;

	if (bd->rdup) {
		if (all_digits(target, strlen(target)) ||
		    strcmp(target, "-") == 0)
			kind = TL_SH_R_DUP;
		else if (fd == -2 && !in)
			fd = -1;	/* >&file is &>file */
	}
	if (fd == -2)
		fd = in || kind == TL_SH_R_RDWR || kind == TL_SH_R_HEREDOC ||
		    kind == TL_SH_R_HERESTR ? 0 : 1;
	if (bd->nredirs == bd->rcap) {
		bd->rcap = bd->rcap == 0 ? 4 : bd->rcap * 2;
		bd->redirs = tl_reallocarray(bd->redirs, bd->rcap,
		    sizeof(*bd->redirs));
	}
	r = &bd->redirs[bd->nredirs++];
	r->fd = fd;
	r->kind = kind;
	r->target = tl_strdup(target);
}

/* Where stdout and stderr end up, as files (NULL: not a file). */
static void
redir_summary(struct tl_sh_cmd *c)
{
	const char		*out = NULL, *err = NULL, *v;
	const struct tl_sh_redir *r;
	size_t			 i;

	for (i = 0; i < c->nredirs; i++) {
		r = &c->redirs[i];
		if (r->kind == TL_SH_R_OUT || r->kind == TL_SH_R_APPEND) {
			v = tl_sh_path_is_stream(r->target) ? NULL : r->target;
			if (r->fd == 1 || r->fd == -1)
				out = v;
			if (r->fd == 2 || r->fd == -1)
				err = v;
		} else if (r->kind == TL_SH_R_DUP) {
			if (strcmp(r->target, "1") == 0)
				v = out;
			else if (strcmp(r->target, "2") == 0)
				v = err;
			else
				v = NULL;
			if (r->fd == 1)
				out = v;
			else if (r->fd == 2)
				err = v;
		}
	}
	c->redirect = out == NULL ? NULL : tl_strdup(out);
	c->redirect_err = err == NULL ? NULL : tl_strdup(err);
}

/* The command's text: one line, continuations joined, trimmed. */
static char *
cmd_text(const char *s, size_t a, size_t e)
{
	struct tl_buf	 b = TL_BUF_INIT;
	size_t		 i;
	char		 c;

	for (i = a; i < e; i++) {
		c = s[i];
		if (c == '\\' && i + 1 < e && s[i + 1] == '\n') {
			i++;
			continue;
		}
		if (c == '\\' && i + 2 < e && s[i + 1] == '\r' &&
		    s[i + 2] == '\n') {
			i += 2;
			continue;
		}
		if (c == '\n' || c == '\r')
			c = ' ';
		tl_buf_addc(&b, c);
	}
	while (b.len > 0 && isspace((unsigned char)b.data[b.len - 1]))
		b.data[--b.len] = '\0';
	return tl_buf_detach(&b);
}

static const char *const shells[] = {
	"ash", "bash", "dash", "ksh", "mksh", "sh", "yash", "zsh", NULL
};

static int
in_list(const char *s, const char *const *list)
{
	for (; *list != NULL; list++)
		if (strcmp(s, *list) == 0)
			return 1;
	return 0;
}

/*
 * The body of "sh -c BODY" or "su -c BODY" (behind any wrappers), and
 * the index of its word; 0 when the command runs none.
 */
static int
cmd_body(const struct tl_sh_cmd *c, size_t *out)
{
	const char	*p, *a;
	size_t		 i, j, k, skip;
	int		 has_c = 0;

	if (c->argc == 0)
		return 0;
	i = tl_sh_prog_index(c);
	p = base_name(c->argv[i]);
	if (strcmp(p, "busybox") == 0 && i + 1 < c->argc)
		p = base_name(c->argv[++i]);
	if (in_list(p, shells)) {
		for (j = i + 1; j < c->argc; j++) {
			a = c->argv[j];
			if (strcmp(a, "--") == 0 || strcmp(a, "-") == 0) {
				j++;
				break;
			}
			if (a[0] == '-' && a[1] == '-') {
				if (strcmp(a, "--rcfile") == 0 ||
				    strcmp(a, "--init-file") == 0)
					j++;
				continue;
			}
			if ((a[0] != '-' && a[0] != '+') || a[1] == '\0')
				break;
			skip = 0;
			for (k = 1; a[k] != '\0'; k++) {
				if (a[k] == 'c')
					has_c = 1;
				else if (a[k] == 'o' || a[k] == 'O')
					skip++;
			}
			j += skip;
		}
		if (!has_c || j >= c->argc)
			return 0;
		*out = j;
		return 1;
	}
	if (strcmp(p, "su") != 0 && strcmp(p, "runuser") != 0)
		return 0;
	for (j = i + 1; j < c->argc; j++) {
		a = c->argv[j];
		if (a[0] != '-' || a[1] == '\0')
			continue;
		if (strcmp(a, "--command") == 0 ||
		    strcmp(a, "--session-command") == 0 ||
		    (a[1] != '-' && a[strlen(a) - 1] == 'c')) {
			if (j + 1 >= c->argc)
				return 0;
			*out = j + 1;
			return 1;
		}
	}
	return 0;
}

static void
cmd_reset(struct builder *bd)
{
	size_t	 i;

	for (i = 0; i < bd->argv.len; i++)
		free(bd->argv.items[i]);
	bd->argv.len = 0;
	for (i = 0; i < bd->assigns.len; i++)
		free(bd->assigns.items[i]);
	bd->assigns.len = 0;
	for (i = 0; i < bd->nredirs; i++)
		free(bd->redirs[i].target);
	bd->nredirs = 0;
	bd->have = 0;
	bd->is_exec = 0;
	bd->exec_opts = 0;
	bd->rpending = 0;
	bd->bg = 0;
}

/* Take a vector's items as a NULL-terminated-free array of len items. */
static char **
vec_take(struct tl_vec *v, size_t *n)
{
	char	**a;

	*n = v->len;
	if (v->len == 0)
		return NULL;
	a = (char **)v->items;
	tl_vec_init(v);
	return a;
}

static void
flush(struct builder *bd)
{
	struct tl_script	*sc = bd->sc;
	struct tl_sh_cmd	*c;
	size_t			 idx, bi;
	unsigned		 bline;
	const char		*body;
	int			 has_body;

	if (!bd->have) {
		cmd_reset(bd);
		return;
	}
	if (sc->ncmds == *bd->cap) {
		*bd->cap = *bd->cap == 0 ? 16 : *bd->cap * 2;
		sc->cmds = tl_reallocarray(sc->cmds, *bd->cap,
		    sizeof(*sc->cmds));
	}
	idx = sc->ncmds++;
	c = &sc->cmds[idx];
	memset(c, 0, sizeof(*c));
	c->argv = vec_take(&bd->argv, &c->argc);
	c->assigns = vec_take(&bd->assigns, &c->nassigns);
	if (bd->nredirs > 0) {
		c->redirs = bd->redirs;
		c->nredirs = bd->nredirs;
		bd->redirs = NULL;
		bd->nredirs = bd->rcap = 0;
	}
	redir_summary(c);
	c->op = bd->next_op;
	c->is_exec = bd->is_exec;
	c->background = bd->bg;
	c->depth = bd->depth;
	c->nest = bd->nnest > 0xffff ? 0xffff : (unsigned)bd->nnest;
	c->in_function = bd->nfunc > 0;
	c->line = bd->cline;
	c->end_line = bd->cend_line;
	c->text = cmd_text(bd->src, bd->cstart, bd->cend);
	bd->next_op = TL_SH_SEQ;
	bd->last_idx = idx;
	bd->emitted = 1;

	has_body = bd->depth < SH_MAXDEPTH && cmd_body(c, &bi);
	body = has_body ? c->argv[bi] : NULL;
	bline = has_body ? bd->alines[bi] : 0;
	cmd_reset(bd);
	if (has_body)	/* c may move: body is a string of its own */
		sh_parse(sc, bd->cap, body, strlen(body), bline,
		    bd->depth + 1);
}

static void
b_keyword(struct builder *bd, const struct keyword *kw)
{
	switch (kw->action) {
	case KW_SKIP:
		break;
	case KW_IF:
		nest_push(bd, 'i');
		break;
	case KW_LOOP:
		nest_push(bd, 'l');
		break;
	case KW_CLOSE:
		nest_pop(bd);
		bd->closed = 1;
		break;
	case KW_FOR:
		nest_push(bd, 'l');
		bd->mode = M_FOR_HEAD;
		break;
	case KW_CASE:
		nest_push(bd, 'c');
		bd->mode = M_CASE_HEAD;
		break;
	case KW_ESAC:
		while (bd->nnest > 0 && nest_pop(bd) != 'c')
			continue;
		bd->closed = 1;
		break;
	case KW_BRACE:
		nest_push(bd, bd->fstate == 1 || bd->fstate == 3 ? 'f' : '{');
		break;
	case KW_FUNCTION:
		bd->mode = M_FUNC_NAME;
		break;
	}
	bd->fstate = 0;
}

static void
b_word(struct builder *bd, const struct token *t)
{
	const struct keyword	*kw;
	const char		*v = tl_buf_str(&t->val);

	switch (bd->mode) {
	case M_CASE_HEAD:
		if (raw_is(bd, t, "in"))
			bd->mode = M_CASE_PAT;
		return;
	case M_CASE_PAT:
		if (raw_is(bd, t, "esac")) {
			while (bd->nnest > 0 && nest_pop(bd) != 'c')
				continue;
			bd->mode = M_CMD;
			bd->closed = 1;
		}
		return;
	case M_FOR_HEAD:
		if (raw_is(bd, t, "do"))
			bd->mode = M_CMD;
		return;
	case M_FUNC_NAME:
		bd->mode = M_CMD;
		bd->fstate = 1;
		return;
	case M_DBRACKET:
		touch(bd, t);
		add_argv(bd, v, t->val.len, t->line);
		if (raw_is(bd, t, "]]"))
			bd->mode = M_CMD;
		return;
	}
	if (bd->rpending) {
		bd->rpending = 0;
		if (!bd->rdrop) {
			add_redir(bd, v);
			touch(bd, t);
		}
		return;
	}
	bd->closed = 0;
	if (!bd->have) {
		if ((kw = keyword_find(bd, t)) != NULL) {
			b_keyword(bd, kw);
			return;
		}
		if (t->end - t->start >= 2 && bd->src[t->start] == '(' &&
		    bd->src[t->start + 1] == '(')
			return;		/* (( arithmetic )) */
		if (raw_is(bd, t, "[["))
			bd->mode = M_DBRACKET;
	}
	bd->fstate = 0;
	if (!bd->is_exec && bd->argv.len == 0 &&
	    assign_prefix(bd->src + t->start, t->end - t->start) > 0) {
		touch(bd, t);
		tl_vec_push(&bd->assigns, tl_strndup(v, t->val.len));
		return;
	}
	if (!bd->is_exec && bd->argv.len == 0 && raw_is(bd, t, "exec")) {
		touch(bd, t);
		bd->is_exec = 1;
		bd->exec_opts = 1;
		return;
	}
	if (bd->exec_opts == 2) {
		touch(bd, t);
		bd->exec_opts = 1;
		return;
	}
	if (bd->exec_opts == 1) {
		if (strcmp(v, "--") == 0) {
			touch(bd, t);
			bd->exec_opts = 0;
			return;
		}
		if (v[0] == '-' && v[1] != '\0' &&
		    strspn(v + 1, "acl") == strlen(v + 1)) {
			touch(bd, t);
			if (v[strlen(v) - 1] == 'a')
				bd->exec_opts = 2;
			return;
		}
		bd->exec_opts = 0;
	}
	touch(bd, t);
	add_argv(bd, v, t->val.len, t->line);
}

static void
b_redir(struct builder *bd, const struct token *t)
{
	if (bd->mode == M_DBRACKET) {
		touch(bd, t);
		add_argv(bd, bd->src + t->start, t->end - t->start, t->line);
		return;
	}
	if (bd->mode != M_CMD)
		return;
	bd->rpending = 1;
	bd->rfd = t->fd;
	bd->rkind = t->rkind;
	bd->rdup = t->dup;
	bd->rdrop = !bd->have && bd->closed;
	if (!bd->rdrop)
		touch(bd, t);
}

static void
b_op(struct builder *bd, const struct token *t)
{
	switch (bd->mode) {
	case M_DBRACKET:
		if (t->op != OP_NL) {
			touch(bd, t);
			add_argv(bd, bd->src + t->start, t->end - t->start,
			    t->line);
		}
		return;
	case M_CASE_HEAD:
		return;
	case M_CASE_PAT:
		if (t->op == OP_RPAREN)
			bd->mode = M_CMD;
		return;
	case M_FOR_HEAD:
		if (t->op == OP_NL || t->op == OP_SEMI)
			bd->mode = M_CMD;
		return;
	case M_FUNC_NAME:
		bd->mode = M_CMD;
		break;
	}
	bd->rpending = 0;
	if (t->op != OP_RPAREN)
		bd->closed = 0;
	switch (t->op) {
	case OP_NL:
	case OP_SEMI:
		if (bd->have)
			flush(bd);
		break;
	case OP_DSEMI:
		flush(bd);
		bd->next_op = TL_SH_SEQ;
		if (nest_top(bd) == 'c')
			bd->mode = M_CASE_PAT;
		break;
	case OP_AND:
		flush(bd);
		bd->next_op = TL_SH_AND;
		break;
	case OP_OR:
		flush(bd);
		bd->next_op = TL_SH_OR;
		break;
	case OP_PIPE:
		flush(bd);
		bd->next_op = TL_SH_PIPE;
		break;
	case OP_BG:
		if (bd->have) {
			bd->bg = 1;
			flush(bd);
		} else if (bd->emitted)
			bd->sc->cmds[bd->last_idx].background = 1;
		bd->next_op = TL_SH_BG;
		break;
	case OP_LPAREN:
		if (bd->have && bd->argv.len == 1 && bd->assigns.len == 0 &&
		    bd->nredirs == 0 && !bd->is_exec) {
			cmd_reset(bd);		/* name () { … } */
			bd->fstate = 2;
		} else if (bd->fstate == 1)
			bd->fstate = 2;
		else if (!bd->have) {
			nest_push(bd, bd->fstate == 3 ? 'f' : '(');
			bd->fstate = 0;
		} else
			flush(bd);
		break;
	case OP_RPAREN:
		if (bd->fstate == 2) {
			bd->fstate = 3;
			break;
		}
		flush(bd);
		nest_pop(bd);
		bd->closed = 1;
		break;
	}
}

static void
sh_parse(struct tl_script *sc, size_t *cap, const char *s, size_t n,
    unsigned first_line, int depth)
{
	struct lexer	 lx;
	struct token	 t;
	struct builder	 bd;
	size_t		 i;

	memset(&lx, 0, sizeof(lx));
	memset(&t, 0, sizeof(t));
	memset(&bd, 0, sizeof(bd));
	lx.s = s;
	lx.n = n;
	lx.line = first_line;
	tl_vec_init(&lx.heredocs);
	tl_buf_init(&t.val);
	bd.sc = sc;
	bd.cap = cap;
	bd.src = s;
	bd.depth = depth;
	tl_vec_init(&bd.argv);
	tl_vec_init(&bd.assigns);
	for (;;) {
		lex_next(&lx, &t);
		if (t.type == T_EOF)
			break;
		if (t.type == T_WORD)
			b_word(&bd, &t);
		else if (t.type == T_REDIR)
			b_redir(&bd, &t);
		else
			b_op(&bd, &t);
	}
	flush(&bd);
	cmd_reset(&bd);
	tl_vec_release(&bd.argv, NULL);
	tl_vec_release(&bd.assigns, NULL);
	free(bd.redirs);
	free(bd.alines);
	for (i = 0; i < lx.heredocs.len; i++) {
		struct heredoc	*h = lx.heredocs.items[i];

		free(h->delim);
		free(h);
	}
	tl_vec_release(&lx.heredocs, NULL);
	tl_buf_release(&t.val);
}

int
tl_shell_parse(struct tl_script **out, const char *s, size_t n,
    unsigned first_line)
{
	struct tl_script	*sc;
	size_t			 cap = 0, e;

	sc = tl_calloc(1, sizeof(*sc));
	if (n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0) {
		s += 3;
		n -= 3;
	}
	if (n >= 2 && s[0] == '#' && s[1] == '!') {
		for (e = 0; e < n && s[e] != '\n'; e++)
			continue;
		if (e > 0 && s[e - 1] == '\r')
			e--;
		sc->shebang = tl_strndup(s, e);
	}
	sh_parse(sc, &cap, s, n, first_line == 0 ? 1 : first_line, 0);
	*out = sc;
	return 0;
}

void
tl_script_free(struct tl_script *sc)
{
	struct tl_sh_cmd	*c;
	size_t			 i, j;

	if (sc == NULL)
		return;
	for (i = 0; i < sc->ncmds; i++) {
		c = &sc->cmds[i];
		for (j = 0; j < c->argc; j++)
			free(c->argv[j]);
		free(c->argv);
		for (j = 0; j < c->nassigns; j++)
			free(c->assigns[j]);
		free(c->assigns);
		for (j = 0; j < c->nredirs; j++)
			free(c->redirs[j].target);
		free(c->redirs);
		free(c->redirect);
		free(c->redirect_err);
		free(c->text);
	}
	free(sc->cmds);
	free(sc->shebang);
	free(sc);
}

/* --- programs and wrappers ------------------------------------------------ */

const char *
tl_sh_prog(const struct tl_sh_cmd *c)
{
	if (c->argc == 0)
		return "";
	return base_name(c->argv[0]);
}

/*
 * Process wrappers that run the rest of their arguments as a command.
 * argopts: short options that take a value; longargs: long options that
 * take a value in the next word (" name name "); operands: words between
 * the options and the command; stopopts: options that make it something
 * else than a wrapper ("command -v"); needopt: an option it must have to
 * be a wrapper ("runuser -u"); assigns: NAME=value words allowed;
 * dashdash: the command follows "--" only.
 */
static const struct wrapper {
	const char	*name;		/* static */
	const char	*argopts;	/* static */
	const char	*longargs;	/* static */
	const char	*stopopts;	/* static */
	int		 operands;
	char		 needopt;
	int		 assigns;
	int		 dashdash;
} wrappers[] = {
	{ "builtin", "", "", "", 0, 0, 0, 0 },
	{ "catatonit", "", "", "", 0, 0, 0, 0 },
	{ "chpst", "uUbe/nlLmdofpc", "", "", 0, 0, 0, 0 },
	{ "chroot", "", " userspec groups ", "", 1, 0, 0, 0 },
	{ "command", "", "", "vV", 0, 0, 0, 0 },
	{ "doas", "uC", "", "", 0, 0, 0, 0 },
	{ "dumb-init", "r", " rewrite ", "", 0, 0, 0, 0 },
	{ "env", "uCS", " unset chdir split-string ", "", 0, 0, 1, 0 },
	{ "gosu", "", "", "", 1, 0, 0, 0 },
	{ "ionice", "cnp", " class classdata pid pgid uid ", "", 0, 0, 0, 0 },
	{ "nice", "n", " adjustment ", "", 0, 0, 0, 0 },
	{ "nohup", "", "", "", 0, 0, 0, 0 },
	{ "runuser", "ugGsw",
	    " user group supp-group shell whitelist-environment ", "",
	    0, 'u', 0, 0 },
	{ "s6-setuidgid", "", "", "", 1, 0, 0, 0 },
	{ "setpriv", "",
	    " reuid regid ruid euid rgid egid groups inh-caps ambient-caps"
	    " bounding-set securebits pdeathsig selinux-label"
	    " apparmor-profile ", "", 0, 0, 0, 0 },
	{ "setsid", "", "", "", 0, 0, 0, 0 },
	{ "setuidgid", "", "", "", 1, 0, 0, 0 },
	{ "stdbuf", "ioe", " input output error ", "", 0, 0, 0, 0 },
	{ "su-exec", "", "", "", 1, 0, 0, 0 },
	{ "sudo", "ugCDhpRrtTU",
	    " user group close-from chdir host prompt chroot role type"
	    " command-timeout other-user ", "", 0, 0, 1, 0 },
	{ "time", "fo", " format output ", "", 0, 0, 0, 0 },
	{ "timeout", "sk", " signal kill-after ", "", 1, 0, 0, 0 },
	{ "tini", "pe", "", "", 0, 0, 0, 0 },
	{ "wait-for", "", "", "", 0, 0, 0, 1 },
	{ "wait-for-it", "", "", "", 0, 0, 0, 1 },
	{ "wait-for-it.sh", "", "", "", 0, 0, 0, 1 },
	{ "wait-for.sh", "", "", "", 0, 0, 0, 1 },
	{ "with-contenv", "", "", "", 0, 0, 0, 0 }
};

static const struct wrapper *
wrapper_find(const char *name)
{
	size_t	 i;

	for (i = 0; i < sizeof(wrappers) / sizeof(wrappers[0]); i++)
		if (strcmp(name, wrappers[i].name) == 0)
			return &wrappers[i];
	return NULL;
}

static int
long_takes_arg(const struct wrapper *w, const char *name)
{
	const char	*p;
	size_t		 n = strlen(name);

	for (p = w->longargs; (p = strstr(p, name)) != NULL; p += n)
		if (p > w->longargs && p[-1] == ' ' && p[n] == ' ')
			return 1;
	return 0;
}

/*
 * Skip one wrapper at argv[i] and its options; the index of what it
 * runs, or i when it runs nothing (or is not a wrapper after all).
 */
static size_t
wrapper_skip(const struct tl_sh_cmd *c, const struct wrapper *w, size_t i)
{
	const char	*a;
	size_t		 j, k;
	int		 need = w->needopt == 0, dd = 0;

	for (j = i + 1; j < c->argc; ) {
		a = c->argv[j];
		if (strcmp(a, "--") == 0) {
			j++;
			dd = 1;
			break;
		}
		if (w->dashdash) {
			j++;
			continue;
		}
		if (w->assigns && assign_prefix(a, strlen(a)) > 0) {
			j++;
			continue;
		}
		if (a[0] == '-' && a[1] == '-') {
			if (w->needopt == 'u' && (strcmp(a, "--user") == 0 ||
			    strncmp(a, "--user=", 7) == 0))
				need = 1;
			j += strchr(a, '=') == NULL &&
			    long_takes_arg(w, a + 2) ? 2 : 1;
			continue;
		}
		if (a[0] != '-' || a[1] == '\0')
			break;
		for (k = 1; a[k] != '\0'; k++) {
			if (strchr(w->stopopts, a[k]) != NULL)
				return i;
			if (a[k] == w->needopt)
				need = 1;
			if (strchr(w->argopts, a[k]) != NULL) {
				if (a[k + 1] == '\0')
					j++;
				break;
			}
		}
		j++;
	}
	if ((w->dashdash && !dd) || !need)
		return i;
	j += (size_t)w->operands;
	return j < c->argc ? j : i;
}

size_t
tl_sh_prog_index(const struct tl_sh_cmd *c)
{
	const struct wrapper	*w;
	size_t			 i = 0, j;

	while (i < c->argc) {
		if ((w = wrapper_find(base_name(c->argv[i]))) == NULL)
			break;
		if ((j = wrapper_skip(c, w, i)) == i)
			break;
		i = j;
	}
	return i;
}

const char *
tl_sh_real_prog(const struct tl_sh_cmd *c)
{
	if (c->argc == 0)
		return "";
	return base_name(c->argv[tl_sh_prog_index(c)]);
}

int
tl_sh_path_is_stream(const char *p)
{
	static const char *const devs[] = {
		"/dev/null", "/dev/stdout", "/dev/stderr", "/dev/stdin",
		"/dev/tty", "/dev/console", NULL
	};
	static const char *const dirs[] = {
		"/dev/fd/", "/dev/pts/", "/proc/self/fd/",
		"/proc/thread-self/fd/", NULL
	};
	const char	*const *d;
	const char	*q;

	if (in_list(p, devs))
		return 1;
	for (d = dirs; *d != NULL; d++)
		if (tl_str_has_prefix(p, *d) && p[strlen(*d)] != '\0')
			return 1;
	if (!tl_str_has_prefix(p, "/proc/"))
		return 0;
	for (q = p + 6; isdigit((unsigned char)*q); q++)
		continue;
	return q > p + 6 && tl_str_has_prefix(q, "/fd/") && q[4] != '\0';
}

/* --- Procfile ------------------------------------------------------------- */

int
tl_procfile_parse(struct tl_procfile **out, const char *s, size_t n)
{
	struct tl_procfile	*pf;
	struct tl_proc		*pr;
	size_t			 a, e, p, q, r, z, cap = 0;
	unsigned		 line = 0;

	pf = tl_calloc(1, sizeof(*pf));
	for (a = 0; a < n; a = e + 1) {
		line++;
		for (e = a; e < n && s[e] != '\n'; e++)
			continue;
		z = e;
		while (z > a && is_blank(s[z - 1]))
			z--;
		for (p = a; p < z && is_blank(s[p]); p++)
			continue;
		for (q = p; q < z && (isalnum((unsigned char)s[q]) ||
		    s[q] == '_' || s[q] == '-'); q++)
			continue;
		if (q == p || q >= z || s[q] != ':')
			continue;
		for (r = q + 1; r < z && is_blank(s[r]); r++)
			continue;
		if (r == z)
			continue;
		if (pf->nprocs == cap) {
			cap = cap == 0 ? 8 : cap * 2;
			pf->procs = tl_reallocarray(pf->procs, cap,
			    sizeof(*pf->procs));
		}
		pr = &pf->procs[pf->nprocs++];
		pr->type = tl_strndup(s + p, q - p);
		pr->command = tl_strndup(s + r, z - r);
		pr->line = line;
		tl_shell_parse(&pr->script, s + r, z - r, line);
	}
	*out = pf;
	return 0;
}

void
tl_procfile_free(struct tl_procfile *pf)
{
	size_t	 i;

	if (pf == NULL)
		return;
	for (i = 0; i < pf->nprocs; i++) {
		free(pf->procs[i].type);
		free(pf->procs[i].command);
		tl_script_free(pf->procs[i].script);
	}
	free(pf->procs);
	free(pf);
}

/* --- dotenv --------------------------------------------------------------- */

static int
is_env_key_char(int c)
{
	return isalnum((unsigned char)c) || c == '_' || c == '.' || c == '-';
}

/*
 * A quoted dotenv value starting at s[q] (the quote); on success the
 * decoded value goes to b, *end is past the closing quote and *lines
 * counts the newlines crossed.  0 when the quote is never closed.
 */
static int
env_quoted(const char *s, size_t n, size_t q, struct tl_buf *b,
    size_t *end, unsigned *lines)
{
	char	 qc = s[q], c, d;
	size_t	 i;

	*lines = 0;
	for (i = q + 1; i < n; i++) {
		c = s[i];
		if (c == qc) {
			*end = i + 1;
			return 1;
		}
		if (c == '\n')
			(*lines)++;
		if (c == '\r' && i + 1 < n && s[i + 1] == '\n')
			continue;
		if (c == '\\' && qc == '"' && i + 1 < n) {
			d = s[++i];
			switch (d) {
			case 'n':
				tl_buf_addc(b, '\n');
				break;
			case 'r':
				tl_buf_addc(b, '\r');
				break;
			case 't':
				tl_buf_addc(b, '\t');
				break;
			case '"':
			case '\\':
			case '$':
				tl_buf_addc(b, d);
				break;
			default:
				if (d == '\n')
					(*lines)++;
				tl_buf_addc(b, '\\');
				tl_buf_addc(b, d);
				break;
			}
			continue;
		}
		tl_buf_addc(b, c);
	}
	return 0;
}

int
tl_dotenv_parse(struct tl_dotenv **out, const char *s, size_t n)
{
	struct tl_dotenv	*de;
	struct tl_env_var	*v;
	struct tl_buf		 b = TL_BUF_INIT;
	size_t			 a, e, p, k, q, z, end, cap = 0;
	unsigned		 line = 1, nl;
	int			 exported, quoted;

	de = tl_calloc(1, sizeof(*de));
	a = n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
	for (; a < n; a = e + 1, line++) {
		for (e = a; e < n && s[e] != '\n'; e++)
			continue;
		for (p = a; p < e && (s[p] == ' ' || s[p] == '\t'); p++)
			continue;
		if (p == e || s[p] == '#')
			continue;
		exported = 0;
		if (e - p > 7 && memcmp(s + p, "export", 6) == 0 &&
		    (s[p + 6] == ' ' || s[p + 6] == '\t')) {
			exported = 1;
			for (p += 6; p < e && is_blank(s[p]); p++)
				continue;
		}
		for (k = p; k < e && is_env_key_char(s[k]); k++)
			continue;
		if (k == p)
			continue;
		for (q = k; q < e && (s[q] == ' ' || s[q] == '\t'); q++)
			continue;
		if (q < e && s[q] == '=')
			q++;
		else if (q == k && q + 1 < e && s[q] == ':' &&
		    (s[q + 1] == ' ' || s[q + 1] == '\t'))
			q++;
		else
			continue;
		while (q < e && (s[q] == ' ' || s[q] == '\t'))
			q++;
		tl_buf_clear(&b);
		quoted = 0;
		nl = 0;
		if (q < e && (s[q] == '\'' || s[q] == '"' || s[q] == '`') &&
		    env_quoted(s, n, q, &b, &end, &nl)) {
			quoted = s[q];
			z = q + 1;
		} else {
			/* unquoted: up to " #", trailing blanks trimmed */
			tl_buf_clear(&b);
			nl = 0;
			for (end = q; end < e; end++)
				if (s[end] == '#' && end > q &&
				    is_blank(s[end - 1]))
					break;
			while (end > q && is_blank(s[end - 1]))
				end--;
			tl_buf_add(&b, s + q, end - q);
			z = q;
		}
		if (de->nvars == cap) {
			cap = cap == 0 ? 16 : cap * 2;
			de->vars = tl_reallocarray(de->vars, cap,
			    sizeof(*de->vars));
		}
		v = &de->vars[de->nvars++];
		v->key = tl_strndup(s + p, k - p);
		v->value = tl_strndup(tl_buf_str(&b), b.len);
		v->line = line;
		v->value_col = (unsigned)(z - a) + 1;
		v->quoted = quoted;
		v->exported = exported;
		if (quoted) {
			/* go on after the line where the value closed */
			line += nl;
			for (e = end; e < n && s[e] != '\n'; e++)
				continue;
		}
	}
	tl_buf_release(&b);
	*out = de;
	return 0;
}

void
tl_dotenv_free(struct tl_dotenv *de)
{
	size_t	 i;

	if (de == NULL)
		return;
	for (i = 0; i < de->nvars; i++) {
		free(de->vars[i].key);
		free(de->vars[i].value);
	}
	free(de->vars);
	free(de);
}
