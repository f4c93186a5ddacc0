// SPDX-License-Identifier: Apache-2.0
// Instruction encoders for the random instruction-stream generator: the shared encoders of
// sw/rv/encode.h, plus the funct3/funct7-parameterised forms the generator draws from
// (branch, load, store, op, op_imm, csr) and a fence with explicit fields.
#pragma once

#include <cstdint>

#include "rv/encode.h"

namespace epoxy::rig::enc {

using ::enc::addi;
using ::enc::auipc;
using ::enc::csrr;
using ::enc::csrw;
using ::enc::fence_i;
using ::enc::jal;
using ::enc::jalr;
using ::enc::lui;

constexpr uint32_t bits(uint32_t v, unsigned hi, unsigned lo) {
    return ::enc::field(v, hi, lo);
}
constexpr uint32_t r(uint32_t f7, unsigned rs2, unsigned rs1, uint32_t f3, unsigned rd,
                     uint32_t op) {
    return ::enc::r_type(f7, rs2, rs1, f3, rd, op);
}
constexpr uint32_t i(int32_t imm, unsigned rs1, uint32_t f3, unsigned rd, uint32_t op) {
    return ::enc::i_type(imm, rs1, f3, rd, op);
}
constexpr uint32_t b(int32_t off, unsigned rs2, unsigned rs1, uint32_t f3) {
    return ::enc::b_type(off, rs2, rs1, f3);
}
constexpr uint32_t j(int32_t off, unsigned rd) {
    return ::enc::j_type(off, rd);
}
// Replace the 12-bit immediate of an I-type instruction.
constexpr uint32_t with_imm_i(uint32_t insn, int32_t imm) {
    return (insn & 0x000FFFFFu) | (bits(uint32_t(imm), 11, 0) << 20);
}

constexpr uint32_t kLoad = ::enc::kOpLoad, kMiscMem = ::enc::kOpMiscMem, kOpImm = ::enc::kOpImm,
                   kAuipc = ::enc::kOpAuipc, kStore = ::enc::kOpStore, kOp = ::enc::kOp,
                   kLui = ::enc::kOpLui, kBranch = ::enc::kOpBranch, kJalr = ::enc::kOpJalr,
                   kJal = ::enc::kOpJal, kSystem = ::enc::kOpSystem;

// Branch funct3: beq 0, bne 1, blt 4, bge 5, bltu 6, bgeu 7.
constexpr uint32_t branch(uint32_t f3, unsigned rs1, unsigned rs2, int32_t off) {
    return b(off, rs2, rs1, f3);
}
// Load funct3: lb 0, lh 1, lw 2, lbu 4, lhu 5. Store funct3: sb 0, sh 1, sw 2.
constexpr uint32_t load(uint32_t f3, unsigned rd, unsigned rs1, int32_t off) {
    return i(off, rs1, f3, rd, kLoad);
}
constexpr uint32_t store(uint32_t f3, unsigned rs2, unsigned rs1, int32_t off) {
    return ::enc::s_type(off, rs2, rs1, f3, kStore);
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
// CSR funct3: csrrw 1, csrrs 2, csrrc 3, csrrwi 5, csrrsi 6, csrrci 7 (rs1 is uimm for the i
// forms).
constexpr uint32_t csr(uint32_t f3, unsigned rd, uint32_t csr_addr, unsigned rs1) {
    return i(int32_t(csr_addr & 0xFFFu), rs1, f3, rd, kSystem);
}
constexpr uint32_t csrs(uint32_t a, unsigned rs1) {
    return ::enc::csrrs(0, a, rs1);
}
constexpr uint32_t csrc(uint32_t a, unsigned rs1) {
    return ::enc::csrrc(0, a, rs1);
}
constexpr uint32_t csrsi(uint32_t a, unsigned uimm) {
    return ::enc::csrrsi(0, a, uimm);
}
constexpr uint32_t csrci(uint32_t a, unsigned uimm) {
    return ::enc::csrrci(0, a, uimm);
}

constexpr uint32_t kEcall = ::enc::ecall(), kEbreak = ::enc::ebreak(), kMret = ::enc::mret(),
                   kWfi = ::enc::wfi();

// ---- RVC (16-bit parcels) ----------------------------------------------------------------
namespace c {

using ::enc::c::add;
using ::enc::c::addi;
using ::enc::c::addi16sp;
using ::enc::c::addi4spn;
using ::enc::c::beqz;
using ::enc::c::bnez;
using ::enc::c::ca;
using ::enc::c::cb;
using ::enc::c::cj;
using ::enc::c::ebreak;
using ::enc::c::j;
using ::enc::c::jal;
using ::enc::c::jalr;
using ::enc::c::jr;
using ::enc::c::li;
using ::enc::c::lui;
using ::enc::c::lw;
using ::enc::c::lwsp;
using ::enc::c::mv;
using ::enc::c::nop;
using ::enc::c::slli;
using ::enc::c::sw;
using ::enc::c::swsp;

// x8..x15 -> the 3-bit rd'/rs1'/rs2' field.
constexpr uint32_t p(unsigned x) {
    return ::enc::c::cr(x);
}
// funct2 at 11:10: srli 0, srai 1, andi 2. imm6/shamt: bit 5 at 12, bits 4:0 at 6:2.
constexpr uint16_t alu_imm(uint32_t f2, unsigned rd, uint32_t imm6) {
    return ::enc::c::cb_alu(f2, rd, imm6);
}

}  // namespace c
}  // namespace epoxy::rig::enc
