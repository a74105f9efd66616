/*
 * f12_admin_processes.c: factor XII, Admin processes
 * (https://12factor.net/admin-processes).  Run admin and management tasks
 * as one-off processes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"

/* ------------------------------------------------------------- TF1201 */

/* Words that make a command a schema migration. */
static const char *const migrate_words[] = {
	"migrate", "db:migrate", "migrate:latest", "migrate:up",
	"migration:run", "db:prepare", "migrate:deploy", NULL
};

/* Program + word pairs that are migrations too. */
static const struct {
	const char	*prog;
	const char	*word;
} migrate_pairs[] = {
	{ "alembic", "upgrade" }, { "liquibase", "update" },
	{ "goose", "up" }, { "diesel", "migration" }, { "flask", "db" },
	{ "dbmate", "up" }, { "sqitch", "deploy" },
};

static int
is_migration(const struct tl_sh_cmd *c)
{
	const char	*prog = tl_sh_real_prog(c);
	size_t		 i, k;

	if (*prog == '\0')
		return 0;
	for (i = tl_sh_prog_index(c) + 1; i < c->argc; i++)
		for (k = 0; migrate_words[k] != NULL; k++)
			if (strcmp(c->argv[i], migrate_words[k]) == 0)
				return 1;
	for (k = 0; k < TL_NELEM(migrate_pairs); k++)
		if (strcmp(prog, migrate_pairs[k].prog) == 0 &&
		    tl_cmd_has_word(c, migrate_pairs[k].word))
			return 1;
	return 0;
}

/*
 * Is the migration only on a path that ends before the server starts: an
 * exit after it, or a case arm (";;") between the two?
 */
static int
separate_path(const struct tl_file *f, const struct tl_sh_cmd *cmds,
    size_t mig, size_t srv)
{
	const char	*p;
	size_t		 i, len;
	unsigned	 l;

	for (i = mig + 1; i <= srv; i++)
		if (tl_cmd_is(&cmds[i], "exit") || tl_cmd_is(&cmds[i], "return"))
			return 1;
	if (f->kind != TL_FILE_SCRIPT)
		return 0;
	for (l = cmds[mig].line; l <= cmds[srv].line; l++) {
		p = tl_lines_get(&f->lines, f->data, f->size, l, &len);
		if (p != NULL && tl_memcasemem(p, len, ";;", 2) != NULL)
			return 1;
	}
	return 0;
}

/*
 * The command after the migration j that starts the server: the first
 * exec'd one, or else the last command that is not plumbing or another
 * migration; n when there is none.
 */
static size_t
server_after(const struct tl_sh_cmd *cmds, size_t n, size_t j)
{
	size_t	 k, last = n;

	for (k = j + 1; k < n; k++) {
		if (tl_cmd_is_plumbing(&cmds[k]) || is_migration(&cmds[k]))
			continue;
		if (cmds[k].is_exec)
			return k;
		last = k;
	}
	return last;
}

static int	tf1201_check(struct tl_check *);

static const struct tl_rule tf1201 = {
	.id = "TF1201",
	.name = "migrations-at-start-up",
	.factor = TL_FACTOR_ADMIN_PROCESSES,
	.severity = TL_SEV_WARNING,
	.needs = TL_NEED(TL_FILE_DOCKERFILE) | TL_NEED(TL_FILE_PROCFILE) |
	    TL_NEED(TL_FILE_SCRIPT),
	.summary = "migrations run in the web process's start-up",
	.rationale =
	    "Admin tasks such as schema migrations run as one-off processes "
	    "against a release, not as part of every process start: when "
	    "ten tasks start at once, ten migrations race each other, a "
	    "failed migration takes the service down in a restart loop, and "
	    "scaling out re-runs it. The rule reports a start command (the "
	    "final stage's CMD or ENTRYPOINT, the script it runs, a Procfile "
	    "process other than release) that runs a migration (manage.py "
	    "migrate, rake db:migrate, alembic upgrade, flyway migrate, knex "
	    "migrate:latest, prisma migrate deploy, php artisan migrate …) "
	    "and then starts the server. A migration on its own path (an "
	    "exit after it, or its own case arm) is a one-off entry point "
	    "and is not reported.",
	.fix =
	    "Run the migration once per release as a one-off task with the "
	    "same image: an ECS RunTask (aws ecs run-task --overrides with "
	    "the migrate command) in the CodePipeline deploy stage, a "
	    "CloudFormation custom resource or a Procfile release: process; "
	    "the start command then only starts the server.",
	.see_also = NULL,
	.check = tf1201_check,
};

