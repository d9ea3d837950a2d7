# Notes of the kinds the elf example prints, for readelf -n on every target: GNU notes (gold
# version, program properties, a short ABI tag, types readelf does not know), a SystemTap
# probe, Go and FDO notes, and notes of owners and types readelf does not know, with and
# without data. main.s has the build ID (from the linker) and the ABI tag.
	.section .note.misc, "a", %note
	.balign	4
	.long	4, 8, 4	/* NT_GNU_GOLD_VERSION */
	.asciz	"GNU"
	.balign	4
	.asciz	"gold 1."
	.balign	4
	.long	4, 16, 0x100	/* NT_GNU_BUILD_ATTRIBUTE_OPEN under GNU */
	.asciz	"GNU"
	.balign	4
	.long	1, 2, 3, 4
	.long	3, 12, 4	/* Go build ID */
	.asciz	"Go"
	.balign	4
	.ascii	"abcdefghijkl"
	.balign	4
	.long	4, 20, 0xcafe1a7e	/* FDO packaging metadata */
	.asciz	"FDO"
	.balign	4
	.asciz	"{\"type\":\"test\"}   "
	.balign	4
	.long	6, 0, 1	/* NT_VERSION, no data */
	.asciz	"Owner"
	.balign	4
	.long	6, 3, 2	/* NT_ARCH with data */
	.asciz	"Owner"
	.balign	4
	.byte	1, 2, 3
	.balign	4
	.long	0, 4, 77	/* no name */
	.long	0x01020304
	.long	9, 5, 0x12345	/* unknown type */
	.asciz	"Someone."
	.balign	4
	.byte	9, 8, 7, 6, 5
	.balign	4
	.long	4, 4, 99	/* unknown GNU type */
	.asciz	"GNU"
	.balign	4
	.long	0xdeadbeef
	.long	4, 3, 1	/* a GNU ABI tag too short */
	.asciz	"GNU"
	.balign	4
	.byte	1, 2, 3
	.balign	4
	.long	5, 4, 7	/* CORE-owned */
	.asciz	"CORE"
	.balign	4
	.long	5
	.long	6, 4, 0x202	/* LINUX-owned */
	.asciz	"LINUX"
	.balign	4
	.long	7


# The address size, 4 or 8: properties are padded to it, probes hold three addresses.
	.data
address_start:
	.dc.a	0
address_end:
	.set	W, address_end - address_start

	.section .note.stapsdt, "", %note
	.balign	4
	.long	8, probe_end - probe_start, 3
	.asciz	"stapsdt"
probe_start:
	.dc.a	0x1234, 0x5678, 0
	.asciz	"provider"
	.asciz	"probe"
	.asciz	"-4@%eax 8@16(%rsp)"
probe_end:
	.balign	4

	.section .note.gnu.property, "a", %note
	.balign	W
	.long	4, properties_end - properties_start, 5
	.asciz	"GNU"
properties_start:
	.long	0xc0000002, 4, 3	/* x86: IBT, SHSTK */
	.balign	W
	.long	0xc0008002, 4, 1	/* x86: ISA needed baseline */
	.balign	W
	.long	0xc0000000, 4, 3	/* AArch64: BTI, PAC; x86: ISA used i486, 586 */
	.balign	W
	.long	1, W	/* stack size */
	.dc.a	0x10000
	.long	2, 0	/* no copy on protected */
	.long	0x1234, 4, 0xaabbccdd	/* a type readelf does not know */
	.balign	W
properties_end:
