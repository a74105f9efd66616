/*
 * f02_dependencies.c: factor II, Dependencies
 * (https://12factor.net/dependencies).  Explicitly declare and isolate
 * dependencies.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common.h"
#include "twelvelint/template.h"

/* ------------------------------------------------------------- TF0201 */

/*
 * A third-party import found in a source file: the module's name (a
 * pointer into the file's data) and its line.
 */
struct import {
	const char	*name;
	size_t		 len;
	unsigned	 line;
};

static int
is_ident(int c)
{
	return isalnum(c) || c == '_';
}

/* Is a top-level Python module local to the repository (x.py or x/)? */
static int
python_local(const struct tl_repo *repo, const char *name, size_t len)
{
	const char	*p, *e;
	size_t		 i;

	for (i = 0; i < repo->nfiles; i++) {
		for (p = repo->files[i]->path; *p != '\0'; p = *e ? e + 1 : e) {
			e = strchr(p, '/');
			if (e == NULL)
				e = p + strlen(p);
			if ((size_t)(e - p) >= len && strncmp(p, name, len) == 0 &&
			    (p + len == e || strncmp(p + len, ".py",
			    3) == 0))
				return 1;
		}
	}
	return 0;
}

/* "import a.b, c" / "from a.b import c": the first third-party module. */
static int
python_import1(const struct tl_repo *repo, const struct tl_file *f,
    struct import *out)
{
	const char	*p, *q;
	size_t		 len, n;
	unsigned	 line;

	for (line = 1; line <= f->lines.n; line++) {
		p = tl_lines_get(&f->lines, f->data, f->size, line, &len);
		q = p + len;
		while (p < q && (*p == ' ' || *p == '\t'))
			p++;
		if ((size_t)(q - p) > 5 && strncmp(p, "from ", 5) == 0)
			p += 5;
		else if ((size_t)(q - p) > 7 && strncmp(p, "import ", 7) == 0)
			p += 7;
		else
			continue;
		while (p < q && *p == ' ')
			p++;
		for (n = 0; p + n < q && is_ident((unsigned char)p[n]); n++)
			;
		/* Relative imports, __future__ and private modules. */
		if (n == 0 || *p == '_' || isdigit((unsigned char)*p))
			continue;
		if (tl_python_stdlib(p, n) || python_local(repo, p, n))
			continue;
		out->name = p;
		out->len = n;
		out->line = line;
		return 1;
	}
	return 0;
}

/* The package of a bare JS module specifier, or 0 when it is not bare. */
static size_t
js_package(const char *s, size_t n)
{
	size_t	 i, slash = 0;

	if (n == 0 || s[0] == '.' || s[0] == '/' || s[0] == '~' ||
	    s[0] == '#' || memchr(s, ':', n) != NULL || memchr(s, '$', n))
		return 0;
	if (s[0] == '@') {
		/* @scope/name; "@/x" is a bundler alias, not a package. */
		if (n < 3 || s[1] == '/')
			return 0;
		for (i = 1; i < n && s[i] != '/'; i++)
			;
		if (i == n)
			return 0;
		slash = 1;
	}
	for (i = 0; i < n; i++)
		if (s[i] == '/' && slash-- == 0)
			return i;
	return n;
}

/*
 * Modules a runtime provides and no manifest can declare: AppSync's
 * JavaScript resolver runtime.
 */
static const char *const js_platform[] = {
	"@aws-appsync/utils", NULL
};

static int
js_platform_module(const char *s, size_t n)
{
	size_t	 i;

	for (i = 0; js_platform[i] != NULL; i++)
		if (strlen(js_platform[i]) == n &&
		    strncmp(s, js_platform[i], n) == 0)
			return 1;
	return 0;
}

/*
 * A minified script: lines over 110 bytes long on average, as GitHub
 * Linguist tells them.  A browser library copied into static/js under
 * its own name (worker-css.js, not *.min.js) is a build output of
 * another project, whose require() calls its own bundle answers.
 */
static int
js_minified(const struct tl_file *f)
{
	return f->size / (f->lines.n > 0 ? f->lines.n : 1) > 110;
}

/* require('x'), import … from 'x', import 'x', import('x'). */
static int
js_import1(const struct tl_file *f, struct import *out)
{
	static const char *const keys[] = {
		"require(", "from ", "import ", "import("
	};
	const char	*p, *e, *k, *s;
	size_t		 len, i, n, pkg;
	unsigned	 line;

	if (js_minified(f))
		return 0;
	for (line = 1; line <= f->lines.n; line++) {
		p = tl_lines_get(&f->lines, f->data, f->size, line, &len);
		e = p + len;
		for (i = 0; i < TL_NELEM(keys); i++) {
			for (k = p; (k = tl_memcasemem(k, (size_t)(e - k),
			    keys[i], strlen(keys[i]))) != NULL; k++) {
				if (k > p && is_ident((unsigned char)k[-1]))
					continue;
				s = k + strlen(keys[i]);
				while (s < e && *s == ' ')
					s++;
				if (s >= e || (*s != '\'' && *s != '"'))
					continue;
				for (n = 1; s + n < e && s[n] != *s; n++)
					;
				if (s + n >= e)
					continue;
				pkg = js_package(s + 1, n - 1);
				if (pkg == 0 || tl_node_builtin(s + 1, pkg) ||
				    js_platform_module(s + 1, pkg))
					continue;
				out->name = s + 1;
				out->len = pkg;
				out->line = line;
				return 1;
			}
		}
	}
	return 0;
}

/* Go: an import path whose first element has a dot is not the stdlib. */
static int
go_import1(const struct tl_file *f, struct import *out)
{
	const char	*p, *e, *s;
	size_t		 len, n;
	unsigned	 line;
	int		 block = 0;

	for (line = 1; line <= f->lines.n; line++) {
		p = tl_lines_get(&f->lines, f->data, f->size, line, &len);
		e = p + len;
		while (p < e && (*p == ' ' || *p == '\t'))
			p++;
		if ((size_t)(e - p) >= 6 && strncmp(p, "import", 6) == 0) {
			p += 6;
			while (p < e && *p == ' ')
				p++;
			if (p < e && *p == '(') {
				block = 1;
				continue;
			}
		} else if (!block)
			continue;
		if (block && p < e && *p == ')') {
			block = 0;
			continue;
		}
		if ((s = memchr(p, '"', (size_t)(e - p))) == NULL)
			continue;
		s++;
		for (n = 0; s + n < e && s[n] != '"' && s[n] != '/'; n++)
			;
		if (memchr(s, '.', n) == NULL)
			continue;
		for (n = 0; s + n < e && s[n] != '"'; n++)
			;
		out->name = s;
		out->len = n;
		out->line = line;
		return 1;
	}
	return 0;
}

/*
 * What a language's reader needs besides the file: the repository, and
 * the names its own sources declare (Java and Kotlin packages, PHP and C#
 * namespaces, Rust modules), which are not third-party.
 */
struct deps_ctx {
	const struct tl_repo	*repo;	/* borrowed */
	struct tl_vec		 own;	/* char * owned */
};

/* Is [s, s + n) one of the names of a NULL-terminated list? */
static int
in_list(const char *const *list, const char *s, size_t n)
{
	size_t	 i;

	for (i = 0; list[i] != NULL; i++)
		if (strlen(list[i]) == n && strncmp(list[i], s, n) == 0)
			return 1;
	return 0;
}

/*
 * Is the qualified name [s, s + n) p itself or under it (p followed by
 * the separator sep)?  Case-insensitive, as PHP namespaces are.
 */
static int
name_under(const char *p, const char *s, size_t n, int sep)
{
	size_t	 m = strlen(p);

	return m > 0 && n >= m && strncasecmp(p, s, m) == 0 &&
	    (n == m || s[m] == sep);
}

/* Is the qualified name under one of a NULL-terminated list of prefixes? */
static int
under_list(const char *const *list, const char *s, size_t n, int sep)
{
	size_t	 i;

	for (i = 0; list[i] != NULL; i++)
		if (name_under(list[i], s, n, sep))
			return 1;
	return 0;
}

/* Is the qualified name under one the repository declares itself? */
static int
under_own(const struct deps_ctx *ctx, const char *s, size_t n, int sep)
{
	size_t	 i;

	for (i = 0; i < ctx->own.len; i++)
		if (name_under(ctx->own.items[i], s, n, sep))
			return 1;
	return 0;
}

/* Remember a name the repository declares (once). */
static void
own_add(struct tl_vec *own, const char *s, size_t n)
{
	size_t	 i;

	if (n == 0)
		return;
	for (i = 0; i < own->len; i++)
		if (strlen(own->items[i]) == n &&
		    strncasecmp(own->items[i], s, n) == 0)
			return;
	tl_vec_push(own, tl_strndup(s, n));
}

/* The length of the name at s: identifier characters and those of seps. */
static size_t
name_span(const char *s, const char *e, const char *seps)
{
	size_t	 n;

	for (n = 0; s + n < e && (is_ident((unsigned char)s[n]) ||
	    (s[n] != '\0' && strchr(seps, s[n]) != NULL)); n++)
		;
	return n;
}

/* The length of the first k components of a qualified name. */
static size_t
name_head(const char *s, size_t n, int sep, size_t k)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (s[i] == sep && --k == 0)
			return i;
	return n;
}

/*
 * Does a repository path hold the module name (which may have slashes):
 * a file name + ext, or a directory name, at a component boundary?
 */
static int
path_module(const struct tl_repo *repo, const char *name, size_t n,
    const char *ext)
{
	const char	*p, *s;
	size_t		 i;

	for (i = 0; i < repo->nfiles; i++) {
		p = repo->files[i]->path;
		for (s = p; s != NULL; s = strchr(s, '/'), s = s ? s + 1 : s)
			if (strncmp(s, name, n) == 0 && (s[n] == '/' ||
			    strcmp(s + n, ext) == 0))
				return 1;
	}
	return 0;
}

/* Step past the word kw and the blanks after it, if [*p, e) starts so. */
static int
word(const char **p, const char *e, const char *kw)
{
	const char	*s = *p;
	size_t		 n = strlen(kw);

	if ((size_t)(e - s) <= n || strncmp(s, kw, n) != 0 ||
	    (s[n] != ' ' && s[n] != '\t'))
		return 0;
	for (s += n; s < e && (*s == ' ' || *s == '\t'); s++)
		;
	*p = s;
	return 1;
}

/* A line of C-family code (Java, Kotlin, PHP, C#, Rust). */
struct cline {
	const char	*p, *e;		/* borrowed: blanks skipped */
	int		 indented;
	int		 comment;	/* inside a block comment */
};

/*
 * Read a line into cl: 0 when it is blank or part of a block comment (a
 * line that opens one is passed over whole).  PHP's "<?php" is skipped.
 */
static int
code_line(struct cline *cl, const struct tl_file *f, unsigned line)
{
	const char	*p, *e;
	size_t		 len;

	p = tl_lines_get(&f->lines, f->data, f->size, line, &len);
	e = p + len;
	cl->indented = p < e && (*p == ' ' || *p == '\t');
	while (p < e && (*p == ' ' || *p == '\t'))
		p++;
	if (cl->comment) {
		if (tl_memcasemem(p, (size_t)(e - p), "*/", 2) != NULL)
			cl->comment = 0;
		return 0;
	}
	if (e - p >= 2 && p[0] == '/' && p[1] == '*') {
		if (tl_memcasemem(p + 2, (size_t)(e - p - 2), "*/", 2) == NULL)
			cl->comment = 1;
		return 0;
	}
	if (e - p >= 5 && strncmp(p, "<?php", 5) == 0)
		for (p += 5; p < e && (*p == ' ' || *p == '\t'); p++)
			;
	cl->p = p;
	cl->e = e;
	return p < e;
}

static int
python_import(const struct deps_ctx *ctx, const struct tl_file *f,
    struct import *out)
{
	return python_import1(ctx->repo, f, out);
}

static int
js_import(const struct deps_ctx *ctx, const struct tl_file *f,
    struct import *out)
{
	(void)ctx;
	return js_import1(f, out);
}

static int
go_import(const struct deps_ctx *ctx, const struct tl_file *f,
    struct import *out)
{
	(void)ctx;
	return go_import1(f, out);
}

/*
 * Ruby: the standard library, its default gems and the bundled gems that
 * every Ruby installation carries (https://stdgems.org), and libraries
 * since removed from it, by the first component of a require path ("net"
 * for net/http, "io" for io/console).  bundler ships with Ruby too.
 */
static const char *const ruby_stdlib[] = {
	"English", "abbrev", "base64", "benchmark", "bigdecimal", "bundler",
	"cgi", "cmath", "continuation", "coverage", "csv", "date", "dbm",
	"debug", "delegate", "did_you_mean", "digest", "drb", "e2mmap",
	"erb", "error_highlight", "etc", "expect", "fcntl", "fiber",
	"fiddle", "fileutils", "find", "forwardable", "gdbm", "getoptlong",
	"io", "ipaddr", "irb", "json", "kconv", "logger", "matrix",
	"minitest", "mkmf", "monitor", "mutex_m", "net", "nkf", "objspace",
	"observer", "open-uri", "open3", "openssl", "optparse", "ostruct",
	"pathname", "power_assert", "pp", "prettyprint", "prime", "prism",
	"profile", "profiler", "pstore", "psych", "pty", "racc", "rake",
	"random", "rbconfig", "rbs", "rdoc", "readline", "reline",
	"repl_type_completor", "resolv", "resolv-replace", "rexml", "rinda",
	"ripper", "rss", "ruby2_keywords", "rubygems", "scanf", "sdbm",
	"securerandom", "set", "shell", "shellwords", "singleton", "socket",
	"stringio", "strscan", "sync", "syntax_suggest", "syslog", "tempfile",
	"test", "thread", "thwait", "time", "timeout", "tmpdir", "tracer",
	"tsort", "typeprof", "un", "unicode_normalize", "uri", "weakref",
	"webrick", "win32", "win32ole", "yaml", "zlib", NULL
};

/* Is a require on this line optional: rescued here or on the next line? */
static int
ruby_rescued(const struct tl_file *f, unsigned line)
{
	const char	*p;
	size_t		 len;

	p = tl_lines_get(&f->lines, f->data, f->size, line, &len);
	if (tl_memcasemem(p, len, "rescue", 6) != NULL)
		return 1;
	if (line + 1 > f->lines.n)
		return 0;
	p = tl_lines_get(&f->lines, f->data, f->size, line + 1, &len);
	while (len > 0 && (*p == ' ' || *p == '\t'))
		p++, len--;
	return len >= 6 && strncmp(p, "rescue", 6) == 0;
}

/*
 * require 'x' / require("x") of a gem: not the standard library, not a
 * path ('./x', '/x'), not a file or directory of the repository (x.rb,
 * lib/x.rb, x/), not rescued (an optional dependency).
 */
static int
ruby_import(const struct deps_ctx *ctx, const struct tl_file *f,
    struct import *out)
{
	const char	*p, *e, *s;
	size_t		 len, n;
	unsigned	 line;
	int		 block = 0;

	for (line = 1; line <= f->lines.n; line++) {
		p = tl_lines_get(&f->lines, f->data, f->size, line, &len);
		e = p + len;
		if (len >= 6 && strncmp(p, "=begin", 6) == 0)
			block = 1;
		else if (len >= 4 && strncmp(p, "=end", 4) == 0)
			block = 0;
		if (block)
			continue;
		while (p < e && (*p == ' ' || *p == '\t'))
			p++;
		if (e - p < 10 || strncmp(p, "require", 7) != 0 ||
		    (p[7] != ' ' && p[7] != '('))
			continue;
		for (p += 7; p < e && (*p == ' ' || *p == '('); p++)
			;
		if (p >= e || (*p != '\'' && *p != '"'))
			continue;
		s = p + 1;
		for (n = 0; s + n < e && s[n] != *p; n++)
			;
		if (s + n >= e || n == 0 || s[0] == '.' || s[0] == '/' ||
		    memchr(s, '#', n) != NULL)
			continue;
		if (in_list(ruby_stdlib, s, name_head(s, n, '/', 1)) ||
		    path_module(ctx->repo, s, n, ".rb") ||
		    ruby_rescued(f, line))
			continue;
		out->name = s;
		out->len = n;
		out->line = line;
		return 1;
	}
	return 0;
}

/*
 * PHP: namespaces PHP itself declares (8.2's Random, 8.4's Dom and Pdo);
 * its other built-in classes are global, and "use Foo;" of a global
 * class is not read.
 */
static const char *const php_platform[] = {
	"Random", "Dom", "Pdo", NULL
};

/* namespace App\Http; the first component is the repository's own. */
static void
php_own(struct tl_vec *own, const struct tl_file *f)
{
	struct cline	 cl = { NULL, NULL, 0, 0 };
	unsigned	 line;

	for (line = 1; line <= f->lines.n; line++)
		if (code_line(&cl, f, line) && !cl.indented &&
		    word(&cl.p, cl.e, "namespace")) {
			own_add(own, cl.p, name_span(cl.p, cl.e, ""));
			return;
		}
}

/*
 * use Vendor\Package\Class; (at the start of a line: an indented "use"
 * is a trait in a class body) of a namespace neither PHP's nor the
 * repository's, or a require of vendor/autoload.php.
 */
static int
php_import(const struct deps_ctx *ctx, const struct tl_file *f,
    struct import *out)
{
	struct cline	 cl = { NULL, NULL, 0, 0 };
	const char	*p, *k;
	size_t		 n;
	unsigned	 line;

	for (line = 1; line <= f->lines.n; line++) {
		if (!code_line(&cl, f, line))
			continue;
		p = cl.p;
		if (*p != '/' && *p != '#' && *p != '*' &&
		    (k = tl_memcasemem(p, (size_t)(cl.e - p),
		    "vendor/autoload.php", 19)) != NULL &&
		    (tl_memcasemem(p, (size_t)(k - p), "require", 7) != NULL ||
		    tl_memcasemem(p, (size_t)(k - p), "include", 7) != NULL)) {
			out->name = k;
			out->len = 19;
			out->line = line;
			return 1;
		}
		if (cl.indented || !word(&p, cl.e, "use"))
			continue;
		if (!word(&p, cl.e, "function"))
			(void)word(&p, cl.e, "const");
		if (p < cl.e && *p == '\\')
			p++;
		n = name_span(p, cl.e, "\\");
		while (n > 0 && p[n - 1] == '\\')
			n--;
		if (memchr(p, '\\', n) == NULL ||
		    under_list(php_platform, p, n, '\\') ||
		    under_own(ctx, p, name_head(p, n, '\\', 1), '\\'))
			continue;
		out->name = p;
		out->len = n;
		out->line = line;
		return 1;
	}
	return 0;
}

/*
 * Java and Kotlin: the packages of the JDK (java, javax, jdk, sun,
 * com.sun and the JDK's org.w3c, org.xml.sax, org.ietf.jgss, org.omg),
 * Kotlin's standard library (kotlin; kotlinx is a library) and the
 * Android platform's (android, dalvik; androidx is a library).  All of
 * javax is taken for the JDK's, javax.servlet and javax.persistence
 * included; jakarta is Jakarta EE, a library.
 */
static const char *const jvm_platform[] = {
	"java", "javax", "jdk", "sun", "com.sun", "org.w3c", "org.xml.sax",
	"org.ietf.jgss", "org.omg", "netscape.javascript", "kotlin",
	"android", "dalvik", NULL
};

/* package com.acme.app: the first two components are the repository's. */
static void
jvm_own(struct tl_vec *own, const struct tl_file *f)
{
	struct cline	 cl = { NULL, NULL, 0, 0 };
	unsigned	 line;
	size_t		 n;

	for (line = 1; line <= f->lines.n; line++)
		if (code_line(&cl, f, line) && word(&cl.p, cl.e, "package")) {
			n = name_span(cl.p, cl.e, ".");
			own_add(own, cl.p, name_head(cl.p, n, '.', 2));
			return;
		}
}

/* import a.b.C; / import static a.b.C.d; / Kotlin import a.b.C as D */
static int
jvm_import(const struct deps_ctx *ctx, const struct tl_file *f,
    struct import *out)
{
	struct cline	 cl = { NULL, NULL, 0, 0 };
	const char	*p;
	size_t		 n;
	unsigned	 line;

	for (line = 1; line <= f->lines.n; line++) {
		if (!code_line(&cl, f, line))
			continue;
		p = cl.p;
		if (!word(&p, cl.e, "import"))
			continue;
		(void)word(&p, cl.e, "static");
		n = name_span(p, cl.e, ".");
		while (n > 0 && p[n - 1] == '.')
			n--;
		if (memchr(p, '.', n) == NULL ||
		    under_list(jvm_platform, p, n, '.') ||
		    under_own(ctx, p, n, '.'))
			continue;
		out->name = p;
		out->len = n;
		out->line = line;
		return 1;
	}
	return 0;
}

/*
 * C#: the namespaces of the .NET base class library and the shared
 * frameworks (System, Microsoft: ASP.NET Core and Microsoft.Extensions
 * ship with the SDK, so Microsoft.* is never reported, NuGet packages
 * such as Microsoft.EntityFrameworkCore included), Windows (WinRT), and
 * the Unity engine's (UnityEngine, UnityEditor).
 */
static const char *const cs_platform[] = {
	"System", "Microsoft", "Windows", "UnityEngine", "UnityEditor",
	NULL
};

/* namespace Acme.Orders: the first component is the repository's. */
static void
cs_own(struct tl_vec *own, const struct tl_file *f)
{
	struct cline	 cl = { NULL, NULL, 0, 0 };
	unsigned	 line;
	size_t		 n;

	for (line = 1; line <= f->lines.n; line++)
		if (code_line(&cl, f, line) &&
		    word(&cl.p, cl.e, "namespace")) {
			n = name_span(cl.p, cl.e, ".");
			own_add(own, cl.p, name_head(cl.p, n, '.', 1));
		}
}

/* using A.B; / global using static A.B; / using X = A.B; */
static int
cs_import(const struct deps_ctx *ctx, const struct tl_file *f,
    struct import *out)
{
	struct cline	 cl = { NULL, NULL, 0, 0 };
	const char	*p;
	size_t		 n;
	unsigned	 line;

	for (line = 1; line <= f->lines.n; line++) {
		if (!code_line(&cl, f, line))
			continue;
		p = cl.p;
		(void)word(&p, cl.e, "global");
		if (!word(&p, cl.e, "using"))
			continue;
		(void)word(&p, cl.e, "static");
		n = name_span(p, cl.e, ".");
		while (p + n < cl.e && (p[n] == ' ' || p[n] == '\t'))
			n++;
		if (p + n < cl.e && p[n] == '=') {
			for (p += n + 1; p < cl.e && (*p == ' ' ||
			    *p == '\t'); p++)
				;
			if (cl.e - p > 8 && strncmp(p, "global::", 8) == 0)
				p += 8;
		}
		n = name_span(p, cl.e, ".");
		if (n == 0 || p + n >= cl.e || p[n] != ';' ||
		    under_list(cs_platform, p, n, '.') ||
		    under_own(ctx, p, name_head(p, n, '.', 1), '.'))
			continue;
		out->name = p;
		out->len = n;
		out->line = line;
		return 1;
	}
	return 0;
}

/* Rust: the crates every toolchain has, and the paths that are local. */
static const char *const rust_builtin[] = {
	"std", "core", "alloc", "proc_macro", "test", "crate", "self",
	"super", NULL
};

/* Step past "pub", "pub(crate)" and the like. */
static void
rust_skip_pub(struct cline *cl)
{
	const char	*q;

	if (cl->e - cl->p > 4 && strncmp(cl->p, "pub(", 4) == 0 &&
	    (q = memchr(cl->p, ')', (size_t)(cl->e - cl->p))) != NULL) {
		for (q++; q < cl->e && (*q == ' ' || *q == '\t'); q++)
			;
		cl->p = q;
	} else
		(void)word(&cl->p, cl->e, "pub");
}

/* mod foo; / pub mod foo { : the crate's own modules. */
static void
rust_own(struct tl_vec *own, const struct tl_file *f)
{
	struct cline	 cl = { NULL, NULL, 0, 0 };
	unsigned	 line;

	for (line = 1; line <= f->lines.n; line++) {
		if (!code_line(&cl, f, line))
			continue;
		rust_skip_pub(&cl);
		if (word(&cl.p, cl.e, "mod"))
			own_add(own, cl.p, name_span(cl.p, cl.e, ""));
	}
}

/*
 * use foo::bar; / extern crate foo; at the top level of a file, foo not
 * a built-in crate, not a module of the crate (mod foo, foo.rs, foo/),
 * and in lower case (use Color::* names a local enum).
 */
static int
rust_import(const struct deps_ctx *ctx, const struct tl_file *f,
    struct import *out)
{
	struct cline	 cl = { NULL, NULL, 0, 0 };
	const char	*p;
	size_t		 n;
	unsigned	 line;

	for (line = 1; line <= f->lines.n; line++) {
		if (!code_line(&cl, f, line) || cl.indented)
			continue;
		rust_skip_pub(&cl);
		p = cl.p;
		if (!word(&p, cl.e, "use") && !(word(&p, cl.e, "extern") &&
		    word(&p, cl.e, "crate")))
			continue;
		if (cl.e - p > 2 && p[0] == ':' && p[1] == ':')
			p += 2;
		n = name_span(p, cl.e, "");
		if (n == 0 || !islower((unsigned char)*p) ||
		    in_list(rust_builtin, p, n) ||
		    under_own(ctx, p, n, ':') ||
		    path_module(ctx->repo, p, n, ".rs"))
			continue;
		out->name = p;
		out->len = n;
		out->line = line;
		return 1;
	}
	return 0;
}

struct lang_deps {
	enum tl_lang	 lang;
	enum tl_lang	 kin;		/* shares its own names, or NONE */
	const char	*declare;	/* for the message */
	enum tl_manifest_type manifests[4];
	/*
	 * Other files that declare or build the dependencies, by name:
	 * "*.x" a suffix, "a/b" a path below the declaring directory.
	 */
	const char	*names[12];
	/* A file that declares its own dependencies holds one of these. */
	const char	*inline_decl[3];
	int		(*read)(const struct deps_ctx *, const struct tl_file *,
			    struct import *);
	void		(*own)(struct tl_vec *, const struct tl_file *);
};

/* Bazel, Ant and sbt builds count as declaring, to be safe. */
#define JVM_BUILDS							\
	{ "settings.gradle", "settings.gradle.kts", "build.xml",	\
	  "ivy.xml", "build.sbt", "BUILD", "BUILD.bazel", "WORKSPACE",	\
	  "WORKSPACE.bazel", "MODULE.bazel" }

