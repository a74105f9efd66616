/*
 * Unit tests of dockerfile.c: directives, continuations, comments, flags,
 * exec form, ENV/ARG/LABEL pairs, heredocs, stages and ARG substitution,
 * image references, errors, and hostile input.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "twelvelint/dockerfile.h"
#include "twelvelint/util.h"
#include "tap.h"

static struct tl_df_instr	 no_instr;
static struct tl_df_stage	 no_stage;
static struct tl_df_error	 last_err;

/* Parse text; NULL (and a TAP comment) when it does not parse. */
static struct tl_dockerfile *
parse(const char *text)
{
	struct tl_dockerfile	*df = NULL;

	if (tl_dockerfile_parse(&df, text, strlen(text), &last_err) != 0)
		printf("#   parse failed: line %u: %s\n", last_err.line,
		    last_err.msg);
	return df;
}

/* The error code of parsing text; last_err holds the message. */
static int
parse_rc(const char *text)
{
	struct tl_dockerfile	*df = NULL;
	int			 rc;

	rc = tl_dockerfile_parse(&df, text, strlen(text), &last_err);
	if (rc == 0 && df == NULL)
		rc = 1;
	if (rc != 0 && df != NULL)
		rc = 2;
	tl_dockerfile_free(df);
	return rc;
}

/* Instruction i, or an empty one, so that a failed check cannot crash. */
static const struct tl_df_instr *
ins(const struct tl_dockerfile *df, size_t i)
{
	if (df == NULL || i >= df->ninstrs)
		return &no_instr;
	return &df->instrs[i];
}

static const struct tl_df_stage *
stg(const struct tl_dockerfile *df, size_t i)
{
	if (df == NULL || i >= df->nstages)
		return &no_stage;
	return &df->stages[i];
}

static const char *
key(const struct tl_df_instr *in, size_t i)
{
	return i < in->nkv ? in->kv[i].key : NULL;
}

static const char *
val(const struct tl_df_instr *in, size_t i)
{
	return i < in->nkv ? in->kv[i].value : NULL;
}

static const char *
arg(const struct tl_df_instr *in, size_t i)
{
	return in->argv != NULL && i < in->argc ? in->argv[i] : NULL;
}

static const char *
flag(const struct tl_df_instr *in, size_t i)
{
	return i < in->nflags ? in->flags[i] : NULL;
}

static const char *
body(const struct tl_df_instr *in, size_t i)
{
	return i < in->nheredocs ? in->heredocs[i].body : NULL;
}

static size_t
ninstrs(const struct tl_dockerfile *df)
{
	return df == NULL ? (size_t)-1 : df->ninstrs;
}

static size_t
nstages(const struct tl_dockerfile *df)
{
	return df == NULL ? (size_t)-1 : df->nstages;
}

static void
test_empty(void)
{
	struct tl_dockerfile	*df;

	TEST("empty files and comments are valid with 0 instructions");
	df = parse("");
	CHECK_INT(ninstrs(df), 0);
	CHECK(tl_dockerfile_final(df) == NULL);
	tl_dockerfile_free(df);
	df = parse("# just a comment\n\n   \n\t# another\n");
	CHECK_INT(ninstrs(df), 0);
	tl_dockerfile_free(df);
	df = parse("\xef\xbb\xbf");
	CHECK_INT(ninstrs(df), 0);
	tl_dockerfile_free(df);
	df = NULL;
	CHECK_INT(tl_dockerfile_parse(&df, NULL, 0, NULL), 0);
	CHECK_INT(ninstrs(df), 0);
	tl_dockerfile_free(df);
	tl_dockerfile_free(NULL);
}

