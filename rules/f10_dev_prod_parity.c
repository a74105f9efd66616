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
		"public.ecr.aws/docker/", "mirror.gcr.io/", "registry.docker.com/",
		"library/", NULL
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

/* -------------------------------------------- versions (TF1004, TF1005) */

/* A version by its leading numbers: "15.4-alpine" is 15 4, n 2. */
struct ver {
	long	 v[3];
	int	 n;
};

/*
 * Read the leading numbers of s, after an optional "v", into out; *end
 * (when not NULL) is set to the text after them.  Returns out->n, 0 when
 * s does not start with a number.
 */
static int
ver_read(const char *s, struct ver *out, const char **end)
{
	char	*e;

	out->n = 0;
	if (s == NULL)
		return 0;
	if ((*s == 'v' || *s == 'V') && isdigit((unsigned char)s[1]))
		s++;
	while (isdigit((unsigned char)*s)) {
		out->v[out->n++] = strtol(s, &e, 10);
		s = e;
		if (out->n == (int)TL_NELEM(out->v) || *s != '.' ||
		    !isdigit((unsigned char)s[1]))
			break;
		s++;
	}
	if (end != NULL)
		*end = s;
	return out->n;
}

/*
 * Compare a and b by their first gran numbers.  Returns 1 when that is
 * known, with *order -1, 0 or 1; 0 when it is not (a side gives fewer
 * numbers than it takes and the ones it gives are equal: mysql:8 against
 * 8.0).
 */
static int
ver_cmp(const struct ver *a, const struct ver *b, int gran, int *order)
{
	int	 i;

	*order = 0;
	if (a->n == 0 || b->n == 0)
		return 0;
	for (i = 0; i < gran; i++) {
		if (i >= a->n || i >= b->n)
			return 0;
		if (a->v[i] != b->v[i]) {
			*order = a->v[i] < b->v[i] ? -1 : 1;
			return 1;
		}
	}
	return 1;
}

/* Is dir the directory anc or below it ("" is the top)? */
static int
dir_within(const char *dir, const char *anc)
{
	size_t	 n = strlen(anc);

	return n == 0 || (strncmp(dir, anc, n) == 0 &&
	    (dir[n] == '\0' || dir[n] == '/'));
}

/* The literal values a template value may deploy as (at most VALS_MAX). */
#define VALS_MAX	4

struct cfn_vals {
	const struct tl_ynode	*v[VALS_MAX];	/* borrowed: template */
	size_t			 n;
	const char		*param;		/* borrowed: the parameter
						   whose Default it is */
};

static int
vals_add(void *arg, const struct tl_ynode *n)
{
	struct cfn_vals	*out = arg;

	if (out->n < VALS_MAX && n->tag == NULL && !tl_ynull(n))
		out->v[out->n++] = n;
	return 0;
}

/*
 * The values of a template value: a literal, either branch of an !If,
 * or the literal Default of a parameter it refers to; nothing for a
 * value other intrinsics compute.
 */
static void
cfn_vals(const struct tl_cfn *cfn, const struct tl_ynode *n,
    struct cfn_vals *out)
{
	const struct tl_ynode	*param, *arg, *def;

	memset(out, 0, sizeof(*out));
	if (n == NULL)
		return;
	if (tl_cfn_ref_param(cfn, n, &param)) {
		def = tl_ymap_get(param, "Default");
		if (def != NULL && def->type == TL_YSCALAR)
			(void)vals_add(out, def);
		if (out->n > 0 && tl_cfn_intrinsic(n, &arg) != NULL)
			out->param = tl_ystr(arg);
		return;
	}
	(void)tl_cfn_literals(n, vals_add, out);
}

/* ------------------------------------------------------------- TF1004 */

enum bs {
	BS_POSTGRES, BS_MYSQL, BS_MARIADB, BS_REDIS, BS_VALKEY, BS_MEMCACHED,
	BS_MONGO, BS_ELASTIC, BS_OPENSEARCH, BS_RABBITMQ, BS_ACTIVEMQ,
	BS_KAFKA, BS_NONE = -1
};

/*
 * Backing-service engines and how many numbers of a version make its
 * major one: PostgreSQL 10 and later one (12, 15), 9.x two (9.6);
 * MySQL, MariaDB, Memcached, RabbitMQ and ActiveMQ two (5.7 against 8.0,
 * 10.6 against 10.11, 3.12 against 3.13); MongoDB before 5 two (4.0,
 * 4.4), later one; Redis, Valkey, Elasticsearch, OpenSearch, Kafka one.
 */
static const struct {
	const char	*name;
	int		 gran;
	long		 old_below;	/* majors below it: two numbers */
} bs_engines[] = {
	[BS_POSTGRES] = { "PostgreSQL", 1, 10 },
	[BS_MYSQL] = { "MySQL", 2, 0 },
	[BS_MARIADB] = { "MariaDB", 2, 0 },
	[BS_REDIS] = { "Redis", 1, 0 },
	[BS_VALKEY] = { "Valkey", 1, 0 },
	[BS_MEMCACHED] = { "Memcached", 2, 0 },
	[BS_MONGO] = { "MongoDB", 1, 5 },
	[BS_ELASTIC] = { "Elasticsearch", 1, 0 },
	[BS_OPENSEARCH] = { "OpenSearch", 1, 0 },
	[BS_RABBITMQ] = { "RabbitMQ", 2, 0 },
	[BS_ACTIVEMQ] = { "ActiveMQ", 2, 0 },
	[BS_KAFKA] = { "Kafka", 1, 0 },
};

