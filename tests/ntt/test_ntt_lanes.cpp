// SPDX-License-Identifier: Apache-2.0
// The NTT block's DMA width (DmaLanes, SHELL_CAPS.DMA_LANES; docs/ntt.md "DMA"), in every build
// (tests/ntt/CMakeLists.txt: L = 2, 1 and 4): a beat moves up to L consecutive words from any
// word address, only the last beat of a range is shorter, so operands and results at every
// word offset, with LENGTH < N and with random grant delays, must give the model's results
// without touching a word outside DST; and the beats per descriptor must be what that rule
// says (so the wide beats are really used), and the load and the store must each keep the
// lanes as busy as the scratchpad allows (a beat per cycle unless 2P elements per cycle are
// fewer). Error paths with wide beats (an unaligned start, partial beats, a bus error inside a
// beat) are in test_ntt_errors.cpp, run in every build.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "epoxy/accel_regs.h"
#include "ntt_bench.h"

using namespace ntt_test;

namespace {

constexpr uint32_t kK = 8, kN = 256;

uint64_t div_up(uint64_t a, uint64_t b) {
    return (a + b - 1) / b;
}

}  // namespace

TEST_CASE("wide DMA: SHELL_CAPS.DMA_LANES is the build's lane count", "[ntt][lanes]") {
    Bench b;
    const uint32_t sc = b.io.reg_read(uint32_t(offsetof(epoxy_accel_regs_t, SHELL_CAPS)));
    CHECK(((sc & EPOXY_ACCEL_REGS__SHELL_CAPS__DMA_LANES_bm) >>
           EPOXY_ACCEL_REGS__SHELL_CAPS__DMA_LANES_bp) == kDmaLanes);
}

TEST_CASE("wide DMA: operands and results at every word offset, partial beats, grant delays",
          "[ntt][lanes]") {
    for (unsigned wait : {0u, 3u}) {
        Bench b(wait, 17 + wait);
        for (NttField f : {NttField::BabyBear, NttField::Goldilocks}) {
            const uint32_t es = drv::element_bytes(f);
            const NttVariant v = NttVariant::Negacyclic;
            const model::NttPlan pl = plan(f, v, kK);
            for (uint32_t off = 0; off < 16; off += es) {
                for (uint32_t len : {kN, kN - 1, kN - 3, 5u}) {
                    INFO(describe(f, v, kK) << ", offset " << off << " bytes, LENGTH " << len
                                            << ", DMA grant delay 0.." << wait);
                    const uint32_t src0 = buf(0) + off, src1 = buf(1) + ((16 - off) & 15),
                                   dst = buf(2) + ((off + es) & 15), dst2 = buf(3) + off;
                    const Vec a = random_vec(f, kN, 100 + off + len),
                              x = random_vec(f, kN, 200 + off + len);
                    b.put(src0, f, a);
                    b.put(src1, f, x);
                    // Guards: a word before and after each result stays untouched.
                    b.fill(dst - 4, kN * es / 4 + 2, kUntouched);
                    b.fill(dst2 - 4, kN * es / 4 + 2, kUntouched);
                    REQUIRE(b.run({drv::forward(f, v, kK, src0, dst, len),
                                   drv::pmul(f, v, kK, dst, src1, dst2),
                                   drv::inverse(f, v, kK, dst2, dst2)}) == AccelStatus::Ok);
                    const Vec ap = padded(Vec(a.begin(), a.begin() + len), kN);
                    const Vec fa = pl.forward(ap);
                    same("forward, LENGTH zero-padded", f, v, kK, fa, b.get(dst, f, kN));
                    same("inverse(forward(a) * x)", f, v, kK, pl.inverse(pl.pointwise_mul(fa, x)),
                         b.get(dst2, f, kN));
                    CHECK(b.io.mem(dst - 4) == kUntouched);
                    CHECK(b.io.mem(dst + kN * es) == kUntouched);
                    CHECK(b.io.mem(dst2 - 4) == kUntouched);
                    CHECK(b.io.mem(dst2 + kN * es) == kUntouched);
                }
            }
        }
    }
}