static void
test_basics(void)
{
	struct tl_dockerfile	*df;

	TEST("keywords, comments, line numbers");
	df = parse("# comment\n"
	    "from alpine:3.19\n"
	    "\n"
	    "  Run   echo # not a comment  \n"
	    "#\n"
	    "WORKDIR /app\n");
	CHECK_INT(ninstrs(df), 3);
	CHECK_STR(ins(df, 0)->keyword, "FROM");
	CHECK_STR(ins(df, 0)->args, "alpine:3.19");
	CHECK_INT(ins(df, 0)->line, 2);
	CHECK_STR(ins(df, 1)->keyword, "RUN");
	CHECK_STR(ins(df, 1)->args, "echo # not a comment");
	CHECK_INT(ins(df, 1)->line, 4);
	CHECK_INT(ins(df, 1)->end_line, 4);
	CHECK_INT(ins(df, 1)->exec_form, 0);
	CHECK(ins(df, 1)->argv == NULL);
	CHECK_INT(ins(df, 2)->line, 6);
	CHECK_INT(ins(df, 2)->stage, 0);
	CHECK_INT(df != NULL ? df->escape : 0, '\\');
	tl_dockerfile_free(df);
}

static void
test_continuations(void)
{
	struct tl_dockerfile	*df;

	TEST("continuations");
	df = parse("FROM a\n"
	    "RUN apt-get update \\\n"
	    "    && apt-get install -y curl \\   \n"
	    "# a comment inside\n"
	    "\n"
	    "   # an indented comment\n"
	    "    && rm -rf /var/lib/apt/lists/*\n"
	    "CMD x\n");
	CHECK_INT(ninstrs(df), 3);
	CHECK_STR(ins(df, 1)->args, "apt-get update     && apt-get install "
	    "-y curl     && rm -rf /var/lib/apt/lists/*");
	CHECK_INT(ins(df, 1)->line, 2);
	CHECK_INT(ins(df, 1)->end_line, 7);
	CHECK_INT(ins(df, 2)->line, 8);
	tl_dockerfile_free(df);

	df = parse("FROM a\nRUN echo a\\\\\nRUN echo b \\\n");
	CHECK_INT(ninstrs(df), 3);
	CHECK_STR(ins(df, 1)->args, "echo a\\\\");
	CHECK_STR(ins(df, 2)->args, "echo b");
	CHECK_INT(ins(df, 2)->end_line, 3);
	tl_dockerfile_free(df);

	df = parse("FROM a\r\nRUN a \\\r\n b\r\nCMD [\"x\"]\r\n");
	CHECK_INT(ninstrs(df), 3);
	CHECK_STR(ins(df, 0)->args, "a");
	CHECK_STR(ins(df, 1)->args, "a  b");
	CHECK_INT(ins(df, 2)->exec_form, 1);
	CHECK_STR(arg(ins(df, 2), 0), "x");
	tl_dockerfile_free(df);

	/* A lone escape char starts an instruction on the next line. */
	df = parse("FROM a\n\\\nRUN x\n\\\n");
	CHECK_INT(ninstrs(df), 2);
	CHECK_STR(ins(df, 1)->keyword, "RUN");
	CHECK_INT(ins(df, 1)->line, 2);
	tl_dockerfile_free(df);
}

