/*
 * main.c: the command line.  Parses options with getopt_long, loads the
 * rule set, runs one scan, writes each requested report and maps the
 * result to an exit code.  The only file that calls exit().
 *
 *   0  no finding at or above --fail-on
 *   1  at least one
 *   2  usage, rule-file error, or a target that does not exist
 *   3  the tool itself failed
 */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "twelvelint/baseline.h"
#include "twelvelint/config.h"
#include "twelvelint/model.h"
#include "twelvelint/patterns.h"

#define EXIT_FINDINGS	1
#define EXIT_USAGE	2
#define EXIT_TOOL	3

#define DEFAULT_MAX_FILE_SIZE	(4UL * 1024 * 1024)
#define ALL_FACTORS		0x1ffeU	/* bits 1..12 */

enum {
	OPT_FAIL_ON = 256,
	OPT_FACTOR,
	OPT_ENABLE,
	OPT_DISABLE,
	OPT_RULES,
	OPT_MAX_FILE_SIZE,
	OPT_LIST_RULES,
	OPT_EXPLAIN,
	OPT_COLOR,
	OPT_NO_COLOR,
	OPT_VERSION,
	OPT_HISTORY,
	OPT_SINCE,
	OPT_STAGED,
	OPT_CONFIG,
	OPT_BASELINE,
	OPT_WRITE_BASELINE
};

static const struct option long_options[] = {
	{ "format",		required_argument, NULL, 'f' },
	{ "output",		required_argument, NULL, 'o' },
	{ "fail-on",		required_argument, NULL, OPT_FAIL_ON },
	{ "factor",		required_argument, NULL, OPT_FACTOR },
	{ "enable",		required_argument, NULL, OPT_ENABLE },
	{ "disable",		required_argument, NULL, OPT_DISABLE },
	{ "rules",		required_argument, NULL, OPT_RULES },
	{ "max-file-size",	required_argument, NULL, OPT_MAX_FILE_SIZE },
	{ "history",		optional_argument, NULL, OPT_HISTORY },
	{ "since",		required_argument, NULL, OPT_SINCE },
	{ "staged",		no_argument,	   NULL, OPT_STAGED },
	{ "config",		required_argument, NULL, OPT_CONFIG },
	{ "baseline",		required_argument, NULL, OPT_BASELINE },
	{ "write-baseline",	required_argument, NULL, OPT_WRITE_BASELINE },
	{ "jobs",		required_argument, NULL, 'j' },
	{ "list-rules",		no_argument,	   NULL, OPT_LIST_RULES },
	{ "explain",		required_argument, NULL, OPT_EXPLAIN },
	{ "color",		no_argument,	   NULL, OPT_COLOR },
	{ "colour",		no_argument,	   NULL, OPT_COLOR },
	{ "no-color",		no_argument,	   NULL, OPT_NO_COLOR },
	{ "no-colour",		no_argument,	   NULL, OPT_NO_COLOR },
	{ "quiet",		no_argument,	   NULL, 'q' },
	{ "verbose",		no_argument,	   NULL, 'v' },
	{ "version",		no_argument,	   NULL, OPT_VERSION },
	{ "help",		no_argument,	   NULL, 'h' },
	{ NULL, 0, NULL, 0 }
};

static const char usage_text[] =
"usage: twelvelint [OPTIONS] [PATH]\n"
"\n"
"Audit the repository at PATH (default: .) against the Twelve-Factor App\n"
"(https://12factor.net) and print a report per factor.\n"
"\n"
"Output:\n"
"  -f, --format FMT[:FILE]  text (default), json, sarif (code scanning),\n"
"                           junit (CI test reports), github (Actions\n"
"                           annotations) or html (one self-contained page);\n"
"                           repeatable, each to its own FILE (one scan\n"
"                           feeds several consumers)\n"
"  -o, --output FILE        write the report to FILE instead of stdout\n"
"      --color, --no-color  colour the text report (default: only on a\n"
"                           terminal, and never when NO_COLOR is set)\n"
"  -q, --quiet              text: only the finding lines\n"
"  -v, --verbose            text: also list evidence and skipped files\n"
"\n"
"Selection:\n"
"      --fail-on LEVEL      error (default), warning, info or none: exit 1\n"
"                           when a finding is at or above LEVEL\n"
"      --factor LIST        only these factors: III,IX or 3,9 or config\n"
"      --enable IDS         only these rules (TF0301,TF0901; TF03 = all of III)\n"
"      --disable IDS        not these rules\n"
"      --rules PATH         add the pattern packs in PATH (file or directory)\n"
"      --config FILE        settings (default: .twelvelint.yml in PATH, if\n"
"                           there is one; see docs/config.md)\n"
"      --baseline FILE      report only findings not in the baseline FILE\n"
"                           (the others are counted as suppressed)\n"
"      --write-baseline FILE\n"
"                           write the findings to FILE as a baseline and\n"
"                           exit 0 (adopt on a legacy repository)\n"
"\n"
"Input:\n"
"      --history[=N]        also scan git history for secrets (TF0302): every\n"
"                           commit of every ref, or the newest N commits\n"
"      --since REV          report only files changed since REV (and, with\n"
"                           --history, only commits since REV)\n"
"      --staged             report only files the index changes (pre-commit)\n"
"      --max-file-size N    skip files larger than N bytes (default 4194304;\n"
"                           K, M suffixes); skipped files are listed\n"
"  -j, --jobs N             worker threads (default: online CPUs)\n"
"\n"
"Information:\n"
"      --list-rules         list every rule\n"
"      --explain ID         everything about one rule\n"
"      --version            print the version\n"
"  -h, --help               print this help\n"
"\n"
"Exit status: 0 no finding at or above --fail-on, 1 findings, 2 usage or\n"
"rule-file error or missing target, 3 the tool itself failed.\n";

