/*
 * -w with libunwind: unwinding starts from the caller's registers at the call. The
 * program's memory comes through the caller's reader (at a stop, the live process; with
 * --fast, the stack as the agent copied it at the call: the thread has run on since).
 * The unwind information of a frame is found in the object's .eh_frame_hdr table as it is
 * mapped in the program (objects and maps known from symbolize.c, read once); objects
 * without one are left to libunwind-ptrace, which reads /proc/PID/maps and the file again
 * for each frame.
 */
#include "output/backtrace.h"

#include <libunwind-ptrace.h>
#include <libunwind.h>

#include <string.h>

#include "elf/symtab.h"
#include "output/demangle.h"
#include "output/symbolize.h"

/* libunwind's search of a binary-search table, exported but declared in no header. */
extern int UNW_OBJ(dwarf_search_unwind_table)(unw_addr_space_t as, unw_word_t ip,
					      unw_dyn_info_t *di, unw_proc_info_t *pi,
					      int need_unwind_info, void *arg);

/* Memory is read a page at a time (libunwind reads word by word: one system call each
 * was most of the time -w took), kept for one unwinding (emptied at the next). */
#define CACHE_PAGES 16
#define PAGE 4096u
struct page {
	taddr_t addr; /* 0: empty */
	size_t len;   /* bytes readable from addr */
	uint8_t bytes[PAGE];
};

/* What the accessors need: libunwind-ptrace's own state, the registers of the caller, and
 * where memory is read. */
struct unwind_arg {
	void *upt;          /* made when first needed */
	const struct arch_regs *regs;
	taddr_t ret_addr;
	pid_t pid, tid;
	arch_mem_reader read;
	unsigned next;      /* the page to reuse next */
};

static struct page pages[CACHE_PAGES];

/* The cached page holding addr, read if need be; NULL if unreadable. */
static const struct page *page_of(struct unwind_arg *u, taddr_t addr)
{
	taddr_t base = addr & ~(taddr_t)(PAGE - 1);

	for (unsigned i = 0; i < CACHE_PAGES; i++)
		if (pages[i].addr == base && pages[i].len > 0)
			return &pages[i];
	struct page *pg = &pages[u->next];
	ssize_t n = u->read(u->tid, base, pg->bytes, PAGE);
	if (n <= 0)
		return NULL;
	u->next = (u->next + 1) % CACHE_PAGES;
	pg->addr = base;
	pg->len = (size_t)n;
	return pg;
}

static unw_addr_space_t as;
/*
 * The unwinding in progress. libunwind-ptrace calls the address space's accessors with its
 * own state as the argument (from inside _UPT_find_proc_info), so the accessors cannot
 * rely on their argument: they use this instead.
 */
static struct unwind_arg *current;

static void *upt(void)
{
	if (current->upt == NULL)
		current->upt = _UPT_create(current->tid);
	return current->upt;
}

static int find_proc_info(unw_addr_space_t a, unw_word_t ip, unw_proc_info_t *pi,
			  int need_info, void *arg)
{
	taddr_t bias = 0;
	const struct symtab *st = symbolize_object(current->pid, ip, &bias);
	const struct symtab_eh *eh = st != NULL ? symtab_eh_table(st) : NULL;

	(void)arg;
	if (eh != NULL) {
		unw_dyn_info_t di = {
			.start_ip = eh->text_lo + bias,
			.end_ip = eh->text_hi + bias,
			.format = UNW_INFO_FORMAT_REMOTE_TABLE,
		};
		di.u.rti.segbase = eh->hdr + bias;
		di.u.rti.table_data = eh->table + bias;
		di.u.rti.table_len = eh->count * 8 / sizeof(unw_word_t);
		int r = UNW_OBJ(dwarf_search_unwind_table)(a, ip, &di, pi, need_info, current);
		if (r != -UNW_ENOINFO)
			return r;
	}
	if (upt() == NULL)
		return -UNW_ENOINFO;
	return _UPT_find_proc_info(a, ip, pi, need_info, current->upt);
}

static void put_unwind_info(unw_addr_space_t a, unw_proc_info_t *pi, void *arg)
{
	(void)arg;
	/* What dwarf_search_unwind_table gives is libunwind's to free; this is only asked
	 * for what _UPT_find_proc_info gave. */
	if (current->upt != NULL)
		_UPT_put_unwind_info(a, pi, current->upt);
}

