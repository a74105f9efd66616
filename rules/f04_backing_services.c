/*
 * f04_backing_services.c: factor IV, Backing services
 * (https://12factor.net/backing-services).  Treat backing services as
 * attached resources.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common.h"
#include "twelvelint/template.h"

/* ------------------------------------------------------------- TF0403 */

/*
 * The services whose resources an app attaches as backing services, and
 * the resource prefix an ARN of that kind has ("" for any).  IAM, STS and
 * KMS (identities and keys, often deliberately in another account), S3
 * (its ARNs carry no account) and Lambda layers (TF0212) are not listed.
 */
static const struct arn_kind {
	const char	*svc;
	const char	*prefix;
	const char	*what;
} arn_kinds[] = {
	{ "sqs", "", "SQS queue" },
	{ "sns", "", "SNS topic" },
	{ "dynamodb", "table/", "DynamoDB table" },
	{ "kinesis", "stream/", "Kinesis stream" },
	{ "firehose", "deliverystream/", "Firehose stream" },
	{ "lambda", "function:", "Lambda function" },
	{ "ssm", "parameter/", "SSM parameter" },
	{ "secretsmanager", "secret:", "secret" },
	{ "rds", "db:", "RDS instance" },
	{ "rds", "cluster:", "RDS cluster" },
	{ "elasticache", "", "ElastiCache resource" },
	{ "es", "domain/", "OpenSearch domain" },
	{ "states", "stateMachine:", "state machine" },
	{ "events", "event-bus/", "event bus" },
	{ "kafka", "cluster/", "MSK cluster" },
	{ "mq", "broker:", "Amazon MQ broker" },
	{ "cognito-idp", "userpool/", "Cognito user pool" },
};

/*
 * Endpoint host suffixes of backing services, with the number of labels a
 * resource's endpoint has before the suffix at least (so the service
 * principal rds.amazonaws.com is not one).  "*" stands for a region.
 */
static const struct endpoint_kind {
	const char	*suffix;
	unsigned	 labels;
	const char	*what;
} endpoint_kinds[] = {
	{ ".rds.amazonaws.com", 3, "RDS endpoint" },
	{ ".docdb.amazonaws.com", 3, "DocumentDB endpoint" },
	{ ".cache.amazonaws.com", 3, "ElastiCache endpoint" },
	{ ".es.amazonaws.com", 2, "OpenSearch endpoint" },
	{ ".mq.*.amazonaws.com", 1, "Amazon MQ endpoint" },
	{ ".kafka.*.amazonaws.com", 2, "MSK broker" },
};

/* A literal locator found in a string: what it names, and where. */
struct locator {
	const char	*what;		/* static */
	const char	*how;		/* static: "ARN", "queue URL", "" */
	char		 text[160];	/* the locator, cut */
	char		 name[96];	/* the resource's own name, or "" */
	char		 account[16];	/* "" for endpoints */
};

