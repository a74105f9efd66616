/*
 * f10_dev_prod_parity.c: factor X, Dev/prod parity
 * (https://12factor.net/dev-prod-parity).  Keep development, staging and
 * production as similar as possible.
 */
#include <ctype.h>
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

/* ------------------------------------------------------------- TF1002 */

/* Words of a Dockerfile's name that say which environment it is for. */
static const char *const env_dev_words[] = {
	"dev", "develop", "development", "local", "test", "testing", "debug",
	NULL
};
static const char *const env_prod_words[] = {
	"prod", "production", "release", "staging", "live", NULL
};

static int
word_in(const char *w, const char *const *list)
{
	for (; *list != NULL; list++)
		if (strcasecmp(w, *list) == 0)
			return 1;
	return 0;
}

/*
 * The name of a Dockerfile without its environment words, lower case,
 * Containerfile read as Dockerfile ("Dockerfile.dev" and "Dockerfile"
 * give "dockerfile", "Dockerfile.worker" "dockerfile.worker"), owned;
 * *role is ENV_DEV for a development name, ENV_PROD for a production
 * one, ENV_PLAIN for neither and -1 for both.
 */
enum { ENV_PLAIN = 0, ENV_DEV, ENV_PROD };

static char *
env_key(const char *name, int *role)
{
	struct tl_buf	 key = TL_BUF_INIT;
	char		*copy, *w, *save = NULL, *p;
	int		 isdev = 0, isprod = 0;

	copy = tl_strdup(name);
	for (w = strtok_r(copy, ".-_", &save); w != NULL;
	    w = strtok_r(NULL, ".-_", &save)) {
		if (word_in(w, env_dev_words)) {
			isdev = 1;
			continue;
		}
		if (word_in(w, env_prod_words)) {
			isprod = 1;
			continue;
		}
		if (key.len > 0)
			tl_buf_addc(&key, '.');
		if (strcasecmp(w, "containerfile") == 0)
			w = "dockerfile";
		for (p = w; *p != '\0'; p++)
			tl_buf_addc(&key, tolower((unsigned char)*p));
	}
	free(copy);
	*role = isdev && isprod ? -1 : isdev ? ENV_DEV : isprod ? ENV_PROD :
	    ENV_PLAIN;
	return tl_buf_detach(&key);
}

/* The stage at the root of the final stage's chain: where its image is. */
static const struct tl_df_stage *
root_stage(const struct tl_dockerfile *df)
{
	const struct tl_df_stage *st = tl_dockerfile_final(df);
	size_t			 depth;

	for (depth = 0; st != NULL && st->parent >= 0 &&
	    depth < df->nstages; depth++)
		st = &df->stages[st->parent];
	return st;
}

/*
 * Is the stage's image a literal: written without variables, or with
 * variables that have a default ("${V:-20}", or a global ARG V=20)?
 */
static int
image_literal(const struct tl_dockerfile *df, const struct tl_df_stage *st)
{
	const struct tl_df_instr *in;
	const char		*p, *e;
	char			*var;
	size_t			 i, k, n;
	int			 ok;

	for (p = strchr(st->image_raw, '$'); p != NULL;
	    p = strchr(p + 1, '$')) {
		if (p[1] == '{') {
			n = strcspn(p + 2, ":-+?}");
			if (p[2 + n] == '-' || (p[2 + n] == ':' &&
			    p[3 + n] == '-'))
				continue;
			var = tl_strndup(p + 2, n);
		} else {
			for (e = p + 1; *e == '_' || isalnum((unsigned char)*e);
			    e++)
				continue;
			var = tl_strndup(p + 1, (size_t)(e - p - 1));
		}
		ok = 0;
		for (i = 0; i < df->ninstrs && !ok; i++) {
			in = &df->instrs[i];
			if (in->stage != TL_DF_NO_STAGE ||
			    strcmp(in->keyword, "ARG") != 0)
				continue;
			for (k = 0; k < in->nkv; k++)
				if (strcmp(in->kv[k].key, var) == 0 &&
				    in->kv[k].value != NULL &&
				    in->kv[k].value[0] != '\0')
					ok = 1;
		}
		free(var);
		if (!ok)
			return 0;
	}
	return 1;
}

