// SPDX-License-Identifier: Apache-2.0
// RVC: every RV32C instruction against spec-derived results and its 32-bit expansion, HINTs,
// the reserved and RV64/FP-only encodings, and 2-byte-aligned control flow.
#include <array>
#include <catch2/catch.hpp>
#include <functional>
#include <map>

#include "harness.h"
#include "iss/compressed.h"

using namespace unit;

namespace {

using Setup = std::function<void(Harness&)>;

constexpr uint32_t kAt = kCode + 0x400;  // where the instruction under test runs

struct Outcome {
    Retire r;
    std::array<uint32_t, 32> x{};
    uint32_t pc = 0;
    std::array<uint32_t, 128> data{};  // words at kData
};

Outcome run_one(const Setup& setup, Insn insn) {
    Harness h;
    for (unsigned i = 1; i < 32; ++i) h.set_x(i, 0x1000u * i + i);  // distinct junk
    h.set_x(2, kData + 0x80);                                       // sp into data
    for (unsigned i = 0; i < 128; ++i) h.poke32(kData + 4 * i, 0xA5000000u | i);
    if (setup) setup(h);
    h.program({insn}, kAt);
    Outcome o;
    o.r = h.step();
    for (unsigned i = 0; i < 32; ++i) o.x[i] = h.x(i);
    o.pc = h.hart().pc();
    for (unsigned i = 0; i < 128; ++i) o.data[i] = h.peek(kData + 4 * i);
    return o;
}

// Run `parcel` and its 32-bit expansion `full` from the same state and require the same
// architectural effect. A fall-through goes to pc+2 vs pc+4, and a link register (if any)
// holds pc+2 vs pc+4; everything else must be identical.
Outcome same_as_expansion(uint16_t parcel, uint32_t full, const Setup& setup = {},
                          unsigned link = 0) {
    const Outcome c = run_one(setup, parcel);
    const Outcome f = run_one(setup, full);
    REQUIRE(c.r.kind == StepKind::Retired);
    REQUIRE(f.r.kind == StepKind::Retired);
    CHECK(c.r.insn_len == 2);
    CHECK(c.r.insn == parcel);
    for (unsigned i = 0; i < 32; ++i) {
        INFO("x" << i);
        if (link != 0 && i == link) {
            CHECK(c.x[i] == kAt + 2);
            CHECK(f.x[i] == kAt + 4);
        } else {
            CHECK(c.x[i] == f.x[i]);
        }
    }
    if (c.pc == kAt + 2)
        CHECK(f.pc == kAt + 4);
    else
        CHECK(c.pc == f.pc);
    CHECK(c.data == f.data);
    CHECK(c.r.rd == f.r.rd);
    CHECK(c.r.mem.valid == f.r.mem.valid);
    CHECK(c.r.mem.write == f.r.mem.write);
    CHECK(c.r.mem.addr == f.r.mem.addr);
    CHECK(c.r.mem.data == f.r.mem.data);
    return c;
}

}  // namespace

// ---- Quadrant 0 ------------------------------------------------------------------------------

TEST_CASE("rvc: c.addi4spn", "[rvc]") {
    auto o = same_as_expansion(enc::c::addi4spn(8, 1020), enc::addi(8, 2, 1020));
    CHECK(o.x[8] == kData + 0x80 + 1020);
    o = same_as_expansion(enc::c::addi4spn(15, 4), enc::addi(15, 2, 4));
    CHECK(o.x[15] == kData + 0x80 + 4);
}

TEST_CASE("rvc: c.lw", "[rvc]") {
    auto setup = [](Harness& h) {
        h.set_x(10, kData);
        h.poke32(kData + 124, 0xCAFEBABE);
    };
    auto o = same_as_expansion(enc::c::lw(9, 10, 124), enc::lw(9, 10, 124), setup);
    CHECK(o.x[9] == 0xCAFEBABE);
    CHECK(o.r.mem.addr == kData + 124);
    o = same_as_expansion(enc::c::lw(8, 10, 64), enc::lw(8, 10, 64), setup);
    CHECK(o.x[8] == (0xA5000000u | 16));
}

