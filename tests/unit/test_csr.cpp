// SPDX-License-Identifier: Apache-2.0
// Zicsr and the machine CSRs: the six CSR instructions, access rules, WARL fields, counters.
#include <catch2/catch.hpp>

#include "harness.h"

using namespace unit;

namespace {

Retire require_illegal_csr(Harness& h, uint32_t insn) {
    h.program({insn});
    const Retire r = h.step();
    INFO("insn 0x" << std::hex << insn);
    CHECK(r.kind == StepKind::Trap);
    CHECK(r.cause == rv::kIllegalInsn);
    CHECK(r.tval == insn);
    CHECK(r.rd == 0);
    return r;
}

constexpr uint32_t kMstatusImplemented = 0x00221888;  // MIE, MPIE, MPP, MPRV, TW

}  // namespace

// ---- The six instructions ------------------------------------------------------------------

TEST_CASE("csr: csrrw swaps", "[csr]") {
    Harness h;
    h.set_csr(rv::kMscratch, 0x11111111);
    h.set_x(1, 0x22222222);
    const Retire r = exec1(h, enc::csrrw(5, rv::kMscratch, 1));
    CHECK(r.kind == StepKind::Retired);
    CHECK(h.x(5) == 0x11111111);
    CHECK(h.csr(rv::kMscratch) == 0x22222222);
    REQUIRE(r.csr_count == 1);
    CHECK(r.csr[0].addr == rv::kMscratch);
    CHECK(r.csr[0].value == 0x22222222);
}

TEST_CASE("csr: csrrw with rd == rs1 reads the old value, writes the register's", "[csr]") {
    Harness h;
    h.set_csr(rv::kMscratch, 0xAAAA);
    h.set_x(5, 0xBBBB);
    exec1(h, enc::csrrw(5, rv::kMscratch, 5));
    CHECK(h.x(5) == 0xAAAA);
    CHECK(h.csr(rv::kMscratch) == 0xBBBB);
}

TEST_CASE("csr: csrrw with rd = x0 still writes", "[csr]") {
    Harness h;
    h.set_x(1, 0x1234);
    const Retire r = exec1(h, enc::csrw(rv::kMscratch, 1));
    CHECK(r.rd == 0);
    CHECK(h.csr(rv::kMscratch) == 0x1234);
}

TEST_CASE("csr: csrrs sets bits, csrrc clears bits", "[csr]") {
    Harness h;
    h.set_csr(rv::kMscratch, 0xF0F0);
    h.set_x(1, 0x0FF0);
    SECTION("csrrs") {
        exec1(h, enc::csrrs(5, rv::kMscratch, 1));
        CHECK(h.x(5) == 0xF0F0);
        CHECK(h.csr(rv::kMscratch) == 0xFFF0);
    }
    SECTION("csrrc") {
        exec1(h, enc::csrrc(5, rv::kMscratch, 1));
        CHECK(h.x(5) == 0xF0F0);
        CHECK(h.csr(rv::kMscratch) == 0xF000);
    }
    SECTION("csrrs with rs1 = x0 reads only: no CSR write recorded") {
        const Retire r = exec1(h, enc::csrrs(5, rv::kMscratch, 0));
        CHECK(h.x(5) == 0xF0F0);
        CHECK(r.csr_count == 0);
    }
    SECTION("csrrc with rs1 = x0 reads only") {
        const Retire r = exec1(h, enc::csrrc(5, rv::kMscratch, 0));
        CHECK(h.x(5) == 0xF0F0);
        CHECK(h.csr(rv::kMscratch) == 0xF0F0);
        CHECK(r.csr_count == 0);
    }
}

