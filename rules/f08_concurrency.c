/*
 * f08_concurrency.c: factor VIII, Concurrency
 * (https://12factor.net/concurrency).  Scale out via the process model.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common.h"

/* ------------------------------------------------------------- TF0801 */

/* Programs that fork into the background when given one of these flags. */
static const struct daemon_flag {
	const char	*prog;
	const char	*flag;		/* exact word, or prefix when it ends in '=' */
	const char	*value;		/* the next word must be this, or NULL */
} daemon_flags[] = {
	{ "gunicorn", "-D", NULL }, { "gunicorn", "--daemon", NULL },
	{ "uwsgi", "--daemonize", NULL }, { "uwsgi", "--daemonize=", NULL },
	{ "uwsgi", "--daemonize2", NULL },
	{ "php-fpm", "-D", NULL }, { "php-fpm", "--daemonize", NULL },
	{ "redis-server", "--daemonize", "yes" },
	{ "memcached", "-d", NULL }, { "memcached", "--daemon", NULL },
	{ "mongod", "--fork", NULL },
	{ "httpd", "-k", "start" }, { "apachectl", "start", NULL },
	{ "apache2ctl", "start", NULL }, { "celery", "--detach", NULL },
	{ "start-stop-daemon", "--background", NULL },
	{ "start-stop-daemon", "-b", NULL },
	{ "puma", "-d", NULL }, { "puma", "--daemon", NULL },
	{ "unicorn", "-D", NULL }, { "unicorn", "--daemonize", NULL },
};

/* Why the command daemonizes, or NULL. */
static const char *
daemonizes(const struct tl_sh_cmd *c, char *buf, size_t len)
{
	const struct daemon_flag *d;
	const char		*prog, *w;
	size_t			 i, j, k;

	if ((i = tl_sh_prog_index(c)) >= c->argc)
		return NULL;
	prog = tl_sh_real_prog(c);

	/* service x start, /etc/init.d/x start, systemctl start x */
	if ((strcmp(prog, "service") == 0 || strcmp(prog, "rc-service") == 0 ||
	    strcmp(prog, "invoke-rc.d") == 0) && i + 2 < c->argc &&
	    (strcmp(c->argv[i + 2], "start") == 0 ||
	    strcmp(c->argv[i + 2], "restart") == 0)) {
		snprintf(buf, len, "'%s %s %s' starts a background service",
		    prog, c->argv[i + 1], c->argv[i + 2]);
		return buf;
	}
	if (strncmp(c->argv[i], "/etc/init.d/", 12) == 0 && i + 1 < c->argc &&
	    strcmp(c->argv[i + 1], "start") == 0) {
		snprintf(buf, len, "'%s start' starts a background service",
		    c->argv[i]);
		return buf;
	}
	if (strcmp(prog, "systemctl") == 0 && tl_cmd_has_word(c, "start")) {
		snprintf(buf, len, "'systemctl start' starts a background "
		    "service");
		return buf;
	}
	/* nginx forks unless told "daemon off;" */
	if (strcmp(prog, "nginx") == 0) {
		for (j = i + 1; j < c->argc; j++)
			if (strstr(c->argv[j], "daemon off") != NULL ||
			    strcmp(c->argv[j], "-s") == 0 ||
			    strcmp(c->argv[j], "-t") == 0 ||
			    strcmp(c->argv[j], "-T") == 0 ||
			    strcmp(c->argv[j], "-v") == 0 ||
			    strcmp(c->argv[j], "-V") == 0)
				return NULL;
		snprintf(buf, len, "nginx runs without -g 'daemon off;' and "
		    "forks into the background");
		return buf;
	}
	for (k = 0; k < TL_NELEM(daemon_flags); k++) {
		d = &daemon_flags[k];
		if (strcmp(prog, d->prog) != 0)
			continue;
		for (j = i + 1; j < c->argc; j++) {
			w = c->argv[j];
			if (tl_str_has_suffix(d->flag, "=") ?
			    !tl_str_has_prefix(w, d->flag) :
			    strcmp(w, d->flag) != 0)
				continue;
			if (d->value != NULL && (j + 1 >= c->argc ||
			    strcmp(c->argv[j + 1], d->value) != 0))
				continue;
			snprintf(buf, len, "'%s %s%s%s' forks into the "
			    "background", prog, d->flag, d->value ? " " : "",
			    d->value ? d->value : "");
			return buf;
		}
	}
	return NULL;
}

/* tail -f, sleep infinity: a command that only keeps PID 1 alive. */
static int
keeps_alive(const struct tl_sh_cmd *c)
{
	return (tl_cmd_is(c, "tail") && (tl_cmd_has_word(c, "-f") ||
	    tl_cmd_has_word(c, "-F") || tl_cmd_has_word(c, "--follow"))) ||
	    (tl_cmd_is(c, "sleep") && tl_cmd_has_word(c, "infinity"));
}

static int	tf0801_check(struct tl_check *);

static const struct tl_rule tf0801 = {
	.id = "TF0801",
	.name = "daemonizes",
	.factor = TL_FACTOR_CONCURRENCY,
	.severity = TL_SEV_ERROR,
	.needs = TL_NEED(TL_FILE_DOCKERFILE) | TL_NEED(TL_FILE_PROCFILE) |
	    TL_NEED(TL_FILE_SCRIPT),
	.summary = "process daemonizes itself",
	.rationale =
	    "Twelve-factor processes never daemonize or write PID files: "
	    "they run in the foreground and rely on the process manager "
	    "(ECS, Lambda, systemd, Heroku) to supervise, restart and scale "
	    "them. A start command that forks into the background (service "
	    "x start, nginx without 'daemon off;', gunicorn --daemon, "
	    "redis-server --daemonize yes …) or that backgrounds the app and "
	    "then keeps PID 1 alive with tail -f or sleep infinity hides the "
	    "real process from the supervisor: its crash goes unnoticed and "
	    "its signals and logs are lost.",
	.fix =
	    "Run the process in the foreground as the container's main "
	    "process (CMD [\"nginx\", \"-g\", \"daemon off;\"], gunicorn "
	    "without --daemon) and give each process type its own ECS "
	    "service or task definition instead of starting several in one "
	    "container.",
	.see_also = NULL,
	.check = tf0801_check,
};

static int
tf0801_check(struct tl_check *c)
{
	struct tl_starts	 starts;
	const struct tl_start	*st;
	const struct tl_sh_cmd	*cmd, *bg;
	char			 why[160], what[256];
	const char		*w;
	size_t			 i, j;
	int			 error = 0;

	tl_starts_collect(&starts, c->repo);
	for (i = 0; i < starts.n && error == 0; i++) {
		st = &starts.v[i];
		bg = NULL;
		for (j = 0; j < st->script->ncmds && error == 0; j++) {
			cmd = &st->script->cmds[j];
			if ((w = daemonizes(cmd, why, sizeof(why))) != NULL) {
				error = tl_report(c, st->file, cmd->line, 0,
				    cmd->text, "%s: %s",
				    tl_start_what(st, what, sizeof(what)), w);
				continue;
			}
			if (cmd->background && bg == NULL)
				bg = cmd;
			if (bg != NULL && keeps_alive(cmd))
				error = tl_report(c, st->file, bg->line, 0,
				    bg->text, "%s: '%s' is sent to the "
				    "background and PID 1 only waits on '%s'",
				    tl_start_what(st, what, sizeof(what)),
				    tl_sh_real_prog(bg), cmd->text);
		}
	}
	tl_starts_release(&starts);
	return error;
}

/* ------------------------------------------- helpers of TF0802 … TF0807 */

/* The last component of a path. */
static const char *
base_name(const char *p)
{
	const char	*s = strrchr(p, '/');

	return s != NULL ? s + 1 : p;
}

/* Language runners that start the program named after them. */
static const struct {
	const char	*prog;
	const char	*word;		/* the runner's subcommand, or NULL */
} runners[] = {
	{ "bundle", "exec" }, { "poetry", "run" }, { "pipenv", "run" },
	{ "uv", "run" }, { "pdm", "run" }, { "hatch", "run" },
	{ "rye", "run" }, { "pnpm", "exec" }, { "yarn", "exec" },
	{ "npx", NULL }, { "bunx", NULL }, { "pnpx", NULL },
};

/*
 * Index in argv of the program a command really runs: past the process
 * wrappers (tl_sh_prog_index), the language runners above and "python
 * -m MODULE" (the module's index).  argc when the command is empty.
 */
static size_t
program_index(const struct tl_sh_cmd *c)
{
	const char	*p;
	size_t		 i, j, k;
	int		 again = 1;

	if (c->argc == 0)
		return 0;
	i = tl_sh_prog_index(c);
	while (again && i < c->argc) {
		again = 0;
		p = base_name(c->argv[i]);
		if (strncmp(p, "python", 6) == 0) {
			for (j = i + 1; j + 1 < c->argc &&
			    c->argv[j][0] == '-'; j++)
				if (strcmp(c->argv[j], "-m") == 0)
					return j + 1;
			return i;
		}
		for (k = 0; k < TL_NELEM(runners); k++) {
			if (strcmp(p, runners[k].prog) != 0)
				continue;
			j = i + 1;
			if (runners[k].word != NULL) {
				if (j >= c->argc ||
				    strcmp(c->argv[j], runners[k].word) != 0)
					break;
				j++;
			}
			while (j < c->argc && c->argv[j][0] == '-')
				j++;
			if (j < c->argc) {
				i = j;
				again = 1;
			}
			break;
		}
	}
	return i;
}


/*
 * Path components that hold examples, demos or project templates rather
 * than the repository's own application.
 */
static int
is_example_path(const char *path)
{
	static const char *const dirs[] = {
		"example", "examples", "sample", "samples", "demo", "demos",
		"template", "templates", "skeleton", "boilerplate",
		"playground", "benchmark", "benchmarks", "docs", "doc", NULL
	};
	const char	*p = path, *e;
	size_t		 i, n;

	if (strstr(path, "{{") != NULL || strstr(path, "{%") != NULL)
		return 1;
	while ((e = strchr(p, '/')) != NULL) {
		n = (size_t)(e - p);
		for (i = 0; dirs[i] != NULL; i++)
			if (strlen(dirs[i]) == n &&
			    strncasecmp(p, dirs[i], n) == 0)
				return 1;
		p = e + 1;
	}
	return 0;
}

/* The file at dir/rel, or else at rel from the root; NULL when none. */
static const struct tl_file *
file_near(const struct tl_repo *repo, const char *dir, const char *rel)
{
	const struct tl_file	*f = NULL;
	char			*p;

	while (tl_str_has_prefix(rel, "./"))
		rel += 2;
	if (*rel == '\0' || *rel == '/' || *rel == '$')
		return NULL;
	if (*dir != '\0') {
		p = tl_printf("%s/%s", dir, rel);
		f = tl_repo_file(repo, p);
		free(p);
	}
	if (f == NULL)
		f = tl_repo_file(repo, rel);
	if (f == NULL || !f->loaded || f->test || f->vendored)
		return NULL;
	return f;
}

/*
 * The one readable application file named name (no test or vendored
 * one), or NULL when there is none or several.
 */
static const struct tl_file *
file_named(const struct tl_repo *repo, const char *name)
{
	const struct tl_file	*f, *found = NULL;
	size_t			 i;

	for (i = 0; i < repo->nfiles; i++) {
		f = repo->files[i];
		if (!f->loaded || f->test || f->vendored ||
		    strcmp(f->name, name) != 0)
			continue;
		if (found != NULL)
			return NULL;
		found = f;
	}
	return found;
}

/* Is the line, from its first non-blank byte, a comment? */
static int
comment_line(const char *p, size_t len, char mark)
{
	while (len > 0 && (*p == ' ' || *p == '\t')) {
		p++;
		len--;
	}
	return len > 0 && *p == mark;
}

/*
 * Words of images and service names that are backing services, edge
 * proxies or tools run next to the app, not the app's own process types.
 */
static const char *const backing_words[] = {
	"postgres", "postgresql", "postgis", "pg", "db", "database", "mysql",
	"mariadb", "mongo", "mongodb", "redis", "valkey", "memcached",
	"rabbitmq", "elasticsearch", "opensearch", "kafka", "zookeeper",
	"minio", "localstack", "mailhog", "mailpit", "nginx", "traefik",
	"caddy", "haproxy", "envoy", "varnish", "proxy", "adminer",
	"pgadmin", "phpmyadmin", "pgadmin4", "dynamodb", "keycloak",
	"jaeger", "prometheus", "grafana", "loki", "cassandra", "couchdb",
	"influxdb", "clickhouse", "neo4j", "nats", "etcd", "consul", "vault",
	"mssql", "sqlserver", "oracle", "solr", "meilisearch", "typesense",
	"qdrant", "weaviate", "azurite", "smtp", "otel", "opentelemetry",
	"collector", "selenium", NULL
};

/* Is any word of s (split at - _ . / :) one of backing_words? */
static int
backing_name(const char *s)
{
	const char	*p = s, *e;
	size_t		 i, n;

	if (s == NULL)
		return 0;
	while (*p != '\0') {
		for (e = p; *e != '\0' && strchr("-_./:", *e) == NULL; e++)
			continue;
		n = (size_t)(e - p);
		for (i = 0; n > 0 && backing_words[i] != NULL; i++)
			if (strlen(backing_words[i]) == n &&
			    strncasecmp(p, backing_words[i], n) == 0)
				return 1;
		p = *e != '\0' ? e + 1 : e;
	}
	return 0;
}

/*
 * The repository part of an image reference, without registry host,
 * tag or digest, in buf: "ghcr.io/org/app:1" -> "org/app".  *local is
 * set when the registry is localhost.
 */
static const char *
image_repo(const char *image, char *buf, size_t len, int *local)
{
	const char	*slash, *p;
	size_t		 n;

	*local = 0;
	slash = strchr(image, '/');
	if (slash != NULL && (memchr(image, '.', (size_t)(slash - image)) !=
	    NULL || memchr(image, ':', (size_t)(slash - image)) != NULL ||
	    (slash - image == 9 && strncmp(image, "localhost", 9) == 0))) {
		*local = strncmp(image, "localhost", 9) == 0 ||
		    strncmp(image, "127.0.0.1", 9) == 0;
		image = slash + 1;
	}
	n = strcspn(image, "@");
	p = memchr(image, ':', n);
	if (p != NULL && strchr(p, '/') == NULL)
		n = (size_t)(p - image);
	if (n >= len)
		n = len - 1;
	memcpy(buf, image, n);
	buf[n] = '\0';
	return buf;
}

/*
 * The starts of the app's processes: tl_starts_collect() plus the
 * commands of compose services and task-definition containers, without
 * the compose services that are backing services (by name or image).
 */
static void
app_starts(struct tl_starts *starts, const struct tl_repo *repo)
{
	const struct tl_ynode	*svc;
	struct tl_start		*st;
	char			 img[256];
	size_t			 i, n;
	int			 local;

	tl_starts_collect(starts, repo);
	tl_starts_add_deploys(starts, repo);
	for (i = n = 0; i < starts->n; i++) {
		st = &starts->v[i];
		svc = st->kind == TL_START_PROC &&
		    st->file->kind == TL_FILE_COMPOSE ? tl_ymap_get(tl_ymap_get(
		    st->file->doc->roots[0], "services"), st->proc) : NULL;
		if (svc != NULL && (backing_name(st->proc) ||
		    (tl_ystr(tl_ymap_get(svc, "image")) != NULL &&
		    image_repo(tl_ystr(tl_ymap_get(svc, "image")), img,
		    sizeof(img), &local) != NULL && backing_name(img)))) {
			if (st->owned)
				tl_script_free((struct tl_script *)st->script);
			continue;
		}
		starts->v[n++] = *st;
	}
	starts->n = n;
}

/* ------------------------------------------------------------- TF0802 */

/* Options that make a server write a PID file. */
static const struct pid_opt {
	const char	*prog;		/* a prefix when it ends in '*' */
	const char	*opt;		/* "--pid FILE" and "--pid=FILE" */
	int		 novalue;	/* a flag without a file (-m) */
} pid_opts[] = {
	{ "gunicorn", "--pid", 0 }, { "gunicorn", "-p", 0 },
	{ "celery", "--pidfile", 0 },
	{ "puma", "--pidfile", 0 }, { "puma", "-P", 0 },
	{ "unicorn*", "--pid", 0 }, { "unicorn*", "-P", 0 },
	{ "uwsgi", "--pidfile", 0 }, { "uwsgi", "--pidfile2", 0 },
	{ "uwsgi", "--safe-pidfile", 0 }, { "uwsgi", "--safe-pidfile2", 0 },
	{ "rails", "--pid", 0 }, { "rails", "-P", 0 },
	{ "php-fpm*", "--pid", 0 }, { "php-fpm*", "-g", 0 },
	{ "redis-server", "--pidfile", 0 }, { "hypercorn", "--pid", 0 },
	{ "sidekiq", "--pidfile", 0 }, { "sidekiq", "-P", 0 },
	{ "thin", "--pid", 0 }, { "thin", "-P", 0 },
	{ "passenger", "--pid-file", 0 }, { "haproxy", "-p", 0 },
	{ "mongod", "--pidfilepath", 0 },
	{ "start-stop-daemon", "--make-pidfile", 1 },
	{ "start-stop-daemon", "-m", 1 },
};

static int
prog_matches(const char *prog, const char *pat)
{
	size_t	 n = strlen(pat);

	if (n > 0 && pat[n - 1] == '*')
		return strncmp(prog, pat, n - 1) == 0;
	return strcmp(prog, pat) == 0;
}

/*
 * The PID file a command writes, in buf, or NULL.  An empty value
 * (celery's "--pidfile=", the documented way to turn it off) and a
 * stream (/dev/null) write no file.
 */
static const char *
writes_pidfile(const struct tl_sh_cmd *c, char *buf, size_t len)
{
	const struct pid_opt	*o;
	const char		*prog, *w, *v;
	size_t			 i, j, k, n;

	if (c->redirect != NULL && (tl_str_has_suffix(c->redirect, ".pid") ||
	    tl_str_has_suffix(c->redirect, "/pid"))) {
		snprintf(buf, len, "'%s' writes its output to the PID file "
		    "%s", tl_sh_real_prog(c), c->redirect);
		return buf;
	}
	if ((i = program_index(c)) >= c->argc)
		return NULL;
	prog = base_name(c->argv[i]);
	for (k = 0; k < TL_NELEM(pid_opts); k++) {
		o = &pid_opts[k];
		if (!prog_matches(prog, o->prog))
			continue;
		n = strlen(o->opt);
		for (j = i + 1; j < c->argc; j++) {
			w = c->argv[j];
			if (strcmp(w, o->opt) == 0) {
				if (o->novalue)
					v = "";
				else if (j + 1 < c->argc)
					v = c->argv[j + 1];
				else
					continue;
			} else if (!o->novalue && strncmp(w, o->opt, n) == 0 &&
			    w[n] == '=')
				v = w + n + 1;
			else
				continue;
			if (o->novalue) {
				snprintf(buf, len, "'%s %s' writes a PID file",
				    prog, o->opt);
				return buf;
			}
			if (*v == '\0' || tl_sh_path_is_stream(v))
				continue;
			snprintf(buf, len, "'%s %s %s' writes a PID file",
			    prog, o->opt, v);
			return buf;
		}
	}
	return NULL;
}

/*
 * A quoted literal at p (before end): its text in out (size outlen);
 * returns the byte after the closing quote, or NULL.
 */
static const char *
quoted(const char *p, const char *end, char *out, size_t outlen)
{
	const char	*q;
	size_t		 n;

	if (p >= end || (*p != '"' && *p != '\''))
		return NULL;
	for (q = p + 1; q < end && *q != *p; q++)
		continue;
	if (q >= end)
		return NULL;
	n = (size_t)(q - p - 1);
	if (n >= outlen)
		n = outlen - 1;
	memcpy(out, p + 1, n);
	out[n] = '\0';
	return q + 1;
}

/* The last byte c in [p, e), or NULL. */
static const char *
last_of(const char *p, const char *e, int c)
{
	while (e > p)
		if (*--e == c)
			return e;
	return NULL;
}

static const char *
skip_blanks(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	return p;
}

/* Does the line start (after blanks) with the word kw and then sep? */
static const char *
setting(const char *p, size_t len, const char *kw)
{
	const char	*end = p + len;
	size_t		 n = strlen(kw);

	p = skip_blanks(p, end);
	if ((size_t)(end - p) <= n || strncmp(p, kw, n) != 0)
		return NULL;
	p += n;
	if (*p != ' ' && *p != '\t' && *p != '=' && *p != '(')
		return NULL;
	return skip_blanks(p, end);
}

/*
 * A PID file a server's configuration file sets, with its line:
 * gunicorn (pidfile = "…"), puma (pidfile "…", or a literal default of
 * ENV.fetch), unicorn (pid "…"), uWSGI ini (pidfile = …).  Only literal
 * values count: a value read from the environment is the deploy's
 * choice.
 */
static unsigned
config_pidfile(const struct tl_file *f, char *val, size_t vlen,
    int *by_default)
{
	enum { GUNICORN, PUMA, UNICORN, UWSGI } kind;
	const char	*p, *end, *v, *q;
	size_t		 len;
	unsigned	 l;

	*by_default = 0;
	if (tl_str_has_prefix(f->name, "gunicorn") &&
	    tl_str_has_suffix(f->name, ".py"))
		kind = GUNICORN;
	else if (strcmp(f->name, "puma.rb") == 0 ||
	    (strstr(f->path, "config/puma/") != NULL &&
	    tl_str_has_suffix(f->name, ".rb")))
		kind = PUMA;
	else if (tl_str_has_prefix(f->name, "unicorn") &&
	    tl_str_has_suffix(f->name, ".rb"))
		kind = UNICORN;
	else if (tl_str_has_suffix(f->name, ".ini") && f->data != NULL &&
	    strstr(f->data, "[uwsgi]") != NULL)
		kind = UWSGI;
	else
		return 0;
	for (l = 1; l <= f->lines.n; l++) {
		p = tl_lines_get(&f->lines, f->data, f->size, l, &len);
		if (p == NULL)
			continue;
		end = p + len;
		*by_default = 0;
		switch (kind) {
		case GUNICORN:
			if ((v = setting(p, len, "pidfile")) == NULL ||
			    *v != '=')
				continue;
			v = skip_blanks(v + 1, end);
			if (quoted(v, end, val, vlen) == NULL)
				continue;
			break;
		case PUMA:
		case UNICORN:
			if ((v = setting(p, len, kind == PUMA ? "pidfile" :
			    "pid")) == NULL)
				continue;
			if (*v == '(')
				v = skip_blanks(v + 1, end);
			if (quoted(v, end, val, vlen) != NULL)
				break;
			/*
			 * pidfile ENV.fetch("PIDFILE") { "tmp/pids/…" },
			 * pidfile ENV.fetch("PIDFILE", "tmp/pids/…")
			 */
			if (kind != PUMA || strncmp(v, "ENV.fetch", 9) != 0 ||
			    (v = memchr(v, ')', (size_t)(end - v))) == NULL)
				continue;
			q = memchr(v, '{', (size_t)(end - v));
			if (q == NULL)
				q = last_of(p, v, ',');
			if (q == NULL || quoted(skip_blanks(q + 1, end), end,
			    val, vlen) == NULL)
				continue;
			*by_default = 1;
			break;
		case UWSGI:
			if (((v = setting(p, len, "pidfile")) == NULL &&
			    (v = setting(p, len, "pidfile2")) == NULL &&
			    (v = setting(p, len, "safe-pidfile")) == NULL) ||
			    *v != '=')
				continue;
			v = skip_blanks(v + 1, end);
			len = (size_t)(end - v);
			while (len > 0 && (v[len - 1] == ' ' ||
			    v[len - 1] == '\r'))
				len--;
			if (len >= vlen)
				len = vlen - 1;
			memcpy(val, v, len);
			val[len] = '\0';
			break;
		}
		if (*val == '\0' || tl_sh_path_is_stream(val))
			continue;
		return l;
	}
	return 0;
}

static int	tf0802_check(struct tl_check *);

