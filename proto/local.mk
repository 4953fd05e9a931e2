# proto: the type system, the ltrace.conf(5) parser and the value formatter.
libltrace_a_SOURCES += proto/proto.h \
	proto/arena.c proto/arena.h \
	proto/map.c proto/map.h \
	proto/type.c proto/type.h \
	proto/expr.c proto/expr.h \
	proto/table.c proto/table.h \
	proto/parser.h proto/parse.c proto/parse_lex.c proto/parse_type.c \
	proto/call.c proto/call.h proto/call_format.c proto/printf.c \
	proto/format.c proto/format.h proto/format_compound.c proto/format_string.c \
	proto/format_lens.c proto/format_bitvec.c proto/escape.c \
	proto/dwarf.c proto/dwarf.h \
	proto/resolve.c proto/resolve.h proto/config_paths.c proto/config_paths.h
