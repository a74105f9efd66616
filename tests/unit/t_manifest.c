/* Unit tests of manifest.c: every manifest and lock format, pins. */
#include <stdlib.h>
#include <string.h>

#include "twelvelint/manifest.h"
#include "twelvelint/util.h"
#include "tap.h"

static struct tl_manifest *
parse(enum tl_manifest_type type, const char *s)
{
	struct tl_manifest	*m = NULL;
	char			*copy;
	size_t			 n = strlen(s);

	/* an exact-size copy, not NUL-terminated: overreads show */
	copy = tl_malloc(n == 0 ? 1 : n);
	memcpy(copy, s, n);
	if (tl_manifest_parse(&m, type, copy, n, NULL, NULL, 0) != 0)
		m = NULL;
	free(copy);
	return m;
}

static const struct tl_dep *
dep(const struct tl_manifest *m, const char *name)
{
	return m == NULL ? NULL : tl_manifest_find(m, name);
}

/* The pin of a dependency, or -1 when it is missing. */
static int
pin(const struct tl_manifest *m, const char *name)
{
	const struct tl_dep	*d = dep(m, name);

	return d == NULL ? -1 : (int)d->pin;
}

static void
test_types(void)
{
	TEST("file names and lock pairs");
	CHECK_INT(tl_manifest_type_of("package.json"), TL_MF_PACKAGE_JSON);
	CHECK_INT(tl_manifest_type_of("requirements-dev.txt"),
	    TL_MF_REQUIREMENTS);
	CHECK_INT(tl_manifest_type_of("Api.csproj"), TL_MF_CSPROJ);
	CHECK_INT(tl_manifest_type_of("build.gradle.kts"), TL_MF_GRADLE);
	CHECK_INT(tl_manifest_type_of("npm-shrinkwrap.json"),
	    TL_MF_PACKAGE_LOCK);
	CHECK_INT(tl_manifest_type_of("README.md"), TL_MF_NONE);
	CHECK(tl_manifest_is_lock(TL_MF_YARN_LOCK));
	CHECK(!tl_manifest_is_lock(TL_MF_PYPROJECT));
	CHECK(tl_manifest_lock_matches(TL_MF_PACKAGE_JSON, TL_MF_PNPM_LOCK));
	CHECK(tl_manifest_lock_matches(TL_MF_PYPROJECT, TL_MF_UV_LOCK));
	CHECK(!tl_manifest_lock_matches(TL_MF_PIPFILE, TL_MF_POETRY_LOCK));
	CHECK_STR(tl_manifest_type_name(TL_MF_GO_SUM), "go.sum");
}

