libltrace_a_SOURCES += tracee/memory.h tracee/memory.c tracee/inject.h tracee/inject.c \
	tracee/scratch.h tracee/scratch.c tracee/scratch_map.h tracee/scratch_map.c \
	tracee/breakpoint.h tracee/bp_table.c tracee/process.h tracee/process.c
