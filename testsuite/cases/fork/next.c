/* Exec'd by the vfork child: calls child_work(3), exits 7. */
#include <stdlib.h>

long child_work(long n);

int main(void)
{
	exit(child_work(3) == 6 ? 7 : 1);
}