static void
test_package_json(void)
{
	struct tl_manifest	*m;
	const struct tl_dep	*d;
	unsigned		 line = 0;
	char			 msg[128];
	const char		*bad = "{\n  \"name\": \"x\",\n"
	    "  \"dependencies\": {\n    \"a\": \"1\"\n    \"b\": \"2\"\n"
	    "  }\n}\n";

	TEST("package.json: sections, lines, pins");
	m = parse(TL_MF_PACKAGE_JSON, "{\n \"name\": \"app\",\n"
	    " \"version\": \"1.2.0\",\n"
	    " \"scripts\": {\"build\": \"tsc\", \"start\": \"node s.js\"},\n"
	    " \"engines\": {\"node\": \">=20\"},\n"
	    " \"dependencies\": {\n"
	    "  \"exact\": \"4.18.2\",\n  \"caret\": \"^4.17.21\",\n"
	    "  \"star\": \"*\",\n  \"latest\": \"latest\",\n"
	    "  \"xr\": \"1.x\",\n  \"ge\": \">=1.0.0\",\n"
	    "  \"bounded\": \">=1 <2\",\n  \"sib\": \"file:../shared\",\n"
	    "  \"branch\": \"git+https://h/a/b.git#main\",\n"
	    "  \"commit\": \"github:u/r#"
	    "0123456789abcdef0123456789abcdef01234567\",\n"
	    "  \"tagged\": \"u/r#v1.2.0\",\n  \"ws\": \"workspace:*\",\n"
	    "  \"alias\": \"npm:lodash@4.17.21\",\n  \"two\": \"1.2\"\n },\n"
	    " \"devDependencies\": {\"jest\": \"29.7.0\"},\n"
	    " \"peerDependencies\": {\"react\": \"^18\"}\n}\n");
	CHECK(m != NULL);
	CHECK_STR(m->name, "app");
	CHECK_STR(m->start, "node s.js");
	CHECK_INT(m->start_line, 4);
	CHECK_STR(m->runtime, ">=20");
	CHECK_INT(m->ndeps, 16);
	d = dep(m, "exact");
	CHECK(d != NULL && d->pinned && d->line == 7);
	CHECK_INT(pin(m, "caret"), TL_PIN_RANGE);
	CHECK_INT(pin(m, "star"), TL_PIN_FLOATING);
	CHECK_INT(pin(m, "latest"), TL_PIN_FLOATING);
	CHECK_INT(pin(m, "xr"), TL_PIN_RANGE);
	CHECK_INT(pin(m, "ge"), TL_PIN_FLOATING);
	CHECK_INT(pin(m, "bounded"), TL_PIN_RANGE);
	d = dep(m, "sib");
	CHECK(d != NULL && d->pin == TL_PIN_LOCAL && d->path != NULL &&
	    strcmp(d->path, "../shared") == 0);
	CHECK_INT(pin(m, "branch"), TL_PIN_FLOATING);
	CHECK_INT(pin(m, "commit"), TL_PIN_EXACT);
	CHECK_INT(pin(m, "tagged"), TL_PIN_RANGE);
	CHECK_INT(pin(m, "ws"), TL_PIN_LOCAL);
	CHECK_INT(pin(m, "alias"), TL_PIN_EXACT);
	CHECK_INT(pin(m, "two"), TL_PIN_RANGE);
	CHECK(dep(m, "jest") != NULL && dep(m, "jest")->dev);
	CHECK(dep(m, "react") != NULL && dep(m, "react")->peer &&
	    !dep(m, "react")->dev);
	tl_manifest_free(m);

	TEST("package.json: malformed JSON is TL_EPARSE with its line");
	CHECK_INT(tl_manifest_parse(&m, TL_MF_PACKAGE_JSON, bad, strlen(bad),
	    &line, msg, sizeof(msg)), TL_EPARSE);
	CHECK(m == NULL);
	CHECK_INT(line, 5);
	CHECK(strstr(msg, "malformed JSON") != NULL);
	CHECK_INT(tl_manifest_parse(&m, TL_MF_PACKAGE_JSON, "[1]", 3, &line,
	    msg, sizeof(msg)), TL_EPARSE);
	CHECK_INT(tl_manifest_parse(&m, TL_MF_PACKAGE_JSON, "{} x", 4, &line,
	    NULL, 0), TL_EPARSE);
	CHECK_INT(tl_manifest_parse(&m, TL_MF_PACKAGE_JSON, "{}", 2, NULL,
	    NULL, 0), 0);
	tl_manifest_free(m);
}

