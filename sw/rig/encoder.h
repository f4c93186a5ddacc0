// SPDX-License-Identifier: Apache-2.0
// Instruction encoders for the random instruction-stream generator.
//
// Written from the base and RVC formats of the unprivileged specification (20191213,
// chapters 2 and 16), in the same spirit as tests/unit/encode.h but as a library header:
// the generator must not depend on the test tree. Encoders do not validate operands, so
// the generator can also build reserved encodings with them.
#pragma once

#include <cstdint>

namespace epoxy::rig::enc {

constexpr uint32_t bits(uint32_t v, unsigned hi, unsigned lo) {
    return (v >> lo) & ((1u << (hi - lo + 1)) - 1u);
}

// ---- 32-bit formats --------------------------------------------------------------------
constexpr uint32_t r(uint32_t f7, unsigned rs2, unsigned rs1, uint32_t f3, unsigned rd,
                     uint32_t op) {
    return (f7 << 25) | ((rs2 & 31u) << 20) | ((rs1 & 31u) << 15) | (f3 << 12) | ((rd & 31u) << 7) |
           op;
}
constexpr uint32_t i(int32_t imm, unsigned rs1, uint32_t f3, unsigned rd, uint32_t op) {
    return (bits(uint32_t(imm), 11, 0) << 20) | ((rs1 & 31u) << 15) | (f3 << 12) |
           ((rd & 31u) << 7) | op;
}
constexpr uint32_t s(int32_t imm, unsigned rs2, unsigned rs1, uint32_t f3, uint32_t op) {
    const uint32_t u = uint32_t(imm);
    return (bits(u, 11, 5) << 25) | ((rs2 & 31u) << 20) | ((rs1 & 31u) << 15) | (f3 << 12) |
           (bits(u, 4, 0) << 7) | op;
}
constexpr uint32_t b(int32_t off, unsigned rs2, unsigned rs1, uint32_t f3) {
    const uint32_t u = uint32_t(off);
    return (bits(u, 12, 12) << 31) | (bits(u, 10, 5) << 25) | ((rs2 & 31u) << 20) |
           ((rs1 & 31u) << 15) | (f3 << 12) | (bits(u, 4, 1) << 8) | (bits(u, 11, 11) << 7) | 0x63u;
}
constexpr uint32_t u(uint32_t imm20, unsigned rd, uint32_t op) {
    return (bits(imm20, 19, 0) << 12) | ((rd & 31u) << 7) | op;
}
constexpr uint32_t j(int32_t off, unsigned rd) {
    const uint32_t v = uint32_t(off);
    return (bits(v, 20, 20) << 31) | (bits(v, 10, 1) << 21) | (bits(v, 11, 11) << 20) |
           (bits(v, 19, 12) << 12) | ((rd & 31u) << 7) | 0x6Fu;
}
// Replace the 12-bit immediate of an I-type instruction.
constexpr uint32_t with_imm_i(uint32_t insn, int32_t imm) {
    return (insn & 0x000FFFFFu) | (bits(uint32_t(imm), 11, 0) << 20);
}

constexpr uint32_t kLoad = 0x03, kMiscMem = 0x0F, kOpImm = 0x13, kAuipc = 0x17, kStore = 0x23,
                   kOp = 0x33, kLui = 0x37, kBranch = 0x63, kJalr = 0x67, kJal = 0x6F,
                   kSystem = 0x73;

constexpr uint32_t lui(unsigned rd, uint32_t imm20) {
    return u(imm20, rd, kLui);
}
constexpr uint32_t auipc(unsigned rd, uint32_t imm20) {
    return u(imm20, rd, kAuipc);
}
constexpr uint32_t jal(unsigned rd, int32_t off) {
    return j(off, rd);
}
constexpr uint32_t jalr(unsigned rd, unsigned rs1, int32_t off) {
    return i(off, rs1, 0, rd, kJalr);
}
// Branch funct3: beq 0, bne 1, blt 4, bge 5, bltu 6, bgeu 7.
constexpr uint32_t branch(uint32_t f3, unsigned rs1, unsigned rs2, int32_t off) {
    return b(off, rs2, rs1, f3);
}
// Load funct3: lb 0, lh 1, lw 2, lbu 4, lhu 5. Store funct3: sb 0, sh 1, sw 2.
constexpr uint32_t load(uint32_t f3, unsigned rd, unsigned rs1, int32_t off) {
    return i(off, rs1, f3, rd, kLoad);
}
constexpr uint32_t store(uint32_t f3, unsigned rs2, unsigned rs1, int32_t off) {
    return s(off, rs2, rs1, f3, kStore);
}
constexpr uint32_t addi(unsigned rd, unsigned rs1, int32_t imm) {
    return i(imm, rs1, 0, rd, kOpImm);
}
constexpr uint32_t op_imm(uint32_t f3, unsigned rd, unsigned rs1, int32_t imm) {
    return i(imm, rs1, f3, rd, kOpImm);
}
constexpr uint32_t op(uint32_t f7, uint32_t f3, unsigned rd, unsigned rs1, unsigned rs2) {
    return r(f7, rs2, rs1, f3, rd, kOp);
}
constexpr uint32_t fence(unsigned pred, unsigned succ, unsigned fm = 0) {
    return (bits(fm, 3, 0) << 28) | (bits(pred, 3, 0) << 24) | (bits(succ, 3, 0) << 20) | kMiscMem;
}
constexpr uint32_t fence_i() {
    return i(0, 0, 1, 0, kMiscMem);
}
// CSR funct3: csrrw 1, csrrs 2, csrrc 3, csrrwi 5, csrrsi 6, csrrci 7 (rs1 is uimm for the i
// forms).
constexpr uint32_t csr(uint32_t f3, unsigned rd, uint32_t csr_addr, unsigned rs1) {
    return ((csr_addr & 0xFFFu) << 20) | ((rs1 & 31u) << 15) | (f3 << 12) | ((rd & 31u) << 7) |
           kSystem;
}
constexpr uint32_t csrr(unsigned rd, uint32_t a) {
    return csr(2, rd, a, 0);
}
constexpr uint32_t csrw(uint32_t a, unsigned rs1) {
    return csr(1, 0, a, rs1);
}
constexpr uint32_t csrs(uint32_t a, unsigned rs1) {
    return csr(2, 0, a, rs1);
}
constexpr uint32_t csrc(uint32_t a, unsigned rs1) {
    return csr(3, 0, a, rs1);
}
constexpr uint32_t csrsi(uint32_t a, unsigned uimm) {
    return csr(6, 0, a, uimm);
}
constexpr uint32_t csrci(uint32_t a, unsigned uimm) {
    return csr(7, 0, a, uimm);
}

constexpr uint32_t kEcall = 0x00000073u, kEbreak = 0x00100073u, kMret = 0x30200073u,
                   kWfi = 0x10500073u;

// ---- RVC (16-bit parcels) ----------------------------------------------------------------
namespace c {

constexpr uint32_t p(unsigned x) {
    return (x - 8u) & 7u;
}  // x8..x15 -> 3-bit field

constexpr uint16_t addi4spn(unsigned rd, uint32_t nzuimm) {
    return uint16_t((bits(nzuimm, 5, 4) << 11) | (bits(nzuimm, 9, 6) << 7) |
                    (bits(nzuimm, 2, 2) << 6) | (bits(nzuimm, 3, 3) << 5) | (p(rd) << 2));
}
constexpr uint16_t lw(unsigned rd, unsigned rs1, uint32_t uimm) {
    return uint16_t((2u << 13) | (bits(uimm, 5, 3) << 10) | (p(rs1) << 7) |
                    (bits(uimm, 2, 2) << 6) | (bits(uimm, 6, 6) << 5) | (p(rd) << 2));
}
constexpr uint16_t sw(unsigned rs2, unsigned rs1, uint32_t uimm) {
    return uint16_t((6u << 13) | (bits(uimm, 5, 3) << 10) | (p(rs1) << 7) |
                    (bits(uimm, 2, 2) << 6) | (bits(uimm, 6, 6) << 5) | (p(rs2) << 2));
}
// CI format: imm[5] at 12, imm[4:0] at 6:2.
constexpr uint16_t ci(uint32_t f3, unsigned rd, int32_t imm6, uint32_t q) {
    return uint16_t((f3 << 13) | (bits(uint32_t(imm6), 5, 5) << 12) | ((rd & 31u) << 7) |
                    (bits(uint32_t(imm6), 4, 0) << 2) | q);
}
constexpr uint16_t nop() {
    return ci(0, 0, 0, 1);
}
constexpr uint16_t addi(unsigned rd, int32_t imm) {
    return ci(0, rd, imm, 1);
}
constexpr uint16_t li(unsigned rd, int32_t imm) {
    return ci(2, rd, imm, 1);
}
constexpr uint16_t lui(unsigned rd, int32_t imm6) {
    return ci(3, rd, imm6, 1);
}
constexpr uint16_t addi16sp(int32_t nzimm) {
    const uint32_t v = uint32_t(nzimm);
    return uint16_t((3u << 13) | (bits(v, 9, 9) << 12) | (2u << 7) | (bits(v, 4, 4) << 6) |
                    (bits(v, 6, 6) << 5) | (bits(v, 8, 7) << 3) | (bits(v, 5, 5) << 2) | 1u);
}
constexpr uint16_t cj(uint32_t f3, int32_t off) {
    const uint32_t v = uint32_t(off);
    return uint16_t((f3 << 13) | (bits(v, 11, 11) << 12) | (bits(v, 4, 4) << 11) |
                    (bits(v, 9, 8) << 9) | (bits(v, 10, 10) << 8) | (bits(v, 6, 6) << 7) |
                    (bits(v, 7, 7) << 6) | (bits(v, 3, 1) << 3) | (bits(v, 5, 5) << 2) | 1u);
}
constexpr uint16_t jal(int32_t off) {
    return cj(1, off);
}
constexpr uint16_t j(int32_t off) {
    return cj(5, off);
}
constexpr uint16_t cb(uint32_t f3, unsigned rs1, int32_t off) {
    const uint32_t v = uint32_t(off);
    return uint16_t((f3 << 13) | (bits(v, 8, 8) << 12) | (bits(v, 4, 3) << 10) | (p(rs1) << 7) |
                    (bits(v, 7, 6) << 5) | (bits(v, 2, 1) << 3) | (bits(v, 5, 5) << 2) | 1u);
}
constexpr uint16_t beqz(unsigned rs1, int32_t off) {
    return cb(6, rs1, off);
}
constexpr uint16_t bnez(unsigned rs1, int32_t off) {
    return cb(7, rs1, off);
}
// funct2 at 11:10: srli 0, srai 1, andi 2. imm6/shamt: bit 5 at 12, bits 4:0 at 6:2.
constexpr uint16_t alu_imm(uint32_t f2, unsigned rd, uint32_t imm6) {
    return uint16_t((4u << 13) | (bits(imm6, 5, 5) << 12) | (f2 << 10) | (p(rd) << 7) |
                    (bits(imm6, 4, 0) << 2) | 1u);
}
// CA: funct2 at 6:5: sub 0, xor 1, or 2, and 3; bit 12 = 1 gives the RV64 subw/addw.
constexpr uint16_t ca(uint32_t f2, unsigned rd, unsigned rs2, uint32_t bit12 = 0) {
    return uint16_t((4u << 13) | (bit12 << 12) | (3u << 10) | (p(rd) << 7) | (f2 << 5) |
                    (p(rs2) << 2) | 1u);
}
constexpr uint16_t slli(unsigned rd, uint32_t shamt) {
    return uint16_t((bits(shamt, 5, 5) << 12) | ((rd & 31u) << 7) | (bits(shamt, 4, 0) << 2) | 2u);
}
constexpr uint16_t lwsp(unsigned rd, uint32_t uimm) {
    return uint16_t((2u << 13) | (bits(uimm, 5, 5) << 12) | ((rd & 31u) << 7) |
                    (bits(uimm, 4, 2) << 4) | (bits(uimm, 7, 6) << 2) | 2u);
}
constexpr uint16_t swsp(unsigned rs2, uint32_t uimm) {
    return uint16_t((6u << 13) | (bits(uimm, 5, 2) << 9) | (bits(uimm, 7, 6) << 7) |
                    ((rs2 & 31u) << 2) | 2u);
}
// CR: funct4 at 15:12.
constexpr uint16_t cr(uint32_t f4, unsigned rd, unsigned rs2) {
    return uint16_t((f4 << 12) | ((rd & 31u) << 7) | ((rs2 & 31u) << 2) | 2u);
}
constexpr uint16_t jr(unsigned rs1) {
    return cr(8, rs1, 0);
}
constexpr uint16_t mv(unsigned rd, unsigned rs2) {
    return cr(8, rd, rs2);
}
constexpr uint16_t ebreak() {
    return cr(9, 0, 0);
}
constexpr uint16_t jalr(unsigned rs1) {
    return cr(9, rs1, 0);
}
constexpr uint16_t add(unsigned rd, unsigned rs2) {
    return cr(9, rd, rs2);
}

}  // namespace c
}  // namespace epoxy::rig::enc
