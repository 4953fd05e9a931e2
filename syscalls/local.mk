# syscalls: -S. The table is generated at build time from two data files: the
# architecture's numbers, names and argument counts, and how each call's arguments show.
libltrace_a_SOURCES += syscalls/syscalls.h syscalls/decode.h syscalls/table.c \
	syscalls/xlat.c syscalls/format.c syscalls/result.c syscalls/open.c syscalls/mem.c \
	syscalls/signal.c syscalls/stat.c syscalls/time.c syscalls/socket.c \
	syscalls/process.c syscalls/ioctl.c syscalls/select.c syscalls/seccomp.c \
	syscalls/wait.c syscalls/poll.c syscalls/iov.c syscalls/futex.c syscalls/epoll.c \
	syscalls/file.c syscalls/resource.c syscalls/system.c
nodist_libltrace_a_SOURCES += syscalls/syscallent.c
SYSCALL_TABLES = $(srcdir)/syscalls/signatures.tbl $(srcdir)/sysdeps/linux-gnu/$(ARCH)/syscalls.tbl
EXTRA_DIST += syscalls/gen-table.awk $(SYSCALL_TABLES)
CLEANFILES += syscalls/syscallent.c
syscalls/syscallent.c: $(srcdir)/syscalls/gen-table.awk $(SYSCALL_TABLES)
	@$(MKDIR_P) syscalls
	$(AM_V_GEN)$(AWK) -f $(srcdir)/syscalls/gen-table.awk $(SYSCALL_TABLES) > $@.tmp && mv $@.tmp $@