static int
tf1201_check(struct tl_check *c)
{
	struct tl_starts	 starts;
	const struct tl_start	*st;
	const struct tl_sh_cmd	*cmds;
	const char		*srv;
	char			 what[256];
	size_t			 i, j, k, n;
	int			 error = 0;

	tl_starts_collect(&starts, c->repo);
	for (i = 0; i < starts.n && error == 0; i++) {
		st = &starts.v[i];
		if (tl_start_is_dev(st) ||
		    (st->proc != NULL && strcmp(st->proc, "release") == 0))
			continue;
		cmds = st->script->cmds;
		n = st->script->ncmds;
		for (j = 0; j < n; j++) {
			if (!is_migration(&cmds[j]))
				continue;
			if ((k = server_after(cmds, n, j)) == n ||
			    separate_path(st->file, cmds, j, k))
				break;
			if (tl_cmd_execs_args(&cmds[k]))
				srv = "the image's CMD (exec \"$@\")";
			else
				srv = cmds[k].text;
			error = tl_report(c, st->file, cmds[j].line, 0,
			    cmds[j].text, "%s runs '%s' and then starts "
			    "%s%.57s%s%s: every process start migrates",
			    tl_start_what(st, what, sizeof(what)),
			    cmds[j].text, srv == cmds[k].text ? "'" : "", srv,
			    strlen(srv) > 60 ? "..." : "",
			    srv == cmds[k].text ? "'" : "");
			break;
		}
	}
	tl_starts_release(&starts);
	return error;
}

/* --------------------------------------------- helpers of TF1202, TF1203 */

/* Package managers' install commands. */
static const struct {
	const char	*prog;
	const char	*word;
} installers[] = {
	{ "apt-get", "install" }, { "apt", "install" }, { "apk", "add" },
	{ "yum", "install" }, { "dnf", "install" }, { "microdnf", "install" },
	{ "tdnf", "install" }, { "zypper", "install" }, { "zypper", "in" },
};

/* Options of the installers that take a value as the next word. */
static int
installer_opt_value(const char *w)
{
	static const char *const opts[] = {
		"-o", "-t", "--virtual", "-X", "--repository", "-c",
		"--target-release", "-p", "--root", NULL
	};
	size_t	 i;

	for (i = 0; opts[i] != NULL; i++)
		if (strcmp(w, opts[i]) == 0)
			return 1;
	return 0;
}

/*
 * Does the command install one of the packages (a name, or a name
 * followed by a version: pkg=1.2, pkg~=1.2, pkg>1)?  The one it
 * installs, or NULL.
 */
static const char *
installs(const struct tl_sh_cmd *c, const char *const *pkgs)
{
	const char	*prog = tl_sh_real_prog(c), *w;
	size_t		 i, j, k, n;

	for (k = 0; k < TL_NELEM(installers); k++)
		if (strcmp(prog, installers[k].prog) == 0 &&
		    tl_cmd_has_word(c, installers[k].word))
			break;
	if (k == TL_NELEM(installers))
		return NULL;
	for (j = tl_sh_prog_index(c) + 1; j < c->argc; j++) {
		w = c->argv[j];
		if (w[0] == '-') {
			if (installer_opt_value(w))
				j++;
			continue;
		}
		for (i = 0; pkgs[i] != NULL; i++) {
			n = strlen(pkgs[i]);
			if (strncmp(w, pkgs[i], n) == 0 && (w[n] == '\0' ||
			    strchr("=~<>", w[n]) != NULL))
				return pkgs[i];
		}
	}
	return NULL;
}

/* Is the stage the final one, or one the final stage is built FROM? */
static int
in_image(const struct tl_dockerfile *df, size_t stage)
{
	const struct tl_df_stage *st = tl_dockerfile_final(df);
	size_t			 depth;

	for (depth = 0; st != NULL && depth < df->nstages; depth++) {
		if (st == &df->stages[stage])
			return 1;
		st = st->parent >= 0 ? &df->stages[st->parent] : NULL;
	}
	return 0;
}

/*
 * Call fn on each simple command of the RUN instructions of the image
 * that runs (the final stage and its parents), heredoc bodies included,
 * until it returns non-zero; that value is returned, the instruction in
 * *where.
 */
