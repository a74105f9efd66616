/*
 * shell.h: shell command lines (entrypoint scripts, RUN/CMD bodies,
 * Procfile commands) split into simple commands; Procfile and dotenv
 * line readers.
 *
 * Ownership: a struct tl_script, tl_procfile or tl_dotenv owns every
 * array and string inside it; free it with the matching _free().  The
 * helpers below return pointers borrowed from the command they are given.
 */
#ifndef TWELVELINT_SHELL_H
#define TWELVELINT_SHELL_H

#include <stddef.h>

/* How a simple command is joined to the one before it. */
enum tl_sh_op {
	TL_SH_SEQ = 0,	/* first command, newline, ';', ';;' or a keyword */
	TL_SH_AND,	/* && */
	TL_SH_OR,	/* || */
	TL_SH_PIPE,	/* | or |& */
	TL_SH_BG	/* the previous command ended with '&' */
};

/* One redirection, in the order written. */
enum tl_sh_redir_kind {
	TL_SH_R_OUT = 0,	/* > file, >| file, &> file */
	TL_SH_R_APPEND,		/* >> file, &>> file */
	TL_SH_R_IN,		/* < file */
	TL_SH_R_RDWR,		/* <> file */
	TL_SH_R_DUP,		/* n>&m, n<&m, n>&- (target "m" or "-") */
	TL_SH_R_HEREDOC,	/* << word, <<- word (target: the delimiter) */
	TL_SH_R_HERESTR		/* <<< word */
};

struct tl_sh_redir {
	int		 fd;	/* 0, 1, 2 …; -1: both stdout and stderr */
	enum tl_sh_redir_kind kind;
	char		*target; /* owned: the word after it, unquoted */
};

/*
 * A simple command.  Shell keywords and grouping (if then else elif fi
 * while until do done, for/select … in …, case … in pattern) … esac,
 * { } ( ) !, function definitions) are dropped and the commands inside
 * kept; nest and in_function say where they were.
 *
 * argv holds the words with quotes removed; "$VAR", "${…}", "$(…)" and
 * backquotes are kept literally.  A leading "exec" (and its options -a
 * NAME -c -l --) and leading NAME=value words are taken out of argv.
 *
 * Redirections are removed from argv and listed in redirs (fd -1 for
 * "&>file" and ">&file").  redirect and redirect_err say where stdout and
 * stderr end up when that is a file, after applying every redirection in
 * order: "2>&1 >f" leaves stderr alone, ">f 2>&1" sends both to f.  They
 * stay NULL when the stream is untouched, duplicated to a descriptor
 * (">&2") or sent to a stream device (tl_sh_path_is_stream(): /dev/null,
 * /dev/stdout, /proc/1/fd/1 …), so a rule for "logs written to a file"
 * can test them as they are.
 *
 * "exec" with no program ("exec >/var/log/app.log 2>&1") has is_exec set,
 * argc 0 and its redirections: it redirects the rest of the script.
 * A command made only of NAME=value words has argc 0 and its assigns.
 *
 * text is the command as written, from its first word (keywords before
 * it excluded) to its last, on one line: backslash-newline removed,
 * newlines inside quotes turned into spaces, trimmed.
 */
struct tl_sh_cmd {
	char		**argv;		/* owned; NULL when argc is 0 */
	size_t		  argc;
	char		**assigns;	/* owned: "NAME=value"; NULL if none */
	size_t		  nassigns;
	struct tl_sh_redir *redirs;	/* owned, in order; NULL if none */
	size_t		  nredirs;
	char		 *redirect;	/* owned: stdout's file, or NULL */
	char		 *redirect_err;	/* owned: stderr's file, or NULL */
	enum tl_sh_op	  op;		/* joins it to the previous command */
	int		  is_exec;	/* started with "exec" */
	int		  background;	/* ended with a lone '&' */
	int		  depth;	/* n inside n levels of sh -c '…' */
	unsigned	  nest;		/* enclosing compound commands */
	int		  in_function;	/* inside a function's body */
	unsigned	  line;		/* 1-based line where it starts */
	unsigned	  end_line;	/* line of its last word */
	char		 *text;		/* owned: as written, one line */
};

/* The commands in order; an sh -c body's commands follow its command. */
struct tl_script {
	struct tl_sh_cmd *cmds;		/* owned; NULL when ncmds is 0 */
	size_t		  ncmds;
	char		 *shebang;	/* owned: "#!" line, no EOL, or NULL */
};

