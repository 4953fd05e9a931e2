/*
 * --fast: what the agent (inside the traced program) and the tracer share. Three
 * mappings: the agent's code (read and execute), its private data (the thread table
 * and shadow stacks: a forked child gets its own copy) and the shared area (a memfd that
 * both sides map: the function table and the ring of records). Freestanding: fixed-width
 * integers only, the same layout on both sides.
 */
#ifndef LTRACE_FAST_SHARED_H
#define LTRACE_FAST_SHARED_H

#include <stdint.h>

#define FAST_MAGIC 0x31747361662d746cull /* "lt-fast1" */

#define FAST_MAX_FUNCS 8192
#define FAST_CAP_MAX 4096    /* the most bytes one capture copies */
#define FAST_COPIES 16       /* memory copied at a call, per function (struct fast_copy) */
#define FAST_OUT_COPIES 8    /* at its return */
#define FAST_OUT_REGS 2      /* argument registers the return's copies start from */
#define FAST_THREADS 512     /* thread table (open addressing on the thread pointer) */
#define FAST_DEPTH 1024      /* shadow stack frames per thread */
/* Rings: each entry of the thread table has its own, so that what one thread leaves
 * half-written holds back nobody else; and FAST_LEVELS of them, so that a signal handler
 * that makes a traced call while its thread is writing a record (in the agent) writes
 * into the next one up: each ring has one writer at a time, never interrupted by another
 * writer of the same ring, and a record is published whole (head moves past it). */
#define FAST_LEVELS 4
#define FAST_RING0 (1u << 20)    /* level 0 */
#define FAST_RINGN (256u << 10)  /* levels 1 and up: holds the largest record */
#define FAST_SLOT_RINGS (FAST_RING0 + (FAST_LEVELS - 1) * FAST_RINGN)

/* At the start of the agent's code: where its data are, patched by the tracer before the
 * code is written into the program. (Where its entries are, the build tells the tracer:
 * fast/agent/embed.sh.) */
struct fast_header {
	uint64_t magic;
	uint64_t data;       /* addresses in the program: struct fast_data */
	uint64_t shared;     /* struct fast_shared */
};

/* One copy of memory the agent makes for a call or a return: where from (a register, the
 * stack, or a pointer inside an earlier copy of the list: the formatter follows it, so the
 * agent does), and how many bytes at most (fewer if the next page is not mapped). */
struct fast_copy {
	uint8_t from;   /* FAST_FROM_* */
	uint8_t parent; /* FAST_FROM_PTR: the copy, earlier in the list, the pointer is in */
	uint16_t off;   /* FAST_FROM_PTR: where it is in that copy (8-aligned) */
	uint16_t len;
	uint16_t pad;
};

enum fast_from {
	FAST_FROM_REG = 0,   /* 0-5: the integer argument register (at the call) */
	FAST_FROM_STACK = 6, /* the stack from the return address on (arguments in memory) */
	FAST_FROM_RET = 7,   /* the return value register (at the return) */
	FAST_FROM_PTR = 8,
	FAST_FROM_ROOTS = 8
};

/* One traced function (written by the tracer before its stub is redirected). */
struct fast_func {
	uint64_t slot;     /* GOT slot: the call goes on to *slot */
	uint32_t id;
	uint8_t ncopy;     /* copies at the call */
	uint8_t nout;      /* copies at the return (output arguments, memory returned): those
			    * from registers first, at most FAST_OUT_REGS, their values at the
			    * call kept in the frame */
	uint8_t fmt_reg;   /* a printf-like format in this register (else 0xff): the strings
			    * its %s take from registers are copied too, fmt_cap bytes at most */
	uint8_t flags;     /* FAST_RETURNS_TWICE */
	uint16_t fmt_cap;
	uint16_t pad[3];
	struct fast_copy copy[FAST_COPIES];
	struct fast_copy out[FAST_OUT_COPIES];
};

