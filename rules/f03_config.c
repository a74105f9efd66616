/*
 * f03_config.c: factor III, Config (https://12factor.net/config).
 * Store config in the environment.
 */
#include <ctype.h>
#include <fnmatch.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "common.h"
#include "twelvelint/patterns.h"
#include "twelvelint/template.h"

/* ------------------------------------------------------------- TF0302 */

/* What one history scan carries between blobs. */
struct history_ctx {
	struct tl_check		*c;
	struct tl_pmatcher	*matcher;	/* owned */
	const struct tl_hist_blob *blob;	/* borrowed: the current one */
	struct tl_file		*file;		/* borrowed: the blob as a file */
	struct tl_vec		 seen;		/* char * owned: secrets reported */
	int			 error;
};

/*
 * Only secret detectors run over the history: TF0301's, and TF0402's
 * passwords in connection strings.
 */
static int
want_secrets(void *arg, const char *id)
{
	(void)arg;
	return strcmp(id, "TF0301") == 0 || strcmp(id, "TF0402") == 0;
}

static int
seen_before(struct tl_vec *seen, const char *secret)
{
	size_t	 i;

	for (i = 0; i < seen->len; i++)
		if (strcmp(seen->items[i], secret) == 0)
			return 1;
	tl_vec_push(seen, tl_strdup(secret));
	return 0;
}

static int
on_history_secret(void *arg, const struct tl_pmatch *m)
{
	struct history_ctx	*h = arg;
	char			*secret, day[16];
	unsigned		 line, col;
	time_t			 t;
	struct tm		 tm;
	int			 still;

	secret = tl_strndup(h->file->data + m->sstart, m->send - m->sstart);
	if (seen_before(&h->seen, secret)) {
		free(secret);
		return 0;
	}
	t = (time_t)(h->blob->when + (long long)h->blob->offset * 60);
	if (gmtime_r(&t, &tm) == NULL ||
	    strftime(day, sizeof(day), "%Y-%m-%d", &tm) == 0)
		snprintf(day, sizeof(day), "an unknown day");
	still = tl_git_head_contains(h->c->repo, h->file->path, secret);
	tl_lines_locate(&h->file->lines, m->start, &line, &col);
	h->error = tl_report_secret(h->c, h->file, line, col, secret,
	    "added in commit %.12s on %s, %s (%s)", h->blob->commit, day,
	    still ? "still in HEAD" : "removed since but still in every "
	    "clone", m->message);
	free(secret);
	return h->error;
}

static int
on_history_blob(void *arg, const struct tl_hist_blob *b)
{
	struct history_ctx	*h = arg;
	struct tl_file		 f;
	enum tl_file_kind	 kind;
	enum tl_lang		 lang;
	const char		*slash;

	memset(&f, 0, sizeof(f));
	f.path = (char *)b->path;
	slash = strrchr(b->path, '/');
	f.name = slash != NULL ? slash + 1 : b->path;
	tl_classify(b->path, &kind, &lang, &f.subtype);
	f.kind = kind;
	f.lang = lang;
	f.test = tl_path_is_test(b->path);
	f.vendored = tl_path_is_vendored(b->path);
	f.data = (char *)b->data;
	f.size = b->size;
	f.loaded = 1;
	tl_lines_build(&f.lines, f.data, f.size);
	h->blob = b;
	h->file = &f;
	(void)tl_patterns_scan(h->c->scan->rules->patterns, h->matcher, &f,
	    on_history_secret, h);
	tl_lines_release(&f.lines);
	return h->error;
}

static int	tf0302_check(struct tl_check *);

static const struct tl_rule tf0302 = {
	.id = "TF0302",
	.name = "secret-in-history",
	.factor = TL_FACTOR_CONFIG,
	.severity = TL_SEV_ERROR,
	.needs = TL_NEED_GIT,
	.summary = "secret in git history",
	.rationale =
	    "A secret removed from the working tree is still in every clone: "
	    "the history is part of the codebase and whoever can read the "
	    "repository can read every credential ever committed. With "
	    "--history (every commit of every ref, --history=N for the "
	    "newest N, --since REV for REV..HEAD) the secret detectors of "
	    "TF0301 and the connection-string passwords of TF0402 run over "
	    "each blob a commit added or changed, once "
	    "per blob; each secret is reported once, at the commit that "
	    "first added it, with the commit's author date and whether the "
	    "file in HEAD still holds it. Binary blobs and blobs over "
	    "--max-file-size are passed over; a shallow clone sees only what "
	    "was fetched (TF0105).",
	.fix =
	    "Rotate the credential first: it must be considered leaked. Then "
	    "remove it from the history (git filter-repo --replace-text, or "
	    "BFG) and force-push, and keep secrets in AWS Secrets Manager or "
	    "Systems Manager Parameter Store, read at run time or injected "
	    "by ECS (secrets with valueFrom) or Lambda.",
	.see_also = "gitleaks (git scan); trufflehog git",
	.check = tf0302_check,
};

static int
tf0302_check(struct tl_check *c)
{
	struct tl_hist_opts	 o;
	struct history_ctx	 h;
	int			 error;

	if (!c->scan->opts->history) {
		tl_not_applicable(c, "history not scanned (run with --history)");
		return 0;
	}
	tl_evidence(c, ".git");
	memset(&o, 0, sizeof(o));
	o.max_commits = c->scan->opts->history_max;
	o.since = c->scan->opts->since;
	o.max_blob = c->scan->opts->max_file_size;
	o.progress = c->scan->opts->progress;
	memset(&h, 0, sizeof(h));
	h.c = c;
	h.matcher = tl_pmatcher_new(c->scan->rules->patterns);
	tl_pmatcher_select(h.matcher, want_secrets, NULL);
	tl_vec_init(&h.seen);
	error = tl_git_history(c->repo, &o, on_history_blob, &h);
	tl_pmatcher_free(h.matcher);
	tl_vec_release(&h.seen, free);
	return error;
}

/* ------------------------------------------------------------- TF0304 */

struct env_ctx {
	struct tl_check		*c;
	const struct tl_file	*f;
	const char		*res;	/* borrowed: resource name */
	const char		*container; /* borrowed: ECS container, or NULL */
	const char		*name;	/* borrowed: variable name */
	int			 error;
};

/* A literal a secret-named variable may deploy as: report it. */
static int
env_literal(void *arg, const struct tl_ynode *v)
{
	struct env_ctx	*e = arg;

	if (v->len == 0 || tl_value_is_placeholder(v->value) ||
	    strcasecmp(v->value, "true") == 0 ||
	    strcasecmp(v->value, "false") == 0)
		return 0;
	if (e->container != NULL)
		e->error = tl_report_secret(e->c, e->f, v->line, v->col,
		    v->value, "container '%s' of '%s' sets %s to a literal "
		    "value in Environment instead of Secrets with ValueFrom",
		    e->container, e->res, e->name);
	else
		e->error = tl_report_secret(e->c, e->f, v->line, v->col,
		    v->value, "%s sets %s to a literal value", e->res,
		    e->name);
	return e->error;
}

/* Lambda-style Variables: a mapping of names to values. */
static int
env_map(struct env_ctx *e, const struct tl_ynode *vars)
{
	size_t	 i;

	TL_YMAP_FOREACH(i, vars) {
		e->name = tl_ystr(vars->pairs[i].key);
		if (e->name == NULL || !tl_name_is_secret(e->name))
			continue;
		(void)tl_cfn_literals(vars->pairs[i].value, env_literal, e);
		if (e->error != 0)
			return e->error;
	}
	return 0;
}

static int	tf0304_check(struct tl_check *);

static const struct tl_rule tf0304 = {
	.id = "TF0304",
	.name = "template-secret-literal",
	.factor = TL_FACTOR_CONFIG,
	.severity = TL_SEV_ERROR,
	.needs = TL_NEED(TL_FILE_TEMPLATE),
	.summary = "secret set to a literal in a template's environment",
	.rationale =
	    "Config, and secrets above all, is injected into the environment "
	    "at deploy time and never written into the code; a template is "
	    "code. A Lambda environment variable whose name says "
	    "secret (PASSWORD, SECRET, TOKEN, API_KEY, PRIVATE_KEY, "
	    "CREDENTIALS … in UPPER_SNAKE or camelCase; names ending in ARN, "
	    "NAME, ID, PATH … only point at a secret) set to a literal puts "
	    "the credential in the repository, in every stack's template and "
	    "in the function's configuration for anyone with read access. "
	    "Read: Environment.Variables of AWS::Serverless::Function (and "
	    "SAM Globals) and AWS::Lambda::Function; the containers of "
	    "AWS::ECS::TaskDefinition are TF0306's. Either branch of "
	    "an Fn::If counts; values computed by !Ref, !Sub, !GetAtt or a "
	    "dynamic reference ({{resolve:ssm-secure:…}}, "
	    "{{resolve:secretsmanager:…}}) are not literals, and neither are "
	    "placeholders.",
	.fix =
	    "Store the secret in AWS Secrets Manager or Parameter Store "
	    "(SecureString) and reference it: {{resolve:secretsmanager:"
	    "name:SecretString:key}} in the template, an ECS container's "
	    "Secrets with ValueFrom, or a NoEcho parameter; better, let the "
	    "function read it at run time with the AWS Parameters and "
	    "Secrets Lambda Extension. Rotate the value that was committed.",
	.see_also = "checkov CKV_AWS_45; cfn-lint W1011",
	.check = tf0304_check,
};

static int
tf0304_check(struct tl_check *c)
{
	const struct tl_file	*f;
	const struct tl_cfn_resource *r;
	struct tl_cfn		 cfn;
	struct env_ctx		 e;
	size_t			 i;

	memset(&e, 0, sizeof(e));
	e.c = c;
	TL_FOREACH_FILE(f, c->repo, TL_FILE_TEMPLATE) {
		if (tl_cfn_open(&cfn, f) != 0)
			continue;
		e.f = f;
		for (i = 0; e.error == 0 && i < cfn.nres; i++) {
			r = &cfn.res[i];
			e.res = r->name;
			if (!tl_cfn_type_is(r, "AWS::Serverless::Function") &&
			    !tl_cfn_type_is(r, "AWS::Lambda::Function"))
				continue;
			if (r->props != NULL)
				(void)env_map(&e, tl_ypath(r->props,
				    "Environment.Variables"));
			if (e.error == 0)
				(void)env_map(&e, tl_cfn_prop_global(r,
				    "Environment.Variables"));
		}
		tl_cfn_release(&cfn);
		if (e.error != 0)
			return e.error;
	}
	return 0;
}

/* ------------------------------------------------------------- TF0305 */

static int	tf0305_check(struct tl_check *);
static int	secret_name(const char *);

static const struct tl_rule tf0305 = {
	.id = "TF0305",
	.name = "secret-parameter-echoed",
	.factor = TL_FACTOR_CONFIG,
	.severity = TL_SEV_WARNING,
	.needs = TL_NEED(TL_FILE_TEMPLATE),
	.summary = "secret-looking parameter without NoEcho or with a default",
	.rationale =
	    "A parameter is how a template receives config from the "
	    "environment it is deployed into. One whose name says secret but "
	    "lacks NoEcho: true is shown in clear in the console, the CLI "
	    "and every describe-stacks call; one with a literal Default "
	    "writes the secret into the template, which is code. Parameters "
	    "of type AWS::SSM::Parameter::Value<…> hold a parameter's name, "
	    "not the secret, and are not reported; nor are names that only "
	    "point at a secret or set something about it (…Arn, …Name, …Id, "
	    "…Length, …TtlSeconds).",
	.fix =
	    "Set NoEcho: true and remove the Default; better, do not pass "
	    "the secret as a parameter at all: reference it with "
	    "{{resolve:secretsmanager:…}} or {{resolve:ssm-secure:…}} where "
	    "it is used, or pass the secret's ARN and let the function or "
	    "task read it at run time.",
	.see_also = "cfn-lint W2501; checkov CKV_AWS_25",
	.check = tf0305_check,
};