static const struct lang_deps lang_deps[] = {
	{ TL_LANG_PYTHON, TL_LANG_NONE,
	  "requirements.txt, pyproject.toml, Pipfile or setup.py",
	  { TL_MF_REQUIREMENTS, TL_MF_PYPROJECT, TL_MF_PIPFILE,
	    TL_MF_SETUP_PY }, { NULL }, { NULL }, python_import, NULL },
	{ TL_LANG_JAVASCRIPT, TL_LANG_NONE, "package.json",
	  { TL_MF_PACKAGE_JSON }, { NULL }, { NULL }, js_import, NULL },
	{ TL_LANG_TYPESCRIPT, TL_LANG_NONE, "package.json",
	  { TL_MF_PACKAGE_JSON }, { NULL }, { NULL }, js_import, NULL },
	{ TL_LANG_GO, TL_LANG_NONE, "go.mod", { TL_MF_GO_MOD }, { NULL },
	  { NULL }, go_import, NULL },
	{ TL_LANG_RUBY, TL_LANG_NONE, "Gemfile, gems.rb or gemspec",
	  { TL_MF_GEMFILE, TL_MF_GEMSPEC }, { "gems.rb" },
	  { "bundler/inline" }, ruby_import, NULL },
	{ TL_LANG_JAVA, TL_LANG_KOTLIN, "pom.xml, build.gradle or other build",
	  { TL_MF_POM, TL_MF_GRADLE }, JVM_BUILDS, { "//DEPS " },
	  jvm_import, jvm_own },
	{ TL_LANG_KOTLIN, TL_LANG_JAVA,
	  "pom.xml, build.gradle or other build",
	  { TL_MF_POM, TL_MF_GRADLE }, JVM_BUILDS,
	  { "@file:DependsOn", "//DEPS " }, jvm_import, jvm_own },
	{ TL_LANG_PHP, TL_LANG_NONE, "composer.json", { TL_MF_COMPOSER },
	  { NULL }, { NULL }, php_import, php_own },
	{ TL_LANG_CSHARP, TL_LANG_NONE, "project file (.csproj)",
	  { TL_MF_CSPROJ }, { "*.fsproj", "*.vbproj",
	    "Directory.Packages.props", "Directory.Build.props",
	    "packages.config", "ProjectSettings/ProjectVersion.txt",
	    "Packages/manifest.json", "BUILD", "BUILD.bazel" },
	  { "#:package " }, cs_import, cs_own },
	{ TL_LANG_RUST, TL_LANG_NONE, "Cargo.toml", { TL_MF_CARGO },
	  { "BUILD", "BUILD.bazel", "rust-project.json" },
	  { "---cargo", "```cargo" }, rust_import, rust_own },
};

#undef JVM_BUILDS

/*
 * The directory a file declares dependencies for, when it is a manifest
 * of the language or one of its build files by name (owned), else NULL.
 */
static char *
declares(const struct tl_file *m, const struct lang_deps *ld)
{
	const char	*pat;
	size_t		 k, n, pl;

	if (m->kind == TL_FILE_MANIFEST)
		for (k = 0; k < TL_NELEM(ld->manifests); k++)
			if (ld->manifests[k] != TL_MF_NONE &&
			    m->subtype == (int)ld->manifests[k])
				return tl_path_dir(m->path);
	for (k = 0; k < TL_NELEM(ld->names) && ld->names[k] != NULL; k++) {
		pat = ld->names[k];
		if (pat[0] == '*') {
			if (tl_str_has_suffix(m->name, pat + 1))
				return tl_path_dir(m->path);
		} else if (strchr(pat, '/') == NULL) {
			if (strcmp(m->name, pat) == 0)
				return tl_path_dir(m->path);
		} else {
			n = strlen(m->path);
			pl = strlen(pat);
			if (n == pl && strcmp(m->path, pat) == 0)
				return tl_strdup("");
			if (n > pl && m->path[n - pl - 1] == '/' &&
			    strcmp(m->path + n - pl, pat) == 0)
				return tl_strndup(m->path, n - pl - 1);
		}
	}
	return NULL;
}

/* Is there a file that declares the language's dependencies in dir or above? */
static int
declared_above(const struct tl_repo *repo, const char *path,
    const struct lang_deps *ld)
{
	char		*dir, *mdir;
	size_t		 i, n;
	int		 found = 0;

	dir = tl_path_dir(path);
	for (i = 0; i < repo->nfiles && !found; i++) {
		if ((mdir = declares(repo->files[i], ld)) == NULL)
			continue;
		n = strlen(mdir);
		if (n == 0 || (strncmp(dir, mdir, n) == 0 &&
		    (dir[n] == '\0' || dir[n] == '/')))
			found = 1;
		free(mdir);
	}
	free(dir);
	return found;
}

/* Does the file declare its own dependencies (bundler/inline, //DEPS …)? */
static int
declared_inline(const struct tl_file *f, const struct lang_deps *ld)
{
	size_t	 k;

	for (k = 0; k < TL_NELEM(ld->inline_decl) &&
	    ld->inline_decl[k] != NULL; k++)
		if (tl_memcasemem(f->data, f->size, ld->inline_decl[k],
		    strlen(ld->inline_decl[k])) != NULL)
			return 1;
	return 0;
}

/* The names the sources of the language (and its kin) declare. */
static void
collect_own(struct deps_ctx *ctx, const struct lang_deps *ld)
{
	const struct tl_file	*f;
	size_t			 i;

	for (i = 0; i < ctx->repo->nfiles; i++) {
		f = ctx->repo->files[i];
		if (f->kind == TL_FILE_SOURCE && f->loaded && !f->broken &&
		    (f->lang == ld->lang || (ld->kin != TL_LANG_NONE &&
		    f->lang == ld->kin)))
			ld->own(&ctx->own, f);
	}
}

static int	tf0201_check(struct tl_check *);

static const struct tl_rule tf0201 = {
	.id = "TF0201",
	.name = "undeclared-dependencies",
	.factor = TL_FACTOR_DEPENDENCIES,
	.severity = TL_SEV_ERROR,
	.needs = TL_NEED(TL_FILE_SOURCE),
	.summary = "source imports packages no manifest declares",
	.rationale =
	    "A twelve-factor app never relies on the implicit existence of "
	    "system-wide packages: it declares all of its dependencies in a "
	    "manifest. This rule looks for source files (not tests, "
	    "documentation, vendored trees or minified scripts, whose "
	    "lines average over 110 bytes as GitHub Linguist counts them) "
	    "that import a third-party module while no manifest for that "
	    "language sits in the file's directory or any directory above "
	    "it. Python: import or from of a module not in the standard "
	    "library and not a module of the repository; manifests "
	    "requirements*.txt, pyproject.toml, Pipfile, setup.py, setup.cfg. "
	    "JavaScript/TypeScript: require, import or import() of a bare "
	    "package that is not a Node built-in nor provided by the AppSync "
	    "resolver runtime; package.json. Go: an import path with a host "
	    "name; go.mod. Ruby: require of a gem, not require_relative, "
	    "not a path, not the standard library nor a default or bundled "
	    "gem (json, set, net/http, yaml, openssl, minitest, rake …), not "
	    "a file or directory of the repository, not a require rescued "
	    "as optional; Gemfile, gems.rb or a .gemspec, or bundler/inline "
	    "in the script. PHP: use Vendor\\Package\\Class at the start of "
	    "a line (indented use is a trait) whose first namespace "
	    "component no namespace line of the repository declares and that "
	    "is not PHP's own (Random, Dom, Pdo), or a require of "
	    "vendor/autoload.php; composer.json. Java and Kotlin: import of "
	    "a package outside the JDK (java, javax, jdk, sun, com.sun, "
	    "org.w3c, org.xml.sax, org.ietf.jgss, org.omg), Kotlin's "
	    "standard library (kotlin) and the Android platform (android, "
	    "dalvik), whose first two components no package line of the "
	    "repository's Java or Kotlin declares (jakarta, kotlinx and "
	    "androidx are libraries); pom.xml, build.gradle(.kts), "
	    "settings.gradle(.kts), and, so as not to report what another "
	    "build declares, Ant (build.xml, ivy.xml), sbt and Bazel (BUILD, "
	    "WORKSPACE, MODULE.bazel) files, or JBang //DEPS and Kotlin "
	    "@file:DependsOn in the script. C#: using of a namespace outside "
	    "System, Microsoft, Windows, UnityEngine and UnityEditor whose "
	    "first component no namespace line of the repository declares; "
	    ".csproj, .fsproj, .vbproj, Directory.Packages.props, "
	    "Directory.Build.props, packages.config, a Unity project "
	    "(ProjectSettings/ProjectVersion.txt, Packages/manifest.json), "
	    "Bazel, or #:package in the file. Rust: use or extern crate, at "
	    "the top level of a file, of a lower-case crate that is not std, "
	    "core, alloc, proc_macro or test and not a module of the crate "
	    "(mod x, x.rs, x/); Cargo.toml, Bazel, rust-project.json, or a "
	    "cargo script's embedded manifest. Blind spots, left unreported "
	    "for precision: Microsoft.* NuGet packages, javax.* libraries, "
	    "third-party code sharing the first namespace component (PHP, C#) "
	    "or the first two package components (Java, Kotlin) with the "
	    "repository's own, global PHP classes, dynamic requires and "
	    "imports. Languages that are only scripts on the standard "
	    "library need no manifest and are not reported.",
	.fix =
	    "Declare the dependencies next to the code: requirements.txt or "
	    "pyproject.toml for Python, package.json for JavaScript and "
	    "TypeScript, go.mod for Go, a Gemfile for Ruby, composer.json "
	    "for PHP, pom.xml or build.gradle for Java and Kotlin, a "
	    ".csproj for C#, Cargo.toml for Rust, with versions pinned and a "
	    "lock file committed. Build the image or Lambda package from "
	    "that manifest in CodeBuild so that nothing comes from the build "
	    "machine.",
	.see_also = NULL,
	.check = tf0201_check,
};

static int
tf0201_check(struct tl_check *c)
{
	const struct tl_file	*f, *first;
	const struct lang_deps	*ld;
	struct deps_ctx		 ctx;
	struct import		 imp, first_imp;
	size_t			 i, count;
	int			 collected, error = 0;

	ctx.repo = c->repo;
	for (i = 0; i < TL_NELEM(lang_deps) && error == 0; i++) {
		ld = &lang_deps[i];
		tl_vec_init(&ctx.own);
		collected = 0;
		first = NULL;
		count = 0;
		memset(&first_imp, 0, sizeof(first_imp));
		TL_FOREACH_FILE(f, c->repo, TL_FILE_SOURCE) {
			if (f->lang != ld->lang || tl_path_is_docs(f->path))
				continue;
			if (declared_above(c->repo, f->path, ld) ||
			    declared_inline(f, ld))
				continue;
			if (!collected && ld->own != NULL) {
				collect_own(&ctx, ld);
				collected = 1;
			}
			if (!ld->read(&ctx, f, &imp))
				continue;
			if (count++ == 0) {
				first = f;
				first_imp = imp;
			}
		}
		tl_vec_release(&ctx.own, free);
		if (first == NULL)
			continue;
		error = tl_report(c, first, first_imp.line, 0,
		    tl_lang_name(ld->lang),
		    "'%.*s' is imported but no %s declares the %s "
		    "dependencies%s", (int)first_imp.len, first_imp.name,
		    ld->declare, tl_lang_name(ld->lang),
		    count > 1 ? " (and in other files too)" : "");
	}
	return error;
}

/* ------------------------------------------------------------- TF0202 */

/* Does the directory hold something that deploys (an app root)? */
static int
is_app_dir(const struct tl_repo *repo, const char *dir)
{
	static const enum tl_file_kind deploys[] = {
		TL_FILE_DOCKERFILE, TL_FILE_PROCFILE, TL_FILE_COMPOSE,
		TL_FILE_TEMPLATE, TL_FILE_APPSPEC, TL_FILE_BUILDSPEC
	};
	const struct tl_file	*f;
	size_t			 i, k, n = strlen(dir);

	for (i = 0; i < repo->nfiles; i++) {
		f = repo->files[i];
		for (k = 0; k < TL_NELEM(deploys); k++)
			if (f->kind == deploys[k])
				break;
		if (k == TL_NELEM(deploys))
			continue;
		if (n == 0 ? strchr(f->path, '/') == NULL :
		    strncmp(f->path, dir, n) == 0 && f->path[n] == '/' &&
		    strchr(f->path + n + 1, '/') == NULL)
			return 1;
	}
	return 0;
}

/* A lock of one of these types in dir (or, with up, any parent dir)? */
static int
locked(const struct tl_repo *repo, const char *dir, int up,
    const enum tl_manifest_type *types, size_t ntypes)
{
	const struct tl_file	*f;
	char			*ldir;
	size_t			 i, k, n;
	int			 found = 0;

	for (i = 0; i < repo->nfiles && !found; i++) {
		f = repo->files[i];
		if (f->kind != TL_FILE_LOCKFILE)
			continue;
		for (k = 0; k < ntypes; k++)
			if (f->subtype == (int)types[k])
				break;
		if (k == ntypes)
			continue;
		ldir = tl_path_dir(f->path);
		n = strlen(ldir);
		if (strcmp(ldir, dir) == 0 || (up && (n == 0 ||
		    (strncmp(dir, ldir, n) == 0 && dir[n] == '/'))))
			found = 1;
		free(ldir);
	}
	return found;
}

struct lock_rule {
	enum tl_manifest_type	 manifest;
	const char		*tool;		/* pyproject: this build tool only */
	int			 app_only;	/* only where the directory deploys */
	int			 up;		/* a workspace lock above counts */
	const char		*locks;		/* for the message */
	const char		*how;		/* the command that writes it */
	enum tl_manifest_type	 types[5];
};

static const struct lock_rule lock_rules[] = {
	{ TL_MF_PACKAGE_JSON, NULL, 1, 1,
	  "package-lock.json, yarn.lock, pnpm-lock.yaml or bun.lock",
	  "npm install",
	  { TL_MF_PACKAGE_LOCK, TL_MF_YARN_LOCK, TL_MF_PNPM_LOCK,
	    TL_MF_BUN_LOCK } },
	{ TL_MF_PIPFILE, NULL, 0, 0, "Pipfile.lock", "pipenv lock",
	  { TL_MF_PIPFILE_LOCK } },
	{ TL_MF_PYPROJECT, "poetry", 1, 0, "poetry.lock", "poetry lock",
	  { TL_MF_POETRY_LOCK } },
	{ TL_MF_PYPROJECT, "uv", 1, 1, "uv.lock", "uv lock",
	  { TL_MF_UV_LOCK } },
	{ TL_MF_PYPROJECT, "pdm", 1, 0, "pdm.lock", "pdm lock",
	  { TL_MF_PDM_LOCK } },
	{ TL_MF_GEMFILE, NULL, 0, 0, "Gemfile.lock", "bundle lock",
	  { TL_MF_GEMFILE_LOCK } },
	{ TL_MF_COMPOSER, NULL, 1, 0, "composer.lock", "composer update",
	  { TL_MF_COMPOSER_LOCK } },
	{ TL_MF_CARGO, NULL, 1, 1, "Cargo.lock", "cargo generate-lockfile",
	  { TL_MF_CARGO_LOCK } },
	{ TL_MF_GO_MOD, NULL, 0, 0, "go.sum", "go mod tidy",
	  { TL_MF_GO_SUM } },
};

/* package.json of an application: private, or with a start script. */
static int
package_is_app(const struct tl_file *f)
{
	return (f->manifest != NULL && f->manifest->start != NULL) ||
	    strstr(f->data, "\"private\": true") != NULL ||
	    strstr(f->data, "\"private\":true") != NULL;
}

/* A gem (a *.gemspec beside the Gemfile) does not commit its lock. */
static int
has_gemspec(const struct tl_repo *repo, const char *dir)
{
	const struct tl_file	*f;
	char			*d;
	size_t			 i;
	int			 found = 0;

	for (i = 0; i < repo->nfiles && !found; i++) {
		f = repo->files[i];
		if (f->kind != TL_FILE_MANIFEST || f->subtype != TL_MF_GEMSPEC)
			continue;
		d = tl_path_dir(f->path);
		found = strcmp(d, dir) == 0;
		free(d);
	}
	return found;
}

static int	tf0202_check(struct tl_check *);

static const struct tl_rule tf0202 = {
	.id = "TF0202",
	.name = "missing-lock-file",
	.factor = TL_FACTOR_DEPENDENCIES,
	.severity = TL_SEV_WARNING,
	.needs = TL_NEED(TL_FILE_MANIFEST),
	.summary = "manifest without its lock file",
	.rationale =
	    "Declaring dependencies is half of factor II; the other half is "
	    "isolation: every build must resolve exactly the same versions, "
	    "or two deploys of one commit run different code. A lock file "
	    "records the resolved tree. Checked for applications only: "
	    "package.json that is private or has a start script, or any "
	    "manifest beside a Dockerfile, Procfile, compose file, template, "
	    "buildspec or appspec; Pipfile, Gemfile (unless it belongs to a "
	    "gem) and go.mod with requirements always. A workspace lock in "
	    "a parent directory counts for npm, yarn, pnpm, uv and Cargo.",
	.fix =
	    "Generate the lock file (npm install, pipenv lock, poetry lock, "
	    "uv lock, bundle lock, composer update, cargo generate-lockfile, "
	    "go mod tidy), commit it, and install from it in the build "
	    "(npm ci, pip install --require-hashes, bundle install --frozen) "
	    "so CodeBuild produces the same tree every time.",
	.see_also = NULL,
	.check = tf0202_check,
};

static int
tf0202_check(struct tl_check *c)
{
	const struct lock_rule	*lr;
	const struct tl_file	*f;
	char			*dir;
	size_t			 i;
	int			 error = 0, app;

	TL_FOREACH_FILE(f, c->repo, TL_FILE_MANIFEST) {
		if (f->manifest == NULL || f->manifest->ndeps == 0)
			continue;
		for (i = 0; i < TL_NELEM(lock_rules); i++) {
			lr = &lock_rules[i];
			if (f->subtype != (int)lr->manifest)
				continue;
			if (lr->tool != NULL && (f->manifest->tool == NULL ||
			    strcmp(f->manifest->tool, lr->tool) != 0))
				continue;
			dir = tl_path_dir(f->path);
			app = is_app_dir(c->repo, dir) ||
			    (lr->manifest == TL_MF_PACKAGE_JSON &&
			    package_is_app(f)) ||
			    (lr->manifest == TL_MF_CARGO &&
			    f->manifest->is_binary);
			if ((lr->app_only && !app) ||
			    (lr->manifest == TL_MF_GEMFILE &&
			    has_gemspec(c->repo, dir)) ||
			    locked(c->repo, dir, lr->up, lr->types,
			    TL_NELEM(lr->types))) {
				free(dir);
				continue;
			}
			free(dir);
			error = tl_report(c, f, 1, 1, lr->locks,
			    "%s declares %zu dependenc%s but no %s is "
			    "committed beside it: run '%s' and commit the "
			    "result", f->name, f->manifest->ndeps,
			    f->manifest->ndeps == 1 ? "y" : "ies", lr->locks,
			    lr->how);
			if (error != 0)
				return error;
			break;
		}
	}
	return 0;
}

/* ------------------------------------------------------------- TF0203 */

/* A lock of a type matching the manifest in its directory or above? */
static int
lock_pins(const struct tl_repo *repo, const struct tl_file *m)
{
	const struct tl_file	*f;
	char			*dir, *ldir;
	size_t			 i, n;
	int			 found = 0;

	dir = tl_path_dir(m->path);
	for (i = 0; i < repo->nfiles && !found; i++) {
		f = repo->files[i];
		if (f->kind != TL_FILE_LOCKFILE || f->test || f->vendored ||
		    !tl_manifest_lock_matches((enum tl_manifest_type)m->subtype,
		    (enum tl_manifest_type)f->subtype))
			continue;
		ldir = tl_path_dir(f->path);
		n = strlen(ldir);
		if (n == 0 || (strncmp(dir, ldir, n) == 0 &&
		    (dir[n] == '\0' || dir[n] == '/')))
			found = 1;
		free(ldir);
	}
	free(dir);
	return found;
}

/* A git dependency (URL or description)? */
static int
spec_is_git(const char *s)
{
	return strncmp(s, "git", 3) == 0 || strstr(s, "://") != NULL ||
	    strncmp(s, "github:", 7) == 0 || strstr(s, ".git") != NULL ||
	    (strchr(s, '/') != NULL && strchr(s, '@') == NULL &&
	    isalpha((unsigned char)*s));
}

/*
 * A version written to float whatever a lock holds: "*", "latest", "x",
 * "", a git repository on a branch, Maven/Gradle LATEST, RELEASE, "+".
 * Pipfile "*" is what pipenv install writes: the Pipfile.lock pins it.
 */
static int
spec_floats(const struct tl_file *f, const struct tl_dep *d)
{
	static const char *const words[] = {
		"*", "latest", "x", "X", "", "LATEST", "RELEASE",
		"latest.release", "latest.integration", "+", NULL
	};
	size_t	 i;

	if (d->pin != TL_PIN_FLOATING || d->spec == NULL)
		return 0;
	if (f->subtype == TL_MF_PIPFILE && strcmp(d->spec, "*") == 0)
		return 0;
	for (i = 0; words[i] != NULL; i++)
		if (strcmp(d->spec, words[i]) == 0)
			return 1;
	return spec_is_git(d->spec);
}

/* Manifest types whose ecosystem keeps a lock file. */
static int
has_lock_kind(int type)
{
	switch (type) {
	case TL_MF_PACKAGE_JSON:
	case TL_MF_PIPFILE:
	case TL_MF_PYPROJECT:
	case TL_MF_GEMFILE:
	case TL_MF_COMPOSER:
	case TL_MF_CARGO:
		return 1;
	default:
		return 0;
	}
}

/* Is the manifest an application's (where ranges are not a library's)? */
static int
manifest_is_app(const struct tl_repo *repo, const struct tl_file *f)
{
	char	*dir;
	int	 app;

	dir = tl_path_dir(f->path);
	app = is_app_dir(repo, dir) ||
	    (f->subtype == TL_MF_PACKAGE_JSON && package_is_app(f)) ||
	    (f->subtype == TL_MF_CARGO && f->manifest->is_binary) ||
	    (f->subtype == TL_MF_GEMFILE && !has_gemspec(repo, dir)) ||
	    f->subtype == TL_MF_PIPFILE;
	free(dir);
	return app;
}

static int	tf0203_check(struct tl_check *);

static const struct tl_rule tf0203 = {
	.id = "TF0203",
	.name = "unpinned-dependencies",
	.factor = TL_FACTOR_DEPENDENCIES,
	.severity = TL_SEV_WARNING,
	.needs = TL_NEED(TL_FILE_MANIFEST),
	.summary = "dependency versions not pinned",
	.rationale =
	    "Factor II asks for an exact dependency declaration: a "
	    "version that floats lets two builds of one commit run different "
	    "code, and a release can no longer be rebuilt. Runtime "
	    "dependencies are checked (not dev, optional or peer ones, not "
	    "requirements files named for development, tests or docs, not "
	    "local paths or workspaces). Where a lock file of the "
	    "ecosystem sits beside the manifest or in a directory above it, "
	    "the lock pins ranges and bare names (Gemfile, Pipfile \"*\", "
	    "pyproject lower bounds written by uv and poetry are the normal "
	    "way), so only versions written to float are reported: \"*\", "
	    "\"latest\", \"x\", an empty version, a git repository on a "
	    "branch or without a ref, Maven/Gradle LATEST, RELEASE or \"+\". "
	    "Without a lock, requirements*.txt lines without == (or a "
	    "hash) are reported, and ranges or missing versions in the "
	    "manifests of applications (package.json that is private or "
	    "has a start script, a manifest beside a Dockerfile, Procfile, "
	    "compose file or template, Pipfile, Gemfile of no gem, Cargo "
	    "binary); libraries (setup.py, gemspecs, published packages) "
	    "declare ranges by design and are not reported, nor is a "
	    "requirements file that applies a -c constraints file.",
	.fix =
	    "Pin exact versions: pip-compile or uv pip compile (with "
	    "--generate-hashes) to write requirements.txt with ==, commit "
	    "the lock file of npm, yarn, pnpm, poetry, uv, pipenv, bundler, "
	    "composer or Cargo and install from it (npm ci, bundle install "
	    "--frozen), and replace \"*\", \"latest\" and git branches with a "
	    "release or a commit. Build once in CodeBuild and deploy that "
	    "artefact.",
	.see_also = NULL,
	.check = tf0203_check,
};

static int
tf0203_check(struct tl_check *c)
{
	const struct tl_file	*f;
	const struct tl_dep	*d, *first;
	struct tl_buf		 list;
	size_t			 i, n;
	int			 error = 0, lock, report;

	tl_buf_init(&list);
	TL_FOREACH_FILE(f, c->repo, TL_FILE_MANIFEST) {
		if (f->manifest == NULL || f->manifest->ndeps == 0 ||
		    tl_path_is_docs(f->path) ||
		    tl_path_is_dev_artefact(f->path))
			continue;
		if (f->subtype == TL_MF_REQUIREMENTS &&
		    tl_requirements_not_deployed(f->name))
			continue;
		lock = has_lock_kind(f->subtype) && lock_pins(c->repo, f);
		report = f->subtype == TL_MF_REQUIREMENTS ||
		    (has_lock_kind(f->subtype) && !lock &&
		    manifest_is_app(c->repo, f));
		if (f->subtype == TL_MF_REQUIREMENTS)
			for (i = 0; i < f->manifest->nincludes; i++)
				if (f->manifest->includes[i].constraint)
					report = 0;
		tl_buf_clear(&list);
		first = NULL;
		n = 0;
		for (i = 0; i < f->manifest->ndeps; i++) {
			d = &f->manifest->deps[i];
			if (d->pinned || d->dev || d->optional || d->peer ||
			    d->replace)
				continue;
			if (!spec_floats(f, d) && (!report ||
			    d->pin == TL_PIN_EXACT))
				continue;
			if (n == 0)
				first = d;
			if (n < 4)
				tl_buf_addf(&list, "%s'%s' (%s)", n > 0 ?
				    ", " : "", d->name, d->spec == NULL ?
				    "no version" : *d->spec == '\0' ?
				    "empty" : d->spec);
			n++;
		}
		if (first == NULL)
			continue;
		error = tl_report(c, f, first->line, 0, first->name,
		    "%zu dependenc%s of %s not pinned to one version: %s%s%s",
		    n, n == 1 ? "y" : "ies", f->path, tl_buf_str(&list),
		    n > 4 ? " …" : "", lock ? " (written to float: the lock "
		    "takes whatever is newest at its next update)" : "");
		if (error != 0)
			break;
	}
	tl_buf_release(&list);
	return error;
}

/* ------------------------------------------------------------- TF0204 */

static int	tf0204_check(struct tl_check *);