static void
test_python(void)
{
	struct tl_manifest	*m;
	const struct tl_dep	*d;

	TEST("requirements.txt");
	m = parse(TL_MF_REQUIREMENTS, "# c\n-r base.txt\n-c cons.txt\n"
	    "flask==2.3.2\nrequests>=2.0\nDjango~=4.2\nnumpy\n"
	    "pandas==2.*\ncelery[redis]==5.3.1 ; python_version >= \"3.8\"\n"
	    "gunicorn>=21 \\\n    --hash=sha256:abc\n-e ../shared-lib\n"
	    "-e git+https://h/o/pkg.git@main#egg=pkg\n"
	    "mylib @ git+https://h/o/m.git@"
	    "0123456789abcdef0123456789abcdef01234567\n"
	    "bounded>=1,<2  # note\n");
	CHECK_INT(m->nincludes, 2);
	CHECK_STR(m->includes[0].path, "base.txt");
	CHECK(m->includes[1].constraint);
	CHECK_INT(pin(m, "flask"), TL_PIN_EXACT);
	CHECK_INT(pin(m, "requests"), TL_PIN_FLOATING);
	CHECK_INT(pin(m, "django"), TL_PIN_RANGE);	/* PEP 503 lookup */
	CHECK_INT(pin(m, "numpy"), TL_PIN_FLOATING);
	CHECK_INT(pin(m, "pandas"), TL_PIN_RANGE);
	d = dep(m, "celery");
	CHECK(d != NULL && d->pinned && strcmp(d->spec, "==5.3.1") == 0 &&
	    d->line == 9);
	d = dep(m, "gunicorn");
	CHECK(d != NULL && d->pin == TL_PIN_EXACT && d->line == 10);
	d = dep(m, "shared-lib");
	CHECK(d != NULL && d->pin == TL_PIN_LOCAL &&
	    strcmp(d->path, "../shared-lib") == 0);
	CHECK_INT(pin(m, "pkg"), TL_PIN_FLOATING);
	CHECK_INT(pin(m, "mylib"), TL_PIN_EXACT);
	CHECK_INT(pin(m, "bounded"), TL_PIN_RANGE);
	tl_manifest_free(m);

	TEST("pyproject.toml: [project], groups, uv");
	m = parse(TL_MF_PYPROJECT, "[build-system]\n"
	    "build-backend = \"hatchling.build\"\n[project]\nname = \"demo\"\n"
	    "requires-python = \">=3.11\"\ndependencies = [\n"
	    "  \"fastapi>=0.110\",  # c\n  'pydantic (>=2,<3)',\n"
	    "  \"uvicorn[standard]==0.29.0\",\n]\n"
	    "[project.optional-dependencies]\ntest = [\"pytest==8.0\"]\n"
	    "[tool.uv]\ndev-dependencies = [\"ruff\"]\n"
	    "[tool.uv.sources]\nfastapi = { path = \"../fastapi\" }\n");
	CHECK_STR(m->tool, "uv");
	CHECK_STR(m->runtime, ">=3.11");
	d = dep(m, "fastapi");
	CHECK(d != NULL && d->pin == TL_PIN_LOCAL && d->line == 7);
	CHECK_INT(pin(m, "pydantic"), TL_PIN_RANGE);
	CHECK(dep(m, "pydantic") != NULL && dep(m, "pydantic")->line == 8);
	CHECK_INT(pin(m, "uvicorn"), TL_PIN_EXACT);
	d = dep(m, "pytest");
	CHECK(d != NULL && d->optional && d->dev);
	CHECK(dep(m, "ruff") != NULL && dep(m, "ruff")->dev);
	tl_manifest_free(m);

	TEST("pyproject.toml: poetry");
	m = parse(TL_MF_PYPROJECT, "[tool.poetry]\nname = \"p\"\n"
	    "[tool.poetry.dependencies]\npython = \"^3.10\"\n"
	    "caret = \"^2.31\"\nexact = \"1.2.3\"\nstar = \"*\"\n"
	    "tbl = { version = \"~1.2\", optional = true }\n"
	    "gitb = { git = \"https://h/x.git\", branch = \"main\" }\n"
	    "[tool.poetry.dependencies.tabled]\nversion = \"2.0.1\"\n"
	    "[tool.poetry.group.dev.dependencies]\npytest = \"^8\"\n");
	CHECK_STR(m->tool, "poetry");
	CHECK_STR(m->runtime, "^3.10");
	CHECK(dep(m, "python") == NULL);
	CHECK_INT(pin(m, "caret"), TL_PIN_RANGE);
	CHECK_INT(pin(m, "exact"), TL_PIN_EXACT);
	CHECK_INT(pin(m, "star"), TL_PIN_FLOATING);
	CHECK(dep(m, "tbl") != NULL && dep(m, "tbl")->optional);
	CHECK_INT(pin(m, "gitb"), TL_PIN_FLOATING);
	CHECK_INT(pin(m, "tabled"), TL_PIN_EXACT);
	CHECK(dep(m, "pytest") != NULL && dep(m, "pytest")->dev);
	tl_manifest_free(m);

	TEST("Pipfile and setup.py / setup.cfg");
	m = parse(TL_MF_PIPFILE, "[packages]\nrequests = \"*\"\n"
	    "flask = \"==2.0.1\"\nmine = {path = \".\", editable = true}\n"
	    "[dev-packages]\npytest = \"~=8.0\"\n[requires]\n"
	    "python_version = \"3.11\"\n");
	CHECK_INT(pin(m, "requests"), TL_PIN_FLOATING);
	CHECK_INT(pin(m, "flask"), TL_PIN_EXACT);
	CHECK_INT(pin(m, "mine"), TL_PIN_LOCAL);
	CHECK(dep(m, "pytest") != NULL && dep(m, "pytest")->dev);
	CHECK_STR(m->runtime, "3.11");
	tl_manifest_free(m);
	m = parse(TL_MF_SETUP_PY, "setup(\n    name=\"legacy\",\n"
	    "    install_requires=[\n        \"requests>=2\",\n"
	    "        'click==8.1.7',\n    ],\n)\n");
	CHECK_STR(m->name, "legacy");
	CHECK(dep(m, "click") != NULL && dep(m, "click")->line == 5);
	tl_manifest_free(m);
	m = parse(TL_MF_SETUP_PY, "[metadata]\nname = cfg\n[options]\n"
	    "install_requires =\n    attrs==23.1.0\n    six\n");
	CHECK_INT(pin(m, "attrs"), TL_PIN_EXACT);
	CHECK_INT(pin(m, "six"), TL_PIN_FLOATING);
	tl_manifest_free(m);
}

