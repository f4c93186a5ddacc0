// SPDX-License-Identifier: Apache-2.0
// Synchronous traps and mret: ecall, ebreak, the trap CSRs, mstatus stacking, mtvec modes.
#include <catch2/catch.hpp>

#include "harness.h"

using namespace unit;

namespace {
uint32_t mpp(Harness& h) {
    return (h.csr(rv::kMstatus) >> 11) & 3u;
}
bool mie(Harness& h) {
    return (h.csr(rv::kMstatus) >> 3) & 1u;
}
bool mpie(Harness& h) {
    return (h.csr(rv::kMstatus) >> 7) & 1u;
}
}  // namespace

TEST_CASE("traps: ecall from M-mode", "[trap]") {
    Harness h;
    h.set_csr(rv::kMstatus, rv::kMstatusMie);
    h.set_csr(rv::kMtval, 0x1234);
    h.program({enc::nop(), enc::ecall()});
    h.step();
    const Retire r = h.step();
    CHECK(r.kind == StepKind::Trap);
    CHECK(r.cause == 11);
    CHECK(r.tval == 0);
    CHECK(r.pc == kCode + 4);
    CHECK(r.next_pc == kTrapVec);
    CHECK(h.hart().pc() == kTrapVec);
    CHECK(h.csr(rv::kMepc) == kCode + 4);
    CHECK(h.csr(rv::kMcause) == 11);
    CHECK(h.csr(rv::kMtval) == 0);
    CHECK(mpp(h) == 3);
    CHECK(mpie(h));
    CHECK_FALSE(mie(h));
    CHECK(h.hart().priv() == Priv::M);
}

TEST_CASE("traps: ecall from U-mode", "[trap][umode]") {
    Harness h;
    h.set_csr(rv::kMstatus, 3u << 11);  // MPP=M beforehand, MIE=0
    h.enter_user();
    h.program({enc::ecall()});
    const Retire r = h.step();
    CHECK(r.kind == StepKind::Trap);
    CHECK(r.priv == Priv::U);
    CHECK(r.cause == 8);
    CHECK(h.csr(rv::kMcause) == 8);
    CHECK(h.csr(rv::kMepc) == kCode);
    CHECK(mpp(h) == 0);
    CHECK_FALSE(mpie(h));
    CHECK_FALSE(mie(h));
    CHECK(h.hart().priv() == Priv::M);
}

TEST_CASE("traps: ebreak sets mtval to its pc", "[trap]") {
    Harness h;
    h.program({enc::nop(), enc::nop(), enc::ebreak()});
    h.run(2);
    const Retire r = h.step();
    CHECK(r.kind == StepKind::Trap);
    CHECK(r.cause == 3);
    CHECK(r.tval == kCode + 8);
    CHECK(h.csr(rv::kMtval) == kCode + 8);
    CHECK(h.csr(rv::kMepc) == kCode + 8);
}

TEST_CASE("traps: MIE is stacked into MPIE and cleared", "[trap]") {
    Harness h;
    SECTION("MIE=1 -> MPIE=1, MIE=0") {
        h.set_csr(rv::kMstatus, rv::kMstatusMie);
        exec1(h, enc::ecall());
        CHECK(mpie(h));
        CHECK_FALSE(mie(h));
    }
    SECTION("MIE=0, MPIE=1 -> MPIE=0") {
        h.set_csr(rv::kMstatus, rv::kMstatusMpie);
        exec1(h, enc::ecall());
        CHECK_FALSE(mpie(h));
        CHECK_FALSE(mie(h));
    }
    SECTION("other mstatus bits survive") {
        h.set_csr(rv::kMstatus, rv::kMstatusTw | rv::kMstatusMprv | (3u << 11));
        exec1(h, enc::ecall());
        CHECK((h.csr(rv::kMstatus) & rv::kMstatusTw) != 0);
        CHECK((h.csr(rv::kMstatus) & rv::kMstatusMprv) != 0);
    }
}

TEST_CASE("traps: exceptions use the mtvec base even in vectored mode", "[trap]") {
    Harness h;
    h.set_csr(rv::kMtvec, kTrapVec | 1u);
    const Retire r = exec1(h, enc::ecall());
    CHECK(r.next_pc == kTrapVec);
    h.set_csr(rv::kMtvec, kTrapVec | 1u);
    const Retire r2 = exec1(h, 0xFFFFFFFFu);
    CHECK(r2.next_pc == kTrapVec);
}

TEST_CASE("traps: a trap records its CSR writes sorted by number", "[trap][retire]") {
    Harness h;
    h.set_csr(rv::kMstatus, rv::kMstatusMie);
    const Retire r = exec1(h, enc::ebreak());
    REQUIRE(r.csr_count == 4);
    CHECK(r.csr[0].addr == rv::kMstatus);
    CHECK(r.csr[0].value == (rv::kMstatusMpie | (3u << 11)));
    CHECK(r.csr[1].addr == rv::kMepc);
    CHECK(r.csr[1].value == kCode);
    CHECK(r.csr[2].addr == rv::kMcause);
    CHECK(r.csr[2].value == 3);
    CHECK(r.csr[3].addr == rv::kMtval);
    CHECK(r.csr[3].value == kCode);
}

