/* libtypes: one function per ltrace.conf type (or two), described by proto.conf. */
#include <stdio.h>

struct point {
	int x, y;
	const char *name;
	double w;
};

struct label {
	char text[6]; /* string(array(char, 6)) */
	char code[4]; /* string(array(char, zero(4))) */
	float f;
};

struct vec {
	unsigned long n;
	const int *v; /* n elements: array(int, elt1)* */
};

struct flex {
	unsigned n;
	int v[]; /* n elements: array(int, elt1) */
};

struct hidden {
	int a, secret, b;
};

struct node {
	int value;
	struct node *next;
};

struct dnode {
	int value;
	struct dnode *next, *prev;
};

struct pair {
	int a, b;
};

struct wide {
	long lo, hi;
};

struct mixed {
	double d;
	long l;
};

int t_int(int a, int b);
unsigned t_uint(unsigned a);
long t_long(long a);
unsigned long t_ulong(unsigned long a);
short t_short(short a);
unsigned short t_ushort(unsigned short a);
char t_char(char c);
float t_float(float a, float b);
double t_double(double a, int n, double b);
void t_void(void);
void *t_addr(void *p);
FILE *t_file(FILE *f);
int t_deref(const int *p, const long *const *pp);
char t_charp(const char *p);
unsigned long t_strlen(const char *s);
int t_str3(const char *s);
int t_strarg(int n, const char *s);
int t_strold(const char *s, int n);
int t_strlens(const char *s, int n);
int t_strcharp(const char *s);
const char *t_nullstr(void);
int t_printf(const char *fmt, ...);
int t_log(int level, const char *fmt, ...);
long t_sum3(const long *v);
int t_sumn(const int *v, int n);
int t_sumz(const int *v);
int t_sumz2(const int *v);
int t_fill(int max, int *out);
long t_vecsum(const struct vec *v);
long t_flexsum(const struct flex *f);
double t_point(const struct point *p);
float t_label(const struct label *l);
int t_pairsum(struct pair p);
struct pair t_mkpair(int a, int b);
long t_widesum(struct wide w);
struct wide t_mkwide(long lo, long hi);
struct big { long a, b, c; };
struct big t_mkbig(long a, long b);
struct mixed t_mkmixed(double d, long l);
struct fpair { float x, y; };
float t_fpair(struct fpair p, float k);
double t_mixed(struct mixed m, int k);
const char *t_color(int c);
short t_level(short l);
int t_hex(int a, unsigned long b, double d, short s);
unsigned t_oct(unsigned a, int b);
unsigned t_mode(unsigned m);
int t_bool(int a, char b);
unsigned t_bits(unsigned a, unsigned short b, const unsigned char *bytes);
int t_hide(int a, int b, int c);
int t_hidden(const struct hidden *h);
long t_list(const struct node *n);
int t_dlist(const struct dnode *n);
void t_getpoint(struct point *p);
long t_read(int fd, char *buf, unsigned long n);
int t_peek(const char *s, const struct point *p, const int *v, struct point *out);
