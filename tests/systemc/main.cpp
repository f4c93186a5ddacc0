// SPDX-License-Identifier: Apache-2.0
// The accelerator driver on two platforms, compared figure by figure (docs/systemc.md):
//   (a) SystemC: AccelTlm (the Verilated shell + copy/fill engine behind TLM-2.0 sockets)
//       with its DMA on a MemoryTlm, driven through SystemcIo from an SC_THREAD;
//   (b) plain Verilator: the same model behind tests/accel's ShellTransactor.
// The same workload (epoxy::AccelShell<Io>, one template) runs on both: a COPY/FILL batch,
// a DMA bus error with its code and index then replace + clear_error, a bad opcode recovered
// by abort, and the abort of a long FILL. Each platform must give the expected results on
// its own, and the two must agree on every figure: statuses, error codes and indices, ring
// indices, memory contents, the interrupt line, PERF_BUSY/STALL/DMA, DMA counts and the
// clock cycles between driver calls (doorbell to idle, abort to idle, the whole run).
//
// A plain sc_main program (SystemC's sc_main and Catch2's main would clash): it prints the
// figures and returns 1 on any failure. --dma-latency-cycles N gives the SystemC memory N
// wait states per access, which must make the comparison fail (ctest checks that it does).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <systemc>
#include <type_traits>
#include <utility>
#include <vector>

#include "accel_tlm.h"
#include "epoxy/accel_regs.h"
#include "epoxy/accel_shell.h"
#include "figures.h"
#include "memory_tlm.h"
#include "shell_transactor.h"
#include "systemc_io.h"

