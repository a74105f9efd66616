/* Unit tests of shell.c: command splitting, Procfile and dotenv readers. */
#include <stdlib.h>
#include <string.h>

#include "twelvelint/shell.h"
#include "twelvelint/util.h"
#include "tap.h"

static struct tl_script *
parse(const char *s)
{
	struct tl_script	*sc;

	tl_shell_parse(&sc, s, strlen(s), 1);
	return sc;
}

/* argv joined with '|', for compact checks; owned by the caller. */
static char *
join(const struct tl_sh_cmd *c)
{
	struct tl_buf	 b = TL_BUF_INIT;
	size_t		 i;

	for (i = 0; i < c->argc; i++) {
		if (i > 0)
			tl_buf_addc(&b, '|');
		tl_buf_adds(&b, c->argv[i]);
	}
	return tl_buf_detach(&b);
}

#define CHECK_ARGV(c, want) do {					\
	char	*j_ = join(c);						\
	CHECK_STR(j_, want);						\
	free(j_);							\
} while (0)

static void
test_split(void)
{
	struct tl_script	*sc;

	TEST("splitting on separators");
	sc = parse("a 1; b && c || d | e & f\ng");
	CHECK_INT(sc->ncmds, 7);
	CHECK_INT(sc->cmds[0].op, TL_SH_SEQ);
	CHECK_INT(sc->cmds[1].op, TL_SH_SEQ);
	CHECK_INT(sc->cmds[2].op, TL_SH_AND);
	CHECK_INT(sc->cmds[3].op, TL_SH_OR);
	CHECK_INT(sc->cmds[4].op, TL_SH_PIPE);
	CHECK(sc->cmds[4].background);
	CHECK_INT(sc->cmds[5].op, TL_SH_BG);
	CHECK_INT(sc->cmds[6].line, 2);
	tl_script_free(sc);

	TEST("&& at the end of a line carries on");
	sc = parse("a &&\n  b |\n  c");
	CHECK_INT(sc->ncmds, 3);
	CHECK_INT(sc->cmds[1].op, TL_SH_AND);
	CHECK_INT(sc->cmds[1].line, 2);
	CHECK_INT(sc->cmds[2].op, TL_SH_PIPE);
	tl_script_free(sc);
}

static void
test_quotes(void)
{
	struct tl_script	*sc;

	TEST("quotes, escapes and expansions keep words whole");
	sc = parse("echo 'a;b' \"c && $d \\\"e\\\"\" f\\ g 'h'\"i\"j");
	CHECK_INT(sc->ncmds, 1);
	CHECK_ARGV(&sc->cmds[0], "echo|a;b|c && $d \"e\"|f g|hij");
	tl_script_free(sc);

	sc = parse("x=$(cat f | grep ')') y=`a;b` echo ${V:-a b} $((1+2))");
	CHECK_INT(sc->ncmds, 1);
	CHECK_INT(sc->cmds[0].nassigns, 2);
	CHECK_STR(sc->cmds[0].assigns[0], "x=$(cat f | grep ')')");
	CHECK_STR(sc->cmds[0].assigns[1], "y=`a;b`");
	CHECK_ARGV(&sc->cmds[0], "echo|${V:-a b}|$((1+2))");
	tl_script_free(sc);

	TEST("comments only at the start of a word");
	sc = parse("echo a#b # not 'closed\n# whole line\nls");
	CHECK_INT(sc->ncmds, 2);
	CHECK_ARGV(&sc->cmds[0], "echo|a#b");
	CHECK_INT(sc->cmds[1].line, 3);
	tl_script_free(sc);

	TEST("continuations join lines; text is one line");
	sc = parse("gunicorn app \\\n  --bind 0.0.0.0:$PORT\nnext");
	CHECK_INT(sc->ncmds, 2);
	CHECK_ARGV(&sc->cmds[0], "gunicorn|app|--bind|0.0.0.0:$PORT");
	CHECK_STR(sc->cmds[0].text, "gunicorn app   --bind 0.0.0.0:$PORT");
	CHECK_INT(sc->cmds[0].line, 1);
	CHECK_INT(sc->cmds[0].end_line, 2);
	CHECK_INT(sc->cmds[1].line, 3);
	tl_script_free(sc);

	TEST("an unbalanced quote ends at the end of the text");
	sc = parse("echo \"never closed\nls; rm -rf /");
	CHECK_INT(sc->ncmds, 1);
	CHECK_INT(sc->cmds[0].argc, 2);
	tl_script_free(sc);
}

