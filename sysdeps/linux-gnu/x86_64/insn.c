/* x86_64 instruction details, decoded with capstone: PLT stubs and out-of-line copies. */
#include <capstone/capstone.h>
#include <stdbool.h>
#include <string.h>

#include "sysdeps/arch.h"

static csh decoder(void)
{
	static csh handle;
	static int state; /* 0 untried, 1 ready, -1 failed */

	if (state == 0) {
		state = -1;
		if (cs_open(CS_ARCH_X86, CS_MODE_64, &handle) == CS_ERR_OK &&
		    cs_option(handle, CS_OPT_DETAIL, CS_OPT_ON) == CS_ERR_OK)
			state = 1;
	}
	return state == 1 ? handle : 0;
}

/* Decode one instruction; the caller frees it with cs_free(insn, 1). */
static cs_insn *decode_one(const uint8_t *code, size_t len, taddr_t addr)
{
	csh h = decoder();
	cs_insn *insn = NULL;

	if (h == 0 || cs_disasm(h, code, len, addr, 1, &insn) != 1)
		return NULL;
	return insn;
}

static bool in_group(const cs_insn *insn, uint8_t group)
{
	const cs_detail *d = insn->detail;

	for (uint8_t i = 0; i < d->groups_count; i++)
		if (d->groups[i] == group)
			return true;
	return false;
}

/* The memory operand based on RIP, if any. */
static const cs_x86_op *rip_operand(const cs_insn *insn)
{
	const cs_x86 *x = &insn->detail->x86;

	for (uint8_t i = 0; i < x->op_count; i++)
		if (x->operands[i].type == X86_OP_MEM && x->operands[i].mem.base == X86_REG_RIP)
			return &x->operands[i];
	return NULL;
}

int arch_plt_slot(const uint8_t *code, size_t len, taddr_t addr, taddr_t *slot)
{
	size_t off = 0;

	/* A stub is a few instructions (endbr64, then a jump through its GOT slot). */
	for (int n = 0; n < 4 && off < len; n++) {
		cs_insn *insn = decode_one(code + off, len - off, addr + off);
		if (insn == NULL)
			return -1;
		const cs_x86_op *op = rip_operand(insn);
		bool found = insn->id == X86_INS_JMP && op != NULL;
		if (found)
			*slot = insn->address + insn->size + (taddr_t)op->mem.disp;
		off += insn->size;
		bool stop = found || in_group(insn, CS_GRP_JUMP) || in_group(insn, CS_GRP_RET);
		cs_free(insn, 1);
		if (found)
			return 0;
		if (stop)
			return -1;
	}
	return -1;
}

enum arch_reloc arch_reloc_kind(unsigned type)
{
	switch (type) {
	case 7: /* R_X86_64_JUMP_SLOT */
	case 6: /* R_X86_64_GLOB_DAT */
		return ARCH_RELOC_SLOT;
	case 37: /* R_X86_64_IRELATIVE */
		return ARCH_RELOC_IRELATIVE;
	default:
		return ARCH_RELOC_OTHER;
	}
}

/* Emit "jmp *0(%rip); .quad target": an absolute jump that reaches anywhere. */
static size_t emit_abs_jmp(uint8_t *out, taddr_t target)
{
	out[0] = 0xff;
	out[1] = 0x25;
	memset(out + 2, 0, 4);
	memcpy(out + 6, &target, 8);
	return 14;
}

/* Emit the push of a 64-bit return address without touching the flags:
 * lea -8(%rsp),%rsp; movl $lo,(%rsp); movl $hi,4(%rsp). */
static size_t emit_push_addr(uint8_t *out, taddr_t value)
{
	static const uint8_t lea[] = { 0x48, 0x8d, 0x64, 0x24, 0xf8 };
	uint32_t lo = (uint32_t)value, hi = (uint32_t)(value >> 32);
	size_t n = 0;

	memcpy(out + n, lea, sizeof(lea));
	n += sizeof(lea);
	out[n++] = 0xc7; out[n++] = 0x04; out[n++] = 0x24;
	memcpy(out + n, &lo, 4);
	n += 4;
	out[n++] = 0xc7; out[n++] = 0x44; out[n++] = 0x24; out[n++] = 0x04;
	memcpy(out + n, &hi, 4);
	n += 4;
	return n;
}

static bool fits_s32(int64_t v)
{
	return v >= INT32_MIN && v <= INT32_MAX;
}

