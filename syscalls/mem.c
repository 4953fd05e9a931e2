/* Memory mappings: mmap/mprotect protections and mmap flags. */
#include "syscalls/decode.h"

static const struct xlat prots[] = {
	{ 0x1, "PROT_READ" },
	{ 0x2, "PROT_WRITE" },
	{ 0x4, "PROT_EXEC" },
	{ 0x8, "PROT_SEM" },
	{ 0x01000000, "PROT_GROWSDOWN" },
	{ 0x02000000, "PROT_GROWSUP" },
	{ 0, NULL },
};

static const struct xlat map_types[] = {
	{ 1, "MAP_SHARED" }, { 2, "MAP_PRIVATE" }, { 3, "MAP_SHARED_VALIDATE" }, { 0, NULL },
};

static const struct xlat map_flags[] = {
	{ 0x10, "MAP_FIXED" },
	{ 0x20, "MAP_ANONYMOUS" },
	{ 0x40, "MAP_32BIT" },
	{ 0x100, "MAP_GROWSDOWN" },
	{ 0x800, "MAP_DENYWRITE" },
	{ 0x1000, "MAP_EXECUTABLE" },
	{ 0x2000, "MAP_LOCKED" },
	{ 0x4000, "MAP_NORESERVE" },
	{ 0x8000, "MAP_POPULATE" },
	{ 0x10000, "MAP_NONBLOCK" },
	{ 0x20000, "MAP_STACK" },
	{ 0x40000, "MAP_HUGETLB" },
	{ 0x80000, "MAP_SYNC" },
	{ 0x100000, "MAP_FIXED_NOREPLACE" },
	{ 0x4000000, "MAP_UNINITIALIZED" },
	{ 0, NULL },
};

void sys_decode_mem(const struct sys_ctx *c, int kind, unsigned i)
{
	uint32_t v = (uint32_t)c->call->args[i];

	if (kind == SA_PROT) {
		if (v == 0)
			strbuf_append(c->out, "PROT_NONE");
		else
			xlat_flags(c->out, prots, v);
		return;
	}
	/* SA_MAPFLAGS: the mapping type, then the flags. */
	xlat_enum(c->out, map_types, v & 0xf, true);
	if ((v & ~0xfu) != 0) {
		strbuf_putc(c->out, '|');
		xlat_flags(c->out, map_flags, v & ~0xfu);
	}
}