/* Images (after image_short()) whose tag is the engine's version. */
static const struct {
	const char	*image;
	enum bs		 engine;
} bs_images[] = {
	{ "postgres", BS_POSTGRES }, { "postgis/postgis", BS_POSTGRES },
	{ "bitnami/postgresql", BS_POSTGRES }, { "mysql", BS_MYSQL },
	{ "mysql/mysql-server", BS_MYSQL }, { "bitnami/mysql", BS_MYSQL },
	{ "mariadb", BS_MARIADB }, { "bitnami/mariadb", BS_MARIADB },
	{ "redis", BS_REDIS }, { "bitnami/redis", BS_REDIS },
	{ "redis/redis-stack", BS_REDIS },
	{ "redis/redis-stack-server", BS_REDIS },
	{ "valkey/valkey", BS_VALKEY }, { "bitnami/valkey", BS_VALKEY },
	{ "memcached", BS_MEMCACHED }, { "bitnami/memcached", BS_MEMCACHED },
	{ "mongo", BS_MONGO }, { "bitnami/mongodb", BS_MONGO },
	{ "mongodb/mongodb-community-server", BS_MONGO },
	{ "elasticsearch", BS_ELASTIC },
	{ "docker.elastic.co/elasticsearch/elasticsearch", BS_ELASTIC },
	{ "bitnami/elasticsearch", BS_ELASTIC },
	{ "opensearchproject/opensearch", BS_OPENSEARCH },
	{ "bitnami/opensearch", BS_OPENSEARCH },
	{ "rabbitmq", BS_RABBITMQ }, { "bitnami/rabbitmq", BS_RABBITMQ },
	{ "apache/activemq-classic", BS_ACTIVEMQ },
	{ "rmohr/activemq", BS_ACTIVEMQ },
	{ "apache/kafka", BS_KAFKA }, { "bitnami/kafka", BS_KAFKA },
};

/* Engine names of templates (Engine, EngineType), any case. */
static const struct {
	const char	*value;
	enum bs		 engine;
} bs_engine_values[] = {
	{ "postgres", BS_POSTGRES }, { "aurora-postgresql", BS_POSTGRES },
	{ "mysql", BS_MYSQL }, { "aurora-mysql", BS_MYSQL },
	{ "aurora", BS_MYSQL }, { "mariadb", BS_MARIADB },
	{ "redis", BS_REDIS }, { "valkey", BS_VALKEY },
	{ "memcached", BS_MEMCACHED }, { "rabbitmq", BS_RABBITMQ },
	{ "activemq", BS_ACTIVEMQ },
};

/* Version prefixes that name the engine (OpenSearch Service domains). */
static const struct {
	const char	*prefix;
	enum bs		 engine;
} bs_version_prefixes[] = {
	{ "OpenSearch_", BS_OPENSEARCH }, { "Elasticsearch_", BS_ELASTIC },
};

/*
 * Resources that provision an engine: the property that names it (NULL:
 * the type or the version prefix does), the engine when that property
 * is absent (BS_NONE: nothing to compare), and the version property.
 */
static const struct {
	const char	*type;
	const char	*engine_prop;
	enum bs		 engine;
	const char	*version_prop;
} bs_resources[] = {
	{ "AWS::RDS::DBInstance", "Engine", BS_NONE, "EngineVersion" },
	{ "AWS::RDS::DBCluster", "Engine", BS_NONE, "EngineVersion" },
	{ "AWS::RDS::GlobalCluster", "Engine", BS_NONE, "EngineVersion" },
	{ "AWS::ElastiCache::CacheCluster", "Engine", BS_NONE,
	    "EngineVersion" },
	{ "AWS::ElastiCache::ReplicationGroup", "Engine", BS_REDIS,
	    "EngineVersion" },
	{ "AWS::ElastiCache::ServerlessCache", "Engine", BS_NONE,
	    "MajorEngineVersion" },
	{ "AWS::DocDB::DBCluster", NULL, BS_MONGO, "EngineVersion" },
	{ "AWS::OpenSearchService::Domain", NULL, BS_NONE, "EngineVersion" },
	{ "AWS::Elasticsearch::Domain", NULL, BS_ELASTIC,
	    "ElasticsearchVersion" },
	{ "AWS::AmazonMQ::Broker", "EngineType", BS_NONE, "EngineVersion" },
	{ "AWS::MSK::Cluster", NULL, BS_KAFKA, "KafkaVersion" },
};

#define BS_VERS_MAX	8

/*
 * One file's versions of an engine: those its compose services run, or
 * those its template resources provision (a file may hold two databases
 * of an engine, an old and a new one).
 */
struct bs_use {
	const struct tl_file	*file;
	enum bs			 engine;
	int			 tmpl;		/* a template */
	char			*dir;		/* owned */
	size_t			 n;
	struct {
		const char	*text;	/* borrowed: image or version */
		char		*what;	/* owned: "service 'db'" */
		unsigned	 line;	/* where to report */
		unsigned	 col;
		struct ver	 ver;
	}			 vers[BS_VERS_MAX];
};

struct bs_uses {
	struct bs_use	*v;		/* owned */
	size_t		 n;
};

/* Add a version of an engine to the file's use of it (what: owned). */
static void
bs_add(struct bs_uses *u, const struct tl_file *f, int tmpl, enum bs engine,
    const char *text, const struct tl_ynode *at, const struct ver *v,
    char *what)
{
	struct bs_use	*b;
	size_t		 k;

	for (k = 0; k < u->n; k++)
		if (u->v[k].file == f && u->v[k].engine == engine)
			break;
	if (k == u->n) {
		u->v = tl_reallocarray(u->v, u->n + 1, sizeof(*u->v));
		b = &u->v[u->n++];
		memset(b, 0, sizeof(*b));
		b->file = f;
		b->engine = engine;
		b->tmpl = tmpl;
		b->dir = tl_path_dir(f->path);
	} else
		b = &u->v[k];
	if (b->n == BS_VERS_MAX) {
		free(what);
		return;
	}
	b->vers[b->n].text = text;
	b->vers[b->n].what = what;
	b->vers[b->n].line = at->line;
	b->vers[b->n].col = at->col;
	b->vers[b->n++].ver = *v;
}

/* The engine and version tag of a compose image, or BS_NONE. */
static enum bs
bs_image(const char *image, struct ver *v)
{
	char		*name = NULL, *tag = NULL;
	const char	*s;
	size_t		 i;
	enum bs		 e = BS_NONE;

	if (image == NULL || strchr(image, '$') != NULL ||
	    tl_df_image_split(image, &name, &tag, NULL) != 0) {
		tl_error_clear();
		return BS_NONE;
	}
	s = image_short(name);
	for (i = 0; i < TL_NELEM(bs_images); i++)
		if (strcmp(s, bs_images[i].image) == 0)
			break;
	if (i < TL_NELEM(bs_images) && tag != NULL &&
	    isdigit((unsigned char)tag[0]) && ver_read(tag, v, NULL) > 0)
		e = bs_images[i].engine;
	free(name);
	free(tag);
	return e;
}

