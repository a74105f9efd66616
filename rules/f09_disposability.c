/*
 * f09_disposability.c: factor IX, Disposability
 * (https://12factor.net/disposability).  Maximize robustness with fast
 * startup and graceful shutdown.
 */
#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common.h"
#include "twelvelint/template.h"

/* ------------------------------------------------------------- TF0901 */

static int
is_shell(const char *prog)
{
	static const char *const shells[] = {
		"sh", "bash", "ash", "dash", "zsh", "ksh"
	};
	const char	*slash = strrchr(prog, '/');
	size_t		 i;

	prog = slash != NULL ? slash + 1 : prog;
	for (i = 0; i < TL_NELEM(shells); i++)
		if (strcmp(prog, shells[i]) == 0)
			return 1;
	return 0;
}

/*
 * The command a shell runs as PID 1 for this instruction, when it does:
 * shell form, or an exec-form ["sh", "-c", "…"]; NULL when the program
 * itself is PID 1 (exec form, or a shell body that starts with exec).
 */
static const char *
shell_body(const struct tl_df_instr *in)
{
	const char	*body;

	if (!in->exec_form)
		body = in->args;
	else if (in->argc >= 3 && is_shell(in->argv[0]) &&
	    in->argv[1][0] == '-' && strchr(in->argv[1], 'c') != NULL)
		body = in->argv[2];
	else
		return NULL;
	while (*body == ' ' || *body == '\t')
		body++;
	if (strncmp(body, "exec ", 5) == 0 || *body == '\0')
		return NULL;
	return body;
}

/* The image that deploys: the final stage, or one named for production. */
static int
deployed_stage(const struct tl_dockerfile *df, size_t i)
{
	static const char *const names[] = {
		"prod", "production", "release", "runtime", "final", "app",
		"deploy", NULL
	};
	const char	*name = df->stages[i].name;
	size_t		 k;

	if (i + 1 == df->nstages)
		return 1;
	for (k = 0; name != NULL && names[k] != NULL; k++)
		if (strcasecmp(name, names[k]) == 0)
			return 1;
	return 0;
}

static int	tf0901_check(struct tl_check *);

static const struct tl_rule tf0901 = {
	.id = "TF0901",
	.name = "shell-form-start-command",
	.factor = TL_FACTOR_DISPOSABILITY,
	.severity = TL_SEV_WARNING,
	.needs = TL_NEED(TL_FILE_DOCKERFILE),
	.summary = "start command in shell form",
	.rationale =
	    "Disposable processes shut down gracefully when they receive "
	    "SIGTERM: ECS, Kubernetes and docker stop send it, wait, then "
	    "kill. In shell form (CMD node server.js, or [\"sh\", \"-c\", "
	    "\"…\"]) PID 1 is /bin/sh, which does not pass SIGTERM on: the "
	    "app never hears it, finishes no request and is killed after the "
	    "stop timeout. The CMD and ENTRYPOINT in effect for the final "
	    "stage, and for stages named prod, production, release, runtime, "
	    "final, app or deploy, are checked, also when they are inherited "
	    "from the stage they are built FROM (a test stage's CMD is not a "
	    "long-running process); a shell command that starts with exec "
	    "replaces the shell and is not reported. Test fixtures and "
	    "vendored Dockerfiles are not read.",
	.fix =
	    "Use the exec form, CMD [\"node\", \"server.js\"], so the app is "
	    "PID 1 and receives SIGTERM; where a shell is needed for "
	    "variables, end it with exec (CMD exec node server.js). Handle "
	    "SIGTERM in the app and keep the ECS stopTimeout above its "
	    "shutdown time.",
	.see_also = "hadolint DL3025; docker build check JSONArgsRecommended",
	.check = tf0901_check,
};

/* The program the shell body really runs: its last command that is not plumbing. */
static const char *
body_program(const struct tl_script *sc)
{
	size_t	 i;

	for (i = sc->ncmds; i > 0; i--)
		if (sc->cmds[i - 1].depth == 0 &&
		    !tl_cmd_is_plumbing(&sc->cmds[i - 1]))
			return tl_sh_real_prog(&sc->cmds[i - 1]);
	return sc->ncmds > 0 ? tl_sh_real_prog(&sc->cmds[0]) : "";
}

static int
tf0901_report(struct tl_check *c, const struct tl_file *f,
    const struct tl_df_instr *in)
{
	struct tl_script	*sc = NULL;
	const char		*body, *prog = "the app";
	char			*folded;
	int			 error;

	if ((body = shell_body(in)) == NULL)
		return 0;
	if (tl_shell_parse(&sc, body, strlen(body), in->line) == 0 &&
	    sc != NULL && *body_program(sc) != '\0')
		prog = body_program(sc);
	folded = tl_str_fold(body, strlen(body));
	error = tl_report(c, f, in->line, 1, folded, "%s runs '%.60s%s' "
	    "through /bin/sh: PID 1 is the shell and SIGTERM never reaches "
	    "'%s'", in->keyword, folded, strlen(folded) > 60 ? "..." : "",
	    prog);
	free(folded);
	tl_script_free(sc);
	return error;
}

#define SHELL_STARTS_MAX	(2 * 16)

/*
 * The CMD and ENTRYPOINT instructions a Dockerfile starts a deployed
 * stage with (deployed_stage()) that run through a shell as PID 1
 * (shell_body()), each once (a parent and its child may both deploy), in
 * stage order, ENTRYPOINT first: at most max of them into out.
 */
static size_t
shell_starts(const struct tl_file *f, const struct tl_df_instr **out,
    size_t max)
{
	static const char *const kws[] = { "ENTRYPOINT", "CMD" };
	const struct tl_df_stage *where;
	const struct tl_df_instr *in, *seen[SHELL_STARTS_MAX];
	size_t			 i, k, n, nseen = 0, nout = 0;

	for (i = 0; f->docker != NULL && i < f->docker->nstages; i++) {
		if (!deployed_stage(f->docker, i))
			continue;
		for (k = 0; k < TL_NELEM(kws); k++) {
			in = tl_df_effective(f->docker, &f->docker->stages[i],
			    kws[k], &where);
			if (in == NULL)
				continue;
			for (n = 0; n < nseen && seen[n] != in; n++)
				continue;
			if (n < nseen)
				continue;
			if (nseen < TL_NELEM(seen))
				seen[nseen++] = in;
			if (shell_body(in) != NULL && nout < max)
				out[nout++] = in;
		}
	}
	return nout;
}

static int
tf0901_check(struct tl_check *c)
{
	const struct tl_file	*f;
	const struct tl_df_instr *in[SHELL_STARTS_MAX];
	size_t			 i, n;
	int			 error = 0;

	TL_FOREACH_FILE(f, c->repo, TL_FILE_DOCKERFILE) {
		n = shell_starts(f, in, TL_NELEM(in));
		for (i = 0; i < n && error == 0; i++)
			error = tf0901_report(c, f, in[i]);
		if (error != 0)
			return error;
	}
	return 0;
}

/* ------------------------------------------- start scripts and images */

static int
start_not_deployed(const struct tl_repo *repo, const struct tl_start *st)
{
	return tl_file_not_deployed(repo, st->file) ||
	    tl_file_not_deployed(repo, st->via) ||
	    (st->proc != NULL && strcmp(st->proc, "release") == 0);
}

/* An AWS Lambda container image: an invocation, not a process that stays. */
static int
lambda_image(const struct tl_dockerfile *df)
{
	static const char *const bases[] = {
		"public.ecr.aws/lambda/", "amazon/aws-lambda-"
	};
	const struct tl_df_stage *st = tl_dockerfile_final(df);
	size_t			 i, depth;

	for (depth = 0; st != NULL && depth < df->nstages; depth++) {
		for (i = 0; i < TL_NELEM(bases); i++)
			if (tl_str_has_prefix(st->image, bases[i]))
				return 1;
		st = st->parent >= 0 ? &df->stages[st->parent] : NULL;
	}
	return 0;
}

/* A Dockerfile that builds a long-running service the rules look at. */
static int
service_dockerfile(const struct tl_repo *repo, const struct tl_file *f)
{
	return f->docker != NULL && tl_dockerfile_final(f->docker) != NULL &&
	    !tl_file_not_deployed(repo, f) && !lambda_image(f->docker);
}

static const char *
base_name(const char *path)
{
	const char	*slash = strrchr(path, '/');

	return slash != NULL ? slash + 1 : path;
}

/* A function a script defines: its name and the line of the definition. */
struct sh_func {
	char		name[64];
	unsigned	line;
};

#define SH_MAX_FUNCS	64

/* "name() {", "name () {", "function name {", "function name() {". */
static size_t
script_functions(const struct tl_file *f, struct sh_func *out, size_t max)
{
	const char	*p, *e, *w;
	size_t		 len, n = 0;
	unsigned	 l;
	int		 kw;

	for (l = 1; f != NULL && f->data != NULL && l <= f->lines.n &&
	    n < max; l++) {
		if ((p = tl_lines_get(&f->lines, f->data, f->size, l,
		    &len)) == NULL)
			continue;
		e = p + len;
		while (p < e && (*p == ' ' || *p == '\t'))
			p++;
		kw = e - p > 9 && strncmp(p, "function", 8) == 0 &&
		    (p[8] == ' ' || p[8] == '\t');
		if (kw)
			for (p += 8; p < e && (*p == ' ' || *p == '\t'); p++)
				continue;
		for (w = p; p < e && (isalnum((unsigned char)*p) ||
		    *p == '_' || *p == '-' || *p == ':' || *p == '.'); p++)
			continue;
		if (p == w || (size_t)(p - w) >= sizeof(out[n].name) ||
		    isdigit((unsigned char)*w))
			continue;
		len = (size_t)(p - w);
		while (p < e && (*p == ' ' || *p == '\t'))
			p++;
		if (!(p + 1 < e && p[0] == '(' && p[1] == ')') &&
		    !(kw && (p == e || *p == '{')))
			continue;
		memcpy(out[n].name, w, len);
		out[n].name[len] = '\0';
		out[n].line = l;
		n++;
	}
	return n;
}

/*
 * The last command of cmds[lo, hi) that does the work: at depth 0 (not
 * inside an sh -c body), inside a function body or not as in_fn says,
 * and not plumbing (echo, test, export …); -1 when there is none.
 */
static long
last_work(const struct tl_script *sc, size_t lo, size_t hi, int in_fn)
{
	const struct tl_sh_cmd	*c;
	size_t			 i;

	for (i = hi; i > lo; i--) {
		c = &sc->cmds[i - 1];
		if (c->depth == 0 && (c->in_function != 0) == in_fn &&
		    !tl_cmd_is_plumbing(c))
			return (long)(i - 1);
	}
	return -1;
}

/*
 * The command a script ends by running: its last top-level command that
 * is not plumbing; when that calls a function of the script ("main
 * \"$@\""), the last such command of the function's body, and so on.
 * -1 when the script only sets things up.  *top, when top is not NULL,
 * is set to the top-level command (the call).
 */