TEST_CASE("csr: immediate forms use the 5-bit zero-extended rs1 field", "[csr]") {
    Harness h;
    h.set_csr(rv::kMscratch, 0xFFFFFF00);
    SECTION("csrrwi") {
        exec1(h, enc::csrrwi(5, rv::kMscratch, 31));
        CHECK(h.x(5) == 0xFFFFFF00);
        CHECK(h.csr(rv::kMscratch) == 31);
    }
    SECTION("csrrwi 0 still writes") {
        const Retire r = exec1(h, enc::csrrwi(5, rv::kMscratch, 0));
        CHECK(h.csr(rv::kMscratch) == 0);
        CHECK(r.csr_count == 1);
    }
    SECTION("csrrsi") {
        exec1(h, enc::csrrsi(5, rv::kMscratch, 0x15));
        CHECK(h.csr(rv::kMscratch) == 0xFFFFFF15);
    }
    SECTION("csrrci") {
        h.set_csr(rv::kMscratch, 0xFFFFFFFF);
        exec1(h, enc::csrrci(5, rv::kMscratch, 0x1F));
        CHECK(h.x(5) == 0xFFFFFFFF);
        CHECK(h.csr(rv::kMscratch) == 0xFFFFFFE0);
    }
    SECTION("csrrsi / csrrci with 0 do not write") {
        CHECK(exec1(h, enc::csrrsi(5, rv::kMscratch, 0)).csr_count == 0);
        CHECK(exec1(h, enc::csrrci(6, rv::kMscratch, 0)).csr_count == 0);
        CHECK(h.x(5) == 0xFFFFFF00);
        CHECK(h.x(6) == 0xFFFFFF00);
    }
}

// ---- Access rules --------------------------------------------------------------------------

TEST_CASE("csr: read-only CSRs may be read but not written", "[csr]") {
    Harness h;
    h.set_x(1, 0);
    SECTION("reads with rs1 = x0 / uimm = 0 are legal") {
        for (uint16_t a : {rv::kMvendorid, rv::kMarchid, rv::kMimpid, rv::kMhartid, rv::kCycle,
                           rv::kInstret, rv::kTime}) {
            INFO(std::hex << a);
            h.set_x(5, 0xFFFF);
            CHECK(exec1(h, enc::csrrs(5, a, 0)).kind == StepKind::Retired);
            CHECK(exec1(h, enc::csrrci(6, a, 0)).kind == StepKind::Retired);
        }
    }
    SECTION("mhartid and friends read 0") {
        for (uint16_t a : {rv::kMvendorid, rv::kMarchid, rv::kMimpid, rv::kMhartid}) {
            h.set_x(5, 0xFFFF);
            exec1(h, enc::csrr(5, a));
            CHECK(h.x(5) == 0);
        }
    }
    SECTION("any write form traps, even one that would not change the value") {
        require_illegal_csr(h, enc::csrrw(0, rv::kMhartid, 1));
        require_illegal_csr(h, enc::csrrs(5, rv::kMvendorid, 1));  // x1 == 0: still a write
        require_illegal_csr(h, enc::csrrc(5, rv::kMarchid, 1));
        require_illegal_csr(h, enc::csrrwi(5, rv::kMimpid, 0));
        require_illegal_csr(h, enc::csrrsi(5, rv::kCycle, 1));
        require_illegal_csr(h, enc::csrrw(5, rv::kTime, 1));
        require_illegal_csr(h, enc::csrrw(5, rv::kInstretH, 1));
    }
    SECTION("a trapping csr instruction leaves rd unchanged") {
        h.set_x(5, 0x5555);
        require_illegal_csr(h, enc::csrrw(5, rv::kMhartid, 1));
        CHECK(h.x(5) == 0x5555);
    }
}

TEST_CASE("csr: nonexistent CSRs are illegal", "[csr]") {
    Harness h;
    for (uint16_t a : {0x000, 0x001, 0x003, 0x100, 0x105, 0x180, 0x7B0, 0x7C0, 0x5C0, 0x8FF, 0xFC0,
                       0x3F0, 0x30B}) {
        INFO("csr 0x" << std::hex << a);
        require_illegal_csr(h, enc::csrr(5, a));
        require_illegal_csr(h, enc::csrw(a, 0));
    }
}

TEST_CASE("csr: M-mode CSRs are illegal from U-mode", "[csr][umode]") {
    Harness h;
    for (uint16_t a : {rv::kMstatus, rv::kMscratch, rv::kMepc, rv::kMtvec, rv::kMisa, rv::kMhartid,
                       rv::kMcycle, rv::kPmpcfg0, rv::kPmpaddr0, rv::kMcounteren}) {
        INFO("csr 0x" << std::hex << a);
        h.set_csr(rv::kMscratch, 0x5C5C);
        h.enter_user();
        const Retire r = require_illegal_csr(h, enc::csrr(5, a));
        CHECK(r.priv == Priv::U);
        CHECK(h.hart().priv() == Priv::M);
        CHECK(h.csr(rv::kMscratch) == 0x5C5C);
    }
    h.enter_user();
    h.set_x(1, 1);
    require_illegal_csr(h, enc::csrw(rv::kMscratch, 1));
    CHECK(h.csr(rv::kMscratch) == 0x5C5C);
}