static int
tf0305_check(struct tl_check *c)
{
	const struct tl_file	*f;
	const struct tl_ynode	*p, *def, *type;
	struct tl_cfn		 cfn;
	const char		*name;
	size_t			 i;
	int			 error = 0, noecho;

	TL_FOREACH_FILE(f, c->repo, TL_FILE_TEMPLATE) {
		if (tl_cfn_open(&cfn, f) != 0)
			continue;
		TL_YMAP_FOREACH(i, cfn.params) {
			if (error != 0)
				break;
			name = tl_ystr(cfn.params->pairs[i].key);
			p = cfn.params->pairs[i].value;
			type = tl_ymap_get(p, "Type");
			if (name == NULL || !secret_name(name) ||
			    (tl_ystr(type) != NULL && tl_str_has_prefix(
			    tl_ystr(type), "AWS::SSM::Parameter")))
				continue;
			noecho = tl_ybool(tl_ymap_get(p, "NoEcho")) == 1 ||
			    tl_yscalar_is(tl_ymap_get(p, "NoEcho"), "true");
			def = tl_ymap_get(p, "Default");
			if (tl_ystr(def) != NULL && def->len > 0 &&
			    !tl_value_is_placeholder(tl_ystr(def)))
				error = tl_report_secret(c, f, def->line,
				    def->col, tl_ystr(def), "parameter %s has "
				    "a literal Default%s", name, noecho ? "" :
				    " and no NoEcho");
			else if (!noecho)
				error = tl_report(c, f,
				    cfn.params->pairs[i].key->line,
				    cfn.params->pairs[i].key->col, name,
				    "parameter %s is shown in clear: it has no "
				    "NoEcho: true", name);
		}
		tl_cfn_release(&cfn);
		if (error != 0)
			return error;
	}
	return 0;
}

/* ------------------------------------------------------------- TF0303 */

/*
 * Words of a file name that make a dotenv file documentation of the
 * config (.env.example, .env.prod-sample) or the test suite's own
 * fixture (.env.test, .env.ci), not a deploy's config.
 */
static const char *const not_config_words[] = {
	"example", "examples", "sample", "samples", "template", "templates",
	"tmpl", "tpl", "dist", "default", "defaults", "schema", "test",
	"testing", "ci", "e2e", "spec", NULL
};

static int
is_documentation(const char *name)
{
	return tl_str_has_suffix(name, ".in") ||
	    tl_has_word(name, ".-_", not_config_words);
}

/*
 * Variables that frameworks inline into the browser bundle: public by
 * design, the way Vite, Next.js, Create React App and Vue CLI expect
 * .env files to be committed.
 */
static const char *const public_prefixes[] = {
	"VITE_", "NEXT_PUBLIC_", "REACT_APP_", "VUE_APP_", "NUXT_PUBLIC_",
	"EXPO_PUBLIC_", "GATSBY_", "PUBLIC_", NULL
};

static int
all_public(const struct tl_dotenv *d)
{
	size_t	 i, k;

	if (d == NULL || d->nvars == 0)
		return 0;
	for (i = 0; i < d->nvars; i++) {
		for (k = 0; public_prefixes[k] != NULL; k++)
			if (tl_str_has_prefix(d->vars[i].key,
			    public_prefixes[k]))
				break;
		if (public_prefixes[k] == NULL)
			return 0;
	}
	return 1;
}

/* Keystores that are never anything but key material, by name. */
static int
is_keystore(const char *name)
{
	return tl_str_has_suffix(name, ".p12") ||
	    tl_str_has_suffix(name, ".pfx") || tl_str_has_suffix(name, ".jks") ||
	    tl_str_has_suffix(name, ".keystore");
}

/*
 * The first line of a credentials file that holds a secret (0 when none):
 * a private key block, a registry token, a password or an AWS secret key
 * with a literal value.
 */
static unsigned
credential_line(const struct tl_file *f, char **secret)
{
	static const char *const keys[] = {
		"PRIVATE KEY-----", "_authToken=", "_auth=", "_password=",
		"aws_secret_access_key", "aws_session_token", "password",
		NULL
	};
	const char	*p, *k, *v;
	size_t		 len, i;
	unsigned	 line;

	for (line = 1; line <= f->lines.n; line++) {
		p = tl_lines_get(&f->lines, f->data, f->size, line, &len);
		for (i = 0; keys[i] != NULL; i++) {
			k = tl_memcasemem(p, len, keys[i], strlen(keys[i]));
			if (k == NULL)
				continue;
			if (i == 0) {
				*secret = NULL;
				return line;
			}
			/* The value after '=', ':' or white space. */
			v = k + strlen(keys[i]);
			while (v < p + len && (*v == ' ' || *v == '=' ||
			    *v == ':' || *v == '\t'))
				v++;
			if (v < p + len && *v != '$' && *v != '<') {
				*secret = tl_strndup(v, (size_t)(p + len - v));
				return line;
			}
		}
	}
	/* .git-credentials: https://user:token@host */
	if (strcmp(f->name, ".git-credentials") == 0 && f->size > 0) {
		p = tl_lines_get(&f->lines, f->data, f->size, 1, &len);
		*secret = tl_strndup(p, len);
		return 1;
	}
	return 0;
}

static int	tf0303_check(struct tl_check *);

static const struct tl_rule tf0303 = {
	.id = "TF0303",
	.name = "tracked-secrets-file",
	.factor = TL_FACTOR_CONFIG,
	.severity = TL_SEV_ERROR,
	.needs = TL_NEED(TL_FILE_DOTENV) | TL_NEED(TL_FILE_CREDENTIALS) |
	    TL_NEED_GIT,
	.summary = "dotenv or credentials file tracked by git",
	.rationale =
	    "Config varies between deploys, code does not: a file of "
	    "environment values or credentials committed to the repository "
	    "makes one deploy's config part of every deploy's code, and "
	    "puts its secrets in the history of every clone. Reported as an "
	    "error when the file holds a secret-looking value (a variable "
	    "whose name says secret with a literal value, a private key, a "
	    "registry token or password), as a warning otherwise. Not "
	    "reported: files whose name has a word example, sample, "
	    "template, dist, defaults or schema (.env.example, "
	    ".env.prod-sample: they document the config), or test, ci, e2e "
	    "(.env.test: the test suite's fixture); dotenv files whose every "
	    "variable is a public browser-bundle one (VITE_, NEXT_PUBLIC_, "
	    "REACT_APP_, VUE_APP_ …); certificates (public); test code and "
	    "vendored trees.",
	.fix =
	    "Remove the file from git (git rm --cached FILE), add it to "
	    ".gitignore, rotate every secret it held, and inject the values "
	    "at deploy time: AWS Systems Manager Parameter Store or Secrets "
	    "Manager, referenced from the ECS task definition (secrets with "
	    "valueFrom) or the Lambda environment. Commit a .env.example "
	    "with placeholders instead.",
	.see_also = "gitleaks (generic findings in .env); checkov CKV_SECRET_*",
	.check = tf0303_check,
};

static int
tf0303_check(struct tl_check *c)
{
	const struct tl_file	*f;
	const struct tl_env_var	*v;
	size_t			 i, j;
	char			*secret = NULL;
	unsigned		 line;
	int			 error = 0;

	for (i = 0; i < c->repo->nfiles && error == 0; i++) {
		f = c->repo->files[i];
		secret = NULL;
		if (!f->tracked || f->test || f->vendored ||
		    is_documentation(f->name))
			continue;
		if (f->kind == TL_FILE_DOTENV) {
			if (all_public(f->dotenv))
				continue;
			line = 0;
			for (j = 0; f->dotenv != NULL &&
			    j < f->dotenv->nvars; j++) {
				v = &f->dotenv->vars[j];
				if (tl_name_is_secret(v->key) &&
				    !tl_value_is_placeholder(v->value)) {
					line = v->line;
					break;
				}
			}
			c->lesser = line == 0;
			if (line != 0)
				error = tl_report_secret(c, f, line, 1,
				    v->value, "%s is committed and sets %s to "
				    "a literal value", f->name, v->key);
			else
				error = tl_report(c, f, 1, 1, f->path,
				    "%s is committed: config for one deploy "
				    "is now part of the code", f->name);
			c->lesser = 0;
		} else if (f->kind == TL_FILE_CREDENTIALS) {
			if (is_keystore(f->name))
				error = tl_report(c, f, 0, 0, f->path,
				    "keystore %s is committed", f->name);
			else if (f->loaded &&
			    (line = credential_line(f, &secret)) != 0) {
				/* A key block's first line is not the secret. */
				if (secret == NULL)
					error = tl_report(c, f, line, 1,
					    f->path, "%s is committed and holds "
					    "a private key", f->name);
				else
					error = tl_report_secret(c, f, line, 1,
					    secret, "%s is committed and holds "
					    "a credential", f->name);
				free(secret);
			}
		}
	}
	return error;
}

/* ------------------------------------- secret values: TF0306 TF0307 TF0309 */

/* Is c a character of a variable reference after '$'? */
static int
ref_char(int c)
{
	return c == '{' || c == '_' || (c >= 'A' && c <= 'Z') ||
	    (c >= 'a' && c <= 'z');
}

/*
 * Is a value, set for a secret-looking name, not a literal secret: a
 * placeholder or reference (tl_value_is_placeholder()), a $NAME reference
 * anywhere in it ("$$" is a literal '$'), a boolean or flag
 * (MYSQL_ALLOW_EMPTY_PASSWORD=yes, SECRET_KEY_BASE_DUMMY=1), or the
 * path of a file that holds the secret (/run/secrets/db-password)?
 */
static int
not_literal(const char *v)
{
	static const char *const bools[] = {
		"true", "false", "yes", "no", "on", "off", "0", "1", NULL
	};
	const char	*p;
	size_t		 i;

	if (tl_value_is_placeholder(v))
		return 1;
	for (p = v; (p = strchr(p, '$')) != NULL; p++) {
		if (p[1] == '$')	/* compose's escaped '$' */
			p++;
		else if (ref_char((unsigned char)p[1]))
			return 1;
	}
	for (i = 0; bools[i] != NULL; i++)
		if (strcasecmp(v, bools[i]) == 0)
			return 1;
	if ((v[0] == '/' || strncmp(v, "./", 2) == 0 ||
	    strncmp(v, "~/", 2) == 0) && strchr(v + 1, '/') != NULL) {
		for (p = v; *p != '\0'; p++)
			if (strchr("/._-~", *p) == NULL &&
			    !(*p >= '0' && *p <= '9') &&
			    !(*p >= 'a' && *p <= 'z') &&
			    !(*p >= 'A' && *p <= 'Z'))
				break;
		if (*p == '\0')
			return 1;
	}
	return 0;
}

/*
 * Words that make a secret-looking name a setting about the secret
 * rather than the secret (PASSWORD_HASH_ALGORITHM, JWT_SECRET_EXPIRES_IN,
 * PASSWORD_RESET_TIMEOUT), beyond the allowlist of tl_name_is_secret().
 */
static const char *const setting_words[] = {
	"ALGORITHM", "ALGO", "METHOD", "MODE", "COST", "ROUNDS", "ITERATIONS",
	"MIN", "MAX", "LENGTH", "STRENGTH", "COMPLEXITY", "BITS", "SIZE",
	"DIGEST", "SCHEME", "FORMAT", "EXPIRES", "EXPIRY", "EXPIRATION", "TTL",
	"TIMEOUT", "LIFETIME", "REQUIRED", "ENABLED", "DISABLED", "ENABLE",
	"DISABLE", NULL
};

/* Does a variable name say it holds a secret, not a setting about one? */
static int
secret_name(const char *name)
{
	return tl_name_is_secret(name) &&
	    !tl_has_word(name, "_-.", setting_words);
}

/* ------------------------------------------------------------- TF0306 */

/*
 * The container definitions of a task definition, also as
 * describe-task-definition prints it.
 */
