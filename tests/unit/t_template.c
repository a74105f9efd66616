/*
 * Unit tests of template.c: resources and SAM Globals, intrinsics in both
 * forms, dynamic references, literals through Fn::If, parameters, and
 * Metadata suppressions.
 */
#include <stdlib.h>
#include <string.h>

#include "twelvelint/model.h"
#include "twelvelint/template.h"
#include "tap.h"

static const char yaml[] =
"AWSTemplateFormatVersion: '2010-09-09'\n"		/* 1 */
"Transform: AWS::Serverless-2016-10-31\n"
"Parameters:\n"
"  DbPassword:\n"
"    Type: String\n"					/* 5 */
"    NoEcho: true\n"
"Globals:\n"
"  Function:\n"
"    Timeout: 30\n"
"    Environment:\n"					/* 10 */
"      Variables:\n"
"        STAGE: prod\n"
"Conditions:\n"
"  IsProd: !Equals [!Ref AWS::StackName, prod]\n"
"Resources:\n"						/* 15 */
"  Api:\n"
"    Type: AWS::Serverless::Function\n"
"    Metadata:\n"
"      twelvelint:\n"
"        ignore: [TF0905]\n"				/* 20 */
"      checkov:\n"
"        skip:\n"
"          - id: CKV_AWS_116\n"
"    Properties:\n"
"      Timeout: 900\n"					/* 25 */
"      Environment:\n"
"        Variables:\n"
"          DB_PASSWORD: !Ref DbPassword\n"
"          API_KEY: '{{resolve:secretsmanager:api:SecretString:key}}'\n"
"          TOKEN: !If [IsProd, hard-coded-token, !Ref AWS::NoValue]\n" /* 30 */
"          URL: !Sub 'https://${Host}/x'\n"
"  Queue:\n"
"    Type: AWS::SQS::Queue\n"
"  Worker:\n"
"    Type: AWS::Serverless::Function\n"		/* 35 */
"    Properties:\n"
"      Handler: app.handler\n";

static const char json[] =
"{\"Resources\": {\"Tg\": {\"Type\": \"AWS::ElasticLoadBalancingV2::TargetGroup\",\n"
"  \"Metadata\": {\"cfn-lint\": {\"config\": {\"ignore_checks\": [\"W3005\"]}}},\n"
"  \"Properties\": {\"Port\": {\"Ref\": \"Port\"}, \"Name\": {\"Fn::Sub\": \"x-${AWS::Region}\"}}}}}\n";

static int
collect(void *arg, const struct tl_ynode *n)
{
	struct tl_buf *b = arg;

	tl_buf_adds(b, n->value);
	tl_buf_addc(b, ';');
	return 0;
}

static struct tl_file *
template_file(const char *text)
{
	struct tl_file		*f = tl_calloc(1, sizeof(*f));
	struct tl_yerror	 err;

	f->path = tl_strdup("template.yaml");
	f->name = f->path;
	f->kind = TL_FILE_TEMPLATE;
	if (tl_yaml_parse(&f->doc, text, strlen(text), &err) != 0)
		abort();
	return f;
}