static void
test_directives(void)
{
	struct tl_dockerfile	*df;

	TEST("parser directives");
	df = parse("# syntax=docker/dockerfile:1.7\n"
	    "#escape = `  \n"
	    "# check=skip=all\n"
	    "FROM mcr.microsoft.com/windows/servercore\n"
	    "COPY testfile.txt c:\\\n"
	    "RUN dir c:\\ `\n"
	    "    /w\n");
	CHECK(df != NULL && df->escape == '`');
	CHECK_STR(df != NULL ? df->syntax : NULL, "docker/dockerfile:1.7");
	CHECK_STR(df != NULL ? df->check : NULL, "skip=all");
	CHECK_INT(ninstrs(df), 3);
	CHECK_STR(ins(df, 1)->args, "testfile.txt c:\\");
	CHECK_STR(ins(df, 2)->args, "dir c:\\     /w");
	CHECK_INT(ins(df, 2)->end_line, 7);
	tl_dockerfile_free(df);

	/* After a comment, a blank line or an unknown one: just comments. */
	df = parse("# hello\n# escape=`\nFROM a\nRUN a `\nRUN b\n");
	CHECK(df != NULL && df->escape == '\\');
	CHECK_INT(ninstrs(df), 3);
	tl_dockerfile_free(df);
	df = parse("\n# syntax=x\nFROM a\n");
	CHECK(df != NULL && df->syntax == NULL);
	tl_dockerfile_free(df);
	df = parse("# foo=bar\n# escape=`\nFROM a\n");
	CHECK(df != NULL && df->escape == '\\');
	tl_dockerfile_free(df);
	df = parse("\xef\xbb\xbf# escape=`\r\nFROM a\r\n");
	CHECK(df != NULL && df->escape == '`');
	tl_dockerfile_free(df);
	df = parse("FROM a\n# escape=`\n");
	CHECK(df != NULL && df->escape == '\\');
	tl_dockerfile_free(df);

	CHECK_INT(parse_rc("# escape=x\nFROM a\n"), TL_EPARSE);
	CHECK_INT(last_err.line, 1);
	CHECK_INT(parse_rc("# escape=`\n# escape=\\\nFROM a\n"), TL_EPARSE);
	CHECK_INT(last_err.line, 2);
	CHECK(strstr(last_err.msg, "escape") != NULL);
}

static void
test_flags(void)
{
	struct tl_dockerfile	*df;

	TEST("flags");
	df = parse("FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n"
	    "RUN --mount=type=cache,target=/root/.cache go build ./...\n"
	    "FROM scratch\n"
	    "COPY --from=build --chown=\"app user\":1 --link /out /app\n"
	    "HEALTHCHECK --interval=30s --timeout=3s CMD [\"curl\", "
	    "\"-f\", \"http://localhost/\"]\n"
	    "RUN -- --not-a-flag\n"
	    "RUN echo --not-a-flag\n");
	CHECK_INT(ninstrs(df), 7);
	CHECK_INT(ins(df, 0)->nflags, 1);
	CHECK_STR(ins(df, 0)->args, "golang:1.22 AS build");
	CHECK_STR(stg(df, 0)->platform, "$BUILDPLATFORM");
	CHECK_STR(flag(ins(df, 1), 0),
	    "--mount=type=cache,target=/root/.cache");
	CHECK_STR(ins(df, 1)->args, "go build ./...");
	CHECK_INT(ins(df, 3)->nflags, 3);
	CHECK_STR(flag(ins(df, 3), 1), "--chown=app user:1");
	CHECK_STR(tl_df_instr_flag(ins(df, 3), "from"), "build");
	CHECK_STR(tl_df_instr_flag(ins(df, 3), "--link"), "");
	CHECK(tl_df_instr_flag(ins(df, 3), "chmod") == NULL);
	CHECK(tl_df_instr_flag(ins(df, 3), "lin") == NULL);
	CHECK_STR(ins(df, 3)->args, "/out /app");
	CHECK_INT(ins(df, 3)->from_stage, 0);
	CHECK_STR(tl_df_instr_flag(ins(df, 4), "interval"), "30s");
	CHECK_INT(ins(df, 4)->exec_form, 1);
	CHECK_INT(ins(df, 4)->argc, 3);
	CHECK_STR(arg(ins(df, 4), 2), "http://localhost/");
	CHECK_INT(ins(df, 5)->nflags, 0);
	CHECK_STR(ins(df, 5)->args, "--not-a-flag");
	CHECK_INT(ins(df, 6)->nflags, 0);
	tl_dockerfile_free(df);
}