TEST_CASE("rvc: c.sw", "[rvc]") {
    auto setup = [](Harness& h) {
        h.set_x(12, kData);
        h.set_x(11, 0x0BADF00D);
    };
    auto o = same_as_expansion(enc::c::sw(11, 12, 64), enc::sw(11, 12, 64), setup);
    CHECK(o.data[16] == 0x0BADF00D);
    o = same_as_expansion(enc::c::sw(11, 12, 124), enc::sw(11, 12, 124), setup);
    CHECK(o.data[31] == 0x0BADF00D);
    CHECK(o.r.mem.write);
}

// ---- Quadrant 1 ------------------------------------------------------------------------------

TEST_CASE("rvc: c.nop", "[rvc]") {
    auto o = same_as_expansion(enc::c::nop(), enc::nop());
    CHECK(o.pc == kAt + 2);
    CHECK(o.r.rd == 0);
}

TEST_CASE("rvc: c.addi", "[rvc]") {
    auto setup = [](Harness& h) { h.set_x(5, 100); };
    auto o = same_as_expansion(enc::c::addi(5, -32), enc::addi(5, 5, -32), setup);
    CHECK(o.x[5] == 68);
    o = same_as_expansion(enc::c::addi(5, 31), enc::addi(5, 5, 31), setup);
    CHECK(o.x[5] == 131);
}

TEST_CASE("rvc: c.jal links pc+2", "[rvc]") {
    auto o = same_as_expansion(enc::c::jal(-2048), enc::jal(1, -2048), {}, 1);
    CHECK(o.pc == kAt - 2048);
    CHECK(o.x[1] == kAt + 2);
    o = same_as_expansion(enc::c::jal(2046), enc::jal(1, 2046), {}, 1);
    CHECK(o.pc == kAt + 2046);
    CHECK(o.r.rd == 1);
    CHECK(o.r.rd_value == kAt + 2);
}

TEST_CASE("rvc: c.li", "[rvc]") {
    auto o = same_as_expansion(enc::c::li(6, -1), enc::addi(6, 0, -1));
    CHECK(o.x[6] == 0xFFFFFFFF);
    o = same_as_expansion(enc::c::li(6, 31), enc::addi(6, 0, 31));
    CHECK(o.x[6] == 31);
    o = same_as_expansion(enc::c::li(6, -32), enc::addi(6, 0, -32));
    CHECK(o.x[6] == 0xFFFFFFE0);
}

TEST_CASE("rvc: c.addi16sp", "[rvc]") {
    auto o = same_as_expansion(enc::c::addi16sp(-512), enc::addi(2, 2, -512));
    CHECK(o.x[2] == kData + 0x80 - 512);
    o = same_as_expansion(enc::c::addi16sp(496), enc::addi(2, 2, 496));
    CHECK(o.x[2] == kData + 0x80 + 496);
    o = same_as_expansion(enc::c::addi16sp(16), enc::addi(2, 2, 16));
    CHECK(o.x[2] == kData + 0x90);
}

TEST_CASE("rvc: c.lui sign-extends nzimm bit 17", "[rvc]") {
    auto o = same_as_expansion(enc::c::lui(7, -32), enc::lui(7, 0xFFFE0));
    CHECK(o.x[7] == 0xFFFE0000);
    o = same_as_expansion(enc::c::lui(3, 0x1F), enc::lui(3, 0x1F));
    CHECK(o.x[3] == 0x0001F000);
    o = same_as_expansion(enc::c::lui(31, 1), enc::lui(31, 1));
    CHECK(o.x[31] == 0x1000);
}

TEST_CASE("rvc: c.srli / c.srai", "[rvc]") {
    auto setup = [](Harness& h) {
        h.set_x(8, 0x80000000);
        h.set_x(9, 0x80000000);
    };
    auto o = same_as_expansion(enc::c::srli(8, 31), enc::srli(8, 8, 31), setup);
    CHECK(o.x[8] == 1);
    o = same_as_expansion(enc::c::srai(9, 1), enc::srai(9, 9, 1), setup);
    CHECK(o.x[9] == 0xC0000000);
    o = same_as_expansion(enc::c::srai(9, 31), enc::srai(9, 9, 31), setup);
    CHECK(o.x[9] == 0xFFFFFFFF);
}

