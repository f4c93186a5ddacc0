// SPDX-License-Identifier: Apache-2.0
// Interrupts: MTI from the machine timer, MSI from msip, priority, masking, WFI.
#include <catch2/catch.hpp>

#include "harness.h"

using namespace unit;

namespace {

constexpr uint32_t kMtimecmp = EPOXY_TIMER_BASE + EPOXY_TIMER_MTIMECMP;
constexpr uint32_t kMtimecmpH = EPOXY_TIMER_BASE + EPOXY_TIMER_MTIMECMPH;
constexpr uint32_t kMsip = EPOXY_TIMER_BASE + EPOXY_TIMER_MSIP;

void set_mtimecmp(Harness& h, uint64_t v) {
    h.m.write(kMtimecmpH, 4, 0xFFFFFFFF);  // no spurious match while the halves differ
    h.m.write(kMtimecmp, 4, uint32_t(v));
    h.m.write(kMtimecmpH, 4, uint32_t(v >> 32));
}

std::vector<Insn> nops(unsigned n) {
    return std::vector<Insn>(n, Insn(enc::nop()));
}

}  // namespace

TEST_CASE("interrupts: machine timer interrupt when mtime reaches mtimecmp", "[irq]") {
    Harness h;
    h.set_csr(rv::kMie, rv::kMipMtip);
    h.set_csr(rv::kMstatus, rv::kMstatusMie);
    set_mtimecmp(h, 3);
    h.program(nops(8));
    for (int i = 0; i < 3; ++i) CHECK(h.step().kind == StepKind::Retired);  // mtime 0,1,2
    const Retire r = h.step();                                              // mtime 3
    CHECK(r.kind == StepKind::Interrupt);
    CHECK(r.cause == (0x80000000u | 7));
    CHECK(r.tval == 0);
    CHECK(r.insn_len == 0);
    CHECK(r.pc == kCode + 12);
    CHECK(r.next_pc == kTrapVec);
    CHECK(h.csr(rv::kMepc) == kCode + 12);
    CHECK(h.csr(rv::kMcause) == 0x80000007u);
    CHECK(h.csr(rv::kMtval) == 0);
    CHECK((h.csr(rv::kMstatus) & rv::kMstatusMie) == 0);
    CHECK((h.csr(rv::kMstatus) & rv::kMstatusMpie) != 0);
    CHECK(h.hart().instret() == 3);
}

TEST_CASE("interrupts: mip shows MTIP while mtime >= mtimecmp", "[irq]") {
    Harness h;
    set_mtimecmp(h, 2);
    h.program({enc::csrr(5, rv::kMip), enc::csrr(6, rv::kMip), enc::csrr(7, rv::kMip)});
    h.run(3);
    CHECK(h.x(5) == 0);
    CHECK(h.x(6) == 0);
    CHECK(h.x(7) == rv::kMipMtip);
    set_mtimecmp(h, 1000);
    h.program({enc::csrr(8, rv::kMip)});
    h.step();
    CHECK(h.x(8) == 0);
}

TEST_CASE("interrupts: software interrupt from msip", "[irq]") {
    Harness h;
    h.set_csr(rv::kMie, rv::kMipMsip);
    h.set_csr(rv::kMstatus, rv::kMstatusMie);
    h.set_x(1, kMsip);
    h.set_x(2, 1);
    h.program({enc::sw(2, 1, 0), enc::nop(), enc::nop()});
    CHECK(h.step().kind == StepKind::Retired);
    const Retire r = h.step();
    CHECK(r.kind == StepKind::Interrupt);
    CHECK(r.cause == (0x80000000u | 3));
    CHECK(h.csr(rv::kMepc) == kCode + 4);
    CHECK(h.csr(rv::kMip) == rv::kMipMsip);
}

TEST_CASE("interrupts: priority MEI > MSI > MTI", "[irq]") {
    Harness h;
    h.set_csr(rv::kMie, 0x888);
    h.program(nops(4));
    auto take = [&h](uint32_t lines) {
        h.hart().set_csr(rv::kMstatus, rv::kMstatusMie);
        h.hart().set_pc(kCode);
        h.hart().set_irq_lines(lines);
        return h.hart().step();  // the hart alone: Machine::step would drive the lines itself
    };
    CHECK(take(0x888).cause == (0x80000000u | 11));
    CHECK(take(0x088).cause == (0x80000000u | 3));
    CHECK(take(0x808).cause == (0x80000000u | 11));
    CHECK(take(0x880).cause == (0x80000000u | 11));
    CHECK(take(0x080).cause == (0x80000000u | 7));
    CHECK(take(0x008).cause == (0x80000000u | 3));
}

