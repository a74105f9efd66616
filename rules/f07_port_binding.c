/*
 * f07_port_binding.c: factor VII, Port binding
 * (https://12factor.net/port-binding).  Export services via port binding.
 * TF0701 (hard-coded listen ports in code) is a pattern rule: see
 * rules/patterns/port-binding.yml.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common.h"


/* ------------------------------------------------------ shared helpers */

/* The last stage named name (ignoring case), or NULL. */
static const struct tl_df_stage *
stage_named(const struct tl_dockerfile *df, const char *name)
{
	size_t	 i;

	for (i = df->nstages; i > 0; i--)
		if (df->stages[i - 1].name != NULL &&
		    strcasecmp(df->stages[i - 1].name, name) == 0)
			return &df->stages[i - 1];
	return NULL;
}

/*
 * The last component of an image's name and its tag, lower case, in
 * caller-provided buffers: "docker.io/library/tomcat:9-jdk17" gives
 * "tomcat" and "9-jdk17".  0 when the reference does not parse.
 */
static int
image_base(const char *image, char *base, size_t blen, char *tag,
    size_t tlen)
{
	char		*name = NULL, *t = NULL;
	const char	*slash;
	size_t		 i;

	base[0] = tag[0] = '\0';
	if (image == NULL || tl_df_image_split(image, &name, &t, NULL) != 0)
		return 0;
	slash = strrchr(name, '/');
	snprintf(base, blen, "%s", slash != NULL ? slash + 1 : name);
	snprintf(tag, tlen, "%s", t != NULL ? t : "");
	for (i = 0; base[i] != '\0'; i++)
		base[i] = (char)tolower((unsigned char)base[i]);
	for (i = 0; tag[i] != '\0'; i++)
		tag[i] = (char)tolower((unsigned char)tag[i]);
	free(name);
	free(t);
	return 1;
}

/* Does the path have a '/'-separated component equal to comp? */
static int
has_component(const char *path, const char *comp)
{
	const char	*p = path, *e;
	size_t		 len = strlen(comp);

	while (*p != '\0') {
		while (*p == '/')
			p++;
		e = strchr(p, '/');
		if (e == NULL)
			e = p + strlen(p);
		if ((size_t)(e - p) == len && strncmp(p, comp, len) == 0)
			return 1;
		p = e;
	}
	return 0;
}

/* The directory of a file in the repository ("" at the top), in out. */
static void
file_dir(struct tl_buf *out, const struct tl_file *f)
{
	char	*d = tl_path_dir(f->path);

	tl_buf_clear(out);
	tl_buf_adds(out, d);
	free(d);
}

/* The usable Dockerfile at this repository path, or NULL. */
static const struct tl_file *
dockerfile_at(const struct tl_repo *repo, const char *path)
{
	const struct tl_file	*f = tl_repo_file(repo, path);

	if (f == NULL || f->kind != TL_FILE_DOCKERFILE || !f->loaded ||
	    f->broken || f->docker == NULL || f->docker->nstages == 0)
		return NULL;
	return f;
}

/*
 * The Dockerfile and stage a compose service builds (build: DIR, or
 * build: {context, dockerfile, target}), or NULL: a remote context, an
 * inline Dockerfile, a path out of the repository, a missing file or
 * an unknown target.
 */
static const struct tl_file *
compose_build(const struct tl_repo *repo, const struct tl_file *cf,
    const struct tl_ynode *svc, const struct tl_df_stage **stage)
{
	const struct tl_ynode	*b = tl_ymap_get(svc, "build");
	const struct tl_file	*df = NULL;
	struct tl_buf		 dir = TL_BUF_INIT, ctx = TL_BUF_INIT;
	struct tl_buf		 path = TL_BUF_INIT;
	const char		*context = NULL, *dockerfile = NULL;
	const char		*target = NULL;

	*stage = NULL;
	if (b == NULL)
		return NULL;
	if (b->type == TL_YSCALAR)
		context = tl_ystr(b);
	else if (b->type == TL_YMAP) {
		context = tl_ystr(tl_ymap_get(b, "context"));
		dockerfile = tl_ystr(tl_ymap_get(b, "dockerfile"));
		target = tl_ystr(tl_ymap_get(b, "target"));
		if (context == NULL)
			context = ".";
	}
	if (context == NULL || strchr(context, '$') != NULL ||
	    strstr(context, "://") != NULL || tl_str_has_prefix(context,
	    "git@") || (dockerfile != NULL && strchr(dockerfile, '$') != NULL))
		goto out;
	file_dir(&dir, cf);
	if (!tl_path_join(&ctx, tl_buf_str(&dir), context) ||
	    tl_buf_str(&ctx)[0] == '/')
		goto out;
	if (dockerfile != NULL) {
		if (tl_path_join(&path, tl_buf_str(&ctx), dockerfile))
			df = dockerfile_at(repo, tl_buf_str(&path));
	} else {
		if (tl_path_join(&path, tl_buf_str(&ctx), "Dockerfile"))
			df = dockerfile_at(repo, tl_buf_str(&path));
		if (df == NULL && tl_path_join(&path, tl_buf_str(&ctx),
		    "Containerfile"))
			df = dockerfile_at(repo, tl_buf_str(&path));
	}
	if (df == NULL)
		goto out;
	if (target != NULL && strchr(target, '$') == NULL)
		*stage = stage_named(df->docker, target);
	else if (target == NULL)
		*stage = tl_dockerfile_final(df->docker);
	if (*stage == NULL)
		df = NULL;
out:
	tl_buf_release(&dir);
	tl_buf_release(&ctx);
	tl_buf_release(&path);
	return df;
}

/* ------------------------------------------------------------- TF0702 */

/*
 * Base images that are an application server the app is deployed into:
 * matched on the last component of the image name.
 */
static const struct {
	const char	*prefix;
	const char	*server;
} servlet_images[] = {
	{ "tomcat", "Tomcat" }, { "tomee", "TomEE" }, { "jetty", "Jetty" },
	{ "wildfly", "WildFly" }, { "jboss-eap", "JBoss EAP" },
	{ "open-liberty", "Open Liberty" },
	{ "websphere-liberty", "WebSphere Liberty" },
	{ "glassfish", "GlassFish" }, { "payara", "Payara" },
	{ "server-full", NULL }, { "server-web", NULL },
};

/* Apache httpd modules that run the app inside the web server. */
static const struct {
	const char	*prefix;	/* package name prefix */
	const char	*module;
} apache_modules[] = {
	{ "libapache2-mod-php", "mod_php" },
	{ "libapache2-mod-wsgi", "mod_wsgi" },
	{ "libapache2-mod-passenger", "Passenger" },
	{ "libapache2-mod-perl", "mod_perl" },
	{ "mod_php", "mod_php" }, { "mod_wsgi", "mod_wsgi" },
	{ "python3-mod_wsgi", "mod_wsgi" }, { "mod_passenger", "Passenger" },
	{ "mod_perl", "mod_perl" },
};

enum injected {
	INJ_NONE = 0,
	INJ_SERVLET,	/* a servlet/Jakarta EE container */
	INJ_MODPHP	/* php:*-apache */
};

/* What the image is, by its root stage: servlet container, mod_php … */
static enum injected
injected_kind(const char *image, const char **server)
{
	char	 base[128], tag[128];
	size_t	 i;

	*server = NULL;
	if (!image_base(image, base, sizeof(base), tag, sizeof(tag)))
		return INJ_NONE;
	if (strcmp(base, "php") == 0 && strstr(tag, "apache") != NULL) {
		*server = "Apache httpd with mod_php";
		return INJ_MODPHP;
	}
	for (i = 0; i < TL_NELEM(servlet_images); i++) {
		if (!tl_str_has_prefix(base, servlet_images[i].prefix))
			continue;
		/* payara/server-full, not any "server-full". */
		if (servlet_images[i].server == NULL &&
		    strstr(image, "payara") == NULL)
			continue;
		*server = servlet_images[i].server != NULL ?
		    servlet_images[i].server : "Payara";
		return INJ_SERVLET;
	}
	return INJ_NONE;
}

/* A deployable Java archive: *.war or *.ear. */
static int
is_archive(const char *w)
{
	return tl_str_has_suffix(w, ".war") || tl_str_has_suffix(w, ".ear") ||
	    tl_str_has_suffix(w, ".war\"") || tl_str_has_suffix(w, ".ear\"");
}

/* A servlet container's deployment directory in a container path. */
static int
deploy_dir(const char *dest, int archive)
{
	if (has_component(dest, "webapps"))
		return 1;
	return archive && (has_component(dest, "deployments") ||
	    has_component(dest, "dropins") ||
	    has_component(dest, "autodeploy"));
}

