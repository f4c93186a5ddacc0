// SPDX-License-Identifier: Apache-2.0
// RV32I: every ALU op, immediates, LUI/AUIPC, branches, jumps, loads, stores and x0.
#include <catch2/catch.hpp>

#include "harness.h"

using namespace unit;

namespace {

struct Case {
    uint32_t a, b, expect;
};

// Run `insn` (rd = x3, rs1 = x1, rs2 = x2) with x1 = a, x2 = b; the value written to x3.
uint32_t run_rr(uint32_t insn, uint32_t a, uint32_t b) {
    Harness h;
    h.set_x(1, a);
    h.set_x(2, b);
    h.set_x(3, 0x5A5A5A5A);
    const Retire r = exec1(h, insn);
    REQUIRE(r.kind == StepKind::Retired);
    REQUIRE(r.next_pc == kCode + 4);
    REQUIRE(r.rd == 3);
    REQUIRE(r.rd_value == h.x(3));
    return h.x(3);
}

void check_table(uint32_t insn, std::initializer_list<Case> cases) {
    for (const Case& c : cases) {
        INFO("a=0x" << std::hex << c.a << " b=0x" << c.b);
        CHECK(run_rr(insn, c.a, c.b) == c.expect);
    }
}

}  // namespace

// ---- Register-register ---------------------------------------------------------------------

TEST_CASE("rv32i: add wraps modulo 2^32", "[rv32i]") {
    check_table(enc::add(3, 1, 2), {{1, 2, 3},
                                    {0xFFFFFFFF, 1, 0},
                                    {0x7FFFFFFF, 1, 0x80000000},
                                    {0x80000000, 0x80000000, 0},
                                    {0x12345678, 0x11111111, 0x23456789}});
}

TEST_CASE("rv32i: sub", "[rv32i]") {
    check_table(enc::sub(3, 1, 2),
                {{5, 3, 2}, {0, 1, 0xFFFFFFFF}, {0x80000000, 1, 0x7FFFFFFF}, {3, 5, 0xFFFFFFFE}});
}

TEST_CASE("rv32i: sll uses only the low 5 bits of rs2", "[rv32i]") {
    check_table(enc::sll(3, 1, 2), {{1, 0, 1},
                                    {1, 31, 0x80000000},
                                    {1, 32, 1},
                                    {1, 33, 2},
                                    {0xFFFFFFFF, 0xFFFFFFE4, 0xFFFFFFF0},
                                    {0x12345678, 4, 0x23456780}});
}

TEST_CASE("rv32i: slt is signed", "[rv32i]") {
    check_table(enc::slt(3, 1, 2), {{1, 2, 1},
                                    {2, 1, 0},
                                    {2, 2, 0},
                                    {0xFFFFFFFF, 0, 1},
                                    {0, 0xFFFFFFFF, 0},
                                    {0x80000000, 0x7FFFFFFF, 1},
                                    {0x7FFFFFFF, 0x80000000, 0}});
}

TEST_CASE("rv32i: sltu is unsigned", "[rv32i]") {
    check_table(enc::sltu(3, 1, 2), {{1, 2, 1},
                                     {2, 1, 0},
                                     {7, 7, 0},
                                     {0xFFFFFFFF, 0, 0},
                                     {0, 0xFFFFFFFF, 1},
                                     {0x80000000, 0x7FFFFFFF, 0},
                                     {0x7FFFFFFF, 0x80000000, 1}});
}

TEST_CASE("rv32i: xor, or, and", "[rv32i]") {
    check_table(enc::xor_(3, 1, 2), {{0xFF00FF00, 0x0FF00FF0, 0xF0F0F0F0}, {5, 5, 0}});
    check_table(enc::or_(3, 1, 2), {{0xFF00FF00, 0x0FF00FF0, 0xFFF0FFF0}, {0, 0, 0}});
    check_table(enc::and_(3, 1, 2),
                {{0xFF00FF00, 0x0FF00FF0, 0x0F000F00}, {0xFFFFFFFF, 0x1234, 0x1234}});
}