static void
test_exec_assigns(void)
{
	struct tl_script	*sc;

	TEST("exec, its options and leading assignments");
	sc = parse("FOO=1 BAR=\"a b\" exec -a name node app.js\n"
	    "exec \"$@\"\nexec=1 x\nnode exec");
	CHECK_INT(sc->ncmds, 4);
	CHECK(sc->cmds[0].is_exec);
	CHECK_INT(sc->cmds[0].nassigns, 2);
	CHECK_STR(sc->cmds[0].assigns[1], "BAR=a b");
	CHECK_ARGV(&sc->cmds[0], "node|app.js");
	CHECK_STR(sc->cmds[0].text,
	    "FOO=1 BAR=\"a b\" exec -a name node app.js");
	CHECK(sc->cmds[1].is_exec);
	CHECK_ARGV(&sc->cmds[1], "$@");
	CHECK(!sc->cmds[2].is_exec);
	CHECK_INT(sc->cmds[2].nassigns, 1);
	CHECK(!sc->cmds[3].is_exec);
	CHECK_STR(tl_sh_prog(&sc->cmds[3]), "node");
	tl_script_free(sc);

	TEST("exec with no program redirects the script");
	sc = parse("exec >/var/log/entry.log 2>&1");
	CHECK_INT(sc->ncmds, 1);
	CHECK(sc->cmds[0].is_exec);
	CHECK_INT(sc->cmds[0].argc, 0);
	CHECK_STR(sc->cmds[0].redirect, "/var/log/entry.log");
	CHECK_STR(sc->cmds[0].redirect_err, "/var/log/entry.log");
	CHECK_STR(tl_sh_prog(&sc->cmds[0]), "");
	tl_script_free(sc);
}

static void
test_redirects(void)
{
	struct tl_script	*sc;

	TEST("redirections leave argv and summarise stdout/stderr");
	sc = parse("a >out.log\nb 2> err.log\nc >f 2>&1\nd 2>&1 >f\n"
	    "e &>both\nf >&2\ng 1>>app.log\nh >&file");
	CHECK_INT(sc->ncmds, 8);
	CHECK_ARGV(&sc->cmds[0], "a");
	CHECK_STR(sc->cmds[0].redirect, "out.log");
	CHECK_STR(sc->cmds[0].redirect_err, NULL);
	CHECK_STR(sc->cmds[1].redirect, NULL);
	CHECK_STR(sc->cmds[1].redirect_err, "err.log");
	CHECK_STR(sc->cmds[2].redirect_err, "f");
	CHECK_STR(sc->cmds[3].redirect, "f");
	CHECK_STR(sc->cmds[3].redirect_err, NULL);
	CHECK_INT(sc->cmds[3].nredirs, 2);
	CHECK_INT(sc->cmds[3].redirs[0].kind, TL_SH_R_DUP);
	CHECK_INT(sc->cmds[3].redirs[0].fd, 2);
	CHECK_STR(sc->cmds[4].redirect, "both");
	CHECK_INT(sc->cmds[4].redirs[0].fd, -1);
	CHECK_STR(sc->cmds[5].redirect, NULL);
	CHECK_INT(sc->cmds[6].redirs[0].kind, TL_SH_R_APPEND);
	CHECK_STR(sc->cmds[6].redirect, "app.log");
	CHECK_STR(sc->cmds[7].redirect_err, "file");
	tl_script_free(sc);

	TEST("streams are not files");
	sc = parse("a >/dev/null 2>&1\nb > /proc/1/fd/1 2>/dev/stderr\n"
	    "c >>/dev/stdout\nd >/proc/self/fd/2\ne >/dev/shm/x.log");
	CHECK_STR(sc->cmds[0].redirect, NULL);
	CHECK_STR(sc->cmds[0].redirect_err, NULL);
	CHECK_INT(sc->cmds[0].nredirs, 2);
	CHECK_STR(sc->cmds[0].redirs[0].target, "/dev/null");
	CHECK_STR(sc->cmds[1].redirect, NULL);
	CHECK_STR(sc->cmds[1].redirect_err, NULL);
	CHECK_STR(sc->cmds[2].redirect, NULL);
	CHECK_STR(sc->cmds[3].redirect, NULL);
	CHECK_STR(sc->cmds[4].redirect, "/dev/shm/x.log");
	CHECK(tl_sh_path_is_stream("/proc/42/fd/1"));
	CHECK(!tl_sh_path_is_stream("/proc/42/fdx"));
	CHECK(!tl_sh_path_is_stream("/var/log/app.log"));
	tl_script_free(sc);
}