TEST_CASE("wide DMA: beats per descriptor are the descriptor fetch and ceil(words / L) per range",
          "[ntt][lanes]") {
    Bench b;
    for (NttField f : {NttField::BabyBear, NttField::Goldilocks}) {
        const uint32_t es = drv::element_bytes(f), words = kN * es / 4;
        for (uint32_t off = 0; off < 16; off += es) {
            INFO(name(f) << ", offset " << off << " bytes, " << kDmaLanes << " lanes");
            b.put(buf(0) + off, f, random_vec(f, kN, off));
            b.put(buf(1) + off, f, random_vec(f, kN, off + 1));
            uint64_t before = b.io.dma_beats();
            REQUIRE(b.run({drv::forward(f, NttVariant::Cyclic, kK, buf(0) + off, buf(2) + off)}) ==
                    AccelStatus::Ok);
            CHECK(b.io.dma_beats() - before == 8 + 2 * div_up(words, kDmaLanes));
            before = b.io.dma_beats();
            REQUIRE(b.run({drv::pmul(f, NttVariant::Cyclic, kK, buf(0) + off, buf(1) + off,
                                     buf(2) + off, kN - 1)}) == AccelStatus::Ok);
            CHECK(b.io.dma_beats() - before ==
                  8 + div_up((kN - 1) * es / 4, kDmaLanes) + 2 * div_up(words, kDmaLanes));
        }
    }
}

// The store delivers as many elements per cycle as the lanes carry (docs/ntt.md "DMA"), like the
// load: 32-bit elements min(L, 2P) words per cycle, Goldilocks L words. So with no grant delay a
// transform's DMA cycles (PERF_DMA) are the descriptor fetch (8) and words / rate per range, plus
// a few cycles of latency. With the old two-elements-per-cycle store the 4-lane build's 32-bit
// transforms took N/4 cycles more than this bound allows (N = 256: 202 cycles, bound 152).
// Forward and inverse (the 1/N scaling on the way out), cyclic and the Incomplete forward (its
// store undoes a rotation: the other read pattern).
TEST_CASE("wide DMA: the store moves as many words per cycle as the load", "[ntt][lanes]") {
    Bench b;
    for (NttField f : {NttField::BabyBear, NttField::Goldilocks}) {
        const uint32_t es = drv::element_bytes(f), words = kN * es / 4;
        const uint32_t rate = es == 4 ? std::min(kDmaLanes, 2 * kP) : kDmaLanes;
        const uint64_t bound = 8 + 2 * div_up(words, rate) + 16;
        for (NttVariant v : {NttVariant::Cyclic, NttVariant::Incomplete}) {
            const model::NttPlan pl = plan(f, v, kK);
            const Vec a = random_vec(f, kN, 300 + unsigned(v));
            b.put(buf(0), f, a);
            for (bool fwd : {true, false}) {
                INFO(describe(f, v, kK)
                     << (fwd ? " forward" : " inverse") << ", " << kDmaLanes << " lanes, P = " << kP
                     << ": at most " << bound << " DMA cycles");
                REQUIRE(b.shell.perf_clear() == AccelStatus::Ok);
                REQUIRE(b.run({fwd ? drv::forward(f, v, kK, buf(0), buf(2))
                                   : drv::inverse(f, v, kK, buf(0), buf(2))}) == AccelStatus::Ok);
                epoxy::AccelPerf perf{};
                REQUIRE(b.shell.perf_read(&perf) == AccelStatus::Ok);
                CHECK(perf.dma <= bound);
                same(fwd ? "forward" : "inverse", f, v, kK, fwd ? pl.forward(a) : pl.inverse(a),
                     b.get(buf(2), f, kN));
            }
        }
    }
}
