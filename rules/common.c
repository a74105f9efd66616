/*
 * common.c: tables and helpers shared by the rule modules (see common.h).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common.h"

/* ------------------------------------------------------- secret names */

static const char *const secret_words[] = {
	"PASSWORD", "PASSWD", "SECRET", "SECRETS", "TOKEN",
	"APIKEY", "CREDENTIAL", "CREDENTIALS", "PASSPHRASE",
	NULL
};

/* Words that say secret only as the last word of a longer name: DB_PASS, not PWD. */
static const char *const secret_last_words[] = {
	"PASS", "PWD", "PW", NULL
};

/* Two-word tokens (matched as consecutive words). */
static const char *const secret_pairs[][2] = {
	{ "API", "KEY" }, { "ACCESS", "KEY" }, { "SECRET", "KEY" },
	{ "PRIVATE", "KEY" }, { "AUTH", "KEY" }, { "SIGNING", "KEY" },
	{ "ENCRYPTION", "KEY" }, { "MASTER", "KEY" }, { "CLIENT", "SECRET" },
	{ "AUTH", "TOKEN" }
};

/* Last words that make the name point at or describe a secret. */
static const char *const secret_allow_last[] = {
	"ARN", "PARAM", "PARAMETER", "NAME", "PATH", "FILE", "URL", "URI",
	"TYPE", "LENGTH", "LEN", "TTL", "EXPIRY", "EXPIRES", "EXPIRATION",
	"HEADER", "ENABLED", "REGION", "VERSION", "ID", "KEYID", "FIELD",
	"PREFIX", "ENDPOINT", "POLICY", "ROTATION", "LOCATION", "REF", "KMS",
	"SECONDS", "SECS", "MINUTES", "HOURS", "DAYS", "DURATION", "TIMEOUT",
	"INTERVAL", "LIFETIME", "ALGORITHM", "COUNT", "PORT", "HOST",
	NULL
};

static size_t
split_words(const char *name, char words[][32], size_t max)
{
	size_t	 n = 0, len = 0;
	const char *p;

	for (p = name; ; p++) {
		int c = (unsigned char)*p;

		/* camelCase too: DbPassword is DB PASSWORD (APIKey stays one). */
		if (len > 0 && isupper(c) && p > name &&
		    (islower((unsigned char)p[-1]) ||
		    isdigit((unsigned char)p[-1])) && n < max) {
			words[n][len < 31 ? len : 31] = '\0';
			n++;
			len = 0;
		}
		if (c == '\0' || c == '_' || c == '-' || c == '.') {
			if (len > 0 && n < max) {
				words[n][len < 31 ? len : 31] = '\0';
				n++;
			}
			len = 0;
			if (c == '\0')
				break;
			continue;
		}
		if (n < max && len < 31)
			words[n][len] = (char)toupper(c);
		len++;
	}
	return n;
}

static int
in_list(const char *w, const char *const *list)
{
	for (; *list != NULL; list++)
		if (strcmp(w, *list) == 0)
			return 1;
	return 0;
}

int
tl_name_is_secret(const char *name)
{
	char	 words[16][32];
	size_t	 n, i, j;
	int	 hit = 0;

	n = split_words(name, words, 16);
	if (n == 0)
		return 0;
	/* ACCESS_KEY_ID is the public half of an AWS key pair, not secret. */
	if (in_list(words[n - 1], secret_allow_last))
		return 0;
	if (n > 1 && in_list(words[n - 1], secret_last_words))
		return 1;
	/* SecretsManagerSecretForMQ names a Secrets Manager secret. */
	for (i = 0; i + 1 < n; i++)
		if (strcmp(words[i], "SECRETS") == 0 &&
		    strcmp(words[i + 1], "MANAGER") == 0)
			return 0;
	for (i = 0; i < n && !hit; i++) {
		if (in_list(words[i], secret_words))
			hit = 1;
		for (j = 0; j < TL_NELEM(secret_pairs) && i + 1 < n; j++)
			if (strcmp(words[i], secret_pairs[j][0]) == 0 &&
			    strcmp(words[i + 1], secret_pairs[j][1]) == 0)
				hit = 1;
	}
	return hit;
}

/* ------------------------------------------------------- placeholders */

static const char *const placeholder_words[] = {
	"changeme", "change_me", "change-me", "changeit", "replaceme",
	"replace_me", "replace-me", "example", "sample", "dummy", "placeholder",
	"todo", "tbd", "fixme", "your", "xxx", "none", "null", "nil", "redacted",
	"secret", "password", "<", "...", "***",
	NULL
};

