// SPDX-License-Identifier: Apache-2.0
// PMP as the privileged spec (1.12, section 3.7) says: matching modes, priority, locking,
// R/W/X, MPRV; first on the Pmp class directly, then through the hart's traps.
#include <catch2/catch.hpp>

#include "harness.h"
#include "iss/pmp.h"

using namespace unit;
using epoxy::iss::Pmp;

namespace {

constexpr uint8_t R = rv::kPmpR, W = rv::kPmpW, X = rv::kPmpX, L = rv::kPmpL;
constexpr uint8_t TOR = rv::kPmpTor << rv::kPmpAShift;
constexpr uint8_t NA4 = rv::kPmpNa4 << rv::kPmpAShift;
constexpr uint8_t NAPOT = rv::kPmpNapot << rv::kPmpAShift;

// Set entry i's pmpcfg byte, leaving the other three entries of its register alone.
void set_cfg(Pmp& p, unsigned i, uint8_t cfg) {
    const unsigned reg = i / 4, shift = 8 * (i % 4);
    p.write_cfg(reg, (p.read_cfg(reg) & ~(0xFFu << shift)) | (uint32_t(cfg) << shift));
}
// pmpaddr for a naturally aligned power-of-two region of `size` >= 8 bytes at `base`.
constexpr uint32_t napot(uint32_t base, uint32_t size) {
    return (base >> 2) | ((size >> 3) - 1);
}

bool ld(const Pmp& p, uint32_t a, Priv m = Priv::U, unsigned size = 4) {
    return p.allows(a, size, Access::Load, m);
}
bool st(const Pmp& p, uint32_t a, Priv m = Priv::U, unsigned size = 4) {
    return p.allows(a, size, Access::Store, m);
}
bool ex(const Pmp& p, uint32_t a, Priv m = Priv::U, unsigned size = 2) {
    return p.allows(a, size, Access::Fetch, m);
}

}  // namespace

TEST_CASE("pmp: napot helper matches the spec's encoding", "[pmp]") {
    CHECK(napot(0x10000000, 8) == 0x04000000);
    CHECK(napot(0x10000000, 16) == 0x04000001);
    CHECK(napot(0x10000000, 0x1000) == 0x040001FF);
}

TEST_CASE("pmp: with every entry OFF, M succeeds and U fails", "[pmp]") {
    Pmp p;
    p.reset();
    for (uint32_t a : {0u, 0x10000000u, 0xFFFFFFFCu}) {
        CHECK(ld(p, a, Priv::M));
        CHECK(st(p, a, Priv::M));
        CHECK(ex(p, a, Priv::M));
        CHECK_FALSE(ld(p, a));
        CHECK_FALSE(st(p, a));
        CHECK_FALSE(ex(p, a));
    }
    // An OFF entry with permissions set still matches nothing.
    set_cfg(p, 0, R | W | X);
    p.write_addr(0, 0xFFFFFFFF);
    CHECK_FALSE(ld(p, 0x100));
}

TEST_CASE("pmp: TOR entry 0 covers 0 up to pmpaddr0 << 2", "[pmp]") {
    Pmp p;
    p.reset();
    p.write_addr(0, 0x1000 >> 2);
    set_cfg(p, 0, TOR | R);
    CHECK(ld(p, 0));
    CHECK(ld(p, 0xFFC));
    CHECK_FALSE(ld(p, 0x1000));
    CHECK(ld(p, 0xFFF, Priv::U, 1));
}

TEST_CASE("pmp: TOR entry i covers pmpaddr(i-1) << 2 up to pmpaddr(i) << 2", "[pmp]") {
    Pmp p;
    p.reset();
    p.write_addr(2, 0x10000100 >> 2);
    p.write_addr(3, 0x10000200 >> 2);
    set_cfg(p, 3, TOR | R | W);
    CHECK_FALSE(ld(p, 0x100000FC));
    CHECK(ld(p, 0x10000100));
    CHECK(st(p, 0x100001FC));
    CHECK_FALSE(ld(p, 0x10000200));
    SECTION("empty when the bottom is not below the top") {
        p.write_addr(2, 0x10000200 >> 2);
        CHECK_FALSE(ld(p, 0x10000100));
        CHECK_FALSE(ld(p, 0x100001FC));
        CHECK_FALSE(ld(p, 0x10000200));
    }
}

TEST_CASE("pmp: NA4 covers exactly four bytes", "[pmp]") {
    Pmp p;
    p.reset();
    p.write_addr(0, 0x10000040 >> 2);
    set_cfg(p, 0, NA4 | R);
    CHECK_FALSE(ld(p, 0x1000003C));
    CHECK(ld(p, 0x10000040));
    CHECK(ld(p, 0x10000043, Priv::U, 1));
    CHECK_FALSE(ld(p, 0x10000044));
}

