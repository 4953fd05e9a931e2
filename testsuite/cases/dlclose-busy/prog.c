/*
 * Thread A calls plug_run() of a dlopen'ed plugin (libplug.so), which calls back into
 * the program (prog_hold, through the plugin's PLT). While A waits there, thread B
 * dlcloses the plugin, checks in /proc/self/maps that it is gone, and lets A go: A
 * siglongjmps back into the program without ever running the plugin's code again.
 * A then dlopens libplug2.so (same code, likely mapped at the same address) and calls
 * its functions; after joining the threads, the main thread calls them too.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <link.h>
#include <pthread.h>
#include <semaphore.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static sem_t inside, closed;
static sigjmp_buf back;
static volatile int busy = 1;
static void *h1, *h2;
static uintptr_t base1;

static uintptr_t base_of(void *h)
{
	struct link_map *lm = NULL;

	return dlinfo(h, RTLD_DI_LINKMAP, &lm) == 0 ? (uintptr_t)lm->l_addr : 0;
}

/* Called by the plugins. The first call (from libplug.so) never returns. */
int prog_hold(int x)
{
	if (!busy)
		return x;
	busy = 0;
	sem_post(&inside);
	while (sem_wait(&closed) != 0)
		;
	siglongjmp(back, 1);
}

static int mapped(const char *name)
{
	char line[4096];
	int found = 0;
	FILE *f = fopen("/proc/self/maps", "r");

	if (f == NULL)
		return -1;
	while (fgets(line, sizeof(line), f) != NULL)
		if (strstr(line, name) != NULL)
			found = 1;
	fclose(f);
	return found;
}

static void *sym(void *h, const char *name)
{
	void *p = dlsym(h, name);

	if (p == NULL) {
		printf("dlsym %s: %s\n", name, dlerror());
		exit(1);
	}
	return p;
}

static void *thread_a(void *arg)
{
	int (*run)(int) = (int (*)(int))sym(h1, "plug_run");

	(void)arg;
	if (sigsetjmp(back, 0) == 0) {
		int r = run(7);
		printf("A: plug_run returned %d\n", r); /* never */
		return NULL;
	}
	printf("A: back in the program\n");
	h2 = dlopen("./libplug2.so", RTLD_NOW);
	if (h2 == NULL) {
		printf("%s\n", dlerror());
		exit(1);
	}
	/* Where the two were mapped, for the case (not on stdout: it need not be the same
	 * traced and untraced). */
	FILE *f = fopen("layout", "w");
	if (f != NULL) {
		fprintf(f, "%s\n", base_of(h2) == base1 ? "same" : "moved");
		fclose(f);
	}
	run = (int (*)(int))sym(h2, "plug_run");
	int (*len)(const char *) = (int (*)(const char *))sym(h2, "plug_len");
	int r = run(5);
	printf("A: plug_run(5) = %d\n", r);
	r = len("abcd");
	printf("A: plug_len(\"abcd\") = %d\n", r);
	return NULL;
}

static void *thread_b(void *arg)
{
	(void)arg;
	while (sem_wait(&inside) != 0)
		;
	if (mapped("/libplug.so") != 1) {
		printf("B: libplug.so not mapped while A is inside\n");
		exit(1);
	}
	dlclose(h1);
	printf("B: libplug.so %s\n", mapped("/libplug.so") == 0 ? "unmapped" : "still mapped");
	sem_post(&closed);
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	setvbuf(stdout, NULL, _IONBF, 0);
	h1 = dlopen("./libplug.so", RTLD_NOW);
	if (h1 == NULL) {
		printf("%s\n", dlerror());
		return 1;
	}
	base1 = base_of(h1);
	sem_init(&inside, 0, 0);
	sem_init(&closed, 0, 0);
	pthread_create(&a, NULL, thread_a, NULL);
	pthread_create(&b, NULL, thread_b, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	int (*len)(const char *) = (int (*)(const char *))sym(h2, "plug_len");
	int r = len("xyz");
	printf("main: plug_len(\"xyz\") = %d\n", r);
	dlclose(h2);
	return 0;
}
