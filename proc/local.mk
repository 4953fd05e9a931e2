libltrace_a_SOURCES += proc/memory.h proc/memory.c proc/process.h proc/process.c \
	proc/session.h proc/launch.h proc/launch.c proc/inject.h proc/inject.c \
	proc/exec.h proc/exec.c proc/children.h proc/children.c \
	proc/events.h proc/events.c proc/config.h proc/config.c \
	proc/attach.h proc/attach.c proc/scratch_map.h proc/scratch_map.c proc/libraries.h proc/libraries.c \
	proc/config_paths.h proc/config_paths.c proc/syscalls.h proc/syscalls.c