TEST_CASE("rvc: c.andi sign-extends its immediate", "[rvc]") {
    auto setup = [](Harness& h) { h.set_x(10, 0x12345678); };
    auto o = same_as_expansion(enc::c::andi(10, -32), enc::andi(10, 10, -32), setup);
    CHECK(o.x[10] == 0x12345660);
    o = same_as_expansion(enc::c::andi(10, 15), enc::andi(10, 10, 15), setup);
    CHECK(o.x[10] == 8);
}

TEST_CASE("rvc: c.sub, c.xor, c.or, c.and", "[rvc]") {
    auto setup = [](Harness& h) {
        for (unsigned r = 8; r < 16; ++r) h.set_x(r, 0xF0F0F0F0);
        h.set_x(15, 0x0FF00FF1);
    };
    auto o = same_as_expansion(enc::c::sub(8, 15), enc::sub(8, 8, 15), setup);
    CHECK(o.x[8] == 0xF0F0F0F0u - 0x0FF00FF1u);
    o = same_as_expansion(enc::c::xor_(9, 15), enc::xor_(9, 9, 15), setup);
    CHECK(o.x[9] == 0xFF00FF01);
    o = same_as_expansion(enc::c::or_(10, 15), enc::or_(10, 10, 15), setup);
    CHECK(o.x[10] == 0xFFF0FFF1);
    o = same_as_expansion(enc::c::and_(11, 15), enc::and_(11, 11, 15), setup);
    CHECK(o.x[11] == 0x00F000F0);
}

TEST_CASE("rvc: c.j does not link", "[rvc]") {
    auto o = same_as_expansion(enc::c::j(-2), enc::jal(0, -2));
    CHECK(o.pc == kAt - 2);
    CHECK(o.r.rd == 0);
    o = same_as_expansion(enc::c::j(1000), enc::jal(0, 1000));
    CHECK(o.pc == kAt + 1000);
}

TEST_CASE("rvc: c.beqz / c.bnez", "[rvc]") {
    auto zero = [](Harness& h) {
        h.set_x(8, 0);
        h.set_x(15, 0);
    };
    auto nonzero = [](Harness& h) {
        h.set_x(8, 0x80000000);
        h.set_x(15, 1);
    };
    auto o = same_as_expansion(enc::c::beqz(8, -256), enc::beq(8, 0, -256), zero);
    CHECK(o.pc == kAt - 256);
    o = same_as_expansion(enc::c::beqz(8, -256), enc::beq(8, 0, -256), nonzero);
    CHECK(o.pc == kAt + 2);
    o = same_as_expansion(enc::c::bnez(15, 254), enc::bne(15, 0, 254), nonzero);
    CHECK(o.pc == kAt + 254);
    o = same_as_expansion(enc::c::bnez(15, 254), enc::bne(15, 0, 254), zero);
    CHECK(o.pc == kAt + 2);
    o = same_as_expansion(enc::c::beqz(8, 6), enc::beq(8, 0, 6), zero);
    CHECK(o.pc == kAt + 6);
}

// ---- Quadrant 2 ------------------------------------------------------------------------------

TEST_CASE("rvc: c.slli", "[rvc]") {
    auto setup = [](Harness& h) {
        h.set_x(1, 3);
        h.set_x(20, 0x12345678);
    };
    auto o = same_as_expansion(enc::c::slli(1, 31), enc::slli(1, 1, 31), setup);
    CHECK(o.x[1] == 0x80000000);
    o = same_as_expansion(enc::c::slli(20, 4), enc::slli(20, 20, 4), setup);
    CHECK(o.x[20] == 0x23456780);
}

TEST_CASE("rvc: c.lwsp", "[rvc]") {
    auto setup = [](Harness& h) { h.poke32(kData + 0x80 + 252, 0x13579BDF); };
    auto o = same_as_expansion(enc::c::lwsp(31, 252), enc::lw(31, 2, 252), setup);
    CHECK(o.x[31] == 0x13579BDF);
    o = same_as_expansion(enc::c::lwsp(2, 0), enc::lw(2, 2, 0), setup);  // overwrites sp
    CHECK(o.x[2] == (0xA5000000u | 32));
}