static const struct tl_ynode *
container_defs(const struct tl_ydoc *doc)
{
	const struct tl_ynode	*cds;

	if (doc == NULL || doc->nroots == 0)
		return NULL;
	cds = tl_ymap_get(doc->roots[0], "containerDefinitions");
	if (cds == NULL)
		cds = tl_ypath(doc->roots[0],
		    "taskDefinition.containerDefinitions");
	return cds != NULL && cds->type == TL_YSEQ ? cds : NULL;
}

static int	tf0306_check(struct tl_check *);

static const struct tl_rule tf0306 = {
	.id = "TF0306",
	.name = "taskdef-secret-in-environment",
	.factor = TL_FACTOR_CONFIG,
	.severity = TL_SEV_ERROR,
	.needs = TL_NEED(TL_FILE_TASKDEF) | TL_NEED(TL_FILE_TEMPLATE),
	.summary = "secret in an ECS task definition's environment",
	.rationale =
	    "Config, and above all credentials, is injected into the "
	    "deploy, not written into the code. A task definition kept in "
	    "the repository that puts a password or token in a container's "
	    "environment commits the secret to git, shows it in plain text "
	    "to everyone who can describe the task definition, and bakes it "
	    "into every revision. Checked: JSON task definitions "
	    "(containerDefinitions, also under taskDefinition as "
	    "describe-task-definition prints it): each environment entry "
	    "whose name says secret (PASSWORD, SECRET, TOKEN, API_KEY, "
	    "PRIVATE_KEY, CREDENTIALS …; names that only point at a secret, "
	    "such as …_ARN, …_FILE or …_PARAMETER, do not) with a literal "
	    "value. Not reported: empty values, placeholders (changeme, "
	    "<password>, xxxx), references (${DB_PASSWORD}, {{…}}), "
	    "booleans and file paths. Also read: the ContainerDefinitions "
	    "Environment of AWS::ECS::TaskDefinition resources in "
	    "CloudFormation/SAM templates, where either branch of an Fn::If "
	    "counts and values computed by !Ref, !Sub, !GetAtt or a dynamic "
	    "reference ({{resolve:secretsmanager:…}}) are not literals.",
	.fix =
	    "Store the secret in AWS Secrets Manager or as a SecureString "
	    "in Systems Manager Parameter Store and move the entry from "
	    "environment to secrets: {\"name\": \"DB_PASSWORD\", "
	    "\"valueFrom\": \"arn:aws:secretsmanager:…\"}; grant the task "
	    "execution role secretsmanager:GetSecretValue or "
	    "ssm:GetParameters on it (in a template: Secrets: [{Name: "
	    "DB_PASSWORD, ValueFrom: !Ref DbSecret}]). Rotate the value "
	    "that was committed.",
	.see_also = NULL,
	.check = tf0306_check,
};

/* The Environment of the containers of AWS::ECS::TaskDefinition resources. */
static int
tf0306_template(struct tl_check *c, const struct tl_file *f)
{
	const struct tl_cfn_resource *r;
	const struct tl_ynode	*defs, *envs, *ev, *cn;
	struct tl_cfn		 cfn;
	struct env_ctx		 e;
	char			 num[32];
	size_t			 j, k;

	if (tl_cfn_open(&cfn, f) != 0)
		return 0;
	memset(&e, 0, sizeof(e));
	e.c = c;
	e.f = f;
	TL_CFN_FOREACH(r, &cfn, "AWS::ECS::TaskDefinition") {
		e.res = r->name;
		defs = tl_cfn_prop(r, "ContainerDefinitions");
		TL_YSEQ_FOREACH(j, defs) {
			cn = tl_ymap_get(defs->items[j], "Name");
			snprintf(num, sizeof(num), "#%zu", j + 1);
			e.container = cn != NULL && cn->tag == NULL &&
			    tl_ystr(cn) != NULL ? tl_ystr(cn) : num;
			envs = tl_ymap_get(defs->items[j], "Environment");
			TL_YSEQ_FOREACH(k, envs) {
				ev = envs->items[k];
				e.name = tl_ystr(tl_ymap_get(ev, "Name"));
				if (e.error != 0 || e.name == NULL ||
				    !secret_name(e.name))
					continue;
				(void)tl_cfn_literals(tl_ymap_get(ev, "Value"),
				    env_literal, &e);
			}
		}
	}
	tl_cfn_release(&cfn);
	return e.error;
}

static int
tf0306_check(struct tl_check *c)
{
	const struct tl_file	*f;
	const struct tl_ynode	*cds, *env, *item, *val;
	const char		*cname, *key, *value;
	size_t			 i, j;
	int			 error = 0;

	TL_FOREACH_FILE(f, c->repo, TL_FILE_TEMPLATE)
		if ((error = tf0306_template(c, f)) != 0)
			return error;
	TL_FOREACH_FILE(f, c->repo, TL_FILE_TASKDEF) {
		if ((cds = container_defs(f->doc)) == NULL)
			continue;
		TL_YSEQ_FOREACH(i, cds) {
			cname = tl_ystr(tl_ymap_get(cds->items[i], "name"));
			env = tl_ymap_get(cds->items[i], "environment");
			TL_YSEQ_FOREACH(j, env) {
				item = env->items[j];
				key = tl_ystr(tl_ymap_get(item, "name"));
				val = tl_ymap_get(item, "value");
				value = tl_ystr(val);
				if (key == NULL || value == NULL ||
				    !secret_name(key) ||
				    not_literal(value))
					continue;
				error = tl_report_secret(c, f, val->line,
				    val->col, value, "container '%s' sets %s "
				    "to a literal value in environment instead "
				    "of secrets with valueFrom",
				    cname != NULL ? cname : "?", key);
				if (error != 0)
					return error;
			}
		}
	}
	return 0;
}

/* ------------------------------------------------------------- TF0307 */

/*
 * Where the pair key=… of an instruction is written: the line and column
 * of its key between the instruction's first and last line; the
 * keyword's line when it cannot be found.
 */
static unsigned
kv_position(const struct tl_file *f, const struct tl_df_instr *in,
    const char *key, unsigned *col)
{
	const char	*p, *k;
	size_t		 len, klen = strlen(key), off;
	unsigned	 l;

	for (l = in->line; l <= in->end_line && l <= f->lines.n; l++) {
		p = tl_lines_get(&f->lines, f->data, f->size, l, &len);
		for (off = 0; p != NULL && off < len;
		    off = (size_t)(k - p) + 1) {
			k = tl_memcasemem(p + off, len - off, key, klen);
			if (k == NULL)
				break;
			/* A whole word, followed by '=' or a blank. */
			if ((k == p || k[-1] == ' ' || k[-1] == '\t' ||
			    k[-1] == '"' || k[-1] == '\'') &&
			    (k + klen == p + len || k[klen] == '=' ||
			    k[klen] == ' ' || k[klen] == '\t' ||
			    k[klen] == '"' || k[klen] == '\'')) {
				*col = (unsigned)(k - p) + 1;
				return l;
			}
		}
	}
	*col = 1;
	return in->line;
}

static int	tf0307_check(struct tl_check *);

static const struct tl_rule tf0307 = {
	.id = "TF0307",
	.name = "dockerfile-secret-env",
	.factor = TL_FACTOR_CONFIG,
	.severity = TL_SEV_ERROR,
	.needs = TL_NEED(TL_FILE_DOCKERFILE),
	.summary = "secret set in a Dockerfile ENV or ARG",
	.rationale =
	    "An image is a build artefact that every deploy shares; config "
	    "that varies between deploys, and credentials above all, is "
	    "injected when the container starts. An ENV with a secret value "
	    "is baked into every layer after it and shown by docker inspect "
	    "to anyone who can pull the image; an ARG default is committed "
	    "with the Dockerfile and recorded in the image history of the "
	    "stage that uses it. Checked: every ENV and ARG of every stage "
	    "(both the KEY=value and the legacy ENV KEY value forms) whose "
	    "name says secret (PASSWORD, SECRET, TOKEN, API_KEY, "
	    "PRIVATE_KEY, CREDENTIALS …) and whose value is a literal. Not "
	    "reported: ARG without a value (ARG NPM_TOKEN), values that "
	    "reference another variable (${API_KEY}, $TOKEN), empty values, "
	    "placeholders (changeme, <token>, xxxx), booleans, file paths "
	    "(SECRET_KEY_FILE=/run/secrets/key, also by the value), names "
	    "that only point at or describe a secret (…_FILE, …_PATH, "
	    "…_LENGTH, …_ARN), and Dockerfiles named for local development "
	    "(Dockerfile.dev, .devcontainer/): a real key in those is found "
	    "by its shape by the secret patterns of TF0301.",
	.fix =
	    "Remove the value from the Dockerfile and rotate it. Pass "
	    "run-time secrets to the container from AWS Secrets Manager or "
	    "Systems Manager Parameter Store (ECS task definition secrets "
	    "with valueFrom); for a secret the build itself needs (a "
	    "private registry token), use a BuildKit secret mount: RUN "
	    "--mount=type=secret,id=npm_token …, which never lands in a "
	    "layer or the history.",
	.see_also = NULL,
	.check = tf0307_check,
};

static int
tf0307_check(struct tl_check *c)
{
	const struct tl_file	*f;
	const struct tl_df_instr *in;
	const struct tl_df_kv	*kv;
	size_t			 i, k;
	unsigned		 line, col;
	int			 env, error = 0;

	TL_FOREACH_FILE(f, c->repo, TL_FILE_DOCKERFILE) {
		if (f->docker == NULL || tl_path_is_dev_artefact(f->path))
			continue;
		for (i = 0; i < f->docker->ninstrs; i++) {
			in = &f->docker->instrs[i];
			env = strcmp(in->keyword, "ENV") == 0;
			if (!env && strcmp(in->keyword, "ARG") != 0)
				continue;
			for (k = 0; k < in->nkv; k++) {
				kv = &in->kv[k];
				if (kv->value == NULL ||
				    !secret_name(kv->key) ||
				    not_literal(kv->value))
					continue;
				line = kv_position(f, in, kv->key, &col);
				error = tl_report_secret(c, f, line, col,
				    kv->value, env ? "ENV sets %s to a "
				    "literal value: it is baked into the "
				    "image" : "ARG %s has a literal default "
				    "value: it is committed and kept in the "
				    "image history", kv->key);
				if (error != 0)
					return error;
			}
		}
	}
	return 0;
}

/* ------------------------------------------ named deploys: TF0308 TF0310 */

/* Names of deploys beyond a developer's own machine. */
static const char *const deploy_words[] = {
	"production", "prod", "staging", "stage", "stg", "qa", "uat",
	"preprod", "preproduction", NULL
};

/* Is w one of the words of s (split at '.', '-', '_', '/', '*')? */
static const char *
word_in(const char *s, const char *const *words)
{
	char		*copy, *w, *save = NULL;
	const char	*hit = NULL;
	size_t		 i;

	copy = tl_strdup(s);
	for (w = strtok_r(copy, ".-_/*", &save); w != NULL && hit == NULL;
	    w = strtok_r(NULL, ".-_/*", &save))
		for (i = 0; words[i] != NULL; i++)
			if (strcasecmp(w, words[i]) == 0) {
				hit = words[i];
				break;
			}
	free(copy);
	return hit;
}

/* The deploy a name is named for ("prod", "staging" …, static), or NULL. */
static const char *
deploy_word(const char *name)
{
	return word_in(name, deploy_words);
}

/* The last component of a path, trailing '/' ignored, owned. */
static char *
last_component(const char *path)
{
	size_t		 n = strlen(path);
	const char	*b;

	while (n > 1 && path[n - 1] == '/')
		n--;
	for (b = path + n; b > path && b[-1] != '/'; b--)
		continue;
	return tl_strndup(b, (size_t)(path + n - b));
}

/* Name of the directory a path is in ("" at the top), owned. */
static char *
parent_name(const char *path)
{
	char	*dir, *name;

	dir = tl_path_dir(path);
	name = last_component(dir);
	free(dir);
	return name;
}

/* Extensions of files that hold application config. */
static const char *const config_exts[] = {
	".json", ".json5", ".yml", ".yaml", ".properties", ".toml", ".ini",
	".conf", ".cfg", ".xml", ".py", ".js", ".cjs", ".mjs", ".ts", NULL
};

