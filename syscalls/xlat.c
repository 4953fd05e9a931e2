/* Named constants: enumerations and flag sets. */
#include <inttypes.h>

#include "syscalls/decode.h"

const char *xlat_name(const struct xlat *x, uint64_t val)
{
	for (; x->name != NULL; x++)
		if (x->val == val)
			return x->name;
	return NULL;
}

void xlat_enum(struct strbuf *out, const struct xlat *x, uint64_t val, bool hex)
{
	const char *name = xlat_name(x, val);

	if (name != NULL)
		strbuf_append(out, name);
	else if (hex)
		strbuf_printf(out, "%#" PRIx64, val);
	else
		strbuf_put_udec(out, val);
}

void xlat_enum_or(struct strbuf *out, const struct xlat *x, uint64_t val, const char *unknown)
{
	const char *name = xlat_name(x, val);

	if (name != NULL)
		strbuf_append(out, name);
	else
		strbuf_printf(out, "%#" PRIx64 " /* %s */", val, unknown);
}

void xlat_flags(struct strbuf *out, const struct xlat *x, uint64_t val)
{
	bool any = false;

	for (; x->name != NULL && val != 0; x++) {
		if (x->val == 0 || (val & x->val) != x->val)
			continue;
		strbuf_printf(out, "%s%s", any ? "|" : "", x->name);
		val &= ~x->val;
		any = true;
	}
	if (val != 0 || !any)
		strbuf_printf(out, "%s%#" PRIx64, any ? "|" : "", val);
}
