/* --folded, --flame-graph: the stacks of traced calls, their times, and the folded lines. */
#include "output/flame.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/xalloc.h"

/* A call still open in a thread: its token, and its node. */
struct open_call {
	const void *token;
	struct flame_node *node;
};

struct flame_thread {
	pid_t tid;
	struct open_call *stack;
	size_t depth, cap;
};

static int folded_fd = -1, svg_fd = -1;
static struct flame_node root = { NULL, FLAME_ROOT, 0, 0, 0, NULL, NULL };
static struct flame_thread *threads;
static size_t nthreads;

static int open_file(const char *path, int *fd)
{
	*fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
	return *fd < 0 ? -1 : 0;
}

int flame_open_folded(const char *path)
{
	return open_file(path, &folded_fd);
}

int flame_open_svg(const char *path)
{
	return open_file(path, &svg_fd);
}

bool flame_enabled(void)
{
	return folded_fd >= 0 || svg_fd >= 0;
}

static struct flame_thread *thread_of(pid_t tid)
{
	static size_t last;

	if (last < nthreads && threads[last].tid == tid)
		return &threads[last];
	for (last = 0; last < nthreads; last++)
		if (threads[last].tid == tid)
			return &threads[last];
	threads = xrealloc(threads, (nthreads + 1) * sizeof(*threads));
	threads[nthreads] = (struct flame_thread){ tid, NULL, 0, 0 };
	last = nthreads;
	return &threads[nthreads++];
}

/* The child of parent called name (of kind), made if there is none; found ones move to
 * the front, so that a loop's calls find theirs at once. */
static struct flame_node *child_n(struct flame_node *parent, const char *name, size_t len,
				  enum flame_kind kind)
{
	struct flame_node **link = &parent->child;

	for (struct flame_node *c; (c = *link) != NULL; link = &c->next) {
		if (c->kind == kind && strncmp(c->name, name, len) == 0 && c->name[len] == '\0') {
			*link = c->next;
			c->next = parent->child;
			parent->child = c;
			return c;
		}
	}
	struct flame_node *c = xcalloc(1, sizeof(*c));
	c->name = xmalloc(len + 1);
	memcpy(c->name, name, len);
	c->name[len] = '\0';
	c->kind = kind;
	c->next = parent->child;
	parent->child = c;
	return c;
}

static struct flame_node *child(struct flame_node *parent, const char *name,
				enum flame_kind kind)
{
	return child_n(parent, name, strlen(name), kind);
}

void flame_frame_name(struct strbuf *out, const char *line, size_t len)
{
	const char *end = line + len, *open = memchr(line, '(', len);
	const char *plus = NULL;

	for (const char *p = end; p > line + 1; p--) /* the last "+0x" */
		if (p[-2] == '+' && p[-1] == '0' && p < end && *p == 'x') {
			plus = p - 2;
			break;
		}
	if (open == NULL || plus == NULL || plus < open) {
		strbuf_append(out, "??");
		return;
	}
	if (plus > open + 1) { /* a function */
		strbuf_append_n(out, open + 1, (size_t)(plus - open - 1));
		return;
	}
	const char *obj = line;
	while (obj < open && (*obj == ' ' || *obj == '>'))
		obj++;
	for (const char *p = obj; p < open; p++)
		if (*p == '/')
			obj = p + 1;
	strbuf_append_n(out, obj, (size_t)(open - obj));
	const char *close = memchr(plus, ')', (size_t)(end - plus));
	strbuf_append_n(out, plus, (size_t)((close != NULL ? close : end) - plus));
}

/* The node a thread's first traced call goes under: its process's, then the frames of
 * -w from the outermost. */
static struct flame_node *base_of(const struct output_event *e)
{
	struct strbuf name = STRBUF_INIT;

	strbuf_printf(&name, "[pid %d]", (int)e->pid);
	struct flame_node *n = child(&root, strbuf_str(&name), FLAME_PROCESS);
	if (e->backtrace == NULL) {
		strbuf_free(&name);
		return n;
	}
	const char *lines[256];
	size_t nlines = 0;
	for (const char *p = e->backtrace; *p != '\0' && nlines < 256;) {
		lines[nlines++] = p;
		p += strcspn(p, "\n");
		p += *p == '\n';
	}
	while (nlines-- > 0) {
		strbuf_reset(&name);
		flame_frame_name(&name, lines[nlines], strcspn(lines[nlines], "\n"));
		n = child(n, strbuf_str(&name), FLAME_FRAME);
	}
	strbuf_free(&name);
	return n;
}

static bool is_syscall(const char *name)
{
	size_t n = strlen(name);

	return n > 4 && strcmp(name + n - 4, "@SYS") == 0;
}

