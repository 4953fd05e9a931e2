libltrace_a_SOURCES += breakpoints/hit.h breakpoints/hit.c breakpoints/plan.h breakpoints/plan.c
