libltrace_a_SOURCES += breakpoints/breakpoint.h breakpoints/table.c \
	breakpoints/scratch.h breakpoints/scratch.c
libltrace_a_SOURCES += breakpoints/hit.h breakpoints/hit.c breakpoints/plan.h breakpoints/plan.c
