/*
 * f04_backing_services.c: factor IV, Backing services (https://12factor.net/backing-services).
 */
#include "twelvelint/model.h"

static const struct tl_rule *const rules[] = {
	NULL
};

const struct tl_module tl_module_BACKING_SERVICES = {
	TL_FACTOR_BACKING_SERVICES, rules, 0, NULL, NULL
};
