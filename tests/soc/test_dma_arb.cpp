// SPDX-License-Identifier: Apache-2.0
// The SoC's DMA arbiter alone (epoxy_soc_dma_arb, Verilated with 4 banks and a 4-lane DMA)
// against a C++ model of its contract (docs/soc.md "Crossbar", wide DMA beats): random core
// requests on every bank and random DMA beats of 1 to 4 consecutive words from any word address
// (and beats outside the SRAM), each held until granted as OBI requires, over banks that are
// word-interleaved memories answering one cycle after the grant. Checked every cycle: a bank
// sees exactly the granted core request or the DMA lane that addresses it; a DMA beat is
// granted whole (every word in the same cycle) or not at all; every response returns to its
// master one cycle after the grant with the memory's data; an error beat is granted at once,
// answered with err and reaches no bank; the core is granted at once while the DMA is idle,
// waits at most one cycle per request, and a beat waits at most as many cycles as it has words.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <memory>
#include <random>
#include <type_traits>
#include <vector>

#include "Vepoxy_soc_dma_arb.h"
#include "verilated.h"

namespace {

constexpr unsigned kBanks = 4, kLanes = 4, kRows = 16;  // 64 words of SRAM

template <class T>
uint32_t get32(const T& port, unsigned i) {
    if constexpr (std::is_integral_v<T>)
        return uint32_t(uint64_t(port) >> (32 * i));
    else
        return port[i];
}
template <class T>
void set32(T& port, unsigned i, uint32_t v) {
    if constexpr (std::is_integral_v<T>) {
        const uint64_t mask = uint64_t(0xFFFFFFFFu) << (32 * i);
        port = T((uint64_t(port) & ~mask) | (uint64_t(v) << (32 * i)));
    } else {
        port[i] = v;
    }
}

struct CoreReq {
    bool valid = false;
    uint32_t addr = 0, wdata = 0;
    bool we = false;
    unsigned wait = 0;
};

struct DmaReq {
    bool valid = false, bad = false;
    uint32_t addr = 0;
    unsigned words = 0;
    bool we = false;
    uint32_t wdata[kLanes] = {};
    unsigned wait = 0;
};

struct Bench {
    std::unique_ptr<VerilatedContext> ctx = std::make_unique<VerilatedContext>();
    std::unique_ptr<Vepoxy_soc_dma_arb> t = std::make_unique<Vepoxy_soc_dma_arb>(ctx.get());
    std::mt19937 rng{7};
    std::vector<uint32_t> mem = std::vector<uint32_t>(kBanks * kRows);
    CoreReq core[kBanks];
    DmaReq dma;
    // Bank responses due next cycle, and what each master expects then.
    bool bank_valid[kBanks] = {};
    uint32_t bank_data[kBanks] = {};
    bool core_expect[kBanks] = {};
    uint32_t core_expect_data[kBanks] = {};
    bool dma_expect = false, dma_expect_err = false;
    unsigned dma_expect_words = 0;
    uint32_t dma_expect_data[kLanes] = {};
    uint64_t beats = 0, bad_beats = 0, core_grants = 0, contended = 0;
    unsigned max_dma_wait = 0, max_core_wait = 0;

    Bench() {
        for (auto& w : mem) w = rng();
        t->clk_i = 0;
        t->rst_ni = 0;
        t->eval();
        t->rst_ni = 1;
        t->eval();
    }