static int
image_runs(const struct tl_file *f, const struct tl_df_instr **where,
    int (*fn)(const struct tl_sh_cmd *, void *), void *arg)
{
	const struct tl_df_instr *in;
	struct tl_script	*sc;
	struct tl_buf		 b = TL_BUF_INIT;
	size_t			 i, j;
	int			 r = 0;

	*where = NULL;
	for (i = 0; f->docker != NULL && i < f->docker->ninstrs && r == 0;
	    i++) {
		in = &f->docker->instrs[i];
		if (strcmp(in->keyword, "RUN") != 0 ||
		    in->stage == TL_DF_NO_STAGE ||
		    !in_image(f->docker, in->stage))
			continue;
		tl_buf_clear(&b);
		if (in->exec_form)
			for (j = 0; j < in->argc; j++)
				tl_buf_addf(&b, "%s'%s'", j > 0 ? " " : "",
				    in->argv[j]);
		else
			tl_buf_adds(&b, in->args);
		if (in->heredoc != NULL)
			tl_buf_addf(&b, "\n%s", in->heredoc);
		sc = NULL;
		if (tl_shell_parse(&sc, tl_buf_str(&b), b.len, in->line) != 0)
			continue;
		for (j = 0; sc != NULL && j < sc->ncmds && r == 0; j++)
			if ((r = fn(&sc->cmds[j], arg)) != 0)
				*where = in;
		tl_script_free(sc);
	}
	tl_buf_release(&b);
	return r;
}

/* An image that serves CI, by its path (ci/, .github/, .circleci/ …). */
static int
ci_path(const char *path)
{
	static const char *const dirs[] = {
		"ci/", ".ci/", ".github/", ".circleci/", ".gitlab/",
		".buildkite/", "jenkins/", NULL
	};
	size_t	 i;
	char	*p;
	int	 hit = 0;

	for (i = 0; dirs[i] != NULL && !hit; i++) {
		p = tl_printf("/%s", dirs[i]);
		hit = tl_str_has_prefix(path, dirs[i]) || strstr(path, p) !=
		    NULL;
		free(p);
	}
	return hit;
}


/* The Dockerfile a start command belongs to, or NULL (Procfile, unknown). */
static const struct tl_file *
start_image(const struct tl_start *st)
{
	if (st->kind == TL_START_CMD || st->kind == TL_START_ENTRYPOINT)
		return st->file;
	if (st->kind == TL_START_SCRIPT && st->via != NULL &&
	    st->via->kind == TL_FILE_DOCKERFILE)
		return st->via;
	return NULL;
}

/*
 * "service NAME start", "/etc/init.d/NAME start", "rc-service NAME
 * start", "systemctl start NAME": the NAME started, or NULL.
 */
static const char *
service_started(const struct tl_sh_cmd *c)
{
	const char	*prog = tl_sh_real_prog(c);
	size_t		 i = tl_sh_prog_index(c);

	if ((strcmp(prog, "service") == 0 || strcmp(prog, "rc-service") == 0 ||
	    strcmp(prog, "invoke-rc.d") == 0) && i + 2 < c->argc &&
	    (strcmp(c->argv[i + 2], "start") == 0 ||
	    strcmp(c->argv[i + 2], "restart") == 0))
		return c->argv[i + 1];
	if (i < c->argc && strncmp(c->argv[i], "/etc/init.d/", 12) == 0 &&
	    i + 1 < c->argc && (strcmp(c->argv[i + 1], "start") == 0 ||
	    strcmp(c->argv[i + 1], "restart") == 0))
		return c->argv[i] + 12;
	if (strcmp(prog, "systemctl") == 0 && i + 2 < c->argc &&
	    (strcmp(c->argv[i + 1], "start") == 0 ||
	    strcmp(c->argv[i + 1], "restart") == 0))
		return c->argv[i + 2];
	return NULL;
}

static const char	*ssh_daemon(const struct tl_sh_cmd *);
static const char	*cron_daemon(const struct tl_sh_cmd *);

/*
 * Is the command the app, or part of it: not plumbing, not an SSH, cron
 * or syslog daemon, not their set-up (crontab, ssh-keygen, chpasswd,
 * user and locale commands), not a keep-alive (tail -f, sleep), not a
 * shell whose -c body follows it; or exec "$@", the image's CMD.
 */
static int
is_app(const struct tl_sh_cmd *c)
{
	static const char *const setup[] = {
		"tail", "sleep", "crontab", "ssh-keygen", "chpasswd", "passwd",
		"useradd", "adduser", "usermod", "groupadd", "addgroup",
		"locale-gen", "update-ca-certificates", "declare", "logger",
		"rsyslogd", "syslogd", "syslog-ng", "mkfifo", "dos2unix", "sh",
		"bash", NULL
	};
	const char	*svc, *prog;
	size_t		 k;

	if (tl_cmd_execs_args(c))
		return 1;
	if (tl_cmd_is_plumbing(c) || ssh_daemon(c) != NULL ||
	    cron_daemon(c) != NULL)
		return 0;
	if ((svc = service_started(c)) != NULL &&
	    (strstr(svc, "syslog") != NULL || strcmp(svc, "dbus") == 0))
		return 0;
	prog = tl_sh_real_prog(c);
	for (k = 0; setup[k] != NULL; k++)
		if (strcmp(prog, setup[k]) == 0)
			return 0;
	return 1;
}