/* mod_php's document root: under /var/www (the php images' WORKDIR). */
static int
php_docroot(const char *dest)
{
	return strcmp(dest, "/var/www") == 0 ||
	    tl_str_has_prefix(dest, "/var/www/");
}

/*
 * Does the stage start its own server rather than the image's Apache:
 * an effective CMD or ENTRYPOINT whose program is php (php -S, artisan
 * serve, a Swoole/ReactPHP script), RoadRunner or FrankenPHP?
 */
static int
php_own_server(const struct tl_dockerfile *df, const struct tl_df_stage *st)
{
	static const char *const kws[] = { "ENTRYPOINT", "CMD" };
	static const char *const own[] = {
		"php", "rr", "roadrunner", "frankenphp", NULL
	};
	const struct tl_df_instr *in;
	const struct tl_df_stage *where;
	struct tl_script	*sc = NULL;
	struct tl_buf		 b = TL_BUF_INIT;
	const char		*prog;
	size_t			 k, i, j;
	int			 hit = 0;

	for (k = 0; k < TL_NELEM(kws) && !hit; k++) {
		in = tl_df_effective(df, st, kws[k], &where);
		if (in == NULL)
			continue;
		tl_buf_clear(&b);
		if (in->exec_form)
			for (i = 0; i < in->argc; i++) {
				tl_buf_adds(&b, i > 0 ? " '" : "'");
				tl_buf_adds(&b, in->argv[i]);
				tl_buf_addc(&b, '\'');
			}
		else
			tl_buf_adds(&b, in->args);
		if (tl_shell_parse(&sc, tl_buf_str(&b), b.len, in->line) != 0)
			continue;
		/* The last command that is not plumbing is the server. */
		for (i = sc != NULL ? sc->ncmds : 0; i > 0; i--) {
			if (sc->cmds[i - 1].depth != 0 ||
			    tl_cmd_is_plumbing(&sc->cmds[i - 1]))
				continue;
			prog = tl_sh_real_prog(&sc->cmds[i - 1]);
			for (j = 0; own[j] != NULL; j++)
				if (strcmp(prog, own[j]) == 0)
					hit = 1;
			/* php8.2, php81 */
			if (tl_str_has_prefix(prog, "php") &&
			    isdigit((unsigned char)prog[3]))
				hit = 1;
			break;
		}
		tl_script_free(sc);
		sc = NULL;
	}
	tl_buf_release(&b);
	return hit;
}

/* The Apache module a package installs, or NULL. */
static const char *
apache_module(const char *pkg)
{
	size_t	 i;

	/* Alpine: php81-apache2, php-apache2. */
	if (tl_str_has_prefix(pkg, "php") && tl_str_has_suffix(pkg, "-apache2"))
		return "mod_php";
	for (i = 0; i < TL_NELEM(apache_modules); i++)
		if (tl_str_has_prefix(pkg, apache_modules[i].prefix))
			return apache_modules[i].module;
	return NULL;
}

/* A package manager's install command: apt-get install, apk add … */
static int
is_install(const struct tl_sh_cmd *c)
{
	static const char *const pms[] = {
		"apt-get", "apt", "aptitude", "yum", "dnf", "microdnf",
		"zypper", "apk", NULL
	};
	const char	*prog = tl_sh_real_prog(c);
	size_t		 i;

	for (i = 0; pms[i] != NULL; i++)
		if (strcmp(prog, pms[i]) == 0)
			return tl_cmd_has_word(c, "install") ||
			    tl_cmd_has_word(c, "add");
	return 0;
}

/* Report a RUN that installs an Apache module running the app. */
static int
tf0702_run(struct tl_check *c, const struct tl_file *f,
    const struct tl_df_instr *in, int *done)
{
	struct tl_script	*sc = NULL;
	const struct tl_sh_cmd	*cmd;
	const char		*mod;
	size_t			 i, j;
	int			 error = 0;

	if (in->exec_form || tl_shell_parse(&sc, in->args, strlen(in->args),
	    in->line) != 0 || sc == NULL)
		return 0;
	for (i = 0; i < sc->ncmds && !*done; i++) {
		cmd = &sc->cmds[i];
		if (!is_install(cmd))
			continue;
		for (j = tl_sh_prog_index(cmd) + 1; j < cmd->argc; j++) {
			if ((mod = apache_module(cmd->argv[j])) == NULL)
				continue;
			*done = 1;
			error = tl_report(c, f, in->line, 1, cmd->argv[j],
			    "RUN installs %s: the app runs as %s inside "
			    "Apache httpd, which binds the port",
			    cmd->argv[j], mod);
			break;
		}
	}
	tl_script_free(sc);
	return error;
}

/* Report a COPY/ADD that deploys the app into an injected server. */
static int
tf0702_copy(struct tl_check *c, const struct tl_file *f,
    const struct tl_df_instr *in, const char *workdir,
    const struct tl_df_stage *root, enum injected kind, const char *server,
    int *done)
{
	struct tl_buf	 dest = TL_BUF_INIT;
	char		**w, *folded;
	const char	*from, *src = NULL;
	size_t		 n, i;
	int		 archive = 0, error = 0, hit = 0;

	if (in->nheredocs > 0 || (n = tl_df_copy_words(in, &w)) < 2)
		return 0;
	for (i = 0; i + 1 < n; i++)
		if (is_archive(w[i])) {
			archive = 1;
			src = w[i];
		}
	if (!tl_path_join(&dest, workdir, w[n - 1]))
		tl_buf_clear(&dest);
	from = tl_df_instr_flag(in, "from");
	if (kind == INJ_SERVLET)
		hit = archive || deploy_dir(tl_buf_str(&dest), 1);
	else if (archive)
		hit = deploy_dir(tl_buf_str(&dest), 1);
	else if (kind == INJ_MODPHP && php_docroot(tl_buf_str(&dest)))
		hit = from == NULL || in->from_stage >= 0;
	if (hit) {
		*done = 1;
		folded = tl_str_fold(in->args, strlen(in->args));
		if (kind == INJ_MODPHP && !archive)
			error = tl_report(c, f, in->line, 1, folded,
			    "%s puts the app into %s of %s (FROM at line "
			    "%u): %s serves it, the app binds no port of its "
			    "own",
			    in->keyword, tl_buf_str(&dest), root->image,
			    root->line, server);
		else if (kind == INJ_SERVLET)
			error = tl_report(c, f, in->line, 1, folded,
			    "%s deploys '%s' into %s of %s (FROM at line "
			    "%u): %s, not the app, binds the port", in->keyword,
			    src != NULL ? src : w[0], tl_buf_str(&dest),
			    root->image, root->line, server);
		else
			error = tl_report(c, f, in->line, 1, folded,
			    "%s deploys '%s' into the servlet container "
			    "directory %s: the container, not the app, binds "
			    "the port", in->keyword, src != NULL ? src : w[0],
			    tl_buf_str(&dest));
		free(folded);
	}
	tl_buf_release(&dest);
	tl_words_free(w, n);
	return error;
}

/* The Dockerfile branch: COPY/ADD into the server, Apache modules. */
static int
tf0702_dockerfile(struct tl_check *c, const struct tl_file *f)
{
	const struct tl_dockerfile *df = f->docker;
	const struct tl_df_stage *chain[TL_DF_CHAIN_MAX], *st;
	const struct tl_df_instr *in;
	struct tl_buf		 wd = TL_BUF_INIT, tmp = TL_BUF_INIT;
	const char		*server;
	enum injected		 kind;
	size_t			 n, i, j;
	int			 done = 0, error = 0;

	if ((st = tl_dockerfile_final(df)) == NULL)
		return 0;
	n = tl_df_stage_chain(df, st, chain);
	kind = injected_kind(chain[0]->image, &server);
	if (kind == INJ_MODPHP && php_own_server(df, st))
		kind = INJ_NONE;
	/* The php images' WORKDIR is /var/www/html, Tomcat's its home. */
	tl_buf_adds(&wd, kind == INJ_MODPHP ? "/var/www/html" : "/");
	for (i = 0; i < n && !done && error == 0; i++)
		for (j = chain[i]->first + 1; j < chain[i]->first +
		    chain[i]->count && !done && error == 0; j++) {
			in = &df->instrs[j];
			if (strcmp(in->keyword, "WORKDIR") == 0 &&
			    tl_path_join(&tmp, tl_buf_str(&wd), in->args)) {
				tl_buf_clear(&wd);
				tl_buf_adds(&wd, tl_buf_str(&tmp));
			} else if (strcmp(in->keyword, "WORKDIR") == 0)
				continue;
			else if (strcmp(in->keyword, "COPY") == 0 ||
			    strcmp(in->keyword, "ADD") == 0)
				error = tf0702_copy(c, f, in, tl_buf_str(&wd),
				    chain[0], kind, server, &done);
			else if (strcmp(in->keyword, "RUN") == 0)
				error = tf0702_run(c, f, in, &done);
		}
	tl_buf_release(&wd);
	tl_buf_release(&tmp);
	return error;
}

