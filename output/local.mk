libltrace_a_SOURCES += output/output.h output/line.c \
	output/summary.h output/summary.c output/name_map.h output/name_map.c \
	output/histogram.h output/histogram.c output/demangle.h output/demangle.c \
	output/json.h output/json.c output/chrome_trace.h output/chrome_trace.c \
	output/flame.h output/flame.c output/flame_svg.c \
	output/symbolize.h output/symbolize.c output/backtrace.h output/backtrace.c
