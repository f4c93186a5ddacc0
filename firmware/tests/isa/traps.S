// SPDX-License-Identifier: Apache-2.0
// ISA signature program: synchronous traps, mret and U-mode.
// ecall (M and U), ebreak, c.ebreak, illegal instructions of several kinds (unknown
// opcodes, c.unimp, reserved compressed encodings, writes to read-only CSRs, unknown CSRs,
// M-mode CSRs and mret from U-mode, wfi in U-mode with mstatus.TW = 1), mret's effect on
// mstatus and the privilege mode, and wfi in M-mode with an interrupt pending. Every trap
// stores mcause and mepc - (address of the trapping instruction); mtval is stored for
// ecall (0) and illegal instructions (the instruction bits, 16 or 32), where both harts
// agree, and not for ebreak, where it is implementation-defined (docs/isa-tests.md).
#include "isa_macros.h"

// TRAP insn: execute insn, store mcause and mepc - insn (-1, -1 if it did not trap).
.macro TRAP insn:vararg
    CATCH \insn
    SIG s7
    SIG s6
.endm

// TRAP_TVAL insn: as TRAP, and also store mtval.
.macro TRAP_TVAL insn:vararg
    csrw mtval, zero
    TRAP \insn
    csrr a0, mtval
    SIG a0
.endm

ISA_TEST_BEGIN
    TRAPS_CATCH

    // ---- ecall and ebreak in M-mode -------------------------------------------------------
    TRAP_TVAL ecall          // mtval = 0
    TRAP ebreak             // mtval: pc on Epoxy, 0 on QEMU (both allowed): not stored
    .option push
    .option rvc
    TRAP c.ebreak
    .balign 4
    .option pop

    // ---- illegal instructions -------------------------------------------------------------
    TRAP_TVAL .word 0x0000000b   // custom-0 opcode
    TRAP_TVAL .word 0x0000007f   // opcode 1111111: reserved (>= 80-bit encodings)
    TRAP_TVAL .word 0xffffffff
    TRAP_TVAL .word 0x00000000   // two c.unimp halfwords: the second traps too (mepc +2)
    TRAP_TVAL .2byte 0x0000      // c.unimp (the all-zero halfword)
    .2byte 0x0001           // c.nop, to stay 4-byte aligned
    TRAP_TVAL unimp              // csrrw x0, cycle, x0: write to a read-only CSR
    TRAP_TVAL csrw mvendorid, a0 // read-only M CSR
    // Not tested: csrrs/csrrc with rs1 != x0 holding 0 on a read-only CSR. The spec makes
    // it a write attempt (illegal instruction); QEMU 7.2 treats it as a read.
    TRAP_TVAL csrrsi a0, mhartid, 1
    TRAP_TVAL csrrwi a0, cycle, 0    // csrrwi always writes, even with zimm = 0
    TRAP_TVAL csrr a0, 0x7c0     // custom M-mode CSR number: not implemented
    TRAP_TVAL csrr a0, 0x5c0     // custom S-mode CSR number: not implemented
    TRAP_TVAL .word 0x00200073   // uret: no N extension
    TRAP_TVAL .word 0x30200077   // mret's bits with a reserved major opcode
    TRAP_TVAL .2byte 0x6081      // c.lui x1, 0: reserved (nzimm = 0)
    .2byte 0x0001
    TRAP_TVAL .2byte 0x8002      // c.jr x0: reserved
    .2byte 0x0001
    TRAP_TVAL .2byte 0x4002      // c.lwsp x0: reserved
    .2byte 0x0001
    TRAP_TVAL .2byte 0x0004      // c.addi4spn x9, sp, 0: reserved (nzuimm = 0)
    .2byte 0x0001
    TRAP_TVAL .2byte 0x6101      // c.addi16sp sp, 0: reserved
    .2byte 0x0001
    TRAP_TVAL .2byte 0x1506      // c.slli a0, 33: shamt[5] = 1 is not RV32
    .2byte 0x0001
    TRAP_TVAL .2byte 0x9001      // c.srli s0, 32: shamt[5] = 1 is not RV32
    .2byte 0x0001
    TRAP_TVAL .2byte 0x9c01      // c.subw s0, s0: RV64 only
    .2byte 0x0001
    // Floating-point compressed loads and stores: no F/D on Epoxy, and mstatus.FS = Off on
    // QEMU, so both harts must reject them.
    la s0, scratch
    .irp enc, 0x2000, 0x6000, 0xa000, 0xe000, 0x2002, 0x6002, 0xa002, 0xe002
    TRAP_TVAL .2byte \enc
    .2byte 0x0001
    .endr

    // ---- mret in M-mode: MIE <- MPIE, MPIE <- 1, MPP <- U, pc <- mepc ---------------------
    li t0, 0x1888
    csrc mstatus, t0
    li t0, 0x1880           // MPP = M, MPIE = 1, MIE = 0
    csrs mstatus, t0
    la t0, 1f
    csrw mepc, t0
    csrw mie, zero          // so that MIE = 1 takes no interrupt
    mret
    SKIPPED
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
    SKIPPED