/* An image's name without Docker Hub's and its mirrors' prefixes. */
static const char *
image_short(const char *name)
{
	static const char *const prefixes[] = {
		"docker.io/", "index.docker.io/", "registry-1.docker.io/",
		"public.ecr.aws/docker/", "mirror.gcr.io/", "library/", NULL
	};
	size_t	 i;

	for (i = 0; prefixes[i] != NULL; i++)
		if (tl_str_has_prefix(name, prefixes[i]))
			name += strlen(prefixes[i]);
	return name;
}

enum distro {
	DISTRO_DEFAULT = 0, DISTRO_ALPINE, DISTRO_DEBIAN, DISTRO_UBUNTU,
	DISTRO_RHEL, DISTRO_AMAZON, DISTRO_WINDOWS
};

static const char *const distro_names[] = {
	"the default distribution", "Alpine", "Debian", "Ubuntu",
	"Red Hat UBI", "Amazon Linux", "Windows"
};

/* The distribution a tag names by one of its words ("20-alpine3.19"). */
static enum distro
tag_distro(const char *tag)
{
	static const struct {
		const char	*prefix;
		enum distro	 d;
	} words[] = {
		{ "alpine", DISTRO_ALPINE }, { "slim", DISTRO_DEBIAN },
		{ "bookworm", DISTRO_DEBIAN }, { "bullseye", DISTRO_DEBIAN },
		{ "buster", DISTRO_DEBIAN }, { "stretch", DISTRO_DEBIAN },
		{ "trixie", DISTRO_DEBIAN }, { "jammy", DISTRO_UBUNTU },
		{ "focal", DISTRO_UBUNTU }, { "noble", DISTRO_UBUNTU },
		{ "bionic", DISTRO_UBUNTU }, { "ubi", DISTRO_RHEL },
		{ "al2", DISTRO_AMAZON }, { "amazonlinux", DISTRO_AMAZON },
		{ "windowsservercore", DISTRO_WINDOWS },
		{ "nanoserver", DISTRO_WINDOWS },
	};
	char		*copy, *w, *save = NULL;
	size_t		 k;
	enum distro	 d = DISTRO_DEFAULT;

	if (tag == NULL)
		return d;
	copy = tl_strdup(tag);
	for (w = strtok_r(copy, "-_", &save); w != NULL && d == DISTRO_DEFAULT;
	    w = strtok_r(NULL, "-_", &save))
		for (k = 0; k < TL_NELEM(words); k++)
			if (strncasecmp(w, words[k].prefix,
			    strlen(words[k].prefix)) == 0) {
				d = words[k].d;
				break;
			}
	free(copy);
	return d;
}

/* The leading version of a tag: "20.11-alpine" 20 and 11; -1 when absent. */
static void
tag_version(const char *tag, long *major, long *minor)
{
	char	*end;

	*major = *minor = -1;
	if (tag == NULL)
		return;
	if (*tag == 'v' || *tag == 'V')
		tag++;
	if (!isdigit((unsigned char)*tag))
		return;
	*major = strtol(tag, &end, 10);
	if (*end == '.' && isdigit((unsigned char)end[1]))
		*minor = strtol(end + 1, NULL, 10);
}

/* One Dockerfile's place among the environments. */
struct env_df {
	const struct tl_file	 *file;
	const struct tl_df_stage *root;		/* borrowed: file->docker */
	char			 *dir;		/* owned */
	char			 *key;		/* owned */
	char			 *name;		/* owned: image name, short */
	char			 *tag;		/* owned, or NULL */
	int			  role;		/* ENV_DEV … */
	int			  side;		/* ENV_DEV, ENV_PROD or -1 */
};

static void
env_df_release(struct env_df *e)
{
	free(e->dir);
	free(e->key);
	free(e->name);
	free(e->tag);
}

/* How the bases of d (development) and p (production) differ, or 0. */
static int
bases_differ(const struct env_df *d, const struct env_df *p,
    struct tl_buf *why)
{
	long		 dmaj, dmin, pmaj, pmin;
	enum distro	 dd, pd;

