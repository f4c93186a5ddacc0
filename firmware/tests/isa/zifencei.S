// SPDX-License-Identifier: Apache-2.0
// ISA signature program: Zifencei.
// Self-modifying code: a routine is executed, one of its instructions is overwritten with
// a new one by a store, fence.i is executed, and the routine runs again and must execute
// the new instruction. Done in a loop with eight different instructions, with a 16-bit
// (RVC) replacement, and for code that was never executed before the store.
#include "isa_macros.h"

ISA_TEST_BEGIN
    // ---- run, patch, fence.i, run again: addi a0, zero, k for k = 0..7 --------------------
    jal ra, patch_me
    SIG a0                  // the original: 100
    li s0, 0
    li s1, 8
    la s2, patch_site
1:  slli a1, s0, 20
    li a2, 0x00000513       // addi a0, zero, 0
    or a1, a1, a2
    sw a1, 0(s2)
    fence.i
    jal ra, patch_me
    SIG a0                  // k
    addi s0, s0, 1
    bne s0, s1, 1b
    SIG_RESERVE 7           // the loop stores 8 words; SIG counted one

    // ---- replace a 32-bit instruction with two 16-bit ones --------------------------------
    la s2, patch_site
    li a1, 0x0505557d       // c.li a0, -1 ; c.addi a0, 1 (low halfword first)
    sw a1, 0(s2)
    fence.i
    jal ra, patch_me
    SIG a0                  // 0

    // ---- code never executed before -------------------------------------------------------
    la s2, fresh_site
    li a1, 0x02a00593       // addi a1, zero, 42
    sw a1, 0(s2)
    fence.i
    li a1, 0
    jal ra, fresh
    SIG a1                  // 42
    j 2f

    .balign 4
patch_me:
patch_site:
    addi a0, zero, 100
    jalr zero, 0(ra)
fresh:
fresh_site:
    addi a1, zero, 7
    jalr zero, 0(ra)
2:
ISA_TEST_END
