// SPDX-License-Identifier: Apache-2.0
// epoxy_ntt_perf_p<P>[_l<L>]: the NTT coprocessor's cycle benchmark for one Verilated
// configuration of epoxy_ntt_top (P butterflies, L 32-bit DMA lanes (1 without the suffix),
// MaxLogN 14, all five fields; compile definitions as for the engine tests,
// tests/ntt/CMakeLists.txt). Driven from the host through epoxy::AccelShell and
// epoxy/ntt.h over BasicShellTransactor (no bus wait states), every result checked against the
// golden model (sw/models/ntt). Run by scripts/bench_ntt.py (`make bench`), docs/ntt.md.
//
// For each measured descriptor (NTT_FWD and NTT_INV of the Cyclic variant at N = 256, 1024,
// 4096, 16384 where the field has them; Kyber Incomplete and Dilithium Negacyclic at N = 256;
// PMUL of BabyBear Cyclic N = 1024 and Kyber Incomplete N = 256):
//   cold  the first run after the twiddle table was made for another field (a small forward
//         NTT of another field runs first), so it includes the table's generation
//   warm  the same descriptor again (the table ready): the figure that counts
// PERF_BUSY and PERF_DMA are read for both; compute = busy - dma; the limit of a transform is
// (N/2) log2(N) / P butterfly cycles ((N/2)(log2(N) - 1) / P for Incomplete, one layer less);
// utilisation = limit / busy (with data movement) and limit / compute (without).
//
//   epoxy_ntt_perf_p8_l4 [--out FILE] [--max-log-n K] [--field NAME]... [--no-pmul] [--corrupt]
//
// Writes one JSON document (to FILE, else stdout). Exits 0 when every result matched the
// model, 1 when one did not or the engine reported an error, 2 on a usage error. --corrupt
// flips one bit of the first expected vector, to show that a mismatch is caught (exit 1).
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include EPOXY_NTT_TOP_HEADER
#include "epoxy/accel_shell.h"
#include "epoxy/ntt.h"
#include "models/ntt/ntt_model.h"
#include "shell_transactor.h"
#include "shell_transactor_impl.h"

using Top = EPOXY_NTT_TOP;
template class epoxy::test::BasicShellTransactor<Top>;

namespace {

using epoxy::AccelError;
using epoxy::AccelStatus;
using epoxy::Descriptor;
using epoxy::ntt::NttField;
using epoxy::ntt::NttVariant;
using epoxy::ntt::Vec;
namespace drv = epoxy::ntt;
using Transactor = epoxy::test::BasicShellTransactor<Top>;
using Shell = epoxy::AccelShell<Transactor>;

constexpr uint32_t kP = EPOXY_NTT_P;
constexpr uint32_t kDmaLanes = EPOXY_NTT_DMA_LANES;
constexpr uint32_t kMaxLogN = EPOXY_NTT_MAX_LOG_N;

// Memory: the ring, then three buffers of the largest vector (2^14 Goldilocks elements).
constexpr uint32_t kMemBase = 0x10000000u;
constexpr uint32_t kRing = kMemBase;
constexpr uint32_t kBufBytes = 8u << 14;
constexpr uint32_t buf(unsigned i) {
    return kMemBase + 0x1000u + i * kBufBytes;
}
constexpr uint32_t kMemWords = (0x1000u + 3 * kBufBytes) / 4;
constexpr uint32_t kPolls = 4000000;
constexpr uint32_t kPattern = 0xA5A5A5A5u;  // DST is filled with it before each run

const char* field_name(NttField f) {
    static const char* const n[] = {"BabyBear", "KoalaBear", "Goldilocks", "Dilithium", "Kyber"};
    return n[unsigned(f)];
}
const char* variant_name(NttVariant v) {
    static const char* const n[] = {"Cyclic", "Negacyclic", "Incomplete"};
    return n[unsigned(v)];
}
const char* op_name(uint8_t op) {
    return op == drv::kOpForward ? "NTT_FWD" : op == drv::kOpInverse ? "NTT_INV" : "PMUL";
}

struct Run {
    AccelStatus status = AccelStatus::Ok;
    AccelError error = AccelError::None;
    uint64_t busy = 0, dma = 0;
};

class PerfBench {
  public:
    PerfBench() : io_(options()), shell_(io_) {}

