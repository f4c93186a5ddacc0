// SPDX-License-Identifier: Apache-2.0
// The ISS's IOPMP (iss/iopmp.h): the rule on its own (window edges, beats straddling them,
// permissions, the master mask, LOCK, the error record), its registers on the bus, and the NTT
// model's DMA through it (DMA_ERROR, DESC_FETCH_ERROR, the beats written before a refused one).
#include <catch2/catch.hpp>

#include "iss/iopmp.h"
#include "ntt_device_fixture.h"

using epoxy::iss::Iopmp;
using namespace nttdev;

namespace {

constexpr uint32_t kNtt = Iopmp::kMasterNtt;
constexpr uint32_t kMsm = 1u << 1;
constexpr uint32_t kR = EPOXY_IOPMP_ENTRY_CFG_R, kW = EPOXY_IOPMP_ENTRY_CFG_W;
constexpr uint32_t kLock = EPOXY_IOPMP_ENTRY_CFG_LOCK;
constexpr uint32_t kEnable = EPOXY_IOPMP_CTRL_ENABLE, kCtrlLock = EPOXY_IOPMP_CTRL_LOCK;

uint32_t masters(uint32_t m) { return m << EPOXY_IOPMP_ENTRY_CFG_MASTERS_SHIFT; }

void set(Iopmp& p, uint32_t off, uint32_t v) { REQUIRE(p.write(off, v)); }
uint32_t get(const Iopmp& p, uint32_t off) {
    uint32_t v = 0xDEADBEEFu;
    REQUIRE(p.read(off, v));
    return v;
}
void window(Iopmp& p, unsigned i, uint32_t base, uint32_t limit, uint32_t cfg) {
    set(p, EPOXY_IOPMP_ENTRY_BASE(i), base);
    set(p, EPOXY_IOPMP_ENTRY_LIMIT(i), limit);
    set(p, EPOXY_IOPMP_ENTRY_CFG(i), cfg);
}

constexpr uint32_t kBase = EPOXY_SRAM_BASE + 0x1000, kLimit = EPOXY_SRAM_BASE + 0x10FC;

}  // namespace

TEST_CASE("iopmp: reset values, CAPS, and everything allowed while disabled", "[iopmp]") {
    Iopmp p;
    CHECK(get(p, EPOXY_IOPMP_CTRL) == 0u);
    CHECK(get(p, EPOXY_IOPMP_CAPS) == (EPOXY_IOPMP_ENTRIES | (1u << 8)));
    CHECK(get(p, EPOXY_IOPMP_ERR_INFO) == 0u);
    CHECK(get(p, EPOXY_IOPMP_ERR_ADDR) == 0u);
    for (unsigned i = 0; i < EPOXY_IOPMP_ENTRIES; ++i) {
        CHECK(get(p, EPOXY_IOPMP_ENTRY_BASE(i)) == 0u);
        CHECK(get(p, EPOXY_IOPMP_ENTRY_LIMIT(i)) == 0u);
        CHECK(get(p, EPOXY_IOPMP_ENTRY_CFG(i)) == 0u);
    }
    CHECK(p.check(0x00000000u, 4, true, kNtt));
    CHECK(p.check(0xFFFFFFFCu, 1, false, kNtt));
    CHECK(get(p, EPOXY_IOPMP_ERR_INFO) == 0u);
    // Enabled with no entry: nothing is allowed.
    set(p, EPOXY_IOPMP_CTRL, kEnable);
    CHECK(get(p, EPOXY_IOPMP_CTRL) == kEnable);
    CHECK_FALSE(p.allows(kBase, 1, false, kNtt));
}