struct output {
	const char	*format;	/* a name in formats[] */
	const char	*path;		/* borrowed: argv, or NULL for stdout */
};

static const struct {
	const char	*name;
	int		(*write)(FILE *, const struct tl_scan *,
			    const struct tl_out_opts *);
} formats[] = {
	{ "github", tl_out_github },
	{ "html", tl_out_html },
	{ "json", tl_out_json },
	{ "junit", tl_out_junit },
	{ "sarif", tl_out_sarif },
	{ "text", tl_out_text },
};

static void	usage_error(const char *, ...)
		    __attribute__((format(printf, 1, 2), noreturn));

static void
usage_error(const char *fmt, ...)
{
	va_list	 ap;

	fputs("twelvelint: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs("\nTry 'twelvelint --help' for more information.\n", stderr);
	exit(EXIT_USAGE);
}

static int
find_format(const char *name)
{
	size_t	 i;

	for (i = 0; i < TL_NELEM(formats); i++)
		if (strcmp(formats[i].name, name) == 0)
			return (int)i;
	return -1;
}

static const char *const numerals[] = {
	"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X",
	"XI", "XII"
};

/* "III,IX", "3,9", "config,logs" → a bit mask of factors. */
static unsigned
parse_factors(const char *list)
{
	char		*copy, *item, *save = NULL;
	const struct tl_factor_info *fi;
	unsigned	 mask = 0;
	int		 f, found;

	copy = tl_strdup(list);
	for (item = strtok_r(copy, ",", &save); item != NULL;
	    item = strtok_r(NULL, ",", &save)) {
		item = tl_str_trim(item);
		found = 0;
		for (f = 1; f < TL_FACTOR_COUNT && !found; f++) {
			char num[12];

			fi = tl_factor_get(f);
			snprintf(num, sizeof(num), "%d", f);
			if (strcasecmp(item, numerals[f]) == 0 ||
			    strcmp(item, num) == 0 ||
			    strcasecmp(item, fi->slug) == 0) {
				mask |= 1U << f;
				found = 1;
			}
		}
		if (!found)	/* usage_error() exits: copy is not freed */
			usage_error("unknown factor '%s' (use I..XII, 1..12 or "
			    "a slug such as config)", item);
	}
	free(copy);
	if (mask == 0)
		usage_error("--factor needs at least one factor");
	return mask;
}

/* Split a comma list of rule ids into v (the strings stay in argv). */
static void
add_ids(struct tl_vec *v, char *list)
{
	char	*item, *save = NULL;

	for (item = strtok_r(list, ",", &save); item != NULL;
	    item = strtok_r(NULL, ",", &save))
		tl_vec_push(v, tl_str_trim(item));
}

/* Every id must name a rule, or be a factor prefix "TFff". */
static void
check_ids(const struct tl_ruleset *rs, const struct tl_vec *v,
    const char *opt)
{
	const char	*id;
	size_t		 i, j;
	int		 ok;

	for (i = 0; i < v->len; i++) {
		id = v->items[i];
		ok = tl_ruleset_find(rs, id) != NULL;
		for (j = 0; !ok && strlen(id) == 4 && j < rs->nrules; j++)
			ok = strncasecmp(rs->rules[j]->id, id, 4) == 0;
		if (!ok)
			usage_error("%s: unknown rule '%s' (see --list-rules)",
			    opt, id);
	}
}

static size_t
parse_size(const char *s)
{
	char			*end;
	unsigned long long	 v;

	errno = 0;
	if (!isdigit((unsigned char)*s))
		usage_error("--max-file-size: '%s' is not a size", s);
	v = strtoull(s, &end, 10);
	if (errno != 0)
		usage_error("--max-file-size: '%s' is out of range", s);
	if (*end == 'k' || *end == 'K') {
		v *= 1024;
		end++;
	} else if (*end == 'm' || *end == 'M') {
		v *= 1024 * 1024;
		end++;
	}
	if (*end != '\0' || v == 0 || v > (unsigned long long)SIZE_MAX / 2)
		usage_error("--max-file-size: '%s' is not a size", s);
	return (size_t)v;
}

static int
parse_jobs(const char *s)
{
	char	*end;
	long	 v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || *end != '\0' || end == s || v < 1 || v > 256)
		usage_error("--jobs: '%s' is not a number from 1 to 256", s);
	return (int)v;
}