int
tl_value_is_placeholder(const char *v)
{
	size_t	 n, i, same;

	while (*v == ' ' || *v == '\t' || *v == '"' || *v == '\'')
		v++;
	n = strlen(v);
	while (n > 0 && (v[n - 1] == ' ' || v[n - 1] == '"' ||
	    v[n - 1] == '\''))
		n--;
	if (n == 0)
		return 1;
	if (v[0] == '$' || strstr(v, "${") != NULL || strstr(v, "{{") != NULL ||
	    strstr(v, "%(") != NULL || tl_str_has_prefix(v, "arn:") ||
	    (v[0] == '<' && v[n - 1] == '>') || (v[0] == '%' && v[n - 1] == '%'))
		return 1;
	/* One character repeated: xxxxxxxx, ********, 00000000. */
	for (i = 1, same = 1; i < n; i++)
		if (v[i] == v[0])
			same++;
	if (same == n && n >= 3)
		return 1;
	for (i = 0; placeholder_words[i] != NULL; i++)
		if (tl_memcasemem(v, n, placeholder_words[i],
		    strlen(placeholder_words[i])) != NULL && n <= 40)
			return 1;
	return 0;
}

/* -------------------------------------------------------------- paths */

static int
has_component(const char *path, const char *const *dirs)
{
	const char	*p = path, *e;
	size_t		 i, n;

	while (*p != '\0') {
		e = strchr(p, '/');
		if (e == NULL)
			break;	/* the last component is the file name */
		n = (size_t)(e - p);
		for (i = 0; dirs[i] != NULL; i++)
			if (strlen(dirs[i]) == n && strncasecmp(p, dirs[i],
			    n) == 0)
				return 1;
		p = e + 1;
	}
	return 0;
}

static const char *const docs_dirs[] = {
	"docs", "doc", "documentation", "_site", "site", NULL
};

int
tl_path_is_docs(const char *path)
{
	return has_component(path, docs_dirs);
}

static const char *const dev_words[] = {
	"DEV", "DEVELOP", "DEVELOPMENT", "LOCAL", "DEBUG", "DEVCONTAINER",
	"TEST", NULL
};

int
tl_path_is_dev_artefact(const char *path)
{
	char	 words[16][32], *copy, *p;
	size_t	 n, i;

	/* Every word of the path: '/' separates words like '_', '-', '.'. */
	copy = tl_strdup(path);
	for (p = copy; *p != '\0'; p++)
		if (*p == '/')
			*p = '.';
	n = split_words(copy, words, 16);
	free(copy);
	for (i = 0; i < n; i++)
		if (in_list(words[i], dev_words))
			return 1;
	return 0;
}

char *
tl_path_dir(const char *path)
{
	const char	*slash = strrchr(path, '/');

	return slash == NULL ? tl_strdup("") :
	    tl_strndup(path, (size_t)(slash - path));
}

/* ----------------------------------------------------------- templates */

int
tl_yvalue_may_be(const struct tl_ynode *n, const char *s)
{
	const struct tl_ynode	*arms;
	size_t			 i;

	if (n == NULL)
		return 0;
	if (n->type == TL_YSCALAR && n->tag == NULL)
		return strcasecmp(n->value, s) == 0;
	arms = NULL;
	if (n->tag != NULL && strcmp(n->tag, "!If") == 0)
		arms = n;
	else if (n->type == TL_YMAP && n->npairs == 1)
		arms = tl_ymap_get(n, "Fn::If");
	if (arms == NULL || arms->type != TL_YSEQ || arms->nitems != 3)
		return 0;
	for (i = 1; i < 3; i++)
		if (tl_yvalue_may_be(arms->items[i], s))
			return 1;
	return 0;
}

/* ----------------------------------------------------- standard library */

