/*
 * f03_config.c: factor III, Config (https://12factor.net/config).
 * Store config in the environment.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "common.h"
#include "twelvelint/patterns.h"

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
	const struct tl_file	*now;
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
	now = tl_repo_file(h->c->repo, h->file->path);
	still = now != NULL && now->loaded && tl_memcasemem(now->data,
	    now->size, secret, strlen(secret)) != NULL;
	tl_lines_locate(&h->file->lines, m->start, &line, &col);
	h->error = tl_report_secret(h->c, h->file, line, col, secret,
	    "added in commit %.12s on %s, %s (%s)", h->blob->commit, day,
	    still ? "still in the file" : "removed since but still in every "
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
	    "current file still holds it. Binary blobs and blobs over "
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
	char	*copy, *w, *save = NULL;
	size_t	 i;
	int	 hit = 0;

	if (tl_str_has_suffix(name, ".in"))
		return 1;
	copy = tl_strdup(name);
	for (w = strtok_r(copy, ".-_", &save); w != NULL && !hit;
	    w = strtok_r(NULL, ".-_", &save))
		for (i = 0; not_config_words[i] != NULL; i++)
			if (strcasecmp(w, not_config_words[i]) == 0)
				hit = 1;
	free(copy);
	return hit;
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
	char	*copy, *w, *save = NULL;
	size_t	 i;
	int	 setting = 0;

	if (!tl_name_is_secret(name))
		return 0;
	copy = tl_strdup(name);
	for (w = strtok_r(copy, "_-.", &save); w != NULL && !setting;
	    w = strtok_r(NULL, "_-.", &save))
		for (i = 0; setting_words[i] != NULL; i++)
			if (strcasecmp(w, setting_words[i]) == 0)
				setting = 1;
	free(copy);
	return !setting;
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
	.needs = TL_NEED(TL_FILE_TASKDEF),
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
	    "booleans and file paths. Task definitions inside "
	    "CloudFormation templates are not read by this rule.",
	.fix =
	    "Store the secret in AWS Secrets Manager or as a SecureString "
	    "in Systems Manager Parameter Store and move the entry from "
	    "environment to secrets: {\"name\": \"DB_PASSWORD\", "
	    "\"valueFrom\": \"arn:aws:secretsmanager:…\"}; grant the task "
	    "execution role secretsmanager:GetSecretValue or "
	    "ssm:GetParameters on it. Rotate the value that was committed.",
	.see_also = NULL,
	.check = tf0306_check,
};

static int
tf0306_check(struct tl_check *c)
{
	const struct tl_file	*f;
	const struct tl_ynode	*cds, *env, *item, *val;
	const char		*cname, *key, *value;
	size_t			 i, j;
	int			 error = 0;

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
	char	*copy, *w, *save = NULL;
	size_t	 i;
	int	 hit = 0;

	copy = tl_strdup(f->name);
	for (w = strtok_r(copy, ".-_", &save); w != NULL && !hit;
	    w = strtok_r(NULL, ".-_", &save))
		for (i = 0; words[i] != NULL; i++)
			if (strcasecmp(w, words[i]) == 0)
				hit = 1;
	free(copy);
	return hit;
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
	.needs = TL_NEED(TL_FILE_COMPOSE),
	.summary = "secret set to a literal in a compose file",
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
	    "there they are real, guessable credentials. Buildspec and CI "
	    "files are not read by this rule.",
	.fix =
	    "Substitute the value from the environment or an untracked "
	    ".env file (DB_PASSWORD: ${DB_PASSWORD:?}), or use compose "
	    "secrets: (file or environment sources, read from "
	    "/run/secrets/NAME or via the image's _FILE variables). In AWS, "
	    "keep it in Secrets Manager or Parameter Store and reference it "
	    "from the ECS task definition (secrets with valueFrom). Rotate "
	    "the value that was committed.",
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
	return 0;
}

static const struct tl_rule *const rules[] = {
	&tf0302,
	&tf0303,
	&tf0306,
	&tf0307,
	&tf0309,
};

const struct tl_module tl_module_CONFIG = {
	TL_FACTOR_CONFIG, rules, TL_NELEM(rules), NULL, NULL
};
