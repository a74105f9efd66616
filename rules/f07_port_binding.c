/*
 * f07_port_binding.c: factor VII, Port binding (https://12factor.net/port-binding).
 */
#include "twelvelint/model.h"

static const struct tl_rule *const rules[] = {
	NULL
};

const struct tl_module tl_module_PORT_BINDING = {
	TL_FACTOR_PORT_BINDING, rules, 0, NULL, NULL
};
