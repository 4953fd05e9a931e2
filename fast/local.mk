# --fast: the tracer's side, and the agent built as a block of position-independent code
# (no libc, no relocations) embedded as bytes (fast/agent_blob.c, generated).
# Only x86-64 has an agent so far; elsewhere fast/none.c refuses --fast.
libltrace_a_SOURCES += fast/fast.h
if ARCH_X86_64
libltrace_a_SOURCES += fast/agent_state.h fast/agent/shared.h \
	fast/plan.h \
	fast/inject.c fast/ring.c fast/plan.c fast/prepare.c fast/life.c fast/fork.c \
	fast/direct.c fast/reach.c fast/reach.h
nodist_libltrace_a_SOURCES += fast/agent_blob.c
else
libltrace_a_SOURCES += fast/none.c
endif
CLEANFILES += fast/agent_blob.c fast/agent/agent.elf fast/agent/agent.bin
EXTRA_DIST += fast/agent/agent.c fast/agent/agent.ld fast/agent/embed.sh \
	sysdeps/linux-gnu/$(ARCH)/fast-entry.S sysdeps/linux-gnu/$(ARCH)/fast-agent.h

FAST_AGENT_FLAGS = -O2 -fPIC -ffreestanding -fno-builtin -fno-stack-protector \
	-fno-asynchronous-unwind-tables -fno-unwind-tables -fno-tree-loop-distribute-patterns \
	-fno-jump-tables -fcf-protection=none -mgeneral-regs-only -Wall -Wextra
FAST_AGENT_SRC = $(srcdir)/fast/agent/agent.c $(srcdir)/sysdeps/linux-gnu/$(ARCH)/fast-entry.S

fast/agent/agent.elf: $(FAST_AGENT_SRC) $(srcdir)/fast/agent/shared.h $(srcdir)/fast/agent/agent.ld \
		$(srcdir)/sysdeps/linux-gnu/$(ARCH)/fast-agent.h
	@$(MKDIR_P) fast/agent
	$(AM_V_CC)$(CC) $(FAST_AGENT_FLAGS) -I$(srcdir) -I$(srcdir)/sysdeps/linux-gnu/$(ARCH) \
		-nostdlib -static -Wl,-T,$(srcdir)/fast/agent/agent.ld -Wl,--build-id=none \
		-o $@ $(FAST_AGENT_SRC)

fast/agent_blob.c: fast/agent/agent.elf $(srcdir)/fast/agent/embed.sh
	$(AM_V_GEN)sh $(srcdir)/fast/agent/embed.sh fast/agent/agent.elf > $@.tmp && mv $@.tmp $@