TEST_CASE("interrupts: a pending line not enabled in mie is ignored", "[irq]") {
    Harness h;
    h.set_csr(rv::kMie, rv::kMipMtip);
    h.set_csr(rv::kMstatus, rv::kMstatusMie);
    h.program(nops(2));
    h.hart().set_irq_lines(rv::kMipMsip | rv::kMipMeip);
    CHECK(h.hart().step().kind == StepKind::Retired);
}

TEST_CASE("interrupts: masked in M-mode by mstatus.MIE", "[irq]") {
    Harness h;
    h.set_csr(rv::kMie, rv::kMipMtip);
    set_mtimecmp(h, 0);
    h.program(nops(4));
    for (int i = 0; i < 4; ++i) CHECK(h.step().kind == StepKind::Retired);
    // Enabling MIE lets the pending interrupt in before the next instruction.
    h.set_csr(rv::kMstatus, rv::kMstatusMie);
    CHECK(h.step().kind == StepKind::Interrupt);
}

TEST_CASE("interrupts: always enabled in U-mode", "[irq][umode]") {
    Harness h;
    h.set_csr(rv::kMie, rv::kMipMtip);
    h.set_csr(rv::kMstatus, 0);  // MIE=0
    set_mtimecmp(h, 0);
    h.enter_user();
    h.program(nops(2));
    const Retire r = h.step();
    CHECK(r.kind == StepKind::Interrupt);
    CHECK(r.priv == Priv::U);
    CHECK(h.hart().priv() == Priv::M);
    CHECK(((h.csr(rv::kMstatus) >> 11) & 3u) == 0);  // MPP = U
    CHECK((h.csr(rv::kMstatus) & rv::kMstatusMpie) == 0);
}

TEST_CASE("interrupts: vectored mtvec sends interrupts to base + 4*cause", "[irq]") {
    Harness h;
    h.set_csr(rv::kMtvec, kTrapVec | 1u);
    h.set_csr(rv::kMie, 0x888);
    h.program(nops(2));
    struct V {
        uint32_t line, cause;
    };
    for (V v : {V{rv::kMipMtip, 7}, V{rv::kMipMsip, 3}, V{rv::kMipMeip, 11}}) {
        h.hart().set_csr(rv::kMstatus, rv::kMstatusMie);
        h.hart().set_pc(kCode);
        h.hart().set_irq_lines(v.line);
        const Retire r = h.hart().step();
        CHECK(r.kind == StepKind::Interrupt);
        CHECK(r.next_pc == kTrapVec + 4 * v.cause);
        CHECK(h.hart().pc() == kTrapVec + 4 * v.cause);
    }
}

TEST_CASE("interrupts: mret re-enables and the interrupted code resumes", "[irq]") {
    Harness h;
    // Handler: push mtimecmp far away, return.
    h.place({enc::addi(20, 20, 1), enc::addi(5, 0, -1), enc::sw(5, 6, 4), enc::mret()}, kTrapVec);
    h.set_x(6, kMtimecmp);
    h.set_csr(rv::kMie, rv::kMipMtip);
    h.set_csr(rv::kMstatus, rv::kMstatusMie);
    set_mtimecmp(h, 2);
    h.program(nops(16));
    h.run(12);
    CHECK(h.x(20) == 1);  // exactly one interrupt
    CHECK((h.csr(rv::kMstatus) & rv::kMstatusMie) != 0);
    CHECK(h.hart().pc() == kCode + 4 * (12 - 1 - 4));
}

// ---- WFI -------------------------------------------------------------------------------------

