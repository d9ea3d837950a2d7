# A shared library for every target: no instructions, only data, so one source assembles for
# i686, MIPS, PowerPC64 and AArch64 alike. `greet` is exported at two versions.
	.text
	.globl	greet_v1
	.type	greet_v1, %function
greet_v1:
	.long	0
	.size	greet_v1, 4
	.globl	greet_v2
	.type	greet_v2, %function
greet_v2:
	.long	0, 0
	.size	greet_v2, 8
	.symver	greet_v1, greet@LIB_1.0
	.symver	greet_v2, greet@@LIB_2.0

	.data
	.globl	counter
	.type	counter, %object
	.size	counter, 4
counter:
	.long	7
	.local	hidden_state
	.type	hidden_state, %object
	.size	hidden_state, 4
hidden_state:
	.long	1
	.weak	maybe
	.type	maybe, %object
	.size	maybe, 4
maybe:
	.long	2
	.dc.a	counter
