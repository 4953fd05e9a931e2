/* -c: counts and times per function, and the table in ltrace 0.7.3's layout or -U's. */
#include "output/summary.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/xalloc.h"
#include "output/name_map.h"

struct summary_row {
	const char *name; /* the map's */
	uint64_t ns, min, max;
	unsigned long calls;
	uint64_t *samples; /* every duration, only when a percentile is shown */
	size_t nsamples, cap;
};

enum col_kind { COL_NAME, COL_CALLS, COL_TIME, COL_PERCENT, COL_AVG, COL_MIN, COL_MAX, COL_PCT };

struct column {
	enum col_kind kind;
	double p; /* COL_PCT: which percentile */
};

#define MAX_COLUMNS 16

static struct column ltrace_columns[] = {
	{ COL_PERCENT, 0 }, { COL_TIME, 0 }, { COL_AVG, 0 }, { COL_CALLS, 0 }, { COL_NAME, 0 },
};
static struct column chosen[MAX_COLUMNS];
static const struct column *columns = ltrace_columns;
static size_t ncolumns = sizeof(ltrace_columns) / sizeof(ltrace_columns[0]);
static bool keep_samples;

static struct name_map map = NAME_MAP_INIT;

/* One column name of -U into c; false if it is none. */
static bool parse_column(const char *s, size_t n, struct column *c)
{
	static const struct { const char *name; enum col_kind kind; } names[] = {
		{ "name", COL_NAME }, { "calls", COL_CALLS }, { "time", COL_TIME },
		{ "percent", COL_PERCENT }, { "avg", COL_AVG }, { "min", COL_MIN },
		{ "max", COL_MAX },
	};

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (strlen(names[i].name) == n && memcmp(names[i].name, s, n) == 0) {
			*c = (struct column){ names[i].kind, 0 };
			return true;
		}
	}
	if (n < 2 || s[0] != 'p')
		return false;
	char num[32], *end;
	if (n - 1 >= sizeof(num))
		return false;
	memcpy(num, s + 1, n - 1);
	num[n - 1] = '\0';
	double p = strtod(num, &end);
	if (*end != '\0' || !(p > 0 && p <= 100) || num[0] < '0' || num[0] > '9')
		return false;
	*c = (struct column){ COL_PCT, p };
	return true;
}

int summary_set_columns(const char *spec, char **error)
{
	size_t n = 0;
	bool samples = false;

	for (const char *s = spec;; s++) {
		size_t len = strcspn(s, ",");
		struct strbuf msg = STRBUF_INIT;
		if (n == MAX_COLUMNS || !parse_column(s, len, &chosen[n])) {
			if (n == MAX_COLUMNS)
				strbuf_printf(&msg, "more than %d columns", MAX_COLUMNS);
			else
				strbuf_printf(&msg, "unknown column '%.*s'", (int)len, s);
			*error = xstrdup(strbuf_str(&msg));
			strbuf_free(&msg);
			return -1;
		}
		samples |= chosen[n++].kind == COL_PCT;
		s += len;
		if (*s == '\0')
			break;
	}
	columns = chosen;
	ncolumns = n;
	keep_samples = samples;
	return 0;
}

static struct summary_row *row_of(const char *name)
{
	struct name_slot *s = name_map_slot(&map, name);

	if (s->value == NULL) {
		struct summary_row *r = xcalloc(1, sizeof(*r));
		r->name = s->name;
		r->min = UINT64_MAX;
		s->value = r;
	}
	return s->value;
}

static void add_to_row(struct summary_row *r, uint64_t calls, uint64_t ns, uint64_t min,
		       uint64_t max)
{
	r->ns += ns;
	r->calls += calls;
	if (min < r->min)
		r->min = min;
	if (max > r->max)
		r->max = max;
}

void summary_add(const char *name, uint64_t ns)
{
	struct summary_row *r = row_of(name);

	add_to_row(r, 1, ns, ns, ns);
	if (!keep_samples)
		return;
	if (r->nsamples == r->cap) {
		r->cap = r->cap ? 2 * r->cap : 16;
		r->samples = xrealloc(r->samples, r->cap * sizeof(*r->samples));
	}
	r->samples[r->nsamples++] = ns;
}

void summary_add_counted(const char *name, uint64_t calls, uint64_t ns, uint64_t min,
			 uint64_t max)
{
	add_to_row(row_of(name), calls, ns, min, max);
}

bool summary_keeps_samples(void)
{
	return keep_samples;
}

static void free_row(void *p)
{
	struct summary_row *r = p;

	free(r->samples);
	free(r);
}

void summary_clear(void)
{
	name_map_clear(&map, free_row);
}

uint64_t summary_percentile(const uint64_t *sorted, size_t n, double p)
{
	double x = p / 100.0 * (double)n;
	size_t rank = (size_t)x;

	if ((double)rank < x)
		rank++; /* the smallest rank whose share reaches p */
	size_t i = rank < 1 ? 0 : rank - 1;

	return sorted[i < n ? i : n - 1];
}

static int by_value(const void *pa, const void *pb)
{
	uint64_t a = *(const uint64_t *)pa, b = *(const uint64_t *)pb;

	return a < b ? -1 : a > b;
}

/* Most time first; then most calls; then by name, so that the order is always the same. */
static int by_time(const void *pa, const void *pb)
{
	const struct summary_row *a = (*(struct name_slot *const *)pa)->value;
	const struct summary_row *b = (*(struct name_slot *const *)pb)->value;

	if (a->ns != b->ns)
		return a->ns > b->ns ? -1 : 1;
	if (a->calls != b->calls)
		return a->calls > b->calls ? -1 : 1;
	return strcmp(a->name, b->name);
}