/* Does a compose service's command start a PHP server of its own? */
static int
compose_own_server(const struct tl_ynode *svc)
{
	const struct tl_ynode	*cmd = tl_ymap_get(svc, "command");
	const char		*s;
	size_t			 len;

	if (cmd != NULL && cmd->type == TL_YSEQ && cmd->nitems > 0)
		cmd = cmd->items[0];
	if ((s = tl_ystr(cmd)) == NULL)
		return 0;
	len = strcspn(s, " \t");
	return (len == 3 && strncmp(s, "php", 3) == 0) ||
	    (len == 2 && strncmp(s, "rr", 2) == 0) ||
	    (len == 10 && strncmp(s, "frankenphp", 10) == 0);
}

/*
 * The compose branch: a service running a mod_php or servlet-container
 * image (its image:, or the image its build: makes) with the app's code
 * bind-mounted into the document root or deployment directory.
 */
static int
tf0702_service(struct tl_check *c, const struct tl_file *cf,
    const char *name, const struct tl_ynode *svc)
{
	const struct tl_file	*df;
	const struct tl_df_stage *st, *chain[TL_DF_CHAIN_MAX];
	const struct tl_ynode	*vols, *v;
	const char		*image, *server, *s, *src, *dst;
	char			*copy = NULL, *colon, where[300];
	enum injected		 kind;
	size_t			 i;
	int			 hit, error = 0;

	image = tl_ystr(tl_ymap_get(svc, "image"));
	where[0] = '\0';
	if ((df = compose_build(c->repo, cf, svc, &st)) != NULL) {
		(void)tl_df_stage_chain(df->docker, st, chain);
		image = chain[0]->image;
		snprintf(where, sizeof(where), " (FROM at %s:%u)", df->path,
		    chain[0]->line);
		if (php_own_server(df->docker, st))
			return 0;
	}
	if (image == NULL || strchr(image, '$') != NULL)
		return 0;
	if ((kind = injected_kind(image, &server)) == INJ_NONE)
		return 0;
	if (kind == INJ_MODPHP && compose_own_server(svc))
		return 0;
	vols = tl_ymap_get(svc, "volumes");
	TL_YSEQ_FOREACH(i, vols) {
		v = vols->items[i];
		free(copy);
		copy = NULL;
		if ((s = tl_ystr(v)) != NULL) {
			copy = tl_strdup(s);
			src = copy;
			if ((colon = strchr(copy, ':')) == NULL)
				continue;
			*colon = '\0';
			dst = colon + 1;
			if ((colon = strchr(dst, ':')) != NULL)
				*colon = '\0';
		} else {
			src = tl_ystr(tl_ymap_get(v, "source"));
			dst = tl_ystr(tl_ymap_get(v, "target"));
			if (!tl_yscalar_is(tl_ymap_get(v, "type"), "bind"))
				continue;
		}
		/* A bind mount of the project: ./app, ., ../src … */
		if (src == NULL || dst == NULL || (src[0] != '.' &&
		    src[0] != '/'))
			continue;
		if (kind == INJ_MODPHP)
			hit = php_docroot(dst);
		else
			hit = deploy_dir(dst, is_archive(dst) ||
			    is_archive(src));
		if (!hit)
			continue;
		error = tl_report(c, cf, v->line, v->col, name,
		    "compose service '%s' mounts '%s' into %s of %s%s: %s, "
		    "not the app, serves it", name, src, dst, image, where,
		    server);
		break;
	}
	free(copy);
	return error;
}

static int	tf0702_check(struct tl_check *);

static const struct tl_rule tf0702 = {
	.id = "TF0702",
	.name = "injected-web-server",
	.factor = TL_FACTOR_PORT_BINDING,
	.severity = TL_SEV_WARNING,
	.needs = TL_NEED(TL_FILE_DOCKERFILE) | TL_NEED(TL_FILE_COMPOSE) |
	    TL_NEED_SERVICE,
	.summary = "app relies on an injected web server",
	.rationale =
	    "A twelve-factor app is completely self-contained: it does not "
	    "rely on a web server injected into its execution environment, "
	    "it exports HTTP itself by binding a port, with the server "
	    "library declared as a dependency. Reported: a WAR or EAR "
	    "deployed into an application server image (tomcat, tomee, "
	    "jetty, wildfly, jboss-eap, open-liberty, websphere-liberty, "
	    "glassfish, payara) or into its webapps/, deployments/, dropins/ "
	    "or autodeploy/ directory; the app copied into /var/www of a "
	    "php:*-apache image, where mod_php serves it (the image's "
	    "WORKDIR, /var/www/html, counts for relative destinations); a "
	    "RUN that installs an Apache module that runs the app "
	    "(libapache2-mod-php, -wsgi, -passenger, -perl, mod_wsgi, "
	    "php*-apache2); and a compose service on such an image that "
	    "bind-mounts the project into the document root or deployment "
	    "directory. Only the final stage of a Dockerfile (and the stages "
	    "it is built FROM) is read; files meant for local development "
	    "(Dockerfile.dev, docker-compose.dev.yml …) are not. "
	    "Deliberately not reported: an embedded server (java -jar "
	    "app.jar on eclipse-temurin, a WAR run with java -jar), a "
	    "php:*-apache image whose CMD starts its "
	    "own server (php -S, artisan serve, RoadRunner, FrankenPHP), "
	    "php-fpm (its own process binds its own port, FastCGI, for a "
	    "proxy in front), and nginx, httpd or caddy images serving static "
	    "files such as a built single-page app: a static server "
	    "configured and shipped in the app's own image is the app's "
	    "self-contained server.",
	.fix =
	    "Embed the server in the app and bind the port from the "
	    "environment: a Spring Boot or Quarkus executable jar "
	    "(java -jar app.jar with server.port=${PORT}), embedded "
	    "Jetty/Undertow, or for PHP a server process of the app's own "
	    "(FrankenPHP, RoadRunner, or php-fpm behind a proxy container). "
	    "On Amazon ECS declare that port as the task definition's "
	    "containerPort and the ALB target group's port.",
	.see_also = NULL,
	.check = tf0702_check,
};

static int
tf0702_check(struct tl_check *c)
{
	const struct tl_file	*f;
	const struct tl_ynode	*svcs;
	const char		*name;
	size_t			 i;
	int			 error = 0;

	TL_FOREACH_FILE(f, c->repo, TL_FILE_DOCKERFILE) {
		if (f->docker == NULL || tl_path_is_dev_artefact(f->path))
			continue;
		if ((error = tf0702_dockerfile(c, f)) != 0)
			return error;
	}
	TL_FOREACH_FILE(f, c->repo, TL_FILE_COMPOSE) {
		if (f->doc == NULL || f->doc->nroots == 0 ||
		    tl_path_is_dev_artefact(f->path))
			continue;
		svcs = tl_ymap_get(f->doc->roots[0], "services");
		TL_YMAP_FOREACH(i, svcs) {
			name = tl_ystr(svcs->pairs[i].key);
			if (name != NULL && (error = tf0702_service(c, f, name,
			    svcs->pairs[i].value)) != 0)
				return error;
		}
	}
	return 0;
}

/* ------------------------------------------------------------- TF0703 */

/* Does the text refer to the PORT variable: $PORT, ${PORT…}, %PORT%? */
static int
refers_port(const char *s)
{
	const char	*p;

	for (p = s; (p = strstr(p, "PORT")) != NULL; p++) {
		if (p > s && p[-1] == '$' &&
		    !isalnum((unsigned char)p[4]) && p[4] != '_')
			return 1;
		if (p > s + 1 && p[-1] == '{' && p[-2] == '$' &&
		    (p[4] == '}' || p[4] == ':' || p[4] == '-'))
			return 1;
		if (p > s && p[-1] == '%' && p[4] == '%')
			return 1;
	}
	return 0;
}

/*
 * How a server is told its port, and what it does when it is not:
 * port_opts take a port, addr_opts a host:port, off_opts (a unix
 * socket, a config file) make the default not apply; positional: the
 * first operand is [host:]port; deflt: the port it binds when given
 * none, ignoring PORT (0: it reads PORT, or a config file decides).
 */
struct server {
	const char	*prog;		/* static: program, python -m module */
	const char	*sub;		/* static: sub-command, or NULL */
	const char	*port_opts[4];	/* static */
	const char	*addr_opts[4];	/* static */
	const char	*off_opts[4];	/* static */
	int		 positional;
	unsigned	 deflt;
};

