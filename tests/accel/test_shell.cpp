// SPDX-License-Identifier: Apache-2.0
// The accelerator shell (accel/shell) with a copy/fill test engine, Verilated, driven
// register by register through the shared bus transactor (shell_transactor.h), against its
// C++ memory on the DMA port (random grant delays, the crossbar's one-cycle response
// contract, bus errors outside the memory). These check the hardware's rules directly; the
// driver's tests (test_driver.cpp) go through epoxy::AccelShell instead. Register map and
// fields come from the generated header epoxy/accel_regs.h.
#include <catch2/catch.hpp>

#include <cstddef>
#include <cstdint>

#include "epoxy/accel_regs.h"
#include "shell_transactor.h"

namespace {

constexpr uint32_t kMemBase = 0x10000000u, kMemWords = 16384;  // 64 KiB
constexpr uint32_t kRing = kMemBase, kData = kMemBase + 0x2000;

// Register offsets from the generated struct.
#define REG(name) uint32_t(offsetof(epoxy_accel_regs_t, name))

// The register-level bench: the shared transactor plus checked accesses and ring helpers.
class ShellBench : public epoxy::test::ShellTransactor {
  public:
    explicit ShellBench(unsigned max_wait = 0, uint32_t seed = 1)
        : ShellTransactor(options(max_wait, seed)) {}

    uint32_t rd(uint32_t off) {
        const epoxy::test::RegResult r = access(off, false, 0);
        REQUIRE_FALSE(r.err);
        return r.value;
    }
    void wr(uint32_t off, uint32_t v) { REQUIRE_FALSE(access(off, true, v).err); }

    // Descriptor i of the ring at kRing.
    void put_desc(unsigned slot, uint8_t op, uint8_t flags, uint32_t src, uint32_t dst,
                  uint32_t len, uint32_t p0 = 0, uint8_t type = 0) {
        const uint32_t d[8] = {
            op | uint32_t(flags) << 8 | uint32_t(type) << 16, src, 0, dst, len, p0, 0, 0};
        mem_write(kRing + 32 * slot, d, 8);
    }
    void setup_ring(unsigned log2) {
        wr(REG(QBASE), kRing);
        wr(REG(QSIZE), log2);
    }
    // Run until STATUS.BUSY is clear (bounded); returns the cycles taken.
    uint64_t wait_idle(uint64_t limit = 200000) {
        const uint64_t start = cycles();
        while (rd(REG(STATUS)) & EPOXY_ACCEL_REGS__STATUS__BUSY_bm) {
            REQUIRE(cycles() - start < limit);
        }
        return cycles() - start;
    }

  private:
    static Options options(unsigned max_wait, uint32_t seed) {
        Options o;
        o.mem_base = kMemBase;
        o.mem_words = kMemWords;
        o.max_wait = max_wait;
        o.seed = seed;
        return o;
    }
};

uint32_t code(ShellBench& b) { return b.rd(REG(ERR)) & EPOXY_ACCEL_REGS__ERR__CODE_bm; }
uint32_t index(ShellBench& b) {
    return (b.rd(REG(ERR)) & EPOXY_ACCEL_REGS__ERR__INDEX_bm) >> EPOXY_ACCEL_REGS__ERR__INDEX_bp;
}

}  // namespace