static const struct tl_rule tf0802 = {
	.id = "TF0802",
	.name = "pid-file",
	.factor = TL_FACTOR_CONCURRENCY,
	.severity = TL_SEV_WARNING,
	.needs = TL_NEED(TL_FILE_DOCKERFILE) | TL_NEED(TL_FILE_PROCFILE) |
	    TL_NEED(TL_FILE_SCRIPT) | TL_NEED(TL_FILE_COMPOSE) |
	    TL_NEED(TL_FILE_TASKDEF),
	.summary = "PID file written",
	.rationale =
	    "Twelve-factor processes never write PID files: the process "
	    "manager (ECS, Lambda, systemd, Heroku) knows every process it "
	    "started. A PID file belongs to self-managed daemons, and in a "
	    "container it does harm: a file left behind by a killed process "
	    "makes the next start refuse to run ('server is already running'), "
	    "and the name fixes one process per file system. Reported: a start "
	    "command (the final stage's CMD or ENTRYPOINT, the script it runs, "
	    "a Procfile process, the command or entrypoint of a compose "
	    "service other than a backing service, an ECS task definition's "
	    "command or entryPoint) that gives a server its PID-file option "
	    "(gunicorn --pid, celery --pidfile, puma --pidfile/-P, unicorn -P, "
	    "uwsgi --pidfile, rails server -P, php-fpm --pid, redis-server "
	    "--pidfile, hypercorn --pid, sidekiq -P, thin -P, passenger "
	    "--pid-file, haproxy -p, start-stop-daemon --make-pidfile) or "
	    "redirects output into a .pid file; and a literal PID file in a "
	    "server's configuration (pidfile in gunicorn*.py, puma.rb, an "
	    "uWSGI ini; pid in unicorn*.rb; puma's ENV.fetch default). Not "
	    "reported: an empty value (celery --pidfile=, the documented way "
	    "to write none), /dev/null, a value taken from the environment "
	    "only (pidfile ENV[\"PIDFILE\"] if ENV[\"PIDFILE\"]), the pid "
	    "directive of nginx or Apache (they always keep one, in the "
	    "foreground too), artefacts named for development, and "
	    "configuration files under examples, templates or docs.",
	.fix =
	    "Drop the option or setting (celery: --pidfile= to write none), "
	    "run the process in the foreground and let the orchestrator track "
	    "it: an ECS service keeps the desired count of tasks running and "
	    "replaces a task whose process exits.",
	.see_also = NULL,
	.check = tf0802_check,
};

static int
tf0802_check(struct tl_check *c)
{
	struct tl_starts	 starts;
	const struct tl_start	*st;
	const struct tl_sh_cmd	*cmd;
	const struct tl_file	*f;
	char			 why[320], what[256], val[256];
	size_t			 i, j;
	unsigned		 line;
	int			 error = 0, dflt;

	app_starts(&starts, c->repo);
	for (i = 0; i < starts.n && error == 0; i++) {
		st = &starts.v[i];
		if (tl_start_is_dev(st))
			continue;
		for (j = 0; j < st->script->ncmds && error == 0; j++) {
			cmd = &st->script->cmds[j];
			if (writes_pidfile(cmd, why, sizeof(why)) == NULL)
				continue;
			error = tl_report(c, st->file, cmd->line, 0, cmd->text,
			    "%s: %s", tl_start_what(st, what, sizeof(what)), why);
		}
	}
	tl_starts_release(&starts);
	for (i = 0; i < c->repo->nfiles && error == 0; i++) {
		f = c->repo->files[i];
		if (!f->loaded || f->broken || f->test || f->vendored ||
		    f->data == NULL || tl_path_is_dev_artefact(f->path) ||
		    is_example_path(f->path))
			continue;
		if ((line = config_pidfile(f, val, sizeof(val), &dflt)) == 0)
			continue;
		tl_evidence(c, f->path);
		error = tl_report(c, f, line, 0, val, "%s sets the PID file "
		    "'%s'%s: the server writes a PID file",
		    f->name, val, dflt ? " as the default" : "");
	}
	return error;
}

/* ------------------------------------------------------------- TF0803 */

/*
 * The programs of the repository's supervisord configurations: every
 * "[program:name]" section of a *.conf or *.ini file.  names gets the
 * first few, comma separated; *where the first file that holds one;
 * *procs the processes they start (numprocs = N counts N).
 */
static size_t
supervisor_programs(const struct tl_repo *repo, struct tl_buf *names,
    const struct tl_file **where, size_t *procs)
{
	const struct tl_file	*f;
	const char		*p, *e, *q;
	size_t			 i, n = 0, ll;
	unsigned		 l;
	long			 np;

	*where = NULL;
	*procs = 0;
	for (i = 0; i < repo->nfiles; i++) {
		f = repo->files[i];
		if (!f->loaded || f->test || f->vendored || f->data == NULL ||
		    (!tl_str_has_suffix(f->name, ".conf") &&
		    !tl_str_has_suffix(f->name, ".ini")) ||
		    strstr(f->data, "[program:") == NULL)
			continue;
		for (l = 1; l <= f->lines.n; l++) {
			p = tl_lines_get(&f->lines, f->data, f->size, l, &ll);
			if (p == NULL)
				continue;
			e = p + ll;
			if (ll > 9 && strncmp(p, "[program:", 9) == 0 &&
			    (q = memchr(p, ']', ll)) != NULL) {
				if (*where == NULL)
					*where = f;
				if (n < 4)
					tl_buf_addf(names, "%s%.*s",
					    n > 0 ? ", " : "", (int)(q - p - 9),
					    p + 9);
				else if (n == 4)
					tl_buf_adds(names, ", ...");
				n++;
				(*procs)++;
			} else if (ll > 8 && strncmp(p, "numprocs", 8) == 0 &&
			    n > 0) {
				for (q = p + 8; q < e && (*q == ' ' ||
				    *q == '='); q++)
					continue;
				np = q < e ? strtol(q, NULL, 10) : 1;
				if (np > 1 && np < 1000)
					*procs += (size_t)np - 1;
			}
		}
	}
	return n;
}

/* Does the Dockerfile use s6-overlay (whose /init supervises services)? */
static int
uses_s6(const struct tl_file *df)
{
	static const char *const words[] = {
		"s6-overlay", "just-containers", "lsiobase",
		"linuxserver/baseimage", "linuxserver/docker-baseimage",
	};
	size_t	 k;

	if (df == NULL || df->kind != TL_FILE_DOCKERFILE || df->data == NULL)
		return 0;
	for (k = 0; k < TL_NELEM(words); k++)
		if (tl_memcasemem(df->data, df->size, words[k],
		    strlen(words[k])) != NULL)
			return 1;
	return 0;
}

/* Options of process runners that take a value (not a process name). */
static int
takes_value(const char *o)
{
	static const char *const opts[] = {
		"-f", "--procfile", "-e", "--env", "-d", "--root", "--app-root",
		"-p", "--port", "-m", "--formation", "-c", "--concurrency",
		"-t", "--timeout", "-n", "--names", "--prefix",
		"--prefix-colors",
		"--timestamp-format", "--max-processes", "--restart-tries",
		"--restart-after", "-s", "--success", "-l", "--prefix-length",
		NULL
	};
	size_t	 i;

	for (i = 0; opts[i] != NULL; i++)
		if (strcmp(o, opts[i]) == 0)
			return 1;
	return 0;
}

/* How many words after index i are not options or their values. */
static size_t
positionals(const struct tl_sh_cmd *c, size_t i)
{
	size_t	 j, n = 0;

	for (j = i + 1; j < c->argc; j++) {
		if (c->argv[j][0] != '-')
			n++;
		else if (strchr(c->argv[j], '=') == NULL &&
		    takes_value(c->argv[j]))
			j++;
	}
	return n;
}

/*
 * What a pm2 ecosystem file starts: the number of apps, and whether one
 * runs in cluster mode (instances other than 1, exec_mode cluster).
 * JSON and YAML files are read as documents, JavaScript by its keys
 * ("script:", "instances:", "exec_mode:").  0 when it cannot be read.
 */
static size_t
ecosystem_apps(const struct tl_file *f, int *cluster)
{
	const struct tl_ynode	*root, *apps, *a, *inst, *mode;
	const char		*p, *e, *k, *v;
	size_t			 i, n = 0, ll;
	unsigned		 l;

	*cluster = 0;
	if (f->doc != NULL && f->doc->nroots > 0) {
		root = f->doc->roots[0];
		apps = root->type == TL_YSEQ ? root : tl_ymap_get(root, "apps");
		if (apps == NULL && root->type == TL_YMAP &&
		    tl_ymap_get(root, "script") != NULL)
			apps = root;
		if (apps == NULL)
			return 0;
		n = apps->type == TL_YSEQ ? apps->nitems : 1;
		for (i = 0; i < n; i++) {
			a = apps->type == TL_YSEQ ? apps->items[i] : apps;
			inst = tl_ymap_get(a, "instances");
			if (inst == NULL)
				inst = tl_ymap_get(a, "i");
			mode = tl_ymap_get(a, "exec_mode");
			if ((tl_ystr(inst) != NULL &&
			    strcmp(tl_ystr(inst), "1") != 0) ||
			    (tl_ystr(mode) != NULL &&
			    strstr(tl_ystr(mode), "cluster") != NULL))
				*cluster = 1;
		}
		return n;
	}
	if (f->kind != TL_FILE_SOURCE || f->data == NULL)
		return 0;
	for (l = 1; l <= f->lines.n; l++) {
		p = tl_lines_get(&f->lines, f->data, f->size, l, &ll);
		if (p == NULL || comment_line(p, ll, '/'))
			continue;
		e = p + ll;
		p = skip_blanks(p, e);
		if (p < e && (*p == '"' || *p == '\''))
			p++;
		if ((size_t)(e - p) > 6 && strncmp(p, "script", 6) == 0 &&
		    (k = skip_blanks(p + 6 + (p[6] == '"' || p[6] == '\''),
		    e)) < e && *k == ':')
			n++;
		else if ((size_t)(e - p) > 9 && strncmp(p, "instances",
		    9) == 0) {
			k = skip_blanks(p + 9 + (p[9] == '"' || p[9] == '\''),
			    e);
			if (k >= e || *k != ':')
				continue;
			v = skip_blanks(k + 1, e);
			if (v < e && !(*v == '1' && (v + 1 == e ||
			    v[1] == ',' || v[1] == ' ')))
				*cluster = 1;
		} else if ((size_t)(e - p) > 9 && strncmp(p, "exec_mode",
		    9) == 0 && tl_memcasemem(p, (size_t)(e - p), "cluster",
		    7) != NULL)
			*cluster = 1;
	}
	return n;
}

/* pm2 / pm2-runtime: several apps or cluster mode; buf or NULL. */
static const char *
pm2_several(const struct tl_repo *repo, const struct tl_start *st,
    const struct tl_sh_cmd *c, size_t i, char *buf, size_t len)
{
	const struct tl_file	*eco;
	const char		*prog = base_name(c->argv[i]), *w, *v, *arg;
	char			*dir;
	size_t			 j, napps;
	int			 cluster;

	if (strcmp(prog, "pm2") == 0 && (i + 1 >= c->argc ||
	    (strcmp(c->argv[i + 1], "start") != 0 &&
	    strcmp(c->argv[i + 1], "start-or-restart") != 0)))
		return NULL;
	arg = NULL;
	for (j = i + 1; j < c->argc; j++) {
		w = c->argv[j];
		v = NULL;
		if (strcmp(w, "-i") == 0 || strcmp(w, "--instances") == 0)
			v = j + 1 < c->argc ? c->argv[j + 1] : NULL;
		else if (tl_str_has_prefix(w, "--instances="))
			v = w + 12;
		if (v != NULL && strcmp(v, "1") != 0) {
			snprintf(buf, len, "%s forks the app into a cluster "
			    "(%s%s%s): the container scales itself, not the "
			    "platform", prog, w, v == w + 12 ? "" : " ",
			    v == w + 12 ? "" : v);
			return buf;
		}
		if (w[0] == '-') {
			if (strchr(w, '=') == NULL && (strcmp(w, "-i") == 0 ||
			    strcmp(w, "--instances") == 0 ||
			    strcmp(w, "--name") == 0 || strcmp(w, "-n") == 0 ||
			    strcmp(w, "--env") == 0 || strcmp(w, "--only") ==
			    0 || strcmp(w, "--cwd") == 0))
				j++;
			continue;
		}
		if (arg == NULL && strcmp(w, "start") != 0)
			arg = w;
	}
	if (arg == NULL || (strstr(arg, "ecosystem") == NULL &&
	    strstr(arg, "process") == NULL && strstr(arg, "pm2") == NULL &&
	    !tl_str_has_suffix(arg, ".json") &&
	    !tl_str_has_suffix(arg, ".config.js") &&
	    !tl_str_has_suffix(arg, ".config.cjs") &&
	    !tl_str_has_suffix(arg, ".yml") &&
	    !tl_str_has_suffix(arg, ".yaml")))
		return NULL;
	dir = tl_path_dir(st->via != NULL ? st->via->path : st->file->path);
	eco = file_near(repo, dir, arg);
	free(dir);
	if (eco == NULL)
		eco = file_named(repo, base_name(arg));
	if (eco == NULL || (napps = ecosystem_apps(eco, &cluster)) == 0)
		return NULL;
	if (napps > 1)
		snprintf(buf, len, "%s starts %zu apps of %s in one "
		    "container", prog, napps, eco->path);
	else if (cluster)
		snprintf(buf, len, "%s forks the app of %s into a cluster: "
		    "the container scales itself, not the platform", prog,
		    eco->path);
	else
		return NULL;
	return buf;
}