2:  csrr a0, mstatus
    andi a0, a0, 0x88
    SIG a0                  // MIE = 0, MPIE = 1

    // A trap from M-mode: MPP = M, MPIE <- MIE, MIE <- 0.
    li t0, 0x1888
    csrc mstatus, t0
    csrsi mstatus, 8        // MIE = 1 (mie = 0: no interrupt)
    TRAP ecall
    csrr a0, mstatus        // the handler's mret restored MIE from MPIE
    li t0, 0x1888
    and a0, a0, t0
    SIG a0                  // MIE = 1, MPIE = 1, MPP = U after the mret
    csrci mstatus, 8

    // ---- wfi in M-mode returns once an enabled interrupt is pending, even with MIE = 0 ----
    li t0, 8
    csrw mie, t0            // MSIE
    li t1, ISA_MSIP
    li t0, 1
    sw t0, 0(t1)            // raise the machine software interrupt
    li t0, 0x00200000
    csrs mstatus, t0        // TW = 1 does not apply to M-mode
    wfi
    csrc mstatus, t0
    sw zero, 0(t1)
    csrw mie, zero
    li a0, 1
    SIG a0                  // reached: no trap, no hang

    // ---- U-mode ---------------------------------------------------------------------------
    // One PMP entry (NAPOT, whole address space, RWX) so U-mode may fetch and access memory.
    li t0, -1
    csrw pmpaddr0, t0
    li t0, 0x1f
    csrw pmpcfg0, t0
    csrw mcounteren, zero
    li t0, 0x00200000
    csrs mstatus, t0        // TW = 1
    li t0, 0x1800
    csrc mstatus, t0        // MPP = U
    li t0, 0x00020000
    csrs mstatus, t0        // MPRV = 1 (M-mode data accesses as U: PMP allows them)
    la t0, 3f
    csrw mepc, t0
    mret
    SKIPPED
3:  // now in U-mode
    TRAP csrr a0, mscratch  // M CSR from U-mode: illegal
    TRAP csrw mscratch, a0
    TRAP csrr a0, mhartid   // read-only M CSR: still M-level
    TRAP rdcycle a0         // mcounteren.CY = 0: illegal
    TRAP mret               // mret from U-mode: illegal
    TRAP wfi                // mstatus.TW = 1: illegal in U-mode
    TRAP ebreak             // breakpoint from U-mode: cause 3
    la s9, 4f
    CATCH ecall             // ecall from U-mode: cause 8, resume at 4f in M-mode
    SKIPPED
4:  SIG s7
    SIG s6
    csrr a0, mstatus
    srli a0, a0, 11
    andi a0, a0, 3
    SIG a0                  // MPP after the trap from U = 0
    // Not stored: mstatus.MPRV here. The mret to U-mode must have cleared it (privileged
    // spec 1.12, 3.1.6.3; Epoxy does); QEMU 7.2 leaves it set.
    li t0, 0x00020000
    csrc mstatus, t0
    li t0, 0x00200000
    csrc mstatus, t0

    TRAPS_UNEXPECTED

    .data
    .balign 16
scratch:
    .skip 512
    .text
ISA_TEST_END
