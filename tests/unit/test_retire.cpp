// SPDX-License-Identifier: Apache-2.0
// The Retire record: fields for ALU ops, loads, stores, CSR writes, traps, order, next_pc.
#include <catch2/catch.hpp>

#include "harness.h"

using namespace unit;

TEST_CASE("retire: an ALU instruction", "[retire]") {
    Harness h;
    h.set_x(1, 40);
    h.program({enc::nop(), enc::addi(7, 1, 2)});
    h.step();
    const Retire r = h.step();
    CHECK(r.kind == StepKind::Retired);
    CHECK(r.priv == Priv::M);
    CHECK(r.pc == kCode + 4);
    CHECK(r.insn == enc::addi(7, 1, 2));
    CHECK(r.insn_len == 4);
    CHECK(r.rd == 7);
    CHECK(r.rd_value == 42);
    CHECK_FALSE(r.mem.valid);
    CHECK(r.csr_count == 0);
    CHECK(r.next_pc == kCode + 8);
    CHECK(r.cause == 0);
    CHECK(r.tval == 0);
}

TEST_CASE("retire: a load records the raw value before sign extension", "[retire]") {
    Harness h;
    h.poke32(kData, 0x00008081);
    h.set_x(1, kData);
    const Retire r = exec1(h, enc::lh(9, 1, 0));
    CHECK(r.mem.valid);
    CHECK_FALSE(r.mem.write);
    CHECK(r.mem.addr == kData);
    CHECK(r.mem.size == 2);
    CHECK(r.mem.data == 0x8081);
    CHECK(r.rd == 9);
    CHECK(r.rd_value == 0xFFFF8081);
}

TEST_CASE("retire: a load into x0 records the access but no register", "[retire]") {
    Harness h;
    h.poke32(kData, 0xABCD);
    h.set_x(1, kData);
    const Retire r = exec1(h, enc::lw(0, 1, 0));
    CHECK(r.mem.valid);
    CHECK(r.mem.data == 0xABCD);
    CHECK(r.rd == 0);
    CHECK(r.rd_value == 0);
}

TEST_CASE("retire: stores record the bytes written", "[retire]") {
    Harness h;
    h.set_x(1, kData);
    h.set_x(2, 0x12345678);
    struct S {
        uint32_t insn;
        uint8_t size;
        uint32_t data;
        uint32_t addr;
    };
    for (S s : {S{enc::sb(2, 1, 3), 1, 0x78, kData + 3}, S{enc::sh(2, 1, 2), 2, 0x5678, kData + 2},
                S{enc::sw(2, 1, 4), 4, 0x12345678, kData + 4}}) {
        const Retire r = exec1(h, s.insn);
        CHECK(r.mem.valid);
        CHECK(r.mem.write);
        CHECK(r.mem.size == s.size);
        CHECK(r.mem.data == s.data);
        CHECK(r.mem.addr == s.addr);
        CHECK(r.rd == 0);
    }
}

TEST_CASE("retire: csr writes carry the value after WARL", "[retire]") {
    Harness h;
    h.set_x(1, 0xFFFFFFFF);
    const Retire r = exec1(h, enc::csrrw(5, rv::kMie, 1));
    REQUIRE(r.csr_count == 1);
    CHECK(r.csr[0].addr == rv::kMie);
    CHECK(r.csr[0].value == 0x888);
    CHECK(r.rd == 5);
    CHECK(r.rd_value == 0);
}

TEST_CASE("retire: order counts retired, trapped and interrupted steps", "[retire]") {
    Harness h;
    h.place({enc::nop(), enc::nop()}, kTrapVec);
    h.program({enc::nop(), enc::ecall(), enc::nop()});
    for (uint64_t i = 0; i < 4; ++i) CHECK(h.step().order == i);
}

TEST_CASE("retire: order continues across interrupts and skips sleeping steps", "[retire]") {
    Harness h;
    h.set_csr(rv::kMie, rv::kMipMtip);
    h.set_csr(rv::kMstatus, rv::kMstatusMie);
    h.m.write(EPOXY_TIMER_BASE + EPOXY_TIMER_MTIMECMPH, 4, 0);
    h.m.write(EPOXY_TIMER_BASE + EPOXY_TIMER_MTIMECMP, 4, 4);
    h.place({enc::nop()}, kTrapVec);
    h.program({enc::wfi()});
    std::vector<StepKind> kinds;
    std::vector<uint64_t> orders;
    for (int i = 0; i < 6; ++i) {
        const Retire r = h.step();
        kinds.push_back(r.kind);
        if (r.kind != StepKind::Sleeping) orders.push_back(r.order);
    }
    CHECK(kinds == std::vector<StepKind>{StepKind::Retired, StepKind::Sleeping, StepKind::Sleeping,
                                         StepKind::Sleeping, StepKind::Interrupt,
                                         StepKind::Retired});
    CHECK(orders == std::vector<uint64_t>{0, 1, 2});
}

TEST_CASE("retire: next_pc of taken and not-taken branches, jumps and traps", "[retire]") {
    Harness h;
    h.set_x(1, 1);
    CHECK(exec1(h, enc::bne(1, 0, -8)).next_pc == kCode - 8);
    CHECK(exec1(h, enc::beq(1, 0, -8)).next_pc == kCode + 4);
    CHECK(exec1(h, enc::jal(0, 0x40)).next_pc == kCode + 0x40);
    CHECK(exec1(h, enc::c::j(0x40)).next_pc == kCode + 0x40);
    CHECK(exec1(h, enc::c::nop()).next_pc == kCode + 2);
    CHECK(exec1(h, enc::ecall()).next_pc == kTrapVec);
}

TEST_CASE("retire: a compressed instruction records its parcel, not the expansion", "[retire]") {
    Harness h;
    const Retire r = exec1(h, enc::c::li(10, -3));
    CHECK(r.insn == enc::c::li(10, -3));
    CHECK(r.insn_len == 2);
    CHECK(r.rd == 10);
    CHECK(r.rd_value == 0xFFFFFFFD);
}

TEST_CASE("retire: a trapping load records no register and no access", "[retire]") {
    Harness h;
    h.set_x(1, kUnmapped);
    const Retire r = exec1(h, enc::lw(5, 1, 0));
    CHECK(r.kind == StepKind::Trap);
    CHECK(r.insn == enc::lw(5, 1, 0));
    CHECK(r.insn_len == 4);
    CHECK(r.rd == 0);
    CHECK_FALSE(r.mem.valid);
    CHECK(r.csr_count == 4);
}
