// SPDX-License-Identifier: Apache-2.0
// The NTT engine bench (ntt_bench.h): the transactor for this configuration's Verilated top,
// memory helpers, operands, sizes and the element-by-element comparison.
#include "ntt_bench.h"

#include <algorithm>
#include <random>
#include <sstream>

#include EPOXY_NTT_TOP_HEADER
#include "shell_transactor_impl.h"

template class epoxy::test::BasicShellTransactor<ntt_test::Top>;

namespace epoxy {
std::ostream& operator<<(std::ostream& os, AccelStatus s) {
    static const char* const names[] = {"Ok",          "Busy",        "Timeout",      "DeviceError",
                                        "BadArgument", "WrongDevice", "NotConfigured"};
    const unsigned i = unsigned(s);
    return os << (i < sizeof names / sizeof names[0] ? names[i] : "AccelStatus(?)");
}
std::ostream& operator<<(std::ostream& os, AccelError e) {
    return os << "AccelError(" << unsigned(e) << ")";
}
}  // namespace epoxy

namespace ntt_test {

std::string name(NttField f) {
    static const char* const n[] = {"BabyBear", "KoalaBear", "Goldilocks", "Dilithium", "Kyber"};
    return unsigned(f) < 5 ? n[unsigned(f)] : "field " + std::to_string(unsigned(f));
}

std::string name(NttVariant v) {
    static const char* const n[] = {"Cyclic", "Negacyclic", "Incomplete"};
    return unsigned(v) < 3 ? n[unsigned(v)] : "variant " + std::to_string(unsigned(v));
}

std::string describe(NttField f, NttVariant v, uint32_t log_n) {
    return name(f) + " " + name(v) + " N=" + std::to_string(1u << log_n);
}

uint32_t max_log_n(NttField f, NttVariant v) {
    return std::min(kMaxLogN, drv::field_max_log_n(f, v));
}

std::vector<uint32_t> sizes(NttField f, NttVariant v, bool large) {
    const uint32_t top = max_log_n(f, v);
    std::vector<uint32_t> s{kMinLogN};
    if (std::min(8u, top) > kMinLogN) s.push_back(std::min(8u, top));
    if (large)
        for (uint32_t k : {10u, 12u, 14u})
            if (k <= top && k > s.back()) s.push_back(k);
    return s;
}

model::NttPlan plan(NttField f, NttVariant v, uint32_t log_n) {
    return model::NttPlan(model::FieldId(unsigned(f)), model::Variant(unsigned(v)),
                          std::size_t(1) << log_n);
}

Vec random_vec(NttField f, size_t n, uint64_t seed) {
    std::mt19937_64 rng(seed * 0x9E3779B97F4A7C15ull + unsigned(f));
    const uint64_t p = drv::modulus(f);
    Vec v(n);
    for (uint64_t& x : v) x = rng() % p;
    return v;
}

Vec padded(const Vec& a, size_t n) {
    Vec r(a);
    r.resize(n, 0);
    return r;
}

bool same(const std::string& what, NttField f, NttVariant v, uint32_t log_n, const Vec& want,
          const Vec& got) {
    size_t first = want.size(), count = 0;
    for (size_t i = 0; i < std::max(want.size(), got.size()); ++i) {
        const bool differs = i >= want.size() || i >= got.size() || want[i] != got[i];
        if (differs && count++ == 0) first = i;
    }
    if (count == 0) {
        SUCCEED();
        return true;
    }
    std::ostringstream os;
    os << "[" << kConfig << "] " << what << ", " << describe(f, v, log_n)
       << ": first differing index " << first << " (of " << want.size() << "; " << count
       << " differ): expected ";
    if (first < want.size())
        os << want[first];
    else
        os << "nothing";
    os << ", got ";
    if (first < got.size())
        os << got[first];
    else
        os << "nothing";
    FAIL_CHECK(os.str());
    return false;
}

namespace {
Transactor::Options options(unsigned max_wait, uint32_t seed) {
    Transactor::Options o;
    o.mem_base = kMemBase;
    o.mem_words = kMemWords;
    o.max_wait = max_wait;
    o.seed = seed;
    return o;
}
}  // namespace

Bench::Bench(unsigned max_wait, uint32_t seed) : io(options(max_wait, seed)), shell(io) {
    epoxy::AccelInfo info{};
    REQUIRE(drv::probe(shell, &caps, &info) == AccelStatus::Ok);
    REQUIRE(caps.p == kP);
    REQUIRE(info.dma_lanes == kDmaLanes);
    REQUIRE(caps.max_log_n == kMaxLogN);
    REQUIRE(shell.configure_ring(kRing, kRingLog2) == AccelStatus::Ok);
}

void Bench::put(uint32_t addr, NttField f, const Vec& v) {
    std::vector<uint32_t> w;
    w.reserve(2 * v.size());
    for (uint64_t x : v) {
        w.push_back(uint32_t(x));
        if (drv::element_bytes(f) == 8) w.push_back(uint32_t(x >> 32));
    }
    io.mem_write(addr, w.data(), w.size());
}

Vec Bench::get(uint32_t addr, NttField f, size_t n) {
    const size_t per = drv::element_bytes(f) / 4;
    std::vector<uint32_t> w(n * per);
    io.mem_read(addr, w.data(), w.size());
    Vec v(n);
    for (size_t i = 0; i < n; ++i)
        v[i] = per == 2 ? (uint64_t(w[2 * i + 1]) << 32 | w[2 * i]) : w[i];
    return v;
}

void Bench::fill(uint32_t addr, size_t words, uint32_t value) {
    const std::vector<uint32_t> w(words, value);
    io.mem_write(addr, w.data(), w.size());
}

bool Bench::all_words(uint32_t addr, size_t words, uint32_t value) {
    std::vector<uint32_t> w(words);
    io.mem_read(addr, w.data(), w.size());
    return std::all_of(w.begin(), w.end(), [value](uint32_t x) { return x == value; });
}

AccelStatus Bench::run(const std::vector<Descriptor>& d) {
    const AccelStatus s = shell.submit(d.data(), d.size());
    if (s != AccelStatus::Ok) return s;
    return shell.wait_idle(kPolls);
}

uint32_t Bench::tail() {
    uint32_t h = 0, t = 0;
    shell.queue_indices(&h, &t);
    return t;
}

uint32_t Bench::head() {
    uint32_t h = 0, t = 0;
    shell.queue_indices(&h, &t);
    return h;
}

uint64_t Bench::busy_cycles(const std::vector<Descriptor>& d) {
    REQUIRE(shell.perf_clear() == AccelStatus::Ok);
    REQUIRE(run(d) == AccelStatus::Ok);
    epoxy::AccelPerf p{};
    REQUIRE(shell.perf_read(&p) == AccelStatus::Ok);
    return p.busy;
}

}  // namespace ntt_test
