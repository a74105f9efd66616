/*
 * util.h: allocation, growable buffers and pointer vectors, error values,
 * and small text helpers shared by every module.
 *
 * Ownership: a struct tl_buf or struct tl_vec owns its storage (released
 * with _release); the pointers stored in a tl_vec are owned by whoever the
 * vector's owner says in its own header.  Strings returned by functions
 * named *_dup or *_escape are owned by the caller and freed with free().
 */
#ifndef TWELVELINT_UTIL_H
#define TWELVELINT_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

/* Error codes: 0 is success, every error is negative. */
#define TL_OK		0
#define TL_ERR		(-1)	/* generic failure, message set */
#define TL_EUSAGE	(-2)	/* bad option, config or rule file (exit 2) */
#define TL_ENOENT	(-3)	/* target does not exist (exit 2) */
#define TL_EIO		(-4)	/* I/O failure on the target root (exit 3) */
#define TL_EPARSE	(-5)	/* a single input did not parse */
#define TL_ELIMIT	(-6)	/* an input went over a hard limit */

/*
 * The last error message of this thread, one line, no trailing newline.
 * tl_error_set() formats it; tl_error_get() never returns NULL.
 */
void		 tl_error_set(const char *, ...)
		    __attribute__((format(printf, 1, 2)));
/*
 * The same as "FILE:LINE: message" (line 0 is given as 1), the message
 * escaped as tl_escape() does: for errors in a pack or configuration.
 */
void		 tl_error_vset_at(const char *, unsigned, const char *,
		    va_list) __attribute__((format(printf, 3, 0)));
const char	*tl_error_get(void);
void		 tl_error_clear(void);

/* Allocation: these never return NULL; out of memory aborts the program. */
void		*tl_malloc(size_t);
void		*tl_calloc(size_t, size_t);
void		*tl_realloc(void *, size_t);
void		*tl_reallocarray(void *, size_t, size_t);
char		*tl_strdup(const char *);
char		*tl_strndup(const char *, size_t);
char		*tl_printf(const char *, ...)
		    __attribute__((format(printf, 1, 2)));

/* A growable byte buffer, always NUL-terminated once anything is added. */
struct tl_buf {
	char	*data;		/* owned; NULL until the first add */
	size_t	 len;
	size_t	 cap;
};

#define TL_BUF_INIT { NULL, 0, 0 }

void	 tl_buf_init(struct tl_buf *);
void	 tl_buf_release(struct tl_buf *);
void	 tl_buf_clear(struct tl_buf *);	/* len = 0, keeps storage */
void	 tl_buf_add(struct tl_buf *, const void *, size_t);
void	 tl_buf_adds(struct tl_buf *, const char *);
void	 tl_buf_addc(struct tl_buf *, int);
void	 tl_buf_addf(struct tl_buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 tl_buf_vaddf(struct tl_buf *, const char *, va_list)
	    __attribute__((format(printf, 2, 0)));
/* Take the contents (never NULL: "" when empty); the buffer is reset. */
char	*tl_buf_detach(struct tl_buf *);
/* "" when empty, never NULL; borrowed until the next add. */
const char *tl_buf_str(const struct tl_buf *);

/* A growable vector of pointers. */
struct tl_vec {
	void	**items;	/* owned array; items' owner is the vector's */
	size_t	  len;
	size_t	  cap;
};

#define TL_VEC_INIT { NULL, 0, 0 }

void	 tl_vec_init(struct tl_vec *);
void	 tl_vec_push(struct tl_vec *, void *);
/* Frees the array; calls free_fn on each item when it is not NULL. */
void	 tl_vec_release(struct tl_vec *, void (*free_fn)(void *));
void	 tl_vec_sort(struct tl_vec *, int (*cmp)(const void *, const void *));

/* Text helpers. */
int	 tl_str_has_prefix(const char *, const char *);
int	 tl_str_has_suffix(const char *, const char *);
int	 tl_str_casecmp_prefix(const char *, const char *);
/* Case-insensitive search for a needle in a buffer of known length. */
const char *tl_memcasemem(const char *, size_t, const char *, size_t);
/* Trim ASCII white space from both ends, in place; returns the start. */
char	*tl_str_trim(char *);

/*
 * Length of the valid UTF-8 sequence at p (at most n bytes): 1 to 4, or 0
 * when it is not valid (overlong forms, surrogates, > U+10FFFF refused).
 */
size_t	 tl_utf8_len(const unsigned char *, size_t);

/* Fold runs of white space to one space and trim both ends: a new string. */
char	*tl_str_fold(const char *, size_t);

/*
 * Append s to the buffer with every control character (C0, DEL, and the
 * C1 range when it is not part of valid UTF-8) escaped as \n, \t, \r or
 * \xHH, so that a file name or snippet can never drive a terminal.
 */
void	 tl_buf_add_escaped(struct tl_buf *, const char *, size_t);
/* The same, as a new string owned by the caller. */
char	*tl_escape(const char *);
/*
 * Append s escaped as above and then for XML and HTML text and attribute
 * values (& < > " ' as entities): valid UTF-8 with no control character.
 */
void	 tl_buf_add_xml(struct tl_buf *, const char *);
/* The entity for & < > " ' in XML and HTML, or NULL for other characters. */
const char *tl_xml_entity(int);

/*
 * Redact: a copy of the secret with its first 4 characters kept and every
 * other character replaced by '*' (at least 4 stars), owned by the caller.
 */
char	*tl_redact(const char *, size_t);

/* Shannon entropy in bits per character of a byte string. */
double	 tl_entropy(const char *, size_t);

/* 64-bit FNV-1a, for hash tables only (not fingerprints). */
uint64_t tl_hash64(const void *, size_t);

/*
 * Line index of a NUL-terminated text: a vector of the byte offsets at
 * which each line starts.  Lines and columns are 1-based; the column is
 * counted in bytes.
 */
struct tl_lines {
	size_t	*start;		/* owned: start[i] is the offset of line i+1 */
	size_t	 n;		/* number of lines */
};

void	 tl_lines_build(struct tl_lines *, const char *, size_t);
void	 tl_lines_release(struct tl_lines *);
/* The line and column of a byte offset. */
void	 tl_lines_locate(const struct tl_lines *, size_t, unsigned *,
	    unsigned *);
/* Borrowed pointer to line `line` (1-based) and its length without EOL. */
const char *tl_lines_get(const struct tl_lines *, const char *, size_t,
	    unsigned, size_t *);

#endif /* TWELVELINT_UTIL_H */
