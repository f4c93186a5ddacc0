// SPDX-License-Identifier: Apache-2.0
// ISA signature program: access faults.
// Loads (lb lh lw lbu lhu, c.lw) and stores (sb sh sw, c.sw) to an address that is
// unmapped on both platforms (0x9000_0000), and instruction fetches from it (jalr, and
// c.jr to a 2-byte aligned target). Each stores mcause, mepc relative to the instruction
// (or the target) and mtval relative to the faulting address. The destination register
// of a faulting load is unchanged; a jalr to an unmapped target retires (its link is
// written) and the fetch at the target faults.
// Not tested: a 32-bit instruction straddling the end of RAM (QEMU 7.2 aborts).
#include "isa_macros.h"

// FAULT insn: run insn (s10 = its address), store mcause, mepc - s10 and mtval - a5.
.macro FAULT insn:vararg
    csrw mtval, zero
    CATCH \insn
    SIG s7
    SIG s6
    csrr a0, mtval
    sub a0, a0, a5
    SIG a0
.endm

ISA_TEST_BEGIN
    TRAPS_CATCH
    li a5, ISA_UNMAPPED

    // ---- loads ----------------------------------------------------------------------------
    li a1, 0x1234
    .irp op, lb, lh, lw, lbu, lhu
    FAULT \op a1, 0(a5)
    .endr
    SIG a1                  // unchanged by the faulting loads
    addi a5, a5, 16
    FAULT lw a1, -16(a5)    // mtval is the effective address
    addi a5, a5, -16
    .option push
    .option rvc
    mv s0, a5
    FAULT c.lw a1, 4(s0)
    addi a5, a5, 4
    FAULT c.sw a1, 0(s0)
    addi a5, a5, -4
    .balign 4
    .option pop

    // ---- stores ---------------------------------------------------------------------------
    .irp op, sb, sh, sw
    FAULT \op a1, 0(a5)
    .endr
    addi a5, a5, 8
    FAULT sw a1, 8(a5)      // mtval = a5 + 8
    addi a5, a5, -8

    // ---- instruction fetch: resume at s9; mepc and mtval are the target -------------------
    la s9, 1f
    CATCH jalr ra, 0(a5)
3:  SKIPPED
1:  SIG s7                  // 1
    add a0, s6, s10         // mepc (the handler has since rewritten the CSR)
    sub a0, a0, a5
    SIG a0                  // 0
    csrr a0, mtval
    sub a0, a0, a5
    SIG a0                  // 0
    la a1, 3b
    sub a0, ra, a1          // the jalr wrote its link: ra = next instruction
    SIG a0
    la s9, 1f
    addi a2, a5, 2          // a 2-byte aligned target
    .option push
    .option rvc
    CATCH c.jr a2
2:  SKIPPED
    .balign 4
    .option pop
1:  SIG s7
    add a0, s6, s10
    sub a0, a0, a5
    SIG a0                  // 2
    csrr a0, mtval
    sub a0, a0, a5
    SIG a0                  // 2

    TRAPS_UNEXPECTED
ISA_TEST_END