static void
test_bodies(void)
{
	struct tl_script	*sc;

	TEST("sh -c bodies are split again, one level deeper");
	sc = parse("set -e\n/bin/sh -ec 'npm ci && exec node app' x\n"
	    "gosu app bash -lc \"a; b\"");
	CHECK_INT(sc->ncmds, 7);
	CHECK_INT(sc->cmds[1].depth, 0);
	CHECK_ARGV(&sc->cmds[2], "npm|ci");
	CHECK_INT(sc->cmds[2].depth, 1);
	CHECK_INT(sc->cmds[2].line, 2);
	CHECK(sc->cmds[3].is_exec);
	CHECK_INT(sc->cmds[3].op, TL_SH_AND);
	CHECK_STR(tl_sh_real_prog(&sc->cmds[4]), "bash");
	CHECK_INT(sc->cmds[6].line, 3);
	CHECK_INT(sc->cmds[6].depth, 1);
	tl_script_free(sc);

	sc = parse("bash -o pipefail -c 'curl -s x | sh'\n"
	    "su - app -c \"rake db:migrate\"\nsh script.sh -c x\n"
	    "\n\nsh -c \"sh -c 'a'\"");
	CHECK_INT(sc->ncmds, 9);
	CHECK_STR(tl_sh_prog(&sc->cmds[2]), "sh");
	CHECK_INT(sc->cmds[2].op, TL_SH_PIPE);
	CHECK_ARGV(&sc->cmds[4], "rake|db:migrate");
	CHECK_INT(sc->cmds[5].depth, 0);	/* sh script.sh: no body */
	CHECK_INT(sc->cmds[8].depth, 2);
	CHECK_INT(sc->cmds[8].line, 6);
	tl_script_free(sc);
}