static void
test_go_ruby(void)
{
	struct tl_manifest	*m;
	const struct tl_dep	*d;

	TEST("go.mod: require, blocks, replace");
	m = parse(TL_MF_GO_MOD, "module github.com/o/svc\n\ngo 1.22\n\n"
	    "require github.com/gin-gonic/gin v1.9.1\nrequire (\n"
	    "\tgithub.com/a/b v0.0.0-2023-abc // indirect\n)\n"
	    "replace github.com/o/shared => ../shared\nreplace (\n"
	    "\tgithub.com/x/y v1.0.0 => github.com/f/y v1.0.1\n)\n");
	CHECK_STR(m->name, "github.com/o/svc");
	CHECK_STR(m->runtime, "1.22");
	d = dep(m, "github.com/a/b");
	CHECK(d != NULL && d->pin == TL_PIN_EXACT && d->line == 7);
	CHECK_INT(m->ndeps, 4);
	d = &m->deps[2];
	CHECK(d->replace && d->pin == TL_PIN_LOCAL && d->path != NULL &&
	    strcmp(d->path, "../shared") == 0);
	CHECK(m->deps[3].replace && m->deps[3].path == NULL);
	CHECK(dep(m, "github.com/o/shared") == NULL);	/* replaces skipped */
	tl_manifest_free(m);

	TEST("Gemfile: requirements, groups, paths");
	m = parse(TL_MF_GEMFILE, "source \"https://rubygems.org\"\n"
	    "ruby \"3.2.2\"\ngem \"rails\", \"~> 7.1.0\"\ngem 'pg', '1.5.4'\n"
	    "gem \"puma\", \">= 5.0\"\ngem \"nokogiri\"\n"
	    "gem \"local\", path: \"../engines/local\"\n"
	    "gem \"debug\", group: :development\n"
	    "group :development, :test do\n  gem \"rspec\", \"~> 6.0\"\nend\n"
	    "group :production do\n  gem \"newrelic\"\nend\n");
	CHECK_STR(m->runtime, "3.2.2");
	CHECK_INT(pin(m, "rails"), TL_PIN_RANGE);
	CHECK_INT(pin(m, "pg"), TL_PIN_EXACT);
	CHECK_INT(pin(m, "puma"), TL_PIN_FLOATING);
	CHECK_INT(pin(m, "nokogiri"), TL_PIN_FLOATING);
	CHECK_INT(pin(m, "local"), TL_PIN_LOCAL);
	CHECK(dep(m, "debug") != NULL && dep(m, "debug")->dev);
	CHECK(dep(m, "rspec") != NULL && dep(m, "rspec")->dev);
	CHECK(dep(m, "newrelic") != NULL && !dep(m, "newrelic")->dev);
	tl_manifest_free(m);

	TEST("gemspec and Gemfile.lock");
	m = parse(TL_MF_GEMSPEC, "Gem::Specification.new do |s|\n"
	    "  s.name = \"g\"\n  s.add_dependency \"rack\", \"~> 3.0\"\n"
	    "  s.add_development_dependency \"rake\", \"13.0.6\"\nend\n");
	CHECK_STR(m->name, "g");
	CHECK(dep(m, "rack") != NULL && !dep(m, "rack")->dev);
	CHECK(dep(m, "rake") != NULL && dep(m, "rake")->dev);
	tl_manifest_free(m);
	m = parse(TL_MF_GEMFILE_LOCK, "GEM\n  remote: https://r/\n  specs:\n"
	    "    actioncable (7.1.2)\n      actionpack (= 7.1.2)\n"
	    "    racc (1.7.3)\n\nDEPENDENCIES\n  rails\n\nRUBY VERSION\n"
	    "   ruby 3.2.2p53\n");
	CHECK_INT(m->ndeps, 2);
	CHECK(dep(m, "actionpack") == NULL);
	d = dep(m, "racc");
	CHECK(d != NULL && d->pinned && strcmp(d->spec, "1.7.3") == 0);
	CHECK_STR(m->runtime, "3.2.2p53");
	tl_manifest_free(m);
}