static const struct tl_rule tf0204 = {
	.id = "TF0204",
	.name = "unpinned-base-image",
	.factor = TL_FACTOR_DEPENDENCIES,
	.severity = TL_SEV_ERROR,
	.needs = TL_NEED(TL_FILE_DOCKERFILE),
	.summary = "base image without a tag or on :latest",
	.rationale =
	    "The base image is the first dependency of a container. An "
	    "image named without a tag, or with :latest, resolves to "
	    "whatever was pushed last: two builds of the same commit get "
	    "different operating systems and runtimes. Stages built FROM an "
	    "earlier stage, scratch, and references whose tag comes from a "
	    "build argument without a default are not reported.",
	.fix =
	    "Pin the base image to a version tag (node:20.11-bookworm-slim) "
	    "or, better, to a digest (node:20.11@sha256:…), and let a bot or "
	    "a scheduled CodeBuild job raise the pin. Mirror it in Amazon "
	    "ECR so builds do not depend on a public registry.",
	.see_also = "hadolint DL3006, DL3007; checkov CKV_DOCKER_7; "
	    "trivy DS001",
	.check = tf0204_check,
};

static int
tf0204_check(struct tl_check *c)
{
	const struct tl_file	*f;
	const struct tl_df_stage *st;
	char			*name, *tag, *digest;
	size_t			 i;
	int			 error = 0;

	TL_FOREACH_FILE(f, c->repo, TL_FILE_DOCKERFILE) {
		for (i = 0; f->docker != NULL && i < f->docker->nstages; i++) {
			st = &f->docker->stages[i];
			if (st->parent >= 0 || st->image == NULL ||
			    strcmp(st->image, "scratch") == 0 ||
			    strchr(st->image, '$') != NULL)
				continue;
			if (tl_df_image_split(st->image, &name, &tag,
			    &digest) != 0)
				continue;
			if (digest == NULL && tag == NULL &&
			    strchr(st->image_raw, '$') == NULL)
				error = tl_report(c, f, st->line, 0, st->image,
				    "FROM '%s' has no tag: it is whatever "
				    "%s:latest is on the day of the build",
				    st->image, name);
			else if (digest == NULL && tag != NULL &&
			    strcmp(tag, "latest") == 0)
				error = tl_report(c, f, st->line, 0, st->image,
				    "FROM '%s' follows the moving latest tag",
				    st->image);
			free(name);
			free(tag);
			free(digest);
			if (error != 0)
				return error;
		}
	}
	return 0;
}

/* ------------------------------------------ commands of build files */

/*
 * Helpers of TF0205, TF0206, TF0207 and TF0211: the shell commands of
 * Dockerfile instructions and buildspec phases, and the words of a
 * command as a package tool reads them.
 */

/* Is w[0..n) one of the blank-separated words of list? */
static int
word_in_n(const char *list, const char *w, size_t n)
{
	const char	*p, *e;

	if (list == NULL || n == 0)
		return 0;
	for (p = list; *p != '\0'; p = *e != '\0' ? e + 1 : e) {
		e = strchr(p, ' ');
		if (e == NULL)
			e = p + strlen(p);
		if ((size_t)(e - p) == n && strncmp(p, w, n) == 0)
			return 1;
	}
	return 0;
}

static int
word_in(const char *list, const char *w)
{
	return word_in_n(list, w, strlen(w));
}

/* The last path component of a word ("/usr/bin/curl" -> "curl"). */
static const char *
base_name(const char *w)
{
	const char	*s = strrchr(w, '/');

	return s != NULL ? s + 1 : w;
}

/* Is p base followed by digits and dots only ("pip3", "python3.12")? */
static int
is_versioned(const char *p, const char *base)
{
	size_t	 n = strlen(base);

	if (strncmp(p, base, n) != 0)
		return 0;
	for (p += n; *p != '\0'; p++)
		if (!isdigit((unsigned char)*p) && *p != '.')
			return 0;
	return 1;
}

static int
is_truthy(const char *v)
{
	return v != NULL && (strcmp(v, "1") == 0 ||
	    strcasecmp(v, "true") == 0 || strcasecmp(v, "yes") == 0 ||
	    strcasecmp(v, "on") == 0);
}

/*
 * A walk over the words of a command as a tool with options reads them:
 * options are skipped, with the value of those in argopts (blank-separated
 * "-o --option", the value written as the next word); after "--" every
 * word is an operand.
 */
struct words {
	const struct tl_sh_cmd	*cmd;		/* borrowed */
	const char		*argopts;	/* static */
	size_t			 i;
	int			 rest;
};

static void
words_init(struct words *w, const struct tl_sh_cmd *c, size_t from,
    const char *argopts)
{
	w->cmd = c;
	w->argopts = argopts;
	w->i = from;
	w->rest = 0;
}

/* The next operand, or NULL. */
static const char *
words_next(struct words *w)
{
	const char	*a;
	size_t		 n;

	while (w->i < w->cmd->argc) {
		a = w->cmd->argv[w->i++];
		if (w->rest || a[0] != '-' || a[1] == '\0')
			return a;
		if (strcmp(a, "--") == 0) {
			w->rest = 1;
			continue;
		}
		n = strcspn(a, "=");
		if (a[n] == '\0' && word_in_n(w->argopts, a, n) &&
		    w->i < w->cmd->argc)
			w->i++;
	}
	return NULL;
}

/*
 * Does the command, from index from on, have one of the options of list
 * ("--frozen --deployment"), written alone or as "--opt=value"?  The value
 * goes to *value when value is not NULL.
 */
static int
has_opt(const struct tl_sh_cmd *c, size_t from, const char *list,
    const char **value)
{
	const char	*a;
	size_t		 i, n;

	for (i = from; i < c->argc; i++) {
		a = c->argv[i];
		if (strcmp(a, "--") == 0)
			break;
		if (a[0] != '-')
			continue;
		n = strcspn(a, "=");
		if (!word_in_n(list, a, n))
			continue;
		if (value != NULL)
			*value = a[n] == '=' ? a + n + 1 :
			    i + 1 < c->argc ? c->argv[i + 1] : "";
		return 1;
	}
	return 0;
}

/*
 * The package tool a command runs and the index of its first argument:
 * the program after wrappers (sudo, env …), with "pip" for pip3, pip3.12,
 * python -m pip and uv pip, and "pipx" for python -m pipx.  NULL when the
 * command runs nothing.  Borrowed from the command, or static.
 */
static const char *
tool_of(const struct tl_sh_cmd *c, size_t *next)
{
	const char	*p;
	size_t		 i, j;

	if (c->argc == 0)
		return NULL;
	i = tl_sh_prog_index(c);
	p = tl_sh_real_prog(c);
	if (is_versioned(p, "python")) {
		for (j = i + 1; j + 1 < c->argc && c->argv[j][0] == '-'; j++)
			if (strcmp(c->argv[j], "-m") == 0)
				break;
		if (j + 1 >= c->argc || strcmp(c->argv[j], "-m") != 0)
			return NULL;
		i = j + 1;
		p = c->argv[i];
		if (strcmp(p, "pipx") != 0 && !is_versioned(p, "pip"))
			return NULL;
	}
	if (is_versioned(p, "pip")) {
		*next = i + 1;
		return "pip";
	}
	if (strcmp(p, "uv") == 0 && i + 1 < c->argc &&
	    strcmp(c->argv[i + 1], "pip") == 0) {
		*next = i + 2;
		return "pip";
	}
	*next = i + 1;
	return p;
}

/*
 * The shell scripts of one Dockerfile instruction: the command of a RUN,
 * CMD or ENTRYPOINT (exec form joined as quoted words) or of an ONBUILD
 * RUN trigger, then the heredoc bodies a shell reads ("RUN <<EOF",
 * "RUN bash <<EOF"), each at its own line.
 */
#define DF_BODIES	8

struct df_scripts {
	struct tl_script	*v[1 + DF_BODIES];	/* owned */
	size_t			 n;
};

static int
is_shell(const char *p)
{
	static const char *const shells[] = {
		"sh", "bash", "dash", "ash", "zsh", "ksh", "mksh"
	};
	size_t	 i;

	for (i = 0; i < TL_NELEM(shells); i++)
		if (strcmp(p, shells[i]) == 0)
			return 1;
	return 0;
}

/* The command text of "ONBUILD RUN [--flags] command", or NULL. */
static const char *
onbuild_run(const struct tl_df_instr *in)
{
	const char	*p = in->args;

	if (strncasecmp(p, "RUN", 3) != 0 || (p[3] != ' ' && p[3] != '\t'))
		return NULL;
	for (p += 3;;) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (strncmp(p, "--", 2) != 0)
			return p;
		p += strcspn(p, " \t");
	}
}

static void
df_scripts_parse(struct df_scripts *out, const struct tl_df_instr *in)
{
	struct tl_buf		 b = TL_BUF_INIT;
	const struct tl_sh_cmd	*c;
	const struct tl_df_heredoc *h;
	const char		*text, *p;
	size_t			 i, j, k;

	memset(out, 0, sizeof(*out));
	if (strcmp(in->keyword, "ONBUILD") == 0) {
		if ((text = onbuild_run(in)) == NULL)
			return;
		tl_buf_adds(&b, text);
	} else if (in->exec_form) {
		for (i = 0; i < in->argc; i++) {
			if (i > 0)
				tl_buf_addc(&b, ' ');
			tl_buf_addc(&b, '\'');
			for (p = in->argv[i]; *p != '\0'; p++)
				if (*p == '\'')
					tl_buf_adds(&b, "'\\''");
				else
					tl_buf_addc(&b, *p);
			tl_buf_addc(&b, '\'');
		}
	} else
		tl_buf_adds(&b, in->args);
	if (tl_shell_parse(&out->v[0], tl_buf_str(&b), b.len, in->line) != 0 ||
	    out->v[0] == NULL) {
		tl_buf_release(&b);
		return;
	}
	tl_buf_release(&b);
	out->n = 1;
	for (i = 0; i < out->v[0]->ncmds; i++) {
		c = &out->v[0]->cmds[i];
		if (c->argc > 0 && (!is_shell(tl_sh_real_prog(c)) ||
		    has_opt(c, tl_sh_prog_index(c) + 1, "-c", NULL)))
			continue;
		for (j = 0; j < c->nredirs; j++) {
			if (c->redirs[j].kind != TL_SH_R_HEREDOC)
				continue;
			for (k = 0; k < in->nheredocs; k++)
				if (strcmp(in->heredocs[k].name,
				    c->redirs[j].target) == 0)
					break;
			if (k == in->nheredocs && in->nheredocs != 1)
				continue;
			h = &in->heredocs[k == in->nheredocs ? 0 : k];
			if (out->n < TL_NELEM(out->v) && tl_shell_parse(
			    &out->v[out->n], h->body, strlen(h->body),
			    h->line) == 0 && out->v[out->n] != NULL)
				out->n++;
		}
	}
}

static void
df_scripts_release(struct df_scripts *s)
{
	size_t	 i;

	for (i = 0; i < s->n; i++)
		tl_script_free(s->v[i]);
	memset(s, 0, sizeof(*s));
}

/* Instructions whose command runs in a shell at build or start time. */
static int
df_runs_shell(const struct tl_df_instr *in, int starts)
{
	return strcmp(in->keyword, "RUN") == 0 ||
	    (strcmp(in->keyword, "ONBUILD") == 0 && onbuild_run(in) != NULL) ||
	    (starts && (strcmp(in->keyword, "CMD") == 0 ||
	    strcmp(in->keyword, "ENTRYPOINT") == 0));
}

/*
 * The value an ENV or ARG sets for name in effect at instruction at of
 * the stage (the stage's earlier instructions, then its parents'), or
 * NULL.
 */
static const char *
df_env(const struct tl_dockerfile *df, size_t stage, size_t at,
    const char *name)
{
	const struct tl_df_stage *st;
	const struct tl_df_instr *in;
	size_t			 i, k, depth;

	for (depth = 0; stage < df->nstages && depth < df->nstages; depth++) {
		st = &df->stages[stage];
		for (i = at; i > st->first; i--) {
			in = &df->instrs[i - 1];
			if (strcmp(in->keyword, "ENV") != 0 &&
			    strcmp(in->keyword, "ARG") != 0)
				continue;
			for (k = in->nkv; k > 0; k--)
				if (strcmp(in->kv[k - 1].key, name) == 0 &&
				    in->kv[k - 1].value != NULL)
					return in->kv[k - 1].value;
		}
		if (st->parent < 0)
			break;
		stage = (size_t)st->parent;
		at = df->stages[stage].first + df->stages[stage].count;
	}
	return NULL;
}

/* The value a buildspec's env.variables sets for name, or NULL. */
static const char *
buildspec_env(const struct tl_file *f, const char *name)
{
	if (f->doc == NULL || f->doc->nroots == 0)
		return NULL;
	return tl_ystr(tl_ymap_get(tl_ypath(f->doc->roots[0],
	    "env.variables"), name));
}

/*
 * The line a buildspec command's text starts on: the next one for a
 * block scalar ("- |"), whose node starts at its indicator.
 */
static unsigned
buildspec_line(const struct tl_file *f, const struct tl_ynode *n)
{
	const char	*p;
	size_t		 len;

	p = tl_lines_get(&f->lines, f->data, f->size, n->line, &len);
	if (p != NULL && n->col >= 1 && n->col <= len &&
	    (p[n->col - 1] == '|' || p[n->col - 1] == '>'))
		return n->line + 1;
	return n->line;
}

/*
 * How close a file is to a build file in dir: 0 in dir itself, then in
 * a directory below it (the nearer the better), then above it (the
 * nearer the better); -1 when it is elsewhere.
 */
static long
closeness(const char *dir, const char *path)
{
	char	*pdir;
	size_t	 n = strlen(dir), m;
	long	 r = -1;

	pdir = tl_path_dir(path);
	m = strlen(pdir);
	if (strcmp(pdir, dir) == 0)
		r = 0;
	else if (n == 0 || (strncmp(pdir, dir, n) == 0 && pdir[n] == '/'))
		r = (long)(m - n);
	else if (m == 0 || (strncmp(dir, pdir, m) == 0 && dir[m] == '/'))
		r = 100000 + (long)(n - m);
	free(pdir);
	return r;
}

/* The lock file of this type closest to a build file in dir, or NULL. */
static const struct tl_file *
lock_near(const struct tl_repo *repo, const char *dir,
    enum tl_manifest_type type)
{
	const struct tl_file	*f, *best = NULL;
	size_t			 i;
	long			 r, bestr = -1;

	for (i = 0; i < repo->nfiles; i++) {
		f = repo->files[i];
		if (f->kind != TL_FILE_LOCKFILE || f->subtype != (int)type ||
		    f->test || f->vendored ||
		    (r = closeness(dir, f->path)) < 0)
			continue;
		if (best == NULL || r < bestr) {
			best = f;
			bestr = r;
		}
	}
	return best;
}

/* ------------------------------------------------------------- TF0205 */

/* How a package tool writes a version next to a package name. */
enum pin_style {
	PIN_APT,	/* pkg=1.2, a release pkg/bookworm, ./x.deb */
	PIN_APK,	/* pkg=1.2, pkg~1.2, x.apk */
	PIN_RPM,	/* pkg-1.2-3.el9, x.rpm */
	PIN_ZYPPER,	/* pkg=1.2, pkg>=1.2, x.rpm */
	PIN_PIP,	/* pkg==1.2, pkg~=1.2, <2, a path, VCS@ref */
	PIN_NODE,	/* pkg@1.2, @scope/pkg@^1, a path, git#ref */
	PIN_GEM,	/* pkg:1.2, -v 1.2 */
	PIN_GO,		/* mod@v1.2.3, mod@<commit> */
	PIN_CARGO	/* crate@1.2, --version 1.2 */
};

/* Options of pip install that take a value. */
#define PIP_ARGOPTS	"-r --requirement -c --constraint -e --editable " \
	"-i --index-url --extra-index-url -f --find-links -t --target " \
	"--prefix --root --src --platform --python-version " \
	"--implementation --abi --no-binary --only-binary --progress-bar " \
	"--proxy --trusted-host --upgrade-strategy --cache-dir --log " \
	"--timeout --retries --exists-action --cert --client-cert " \
	"--global-option --config-settings -C --report --python " \
	"--use-feature -b --build"

/*
 * Package tools: the program, the subcommands that install named
 * packages, the options that take a value, and the options that pin
 * every package of the command at once.
 */
static const struct installer {
	const char	*prog;
	const char	*subs;
	const char	*argopts;
	const char	*pinall;
	enum pin_style	 style;
} installers[] = {
	{ "apt-get", "install", "-o -c -t --option --config-file "
	  "--target-release --default-release", NULL, PIN_APT },
	{ "apt", "install", "-o -c -t --option --config-file "
	  "--target-release --default-release", NULL, PIN_APT },
	{ "aptitude", "install", "-o -t --target-release", NULL, PIN_APT },
	{ "apk", "add", "-t --virtual -X --repository --repositories-file "
	  "-p --root --arch --cache-dir --keys-dir --cache-max-age "
	  "--progress-fd", NULL, PIN_APK },
	{ "yum", "install", "-c --config -x --exclude --installroot "
	  "--releasever --enablerepo --disablerepo --repo --repoid "
	  "--setopt -d --debuglevel -e --errorlevel --downloaddir "
	  "--destdir --forcearch", NULL, PIN_RPM },
	{ "dnf", "install", "-c --config -x --exclude --installroot "
	  "--releasever --enablerepo --disablerepo --repo --repoid "
	  "--setopt -d --debuglevel -e --errorlevel --downloaddir "
	  "--destdir --forcearch", NULL, PIN_RPM },
	{ "microdnf", "install", "--config --installroot --releasever "
	  "--enablerepo --disablerepo --setopt", NULL, PIN_RPM },
	{ "tdnf", "install", "-c --config --installroot --releasever "
	  "--enablerepo --disablerepo --setopt", NULL, PIN_RPM },
	{ "zypper", "install in", "-r --repo --from -t --type -c --config "
	  "-R --root", NULL, PIN_ZYPPER },
	{ "pip", "install", PIP_ARGOPTS, "-c --constraint --require-hashes",
	  PIN_PIP },
	{ "pipx", "install", "--python --suffix --index-url --pip-args "
	  "--spec", NULL, PIN_PIP },
	{ "npm", "install i in add", "--prefix --registry --cache "
	  "--loglevel --omit --include --workspace -w --tag --userconfig "
	  "--location", NULL, PIN_NODE },
	{ "yarn", "add global", "--prefix --global-folder --registry "
	  "--cache-folder --modules-folder --network-timeout --cwd", NULL,
	  PIN_NODE },
	{ "pnpm", "add install i", "--dir -C --filter -F --registry "
	  "--store-dir --global-dir --reporter", NULL, PIN_NODE },
	{ "bun", "add install i", "--cwd --registry --backend", NULL,
	  PIN_NODE },
	{ "corepack", "prepare install", NULL, NULL, PIN_NODE },
	{ "gem", "install i", "-v --version -i --install-dir -n --bindir "
	  "-s --source -P --trust-policy --platform -g --file "
	  "--build-root", "-v --version", PIN_GEM },
	{ "go", "install", "-o -C -p -tags -ldflags -gcflags -asmflags "
	  "-modfile -mod -pkgdir -toolexec", NULL, PIN_GO },
	{ "cargo", "install", "--version --vers --git --branch --tag --rev "
	  "--path --root --registry --index -F --features --bin --example "
	  "--target --target-dir -j --jobs --profile --config -Z --color",
	  "--version --vers --path --tag --rev", PIN_CARGO },
};

/* Does the package name carry a version after a dash ("httpd-2.4.6-1")? */
static int
rpm_versioned(const char *w)
{
	const char	*d, *s;

	/* A "-N" from which every dash-separated part starts with a digit. */
	for (d = strchr(w, '-'); d != NULL; d = strchr(d + 1, '-')) {
		if (!isdigit((unsigned char)d[1]))
			continue;
		for (s = d; s != NULL; s = strchr(s + 1, '-'))
			if (!isdigit((unsigned char)s[1]))
				break;
		if (s == NULL)
			return 1;
	}
	return 0;
}

/* Is a pip requirement pinned: ==, ~=, an upper bound, a file, VCS@ref? */
static int
pip_pinned(const char *w)
{
	static const char *const vcs[] = {
		"git+", "hg+", "svn+", "bzr+", "git://"
	};
	static const char *const files[] = {
		".whl", ".tar.gz", ".tgz", ".tar.bz2", ".zip"
	};
	const char	*s;
	size_t		 i;

	for (i = 0; i < TL_NELEM(vcs); i++)
		if (tl_str_has_prefix(w, vcs[i])) {
			s = strrchr(w, '/');
			return s != NULL && strchr(s, '@') != NULL;
		}
	for (i = 0; i < TL_NELEM(files); i++)
		if (tl_str_has_suffix(w, files[i]))
			return 1;
	if (strchr(w, '/') != NULL || w[0] == '.')
		return 1;
	return strstr(w, "==") != NULL || strstr(w, "~=") != NULL ||
	    strchr(w, '<') != NULL;
}

/* Is an npm package spec pinned: a version or range, a path, a ref? */
static int
node_pinned(const char *w)
{
	static const char *const local[] = {
		"file:", "link:", "/", "./", "../", "~/"
	};
	static const char *const tarballs[] = { ".tgz", ".tar.gz", ".tar" };
	const char	*s = w, *at;
	size_t		 i;

	for (i = 0; i < TL_NELEM(local); i++)
		if (tl_str_has_prefix(w, local[i]))
			return 1;
	for (i = 0; i < TL_NELEM(tarballs); i++)
		if (tl_str_has_suffix(w, tarballs[i]))
			return 1;
	if (strstr(w, "://") != NULL || strncmp(w, "github:", 7) == 0 ||
	    (w[0] != '@' && strchr(w, '/') != NULL))
		return strchr(w, '#') != NULL;
	if (w[0] == '@' && (s = strchr(w, '/')) == NULL)
		return 1;
	if ((at = strchr(s, '@')) == NULL)
		return 0;
	at++;
	if (strncmp(at, "npm:", 4) == 0)
		return node_pinned(at + 4);
	return isdigit((unsigned char)at[0]) || at[0] == '^' ||
	    at[0] == '~' || at[0] == '=' || at[0] == '<' ||
	    (at[0] == 'v' && isdigit((unsigned char)at[1]));
}

/* Is a Go module query a version or commit, not latest or a branch? */
static int
go_pinned(const char *w)
{
	const char	*at = strrchr(w, '@');
	size_t		 n;

	if (at == NULL || w[0] == '.')
		return 1;
	at++;
	if ((at[0] == 'v' && isdigit((unsigned char)at[1])) ||
	    isdigit((unsigned char)at[0]))
		return 1;
	n = strspn(at, "0123456789abcdef");
	return n >= 7 && at[n] == '\0';
}

static int
pinned(enum pin_style style, const char *w)
{
	const char	*at;

	switch (style) {
	case PIN_APT:
		return strpbrk(w, "=/") != NULL ||
		    tl_str_has_suffix(w, ".deb");
	case PIN_APK:
		return strpbrk(w, "=~<>/") != NULL ||
		    tl_str_has_suffix(w, ".apk");
	case PIN_RPM:
		return strchr(w, '/') != NULL ||
		    tl_str_has_suffix(w, ".rpm") || rpm_versioned(w);
	case PIN_ZYPPER:
		return strpbrk(w, "=<>/") != NULL ||
		    tl_str_has_suffix(w, ".rpm");
	case PIN_PIP:
		return pip_pinned(w);
	case PIN_NODE:
		return node_pinned(w);
	case PIN_GEM:
		return strpbrk(w, ":/") != NULL ||
		    tl_str_has_suffix(w, ".gem");
	case PIN_GO:
		return go_pinned(w);
	case PIN_CARGO:
		at = strchr(w, '@');
		return strchr(w, '/') != NULL || (at != NULL &&
		    (isdigit((unsigned char)at[1]) || at[1] == '^' ||
		    at[1] == '~' || at[1] == '='));
	}
	return 0;
}

/*
 * The installer upgrading itself or its packaging toolchain (pip install
 * --upgrade pip setuptools wheel, npm install -g npm): part of the
 * runtime the base image pins, not a dependency of the application.
 */
static int
is_toolchain(enum pin_style style, const char *w)
{
	static const char *const py[] = { "pip", "setuptools", "wheel" };
	size_t	 i, n;

	if (style == PIN_PIP) {
		n = strcspn(w, "=<>!~[;@ ");
		for (i = 0; i < TL_NELEM(py); i++)
			if (strlen(py[i]) == n && strncasecmp(w, py[i], n) == 0)
				return 1;
	} else if (style == PIN_NODE)
		return strncmp(w, "npm", 3) == 0 &&
		    (w[3] == '\0' || w[3] == '@');
	return 0;
}

/* A word whose value is only known when the build runs: $VAR, $(…), globs. */
static int
is_unknown(const char *w)
{
	return strpbrk(w, "$`*?(){}") != NULL;
}

/* Unpinned packages found in one RUN, by installer. */
struct unpinned {
	struct tl_vec	 names[TL_NELEM(installers)]; /* char * owned */
};

/* Add the packages a command installs without a version. */
static void
unpinned_add(struct unpinned *u, const struct tl_sh_cmd *c)
{
	const struct installer	*ins = NULL;
	const char		*tool, *sub, *w, *git = NULL;
	struct words		 ws;
	size_t			 i, next, n;

	if ((tool = tool_of(c, &next)) == NULL)
		return;
	for (i = 0; i < TL_NELEM(installers); i++)
		if (strcmp(tool, installers[i].prog) == 0) {
			ins = &installers[i];
			break;
		}
	if (ins == NULL)
		return;
	words_init(&ws, c, next, ins->argopts);
	if ((sub = words_next(&ws)) == NULL || !word_in(ins->subs, sub))
		return;
	/* yarn global add; pnpm/bun/corepack install with names only. */
	if (strcmp(sub, "global") == 0 &&
	    ((w = words_next(&ws)) == NULL || strcmp(w, "add") != 0))
		return;
	if (ins->pinall != NULL && has_opt(c, next, ins->pinall, NULL))
		return;
	n = ins->style == PIN_CARGO && has_opt(c, next, "--git", &git) ?
	    u->names[i].len : (size_t)-1;
	while ((w = words_next(&ws)) != NULL) {
		/* dnf install @group, @module:stream: not a package. */
		if (is_unknown(w) || is_toolchain(ins->style, w) ||
		    pinned(ins->style, w) ||
		    (w[0] == '@' && ins->style == PIN_RPM))
			continue;
		tl_vec_push(&u->names[i], tl_strdup(w));
	}
	/* cargo install --git URL with neither --tag nor --rev. */
	if (n == u->names[i].len && git != NULL && !is_unknown(git))
		tl_vec_push(&u->names[i], tl_strdup(git));
}