static void
test_exec_form(void)
{
	struct tl_dockerfile	*df;
	const struct tl_df_instr *in;

	TEST("exec form and shell form");
	df = parse("FROM a\n"
	    "CMD [\"node\", \"server.js\"]\n"
	    "CMD node server.js\n"
	    "ENTRYPOINT []\n"
	    "CMD [\"echo\", \"a\\\"b\", \"\\u00e9\"]\n"
	    "RUN [ -f /x ] && echo y\n"
	    "CMD [\"a\"] trailing\n"
	    "CMD [\"a\tb\"]\n"
	    "SHELL [\"powershell\", \"-command\"]\n"
	    "COPY [\"a b\", \"/c\"]\n"
	    "VOLUME /data /logs\n"
	    "HEALTHCHECK NONE\n");
	CHECK_INT(ninstrs(df), 12);
	in = ins(df, 1);
	CHECK(in->exec_form == 1 && in->argc == 2);
	CHECK_STR(arg(in, 0), "node");
	CHECK(in->argv != NULL && in->argv[in->argc] == NULL);
	CHECK_INT(ins(df, 2)->exec_form, 0);
	CHECK_STR(ins(df, 2)->args, "node server.js");
	CHECK(ins(df, 3)->exec_form == 1 && ins(df, 3)->argc == 0 &&
	    ins(df, 3)->argv != NULL);
	CHECK_STR(arg(ins(df, 4), 1), "a\"b");
	CHECK_STR(arg(ins(df, 4), 2), "\xc3\xa9");
	CHECK_INT(ins(df, 5)->exec_form, 0);
	CHECK_INT(ins(df, 6)->exec_form, 0);
	CHECK_INT(ins(df, 7)->exec_form, 0);	/* raw tab: not JSON to Go */
	CHECK_INT(ins(df, 8)->exec_form, 1);
	CHECK_STR(arg(ins(df, 9), 0), "a b");
	CHECK_INT(ins(df, 10)->exec_form, 0);
	CHECK_INT(ins(df, 11)->exec_form, 0);
	tl_dockerfile_free(df);

	CHECK_INT(parse_rc("FROM a\nCMD [\"a\", 1]\n"), TL_EPARSE);
	CHECK_INT(last_err.line, 2);
	CHECK_INT(parse_rc("FROM a\nCOPY [\"a\", null]\n"), TL_EPARSE);
	CHECK_INT(parse_rc("FROM a\nCMD [\"a\", 1\n"), 0);
}