static void
test_jvm_dotnet_rust_php(void)
{
	struct tl_manifest	*m;
	const struct tl_dep	*d;

	TEST("pom.xml: properties, managed versions, scopes");
	m = parse(TL_MF_POM, "<project>\n<artifactId>demo</artifactId>\n"
	    "<version>1.0.0</version>\n<properties>\n"
	    "<java.version>17</java.version>\n<g.v>32.1</g.v>\n"
	    "</properties>\n<!-- <dependency><artifactId>no</artifactId>"
	    "</dependency> -->\n<dependencyManagement><dependencies>"
	    "<dependency><groupId>m</groupId><artifactId>managed</artifactId>"
	    "<version>2.0</version></dependency></dependencies>"
	    "</dependencyManagement>\n<dependencies>\n<dependency>\n"
	    "<groupId>g</groupId><artifactId>guava</artifactId>\n"
	    "<version>${g.v}</version>\n<exclusions><exclusion>"
	    "<artifactId>ex</artifactId></exclusion></exclusions>\n"
	    "</dependency>\n<dependency><groupId>m</groupId>"
	    "<artifactId>managed</artifactId></dependency>\n"
	    "<dependency><groupId>r</groupId><artifactId>open</artifactId>"
	    "<version>[1.0,)</version></dependency>\n"
	    "<dependency><groupId>r</groupId><artifactId>snap</artifactId>"
	    "<version>1.0-SNAPSHOT</version></dependency>\n"
	    "<dependency><groupId>j</groupId><artifactId>junit</artifactId>"
	    "<version>4.13</version><scope>test</scope></dependency>\n"
	    "</dependencies>\n</project>\n");
	CHECK_STR(m->name, "demo");
	CHECK_STR(m->runtime, "17");
	CHECK_INT(m->ndeps, 5);
	d = dep(m, "g:guava");
	CHECK(d != NULL && d->pinned && strcmp(d->spec, "32.1") == 0 &&
	    d->line == 13);
	d = dep(m, "m:managed");
	CHECK(d != NULL && d->spec != NULL && strcmp(d->spec, "2.0") == 0);
	CHECK_INT(pin(m, "r:open"), TL_PIN_FLOATING);
	CHECK_INT(pin(m, "r:snap"), TL_PIN_FLOATING);
	CHECK(dep(m, "j:junit") != NULL && dep(m, "j:junit")->dev);
	tl_manifest_free(m);

	TEST("build.gradle and gradle.lockfile");
	m = parse(TL_MF_GRADLE, "dependencies {\n"
	    "    implementation 'org.a:web:3.2.0'\n"
	    "    implementation(\"io.k:srv:2.3.+\")\n"
	    "    implementation group: 'o', name: 'c', version: '3.12.0'\n"
	    "    runtimeOnly 'com.h2:h2:latest.release'\n"
	    "    implementation project(':core')\n"
	    "    // implementation 'no:no:1'\n"
	    "    testImplementation 'junit:junit:4.13.2'\n}\n");
	CHECK_INT(m->ndeps, 6);
	CHECK_INT(pin(m, "org.a:web"), TL_PIN_EXACT);
	CHECK_INT(pin(m, "io.k:srv"), TL_PIN_RANGE);
	CHECK_INT(pin(m, "o:c"), TL_PIN_EXACT);
	CHECK_INT(pin(m, "com.h2:h2"), TL_PIN_FLOATING);
	CHECK_INT(pin(m, ":core"), TL_PIN_LOCAL);
	CHECK(dep(m, "junit:junit") != NULL && dep(m, "junit:junit")->dev);
	tl_manifest_free(m);
	m = parse(TL_MF_GRADLE_LOCK, "# gen\n"
	    "com.g:guava:32.1=compileClasspath,runtimeClasspath\n"
	    "junit:junit:4.13=testCompileClasspath\nempty=x\n");
	CHECK_INT(m->ndeps, 2);
	CHECK(dep(m, "junit:junit") != NULL && dep(m, "junit:junit")->dev);
	tl_manifest_free(m);

	TEST("csproj");
	m = parse(TL_MF_CSPROJ, "<Project Sdk=\"Microsoft.NET.Sdk\">\n"
	    "<PropertyGroup><TargetFramework>net8.0</TargetFramework>"
	    "</PropertyGroup>\n<ItemGroup>\n"
	    "<PackageReference Include=\"Newtonsoft.Json\""
	    " Version=\"13.0.3\" />\n"
	    "<PackageReference Include=\"Serilog\" Version=\"3.*\" />\n"
	    "<PackageReference Include=\"Child\">\n<Version>2.0.0</Version>\n"
	    "<PrivateAssets>all</PrivateAssets>\n</PackageReference>\n"
	    "<ProjectReference Include=\"..\\Shared\\Shared.csproj\" />\n"
	    "</ItemGroup>\n</Project>\n");
	CHECK_STR(m->runtime, "net8.0");
	d = dep(m, "newtonsoft.json");		/* NuGet: any case */
	CHECK(d != NULL && d->pinned && d->line == 4);
	CHECK_INT(pin(m, "Serilog"), TL_PIN_RANGE);
	d = dep(m, "Child");
	CHECK(d != NULL && d->pinned && d->dev);
	CHECK_INT(pin(m, "Shared"), TL_PIN_LOCAL);
	tl_manifest_free(m);

	TEST("Cargo.toml: caret by default, paths, [[bin]]");
	m = parse(TL_MF_CARGO, "[package]\nname = \"svc\"\n"
	    "rust-version = \"1.75\"\n[[bin]]\nname = \"svc\"\n"
	    "[dependencies]\nserde = \"1.0\"\nexact = \"=1.2.3\"\n"
	    "star = \"*\"\ntokio = { version = \"1\", features = [\"full\"] }\n"
	    "local = { path = \"../local\" }\nws.workspace = true\n"
	    "g = { git = \"https://h/x\", rev = \"0123456789abcdef\" }\n"
	    "[dev-dependencies]\ncriterion = \"0.5\"\n");
	CHECK(m->is_binary);
	CHECK_STR(m->runtime, "1.75");
	CHECK_INT(pin(m, "serde"), TL_PIN_RANGE);
	CHECK_INT(pin(m, "exact"), TL_PIN_EXACT);
	CHECK_INT(pin(m, "star"), TL_PIN_FLOATING);
	CHECK_INT(pin(m, "tokio"), TL_PIN_RANGE);
	d = dep(m, "local");
	CHECK(d != NULL && d->pin == TL_PIN_LOCAL &&
	    strcmp(d->spec, "path:../local") == 0);
	CHECK_INT(pin(m, "ws"), TL_PIN_LOCAL);
	CHECK_INT(pin(m, "g"), TL_PIN_EXACT);
	CHECK(dep(m, "criterion") != NULL && dep(m, "criterion")->dev);
	tl_manifest_free(m);

	TEST("composer.json");
	m = parse(TL_MF_COMPOSER, "{\"name\": \"acme/app\", \"require\": {"
	    "\"php\": \">=8.1\", \"ext-json\": \"*\", \"a/caret\": \"^3.0\","
	    " \"a/exact\": \"7.8.1\", \"a/dev\": \"dev-main\","
	    " \"a/any\": \"*\"}, \"require-dev\": {\"a/unit\": \"^10\"}}");
	CHECK_STR(m->runtime, ">=8.1");
	CHECK(dep(m, "ext-json") == NULL);
	CHECK_INT(pin(m, "a/caret"), TL_PIN_RANGE);
	CHECK_INT(pin(m, "a/exact"), TL_PIN_EXACT);
	CHECK_INT(pin(m, "a/dev"), TL_PIN_FLOATING);
	CHECK_INT(pin(m, "a/any"), TL_PIN_FLOATING);
	CHECK(dep(m, "A/Unit") != NULL && dep(m, "a/unit")->dev);
	tl_manifest_free(m);
}