static void
test_heredoc_keywords(void)
{
	struct tl_script	*sc;

	TEST("heredoc bodies are skipped");
	sc = parse("cat <<EOF >/etc/x.conf\nit's && not; a command\nEOF\n"
	    "cat <<-'END' | sh\n\tnor this\n\tEND\nlast");
	CHECK_INT(sc->ncmds, 4);
	CHECK_STR(sc->cmds[0].redirect, "/etc/x.conf");
	CHECK_INT(sc->cmds[0].redirs[0].kind, TL_SH_R_HEREDOC);
	CHECK_STR(sc->cmds[0].redirs[0].target, "EOF");
	CHECK_STR(sc->cmds[2].text, "sh");
	CHECK_ARGV(&sc->cmds[3], "last");
	CHECK_INT(sc->cmds[3].line, 7);
	tl_script_free(sc);

	TEST("keywords are dropped, the commands inside kept");
	sc = parse("if [ -f x ]; then\n  exec a\nelif ! b; then c; else d; fi\n"
	    "for f in *.sh; do . \"$f\"; done\n"
	    "while true; do sleep 1; done &\n"
	    "case \"$1\" in\n  web|http) exec web ;;\n  (*) other;;\nesac\n"
	    "{ e; } > /dev/null\n(cd /x && make)\n[[ $a && -f b ]] && z");
	CHECK_INT(sc->ncmds, 15);
	CHECK_ARGV(&sc->cmds[0], "[|-f|x|]");
	CHECK_INT(sc->cmds[0].nest, 1);
	CHECK(sc->cmds[1].is_exec);
	CHECK_ARGV(&sc->cmds[2], "b");
	CHECK_ARGV(&sc->cmds[5], ".|$f");
	CHECK_ARGV(&sc->cmds[6], "true");
	CHECK(sc->cmds[7].background);
	CHECK_ARGV(&sc->cmds[8], "web");
	CHECK_INT(sc->cmds[8].line, 7);
	CHECK_ARGV(&sc->cmds[9], "other");
	CHECK_ARGV(&sc->cmds[10], "e");
	CHECK_INT(sc->cmds[10].nredirs, 0);
	CHECK_ARGV(&sc->cmds[11], "cd|/x");
	CHECK_INT(sc->cmds[12].nest, 1);
	CHECK_ARGV(&sc->cmds[13], "[[|$a|&&|-f|b|]]");
	CHECK_INT(sc->cmds[14].op, TL_SH_AND);
	CHECK_INT(sc->cmds[14].nest, 0);
	tl_script_free(sc);

	TEST("function bodies");
	sc = parse("start() {\n  nginx -g 'daemon off;'\n}\n"
	    "function stop {\n  kill 1\n}\nstart");
	CHECK_INT(sc->ncmds, 3);
	CHECK(sc->cmds[0].in_function);
	CHECK(sc->cmds[1].in_function);
	CHECK_ARGV(&sc->cmds[1], "kill|1");
	CHECK(!sc->cmds[2].in_function);
	CHECK_INT(sc->cmds[2].nest, 0);
	tl_script_free(sc);
}

static void
test_wrappers(void)
{
	struct tl_script	*sc;

	TEST("wrappers before the real program");
	sc = parse("tini -- gosu app env A=1 -u B nohup node s.js\n"
	    "sudo -u app -E python x.py\ntimeout -s KILL 30 npm start\n"
	    "command -v node\n./wait-for-it.sh db:5432 -t 5 -- rails s\n"
	    "env\nbundle exec rake");
	CHECK_INT(sc->ncmds, 7);
	CHECK_INT(tl_sh_prog_index(&sc->cmds[0]), 9);
	CHECK_STR(tl_sh_real_prog(&sc->cmds[0]), "node");
	CHECK_STR(tl_sh_prog(&sc->cmds[0]), "tini");
	CHECK_STR(tl_sh_real_prog(&sc->cmds[1]), "python");
	CHECK_STR(tl_sh_real_prog(&sc->cmds[2]), "npm");
	CHECK_STR(tl_sh_real_prog(&sc->cmds[3]), "command");
	CHECK_STR(tl_sh_real_prog(&sc->cmds[4]), "rails");
	CHECK_STR(tl_sh_real_prog(&sc->cmds[5]), "env");
	CHECK_STR(tl_sh_real_prog(&sc->cmds[6]), "bundle");
	tl_script_free(sc);
}

static void
test_odd_input(void)
{
	struct tl_script	*sc;
	struct tl_buf		 b = TL_BUF_INIT;
	size_t			 i;

	TEST("odd and large input");
	sc = parse("");
	CHECK_INT(sc->ncmds, 0);
	tl_script_free(sc);
	sc = parse("#!/bin/bash -e\r\n\xef\xbb\xbf;;;&&&|||)))(((");
	CHECK_STR(sc->shebang, "#!/bin/bash -e");
	tl_script_free(sc);
	for (i = 0; i < 20000; i++)
		tl_buf_adds(&b, "true && ");
	tl_buf_adds(&b, "end");
	tl_shell_parse(&sc, b.data, b.len, 10);
	CHECK_INT(sc->ncmds, 20001);
	CHECK_INT(sc->cmds[20000].line, 10);
	tl_script_free(sc);
	tl_buf_clear(&b);
	for (i = 0; i < 50000; i++)
		tl_buf_adds(&b, "\"$(");
	tl_shell_parse(&sc, b.data, b.len, 1);
	CHECK_INT(sc->ncmds, 1);
	tl_script_free(sc);
	tl_buf_clear(&b);
	for (i = 0; i < 12; i++)
		tl_buf_adds(&b, "sh -c \"");
	tl_buf_adds(&b, "x");
	tl_shell_parse(&sc, b.data, b.len, 1);
	CHECK(sc->ncmds <= 9);		/* at most 8 levels deep */
	tl_script_free(sc);
	tl_buf_release(&b);
}