/* fast_func.flags */
#define FAST_RETURNS_TWICE 1 /* setjmp and the like: the return address is left alone */
/* Functions sent into the agent for what it does there (traced too if selected): */
#define FAST_HOOK_THROW 2     /* _Unwind_RaiseException, _Unwind_Resume_or_Rethrow: the
			       * unwinder will walk the stack: the original return addresses
			       * go back into the thread's slots */
#define FAST_HOOK_CATCH 4     /* __cxa_begin_catch: frames still there after a throw get
			       * the return entry back */
#define FAST_HOOK_BACKTRACE 8 /* backtrace(): original return addresses back in the slots
			       * while it walks the stack */
#define FAST_HOOK_FIND 16     /* _dl_find_object (libgcc's unwinder looks up the return
			       * address it read): that slot, read, gets the return entry back */
#define FAST_UNTRACED 32      /* a hook only: not shown */
#define FAST_RECORDED 64      /* recorded even when calls are only counted (vfork: the
			       * tracer shows its returns from the ptrace events) */
#define FAST_HOOKS (FAST_HOOK_THROW | FAST_HOOK_CATCH | FAST_HOOK_BACKTRACE | FAST_HOOK_FIND)
#define FAST_NO_FID 0xffffffffu /* a frame of an untraced hook: no return record */
#define FAST_FMT_STRINGS 8   /* strings copied for one format */
/* -w: the bytes of the stack copied at each call (from the return address up), for the
 * tracer to unwind from (the thread runs on meanwhile). perf's default is 8 KiB. */
#define FAST_WHERE_STACK (16u << 10)

struct fast_frame {
	uint64_t tsc;  /* counted (fast_shared.count_only): when the call began; else 0 */
	uint64_t ret;  /* the original return address */
	uint64_t sp;   /* where it was (the stack pointer at the call's entry) */
	uint32_t fid;
	uint32_t nout; /* registers the return's copies start from, their values at the call: */
	uint64_t out[FAST_OUT_REGS];
};

struct fast_thread {
	uint64_t tp;    /* the thread pointer (x86-64: %fs base); 0: a free entry */
	uint32_t tid;
	uint32_t level; /* records being written by this thread (nested in signal handlers) */
	/* The shadow stack's depth (low 32 bits) and how many frames were pushed (high):
	 * changed by one compare-and-swap, which a signal handler cannot split. */
	uint64_t stack;
	uint32_t restored;  /* frames[0, restored) have their original return address back in
			     * their slot (the unwinder is walking or will walk the stack) */
	uint32_t unwinding; /* why: FAST_HOOK_THROW or FAST_HOOK_BACKTRACE (0: none) */
	struct fast_frame frames[FAST_DEPTH];
};

/* The agent's private data (copied by fork: each process its own shadow stacks). */
struct fast_data {
	uint32_t off;        /* set by the tracer in a child it does not follow: pass-through */
	uint32_t pid;        /* the process (to copy its memory without faulting) */
	char memfd_name[16];
	struct fast_thread threads[FAST_THREADS];
};

/* FAST_CALL_ABOVE: a call made on the signal stack (sigaltstack) while the thread's calls
 * in progress are on another one: none of them is over, whatever the stack pointers say. */
enum fast_kind { FAST_CALL = 1, FAST_RETURN = 2, FAST_PAD = 3, FAST_CALL_ABOVE = 4 };

/* A record in a ring (len: 8-aligned, the whole record). */
struct fast_rec {
	uint32_t len;
	uint8_t kind;
	uint8_t flags;     /* FAST_REC_WHERE */
	uint16_t ncap;
	uint32_t fid;
	uint32_t tid;
	uint64_t tsc;
	uint64_t sp;       /* call: the stack pointer at the entry (where the return address is) */
	uint64_t ret;      /* the return address */
	uint64_t regs[7];  /* call: the integer argument registers then rax; return: rax, rdx */
	uint64_t fp[16];   /* call: xmm0-7 (16 bytes each); return: xmm0, xmm1 */
	/* then ncap captures: struct fast_cap and its bytes, 8-aligned */
};