TEST_CASE("iopmp: registers answer at their offsets only, [1:0] of BASE/LIMIT read 0",
          "[iopmp]") {
    Iopmp p;
    uint32_t v;
    for (uint32_t off : {0x10u, 0x0FCu, EPOXY_IOPMP_ENTRY_BASE(0) + 0xCu,
                         EPOXY_IOPMP_ENTRY_BASE(EPOXY_IOPMP_ENTRIES), 0xFFCu}) {
        INFO("offset 0x" << std::hex << off);
        CHECK_FALSE(p.read(off, v));
        CHECK_FALSE(p.write(off, 0));
    }
    set(p, EPOXY_IOPMP_ENTRY_BASE(1), 0x10000007u);
    set(p, EPOXY_IOPMP_ENTRY_LIMIT(1), 0x1000FFFFu);
    set(p, EPOXY_IOPMP_ENTRY_CFG(1), 0xFFFFFF7Fu);  // everything but LOCK
    CHECK(get(p, EPOXY_IOPMP_ENTRY_BASE(1)) == 0x10000004u);
    CHECK(get(p, EPOXY_IOPMP_ENTRY_LIMIT(1)) == 0x1000FFFCu);
    CHECK(get(p, EPOXY_IOPMP_ENTRY_CFG(1)) == (kR | kW | masters(7)));
    // Read-only registers ignore writes.
    set(p, EPOXY_IOPMP_CAPS, 0);
    set(p, EPOXY_IOPMP_ERR_ADDR, 0x1234u);
    CHECK(get(p, EPOXY_IOPMP_CAPS) != 0u);
    CHECK(get(p, EPOXY_IOPMP_ERR_ADDR) == 0u);
}

TEST_CASE("iopmp: a beat is allowed only when one window covers all its words", "[iopmp]") {
    Iopmp p;
    window(p, 0, kBase, kLimit, kR | kW | masters(kNtt));
    set(p, EPOXY_IOPMP_CTRL, kEnable);
    CHECK(p.allows(kBase, 1, false, kNtt));
    CHECK(p.allows(kBase, 4, true, kNtt));
    CHECK(p.allows(kLimit, 1, true, kNtt));           // LIMIT is the last word, included
    CHECK(p.allows(kLimit - 12, 4, false, kNtt));     // four words ending at LIMIT
    CHECK_FALSE(p.allows(kBase - 4, 1, false, kNtt));
    CHECK_FALSE(p.allows(kBase - 4, 2, false, kNtt));  // straddles BASE
    CHECK_FALSE(p.allows(kLimit - 8, 4, true, kNtt));  // straddles LIMIT by one word
    CHECK_FALSE(p.allows(kLimit + 4, 1, true, kNtt));
    CHECK_FALSE(p.allows(0xFFFFFFFCu, 4, false, kNtt));  // never wraps around
    // Two adjacent windows: a beat across their boundary is covered by neither.
    window(p, 1, kLimit + 4, kLimit + 0x100, kR | kW | masters(kNtt));
    CHECK(p.allows(kLimit + 4, 4, false, kNtt));
    CHECK_FALSE(p.allows(kLimit - 4, 4, false, kNtt));
    // LIMIT below BASE: an empty window.
    window(p, 2, 0x10020000u, 0x1001FFFCu, kR | kW | masters(kNtt));
    CHECK_FALSE(p.allows(0x10020000u, 1, false, kNtt));
    CHECK_FALSE(p.allows(0x1001FFFCu, 1, false, kNtt));
    // Disabling allows everything again.
    set(p, EPOXY_IOPMP_CTRL, 0);
    CHECK(p.allows(kLimit - 8, 4, true, kNtt));
}

TEST_CASE("iopmp: R and W permissions, and the master mask", "[iopmp]") {
    Iopmp p(kNtt | kMsm);
    set(p, EPOXY_IOPMP_CTRL, kEnable);
    window(p, 0, kBase, kLimit, kR | masters(kNtt));
    CHECK(p.allows(kBase, 4, false, kNtt));
    CHECK_FALSE(p.allows(kBase, 4, true, kNtt));  // read-only window
    window(p, 0, kBase, kLimit, kW | masters(kNtt));
    CHECK(p.allows(kBase, 4, true, kNtt));
    CHECK_FALSE(p.allows(kBase, 4, false, kNtt));  // write-only window
    window(p, 0, kBase, kLimit, kR | kW | masters(kMsm));
    CHECK_FALSE(p.allows(kBase, 1, false, kNtt));  // another master's window
    CHECK(p.allows(kBase, 1, false, kMsm));
    window(p, 0, kBase, kLimit, kR | kW | masters(kNtt | kMsm));
    CHECK(p.allows(kBase, 1, true, kNtt));
    window(p, 0, kBase, kLimit, masters(kNtt));    // no permission: nothing
    CHECK_FALSE(p.allows(kBase, 1, false, kNtt));
    CHECK_FALSE(p.allows(kBase, 1, true, kNtt));
    // Permissions from two overlapping entries: any entry that allows the beat is enough.
    window(p, 0, kBase, kLimit, kR | masters(kNtt));
    window(p, 3, kBase + 0x80, kLimit, kW | masters(kNtt));
    CHECK(p.allows(kBase + 0x80, 4, true, kNtt));
    CHECK_FALSE(p.allows(kBase + 0x7C, 2, true, kNtt));
    CHECK(p.allows(kBase + 0x7C, 2, false, kNtt));
}

