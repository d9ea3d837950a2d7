# A program for every target: no instructions, only data, so one source assembles for every
# machine. It refers to the library's symbols from data, so the linker writes dynamic
# relocations, the needed library and its versions.
	.text
	.globl	_start
	.type	_start, %function
_start:
	.long	0, 0, 0, 0
	.size	_start, 16

	.section .note.ABI-tag, "a", %note
	.balign	4
	.long	4, 16, 1
	.asciz	"GNU"
	.long	0, 3, 2, 0

	.data
	.globl	table
	.type	table, %object
	.size	table, 8
table:
	.dc.a	greet
	.dc.a	counter
	.section .tbss, "awT", %nobits
	.globl	per_thread
	.type	per_thread, %object
	.size	per_thread, 4
per_thread:
	.zero	4
	.comm	shared_block, 32, 8
