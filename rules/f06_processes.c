/*
 * f06_processes.c: factor VI, Processes (https://12factor.net/processes).
 * Execute the app as one or more stateless processes.
 */
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "twelvelint/template.h"

/* ------------------------------------------------------------- TF0601 */

/* ELBv2 target group: TargetGroupAttributes stickiness.enabled = true. */
static int
target_group(struct tl_check *c, const struct tl_file *f, const char *name,
    const struct tl_ynode *props)
{
	const struct tl_ynode	*attrs, *a;
	size_t			 i;

	attrs = tl_ymap_get(props, "TargetGroupAttributes");
	for (i = 0; attrs != NULL && attrs->type == TL_YSEQ &&
	    i < attrs->nitems; i++) {
		a = attrs->items[i];
		if (!tl_yscalar_is(tl_ymap_get(a, "Key"), "stickiness.enabled") ||
		    !tl_yvalue_may_be(tl_ymap_get(a, "Value"), "true"))
			continue;
		return tl_report(c, f, tl_ymap_get(a, "Key")->line,
		    tl_ymap_get(a, "Key")->col, name,
		    "target group '%s' sets stickiness.enabled to true: "
		    "requests of one client are pinned to one task", name);
	}
	return 0;
}

/* Classic ELB: LBCookieStickinessPolicy / AppCookieStickinessPolicy. */
static int
classic_elb(struct tl_check *c, const struct tl_file *f, const char *name,
    const struct tl_ynode *props)
{
	static const char *const keys[] = {
		"LBCookieStickinessPolicy", "AppCookieStickinessPolicy"
	};
	const struct tl_ypair	*p;
	size_t			 k;

	for (k = 0; k < TL_NELEM(keys); k++) {
		p = tl_ymap_pair(props, keys[k]);
		if (p == NULL || p->value->type != TL_YSEQ ||
		    p->value->nitems == 0)
			continue;
		return tl_report(c, f, p->key->line, p->key->col, name,
		    "load balancer '%s' sets %s: requests of one client are "
		    "pinned to one instance", name, keys[k]);
	}
	return 0;
}

/* Compose: Traefik sticky cookies in a service's labels. */
static int
compose_labels(struct tl_check *c, const struct tl_file *f, const char *svc,
    const struct tl_ynode *labels)
{
	const struct tl_ynode	*n;
	const char		*s;
	size_t			 i;

	if (labels == NULL)
		return 0;
	for (i = 0; i < labels->nitems + labels->npairs; i++) {
		if (labels->type == TL_YSEQ) {
			n = labels->items[i];
			s = tl_ystr(n);
			if (s == NULL || strstr(s, ".sticky") == NULL ||
			    (strstr(s, "=true") == NULL &&
			    strstr(s, ".sticky.cookie=") == NULL))
				continue;
		} else if (labels->type == TL_YMAP) {
			n = labels->pairs[i].key;
			s = tl_ystr(n);
			if (s == NULL || strstr(s, ".sticky") == NULL ||
			    (!tl_yvalue_may_be(labels->pairs[i].value, "true") &&
			    strstr(s, ".sticky.cookie.") == NULL))
				continue;
		} else
			return 0;
		return tl_report(c, f, n->line, n->col, svc,
		    "service '%s' asks the proxy for sticky sessions", svc);
	}
	return 0;
}

static int	tf0601_check(struct tl_check *);

static const struct tl_rule tf0601 = {
	.id = "TF0601",
	.name = "sticky-sessions",
	.factor = TL_FACTOR_PROCESSES,
	.severity = TL_SEV_ERROR,
	.needs = TL_NEED(TL_FILE_TEMPLATE) | TL_NEED(TL_FILE_COMPOSE),
	.summary = "sticky sessions",
	.rationale =
	    "Twelve-factor processes share nothing: any process can serve "
	    "any request. Sticky sessions are the sign that they do not: the "
	    "load balancer must send a client back to the process that holds "
	    "its session, so that process can never be replaced, scaled in "
	    "or restarted without logging users out. Checked: ELBv2 target "
	    "groups with stickiness.enabled (also under Fn::If), classic ELB "
	    "cookie stickiness policies, and Traefik sticky cookies in "
	    "compose labels.",
	.fix =
	    "Keep session state in a backing service that every process "
	    "reaches (Amazon ElastiCache for Redis or Memcached, DynamoDB, "
	    "or a signed cookie) and remove the stickiness attribute or "
	    "policy, so the target group balances every request freely.",
	.see_also = NULL,
	.check = tf0601_check,
};