TEST_CASE("pmp: NAPOT regions of several sizes", "[pmp]") {
    for (uint32_t size : {8u, 16u, 0x100u, 0x1000u, 0x10000000u}) {
        INFO("size 0x" << std::hex << size);
        Pmp p;
        p.reset();
        const uint32_t base = 0x10000000;
        p.write_addr(0, napot(base, size));
        set_cfg(p, 0, NAPOT | R);
        CHECK_FALSE(ld(p, base - 4));
        CHECK(ld(p, base));
        CHECK(ld(p, base + size - 4));
        CHECK(ld(p, base + size / 2));
        CHECK_FALSE(ld(p, base + size));
    }
}

TEST_CASE("pmp: NAPOT with all ones covers everything", "[pmp]") {
    Pmp p;
    p.reset();
    p.write_addr(0, 0xFFFFFFFF);
    set_cfg(p, 0, NAPOT | X);
    CHECK(ex(p, 0));
    CHECK(ex(p, 0xFFFFFFFE));
    CHECK_FALSE(ld(p, 0x80000000));
}

TEST_CASE("pmp: the lowest-numbered matching entry decides", "[pmp]") {
    Pmp p;
    p.reset();
    // Entry 1: small no-access hole; entry 2: large read-write region around it.
    p.write_addr(1, napot(0x10001000, 0x100));
    set_cfg(p, 1, NAPOT);
    p.write_addr(2, napot(0x10000000, 0x10000));
    set_cfg(p, 2, NAPOT | R | W);
    CHECK(ld(p, 0x10000FFC));
    CHECK_FALSE(ld(p, 0x10001000));
    CHECK_FALSE(st(p, 0x100010FC));
    CHECK(st(p, 0x10001100));
    SECTION("reversed, the large region hides the hole") {
        p.reset();
        p.write_addr(1, napot(0x10000000, 0x10000));
        set_cfg(p, 1, NAPOT | R | W);
        p.write_addr(2, napot(0x10001000, 0x100));
        set_cfg(p, 2, NAPOT);
        CHECK(ld(p, 0x10001000));
    }
}

TEST_CASE("pmp: an access only partly inside the matching entry fails", "[pmp]") {
    Pmp p;
    p.reset();
    p.write_addr(0, napot(0x10000000, 0x100));
    set_cfg(p, 0, NAPOT | R | W | X);
    p.write_addr(1, 0xFFFFFFFF);
    set_cfg(p, 1, NAPOT | R | W | X);
    CHECK(ld(p, 0x100000FC));
    CHECK_FALSE(ld(p, 0x100000FE));           // straddles the top of entry 0
    CHECK_FALSE(ld(p, 0x0FFFFFFE));           // straddles the bottom
    CHECK_FALSE(ld(p, 0x100000FE, Priv::M));  // irrespective of mode and L
    CHECK_FALSE(ex(p, 0x100000FF, Priv::U, 2));
}

TEST_CASE("pmp: R, W and X are checked separately", "[pmp]") {
    const uint8_t perms[] = {0, R, R | W, X, R | X, R | W | X};
    for (uint8_t perm : perms) {
        INFO("perm " << int(perm));
        Pmp p;
        p.reset();
        p.write_addr(0, napot(0x10000000, 0x1000));
        set_cfg(p, 0, NAPOT | perm);
        CHECK(ld(p, 0x10000010) == ((perm & R) != 0));
        CHECK(st(p, 0x10000010) == ((perm & W) != 0));
        CHECK(ex(p, 0x10000010) == ((perm & X) != 0));
        // Unlocked entries do not restrict M-mode.
        CHECK(ld(p, 0x10000010, Priv::M));
        CHECK(st(p, 0x10000010, Priv::M));
        CHECK(ex(p, 0x10000010, Priv::M));
    }
}

TEST_CASE("pmp: W without R is reserved and not stored", "[pmp]") {
    Pmp p;
    p.reset();
    set_cfg(p, 0, NAPOT | R);
    p.write_cfg(0, NAPOT | W);
    CHECK(p.cfg(0) != (NAPOT | W));
    CHECK((p.cfg(0) & (R | W)) != W);
}

TEST_CASE("pmp: locked entries apply to M-mode", "[pmp][lock]") {
    Pmp p;
    p.reset();
    p.write_addr(0, napot(0x10000000, 0x1000));
    set_cfg(p, 0, NAPOT | L | R);
    CHECK(ld(p, 0x10000000, Priv::M));
    CHECK_FALSE(st(p, 0x10000000, Priv::M));
    CHECK_FALSE(ex(p, 0x10000000, Priv::M));
    CHECK(st(p, 0x10001000, Priv::M));  // outside: no match, M succeeds
}

