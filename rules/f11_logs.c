/*
 * f11_logs.c: factor XI, Logs (https://12factor.net/logs).  Treat logs as
 * event streams.  TF1101 (the app writes log files) is a pattern rule in
 * rules/patterns/logs.yml; the structural rules are here.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common.h"
#include "twelvelint/template.h"

/* ------------------------------------------------------------- shared */

/* The stage an image stage is built FROM, when it is a stage of the file. */
static const struct tl_df_stage *
stage_parent(const struct tl_dockerfile *df, const struct tl_df_stage *st)
{
	return st->parent >= 0 ? &df->stages[st->parent] : NULL;
}

/*
 * The value ENV gives name in the image of stage st (its own ENV or one
 * inherited from the stages it is built FROM; the last one wins), or NULL.
 * Borrowed from the Dockerfile.
 */
static const char *
df_env(const struct tl_dockerfile *df, const struct tl_df_stage *st,
    const char *name)
{
	const struct tl_df_instr *in;
	size_t			 i, k, depth;

	for (depth = 0; st != NULL && depth < df->nstages; depth++) {
		for (i = st->first + st->count; i > st->first; i--) {
			in = &df->instrs[i - 1];
			if (strcmp(in->keyword, "ENV") != 0)
				continue;
			for (k = in->nkv; k > 0; k--)
				if (strcmp(in->kv[k - 1].key, name) == 0)
					return in->kv[k - 1].value != NULL ?
					    in->kv[k - 1].value : "";
		}
		st = stage_parent(df, st);
	}
	return NULL;
}

/* Is a stage (index i) the final one or one it is built FROM? */
static int
in_final_chain(const struct tl_dockerfile *df, size_t i)
{
	const struct tl_df_stage *st = tl_dockerfile_final(df);
	size_t			 depth;

	for (depth = 0; st != NULL && depth < df->nstages; depth++) {
		if (st == &df->stages[i])
			return 1;
		st = stage_parent(df, st);
	}
	return 0;
}

/*
 * The shell commands of a RUN instruction: its text and, for RUN <<EOF
 * or a shell fed a heredoc, the heredoc bodies.  Owned by the caller.
 */
static struct tl_script *
run_script(const struct tl_df_instr *in, struct tl_script **body)
{
	struct tl_script	*sc = NULL;
	const char		*prog;

	*body = NULL;
	if (in->exec_form)
		return NULL;
	if (tl_shell_parse(&sc, in->args, strlen(in->args), in->line) != 0)
		return NULL;
	if (in->nheredocs == 0 || in->heredoc == NULL)
		return sc;
	prog = sc->ncmds > 0 ? tl_sh_real_prog(&sc->cmds[0]) : "";
	if (*prog == '\0' || strcmp(prog, "sh") == 0 ||
	    strcmp(prog, "bash") == 0 || strcmp(prog, "ash") == 0 ||
	    strcmp(prog, "dash") == 0) {
		if (tl_shell_parse(body, in->heredoc, strlen(in->heredoc),
		    in->heredocs[0].line) != 0)
			*body = NULL;
	}
	return sc;
}

/* The words of a command after its program that are not options. */
static size_t
operands(const struct tl_sh_cmd *c, const char **out, size_t max)
{
	size_t	 i, n = 0;

	for (i = tl_sh_prog_index(c) + 1; i < c->argc && n < max; i++)
		if (c->argv[i][0] != '-' || strcmp(c->argv[i], "-") == 0)
			out[n++] = c->argv[i];
	return n;
}

/* Does a package manager command install one of pkgs?  Returns it or NULL. */
static const char *
installs(const struct tl_sh_cmd *c, const char *const *pkgs)
{
	static const char *const managers[] = {
		"apt-get", "apt", "aptitude", "apk", "yum", "dnf", "microdnf",
		"tdnf", "zypper", NULL
	};
	const char	*prog = tl_sh_real_prog(c), *w[64];
	size_t		 n, i, k, len;

	for (k = 0; managers[k] != NULL; k++)
		if (strcmp(prog, managers[k]) == 0)
			break;
	if (managers[k] == NULL)
		return NULL;
	n = operands(c, w, TL_NELEM(w));
	if (n == 0 || (strcmp(w[0], "install") != 0 &&
	    strcmp(w[0], "add") != 0 && strcmp(w[0], "in") != 0))
		return NULL;
	for (i = 1; i < n; i++)
		for (k = 0; pkgs[k] != NULL; k++) {
			len = strlen(pkgs[k]);
			if (strncmp(w[i], pkgs[k], len) == 0 &&
			    (w[i][len] == '\0' || strchr("=<>~:",
			    w[i][len]) != NULL))
				return pkgs[k];
		}
	return NULL;
}

/* Does a command of the script name a file called name (any directory)? */
static int
names_file(const struct tl_script *sc, const char *name)
{
	const char	*w, *base;
	size_t		 i, k;

	for (i = 0; i < sc->ncmds; i++)
		for (k = 0; k < sc->cmds[i].argc; k++) {
			w = sc->cmds[i].argv[k];
			base = strrchr(w, '/');
			base = base != NULL ? base + 1 : w;
			if (strcmp(base, name) == 0)
				return 1;
		}
	return 0;
}

/*
 * The Dockerfile behind a start command: its own, the one that runs a
 * script, or, for a script found by name, a Dockerfile whose CMD or
 * ENTRYPOINT names it; NULL for Procfile processes and unclaimed scripts.
 */
static const struct tl_file *
start_dockerfile(const struct tl_starts *starts, const struct tl_start *st)
{
	size_t	 i;

	if (st->kind == TL_START_CMD || st->kind == TL_START_ENTRYPOINT)
		return st->file;
	if (st->kind != TL_START_SCRIPT)
		return NULL;
	if (st->via != NULL)
		return st->via->kind == TL_FILE_DOCKERFILE &&
		    st->via->docker != NULL ? st->via : NULL;
	for (i = 0; i < starts->n; i++)
		if ((starts->v[i].kind == TL_START_CMD ||
		    starts->v[i].kind == TL_START_ENTRYPOINT) &&
		    names_file(starts->v[i].script, st->file->name))
			return starts->v[i].file;
	return NULL;
}

/* A start command tl_file_not_deployed(), by its own file or its Dockerfile. */
static int
start_not_deployed(const struct tl_repo *repo, const struct tl_starts *starts,
    const struct tl_start *st)
{
	const struct tl_file	*df = start_dockerfile(starts, st);

	return tl_file_not_deployed(repo, st->file) ||
	    (df != NULL && tl_file_not_deployed(repo, df));
}

/* Is prog (as written) a start script of Dockerfile f that was found? */
static int
found_script(const struct tl_starts *starts, const struct tl_file *f,
    const char *prog)
{
	const char	*base = strrchr(prog, '/');
	size_t		 i;

	base = base != NULL ? base + 1 : prog;
	for (i = 0; i < starts->n; i++)
		if (starts->v[i].kind == TL_START_SCRIPT &&
		    strcmp(starts->v[i].file->name, base) == 0 &&
		    start_dockerfile(starts, &starts->v[i]) == f)
			return 1;
	return 0;
}

/*
 * Commands that write text they were given or computed (templates, config
 * files, keys): their redirections make files, not logs.
 */
static int
is_generator(const struct tl_sh_cmd *c)
{
	static const char *const gens[] = {
		"jq", "yq", "gomplate", "confd", "consul-template", "envtpl",
		"j2", "jinja2", "base64", "openssl", "tr", "cut", "sort",
		"head", "tail", "uniq", "xargs", "hostname", "uname",
		"basename", "dirname", "realpath", "readlink", "md5sum",
		"sha256sum", "sha1sum", "seq", "expr", "ssh-keygen", "htpasswd",
		"tac", "rev", "xxd", "od", "column", "fold", "paste", "join",
		"comm", "diff", "cmp", "stat", "du", "df", "find", "which",
		NULL
	};
	const char	*prog = tl_sh_real_prog(c);
	size_t		 i;

	if (tl_cmd_is_plumbing(c))
		return 1;
	for (i = 0; gens[i] != NULL; i++)
		if (strcmp(prog, gens[i]) == 0)
			return 1;
	return 0;
}

/* Is command k an sh -c whose body's commands follow it? */
static int
has_body(const struct tl_script *sc, size_t k)
{
	return k + 1 < sc->ncmds && sc->cmds[k + 1].depth > sc->cmds[k].depth;
}

/* The index after the pipeline that starts at command j (readers included). */
static size_t
pipeline_end(const struct tl_script *sc, size_t j)
{
	size_t	 k;

	for (k = j + 1; k < sc->ncmds; k++) {
		if (sc->cmds[k].depth > sc->cmds[j].depth)
			continue;
		if (sc->cmds[k].depth < sc->cmds[j].depth ||
		    sc->cmds[k].op != TL_SH_PIPE)
			break;
	}
	return k;
}

/* Are all the commands of the pipeline j..end generators? */
static int
pipeline_generates(const struct tl_script *sc, size_t j, size_t end)
{
	size_t	 k;

	for (k = j; k < end; k++)
		if (sc->cmds[k].depth == sc->cmds[j].depth &&
		    !is_generator(&sc->cmds[k]))
			return 0;
	return 1;
}

/*
 * Is the pipeline that starts at command j the process the start command
 * keeps running: exec'd, sent to the background, or the last one that is
 * not plumbing at its level of sh -c nesting?
 */
