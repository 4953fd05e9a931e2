/*
 * aarch64 instruction details: PLT stubs, the trampolines patched stubs jump to, and
 * out-of-line copies. Instructions are told apart with capstone and rewritten from their
 * encoding (one 32-bit word each, little-endian). A copy runs in a scratch slot within
 * ARCH_SLOT_REACH of the original; every PC-relative instruction (adr, adrp, ldr literal,
 * b, bl, b.cond, cbz/cbnz, tbz/tbnz) gets the effect it has at its own address, and the
 * copy branches back with a b.
 */
#include <capstone/capstone.h>
#include <stdbool.h>
#include <string.h>

#include "sysdeps/arch.h"

#define INSN_BRK 0xd4200000u
#define INSN_BTI_C 0xd503245fu
#define INSN_NOP 0xd503201fu
#define INSN_BR_X17 0xd61f0220u
#define INSN_LDR_X17_X16 0xf9400211u /* ldr x17, [x16] */

static csh decoder(void)
{
	static csh handle;
	static int state; /* 0 untried, 1 ready, -1 failed */

	if (state == 0) {
		state = -1;
		if (cs_open(CS_ARCH_ARM64, CS_MODE_ARM, &handle) == CS_ERR_OK)
			state = 1;
	}
	return state == 1 ? handle : 0;
}

static uint32_t word_at(const uint8_t *code)
{
	return (uint32_t)code[0] | (uint32_t)code[1] << 8 | (uint32_t)code[2] << 16 |
	       (uint32_t)code[3] << 24;
}

static void put_word(uint8_t *out, uint32_t w)
{
	out[0] = (uint8_t)w;
	out[1] = (uint8_t)(w >> 8);
	out[2] = (uint8_t)(w >> 16);
	out[3] = (uint8_t)(w >> 24);
}

static void put_quad(uint8_t *out, uint64_t v)
{
	memcpy(out, &v, sizeof(v)); /* aarch64 Linux is little-endian, as the host here */
}

/* The sign-extended field of `bits` bits at `lo` of w. */
static int64_t sfield(uint32_t w, unsigned lo, unsigned bits)
{
	uint64_t v = (w >> lo) & ((1ull << bits) - 1);

	return (int64_t)(v << (64 - bits)) >> (64 - bits);
}

/* What an instruction is, for relocation. */
enum kind {
	K_PLAIN,   /* not PC-relative: the copy runs as it is */
	K_END,     /* br, ret, eret...: never falls through */
	K_ADR, K_ADRP, K_LDR_LIT, K_B, K_BL, K_BCOND, K_CBZ, K_TBZ, K_BLR,
	K_REFUSED, /* PC-relative in a way not relocated */
	K_BAD,     /* undecodable */
};

static enum kind classify(const uint8_t *code, taddr_t addr)
{
	uint32_t w = word_at(code);
	csh h = decoder();
	cs_insn *insn = NULL;
	size_t n = h != 0 ? cs_disasm(h, code, 4, addr, 1, &insn) : 0;

	if (n > 0)
		cs_free(insn, n);
	/* Hints (nop, bti, pac*) are all harmless, whether capstone knows them or not. */
	if (n == 0 && (w & 0xfffff01fu) != 0xd503201fu)
		return K_BAD;
	if ((w & 0x9f000000u) == 0x10000000u)
		return K_ADR;
	if ((w & 0x9f000000u) == 0x90000000u)
		return K_ADRP;
	if ((w & 0x3b000000u) == 0x18000000u)
		return (w & 0x04000000u) ? K_REFUSED : K_LDR_LIT; /* V: a SIMD/FP register */
	if ((w & 0xfc000000u) == 0x14000000u)
		return K_B;
	if ((w & 0xfc000000u) == 0x94000000u)
		return K_BL;
	if ((w & 0xff000010u) == 0x54000000u)
		return K_BCOND;
	if ((w & 0x7e000000u) == 0x34000000u)
		return K_CBZ;
	if ((w & 0x7e000000u) == 0x36000000u)
		return K_TBZ;
	if ((w & 0xfffffc1fu) == 0xd63f0000u)
		return K_BLR;
	if ((w & 0xfe000000u) == 0xd6000000u) /* branches to a register */
		return ((w >> 21) & 1) ? K_REFUSED /* blraa...: x30 */
				       : K_END;    /* br, ret, eret, braa, retaa... */
	return K_PLAIN;
}