TEST_CASE("iopmp: the first violation is recorded until written 1 to clear", "[iopmp]") {
    Iopmp p;
    window(p, 0, kBase, kLimit, kR | masters(kNtt));
    set(p, EPOXY_IOPMP_CTRL, kEnable);
    CHECK(p.check(kBase, 4, false, kNtt));
    CHECK(get(p, EPOXY_IOPMP_ERR_INFO) == 0u);
    CHECK_FALSE(p.check(kBase + 0x10, 4, true, kNtt));  // a write into a read-only window
    CHECK_FALSE(p.check(kLimit + 4, 1, false, kNtt));    // a second one: not recorded
    CHECK(get(p, EPOXY_IOPMP_ERR_INFO) ==
          (EPOXY_IOPMP_ERR_INFO_VALID | EPOXY_IOPMP_ERR_INFO_WRITE |
           (kNtt << EPOXY_IOPMP_ERR_INFO_MASTER_SHIFT)));
    CHECK(get(p, EPOXY_IOPMP_ERR_ADDR) == kBase + 0x10);
    set(p, EPOXY_IOPMP_ERR_INFO, 0xFFFFFFFEu);  // VALID not written: nothing happens
    CHECK(get(p, EPOXY_IOPMP_ERR_ADDR) == kBase + 0x10);
    set(p, EPOXY_IOPMP_ERR_INFO, EPOXY_IOPMP_ERR_INFO_VALID);
    CHECK(get(p, EPOXY_IOPMP_ERR_INFO) == 0u);
    CHECK(get(p, EPOXY_IOPMP_ERR_ADDR) == 0u);
    CHECK_FALSE(p.check(kLimit + 4, 1, false, kNtt));
    CHECK(get(p, EPOXY_IOPMP_ERR_INFO) ==
          (EPOXY_IOPMP_ERR_INFO_VALID | (kNtt << EPOXY_IOPMP_ERR_INFO_MASTER_SHIFT)));
    CHECK(get(p, EPOXY_IOPMP_ERR_ADDR) == kLimit + 4);
}

TEST_CASE("iopmp: an entry's LOCK freezes it, CTRL.LOCK freezes everything", "[iopmp]") {
    Iopmp p;
    window(p, 0, kBase, kLimit, kR | kLock | masters(kNtt));
    window(p, 1, kBase, kLimit, kR | masters(kNtt));
    // Entry 0 is frozen; entry 1 is not.
    window(p, 0, 0, 0xFFFFFFFCu, kR | kW | masters(7));
    CHECK(get(p, EPOXY_IOPMP_ENTRY_BASE(0)) == kBase);
    CHECK(get(p, EPOXY_IOPMP_ENTRY_LIMIT(0)) == kLimit);
    CHECK(get(p, EPOXY_IOPMP_ENTRY_CFG(0)) == (kR | kLock | masters(kNtt)));
    window(p, 1, kBase, kLimit + 0x100, kR | kW | masters(kNtt));
    CHECK(get(p, EPOXY_IOPMP_ENTRY_LIMIT(1)) == kLimit + 0x100);
    // CTRL.LOCK with ENABLE: nothing changes any more, not even ENABLE.
    set(p, EPOXY_IOPMP_CTRL, kEnable | kCtrlLock);
    CHECK(get(p, EPOXY_IOPMP_CTRL) == (kEnable | kCtrlLock));
    set(p, EPOXY_IOPMP_CTRL, 0);
    CHECK(get(p, EPOXY_IOPMP_CTRL) == (kEnable | kCtrlLock));
    window(p, 1, 0, 0xFFFFFFFCu, kR | kW | masters(7));
    CHECK(get(p, EPOXY_IOPMP_ENTRY_LIMIT(1)) == kLimit + 0x100);
    window(p, 2, 0, 0xFFFFFFFCu, kR | kW | masters(7));
    CHECK(get(p, EPOXY_IOPMP_ENTRY_CFG(2)) == 0u);
    CHECK_FALSE(p.check(kBase - 4, 1, false, kNtt));
    // The error record is not part of the configuration: it still clears.
    set(p, EPOXY_IOPMP_ERR_INFO, EPOXY_IOPMP_ERR_INFO_VALID);
    CHECK(get(p, EPOXY_IOPMP_ERR_INFO) == 0u);
    p.reset();
    CHECK(get(p, EPOXY_IOPMP_CTRL) == 0u);
    CHECK(get(p, EPOXY_IOPMP_ENTRY_CFG(0)) == 0u);
}