TEST_CASE("pmp: locked entries ignore writes to pmpcfg and pmpaddr", "[pmp][lock]") {
    Pmp p;
    p.reset();
    p.write_addr(0, napot(0x10000000, 0x1000));
    set_cfg(p, 0, NAPOT | L | R);
    set_cfg(p, 1, NAPOT | R);
    p.write_cfg(0, 0);  // tries to clear entries 0..3
    CHECK(p.cfg(0) == (NAPOT | L | R));
    CHECK(p.cfg(1) == 0);  // entry 1 was not locked: written
    p.write_addr(0, 0x12345);
    CHECK(p.read_addr(0) == napot(0x10000000, 0x1000));
    CHECK(p.read_cfg(0) == (NAPOT | L | R));
}

TEST_CASE("pmp: a locked TOR entry also locks the pmpaddr below it", "[pmp][lock]") {
    Pmp p;
    p.reset();
    p.write_addr(3, 0x10000000 >> 2);
    p.write_addr(4, 0x10001000 >> 2);
    set_cfg(p, 4, TOR | L | R);
    p.write_addr(3, 0);
    CHECK(p.read_addr(3) == 0x10000000 >> 2);
    p.write_addr(2, 0x1234);  // not the entry's bound: still writable
    CHECK(p.read_addr(2) == 0x1234);
    SECTION("a locked NAPOT entry does not lock the one below") {
        p.reset();
        p.write_addr(5, 0x1111);
        p.write_addr(6, napot(0x10000000, 0x100));
        set_cfg(p, 6, NAPOT | L);
        p.write_addr(5, 0x2222);
        CHECK(p.read_addr(5) == 0x2222);
    }
    SECTION("locked entry 0 in TOR mode locks only itself") {
        p.reset();
        p.write_addr(0, 0x1000 >> 2);
        set_cfg(p, 0, TOR | L | R);
        p.write_addr(0, 0x2000 >> 2);
        CHECK(p.read_addr(0) == 0x1000 >> 2);
        CHECK(ld(p, 0xFFC, Priv::M));
        CHECK_FALSE(st(p, 0xFFC, Priv::M));
    }
}

TEST_CASE("pmp: pmpcfg packs four entries per CSR and bits 6:5 read zero", "[pmp]") {
    Pmp p;
    p.reset();
    p.write_cfg(1, 0x9F1F0F01u | 0x60606060u);
    CHECK(p.read_cfg(1) == 0x9F1F0F01u);
    CHECK(p.cfg(4) == 0x01);
    CHECK(p.cfg(5) == 0x0F);
    CHECK(p.cfg(6) == 0x1F);
    CHECK(p.cfg(7) == 0x9F);
    CHECK(p.read_cfg(4) == 0);
}

// ---- Through the hart ----------------------------------------------------------------------

namespace {

// Code region: entry 0 (RWX over the first 4 KiB of SRAM); data region: entry 1, `perm`.
void setup_user(Harness& h, uint8_t data_perm) {
    h.set_csr(rv::kPmpaddr0, napot(kCode, 0x1000));
    h.set_csr(rv::kPmpaddr0 + 1, napot(kData, 0x100));
    h.set_csr(rv::kPmpcfg0, uint32_t(NAPOT | R | W | X) | (uint32_t(NAPOT | data_perm) << 8));
    h.hart().set_priv(Priv::U);
    h.poke32(kData, 0xD00DFEED);
    h.set_x(1, kData);
    h.set_x(2, 0x12345678);
    h.set_x(3, 0x33);
}

}  // namespace

TEST_CASE("pmp: U-mode load/store faults", "[pmp][hart]") {
    Harness h;
    SECTION("no R: load access fault") {
        setup_user(h, W | X);
        const Retire r = exec1(h, enc::lw(3, 1, 0));
        CHECK(r.kind == StepKind::Trap);
        CHECK(r.cause == rv::kLoadAccessFault);
        CHECK(r.tval == kData);
        CHECK(h.x(3) == 0x33);
    }
    SECTION("no W: store access fault, memory untouched") {
        setup_user(h, R);
        const Retire r = exec1(h, enc::sw(2, 1, 8));
        CHECK(r.kind == StepKind::Trap);
        CHECK(r.cause == rv::kStoreAccessFault);
        CHECK(r.tval == kData + 8);
        CHECK(h.peek(kData + 8) == 0);
    }
    SECTION("R and W: both work") {
        setup_user(h, R | W);
        CHECK(exec1(h, enc::lw(3, 1, 0)).kind == StepKind::Retired);
        CHECK(h.x(3) == 0xD00DFEED);
        CHECK(exec1(h, enc::sb(2, 1, 1)).kind == StepKind::Retired);
        CHECK(h.peek(kData) == 0xD00D78ED);
    }
    SECTION("no matching entry: fault") {
        setup_user(h, R | W);
        h.set_x(1, kData + 0x100);
        CHECK(exec1(h, enc::lw(3, 1, 0)).cause == rv::kLoadAccessFault);
    }
}