static long
final_work(const struct tl_script *sc, const struct tl_file *f, long *top)
{
	struct sh_func		 fn[SH_MAX_FUNCS];
	const struct tl_sh_cmd	*c;
	size_t			 nfn, j, i, lo, hi;
	unsigned		 end;
	long			 k;
	int			 hop, in_fn = 0;

	nfn = script_functions(f, fn, SH_MAX_FUNCS);
	lo = 0;
	hi = sc->ncmds;
	for (hop = 0; ; hop++) {
		if ((k = last_work(sc, lo, hi, in_fn)) < 0)
			return -1;
		if (hop == 0 && top != NULL)
			*top = k;
		c = &sc->cmds[k];
		if (c->is_exec || hop == 4)
			return k;
		for (j = 0; j < nfn && strcmp(fn[j].name, c->argv[0]) != 0;
		    j++)
			continue;
		if (j == nfn)
			return k;
		/* The body: function commands up to the next definition. */
		end = UINT_MAX;
		for (i = 0; i < nfn; i++)
			if (fn[i].line > fn[j].line && fn[i].line < end)
				end = fn[i].line;
		lo = hi = sc->ncmds;
		for (i = 0; i < sc->ncmds; i++) {
			c = &sc->cmds[i];
			if (!c->in_function || c->line < fn[j].line ||
			    c->line >= end)
				continue;
			if (lo == sc->ncmds)
				lo = i;
			hi = i + 1;
		}
		if (lo == sc->ncmds)
			return -1;
		in_fn = 1;
	}
}

/* Is the word a name of SIGTERM: TERM, SIGTERM, 15 (any case)? */
static int
names_sigterm(const char *w)
{
	if (strncasecmp(w, "SIG", 3) == 0)
		w += 3;
	return strcasecmp(w, "TERM") == 0 || strcmp(w, "15") == 0;
}

/*
 * For a trap command that names SIGTERM, its action ("" ignores the
 * signal, "-" restores the default); NULL for any other command.
 */
static const char *
trap_term_action(const struct tl_sh_cmd *c)
{
	size_t	 i = 1, k;

	if (c->argc < 3 || strcmp(c->argv[0], "trap") != 0)
		return NULL;
	if (strcmp(c->argv[i], "--") == 0)
		i++;
	for (k = i + 1; k < c->argc; k++)
		if (names_sigterm(c->argv[k]))
			return c->argv[i];
	return NULL;
}

/*
 * A deliberate supervisor: it traps SIGTERM with a handler (to pass it
 * on to its children) and waits for them.
 */
static int
forwards_sigterm(const struct tl_script *sc)
{
	const char	*act;
	size_t		 i;
	int		 trap = 0, wait = 0;

	for (i = 0; i < sc->ncmds; i++) {
		if ((act = trap_term_action(&sc->cmds[i])) != NULL)
			trap = *act != '\0' && strcmp(act, "-") != 0;
		if (tl_cmd_is(&sc->cmds[i], "wait"))
			wait = 1;
	}
	return trap && wait;
}

/*
 * Does the script go on after its final command k: a top-level command
 * other than wait follows it (exit "$status", a log line …)?  Then it
 * wants control back: a job or a supervisor, and exec would cut it off.
 */
static int
keeps_control(const struct tl_script *sc, size_t k)
{
	const struct tl_sh_cmd	*c;
	size_t			 i;

	for (i = k + 1; i < sc->ncmds; i++) {
		c = &sc->cmds[i];
		if (c->depth == 0 && !c->in_function && !tl_cmd_is(c, "wait"))
			return 1;
	}
	return 0;
}

/*
 * Are we inside a do … done loop at offset pos of text: counting the
 * words do and done where a command starts (after a newline, ';', '&',
 * '|', '(' or the start), '#' comments skipped.
 */
static int
in_loop(const char *text, size_t pos)
{
	size_t	 i, n;
	int	 depth = 0, cmdpos = 1;

	for (i = 0; i < pos; i++) {
		if (text[i] == '#' && (i == 0 || isspace((unsigned char)
		    text[i - 1]))) {
			while (i < pos && text[i] != '\n')
				i++;
			cmdpos = 1;
			continue;
		}
		if (strchr("\n;&|(", text[i]) != NULL) {
			cmdpos = 1;
			continue;
		}
		if (text[i] == ' ' || text[i] == '\t' || text[i] == '"' ||
		    text[i] == '\'')
			continue;
		if (cmdpos) {
			n = strcspn(text + i, " \t\n;&|()\"'");
			if (n == 2 && strncmp(text + i, "do", 2) == 0)
				depth++;
			else if (n == 4 && strncmp(text + i, "done", 4) == 0 &&
			    depth > 0)
				depth--;
			/* then, do, else … start a command too. */
			cmdpos = (n == 2 && strncmp(text + i, "do", 2) == 0) ||
			    (n == 4 && (strncmp(text + i, "then", 4) == 0 ||
			    strncmp(text + i, "else", 4) == 0));
			i += n > 0 ? n - 1 : 0;
		}
	}
	return depth > 0;
}

/* The shell text a start command was parsed from, owned by the caller. */
static char *
start_text(const struct tl_start *st)
{
	struct tl_buf		 b = TL_BUF_INIT;
	const struct tl_df_instr *in;
	const struct tl_procfile *pf;
	size_t			 i, k;

	if (st->kind == TL_START_SCRIPT)
		return tl_strndup(st->file->data, st->file->size);
	if (st->kind == TL_START_PROC && (pf = st->file->procfile) != NULL) {
		for (i = 0; i < pf->nprocs; i++)
			if (pf->procs[i].line == st->line)
				return tl_strdup(pf->procs[i].command);
		return tl_strdup("");
	}
	for (i = 0; st->file->docker != NULL &&
	    i < st->file->docker->ninstrs; i++) {
		in = &st->file->docker->instrs[i];
		if (in->line != st->line)
			continue;
		if (!in->exec_form)
			return tl_strdup(in->args);
		for (k = 0; k < in->argc; k++) {
			if (k > 0)
				tl_buf_addc(&b, ' ');
			tl_buf_adds(&b, in->argv[k]);
		}
		return tl_buf_detach(&b);
	}
	return tl_strdup("");
}

/* Is command cmd (of start st, whose text is text) inside a loop? */
static int
cmd_in_loop(const struct tl_start *st, const char *text,
    const struct tl_sh_cmd *cmd)
{
	const char	*from = text, *at;
	size_t		 len;

	if (st->kind == TL_START_SCRIPT && (from = tl_lines_get(
	    &st->file->lines, st->file->data, st->file->size, cmd->line,
	    &len)) != NULL && (size_t)(from - st->file->data) <= strlen(text))
		from = text + (from - st->file->data);
	else
		from = text;
	if ((at = strstr(from, cmd->text)) == NULL)
		at = from;
	return in_loop(text, (size_t)(at - text));
}

/* How a start script is run by the other start commands. */
enum script_role {
	ROLE_UNKNOWN = 0,	/* found by name: an entrypoint by convention */
	ROLE_FINAL,		/* the last command something runs */
	ROLE_SOURCED,		/* only read with . or source */
	ROLE_HELPER		/* a step before the real command */
};

/* Is cmds[k] the last command of its script that does work? */
static int
is_last_work(const struct tl_script *sc, size_t k)
{
	size_t	 i;

	for (i = k + 1; i < sc->ncmds; i++)
		if (!sc->cmds[i].in_function &&
		    !tl_cmd_is_plumbing(&sc->cmds[i]))
			return 0;
	return 1;
}

static enum script_role
script_role(const struct tl_starts *s, size_t self)
{
	const struct tl_start	*st;
	const struct tl_sh_cmd	*c;
	const char		*name = s->v[self].file->name, *w;
	size_t			 i, k, a;
	int			 final = 0, sourced = 0, helper = 0;

	for (i = 0; i < s->n; i++) {
		st = &s->v[i];
		if (i == self || (st->proc != NULL &&
		    strcmp(st->proc, "release") == 0))
			continue;
		for (k = 0; k < st->script->ncmds; k++) {
			c = &st->script->cmds[k];
			for (a = 0; a < c->argc; a++) {
				w = c->argv[a];
				if (strpbrk(w, " \t\n") != NULL ||
				    strcmp(base_name(w), name) != 0)
					continue;
				if (a == 1 && (strcmp(c->argv[0], ".") == 0 ||
				    strcmp(c->argv[0], "source") == 0))
					sourced = 1;
				else if (is_last_work(st->script, k))
					final = 1;
				else
					helper = 1;
			}
		}
	}
	return final ? ROLE_FINAL : sourced ? ROLE_SOURCED :
	    helper ? ROLE_HELPER : ROLE_UNKNOWN;
}

/* ------------------------------------------------------------- TF0902 */

static int	tf0902_check(struct tl_check *);

static const struct tl_rule tf0902 = {
	.id = "TF0902",
	.name = "entrypoint-without-exec",
	.factor = TL_FACTOR_DISPOSABILITY,
	.severity = TL_SEV_WARNING,
	.needs = TL_NEED(TL_FILE_DOCKERFILE) | TL_NEED(TL_FILE_SCRIPT) |
	    TL_NEED(TL_FILE_PROCFILE),
	.summary = "start script does not exec the app",
	.rationale =
	    "A disposable process stops gracefully on SIGTERM. When an "
	    "entrypoint script starts the app as a child (gunicorn app:app) "
	    "instead of replacing itself with it (exec gunicorn app:app), "
	    "the shell stays PID 1: docker stop, ECS and Kubernetes signal "
	    "the shell, which does not pass SIGTERM on, and the app is "
	    "killed mid-request when the stop timeout ends. Checked: the "
	    "scripts that the final stage's CMD or ENTRYPOINT or a Procfile "
	    "process run as their last command, and scripts named "
	    "*entrypoint*. The command the script ends with is its last "
	    "top-level command that is not plumbing (echo, test, export, "
	    "sleep, wait …), followed into a function the script defines "
	    "when it ends by calling one; it must start with exec (exec "
	    "\"$@\", exec gosu app \"$@\" …). Not reported: scripts that "
	    "only set up (no such command), scripts only sourced or run as "
	    "a step before the real command, scripts that trap SIGTERM and "
	    "wait (a deliberate supervisor that forwards it), scripts that "
	    "go on after that command (an exit with its status, a log line: "
	    "a job that wants control back, which exec would cut off), a "
	    "command inside a restart loop (while true; do app; done), the "
	    "containers of GitHub Actions and artefacts named for "
	    "development. Branches are not followed: a script whose last "
	    "command is exec'd but whose other branch is not passes.",
	.fix =
	    "End the script with exec: exec \"$@\" for a CMD passed to the "
	    "entrypoint, or exec gunicorn app:app, so the app becomes PID 1 "
	    "and receives SIGTERM; drop privileges with exec gosu or exec "
	    "su-exec. Handle SIGTERM in the app and keep the ECS task "
	    "definition's stopTimeout above its shutdown time.",
	.see_also = NULL,
	.check = tf0902_check,
};

/*
 * For start script i of starts, the command it ends by running without
 * exec, so that the shell stays PID 1 over the app (TF0902's test); NULL
 * when it execs it, is not deployed, only sourced or a step, forwards
 * SIGTERM itself, keeps control after it or runs it in a restart loop.
 */