/* Words of a name that say it is the application's config. */
static const char *const config_words[] = {
	"config", "configuration", "settings", "application", "appsettings",
	"bootstrap", "app", "conf", "secrets", NULL
};

/* Directories whose files are the application's config. */
static const char *const config_dirs[] = {
	"config", "configs", "conf", "settings", NULL
};

/*
 * Words of build-tool and front-end build-mode files: webpack.prod.js,
 * vite.config.production.ts, Angular's environment.prod.ts.
 */
static const char *const build_words[] = {
	"webpack", "vite", "rollup", "babel", "tsconfig", "jest", "karma",
	"eslint", "esbuild", "postcss", "tailwind", "gulpfile", "environment",
	"environments", "docker", "compose", "tsup", "next", "nuxt", NULL
};

static int
has_ext(const char *name, const char *const *exts)
{
	size_t	 i;

	for (i = 0; exts[i] != NULL; i++)
		if (tl_str_has_suffix(name, exts[i]))
			return 1;
	return 0;
}

/*
 * The deploy a config file is named for, or NULL: a config extension, a
 * deploy word in its name, and a config word in its name or a config
 * directory above it (config/production.json, settings_prod.py,
 * application-prod.yml, appsettings.Production.json).
 */
static const char *
config_file_deploy(const struct tl_file *f)
{
	const char	*d;
	char		*dir;
	int		 config;

	if (!has_ext(f->name, config_exts) ||
	    (d = deploy_word(f->name)) == NULL ||
	    word_in(f->name, build_words) != NULL ||
	    is_documentation(f->name))
		return NULL;
	config = word_in(f->name, config_words) != NULL;
	if (!config) {
		dir = parent_name(f->path);
		config = word_in(dir, config_dirs) != NULL &&
		    strchr(dir, '.') == NULL;
		free(dir);
	}
	return config ? d : NULL;
}

/* ------------------------------------------------------------- TF0308 */

static int	tf0308_check(struct tl_check *);

static const struct tl_rule tf0308 = {
	.id = "TF0308",
	.name = "config-in-named-environments",
	.factor = TL_FACTOR_CONFIG,
	.severity = TL_SEV_WARNING,
	.needs = 0,
	.summary = "config grouped into named environments",
	.rationale =
	    "Twelve-factor config is a set of independent variables, one "
	    "set per deploy, kept outside the code. Grouping it into named "
	    "environments (production, staging, qa) in files or branches of "
	    "the code does not scale: every new deploy needs a new file or "
	    "branch in the codebase, and the code knows which deploys "
	    "exist. Reported: a config file (.json .yml .yaml .properties "
	    ".toml .ini .conf .cfg .xml, or .py/.js/.ts) whose name has a "
	    "deploy word (production, prod, staging, stage, stg, qa, uat, "
	    "preprod) and either a config word (config, settings, "
	    "application, appsettings, bootstrap, app, conf, secrets) or a "
	    "config/, configs/, conf/ or settings/ directory above it: "
	    "config/production.json, settings_prod.py, "
	    "settings/production.py, appsettings.Production.json, and Spring "
	    "profiles named for a deploy (application-prod.yml): the profile "
	    "is the framework's convention, but a profile per deploy is "
	    "still config grouped by environment in the code. With the "
	    "pattern detectors of the config pack: code comparing an "
	    "environment-name variable (…ENV, …ENVIRONMENT, STAGE) with the "
	    "name of a deploy (staging, qa, uat, preprod, prod), "
	    "Rails.env.staging?, and Flask's "
	    "from_object('config.ProductionConfig'). Not reported: "
	    "comparisons with \"production\" or \"development\" (NODE_ENV, "
	    "RAILS_ENV: a build or run mode that frameworks define, not a "
	    "deploy), development and test files (settings_dev.py, "
	    "config/test.json), Rails config/environments/*.rb and Angular "
	    "environment.prod.ts (framework build modes), build-tool "
	    "configs (webpack.prod.js), deploy descriptors (compose files, "
	    "templates, Helm values, .env.production: TF0303), example and "
	    "sample files, test code and vendored trees.",
	.fix =
	    "Keep one config file of defaults and read every value that "
	    "varies between deploys from the environment (Spring relaxed "
	    "binding, ASP.NET Core environment variables, node-config's "
	    "custom-environment-variables, django-environ). Set the values "
	    "per deploy where the deploy is described: the ECS task "
	    "definition's environment and secrets (from Systems Manager "
	    "Parameter Store or Secrets Manager), the Lambda function's "
	    "Environment; branch on feature flags (AWS AppConfig), not on "
	    "the deploy's name.",
	.see_also = NULL,
	.check = tf0308_check,
};

static int
tf0308_check(struct tl_check *c)
{
	const struct tl_file	*f;
	const char		*d;
	size_t			 i;
	int			 error = 0;

	for (i = 0; i < c->repo->nfiles && error == 0; i++) {
		f = c->repo->files[i];
		if (f->test || f->vendored || tl_path_is_docs(f->path) ||
		    (f->kind != TL_FILE_JSON && f->kind != TL_FILE_YAML &&
		    f->kind != TL_FILE_OTHER && f->kind != TL_FILE_SOURCE))
			continue;
		if ((d = config_file_deploy(f)) == NULL)
			continue;
		tl_evidence(c, f->path);
		error = tl_report(c, f, 0, 0, f->path, "%s holds config for "
		    "the '%s' deploy: each new deploy needs a new file in the "
		    "code", f->name, d);
	}
	return error;
}

/* ------------------------------------------------------------- TF0309 */

/* Values anyone would guess: the defaults of sample stacks and images. */
static const char *const weak_defaults[] = {
	"postgres", "postgresql", "pg", "root", "toor", "admin",
	"administrator", "pass", "passw0rd", "pwd", "mysql", "mariadb",
	"mongo", "mongodb", "redis", "rabbitmq", "guest", "test", "user",
	"default", "demo", "local", "dev", "development", "qwerty", "letmein",
	"abc123", "master", "minioadmin", "sa", "app", NULL
};

/* Compose files that only configure a local development stack. */
static int
compose_is_dev(const struct tl_file *f)
{
	return tl_path_is_dev_artefact(f->path) ||
	    strstr(f->name, "override") != NULL;
}

/*
 * Compose files named for a shared or production deploy
 * (docker-compose.prod.yml, compose.staging.yaml): a weak default there
 * is a real, guessable credential.
 */
static int
compose_is_deploy(const struct tl_file *f)
{
	static const char *const words[] = {
		"prod", "production", "staging", "stage", "live", "release",
		"deploy", NULL
	};

	return tl_has_word(f->name, ".-_", words);
}

/*
 * A weak local default: a well-known default, a number of at most 8
 * digits, or one of the file's own words (service, image, user and
 * database names) with at most 4 characters around it ("umami",
 * "petclinic", "somewordpress", "gitea1").
 */
static int
weak_value(const char *v, const struct tl_vec *words)
{
	const char	*w;
	size_t		 i, n = strlen(v), wl;

	for (i = 0; weak_defaults[i] != NULL; i++)
		if (strcasecmp(v, weak_defaults[i]) == 0)
			return 1;
	if (n > 0 && n <= 8 && strspn(v, "0123456789") == n)
		return 1;
	for (i = 0; i < words->len; i++) {
		w = words->items[i];
		wl = strlen(w);
		if (wl < 3 || wl > n || n - wl > 4)
			continue;
		if (tl_memcasemem(v, n, w, wl) != NULL)
			return 1;
	}
	return 0;
}

/* A word-like value ([A-Za-z0-9_.-], 3 to 40 characters) for the context. */
static void
add_word(struct tl_vec *words, const char *s, size_t n)
{
	size_t	 i;

	if (n < 3 || n > 40)
		return;
	for (i = 0; i < n; i++)
		if (strchr("_.-", s[i]) == NULL &&
		    !(s[i] >= '0' && s[i] <= '9') &&
		    !(s[i] >= 'a' && s[i] <= 'z') &&
		    !(s[i] >= 'A' && s[i] <= 'Z'))
			return;
	tl_vec_push(words, tl_strndup(s, n));
}

/* The name of an image: "docker.io/library/postgres:15" -> "postgres". */
static void
add_image_word(struct tl_vec *words, const char *image)
{
	const char	*b, *e;

	if (image == NULL)
		return;
	b = strrchr(image, '/');
	b = b != NULL ? b + 1 : image;
	e = b + strcspn(b, ":@");
	add_word(words, b, (size_t)(e - b));
}

/* One environment or build-args entry: KEY and its value (NULL: none). */
struct env_entry {
	const char		*key;		/* borrowed (doc) or entry's */
	const char		*value;		/* borrowed (doc) or entry's */
	const struct tl_ynode	*node;		/* borrowed (doc): where */
	char			 buf[256];	/* KEY of a "KEY=value" item */
};

/* Entry i of a map or list; 0 when it has no KEY=value. */
static int
env_entry(const struct tl_ynode *env, size_t i, struct env_entry *e)
{
	const char	*s, *eq;
	size_t		 n;

	memset(e, 0, sizeof(*e));
	if (env->type == TL_YMAP) {
		e->key = tl_ystr(env->pairs[i].key);
		e->value = tl_ynull(env->pairs[i].value) ? NULL :
		    tl_ystr(env->pairs[i].value);
		e->node = env->pairs[i].value;
	} else {
		s = tl_ystr(env->items[i]);
		if (s == NULL || (eq = strchr(s, '=')) == NULL)
			return 0;
		n = (size_t)(eq - s);
		if (n == 0 || n >= sizeof(e->buf))
			return 0;
		memcpy(e->buf, s, n);
		e->buf[n] = '\0';
		e->key = e->buf;
		e->value = eq + 1;
		e->node = env->items[i];
	}
	return e->key != NULL && e->value != NULL;
}

/* The environment map or list of a service, and its build args. */
static const struct tl_ynode *
service_vars(const struct tl_ynode *svc, int which)
{
	const struct tl_ynode	*n;

	n = which == 0 ? tl_ymap_get(svc, "environment") :
	    tl_ymap_get(tl_ymap_get(svc, "build"), "args");
	return n != NULL && (n->type == TL_YMAP || n->type == TL_YSEQ) ?
	    n : NULL;
}

/* Words of a compose file that a weak local password repeats. */
static void
compose_words(const struct tl_ynode *svcs, struct tl_vec *words)
{
	const struct tl_ynode	*svc, *vars;
	struct env_entry	 e;
	const char		*s;
	size_t			 i, j;
	int			 w;

	TL_YMAP_FOREACH(i, svcs) {
		svc = svcs->pairs[i].value;
		if ((s = tl_ystr(svcs->pairs[i].key)) != NULL)
			add_word(words, s, strlen(s));
		add_image_word(words, tl_ystr(tl_ymap_get(svc, "image")));
		for (w = 0; w < 2; w++) {
			vars = service_vars(svc, w);
			for (j = 0; vars != NULL &&
			    j < vars->npairs + vars->nitems; j++)
				if (env_entry(vars, j, &e) &&
				    !secret_name(e.key))
					add_word(words, e.value,
					    strlen(e.value));
		}
	}
}

static int	tf0309_check(struct tl_check *);

