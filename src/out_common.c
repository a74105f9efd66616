/*
 * out_common.c: what several writers need: the path a CI system shows
 * for a finding, and the status a factor is reported with and why.
 */
#include <stdlib.h>
#include <string.h>

#include "twelvelint/model.h"

char *
tl_out_path(const struct tl_scan *scan, const char *path)
{
	const char	*t = scan->opts != NULL ? scan->opts->target : NULL;
	struct tl_buf	 b = TL_BUF_INIT;
	size_t		 n;

	if (path == NULL || *path == '\0' || t == NULL || *t == '/')
		return tl_strdup(path != NULL ? path : "");
	while (t[0] == '.' && t[1] == '/')
		t += 2;
	n = strlen(t);
	while (n > 0 && t[n - 1] == '/')
		n--;
	if (n == 0 || (n == 1 && t[0] == '.'))
		return tl_strdup(path);
	tl_buf_add(&b, t, n);
	tl_buf_addc(&b, '/');
	tl_buf_adds(&b, path);
	return tl_buf_detach(&b);
}

enum tl_status
tl_out_status(const struct tl_factor_result *fr)
{
	return fr->selected ? fr->status : TL_STATUS_NA;
}

const char *
tl_out_reason(const struct tl_factor_result *fr)
{
	if (!fr->selected)
		return "not selected";
	if (fr->reason != NULL)
		return fr->reason;
	return "nothing in the repository bears on this factor";
}

int
tl_out_block(const struct tl_finding *f, int n)
{
	int	 factor = f->rule->factor;

	if (factor < 1 || factor >= TL_FACTOR_COUNT)
		factor = 0;	/* never lose a finding with an odd factor */
	return factor == n;
}
