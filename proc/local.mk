libltrace_a_SOURCES += proc/launch.h proc/launch.c \
	proc/exec.h proc/exec.c proc/children.h proc/children.c \
	proc/events.h proc/events.c \
	proc/attach.h proc/attach.c proc/libraries.h proc/libraries.c \
	proc/syscalls.h proc/syscalls.c