static int
long_running(const struct tl_script *sc, size_t j)
{
	const struct tl_sh_cmd	*c = &sc->cmds[j], *k;
	size_t			 end, i;

	if (c->argc == 0)
		return 0;
	end = pipeline_end(sc, j);
	if (pipeline_generates(sc, j, end))
		return 0;
	if (c->is_exec || sc->cmds[end - 1].background)
		return 1;
	for (i = end; i < sc->ncmds; i++) {
		k = &sc->cmds[i];
		if (k->depth > c->depth || k->op == TL_SH_PIPE ||
		    k->argc == 0)
			continue;
		if (!is_generator(k))
			return 0;
	}
	return 1;
}

/*
 * A command as a message shows it: the text as written, or for an
 * exec-form CMD/ENTRYPOINT (whose text is its quoted words) the words
 * joined by spaces; at most 60 characters, "..." after a cut.  buf must
 * hold 64 bytes.
 */
static const char *
cmd_shown(const struct tl_start *st, const struct tl_sh_cmd *c, char *buf,
    size_t len)
{
	struct tl_buf	 b = TL_BUF_INIT;
	size_t		 i;

	if ((st->kind == TL_START_CMD || st->kind == TL_START_ENTRYPOINT) &&
	    c->depth == 0 && c->text[0] == '\'') {
		for (i = 0; i < c->argc; i++) {
			if (i > 0)
				tl_buf_addc(&b, ' ');
			tl_buf_adds(&b, c->argv[i]);
		}
	} else
		tl_buf_adds(&b, c->text);
	if (b.len > 60)
		snprintf(buf, len, "%.60s...", tl_buf_str(&b));
	else
		snprintf(buf, len, "%s", tl_buf_str(&b));
	tl_buf_release(&b);
	return buf;
}

/* ------------------------------------------------------------- TF1102 */

/* Where a start command's expansions find their values. */
struct vars {
	const struct tl_script		*sc;	/* borrowed */
	size_t				 before; /* commands before it */
	const struct tl_dockerfile	*df;	/* borrowed, or NULL */
	const struct tl_df_stage	*stage;	/* borrowed, or NULL */
};

/* The value of NAME (len bytes) at that point of the script, or NULL. */
static const char *
var_value(const struct vars *v, const char *name, size_t len)
{
	const struct tl_sh_cmd	*c;
	const char		*w;
	size_t			 i, k;

	for (i = v->before; i > 0; i--) {
		c = &v->sc->cmds[i - 1];
		for (k = c->nassigns; c->argc == 0 && k > 0; k--) {
			w = c->assigns[k - 1];
			if (strncmp(w, name, len) == 0 && w[len] == '=')
				return w + len + 1;
		}
		if (c->argc < 2 || (strcmp(c->argv[0], "export") != 0 &&
		    strcmp(c->argv[0], "readonly") != 0 &&
		    strcmp(c->argv[0], "local") != 0 &&
		    strcmp(c->argv[0], "declare") != 0))
			continue;
		for (k = c->argc; k > 1; k--) {
			w = c->argv[k - 1];
			if (strncmp(w, name, len) == 0 && w[len] == '=')
				return w + len + 1;
		}
	}
	if (v->df != NULL && v->stage != NULL) {
		char	*n = tl_strndup(name, len);

		w = df_env(v->df, v->stage, n);
		free(n);
		if (w != NULL && strchr(w, '$') == NULL)
			return w;
	}
	return NULL;
}

/*
 * Expand the parameters of a redirection target: $NAME, ${NAME},
 * ${NAME:-word}, ${NAME-word}, ${NAME:=word}.  Those without a value are
 * kept as written.  NULL when the whole target is one unknown parameter
 * (it may well be /dev/stdout); else an owned string.
 */
static char *
expand(const struct vars *v, const char *t)
{
	struct tl_buf	 b = TL_BUF_INIT;
	const char	*p = t, *name, *val, *def, *e;
	size_t		 len, deflen;
	int		 refs = 0, unknown = 0, literal = 0;

	while (*p != '\0') {
		if (*p != '$') {
			tl_buf_addc(&b, *p++);
			literal = 1;
			continue;
		}
		refs++;
		def = NULL;
		deflen = 0;
		if (p[1] == '{') {
			e = strchr(p, '}');
			if (e == NULL)
				goto unknown_ref;
			name = p + 2;
			for (len = 0; name + len < e && (name[len] == '_' ||
			    (name[len] >= 'A' && name[len] <= 'Z') ||
			    (name[len] >= 'a' && name[len] <= 'z') ||
			    (name[len] >= '0' && name[len] <= '9')); len++)
				continue;
			if (name + len < e) {
				if (name[len] == ':' && name + len + 1 < e &&
				    (name[len + 1] == '-' ||
				    name[len + 1] == '='))
					def = name + len + 2;
				else if (name[len] == '-' || name[len] == '=')
					def = name + len + 1;
				else
					goto unknown_ref;
				deflen = (size_t)(e - def);
			}
			val = var_value(v, name, len);
			if (val == NULL && def != NULL &&
			    memchr(def, '$', deflen) == NULL) {
				tl_buf_add(&b, def, deflen);
			} else if (val != NULL)
				tl_buf_adds(&b, val);
			else {
				tl_buf_add(&b, p, (size_t)(e + 1 - p));
				unknown++;
			}
			p = e + 1;
			continue;
		}
		name = p + 1;
		for (len = 0; name[len] == '_' ||
		    (name[len] >= 'A' && name[len] <= 'Z') ||
		    (name[len] >= 'a' && name[len] <= 'z') ||
		    (len > 0 && name[len] >= '0' && name[len] <= '9'); len++)
			continue;
		if (len == 0)
			goto unknown_ref;
		if ((val = var_value(v, name, len)) != NULL)
			tl_buf_adds(&b, val);
		else {
			tl_buf_add(&b, p, len + 1);
			unknown++;
		}
		p = name + len;
		continue;
unknown_ref:
		/* $(…), $1, $$ …: nothing to know; the rest as written. */
		tl_buf_adds(&b, p);
		unknown++;
		break;
	}
	if (refs == 1 && unknown == 1 && !literal) {
		tl_buf_release(&b);
		return NULL;
	}
	return tl_buf_detach(&b);
}

/* Paths a RUN or the script links to a stream: ln -s /dev/stdout PATH. */
static void
stream_links(struct tl_vec *out, const struct tl_script *sc)
{
	const char	*w[8];
	size_t		 i, n;

	for (i = 0; sc != NULL && i < sc->ncmds; i++) {
		if (!tl_cmd_is(&sc->cmds[i], "ln"))
			continue;
		n = operands(&sc->cmds[i], w, TL_NELEM(w));
		if (n >= 2 && tl_sh_path_is_stream(w[n - 2]))
			tl_vec_push(out, tl_strdup(w[n - 1]));
	}
}

static void
df_stream_links(struct tl_vec *out, const struct tl_dockerfile *df)
{
	struct tl_script	*sc, *body;
	const struct tl_df_instr *in;
	size_t			 i;

	for (i = 0; i < df->ninstrs; i++) {
		in = &df->instrs[i];
		if (strcmp(in->keyword, "RUN") != 0 ||
		    in->stage == TL_DF_NO_STAGE ||
		    !in_final_chain(df, in->stage))
			continue;
		sc = run_script(in, &body);
		stream_links(out, sc);
		stream_links(out, body);
		tl_script_free(sc);
		tl_script_free(body);
	}
}

static int
in_vec(const struct tl_vec *v, const char *s)
{
	size_t	 i;

	for (i = 0; i < v->len; i++)
		if (strcmp(v->items[i], s) == 0)
			return 1;
	return 0;
}

/*
 * Does a path name a log file: a word of its file name is log, logs, out,
 * err, error, errors, stdout, stderr, console or nohup (app.log,
 * app.log.1, worker-errors, nohup.out), or it lies under a log/ or logs/
 * directory?
 */
static int
path_is_log(const char *p)
{
	static const char *const words[] = {
		"log", "logs", "out", "err", "error", "errors", "stdout",
		"stderr", "console", "nohup", NULL
	};
	const char	*base = strrchr(p, '/'), *s, *e;
	size_t		 n, k;

	base = base != NULL ? base + 1 : p;
	for (s = base; *s != '\0'; s = e) {
		while (*s != '\0' && !isalnum((unsigned char)*s))
			s++;
		for (e = s; isalnum((unsigned char)*e); e++)
			continue;
		n = (size_t)(e - s);
		for (k = 0; n > 0 && words[k] != NULL; k++)
			if (strlen(words[k]) == n &&
			    strncasecmp(s, words[k], n) == 0)
				return 1;
	}
	for (s = p; s < base; s = e + 1) {
		e = strchr(s, '/');
		if (e == NULL || e >= base)
			break;
		n = (size_t)(e - s);
		if ((n == 3 && strncasecmp(s, "log", 3) == 0) ||
		    (n == 4 && strncasecmp(s, "logs", 4) == 0))
			return 1;
	}
	return 0;
}

/* Programs that take a stream on stdin and write it to files. */
static const char *const file_routers[] = {
	"rotatelogs", "cronolog", "multilog", "svlogd", "s6-log", NULL
};

/* What one redirection target is, once expanded. */
enum target {
	T_NONE = 0,	/* untouched, a stream, or unknown */
	T_FILE,		/* a file */
	T_LOG		/* a file named like a log */
};

struct sink {
	char		*path;		/* owned: expanded, or NULL */
	enum target	 kind;
};

/*
 * Is a path a data file by its extension (a dump, an archive, a document,
 * a key): what a job writes as its product, not its log?
 */
