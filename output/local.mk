libltrace_a_SOURCES += output/output.h output/line.c
