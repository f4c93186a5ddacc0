// SPDX-License-Identifier: Apache-2.0
// Platform local interrupts (mip/mie bits 16+, one per accelerator on Epoxy) and the machine
// external interrupt as the platform drives them: which mie/mip bits exist, priority against
// MEI/MSI/MTI, vectored offsets, U-mode, WFI wake-up, the sim interrupt source device and
// the run loop's deadlock rule.
#include <catch2/catch.hpp>

#include "harness.h"

using namespace unit;

namespace {

constexpr uint32_t kLocal0 = 1u << 16, kLocal1 = 1u << 17, kLocal2 = 1u << 18;
constexpr uint32_t kSimIrqSet = EPOXY_SIMIRQ_BASE + EPOXY_SIMIRQ_SET;
constexpr uint32_t kSimIrqClear = EPOXY_SIMIRQ_BASE + EPOXY_SIMIRQ_CLEAR;
constexpr uint32_t kSimIrqPending = EPOXY_SIMIRQ_BASE + EPOXY_SIMIRQ_PENDING;

std::vector<Insn> nops(unsigned n) {
    return std::vector<Insn>(n, Insn(enc::nop()));
}

// A harness whose hart has the Epoxy SoC's three local lines.
struct LocalHarness : Harness {
    LocalHarness() { hart().set_local_irq_count(3); }
};

}  // namespace

TEST_CASE("local irq: mie bits 16.. are writable only for the lines that exist", "[irq][local]") {
    Harness h;
    CHECK(h.hart().local_irq_count() == 0);
    h.set_csr(rv::kMie, 0xFFFFFFFFu);
    CHECK(h.csr(rv::kMie) == 0x888u);  // default: no local lines, as before

    h.hart().set_local_irq_count(3);
    CHECK(h.hart().irq_mask() == 0x70888u);
    h.set_csr(rv::kMie, 0xFFFFFFFFu);
    CHECK(h.csr(rv::kMie) == 0x70888u);

    h.hart().set_local_irq_count(16);
    h.set_csr(rv::kMie, 0xFFFFFFFFu);
    CHECK(h.csr(rv::kMie) == 0xFFFF0888u);
    h.hart().set_local_irq_count(40);  // clamped to the 16 bits mip has
    CHECK(h.hart().local_irq_count() == 16);

    // Shrinking drops the enables of lines that no longer exist; reset keeps the count.
    h.hart().set_local_irq_count(1);
    CHECK(h.csr(rv::kMie) == 0x10888u);
    h.hart().reset(kCode);
    CHECK(h.hart().local_irq_count() == 1);
    CHECK(h.csr(rv::kMie) == 0);
}

TEST_CASE("local irq: mip shows the lines and is read-only", "[irq][local]") {
    LocalHarness h;
    h.m.set_local_irqs(0x5);  // lines 0 and 2
    h.m.set_external_irq(true);
    h.set_x(1, 0xFFFFFFFFu);
    h.program({enc::csrr(5, rv::kMip), enc::csrrw(6, rv::kMip, 1), enc::csrr(7, rv::kMip)});
    h.run(3);
    CHECK(h.x(5) == (rv::kMipMeip | kLocal0 | kLocal2));
    CHECK(h.x(6) == (rv::kMipMeip | kLocal0 | kLocal2));
    CHECK(h.x(7) == (rv::kMipMeip | kLocal0 | kLocal2));  // the write changed nothing

    // Lines beyond the hart's count are not seen.
    h.m.set_local_irqs(0xFFFF);
    h.m.set_external_irq(false);
    h.program({enc::csrr(8, rv::kMip)});
    h.step();
    CHECK(h.x(8) == (kLocal0 | kLocal1 | kLocal2));
}

