#include "tests/unit/fake_cursor.h"

#include <stdlib.h>
#include <string.h>

static uint64_t next_int(void *ctx)
{
	struct fake *f = ctx;

	return f->next_int < f->nints ? f->ints[f->next_int++] : 0;
}

static double next_double(void *ctx)
{
	struct fake *f = ctx;

	return f->next_fp < f->nfps ? f->fps[f->next_fp++] : 0;
}

static float next_float(void *ctx)
{
	return (float)next_double(ctx);
}

static ssize_t read_mem(void *ctx, taddr_t addr, void *buf, size_t len)
{
	struct fake *f = ctx;

	f->reads++;
	for (size_t i = f->nmem; i-- > 0;) { /* newer regions shadow older ones */
		struct fake_region *r = &f->mem[i];
		if (addr < r->addr || addr - r->addr >= r->len)
			continue;
		size_t n = r->len - (size_t)(addr - r->addr);
		if (n > len)
			n = len;
		memcpy(buf, r->data + (addr - r->addr), n);
		return (ssize_t)n;
	}
	return -1;
}

static const struct arg_cursor_ops ops = { next_int, next_double, next_float, read_mem, NULL, NULL, NULL };

void fake_init(struct fake *f)
{
	memset(f, 0, sizeof(*f));
	f->brk = 0x10000;
	f->cursor.ops = &ops;
	f->cursor.ctx = f;
}

void fake_free(struct fake *f)
{
	for (size_t i = 0; i < f->nmem; i++)
		free(f->mem[i].data);
	f->nmem = 0;
}

void fake_rewind(struct fake *f)
{
	f->next_int = f->next_fp = 0;
}

void fake_int(struct fake *f, uint64_t v)
{
	if (f->nints < FAKE_MAX)
		f->ints[f->nints++] = v;
}

void fake_fp(struct fake *f, double v)
{
	if (f->nfps < FAKE_MAX)
		f->fps[f->nfps++] = v;
}

void fake_mem_at(struct fake *f, taddr_t addr, const void *data, size_t len)
{
	if (f->nmem == FAKE_MAX)
		return;
	struct fake_region *r = &f->mem[f->nmem++];
	r->addr = addr;
	r->len = len;
	r->data = malloc(len ? len : 1);
	memcpy(r->data, data, len);
}

taddr_t fake_mem(struct fake *f, const void *data, size_t len)
{
	taddr_t addr = f->brk;

	fake_mem_at(f, addr, data, len);
	f->brk += (len + 0xfff) / 0x1000 * 0x1000 + 0x1000; /* leave unmapped gaps */
	return addr;
}

taddr_t fake_str(struct fake *f, const char *s)
{
	return fake_mem(f, s, strlen(s) + 1);
}