int
main(void)
{
	struct tl_cfn		 cfn;
	const struct tl_cfn_resource *r, *api = NULL, *worker = NULL;
	const struct tl_ynode	*n, *arg, *param;
	struct tl_buf		 b = TL_BUF_INIT;
	struct tl_file		*f;
	char			*why;
	size_t			 nfn = 0;

	TEST("resources, types and SAM Globals");
	f = template_file(yaml);
	CHECK(tl_cfn_open(&cfn, f) == 0);
	CHECK(cfn.sam == 1);
	CHECK_INT(cfn.nres, 3);
	TL_CFN_FOREACH(r, &cfn, "AWS::Serverless::Function") {
		nfn++;
		if (strcmp(r->name, "Api") == 0)
			api = r;
		else
			worker = r;
	}
	CHECK_INT(nfn, 2);
	CHECK(api != NULL && api->line == 16 && worker != NULL);
	nfn = 0;
	TL_CFN_FOREACH(r, &cfn, "AWS::Serverless::")
		nfn++;
	CHECK_INT(nfn, 2);
	CHECK_STR(tl_ystr(tl_cfn_prop(api, "Timeout")), "900");
	CHECK_STR(tl_ystr(tl_cfn_prop(worker, "Timeout")), "30");
	CHECK(tl_cfn_prop(worker, "Handler") != NULL);
	n = tl_cfn_prop_global(worker, "Environment.Variables");
	CHECK(n != NULL && tl_ymap_get(n, "STAGE") != NULL);

	TEST("intrinsics, parameters, dynamic references, literals");
	n = tl_cfn_prop(api, "Environment.Variables");
	CHECK_STR(tl_cfn_intrinsic(tl_ymap_get(n, "DB_PASSWORD"), &arg), "Ref");
	CHECK(tl_cfn_ref_param(&cfn, tl_ymap_get(n, "DB_PASSWORD"), &param));
	CHECK(param != NULL && tl_ybool(tl_ymap_get(param, "NoEcho")) == 1);
	CHECK(!tl_cfn_ref_param(&cfn, tl_ymap_get(n, "URL"), &param));
	CHECK_STR(tl_cfn_intrinsic(tl_ymap_get(n, "URL"), &arg), "Sub");
	CHECK(tl_cfn_dynamic_ref(tl_ystr(tl_ymap_get(n, "API_KEY"))));
	CHECK(!tl_cfn_dynamic_ref("plain"));
	tl_cfn_literals(tl_ymap_get(n, "TOKEN"), collect, &b);
	tl_cfn_literals(tl_ymap_get(n, "API_KEY"), collect, &b);
	tl_cfn_literals(tl_ymap_get(n, "DB_PASSWORD"), collect, &b);
	tl_cfn_literals(tl_ymap_get(n, "URL"), collect, &b);
	CHECK_STR(tl_buf_str(&b), "hard-coded-token;");
	tl_buf_release(&b);

	TEST("the resource at a line, and Metadata suppressions");
	CHECK(tl_cfn_resource_at(&cfn, 28) == api);
	CHECK(tl_cfn_resource_at(&cfn, 33) == &cfn.res[1]);
	CHECK(tl_cfn_resource_at(&cfn, 5) == NULL);
	why = tl_cfn_suppressed(api, "TF0905", NULL);
	CHECK(why != NULL && strstr(why, "twelvelint ignore TF0905") != NULL);
	free(why);
	CHECK(tl_cfn_suppressed(api, "TF0601", NULL) == NULL);
	why = tl_cfn_suppressed(api, "TF0999", "checkov CKV_AWS_116");
	CHECK(why != NULL && strstr(why, "checkov skip CKV_AWS_116") != NULL);
	free(why);
	CHECK(tl_cfn_suppressed(api, "TF0999", "checkov CKV_AWS_1160") == NULL);
	CHECK(tl_cfn_suppressed(worker, "TF0905", NULL) == NULL);
	tl_cfn_release(&cfn);
	tl_ydoc_free(f->doc);
	free(f->path);
	free(f);

	TEST("JSON templates: long forms");
	f = template_file(json);
	CHECK(tl_cfn_open(&cfn, f) == 0 && cfn.nres == 1 && cfn.sam == 0);
	r = &cfn.res[0];
	CHECK_STR(tl_cfn_intrinsic(tl_cfn_prop(r, "Port"), &arg), "Ref");
	CHECK_STR(tl_ystr(arg), "Port");
	CHECK_STR(tl_cfn_intrinsic(tl_cfn_prop(r, "Name"), &arg), "Sub");
	why = tl_cfn_suppressed(r, "TF0999", "cfn-lint W3005");
	CHECK(why != NULL && strstr(why, "cfn-lint") != NULL);
	free(why);
	tl_cfn_release(&cfn);
	tl_ydoc_free(f->doc);
	free(f->path);
	free(f);
	return TAP_DONE();
}