TEST_CASE("rvc: c.swsp", "[rvc]") {
    auto setup = [](Harness& h) { h.set_x(31, 0xFEEDFACE); };
    auto o = same_as_expansion(enc::c::swsp(31, 252), enc::sw(31, 2, 252), setup);
    CHECK(o.data[(0x80 + 252) / 4] == 0xFEEDFACE);
    o = same_as_expansion(enc::c::swsp(2, 4), enc::sw(2, 2, 4), setup);
    CHECK(o.data[(0x80 + 4) / 4] == kData + 0x80);
}

TEST_CASE("rvc: c.jr", "[rvc]") {
    auto setup = [](Harness& h) { h.set_x(1, kCode + 0x102); };
    auto o = same_as_expansion(enc::c::jr(1), enc::jalr(0, 1, 0), setup);
    CHECK(o.pc == kCode + 0x102);
    CHECK(o.r.rd == 0);
}

TEST_CASE("rvc: c.mv", "[rvc]") {
    auto setup = [](Harness& h) { h.set_x(6, 0x600D600D); };
    auto o = same_as_expansion(enc::c::mv(5, 6), enc::add(5, 0, 6), setup);
    CHECK(o.x[5] == 0x600D600D);
}

TEST_CASE("rvc: c.jalr links pc+2 and reads rs1 before linking", "[rvc]") {
    auto setup = [](Harness& h) {
        h.set_x(7, kCode + 0x200);
        h.set_x(1, kCode + 0x300);
    };
    auto o = same_as_expansion(enc::c::jalr(7), enc::jalr(1, 7, 0), setup, 1);
    CHECK(o.pc == kCode + 0x200);
    CHECK(o.x[1] == kAt + 2);
    o = same_as_expansion(enc::c::jalr(1), enc::jalr(1, 1, 0), setup, 1);
    CHECK(o.pc == kCode + 0x300);
}

TEST_CASE("rvc: c.add", "[rvc]") {
    auto setup = [](Harness& h) {
        h.set_x(8, 0xFFFFFFFF);
        h.set_x(9, 2);
    };
    auto o = same_as_expansion(enc::c::add(8, 9), enc::add(8, 8, 9), setup);
    CHECK(o.x[8] == 1);
}

TEST_CASE("rvc: c.ebreak traps like ebreak with mtval = pc", "[rvc]") {
    const Outcome o = run_one({}, enc::c::ebreak());
    CHECK(o.r.kind == StepKind::Trap);
    CHECK(o.r.cause == rv::kBreakpoint);
    CHECK(o.r.tval == kAt);
    CHECK(o.r.insn_len == 2);
    CHECK(o.r.insn == 0x9002);
    CHECK(o.pc == kTrapVec);
}

TEST_CASE("rvc: HINT encodings retire without effect", "[rvc]") {
    struct Hint {
        uint16_t parcel;
        const char* name;
    };
    const Hint hints[] = {
        {enc::c::addi(0, 5), "c.addi x0, 5"}, {enc::c::li(0, 3), "c.li x0, 3"},
        {enc::c::lui(0, 1), "c.lui x0, 1"},   {enc::c::mv(0, 5), "c.mv x0, x5"},
        {enc::c::add(0, 5), "c.add x0, x5"},  {enc::c::slli(0, 3), "c.slli x0, 3"},
        {enc::c::addi(5, 0), "c.addi x5, 0"},
    };
    for (const Hint& hint : hints) {
        INFO(hint.name);
        const Outcome base = run_one({}, enc::nop());
        const Outcome o = run_one({}, hint.parcel);
        CHECK(o.r.kind == StepKind::Retired);
        CHECK(o.pc == kAt + 2);
        CHECK(o.x == base.x);
    }
}

// ---- Reserved and unsupported encodings ----------------------------------------------------