/* Each compose file's versioned backing-service images, by engine. */
static void
bs_from_compose(struct bs_uses *u, const struct tl_repo *repo)
{
	const struct tl_file	*f;
	const struct tl_ynode	*svcs, *img;
	struct ver		 v;
	size_t			 i;
	enum bs			 e;

	TL_FOREACH_FILE(f, repo, TL_FILE_COMPOSE) {
		if (f->doc == NULL || f->doc->nroots == 0)
			continue;
		svcs = tl_ymap_get(f->doc->roots[0], "services");
		TL_YMAP_FOREACH(i, svcs) {
			img = tl_ymap_get(svcs->pairs[i].value, "image");
			if (img == NULL || img->type != TL_YSCALAR ||
			    img->tag != NULL ||
			    (e = bs_image(img->value, &v)) == BS_NONE)
				continue;
			bs_add(u, f, 0, e, img->value, img, &v,
			    tl_printf("service '%s'",
			    tl_ystr(svcs->pairs[i].key) != NULL ?
			    tl_ystr(svcs->pairs[i].key) : "?"));
		}
	}
}

/* The engine a template value names, or BS_NONE. */
static enum bs
bs_engine_named(const char *s)
{
	size_t	 i;

	for (i = 0; s != NULL && i < TL_NELEM(bs_engine_values); i++)
		if (strcasecmp(s, bs_engine_values[i].value) == 0)
			return bs_engine_values[i].engine;
	return BS_NONE;
}

/* One resource's engine and versions, when both can be read. */
static void
bs_resource(struct bs_uses *u, const struct tl_cfn *cfn,
    const struct tl_cfn_resource *r, size_t k)
{
	const struct tl_ynode	*at;
	struct cfn_vals		 ev, vv;
	struct ver		 v;
	const char		*s;
	size_t			 i, j;
	enum bs			 e, base = bs_resources[k].engine;

	if (bs_resources[k].engine_prop != NULL &&
	    tl_cfn_prop(r, bs_resources[k].engine_prop) != NULL) {
		/* An engine that may be one of two is not compared. */
		cfn_vals(cfn, tl_cfn_prop(r, bs_resources[k].engine_prop),
		    &ev);
		if (ev.n != 1)
			return;
		base = bs_engine_named(tl_ystr(ev.v[0]));
	}
	at = tl_cfn_prop(r, bs_resources[k].version_prop);
	cfn_vals(cfn, at, &vv);
	for (i = 0; i < vv.n; i++) {
		s = tl_ystr(vv.v[i]);
		e = base;
		for (j = 0; j < TL_NELEM(bs_version_prefixes); j++)
			if (tl_str_casecmp_prefix(s,
			    bs_version_prefixes[j].prefix)) {
				e = bs_version_prefixes[j].engine;
				s += strlen(bs_version_prefixes[j].prefix);
			}
		if (e == BS_NONE || ver_read(s, &v, NULL) == 0)
			continue;
		/* A parameter's Default: at the property that refers to it. */
		bs_add(u, cfn->file, 1, e, s, vv.param != NULL ? at : vv.v[i],
		    &v, vv.param != NULL ? tl_printf("%s '%s' (the default of "
		    "parameter '%s')", r->type, r->name, vv.param) :
		    tl_printf("%s '%s'", r->type, r->name));
	}
}

static void
bs_from_templates(struct bs_uses *u, const struct tl_repo *repo)
{
	const struct tl_file		*f;
	const struct tl_cfn_resource	*r;
	struct tl_cfn			 cfn;
	size_t				 k;

	TL_FOREACH_FILE(f, repo, TL_FILE_TEMPLATE) {
		if (tl_cfn_open(&cfn, f) != 0) {
			tl_error_clear();
			continue;
		}
		for (k = 0; k < TL_NELEM(bs_resources); k++)
			TL_CFN_FOREACH(r, &cfn, bs_resources[k].type)
				bs_resource(u, &cfn, r, k);
		tl_cfn_release(&cfn);
	}
}

/*
 * Do two sources of an engine disagree: is every version of one of
 * another major than every version of the other?  *ia and *ib name the
 * first pair.  A pair that cannot be compared (mysql:8 against 8.0)
 * agrees.  *compared is set when some pair could be.
 */
static int
bs_disagree(const struct bs_use *a, const struct bs_use *b, size_t *ia,
    size_t *ib, int *compared)
{
	const struct ver *va;
	size_t		 i, j;
	int		 gran, order;

	for (i = 0; i < a->n; i++)
		for (j = 0; j < b->n; j++) {
			va = &a->vers[i].ver;
			gran = va->v[0] < bs_engines[a->engine].old_below ?
			    2 : bs_engines[a->engine].gran;
			if (!ver_cmp(va, &b->vers[j].ver, gran, &order))
				return 0;
			*compared = 1;
			if (order == 0)
				return 0;
		}
	*ia = *ib = 0;
	return a->n > 0 && b->n > 0;
}

/* The compose file every environment starts from. */
static int
compose_is_base(const struct tl_file *f)
{
	static const char *const base[] = {
		"docker-compose.yml", "docker-compose.yaml", "compose.yml",
		"compose.yaml",
	};
	size_t	 i;

	for (i = 0; i < TL_NELEM(base); i++)
		if (strcmp(f->name, base[i]) == 0)
			return 1;
	return 0;
}

static int	tf1004_check(struct tl_check *);

