/*
 * f10_dev_prod_parity.c: factor X, Dev/prod parity
 * (https://12factor.net/dev-prod-parity).  Keep development, staging and
 * production as similar as possible.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common.h"

/* ------------------------------------------------------------- TF1001 */

/* Relational engines by a word of an image, adapter, URL scheme or Engine. */
static const struct {
	const char	*needle;
	const char	*engine;
} engines[] = {
	{ "aurora-postgresql", "PostgreSQL" }, { "postgis", "PostgreSQL" },
	{ "postgres", "PostgreSQL" }, { "aurora-mysql", "MySQL" },
	{ "mariadb", "MariaDB" }, { "mysql", "MySQL" },
	{ "sqlite", "SQLite" }, { "sqlserver", "SQL Server" },
	{ "mssql", "SQL Server" }, { "oracle", "Oracle" },
	{ "jdbc:h2", "H2" }, { "hsqldb", "HSQLDB" }, { "derby", "Derby" },
};

static const char *
engine_of(const char *s)
{
	size_t	 i;

	if (s == NULL)
		return NULL;
	/* Aurora's first engine name meant MySQL. */
	if (strcasecmp(s, "aurora") == 0)
		return "MySQL";
	for (i = 0; i < TL_NELEM(engines); i++)
		if (tl_memcasemem(s, strlen(s), engines[i].needle,
		    strlen(engines[i].needle)) != NULL)
			return engines[i].engine;
	return NULL;
}

/* Where an engine is used. */
struct db_use {
	const struct tl_file	*file;
	unsigned		 line;
	unsigned		 col;
	const char		*engine;	/* static */
	char			*what;		/* owned */
	int			 prod;
};

struct db_uses {
	struct db_use	*v;	/* owned */
	size_t		 n;
};

static void
add_use(struct db_uses *u, const struct tl_file *f, const struct tl_ynode *at,
    unsigned line, const char *engine, int prod, char *what)
{
	struct db_use	*d;

	u->v = tl_reallocarray(u->v, u->n + 1, sizeof(*u->v));
	d = &u->v[u->n++];
	d->file = f;
	d->line = at != NULL ? at->line : line;
	d->col = at != NULL ? at->col : 1;
	d->engine = engine;
	d->prod = prod;
	d->what = what;
}

/* RDS instances and clusters with a literal Engine. */
static void
from_templates(struct db_uses *u, const struct tl_repo *repo)
{
	const struct tl_file	*f;
	const struct tl_ynode	*res, *r, *eng;
	const char		*type, *e;
	size_t			 i;

	TL_FOREACH_FILE(f, repo, TL_FILE_TEMPLATE) {
		if (f->doc == NULL || f->doc->nroots == 0)
			continue;
		res = tl_ymap_get(f->doc->roots[0], "Resources");
		for (i = 0; res != NULL && res->type == TL_YMAP &&
		    i < res->npairs; i++) {
			r = res->pairs[i].value;
			type = tl_ystr(tl_ymap_get(r, "Type"));
			if (type == NULL || (strcmp(type,
			    "AWS::RDS::DBInstance") != 0 && strcmp(type,
			    "AWS::RDS::DBCluster") != 0))
				continue;
			eng = tl_ymap_get(tl_ymap_get(r, "Properties"),
			    "Engine");
			if (eng == NULL || eng->tag != NULL ||
			    (e = engine_of(tl_ystr(eng))) == NULL)
				continue;
			add_use(u, f, eng, 0, e, 1, tl_printf("%s '%s'", type,
			    tl_ystr(res->pairs[i].key)));
		}
	}
}

/* docker-compose images: development. */
static void
from_compose(struct db_uses *u, const struct tl_repo *repo)
{
	const struct tl_file	*f;
	const struct tl_ynode	*svcs, *img;
	const char		*e;
	size_t			 i;

	TL_FOREACH_FILE(f, repo, TL_FILE_COMPOSE) {
		if (f->doc == NULL || f->doc->nroots == 0 ||
		    tl_str_has_suffix(f->name, ".prod.yml") ||
		    tl_str_has_suffix(f->name, ".production.yml"))
			continue;
		svcs = tl_ymap_get(f->doc->roots[0], "services");
		for (i = 0; svcs != NULL && svcs->type == TL_YMAP &&
		    i < svcs->npairs; i++) {
			img = tl_ymap_get(svcs->pairs[i].value, "image");
			if ((e = engine_of(tl_ystr(img))) == NULL)
				continue;
			add_use(u, f, img, 0, e, 0, tl_printf("compose service "
			    "'%s'", tl_ystr(svcs->pairs[i].key)));
		}
	}
}