/* "apt-get: curl, git, vim, wget (+2 more); pip: flask" into b. */
static size_t
unpinned_list(const struct unpinned *u, struct tl_buf *b, size_t most)
{
	size_t	 i, k, total = 0;

	for (i = 0; i < TL_NELEM(installers); i++) {
		if (u->names[i].len == 0)
			continue;
		if (b->len > 0)
			tl_buf_adds(b, "; ");
		tl_buf_addf(b, "%s: ", installers[i].prog);
		for (k = 0; k < u->names[i].len && k < most; k++)
			tl_buf_addf(b, "%s%s", k > 0 ? ", " : "",
			    (const char *)u->names[i].items[k]);
		if (u->names[i].len > most)
			tl_buf_addf(b, " (+%zu more)", u->names[i].len - most);
		total += u->names[i].len;
	}
	return total;
}

static int	tf0205_check(struct tl_check *);

static const struct tl_rule tf0205 = {
	.id = "TF0205",
	.name = "unpinned-packages",
	.factor = TL_FACTOR_DEPENDENCIES,
	.severity = TL_SEV_INFO,
	.needs = TL_NEED(TL_FILE_DOCKERFILE),
	.summary = "packages installed without versions",
	.rationale =
	    "Factor II asks for every dependency to be declared exactly, so "
	    "that the same commit always builds the same image. A RUN that "
	    "installs a package by name alone gets whatever version the "
	    "mirror serves that day: two builds of one commit differ, and a "
	    "rebuild to patch one thing upgrades everything else. Checked: "
	    "the RUN and ONBUILD RUN instructions of every stage (a build "
	    "stage's compiler shapes the artefact too), including sh -c "
	    "bodies and shell heredocs, for apt-get/apt install (pkg=ver, a "
	    "release pkg/suite or a .deb path pin), apk add (pkg=ver, "
	    "pkg~ver), yum/dnf/microdnf install (pkg-ver, .rpm), zypper "
	    "install, pip install (==, ~=, an upper bound, a path, a wheel, "
	    "VCS@ref; -c constraints and --require-hashes pin everything), "
	    "pipx install, npm/yarn/pnpm/bun add or install of named "
	    "packages and corepack prepare (pkg@version or range; latest, "
	    "next and other tags float), gem install (-v or pkg:ver), go "
	    "install (mod@latest or a branch) and cargo install (--version "
	    "or crate@ver). Not reported: names only known at build time "
	    "($PKGS, $(cat packages.txt), globs), the packaging toolchain "
	    "upgrading itself (pip, setuptools, wheel, npm), plain npm "
	    "install from package.json (TF0211), and Dockerfiles named for "
	    "development (Dockerfile.dev, .devcontainer). One finding per "
	    "instruction names the first packages of each tool.",
	.fix =
	    "Pin each package to the version you tested: apt-get install "
	    "curl=7.88.1-10+deb12u5, apk add curl=8.5.0-r0, pip install "
	    "gunicorn==22.0.0, npm install -g pm2@5.3.1, gem install "
	    "bundler -v 2.5.6. Better still, install language packages "
	    "from a locked manifest, and let a bot or a scheduled CodeBuild "
	    "project raise the pins and rebuild the image in Amazon ECR.",
	.see_also = "hadolint DL3008, DL3013, DL3016, DL3018, DL3028, "
	    "DL3033, DL3037, DL3041",
	.check = tf0205_check,
};

static int
tf0205_check(struct tl_check *c)
{
	const struct tl_file	*f;
	const struct tl_df_instr *in;
	struct df_scripts	 ds;
	struct unpinned		 u;
	struct tl_buf		 shown = TL_BUF_INIT, all = TL_BUF_INIT;
	size_t			 i, j, k, n;
	int			 error = 0;

	TL_FOREACH_FILE(f, c->repo, TL_FILE_DOCKERFILE) {
		if (f->docker == NULL || tl_path_is_dev_artefact(f->path))
			continue;
		for (i = 0; i < f->docker->ninstrs && error == 0; i++) {
			in = &f->docker->instrs[i];
			if (!df_runs_shell(in, 0))
				continue;
			memset(&u, 0, sizeof(u));
			df_scripts_parse(&ds, in);
			for (j = 0; j < ds.n; j++)
				for (k = 0; k < ds.v[j]->ncmds; k++)
					unpinned_add(&u, &ds.v[j]->cmds[k]);
			df_scripts_release(&ds);
			tl_buf_clear(&shown);
			tl_buf_clear(&all);
			n = unpinned_list(&u, &shown, 4);
			(void)unpinned_list(&u, &all, (size_t)-1);
			if (n > 0)
				error = tl_report(c, f, in->line, 0,
				    tl_buf_str(&all), "%s installs %zu "
				    "package%s by name alone (%s)",
				    strcmp(in->keyword, "RUN") == 0 ? "RUN" :
				    "ONBUILD RUN", n, n == 1 ? "" : "s",
				    tl_buf_str(&shown));
			for (k = 0; k < TL_NELEM(u.names); k++)
				tl_vec_release(&u.names[k], free);
		}
		if (error != 0)
			break;
	}
	tl_buf_release(&shown);
	tl_buf_release(&all);
	return error;
}

/* ------------------------------------------------------------- TF0206 */

/*
 * Where the commands of one sequence come from: a Dockerfile stage (its
 * RUN, CMD and ENTRYPOINT instructions in order), a script, a Procfile
 * process, or a buildspec's phases.  Files one command downloads are
 * there for the later ones.
 */
struct fetched {
	char		*name;		/* owned: the file's base name */
	char		*text;		/* owned: the command */
	unsigned	 line;
	int		 verified;
};

struct fetches {
	struct fetched	*v;		/* owned */
	size_t		 n;
};

static void
fetches_clear(struct fetches *fs)
{
	size_t	 i;

	for (i = 0; i < fs->n; i++) {
		free(fs->v[i].name);
		free(fs->v[i].text);
	}
	free(fs->v);
	memset(fs, 0, sizeof(*fs));
}

/* Programs that check a download: checksums and signatures. */
static int
is_verifier(const char *p)
{
	static const char *const progs[] = {
		"sha1sum", "sha224sum", "sha256sum", "sha384sum", "sha512sum",
		"shasum", "md5sum", "b2sum", "cksum", "gpg", "gpg2", "gpgv",
		"cosign", "minisign", "signify", "slsa-verifier", "openssl",
		"rpm", "sigstore"
	};
	size_t	 i;

	for (i = 0; i < TL_NELEM(progs); i++)
		if (strcmp(p, progs[i]) == 0)
			return 1;
	return 0;
}

/* Short options of curl and wget that take a value. */
#define CURL_SHORT	"AbcCdDeEFHKmPQrtTuUwxXyYz"
#define CURL_LONG	"--header --retry --retry-delay --retry-max-time " \
	"--connect-timeout --max-time --proto --proto-redir --user-agent " \
	"--cacert --capath --cert --key --data --data-binary --data-raw " \
	"--data-urlencode --request --user --proxy --referer --write-out " \
	"--config --cookie --cookie-jar --form --range --upload-file " \
	"--dump-header --output-dir --resolve --limit-rate --tls-max " \
	"--ciphers --interface --dns-servers --max-filesize --speed-time " \
	"--speed-limit --continue-at --url-query --variable --expand-url"
#define WGET_SHORT	"oaeiBtTwPUQlARDIX"
#define WGET_LONG	"--output-file --append-output --tries --timeout " \
	"--wait --directory-prefix --user-agent --header --user --password " \
	"--quota --input-file --execute --base --level --accept --reject " \
	"--domains --ca-certificate --certificate --private-key " \
	"--post-data --body-data --method --read-timeout --dns-timeout " \
	"--connect-timeout"

/*
 * A curl or wget download: its URL, and where it writes: standard output
 * (to_stdout), or a file whose base name is file (NULL when the URL does
 * not tell).  fetch_of() returns 0 when the command is not a download.
 */
struct fetch {
	const char	*url;		/* borrowed: command, or NULL */
	const char	*file;		/* borrowed: command or buf, or NULL */
	int		 to_stdout;	/* writes to standard output */
	char		 buf[256];	/* a name taken from the URL */
};

static void
url_name(struct fetch *ft)
{
	const char	*s, *e;
	size_t		 n;

	if (ft->url == NULL)
		return;
	e = ft->url + strcspn(ft->url, "?#");
	for (s = e; s > ft->url && s[-1] != '/'; s--)
		continue;
	n = (size_t)(e - s);
	if (n == 0 || n >= sizeof(ft->buf))
		return;
	memcpy(ft->buf, s, n);
	ft->buf[n] = '\0';
	ft->file = ft->buf;
}

static int
fetch_of(const struct tl_sh_cmd *c, struct fetch *ft)
{
	const char	*p = tl_sh_real_prog(c), *a, *sh, *lg, *out = NULL;
	size_t		 i, n, k;
	int		 curl, remote = 0, rest = 0;

	if ((curl = strcmp(p, "curl") == 0) == 0 && strcmp(p, "wget") != 0)
		return 0;
	sh = curl ? CURL_SHORT : WGET_SHORT;
	lg = curl ? CURL_LONG : WGET_LONG;
	memset(ft, 0, sizeof(*ft));
	for (i = tl_sh_prog_index(c) + 1; i < c->argc; i++) {
		a = c->argv[i];
		if (rest || a[0] != '-' || a[1] == '\0') {
			if (ft->url == NULL)
				ft->url = a;
			continue;
		}
		if (strcmp(a, "--") == 0) {
			rest = 1;
			continue;
		}
		if (a[1] == '-') {
			n = strcspn(a, "=");
			if ((curl && word_in_n("--output", a, n)) ||
			    (!curl && word_in_n("--output-document", a, n)))
				out = a[n] == '=' ? a + n + 1 :
				    i + 1 < c->argc ? c->argv[++i] : "";
			else if (curl && (word_in_n("--remote-name", a, n) ||
			    word_in_n("--remote-name-all", a, n)))
				remote = 1;
			else if (a[n] == '\0' && word_in_n(lg, a, n))
				i++;
			continue;
		}
		/* A cluster of short options: -fsSLo FILE, -qO-. */
		for (k = 1; a[k] != '\0'; k++) {
			if (a[k] == (curl ? 'o' : 'O')) {
				out = a[k + 1] != '\0' ? a + k + 1 :
				    i + 1 < c->argc ? c->argv[++i] : "";
				break;
			}
			if (curl && a[k] == 'O') {
				remote = 1;
				continue;
			}
			if (strchr(sh, a[k]) != NULL) {
				if (a[k + 1] == '\0')
					i++;
				break;
			}
		}
	}
	if (out != NULL && strcmp(out, "-") != 0 &&
	    strcmp(out, "/dev/stdout") != 0)
		ft->file = base_name(out);
	else if (out == NULL && (remote || !curl))
		url_name(ft);
	else
		ft->to_stdout = 1;
	return 1;
}

/* Interpreters that run a program read from standard input or a file. */
static int
is_interpreter(const char *p)
{
	return is_shell(p) || is_versioned(p, "python") ||
	    strcmp(p, "perl") == 0 || strcmp(p, "ruby") == 0 ||
	    strcmp(p, "node") == 0 || strcmp(p, "php") == 0;
}

/*
 * What an interpreter command runs: 1 its standard input, 2 program text
 * given by an option (sh -c, python -c, perl -e, node -e …; *code set),
 * 3 a file (*code set to it); 0 none of them (python -m).
 */
static int
interp_runs(const struct tl_sh_cmd *c, const char **code)
{
	const char	*p = tl_sh_real_prog(c), *a, *codeopts, *argopts;
	size_t		 i, k;
	int		 rest = 0;

	if (is_shell(p)) {
		codeopts = "c";
		argopts = "oO";
	} else if (is_versioned(p, "python")) {
		codeopts = "c";
		argopts = "WXQ";
	} else if (strcmp(p, "php") == 0) {
		codeopts = "r";
		argopts = "dcz";
	} else if (strcmp(p, "node") == 0) {
		codeopts = "ep";
		argopts = "r";
	} else {
		codeopts = "eE";
		argopts = "rIm";
	}
	for (i = tl_sh_prog_index(c) + 1; i < c->argc; i++) {
		a = c->argv[i];
		if (!rest && strcmp(a, "--") == 0) {
			rest = 1;
			continue;
		}
		if (rest || a[0] != '-' || a[1] == '\0') {
			if (strcmp(a, "-") == 0 || strcmp(a, "/dev/stdin") == 0)
				return 1;
			*code = a;
			return 3;
		}
		if (a[1] == '-') {
			if (strcmp(a, "--eval") == 0 ||
			    strcmp(a, "--print") == 0 ||
			    strcmp(a, "--command") == 0) {
				*code = i + 1 < c->argc ? c->argv[i + 1] : "";
				return 2;
			}
			if (strcmp(a, "--rcfile") == 0 ||
			    strcmp(a, "--init-file") == 0 ||
			    strcmp(a, "--require") == 0)
				i++;
			continue;
		}
		for (k = 1; a[k] != '\0'; k++) {
			/* sh -ec 'text'; python -c'text', perl -e text. */
			if (strchr(codeopts, a[k]) != NULL) {
				*code = a[k + 1] != '\0' && !is_shell(p) ?
				    a + k + 1 : i + 1 < c->argc ?
				    c->argv[i + 1] : "";
				return 2;
			}
			if (is_shell(p) && a[k] == 's')
				return 1;
			if (a[k] == 'm' && is_versioned(p, "python"))
				return 0;
			if (strchr(argopts, a[k]) != NULL) {
				if (a[k + 1] == '\0')
					i++;
				break;
			}
		}
	}
	return 1;
}

/* Does a word run curl or wget in a substitution: $(curl …), <(wget …)? */
static int
fetches_inline(const char *w)
{
	if (strncmp(w, "$(", 2) == 0 || strncmp(w, "<(", 2) == 0)
		w += 2;
	else if (w[0] == '`')
		w++;
	else
		return 0;
	while (*w == ' ')
		w++;
	if (strncmp(w, "/usr/bin/", 9) == 0)
		w += 9;
	return (strncmp(w, "curl ", 5) == 0 || strncmp(w, "wget ", 5) == 0);
}

/* The command before cmds[j] at its depth, or (size_t)-1. */
static size_t
prev_same_depth(const struct tl_script *sc, size_t j)
{
	size_t	 k;

	for (k = j; k > 0; k--) {
		if (sc->cmds[k - 1].depth == sc->cmds[j].depth)
			return k - 1;
		if (sc->cmds[k - 1].depth < sc->cmds[j].depth)
			break;
	}
	return (size_t)-1;
}

/*
 * A finding of TF0206 for command j of a script: where to report
 * (line 0: the command's own), and what file and context to name.
 */
struct pipe_ctx {
	struct tl_check		*c;
	const struct tl_file	*file;
	const char		*what;		/* "RUN", "the script" */
	struct fetches		 fs;
};

enum pipe_kind {
	PIPE_PIPED,		/* curl … | sh */
	PIPE_INLINE,		/* sh -c "$(curl …)" */
	PIPE_SAVED		/* curl -o f …; sh f */
};

static int
pipe_report(struct pipe_ctx *pc, const struct tl_sh_cmd *cmd,
    const char *evidence, enum pipe_kind kind, const char *a, const char *b,
    unsigned bline)
{
	char	*ea, *eb;
	int	 error = 0;

	ea = tl_str_fold(a, strlen(a));
	eb = tl_str_fold(b, strlen(b));
	switch (kind) {
	case PIPE_PIPED:
		error = tl_report(pc->c, pc->file, cmd->line, 0, evidence,
		    "%s pipes '%.72s%s' into '%.72s%s': a script from the "
		    "network runs unverified", pc->what, ea,
		    strlen(ea) > 72 ? "..." : "", eb,
		    strlen(eb) > 72 ? "..." : "");
		break;
	case PIPE_INLINE:
		error = tl_report(pc->c, pc->file, cmd->line, 0, evidence,
		    "%s runs the output of '%.72s%s' with '%s': a script "
		    "from the network runs unverified", pc->what, ea,
		    strlen(ea) > 72 ? "..." : "", eb);
		break;
	case PIPE_SAVED:
		error = tl_report(pc->c, pc->file, cmd->line, 0, evidence,
		    "%s runs '%.72s%s', downloaded by '%.72s%s' at line %u "
		    "with no checksum or signature check between", pc->what,
		    ea, strlen(ea) > 72 ? "..." : "", eb,
		    strlen(eb) > 72 ? "..." : "", bline);
		break;
	}
	free(ea);
	free(eb);
	return error;
}

/* Is the program a script by its name: install.sh, get.py? */
static int
is_script_name(const char *name)
{
	static const char *const exts[] = {
		".sh", ".bash", ".py", ".pl", ".rb"
	};
	size_t	 k;

	for (k = 0; k < TL_NELEM(exts); k++)
		if (tl_str_has_suffix(name, exts[k]))
			return 1;
	return 0;
}

/*
 * A command runs file name with prog: report it when an earlier command
 * of the sequence downloaded that file and nothing checked it since.
 */
static int
pipe_rerun(struct pipe_ctx *pc, const struct tl_sh_cmd *cmd,
    const char *name, const char *prog)
{
	struct fetched	*fd;
	char		 ev[512];
	size_t		 i;

	for (i = pc->fs.n; i > 0; i--)
		if (strcmp(pc->fs.v[i - 1].name, name) == 0)
			break;
	if (i == 0 || pc->fs.v[i - 1].verified)
		return 0;
	fd = &pc->fs.v[i - 1];
	fd->verified = 1;
	(void)snprintf(ev, sizeof(ev), "%s %s", fd->text, prog);
	return pipe_report(pc, cmd, ev, PIPE_SAVED, cmd->text, fd->text,
	    fd->line);
}

/* Check the commands of one script of the sequence. */
static int
pipe_script(struct pipe_ctx *pc, const struct tl_script *sc)
{
	const struct tl_sh_cmd	*cmd, *src;
	struct fetch		 ft;
	struct fetched		*fd;
	const char		*code = NULL, *prog;
	char			 ev[512];
	size_t			 j, k, i;
	int			 runs, error = 0;

	for (j = 0; j < sc->ncmds && error == 0; j++) {
		cmd = &sc->cmds[j];
		if (cmd->argc == 0)
			continue;
		prog = tl_sh_real_prog(cmd);
		if (is_verifier(prog)) {
			for (i = 0; i < pc->fs.n; i++)
				pc->fs.v[i].verified = 1;
			continue;
		}
		if (fetch_of(cmd, &ft)) {
			if (ft.to_stdout || ft.file == NULL)
				continue;
			pc->fs.v = tl_reallocarray(pc->fs.v, pc->fs.n + 1,
			    sizeof(*pc->fs.v));
			fd = &pc->fs.v[pc->fs.n++];
			fd->name = tl_strdup(ft.file);
			fd->text = tl_strdup(cmd->text);
			fd->line = cmd->line;
			fd->verified = 0;
			continue;
		}
		/* eval "$(curl …)", source <(curl …), . <(curl …) */
		if (strcmp(prog, "eval") == 0 || strcmp(prog, "source") == 0 ||
		    strcmp(prog, ".") == 0) {
			for (i = tl_sh_prog_index(cmd) + 1; i < cmd->argc; i++)
				if (fetches_inline(cmd->argv[i]))
					break;
			if (i < cmd->argc) {
				(void)snprintf(ev, sizeof(ev), "%s %s", prog,
				    cmd->argv[i]);
				error = pipe_report(pc, cmd, ev, PIPE_INLINE,
				    cmd->argv[i], prog, 0);
			}
			continue;
		}
		if (!is_interpreter(prog)) {
			/* ./install.sh downloaded earlier and not checked. */
			if (is_script_name(prog))
				error = pipe_rerun(pc, cmd, prog, prog);
			continue;
		}
		runs = interp_runs(cmd, &code);
		if ((runs == 2 || runs == 3) && fetches_inline(code)) {
			(void)snprintf(ev, sizeof(ev), "%s %s", prog, code);
			error = pipe_report(pc, cmd, ev, PIPE_INLINE, code,
			    prog, 0);
			continue;
		}
		if (runs == 3) {
			/* sh install.sh, downloaded earlier and not checked. */
			error = pipe_rerun(pc, cmd, base_name(code), prog);
			continue;
		}
		if (runs != 1 || cmd->op != TL_SH_PIPE)
			continue;
		/* curl … | [filters |] sh */
		for (k = j; (k = prev_same_depth(sc, k)) != (size_t)-1; ) {
			src = &sc->cmds[k];
			if (fetch_of(src, &ft) && ft.to_stdout) {
				(void)snprintf(ev, sizeof(ev), "%s | %s",
				    ft.url != NULL ? ft.url : src->text, prog);
				error = pipe_report(pc, cmd, ev, PIPE_PIPED,
				    src->text, cmd->text, 0);
				break;
			}
			if (src->op != TL_SH_PIPE)
				break;
		}
	}
	return error;
}

static int	tf0206_check(struct tl_check *);

static const struct tl_rule tf0206 = {
	.id = "TF0206",
	.name = "remote-script-piped-to-shell",
	.factor = TL_FACTOR_DEPENDENCIES,
	.severity = TL_SEV_ERROR,
	.needs = TL_NEED(TL_FILE_DOCKERFILE) | TL_NEED(TL_FILE_SCRIPT) |
	    TL_NEED(TL_FILE_PROCFILE) | TL_NEED(TL_FILE_BUILDSPEC),
	.summary = "remote script piped into a shell",
	.rationale =
	    "A dependency fetched as a script and run at once is neither "
	    "declared nor pinned: the build runs whatever the server (or "
	    "anyone between it and the build) returns that day, with the "
	    "build's privileges, and nothing records what was installed. "
	    "Reported: curl or wget writing to standard output piped into "
	    "a shell or interpreter that runs its input (curl … | sh, wget "
	    "-qO- … | sudo bash -s, curl … | python3 -), a shell or eval "
	    "running a download inline (sh -c \"$(curl …)\", bash <(curl "
	    "…), source <(wget -qO- …)), and a script downloaded to a file "
	    "then run (sh install.sh, ./install.sh) with no checksum or "
	    "signature command (sha256sum, shasum, gpg, cosign …) between "
	    "the two. Checked: every RUN, ONBUILD RUN, CMD and ENTRYPOINT of "
	    "each Dockerfile stage (a file downloaded by one RUN is followed "
	    "into the later ones), shell scripts, Procfile processes and "
	    "buildspec phases. Not reported: downloads piped into tar, gpg "
	    "--dearmor or any program that does not run them, verified "
	    "downloads, and files named for development (Dockerfile.dev, "
	    ".devcontainer, docs).",
	.fix =
	    "Download the installer or, better, a release artefact to a "
	    "file with a fixed version in the URL, check it against a "
	    "published checksum or signature (echo \"$SHA256  install.sh\" "
	    "| sha256sum -c -) and only then run it; or install the tool "
	    "from a package manager with a pinned version, or COPY it from "
	    "an official image (COPY --from=docker.io/library/x:1.2@sha256:"
	    "…). In Dockerfiles, ADD --checksum=sha256:… verifies a "
	    "download. Build in CodeBuild from images kept in Amazon ECR.",
	.see_also = NULL,
	.check = tf0206_check,
};

/* A copy of a list of downloads (a stage built FROM another sees its files). */
static void
fetches_copy(struct fetches *to, const struct fetches *from)
{
	size_t	 i;

	fetches_clear(to);
	if (from->n == 0)
		return;
	to->v = tl_reallocarray(NULL, from->n, sizeof(*to->v));
	for (i = 0; i < from->n; i++) {
		to->v[i] = from->v[i];
		to->v[i].name = tl_strdup(from->v[i].name);
		to->v[i].text = tl_strdup(from->v[i].text);
	}
	to->n = from->n;
}

/* A COPY or ADD puts a file of the context over a download of its name. */
static void
fetches_replaced(struct fetches *fs, const struct tl_df_instr *in)
{
	const char	*dest, *slash;
	size_t		 i;

	dest = in->exec_form ? (in->argc > 0 ? in->argv[in->argc - 1] : "") :
	    (slash = strrchr(in->args, ' ')) != NULL ? slash + 1 : in->args;
	for (i = 0; i < fs->n; i++)
		if (strcmp(base_name(dest), fs->v[i].name) == 0 ||
		    (tl_str_has_suffix(dest, "/") && strstr(in->args,
		    fs->v[i].name) != NULL))
			fs->v[i].verified = 1;
}

static int
tf0206_dockerfile(struct pipe_ctx *pc, const struct tl_file *f)
{
	const struct tl_dockerfile *df = f->docker;
	const struct tl_df_stage *st;
	const struct tl_df_instr *in;
	struct df_scripts	 ds;
	struct fetches		*ends;
	size_t			 s, i, j;
	int			 error = 0;

	/* The downloads each stage ends with, for the stages built FROM it. */
	ends = tl_calloc(df->nstages + 1, sizeof(*ends));
	for (s = 0; s < df->nstages && error == 0; s++) {
		st = &df->stages[s];
		fetches_clear(&pc->fs);
		if (st->parent >= 0 && (size_t)st->parent < s)
			fetches_copy(&pc->fs, &ends[st->parent]);
		for (i = st->first; i < st->first + st->count && error == 0;
		    i++) {
			in = &df->instrs[i];
			if (strcmp(in->keyword, "COPY") == 0 ||
			    strcmp(in->keyword, "ADD") == 0)
				fetches_replaced(&pc->fs, in);
			if (!df_runs_shell(in, 1))
				continue;
			pc->what = strcmp(in->keyword, "ONBUILD") == 0 ?
			    "ONBUILD RUN" : in->keyword;
			df_scripts_parse(&ds, in);
			for (j = 0; j < ds.n && error == 0; j++)
				error = pipe_script(pc, ds.v[j]);
			df_scripts_release(&ds);
		}
		ends[s] = pc->fs;
		memset(&pc->fs, 0, sizeof(pc->fs));
	}
	for (s = 0; s < df->nstages; s++)
		fetches_clear(&ends[s]);
	free(ends);
	return error;
}

/*
 * The command strings of a buildspec, phase by phase, as scripts: the
 * phases of CodeBuild, and of an Amplify build specification (frontend
 * and backend).
 */
typedef int (*buildspec_fn)(void *, const char *, const struct tl_script *);

static int
buildspec_each(const struct tl_file *f, buildspec_fn fn, void *arg)
{
	static const char *const roots[] = {
		"phases", "frontend.phases", "backend.phases"
	};
	static const char *const lists[] = { "commands", "finally" };
	const struct tl_ynode	*phases, *ph, *cmds, *n;
	struct tl_script	*sc;
	const char		*name;
	size_t			 r, i, k, j;
	int			 error = 0;

	if (f->doc == NULL || f->doc->nroots == 0)
		return 0;
	for (r = 0; r < TL_NELEM(roots); r++) {
		phases = tl_ypath(f->doc->roots[0], roots[r]);
		TL_YMAP_FOREACH(i, phases) {
			name = tl_ystr(phases->pairs[i].key);
			ph = phases->pairs[i].value;
			for (k = 0; k < TL_NELEM(lists) && name != NULL; k++) {
				cmds = tl_ymap_get(ph, lists[k]);
				TL_YSEQ_FOREACH(j, cmds) {
					n = cmds->items[j];
					if (n->type != TL_YSCALAR ||
					    n->tag != NULL)
						continue;
					sc = NULL;
					if (tl_shell_parse(&sc, n->value,
					    n->len, buildspec_line(f, n)) !=
					    0 || sc == NULL)
						continue;
					error = fn(arg, name, sc);
					tl_script_free(sc);
					if (error != 0)
						return error;
				}
			}
		}
	}
	return 0;
}