static void
test_procfile(void)
{
	struct tl_procfile	*pf;
	const char		*s = "# Procfile\nweb: gunicorn app -b :$PORT\n"
	    "\nworker:  celery -A app worker > celery.log\r\n"
	    "not a process\nbad type: x\nrelease:\nclock_2: python clock.py";

	TEST("Procfile");
	tl_procfile_parse(&pf, s, strlen(s));
	CHECK_INT(pf->nprocs, 3);
	CHECK_STR(pf->procs[0].type, "web");
	CHECK_STR(pf->procs[0].command, "gunicorn app -b :$PORT");
	CHECK_INT(pf->procs[0].line, 2);
	CHECK_STR(pf->procs[1].command, "celery -A app worker > celery.log");
	CHECK_INT(pf->procs[1].script->cmds[0].line, 4);
	CHECK_STR(pf->procs[1].script->cmds[0].redirect, "celery.log");
	CHECK_STR(pf->procs[2].type, "clock_2");
	CHECK_INT(pf->procs[2].line, 8);
	tl_procfile_free(pf);
}

static void
test_dotenv(void)
{
	struct tl_dotenv	*de;
	const char		*s = "\xef\xbb\xbf# comment\nA=1\n"
	    "export B = two words # note\n"
	    "C=\"multi\nline \\\"q\\\" \\n\" # after\n"
	    "D='lit $x \\n'\nE=\nF=a#b\nG=#x\nH: yaml\nnot a pair\n"
	    "I=\"open\nJ=crlf\r\nK.L-M=`tick`\n  N =  pad  ";

	TEST("dotenv");
	tl_dotenv_parse(&de, s, strlen(s));
	CHECK_INT(de->nvars, 12);
	CHECK_STR(de->vars[0].key, "A");
	CHECK_INT(de->vars[0].line, 2);
	CHECK_INT(de->vars[0].value_col, 3);
	CHECK_STR(de->vars[1].value, "two words");
	CHECK(de->vars[1].exported);
	CHECK_INT(de->vars[1].value_col, 12);
	CHECK_STR(de->vars[2].value, "multi\nline \"q\" \n");
	CHECK_INT(de->vars[2].quoted, '"');
	CHECK_INT(de->vars[2].value_col, 4);
	CHECK_STR(de->vars[3].key, "D");
	CHECK_INT(de->vars[3].line, 6);
	CHECK_STR(de->vars[3].value, "lit $x \\n");
	CHECK_STR(de->vars[4].value, "");
	CHECK_STR(de->vars[5].value, "a#b");
	CHECK_STR(de->vars[6].value, "#x");
	CHECK_STR(de->vars[7].value, "yaml");
	CHECK_STR(de->vars[8].value, "\"open");
	CHECK_INT(de->vars[8].quoted, 0);
	CHECK_STR(de->vars[9].value, "crlf");
	CHECK_STR(de->vars[10].key, "K.L-M");
	CHECK_INT(de->vars[10].quoted, '`');
	CHECK_STR(de->vars[11].value, "pad");
	CHECK_INT(de->vars[11].line, 15);
	tl_dotenv_free(de);
}

int
main(void)
{
	test_split();
	test_quotes();
	test_exec_assigns();
	test_redirects();
	test_bodies();
	test_heredoc_keywords();
	test_wrappers();
	test_odd_input();
	test_procfile();
	test_dotenv();
	return TAP_DONE();
}
