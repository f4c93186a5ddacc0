// SPDX-License-Identifier: Apache-2.0
// The NTT coprocessor on two platforms, compared figure by figure (docs/systemc.md):
//   (a) SystemC: BasicAccelTlm<EPOXY_NTT_TOP> (the Verilated shell + NTT engine behind TLM-2.0
//       sockets) with its DMA on a MemoryTlm, driven through SystemcIo from an SC_THREAD;
//   (b) plain Verilator: the same model behind tests/accel's BasicShellTransactor.
// The same workload (epoxy::AccelShell<Io> and the NTT layer epoxy/ntt.h, one template) runs
// on both: chained polynomial products (NTT_FWD a, NTT_FWD b, PMUL, NTT_INV) for Kyber
// Incomplete N=256 and Dilithium Negacyclic N=256, a Goldilocks Cyclic N=1024 forward and
// inverse, a bad opcode (ERR code 1 and its index, the rest of the batch not run, recovered by
// abort) and an element >= p (code 16, DST untouched, recovered by replace + clear_error).
// Every result is checked against the golden model (sw/models/ntt: NttPlan::forward,
// pointwise_mul, multiply), and the two platforms must agree on every figure: statuses, error
// codes and indices, ring indices, result hashes, the interrupt line, PERF_BUSY/STALL/DMA,
// DMA and register-read counts and the clock cycles between driver calls.
//
// A plain sc_main program like main.cpp: it prints the table and returns 1 on any failure.
// --dma-latency-cycles N gives the SystemC memory N wait states per access, which must make
// the comparison fail (ctest checks that it does).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <random>
#include <string>
#include <systemc>
#include <type_traits>
#include <vector>

#include "accel_tlm.h"
#include "epoxy/accel_shell.h"
#include "epoxy/ntt.h"
#include "figures.h"
#include "memory_tlm.h"
#include "models/ntt/ntt_model.h"
#include "shell_transactor.h"
#include "systemc_io.h"

// The Verilated NTT block (tests/ntt), instantiated for both platforms in ntt_models.cpp.
class EPOXY_NTT_TOP;
extern template class epoxy::sc::BasicAccelTlm<EPOXY_NTT_TOP>;
extern template class epoxy::test::BasicShellTransactor<EPOXY_NTT_TOP>;