static int
tf0206_buildspec_cmd(void *arg, const char *phase, const struct tl_script *sc)
{
	struct pipe_ctx	*pc = arg;
	char		 what[96];

	(void)snprintf(what, sizeof(what), "buildspec phase '%.40s'", phase);
	pc->what = what;
	return pipe_script(pc, sc);
}

static int
tf0206_check(struct tl_check *c)
{
	const struct tl_file	*f;
	struct pipe_ctx		 pc;
	char			 what[96];
	size_t			 i;
	int			 error = 0;

	memset(&pc, 0, sizeof(pc));
	pc.c = c;
	TL_FOREACH_FILE(f, c->repo, TL_FILE_DOCKERFILE) {
		if (f->docker == NULL || tl_path_is_dev_artefact(f->path))
			continue;
		pc.file = f;
		if ((error = tf0206_dockerfile(&pc, f)) != 0)
			return error;
	}
	TL_FOREACH_FILE(f, c->repo, TL_FILE_SCRIPT) {
		if (f->script == NULL || tl_path_is_dev_artefact(f->path) ||
		    tl_path_is_docs(f->path))
			continue;
		pc.file = f;
		pc.what = "the script";
		error = pipe_script(&pc, f->script);
		fetches_clear(&pc.fs);
		if (error != 0)
			return error;
	}
	TL_FOREACH_FILE(f, c->repo, TL_FILE_PROCFILE) {
		for (i = 0; f->procfile != NULL && i < f->procfile->nprocs;
		    i++) {
			if (f->procfile->procs[i].script == NULL)
				continue;
			(void)snprintf(what, sizeof(what),
			    "Procfile process '%.40s'",
			    f->procfile->procs[i].type);
			pc.file = f;
			pc.what = what;
			error = pipe_script(&pc, f->procfile->procs[i].script);
			fetches_clear(&pc.fs);
			if (error != 0)
				return error;
		}
	}
	TL_FOREACH_FILE(f, c->repo, TL_FILE_BUILDSPEC) {
		if (tl_path_is_dev_artefact(f->path))
			continue;
		pc.file = f;
		error = buildspec_each(f, tf0206_buildspec_cmd, &pc);
		fetches_clear(&pc.fs);
		if (error != 0)
			return error;
	}
	return 0;
}

/* ------------------------------------------------------------- TF0207 */

/* Is an ADD source a git repository (BuildKit clones it)? */
static int
is_git_source(const char *s)
{
	size_t	 n = strcspn(s, "#");

	return strncmp(s, "git@", 4) == 0 || strncmp(s, "git://", 6) == 0 ||
	    strncmp(s, "ssh://", 6) == 0 ||
	    (n >= 4 && strncmp(s + n - 4, ".git", 4) == 0);
}

/* A git source pinned to a commit: "…#<40 hex digits>"? */
static int
git_commit_ref(const char *s)
{
	const char	*h = strrchr(s, '#');
	size_t		 n;

	if (h == NULL)
		return 0;
	h++;
	/* "#ref:subdir": the ref is before the colon. */
	n = strspn(h, "0123456789abcdef");
	return n == 40 && (h[n] == '\0' || h[n] == ':');
}

static int	tf0207_check(struct tl_check *);

static const struct tl_rule tf0207 = {
	.id = "TF0207",
	.name = "unverified-remote-add",
	.factor = TL_FACTOR_DEPENDENCIES,
	.severity = TL_SEV_WARNING,
	.needs = TL_NEED(TL_FILE_DOCKERFILE),
	.summary = "ADD of a remote URL without a checksum",
	.rationale =
	    "ADD https://… puts into the image whatever the server returns "
	    "on the day of the build: the dependency is neither pinned nor "
	    "verified, the build cache keeps a stale copy or refetches a "
	    "changed one, and a compromised or moved server changes the "
	    "image silently. Reported: an ADD (also ONBUILD ADD) of any "
	    "stage whose source is an http:// or https:// URL, without "
	    "--checksum=sha256:… (which BuildKit verifies); and an ADD of a "
	    "git repository (git@…, git://, ssh://, https://….git) without "
	    "--checksum and not pinned to a full commit (#<sha>): a branch "
	    "or tag can move. Not reported: ADD of files of the build "
	    "context (archives included), COPY (which never downloads), "
	    "sources only known at build time ($URL), and Dockerfiles named "
	    "for development.",
	.fix =
	    "Give the download its checksum, ADD --checksum=sha256:<digest> "
	    "https://…/tool-1.2.3.tar.gz /opt/ (Dockerfile syntax 1.6 or "
	    "later), or fetch it in a RUN that checks it (curl -fsSLo f URL "
	    "&& echo \"<sha256>  f\" | sha256sum -c -); pin git sources to "
	    "a commit (ADD https://github.com/o/r.git#<commit> /src). "
	    "Better still, keep the artefact in Amazon S3 or a CodeArtifact "
	    "generic package that the CodeBuild project reads by version.",
	.see_also = NULL,
	.check = tf0207_check,
};

/* Sources of ADD [flags] src… dest: the words but the last. */
static int
tf0207_instr(struct tl_check *c, const struct tl_file *f,
    const struct tl_df_instr *in, const char *text)
{
	char		**w = NULL, *copy, *t, *save = NULL;
	const char	*s;
	size_t		  n = 0, i;
	int		  error = 0, git;

	if (in->exec_form && text == NULL) {
		for (i = 0; i + 1 < in->argc; i++) {
			w = tl_reallocarray(w, n + 1, sizeof(*w));
			w[n++] = tl_strdup(in->argv[i]);
		}
		w = tl_reallocarray(w, n + 1, sizeof(*w));
		w[n++] = tl_strdup("");
	} else {
		copy = tl_strdup(text != NULL ? text : in->args);
		for (t = strtok_r(copy, " \t\n", &save); t != NULL;
		    t = strtok_r(NULL, " \t\n", &save)) {
			if (n == 0 && text != NULL && strncmp(t, "--", 2) == 0)
				continue;
			w = tl_reallocarray(w, n + 1, sizeof(*w));
			w[n++] = tl_strdup(t);
		}
		free(copy);
	}
	for (i = 0; i + 1 < n && error == 0; i++) {
		s = w[i];
		if (s[0] == '"' || s[0] == '\'')
			s++;
		git = is_git_source(s);
		if (!git && strncasecmp(s, "http://", 7) != 0 &&
		    strncasecmp(s, "https://", 8) != 0)
			continue;
		if (strchr(s, '$') != NULL || (git && git_commit_ref(s)))
			continue;
		if (git)
			error = tl_report(c, f, in->line, 0, s, "ADD clones "
			    "'%s' at a ref that can move, without "
			    "--checksum: pin it to a commit", s);
		else
			error = tl_report(c, f, in->line, 0, s, "ADD "
			    "downloads '%s' without --checksum: the image "
			    "gets whatever the server returns", s);
	}
	for (i = 0; i < n; i++)
		free(w[i]);
	free(w);
	return error;
}

static int
tf0207_check(struct tl_check *c)
{
	const struct tl_file	*f;
	const struct tl_df_instr *in;
	const char		*text;
	size_t			 i;
	int			 error = 0;

	TL_FOREACH_FILE(f, c->repo, TL_FILE_DOCKERFILE) {
		if (f->docker == NULL || tl_path_is_dev_artefact(f->path))
			continue;
		for (i = 0; i < f->docker->ninstrs && error == 0; i++) {
			in = &f->docker->instrs[i];
			text = NULL;
			if (strcmp(in->keyword, "ONBUILD") == 0) {
				if (strncasecmp(in->args, "ADD", 3) != 0 ||
				    (in->args[3] != ' ' && in->args[3] != '\t'))
					continue;
				if (strstr(in->args, "--checksum") != NULL)
					continue;
				text = in->args + 4;
			} else if (strcmp(in->keyword, "ADD") != 0 ||
			    tl_df_instr_flag(in, "checksum") != NULL)
				continue;
			error = tf0207_instr(c, f, in, text);
		}
		if (error != 0)
			return error;
	}
	return 0;
}

/* ------------------------------------------------------------- TF0208 */

/*
 * The system tools an application may run by name, and what provides
 * them.  progs: the program names; words: the names of OS packages and
 * images that provide them, compared with a package or image name and
 * with each of its parts split at - _ . / : ("poppler" in poppler-utils,
 * "ffmpeg" in jrottenberg/ffmpeg); vendors: language packages whose
 * install ships the binary itself (npm ffmpeg-static), compared as the
 * ecosystem compares names.  Only these programs are reported: sh, tar,
 * grep, python and every other program outside the table never are.
 */
static const struct sys_tool {
	const char	*progs;
	const char	*words;
	const char	*vendors;
	int		 jvm;		/* the JVM: not for Java/Kotlin code */
} sys_tools[] = {
	{ "ffmpeg ffprobe ffplay", "ffmpeg",
	  "ffmpeg-static @ffmpeg-installer/ffmpeg ffprobe-static "
	  "@ffprobe-installer/ffprobe imageio-ffmpeg static-ffmpeg", 0 },
	{ "convert identify mogrify montage composite magick",
	  "imagemagick magick", NULL, 0 },
	{ "gm", "graphicsmagick", NULL, 0 },
	{ "gs", "ghostscript", NULL, 0 },
	{ "pdftotext pdftoppm pdfinfo pdfimages pdftocairo pdfunite "
	  "pdfseparate pdftohtml", "poppler", NULL, 0 },
	{ "qpdf", "qpdf", NULL, 0 },
	{ "wkhtmltopdf wkhtmltoimage", "wkhtmltopdf wkhtmltox", NULL, 0 },
	{ "libreoffice soffice lowriter unoconv", "libreoffice unoconv",
	  NULL, 0 },
	{ "pandoc", "pandoc", "pypandoc-binary", 0 },
	{ "tesseract", "tesseract", NULL, 0 },
	{ "exiftool", "exiftool", NULL, 0 },
	{ "inkscape", "inkscape", NULL, 0 },
	{ "rsvg-convert", "rsvg-convert librsvg2-bin", NULL, 0 },
	{ "sox", "sox", NULL, 0 },
	{ "optipng", "optipng", NULL, 0 },
	{ "pngquant", "pngquant", NULL, 0 },
	{ "jpegoptim", "jpegoptim", NULL, 0 },
	{ "gifsicle", "gifsicle", NULL, 0 },
	{ "cwebp dwebp", "webp", NULL, 0 },
	{ "vips vipsthumbnail", "vips libvips-tools", NULL, 0 },
	{ "7z 7za", "p7zip 7zip", "7zip-bin", 0 },
	{ "zip", "zip", NULL, 0 },
	{ "unzip", "unzip", NULL, 0 },
	{ "git", "git", NULL, 0 },
	{ "curl", "curl", NULL, 0 },
	{ "wget", "wget", NULL, 0 },
	{ "ssh scp sftp", "openssh ssh", NULL, 0 },
	{ "rsync", "rsync", NULL, 0 },
	{ "psql pg_dump pg_restore pg_dumpall", "postgresql postgres postgis",
	  NULL, 0 },
	{ "mysql mysqldump", "mysql mariadb percona", NULL, 0 },
	{ "mongodump mongorestore mongoexport mongoimport",
	  "mongodb mongo", NULL, 0 },
	{ "chromium chromium-browser google-chrome google-chrome-stable",
	  "chromium chrome puppeteer playwright selenium browserless",
	  "puppeteer @sparticuz/chromium chrome-aws-lambda "
	  "@sparticuz/chrome-aws-lambda", 0 },
	{ "java", "java jdk jre openjdk temurin corretto zulu liberica "
	  "graalvm sapmachine semeru maven gradle", NULL, 1 },
	{ "aws", "awscli aws-cli", "awscli", 0 },
	{ "yt-dlp youtube-dl", "yt-dlp youtube-dl", "yt-dlp youtube-dl "
	  "youtube-dl-exec yt-dlp-exec", 0 },
};

/*
 * The listed programs a base image is known to ship.  buildpack-deps
 * (under python, node, ruby, perl, rust, gcc, pypy: the tags without
 * -slim or -alpine) has curl, wget, git, openssh-client, unzip and
 * imagemagick; its -scm variant (under golang) no imagemagick nor unzip;
 * its -curl variant curl and wget only.  Busybox (alpine) has wget and
 * unzip applets.  Amazon Linux, the Lambda base images and UBI have
 * curl.  Debian, Ubuntu, -slim variants, distroless and .NET images
 * have none of them.
 */
#define TOOLS_BUSYBOX	"wget unzip"
#define TOOLS_CURL	"curl wget"
#define TOOLS_SCM	TOOLS_CURL " git ssh scp sftp"
#define TOOLS_FULL	TOOLS_SCM " unzip convert identify mogrify montage " \
	"composite"
/*
 * What a buildpack stack (Heroku-style, a Procfile and no Dockerfile)
 * is taken to provide, generously: the tools of its run image and the
 * clients it has carried in some version.  The Lambda runtimes: curl.
 */
#define TOOLS_STACK	TOOLS_FULL " rsync zip gs pdftotext pdftoppm " \
	"pdfinfo pdfimages psql pg_dump pg_restore pg_dumpall mysql mysqldump"
#define TOOLS_LAMBDA	"curl"

/*
 * Base images whose contents are known.  name is the repository
 * (official images without docker.io/library/), or a prefix when it
 * ends in '/' or '*'; the tools of the default tags, the -alpine tags
 * and the -slim tags.  Any other image is not known: it may ship any
 * tool and nothing is reported for it.
 */
static const struct base_image {
	const char	*name;
	const char	*dflt;
	const char	*alpine;
	const char	*slim;
} base_images[] = {
	{ "python", TOOLS_FULL, TOOLS_BUSYBOX, "" },
	{ "node", TOOLS_FULL, TOOLS_BUSYBOX, "" },
	{ "ruby", TOOLS_FULL, TOOLS_BUSYBOX, "" },
	{ "perl", TOOLS_FULL, TOOLS_BUSYBOX, "" },
	{ "pypy", TOOLS_FULL, TOOLS_BUSYBOX, "" },
	{ "rust", TOOLS_FULL, TOOLS_BUSYBOX, "" },
	{ "gcc", TOOLS_FULL, TOOLS_BUSYBOX, "" },
	{ "buildpack-deps", TOOLS_FULL, TOOLS_BUSYBOX, "" },
	{ "golang", TOOLS_SCM, TOOLS_BUSYBOX, "" },
	{ "openjdk", TOOLS_SCM, TOOLS_BUSYBOX, "" },
	{ "php", "curl", "curl " TOOLS_BUSYBOX, "curl" },
	{ "eclipse-temurin", TOOLS_CURL, TOOLS_BUSYBOX, TOOLS_CURL },
	{ "amazoncorretto", "curl", TOOLS_BUSYBOX, "curl" },
	{ "debian", "", TOOLS_BUSYBOX, "" },
	{ "ubuntu", "", TOOLS_BUSYBOX, "" },
	{ "alpine", TOOLS_BUSYBOX, TOOLS_BUSYBOX, TOOLS_BUSYBOX },
	{ "busybox", TOOLS_BUSYBOX, TOOLS_BUSYBOX, TOOLS_BUSYBOX },
	{ "scratch", "", "", "" },
	{ "amazonlinux", "curl", "curl", "curl" },
	{ "public.ecr.aws/amazonlinux/", "curl", "curl", "curl" },
	{ "public.ecr.aws/lambda/", "curl", "curl", "curl" },
	{ "amazon/aws-lambda-*", "curl", "curl", "curl" },
	{ "registry.access.redhat.com/ubi*", "curl", "curl", "curl" },
	{ "redhat/ubi*", "curl", "curl", "curl" },
	{ "fedora", "curl", "curl", "curl" },
	{ "rockylinux", "curl", "curl", "curl" },
	{ "almalinux", "curl", "curl", "curl" },
	{ "mcr.microsoft.com/dotnet/", "", TOOLS_BUSYBOX, "" },
	{ "gcr.io/distroless/", "", "", "" },
	{ "cgr.dev/chainguard/", "", "", "" },
};

/* Registry prefixes that name the official images. */
static const char *const official_prefixes[] = {
	"docker.io/library/", "index.docker.io/library/",
	"registry-1.docker.io/library/", "public.ecr.aws/docker/library/",
	"docker.io/", "library/"
};

/* Is w[0..n) one of the blank-separated words of list, ignoring case? */
static int
word_in_case(const char *list, const char *w, size_t n)
{
	char	 low[64];
	size_t	 i;

	if (n == 0 || n >= sizeof low)
		return 0;
	for (i = 0; i < n; i++)
		low[i] = (char)tolower((unsigned char)w[i]);
	return word_in_n(list, low, n);
}

/*
 * Does a name, or one of its parts split at any of seps, name the tool
 * (one of its programs or words)?
 */
static int
names_tool(const char *s, size_t len, const char *seps,
    const struct sys_tool *t)
{
	const char	*p = s, *e = s + len, *q;

	if (word_in_case(t->words, s, len) || word_in_case(t->progs, s, len))
		return 1;
	while (p < e) {
		for (q = p; q < e && strchr(seps, *q) == NULL; q++)
			;
		if (word_in_case(t->words, p, (size_t)(q - p)) ||
		    word_in_case(t->progs, p, (size_t)(q - p)))
			return 1;
		p = q + 1;
	}
	return 0;
}

#define NAME_SEPS	"-_/:@=+"

/*
 * The programs a base image is known to ship, or NULL when the image is
 * not known (a company base image, an unresolved $ARG, a Windows tag).
 */
static const char *
image_tools(const char *image)
{
	const struct base_image	*b;
	const char		*n;
	char			*name = NULL, *tag = NULL;
	const char		*r = NULL;
	size_t			 i, len;

	if (*image == '\0' || strpbrk(image, "${}") != NULL ||
	    tl_df_image_split(image, &name, &tag, NULL) != 0)
		return NULL;
	n = name;
	for (i = 0; i < TL_NELEM(official_prefixes); i++)
		if (tl_str_has_prefix(n, official_prefixes[i])) {
			n += strlen(official_prefixes[i]);
			break;
		}
	for (i = 0; i < TL_NELEM(base_images) && r == NULL; i++) {
		b = &base_images[i];
		len = strlen(b->name);
		if (b->name[len - 1] == '*' || b->name[len - 1] == '/') {
			if (strncmp(n, b->name, len - (b->name[len - 1] ==
			    '*')) != 0)
				continue;
		} else if (strcmp(n, b->name) != 0)
			continue;
		if (tag == NULL)
			r = b->dflt;
		else if (strstr(tag, "windowsservercore") != NULL ||
		    strstr(tag, "nanoserver") != NULL)
			break;
		else if (strstr(tag, "alpine") != NULL)
			r = b->alpine;
		else if (strstr(tag, "slim") != NULL)
			r = b->slim;
		else if (strcmp(b->name, "buildpack-deps") == 0 &&
		    tl_str_has_suffix(tag, "curl"))
			r = TOOLS_CURL;
		else if (strcmp(b->name, "buildpack-deps") == 0 &&
		    tl_str_has_suffix(tag, "scm"))
			r = TOOLS_SCM;
		else
			r = b->dflt;
	}
	free(name);
	free(tag);
	return r;
}

/* Is the package style one of an OS package manager? */
static int
os_style(enum pin_style s)
{
	return s == PIN_APT || s == PIN_APK || s == PIN_RPM ||
	    s == PIN_ZYPPER;
}

/* Is a language package (version removed) one that ships the tool? */
static int
vendors_tool(const char *w, const struct sys_tool *t)
{
	size_t	 n;

	if (t->vendors == NULL)
		return 0;
	/* name==1, name@1 (after a scope's '@'), name[extra] */
	n = strcspn(w + (w[0] == '@'), "=<>~!@[;: ") + (w[0] == '@');
	return word_in_case(t->vendors, w, n);
}

static int	cmd_declares(const struct tl_repo *, const struct tl_sh_cmd *,
		    const struct sys_tool *, int);

/*
 * Does a repository script a command runs (its first *.sh word) declare
 * the tool?  A script that is not in the repository may: yes.  Scripts
 * are followed two levels deep.
 */
static int
script_declares(const struct tl_repo *repo, const char *w,
    const struct sys_tool *t, int depth)
{
	const struct tl_file	*s;
	const char		*name = base_name(w);
	size_t			 i, k;
	int			 found = 0;

	for (i = 0; i < repo->nfiles; i++) {
		s = repo->files[i];
		if (s->kind != TL_FILE_SCRIPT || strcmp(s->name, name) != 0)
			continue;
		found = 1;
		if (s->script == NULL)
			return 1;
		for (k = 0; k < s->script->ncmds; k++)
			if (cmd_declares(repo, &s->script->cmds[k], t,
			    depth + 1))
				return 1;
	}
	return !found;
}

/*
 * Does a build command put the tool in the image, or show it is there?
 * An install of a package that provides it (OS package managers: by
 * the package's name or parts; pip, npm, gem: a package that vendors
 * it), an install whose packages are only known at build time, a
 * repository script that does either, or any other command that names
 * the tool (downloads it, copies or links it, runs it).
 */
static int
cmd_declares(const struct tl_repo *repo, const struct tl_sh_cmd *c,
    const struct sys_tool *t, int depth)
{
	const struct installer	*ins = NULL;
	const char		*tool, *sub, *w;
	struct words		 ws;
	size_t			 i, next, n = 0;

	if ((tool = tool_of(c, &next)) == NULL)
		return 0;
	for (i = 0; i < TL_NELEM(installers); i++)
		if (strcmp(tool, installers[i].prog) == 0)
			ins = &installers[i];
	if (ins != NULL) {
		words_init(&ws, c, next, ins->argopts);
		if ((sub = words_next(&ws)) != NULL &&
		    word_in(ins->subs, sub)) {
			while ((w = words_next(&ws)) != NULL) {
				n++;
				if (is_unknown(w))
					return 1;
				if (os_style(ins->style) ? names_tool(w,
				    strcspn(w, "=<>~:"), "-_.+", t) :
				    vendors_tool(w, t))
					return 1;
			}
			/* apt-get install < list, xargs: not known here. */
			return n == 0 && os_style(ins->style);
		}
	}
	for (i = tl_sh_prog_index(c); i < c->argc; i++) {
		w = c->argv[i];
		if (strcmp(tool, "xargs") == 0 && i > tl_sh_prog_index(c))
			for (n = 0; n < TL_NELEM(installers); n++)
				if (strcmp(base_name(w),
				    installers[n].prog) == 0)
					return 1;
		if (tl_str_has_suffix(w, ".sh") && strpbrk(w, "$`") == NULL &&
		    depth < 2)
			return script_declares(repo, w, t, depth);
		if (names_tool(w, strlen(w), NAME_SEPS, t))
			return 1;
	}
	return 0;
}

/*
 * Does the final image of a Dockerfile provide the tool?  Its base
 * image (known to ship it, or not known at all, or named for it), and
 * every RUN, COPY and ADD of the final stage and the stages it is built
 * FROM.  what gets "Dockerfile: FROM image".
 */
static int
df_declares(const struct tl_repo *repo, const struct tl_file *f,
    const struct sys_tool *t, const char *prog, struct tl_buf *what)
{
	const struct tl_df_stage *chain[TL_DF_CHAIN_MAX], *final;
	const struct tl_df_instr *in;
	const char		*has, *from;
	struct df_scripts	 ds;
	char			**w = NULL;
	size_t			 n, i, k, j, nw;
	int			 yes = 0;

	if ((final = tl_dockerfile_final(f->docker)) == NULL)
		return 1;
	n = tl_df_stage_chain(f->docker, final, chain);
	if (n == 0 || (has = image_tools(chain[0]->image)) == NULL ||
	    word_in(has, prog))
		return 1;
	tl_buf_addf(what, "%s: FROM %s", f->path, chain[0]->image);
	for (i = 0; i < n && !yes; i++) {
		if (names_tool(chain[i]->image, strlen(chain[i]->image),
		    NAME_SEPS, t))
			return 1;
		for (k = chain[i]->first; k < chain[i]->first +
		    chain[i]->count && !yes; k++) {
			in = &f->docker->instrs[k];
			if (strcmp(in->keyword, "COPY") == 0 ||
			    strcmp(in->keyword, "ADD") == 0) {
				from = tl_df_instr_flag(in, "from");
				if (from != NULL && in->from_stage < 0 &&
				    names_tool(from, strlen(from), NAME_SEPS,
				    t))
					return 1;
				nw = tl_df_copy_words(in, &w);
				for (j = 0; j < nw && !yes; j++)
					yes = names_tool(w[j], strlen(w[j]),
					    NAME_SEPS, t);
				tl_words_free(w, nw);
				continue;
			}
			if (strcmp(in->keyword, "RUN") != 0)
				continue;
			df_scripts_parse(&ds, in);
			for (j = 0; j < ds.n && !yes; j++)
				for (nw = 0; nw < ds.v[j]->ncmds && !yes; nw++)
					yes = cmd_declares(repo,
					    &ds.v[j]->cmds[nw], t, 0);
			df_scripts_release(&ds);
		}
	}
	return yes;
}

/* Languages as bits, for the table of calls. */
#define L_PY	(1U << TL_LANG_PYTHON)
#define L_JS	((1U << TL_LANG_JAVASCRIPT) | (1U << TL_LANG_TYPESCRIPT))
#define L_GO	(1U << TL_LANG_GO)
#define L_RB	(1U << TL_LANG_RUBY)
#define L_JVM	((1U << TL_LANG_JAVA) | (1U << TL_LANG_KOTLIN))
#define L_PHP	(1U << TL_LANG_PHP)
#define L_CS	(1U << TL_LANG_CSHARP)
#define L_RS	(1U << TL_LANG_RUST)

/*
 * Calls that run a program.  A call is fn( right after mod (which ends
 * in its separator: "subprocess.", "Command::", "new "), or fn( alone
 * when bare is "" or the file contains bare (a from-import); a file
 * without gate is not searched for it.  Of the arguments, argn come
 * before the program; then a list of string literals is the argument
 * vector, and a lone string is a shell command line when shell is set
 * (os.system), else the program, or a command line when it holds a
 * blank (Runtime.exec("convert a b"), run("…", shell=True)).
 */
