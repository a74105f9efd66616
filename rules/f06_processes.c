/*
 * f06_processes.c: factor VI, Processes (https://12factor.net/processes).
 * Execute the app as one or more stateless processes.
 */
#include <string.h>

#include "common.h"

/* ------------------------------------------------------------- TF0601 */

/* ELBv2 target group: TargetGroupAttributes stickiness.enabled = true. */
static int
target_group(struct tl_check *c, const struct tl_file *f, const char *name,
    const struct tl_ynode *props)
{
	const struct tl_ynode	*attrs, *a;
	size_t			 i;

	attrs = tl_ymap_get(props, "TargetGroupAttributes");
	for (i = 0; attrs != NULL && attrs->type == TL_YSEQ &&
	    i < attrs->nitems; i++) {
		a = attrs->items[i];
		if (!tl_yscalar_is(tl_ymap_get(a, "Key"), "stickiness.enabled") ||
		    !tl_yvalue_may_be(tl_ymap_get(a, "Value"), "true"))
			continue;
		return tl_report(c, f, tl_ymap_get(a, "Key")->line,
		    tl_ymap_get(a, "Key")->col, name,
		    "target group '%s' enables stickiness.enabled: requests "
		    "of one client are pinned to one task", name);
	}
	return 0;
}

/* Classic ELB: LBCookieStickinessPolicy / AppCookieStickinessPolicy. */
static int
classic_elb(struct tl_check *c, const struct tl_file *f, const char *name,
    const struct tl_ynode *props)
{
	static const char *const keys[] = {
		"LBCookieStickinessPolicy", "AppCookieStickinessPolicy"
	};
	const struct tl_ypair	*p;
	size_t			 k;

	for (k = 0; k < TL_NELEM(keys); k++) {
		p = tl_ymap_pair(props, keys[k]);
		if (p == NULL || p->value->type != TL_YSEQ ||
		    p->value->nitems == 0)
			continue;
		return tl_report(c, f, p->key->line, p->key->col, name,
		    "load balancer '%s' sets %s: requests of one client are "
		    "pinned to one instance", name, keys[k]);
	}
	return 0;
}

/* Compose: Traefik sticky cookies in a service's labels. */
static int
compose_labels(struct tl_check *c, const struct tl_file *f, const char *svc,
    const struct tl_ynode *labels)
{
	const struct tl_ynode	*n;
	const char		*s;
	size_t			 i;

	if (labels == NULL)
		return 0;
	for (i = 0; i < labels->nitems + labels->npairs; i++) {
		if (labels->type == TL_YSEQ) {
			n = labels->items[i];
			s = tl_ystr(n);
			if (s == NULL || strstr(s, ".sticky") == NULL ||
			    (strstr(s, "=true") == NULL &&
			    strstr(s, ".sticky.cookie=") == NULL))
				continue;
		} else if (labels->type == TL_YMAP) {
			n = labels->pairs[i].key;
			s = tl_ystr(n);
			if (s == NULL || strstr(s, ".sticky") == NULL ||
			    (!tl_yvalue_may_be(labels->pairs[i].value, "true") &&
			    strstr(s, ".sticky.cookie.") == NULL))
				continue;
		} else
			return 0;
		return tl_report(c, f, n->line, n->col, svc,
		    "service '%s' asks the proxy for sticky sessions", svc);
	}
	return 0;
}

static int	tf0601_check(struct tl_check *);

static const struct tl_rule tf0601 = {
	.id = "TF0601",
	.name = "sticky-sessions",
	.factor = TL_FACTOR_PROCESSES,
	.severity = TL_SEV_ERROR,
	.needs = TL_NEED(TL_FILE_TEMPLATE) | TL_NEED(TL_FILE_COMPOSE),
	.summary = "sticky sessions",
	.rationale =
	    "Twelve-factor processes share nothing: any process can serve "
	    "any request. Sticky sessions are the sign that they do not: the "
	    "load balancer must send a client back to the process that holds "
	    "its session, so that process can never be replaced, scaled in "
	    "or restarted without logging users out. Checked: ELBv2 target "
	    "groups with stickiness.enabled (also under Fn::If), classic ELB "
	    "cookie stickiness policies, and Traefik sticky cookies in "
	    "compose labels.",
	.fix =
	    "Keep session state in a backing service that every process "
	    "reaches (Amazon ElastiCache for Redis or Memcached, DynamoDB, "
	    "or a signed cookie) and remove the stickiness attribute or "
	    "policy, so the target group balances every request freely.",
	.see_also = NULL,
	.check = tf0601_check,
};

static int
tf0601_check(struct tl_check *c)
{
	const struct tl_file	*f;
	const struct tl_ynode	*res, *r, *svcs, *s, *deploy;
	const char		*type, *name;
	size_t			 i;
	int			 error = 0;

	TL_FOREACH_FILE(f, c->repo, TL_FILE_TEMPLATE) {
		if (f->doc == NULL || f->doc->nroots == 0)
			continue;
		res = tl_ymap_get(f->doc->roots[0], "Resources");
		for (i = 0; res != NULL && res->type == TL_YMAP &&
		    i < res->npairs && error == 0; i++) {
			r = res->pairs[i].value;
			name = tl_ystr(res->pairs[i].key);
			type = tl_ystr(tl_ymap_get(r, "Type"));
			if (type == NULL || name == NULL)
				continue;
			if (strcmp(type,
			    "AWS::ElasticLoadBalancingV2::TargetGroup") == 0)
				error = target_group(c, f, name,
				    tl_ymap_get(r, "Properties"));
			else if (strcmp(type,
			    "AWS::ElasticLoadBalancing::LoadBalancer") == 0)
				error = classic_elb(c, f, name,
				    tl_ymap_get(r, "Properties"));
		}
		if (error != 0)
			return error;
	}
	TL_FOREACH_FILE(f, c->repo, TL_FILE_COMPOSE) {
		if (f->doc == NULL || f->doc->nroots == 0)
			continue;
		svcs = tl_ymap_get(f->doc->roots[0], "services");
		for (i = 0; svcs != NULL && svcs->type == TL_YMAP &&
		    i < svcs->npairs && error == 0; i++) {
			s = svcs->pairs[i].value;
			name = tl_ystr(svcs->pairs[i].key);
			if (name == NULL)
				continue;
			error = compose_labels(c, f, name,
			    tl_ymap_get(s, "labels"));
			deploy = tl_ymap_get(s, "deploy");
			if (error == 0 && deploy != NULL)
				error = compose_labels(c, f, name,
				    tl_ymap_get(deploy, "labels"));
		}
		if (error != 0)
			return error;
	}
	return 0;
}

static const struct tl_rule *const rules[] = {
	&tf0601,
};

const struct tl_module tl_module_PROCESSES = {
	TL_FACTOR_PROCESSES, rules, TL_NELEM(rules), NULL, NULL
};
