/* regs_probe (x86_64): records, at its entry, every register a callee can see, then
 * returns known values in rax, rdx and xmm0 and clobbers every other register a callee
 * may clobber (none that it must preserve). */
	.text
	.globl	regs_probe
	.type	regs_probe, @function
regs_probe:
	mov	probe_in@GOTPCREL(%rip), %r11	/* r11: the one register the PLT may change */
	mov	%rdi, 0(%r11)
	mov	%rsi, 8(%r11)
	mov	%rdx, 16(%r11)
	mov	%rcx, 24(%r11)
	mov	%r8, 32(%r11)
	mov	%r9, 40(%r11)
	mov	%rax, 48(%r11)
	mov	%r10, 56(%r11)
	mov	%rbx, 64(%r11)
	mov	%rbp, 72(%r11)
	mov	%r12, 80(%r11)
	mov	%r13, 88(%r11)
	mov	%r14, 96(%r11)
	mov	%r15, 104(%r11)
	mov	%rsp, 112(%r11)
	mov	(%rsp), %rax
	mov	%rax, 120(%r11)
	movq	%xmm0, 128(%r11)
	movq	%xmm1, 136(%r11)
	movq	%xmm2, 144(%r11)
	movq	%xmm3, 152(%r11)
	movq	%xmm4, 160(%r11)
	movq	%xmm5, 168(%r11)
	movq	%xmm6, 176(%r11)
	movq	%xmm7, 184(%r11)
	pushfq
	pop	%rax
	mov	%rax, 192(%r11)
	mov	8(%rsp), %rax			/* the first stack-passed argument */
	mov	%rax, 200(%r11)
	movabs	$0x5a5a5a5a5a5a5a5a, %rax
	movabs	$0x0123456789abcdef, %rdx
	movq	%rdx, %xmm0
	movabs	$0x7e7e7e7e7e7e7e7e, %rdx
	mov	%rdx, %rdi
	mov	%rdx, %rsi
	mov	%rdx, %rcx
	mov	%rdx, %r8
	mov	%rdx, %r9
	mov	%rdx, %r10
	mov	%rdx, %r11
	movabs	$0x2222222222222222, %rdx
	ret
	.size	regs_probe, .-regs_probe

	.data
	.globl	probe_in
	.type	probe_in, @object
	.size	probe_in, 208
probe_in:
	.zero	208
	.section .note.GNU-stack,"",@progbits