TEST_CASE("rv32i: srl is logical and uses the low 5 bits", "[rv32i]") {
    check_table(enc::srl(3, 1, 2), {{0x80000000, 31, 1},
                                    {0x80000000, 1, 0x40000000},
                                    {0x80000000, 32, 0x80000000},
                                    {0xF0000000, 0x24, 0x0F000000},
                                    {0x12345678, 0, 0x12345678}});
}

TEST_CASE("rv32i: sra is arithmetic and uses the low 5 bits", "[rv32i]") {
    check_table(enc::sra(3, 1, 2), {{0x80000000, 31, 0xFFFFFFFF},
                                    {0x80000000, 1, 0xC0000000},
                                    {0x80000000, 32, 0x80000000},
                                    {0xF0000000, 0x24, 0xFF000000},
                                    {0x70000000, 4, 0x07000000}});
}

// ---- Register-immediate --------------------------------------------------------------------

TEST_CASE("rv32i: addi sign-extends its 12-bit immediate", "[rv32i]") {
    CHECK(run_rr(enc::addi(3, 1, -1), 0, 0) == 0xFFFFFFFF);
    CHECK(run_rr(enc::addi(3, 1, -2048), 0, 0) == 0xFFFFF800);
    CHECK(run_rr(enc::addi(3, 1, 2047), 1, 0) == 0x800);
    CHECK(run_rr(enc::addi(3, 1, 1), 0x7FFFFFFF, 0) == 0x80000000);
}

TEST_CASE("rv32i: slti compares signed with a sign-extended immediate", "[rv32i]") {
    CHECK(run_rr(enc::slti(3, 1, -1), 0xFFFFFFFE, 0) == 1);  // -2 < -1
    CHECK(run_rr(enc::slti(3, 1, -1), 0, 0) == 0);
    CHECK(run_rr(enc::slti(3, 1, 0), 0x80000000, 0) == 1);
    CHECK(run_rr(enc::slti(3, 1, 2047), 2047, 0) == 0);
}

TEST_CASE("rv32i: sltiu sign-extends then compares unsigned", "[rv32i]") {
    CHECK(run_rr(enc::sltiu(3, 1, -1), 5, 0) == 1);  // 5 < 0xFFFFFFFF
    CHECK(run_rr(enc::sltiu(3, 1, -1), 0xFFFFFFFF, 0) == 0);
    CHECK(run_rr(enc::sltiu(3, 1, 1), 0, 0) == 1);  // seqz
    CHECK(run_rr(enc::sltiu(3, 1, 1), 7, 0) == 0);
    CHECK(run_rr(enc::sltiu(3, 1, -2048), 0xFFFFF7FF, 0) == 1);
}

TEST_CASE("rv32i: xori, ori, andi with sign-extended immediates", "[rv32i]") {
    CHECK(run_rr(enc::xori(3, 1, -1), 0x12345678, 0) == 0xEDCBA987);  // not
    CHECK(run_rr(enc::xori(3, 1, 0x7FF), 0x00000F0F, 0) == 0x000008F0);
    CHECK(run_rr(enc::ori(3, 1, -2048), 0x1, 0) == 0xFFFFF801);
    CHECK(run_rr(enc::ori(3, 1, 0x0F0), 0x1, 0) == 0xF1);
    CHECK(run_rr(enc::andi(3, 1, -256), 0x12345678, 0) == 0x12345600);
    CHECK(run_rr(enc::andi(3, 1, 0xFF), 0x12345678, 0) == 0x78);
}