static int
path_is_data(const char *p)
{
	static const char *const exts[] = {
		".sql", ".json", ".jsonl", ".ndjson", ".csv", ".tsv", ".xml",
		".html", ".htm", ".yaml", ".yml", ".toml", ".ini", ".conf",
		".cfg", ".env", ".js", ".css", ".gz", ".tgz", ".tar", ".zip",
		".bz2", ".xz", ".zst", ".dump", ".bak", ".pem", ".crt", ".key",
		".pub", ".bin", ".dat", ".db", ".sqlite", ".parquet", ".avro",
		".png", ".jpg", ".svg", ".pdf", ".md", ".pid", ".lock", NULL
	};
	const char	*base = strrchr(p, '/');
	size_t		 k;

	base = base != NULL ? base + 1 : p;
	for (k = 0; exts[k] != NULL; k++)
		if (tl_str_has_suffix(base, exts[k]))
			return 1;
	return 0;
}

/* Programs whose stdout is data (a dump, a download, an archive, a query). */
static int
data_producer(const struct tl_sh_cmd *c)
{
	static const char *const progs[] = {
		"pg_dump", "pg_dumpall", "mysqldump", "mariadb-dump",
		"mongodump", "mongoexport", "redis-cli", "psql", "mysql",
		"mariadb", "sqlite3", "tar", "gzip", "gunzip", "zcat", "bzip2",
		"xz", "zstd", "zip", "curl", "wget", "aws", "gsutil", "rclone",
		NULL
	};
	const char	*prog = tl_sh_real_prog(c);
	size_t		 k;

	for (k = 0; progs[k] != NULL; k++)
		if (strcmp(prog, progs[k]) == 0)
			return 1;
	return 0;
}

static void
sink_set(struct sink *s, const struct vars *v, const struct tl_vec *links,
    const char *target)
{
	s->path = NULL;
	s->kind = T_NONE;
	if (target == NULL || strncmp(target, ">(", 2) == 0 ||
	    strncmp(target, "<(", 2) == 0)
		return;
	if ((s->path = expand(v, target)) == NULL)
		return;
	if (tl_sh_path_is_stream(s->path) || in_vec(links, s->path) ||
	    in_vec(links, target) || s->path[0] == '\0') {
		free(s->path);
		s->path = NULL;
		return;
	}
	if (path_is_data(s->path)) {
		free(s->path);
		s->path = NULL;
		return;
	}
	s->kind = path_is_log(s->path) ? T_LOG : T_FILE;
}

/*
 * The file arguments of a tee that are not streams, joined, or NULL; *log
 * is set when one of them is named like a log.
 */
static char *
tee_files(const struct tl_sh_cmd *c, const struct vars *v,
    const struct tl_vec *links, int *log)
{
	struct tl_buf	 b = TL_BUF_INIT;
	const char	*w[16];
	struct sink	 s;
	size_t		 n, i;

	n = operands(c, w, TL_NELEM(w));
	for (i = 0; i < n; i++) {
		sink_set(&s, v, links, w[i]);
		if (s.kind == T_NONE)
			continue;
		if (s.kind == T_LOG)
			*log = 1;
		if (b.len > 0)
			tl_buf_adds(&b, ", ");
		tl_buf_adds(&b, s.path);
		free(s.path);
	}
	if (b.len == 0)
		return NULL;
	return tl_buf_detach(&b);
}

/*
 * A process substitution target ">(tee -a FILE)" or ">(rotatelogs …)":
 * the reader's command, parsed; NULL for anything else.
 */
static struct tl_script *
substitution(const char *target)
{
	struct tl_script	*sc = NULL;
	size_t			 len;

	if (target == NULL || strncmp(target, ">(", 2) != 0)
		return NULL;
	len = strlen(target);
	if (len < 3 || target[len - 1] != ')')
		return NULL;
	if (tl_shell_parse(&sc, target + 2, len - 3, 1) != 0 || sc == NULL)
		return NULL;
	if (sc->ncmds == 0) {
		tl_script_free(sc);
		return NULL;
	}
	return sc;
}

/* Does a tail follow its file: -f, -F, -qF, -fn0, --follow? */
static int
follows(const struct tl_sh_cmd *c)
{
	const char	*w;
	size_t		 i;

	for (i = tl_sh_prog_index(c) + 1; i < c->argc; i++) {
		w = c->argv[i];
		if (tl_str_has_prefix(w, "--follow"))
			return 1;
		if (w[0] == '-' && w[1] != '-' && strpbrk(w, "fF") != NULL)
			return 1;
	}
	return 0;
}

/* The line of a "tail -f FILE" of the start that re-reads path, or 0. */
static unsigned
tailed(const struct tl_script *sc, const char *path)
{
	const char	*w[16];
	size_t		 i, n, k;

	for (i = 0; i < sc->ncmds; i++) {
		if (!tl_cmd_is(&sc->cmds[i], "tail") ||
		    !follows(&sc->cmds[i]))
			continue;
		n = operands(&sc->cmds[i], w, TL_NELEM(w));
		for (k = 0; k < n; k++)
			if (strcmp(w[k], path) == 0)
				return sc->cmds[i].line;
	}
	return 0;
}

static int	tf1102_check(struct tl_check *);

static const struct tl_rule tf1102 = {
	.id = "TF1102",
	.name = "start-command-output-to-file",
	.factor = TL_FACTOR_LOGS,
	.severity = TL_SEV_ERROR,
	.needs = TL_NEED(TL_FILE_DOCKERFILE) | TL_NEED(TL_FILE_PROCFILE) |
	    TL_NEED(TL_FILE_SCRIPT),
	.summary = "process output redirected to a file in a start command",
	.rationale =
	    "A twelve-factor process writes its event stream, unbuffered, "
	    "to stdout and leaves capture and routing to the execution "
	    "environment. A start command that sends the process's output "
	    "to a file (> /var/log/app.log 2>&1) hides every event from "
	    "docker logs, the ECS log driver and CloudWatch Logs, loses "
	    "them with the task and fills its disk. Checked: the effective "
	    "CMD and ENTRYPOINT of each Dockerfile's final stage, the "
	    "scripts they run, *entrypoint scripts and Procfile processes. "
	    "An error: the process the start command keeps running (exec'd, "
	    "sent to the background, or the last command that is not "
	    "plumbing) with stderr sent to a file, or stdout sent to a file "
	    "named like a log (a word log, out, err, errors, stdout, "
	    "stderr, console or nohup in its name, or a log/ or logs/ "
	    "directory), directly or through a pipe, or piped into "
	    "rotatelogs, cronolog, multilog, svlogd or s6-log; exec >FILE "
	    "with no program, which redirects the rest of the script; a "
	    "server's own log-file option naming a file (gunicorn "
	    "--error-logfile/--access-logfile/--log-file, hypercorn, daphne "
	    "--access-log, celery --logfile, uwsgi --logto/--daemonize, "
	    "puma --redirect-stdout, pm2 -o/-e/-l). A warning: a start-up "
	    "step (manage.py migrate, a one-off script) writing to a file "
	    "named like a log; tee of the process's output into a file (of "
	    "a step's, into a file named like a log), and a file re-read by "
	    "tail -f: stdout keeps flowing, so the stream is not lost, but "
	    "the app still keeps a log file that grows inside the "
	    "container. "
	    "Not reported: /dev/null, /dev/stdout, /dev/stderr, "
	    "/proc/1/fd/1 and paths a RUN or the script links to them (ln "
	    "-sf /dev/stdout /var/log/nginx/access.log); a target that is "
	    "only a variable without a known value ($LOG_FILE may be "
	    "/dev/stdout; earlier assignments, exports and the image's ENV "
	    "are used); a job's product: stdout to a file not named like a "
	    "log, files with a data extension (.sql, .json, .csv, .gz …), "
	    "and the output of pg_dump, mysqldump, curl, tar, gzip, aws "
	    "…; what a command or pipeline made only of echo, cat, printf, "
	    "envsubst, sed, jq, tee … writes (config files, templates, "
	    "env.js, the script's own notes), since only a process's own "
	    "output is its log stream; RUN instructions (build steps); build "
	    "stages; artefacts named for development (Dockerfile.dev …) and "
	    "GitHub Actions (a directory with action.yml), which are not "
	    "deploys. nohup without a redirection is not reported: it "
	    "writes nohup.out only when stdout is a terminal, which it is "
	    "not under ECS or docker run without -t.",
	.fix =
	    "Remove the redirection and let the process write to stdout and "
	    "stderr; where a program insists on a log file, link the file "
	    "to the stream in the image (RUN ln -sf /dev/stdout "
	    "/var/log/app/access.log). Route the stream with the ECS task "
	    "definition's logConfiguration (the awslogs driver to CloudWatch "
	    "Logs, or FireLens), not inside the container.",
	.see_also = NULL,
	.check = tf1102_check,
};

/* How a pipeline's output was found to leave the stream. */
struct leak {
	struct sink	 out;		/* stdout: a file */
	struct sink	 err;		/* stderr: a file */
	const char	*router;	/* static: a file router, or NULL */
	char		*tee;		/* owned: its files, or NULL */
	int		 tee_log;	/* one of them named like a log */
	int		 piped;		/* out is a pipe reader's */
};

static void
leak_release(struct leak *l)
{
	free(l->out.path);
	free(l->err.path);
	free(l->tee);
	memset(l, 0, sizeof(*l));
}