static void
test_pairs(void)
{
	struct tl_dockerfile	*df;
	const struct tl_df_instr *in;

	TEST("ENV, ARG, LABEL pairs");
	df = parse("FROM a\n"
	    "ENV a=b c=\"d e\" f='g $h' i=j\\ k l= m=\"x\\\"y\\z\"\n"
	    "ENV PATH /usr/local/bin:$PATH  and more\n"
	    "ARG NAME\n"
	    "ARG V=1.0 W=\"two words\" X=\n"
	    "LABEL org.opencontainers.image.authors=\"me <me@x.org>\" "
	    "version=1 \\\n"
	    "      \"quoted key\"=v\n"
	    "ENV DB_URL=\"postgres://u:${PASS}@db/x\"\n"
	    "ENV Q='single'\"'quoted'\" R=a\\$b\n");
	in = ins(df, 1);
	CHECK_INT(in->nkv, 6);
	CHECK_STR(key(in, 0), "a");
	CHECK_STR(val(in, 0), "b");
	CHECK_STR(val(in, 1), "d e");
	CHECK_STR(val(in, 2), "g $h");
	CHECK_STR(val(in, 3), "j k");
	CHECK_STR(val(in, 4), "");
	CHECK_STR(val(in, 5), "x\"y\\z");
	in = ins(df, 2);
	CHECK_INT(in->nkv, 1);
	CHECK_STR(key(in, 0), "PATH");
	CHECK_STR(val(in, 0), "/usr/local/bin:$PATH  and more");
	in = ins(df, 3);
	CHECK(in->nkv == 1 && in->kv[0].value == NULL);
	CHECK_STR(key(in, 0), "NAME");
	in = ins(df, 4);
	CHECK_INT(in->nkv, 3);
	CHECK_STR(val(in, 0), "1.0");
	CHECK_STR(val(in, 1), "two words");
	CHECK_STR(val(in, 2), "");
	in = ins(df, 5);
	CHECK_INT(in->nkv, 3);
	CHECK_STR(val(in, 0), "me <me@x.org>");
	CHECK_STR(key(in, 2), "quoted key");
	CHECK_INT(in->end_line, 7);
	CHECK_STR(val(ins(df, 6), 0), "postgres://u:${PASS}@db/x");
	CHECK_STR(val(ins(df, 7), 0), "single'quoted'");
	CHECK_STR(val(ins(df, 7), 1), "a$b");
	tl_dockerfile_free(df);

	/* Backtick escape in values. */
	df = parse("# escape=`\nFROM a\nENV P=C:\\dir\\ Q=a` b\n");
	CHECK_STR(val(ins(df, 1), 0), "C:\\dir\\");
	CHECK_STR(val(ins(df, 1), 1), "a b");
	tl_dockerfile_free(df);

	CHECK_INT(parse_rc("FROM a\nENV ONLYNAME\n"), TL_EPARSE);
	CHECK_INT(parse_rc("FROM a\nENV a=b c\n"), TL_EPARSE);
	CHECK(strstr(last_err.msg, "'c'") != NULL);
	CHECK_INT(parse_rc("FROM a\nENV\n"), TL_EPARSE);
	CHECK_INT(parse_rc("FROM a\nLABEL =x\n"), TL_EPARSE);
	CHECK_INT(parse_rc("FROM a\nARG\n"), TL_EPARSE);
	CHECK_INT(parse_rc("FROM a\nENV a=\"unclosed\n"), 0);
}

static void
test_heredocs(void)
{
	struct tl_dockerfile	*df;
	const struct tl_df_instr *in;

	TEST("heredocs");
	df = parse("FROM a\n"
	    "RUN <<EOF\n"
	    "apt-get update\n"
	    "  EOF\n"
	    "EOF\n"
	    "RUN <<-\"END\" bash\n"
	    "\techo $HOME\n"
	    "\tEND\n"
	    "COPY <<one <<'two' /dst/\n"
	    "1\n"
	    "one\n"
	    "2\n"
	    "two\n"
	    "RUN python3 << PY\r\n"
	    "print(1)\r\n"
	    "PY\r\n"
	    "CMD x\n");
	CHECK_INT(ninstrs(df), 6);
	in = ins(df, 1);
	CHECK_INT(in->nheredocs, 1);
	CHECK_STR(in->heredoc, "apt-get update\n  EOF\n");
	CHECK_STR(in->heredocs != NULL ? in->heredocs[0].name : NULL, "EOF");
	CHECK_INT(in->heredocs != NULL ? in->heredocs[0].line : 0, 3);
	CHECK_INT(in->end_line, 5);
	in = ins(df, 2);
	CHECK_STR(in->args, "<<-\"END\" bash");
	CHECK_STR(in->heredoc, "echo $HOME\n");
	CHECK(in->heredocs != NULL && in->heredocs[0].chomp == 1 &&
	    in->heredocs[0].terminated == 1);
	CHECK_INT(in->end_line, 8);
	in = ins(df, 3);
	CHECK_INT(in->nheredocs, 2);
	CHECK_STR(body(in, 0), "1\n");
	CHECK_STR(body(in, 1), "2\n");
	CHECK_STR(in->heredoc, "1\n2\n");
	CHECK_INT(in->line, 9);
	CHECK_INT(in->end_line, 13);
	CHECK_STR(ins(df, 4)->heredoc, "print(1)\n");
	CHECK_INT(ins(df, 5)->line, 17);
	tl_dockerfile_free(df);

	/* Not heredocs: exec form, quoted, glued to a word, other keywords. */
	df = parse("FROM a\n"
	    "RUN [\"sh\", \"-c\", \"cat <<EOF\"]\n"
	    "RUN echo \"<<EOF\" '<<EOF'\n"
	    "RUN cat<<EOF\n"
	    "ENV X=<<EOF\n"
	    "RUN echo $((1<<2))\n"
	    "CMD x\n");
	CHECK_INT(ninstrs(df), 7);
	CHECK(ins(df, 1)->heredoc == NULL && ins(df, 2)->heredoc == NULL &&
	    ins(df, 3)->heredoc == NULL && ins(df, 4)->heredoc == NULL &&
	    ins(df, 5)->heredoc == NULL);
	tl_dockerfile_free(df);

	/* ONBUILD triggers carry them too. */
	df = parse("FROM a\nONBUILD RUN <<EOF\necho hi\nEOF\nCMD x\n");
	CHECK_INT(ninstrs(df), 3);
	CHECK_STR(ins(df, 1)->heredoc, "echo hi\n");
	tl_dockerfile_free(df);

	/* Unterminated: the body runs to the end of the file. */
	df = parse("FROM a\nRUN <<EOF cat\nline 1\nCMD not an instruction");
	CHECK_INT(ninstrs(df), 2);
	in = ins(df, 1);
	CHECK_STR(in->heredoc, "line 1\nCMD not an instruction\n");
	CHECK(in->heredocs != NULL && in->heredocs[0].terminated == 0);
	CHECK_INT(in->end_line, 4);
	tl_dockerfile_free(df);
}

