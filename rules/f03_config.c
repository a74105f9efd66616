/*
 * f03_config.c: factor III, Config (https://12factor.net/config).
 * Store config in the environment.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common.h"

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

static const struct tl_rule *const rules[] = {
	&tf0303,
};

const struct tl_module tl_module_CONFIG = {
	TL_FACTOR_CONFIG, rules, TL_NELEM(rules), NULL, NULL
};