TEST_CASE("csr: user counters from U-mode are gated by mcounteren", "[csr][umode]") {
    struct Ctr {
        uint16_t addr;
        unsigned bit;
    };
    for (const Ctr c :
         {Ctr{rv::kCycle, 0}, Ctr{rv::kTime, 1}, Ctr{rv::kInstret, 2}, Ctr{rv::kCycleH, 0},
          Ctr{rv::kTimeH, 1}, Ctr{rv::kInstretH, 2}, Ctr{rv::kHpmCounter3, 3}, Ctr{0xC04, 4}}) {
        INFO("csr 0x" << std::hex << c.addr);
        {
            Harness h;
            h.set_csr(rv::kMcounteren, ~(1u << c.bit));
            h.enter_user();
            require_illegal_csr(h, enc::csrr(5, c.addr));
        }
        {
            Harness h;
            h.set_csr(rv::kMcounteren, 1u << c.bit);
            h.enter_user();
            h.program({enc::csrr(5, c.addr)});
            CHECK(h.step().kind == StepKind::Retired);
        }
    }
}

TEST_CASE("csr: mcounteren, mcountinhibit and mcause keep only their implemented bits",
          "[csr]") {
    Harness h;
    h.set_csr(rv::kMcounteren, 0xFFFFFFFFu);
    CHECK(h.csr(rv::kMcounteren) == 0x1Fu);  // CY, TM, IR, HPM3, HPM4
    h.set_csr(rv::kMcountinhibit, 0xFFFFFFFFu);
    CHECK(h.csr(rv::kMcountinhibit) == 0x1Du);  // no TM bit
    h.set_csr(rv::kMcause, 0xFFFFFFFFu);
    CHECK(h.csr(rv::kMcause) == 0x8000001Fu);  // interrupt bit and a 5-bit code
    // So mhpmcounter5..31 stay gated in U-mode whatever is written to mcounteren.
    h.set_csr(rv::kMcountinhibit, 0);
    h.set_csr(rv::kMcounteren, 0xFFFFFFFFu);
    h.enter_user();
    require_illegal_csr(h, enc::csrr(5, 0xC1F));
}

TEST_CASE("csr: user counters in M-mode ignore mcounteren", "[csr]") {
    Harness h;
    h.set_csr(rv::kMcounteren, 0);
    for (uint16_t a : {rv::kCycle, rv::kTime, rv::kInstret, rv::kCycleH})
        CHECK(exec1(h, enc::csrr(5, a)).kind == StepKind::Retired);
}

// ---- Values and WARL fields -----------------------------------------------------------------

TEST_CASE("csr: misa is RV32 IMCU and ignores writes", "[csr]") {
    Harness h;
    const uint32_t expect = 0x40000000u | (1u << 8) | (1u << 12) | (1u << 2) | (1u << 20);
    CHECK(expect == 0x40101104u);
    exec1(h, enc::csrr(5, rv::kMisa));
    CHECK(h.x(5) == expect);
    h.set_x(1, 0);
    const Retire r = exec1(h, enc::csrw(rv::kMisa, 1));
    CHECK(r.kind == StepKind::Retired);
    CHECK(h.csr(rv::kMisa) == expect);
}

TEST_CASE("csr: mstatus keeps only implemented bits", "[csr]") {
    Harness h;
    h.set_x(1, 0xFFFFFFFF);
    exec1(h, enc::csrw(rv::kMstatus, 1));
    CHECK(h.csr(rv::kMstatus) == kMstatusImplemented);
    h.set_x(1, 0);
    exec1(h, enc::csrw(rv::kMstatus, 1));
    CHECK(h.csr(rv::kMstatus) == 0);
}

TEST_CASE("csr: mstatus.MPP holds only M or U", "[csr]") {
    Harness h;
    for (uint32_t mpp : {0u, 1u, 2u, 3u}) {
        h.set_x(1, mpp << 11);
        exec1(h, enc::csrw(rv::kMstatus, 1));
        const uint32_t got = (h.csr(rv::kMstatus) >> 11) & 3u;
        INFO("mpp written " << mpp);
        CHECK((got == 0 || got == 3));
        if (mpp == 0 || mpp == 3) CHECK(got == mpp);
    }
}