static const struct tl_rule tf1004 = {
	.id = "TF1004",
	.name = "backing-service-version-skew",
	.factor = TL_FACTOR_DEV_PROD_PARITY,
	.severity = TL_SEV_INFO,
	.needs = TL_NEED(TL_FILE_COMPOSE) | TL_NEED(TL_FILE_TEMPLATE),
	.summary = "backing-service version differs across compose files "
	    "and templates",
	.rationale =
	    "Dev/prod parity asks for the same backing services, at the same "
	    "version, in every environment: developing against postgres:12 "
	    "while RDS runs PostgreSQL 15 hides changed defaults, removed "
	    "features and new syntax until the deploy. The rule compares "
	    "the major version of each backing service a compose service "
	    "runs (the tag of postgres, postgis, mysql, mariadb, redis, "
	    "valkey, memcached, mongo, elasticsearch, opensearch, rabbitmq, "
	    "activemq and kafka images, official and bitnami) with the "
	    "EngineVersion of template resources that provision the same "
	    "engine (RDS DBInstance, DBCluster and GlobalCluster; "
	    "ElastiCache CacheCluster, ReplicationGroup and ServerlessCache; "
	    "DocumentDB clusters as MongoDB; OpenSearch Service and "
	    "Elasticsearch domains; Amazon MQ brokers; MSK clusters), and "
	    "with the other compose files of the same directory "
	    "(docker-compose.yml against docker-compose.test.yml). A "
	    "template is compared with the compose files of its directory, "
	    "above it and below it, not with those of sibling services. "
	    "Majors: PostgreSQL 10+, Redis, Valkey, MongoDB 5+, "
	    "Elasticsearch, OpenSearch and Kafka by their first number; "
	    "MySQL, MariaDB, PostgreSQL 9.x, MongoDB 4.x, Memcached, "
	    "RabbitMQ and ActiveMQ by their first two (5.7 against 8.0). "
	    "Reported at the template's version (or at the compose file "
	    "that is not docker-compose.yml), naming both versions and "
	    "both files, only when every version one side runs differs "
	    "from every version the other runs. Not compared: images "
	    "without a tag, :latest or a tag from a variable; a tag that "
	    "gives fewer numbers than the major needs and agrees on them "
	    "(mysql:8 against 8.0); an EngineVersion another intrinsic "
	    "computes (a !Ref to a parameter counts its literal Default, an "
	    "!If both branches); Redis against Valkey (a different "
	    "engine); two templates with each other.",
	.fix =
	    "Run the version production runs: pin the compose image to the "
	    "template's major (postgres:15 for EngineVersion 15.4), or "
	    "upgrade the Amazon RDS, ElastiCache, DocumentDB, OpenSearch "
	    "Service or Amazon MQ engine; keep the version in one place "
	    "(a parameter whose default the compose file mirrors) and bump "
	    "both together.",
	.see_also = NULL,
	.check = tf1004_check,
};

static int
tf1004_report(struct tl_check *c, const struct bs_use *at, size_t i,
    const struct bs_use *o, size_t j)
{
	char	*ev;
	int	 error;

	ev = tl_printf("%s %s %s %s", bs_engines[at->engine].name,
	    at->vers[i].text, o->file->path, o->vers[j].text);
	error = tl_report(c, at->file, at->vers[i].line, at->vers[i].col, ev,
	    "%s runs %s%s%s while %s:%u (%s) runs %s", at->vers[i].what,
	    at->tmpl ? bs_engines[at->engine].name : "", at->tmpl ? " " : "",
	    at->vers[i].text, o->file->path, o->vers[j].line,
	    o->vers[j].what, o->vers[j].text);
	free(ev);
	return error;
}

static int
tf1004_check(struct tl_check *c)
{
	struct bs_uses		 u;
	const struct bs_use	*a, *b, *t;
	size_t			 i, j, k, ia, ib, ncompose = 0;
	int			 error = 0, compared = 0;

	memset(&u, 0, sizeof(u));
	bs_from_compose(&u, c->repo);
	ncompose = u.n;
	bs_from_templates(&u, c->repo);
	for (i = 0; i < u.n && error == 0; i++) {
		a = &u.v[i];
		if (a->tmpl)
			continue;
		for (j = 0; j < u.n && error == 0; j++) {
			b = &u.v[j];
			if (j == i || b->engine != a->engine ||
			    b->file == a->file)
				continue;
			if (b->tmpl) {
				/* Compose against template: at the template. */
				if (!dir_within(a->dir, b->dir) &&
				    !dir_within(b->dir, a->dir))
					continue;
				if (bs_disagree(b, a, &ib, &ia, &compared))
					error = tf1004_report(c, b, ib, a, ia);
				continue;
			}
			/* Compose files of a directory, each pair once. */
			if (j < i || strcmp(a->dir, b->dir) != 0)
				continue;
			if (!bs_disagree(a, b, &ia, &ib, &compared))
				continue;
			t = compose_is_base(b->file) &&
			    !compose_is_base(a->file) ? a : b;
			error = t == a ? tf1004_report(c, a, ia, b, ib) :
			    tf1004_report(c, b, ib, a, ia);
		}
	}
	if (error == 0 && ncompose == 0)
		tl_not_applicable(c, "no compose service runs a backing "
		    "service (postgres, mysql, redis, mongo …) from an image "
		    "with a version tag");
	else if (error == 0 && !compared)
		tl_not_applicable(c, "nothing to compare: no template "
		    "provisions the engines the compose files run with an "
		    "EngineVersion, and no other compose file beside them runs "
		    "them");
	for (i = 0; i < u.n; i++) {
		free(u.v[i].dir);
		for (k = 0; k < u.v[i].n; k++)
			free(u.v[i].vers[k].what);
	}
	free(u.v);
	return error;
}

/* ------------------------------------------------------------- TF1005 */

enum rt_lang { RT_NODE, RT_PYTHON, RT_RUBY, RT_GO, RT_NONE = -1 };

/* Languages, and how many numbers of a version they are compared by. */
static const struct {
	const char	*name;
	int		 gran;
} rt_langs[] = {
	[RT_NODE] = { "Node.js", 1 }, [RT_PYTHON] = { "Python", 2 },
	[RT_RUBY] = { "Ruby", 2 }, [RT_GO] = { "Go", 2 },
};

/* Version files, by name. */
static const struct {
	const char	*name;
	enum rt_lang	 lang;
} rt_files[] = {
	{ ".nvmrc", RT_NODE }, { ".node-version", RT_NODE },
	{ ".python-version", RT_PYTHON }, { ".ruby-version", RT_RUBY },
	{ ".go-version", RT_GO },
};

