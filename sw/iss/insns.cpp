// SPDX-License-Identifier: Apache-2.0
// The instruction table: RV32I, RV32M, Zicsr, Zifencei and the privileged instructions
// (ecall, ebreak, mret, wfi), one line of semantics each. Compressed instructions are
// expanded to these before execution (compressed.cpp).
#include <array>

#include "iss/executor.h"

namespace epoxy::iss {

namespace {

// Masks for the common formats: opcode, +funct3, +funct7, whole word.
constexpr uint32_t kOpc = 0x0000007Fu;
constexpr uint32_t kF3 = 0x0000707Fu;
constexpr uint32_t kF7 = 0xFE00707Fu;
constexpr uint32_t kAll = 0xFFFFFFFFu;
constexpr uint32_t m(uint32_t op, uint32_t f3 = 0, uint32_t f7 = 0) {
    return (f7 << 25) | (f3 << 12) | op;
}

using E = Executor;
int32_t s(uint32_t v) { return int32_t(v); }

uint32_t mulh(uint32_t a, uint32_t b) { return uint32_t((int64_t(s(a)) * int64_t(s(b))) >> 32); }
uint32_t mulhsu(uint32_t a, uint32_t b) { return uint32_t((int64_t(s(a)) * int64_t(uint64_t(b))) >> 32); }
uint32_t mulhu(uint32_t a, uint32_t b) { return uint32_t((uint64_t(a) * uint64_t(b)) >> 32); }
uint32_t div(uint32_t a, uint32_t b) {
    if (b == 0) return ~0u;
    if (a == 0x80000000u && b == ~0u) return a;  // overflow: INT_MIN / -1
    return uint32_t(s(a) / s(b));
}
uint32_t rem(uint32_t a, uint32_t b) {
    if (b == 0) return a;
    if (a == 0x80000000u && b == ~0u) return 0;
    return uint32_t(s(a) % s(b));
}

const std::vector<InsnDesc> kTable = {
    // ---- RV32I: upper immediates and jumps -------------------------------------------
    {"lui",   kOpc, m(0x37), [](E& e) { e.write_rd(e.imm_u()); }},
    {"auipc", kOpc, m(0x17), [](E& e) { e.write_rd(e.pc + e.imm_u()); }},
    {"jal",   kOpc, m(0x6F), [](E& e) { e.write_rd(e.pc + e.len); e.jump(e.pc + e.imm_j()); }},
    {"jalr",  kF3, m(0x67, 0), [](E& e) {
         uint32_t target = (e.rs1() + e.imm_i()) & ~1u;
         e.write_rd(e.pc + e.len);
         e.jump(target); }},
    // ---- Branches ---------------------------------------------------------------------
    {"beq",  kF3, m(0x63, 0), [](E& e) { if (e.rs1() == e.rs2()) e.jump(e.pc + e.imm_b()); }},
    {"bne",  kF3, m(0x63, 1), [](E& e) { if (e.rs1() != e.rs2()) e.jump(e.pc + e.imm_b()); }},
    {"blt",  kF3, m(0x63, 4), [](E& e) { if (s(e.rs1()) < s(e.rs2())) e.jump(e.pc + e.imm_b()); }},
    {"bge",  kF3, m(0x63, 5), [](E& e) { if (s(e.rs1()) >= s(e.rs2())) e.jump(e.pc + e.imm_b()); }},
    {"bltu", kF3, m(0x63, 6), [](E& e) { if (e.rs1() < e.rs2()) e.jump(e.pc + e.imm_b()); }},
    {"bgeu", kF3, m(0x63, 7), [](E& e) { if (e.rs1() >= e.rs2()) e.jump(e.pc + e.imm_b()); }},
    // ---- Loads and stores -------------------------------------------------------------
    {"lb",  kF3, m(0x03, 0), [](E& e) { uint32_t v; if (e.load(e.rs1() + e.imm_i(), 1, true, v)) e.write_rd(v); }},
    {"lh",  kF3, m(0x03, 1), [](E& e) { uint32_t v; if (e.load(e.rs1() + e.imm_i(), 2, true, v)) e.write_rd(v); }},
    {"lw",  kF3, m(0x03, 2), [](E& e) { uint32_t v; if (e.load(e.rs1() + e.imm_i(), 4, false, v)) e.write_rd(v); }},
    {"lbu", kF3, m(0x03, 4), [](E& e) { uint32_t v; if (e.load(e.rs1() + e.imm_i(), 1, false, v)) e.write_rd(v); }},
    {"lhu", kF3, m(0x03, 5), [](E& e) { uint32_t v; if (e.load(e.rs1() + e.imm_i(), 2, false, v)) e.write_rd(v); }},
    {"sb",  kF3, m(0x23, 0), [](E& e) { e.store(e.rs1() + e.imm_s(), 1, e.rs2()); }},
    {"sh",  kF3, m(0x23, 1), [](E& e) { e.store(e.rs1() + e.imm_s(), 2, e.rs2()); }},
    {"sw",  kF3, m(0x23, 2), [](E& e) { e.store(e.rs1() + e.imm_s(), 4, e.rs2()); }},
    // ---- Register-immediate -----------------------------------------------------------
    {"addi",  kF3, m(0x13, 0), [](E& e) { e.write_rd(e.rs1() + e.imm_i()); }},
    {"slti",  kF3, m(0x13, 2), [](E& e) { e.write_rd(s(e.rs1()) < s(e.imm_i())); }},
    {"sltiu", kF3, m(0x13, 3), [](E& e) { e.write_rd(e.rs1() < e.imm_i()); }},
    {"xori",  kF3, m(0x13, 4), [](E& e) { e.write_rd(e.rs1() ^ e.imm_i()); }},
    {"ori",   kF3, m(0x13, 6), [](E& e) { e.write_rd(e.rs1() | e.imm_i()); }},
    {"andi",  kF3, m(0x13, 7), [](E& e) { e.write_rd(e.rs1() & e.imm_i()); }},
    {"slli",  kF7, m(0x13, 1, 0x00), [](E& e) { e.write_rd(e.rs1() << e.shamt()); }},
    {"srli",  kF7, m(0x13, 5, 0x00), [](E& e) { e.write_rd(e.rs1() >> e.shamt()); }},
    {"srai",  kF7, m(0x13, 5, 0x20), [](E& e) { e.write_rd(uint32_t(s(e.rs1()) >> e.shamt())); }},
    // ---- Register-register ------------------------------------------------------------
    {"add",  kF7, m(0x33, 0, 0x00), [](E& e) { e.write_rd(e.rs1() + e.rs2()); }},
    {"sub",  kF7, m(0x33, 0, 0x20), [](E& e) { e.write_rd(e.rs1() - e.rs2()); }},
    {"sll",  kF7, m(0x33, 1, 0x00), [](E& e) { e.write_rd(e.rs1() << (e.rs2() & 31)); }},
    {"slt",  kF7, m(0x33, 2, 0x00), [](E& e) { e.write_rd(s(e.rs1()) < s(e.rs2())); }},
    {"sltu", kF7, m(0x33, 3, 0x00), [](E& e) { e.write_rd(e.rs1() < e.rs2()); }},
    {"xor",  kF7, m(0x33, 4, 0x00), [](E& e) { e.write_rd(e.rs1() ^ e.rs2()); }},
    {"srl",  kF7, m(0x33, 5, 0x00), [](E& e) { e.write_rd(e.rs1() >> (e.rs2() & 31)); }},
    {"sra",  kF7, m(0x33, 5, 0x20), [](E& e) { e.write_rd(uint32_t(s(e.rs1()) >> (e.rs2() & 31))); }},
    {"or",   kF7, m(0x33, 6, 0x00), [](E& e) { e.write_rd(e.rs1() | e.rs2()); }},
    {"and",  kF7, m(0x33, 7, 0x00), [](E& e) { e.write_rd(e.rs1() & e.rs2()); }},
    // ---- RV32M --------------------------------------------------------------------------
    {"mul",    kF7, m(0x33, 0, 0x01), [](E& e) { e.write_rd(e.rs1() * e.rs2()); }},
    {"mulh",   kF7, m(0x33, 1, 0x01), [](E& e) { e.write_rd(mulh(e.rs1(), e.rs2())); }},
    {"mulhsu", kF7, m(0x33, 2, 0x01), [](E& e) { e.write_rd(mulhsu(e.rs1(), e.rs2())); }},
    {"mulhu",  kF7, m(0x33, 3, 0x01), [](E& e) { e.write_rd(mulhu(e.rs1(), e.rs2())); }},
    {"div",    kF7, m(0x33, 4, 0x01), [](E& e) { e.write_rd(div(e.rs1(), e.rs2())); }},
    {"divu",   kF7, m(0x33, 5, 0x01), [](E& e) { e.write_rd(e.rs2() ? e.rs1() / e.rs2() : ~0u); }},
    {"rem",    kF7, m(0x33, 6, 0x01), [](E& e) { e.write_rd(rem(e.rs1(), e.rs2())); }},
    {"remu",   kF7, m(0x33, 7, 0x01), [](E& e) { e.write_rd(e.rs2() ? e.rs1() % e.rs2() : e.rs1()); }},
    // ---- Fences: no caches and in-order memory, so both are ordering no-ops -------------
    {"fence",   kF3, m(0x0F, 0), [](E&) {}},
    {"fence.i", kF3, m(0x0F, 1), [](E& e) { e.fence_i(); }},
    // ---- System -------------------------------------------------------------------------
    {"ecall",  kAll, 0x00000073u, [](E& e) { e.raise(e.h.priv() == Priv::M ? rv::kEcallM : rv::kEcallU, 0); }},
    {"ebreak", kAll, 0x00100073u, [](E& e) { e.raise(rv::kBreakpoint, e.pc); }},
    {"mret",   kAll, 0x30200073u, [](E& e) { e.mret(); }},
    {"wfi",    kAll, 0x10500073u, [](E& e) { e.wfi(); }},
    // ---- Zicsr ---------------------------------------------------------------------------
    {"csrrw",  kF3, m(0x73, 1), [](E& e) { e.csr_op(true, [](uint32_t, uint32_t v) { return v; }, e.rs1()); }},
    {"csrrs",  kF3, m(0x73, 2), [](E& e) { e.csr_op(e.rs1_idx() != 0, [](uint32_t o, uint32_t v) { return o | v; }, e.rs1()); }},
    {"csrrc",  kF3, m(0x73, 3), [](E& e) { e.csr_op(e.rs1_idx() != 0, [](uint32_t o, uint32_t v) { return o & ~v; }, e.rs1()); }},
    {"csrrwi", kF3, m(0x73, 5), [](E& e) { e.csr_op(true, [](uint32_t, uint32_t v) { return v; }, e.rs1_idx()); }},
    {"csrrsi", kF3, m(0x73, 6), [](E& e) { e.csr_op(e.rs1_idx() != 0, [](uint32_t o, uint32_t v) { return o | v; }, e.rs1_idx()); }},
    {"csrrci", kF3, m(0x73, 7), [](E& e) { e.csr_op(e.rs1_idx() != 0, [](uint32_t o, uint32_t v) { return o & ~v; }, e.rs1_idx()); }},
};

// Decode index: candidates per major opcode (bits 6:2), tried in table order.
struct DecodeIndex {
    std::array<std::vector<const InsnDesc*>, 32> by_opcode;
    DecodeIndex() {
        for (const auto& d : kTable) by_opcode[(d.match >> 2) & 31].push_back(&d);
    }
};

}  // namespace

const std::vector<InsnDesc>& instruction_table() { return kTable; }

const InsnDesc* decode(uint32_t insn) {
    static const DecodeIndex index;
    if ((insn & 3u) != 3u) return nullptr;
    for (const InsnDesc* d : index.by_opcode[(insn >> 2) & 31])
        if ((insn & d->mask) == d->match) return d;
    return nullptr;
}

uint32_t Executor::imm_b() const {
    return (uint32_t(int32_t(insn) >> 19) & ~0xFFFu) | ((insn << 4) & 0x800u) |
           ((insn >> 20) & 0x7E0u) | ((insn >> 7) & 0x1Eu);
}

uint32_t Executor::imm_j() const {
    return (uint32_t(int32_t(insn) >> 11) & ~0xFFFFFu) | (insn & 0xFF000u) |
           ((insn >> 9) & 0x800u) | ((insn >> 20) & 0x7FEu);
}

}  // namespace epoxy::iss