static void
test_stages(void)
{
	struct tl_dockerfile	*df;
	const struct tl_df_stage *st;

	TEST("stages and ARG substitution");
	df = parse("ARG BASE=node\n"
	    "ARG TAG=20\n"
	    "ARG FULL=\"${BASE}:${TAG}-alpine\"\n"
	    "ARG NODEFAULT\n"
	    "FROM ${BASE}:${TAG} AS Build\n"
	    "ARG TAG=99\n"
	    "RUN npm ci\n"
	    "FROM build AS test\n"
	    "RUN npm test\n"
	    "FROM $FULL\n"
	    "FROM ${NODEFAULT:-debian}:${UNDECLARED:-12}-slim$UNDECLARED\n"
	    "FROM img:${TAG:+set}${NODEFAULT:+x}${TAG}\n"
	    "FROM 'quoted':1\n"
	    "FROM scratch\n"
	    "COPY --from=BUILD /app /app\n"
	    "COPY --from=1 /x /y\n"
	    "COPY --from=nginx:latest /etc/nginx /etc/nginx\n"
	    "COPY --from=99 /x /y\n");
	CHECK_INT(nstages(df), 7);
	CHECK_INT(ins(df, 0)->stage, TL_DF_NO_STAGE);
	CHECK_INT(ins(df, 3)->stage, TL_DF_NO_STAGE);
	st = stg(df, 0);
	CHECK_STR(st->image, "node:20");
	CHECK_STR(st->image_raw, "${BASE}:${TAG}");
	CHECK_STR(st->name, "Build");
	CHECK_INT(st->parent, -1);
	CHECK_INT(st->line, 5);
	CHECK_INT(st->first, 4);
	CHECK_INT(st->count, 3);
	CHECK_INT(ins(df, 6)->stage, 0);
	st = stg(df, 1);
	CHECK_INT(st->parent, 0);
	CHECK_INT(st->count, 2);
	CHECK_STR(stg(df, 2)->image, "node:20-alpine");
	CHECK_STR(stg(df, 3)->image, "debian:12-slim");
	CHECK_STR(stg(df, 4)->image, "img:set20");
	CHECK_STR(stg(df, 5)->image, "quoted:1");
	CHECK_INT(stg(df, 6)->parent, -1);
	CHECK(tl_dockerfile_final(df) == stg(df, 6));
	CHECK_INT(ins(df, 14)->from_stage, 0);
	CHECK_INT(ins(df, 15)->from_stage, 1);
	CHECK_INT(ins(df, 16)->from_stage, -1);
	CHECK_INT(ins(df, 17)->from_stage, -1);
	CHECK_INT(ins(df, 13)->from_stage, -1);
	tl_dockerfile_free(df);

	/* A stage named as its own image is not its own parent. */
	df = parse("FROM app AS app\nFROM app\n");
	CHECK_INT(stg(df, 0)->parent, -1);
	CHECK_INT(stg(df, 1)->parent, 0);
	tl_dockerfile_free(df);

	TEST("what BuildKit refuses");
	CHECK_INT(parse_rc("RUN echo hi\nFROM a\n"), TL_EPARSE);
	CHECK_INT(last_err.line, 1);
	CHECK(strstr(last_err.msg, "'RUN'") != NULL);
	CHECK_INT(parse_rc("# c\nFROM a\n\nFOO bar\n"), TL_EPARSE);
	CHECK_INT(last_err.line, 4);
	CHECK(strstr(last_err.msg, "'FOO'") != NULL);
	CHECK(strstr(tl_error_get(), "line 4") != NULL);
	CHECK_INT(parse_rc("<html>\n<body>hello</body>\n"), TL_EPARSE);
	CHECK_INT(parse_rc("FROM\n"), TL_EPARSE);
	CHECK_INT(parse_rc("FROM a b\n"), TL_EPARSE);
	CHECK_INT(parse_rc("FROM a AS 1st\n"), TL_EPARSE);
	CHECK_INT(parse_rc("FROM a as b-c_d.e\n"), 0);
	CHECK_INT(parse_rc("ARG A=1\nfrom a\n"), 0);
}