/* Where the output of command c (and a process substitution) ends up. */
static void
leak_of_cmd(struct leak *l, const struct tl_sh_cmd *c, const struct vars *v,
    const struct tl_vec *links)
{
	struct tl_script	*sub;
	const char		*prog;
	size_t			 k;

	sink_set(&l->out, v, links, c->redirect);
	sink_set(&l->err, v, links, c->redirect_err);
	if ((sub = substitution(c->redirect)) == NULL &&
	    (sub = substitution(c->redirect_err)) == NULL)
		return;
	prog = tl_sh_real_prog(&sub->cmds[0]);
	if (strcmp(prog, "tee") == 0)
		l->tee = tee_files(&sub->cmds[0], v, links, &l->tee_log);
	for (k = 0; file_routers[k] != NULL; k++)
		if (strcmp(prog, file_routers[k]) == 0)
			l->router = file_routers[k];
	tl_script_free(sub);
}

/* Fill l for the pipeline j..end of sc; stdout of j may go through readers. */
static void
leak_of_pipeline(struct leak *l, const struct tl_script *sc, size_t j,
    size_t end, const struct vars *v, const struct tl_vec *links)
{
	const struct tl_sh_cmd	*r;
	size_t			 k, m;
	int			 producer = 0;

	memset(l, 0, sizeof(*l));
	leak_of_cmd(l, &sc->cmds[j], v, links);
	/* pg_dump > /backups/db, curl … | gzip > x: a product, not a log. */
	for (k = j; k < end; k++)
		if (sc->cmds[k].depth == sc->cmds[j].depth &&
		    data_producer(&sc->cmds[k]))
			producer = 1;
	if (producer && l->out.kind != T_NONE) {
		free(l->out.path);
		l->out.path = NULL;
		l->out.kind = T_NONE;
	}
	if (sc->cmds[j].redirect != NULL)
		return;
	for (k = j + 1; k < end; k++) {
		r = &sc->cmds[k];
		if (r->depth != sc->cmds[j].depth)
			continue;
		for (m = 0; file_routers[m] != NULL; m++)
			if (tl_cmd_is(r, file_routers[m]))
				l->router = file_routers[m];
		if (tl_cmd_is(r, "tee") && l->tee == NULL)
			l->tee = tee_files(r, v, links, &l->tee_log);
		if (k + 1 == end && l->out.kind == T_NONE &&
		    l->router == NULL && !producer) {
			free(l->out.path);
			sink_set(&l->out, v, links, r->redirect);
			l->piped = l->out.kind != T_NONE;
		}
	}
}

/* "stdout and stderr go to F", "stdout goes to F", … into b. */
static void
describe(struct tl_buf *b, const struct leak *l)
{
	if (l->out.kind != T_NONE && l->err.kind != T_NONE &&
	    strcmp(l->out.path, l->err.path) == 0)
		tl_buf_addf(b, "stdout and stderr go to %s", l->out.path);
	else if (l->out.kind != T_NONE && l->err.kind != T_NONE)
		tl_buf_addf(b, "stdout goes to %s and stderr to %s",
		    l->out.path, l->err.path);
	else if (l->out.kind != T_NONE)
		tl_buf_addf(b, "stdout goes %sto %s", l->piped ?
		    "through the pipe " : "", l->out.path);
	else
		tl_buf_addf(b, "stderr goes to %s", l->err.path);
}

static int
tf1102_cmd(struct tl_check *c, const struct tl_start *st, size_t j,
    size_t end, const struct vars *v, const struct tl_vec *links)
{
	const struct tl_script	*sc = st->script;
	const struct tl_sh_cmd	*cmd = &sc->cmds[j];
	struct leak		 l;
	struct tl_buf		 b = TL_BUF_INIT;
	char			 wbuf[256], sbuf[80];
	const char		*what, *shown;
	unsigned		 tline = 0;
	int			 error = 0, islong, gen, lesser = -1;

	leak_of_pipeline(&l, sc, j, end, v, links);
	if (l.out.kind == T_NONE && l.err.kind == T_NONE && l.router == NULL &&
	    l.tee == NULL)
		goto out;
	what = tl_start_what(st, wbuf, sizeof(wbuf));
	shown = cmd_shown(st, cmd, sbuf, sizeof(sbuf));
	if (cmd->argc == 0 && cmd->is_exec) {
		/* exec >FILE: the rest of the script. */
		if (l.out.kind != T_NONE || l.err.kind != T_NONE) {
			lesser = 0;
			tl_buf_addf(&b, "%s runs '%s': from there on the "
			    "script's ", what, shown);
			describe(&b, &l);
			tl_buf_adds(&b, ", not to the log stream");
		} else if (l.router != NULL) {
			lesser = 0;
			tl_buf_addf(&b, "%s runs '%s': from there on the "
			    "script's output goes through %s into files",
			    what, shown, l.router);
		} else if (l.tee != NULL) {
			lesser = 1;
			tl_buf_addf(&b, "%s runs '%s': from there on tee "
			    "copies the script's output into %s, a log file "
			    "that grows inside the container", what, shown,
			    l.tee);
		}
		goto report;
	}
	if (cmd->argc == 0)
		goto out;
	islong = long_running(sc, j);
	gen = pipeline_generates(sc, j, end);
	if (l.router != NULL && !gen) {
		lesser = !islong;
		tl_buf_addf(&b, "%s pipes the output of '%s' into %s, which "
		    "writes it to files", what, shown, l.router);
	} else if ((l.out.kind == T_LOG || l.err.kind != T_NONE) && islong) {
		lesser = 0;
		tl_buf_addf(&b, "%s: in '%s'%s ", what, shown,
		    tl_cmd_execs_args(cmd) ? " (the image's CMD)" : "");
		describe(&b, &l);
		tl_buf_adds(&b, ", not to the log stream");
	} else if ((l.out.kind == T_LOG || l.err.kind == T_LOG) && !gen) {
		lesser = 1;
		tl_buf_addf(&b, "%s: in '%s' ", what, shown);
		describe(&b, &l);
		tl_buf_adds(&b, ": a start-up step logs to a file, not to the "
		    "stream");
	} else if (l.tee != NULL && !gen && (islong || l.tee_log)) {
		lesser = 1;
		tl_buf_addf(&b, "%s: tee copies the output of '%s' into %s, a "
		    "log file that grows inside the container", what, shown,
		    l.tee);
	}
	if (lesser < 0)
		goto out;
	/* A log file that a tail -f of the same start re-reads to stdout. */
	if (lesser == 0 && l.out.kind != T_NONE &&
	    (tline = tailed(sc, l.out.path)) != 0) {
		lesser = 1;
		tl_buf_addf(&b, " (the tail at line %u re-reads it, but the "
		    "file still grows inside the container)", tline);
	}
report:
	c->lesser = lesser;
	error = tl_report(c, st->file, cmd->line, 0, cmd->text, "%s",
	    tl_buf_str(&b));
	c->lesser = 0;
out:
	tl_buf_release(&b);
	leak_release(&l);
	return error;
}

/* Servers' own options that send their log to a file instead of stdout. */
static const struct {
	const char	*prog;
	const char	*opt;
} log_options[] = {
	{ "gunicorn", "--access-logfile" }, { "gunicorn", "--error-logfile" },
	{ "gunicorn", "--log-file" }, { "hypercorn", "--access-logfile" },
	{ "hypercorn", "--error-logfile" }, { "daphne", "--access-log" },
	{ "celery", "--logfile" }, { "celery", "-f" }, { "uwsgi", "--logto" },
	{ "uwsgi", "--logto2" }, { "uwsgi", "--daemonize" },
	{ "puma", "--redirect-stdout" }, { "puma", "--redirect-stderr" },
	{ "pm2", "--output" }, { "pm2", "-o" }, { "pm2", "--error" },
	{ "pm2", "-e" }, { "pm2", "--log" }, { "pm2", "-l" },
};

/* gunicorn --error-logfile /var/log/app/error.log: report it. */
static int
tf1102_options(struct tl_check *c, const struct tl_start *st,
    const struct tl_sh_cmd *cmd, const struct vars *v,
    const struct tl_vec *links)
{
	struct sink	 s;
	const char	*base, *w, *val;
	char		 wbuf[256], sbuf[80];
	size_t		 k, i, t, len;
	int		 error;

	for (k = 0; k < cmd->argc; k++) {
		base = strrchr(cmd->argv[k], '/');
		base = base != NULL ? base + 1 : cmd->argv[k];
		for (i = k + 1; i < cmd->argc; i++) {
			w = cmd->argv[i];
			for (t = 0; t < TL_NELEM(log_options); t++) {
				if (strcmp(base, log_options[t].prog) != 0)
					continue;
				len = strlen(log_options[t].opt);
				if (strncmp(w, log_options[t].opt, len) != 0)
					continue;
				if (w[len] == '=')
					val = w + len + 1;
				else if (w[len] == '\0' && i + 1 < cmd->argc)
					val = cmd->argv[i + 1];
				else
					continue;
				if (strcmp(val, "-") == 0)
					continue;
				sink_set(&s, v, links, val);
				if (s.kind == T_NONE)
					continue;
				error = tl_report(c, st->file, cmd->line, 0,
				    s.path, "%s: '%s' writes its log to %s "
				    "(%s), not to the log stream",
				    tl_start_what(st, wbuf, sizeof(wbuf)),
				    cmd_shown(st, cmd, sbuf, sizeof(sbuf)),
				    s.path, log_options[t].opt);
				free(s.path);
				return error;
			}
		}
	}
	return 0;
}