TEST_CASE("traps: mret returns to M-mode", "[trap][mret]") {
    Harness h;
    h.set_csr(rv::kMepc, kCode + 0x100);
    h.set_csr(rv::kMstatus, rv::kMstatusMpie | (3u << 11));
    const Retire r = exec1(h, enc::mret());
    CHECK(r.kind == StepKind::Retired);
    CHECK(r.next_pc == kCode + 0x100);
    CHECK(h.hart().priv() == Priv::M);
    CHECK(mie(h));
    CHECK(mpie(h));
    CHECK(mpp(h) == 0);  // MPP becomes the least-privileged mode, U
    REQUIRE(r.csr_count >= 1);
    CHECK(r.csr[0].addr == rv::kMstatus);
    CHECK(r.csr[0].value == h.csr(rv::kMstatus));
}

TEST_CASE("traps: mret to U-mode restores MIE from MPIE and clears MPRV", "[trap][mret]") {
    Harness h;
    h.open_pmp_for_user();
    h.set_csr(rv::kMepc, kCode + 0x200);
    h.set_csr(rv::kMstatus, rv::kMstatusMprv | rv::kMstatusMie);  // MPIE=0, MPP=U
    exec1(h, enc::mret());
    CHECK(h.hart().priv() == Priv::U);
    CHECK(h.hart().pc() == kCode + 0x200);
    CHECK_FALSE(mie(h));
    CHECK(mpie(h));
    CHECK((h.csr(rv::kMstatus) & rv::kMstatusMprv) == 0);
}

TEST_CASE("traps: mret to M-mode keeps MPRV", "[trap][mret]") {
    Harness h;
    h.set_csr(rv::kMepc, kCode + 0x40);
    h.set_csr(rv::kMstatus, rv::kMstatusMprv | (3u << 11));
    exec1(h, enc::mret());
    CHECK((h.csr(rv::kMstatus) & rv::kMstatusMprv) != 0);
}

TEST_CASE("traps: mret from U-mode is illegal", "[trap][mret][umode]") {
    Harness h;
    h.set_csr(rv::kMepc, kCode + 0x100);
    h.enter_user();
    const Retire r = exec1(h, enc::mret());
    CHECK(r.kind == StepKind::Trap);
    CHECK(r.cause == rv::kIllegalInsn);
    CHECK(r.tval == enc::mret());
    CHECK(h.csr(rv::kMepc) == kCode);
    CHECK(h.hart().pc() == kTrapVec);
}

TEST_CASE("traps: round trip U -> ecall -> handler -> mret -> U", "[trap][umode]") {
    Harness h;
    // Handler: skip the ecall (mepc += 4), note mcause in x10, return.
    h.place({enc::csrr(10, rv::kMcause), enc::csrr(11, rv::kMepc), enc::addi(11, 11, 4),
             enc::csrw(rv::kMepc, 11), enc::mret()},
            kTrapVec);
    h.enter_user();
    h.program({enc::addi(5, 0, 1), enc::ecall(), enc::addi(5, 5, 1)});
    h.run(1 + 1 + 5 + 1);
    CHECK(h.x(10) == 8);
    CHECK(h.x(5) == 2);
    CHECK(h.hart().priv() == Priv::U);
    CHECK(h.hart().pc() == kCode + 12);
}

TEST_CASE("traps: a trap in the handler overwrites mepc/mcause", "[trap]") {
    Harness h;
    h.place({enc::ebreak()}, kTrapVec);
    h.program({enc::ecall()});
    h.step();
    CHECK(h.csr(rv::kMcause) == 11);
    h.step();
    CHECK(h.csr(rv::kMcause) == 3);
    CHECK(h.csr(rv::kMepc) == kTrapVec);
    CHECK(mpp(h) == 3);
}

TEST_CASE("traps: exceptions taken from U-mode record MPP=U", "[trap][umode]") {
    struct C {
        uint32_t insn;
        uint32_t cause;
    };
    for (C c : {C{enc::ebreak(), rv::kBreakpoint}, C{0xFFFFFFFFu, rv::kIllegalInsn},
                C{enc::lw(5, 1, 0), rv::kLoadMisaligned}}) {
        Harness h;
        h.set_csr(rv::kMstatus, 3u << 11);
        h.set_x(1, kData + 2);
        h.enter_user();
        const Retire r = exec1(h, c.insn);
        CHECK(r.kind == StepKind::Trap);
        CHECK(r.cause == c.cause);
        CHECK(((h.csr(rv::kMstatus) >> 11) & 3u) == 0);
        CHECK(h.hart().priv() == Priv::M);
    }
}

TEST_CASE("traps: Hart::reset restores the reset state", "[trap]") {
    Harness h;
    h.set_x(5, 1);
    h.set_csr(rv::kMstatus, rv::kMstatusMie);
    h.set_csr(rv::kPmpcfg0, 0x1F);
    h.program({enc::nop(), enc::nop()});
    h.run(2);
    h.hart().set_priv(Priv::U);
    h.hart().reset(kCode + 0x40);
    CHECK(h.hart().pc() == kCode + 0x40);
    CHECK(h.hart().priv() == Priv::M);
    CHECK(h.x(5) == 0);
    CHECK(h.csr(rv::kMstatus) == 0);
    CHECK(h.csr(rv::kMtvec) == 0);
    CHECK(h.csr(rv::kPmpcfg0) == 0);
    CHECK(h.hart().cycle() == 0);
    CHECK(h.hart().instret() == 0);
    h.program({enc::nop()}, kCode + 0x40);
    CHECK(h.step().order == 0);
}
