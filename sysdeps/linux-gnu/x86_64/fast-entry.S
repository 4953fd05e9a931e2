/* x86-64 entries of the --fast agent. A traced call comes from its trampoline with the
 * caller's %r11 pushed, %r11 = its struct fast_func and the return address above that;
 * a traced call returns into agent_ret_entry with the stack pointer just above the slot
 * where its return address was.
 *
 * Both give the program back every register as they found it (but the return value, and
 * the flags): a caller compiled with GCC's interprocedural register allocation (-fipa-ra,
 * on at -O2) keeps values in the call-clobbered registers that it knows a function of
 * its own never touches, and -x traces such functions. So no register carries the way
 * on: the target is jumped to through the word below the stack pointer (the red zone,
 * which signal delivery leaves alone). */
	.text
	.globl agent_call_entry
	.hidden agent_call_entry
	.type agent_call_entry, @function
agent_call_entry:
	push %rbp		/* 8(%rbp): the caller's r11; 16(%rbp): the return address */
	mov %rsp, %rbp
	sub $240, %rsp
	and $-16, %rsp
	mov %rdi, 0(%rsp)
	mov %rsi, 8(%rsp)
	mov %rdx, 16(%rsp)
	mov %rcx, 24(%rsp)
	mov %r8, 32(%rsp)
	mov %r9, 40(%rsp)
	mov %rax, 48(%rsp)
	mov %r10, 56(%rsp)
	movdqu %xmm0, 64(%rsp)
	movdqu %xmm1, 80(%rsp)
	movdqu %xmm2, 96(%rsp)
	movdqu %xmm3, 112(%rsp)
	movdqu %xmm4, 128(%rsp)
	movdqu %xmm5, 144(%rsp)
	movdqu %xmm6, 160(%rsp)
	movdqu %xmm7, 176(%rsp)
	mov %rbx, 192(%rsp)	/* the caller's, for unwinding (-w) */
	mov 0(%rbp), %rdi
	mov %rdi, 200(%rsp)
	mov %r12, 208(%rsp)
	mov %r13, 216(%rsp)
	mov %r14, 224(%rsp)
	mov %r15, 232(%rsp)
	mov %r11, %rdi
	mov %rsp, %rsi
	lea 16(%rbp), %rdx
	call agent_on_call
	mov 8(%rbp), %r11	/* the caller's */
	mov %rax, 8(%rbp)	/* where to go, in its place */
	mov 0(%rsp), %rdi
	mov 8(%rsp), %rsi
	mov 16(%rsp), %rdx
	mov 24(%rsp), %rcx
	mov 32(%rsp), %r8
	mov 40(%rsp), %r9
	mov 48(%rsp), %rax
	mov 56(%rsp), %r10
	movdqu 64(%rsp), %xmm0
	movdqu 80(%rsp), %xmm1
	movdqu 96(%rsp), %xmm2
	movdqu 112(%rsp), %xmm3
	movdqu 128(%rsp), %xmm4
	movdqu 144(%rsp), %xmm5
	movdqu 160(%rsp), %xmm6
	movdqu 176(%rsp), %xmm7
	leave			/* rsp at the target's word */
	lea 8(%rsp), %rsp	/* at the return address, as the call left it (flags kept) */
	jmp *-8(%rsp)
	.size agent_call_entry, .-agent_call_entry

	.globl agent_ret_entry
	.hidden agent_ret_entry
	.type agent_ret_entry, @function
agent_ret_entry:
	sub $8, %rsp		/* back on the slot: the original address goes there */
	push %rbp
	mov %rsp, %rbp
	sub $112, %rsp
	and $-16, %rsp
	mov %rax, 0(%rsp)
	mov %rdx, 8(%rsp)
	movdqu %xmm0, 16(%rsp)
	movdqu %xmm1, 32(%rsp)
	mov %rcx, 48(%rsp)
	mov %rsi, 56(%rsp)
	mov %rdi, 64(%rsp)
	mov %r8, 72(%rsp)
	mov %r9, 80(%rsp)
	mov %r10, 88(%rsp)
	mov %r11, 96(%rsp)
	lea 8(%rbp), %rdi
	mov %rsp, %rsi
	call agent_on_return
	mov %rax, 8(%rbp)
	mov 0(%rsp), %rax
	mov 8(%rsp), %rdx
	movdqu 16(%rsp), %xmm0
	movdqu 32(%rsp), %xmm1
	mov 48(%rsp), %rcx
	mov 56(%rsp), %rsi
	mov 64(%rsp), %rdi
	mov 72(%rsp), %r8
	mov 80(%rsp), %r9
	mov 88(%rsp), %r10
	mov 96(%rsp), %r11
	leave
	ret
	.size agent_ret_entry, .-agent_ret_entry
	.section .note.GNU-stack,"",@progbits