static int
tf0601_check(struct tl_check *c)
{
	const struct tl_file	*f;
	const struct tl_ynode	*res, *r, *svcs, *s, *deploy;
	const char		*type, *name;
	size_t			 i;
	int			 error = 0;

	TL_FOREACH_FILE(f, c->repo, TL_FILE_TEMPLATE) {
		if (f->doc == NULL || f->doc->nroots == 0)
			continue;
		res = tl_ymap_get(f->doc->roots[0], "Resources");
		for (i = 0; res != NULL && res->type == TL_YMAP &&
		    i < res->npairs && error == 0; i++) {
			r = res->pairs[i].value;
			name = tl_ystr(res->pairs[i].key);
			type = tl_ystr(tl_ymap_get(r, "Type"));
			if (type == NULL || name == NULL)
				continue;
			if (strcmp(type,
			    "AWS::ElasticLoadBalancingV2::TargetGroup") == 0)
				error = target_group(c, f, name,
				    tl_ymap_get(r, "Properties"));
			else if (strcmp(type,
			    "AWS::ElasticLoadBalancing::LoadBalancer") == 0)
				error = classic_elb(c, f, name,
				    tl_ymap_get(r, "Properties"));
		}
		if (error != 0)
			return error;
	}
	TL_FOREACH_FILE(f, c->repo, TL_FILE_COMPOSE) {
		if (f->doc == NULL || f->doc->nroots == 0)
			continue;
		svcs = tl_ymap_get(f->doc->roots[0], "services");
		for (i = 0; svcs != NULL && svcs->type == TL_YMAP &&
		    i < svcs->npairs && error == 0; i++) {
			s = svcs->pairs[i].value;
			name = tl_ystr(svcs->pairs[i].key);
			if (name == NULL)
				continue;
			error = compose_labels(c, f, name,
			    tl_ymap_get(s, "labels"));
			deploy = tl_ymap_get(s, "deploy");
			if (error == 0 && deploy != NULL)
				error = compose_labels(c, f, name,
				    tl_ymap_get(deploy, "labels"));
		}
		if (error != 0)
			return error;
	}
	return 0;
}

/* ------------------------------------------------------------- TF0603 */

/*
 * Images whose job is to keep data: databases, caches, brokers, search
 * engines, object and key-value stores.  A VOLUME there is their job.
 */
static const char *const data_images[] = {
	"postgres", "postgis", "timescaledb", "mysql", "mariadb",
	"percona-server", "mongo", "mongodb", "redis", "valkey", "keydb",
	"memcached", "rabbitmq", "elasticsearch", "opensearch", "cassandra",
	"scylla", "couchdb", "couchbase", "influxdb", "minio", "etcd",
	"zookeeper", "kafka", "cp-kafka", "clickhouse-server", "neo4j",
	"registry", "vault", "consul", "nats", "mssql-server", "oracle",
	"cockroach", "dynamodb-local", "localstack", "prometheus", "loki",
	"grafana", "jenkins", "gitlab-ce", "gitlab-ee", "sonarqube",
	NULL
};

/* Their server programs, as a start command names them. */
static const char *const data_progs[] = {
	"postgres", "postmaster", "pg_ctl", "mysqld", "mysqld_safe",
	"mariadbd", "mongod", "redis-server", "valkey-server", "keydb-server",
	"memcached", "rabbitmq-server", "elasticsearch", "opensearch",
	"cassandra", "couchdb", "influxd", "minio", "etcd", "zkServer.sh",
	"kafka-server-start.sh", "clickhouse-server", "neo4j", "registry",
	"vault", "consul", "nats-server", "sqlservr", "cockroach",
	"prometheus", "loki", NULL
};

/* Programs that serve requests: the image runs a web process. */
static const char *const web_progs[] = {
	"gunicorn", "uvicorn", "daphne", "hypercorn", "waitress-serve",
	"uwsgi", "granian", "flask", "streamlit", "puma", "unicorn", "thin",
	"passenger", "rails", "rackup", "node", "bun", "deno", "npm", "yarn",
	"pnpm", "next", "nuxt", "java", "catalina.sh", "php-fpm", "php",
	"apache2-foreground", "httpd-foreground", "frankenphp", "dotnet",
	NULL
};

/* Path components of scratch space: temporary files, caches, logs. */
static const char *const scratch_dirs[] = {
	"tmp", "temp", "cache", ".cache", "log", "logs", "run", "shm", ".m2",
	".gradle", ".npm", NULL
};

static int
listed(const char *s, const char *const *list)
{
	for (; *list != NULL; list++)
		if (strcmp(s, *list) == 0)
			return 1;
	return 0;
}