/* Why a command runs several processes in one container, or NULL. */
static const char *
supervises(const struct tl_repo *repo, const struct tl_start *st,
    const struct tl_sh_cmd *c, char *buf, size_t len)
{
	const struct tl_file	*conf, *df;
	const char		*prog, *path;
	struct tl_buf		 names = TL_BUF_INIT;
	size_t			 i, n, procs;

	if ((i = program_index(c)) >= c->argc)
		return NULL;
	path = c->argv[i];
	prog = base_name(path);
	if (strcmp(prog, "supervisord") == 0 ||
	    strcmp(prog, "supervisor.supervisord") == 0) {
		n = supervisor_programs(repo, &names, &conf, &procs);
		if (n == 0)
			snprintf(buf, len, "supervisord starts and restarts "
			    "programs inside the container");
		else
			snprintf(buf, len, "supervisord starts %zu program%s "
			    "(%s, from %s) as %zu processes in one container",
			    n, n > 1 ? "s" : "", tl_buf_str(&names),
			    conf->path, procs);
		tl_buf_release(&names);
		return n > 0 && procs < 2 ? NULL : buf;
	}
	if (strcmp(prog, "s6-svscan") == 0 || strcmp(prog, "runsvdir") == 0 ||
	    strcmp(prog, "my_init") == 0) {
		snprintf(buf, len, "%s supervises a directory of services "
		    "in one container", prog);
		return buf;
	}
	df = st->kind == TL_START_SCRIPT ? st->via : st->file;
	if (strcmp(path, "/init") == 0 && uses_s6(df)) {
		snprintf(buf, len, "s6-overlay's /init supervises the "
		    "image's services in one container");
		return buf;
	}
	if (strcmp(path, "/sbin/init") == 0 ||
	    strcmp(path, "/usr/sbin/init") == 0 ||
	    strcmp(prog, "systemd") == 0) {
		snprintf(buf, len, "%s boots an init system that starts "
		    "every enabled service in one container", path);
		return buf;
	}
	if (strcmp(prog, "pm2") == 0 || strcmp(prog, "pm2-runtime") == 0 ||
	    strcmp(prog, "pm2-docker") == 0)
		return pm2_several(repo, st, c, i, buf, len);
	if (strcmp(prog, "honcho") == 0 || strcmp(prog, "foreman") == 0 ||
	    strcmp(prog, "forego") == 0 ||
	    strcmp(prog, "overmind") == 0 || strcmp(prog, "nf") == 0 ||
	    strcmp(prog, "hivemind") == 0) {
		if (strcmp(prog, "hivemind") != 0) {
			if (i + 1 >= c->argc || (strcmp(c->argv[i + 1],
			    "start") != 0 && strcmp(c->argv[i + 1], "s") != 0))
				return NULL;
			i++;
		}
		/* One process type named: "honcho start web". */
		n = positionals(c, i);
		if (n == 1 && strcmp(prog, "hivemind") != 0)
			return NULL;
		snprintf(buf, len, "%s starts every process type of a "
		    "Procfile in one container", prog);
		return buf;
	}
	if (strcmp(prog, "concurrently") == 0 || strcmp(prog, "run-p") == 0 ||
	    (strcmp(prog, "npm-run-all") == 0 &&
	    (tl_cmd_has_word(c, "-p") || tl_cmd_has_word(c, "--parallel")))) {
		if ((n = positionals(c, i)) < 2)
			return NULL;
		snprintf(buf, len, "%s runs %zu commands side by side in one "
		    "container", prog, n);
		return buf;
	}
	return NULL;
}

/*
 * "npm start", "yarn start", "pnpm start", "npm run start": the start
 * script of the package.json beside the Dockerfile or Procfile (else at
 * the root), parsed; NULL when there is none.
 */
static struct tl_script *
npm_start(const struct tl_repo *repo, const struct tl_start *st,
    const struct tl_sh_cmd *c, const struct tl_file **pkg)
{
	struct tl_script	*sc = NULL;
	const char		*prog;
	char			*dir;
	size_t			 i;

	if ((i = tl_sh_prog_index(c)) + 1 >= c->argc)
		return NULL;
	prog = base_name(c->argv[i]);
	if (strcmp(prog, "npm") != 0 && strcmp(prog, "yarn") != 0 &&
	    strcmp(prog, "pnpm") != 0 && strcmp(prog, "bun") != 0)
		return NULL;
	if (strcmp(c->argv[i + 1], "start") != 0 &&
	    !(strcmp(c->argv[i + 1], "run") == 0 && i + 2 < c->argc &&
	    strcmp(c->argv[i + 2], "start") == 0))
		return NULL;
	dir = tl_path_dir(st->via != NULL ? st->via->path : st->file->path);
	*pkg = file_near(repo, dir, "package.json");
	free(dir);
	if (*pkg == NULL || (*pkg)->manifest == NULL ||
	    (*pkg)->manifest->start == NULL)
		return NULL;
	if (tl_shell_parse(&sc, (*pkg)->manifest->start,
	    strlen((*pkg)->manifest->start), (*pkg)->manifest->start_line) != 0)
		return NULL;
	return sc;
}

static int	tf0803_check(struct tl_check *);

static const struct tl_rule tf0803 = {
	.id = "TF0803",
	.name = "process-supervisor",
	.factor = TL_FACTOR_CONCURRENCY,
	.severity = TL_SEV_WARNING,
	.needs = TL_NEED(TL_FILE_DOCKERFILE) | TL_NEED(TL_FILE_PROCFILE) |
	    TL_NEED(TL_FILE_SCRIPT) | TL_NEED(TL_FILE_COMPOSE) |
	    TL_NEED(TL_FILE_TASKDEF),
	.summary = "several process types in one container under a "
	    "supervisor",
	.rationale =
	    "In the twelve-factor process model each type of work is its own "
	    "process type, scaled by running more processes of that type. A "
	    "supervisor inside the container (supervisord, s6, runit, an init "
	    "system, pm2 with several apps or in cluster mode, foreman or "
	    "honcho running a whole Procfile) bundles several types into one "
	    "unit: they can only be scaled together, the orchestrator sees one "
	    "process whose health says nothing of the others, and a crashed "
	    "program is restarted out of its sight. Reported: a start command "
	    "(the final stage's CMD or ENTRYPOINT, the script it runs, a "
	    "Procfile process, a compose service's or ECS task definition's "
	    "command, a package.json start script that npm start runs) that "
	    "runs supervisord (unless the repository's supervisord "
	    "configuration holds a single [program:] of one process), "
	    "s6-svscan, s6-overlay's /init (when the Dockerfile uses "
	    "s6-overlay), runsvdir, my_init, /sbin/init or systemd, pm2 or "
	    "pm2-runtime with -i N (N other than 1) or an ecosystem file of "
	    "several apps or cluster mode, "
	    "honcho/foreman/forego/overmind/hivemind start (unless a single "
	    "process type is named), concurrently, run-p or npm-run-all -p "
	    "with several commands. Not reported: pm2-runtime running one app "
	    "in fork mode (one process, made for containers), tini, dumb-init "
	    "and other inits that only reap and forward signals, and artefacts "
	    "named for development.",
	.fix =
	    "Give each process type its own container and scale them "
	    "separately: one ECS service (or one container definition) per "
	    "type, web behind the load balancer and workers reading from SQS, "
	    "each with its own desired count and Application Auto Scaling; use "
	    "tini or ECS initProcessEnabled when only an init is needed.",
	.see_also = NULL,
	.check = tf0803_check,
};

static int
tf0803_check(struct tl_check *c)
{
	struct tl_starts	 starts;
	const struct tl_start	*st;
	const struct tl_sh_cmd	*cmd;
	const struct tl_file	*pkg;
	struct tl_script	*sc;
	char			 why[320], what[256];
	size_t			 i, j, k;
	int			 error = 0;

	app_starts(&starts, c->repo);
	for (i = 0; i < starts.n && error == 0; i++) {
		st = &starts.v[i];
		if (tl_start_is_dev(st))
			continue;
		for (j = 0; j < st->script->ncmds && error == 0; j++) {
			cmd = &st->script->cmds[j];
			if (supervises(c->repo, st, cmd, why,
			    sizeof(why)) != NULL) {
				error = tl_report(c, st->file, cmd->line, 0,
				    cmd->text, "%s: %s",
				    tl_start_what(st, what, sizeof(what)), why);
				continue;
			}
			if ((sc = npm_start(c->repo, st, cmd, &pkg)) == NULL)
				continue;
			for (k = 0; k < sc->ncmds; k++)
				if (supervises(c->repo, st, &sc->cmds[k], why,
				    sizeof(why)) != NULL)
					break;
			if (k < sc->ncmds)
				error = tl_report(c, st->file, cmd->line, 0,
				    cmd->text, "%s runs the start script of "
				    "%s:%u: %s",
				    tl_start_what(st, what, sizeof(what)),
				    pkg->path, pkg->manifest->start_line, why);
			tl_script_free(sc);
		}
	}
	tl_starts_release(&starts);
	return error;
}

/* ------------------------------------------------------------- TF0804 */

/* Compute resources that declare a process or function. */
static const char *const compute_types[] = {
	"AWS::Serverless::Function", "AWS::Lambda::Function",
	"AWS::ECS::TaskDefinition", "AWS::ECS::Service",
	"AWS::Batch::JobDefinition", "AWS::AppRunner::Service",
	"AWS::ElasticBeanstalk::Environment",
	"AWS::ElasticBeanstalk::Application",
	"AWS::AutoScaling::AutoScalingGroup", "AWS::EC2::Instance",
	"AWS::Lightsail::ContainerService", "AWS::EKS::Cluster", NULL
};

/* Kubernetes and Knative workload kinds. */
static const char *const k8s_kinds[] = {
	"Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob",
	"ReplicaSet", "Pod", "DeploymentConfig", "Rollout", "Service",
	"Kustomization", NULL
};

/* Files of platforms that declare how the app runs. */
static const char *const platform_files[] = {
	"fly.toml", "render.yaml", "railway.json", "railway.toml",
	"nixpacks.toml", "project.toml", "vercel.json", "netlify.toml",
	"cdk.json", "Chart.yaml", "Dockerrun.aws.json", "apprunner.yaml",
	"serverless.yml", "serverless.yaml", "serverless.ts",
	"serverless.js", "serverless.json", "zappa_settings.json",
	"zappa_settings.yml", "wrangler.toml", "firebase.json",
	".platform.app.yaml", "Pulumi.yaml", "skaffold.yaml",
	"kustomization.yaml", "copilot.yml", "app.yaml", "manifest.yml",
	"ecs-params.yml", NULL
};

/* Terraform resources that run a process or a function. */
static const char *const tf_compute[] = {
	"aws_lambda_function", "aws_ecs_task_definition", "aws_ecs_service",
	"aws_apprunner_service", "aws_elastic_beanstalk_environment",
	"kubernetes_deployment", "google_cloud_run", "azurerm_container_app",
	"aws_batch_job_definition", NULL
};

static int
in_words(const char *s, const char *const *list)
{
	size_t	 i;

	for (i = 0; s != NULL && list[i] != NULL; i++)
		if (strcmp(s, list[i]) == 0)
			return 1;
	return 0;
}

/* Does a YAML document stream hold a Kubernetes workload? */
static int
k8s_workload(const struct tl_ydoc *doc)
{
	size_t	 i;

	for (i = 0; doc != NULL && i < doc->nroots; i++)
		if (tl_ymap_get(doc->roots[i], "apiVersion") != NULL &&
		    in_words(tl_ystr(tl_ymap_get(doc->roots[i], "kind")),
		    k8s_kinds))
			return 1;
	return 0;
}