static int
tf1102_check(struct tl_check *c)
{
	struct tl_starts	 starts;
	const struct tl_start	*st;
	const struct tl_file	*df;
	struct tl_vec		 links = TL_VEC_INIT;
	struct vars		 v;
	size_t			 i, j;
	int			 error = 0;

	tl_starts_collect(&starts, c->repo);
	for (i = 0; i < starts.n && error == 0; i++) {
		st = &starts.v[i];
		if (start_not_deployed(c->repo, &starts, st))
			continue;
		memset(&v, 0, sizeof(v));
		v.sc = st->script;
		if ((df = start_dockerfile(&starts, st)) != NULL) {
			v.df = df->docker;
			v.stage = tl_dockerfile_final(df->docker);
			df_stream_links(&links, df->docker);
		}
		stream_links(&links, st->script);
		for (j = 0; j < st->script->ncmds && error == 0; j++) {
			v.before = j;
			error = tf1102_options(c, st, &st->script->cmds[j],
			    &v, &links);
			/* A pipe's readers go with the command feeding it. */
			if (error != 0 || st->script->cmds[j].op == TL_SH_PIPE)
				continue;
			error = tf1102_cmd(c, st, j, pipeline_end(st->script,
			    j), &v, &links);
		}
		tl_vec_release(&links, free);
		tl_vec_init(&links);
	}
	tl_vec_release(&links, free);
	tl_starts_release(&starts);
	return error;
}

/* ------------------------------------------------------------- TF1103 */

static int	tf1103_check(struct tl_check *);

static const struct tl_rule tf1103 = {
	.id = "TF1103",
	.name = "container-logs-not-collected",
	.factor = TL_FACTOR_LOGS,
	.severity = TL_SEV_WARNING,
	.needs = TL_NEED(TL_FILE_TASKDEF) | TL_NEED(TL_FILE_COMPOSE) |
	    TL_NEED(TL_FILE_TEMPLATE),
	.summary = "container output not collected by the platform",
	.rationale =
	    "The app writes its event stream to stdout; the execution "
	    "environment must capture it and route it to a destination "
	    "where it can be searched and kept. An ECS container without "
	    "logConfiguration has no log driver: on Fargate its stdout and "
	    "stderr are discarded, on EC2 they stay in a file on the "
	    "instance until the task is cleaned up. Checked: every "
	    "containerDefinitions entry of an ECS task definition JSON file "
	    "(also the describe-task-definition form under taskDefinition) "
	    "and every ContainerDefinitions entry of an "
	    "AWS::ECS::TaskDefinition in a CloudFormation template that has "
	    "no logConfiguration (either branch of an Fn::If that sets one "
	    "counts as set), and every compose service that sets logging "
	    "driver none, which throws the stream away. Not reported: a "
	    "compose service without a logging key (the default json-file "
	    "driver keeps the stream for docker logs), and files named for "
	    "development (docker-compose.dev.yml, taskdef.local.json).",
	.fix =
	    "Give every container a logConfiguration: the awslogs driver "
	    "with awslogs-group, awslogs-region and awslogs-stream-prefix "
	    "sends the stream to CloudWatch Logs (the execution role needs "
	    "logs:CreateLogStream and logs:PutLogEvents); awsfirelens or "
	    "splunk route it elsewhere. In compose, remove logging driver "
	    "none or name a driver that keeps the stream.",
	.see_also = NULL,
	.check = tf1103_check,
};

static int
tf1103_taskdef(struct tl_check *c, const struct tl_file *f)
{
	const struct tl_ynode	*root, *defs, *d, *lc;
	const char		*name;
	char			 num[32];
	size_t			 i;
	int			 error = 0;

	if (f->doc == NULL || f->doc->nroots == 0 ||
	    tl_path_is_dev_artefact(f->path))
		return 0;
	root = f->doc->roots[0];
	defs = tl_ymap_get(root, "containerDefinitions");
	if (defs == NULL)
		defs = tl_ypath(root, "taskDefinition.containerDefinitions");
	TL_YSEQ_FOREACH(i, defs) {
		d = defs->items[i];
		if (d->type != TL_YMAP)
			continue;
		lc = tl_ymap_get(d, "logConfiguration");
		if (lc != NULL && !tl_ynull(lc))
			continue;
		name = tl_ystr(tl_ymap_get(d, "name"));
		if (name == NULL) {
			snprintf(num, sizeof(num), "#%zu", i + 1);
			name = num;
		}
		error = tl_report(c, f, d->line, d->col, name,
		    "container '%s' has no logConfiguration: no log driver "
		    "collects its stdout and stderr", name);
		if (error != 0)
			break;
	}
	return error;
}

static int
tf1103_template(struct tl_check *c, const struct tl_file *f)
{
	const struct tl_cfn_resource *r;
	const struct tl_ynode	*defs, *d, *lc, *nn;
	struct tl_cfn		 cfn;
	const char		*name;
	char			 num[32];
	size_t			 i;
	int			 error = 0;

	if (tl_path_is_dev_artefact(f->path) || tl_cfn_open(&cfn, f) != 0)
		return 0;
	TL_CFN_FOREACH(r, &cfn, "AWS::ECS::TaskDefinition") {
		defs = tl_cfn_prop(r, "ContainerDefinitions");
		TL_YSEQ_FOREACH(i, defs) {
			d = defs->items[i];
			lc = tl_ymap_get(d, "LogConfiguration");
			if (error != 0 || d->type != TL_YMAP ||
			    (lc != NULL && !tl_ynull(lc)))
				continue;
			nn = tl_ymap_get(d, "Name");
			if ((name = tl_ystr(nn)) == NULL || nn->tag != NULL) {
				snprintf(num, sizeof(num), "#%zu", i + 1);
				name = num;
			}
			error = tl_report(c, f, d->line, d->col, name,
			    "container '%s' of '%s' has no LogConfiguration: "
			    "no log driver collects its stdout and stderr",
			    name, r->name);
		}
	}
	tl_cfn_release(&cfn);
	return error;
}

static int
tf1103_compose(struct tl_check *c, const struct tl_file *f)
{
	const struct tl_ynode	*svcs, *drv;
	const char		*name;
	size_t			 i;
	int			 error = 0;

	if (f->doc == NULL || f->doc->nroots == 0 ||
	    tl_path_is_dev_artefact(f->path))
		return 0;
	svcs = tl_ymap_get(f->doc->roots[0], "services");
	TL_YMAP_FOREACH(i, svcs) {
		name = tl_ystr(svcs->pairs[i].key);
		drv = tl_ymap_get(tl_ymap_get(svcs->pairs[i].value, "logging"),
		    "driver");
		if (name == NULL || drv == NULL || drv->type != TL_YSCALAR ||
		    drv->tag != NULL || strcasecmp(drv->value, "none") != 0)
			continue;
		error = tl_report(c, f, drv->line, drv->col, name,
		    "service '%s' sets logging driver none: its stdout and "
		    "stderr are thrown away", name);
		if (error != 0)
			break;
	}
	return error;
}

static int
tf1103_check(struct tl_check *c)
{
	const struct tl_file	*f;
	int			 error = 0;

	TL_FOREACH_FILE(f, c->repo, TL_FILE_TASKDEF)
		if ((error = tf1103_taskdef(c, f)) != 0)
			return error;
	TL_FOREACH_FILE(f, c->repo, TL_FILE_COMPOSE)
		if ((error = tf1103_compose(c, f)) != 0)
			return error;
	TL_FOREACH_FILE(f, c->repo, TL_FILE_TEMPLATE)
		if ((error = tf1103_template(c, f)) != 0)
			return error;
	return 0;
}

/* ------------------------------------------------------------- TF1104 */

static const char *const syslog_pkgs[] = {
	"rsyslog", "syslog-ng", "syslog-ng-core", "sysklogd",
	"inetutils-syslogd", "busybox-syslogd", NULL
};

static const char *const logrotate_pkgs[] = { "logrotate", NULL };

/* Is p /etc/logrotate.conf or under /etc/logrotate.d? */
static int
logrotate_path(const char *p)
{
	while (p[0] == '/' && p[1] == '/')
		p++;
	return strcmp(p, "/etc/logrotate.conf") == 0 ||
	    strcmp(p, "/etc/logrotate.d") == 0 ||
	    tl_str_has_prefix(p, "/etc/logrotate.d/");
}

/* The syslog daemon a command starts, or NULL. */
static const char *
starts_syslog(const struct tl_sh_cmd *c)
{
	static const char *const daemons[] = {
		"rsyslogd", "syslog-ng", "syslogd", "sysklogd", NULL
	};
	static const char *const services[] = {
		"rsyslog", "syslog-ng", "sysklogd", "syslog",
		"inetutils-syslogd", NULL
	};
	const char	*prog = tl_sh_real_prog(c), *w[4];
	size_t		 i, k, n;

	for (k = 0; daemons[k] != NULL; k++)
		if (strcmp(prog, daemons[k]) == 0)
			return daemons[k];
	i = tl_sh_prog_index(c);
	if (strcmp(prog, "busybox") == 0 && i + 1 < c->argc &&
	    strcmp(c->argv[i + 1], "syslogd") == 0)
		return "busybox syslogd";
	n = operands(c, w, TL_NELEM(w));
	/* service rsyslog start, rc-service …, /etc/init.d/rsyslog start */
	if ((strcmp(prog, "service") == 0 || strcmp(prog, "rc-service") == 0) &&
	    n >= 2 && strcmp(w[1], "start") == 0) {
		for (k = 0; services[k] != NULL; k++)
			if (strcmp(w[0], services[k]) == 0)
				return services[k];
	}
	if (strncmp(c->argc > 0 ? c->argv[i] : "", "/etc/init.d/", 12) == 0 &&
	    n >= 1 && strcmp(w[0], "start") == 0) {
		for (k = 0; services[k] != NULL; k++)
			if (strcmp(prog, services[k]) == 0)
				return services[k];
	}
	return NULL;
}

