/* call_probe(struct after *out) (x86_64): loads a known value into every register a
 * callee can see, pushes one stack-passed argument, calls regs_probe through the PLT, and
 * stores into *out what the caller sees after the return. */
	.text
	.globl	call_probe
	.type	call_probe, @function
call_probe:
	mov	%rsp, 80(%rdi)			/* out->rsp_entry */
	push	%rbx
	push	%rbp
	push	%r12
	push	%r13
	push	%r14
	push	%r15
	push	%rdi				/* out */
	movabs	$0x1000000000000001, %rax
	movq	%rax, %xmm0
	movabs	$0x1000000000000002, %rax
	movq	%rax, %xmm1
	movabs	$0x1000000000000003, %rax
	movq	%rax, %xmm2
	movabs	$0x1000000000000004, %rax
	movq	%rax, %xmm3
	movabs	$0x1000000000000005, %rax
	movq	%rax, %xmm4
	movabs	$0x1000000000000006, %rax
	movq	%rax, %xmm5
	movabs	$0x1000000000000007, %rax
	movq	%rax, %xmm6
	movabs	$0x1000000000000008, %rax
	movq	%rax, %xmm7
	movabs	$0x0b0b0b0b0b0b0b0b, %rbx
	movabs	$0x0c0c0c0c0c0c0c0c, %rbp
	movabs	$0x1212121212121212, %r12
	movabs	$0x1313131313131313, %r13
	movabs	$0x1414141414141414, %r14
	movabs	$0x1515151515151515, %r15
	movabs	$0x0d0d0d0d0d0d0d0d, %rdi
	movabs	$0x0e0e0e0e0e0e0e0e, %rsi
	movabs	$0x0f0f0f0f0f0f0f0f, %rdx
	movabs	$0x0a0a0a0a0a0a0a0a, %rcx
	movabs	$0x0808080808080808, %r8
	movabs	$0x0909090909090909, %r9
	movabs	$0x1010101010101010, %r10
	mov	$8, %eax			/* al: vector registers used (varargs rule) */
	sub	$8, %rsp			/* 16-byte alignment at the call */
	movabs	$0x5151515151515151, %r11
	push	%r11				/* the stack-passed argument */
	call	regs_probe@PLT
	add	$16, %rsp
	pop	%r11				/* out */
	mov	%rax, 0(%r11)
	mov	%rdx, 8(%r11)
	movq	%xmm0, 16(%r11)
	mov	%rbx, 24(%r11)
	mov	%rbp, 32(%r11)
	mov	%r12, 40(%r11)
	mov	%r13, 48(%r11)
	mov	%r14, 56(%r11)
	mov	%r15, 64(%r11)
	mov	%rsp, 72(%r11)
	pop	%r15
	pop	%r14
	pop	%r13
	pop	%r12
	pop	%rbp
	pop	%rbx
	ret
	.globl	call_probe_end
call_probe_end:
	.size	call_probe, .-call_probe
	.section .note.GNU-stack,"",@progbits
