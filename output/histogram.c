/* --histogram: log2 buckets of microseconds per name, laid out as bpftrace's hist(). */
#include "output/histogram.h"

#include <stdlib.h>
#include <string.h>

#include "common/xalloc.h"
#include "output/name_map.h"

struct hist {
	uint64_t buckets[HIST_BUCKETS];
	uint64_t unreturned;
};

static struct name_map map = NAME_MAP_INIT;

enum { LABEL_WIDTH = 16, COUNT_WIDTH = 8, BAR_WIDTH = 52 };

unsigned hist_bucket(uint64_t us)
{
	return us == 0 ? 0 : 64 - (unsigned)__builtin_clzll(us);
}

/* 2^e as bpftrace writes a bound: 512, 1K, 2K, ..., 1M, ..., 16E. */
static void put_power(struct strbuf *out, unsigned e)
{
	static const char suffix[] = " KMGTPE";

	strbuf_put_udec(out, 1ull << (e % 10));
	if (e >= 10)
		strbuf_putc(out, suffix[e / 10]);
}

void hist_label(struct strbuf *out, unsigned b)
{
	if (b < 2) {
		strbuf_printf(out, "[%u]", b);
		return;
	}
	strbuf_putc(out, '[');
	put_power(out, b - 1);
	strbuf_append(out, ", ");
	put_power(out, b);
	strbuf_putc(out, ')');
}

static struct hist *hist_of(const char *name)
{
	struct name_slot *s = name_map_slot(&map, name);

	if (s->value == NULL)
		s->value = xcalloc(1, sizeof(struct hist));
	return s->value;
}

void hist_add(const char *name, uint64_t ns)
{
	hist_of(name)->buckets[hist_bucket(ns / 1000)]++;
}

void hist_add_unreturned(const char *name)
{
	hist_of(name)->unreturned++;
}

/* "label           count" as the start of a row: the label left in its column, the count
 * right in its own. */
static void put_row_head(struct strbuf *out, const char *label, uint64_t count)
{
	size_t start = out->len;

	strbuf_append(out, label);
	if (out->len - start < LABEL_WIDTH)
		strbuf_pad(out, ' ', LABEL_WIDTH - (out->len - start));
	strbuf_printf(out, "%*llu", COUNT_WIDTH, (unsigned long long)count);
}

static void format_one(struct strbuf *out, const char *name, const struct hist *h)
{
	unsigned first = HIST_BUCKETS, last = 0;
	uint64_t max = 0;
	struct strbuf label = STRBUF_INIT;

	for (unsigned b = 0; b < HIST_BUCKETS; b++) {
		if (h->buckets[b] == 0)
			continue;
		if (first == HIST_BUCKETS)
			first = b;
		last = b;
		if (h->buckets[b] > max)
			max = h->buckets[b];
	}
	strbuf_printf(out, "@usecs[%s]:\n", name);
	for (unsigned b = first; b <= last && first < HIST_BUCKETS; b++) {
		size_t bar = (size_t)(h->buckets[b] * BAR_WIDTH / max);
		strbuf_reset(&label);
		hist_label(&label, b);
		put_row_head(out, strbuf_str(&label), h->buckets[b]);
		strbuf_append(out, " |");
		strbuf_pad(out, '@', bar);
		strbuf_pad(out, ' ', BAR_WIDTH - bar);
		strbuf_append(out, "|\n");
	}
	if (h->unreturned > 0) {
		put_row_head(out, "never returned", h->unreturned);
		strbuf_putc(out, '\n');
	}
	strbuf_putc(out, '\n');
	strbuf_free(&label);
}

static int by_name(const void *pa, const void *pb)
{
	const struct name_slot *a = *(struct name_slot *const *)pa;
	const struct name_slot *b = *(struct name_slot *const *)pb;

	return strcmp(a->name, b->name);
}

void hist_format(struct strbuf *out)
{
	struct name_slot **list = name_map_list(&map);

	qsort(list, map.n, sizeof(*list), by_name);
	for (size_t i = 0; i < map.n; i++)
		format_one(out, list[i]->name, list[i]->value);
	free(list);
}

void hist_clear(void)
{
	name_map_clear(&map, free);
}