void flame_call(const struct output_event *e)
{
	if (!flame_enabled())
		return;
	struct flame_thread *t = thread_of(e->tid);
	struct flame_node *parent = t->depth > 0 ? t->stack[t->depth - 1].node : base_of(e);
	const char *name = e->func != NULL ? e->func : e->name;

	if (t->depth == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 16;
		t->stack = xrealloc(t->stack, t->cap * sizeof(*t->stack));
	}
	t->stack[t->depth].token = e->token;
	t->stack[t->depth++].node = child(parent, name, is_syscall(name) ? FLAME_SYSCALL
								       : FLAME_CALL);
}

void flame_return(const struct output_event *e)
{
	if (!flame_enabled())
		return;
	struct flame_thread *t = thread_of(e->tid);
	size_t i = t->depth;

	while (i > 0 && t->stack[i - 1].token != e->token)
		i--;
	if (i == 0)
		return; /* not seen at its call */
	struct flame_node *n = t->stack[i - 1].node;
	n->ns += e->duration;
	n->calls++;
	t->depth = i - 1; /* calls above it are over too */
}

void flame_unreturned(const struct output_event *e)
{
	flame_return(e);
}

/* Sort the children of n by name (kind first: a frame and a call may share a name), and
 * set the totals below n. */
static uint64_t settle(struct flame_node *n)
{
	size_t k = 0;
	uint64_t sum = 0;

	for (struct flame_node *c = n->child; c != NULL; c = c->next)
		k++;
	if (k > 0) {
		struct flame_node **v = xcalloc(k, sizeof(*v)), *c = n->child;
		for (size_t i = 0; i < k; i++, c = c->next)
			v[i] = c;
		for (size_t i = 1; i < k; i++) { /* insertion sort: stable, lists are short */
			struct flame_node *x = v[i];
			size_t j = i;
			while (j > 0 && (v[j - 1]->kind > x->kind ||
					 (v[j - 1]->kind == x->kind && strcmp(v[j - 1]->name, x->name) > 0))) {
				v[j] = v[j - 1];
				j--;
			}
			v[j] = x;
		}
		n->child = v[0];
		for (size_t i = 0; i < k; i++) {
			v[i]->next = i + 1 < k ? v[i + 1] : NULL;
			sum += settle(v[i]);
		}
		free(v);
	}
	n->total = n->ns > sum ? n->ns : sum;
	return n->total;
}

const struct flame_node *flame_totals(void)
{
	settle(&root);
	if (root.child != NULL && root.child->next == NULL)
		return root.child; /* one process */
	return &root;
}

uint64_t flame_self(const struct flame_node *node)
{
	uint64_t sum = 0;

	for (const struct flame_node *c = node->child; c != NULL; c = c->next)
		sum += c->total;
	return node->total > sum ? node->total - sum : 0;
}

/* path holds the frames down to n's parent, each followed by ';'. */
static void fold(struct strbuf *out, struct strbuf *path, const struct flame_node *n)
{
	size_t keep = path->len;

	strbuf_append(path, n->name);
	if (n->calls > 0 || n->child == NULL) {
		strbuf_append_n(out, path->buf, path->len);
		strbuf_putc(out, ' ');
		strbuf_put_udec(out, flame_self(n) / 1000);
		strbuf_putc(out, '\n');
	}
	strbuf_putc(path, ';');
	for (const struct flame_node *c = n->child; c != NULL; c = c->next)
		fold(out, path, c);
	path->len = keep;
	path->buf[keep] = '\0';
}

void flame_folded(struct strbuf *out)
{
	struct strbuf path = STRBUF_INIT;
	const struct flame_node *top = flame_totals();

	for (const struct flame_node *c = top->child; c != NULL; c = c->next)
		fold(out, &path, c);
	strbuf_free(&path);
}

static void free_children(struct flame_node *n)
{
	struct flame_node *c = n->child, *next;

	for (; c != NULL; c = next) {
		next = c->next;
		free_children(c);
		free(c->name);
		free(c);
	}
	n->child = NULL;
}

void flame_reset(void)
{
	free_children(&root);
	root.ns = root.calls = root.total = 0;
	for (size_t i = 0; i < nthreads; i++)
		free(threads[i].stack);
	free(threads);
	threads = NULL;
	nthreads = 0;
}

static void write_close(int *fd, const struct strbuf *sb)
{
	const char *p = strbuf_str(sb);
	size_t n = sb->len;

	while (n > 0) {
		ssize_t w = write(*fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			break; /* the file is lost; nothing else is */
		p += w;
		n -= (size_t)w;
	}
	close(*fd);
	*fd = -1;
}

void flame_close(void)
{
	struct strbuf sb = STRBUF_INIT;

	if (folded_fd >= 0) {
		flame_folded(&sb);
		write_close(&folded_fd, &sb);
	}
	if (svg_fd >= 0) {
		strbuf_reset(&sb);
		flame_svg(&sb, flame_totals());
		write_close(&svg_fd, &sb);
	}
	strbuf_free(&sb);
	flame_reset();
}