    // One cycle; core_rate and dma_rate: per-mille chance of a new request where none waits.
    void cycle(unsigned core_rate, unsigned dma_rate) {
        Vepoxy_soc_dma_arb& a = *t;
        // New requests (a waiting one stays unchanged).
        for (unsigned b = 0; b < kBanks; ++b) {
            CoreReq& c = core[b];
            if (!c.valid && rng() % 1000 < core_rate) {
                c.valid = true;
                c.addr = 0x10000000u + 4 * (b + kBanks * (rng() % kRows));
                c.we = rng() % 2;
                c.wdata = rng();
                c.wait = 0;
            }
        }
        if (!dma.valid && rng() % 1000 < dma_rate) {
            dma.valid = true;
            dma.bad = rng() % 8 == 0;
            dma.words = 1 + rng() % kLanes;
            const unsigned first = rng() % (kBanks * kRows - dma.words + 1);
            dma.addr = (dma.bad ? 0x20000000u : 0x10000000u) + 4 * first;
            dma.we = rng() % 2;
            for (auto& w : dma.wdata) w = rng();
            dma.wait = 0;
        }
        // Inputs: responses of the banks to last cycle's grants, and the requests.
        a.clk_i = 0;
        for (unsigned b = 0; b < kBanks; ++b) {
            a.b_rvalid_i = (a.b_rvalid_i & ~(1u << b)) | (bank_valid[b] << b);
            set32(a.b_rdata_i, b, bank_data[b]);
            a.c_req_i = (a.c_req_i & ~(1u << b)) | (core[b].valid << b);
            a.c_we_i = (a.c_we_i & ~(1u << b)) | (core[b].we << b);
            set32(a.c_addr_i, b, core[b].addr);
            set32(a.c_wdata_i, b, core[b].wdata);
        }
        a.c_be_i = 0xFFFF;
        a.b_gnt_i = (1u << kBanks) - 1;
        a.b_err_i = 0;
        a.d_req_i = dma.valid;
        a.d_sel_i = dma.bad ? kBanks : (dma.addr >> 2) % kBanks;
        a.d_addr_i = dma.addr;
        a.d_we_i = dma.we;
        a.d_be_i = uint16_t((1u << (4 * dma.words)) - 1);
        for (unsigned i = 0; i < kLanes; ++i) set32(a.d_wdata_i, i, dma.wdata[i]);
        a.eval();

        // Responses due this cycle.
        for (unsigned b = 0; b < kBanks; ++b) {
            INFO("bank " << b);
            REQUIRE(bool((a.c_rvalid_o >> b) & 1) == core_expect[b]);
            if (core_expect[b]) CHECK(get32(a.c_rdata_o, b) == core_expect_data[b]);
        }
        REQUIRE(bool(a.d_rvalid_o) == dma_expect);
        if (dma_expect) {
            CHECK(bool(a.d_err_o) == dma_expect_err);
            for (unsigned i = 0; i < dma_expect_words && !dma_expect_err; ++i)
                CHECK(get32(a.d_rdata_o, i) == dma_expect_data[i]);
        }

        // Grants: each bank request is the granted core's or a lane of the granted beat.
        const bool dgnt = a.d_gnt_o;
        bool dma_bank[kBanks] = {};
        unsigned dma_lane[kBanks] = {};
        if (dgnt && !dma.bad)
            for (unsigned i = 0; i < dma.words; ++i) {
                const unsigned b = ((dma.addr >> 2) + i) % kBanks;
                dma_bank[b] = true;
                dma_lane[b] = i;
            }
        for (unsigned b = 0; b < kBanks; ++b) {
            INFO("bank " << b);
            const bool cg = (a.c_gnt_o >> b) & 1, req = (a.b_req_o >> b) & 1;
            REQUIRE(!(cg && dma_bank[b]));
            if (cg) REQUIRE(core[b].valid);
            REQUIRE(req == (cg || dma_bank[b]));
            bank_valid[b] = req;
            core_expect[b] = cg;
            if (!req) continue;
            const bool we = (a.b_we_o >> b) & 1;
            const uint32_t addr = get32(a.b_addr_o, b), wdata = get32(a.b_wdata_o, b);
            const uint32_t want_addr = cg ? core[b].addr : dma.addr + 4 * dma_lane[b];
            const bool want_we = cg ? core[b].we : dma.we;
            const uint32_t want_wdata = cg ? core[b].wdata : dma.wdata[dma_lane[b]];
            REQUIRE(addr == want_addr);
            REQUIRE(we == want_we);
            REQUIRE(((a.b_be_o >> (4 * b)) & 0xF) == 0xF);
            if (we) REQUIRE(wdata == want_wdata);
            REQUIRE(((addr >> 2) % kBanks) == b);
            uint32_t& m = mem[(addr - 0x10000000u) / 4];
            bank_data[b] = m;
            if (cg)
                core_expect_data[b] = m;
            else
                dma_expect_data[dma_lane[b]] = m;
            if (we) m = wdata;
        }
        // With the DMA idle, every core request is granted at once.
        if (!dma.valid)
            for (unsigned b = 0; b < kBanks; ++b)
                if (core[b].valid) REQUIRE(((a.c_gnt_o >> b) & 1) == 1);
        if (dma.valid && dma.bad) REQUIRE(dgnt);  // the error responder grants at once
        dma_expect = dma.valid && dgnt;
        dma_expect_err = dma.bad;
        dma_expect_words = dma.words;

        // Retire granted requests, count waits.
        for (unsigned b = 0; b < kBanks; ++b) {
            if (!core[b].valid) continue;
            if ((a.c_gnt_o >> b) & 1) {
                ++core_grants;
                if (core[b].wait) ++contended;
                core[b].valid = false;
            } else {
                REQUIRE(dma_bank[b]);  // only the DMA's beat keeps the core waiting
                max_core_wait = std::max(max_core_wait, ++core[b].wait);
            }
        }
        if (dma.valid) {
            if (dgnt) {
                ++(dma.bad ? bad_beats : beats);
                dma.valid = false;
            } else {
                max_dma_wait = std::max(max_dma_wait, ++dma.wait);
            }
        }
        a.clk_i = 1;
        a.eval();
    }
};

}  // namespace

TEST_CASE("dma arbiter: wide beats granted whole, both sides served, bounded waits", "[soc][dma]") {
    Bench b;
    for (unsigned rate : {100u, 500u, 1000u}) {
        INFO("core request rate " << rate << "/1000 per bank and cycle");
        for (int i = 0; i < 50000; ++i) b.cycle(rate, 700);
    }
    for (int i = 0; i < 20000; ++i) b.cycle(0, 1000);  // the DMA alone
    for (int i = 0; i < 20000; ++i) b.cycle(800, 0);   // the core alone
    CHECK(b.beats > 30000);
    CHECK(b.bad_beats > 3000);
    CHECK(b.core_grants > 100000);
    CHECK(b.contended > 1000);  // the core did meet the DMA
    CHECK(b.max_core_wait <= 1);
    CHECK(b.max_dma_wait <= kLanes);
}
