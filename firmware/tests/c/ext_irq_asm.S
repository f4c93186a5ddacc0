// SPDX-License-Identifier: Apache-2.0
// test-ext-irq: a vectored trap table (mtvec mode 1) for the machine external interrupt
// (entry 11) and the three local (accelerator) interrupts (entries 16..18). Each stub
// records its entry number in ext_vec_entry and jumps to the SDK vector, so the C handler
// sees the full trap frame and can check that the entry matched mcause. The stubs borrow
// the interrupted stack (this test stays in M-mode while the table is installed).

    .section .text.ext_vector_table, "ax", @progbits
    .balign 256
    .global ext_vector_table
ext_vector_table:
    .option push
    .option norvc
    j       ext_stub_exception  // 0: exceptions
    .rept 10
    j       ext_stub_other      // 1..10
    .endr
    j       ext_stub_11         // 11: machine external interrupt
    .rept 4
    j       ext_stub_other      // 12..15
    .endr
    j       ext_stub_16         // 16: local (accelerator) interrupt 0
    j       ext_stub_17         // 17: local interrupt 1
    j       ext_stub_18         // 18: local interrupt 2
    .rept 13
    j       ext_stub_other      // 19..31
    .endr
    .option pop

.macro EXT_STUB name, value
\name:
    addi    sp, sp, -16
    sw      t0, 0(sp)
    sw      t1, 4(sp)
    li      t0, \value
    la      t1, ext_vec_entry
    sw      t0, 0(t1)
    lw      t1, 4(sp)
    lw      t0, 0(sp)
    addi    sp, sp, 16
    j       epoxy_trap_vector
.endm

    EXT_STUB ext_stub_exception, 100
    EXT_STUB ext_stub_11, 11
    EXT_STUB ext_stub_16, 16
    EXT_STUB ext_stub_17, 17
    EXT_STUB ext_stub_18, 18
    EXT_STUB ext_stub_other, 99

    .section .sbss.ext_vec_entry, "aw", @nobits
    .balign 4
    .global ext_vec_entry
ext_vec_entry:
    .zero 4