static const struct tl_rule tf0309 = {
	.id = "TF0309",
	.name = "compose-secret-literal",
	.factor = TL_FACTOR_CONFIG,
	.severity = TL_SEV_ERROR,
	.needs = TL_NEED(TL_FILE_COMPOSE) | TL_NEED(TL_FILE_BUILDSPEC),
	.summary = "secret set to a literal in a compose file or buildspec",
	.rationale =
	    "Credentials are config: they belong to a deploy and are "
	    "injected from outside, not committed with the code. A compose "
	    "file that writes a password or token into a service's "
	    "environment (map form KEY: value or list form - KEY=value) or "
	    "build args puts it in git and in every clone. Checked: "
	    "variables whose name says secret (PASSWORD, SECRET, TOKEN, "
	    "API_KEY, CREDENTIALS …) set to a literal. Not reported: "
	    "${VAR} substitution, empty values, placeholders (changeme, "
	    "example, <token>), booleans, file paths and …_FILE names "
	    "(POSTGRES_PASSWORD_FILE: /run/secrets/db, the Docker secrets "
	    "way); compose files named for local development "
	    "(docker-compose.dev.yml, docker-compose.override.yml, "
	    ".devcontainer/, …test…); and weak local defaults that protect "
	    "nothing because anyone would guess them: a well-known default "
	    "(postgres, root, admin, pass, guest …), a short number, or a "
	    "word of the file itself, the service, image, user or database "
	    "name with at most four characters around it "
	    "(POSTGRES_USER: umami with POSTGRES_PASSWORD: umami). Those "
	    "mark a throwaway local stack, not a leaked secret; a real key "
	    "in any of them is found by its shape by TF0301. In a compose "
	    "file named for a deploy (…prod…, …production…, …staging…, "
	    "…live…, …release…, …deploy…) weak defaults are reported too: "
	    "there they are real, guessable credentials. A CodeBuild "
	    "buildspec's env.variables are read the same way, weak values "
	    "included (the build runs in the account): its parameter-store "
	    "and secrets-manager sections are the way to do it, and a value "
	    "with a $ in it is not reported. Other CI files are not read by "
	    "this rule.",
	.fix =
	    "Substitute the value from the environment or an untracked "
	    ".env file (DB_PASSWORD: ${DB_PASSWORD:?}), or use compose "
	    "secrets: (file or environment sources, read from "
	    "/run/secrets/NAME or via the image's _FILE variables). In AWS, "
	    "keep it in Secrets Manager or Parameter Store and reference it "
	    "from the ECS task definition (secrets with valueFrom); in a "
	    "buildspec, move it to env: parameter-store: (NAME: "
	    "/path/in/ssm) or env: secrets-manager: (NAME: secret-id:key). "
	    "Rotate the value that was committed.",
	.see_also = NULL,
	.check = tf0309_check,
};

/* Report the secret literals of one service's environment or build args. */
static int
tf0309_vars(struct tl_check *c, const struct tl_file *f, const char *svc,
    const struct tl_ynode *vars, int build, const struct tl_vec *words,
    struct tl_vec *seen)
{
	struct env_entry	 e;
	size_t			 j, k;
	int			 error;

	for (j = 0; j < vars->npairs + vars->nitems; j++) {
		if (!env_entry(vars, j, &e) || !secret_name(e.key) ||
		    not_literal(e.value) ||
		    (words != NULL && weak_value(e.value, words)))
			continue;
		/* An anchored block merged into several services: once. */
		for (k = 0; k < seen->len && seen->items[k] != e.node; k++)
			continue;
		if (k < seen->len)
			continue;
		tl_vec_push(seen, (void *)(uintptr_t)e.node);
		error = tl_report_secret(c, f, e.node->line, e.node->col,
		    e.value, "service '%s' sets %s to a literal value in %s",
		    svc, e.key, build ? "build args" : "environment");
		if (error != 0)
			return error;
	}
	return 0;
}

/*
 * The buildspec half: literals in env.variables, where parameter-store
 * and secrets-manager belong.
 */
static int
tf0309_buildspecs(struct tl_check *c)
{
	const struct tl_file	*f;
	const struct tl_ynode	*vars;
	struct env_entry	 e;
	size_t			 i;
	int			 error;

	TL_FOREACH_FILE(f, c->repo, TL_FILE_BUILDSPEC) {
		if (f->doc == NULL || f->doc->nroots == 0)
			continue;
		vars = tl_ypath(f->doc->roots[0], "env.variables");
		if (vars == NULL || vars->type != TL_YMAP)
			continue;
		TL_YMAP_FOREACH(i, vars) {
			if (!env_entry(vars, i, &e) || !secret_name(e.key) ||
			    not_literal(e.value) || strchr(e.value, '$') != NULL)
				continue;
			error = tl_report_secret(c, f, e.node->line,
			    e.node->col, e.value, "buildspec env.variables "
			    "sets %s to a literal value", e.key);
			if (error != 0)
				return error;
		}
	}
	return 0;
}

static int
tf0309_check(struct tl_check *c)
{
	const struct tl_file	*f;
	const struct tl_ynode	*svcs, *vars;
	struct tl_vec		 words, seen;
	const struct tl_vec	*weak;
	const char		*name;
	size_t			 i;
	int			 w, error = 0;

	TL_FOREACH_FILE(f, c->repo, TL_FILE_COMPOSE) {
		if (f->doc == NULL || f->doc->nroots == 0 || compose_is_dev(f))
			continue;
		svcs = tl_ymap_get(f->doc->roots[0], "services");
		tl_vec_init(&words);
		tl_vec_init(&seen);
		compose_words(svcs, &words);
		weak = compose_is_deploy(f) ? NULL : &words;
		TL_YMAP_FOREACH(i, svcs) {
			name = tl_ystr(svcs->pairs[i].key);
			for (w = 0; w < 2 && error == 0 && name != NULL; w++)
				if ((vars = service_vars(svcs->pairs[i].value,
				    w)) != NULL)
					error = tf0309_vars(c, f, name, vars, w,
					    weak, &seen);
			if (error != 0)
				break;
		}
		tl_vec_release(&words, free);
		tl_vec_release(&seen, NULL);
		if (error != 0)
			return error;
	}
	return tf0309_buildspecs(c);
}

/* ------------------------------------------------------------- TF0310 */

/* Is a name a dotenv file's: .env or .env.*? */
static int
is_dotenv_name(const char *name)
{
	return strcmp(name, ".env") == 0 || tl_str_has_prefix(name, ".env.");
}

/*
 * What a COPY/ADD source bakes into the image as deploy config, for the
 * message, or NULL: a dotenv file (not an example), or a config file or
 * directory named for a deploy (config/production.json, *.prod.*,
 * config/staging/), but not a dependency manifest, lock file, script or
 * Dockerfile (requirements/prod.txt, package.prod.json).
 */
static const char *
baked_config(const char *src, const char **deploy)
{
	enum tl_file_kind	 kind;
	enum tl_lang		 lang;
	int			 sub;
	char			*base;
	const char		*what = NULL;

	*deploy = NULL;
	base = last_component(src);
	tl_classify(src, &kind, &lang, &sub);
	if (is_documentation(base) || strchr(src, '$') != NULL)
		what = NULL;
	else if (is_dotenv_name(base))
		what = "dotenv file";
	else if (kind == TL_FILE_MANIFEST || kind == TL_FILE_LOCKFILE ||
	    kind == TL_FILE_SCRIPT || kind == TL_FILE_DOCKERFILE ||
	    kind == TL_FILE_COMPOSE || kind == TL_FILE_SOURCE ||
	    kind == TL_FILE_CI || kind == TL_FILE_BUILDSPEC ||
	    tl_str_has_suffix(base, ".txt") ||
	    word_in(base, build_words) != NULL)
		what = NULL;
	else if ((*deploy = deploy_word(base)) != NULL)
		what = "config";
	free(base);
	return what;
}

/* The tracked file a path names from dir, else from the top, or NULL. */
static const struct tl_file *
committed_file(const struct tl_repo *repo, const char *dir, const char *path)
{
	struct tl_buf		 b;
	const struct tl_file	*f = NULL;

	if (strchr(path, '$') != NULL || path[0] == '/' || path[0] == '~')
		return NULL;
	tl_buf_init(&b);
	if (tl_path_join(&b, dir, path))
		f = tl_repo_file(repo, tl_buf_str(&b));
	if (f == NULL && dir[0] != '\0' && tl_path_join(&b, "", path))
		f = tl_repo_file(repo, tl_buf_str(&b));
	tl_buf_release(&b);
	if (f == NULL || !f->tracked || f->vendored ||
	    is_documentation(f->name))
		return NULL;
	return f;
}

/* Report --env-file FILE arguments of a script's commands. */
static int
tf0310_script(struct tl_check *c, const struct tl_file *f,
    const struct tl_script *s)
{
	const struct tl_file	*env;
	const char		*arg;
	char			*dir;
	size_t			 i, k;
	int			 error = 0;

	dir = tl_path_dir(f->path);
	for (i = 0; s != NULL && i < s->ncmds && error == 0; i++) {
		for (k = 0; k < s->cmds[i].argc && error == 0; k++) {
			arg = s->cmds[i].argv[k];
			if (strcmp(arg, "--env-file") == 0 &&
			    k + 1 < s->cmds[i].argc)
				arg = s->cmds[i].argv[++k];
			else if (tl_str_has_prefix(arg, "--env-file="))
				arg += strlen("--env-file=");
			else
				continue;
			if ((env = committed_file(c->repo, dir, arg)) == NULL)
				continue;
			error = tl_report(c, f, s->cmds[i].line, 1, arg,
			    "--env-file reads the committed file %s: the "
			    "deploy's config comes from the codebase",
			    env->path);
		}
	}
	free(dir);
	return error;
}

/* Report compose env_file entries that name a committed file. */
static int
tf0310_compose(struct tl_check *c, const struct tl_file *f)
{
	const struct tl_ynode	*svcs, *ef, *item;
	const struct tl_file	*env;
	const char		*path, *svc;
	char			*dir;
	size_t			 i, j, n;
	int			 error = 0;

	if (f->doc == NULL || f->doc->nroots == 0)
		return 0;
	dir = tl_path_dir(f->path);
	svcs = tl_ymap_get(f->doc->roots[0], "services");
	TL_YMAP_FOREACH(i, svcs) {
		svc = tl_ystr(svcs->pairs[i].key);
		ef = tl_ymap_get(svcs->pairs[i].value, "env_file");
		if (ef == NULL)
			continue;
		n = ef->type == TL_YSEQ ? ef->nitems : 1;
		for (j = 0; j < n && error == 0; j++) {
			item = ef->type == TL_YSEQ ? ef->items[j] : ef;
			path = tl_ystr(item);
			if (path == NULL) {
				item = tl_ymap_get(item, "path");
				path = tl_ystr(item);
			}
			if (path == NULL ||
			    (env = committed_file(c->repo, dir, path)) == NULL)
				continue;
			error = tl_report(c, f, item->line, item->col, path,
			    "service '%s' reads env_file %s, which is "
			    "committed: the deploy's config comes from the "
			    "codebase", svc != NULL ? svc : "?", env->path);
		}
		if (error != 0)
			break;
	}
	free(dir);
	return error;
}

static int	tf0310_check(struct tl_check *);

static const struct tl_rule tf0310 = {
	.id = "TF0310",
	.name = "config-baked-into-image",
	.factor = TL_FACTOR_CONFIG,
	.severity = TL_SEV_INFO,
	.needs = TL_NEED(TL_FILE_DOCKERFILE) | TL_NEED(TL_FILE_COMPOSE) |
	    TL_NEED(TL_FILE_SCRIPT) | TL_NEED(TL_FILE_PROCFILE),
	.summary = "deploy config baked into the image or committed",
	.rationale =
	    "An image is built once and promoted through every deploy; "
	    "config is what varies between them and is injected when the "
	    "container starts. A config file for one deploy copied into the "
	    "image ties the build to that deploy, and a committed env file "
	    "passed at run time makes the codebase the source of the "
	    "deploy's config. Reported: a Dockerfile COPY or ADD from the "
	    "build context (not --from another stage) of a dotenv file "
	    "(.env, .env.production) or of a config file or directory named "
	    "for a deploy (config/production.json, config/*.prod.*, "
	    "settings/staging/); an --env-file FILE argument in a shell "
	    "script or Procfile, and a compose env_file, that names a file "
	    "tracked by git. Not reported: copies of generic config that "
	    "the application overrides from the environment (COPY config/ "
	    "…), example and sample files (.env.example), dependency "
	    "manifests and lock files named for a deploy "
	    "(requirements/prod.txt), source files, build-tool configs, "
	    "paths with variables, env files that are not committed (the "
	    "usual .env kept out of git), and Dockerfiles named for local "
	    "development.",
	.fix =
	    "Build one image for every deploy and give it its config when "
	    "it starts: the ECS task definition's environment, and secrets "
	    "with valueFrom for Systems Manager Parameter Store or Secrets "
	    "Manager (or environmentFiles from S3 for a long list), the "
	    "Lambda function's Environment. Keep generic defaults in the "
	    "image and let the environment override them; commit a "
	    ".env.example instead of an env file.",
	.see_also = NULL,
	.check = tf0310_check,
};

