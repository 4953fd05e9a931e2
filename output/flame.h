/*
 * --folded FILE, --flame-graph FILE.svg: where the wall time of the traced calls goes,
 * as stacks. A stack is the nesting of the traced calls of one thread (system calls
 * included, with -S), below the real frames of the first one's caller with -w N, and
 * below "[pid N]" when several processes were traced (-f). The stacks of all threads
 * are merged. Both files are written at the end (exit or detach).
 *
 * --folded writes one line per stack, its frames from the outermost, and the time spent
 * in the innermost frame itself in microseconds, as flamegraph.pl, inferno and speedscope
 * read them:
 *     main;outer_calc;inner_mul 1234
 * --flame-graph writes the same as a self-contained SVG picture (output/flame_svg.c).
 */
#ifndef LTRACE_FLAME_H
#define LTRACE_FLAME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common/strbuf.h"
#include "output/output.h"

enum flame_kind {
	FLAME_ROOT,    /* everything ("all") */
	FLAME_PROCESS, /* "[pid N]" */
	FLAME_FRAME,   /* a real frame below the first traced call (-w) */
	FLAME_CALL,    /* a traced call */
	FLAME_SYSCALL, /* a traced system call (name@SYS) */
};

struct flame_node {
	char *name;
	enum flame_kind kind;
	uint64_t ns;    /* the calls made at this stack, their nested calls included */
	uint64_t calls;
	uint64_t total; /* ns, or its children's if more (set by flame_totals) */
	struct flame_node *child, *next; /* the first child; the next sibling */
};

/* Create the files (truncated now, written at the end); -1 with errno if one cannot be. */
int flame_open_folded(const char *path);
int flame_open_svg(const char *path);
bool flame_enabled(void);

/* The events, as output.h gives them. */
void flame_call(const struct output_event *e);
void flame_return(const struct output_event *e);
/* Over without returning: its time until then is counted as if it had. */
void flame_unreturned(const struct output_event *e);

/* Write the files and forget everything. */
void flame_close(void);

/*
 * For the writers, and for tests: the root of the stacks with every total set and the
 * children of each node sorted by name; the "[pid N]" level is left out (the root's
 * children are then the outermost frames) unless there are several processes. Valid
 * until the next event.
 */
const struct flame_node *flame_totals(void);
/* The time spent in node itself: its total less its children's. */
uint64_t flame_self(const struct flame_node *node);
/* The name of a frame of -w's text (" > /lib/libc.so.6(qsort+0x1d) [0x7f...]"): the
 * function, else the object's file name and the offset ("libc.so.6+0x2724a"), else "??". */
void flame_frame_name(struct strbuf *out, const char *line, size_t len);
/* Append the folded lines. */
void flame_folded(struct strbuf *out);
/* Forget every stack (the files stay open). */
void flame_reset(void);

/* One frame of the picture: node at depth (0: the root), from x to x + width, as
 * fractions of the whole width. */
struct flame_rect {
	const struct flame_node *node;
	unsigned depth;
	double x, width;
};
/* The frames of the tree under root, parents before their children, leaving out those
 * narrower than min_width (and what they hold). *out is the caller's to free. */
size_t flame_layout(const struct flame_node *root, double min_width, struct flame_rect **out);
/* Append the SVG picture of the tree under root. */
void flame_svg(struct strbuf *out, const struct flame_node *root);

#endif