/* Copy the instruction, re-aiming a RIP-relative displacement for its new address. */
static int copy_relocated(const cs_insn *insn, taddr_t new_addr, uint8_t *out, const char **why)
{
	const cs_x86 *x = &insn->detail->x86;

	memcpy(out, insn->bytes, insn->size);
	if (rip_operand(insn) == NULL)
		return insn->size;
	if (x->encoding.disp_offset == 0 || x->encoding.disp_size != 4) {
		*why = "RIP-relative operand without a 32-bit displacement";
		return -1;
	}
	int64_t target = (int64_t)(insn->address + insn->size) + x->disp;
	int64_t disp = target - (int64_t)(new_addr + insn->size);
	if (!fits_s32(disp)) {
		*why = "RIP-relative operand out of reach of the scratch page";
		return -1;
	}
	int32_t d32 = (int32_t)disp;
	memcpy(out + x->encoding.disp_offset, &d32, 4);
	return insn->size;
}

/* call rel32 / jmp rel / jcc rel: the target as an absolute address. */
static taddr_t branch_target(const cs_insn *insn)
{
	const cs_x86 *x = &insn->detail->x86;

	return (taddr_t)x->operands[0].imm;
}

static bool is_jcc(const cs_insn *insn)
{
	const uint8_t *b = insn->bytes;
	size_t i = 0;

	while (i < insn->size && (b[i] == 0xf2 || b[i] == 0x3e || b[i] == 0x2e))
		i++; /* bnd / branch-hint prefixes */
	if (i >= insn->size)
		return false;
	return (b[i] >= 0x70 && b[i] <= 0x7f) || (b[i] == 0x0f && i + 1 < insn->size &&
						   b[i + 1] >= 0x80 && b[i + 1] <= 0x8f);
}

/* Emit "j<cond> +14; jmp *0(%rip); .quad target": the jump to target is skipped when cond
 * holds (cond: a jcc's condition code, the low bit negating it). */
static size_t emit_jump_unless(uint8_t *out, uint8_t cond, taddr_t target)
{
	out[0] = (uint8_t)(0x70 | cond);
	out[1] = 14;
	return 2 + emit_abs_jmp(out + 2, target);
}

static uint8_t jcc_condition(const cs_insn *insn)
{
	const uint8_t *b = insn->bytes;
	size_t i = 0;

	while (b[i] == 0xf2 || b[i] == 0x3e || b[i] == 0x2e)
		i++;
	return b[i] == 0x0f ? (uint8_t)(b[i + 1] & 0x0f) : (uint8_t)(b[i] & 0x0f);
}

/* An indirect call (FF /2): push the original return address, then the same operand
 * as an indirect jump (FF /4). Operands based on RSP see the stack 8 bytes lower. */
static int displace_indirect_call(const cs_insn *insn, taddr_t next, taddr_t slot_addr,
				  uint8_t *out, const char **why)
{
	const cs_x86 *x = &insn->detail->x86;
	size_t n = emit_push_addr(out, next);
	int len = copy_relocated(insn, slot_addr + n, out + n, why);

	if (len < 0)
		return -1;
	if (x->encoding.modrm_offset == 0) {
		*why = "indirect call without a ModRM byte";
		return -1;
	}
	uint8_t *modrm = out + n + x->encoding.modrm_offset;
	*modrm = (uint8_t)((*modrm & ~0x38) | (4 << 3));
	const cs_x86_op *op = &x->operands[0];
	if (op->type == X86_OP_MEM && (op->mem.base == X86_REG_RSP || op->mem.index == X86_REG_RSP)) {
		if (x->encoding.disp_offset == 0) {
			*why = "stack-relative call without displacement";
			return -1;
		}
		uint8_t *d = out + n + x->encoding.disp_offset;
		if (x->encoding.disp_size == 1) {
			if (op->mem.disp + 8 > 127) {
				*why = "stack-relative call displacement overflow";
				return -1;
			}
			*d = (uint8_t)(int8_t)(op->mem.disp + 8);
		} else {
			int32_t d32 = (int32_t)(op->mem.disp + 8);
			memcpy(d, &d32, 4);
		}
	}
	return (int)n + len;
}

