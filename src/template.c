/*
 * template.c: the CloudFormation / SAM view of a template (template.h):
 * resources, SAM Globals, parameters, intrinsic functions in both forms,
 * dynamic references, and Metadata suppressions.  It reads only the node
 * tree of the file; nothing here touches the file system.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "twelvelint/model.h"
#include "twelvelint/template.h"

/* SAM resource types and the Globals section that applies to each. */
static const struct {
	const char	*type;
	const char	*section;
} sam_globals[] = {
	{ "AWS::Serverless::Function",		"Function" },
	{ "AWS::Serverless::Api",		"Api" },
	{ "AWS::Serverless::HttpApi",		"HttpApi" },
	{ "AWS::Serverless::SimpleTable",	"SimpleTable" },
	{ "AWS::Serverless::StateMachine",	"StateMachine" },
	{ "AWS::Serverless::LayerVersion",	"LayerVersion" },
};

static int
is_sam(const struct tl_ynode *root)
{
	const struct tl_ynode	*tr = tl_ymap_get(root, "Transform");
	size_t			 i;

	if (tl_ystr(tr) != NULL)
		return tl_str_has_prefix(tl_ystr(tr), "AWS::Serverless");
	for (i = 0; tr != NULL && tr->type == TL_YSEQ && i < tr->nitems; i++)
		if (tl_ystr(tr->items[i]) != NULL &&
		    tl_str_has_prefix(tl_ystr(tr->items[i]), "AWS::Serverless"))
			return 1;
	return 0;
}

int
tl_cfn_open(struct tl_cfn *cfn, const struct tl_file *f)
{
	const struct tl_ynode	*res, *globals, *r;
	struct tl_cfn_resource	*x;
	size_t			 i, k;

	memset(cfn, 0, sizeof(*cfn));
	cfn->file = f;
	if (f->doc == NULL || f->doc->nroots == 0 ||
	    f->doc->roots[0]->type != TL_YMAP) {
		tl_error_set("'%s' holds no template", f->path);
		return TL_EPARSE;
	}
	cfn->root = f->doc->roots[0];
	cfn->params = tl_ymap_get(cfn->root, "Parameters");
	cfn->sam = is_sam(cfn->root);
	globals = cfn->sam ? tl_ymap_get(cfn->root, "Globals") : NULL;
	res = tl_ymap_get(cfn->root, "Resources");
	if (res == NULL || res->type != TL_YMAP)
		return 0;
	cfn->res = tl_calloc(res->npairs, sizeof(*cfn->res));
	for (i = 0; i < res->npairs; i++) {
		r = res->pairs[i].value;
		if (tl_ystr(res->pairs[i].key) == NULL || r->type != TL_YMAP)
			continue;
		x = &cfn->res[cfn->nres++];
		x->name = tl_ystr(res->pairs[i].key);
		x->type = tl_ystr(tl_ymap_get(r, "Type"));
		if (x->type == NULL)
			x->type = "";
		x->node = r;
		x->props = tl_ymap_get(r, "Properties");
		x->metadata = tl_ymap_get(r, "Metadata");
		x->line = res->pairs[i].key->line;
		for (k = 0; globals != NULL && k < TL_NELEM(sam_globals); k++)
			if (strcmp(x->type, sam_globals[k].type) == 0)
				x->globals = tl_ymap_get(globals,
				    sam_globals[k].section);
	}
	return 0;
}

void
tl_cfn_release(struct tl_cfn *cfn)
{
	free(cfn->res);
	memset(cfn, 0, sizeof(*cfn));
}

int
tl_cfn_type_is(const struct tl_cfn_resource *r, const char *t)
{
	size_t	 n = strlen(t);

	if (n > 2 && t[n - 1] == ':' && t[n - 2] == ':')
		return strncmp(r->type, t, n) == 0;
	return strcmp(r->type, t) == 0;
}

const struct tl_ynode *
tl_cfn_prop_global(const struct tl_cfn_resource *r, const char *path)
{
	return r->globals != NULL ? tl_ypath(r->globals, path) : NULL;
}

const struct tl_ynode *
tl_cfn_prop(const struct tl_cfn_resource *r, const char *path)
{
	const struct tl_ynode	*n;

	if (r->props != NULL && (n = tl_ypath(r->props, path)) != NULL)
		return n;
	return tl_cfn_prop_global(r, path);
}

const struct tl_ynode *
tl_cfn_param(const struct tl_cfn *cfn, const char *name)
{
	return cfn->params != NULL ? tl_ymap_get(cfn->params, name) : NULL;
}