/*
 * Split shell text of len bytes into simple commands.  first_line is the
 * line number of the text's first line in its file.  Separators: newline,
 * ';', ';;', '&&', '||', '|', '|&', '&'.  Quotes, backslashes, "$(…)",
 * "${…}", backquotes and "$((…))" keep a word whole; '#' starts a comment
 * at the start of a word; heredoc bodies are skipped.  The bodies of
 * `sh -c 'body'`, `bash -lc "body"`, `/bin/sh -ec …`, `su -c …` (also
 * behind wrappers: `gosu app sh -c …`) are split again and appended after
 * their command with depth + 1, at most 8 levels; their line numbers
 * count from the line where the body's word starts.
 *
 * Never fails: an unbalanced quote ends its word at the end of the text,
 * a runaway "$(" likewise; time and memory are linear in len.  Returns 0.
 *
 * What a line scanner cannot see: "$(…)" and backquoted commands stay
 * inside their word and are not split; heredoc bodies are not read even
 * when fed to a shell ("sh <<EOF"); '&' or a redirection after a closing
 * "}", "done", "fi" or ")" applies to the whole compound: '&' marks its
 * last command as background, the redirection is dropped; a backslash-
 * newline inside double quotes in an sh -c body shifts the body's later
 * line numbers up by one.  A Dockerfile caller passes RUN/CMD text with
 * its continuations joined and first_line set to the instruction's line.
 */
int	tl_shell_parse(struct tl_script **, const char *, size_t, unsigned);
void	tl_script_free(struct tl_script *);

/*
 * The command's program name without its directory ("/usr/bin/node" →
 * "node"); "" when argc is 0.  Borrowed from the command.
 */
const char *tl_sh_prog(const struct tl_sh_cmd *);

/*
 * Index in argv of the program that really runs, after process wrappers
 * and their options: sudo, doas, gosu, su-exec, s6-setuidgid, setuidgid,
 * chpst, setpriv, runuser -u, tini, dumb-init, catatonit, env (and its
 * NAME=value words), nice, ionice, nohup, setsid, stdbuf, timeout (and its
 * duration), time, command, builtin, chroot (and its directory),
 * with-contenv, wait-for-it/wait-for (the words after "--").  Language
 * runners such as `bundle exec`, `npx` or `poetry run` are not skipped.
 * When nothing follows the wrappers, the last wrapper's own index is
 * returned, so the result is below argc whenever argc > 0; 0 when argc is 0.
 */
size_t	tl_sh_prog_index(const struct tl_sh_cmd *);

/* Basename of argv[tl_sh_prog_index()], or "" when argc is 0.  Borrowed. */
const char *tl_sh_real_prog(const struct tl_sh_cmd *);

/*
 * Is this redirection target a stream rather than a file: /dev/null,
 * /dev/stdout, /dev/stderr, /dev/stdin, /dev/tty, /dev/console,
 * /dev/pts/N, /dev/fd/N, /proc/self/fd/N, /proc/N/fd/N?
 */
int	tl_sh_path_is_stream(const char *);

struct tl_proc {
	char		*type;		/* owned: "web", "worker" … */
	char		*command;	/* owned: text after "type:", trimmed */
	unsigned	 line;		/* 1-based */
	struct tl_script *script;	/* owned: command parsed at its line */
};

struct tl_procfile {
	struct tl_proc	*procs;		/* owned, in order; NULL if none */
	size_t		 nprocs;
};

/*
 * Read a Procfile: "type: command" lines, type matching [A-Za-z0-9_-]+
 * (leading blanks allowed); blank lines, '#' comments and any other line
 * are ignored.  Never fails; returns 0.
 */
int	tl_procfile_parse(struct tl_procfile **, const char *, size_t);
void	tl_procfile_free(struct tl_procfile *);

/*
 * value is unquoted, with the escapes of "…" applied (\n \r \t \" \\ \$),
 * "" when empty.  value_col is the 1-based byte column of the value's
 * first character: inside the quotes when quoted, where it would start
 * when empty.
 */
struct tl_env_var {
	char		*key;		/* owned */
	char		*value;		/* owned, never NULL */
	unsigned	 line;		/* 1-based line of the key */
	unsigned	 value_col;
	int		 quoted;	/* 0 none, '\'', '"' or '`' */
	int		 exported;	/* written "export KEY=…" */
};

struct tl_dotenv {
	struct tl_env_var *vars;	/* owned, in order; NULL if none */
	size_t		   nvars;
};

/*
 * Read a dotenv file.  Accepted: "KEY=value", "export KEY=value", blanks
 * around '=' ("KEY = value"), "KEY: value" (as node's dotenv does), keys
 * of [A-Za-z0-9_.-], '#' comment lines, " # comment" after an unquoted
 * value ('#' inside a word is kept), single quotes and backquotes
 * (literal), double quotes (escapes and values over several lines), empty
 * values, CRLF line ends, a UTF-8 byte order mark.  An unterminated quote
 * leaves the rest of its line as an unquoted value.  Lines that are none
 * of these are ignored.  Never fails; returns 0.
 */
int	tl_dotenv_parse(struct tl_dotenv **, const char *, size_t);
void	tl_dotenv_free(struct tl_dotenv *);

#endif /* TWELVELINT_SHELL_H */
