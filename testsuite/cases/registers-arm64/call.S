/* call_probe(struct after *out) (aarch64): loads a known value into every register a
 * callee can see, passes one argument on the stack, calls regs_probe through the PLT, and
 * stores into *out what the caller sees after the return. */
	.text
	.globl	call_probe
	.type	call_probe, %function
call_probe:
	mov	x9, sp
	str	x9, [x0, #120]			/* out->sp_entry */
	stp	x29, x30, [sp, #-96]!
	stp	x19, x20, [sp, #16]
	stp	x21, x22, [sp, #32]
	stp	x23, x24, [sp, #48]
	stp	x25, x26, [sp, #64]
	stp	x27, x28, [sp, #80]
	sub	sp, sp, #32
	str	x0, [sp, #16]			/* out */
	ldr	x9, =0x5151515151515151
	str	x9, [sp]			/* the stack-passed argument */
	ldr	x9, =0x1000000000000001
	fmov	d0, x9
	add	x9, x9, #1
	fmov	d1, x9
	add	x9, x9, #1
	fmov	d2, x9
	add	x9, x9, #1
	fmov	d3, x9
	add	x9, x9, #1
	fmov	d4, x9
	add	x9, x9, #1
	fmov	d5, x9
	add	x9, x9, #1
	fmov	d6, x9
	add	x9, x9, #1
	fmov	d7, x9
	ldr	x19, =0x1919191919191919
	ldr	x20, =0x2020202020202020
	ldr	x21, =0x2121212121212121
	ldr	x22, =0x2222222222222220
	ldr	x23, =0x2323232323232323
	ldr	x24, =0x2424242424242424
	ldr	x25, =0x2525252525252525
	ldr	x26, =0x2626262626262626
	ldr	x27, =0x2727272727272727
	ldr	x28, =0x2828282828282828
	ldr	x29, =0x2929292929292929
	ldr	x0, =0x0d0d0d0d0d0d0d0d
	ldr	x1, =0x0e0e0e0e0e0e0e0e
	ldr	x2, =0x0f0f0f0f0f0f0f0f
	ldr	x3, =0x0a0a0a0a0a0a0a0a
	ldr	x4, =0x0404040404040404
	ldr	x5, =0x0505050505050505
	ldr	x6, =0x0606060606060606
	ldr	x7, =0x0707070707070707
	ldr	x8, =0x0808080808080808
	bl	regs_probe
	ldr	x9, [sp, #16]			/* out */
	str	x0, [x9, #0]
	str	x1, [x9, #8]
	str	d0, [x9, #16]
	stp	x19, x20, [x9, #24]
	stp	x21, x22, [x9, #40]
	stp	x23, x24, [x9, #56]
	stp	x25, x26, [x9, #72]
	stp	x27, x28, [x9, #88]
	mov	x10, sp
	stp	x29, x10, [x9, #104]
	add	sp, sp, #32
	ldp	x19, x20, [sp, #16]
	ldp	x21, x22, [sp, #32]
	ldp	x23, x24, [sp, #48]
	ldp	x25, x26, [sp, #64]
	ldp	x27, x28, [sp, #80]
	ldp	x29, x30, [sp], #96
	ret
	.ltorg
	.globl	call_probe_end
call_probe_end:
	.size	call_probe, .-call_probe
	.section .note.GNU-stack,"",%progbits