/* Python's sys.stdlib_module_names (3.11), public names only, sorted. */
static const char *const python_stdlib[] = {
	"abc", "aifc", "antigravity", "argparse", "array", "ast", "asynchat",
	"asyncio", "asyncore", "atexit", "audioop", "base64", "bdb",
	"binascii", "bisect", "builtins", "bz2", "cProfile", "calendar",
	"cgi", "cgitb", "chunk", "cmath", "cmd", "code", "codecs", "codeop",
	"collections", "colorsys", "compileall", "concurrent", "configparser",
	"contextlib", "contextvars", "copy", "copyreg", "crypt", "csv",
	"ctypes", "curses", "dataclasses", "datetime", "dbm", "decimal",
	"difflib", "dis", "distutils", "doctest", "email", "encodings",
	"ensurepip", "enum", "errno", "faulthandler", "fcntl", "filecmp",
	"fileinput", "fnmatch", "fractions", "ftplib", "functools", "gc",
	"genericpath", "getopt", "getpass", "gettext", "glob", "graphlib",
	"grp", "gzip", "hashlib", "heapq", "hmac", "html", "http", "idlelib",
	"imaplib", "imghdr", "imp", "importlib", "inspect", "io", "ipaddress",
	"itertools", "json", "keyword", "lib2to3", "linecache", "locale",
	"logging", "lzma", "mailbox", "mailcap", "marshal", "math",
	"mimetypes", "mmap", "modulefinder", "msilib", "msvcrt",
	"multiprocessing", "netrc", "nis", "nntplib", "nt", "ntpath",
	"nturl2path", "numbers", "opcode", "operator", "optparse", "os",
	"ossaudiodev", "pathlib", "pdb", "pickle", "pickletools", "pipes",
	"pkgutil", "platform", "plistlib", "poplib", "posix", "posixpath",
	"pprint", "profile", "pstats", "pty", "pwd", "py_compile", "pyclbr",
	"pydoc", "pydoc_data", "pyexpat", "queue", "quopri", "random", "re",
	"readline", "reprlib", "resource", "rlcompleter", "runpy", "sched",
	"secrets", "select", "selectors", "shelve", "shlex", "shutil",
	"signal", "site", "smtpd", "smtplib", "sndhdr", "socket",
	"socketserver", "spwd", "sqlite3", "sre_compile", "sre_constants",
	"sre_parse", "ssl", "stat", "statistics", "string", "stringprep",
	"struct", "subprocess", "sunau", "symtable", "sys", "sysconfig",
	"syslog", "tabnanny", "tarfile", "telnetlib", "tempfile", "termios",
	"textwrap", "this", "threading", "time", "timeit", "tkinter", "token",
	"tokenize", "tomllib", "trace", "traceback", "tracemalloc", "tty",
	"turtle", "turtledemo", "types", "typing", "unicodedata", "unittest",
	"urllib", "uu", "uuid", "venv", "warnings", "wave", "weakref",
	"webbrowser", "winreg", "winsound", "wsgiref", "xdrlib", "xml",
	"xmlrpc", "zipapp", "zipfile", "zipimport", "zlib", "zoneinfo",
};

/* Node's require('module').builtinModules (20.x), top-level names, sorted. */
static const char *const node_builtins[] = {
	"assert", "async_hooks", "buffer", "child_process", "cluster",
	"console", "constants", "crypto", "dgram", "diagnostics_channel",
	"dns", "domain", "events", "fs", "http", "http2", "https",
	"inspector", "module", "net", "os", "path", "perf_hooks", "process",
	"punycode", "querystring", "readline", "repl", "stream",
	"string_decoder", "sys", "timers", "tls", "trace_events", "tty",
	"url", "util", "v8", "vm", "wasi", "worker_threads", "zlib",
};

static int
cmp_name(const void *key, const void *elem)
{
	return strcmp(key, *(const char *const *)elem);
}

static int
in_sorted(const char *const *tab, size_t n, const char *s, size_t len)
{
	char	 name[64];

	if (len == 0 || len >= sizeof(name))
		return 0;
	memcpy(name, s, len);
	name[len] = '\0';
	return bsearch(name, tab, n, sizeof(*tab), cmp_name) != NULL;
}

int
tl_python_stdlib(const char *s, size_t len)
{
	return in_sorted(python_stdlib, TL_NELEM(python_stdlib), s, len);
}

int
tl_node_builtin(const char *s, size_t len)
{
	if (len > 5 && strncmp(s, "node:", 5) == 0)
		return 1;
	return in_sorted(node_builtins, TL_NELEM(node_builtins), s, len);
}

/* ------------------------------------------------------ start commands */

static void
starts_add(struct tl_starts *s, const struct tl_start *st)
{
	s->v = tl_reallocarray(s->v, s->n + 1, sizeof(*s->v));
	s->v[s->n++] = *st;
}

/* Append a word single-quoted for the shell, after a space when not first. */
static void
add_quoted(struct tl_buf *b, const char *w)
{
	if (b->len > 0)
		tl_buf_addc(b, ' ');
	tl_buf_addc(b, '\'');
	for (; *w != '\0'; w++)
		if (*w == '\'')
			tl_buf_adds(b, "'\\''");
		else
			tl_buf_addc(b, *w);
	tl_buf_addc(b, '\'');
}

