// SPDX-License-Identifier: Apache-2.0
// ISA signature program: synchronous traps and mret.
// ecall (M and U), ebreak, c.ebreak, illegal instructions of several kinds (unknown
// opcode, c.unimp, reserved compressed encodings, writes to read-only CSRs, unknown CSRs,
// M-mode CSRs and mret from U-mode, counters from U-mode without mcounteren) and mret's
// effect on mstatus and the privilege mode. The handler stores mcause and mepc - label;
// mtval is stored only where QEMU and Epoxy agree (see docs/isa-tests.md).
#include "isa_macros.h"

// TRAP_AT: the next instruction must trap; its address becomes the record's base.
.macro TRAP_AT
    la s10, 99f
    EXPECT_TRAP
99:
.endm

ISA_TEST_BEGIN
    .option norvc
    TRAPS_RECORD

    // ---- ecall and ebreak in M-mode ----------------------------------------------------
    csrw mtval, zero
    TRAP_AT
    ecall
    csrr a0, mtval          // 0 for ecall
    SIG a0

    TRAP_AT
    ebreak

    .option rvc
    TRAP_AT
    c.ebreak
    c.nop
    .option norvc

    // ---- illegal instructions --------------------------------------------------------
    TRAP_AT
    .word 0x0000000b        // custom-0 opcode
    TRAP_AT
    .word 0x0000007f        // opcode 1111111: reserved (prefix of >= 80-bit encodings)
    TRAP_AT
    .2byte 0x0000           // c.unimp: the all-zero halfword is illegal
    .2byte 0x0001           // c.nop, to stay 4-byte aligned
    TRAP_AT
    unimp                   // csrrw x0, cycle, x0: write to a read-only CSR
    TRAP_AT
    csrw mvendorid, a0      // read-only M CSR
    TRAP_AT
    csrrs a0, mhartid, a1   // a1 != 0: a write to a read-only CSR
    TRAP_AT
    csrr a0, 0x7c0          // custom M-mode CSR number: not implemented
    TRAP_AT
    csrr a0, 0x5c0          // custom S-mode CSR number: not implemented
    TRAP_AT
    .2byte 0x6081           // c.lui x1, 0: reserved (nzimm = 0)
    .2byte 0x0001
    TRAP_AT
    .2byte 0x8002           // c.jr x0: reserved
    .2byte 0x0001
    TRAP_AT
    .2byte 0x4002           // c.lwsp x0: reserved
    .2byte 0x0001

    // ---- mret in M-mode: MIE <- MPIE, MPIE <- 1, MPP <- U, pc <- mepc ----------------
    li t0, 0x1888
    csrc mstatus, t0
    li t0, 0x1880           // MPP = M, MPIE = 1, MIE = 0
    csrs mstatus, t0
    la t0, 1f
    csrw mepc, t0
    mret
    li a0, 0xbad            // skipped
    SIG a0
1:  csrr a0, mstatus
    andi a0, a0, 0x88
    SIG a0                  // MIE and MPIE set
    csrr a0, mstatus
    srli a0, a0, 11
    andi a0, a0, 3
    SIG a0                  // MPP = U (0)
    csrci mstatus, 8

    li t0, 0x1888
    csrc mstatus, t0
    li t0, 0x1800           // MPP = M, MPIE = 0
    csrs mstatus, t0
    la t0, 2f
    csrw mepc, t0
    mret
2:  csrr a0, mstatus
    andi a0, a0, 0x88
    SIG a0                  // MIE = 0, MPIE = 1

    // ---- U-mode ------------------------------------------------------------------------
    // One PMP entry (NAPOT, whole address space, RWX) so U-mode may fetch and access memory.
    li t0, -1
    csrw pmpaddr0, t0
    li t0, 0x1f
    csrw pmpcfg0, t0
    csrw mcounteren, zero
    li t0, 0x1800
    csrc mstatus, t0        // MPP = U
    la t0, 3f
    csrw mepc, t0
    mret
3:  // now in U-mode
    TRAP_AT
    csrr a0, mscratch       // M CSR from U-mode: illegal
    TRAP_AT
    rdcycle a0              // mcounteren.CY = 0: illegal
    TRAP_AT
    rdinstret a0            // mcounteren.IR = 0: illegal
    TRAP_AT
    mret                    // mret from U-mode: illegal
    TRAP_AT
    ebreak                  // breakpoint from U-mode
    la s9, 4f
    TRAP_AT
    ecall                   // ecall from U-mode: cause 8, resume at 4f in M-mode
    li a0, 0xbad
    SIG a0
4:  csrr a0, mstatus
    srli a0, a0, 11
    andi a0, a0, 3
    SIG a0                  // MPP after the trap from U = 0

    TRAPS_UNEXPECTED
ISA_TEST_END