/* Rails config/database.yml: one adapter per environment. */
static void
from_database_yml(struct db_uses *u, const struct tl_repo *repo)
{
	static const struct {
		const char	*env;
		int		 prod;
	} envs[] = {
		{ "development", 0 }, { "test", 0 }, { "production", 1 },
		{ "staging", 1 },
	};
	const struct tl_file	*f;
	const struct tl_ynode	*env, *ad;
	const char		*e;
	size_t			 k;

	TL_FOREACH_FILE(f, repo, TL_FILE_YAML) {
		if (f->doc == NULL || f->doc->nroots == 0 ||
		    strcmp(f->name, "database.yml") != 0)
			continue;
		for (k = 0; k < TL_NELEM(envs); k++) {
			env = tl_ymap_get(f->doc->roots[0], envs[k].env);
			ad = tl_ymap_get(env, "adapter");
			if (ad == NULL)
				ad = tl_ymap_get(env, "url");
			if ((e = engine_of(tl_ystr(ad))) == NULL)
				continue;
			add_use(u, f, ad, 0, e, envs[k].prod,
			    tl_printf("the %s database", envs[k].env));
		}
	}
}

/* DATABASE_URL in .env files: .env.production is prod, the rest dev. */
static void
from_dotenv(struct db_uses *u, const struct tl_repo *repo)
{
	static const char *const keys[] = {
		"DATABASE_URL", "DB_URL", "DATABASE_URI",
		"SQLALCHEMY_DATABASE_URI", "JDBC_URL", "SPRING_DATASOURCE_URL"
	};
	const struct tl_file	*f;
	const struct tl_env_var	*v;
	const char		*e;
	size_t			 i, k;
	int			 prod;

	TL_FOREACH_FILE(f, repo, TL_FILE_DOTENV) {
		if (f->dotenv == NULL || strstr(f->name, "example") != NULL ||
		    tl_str_has_suffix(f->name, ".sample") ||
		    tl_str_has_suffix(f->name, ".template"))
			continue;
		prod = tl_str_has_suffix(f->name, ".production") ||
		    tl_str_has_suffix(f->name, ".prod");
		for (i = 0; i < f->dotenv->nvars; i++) {
			v = &f->dotenv->vars[i];
			for (k = 0; k < TL_NELEM(keys); k++)
				if (strcmp(v->key, keys[k]) == 0)
					break;
			if (k == TL_NELEM(keys) ||
			    (e = engine_of(v->value)) == NULL)
				continue;
			add_use(u, f, NULL, v->line, e, prod,
			    tl_printf("%s in %s", v->key, f->name));
		}
	}
}

static int	tf1001_check(struct tl_check *);

static const struct tl_rule tf1001 = {
	.id = "TF1001",
	.name = "different-backing-services",
	.factor = TL_FACTOR_DEV_PROD_PARITY,
	.severity = TL_SEV_WARNING,
	.needs = TL_NEED(TL_FILE_TEMPLATE) | TL_NEED(TL_FILE_COMPOSE) |
	    TL_NEED(TL_FILE_DOTENV) | TL_NEED(TL_FILE_YAML),
	.summary = "different backing-service kinds across environments",
	.rationale =
	    "A twelve-factor developer resists using different backing "
	    "services between development and production: SQLite on the "
	    "laptop and PostgreSQL in production differ in types, locking, "
	    "SQL and migrations, and the difference surfaces only after a "
	    "deploy. The rule compares the relational engine of every "
	    "development-side source (compose service images, the "
	    "development and test entries of config/database.yml, "
	    "DATABASE_URL in .env files other than .env.production) with "
	    "the production side (RDS Engine in templates, production and "
	    "staging in database.yml, .env.production) and reports a "
	    "development engine that production does not use.",
	.fix =
	    "Run the production engine locally too: the same image and "
	    "major version in docker-compose (postgres:16 for RDS "
	    "PostgreSQL 16), or an Amazon RDS development instance, and "
	    "point every environment's DATABASE_URL at it.",
	.see_also = NULL,
	.check = tf1001_check,
};

static int
tf1001_check(struct tl_check *c)
{
	struct db_uses		 u;
	const struct db_use	*d, *p;
	size_t			 i, j;
	int			 error = 0, same;

	memset(&u, 0, sizeof(u));
	from_templates(&u, c->repo);
	from_database_yml(&u, c->repo);
	from_dotenv(&u, c->repo);
	from_compose(&u, c->repo);
	for (i = 0; i < u.n && error == 0; i++) {
		d = &u.v[i];
		if (d->prod)
			continue;
		p = NULL;
		same = 0;
		for (j = 0; j < u.n; j++) {
			if (!u.v[j].prod)
				continue;
			if (strcmp(u.v[j].engine, d->engine) == 0)
				same = 1;
			else if (p == NULL)
				p = &u.v[j];
		}
		if (same || p == NULL)
			continue;
		error = tl_report(c, d->file, d->line, d->col, d->engine,
		    "%s uses %s while production uses %s (%s in %s:%u)",
		    d->what, d->engine, p->engine, p->what, p->file->path,
		    p->line);
	}
	for (i = 0; i < u.n; i++)
		free(u.v[i].what);
	free(u.v);
	return error;
}

static const struct tl_rule *const rules[] = {
	&tf1001,
};

const struct tl_module tl_module_DEV_PROD_PARITY = {
	TL_FACTOR_DEV_PROD_PARITY, rules, TL_NELEM(rules), NULL, NULL
};
