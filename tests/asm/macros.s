# kit as against GNU as: .macro (defaults, keyword and vararg arguments,
# \(), \@, .exitm), .rept, .irp, .irpc, the .if family with .else and
# .elseif, .include and .incbin (macros.bin is written by the test).
	.include "macros-inc.s"
	.macro PUSHALL regs:vararg
	.irp r, \regs
	pushq %\r
	.endr
	.endm
	.macro LOAD reg, val=7
	movl $\val, %\reg
	.endm
	.macro lbl name
\name\()_start: nop
	.endm
	.macro uniq
	jmp 1f
1:	.byte \@
	.endm
	.macro early n
	.if \n > 2
	.exitm
	.endif
	.byte \n
	.endm
	.text
	.globl f
f:
	PUSHALL rax, rbx, rcx
	LOAD eax
	LOAD ebx, 42
	LOAD reg=ecx, val=9
	lbl foo
	uniq
	uniq
	early 1
	early 5
	.rept 3
	nop
	.endr
	.irpc c, 123
	.byte \c
	.endr
	.if INCLUDED
	.byte 0x11
	.else
	.byte 0x22
	.endif
	.ifdef nosuch
	.byte 0x33
	.elseif 1 + 1 == 2
	.byte 0x44
	.else
	.byte 0x55
	.endif
	.ifc abc,abc
	.byte 0x67
	.endif
	.ifc "abc", abc
	.byte 0x66
	.endif
	.ifnb
	.byte 0x77
	.endif
	.ifeq 0
	.if 0
	.byte 0x88
	.elseif 1
	.byte 0x99
	.endif
	.endif
	.data
	.incbin "macros.bin", 2, 4
	.incbin "macros.bin"
