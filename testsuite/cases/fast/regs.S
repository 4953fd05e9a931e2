/* ./prog regs: check_regs() sets every call-clobbered register, calls leaf() directly (as
 * GCC does with -fipa-ra when it knows that a function of its own touches none of them)
 * and returns 0 if they all came back as they were; leaf() returns 42, or -1 if %r11 was
 * not the caller's at its entry. Traced with -x leaf: through the agent with --fast. */
	.text
	.globl	leaf
	.type	leaf, @function
leaf:
	mov	$42, %eax		/* 5 bytes: what the agent's jump covers */
	cmp	$0x1111, %r11
	jne	1f
	ret
1:	mov	$-1, %eax
	ret
	.size	leaf, .-leaf

/* early(v): 100 for 0, else v + 1; an early exit among its first instructions (as -O2
 * makes them), which the agent's copy of them takes with the condition inverted. */
	.globl	early
	.type	early, @function
early:
	test	%rdi, %rdi
	je	1f
	lea	1(%rdi), %rax
	ret
1:	mov	$100, %rax
	ret
	.size	early, .-early

/* sum2(a, b): a + b + 1. Its neighbour past(a, b) jumps to its second instruction (as
 * glibc's mempcpy jumps into memmove): a jump written over sum2's first instructions
 * would send past() into the middle of it, so sum2 keeps a breakpoint under --fast. Both
 * have call frame information, from which that jump is decoded. */
	.globl	sum2
	.type	sum2, @function
sum2:
	.cfi_startproc
	mov	%rdi, %rax
3:	add	%rsi, %rax
	add	$1, %rax
	ret
	.cfi_endproc
	.size	sum2, .-sum2

	.globl	past
	.type	past, @function
past:
	.cfi_startproc
	lea	10(%rdi), %rax
	jmp	3b
	.cfi_endproc
	.size	past, .-past

	.globl	check_regs
	.type	check_regs, @function
check_regs:
	sub	$8, %rsp
	mov	$0x1111, %r11
	mov	$0x2222, %r10
	mov	$0x3333, %r9
	mov	$0x4444, %r8
	mov	$0x5555, %rcx
	mov	$0x6666, %rsi
	mov	$0x7777, %rdi
	mov	$0x8888, %rdx
	call	leaf
	cmp	$42, %eax
	jne	2f
	cmp	$0x1111, %r11
	jne	2f
	cmp	$0x2222, %r10
	jne	2f
	cmp	$0x3333, %r9
	jne	2f
	cmp	$0x4444, %r8
	jne	2f
	cmp	$0x5555, %rcx
	jne	2f
	cmp	$0x6666, %rsi
	jne	2f
	cmp	$0x7777, %rdi
	jne	2f
	cmp	$0x8888, %rdx
	jne	2f
	xor	%eax, %eax
	add	$8, %rsp
	ret
2:	mov	$1, %eax
	add	$8, %rsp
	ret
	.size	check_regs, .-check_regs
	.section .note.GNU-stack,"",@progbits