/* Tool names of .tool-versions (asdf, mise) and buildspec runtime-versions. */
static const struct {
	const char	*name;
	enum rt_lang	 lang;
} rt_tools[] = {
	{ "nodejs", RT_NODE }, { "node", RT_NODE }, { "python", RT_PYTHON },
	{ "ruby", RT_RUBY }, { "golang", RT_GO }, { "go", RT_GO },
};

/* Images whose tag is the language's version (after image_short()). */
static const struct {
	const char	*image;
	enum rt_lang	 lang;
} rt_images[] = {
	{ "node", RT_NODE }, { "cimg/node", RT_NODE },
	{ "bitnami/node", RT_NODE }, { "circleci/node", RT_NODE },
	{ "public.ecr.aws/lambda/nodejs", RT_NODE },
	{ "amazon/aws-lambda-nodejs", RT_NODE },
	{ "python", RT_PYTHON }, { "cimg/python", RT_PYTHON },
	{ "bitnami/python", RT_PYTHON }, { "circleci/python", RT_PYTHON },
	{ "public.ecr.aws/lambda/python", RT_PYTHON },
	{ "amazon/aws-lambda-python", RT_PYTHON },
	{ "ruby", RT_RUBY }, { "cimg/ruby", RT_RUBY },
	{ "bitnami/ruby", RT_RUBY }, { "circleci/ruby", RT_RUBY },
	{ "public.ecr.aws/lambda/ruby", RT_RUBY },
	{ "amazon/aws-lambda-ruby", RT_RUBY },
	{ "golang", RT_GO }, { "cimg/go", RT_GO },
	{ "bitnami/golang", RT_GO }, { "circleci/golang", RT_GO },
};

/* Lambda runtime identifiers: the prefix before the version. */
static const struct {
	const char	*prefix;
	enum rt_lang	 lang;
} rt_lambda[] = {
	{ "nodejs", RT_NODE }, { "python", RT_PYTHON }, { "ruby", RT_RUBY },
	{ "go", RT_GO },
};

/* Node.js LTS code names (.nvmrc "lts/iron"); the latest LTS moves. */
static const struct {
	const char	*name;
	long		 major;
} node_lts[] = {
	{ "argon", 4 }, { "boron", 6 }, { "carbon", 8 }, { "dubnium", 10 },
	{ "erbium", 12 }, { "fermium", 14 }, { "gallium", 16 },
	{ "hydrogen", 18 }, { "iron", 20 }, { "jod", 22 },
};

/*
 * Where a runtime version is stated.  A pin says what the code is
 * written for; the others are what builds or runs it.
 */
enum rt_kind { RT_PIN, RT_BUILDSPEC, RT_DOCKERFILE, RT_LAMBDA };

struct rt_use {
	const struct tl_file	*file;
	unsigned		 line;
	unsigned		 col;
	enum rt_lang		 lang;
	enum rt_kind		 kind;
	int			 minimum;	/* go.mod: the least */
	struct ver		 ver;
	char			*desc;		/* owned: "FROM node:18" */
	char			*dir;		/* owned: of the code */
};

struct rt_uses {
	struct rt_use	*v;		/* owned */
	size_t		 n;
};

static void
rt_add(struct rt_uses *u, const struct tl_file *f, unsigned line,
    unsigned col, enum rt_lang lang, enum rt_kind kind,
    const struct ver *v, char *dir, char *desc)
{
	struct rt_use	*r;

	u->v = tl_reallocarray(u->v, u->n + 1, sizeof(*u->v));
	r = &u->v[u->n++];
	memset(r, 0, sizeof(*r));
	r->file = f;
	r->line = line;
	r->col = col;
	r->lang = lang;
	r->kind = kind;
	r->ver = *v;
	r->dir = dir != NULL ? dir : tl_path_dir(f->path);
	r->desc = desc;
}

/*
 * A version a pin states, into out: "20", "v20.11.1", "3.12.*", "==3.12",
 * "20.x", "^20.1" (its major), "~3.12" (major and minor), "~> 3.3.0" and
 * "~=3.12.0" (all but the last number), a suffix glued on ("3.12.0-dev").
 * Not a pin: ranges (">=18", "18 || 20", ">=3.9,<4"), words ("node",
 * "system", "latest", any "lts/" alias).  Returns out->n.
 */
static int
pin_parse(const char *s, struct ver *out)
{
	const char	*rest;
	int		 keep = 3, pess = 0;

	out->n = 0;
	if (s == NULL)
		return 0;
	while (isspace((unsigned char)*s))
		s++;
	if (strncmp(s, "~>", 2) == 0 || strncmp(s, "~=", 2) == 0) {
		pess = 1;
		s += 2;
	} else if (*s == '^') {
		keep = 1;
		s++;
	} else if (*s == '~') {
		keep = 2;
		s++;
	} else if (strncmp(s, "==", 2) == 0)
		s += 2;
	else if (*s == '=')
		s++;
	while (isspace((unsigned char)*s))
		s++;
	if (ver_read(s, out, &rest) == 0)
		return 0;
	while (rest[0] == '.' && (rest[1] == 'x' || rest[1] == 'X' ||
	    rest[1] == '*'))
		rest += 2;
	while (isalnum((unsigned char)*rest) || *rest == '-' ||
	    *rest == '+' || *rest == '.' || *rest == '_')
		rest++;
	while (isspace((unsigned char)*rest))
		rest++;
	if (*rest != '\0' || (pess && out->n < 2)) {
		out->n = 0;
		return 0;
	}
	if (pess)
		out->n--;
	if (out->n > keep)
		out->n = keep;
	return out->n;
}

/* The first line of a version file that is not blank or a comment. */
static char *
first_line(const struct tl_file *f, unsigned *line)
{
	const char	*p, *e, *end = f->data + f->size;

	*line = 0;
	for (p = f->data; p < end; p = e + 1) {
		(*line)++;
		if ((e = memchr(p, '\n', (size_t)(end - p))) == NULL)
			e = end;
		while (p < e && isspace((unsigned char)*p))
			p++;
		if (p < e && *p != '#')
			return tl_str_trim(tl_strndup(p, (size_t)(e - p)));
	}
	return NULL;
}