/* Parse an instruction's command, exec form joined as quoted words. */
static struct tl_script *
parse_instr(const struct tl_df_instr *in)
{
	struct tl_script	*sc = NULL;
	struct tl_buf		 b = TL_BUF_INIT;
	size_t			 i;

	if (in->exec_form) {
		for (i = 0; i < in->argc; i++)
			add_quoted(&b, in->argv[i]);
	} else
		tl_buf_adds(&b, in->args);
	if (tl_shell_parse(&sc, tl_buf_str(&b), b.len, in->line) != 0)
		sc = NULL;
	tl_buf_release(&b);
	return sc;
}

const struct tl_df_instr *
tl_df_effective(const struct tl_dockerfile *df, const struct tl_df_stage *st,
    const char *kw, const struct tl_df_stage **where)
{
	size_t	 i, depth;

	for (depth = 0; st != NULL && depth < df->nstages; depth++) {
		for (i = st->first + st->count; i > st->first; i--)
			if (strcmp(df->instrs[i - 1].keyword, kw) == 0) {
				*where = st;
				return &df->instrs[i - 1];
			}
		st = st->parent >= 0 ? &df->stages[st->parent] : NULL;
	}
	return NULL;
}

static int
script_named(const struct tl_starts *s, const char *name)
{
	size_t	 i, j, k;
	const char *w, *base;

	for (i = 0; i < s->n; i++) {
		if (s->v[i].script == NULL || s->v[i].kind == TL_START_SCRIPT)
			continue;
		for (j = 0; j < s->v[i].script->ncmds; j++) {
			const struct tl_sh_cmd *c = &s->v[i].script->cmds[j];

			for (k = 0; k < c->argc; k++) {
				w = c->argv[k];
				base = strrchr(w, '/');
				base = base != NULL ? base + 1 : w;
				if (strcmp(base, name) == 0)
					return 1;
			}
		}
	}
	return 0;
}

/*
 * Join a directory and a path the way a build resolves it, into out:
 * "." and ".." components resolved, no leading "./" nor trailing "/".
 * An absolute p replaces dir.  0 when ".." climbs above the top.
 */
int
tl_path_join(struct tl_buf *out, const char *dir, const char *p)
{
	char		*copy, *t, *save = NULL;
	size_t		 len, keep[128], n = 0;
	int		 ok = 1;

	tl_buf_clear(out);
	copy = tl_printf("%s/%s", p[0] == '/' ? "" : dir, p);
	if (copy[0] == '/' && (dir[0] == '/' || p[0] == '/'))
		tl_buf_addc(out, '/');
	for (t = strtok_r(copy, "/", &save); t != NULL;
	    t = strtok_r(NULL, "/", &save)) {
		if (strcmp(t, ".") == 0)
			continue;
		if (strcmp(t, "..") == 0) {
			if (n == 0) {
				ok = 0;
				break;
			}
			out->len = keep[--n];
			out->data[out->len] = '\0';
			continue;
		}
		if (n < TL_NELEM(keep))
			keep[n++] = out->len;
		len = out->len;
		if (len > 0 && out->data[len - 1] != '/')
			tl_buf_addc(out, '/');
		tl_buf_adds(out, t);
	}
	free(copy);
	return ok;
}

size_t
tl_df_copy_words(const struct tl_df_instr *in, char ***out)
{
	char	**w = NULL, *copy, *t, *save = NULL;
	size_t	  n = 0, i;

	if (in->exec_form) {
		w = tl_reallocarray(NULL, in->argc + 1, sizeof(*w));
		for (i = 0; i < in->argc; i++)
			w[n++] = tl_strdup(in->argv[i]);
	} else {
		copy = tl_strdup(in->args);
		for (t = strtok_r(copy, " \t\n", &save); t != NULL;
		    t = strtok_r(NULL, " \t\n", &save)) {
			w = tl_reallocarray(w, n + 1, sizeof(*w));
			w[n++] = tl_strdup(t);
		}
		free(copy);
	}
	*out = w;
	return n;
}

/*
 * The build-context path (relative, no leading "./") that container path
 * cpath was copied from by the COPY/ADD instructions of the stage chain
 * ending at final, or NULL.  Later copies win, as in the image.
 */
void
tl_words_free(char **w, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		free(w[i]);
	free(w);
}