/*
 * Are commands i and k (i < k) of a script on different paths: an exit
 * between them, or (in a script file) a case arm's ";;" or an else or
 * elif line?
 */
static int
separate_paths(const struct tl_file *f, const struct tl_script *sc,
    size_t i, size_t k)
{
	const char	*p, *e;
	size_t		 j, len;
	unsigned	 l;

	for (j = i + 1; j < k; j++)
		if (tl_cmd_is(&sc->cmds[j], "exit") ||
		    tl_cmd_is(&sc->cmds[j], "return"))
			return 1;
	if (f == NULL || f->kind != TL_FILE_SCRIPT || f->data == NULL)
		return 0;
	for (l = sc->cmds[i].line; l <= sc->cmds[k].line; l++) {
		if ((p = tl_lines_get(&f->lines, f->data, f->size, l,
		    &len)) == NULL)
			continue;
		e = p + len;
		if (tl_memcasemem(p, len, ";;", 2) != NULL)
			return 1;
		while (p < e && (*p == ' ' || *p == '\t'))
			p++;
		if ((e - p >= 4 && strncmp(p, "else", 4) == 0) ||
		    (e - p >= 4 && strncmp(p, "elif", 4) == 0))
			return 1;
	}
	return 0;
}

/*
 * Does the daemon started by command d of the script (in file f, the
 * script's own file or NULL) run beside the app?  A daemon in the
 * foreground (fg: it blocks, or it is exec'd) runs beside an app sent
 * to the background; one that forks away runs beside any app command
 * that follows it on the same path.  When there is none the container
 * is the daemon's own: a scheduler or an SSH server process type.
 */
static int
beside_app(const struct tl_file *f, const struct tl_script *sc, size_t d,
    int fg)
{
	const struct tl_sh_cmd	*c;
	size_t			 k;

	fg = fg || sc->cmds[d].is_exec;
	for (k = 0; k < sc->ncmds; k++) {
		c = &sc->cmds[k];
		if (k == d || !is_app(c))
			continue;
		if (c->background && (!fg || k < d))
			return 1;
		if (!fg && k > d && !separate_paths(f, sc, d, k))
			return 1;
	}
	return 0;
}

/* Does a short option word (-xyz, not --long) hold one of the letters? */
static int
has_short_opt(const struct tl_sh_cmd *c, const char *letters)
{
	const char	*w;
	size_t		 i;

	for (i = tl_sh_prog_index(c) + 1; i < c->argc; i++) {
		w = c->argv[i];
		if (w[0] == '-' && w[1] != '-' && w[1] != '\0' &&
		    strpbrk(w + 1, letters) != NULL)
			return 1;
	}
	return 0;
}
/* Dockerfiles already decided, so that each is reported once. */
struct seen {
	const struct tl_file	**v;	/* owned array; items borrowed */
	size_t			  n;
};

static int
seen_has(const struct seen *s, const struct tl_file *f)
{
	size_t	 i;

	for (i = 0; i < s->n; i++)
		if (s->v[i] == f)
			return 1;
	return 0;
}

static void
seen_add(struct seen *s, const struct tl_file *f)
{
	if (f == NULL || seen_has(s, f))
		return;
	s->v = tl_reallocarray(s->v, s->n + 1, sizeof(*s->v));
	s->v[s->n++] = f;
}

/*
 * The start command that runs supervisord (first found, not for
 * development), or NULL; the command in *cmd.
 */
static const struct tl_start *
runs_supervisord(const struct tl_starts *starts, const struct tl_sh_cmd **cmd)
{
	const struct tl_start	*st;
	size_t			 i, j;

	for (i = 0; i < starts->n; i++) {
		st = &starts->v[i];
		if (tl_start_is_dev(st))
			continue;
		for (j = 0; j < st->script->ncmds; j++)
			if (tl_cmd_is(&st->script->cmds[j], "supervisord")) {
				*cmd = &st->script->cmds[j];
				return st;
			}
	}
	return NULL;
}

/*
 * Report each "command=" of a [program:] section of the repository's
 * supervisord configurations (*.conf, *.ini; files with more than one
 * program only) that starts the daemon: supervisord, run by the start
 * command by, runs it beside the app's other programs.
 */
