/*
 * f12_admin_processes.c: factor XII, Admin processes
 * (https://12factor.net/admin-processes).  Run admin and management tasks
 * as one-off processes.
 */
#include <stdio.h>
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
		if (tl_path_is_dev_artefact(st->file->path) ||
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

static const struct tl_rule *const rules[] = {
	&tf1201,
};

const struct tl_module tl_module_ADMIN_PROCESSES = {
	TL_FACTOR_ADMIN_PROCESSES, rules, TL_NELEM(rules), NULL, NULL
};
