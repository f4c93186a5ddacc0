// SPDX-License-Identifier: Apache-2.0
// RISC-V instruction encoders, so code that builds programs reads like assembly:
// enc::addi(5, 0, -1). Used by the unit and RTL tests and by the random program generator.
//
// Written from the field layouts of the RISC-V unprivileged specification (20191213,
// chapter 2 "Base Instruction Formats" and chapter 16 "RVC"), independently of the ISS's
// decoder and RVC expander, so the tests check the ISS against the spec and not against
// itself. 32-bit encoders return the instruction word; c:: encoders return a 16-bit parcel.
// Encoders do not validate their operands: tests also build reserved encodings with them.
#pragma once

#include <cstdint>

namespace enc {

// ---- Formats -----------------------------------------------------------------------------
constexpr uint32_t field(uint32_t v, unsigned hi, unsigned lo) {
    return (v >> lo) & ((1u << (hi - lo + 1)) - 1u);
}
constexpr uint32_t r_type(uint32_t f7, unsigned rs2, unsigned rs1, uint32_t f3, unsigned rd,
                          uint32_t opcode) {
    return (f7 << 25) | ((rs2 & 31u) << 20) | ((rs1 & 31u) << 15) | (f3 << 12) | ((rd & 31u) << 7) |
           opcode;
}
constexpr uint32_t i_type(int32_t imm, unsigned rs1, uint32_t f3, unsigned rd, uint32_t opcode) {
    return (field(uint32_t(imm), 11, 0) << 20) | ((rs1 & 31u) << 15) | (f3 << 12) |
           ((rd & 31u) << 7) | opcode;
}
constexpr uint32_t s_type(int32_t imm, unsigned rs2, unsigned rs1, uint32_t f3, uint32_t opcode) {
    const uint32_t u = uint32_t(imm);
    return (field(u, 11, 5) << 25) | ((rs2 & 31u) << 20) | ((rs1 & 31u) << 15) | (f3 << 12) |
           (field(u, 4, 0) << 7) | opcode;
}
constexpr uint32_t b_type(int32_t imm, unsigned rs2, unsigned rs1, uint32_t f3) {
    const uint32_t u = uint32_t(imm);
    return (field(u, 12, 12) << 31) | (field(u, 10, 5) << 25) | ((rs2 & 31u) << 20) |
           ((rs1 & 31u) << 15) | (f3 << 12) | (field(u, 4, 1) << 8) | (field(u, 11, 11) << 7) |
           0x63u;
}
constexpr uint32_t u_type(uint32_t imm20, unsigned rd, uint32_t opcode) {
    return (field(imm20, 19, 0) << 12) | ((rd & 31u) << 7) | opcode;
}
constexpr uint32_t j_type(int32_t imm, unsigned rd) {
    const uint32_t u = uint32_t(imm);
    return (field(u, 20, 20) << 31) | (field(u, 10, 1) << 21) | (field(u, 11, 11) << 20) |
           (field(u, 19, 12) << 12) | ((rd & 31u) << 7) | 0x6Fu;
}

constexpr uint32_t kOpLoad = 0x03, kOpMiscMem = 0x0F, kOpImm = 0x13, kOpAuipc = 0x17,
                   kOpStore = 0x23, kOp = 0x33, kOpLui = 0x37, kOpBranch = 0x63, kOpJalr = 0x67,
                   kOpJal = 0x6F, kOpSystem = 0x73;

// ---- RV32I ---------------------------------------------------------------------------------
constexpr uint32_t lui(unsigned rd, uint32_t imm20) {
    return u_type(imm20, rd, kOpLui);
}
constexpr uint32_t auipc(unsigned rd, uint32_t imm20) {
    return u_type(imm20, rd, kOpAuipc);
}
constexpr uint32_t jal(unsigned rd, int32_t off) {
    return j_type(off, rd);
}
constexpr uint32_t jalr(unsigned rd, unsigned rs1, int32_t off) {
    return i_type(off, rs1, 0, rd, kOpJalr);
}

constexpr uint32_t beq(unsigned a, unsigned b, int32_t off) {
    return b_type(off, b, a, 0);
}
constexpr uint32_t bne(unsigned a, unsigned b, int32_t off) {
    return b_type(off, b, a, 1);
}
constexpr uint32_t blt(unsigned a, unsigned b, int32_t off) {
    return b_type(off, b, a, 4);
}
constexpr uint32_t bge(unsigned a, unsigned b, int32_t off) {
    return b_type(off, b, a, 5);
}
constexpr uint32_t bltu(unsigned a, unsigned b, int32_t off) {
    return b_type(off, b, a, 6);
}
constexpr uint32_t bgeu(unsigned a, unsigned b, int32_t off) {
    return b_type(off, b, a, 7);
}

constexpr uint32_t lb(unsigned rd, unsigned rs1, int32_t off) {
    return i_type(off, rs1, 0, rd, kOpLoad);
}
constexpr uint32_t lh(unsigned rd, unsigned rs1, int32_t off) {
    return i_type(off, rs1, 1, rd, kOpLoad);
}
constexpr uint32_t lw(unsigned rd, unsigned rs1, int32_t off) {
    return i_type(off, rs1, 2, rd, kOpLoad);
}
constexpr uint32_t lbu(unsigned rd, unsigned rs1, int32_t off) {
    return i_type(off, rs1, 4, rd, kOpLoad);
}
constexpr uint32_t lhu(unsigned rd, unsigned rs1, int32_t off) {
    return i_type(off, rs1, 5, rd, kOpLoad);
}
constexpr uint32_t sb(unsigned rs2, unsigned rs1, int32_t off) {
    return s_type(off, rs2, rs1, 0, kOpStore);
}
constexpr uint32_t sh(unsigned rs2, unsigned rs1, int32_t off) {
    return s_type(off, rs2, rs1, 1, kOpStore);
}
constexpr uint32_t sw(unsigned rs2, unsigned rs1, int32_t off) {
    return s_type(off, rs2, rs1, 2, kOpStore);
}

constexpr uint32_t addi(unsigned rd, unsigned rs1, int32_t imm) {
    return i_type(imm, rs1, 0, rd, kOpImm);
}
constexpr uint32_t slti(unsigned rd, unsigned rs1, int32_t imm) {
    return i_type(imm, rs1, 2, rd, kOpImm);
}
constexpr uint32_t sltiu(unsigned rd, unsigned rs1, int32_t imm) {
    return i_type(imm, rs1, 3, rd, kOpImm);
}
constexpr uint32_t xori(unsigned rd, unsigned rs1, int32_t imm) {
    return i_type(imm, rs1, 4, rd, kOpImm);
}
constexpr uint32_t ori(unsigned rd, unsigned rs1, int32_t imm) {
    return i_type(imm, rs1, 6, rd, kOpImm);
}
constexpr uint32_t andi(unsigned rd, unsigned rs1, int32_t imm) {
    return i_type(imm, rs1, 7, rd, kOpImm);
}
// Shift immediates: imm[11:5] is funct7 (0x00, or 0x20 for srai), imm[4:0] is shamt.
constexpr uint32_t slli(unsigned rd, unsigned rs1, unsigned sh) {
    return r_type(0x00, sh, rs1, 1, rd, kOpImm);
}
constexpr uint32_t srli(unsigned rd, unsigned rs1, unsigned sh) {
    return r_type(0x00, sh, rs1, 5, rd, kOpImm);
}
constexpr uint32_t srai(unsigned rd, unsigned rs1, unsigned sh) {
    return r_type(0x20, sh, rs1, 5, rd, kOpImm);
}

constexpr uint32_t add(unsigned rd, unsigned a, unsigned b) {
    return r_type(0x00, b, a, 0, rd, kOp);
}
constexpr uint32_t sub(unsigned rd, unsigned a, unsigned b) {
    return r_type(0x20, b, a, 0, rd, kOp);
}
constexpr uint32_t sll(unsigned rd, unsigned a, unsigned b) {
    return r_type(0x00, b, a, 1, rd, kOp);
}
constexpr uint32_t slt(unsigned rd, unsigned a, unsigned b) {
    return r_type(0x00, b, a, 2, rd, kOp);
}
constexpr uint32_t sltu(unsigned rd, unsigned a, unsigned b) {
    return r_type(0x00, b, a, 3, rd, kOp);
}
constexpr uint32_t xor_(unsigned rd, unsigned a, unsigned b) {
    return r_type(0x00, b, a, 4, rd, kOp);
}
constexpr uint32_t srl(unsigned rd, unsigned a, unsigned b) {
    return r_type(0x00, b, a, 5, rd, kOp);
}
constexpr uint32_t sra(unsigned rd, unsigned a, unsigned b) {
    return r_type(0x20, b, a, 5, rd, kOp);
}
constexpr uint32_t or_(unsigned rd, unsigned a, unsigned b) {
    return r_type(0x00, b, a, 6, rd, kOp);
}
constexpr uint32_t and_(unsigned rd, unsigned a, unsigned b) {
    return r_type(0x00, b, a, 7, rd, kOp);
}

constexpr uint32_t fence() {
    return 0x0FF0000Fu;
}  // fence iorw, iorw
constexpr uint32_t fence_i() {
    return i_type(0, 0, 1, 0, kOpMiscMem);
}

// ---- RV32M ---------------------------------------------------------------------------------
constexpr uint32_t mul(unsigned rd, unsigned a, unsigned b) {
    return r_type(0x01, b, a, 0, rd, kOp);
}
constexpr uint32_t mulh(unsigned rd, unsigned a, unsigned b) {
    return r_type(0x01, b, a, 1, rd, kOp);
}
constexpr uint32_t mulhsu(unsigned rd, unsigned a, unsigned b) {
    return r_type(0x01, b, a, 2, rd, kOp);
}
constexpr uint32_t mulhu(unsigned rd, unsigned a, unsigned b) {
    return r_type(0x01, b, a, 3, rd, kOp);
}
constexpr uint32_t div(unsigned rd, unsigned a, unsigned b) {
    return r_type(0x01, b, a, 4, rd, kOp);
}
constexpr uint32_t divu(unsigned rd, unsigned a, unsigned b) {
    return r_type(0x01, b, a, 5, rd, kOp);
}
constexpr uint32_t rem(unsigned rd, unsigned a, unsigned b) {
    return r_type(0x01, b, a, 6, rd, kOp);
}
constexpr uint32_t remu(unsigned rd, unsigned a, unsigned b) {
    return r_type(0x01, b, a, 7, rd, kOp);
}

// ---- Zicsr and system ----------------------------------------------------------------------
constexpr uint32_t csrrw(unsigned rd, uint32_t csr, unsigned rs1) {
    return i_type(int32_t(csr), rs1, 1, rd, kOpSystem);
}
constexpr uint32_t csrrs(unsigned rd, uint32_t csr, unsigned rs1) {
    return i_type(int32_t(csr), rs1, 2, rd, kOpSystem);
}
constexpr uint32_t csrrc(unsigned rd, uint32_t csr, unsigned rs1) {
    return i_type(int32_t(csr), rs1, 3, rd, kOpSystem);
}
constexpr uint32_t csrrwi(unsigned rd, uint32_t csr, unsigned uimm) {
    return i_type(int32_t(csr), uimm, 5, rd, kOpSystem);
}
constexpr uint32_t csrrsi(unsigned rd, uint32_t csr, unsigned uimm) {
    return i_type(int32_t(csr), uimm, 6, rd, kOpSystem);
}
constexpr uint32_t csrrci(unsigned rd, uint32_t csr, unsigned uimm) {
    return i_type(int32_t(csr), uimm, 7, rd, kOpSystem);
}
constexpr uint32_t csrr(unsigned rd, uint32_t csr) {
    return csrrs(rd, csr, 0);
}
constexpr uint32_t csrw(uint32_t csr, unsigned rs1) {
    return csrrw(0, csr, rs1);
}

constexpr uint32_t ecall() {
    return 0x00000073u;
}
constexpr uint32_t ebreak() {
    return 0x00100073u;
}
constexpr uint32_t mret() {
    return 0x30200073u;
}
constexpr uint32_t wfi() {
    return 0x10500073u;
}
constexpr uint32_t nop() {
    return addi(0, 0, 0);
}

// ---- RVC (16-bit parcels) -------------------------------------------------------------------
namespace c {

// rd'/rs1'/rs2' fields name x8..x15.
constexpr uint32_t cr(unsigned x) {
    return (x - 8u) & 7u;
}

// Quadrant 0
// c.addi4spn rd', nzuimm: nzuimm[5:4|9:6|2|3] in bits 12:5.
constexpr uint16_t addi4spn(unsigned rd, uint32_t nzuimm) {
    return uint16_t((0u << 13) | (field(nzuimm, 5, 4) << 11) | (field(nzuimm, 9, 6) << 7) |
                    (field(nzuimm, 2, 2) << 6) | (field(nzuimm, 3, 3) << 5) | (cr(rd) << 2) | 0u);
}
// c.lw / c.sw: uimm[5:3] in 12:10, uimm[2] in 6, uimm[6] in 5.
constexpr uint16_t lw(unsigned rd, unsigned rs1, uint32_t uimm) {
    return uint16_t((2u << 13) | (field(uimm, 5, 3) << 10) | (cr(rs1) << 7) |
                    (field(uimm, 2, 2) << 6) | (field(uimm, 6, 6) << 5) | (cr(rd) << 2) | 0u);
}
constexpr uint16_t sw(unsigned rs2, unsigned rs1, uint32_t uimm) {
    return uint16_t((6u << 13) | (field(uimm, 5, 3) << 10) | (cr(rs1) << 7) |
                    (field(uimm, 2, 2) << 6) | (field(uimm, 6, 6) << 5) | (cr(rs2) << 2) | 0u);
}

// Quadrant 1
// CI format: imm[5] in 12, imm[4:0] in 6:2.
constexpr uint16_t ci(uint32_t f3, unsigned rd, int32_t imm6, uint32_t op) {
    return uint16_t((f3 << 13) | (field(uint32_t(imm6), 5, 5) << 12) | ((rd & 31u) << 7) |
                    (field(uint32_t(imm6), 4, 0) << 2) | op);
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
// c.lui rd, nzimm[17:12] given as the 6-bit signed value of nzimm[17:12].
constexpr uint16_t lui(unsigned rd, int32_t imm6) {
    return ci(3, rd, imm6, 1);
}
// c.addi16sp: nzimm[9] in 12, nzimm[4|6|8:7|5] in 6:2.
constexpr uint16_t addi16sp(int32_t nzimm) {
    const uint32_t u = uint32_t(nzimm);
    return uint16_t((3u << 13) | (field(u, 9, 9) << 12) | (2u << 7) | (field(u, 4, 4) << 6) |
                    (field(u, 6, 6) << 5) | (field(u, 8, 7) << 3) | (field(u, 5, 5) << 2) | 1u);
}
// CJ format: imm[11|4|9:8|10|6|7|3:1|5] in 12:2.
constexpr uint16_t cj(uint32_t f3, int32_t off) {
    const uint32_t u = uint32_t(off);
    return uint16_t((f3 << 13) | (field(u, 11, 11) << 12) | (field(u, 4, 4) << 11) |
                    (field(u, 9, 8) << 9) | (field(u, 10, 10) << 8) | (field(u, 6, 6) << 7) |
                    (field(u, 7, 7) << 6) | (field(u, 3, 1) << 3) | (field(u, 5, 5) << 2) | 1u);
}
constexpr uint16_t jal(int32_t off) {
    return cj(1, off);
}
constexpr uint16_t j(int32_t off) {
    return cj(5, off);
}
// CB branches: offset[8|4:3] in 12:10, offset[7:6|2:1|5] in 6:2.
constexpr uint16_t cb(uint32_t f3, unsigned rs1, int32_t off) {
    const uint32_t u = uint32_t(off);
    return uint16_t((f3 << 13) | (field(u, 8, 8) << 12) | (field(u, 4, 3) << 10) | (cr(rs1) << 7) |
                    (field(u, 7, 6) << 5) | (field(u, 2, 1) << 3) | (field(u, 5, 5) << 2) | 1u);
}
constexpr uint16_t beqz(unsigned rs1, int32_t off) {
    return cb(6, rs1, off);
}
constexpr uint16_t bnez(unsigned rs1, int32_t off) {
    return cb(7, rs1, off);
}
// CB-format ALU ops: funct2 in 11:10; shamt[5] in 12, shamt[4:0] (or imm) in 6:2.
constexpr uint16_t cb_alu(uint32_t f2, unsigned rd, uint32_t imm6) {
    return uint16_t((4u << 13) | (field(imm6, 5, 5) << 12) | (f2 << 10) | (cr(rd) << 7) |
                    (field(imm6, 4, 0) << 2) | 1u);
}
constexpr uint16_t srli(unsigned rd, uint32_t shamt) {
    return cb_alu(0, rd, shamt);
}
constexpr uint16_t srai(unsigned rd, uint32_t shamt) {
    return cb_alu(1, rd, shamt);
}
constexpr uint16_t andi(unsigned rd, int32_t imm) {
    return cb_alu(2, rd, uint32_t(imm));
}
// CA format: funct6 100011 in 15:10, funct2 in 6:5.
constexpr uint16_t ca(uint32_t f2, unsigned rd, unsigned rs2, uint32_t bit12 = 0) {
    return uint16_t((4u << 13) | (bit12 << 12) | (3u << 10) | (cr(rd) << 7) | (f2 << 5) |
                    (cr(rs2) << 2) | 1u);
}
constexpr uint16_t sub(unsigned rd, unsigned rs2) {
    return ca(0, rd, rs2);
}
constexpr uint16_t xor_(unsigned rd, unsigned rs2) {
    return ca(1, rd, rs2);
}
constexpr uint16_t or_(unsigned rd, unsigned rs2) {
    return ca(2, rd, rs2);
}
constexpr uint16_t and_(unsigned rd, unsigned rs2) {
    return ca(3, rd, rs2);
}

// Quadrant 2
constexpr uint16_t slli(unsigned rd, uint32_t shamt) {
    return uint16_t((0u << 13) | (field(shamt, 5, 5) << 12) | ((rd & 31u) << 7) |
                    (field(shamt, 4, 0) << 2) | 2u);
}
// c.lwsp: uimm[5] in 12, uimm[4:2|7:6] in 6:2.
constexpr uint16_t lwsp(unsigned rd, uint32_t uimm) {
    return uint16_t((2u << 13) | (field(uimm, 5, 5) << 12) | ((rd & 31u) << 7) |
                    (field(uimm, 4, 2) << 4) | (field(uimm, 7, 6) << 2) | 2u);
}
// c.swsp: uimm[5:2|7:6] in 12:7.
constexpr uint16_t swsp(unsigned rs2, uint32_t uimm) {
    return uint16_t((6u << 13) | (field(uimm, 5, 2) << 9) | (field(uimm, 7, 6) << 7) |
                    ((rs2 & 31u) << 2) | 2u);
}
// CR format: funct4 in 15:12, rd/rs1 in 11:7, rs2 in 6:2.
constexpr uint16_t cr_fmt(uint32_t f4, unsigned rd, unsigned rs2) {
    return uint16_t((f4 << 12) | ((rd & 31u) << 7) | ((rs2 & 31u) << 2) | 2u);
}
constexpr uint16_t jr(unsigned rs1) {
    return cr_fmt(8, rs1, 0);
}
constexpr uint16_t mv(unsigned rd, unsigned rs2) {
    return cr_fmt(8, rd, rs2);
}
constexpr uint16_t ebreak() {
    return cr_fmt(9, 0, 0);
}
constexpr uint16_t jalr(unsigned rs1) {
    return cr_fmt(9, rs1, 0);
}
constexpr uint16_t add(unsigned rd, unsigned rs2) {
    return cr_fmt(9, rd, rs2);
}

}  // namespace c
}  // namespace enc
