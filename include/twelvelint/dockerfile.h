/*
 * dockerfile.h: a parsed Dockerfile: instructions with positions, stages,
 * exec-form arguments, ENV/ARG/LABEL pairs and heredoc bodies.
 *
 * Ownership: a struct tl_dockerfile owns every instruction, stage, string
 * and array inside it; tl_dockerfile_free() releases all of it.  Pointers
 * returned by the accessors below are borrowed from the tl_dockerfile and
 * live as long as it does.
 *
 * The parser follows BuildKit's: parser directives (escape, syntax, check)
 * only before the first other line; continuations with the escape char,
 * with comment and blank lines inside them skipped; "#" comments only at
 * the start of a line; --flags after the keyword; exec form when the
 * arguments are a JSON array of strings; heredocs in RUN, COPY and ADD
 * (also as ONBUILD triggers).  Lines are 1-based physical lines; a UTF-8
 * byte-order mark and CR before LF are ignored.
 */
#ifndef TWELVELINT_DOCKERFILE_H
#define TWELVELINT_DOCKERFILE_H

#include <stddef.h>

/* The stage of an instruction before the first FROM (a global ARG). */
#define TL_DF_NO_STAGE	((size_t)-1)

/*
 * An ENV, ARG or LABEL pair, quotes removed and escapes applied as the
 * shell lexer does; $VAR references are kept as written.
 */
struct tl_df_kv {
	char		*key;		/* owned */
	char		*value;		/* owned; NULL for "ARG NAME" alone */
};

/*
 * One heredoc.  The body holds its lines, each ending in "\n", with
 * leading tabs removed for <<-.  A heredoc whose delimiter never comes
 * runs to the end of the file (terminated is 0).
 */
struct tl_df_heredoc {
	char		*name;		/* owned: delimiter, unquoted: "EOF" */
	char		*body;		/* owned */
	unsigned	 line;		/* line of the first body line */
	int		 chomp;		/* written <<- */
	int		 terminated;
};

/*
 * One instruction.  args is the text after the keyword and its --flags,
 * continuations joined (the escape char and line end removed, comment
 * and blank lines inside dropped), trimmed.  exec_form is set when args
 * is a JSON array of strings in RUN, CMD, ENTRYPOINT, SHELL, COPY, ADD,
 * VOLUME, or after "HEALTHCHECK [flags] CMD"; argv then holds them.
 * from_stage resolves a --from= flag (COPY, or any instruction that has
 * one) as BuildKit does: a stage index, or the last stage of that name in
 * the whole file (ignoring case); -1 without the flag or for an image.
 */
struct tl_df_instr {
	char		*keyword;	/* owned: upper case: "RUN" … */
	char		*args;		/* owned */
	char		**flags;	/* owned: "--from=build" … */
	size_t		  nflags;
	int		  exec_form;
	char		**argv;		/* owned, NULL-terminated; or NULL */
	size_t		  argc;
	struct tl_df_kv	 *kv;		/* owned: ENV, ARG, LABEL pairs */
	size_t		  nkv;
	char		 *heredoc;	/* owned: all bodies joined, or NULL */
	struct tl_df_heredoc *heredocs;	/* owned: one per delimiter, in order */
	size_t		  nheredocs;
	unsigned	  line;		/* 1-based line of the keyword */
	unsigned	  end_line;	/* last line, heredocs included */
	size_t		  stage;	/* into stages, or TL_DF_NO_STAGE */
	long		  from_stage;	/* the stage --from= names, or -1 */
};

/*
 * One stage.  image is image_raw with the global ARGs (those before the
 * first FROM) substituted from their defaults: $V, ${V}, ${V:-w}, ${V-w},
 * ${V:+w}, ${V+w}, ${V:?w}; an unset or unknown V gives "" (values add
 * at most 1 MiB per file).  parent is the last earlier stage whose name
 * equals image, ignoring case.
 */
struct tl_df_stage {
	char		*image;		/* owned: substituted, unquoted */
	char		*image_raw;	/* owned: as written */
	char		*name;		/* owned: "AS name", or NULL */
	char		*platform;	/* owned: --platform= value, or NULL */
	long		 parent;	/* stage named as image, or -1 */
	unsigned	 line;
	size_t		 first;		/* index of its FROM in instrs */
	size_t		 count;		/* instructions, FROM included */
};

struct tl_dockerfile {
	struct tl_df_instr *instrs;	/* owned */
	size_t		  ninstrs;
	struct tl_df_stage *stages;	/* owned */
	size_t		  nstages;
	char		  escape;	/* '\\' or '`' */
	char		 *syntax;	/* owned: "# syntax=" value, or NULL */
	char		 *check;	/* owned: "# check=" value, or NULL */
};

struct tl_df_error {
	unsigned	line;
	char		msg[160];
};

/*
 * Parse a Dockerfile of len bytes (data is NUL-terminated).  0 on success,
 * with *out set; an empty file or one of comments only has 0 instructions.
 * TL_EPARSE, *out NULL and err (which may be NULL) filled where BuildKit
 * refuses the text: an invalid or repeated parser directive, an unknown
 * instruction, an instruction other than ARG before the first FROM, a FROM
 * that is not "image [AS name]" or names a stage badly, ENV/LABEL/ARG
 * without a name=value form, and a JSON array holding other than strings.
 * Other mistakes BuildKit refuses (a missing argument, an unknown flag,
 * an unclosed quote, an unterminated heredoc …) parse, so that the rules
 * still see the file.
 */
int	tl_dockerfile_parse(struct tl_dockerfile **, const char *, size_t,
	    struct tl_df_error *);
void	tl_dockerfile_free(struct tl_dockerfile *);

/*
 * Split an image reference "registry:5000/name:tag@sha256:…" into its
 * parts; each out-parameter may be NULL, strings are owned by the caller,
 * NULL when absent.  The tag is what follows the last ':' after the last
 * '/', so "localhost:5000/app" has none.  Returns 0, or TL_EPARSE when ref
 * or its name is empty.
 */
int	tl_df_image_split(const char *, char **, char **, char **);

/* The final stage (the image that runs), or NULL when there is none. */
const struct tl_df_stage *tl_dockerfile_final(const struct tl_dockerfile *);

/*
 * The value of flag --name of an instruction: borrowed, "" for a flag
 * written without "=", NULL when it is absent.  The last one wins.
 */
const char *tl_df_instr_flag(const struct tl_df_instr *, const char *);

#endif /* TWELVELINT_DOCKERFILE_H */