static const struct tl_sh_cmd *
script_without_exec(const struct tl_repo *repo, const struct tl_starts *starts,
    size_t i)
{
	const struct tl_start	*st = &starts->v[i];
	const struct tl_sh_cmd	*cmd;
	enum script_role	 role;
	char			*text;
	long			 k, top;
	int			 loop;

	if (st->kind != TL_START_SCRIPT || start_not_deployed(repo, st))
		return NULL;
	role = script_role(starts, i);
	if (role == ROLE_SOURCED || role == ROLE_HELPER)
		return NULL;
	if ((k = final_work(st->script, st->file, &top)) < 0)
		return NULL;
	cmd = &st->script->cmds[k];
	if (cmd->is_exec || forwards_sigterm(st->script) ||
	    keeps_control(st->script, (size_t)top))
		return NULL;
	/* A restart loop (while true; do app; sleep 2; done). */
	text = start_text(st);
	loop = cmd_in_loop(st, text, cmd);
	free(text);
	return loop ? NULL : cmd;
}

static int
tf0902_check(struct tl_check *c)
{
	struct tl_starts	 starts;
	const struct tl_start	*st;
	const struct tl_sh_cmd	*cmd;
	char			 what[256];
	size_t			 i;
	int			 error = 0;

	tl_starts_collect(&starts, c->repo);
	for (i = 0; i < starts.n && error == 0; i++) {
		st = &starts.v[i];
		if ((cmd = script_without_exec(c->repo, &starts, i)) == NULL)
			continue;
		error = tl_report(c, st->file, cmd->line, 0, cmd->text,
		    "%s runs '%.60s%s' without exec: the shell stays PID 1 "
		    "and SIGTERM never reaches '%s'",
		    tl_start_what(st, what, sizeof(what)), cmd->text,
		    strlen(cmd->text) > 60 ? "..." : "",
		    tl_sh_real_prog(cmd));
	}
	tl_starts_release(&starts);
	return error;
}

/* ------------------------------------------------------------- TF0903 */

static int	tf0903_check(struct tl_check *);

static const struct tl_rule tf0903 = {
	.id = "TF0903",
	.name = "sigterm-ignored",
	.factor = TL_FACTOR_DISPOSABILITY,
	.severity = TL_SEV_ERROR,
	.needs = TL_NEED(TL_FILE_DOCKERFILE) | TL_NEED(TL_FILE_SCRIPT) |
	    TL_NEED(TL_FILE_PROCFILE) | TL_NEED_SERVICE,
	.summary = "SIGTERM ignored",
	.rationale =
	    "Disposable processes shut down gracefully when the platform "
	    "sends SIGTERM. A start command that ignores it (trap '' TERM, "
	    "which an exec'd app inherits) makes every deploy, scale-in and "
	    "Spot interruption wait out the stop timeout and then kill the "
	    "process mid-request; an image whose STOPSIGNAL is SIGKILL is "
	    "killed at once, with no chance to finish its work. Checked: "
	    "trap with an empty "
	    "action for TERM, SIGTERM or 15 in the final stage's CMD and "
	    "ENTRYPOINT, the scripts they run, *entrypoint* scripts and "
	    "Procfile processes (a later trap that sets a handler or the "
	    "default again clears it; trap 'cleanup' TERM is a handler and "
	    "fine), and STOPSIGNAL SIGKILL or 9 in effect for the final "
	    "stage. A script found only by its name is reported one "
	    "severity lower. Artefacts named for development are not "
	    "checked. In application code (the detectors of "
	    "rules/patterns/disposability.yml): SIGTERM set to SIG_IGN or "
	    "to a handler that does nothing - Python signal.signal, Go "
	    "signal.Ignore (also with no signals: all of them), an empty "
	    "Node process.on('SIGTERM') listener, Ruby trap('TERM', "
	    "'IGNORE'), Java/Kotlin SignalHandler.SIG_IGN, PHP "
	    "pcntl_signal, a .NET PosixSignalRegistration that only "
	    "cancels, Rust libc/nix SIG_IGN; a file that later sets a "
	    "handler or the default again is not reported. A repository "
	    "that runs no long-running service (a library, a Lambda-only "
	    "app) is not checked.",
	.fix =
	    "Let SIGTERM through: remove trap '' TERM (or trap it with a "
	    "handler that stops the work and exits), remove STOPSIGNAL "
	    "SIGKILL, and make the app finish its in-flight work on SIGTERM "
	    "within the ECS task definition's stopTimeout.",
	.see_also = NULL,
	.check = tf0903_check,
};

/* Does a STOPSIGNAL argument name SIGKILL: KILL, SIGKILL, 9 (any case)? */
static int
names_sigkill(const char *sig)
{
	size_t	 n;

	if (strncasecmp(sig, "SIG", 3) == 0)
		sig += 3;
	n = strcspn(sig, " \t");
	return (n == 4 && strncasecmp(sig, "KILL", 4) == 0) ||
	    (n == 1 && sig[0] == '9');
}

static int
tf0903_stopsignal(struct tl_check *c)
{
	const struct tl_file	*f;
	const struct tl_df_stage *where;
	const struct tl_df_instr *in;
	int			 error = 0;

	TL_FOREACH_FILE(f, c->repo, TL_FILE_DOCKERFILE) {
		if (!service_dockerfile(c->repo, f) ||
		    (in = tl_df_effective(f->docker,
		    tl_dockerfile_final(f->docker), "STOPSIGNAL",
		    &where)) == NULL)
			continue;
		if (!names_sigkill(in->args))
			continue;
		error = tl_report(c, f, in->line, 1, in->args,
		    "STOPSIGNAL %s: the container is killed without a "
		    "chance to shut down gracefully", in->args);
		if (error != 0)
			break;
	}
	return error;
}

static int
tf0903_check(struct tl_check *c)
{
	struct tl_starts	 starts;
	const struct tl_start	*st;
	const struct tl_sh_cmd	*cmd;
	const char		*act;
	char			 what[256];
	size_t			 i, k, j;
	int			 error = 0;

	tl_starts_collect(&starts, c->repo);
	for (i = 0; i < starts.n && error == 0; i++) {
		st = &starts.v[i];
		if (start_not_deployed(c->repo, st))
			continue;
		for (k = 0; k < st->script->ncmds && error == 0; k++) {
			cmd = &st->script->cmds[k];
			if ((act = trap_term_action(cmd)) == NULL ||
			    *act != '\0')
				continue;
			for (j = k + 1; j < st->script->ncmds; j++)
				if ((act = trap_term_action(
				    &st->script->cmds[j])) != NULL &&
				    *act != '\0')
					break;
			if (j < st->script->ncmds)
				continue;
			c->lesser = st->kind == TL_START_SCRIPT &&
			    st->via == NULL &&
			    script_role(&starts, i) == ROLE_UNKNOWN;
			error = tl_report(c, st->file, cmd->line, 0,
			    cmd->text, "%s ignores SIGTERM ('%.60s'): the "
			    "process cannot stop gracefully and is killed "
			    "when the stop timeout ends",
			    tl_start_what(st, what, sizeof(what)), cmd->text);
			c->lesser = 0;
		}
	}
	tl_starts_release(&starts);
	if (error == 0)
		error = tf0903_stopsignal(c);
	return error;
}

/* ------------------------------------------------ compose, ECS, k8s */

/*
 * Append a relative path to out, resolving "." and ".."; 0, or -1 when
 * it climbs above the root.
 */
static int
path_push(struct tl_buf *out, const char *p)
{
	const char	*seg, *e;
	size_t		 n;

	if (*p == '/')
		return -1;
	for (seg = p; *seg != '\0'; seg = *e != '\0' ? e + 1 : e) {
		if ((e = strchr(seg, '/')) == NULL)
			e = seg + strlen(seg);
		n = (size_t)(e - seg);
		if (n == 0 || (n == 1 && seg[0] == '.'))
			continue;
		if (n == 2 && seg[0] == '.' && seg[1] == '.') {
			if (out->len == 0)
				return -1;
			while (out->len > 0 && out->data[out->len - 1] != '/')
				out->len--;
			if (out->len > 0)
				out->len--;
			out->data[out->len] = '\0';
			continue;
		}
		if (out->len > 0)
			tl_buf_addc(out, '/');
		tl_buf_add(out, seg, n);
	}
	return 0;
}

/*
 * Is the image the one a Dockerfile builds, by name: its last path
 * component, tag and digest cut, equals the Dockerfile's directory name,
 * or the repository's for a Dockerfile at the top
 * (ghcr.io/acme/shop:latest for shop/Dockerfile).
 */
static int
image_named_for(const struct tl_repo *repo, const char *image,
    const struct tl_file *df)
{
	const char	*name, *want;
	char		*dir;
	size_t		 n;
	int		 hit;

	name = strrchr(image, '/') != NULL ? strrchr(image, '/') + 1 : image;
	n = strcspn(name, ":@");
	dir = tl_path_dir(df->path);
	want = *dir != '\0' ? base_name(dir) : base_name(repo->root);
	hit = n > 0 && strlen(want) == n && strncmp(name, want, n) == 0;
	free(dir);
	return hit;
}

/*
 * Does the compose service (in file cf) run the image of the Dockerfile
 * df: it builds it (build: context and dockerfile), or, without a build,
 * its image is named for it?
 */
static int
compose_runs(const struct tl_repo *repo, const struct tl_file *cf,
    const struct tl_ynode *svc, const struct tl_file *df)
{
	struct tl_buf		 b = TL_BUF_INIT;
	const struct tl_ynode	*build;
	const char		*ctx, *name = "Dockerfile", *image;
	char			*dir;
	int			 hit;

	if ((build = tl_ymap_get(svc, "build")) == NULL) {
		image = tl_ystr(tl_ymap_get(svc, "image"));
		return image != NULL && image_named_for(repo, image, df);
	}
	if (build->type == TL_YSCALAR)
		ctx = tl_ystr(build);
	else {
		ctx = tl_ystr(tl_ymap_get(build, "context"));
		if (tl_ymap_get(build, "dockerfile") != NULL)
			name = tl_ystr(tl_ymap_get(build, "dockerfile"));
	}
	if (ctx == NULL)
		ctx = ".";
	if (name == NULL || strstr(ctx, "://") != NULL ||
	    tl_str_has_prefix(ctx, "git@"))
		return 0;
	dir = tl_path_dir(cf->path);
	hit = path_push(&b, dir) == 0 && path_push(&b, ctx) == 0 &&
	    path_push(&b, name) == 0 && strcmp(tl_buf_str(&b), df->path) == 0;
	free(dir);
	tl_buf_release(&b);
	return hit;
}

enum service_key {
	SVC_HEALTHCHECK,	/* healthcheck:, not disabled */
	SVC_INIT,		/* init: true */
	SVC_PORTS		/* ports: or expose: */
};