namespace {

using epoxy::AccelError;
using epoxy::AccelStatus;
using epoxy::Descriptor;
using epoxy::ntt::NttCaps;
using epoxy::ntt::NttField;
using epoxy::ntt::NttVariant;
using epoxy::ntt::Vec;
using epoxy::sc_test::Figures;
namespace drv = epoxy::ntt;    // the driver layer (epoxy/ntt.h)
namespace model = epoxy::ntt;  // the golden model (same namespace, distinct names)

using Top = EPOXY_NTT_TOP;
using NttTlm = epoxy::sc::BasicAccelTlm<Top>;
using Transactor = epoxy::test::BasicShellTransactor<Top>;

// Memory: the ring at the base, then six buffers of 1024 Goldilocks elements.
constexpr uint32_t kMemBase = 0x10000000u;
constexpr uint32_t kMemWords = 1u << 16;  // 256 KiB
constexpr uint32_t kRing = kMemBase, kRingLog2 = 4;
constexpr uint32_t kBufBytes = 0x2000;
constexpr uint32_t buf(unsigned i) {
    return kMemBase + 0x1000u + i * kBufBytes;
}
constexpr uint32_t kA = buf(0), kB = buf(1), kFa = buf(2), kFb = buf(3), kC = buf(4), kR = buf(5);
constexpr uint32_t kPolls = 1000000;          // far more than any batch here needs
constexpr uint32_t kUntouched = 0xA5A5A5A5u;  // what a buffer that must not be written holds

model::NttPlan plan(NttField f, NttVariant v, uint32_t log_n) {
    return model::NttPlan(model::FieldId(unsigned(f)), model::Variant(unsigned(v)),
                          std::size_t(1) << log_n);
}

// n random canonical elements of field f, from a seed (deterministic).
Vec random_vec(NttField f, size_t n, uint64_t seed) {
    std::mt19937_64 rng(seed * 0x9E3779B97F4A7C15ull + unsigned(f));
    const uint64_t p = drv::modulus(f);
    Vec v(n);
    for (uint64_t& x : v) x = rng() % p;
    return v;
}

// Vectors in memory, in the engine's element format (8-byte Goldilocks: low word first).
template <class Io>
void put(Io& io, uint32_t addr, NttField f, const Vec& v) {
    std::vector<uint32_t> w;
    for (uint64_t x : v) {
        w.push_back(uint32_t(x));
        if (drv::element_bytes(f) == 8) w.push_back(uint32_t(x >> 32));
    }
    io.mem_write(addr, w.data(), w.size());
}

template <class Io>
Vec get(Io& io, uint32_t addr, NttField f, size_t n) {
    const size_t per = drv::element_bytes(f) / 4;
    std::vector<uint32_t> w(n * per);
    io.mem_read(addr, w.data(), w.size());
    Vec v(n);
    for (size_t i = 0; i < n; ++i)
        v[i] = per == 2 ? (uint64_t(w[2 * i + 1]) << 32 | w[2 * i]) : w[i];
    return v;
}

template <class Io>
void fill(Io& io, uint32_t addr, size_t words, uint32_t value) {
    const std::vector<uint32_t> w(words, value);
    io.mem_write(addr, w.data(), w.size());
}

template <class Io>
bool all_words(Io& io, uint32_t addr, size_t words, uint32_t value) {
    std::vector<uint32_t> w(words);
    io.mem_read(addr, w.data(), w.size());
    for (uint32_t x : w)
        if (x != value) return false;
    return true;
}

// FNV-1a over the elements: a whole result as one figure.
uint64_t hash(const Vec& v) {
    uint64_t h = 0xcbf29ce484222325ull;
    for (uint64_t x : v) h = (h ^ x) * 0x100000001b3ull;
    return h;
}

// Expects got == want element by element; names the first difference.
void same(Figures& f, const std::string& what, const Vec& want, const Vec& got) {
    size_t first = 0, count = 0;
    for (size_t i = 0; i < want.size() || i < got.size(); ++i) {
        const bool differs = i >= want.size() || i >= got.size() || want[i] != got[i];
        if (differs && count++ == 0) first = i;
    }
    f.expect(count == 0,
             what + ": " + std::to_string(count) + " of " + std::to_string(want.size()) +
                 " elements differ from the model, the first at index " + std::to_string(first) +
                 (first < want.size() && first < got.size()
                      ? " (expected " + std::to_string(want[first]) + ", got " +
                            std::to_string(got[first]) + ")"
                      : ""));
}

template <class Shell>
void perf(Figures& f, Shell& s, const std::string& phase) {
    epoxy::AccelPerf p{};
    f.status(phase + ".perf_read", s.perf_read(&p), AccelStatus::Ok);
    f.put(phase + ".PERF_BUSY", p.busy);
    f.put(phase + ".PERF_STALL", p.stall);
    f.put(phase + ".PERF_DMA", p.dma);
    f.expect(p.busy > 0, phase + ": PERF_BUSY is 0");
}

template <class Shell>
uint32_t tail(Shell& s) {
    uint32_t h = 0, t = 0;
    s.queue_indices(&h, &t);
    return t;
}

// One batch on the engine: checked by ntt::check(), submitted, waited for (status want); the
// cycles of submit() and from the doorbell to the end, and the PERF counters.
template <class P, class Shell>
void batch(P& pl, Shell& s, const NttCaps& caps, Figures& f, const std::string& tag,
           const std::vector<Descriptor>& d, AccelStatus want) {
    for (size_t k = 0; k < d.size(); ++k)
        if (d[k].opcode() == drv::kOpForward || d[k].opcode() == drv::kOpInverse ||
            drv::has_src1(d[k].opcode()))
            f.expect(drv::check(d[k], caps) == AccelError::None,
                     tag + ": ntt::check() rejects descriptor " + std::to_string(k));
    f.status(tag + ".perf_clear", s.perf_clear(), AccelStatus::Ok);
    const uint64_t c0 = pl.cycles();
    f.status(tag + ".submit", s.submit(d.data(), d.size()), AccelStatus::Ok);
    const uint64_t c1 = pl.cycles();
    f.status(tag + ".wait_idle", s.wait_idle(kPolls), want);
    const uint64_t c2 = pl.cycles();
    f.put(tag + ".cycles.submit", c1 - c0);
    f.put(tag + (want == AccelStatus::Ok ? ".cycles.doorbell_to_idle" : ".cycles.doorbell_to_stop"),
          c2 - c1);
    perf(f, s, tag);
}

// c = a * b by NTT_FWD a, NTT_FWD b, PMUL, NTT_INV in one batch; every stage against the model.
template <class P, class Shell>
void product(P& pl, Shell& s, const NttCaps& caps, Figures& f, const std::string& tag, NttField fld,
             NttVariant var, uint32_t log_n, uint64_t seed) {
    auto& io = pl.io();
    const uint32_t n = 1u << log_n;
    const model::NttPlan m = plan(fld, var, log_n);
    const Vec a = random_vec(fld, n, seed), b = random_vec(fld, n, seed + 1);
    put(io, kA, fld, a);
    put(io, kB, fld, b);
    for (uint32_t x : {kFa, kFb, kC, kR}) fill(io, x, kBufBytes / 4, kUntouched);
    batch(pl, s, caps, f, tag,
          {drv::forward(fld, var, log_n, kA, kFa), drv::forward(fld, var, log_n, kB, kFb),
           drv::pmul(fld, var, log_n, kFa, kFb, kC), drv::inverse(fld, var, log_n, kC, kR)},
          AccelStatus::Ok);
    const Vec fa = m.forward(a), fb = m.forward(b);
    same(f, tag + ": NTT_FWD a", fa, get(io, kFa, fld, n));
    same(f, tag + ": NTT_FWD b", fb, get(io, kFb, fld, n));
    same(f, tag + ": PMUL", m.pointwise_mul(fa, fb), get(io, kC, fld, n));
    const Vec c = get(io, kR, fld, n);
    same(f, tag + ": NTT_INV (the product a * b)", m.multiply(a, b), c);
    f.put(tag + ".product_hash", hash(c));
    f.put(tag + ".qtail", tail(s));
}

// The workload, once for every platform. P gives io() (the driver's back end), cycles(), irq(),
// dma_reads(), dma_writes(), reg_reads() and reg_errors().
template <class P>
void workload(P& pl, Figures& f) {
    auto& io = pl.io();
    epoxy::AccelShell<std::remove_reference_t<decltype(io)>> s(io);
    const uint64_t start = pl.cycles();

    // ---- Bring-up ----
    NttCaps caps{};
    epoxy::AccelInfo info{};
    f.status("probe", drv::probe(s, &caps, &info), AccelStatus::Ok);
    f.put("probe.caps", info.caps);
    f.expect(caps.p == EPOXY_NTT_P && caps.max_log_n == EPOXY_NTT_MAX_LOG_N && caps.fields == 0x1F,
             "probe: CAPS is not the configuration built");
    f.status("configure_ring", s.configure_ring(kRing, kRingLog2), AccelStatus::Ok);
    f.status("irq_enable", s.irq_enable(epoxy::kAccelIrqError), AccelStatus::Ok);

    // ---- Chained polynomial products ----
    product(pl, s, caps, f, "kyber", NttField::Kyber, NttVariant::Incomplete, 8, 1);
    product(pl, s, caps, f, "dilithium", NttField::Dilithium, NttVariant::Negacyclic, 8, 3);

    // ---- Goldilocks Cyclic N=1024: forward and inverse ----
    {
        const NttField fld = NttField::Goldilocks;
        const NttVariant var = NttVariant::Cyclic;
        const uint32_t log_n = 10, n = 1u << log_n;
        const Vec a = random_vec(fld, n, 5);
        put(io, kA, fld, a);
        for (uint32_t x : {kFa, kR}) fill(io, x, kBufBytes / 4, kUntouched);
        batch(pl, s, caps, f, "goldilocks",
              {drv::forward(fld, var, log_n, kA, kFa), drv::inverse(fld, var, log_n, kFa, kR)},
              AccelStatus::Ok);
        const Vec fa = get(io, kFa, fld, n);
        same(f, "goldilocks: NTT_FWD", plan(fld, var, log_n).forward(a), fa);
        same(f, "goldilocks: NTT_INV (round trip)", a, get(io, kR, fld, n));
        f.put("goldilocks.forward_hash", hash(fa));
        f.put("goldilocks.qtail", tail(s));
    }
    uint32_t irqs = 0;
    f.status("irq_status_call", s.irq_status(&irqs), AccelStatus::Ok);
    f.put("irq_status", irqs);
    f.put("irq_line", pl.irq());
    f.expect(irqs == epoxy::kAccelIrqDone, "IRQ_STATUS after the good batches is not DONE alone");
    f.expect(!pl.irq(), "the interrupt line is high with only ERROR enabled");
    f.status("irq_clear", s.irq_clear(epoxy::kAccelIrqAll), AccelStatus::Ok);

    // ---- A bad opcode in the middle of a batch: code 1 at its index, recovered by abort ----
    const NttField ky = NttField::Kyber;
    const NttVariant inc = NttVariant::Incomplete;
    {
        const Vec a = random_vec(ky, 256, 9);
        put(io, kA, ky, a);
        for (uint32_t x : {kFa, kFb, kR}) fill(io, x, kBufBytes / 4, kUntouched);
        const Descriptor bad = drv::make(0x7F, ky, inc, 8, kA, 0, kR, 256);
        f.expect(drv::check(bad, caps) == AccelError::BadOpcode,
                 "badop: ntt::check() does not predict BadOpcode");
        const uint32_t t0 = tail(s);
        batch(pl, s, caps, f, "badop",
              {drv::forward(ky, inc, 8, kA, kFa), bad, drv::forward(ky, inc, 8, kA, kFb)},
              AccelStatus::DeviceError);
        AccelError code = AccelError::None;
        uint32_t index = 99;
        f.status("badop.last_error", s.last_error(&code, &index), AccelStatus::Ok);
        f.put("badop.code", uint64_t(code));
        f.put("badop.index", index);
        f.expect(code == AccelError::BadOpcode && index == t0 + 1,
                 "badop: not BadOpcode at index " + std::to_string(t0 + 1));
        f.status("badop.irq_status_call", s.irq_status(&irqs), AccelStatus::Ok);
        f.put("badop.irq_status", irqs);
        f.put("badop.irq_line", pl.irq());
        f.expect(irqs == epoxy::kAccelIrqError && pl.irq(),
                 "badop: IRQ_STATUS is not ERROR alone or the line is low");
        same(f, "badop: the NTT_FWD before the bad one", plan(ky, inc, 8).forward(a),
             get(io, kFa, ky, 256));
        f.expect(all_words(io, kR, kBufBytes / 4, kUntouched), "badop: the bad descriptor wrote");
        f.expect(all_words(io, kFb, kBufBytes / 4, kUntouched),
                 "badop: the descriptor after the bad one ran");
        const uint64_t c1 = pl.cycles();
        f.status("badop.abort", s.abort(100), AccelStatus::Ok);
        f.put("badop.cycles.abort", pl.cycles() - c1);
        f.status("badop.last_error_after_abort", s.last_error(&code, &index), AccelStatus::Ok);
        f.expect(code == AccelError::None, "badop: still an error after abort");
        f.status("badop.irq_clear", s.irq_clear(epoxy::kAccelIrqAll), AccelStatus::Ok);
        f.put("badop.irq_line_after_clear", pl.irq());
    }

    // ---- An element >= p: code 16, nothing written; replace + clear_error finishes ----
    {
        const NttField di = NttField::Dilithium;
        const NttVariant neg = NttVariant::Negacyclic;
        Vec a = random_vec(di, 256, 11);
        a[17] = drv::modulus(di);
        put(io, kA, di, a);
        for (uint32_t x : {kFa, kFb}) fill(io, x, kBufBytes / 4, kUntouched);
        const uint32_t t0 = tail(s);
        batch(pl, s, caps, f, "badvalue", {drv::forward(di, neg, 8, kA, kFa)},
              AccelStatus::DeviceError);
        AccelError code = AccelError::None;
        uint32_t index = 99;
        f.status("badvalue.last_error", s.last_error(&code, &index), AccelStatus::Ok);
        f.put("badvalue.code", uint64_t(code));
        f.put("badvalue.index", index);
        f.expect(code == drv::kErrBadValue && index == t0,
                 "badvalue: not BAD_VALUE (16) at index " + std::to_string(t0));
        f.expect(all_words(io, kFa, kBufBytes / 4, kUntouched), "badvalue: DST was written");
        a[17] = 17;
        put(io, kA, di, a);
        f.status("badvalue.replace", s.replace(index, drv::forward(di, neg, 8, kA, kFb)),
                 AccelStatus::Ok);
        f.status("badvalue.irq_clear", s.irq_clear(epoxy::kAccelIrqError), AccelStatus::Ok);
        f.status("badvalue.clear_error", s.clear_error(), AccelStatus::Ok);
        const uint64_t c1 = pl.cycles();
        f.status("badvalue.wait_idle_after_clear", s.wait_idle(kPolls), AccelStatus::Ok);
        f.put("badvalue.cycles.clear_to_idle", pl.cycles() - c1);
        const Vec fb = get(io, kFb, di, 256);
        same(f, "badvalue: the replacement NTT_FWD", plan(di, neg, 8).forward(a), fb);
        f.put("badvalue.forward_hash", hash(fb));
        f.put("badvalue.qtail", tail(s));
    }

    // ---- Totals ----
    f.put("total.dma_reads", pl.dma_reads());
    f.put("total.dma_writes", pl.dma_writes());
    f.put("total.reg_reads", pl.reg_reads());
    f.put("total.reg_errors", pl.reg_errors());
    f.expect(pl.reg_errors() == 0, "a register access answered a bus error");
    f.put("total.cycles", pl.cycles() - start);
}

// ---- (b) the plain Verilator run ----
Transactor::Options transactor_options() {
    Transactor::Options o;
    o.mem_base = kMemBase;
    o.mem_words = kMemWords;
    o.max_wait = 0;  // no DMA wait states, as MemoryTlm with zero latency
    return o;
}

struct VerilatorPlatform {
    Transactor t{transactor_options()};
    Transactor& io() { return t; }
    uint64_t cycles() const { return t.cycles(); }
    bool irq() { return t.irq(); }
    uint64_t dma_reads() const { return t.dma_reads(); }
    uint64_t dma_writes() const { return t.dma_writes(); }
    uint64_t reg_reads() const { return t.reg_reads(); }
    uint64_t reg_errors() const { return t.reg_errors(); }
};

// ---- (a) the SystemC run ----
struct SystemcPlatform {
    epoxy::sc::SystemcIo& sio;
    NttTlm& accel;
    sc_core::sc_signal<bool>& irq_line;
    epoxy::sc::SystemcIo& io() { return sio; }
    uint64_t cycles() const { return accel.cycles(); }
    bool irq() const { return irq_line.read(); }
    uint64_t dma_reads() const { return accel.dma_reads(); }
    uint64_t dma_writes() const { return accel.dma_writes(); }
    uint64_t reg_reads() const { return sio.reg_reads(); }
    uint64_t reg_errors() const { return sio.reg_errors(); }
};

class Bench : public sc_core::sc_module {
  public:
    NttTlm accel;
    epoxy::sc::MemoryTlm mem;
    epoxy::sc::SystemcIo io;
    sc_core::sc_signal<bool> irq;
    Figures figures;
    bool finished = false;

