/* Pointers the tracer cannot read: unmapped, a PROT_NONE guard page, a string
 * that runs into a guard page, NULL, small numbers; passed to take() (which does
 * not read them) and to access() (which fails with EFAULT).  Every call must
 * complete and the program see the results it sees untraced. */
#include <errno.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

int take(const char *s, const int *v);

int main(void)
{
	long pg = 4096;
	char *gone = mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *two = mmap(NULL, 2 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int bad = 0;

	if (gone == MAP_FAILED || two == MAP_FAILED)
		return 2;
	munmap(gone, pg);
	memcpy(two + pg - 3, "abc", 3);		/* no NUL before the guard page */
	mprotect(two + pg, pg, PROT_NONE);
	bad |= take(gone, (int *)gone) != 7;
	bad |= take(two + pg, (int *)(two + pg)) != 7;
	bad |= take(two + pg - 3, (int *)(two + pg - 4)) != 7;
	bad |= take(NULL, NULL) != 7;
	bad |= take((char *)1, (int *)8) != 7;
	bad |= access(gone, F_OK) != -1 || errno != EFAULT;
	bad |= access(two + pg, F_OK) != -1 || errno != EFAULT;
	bad |= access(two + pg - 3, F_OK) != -1 || errno != EFAULT;
	write(1, bad ? "BAD\n" : "ok\n", bad ? 4 : 3);
	return bad;
}