static int
service_has(const struct tl_ynode *svc, enum service_key key)
{
	const struct tl_ynode	*hc, *test;

	if (key == SVC_INIT)
		return tl_ybool(tl_ymap_get(svc, "init")) == 1;
	if (key == SVC_PORTS)
		return tl_ymap_get(svc, "ports") != NULL ||
		    tl_ymap_get(svc, "expose") != NULL;
	if ((hc = tl_ymap_get(svc, "healthcheck")) == NULL ||
	    hc->type != TL_YMAP ||
	    tl_ybool(tl_ymap_get(hc, "disable")) == 1)
		return 0;
	test = tl_ymap_get(hc, "test");
	if (test != NULL && test->type == TL_YSEQ && test->nitems > 0)
		test = test->items[0];
	return !tl_yscalar_is(test, "NONE");
}

/* Does a compose service built from the Dockerfile df declare key? */
static int
compose_declares(const struct tl_repo *repo, const struct tl_file *df,
    enum service_key key)
{
	const struct tl_file	*f;
	const struct tl_ynode	*svcs;
	size_t			 i;

	TL_FOREACH_FILE(f, repo, TL_FILE_COMPOSE) {
		if (f->doc == NULL || f->doc->nroots == 0)
			continue;
		svcs = tl_ymap_get(f->doc->roots[0], "services");
		TL_YMAP_FOREACH(i, svcs)
			if (compose_runs(repo, f, svcs->pairs[i].value, df) &&
			    service_has(svcs->pairs[i].value, key))
				return 1;
	}
	return 0;
}

/*
 * Does a list of ECS container definitions (task definition JSON, or
 * ContainerDefinitions of an AWS::ECS::TaskDefinition when template is
 * set) declare key: a healthCheck, or linuxParameters.initProcessEnabled?
 */
static int
container_declares(const struct tl_ynode *defs, int template,
    enum service_key key)
{
	const struct tl_ynode	*d, *lp;
	size_t			 i;

	TL_YSEQ_FOREACH(i, defs) {
		d = defs->items[i];
		if (key == SVC_HEALTHCHECK) {
			if (tl_ymap_get(d, template ? "HealthCheck" :
			    "healthCheck") != NULL)
				return 1;
			continue;
		}
		lp = tl_ymap_get(d, template ? "LinuxParameters" :
		    "linuxParameters");
		if (tl_yvalue_may_be(tl_ymap_get(lp, template ?
		    "InitProcessEnabled" : "initProcessEnabled"), "true"))
			return 1;
	}
	return 0;
}

/*
 * Do two files belong to the same project of the repository: one of them
 * is at the top, or their paths start with the same directory?  (A
 * repository of independent examples keeps each in its own directory.)
 */
static int
same_project(const char *a, const char *b)
{
	size_t	 na = strcspn(a, "/"), nb = strcspn(b, "/");

	return a[na] == '\0' || b[nb] == '\0' ||
	    (na == nb && strncmp(a, b, na) == 0);
}

/*
 * Does the ECS or load balancer configuration of the Dockerfile's project
 * declare key?  Container definitions name registry images, not
 * Dockerfiles, so any one of the project counts for all its Dockerfiles.
 */
static int
ecs_declares(const struct tl_repo *repo, const struct tl_file *df,
    enum service_key key)
{
	const struct tl_file	*f;
	const struct tl_ynode	*root, *res, *r, *defs;
	size_t			 i;

	TL_FOREACH_FILE(f, repo, TL_FILE_TASKDEF) {
		if (f->doc == NULL || f->doc->nroots == 0 ||
		    !same_project(f->path, df->path))
			continue;
		root = f->doc->roots[0];
		if ((defs = tl_ymap_get(root, "containerDefinitions")) == NULL)
			defs = tl_ypath(root,
			    "taskDefinition.containerDefinitions");
		if (container_declares(defs, 0, key))
			return 1;
	}
	TL_FOREACH_FILE(f, repo, TL_FILE_TEMPLATE) {
		if (f->doc == NULL || f->doc->nroots == 0 ||
		    !same_project(f->path, df->path))
			continue;
		res = tl_ymap_get(f->doc->roots[0], "Resources");
		TL_YMAP_FOREACH(i, res) {
			r = res->pairs[i].value;
			/* An ALB or NLB target group always checks health. */
			if (key == SVC_HEALTHCHECK && tl_yscalar_is(
			    tl_ymap_get(r, "Type"),
			    "AWS::ElasticLoadBalancingV2::TargetGroup") &&
			    !tl_yvalue_may_be(tl_ypath(r,
			    "Properties.HealthCheckEnabled"), "false"))
				return 1;
			if (!tl_yscalar_is(tl_ymap_get(r, "Type"),
			    "AWS::ECS::TaskDefinition"))
				continue;
			defs = tl_ypath(r, "Properties.ContainerDefinitions");
			if (container_declares(defs, 1, key))
				return 1;
		}
	}
	return 0;
}

/*
 * Kubernetes manifests or Helm charts with probes.  Read as text, since
 * chart templates are not YAML until rendered.
 */
static int
k8s_probes(const struct tl_repo *repo, const struct tl_file *df)
{
	static const char *const probes[] = {
		"livenessProbe:", "readinessProbe:", "startupProbe:"
	};
	const struct tl_file	*f;
	size_t			 i, k;

	for (i = 0; i < repo->nfiles; i++) {
		f = repo->files[i];
		if (f->kind != TL_FILE_YAML || !f->loaded || f->data == NULL ||
		    f->test || f->vendored || !same_project(f->path, df->path))
			continue;
		for (k = 0; k < TL_NELEM(probes); k++)
			if (tl_memcasemem(f->data, f->size, probes[k],
			    strlen(probes[k])) != NULL)
				return 1;
	}
	return 0;
}

/*
 * Is the project's deploy written in code twelvelint does not read: an
 * AWS CDK app (cdk.json), Terraform (*.tf) or Pulumi (Pulumi.yaml)?
 */
static int
unread_infra(const struct tl_repo *repo, const struct tl_file *df)
{
	const struct tl_file	*f;
	size_t			 i;

	for (i = 0; i < repo->nfiles; i++) {
		f = repo->files[i];
		if (f->test || f->vendored || !same_project(f->path, df->path))
			continue;
		if (strcmp(f->name, "cdk.json") == 0 ||
		    tl_str_has_suffix(f->name, ".tf") ||
		    strcmp(f->name, "Pulumi.yaml") == 0)
			return 1;
	}
	return 0;
}

/*
 * Do the project's templates deploy its images to AWS Lambda only: a
 * Lambda resource and no container service (ECS, App Runner, EKS, Batch,
 * Elastic Beanstalk, EC2 instances)?  Lambda checks its own runtime.
 */
static int
lambda_project(const struct tl_repo *repo, const struct tl_file *df)
{
	static const char *const services[] = {
		"AWS::ECS::", "AWS::AppRunner::", "AWS::EKS::", "AWS::Batch::",
		"AWS::ElasticBeanstalk::", "AWS::EC2::Instance",
		"AWS::AutoScaling::", "AWS::Lightsail::"
	};
	const struct tl_file	*f;
	const struct tl_ynode	*res;
	const char		*type;
	size_t			 i, k;
	int			 lambda = 0;

	TL_FOREACH_FILE(f, repo, TL_FILE_TEMPLATE) {
		if (f->doc == NULL || f->doc->nroots == 0 ||
		    !same_project(f->path, df->path))
			continue;
		res = tl_ymap_get(f->doc->roots[0], "Resources");
		TL_YMAP_FOREACH(i, res) {
			type = tl_ystr(tl_ymap_get(res->pairs[i].value,
			    "Type"));
			if (type == NULL)
				continue;
			for (k = 0; k < TL_NELEM(services); k++)
				if (tl_str_has_prefix(type, services[k]))
					return 0;
			if (tl_str_has_prefix(type, "AWS::Lambda::") ||
			    strcmp(type, "AWS::Serverless::Function") == 0)
				lambda = 1;
		}
	}
	return lambda;
}

static int
have_dockerfile(struct tl_check *c)
{
	if (tl_repo_has_kind(c->repo, TL_FILE_DOCKERFILE))
		return 1;
	tl_not_applicable(c, "no Dockerfile found");
	return 0;
}

/* ------------------------------------------------------------- TF0904 */

static int	tf0904_check(struct tl_check *);

static const struct tl_rule tf0904 = {
	.id = "TF0904",
	.name = "no-health-check",
	.factor = TL_FACTOR_DISPOSABILITY,
	.severity = TL_SEV_INFO,
	.needs = TL_NEED(TL_FILE_DOCKERFILE) | TL_NEED(TL_FILE_COMPOSE) |
	    TL_NEED(TL_FILE_TASKDEF) | TL_NEED(TL_FILE_TEMPLATE),
	.summary = "no health check",
	.rationale =
	    "Processes are disposable when the platform can tell a healthy "
	    "one from a stuck one and replace it: without a health check, a "
	    "container that is up but no longer serving (deadlocked, out of "
	    "connections) keeps receiving traffic until someone notices. "
	    "Reported once per Dockerfile (at its final FROM) whose final "
	    "stage serves: it has a CMD or ENTRYPOINT and an EXPOSE, or a "
	    "compose service running it publishes ports (workers and "
	    "one-off jobs are left out: their health is told by queue "
	    "metrics and exit codes), when none of these declares a health "
	    "check: a HEALTHCHECK in effect for the final stage (its own or "
	    "inherited from the stage it is built FROM; HEALTHCHECK NONE "
	    "counts as none), a healthcheck on a compose service that builds "
	    "that Dockerfile or whose image is named for its directory, and, "
	    "in the same project (the same top-level directory, or either at "
	    "the top), a healthCheck in an ECS container definition (task "
	    "definition JSON or AWS::ECS::TaskDefinition), an ELBv2 target "
	    "group (it always checks health unless HealthCheckEnabled is "
	    "false) or a Kubernetes liveness, readiness or startup probe. "
	    "Not reported either: projects deployed by code twelvelint does "
	    "not read (an AWS CDK app, Terraform, Pulumi: CDK's load-"
	    "balanced Fargate services check health by default), projects "
	    "whose templates deploy only Lambda, Lambda base images, GitHub "
	    "Action containers and artefacts named for development. Not "
	    "known: a HEALTHCHECK in the base image.",
	.fix =
	    "Declare how to tell the service is healthy: an ALB target-group "
	    "health check on a /health endpoint for an ECS service behind a "
	    "load balancer, a healthCheck in the ECS task definition's "
	    "container definition, a compose healthcheck, or a HEALTHCHECK "
	    "in the Dockerfile (HEALTHCHECK CMD curl -fsS "
	    "http://localhost:8080/health || exit 1).",
	.see_also = "checkov CKV_DOCKER_2; trivy DS026",
	.check = tf0904_check,
};

/* The start command an image runs: its ENTRYPOINT, else its CMD. */
static const struct tl_df_instr *
start_instr(const struct tl_dockerfile *df, const struct tl_df_stage *final)
{
	const struct tl_df_stage *where;
	const struct tl_df_instr *in;

	/* ENTRYPOINT [] resets the base image's: the CMD runs. */
	if ((in = tl_df_effective(df, final, "ENTRYPOINT", &where)) != NULL &&
	    !(in->exec_form && in->argc == 0))
		return in;
	return tl_df_effective(df, final, "CMD", &where);
}