static int get_dyn_info_list_addr(unw_addr_space_t a, unw_word_t *addr, void *arg)
{
	(void)a;
	(void)addr;
	(void)arg;
	return -UNW_ENOINFO; /* no dynamically registered unwind information is looked for */
}

static int access_mem(unw_addr_space_t a, unw_word_t addr, unw_word_t *val, int write,
		      void *arg)
{
	uint64_t v;

	(void)a;
	(void)arg;
	if (write)
		return -UNW_EREADONLYREG; /* the program's memory is never changed */
	const struct page *pg = page_of(current, addr);
	size_t off = (size_t)(addr & (PAGE - 1));
	if (pg != NULL && off + sizeof(v) <= pg->len) {
		memcpy(&v, pg->bytes + off, sizeof(v));
	} else if (current->read(current->tid, addr, &v, sizeof(v)) != (ssize_t)sizeof(v)) {
		return -UNW_EINVAL; /* (a word across two pages: read as it is) */
	}
	*val = v;
	return 0;
}

/* Registers come from the stop, not from the thread: it is the caller's frame we want. */
static int access_reg(unw_addr_space_t a, unw_regnum_t reg, unw_word_t *val, int write,
		      void *arg)
{
	uint64_t v;

	(void)a;
	(void)arg;
	if (write || arch_unwind_caller_reg(current->regs, current->ret_addr, reg, &v) < 0)
		return -UNW_EBADREG;
	*val = v;
	return 0;
}

static int access_fpreg(unw_addr_space_t a, unw_regnum_t reg, unw_fpreg_t *val, int write,
			void *arg)
{
	(void)a; (void)reg; (void)val; (void)write; (void)arg;
	return -UNW_EBADREG;
}

static int resume(unw_addr_space_t a, unw_cursor_t *c, void *arg)
{
	(void)a; (void)c; (void)arg;
	return -UNW_EINVAL;
}

static int get_proc_name(unw_addr_space_t a, unw_word_t addr, char *buf, size_t len,
			 unw_word_t *off, void *arg)
{
	(void)arg;
	if (upt() == NULL)
		return -UNW_ENOINFO;
	return _UPT_get_proc_name(a, addr, buf, len, off, current->upt);
}

static unw_accessors_t accessors = {
	.find_proc_info = find_proc_info,
	.put_unwind_info = put_unwind_info,
	.get_dyn_info_list_addr = get_dyn_info_list_addr,
	.access_mem = access_mem,
	.access_reg = access_reg,
	.access_fpreg = access_fpreg,
	.resume = resume,
	.get_proc_name = get_proc_name,
};

static void put_frame(struct strbuf *out, pid_t pid, taddr_t ip, bool demangled)
{
	struct addr_name n;

	/* ip is a return address: the call is the instruction before it. */
	symbolize(pid, ip - 1, &n);
	if (n.object == NULL) {
		strbuf_printf(out, " > ?? [%#" PRIxTADDR "]\n", ip);
		return;
	}
	const char *fn = n.function == NULL ? "" : demangled ? demangle(n.function) : n.function;
	strbuf_printf(out, " > %s(%s+%#" PRIxTADDR ") [%#" PRIxTADDR "]\n", n.object, fn,
		      n.offset + 1, ip);
}

void backtrace_format(struct strbuf *out, pid_t pid, pid_t tid, const struct arch_regs *regs,
		      taddr_t ret_addr, arch_mem_reader read, unsigned max, bool demangled)
{
	struct unwind_arg ua = { NULL, regs, ret_addr, pid, tid, read, 0 };
	unw_cursor_t cur;

	if (as == NULL) {
		as = unw_create_addr_space(&accessors, 0);
		if (as == NULL)
			return;
		/* Programs exec and dlopen: nothing is kept from one unwinding to the next. */
		unw_set_caching_policy(as, UNW_CACHE_NONE);
	}
	for (unsigned i = 0; i < CACHE_PAGES; i++)
		pages[i].len = 0;
	current = &ua;
	if (unw_init_remote(&cur, as, &ua) == 0) {
		for (unsigned i = 0; i < max; i++) {
			unw_word_t ip;
			if (unw_get_reg(&cur, UNW_REG_IP, &ip) < 0 || ip == 0)
				break;
			put_frame(out, pid, ip, demangled);
			if (unw_step(&cur) <= 0)
				break;
		}
	}
	current = NULL;
	if (ua.upt != NULL)
		_UPT_destroy(ua.upt);
}

void backtrace_clear(void)
{
	if (as != NULL)
		unw_destroy_addr_space(as);
	as = NULL;
	symbolize_clear();
}