	if (strcmp(d->name, p->name) != 0)
		return 0;
	tag_version(d->tag, &dmaj, &dmin);
	tag_version(p->tag, &pmaj, &pmin);
	if (dmaj >= 0 && pmaj >= 0 && (dmaj != pmaj ||
	    (dmin >= 0 && pmin >= 0 && dmin != pmin))) {
		if (dmaj != pmaj)
			tl_buf_addf(why, "version %ld against %ld", dmaj,
			    pmaj);
		else
			tl_buf_addf(why, "version %ld.%ld against %ld.%ld",
			    dmaj, dmin, pmaj, pmin);
	}
	dd = tag_distro(d->tag);
	pd = tag_distro(p->tag);
	if ((dd == DISTRO_ALPINE) != (pd == DISTRO_ALPINE) ||
	    (dd != DISTRO_DEFAULT && pd != DISTRO_DEFAULT && dd != pd))
		tl_buf_addf(why, "%s%s against %s", why->len > 0 ? ", " : "",
		    distro_names[dd], distro_names[pd]);
	return why->len > 0;
}

static int
same_group(const struct env_df *a, const struct env_df *b)
{
	return strcmp(a->dir, b->dir) == 0 && strcmp(a->key, b->key) == 0;
}

/*
 * Which side each Dockerfile is compared as.  Production: the files
 * named for it, or the plain one when there are none.  Development:
 * the files named for it, or, when there are none but a production one
 * is named (Dockerfile beside Dockerfile.prod), the plain one.
 */
static void
sides(struct env_df *v, size_t n)
{
	size_t	 i, j;
	int	 has[3];

	for (i = 0; i < n; i++) {
		memset(has, 0, sizeof(has));
		for (j = 0; j < n; j++)
			if (same_group(&v[i], &v[j]))
				has[v[j].role] = 1;
		switch (v[i].role) {
		case ENV_DEV:
			v[i].side = ENV_DEV;
			break;
		case ENV_PROD:
			v[i].side = ENV_PROD;
			break;
		default:
			v[i].side = !has[ENV_PROD] ? ENV_PROD :
			    !has[ENV_DEV] ? ENV_DEV : -1;
			break;
		}
	}
}

static int	tf1002_check(struct tl_check *);

static const struct tl_rule tf1002 = {
	.id = "TF1002",
	.name = "dev-prod-base-image-skew",
	.factor = TL_FACTOR_DEV_PROD_PARITY,
	.severity = TL_SEV_WARNING,
	.needs = TL_NEED(TL_FILE_DOCKERFILE),
	.summary = "environment Dockerfiles on different base images",
	.rationale =
	    "Dev/prod parity asks for the same runtime in every "
	    "environment: a Dockerfile.dev on node:18 beside a production "
	    "Dockerfile on node:20-alpine runs another interpreter version "
	    "and another C library (musl against glibc) than production, so "
	    "what works on the laptop fails after the deploy, and the other "
	    "way round. The rule compares the base image of the final stage "
	    "(followed through the stages it is built FROM) of each "
	    "development Dockerfile (a name with dev, development, local, "
	    "test or debug: Dockerfile.dev, dev.Dockerfile) with the "
	    "production ones in the same directory whose name is the same "
	    "without its environment words (the plain Dockerfile, "
	    "Dockerfile.prod, Dockerfile.production, Dockerfile.release, "
	    "Dockerfile.staging). Reported: the same image with another "
	    "major or minor version (patch versions are not compared), or "
	    "Alpine on one side only, or two different named distributions "
	    "(bookworm against jammy). Not reported: different images "
	    "(a node dev server against nginx serving the build), "
	    "Dockerfiles of other services (Dockerfile.worker), build "
	    "stages, and images whose tag comes from an ARG without a "
	    "default.",
	.fix =
	    "Build development from the same base as production: one "
	    "Dockerfile with a shared base stage and dev and prod targets "
	    "(docker build --target dev), or the same FROM line, with the "
	    "version in one ARG; bump both together.",
	.see_also = NULL,
	.check = tf1002_check,
};