static int
tf0904_check(struct tl_check *c)
{
	const struct tl_file	*f;
	const struct tl_df_stage *final, *where;
	const struct tl_df_instr *start, *hc;
	char			*folded;
	int			 error = 0;

	if (!have_dockerfile(c))
		return 0;
	TL_FOREACH_FILE(f, c->repo, TL_FILE_DOCKERFILE) {
		if (!service_dockerfile(c->repo, f) ||
		    ecs_declares(c->repo, f, SVC_HEALTHCHECK) ||
		    k8s_probes(c->repo, f) || unread_infra(c->repo, f) ||
		    lambda_project(c->repo, f))
			continue;
		final = tl_dockerfile_final(f->docker);
		if ((start = start_instr(f->docker, final)) == NULL ||
		    (tl_df_effective(f->docker, final, "EXPOSE",
		    &where) == NULL &&
		    !compose_declares(c->repo, f, SVC_PORTS)))
			continue;
		hc = tl_df_effective(f->docker, final, "HEALTHCHECK", &where);
		if ((hc != NULL && strncasecmp(hc->args, "NONE", 4) != 0) ||
		    compose_declares(c->repo, f, SVC_HEALTHCHECK))
			continue;
		folded = tl_str_fold(start->args, strlen(start->args));
		if (hc != NULL)
			error = tl_report(c, f, final->line, 1, "NONE",
			    "HEALTHCHECK NONE at line %u turns off the health "
			    "check of the image that runs %s %.60s%s, and no "
			    "compose healthcheck, ECS healthCheck, target "
			    "group or Kubernetes probe declares one", hc->line,
			    start->keyword, folded,
			    strlen(folded) > 60 ? "..." : "");
		else
			error = tl_report(c, f, final->line, 1, "none",
			    "the image runs %s %.60s%s and nothing checks its "
			    "health: no HEALTHCHECK, compose healthcheck, ECS "
			    "healthCheck, target group or Kubernetes probe",
			    start->keyword, folded,
			    strlen(folded) > 60 ? "..." : "");
		free(folded);
		if (error != 0)
			break;
	}
	return error;
}

/* ------------------------------------------------------------- TF0905 */

/* Seconds a sleep command waits, when every operand is a literal; else -1. */
static double
sleep_seconds(const struct tl_sh_cmd *c)
{
	double	 total = 0, v;
	size_t	 i;
	char	*end;

	if (!tl_cmd_is(c, "sleep") || c->background)
		return -1;
	for (i = tl_sh_prog_index(c) + 1; i < c->argc; i++) {
		if (!isdigit((unsigned char)c->argv[i][0]))
			return -1;
		v = strtod(c->argv[i], &end);
		switch (*end) {
		case 'm':
			v *= 60;
			end++;
			break;
		case 'h':
			v *= 3600;
			end++;
			break;
		case 's':
			end++;
			break;
		default:
			break;
		}
		if (*end != '\0')
			return -1;
		total += v;
	}
	return i > tl_sh_prog_index(c) + 1 ? total : -1;
}

/* Lambda functions of the templates whose Timeout is the 900 s maximum. */
static int
lambda_max_timeouts(struct tl_check *c)
{
	const struct tl_file	*f;
	const struct tl_cfn_resource *r;
	const struct tl_ynode	*t;
	struct tl_cfn		 cfn;
	size_t			 i;
	int			 error = 0;

	TL_FOREACH_FILE(f, c->repo, TL_FILE_TEMPLATE) {
		if (tl_cfn_open(&cfn, f) != 0)
			continue;
		for (i = 0; error == 0 && i < cfn.nres; i++) {
			r = &cfn.res[i];
			if (!tl_cfn_type_is(r, "AWS::Serverless::Function") &&
			    !tl_cfn_type_is(r, "AWS::Lambda::Function"))
				continue;
			t = tl_cfn_prop(r, "Timeout");
			if (!tl_yvalue_may_be(t, "900"))
				continue;
			error = tl_report(c, f, t->line, t->col, r->name,
			    "function '%s' has Timeout 900, the Lambda maximum%s",
			    r->name, r->props != NULL && tl_ypath(r->props,
			    "Timeout") == t ? "" : " (from Globals)");
		}
		tl_cfn_release(&cfn);
		if (error != 0)
			return error;
	}
	return 0;
}

static int	tf0905_check(struct tl_check *);

static const struct tl_rule tf0905 = {
	.id = "TF0905",
	.name = "fixed-sleep-at-start",
	.factor = TL_FACTOR_DISPOSABILITY,
	.severity = TL_SEV_WARNING,
	.needs = TL_NEED(TL_FILE_DOCKERFILE) | TL_NEED(TL_FILE_SCRIPT) |
	    TL_NEED(TL_FILE_PROCFILE) | TL_NEED(TL_FILE_TEMPLATE),
	.summary = "slow or fragile start-up",
	.rationale =
	    "Disposable processes start fast, so they can be scaled out and "
	    "replaced at will. A fixed wait before the app starts (sleep 10 "
	    "&& node server.js, to let the database come up) makes every "
	    "start, restart and scale-out slower by that much and still "
	    "fails when the dependency takes longer: it guesses instead of "
	    "checking. Reported: a sleep of 2 seconds or more with literal "
	    "operands (sleep 10, sleep 1m) in the final stage's CMD or "
	    "ENTRYPOINT, the scripts they run, *entrypoint* scripts and "
	    "Procfile processes, when a command that does work still "
	    "follows it (in a script run as a step or sourced, anywhere). "
	    "Not reported: sleeps inside a loop (until pg_isready; do sleep "
	    "1; done polls a dependency and stops as soon as it is ready), "
	    "sleeps inside functions (such as a shutdown handler), sleep "
	    "infinity or a variable delay, sleeps under 2 seconds, Procfile "
	    "release processes and artefacts named for development. In "
	    "templates, a Lambda function whose Timeout is the 900-second "
	    "maximum (on the function or in SAM Globals) is reported too: a "
	    "unit of work that may need a quarter of an hour cannot be "
	    "retried or replaced quickly.",
	.fix =
	    "Start at once and let the app retry its backing services with "
	    "back-off; where a wait is needed, poll the dependency (until "
	    "pg_isready -h \"$DB_HOST\"; do sleep 1; done) instead of "
	    "sleeping. On ECS, order containers with dependsOn and a "
	    "HEALTHY condition rather than a delay. Split Lambda work that "
	    "needs the maximum timeout into steps (AWS Step Functions, SQS "
	    "batches) or move it to an ECS task.",
	.see_also = NULL,
	.check = tf0905_check,
};

static int
tf0905_check(struct tl_check *c)
{
	struct tl_starts	 starts;
	const struct tl_start	*st;
	const struct tl_sh_cmd	*cmd, *next;
	enum script_role	 role;
	char			 what[256], *text;
	double			 secs;
	size_t			 i, k, j;
	int			 error = 0;

	tl_starts_collect(&starts, c->repo);
	for (i = 0; i < starts.n && error == 0; i++) {
		st = &starts.v[i];
		if (start_not_deployed(c->repo, st))
			continue;
		role = st->kind == TL_START_SCRIPT ?
		    script_role(&starts, i) : ROLE_FINAL;
		text = NULL;
		for (k = 0; k < st->script->ncmds && error == 0; k++) {
			cmd = &st->script->cmds[k];
			if (cmd->in_function || (secs = sleep_seconds(cmd)) < 2)
				continue;
			/* The work it delays. */
			for (j = k + 1, next = NULL; j < st->script->ncmds &&
			    next == NULL; j++)
				if (!st->script->cmds[j].in_function &&
				    !tl_cmd_is_plumbing(&st->script->cmds[j]))
					next = &st->script->cmds[j];
			if (next == NULL && (role == ROLE_FINAL ||
			    role == ROLE_UNKNOWN))
				continue;
			if (text == NULL)
				text = start_text(st);
			if (cmd_in_loop(st, text, cmd))
				continue;
			if (next != NULL)
				error = tl_report(c, st->file, cmd->line, 0,
				    cmd->text, "%s waits a fixed '%.40s' before "
				    "'%s' starts: every start-up is %g s "
				    "slower and still races what it waits for",
				    tl_start_what(st, what, sizeof(what)),
				    cmd->text, tl_sh_real_prog(next), secs);
			else
				error = tl_report(c, st->file, cmd->line, 0,
				    cmd->text, "%s waits a fixed '%.40s' before "
				    "the app starts: every start-up is %g s "
				    "slower and still races what it waits for",
				    tl_start_what(st, what, sizeof(what)),
				    cmd->text, secs);
		}
		free(text);
	}
	tl_starts_release(&starts);
	return error != 0 ? error : lambda_max_timeouts(c);
}

/* ------------------------------------------------------------- TF0907 */

/* Does the command start with an init (tini, dumb-init, s6 /init …)? */
static int
runs_init(const struct tl_script *sc)
{
	static const char *const inits[] = {
		"tini", "tini-static", "dumb-init", "docker-init",
		"catatonit", "init", "my_init", "s6-svscan", "runsvdir",
		"supervisord"
	};
	const struct tl_sh_cmd	*c;
	size_t			 a, k, last;

	if (sc == NULL || sc->ncmds == 0)
		return 0;
	c = &sc->cmds[0];
	last = tl_sh_prog_index(c);
	for (a = 0; a <= last && a < c->argc; a++)
		for (k = 0; k < TL_NELEM(inits); k++)
			if (strcmp(base_name(c->argv[a]), inits[k]) == 0)
				return 1;
	return 0;
}

/*
 * Does the shell code (its commands at depth d) leave a process tree
 * under PID 1: a command started in the background, or, when final is
 * not -1, a final command (cmds[final]) that is not exec'd?  *why is the
 * command to name, *bg says which of the two.
 */
static int
keeps_tree(const struct tl_script *sc, int d, long final,
    const struct tl_sh_cmd **why, int *bg)
{
	size_t	 i;

	for (i = 0; i < sc->ncmds; i++)
		if (sc->cmds[i].depth == d && sc->cmds[i].background &&
		    !tl_cmd_is_plumbing(&sc->cmds[i])) {
			*why = &sc->cmds[i];
			*bg = 1;
			return 1;
		}
	if (final >= 0 && !sc->cmds[final].is_exec) {
		*why = &sc->cmds[final];
		*bg = 0;
		return 1;
	}
	return 0;
}

/* The start command's instruction, or NULL. */
static const struct tl_df_instr *
instr_at(const struct tl_file *f, unsigned line)
{
	size_t	 i;

	for (i = 0; f->docker != NULL && i < f->docker->ninstrs; i++)
		if (f->docker->instrs[i].line == line)
			return &f->docker->instrs[i];
	return NULL;
}

/*
 * A shell body of a CMD or ENTRYPOINT that is a process tree: shell form
 * or ["sh", "-c", "…"] with a command in the background, or two or more
 * commands doing work and the last not exec'd.  (A shell given one
 * command execs it itself.)
 */
