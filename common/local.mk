libltrace_a_SOURCES += common/arg_cursor.h common/xalloc.c common/xalloc.h common/strbuf.c common/strbuf.h \
	common/taddr.h common/intern.c common/intern.h