const char *
tl_cfn_intrinsic(const struct tl_ynode *n, const struct tl_ynode **arg)
{
	const char	*k;

	*arg = NULL;
	if (n == NULL)
		return NULL;
	if (n->tag != NULL && n->tag[0] == '!' && n->tag[1] != '\0') {
		*arg = n;
		return n->tag + 1;
	}
	if (n->type != TL_YMAP || n->npairs != 1 ||
	    (k = tl_ystr(n->pairs[0].key)) == NULL)
		return NULL;
	if (strcmp(k, "Ref") == 0 || strcmp(k, "Condition") == 0) {
		*arg = n->pairs[0].value;
		return k;
	}
	if (strncmp(k, "Fn::", 4) == 0 && k[4] != '\0') {
		*arg = n->pairs[0].value;
		return k + 4;
	}
	return NULL;
}

int
tl_cfn_dynamic_ref(const char *s)
{
	return s != NULL && strstr(s, "{{resolve:") != NULL;
}

int
tl_cfn_literals(const struct tl_ynode *n,
    int (*cb)(void *, const struct tl_ynode *), void *arg)
{
	const struct tl_ynode	*a;
	const char		*fn;
	size_t			 i;
	int			 error;

	if (n == NULL)
		return 0;
	if ((fn = tl_cfn_intrinsic(n, &a)) != NULL) {
		/* Either branch of an !If may deploy; other calls compute. */
		if (strcmp(fn, "If") != 0 || a == NULL || a->type != TL_YSEQ ||
		    a->nitems != 3)
			return 0;
		for (i = 1; i < 3; i++)
			if ((error = tl_cfn_literals(a->items[i], cb,
			    arg)) != 0)
				return error;
		return 0;
	}
	if (n->type != TL_YSCALAR || tl_cfn_dynamic_ref(n->value))
		return 0;
	return cb(arg, n);
}

int
tl_cfn_ref_param(const struct tl_cfn *cfn, const struct tl_ynode *n,
    const struct tl_ynode **param)
{
	const struct tl_ynode	*a;
	const char		*fn;

	*param = NULL;
	if ((fn = tl_cfn_intrinsic(n, &a)) == NULL || strcmp(fn, "Ref") != 0 ||
	    tl_ystr(a) == NULL)
		return 0;
	*param = tl_cfn_param(cfn, tl_ystr(a));
	return *param != NULL;
}

const struct tl_cfn_resource *
tl_cfn_resource_at(const struct tl_cfn *cfn, unsigned line)
{
	const struct tl_cfn_resource *best = NULL;
	size_t			 i;

	for (i = 0; i < cfn->nres; i++)
		if (cfn->res[i].line <= line && (best == NULL ||
		    cfn->res[i].line > best->line))
			best = &cfn->res[i];
	return best;
}

/* Is the word w a whole word of text? */
static int
names(const char *text, const char *w)
{
	const char	*p;
	size_t		 n = strlen(w);

	if (text == NULL || n == 0)
		return 0;
	for (p = text; (p = strstr(p, w)) != NULL; p++)
		if ((p == text || !isalnum((unsigned char)p[-1])) &&
		    !isalnum((unsigned char)p[n]) && p[n] != '_')
			return 1;
	return 0;
}

/* Does a list of scalars (or {id: …} maps) name an id? */
static const char *
listed(const struct tl_ynode *list, const char *rule_id,
    const char *see_also)
{
	const struct tl_ynode	*it;
	const char		*s;
	size_t			 i;

	for (i = 0; list != NULL && list->type == TL_YSEQ &&
	    i < list->nitems; i++) {
		it = list->items[i];
		s = tl_ystr(it) != NULL ? tl_ystr(it) :
		    tl_ystr(tl_ymap_get(it, "id"));
		if (s == NULL)
			continue;
		if (strcasecmp(s, rule_id) == 0 || names(see_also, s))
			return s;
	}
	return NULL;
}

char *
tl_cfn_suppressed(const struct tl_cfn_resource *r, const char *rule_id,
    const char *see_also)
{
	const struct tl_ynode	*m = r->metadata;
	const char		*id;

	if (m == NULL)
		return NULL;
	if ((id = listed(tl_ypath(m, "twelvelint.ignore"), rule_id,
	    NULL)) != NULL)
		return tl_printf("Metadata twelvelint ignore %s on %s", id,
		    r->name);
	if ((id = listed(tl_ypath(m, "cfn-lint.config.ignore_checks"),
	    "", see_also)) != NULL)
		return tl_printf("Metadata cfn-lint ignore_checks %s on %s", id,
		    r->name);
	if ((id = listed(tl_ypath(m, "checkov.skip"), "", see_also)) != NULL)
		return tl_printf("Metadata checkov skip %s on %s", id,
		    r->name);
	return NULL;
}