static int
tf1002_check(struct tl_check *c)
{
	const struct tl_file	*f;
	const struct env_df	*d, *p;
	struct env_df		*v = NULL, e;
	struct tl_buf		 why = TL_BUF_INIT;
	char			*ev;
	size_t			 n = 0, i, j;
	int			 error = 0;

	TL_FOREACH_FILE(f, c->repo, TL_FILE_DOCKERFILE) {
		memset(&e, 0, sizeof(e));
		if (f->docker == NULL ||
		    (e.root = root_stage(f->docker)) == NULL ||
		    !image_literal(f->docker, e.root))
			continue;
		if (tl_df_image_split(e.root->image, &e.name, &e.tag,
		    NULL) != 0) {
			tl_error_clear();
			continue;
		}
		e.file = f;
		e.key = env_key(f->name, &e.role);
		e.dir = tl_path_dir(f->path);
		if (e.role < 0 || strcmp(e.name, "scratch") == 0) {
			env_df_release(&e);
			continue;
		}
		memmove(e.name, image_short(e.name), strlen(image_short(
		    e.name)) + 1);
		v = tl_reallocarray(v, n + 1, sizeof(*v));
		v[n++] = e;
	}
	sides(v, n);
	for (i = 0; i < n && error == 0; i++) {
		d = &v[i];
		if (d->side != ENV_DEV)
			continue;
		for (j = 0; j < n && error == 0; j++) {
			p = &v[j];
			tl_buf_clear(&why);
			if (p->side != ENV_PROD || !same_group(p, d) ||
			    !bases_differ(d, p, &why))
				continue;
			ev = tl_printf("%s %s %s", d->root->image,
			    p->file->path, p->root->image);
			error = tl_report(c, d->file, d->root->line, 1, ev,
			    "%s:%u builds on %s while %s:%u builds on %s: %s",
			    d->file->path, d->root->line, d->root->image,
			    p->file->path, p->root->line, p->root->image,
			    tl_buf_str(&why));
			free(ev);
		}
	}
	for (i = 0; i < n; i++)
		env_df_release(&v[i]);
	free(v);
	tl_buf_release(&why);
	return error;
}

/* ------------------------------------------------------------- TF1006 */

static const char *const truthy[] = { "true", "1", "yes", "on", NULL };
static const char *const dev_envs[] = {
	"development", "dev", "develop", "local", NULL
};
static const char *const debug_mode[] = { "debug", NULL };

/* Settings that switch a framework into development mode, and how. */
static const struct {
	const char		 *name;
	const char *const	 *values;
} dev_settings[] = {
	{ "DEBUG", truthy }, { "DJANGO_DEBUG", truthy },
	{ "FLASK_DEBUG", truthy }, { "APP_DEBUG", truthy },
	{ "WP_DEBUG", truthy }, { "NODE_ENV", dev_envs },
	{ "FLASK_ENV", dev_envs }, { "RAILS_ENV", dev_envs },
	{ "RACK_ENV", dev_envs }, { "APP_ENV", dev_envs },
	{ "MIX_ENV", dev_envs }, { "ASPNETCORE_ENVIRONMENT", dev_envs },
	{ "DOTNET_ENVIRONMENT", dev_envs },
	{ "SPRING_PROFILES_ACTIVE", dev_envs },
	{ "GIN_MODE", debug_mode },
};

/*
 * Is NAME=value a development setting?  SPRING_PROFILES_ACTIVE is a
 * comma-separated list: any of its profiles counts.
 */
static int
dev_setting(const char *name, const char *value)
{
	char	*copy, *w, *save = NULL;
	size_t	 k;
	int	 hit = 0;

	if (name == NULL || value == NULL)
		return 0;
	for (k = 0; k < TL_NELEM(dev_settings); k++)
		if (strcmp(name, dev_settings[k].name) == 0)
			break;
	if (k == TL_NELEM(dev_settings))
		return 0;
	copy = tl_strdup(value);
	for (w = strtok_r(copy, ", ", &save); w != NULL && !hit;
	    w = strtok_r(NULL, ", ", &save))
		hit = word_in(w, dev_settings[k].values);
	free(copy);
	return hit;
}

/* Stage names that are not the image that deploys, or that are. */
static const char *const dev_stage_names[] = {
	"dev", "develop", "development", "local", "test", "tests", "testing",
	"debug", "ci", NULL
};
static const char *const prod_stage_names[] = {
	"prod", "production", "release", "runtime", "final", "deploy", NULL
};

/*
 * Is some build of the repository told another value for ARG name:
 * "--build-arg NAME" in a script, CI file, buildspec or Makefile, or
 * compose build args naming it?
 */