static const struct run_call {
	unsigned	 langs;
	const char	*gate;
	const char	*mod;
	const char	*fn;
	const char	*bare;
	int		 shell;
	int		 argn;
} run_calls[] = {
	{ L_PY, NULL, "subprocess.", "run", "from subprocess import", 0, 0 },
	{ L_PY, NULL, "subprocess.", "call", "from subprocess import", 0, 0 },
	{ L_PY, NULL, "subprocess.", "check_call", "from subprocess import",
	  0, 0 },
	{ L_PY, NULL, "subprocess.", "check_output", "from subprocess import",
	  0, 0 },
	{ L_PY, NULL, "subprocess.", "Popen", "from subprocess import", 0, 0 },
	{ L_PY, NULL, "subprocess.", "getoutput", "from subprocess import",
	  1, 0 },
	{ L_PY, NULL, "subprocess.", "getstatusoutput",
	  "from subprocess import", 1, 0 },
	{ L_PY, NULL, "os.", "system", NULL, 1, 0 },
	{ L_PY, NULL, "os.", "popen", NULL, 1, 0 },
	{ L_PY, NULL, "os.", "execlp", NULL, 0, 0 },
	{ L_PY, NULL, "os.", "execlpe", NULL, 0, 0 },
	{ L_PY, NULL, "os.", "execvp", NULL, 0, 0 },
	{ L_PY, NULL, "os.", "execvpe", NULL, 0, 0 },
	{ L_PY, NULL, "os.", "spawnlp", NULL, 0, 1 },
	{ L_PY, NULL, "os.", "spawnlpe", NULL, 0, 1 },
	{ L_PY, NULL, "os.", "spawnvp", NULL, 0, 1 },
	{ L_PY, NULL, "os.", "spawnvpe", NULL, 0, 1 },
	{ L_PY, NULL, "asyncio.", "create_subprocess_exec",
	  "from asyncio import", 0, 0 },
	{ L_PY, NULL, "asyncio.", "create_subprocess_shell",
	  "from asyncio import", 1, 0 },
	{ L_JS, "child_process", "child_process.", "exec", "", 1, 0 },
	{ L_JS, "child_process", "child_process.", "execSync", "", 1, 0 },
	{ L_JS, "child_process", "child_process.", "spawn", "", 0, 0 },
	{ L_JS, "child_process", "child_process.", "spawnSync", "", 0, 0 },
	{ L_JS, "child_process", "child_process.", "execFile", "", 0, 0 },
	{ L_JS, "child_process", "child_process.", "execFileSync", "", 0, 0 },
	{ L_JS, "shelljs", "shell.", "exec", NULL, 1, 0 },
	{ L_JS, "execa", NULL, "execa", "", 0, 0 },
	{ L_JS, "execa", NULL, "execaSync", "", 0, 0 },
	{ L_JS, "execa", NULL, "execaCommand", "", 1, 0 },
	{ L_JS, "execa", NULL, "execaCommandSync", "", 1, 0 },
	{ L_JS, NULL, "Bun.", "spawn", NULL, 0, 0 },
	{ L_JS, NULL, "Bun.", "spawnSync", NULL, 0, 0 },
	{ L_GO, NULL, "exec.", "Command", NULL, 0, 0 },
	{ L_GO, NULL, "exec.", "CommandContext", NULL, 0, 1 },
	{ L_RB, NULL, "Kernel.", "system", "", 0, 0 },
	{ L_RB, NULL, "Kernel.", "exec", "", 0, 0 },
	{ L_RB, NULL, "Kernel.", "spawn", "", 0, 0 },
	{ L_RB, NULL, "Open3.", "capture2", NULL, 0, 0 },
	{ L_RB, NULL, "Open3.", "capture2e", NULL, 0, 0 },
	{ L_RB, NULL, "Open3.", "capture3", NULL, 0, 0 },
	{ L_RB, NULL, "Open3.", "popen2", NULL, 0, 0 },
	{ L_RB, NULL, "Open3.", "popen2e", NULL, 0, 0 },
	{ L_RB, NULL, "Open3.", "popen3", NULL, 0, 0 },
	{ L_RB, NULL, "IO.", "popen", NULL, 0, 0 },
	{ L_RB, NULL, "Process.", "spawn", NULL, 0, 0 },
	{ L_RB, NULL, "PTY.", "spawn", NULL, 0, 0 },
	{ L_JVM, NULL, "new ", "ProcessBuilder", "", 0, 0 },
	{ L_JVM, NULL, "getRuntime().", "exec", NULL, 0, 0 },
	{ L_JVM, "commons.exec", "CommandLine.", "parse", NULL, 1, 0 },
	{ L_JVM, "commons.exec", "new ", "CommandLine", "", 0, 0 },
	{ L_PHP, NULL, NULL, "exec", "", 1, 0 },
	{ L_PHP, NULL, NULL, "shell_exec", "", 1, 0 },
	{ L_PHP, NULL, NULL, "system", "", 1, 0 },
	{ L_PHP, NULL, NULL, "passthru", "", 1, 0 },
	{ L_PHP, NULL, NULL, "popen", "", 1, 0 },
	{ L_PHP, NULL, NULL, "proc_open", "", 1, 0 },
	{ L_PHP, NULL, "new ", "Process", NULL, 0, 0 },
	{ L_PHP, NULL, "Process::", "fromShellCommandline", NULL, 1, 0 },
	{ L_CS, NULL, "Process.", "Start", NULL, 0, 0 },
	{ L_CS, NULL, "new ", "ProcessStartInfo", "", 0, 0 },
	{ L_CS, "CliWrap", "Cli.", "Wrap", NULL, 0, 0 },
	{ L_RS, NULL, "Command::", "new", NULL, 0, 0 },
};

/* Wrappers around an argument vector, skipped to reach its strings. */
static const char *const vec_wrappers[] = {
	"[]string{", "new String[]{", "new String[] {", "new string[]{",
	"new string[] {", "new[]{", "new[] {", "Arrays.asList(", "List.of(",
	"listOf(", "mutableListOf(", "arrayOf(", "array(", "vec![", "&["
};

/* The first tool call found for each tool of sys_tools in one file. */
struct tool_hits {
	unsigned	 line[TL_NELEM(sys_tools)];	/* 0: none */
	char		 prog[TL_NELEM(sys_tools)][32];
	enum tl_lang	 lang;
};

/* Note that the program runs at line, when it is a listed tool. */
static void
hit_prog(struct tool_hits *h, const char *prog, unsigned line)
{
	size_t	 i, n = strlen(prog);

	if (n > 4 && strcasecmp(prog + n - 4, ".exe") == 0)
		n -= 4;
	if (n == 0 || n >= sizeof h->prog[0])
		return;
	for (i = 0; i < TL_NELEM(sys_tools); i++) {
		if (!word_in_n(sys_tools[i].progs, prog, n) ||
		    (sys_tools[i].jvm && (h->lang == TL_LANG_JAVA ||
		    h->lang == TL_LANG_KOTLIN)))
			continue;
		if (h->line[i] == 0 || line < h->line[i]) {
			h->line[i] = line;
			memcpy(h->prog[i], prog, n);
			h->prog[i][n] = '\0';
		}
		return;
	}
}

/* Every program a shell command line runs (sh -c bodies included). */
static void
hit_shell(struct tool_hits *h, const char *text, size_t len, unsigned line)
{
	struct tl_script	*sc = NULL;
	size_t			 i;

	if (tl_shell_parse(&sc, text, len, line) != 0 || sc == NULL)
		return;
	for (i = 0; i < sc->ncmds; i++)
		if (sc->cmds[i].argc > 0)
			hit_prog(h, tl_sh_real_prog(&sc->cmds[i]), line);
	tl_script_free(sc);
}

/* An argument vector, as one command line of quoted words. */
static void
hit_argv(struct tool_hits *h, char *const *el, size_t n, unsigned line)
{
	struct tl_buf	 b = TL_BUF_INIT;
	const char	*p;
	size_t		 i;

	for (i = 0; i < n; i++) {
		if (i > 0)
			tl_buf_addc(&b, ' ');
		tl_buf_addc(&b, '\'');
		for (p = el[i]; *p != '\0'; p++)
			if (*p == '\'')
				tl_buf_adds(&b, "'\\''");
			else
				tl_buf_addc(&b, *p);
		tl_buf_addc(&b, '\'');
	}
	hit_shell(h, tl_buf_str(&b), b.len, line);
	tl_buf_release(&b);
}

static const char *
skip_space(const char *p, const char *e)
{
	while (p < e && (*p == ' ' || *p == '\t' || *p == '\r' ||
	    *p == '\n' || (*p == '\\' && p + 1 < e && p[1] == '\n')))
		p++;
	return p;
}

/*
 * The string literal at *pp, its text as written (owned), with *pp moved
 * past it; NULL when there is none.  Python prefixes (f"", r'') and
 * triple quotes, C# @"" and $"", JavaScript and Go backquotes.
 */
static char *
str_literal(const char **pp, const char *e, enum tl_lang lang)
{
	const char	*p = *pp, *s;
	char		 q;
	size_t		 n = 0;
	int		 triple = 0;

	if (lang == TL_LANG_PYTHON) {
		while (n < 2 && p + n < e && strchr("rRbBuUfF", p[n]) != NULL)
			n++;
		if (n > 0 && p + n < e && (p[n] == '"' || p[n] == '\''))
			p += n;
	} else if (lang == TL_LANG_CSHARP)
		while (p < e && (*p == '@' || *p == '$'))
			p++;
	if (p >= e)
		return NULL;
	q = *p;
	if (q != '"' && !(q == '\'' && lang != TL_LANG_GO &&
	    lang != TL_LANG_RUST && lang != TL_LANG_JAVA &&
	    lang != TL_LANG_KOTLIN && lang != TL_LANG_CSHARP) &&
	    !(q == '`' && (lang == TL_LANG_GO || lang == TL_LANG_JAVASCRIPT ||
	    lang == TL_LANG_TYPESCRIPT)))
		return NULL;
	if (e - p > 2 && p[1] == q && p[2] == q) {
		triple = 1;
		p += 3;
	} else
		p++;
	for (s = p; p < e; p++) {
		if (*p == '\\' && q != '`') {
			if (++p >= e)
				break;
			continue;
		}
		if (*p == '\n' && !triple && q != '`')
			return NULL;
		if (*p == q && (!triple || (e - p > 2 && p[1] == q &&
		    p[2] == q)))
			break;
		if (p - s > 4096)
			return NULL;
	}
	if (p >= e)
		return NULL;
	*pp = p + (triple ? 3 : 1);
	return tl_strndup(s, (size_t)(p - s));
}

/* Past one argument and its comma; NULL at the end of the list. */
static const char *
skip_arg(const char *p, const char *e, enum tl_lang lang)
{
	char	*s;
	int	 depth = 0;

	while (p < e) {
		if ((s = str_literal(&p, e, lang)) != NULL) {
			free(s);
			continue;
		}
		if (*p == '(' || *p == '[' || *p == '{')
			depth++;
		else if (*p == ')' || *p == ']' || *p == '}') {
			if (depth-- == 0)
				return NULL;
		} else if (*p == ',' && depth == 0)
			return p + 1;
		else if (*p == ';')
			return NULL;
		p++;
	}
	return NULL;
}

#define CALL_ARGS_MAX	6

/*
 * The string literals that open an argument list at p (after "("): up
 * to CALL_ARGS_MAX, stopping at the first argument that is not one;
 * *listed when they were in a list ([…], {…}, Arrays.asList(…)).
 */
static size_t
call_args(const char *p, const char *e, enum tl_lang lang, int argn,
    char **el, int *listed)
{
	size_t	 n = 0, i, k;

	*listed = 0;
	for (; argn > 0 && p != NULL; argn--)
		p = skip_arg(p, e, lang);
	if (p == NULL)
		return 0;
	for (k = 0; k < 2; k++) {
		p = skip_space(p, e);
		for (i = 0; i < TL_NELEM(vec_wrappers); i++)
			if ((size_t)(e - p) > strlen(vec_wrappers[i]) &&
			    strncmp(p, vec_wrappers[i],
			    strlen(vec_wrappers[i])) == 0) {
				p += strlen(vec_wrappers[i]);
				*listed = 1;
				break;
			}
	}
	p = skip_space(p, e);
	if (!*listed && p < e && (*p == '[' || *p == '{')) {
		*listed = 1;
		p++;
	}
	while (n < CALL_ARGS_MAX) {
		p = skip_space(p, e);
		if ((el[n] = str_literal(&p, e, lang)) == NULL)
			break;
		n++;
		p = skip_space(p, e);
		if (p >= e || *p != ',')
			break;
		p++;
	}
	return n;
}

/* Is the line holding offset k a comment line? */
static int
in_comment(const struct tl_file *f, size_t k)
{
	const char	*p = f->data + k;

	while (p > f->data && p[-1] != '\n')
		p--;
	while (*p == ' ' || *p == '\t')
		p++;
	if (*p == '#')
		return f->lang == TL_LANG_PYTHON || f->lang == TL_LANG_RUBY ||
		    f->lang == TL_LANG_PHP;
	return strncmp(p, "//", 2) == 0 || strncmp(p, "/*", 2) == 0 ||
	    (*p == '*' && f->lang != TL_LANG_PYTHON &&
	    f->lang != TL_LANG_RUBY);
}

/*
 * The name a module is bound to: import subprocess as sp (Python),
 * const cp = require('child_process') and import * as cp from
 * 'child_process' (JavaScript).  Empty when there is none.
 */
static void
module_alias(const struct tl_file *f, const char *module, char *out,
    size_t len)
{
	const char	*p, *ls, *k, *s;
	size_t		 n;

	out[0] = '\0';
	for (p = f->data; (p = strstr(p, module)) != NULL; p++) {
		for (ls = p; ls > f->data && ls[-1] != '\n'; ls--)
			;
		s = NULL;
		if (f->lang == TL_LANG_PYTHON) {
			if (strncmp(p + strlen(module), " as ", 4) == 0)
				s = p + strlen(module) + 4;
		} else if ((k = tl_memcasemem(ls, (size_t)(p - ls),
		    "import * as ", 12)) != NULL)
			s = k + 12;
		else if ((k = tl_memcasemem(ls, (size_t)(p - ls),
		    "= require(", 10)) != NULL) {
			for (s = k; s > ls && (s[-1] == ' ' || s[-1] == '\t');
			    s--)
				;
			while (s > ls && (is_ident((unsigned char)s[-1]) ||
			    s[-1] == '$'))
				s--;
		}
		if (s == NULL)
			continue;
		for (n = 0; is_ident((unsigned char)s[n]) || s[n] == '$'; n++)
			;
		if (n > 0 && n < len) {
			memcpy(out, s, n);
			out[n] = '\0';
			return;
		}
	}
}

/* Is the call at offset k of fn written as the table entry says? */
static int
call_at(const struct tl_file *f, const struct run_call *rc, size_t k,
    const char *alias)
{
	const char	*d = f->data;
	size_t		 m;

	if (k > 0 && is_ident((unsigned char)d[k - 1]))
		return 0;
	if (rc->mod != NULL && k >= (m = strlen(rc->mod)) &&
	    strncmp(d + k - m, rc->mod, m) == 0 && (k == m ||
	    !is_ident((unsigned char)rc->mod[0]) ||
	    !is_ident((unsigned char)d[k - m - 1])))
		return 1;
	/* require('child_process').execSync(…) */
	if (rc->mod != NULL && strcmp(rc->mod, "child_process.") == 0 &&
	    k > 16 && (strncmp(d + k - 16, "child_process').", 16) == 0 ||
	    strncmp(d + k - 16, "child_process\").", 16) == 0))
		return 1;
	if (alias[0] != '\0' && k > (m = strlen(alias)) && d[k - 1] == '.' &&
	    strncmp(d + k - m - 1, alias, m) == 0 && (k == m + 1 ||
	    !is_ident((unsigned char)d[k - m - 2])))
		return 1;
	return rc->bare != NULL && (rc->bare[0] == '\0' ||
	    strstr(d, rc->bare) != NULL) &&
	    (k == 0 || strchr(".>:$\\@#", d[k - 1]) == NULL);
}

/* The tools one source file runs through the calls of run_calls. */
static void
scan_calls(const struct tl_file *f, struct tool_hits *h)
{
	const struct run_call	*rc;
	const char		*d = f->data, *e = f->data + f->size, *p, *a;
	char			*el[CALL_ARGS_MAX], alias[32];
	size_t			 i, k, n, fl;
	unsigned		 line, col;
	int			 listed;

	for (i = 0; i < TL_NELEM(run_calls); i++) {
		rc = &run_calls[i];
		if ((rc->langs & (1U << f->lang)) == 0 ||
		    (rc->gate != NULL && strstr(d, rc->gate) == NULL))
			continue;
		alias[0] = '\0';
		if (rc->mod != NULL && (strcmp(rc->mod, "subprocess.") == 0 ||
		    strcmp(rc->mod, "child_process.") == 0))
			module_alias(f, f->lang == TL_LANG_PYTHON ?
			    "import subprocess" : "child_process", alias,
			    sizeof alias);
		fl = strlen(rc->fn);
		for (p = d; (p = strstr(p, rc->fn)) != NULL; p += fl) {
			k = (size_t)(p - d);
			a = p + fl;
			if (*a == '(')
				a++;
			else if (f->lang == TL_LANG_RUBY && *a == ' ' &&
			    (a[1] == '"' || a[1] == '\'' || a[1] == '['))
				a++;
			else
				continue;
			if (!call_at(f, rc, k, alias) || in_comment(f, k))
				continue;
			n = call_args(a, e, f->lang, rc->argn, el, &listed);
			if (n == 0)
				continue;
			tl_lines_locate(&f->lines, k, &line, &col);
			if (!listed && (rc->shell || (n == 1 &&
			    strpbrk(el[0], " \t") != NULL)))
				hit_shell(h, el[0], strlen(el[0]), line);
			else
				hit_argv(h, el, n, line);
			while (n > 0)
				free(el[--n]);
		}
	}
}

/*
 * Ruby and PHP command strings: `cmd …` where an expression starts (at
 * the start of a line or after = ( , [ { | & ! ? : + <), and Ruby
 * %x(…), %x{…}, %x[…].
 */
static void
scan_backquotes(const struct tl_file *f, struct tool_hits *h)
{
	const char	*d = f->data, *p, *q, *b;
	char		 close;
	unsigned	 line, col;

	if (f->lang != TL_LANG_RUBY && f->lang != TL_LANG_PHP)
		return;
	for (p = d; *p != '\0'; p++) {
		close = '\0';
		if (*p == '`')
			close = '`';
		else if (f->lang == TL_LANG_RUBY && p[0] == '%' &&
		    p[1] == 'x' && (p[2] == '(' || p[2] == '{' ||
		    p[2] == '['))
			close = p[2] == '(' ? ')' : p[2] == '{' ? '}' : ']';
		if (close == '\0')
			continue;
		for (b = p; b > d && (b[-1] == ' ' || b[-1] == '\t'); b--)
			;
		if (close == '`' && b > d && b[-1] != '\n' &&
		    strchr("=(,[{|&!?:+<", b[-1]) == NULL)
			continue;
		p += close == '`' ? 1 : 3;
		for (q = p; *q != '\0' && *q != close && *q != '\n'; q++)
			;
		if (*q != close)
			continue;
		if (!in_comment(f, (size_t)(p - d))) {
			tl_lines_locate(&f->lines, (size_t)(p - d), &line,
			    &col);
			hit_shell(h, p, (size_t)(q - p), line);
		}
		p = q;
	}
}

/* C#: FileName = "ffmpeg" in a ProcessStartInfo initialiser. */
static void
scan_filename(const struct tl_file *f, struct tool_hits *h)
{
	const char	*d = f->data, *e = d + f->size, *p, *a;
	char		*el[1];
	unsigned	 line, col;

	if (f->lang != TL_LANG_CSHARP || strstr(d, "ProcessStartInfo") == NULL)
		return;
	for (p = d; (p = strstr(p, "FileName")) != NULL; p += 8) {
		if ((p > d && is_ident((unsigned char)p[-1])) ||
		    in_comment(f, (size_t)(p - d)))
			continue;
		a = skip_space(p + 8, e);
		if (a >= e || *a != '=' || a[1] == '=')
			continue;
		a = skip_space(a + 1, e);
		if ((el[0] = str_literal(&a, e, f->lang)) == NULL)
			continue;
		tl_lines_locate(&f->lines, (size_t)(p - d), &line, &col);
		hit_argv(h, el, 1, line);
		free(el[0]);
	}
}

/*
 * Does the file look the tool up before it runs it (shutil.which,
 * exec.LookPath, which, find_executable, command -v …)?  Then the tool
 * is optional for it.
 */
static int
tool_guarded(const struct tl_file *f, const char *prog)
{
	static const char *const lookups[] = {
		"which", "lookpath", "find_executable", "command_exists",
		"commandexists", "command-exists", "command -v", "hasbin",
		"executable?"
	};
	const char	*d = f->data, *p, *ls;
	size_t		 n = strlen(prog), i;

	for (p = d; (p = strstr(p, prog)) != NULL; p += n) {
		if (p == d || strchr("\"'` ", p[-1]) == NULL ||
		    strchr("\"'` )", p[n]) == NULL)
			continue;
		for (ls = p; ls > d && ls[-1] != '\n' && p - ls < 48; ls--)
			;
		for (i = 0; i < TL_NELEM(lookups); i++)
			if (tl_memcasemem(ls, (size_t)(p - ls), lookups[i],
			    strlen(lookups[i])) != NULL)
				return 1;
	}
	return 0;
}

/*
 * Code that is not the application's: build, CI and developer tooling
 * (scripts/, tools/, hack/, ci/, bin/ of dev tools, setup.py, noxfile,
 * tasks.py, gulpfile, *.config.js, build.rs, magefile.go, Go programs
 * built with //go:build ignore) and examples, samples and benchmarks.
 */
static int
tooling_path(const struct tl_file *f)
{
	static const char *const dirs[] = {
		"scripts", "script", "tools", "tool", "tooling", "hack", "ci",
		".github", ".circleci", ".husky", "dev", "devtools",
		"dev-tools", "benchmarks", "benchmark", "bench", "examples",
		"example", "samples", "sample", "demo", "demos"
	};
	static const char *const files[] = {
		"setup.py", "noxfile.py", "tasks.py", "fabfile.py", "dodo.py",
		"conftest.py", "build.rs", "magefile.go", "mage.go",
		"gulpfile.js", "Gulpfile.js", "gruntfile.js", "Gruntfile.js",
		"Jakefile.js", "dangerfile.js", "dangerfile.ts", "esbuild.js",
		"esbuild.mjs", "build.js", "build.mjs"
	};
	const char	*p, *e;
	size_t		 i, n;

	for (p = f->path; (e = strchr(p, '/')) != NULL; p = e + 1) {
		n = (size_t)(e - p);
		for (i = 0; i < TL_NELEM(dirs); i++)
			if (strlen(dirs[i]) == n && strncmp(p, dirs[i], n) == 0)
				return 1;
	}
	for (i = 0; i < TL_NELEM(files); i++)
		if (strcmp(f->name, files[i]) == 0)
			return 1;
	return strstr(f->name, ".config.") != NULL ||
	    (f->lang == TL_LANG_GO && f->data != NULL &&
	    (strstr(f->data, "//go:build ignore") != NULL ||
	    strstr(f->data, "// +build ignore") != NULL));
}

/* Files that list a buildpack's or platform's system packages. */
static const char *const pkg_lists[] = {
	"Aptfile", "apt.txt", "Brewfile", "packages.txt", "bindep.txt",
	"nixpacks.toml", "replit.nix", "shell.nix", "flake.nix",
	"default.nix", ".buildpacks", "app.json", "project.toml"
};

static int
is_pkg_list(const struct tl_file *f)
{
	size_t	 i;

	for (i = 0; i < TL_NELEM(pkg_lists); i++)
		if (strcmp(f->name, pkg_lists[i]) == 0)
			return 1;
	/* Elastic Beanstalk: packages: yum: ImageMagick: [] */
	return tl_str_has_prefix(f->path, ".ebextensions/") ||
	    tl_str_has_prefix(f->path, ".platform/") ||
	    strstr(f->path, "/.ebextensions/") != NULL;
}

/* Does a word of the text (split at blanks, quotes, brackets …) name it? */
static int
text_names_tool(const char *s, const struct sys_tool *t)
{
	static const char seps[] = " \t\r\n\"',;[](){}<>#=";
	size_t	 n;

	for (;;) {
		s += strspn(s, seps);
		if (*s == '\0')
			return 0;
		n = strcspn(s, seps);
		if (names_tool(s, n, NAME_SEPS ".", t))
			return 1;
		s += n;
	}
}

/*
 * Does the repository declare the tool outside any image: a manifest
 * dependency that vendors its binary, or a system package list
 * (Aptfile, apt.txt, Brewfile, a Nix file, .buildpacks, app.json,
 * .ebextensions) naming it?
 */
static int
repo_declares(const struct tl_repo *repo, const struct sys_tool *t)
{
	const struct tl_file	*f;
	const char		*p, *e;
	char			 name[64];
	size_t			 i, n;

	for (i = 0; i < repo->nfiles; i++) {
		f = repo->files[i];
		if (!f->loaded || f->broken || f->test || f->vendored)
			continue;
		if (f->kind == TL_FILE_MANIFEST && f->manifest != NULL &&
		    t->vendors != NULL) {
			for (p = t->vendors; *p != '\0'; p = *e ? e + 1 : e) {
				e = strchr(p, ' ');
				if (e == NULL)
					e = p + strlen(p);
				n = (size_t)(e - p);
				if (n >= sizeof name)
					continue;
				memcpy(name, p, n);
				name[n] = '\0';
				if (tl_manifest_find(f->manifest, name) != NULL)
					return 1;
			}
		}
		if (is_pkg_list(f) && f->data != NULL &&
		    text_names_tool(f->data, t))
			return 1;
	}
	return 0;
}

/* A Lambda function deployed from a .zip, and the code it holds. */
struct zip_fn {
	const struct tl_cfn_resource *r;	/* borrowed (cfns) */
	const struct tl_file	*tpl;		/* borrowed (model) */
	char			*dir;		/* owned: CodeUri, or NULL */
	int			 layers;	/* has Layers (or Globals') */
};

/* Where the repository's code runs. */
struct deploys {
	struct tl_cfn		*cfns;		/* owned, ncfns opened */
	size_t			 ncfns;
	struct zip_fn		*fns;		/* owned */
	size_t			 nfns;
	const struct tl_file	**dfs;		/* owned array, files borrowed */
	size_t			 ndfs;
	const struct tl_file	*procfile;	/* borrowed, or NULL */
};

