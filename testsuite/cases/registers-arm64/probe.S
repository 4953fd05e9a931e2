/* regs_probe (aarch64): records, at its entry, every register a callee can see, then
 * returns known values in x0, x1 and d0 and clobbers every other register a callee may
 * clobber (none that it must preserve). */
	.text
	.globl	regs_probe
	.type	regs_probe, %function
regs_probe:
	adrp	x16, :got:probe_in		/* x16, x17: the registers the PLT may change */
	ldr	x16, [x16, :got_lo12:probe_in]
	stp	x0, x1, [x16, #0]
	stp	x2, x3, [x16, #16]
	stp	x4, x5, [x16, #32]
	stp	x6, x7, [x16, #48]
	stp	x8, x19, [x16, #64]
	stp	x20, x21, [x16, #80]
	stp	x22, x23, [x16, #96]
	stp	x24, x25, [x16, #112]
	stp	x26, x27, [x16, #128]
	stp	x28, x29, [x16, #144]
	mov	x17, sp
	stp	x30, x17, [x16, #160]
	stp	d0, d1, [x16, #176]
	stp	d2, d3, [x16, #192]
	stp	d4, d5, [x16, #208]
	stp	d6, d7, [x16, #224]
	ldr	x17, [sp]			/* the first stack-passed argument */
	str	x17, [x16, #240]
	ldr	x0, =0x5a5a5a5a5a5a5a5a
	ldr	x1, =0x2222222222222222
	ldr	x2, =0x0123456789abcdef
	fmov	d0, x2
	ldr	x2, =0x7e7e7e7e7e7e7e7e
	mov	x3, x2
	mov	x4, x2
	mov	x5, x2
	mov	x6, x2
	mov	x7, x2
	mov	x8, x2
	mov	x9, x2
	mov	x10, x2
	mov	x11, x2
	mov	x12, x2
	mov	x13, x2
	mov	x14, x2
	mov	x15, x2
	mov	x16, x2
	mov	x17, x2
	fmov	d1, x2
	fmov	d7, x2
	ret
	.ltorg
	.size	regs_probe, .-regs_probe

	.data
	.globl	probe_in
	.type	probe_in, %object
	.size	probe_in, 248
	.balign	8
probe_in:
	.zero	248
	.section .note.GNU-stack,"",%progbits
