#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

/* Kills its own process with SIGKILL, from inside the traced call. */
int die_inside(int sig)
{
	kill(getpid(), sig);
	pause();
	return 1;
}

/* Says it is inside (creates the file "in.N") and waits to be killed. */
int hold(int n)
{
	char name[] = "in.0.tmp";

	name[3] = (char)('0' + n);
	close(open(name, O_WRONLY | O_CREAT, 0644));
	char done[] = "in.0";
	done[3] = name[3];
	rename(name, done);
	for (;;)
		pause();
	return 0;
}
