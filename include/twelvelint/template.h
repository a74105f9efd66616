/*
 * template.h: a CloudFormation / SAM view over a parsed template: its
 * resources by type, properties with SAM Globals applied as SAM applies
 * them, parameters, intrinsic functions in both forms (!Ref / {"Ref": …},
 * !Sub / Fn::Sub, !If / Fn::If …), dynamic references
 * ({{resolve:ssm-secure:…}}, {{resolve:secretsmanager:…}}), and the
 * per-resource Metadata that suppresses findings.
 *
 * Ownership: a struct tl_cfn owns only its resource array; every node and
 * string it points to is borrowed from the file's document and lives as
 * long as the scan.
 */
#ifndef TWELVELINT_TEMPLATE_H
#define TWELVELINT_TEMPLATE_H

#include <stddef.h>

#include "yaml.h"

struct tl_file;

struct tl_cfn_resource {
	const char		*name;		/* borrowed: logical id */
	const char		*type;		/* borrowed: "AWS::Serverless::Function", or "" */
	const struct tl_ynode	*node;		/* borrowed: the resource's mapping */
	const struct tl_ynode	*props;		/* borrowed: Properties, or NULL */
	const struct tl_ynode	*metadata;	/* borrowed: Metadata, or NULL */
	const struct tl_ynode	*globals;	/* borrowed: the SAM Globals section for its type, or NULL */
	unsigned		 line;		/* of its logical id */
};

struct tl_cfn {
	const struct tl_file	*file;		/* borrowed */
	const struct tl_ynode	*root;		/* borrowed */
	const struct tl_ynode	*params;	/* borrowed: Parameters, or NULL */
	int			 sam;		/* Transform names AWS::Serverless */
	struct tl_cfn_resource	*res;		/* owned, in document order */
	size_t			 nres;
};

/* Open the view of a TL_FILE_TEMPLATE file.  TL_EPARSE when it has no document. */
int	tl_cfn_open(struct tl_cfn *, const struct tl_file *);
void	tl_cfn_release(struct tl_cfn *);

/* Iterate over the resources whose type is t, or starts with t when t ends in "::". */
#define TL_CFN_FOREACH(r, cfn, t)					\
	for (size_t r##_i_ = 0; r##_i_ < (cfn)->nres; r##_i_++)	\
		if (tl_cfn_type_is((r) = &(cfn)->res[r##_i_], (t)))

int	tl_cfn_type_is(const struct tl_cfn_resource *, const char *);

/*
 * A property by dotted path ("Environment.Variables", "Properties" is
 * implied), from the resource or, when it has none, from its SAM Globals
 * section: the value SAM deploys for a scalar or a list.  For maps SAM
 * merges both (Environment.Variables): tl_cfn_prop_global() gives the
 * Globals one separately so a rule can read both.
 */
const struct tl_ynode *tl_cfn_prop(const struct tl_cfn_resource *, const char *);
const struct tl_ynode *tl_cfn_prop_global(const struct tl_cfn_resource *,
	    const char *);

/* The parameter named name, or NULL. */
const struct tl_ynode *tl_cfn_param(const struct tl_cfn *, const char *);

/*
 * An intrinsic function call: the function's name without "Fn::" ("Ref",
 * "Sub", "GetAtt", "If", "Join", "ImportValue", "FindInMap", "Select",
 * "Base64", …) and its argument node, for both the short form (tag !Ref,
 * !Sub …) and the long form (a one-key mapping {"Fn::Sub": …}, {"Ref":
 * …}).  NULL when n is not one.  For a short form the argument is n itself.
 */
const char *tl_cfn_intrinsic(const struct tl_ynode *,
	    const struct tl_ynode **);

/* Is the string a dynamic reference ({{resolve:ssm:…}}, ssm-secure, secretsmanager)? */
int	tl_cfn_dynamic_ref(const char *);

/*
 * Call cb for each literal the value may deploy as: a plain scalar that
 * is not a dynamic reference, looking into both branches of !If/Fn::If;
 * a value computed by any other intrinsic (!Ref, !Sub, !GetAtt …) or a
 * dynamic reference is never a literal.  A negative return of cb stops it.
 */
int	tl_cfn_literals(const struct tl_ynode *,
	    int (*)(void *, const struct tl_ynode *), void *);

/*
 * Is the value a !Ref (either form) to a parameter of the template?  Then
 * *param is that parameter's definition.
 */
int	tl_cfn_ref_param(const struct tl_cfn *, const struct tl_ynode *,
	    const struct tl_ynode **);

/*
 * The resource whose definition holds this line (the last resource that
 * starts at or before it), or NULL (Parameters, Outputs …).
 */
const struct tl_cfn_resource *tl_cfn_resource_at(const struct tl_cfn *,
	    unsigned);

/*
 * Does the resource's Metadata suppress rule id?  Metadata:
 * {twelvelint: {ignore: [TF0601]}}; also cfn-lint's {cfn-lint: {config:
 * {ignore_checks: [W3005]}}} and checkov's {checkov: {skip: [{id:
 * CKV_AWS_…}]}} for the ids the rule's see_also names (see_also may be
 * NULL).  The reason ("Metadata twelvelint ignore") as a new string, or
 * NULL.
 */
char	*tl_cfn_suppressed(const struct tl_cfn_resource *, const char *,
	    const char *);

#endif /* TWELVELINT_TEMPLATE_H */
