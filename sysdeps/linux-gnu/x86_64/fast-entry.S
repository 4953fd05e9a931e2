/* x86-64 entries of the --fast agent. A traced call comes from its trampoline with
 * %r11 = its struct fast_func and the return address on top of the stack; a traced
 * call returns into agent_ret_entry with the stack pointer just above the slot where its
 * return address was. */
	.text
	.globl agent_call_entry
	.hidden agent_call_entry
	.type agent_call_entry, @function
agent_call_entry:
	push %rbp
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
	lea 8(%rbp), %rdx
	call agent_on_call
	mov %rax, %r11
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
	leave
	jmp *%r11
	.size agent_call_entry, .-agent_call_entry

	.globl agent_ret_entry
	.hidden agent_ret_entry
	.type agent_ret_entry, @function
agent_ret_entry:
	sub $8, %rsp		/* back on the slot: the original address goes there */
	push %rbp
	mov %rsp, %rbp
	sub $48, %rsp
	and $-16, %rsp
	mov %rax, 0(%rsp)
	mov %rdx, 8(%rsp)
	movdqu %xmm0, 16(%rsp)
	movdqu %xmm1, 32(%rsp)
	lea 8(%rbp), %rdi
	mov %rsp, %rsi
	call agent_on_return
	mov %rax, 8(%rbp)
	mov 0(%rsp), %rax
	mov 8(%rsp), %rdx
	movdqu 16(%rsp), %xmm0
	movdqu 32(%rsp), %xmm1
	leave
	ret
	.size agent_ret_entry, .-agent_ret_entry
	.section .note.GNU-stack,"",@progbits
