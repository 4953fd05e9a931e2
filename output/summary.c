/* -c: counts and times per function, and the table in ltrace 0.7.3's layout. */
#include "output/summary.h"

#include <stdlib.h>
#include <string.h>

#include "common/xalloc.h"

struct summary_row {
	char *name;
	uint64_t ns;
	unsigned long calls;
};

/* Open addressing on the name; the table is at most half full. */
static struct summary_row *rows;
static size_t nrows, cap;

static size_t hash_name(const char *s)
{
	size_t h = 5381;

	while (*s != '\0')
		h = h * 33 + (unsigned char)*s++;
	return h;
}

static struct summary_row *slot_of(struct summary_row *tab, size_t size, const char *name)
{
	size_t i = hash_name(name) & (size - 1);

	while (tab[i].name != NULL && strcmp(tab[i].name, name) != 0)
		i = (i + 1) & (size - 1);
	return &tab[i];
}

static void grow(void)
{
	size_t ncap = cap ? 2 * cap : 64;
	struct summary_row *tab = xcalloc(ncap, sizeof(*tab));

	for (size_t i = 0; i < cap; i++)
		if (rows[i].name != NULL)
			*slot_of(tab, ncap, rows[i].name) = rows[i];
	free(rows);
	rows = tab;
	cap = ncap;
}

void summary_add(const char *name, uint64_t ns)
{
	if (2 * (nrows + 1) > cap)
		grow();
	struct summary_row *r = slot_of(rows, cap, name);
	if (r->name == NULL) {
		r->name = xstrdup(name);
		nrows++;
	}
	r->ns += ns;
	r->calls++;
}

void summary_clear(void)
{
	for (size_t i = 0; i < cap; i++)
		free(rows[i].name);
	free(rows);
	rows = NULL;
	nrows = cap = 0;
}

/* Most time first; then most calls; then by name, so that the order is always the same. */
static int by_time(const void *pa, const void *pb)
{
	const struct summary_row *a = *(struct summary_row *const *)pa;
	const struct summary_row *b = *(struct summary_row *const *)pb;

	if (a->ns != b->ns)
		return a->ns > b->ns ? -1 : 1;
	if (a->calls != b->calls)
		return a->calls > b->calls ? -1 : 1;
	return strcmp(a->name, b->name);
}

static const char rule[] = "------ ----------- ----------- --------- --------------------\n";

void summary_format(struct strbuf *out)
{
	struct summary_row **sorted = xcalloc(nrows + 1, sizeof(*sorted));
	uint64_t total_ns = 0;
	unsigned long total_calls = 0;
	size_t n = 0;

	for (size_t i = 0; i < cap; i++) {
		if (rows[i].name == NULL)
			continue;
		sorted[n++] = &rows[i];
		total_ns += rows[i].ns;
		total_calls += rows[i].calls;
	}
	qsort(sorted, n, sizeof(*sorted), by_time);
	strbuf_append(out, "% time     seconds  usecs/call     calls      function\n");
	strbuf_append(out, rule);
	for (size_t i = 0; i < n; i++) {
		const struct summary_row *r = sorted[i];
		uint64_t us = r->ns / 1000;
		double pct = total_ns > 0 ? 100.0 * (double)r->ns / (double)total_ns : 0.0;

		strbuf_printf(out, "%6.2f %4llu.%06llu %11llu %9lu %s\n", pct,
			      (unsigned long long)(us / 1000000), (unsigned long long)(us % 1000000),
			      (unsigned long long)(us / r->calls), r->calls, r->name);
	}
	strbuf_append(out, rule);
	uint64_t total_us = total_ns / 1000;
	strbuf_printf(out, "100.00 %4llu.%06llu %11s %9lu total\n",
		      (unsigned long long)(total_us / 1000000),
		      (unsigned long long)(total_us % 1000000), "", total_calls);
	free(sorted);
}
