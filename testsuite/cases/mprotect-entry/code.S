/* Code whose instructions the program patches (see prog.c). */
	.text
/* long step(void): mp_twice(5) + 100. The add is the instruction at the return site of
 * the traced call; its immediate (step_imm) is patched after the first call. */
	.globl	step
	.type	step, @function
step:
	sub	$8, %rsp
	mov	$5, %edi
	call	mp_twice@PLT
	.byte	0x48, 0x05		/* add $imm32, %rax */
	.globl	step_imm
step_imm:
	.long	100
	add	$8, %rsp
	ret
	.size	step, .-step

/* int knob(void): 41; its first instruction's immediate (knob_imm) is patched. */
	.globl	knob
	.type	knob, @function
knob:
	.byte	0xb8			/* mov $imm32, %eax */
	.globl	knob_imm
knob_imm:
	.long	41
	ret
	.size	knob, .-knob

	.section .note.GNU-stack, "", @progbits
