// SPDX-License-Identifier: Apache-2.0
// ISA signature program: RV32I control transfer.
// beq bne blt bge bltu bgeu on every pair of signed/unsigned edge values (taken and not
// taken), backward loops with each branch, each offset bit on its own, the maximum branch
// offsets (+4092, -4096 with 32-bit code), jal (forward, backward, rd = x0, offsets beyond
// 4 KiB) and jalr (offsets, odd targets whose bit 0 is cleared, rd = rs1). Link values are
// stored as differences.
#include "isa_macros.h"

#define VALS 0, 1, -1, 2, INT_MIN, INT_MAX, 0x80000001

ISA_TEST_BEGIN
    // ---- every branch on every pair: 1 if taken -------------------------------------------
    .irp cond, beq, bne, blt, bge, bltu, bgeu
    .irp a, VALS
    .irp b, VALS
    li a1, \a
    li a2, \b
    SIG_BOOL \cond, a1, a2
    .endr
    .endr
    .endr

    // x0 as either operand
    li a1, -5
    SIG_BOOL blt, a1, zero
    SIG_BOOL bltu, zero, a1
    SIG_BOOL bge, zero, a1
    SIG_BOOL bgeu, zero, zero

    // ---- backward branches: count loop iterations -----------------------------------------
    li a0, 0
    li a1, 7
1:  addi a0, a0, 1
    bne a0, a1, 1b
    SIG a0                  // 7
    li a0, -3
1:  addi a0, a0, 1
    blt a0, zero, 1b
    SIG a0                  // 0
    li a0, 10
    li a1, 4
1:  addi a0, a0, -1
    bge a0, a1, 1b
    SIG a0                  // 3
    li a0, 0
    li a1, 5
1:  addi a0, a0, 1
    bltu a0, a1, 1b
    SIG a0                  // 5
    li a0, 9
    li a1, 2
1:  addi a0, a0, -2
    bgeu a0, a1, 1b
    SIG a0                  // 1
    li a0, 0
    li a1, 0
1:  addi a1, a1, 1
    addi a0, a0, 1
    beq a1, zero, 1b        // not taken on the way back: one iteration
    SIG a0                  // 1

    // ---- maximum branch offsets -----------------------------------------------------------
    li a0, 0
    beq zero, zero, 2f      // +4092 (the largest multiple of 4 below +4096)
    .fill 1022, 4, 0        // illegal instructions: falling in fails with a trap
2:  addi a0, a0, 1
    j 4f
3:  addi a0, a0, 2          // target of the -4096 branch
    j 5f
    .fill 1022, 4, 0
4:  bne a0, zero, 3b        // -4096: (1022 + 2) words back
    SKIPPED
5:  SIG a0                  // 3

    // ---- every offset bit on its own: forward by 2^k --------------------------------------
    li a0, 0
    .irp k, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
    beq zero, zero, 1f
    .fill (1 << (\k - 2)) - 1, 4, 0
1:  addi a0, a0, 1
    bgeu a0, zero, 1f
    .fill (1 << (\k - 2)) - 1, 4, 0
1:  addi a0, a0, 1
    .endr
    .irp k, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13
    jal zero, 1f
    .fill (1 << (\k - 2)) - 1, 4, 0
1:  addi a0, a0, 1
    .endr
    SIG a0                  // 32

    // ---- jal ------------------------------------------------------------------------------
1:  jal ra, 2f
3:  SKIPPED
2:  la a1, 3b
    sub a0, ra, a1          // link = address after the jal: 0
    SIG a0
    la a1, 1b
    sub a0, ra, a1          // 4
    SIG a0
    jal zero, 2f            // j: no link
    SKIPPED
2:  li a0, 0
    jal s0, 4f              // forward beyond 4 KiB
    SKIPPED
3:  addi a0, a0, 1          // backward target
    jal zero, 5f
    .fill 2048, 4, 0
4:  addi a0, a0, 2
    jal t0, 3b              // backward beyond 4 KiB
5:  SIG a0                  // 3

    // ---- jalr -----------------------------------------------------------------------------
    la a1, 2f
    jalr ra, 0(a1)
1:  SKIPPED
2:  la a2, 1b
    sub a0, ra, a2          // 0
    SIG a0
    la a1, 2f + 16
    jalr ra, -16(a1)        // negative offset
    SKIPPED
2:  la a1, 2f - 2000
    jalr ra, 2000(a1)       // positive offset
    SKIPPED
2:  la a1, 2f
    addi a1, a1, 1
    jalr ra, 0(a1)          // odd target: bit 0 is cleared
    SKIPPED
2:  la a1, 2f
    jalr ra, 1(a1)          // odd through the immediate
    SKIPPED
2:  la a1, 2f
1:  jalr a1, 0(a1)          // rd = rs1: the target uses the old value
    SKIPPED
2:  la a2, 1b
    sub a0, a1, a2          // link = 1b + 4: 4
    SIG a0
    la a1, 2f
    jalr zero, 0(a1)        // jr
    SKIPPED
2:  // call/ret through a subroutine
    li a0, 5
    jal ra, 6f
    SIG a0                  // 10
    j 7f
6:  add a0, a0, a0
    jalr zero, 0(ra)
7:
ISA_TEST_END
