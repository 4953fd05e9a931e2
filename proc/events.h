#ifndef LTRACE_EVENTS_H
#define LTRACE_EVENTS_H

#include <sys/types.h>

/* Register the program launched with argv (pid from launch()). */
void events_add_launched(pid_t pid, const char *command);

/* Wait for and dispatch stops until no traced thread is left. */
void events_loop(void);

#endif