TEST_CASE("local irq: priority MEI > MSI > MTI > local 0 > local 1 > local 2", "[irq][local]") {
    LocalHarness h;
    h.set_csr(rv::kMie, 0x70888u);
    h.program(nops(8));
    uint32_t lines = rv::kMipMeip | rv::kMipMsip | rv::kMipMtip | kLocal0 | kLocal1 | kLocal2;
    for (uint32_t expect : {11u, 3u, 7u, 16u, 17u, 18u}) {
        h.set_csr(rv::kMstatus, rv::kMstatusMie);
        h.hart().set_irq_lines(lines);
        const Retire r = h.hart().step();
        CHECK(r.kind == StepKind::Interrupt);
        CHECK(r.cause == (0x80000000u | expect));
        CHECK(r.tval == 0);
        CHECK(h.csr(rv::kMcause) == (0x80000000u | expect));
        lines &= ~(1u << expect);  // acknowledged
    }
    // Each one masked by its own mie bit.
    h.set_csr(rv::kMie, 0x888u);
    h.set_csr(rv::kMstatus, rv::kMstatusMie);
    h.hart().set_pc(kCode);
    h.hart().set_irq_lines(kLocal0 | kLocal1 | kLocal2);
    CHECK(h.hart().step().kind == StepKind::Retired);
    h.set_csr(rv::kMie, kLocal1);
    h.hart().set_irq_lines(kLocal0 | kLocal1 | kLocal2);
    const Retire r = h.hart().step();
    CHECK(r.kind == StepKind::Interrupt);
    CHECK(r.cause == (0x80000000u | 17));
}

TEST_CASE("local irq: vectored mtvec enters at base + 4 * cause", "[irq][local]") {
    LocalHarness h;
    const uint32_t base = kTrapVec;
    h.set_csr(rv::kMtvec, base | 1u);
    h.set_csr(rv::kMie, 0x70888u);
    h.program(nops(8));
    for (uint32_t line : {11u, 16u, 17u, 18u}) {
        h.set_csr(rv::kMstatus, rv::kMstatusMie);
        h.hart().set_pc(kCode);
        h.hart().set_irq_lines(1u << line);
        const Retire r = h.hart().step();
        CHECK(r.kind == StepKind::Interrupt);
        CHECK(r.next_pc == base + 4 * line);
        CHECK(h.hart().pc() == base + 4 * line);
        CHECK(h.csr(rv::kMepc) == kCode);
    }
}

TEST_CASE("local irq: always enabled in U-mode, gated by mstatus.MIE in M-mode",
          "[irq][local]") {
    LocalHarness h;
    h.set_csr(rv::kMie, kLocal2);
    h.set_csr(rv::kMstatus, 0);
    h.program(nops(8));
    h.m.set_local_irqs(0x4);
    CHECK(h.step().kind == StepKind::Retired);  // M-mode, MIE = 0: pending, not taken
    h.enter_user();
    const Retire r = h.step();
    CHECK(r.kind == StepKind::Interrupt);
    CHECK(r.priv == Priv::U);
    CHECK(r.cause == (0x80000000u | 18));
    CHECK(h.hart().priv() == Priv::M);
    CHECK((h.csr(rv::kMstatus) & rv::kMstatusMpp) == 0);  // MPP = U
}

TEST_CASE("local irq: the sim interrupt source raises lines until they are acknowledged",
          "[irq][local]") {
    LocalHarness h;
    h.set_csr(rv::kMie, rv::kMipMeip | kLocal1);
    h.set_csr(rv::kMstatus, rv::kMstatusMie);
    h.set_x(1, EPOXY_SIMIRQ_BASE);
    h.set_x(2, kLocal1 | 0x1u);  // bit 0 is not a line: ignored
    h.program({enc::sw(2, 1, EPOXY_SIMIRQ_SET), enc::nop(), enc::nop()});
    CHECK(h.step().kind == StepKind::Retired);
    uint32_t v = 0;
    REQUIRE(h.m.read(kSimIrqPending, 4, Access::Load, v));
    CHECK(v == kLocal1);
    CHECK(h.m.simirq_pending() == kLocal1);
    Retire r = h.step();
    CHECK(r.kind == StepKind::Interrupt);
    CHECK(r.cause == (0x80000000u | 17));
    // Still raised: taken again as soon as interrupts are enabled, until acknowledged.
    h.set_csr(rv::kMstatus, rv::kMstatusMie);
    CHECK(h.step().kind == StepKind::Interrupt);
    REQUIRE(h.m.write(kSimIrqClear, 4, kLocal1));
    CHECK(h.m.simirq_pending() == 0);
    h.set_csr(rv::kMstatus, rv::kMstatusMie);
    h.hart().set_pc(kCode + 4);
    CHECK(h.step().kind == StepKind::Retired);

    // MEI through the device; word accesses only, and SET/CLEAR read as 0.
    REQUIRE(h.m.write(kSimIrqSet, 4, rv::kMipMeip));
    h.set_csr(rv::kMstatus, rv::kMstatusMie);
    h.program(nops(2));
    r = h.step();
    CHECK(r.cause == (0x80000000u | 11));
    REQUIRE(h.m.read(kSimIrqSet, 4, Access::Load, v));
    CHECK(v == 0);
    CHECK_FALSE(h.m.read(kSimIrqPending, 2, Access::Load, v));
    CHECK_FALSE(h.m.write(kSimIrqSet, 1, 1));
    CHECK_FALSE(h.m.read(EPOXY_SIMIRQ_BASE + 0xC, 4, Access::Load, v));
}