int arch_displace(const uint8_t *code, size_t len, taddr_t addr, taddr_t slot_addr,
		  uint8_t *out, const char **why)
{
	cs_insn *insn = decode_one(code, len, addr);
	int n = -1;

	*why = "undecodable instruction";
	if (insn == NULL)
		return -1;
	taddr_t next = addr + insn->size;
	bool relative = in_group(insn, CS_GRP_BRANCH_RELATIVE);

	if (insn->id == X86_INS_CALL && relative) {
		n = (int)emit_push_addr(out, next);
		n += (int)emit_abs_jmp(out + n, branch_target(insn));
	} else if (insn->id == X86_INS_CALL) {
		n = displace_indirect_call(insn, next, slot_addr, out, why);
	} else if (insn->id == X86_INS_JMP && relative) {
		n = (int)emit_abs_jmp(out, branch_target(insn));
	} else if (relative && is_jcc(insn)) {
		/* j<cc> over the fall-through jump, to the jump to the target. */
		n = (int)emit_jump_unless(out, jcc_condition(insn), next);
		n += (int)emit_abs_jmp(out + n, branch_target(insn));
	} else if (relative) {
		*why = "relative branch of a kind that is not relocated (loop/jrcxz)";
	} else {
		n = copy_relocated(insn, slot_addr, out, why);
		if (n >= 0 && !in_group(insn, CS_GRP_RET) && !(insn->id == X86_INS_JMP))
			n += (int)emit_abs_jmp(out + n, next);
	}
	cs_free(insn, 1);
	return n;
}

int arch_insn_length(const uint8_t *code, size_t len, taddr_t addr)
{
	cs_insn *insn = decode_one(code, len, addr);
	int n = insn != NULL ? (int)insn->size : -1;

	if (insn != NULL)
		cs_free(insn, 1);
	return n;
}

/* Where the stub's jump through its GOT slot ends (0 if it has none among its first two
 * instructions: endbr64, then the jump). */
static size_t slot_jump_end(const uint8_t *code, size_t len, taddr_t addr)
{
	size_t off = 0;

	for (int n = 0; n < 2 && off < len; n++) {
		cs_insn *insn = decode_one(code + off, len - off, addr + off);
		if (insn == NULL)
			return 0;
		bool jump = insn->id == X86_INS_JMP && rip_operand(insn) != NULL;
		bool endbr = insn->id == X86_INS_ENDBR64;
		off += insn->size;
		cs_free(insn, 1);
		if (jump)
			return off;
		if (!endbr)
			return 0;
	}
	return 0;
}

int arch_plt_patch(const uint8_t *code, size_t len, taddr_t stub, taddr_t slot, taddr_t tramp,
		   uint8_t *patch, uint8_t *tramp_code, size_t *tramp_len, size_t *trap_offset)
{
	static const uint8_t load_ret[] = { 0x4c, 0x8b, 0x1c, 0x24 }; /* mov (%rsp),%r11 */
	const size_t trap = sizeof(load_ret), jump = trap + 1, end = jump + 6;

	if (slot_jump_end(code, len, stub) < 5)
		return -1;
	/* jmp rel32 to tramp: 5 bytes, within the stub's first instruction (jmp *GOT is 6
	 * bytes, endbr64 + bnd jmp 11): the lazy-binding push at +6 stays as it is. */
	int64_t rel = (int64_t)tramp - (int64_t)(stub + 5);
	/* at tramp: the return address into %r11, int3, jmp *disp32(%rip) through the slot */
	int64_t disp = (int64_t)slot - (int64_t)(tramp + end);

	if (!fits_s32(rel) || !fits_s32(disp))
		return -1;
	int32_t r32 = (int32_t)rel, d32 = (int32_t)disp;
	patch[0] = 0xe9;
	memcpy(patch + 1, &r32, 4);
	memcpy(tramp_code, load_ret, sizeof(load_ret));
	tramp_code[trap] = 0xcc;
	tramp_code[jump] = 0xff;
	tramp_code[jump + 1] = 0x25;
	memcpy(tramp_code + jump + 2, &d32, 4);
	*tramp_len = end;
	*trap_offset = trap;
	return 5;
}

/* Whether an instruction changes the flow (a jump, call, return, interrupt, loop). */
static bool is_branch(const cs_insn *insn)
{
	return in_group(insn, CS_GRP_JUMP) || in_group(insn, CS_GRP_CALL) ||
	       in_group(insn, CS_GRP_RET) || in_group(insn, CS_GRP_INT) ||
	       in_group(insn, CS_GRP_IRET) || in_group(insn, CS_GRP_BRANCH_RELATIVE);
}

/* Decode the code [addr, addr + len) one instruction after the other, each given to
 * each(insn, arg) until it returns nonzero. 0, or -1 when the code cannot be decoded to
 * its end. */