/* The line of a final-stage RUN that installs one of pkgs, or 0. */
static unsigned
df_installs(const struct tl_dockerfile *df, const char *const *pkgs)
{
	struct tl_script	*sc, *body;
	const struct tl_df_instr *in;
	size_t			 i, j;
	unsigned		 line = 0;

	for (i = 0; i < df->ninstrs && line == 0; i++) {
		in = &df->instrs[i];
		if (strcmp(in->keyword, "RUN") != 0 ||
		    in->stage == TL_DF_NO_STAGE ||
		    !in_final_chain(df, in->stage))
			continue;
		sc = run_script(in, &body);
		for (j = 0; sc != NULL && j < sc->ncmds && line == 0; j++)
			if (installs(&sc->cmds[j], pkgs) != NULL)
				line = in->line;
		for (j = 0; body != NULL && j < body->ncmds && line == 0; j++)
			if (installs(&body->cmds[j], pkgs) != NULL)
				line = in->line;
		tl_script_free(sc);
		tl_script_free(body);
	}
	return line;
}

/*
 * The logrotate configuration a RUN command writes (a redirection, or cp,
 * mv, install, ln, tee, sed, touch, curl, wget, rsync naming one), or NULL.
 */
static const char *
writes_logrotate(const struct tl_sh_cmd *c)
{
	static const char *const writers[] = {
		"cp", "mv", "install", "ln", "tee", "sed", "touch", "curl",
		"wget", "rsync", NULL
	};
	const char	*w[16];
	size_t		 n, i;

	if (c->redirect != NULL && logrotate_path(c->redirect))
		return c->redirect;
	for (i = 0; writers[i] != NULL; i++)
		if (tl_cmd_is(c, writers[i]))
			break;
	if (writers[i] == NULL)
		return NULL;
	n = operands(c, w, TL_NELEM(w));
	for (i = 0; i < n; i++)
		if (logrotate_path(w[i]))
			return w[i];
	return NULL;
}

/* Is the command a log or cron daemon: the work of a log router's image? */
static int
log_daemon(const struct tl_sh_cmd *c)
{
	static const char *const progs[] = {
		"cron", "crond", "logrotate", "fluentd", "fluent-bit",
		"td-agent", "td-agent-bit", "vector", "logstash", "filebeat",
		"promtail", NULL
	};
	const char	*prog = tl_sh_real_prog(c);
	size_t		 k;

	if (starts_syslog(c) != NULL)
		return 1;
	for (k = 0; progs[k] != NULL; k++)
		if (strcmp(prog, progs[k]) == 0)
			return 1;
	return 0;
}

/*
 * Is Dockerfile f a log router's image: its start commands, all in view,
 * run log or cron daemons and nothing else?
 */
static int
log_router_image(const struct tl_starts *starts, const struct tl_file *f)
{
	const struct tl_start	*st;
	const struct tl_sh_cmd	*cmd;
	size_t			 i, j;
	int			 daemons = 0;

	for (i = 0; i < starts->n; i++) {
		st = &starts->v[i];
		if (start_dockerfile(starts, st) != f)
			continue;
		for (j = 0; j < st->script->ncmds; j++) {
			cmd = &st->script->cmds[j];
			if (tl_cmd_is_plumbing(cmd) ||
			    has_body(st->script, j) || tl_cmd_execs_args(cmd))
				continue;
			if (log_daemon(cmd))
				daemons = 1;
			else if (!found_script(starts, f,
			    cmd->argv[tl_sh_prog_index(cmd)]))
				return 0;
		}
	}
	return daemons;
}

static int	tf1104_check(struct tl_check *);

static const struct tl_rule tf1104 = {
	.id = "TF1104",
	.name = "log-routing-in-container",
	.factor = TL_FACTOR_LOGS,
	.severity = TL_SEV_INFO,
	.needs = TL_NEED(TL_FILE_DOCKERFILE) | TL_NEED(TL_FILE_PROCFILE) |
	    TL_NEED(TL_FILE_SCRIPT),
	.summary = "log routing done inside the app container",
	.rationale =
	    "A twelve-factor app never concerns itself with routing or "
	    "storing its output stream: it writes to stdout and the "
	    "execution environment collects, routes and archives it. Log "
	    "rotation and syslog daemons inside the app's container are the "
	    "sign of an app that keeps log files: the files vanish with the "
	    "task, and the daemon is a second process that the platform "
	    "neither supervises nor stops. Checked in the final stage of "
	    "each Dockerfile and the stages it is built FROM: a COPY, ADD "
	    "or RUN that writes into /etc/logrotate.d or "
	    "/etc/logrotate.conf, and a RUN that installs logrotate; in the "
	    "start commands (CMD, ENTRYPOINT, the scripts they run, "
	    "Procfile processes): rsyslogd, syslog-ng, syslogd or busybox "
	    "syslogd started next to another process (service rsyslog start "
	    "and /etc/init.d/rsyslog start too); installing rsyslog or "
	    "syslog-ng is named in that finding, not reported alone. Not "
	    "reported: build stages, rm of a logrotate file, the image of a "
	    "dedicated log router (its start commands, all in view, run "
	    "only syslog, cron, logrotate, Fluentd, Fluent Bit, Vector, "
	    "Logstash, Filebeat or Promtail: a log sidecar is the platform's "
	    "side, not the app's), development artefacts and GitHub "
	    "Actions, and what a base image brings, which the Dockerfile "
	    "does not show.",
	.fix =
	    "Drop logrotate and the syslog daemon from the app image and "
	    "write logs to stdout and stderr; let the platform route and "
	    "keep them: the awslogs driver to CloudWatch Logs with a log "
	    "group retention period, or a FireLens (Fluent Bit) sidecar in "
	    "the ECS task definition where logs must go elsewhere.",
	.see_also = NULL,
	.check = tf1104_check,
};

/*
 * What a RUN does with logrotate: 1 it installs it, 2 it writes the
 * configuration *path (owned by the caller), 0 neither.
 */
static int
run_logrotate(const struct tl_df_instr *in, char **path)
{
	struct tl_script	*sc, *body, *s;
	const char		*dest;
	size_t			 j, k;
	int			 what = 0;

	*path = NULL;
	sc = run_script(in, &body);
	for (k = 0; k < 2 && what == 0; k++) {
		s = k == 0 ? sc : body;
		for (j = 0; s != NULL && j < s->ncmds && what == 0; j++) {
			if (installs(&s->cmds[j], logrotate_pkgs) != NULL)
				what = 1;
			else if ((dest = writes_logrotate(&s->cmds[j])) !=
			    NULL) {
				*path = tl_strdup(dest);
				what = 2;
			}
		}
	}
	tl_script_free(sc);
	tl_script_free(body);
	return what;
}

/* The destination of a COPY or ADD: its last word. */
static const char *
copy_dest(const struct tl_df_instr *in)
{
	const char	*p;

	if (in->exec_form)
		return in->argc > 0 ? in->argv[in->argc - 1] : "";
	for (p = in->args + strlen(in->args); p > in->args; p--)
		if (p[-1] == ' ' || p[-1] == '\t')
			break;
	return p;
}

static int
tf1104_dockerfile(struct tl_check *c, const struct tl_file *f)
{
	const struct tl_dockerfile *df = f->docker;
	const struct tl_df_instr *in;
	const char		*dest;
	char			*folded, *path;
	size_t			 i;
	int			 error = 0;

	for (i = 0; i < df->ninstrs && error == 0; i++) {
		in = &df->instrs[i];
		if (in->stage == TL_DF_NO_STAGE ||
		    !in_final_chain(df, in->stage))
			continue;
		folded = tl_str_fold(in->args, strlen(in->args));
		if (strcmp(in->keyword, "COPY") == 0 ||
		    strcmp(in->keyword, "ADD") == 0) {
			if (logrotate_path(dest = copy_dest(in)))
				error = tl_report(c, f, in->line, 1, folded,
				    "%s ships a logrotate configuration into "
				    "%s", in->keyword, dest);
		} else if (strcmp(in->keyword, "RUN") == 0) {
			switch (run_logrotate(in, &path)) {
			case 1:
				error = tl_report(c, f, in->line, 1, folded,
				    "RUN installs logrotate in the image that "
				    "runs");
				break;
			case 2:
				error = tl_report(c, f, in->line, 1, folded,
				    "RUN writes a logrotate configuration "
				    "into %s", path);
				break;
			default:
				break;
			}
			free(path);
		}
		free(folded);
	}
	return error;
}

static int
tf1104_check(struct tl_check *c)
{
	struct tl_starts	 starts;
	const struct tl_start	*st;
	const struct tl_file	*f, *df;
	const struct tl_sh_cmd	*cmd;
	const char		*daemon;
	char			 what[256], inst[300], shown[80];
	size_t			 i, j, k;
	unsigned		 line;
	int			 error = 0, other;

	tl_starts_collect(&starts, c->repo);
	TL_FOREACH_FILE(f, c->repo, TL_FILE_DOCKERFILE) {
		if (f->docker == NULL || tl_file_not_deployed(c->repo, f) ||
		    log_router_image(&starts, f))
			continue;
		if ((error = tf1104_dockerfile(c, f)) != 0)
			break;
	}
	for (i = 0; i < starts.n && error == 0; i++) {
		st = &starts.v[i];
		if (start_not_deployed(c->repo, &starts, st))
			continue;
		for (j = 0; j < st->script->ncmds && error == 0; j++) {
			cmd = &st->script->cmds[j];
			if ((daemon = starts_syslog(cmd)) == NULL)
				continue;
			/* Only next to another process, not a router's own. */
			for (k = 0, other = 0; k < st->script->ncmds; k++)
				if (!tl_cmd_is_plumbing(&st->script->cmds[k]) &&
				    !log_daemon(&st->script->cmds[k]) &&
				    !has_body(st->script, k))
					other = 1;
			if (!other)
				continue;
			inst[0] = '\0';
			if ((df = start_dockerfile(&starts, st)) != NULL &&
			    (line = df_installs(df->docker, syslog_pkgs)) != 0)
				snprintf(inst, sizeof(inst), " (installed at "
				    "%s:%u)", df->path, line);
			error = tl_report(c, st->file, cmd->line, 0, cmd->text,
			    "%s starts %s ('%s') inside the app container%s",
			    tl_start_what(st, what, sizeof(what)), daemon,
			    cmd_shown(st, cmd, shown, sizeof(shown)), inst);
			break;
		}
	}
	tl_starts_release(&starts);
	return error;
}

