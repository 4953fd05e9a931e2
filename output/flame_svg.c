/* --flame-graph: the stacks of output/flame.c as a self-contained SVG picture. Each frame
 * is a <g> holding its title (name, time, share), its box, its label and the <g> of the
 * frames above it: the document nests as the calls did. */
#include "output/flame.h"

#include <stdlib.h>
#include <string.h>

#include "common/xalloc.h"

enum {
	IMAGE_WIDTH = 1200, /* pixels */
	SIDE = 10,          /* margin left and right */
	FRAME_HEIGHT = 16,
	TOP = 34,           /* room for the heading */
	BOTTOM = 8,
	FONT_SIZE = 12,
};
#define CHAR_WIDTH 7.2 /* of the monospace font at FONT_SIZE, about */
#define MIN_WIDTH 0.1  /* pixels: narrower frames are left out */

struct layout {
	struct flame_rect *v;
	size_t n, cap;
	double min_width;
};

static void place(struct layout *l, const struct flame_node *n, unsigned depth, double x,
		  double width)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 64;
		l->v = xrealloc(l->v, l->cap * sizeof(*l->v));
	}
	l->v[l->n++] = (struct flame_rect){ n, depth, x, width };
	for (const struct flame_node *c = n->child; c != NULL; c = c->next) {
		double w = n->total > 0 ? width * (double)c->total / (double)n->total : 0;
		if (w >= l->min_width)
			place(l, c, depth + 1, x, w);
		x += w;
	}
}

size_t flame_layout(const struct flame_node *root, double min_width, struct flame_rect **out)
{
	struct layout l = { NULL, 0, 0, min_width };

	place(&l, root, 0, 0.0, 1.0);
	*out = l.v;
	return l.n;
}

static void put_escaped(struct strbuf *out, const char *s, size_t n)
{
	for (size_t i = 0; i < n && s[i] != '\0'; i++) {
		switch (s[i]) {
		case '&': strbuf_append(out, "&amp;"); break;
		case '<': strbuf_append(out, "&lt;"); break;
		case '>': strbuf_append(out, "&gt;"); break;
		case '"': strbuf_append(out, "&quot;"); break;
		default: strbuf_putc(out, s[i]); break;
		}
	}
}

/* A colour by kind, its shade by name, so that a function has the same one everywhere. */
static void put_colour(struct strbuf *out, const struct flame_node *n)
{
	unsigned h = 2166136261u;

	for (const char *p = n->name != NULL ? n->name : ""; *p != '\0'; p++)
		h = (h ^ (unsigned char)*p) * 16777619u;
	unsigned a = h % 100, b = (h >> 8) % 60;
	switch (n->kind) {
	case FLAME_SYSCALL: /* blues */
		strbuf_printf(out, "rgb(%u,%u,%u)", 80 + b, 130 + a, 230);
		break;
	case FLAME_FRAME:
	case FLAME_PROCESS: /* greys: not traced calls */
		strbuf_printf(out, "rgb(%u,%u,%u)", 170 + b / 2, 170 + b / 2, 180 + b / 2);
		break;
	default: /* reds to yellows */
		strbuf_printf(out, "rgb(%u,%u,%u)", 205 + b / 2, 90 + a + b / 2, 40 + b / 2);
		break;
	}
}

/* "1,234,567" */
static void put_grouped(struct strbuf *out, uint64_t v)
{
	if (v >= 1000) {
		put_grouped(out, v / 1000);
		strbuf_printf(out, ",%03u", (unsigned)(v % 1000));
		return;
	}
	strbuf_put_udec(out, v);
}

static void put_title(struct strbuf *out, const struct flame_node *n, const char *name,
		      uint64_t whole)
{
	double share = whole > 0 ? 100.0 * (double)n->total / (double)whole : 100.0;

	strbuf_append(out, "<title>");
	put_escaped(out, name, strlen(name));
	strbuf_append(out, " (");
	put_grouped(out, n->total / 1000);
	strbuf_printf(out, " \xc2\xb5s, %.2f%%", share);
	if (n->calls > 0)
		strbuf_printf(out, ", %llu call%s", (unsigned long long)n->calls,
			      n->calls == 1 ? "" : "s");
	strbuf_append(out, ")</title>");
}

/* Frame r and, nested in its <g>, the frames after it that are above it; returns the
 * index after the last of them. */
static size_t put_frame(struct strbuf *out, const struct flame_rect *v, size_t n, size_t i,
			unsigned height, uint64_t whole)
{
	const struct flame_rect *r = &v[i];
	const char *name = r->depth == 0 ? "all" : r->node->name;
	double px = SIDE + r->x * (IMAGE_WIDTH - 2 * SIDE);
	double pw = r->width * (IMAGE_WIDTH - 2 * SIDE);
	unsigned y = height - BOTTOM - (r->depth + 1) * FRAME_HEIGHT;

	strbuf_append(out, "<g class=\"frame\">");
	put_title(out, r->node, name, whole);
	strbuf_printf(out, "<rect x=\"%.2f\" y=\"%u\" width=\"%.2f\" height=\"%u\" fill=\"", px, y,
		      pw, FRAME_HEIGHT - 1);
	put_colour(out, r->node);
	strbuf_append(out, "\" rx=\"2\"/>");
	size_t fits = (size_t)((pw - 6) / CHAR_WIDTH), len = strlen(name);
	if (fits >= 3) {
		strbuf_printf(out, "<text x=\"%.2f\" y=\"%u\">", px + 3, y + FRAME_HEIGHT - 4);
		put_escaped(out, name, len <= fits ? len : fits - 2);
		if (len > fits)
			strbuf_append(out, "..");
		strbuf_append(out, "</text>");
	}
	strbuf_putc(out, '\n');
	for (i++; i < n && v[i].depth > r->depth;)
		i = put_frame(out, v, n, i, height, whole);
	strbuf_append(out, "</g>\n");
	return i;
}

void flame_svg(struct strbuf *out, const struct flame_node *root)
{
	struct flame_rect *v;
	size_t n = flame_layout(root, MIN_WIDTH / (IMAGE_WIDTH - 2 * SIDE), &v);
	unsigned depth = 0;

	for (size_t i = 0; i < n; i++)
		if (v[i].depth > depth)
			depth = v[i].depth;
	unsigned height = TOP + (depth + 1) * FRAME_HEIGHT + BOTTOM;
	strbuf_append(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	strbuf_printf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" "
		      "width=\"%u\" height=\"%u\" viewBox=\"0 0 %u %u\">\n",
		      IMAGE_WIDTH, height, IMAGE_WIDTH, height);
	strbuf_printf(out, "<style>text { font-family: monospace; font-size: %upx; fill: #000; "
		      "pointer-events: none; } g.frame rect:hover { stroke: #000; "
		      "stroke-width: 0.5; }</style>\n", FONT_SIZE);
	strbuf_printf(out, "<rect x=\"0\" y=\"0\" width=\"%u\" height=\"%u\" fill=\"#f4f4ee\"/>\n",
		      IMAGE_WIDTH, height);
	strbuf_printf(out, "<text x=\"%u\" y=\"22\" text-anchor=\"middle\" "
		      "style=\"font-size: 16px\">ltrace: wall time of traced calls "
		      "(hover a frame for its time)</text>\n", IMAGE_WIDTH / 2);
	for (size_t i = 0; i < n;)
		i = put_frame(out, v, n, i, height, root->total);
	strbuf_append(out, "</svg>\n");
	free(v);
}