static int sweep(const uint8_t *code, size_t len, taddr_t addr,
		 int (*each)(const cs_insn *insn, void *arg), void *arg)
{
	csh h = decoder();
	cs_insn *insn = h != 0 ? cs_malloc(h) : NULL;
	const uint8_t *p = code;
	size_t left = len;
	uint64_t at = addr;
	int rc = 0;

	if (insn == NULL)
		return -1;
	while (left > 0) {
		if (!cs_disasm_iter(h, &p, &left, &at, insn)) {
			rc = -1;
			break;
		}
		if (each(insn, arg) != 0)
			break;
	}
	cs_free(insn, 1);
	return rc;
}

struct range {
	taddr_t lo, hi;
	bool found;
};

static int lands_in(const cs_insn *insn, void *arg)
{
	struct range *r = arg;

	if (in_group(insn, CS_GRP_BRANCH_RELATIVE)) {
		taddr_t to = branch_target(insn);
		r->found = to >= r->lo && to < r->hi;
	}
	return r->found;
}

/* Whether a direct branch of the code [addr, addr + len) lands in [lo, hi). -1 when the
 * code cannot be decoded to its end (then nobody knows). */
static int branch_lands_in(const uint8_t *code, size_t len, taddr_t addr, taddr_t lo,
			   taddr_t hi)
{
	struct range r = { lo, hi, false };

	if (sweep(code, len, addr, lands_in, &r) < 0)
		return -1;
	return r.found;
}

struct branch_at {
	taddr_t at, lo, hi;
	int found; /* -1: not reached yet */
};

static int is_branch_at(const cs_insn *insn, void *arg)
{
	struct branch_at *b = arg;

	if (insn->address < b->at)
		return 0;
	b->found = 0;
	if (insn->address == b->at && in_group(insn, CS_GRP_BRANCH_RELATIVE)) {
		taddr_t to = branch_target(insn);
		b->found = to >= b->lo && to < b->hi;
	}
	return 1;
}

int arch_branch_at(const uint8_t *code, size_t len, taddr_t addr, taddr_t at, taddr_t lo,
		   taddr_t hi)
{
	struct branch_at b = { at, lo, hi, -1 };

	/* Decoded to the end without an instruction at `at`: it is inside the last one. */
	if (sweep(code, len, addr, is_branch_at, &b) == 0 && b.found < 0)
		b.found = 0;
	return b.found;
}

void arch_raw_branches(const uint8_t *code, size_t len, taddr_t addr, arch_branch_fn fn,
		       void *arg)
{
	for (size_t i = 0; i < len; i++) {
		uint8_t b = code[i];
		if ((b == 0xe8 || b == 0xe9) && i + 5 <= len) { /* call, jmp rel32 */
			int32_t d;
			memcpy(&d, code + i + 1, 4);
			fn(arg, addr + i, addr + i + 5 + (taddr_t)(int64_t)d, false);
		} else if (b == 0x0f && i + 6 <= len && (code[i + 1] & 0xf0) == 0x80) { /* jcc rel32 */
			int32_t d;
			memcpy(&d, code + i + 2, 4);
			fn(arg, addr + i, addr + i + 6 + (taddr_t)(int64_t)d, false);
		}
		/* jmp rel8, jcc rel8, loop*, jrcxz */
		if ((b == 0xeb || (b & 0xf0) == 0x70 || (b >= 0xe0 && b <= 0xe3)) && i + 2 <= len)
			fn(arg, addr + i, addr + i + 2 + (taddr_t)(int64_t)(int8_t)code[i + 1], true);
	}
}

static void near_lands(void *arg, taddr_t at, taddr_t target, bool is_short)
{
	struct range *r = arg;

	(void)at;
	if (is_short && target >= r->lo && target < r->hi)
		r->found = true;
}