/* .nvmrc, .python-version, .ruby-version … */
static void
rt_from_version_file(struct rt_uses *u, const struct tl_file *f,
    enum rt_lang lang)
{
	struct ver	 v;
	const char	*s;
	char		*text;
	unsigned	 line;
	size_t		 k;

	if ((text = first_line(f, &line)) == NULL)
		return;
	s = text;
	if (lang == RT_RUBY && strncmp(s, "ruby-", 5) == 0)
		s += 5;
	memset(&v, 0, sizeof(v));
	if (lang == RT_NODE && strncasecmp(s, "lts/", 4) == 0) {
		for (k = 0; k < TL_NELEM(node_lts); k++)
			if (strcasecmp(s + 4, node_lts[k].name) == 0) {
				v.v[0] = node_lts[k].major;
				v.n = 1;
			}
	} else if (strchr(s, ' ') == NULL && strchr(s, '\t') == NULL)
		(void)pin_parse(s, &v);
	if (v.n > 0)
		rt_add(u, f, line, 1, lang, RT_PIN, &v, NULL,
		    tl_printf("%s pins %s", f->name, text));
	free(text);
}

/* .tool-versions: "nodejs 20.11.1", "python 3.12.1 3.11.7" (the first). */
static void
rt_from_tool_versions(struct rt_uses *u, const struct tl_file *f)
{
	const char	*p, *e, *w, *end = f->data + f->size;
	char		*tool, *val;
	struct ver	 v;
	unsigned	 line = 0;
	size_t		 k, n;

	for (p = f->data; p < end; p = e + 1) {
		line++;
		if ((e = memchr(p, '\n', (size_t)(end - p))) == NULL)
			e = end;
		while (p < e && isspace((unsigned char)*p))
			p++;
		for (w = p; p < e && !isspace((unsigned char)*p); p++)
			continue;
		if (w == p || *w == '#')
			continue;
		tool = tl_strndup(w, (size_t)(p - w));
		while (p < e && isspace((unsigned char)*p))
			p++;
		for (w = p; p < e && !isspace((unsigned char)*p) && *p != '#';
		    p++)
			continue;
		n = (size_t)(p - w);
		val = tl_strndup(w, n);
		for (k = 0; k < TL_NELEM(rt_tools); k++)
			if (strcmp(tool, rt_tools[k].name) == 0)
				break;
		if (k < TL_NELEM(rt_tools) && pin_parse(val, &v) > 0)
			rt_add(u, f, line, 1, rt_tools[k].lang, RT_PIN, &v,
			    NULL, tl_printf("%s pins %s %s", f->name, tool,
			    val));
		free(tool);
		free(val);
	}
}

/* The language version a manifest asks for. */
static void
rt_from_manifest(struct rt_uses *u, const struct tl_file *f)
{
	static const struct {
		enum tl_manifest_type	 type;
		enum rt_lang		 lang;
		const char		*field;
	} mfs[] = {
		{ TL_MF_PACKAGE_JSON, RT_NODE, "engines.node" },
		{ TL_MF_GO_MOD, RT_GO, "go" },
		{ TL_MF_PIPFILE, RT_PYTHON, "python_version" },
		{ TL_MF_PYPROJECT, RT_PYTHON, "python" },
		{ TL_MF_GEMFILE, RT_RUBY, "ruby" },
	};
	const struct tl_manifest *m = f->manifest;
	struct ver		 v;
	size_t			 k;

	if (m == NULL || m->runtime == NULL)
		return;
	for (k = 0; k < TL_NELEM(mfs); k++)
		if (mfs[k].type == m->type)
			break;
	if (k == TL_NELEM(mfs) || pin_parse(m->runtime, &v) == 0)
		return;
	rt_add(u, f, m->runtime_line, 1, mfs[k].lang, RT_PIN, &v, NULL,
	    m->type == TL_MF_GO_MOD ? tl_printf("go.mod requires go %s",
	    m->runtime) : tl_printf("%s %s is %s", f->name, mfs[k].field,
	    m->runtime));
	u->v[u->n - 1].minimum = m->type == TL_MF_GO_MOD;
}

static void
rt_from_pins(struct rt_uses *u, struct tl_check *c)
{
	const struct tl_file	*f;
	size_t			 i, k;

	for (i = 0; i < c->repo->nfiles; i++) {
		f = c->repo->files[i];
		if (!f->loaded || f->broken || f->test || f->vendored ||
		    f->data == NULL)
			continue;
		if (f->kind == TL_FILE_MANIFEST) {
			rt_from_manifest(u, f);
			continue;
		}
		if (f->kind != TL_FILE_OTHER)
			continue;
		if (strcmp(f->name, ".tool-versions") == 0) {
			tl_evidence(c, f->path);
			rt_from_tool_versions(u, f);
			continue;
		}
		for (k = 0; k < TL_NELEM(rt_files); k++)
			if (strcmp(f->name, rt_files[k].name) == 0) {
				tl_evidence(c, f->path);
				rt_from_version_file(u, f, rt_files[k].lang);
			}
	}
}

/* Does a build pass another value for an ARG the stage's image names? */
static int	arg_overridden(const struct tl_repo *, const char *);

static int
image_arg_overridden(const struct tl_repo *repo, const char *raw)
{
	const char	*p, *e;
	char		*var;
	int		 hit = 0;

	for (p = strchr(raw, '$'); p != NULL && !hit; p = strchr(e, '$')) {
		p += p[1] == '{' ? 2 : 1;
		for (e = p; *e == '_' || isalnum((unsigned char)*e); e++)
			continue;
		if (e == p)
			continue;
		var = tl_strndup(p, (size_t)(e - p));
		hit = arg_overridden(repo, var);
		free(var);
	}
	return hit;
}

/*
 * Every stage built FROM a language image with a version tag (build
 * stages too: a golang:1.22 builder is what compiles the code).
 */