static void
test_image_split(void)
{
	char	*name, *tag, *digest;

	TEST("image references");
	CHECK_INT(tl_df_image_split("alpine", &name, &tag, &digest), 0);
	CHECK_STR(name, "alpine");
	CHECK(tag == NULL && digest == NULL);
	free(name);
	CHECK_INT(tl_df_image_split("localhost:5000/app", &name, &tag, NULL),
	    0);
	CHECK_STR(name, "localhost:5000/app");
	CHECK(tag == NULL);
	free(name);
	CHECK_INT(tl_df_image_split("localhost:5000/team/app:1.2", &name,
	    &tag, &digest), 0);
	CHECK_STR(name, "localhost:5000/team/app");
	CHECK_STR(tag, "1.2");
	CHECK(digest == NULL);
	free(name);
	free(tag);
	CHECK_INT(tl_df_image_split("node:20@sha256:abcd", &name, &tag,
	    &digest), 0);
	CHECK_STR(name, "node");
	CHECK_STR(tag, "20");
	CHECK_STR(digest, "sha256:abcd");
	free(name);
	free(tag);
	free(digest);
	CHECK_INT(tl_df_image_split("ghcr.io/o/r@sha256:ff", NULL, &tag,
	    &digest), 0);
	CHECK(tag == NULL);
	CHECK_STR(digest, "sha256:ff");
	free(digest);
	CHECK_INT(tl_df_image_split("scratch", &name, &tag, NULL), 0);
	CHECK_STR(name, "scratch");
	CHECK(tag == NULL);
	free(name);
	CHECK_INT(tl_df_image_split("", &name, &tag, &digest), TL_EPARSE);
	CHECK(name == NULL && tag == NULL && digest == NULL);
	CHECK_INT(tl_df_image_split(":1.0", &name, NULL, NULL), TL_EPARSE);
	CHECK_INT(tl_df_image_split("@sha256:ff", NULL, NULL, NULL),
	    TL_EPARSE);
}

/* Build a large text; the caller frees it. */
static char *
repeat(const char *head, const char *unit, size_t n, const char *tail)
{
	struct tl_buf	 b = TL_BUF_INIT;
	size_t		 i;

	tl_buf_adds(&b, head);
	for (i = 0; i < n; i++)
		tl_buf_adds(&b, unit);
	tl_buf_adds(&b, tail);
	return tl_buf_detach(&b);
}

