/* --fast -x: what else may jump among the first instructions of an entry. */
#include "fast/reach.h"

#include "elf/code.h"
#include "sysdeps/arch.h"

static void add_far(void *arg, taddr_t at, taddr_t target, bool is_short)
{
	if (!is_short)
		image_add_ref(arg, at, target);
}

static void scan_far(const uint8_t *code, size_t n, taddr_t vaddr, struct ref_list *out)
{
	arch_raw_branches(code, n, vaddr, add_far, out);
}

struct range {
	struct image *img;
	taddr_t lo, hi; /* (lo, hi) */
	bool reached;
};

/* Whether the place at, which would branch to target if run, is an instruction that
 * does, into the range: decoded from the start of the code its call frame information
 * covers (unknown, so yes, when none covers it or the decoding stops before it). */
static void check(void *arg, taddr_t at, taddr_t target, bool is_short)
{
	struct range *r = arg;
	taddr_t lo = 0, hi = 0;
	size_t n = 0;

	(void)is_short;
	if (r->reached || target <= r->lo || target >= r->hi)
		return;
	const uint8_t *code = image_fde_range(r->img, at, &lo, &hi) ? image_code(r->img, lo, &n)
								      : NULL;
	if (code == NULL || n < hi - lo ||
	    arch_branch_at(code, (size_t)(hi - lo), lo, at, r->lo + 1, r->hi) != 0)
		r->reached = true;
}

bool fast_entry_reached(struct image *img, taddr_t entry, size_t len)
{
	size_t n = 0, seg_len = 0;
	const struct code_ref *refs = image_refs(img, scan_far, &n);
	taddr_t seg_lo = 0;
	const uint8_t *code = image_code_segment(img, entry, &seg_lo, &seg_len);
	struct range r = { img, entry, entry + len, false };

	if (refs == NULL || code == NULL)
		return true;
	size_t lo = 0, hi = n; /* the first far reference above entry */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (refs[mid].target <= entry)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t i = lo; i < n && refs[i].target < entry + len && !r.reached; i++)
		check(&r, refs[i].at, refs[i].target, false);
	/* Near branches reach 128 bytes back and 127 on (from the instruction's end). */
	taddr_t from = entry - seg_lo > 128 ? entry - 128 : seg_lo;
	taddr_t to = entry + len + 126;
	if (to > seg_lo + seg_len)
		to = seg_lo + seg_len;
	arch_raw_branches(code + (from - seg_lo), (size_t)(to - from), from, check, &r);
	return r.reached;
}