    Bench(const sc_core::sc_module_name& name, const sc_core::sc_time& mem_latency)
        : sc_core::sc_module(name),
          accel("ntt", sc_core::sc_time(10, sc_core::SC_NS)),
          mem("mem", kMemBase, kMemWords, mem_latency),
          io("io"),
          irq("irq"),
          mem_latency_(mem_latency) {
        io.reg_socket.bind(accel.reg_socket);
        io.mem_socket.bind(mem.host_socket);
        accel.dma_socket.bind(mem.socket);
        io.clk(accel.clock());
        accel.irq_o(irq);
        SC_HAS_PROCESS(Bench);
        SC_THREAD(test);
    }

  private:
    sc_core::sc_time mem_latency_;

    void test() {
        SystemcPlatform pl{io, accel, irq};
        try {
            workload(pl, figures);
            const uint64_t edges = uint64_t(sc_core::sc_time_stamp() / accel.period());
            figures.expect(accel.cycles() == edges,
                           "BasicAccelTlm stepped " + std::to_string(accel.cycles()) +
                               " cycles in " + std::to_string(edges) + " clock periods");
            // OBI: a request stays up, unchanged, until granted; with wait states too (the
            // block and the shell's queue hold a request through an error stop or an abort).
            figures.expect(accel.dma_violations() == 0,
                           "OBI violations on the DMA port (a request withdrawn or changed "
                           "before its grant)");
            finished = true;
        } catch (const std::exception& e) {
            figures.failures.push_back(std::string("exception: ") + e.what());
        }
        sc_core::sc_stop();
    }
};

}  // namespace