// ---- On the Machine's bus, and with the NTT model's DMA -------------------------------------

namespace {
struct IopmpFixture : NttFixture {
    void iopmp(uint32_t off, uint32_t v) { REQUIRE(m.write(EPOXY_IOPMP_BASE + off, 4, v)); }
    uint32_t iopmp(uint32_t off) {
        uint32_t v = 0xDEADBEEFu;
        REQUIRE(m.read(EPOXY_IOPMP_BASE + off, 4, Access::Load, v));
        return v;
    }
    void win(unsigned i, uint32_t base, uint32_t bytes, uint32_t cfg) {
        iopmp(EPOXY_IOPMP_ENTRY_BASE(i), base);
        iopmp(EPOXY_IOPMP_ENTRY_LIMIT(i), base + bytes - 4u);
        iopmp(EPOXY_IOPMP_ENTRY_CFG(i), cfg | masters(kNtt));
    }
    // Ring and operand a readable, kBufC writable (64 bytes: 16 BabyBear elements).
    void setup() {
        ring(1);
        win(0, kRing, 64, kR);
        win(1, kBufA, 64, kR);
        win(2, kBufC, 64, kR | kW);
        iopmp(EPOXY_IOPMP_CTRL, kEnable);
        store_elems(kBufA, a, 4);
    }
    model::Vec a = random(4, 16);
};
}  // namespace

TEST_CASE("iopmp: the registers take aligned 32-bit data accesses only", "[iopmp]") {
    Machine m;
    uint32_t v = 0;
    CHECK(m.write(EPOXY_IOPMP_BASE + EPOXY_IOPMP_CTRL, 4, kEnable));
    CHECK(m.read(EPOXY_IOPMP_BASE + EPOXY_IOPMP_CTRL, 4, Access::Load, v));
    CHECK(v == kEnable);
    CHECK_FALSE(m.read(EPOXY_IOPMP_BASE + EPOXY_IOPMP_CTRL, 1, Access::Load, v));
    CHECK_FALSE(m.write(EPOXY_IOPMP_BASE + EPOXY_IOPMP_CTRL, 2, 0));
    CHECK_FALSE(m.read(EPOXY_IOPMP_BASE + EPOXY_IOPMP_CTRL, 4, Access::Fetch, v));
    CHECK_FALSE(m.read(EPOXY_IOPMP_BASE + 0x10, 4, Access::Load, v));
    CHECK(m.iopmp().enabled());
}