static int
arg_overridden(const struct tl_repo *repo, const char *name)
{
	const struct tl_file	*f;
	const struct tl_ynode	*svcs, *args;
	const char		*p, *q, *end;
	size_t			 i, j, n = strlen(name);

	for (i = 0; i < repo->nfiles; i++) {
		f = repo->files[i];
		if (!f->loaded || f->data == NULL ||
		    f->kind == TL_FILE_DOCKERFILE)
			continue;
		if (f->kind == TL_FILE_COMPOSE && f->doc != NULL &&
		    f->doc->nroots > 0) {
			svcs = tl_ymap_get(f->doc->roots[0], "services");
			TL_YMAP_FOREACH(j, svcs) {
				args = tl_ypath(svcs->pairs[j].value,
				    "build.args");
				if (tl_ymap_get(args, name) != NULL)
					return 1;
				if (args != NULL && args->type == TL_YSEQ &&
				    tl_memcasemem(f->data, f->size, name,
				    n) != NULL)
					return 1;
			}
			continue;
		}
		end = f->data + f->size;
		for (p = f->data; p < end && (q = tl_memcasemem(p,
		    (size_t)(end - p), "--build-arg", 11)) != NULL; p = q) {
			q += 11;
			while (q < end && (*q == ' ' || *q == '=' ||
			    *q == '"' || *q == '\''))
				q++;
			if ((size_t)(end - q) >= n &&
			    strncmp(q, name, n) == 0 &&
			    (q + n == end || q[n] == '=' || q[n] == ' ' ||
			    q[n] == '"' || q[n] == '\'' || q[n] == '\n'))
				return 1;
		}
	}
	return 0;
}

/* A setting found in effect for a deployed stage. */
struct env_hit {
	const struct tl_df_instr *in;	/* borrowed: the ENV */
	const struct tl_df_instr *arg;	/* borrowed: the ARG default, or NULL */
	const char		*name;	/* borrowed */
	const char		*value;	/* borrowed: as resolved */
};

/*
 * The ARG default a "$NAME" / "${NAME}" value resolves to in the chain
 * (ARGs of the stages, or global ARGs redeclared in one); NULL when the
 * value is not one variable or it has no default.  *varp is set to
 * the variable's name (owned) when there is a default.
 */
static const char *
arg_default(const struct tl_dockerfile *df, const struct tl_df_stage **chain,
    size_t nchain, size_t upto, const char *value,
    const struct tl_df_instr **where, char **varp)
{
	const struct tl_df_instr *in;
	const char		*found = NULL;
	char			*var;
	size_t			 i, j, k, n;

	if (value[0] != '$')
		return NULL;
	if (value[1] == '{') {
		n = strcspn(value + 2, "}");
		if (value[2 + n] != '}' || value[3 + n] != '\0')
			return NULL;
		var = tl_strndup(value + 2, n);
	} else {
		var = tl_strdup(value + 1);
	}
	for (i = 0; var[i] != '\0'; i++)
		if (var[i] != '_' && !isalnum((unsigned char)var[i]))
			break;
	if (var[i] != '\0' || i == 0) {
		free(var);
		return NULL;
	}
	/* Global ARG defaults, then the chain's ARGs before the ENV. */
	for (i = 0; i < df->ninstrs; i++) {
		in = &df->instrs[i];
		if (in->stage != TL_DF_NO_STAGE ||
		    strcmp(in->keyword, "ARG") != 0)
			continue;
		for (k = 0; k < in->nkv; k++)
			if (strcmp(in->kv[k].key, var) == 0 &&
			    in->kv[k].value != NULL) {
				found = in->kv[k].value;
				*where = in;
			}
	}
	for (j = 0; j < nchain; j++)
		for (i = chain[j]->first; i < chain[j]->first +
		    chain[j]->count && i < upto; i++) {
			in = &df->instrs[i];
			if (strcmp(in->keyword, "ARG") != 0)
				continue;
			for (k = 0; k < in->nkv; k++)
				if (strcmp(in->kv[k].key, var) == 0 &&
				    in->kv[k].value != NULL) {
					found = in->kv[k].value;
					*where = in;
				}
		}
	if (found != NULL)
		*varp = var;
	else
		free(var);
	return found;
}

static int	tf1006_check(struct tl_check *);