/* A container path in scratch space: /tmp, /var/cache/app, /app/logs. */
static int
scratch_path(const char *path)
{
	char	*copy, *w, *save = NULL;
	int	 hit = 0;

	copy = tl_strdup(path);
	for (w = strtok_r(copy, "/", &save); w != NULL && !hit;
	    w = strtok_r(NULL, "/", &save))
		hit = listed(w, scratch_dirs);
	free(copy);
	return hit;
}

/* The image's name without registry, tag or digest: "postgres". */
static int
data_image(const char *image)
{
	const char	*b;
	char		*name;
	int		 hit;

	if (image == NULL)
		return 0;
	b = strrchr(image, '/');
	b = b != NULL ? b + 1 : image;
	name = tl_strndup(b, strcspn(b, ":@"));
	hit = listed(name, data_images);
	free(name);
	return hit;
}

/*
 * Is the start command one of Dockerfile f's: its CMD or ENTRYPOINT, a
 * script they run, or a script found by name (*entrypoint*) in f's
 * directory or below?
 */
static int
start_of(const struct tl_start *st, const struct tl_file *f)
{
	char	*dir;
	size_t	 n;
	int	 ok;

	if (st->script == NULL)
		return 0;
	if (st->kind != TL_START_SCRIPT)
		return st->file == f;
	if (st->via != NULL)
		return st->via == f;
	dir = tl_path_dir(f->path);
	n = strlen(dir);
	ok = n == 0 || (strncmp(st->file->path, dir, n) == 0 &&
	    st->file->path[n] == '/');
	free(dir);
	return ok;
}

/*
 * What the image runs, from its start commands (CMD, ENTRYPOINT and the
 * scripts they run): *data when one is a data server, *web when one is
 * a web server or runtime (its name put in web_prog).
 */
static void
image_runs(const struct tl_starts *starts, const struct tl_file *f,
    int *data, const char **web_prog)
{
	const struct tl_start	*st;
	const char		*prog;
	size_t			 i, j;

	*data = 0;
	*web_prog = NULL;
	for (i = 0; i < starts->n; i++) {
		st = &starts->v[i];
		if (!start_of(st, f))
			continue;
		for (j = 0; j < st->script->ncmds; j++) {
			if (st->script->cmds[j].in_function)
				continue;
			prog = tl_sh_real_prog(&st->script->cmds[j]);
			if (listed(prog, data_progs))
				*data = 1;
			else if (*web_prog == NULL && listed(prog, web_progs))
				*web_prog = prog;
		}
	}
}

static int	tf0603_check(struct tl_check *);

static const struct tl_rule tf0603 = {
	.id = "TF0603",
	.name = "durable-data-on-local-disk",
	.factor = TL_FACTOR_PROCESSES,
	.severity = TL_SEV_WARNING,
	.needs = TL_NEED(TL_FILE_DOCKERFILE),
	.summary = "app keeps durable data on the local file system",
	.rationale =
	    "Twelve-factor processes are stateless and share nothing: data "
	    "that must outlive a request is kept in a stateful backing "
	    "service. A VOLUME in the image of a web process says the app "
	    "writes durable data to its own file system: that data stays on "
	    "one host, is lost when the task is replaced, and is not seen by "
	    "the other processes when the service scales out. This rule "
	    "reads Dockerfiles: a VOLUME in the final stage, or a stage it "
	    "is built FROM, of an image that runs a web process (it EXPOSEs "
	    "a port, or its CMD, ENTRYPOINT or entrypoint script starts a "
	    "web server or runtime: gunicorn, uvicorn, puma, node, java, "
	    "php-fpm …). Not reported: images whose job is to keep data "
	    "(built FROM postgres, mysql, redis, mongo, elasticsearch, "
	    "minio …, or FROM an off-the-shelf stateful server: jenkins, "
	    "grafana, gitlab, sonarqube; or starting postgres, mysqld, "
	    "redis-server, mongod …), "
	    "scratch space (paths with a tmp, temp, cache, log, logs or run "
	    "component: VOLUME /tmp as Spring Boot images declare it), build "
	    "stages the final image does not derive from, and Dockerfiles "
	    "named for local development. The rule also reads application "
	    "source and configuration (the detectors in "
	    "rules/patterns/processes.yml; not tests, not files named for "
	    "development, testing or a local setup, not scripts/, bin/, "
	    "cli/, tools/, examples/ or docs/) for an SQLite file as the "
	    "app's database - Django's sqlite3 ENGINE, a production: block "
	    "on sqlite3 in Rails' config/database.yml, a literal sqlite:/// "
	    "URL for SQLAlchemy, sqlite3, better-sqlite3, Sequelize, Knex "
	    "or TypeORM on a file in Node, sql.Open or gorm's sqlite.Open of "
	    "a file in Go, a Prisma datasource with provider sqlite - and "
	    "for uploads written to a local directory: multer disk storage, "
	    "Django's FileSystemStorage as the default storage, Flask's "
	    "file.save into an UPLOAD_FOLDER, Active Storage's :local "
	    "service in a production environment file, PHP's "
	    "move_uploaded_file, ASP.NET Core IFormFile data copied into a "
	    "FileStream. Not reported there: SQLite in memory, a database "
	    "chosen from the environment (DATABASE_URL, dj_database_url, an "
	    "environment lookup with an SQLite default), a settings file "
	    "that also names a server database engine or a cloud storage "
	    "backend, Django base/common settings modules, command-line "
	    "tools (cobra, urfave/cli, argparse, click, process.argv), and "
	    "uploads kept in a temporary directory or sent on to S3, Cloud "
	    "Storage, Azure Blob or Cloudinary. Known blind spots: a "
	    "database path or upload directory that reaches the driver "
	    "through a variable or a config file, and a base settings "
	    "module whose SQLite or local storage production never "
	    "overrides.",
	.fix =
	    "Keep the data in a backing service: uploads and generated "
	    "files in Amazon S3, records in a database (Amazon RDS, "
	    "DynamoDB), shared caches in ElastiCache; then remove the "
	    "VOLUME. Where a file system is truly needed, mount a shared one "
	    "(Amazon EFS in the ECS task definition) and treat it as an "
	    "attached resource.",
	.see_also = NULL,
	.check = tf0603_check,
};