static const struct server servers[] = {
	/* gunicorn binds 0.0.0.0:$PORT by default when PORT is set. */
	{ "gunicorn", NULL, { NULL }, { "-b", "--bind", NULL }, { NULL },
	    0, 0 },
	/* uvicorn reads UVICORN_PORT, not PORT: 127.0.0.1:8000. */
	{ "uvicorn", NULL, { "--port", NULL }, { NULL },
	    { "--uds", "--fd", NULL }, 0, 8000 },
	{ "hypercorn", NULL, { NULL }, { "-b", "--bind", NULL },
	    { "-c", "--config", NULL }, 0, 8000 },
	{ "daphne", NULL, { "-p", "--port", NULL },
	    { "-e", "--endpoint", NULL },
	    { "-u", "--unix-socket", "--fd", NULL }, 0, 8000 },
	{ "waitress-serve", NULL, { "--port", NULL }, { "--listen", NULL },
	    { "--unix-socket", NULL }, 0, 8080 },
	{ "granian", NULL, { "--port", NULL }, { NULL }, { "--uds", NULL },
	    0, 0 },
	{ "flask", "run", { "-p", "--port", NULL }, { NULL }, { NULL },
	    0, 5000 },
	{ "manage.py", "runserver", { NULL }, { NULL }, { NULL }, 1, 8000 },
	{ "django-admin", "runserver", { NULL }, { NULL }, { NULL }, 1, 8000 },
	{ "http.server", NULL, { NULL }, { NULL }, { NULL }, 1, 8000 },
	{ "streamlit", "run", { "--server.port", NULL }, { NULL }, { NULL },
	    0, 8501 },
	{ "rails", "server", { "-p", "--port", NULL }, { NULL }, { NULL },
	    0, 0 },
	{ "rails", "s", { "-p", "--port", NULL }, { NULL }, { NULL }, 0, 0 },
	{ "puma", NULL, { "-p", "--port", NULL }, { "-b", "--bind", NULL },
	    { NULL }, 0, 0 },
	{ "unicorn", NULL, { "-p", "--port", NULL },
	    { "-l", "--listen", NULL }, { NULL }, 0, 0 },
	{ "thin", NULL, { "-p", "--port", NULL }, { NULL }, { NULL }, 0, 0 },
	{ "rackup", NULL, { "-p", "--port", NULL }, { NULL }, { NULL }, 0, 0 },
	{ "next", "start", { "-p", "--port", NULL }, { NULL }, { NULL }, 0, 0 },
	{ "http-server", NULL, { "-p", "--port", NULL }, { NULL }, { NULL },
	    0, 0 },
	{ "php", "serve", { "--port", NULL }, { NULL }, { NULL }, 0, 0 },
	{ "php", NULL, { NULL }, { "-S", NULL }, { NULL }, 0, 0 },
	{ "java", NULL, { "-Dserver.port", NULL }, { NULL }, { NULL }, 0, 0 },
};

/* Runners that start the next word as the program. */
static const struct {
	const char	*prog;
	const char	*word;		/* its sub-command, or NULL */
} runners[] = {
	{ "bundle", "exec" }, { "poetry", "run" }, { "pipenv", "run" },
	{ "uv", "run" }, { "pdm", "run" }, { "rye", "run" },
	{ "hatch", "run" }, { "pnpm", "exec" }, { "npx", NULL },
	{ "bunx", NULL }, { "ruby", NULL }, { "exec", NULL },
};

/* Basename of a word. */
static const char *
word_base(const char *w)
{
	const char	*slash = strrchr(w, '/');

	return slash != NULL ? slash + 1 : w;
}

/*
 * The program the command really starts, skipping wrappers and runners,
 * with python -m MODULE and python manage.py taken as that program;
 * *next is the index of its first argument.  NULL when there is none.
 */
static const char *
real_server(const struct tl_sh_cmd *cmd, size_t *next)
{
	const char	*prog;
	size_t		 i = tl_sh_prog_index(cmd), k;
	int		 again = 1;

	while (again && i < cmd->argc) {
		again = 0;
		prog = word_base(cmd->argv[i]);
		for (k = 0; k < TL_NELEM(runners); k++) {
			if (strcmp(prog, runners[k].prog) != 0)
				continue;
			if (runners[k].word != NULL) {
				if (i + 1 >= cmd->argc || strcmp(cmd->argv[i +
				    1], runners[k].word) != 0)
					break;
				i++;
			}
			i++;
			again = 1;
			break;
		}
		if (!again && tl_str_has_prefix(prog, "python") && i + 1 <
		    cmd->argc) {
			if (strcmp(cmd->argv[i + 1], "-m") == 0 && i + 2 <
			    cmd->argc) {
				*next = i + 3;
				return cmd->argv[i + 2];
			}
			if (cmd->argv[i + 1][0] != '-') {
				*next = i + 2;
				return word_base(cmd->argv[i + 1]);
			}
		}
	}
	if (i >= cmd->argc)
		return NULL;
	*next = i + 1;
	return word_base(cmd->argv[i]);
}

/*
 * The value of one of opts in argv[from..]: "--port 80", "--port=80",
 * "-p80"; shown gets the option and value as written.  NULL when absent.
 */
static const char *
opt_value(const struct tl_sh_cmd *cmd, size_t from, const char *const *opts,
    char *shown, size_t slen)
{
	const char	*a;
	size_t		 i, k, len;

	for (i = from; i < cmd->argc; i++) {
		a = cmd->argv[i];
		for (k = 0; k < 4 && opts[k] != NULL; k++) {
			len = strlen(opts[k]);
			if (strcmp(a, opts[k]) == 0 && i + 1 < cmd->argc &&
			    strcmp(opts[k], "-Dserver.port") != 0) {
				snprintf(shown, slen, "%s %s", a,
				    cmd->argv[i + 1]);
				return cmd->argv[i + 1];
			}
			snprintf(shown, slen, "%s", a);
			if (strncmp(a, opts[k], len) == 0 && a[len] == '=')
				return a + len + 1;
			if (len == 2 && strncmp(a, opts[k], 2) == 0 &&
			    isdigit((unsigned char)a[2]))
				return a + 2;
		}
	}
	return NULL;
}

/* A literal TCP port: 8000, :8000, 0.0.0.0:8000, tcp:port=8000? */
static int
literal_port(const char *v)
{
	const char	*p;
	size_t		 n;

	if (strchr(v, '$') != NULL || strchr(v, '%') != NULL ||
	    tl_str_has_prefix(v, "unix:") || v[0] == '/')
		return 0;
	if ((p = strstr(v, "port=")) != NULL)
		p += 5;
	else if ((p = strrchr(v, ':')) != NULL)
		p++;
	else
		p = v;
	n = strspn(p, "0123456789");
	return n > 0 && n <= 5 && (p[n] == '\0' || p[n] == ':' ||
	    p[n] == '/');
}

/* The first operand after the sub-command (runserver 0.0.0.0:8000). */
static const char *
operand(const struct tl_sh_cmd *cmd, size_t from)
{
	size_t	 i;

	for (i = from; i < cmd->argc; i++)
		if (cmd->argv[i][0] != '-')
			return cmd->argv[i];
	return NULL;
}

/*
 * Why a web command does not bind $PORT, in buf; 0 when it does or when
 * nothing is known about the program.
 */
static int
web_port_problem(const struct tl_sh_cmd *cmd, char *buf, size_t len)
{
	const struct server	*s;
	const char		*prog, *v;
	char			 shown[96];
	size_t			 next, i, k;

	if (cmd->argc == 0 || (prog = real_server(cmd, &next)) == NULL)
		return 0;
	for (i = 0; i < TL_NELEM(servers); i++) {
		s = &servers[i];
		if (strcmp(prog, s->prog) != 0)
			continue;
		/* flask --app hello run: the sub-command after options. */
		for (k = next; s->sub != NULL && k < cmd->argc; k++)
			if (strcmp(cmd->argv[k], s->sub) == 0)
				break;
		if (s->sub != NULL && k >= cmd->argc)
			continue;
		if (s->sub != NULL)
			next = k + 1;
		if ((v = opt_value(cmd, next, s->port_opts, shown,
		    sizeof(shown))) != NULL || (v = opt_value(cmd, next,
		    s->addr_opts, shown, sizeof(shown))) != NULL ||
		    (s->positional && (v = operand(cmd, next)) != NULL &&
		    snprintf(shown, sizeof(shown), "%s", v) > 0)) {
			if (!literal_port(v))
				return 0;
			snprintf(buf, len, "%s%s%s %s: a fixed port, not $PORT",
			    prog, s->sub != NULL ? " " : "",
			    s->sub != NULL ? s->sub : "", shown);
			return 1;
		}
		if (s->deflt == 0 || opt_value(cmd, next, s->off_opts, shown,
		    sizeof(shown)) != NULL)
			return 0;
		snprintf(buf, len, "%s%s%s without a port: it binds %u and "
		    "ignores PORT", prog, s->sub != NULL ? " " : "",
		    s->sub != NULL ? s->sub : "", s->deflt);
		return 1;
	}
	return 0;
}

