// SPDX-License-Identifier: Apache-2.0
// The SoC's IOPMP alone (epoxy_soc_iopmp, Verilated with 4 lanes and all three masters built)
// against the ISS's (iss::Iopmp), cycle by cycle: random register writes (windows whose edges
// fall among the beats, permissions, master masks, an occasional entry or CTRL lock, ERR_INFO
// clears, offsets with no register), register reads, and random DMA beats of 1 to 4 words
// from random masters. Checked every cycle: every register reads the same (and answers at the
// same offsets), the beat's verdict (dma_ok_o) equals the ISS's rule, and the error record
// after a refused beat is the same. The ISS's rule has its own directed tests (unit.iopmp:*),
// so a difference here is a bug in one of the two.
#include <catch2/catch.hpp>
#include <cstdint>
#include <memory>
#include <random>

#include "Vepoxy_soc_iopmp.h"
#include "epoxy/memory_map.h"
#include "iss/iopmp.h"
#include "verilated.h"

namespace {

constexpr unsigned kLanes = 4;
constexpr uint32_t kArea = 0x10000000u;  // beats and windows within 64 words from here

struct Bench {
    std::unique_ptr<VerilatedContext> ctx = std::make_unique<VerilatedContext>();
    std::unique_ptr<Vepoxy_soc_iopmp> t = std::make_unique<Vepoxy_soc_iopmp>(ctx.get());
    epoxy::iss::Iopmp model{7};
    std::mt19937 rng{11};
    uint64_t refused = 0, allowed = 0, locks = 0;

    Bench() { reset(); }
    void reset() {
        t->clk_i = 0;
        t->reg_we_i = 0;
        t->reg_re_i = 0;
        t->dma_req_i = 0;
        t->rst_ni = 1;  // an edge for the asynchronous reset
        t->eval();
        t->rst_ni = 0;
        t->eval();
        t->rst_ni = 1;
        t->eval();
        model.reset();
    }
    void clock() {
        t->clk_i = 1;
        t->eval();
        t->clk_i = 0;
        t->eval();
    }
    uint32_t addr() { return kArea + 4u * (rng() % 64); }
    uint32_t offset() {
        switch (rng() % 8) {
            case 0: return EPOXY_IOPMP_CTRL;
            case 1: return EPOXY_IOPMP_ERR_INFO;
            case 2: return rng() % 0x1000 & ~3u;  // mostly holes
            case 3: return EPOXY_IOPMP_CAPS + 8u * (rng() % 2);  // CAPS, ERR_ADDR
            default: {
                const unsigned i = rng() % (EPOXY_IOPMP_ENTRIES + 1);  // one past the last
                return EPOXY_IOPMP_ENTRY_BASE(i) + 4u * (rng() % 4);
            }
        }
    }
    uint32_t value(uint32_t off) {
        if (off == EPOXY_IOPMP_CTRL)
            return (rng() % 4 ? EPOXY_IOPMP_CTRL_ENABLE : 0u) |
                   (rng() % 64 == 0 ? EPOXY_IOPMP_CTRL_LOCK : 0u) | (rng() & ~3u);
        if (off == EPOXY_IOPMP_ERR_INFO) return rng();
        if (off >= EPOXY_IOPMP_ENTRY_BASE(0) && (off & 0xF) == 8)  // CFG: rarely LOCK
            return rng() & ~(rng() % 32 ? EPOXY_IOPMP_ENTRY_CFG_LOCK : 0u);
        return rng() % 8 ? addr() | (rng() & 3u) : rng();
    }
    void check_reads() {  // with the read strobe: reg_rdata_o is valid only with it
        t->reg_re_i = 1;
        for (uint32_t off = 0; off < 0x200; off += 4) {
            t->reg_offset_i = off;
            t->eval();
            uint32_t v = 0;
            const bool hit = model.read(off, v);
            INFO("offset 0x" << std::hex << off);
            REQUIRE(bool(t->reg_hit_o) == hit);
            if (hit) REQUIRE(t->reg_rdata_o == v);
        }
        t->reg_re_i = 0;
    }
    void cycle() {
        t->reg_we_i = 0;
        t->dma_req_i = 0;
        const unsigned what = rng() % 8;
        if (what < 3) {  // a register write
            const uint32_t off = offset(), v = value(off);
            t->reg_offset_i = off;
            t->reg_wdata_i = v;
            t->reg_we_i = 1;
            t->eval();
            uint32_t dummy = 0;
            REQUIRE(bool(t->reg_hit_o) == model.read(off, dummy));
            if (t->reg_hit_o) model.write(off, v);
            if (!t->reg_hit_o) t->reg_we_i = 0;  // the adapter strobes only a hit
        } else {  // a DMA beat
            const unsigned words = 1 + rng() % kLanes;
            const uint32_t a = rng() % 64 ? addr() : 0xFFFFFFF0u + 4u * (rng() % 4);
            const bool we = rng() % 2;
            const uint32_t master = 1u << (rng() % 3);
            t->dma_req_i = 1;
            t->dma_addr_i = a;
            t->dma_we_i = we;
            t->dma_master_i = master;
            t->dma_be_i = uint16_t((1u << (4 * words)) - 1u);
            t->eval();
            const bool ok = model.check(a, words, we, master);
            INFO("beat 0x" << std::hex << a << " words " << words << " we " << we
                 << " master " << master);
            REQUIRE(bool(t->dma_ok_o) == ok);
            ++(ok ? allowed : refused);
        }
        clock();
        check_reads();
    }
};

}  // namespace

TEST_CASE("iopmp: the RTL agrees with the ISS's rule and registers on random traffic",
          "[iopmp]") {
    Bench b;
    b.check_reads();
    for (unsigned round = 0; round < 40; ++round) {
        for (unsigned i = 0; i < 1000; ++i) b.cycle();
        if (b.model.locked()) ++b.locks;
        b.reset();  // the only way out of a lock
        b.check_reads();
    }
    INFO("allowed " << b.allowed << " refused " << b.refused);
    CHECK(b.allowed > 2000);
    CHECK(b.refused > 2000);
    CHECK(b.locks > 2);
}
