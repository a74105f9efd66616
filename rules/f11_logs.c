/*
 * f11_logs.c: factor XI, Logs (https://12factor.net/logs).
 */
#include "twelvelint/model.h"

static const struct tl_rule *const rules[] = {
	NULL
};

const struct tl_module tl_module_LOGS = {
	TL_FACTOR_LOGS, rules, 0, NULL, NULL
};
