# filter: -e/-x filter expressions (ltrace(1), FILTER EXPRESSIONS).
libltrace_a_SOURCES += filter/selection.h filter/filter.c filter/filter.h filter/parse.c filter/rule.h \
	filter/pattern.c filter/pattern.h filter/regex.c filter/regex.h \
	filter/glob.c filter/glob.h filter/bracket.c filter/bracket.h
