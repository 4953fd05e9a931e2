/* A library built with -g and described by no prototype file: the tracer reads these
 * declarations from its DWARF. */
#include <stddef.h>

enum color { RED, GREEN = 5, BLUE };

typedef struct rect {
	int w, h;
	const char *name;
	enum color color;
} rect_t;

struct node {
	long value;
	struct node *next;
};

typedef unsigned int count_t;

int add(int a, int b);
count_t umul(count_t a, unsigned b);
char next_char(char c);
size_t count_char(const char *s, char c);
long area(const rect_t *r);
const char *color_name(enum color c);
double scale(double a, float b);
float halve(float x);
int sum(const int *v, int n);
long list_sum(const struct node *n);
void *same(void *p);
int flags(_Bool on, short s, unsigned short us, unsigned long ul);
int first_of(int n, ...);
void nothing(void);