static int
tf0310_check(struct tl_check *c)
{
	const struct tl_file	*f;
	const struct tl_df_instr *in;
	const char		*what, *deploy;
	char			**w;
	size_t			 i, k, n;
	int			 error = 0;

	TL_FOREACH_FILE(f, c->repo, TL_FILE_DOCKERFILE) {
		if (f->docker == NULL || tl_path_is_dev_artefact(f->path))
			continue;
		for (i = 0; i < f->docker->ninstrs && error == 0; i++) {
			in = &f->docker->instrs[i];
			if ((strcmp(in->keyword, "COPY") != 0 &&
			    strcmp(in->keyword, "ADD") != 0) ||
			    tl_df_instr_flag(in, "from") != NULL ||
			    in->nheredocs > 0)
				continue;
			n = tl_df_copy_words(in, &w);
			for (k = 0; k + 1 < n && error == 0; k++) {
				if ((what = baked_config(w[k], &deploy)) ==
				    NULL)
					continue;
				if (deploy != NULL)
					error = tl_report(c, f, in->line, 1,
					    w[k], "%s copies %s, config for "
					    "the '%s' deploy, into the image",
					    in->keyword, w[k], deploy);
				else
					error = tl_report(c, f, in->line, 1,
					    w[k], "%s copies the %s %s into "
					    "the image", in->keyword, what,
					    w[k]);
			}
			tl_words_free(w, n);
		}
	}
	TL_FOREACH_FILE(f, c->repo, TL_FILE_SCRIPT) {
		if (error == 0 && !tl_path_is_dev_artefact(f->path))
			error = tf0310_script(c, f, f->script);
	}
	TL_FOREACH_FILE(f, c->repo, TL_FILE_PROCFILE) {
		for (i = 0; f->procfile != NULL && i < f->procfile->nprocs &&
		    error == 0; i++)
			error = tf0310_script(c, f,
			    f->procfile->procs[i].script);
	}
	TL_FOREACH_FILE(f, c->repo, TL_FILE_COMPOSE) {
		if (error == 0 && !tl_path_is_dev_artefact(f->path))
			error = tf0310_compose(c, f);
	}
	return error;
}

/* ------------------------------------------------------------- TF0311 */

/*
 * Is a file one that must never be committed or sent to a build: a
 * dotenv file that is not documentation or a test fixture and holds more
 * than public browser-bundle variables, or a credentials file that is a
 * keystore or holds a key or credential (as TF0303 decides)?
 */
static int
is_secrets_file(const struct tl_file *f)
{
	char	*secret = NULL;
	int	 yes;

	if (f->vendored || f->test || is_documentation(f->name))
		return 0;
	if (f->kind == TL_FILE_DOTENV)
		return !all_public(f->dotenv);
	if (f->kind != TL_FILE_CREDENTIALS)
		return 0;
	if (is_keystore(f->name))
		return 1;
	yes = f->loaded && credential_line(f, &secret) != 0;
	free(secret);
	return yes;
}

/* One .dockerignore pattern. */
struct di_pattern {
	char	*glob;		/* owned: cleaned, no leading '/' */
	int	 negate;	/* written "!glob" */
};

/*
 * Match a path against a .dockerignore glob as Go's filepath.Match does,
 * plus "**": '*' and '?' stop at '/', "**" crosses it ("**\/" is zero or
 * more directories), [class] with '!' or '^' negation, '\' escapes.
 */
static int
di_match(const char *p, const char *s)
{
	const char	*e;
	char		 cls[64], one[2];
	size_t		 n, i;
	int		 slash;

	for (; *p != '\0'; p++, s++) {
		switch (*p) {
		case '*':
			if (p[1] == '*') {
				while (*p == '*')
					p++;
				slash = *p == '/';
				if (slash)
					p++;
				for (i = 0; ; i++) {
					if ((i == 0 || !slash ||
					    s[i - 1] == '/') &&
					    di_match(p, s + i))
						return 1;
					if (s[i] == '\0')
						return 0;
				}
			}
			for (i = 0; ; i++) {
				if (di_match(p + 1, s + i))
					return 1;
				if (s[i] == '\0' || s[i] == '/')
					return 0;
			}
		case '?':
			if (*s == '\0' || *s == '/')
				return 0;
			break;
		case '[':
			e = strchr(p + 2, ']');
			n = e == NULL ? 0 : (size_t)(e - p) + 1;
			if (n == 0 || n >= sizeof(cls)) {
				if (*s != '[')
					return 0;
				break;
			}
			memcpy(cls, p, n);
			cls[n] = '\0';
			if (cls[1] == '^')
				cls[1] = '!';
			one[0] = *s;
			one[1] = '\0';
			if (*s == '\0' || *s == '/' || fnmatch(cls, one, 0) != 0)
				return 0;
			p += n - 1;
			break;
		case '\\':
			if (p[1] != '\0')
				p++;
			/* FALLTHROUGH */
		default:
			if (*p != *s)
				return 0;
			break;
		}
	}
	return *s == '\0';
}

/* Read the patterns of a .dockerignore file. */
static void
di_parse(const struct tl_file *f, struct tl_vec *out)
{
	struct di_pattern	*dp;
	const char		*p;
	char			*line, *t;
	size_t			 len, n;
	unsigned		 l;

	for (l = 1; l <= f->lines.n; l++) {
		p = tl_lines_get(&f->lines, f->data, f->size, l, &len);
		if (p == NULL)
			continue;
		line = tl_strndup(p, len);
		t = tl_str_trim(line);
		if (*t == '\0' || *t == '#') {
			free(line);
			continue;
		}
		dp = tl_calloc(1, sizeof(*dp));
		if (*t == '!') {
			dp->negate = 1;
			t = tl_str_trim(t + 1);
		}
		while (*t == '/' || strncmp(t, "./", 2) == 0)
			t += *t == '/' ? 1 : 2;
		n = strlen(t);
		while (n > 0 && t[n - 1] == '/')
			t[--n] = '\0';
		dp->glob = tl_strdup(t);
		tl_vec_push(out, dp);
		free(line);
	}
}

static void
di_free(void *p)
{
	struct di_pattern	*dp = p;

	if (dp != NULL)
		free(dp->glob);
	free(dp);
}

/*
 * Does the .dockerignore exclude a path of the build context?  The last
 * pattern that matches the path or one of its parent directories decides.
 */
static int
di_excluded(const struct tl_vec *pats, const char *path)
{
	const struct di_pattern	*dp;
	char			*pre;
	size_t			 i, k, n = strlen(path);
	int			 out = 0;

	for (i = 0; i < pats->len; i++) {
		dp = pats->items[i];
		if (dp->glob[0] == '\0')
			continue;
		for (k = 1; k <= n; k++) {
			if (k < n && path[k] != '/')
				continue;
			pre = tl_strndup(path, k);
			if (di_match(dp->glob, pre)) {
				out = !dp->negate;
				free(pre);
				break;
			}
			free(pre);
		}
	}
	return out;
}

/* Does COPY/ADD copy the whole build context ("." or "./")? */
static int
copies_context(const struct tl_df_instr *in)
{
	char	**w;
	size_t	  n, k;
	int	  yes = 0;

	if ((strcmp(in->keyword, "COPY") != 0 &&
	    strcmp(in->keyword, "ADD") != 0) ||
	    tl_df_instr_flag(in, "from") != NULL || in->nheredocs > 0)
		return 0;
	n = tl_df_copy_words(in, &w);
	for (k = 0; k + 1 < n; k++)
		if (strcmp(w[k], ".") == 0 || strcmp(w[k], "./") == 0 ||
		    strcmp(w[k], "*") == 0)
			yes = 1;
	tl_words_free(w, n);
	return yes;
}

/* Report the secrets files a Dockerfile's COPY . sends into the image. */
static int
tf0311_docker(struct tl_check *c, const struct tl_file *df)
{
	const struct tl_df_instr *copy = NULL, *in;
	const struct tl_df_stage *chain[TL_DF_CHAIN_MAX];
	const struct tl_file	*ign, *f;
	struct tl_vec		 pats;
	char			*dir, *path;
	const char		*rel;
	size_t			 i, k, dl, nchain;
	int			 error = 0;

	/* Only the stages the final image is built from ship their files. */
	nchain = tl_df_stage_chain(df->docker, tl_dockerfile_final(df->docker),
	    chain);
	for (i = 0; i < df->docker->ninstrs && copy == NULL; i++) {
		in = &df->docker->instrs[i];
		if (in->stage == TL_DF_NO_STAGE || !copies_context(in))
			continue;
		for (k = 0; k < nchain; k++)
			if (chain[k] == &df->docker->stages[in->stage])
				copy = in;
	}
	if (copy == NULL)
		return 0;
	dir = tl_path_dir(df->path);
	dl = strlen(dir);
	/* BuildKit's NAME.dockerignore beside the Dockerfile wins. */
	path = tl_printf("%s.dockerignore", df->path);
	ign = tl_repo_file(c->repo, path);
	free(path);
	if (ign == NULL) {
		path = tl_printf("%s%s.dockerignore", dir, dl > 0 ? "/" : "");
		ign = tl_repo_file(c->repo, path);
		free(path);
	}
	tl_vec_init(&pats);
	if (ign != NULL && ign->loaded) {
		di_parse(ign, &pats);
		tl_evidence(c, ign->path);
	}
	for (i = 0; i < c->repo->nfiles && error == 0; i++) {
		f = c->repo->files[i];
		if (dl > 0 && (strncmp(f->path, dir, dl) != 0 ||
		    f->path[dl] != '/'))
			continue;
		rel = dl > 0 ? f->path + dl + 1 : f->path;
		if (!is_secrets_file(f) || di_excluded(&pats, rel))
			continue;
		if (ign != NULL)
			error = tl_report(c, df, copy->line, 1, f->path,
			    "%s copies the whole build context, and %s "
			    "does not exclude %s: it is baked into the image",
			    copy->keyword, ign->path, f->path);
		else
			error = tl_report(c, df, copy->line, 1, f->path,
			    "%s copies the whole build context, which has "
			    "no .dockerignore: %s is baked into the image",
			    copy->keyword, f->path);
	}
	tl_vec_release(&pats, di_free);
	free(dir);
	return error;
}

static int	tf0311_check(struct tl_check *);

static const struct tl_rule tf0311 = {
	.id = "TF0311",
	.name = "secrets-file-not-ignored",
	.factor = TL_FACTOR_CONFIG,
	.severity = TL_SEV_WARNING,
	.needs = TL_NEED(TL_FILE_DOTENV) | TL_NEED(TL_FILE_CREDENTIALS),
	.summary = "secrets file not ignored by git or docker",
	.rationale =
	    "A deploy's config and credentials stay out of the codebase and "
	    "out of the build artefact. A .env or credentials file in the "
	    "working tree that .gitignore does not cover is one git add -A "
	    "away from the history; one that .dockerignore does not cover is "
	    "copied into the image by COPY . and readable by anyone who can "
	    "pull it. Reported: a dotenv file (.env, .env.production …) or "
	    "a credentials file holding key material (private key, keystore, "
	    "a token or password, as TF0303 decides) that git does not track "
	    "and does not ignore (once committed, TF0303 reports it); and, "
	    "for each Dockerfile with COPY or ADD of the whole build context "
	    "(. or ./ or *, not --from) in a stage the final image is built "
	    "from, every such file under the "
	    "Dockerfile's directory (taken as the build context) that its "
	    ".dockerignore (NAME.Dockerfile.dockerignore first) does not "
	    "exclude, with Docker's semantics: patterns are relative to the "
	    "context root (.env does not exclude sub/.env; **/.env does), * "
	    "and ? stop at /, ** crosses directories, a pattern also "
	    "excludes everything under a directory it matches, and the last "
	    "matching pattern wins, so !.env re-includes. Not reported: "
	    "files git ignores (the scan does not see them: a .env ignored "
	    "by git but not by .dockerignore is missed), example, sample and "
	    "template files, test fixtures (.env.test), dotenv files of "
	    "public browser-bundle variables only (VITE_, NEXT_PUBLIC_ …), "
	    "certificates, Dockerfiles that copy named paths only or copy "
	    "the context only into a build stage (the final image takes "
	    "its artefacts, not the file), and "
	    "Dockerfiles named for local development; a build context set "
	    "elsewhere (compose build.context) is not followed.",
	.fix =
	    "Add the file to .gitignore (.env, .env.*, !.env.example, "
	    "*.pem) and to .dockerignore (**/.env, **/.env.*, **/*.pem), or "
	    "copy only the paths the image needs. Keep deploy secrets in "
	    "AWS Secrets Manager or Systems Manager Parameter Store and have "
	    "ECS inject them (task definition secrets with valueFrom).",
	.see_also = NULL,
	.check = tf0311_check,
};