/* b from `from` to `to`, if within reach (+-128 MiB). */
static bool emit_b(uint8_t *out, taddr_t from, taddr_t to, uint32_t op)
{
	int64_t off = (int64_t)(to - from);

	if (off < -(1ll << 27) || off >= (1ll << 27))
		return false;
	put_word(out, op | ((uint32_t)(off >> 2) & 0x03ffffffu));
	return true;
}

/* ldr x<rt>, at +off from here (a literal of the slot). */
static uint32_t ldr_lit_x(unsigned rt, unsigned off)
{
	return 0x58000000u | (off / 4) << 5 | rt;
}

/* The branch with its 19-bit (b.cond, cbz) or 14-bit (tbz) offset set to +8. */
static uint32_t retarget_8(uint32_t w, enum kind k)
{
	if (k == K_TBZ)
		return (w & ~(0x3fffu << 5)) | 2u << 5;
	return (w & ~(0x7ffffu << 5)) | 2u << 5;
}

static int displace(uint32_t w, enum kind k, taddr_t addr, taddr_t slot, uint8_t *out,
		    const char **why)
{
	taddr_t next = addr + 4;
	unsigned rt = w & 31;
	int n;

	*why = "out of reach of the scratch area";
	switch (k) {
	case K_PLAIN:
		put_word(out, w);
		return emit_b(out + 4, slot + 4, next, 0x14000000u) ? 8 : -1;
	case K_END:
		put_word(out, w);
		return 4;
	case K_ADR:
	case K_ADRP: {
		int64_t imm = sfield(w, 5, 19) << 2 | ((w >> 29) & 3);
		taddr_t value = k == K_ADR ? addr + (taddr_t)imm
					   : (addr & ~(taddr_t)0xfff) + (taddr_t)(imm << 12);
		/* ldr xd, =value; b next; .quad value */
		put_word(out, ldr_lit_x(rt, 8));
		if (!emit_b(out + 4, slot + 4, next, 0x14000000u))
			return -1;
		put_quad(out + 8, value);
		return 16;
	}
	case K_LDR_LIT: {
		taddr_t from = addr + (taddr_t)(sfield(w, 5, 19) << 2);
		unsigned opc = w >> 30;
		if (opc == 3) { /* prfm: a hint, left out */
			return emit_b(out, slot, next, 0x14000000u) ? 4 : -1;
		}
		/* ldr xd, =from; ldr wd/xd / ldrsw xd, [xd]; b next; nop; .quad from */
		static const uint32_t load[] = { 0xb9400000u, 0xf9400000u, 0xb9800000u };
		put_word(out, ldr_lit_x(rt, 16));
		put_word(out + 4, load[opc] | rt << 5 | rt);
		if (!emit_b(out + 8, slot + 8, next, 0x14000000u))
			return -1;
		put_word(out + 12, INSN_NOP);
		put_quad(out + 16, from);
		return 24;
	}
	case K_B:
	case K_BL: {
		taddr_t target = addr + (taddr_t)(sfield(w, 0, 26) << 2);
		if (k == K_B)
			return emit_b(out, slot, target, 0x14000000u) ? 4 : -1;
		/* ldr x30, =next; b target; .quad next */
		put_word(out, ldr_lit_x(30, 8));
		if (!emit_b(out + 4, slot + 4, target, 0x14000000u))
			return -1;
		put_quad(out + 8, next);
		return 16;
	}
	case K_BCOND:
	case K_CBZ:
	case K_TBZ: {
		/* the branch to +8; b next; b target */
		int64_t off = k == K_TBZ ? sfield(w, 5, 14) << 2 : sfield(w, 5, 19) << 2;
		put_word(out, retarget_8(w, k));
		if (!emit_b(out + 4, slot + 4, next, 0x14000000u) ||
		    !emit_b(out + 8, slot + 8, addr + (taddr_t)off, 0x14000000u))
			return -1;
		return 12;
	}
	case K_BLR: {
		unsigned rn = (w >> 5) & 31;
		n = 0;
		if (rn == 30) { /* mov x17, x30: the target, before x30 becomes next */
			put_word(out, 0xaa1e03f1u);
			rn = 17;
			n = 4;
		}
		/* ldr x30, =next; br xn; .quad next (8-aligned) */
		unsigned lit = n == 0 ? 8 : 16;
		put_word(out + n, ldr_lit_x(30, lit - (unsigned)n));
		put_word(out + n + 4, 0xd61f0000u | rn << 5);
		if (n != 0)
			put_word(out + 12, INSN_NOP);
		put_quad(out + lit, next);
		return (int)lit + 8;
	}
	case K_REFUSED:
		*why = "PC-relative instruction of a kind that is not relocated";
		return -1;
	case K_BAD:
	default:
		*why = "undecodable instruction";
		return -1;
	}
}

