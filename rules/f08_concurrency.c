/*
 * f08_concurrency.c: factor VIII, Concurrency
 * (https://12factor.net/concurrency).  Scale out via the process model.
 */
#include <stdio.h>
#include <string.h>

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

static const struct tl_rule *const rules[] = {
	&tf0801,
};

const struct tl_module tl_module_CONCURRENCY = {
	TL_FACTOR_CONCURRENCY, rules, TL_NELEM(rules), NULL, NULL
};