TEST_CASE("iopmp: NTT descriptors inside the windows run, outside stop with 6 or 7",
          "[iopmp][ntt]") {
    SECTION("inside: the golden result") {
        IopmpFixture f;
        f.setup();
        f.submit({desc(kFwd, 4, 0, 4, kBufA, 0, kBufC, 16)});
        CHECK(f.reg(kStatus) == 0u);
        CHECK(f.load_elems(kBufC, 16, 4) == NttFixture::expect(kFwd, 4, 0, 4, f.a, 16, {}));
        CHECK(f.iopmp(EPOXY_IOPMP_ERR_INFO) == 0u);
    }
    SECTION("DST in a read-only window: DMA_ERROR, DST untouched, the write recorded") {
        IopmpFixture f;
        f.setup();
        f.fill_words(kBufA + 0x40, 64, 0x11110000u);
        f.win(1, kBufA, 128, kR);
        f.submit({desc(kFwd, 4, 0, 4, kBufA, 0, kBufA + 0x40, 16)});
        CHECK(f.err_code() == 6u);
        CHECK(f.err_index() == 0u);
        CHECK(f.words_are(kBufA + 0x40, 64, 0x11110000u));
        CHECK(f.iopmp(EPOXY_IOPMP_ERR_INFO) ==
              (EPOXY_IOPMP_ERR_INFO_VALID | EPOXY_IOPMP_ERR_INFO_WRITE |
               (kNtt << EPOXY_IOPMP_ERR_INFO_MASTER_SHIFT)));
        CHECK(f.iopmp(EPOXY_IOPMP_ERR_ADDR) == kBufA + 0x40);
    }
    SECTION("SRC0 one word past its window: the straddling beat is refused") {
        IopmpFixture f;
        f.setup();
        f.fill_words(kBufC, 64, 0x22220000u);
        f.submit({desc(kFwd, 4, 0, 4, kBufA + 4, 0, kBufC, 16)});
        CHECK(f.err_code() == 6u);
        CHECK(f.words_are(kBufC, 64, 0x22220000u));
        CHECK(f.iopmp(EPOXY_IOPMP_ERR_INFO) ==
              (EPOXY_IOPMP_ERR_INFO_VALID | (kNtt << EPOXY_IOPMP_ERR_INFO_MASTER_SHIFT)));
        // The beat with word 15 (at kBufA + 64) is the first refused one.
        const uint32_t lanes = EPOXY_NTT_DMA_LANES;
        CHECK(f.iopmp(EPOXY_IOPMP_ERR_ADDR) == kBufA + 4 + 4 * lanes * (15 / lanes));
    }
    SECTION("DST leaving its window: the beats before the refused one are written") {
        IopmpFixture f;
        f.setup();
        f.fill_words(kBufC, 64, 0x33330000u);
        f.submit({desc(kFwd, 4, 0, 4, kBufA, 0, kBufC + 8, 16)});
        CHECK(f.err_code() == 6u);
        const model::Vec r = NttFixture::expect(kFwd, 4, 0, 4, f.a, 16, {});
        // Beats of EPOXY_NTT_DMA_LANES words from DST: those wholly inside kBufC are written.
        const uint32_t lanes = EPOXY_NTT_DMA_LANES, fit = (64 - 8) / (4 * lanes) * lanes;
        CHECK(f.load_elems(kBufC + 8, fit, 4) == model::Vec(r.begin(), r.begin() + fit));
        CHECK(f.load32(kBufC + 8 + 4 * fit) == (0x33330000u ^ (8 + 4 * fit)));
        CHECK(f.iopmp(EPOXY_IOPMP_ERR_ADDR) == kBufC + 8 + 4 * fit);
    }
    SECTION("a ring outside the windows: DESC_FETCH_ERROR, the first word recorded") {
        IopmpFixture f;
        f.setup();
        f.win(0, kRing, 32, kR);  // slot 0 only
        const Descriptor d = desc(kFwd, 4, 0, 4, kBufA, 0, kBufC, 16);
        f.submit({d, d});
        CHECK(f.err_code() == 7u);
        CHECK(f.err_index() == 1u);
        CHECK(f.iopmp(EPOXY_IOPMP_ERR_ADDR) == kRing + 32);
    }
    SECTION("disabled again: the SRAM rule only") {
        IopmpFixture f;
        f.setup();
        f.iopmp(EPOXY_IOPMP_CTRL, 0);
        f.submit({desc(kFwd, 4, 0, 4, kBufA, 0, kBufD, 16)});
        CHECK(f.reg(kStatus) == 0u);
        CHECK(f.load_elems(kBufD, 16, 4) == NttFixture::expect(kFwd, 4, 0, 4, f.a, 16, {}));
        CHECK(f.iopmp(EPOXY_IOPMP_ERR_INFO) == 0u);
    }
}