static int
tf0311_check(struct tl_check *c)
{
	const struct tl_file	*f;
	size_t			 i;
	int			 error = 0;

	for (i = 0; c->repo->git.is_repo && i < c->repo->nfiles &&
	    error == 0; i++) {
		f = c->repo->files[i];
		if (f->tracked || !is_secrets_file(f))
			continue;
		tl_evidence(c, f->path);
		error = tl_report(c, f, 0, 0, f->path, "%s is neither "
		    "tracked nor ignored by git: the next git add -A commits "
		    "it", f->path);
	}
	TL_FOREACH_FILE(f, c->repo, TL_FILE_DOCKERFILE) {
		if (error == 0 && f->docker != NULL &&
		    !tl_path_is_dev_artefact(f->path))
			error = tf0311_docker(c, f);
	}
	return error;
}

/* ------------------------------------------------------------- TF0312 */

/* Words of a dotenv file's name that make it the documented contract. */
static const char *const contract_words[] = {
	"example", "examples", "sample", "samples", "template", "templates",
	"tmpl", "tpl", "dist", NULL
};

/*
 * Variables platforms, SDKs and frameworks set or read themselves: not
 * part of the application's own contract.
 */
static const char *const platform_vars[] = {
	"PORT", "NODE_ENV", "HOME", "PATH", "PWD", "USER", "SHELL", "TERM",
	"TZ", "LANG", "LC_ALL", "TMPDIR", "HOSTNAME", "CI", "DEBUG",
	"RACK_ENV", "FLASK_APP", "FLASK_ENV", "FLASK_DEBUG",
	"DJANGO_SETTINGS_MODULE", "PYTHONPATH", "PYTHONUNBUFFERED",
	"PYTHONDONTWRITEBYTECODE", "NODE_OPTIONS", "NODE_EXTRA_CA_CERTS",
	"JEST_WORKER_ID", "WEB_CONCURRENCY", "DYNO", "SOURCE_VERSION",
	"VIRTUAL_ENV", "GOOGLE_APPLICATION_CREDENTIALS", "GOMAXPROCS",
	"JAVA_OPTS", "JAVA_TOOL_OPTIONS", "SPRING_PROFILES_ACTIVE",
	"ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "ASPNETCORE_URLS",
	"HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "SSL_CERT_FILE",
	/* read by the config/puma.rb that rails new writes */
	"PIDFILE", "SOLID_QUEUE_IN_PUMA", NULL
};

static const char *const platform_prefixes[] = {
	"AWS_", "ECS_", "LAMBDA_", "npm_", "RAILS_", "BUNDLE_", "GITHUB_",
	"GITLAB_", "CODEBUILD_", "VERCEL_", "HEROKU_", "NETLIFY_", "RENDER_",
	"RAILWAY_", "K_", "XDG_", "OTEL_", "KUBERNETES_", "DOCKER_",
	"COMPOSE_", "BUILDKIT_", "RUNNER_", NULL
};

static int
platform_var(const char *name)
{
	size_t	 i;

	if (name[0] == '_')
		return 1;
	for (i = 0; platform_vars[i] != NULL; i++)
		if (strcmp(name, platform_vars[i]) == 0)
			return 1;
	for (i = 0; platform_prefixes[i] != NULL; i++)
		if (tl_str_has_prefix(name, platform_prefixes[i]))
			return 1;
	return 0;
}

/*
 * Variables a library reads from the environment by itself, so that no
 * file of the application need name them: Rails reads SECRET_KEY_BASE,
 * and DATABASE_URL whether or not config/database.yml mentions it;
 * Sidekiq, Resque and the redis gem read REDIS_URL.  A listed one is in
 * use when a Gemfile or Gemfile.lock of the repository names one of the
 * gems; the same names in another ecosystem (npm redis) read nothing.
 */
static const char *const secret_key_base_gems[] = { "rails", "railties",
	NULL };
static const char *const database_url_gems[] = { "rails", "activerecord",
	NULL };
static const char *const redis_url_gems[] = { "sidekiq", "resque", "redis",
	NULL };

static const struct implicit_read {
	const char		*var;	/* static */
	const char *const	*gems;	/* static */
} implicit_reads[] = {
	{ "SECRET_KEY_BASE", secret_key_base_gems },
	{ "DATABASE_URL", database_url_gems },
	{ "REDIS_URL", redis_url_gems },
};

/* Does a gem of the repository read name from the environment itself? */
static int
read_by_gem(const struct tl_repo *repo, const char *name)
{
	const struct tl_file	*f;
	const struct tl_manifest *m;
	const char *const	*gems = NULL;
	size_t			 i, k, g;

	for (i = 0; i < sizeof(implicit_reads) / sizeof(implicit_reads[0]);
	    i++)
		if (strcmp(implicit_reads[i].var, name) == 0)
			gems = implicit_reads[i].gems;
	if (gems == NULL)
		return 0;
	for (i = 0; i < repo->nfiles; i++) {
		f = repo->files[i];
		if (!f->loaded || f->vendored || (m = f->manifest) == NULL ||
		    (f->subtype != TL_MF_GEMFILE &&
		    f->subtype != TL_MF_GEMFILE_LOCK))
			continue;
		for (k = 0; k < m->ndeps; k++)
			for (g = 0; gems[g] != NULL; g++)
				if (strcmp(m->deps[k].name, gems[g]) == 0)
					return 1;
	}
	return 0;
}

/* How code reads a variable: the text before its name. */
struct env_reader {
	const char	*prefix;	/* static */
	int		 quoted;	/* the name is a string literal */
};

static const struct env_reader env_readers[] = {
	{ "process.env.", 0 },
	{ "process.env[", 1 },
	{ "import.meta.env.", 0 },
	{ "os.environ[", 1 },
	{ "os.environ.get(", 1 },
	{ "os.getenv(", 1 },
	{ "environ.get(", 1 },
	{ "os.Getenv(", 1 },
	{ "os.LookupEnv(", 1 },
	{ "ENV[", 1 },
	{ "ENV.fetch(", 1 },
	{ "System.getenv(", 1 },
	{ "Environment.GetEnvironmentVariable(", 1 },
	{ "getenv(", 1 },
	{ "$_ENV[", 1 },
	{ "env::var(", 1 },
};

