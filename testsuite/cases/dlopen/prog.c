/* Loads a plugin, calls it, unloads it; twice. Then loads liblate.so for good and calls
 * late_len through the program's own PLT (bound lazily, once it is defined). Waits for
 * the file "go" first when given an argument (so that a tracer can attach before the
 * first dlopen). */
#include <dlfcn.h>
#include <stddef.h>
#include <stdio.h>
#include <unistd.h>

size_t late_len(const char *s) __attribute__((weak));

int main(int argc, char **argv)
{
	(void)argv;
	while (argc > 1 && access("go", F_OK) != 0)
		usleep(10000);
	for (int round = 0; round < 2; round++) {
		void *h = dlopen("./libplug.so", RTLD_NOW);
		if (h == NULL) {
			puts(dlerror());
			return 1;
		}
		size_t (*len)(const char *) = (size_t (*)(const char *))dlsym(h, "plug_len");
		printf("%zu\n", len("abcd"));
		dlclose(h);
	}
	if (dlopen("./liblate.so", RTLD_NOW | RTLD_GLOBAL) == NULL) {
		puts(dlerror());
		return 1;
	}
	printf("%zu\n", late_len("abc"));
	return 0;
}