size_t
tl_df_stage_chain(const struct tl_dockerfile *df,
    const struct tl_df_stage *final, const struct tl_df_stage **chain)
{
	const struct tl_df_stage *st, *rev[TL_DF_CHAIN_MAX];
	size_t			 n = 0, i;

	for (st = final; st != NULL && n < TL_DF_CHAIN_MAX;
	    st = st->parent >= 0 ? &df->stages[st->parent] : NULL)
		rev[n++] = st;
	for (i = 0; i < n; i++)
		chain[i] = rev[n - 1 - i];
	return n;
}

/* The WORKDIR in effect at the end of the stage chain. */
static void
stage_workdir(const struct tl_dockerfile *df, const struct tl_df_stage *final,
    struct tl_buf *workdir)
{
	const struct tl_df_stage *chain[TL_DF_CHAIN_MAX];
	const struct tl_df_instr *in;
	struct tl_buf		 tmp = TL_BUF_INIT;
	size_t			 n, i, j;

	n = tl_df_stage_chain(df, final, chain);
	tl_buf_clear(workdir);
	tl_buf_addc(workdir, '/');
	for (i = 0; i < n; i++)
		for (j = chain[i]->first + 1; j < chain[i]->first +
		    chain[i]->count; j++) {
			in = &df->instrs[j];
			if (strcmp(in->keyword, "WORKDIR") != 0)
				continue;
			tl_path_join(&tmp, tl_buf_str(workdir), in->args);
			tl_buf_clear(workdir);
			tl_buf_adds(workdir, tl_buf_str(&tmp));
		}
	tl_buf_release(&tmp);
}

static char *
copied_from(const struct tl_dockerfile *df, const struct tl_df_stage *final,
    const char *cpath)
{
	const struct tl_df_stage *chain[TL_DF_CHAIN_MAX], *st;
	const struct tl_df_instr *in;
	struct tl_buf		 dest = TL_BUF_INIT, tmp = TL_BUF_INIT;
	struct tl_buf		 wd = TL_BUF_INIT, *workdir = &wd;
	char			**w, *found = NULL;
	const char		*src, *base, *rest;
	size_t			 nchain, i, j, k, nw;
	int			 dir;

	nchain = tl_df_stage_chain(df, final, chain);
	tl_buf_addc(workdir, '/');
	for (i = 0; i < nchain; i++) {
		st = chain[i];
		for (j = st->first + 1; j < st->first + st->count; j++) {
			in = &df->instrs[j];
			if (strcmp(in->keyword, "WORKDIR") == 0) {
				tl_path_join(&tmp, tl_buf_str(workdir), in->args);
				tl_buf_clear(workdir);
				tl_buf_adds(workdir, tl_buf_str(&tmp));
				continue;
			}
			if ((strcmp(in->keyword, "COPY") != 0 &&
			    strcmp(in->keyword, "ADD") != 0) ||
			    tl_df_instr_flag(in, "from") != NULL)
				continue;
			if ((nw = tl_df_copy_words(in, &w)) >= 2) {
				tl_path_join(&dest, tl_buf_str(workdir),
				    w[nw - 1]);
				dir = nw > 2 || tl_str_has_suffix(w[nw - 1], "/");
				/* What cpath is below the destination, or NULL. */
				rest = tl_path_within(tl_buf_str(&dest), cpath);
				for (k = 0; k + 1 < nw; k++) {
					src = w[k];
					while (tl_str_has_prefix(src, "./"))
						src += 2;
					base = strrchr(src, '/');
					base = base != NULL && base[1] != '\0' ?
					    base + 1 : src;
					if (*src == '\0' || strcmp(src, ".") == 0 ||
					    tl_str_has_suffix(src, "/")) {
						/* A directory: its contents. */
						if (rest == NULL || *rest == '\0')
							continue;
						free(found);
						found = tl_printf("%s%s",
						    *src == '\0' || strcmp(src,
						    ".") == 0 ? "" : src, rest);
					} else if (dir ? rest != NULL &&
					    strcmp(rest, base) == 0 :
					    rest != NULL && *rest == '\0') {
						/* A file, into a directory or as named. */
						free(found);
						found = tl_strdup(src);
					} else if (!dir && rest != NULL &&
					    *rest != '\0') {
						/* COPY bin /app/bin: one directory by name. */
						free(found);
						found = tl_printf("%s/%s", src, rest);
					}
				}
			}
			tl_words_free(w, nw);
		}
	}
	tl_buf_release(&dest);
	tl_buf_release(&tmp);
	tl_buf_release(&wd);
	return found;
}