static int
ident_char(int ch)
{
	return ch == '_' || (ch >= '0' && ch <= '9') ||
	    (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

/* Length of an environment name ([A-Z_][A-Z0-9_]+) at p, or 0. */
static size_t
env_name_len(const char *p, const char *end)
{
	size_t	 n = 0;

	if (p >= end || !((*p >= 'A' && *p <= 'Z') || *p == '_'))
		return 0;
	while (p + n < end && ((p[n] >= 'A' && p[n] <= 'Z') ||
	    (p[n] >= '0' && p[n] <= '9') || p[n] == '_'))
		n++;
	if (n < 2 || (p + n < end && ident_char((unsigned char)p[n])))
		return 0;
	return n;
}

/* One variable read from the environment or listed in the contract. */
struct env_use {
	char			*name;	/* owned */
	const struct tl_file	*file;	/* borrowed: the model */
	unsigned		 line;
	unsigned		 col;
};

static void
env_use_free(void *p)
{
	struct env_use	*u = p;

	if (u != NULL)
		free(u->name);
	free(u);
}

static void
env_use_add(struct tl_vec *v, const struct tl_file *f, const char *name,
    size_t n, size_t off)
{
	struct env_use	*u;

	u = tl_calloc(1, sizeof(*u));
	u->name = tl_strndup(name, n);
	u->file = f;
	tl_lines_locate(&f->lines, off, &u->line, &u->col);
	tl_vec_push(v, u);
}

/* The variables a source file reads, in the order written. */
static void
source_reads(const struct tl_file *f, struct tl_vec *out)
{
	const char	*p, *end = f->data + f->size, *q;
	size_t		 i, pl, n;
	char		 quote;

	for (p = f->data; p < end; p++) {
		if (p > f->data && (ident_char((unsigned char)p[-1]) ||
		    p[-1] == '.' || p[-1] == '$'))
			continue;
		for (i = 0; i < TL_NELEM(env_readers); i++) {
			pl = strlen(env_readers[i].prefix);
			if (*p != env_readers[i].prefix[0] ||
			    (size_t)(end - p) < pl ||
			    memcmp(p, env_readers[i].prefix, pl) != 0)
				continue;
			q = p + pl;
			quote = 0;
			if (env_readers[i].quoted) {
				while (q < end && (*q == ' ' || *q == '\t'))
					q++;
				if (q >= end || (*q != '"' && *q != '\'' &&
				    *q != '`'))
					break;
				quote = *q++;
			}
			n = env_name_len(q, end);
			if (n == 0 || (quote != 0 &&
			    (q + n >= end || q[n] != quote)))
				break;
			env_use_add(out, f, q, n, (size_t)(q - f->data));
			break;
		}
	}
}

/*
 * The variables a compose file or Procfile reads: $NAME and ${NAME…}
 * ("$$" is a literal '$'), outside '#' comment lines.
 */
static void
dollar_reads(const struct tl_file *f, struct tl_vec *out)
{
	const char	*p, *end = f->data + f->size, *q, *bol;
	size_t		 n;

	for (p = f->data; p < end; p++) {
		if (*p != '$')
			continue;
		if (p + 1 < end && p[1] == '$') {
			p++;
			continue;
		}
		for (bol = p; bol > f->data && bol[-1] != '\n'; bol--)
			continue;
		while (bol < p && (*bol == ' ' || *bol == '\t'))
			bol++;
		if (*bol == '#')
			continue;
		q = p + 1;
		if (q < end && *q == '{')
			q++;
		/* ${NAME:-x}: the name ends at a non-name character. */
		for (n = 0; q + n < end && ((q[n] >= 'A' && q[n] <= 'Z') ||
		    (q[n] >= '0' && q[n] <= '9') || q[n] == '_'); n++)
			continue;
		if (n >= 2 && !(q[0] >= '0' && q[0] <= '9') &&
		    (q + n >= end || !ident_char((unsigned char)q[n])))
			env_use_add(out, f, q, n, (size_t)(q - f->data));
	}
}

/* Is the directory dir (""" is the top) the path's or above it? */
static int
dir_covers(const char *dir, const char *path)
{
	size_t	 n = strlen(dir);

	return n == 0 || (strncmp(path, dir, n) == 0 && path[n] == '/');
}

static int
cmp_casestr(const void *a, const void *b)
{
	return strcasecmp(*(char *const *)a, *(char *const *)b);
}

/* The listed names, sorted without case, and which of them are read. */
struct name_set {
	struct tl_vec	 names;	/* char * borrowed: the dotenv keys */
	char		*found;	/* owned: one flag per name */
	size_t		 nfound;
	/* A cheap first test for each word: its length and first letter. */
	size_t		 minlen, maxlen;
	unsigned char	 first[256];	/* lower-cased first bytes of names */
};

/* Mark a word if it is a listed name, '.' and '-' read as '_'. */
static void
word_mark(struct name_set *ns, const char *s, size_t n)
{
	char		 w[256];
	const char	*key = w, **hit;
	size_t		 i;

	if (n == 0 || n >= sizeof(w) || n < ns->minlen || n > ns->maxlen ||
	    !ns->first[tolower((unsigned char)s[0])])
		return;
	for (i = 0; i < n; i++)
		w[i] = s[i] == '.' || s[i] == '-' ? '_' : s[i];
	w[n] = '\0';
	hit = bsearch(&key, ns->names.items, ns->names.len, sizeof(char *),
	    cmp_casestr);
	if (hit != NULL && !ns->found[(void **)hit - ns->names.items]) {
		ns->found[(void **)hit - ns->names.items] = 1;
		ns->nfound++;
	}
}

/*
 * Mark the words of a file, as written ([A-Za-z0-9_]) and as dotted or
 * dashed names (spring.datasource.url reads SPRING_DATASOURCE_URL).
 */
static void
file_words(const struct tl_file *f, struct name_set *ns)
{
	const char	*p = f->data, *end = f->data + f->size, *s, *t, *u;

	while (p < end) {
		if (!ident_char((unsigned char)*p)) {
			p++;
			continue;
		}
		for (s = p; p < end && (ident_char((unsigned char)*p) ||
		    ((*p == '.' || *p == '-') && p + 1 < end &&
		    ident_char((unsigned char)p[1]))); p++)
			continue;
		word_mark(ns, s, (size_t)(p - s));
		if (memchr(s, '.', (size_t)(p - s)) == NULL &&
		    memchr(s, '-', (size_t)(p - s)) == NULL)
			continue;
		/* Each part of a dotted or dashed name too. */
		for (t = s; t < p; t = u + 1) {
			for (u = t; u < p && ident_char((unsigned char)*u); u++)
				continue;
			word_mark(ns, t, (size_t)(u - t));
		}
	}
}

/* Is a file where a name is only mentioned, not read (docs, dotenv)? */
static int
not_a_reader(const struct tl_file *f)
{
	static const char *const exts[] = {
		".md", ".markdown", ".rst", ".adoc", ".txt", ".html", NULL
	};

	return !f->loaded || f->vendored || f->kind == TL_FILE_DOTENV ||
	    tl_path_is_docs(f->path) || has_ext(f->name, exts);
}

static int	tf0312_check(struct tl_check *);

static const struct tl_rule tf0312 = {
	.id = "TF0312",
	.name = "env-contract-drift",
	.factor = TL_FACTOR_CONFIG,
	.severity = TL_SEV_INFO,
	.needs = TL_NEED(TL_FILE_DOTENV),
	.summary = "environment contract drift",
	.rationale =
	    "With config in the environment, the list of variables an app "
	    "reads is its contract with every deploy; a committed "
	    ".env.example is where that contract is written down. A variable "
	    "the code reads that the example does not list is found missing "
	    "in the next deploy; a listed one nothing reads is config "
	    "operators keep setting for nothing. Applies only when a "
	    ".env.example, .env.sample, .env.template or .env.dist (also "
	    "with more words: .env.prod-sample) is committed; it covers the "
	    "files under its directory. Reads: process.env.X, "
	    "process.env['X'], import.meta.env.X, os.environ['X'], "
	    "os.environ.get('X'), os.getenv('X'), os.Getenv(\"X\"), "
	    "os.LookupEnv, ENV['X'], ENV.fetch('X'), System.getenv(\"X\"), "
	    "Environment.GetEnvironmentVariable, getenv('X'), $_ENV['X'], "
	    "env::var(\"X\") in application source (names in upper case, "
	    "not test code), and $X / ${X} in compose files and Procfiles. "
	    "Each missing variable is reported once, where it is first "
	    "read. A listed variable is reported unused only when its name "
	    "appears nowhere else in the repository (source, scripts, "
	    "Dockerfiles, compose files, templates, config; not other "
	    "dotenv files or documentation), compared without case and "
	    "with dotted names (spring.datasource.url for "
	    "SPRING_DATASOURCE_URL). Not reported: variables platforms, "
	    "SDKs and frameworks own (PORT, NODE_ENV, DEBUG, HOME, PATH, "
	    "TZ, CI, AWS_*, RAILS_*, OTEL_*, npm_*, DJANGO_SETTINGS_MODULE, "
	    "the PIDFILE of the puma.rb Rails generates …), names read "
	    "through a variable (process.env[key]), and, as unused, the "
	    "variables gems read by themselves when a Gemfile or its lock "
	    "names the gem (SECRET_KEY_BASE and DATABASE_URL for rails, "
	    "REDIS_URL for sidekiq, resque or redis). Names a "
	    "framework maps with a prefix it strips (pydantic env_prefix, "
	    "Nuxt runtime config) may be reported unused.",
	.fix =
	    "Add the missing variable to .env.example with a placeholder "
	    "and a comment, and remove listed variables nothing reads. "
	    "Validate the environment at start-up (envalid, zod, pydantic "
	    "settings) so a deploy without a variable fails fast; in AWS, "
	    "keep the ECS task definition's environment and secrets (or the "
	    "Lambda Environment) in step with the same list.",
	.see_also = NULL,
	.check = tf0312_check,
};

/* The contract (example file) nearest above a file, or NULL. */
static const struct tl_file *
nearest_contract(const struct tl_vec *contracts, const char *path,
    const struct tl_vec *dirs)
{
	const struct tl_file	*best = NULL;
	size_t			 i, bl = 0, l;

	for (i = 0; i < contracts->len; i++) {
		l = strlen(dirs->items[i]);
		if (dir_covers(dirs->items[i], path) &&
		    (best == NULL || l > bl)) {
			best = contracts->items[i];
			bl = l;
		}
	}
	return best;
}

/* Does a contract that covers path list name? */
static int
contract_lists(const struct tl_vec *contracts, const struct tl_vec *dirs,
    const char *path, const char *name)
{
	const struct tl_file	*e;
	size_t			 i, k;

	for (i = 0; i < contracts->len; i++) {
		e = contracts->items[i];
		if (!dir_covers(dirs->items[i], path) || e->dotenv == NULL)
			continue;
		for (k = 0; k < e->dotenv->nvars; k++)
			if (strcmp(e->dotenv->vars[k].key, name) == 0)
				return 1;
	}
	return 0;
}

static int
tf0312_missing(struct tl_check *c, const struct tl_vec *contracts,
    const struct tl_vec *dirs)
{
	const struct tl_file	*f, *e;
	struct tl_vec		 reads, seen;
	struct env_use		*u;
	size_t			 i, j, k;
	int			 error = 0;

	tl_vec_init(&seen);
	for (i = 0; i < c->repo->nfiles && error == 0; i++) {
		f = c->repo->files[i];
		if (!f->loaded || f->broken || f->test || f->vendored ||
		    (e = nearest_contract(contracts, f->path, dirs)) == NULL)
			continue;
		tl_vec_init(&reads);
		if (f->kind == TL_FILE_SOURCE)
			source_reads(f, &reads);
		else if ((f->kind == TL_FILE_COMPOSE &&
		    !tl_path_is_dev_artefact(f->path)) ||
		    f->kind == TL_FILE_PROCFILE)
			dollar_reads(f, &reads);
		for (j = 0; j < reads.len && error == 0; j++) {
			u = reads.items[j];
			if (platform_var(u->name) ||
			    contract_lists(contracts, dirs, f->path, u->name))
				continue;
			for (k = 0; k < seen.len &&
			    strcmp(seen.items[k], u->name) != 0; k++)
				continue;
			if (k < seen.len)
				continue;
			tl_vec_push(&seen, tl_strdup(u->name));
			error = tl_report(c, f, u->line, u->col, u->name,
			    "%s is read from the environment here but %s "
			    "does not list it", u->name, e->path);
		}
		tl_vec_release(&reads, env_use_free);
	}
	tl_vec_release(&seen, free);
	return error;
}

static int
tf0312_unused(struct tl_check *c, const struct tl_vec *contracts)
{
	const struct tl_file	*f, *e;
	const struct tl_env_var	*v;
	struct name_set		 ns;
	const char		*key, **hit;
	size_t			 i, k;
	int			 error = 0;

	memset(&ns, 0, sizeof(ns));
	tl_vec_init(&ns.names);
	for (i = 0; i < contracts->len; i++) {
		e = contracts->items[i];
		for (k = 0; e->dotenv != NULL && k < e->dotenv->nvars; k++)
			if (!platform_var(e->dotenv->vars[k].key))
				tl_vec_push(&ns.names,
				    e->dotenv->vars[k].key);
	}
	tl_vec_sort(&ns.names, cmp_casestr);
	/* One entry per name, for bsearch() to find the flag it set. */
	for (i = k = 0; i < ns.names.len; i++)
		if (k == 0 || strcasecmp(ns.names.items[k - 1],
		    ns.names.items[i]) != 0)
			ns.names.items[k++] = ns.names.items[i];
	ns.names.len = k;
	ns.found = tl_calloc(ns.names.len + 1, 1);
	ns.minlen = SIZE_MAX;
	for (i = 0; i < ns.names.len; i++) {
		key = ns.names.items[i];
		ns.first[tolower((unsigned char)key[0])] = 1;
		if (strlen(key) < ns.minlen)
			ns.minlen = strlen(key);
		if (strlen(key) > ns.maxlen)
			ns.maxlen = strlen(key);
	}
	/* Every file is read until every listed name has been seen. */
	for (i = 0; i < c->repo->nfiles && ns.nfound < ns.names.len; i++) {
		f = c->repo->files[i];
		if (!not_a_reader(f))
			file_words(f, &ns);
	}
	for (i = 0; i < contracts->len && error == 0; i++) {
		e = contracts->items[i];
		for (k = 0; e->dotenv != NULL && k < e->dotenv->nvars &&
		    error == 0; k++) {
			v = &e->dotenv->vars[k];
			key = v->key;
			if (platform_var(key))
				continue;
			hit = bsearch(&key, ns.names.items, ns.names.len,
			    sizeof(char *), cmp_casestr);
			if (hit == NULL ||
			    ns.found[(void **)hit - ns.names.items] ||
			    read_by_gem(c->repo, key))
				continue;
			error = tl_report(c, e, v->line, 1, key, "%s lists "
			    "%s but nothing in the repository reads it",
			    e->path, key);
		}
	}
	free(ns.found);
	tl_vec_release(&ns.names, NULL);
	return error;
}

static int
tf0312_check(struct tl_check *c)
{
	const struct tl_file	*f;
	struct tl_vec		 contracts, dirs;
	int			 error;

	tl_vec_init(&contracts);
	tl_vec_init(&dirs);
	TL_FOREACH_FILE(f, c->repo, TL_FILE_DOTENV) {
		if (word_in(f->name, contract_words) == NULL ||
		    (c->repo->git.is_repo && !f->tracked))
			continue;
		tl_vec_push(&contracts, (void *)(uintptr_t)f);
		tl_vec_push(&dirs, tl_path_dir(f->path));
		tl_evidence(c, f->path);
	}
	if (contracts.len == 0) {
		tl_not_applicable(c, "no committed .env.example, .env.sample "
		    "or .env.template: no environment contract to compare "
		    "with");
		error = 0;
		goto out;
	}
	error = tf0312_missing(c, &contracts, &dirs);
	if (error == 0)
		error = tf0312_unused(c, &contracts);
out:
	tl_vec_release(&contracts, NULL);
	tl_vec_release(&dirs, free);
	return error;
}

static const struct tl_rule *const rules[] = {
	&tf0302,
	&tf0303,
	&tf0304,
	&tf0305,
	&tf0306,
	&tf0307,
	&tf0308,
	&tf0309,
	&tf0310,
	&tf0311,
	&tf0312,
};

const struct tl_module tl_module_CONFIG = {
	TL_FACTOR_CONFIG, rules, TL_NELEM(rules), NULL, NULL
};
