// SPDX-License-Identifier: Apache-2.0
// ISA signature program: RV32I loads, stores and fences.
// lb lh lw lbu lhu at every naturally aligned offset of a pattern with both sign bits,
// positive and negative offsets up to +2047/-2048; sb sh sw (storing only the low bits of
// a register), read back as words; a load into x0; fence in several forms. Misaligned
// accesses are not tested: QEMU performs them, Epoxy traps (docs/isa-tests.md).
#include "isa_macros.h"

ISA_TEST_BEGIN
    // ---- loads ----------------------------------------------------------------------------
    la a0, pattern
    .irp off, 0, 1, 2, 3, 4, 5, 6, 7
    lb a1, \off(a0)
    SIG a1
    lbu a1, \off(a0)
    SIG a1
    .endr
    .irp off, 0, 2, 4, 6
    lh a1, \off(a0)
    SIG a1
    lhu a1, \off(a0)
    SIG a1
    .endr
    lw a1, 0(a0)
    SIG a1
    lw a1, 4(a0)
    SIG a1

    // negative and extreme offsets
    la a0, pattern + 8
    lw a1, -8(a0)
    SIG a1
    lb a1, -1(a0)
    SIG a1
    lhu a1, -2(a0)
    SIG a1
    la a0, far_word - 2047  // an odd base with the largest offset
    lw a1, 2047(a0)
    SIG a1
    la a0, far_word + 2048
    lw a1, -2048(a0)
    SIG a1
    lbu a1, -2045(a0)       // byte 3 of far_word
    SIG a1

    // rd = rs1, and x0 as the destination
    la a0, pattern
    lw a0, 0(a0)
    SIG a0
    la a0, pattern
    lw zero, 0(a0)
    SIG zero

    // ---- stores ---------------------------------------------------------------------------
    la a0, scratch
    li a1, 0x11223344
    sw a1, 0(a0)
    sw a1, 4(a0)
    li a2, 0xaabbccdd
    sb a2, 0(a0)            // only dd
    sb a2, 3(a0)
    sh a2, 6(a0)            // only ccdd
    lw a3, 0(a0)
    SIG a3                  // dd2233dd
    lw a3, 4(a0)
    SIG a3                  // ccdd3344
    li a2, -1
    sb a2, 1(a0)
    lbu a3, 1(a0)
    SIG a3
    lb a3, 1(a0)
    SIG a3
    sh zero, 2(a0)
    lw a3, 0(a0)
    SIG a3
    // negative and extreme store offsets
    la a0, scratch + 16
    sw a1, -16(a0)
    sh a1, -10(a0)
    sb a1, -5(a0)
    la a0, scratch
    lw a3, 0(a0)
    SIG a3
    lw a3, 4(a0)
    SIG a3
    la a0, far_word + 2048
    li a1, 0x5a5a0001
    sw a1, -2048(a0)
    la a0, far_word - 2044
    lw a3, 2044(a0)
    SIG a3
    sb zero, 2046(a0)       // byte 2 of far_word
    lw a3, 2044(a0)
    SIG a3
    sw zero, 0(a0)          // x0 as the data
    lw a3, 0(a0)
    SIG a3

    // ---- fences: ordering only, nothing to observe but that they execute ------------------
    fence
    fence rw, rw
    fence r, w
    fence iorw, o
    fence.tso
    li a0, 0x600d
    SIG a0

    .data
    .balign 4
pattern:
    .byte 0x80, 0x7f, 0xff, 0x01, 0x34, 0x82, 0xfe, 0x7f
scratch:
    .word 0, 0, 0, 0
    .skip 2048
far_word:
    .word 0x89abcdef
    .skip 2048
    .text
ISA_TEST_END