/* ------------------------------------------------------------- TF1106 */

/* Programs that are a Python interpreter or a Python server or worker. */
static int
python_word(const char *w)
{
	static const char *const progs[] = {
		"python", "pypy", "pypy3", "gunicorn", "uvicorn", "hypercorn",
		"daphne", "celery", "flask", "django-admin", "waitress-serve",
		"granian", "dramatiq", "rq", "huey_consumer", "streamlit",
		"fastapi", "gradio", "chainlit", "jupyter", "ipython", NULL
	};
	const char	*base = strrchr(w, '/'), *p;
	size_t		 k;

	base = base != NULL ? base + 1 : w;
	for (k = 0; progs[k] != NULL; k++)
		if (strcmp(base, progs[k]) == 0)
			return 1;
	/* python3, python3.12 */
	if (strncmp(base, "python", 6) == 0 && base[6] != '\0') {
		for (p = base + 6; *p != '\0'; p++)
			if ((*p < '0' || *p > '9') && *p != '.')
				return 0;
		return 1;
	}
	return tl_str_has_suffix(base, ".py") && base[0] != '-';
}

/* Is the word an interpreter (not a server): python, python3.12, pypy? */
static int
interpreter_word(const char *w)
{
	const char	*base = strrchr(w, '/');

	base = base != NULL ? base + 1 : w;
	return strncmp(base, "python", 6) == 0 || strncmp(base, "pypy", 4) == 0;
}

/* Do the options after the interpreter at argv[i] include -u? */
static int
has_u_option(const struct tl_sh_cmd *c, size_t i)
{
	const char	*o;

	for (i++; i < c->argc && c->argv[i][0] == '-'; i++) {
		o = c->argv[i];
		if (strcmp(o, "--") == 0 || o[1] == '-')
			break;
		for (o++; *o != '\0'; o++) {
			if (*o == 'u')
				return 1;
			/* -c, -m, -W, -X take the rest or the next word. */
			if (strchr("cmWXQ", *o) != NULL) {
				if (o[1] == '\0' && (*o == 'W' || *o == 'X'))
					i++;
				else if (*o == 'c' || *o == 'm')
					return 0;
				break;
			}
		}
	}
	return 0;
}

/* Does the command set PYTHONUNBUFFERED (an assignment, export, env)? */
static int
sets_unbuffered(const struct tl_sh_cmd *c)
{
	size_t	 i;

	for (i = 0; i < c->nassigns; i++)
		if (tl_str_has_prefix(c->assigns[i], "PYTHONUNBUFFERED=") &&
		    c->assigns[i][17] != '\0')
			return 1;
	for (i = 0; i < c->argc; i++)
		if (tl_str_has_prefix(c->argv[i], "PYTHONUNBUFFERED=") &&
		    c->argv[i][17] != '\0')
			return 1;
	return 0;
}

/*
 * Images whose name or tag has a word that says Python: python3.12-slim,
 * pypy, miniconda3, miniforge, mambaforge, micromamba (uv:python3.12 too).
 */
static int
python_image(const char *image)
{
	static const char *const words[] = {
		"python", "pypy", "conda", "miniconda", "anaconda", "miniforge",
		"mambaforge", "micromamba", NULL
	};
	const char	*p, *w;
	size_t		 k, len;

	for (p = image; *p != '\0'; p = w + len) {
		for (w = p; *w != '\0' && !isalnum((unsigned char)*w); w++)
			continue;
		for (len = 0; isalnum((unsigned char)w[len]); len++)
			continue;
		for (k = 0; len > 0 && words[k] != NULL; k++)
			if (len >= strlen(words[k]) &&
			    strncasecmp(w, words[k], strlen(words[k])) == 0)
				return 1;
	}
	return 0;
}

/*
 * Lambda's Python images run the runtime interface client, which wraps
 * stdout and stderr in an unbuffered writer itself.
 */
static int
lambda_image(const char *image)
{
	return tl_memcasemem(image, strlen(image), "lambda/python", 13) !=
	    NULL || tl_memcasemem(image, strlen(image), "aws-lambda-python",
	    17) != NULL;
}

/*
 * What the start commands of one Dockerfile do with Python: seen, a
 * long-running Python process; buffered, one without python -u (the
 * first is start and cmd); unbuffered, PYTHONUNBUFFERED set or
 * awslambdaric run; other, a long-running process that is not Python;
 * unknown, a script run that is not in the repository.
 */
struct pyrun {
	const struct tl_start	*start;		/* borrowed */
	const struct tl_sh_cmd	*cmd;		/* borrowed */
	int			 nstarts;
	int			 seen;
	int			 buffered;
	int			 unbuffered;
	int			 other;
	int			 unknown;
};

/*
 * Programs that run the command after them: environment managers and
 * instrumentation wrappers (uv run, poetry run, opentelemetry-instrument …).
 */
static int
runner(const char *prog)
{
	static const char *const runners[] = {
		"uv", "uvx", "poetry", "pipenv", "pdm", "hatch", "rye", "pipx",
		"conda", "mamba", "micromamba", "opentelemetry-instrument",
		"ddtrace-run", "newrelic-admin", "doppler", "chamber",
		"aws-vault", NULL
	};
	size_t	 k;

	for (k = 0; runners[k] != NULL; k++)
		if (strcmp(prog, runners[k]) == 0)
			return 1;
	return 0;
}

/* One long-running command of a start of Dockerfile f. */
static void
python_cmd(struct pyrun *r, const struct tl_starts *starts,
    const struct tl_file *f, const struct tl_start *st, size_t j)
{
	const struct tl_sh_cmd	*cmd = &st->script->cmds[j];
	const char		*prog;
	size_t			 k, first, last;
	int			 py = 0, u = 0;

	if (cmd->argc == 0)
		return;
	first = tl_sh_prog_index(cmd);
	last = runner(tl_sh_real_prog(cmd)) ? cmd->argc : first + 1;
	for (k = first; k < last; k++) {
		if (cmd->argv[k][0] == '-' ||
		    strchr(cmd->argv[k], '=') != NULL ||
		    !python_word(cmd->argv[k]))
			continue;
		py = 1;
		if (interpreter_word(cmd->argv[k]) && has_u_option(cmd, k))
			u = 1;
		break;
	}
	if (py) {
		r->seen = 1;
		if (!u && r->cmd == NULL) {
			r->buffered = 1;
			r->start = st;
			r->cmd = cmd;
		}
		return;
	}
	if (has_body(st->script, j) || tl_cmd_execs_args(cmd))
		return;
	prog = cmd->argv[tl_sh_prog_index(cmd)];
	if (found_script(starts, f, prog))
		return;
	if (tl_str_has_suffix(prog, ".sh") || tl_str_has_prefix(prog, "./") ||
	    (strchr(prog, '/') != NULL && strchr(prog, '$') != NULL))
		r->unknown = 1;
	else
		r->other = 1;
}

/* What the start commands of Dockerfile f do with Python. */
static void
python_starts(struct pyrun *r, const struct tl_starts *starts,
    const struct tl_file *f)
{
	const struct tl_start	*st;
	const struct tl_sh_cmd	*cmd;
	size_t			 i, j;

	memset(r, 0, sizeof(*r));
	for (i = 0; i < starts->n; i++) {
		st = &starts->v[i];
		if (start_dockerfile(starts, st) != f)
			continue;
		r->nstarts++;
		for (j = 0; j < st->script->ncmds; j++) {
			cmd = &st->script->cmds[j];
			if (sets_unbuffered(cmd) || tl_cmd_has_word(cmd,
			    "awslambdaric") || tl_cmd_is(cmd, "awslambdaric"))
				r->unbuffered = 1;
			if (cmd->op != TL_SH_PIPE &&
			    long_running(st->script, j))
				python_cmd(r, starts, f, st, j);
		}
	}
}

/* The line of any ENV PYTHONUNBUFFERED with a value in the file, or 0. */
static unsigned
env_elsewhere(const struct tl_dockerfile *df)
{
	const struct tl_df_instr *in;
	size_t			 i, k;

	for (i = 0; i < df->ninstrs; i++) {
		in = &df->instrs[i];
		if (strcmp(in->keyword, "ENV") != 0)
			continue;
		for (k = 0; k < in->nkv; k++)
			if (strcmp(in->kv[k].key, "PYTHONUNBUFFERED") == 0 &&
			    in->kv[k].value != NULL &&
			    in->kv[k].value[0] != '\0')
				return in->line;
	}
	return 0;
}

static int	tf1106_check(struct tl_check *);

