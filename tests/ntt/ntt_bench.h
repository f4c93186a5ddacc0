// SPDX-License-Identifier: Apache-2.0
// The bench of the NTT engine tests: the Verilated epoxy_ntt_top of one configuration (the
// compile definitions EPOXY_NTT_TOP, EPOXY_NTT_P, EPOXY_NTT_MAX_LOG_N, EPOXY_NTT_FIELDS and
// EPOXY_NTT_DMA_LANES set by
// tests/ntt/CMakeLists.txt) behind BasicShellTransactor, driven through epoxy::AccelShell and
// the NTT layer (epoxy/ntt.h), and the golden model (sw/models/ntt) to compare with: vectors
// in and out of the bench memory, seeded random operands, the sizes each test runs, and a
// comparison that names the field, variant, N and the first differing element.
#ifndef EPOXY_TESTS_NTT_NTT_BENCH_H_
#define EPOXY_TESTS_NTT_NTT_BENCH_H_

#include <catch2/catch.hpp>
#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "epoxy/accel_shell.h"
#include "epoxy/ntt.h"
#include "models/ntt/ntt_model.h"
#include "shell_transactor.h"

class EPOXY_NTT_TOP;

namespace epoxy {
std::ostream& operator<<(std::ostream& os, AccelStatus s);
std::ostream& operator<<(std::ostream& os, AccelError e);
}  // namespace epoxy

namespace ntt_test {

using epoxy::AccelError;
using epoxy::AccelStatus;
using epoxy::Descriptor;
using epoxy::ntt::NttCaps;
using epoxy::ntt::NttField;
using epoxy::ntt::NttVariant;
using epoxy::ntt::Vec;
namespace drv = epoxy::ntt;    // the driver layer (epoxy/ntt.h)
namespace model = epoxy::ntt;  // the golden model (same namespace, distinct names)

using Top = EPOXY_NTT_TOP;
using Transactor = epoxy::test::BasicShellTransactor<Top>;
using Shell = epoxy::AccelShell<Transactor>;

// The configuration under test.
constexpr const char* kConfig = EPOXY_NTT_CONFIG;
constexpr uint32_t kP = EPOXY_NTT_P;
constexpr uint32_t kMaxLogN = EPOXY_NTT_MAX_LOG_N;
constexpr uint32_t kFields = EPOXY_NTT_FIELDS;
constexpr uint32_t kDmaLanes = EPOXY_NTT_DMA_LANES;  // 32-bit DMA lanes (SHELL_CAPS.DMA_LANES)
constexpr uint32_t log2_of(uint32_t x) {
    return x <= 1 ? 0 : 1 + log2_of(x / 2);
}
constexpr uint32_t kMinLogN = log2_of(4 * kP);

// Memory: the ring at the base, then seven buffers of the largest vector (2^14 Goldilocks).
constexpr uint32_t kMemBase = 0x10000000u;
constexpr uint32_t kMemWords = 1u << 18;  // 1 MiB
constexpr uint32_t kRing = kMemBase;
constexpr uint32_t kRingLog2 = 4;  // 16 slots
constexpr uint32_t kBufBytes = 8u << 14;
constexpr uint32_t buf(unsigned i) {
    return kMemBase + 0x1000u + i * kBufBytes;
}
constexpr uint32_t kPolls = 4000000;          // far more than the largest batch needs
constexpr uint32_t kUntouched = 0xA5A5A5A5u;  // what a buffer that must not be written holds

constexpr NttField kAllFields[] = {NttField::BabyBear, NttField::KoalaBear, NttField::Goldilocks,
                                   NttField::Dilithium, NttField::Kyber};
constexpr NttVariant kAllVariants[] = {NttVariant::Cyclic, NttVariant::Negacyclic,
                                       NttVariant::Incomplete};

std::string name(NttField f);
std::string name(NttVariant v);
// "BabyBear Cyclic N=256"
std::string describe(NttField f, NttVariant v, uint32_t log_n);

// Sizes this configuration runs for a field and variant: kMinLogN and 8 (the field's limit if
// smaller), in range of the engine; `large` adds 10, 12 and 14 where the engine has them.
std::vector<uint32_t> sizes(NttField f, NttVariant v, bool large = false);
// The largest supported size for the field and variant on this engine.
uint32_t max_log_n(NttField f, NttVariant v);

// The model for a configuration.
model::NttPlan plan(NttField f, NttVariant v, uint32_t log_n);
// n random canonical elements of field f, from a seed (deterministic).
Vec random_vec(NttField f, size_t n, uint64_t seed);
// a followed by zeros up to n elements.
Vec padded(const Vec& a, size_t n);

// Compares element by element; on a mismatch fails (and continues) with the field, variant, N,
// the first differing index, the expected and the received element, and how many differ.
bool same(const std::string& what, NttField f, NttVariant v, uint32_t log_n, const Vec& want,
          const Vec& got);

// The engine with its ring set up, probed and checked to be the configuration under test.
class Bench {
  public:
    explicit Bench(unsigned max_wait = 0, uint32_t seed = 1);

    Transactor io;
    Shell shell;
    NttCaps caps{};

    // Vectors in the bench memory, in the engine's element format.
    void put(uint32_t addr, NttField f, const Vec& v);
    Vec get(uint32_t addr, NttField f, size_t n);
    void fill(uint32_t addr, size_t words, uint32_t value);
    bool all_words(uint32_t addr, size_t words, uint32_t value);

    // Submits the descriptors as one batch and waits: Ok or DeviceError.
    AccelStatus run(const std::vector<Descriptor>& d);
    // QTAIL: the ring index the next submitted descriptor gets.
    uint32_t tail();
    uint32_t head();
    // Busy cycles of one run (PERF_BUSY, cleared first).
    uint64_t busy_cycles(const std::vector<Descriptor>& d);
};

}  // namespace ntt_test

// The transactor is instantiated once, in ntt_bench.cpp.
extern template class epoxy::test::BasicShellTransactor<ntt_test::Top>;

#endif  // EPOXY_TESTS_NTT_NTT_BENCH_H_