/* --history=N: a count of commits. */
static size_t
parse_count(const char *s)
{
	char			*end;
	unsigned long long	 v;

	errno = 0;
	v = strtoull(s, &end, 10);
	if (!isdigit((unsigned char)*s) || errno != 0 || *end != '\0' ||
	    v == 0 || v > 100000000ULL)
		usage_error("--history: '%s' is not a number of commits", s);
	return (size_t)v;
}

static int
default_jobs(void)
{
	long	 n = sysconf(_SC_NPROCESSORS_ONLN);

	if (n < 1)
		return 1;
	return n > 64 ? 64 : (int)n;
}

static void
list_rules(const struct tl_ruleset *rs)
{
	const struct tl_rule	*r;
	const struct tl_factor_info *fi;
	size_t			 i;

	for (i = 0; i < rs->nrules; i++) {
		r = rs->rules[i];
		fi = tl_factor_get(r->factor);
		printf("%-7s %-8s %-5s %-34s %s\n", r->id,
		    tl_severity_name(r->severity),
		    r->factor == 0 ? "-" : fi->numeral, r->name, r->summary);
	}
}

static void
explain(const struct tl_rule *r)
{
	const struct tl_factor_info *fi = tl_factor_get(r->factor);

	printf("# %s: %s\n\n", r->id, r->summary);
	printf("- name: `%s`\n", r->name);
	if (r->factor == 0)
		printf("- factor: none (a finding of the engine itself)\n");
	else
		printf("- factor: %s. %s (%s)\n", fi->numeral, fi->name,
		    fi->url);
	printf("- default severity: %s\n", tl_severity_name(r->severity));
	printf("- kind: %s\n", r->check != NULL ? "structural rule" :
	    r->factor == 0 ? "engine finding" : "pattern rule");
	printf("\n## Why\n\n%s\n", r->rationale);
	printf("\n## Fix\n\n%s\n", r->fix);
	if (r->see_also != NULL && r->see_also[0] != '\0')
		printf("\n## See also\n\n%s\n", r->see_also);
	printf("\n## Suppress\n\nAdd `twelvelint:ignore %s reason` in a "
	    "comment on the line of the finding or the line above.\n", r->id);
	if (r->see_also != NULL && (strstr(r->see_also, "hadolint") != NULL ||
	    strstr(r->see_also, "checkov") != NULL ||
	    strstr(r->see_also, "docker build check") != NULL ||
	    strstr(r->see_also, "gitleaks") != NULL))
		printf("The suppressions of the tools under *See also* mean "
		    "the same here: `# hadolint ignore=ID` on the line above "
		    "a Dockerfile instruction, `# hadolint global ignore=ID` "
		    "and `#checkov:skip=ID` in a Dockerfile, BuildKit's "
		    "`# check=skip=NAME`, and `gitleaks:allow` on the line of "
		    "a secret, for the ids listed there.\n");
}

static int
write_report(const struct output *out, const struct tl_scan *scan,
    const struct tl_out_opts *oo)
{
	FILE	*fp = stdout;
	int	 i, error;

	i = find_format(out->format);
	if (out->path != NULL && (fp = fopen(out->path, "w")) == NULL) {
		fprintf(stderr, "twelvelint: cannot write '%s': %s\n",
		    out->path, strerror(errno));
		return EXIT_USAGE;
	}
	error = formats[i].write(fp, scan, oo);
	if (fflush(fp) != 0 || ferror(fp))
		error = TL_EIO;
	if (fp != stdout && fclose(fp) != 0)
		error = TL_EIO;
	if (error != 0) {
		fprintf(stderr, "twelvelint: cannot write the %s report: %s\n",
		    out->format, out->path != NULL ? out->path : "stdout");
		return EXIT_TOOL;
	}
	return 0;
}

