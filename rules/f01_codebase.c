/*
 * f01_codebase.c: factor I, Codebase (https://12factor.net/codebase).
 * One codebase tracked in revision control, many deploys.
 */
#include "twelvelint/model.h"

static int	tf0101_check(struct tl_check *);
static int	tf0102_check(struct tl_check *);

static const struct tl_rule tf0101 = {
	.id = "TF0101",
	.name = "not-a-git-repository",
	.factor = TL_FACTOR_CODEBASE,
	.severity = TL_SEV_ERROR,
	.needs = 0,
	.summary = "target is not inside a git repository",
	.rationale =
	    "A twelve-factor app is always tracked in a version control "
	    "system: the codebase is the one repository every deploy is "
	    "built from. Files that live outside version control have no "
	    "history, cannot be reviewed, and cannot be rebuilt exactly for "
	    "another deploy.",
	.fix =
	    "Put the application under git (git init, commit, push to a "
	    "shared remote such as AWS CodeCommit, GitHub or GitLab) and let "
	    "the build pipeline (CodeBuild/CodePipeline) build every deploy "
	    "from a commit.",
	.see_also = NULL,
	.check = tf0101_check,
};

static int
tf0101_check(struct tl_check *c)
{
	if (c->repo->git.is_repo) {
		tl_evidence(c, ".git");
		return 0;
	}
	return tl_report(c, NULL, 0, 0, "not a git repository",
	    "no .git here or in any parent directory: the code has no "
	    "history and no single source for its deploys");
}

static const struct tl_rule tf0102 = {
	.id = "TF0102",
	.name = "no-remote",
	.factor = TL_FACTOR_CODEBASE,
	.severity = TL_SEV_WARNING,
	.needs = TL_NEED_GIT,
	.summary = "no remote configured",
	.rationale =
	    "The codebase is what every deploy and every developer shares. "
	    "A repository without a remote lives on one machine only: no "
	    "pipeline can build from it and no other deploy can be made "
	    "from the same commit.",
	.fix =
	    "Add the shared repository as a remote (git remote add origin "
	    "URL; AWS CodeCommit, GitHub or GitLab) and push, so that "
	    "CodePipeline or another CI builds each deploy from it.",
	.see_also = NULL,
	.check = tf0102_check,
};

static int
tf0102_check(struct tl_check *c)
{
	tl_evidence(c, ".git");
	if (c->repo->git.nremotes > 0)
		return 0;
	return tl_report(c, NULL, 0, 0, "no remote",
	    "the repository has no remote: the codebase is not shared "
	    "anywhere a pipeline could build it from");
}

static int	tf0105_check(struct tl_check *);

static const struct tl_rule tf0105 = {
	.id = "TF0105",
	.name = "limited-history",
	.factor = TL_FACTOR_CODEBASE,
	.severity = TL_SEV_INFO,
	.needs = TL_NEED_GIT,
	.summary = "history-based checks were limited",
	.rationale =
	    "Some checks read the codebase's history: secrets committed and "
	    "removed again (--history, TF0302), long-lived environment "
	    "branches. A shallow clone (git clone --depth, the default of "
	    "many CI checkouts) holds only the newest commits, and a "
	    "repository without commits has no history at all: those checks "
	    "saw only part of the codebase, and the report says so rather "
	    "than passing silently.",
	.fix =
	    "Run the history checks on a full clone: fetch-depth: 0 in "
	    "GitHub Actions' checkout, git fetch --unshallow, or CodeBuild's "
	    "full clone (git-clone-depth 0 / \"Full clone\" in "
	    "CodePipeline's source action).",
	.see_also = NULL,
	.check = tf0105_check,
};

static int
tf0105_check(struct tl_check *c)
{
	tl_evidence(c, ".git");
	if (c->repo->git.shallow)
		return tl_report(c, NULL, 0, 0, "shallow clone",
		    "shallow clone: history checks saw only the commits that "
		    "were fetched");
	if (!c->repo->git.has_commits)
		return tl_report(c, NULL, 0, 0, "no commits",
		    "the repository has no commits yet: there is no history "
		    "to check");
	return 0;
}

static const struct tl_rule *const rules[] = {
	&tf0101,
	&tf0102,
	&tf0105,
};

const struct tl_module tl_module_CODEBASE = {
	TL_FACTOR_CODEBASE, rules, TL_NELEM(rules), NULL, NULL
};