/* Does a compose file run a service that is not a backing service? */
static int
compose_app(const struct tl_file *f)
{
	const struct tl_ynode	*svcs, *s;
	char			 img[256];
	size_t			 i;
	int			 local;

	if (f->doc == NULL || f->doc->nroots == 0)
		return 0;
	svcs = tl_ymap_get(f->doc->roots[0], "services");
	TL_YMAP_FOREACH(i, svcs) {
		s = svcs->pairs[i].value;
		if (tl_ymap_get(s, "build") != NULL)
			return 1;
		if (tl_ystr(tl_ymap_get(s, "image")) == NULL)
			continue;
		image_repo(tl_ystr(tl_ymap_get(s, "image")), img, sizeof(img),
		    &local);
		if (!backing_name(img) &&
		    !backing_name(tl_ystr(svcs->pairs[i].key)))
			return 1;
	}
	return 0;
}

/* A template resource that runs code: its logical id, or NULL. */
static const char *
template_compute(const struct tl_file *f)
{
	const struct tl_ynode	*res;
	size_t			 i;

	if (f->doc == NULL || f->doc->nroots == 0)
		return NULL;
	res = tl_ymap_get(f->doc->roots[0], "Resources");
	TL_YMAP_FOREACH(i, res)
		if (in_words(tl_ystr(tl_ymap_get(res->pairs[i].value, "Type")),
		    compute_types))
			return tl_ystr(res->pairs[i].key);
	return NULL;
}

/*
 * The first file that declares how the application runs (a process
 * type, a container, a function, a platform manifest), or NULL.
 */
static const struct tl_file *
declaration(const struct tl_repo *repo)
{
	const struct tl_file	*f;
	size_t			 i, k;

	for (i = 0; i < repo->nfiles; i++) {
		f = repo->files[i];
		if (f->test || f->vendored)
			continue;
		if (in_words(f->name, platform_files) ||
		    tl_str_has_suffix(f->name, ".nomad") ||
		    tl_str_has_suffix(f->name, ".nomad.hcl") ||
		    strstr(f->path, ".ebextensions/") != NULL ||
		    strstr(f->path, "copilot/") != NULL)
			return f;
		if (!f->loaded || f->broken)
			continue;
		switch (f->kind) {
		case TL_FILE_PROCFILE:
		case TL_FILE_DOCKERFILE:
		case TL_FILE_TASKDEF:
			return f;
		case TL_FILE_TEMPLATE:
			if (template_compute(f) != NULL)
				return f;
			continue;
		case TL_FILE_COMPOSE:
			if (compose_app(f))
				return f;
			continue;
		case TL_FILE_YAML:
		case TL_FILE_JSON:
			if (k8s_workload(f->doc))
				return f;
			continue;
		case TL_FILE_MANIFEST:
			/* npm start runs it: the web process type. */
			if (f->manifest != NULL && f->manifest->start != NULL &&
			    !is_example_path(f->path))
				return f;
			continue;
		default:
			break;
		}
		if (f->data == NULL || (!tl_str_has_suffix(f->name, ".tf") &&
		    !tl_str_has_suffix(f->name, ".service")))
			continue;
		for (k = 0; tf_compute[k] != NULL; k++)
			if (strstr(f->data, tf_compute[k]) != NULL)
				break;
		if (tf_compute[k] != NULL || strstr(f->data, "ExecStart=") !=
		    NULL)
			return f;
	}
	return NULL;
}

/* Dependencies that make a package a server application. */
static const char *const node_servers[] = {
	"express", "fastify", "koa", "@hapi/hapi", "hapi", "@nestjs/core",
	"restify", "@adonisjs/core", "sails", "@feathersjs/feathers",
	"@loopback/core", "polka", NULL
};
static const char *const py_servers[] = {
	"gunicorn", "uvicorn", "hypercorn", "daphne", "waitress", "granian",
	"uwsgi", NULL
};
static const char *const py_frameworks[] = {
	"django", "flask", "fastapi", "pyramid", "sanic", "bottle", "falcon",
	"tornado", "quart", "litestar", "starlette", NULL
};
static const char *const ruby_servers[] = {
	"rails", "puma", "sinatra", "hanami", "unicorn", "thin", "falcon",
	"padrino", "passenger", NULL
};
static const char *const rust_servers[] = {
	"axum", "actix-web", "rocket", "warp", "poem", "tide", "salvo", NULL
};
static const char *const laravel[] = { "laravel/framework", NULL };
static const char *const symfony[] = { "symfony/framework-bundle", NULL };
/* Build plugins that make a Java project an executable application. */
static const char *const jvm_app_plugins[] = {
	"spring-boot-maven-plugin", "org.springframework.boot'",
	"org.springframework.boot\"", "quarkus-maven-plugin", "io.quarkus'",
	"io.quarkus\"", "micronaut-maven-plugin", "io.micronaut.application",
	NULL
};
/* Go: a main package that serves. */
static const char *const go_serve[] = {
	"ListenAndServe", "gin.Default()", "gin.New()", "echo.New()",
	"fiber.New(", "grpc.NewServer(", NULL
};

/* A runtime dependency of the manifest in the list, or NULL. */
static const struct tl_dep *
runtime_dep(const struct tl_manifest *m, const char *const *list)
{
	const struct tl_dep	*d;
	size_t			 k;

	for (k = 0; list[k] != NULL; k++)
		if ((d = tl_manifest_find(m, list[k])) != NULL && !d->dev &&
		    !d->optional && !d->peer)
			return d;
	return NULL;
}

/* Is there a file dir/name (dir "" for the root)? */
static int
sibling(const struct tl_repo *repo, const char *dir, const char *name)
{
	char	*p;
	int	 found;

	p = *dir != '\0' ? tl_printf("%s/%s", dir, name) : tl_strdup(name);
	found = tl_repo_file(repo, p) != NULL;
	free(p);
	return found;
}

/* A file of this suffix directly in dir? */
static int
sibling_suffix(const struct tl_repo *repo, const char *dir,
    const char *suffix)
{
	const struct tl_file	*f;
	size_t			 i, n = strlen(dir);

	for (i = 0; i < repo->nfiles; i++) {
		f = repo->files[i];
		if (tl_str_has_suffix(f->name, suffix) &&
		    strncmp(f->path, dir, n) == 0 &&
		    strlen(f->path) == (n > 0 ? n + 1 : 0) + strlen(f->name))
			return 1;
	}
	return 0;
}

/*
 * Is the directory a Python package for PyPI (a library): a setup.py or
 * setup.cfg, or a pyproject built by setuptools, hatch, flit or maturin?
 */
static int
py_package(const struct tl_repo *repo, const char *dir)
{
	static const char *const backends[] = {
		"setuptools", "hatch", "flit", "maturin", NULL
	};
	const struct tl_file	*f;
	char			*p;

	if (sibling(repo, dir, "setup.py") || sibling(repo, dir, "setup.cfg"))
		return 1;
	p = *dir != '\0' ? tl_printf("%s/pyproject.toml", dir) :
	    tl_strdup("pyproject.toml");
	f = tl_repo_file(repo, p);
	free(p);
	return f != NULL && f->manifest != NULL &&
	    in_words(f->manifest->tool, backends);
}

/* Is a package.json marked "private": true (an application)? */
static int
npm_private(const struct tl_file *f)
{
	const char	*p, *end = f->data + f->size;

	for (p = f->data; (p = strstr(p, "\"private\"")) != NULL; p += 9) {
		p = skip_blanks(p + 9, end);
		if (p < end && *p == ':' &&
		    strncmp(skip_blanks(p + 1, end), "true", 4) == 0)
			return 1;
	}
	return 0;
}

/* A Go main package under dir that serves; its path, or NULL. */
static const struct tl_file *
go_server(const struct tl_repo *repo, const char *dir)
{
	const struct tl_file	*f;
	size_t			 n = strlen(dir), k;

	TL_FOREACH_FILE(f, repo, TL_FILE_SOURCE) {
		if (f->lang != TL_LANG_GO || f->data == NULL ||
		    (n > 0 && (strncmp(f->path, dir, n) != 0 ||
		    f->path[n] != '/')) || is_example_path(f->path) ||
		    (strncmp(f->data, "package main", 12) != 0 &&
		    strstr(f->data, "\npackage main") == NULL))
			continue;
		for (k = 0; go_serve[k] != NULL; k++)
			if (strstr(f->data, go_serve[k]) != NULL)
				return f;
	}
	return NULL;
}

/*
 * Why a manifest is a deployable application, in buf, with the line
 * that says so; 0 when it is not (a library, tooling, a static site).
 */
static unsigned
deployable(const struct tl_repo *repo, const struct tl_file *f, char *buf,
    size_t len)
{
	const struct tl_manifest *m = f->manifest;
	const struct tl_dep	*d = NULL;
	const struct tl_file	*src;
	char			*dir;
	size_t			 k;
	unsigned		 line = 0;

	dir = tl_path_dir(f->path);
	switch (f->subtype) {
	case TL_MF_PACKAGE_JSON:
		/* A published package is a library. */
		if ((m->start != NULL || npm_private(f)) &&
		    (d = runtime_dep(m, node_servers)) != NULL)
			snprintf(buf, len, "depends on %s", d->name);
		break;
	case TL_MF_REQUIREMENTS:
	case TL_MF_PIPFILE:
		if (tl_requirements_not_deployed(f->path))
			break;
		if ((d = runtime_dep(m, py_servers)) == NULL &&
		    !py_package(repo, dir))
			d = runtime_dep(m, py_frameworks);
		if (d != NULL)
			snprintf(buf, len, "depends on %s", d->name);
		break;
	case TL_MF_PYPROJECT:
		if (!py_package(repo, dir) &&
		    (d = runtime_dep(m, py_servers)) != NULL)
			snprintf(buf, len, "depends on the server %s",
			    d->name);
		break;
	case TL_MF_GEMFILE:
		if (!sibling_suffix(repo, dir, ".gemspec") &&
		    (d = runtime_dep(m, ruby_servers)) != NULL)
			snprintf(buf, len, "depends on %s", d->name);
		break;
	case TL_MF_CARGO:
		if ((m->is_binary || sibling(repo, dir, "src/main.rs")) &&
		    (d = runtime_dep(m, rust_servers)) != NULL)
			snprintf(buf, len, "builds a binary that depends on "
			    "%s", d->name);
		break;
	case TL_MF_COMPOSER:
		if (((d = runtime_dep(m, laravel)) != NULL &&
		    sibling(repo, dir, "artisan")) ||
		    ((d = runtime_dep(m, symfony)) != NULL &&
		    sibling(repo, dir, "public/index.php")))
			snprintf(buf, len, "is a %s application", d->name);
		else
			d = NULL;
		break;
	case TL_MF_POM:
	case TL_MF_GRADLE:
		for (k = 0; f->data != NULL && jvm_app_plugins[k] != NULL; k++)
			if (strstr(f->data, jvm_app_plugins[k]) != NULL) {
				snprintf(buf, len, "applies the application "
				    "plugin %.*s", (int)strcspn(
				    jvm_app_plugins[k], "'\""),
				    jvm_app_plugins[k]);
				line = 1;
				break;
			}
		break;
	case TL_MF_CSPROJ:
		if (f->data != NULL &&
		    strstr(f->data, "Microsoft.NET.Sdk.Web") != NULL) {
			snprintf(buf, len, "is an ASP.NET Core web project");
			line = 1;
		}
		break;
	case TL_MF_GO_MOD:
		if ((src = go_server(repo, dir)) != NULL) {
			snprintf(buf, len, "has a main package that serves "
			    "(%s)", src->path);
			line = 1;
		}
		break;
	default:
		break;
	}
	free(dir);
	if (d != NULL)
		line = d->line > 0 ? d->line : 1;
	return line;
}

static int	tf0804_check(struct tl_check *);