TEST_CASE("rvc: reserved and RV64/FP-only parcels are illegal with mtval = parcel",
          "[rvc][illegal]") {
    struct Bad {
        uint16_t parcel;
        const char* name;
    };
    const Bad bad[] = {
        {0x0000, "all-zero parcel"},
        {enc::c::addi4spn(9, 0), "c.addi4spn nzuimm=0"},
        {enc::c::lwsp(0, 4), "c.lwsp rd=0"},
        {enc::c::jr(0), "c.jr rs1=0"},
        {enc::c::addi16sp(0), "c.addi16sp imm=0"},
        {enc::c::lui(3, 0), "c.lui imm=0"},
        {enc::c::srli(8, 32), "c.srli shamt[5]=1"},
        {enc::c::srli(8, 33), "c.srli shamt=33"},
        {enc::c::srai(9, 32), "c.srai shamt[5]=1"},
        {enc::c::slli(1, 32), "c.slli shamt[5]=1"},
        {enc::c::slli(1, 63), "c.slli shamt=63"},
        {0x2000 | (1u << 7) | (2u << 2), "c.fld"},
        {0x6000 | (3u << 7) | (4u << 2), "c.flw (RV32) / c.ld"},
        {0x8000 | (1u << 2), "quadrant 0 funct3=100 reserved"},
        {0xA000 | (1u << 7), "c.fsd"},
        {0xE000 | (2u << 7), "c.fsw (RV32) / c.sd"},
        {enc::c::ca(0, 8, 9, 1), "c.subw"},
        {enc::c::ca(1, 8, 9, 1), "c.addw"},
        {enc::c::ca(2, 8, 9, 1), "reserved CA 10"},
        {enc::c::ca(3, 8, 9, 1), "reserved CA 11"},
        {0x2002 | (8u << 7), "c.fldsp"},
        {0x6002 | (8u << 7), "c.flwsp (RV32) / c.ldsp"},
        {0xA002 | (8u << 2), "c.fsdsp"},
        {0xE002 | (8u << 2), "c.fswsp (RV32) / c.sdsp"},
    };
    for (const Bad& b : bad) {
        INFO(b.name << " 0x" << std::hex << b.parcel);
        Harness h;
        h.set_x(8, 0x88);
        h.set_x(9, 0x99);
        h.set_x(1, 0x11);
        h.set_x(2, kData);
        // The parcel is followed by a non-zero halfword that must not leak into mtval.
        h.program({b.parcel, uint16_t(0xFFFF)}, kAt);
        const Retire r = h.step();
        CHECK(r.kind == StepKind::Trap);
        CHECK(r.cause == rv::kIllegalInsn);
        CHECK(r.tval == b.parcel);
        CHECK(r.insn_len == 2);
        CHECK(r.rd == 0);
        CHECK_FALSE(r.mem.valid);
        CHECK(h.csr(rv::kMtval) == b.parcel);
        CHECK(h.csr(rv::kMepc) == kAt);
        CHECK(h.csr(rv::kMcause) == rv::kIllegalInsn);
        CHECK(h.hart().pc() == kTrapVec);
        CHECK(h.x(8) == 0x88);
        CHECK(h.x(9) == 0x99);
        CHECK(h.x(1) == 0x11);
        CHECK(h.x(2) == kData);
    }
}

// ---- 2-byte alignment of control flow -----------------------------------------------------

TEST_CASE("rvc: jumps and branches to 2-byte aligned targets are legal", "[rvc][align]") {
    Harness h;
    SECTION("jal to pc+2") {
        h.program({enc::jal(1, 6)});
        const Retire r = h.step();
        CHECK(r.kind == StepKind::Retired);
        CHECK(r.next_pc == kCode + 6);
    }
    SECTION("branch to pc+2 mod 4") {
        h.program({enc::beq(0, 0, 10)});
        const Retire r = h.step();
        CHECK(r.kind == StepKind::Retired);
        CHECK(r.next_pc == kCode + 10);
    }
    SECTION("jalr with bit 0 set lands on the halfword") {
        h.set_x(5, kCode + 0x43);
        h.program({enc::jalr(1, 5, 0)});
        const Retire r = h.step();
        CHECK(r.kind == StepKind::Retired);
        CHECK(r.next_pc == kCode + 0x42);
    }
    SECTION("a 32-bit instruction straddling a word boundary executes") {
        h.program({enc::c::nop(), enc::addi(5, 0, 0x123), enc::c::li(6, 7)});
        CHECK(h.step().next_pc == kCode + 2);
        const Retire r = h.step();
        CHECK(r.kind == StepKind::Retired);
        CHECK(r.pc == kCode + 2);
        CHECK(r.insn_len == 4);
        CHECK(r.insn == enc::addi(5, 0, 0x123));
        CHECK(h.x(5) == 0x123);
        CHECK(h.step().next_pc == kCode + 8);
        CHECK(h.x(6) == 7);
    }
    SECTION("mixed compressed and full instructions") {
        h.program({enc::c::li(8, 1), enc::c::addi(8, 2), enc::slli(8, 8, 4), enc::c::mv(9, 8)});
        h.run(4);
        CHECK(h.x(9) == 0x30);
        CHECK(h.hart().pc() == kCode + 10);
    }
}