TEST_CASE("pmp: U-mode fetch without X faults with cause 1", "[pmp][hart]") {
    Harness h;
    setup_user(h, R | W);  // the data region is not executable
    h.place({enc::nop()}, kData);
    h.program({enc::jalr(0, 1, 0)});
    CHECK(h.step().kind == StepKind::Retired);
    const Retire r = h.step();
    CHECK(r.kind == StepKind::Trap);
    CHECK(r.cause == rv::kInsnAccessFault);
    CHECK(r.tval == kData);
    CHECK(r.pc == kData);
    CHECK(h.csr(rv::kMepc) == kData);
    CHECK(r.insn_len == 0);
}

TEST_CASE("pmp: a locked entry faults M-mode accesses", "[pmp][hart][lock]") {
    Harness h;
    h.set_csr(rv::kPmpaddr0, napot(kData, 0x100));
    h.set_csr(rv::kPmpcfg0, NAPOT | L | R);
    h.set_x(1, kData);
    CHECK(exec1(h, enc::lw(3, 1, 0)).kind == StepKind::Retired);
    const Retire r = exec1(h, enc::sw(3, 1, 0));
    CHECK(r.cause == rv::kStoreAccessFault);
    // And the locked entry cannot be unlocked with csrw.
    h.set_x(5, 0);
    CHECK(exec1(h, enc::csrw(rv::kPmpcfg0, 5)).kind == StepKind::Retired);
    CHECK(h.csr(rv::kPmpcfg0) == (NAPOT | L | R));
    CHECK(exec1(h, enc::csrw(rv::kPmpaddr0, 5)).kind == StepKind::Retired);
    CHECK(h.csr(rv::kPmpaddr0) == napot(kData, 0x100));
}

TEST_CASE("pmp: M-mode fetch from a locked non-executable region faults", "[pmp][hart][lock]") {
    Harness h;
    h.set_csr(rv::kPmpaddr0, napot(kCode + 0x1000, 0x1000));
    h.set_csr(rv::kPmpcfg0, NAPOT | L | R | W);
    h.program({enc::nop()}, kCode + 0x1000);
    const Retire r = h.step();
    CHECK(r.cause == rv::kInsnAccessFault);
    CHECK(r.tval == kCode + 0x1000);
}

TEST_CASE("pmp: MPRV with MPP=U applies U permissions to M-mode loads and stores", "[pmp][hart]") {
    Harness h;
    h.set_csr(rv::kPmpaddr0, napot(kData, 0x100));
    h.set_csr(rv::kPmpcfg0, NAPOT | R);  // unlocked: M is unrestricted, U may only read
    h.set_x(1, kData);
    h.set_x(2, 5);
    SECTION("MPP=U") {
        h.set_csr(rv::kMstatus, rv::kMstatusMprv);
        CHECK(exec1(h, enc::lw(3, 1, 0)).kind == StepKind::Retired);
        CHECK(exec1(h, enc::sw(2, 1, 0)).cause == rv::kStoreAccessFault);
        // The store trap set MPP=M (the trap came from M); put U back.
        h.set_csr(rv::kMstatus, rv::kMstatusMprv);
        h.set_x(1, kData + 0x100);  // outside every entry: fails for U
        CHECK(exec1(h, enc::lw(3, 1, 0)).cause == rv::kLoadAccessFault);
        h.set_csr(rv::kMstatus, rv::kMstatusMprv);
        // Fetches are not affected by MPRV: the code (no entry) still runs in M.
        CHECK(exec1(h, enc::nop()).kind == StepKind::Retired);
    }
    SECTION("MPP=M") {
        h.set_csr(rv::kMstatus, rv::kMstatusMprv | (3u << 11));
        CHECK(exec1(h, enc::sw(2, 1, 0)).kind == StepKind::Retired);
        CHECK(h.peek(kData) == 5);
    }
    SECTION("MPRV=0") {
        h.set_csr(rv::kMstatus, 0);
        CHECK(exec1(h, enc::sw(2, 1, 0)).kind == StepKind::Retired);
    }
}

TEST_CASE("pmp: PMP CSRs through csrw/csrr", "[pmp][csr]") {
    Harness h;
    h.set_x(1, 0x0F1F0F0F);
    h.set_x(2, 0x0ABCDEF0);
    h.program({enc::csrw(rv::kPmpcfg0 + 2, 1), enc::csrw(rv::kPmpaddr0 + 9, 2),
               enc::csrr(5, rv::kPmpcfg0 + 2), enc::csrr(6, rv::kPmpaddr0 + 9)});
    h.run(4);
    CHECK(h.x(5) == 0x0F1F0F0F);
    CHECK(h.x(6) == 0x0ABCDEF0);
    CHECK(h.hart().pmp().cfg(10) == 0x1F);
}