/* A readable script of the repository at dir/rel (or rel), or NULL. */
static const struct tl_file *
script_at(const struct tl_repo *repo, const char *dir, const char *rel)
{
	const struct tl_file	*f = NULL;
	char			*p;

	while (tl_str_has_prefix(rel, "./"))
		rel += 2;
	if (*dir != '\0') {
		p = tl_printf("%s/%s", dir, rel);
		f = tl_repo_file(repo, p);
		free(p);
	}
	if (f == NULL)
		f = tl_repo_file(repo, rel);
	if (f == NULL || f->kind != TL_FILE_SCRIPT || f->script == NULL ||
	    !f->loaded || f->broken || f->test || f->vendored)
		return NULL;
	return f;
}

static int
start_has_script(const struct tl_starts *s, const struct tl_file *f)
{
	size_t	 i;

	for (i = 0; i < s->n; i++)
		if (s->v[i].kind == TL_START_SCRIPT && s->v[i].file == f)
			return 1;
	return 0;
}

static void
add_script(struct tl_starts *s, const struct tl_file *f,
    const struct tl_file *via, unsigned via_line)
{
	struct tl_start	 st;

	if (f == NULL || start_has_script(s, f))
		return;
	memset(&st, 0, sizeof(st));
	st.kind = TL_START_SCRIPT;
	st.file = f;
	st.line = 1;
	st.script = f->script;
	st.via = via;
	st.via_line = via_line;
	starts_add(s, &st);
}

/*
 * Scripts the start commands s->v[first..] name by path.  add_script()
 * may move s->v, so the start is looked up again by index after it.
 */
static void
follow_paths(struct tl_starts *s, const struct tl_repo *repo, size_t first)
{
	struct tl_buf		 wd = TL_BUF_INIT, cpath = TL_BUF_INIT;
	const struct tl_sh_cmd	*c;
	const struct tl_df_stage *final;
	const struct tl_file	*file, *script;
	char			*dir, *ctx;
	size_t			 i, j, k, n = s->n;
	unsigned		 line;

	for (i = first; i < n; i++) {
		file = s->v[i].file;
		line = s->v[i].line;
		dir = tl_path_dir(file->path);
		final = s->v[i].stage != NULL ?
		    tl_dockerfile_final(file->docker) : NULL;
		if (final != NULL)
			stage_workdir(file->docker, final, &wd);
		for (j = 0; j < s->v[i].script->ncmds; j++) {
			c = &s->v[i].script->cmds[j];
			for (k = 0; k < c->argc; k++) {
				if (c->argv[k][0] == '-' ||
				    c->argv[k][0] == '$' ||
				    strchr(c->argv[k], '=') != NULL)
					continue;
				script = NULL;
				if (final == NULL)
					script = script_at(repo, dir,
					    c->argv[k]);
				else {
					tl_path_join(&cpath, tl_buf_str(&wd),
					    c->argv[k]);
					ctx = copied_from(file->docker, final,
					    tl_buf_str(&cpath));
					if (ctx != NULL)
						script = script_at(repo, dir,
						    ctx);
					free(ctx);
				}
				add_script(s, script, file, line);
				c = &s->v[i].script->cmds[j];
			}
		}
		free(dir);
	}
	tl_buf_release(&wd);
	tl_buf_release(&cpath);
}

void
tl_starts_collect(struct tl_starts *s, const struct tl_repo *repo)
{
	static const char *const kws[] = { "ENTRYPOINT", "CMD" };
	const struct tl_file	*f;
	const struct tl_df_stage *final, *where;
	const struct tl_df_instr *in;
	struct tl_start		 st;
	size_t			 i, k;

	memset(s, 0, sizeof(*s));
	TL_FOREACH_FILE(f, repo, TL_FILE_DOCKERFILE) {
		if (f->docker == NULL ||
		    (final = tl_dockerfile_final(f->docker)) == NULL)
			continue;
		for (k = 0; k < TL_NELEM(kws); k++) {
			where = NULL;
			if ((in = tl_df_effective(f->docker, final, kws[k],
			    &where)) == NULL)
				continue;
			memset(&st, 0, sizeof(st));
			st.kind = k == 0 ? TL_START_ENTRYPOINT : TL_START_CMD;
			st.file = f;
			st.line = in->line;
			st.stage = where;
			st.script = parse_instr(in);
			st.owned = st.script != NULL;
			if (st.script != NULL)
				starts_add(s, &st);
		}
	}
	TL_FOREACH_FILE(f, repo, TL_FILE_PROCFILE) {
		if (f->procfile == NULL)
			continue;
		for (i = 0; i < f->procfile->nprocs; i++) {
			memset(&st, 0, sizeof(st));
			st.kind = TL_START_PROC;
			st.file = f;
			st.proc = f->procfile->procs[i].type;
			st.line = f->procfile->procs[i].line;
			st.script = f->procfile->procs[i].script;
			if (st.script != NULL)
				starts_add(s, &st);
		}
	}
	follow_paths(s, repo, 0);
	TL_FOREACH_FILE(f, repo, TL_FILE_SCRIPT) {
		if (f->script == NULL || start_has_script(s, f))
			continue;
		if (strstr(f->name, "entrypoint") == NULL &&
		    !script_named(s, f->name))
			continue;
		add_script(s, f, NULL, 0);
	}
}

