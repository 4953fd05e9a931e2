#include "proto/format.h"

static bool bit(const unsigned char *bits, size_t i)
{
	return (bits[i / 8] >> (i % 8)) & 1;
}

/* Runs of bits equal to want: "<0-1,4,6-9>". */
static void print_runs(struct strbuf *out, const unsigned char *bits, size_t nbits, bool want)
{
	bool first = true;

	strbuf_putc(out, '<');
	for (size_t i = 0; i < nbits; i++) {
		if (bit(bits, i) != want)
			continue;
		size_t j = i;
		while (j + 1 < nbits && bit(bits, j + 1) == want)
			j++;
		strbuf_printf(out, first ? "%zu" : ",%zu", i);
		if (j > i)
			strbuf_printf(out, "-%zu", j);
		first = false;
		i = j;
	}
	strbuf_putc(out, '>');
}

/* As ltrace.conf(5): the set bits, or "~" and the clear ones when more are set. */
void proto_format_bitvec(struct fmt_ctx *c, const unsigned char *bits, size_t nbits)
{
	size_t set = 0;

	for (size_t i = 0; i < nbits; i++)
		set += bit(bits, i);
	if (set > nbits - set) {
		strbuf_putc(c->out, '~');
		print_runs(c->out, bits, nbits, false);
	} else {
		print_runs(c->out, bits, nbits, true);
	}
}
