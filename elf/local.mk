libltrace_a_SOURCES += elf/image.c elf/image.h elf/plt.c elf/plt.h elf/symbols.c elf/symbols.h \
	elf/symtab.c elf/symtab.h elf/loaded.c elf/loaded.h elf/code.c elf/code.h