/* A command or entrypoint of a deploy artefact (string or list) as a start. */
static void
deploy_start_add(struct tl_starts *s, const struct tl_file *f,
    const char *name, const struct tl_ynode *n)
{
	struct tl_start		 st;
	struct tl_buf		 b = TL_BUF_INIT;
	struct tl_script	*sc = NULL;
	size_t			 i;

	if (n == NULL || name == NULL)
		return;
	if (n->type == TL_YSCALAR)
		tl_buf_adds(&b, n->value);
	else if (n->type == TL_YSEQ)
		for (i = 0; i < n->nitems; i++)
			if (tl_ystr(n->items[i]) != NULL)
				add_quoted(&b, tl_ystr(n->items[i]));
	if (b.len > 0 && tl_shell_parse(&sc, tl_buf_str(&b), b.len,
	    n->line) == 0 && sc != NULL) {
		memset(&st, 0, sizeof(st));
		st.kind = TL_START_PROC;
		st.file = f;
		st.proc = name;
		st.line = n->line;
		st.script = sc;
		st.owned = 1;
		starts_add(s, &st);
	}
	tl_buf_release(&b);
}

void
tl_starts_add_deploys(struct tl_starts *s, const struct tl_repo *repo)
{
	const struct tl_file	*f;
	const struct tl_ynode	*svcs, *defs, *d;
	size_t			 i;

	TL_FOREACH_FILE(f, repo, TL_FILE_COMPOSE) {
		if (f->doc == NULL || f->doc->nroots == 0 ||
		    tl_path_is_dev_artefact(f->path))
			continue;
		svcs = tl_ymap_get(f->doc->roots[0], "services");
		TL_YMAP_FOREACH(i, svcs) {
			deploy_start_add(s, f, tl_ystr(svcs->pairs[i].key),
			    tl_ymap_get(svcs->pairs[i].value, "entrypoint"));
			deploy_start_add(s, f, tl_ystr(svcs->pairs[i].key),
			    tl_ymap_get(svcs->pairs[i].value, "command"));
		}
	}
	TL_FOREACH_FILE(f, repo, TL_FILE_TASKDEF) {
		if (f->doc == NULL || f->doc->nroots == 0)
			continue;
		defs = tl_ymap_get(f->doc->roots[0], "containerDefinitions");
		TL_YSEQ_FOREACH(i, defs) {
			d = defs->items[i];
			deploy_start_add(s, f, tl_ystr(tl_ymap_get(d, "name")),
			    tl_ymap_get(d, "entryPoint"));
			deploy_start_add(s, f, tl_ystr(tl_ymap_get(d, "name")),
			    tl_ymap_get(d, "command"));
		}
	}
}

int
tl_start_is_dev(const struct tl_start *st)
{
	return tl_path_is_dev_artefact(st->file->path) ||
	    (st->via != NULL && tl_path_is_dev_artefact(st->via->path));
}

int
tl_file_is_action(const struct tl_repo *repo, const struct tl_file *f)
{
	static const char *const names[] = { "action.yml", "action.yaml" };
	char	*dir, *p;
	size_t	 k;
	int	 hit = 0;

	dir = tl_path_dir(f->path);
	for (k = 0; k < TL_NELEM(names) && !hit; k++) {
		p = *dir != '\0' ? tl_printf("%s/%s", dir, names[k]) :
		    tl_strdup(names[k]);
		hit = tl_repo_file(repo, p) != NULL;
		free(p);
	}
	free(dir);
	return hit;
}

int
tl_file_not_deployed(const struct tl_repo *repo, const struct tl_file *f)
{
	return f != NULL && (tl_path_is_dev_artefact(f->path) ||
	    tl_file_is_action(repo, f));
}

void
tl_starts_release(struct tl_starts *s)
{
	size_t	 i;

	for (i = 0; i < s->n; i++)
		if (s->v[i].owned)
			tl_script_free((struct tl_script *)s->v[i].script);
	free(s->v);
	memset(s, 0, sizeof(*s));
}

