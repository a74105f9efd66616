/*
 * engine.c: one scan, from discovery to the exit code.
 *
 *   discover -> load, parse and pattern-match every file (worker threads,
 *   one file at a time per thread) -> structural rules over the finished
 *   model -> redaction, inline suppressions, fingerprints -> the
 *   configuration's overrides and the baseline -> sort -> rule outcomes,
 *   factor statuses, evidence and the exit code.  Files .twelvelint.yml
 *   excludes leave the model before anything reads them.
 *
 * Output is identical for any number of threads: findings are collected
 * per file and sorted on a total order at the end.
 */
#include <ctype.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "twelvelint/baseline.h"
#include "twelvelint/config.h"
#include "twelvelint/model.h"
#include "twelvelint/patterns.h"
#include "twelvelint/template.h"

#define SNIPPET_MAX	240
#define SNIPPET_SLACK	8192	/* room for a secret that starts before the clip */

struct work {
	struct tl_scan		*scan;
	struct tl_discover_opts	 dopts;
	atomic_size_t		 next;
};


/* ---------------------------------------------------------------- rules */

static struct tl_rule_state *
state_of(const struct tl_scan *s, const char *id)
{
	size_t	 lo = 0, hi = s->nstates, mid;
	int	 c;

	/* The rule set is sorted by id, and so are the states. */
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = strcasecmp(s->states[mid].rule->id, id);
		if (c == 0)
			return &s->states[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* Does id match an --enable/--disable entry: exact id or "TFff" prefix? */
static int
id_listed(const struct tl_vec *v, const char *id)
{
	size_t	 i, n;

	for (i = 0; i < v->len; i++) {
		n = strlen(v->items[i]);
		if (n == 4 ? strncasecmp(id, v->items[i], 4) == 0 :
		    strcasecmp(id, v->items[i]) == 0)
			return 1;
	}
	return 0;
}

static void
states_init(struct tl_scan *s)
{
	const struct tl_options	*o = s->opts;
	const struct tl_config_rule *cr;
	struct tl_rule_state	*st;
	size_t			 i;

	s->nstates = s->rules->nrules;
	s->states = tl_calloc(s->nstates, sizeof(*s->states));
	for (i = 0; i < s->nstates; i++) {
		st = &s->states[i];
		st->rule = s->rules->rules[i];
		st->severity = st->rule->severity;
		if (st->rule->factor == 0) {
			st->selected = 1;
			continue;
		}
		st->selected = 1;
		if (o->factors != 0 && (o->factors & (1U << st->rule->factor)) == 0)
			st->selected = 0;
		if (o->enable.len > 0 && !id_listed(&o->enable, st->rule->id))
			st->selected = 0;
		if (id_listed(&o->disable, st->rule->id))
			st->selected = 0;
	}
	/* .twelvelint.yml rules: off, or another severity. */
	for (i = 0; i < s->nstates; i++) {
		st = &s->states[i];
		if ((cr = tl_config_rule(o->config, st->rule->id)) == NULL)
			continue;
		if (cr->severity == TL_SEV_NONE)
			st->selected = 0;
		else
			st->severity = cr->severity;
	}
}

/*
 * Take the files .twelvelint.yml excludes out of the model before
 * anything reads them: they are listed as skipped, with the glob.
 */
static void
exclude_files(struct tl_scan *s)
{
	struct tl_repo	*repo = s->repo;
	struct tl_skip	*sk;
	const char	*glob;
	size_t		 i, n = 0;

	if (s->opts->config == NULL)
		return;
	for (i = 0; i < repo->nfiles; i++) {
		glob = tl_config_excluded(s->opts->config, repo->files[i]->path);
		if (glob == NULL) {
			repo->files[n++] = repo->files[i];
			continue;
		}
		sk = tl_calloc(1, sizeof(*sk));
		sk->path = tl_strdup(repo->files[i]->path);
		sk->reason = tl_printf("excluded by %s (%s)",
		    s->opts->config->path, glob);
		tl_vec_push(&repo->skipped, sk);
		tl_file_free(repo->files[i]);
	}
	repo->nfiles = n;
}

/* ------------------------------------------------------------- findings */

static struct tl_finding *
finding_new(const struct tl_rule *rule, enum tl_severity sev,
    const struct tl_file *f, unsigned line, unsigned col)
{
	struct tl_finding *fd;

	fd = tl_calloc(1, sizeof(*fd));
	fd->rule = rule;
	fd->severity = sev;
	fd->path = tl_strdup(f != NULL ? f->path : "");
	fd->line = line;
	fd->column = col;
	return fd;
}

void
tl_finding_free(void *p)
{
	struct tl_finding *fd = p;

	if (fd == NULL)
		return;
	free(fd->message);
	free(fd->path);
	free(fd->snippet);
	free(fd->suppressed);
	free(fd->evidence);
	free(fd->secret);
	free(fd);
}

static char	*make_snippet(const struct tl_file *, unsigned);

static int
report_va(struct tl_check *c, const struct tl_file *f, unsigned line,
    unsigned col, const char *evidence, const char *secret, const char *fmt,
    va_list ap)
{
	struct tl_finding	*fd;
	struct tl_buf		 b = TL_BUF_INIT;
	enum tl_severity	 sev;

	sev = c->state->severity;
	if (c->lesser && sev > TL_SEV_INFO)
		sev--;
	fd = finding_new(c->rule, sev, f, line, col);
	tl_buf_vaddf(&b, fmt, ap);
	fd->message = tl_buf_detach(&b);
	if (secret != NULL && *secret != '\0')
		fd->secret = tl_strdup(secret);
	if (evidence != NULL)
		fd->evidence = tl_str_fold(evidence, strlen(evidence));
	/* A file outside the model (a blob of the history): snip it now. */
	if (f != NULL && tl_repo_file(c->repo, f->path) != f) {
		fd->snippet = make_snippet(f, line);
		fd->outside = 1;
	}
	fd->order = c->scan->findings.len;
	tl_vec_push(&c->scan->findings, fd);
	return 0;
}

int
tl_report(struct tl_check *c, const struct tl_file *f, unsigned line,
    unsigned col, const char *evidence, const char *fmt, ...)
{
	va_list	 ap;
	int	 error;

	va_start(ap, fmt);
	error = report_va(c, f, line, col, evidence, NULL, fmt, ap);
	va_end(ap);
	return error;
}

int
tl_report_secret(struct tl_check *c, const struct tl_file *f, unsigned line,
    unsigned col, const char *secret, const char *fmt, ...)
{
	va_list	 ap;
	int	 error;

	va_start(ap, fmt);
	error = report_va(c, f, line, col, NULL, secret, fmt, ap);
	va_end(ap);
	return error;
}

void
tl_not_applicable(struct tl_check *c, const char *fmt, ...)
{
	struct tl_buf	 b = TL_BUF_INIT;
	va_list		 ap;

	va_start(ap, fmt);
	tl_buf_vaddf(&b, fmt, ap);
	va_end(ap);
	free(c->state->reason);
	c->state->reason = tl_buf_detach(&b);
	c->state->outcome = TL_OUTCOME_NA;
}

void
tl_evidence(struct tl_check *c, const char *path)
{
	struct tl_factor_result *fr;

	if (c->rule->factor < 1 || c->rule->factor >= TL_FACTOR_COUNT)
		return;
	fr = &c->scan->factors[c->rule->factor];
	tl_vec_push(&fr->evidence, tl_strdup(path));
}

/* ------------------------------------------------------ loading, parsing */

static void
add_parse_error(struct tl_scan *s, struct tl_file *f, unsigned line,
    unsigned col, const char *what, const char *msg)
{
	const struct tl_rule	*r = tl_engine_rule("TF0001");
	struct tl_finding	*fd;

	f->broken = 1;
	/* A broken fixture or vendored file is not the application's. */
	if (f->test || f->vendored)
		return;
	fd = finding_new(r, r->severity, f, line, col);
	fd->message = tl_printf("%s: %s", what, msg);
	fd->evidence = tl_strdup(what);
	tl_vec_push(&f->pfindings, fd);
	(void)s;
}

/* Cheap content test before a generic YAML/JSON file is parsed at all. */
static int
maybe_aws(const struct tl_file *f)
{
	return tl_memcasemem(f->data, f->size, "AWSTemplateFormatVersion",
	    24) != NULL ||
	    tl_memcasemem(f->data, f->size, "AWS::", 5) != NULL ||
	    tl_memcasemem(f->data, f->size, "containerDefinitions", 20) != NULL;
}

/* The text names itself a CloudFormation or SAM template. */
static int
declares_template(const struct tl_file *f)
{
	return tl_memcasemem(f->data, f->size, "AWSTemplateFormatVersion",
	    24) != NULL || tl_memcasemem(f->data, f->size,
	    "AWS::Serverless-2016-10-31", 26) != NULL;
}

static int
is_template(const struct tl_ynode *root)
{
	const struct tl_ynode	*res, *type, *tr;
	size_t			 i;

	if (root == NULL || root->type != TL_YMAP)
		return 0;
	if (tl_ymap_get(root, "AWSTemplateFormatVersion") != NULL)
		return 1;
	if ((tr = tl_ymap_get(root, "Transform")) != NULL) {
		if (tr->type == TL_YSCALAR &&
		    tl_str_has_prefix(tr->value, "AWS::Serverless"))
			return 1;
		for (i = 0; tr->type == TL_YSEQ && i < tr->nitems; i++)
			if (tr->items[i]->type == TL_YSCALAR &&
			    tl_str_has_prefix(tr->items[i]->value,
			    "AWS::Serverless"))
				return 1;
	}
	if ((res = tl_ymap_get(root, "Resources")) == NULL ||
	    res->type != TL_YMAP)
		return 0;
	for (i = 0; i < res->npairs; i++) {
		type = tl_ymap_get(res->pairs[i].value, "Type");
		if (type != NULL && type->type == TL_YSCALAR &&
		    tl_str_has_prefix(type->value, "AWS::"))
			return 1;
	}
	return 0;
}

static int
is_taskdef(const struct tl_ynode *root)
{
	const struct tl_ynode	*cd, *td;

	if (root == NULL || root->type != TL_YMAP)
		return 0;
	cd = tl_ymap_get(root, "containerDefinitions");
	if (cd == NULL && (td = tl_ymap_get(root, "taskDefinition")) != NULL)
		cd = tl_ymap_get(td, "containerDefinitions");
	return cd != NULL && cd->type == TL_YSEQ;
}

static int
is_yaml_name(const char *name)
{
	return tl_str_has_suffix(name, ".yml") ||
	    tl_str_has_suffix(name, ".yaml") || tl_str_has_suffix(name, ".json");
}

static void
parse_yaml(struct tl_scan *s, struct tl_file *f)
{
	struct tl_yerror	 yerr;
	int			 generic, error;

	generic = f->kind == TL_FILE_YAML || f->kind == TL_FILE_JSON;
	/*
	 * Other YAML files are small and rules read some (database.yml);
	 * other JSON files are often large data: parse only likely
	 * templates and task definitions.
	 */
	if (f->kind == TL_FILE_JSON && !maybe_aws(f))
		return;
	if (f->kind == TL_FILE_CI && !is_yaml_name(f->name))
		return;
	memset(&yerr, 0, sizeof(yerr));
	error = tl_yaml_parse(&f->doc, f->data, f->size, &yerr);
	if (error != 0) {
		f->doc = NULL;
		/*
		 * A generic YAML/JSON file may be anything (a Helm template,
		 * a JSON fixture): only a file that declares itself a
		 * template is reported when it does not parse.
		 */
		if (generic && !declares_template(f))
			return;
		if (generic)
			f->kind = TL_FILE_TEMPLATE;
		add_parse_error(s, f, yerr.line, yerr.col,
		    f->kind == TL_FILE_TEMPLATE ? "invalid template" :
		    "invalid YAML", yerr.msg);
		return;
	}
	if (!generic || f->doc->nroots == 0)
		return;
	if (is_template(f->doc->roots[0]))
		f->kind = TL_FILE_TEMPLATE;
	else if (is_taskdef(f->doc->roots[0]))
		f->kind = TL_FILE_TASKDEF;
}

/*
 * A file without an extension whose "#!" line names a shell is a script
 * (bin/docker-entrypoint, bin/start): decided by content, like templates.
 */
static int
shell_shebang(const struct tl_file *f)
{
	static const char *const shells[] = {
		"sh", "bash", "dash", "ash", "zsh", "ksh", "mksh", NULL
	};
	const char	*p, *e, *w;
	size_t		 n, i;

	if (f->kind != TL_FILE_OTHER || strchr(f->name, '.') != NULL ||
	    f->size < 4 || f->data[0] != '#' || f->data[1] != '!')
		return 0;
	p = f->data + 2;
	e = memchr(p, '\n', f->size - 2);
	if (e == NULL)
		e = f->data + f->size;
	for (i = 0; i < 2; i++) {
		while (p < e && (*p == ' ' || *p == '\t'))
			p++;
		for (w = p; p < e && *p != ' ' && *p != '\t' && *p != '\r';
		    p++)
			continue;
		/* The interpreter's basename: /usr/bin/env bash -> bash. */
		for (n = (size_t)(p - w); n > 0 && w[n - 1] != '/'; n--)
			continue;
		w += n;
		n = (size_t)(p - w);
		if (i == 0 && n == 3 && strncmp(w, "env", 3) == 0)
			continue;
		break;
	}
	for (i = 0; shells[i] != NULL; i++)
		if (strlen(shells[i]) == n && strncmp(w, shells[i], n) == 0)
			return 1;
	return 0;
}

static void
parse_file(struct tl_scan *s, struct tl_file *f)
{
	struct tl_df_error	 derr;
	char			 msg[160];
	unsigned		 line = 0;

	if (shell_shebang(f)) {
		f->kind = TL_FILE_SCRIPT;
		f->lang = TL_LANG_SHELL;
	}
	switch (f->kind) {
	case TL_FILE_DOCKERFILE:
		memset(&derr, 0, sizeof(derr));
		if (tl_dockerfile_parse(&f->docker, f->data, f->size,
		    &derr) != 0) {
			f->docker = NULL;
			add_parse_error(s, f, derr.line, 0, "invalid Dockerfile",
			    derr.msg);
		}
		break;
	case TL_FILE_SCRIPT:
		if (tl_shell_parse(&f->script, f->data, f->size, 1) != 0)
			f->script = NULL;
		break;
	case TL_FILE_PROCFILE:
		if (tl_procfile_parse(&f->procfile, f->data, f->size) != 0)
			f->procfile = NULL;
		break;
	case TL_FILE_DOTENV:
		if (tl_dotenv_parse(&f->dotenv, f->data, f->size) != 0)
			f->dotenv = NULL;
		break;
	case TL_FILE_MANIFEST:
	case TL_FILE_LOCKFILE:
		msg[0] = '\0';
		if (tl_manifest_parse(&f->manifest, f->subtype, f->data,
		    f->size, &line, msg, sizeof(msg)) != 0) {
			f->manifest = NULL;
			add_parse_error(s, f, line, 0, "invalid manifest", msg);
		}
		break;
	case TL_FILE_COMPOSE:
	case TL_FILE_BUILDSPEC:
	case TL_FILE_APPSPEC:
	case TL_FILE_CI:
	case TL_FILE_YAML:
	case TL_FILE_JSON:
	case TL_FILE_TEMPLATE:
	case TL_FILE_TASKDEF:
		parse_yaml(s, f);
		break;
	default:
		break;
	}
}

struct match_ctx {
	struct tl_scan	*scan;
	struct tl_file	*file;
};

static int
on_match(void *arg, const struct tl_pmatch *m)
{
	struct match_ctx	*mc = arg;
	struct tl_rule_state	*st;
	struct tl_finding	*fd;
	unsigned		 line, col;

	if ((st = state_of(mc->scan, m->rule_id)) == NULL || !st->selected)
		return 0;
	tl_lines_locate(&mc->file->lines, m->start, &line, &col);
	fd = finding_new(st->rule, st->severity, mc->file, line, col);
	fd->message = tl_strdup(m->message);
	if (m->secret)
		fd->secret = tl_strndup(mc->file->data + m->sstart,
		    m->send - m->sstart);
	else
		fd->evidence = tl_str_fold(mc->file->data + m->sstart,
		    m->send - m->sstart);
	fd->order = mc->file->pfindings.len;
	tl_vec_push(&mc->file->pfindings, fd);
	return 0;
}

static void
process_file(struct work *w, struct tl_pmatcher *pm, struct tl_file *f)
{
	struct match_ctx	 mc;
	const char		*reason = NULL;
	int			 r;

	r = tl_file_load(w->scan->repo, f, &w->dopts, &reason);
	if (r != 0) {
		f->skip_reason = r > 0 && reason != NULL ? reason :
		    "cannot read file";
		return;
	}
	parse_file(w->scan, f);
	mc.scan = w->scan;
	mc.file = f;
	(void)tl_patterns_scan(w->scan->rules->patterns, pm, f, on_match, &mc);
}

/* For tl_pmatcher_select(): is the rule part of this scan? */
static int
rule_selected(void *arg, const char *id)
{
	const struct tl_rule_state *st = state_of(arg, id);

	return st != NULL && st->selected;
}

static void *
worker(void *arg)
{
	struct work		*w = arg;
	struct tl_pmatcher	*pm;
	size_t			 i;

	pm = tl_pmatcher_new(w->scan->rules->patterns);
	tl_pmatcher_select(pm, rule_selected, w->scan);
	while ((i = atomic_fetch_add(&w->next, 1)) < w->scan->repo->nfiles)
		process_file(w, pm, w->scan->repo->files[i]);
	tl_pmatcher_free(pm);
	return NULL;
}

static void
load_all(struct tl_scan *s)
{
	struct work	 w;
	pthread_t	*th;
	size_t		 n, i, started = 0;

	memset(&w, 0, sizeof(w));
	w.scan = s;
	w.dopts.max_file_size = s->opts->max_file_size;
	atomic_init(&w.next, 0);
	n = s->opts->jobs < 1 ? 1 : (size_t)s->opts->jobs;
	if (n > s->repo->nfiles)
		n = s->repo->nfiles > 0 ? s->repo->nfiles : 1;
	th = tl_calloc(n, sizeof(*th));
	for (i = 1; i < n; i++)
		if (pthread_create(&th[i], NULL, worker, &w) == 0)
			started = i;
		else
			break;
	worker(&w);	/* the calling thread works too */
	for (i = 1; i <= started; i++)
		pthread_join(th[i], NULL);
	free(th);
}

/* ------------------------------------------------------ structural rules */

/* The kinds a rule reads: its own needs plus those of its pattern detectors. */
static unsigned long
rule_needs(const struct tl_scan *s, const struct tl_rule *r)
{
	return r->needs | tl_patterns_needs(s->rules->patterns, r->id);
}

/* Does a template deploy a long-running service (ECS, App Runner, EC2 …)? */
static int
template_runs_service(const struct tl_file *f)
{
	static const char *const types[] = {
		"AWS::ECS::Service", "AWS::ECS::TaskDefinition",
		"AWS::AppRunner::Service", "AWS::ElasticBeanstalk::Environment",
		"AWS::EC2::Instance", "AWS::AutoScaling::AutoScalingGroup",
		"AWS::Lightsail::Container"
	};
	struct tl_cfn			 cfn;
	const struct tl_cfn_resource	*r;
	size_t				 i, k;
	int				 yes = 0;

	if (tl_cfn_open(&cfn, f) != 0)
		return 0;
	for (i = 0; i < cfn.nres && !yes; i++) {
		r = &cfn.res[i];
		for (k = 0; k < TL_NELEM(types) && !yes; k++)
			yes = tl_cfn_type_is(r, types[k]);
	}
	tl_cfn_release(&cfn);
	return yes;
}

/*
 * Does the repository run a long-running process: a Dockerfile that is
 * not named for development, a Procfile, a compose file, an ECS task
 * definition, or a template that deploys a service (not test fixtures
 * nor vendored files)?
 */
static int
runs_service(const struct tl_repo *repo)
{
	static const char *const dev[] = {
		".dev", ".development", ".local", ".test", "-dev", ".debug"
	};
	const struct tl_file	*f;
	size_t			 i, k;

	for (i = 0; i < repo->nfiles; i++) {
		f = repo->files[i];
		if (!f->loaded || f->test || f->vendored)
			continue;
		if (f->kind == TL_FILE_PROCFILE || f->kind == TL_FILE_COMPOSE ||
		    f->kind == TL_FILE_TASKDEF ||
		    (f->kind == TL_FILE_TEMPLATE && template_runs_service(f)))
			return 1;
		if (f->kind != TL_FILE_DOCKERFILE)
			continue;
		for (k = 0; k < TL_NELEM(dev); k++)
			if (tl_str_has_suffix(f->name, dev[k]))
				break;
		if (k == TL_NELEM(dev))
			return 1;
	}
	return 0;
}

static unsigned long
kinds_present(const struct tl_repo *repo)
{
	unsigned long	 m = 0;
	size_t		 i;

	for (i = 0; i < repo->nfiles; i++)
		if (repo->files[i]->loaded)
			m |= TL_NEED(repo->files[i]->kind);
	if (repo->git.is_repo)
		m |= TL_NEED_GIT;
	if (runs_service(repo))
		m |= TL_NEED_SERVICE;
	return m;
}

static char *
missing_reason(unsigned long kinds)
{
	struct tl_buf	 b = TL_BUF_INIT;
	int		 k, n = 0, total = 0;

	for (k = 0; k < TL_FILE__COUNT; k++)
		if (kinds & TL_NEED(k))
			total++;
	tl_buf_adds(&b, "no ");
	for (k = 0; k < TL_FILE__COUNT; k++) {
		if ((kinds & TL_NEED(k)) == 0)
			continue;
		if (n > 0)
			tl_buf_adds(&b, n + 1 == total ? " or " : ", ");
		tl_buf_adds(&b, tl_file_kind_name(k));
		n++;
	}
	tl_buf_adds(&b, " found");
	return tl_buf_detach(&b);
}

static int
run_rules(struct tl_scan *s)
{
	struct tl_check		 c;
	struct tl_rule_state	*st;
	unsigned long		 present, needs, kinds;
	size_t			 i;
	int			 failed = 0;

	present = kinds_present(s->repo);
	for (i = 0; i < s->nstates; i++) {
		st = &s->states[i];
		if (!st->selected || st->rule->factor == 0)
			continue;
		/* Any one of the file kinds, and git when the rule says so. */
		needs = rule_needs(s, st->rule);
		kinds = needs & ~(TL_NEED_GIT | TL_NEED_SERVICE);
		if (kinds != 0 && (kinds & present) == 0) {
			st->outcome = TL_OUTCOME_NA;
			st->reason = missing_reason(kinds);
			st->missing = kinds;
			continue;
		}
		if ((needs & TL_NEED_GIT) != 0 && !s->repo->git.is_repo) {
			st->outcome = TL_OUTCOME_NA;
			st->reason = tl_strdup("not a git repository");
			continue;
		}
		if ((needs & TL_NEED_SERVICE) != 0 &&
		    (present & TL_NEED_SERVICE) == 0) {
			st->outcome = TL_OUTCOME_NA;
			st->reason = tl_strdup("no long-running service (no "
			    "Dockerfile, Procfile, compose file, task "
			    "definition or ECS service), as in a Lambda-only "
			    "app or a library");
			continue;
		}
		st->outcome = TL_OUTCOME_PASS;
		if (st->rule->check == NULL)
			continue;
		c.scan = s;
		c.repo = s->repo;
		c.rule = st->rule;
		c.state = st;
		c.lesser = 0;
		tl_error_clear();
		if (st->rule->check(&c) < 0) {
			st->outcome = TL_OUTCOME_ERROR;
			st->reason = tl_strdup(tl_error_get());
			failed = 1;
		}
	}
	return failed;
}

/* ------------------------------------------------- finishing the findings */

static void
collect_file_findings(struct tl_scan *s)
{
	struct tl_rule_state	*st;
	struct tl_file		*f;
	struct tl_finding	*fd;
	size_t			 i, j;

	for (i = 0; i < s->repo->nfiles; i++) {
		f = s->repo->files[i];
		for (j = 0; j < f->pfindings.len; j++) {
			fd = f->pfindings.items[j];
			/* Matched while loading, but the rule does not apply. */
			st = state_of(s, fd->rule->id);
			if (st != NULL && st->outcome == TL_OUTCOME_NA) {
				tl_finding_free(fd);
				continue;
			}
			fd->order = s->findings.len;
			tl_vec_push(&s->findings, fd);
		}
		tl_vec_release(&f->pfindings, NULL);
		if (f->skip_reason != NULL) {
			struct tl_skip *sk = tl_calloc(1, sizeof(*sk));

			sk->path = tl_strdup(f->path);
			sk->reason = tl_strdup(f->skip_reason);
			tl_vec_push(&s->repo->skipped, sk);
		}
	}
}

static int
cmp_skip(const void *a, const void *b)
{
	const struct tl_skip *x = *(void *const *)a, *y = *(void *const *)b;

	return strcmp(x->path, y->path);
}

static int
cmp_path_line(const void *a, const void *b)
{
	const struct tl_finding *x = *(void *const *)a, *y = *(void *const *)b;
	int	 c;

	if ((c = strcmp(x->path, y->path)) != 0)
		return c;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->column != y->column)
		return x->column < y->column ? -1 : 1;
	if ((c = strcmp(x->rule->id, y->rule->id)) != 0)
		return c;
	return x->order < y->order ? -1 : x->order > y->order;
}

static int
cmp_report(const void *a, const void *b)
{
	const struct tl_finding *x = *(void *const *)a, *y = *(void *const *)b;
	int	 c;

	if (x->rule->factor != y->rule->factor)
		return x->rule->factor < y->rule->factor ? -1 : 1;
	if ((c = strcmp(x->path, y->path)) != 0)
		return c;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if ((c = strcmp(x->rule->id, y->rule->id)) != 0)
		return c;
	if (x->column != y->column)
		return x->column < y->column ? -1 : 1;
	if ((c = strcmp(x->message, y->message)) != 0)
		return c;
	return x->order < y->order ? -1 : x->order > y->order;
}

/* Replace every occurrence of each secret in *s by its redacted form. */
static void
redact_all(char **s, const struct tl_vec *secrets)
{
	struct tl_buf	 b = TL_BUF_INIT;
	const char	*p, *hit, *sec, *best;
	size_t		 i, blen = 0;
	char		*red;

	if (*s == NULL || secrets->len == 0)
		return;
	p = *s;
	for (;;) {
		best = NULL;
		sec = NULL;
		for (i = 0; i < secrets->len; i++) {
			const char *cand = secrets->items[i];

			hit = strstr(p, cand);
			if (hit != NULL && (best == NULL || hit < best ||
			    (hit == best && strlen(cand) > blen))) {
				best = hit;
				sec = cand;
				blen = strlen(cand);
			}
		}
		if (best == NULL)
			break;
		tl_buf_add(&b, p, (size_t)(best - p));
		red = tl_redact(sec, blen);
		tl_buf_adds(&b, red);
		free(red);
		p = best + blen;
	}
	tl_buf_adds(&b, p);
	free(*s);
	*s = tl_buf_detach(&b);
}

/*
 * The source line of a finding, leading blanks trimmed, as a window of
 * SNIPPET_MAX + SNIPPET_SLACK bytes: secrets are redacted in the window
 * first and only then is it clipped to SNIPPET_MAX (clip_snippet()), so
 * a secret that crosses the clip is never cut out of the redaction.
 */
static char *
make_snippet(const struct tl_file *f, unsigned line)
{
	const char	*p;
	size_t		 len;

	if (f == NULL || !f->loaded || line == 0)
		return NULL;
	if ((p = tl_lines_get(&f->lines, f->data, f->size, line, &len)) == NULL)
		return NULL;
	while (len > 0 && (*p == ' ' || *p == '\t')) {
		p++;
		len--;
	}
	if (len > SNIPPET_MAX + SNIPPET_SLACK)
		len = SNIPPET_MAX + SNIPPET_SLACK;
	return len > 0 ? tl_strndup(p, len) : NULL;
}

/* Clip a redacted snippet to SNIPPET_MAX bytes, not inside a UTF-8 sequence. */
static void
clip_snippet(char *s)
{
	size_t	 len;

	if (s == NULL || (len = strlen(s)) <= SNIPPET_MAX)
		return;
	len = SNIPPET_MAX;
	while (len > 0 && ((unsigned char)s[len] & 0xc0) == 0x80)
		len--;
	s[len] = '\0';
}

/*
 * The strings to redact for one secret: itself and, for a secret over
 * several lines (a key body), each of its lines of 8 bytes or more, so a
 * snippet of any of those lines is redacted too.  Pieces are owned by
 * pieces; items pushed on out are borrowed from the secret or pieces.
 */
static void
secret_strings(const char *secret, struct tl_vec *out, struct tl_vec *pieces)
{
	const char	*p, *e;
	char		*piece;

	tl_vec_push(out, (void *)secret);
	if (strchr(secret, '\n') == NULL)
		return;
	for (p = secret; *p != '\0'; p = *e != '\0' ? e + 1 : e) {
		e = strchr(p, '\n');
		if (e == NULL)
			e = p + strlen(p);
		if (e - p < 8)
			continue;
		piece = tl_strndup(p, (size_t)(e - p));
		if (piece[e - p - 1] == '\r')
			piece[e - p - 1] = '\0';
		tl_vec_push(pieces, piece);
		tl_vec_push(out, piece);
	}
}

/* Parse "twelvelint:ignore ID[,ID…] reason" in a line; NULL when absent. */
static char *
inline_suppression(const char *line, size_t len, const char *id)
{
	static const char	 tag[] = "twelvelint:ignore";
	const char		*p, *e = line + len, *w;
	char			 word[16];
	size_t			 n;
	int			 hit = 0;

	if ((p = tl_memcasemem(line, len, tag, sizeof(tag) - 1)) == NULL)
		return NULL;
	p += sizeof(tag) - 1;
	while (p < e && (*p == ' ' || *p == '\t' || *p == '='))
		p++;
	/* A comma-separated list of ids. */
	for (;;) {
		w = p;
		while (p < e && isalnum((unsigned char)*p))
			p++;
		n = (size_t)(p - w);
		if (n == 0 || n >= sizeof(word))
			break;
		memcpy(word, w, n);
		word[n] = '\0';
		if (strcasecmp(word, id) == 0)
			hit = 1;
		if (p < e && *p == ',') {
			p++;
			continue;
		}
		break;
	}
	if (!hit)
		return NULL;
	while (p < e && (*p == ' ' || *p == '\t' || *p == ':' || *p == '-'))
		p++;
	/* The reason runs to the end of the comment. */
	w = p;
	while (p < e && *p != '\n' && !(p + 1 < e && p[0] == '*' &&
	    p[1] == '/') && !(p + 2 < e && p[0] == '-' && p[1] == '-' &&
	    p[2] == '>'))
		p++;
	while (p > w && isspace((unsigned char)p[-1]))
		p--;
	if (p == w)
		return tl_strdup("inline twelvelint:ignore");
	return tl_printf("inline: %.*s", (int)(p - w), w);
}

/* Is the word w[0..n) one of the ids the rule's see_also names? */
static int
see_also_has(const struct tl_rule *r, const char *w, size_t n)
{
	const char	*sa = r->see_also, *p;

	if (sa == NULL || n == 0)
		return 0;
	for (p = sa; (p = tl_memcasemem(p, strlen(p), w, n)) != NULL; p++)
		if ((p == sa || !isalnum((unsigned char)p[-1])) &&
		    !isalnum((unsigned char)p[n]) && p[n] != '_')
			return 1;
	return 0;
}

/*
 * In text[0..len), after the marker: a list of ids separated by commas;
 * the first that the rule's see_also names, as a new string, or NULL.
 */
static char *
listed_id(const struct tl_rule *r, const char *text, size_t len,
    const char *marker)
{
	const char	*p, *e = text + len, *w;

	if ((p = tl_memcasemem(text, len, marker, strlen(marker))) == NULL)
		return NULL;
	for (p += strlen(marker); p < e; p++) {
		while (p < e && (*p == ' ' || *p == ','))
			p++;
		for (w = p; p < e && (isalnum((unsigned char)*p) || *p == '_' ||
		    *p == '-'); p++)
			continue;
		if (see_also_has(r, w, (size_t)(p - w)))
			return tl_strndup(w, (size_t)(p - w));
		if (p >= e || *p != ',')
			break;
	}
	return NULL;
}

/*
 * The suppressions of the tools users migrate from, where the rule's
 * see_also names the same check: in a Dockerfile, "# hadolint
 * ignore=DL3025" on the line above the instruction, "# hadolint global
 * ignore=…" or "#checkov:skip=CKV_…" anywhere, BuildKit's "# check=skip=…"
 * directive; on a finding's own line, "gitleaks:allow" for rules that
 * name gitleaks.  The reason, or NULL.
 */
static char *
foreign_suppression(const struct tl_file *f, const struct tl_finding *fd)
{
	const char	*p;
	char		*id, *why = NULL;
	size_t		 len;
	unsigned	 l;

	p = tl_lines_get(&f->lines, f->data, f->size, fd->line, &len);
	if (p != NULL && see_also_has(fd->rule, "gitleaks", 8) &&
	    tl_memcasemem(p, len, "gitleaks:allow", 14) != NULL)
		return tl_strdup("inline gitleaks:allow");
	if (f->kind != TL_FILE_DOCKERFILE)
		return NULL;
	if (fd->line > 1 && (p = tl_lines_get(&f->lines, f->data, f->size,
	    fd->line - 1, &len)) != NULL && (id = listed_id(fd->rule, p, len,
	    "hadolint ignore=")) != NULL) {
		why = tl_printf("hadolint ignore=%s", id);
		free(id);
		return why;
	}
	if (f->docker != NULL && f->docker->check != NULL &&
	    (p = strstr(f->docker->check, "skip=")) != NULL &&
	    (id = listed_id(fd->rule, p, strcspn(p, ";"), "skip=")) != NULL) {
		why = tl_printf("# check=skip=%s", id);
		free(id);
		return why;
	}
	for (l = 1; l <= f->lines.n && why == NULL; l++) {
		p = tl_lines_get(&f->lines, f->data, f->size, l, &len);
		if (len == 0 || *p != '#')
			continue;
		if ((id = listed_id(fd->rule, p, len,
		    "hadolint global ignore=")) != NULL)
			why = tl_printf("hadolint global ignore=%s", id);
		else if ((id = listed_id(fd->rule, p, len,
		    "checkov:skip=")) != NULL)
			why = tl_printf("checkov:skip=%s", id);
		free(id);
	}
	return why;
}

/*
 * CloudFormation/SAM: the Metadata of the resource the finding is in
 * ({twelvelint: {ignore: [TF0601]}}, or cfn-lint's and checkov's own
 * for the ids the rule's see_also names).
 */
static char *
template_suppression(const struct tl_file *f, const struct tl_finding *fd)
{
	const struct tl_cfn_resource *r;
	struct tl_cfn		 cfn;
	char			*why = NULL;

	if (f->kind != TL_FILE_TEMPLATE || tl_cfn_open(&cfn, f) != 0)
		return NULL;
	if ((r = tl_cfn_resource_at(&cfn, fd->line)) != NULL)
		why = tl_cfn_suppressed(r, fd->rule->id, fd->rule->see_also);
	tl_cfn_release(&cfn);
	return why;
}

static void
suppress(const struct tl_repo *repo, struct tl_finding *fd)
{
	const struct tl_file	*f;
	const char		*p;
	size_t			 len;
	unsigned		 l;

	if (fd->line == 0 || (f = tl_repo_file(repo, fd->path)) == NULL ||
	    !f->loaded)
		return;
	for (l = fd->line; l + 1 >= fd->line && l >= 1; l--) {
		p = tl_lines_get(&f->lines, f->data, f->size, l, &len);
		if (p == NULL)
			continue;
		if ((fd->suppressed = inline_suppression(p, len,
		    fd->rule->id)) != NULL)
			return;
	}
	if ((fd->suppressed = foreign_suppression(f, fd)) != NULL)
		return;
	fd->suppressed = template_suppression(f, fd);
}

static const char *
identity(const struct tl_finding *fd)
{
	return fd->secret != NULL ? fd->secret :
	    fd->evidence != NULL ? fd->evidence : fd->message;
}

static void
fingerprint(struct tl_finding *fd, unsigned occurrence)
{
	struct tl_buf	 b = TL_BUF_INIT;
	const char	*ev;

	ev = identity(fd);
	tl_buf_adds(&b, fd->rule->id);
	tl_buf_addc(&b, '\0');
	tl_buf_adds(&b, fd->path);
	tl_buf_addc(&b, '\0');
	tl_buf_adds(&b, ev);
	if (occurrence > 0)
		tl_buf_addf(&b, "%c%u", '\0', occurrence);
	tl_git_hash_hex(fd->fingerprint, b.data, b.len);
	tl_buf_release(&b);
}

/*
 * How often the same rule found the same evidence earlier in this file
 * (findings start..j-1 share j's path): the n-th repeat gets its own
 * fingerprint, so a baseline can tell two identical lines apart.
 */
static unsigned
occurrences_before(const struct tl_vec *v, size_t start, size_t j)
{
	const struct tl_finding	*g = v->items[j], *prev;
	unsigned		 n = 0;
	size_t			 k;

	for (k = start; k < j; k++) {
		prev = v->items[k];
		if (prev->rule == g->rule &&
		    strcmp(identity(prev), identity(g)) == 0)
			n++;
	}
	return n;
}

/* Is the text at p a rule id: TF and four digits, then no word character? */
static int
looks_like_id(const char *p, const char *e)
{
	int	 i;

	if (e - p < 6 || strncasecmp(p, "TF", 2) != 0)
		return 0;
	for (i = 2; i < 6; i++)
		if (!isdigit((unsigned char)p[i]))
			return 0;
	return p + 6 == e || !isalnum((unsigned char)p[6]);
}

/*
 * Does a comment start before the tag at p on this line: #, a double
 * slash, slash-star, a block comment's leading star, --, <!--, ; or %?
 * A tag in prose (a rule's rationale in a YAML pack) or in a string is
 * not a suppression to judge.
 */
static int
in_comment(const char *line, const char *p)
{
	const char	*q;

	for (q = line; q < p && (*q == ' ' || *q == '\t'); q++)
		continue;
	if (q < p && *q == '*')
		return 1;
	for (; q < p; q++)
		if (*q == '#' || *q == ';' || *q == '%' ||
		    (q + 1 < p && ((q[0] == '/' && (q[1] == '/' ||
		    q[1] == '*')) || (q[0] == '-' && q[1] == '-') ||
		    (q[0] == '<' && q[1] == '!'))))
			return 1;
	return 0;
}

/* Does a finding of r on line (or the next) carry an inline suppression? */
static int
inline_used(const struct tl_scan *s, const char *path, const struct tl_rule *r,
    unsigned line)
{
	const struct tl_finding	*fd;
	size_t			 i;

	for (i = 0; i < s->findings.len; i++) {
		fd = s->findings.items[i];
		if (fd->rule == r && (fd->line == line ||
		    fd->line == line + 1) && fd->suppressed != NULL &&
		    strncmp(fd->suppressed, "inline", 6) == 0 &&
		    strcmp(fd->path, path) == 0)
			return 1;
	}
	return 0;
}

/* A TF0002 or TF0003 finding, finished here (snippet, fingerprint). */
static void
suppression_finding(struct tl_scan *s, struct tl_vec *out, const char *id,
    const struct tl_file *f, unsigned line, unsigned col, char *msg)
{
	const struct tl_rule	*r = tl_engine_rule(id);
	struct tl_finding	*fd, *prev;
	unsigned		 occ = 0;
	size_t			 i;

	fd = finding_new(r, r->severity, f, line, col);
	fd->message = msg;
	fd->snippet = make_snippet(f, line);
	clip_snippet(fd->snippet);
	fd->evidence = tl_str_fold(fd->snippet != NULL ? fd->snippet : msg,
	    strlen(fd->snippet != NULL ? fd->snippet : msg));
	for (i = 0; i < out->len; i++) {
		prev = out->items[i];
		if (prev->rule == r && strcmp(prev->path, fd->path) == 0 &&
		    strcmp(prev->evidence, fd->evidence) == 0)
			occ++;
	}
	fingerprint(fd, occ);
	fd->order = s->findings.len + out->len;
	tl_vec_push(out, fd);
}

/*
 * TF0002 and TF0003: every twelvelint:ignore comment whose first word is
 * a rule id, outside documentation, test code and vendored trees.  Runs
 * once the inline suppressions are applied (findings in path order).
 */
static void
check_suppressions(struct tl_scan *s)
{
	static const char	 tag[] = "twelvelint:ignore";
	static const char *const docs[] = {
		".md", ".markdown", ".rst", ".txt", ".adoc", NULL
	};
	const struct tl_rule_state *st;
	const struct tl_file	*f;
	struct tl_vec		 out = TL_VEC_INIT;
	const char		*p, *e, *w, *line;
	char			 id[16];
	size_t			 i, k, n, len;
	unsigned		 l;

	for (i = 0; i < s->repo->nfiles; i++) {
		f = s->repo->files[i];
		if (!f->loaded || f->broken || f->test || f->vendored ||
		    f->data == NULL || tl_memcasemem(f->data, f->size, tag,
		    sizeof(tag) - 1) == NULL)
			continue;
		for (k = 0; docs[k] != NULL &&
		    !tl_str_has_suffix(f->name, docs[k]); k++)
			continue;
		if (docs[k] != NULL)
			continue;
		for (l = 1; l <= f->lines.n; l++) {
			line = tl_lines_get(&f->lines, f->data, f->size, l,
			    &len);
			if (line == NULL || (p = tl_memcasemem(line, len, tag,
			    sizeof(tag) - 1)) == NULL || !in_comment(line, p))
				continue;
			e = line + len;
			for (p += sizeof(tag) - 1; p < e && (*p == ' ' ||
			    *p == '\t' || *p == '='); p++)
				continue;
			if (!looks_like_id(p, e))
				continue;
			/* Each id of the comma-separated list. */
			for (;;) {
				for (w = p; p < e && isalnum((unsigned char)*p);
				    p++)
					continue;
				n = (size_t)(p - w) < sizeof(id) ?
				    (size_t)(p - w) : sizeof(id) - 1;
				memcpy(id, w, n);
				id[n] = '\0';
				st = state_of(s, id);
				if (!looks_like_id(w, p))
					st = NULL;	/* not an id: skipped */
				else if (st == NULL)
					suppression_finding(s, &out, "TF0002", f,
					    l, (unsigned)(w - line) + 1,
					    tl_printf("twelvelint:ignore names "
					    "'%.*s', which is not a rule (see "
					    "--list-rules)", (int)(p - w), w));
				else if (st->selected && st->rule->factor > 0 &&
				    (st->outcome == TL_OUTCOME_PASS ||
				    st->outcome == TL_OUTCOME_FAIL) &&
				    !inline_used(s, f->path, st->rule, l))
					suppression_finding(s, &out, "TF0003", f,
					    l, (unsigned)(w - line) + 1,
					    tl_printf("twelvelint:ignore %s "
					    "suppresses nothing on this line or "
					    "the next", st->rule->id));
				if (p >= e || *p != ',')
					break;
				p++;
			}
		}
	}
	for (i = 0; i < out.len; i++)
		tl_vec_push(&s->findings, out.items[i]);
	tl_vec_release(&out, NULL);
}

/*
 * What the configuration and the baseline say about each finding: an
 * override for its path turns its rule off there (the finding is
 * suppressed, with the reason) or changes its severity; a finding whose
 * fingerprint the baseline holds is suppressed.  Excluded paths that
 * rules reporting on names alone still mention are suppressed too.
 */
static void
configure_findings(struct tl_scan *s)
{
	const struct tl_config		*cfg = s->opts->config;
	const struct tl_config_override	*ov = NULL;
	const struct tl_config_rule	*cr;
	struct tl_finding		*fd;
	const char			*glob;
	size_t				 i;

	for (i = 0; i < s->findings.len; i++) {
		fd = s->findings.items[i];
		if (fd->suppressed != NULL)
			continue;
		if (cfg != NULL && fd->path[0] != '\0' &&
		    (glob = tl_config_excluded(cfg, fd->path)) != NULL) {
			fd->suppressed = tl_printf("config: %s excludes %s",
			    cfg->path, glob);
			continue;
		}
		if ((cr = tl_config_override(cfg, fd->rule->id, fd->path,
		    &ov)) != NULL) {
			if (cr->severity == TL_SEV_NONE) {
				fd->suppressed = tl_printf("config: %s turns "
				    "%s off for %s (line %u)", cfg->path,
				    fd->rule->id, (const char *)
				    ov->paths.items[0], cr->line);
				continue;
			}
			fd->severity = cr->severity;
		}
		if (tl_baseline_has(s->opts->baseline, fd->fingerprint))
			fd->suppressed = tl_printf("baseline: %s",
			    s->opts->baseline->path);
	}
}

/* Redact, snip, suppress and fingerprint; findings are in path order. */
static void
finish_findings(struct tl_scan *s)
{
	struct tl_vec		 secrets = TL_VEC_INIT, pieces = TL_VEC_INIT;
	struct tl_finding	*fd;
	const struct tl_file	*f;
	size_t			 i, j, start;
	unsigned		 occ;

	tl_vec_sort(&s->findings, cmp_path_line);
	for (start = 0; start < s->findings.len; start = i) {
		fd = s->findings.items[start];
		/* One group per path: gather its secrets. */
		secrets.len = 0;
		tl_vec_release(&pieces, free);
		for (i = start; i < s->findings.len &&
		    strcmp(((struct tl_finding *)s->findings.items[i])->path,
		    fd->path) == 0; i++) {
			struct tl_finding *g = s->findings.items[i];

			if (g->secret != NULL)
				secret_strings(g->secret, &secrets, &pieces);
		}
		f = fd->path[0] != '\0' ? tl_repo_file(s->repo, fd->path) :
		    NULL;
		for (j = start; j < i; j++) {
			struct tl_finding *g = s->findings.items[j];

			if (g->snippet == NULL)
				g->snippet = make_snippet(f, g->line);
			redact_all(&g->snippet, &secrets);
			clip_snippet(g->snippet);
			redact_all(&g->message, &secrets);
			suppress(s->repo, g);
			occ = occurrences_before(&s->findings, start, j);
			fingerprint(g, occ);
		}
	}
	check_suppressions(s);
	for (i = 0; i < s->findings.len; i++) {
		fd = s->findings.items[i];
		free(fd->secret);
		fd->secret = NULL;
		free(fd->evidence);
		fd->evidence = NULL;
	}
	tl_vec_release(&secrets, NULL);
	tl_vec_release(&pieces, free);
	tl_vec_sort(&s->findings, cmp_report);
}

/* ------------------------------------------------ outcomes and statuses */

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * --since REV / --staged: keep only the findings in files that changed
 * (repository-wide findings go too; findings in history blobs stay: the
 * history walk itself was limited to since..HEAD).  The whole tree was
 * still read, so rules that compare files saw everything.
 */
static int
keep_changed(struct tl_scan *s)
{
	struct tl_vec		 changed = TL_VEC_INIT;
	struct tl_finding	*fd;
	size_t			 i, n = 0;
	int			 error;

	if (s->opts->since == NULL && !s->opts->staged)
		return 0;
	if (!s->repo->git.is_repo) {
		tl_error_set("%s needs a git repository",
		    s->opts->staged ? "--staged" : "--since");
		return TL_EUSAGE;
	}
	if ((error = tl_git_changed(s->repo, s->opts->since, s->opts->staged,
	    &changed)) != 0)
		goto out;
	tl_vec_sort(&changed, cmp_str);
	for (i = 0; i < s->findings.len; i++) {
		fd = s->findings.items[i];
		if (fd->outside || (fd->path[0] != '\0' && bsearch(&fd->path,
		    changed.items, changed.len, sizeof(*changed.items),
		    cmp_str) != NULL))
			s->findings.items[n++] = fd;
		else
			tl_finding_free(fd);
	}
	s->findings.len = n;
out:
	tl_vec_release(&changed, free);
	return error;
}

struct evidence_ctx {
	struct tl_scan		*scan;
	const struct tl_file	*file;
};

/* The rule ran (passed or failed): the file is evidence of its factor. */
static void
evidence_of(void *arg, const char *id)
{
	struct evidence_ctx	*e = arg;
	struct tl_rule_state	*st = state_of(e->scan, id);

	if (st == NULL || st->rule->factor < 1 ||
	    (st->outcome != TL_OUTCOME_PASS && st->outcome != TL_OUTCOME_FAIL))
		return;
	tl_vec_push(&e->scan->factors[st->rule->factor].evidence,
	    tl_strdup(e->file->path));
}

/*
 * Each factor's evidence, in one pass over the files: the files of the
 * kinds a structural rule that ran reads, and the files the detectors of
 * a pattern rule that ran read; ".git" for rules that read git metadata.
 */
static void
collect_evidence(struct tl_scan *s)
{
	struct evidence_ctx	 e;
	const struct tl_rule	*r;
	size_t			 i, k;

	e.scan = s;
	for (i = 0; i < s->repo->nfiles; i++) {
		e.file = s->repo->files[i];
		if (!e.file->loaded)
			continue;
		for (k = 0; k < s->nstates; k++) {
			r = s->states[k].rule;
			if (r->check != NULL &&
			    (r->needs & TL_NEED(e.file->kind)) != 0)
				evidence_of(&e, r->id);
		}
		tl_patterns_file_rules(s->rules->patterns, e.file, evidence_of,
		    &e);
	}
	/* A rule that reads the git metadata (which files are tracked …). */
	for (k = 0; k < s->nstates; k++) {
		r = s->states[k].rule;
		if ((r->needs & TL_NEED_GIT) != 0 && r->factor > 0 &&
		    (s->states[k].outcome == TL_OUTCOME_PASS ||
		    s->states[k].outcome == TL_OUTCOME_FAIL))
			tl_vec_push(&s->factors[r->factor].evidence,
			    tl_strdup(".git"));
	}
}

static void
uniq_sorted(struct tl_vec *v)
{
	size_t	 i, n = 0;

	tl_vec_sort(v, cmp_str);
	for (i = 0; i < v->len; i++) {
		if (n > 0 && strcmp(v->items[n - 1], v->items[i]) == 0) {
			free(v->items[i]);
			continue;
		}
		v->items[n++] = v->items[i];
	}
	v->len = n;
}

static void
summarise(struct tl_scan *s)
{
	struct tl_factor_result	*fr;
	struct tl_rule_state	*st;
	struct tl_finding	*fd;
	struct tl_buf		 why = TL_BUF_INIT;
	unsigned long		 missing;
	size_t			 i, ran;
	int			 f;

	for (i = 0; i < s->findings.len; i++) {
		fd = s->findings.items[i];
		if (fd->suppressed != NULL) {
			s->nsuppressed++;
			continue;
		}
		s->counts[fd->severity]++;
		s->factors[fd->rule->factor].counts[fd->severity]++;
		if ((st = state_of(s, fd->rule->id)) != NULL)
			st->nfindings++;
		if (s->opts->fail_on != TL_SEV_NONE &&
		    fd->severity >= s->opts->fail_on)
			s->exit_code = 1;
	}
	for (i = 0; i < s->nstates; i++) {
		st = &s->states[i];
		if (st->outcome == TL_OUTCOME_PASS && st->nfindings > 0)
			st->outcome = TL_OUTCOME_FAIL;
	}
	collect_evidence(s);
	for (f = 1; f < TL_FACTOR_COUNT; f++) {
		fr = &s->factors[f];
		fr->info = tl_factor_get(f);
		ran = 0;
		missing = 0;
		tl_buf_clear(&why);
		for (i = 0; i < s->nstates; i++) {
			st = &s->states[i];
			if (st->rule->factor != f || !st->selected)
				continue;
			fr->selected = 1;
			if (st->outcome == TL_OUTCOME_PASS ||
			    st->outcome == TL_OUTCOME_FAIL ||
			    st->outcome == TL_OUTCOME_ERROR)
				ran++;
			else if (st->missing != 0)
				missing |= st->missing;
			else if (st->reason != NULL && (why.len == 0 ||
			    strstr(why.data, st->reason) == NULL)) {
				if (why.len > 0)
					tl_buf_adds(&why, "; ");
				tl_buf_adds(&why, st->reason);
			}
		}
		/* One sentence for every file kind the factor's rules lack. */
		if (missing != 0) {
			char *kinds = missing_reason(missing);

			if (why.len > 0)
				tl_buf_adds(&why, "; ");
			tl_buf_adds(&why, kinds);
			free(kinds);
		}
		uniq_sorted(&fr->evidence);
		if (!fr->selected) {
			fr->status = TL_STATUS_NA;
			fr->reason = tl_strdup("not selected");
		} else if (ran == 0) {
			fr->status = TL_STATUS_NA;
			fr->reason = why.len > 0 ? tl_strdup(why.data) :
			    tl_strdup("no rule applies");
		} else if (fr->counts[TL_SEV_ERROR] > 0)
			fr->status = TL_STATUS_FAIL;
		else if (fr->counts[TL_SEV_WARNING] > 0)
			fr->status = TL_STATUS_WARN;
		else
			fr->status = TL_STATUS_PASS;
	}
	tl_buf_release(&why);
}

/* ------------------------------------------------------------------ scan */

static long
now_ms(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int
tl_scan_run(struct tl_scan *s, const struct tl_options *o,
    const struct tl_ruleset *rs)
{
	struct tl_discover_opts	 dopts;
	long			 t0 = now_ms();
	int			 error, rc, f;

	memset(s, 0, sizeof(*s));
	s->opts = o;
	s->rules = rs;
	for (f = 0; f < TL_FACTOR_COUNT; f++)
		s->factors[f].info = tl_factor_get(f);
	states_init(s);
	s->repo = tl_calloc(1, sizeof(*s->repo));
	dopts.max_file_size = o->max_file_size;
	if ((error = tl_discover(s->repo, o->target, &dopts)) != 0)
		return error;
	exclude_files(s);
	load_all(s);
	if (run_rules(s) != 0)
		error = TL_ERR;
	collect_file_findings(s);
	tl_vec_sort(&s->repo->skipped, cmp_skip);
	finish_findings(s);
	configure_findings(s);
	if ((rc = keep_changed(s)) != 0)
		return rc;
	summarise(s);
	s->duration_ms = now_ms() - t0;
	return error;
}

void
tl_scan_release(struct tl_scan *s)
{
	size_t	 i;
	int	 f;

	tl_vec_release(&s->findings, tl_finding_free);
	for (i = 0; i < s->nstates; i++)
		free(s->states[i].reason);
	free(s->states);
	for (f = 0; f < TL_FACTOR_COUNT; f++) {
		tl_vec_release(&s->factors[f].evidence, free);
		free(s->factors[f].reason);
	}
	if (s->repo != NULL) {
		tl_repo_release(s->repo);
		free(s->repo);
	}
	memset(s, 0, sizeof(*s));
}
