// SPDX-License-Identifier: Apache-2.0
// test-interrupts: a vectored trap table (mtvec mode 1). Entry 0 takes exceptions, entry N
// interrupt cause N. Each stub records its entry number in vec_last_entry and then jumps
// to the SDK vector, so the C handler still sees the full trap frame. The stubs borrow the
// interrupted stack, which is fine for this M-mode-only test.

    .section .text.test_vector_table, "ax", @progbits
    .balign 256
    .global test_vector_table
test_vector_table:
    .option push
    .option norvc
    j       stub_exception      // 0: exceptions
    j       stub_unexpected     // 1
    j       stub_unexpected     // 2
    j       stub_msi            // 3: machine software interrupt
    j       stub_unexpected     // 4
    j       stub_unexpected     // 5
    j       stub_unexpected     // 6
    j       stub_mti            // 7: machine timer interrupt
    j       stub_unexpected     // 8
    j       stub_unexpected     // 9
    j       stub_unexpected     // 10
    j       stub_unexpected     // 11: machine external interrupt
    .option pop

.macro STUB name, value
\name:
    addi    sp, sp, -16
    sw      t0, 0(sp)
    sw      t1, 4(sp)
    li      t0, \value
    la      t1, vec_last_entry
    sw      t0, 0(t1)
    lw      t1, 4(sp)
    lw      t0, 0(sp)
    addi    sp, sp, 16
    j       epoxy_trap_vector
.endm

    STUB stub_exception, 100
    STUB stub_msi, 3
    STUB stub_mti, 7
    STUB stub_unexpected, 99

    .section .sbss.vec_last_entry, "aw", @nobits
    .balign 4
    .global vec_last_entry
vec_last_entry:
    .zero 4