static void
rt_from_dockerfiles(struct rt_uses *u, const struct tl_repo *repo)
{
	const struct tl_file	*f;
	const struct tl_df_stage *st;
	char			*name, *tag;
	const char		*s;
	struct ver		 v;
	size_t			 i, k;

	TL_FOREACH_FILE(f, repo, TL_FILE_DOCKERFILE) {
		for (i = 0; f->docker != NULL && i < f->docker->nstages; i++) {
			st = &f->docker->stages[i];
			if (st->parent >= 0 || !image_literal(f->docker, st) ||
			    image_arg_overridden(repo, st->image_raw))
				continue;
			name = tag = NULL;
			if (tl_df_image_split(st->image, &name, &tag,
			    NULL) != 0) {
				tl_error_clear();
				continue;
			}
			s = image_short(name);
			for (k = 0; k < TL_NELEM(rt_images); k++)
				if (strcmp(s, rt_images[k].image) == 0)
					break;
			if (k < TL_NELEM(rt_images) && tag != NULL &&
			    isdigit((unsigned char)tag[0]) &&
			    ver_read(tag, &v, NULL) > 0)
				rt_add(u, f, st->line, 1, rt_images[k].lang,
				    RT_DOCKERFILE, &v, NULL,
				    tl_printf("FROM %s", st->image));
			free(name);
			free(tag);
		}
	}
}

/* buildspec phases.install.runtime-versions. */
static void
rt_from_buildspecs(struct rt_uses *u, const struct tl_repo *repo)
{
	const struct tl_file	*f;
	const struct tl_ynode	*rv, *val;
	const char		*key;
	struct ver		 v;
	size_t			 i, k;

	TL_FOREACH_FILE(f, repo, TL_FILE_BUILDSPEC) {
		if (f->doc == NULL || f->doc->nroots == 0)
			continue;
		rv = tl_ypath(f->doc->roots[0],
		    "phases.install.runtime-versions");
		TL_YMAP_FOREACH(i, rv) {
			key = tl_ystr(rv->pairs[i].key);
			val = rv->pairs[i].value;
			for (k = 0; key != NULL && k < TL_NELEM(rt_tools); k++)
				if (strcmp(key, rt_tools[k].name) == 0)
					break;
			if (key == NULL || k == TL_NELEM(rt_tools) ||
			    val->type != TL_YSCALAR || val->tag != NULL ||
			    pin_parse(val->value, &v) == 0)
				continue;
			rt_add(u, f, val->line, val->col, rt_tools[k].lang,
			    RT_BUILDSPEC, &v, NULL, tl_printf(
			    "buildspec runtime-versions %s %s", key,
			    val->value));
		}
	}
}

/*
 * The directory of a function's code: its literal CodeUri (a directory,
 * or the directory of a .zip or .jar) from the template's directory;
 * else the template's directory.
 */
static char *
function_dir(const struct tl_cfn_resource *r, const char *tdir)
{
	struct tl_buf	 b = TL_BUF_INIT;
	const char	*uri;
	char		*out;

	uri = tl_ystr(tl_cfn_prop(r, "CodeUri"));
	if (uri == NULL || tl_cfn_prop(r, "CodeUri")->tag != NULL ||
	    strstr(uri, "://") != NULL || !tl_path_join(&b, tdir, uri) ||
	    b.len == 0 || b.data[0] == '/') {
		tl_buf_release(&b);
		return tl_strdup(tdir);
	}
	if (tl_str_has_suffix(b.data, ".zip") ||
	    tl_str_has_suffix(b.data, ".jar"))
		out = tl_path_dir(b.data);
	else
		out = tl_buf_detach(&b);
	tl_buf_release(&b);
	return out;
}

/* Lambda Runtime (SAM Globals applied), each literal it may deploy as. */
static void
rt_from_function(struct rt_uses *u, const struct tl_cfn *cfn,
    const struct tl_cfn_resource *r, const char *tdir)
{
	const struct tl_ynode	*rt, *at;
	struct cfn_vals		 vals;
	struct ver		 v;
	const char		*s;
	size_t			 i, k, n;

	rt = tl_cfn_prop(r, "Runtime");
	cfn_vals(cfn, rt, &vals);
	for (i = 0; i < vals.n; i++) {
		s = tl_ystr(vals.v[i]);
		for (k = 0; k < TL_NELEM(rt_lambda); k++) {
			n = strlen(rt_lambda[k].prefix);
			if (strncmp(s, rt_lambda[k].prefix, n) == 0 &&
			    isdigit((unsigned char)s[n]))
				break;
		}
		if (k == TL_NELEM(rt_lambda) || ver_read(s + n, &v, NULL) == 0)
			continue;
		/* A parameter's Default: at the Runtime that refers to it. */
		at = vals.param != NULL ? rt : vals.v[i];
		rt_add(u, cfn->file, at->line, at->col, rt_lambda[k].lang,
		    RT_LAMBDA, &v, function_dir(r, tdir),
		    tl_ymap_get(r->props, "Runtime") == NULL ?
		    tl_printf("the Globals Runtime %s", s) :
		    tl_printf("Lambda '%s' runs %s", r->name, s));
	}
}

static void
rt_from_lambdas(struct rt_uses *u, const struct tl_repo *repo)
{
	static const char *const types[] = {
		"AWS::Serverless::Function", "AWS::Lambda::Function"
	};
	const struct tl_file		*f;
	const struct tl_cfn_resource	*r;
	struct tl_cfn			 cfn;
	char				*tdir;
	size_t				 t;

	TL_FOREACH_FILE(f, repo, TL_FILE_TEMPLATE) {
		if (tl_cfn_open(&cfn, f) != 0) {
			tl_error_clear();
			continue;
		}
		tdir = tl_path_dir(f->path);
		for (t = 0; t < TL_NELEM(types); t++)
			TL_CFN_FOREACH(r, &cfn, types[t])
				rt_from_function(u, &cfn, r, tdir);
		free(tdir);
		tl_cfn_release(&cfn);
	}
}

static int	tf1005_check(struct tl_check *);