/* A configuration or baseline that cannot be used: exit 2 (3 on I/O). */
static void	die_loading(int) __attribute__((noreturn));

static void
die_loading(int error)
{
	fprintf(stderr, "twelvelint: %s\n", tl_error_get());
	exit(error == TL_EIO ? EXIT_TOOL : EXIT_USAGE);
}

int
main(int argc, char *argv[])
{
	struct tl_options	 o;
	struct tl_ruleset	 rs;
	struct tl_scan		 scan;
	struct tl_out_opts	 oo;
	struct output		 outs[16];
	const struct tl_rule	*r;
	const char		*rules_path = NULL, *explain_id = NULL;
	const char		*config_path = NULL, *baseline_path = NULL;
	const char		*write_baseline = NULL;
	struct tl_config	 cfg;
	struct tl_baseline	 bl;
	const char		*output = NULL, *nc;
	char			*colon;
	size_t			 nouts = 0, i, to_stdout;
	int			 c, color = -1, list = 0, error, rc, ret;
	int			 fail_on_set = 0;

	memset(&o, 0, sizeof(o));
	memset(&oo, 0, sizeof(oo));
	o.fail_on = TL_SEV_ERROR;
	o.max_file_size = DEFAULT_MAX_FILE_SIZE;
	o.jobs = default_jobs();

	while ((c = getopt_long(argc, argv, "f:o:j:qvh", long_options,
	    NULL)) != -1) {
		switch (c) {
		case 'f':
			if (nouts == TL_NELEM(outs))
				usage_error("too many --format options");
			outs[nouts].format = optarg;
			outs[nouts].path = NULL;
			if ((colon = strchr(optarg, ':')) != NULL) {
				*colon = '\0';
				if (colon[1] == '\0')
					usage_error("--format %s: no file "
					    "after ':'", optarg);
				outs[nouts].path = colon + 1;
			}
			if (find_format(optarg) < 0)
				usage_error("unknown format '%s' (choose text, "
				    "json, sarif, junit, github or html)", optarg);
			nouts++;
			break;
		case 'o':
			output = optarg;
			break;
		case OPT_FAIL_ON:
			if (tl_severity_parse(optarg, &o.fail_on) != 0 ||
			    strcasecmp(optarg, "off") == 0)
				usage_error("--fail-on: unknown level '%s' "
				    "(error, warning, info or none)", optarg);
			fail_on_set = 1;
			break;
		case OPT_FACTOR:
			o.factors = parse_factors(optarg);
			break;
		case OPT_ENABLE:
			add_ids(&o.enable, optarg);
			break;
		case OPT_DISABLE:
			add_ids(&o.disable, optarg);
			break;
		case OPT_RULES:
			rules_path = optarg;
			break;
		case OPT_MAX_FILE_SIZE:
			o.max_file_size = parse_size(optarg);
			break;
		case OPT_HISTORY:
			o.history = 1;
			if (optarg != NULL)
				o.history_max = parse_count(optarg);
			break;
		case OPT_SINCE:
			o.since = optarg;
			break;
		case OPT_STAGED:
			o.staged = 1;
			break;
		case OPT_CONFIG:
			config_path = optarg;
			break;
		case OPT_BASELINE:
			baseline_path = optarg;
			break;
		case OPT_WRITE_BASELINE:
			write_baseline = optarg;
			break;
		case 'j':
			o.jobs = parse_jobs(optarg);
			break;
		case OPT_LIST_RULES:
			list = 1;
			break;
		case OPT_EXPLAIN:
			explain_id = optarg;
			break;
		case OPT_COLOR:
			color = 1;
			break;
		case OPT_NO_COLOR:
			color = 0;
			break;
		case 'q':
			o.quiet = 1;
			break;
		case 'v':
			o.verbose = 1;
			break;
		case OPT_VERSION:
			printf("twelvelint %s\n", TL_VERSION);
			exit(0);
		case 'h':
			fputs(usage_text, stdout);
			exit(0);
		default:
			/* getopt_long has printed what was wrong. */
			fputs("Try 'twelvelint --help' for more "
			    "information.\n", stderr);
			exit(EXIT_USAGE);
		}
	}
	if (o.since != NULL && o.staged)
		usage_error("--since and --staged do not go together");
	if (argc - optind > 1)
		usage_error("one PATH at most, got '%s' and '%s'",
		    argv[optind], argv[optind + 1]);
	o.target = optind < argc ? argv[optind] : ".";

	if (nouts == 0) {
		outs[0].format = "text";
		outs[0].path = NULL;
		nouts = 1;
	}
	to_stdout = 0;
	for (i = 0; i < nouts; i++) {
		if (outs[i].path == NULL)
			outs[i].path = output;
		if (outs[i].path == NULL || strcmp(outs[i].path, "-") == 0) {
			outs[i].path = NULL;
			to_stdout++;
		}
	}
	if (to_stdout > 1)
		usage_error("only one --format may write to standard output; "
		    "give the others a file (json:report.json)");

	nc = getenv("NO_COLOR");
	if (color < 0)
		color = isatty(STDOUT_FILENO) && (nc == NULL || *nc == '\0');
	o.progress = isatty(STDERR_FILENO) && !o.quiet;
	oo.color = color;
	oo.verbose = o.verbose;
	oo.quiet = o.quiet;

	/* --list-rules and --explain read no configuration. */
	memset(&cfg, 0, sizeof(cfg));
	memset(&bl, 0, sizeof(bl));
	if (!list && explain_id == NULL) {
		if ((error = tl_config_load(&cfg, config_path, o.target)) != 0)
			die_loading(error);
		if (cfg.has_fail_on && !fail_on_set)
			o.fail_on = cfg.fail_on;
		if (cfg.factors_off != 0)
			o.factors = (o.factors != 0 ? o.factors : ALL_FACTORS) &
			    ~cfg.factors_off;
		if (cfg.path != NULL)
			o.config = &cfg;
		if (baseline_path != NULL) {
			if ((error = tl_baseline_load(&bl, baseline_path)) != 0)
				die_loading(error);
			o.baseline = &bl;
		}
	}
	if (tl_git_init() != 0) {
		fprintf(stderr, "twelvelint: %s\n", tl_error_get());
		exit(EXIT_TOOL);
	}
	if ((error = tl_ruleset_load(&rs, rules_path, o.config)) != 0 ||
	    (o.config != NULL &&
	    (error = tl_config_check_ids(o.config, &rs)) != 0)) {
		fprintf(stderr, "twelvelint: %s\n", tl_error_get());
		tl_git_shutdown();
		exit(error == TL_EUSAGE ? EXIT_USAGE : EXIT_TOOL);
	}
	check_ids(&rs, &o.enable, "--enable");
	check_ids(&rs, &o.disable, "--disable");

	if (list || explain_id != NULL) {
		ret = 0;
		if (list)
			list_rules(&rs);
		if (explain_id != NULL) {
			if ((r = tl_ruleset_find(&rs, explain_id)) == NULL) {
				fprintf(stderr, "twelvelint: --explain: unknown "
				    "rule '%s' (see --list-rules)\n",
				    explain_id);
				ret = EXIT_USAGE;
			} else
				explain(r);
		}
		tl_ruleset_release(&rs);
		tl_git_shutdown();
		exit(ret);
	}

	error = tl_scan_run(&scan, &o, &rs);
	if (error == TL_ENOENT || error == TL_EUSAGE) {
		fprintf(stderr, "twelvelint: %s\n", tl_error_get());
		ret = EXIT_USAGE;
		goto out;
	}
	if (error != 0 && error != TL_ERR) {
		fprintf(stderr, "twelvelint: %s\n", tl_error_get());
		ret = EXIT_TOOL;
		goto out;
	}
	ret = scan.exit_code;
	if (error == TL_ERR) {
		/* A rule failed: the report is written, but it is incomplete. */
		for (i = 0; i < scan.nstates; i++)
			if (scan.states[i].outcome == TL_OUTCOME_ERROR)
				fprintf(stderr, "twelvelint: rule %s failed: "
				    "%s\n", scan.states[i].rule->id,
				    scan.states[i].reason);
		ret = EXIT_TOOL;
	}
	for (i = 0; i < nouts; i++)
		if ((rc = write_report(&outs[i], &scan, &oo)) != 0)
			ret = rc;
	/* The findings are now accepted: writing the baseline succeeds. */
	if (write_baseline != NULL) {
		if (tl_baseline_write(write_baseline, &scan) != 0) {
			fprintf(stderr, "twelvelint: %s\n", tl_error_get());
			ret = EXIT_TOOL;
		} else if (ret == 1)
			ret = 0;
	}
out:
	tl_scan_release(&scan);
	tl_ruleset_release(&rs);
	tl_config_release(&cfg);
	tl_baseline_release(&bl);
	tl_vec_release(&o.enable, NULL);
	tl_vec_release(&o.disable, NULL);
	tl_git_shutdown();
	return ret;
}