static int
supervised_daemons(struct tl_check *c, const struct tl_start *by,
    const struct tl_sh_cmd *bycmd,
    const char *(*daemon)(const struct tl_sh_cmd *), const char *kind,
    size_t *nreported)
{
	const struct tl_file	*f;
	struct tl_script	*sc;
	const char		*p, *e, *v, *prog, *d;
	size_t			 i, j, ll, nprog;
	unsigned		 l;
	int			 error = 0;

	*nreported = 0;
	for (i = 0; i < c->repo->nfiles && error == 0; i++) {
		f = c->repo->files[i];
		if (!f->loaded || f->test || f->vendored || f->data == NULL ||
		    (!tl_str_has_suffix(f->name, ".conf") &&
		    !tl_str_has_suffix(f->name, ".ini")))
			continue;
		nprog = 0;
		for (p = f->data; (p = strstr(p, "[program:")) != NULL; p++)
			nprog++;
		if (nprog < 2)
			continue;
		prog = NULL;
		for (l = 1; l <= f->lines.n && error == 0; l++) {
			p = tl_lines_get(&f->lines, f->data, f->size, l, &ll);
			if (p == NULL)
				continue;
			e = p + ll;
			if (ll > 9 && strncmp(p, "[program:", 9) == 0) {
				prog = p + 9;
				continue;
			}
			if (prog == NULL || ll < 8 ||
			    strncmp(p, "command", 7) != 0)
				continue;
			for (v = p + 7; v < e && (*v == ' ' || *v == '\t'); v++)
				continue;
			if (v >= e || *v != '=')
				continue;
			v++;
			sc = NULL;
			if (tl_shell_parse(&sc, v, (size_t)(e - v), l) != 0)
				continue;
			for (j = 0; sc != NULL && j < sc->ncmds; j++) {
				if ((d = daemon(&sc->cmds[j])) == NULL)
					continue;
				error = tl_report(c, f, l, 0, sc->cmds[j].text,
				    "program '%.*s' of supervisord (started at "
				    "%s:%u) starts the %s %s beside the app's "
				    "other programs: '%s'",
				    (int)strcspn(prog, "]"), prog,
				    by->file->path, bycmd->line, kind, d,
				    sc->cmds[j].text);
				(*nreported)++;
				break;
			}
			tl_script_free(sc);
		}
	}
	return error;
}

/* ------------------------------------------------------------- TF1202 */

/* Packages that are only a remote-shell server. */
static const char *const ssh_server_pkgs[] = {
	"openssh-server", "dropbear", "dropbear-bin", "telnetd",
	"inetutils-telnetd", "telnet-server", "openssh-server-pam", NULL
};
/* Alpine's "openssh" brings the server with the client. */
static const char *const ssh_both_pkgs[] = { "openssh", NULL };

/*
 * Does the command start an SSH or telnet server?  Which, or NULL; *fg
 * (when fg is not NULL) says it stays in the foreground (sshd -D,
 * dropbear -F, not sent to the background).
 */
static const char *
ssh_daemon_fg(const struct tl_sh_cmd *c, int *fg)
{
	const char	*prog = tl_sh_real_prog(c), *svc;

	if (fg != NULL)
		*fg = 0;
	if (strcmp(prog, "sshd") == 0 || strcmp(prog, "dropbear") == 0 ||
	    strcmp(prog, "telnetd") == 0 || strcmp(prog, "in.telnetd") == 0 ||
	    strcmp(prog, "utelnetd") == 0) {
		if (fg != NULL)
			*fg = !c->background && has_short_opt(c,
			    strcmp(prog, "sshd") == 0 ? "Dd" : "F");
		return prog;
	}
	if ((svc = service_started(c)) != NULL && (strcmp(svc, "ssh") == 0 ||
	    strcmp(svc, "sshd") == 0 || strcmp(svc, "dropbear") == 0 ||
	    strcmp(svc, "telnetd") == 0))
		return svc;
	return NULL;
}

static const char *
ssh_daemon(const struct tl_sh_cmd *c)
{
	return ssh_daemon_fg(c, NULL);
}

static int
ssh_install(const struct tl_sh_cmd *c, void *arg)
{
	const char	**pkg = arg;

	return (*pkg = installs(c, ssh_server_pkgs)) != NULL;
}

static int
ssh_client_server(const struct tl_sh_cmd *c, void *arg)
{
	const char	**pkg = arg;

	return (*pkg = installs(c, ssh_both_pkgs)) != NULL;
}

/* ssh-keygen -A: host keys for a server. */
static int
ssh_host_keys(const struct tl_sh_cmd *c, void *arg)
{
	(void)arg;
	return tl_cmd_is(c, "ssh-keygen") && tl_cmd_has_word(c, "-A");
}

/* Does the image that runs EXPOSE port 22? */
static int
exposes_ssh(const struct tl_file *f)
{
	const struct tl_df_instr *in;
	char			*copy, *w, *save = NULL;
	size_t			 i;
	int			 hit = 0;

	for (i = 0; f->docker != NULL && i < f->docker->ninstrs && !hit;
	    i++) {
		in = &f->docker->instrs[i];
		if (strcmp(in->keyword, "EXPOSE") != 0 ||
		    in->stage == TL_DF_NO_STAGE ||
		    !in_image(f->docker, in->stage))
			continue;
		copy = tl_strdup(in->args);
		for (w = strtok_r(copy, " \t", &save); w != NULL && !hit;
		    w = strtok_r(NULL, " \t", &save))
			hit = strcmp(w, "22") == 0 || strcmp(w, "22/tcp") == 0;
		free(copy);
	}
	return hit;
}

