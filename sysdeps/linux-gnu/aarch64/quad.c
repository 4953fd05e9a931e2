/* aarch64's long double, IEEE binary128, as a double (the formatter shows doubles). */
#include <stdint.h>
#include <string.h>

#include "sysdeps/arch.h"

double arch_quad_to_double(const unsigned char q[16])
{
	uint64_t lo, hi;

	memcpy(&lo, q, 8);
	memcpy(&hi, q + 8, 8);
	uint64_t sign = hi >> 63, exp = (hi >> 48) & 0x7fff;
	/* The top 52 of the 112 fraction bits: 48 from hi, 4 from lo. */
	uint64_t frac = ((hi & 0xffffffffffffull) << 4) | (lo >> 60), bits;
	int64_t e = (int64_t)exp - 16383;

	if (exp == 0x7fff)
		bits = 0x7ffull << 52 | (frac != 0 || lo != 0 ? 1ull << 51 | frac : 0);
	else if (exp == 0 || e < -1022) /* zero, or below a double's normal range */
		bits = 0;
	else if (e > 1023)
		bits = 0x7ffull << 52; /* infinity */
	else
		bits = (uint64_t)(e + 1023) << 52 | frac;
	bits |= sign << 63;
	double d;
	memcpy(&d, &bits, sizeof(d));
	return d;
}
