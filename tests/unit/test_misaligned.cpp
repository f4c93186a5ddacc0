// SPDX-License-Identifier: Apache-2.0
// Misaligned loads and stores trap (this hart never splits them): cause 4/6, mtval = address.
#include <catch2/catch.hpp>

#include "harness.h"

using namespace unit;

namespace {

void require_misaligned(uint32_t insn, uint32_t addr, bool store, unsigned base = 1,
                        unsigned rd = 3) {
    Harness h;
    h.poke32(kData, 0x11223344);
    h.poke32(kData + 4, 0x55667788);
    h.set_x(2, 0xAABBCCDD);
    h.set_x(rd, 0x33333333);
    h.set_x(base, addr);
    h.program({insn});
    const Retire r = h.step();
    INFO("addr 0x" << std::hex << addr);
    CHECK(r.kind == StepKind::Trap);
    CHECK(r.cause == (store ? rv::kStoreMisaligned : rv::kLoadMisaligned));
    CHECK(r.tval == addr);
    CHECK(h.csr(rv::kMtval) == addr);
    CHECK(h.csr(rv::kMepc) == kCode);
    CHECK(r.rd == 0);
    CHECK_FALSE(r.mem.valid);
    CHECK(h.x(rd) == 0x33333333);
    CHECK(h.peek(kData) == 0x11223344);
    CHECK(h.peek(kData + 4) == 0x55667788);
    CHECK(h.hart().pc() == kTrapVec);
}

}  // namespace

TEST_CASE("misaligned: halfword loads at odd addresses", "[misaligned]") {
    require_misaligned(enc::lh(3, 1, 0), kData + 1, false);
    require_misaligned(enc::lhu(3, 1, 0), kData + 3, false);
}

TEST_CASE("misaligned: word loads not 4-byte aligned", "[misaligned]") {
    for (uint32_t off : {1u, 2u, 3u}) require_misaligned(enc::lw(3, 1, 0), kData + off, false);
}

TEST_CASE("misaligned: halfword and word stores", "[misaligned]") {
    require_misaligned(enc::sh(2, 1, 0), kData + 1, true);
    require_misaligned(enc::sh(2, 1, 0), kData + 3, true);
    for (uint32_t off : {1u, 2u, 3u}) require_misaligned(enc::sw(2, 1, 0), kData + off, true);
}

TEST_CASE("misaligned: compressed c.lw / c.sw", "[misaligned]") {
    require_misaligned(enc::c::lw(10, 9, 0), kData + 2, false, 9, 10);
    require_misaligned(enc::c::sw(8, 9, 0), kData + 1, true, 9, 8);
}

TEST_CASE("misaligned: misaligned to an unmapped address still reports misaligned",
          "[misaligned]") {
    // The hart checks alignment first (hart.h: misaligned accesses always trap).
    require_misaligned(enc::lw(3, 1, 0), kUnmapped + 2, false);
}

TEST_CASE("misaligned: byte accesses are never misaligned", "[misaligned]") {
    Harness h;
    h.poke32(kData, 0x11223344);
    h.set_x(1, kData + 3);
    h.set_x(2, 0xEE);
    h.program({enc::lbu(3, 1, 0), enc::sb(2, 1, 0)});
    CHECK(h.step().kind == StepKind::Retired);
    CHECK(h.x(3) == 0x11);
    CHECK(h.step().kind == StepKind::Retired);
    CHECK(h.peek(kData) == 0xEE223344);
}

TEST_CASE("misaligned: mtval is the effective address rs1 + imm", "[misaligned]") {
    Harness h;
    h.set_x(1, kData + 8);
    h.program({enc::lw(3, 1, -7)});
    const Retire r = h.step();
    CHECK(r.cause == rv::kLoadMisaligned);
    CHECK(r.tval == kData + 1);
    h.program({enc::sh(3, 1, 0x7FF)});
    const Retire s = h.step();
    CHECK(s.cause == rv::kStoreMisaligned);
    CHECK(s.tval == kData + 8 + 0x7FF);
}