static const struct tl_rule tf1005 = {
	.id = "TF1005",
	.name = "runtime-version-skew",
	.factor = TL_FACTOR_DEV_PROD_PARITY,
	.severity = TL_SEV_WARNING,
	.needs = TL_NEED(TL_FILE_DOCKERFILE) | TL_NEED(TL_FILE_TEMPLATE) |
	    TL_NEED(TL_FILE_BUILDSPEC),
	.summary = "runtime version skew",
	.rationale =
	    "Dev/prod parity asks that the code run on the same language "
	    "runtime wherever it runs: tests pass on the Node.js 20 of "
	    ".nvmrc and the Lambda runs nodejs18.x, or the image builds on "
	    "python:3.11 while developers use 3.12, and a syntax, API or "
	    "dependency wheel that exists in one is missing in the other. "
	    "Pins read: .nvmrc and .node-version (lts/<code name> as its "
	    "major), .python-version, .ruby-version, .go-version, "
	    ".tool-versions (nodejs, node, python, ruby, golang, go), "
	    "package.json engines.node, Pipfile python_version, pyproject "
	    "python, Gemfile ruby and go.mod go; a range (>=18, ^3.11 for "
	    "Python) pins only what it fixes. Compared with them: every "
	    "Dockerfile stage built FROM node, python, ruby or golang "
	    "(official, cimg, bitnami, circleci and Lambda base images; an "
	    "ARG default counts unless a build passes that ARG), buildspec "
	    "phases.install.runtime-versions, and Lambda Runtime (SAM "
	    "Globals applied, a parameter's Default, both branches of an "
	    "!If). A pin applies to the code in its directory and below, "
	    "and the nearest directory with a pin for that language wins "
	    "(services/a/.nvmrc for services/a, not the root one); a "
	    "function's code is its CodeUri. Lambda Runtime is also "
	    "compared with the nearest buildspec above its code and the "
	    "Dockerfile beside it. Node.js is compared by major, Python, "
	    "Ruby and Go by major and minor; go.mod's go line is a minimum, "
	    "so only an older Go is reported. Reported at the Dockerfile, "
	    "buildspec or template, once per disagreeing pair. Not "
	    "compared: different languages, pins with each other, "
	    "Dockerfiles with buildspecs, versions that fix less than the "
	    "comparison needs (python:3, go1.x, node:lts), and Java, .NET "
	    "and other runtimes.",
	.fix =
	    "State the version once and follow it everywhere: bump the "
	    "Lambda Runtime (nodejs20.x), the Dockerfile FROM tag and the "
	    "CodeBuild runtime-versions together with .nvmrc or "
	    ".python-version, or pass the pinned version to the Dockerfile "
	    "as a build argument.",
	.see_also = NULL,
	.check = tf1005_check,
};

/* Do d (what builds or runs) and p (what it is compared with) disagree? */
static int
rt_disagree(const struct rt_use *d, const struct rt_use *p, int *compared)
{
	int	 order;

	if (!ver_cmp(&d->ver, &p->ver, rt_langs[d->lang].gran, &order))
		return 0;
	*compared = 1;
	return p->minimum ? order < 0 : order != 0;
}

/* The deepest directory holding a use of this kind and language above dir. */
static const char *
rt_nearest(const struct rt_uses *u, enum rt_kind kind, enum rt_lang lang,
    const char *dir)
{
	const char	*best = NULL;
	size_t		 i;

	for (i = 0; i < u->n; i++)
		if (u->v[i].kind == kind && u->v[i].lang == lang &&
		    dir_within(dir, u->v[i].dir) && (best == NULL ||
		    strlen(u->v[i].dir) > strlen(best)))
			best = u->v[i].dir;
	return best;
}

/* Is p compared with d (what builds or runs the code)? */
static int
rt_applies(const struct rt_uses *u, const struct rt_use *d,
    const struct rt_use *p)
{
	const char	*near;

	if (p->lang != d->lang || d->kind == RT_PIN)
		return 0;
	switch (p->kind) {
	case RT_PIN:
		near = rt_nearest(u, RT_PIN, d->lang, d->dir);
		return near != NULL && strcmp(p->dir, near) == 0;
	case RT_BUILDSPEC:
		near = rt_nearest(u, RT_BUILDSPEC, d->lang, d->dir);
		return d->kind == RT_LAMBDA && near != NULL &&
		    strcmp(p->dir, near) == 0;
	case RT_DOCKERFILE:
		return d->kind == RT_LAMBDA && strcmp(p->dir, d->dir) == 0;
	case RT_LAMBDA:
		break;
	}
	return 0;
}

static int
tf1005_check(struct tl_check *c)
{
	struct rt_uses		 u;
	const struct rt_use	*d, *p, *q;
	char			*ev;
	size_t			 i, j, k;
	int			 error = 0, compared = 0, dup;

	memset(&u, 0, sizeof(u));
	rt_from_pins(&u, c);
	rt_from_dockerfiles(&u, c->repo);
	rt_from_buildspecs(&u, c->repo);
	rt_from_lambdas(&u, c->repo);
	for (i = 0; i < u.n && error == 0; i++) {
		d = &u.v[i];
		for (j = 0; j < u.n && error == 0; j++) {
			p = &u.v[j];
			if (!rt_applies(&u, d, p) || !rt_disagree(d, p,
			    &compared))
				continue;
			/* Functions that share a Globals Runtime: once. */
			for (dup = 0, k = 0; k < i && !dup; k++) {
				q = &u.v[k];
				dup = q->file == d->file &&
				    q->line == d->line && q->col == d->col &&
				    rt_applies(&u, q, p);
			}
			if (dup)
				continue;
			ev = tl_printf("%s %s %s", d->desc, p->file->path,
			    p->desc);
			error = tl_report(c, d->file, d->line, d->col, ev,
			    "%s but %s (%s:%u)", d->desc, p->desc,
			    p->file->path, p->line);
			free(ev);
		}
	}
	if (error == 0 && !compared)
		tl_not_applicable(c, "no runtime version is pinned in two "
		    "places that apply to the same code precisely enough to "
		    "compare (.nvmrc, .python-version, .tool-versions, go.mod "
		    "… against a Dockerfile FROM, buildspec runtime-versions "
		    "or a Lambda Runtime)");
	for (i = 0; i < u.n; i++) {
		free(u.v[i].desc);
		free(u.v[i].dir);
	}
	free(u.v);
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
	&tf1004,
	&tf1005,
	&tf1006,
};

const struct tl_module tl_module_DEV_PROD_PARITY = {
	TL_FACTOR_DEV_PROD_PARITY, rules, TL_NELEM(rules), NULL, NULL
};