int arch_displace(const uint8_t *code, size_t len, taddr_t addr, taddr_t slot_addr,
		  uint8_t *out, const char **why)
{
	*why = "undecodable instruction";
	if (len < 4)
		return -1;
	return displace(word_at(code), classify(code, addr), addr, slot_addr, out, why);
}

int arch_insn_length(const uint8_t *code, size_t len, taddr_t addr)
{
	(void)code;
	(void)addr;
	return len >= 4 ? 4 : -1;
}

enum arch_reloc arch_reloc_kind(unsigned type)
{
	switch (type) {
	case 1026: /* R_AARCH64_JUMP_SLOT */
	case 1025: /* R_AARCH64_GLOB_DAT */
		return ARCH_RELOC_SLOT;
	case 1032: /* R_AARCH64_IRELATIVE */
		return ARCH_RELOC_IRELATIVE;
	default:
		return ARCH_RELOC_OTHER;
	}
}

/*
 * A PLT stub: [bti c;] adrp x16, page; ldr x17, [x16, #off]; add x16, x16, #off;
 * [autia1716;] br x17. Returns the offset of its adrp (0 or 4), or -1; *slot set.
 */
static int stub_shape(const uint8_t *code, size_t len, taddr_t addr, taddr_t *slot)
{
	size_t at = 0;

	if (len >= 4 && word_at(code) == INSN_BTI_C)
		at = 4;
	if (len < at + 16)
		return -1;
	uint32_t adrp = word_at(code + at), ldr = word_at(code + at + 4),
		 add = word_at(code + at + 8), br = word_at(code + at + 12);
	if ((adrp & 0x9f00001fu) != 0x90000010u || (ldr & 0xffc003ffu) != 0xf9400211u ||
	    (add & 0xffc003ffu) != 0x91000210u)
		return -1;
	uint32_t lo = (ldr >> 10) & 0xfff;
	if (((add >> 10) & 0xfff) != lo * 8 || (add & (1u << 22)))
		return -1; /* the add must give x16 the slot's address */
	if (br != INSN_BR_X17 && !(len >= at + 20 && (br == 0xd503219fu || br == 0xd50321dfu) &&
				    word_at(code + at + 16) == INSN_BR_X17))
		return -1;
	int64_t imm = sfield(adrp, 5, 19) << 2 | ((adrp >> 29) & 3);
	taddr_t pc = addr + at;
	*slot = (pc & ~(taddr_t)0xfff) + (taddr_t)(imm << 12) + lo * 8;
	return (int)at;
}

int arch_plt_slot(const uint8_t *code, size_t len, taddr_t addr, taddr_t *slot)
{
	return stub_shape(code, len, addr, slot) < 0 ? -1 : 0;
}

/*
 * The stub's adrp becomes a b to the trampoline (a bti c before it stays, for indirect
 * calls into the PLT): brk; ldr x16, =slot; ldr x17, [x16]; br x17; .quad slot. The
 * return address is in x30 all along; x16 and x17 are as the stub would have left them,
 * for the lazy binding.
 */
int arch_plt_patch(const uint8_t *code, size_t len, taddr_t stub, taddr_t slot, taddr_t tramp,
		   uint8_t *patch, uint8_t *tramp_code, size_t *tramp_len, size_t *trap_offset)
{
	taddr_t seen;
	int at = stub_shape(code, len, stub, &seen);

	if (at < 0 || seen != slot || (tramp & 7) != 0)
		return -1;
	memcpy(patch, code, (size_t)at);
	if (!emit_b(patch + at, stub + (taddr_t)at, tramp, 0x14000000u))
		return -1;
	put_word(tramp_code, INSN_BRK);
	put_word(tramp_code + 4, ldr_lit_x(16, 12));
	put_word(tramp_code + 8, INSN_LDR_X17_X16);
	put_word(tramp_code + 12, INSN_BR_X17);
	put_quad(tramp_code + 16, slot);
	*tramp_len = 24;
	*trap_offset = 0;
	return at + 4;
}