TEST_CASE("rv32i: slli, srli, srai", "[rv32i]") {
    CHECK(run_rr(enc::slli(3, 1, 0), 0x89ABCDEF, 0) == 0x89ABCDEF);
    CHECK(run_rr(enc::slli(3, 1, 4), 0x89ABCDEF, 0) == 0x9ABCDEF0);
    CHECK(run_rr(enc::slli(3, 1, 31), 3, 0) == 0x80000000);
    CHECK(run_rr(enc::srli(3, 1, 4), 0x89ABCDEF, 0) == 0x089ABCDE);
    CHECK(run_rr(enc::srli(3, 1, 31), 0x80000000, 0) == 1);
    CHECK(run_rr(enc::srai(3, 1, 4), 0x89ABCDEF, 0) == 0xF89ABCDE);
    CHECK(run_rr(enc::srai(3, 1, 31), 0x80000000, 0) == 0xFFFFFFFF);
    CHECK(run_rr(enc::srai(3, 1, 31), 0x7FFFFFFF, 0) == 0);
}

// ---- Upper immediates ----------------------------------------------------------------------

TEST_CASE("rv32i: lui places imm20 in the upper bits", "[rv32i]") {
    CHECK(run_rr(enc::lui(3, 0xABCDE), 0, 0) == 0xABCDE000);
    CHECK(run_rr(enc::lui(3, 0xFFFFF), 0, 0) == 0xFFFFF000);
    CHECK(run_rr(enc::lui(3, 0), 0, 0) == 0);
}

TEST_CASE("rv32i: auipc adds to its own pc", "[rv32i]") {
    Harness h;
    h.program({enc::nop(), enc::auipc(3, 0x12345), enc::auipc(4, 0xFFFFF)});
    h.run(3);
    CHECK(h.x(3) == kCode + 4 + 0x12345000u);
    CHECK(h.x(4) == kCode + 8 - 0x1000u);
}

// ---- Branches ------------------------------------------------------------------------------

namespace {
// Run a branch at kCode with x1 = a, x2 = b and offset +16; true when taken.
bool taken(uint32_t insn, uint32_t a, uint32_t b) {
    Harness h;
    h.set_x(1, a);
    h.set_x(2, b);
    const Retire r = exec1(h, insn);
    REQUIRE(r.kind == StepKind::Retired);
    REQUIRE(r.rd == 0);
    if (r.next_pc == kCode + 16) return true;
    REQUIRE(r.next_pc == kCode + 4);
    return false;
}
}  // namespace

TEST_CASE("rv32i: beq / bne", "[rv32i][branch]") {
    CHECK(taken(enc::beq(1, 2, 16), 5, 5));
    CHECK_FALSE(taken(enc::beq(1, 2, 16), 5, 6));
    CHECK(taken(enc::bne(1, 2, 16), 5, 6));
    CHECK_FALSE(taken(enc::bne(1, 2, 16), 0x80000000, 0x80000000));
}

TEST_CASE("rv32i: blt / bge are signed", "[rv32i][branch]") {
    CHECK(taken(enc::blt(1, 2, 16), 0x80000000, 0x7FFFFFFF));
    CHECK(taken(enc::blt(1, 2, 16), 0xFFFFFFFF, 0));
    CHECK_FALSE(taken(enc::blt(1, 2, 16), 0, 0xFFFFFFFF));
    CHECK_FALSE(taken(enc::blt(1, 2, 16), 3, 3));
    CHECK(taken(enc::bge(1, 2, 16), 3, 3));
    CHECK(taken(enc::bge(1, 2, 16), 0x7FFFFFFF, 0x80000000));
    CHECK_FALSE(taken(enc::bge(1, 2, 16), 0xFFFFFFFF, 0));
}

TEST_CASE("rv32i: bltu / bgeu are unsigned", "[rv32i][branch]") {
    CHECK_FALSE(taken(enc::bltu(1, 2, 16), 0x80000000, 0x7FFFFFFF));
    CHECK(taken(enc::bltu(1, 2, 16), 0, 0xFFFFFFFF));
    CHECK_FALSE(taken(enc::bltu(1, 2, 16), 3, 3));
    CHECK(taken(enc::bgeu(1, 2, 16), 3, 3));
    CHECK(taken(enc::bgeu(1, 2, 16), 0xFFFFFFFF, 0));
    CHECK_FALSE(taken(enc::bgeu(1, 2, 16), 0x7FFFFFFF, 0x80000000));
}