static const struct tl_rule tf1006 = {
	.id = "TF1006",
	.name = "dev-settings-in-deploy",
	.factor = TL_FACTOR_DEV_PROD_PARITY,
	.severity = TL_SEV_WARNING,
	.needs = TL_NEED(TL_FILE_DOCKERFILE) | TL_NEED(TL_FILE_TASKDEF),
	.summary = "development settings baked into a deploy artefact",
	.rationale =
	    "Production must run the code as production: a deploy artefact "
	    "that sets DEBUG=True or NODE_ENV=development turns on debug "
	    "pages that leak stack traces and settings, dev-mode template "
	    "reloading, unminified assets and verbose errors, and makes the "
	    "deployed app behave unlike the one that was tested as "
	    "production. Checked: the ENV in effect for the image that "
	    "deploys (the final stage, unless it is named dev, test, debug "
	    "…, and stages named prod, production, release, runtime, final "
	    "or deploy, with the ENV of the stages they are built FROM; the "
	    "last value wins), and the environment of ECS task definition "
	    "containers. Settings: DEBUG, DJANGO_DEBUG, FLASK_DEBUG, "
	    "APP_DEBUG, WP_DEBUG set true/1/yes/on; NODE_ENV, FLASK_ENV, "
	    "RAILS_ENV, RACK_ENV, APP_ENV, MIX_ENV, ASPNETCORE_ENVIRONMENT, "
	    "DOTNET_ENVIRONMENT, SPRING_PROFILES_ACTIVE set development, "
	    "dev or local; GIN_MODE=debug. An ENV taken from an ARG whose "
	    "default is a development value is reported unless a build "
	    "passes that ARG (--build-arg NAME in a script, CI file, "
	    "buildspec or Makefile, or compose build args). Not reported: "
	    "development artefacts (Dockerfile.dev, taskdef.local.json), "
	    "build and dev stages, DEBUG=False, DEBUG=app:* (the debug "
	    "module's namespaces).",
	.fix =
	    "Leave development settings out of the image and the task "
	    "definition: set NODE_ENV=production (or the framework's "
	    "production value) in the final stage, keep DEBUG off by "
	    "default in the app, and turn development on only in "
	    "docker-compose.override.yml or a .env file that is never "
	    "deployed; per-environment values belong in the ECS task "
	    "definition's environment or in Parameter Store.",
	.see_also = NULL,
	.check = tf1006_check,
};

/* The deployed stages of a Dockerfile, by index; returns how many. */
static size_t
deployed_stages(const struct tl_dockerfile *df, size_t *out, size_t max)
{
	const struct tl_df_stage *st;
	size_t			 i, n = 0;

	for (i = 0; i < df->nstages && n < max; i++) {
		st = &df->stages[i];
		if (st->name != NULL && tl_has_word(st->name, ".-_",
		    prod_stage_names) && !tl_has_word(st->name, ".-_",
		    dev_stage_names))
			out[n++] = i;
		else if (i + 1 == df->nstages && (st->name == NULL ||
		    !tl_has_word(st->name, ".-_", dev_stage_names)))
			out[n++] = i;
	}
	return n;
}

#define TF1006_CHAIN	64

/* The last ENV of each setting along a stage chain (root first). */
static void
collect_env(const struct tl_dockerfile *df, const struct tl_df_stage **chain,
    size_t nchain, struct env_hit *hits)
{
	const struct tl_df_instr *in;
	size_t			 i, j, k, h;

	memset(hits, 0, TL_NELEM(dev_settings) * sizeof(*hits));
	for (j = 0; j < nchain; j++)
		for (i = chain[j]->first; i < chain[j]->first +
		    chain[j]->count; i++) {
			in = &df->instrs[i];
			if (strcmp(in->keyword, "ENV") != 0)
				continue;
			for (k = 0; k < in->nkv; k++) {
				for (h = 0; h < TL_NELEM(dev_settings); h++)
					if (strcmp(in->kv[k].key,
					    dev_settings[h].name) == 0)
						break;
				if (h == TL_NELEM(dev_settings))
					continue;
				hits[h].in = in;
				hits[h].arg = NULL;
				hits[h].name = in->kv[k].key;
				hits[h].value = in->kv[k].value;
			}
		}
}