static int	tf0703_check(struct tl_check *);

static const struct tl_rule tf0703 = {
	.id = "TF0703",
	.name = "procfile-web-without-port",
	.factor = TL_FACTOR_PORT_BINDING,
	.severity = TL_SEV_INFO,
	.needs = TL_NEED(TL_FILE_PROCFILE) |
	    TL_NEED_SERVICE,
	.summary = "Procfile web process does not bind $PORT",
	.rationale =
	    "The platform that runs a Procfile (Heroku, Dokku, Scalingo, "
	    "Elastic Beanstalk, foreman and honcho locally) picks the port "
	    "of the web process and hands it over in the PORT variable; a "
	    "web process bound to another port is never reached. Reported: "
	    "a web process whose server is given a literal port on its "
	    "command line (gunicorn --bind 0.0.0.0:8000, uvicorn --port "
	    "8000, puma -p 3000, rails server -p 3000, daphne -p, "
	    "waitress-serve --port, flask run --port, manage.py runserver "
	    "0.0.0.0:8000, php -S 0.0.0.0:8000, java -Dserver.port=8080 …), "
	    "and a server known to ignore PORT started without a port "
	    "(uvicorn, hypercorn, daphne, waitress-serve, flask run, "
	    "runserver, python -m http.server, streamlit run). Not "
	    "reported: a command that mentions $PORT, ${PORT} or %PORT% "
	    "anywhere; gunicorn and rails server without a port (both read "
	    "PORT), servers started with only a config file (puma -C, "
	    "hypercorn -c) or on a unix socket; ports given in another "
	    "variable; npm start, node server.js and other programs whose "
	    "code decides (TF0701 reads that code).",
	.fix =
	    "Bind the port the platform gives: web: gunicorn -b "
	    "0.0.0.0:$PORT app:app, uvicorn app:app --host 0.0.0.0 --port "
	    "$PORT, bundle exec puma -p $PORT. On AWS App Runner and "
	    "Elastic Beanstalk the platform sets PORT the same way; on "
	    "Amazon ECS put PORT in the task definition's environment next "
	    "to the containerPort.",
	.see_also = NULL,
	.check = tf0703_check,
};

static int
tf0703_check(struct tl_check *c)
{
	const struct tl_file	*f;
	const struct tl_proc	*p;
	const struct tl_sh_cmd	*cmd;
	char			 why[200];
	size_t			 i, j;
	int			 error = 0;

	TL_FOREACH_FILE(f, c->repo, TL_FILE_PROCFILE) {
		for (i = 0; f->procfile != NULL && i < f->procfile->nprocs &&
		    error == 0; i++) {
			p = &f->procfile->procs[i];
			if (strcmp(p->type, "web") != 0 || p->script == NULL ||
			    refers_port(p->command))
				continue;
			for (j = 0; j < p->script->ncmds; j++) {
				cmd = &p->script->cmds[j];
				if (!web_port_problem(cmd, why, sizeof(why)))
					continue;
				error = tl_report(c, f, p->line, 1, cmd->text,
				    "'web' runs %s", why);
				break;
			}
		}
		if (error != 0)
			return error;
	}
	return 0;
}

/* ------------------------------------------------------------- TF0704 */

#define PS_MAX	32

/* A set of TCP ports as ranges; unknown when one was a variable. */
struct portset {
	unsigned	 lo[PS_MAX];
	unsigned	 hi[PS_MAX];
	size_t		 n;
	int		 unknown;
};

static void
ps_add(struct portset *ps, unsigned lo, unsigned hi)
{
	if (ps->n < PS_MAX) {
		ps->lo[ps->n] = lo;
		ps->hi[ps->n] = hi;
		ps->n++;
	}
}

static int
ps_has(const struct portset *ps, unsigned port)
{
	size_t	 i;

	for (i = 0; i < ps->n; i++)
		if (port >= ps->lo[i] && port <= ps->hi[i])
			return 1;
	return 0;
}

/* Do two sets share a port? */
static int
ps_meets(const struct portset *a, const struct portset *b)
{
	size_t	 i, j;

	for (i = 0; i < a->n; i++)
		for (j = 0; j < b->n; j++)
			if (a->lo[i] <= b->hi[j] && b->lo[j] <= a->hi[i])
				return 1;
	return 0;
}

static const char *
ps_format(const struct portset *ps, char *buf, size_t len)
{
	size_t	 i, off = 0;
	int	 w;

	buf[0] = '\0';
	for (i = 0; i < ps->n && off < len; i++) {
		if (ps->lo[i] == ps->hi[i])
			w = snprintf(buf + off, len - off, "%s%u",
			    i > 0 ? ", " : "", ps->lo[i]);
		else
			w = snprintf(buf + off, len - off, "%s%u-%u",
			    i > 0 ? ", " : "", ps->lo[i], ps->hi[i]);
		if (w < 0)
			break;
		off += (size_t)w;
	}
	return buf;
}

/* A port number 1-65535 of exactly the n digits at p. */
static int
port_num(const char *p, size_t n, unsigned *out)
{
	unsigned long	 v = 0;
	size_t		 i;

	if (n == 0 || n > 5)
		return 0;
	for (i = 0; i < n; i++) {
		if (!isdigit((unsigned char)p[i]))
			return 0;
		v = v * 10 + (unsigned long)(p[i] - '0');
	}
	if (v == 0 || v > 65535)
		return 0;
	*out = (unsigned)v;
	return 1;
}

/*
 * A container port as written: "8080", "8080/tcp", "8000-8010/udp".
 * 1 when it is one, 0 otherwise.
 */
static int
port_word(const char *w, unsigned *lo, unsigned *hi)
{
	size_t	 len = strcspn(w, "/"), dash;

	dash = strcspn(w, "-");
	if (dash < len) {
		return port_num(w, dash, lo) &&
		    port_num(w + dash + 1, len - dash - 1, hi) && *lo <= *hi;
	}
	if (!port_num(w, len, lo))
		return 0;
	*hi = *lo;
	return 1;
}

/*
 * The value of a build variable at instruction `upto` of the stage
 * chain: the last ENV or ARG that sets it, a bare ARG taking the global
 * ARG's default.  NULL when unknown.
 */
static const char *
build_var(const struct tl_dockerfile *df, const struct tl_df_stage **chain,
    size_t n, size_t upto, const char *name, size_t nlen, size_t *at)
{
	const struct tl_df_instr *in;
	const char		*v = NULL;
	size_t			 i, j, k;
	int			 bare = 0;

	for (i = 0; i < n; i++)
		for (j = chain[i]->first + 1; j < chain[i]->first +
		    chain[i]->count && j < upto; j++) {
			in = &df->instrs[j];
			if (strcmp(in->keyword, "ENV") != 0 &&
			    strcmp(in->keyword, "ARG") != 0)
				continue;
			for (k = 0; k < in->nkv; k++) {
				if (strlen(in->kv[k].key) != nlen ||
				    strncmp(in->kv[k].key, name, nlen) != 0)
					continue;
				v = in->kv[k].value;
				bare = v == NULL;
				*at = j;
			}
		}
	if (!bare)
		return v;
	*at = 0;
	for (j = 0; j < df->ninstrs; j++) {
		in = &df->instrs[j];
		if (in->stage != TL_DF_NO_STAGE)
			break;
		for (k = 0; k < in->nkv; k++)
			if (strlen(in->kv[k].key) == nlen &&
			    strncmp(in->kv[k].key, name, nlen) == 0)
				v = in->kv[k].value;
	}
	return v;
}

/*
 * An EXPOSE word with $VAR, ${VAR} or ${VAR:-default} substituted (ENV
 * PORT=$PORT is followed back to the ARG, a few levels deep).
 */
static int
expose_word(const struct tl_dockerfile *df, const struct tl_df_stage **chain,
    size_t n, size_t upto, const char *w, unsigned *lo, unsigned *hi,
    int depth)
{
	const char	*name, *end, *v, *dflt = NULL;
	char		 buf[32];
	size_t		 nlen, at = 0;

	if (depth > 4)
		return 0;
	if (w[0] != '$')
		return port_word(w, lo, hi);
	if (w[1] == '{') {
		name = w + 2;
		if ((end = strchr(name, '}')) == NULL)
			return 0;
		nlen = strcspn(name, ":-}");
		if (name[nlen] == ':' && name[nlen + 1] == '-')
			dflt = name + nlen + 2;
		else if (name[nlen] == '-')
			dflt = name + nlen + 1;
	} else {
		name = w + 1;
		nlen = strspn(name, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
		    "abcdefghijklmnopqrstuvwxyz0123456789_");
		end = name + nlen;
	}
	if ((v = build_var(df, chain, n, upto, name, nlen, &at)) == NULL) {
		if (dflt == NULL)
			return 0;
		snprintf(buf, sizeof(buf), "%.*s", (int)(end - dflt), dflt);
		return port_word(buf, lo, hi);
	}
	if (v[0] == '$')
		return expose_word(df, chain, n, at, v, lo, hi, depth + 1);
	return port_word(v, lo, hi);
}