TEST_CASE("rv32i: backward branch and maximum offsets", "[rv32i][branch]") {
    Harness h;
    const uint32_t at = kCode + 0x2000;
    h.program({enc::beq(0, 0, -4096)}, at);
    CHECK(h.step().next_pc == at - 4096);
    h.program({enc::bne(0, 1, 4094)}, at);
    h.set_x(1, 1);
    CHECK(h.step().next_pc == at + 4094);
}

// ---- Jumps ---------------------------------------------------------------------------------

TEST_CASE("rv32i: jal links pc+4 and jumps pc-relative", "[rv32i][jump]") {
    Harness h;
    const uint32_t at = kCode + 0x1000;
    h.program({enc::jal(1, 0x800)}, at);
    Retire r = h.step();
    CHECK(r.next_pc == at + 0x800);
    CHECK(h.hart().pc() == at + 0x800);
    CHECK(r.rd == 1);
    CHECK(h.x(1) == at + 4);
    h.program({enc::jal(5, -0x1000)}, at);
    r = h.step();
    CHECK(r.next_pc == at - 0x1000);
    CHECK(h.x(5) == at + 4);
}

TEST_CASE("rv32i: jalr adds a sign-extended offset and clears bit 0", "[rv32i][jump]") {
    Harness h;
    SECTION("plain") {
        h.set_x(2, kCode + 0x100);
        h.program({enc::jalr(1, 2, -4)});
        const Retire r = h.step();
        CHECK(r.next_pc == kCode + 0xFC);
        CHECK(h.x(1) == kCode + 4);
    }
    SECTION("odd target: bit 0 cleared") {
        h.set_x(2, kCode + 0x101);
        h.program({enc::jalr(1, 2, 0)});
        CHECK(h.step().next_pc == kCode + 0x100);
    }
    SECTION("odd sum from an odd offset") {
        h.set_x(2, kCode + 0x100);
        h.program({enc::jalr(0, 2, 3)});
        const Retire r = h.step();
        CHECK(r.kind == StepKind::Retired);
        CHECK(r.next_pc == kCode + 0x102);
        CHECK(r.rd == 0);
    }
    SECTION("rd == rs1 uses the old rs1") {
        h.set_x(6, kCode + 0x40);
        h.program({enc::jalr(6, 6, 8)});
        CHECK(h.step().next_pc == kCode + 0x48);
        CHECK(h.x(6) == kCode + 4);
    }
}

// ---- Loads and stores ----------------------------------------------------------------------

namespace {
uint32_t load(uint32_t insn, uint32_t word_at_data, uint32_t base = kData) {
    Harness h;
    h.poke32(kData, word_at_data);
    h.poke32(kData + 4, 0x76543210);
    h.set_x(1, base);
    h.set_x(3, 0xCCCCCCCC);
    const Retire r = exec1(h, insn);
    REQUIRE(r.kind == StepKind::Retired);
    REQUIRE(r.mem.valid);
    REQUIRE_FALSE(r.mem.write);
    return h.x(3);
}
}  // namespace

TEST_CASE("rv32i: lb sign-extends, lbu zero-extends", "[rv32i][mem]") {
    const uint32_t w = 0x80FF7F01;
    CHECK(load(enc::lb(3, 1, 0), w) == 0x00000001);
    CHECK(load(enc::lb(3, 1, 1), w) == 0x0000007F);
    CHECK(load(enc::lb(3, 1, 2), w) == 0xFFFFFFFF);
    CHECK(load(enc::lb(3, 1, 3), w) == 0xFFFFFF80);
    CHECK(load(enc::lbu(3, 1, 2), w) == 0x000000FF);
    CHECK(load(enc::lbu(3, 1, 3), w) == 0x00000080);
}