/* What a table needs besides its rows: totals, and the width of a name not at the end. */
struct table {
	uint64_t total_ns;
	unsigned long total_calls;
	int name_width;
};

/* Seconds, to the microsecond, in ltrace's layout ("   0.001234": 11 columns). */
static void put_seconds(struct strbuf *out, uint64_t ns)
{
	uint64_t us = ns / 1000;

	strbuf_printf(out, "%4llu.%06llu", (unsigned long long)(us / 1000000),
		      (unsigned long long)(us % 1000000));
}

static void put_header(struct strbuf *out, const struct column *c, bool last, int name_width)
{
	switch (c->kind) {
	case COL_NAME:
		if (last)
			strbuf_append(out, "     function"); /* ltrace's */
		else
			strbuf_printf(out, "%-*s", name_width, "function");
		break;
	case COL_CALLS: strbuf_printf(out, "%9s", "calls"); break;
	case COL_TIME: strbuf_printf(out, "%11s", "seconds"); break;
	case COL_PERCENT: strbuf_append(out, "% time"); break;
	case COL_AVG: strbuf_printf(out, "%11s", "usecs/call"); break;
	case COL_MIN: strbuf_printf(out, "%11s", "min usecs"); break;
	case COL_MAX: strbuf_printf(out, "%11s", "max usecs"); break;
	case COL_PCT: {
		char h[32];
		snprintf(h, sizeof(h), "p%g usecs", c->p);
		strbuf_printf(out, "%11s", h);
		break;
	}
	}
}

static void put_rule(struct strbuf *out, const struct column *c, bool last, int name_width)
{
	size_t width[] = { [COL_NAME] = 20, [COL_CALLS] = 9, [COL_TIME] = 11, [COL_PERCENT] = 6,
			   [COL_AVG] = 11, [COL_MIN] = 11, [COL_MAX] = 11, [COL_PCT] = 11 };

	strbuf_pad(out, '-', c->kind == COL_NAME && !last ? (size_t)name_width : width[c->kind]);
}

/* One cell of row r (NULL: the total row). */
static void put_cell(struct strbuf *out, const struct column *c, bool last,
		     const struct table *t, const struct summary_row *r)
{
	const char *name = r != NULL ? r->name : "total";
	uint64_t ns = r != NULL ? r->ns : t->total_ns;

	switch (c->kind) {
	case COL_NAME:
		strbuf_printf(out, "%-*s", last ? 0 : t->name_width, name);
		return;
	case COL_CALLS: strbuf_printf(out, "%9lu", r != NULL ? r->calls : t->total_calls); return;
	case COL_TIME: put_seconds(out, ns); return;
	case COL_PERCENT:
		if (r == NULL)
			strbuf_append(out, "100.00");
		else
			strbuf_printf(out, "%6.2f", t->total_ns > 0 ?
				      100.0 * (double)ns / (double)t->total_ns : 0.0);
		return;
	default:
		break;
	}
	if (r == NULL) { /* per call: nothing in the total row */
		strbuf_pad(out, ' ', 11);
		return;
	}
	uint64_t v = c->kind == COL_AVG ? r->ns / 1000 / r->calls
		     : c->kind == COL_MIN ? (r->min == UINT64_MAX ? 0 : r->min / 1000)
		     : c->kind == COL_MAX ? r->max / 1000
		     : summary_percentile(r->samples, r->nsamples, c->p) / 1000;
	strbuf_printf(out, "%11llu", (unsigned long long)v);
}

typedef void put_fn(struct strbuf *, const struct column *, bool, int);

static void put_line(struct strbuf *out, put_fn *put, int name_width)
{
	for (size_t i = 0; i < ncolumns; i++) {
		if (i > 0)
			strbuf_putc(out, ' ');
		put(out, &columns[i], i + 1 == ncolumns, name_width);
	}
	strbuf_putc(out, '\n');
}

static void put_row(struct strbuf *out, const struct table *t, const struct summary_row *r)
{
	for (size_t i = 0; i < ncolumns; i++) {
		if (i > 0)
			strbuf_putc(out, ' ');
		put_cell(out, &columns[i], i + 1 == ncolumns, t, r);
	}
	while (out->len > 0 && out->buf[out->len - 1] == ' ') /* blank cells at the end */
		out->buf[--out->len] = '\0';
	strbuf_putc(out, '\n');
}

void summary_format(struct strbuf *out)
{
	struct name_slot **list = name_map_list(&map);
	struct table t = { 0, 0, 8 };

	for (size_t i = 0; i < map.n; i++) {
		struct summary_row *r = list[i]->value;
		int len = (int)strlen(r->name);
		t.total_ns += r->ns;
		t.total_calls += r->calls;
		if (len > t.name_width)
			t.name_width = len;
		if (r->nsamples > 0)
			qsort(r->samples, r->nsamples, sizeof(*r->samples), by_value);
	}
	qsort(list, map.n, sizeof(*list), by_time);
	put_line(out, put_header, t.name_width);
	put_line(out, put_rule, t.name_width);
	for (size_t i = 0; i < map.n; i++)
		put_row(out, &t, list[i]->value);
	put_line(out, put_rule, t.name_width);
	put_row(out, &t, NULL);
	free(list);
}