static int
body_tree(const struct tl_start *st, const struct tl_sh_cmd **why, int *bg)
{
	const struct tl_df_instr *in = instr_at(st->file, st->line);
	const struct tl_script	*sc = st->script;
	size_t			 i, nwork = 0;
	long			 last = -1;
	int			 d;

	if (in == NULL)
		return 0;
	if (!in->exec_form)
		d = 0;
	else if (sc->ncmds > 1 && sc->cmds[1].depth == 1)
		d = 1;
	else
		return 0;
	for (i = 0; i < sc->ncmds; i++)
		if (sc->cmds[i].depth == d && !sc->cmds[i].in_function &&
		    !tl_cmd_is_plumbing(&sc->cmds[i])) {
			nwork++;
			last = (long)i;
		}
	return keeps_tree(sc, d, nwork >= 2 ? last : -1, why, bg);
}

static int	tf0907_check(struct tl_check *);

static const struct tl_rule tf0907 = {
	.id = "TF0907",
	.name = "no-init-for-process-tree",
	.factor = TL_FACTOR_DISPOSABILITY,
	.severity = TL_SEV_INFO,
	.needs = TL_NEED(TL_FILE_DOCKERFILE) | TL_NEED(TL_FILE_SCRIPT) |
	    TL_NEED(TL_FILE_COMPOSE) | TL_NEED(TL_FILE_TASKDEF) |
	    TL_NEED(TL_FILE_TEMPLATE),
	.summary = "process tree without an init",
	.rationale =
	    "A disposable container stops cleanly: PID 1 passes SIGTERM to "
	    "every process and reaps the ones that exit. A shell script as "
	    "PID 1 that starts a process in the background, or keeps "
	    "running while its last command runs as a child, does neither "
	    "reliably: children miss the signal and are killed at the stop "
	    "timeout, and orphans stay as zombies. Reported once per "
	    "Dockerfile whose final stage's ENTRYPOINT or CMD runs such a "
	    "process tree: a start script (found through COPY) with a "
	    "command in the background or a last command that is not "
	    "exec'd, or a shell-form or sh -c command with a background job "
	    "or several commands whose last is not exec'd; and no init is "
	    "present: tini, dumb-init, docker-init, catatonit or s6's /init "
	    "in the ENTRYPOINT or CMD, init: true on a compose service built "
	    "from the Dockerfile (or running an image named for its "
	    "directory), or initProcessEnabled in an ECS container "
	    "definition of the same project (the same top-level directory; "
	    "images cannot be matched to Dockerfiles there). A "
	    "script that execs its app and starts nothing in the background "
	    "leaves the app as PID 1 with no tree, and is not reported. Not "
	    "known: an init in the base image's ENTRYPOINT, docker run "
	    "--init. Not checked: Lambda images, GitHub Action containers "
	    "and artefacts named for development.",
	.fix =
	    "Run an init as PID 1: ENTRYPOINT [\"tini\", \"--\", "
	    "\"/entrypoint.sh\"] (or dumb-init), init: true in compose, or "
	    "linuxParameters.initProcessEnabled: true in the ECS task "
	    "definition; better still, run one process per container and "
	    "exec it from the script.",
	.see_also = NULL,
	.check = tf0907_check,
};

static int
tf0907_dockerfile(struct tl_check *c, const struct tl_starts *starts,
    const struct tl_file *f)
{
	const struct tl_start	*st, *at = NULL;
	const struct tl_sh_cmd	*why = NULL;
	enum script_role	 role;
	size_t			 i;
	int			 bg = 0;

	for (i = 0; i < starts->n; i++) {
		st = &starts->v[i];
		if ((st->kind == TL_START_ENTRYPOINT ||
		    st->kind == TL_START_CMD) && st->file == f &&
		    runs_init(st->script))
			return 0;
	}
	for (i = 0; i < starts->n && at == NULL; i++) {
		st = &starts->v[i];
		if ((st->kind == TL_START_ENTRYPOINT ||
		    st->kind == TL_START_CMD) && st->file == f) {
			if (body_tree(st, &why, &bg))
				at = st;
			continue;
		}
		if (st->kind != TL_START_SCRIPT || st->via != f)
			continue;
		role = script_role(starts, i);
		if (role == ROLE_HELPER || role == ROLE_SOURCED)
			continue;
		if (keeps_tree(st->script, 0, final_work(st->script,
		    st->file, NULL), &why, &bg))
			at = st;
	}
	if (at == NULL || compose_declares(c->repo, f, SVC_INIT))
		return 0;
	if (at->kind == TL_START_SCRIPT)
		return tl_report(c, f, at->via_line, 1, at->file->path,
		    "the start command runs %s, which %s '%.60s' (line %u)%s",
		    at->file->path, bg ? "starts" : "does not exec", why->text,
		    why->line, bg ? " in the background, and no init reaps it "
		    "or passes signals on" : ": the shell stays PID 1 over "
		    "it, and no init passes signals on or reaps children");
	return tl_report(c, f, at->line, 1, why->text, "the %s shell %s "
	    "'%.60s'%s", at->kind == TL_START_CMD ? "CMD" : "ENTRYPOINT",
	    bg ? "starts" : "does not exec", why->text, bg ? " in the "
	    "background, and no init reaps it or passes signals on" :
	    ": the shell stays PID 1 over it, and no init passes signals "
	    "on or reaps children");
}

static int
tf0907_check(struct tl_check *c)
{
	struct tl_starts	 starts;
	const struct tl_file	*f;
	int			 error = 0;

	if (!have_dockerfile(c))
		return 0;
	tl_starts_collect(&starts, c->repo);
	TL_FOREACH_FILE(f, c->repo, TL_FILE_DOCKERFILE) {
		if (!service_dockerfile(c->repo, f) ||
		    ecs_declares(c->repo, f, SVC_INIT))
			continue;
		if ((error = tf0907_dockerfile(c, &starts, f)) != 0)
			break;
	}
	tl_starts_release(&starts);
	return error;
}

/* ------------------------------------------------------------- TF0908 */

static int	tf0908_check(struct tl_check *);

static const struct tl_rule tf0908 = {
	.id = "TF0908",
	.name = "repeated-start-instruction",
	.factor = TL_FACTOR_DISPOSABILITY,
	.severity = TL_SEV_WARNING,
	.needs = TL_NEED(TL_FILE_DOCKERFILE),
	.summary = "CMD, ENTRYPOINT or HEALTHCHECK repeated in a stage",
	.rationale =
	    "How a process starts and how its health is checked must be "
	    "unambiguous for it to be started and replaced at will. An "
	    "image has one CMD, one ENTRYPOINT and one HEALTHCHECK: when a "
	    "stage has several, only the last counts and the others are "
	    "silently dropped, so the process that starts is not the one "
	    "the reader sees first. Every stage is checked; each earlier "
	    "instruction is reported with the line of the one that wins. "
	    "One per stage across several stages, the CMD of a HEALTHCHECK "
	    "and ONBUILD triggers are not repeats.",
	.fix =
	    "Keep one CMD, one ENTRYPOINT and one HEALTHCHECK per stage; "
	    "put several start-up steps in one entrypoint script that ends "
	    "with exec, and run other processes as their own ECS services "
	    "or containers.",
	.see_also = "hadolint DL4003, DL4004, DL3012; docker build check "
	    "MultipleInstructionsDisallowed",
	.check = tf0908_check,
};

/* Report every kw of stage st but the last. */
static int
tf0908_stage(struct tl_check *c, const struct tl_file *f,
    const struct tl_df_stage *st, const char *kw)
{
	const struct tl_df_instr *in, *last = NULL;
	char			*ev;
	size_t			 j;
	int			 error = 0;

	for (j = st->first + st->count; j > st->first && last == NULL; j--)
		if (strcmp(f->docker->instrs[j - 1].keyword, kw) == 0)
			last = &f->docker->instrs[j - 1];
	for (j = st->first; last != NULL && j < st->first + st->count &&
	    error == 0; j++) {
		in = &f->docker->instrs[j];
		if (in == last || strcmp(in->keyword, kw) != 0)
			continue;
		ev = tl_printf("%s %s", kw, in->args);
		error = tl_report(c, f, in->line, 1, ev, "%s at line %u is "
		    "dropped: the %s at line %u of the same stage replaces it",
		    kw, in->line, kw, last->line);
		free(ev);
	}
	return error;
}

static int
tf0908_check(struct tl_check *c)
{
	static const char *const kws[] = { "CMD", "ENTRYPOINT", "HEALTHCHECK" };
	const struct tl_file	*f;
	size_t			 i, k;
	int			 error = 0;

	TL_FOREACH_FILE(f, c->repo, TL_FILE_DOCKERFILE) {
		for (i = 0; f->docker != NULL && i < f->docker->nstages; i++)
			for (k = 0; k < TL_NELEM(kws) && error == 0; k++)
				error = tf0908_stage(c, f,
				    &f->docker->stages[i], kws[k]);
		if (error != 0)
			return error;
	}
	return 0;
}

/* ------------------------------------------------------------- TF0909 */

/* How a resource asks for capacity that AWS may take back. */
enum spot_test {
	SPOT_ALWAYS,		/* the resource type is Spot capacity */
	SPOT_VALUE,		/* the property may be the literal value */
	SPOT_STRATEGY,		/* a capacity provider strategy: FARGATE_SPOT */
	SPOT_PRICE,		/* the property has a literal (SpotPrice) */
	SPOT_PERCENT		/* a literal on-demand percentage below 100 */
};

struct spot_kind {
	const char	*type;		/* static: resource type */
	const char	*prop;		/* static: property path, or NULL */
	enum spot_test	 test;
	const char	*value;		/* static: for SPOT_VALUE */
	const char	*noun;		/* static: "service" … */
	const char	*does;		/* static: what it does with Spot */
};

static const struct spot_kind spot_kinds[] = {
	{ "AWS::ECS::Service", "CapacityProviderStrategy", SPOT_STRATEGY,
	    NULL, "service", "runs its tasks on FARGATE_SPOT" },
	{ "AWS::ECS::Cluster", "DefaultCapacityProviderStrategy",
	    SPOT_STRATEGY, NULL, "cluster", "places tasks on FARGATE_SPOT by "
	    "default" },
	{ "AWS::ECS::ClusterCapacityProviderAssociations",
	    "DefaultCapacityProviderStrategy", SPOT_STRATEGY, NULL,
	    "capacity provider association", "makes FARGATE_SPOT the "
	    "cluster's default" },
	{ "AWS::EC2::SpotFleet", NULL, SPOT_ALWAYS, NULL, "Spot fleet",
	    "runs on Spot instances" },
	{ "AWS::EC2::EC2Fleet",
	    "TargetCapacitySpecification.DefaultTargetCapacityType",
	    SPOT_VALUE, "spot", "EC2 fleet", "fills its capacity with Spot "
	    "instances" },
	{ "AWS::EC2::LaunchTemplate",
	    "LaunchTemplateData.InstanceMarketOptions.MarketType", SPOT_VALUE,
	    "spot", "launch template", "requests Spot instances" },
	{ "AWS::AutoScaling::LaunchConfiguration", "SpotPrice", SPOT_PRICE,
	    NULL, "launch configuration", "bids for Spot instances" },
	{ "AWS::AutoScaling::AutoScalingGroup", "MixedInstancesPolicy."
	    "InstancesDistribution.OnDemandPercentageAboveBaseCapacity",
	    SPOT_PERCENT, NULL, "Auto Scaling group", "runs part of its "
	    "instances on Spot" },
	{ "AWS::Batch::ComputeEnvironment", "ComputeResources.Type",
	    SPOT_VALUE, "SPOT", "Batch compute environment", "runs on SPOT" },
	{ "AWS::Batch::ComputeEnvironment", "ComputeResources.Type",
	    SPOT_VALUE, "FARGATE_SPOT", "Batch compute environment",
	    "runs on FARGATE_SPOT" }
};