static void
deploys_add_fn(struct deploys *d, const struct tl_cfn *cfn,
    const struct tl_cfn_resource *r)
{
	const struct tl_ynode	*code;
	struct zip_fn		*z;
	struct tl_buf		 b = TL_BUF_INIT;
	const char		*uri;
	char			*dir;

	if (tl_yvalue_may_be(tl_cfn_prop(r, "PackageType"), "Image") ||
	    tl_cfn_prop(r, "ImageUri") != NULL ||
	    ((code = tl_cfn_prop(r, "Code")) != NULL &&
	    tl_ymap_get(code, "ImageUri") != NULL))
		return;
	d->fns = tl_reallocarray(d->fns, d->nfns + 1, sizeof(*d->fns));
	z = &d->fns[d->nfns++];
	z->r = r;
	z->tpl = cfn->file;
	z->dir = NULL;
	z->layers = tl_cfn_prop(r, "Layers") != NULL;
	uri = tl_ystr(tl_cfn_prop(r, "CodeUri"));
	if (uri == NULL || strstr(uri, "://") != NULL ||
	    tl_str_has_suffix(uri, ".zip") || tl_str_has_suffix(uri, ".jar"))
		return;
	dir = tl_path_dir(cfn->file->path);
	if (tl_path_join(&b, dir, uri))
		z->dir = tl_buf_detach(&b);
	free(dir);
	tl_buf_release(&b);
}

static void
deploys_collect(struct deploys *d, const struct tl_repo *repo)
{
	const struct tl_file	*f;
	const struct tl_cfn_resource *r;
	size_t			 n = 0, i;

	memset(d, 0, sizeof(*d));
	TL_FOREACH_FILE(f, repo, TL_FILE_TEMPLATE)
		n++;
	d->cfns = n > 0 ? tl_calloc(n, sizeof(*d->cfns)) : NULL;
	TL_FOREACH_FILE(f, repo, TL_FILE_TEMPLATE) {
		if (d->ncfns == n || tl_cfn_open(&d->cfns[d->ncfns], f) != 0)
			continue;
		d->ncfns++;
	}
	for (i = 0; i < d->ncfns; i++) {
		TL_CFN_FOREACH(r, &d->cfns[i], "AWS::Serverless::Function")
			deploys_add_fn(d, &d->cfns[i], r);
		TL_CFN_FOREACH(r, &d->cfns[i], "AWS::Lambda::Function")
			deploys_add_fn(d, &d->cfns[i], r);
	}
	TL_FOREACH_FILE(f, repo, TL_FILE_DOCKERFILE) {
		if (f->docker == NULL || tl_file_not_deployed(repo, f) ||
		    tl_dockerfile_final(f->docker) == NULL)
			continue;
		d->dfs = tl_reallocarray(d->dfs, d->ndfs + 1,
		    sizeof(*d->dfs));
		d->dfs[d->ndfs++] = f;
	}
	TL_FOREACH_FILE(f, repo, TL_FILE_PROCFILE)
		if (d->procfile == NULL && !tl_file_not_deployed(repo, f))
			d->procfile = f;
}

static void
deploys_release(struct deploys *d)
{
	size_t	 i;

	for (i = 0; i < d->nfns; i++)
		free(d->fns[i].dir);
	for (i = 0; i < d->ncfns; i++)
		tl_cfn_release(&d->cfns[i]);
	free(d->fns);
	free(d->cfns);
	free(d->dfs);
	memset(d, 0, sizeof(*d));
}

/* Is path in dir or below it ("" holds everything)? */
static int
path_under(const char *path, const char *dir)
{
	size_t	 n = strlen(dir);

	return n == 0 || (strncmp(path, dir, n) == 0 && path[n] == '/');
}

/*
 * Does a directory hold source files?  A Dockerfile beside its own code
 * builds that code; one in a directory without any (docker/, deploy/)
 * builds from a context elsewhere, maybe the root.
 */
static int
holds_source(const struct tl_repo *repo, const char *dir)
{
	const struct tl_file	*f;

	TL_FOREACH_FILE(f, repo, TL_FILE_SOURCE)
		if (path_under(f->path, dir))
			return 1;
	return 0;
}

static void
fn_why(struct tl_buf *why, const struct zip_fn *z)
{
	const char	*rt = tl_ystr(tl_cfn_prop(z->r, "Runtime"));

	tl_buf_addf(why, "function '%s' (%s) has no Layers and the %s "
	    "runtime does not ship it", z->r->name, z->tpl->path,
	    rt != NULL ? rt : "Lambda");
}

/*
 * Does the tool a source file runs go undeclared where the file runs?
 * The place is, in this order: the .zip Lambda functions whose CodeUri
 * holds the file; the Dockerfiles in the file's directory or above it,
 * else those in directories without source of their own (docker/,
 * deploy/: they build from a context elsewhere); the template's other
 * .zip functions; a Procfile's buildpack stack.  why gets the detail.
 */
static int
undeclared(const struct deploys *d, const struct tl_repo *repo,
    const struct tl_file *f, const struct sys_tool *t, const char *prog,
    struct tl_buf *why)
{
	const struct zip_fn	*first = NULL;
	struct tl_buf		 tmp = TL_BUF_INIT;
	char			*dir;
	size_t			 i, ncand = 0, pass;
	int			 near = 0, yes = 0;

	for (i = 0; i < d->nfns; i++) {
		if (d->fns[i].dir == NULL || !path_under(f->path,
		    d->fns[i].dir))
			continue;
		if (d->fns[i].layers)
			return 0;
		if (first == NULL)
			first = &d->fns[i];
	}
	if (first != NULL) {
		if (word_in(TOOLS_LAMBDA, prog))
			return 0;
		fn_why(why, first);
		return 1;
	}
	for (i = 0; i < d->ndfs && !near; i++) {
		dir = tl_path_dir(d->dfs[i]->path);
		near = path_under(f->path, dir);
		free(dir);
	}
	for (pass = 0; pass < d->ndfs && !yes; pass++) {
		dir = tl_path_dir(d->dfs[pass]->path);
		if (near ? path_under(f->path, dir) :
		    !holds_source(repo, dir)) {
			tl_buf_clear(&tmp);
			yes = df_declares(repo, d->dfs[pass], t, prog, &tmp);
			if (ncand++ == 0)
				tl_buf_addf(why, "nothing installs it (%s",
				    tl_buf_str(&tmp));
		}
		free(dir);
	}
	tl_buf_release(&tmp);
	if (yes)
		return 0;
	if (ncand > 0) {
		if (ncand > 1)
			tl_buf_addf(why, "; %zu more Dockerfiles checked",
			    ncand - 1);
		tl_buf_addc(why, ')');
		return 1;
	}
	for (i = 0; i < d->nfns; i++)
		if (d->fns[i].layers)
			return 0;
	if (d->nfns > 0) {
		if (word_in(TOOLS_LAMBDA, prog))
			return 0;
		fn_why(why, &d->fns[0]);
		return 1;
	}
	if (d->procfile != NULL && !word_in(TOOLS_STACK, prog)) {
		tl_buf_addf(why, "no Aptfile, buildpack or Dockerfile "
		    "provides it (%s: the app runs on a buildpack stack)",
		    d->procfile->path);
		return 1;
	}
	return 0;
}

static int	tf0208_check(struct tl_check *);

static const struct tl_rule tf0208 = {
	.id = "TF0208",
	.name = "undeclared-system-tool",
	.factor = TL_FACTOR_DEPENDENCIES,
	.severity = TL_SEV_WARNING,
	.needs = TL_NEED(TL_FILE_SOURCE),
	.summary = "code runs a system tool nothing declares",
	.rationale =
	    "A twelve-factor app never relies on the implicit existence of "
	    "system tools: if it shells out to ImageMagick or ffmpeg, the "
	    "tool is a dependency like any library and must be put in the "
	    "image by the build. Code that runs a tool the image lacks "
	    "works on the developer's laptop and fails in production. "
	    "Checked: application source (not tests, vendored trees, docs, "
	    "examples, nor build and developer tooling such as scripts/, "
	    "tools/, hack/, ci/, setup.py, tasks.py, *.config.js) that runs "
	    "a program named by a string literal: Python subprocess.run/"
	    "call/check_output/Popen, os.system, os.popen, os.exec*p, "
	    "asyncio.create_subprocess_*; Node child_process exec/spawn/"
	    "execFile (and their Sync forms), execa, Bun.spawn; Go exec."
	    "Command(Context); Ruby system/exec/spawn, Open3, IO.popen, "
	    "backquotes and %x(); Java/Kotlin ProcessBuilder and Runtime."
	    "exec; PHP exec, shell_exec, system, passthru, proc_open, popen, "
	    "backquotes and Symfony Process; C# Process.Start and "
	    "ProcessStartInfo; Rust Command::new. Command lines are split as "
	    "a shell does, so sh -c bodies, sudo, env and timeout are seen "
	    "through. Only the programs of a table of tools that many "
	    "images lack are reported (ffmpeg, ImageMagick, Ghostscript, poppler, wkhtmltopdf, "
	    "LibreOffice, pandoc, tesseract, exiftool, Chromium, database "
	    "clients, java, the AWS CLI, git, curl, wget, zip, unzip, ssh, "
	    "rsync …); sh, tar, grep, python and other programs every image "
	    "has are never reported. Where the code runs decides what "
	    "declares the tool: for a .zip Lambda function whose CodeUri "
	    "holds the file, any Layers (which cannot be looked into); for "
	    "the Dockerfiles of the file's directory or above (else those "
	    "in a directory without code of its own, such as docker/, which "
	    "build from a context elsewhere), an install of a package that provides it (apt-get, apk, "
	    "yum/dnf/microdnf, zypper), a COPY, ADD or RUN that names it in "
	    "the final stage or the stages it is built FROM, a repository "
	    "script a RUN runs that does so, or a base image that ships it: "
	    "one named for it (jrottenberg/ffmpeg, a *imagemagick* image), "
	    "the full (buildpack-deps) tags of python, node and ruby (curl, "
	    "wget, git, ssh, unzip, ImageMagick) and golang (curl, wget, "
	    "git, ssh), busybox's wget and unzip on Alpine, curl on Amazon "
	    "Linux, Lambda and UBI images, or any base image it does not "
	    "know (a company image may ship anything); -slim, Debian, "
	    "Ubuntu, distroless and .NET images ship none. Without a "
	    "Dockerfile, a Procfile app is taken to run on a buildpack "
	    "stack, which has the common tools, ImageMagick, Ghostscript, "
	    "poppler and the database clients, so only the others are "
	    "reported; a repository that deploys nothing (a library) is "
	    "not checked. Everywhere, a manifest dependency that vendors "
	    "the binary (npm ffmpeg-static, @ffmpeg-installer/ffmpeg, "
	    "puppeteer, @sparticuz/chromium; pip imageio-ffmpeg, "
	    "pypandoc-binary, awscli) or a package list naming it "
	    "(Aptfile, apt.txt, Brewfile, Nix files, .buildpacks, app.json, "
	    ".ebextensions) declares it; wrapper gems and packages "
	    "(mini_magick, ffmpeg-python, fluent-ffmpeg) do not. Not "
	    "reported: program names held in variables, calls whose file "
	    "looks the tool up first (shutil.which, exec.LookPath, which, "
	    "command -v: the tool is optional there), and java run from "
	    "Java or Kotlin. One finding per tool and file, at its first "
	    "call.",
	.fix =
	    "Install the tool in the image that runs the code, pinned "
	    "(RUN apt-get install -y --no-install-recommends "
	    "ffmpeg=7:5.1.6-0+deb12u1, apk add imagemagick=7.1.1.32-r0), "
	    "copy a static build from a pinned image (COPY --from="
	    "mwader/static-ffmpeg:7.1 /ffmpeg /usr/local/bin/), or depend "
	    "on a package that vendors it (ffmpeg-static, imageio-ffmpeg). "
	    "For Lambda, ship the binary in a Lambda layer you build and "
	    "version, or move to a container image function built in "
	    "CodeBuild and stored in Amazon ECR.",
	.see_also = NULL,
	.check = tf0208_check,
};

static int
tf0208_check(struct tl_check *c)
{
	const struct tl_file	*f;
	struct deploys		 d;
	struct tool_hits	 h;
	struct tl_buf		 why = TL_BUF_INIT;
	signed char		 repo_decl[TL_NELEM(sys_tools)];
	size_t			 i;
	int			 error = 0;

	deploys_collect(&d, c->repo);
	if (d.nfns == 0 && d.ndfs == 0 && d.procfile == NULL) {
		tl_not_applicable(c, "no Dockerfile, Lambda function or "
		    "Procfile says where the code runs");
		goto out;
	}
	memset(repo_decl, -1, sizeof repo_decl);
	TL_FOREACH_FILE(f, c->repo, TL_FILE_SOURCE) {
		if (f->data == NULL || tl_path_is_docs(f->path) ||
		    tooling_path(f) || tl_file_not_deployed(c->repo, f))
			continue;
		memset(&h, 0, sizeof h);
		h.lang = f->lang;
		scan_calls(f, &h);
		scan_backquotes(f, &h);
		scan_filename(f, &h);
		for (i = 0; i < TL_NELEM(sys_tools) && error == 0; i++) {
			if (h.line[i] == 0 || tool_guarded(f, h.prog[i]))
				continue;
			if (repo_decl[i] < 0)
				repo_decl[i] = (signed char)repo_declares(
				    c->repo, &sys_tools[i]);
			if (repo_decl[i])
				continue;
			tl_buf_clear(&why);
			if (undeclared(&d, c->repo, f, &sys_tools[i],
			    h.prog[i], &why))
				error = tl_report(c, f, h.line[i], 0,
				    h.prog[i], "runs '%s' but %s", h.prog[i],
				    tl_buf_str(&why));
		}
		if (error != 0)
			break;
	}
out:
	tl_buf_release(&why);
	deploys_release(&d);
	return error;
}

/* ------------------------------------------------------------- TF0209 */

/*
 * The directories that hold installed third-party trees.  check says
 * what, below the root, shows the tree was installed there rather than
 * being a source directory of that name (NULL: the name suffices).
 */
struct vendored_tree {
	const char	*dir;
	const char	*what;
};

static const struct vendored_tree vendored_trees[] = {
	{ "node_modules", "npm packages" },
	{ "bower_components", "Bower packages" },
	{ "site-packages", "Python packages" },
	{ "venv", "a Python virtual environment" },
	{ ".venv", "a Python virtual environment" },
	{ "bundle", "installed gems" },		/* vendor/bundle */
};

/*
 * Where in path the first installed tree starts, and its length (the
 * root directory, without the slash); -1 when there is none.
 */
static int
vendored_root(const char *path, size_t *len)
{
	const char	*p, *e;
	size_t		 i, n;

	for (p = path; (e = strchr(p, '/')) != NULL; p = e + 1) {
		n = (size_t)(e - p);
		for (i = 0; i < TL_NELEM(vendored_trees); i++) {
			if (strlen(vendored_trees[i].dir) != n ||
			    strncmp(p, vendored_trees[i].dir, n) != 0)
				continue;
			/* Bundler's install path is vendor/bundle only. */
			if (i == 5 && (p - path < 7 ||
			    strncmp(p - 7, "vendor/", 7) != 0 ||
			    (p - path > 7 && p[-8] != '/')))
				continue;
			*len = (size_t)(e - path);
			return (int)i;
		}
	}
	return -1;
}

/*
 * Does the rest of a path below a root show an installed tree?
 * node_modules: a package's package.json one level (or @scope/x) down,
 * or npm's .bin / .package-lock.json; a virtual environment: pyvenv.cfg,
 * bin/activate, a site-packages; bower, site-packages, vendor/bundle:
 * always.
 */
static int
vendored_evidence(int kind, const char *rest)
{
	const char	*s;

	switch (kind) {
	case 0:
		if (strncmp(rest, ".bin/", 5) == 0 ||
		    strcmp(rest, ".package-lock.json") == 0 ||
		    strcmp(rest, ".yarn-integrity") == 0)
			return 1;
		s = rest;
		if (*s == '@' && (s = strchr(s, '/')) != NULL)
			s++;
		return s != NULL && (s = strchr(s, '/')) != NULL &&
		    strcmp(s + 1, "package.json") == 0;
	case 3:
	case 4:
		return strcmp(rest, "pyvenv.cfg") == 0 ||
		    strncmp(rest, "bin/activate", 12) == 0 ||
		    strstr(rest, "site-packages/") != NULL;
	default:
		return 1;
	}
}

static int	tf0209_check(struct tl_check *);

static const struct tl_rule tf0209 = {
	.id = "TF0209",
	.name = "vendored-dependency-tree",
	.factor = TL_FACTOR_DEPENDENCIES,
	.severity = TL_SEV_WARNING,
	.needs = TL_NEED_GIT,
	.summary = "installed dependency tree tracked in git",
	.rationale =
	    "Dependencies are declared in a manifest and installed by the "
	    "build, isolated from the code; an installed tree committed to "
	    "the repository bypasses the declaration, carries binaries built "
	    "for one platform, and hides which versions run. Reported once "
	    "per tree, counting its files tracked in git (not test "
	    "fixtures): node_modules/ when it holds an installed package "
	    "(a package.json one level down, .bin/ or .package-lock.json), "
	    "bower_components/, site-packages/, vendor/bundle/ (Bundler's "
	    "install path), and venv/ or .venv/ when it is a virtual "
	    "environment (pyvenv.cfg, bin/activate, site-packages). Go's "
	    "vendor/ directory is Go's supported, checksummed vendoring "
	    "(go mod vendor, verified against go.sum) and is not reported; "
	    "nor are PHP's or other vendor/ directories, which also hold "
	    "hand-kept third-party code.",
	.fix =
	    "Remove the tree from git (git rm -r --cached node_modules), add "
	    "it to .gitignore, and let the build install it from the "
	    "manifest and lock file (npm ci, pip install -r, bundle install) "
	    "in CodeBuild or in the Dockerfile's build stage.",
	.see_also = NULL,
	.check = tf0209_check,
};

static int
tf0209_check(struct tl_check *c)
{
	const struct tl_file	*f, *first = NULL;
	char			*root = NULL;
	size_t			 i, len, count = 0;
	int			 kind, rkind = 0, evidence = 0, error = 0;

	/* Files are sorted by path: a tree's files are consecutive. */
	for (i = 0; i <= c->repo->nfiles && error == 0; i++) {
		f = i < c->repo->nfiles ? c->repo->files[i] : NULL;
		if (f != NULL && root != NULL &&
		    strncmp(f->path, root, strlen(root)) == 0 &&
		    f->path[strlen(root)] == '/') {
			if (f->tracked && !f->test) {
				count++;
				if (first == NULL)
					first = f;
				if (!evidence)
					evidence = vendored_evidence(rkind,
					    f->path + strlen(root) + 1);
			}
			continue;
		}
		if (root != NULL && count > 0 && evidence)
			error = tl_report(c, first, 0, 0, root,
			    "%s/ is tracked in git: %zu file%s of %s "
			    "installed into the repository", root, count,
			    count == 1 ? "" : "s",
			    vendored_trees[rkind].what);
		free(root);
		root = NULL;
		if (f == NULL || (kind = vendored_root(f->path, &len)) < 0)
			continue;
		root = tl_printf("%.*s", (int)len, f->path);
		rkind = kind;
		count = 0;
		first = NULL;
		evidence = 0;
		i--;	/* count this file as one of the tree's */
	}
	free(root);
	return error;
}

/* ------------------------------------------------------------- TF0210 */

/* Is a go.mod module replaced by a local directory (not in go.sum)? */
static int
go_replaced_locally(const struct tl_manifest *m, const char *name)
{
	size_t	 i;

	for (i = 0; i < m->ndeps; i++)
		if (m->deps[i].replace && m->deps[i].path != NULL &&
		    strcmp(m->deps[i].name, name) == 0)
			return 1;
	return 0;
}

/*
 * Does a Gemfile.lock name the gem in its DEPENDENCIES section?  Gems
 * for other platforms (tzinfo-data on Windows) are listed there but not
 * among the specs the lock parser returns.
 */
static int
gemlock_depends(const struct tl_file *l, const char *name)
{
	const char	*p, *e;
	size_t		 n = strlen(name);

	if ((p = strstr(l->data, "\nDEPENDENCIES\n")) == NULL)
		return 0;
	for (p += 14; *p == ' '; p = e + 1) {
		if ((e = strchr(p, '\n')) == NULL)
			e = p + strlen(p);
		while (*p == ' ')
			p++;
		if ((size_t)(e - p) >= n && strncmp(p, name, n) == 0 &&
		    (p + n == e || strchr(" !(", p[n]) != NULL))
			return 1;
		if (*e == '\0')
			break;
	}
	return 0;
}

static int	tf0210_check(struct tl_check *);

static const struct tl_rule tf0210 = {
	.id = "TF0210",
	.name = "lock-file-out-of-step",
	.factor = TL_FACTOR_DEPENDENCIES,
	.severity = TL_SEV_WARNING,
	.needs = TL_NEED(TL_FILE_LOCKFILE),
	.summary = "lock file out of step with its manifest",
	.rationale =
	    "A lock file isolates the build only while it matches the "
	    "manifest: a dependency added to the manifest but not to the "
	    "lock makes a frozen install (npm ci, bundle install --frozen, "
	    "pipenv sync, poetry install) fail, or an unfrozen one resolve "
	    "it afresh at build time, so builds of one commit differ. For "
	    "each manifest with a lock of its ecosystem in the same "
	    "directory (package.json with package-lock.json, yarn.lock, "
	    "pnpm-lock.yaml or bun.lock; Pipfile with Pipfile.lock; "
	    "pyproject.toml with poetry.lock, uv.lock or pdm.lock; Gemfile, "
	    "composer.json, Cargo.toml, go.mod with go.sum), every runtime "
	    "and development dependency must be named in one of those "
	    "locks (names compared as the ecosystem does). Not checked: "
	    "local path and workspace dependencies, optional and peer "
	    "dependencies, go.mod modules replaced by a local directory, "
	    "locks in a parent directory (workspaces key their packages "
	    "in ways a light reading cannot be sure of), and locks that "
	    "could not be read or list nothing (bun.lockb).",
	.fix =
	    "Regenerate the lock from the manifest (npm install, yarn, pnpm "
	    "install, pipenv lock, poetry lock, uv lock, bundle install, "
	    "composer update --lock, cargo update -w, go mod tidy), commit "
	    "both together, and install in CodeBuild with the frozen form "
	    "(npm ci, yarn --immutable, pnpm install --frozen-lockfile, "
	    "bundle install --frozen) so a stale lock fails the build.",
	.see_also = NULL,
	.check = tf0210_check,
};

static int
tf0210_check(struct tl_check *c)
{
	const struct tl_file	*f, *l;
	const struct tl_file	*locks[8];
	const struct tl_dep	*d, *first;
	struct tl_buf		 list, names;
	char			*dir, *ldir;
	size_t			 i, k, nlocks, n;
	int			 error = 0, unknown, found;

	tl_buf_init(&list);
	tl_buf_init(&names);
	TL_FOREACH_FILE(f, c->repo, TL_FILE_MANIFEST) {
		if (f->manifest == NULL || f->manifest->ndeps == 0)
			continue;
		dir = tl_path_dir(f->path);
		nlocks = 0;
		unknown = 0;
		for (i = 0; i < c->repo->nfiles; i++) {
			l = c->repo->files[i];
			if (l->kind != TL_FILE_LOCKFILE ||
			    !tl_manifest_lock_matches(
			    (enum tl_manifest_type)f->subtype,
			    (enum tl_manifest_type)l->subtype))
				continue;
			ldir = tl_path_dir(l->path);
			if (strcmp(ldir, dir) == 0) {
				if (!l->loaded || l->broken ||
				    l->manifest == NULL ||
				    l->manifest->ndeps == 0 ||
				    nlocks == TL_NELEM(locks))
					unknown = 1;
				else
					locks[nlocks++] = l;
			}
			free(ldir);
		}
		free(dir);
		if (unknown || nlocks == 0)
			continue;
		tl_buf_clear(&list);
		tl_buf_clear(&names);
		first = NULL;
		n = 0;
		for (i = 0; i < f->manifest->ndeps; i++) {
			d = &f->manifest->deps[i];
			if (d->pin == TL_PIN_LOCAL || d->optional || d->peer ||
			    d->replace || *d->name == '\0')
				continue;
			if (f->subtype == TL_MF_GO_MOD &&
			    go_replaced_locally(f->manifest, d->name))
				continue;
			for (k = 0, found = 0; k < nlocks && !found; k++)
				found = tl_manifest_find(locks[k]->manifest,
				    d->name) != NULL ||
				    (locks[k]->subtype == TL_MF_GEMFILE_LOCK &&
				    gemlock_depends(locks[k], d->name));
			if (found)
				continue;
			if (n == 0)
				first = d;
			if (n < 4)
				tl_buf_addf(&list, "%s'%s'", n > 0 ? ", " : "",
				    d->name);
			n++;
		}
		if (first == NULL)
			continue;
		for (k = 0; k < nlocks; k++)
			tl_buf_addf(&names, "%s%s", k > 0 ? ", " : "",
			    locks[k]->path);
		error = tl_report(c, f, first->line, 0, first->name,
		    "%zu dependenc%s of %s missing from %s: %s%s: the lock "
		    "was not regenerated after the manifest changed", n,
		    n == 1 ? "y" : "ies", f->path, tl_buf_str(&names),
		    tl_buf_str(&list), n > 4 ? " …" : "");
		if (error != 0)
			break;
	}
	tl_buf_release(&list);
	tl_buf_release(&names);
	return error;
}

/* ------------------------------------------------------------- TF0211 */

/*
 * Install commands that can resolve other versions than the committed
 * lock: the tool, the subcommands (a "-" entry: the tool run with none),
 * whether naming packages makes it another command (npm install pkg adds
 * a package: TF0205), whether it rewrites the lock (npm update), the
 * options that take a value, the options and variables (when true) that
 * keep to the lock, the lock, and what to run.
 */