/* The durable paths of a VOLUME, joined by spaces ("" when none). */
static void
volume_paths(const struct tl_df_instr *in, struct tl_buf *out)
{
	char	*copy, *w, *save = NULL;
	size_t	 i;

	tl_buf_clear(out);
	if (in->exec_form) {
		for (i = 0; i < in->argc; i++)
			if (!scratch_path(in->argv[i]))
				tl_buf_addf(out, "%s%s", out->len > 0 ? " " :
				    "", in->argv[i]);
		return;
	}
	copy = tl_strdup(in->args);
	for (w = strtok_r(copy, " \t", &save); w != NULL;
	    w = strtok_r(NULL, " \t", &save))
		if (!scratch_path(w))
			tl_buf_addf(out, "%s%s", out->len > 0 ? " " : "", w);
	free(copy);
}

/* Report the VOLUMEs of one Dockerfile's final image. */
static int
tf0603_file(struct tl_check *c, const struct tl_file *f,
    const struct tl_starts *starts)
{
	const struct tl_dockerfile *df = f->docker;
	const struct tl_df_stage *st, *chain[64];
	const struct tl_df_instr *in, *expose = NULL;
	struct tl_buf		 paths = TL_BUF_INIT, why = TL_BUF_INIT;
	const char		*web;
	size_t			 n = 0, i, j;
	int			 data, error = 0;

	for (st = tl_dockerfile_final(df); st != NULL && n < TL_NELEM(chain);
	    st = st->parent >= 0 ? &df->stages[st->parent] : NULL)
		chain[n++] = st;
	if (n == 0 || data_image(chain[n - 1]->image))
		return 0;
	image_runs(starts, f, &data, &web);
	if (data)
		return 0;
	for (i = 0; i < n && expose == NULL; i++)
		for (j = chain[i]->first; j < chain[i]->first +
		    chain[i]->count; j++)
			if (strcmp(df->instrs[j].keyword, "EXPOSE") == 0)
				expose = &df->instrs[j];
	if (web != NULL)
		tl_buf_addf(&why, "it starts '%s'", web);
	else if (expose != NULL)
		tl_buf_addf(&why, "it exposes %s at line %u", expose->args,
		    expose->line);
	else
		return 0;
	for (i = n; i > 0 && error == 0; i--)
		for (j = chain[i - 1]->first; j < chain[i - 1]->first +
		    chain[i - 1]->count && error == 0; j++) {
			in = &df->instrs[j];
			if (strcmp(in->keyword, "VOLUME") != 0)
				continue;
			volume_paths(in, &paths);
			if (paths.len == 0)
				continue;
			error = tl_report(c, f, in->line, 1, tl_buf_str(&paths),
			    "VOLUME %s in the image of a web process (%s): "
			    "data written there stays on one host and is lost "
			    "when the task is replaced", tl_buf_str(&paths),
			    tl_buf_str(&why));
		}
	tl_buf_release(&paths);
	tl_buf_release(&why);
	return error;
}