/*
 * The RUN of the image that installs a remote-shell server, or NULL:
 * openssh-server, dropbear, telnetd …, or Alpine's openssh (client and
 * server) when the image makes host keys (ssh-keygen -A) or exposes 22.
 */
static const struct tl_df_instr *
ssh_installed(const struct tl_file *df, const char **pkg)
{
	const struct tl_df_instr *in, *keys;

	*pkg = NULL;
	if (image_runs(df, &in, ssh_install, pkg) != 0)
		return in;
	if (image_runs(df, &in, ssh_client_server, pkg) != 0 &&
	    (image_runs(df, &keys, ssh_host_keys, NULL) != 0 ||
	    exposes_ssh(df)))
		return in;
	*pkg = NULL;
	return NULL;
}

static int	tf1202_check(struct tl_check *);

static const struct tl_rule tf1202 = {
	.id = "TF1202",
	.name = "ssh-server-in-image",
	.factor = TL_FACTOR_ADMIN_PROCESSES,
	.severity = TL_SEV_WARNING,
	.needs = TL_NEED(TL_FILE_DOCKERFILE) | TL_NEED(TL_FILE_PROCFILE) |
	    TL_NEED(TL_FILE_SCRIPT) | TL_NEED(TL_FILE_COMPOSE) |
	    TL_NEED(TL_FILE_TASKDEF),
	.summary = "SSH or remote-shell server in the app image",
	.rationale =
	    "Admin tasks run as one-off processes in an identical environment: "
	    "the same image and config as a new process, started for the task "
	    "and gone after it. An SSH or telnet server inside the app "
	    "container invites the opposite: hand-made changes to one running "
	    "process that no release records, a second long-running process "
	    "per container, an open port and keys or passwords baked into the "
	    "image. Reported: a RUN of the image that runs (the final stage "
	    "and the stages it is built FROM) that installs openssh-server, "
	    "dropbear or a telnet server (Alpine's openssh package, client and "
	    "server, when ssh-keygen -A makes host keys or port 22 is "
	    "exposed); a start command (CMD, ENTRYPOINT, the script it runs, a "
	    "Procfile process, a compose service's or ECS task definition's "
	    "command) that starts sshd, dropbear or telnetd (service ssh "
	    "start, /usr/sbin/sshd …) beside the app, as TF1203 decides it for "
	    "cron: a daemon that forks away and an app command after it on the "
	    "same path, or exec \"$@\"; a foreground sshd -D with an app in "
	    "the background; and a [program:] of the repository's supervisord "
	    "configuration that does, when a start command runs supervisord. "
	    "The first that applies is reported once per image. Not reported: "
	    "openssh-client and build stages (git over SSH, ssh-keyscan), an "
	    "image whose start command runs sshd and nothing else (a bastion, "
	    "SFTP or CI agent image is an SSH server by design), Dockerfiles "
	    "named for development (.devcontainer/, Dockerfile.dev) or kept "
	    "for CI (ci/, .github/ …).",
	.fix =
	    "Remove the SSH server from the image. Run admin commands as "
	    "one-off tasks of the same task definition (aws ecs run-task with "
	    "a command override), and for interactive debugging use ECS Exec "
	    "(aws ecs execute-command, through SSM Session Manager) which "
	    "needs no daemon, key or open port in the image.",
	.see_also = NULL,
	.check = tf1202_check,
};