// ---- Exhaustive: all 49152 compressed parcels -------------------------------------------------

namespace {

// Immediate-field decoders built by inverting the parcel encoders (which test_encode.cpp
// checks against GNU as): the key is the parcel's immediate bits, the value the immediate.
struct ImmTables {
    std::map<uint32_t, int32_t> cj, cb, addi16sp, addi4spn, lw, lwsp, swsp;
    ImmTables() {
        for (int32_t off = -2048; off <= 2046; off += 2) cj[enc::c::j(off) & 0x1FFCu] = off;
        for (int32_t off = -256; off <= 254; off += 2) cb[enc::c::beqz(8, off) & 0x1C7Cu] = off;
        for (int32_t nz = -512; nz <= 496; nz += 16) addi16sp[enc::c::addi16sp(nz) & 0x107Cu] = nz;
        for (int32_t u = 0; u <= 1020; u += 4) addi4spn[enc::c::addi4spn(8, u) & 0x1FE0u] = u;
        for (int32_t u = 0; u <= 124; u += 4) lw[enc::c::lw(8, 8, u) & 0x1C60u] = u;
        for (int32_t u = 0; u <= 252; u += 4) lwsp[enc::c::lwsp(1, u) & 0x107Cu] = u;
        for (int32_t u = 0; u <= 252; u += 4) swsp[enc::c::swsp(0, u) & 0x1F80u] = u;
    }
};

int32_t at(const std::map<uint32_t, int32_t>& m, uint32_t key) {
    const auto it = m.find(key);
    REQUIRE(it != m.end());  // every bit pattern must be reachable by the encoder
    return it->second;
}

// The RV32C (no F/D) meaning of a parcel as its 32-bit instruction, from the spec's RVC
// tables (unprivileged spec 20191213, 16.8); 0 for reserved, illegal or FP/RV64 parcels.
uint32_t reference_expand(uint16_t c, const ImmTables& t) {
    auto b = [c](unsigned hi, unsigned lo) {
        return (uint32_t(c) >> lo) & ((1u << (hi - lo + 1)) - 1u);
    };
    auto sx6 = [](uint32_t v) { return int32_t(v << 26) >> 26; };
    const unsigned f3 = b(15, 13);
    const unsigned rd = b(11, 7), rs2 = b(6, 2);
    const unsigned rdp = 8 + b(4, 2), rs1p = 8 + b(9, 7);
    const int32_t imm6 = sx6((b(12, 12) << 5) | b(6, 2));
    switch (c & 3u) {
        case 0:
            switch (f3) {
                case 0: {
                    const int32_t u = at(t.addi4spn, c & 0x1FE0u);
                    return u == 0 ? 0 : enc::addi(rdp, 2, u);
                }
                case 2:
                    return enc::lw(rdp, rs1p, at(t.lw, c & 0x1C60u));
                case 6:
                    return enc::sw(rdp, rs1p, at(t.lw, c & 0x1C60u));
                default:
                    return 0;
            }
        case 1:
            switch (f3) {
                case 0:
                    return enc::addi(rd, rd, imm6);
                case 1:
                    return enc::jal(1, at(t.cj, c & 0x1FFCu));
                case 2:
                    return enc::addi(rd, 0, imm6);
                case 3:
                    if (rd == 2) {
                        const int32_t nz = at(t.addi16sp, c & 0x107Cu);
                        return nz == 0 ? 0 : enc::addi(2, 2, nz);
                    }
                    return imm6 == 0 ? 0 : enc::lui(rd, uint32_t(imm6) & 0xFFFFFu);
                case 4:
                    switch (b(11, 10)) {
                        case 0:
                            return b(12, 12) ? 0 : enc::srli(rs1p, rs1p, rs2);
                        case 1:
                            return b(12, 12) ? 0 : enc::srai(rs1p, rs1p, rs2);
                        case 2:
                            return enc::andi(rs1p, rs1p, imm6);
                        default:
                            if (b(12, 12)) return 0;
                            switch (b(6, 5)) {
                                case 0:
                                    return enc::sub(rs1p, rs1p, rdp);
                                case 1:
                                    return enc::xor_(rs1p, rs1p, rdp);
                                case 2:
                                    return enc::or_(rs1p, rs1p, rdp);
                                default:
                                    return enc::and_(rs1p, rs1p, rdp);
                            }
                    }
                case 5:
                    return enc::jal(0, at(t.cj, c & 0x1FFCu));
                case 6:
                    return enc::beq(rs1p, 0, at(t.cb, c & 0x1C7Cu));
                default:
                    return enc::bne(rs1p, 0, at(t.cb, c & 0x1C7Cu));
            }
        case 2:
            switch (f3) {
                case 0:
                    return b(12, 12) ? 0 : enc::slli(rd, rd, rs2);
                case 2:
                    return rd == 0 ? 0 : enc::lw(rd, 2, at(t.lwsp, c & 0x107Cu));
                case 4:
                    if (!b(12, 12)) {
                        if (rs2 != 0) return enc::add(rd, 0, rs2);  // c.mv
                        return rd == 0 ? 0 : enc::jalr(0, rd, 0);   // c.jr
                    }
                    if (rs2 != 0) return enc::add(rd, rd, rs2);            // c.add
                    return rd == 0 ? enc::ebreak() : enc::jalr(1, rd, 0);  // c.ebreak / c.jalr
                case 6:
                    return enc::sw(rs2, 2, at(t.swsp, c & 0x1F80u));
                default:
                    return 0;
            }
        default:
            return 0;
    }
}

}  // namespace

