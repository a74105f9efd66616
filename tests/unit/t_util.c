/* Unit tests of util.c: buffers, escaping, redaction, line index. */
#include <stdlib.h>
#include <string.h>

#include "twelvelint/util.h"
#include "tap.h"

int
main(void)
{
	struct tl_buf	 b = TL_BUF_INIT;
	struct tl_lines	 l;
	const char	*text = "a\nbb\r\n\nccc", *p;
	char		*s;
	unsigned	 line, col;
	size_t		 len;

	TEST("buffers");
	tl_buf_addf(&b, "%d-%s", 42, "x");
	tl_buf_addc(&b, '!');
	CHECK_STR(tl_buf_str(&b), "42-x!");
	s = tl_buf_detach(&b);
	CHECK_STR(tl_buf_str(&b), "");
	free(s);

	TEST("escaping control characters");
	s = tl_escape("a\x1b[31mb\tc\n\x7f");
	CHECK_STR(s, "a\\x1b[31mb\\tc\\n\\x7f");
	free(s);
	s = tl_escape("caf\xc3\xa9 \xc2\x9b");	/* é kept, C1 CSI escaped */
	CHECK_STR(s, "caf\xc3\xa9 \\xc2\\x9b");
	free(s);
	s = tl_escape("\xe2\x80\xae" "evil");	/* right-to-left override */
	CHECK_STR(s, "\\xe2\\x80\\xaeevil");
	free(s);

	TEST("redaction keeps four characters of long secrets only");
	s = tl_redact("AKIAABCDEFGHIJKLMNOP", 20);
	CHECK_STR(s, "AKIA****************");
	free(s);
	s = tl_redact("hunter2", 7);
	CHECK_STR(s, "*******");
	free(s);
	s = tl_redact("ab", 2);
	CHECK_STR(s, "****");
	free(s);

	TEST("entropy");
	CHECK(tl_entropy("aaaa", 4) == 0.0);
	CHECK(tl_entropy("abcd", 4) == 2.0);

	TEST("line index");
	tl_lines_build(&l, text, strlen(text));
	CHECK_INT(l.n, 4);
	tl_lines_locate(&l, 3, &line, &col);
	CHECK_INT(line, 2);
	CHECK_INT(col, 2);
	p = tl_lines_get(&l, text, strlen(text), 2, &len);
	CHECK(p != NULL && len == 2 && strncmp(p, "bb", 2) == 0);
	p = tl_lines_get(&l, text, strlen(text), 4, &len);
	CHECK(p != NULL && len == 3);
	CHECK(tl_lines_get(&l, text, strlen(text), 5, &len) == NULL);
	tl_lines_release(&l);

	TEST("case-insensitive search");
	CHECK(tl_memcasemem("Hello World", 11, "WORLD", 5) != NULL);
	CHECK(tl_memcasemem("Hello", 5, "hellos", 6) == NULL);

	return TAP_DONE();
}