static void
test_locks(void)
{
	struct tl_manifest	*m;
	const struct tl_dep	*d;

	TEST("package-lock v3 and v1");
	m = parse(TL_MF_PACKAGE_LOCK, "{\"name\": \"app\", \"packages\": {\n"
	    "\"\": {\"name\": \"app\"},\n"
	    "\"node_modules/express\": {\"version\": \"4.18.2\"},\n"
	    "\"node_modules/@babel/core\": {\"version\": \"7.23.0\","
	    " \"dev\": true},\n"
	    "\"node_modules/express/node_modules/debug\":"
	    " {\"version\": \"2\"},\n"
	    "\"node_modules/debug\": {\"version\": \"4\"},\n"
	    "\"packages/ws\": {\"version\": \"0.0.1\"}}}\n");
	CHECK_INT(m->ndeps, 3);
	d = dep(m, "@babel/core");
	CHECK(d != NULL && d->dev && d->pinned && d->line == 4);
	CHECK(dep(m, "debug") != NULL);
	tl_manifest_free(m);
	m = parse(TL_MF_PACKAGE_LOCK, "{\"lockfileVersion\": 1, "
	    "\"dependencies\": {\"a\": {\"version\": \"1.0.0\", "
	    "\"dependencies\": {\"b\": {\"version\": \"2.0.0\"}}}}}");
	CHECK(dep(m, "a") != NULL && dep(m, "b") != NULL);
	tl_manifest_free(m);

	TEST("yarn.lock v1 and berry, pnpm-lock v5/v6/v9, bun.lock");
	m = parse(TL_MF_YARN_LOCK, "# yarn lockfile v1\n\n"
	    "\"@babel/cf@^7.0.0\", \"@babel/cf@^7.22.13\":\n"
	    "  version \"7.22.13\"\n\nlodash@^4.17.0, lodash@~4.17.21:\n"
	    "  version \"4.17.21\"\n");
	CHECK_INT(m->ndeps, 2);
	d = dep(m, "@babel/cf");
	CHECK(d != NULL && strcmp(d->spec, "7.22.13") == 0 && d->line == 3);
	tl_manifest_free(m);
	m = parse(TL_MF_YARN_LOCK, "__metadata:\n  version: 6\n\n"
	    "\"express@npm:^4.18.2\":\n  version: 4.18.2\n\n"
	    "\"resolve@patch:resolve@^1.1.7#~builtin<compat/resolve>\":\n"
	    "  version: 1.22.8\n");
	CHECK_INT(m->ndeps, 2);
	CHECK(dep(m, "resolve") != NULL && dep(m, "__metadata") == NULL);
	tl_manifest_free(m);
	m = parse(TL_MF_PNPM_LOCK, "lockfileVersion: '9.0'\nimporters:\n"
	    "  .:\n    dependencies:\n      x:\n        version: 1\n"
	    "packages:\n\n  express@4.18.2:\n    resolution: {}\n\n"
	    "  '@babel/core@7.23.0':\n    resolution: {}\n\n"
	    "  react-dom@18.2.0(react@18.2.0):\n    resolution: {}\n");
	CHECK_INT(m->ndeps, 3);
	CHECK(dep(m, "react-dom") != NULL &&
	    strcmp(dep(m, "react-dom")->spec, "18.2.0") == 0);
	CHECK(dep(m, "x") == NULL);
	tl_manifest_free(m);
	m = parse(TL_MF_PNPM_LOCK, "lockfileVersion: 5.4\npackages:\n\n"
	    "  /express/4.18.2:\n    dev: false\n"
	    "  /@babel/core/7.23.0_react@18.2.0:\n    dev: true\n");
	CHECK(dep(m, "@babel/core") != NULL &&
	    strcmp(dep(m, "@babel/core")->spec, "7.23.0") == 0);
	tl_manifest_free(m);
	m = parse(TL_MF_PNPM_LOCK, "lockfileVersion: '6.0'\npackages:\n"
	    "  /@babel/core@7.23.0(react@18.2.0):\n    dev: true\n");
	CHECK(dep(m, "@babel/core") != NULL);
	tl_manifest_free(m);
	m = parse(TL_MF_BUN_LOCK, "{\n  \"lockfileVersion\": 1,\n"
	    "  \"packages\": {\n"
	    "    \"@types/node\": [\"@types/node@20.1.0\", \"\", {}],\n"
	    "  }\n}\n");
	CHECK(dep(m, "@types/node") != NULL);
	tl_manifest_free(m);

	TEST("Python, Go, Ruby, Rust, PHP, .NET locks");
	m = parse(TL_MF_PIPFILE_LOCK, "{\"default\": {\"Flask\": "
	    "{\"version\": \"==2.0.1\"}}, \"develop\": {\"pytest\": "
	    "{\"version\": \"==8.0.0\"}, \"flask\": {}}}");
	CHECK_INT(m->ndeps, 3);
	CHECK(dep(m, "flask") != NULL && !dep(m, "flask")->dev);
	CHECK(dep(m, "pytest") != NULL && dep(m, "pytest")->dev);
	tl_manifest_free(m);
	m = parse(TL_MF_POETRY_LOCK, "[[package]]\nname = \"requests\"\n"
	    "version = \"2.31.0\"\nfiles = [\n  {file = \"r.tgz\"},\n]\n\n"
	    "[package.dependencies]\ncertifi = \">=2017\"\n\n"
	    "[[package]]\nname = \"pytest\"\nversion = \"8.0.0\"\n"
	    "category = \"dev\"\n\n[metadata]\nlock-version = \"2.0\"\n");
	CHECK_INT(m->ndeps, 2);
	CHECK(dep(m, "certifi") == NULL);
	CHECK(dep(m, "pytest") != NULL && dep(m, "pytest")->dev &&
	    dep(m, "pytest")->line == 12);
	tl_manifest_free(m);
	m = parse(TL_MF_UV_LOCK, "version = 1\n[[package]]\nname = \"anyio\"\n"
	    "version = \"4.3.0\"\ndependencies = [\n"
	    " { name = \"idna\" },\n]\n");
	CHECK_INT(m->ndeps, 1);
	tl_manifest_free(m);
	m = parse(TL_MF_CARGO_LOCK, "version = 3\n\n[[package]]\n"
	    "name = \"serde\"\nversion = \"1.0.193\"\n");
	CHECK(dep(m, "serde") != NULL && dep(m, "serde")->line == 4);
	tl_manifest_free(m);
	m = parse(TL_MF_GO_SUM, "github.com/g/gin v1.9.1 h1:a=\n"
	    "github.com/g/gin v1.9.1/go.mod h1:b=\n"
	    "golang.org/x/net v0.17.0/go.mod h1:c=\n");
	CHECK_INT(m->ndeps, 2);
	CHECK_STR(m->deps[1].spec, "v0.17.0");
	tl_manifest_free(m);
	m = parse(TL_MF_COMPOSER_LOCK, "{\"packages\": [{\"name\": \"m/log\","
	    " \"version\": \"3.5.0\"}], \"packages-dev\": [{\"name\":"
	    " \"p/unit\", \"version\": \"10.5.0\"}]}");
	CHECK(dep(m, "p/unit") != NULL && dep(m, "p/unit")->dev);
	tl_manifest_free(m);
	m = parse(TL_MF_PACKAGES_LOCK, "{\"version\": 1, \"dependencies\": {"
	    "\"net8.0\": {\"Newtonsoft.Json\": {\"resolved\": \"13.0.3\"}},"
	    "\"net6.0\": {\"Newtonsoft.Json\": {\"resolved\": \"13.0.3\"}}}}");
	CHECK_INT(m->ndeps, 1);
	CHECK_STR(m->deps[0].spec, "13.0.3");
	tl_manifest_free(m);
}

