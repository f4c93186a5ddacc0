// SPDX-License-Identifier: Apache-2.0
// ISA signature program: every RV32C instruction (c.ebreak is in traps.S).
// Quadrant 0: c.addi4spn c.lw c.sw. Quadrant 1: c.nop c.addi c.jal c.li c.addi16sp c.lui
// c.srli c.srai c.andi c.sub c.xor c.or c.and c.j c.beqz c.bnez. Quadrant 2: c.slli c.lwsp
// c.jr c.mv c.jalr c.add c.swsp. Immediates at both ends of their range (negative,
// maximum), branch/jump offsets at their limits (c.j +2046/-2048, c.beqz/c.bnez +254/-256),
// each immediate and offset bit on its own, registers outside x8..x15 where the format
// allows, a few HINT encodings (executed as no-ops), and 32-bit instructions at addresses
// that are 2 mod 4.
#include "isa_macros.h"

ISA_TEST_BEGIN
    .option push
    .option rvc
    mv s8, sp

    // ---- c.li, c.lui, c.addi, c.nop -------------------------------------------------------
    c.li a0, -32
    SIG a0
    c.li t3, 31
    SIG t3
    c.li a0, 0
    SIG a0
    c.lui a0, 1
    SIG a0
    c.lui s2, 31
    SIG s2
    c.lui a0, 0xfffe0        // nzimm = -32: 0xfffe0000
    SIG a0
    c.lui a0, 0xfffff
    SIG a0
    c.li a0, 0
    c.addi a0, -32
    SIG a0
    c.addi a0, 31
    SIG a0
    c.li t1, 5
    c.addi t1, 1
    SIG t1
    c.nop
    c.li a0, 1
    c.nop
    SIG a0

    // ---- stack-pointer forms --------------------------------------------------------------
    la sp, cbuf_mid
    la s1, cbuf_mid
    c.addi16sp sp, -512
    sub a0, sp, s1
    SIG a0                  // -512
    c.addi16sp sp, 496
    sub a0, sp, s1
    SIG a0                  // -16
    c.addi16sp sp, 16
    sub a0, sp, s1
    SIG a0                  // 0
    c.addi4spn a0, sp, 4
    sub a0, a0, sp
    SIG a0
    c.addi4spn a5, sp, 1020
    sub a0, a5, sp
    SIG a0
    li a0, 0x11111111
    c.swsp a0, 0(sp)
    li a7, 0x22222222
    c.swsp a7, 4(sp)
    li a0, 0x33333333
    c.swsp a0, 252(sp)
    lw a0, 0(s1)
    SIG a0
    lw a0, 4(s1)
    SIG a0
    lw a0, 252(s1)
    SIG a0
    sw s1, 248(sp)          // a word that is not written by c.swsp
    li a0, 0x44444444
    sw a0, 248(s1)
    c.lwsp t2, 248(sp)
    SIG t2
    c.lwsp a0, 252(sp)
    SIG a0
    c.lwsp ra, 0(sp)
    SIG ra

    // ---- c.lw / c.sw ----------------------------------------------------------------------
    la s0, cbuf
    li a1, 0x55667788
    c.sw a1, 0(s0)
    li a2, -2
    c.sw a2, 124(s0)
    c.sw a1, 60(s0)
    lw a0, 0(s0)
    SIG a0
    c.lw a3, 124(s0)
    SIG a3
    c.lw a4, 60(s0)
    SIG a4
    c.lw s0, 0(s0)          // rd = rs1'
    SIG s0

    // ---- register-register ----------------------------------------------------------------
    li a1, 0x0ff00ff0
    li a2, 0x12345678
    c.mv a0, a1
    SIG a0
    c.mv s3, a2
    SIG s3
    c.mv a0, a1
    c.add a0, a2
    SIG a0
    c.mv t4, a2
    c.add t4, t4
    SIG t4
    .irp op, c.sub, c.xor, c.or, c.and
    c.mv a0, a1
    \op a0, a2
    SIG a0
    c.mv a3, a2
    \op a3, a1
    SIG a3
    .endr

    // ---- immediates and shifts ------------------------------------------------------------
    .irp imm, -32, -1, 0, 1, 31
    c.mv a0, a2
    c.andi a0, \imm
    SIG a0
    .endr
    li a4, 0x87654321
    .irp sh, 1, 4, 31
    c.mv a0, a4
    c.srli a0, \sh
    SIG a0
    c.mv a0, a4
    c.srai a0, \sh
    SIG a0
    c.mv a6, a4
    c.slli a6, \sh
    SIG a6
    .endr

    // ---- HINTs: architectural no-ops ------------------------------------------------------
    li a0, 77
    .2byte 0x0005           // c.addi x0, 1
    .2byte 0x4005           // c.li x0, 1
    .2byte 0x802a           // c.mv x0, a0
    .2byte 0x902a           // c.add x0, a0
    .2byte 0x0006           // c.slli x0, 1
    SIG a0

    // ---- 32-bit instructions at 2 mod 4 ---------------------------------------------------
    .balign 4
    c.nop
    .option push
    .option norvc
    addi a0, zero, 123      // at 2 mod 4, straddles a word boundary
    addi a0, a0, 1
    .option pop
    SIG a0

    // ---- c.j ------------------------------------------------------------------------------
    li a0, 0
    c.j 2f                  // +2046
    .fill 1022, 2, 0        // c.unimp: falling in traps