    // Probes the block, checks that it is the configuration built, sets up the ring. The
    // reason of a failure in *why.
    bool init(std::string* why) {
        epoxy::AccelInfo info{};
        if (drv::probe(shell_, &caps_, &info) != AccelStatus::Ok) {
            *why = "probe failed";
            return false;
        }
        if (caps_.p != kP || caps_.max_log_n != kMaxLogN || info.dma_lanes != kDmaLanes) {
            *why = "CAPS P " + std::to_string(caps_.p) + " MAX_LOG_N " +
                   std::to_string(caps_.max_log_n) + " DMA_LANES " +
                   std::to_string(info.dma_lanes) + ", built for P " + std::to_string(kP) +
                   " MAX_LOG_N " + std::to_string(kMaxLogN) + " DMA_LANES " +
                   std::to_string(kDmaLanes);
            return false;
        }
        if (shell_.configure_ring(kRing, 4) != AccelStatus::Ok) {
            *why = "configure_ring failed";
            return false;
        }
        return true;
    }
    const drv::NttCaps& caps() const { return caps_; }

    void put(uint32_t addr, NttField f, const Vec& v) {
        std::vector<uint32_t> w;
        for (uint64_t x : v) {
            w.push_back(uint32_t(x));
            if (drv::element_bytes(f) == 8) w.push_back(uint32_t(x >> 32));
        }
        io_.mem_write(addr, w.data(), w.size());
    }
    Vec get(uint32_t addr, NttField f, size_t n) {
        const size_t per = drv::element_bytes(f) / 4;
        std::vector<uint32_t> w(n * per);
        io_.mem_read(addr, w.data(), w.size());
        Vec v(n);
        for (size_t i = 0; i < n; ++i)
            v[i] = per == 2 ? (uint64_t(w[2 * i + 1]) << 32 | w[2 * i]) : w[i];
        return v;
    }
    void fill(uint32_t addr, size_t words) {
        const std::vector<uint32_t> w(words, kPattern);
        io_.mem_write(addr, w.data(), w.size());
    }

    // One descriptor, counters cleared first.
    Run run(const Descriptor& d) {
        Run r;
        shell_.perf_clear();
        r.status = shell_.submit(&d, 1);
        if (r.status == AccelStatus::Ok) r.status = shell_.wait_idle(kPolls);
        epoxy::AccelPerf p{};
        shell_.perf_read(&p);
        r.busy = p.busy;
        r.dma = p.dma;
        uint32_t index = 0;
        shell_.last_error(&r.error, &index);
        if (r.error != AccelError::None) shell_.clear_error();
        return r;
    }