/* What an image says about its port: EXPOSE and the HEALTHCHECK URL. */
struct image_ports {
	struct portset	 expose;	/* its own EXPOSE */
	struct portset	 base;		/* the base image's known ports */
	unsigned	 expose_line;	/* first EXPOSE, 0 when none */
	int		 expose_var;	/* an EXPOSE word was a variable */
	unsigned	 hc_port;	/* 0 when none or not known */
	unsigned	 hc_line;
	char		 hc_text[64];	/* "localhost:3000" */
};

/* Ports the official base images listen on. */
static const struct {
	const char	*image;
	unsigned	 port;
} base_ports[] = {
	{ "nginx", 80 }, { "nginx", 443 }, { "httpd", 80 }, { "httpd", 443 },
	{ "caddy", 80 }, { "caddy", 443 }, { "nginx-unprivileged", 8080 },
	{ "tomcat", 8080 }, { "jetty", 8080 }, { "wildfly", 8080 },
	{ "traefik", 80 }, { "haproxy", 80 },
};

/* The port a HEALTHCHECK command probes on the container itself. */
static void
health_port(struct image_ports *ip, const struct tl_df_instr *in)
{
	static const char *const hosts[] = {
		"localhost", "127.0.0.1", "0.0.0.0", "[::1]"
	};
	const char	*best = NULL, *p, *host = NULL;
	size_t		 k, n;
	unsigned	 port;

	if (strncasecmp(in->args, "CMD", 3) != 0)
		return;
	for (k = 0; k < TL_NELEM(hosts); k++)
		if ((p = tl_memcasemem(in->args, strlen(in->args), hosts[k],
		    strlen(hosts[k]))) != NULL && (best == NULL || p < best)) {
			best = p;
			host = hosts[k];
		}
	if (best == NULL)
		return;
	p = best + strlen(host);
	if (*p == ':') {
		n = strspn(p + 1, "0123456789");
		if (!port_num(p + 1, n, &port))
			return;
	} else if (*p == '/' || *p == '"' || *p == '\'' || *p == ' ' ||
	    *p == '\0') {
		/* No port: the scheme's. */
		if (best - in->args >= 7 &&
		    strncasecmp(best - 7, "http://", 7) == 0)
			port = 80;
		else if (best - in->args >= 8 &&
		    strncasecmp(best - 8, "https://", 8) == 0)
			port = 443;
		else
			return;
		n = 0;
	} else
		return;
	ip->hc_port = port;
	ip->hc_line = in->line;
	snprintf(ip->hc_text, sizeof(ip->hc_text), "%.*s",
	    (int)(p - best + (n > 0 ? n + 1 : 0)), best);
	if (n == 0)
		snprintf(ip->hc_text, sizeof(ip->hc_text), "%.*s (port %u)",
		    (int)(p - best), best, port);
}

static void
image_ports(struct image_ports *ip, const struct tl_dockerfile *df,
    const struct tl_df_stage *st)
{
	const struct tl_df_stage *chain[TL_DF_CHAIN_MAX], *where;
	const struct tl_df_instr *in;
	char			*copy, *t, *save = NULL, base[128];
	char			 tag[128];
	unsigned		 lo, hi;
	size_t			 n, i, j, k;

	memset(ip, 0, sizeof(*ip));
	n = tl_df_stage_chain(df, st, chain);
	for (i = 0; i < n; i++)
		for (j = chain[i]->first + 1; j < chain[i]->first +
		    chain[i]->count; j++) {
			in = &df->instrs[j];
			if (strcmp(in->keyword, "EXPOSE") != 0)
				continue;
			if (ip->expose_line == 0)
				ip->expose_line = in->line;
			copy = tl_strdup(in->args);
			for (t = strtok_r(copy, " \t", &save); t != NULL;
			    t = strtok_r(NULL, " \t", &save)) {
				if (t[0] == '$')
					ip->expose_var = 1;
				if (expose_word(df, chain, n, j, t, &lo, &hi,
				    0))
					ps_add(&ip->expose, lo, hi);
				else
					ip->expose.unknown = 1;
			}
			free(copy);
		}
	if (image_base(chain[0]->image, base, sizeof(base), tag, sizeof(tag)))
		for (k = 0; k < TL_NELEM(base_ports); k++)
			if (strcmp(base, base_ports[k].image) == 0)
				ps_add(&ip->base, base_ports[k].port,
				    base_ports[k].port);
	in = tl_df_effective(df, st, "HEALTHCHECK", &where);
	if (in != NULL)
		health_port(ip, in);
}

/* A port claimed for an image by a compose service or an ECS container. */
struct claim {
	const struct tl_file	*file;	/* borrowed (model): where written */
	unsigned		 line;
	unsigned		 col;
	char			*what;	/* owned: "compose service 'api'" */
	const char		*verb;	/* static: "container port" */
	char			*evidence; /* owned */
	struct portset		 ports;
	const struct tl_file	*df;	/* borrowed (model): its Dockerfile */
	const struct tl_df_stage *stage; /* borrowed (model) */
	int			 build_args; /* compose passes build args */
};

struct claims {
	struct claim	*v;	/* owned */
	size_t		 n;
};

static void
claims_release(struct claims *cs)
{
	size_t	 i;

	for (i = 0; i < cs->n; i++) {
		free(cs->v[i].what);
		free(cs->v[i].evidence);
	}
	free(cs->v);
}

static void
claims_add(struct claims *cs, const struct claim *c)
{
	cs->v = tl_reallocarray(cs->v, cs->n + 1, sizeof(*cs->v));
	cs->v[cs->n++] = *c;
}

/* A plain, untagged scalar's text, or NULL. */
static const char *
literal(const struct tl_ynode *n)
{
	return n != NULL && n->type == TL_YSCALAR && n->tag == NULL ?
	    n->value : NULL;
}

/*
 * Does the service or container set its port itself, so that a port
 * other than the image's is meant: a variable whose name holds PORT set
 * to one of its ports, or a command of its own (cmd: command or
 * entrypoint)?  env is a mapping or a list of NAME=value (compose) or
 * of {name, value} maps (ECS).
 */
static int
overrides_port(const struct portset *ps, const struct tl_ynode *env,
    const struct tl_ynode *cmd, const char *nkey, const char *vkey)
{
	const struct tl_ynode	*e;
	const char		*k, *v, *eq;
	char			 name[128];
	size_t			 i;
	unsigned		 lo, hi;

	for (i = 0; env != NULL && i < env->npairs + env->nitems; i++) {
		if (env->type == TL_YMAP) {
			k = literal(env->pairs[i].key);
			v = literal(env->pairs[i].value);
		} else {
			e = env->items[i];
			k = v = NULL;
			if (nkey != NULL && e->type == TL_YMAP) {
				k = literal(tl_ymap_get(e, nkey));
				v = literal(tl_ymap_get(e, vkey));
			}
			if (k == NULL && (k = literal(e)) != NULL &&
			    (eq = strchr(k, '=')) != NULL) {
				snprintf(name, sizeof(name), "%.*s",
				    (int)(eq - k), k);
				k = name;
				v = eq + 1;
			}
		}
		if (k == NULL || v == NULL || strstr(k, "PORT") == NULL)
			continue;
		if (port_word(v, &lo, &hi) && ps_has(ps, lo))
			return 1;
	}
	/* Another command: another process, maybe on another port. */
	if (cmd == NULL || tl_ynull(cmd))
		return 0;
	return cmd->type != TL_YSEQ || cmd->nitems > 0;
}