TEST_CASE("interrupts: wfi sleeps until the timer, then traps with mepc after wfi", "[irq][wfi]") {
    Harness h;
    h.set_csr(rv::kMie, rv::kMipMtip);
    h.set_csr(rv::kMstatus, rv::kMstatusMie);
    set_mtimecmp(h, 5);
    h.program({enc::wfi(), enc::nop()});
    Retire r = h.step();
    CHECK(r.kind == StepKind::Retired);
    CHECK(h.hart().sleeping());
    const uint64_t order = r.order;
    const uint64_t cycles = h.hart().cycle();
    for (int i = 0; i < 4; ++i) {  // mtime 1..4
        r = h.step();
        CHECK(r.kind == StepKind::Sleeping);
        CHECK(r.next_pc == kCode + 4);
        CHECK(h.hart().pc() == kCode + 4);
    }
    CHECK(h.hart().cycle() == cycles);
    r = h.step();  // mtime 5
    CHECK(r.kind == StepKind::Interrupt);
    CHECK(r.order == order + 1);
    CHECK(h.csr(rv::kMepc) == kCode + 4);
    CHECK_FALSE(h.hart().sleeping());
}

TEST_CASE("interrupts: wfi with MIE=0 wakes and continues without a trap", "[irq][wfi]") {
    Harness h;
    h.set_csr(rv::kMie, rv::kMipMtip);
    set_mtimecmp(h, 3);
    h.program({enc::wfi(), enc::addi(5, 0, 7)});
    h.step();
    CHECK(h.step().kind == StepKind::Sleeping);
    CHECK(h.step().kind == StepKind::Sleeping);
    const Retire r = h.step();  // mtime 3: MTIP pending and enabled, but globally masked
    CHECK(r.kind == StepKind::Retired);
    CHECK(r.pc == kCode + 4);
    CHECK(h.x(5) == 7);
}

TEST_CASE("interrupts: wfi in U-mode", "[irq][wfi][umode]") {
    Harness h;
    SECTION("with mstatus.TW = 1 it is illegal") {
        h.set_csr(rv::kMstatus, rv::kMstatusTw);
        h.enter_user();
        const Retire r = exec1(h, enc::wfi());
        CHECK(r.kind == StepKind::Trap);
        CHECK(r.cause == rv::kIllegalInsn);
        CHECK(r.tval == enc::wfi());
        CHECK_FALSE(h.hart().sleeping());
    }
    SECTION("with mstatus.TW = 0 it sleeps") {
        h.enter_user();
        const Retire r = exec1(h, enc::wfi());
        CHECK(r.kind == StepKind::Retired);
        CHECK(h.hart().sleeping());
    }
    SECTION("TW does not affect M-mode") {
        h.set_csr(rv::kMstatus, rv::kMstatusTw);
        CHECK(exec1(h, enc::wfi()).kind == StepKind::Retired);
    }
}

TEST_CASE("interrupts: wfi in U-mode wakes into the M-mode handler", "[irq][wfi][umode]") {
    Harness h;
    h.set_csr(rv::kMie, rv::kMipMsip);
    h.enter_user();
    h.program({enc::wfi(), enc::nop()});
    CHECK(h.step().kind == StepKind::Retired);
    CHECK(h.step().kind == StepKind::Sleeping);
    h.m.write(kMsip, 4, 1);
    const Retire r = h.step();
    CHECK(r.kind == StepKind::Interrupt);
    CHECK(r.priv == Priv::U);
    CHECK(r.cause == (0x80000000u | 3));
    CHECK(h.csr(rv::kMepc) == kCode + 4);
    CHECK(((h.csr(rv::kMstatus) >> 11) & 3u) == 0);
    CHECK(h.hart().priv() == Priv::M);
}

TEST_CASE("interrupts: setting mstatus.MIE lets a pending interrupt in after the csrw", "[irq]") {
    Harness h;
    h.set_csr(rv::kMie, rv::kMipMtip);
    set_mtimecmp(h, 0);
    h.program({enc::csrrsi(0, rv::kMstatus, 8), enc::nop()});
    const Retire w = h.step();
    CHECK(w.kind == StepKind::Retired);
    const Retire r = h.step();
    CHECK(r.kind == StepKind::Interrupt);
    CHECK(h.csr(rv::kMepc) == kCode + 4);
}

TEST_CASE("interrupts: clearing the interrupt source drops the mip bit", "[irq]") {
    Harness h;
    h.m.write(kMsip, 4, 1);
    h.program({enc::csrr(5, rv::kMip), enc::nop(), enc::csrr(6, rv::kMip)});
    h.step();
    h.m.write(kMsip, 4, 0);
    h.run(2);
    CHECK(h.x(5) == rv::kMipMsip);
    CHECK(h.x(6) == 0);
}