static const struct tl_rule tf0804 = {
	.id = "TF0804",
	.name = "no-process-types",
	.factor = TL_FACTOR_CONCURRENCY,
	.severity = TL_SEV_INFO,
	.needs = TL_NEED(TL_FILE_MANIFEST),
	.summary = "no process types declared",
	.rationale =
	    "Twelve-factor apps name their process types (web, worker, clock "
	    "…) so that the platform can run and scale each one: a Procfile, a "
	    "container's start command, compose services, ECS task definitions "
	    "or functions. An application with none leaves the way it runs to "
	    "whoever deploys it. Reported once, at the first manifest of a "
	    "deployable application, when the repository has no Procfile, no "
	    "Dockerfile, no package.json start script, no ECS task definition, "
	    "no template resource that runs code (Lambda or SAM function, ECS "
	    "task definition or service, App Runner, Batch, Elastic Beanstalk, "
	    "Auto Scaling group, EC2 instance), no compose service other than "
	    "backing services, no Kubernetes workload, no Terraform compute "
	    "resource or systemd unit, and no platform manifest "
	    "(serverless.yml, fly.toml, render.yaml, app.yaml, manifest.yml, "
	    "cdk.json, Chart.yaml, copilot/, .ebextensions/ …). Deployable "
	    "means: requirements.txt or a Pipfile with a web server or "
	    "framework (not a requirements file for development, tests or "
	    "docs, and frameworks only when no Python package is built beside "
	    "it: setup.py, setup.cfg, a pyproject built by setuptools, hatch, "
	    "flit or maturin), a pyproject with a web server (gunicorn, "
	    "uvicorn …) that is not such a package, a Gemfile with rails, "
	    "puma, sinatra … and no gemspec beside it, a package.json that "
	    "depends on express, fastify, koa, NestJS … and is private or has "
	    "a start script (a published package is a library; a start script "
	    "is itself the web process type of npm start), a Maven or Gradle "
	    "build applying the Spring Boot, Quarkus or Micronaut application "
	    "plugin, an ASP.NET Core project, a Laravel or Symfony "
	    "application, a Rust binary on a web framework, a Go main package "
	    "that serves. Libraries, examples, demos and project templates are "
	    "not deployable: the rule is then not applicable.",
	.fix =
	    "Declare the process types: a Procfile (web: gunicorn app:app, "
	    "worker: celery -A app worker), or a Dockerfile CMD per process "
	    "type and one ECS task definition (or one container definition) "
	    "for each, or a SAM template for functions.",
	.see_also = NULL,
	.check = tf0804_check,
};

static int
tf0804_check(struct tl_check *c)
{
	const struct tl_file	*f, *decl, *app = NULL;
	char			 why[320];
	unsigned		 line = 0;

	TL_FOREACH_FILE(f, c->repo, TL_FILE_MANIFEST) {
		if (f->manifest == NULL || is_example_path(f->path))
			continue;
		if ((line = deployable(c->repo, f, why, sizeof(why))) != 0) {
			app = f;
			break;
		}
	}
	if (app == NULL) {
		tl_not_applicable(c, "a library or tool: no manifest names "
		    "a web server or framework");
		return 0;
	}
	if ((decl = declaration(c->repo)) != NULL) {
		tl_evidence(c, decl->path);
		return 0;
	}
	return tl_report(c, app, line, 0, app->path, "%s %s, but no process "
	    "type is declared: no Procfile, Dockerfile, start script, "
	    "compose app service, ECS task definition, function or "
	    "platform manifest", app->name, why);
}

/* ------------------------------------------------------------- TF0805 */

/* A template TF0805 reads. */
struct scale_tpl {
	const struct tl_file	*file;		/* borrowed */
	struct tl_cfn		 cfn;		/* owned: released by the check */
};

/* An Application Auto Scaling target (or policy) that may scale ECS. */
struct scale_target {
	const struct scale_tpl	*tpl;		/* borrowed: where it is */
	const struct tl_ynode	*rid;		/* borrowed: ResourceId, or NULL */
	int			 attributed;	/* names a service of the repo */
};

/* What refers() looks for. */
enum scale_ref {
	REF_NAME,		/* a logical id or parameter: Ref, GetAtt, ${X} */
	REF_SEGMENT		/* a '/'-separated part of the text */
};

/* Is s one of the '/'-separated parts of text? */
static int
has_segment(const char *text, const char *s)
{
	const char	*p = text, *e;
	size_t		 n = strlen(s), len;

	if (n == 0)
		return 0;
	for (;;) {
		e = strchr(p, '/');
		len = e != NULL ? (size_t)(e - p) : strlen(p);
		if (len == n && strncmp(p, s, n) == 0)
			return 1;
		if (e == NULL)
			return 0;
		p = e + 1;
	}
}

/*
 * Does a !Sub template use ${name} or ${name.Attr}, name not being one
 * of the variables the !Sub defines itself?
 */
static int
sub_uses(const char *text, const char *name, const struct tl_ynode *vars)
{
	const char	*p = text, *e;
	size_t		 n;

	if (tl_ymap_get(vars, name) != NULL)
		return 0;
	while ((p = strstr(p, "${")) != NULL) {
		p += 2;
		if ((e = strchr(p, '}')) == NULL)
			return 0;
		n = strcspn(p, ".}");
		if (*p != '!' && n == strlen(name) && strncmp(p, name, n) == 0)
			return 1;
		p = e + 1;
	}
	return 0;
}

static int	refers(const struct tl_ynode *, const char *, enum scale_ref);

/* refers() over the children of a node (or a scalar's text). */
static int
refers_in(const struct tl_ynode *n, const char *s, enum scale_ref how)
{
	size_t	 i;

	if (n->type == TL_YSCALAR)
		return how == REF_SEGMENT && has_segment(n->value, s);
	TL_YSEQ_FOREACH(i, n)
		if (refers(n->items[i], s, how))
			return 1;
	TL_YMAP_FOREACH(i, n)
		if (refers(n->pairs[i].value, s, how))
			return 1;
	return 0;
}

/*
 * Does a ResourceId refer to s: as a logical id or parameter (Ref,
 * GetAtt X.Name, ${X}, ${X.Name}), or as a literal part of a path
 * ("service/prod/web", a !Sub template, a !Join item)?  Every argument
 * of every intrinsic is looked into, both branches of an !If too.
 */
static int
refers(const struct tl_ynode *n, const char *s, enum scale_ref how)
{
	const struct tl_ynode	*a, *tmpl, *vars = NULL;
	const char		*fn, *v;
	size_t			 len;

	if (n == NULL)
		return 0;
	if ((fn = tl_cfn_intrinsic(n, &a)) == NULL)
		return refers_in(n, s, how);
	if (a == NULL)
		return 0;
	if (strcmp(fn, "Ref") == 0 || strcmp(fn, "GetAtt") == 0) {
		if (how != REF_NAME)
			return 0;
		if (a->type == TL_YSEQ && a->nitems > 0)
			a = a->items[0];
		if ((v = tl_ystr(a)) == NULL)
			return 0;
		len = strcmp(fn, "GetAtt") == 0 ? strcspn(v, ".") : strlen(v);
		return len == strlen(s) && strncmp(v, s, len) == 0;
	}
	if (strcmp(fn, "Sub") == 0) {
		tmpl = a;
		if (a->type == TL_YSEQ) {
			tmpl = a->nitems > 0 ? a->items[0] : NULL;
			vars = a->nitems > 1 ? a->items[1] : NULL;
		}
		if ((v = tl_ystr(tmpl)) != NULL && (how == REF_NAME ?
		    sub_uses(v, s, vars) : has_segment(v, s)))
			return 1;
		return vars != NULL && refers_in(vars, s, how);
	}
	return refers_in(a, s, how);
}

/*
 * May the value be want (case-insensitive)?  Either branch of an !If
 * counts, and a value computed by any other intrinsic may be anything.
 */
static int
may_be(const struct tl_ynode *n, const char *want)
{
	const struct tl_ynode	*a;
	const char		*fn;

	if ((fn = tl_cfn_intrinsic(n, &a)) == NULL)
		return n->type != TL_YSCALAR || strcasecmp(n->value, want) == 0;
	if (strcmp(fn, "If") != 0 || a == NULL || a->type != TL_YSEQ ||
	    a->nitems != 3)
		return 1;
	return may_be(a->items[1], want) || may_be(a->items[2], want);
}

/* Is the value 0 on every branch it may deploy as (never computed)? */
static int
only_zero(const struct tl_ynode *n)
{
	const struct tl_ynode	*a;
	const char		*fn;

	if ((fn = tl_cfn_intrinsic(n, &a)) == NULL)
		return n->type == TL_YSCALAR && strcmp(n->value, "0") == 0;
	return strcmp(fn, "If") == 0 && a != NULL && a->type == TL_YSEQ &&
	    a->nitems == 3 && only_zero(a->items[1]) && only_zero(a->items[2]);
}

/*
 * Does an Application Auto Scaling resource scale ECS services, or may
 * it (its dimension or namespace computed, or not given)?
 */
static int
scales_ecs(const struct tl_cfn_resource *r)
{
	const struct tl_ynode	*dim, *ns;

	if ((dim = tl_cfn_prop(r, "ScalableDimension")) != NULL)
		return may_be(dim, "ecs:service:DesiredCount");
	if ((ns = tl_cfn_prop(r, "ServiceNamespace")) != NULL)
		return may_be(ns, "ecs");
	return 1;
}

/* Is name a resource of the template? */
static int
is_resource(const struct tl_cfn *cfn, const char *name)
{
	size_t	 i;

	for (i = 0; i < cfn->nres; i++)
		if (strcmp(cfn->res[i].name, name) == 0)
			return 1;
	return 0;
}

/*
 * Does the target name the ECS service svc of template t: by its logical
 * id in the same template, or by its ServiceName (a literal or a !Sub
 * text found in the ResourceId, or a parameter it also refers to)?
 */
static int
target_names(const struct scale_target *x, const struct scale_tpl *t,
    const struct tl_cfn_resource *svc)
{
	const struct tl_ynode	*sn, *a;
	const char		*fn, *v;

	if (x->tpl == t && refers(x->rid, svc->name, REF_NAME))
		return 1;
	if ((sn = tl_cfn_prop(svc, "ServiceName")) == NULL)
		return 0;
	if ((fn = tl_cfn_intrinsic(sn, &a)) == NULL)
		return (v = tl_ystr(sn)) != NULL &&
		    refers(x->rid, v, REF_SEGMENT);
	if ((v = tl_ystr(a)) == NULL)
		return 0;
	if (strcmp(fn, "Sub") == 0)
		return refers(x->rid, v, REF_SEGMENT);
	if (strcmp(fn, "Ref") == 0 && (x->tpl == t ||
	    !is_resource(&x->tpl->cfn, v)))
		return refers(x->rid, v, REF_NAME);
	return 0;
}

/* Is the service scaled by one of the targets? */
static int
service_scaled(const struct scale_target *xs, size_t nx,
    const struct scale_tpl *t, const struct tl_cfn_resource *svc)
{
	size_t	 i;

	for (i = 0; i < nx; i++)
		if (target_names(&xs[i], t, svc))
			return 1;
	return 0;
}

/* Is the service one that runs a replica count at all? */
static int
replica_service(const struct tl_cfn_resource *svc)
{
	const struct tl_ynode	*n;

	if ((n = tl_cfn_prop(svc, "SchedulingStrategy")) != NULL &&
	    may_be(n, "DAEMON"))
		return 0;
	if ((n = tl_cfn_prop(svc, "DeploymentController.Type")) != NULL &&
	    may_be(n, "EXTERNAL"))
		return 0;
	if ((n = tl_cfn_prop(svc, "DesiredCount")) != NULL && only_zero(n))
		return 0;
	return 1;
}

static int
add_literal(void *arg, const struct tl_ynode *n)
{
	struct tl_buf	*b = arg;

	tl_buf_addf(b, "%s%s", b->len > 0 ? " or " : "", n->value);
	return 0;
}

/* How the service's task count is set, for the message, in b. */
static void
describe_count(struct tl_buf *b, const struct tl_cfn *cfn,
    const struct tl_cfn_resource *svc)
{
	const struct tl_ynode	*dc, *p, *a;
	struct tl_buf		 lits = TL_BUF_INIT;
	const char		*fn, *def;

	tl_buf_clear(b);
	if ((dc = tl_cfn_prop(svc, "DesiredCount")) == NULL) {
		tl_buf_adds(b, "sets no DesiredCount (ECS runs 1 task)");
		return;
	}
	if (tl_cfn_ref_param(cfn, dc, &p)) {
		tl_cfn_intrinsic(dc, &a);
		def = tl_ystr(tl_ymap_get(p, "Default"));
		tl_buf_addf(b, "takes DesiredCount from parameter '%s'",
		    tl_ystr(a));
		if (def != NULL)
			tl_buf_addf(b, " (default %s)", def);
		tl_buf_adds(b, ", a number set by hand per deploy,");
		return;
	}
	tl_cfn_literals(dc, add_literal, &lits);
	if (lits.len > 0)
		tl_buf_addf(b, "runs a fixed DesiredCount of %s",
		    tl_buf_str(&lits));
	else if ((fn = tl_cfn_intrinsic(dc, &a)) != NULL)
		tl_buf_addf(b, "computes DesiredCount with !%s", fn);
	else
		tl_buf_adds(b, "runs a fixed DesiredCount");
	tl_buf_release(&lits);
}

