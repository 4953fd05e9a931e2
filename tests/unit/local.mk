# tests/unit: Check-based unit tests.
check_PROGRAMS += tests/unit/check_proto
TESTS += tests/unit/check_proto
tests_unit_check_proto_SOURCES = tests/unit/check_proto.c tests/unit/check_proto.h \
	tests/unit/check_proto_scalars.c tests/unit/check_proto_memory.c \
	tests/unit/check_proto_printf.c tests/unit/check_proto_calls.c \
	tests/unit/check_proto_parse.c tests/unit/check_proto_conf.c \
	tests/unit/fake_cursor.c tests/unit/fake_cursor.h
tests_unit_check_proto_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_unit_check_proto_LDADD = libltrace.a $(CHECK_LIBS) $(DEP_LIBS)

check_PROGRAMS += tests/unit/check_output
TESTS += tests/unit/check_output
# The architecture's instructions: one test program per architecture.
if ARCH_X86_64
check_PROGRAMS += tests/unit/check_insn
TESTS += tests/unit/check_insn
endif
tests_unit_check_insn_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS) $(DEP_CFLAGS)
tests_unit_check_insn_LDADD = libltrace.a $(CHECK_LIBS) $(DEP_LIBS)
if ARCH_X86_64
check_PROGRAMS += tests/unit/check_fast_plan
TESTS += tests/unit/check_fast_plan
endif
tests_unit_check_fast_plan_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS) $(DEP_CFLAGS)
tests_unit_check_fast_plan_LDADD = libltrace.a $(CHECK_LIBS) $(DEP_LIBS)
if ARCH_AARCH64
check_PROGRAMS += tests/unit/check_insn_aarch64
TESTS += tests/unit/check_insn_aarch64
endif
tests_unit_check_insn_aarch64_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS) $(DEP_CFLAGS)
tests_unit_check_insn_aarch64_LDADD = libltrace.a $(CHECK_LIBS) $(DEP_LIBS)
tests_unit_check_output_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS) $(DEP_CFLAGS)
tests_unit_check_output_LDADD = libltrace.a $(CHECK_LIBS) $(DEP_LIBS)

check_PROGRAMS += tests/unit/check_analysis
TESTS += tests/unit/check_analysis
tests_unit_check_analysis_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS) $(DEP_CFLAGS)
tests_unit_check_analysis_LDADD = libltrace.a $(CHECK_LIBS) $(DEP_LIBS)

check_PROGRAMS += tests/unit/check_filter
TESTS += tests/unit/check_filter
tests_unit_check_filter_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_unit_check_filter_LDADD = libltrace.a $(CHECK_LIBS) $(DEP_LIBS)

# Prototype sources: the search order of prototype files, and prototypes from DWARF
# (check_dwarf compiles a small library with $(CC) -g when it runs).
check_PROGRAMS += tests/unit/check_config tests/unit/check_dwarf
TESTS += tests/unit/check_config tests/unit/check_dwarf
tests_unit_check_config_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_unit_check_config_LDADD = libltrace.a $(CHECK_LIBS) $(DEP_LIBS)
tests_unit_check_dwarf_SOURCES = tests/unit/check_dwarf.c tests/unit/fake_cursor.c \
	tests/unit/fake_cursor.h
tests_unit_check_dwarf_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS) $(DEP_CFLAGS)
tests_unit_check_dwarf_LDADD = libltrace.a $(CHECK_LIBS) $(DEP_LIBS)

check_PROGRAMS += tests/unit/check_syscalls
TESTS += tests/unit/check_syscalls
tests_unit_check_syscalls_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_unit_check_syscalls_LDADD = libltrace.a $(CHECK_LIBS) $(DEP_LIBS)

# What -c, -U, --histogram, --folded and --flame-graph print at the end.
check_PROGRAMS += tests/unit/check_profile
TESTS += tests/unit/check_profile
tests_unit_check_profile_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_unit_check_profile_LDADD = libltrace.a $(CHECK_LIBS) $(DEP_LIBS)

# Scratch areas: slots, and the holes a new area may go to.
check_PROGRAMS += tests/unit/check_scratch
TESTS += tests/unit/check_scratch
tests_unit_check_scratch_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_unit_check_scratch_LDADD = libltrace.a $(CHECK_LIBS) $(DEP_LIBS)