static int
is_account(const char *s, size_t n)
{
	size_t	i;

	if (n != 12)
		return 0;
	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

static int
host_char(int ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
	    (ch >= '0' && ch <= '9') || ch == '-' || ch == '.';
}

/* Copy at most n bytes of s into a buffer of size sz, cut. */
static void
copy_cut(char *dst, size_t sz, const char *s, size_t n)
{
	if (n >= sz)
		n = sz - 1;
	memcpy(dst, s, n);
	dst[n] = '\0';
}

/*
 * An ARN at s: arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE with a
 * literal twelve-digit account, of a listed service and resource kind.
 */
static int
literal_arn(const char *s, struct locator *out)
{
	const char	*f[6], *e;
	size_t		 len[6], i, k, n;

	for (i = 0, e = s; i < 5; i++) {
		/* A field ends at a ':' outside ${…} (${AWS::Region}). */
		for (f[i] = e; *e != ':'; e++) {
			if (*e == '\0')
				return 0;
			if (e[0] == '$' && e[1] == '{' &&
			    (e = strchr(e, '}')) == NULL)
				return 0;
		}
		len[i] = (size_t)(e - f[i]);
		e++;
	}
	f[5] = e;
	for (len[5] = 0; e[len[5]] != '\0' && !isspace((unsigned char)
	    e[len[5]]) && strchr("\"',;]}", e[len[5]]) == NULL; len[5]++)
		continue;
	if (!is_account(f[4], len[4]) || len[5] == 0 ||
	    (len[1] != 3 && strncmp(f[1], "aws-", 4) != 0) ||
	    strncmp(f[1], "aws", 3) != 0)
		return 0;
	for (k = 0; k < TL_NELEM(arn_kinds); k++) {
		n = strlen(arn_kinds[k].svc);
		if (len[2] == n && strncmp(f[2], arn_kinds[k].svc, n) == 0 &&
		    strncmp(f[5], arn_kinds[k].prefix,
		    strlen(arn_kinds[k].prefix)) == 0)
			break;
	}
	if (k == TL_NELEM(arn_kinds))
		return 0;
	out->what = arn_kinds[k].what;
	out->how = "ARN";
	copy_cut(out->text, sizeof(out->text), s,
	    (size_t)(f[5] + len[5] - s));
	copy_cut(out->account, sizeof(out->account), f[4], len[4]);
	n = strlen(arn_kinds[k].prefix);
	copy_cut(out->name, sizeof(out->name), f[5] + n, len[5] - n);
	return 1;
}

/* A queue URL at s: https://sqs.REGION.amazonaws.com/ACCOUNT/NAME. */
static int
literal_queue_url(const char *s, struct locator *out)
{
	const char	*p, *acct, *name;
	size_t		 n;

	if (strncmp(s, "https://", 8) != 0)
		return 0;
	p = s + 8;
	if (strncmp(p, "sqs.", 4) != 0 && strstr(p, ".queue.") == NULL)
		return 0;
	for (n = 0; host_char((unsigned char)p[n]); n++)
		continue;
	if (n < 15 || strncmp(p + n - 14, ".amazonaws.com", 14) != 0 ||
	    p[n] != '/')
		return 0;
	acct = p + n + 1;
	if (strlen(acct) < 13 || !is_account(acct, 12) || acct[12] != '/')
		return 0;
	name = acct + 13;
	for (n = 0; name[n] != '\0' && (host_char((unsigned char)name[n]) ||
	    name[n] == '_'); n++)
		continue;
	if (n == 0)
		return 0;
	out->what = "SQS queue";
	out->how = "queue URL";
	copy_cut(out->text, sizeof(out->text), s, (size_t)(name + n - s));
	copy_cut(out->account, sizeof(out->account), acct, 12);
	copy_cut(out->name, sizeof(out->name), name, n);
	return 1;
}

/*
 * Does the host [h, h + n) end with the suffix ("*" stands for one
 * label)?  *pre: the length of the host before it.
 */
static int
host_suffix(const char *h, size_t n, const char *suffix, size_t *pre)
{
	const char	*star = strchr(suffix, '*'), *tail;
	size_t		 a, t, i;

	if (star == NULL) {
		t = strlen(suffix);
		if (n <= t || strncasecmp(h + n - t, suffix, t) != 0)
			return 0;
		*pre = n - t;
		return 1;
	}
	tail = star + 1;
	t = strlen(tail);
	a = (size_t)(star - suffix);
	if (n <= t || strncasecmp(h + n - t, tail, t) != 0)
		return 0;
	/* The region label, back to the dot before it. */
	for (i = n - t; i > 0 && h[i - 1] != '.'; i--)
		continue;
	if (i == n - t || i < a || strncasecmp(h + i - a, suffix, a) != 0)
		return 0;
	*pre = i - a;
	return 1;
}

/* A backing service's endpoint host ending at s + end (s: the string). */
static int
literal_endpoint(const char *s, size_t end, struct locator *out)
{
	size_t		 b, k, pre, i, labels;

	for (b = end; b > 0 && host_char((unsigned char)s[b - 1]); b--)
		continue;
	for (k = 0; k < TL_NELEM(endpoint_kinds); k++) {
		if (!host_suffix(s + b, end - b, endpoint_kinds[k].suffix,
		    &pre))
			continue;
		for (i = 0, labels = pre > 0; i < pre; i++)
			if (s[b + i] == '.')
				labels++;
		if (labels < endpoint_kinds[k].labels || s[b] == '.')
			return 0;
		out->what = endpoint_kinds[k].what;
		out->how = "";
		copy_cut(out->text, sizeof(out->text), s + b, end - b);
		out->name[0] = out->account[0] = '\0';
		return 1;
	}
	return 0;
}

/* The first literal locator in s. */
static int
find_locator(const char *s, struct locator *out)
{
	const char	*p;

	for (p = s; (p = strstr(p, "arn:")) != NULL; p++)
		if ((p == s || !host_char((unsigned char)p[-1])) &&
		    literal_arn(p, out))
			return 1;
	for (p = s; (p = strstr(p, "https://")) != NULL; p++)
		if (literal_queue_url(p, out))
			return 1;
	for (p = s; (p = strstr(p, ".amazonaws.com")) != NULL; p++)
		if (!host_char((unsigned char)p[14]) &&
		    literal_endpoint(s, (size_t)(p + 14 - s), out))
			return 1;
	return 0;
}

struct tf0403_walk {
	struct tl_check		*c;
	const struct tl_file	*f;
	const char		*owner;	/* the resource, or "Globals" */
	int			 error;
};

/*
 * Report the literal locators under n: plain scalars, also as arguments
 * of functions, and the text of !Sub (either form), where
 * ${AWS::AccountId} would stand for the account.  A scalar under another
 * short-form tag (!Ref, !GetAtt, !ImportValue …) names, it is not a value.
 */
static void
tf0403_walk(struct tf0403_walk *w, const struct tl_ynode *n)
{
	struct locator	 loc;
	size_t		 i;

	if (n == NULL || w->error != 0)
		return;
	if (n->type == TL_YSCALAR) {
		if ((n->tag != NULL && strcmp(n->tag, "!Sub") != 0) ||
		    n->value == NULL || !find_locator(n->value, &loc))
			return;
		if (loc.account[0] != '\0')
			w->error = tl_report(w->c, w->f, n->line, n->col,
			    loc.text, "'%s' names %s%s%s%s by a literal %s in "
			    "account %s", w->owner, loc.what,
			    loc.name[0] != '\0' ? " '" : "", loc.name,
			    loc.name[0] != '\0' ? "'" : "", loc.how,
			    loc.account);
		else
			w->error = tl_report(w->c, w->f, n->line, n->col,
			    loc.text, "'%s' names %s '%s' literally",
			    w->owner, loc.what, loc.text);
		return;
	}
	/* Literals inside any function's arguments are still literals. */
	TL_YSEQ_FOREACH(i, n)
		tf0403_walk(w, n->items[i]);
	TL_YMAP_FOREACH(i, n)
		tf0403_walk(w, n->pairs[i].value);
}

static int	tf0403_check(struct tl_check *);

static const struct tl_rule tf0403 = {
	.id = "TF0403",
	.name = "literal-resource-locator",
	.factor = TL_FACTOR_BACKING_SERVICES,
	.severity = TL_SEV_WARNING,
	.needs = TL_NEED(TL_FILE_TEMPLATE),
	.summary = "backing service named by a literal ARN or endpoint in a "
	    "template",
	.rationale =
	    "A backing service is an attached resource: the deploy attaches "
	    "it, and another deploy (staging, a second account, a second "
	    "region) attaches another without a change to the code. A "
	    "template that writes a queue's ARN, a table's ARN or a database "
	    "endpoint as a literal has welded one account's resource into "
	    "every stack made from it: staging writes to production's queue. "
	    "Reported, in the Properties of every resource and in SAM "
	    "Globals (plain strings and the text of !Sub): ARNs with a "
	    "literal twelve-digit account of SQS, SNS, DynamoDB tables, "
	    "Kinesis and Firehose streams, Lambda functions, SSM parameters, "
	    "Secrets Manager secrets, RDS, ElastiCache, OpenSearch, Step "
	    "Functions, EventBridge buses, MSK, Amazon MQ and Cognito user "
	    "pools; SQS queue URLs with a literal account; and RDS, "
	    "DocumentDB, ElastiCache, OpenSearch, Amazon MQ and MSK endpoint "
	    "host names. Not reported: ARNs built with ${AWS::AccountId}, "
	    "!Ref, !GetAtt, !ImportValue or a parameter (also a parameter's "
	    "Default, which a deploy can override), Mappings and Outputs; "
	    "IAM and STS ARNs (principals in other accounts are deliberate), "
	    "KMS keys, S3 buckets (their ARNs have no account), Lambda "
	    "layers (TF0212), service principals such as rds.amazonaws.com; "
	    "and ECS task definition JSON files, which are per-account "
	    "deploy artefacts and so the place where such config belongs.",
	.fix =
	    "Attach the resource instead of naming it: !Ref Queue or "
	    "!GetAtt Queue.Arn / Queue.QueueUrl / Db.Endpoint.Address for a "
	    "resource of the same stack, !ImportValue for another stack's "
	    "export, or a parameter (AWS::SSM::Parameter::Value<String> to "
	    "read it from Parameter Store) for one made elsewhere; at the "
	    "least write !Sub arn:${AWS::Partition}:sqs:${AWS::Region}:"
	    "${AWS::AccountId}:orders so the stack follows the account it "
	    "is deployed to.",
	.see_also = NULL,
	.check = tf0403_check,
};

static int
tf0403_check(struct tl_check *c)
{
	const struct tl_file	*f;
	struct tl_cfn		 cfn;
	struct tf0403_walk	 w;
	size_t			 i;

	memset(&w, 0, sizeof(w));
	w.c = c;
	TL_FOREACH_FILE(f, c->repo, TL_FILE_TEMPLATE) {
		if (tl_path_is_dev_artefact(f->path) ||
		    tl_cfn_open(&cfn, f) != 0)
			continue;
		w.f = f;
		w.owner = "Globals";
		tf0403_walk(&w, tl_ymap_get(cfn.root, "Globals"));
		for (i = 0; w.error == 0 && i < cfn.nres; i++) {
			w.owner = cfn.res[i].name;
			tf0403_walk(&w, cfn.res[i].props);
		}
		tl_cfn_release(&cfn);
		if (w.error != 0)
			break;
	}
	return w.error;
}

/* ------------------------------------------------------------- TF0405 */

/* Package manager families: the same name means different things. */
#define PM_APT	0x1	/* apt-get, apt, aptitude (Debian, Ubuntu) */
#define PM_APK	0x2	/* apk (Alpine) */
#define PM_RPM	0x4	/* yum, dnf, microdnf, tdnf, zypper */
#define PM_ALL	(PM_APT | PM_APK | PM_RPM)

/*
 * Packages that install a backing service's server.  Clients, libraries
 * and tools (postgresql-client, libpq-dev, redis-tools,
 * default-mysql-client, mariadb-connector-c) are not listed.  On RPM
 * systems "postgresql" and "mariadb" are the clients.
 */
static const struct server_pkg {
	const char	*name;
	unsigned	 pms;
} server_pkgs[] = {
	{ "postgresql", PM_APT | PM_APK },
	{ "postgresql-server", PM_ALL },
	{ "mysql-server", PM_ALL },
	{ "default-mysql-server", PM_ALL },
	{ "mariadb-server", PM_ALL },
	{ "percona-server-server", PM_ALL },
	{ "mysql", PM_APK },
	{ "mariadb", PM_APK },
	{ "redis", PM_ALL },
	{ "redis-server", PM_ALL },
	{ "valkey", PM_ALL },
	{ "valkey-server", PM_ALL },
	{ "rabbitmq-server", PM_ALL },
	{ "mongodb", PM_ALL },
	{ "mongodb-server", PM_ALL },
	{ "mongodb-org", PM_ALL },
	{ "mongodb-org-server", PM_ALL },
	{ "memcached", PM_ALL },
	{ "elasticsearch", PM_ALL },
	{ "opensearch", PM_ALL },
};

/* Programs that are a backing service's server (the image is the service). */
static const char *const server_progs[] = {
	"postgres", "postmaster", "pg_ctl", "pg_ctlcluster", "mysqld",
	"mysqld_safe", "mariadbd", "mariadbd-safe", "redis-server",
	"valkey-server", "rabbitmq-server", "mongod", "memcached",
	"elasticsearch", "opensearch", NULL
};

/* Programs that serve the service or set it up, never the app. */
static const char *const service_tools[] = {
	"psql", "initdb", "createdb", "createuser", "pg_isready", "mysql",
	"mariadb", "mysql_install_db", "mariadb-install-db", "mongo",
	"mongosh", "redis-cli", "valkey-cli", "rabbitmqctl",
	"rabbitmq-plugins", "service", "rc-service", "systemctl",
	"sh", "bash", "ash", "dash", NULL
};

static int
in_list(const char *s, const char *const *list)
{
	for (; *list != NULL; list++)
		if (strcmp(s, *list) == 0)
			return 1;
	return 0;
}

/* Is s made of digits and dots only (a version)? */
static int
version_only(const char *s)
{
	return *s != '\0' && strspn(s, "0123456789.") == strlen(s);
}

/* Is pkg (version removed) a server package for this family? */
static int
server_package(const char *pkg, unsigned pm)
{
	const char	*rest;
	size_t		 i;

	for (i = 0; i < TL_NELEM(server_pkgs); i++)
		if ((server_pkgs[i].pms & pm) != 0 &&
		    strcmp(pkg, server_pkgs[i].name) == 0)
			return 1;
	if (strncmp(pkg, "postgresql", 10) != 0)
		return 0;
	rest = pkg + 10;
	/* postgresql-15 (Debian), postgresql16 (Alpine) */
	if (pm != PM_RPM && (version_only(rest) ||
	    (rest[0] == '-' && version_only(rest + 1))))
		return 1;
	/* postgresql16-server (PGDG RPMs) */
	if (strspn(rest, "0123456789") > 0 &&
	    strcmp(rest + strspn(rest, "0123456789"), "-server") == 0)
		return 1;
	return 0;
}

/* Options of the package managers that take the next word as their value. */
static int
option_takes_value(const char *opt)
{
	static const char *const opts[] = {
		"--virtual", "-t", "-o", "--target-release", "--repository",
		"-X", "--root", "--setopt", "--enablerepo", "--disablerepo",
		"--repo", "-r", NULL
	};

	return in_list(opt, opts);
}

/*
 * The package manager family of an install (or, with removal set, a
 * removal) command and the index of its first package word; 0 when it is
 * none.
 */
static unsigned
pm_command(const struct tl_sh_cmd *c, int removal, size_t *first)
{
	static const struct {
		const char	*prog;
		const char	*install;
		const char	*remove[3];
		unsigned	 pm;
	} pms[] = {
		{ "apt-get", "install", { "remove", "purge", NULL }, PM_APT },
		{ "apt", "install", { "remove", "purge", NULL }, PM_APT },
		{ "aptitude", "install", { "remove", "purge", NULL }, PM_APT },
		{ "apk", "add", { "del", NULL, NULL }, PM_APK },
		{ "yum", "install", { "remove", "erase", NULL }, PM_RPM },
		{ "dnf", "install", { "remove", "erase", NULL }, PM_RPM },
		{ "microdnf", "install", { "remove", NULL, NULL }, PM_RPM },
		{ "tdnf", "install", { "remove", "erase", NULL }, PM_RPM },
		{ "zypper", "install", { "remove", "rm", NULL }, PM_RPM },
	};
	const char	*prog = tl_sh_real_prog(c), *w;
	size_t		 i, k, r;

	for (k = 0; k < TL_NELEM(pms); k++) {
		if (strcmp(prog, pms[k].prog) != 0)
			continue;
		for (i = tl_sh_prog_index(c) + 1; i < c->argc; i++) {
			w = c->argv[i];
			if (w[0] == '-') {
				if (option_takes_value(w))
					i++;
				continue;
			}
			if (!removal && (strcmp(w, pms[k].install) == 0 ||
			    (pms[k].pm == PM_RPM && strcmp(w, "in") == 0))) {
				*first = i + 1;
				return pms[k].pm;
			}
			for (r = 0; removal && r < 3 &&
			    pms[k].remove[r] != NULL; r++)
				if (strcmp(w, pms[k].remove[r]) == 0) {
					*first = i + 1;
					return pms[k].pm;
				}
			return 0;	/* another subcommand */
		}
	}
	return 0;
}

/* A package word without its version, architecture or repository tag. */
static char *
package_name(const char *w)
{
	return tl_strndup(w, strcspn(w, "=<>~@:"));
}

/* One server package installed in the image. */
struct install {
	char		*pkg;		/* owned */
	char		*group;		/* owned: apk --virtual NAME, or NULL */
	const char	*word;		/* borrowed (script): as written */
	const struct tl_df_instr *in;	/* borrowed (model): the RUN */
	int		 removed;
};

struct installs {
	struct install	*v;		/* owned */
	size_t		 n;
	struct tl_script **scripts;	/* owned: parsed RUNs, for word */
	size_t		 nscripts;
};

static void
installs_release(struct installs *is)
{
	size_t	 i;

	for (i = 0; i < is->n; i++) {
		free(is->v[i].pkg);
		free(is->v[i].group);
	}
	for (i = 0; i < is->nscripts; i++)
		tl_script_free(is->scripts[i]);
	free(is->scripts);
	free(is->v);
	memset(is, 0, sizeof(*is));
}

/* Record the server packages one command installs, and what it removes. */
static void
scan_command(const struct tl_df_instr *in, const struct tl_sh_cmd *c,
    struct installs *is)
{
	const char	*group = NULL;
	char		*pkg;
	size_t		 i, first, k;
	unsigned	 pm;

	if ((pm = pm_command(c, 0, &first)) != 0) {
		for (i = tl_sh_prog_index(c) + 1; i < c->argc; i++)
			if ((strcmp(c->argv[i], "--virtual") == 0 ||
			    strcmp(c->argv[i], "-t") == 0) && pm == PM_APK &&
			    i + 1 < c->argc)
				group = c->argv[i + 1];
		for (i = first; i < c->argc; i++) {
			if (c->argv[i][0] == '-') {
				if (option_takes_value(c->argv[i]))
					i++;
				continue;
			}
			pkg = package_name(c->argv[i]);
			if (!server_package(pkg, pm)) {
				free(pkg);
				continue;
			}
			is->v = tl_reallocarray(is->v, is->n + 1,
			    sizeof(*is->v));
			is->v[is->n].pkg = pkg;
			is->v[is->n].group = group != NULL ?
			    tl_strdup(group) : NULL;
			is->v[is->n].word = c->argv[i];
			is->v[is->n].in = in;
			is->v[is->n].removed = 0;
			is->n++;
		}
		return;
	}
	if (pm_command(c, 1, &first) == 0)
		return;
	for (i = first; i < c->argc; i++) {
		pkg = package_name(c->argv[i]);
		for (k = 0; k < is->n; k++)
			if (strcmp(is->v[k].pkg, pkg) == 0 ||
			    (is->v[k].group != NULL &&
			    strcmp(is->v[k].group, pkg) == 0))
				is->v[k].removed = 1;
		free(pkg);
	}
}

/* Shell text of a RUN: its command (exec form joined) and heredoc bodies. */
static void
scan_run(const struct tl_df_instr *in, struct installs *is)
{
	struct tl_script	*sc;
	struct tl_buf		 b = TL_BUF_INIT;
	size_t			 i, h;

	for (h = 0; h <= in->nheredocs; h++) {
		tl_buf_clear(&b);
		if (h == 0 && in->exec_form) {
			for (i = 0; i < in->argc; i++) {
				if (i > 0)
					tl_buf_addc(&b, ' ');
				tl_buf_adds(&b, in->argv[i]);
			}
		} else if (h == 0)
			tl_buf_adds(&b, in->args);
		else
			tl_buf_adds(&b, in->heredocs[h - 1].body);
		sc = NULL;
		if (tl_shell_parse(&sc, tl_buf_str(&b), b.len, h == 0 ?
		    in->line : in->heredocs[h - 1].line) != 0 || sc == NULL)
			continue;
		for (i = 0; i < sc->ncmds; i++)
			scan_command(in, &sc->cmds[i], is);
		is->scripts = tl_reallocarray(is->scripts, is->nscripts + 1,
		    sizeof(*is->scripts));
		is->scripts[is->nscripts++] = sc;
	}
	tl_buf_release(&b);
}

/*
 * Where a package word of a RUN is written: its line and column between
 * the instruction's first and last line (heredocs included); the RUN's
 * line when it cannot be found.
 */
static unsigned
word_position(const struct tl_file *f, const struct tl_df_instr *in,
    const char *word, unsigned *col)
{
	const char	*p, *k;
	size_t		 len, wl = strlen(word), off;
	unsigned	 l;

	for (l = in->line; l <= in->end_line && l <= f->lines.n; l++) {
		p = tl_lines_get(&f->lines, f->data, f->size, l, &len);
		for (off = 0; p != NULL && off < len;
		    off = (size_t)(k - p) + 1) {
			if ((k = tl_memcasemem(p + off, len - off, word,
			    wl)) == NULL)
				break;
			if ((k == p || k[-1] == ' ' || k[-1] == '\t') &&
			    (k + wl == p + len || k[wl] == ' ' ||
			    k[wl] == '\t' || k[wl] == '\\')) {
				*col = (unsigned)(k - p) + 1;
				return l;
			}
		}
	}
	*col = 0;
	return in->line;
}

/* The RUN instructions of the final stage and the stages it is built FROM. */
static void
final_installs(const struct tl_dockerfile *df, struct installs *is)
{
	const struct tl_df_stage *st, *chain[64];
	size_t			 n = 0, i, j;

	for (st = tl_dockerfile_final(df); st != NULL && n < TL_NELEM(chain);
	    st = st->parent >= 0 ? &df->stages[st->parent] : NULL)
		chain[n++] = st;
	/* Oldest first, so that a later removal sees the install. */
	for (i = n; i > 0; i--) {
		st = chain[i - 1];
		for (j = st->first; j < st->first + st->count; j++)
			if (strcmp(df->instrs[j].keyword, "RUN") == 0)
				scan_run(&df->instrs[j], is);
	}
}

/* Process supervisors: they start every program their configuration names. */
static const char *const supervisors[] = {
	"supervisord", "s6-svscan", "runsvdir", "circusd", NULL
};

/* Services as service, rc-service, systemctl and /etc/init.d/ name them. */
static const char *const service_names[] = {
	"postgresql", "mysql", "mariadb", "redis", "valkey", "rabbitmq",
	"mongod", "memcached", "elasticsearch", "opensearch", NULL
};

/*
 * Does the command start a backing service: its server, the init system
 * for it (service redis-server start, /etc/init.d/postgresql start), or
 * a process supervisor?
 */
static int
starts_service(const struct tl_sh_cmd *c)
{
	const char	*prog = tl_sh_real_prog(c), *w, *b;
	size_t		 idx = tl_sh_prog_index(c), i, k;

	if (c->argc == 0)
		return 0;
	if (in_list(prog, server_progs) || in_list(prog, supervisors))
		return 1;
	if (strcmp(prog, "service") != 0 && strcmp(prog, "rc-service") != 0 &&
	    strcmp(prog, "systemctl") != 0 &&
	    strstr(c->argv[idx], "/init.d/") == NULL)
		return 0;
	for (i = idx; i < c->argc; i++) {
		w = c->argv[i];
		b = strrchr(w, '/');
		b = b != NULL ? b + 1 : w;
		for (k = 0; service_names[k] != NULL; k++)
			if (strncmp(b, service_names[k],
			    strlen(service_names[k])) == 0)
				return 1;
	}
	return 0;
}

/*
 * Is the command the app, rather than plumbing, the backing service's
 * server, a client or set-up tool of it, or a hand-over to the CMD?
 */
static int
app_command(const struct tl_sh_cmd *c)
{
	const char	*prog = tl_sh_real_prog(c);

	if (c->argc == 0 || tl_cmd_is_plumbing(c) || tl_cmd_execs_args(c))
		return 0;
	if (in_list(prog, server_progs) || in_list(prog, service_tools))
		return 0;
	/* /etc/init.d/redis-server start */
	if (strstr(c->argv[tl_sh_prog_index(c)], "/init.d/") != NULL)
		return 0;
	return 1;
}

/*
 * The app an entrypoint script starts: what it execs, else its last
 * top-level command that is not plumbing; NULL when that is not the app.
 */
static const struct tl_sh_cmd *
script_app(const struct tl_script *sc)
{
	const struct tl_sh_cmd	*c, *last = NULL;
	size_t			 i;

	for (i = 0; i < sc->ncmds; i++) {
		c = &sc->cmds[i];
		if (c->in_function || c->depth > 0)
			continue;
		if (c->is_exec && c->argc > 0)
			return app_command(c) ? c : NULL;
		if (c->nest == 0 && !tl_cmd_is_plumbing(c))
			last = c;
	}
	return last != NULL && app_command(last) ? last : NULL;
}

/*
 * The app a CMD or ENTRYPOINT starts itself; the scripts it runs are
 * read on their own.
 */
static const struct tl_sh_cmd *
inline_app(const struct tl_script *sc)
{
	const struct tl_sh_cmd	*c;
	const char		*prog;
	size_t			 i;

	for (i = 0; i < sc->ncmds; i++) {
		c = &sc->cmds[i];
		prog = tl_sh_real_prog(c);
		if (tl_str_has_suffix(prog, ".sh") ||
		    strstr(prog, "entrypoint") != NULL || !app_command(c))
			continue;
		return c;
	}
	return NULL;
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

/* What the image's start commands run: a backing service, and the app. */
struct runs {
	const struct tl_start	*svc_st;	/* borrowed (starts) */
	const struct tl_sh_cmd	*svc;		/* borrowed (starts) */
	const struct tl_start	*app_st;	/* borrowed (starts) */
	const struct tl_sh_cmd	*app;		/* borrowed (starts) */
};

static void
image_runs(const struct tl_starts *starts, const struct tl_file *f,
    struct runs *r)
{
	const struct tl_start	*st;
	const struct tl_sh_cmd	*c;
	size_t			 i, j;

	memset(r, 0, sizeof(*r));
	for (i = 0; i < starts->n; i++) {
		st = &starts->v[i];
		if (!start_of(st, f))
			continue;
		for (j = 0; j < st->script->ncmds && r->svc == NULL; j++)
			if (starts_service(&st->script->cmds[j])) {
				r->svc = &st->script->cmds[j];
				r->svc_st = st;
			}
		if (r->app != NULL)
			continue;
		c = st->kind == TL_START_SCRIPT ? script_app(st->script) :
		    inline_app(st->script);
		if (c != NULL) {
			r->app = c;
			r->app_st = st;
		}
	}
}

/* The words of a command from its program on, cut at about 48 characters. */
static void
cmd_words(char *buf, size_t len, const struct tl_sh_cmd *c)
{
	struct tl_buf	 b = TL_BUF_INIT;
	size_t		 i;

	for (i = tl_sh_prog_index(c); i < c->argc && b.len < 48; i++)
		tl_buf_addf(&b, "%s%s", b.len > 0 ? " " : "", c->argv[i]);
	snprintf(buf, len, "%.48s%s", tl_buf_str(&b),
	    b.len > 48 || i < c->argc ? "..." : "");
	tl_buf_release(&b);
}

/* "CMD at line 9", "start script docker/start.sh:5". */
static void
where_text(char *buf, size_t len, const struct tl_start *st,
    const struct tl_sh_cmd *c)
{
	if (st->kind == TL_START_SCRIPT)
		snprintf(buf, len, "start script %s:%u", st->file->path,
		    c->line);
	else
		snprintf(buf, len, "%s at line %u", st->kind == TL_START_CMD ?
		    "CMD" : "ENTRYPOINT", st->line);
}

static int	tf0405_check(struct tl_check *);

static const struct tl_rule tf0405 = {
	.id = "TF0405",
	.name = "backing-service-in-app-image",
	.factor = TL_FACTOR_BACKING_SERVICES,
	.severity = TL_SEV_WARNING,
	.needs = TL_NEED(TL_FILE_DOCKERFILE),
	.summary = "backing service installed in the app image",
	.rationale =
	    "A backing service is an attached resource: the app reaches it "
	    "through a locator in its config and a deploy can swap a local "
	    "database for a managed one without a code change. A database, "
	    "cache or broker run in the app's own container lives and dies "
	    "with it: its data is lost on every replace, each scaled-out "
	    "copy has its own, and it cannot be attached, detached or "
	    "upgraded on its own. Reported: a Dockerfile whose final stage "
	    "(with the stages it is built FROM) installs a server package "
	    "with apt-get/apt, apk, yum/dnf/microdnf or zypper (postgresql "
	    "and postgresql-NN, postgresql-server, mysql-server, "
	    "mariadb-server, redis/redis-server, valkey, rabbitmq-server, "
	    "mongodb(-org), memcached, elasticsearch, opensearch; on RPM "
	    "systems postgresql and mariadb are the clients) while its start "
	    "commands (CMD, ENTRYPOINT and the entrypoint scripts they run) "
	    "both start a backing service (its server program, service / "
	    "rc-service / systemctl / init.d for it, or a process supervisor "
	    "such as supervisord, s6 or runit) and start the app. Not "
	    "reported: clients and libraries (postgresql-client, libpq-dev, "
	    "redis-tools, default-mysql-client); a server package that "
	    "nothing starts (apk add redis for redis-cli); packages removed "
	    "again (apk del of a --virtual group, apt-get purge); installs "
	    "in a build stage the final image does not derive from; images "
	    "whose start command is only the service (FROM postgres, CMD "
	    "[\"redis-server\"]) or that inherit their start command; and "
	    "Dockerfiles named for local development.",
	.fix =
	    "Run the service as its own container (a compose service from "
	    "the official image for local development) and, in AWS, attach "
	    "a managed one: Amazon RDS or Aurora for PostgreSQL and MySQL, "
	    "ElastiCache for Redis, Valkey or Memcached, Amazon MQ for "
	    "RabbitMQ, DocumentDB, OpenSearch Service. Pass its endpoint "
	    "and credentials to the app through the environment (ECS task "
	    "definition environment and secrets).",
	.see_also = NULL,
	.check = tf0405_check,
};

static int
tf0405_check(struct tl_check *c)
{
	const struct tl_file	*f;
	struct tl_starts	 starts;
	struct installs		 is;
	struct runs		 r;
	char			 svc[256], app[256], svcw[64], appw[64];
	size_t			 i, k;
	unsigned		 line, col;
	int			 error = 0;

	tl_starts_collect(&starts, c->repo);
	TL_FOREACH_FILE(f, c->repo, TL_FILE_DOCKERFILE) {
		if (f->docker == NULL || tl_path_is_dev_artefact(f->path))
			continue;
		image_runs(&starts, f, &r);
		if (r.svc == NULL || r.app == NULL)
			continue;
		where_text(svc, sizeof(svc), r.svc_st, r.svc);
		where_text(app, sizeof(app), r.app_st, r.app);
		cmd_words(svcw, sizeof(svcw), r.svc);
		cmd_words(appw, sizeof(appw), r.app);
		memset(&is, 0, sizeof(is));
		final_installs(f->docker, &is);
		for (i = 0; i < is.n && error == 0; i++) {
			if (is.v[i].removed)
				continue;
			/* One finding per package. */
			for (k = 0; k < i && (is.v[k].removed ||
			    strcmp(is.v[k].pkg, is.v[i].pkg) != 0); k++)
				continue;
			if (k < i)
				continue;
			line = word_position(f, is.v[i].in, is.v[i].word,
			    &col);
			if (r.svc == r.app)
				error = tl_report(c, f, line, col, is.v[i].pkg,
				    "the image installs '%s' and runs it "
				    "beside the app under '%s' (%s)",
				    is.v[i].pkg, appw, app);
			else
				error = tl_report(c, f, line, col, is.v[i].pkg,
				    "the image installs '%s', starts '%s' (%s) "
				    "and the app '%s' (%s) in the same "
				    "container", is.v[i].pkg, svcw, svc, appw,
				    app);
		}
		installs_release(&is);
		if (error != 0)
			break;
	}
	tl_starts_release(&starts);
	return error;
}

/* ------------------------------------------------------------- TF0406 */

/* Is tracing off: SAM Tracing (or Globals), Lambda TracingConfig? */
static int
function_untraced(const struct tl_cfn *cfn, const struct tl_cfn_resource *r)
{
	(void)cfn;
	if (tl_cfn_type_is(r, "AWS::Serverless::Function"))
		return !tl_yvalue_may_be(tl_cfn_prop(r, "Tracing"), "Active");
	return !tl_yvalue_may_be(tl_cfn_prop(r, "TracingConfig.Mode"),
	    "Active");
}

static int	tf0406_check(struct tl_check *);

static const struct tl_rule tf0406 = {
	.id = "TF0406",
	.name = "no-distributed-tracing",
	.factor = TL_FACTOR_BACKING_SERVICES,
	.severity = TL_SEV_INFO,
	.needs = TL_NEED(TL_FILE_TEMPLATE),
	.summary = "calls between services with no distributed tracing",
	.rationale =
	    "Backing services are attached resources reached over the network; "
	    "when one request crosses several functions, queues and APIs, the "
	    "only way to see where its time and its failures go is a trace "
	    "that follows it. Reported: in a template with two or more Lambda "
	    "functions (they call each other or share events), each function "
	    "without active tracing: SAM Tracing: Active (on the function or "
	    "in Globals) or Lambda TracingConfig Mode Active; either branch of "
	    "an Fn::If counts. One finding per template names the functions; "
	    "a template with a single function is not reported. ECS "
	    "services (X-Ray daemon or an OpenTelemetry "
	    "collector sidecar) are not read yet.",
	.fix =
	    "Turn on AWS X-Ray: Tracing: Active in the SAM Globals Function "
	    "section (or TracingConfig: {Mode: Active}), tracing on API "
	    "Gateway stages, and the AWS Distro for OpenTelemetry where the "
	    "code makes its own calls.",
	.see_also = "checkov CKV_AWS_73",
	.check = tf0406_check,
};

static int
tf0406_check(struct tl_check *c)
{
	const struct tl_file	*f;
	const struct tl_cfn_resource *first;
	struct tl_cfn		 cfn;
	struct tl_buf		 names = TL_BUF_INIT;
	size_t			 nfn, nbad;
	int			 error = 0;

	TL_FOREACH_FILE(f, c->repo, TL_FILE_TEMPLATE) {
		if (tl_cfn_open(&cfn, f) != 0)
			continue;
		first = tl_cfn_functions_where(&cfn, function_untraced,
		    &names, &nfn, &nbad);
		/* One finding per template, at its first untraced function. */
		if (nfn >= 2 && first != NULL)
			error = tl_report(c, f, first->line, 0, f->path,
			    "%zu of the %zu functions %s no active tracing: "
			    "%s%s", nbad, nfn, nbad == 1 ? "has" : "have",
			    tl_buf_str(&names), nbad > 3 ? " …" : "");
		tl_cfn_release(&cfn);
		if (error != 0)
			break;
	}
	tl_buf_release(&names);
	return error;
}

static const struct tl_rule *const rules[] = {
	&tf0403,
	&tf0405,
	&tf0406,
};

const struct tl_module tl_module_BACKING_SERVICES = {
	TL_FACTOR_BACKING_SERVICES, rules, TL_NELEM(rules), NULL, NULL
};
