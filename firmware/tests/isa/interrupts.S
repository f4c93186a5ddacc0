// SPDX-License-Identifier: Apache-2.0
// ISA signature program: machine interrupts (software and timer).
// mip.MSIP/MTIP follow the MSIP register and mtime >= mtimecmp; a pending interrupt is
// taken only when enabled in mie and (in M-mode) by mstatus.MIE; MSI before MTI when both
// are pending; mstatus on entry (MIE -> MPIE, MPP) and after mret; vectored mtvec (MSI at
// base + 12, MTI at base + 28, exceptions at base); M interrupts are taken in U-mode even
// with MIE = 0; wfi wakes on the timer and the interrupt's mepc is the next instruction.
// The handler logs mcause, mepc - s10 and mstatus (MIE, MPIE, MPP) to a buffer that is
// copied into the signature at the end.
#include "isa_macros.h"

#define LOG_WORDS 40

ISA_TEST_BEGIN
    li s0, ISA_MSIP
    li s1, ISA_MTIMECMP
    li s2, ISA_MTIME
    la s5, irq_log
    csrw mie, zero
    sw zero, 0(s0)
    li t0, -1               // mtimecmp = max: no timer interrupt
    sw t0, 4(s1)
    sw t0, 0(s1)

    // ---- mip follows the sources ----------------------------------------------------------
    csrr a0, mip
    andi a0, a0, 0x88
    SIG a0                  // 0
    li t0, 1
    sw t0, 0(s0)
    csrr a0, mip
    andi a0, a0, 0x88
    SIG a0                  // 0x08
    sw zero, 0(s1)          // mtimecmp = 0xffffffff_00000000: still in the future
    csrr a0, mip
    andi a0, a0, 0x88
    SIG a0                  // 0x08
    sw zero, 4(s1)          // mtimecmp = 0: pending
    csrr a0, mip
    andi a0, a0, 0x88
    SIG a0                  // 0x88

    // ---- pending but not enabled: nothing is taken ----------------------------------------
    la t0, irq_handler
    csrw mtvec, t0
    csrsi mstatus, 8        // MIE = 1, mie = 0
    nop
    csrci mstatus, 8
    li t0, 0x88
    csrw mie, t0            // mie enabled, MIE = 0 in M-mode
    nop
    csrw mie, zero
    la t0, irq_log
    sub a0, s5, t0
    SIG a0                  // 0: nothing logged

    // ---- MSI first, then MTI --------------------------------------------------------------
    li t0, 0x88
    csrw mie, t0
    la s10, 1f
    csrsi mstatus, 8        // both are taken before 1f: MSI, then (after its mret) MTI
1:  nop
    csrci mstatus, 8
    csrr a0, mip
    andi a0, a0, 0x88
    SIG a0                  // 0: the handler cleared both sources

    // ---- vectored mtvec -------------------------------------------------------------------
    la t0, vec_table
    ori t0, t0, 1
    csrw mtvec, t0
    li t0, 1
    sw t0, 0(s0)            // MSI
    li t0, 8
    csrw mie, t0
    la s10, 1f
    csrsi mstatus, 8
1:  nop
    csrci mstatus, 8
    la s10, 1f
1:  ecall                   // exceptions go to the base
    sw zero, 0(s1)          // mtimecmp = 0: MTI
    sw zero, 4(s1)
    li t0, 0x80
    csrw mie, t0
    la s10, 1f
    csrsi mstatus, 8
1:  nop
    csrci mstatus, 8
    csrw mie, zero
    la t0, irq_handler
    csrw mtvec, t0

    // ---- U-mode: M interrupts are taken whatever mstatus.MIE ------------------------------
    li t0, -1
    csrw pmpaddr0, t0
    li t0, 0x1f             // NAPOT, whole address space, RWX
    csrw pmpcfg0, t0
    li t0, 0x1888
    csrc mstatus, t0        // MIE = MPIE = 0, MPP = U
    li t0, 8
    csrw mie, t0
    li t0, 1
    sw t0, 0(s0)            // pending, but not taken in M-mode with MIE = 0
    nop
    la t0, 1f
    csrw mepc, t0
    la s10, 1f
    la s9, 2f
    mret
1:  nop                     // taken here
    SKIPPED
2:  csrw mie, zero

    // ---- wfi wakes on the timer; mepc is the instruction after the wfi --------------------
1:  lw a1, 4(s2)            // mtime, read consistently
    lw a0, 0(s2)
    lw t0, 4(s2)
    bne t0, a1, 1b
    li t0, 100000           // 10 ms of QEMU's 10 MHz mtime; the ISS skips to it
    add a2, a0, t0
    sltu a3, a2, a0
    add a3, a1, a3
    li t0, -1
    sw t0, 4(s1)
    sw a2, 0(s1)
    sw a3, 4(s1)
    li t0, 0x80
    csrw mie, t0
    la s10, 1f
    csrsi mstatus, 8
    wfi
1:  nop
    csrci mstatus, 8
    csrw mie, zero

    // ---- the log --------------------------------------------------------------------------
    la t0, irq_log
    sub a0, s5, t0
    srli a0, a0, 2
    SIG a0                  // words logged
    la a1, irq_log
    li a2, LOG_WORDS
1:  lw a0, 0(a1)
    SIG a0
    addi a1, a1, 4
    addi a2, a2, -1
    bnez a2, 1b
    SIG_RESERVE LOG_WORDS - 1
    j 9f

    // ---- handlers -------------------------------------------------------------------------
    // Log mcause, mepc - s10, mstatus & (MIE | MPIE | MPP); clear the interrupt's source;
    // after an exception resume at the next instruction; if s9 is set resume there in M-mode.
    .balign 4
irq_handler:
    csrr t6, mcause
    sw t6, 0(s5)
    csrr t6, mepc
    sub t6, t6, s10
    sw t6, 4(s5)
    csrr t6, mstatus
    li t5, 0x1888
    and t6, t6, t5
    sw t6, 8(s5)
    addi s5, s5, 12
    csrr t6, mcause
    bgez t6, 3f
    andi t6, t6, 31
    li t5, 3
    bne t6, t5, 1f
    sw zero, 0(s0)          // MSI: clear MSIP
    j 4f
1:  li t5, -1               // MTI: mtimecmp = max
    sw t5, 4(s1)
    sw t5, 0(s1)
    j 4f
3:  csrr t6, mepc           // exception (ecall): skip it
    addi t6, t6, 4
    csrw mepc, t6
4:  beqz s9, 5f
    csrw mepc, s9
    li t6, 0x1800
    csrs mstatus, t6
    li s9, 0
5:  mret

    // Vectored table: each used entry logs its number, then joins the common handler.
    .balign 64
vec_table:
    j vec_0
    .word 0, 0
    j vec_3
    .word 0, 0, 0
    j vec_7
vec_0:
    li t6, 0x100
    j 6f
vec_3:
    li t6, 0x103
    j 6f
vec_7:
    li t6, 0x107
6:  sw t6, 0(s5)
    addi s5, s5, 4
    j irq_handler

    .data
    .balign 4
irq_log:
    .fill LOG_WORDS, 4, 0
    .text
9:
ISA_TEST_END