static int
tf0603_check(struct tl_check *c)
{
	const struct tl_file	*f;
	struct tl_starts	 starts;
	int			 error = 0;

	tl_starts_collect(&starts, c->repo);
	TL_FOREACH_FILE(f, c->repo, TL_FILE_DOCKERFILE) {
		if (f->docker == NULL || tl_path_is_dev_artefact(f->path))
			continue;
		if ((error = tf0603_file(c, f, &starts)) != 0)
			break;
	}
	tl_starts_release(&starts);
	return error;
}

/* ------------------------------------------------------------- TF0604 */

static int	tf0604_check(struct tl_check *);

static const struct tl_rule tf0604 = {
	.id = "TF0604",
	.name = "shared-network-file-system",
	.factor = TL_FACTOR_PROCESSES,
	.severity = TL_SEV_INFO,
	.needs = TL_NEED(TL_FILE_TEMPLATE) | TL_NEED(TL_FILE_TASKDEF),
	.summary = "shared network file system mounted into app processes",
	.rationale =
	    "Twelve-factor processes share nothing: anything that must persist "
	    "lives in a backing service. A network file system mounted into "
	    "every process (Amazon EFS) is shared state behind the backing "
	    "services' back: processes coordinate through files, locking and "
	    "consistency become the app's problem, and the data's lifecycle is "
	    "tied to a mount rather than a service with its own API. It has "
	    "legitimate uses (large read-only models or assets), hence "
	    "information only. Reported: Lambda functions with "
	    "FileSystemConfigs (SAM, plain or in Globals), ECS task "
	    "definitions whose volumes use an EFS volume configuration, in "
	    "templates and task-definition JSON.",
	.fix =
	    "Keep shared data in a backing service with its own API: Amazon S3 "
	    "for objects and assets, DynamoDB or RDS for records, ElastiCache "
	    "for shared caches; mount EFS read-only only for large immutable "
	    "artefacts.",
	.see_also = NULL,
	.check = tf0604_check,
};

static int
tf0604_check(struct tl_check *c)
{
	const struct tl_file	*f;
	const struct tl_cfn_resource *r;
	const struct tl_ynode	*n, *vols, *v;
	struct tl_cfn		 cfn;
	size_t			 i, k;
	int			 error = 0;

	TL_FOREACH_FILE(f, c->repo, TL_FILE_TEMPLATE) {
		if (tl_cfn_open(&cfn, f) != 0)
			continue;
		for (i = 0; error == 0 && i < cfn.nres; i++) {
			r = &cfn.res[i];
			if ((tl_cfn_type_is(r, "AWS::Serverless::Function") ||
			    tl_cfn_type_is(r, "AWS::Lambda::Function")) &&
			    (n = tl_cfn_prop(r, "FileSystemConfigs")) != NULL &&
			    n->type == TL_YSEQ && n->nitems > 0)
				error = tl_report(c, f, n->line, n->col, r->name,
				    "function '%s' mounts an EFS file system "
				    "(FileSystemConfigs)", r->name);
			if (!tl_cfn_type_is(r, "AWS::ECS::TaskDefinition"))
				continue;
			vols = tl_cfn_prop(r, "Volumes");
			TL_YSEQ_FOREACH(k, vols) {
				v = tl_ymap_get(vols->items[k],
				    "EFSVolumeConfiguration");
				if (v != NULL && error == 0)
					error = tl_report(c, f, v->line, v->col,
					    r->name, "task definition '%s' mounts "
					    "an EFS volume", r->name);
			}
		}
		tl_cfn_release(&cfn);
		if (error != 0)
			return error;
	}
	TL_FOREACH_FILE(f, c->repo, TL_FILE_TASKDEF) {
		if (f->doc == NULL || f->doc->nroots == 0)
			continue;
		vols = tl_ymap_get(f->doc->roots[0], "volumes");
		if (vols == NULL)
			vols = tl_ypath(f->doc->roots[0], "taskDefinition.volumes");
		TL_YSEQ_FOREACH(k, vols) {
			v = tl_ymap_get(vols->items[k], "efsVolumeConfiguration");
			if (v != NULL && error == 0)
				error = tl_report(c, f, v->line, v->col, f->path,
				    "the task definition mounts an EFS volume");
		}
		if (error != 0)
			return error;
	}
	return 0;
}

static const struct tl_rule *const rules[] = {
	&tf0601,
	&tf0603,
	&tf0604,
};

const struct tl_module tl_module_PROCESSES = {
	TL_FACTOR_PROCESSES, rules, TL_NELEM(rules), NULL, NULL
};