const char *
tl_start_what(const struct tl_start *st, char *buf, size_t len)
{
	switch (st->kind) {
	case TL_START_CMD:
		return "CMD";
	case TL_START_ENTRYPOINT:
		return "ENTRYPOINT";
	case TL_START_SCRIPT:
		if (st->via == NULL)
			return "start script";
		snprintf(buf, len, "start script (run by %s:%u)",
		    st->via->path, st->via_line);
		return buf;
	default:
		if (st->file->kind == TL_FILE_COMPOSE)
			snprintf(buf, len, "compose service '%s'", st->proc);
		else if (st->file->kind == TL_FILE_TASKDEF)
			snprintf(buf, len, "container '%s' of the task "
			    "definition", st->proc);
		else
			snprintf(buf, len, "Procfile process '%s'", st->proc);
		return buf;
	}
}

int
tl_cmd_is(const struct tl_sh_cmd *c, const char *prog)
{
	return strcmp(tl_sh_real_prog(c), prog) == 0;
}

int
tl_cmd_is_plumbing(const struct tl_sh_cmd *c)
{
	static const char *const plumbing[] = {
		"echo", "printf", "sleep", "wait-for-it", "wait-for-it.sh",
		"wait-for", "dockerize", "set", "export", "cd", "test", "[",
		"[[", "true", "false", ":", "mkdir", "chown", "chmod", "cp", "mv",
		"rm", "ln", "touch", "cat", "envsubst", "trap", "source", ".",
		"ls", "until", "nc", "pg_isready", "mysqladmin", "curl", "wget",
		"umask", "ulimit", "shift", "unset", "local", "readonly",
		"break", "continue", "return", "exit", "wait", "date", "id",
		"whoami", "env", "printenv", "tee", "sed", "grep", "awk",
		NULL
	};
	const char	*prog = tl_sh_real_prog(c);
	size_t		 i;

	for (i = 0; plumbing[i] != NULL; i++)
		if (strcmp(prog, plumbing[i]) == 0)
			return 1;
	return *prog == '\0';
}

int
tl_cmd_execs_args(const struct tl_sh_cmd *c)
{
	const char	*prog = tl_sh_real_prog(c);

	return c->is_exec && (strcmp(prog, "$@") == 0 ||
	    strcmp(prog, "${@}") == 0);
}

int
tl_cmd_has_word(const struct tl_sh_cmd *c, const char *word)
{
	size_t	 i;

	for (i = tl_sh_prog_index(c) + 1; i < c->argc; i++)
		if (strcmp(c->argv[i], word) == 0)
			return 1;
	return 0;
}

/* ------------------------------------------------------ template functions */

const struct tl_cfn_resource *
tl_cfn_functions_where(const struct tl_cfn *cfn,
    int (*bad)(const struct tl_cfn *, const struct tl_cfn_resource *),
    struct tl_buf *names, size_t *nfn, size_t *nbad)
{
	const struct tl_cfn_resource	*r, *first = NULL;
	size_t				 i;

	tl_buf_clear(names);
	*nfn = *nbad = 0;
	for (i = 0; i < cfn->nres; i++) {
		r = &cfn->res[i];
		if (!tl_cfn_type_is(r, "AWS::Serverless::Function") &&
		    !tl_cfn_type_is(r, "AWS::Lambda::Function"))
			continue;
		++*nfn;
		if (!bad(cfn, r))
			continue;
		if ((*nbad)++ < 3)
			tl_buf_addf(names, "%s'%s'", names->len > 0 ? ", " : "",
			    r->name);
		if (first == NULL)
			first = r;
	}
	return first;
}

/* ------------------------------------------------------------ words */

int
tl_has_word(const char *s, const char *seps, const char *const *words)
{
	char	*copy, *w, *save = NULL;
	size_t	 i;
	int	 hit = 0;

	copy = tl_strdup(s);
	for (w = strtok_r(copy, seps, &save); w != NULL && !hit;
	    w = strtok_r(NULL, seps, &save))
		for (i = 0; words[i] != NULL; i++)
			if (strcasecmp(w, words[i]) == 0)
				hit = 1;
	free(copy);
	return hit;
}

int
tl_requirements_not_deployed(const char *path)
{
	static const char *const words[] = {
		"dev", "develop", "development", "test", "tests", "testing",
		"doc", "docs", "lint", "ci", "local", "typing", "mypy", NULL
	};

	return tl_has_word(path, "-_./", words);
}