/* Add the targets of a template that may scale ECS services. */
static void
collect_targets(struct scale_target **xs, size_t *nx,
    const struct scale_tpl *t)
{
	static const char *const types[] = {
		"AWS::ApplicationAutoScaling::ScalableTarget",
		"AWS::ApplicationAutoScaling::ScalingPolicy"
	};
	const struct tl_cfn_resource *r;
	size_t			 k;

	for (k = 0; k < TL_NELEM(types); k++) {
		TL_CFN_FOREACH(r, &t->cfn, types[k]) {
			/* A policy on a target of the template: the target. */
			if (k == 1 && tl_cfn_prop(r, "ResourceId") == NULL)
				continue;
			if (!scales_ecs(r))
				continue;
			*xs = tl_reallocarray(*xs, *nx + 1, sizeof(**xs));
			(*xs)[*nx].tpl = t;
			(*xs)[*nx].rid = tl_cfn_prop(r, "ResourceId");
			(*xs)[*nx].attributed = 0;
			(*nx)++;
		}
	}
}

static int	tf0805_check(struct tl_check *);

static const struct tl_rule tf0805 = {
	.id = "TF0805",
	.name = "ecs-service-without-autoscaling",
	.factor = TL_FACTOR_CONCURRENCY,
	.severity = TL_SEV_INFO,
	.needs = TL_NEED(TL_FILE_TEMPLATE),
	.summary = "ECS service without auto scaling",
	.rationale =
	    "Factor VIII scales an app out by running more processes of a "
	    "type, and on ECS the number of processes of a service is its "
	    "task count. A service whose template fixes DesiredCount and "
	    "gives nothing that changes it runs the same number of tasks at "
	    "peak and at night: load beyond it is served slowly or not at "
	    "all, and capacity below it is paid for idle. Reported: each "
	    "AWS::ECS::Service of a CloudFormation or SAM template that no "
	    "AWS::ApplicationAutoScaling::ScalableTarget (or ScalingPolicy "
	    "given a ResourceId) for ecs:service:DesiredCount names, "
	    "whether its DesiredCount is a literal, is missing (ECS then "
	    "runs one task) or comes from a parameter (a number set by hand "
	    "per deploy still does not follow the load). A target names a "
	    "service when its ResourceId refers to the service's logical id "
	    "in the same template (!Sub service/${Cluster}/${Service.Name}, "
	    "!Join with !GetAtt Service.Name, !Ref Service), or to its "
	    "ServiceName: the literal or !Sub text, or the parameter both "
	    "refer to, in any template of the repository. A target whose "
	    "dimension or namespace is computed counts as one for ECS, and "
	    "a target for ECS whose ResourceId names no service of the "
	    "repository (built from parameters or imports) is assumed to "
	    "scale any service, so that no service of the repository is "
	    "reported: a missed finding is preferred to a false one. An EC2 "
	    "Auto Scaling group or a capacity provider scales the cluster's "
	    "instances, not the service's tasks, and does not count. Not "
	    "reported: DAEMON services (one task per instance by design; a "
	    "computed SchedulingStrategy may be DAEMON), services with an "
	    "EXTERNAL deployment controller, services held at DesiredCount "
	    "0, and Lambda functions and App Runner services, which scale "
	    "themselves. Scaling defined outside CloudFormation "
	    "(CDK code, the console, a script) cannot be seen.",
	.fix =
	    "Register the service with Application Auto Scaling: an "
	    "AWS::ApplicationAutoScaling::ScalableTarget on "
	    "ecs:service:DesiredCount (ResourceId !Sub "
	    "service/${Cluster}/${Service.Name}, MinCapacity and "
	    "MaxCapacity) and a target-tracking ScalingPolicy on "
	    "ECSServiceAverageCPUUtilization or ALBRequestCountPerTarget for "
	    "web services, or on the SQS queue depth "
	    "(ApproximateNumberOfMessagesVisible) for workers. Scale out by "
	    "adding tasks, not by bigger tasks.",
	.see_also = NULL,
	.check = tf0805_check,
};

static int
tf0805_check(struct tl_check *c)
{
	const struct tl_file	*f;
	const struct tl_cfn_resource *svc;
	struct scale_tpl	*ts = NULL;
	struct scale_target	*xs = NULL;
	struct tl_buf		 how = TL_BUF_INIT;
	size_t			 nt = 0, nx = 0, nsvc = 0, i, k;
	int			 error = 0;

	TL_FOREACH_FILE(f, c->repo, TL_FILE_TEMPLATE) {
		ts = tl_reallocarray(ts, nt + 1, sizeof(*ts));
		if (tl_cfn_open(&ts[nt].cfn, f) != 0)
			continue;
		ts[nt].file = f;
		TL_CFN_FOREACH(svc, &ts[nt].cfn, "AWS::ECS::Service")
			nsvc++;
		nt++;
	}
	if (nsvc == 0) {
		tl_not_applicable(c, "no template defines an ECS service "
		    "(AWS::ECS::Service)");
		goto out;
	}
	for (i = 0; i < nt; i++)
		collect_targets(&xs, &nx, &ts[i]);
	/*
	 * A target that names no service of the repository may scale any
	 * of them (its ResourceId built from parameters or imports): then
	 * no service is reported.
	 */
	for (k = 0; k < nx; k++) {
		for (i = 0; i < nt && !xs[k].attributed; i++)
			TL_CFN_FOREACH(svc, &ts[i].cfn, "AWS::ECS::Service")
				if (!xs[k].attributed &&
				    target_names(&xs[k], &ts[i], svc))
					xs[k].attributed = 1;
		if (!xs[k].attributed)
			goto out;
	}
	for (i = 0; i < nt && error == 0; i++) {
		TL_CFN_FOREACH(svc, &ts[i].cfn, "AWS::ECS::Service") {
			if (error != 0 || !replica_service(svc) ||
			    service_scaled(xs, nx, &ts[i], svc))
				continue;
			describe_count(&how, &ts[i].cfn, svc);
			error = tl_report(c, ts[i].file, svc->line, 0,
			    svc->name, "service '%s' %s and no Application "
			    "Auto Scaling target (ecs:service:DesiredCount) "
			    "names it", svc->name, tl_buf_str(&how));
		}
	}
out:
	for (i = 0; i < nt; i++)
		tl_cfn_release(&ts[i].cfn);
	free(ts);
	free(xs);
	tl_buf_release(&how);
	return error;
}

/* ------------------------------------------------------------- TF0806 */

/* Queue and background-job libraries whose jobs a worker process runs. */
static const char *const queue_libs[] = {
	/* Python */
	"celery", "rq", "django-rq", "flask-rq2", "dramatiq", "huey", "arq",
	"django-q", "django-q2", "procrastinate",
	/* Ruby */
	"sidekiq", "resque", "good_job", "delayed_job",
	"delayed_job_active_record", "que", "solid_queue", "sneakers",
	"shoryuken",
	/* Node */
	"bull", "bullmq", "bee-queue", "agenda", "kue", "pg-boss",
	"graphile-worker",
	NULL
};

/*
 * Words in a start command or a deploy file that run a worker: the
 * consumers of the libraries above, and anything named worker or jobs.
 */
static const char *const worker_words[] = {
	"worker", "sidekiq", "rqworker", "dramatiq", "huey_consumer", "arq",
	"qcluster", "resque:work", "jobs:work", "good_job", "bin/jobs",
	"solid_queue", "shoryuken", "sneakers", "que", "delayed_job",
	"graphile-worker", NULL
};

/*
 * Does the text name a worker: "worker" as a word or a name's last part
 * (celery-worker, app_worker, worker.js, rqworker), not a setting of a
 * web server (--workers, worker_processes, worker_connections,
 * --worker-class, worker-tmp-dir, uvicorn.workers.UvicornWorker)?
 */
static int
names_worker(const char *s, size_t n)
{
	const char	*p, *e = s + n;
	unsigned char	 a;

	for (p = s; (p = tl_memcasemem(p, (size_t)(e - p), "worker",
	    6)) != NULL; p += 6) {
		if (p > s && isalpha((unsigned char)p[-1]) &&
		    !(p - s >= 2 && strncasecmp(p - 2, "rq", 2) == 0))
			continue;
		a = p + 6 < e ? (unsigned char)p[6] : '\0';
		if (a == 's' || a == 'S' || a == '_' || isalpha(a))
			continue;
		if (a == '-' && p + 7 < e && (p[7] == 'c' || p[7] == 't'))
			continue;
		return 1;
	}
	return 0;
}

/* Does a word of a command name a worker? */
static int
worker_word(const char *w)
{
	const char	*b;
	size_t		 i;

	if (*w == '-')
		return 0;
	if (names_worker(w, strlen(w)))
		return 1;
	b = strrchr(w, '/');
	b = b != NULL && b[1] != '\0' && strcmp(w, "bin/jobs") != 0 ?
	    b + 1 : w;
	for (i = 0; worker_words[i] != NULL; i++)
		if (strcmp(b, worker_words[i]) == 0)
			return 1;
	return 0;
}

/* Does a start run a worker (its process name or a word of a command)? */
static int
start_is_worker(const struct tl_start *st)
{
	const struct tl_sh_cmd	*cmd;
	size_t			 i, k;

	if (st->proc != NULL && (worker_word(st->proc) ||
	    tl_memcasemem(st->proc, strlen(st->proc), "job", 3) != NULL ||
	    tl_memcasemem(st->proc, strlen(st->proc), "queue", 5) != NULL))
		return 1;
	if (st->script == NULL)
		return 0;
	for (i = 0; i < st->script->ncmds; i++) {
		cmd = &st->script->cmds[i];
		for (k = 0; k < cmd->argc; k++)
			if (worker_word(cmd->argv[k]))
				return 1;
	}
	return 0;
}

/*
 * Text that runs or declares a worker elsewhere: a Kubernetes manifest,
 * a template, a supervisord or Puma configuration, package.json scripts
 * (a "worker" script, Puma's solid_queue plugin, good_job's async mode
 * that runs jobs inside the web process).
 */
static int
file_mentions_worker(const struct tl_file *f)
{
	if (!f->loaded || f->test || f->vendored || f->data == NULL ||
	    tl_path_is_docs(f->path))
		return 0;
	if (strcmp(f->name, "puma.rb") == 0 &&
	    strstr(f->data, "solid_queue") != NULL)
		return 1;
	if (strstr(f->path, "config/") != NULL &&
	    tl_str_has_suffix(f->name, ".rb"))
		return strstr(f->data, "execution_mode") != NULL &&
		    strstr(f->data, ":async") != NULL;
	switch (f->kind) {
	case TL_FILE_TEMPLATE:
	case TL_FILE_YAML:
	case TL_FILE_TASKDEF:
	case TL_FILE_COMPOSE:
		break;
	case TL_FILE_MANIFEST:
		if (f->subtype != TL_MF_PACKAGE_JSON)
			return 0;
		break;
	default:
		if (!tl_str_has_suffix(f->name, ".conf") &&
		    !tl_str_has_suffix(f->name, ".ini"))
			return 0;
		break;
	}
	if (tl_path_is_dev_artefact(f->path))
		return 0;
	return names_worker(f->data, f->size) ||
	    tl_memcasemem(f->data, f->size, "sidekiq", 7) != NULL ||
	    tl_memcasemem(f->data, f->size, "huey_consumer", 13) != NULL ||
	    tl_memcasemem(f->data, f->size, "qcluster", 8) != NULL ||
	    tl_memcasemem(f->data, f->size, "jobs:work", 9) != NULL;
}

