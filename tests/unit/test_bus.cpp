// SPDX-License-Identifier: Apache-2.0
// Bus errors: unmapped addresses, ROM stores, device access rules, fetch faults.
#include <catch2/catch.hpp>

#include "harness.h"

using namespace unit;

namespace {

constexpr uint32_t kSramEnd = EPOXY_SRAM_BASE + EPOXY_SRAM_SIZE;
constexpr uint32_t kUartTx = EPOXY_UART_BASE + EPOXY_UART_TXDATA;

Retire access(uint32_t insn, uint32_t addr, Harness& h) {
    h.set_x(1, addr);
    h.set_x(2, 0x5A5A5A5A);
    h.set_x(3, 0x33);
    return exec1(h, insn);
}

void require_fault(uint32_t insn, uint32_t addr, uint32_t cause) {
    Harness h;
    const Retire r = access(insn, addr, h);
    INFO("addr 0x" << std::hex << addr << " insn 0x" << insn);
    CHECK(r.kind == StepKind::Trap);
    CHECK(r.cause == cause);
    CHECK(r.tval == addr);
    CHECK(h.csr(rv::kMtval) == addr);
    CHECK(h.csr(rv::kMepc) == kCode);
    CHECK(r.rd == 0);
    CHECK_FALSE(r.mem.valid);
    CHECK(h.x(3) == 0x33);
    CHECK(h.console.empty());
}

}  // namespace

TEST_CASE("bus: loads from unmapped addresses fault with cause 5", "[bus]") {
    for (uint32_t a : {kUnmapped, kSramEnd, EPOXY_ROM_BASE + EPOXY_ROM_SIZE, 0xFFFFFFFCu,
                       EPOXY_GPIO_BASE + 0x8, EPOXY_IOPMP_BASE + 0x10, EPOXY_UART_BASE + 0x10}) {
        require_fault(enc::lw(3, 1, 0), a, rv::kLoadAccessFault);
        require_fault(enc::lbu(3, 1, 0), a + 1, rv::kLoadAccessFault);
    }
}

TEST_CASE("bus: stores to unmapped addresses fault with cause 7", "[bus]") {
    for (uint32_t a : {kUnmapped, kSramEnd, 0xFFFFFFFCu, EPOXY_GPIO_BASE + 0x8,
                       EPOXY_IOPMP_BASE + 0x10}) {
        require_fault(enc::sw(2, 1, 0), a, rv::kStoreAccessFault);
        require_fault(enc::sh(2, 1, 0), a + 2, rv::kStoreAccessFault);
    }
}

TEST_CASE("bus: the last word of SRAM is accessible", "[bus]") {
    Harness h;
    CHECK(access(enc::sw(2, 1, 0), kSramEnd - 4, h).kind == StepKind::Retired);
    CHECK(h.peek(kSramEnd - 4) == 0x5A5A5A5A);
    CHECK(access(enc::lbu(3, 1, 0), kSramEnd - 1, h).kind == StepKind::Retired);
    CHECK(h.x(3) == 0x5A);
}

TEST_CASE("bus: ROM is readable but not writable", "[bus]") {
    Harness h;
    h.poke32(EPOXY_ROM_BASE + 0x40, 0x0DDBA11u);
    CHECK(access(enc::lw(3, 1, 0), EPOXY_ROM_BASE + 0x40, h).kind == StepKind::Retired);
    CHECK(h.x(3) == 0x0DDBA11u);
    require_fault(enc::sw(2, 1, 0), EPOXY_ROM_BASE + 0x40, rv::kStoreAccessFault);
    require_fault(enc::sb(2, 1, 0), EPOXY_ROM_BASE, rv::kStoreAccessFault);
    Harness h2;
    h2.poke32(EPOXY_ROM_BASE + 0x40, 0x0DDBA11u);
    access(enc::sw(2, 1, 0), EPOXY_ROM_BASE + 0x40, h2);
    CHECK(h2.peek(EPOXY_ROM_BASE + 0x40) == 0x0DDBA11u);
}

TEST_CASE("bus: device registers accept only 32-bit accesses", "[bus]") {
    require_fault(enc::sb(2, 1, 0), kUartTx, rv::kStoreAccessFault);
    require_fault(enc::sh(2, 1, 0), kUartTx, rv::kStoreAccessFault);
    require_fault(enc::lbu(3, 1, 0), EPOXY_UART_BASE + EPOXY_UART_STATUS, rv::kLoadAccessFault);
    require_fault(enc::lh(3, 1, 0), EPOXY_TIMER_BASE + EPOXY_TIMER_MTIME, rv::kLoadAccessFault);
    Harness h;
    CHECK(access(enc::sw(2, 1, 0), kUartTx, h).kind == StepKind::Retired);
    CHECK(h.console == "Z");
}

TEST_CASE("bus: fetch from unmapped memory faults with cause 1", "[bus]") {
    Harness h;
    h.set_x(1, kUnmapped);
    h.program({enc::jalr(0, 1, 0)});
    CHECK(h.step().kind == StepKind::Retired);
    const Retire r = h.step();
    CHECK(r.kind == StepKind::Trap);
    CHECK(r.cause == rv::kInsnAccessFault);
    CHECK(r.tval == kUnmapped);
    CHECK(r.pc == kUnmapped);
    CHECK(h.csr(rv::kMepc) == kUnmapped);
    CHECK(r.next_pc == kTrapVec);
}

TEST_CASE("bus: fetch from a device faults with cause 1", "[bus]") {
    Harness h;
    h.hart().set_pc(EPOXY_UART_BASE);
    const Retire r = h.step();
    CHECK(r.cause == rv::kInsnAccessFault);
    CHECK(r.tval == EPOXY_UART_BASE);
    CHECK(h.console.empty());
}

TEST_CASE("bus: code runs from ROM", "[bus]") {
    Harness h;
    h.program({enc::addi(5, 0, 77)}, EPOXY_ROM_BASE + 0x100);
    CHECK(h.step().kind == StepKind::Retired);
    CHECK(h.x(5) == 77);
}

TEST_CASE("bus: a 32-bit instruction running off the end of SRAM", "[bus]") {
    // Low parcel in the last halfword of SRAM; the high parcel is unmapped. mepc points at
    // the instruction, mtval at the part that faulted (privileged spec 3.1.16).
    Harness h;
    h.program({uint16_t(0x0013)}, kSramEnd - 2);
    const Retire r = h.step();
    CHECK(r.kind == StepKind::Trap);
    CHECK(r.cause == rv::kInsnAccessFault);
    CHECK(r.tval == kSramEnd);
    CHECK(h.csr(rv::kMepc) == kSramEnd - 2);
}

TEST_CASE("bus: a compressed instruction in the last halfword of SRAM runs", "[bus]") {
    Harness h;
    h.program({enc::c::li(8, 9)}, kSramEnd - 2);
    CHECK(h.step().kind == StepKind::Retired);
    CHECK(h.x(8) == 9);
}