static void
test_odd_input(void)
{
	struct tl_manifest	*m;
	enum tl_manifest_type	 t;
	const char		*junk = "[[[{{{\"\"\"'''<<<>>>\\\n\r\x01(";

	TEST("odd input never fails outside JSON");
	for (t = TL_MF_PACKAGE_JSON; t < TL_MF__COUNT; t++) {
		if (tl_manifest_parse(&m, t, junk, strlen(junk), NULL, NULL,
		    0) == 0)
			tl_manifest_free(m);
		else if (t != TL_MF_PACKAGE_JSON && t != TL_MF_COMPOSER &&
		    t != TL_MF_PACKAGE_LOCK && t != TL_MF_COMPOSER_LOCK &&
		    t != TL_MF_PIPFILE_LOCK && t != TL_MF_PACKAGES_LOCK)
			break;
	}
	CHECK_INT(t, TL_MF__COUNT);
	m = parse(TL_MF_PYPROJECT, "");
	CHECK(m != NULL && m->ndeps == 0 && m->tool == NULL);
	tl_manifest_free(m);

	/* Found by fuzzing: a call without a space ran past its line. */
	TEST("gemspec call name at the end of a line stays in the line");
	m = parse(TL_MF_GEMSPEC, "s.add_development_dependency\n"
	    "git://x\"\". pendency \"y\"\n");
	CHECK(m != NULL && m->ndeps == 0);
	tl_manifest_free(m);
	m = parse(TL_MF_GEMFILE_LOCK, "GEM\n  specs:\n    rack (3.0.8\n"
	    "    puma (6.4.2)\n");
	CHECK(m != NULL && m->ndeps == 2 && strcmp(m->deps[0].spec,
	    "3.0.8") == 0);
	tl_manifest_free(m);
}

int
main(void)
{
	test_types();
	test_package_json();
	test_python();
	test_go_ruby();
	test_jvm_dotnet_rust_php();
	test_locks();
	test_odd_input();
	return TAP_DONE();
}