TEST_CASE("rv32i: lh sign-extends, lhu zero-extends", "[rv32i][mem]") {
    const uint32_t w = 0x80017FFF;
    CHECK(load(enc::lh(3, 1, 0), w) == 0x00007FFF);
    CHECK(load(enc::lh(3, 1, 2), w) == 0xFFFF8001);
    CHECK(load(enc::lhu(3, 1, 2), w) == 0x00008001);
    CHECK(load(enc::lhu(3, 1, 0), w) == 0x00007FFF);
}

TEST_CASE("rv32i: lw with positive and negative offsets", "[rv32i][mem]") {
    CHECK(load(enc::lw(3, 1, 0), 0xDEADBEEF) == 0xDEADBEEF);
    CHECK(load(enc::lw(3, 1, 4), 0) == 0x76543210);
    CHECK(load(enc::lw(3, 1, -4), 0xCAFEF00D, kData + 4) == 0xCAFEF00D);
    CHECK(load(enc::lbu(3, 1, -2048), 0x000000AB, kData + 2048) == 0xAB);
}

TEST_CASE("rv32i: sb, sh, sw write only their bytes", "[rv32i][mem]") {
    Harness h;
    h.poke32(kData, 0x11223344);
    h.poke32(kData + 4, 0x55667788);
    h.set_x(1, kData);
    h.set_x(2, 0xA1B2C3D4);
    SECTION("sb") {
        exec1(h, enc::sb(2, 1, 1));
        CHECK(h.peek(kData) == 0x1122D444);
        CHECK(h.peek(kData + 4) == 0x55667788);
    }
    SECTION("sh") {
        exec1(h, enc::sh(2, 1, 2));
        CHECK(h.peek(kData) == 0xC3D43344);
        CHECK(h.peek(kData + 4) == 0x55667788);
    }
    SECTION("sw") {
        exec1(h, enc::sw(2, 1, 4));
        CHECK(h.peek(kData) == 0x11223344);
        CHECK(h.peek(kData + 4) == 0xA1B2C3D4);
    }
    SECTION("sw with a negative offset") {
        h.set_x(1, kData + 8);
        exec1(h, enc::sw(2, 1, -8));
        CHECK(h.peek(kData) == 0xA1B2C3D4);
    }
    SECTION("stores do not write a register") {
        const Retire r = exec1(h, enc::sw(2, 1, 0));
        CHECK(r.rd == 0);
    }
}

// ---- x0 ------------------------------------------------------------------------------------

TEST_CASE("rv32i: x0 is never written", "[rv32i]") {
    Harness h;
    h.poke32(kData, 0x12345678);
    h.set_x(1, kData);
    h.set_x(0, 99);
    CHECK(h.x(0) == 0);
    h.program({enc::addi(0, 0, 5), enc::lui(0, 0x12345), enc::lw(0, 1, 0), enc::jal(0, 8),
               enc::nop(), enc::add(0, 1, 1), enc::csrrs(0, rv::kMscratch, 0)});
    for (int i = 0; i < 6; ++i) {
        const Retire r = h.step();
        INFO("step " << i);
        CHECK(r.kind == StepKind::Retired);
        CHECK(r.rd == 0);
        CHECK(h.x(0) == 0);
    }
}

TEST_CASE("rv32i: fence and fence.i retire as no-ops", "[rv32i]") {
    Harness h;
    h.program({enc::fence(), enc::fence_i()});
    Retire r = h.step();
    CHECK(r.kind == StepKind::Retired);
    CHECK(r.next_pc == kCode + 4);
    r = h.step();
    CHECK(r.kind == StepKind::Retired);
    CHECK(r.next_pc == kCode + 8);
}