namespace {

using epoxy::AccelError;
using epoxy::AccelStatus;
using epoxy::Descriptor;
using epoxy::test::kOpCopy;
using epoxy::test::kOpFill;

constexpr uint32_t kMemBase = 0x10000000u;
constexpr uint32_t kMemWords = 16384;  // 64 KiB, ShellTransactor's default
constexpr uint32_t kRing = kMemBase, kData = kMemBase + 0x2000;
constexpr uint32_t kPolls = 100000;

Descriptor copy(uint32_t src, uint32_t dst, uint32_t words) {
    return Descriptor::op(kOpCopy).src0(src).dst(dst).length(words);
}
Descriptor fill(uint32_t dst, uint32_t words, uint32_t value) {
    return Descriptor::op(kOpFill).dst(dst).length(words).param0(value);
}

using epoxy::sc_test::Figures;

template <class Io>
uint32_t word(Io& io, uint32_t addr) {
    uint32_t w = 0;
    io.mem_read(addr, &w, 1);
    return w;
}

// FNV-1a over n words: a whole region as one figure.
template <class Io>
uint64_t region_hash(Io& io, uint32_t addr, uint32_t n) {
    std::vector<uint32_t> w(n);
    io.mem_read(addr, w.data(), n);
    uint64_t h = 0xcbf29ce484222325ull;
    for (uint32_t x : w) h = (h ^ x) * 0x100000001b3ull;
    return h;
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

// The workload, once for every platform. P gives io() (the driver's back end), cycles(),
// irq(), dma_reads(), dma_writes() and reg_errors().
template <class P>
void workload(P& pl, Figures& f) {
    auto& io = pl.io();
    epoxy::AccelShell<std::remove_reference_t<decltype(io)>> s(io);
    const uint64_t start = pl.cycles();

    // ---- Bring-up ----
    epoxy::AccelInfo info{};
    f.status("probe", s.probe(epoxy::test::kAccelTestId, &info), AccelStatus::Ok);
    f.put("probe.caps", info.caps);
    f.status("configure_ring", s.configure_ring(kRing, 3), AccelStatus::Ok);
    f.status("irq_enable", s.irq_enable(epoxy::kAccelIrqError), AccelStatus::Ok);

    // ---- A COPY/FILL batch ----
    std::vector<uint32_t> src(64);
    for (uint32_t i = 0; i < src.size(); ++i) src[i] = 0xC0DE0000u + i * 0x01010101u;
    io.mem_write(kData, src.data(), src.size());
    std::vector<Descriptor> d;
    for (uint32_t k = 0; k < 6; ++k) {
        const uint32_t dst = kData + 0x1000 + 0x100 * k;
        d.push_back(k % 2 ? fill(dst, 8 + k, 0xF0000000u + k) : copy(kData + 4 * k, dst, 8 + k));
    }
    f.status("batch.perf_clear", s.perf_clear(), AccelStatus::Ok);
    uint64_t c0 = pl.cycles();
    f.status("batch.submit", s.submit(d.data(), d.size()), AccelStatus::Ok);
    uint64_t c1 = pl.cycles();
    f.status("batch.wait_idle", s.wait_idle(kPolls), AccelStatus::Ok);
    uint64_t c2 = pl.cycles();
    f.put("batch.cycles.submit", c1 - c0);
    f.put("batch.cycles.doorbell_to_idle", c2 - c1);
    perf(f, s, "batch");
    for (uint32_t k = 0; k < 6; ++k) {
        const uint32_t dst = kData + 0x1000 + 0x100 * k;
        for (uint32_t i = 0; i < 8 + k; ++i)
            f.expect(word(io, dst + 4 * i) == (k % 2 ? 0xF0000000u + k : src[k + i]),
                     "batch: descriptor " + std::to_string(k) + " word " + std::to_string(i));
        f.expect(word(io, dst + 4 * (8 + k)) == 0u,
                 "batch: descriptor " + std::to_string(k) + " wrote one word too many");
    }
    f.put("batch.memory_hash", region_hash(io, kData + 0x1000, 0x180));
    uint32_t head = 0, tail = 0;
    f.status("batch.queue_indices", s.queue_indices(&head, &tail), AccelStatus::Ok);
    f.put("batch.qhead", head);
    f.put("batch.qtail", tail);
    f.expect(head == 6 && tail == 6, "batch: QHEAD/QTAIL not 6/6");
    uint32_t irqs = 0;
    f.status("batch.irq_status_call", s.irq_status(&irqs), AccelStatus::Ok);
    f.put("batch.irq_status", irqs);
    f.put("batch.irq_line", pl.irq());
    f.expect(irqs == epoxy::kAccelIrqDone, "batch: IRQ_STATUS is not DONE alone");
    f.expect(!pl.irq(), "batch: the interrupt line is high with only ERROR enabled");
    f.status("batch.irq_clear", s.irq_clear(epoxy::kAccelIrqAll), AccelStatus::Ok);

    // ---- A DMA bus error: code, index, the interrupt; replace + clear_error finishes ----
    const Descriptor bad[3] = {fill(kData + 0x3000, 1, 0x01010101u),
                               copy(0x40000000u, kData + 0x3100, 4),  // outside the memory
                               fill(kData + 0x3008, 1, 0x03030303u)};
    f.status("dmaerr.perf_clear", s.perf_clear(), AccelStatus::Ok);
    c0 = pl.cycles();
    f.status("dmaerr.submit", s.submit(bad, 3), AccelStatus::Ok);
    c1 = pl.cycles();
    f.status("dmaerr.wait_idle", s.wait_idle(kPolls), AccelStatus::DeviceError);
    c2 = pl.cycles();
    f.put("dmaerr.cycles.doorbell_to_stop", c2 - c1);
    AccelError code = AccelError::None;
    uint32_t index = 99;
    f.status("dmaerr.last_error", s.last_error(&code, &index), AccelStatus::Ok);
    f.put("dmaerr.code", uint64_t(code));
    f.put("dmaerr.index", index);
    f.expect(code == AccelError::DmaError, "dmaerr: ERR.CODE is not DmaError (6)");
    f.expect(index == 7, "dmaerr: ERR.INDEX is not 7");
    f.status("dmaerr.irq_status_call", s.irq_status(&irqs), AccelStatus::Ok);
    f.put("dmaerr.irq_status", irqs);
    f.put("dmaerr.irq_line", pl.irq());
    f.expect(irqs == epoxy::kAccelIrqError, "dmaerr: IRQ_STATUS is not ERROR alone");
    f.expect(pl.irq(), "dmaerr: the interrupt line is low");
    f.expect(word(io, kData + 0x3008) == 0u, "dmaerr: the descriptor after the bad one ran");
    perf(f, s, "dmaerr");
    f.status("dmaerr.replace", s.replace(7, fill(kData + 0x3004, 1, 0x02020202u)), AccelStatus::Ok);
    f.status("dmaerr.irq_clear", s.irq_clear(epoxy::kAccelIrqError), AccelStatus::Ok);
    f.put("dmaerr.irq_line_after_clear", pl.irq());
    f.status("dmaerr.clear_error", s.clear_error(), AccelStatus::Ok);
    c1 = pl.cycles();
    f.status("dmaerr.wait_idle_after_clear", s.wait_idle(kPolls), AccelStatus::Ok);
    f.put("dmaerr.cycles.clear_to_idle", pl.cycles() - c1);
    f.expect(word(io, kData + 0x3000) == 0x01010101u && word(io, kData + 0x3004) == 0x02020202u &&
                 word(io, kData + 0x3008) == 0x03030303u,
             "dmaerr: the queue did not finish after replace + clear_error");

    // ---- A bad opcode, recovered by abort ----
    const Descriptor op7f = Descriptor::op(0x7F).src0(kData).dst(kData + 0x3200).length(4);
    f.status("badop.submit", s.submit(&op7f, 1), AccelStatus::Ok);
    f.status("badop.wait_idle", s.wait_idle(kPolls), AccelStatus::DeviceError);
    f.status("badop.last_error", s.last_error(&code, &index), AccelStatus::Ok);
    f.put("badop.code", uint64_t(code));
    f.put("badop.index", index);
    f.expect(code == AccelError::BadOpcode && index == 9, "badop: not BadOpcode at index 9");
    c1 = pl.cycles();
    f.status("badop.abort", s.abort(100), AccelStatus::Ok);
    f.put("badop.cycles.abort", pl.cycles() - c1);
    f.status("badop.last_error_after_abort", s.last_error(&code, &index), AccelStatus::Ok);
    f.expect(code == AccelError::None, "badop: still an error after abort");
    f.status("badop.irq_clear", s.irq_clear(epoxy::kAccelIrqAll), AccelStatus::Ok);

    // ---- Abort of a long FILL: how far it got must agree to the word ----
    const Descriptor longfill[2] = {fill(kData + 0x4000, 0x2000, 0x77777777u),
                                    fill(kData + 0xC100, 4, 0x88u)};
    f.status("abort.perf_clear", s.perf_clear(), AccelStatus::Ok);
    f.status("abort.submit", s.submit(longfill, 2), AccelStatus::Ok);
    f.status("abort.wait_idle", s.wait_idle(100), AccelStatus::Timeout);
    c1 = pl.cycles();
    f.status("abort.abort", s.abort(16), AccelStatus::Ok);
    f.put("abort.cycles.abort_to_idle", pl.cycles() - c1);
    uint32_t filled = 0;
    for (uint32_t i = 0; i < 0x2000; ++i) filled += word(io, kData + 0x4000 + 4 * i) == 0x77777777u;
    f.put("abort.words_filled", filled);
    f.expect(filled > 0 && filled < 0x2000, "abort: the long FILL did not stop part-way");
    f.expect(word(io, kData + 0xC100) == 0u, "abort: the queued FILL was not dropped");
    f.put("abort.memory_hash", region_hash(io, kData + 0x4000, 0x2000));
    perf(f, s, "abort");
    f.status("abort.queue_indices", s.queue_indices(&head, &tail), AccelStatus::Ok);
    f.put("abort.qhead", head);
    f.put("abort.qtail", tail);
    f.expect(head == tail, "abort: QHEAD != QTAIL");
    const Descriptor after = fill(kData + 0xC200, 4, 0x99999999u);
    f.status("abort.submit_after", s.submit(&after, 1), AccelStatus::Ok);
    c1 = pl.cycles();
    f.status("abort.wait_idle_after", s.wait_idle(kPolls), AccelStatus::Ok);
    f.put("abort.cycles.doorbell_to_idle_after", pl.cycles() - c1);
    f.expect(word(io, kData + 0xC20C) == 0x99999999u, "abort: new work did not run");

    // ---- A register bus error: a write to the read-only ID (err on the OBI port; on TLM
    // TLM_ADDRESS_ERROR_RESPONSE), counted by the back end, the block unharmed ----
    f.expect(pl.reg_errors() == 0, "a register access answered a bus error");
    io.reg_write(uint32_t(offsetof(epoxy_accel_regs_t, ID)), 0);
    f.put("regerr.reg_errors", pl.reg_errors());
    f.expect(pl.reg_errors() == 1, "regerr: a write to ID did not answer a bus error");
    f.status("regerr.probe", s.probe(epoxy::test::kAccelTestId), AccelStatus::Ok);

    // ---- Totals ----
    f.put("total.dma_reads", pl.dma_reads());
    f.put("total.dma_writes", pl.dma_writes());
    f.put("total.cycles", pl.cycles() - start);
}

// ---- (b) the plain Verilator run ----
struct VerilatorPlatform {
    epoxy::test::ShellTransactor t;  // 64 KiB at kMemBase, no DMA wait states
    epoxy::test::ShellTransactor& io() { return t; }
    uint64_t cycles() const { return t.cycles(); }
    bool irq() { return t.irq(); }
    uint64_t dma_reads() const { return t.dma_reads(); }
    uint64_t dma_writes() const { return t.dma_writes(); }
    uint64_t reg_errors() const { return t.reg_errors(); }
};

// ---- (a) the SystemC run ----
struct SystemcPlatform {
    epoxy::sc::SystemcIo& sio;
    epoxy::sc::AccelTlm& accel;
    sc_core::sc_signal<bool>& irq_line;
    epoxy::sc::SystemcIo& io() { return sio; }
    uint64_t cycles() const { return accel.cycles(); }
    bool irq() const { return irq_line.read(); }
    uint64_t dma_reads() const { return accel.dma_reads(); }
    uint64_t dma_writes() const { return accel.dma_writes(); }
    uint64_t reg_errors() const { return sio.reg_errors(); }
};

class Bench : public sc_core::sc_module {
  public:
    epoxy::sc::AccelTlm accel;
    epoxy::sc::MemoryTlm mem;
    epoxy::sc::SystemcIo io;
    sc_core::sc_signal<bool> irq;
    Figures figures;
    bool finished = false;

    Bench(const sc_core::sc_module_name& name, const sc_core::sc_time& mem_latency)
        : sc_core::sc_module(name),
          accel("accel", sc_core::sc_time(10, sc_core::SC_NS)),
          mem("mem", kMemBase, kMemWords, mem_latency),
          io("io"),
          irq("irq") {
        io.reg_socket.bind(accel.reg_socket);
        io.mem_socket.bind(mem.host_socket);
        accel.dma_socket.bind(mem.socket);
        io.clk(accel.clock());
        accel.irq_o(irq);
        SC_HAS_PROCESS(Bench);
        SC_THREAD(test);
    }

  private:
    void test() {
        SystemcPlatform pl{io, accel, irq};
        try {
            workload(pl, figures);
            // The clock thread stepped every rising edge so far (edges at 1, 2, ... periods).
            const uint64_t edges = uint64_t(sc_core::sc_time_stamp() / accel.period());
            figures.expect(accel.cycles() == edges,
                           "AccelTlm stepped " + std::to_string(accel.cycles()) + " cycles in " +
                               std::to_string(edges) + " clock periods");
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

    return epoxy::sc_test::report(ver, sys) ? 1 : 0;
}