TEST_CASE("csr: mie holds MSIE, MTIE, MEIE and mip ignores writes", "[csr]") {
    Harness h;
    h.set_x(1, 0xFFFFFFFF);
    exec1(h, enc::csrw(rv::kMie, 1));
    CHECK(h.csr(rv::kMie) == 0x888);
    const Retire r = exec1(h, enc::csrw(rv::kMip, 1));
    CHECK(r.kind == StepKind::Retired);
    CHECK(h.csr(rv::kMip) == 0);
}

TEST_CASE("csr: mtvec direct and vectored and mepc bit 0 reads 0", "[csr]") {
    Harness h;
    h.set_x(1, 0x10000801);
    exec1(h, enc::csrw(rv::kMtvec, 1));
    CHECK(h.csr(rv::kMtvec) == 0x10000801);
    h.set_x(1, 0x10000400);
    exec1(h, enc::csrw(rv::kMtvec, 1));
    CHECK(h.csr(rv::kMtvec) == 0x10000400);
    h.set_x(1, 0x10000003);
    exec1(h, enc::csrw(rv::kMepc, 1));
    CHECK(h.csr(rv::kMepc) == 0x10000002);
}

TEST_CASE("csr: mcause and mtval are read/write", "[csr]") {
    Harness h;
    h.set_x(1, 0x8000000B);
    exec1(h, enc::csrw(rv::kMcause, 1));
    CHECK(h.csr(rv::kMcause) == 0x8000000B);
    h.set_x(1, 0xDEAD);
    exec1(h, enc::csrw(rv::kMtval, 1));
    CHECK(h.csr(rv::kMtval) == 0xDEAD);
}

TEST_CASE("csr: unimplemented PMP CSRs and HPM counters read 0", "[csr]") {
    Harness h;
    h.set_x(1, 0xFFFFFFFF);
    for (uint16_t a :
         {uint16_t(rv::kPmpcfg0 + 4), uint16_t(rv::kPmpcfg15), uint16_t(rv::kPmpaddr0 + 16),
          uint16_t(rv::kPmpaddr63), uint16_t(rv::kMhpmCounter3), uint16_t(rv::kMhpmEvent3),
          uint16_t(rv::kMhpmCounter31H)}) {
        INFO("csr 0x" << std::hex << a);
        CHECK(exec1(h, enc::csrw(a, 1)).kind == StepKind::Retired);
        CHECK(h.csr(a) == 0);
    }
}

// ---- Counters ------------------------------------------------------------------------------

TEST_CASE("csr: minstret counts retired instructions only", "[csr][counter]") {
    Harness h;
    h.place({enc::mret()}, kTrapVec);
    h.program({enc::nop(), enc::nop(), enc::ecall()});
    h.run(3);  // nop, nop, ecall (a trap: does not retire)
    CHECK(h.hart().instret() == 2);
    CHECK(h.hart().cycle() == 3);
    h.step();  // mret at the vector retires
    CHECK(h.hart().instret() == 3);
}

TEST_CASE("csr: reading minstret gives the count before the reading instruction",
          "[csr][counter]") {
    Harness h;
    h.program({enc::nop(), enc::nop(), enc::nop(), enc::csrr(5, rv::kMinstret),
               enc::csrr(6, rv::kInstret), enc::csrr(7, rv::kMinstretH)});
    h.run(6);
    CHECK(h.x(5) == 3);
    CHECK(h.x(6) == 4);
    CHECK(h.x(7) == 0);
}

TEST_CASE("csr: reading mcycle gives the count before the reading instruction", "[csr][counter]") {
    // One cycle per step, and a CSR read sees the value from before the instruction
    // (unprivileged spec, Zicsr: side-effect counters read the prior value).
    Harness h;
    h.program({enc::csrr(5, rv::kMcycle), enc::nop(), enc::csrr(6, rv::kCycle),
               enc::csrr(7, rv::kMcycleH)});
    h.run(4);
    CHECK(h.x(5) == 0);
    CHECK(h.x(6) == 2);
    CHECK(h.x(7) == 0);
    CHECK(h.hart().cycle() == 4);
}

