// SPDX-License-Identifier: Apache-2.0
// ISA signature program: RV32I computational instructions.
// Register-register (add sub sll slt sltu xor srl sra or and) on every pair of a set of
// edge values (0, 1, -1, INT_MIN, INT_MAX, mixed bit patterns, shift amounts >= 32);
// register-immediate (addi slti sltiu xori ori andi) with the extreme 12-bit immediates;
// slli/srli/srai with shamt 0..31; lui; auipc (stored only as pc differences); x0 as rd.
#include "isa_macros.h"

#define VALS 0, 1, -1, INT_MIN, INT_MAX, 0x12345678, 0xfedcba93, 33
#define IMMS 0, 1, -1, 2047, -2048, 0x555, -0x556

.macro TEST_RR_ALL op
    .irp a, VALS
    .irp b, VALS
    TEST_RR \op, \a, \b
    .endr
    .endr
.endm

.macro TEST_RI_ALL op
    .irp a, VALS
    .irp imm, IMMS
    TEST_RI \op, \a, \imm
    .endr
    .endr
.endm

.macro TEST_SHIFT_ALL op
    .irp a, VALS
    .irp sh, 0, 1, 7, 16, 30, 31
    TEST_RI \op, \a, \sh
    .endr
    .endr
.endm

ISA_TEST_BEGIN
    // ---- register-register ----------------------------------------------------------------
    .irp op, add, sub, sll, slt, sltu, xor, srl, sra, or, and
    TEST_RR_ALL \op
    .endr

    // rd = rs1 = rs2, and x0 as a source
    li a0, 0x0f0f0f0f
    add a0, a0, a0
    SIG a0
    li a0, 5
    sub a0, zero, a0
    SIG a0
    li a0, 3
    sll a0, a0, a0
    SIG a0

    // ---- register-immediate ---------------------------------------------------------------
    .irp op, addi, slti, sltiu, xori, ori, andi
    TEST_RI_ALL \op
    .endr
    .irp op, slli, srli, srai
    TEST_SHIFT_ALL \op
    .endr

    // ---- x0 as the destination: the write is discarded ------------------------------------
    li a1, 1234
    add zero, a1, a1
    SIG zero
    addi zero, zero, 5
    SIG zero
    lui zero, 0x12345
    SIG zero
    addi a0, zero, -1       // reads of x0 give 0
    SIG a0

    // ---- lui ------------------------------------------------------------------------------
    .irp imm, 0, 1, 0x12345, 0x7ffff, 0x80000, 0xfffff
    lui a0, \imm
    SIG a0
    .endr
    lui a0, 0x80000
    addi a0, a0, -1         // lui + addi with a borrow: 0x7fffffff
    SIG a0

    // ---- auipc: only differences between pcs ----------------------------------------------
1:  auipc a0, 0
    auipc a1, 0
    sub a2, a1, a0          // 4
    SIG a2
    la a3, 1b
    sub a2, a0, a3          // auipc 0 gives its own pc: 0
    SIG a2
    .irp imm, 1, 0x7ffff, 0x80000, 0xfffff
2:  auipc a1, \imm
    la a3, 2b
    sub a2, a1, a3          // imm << 12
    SIG a2
    .endr
ISA_TEST_END
