// SPDX-License-Identifier: Apache-2.0
// ISA signature program: RV32M.
// mul mulh mulhsu mulhu div divu rem remu on every pair of edge values, which includes
// division by zero and the signed overflow INT_MIN / -1, plus the rounding direction of
// division (towards zero) and the sign of the remainder (that of the dividend).
#include "isa_macros.h"

#define VALS 0, 1, -1, 2, INT_MIN, INT_MAX, 0x12345678, 0xfedcba93, 0xffff

ISA_TEST_BEGIN
    .irp op, mul, mulh, mulhsu, mulhu, div, divu, rem, remu
    .irp a, VALS
    .irp b, VALS
    TEST_RR \op, \a, \b
    .endr
    .endr
    .endr

    // rounding and remainder signs
    .irp op, div, divu, rem, remu
    .irp a, 7, -7
    .irp b, 2, -2, 3, -3
    TEST_RR \op, \a, \b
    .endr
    .endr
    .endr

    // rd = rs1 = rs2
    li a0, -3
    mul a0, a0, a0
    SIG a0
    li a0, INT_MIN
    div a0, a0, a0
    SIG a0
    li a0, 0
    div a0, a0, a0          // 0 / 0 = -1
    SIG a0
    li a0, 0
    remu a0, a0, a0         // 0 % 0 = 0
    SIG a0
ISA_TEST_END