int arch_entry_patch(const uint8_t *code, size_t len, taddr_t addr, taddr_t tramp,
		     taddr_t ool_addr, uint8_t *patch, uint8_t *ool, size_t *ool_len,
		     const char **why)
{
	size_t start = 0, end, n = 0;
	cs_insn *insn = decode_one(code, len, addr);

	*why = "undecodable instruction";
	if (insn == NULL)
		return -1;
	if (insn->id == X86_INS_ENDBR64) /* stays: indirect calls land on it */
		start = insn->size;
	cs_free(insn, 1);
	for (end = start; end < start + 5;) {
		insn = decode_one(code + end, len - end, addr + end);
		if (insn == NULL) {
			*why = "the function is shorter than a jump";
			return -1;
		}
		int k = -1;
		bool relative = in_group(insn, CS_GRP_BRANCH_RELATIVE);
		if (n + 2 + 14 + 14 > ARCH_SLOT_SIZE) {
			*why = "too much to copy";
		} else if (relative && insn->id == X86_INS_JMP) {
			k = (int)emit_abs_jmp(ool + n, branch_target(insn));
		} else if (relative && is_jcc(insn)) {
			/* a jump to the target unless not cc: on, in the copy, otherwise */
			k = (int)emit_jump_unless(ool + n, jcc_condition(insn) ^ 1, branch_target(insn));
		} else if (in_group(insn, CS_GRP_RET)) {
			k = copy_relocated(insn, ool_addr + n, ool + n, why);
		} else if (is_branch(insn)) {
			*why = "a call or an indirect branch among the first instructions";
		} else if (insn->id == X86_INS_NOP) {
			*why = "a nop pad at the start (for whoever patches it: live patching)";
		} else {
			k = copy_relocated(insn, ool_addr + n, ool + n, why);
		}
		end += insn->size;
		cs_free(insn, 1);
		if (k < 0)
			return -1;
		n += (size_t)k;
	}
	/* Code jumping back into what the jump covers (a loop at the very start) would run
	 * half an instruction; a jump to the entry itself is a new call, fine. */
	taddr_t lo = addr + (start > 0 ? start : 1), hi = addr + end;
	int inside = branch_lands_in(code, len, addr, lo, hi);
	if (inside < 0) {
		/* Code capstone cannot decode to its end (newer vector extensions): every byte
		 * within reach that would be a near branch counts. */
		struct range r = { lo, hi, false };
		arch_raw_branches(code, len < end + 126 ? len : end + 126, addr, near_lands, &r);
		inside = r.found;
	}
	if (inside != 0) {
		*why = "a branch of the function lands among its first instructions";
		return -1;
	}
	int64_t rel = (int64_t)tramp - (int64_t)(addr + start + 5);
	if (!fits_s32(rel)) {
		*why = "the trampoline is out of reach";
		return -1;
	}
	int32_t r32 = (int32_t)rel;
	memcpy(patch, code, start);
	patch[start] = 0xe9;
	memcpy(patch + start + 1, &r32, 4);
	memset(patch + start + 5, 0xcc, end - start - 5); /* never run */
	n += emit_abs_jmp(ool + n, addr + end);
	*ool_len = n;
	return (int)end;
}

/* The exact forms arch_site_patch rewrites: call/jmp *disp32(%rip), 6 bytes, no prefix. */
static enum arch_slot_use slot_form(const uint8_t *b)
{
	if (b[0] != 0xff || (b[1] != 0x15 && b[1] != 0x25))
		return ARCH_SLOT_READ;
	return b[1] == 0x15 ? ARCH_SLOT_CALLED : ARCH_SLOT_JUMPED;
}

struct refs_walk {
	arch_slot_fn use;
	void *arg;
};

static int fixed_ref(const cs_insn *insn, void *arg)
{
	const struct refs_walk *w = arg;
	const cs_x86_op *op = rip_operand(insn);

	if (op != NULL)
		w->use(w->arg, insn->address, insn->address + insn->size + (taddr_t)op->mem.disp,
		       insn->size == 6 ? slot_form(insn->bytes) : ARCH_SLOT_READ);
	return 0;
}

int arch_fixed_refs(const uint8_t *code, size_t len, taddr_t addr, arch_slot_fn use, void *arg)
{
	struct refs_walk w = { use, arg };

	return sweep(code, len, addr, fixed_ref, &w);
}

void arch_raw_slot_calls(const uint8_t *code, size_t len, taddr_t addr, arch_slot_fn use,
			 void *arg)
{
	for (size_t i = 0; i + 6 <= len; i++) {
		enum arch_slot_use how = slot_form(code + i);
		if (how == ARCH_SLOT_READ)
			continue;
		int32_t disp;
		memcpy(&disp, code + i + 2, 4);
		use(arg, addr + i, addr + i + 6 + (taddr_t)(int64_t)disp, how);
	}
}

int arch_site_patch(enum arch_slot_use how, taddr_t site, taddr_t tramp, uint8_t *patch)
{
	/* nop, then call/jmp rel32: the return address stays the instruction after */
	int64_t rel = (int64_t)tramp - (int64_t)(site + 6);

	if (how == ARCH_SLOT_READ || !fits_s32(rel))
		return -1;
	int32_t r32 = (int32_t)rel;
	patch[0] = 0x90;
	patch[1] = how == ARCH_SLOT_CALLED ? 0xe8 : 0xe9;
	memcpy(patch + 2, &r32, 4);
	return 6;
}
