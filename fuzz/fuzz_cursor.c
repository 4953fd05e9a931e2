#include "fuzz/fuzz_cursor.h"

#include <string.h>

#define UNMAPPED 0xdead0000ull

static uint64_t heap_end(const struct fuzz_cursor *fc)
{
	return FUZZ_HEAP_ADDR + fc->mem[1].len;
}

static int more(const struct fuzz_cursor *fc, size_t n)
{
	return fc->stream_len - fc->pos >= n;
}

unsigned fuzz_cursor_byte(struct fuzz_cursor *fc)
{
	return fc->pos < fc->stream_len ? fc->stream[fc->pos++] : 0;
}

/* n (<= 8) little-endian bytes of the stream; zero-filled past its end. */
static uint64_t bytes(struct fuzz_cursor *fc, size_t n)
{
	uint64_t v = 0;

	for (size_t i = 0; i < n; i++)
		v |= (uint64_t)fuzz_cursor_byte(fc) << (8 * i);
	return v;
}

static uint64_t heap_ptr(const struct fuzz_cursor *fc, uint64_t off)
{
	return FUZZ_HEAP_ADDR + (fc->mem[1].len ? off % fc->mem[1].len : 0);
}

static uint64_t fallback_int(struct fuzz_cursor *fc)
{
	switch (fc->cycle++ % 8) {
	case 0: return FUZZ_HEAP_ADDR;
	case 1: return 3;
	case 2: return FUZZ_PTRS_ADDR;
	case 3: return 0;
	case 4: return FUZZ_TEXT_ADDR;
	case 5: return UINT64_MAX;
	case 6: return heap_end(fc) - 1;
	default: return 100000;
	}
}

static uint64_t next_int(void *ctx)
{
	struct fuzz_cursor *fc = ctx;

	if (fc->next_preset < fc->npreset)
		return fc->preset[fc->next_preset++];
	if (!more(fc, 1))
		return fallback_int(fc);
	unsigned sel = fuzz_cursor_byte(fc);
	switch (sel & 7) {
	case 0: return heap_ptr(fc, bytes(fc, 2));
	case 1: return (uint64_t)(int64_t)(int8_t)bytes(fc, 1);
	case 2: return bytes(fc, 8);
	case 3: return 0;
	case 4: return FUZZ_PTRS_ADDR + 8 * (bytes(fc, 1) % FUZZ_NPTRS);
	case 5: return heap_end(fc) - bytes(fc, 1) % 17;
	case 6: return FUZZ_TEXT_ADDR + bytes(fc, 1) % (fc->mem[0].len + 1);
	default: return bytes(fc, 4);
	}
}

static double next_double(void *ctx)
{
	struct fuzz_cursor *fc = ctx;
	static const double cycle[] = { 0.0, 1.5, -2.25e300, 1e-310 };
	double d;

	if (!more(fc, 8))
		return cycle[fc->cycle++ % 4];
	uint64_t v = bytes(fc, 8);
	memcpy(&d, &v, sizeof(d));
	return d;
}

static float next_float(void *ctx)
{
	struct fuzz_cursor *fc = ctx;
	float f;

	if (!more(fc, 4))
		return (float)next_double(ctx);
	uint32_t v = (uint32_t)bytes(fc, 4);
	memcpy(&f, &v, sizeof(f));
	return f;
}

static ssize_t read_mem(void *ctx, taddr_t addr, void *buf, size_t len)
{
	struct fuzz_cursor *fc = ctx;

	for (size_t i = 0; i < fc->nmem; i++) {
		const struct fuzz_region *r = &fc->mem[i];
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

static void put_word(unsigned char *p, uint64_t v)
{
	for (int i = 0; i < 8; i++)
		p[i] = (unsigned char)(v >> (8 * i));
}

void fuzz_cursor_init(struct fuzz_cursor *fc, const unsigned char *text, size_t text_len,
		      const unsigned char *heap, size_t heap_len, const unsigned char *stream,
		      size_t stream_len)
{
	memset(fc, 0, sizeof(*fc));
	fc->stream = stream;
	fc->stream_len = stream_len;
	fc->mem[0] = (struct fuzz_region){ FUZZ_TEXT_ADDR, text, text_len };
	fc->mem[1] = (struct fuzz_region){ FUZZ_HEAP_ADDR, heap, heap_len };
	fc->mem[2] = (struct fuzz_region){ FUZZ_PTRS_ADDR, fc->ptrs, sizeof(fc->ptrs) };
	fc->nmem = 3;
	for (unsigned i = 0; i < FUZZ_NPTRS; i++) {
		uint64_t v;
		switch (i % 4) {
		case 0: v = heap_ptr(fc, (uint64_t)i * 37); break;
		case 1: v = FUZZ_PTRS_ADDR + 8 * ((i * 5) % FUZZ_NPTRS); break; /* cycles */
		case 2: v = FUZZ_TEXT_ADDR; break;
		default: v = i == 3 ? 0 : UNMAPPED + i; break;
		}
		put_word(fc->ptrs + 8 * i, v);
	}
	fc->cursor.ops = &ops;
	fc->cursor.ctx = fc;
	fc->cursor.window = &fc->window;
}

void fuzz_cursor_preset(struct fuzz_cursor *fc, uint64_t v)
{
	if (fc->npreset < FUZZ_MAX_PRESET)
		fc->preset[fc->npreset++] = v;
}

void fuzz_cursor_opts(struct fuzz_cursor *fc, struct fmt_opts *opts)
{
	if (!more(fc, 2)) {
		opts->string_limit = 32;
		opts->array_limit = 4;
		return;
	}
	opts->string_limit = fuzz_cursor_byte(fc);
	opts->array_limit = fuzz_cursor_byte(fc) % 16;
}
