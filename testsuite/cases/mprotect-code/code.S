/* Code that the program changes (see prog.c), the same functions for each architecture:
 *   long step(void)   mp_twice(5) + 100; the 100 (at step_imm) is patched. The call is
 *                     traced: its return site, the nop, gets our breakpoint; the
 *                     instruction after it, which holds the 100, does not.
 *   long step2(void)  mp_twice(6) + 100, the 100 patched before step2 is first called:
 *                     the instruction at its return site is the patched one.
 *   knob_page         a page of its own, holding only knob and seven: made read-only for
 *                     a while.
 *   int knob(void)    41, patched. Its first instruction is not the one patched (with -x
 *                     knob, our breakpoint is on that one).
 *   int seven(void)   copied elsewhere and patched there.
 * x86-64: an immediate is the 32 bits after its opcode; arm64: the 16-bit immediate of
 * the movz at the label. */
#if defined(__x86_64__)
	.text
	.globl	step
	.type	step, @function
step:
	sub	$8, %rsp
	mov	$5, %edi
	call	mp_twice@PLT
	nop
	.byte	0x48, 0x05		/* add $imm32, %rax */
	.globl	step_imm
step_imm:
	.long	100
	add	$8, %rsp
	ret
	.size	step, .-step

	.globl	step2
	.type	step2, @function
step2:
	sub	$8, %rsp
	mov	$6, %edi
	call	mp_twice@PLT
	.byte	0x48, 0x05		/* add $imm32, %rax */
	.globl	step2_imm
step2_imm:
	.long	100
	add	$8, %rsp
	ret
	.size	step2, .-step2

	.balign	4096
	.globl	knob_page
knob_page:
	.globl	knob
	.type	knob, @function
knob:
	push	%rbp
	.byte	0xb8			/* mov $imm32, %eax */
	.globl	knob_imm
knob_imm:
	.long	41
	pop	%rbp
	ret
	.size	knob, .-knob

	.globl	seven
	.type	seven, @function
seven:
	.byte	0xb8
	.globl	seven_imm
seven_imm:
	.long	7
	ret
	.size	seven, .-seven
	.globl	seven_end
seven_end:
	.balign	4096
#elif defined(__aarch64__)
	.text
	.globl	step
	.type	step, %function
step:
	stp	x29, x30, [sp, #-16]!
	mov	x29, sp
	mov	x0, #5
	bl	mp_twice
	nop
	.globl	step_imm
step_imm:
	movz	x1, #100
	add	x0, x0, x1
	ldp	x29, x30, [sp], #16
	ret
	.size	step, .-step

	.globl	step2
	.type	step2, %function
step2:
	stp	x29, x30, [sp, #-16]!
	mov	x29, sp
	mov	x0, #6
	bl	mp_twice
	.globl	step2_imm
step2_imm:
	movz	x1, #100
	add	x0, x0, x1
	ldp	x29, x30, [sp], #16
	ret
	.size	step2, .-step2

	.balign	4096
	.globl	knob_page
knob_page:
	.globl	knob
	.type	knob, %function
knob:
	nop
	.globl	knob_imm
knob_imm:
	movz	w0, #41
	ret
	.size	knob, .-knob

	.globl	seven
	.type	seven, %function
seven:
	.globl	seven_imm
seven_imm:
	movz	w0, #7
	ret
	.size	seven, .-seven
	.globl	seven_end
seven_end:
	.balign	4096
#endif

	.section .note.GNU-stack, "", @progbits