TEST_CASE("shell: identification and register access rules", "[shell]") {
    ShellBench b;
    CHECK(b.rd(REG(ID)) == 0x434F5059u);  // 'COPY', the test engine's id
    CHECK(b.rd(REG(VERSION)) == 0x00010000u);
    CHECK(b.rd(REG(CAPS)) == 3u);
    const uint32_t caps = b.rd(REG(SHELL_CAPS));
    CHECK((caps & EPOXY_ACCEL_REGS__SHELL_CAPS__DMA_LANES_bm) == 1u);
    CHECK(((caps & EPOXY_ACCEL_REGS__SHELL_CAPS__MAX_QLOG2_bm) >> EPOXY_ACCEL_REGS__SHELL_CAPS__MAX_QLOG2_bp) == 8u);
    CHECK(((caps & EPOXY_ACCEL_REGS__SHELL_CAPS__DESC_BYTES_bm) >> EPOXY_ACCEL_REGS__SHELL_CAPS__DESC_BYTES_bp) == 32u);
    CHECK(b.access(0x3C, false, 0).err);         // unmapped offset
    CHECK(b.access(REG(ID), true, 1).err);       // read-only register
    CHECK(b.rd(REG(ID)) == 0x434F5059u);         // unchanged
    b.wr(REG(QBASE), 0x12345678u);
    CHECK(b.rd(REG(QBASE)) == 0x12345660u);      // 32-byte aligned
    CHECK(b.rd(REG(STATUS)) == 0u);
    CHECK(b.rd(REG(QHEAD)) == 0u);
}

TEST_CASE("shell: a list of descriptors runs without the core, with random bus delays", "[shell]") {
    for (unsigned max_wait : {0u, 3u}) {
        ShellBench b(max_wait, 7 + max_wait);
        for (uint32_t i = 0; i < 64; ++i) b.mem(kData + 4 * i) = 0xA0000000u + i;
        b.setup_ring(2);  // 4 slots, 6 descriptors: the ring wraps
        b.put_desc(0, 0x01, 0, kData, kData + 0x400, 64);           // copy 64 words
        b.put_desc(1, 0x02, 0, 0, kData + 0x800, 16, 0xDEADBEEFu);  // fill 16 words
        b.put_desc(2, 0x01, 1, kData + 0x400, kData + 0xC00, 8);    // FLAGS.IRQ
        b.put_desc(3, 0x02, 0, 0, kData + 0x1000, 1, 0x5A5A5A5Au);
        b.wr(REG(CTRL), EPOXY_ACCEL_REGS__CTRL__IRQ_EN_DONE_bm);
        b.wr(REG(QTAIL), 4);  // doorbell
        b.wait_idle();
        CHECK(b.rd(REG(QHEAD)) == 4u);
        CHECK((b.rd(REG(STATUS)) & EPOXY_ACCEL_REGS__STATUS__ERROR_bm) == 0u);
        for (uint32_t i = 0; i < 64; ++i) CHECK(b.mem(kData + 0x400 + 4 * i) == 0xA0000000u + i);
        for (uint32_t i = 0; i < 16; ++i) CHECK(b.mem(kData + 0x800 + 4 * i) == 0xDEADBEEFu);
        for (uint32_t i = 0; i < 8; ++i) CHECK(b.mem(kData + 0xC00 + 4 * i) == 0xA0000000u + i);
        CHECK(b.mem(kData + 0x1000) == 0x5A5A5A5Au);
        CHECK(b.rd(REG(IRQ_STATUS)) ==
              (EPOXY_ACCEL_REGS__IRQ_STATUS__DONE_bm | EPOXY_ACCEL_REGS__IRQ_STATUS__DESC_bm));
        CHECK(b.irq());  // DONE is enabled
        b.wr(REG(IRQ_STATUS), EPOXY_ACCEL_REGS__IRQ_STATUS__DONE_bm);  // write 1 to clear
        CHECK(b.rd(REG(IRQ_STATUS)) == EPOXY_ACCEL_REGS__IRQ_STATUS__DESC_bm);
        CHECK_FALSE(b.irq());  // DESC is not enabled
        // Two more through the wrapped ring (slots 0 and 1 again).
        b.put_desc(0, 0x02, 0, 0, kData + 0x1100, 2, 0x11111111u);
        b.put_desc(1, 0x02, 0, 0, kData + 0x1200, 2, 0x22222222u);
        b.wr(REG(QTAIL), 6);
        b.wait_idle();
        CHECK(b.rd(REG(QHEAD)) == 6u);
        CHECK(b.mem(kData + 0x1104) == 0x11111111u);
        CHECK(b.mem(kData + 0x1204) == 0x22222222u);
        // Performance counters count, and clear.
        CHECK(b.rd(REG(PERF_BUSY)) > 64u * 2);
        CHECK(b.rd(REG(PERF_DMA)) > 64u * 2);
        CHECK(b.rd(REG(PERF_STALL)) > 0u);
        b.wr(REG(CTRL), EPOXY_ACCEL_REGS__CTRL__CLEAR_PERF_bm);
        CHECK(b.rd(REG(PERF_BUSY)) == 0u);
    }
}