static const struct lock_use {
	const char		*tool;
	const char		*subs;
	int			 bare;
	int			 relock;
	const char		*argopts;
	const char		*ok;
	const char		*env;
	enum tl_manifest_type	 lock;
	const char		*instead;
} lock_uses[] = {
	{ "npm", "install i in", 1, 0, "--prefix --registry --cache --loglevel "
	  "--omit --include --workspace -w --userconfig",
	  "--package-lock-only", NULL, TL_MF_PACKAGE_LOCK, "npm ci" },
	{ "npm", "update up upgrade", 0, 1, NULL, NULL, NULL,
	  TL_MF_PACKAGE_LOCK, "npm ci" },
	{ "yarn", "- install", 1, 0, "--cwd --modules-folder --cache-folder "
	  "--network-timeout --mutex --registry",
	  "--frozen-lockfile --immutable", "YARN_ENABLE_IMMUTABLE_INSTALLS "
	  "YARN_FROZEN_LOCKFILE", TL_MF_YARN_LOCK,
	  "yarn install --frozen-lockfile (Yarn 1) or --immutable" },
	{ "yarn", "upgrade up", 0, 1, NULL, NULL, NULL, TL_MF_YARN_LOCK,
	  "yarn install --frozen-lockfile (Yarn 1) or --immutable" },
	{ "pnpm", "install i", 1, 0, "--dir -C --filter -F --registry "
	  "--store-dir --reporter", "--frozen-lockfile --offline",
	  "PNPM_FROZEN_LOCKFILE", TL_MF_PNPM_LOCK,
	  "pnpm install --frozen-lockfile" },
	{ "pnpm", "update up upgrade", 0, 1, NULL, NULL, NULL, TL_MF_PNPM_LOCK,
	  "pnpm install --frozen-lockfile" },
	{ "bun", "install i", 1, 0, "--cwd --registry --backend",
	  "--frozen-lockfile", NULL, TL_MF_BUN_LOCK,
	  "bun install --frozen-lockfile" },
	{ "bundle", "- install", 0, 0, "--jobs -j --retry --path --without "
	  "--with --gemfile --binstubs --standalone",
	  "--frozen --deployment", "BUNDLE_FROZEN BUNDLE_DEPLOYMENT",
	  TL_MF_GEMFILE_LOCK, "bundle install with BUNDLE_DEPLOYMENT=1 "
	  "or --frozen" },
	{ "bundle", "update", 0, 1, NULL, NULL, NULL, TL_MF_GEMFILE_LOCK,
	  "bundle install with BUNDLE_DEPLOYMENT=1" },
	{ "composer", "update u upgrade", 0, 1, NULL, NULL, NULL,
	  TL_MF_COMPOSER_LOCK, "composer install" },
	{ "pipenv", "install", 1, 0, "--python --pypi-mirror --categories",
	  "--deploy --ignore-pipfile", "PIPENV_DEPLOY", TL_MF_PIPFILE_LOCK,
	  "pipenv install --deploy (or pipenv sync)" },
	{ "pipenv", "update", 0, 1, NULL, NULL, NULL, TL_MF_PIPFILE_LOCK,
	  "pipenv sync" },
	{ "poetry", "update", 0, 1, NULL, NULL, NULL, TL_MF_POETRY_LOCK,
	  "poetry install" },
	{ "poetry", "lock", 0, 1, NULL, "--check --no-update", NULL,
	  TL_MF_POETRY_LOCK, "poetry install" },
	{ "uv", "sync", 0, 0, "--python -p --project --directory --extra "
	  "--group --package --index --index-url --extra-index-url",
	  "--locked --frozen", "UV_LOCKED UV_FROZEN", TL_MF_UV_LOCK,
	  "uv sync --locked" },
	{ "uv", "lock", 0, 1, NULL, "--locked --check --check-exists", NULL,
	  TL_MF_UV_LOCK, "uv sync --locked" },
};

/*
 * What one sequence of commands has set up so far: bundle config frozen
 * or deployment, and files a command generated (requirements exported
 * from a lock are not the committed file).
 */
struct lock_ctx {
	struct tl_check		*c;
	const struct tl_file	*file;
	char			*dir;		/* owned: build file's dir */
	const char		*what;		/* "RUN", "buildspec phase" */
	const struct tl_dockerfile *df;		/* borrowed, or NULL */
	size_t			 stage, at;	/* the instruction */
	int			 bundle_frozen;
	struct tl_vec		 made;		/* char * owned: names */
};

/* The value of a variable for a command: NAME=v before it, ENV, env. */
static const char *
lock_env(const struct lock_ctx *lc, const struct tl_sh_cmd *cmd,
    const char *name)
{
	size_t	 i, n = strlen(name);

	for (i = 0; i < cmd->nassigns; i++)
		if (strncmp(cmd->assigns[i], name, n) == 0 &&
		    cmd->assigns[i][n] == '=')
			return cmd->assigns[i] + n + 1;
	if (lc->df != NULL)
		return df_env(lc->df, lc->stage, lc->at, name);
	if (lc->file->kind == TL_FILE_BUILDSPEC)
		return buildspec_env(lc->file, name);
	return NULL;
}

/* Does one of the blank-separated variables of list hold true? */
static int
lock_env_true(const struct lock_ctx *lc, const struct tl_sh_cmd *cmd,
    const char *list)
{
	char	 name[64];
	size_t	 n;

	if (list == NULL)
		return 0;
	while (*list != '\0') {
		n = strcspn(list, " ");
		if (n < sizeof(name)) {
			memcpy(name, list, n);
			name[n] = '\0';
			if (is_truthy(lock_env(lc, cmd, name)))
				return 1;
		}
		list += n;
		while (*list == ' ')
			list++;
	}
	return 0;
}

/*
 * A requirements file of the repository that a path in a build names:
 * for the longest tail of the path that ends a repository path, the
 * file closest to the build file.  NULL when there is none.
 */
static const struct tl_file *
find_requirements(const struct tl_repo *repo, const char *dir,
    const char *arg)
{
	const struct tl_file	*f, *best;
	const char		*t;
	size_t			 i, n, m;
	long			 r, bestr;

	while (strncmp(arg, "./", 2) == 0)
		arg += 2;
	for (t = arg; t != NULL && *t != '\0'; t = strchr(t, '/') != NULL ?
	    strchr(t, '/') + 1 : NULL) {
		best = NULL;
		bestr = -1;
		n = strlen(t);
		for (i = 0; i < repo->nfiles; i++) {
			f = repo->files[i];
			if (f->kind != TL_FILE_MANIFEST ||
			    f->subtype != TL_MF_REQUIREMENTS || !f->loaded ||
			    f->test || f->vendored || f->manifest == NULL)
				continue;
			m = strlen(f->path);
			if (m < n || strcmp(f->path + m - n, t) != 0 ||
			    (m > n && f->path[m - n - 1] != '/') ||
			    (r = closeness(dir, f->path)) < 0)
				continue;
			if (best == NULL || r < bestr) {
				best = f;
				bestr = r;
			}
		}
		if (best != NULL)
			return best;
	}
	return NULL;
}

/*
 * Requirements of a file (and, one level down, the files it includes
 * with -r) that are not pinned to one version: their names into b, how
 * many as the result.  A file that includes constraints (-c) is taken
 * as locked.
 */
static size_t
requirements_loose(const struct tl_repo *repo, const struct tl_file *f,
    struct tl_buf *b, int depth)
{
	const struct tl_file	*inc;
	char			*dir, *path;
	size_t			 i, n = 0;

	for (i = 0; i < f->manifest->nincludes; i++)
		if (f->manifest->includes[i].constraint)
			return 0;
	for (i = 0; i < f->manifest->ndeps; i++) {
		if (f->manifest->deps[i].pinned)
			continue;
		if (n++ < 3)
			tl_buf_addf(b, "%s%s:%u %s", b->len > 0 ? ", " : "",
			    f->path, f->manifest->deps[i].line,
			    f->manifest->deps[i].name);
	}
	dir = tl_path_dir(f->path);
	for (i = 0; depth == 0 && i < f->manifest->nincludes; i++) {
		path = dir[0] != '\0' ? tl_printf("%s/%s", dir,
		    f->manifest->includes[i].path) :
		    tl_strdup(f->manifest->includes[i].path);
		inc = tl_repo_file(repo, path);
		if (inc != NULL && inc->manifest != NULL &&
		    inc->subtype == TL_MF_REQUIREMENTS)
			n += requirements_loose(repo, inc, b, 1);
		free(path);
	}
	free(dir);
	return n;
}

static int
made_before(const struct lock_ctx *lc, const char *name)
{
	size_t	 i;

	for (i = 0; i < lc->made.len; i++)
		if (strcmp(lc->made.items[i], name) == 0)
			return 1;
	return 0;
}

static int
lock_report(struct lock_ctx *lc, const struct tl_sh_cmd *cmd,
    const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static int
lock_report(struct lock_ctx *lc, const struct tl_sh_cmd *cmd,
    const char *fmt, ...)
{
	struct tl_buf	 b = TL_BUF_INIT;
	va_list		 ap;
	char		*text;
	int		 error;

	va_start(ap, fmt);
	tl_buf_vaddf(&b, fmt, ap);
	va_end(ap);
	text = tl_str_fold(cmd->text, strlen(cmd->text));
	error = tl_report(lc->c, lc->file, cmd->line, 0, text, "%s runs "
	    "'%.60s%s': %s", lc->what, text, strlen(text) > 60 ? "..." : "",
	    tl_buf_str(&b));
	free(text);
	tl_buf_release(&b);
	return error;
}

/* pip install -r FILE of loose requirements, or pip install . past a lock. */
static int
lock_pip(struct lock_ctx *lc, const struct tl_sh_cmd *cmd, size_t next)
{
	static const enum tl_manifest_type py_locks[] = {
		TL_MF_POETRY_LOCK, TL_MF_UV_LOCK, TL_MF_PDM_LOCK
	};
	const struct tl_file	*req, *lock;
	struct tl_buf		 names = TL_BUF_INIT;
	struct words		 ws;
	const char		*a, *v;
	size_t			 i, k, n;
	int			 error = 0;

	words_init(&ws, cmd, next, PIP_ARGOPTS);
	if ((a = words_next(&ws)) == NULL || strcmp(a, "install") != 0 ||
	    has_opt(cmd, next, "-c --constraint --require-hashes", NULL))
		return 0;
	for (i = next; i < cmd->argc && error == 0; i++) {
		a = cmd->argv[i];
		if (strcmp(a, "-r") == 0 || strcmp(a, "--requirement") == 0)
			v = i + 1 < cmd->argc ? cmd->argv[++i] : "";
		else if (strncmp(a, "--requirement=", 14) == 0)
			v = a + 14;
		else if (strncmp(a, "-r", 2) == 0 && a[2] != '\0')
			v = a + 2;
		else
			continue;
		if (is_unknown(v) || made_before(lc, base_name(v)) ||
		    (req = find_requirements(lc->c->repo, lc->dir,
		    v)) == NULL)
			continue;
		tl_buf_clear(&names);
		if ((n = requirements_loose(lc->c->repo, req, &names, 0)) == 0)
			continue;
		error = lock_report(lc, cmd, "%zu requirement%s installed "
		    "from %s %s no single version (%s%s): the build resolves "
		    "%s anew; install a compiled lock with --require-hashes",
		    n, n == 1 ? "" : "s", req->path, n == 1 ? "has" : "have",
		    tl_buf_str(&names), n > 3 ? ", ..." : "",
		    n == 1 ? "it" : "them");
	}
	tl_buf_release(&names);
	if (error != 0)
		return error;
	/* pip install . / -e . of a project that a tool locks. */
	for (i = next; i < cmd->argc; i++) {
		a = cmd->argv[i];
		if (strcmp(a, ".") != 0 && strcmp(a, "./") != 0)
			continue;
		for (k = 0; k < TL_NELEM(py_locks); k++)
			if ((lock = lock_near(lc->c->repo, lc->dir,
			    py_locks[k])) != NULL)
				return lock_report(lc, cmd, "%s is committed, "
				    "but pip installs the project from its "
				    "declared ranges and ignores the lock; "
				    "install the exported lock or use the "
				    "tool's locked install", lock->path);
	}
	return 0;
}

/* Check one command against the lock-using installs. */
static int
lock_cmd(struct lock_ctx *lc, const struct tl_sh_cmd *cmd)
{
	const struct lock_use	*lu;
	const struct tl_file	*lock;
	struct words		 ws;
	const char		*tool, *sub, *w;
	size_t			 i, next;

	if ((tool = tool_of(cmd, &next)) == NULL)
		return 0;
	if (strcmp(tool, "pip") == 0)
		return lock_pip(lc, cmd, next);
	/* bundle config [set] [--local] frozen|deployment true */
	if (strcmp(tool, "bundle") == 0 && next < cmd->argc &&
	    strcmp(cmd->argv[next], "config") == 0) {
		for (i = next + 1; i < cmd->argc; i++)
			if (strcmp(cmd->argv[i], "frozen") == 0 ||
			    strcmp(cmd->argv[i], "deployment") == 0)
				lc->bundle_frozen = i + 1 < cmd->argc &&
				    is_truthy(cmd->argv[i + 1]);
		return 0;
	}
	for (i = 0; i < TL_NELEM(lock_uses); i++) {
		lu = &lock_uses[i];
		if (strcmp(tool, lu->tool) != 0)
			continue;
		words_init(&ws, cmd, next, lu->argopts);
		sub = words_next(&ws);
		if (!word_in(lu->subs, sub != NULL ? sub : "-"))
			continue;
		if (lu->bare && sub != NULL && (w = words_next(&ws)) != NULL)
			return 0;
		if ((lu->ok != NULL && has_opt(cmd, next, lu->ok, NULL)) ||
		    lock_env_true(lc, cmd, lu->env) ||
		    (lu->lock == TL_MF_GEMFILE_LOCK && lc->bundle_frozen))
			return 0;
		if ((lock = lock_near(lc->c->repo, lc->dir, lu->lock)) == NULL)
			return 0;
		if (lu->relock)
			return lock_report(lc, cmd, "%s is committed, and this "
			    "resolves the dependencies anew and rewrites it; "
			    "update locks outside the build and use %s",
			    lock->path, lu->instead);
		return lock_report(lc, cmd, "%s is committed, but this install "
		    "can resolve versions the lock does not hold; use %s",
		    lock->path, lu->instead);
	}
	return 0;
}

/* Remember what a command writes: "> requirements.txt", "-o FILE". */
static void
lock_note(struct lock_ctx *lc, const struct tl_sh_cmd *cmd)
{
	const char	*v;

	if (cmd->redirect != NULL)
		tl_vec_push(&lc->made, tl_strdup(base_name(cmd->redirect)));
	if (cmd->argc > 0 && has_opt(cmd, 1, "-o --output --output-file",
	    &v) && *v != '\0')
		tl_vec_push(&lc->made, tl_strdup(base_name(v)));
}

static int
lock_script(struct lock_ctx *lc, const struct tl_script *sc)
{
	size_t	 j;
	int	 error = 0;

	for (j = 0; j < sc->ncmds && error == 0; j++) {
		error = lock_cmd(lc, &sc->cmds[j]);
		lock_note(lc, &sc->cmds[j]);
	}
	return error;
}

static void
lock_ctx_reset(struct lock_ctx *lc)
{
	tl_vec_release(&lc->made, free);
	lc->bundle_frozen = 0;
}

static int	tf0211_check(struct tl_check *);

static const struct tl_rule tf0211 = {
	.id = "TF0211",
	.name = "install-ignores-lock",
	.factor = TL_FACTOR_DEPENDENCIES,
	.severity = TL_SEV_INFO,
	.needs = TL_NEED(TL_FILE_DOCKERFILE) | TL_NEED(TL_FILE_BUILDSPEC),
	.summary = "dependencies installed without the lock",
	.rationale =
	    "A committed lock file is only worth something when the build "
	    "installs exactly what it holds; an install that may resolve "
	    "afresh builds a different dependency tree than the one "
	    "tested, so the same commit gives different images. Reported, "
	    "in Dockerfile RUN instructions (every stage) and buildspec "
	    "phase commands, when the lock is committed in the build file's "
	    "directory, below it or above it: npm install with no package "
	    "named (npm ci keeps to package-lock.json), yarn install "
	    "without --frozen-lockfile or --immutable, pnpm install without "
	    "--frozen-lockfile or --offline, bun install without "
	    "--frozen-lockfile, bundle install without --frozen, "
	    "--deployment, BUNDLE_FROZEN or BUNDLE_DEPLOYMENT (ENV, ARG, "
	    "buildspec env or bundle config), pipenv install without "
	    "--deploy, uv sync without --locked or --frozen, and the "
	    "commands that rewrite a lock (npm update, yarn upgrade, bundle "
	    "update, composer update, poetry update or lock, uv lock). "
	    "pip install -r FILE is reported when FILE, a requirements file "
	    "of the repository, pins some requirement to no single version "
	    "and neither --require-hashes nor a constraints file is given "
	    "(a file the build generated first, poetry export > FILE, is "
	    "not the committed one); pip install . when poetry.lock, "
	    "uv.lock or pdm.lock is committed. Not reported: installs of "
	    "named packages (TF0205), manifests with no lock at all "
	    "(TF0202), and Dockerfiles named for development.",
	.fix =
	    "Install from the lock and fail when it is stale: npm ci, yarn "
	    "install --immutable (--frozen-lockfile on Yarn 1), pnpm "
	    "install --frozen-lockfile, bundle install with "
	    "BUNDLE_DEPLOYMENT=1, pipenv install --deploy, uv sync --locked, "
	    "pip install --require-hashes -r requirements.lock (compiled by "
	    "pip-compile --generate-hashes or uv pip compile). Update locks "
	    "in a pull request, not in the CodeBuild build.",
	.see_also = NULL,
	.check = tf0211_check,
};

static int
tf0211_buildspec_cmd(void *arg, const char *phase, const struct tl_script *sc)
{
	struct lock_ctx	*lc = arg;
	char		 what[96];

	(void)snprintf(what, sizeof(what), "buildspec phase '%.40s'", phase);
	lc->what = what;
	return lock_script(lc, sc);
}

static int
tf0211_check(struct tl_check *c)
{
	const struct tl_file	*f;
	const struct tl_dockerfile *df;
	const struct tl_df_instr *in;
	struct df_scripts	 ds;
	struct lock_ctx		 lc;
	size_t			 s, i, j;
	int			 error = 0;

	memset(&lc, 0, sizeof(lc));
	lc.c = c;
	TL_FOREACH_FILE(f, c->repo, TL_FILE_DOCKERFILE) {
		if ((df = f->docker) == NULL ||
		    tl_path_is_dev_artefact(f->path))
			continue;
		lc.file = f;
		lc.df = df;
		lc.dir = tl_path_dir(f->path);
		for (s = 0; s < df->nstages && error == 0; s++) {
			lock_ctx_reset(&lc);
			lc.stage = s;
			for (i = df->stages[s].first; i < df->stages[s].first +
			    df->stages[s].count && error == 0; i++) {
				in = &df->instrs[i];
				if (!df_runs_shell(in, 0))
					continue;
				lc.at = i;
				lc.what = strcmp(in->keyword, "RUN") == 0 ?
				    "RUN" : "ONBUILD RUN";
				df_scripts_parse(&ds, in);
				for (j = 0; j < ds.n && error == 0; j++)
					error = lock_script(&lc, ds.v[j]);
				df_scripts_release(&ds);
			}
		}
		free(lc.dir);
		lc.dir = NULL;
		if (error != 0)
			break;
	}
	lc.df = NULL;
	TL_FOREACH_FILE(f, c->repo, TL_FILE_BUILDSPEC) {
		if (error != 0 || tl_path_is_dev_artefact(f->path))
			continue;
		lock_ctx_reset(&lc);
		lc.file = f;
		lc.dir = tl_path_dir(f->path);
		error = buildspec_each(f, tf0211_buildspec_cmd, &lc);
		free(lc.dir);
		lc.dir = NULL;
	}
	lock_ctx_reset(&lc);
	return error;
}

/* ------------------------------------------------------------- TF0212 */

/*
 * Why a layer reference does not name one version of the layer, written
 * to why, or 0 when it does (or cannot be told).  s is a literal or the
 * string of a !Sub: "arn:aws:lambda:…:layer:name:12", with ${…} parts
 * opaque, or a dynamic reference "{{resolve:ssm:/path/latest}}".
 */
static int
layer_unpinned(const char *s, char *why, size_t whylen)
{
	const char	*p, *e, *colon, *seg;
	size_t		 depth;

	if ((p = strstr(s, "{{resolve:ssm:")) != NULL) {
		p += 14;
		if ((e = strstr(p, "}}")) == NULL)
			return 0;
		/* {{resolve:ssm:name:3}} pins the parameter's version. */
		for (colon = e; colon > p && isdigit((unsigned char)colon[-1]);
		    colon--)
			;
		if (colon < e && colon > p && colon[-1] == ':')
			return 0;
		for (seg = e; seg > p && seg[-1] != '/'; seg--)
			;
		if ((size_t)(e - seg) != 6 || strncasecmp(seg, "latest", 6))
			return 0;
		snprintf(why, whylen, "resolves the SSM parameter '%.*s', "
		    "which moves to each new layer version", (int)(e - p), p);
		return 1;
	}
	if ((p = strstr(s, ":layer:")) == NULL)
		return 0;
	p += 7;
	/* The last ':' of name[:version] outside ${…}. */
	for (colon = NULL, depth = 0, e = p; *e != '\0'; e++)
		if (e[0] == '$' && e[1] == '{')
			depth++;
		else if (*e == '}' && depth > 0)
			depth--;
		else if (*e == ':' && depth == 0)
			colon = e;
	if (colon == NULL) {
		snprintf(why, whylen, "'%s' names the layer but no version",
		    s);
		return 1;
	}
	if (colon[1] == '$' && colon[2] == '{')
		return 0;
	for (e = colon + 1; isdigit((unsigned char)*e); e++)
		;
	if (e > colon + 1 && *e == '\0')
		return 0;
	snprintf(why, whylen, "'%s' names version '%s', not a number", s,
	    colon + 1);
	return 1;
}

/*
 * Report the layer references of one Layers list that are not pinned:
 * literals and !Sub strings (both branches of !If), and !Ref to a
 * parameter whose Default is one (AWS::SSM::Parameter::Value types
 * resolve their Default's SSM path).
 */
static int
check_layers(struct tl_check *c, const struct tl_cfn *cfn,
    const struct tl_file *f, const char *owner, const struct tl_ynode *n)
{
	const struct tl_ynode	*arg, *param, *def;
	const char		*fn, *s, *type;
	char			 why[512], ssm[512];
	size_t			 i;
	int			 error = 0, bad;

	if (n == NULL)
		return 0;
	if (n->type == TL_YSEQ && tl_cfn_intrinsic(n, &arg) == NULL) {
		TL_YSEQ_FOREACH(i, n)
			if ((error = check_layers(c, cfn, f, owner,
			    n->items[i])) != 0)
				return error;
		return 0;
	}
	fn = tl_cfn_intrinsic(n, &arg);
	if (fn != NULL && strcmp(fn, "If") == 0 && arg != NULL &&
	    arg->type == TL_YSEQ && arg->nitems == 3) {
		if ((error = check_layers(c, cfn, f, owner, arg->items[1])) == 0)
			error = check_layers(c, cfn, f, owner, arg->items[2]);
		return error;
	}
	if (fn != NULL && strcmp(fn, "Ref") == 0) {
		if (!tl_cfn_ref_param(cfn, n, &param))
			return 0;
		def = tl_ymap_get(param, "Default");
		type = tl_ystr(tl_ymap_get(param, "Type"));
		if ((s = tl_ystr(def)) == NULL)
			return 0;
		if (type != NULL && tl_str_has_prefix(type, "AWS::SSM::"
		    "Parameter::Value")) {
			bad = (size_t)snprintf(ssm, sizeof ssm,
			    "{{resolve:ssm:%s}}", s) < sizeof ssm &&
			    layer_unpinned(ssm, why, sizeof why);
		} else
			bad = layer_unpinned(s, why, sizeof why);
		return bad ? tl_report(c, f, n->line, n->col, s,
		    "%s's layer parameter %s defaults to a reference that %s",
		    owner, tl_ystr(arg), why) : 0;
	}
	if (fn != NULL && strcmp(fn, "Sub") == 0)
		s = tl_ystr(arg != NULL && arg->type == TL_YSEQ &&
		    arg->nitems > 0 ? arg->items[0] : arg);
	else if (fn == NULL)
		s = tl_ystr(n);
	else
		return 0;
	if (s == NULL || !layer_unpinned(s, why, sizeof why))
		return 0;
	return tl_report(c, f, n->line, n->col, s, "%s's layer %s", owner,
	    why);
}

static int	tf0212_check(struct tl_check *);

static const struct tl_rule tf0212 = {
	.id = "TF0212",
	.name = "lambda-layer-not-pinned",
	.factor = TL_FACTOR_DEPENDENCIES,
	.severity = TL_SEV_WARNING,
	.needs = TL_NEED(TL_FILE_TEMPLATE),
	.summary = "Lambda layer not pinned to one version",
	.rationale =
	    "A layer is a dependency of the function, shipped beside its "
	    "code; the build is only reproducible when the template names "
	    "one version of it. Reported in the Layers of AWS::Serverless::"
	    "Function, AWS::Lambda::Function and the SAM Globals: a layer "
	    "ARN without its version or with a version that is not a number "
	    "(…:layer:name, …:layer:name:latest), and a layer resolved "
	    "through an SSM parameter path ending in /latest, written as "
	    "{{resolve:ssm:…/latest}} or as the Default of an AWS::SSM::"
	    "Parameter::Value parameter (Powertools publishes such paths): "
	    "each deploy may pick up a different layer. Versions given by "
	    "${…} in a !Sub, a !Ref to a layer in the same template, "
	    "{{resolve:ssm:name:3}} and !GetAtt are pinned or cannot be "
	    "told, and are not reported; both branches of an !If are read.",
	.fix =
	    "Name the layer version in the ARN (…:layer:name:42), or the "
	    "version-numbered SSM path (…/python3.12/3.4.0), and bump it in "
	    "a reviewed change; let CodePipeline promote that template "
	    "unchanged from stage to stage.",
	.see_also = NULL,
	.check = tf0212_check,
};

static int
tf0212_check(struct tl_check *c)
{
	const struct tl_file	*f;
	const struct tl_cfn_resource *r;
	struct tl_cfn		 cfn;
	size_t			 i;
	int			 error = 0;

	TL_FOREACH_FILE(f, c->repo, TL_FILE_TEMPLATE) {
		if (tl_cfn_open(&cfn, f) != 0)
			continue;
		/* SAM appends a function's Layers to the Globals ones. */
		error = check_layers(c, &cfn, f, "Globals Function",
		    tl_ypath(cfn.root, "Globals.Function.Layers"));
		for (i = 0; i < cfn.nres && error == 0; i++) {
			r = &cfn.res[i];
			if (tl_cfn_type_is(r, "AWS::Serverless::Function") ||
			    tl_cfn_type_is(r, "AWS::Lambda::Function"))
				error = check_layers(c, &cfn, f, r->name,
				    tl_ymap_get(r->props, "Layers"));
		}
		tl_cfn_release(&cfn);
		if (error != 0)
			break;
	}
	return error;
}

static const struct tl_rule *const rules[] = {
	&tf0201,
	&tf0202,
	&tf0203,
	&tf0204,
	&tf0205,
	&tf0206,
	&tf0207,
	&tf0208,
	&tf0209,
	&tf0210,
	&tf0211,
	&tf0212,
};

const struct tl_module tl_module_DEPENDENCIES = {
	TL_FACTOR_DEPENDENCIES, rules, TL_NELEM(rules), NULL, NULL
};