2:  c.addi a0, 1
    c.j 4f
3:  c.addi a0, 2            // target of the -2048 jump
    c.j 5f
    .fill 1022, 2, 0
4:  c.j 3b                  // -2048
5:  SIG a0                  // 3

    // ---- c.jal (link = pc + 2) ------------------------------------------------------------
1:  c.jal 2f
3:  SKIPPED
2:  la a1, 3b
    sub a0, ra, a1          // 0
    SIG a0
    la a1, 1b
    sub a0, ra, a1          // 2
    SIG a0
    li a0, 0
    c.j 4f
3:  c.addi a0, 1            // backward c.jal target
    c.j 5f
    .fill 1022, 2, 0
4:  c.jal 3b                // -2048
5:  SIG a0
    la a1, 4b
    sub a0, ra, a1
    SIG a0                  // 2
    c.jal 2f                // +2046
    .fill 1022, 2, 0
2:  SIG zero

    // ---- c.jr / c.jalr --------------------------------------------------------------------
    la a5, 2f
    c.jr a5
    SKIPPED
2:  la t0, 2f
1:  c.jalr t0
3:  SKIPPED
2:  la a1, 3b
    sub a0, ra, a1          // 0: link = pc + 2
    SIG a0
    la ra, 2f
    c.jalr ra               // rs1 = ra: target from the old value
1:  SKIPPED
2:  la a1, 1b
    sub a0, ra, a1
    SIG a0                  // 0
    la a1, 2f
    c.addi a1, 1            // odd target: bit 0 cleared
    c.jr a1
    SKIPPED
2:  // call/return in compressed code
    li a0, 3
    c.jal 6f
    SIG a0                  // 6
    c.j 7f
6:  c.add a0, a0
    c.jr ra
7:

    // ---- c.beqz / c.bnez ------------------------------------------------------------------
    .irp v, 0, 1, -1, INT_MIN
    li a0, \v
    li s1, 1
    c.beqz a0, 1f
    li s1, 0
1:  SIG s1
    li s1, 1
    c.bnez a0, 1f
    li s1, 0
1:  SIG s1
    .endr
    li a0, 0
    li a1, 0
    c.beqz a0, 2f           // +254
    .fill 126, 2, 0
2:  c.addi a1, 1
    c.j 4f
3:  c.addi a1, 2            // target of the -256 branch
    c.j 5f
    .fill 126, 2, 0
4:  c.bnez a1, 3b           // -256
5:  SIG a1                  // 3
    li a2, 4                // backward loop
1:  c.addi a2, -1
    c.bnez a2, 1b
    SIG a2

    // ---- every immediate bit on its own ---------------------------------------------------
    la s0, cbuf
    .irp off, 4, 8, 16, 32, 64
    li a1, 0x5a00 + \off
    c.sw a1, \off(s0)
    lw a0, \off(s0)
    SIG a0
    li a1, 0xa500 + \off
    sw a1, \off(s0)
    c.lw a0, \off(s0)
    SIG a0
    .endr
    la sp, cbuf
    .irp off, 4, 8, 16, 32, 64, 128
    li a1, 0x3c00 + \off
    c.swsp a1, \off(sp)
    lw a0, \off(sp)
    SIG a0
    li a1, 0xc300 + \off
    sw a1, \off(sp)
    c.lwsp a0, \off(sp)
    SIG a0
    .endr
    .irp imm, 4, 8, 16, 32, 64, 128, 256, 512
    c.addi4spn a0, sp, \imm
    sub a0, a0, sp
    SIG a0
    .endr
    la s1, cbuf_mid
    .irp imm, 16, 32, 64, 128, 256, -512
    mv sp, s1
    c.addi16sp sp, \imm
    sub a0, sp, s1
    SIG a0
    .endr
    li a0, 0               // c.j, c.jal, c.beqz, c.bnez forward by 2^k
    li a1, 0
    .irp k, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
    c.j 1f
    .fill (1 << (\k - 1)) - 1, 2, 0
1:  c.addi a0, 1
    c.jal 1f
    .fill (1 << (\k - 1)) - 1, 2, 0
1:  c.addi a0, 1
    .endr
    .irp k, 1, 2, 3, 4, 5, 6, 7
    c.beqz a1, 1f
    .fill (1 << (\k - 1)) - 1, 2, 0
1:  c.addi a0, 1
    c.bnez a0, 1f
    .fill (1 << (\k - 1)) - 1, 2, 0
1:  c.addi a0, 1
    .endr
    SIG a0                  // 34

    mv sp, s8
    .option pop

    .data
    .balign 16
cbuf:
    .skip 1024
cbuf_mid:
    .skip 1024
    .text
ISA_TEST_END