static int
tf1006_dockerfile(struct tl_check *c, const struct tl_file *f)
{
	const struct tl_dockerfile *df = f->docker;
	const struct tl_df_stage *chain[TF1006_CHAIN], *st;
	const struct tl_df_instr *in, *arg;
	struct env_hit		 hits[TL_NELEM(dev_settings)];
	const struct tl_df_instr *seen[64];
	size_t			 stages[8], ns, s, nchain, i, h, nseen = 0;
	const char		*value, *def;
	char			*var;
	int			 error = 0, skip;

	ns = deployed_stages(df, stages, TL_NELEM(stages));
	for (s = 0; s < ns && error == 0; s++) {
		/* The chain, root first. */
		nchain = 0;
		for (st = &df->stages[stages[s]]; st != NULL &&
		    nchain < TF1006_CHAIN; st = st->parent >= 0 ?
		    &df->stages[st->parent] : NULL)
			chain[nchain++] = st;
		for (i = 0; i < nchain / 2; i++) {
			st = chain[i];
			chain[i] = chain[nchain - 1 - i];
			chain[nchain - 1 - i] = st;
		}
		collect_env(df, chain, nchain, hits);
		for (h = 0; h < TL_NELEM(dev_settings) && error == 0; h++) {
			if ((in = hits[h].in) == NULL ||
			    (value = hits[h].value) == NULL)
				continue;
			arg = NULL;
			var = NULL;
			def = arg_default(df, chain, nchain,
			    (size_t)(in - df->instrs), value, &arg, &var);
			skip = def != NULL ? !dev_setting(hits[h].name, def) ||
			    arg_overridden(c->repo, var) :
			    !dev_setting(hits[h].name, value);
			free(var);
			if (skip)
				continue;
			/* A parent shared by two deployed stages: once. */
			for (i = 0; i < nseen && seen[i] != in; i++)
				continue;
			if (i < nseen)
				continue;
			if (nseen < TL_NELEM(seen))
				seen[nseen++] = in;
			if (def != NULL)
				error = tl_report(c, f, in->line, 1,
				    hits[h].name, "ENV %s=%s takes the ARG "
				    "default %s (line %u) and no build passes "
				    "another: the image runs in development "
				    "mode", hits[h].name, value, def,
				    arg->line);
			else
				error = tl_report(c, f, in->line, 1,
				    hits[h].name, "ENV %s=%s in the image "
				    "that deploys: it runs in development "
				    "mode", hits[h].name, value);
		}
	}
	return error;
}

static int
tf1006_taskdef(struct tl_check *c, const struct tl_file *f)
{
	const struct tl_ynode	*defs, *env, *e, *val;
	const char		*cname, *name;
	size_t			 i, j;
	int			 error = 0;

	defs = tl_ymap_get(f->doc->roots[0], "containerDefinitions");
	if (defs == NULL)
		defs = tl_ypath(f->doc->roots[0],
		    "taskDefinition.containerDefinitions");
	TL_YSEQ_FOREACH(i, defs) {
		cname = tl_ystr(tl_ymap_get(defs->items[i], "name"));
		env = tl_ymap_get(defs->items[i], "environment");
		TL_YSEQ_FOREACH(j, env) {
			e = env->items[j];
			name = tl_ystr(tl_ymap_get(e, "name"));
			val = tl_ymap_get(e, "value");
			if (!dev_setting(name, tl_ystr(val)))
				continue;
			error = tl_report(c, f, val->line, val->col, name,
			    "container '%s' sets %s=%s: the task runs in "
			    "development mode", cname != NULL ? cname : "?",
			    name, tl_ystr(val));
			if (error != 0)
				return error;
		}
	}
	return 0;
}

static int
tf1006_check(struct tl_check *c)
{
	const struct tl_file	*f;
	int			 error = 0;

	TL_FOREACH_FILE(f, c->repo, TL_FILE_DOCKERFILE) {
		if (f->docker == NULL || tl_path_is_dev_artefact(f->path))
			continue;
		if ((error = tf1006_dockerfile(c, f)) != 0)
			return error;
	}
	TL_FOREACH_FILE(f, c->repo, TL_FILE_TASKDEF) {
		if (f->doc == NULL || f->doc->nroots == 0 ||
		    tl_path_is_dev_artefact(f->path))
			continue;
		if ((error = tf1006_taskdef(c, f)) != 0)
			return error;
	}
	return 0;
}

static const struct tl_rule *const rules[] = {
	&tf1001,
	&tf1002,
	&tf1006,
};

const struct tl_module tl_module_DEV_PROD_PARITY = {
	TL_FACTOR_DEV_PROD_PARITY, rules, TL_NELEM(rules), NULL, NULL
};