/* tl_cfn_literals() callback: a literal number above 0. */
static int
positive(void *arg, const struct tl_ynode *n)
{
	char	*end;

	(void)arg;
	if (n->value == NULL || !isdigit((unsigned char)n->value[0]))
		return 0;
	return strtol(n->value, &end, 10) > 0 && *end == '\0';
}

/*
 * The FARGATE_SPOT entry of an ECS capacity provider strategy item (a
 * {CapacityProvider, Weight, Base} map, or an !If of them), or NULL.  An
 * entry places tasks when its Base or its Weight may be a literal above
 * 0; Weight defaults to 0, and a computed one (!Ref SpotWeight) may be 0.
 */
static const struct tl_ynode *
strategy_item_spot(const struct tl_ynode *n, int depth)
{
	const struct tl_ynode	*arg, *cp, *hit;
	const char		*fn;

	if (n == NULL || depth > 8)
		return NULL;
	if ((fn = tl_cfn_intrinsic(n, &arg)) != NULL) {
		if (strcmp(fn, "If") != 0 || arg == NULL ||
		    arg->type != TL_YSEQ || arg->nitems != 3)
			return NULL;
		if ((hit = strategy_item_spot(arg->items[1],
		    depth + 1)) != NULL)
			return hit;
		return strategy_item_spot(arg->items[2], depth + 1);
	}
	cp = tl_ymap_get(n, "CapacityProvider");
	if (!tl_yvalue_may_be(cp, "FARGATE_SPOT"))
		return NULL;
	if (tl_cfn_literals(tl_ymap_get(n, "Weight"), positive, NULL) == 0 &&
	    tl_cfn_literals(tl_ymap_get(n, "Base"), positive, NULL) == 0)
		return NULL;
	return cp;
}

/* The same for a strategy: a list of items, or an !If of lists. */
static const struct tl_ynode *
strategy_spot(const struct tl_ynode *n, int depth)
{
	const struct tl_ynode	*arg, *hit;
	const char		*fn;
	size_t			 i;

	if (n == NULL || depth > 8)
		return NULL;
	if ((fn = tl_cfn_intrinsic(n, &arg)) != NULL) {
		if (strcmp(fn, "If") != 0 || arg == NULL ||
		    arg->type != TL_YSEQ || arg->nitems != 3)
			return NULL;
		if ((hit = strategy_spot(arg->items[1], depth + 1)) != NULL)
			return hit;
		return strategy_spot(arg->items[2], depth + 1);
	}
	TL_YSEQ_FOREACH(i, n)
		if ((hit = strategy_item_spot(n->items[i], 0)) != NULL)
			return hit;
	return NULL;
}

/* tl_cfn_literals() callbacks: a SpotPrice, an on-demand share below 100. */
static int
spot_price(void *arg, const struct tl_ynode *n)
{
	if (tl_ynull(n) || n->len == 0)
		return 0;
	*(const struct tl_ynode **)arg = n;
	return 1;
}

static int
spot_percent(void *arg, const struct tl_ynode *n)
{
	char	*end;
	long	 x;

	if (n->value == NULL || !isdigit((unsigned char)n->value[0]))
		return 0;
	x = strtol(n->value, &end, 10);
	if (*end != '\0' || x >= 100)
		return 0;
	*(const struct tl_ynode **)arg = n;
	return 1;
}

/* The node that asks resource r for Spot capacity the way k says, or NULL. */
static const struct tl_ynode *
spot_node(const struct tl_cfn_resource *r, const struct spot_kind *k)
{
	const struct tl_ynode	*n, *hit = NULL;

	if (k->test == SPOT_ALWAYS)
		return tl_ymap_get(r->node, "Type");
	n = tl_cfn_prop(r, k->prop);
	switch (k->test) {
	case SPOT_VALUE:
		return tl_yvalue_may_be(n, k->value) ? n : NULL;
	case SPOT_STRATEGY:
		return strategy_spot(n, 0);
	case SPOT_PRICE:
		(void)tl_cfn_literals(n, spot_price, &hit);
		return hit;
	case SPOT_PERCENT:
		(void)tl_cfn_literals(n, spot_percent, &hit);
		return hit;
	default:
		return NULL;
	}
}

/* Source text that handles SIGTERM, per language (TL_LANG_NONE: any). */
static const struct {
	enum tl_lang	 lang;
	const char	*text;
} sigterm_texts[] = {
	{ TL_LANG_NONE, "SIGTERM" },
	{ TL_LANG_RUBY, "trap(\"TERM\"" },
	{ TL_LANG_RUBY, "trap('TERM'" },
	{ TL_LANG_RUBY, "trap(:TERM" },
	{ TL_LANG_RUBY, "trap \"TERM\"" },
	{ TL_LANG_RUBY, "trap 'TERM'" },
	{ TL_LANG_RUBY, "trap :TERM" },
	{ TL_LANG_JAVA, "addShutdownHook" },
	{ TL_LANG_JAVA, "@PreDestroy" },
	{ TL_LANG_JAVA, "new Signal(\"TERM\")" },
	{ TL_LANG_KOTLIN, "addShutdownHook" },
	{ TL_LANG_KOTLIN, "@PreDestroy" },
	{ TL_LANG_CSHARP, "ApplicationStopping" },
	{ TL_LANG_CSHARP, "ProcessExit" },
	{ TL_LANG_RUST, "SignalKind::terminate" },
	{ TL_LANG_JAVASCRIPT, "createTerminus" },
	{ TL_LANG_TYPESCRIPT, "createTerminus" }
};

/*
 * Text of a template, task definition, script or source file that handles
 * the interruption itself: an EventBridge rule for the Spot interruption
 * warning or the rebalance recommendation, an Auto Scaling termination
 * lifecycle hook, the ECS agent's Spot draining or stop timeout, a poll
 * of the instance metadata's spot/instance-action, the Kubernetes node
 * termination handler.
 */
static const char *const notice_texts[] = {
	"Spot Instance Interruption Warning",
	"Instance Rebalance Recommendation",
	"EC2_INSTANCE_TERMINATING",
	"ECS_ENABLE_SPOT_INSTANCE_DRAINING=true",
	"ECS_CONTAINER_STOP_TIMEOUT",
	"spot/instance-action",
	"aws-node-termination-handler"
};

/* Servers that stop taking work and finish what they have on SIGTERM. */
static const char *const graceful_servers[] = {
	"gunicorn", "uvicorn", "hypercorn", "puma", "sidekiq", "celery",
	"caddy", "traefik"
};

/* The kinds of file where handling the notice is written (not docs). */
static int
reads_notice(enum tl_file_kind kind)
{
	static const enum tl_file_kind kinds[] = {
		TL_FILE_TEMPLATE, TL_FILE_TASKDEF, TL_FILE_SCRIPT,
		TL_FILE_SOURCE, TL_FILE_DOCKERFILE, TL_FILE_YAML, TL_FILE_JSON
	};
	size_t	 i;

	for (i = 0; i < TL_NELEM(kinds); i++)
		if (kinds[i] == kind)
			return 1;
	return 0;
}

static int
file_has(const struct tl_file *f, const char *text)
{
	return f->data != NULL &&
	    tl_memcasemem(f->data, f->size, text, strlen(text)) != NULL;
}

/* Does a script trap SIGTERM with a handler of its own? */
static int
traps_sigterm(const struct tl_script *sc)
{
	const char	*act;
	size_t		 i;

	for (i = 0; sc != NULL && i < sc->ncmds; i++)
		if ((act = trap_term_action(&sc->cmds[i])) != NULL &&
		    *act != '\0' && strcmp(act, "-") != 0)
			return 1;
	return 0;
}

/* Does an ECS container definition list set a stop timeout? */
static int
sets_stop_timeout(const struct tl_ynode *defs, const char *key)
{
	size_t	 i;

	TL_YSEQ_FOREACH(i, defs)
		if (!tl_ynull(tl_ymap_get(defs->items[i], key)))
			return 1;
	return 0;
}

/* Do the start commands trap SIGTERM or run a server that drains on it? */
static int
starts_shutdown(const struct tl_repo *repo)
{
	struct tl_starts	 starts;
	const struct tl_script	*sc;
	size_t			 i, k, j;
	int			 hit = 0;

	tl_starts_collect(&starts, repo);
	tl_starts_add_deploys(&starts, repo);
	for (i = 0; i < starts.n && !hit; i++) {
		sc = starts.v[i].script;
		hit = traps_sigterm(sc);
		for (k = 0; sc != NULL && k < sc->ncmds && !hit; k++)
			for (j = 0; j < TL_NELEM(graceful_servers) && !hit; j++)
				hit = tl_cmd_is(&sc->cmds[k],
				    graceful_servers[j]);
	}
	tl_starts_release(&starts);
	return hit;
}

/*
 * Does anything in the repository show graceful shutdown: a SIGTERM
 * handler in the source or a script, a start command that runs a server
 * which drains on SIGTERM, a STOPSIGNAL chosen for the app (not SIGKILL),
 * an ECS stopTimeout, or a handler of the interruption notice?
 */
static int
shutdown_shown(const struct tl_repo *repo)
{
	const struct tl_file	*f;
	const struct tl_df_stage *where;
	const struct tl_df_instr *in;
	const struct tl_cfn_resource *r;
	const struct tl_ynode	*root, *defs;
	struct tl_cfn		 cfn;
	size_t			 i, k;
	int			 hit;

	for (i = 0; i < repo->nfiles; i++) {
		f = repo->files[i];
		if (!f->loaded || f->broken || f->test || f->vendored ||
		    !reads_notice(f->kind) || tl_path_is_docs(f->path))
			continue;
		for (k = 0; k < TL_NELEM(notice_texts); k++)
			if (file_has(f, notice_texts[k]))
				return 1;
		if (f->kind == TL_FILE_SCRIPT && traps_sigterm(f->script))
			return 1;
		if (f->kind != TL_FILE_SOURCE)
			continue;
		for (k = 0; k < TL_NELEM(sigterm_texts); k++)
			if ((sigterm_texts[k].lang == TL_LANG_NONE ||
			    sigterm_texts[k].lang == f->lang) &&
			    file_has(f, sigterm_texts[k].text))
				return 1;
	}
	TL_FOREACH_FILE(f, repo, TL_FILE_DOCKERFILE)
		if (service_dockerfile(repo, f) && (in = tl_df_effective(
		    f->docker, tl_dockerfile_final(f->docker), "STOPSIGNAL",
		    &where)) != NULL && !names_sigkill(in->args))
			return 1;
	TL_FOREACH_FILE(f, repo, TL_FILE_TASKDEF) {
		if (f->doc == NULL || f->doc->nroots == 0)
			continue;
		root = f->doc->roots[0];
		if ((defs = tl_ymap_get(root, "containerDefinitions")) == NULL)
			defs = tl_ypath(root,
			    "taskDefinition.containerDefinitions");
		if (sets_stop_timeout(defs, "stopTimeout"))
			return 1;
	}
	TL_FOREACH_FILE(f, repo, TL_FILE_TEMPLATE) {
		if (tl_cfn_open(&cfn, f) != 0)
			continue;
		hit = 0;
		TL_CFN_FOREACH(r, &cfn, "AWS::ECS::TaskDefinition")
			if (!hit)
				hit = sets_stop_timeout(tl_cfn_prop(r,
				    "ContainerDefinitions"), "StopTimeout");
		tl_cfn_release(&cfn);
		if (hit)
			return 1;
	}
	return starts_shutdown(repo);
}

