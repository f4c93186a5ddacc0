// SPDX-License-Identifier: Apache-2.0
// ISA signature program: Zicsr.
// csrrw csrrs csrrc csrrwi csrrsi csrrci on mscratch, mtvec, mstatus, mie, mepc, mcause and
// mtval: old value returned, new value written, rd = x0 (no read needed), rs1 = x0 and
// zimm = 0 (no write: legal even on read-only CSRs such as mhartid and cycle), rd = rs1.
// mstatus and mie are stored masked to the fields both harts implement (QEMU also has
// S-mode and F/D state); mtvec modes 0 and 1 only (2 and 3 are reserved, WARL).
#include "isa_macros.h"

// CSR_OPS csr, mask: the six instructions on csr; each old value (masked) is stored.
.macro CSR_OPS csr, mask, v1, v2
    li a6, \mask
    li a1, \v1
    li a2, \v2
    csrrw a0, \csr, a1      // write v1
    csrrw a0, \csr, a2      // old = v1, write v2
    and a0, a0, a6
    SIG a0
    csrrs a0, \csr, a1      // old = v2, set v1's bits
    and a0, a0, a6
    SIG a0
    csrrc a0, \csr, a2      // old = v1|v2, clear v2's bits
    and a0, a0, a6
    SIG a0
    csrrs a0, \csr, zero    // read only
    and a0, a0, a6
    SIG a0
    csrrc a0, \csr, zero    // read only
    and a0, a0, a6
    SIG a0
    csrw \csr, a2           // csrrw x0
    csrr a0, \csr
    and a0, a0, a6
    SIG a0
    csrs \csr, a1           // csrrs x0
    csrc \csr, a2           // csrrc x0
    csrr a0, \csr
    and a0, a0, a6
    SIG a0
.endm

// CSR_IMM_OPS csr, mask[, values]: the immediate forms, zimm = 0 (no write) included.
.macro CSR_IMM_OPS csr, mask, w=31, s=21, c=5, w2=10, s2=1, c2=8
    li a6, \mask
    csrrwi a0, \csr, \w
    csrrwi a0, \csr, 0      // old = w (masked), write 0
    and a0, a0, a6
    SIG a0
    csrrsi a0, \csr, \s      // old = 0, set s
    and a0, a0, a6
    SIG a0
    csrrsi a0, \csr, 0      // zimm = 0: no write
    and a0, a0, a6
    SIG a0
    csrrci a0, \csr, \c      // old = s, clear c
    and a0, a0, a6
    SIG a0
    csrrci a0, \csr, 0      // no write
    and a0, a0, a6
    SIG a0
    csrwi \csr, \w2
    csrsi \csr, \s2
    csrci \csr, \c2
    csrr a0, \csr
    and a0, a0, a6
    SIG a0
.endm

ISA_TEST_BEGIN
    // ---- full-width read/write CSRs -------------------------------------------------------
    CSR_OPS mscratch, -1, 0x12345678, 0xf0f0f0f0
    CSR_IMM_OPS mscratch, -1
    CSR_OPS mcause, -1, 0x8000000b, 0x00000003
    CSR_IMM_OPS mcause, -1
    CSR_OPS mtval, -1, 0xdeadbeef, 0x00000001
    CSR_IMM_OPS mtval, -1
    // mepc: bit 0 is always zero (IALIGN = 16) but QEMU 7.2 keeps a written 1 there, so
    // only even values are written (docs/isa-tests.md).
    CSR_OPS mepc, -1, 0x12345678, 0x0000fffe
    CSR_IMM_OPS mepc, -1, 30, 22, 6, 10, 4, 8

    // ---- mtvec: modes 0 and 1; no trap can happen here (none is expected) -----------------
    csrr s0, mtvec
    CSR_OPS mtvec, -1, 0x10203040, 0x00000100
    CSR_IMM_OPS mtvec, -1, 28, 5, 4, 8, 1, 8   // modes 0 and 1 only
    li a1, 0x40000001       // vectored
    csrw mtvec, a1
    csrr a0, mtvec
    SIG a0
    csrw mtvec, s0

    // ---- mstatus: MIE, MPIE, MPP (M or U only), TW; MIE with mie = 0 ----------------------
    csrw mie, zero
    CSR_OPS mstatus, 0x00201888, 0x00001880, 0x00200008
    CSR_IMM_OPS mstatus, 0x00201888
    li a0, 0x1888
    csrc mstatus, a0
    li a0, 0x00200000
    csrc mstatus, a0

    // ---- mie: MSIE, MTIE, MEIE; with mstatus.MIE = 0 no interrupt is taken ----------------
    CSR_OPS mie, 0x888, 0x00000888, 0x00000080
    CSR_IMM_OPS mie, 0x888
    li a0, -1
    csrw mie, a0
    csrr a0, mie
    li a6, 0x888
    and a0, a0, a6
    SIG a0
    csrw mie, zero

    // ---- rd = rs1 -------------------------------------------------------------------------
    li a0, 0x55
    csrw mscratch, a0
    li a0, 0xaa
    csrrw a0, mscratch, a0
    SIG a0                  // 0x55
    csrr a0, mscratch
    SIG a0                  // 0xaa

    // ---- read-only CSRs: rs1 = x0 / zimm = 0 forms never write, so they do not trap -------
    csrrs a0, mhartid, zero
    SIG a0                  // hart 0
    csrrc a0, mhartid, zero
    SIG a0
    csrrsi a0, mhartid, 0
    SIG a0
    csrrci a0, mhartid, 0
    SIG a0
    csrrs a0, mvendorid, zero
    csrrsi a0, marchid, 0
    csrrci a0, mimpid, 0
    csrrs a0, cycle, zero
    csrrsi a0, instret, 0
    csrrci a0, time, 0
    li a0, 1
    SIG a0                  // reached without a trap
ISA_TEST_END
