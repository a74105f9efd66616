/*
 * baseline.h: a baseline is the set of findings a team accepts for now
 * (--write-baseline FILE once, --baseline FILE in CI): a JSON file of
 * finding fingerprints (rule, path and normalised evidence, no line), so
 * an edit above a finding keeps it baselined while a new secret on a
 * baselined line is a new finding.  docs/config.md describes the file.
 *
 * Ownership: a struct tl_baseline owns its path and fingerprint strings.
 */
#ifndef TWELVELINT_BASELINE_H
#define TWELVELINT_BASELINE_H

#include "twelvelint.h"

struct tl_baseline {
	char		*path;		/* owned: as given */
	struct tl_vec	 fps;		/* char * owned: sorted, unique */
};

/* Read a baseline.  TL_ENOENT / TL_EIO / TL_EUSAGE (not a baseline), message set. */
int	tl_baseline_load(struct tl_baseline *, const char *);
void	tl_baseline_release(struct tl_baseline *);
/* Is the fingerprint in the baseline? */
int	tl_baseline_has(const struct tl_baseline *, const char *);

/*
 * Write the scan's findings as a baseline to path: those not suppressed,
 * and those suppressed only by a baseline.  0 or TL_EIO, message set.
 */
int	tl_baseline_write(const char *, const struct tl_scan *);

#endif /* TWELVELINT_BASELINE_H */