/*
 * A start command that keeps SIGTERM from the app: the shell-form
 * instruction in, or the command cmd that start script runs without exec.
 */
struct sigterm_lost {
	const struct tl_file	*df;		/* borrowed: the Dockerfile */
	const struct tl_df_instr *in;		/* borrowed, or NULL */
	const struct tl_file	*script;	/* borrowed, or NULL */
	const struct tl_sh_cmd	*cmd;		/* borrowed (starts), or NULL */
};

/*
 * Does a template speak for a Dockerfile: a deployed one of the same
 * project (the same top-level directory, or either at the top), or any
 * deployed one when the template's project has none (infra/ beside app/)?
 */
static int
in_scope(const struct tl_repo *repo, const struct tl_file *tpl,
    const struct tl_file *df)
{
	const struct tl_file	*f;

	if (!service_dockerfile(repo, df))
		return 0;
	if (same_project(tpl->path, df->path))
		return 1;
	TL_FOREACH_FILE(f, repo, TL_FILE_DOCKERFILE)
		if (service_dockerfile(repo, f) &&
		    same_project(tpl->path, f->path))
			return 0;
	return 1;
}

/*
 * The first start command of the template's Dockerfiles (in_scope())
 * that keeps SIGTERM from the app: a shell-form CMD or ENTRYPOINT
 * (TF0901's test), else a start script that does not exec its app
 * (TF0902's); 0 when there is none.
 */
static int
sigterm_lost(const struct tl_repo *repo, const struct tl_starts *starts,
    const struct tl_file *tpl, struct sigterm_lost *out)
{
	const struct tl_file	*f;
	const struct tl_start	*st;
	const struct tl_df_instr *in[1];
	const struct tl_sh_cmd	*cmd;
	size_t			 i;

	memset(out, 0, sizeof(*out));
	TL_FOREACH_FILE(f, repo, TL_FILE_DOCKERFILE)
		if (in_scope(repo, tpl, f) && shell_starts(f, in, 1) > 0) {
			out->df = f;
			out->in = in[0];
			return 1;
		}
	for (i = 0; i < starts->n; i++) {
		st = &starts->v[i];
		if (st->kind != TL_START_SCRIPT || st->via == NULL ||
		    st->via->kind != TL_FILE_DOCKERFILE ||
		    !in_scope(repo, tpl, st->via) ||
		    (cmd = script_without_exec(repo, starts, i)) == NULL)
			continue;
		out->df = st->via;
		out->script = st->file;
		out->cmd = cmd;
		return 1;
	}
	return 0;
}

static int	tf0909_check(struct tl_check *);

static const struct tl_rule tf0909 = {
	.id = "TF0909",
	.name = "spot-without-graceful-shutdown",
	.factor = TL_FACTOR_DISPOSABILITY,
	.severity = TL_SEV_WARNING,
	.needs = TL_NEED(TL_FILE_TEMPLATE),
	.summary = "interruptible capacity without graceful shutdown",
	.rationale =
	    "Disposable processes can be stopped at a moment's notice and "
	    "shut down gracefully. On interruptible capacity that moment "
	    "comes often and with little warning: EC2 reclaims a Spot "
	    "instance two minutes after its interruption notice, and "
	    "FARGATE_SPOT sends the task SIGTERM, then SIGKILL when the "
	    "stopTimeout (30 s by default, 120 s at most) ends. A process "
	    "that never hears SIGTERM, or does nothing with it, loses its "
	    "in-flight requests and jobs on every interruption. Interruptible "
	    "capacity, in CloudFormation and SAM templates: an ECS service's "
	    "CapacityProviderStrategy, or a cluster's (or "
	    "ClusterCapacityProviderAssociations') "
	    "DefaultCapacityProviderStrategy, with a FARGATE_SPOT entry whose "
	    "Weight or Base may be above 0 (Weight defaults to 0); an "
	    "AWS::EC2::SpotFleet; an EC2Fleet "
	    "whose DefaultTargetCapacityType is spot; a launch template whose "
	    "InstanceMarketOptions MarketType is spot; a launch "
	    "configuration with a literal SpotPrice; an Auto Scaling group "
	    "whose MixedInstancesPolicy has an OnDemandPercentage"
	    "AboveBaseCapacity below 100; a Batch compute environment of "
	    "type SPOT or FARGATE_SPOT. Values computed by !Ref, !Sub and "
	    "other intrinsics are not literals and are not reported; either "
	    "branch of an !If is. Each such resource is reported, at that "
	    "setting, when (1) a deployed Dockerfile of the template's "
	    "project (the same top-level directory, or either at the top; "
	    "all of the repository's when none is there) keeps SIGTERM from "
	    "the app: a CMD or ENTRYPOINT in shell form (as TF0901 finds "
	    "it), or a start script it runs that does not exec its app (as "
	    "TF0902 finds it); or (2) nothing in the repository shows "
	    "graceful shutdown: no source file names SIGTERM (or, by "
	    "language, traps TERM in Ruby, adds a JVM shutdown hook or "
	    "@PreDestroy, uses ApplicationStopping or ProcessExit in .NET, "
	    "SignalKind::terminate in Rust, terminus in Node), no script "
	    "traps TERM with a handler, no start command runs a server that "
	    "drains on SIGTERM (gunicorn, uvicorn, hypercorn, puma, sidekiq, "
	    "celery, caddy, traefik), no deployed Dockerfile sets a "
	    "STOPSIGNAL other than SIGKILL, no ECS container definition "
	    "(task definition JSON or template) sets a stopTimeout, and no "
	    "file handles the interruption notice (an EventBridge rule for "
	    "the EC2 Spot Instance Interruption Warning or the rebalance "
	    "recommendation, an EC2_INSTANCE_TERMINATING lifecycle hook, "
	    "ECS_ENABLE_SPOT_INSTANCE_DRAINING=true, "
	    "ECS_CONTAINER_STOP_TIMEOUT, a poll of spot/instance-action, "
	    "aws-node-termination-handler). Not read: Spot capacity declared "
	    "in CDK, Terraform or ECS service JSON, EKS node groups, task "
	    "definitions that override the image's command, and whether a "
	    "handler really drains its work.",
	.fix =
	    "Make the app hear SIGTERM and finish its work within the "
	    "notice: start it in exec form (CMD [\"node\", \"server.js\"]) or "
	    "end the entrypoint script with exec, handle SIGTERM in the app "
	    "by refusing new work, draining in-flight requests and jobs "
	    "(returning queue messages) and exiting, and set the ECS "
	    "container definition's stopTimeout up to 120 s so FARGATE_SPOT "
	    "waits that long before SIGKILL. An EC2 Spot instance gets only "
	    "a two-minute notice: act on it with an Amazon EventBridge rule "
	    "for EC2 Spot Instance Interruption Warning (or the rebalance "
	    "recommendation), ECS_ENABLE_SPOT_INSTANCE_DRAINING=true for ECS "
	    "container instances, or an Auto Scaling termination lifecycle "
	    "hook.",
	.see_also = NULL,
	.check = tf0909_check,
};

static int
tf0909_report(struct tl_check *c, const struct tl_file *f,
    const struct tl_cfn_resource *r, const struct spot_kind *k,
    const struct tl_ynode *n, const struct tl_starts *starts, int *shown)
{
	struct sigterm_lost	 lost;

	if (sigterm_lost(c->repo, starts, f, &lost) && lost.in != NULL)
		return tl_report(c, f, n->line, n->col, r->name,
		    "%s '%s' %s, and the %s of %s (line %u) is in shell "
		    "form: SIGTERM never reaches the app before the capacity "
		    "is taken back", k->noun, r->name, k->does,
		    lost.in->keyword, lost.df->path, lost.in->line);
	if (lost.cmd != NULL)
		return tl_report(c, f, n->line, n->col, r->name,
		    "%s '%s' %s, and %s (run by %s) runs '%.40s%s' without "
		    "exec (line %u): SIGTERM never reaches the app before the "
		    "capacity is taken back", k->noun, r->name, k->does,
		    lost.script->path, lost.df->path, lost.cmd->text,
		    strlen(lost.cmd->text) > 40 ? "..." : "",
		    lost.cmd->line);
	if (*shown < 0)
		*shown = shutdown_shown(c->repo);
	if (*shown)
		return 0;
	return tl_report(c, f, n->line, n->col, r->name,
	    "%s '%s' %s, and nothing shows graceful shutdown: no SIGTERM "
	    "handler in the source, no ECS stopTimeout, no handler for the "
	    "interruption notice", k->noun, r->name, k->does);
}

static int
tf0909_check(struct tl_check *c)
{
	struct tl_starts	 starts;
	struct tl_cfn		 cfn;
	const struct tl_file	*f;
	const struct tl_cfn_resource *r;
	const struct tl_ynode	*n;
	size_t			 i, k;
	int			 error = 0, found = 0, shown = -1;

	tl_starts_collect(&starts, c->repo);
	TL_FOREACH_FILE(f, c->repo, TL_FILE_TEMPLATE) {
		if (tl_cfn_open(&cfn, f) != 0)
			continue;
		for (i = 0; i < cfn.nres && error == 0; i++) {
			r = &cfn.res[i];
			for (k = 0; k < TL_NELEM(spot_kinds); k++)
				if (tl_cfn_type_is(r, spot_kinds[k].type) &&
				    (n = spot_node(r, &spot_kinds[k])) != NULL)
					break;
			if (k == TL_NELEM(spot_kinds))
				continue;
			found = 1;
			error = tf0909_report(c, f, r, &spot_kinds[k], n,
			    &starts, &shown);
		}
		tl_cfn_release(&cfn);
		if (error != 0)
			break;
	}
	tl_starts_release(&starts);
	if (error == 0 && !found)
		tl_not_applicable(c, "no interruptible capacity in the "
		    "templates: no FARGATE_SPOT capacity provider strategy, "
		    "Spot fleet, Spot launch template or launch "
		    "configuration, Auto Scaling group with Spot instances or "
		    "SPOT Batch compute environment");
	return error;
}

static const struct tl_rule *const rules[] = {
	&tf0901,
	&tf0902,
	&tf0903,
	&tf0904,
	&tf0905,
	&tf0907,
	&tf0908,
	&tf0909,
};

const struct tl_module tl_module_DISPOSABILITY = {
	TL_FACTOR_DISPOSABILITY, rules, TL_NELEM(rules), NULL, NULL
};