TEST_CASE("rvc: every parcel expands as the spec's RVC tables say", "[rvc][exhaustive]") {
    const ImmTables t;
    unsigned mismatches = 0, legal = 0;
    for (uint32_t c = 0; c < 0x10000; ++c) {
        if ((c & 3u) == 3u) continue;
        const uint32_t want = reference_expand(uint16_t(c), t);
        const uint32_t got = epoxy::iss::expand_compressed(uint16_t(c));
        if (want != 0) ++legal;
        if (want != got && mismatches++ < 20) {
            INFO("parcel 0x" << std::hex << c << ": want 0x" << want << " got 0x" << got);
            CHECK(want == got);
        }
    }
    CHECK(mismatches == 0);
    CHECK(legal > 25000);  // sanity: the reference accepts most of the space
}

TEST_CASE("rvc: the hart traps exactly on the parcels the spec makes illegal",
          "[rvc][exhaustive]") {
    const ImmTables t;
    Harness h;
    h.m.set_console([](char) {});
    unsigned mismatches = 0;
    for (uint32_t c = 0; c < 0x10000; ++c) {
        if ((c & 3u) == 3u) continue;
        for (unsigned i = 1; i < 32; ++i) h.set_x(i, kData + 0x100);  // aligned, mapped
        h.hart().set_priv(Priv::M);
        h.program({uint16_t(c)}, kAt);
        const Retire r = h.m.step();
        const bool illegal = r.kind == StepKind::Trap && r.cause == rv::kIllegalInsn;
        const bool want_illegal = reference_expand(uint16_t(c), t) == 0;
        if (illegal != want_illegal || (illegal && r.tval != c)) {
            if (mismatches++ < 20) {
                INFO("parcel 0x" << std::hex << c << " tval 0x" << r.tval);
                CHECK(illegal == want_illegal);
            }
        }
    }
    CHECK(mismatches == 0);
}