int sc_main(int argc, char* argv[]) {
    unsigned latency_cycles = 0;
    if (!epoxy::sc_test::parse_latency(argc, argv, &latency_cycles)) return 2;

    Figures ver;
    try {
        VerilatorPlatform pl;
        workload(pl, ver);
    } catch (const std::exception& e) {
        ver.failures.push_back(std::string("exception: ") + e.what());
    }

    Bench bench("bench", latency_cycles * sc_core::sc_time(10, sc_core::SC_NS));
    sc_core::sc_start();
    Figures& sys = bench.figures;
    if (!bench.finished && sys.failures.empty())
        sys.failures.push_back("the SystemC test thread did not finish (simulation starved)");

    std::printf("NTT block %s (P=%u, MaxLogN=%u), %u DMA wait state(s) on the SystemC side\n",
                EPOXY_NTT_CONFIG, unsigned(EPOXY_NTT_P), unsigned(EPOXY_NTT_MAX_LOG_N),
                latency_cycles);
    if (bench.accel.dma_violations() != 0)
        std::printf(
            "NOTE [systemc] %llu DMA request(s) withdrawn or changed before the grant "
            "(OBI violation by the block)\n",
            static_cast<unsigned long long>(bench.accel.dma_violations()));
    return epoxy::sc_test::report(ver, sys) ? 1 : 0;
}