/* The compose services that build a Dockerfile and map ports. */
static void
compose_claims(struct claims *cs, const struct tl_repo *repo,
    const struct tl_file *f)
{
	static const char *const keys[] = { "ports", "expose" };
	const struct tl_ynode	*svcs, *svc, *list, *it, *first;
	struct claim		 cl;
	const char		*name, *s, *colon;
	char			 buf[64];
	size_t			 i, j, k;
	unsigned		 lo, hi;

	svcs = tl_ymap_get(f->doc->roots[0], "services");
	TL_YMAP_FOREACH(i, svcs) {
		svc = svcs->pairs[i].value;
		name = literal(svcs->pairs[i].key);
		memset(&cl, 0, sizeof(cl));
		if (name == NULL || tl_yscalar_is(tl_ymap_get(svc,
		    "network_mode"), "host") || (cl.df = compose_build(repo,
		    f, svc, &cl.stage)) == NULL)
			continue;
		first = NULL;
		for (k = 0; k < TL_NELEM(keys); k++) {
			list = tl_ymap_get(svc, keys[k]);
			TL_YSEQ_FOREACH(j, list) {
				it = list->items[j];
				if (first == NULL)
					first = it;
				if (it->type == TL_YMAP)
					s = literal(tl_ymap_get(it, "target"));
				else
					s = literal(it);
				if (s == NULL || strchr(s, '$') != NULL) {
					cl.ports.unknown = 1;
					continue;
				}
				/* [ip:][host:]container[/proto] */
				snprintf(buf, sizeof(buf), "%.*s",
				    (int)strcspn(s, "/"), s);
				colon = strrchr(buf, ':');
				if (port_word(colon != NULL ? colon + 1 : buf,
				    &lo, &hi))
					ps_add(&cl.ports, lo, hi);
				else
					cl.ports.unknown = 1;
			}
		}
		if (first == NULL || cl.ports.unknown || cl.ports.n == 0 ||
		    overrides_port(&cl.ports, tl_ymap_get(svc, "environment"),
		    tl_ymap_get(svc, "command"), NULL, NULL) ||
		    overrides_port(&cl.ports, NULL,
		    tl_ymap_get(svc, "entrypoint"), NULL, NULL))
			continue;
		cl.build_args = tl_ypath(svc, "build.args") != NULL;
		cl.file = f;
		cl.line = first->line;
		cl.col = first->col;
		cl.what = tl_printf("compose service '%s'", name);
		cl.verb = "container port";
		cl.evidence = tl_printf("service %s", name);
		claims_add(cs, &cl);
	}
}

/* Is an ECS image built here: ECR, a placeholder, an intrinsic? */
static int
built_image(const struct tl_ynode *image)
{
	const char	*s = literal(image);

	if (image == NULL)
		return 0;
	if (s == NULL)
		return 1;
	return strstr(s, ".dkr.ecr.") != NULL || strchr(s, '<') != NULL ||
	    strchr(s, '$') != NULL || strchr(s, '{') != NULL;
}

/*
 * The Dockerfile an ECS container runs.  Linked when the directory of
 * exactly one deployable Dockerfile is named like the container or the
 * image's repository ("api" for api/Dockerfile, ".../shop-api:1" too);
 * or, for the only container of its task definition that maps ports
 * and runs an image built here (ECR, placeholder, template intrinsic),
 * when the nearest directory above the task definition that holds any
 * Dockerfile holds exactly one.
 */
static const struct tl_file *
link_container(const struct tl_repo *repo, const struct tl_file *td,
    const char *name, const struct tl_ynode *image, int only)
{
	const struct tl_file	*f, *hit = NULL;
	struct tl_buf		 dir = TL_BUF_INIT;
	const char		*s = literal(image), *dbase;
	char			 ibase[128], tag[128], *d, *slash, *sfx;
	size_t			 nhit = 0, len;
	int			 built = built_image(image);

	ibase[0] = '\0';
	if (s != NULL && strchr(s, '$') == NULL)
		(void)image_base(s, ibase, sizeof(ibase), tag, sizeof(tag));
	TL_FOREACH_FILE(f, repo, TL_FILE_DOCKERFILE) {
		if (f->docker == NULL || tl_path_is_dev_artefact(f->path))
			continue;
		d = tl_path_dir(f->path);
		dbase = strrchr(d, '/') != NULL ? strrchr(d, '/') + 1 : d;
		sfx = tl_printf("-%s", dbase);
		if (*dbase != '\0' && ((built && name != NULL &&
		    strcasecmp(name, dbase) == 0) ||
		    strcasecmp(ibase, dbase) == 0 ||
		    tl_str_has_suffix(ibase, sfx))) {
			hit = f;
			nhit++;
		}
		free(sfx);
		free(d);
	}
	if (nhit == 1)
		return hit;
	if (nhit > 1 || !only || !built)
		return NULL;
	file_dir(&dir, td);
	for (;;) {
		nhit = 0;
		len = dir.len;
		TL_FOREACH_FILE(f, repo, TL_FILE_DOCKERFILE) {
			if (f->docker == NULL ||
			    tl_path_is_dev_artefact(f->path))
				continue;
			if (len == 0 || (strncmp(f->path, tl_buf_str(&dir),
			    len) == 0 && f->path[len] == '/')) {
				hit = f;
				nhit++;
			}
		}
		if (nhit > 0 || len == 0)
			break;
		slash = strrchr(dir.data, '/');
		dir.len = slash != NULL ? (size_t)(slash - dir.data) : 0;
		dir.data[dir.len] = '\0';
	}
	tl_buf_release(&dir);
	return nhit == 1 ? hit : NULL;
}

/*
 * Claims of the containers of one task definition (a list of container
 * definitions, ECS JSON keys or CloudFormation ones).
 */
static void
ecs_claims(struct claims *cs, const struct tl_repo *repo,
    const struct tl_file *f, const char *family, const struct tl_ynode *defs,
    int cfn)
{
	const struct tl_ynode	*cd, *pms, *pm, *first, *cp;
	struct claim		 cl;
	const char		*name, *s;
	size_t			 i, j, nports = 0;
	unsigned		 lo, hi;

	/* Containers of images built here that map ports. */
	TL_YSEQ_FOREACH(i, defs) {
		cd = defs->items[i];
		pms = tl_ymap_get(cd, cfn ? "PortMappings" : "portMappings");
		if (pms != NULL && pms->nitems > 0 &&
		    built_image(tl_ymap_get(cd, cfn ? "Image" : "image")))
			nports++;
	}
	TL_YSEQ_FOREACH(i, defs) {
		cd = defs->items[i];
		memset(&cl, 0, sizeof(cl));
		name = literal(tl_ymap_get(cd, cfn ? "Name" : "name"));
		pms = tl_ymap_get(cd, cfn ? "PortMappings" : "portMappings");
		first = NULL;
		TL_YSEQ_FOREACH(j, pms) {
			pm = pms->items[j];
			cp = tl_ymap_get(pm, cfn ? "ContainerPort" :
			    "containerPort");
			if (cp == NULL && cfn)
				cp = tl_ymap_get(pm, "ContainerPortRange");
			else if (cp == NULL)
				cp = tl_ymap_get(pm, "containerPortRange");
			if (cp == NULL)
				continue;
			if (first == NULL)
				first = cp;
			if ((s = literal(cp)) != NULL && port_word(s, &lo, &hi))
				ps_add(&cl.ports, lo, hi);
			else
				cl.ports.unknown = 1;
		}
		if (first == NULL || cl.ports.unknown || cl.ports.n == 0 ||
		    overrides_port(&cl.ports, tl_ymap_get(cd, cfn ?
		    "Environment" : "environment"), tl_ymap_get(cd, cfn ?
		    "Command" : "command"), cfn ? "Name" : "name",
		    cfn ? "Value" : "value") ||
		    overrides_port(&cl.ports, NULL, tl_ymap_get(cd, cfn ?
		    "EntryPoint" : "entryPoint"), NULL, NULL))
			continue;
		cl.df = link_container(repo, f, name, tl_ymap_get(cd, cfn ?
		    "Image" : "image"), nports == 1);
		if (cl.df == NULL ||
		    (cl.stage = tl_dockerfile_final(cl.df->docker)) == NULL)
			continue;
		cl.file = f;
		cl.line = first->line;
		cl.col = first->col;
		if (family != NULL)
			cl.what = tl_printf("task definition '%s' container "
			    "'%s'", family, name != NULL ? name : "?");
		else
			cl.what = tl_printf("task definition container '%s'",
			    name != NULL ? name : "?");
		cl.verb = cfn ? "ContainerPort" : "containerPort";
		cl.evidence = tl_printf("container %s", name != NULL ? name :
		    "?");
		claims_add(cs, &cl);
	}
}

static int	tf0704_check(struct tl_check *);