TEST_CASE("shell: a bad descriptor stops the queue with its code and index, and the block stays usable",
          "[shell]") {
    struct Case {
        const char* what;
        uint8_t op;
        uint32_t src, dst, len;
        uint8_t type;
        uint32_t code;
    };
    const Case cases[] = {
        {"unknown opcode", 0x7F, kData, kData + 0x400, 4, 0, 1},
        {"size 0", 0x01, kData, kData + 0x400, 0, 0, 2},
        {"size too big", 0x01, kData, kData + 0x400, 0x10001, 0, 2},
        {"unsupported type", 0x01, kData, kData + 0x400, 4, 3, 3},
        {"misaligned", 0x01, kData + 2, kData + 0x400, 4, 0, 4},
        {"wraps the address space", 0x02, 0, 0xFFFFFFF0u, 8, 0, 5},
        {"DMA bus error", 0x01, 0x40000000u, kData + 0x400, 4, 0, 6},
    };
    for (const Case& c : cases) {
        INFO(c.what);
        ShellBench b(2, 3);
        b.setup_ring(3);
        b.put_desc(0, 0x02, 0, 0, kData, 1, 0x01010101u);
        b.put_desc(1, c.op, 0, c.src, c.dst, c.len, 0, c.type);
        b.put_desc(2, 0x02, 0, 0, kData + 8, 1, 0x03030303u);
        b.wr(REG(CTRL), EPOXY_ACCEL_REGS__CTRL__IRQ_EN_ERROR_bm);
        b.wr(REG(QTAIL), 3);
        b.wait_idle();
        CHECK((b.rd(REG(STATUS)) & EPOXY_ACCEL_REGS__STATUS__ERROR_bm) != 0u);
        CHECK(code(b) == c.code);
        CHECK(index(b) == 1u);
        CHECK(b.rd(REG(QHEAD)) == 1u);  // stopped at the bad one
        CHECK(b.mem(kData) == 0x01010101u);
        CHECK(b.mem(kData + 8) == 0u);  // the next one did not run
        CHECK(b.irq());
        // Replace the bad descriptor, clear the error: the queue continues from it.
        b.put_desc(1, 0x02, 0, 0, kData + 4, 1, 0x02020202u);
        b.wr(REG(IRQ_STATUS), EPOXY_ACCEL_REGS__IRQ_STATUS__ERROR_bm);
        b.wr(REG(CTRL), EPOXY_ACCEL_REGS__CTRL__CLEAR_ERROR_bm | EPOXY_ACCEL_REGS__CTRL__IRQ_EN_ERROR_bm);
        b.wait_idle();
        CHECK(b.rd(REG(QHEAD)) == 3u);
        CHECK(b.rd(REG(STATUS)) == 0u);
        CHECK(b.mem(kData + 4) == 0x02020202u);
        CHECK(b.mem(kData + 8) == 0x03030303u);
    }
}

TEST_CASE("shell: descriptor fetch errors and an oversized ring are reported", "[shell]") {
    ShellBench b;
    b.wr(REG(QBASE), 0x40000000u);  // unmapped: the descriptor read faults
    b.wr(REG(QSIZE), 2);
    b.wr(REG(QTAIL), 1);
    b.wait_idle();
    CHECK(code(b) == 7u);
    CHECK(index(b) == 0u);
    b.wr(REG(CTRL), EPOXY_ACCEL_REGS__CTRL__ABORT_bm);  // abort also returns to idle
    b.wait_idle();
    CHECK(b.rd(REG(STATUS)) == 0u);
    CHECK(b.rd(REG(QHEAD)) == 1u);  // = QTAIL
    b.setup_ring(9);                 // above MAX_QLOG2 (8)
    b.wr(REG(QTAIL), 2);
    b.wait_idle();
    CHECK(code(b) == 8u);
    CHECK(index(b) == 1u);
}