static void
test_hostile(void)
{
	struct tl_dockerfile	*df;
	char			*s;
	clock_t			 t0;

	TEST("hostile input: long lines, many continuations, deep nesting");
	t0 = clock();
	s = repeat("FROM a\nRUN x", "y", 2000000, "\n");
	df = parse(s);
	CHECK(df != NULL && strlen(ins(df, 1)->args) == 2000001);
	tl_dockerfile_free(df);
	free(s);

	s = repeat("FROM a\nRUN true", " \\\n && true", 50000, "\nCMD x\n");
	df = parse(s);
	CHECK_INT(ninstrs(df), 3);
	CHECK_INT(ins(df, 1)->end_line, 50002);
	CHECK_INT(ins(df, 2)->line, 50003);
	tl_dockerfile_free(df);
	free(s);

	s = repeat("FROM a\nRUN x", " \\\n# c\n", 50000, "\n");
	df = parse(s);
	CHECK_INT(ninstrs(df), 2);
	tl_dockerfile_free(df);
	free(s);

	s = repeat("ARG A=x\nFROM i:", "${A:-", 100000, "\n");
	df = parse(s);
	CHECK(df != NULL && tl_str_has_prefix(stg(df, 0)->image, "i:x"));
	tl_dockerfile_free(df);
	free(s);

	/* Many global ARGs, stages and --from: no quadratic lookups. */
	s = repeat("", "ARG A=$B\n", 100000, "FROM a:$A\n");
	df = parse(s);
	CHECK_STR(stg(df, 0)->image, "a:");
	tl_dockerfile_free(df);
	free(s);
	s = repeat("ARG A=xx\n", "ARG A=$A$A$A$A\n", 64, "FROM a:$A\n");
	df = parse(s);
	CHECK(df != NULL && strlen(stg(df, 0)->image) <= (1 << 20) + 2);
	tl_dockerfile_free(df);
	free(s);
	s = repeat("", "FROM a AS b\nCOPY --from=c x y\n", 50000, "");
	df = parse(s);
	CHECK_INT(nstages(df), 50000);
	CHECK_INT(stg(df, 49999)->parent, -1);
	tl_dockerfile_free(df);
	free(s);

	s = repeat("FROM a\nRUN ", "<<E ", 10000, "\nbody\nE\n");
	df = parse(s);
	CHECK_INT(ins(df, 1)->nheredocs, 10000);
	tl_dockerfile_free(df);
	free(s);

	s = repeat("FROM a\nCMD ", "[", 100000, "\n");
	df = parse(s);
	CHECK_INT(ins(df, 1)->exec_form, 0);
	tl_dockerfile_free(df);
	free(s);
	s = repeat("FROM a\nRUN ", "--f ", 100000, "x\n");
	df = parse(s);
	CHECK_INT(ins(df, 1)->nflags, 100000);
	tl_dockerfile_free(df);
	free(s);

	/* Odd bytes: lone CRs, high bytes, quotes that never close. */
	df = parse("FROM a\nRUN b\rRUN c\nRUN \"\xff\xfe'\n"
	    "ENV a=\"b\nLABEL '=x\nRUN <<'E\n");
	CHECK(df != NULL);
	tl_dockerfile_free(df);
	printf("# hostile cases took %.2fs\n",
	    (double)(clock() - t0) / CLOCKS_PER_SEC);
	CHECK((double)(clock() - t0) / CLOCKS_PER_SEC < 20.0);
}

int
main(void)
{
	test_empty();
	test_basics();
	test_continuations();
	test_directives();
	test_flags();
	test_exec_form();
	test_pairs();
	test_heredocs();
	test_stages();
	test_image_split();
	test_hostile();
	return TAP_DONE();
}