TEST_CASE("csr: a write to minstret/mcycle replaces that instruction's increment",
          "[csr][counter]") {
    Harness h;
    h.set_x(1, 1000);
    h.program({enc::nop(), enc::csrw(rv::kMinstret, 1), enc::csrr(5, rv::kMinstret),
               enc::csrw(rv::kMcycle, 1), enc::csrr(6, rv::kMcycle)});
    h.run(5);
    CHECK(h.x(5) == 1000);
    CHECK(h.x(6) == 1000);
    CHECK(h.hart().instret() == 1003);
    CHECK(h.hart().cycle() == 1001);
}

TEST_CASE("csr: counter high halves carry and are writable", "[csr][counter]") {
    Harness h;
    h.set_x(1, 0xFFFFFFFF);
    h.set_x(2, 7);
    h.program({enc::csrw(rv::kMinstret, 1), enc::csrw(rv::kMinstretH, 2),
               enc::csrr(5, rv::kMinstretH), enc::csrr(6, rv::kMinstret),
               enc::csrr(7, rv::kInstretH)});
    h.run(5);
    // Each write replaces its own increment, so after the two writes minstret is
    // 0x7_FFFFFFFF; the read of minstreth sees 7 and retiring it carries into the high half.
    CHECK(h.x(5) == 7);
    CHECK(h.x(6) == 0);  // 0x7_FFFFFFFF + 1
    CHECK(h.x(7) == 8);
}

TEST_CASE("csr: mcountinhibit stops mcycle and minstret", "[csr][counter]") {
    Harness h;
    h.set_csr(rv::kMcountinhibit, 0x5);
    h.program({enc::nop(), enc::nop(), enc::nop()});
    h.run(3);
    CHECK(h.hart().cycle() == 0);
    CHECK(h.hart().instret() == 0);
    h.set_csr(rv::kMcountinhibit, 0x4);
    h.program({enc::nop(), enc::nop()});
    h.run(2);
    CHECK(h.hart().cycle() == 2);
    CHECK(h.hart().instret() == 0);
}

TEST_CASE("csr: time and timeh read the machine timer", "[csr][counter]") {
    Harness h;
    h.program({enc::nop(), enc::nop(), enc::csrr(5, rv::kTime), enc::csrr(6, rv::kTimeH)});
    h.run(4);
    // mtime ticks once per step after the step: the third step sees mtime = 2.
    CHECK(h.x(5) == 2);
    CHECK(h.x(6) == 0);
}

TEST_CASE("csr: mcountinhibit has no TM bit", "[csr][counter]") {
    Harness h;
    h.set_x(1, 0xFFFFFFFF);
    exec1(h, enc::csrw(rv::kMcountinhibit, 1));
    CHECK((h.csr(rv::kMcountinhibit) & 2u) == 0);
    CHECK((h.csr(rv::kMcountinhibit) & 5u) == 5u);
}

TEST_CASE("csr: set_csr refuses read-only and absent CSRs", "[csr]") {
    Harness h;
    CHECK_FALSE(h.hart().set_csr(rv::kMhartid, 1));
    CHECK_FALSE(h.hart().set_csr(rv::kCycle, 1));
    CHECK_FALSE(h.hart().set_csr(0x7C0, 1));
    CHECK(h.hart().set_csr(rv::kMscratch, 1));
    CHECK_FALSE(h.hart().csr(0x7C0).has_value());
}

// ---- Platform-defined CSRs (Hart::add_custom_csr) ------------------------------------------

TEST_CASE("csr: a custom CSR is illegal until added, then a plain WARL register", "[csr]") {
    Harness h;
    require_illegal_csr(h, enc::csrrw(5, 0x7C1, 1));
    Harness g;
    g.hart().add_custom_csr(0x7C1, 0x1);
    g.set_x(1, 0xFFFFFFFFu);
    const Retire r = exec1(g, enc::csrrw(5, 0x7C1, 1));
    CHECK(r.kind == StepKind::Retired);
    CHECK(g.x(5) == 0);
    CHECK(g.csr(0x7C1) == 0x1);  // only the writable bit sticks
    REQUIRE(r.csr_count == 1);
    CHECK(r.csr[0].addr == 0x7C1);
    CHECK(r.csr[0].value == 0x1);
}