static const struct tl_rule tf1106 = {
	.id = "TF1106",
	.name = "python-output-buffered",
	.factor = TL_FACTOR_LOGS,
	.severity = TL_SEV_INFO,
	.needs = TL_NEED(TL_FILE_DOCKERFILE),
	.summary = "Python image without PYTHONUNBUFFERED",
	.rationale =
	    "Logs are a stream of events written unbuffered to stdout. When "
	    "stdout is not a terminal (a container under ECS or docker) "
	    "Python buffers it in blocks of several kilobytes: print() "
	    "output reaches CloudWatch Logs late and out of order with "
	    "stderr, and the last block is lost when the task is killed or "
	    "crashes, just when it is needed. The logging module's handlers "
	    "flush every record, so gunicorn's and uvicorn's own logs are "
	    "not delayed, but print() output of the app and its libraries "
	    "is, and which of them the app uses cannot be seen: servers are "
	    "reported too, as information. Checked: each Dockerfile whose "
	    "final stage runs Python: its start command (CMD, ENTRYPOINT or "
	    "the script they run) keeps a python, gunicorn, uvicorn, celery, "
	    "daphne, flask … process running (also behind uv run, poetry "
	    "run, opentelemetry-instrument, ddtrace-run …), or it is built "
	    "FROM a python, pypy or conda image (or a stage that is) and its "
	    "start command is not all in view (inherited from the base "
	    "image, or a script that is not in the repository). Not "
	    "reported: ENV PYTHONUNBUFFERED with a value in the final stage "
	    "or a stage it is built FROM (an ENV in an unrelated build "
	    "stage does not reach the image, and the finding says so), a "
	    "start command that sets it or runs python -u, AWS Lambda "
	    "Python base images and awslambdaric (the runtime client "
	    "unbuffers stdout itself), a Python image whose start command "
	    "runs something else, Dockerfiles named for development and "
	    "GitHub Actions. The image is checked because it carries the "
	    "setting to every environment; a value set only in a task "
	    "definition or compose file is not looked for.",
	.fix =
	    "Add ENV PYTHONUNBUFFERED=1 to the final stage (or run python "
	    "-u), so every line reaches stdout, and from there the awslogs "
	    "driver and CloudWatch Logs, as it is written.",
	.see_also = NULL,
	.check = tf1106_check,
};

static int
tf1106_check(struct tl_check *c)
{
	struct tl_starts	 starts;
	const struct tl_file	*f;
	const struct tl_dockerfile *df;
	const struct tl_df_stage *final, *st, *pyst;
	const char		*env;
	struct pyrun		 r;
	char			 what[256], shown[80], elsewhere[96];
	size_t			 depth;
	unsigned		 line;
	int			 error = 0, lambda;

	tl_starts_collect(&starts, c->repo);
	TL_FOREACH_FILE(f, c->repo, TL_FILE_DOCKERFILE) {
		if ((df = f->docker) == NULL ||
		    (final = tl_dockerfile_final(df)) == NULL ||
		    tl_file_not_deployed(c->repo, f))
			continue;
		env = df_env(df, final, "PYTHONUNBUFFERED");
		if (env != NULL && *env != '\0')
			continue;
		pyst = NULL;
		lambda = 0;
		for (st = final, depth = 0; st != NULL && depth < df->nstages;
		    st = stage_parent(df, st), depth++) {
			if (lambda_image(st->image))
				lambda = 1;
			if (pyst == NULL && python_image(st->image))
				pyst = st;
		}
		python_starts(&r, &starts, f);
		/*
		 * Python by its start command; by its image only when the
		 * start command is not all in view (inherited from the base
		 * image, or a script that is not in the repository).
		 */
		if (lambda || r.unbuffered || (r.seen && !r.buffered) ||
		    (!r.seen && (pyst == NULL || (r.nstarts > 0 && r.other &&
		    !r.unknown))))
			continue;
		elsewhere[0] = '\0';
		if ((line = env_elsewhere(df)) != 0)
			snprintf(elsewhere, sizeof(elsewhere), " (the ENV "
			    "PYTHONUNBUFFERED at line %u is in a stage this "
			    "image is not built FROM)", line);
		if (r.cmd != NULL)
			error = tl_report(c, f, final->line, 1, r.cmd->text,
			    "%s runs '%s' with stdout block-buffered: no "
			    "PYTHONUNBUFFERED and no python -u, so its events "
			    "reach the log late and are lost on a crash%s",
			    tl_start_what(r.start, what, sizeof(what)),
			    cmd_shown(r.start, r.cmd, shown, sizeof(shown)),
			    elsewhere);
		else
			error = tl_report(c, f, final->line, 1, pyst->image,
			    "the image is built FROM %s and sets no "
			    "PYTHONUNBUFFERED: stdout is block-buffered, so "
			    "events reach the log late and are lost on a "
			    "crash%s", pyst->image, elsewhere);
		if (error != 0)
			break;
	}
	tl_starts_release(&starts);
	return error;
}



/* ------------------------------------------------------------- TF1105 */

/* Does the node (or anything under it) name the function: Ref or ${Name}? */
static int
mentions(const struct tl_ynode *n, const char *name)
{
	char	 sub[256];
	size_t	 i;

	if (n == NULL)
		return 0;
	if (n->type == TL_YSCALAR) {
		snprintf(sub, sizeof(sub), "${%s}", name);
		return strcmp(n->value, name) == 0 ||
		    strstr(n->value, sub) != NULL;
	}
	for (i = 0; i < n->nitems; i++)
		if (mentions(n->items[i], name))
			return 1;
	for (i = 0; i < n->npairs; i++)
		if (mentions(n->pairs[i].value, name))
			return 1;
	return 0;
}

/* Does the template define no log group for the function to write to? */
static int
function_group_missing(const struct tl_cfn *cfn,
    const struct tl_cfn_resource *fn)
{
	const struct tl_cfn_resource *g;
	const struct tl_ynode	*name;
	const char		*fname;

	/* LoggingConfig.LogGroup names a group: that group is checked. */
	if (tl_cfn_prop(fn, "LoggingConfig.LogGroup") != NULL)
		return 0;
	fname = tl_ystr(tl_cfn_prop(fn, "FunctionName"));
	TL_CFN_FOREACH(g, cfn, "AWS::Logs::LogGroup") {
		name = tl_cfn_prop(g, "LogGroupName");
		if (mentions(name, fn->name) || (fname != NULL &&
		    mentions(name, fname)))
			return 0;
	}
	return 1;
}

static int	tf1105_check(struct tl_check *);

static const struct tl_rule tf1105 = {
	.id = "TF1105",
	.name = "log-group-without-retention",
	.factor = TL_FACTOR_LOGS,
	.severity = TL_SEV_INFO,
	.needs = TL_NEED(TL_FILE_TEMPLATE),
	.summary = "log group without retention in the template",
	.rationale =
	    "A twelve-factor app leaves the routing and archival of its event "
	    "stream to the execution environment; on AWS that is CloudWatch "
	    "Logs, and its retention is part of the deploy, not an afterthought: "
	    "a log group without RetentionInDays keeps every event forever, at "
	    "a cost that grows without bound, and the automatic group Lambda "
	    "creates for a function the template does not describe has no "
	    "retention at all. Reported: AWS::Logs::LogGroup resources without "
	    "RetentionInDays, and Lambda functions (SAM or plain) whose log "
	    "group the template does not define (no LoggingConfig.LogGroup, no "
	    "log group named /aws/lambda/<function>).",
	.fix =
	    "Define the log group in the template with RetentionInDays "
	    "(AWS::Logs::LogGroup with LogGroupName !Sub "
	    "/aws/lambda/${MyFunction}, or LoggingConfig.LogGroup on the "
	    "function), and export to S3 or subscribe a destination for what "
	    "must be kept longer.",
	.see_also = "checkov CKV_AWS_66; cfn-lint I3011",
	.check = tf1105_check,
};

static int
tf1105_check(struct tl_check *c)
{
	const struct tl_file	*f;
	const struct tl_cfn_resource *r, *first;
	struct tl_cfn		 cfn;
	struct tl_buf		 names = TL_BUF_INIT;
	size_t			 nfn, n;
	int			 error = 0;

	TL_FOREACH_FILE(f, c->repo, TL_FILE_TEMPLATE) {
		if (tl_cfn_open(&cfn, f) != 0)
			continue;
		TL_CFN_FOREACH(r, &cfn, "AWS::Logs::LogGroup") {
			if (error == 0 && tl_cfn_prop(r, "RetentionInDays") ==
			    NULL)
				error = tl_report(c, f, r->line, 0, r->name,
				    "log group '%s' has no RetentionInDays: its "
				    "events are kept forever", r->name);
		}
		/* The functions without a group: one finding per template. */
		first = tl_cfn_functions_where(&cfn, function_group_missing,
		    &names, &nfn, &n);
		if (error == 0 && first != NULL && n == 1)
			error = tl_report(c, f, first->line, 0, f->path,
			    "function %s logs to an automatic /aws/lambda/ "
			    "group that never expires: the template defines no "
			    "log group for it", tl_buf_str(&names));
		else if (error == 0 && first != NULL)
			error = tl_report(c, f, first->line, 0, f->path,
			    "%zu functions log to automatic /aws/lambda/ groups "
			    "that never expire (%s%s): the template defines no "
			    "log groups for them", n, tl_buf_str(&names),
			    n > 3 ? " …" : "");
		tl_cfn_release(&cfn);
		if (error != 0)
			break;
	}
	tl_buf_release(&names);
	return error;
}

static const struct tl_rule *const rules[] = {
	&tf1102,
	&tf1103,
	&tf1104,
	&tf1105,
	&tf1106,
};

const struct tl_module tl_module_LOGS = {
	TL_FACTOR_LOGS, rules, TL_NELEM(rules), NULL, NULL
};