TEST_CASE("shell: abort stops a long operation and the block runs new work", "[shell]") {
    ShellBench b(1, 11);
    b.setup_ring(2);
    b.put_desc(0, 0x02, 0, 0, kData, 0x3000, 0x77777777u);  // 12288 words: long
    b.put_desc(1, 0x02, 0, 0, kData + 0xD000, 4, 0x88888888u);
    b.wr(REG(QTAIL), 2);
    for (int i = 0; i < 300; ++i) b.cycle();
    CHECK((b.rd(REG(STATUS)) & EPOXY_ACCEL_REGS__STATUS__BUSY_bm) != 0u);
    b.wr(REG(CTRL), EPOXY_ACCEL_REGS__CTRL__ABORT_bm);
    const uint64_t took = b.wait_idle(1000);
    CHECK(took < 50);  // bounded: the current transaction, then idle
    CHECK(b.rd(REG(QHEAD)) == 2u);
    CHECK(b.rd(REG(STATUS)) == 0u);
    CHECK(b.mem(kData + 4 * 0x2FFF) == 0u);  // the fill did not finish
    CHECK(b.mem(kData + 0xD000) == 0u);      // the second descriptor was dropped
    // New work runs normally.
    b.put_desc(2, 0x02, 0, 0, kData + 0xD100, 4, 0x99999999u);
    b.wr(REG(QTAIL), 3);
    b.wait_idle();
    CHECK(b.mem(kData + 0xD10C) == 0x99999999u);
    CHECK(b.rd(REG(QHEAD)) == 3u);
    CHECK(b.rd(REG(STATUS)) == 0u);
}

// An interrupt event in the same cycle as a software write to IRQ_STATUS must not be lost
// (the register's hardware set has precedence over the write-1-to-clear). Firmware that
// acknowledges one interrupt while the next event happens would otherwise sleep forever.
// The bench writes IRQ_STATUS (clearing only the unused ERROR bit) back to back during each
// copy, so one of the writes lands in the very cycle DONE is set for some copy length.
TEST_CASE("shell: an IRQ event during a write to IRQ_STATUS is not lost", "[shell]") {
    ShellBench b;
    b.setup_ring(4);
    b.wr(REG(CTRL), EPOXY_ACCEL_REGS__CTRL__IRQ_EN_DONE_bm);
    for (uint32_t words = 1; words <= 8; ++words) {
        INFO("copy of " << words << " words");
        b.wr(REG(IRQ_STATUS), EPOXY_ACCEL_REGS__IRQ_STATUS__DONE_bm);
        REQUIRE((b.rd(REG(IRQ_STATUS)) & EPOXY_ACCEL_REGS__IRQ_STATUS__DONE_bm) == 0);
        const uint32_t slot = b.rd(REG(QTAIL)) & 15u;
        b.put_desc(slot, epoxy::test::kOpCopy, 0, kData, kData + 0x100, words);
        b.wr(REG(QTAIL), (slot + 1) & 0xFFFFu);
        // Writes of ERROR-only every two cycles (a register transaction takes two) until the
        // queue is idle: one of them coincides with DONE's hardware set for some length.
        for (int i = 0; i < 200; ++i) b.wr(REG(IRQ_STATUS), EPOXY_ACCEL_REGS__IRQ_STATUS__ERROR_bm);
        CHECK((b.rd(REG(IRQ_STATUS)) & EPOXY_ACCEL_REGS__IRQ_STATUS__DONE_bm) != 0);
        CHECK(b.irq());
    }
}