  private:
    static Transactor::Options options() {
        Transactor::Options o;
        o.mem_base = kMemBase;
        o.mem_words = kMemWords;
        o.max_wait = 0;
        return o;
    }
    Transactor io_;
    Shell shell_;
    drv::NttCaps caps_{};
};

Vec random_vec(NttField f, size_t n, uint64_t seed) {
    std::mt19937_64 rng(seed * 0x9E3779B97F4A7C15ull + unsigned(f));
    const uint64_t p = drv::modulus(f);
    Vec v(n);
    for (uint64_t& x : v) x = rng() % p;
    return v;
}

struct Case {
    NttField f;
    NttVariant v;
    uint32_t log_n;
    uint8_t op;
};

struct Options {
    std::string out;
    uint32_t max_log_n = 14;
    std::vector<NttField> fields;  // empty: all
    bool pmul = true;
    bool corrupt = false;
};

bool wanted(const Options& o, NttField f) {
    if (o.fields.empty()) return true;
    for (NttField x : o.fields)
        if (x == f) return true;
    return false;
}

std::vector<Case> cases(const Options& o) {
    const NttField all[] = {NttField::BabyBear, NttField::KoalaBear, NttField::Goldilocks,
                            NttField::Dilithium, NttField::Kyber};
    std::vector<Case> c;
    auto both = [&](NttField f, NttVariant v, uint32_t k) {
        c.push_back({f, v, k, drv::kOpForward});
        c.push_back({f, v, k, drv::kOpInverse});
    };
    for (NttField f : all) {
        if (!wanted(o, f)) continue;
        const uint32_t top =
            std::min({kMaxLogN, o.max_log_n, drv::field_max_log_n(f, NttVariant::Cyclic)});
        for (uint32_t k : {8u, 10u, 12u, 14u})
            if (k <= top) both(f, NttVariant::Cyclic, k);
        // The standards' cases.
        if (f == NttField::Kyber) both(f, NttVariant::Incomplete, 8);
        if (f == NttField::Dilithium) both(f, NttVariant::Negacyclic, 8);
    }
    if (o.pmul) {
        if (wanted(o, NttField::BabyBear) && o.max_log_n >= 10)
            c.push_back({NttField::BabyBear, NttVariant::Cyclic, 10, drv::kOpPmul});
        if (wanted(o, NttField::Kyber))
            c.push_back({NttField::Kyber, NttVariant::Incomplete, 8, drv::kOpPmul});
    }
    return c;
}

// A field other than f, for the small forward NTT that makes the twiddle table another
// field's (so the next run of f generates its table: the cold figure).
NttField other_field(NttField f) {
    return f == NttField::BabyBear ? NttField::KoalaBear : NttField::BabyBear;
}

std::string fixed4(double x) {
    char b[32];
    std::snprintf(b, sizeof b, "%.4f", x);
    return b;
}

int usage(const char* argv0) {
    std::cerr << "usage: " << argv0
              << " [--out FILE] [--max-log-n K] [--field NAME]... [--no-pmul] [--corrupt]\n";
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--out" && i + 1 < argc) {
            o.out = argv[++i];
        } else if (a == "--max-log-n" && i + 1 < argc) {
            char* end = nullptr;
            o.max_log_n = uint32_t(std::strtoul(argv[++i], &end, 10));
            if (end == nullptr || *end != '\0') return usage(argv[0]);
        } else if (a == "--field" && i + 1 < argc) {
            const std::string n = argv[++i];
            bool found = false;
            for (unsigned f = 0; f < drv::kNttFieldCount; ++f)
                if (n == field_name(NttField(f))) {
                    o.fields.push_back(NttField(f));
                    found = true;
                }
            if (!found) return usage(argv[0]);
        } else if (a == "--no-pmul") {
            o.pmul = false;
        } else if (a == "--corrupt") {
            o.corrupt = true;
        } else {
            return usage(argv[0]);
        }
    }

    try {
        PerfBench b;
        std::string why;
        if (!b.init(&why)) {
            std::cerr << "epoxy_ntt_perf: " << why << "\n";
            return 1;
        }
        const std::vector<Case> list = cases(o);
        if (list.empty()) {
            std::cerr << "epoxy_ntt_perf: nothing to measure\n";
            return 2;
        }
        bool all_ok = true, corrupted = false;
        std::ostringstream rows;
        uint64_t seed = 1;
        for (size_t ci = 0; ci < list.size(); ++ci) {
            const Case& c = list[ci];
            const size_t n = size_t(1) << c.log_n;
            const std::string what = std::string(op_name(c.op)) + " " + field_name(c.f) + " " +
                                     variant_name(c.v) + " N=" + std::to_string(n);
            const epoxy::ntt::NttPlan plan(epoxy::ntt::FieldId(unsigned(c.f)),
                                           epoxy::ntt::Variant(unsigned(c.v)), n);
            const Vec a = random_vec(c.f, n, seed++), bv = random_vec(c.f, n, seed++);
            Vec want = c.op == drv::kOpForward   ? plan.forward(a)
                       : c.op == drv::kOpInverse ? plan.inverse(a)
                                                 : plan.pointwise_mul(a, bv);
            if (o.corrupt && !corrupted) {
                want[n / 2] ^= 1;
                corrupted = true;
            }
            b.put(buf(0), c.f, a);
            b.put(buf(1), c.f, bv);
            const Descriptor d = drv::make(c.op, c.f, c.v, c.log_n, buf(0),
                                           drv::has_src1(c.op) ? buf(1) : 0, buf(2), uint32_t(n));
            if (drv::check(d, b.caps()) != AccelError::None) {
                std::cerr << what << ": the driver's check() rejects the descriptor\n";
                return 1;
            }
            // The twiddle table becomes another field's; then the cold run and the warm one.
            const uint32_t kmin = b.caps().min_log_n;
            const NttField of = other_field(c.f);
            b.put(buf(2), of, Vec(size_t(1) << kmin, 1));
            const Run evict = b.run(drv::forward(of, NttVariant::Cyclic, kmin, buf(2), buf(2)));
            Run runs[2];
            bool ok = evict.status == AccelStatus::Ok && evict.error == AccelError::None;
            for (Run& r : runs) {
                b.fill(buf(2), n * drv::element_bytes(c.f) / 4);
                r = b.run(d);
                if (r.status != AccelStatus::Ok || r.error != AccelError::None) {
                    std::cerr << what << ": status " << unsigned(r.status) << ", ERR.CODE "
                              << unsigned(r.error) << "\n";
                    ok = false;
                    continue;
                }
                const Vec got = b.get(buf(2), c.f, n);
                for (size_t i = 0; i < n; ++i) {
                    if (got[i] != want[i]) {
                        std::cerr << what << ": MISMATCH at element " << i << " of " << n
                                  << ": expected " << want[i] << ", got " << got[i] << "\n";
                        ok = false;
                        break;
                    }
                }
            }
            all_ok = all_ok && ok;
            const Run& cold = runs[0];
            const Run& warm = runs[1];
            const uint64_t compute = warm.busy > warm.dma ? warm.busy - warm.dma : 0;
            rows << (ci ? ",\n" : "") << "    {\"p\": " << kP << ", \"lanes\": " << kDmaLanes
                 << ", \"field\": \"" << field_name(c.f) << "\", \"variant\": \""
                 << variant_name(c.v) << "\", \"n\": " << n << ", \"log_n\": " << c.log_n
                 << ", \"op\": \"" << op_name(c.op) << "\",\n     \"busy\": " << warm.busy
                 << ", \"dma\": " << warm.dma << ", \"compute\": " << compute
                 << ", \"cold_busy\": " << cold.busy << ", \"cold_dma\": " << cold.dma;
            if (c.op == drv::kOpPmul) {
                rows << ", \"limit\": null, \"util_with_dma\": null, \"util_compute\": null"
                     << ", \"busy_per_element\": " << fixed4(double(warm.busy) / double(n));
            } else {
                const uint64_t layers = c.v == NttVariant::Incomplete ? c.log_n - 1 : c.log_n;
                const uint64_t limit = (n / 2) * layers / kP;
                rows << ", \"limit\": " << limit << ", \"util_with_dma\": "
                     << fixed4(warm.busy ? double(limit) / double(warm.busy) : 0.0)
                     << ", \"util_compute\": "
                     << fixed4(compute ? double(limit) / double(compute) : 0.0);
            }
            rows << ", \"verified\": " << (ok ? "true" : "false") << "}";
            std::cerr << what << (ok ? ": ok" : ": FAIL") << " (busy " << warm.busy << ", dma "
                      << warm.dma << ", cold busy " << cold.busy << ")\n";
        }
        std::ostringstream doc;
        doc << "{\n  \"program\": \"" << EPOXY_NTT_CONFIG_NAME << "\",\n"
            << "  \"config\": {\"p\": " << kP << ", \"dma_lanes\": " << kDmaLanes
            << ", \"max_log_n\": " << kMaxLogN << ", \"min_log_n\": " << b.caps().min_log_n
            << ", \"fields\": " << b.caps().fields << ", \"dma_wait_states\": 0},\n"
            << "  \"all_verified\": " << (all_ok ? "true" : "false") << ",\n"
            << "  \"rows\": [\n"
            << rows.str() << "\n  ]\n}\n";
        if (o.out.empty()) {
            std::cout << doc.str();
        } else {
            std::ofstream f(o.out);
            f << doc.str();
            if (!f) {
                std::cerr << "epoxy_ntt_perf: cannot write " << o.out << "\n";
                return 1;
            }
        }
        if (!all_ok) std::cerr << "epoxy_ntt_perf: FAIL (a result differs from the model)\n";
        return all_ok ? 0 : 1;
    } catch (const std::exception& e) {
        std::cerr << "epoxy_ntt_perf: " << e.what() << "\n";
        return 1;
    }
}