/* Is a worker declared anywhere in the repository? */
static int
has_worker(const struct tl_repo *repo)
{
	struct tl_starts	 starts;
	size_t			 i;
	int			 found = 0;

	memset(&starts, 0, sizeof(starts));
	tl_starts_collect(&starts, repo);
	tl_starts_add_deploys(&starts, repo);
	for (i = 0; i < starts.n && !found; i++)
		found = !tl_start_is_dev(&starts.v[i]) &&
		    start_is_worker(&starts.v[i]);
	tl_starts_release(&starts);
	for (i = 0; i < repo->nfiles && !found; i++)
		found = file_mentions_worker(repo->files[i]);
	return found;
}

/* Does the repository declare how its processes run at all? */
static int
declares_processes(const struct tl_repo *repo)
{
	return tl_repo_has_kind(repo, TL_FILE_DOCKERFILE) ||
	    tl_repo_has_kind(repo, TL_FILE_PROCFILE) ||
	    tl_repo_has_kind(repo, TL_FILE_COMPOSE) ||
	    tl_repo_has_kind(repo, TL_FILE_TASKDEF) ||
	    tl_repo_has_kind(repo, TL_FILE_TEMPLATE);
}

static int	tf0806_check(struct tl_check *);

static const struct tl_rule tf0806 = {
	.id = "TF0806",
	.name = "queue-without-worker",
	.factor = TL_FACTOR_CONCURRENCY,
	.severity = TL_SEV_WARNING,
	.needs = TL_NEED(TL_FILE_MANIFEST),
	.summary = "job queue library but no worker process type",
	.rationale =
	    "Factor VIII scales an app out through its process types: web "
	    "processes for HTTP, worker processes for background jobs, each "
	    "scaled on its own. A queue library in the dependencies means "
	    "jobs are enqueued; if no worker process type is declared, the "
	    "jobs never run or run inside the web process. Reported for a "
	    "runtime dependency on celery, rq, django-rq, dramatiq, huey, "
	    "arq, django-q, procrastinate, sidekiq, resque, good_job, "
	    "delayed_job, que, solid_queue, sneakers, shoryuken, bull, "
	    "bullmq, bee-queue, agenda, kue, pg-boss or graphile-worker when "
	    "the repository declares its processes (a Dockerfile, Procfile, "
	    "compose file, task definition or template) and none of them "
	    "runs a worker: no Procfile process, compose service or ECS "
	    "container named worker, jobs or queue, no start command with a "
	    "word naming a worker (celery … worker, rq worker, sidekiq, "
	    "rake jobs:work, bin/jobs, node worker.js …), no worker in a "
	    "Kubernetes manifest, template, supervisord or ini file or "
	    "package.json script, and no Puma plugin or async mode running "
	    "solid_queue or good_job jobs in-process. A producer whose "
	    "workers live in another repository cannot be told apart and "
	    "is reported too: the warning then asks to check where the "
	    "worker is declared.",
	.fix =
	    "Declare the worker as its own process type: a Procfile line "
	    "(worker: celery -A app worker), a compose service, or a "
	    "separate ECS service with its own task definition that runs "
	    "the consumer and scales on the queue depth (Application Auto "
	    "Scaling on the SQS ApproximateNumberOfMessagesVisible metric "
	    "or a custom CloudWatch metric).",
	.see_also = NULL,
	.check = tf0806_check,
};

static int
tf0806_check(struct tl_check *c)
{
	const struct tl_file	*f;
	const struct tl_dep	*d;
	int			 error = 0, worker = -1;

	if (!declares_processes(c->repo)) {
		tl_not_applicable(c, "no Dockerfile, Procfile, compose file, "
		    "task definition or template declares the processes");
		return 0;
	}
	TL_FOREACH_FILE(f, c->repo, TL_FILE_MANIFEST) {
		if (f->manifest == NULL || tl_path_is_docs(f->path) ||
		    (d = runtime_dep(f->manifest, queue_libs)) == NULL)
			continue;
		if (worker < 0)
			worker = has_worker(c->repo);
		if (worker)
			break;
		error = tl_report(c, f, d->line, 0, d->name,
		    "%s depends on '%s', a job queue, but no process type "
		    "runs a worker (no Procfile process, compose service, "
		    "task definition or start command consumes the jobs); "
		    "if the worker is deployed from another repository, "
		    "this is expected", f->path, d->name);
		if (error != 0)
			break;
	}
	return error;
}

/* ------------------------------------------------------------- TF0807 */

/* The repository's name: its remote's last component, else the root's. */
static void
repo_name(const struct tl_repo *repo, char *buf, size_t len)
{
	const char	*s = repo->git.remote != NULL ? repo->git.remote :
			    repo->root;
	const char	*b;
	size_t		 n;

	n = strlen(s);
	while (n > 0 && s[n - 1] == '/')
		n--;
	for (b = s + n; b > s && b[-1] != '/' && b[-1] != ':'; b--)
		continue;
	n = (size_t)(s + n - b);
	if (n > 4 && strncmp(b + n - 4, ".git", 4) == 0)
		n -= 4;
	if (n >= len)
		n = len - 1;
	memcpy(buf, b, n);
	buf[n] = '\0';
}

/*
 * The compose file whose service builds this image (repository part)
 * with build: and names it with image:, or NULL.
 */
static const struct tl_file *
built_here(const struct tl_repo *repo, const char *img)
{
	const struct tl_file	*f;
	const struct tl_ynode	*svcs, *s;
	char			 other[256];
	size_t			 i;
	int			 local;

	TL_FOREACH_FILE(f, repo, TL_FILE_COMPOSE) {
		if (f->doc == NULL || f->doc->nroots == 0)
			continue;
		svcs = tl_ymap_get(f->doc->roots[0], "services");
		TL_YMAP_FOREACH(i, svcs) {
			s = svcs->pairs[i].value;
			if (tl_ymap_get(s, "build") == NULL ||
			    tl_ystr(tl_ymap_get(s, "image")) == NULL)
				continue;
			image_repo(tl_ystr(tl_ymap_get(s, "image")), other,
			    sizeof(other), &local);
			if (strcmp(other, img) == 0)
				return f;
		}
	}
	return NULL;
}

/*
 * Is the compose service the application's own: built here (build:, an
 * image another service builds, a localhost registry, an image named as
 * the repository), and not a backing service or proxy by its name or
 * build directory?  Why in buf.
 */
static int
app_service(const struct tl_repo *repo, const char *name,
    const struct tl_ynode *s, char *buf, size_t len)
{
	const struct tl_ynode	*build;
	const struct tl_file	*by;
	const char		*ctx, *image;
	char			 img[256], rname[128];
	int			 local;

	if (backing_name(name))
		return 0;
	if ((build = tl_ymap_get(s, "build")) != NULL) {
		ctx = build->type == TL_YSCALAR ? tl_ystr(build) :
		    tl_ystr(tl_ymap_get(build, "context"));
		if (ctx == NULL)
			ctx = ".";
		if (backing_name(ctx))
			return 0;
		snprintf(buf, len, "built from %s", ctx);
		return 1;
	}
	if ((image = tl_ystr(tl_ymap_get(s, "image"))) == NULL)
		return 0;
	image_repo(image, img, sizeof(img), &local);
	if (backing_name(img))
		return 0;
	repo_name(repo, rname, sizeof(rname));
	if (local)
		snprintf(buf, len, "image %s is built locally", image);
	else if (*rname != '\0' && strcmp(base_name(img), rname) == 0)
		snprintf(buf, len, "image %s is this repository's", image);
	else if ((by = built_here(repo, img)) != NULL)
		snprintf(buf, len, "image %s is built by %s", image, by->path);
	else
		return 0;
	return 1;
}

/*
 * A one-off service (migrations, seeding, set-up): its name says so, or
 * its command or entrypoint migrates.  It is never scaled out.
 */
static int
one_off(const char *name, const struct tl_ynode *s)
{
	static const char *const words[] = {
		"init", "migrate", "migrations", "migration", "seed", "setup",
		"bootstrap", "createbuckets", NULL
	};
	static const char *const keys[] = { "command", "entrypoint" };
	const struct tl_ynode	*n;
	const char		*p = name, *e, *v;
	size_t			 i, k, n_;

	while (*p != '\0') {
		for (e = p; *e != '\0' && strchr("-_.", *e) == NULL; e++)
			continue;
		n_ = (size_t)(e - p);
		for (i = 0; words[i] != NULL; i++)
			if (strlen(words[i]) == n_ &&
			    strncasecmp(p, words[i], n_) == 0)
				return 1;
		p = *e != '\0' ? e + 1 : e;
	}
	for (k = 0; k < TL_NELEM(keys); k++) {
		n = tl_ymap_get(s, keys[k]);
		for (i = 0; n != NULL && i < (n->type == TL_YSEQ ?
		    n->nitems : 1); i++) {
			v = tl_ystr(n->type == TL_YSEQ ? n->items[i] : n);
			if (v != NULL && (strstr(v, "migrat") != NULL ||
			    strstr(v, "seed") != NULL))
				return 1;
		}
	}
	return 0;
}

/* A compose file or container kept for development: by name, or hack/. */
static int
dev_compose(const struct tl_file *f, const char *container)
{
	return tl_path_is_dev_artefact(f->path) ||
	    tl_path_is_dev_artefact(container) ||
	    strncmp(f->path, "hack/", 5) == 0 ||
	    strstr(f->path, "/hack/") != NULL;
}

static int	tf0807_check(struct tl_check *);

static const struct tl_rule tf0807 = {
	.id = "TF0807",
	.name = "compose-container-name",
	.factor = TL_FACTOR_CONCURRENCY,
	.severity = TL_SEV_WARNING,
	.needs = TL_NEED(TL_FILE_COMPOSE),
	.summary = "compose container_name on an app service",
	.rationale =
	    "The process model scales out by running more processes of a type. "
	    "A compose container_name gives the service's container a fixed, "
	    "unique name, so there can only ever be one: docker compose up "
	    "--scale web=3 fails, and the file teaches a "
	    "one-container-per-service habit that does not carry over to ECS. "
	    "Reported: container_name on a service that runs the application's "
	    "own code: one with build:, or whose image is built by another "
	    "service of the compose files, comes from a localhost registry, or "
	    "is named as the repository. Not reported: backing services, "
	    "proxies and tools run next to the app (postgres, mysql, redis, "
	    "mongo, rabbitmq, kafka, nginx, traefik …, by the service name, "
	    "the image or the build directory), third-party images, one-off "
	    "services (named init, migrate, seed, setup …, or whose command "
	    "migrates or seeds), and compose files or container names marked "
	    "for development (docker-compose.dev.yml, .devcontainer/, hack/, "
	    "app-dev).",
	.fix =
	    "Remove container_name and let compose name the containers "
	    "(project-service-N); reach the service by its service name on the "
	    "compose network. In ECS, run the service with a desired count and "
	    "reach it through a load balancer or Service Connect, never by a "
	    "container's name.",
	.see_also = NULL,
	.check = tf0807_check,
};

static int
tf0807_check(struct tl_check *c)
{
	const struct tl_file	*f;
	const struct tl_ynode	*svcs, *s;
	const struct tl_ypair	*cn;
	const char		*name;
	char			 why[320];
	size_t			 i;
	int			 error = 0;

	TL_FOREACH_FILE(f, c->repo, TL_FILE_COMPOSE) {
		if (f->doc == NULL || f->doc->nroots == 0)
			continue;
		svcs = tl_ymap_get(f->doc->roots[0], "services");
		TL_YMAP_FOREACH(i, svcs) {
			s = svcs->pairs[i].value;
			name = tl_ystr(svcs->pairs[i].key);
			if (name == NULL ||
			    (cn = tl_ymap_pair(s, "container_name")) == NULL ||
			    tl_ystr(cn->value) == NULL ||
			    dev_compose(f, tl_ystr(cn->value)) ||
			    one_off(name, s) ||
			    !app_service(c->repo, name, s, why, sizeof(why)))
				continue;
			error = tl_report(c, f, cn->key->line, cn->key->col,
			    name, "compose service '%s' (%s) sets "
			    "container_name '%s': one fixed name allows one "
			    "container, so the service cannot be scaled out",
			    name, why, tl_ystr(cn->value));
			if (error != 0)
				return error;
		}
	}
	return 0;
}

static const struct tl_rule *const rules[] = {
	&tf0801,
	&tf0802,
	&tf0803,
	&tf0804,
	&tf0805,
	&tf0806,
	&tf0807,
};

const struct tl_module tl_module_CONCURRENCY = {
	TL_FACTOR_CONCURRENCY, rules, TL_NELEM(rules), NULL, NULL
};