TEST_CASE("local irq: with no local lines the device's local bits are invisible",
          "[irq][local]") {
    Harness h;  // count 0
    REQUIRE(h.m.write(kSimIrqSet, 4, kLocal0 | rv::kMipMeip));
    h.program({enc::csrr(5, rv::kMip)});
    h.step();
    CHECK(h.x(5) == rv::kMipMeip);
}

TEST_CASE("local irq: WFI wakes on a local line and takes it", "[irq][local][wfi]") {
    LocalHarness h;
    h.set_csr(rv::kMie, kLocal0);
    h.set_csr(rv::kMstatus, rv::kMstatusMie);
    h.program({enc::wfi(), enc::nop()});
    CHECK(h.step().kind == StepKind::Retired);  // wfi retires, the hart sleeps
    CHECK(h.hart().sleeping());
    CHECK(h.step().kind == StepKind::Sleeping);
    h.m.set_local_irqs(0x1);
    const Retire r = h.step();
    CHECK(r.kind == StepKind::Interrupt);
    CHECK(r.cause == (0x80000000u | 16));
    CHECK(r.pc == kCode + 4);  // mepc after the wfi
    CHECK_FALSE(h.hart().sleeping());
}

TEST_CASE("local irq: WFI with MIE = 0 resumes on a local line without a trap",
          "[irq][local][wfi]") {
    LocalHarness h;
    h.set_csr(rv::kMie, kLocal2);
    h.program({enc::wfi(), enc::addi(5, 0, 7)});
    h.step();
    CHECK(h.step().kind == StepKind::Sleeping);
    h.m.set_local_irqs(0x4);
    const Retire r = h.step();
    CHECK(r.kind == StepKind::Retired);
    CHECK(h.x(5) == 7);
}

TEST_CASE("local irq: run() asks the WFI hook before reporting a deadlock", "[irq][local][wfi]") {
    SECTION("no hook: a WFI waiting for a local line is a deadlock") {
        LocalHarness h;
        h.set_csr(rv::kMie, kLocal0 | rv::kMipMeip);
        h.set_csr(rv::kMstatus, rv::kMstatusMie);
        h.program({enc::wfi(), enc::nop()});
        const auto result = h.m.run(100);
        CHECK(result.reason == epoxy::iss::StopReason::Deadlock);
    }
    SECTION("a hook that raises the line wakes the hart") {
        LocalHarness h;
        h.set_csr(rv::kMie, kLocal0 | rv::kMipMeip);
        h.set_csr(rv::kMstatus, rv::kMstatusMie);
        h.program({enc::wfi(), enc::nop(), enc::nop()});
        h.place({enc::mret()}, kTrapVec);
        unsigned calls = 0;
        h.m.set_wfi_hook([&calls](Machine& m) {
            ++calls;
            m.set_external_irq(true);
            return true;
        });
        std::vector<uint32_t> causes;
        const auto result = h.m.run(3, [&](const Retire& r) {
            if (r.kind == StepKind::Interrupt) {
                causes.push_back(r.cause);
                h.m.set_external_irq(false);  // acknowledged
            }
        });
        CHECK(result.reason == epoxy::iss::StopReason::InsnLimit);
        CHECK(calls == 1);
        REQUIRE(causes.size() == 1);
        CHECK(causes[0] == (0x80000000u | 11));
    }
    SECTION("a hook that cannot raise anything: deadlock") {
        LocalHarness h;
        h.set_csr(rv::kMie, kLocal0);
        h.program({enc::wfi(), enc::nop()});
        h.m.set_wfi_hook([](Machine&) { return false; });
        CHECK(h.m.run(100).reason == epoxy::iss::StopReason::Deadlock);
    }
}
