libltrace_a_SOURCES += sysdeps/arch.h
if ARCH_X86_64
libltrace_a_SOURCES += sysdeps/linux-gnu/x86_64/arch-regs.h sysdeps/linux-gnu/x86_64/arch-kabi.h \
	sysdeps/linux-gnu/x86_64/regs.c sysdeps/linux-gnu/x86_64/insn.c \
	sysdeps/linux-gnu/x86_64/unwind-regs.c sysdeps/linux-gnu/x86_64/aggregate.c \
	sysdeps/linux-gnu/x86_64/fast.c
endif
if ARCH_AARCH64
libltrace_a_SOURCES += sysdeps/linux-gnu/aarch64/arch-regs.h sysdeps/linux-gnu/aarch64/arch-kabi.h \
	sysdeps/linux-gnu/aarch64/regs.c sysdeps/linux-gnu/aarch64/insn.c \
	sysdeps/linux-gnu/aarch64/unwind-regs.c sysdeps/linux-gnu/aarch64/aggregate.c \
	sysdeps/linux-gnu/aarch64/quad.c
endif