static int
tf1202_check(struct tl_check *c)
{
	struct tl_starts	 starts;
	struct seen		 dedicated = { NULL, 0 }, done = { NULL, 0 };
	const struct tl_start	*st;
	const struct tl_sh_cmd	*cmd;
	const struct tl_df_instr *in;
	const struct tl_file	*f, *df;
	const char		*d, *pkg;
	char			 what[256], inst[320];
	size_t			 i, j, n;
	int			 error = 0, fg;

	tl_starts_collect(&starts, c->repo);
	tl_starts_add_deploys(&starts, c->repo);
	/* Images that are SSH servers: sshd is their foreground process. */
	for (i = 0; i < starts.n; i++) {
		st = &starts.v[i];
		for (j = 0; j < st->script->ncmds; j++) {
			cmd = &st->script->cmds[j];
			if (ssh_daemon_fg(cmd, &fg) != NULL &&
			    !beside_app(st->file, st->script, j, fg))
				seen_add(&dedicated, start_image(st));
		}
	}
	for (i = 0; i < starts.n && error == 0; i++) {
		st = &starts.v[i];
		df = start_image(st);
		if (tl_start_is_dev(st) || (df != NULL &&
		    (seen_has(&dedicated, df) || ci_path(df->path))))
			continue;
		for (j = 0; j < st->script->ncmds && error == 0; j++) {
			cmd = &st->script->cmds[j];
			if ((d = ssh_daemon_fg(cmd, &fg)) == NULL ||
			    !beside_app(st->file, st->script, j, fg))
				continue;
			inst[0] = '\0';
			if (df != NULL &&
			    (in = ssh_installed(df, &pkg)) != NULL)
				snprintf(inst, sizeof(inst), " (%s installed "
				    "at %s:%u)", pkg, df->path, in->line);
			error = tl_report(c, st->file, cmd->line, 0, cmd->text,
			    "%s starts the remote-shell server %s beside the "
			    "app: '%.60s%s'%s",
			    tl_start_what(st, what, sizeof(what)), d, cmd->text,
			    strlen(cmd->text) > 60 ? "..." : "", inst);
			seen_add(&done, df);
		}
	}
	if (error == 0 && (st = runs_supervisord(&starts, &cmd)) != NULL &&
	    ((df = start_image(st)) == NULL || (!seen_has(&done, df) &&
	    !seen_has(&dedicated, df) && !ci_path(df->path)))) {
		error = supervised_daemons(c, st, cmd, ssh_daemon,
		    "remote-shell server", &n);
		if (n > 0)
			seen_add(&done, df);
	}
	tl_starts_release(&starts);
	TL_FOREACH_FILE(f, c->repo, TL_FILE_DOCKERFILE) {
		if (error != 0)
			break;
		if (seen_has(&dedicated, f) || seen_has(&done, f) ||
		    tl_path_is_dev_artefact(f->path) || ci_path(f->path) ||
		    (in = ssh_installed(f, &pkg)) == NULL)
			continue;
		error = tl_report(c, f, in->line, 0, pkg, "RUN installs %s, "
		    "an SSH or telnet server, in the image that runs", pkg);
	}
	free(dedicated.v);
	free(done.v);
	return error;
}

/* ------------------------------------------------------------- TF1203 */

/*
 * Does the command start a cron daemon?  Which, or NULL; *fg (when fg is
 * not NULL) says it stays in the foreground (cron -f, crond -f or -n,
 * supercronic, go-crond, yacron; not sent to the background).
 */
static const char *
cron_daemon_fg(const struct tl_sh_cmd *c, int *fg)
{
	static const char *const crons[] = {
		"cron", "crond", "fcron", "supercronic", "go-crond", "yacron",
		NULL
	};
	const char	*prog = tl_sh_real_prog(c), *svc, *d = NULL;
	size_t		 i = tl_sh_prog_index(c), k;

	if (fg != NULL)
		*fg = 0;
	if (strcmp(prog, "busybox") == 0 && i + 1 < c->argc &&
	    strcmp(c->argv[i + 1], "crond") == 0)
		d = "crond";
	for (k = 0; d == NULL && crons[k] != NULL; k++)
		if (strcmp(prog, crons[k]) == 0)
			d = crons[k];
	if (d != NULL) {
		/* supercronic, go-crond and yacron never fork. */
		if (fg != NULL)
			*fg = !c->background && (strcmp(d, "supercronic") ==
			    0 || strcmp(d, "go-crond") == 0 ||
			    strcmp(d, "yacron") == 0 || has_short_opt(c,
			    strcmp(d, "crond") == 0 ? "fn" : "f"));
		return d;
	}
	if ((svc = service_started(c)) != NULL && (strcmp(svc, "cron") == 0 ||
	    strcmp(svc, "crond") == 0 || strcmp(svc, "cronie") == 0))
		return svc;
	return NULL;
}

static const char *
cron_daemon(const struct tl_sh_cmd *c)
{
	return cron_daemon_fg(c, NULL);
}

static const char *const cron_pkgs[] = {
	"cron", "cronie", "cronie-anacron", "busybox-cron", "dcron",
	"fcron", "supercronic", "bsd-cron", NULL
};

static int
cron_install(const struct tl_sh_cmd *c, void *arg)
{
	const char	**what = arg;
	size_t		 i;

	if ((*what = installs(c, cron_pkgs)) != NULL)
		return 1;
	/* curl -o /usr/local/bin/supercronic … , crontab FILE */
	for (i = 0; i < c->argc; i++)
		if (strstr(c->argv[i], "supercronic") != NULL &&
		    (tl_cmd_is(c, "curl") || tl_cmd_is(c, "wget"))) {
			*what = "supercronic";
			return 1;
		}
	return 0;
}

static int	tf1203_check(struct tl_check *);