static const struct tl_rule tf0704 = {
	.id = "TF0704",
	.name = "port-disagrees-across-files",
	.factor = TL_FACTOR_PORT_BINDING,
	.severity = TL_SEV_WARNING,
	.needs = TL_NEED(TL_FILE_DOCKERFILE) |
	    TL_NEED_SERVICE,
	.summary = "port disagrees across files",
	.rationale =
	    "Port binding is a contract: the app listens on one port and "
	    "everything that routes to it (the image's EXPOSE, compose port "
	    "mappings, the ECS task definition's containerPort behind the "
	    "load balancer, the health check) must name the same one. When "
	    "they disagree, traffic or health checks go to a port nobody "
	    "binds and tasks are killed as unhealthy. Compared, for one "
	    "image: the EXPOSE of the Dockerfile's final stage (or of a "
	    "compose build target, with the stages it is built FROM, ARG and "
	    "ENV defaults substituted); its HEALTHCHECK URL on localhost, "
	    "127.0.0.1 or 0.0.0.0 (http:// without a port is 80); the "
	    "container side of a compose service's ports and expose when the "
	    "service's build: names that Dockerfile; and portMappings "
	    "containerPort of ECS task definition JSON and CloudFormation "
	    "AWS::ECS::TaskDefinition containers. A container is linked to a "
	    "Dockerfile when exactly one Dockerfile's directory is named "
	    "like the container or the image repository, or when it is the "
	    "only container of its task definition that maps ports, its "
	    "image is built here (ECR, placeholder, intrinsic) and the "
	    "nearest directory above the task definition that holds "
	    "Dockerfiles holds exactly one. A claim is reported only when "
	    "none of its ports is among the EXPOSEd ones (or the base "
	    "image's well-known port: nginx 80, tomcat 8080 …); without "
	    "EXPOSE, a HEALTHCHECK or task definition is compared with the "
	    "compose services of the same image. Not reported: ports in "
	    "variables (compose build args that may change an ARG-based "
	    "EXPOSE), a service or container that sets its own port (a "
	    "*PORT* variable equal to it) or runs its own command or "
	    "entrypoint, host networking; development Dockerfiles are not "
	    "linked to task definitions.",
	.fix =
	    "Pick the one port the app binds (from PORT) and use it "
	    "everywhere: EXPOSE it, map it in compose (\"8080:8080\" or "
	    "\"80:8080\" where the host side differs), set it as the task "
	    "definition's containerPort and the ALB target group's port, "
	    "and probe it in HEALTHCHECK; or drop stale EXPOSE lines.",
	.see_also = NULL,
	.check = tf0704_check,
};

/* "s" after "container port" when a compose service maps several. */
static const char *
plural(const struct claim *cl)
{
	return cl->ports.n > 1 && strcmp(cl->verb, "container port") == 0 ?
	    "s" : "";
}

/* Report a claim that shares no port with the image's EXPOSE. */
static int
check_claim(struct tl_check *c, const struct claim *cl,
    const struct image_ports *ip, const struct claims *cs)
{
	const struct claim	*o;
	char			 a[96], b[96];
	size_t			 i;

	/* build: args may change the ARG an EXPOSE reads. */
	if (cl->build_args && ip->expose_var)
		return 0;
	if (ip->expose.n > 0 && !ip->expose.unknown) {
		if (ps_meets(&cl->ports, &ip->expose) ||
		    ps_meets(&cl->ports, &ip->base))
			return 0;
		return tl_report(c, cl->file, cl->line, cl->col, cl->evidence,
		    "%s maps %s%s %s but %s:%u EXPOSEs %s", cl->what, cl->verb,
		    plural(cl), ps_format(&cl->ports, a, sizeof(a)),
		    cl->df->path,
		    ip->expose_line, ps_format(&ip->expose, b, sizeof(b)));
	}
	if (ip->expose_line != 0 || cl->file->kind == TL_FILE_COMPOSE)
		return 0;
	/* No EXPOSE: an ECS container against compose services. */
	o = NULL;
	for (i = 0; i < cs->n; i++) {
		if (cs->v[i].file->kind != TL_FILE_COMPOSE ||
		    cs->v[i].df != cl->df || cs->v[i].stage != cl->stage)
			continue;
		if (ps_meets(&cl->ports, &cs->v[i].ports) ||
		    ps_meets(&cl->ports, &ip->base))
			return 0;
		if (o == NULL)
			o = &cs->v[i];
	}
	if (o == NULL)
		return 0;
	return tl_report(c, cl->file, cl->line, cl->col, cl->evidence,
	    "%s maps %s%s %s but %s (%s:%u) maps %s%s %s for the same image "
	    "(%s)", cl->what, cl->verb, plural(cl),
	    ps_format(&cl->ports, a, sizeof(a)), o->what, o->file->path,
	    o->line, o->verb, plural(o), ps_format(&o->ports, b, sizeof(b)),
	    cl->df->path);
}

/* Report a HEALTHCHECK that probes a port the image does not use. */
static int
check_health(struct tl_check *c, const struct tl_file *f,
    const struct tl_df_stage *st, const struct image_ports *ip,
    const struct claims *cs)
{
	const struct claim	*o = NULL;
	char			 a[96];
	size_t			 i;

	if (ip->hc_port == 0 || ps_has(&ip->base, ip->hc_port))
		return 0;
	if (ip->expose.n > 0 && !ip->expose.unknown) {
		if (ps_has(&ip->expose, ip->hc_port))
			return 0;
		return tl_report(c, f, ip->hc_line, 1, ip->hc_text,
		    "HEALTHCHECK probes %s but %s:%u EXPOSEs %s", ip->hc_text,
		    f->path, ip->expose_line,
		    ps_format(&ip->expose, a, sizeof(a)));
	}
	if (ip->expose_line != 0)
		return 0;
	for (i = 0; i < cs->n; i++) {
		if (cs->v[i].df != f || cs->v[i].stage != st)
			continue;
		if (ps_has(&cs->v[i].ports, ip->hc_port))
			return 0;
		if (o == NULL)
			o = &cs->v[i];
	}
	if (o == NULL)
		return 0;
	return tl_report(c, f, ip->hc_line, 1, ip->hc_text,
	    "HEALTHCHECK probes %s but %s (%s:%u) maps %s%s %s", ip->hc_text,
	    o->what, o->file->path, o->line, o->verb, plural(o),
	    ps_format(&o->ports, a, sizeof(a)));
}

static int
tf0704_check(struct tl_check *c)
{
	struct claims		 cs = { NULL, 0 };
	struct image_ports	 ip;
	const struct tl_file	*f;
	const struct tl_ynode	*res, *r, *defs;
	const struct tl_df_stage *st;
	size_t			 i, j;
	int			 error = 0, seen;

	TL_FOREACH_FILE(f, c->repo, TL_FILE_COMPOSE) {
		if (f->doc != NULL && f->doc->nroots > 0)
			compose_claims(&cs, c->repo, f);
	}
	TL_FOREACH_FILE(f, c->repo, TL_FILE_TASKDEF) {
		if (f->doc == NULL || f->doc->nroots == 0)
			continue;
		defs = tl_ymap_get(f->doc->roots[0], "containerDefinitions");
		ecs_claims(&cs, c->repo, f, NULL, defs, 0);
	}
	TL_FOREACH_FILE(f, c->repo, TL_FILE_TEMPLATE) {
		if (f->doc == NULL || f->doc->nroots == 0)
			continue;
		res = tl_ymap_get(f->doc->roots[0], "Resources");
		TL_YMAP_FOREACH(i, res) {
			r = res->pairs[i].value;
			if (!tl_yscalar_is(tl_ymap_get(r, "Type"),
			    "AWS::ECS::TaskDefinition"))
				continue;
			defs = tl_ypath(r, "Properties.ContainerDefinitions");
			ecs_claims(&cs, c->repo, f,
			    literal(res->pairs[i].key), defs, 1);
		}
	}
	for (i = 0; i < cs.n; i++)
		tl_evidence(c, cs.v[i].file->path);
	for (i = 0; i < cs.n && error == 0; i++) {
		image_ports(&ip, cs.v[i].df->docker, cs.v[i].stage);
		error = check_claim(c, &cs.v[i], &ip, &cs);
	}
	/* Health checks: every final stage, and every compose target. */
	TL_FOREACH_FILE(f, c->repo, TL_FILE_DOCKERFILE) {
		if (error != 0 || f->docker == NULL)
			continue;
		if ((st = tl_dockerfile_final(f->docker)) != NULL) {
			image_ports(&ip, f->docker, st);
			error = check_health(c, f, st, &ip, &cs);
		}
		for (i = 0; i < cs.n && error == 0; i++) {
			if (cs.v[i].df != f || cs.v[i].stage == st)
				continue;
			for (seen = 0, j = 0; j < i && !seen; j++)
				seen = cs.v[j].df == f &&
				    cs.v[j].stage == cs.v[i].stage;
			if (seen)
				continue;
			image_ports(&ip, f->docker, cs.v[i].stage);
			error = check_health(c, f, cs.v[i].stage, &ip, &cs);
		}
	}
	claims_release(&cs);
	return error;
}

static const struct tl_rule *const rules[] = {
	&tf0702,
	&tf0703,
	&tf0704,
};

const struct tl_module tl_module_PORT_BINDING = {
	TL_FACTOR_PORT_BINDING, rules, TL_NELEM(rules), NULL, NULL
};
