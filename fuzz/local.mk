# fuzz: libFuzzer targets. Not part of "make check": "make fuzz" builds them with clang
# (fuzz/run compiles the project sources it needs itself) and runs each for FUZZ_SECONDS
# on a copy of its seed corpus under the build directory (fuzz/ there).
FUZZ_SECONDS = 30
FUZZ_CC = clang

EXTRA_DIST += fuzz/README.md fuzz/run fuzz/fuzz_cursor.c fuzz/fuzz_cursor.h \
	fuzz/fuzz_conf.c fuzz/fuzz_format.c fuzz/fuzz_elf.c fuzz/fuzz_filter.c fuzz/fuzz_dwarf.c \
	fuzz/fuzz_conf.dict fuzz/fuzz_format.dict fuzz/fuzz_elf.dict fuzz/fuzz_filter.dict \
	fuzz/corpus fuzz/crashes

fuzz:
	FUZZ_BUILD="$(abs_top_builddir)/fuzz" FUZZ_CC="$(FUZZ_CC)" \
		$(SHELL) $(top_srcdir)/fuzz/run $(FUZZ_SECONDS)

fuzz-replay:
	FUZZ_BUILD="$(abs_top_builddir)/fuzz" FUZZ_CC="$(FUZZ_CC)" \
		$(SHELL) $(top_srcdir)/fuzz/run --replay

.PHONY: fuzz fuzz-replay
