/*
 * The seccomp filter of a launched program (-S with @SYS rules): the selected calls stop
 * (SECCOMP_RET_TRACE: a PTRACE_EVENT_SECCOMP stop), every other call runs without stopping.
 * A call of another ABI (i386's int $0x80) is let through: we could not name it anyway.
 */
#include <errno.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdlib.h>
#include <sys/prctl.h>

#include "sysdeps/arch.h"
#include "syscalls/decode.h"

#define STMT(code, k) ((struct sock_filter)BPF_STMT((code), (k)))
#define JUMP(code, k, jt, jf) ((struct sock_filter)BPF_JUMP((code), (k), (jt), (jf)))

/* At most three instructions per run of consecutive selected numbers, plus five. */
static size_t build(struct sock_filter *p)
{
	size_t n = 0;

	p[n++] = STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch));
	p[n++] = JUMP(BPF_JMP | BPF_JEQ | BPF_K, arch_audit_arch, 1, 0);
	p[n++] = STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
	p[n++] = STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr));
	for (size_t a = 0; a < sys_table_size; a++) {
		if (!sys_selected((long)a))
			continue;
		size_t b = a;
		while (b + 1 < sys_table_size && sys_selected((long)b + 1))
			b++;
		if (a == b) {
			p[n++] = JUMP(BPF_JMP | BPF_JEQ | BPF_K, (uint32_t)a, 0, 1);
		} else {
			p[n++] = JUMP(BPF_JMP | BPF_JGE | BPF_K, (uint32_t)a, 0, 2);
			p[n++] = JUMP(BPF_JMP | BPF_JGT | BPF_K, (uint32_t)b, 1, 0);
		}
		p[n++] = STMT(BPF_RET | BPF_K, SECCOMP_RET_TRACE);
		a = b;
	}
	p[n++] = STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
	return n;
}

int sys_seccomp_install(void)
{
	struct sock_filter *insns = calloc(3 * sys_table_size + 5, sizeof(*insns));

	if (insns == NULL)
		return -1;
	struct sock_fprog prog = { (unsigned short)build(insns), insns };
	int rc = -1;
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0)
		rc = prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog, 0, 0);
	int err = errno;
	free(insns);
	errno = err;
	return rc;
}
