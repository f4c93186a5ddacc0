// SPDX-License-Identifier: Apache-2.0
// Illegal 32-bit encodings: unknown opcodes, bad funct3/funct7, reserved system encodings.
#include <catch2/catch.hpp>

#include "harness.h"

using namespace unit;

namespace {

void require_illegal(uint32_t word, const char* what) {
    INFO(what << " 0x" << std::hex << word);
    Harness h;
    for (unsigned i = 1; i < 32; ++i) h.set_x(i, kData + 4 * i);
    h.program({word});
    const Retire r = h.step();
    CHECK(r.kind == StepKind::Trap);
    CHECK(r.cause == rv::kIllegalInsn);
    CHECK(r.tval == word);
    CHECK(r.insn_len == 4);
    CHECK(r.rd == 0);
    CHECK_FALSE(r.mem.valid);
    CHECK(r.next_pc == kTrapVec);
    CHECK(h.csr(rv::kMepc) == kCode);
    CHECK(h.csr(rv::kMtval) == word);
    for (unsigned i = 1; i < 32; ++i) CHECK(h.x(i) == kData + 4 * i);
}

}  // namespace

TEST_CASE("illegal: opcodes of extensions this hart lacks", "[illegal]") {
    const struct {
        uint32_t op;
        const char* name;
    } ops[] = {{0x07, "LOAD-FP"},  {0x0B, "custom-0"}, {0x1B, "OP-IMM-32"}, {0x27, "STORE-FP"},
               {0x2B, "custom-1"}, {0x2F, "AMO"},      {0x3B, "OP-32"},     {0x43, "MADD"},
               {0x47, "MSUB"},     {0x4B, "NMSUB"},    {0x4F, "NMADD"},     {0x53, "OP-FP"},
               {0x57, "OP-V"},     {0x5B, "custom-2"}, {0x6B, "reserved"},  {0x7B, "custom-3"}};
    for (const auto& o : ops) require_illegal(o.op | (5u << 7) | (6u << 15), o.name);
}

TEST_CASE("illegal: all-zero and all-ones words", "[illegal]") {
    require_illegal(0xFFFFFFFF, "all ones");
    // 0x00000000 is a compressed parcel: covered by the RVC tests. Its 32-bit sibling with
    // only the length bits set is LOAD with funct3 0: legal lb, so not tested here.
}

TEST_CASE("illegal: bad funct3 for loads, stores, branches, jalr, fences", "[illegal]") {
    require_illegal(enc::i_type(0, 1, 3, 5, enc::kOpLoad), "ld (RV64)");
    require_illegal(enc::i_type(0, 1, 6, 5, enc::kOpLoad), "lwu (RV64)");
    require_illegal(enc::i_type(0, 1, 7, 5, enc::kOpLoad), "load funct3=7");
    require_illegal(enc::s_type(0, 2, 1, 3, enc::kOpStore), "sd (RV64)");
    require_illegal(enc::s_type(0, 2, 1, 4, enc::kOpStore), "store funct3=4");
    require_illegal(enc::s_type(0, 2, 1, 7, enc::kOpStore), "store funct3=7");
    require_illegal(enc::b_type(8, 2, 1, 2), "branch funct3=2");
    require_illegal(enc::b_type(8, 2, 1, 3), "branch funct3=3");
    require_illegal(enc::i_type(0, 1, 1, 5, enc::kOpJalr), "jalr funct3=1");
    require_illegal(enc::i_type(0, 1, 7, 5, enc::kOpJalr), "jalr funct3=7");
    require_illegal(enc::i_type(0, 0, 2, 0, enc::kOpMiscMem), "misc-mem funct3=2");
    require_illegal(enc::i_type(0, 1, 4, 5, enc::kOpSystem), "system funct3=4");
}

TEST_CASE("illegal: bad funct7 for shifts and register ops", "[illegal]") {
    require_illegal(enc::r_type(0x20, 3, 1, 1, 5, enc::kOpImm), "slli funct7=0x20");
    require_illegal(enc::r_type(0x01, 3, 1, 1, 5, enc::kOpImm), "slli shamt[5]=1 (RV64)");
    require_illegal(enc::r_type(0x01, 3, 1, 5, 5, enc::kOpImm), "srli shamt[5]=1");
    require_illegal(enc::r_type(0x21, 3, 1, 5, 5, enc::kOpImm), "srai shamt[5]=1");
    require_illegal(enc::r_type(0x10, 3, 1, 5, 5, enc::kOpImm), "srli funct7=0x10");
    require_illegal(enc::r_type(0x20, 2, 1, 1, 5, enc::kOp), "sll funct7=0x20");
    require_illegal(enc::r_type(0x20, 2, 1, 7, 5, enc::kOp), "and funct7=0x20");
    require_illegal(enc::r_type(0x02, 2, 1, 0, 5, enc::kOp), "add funct7=0x02");
    require_illegal(enc::r_type(0x40, 2, 1, 0, 5, enc::kOp), "add funct7=0x40");
    require_illegal(enc::r_type(0x21, 2, 1, 0, 5, enc::kOp), "mul|sub funct7=0x21");
    require_illegal(enc::r_type(0x7F, 2, 1, 6, 5, enc::kOp), "or funct7=0x7f");
}

TEST_CASE("illegal: reserved system encodings", "[illegal]") {
    require_illegal(0x10200073, "sret (no S-mode)");
    require_illegal(0x00200073, "uret (no N extension)");
    require_illegal(0x7B200073, "dret (no debug mode)");
    require_illegal(enc::ecall() | (1u << 7), "ecall with rd != 0");
    require_illegal(enc::ebreak() | (1u << 15), "ebreak with rs1 != 0");
    require_illegal(enc::mret() | (1u << 7), "mret with rd != 0");
    require_illegal(0x12000073, "sfence.vma (no S-mode)");
}

TEST_CASE("illegal: the hart continues at the handler", "[illegal]") {
    Harness h;
    h.place({enc::addi(7, 0, 42)}, kTrapVec);
    h.program({0xFFFFFFFFu});
    h.step();
    const Retire r = h.step();
    CHECK(r.kind == StepKind::Retired);
    CHECK(r.pc == kTrapVec);
    CHECK(h.x(7) == 42);
}