struct fast_cap {
	uint64_t addr;
	uint32_t len;
	uint32_t pad;
};

/* fast_rec.flags: a call record made for -w (fast_shared.where). A struct fast_where
 * follows the record's header (before its captures), and its first capture is the stack
 * from the return address up, the return addresses the agent replaced put back. */
#define FAST_REC_WHERE 1

/* The caller's registers that the unwinder may start from besides the stack pointer and
 * the return address (x86-64: rbx, rbp, r12-r15). */
struct fast_where {
	uint64_t saved[6];
};

/* Where a record's captures begin. */
static inline const struct fast_cap *fast_rec_caps(const struct fast_rec *r)
{
	const char *p = (const char *)(r + 1);

	return (const struct fast_cap *)(p + (r->flags & FAST_REC_WHERE ? sizeof(struct fast_where) : 0));
}

/* -c alone: one function's calls, counted at the call; the time of those that returned,
 * in time-stamp counts. */
struct fast_stat {
	uint64_t calls;
	uint64_t tsc;
	uint64_t min; /* 0: none returned yet */
	uint64_t max;
};

/* The rings of one entry of the thread table (by its index). Records are written at head
 * (a record that would cross the end of the ring goes to its start, after a FAST_PAD
 * record to the end) and published by moving head past them. */
struct fast_ring {
	uint64_t head[FAST_LEVELS]; /* bytes published, by the thread */
	uint32_t used;              /* listed in `active` */
	uint32_t pad0;
	uint64_t pad1[3];
	uint64_t tail[FAST_LEVELS]; /* bytes consumed, by the tracer */
	uint64_t pad2[4];
};

/* The shared area: this header, then the rings of each entry of the thread table
 * (FAST_SLOT_RINGS bytes each: level 0, then the others). */
struct fast_shared {
	uint64_t magic;
	uint64_t lock[8];     /* a robust mutex the tracer holds: its first word (the futex)
			       * gets FUTEX_OWNER_DIED from the kernel when the tracer dies */
	uint32_t alive;       /* 1 while the tracer reads; 0: pass-through */
	uint32_t count_only;  /* -c alone: calls are counted and timed in `stats`, not
			       * recorded (but those of FAST_RECORDED functions) */
	uint32_t wake;        /* the tracer sleeps on it */
	uint32_t sleeping;    /* the tracer is (about to be) asleep */
	uint32_t space;       /* bumped by the tracer when it frees room; writers wait on it */
	uint32_t waiting;     /* writers wait for room */
	uint32_t nactive;     /* entries of `active` */
	uint32_t where;       /* -w: stack bytes copied at a call (FAST_WHERE_STACK), or 0 */
	uint64_t ring_off;    /* from the start of this area */
	uint64_t nfuncs;
	uint64_t lost;        /* calls not shown: no room for them (no thread entry, shadow
			       * stack full, signal handlers nested too deep); the tracer
			       * says how many at the end */
	uint64_t pad[5];
	uint16_t active[FAST_THREADS]; /* the thread table's entries whose rings are used */
	struct fast_ring rings[FAST_THREADS];
	struct fast_func funcs[FAST_MAX_FUNCS];
	struct fast_stat stats[FAST_MAX_FUNCS];
};

#define FAST_SHARED_HEAD ((sizeof(struct fast_shared) + 4095) & ~(uint64_t)4095)
#define FAST_SHARED_SIZE (FAST_SHARED_HEAD + (uint64_t)FAST_THREADS * FAST_SLOT_RINGS)

/* Where a ring is, from the start of the ring area; and its size. */
static inline uint64_t fast_ring_at(unsigned slot, unsigned level)
{
	return (uint64_t)slot * FAST_SLOT_RINGS +
	       (level == 0 ? 0 : FAST_RING0 + (uint64_t)(level - 1) * FAST_RINGN);
}

static inline uint64_t fast_ring_size(unsigned level)
{
	return level == 0 ? FAST_RING0 : FAST_RINGN;
}

#endif