static const struct tl_rule tf1203 = {
	.id = "TF1203",
	.name = "cron-in-app-container",
	.factor = TL_FACTOR_ADMIN_PROCESSES,
	.severity = TL_SEV_WARNING,
	.needs = TL_NEED(TL_FILE_DOCKERFILE) | TL_NEED(TL_FILE_PROCFILE) |
	    TL_NEED(TL_FILE_SCRIPT) | TL_NEED(TL_FILE_COMPOSE) |
	    TL_NEED(TL_FILE_TASKDEF),
	.summary = "cron daemon inside an app container",
	.rationale =
	    "Scheduled admin work is a one-off process started on a schedule, "
	    "in the same release and config as the app, visible to the "
	    "platform: its runs, exits and logs are recorded. A cron daemon "
	    "started inside the app's container instead runs the jobs once per "
	    "running container (ten tasks, ten runs), out of the platform's "
	    "sight, with an environment cron does not pass on, and it dies or "
	    "multiplies as the app scales. Reported: a start command (the "
	    "final stage's CMD or ENTRYPOINT, the script it runs, a Procfile "
	    "process, a compose service's or ECS task definition's command) "
	    "that starts cron, crond, busybox crond, fcron, supercronic, "
	    "go-crond or yacron (also as service cron start or "
	    "/etc/init.d/cron start) beside the app: a cron that forks away "
	    "and an app command after it on the same path (not in another case "
	    "arm or else branch, not after an exit), or exec \"$@\" (the "
	    "image's CMD); or a cron in the foreground (-f, exec'd, "
	    "supercronic) while an app command runs in the background. App "
	    "commands are those that are not plumbing, keep-alives (tail -f, "
	    "sleep), cron's or sshd's set-up (crontab, ssh-keygen …) or syslog "
	    "daemons. Also reported: a [program:] of the repository's "
	    "supervisord configuration (with other programs) that runs one, "
	    "when a start command runs supervisord. The detail names the RUN "
	    "that installs it when there is one. Not reported: a container "
	    "whose only long-running process is the scheduler (cron -f, "
	    "supercronic crontab, even cron && tail -f log): that is a clock "
	    "process type of its own, as a Procfile clock: process is; cron "
	    "installed but never started; scheduling libraries in the code; "
	    "artefacts named for development.",
	.fix =
	    "Run each job as a one-off task on a schedule: an Amazon "
	    "EventBridge Scheduler schedule that starts an ECS task (RunTask "
	    "with a command override) or invokes a Lambda function; or, "
	    "failing that, a separate clock process type with a single "
	    "instance.",
	.see_also = NULL,
	.check = tf1203_check,
};

static int
tf1203_check(struct tl_check *c)
{
	struct tl_starts	 starts;
	const struct tl_start	*st;
	const struct tl_sh_cmd	*cmd;
	const struct tl_df_instr *in;
	const struct tl_file	*df;
	const char		*d, *pkg;
	char			 what[256], inst[320];
	size_t			 i, j;
	int			 error = 0, fg;

	tl_starts_collect(&starts, c->repo);
	tl_starts_add_deploys(&starts, c->repo);
	for (i = 0; i < starts.n && error == 0; i++) {
		st = &starts.v[i];
		if (tl_start_is_dev(st))
			continue;
		df = start_image(st);
		for (j = 0; j < st->script->ncmds && error == 0; j++) {
			cmd = &st->script->cmds[j];
			if ((d = cron_daemon_fg(cmd, &fg)) == NULL ||
			    !beside_app(st->file, st->script, j, fg))
				continue;
			inst[0] = '\0';
			if (df != NULL && image_runs(df, &in, cron_install,
			    &pkg) != 0)
				snprintf(inst, sizeof(inst), " (%s installed "
				    "at %s:%u)", pkg, df->path, in->line);
			error = tl_report(c, st->file, cmd->line, 0, cmd->text,
			    "%s starts the cron daemon %s beside the app: "
			    "'%.60s%s'%s; scheduled jobs run inside every app "
			    "container", tl_start_what(st, what, sizeof(what)),
			    d, cmd->text, strlen(cmd->text) > 60 ? "..." : "",
			    inst);
		}
	}
	if (error == 0 && (st = runs_supervisord(&starts, &cmd)) != NULL)
		error = supervised_daemons(c, st, cmd, cron_daemon,
		    "cron daemon", &j);
	tl_starts_release(&starts);
	return error;
}

static const struct tl_rule *const rules[] = {
	&tf1201,
	&tf1202,
	&tf1203,
};

const struct tl_module tl_module_ADMIN_PROCESSES = {
	TL_FACTOR_ADMIN_PROCESSES, rules, TL_NELEM(rules), NULL, NULL
};
