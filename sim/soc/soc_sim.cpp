// SPDX-License-Identifier: Apache-2.0
// The Verilated SoC driven cycle by cycle (see soc_sim.h).
#include "soc_sim.h"

#include <algorithm>
#include <cstdio>
#include <stdexcept>
#include <vector>

#include "Vepoxy_ntt_soc.h"
#include "Vepoxy_soc.h"
#include "Vepoxy_soc_traced.h"
#include "epoxy/memory_map.h"
#include "iss/compressed.h"
#include "iss/elf_loader.h"
#include "iss/machine.h"
#include "rom_hex.h"
#include "rvfi_record.h"
#include "verilated.h"
#include "verilated_fst_c.h"
#include "verilated_syms.h"

namespace epoxy::socsim {

const char* class_name(InsnClass c) {
    static const char* const names[] = {"alu",    "mul",  "div", "load",   "store",    "branch",
                                        "jump",   "csr",  "system", "trap", "interrupt"};
    return names[unsigned(c)];
}

InsnClass classify(const iss::Retire& r) {
    if (r.kind == iss::StepKind::Interrupt) return InsnClass::Interrupt;
    if (r.kind == iss::StepKind::Trap) return InsnClass::Trap;
    const uint32_t insn = r.insn_len == 2 ? iss::expand_compressed(uint16_t(r.insn)) : r.insn;
    const uint32_t funct3 = (insn >> 12) & 7;
    switch (insn & 0x7F) {
        case 0x03: return InsnClass::Load;
        case 0x23: return InsnClass::Store;
        case 0x63: return InsnClass::Branch;
        case 0x6F:
        case 0x67: return InsnClass::Jump;
        case 0x33:
            if ((insn >> 25) == 1) return funct3 < 4 ? InsnClass::Mul : InsnClass::Div;
            return InsnClass::Alu;
        case 0x73: return funct3 != 0 ? InsnClass::Csr : InsnClass::System;
        case 0x0F: return InsnClass::System;  // fence, fence.i
        default: return InsnClass::Alu;       // op-imm, lui, auipc
    }
}

SocSim::SocSim(VerilatedContext& context, const std::string& elf_path, bool traced,
               const std::string& rom_hex)
    : context_(context),
      ntt_(std::make_unique<Vepoxy_ntt_soc>(&context, "ntt")),
      console_([](char c) { std::fputc(c, stdout); }) {
    // Both SoC models name their top scope "soc", so the memories are found the same way.
    if (traced)
        traced_ = std::make_unique<Vepoxy_soc_traced>(&context, "soc");
    else
        soc_ = std::make_unique<Vepoxy_soc>(&context, "soc");
    load_memories(elf_path, rom_hex);
}

SocSim::~SocSim() = default;

namespace {
// The Verilator-public memory `mem_q` in scope `scope` (e.g. "soc.epoxy_soc.u_rom"), or
// nullptr when the scope does not exist; `words` gets its size.
uint32_t* public_memory(VerilatedContext& context, const std::string& scope, size_t& words) {
    const VerilatedScope* s = context.scopeFind(scope.c_str());
    VerilatedVar* v = s ? s->varFind("mem_q") : nullptr;
    if (!v) return nullptr;
    words = size_t(v->unpacked().elements());
    return static_cast<uint32_t*>(v->datap());
}

uint32_t word_at(const uint8_t* p) {
    return uint32_t(p[0]) | uint32_t(p[1]) << 8 | uint32_t(p[2]) << 16 | uint32_t(p[3]) << 24;
}
}  // namespace

void SocSim::load_memories(const std::string& elf_path, const std::string& rom_hex) {
    // The ISS's loader checks the file and places the segments; its memories have the
    // map's sizes, which are the SoC's defaults.
    auto machine = std::make_unique<iss::Machine>();
    entry_ = EPOXY_ROM_BASE;
    if (!elf_path.empty()) entry_ = iss::load_elf(elf_path, *machine).entry;
    // The memories' scopes exist once the model is constructed. The SRAM banks are found
    // by name (g_sram[0].u_bank, g_sram[1].u_bank, ...), so any SramBanks parameter loads correctly.
    auto& rom = machine->rom();
    size_t rom_words = 0;
    uint32_t* rom_mem = public_memory(context_, "soc.epoxy_soc.u_rom", rom_words);
    if (!rom_mem || rom_words * 4 > rom.size())
        throw std::logic_error("epoxy-sim: the SoC's ROM does not match the memory map");
    if (!rom_hex.empty()) {
        // As the board's RomInitFile: the image is the whole ROM.
        const std::vector<uint32_t> words = read_readmemh(rom_hex, rom_words);
        std::copy(words.begin(), words.end(), rom_mem);
    } else {
        for (size_t w = 0; w < rom_words; ++w) rom_mem[w] = word_at(rom.data() + 4 * w);
    }
    std::vector<uint32_t*> banks;
    size_t bank_words = 0;
    for (;;) {
        size_t words = 0;
        uint32_t* bank = public_memory(
            context_, "soc.epoxy_soc.g_sram[" + std::to_string(banks.size()) + "].u_bank",
            words);
        if (!bank) break;
        bank_words = words;
        banks.push_back(bank);
    }
    auto& sram = machine->sram();
    if (banks.empty() || banks.size() * bank_words * 4 > sram.size())
        throw std::logic_error("epoxy-sim: the SoC's SRAM banks do not match the memory map");
    // Word w of the SRAM lives in bank w % banks at index w / banks. Contents beyond the
    // SoC's SRAM (a smaller SramBytes) cannot be loaded: refuse the ELF if it uses them.
    const size_t n = banks.size();
    for (size_t w = 0; w < sram.size() / 4; ++w) {
        const uint32_t v = word_at(sram.data() + 4 * w);
        if (w < n * bank_words)
            banks[w % n][w / n] = v;
        else if (v != 0)
            throw iss::ElfError("uses SRAM beyond the simulated SoC's " +
                                std::to_string(n * bank_words * 4) + " bytes");
    }
}

InsnClass SocSim::record_class(const iss::Retire& r) {
    // A compressed instruction's class is classify()'s after expanding it: remembered per
    // 16-bit encoding, as expanding it on every record costs more than simulating a cycle.
    if (r.kind != iss::StepKind::Retired || r.insn_len != 2) return classify(r);
    uint8_t& known = rvc_class_[uint16_t(r.insn)];
    if (known == kUnknownClass) known = uint8_t(classify(r));
    return InsnClass(known);
}

void SocSim::track_wakeup_sources(const iss::Retire& r) {
    for (unsigned i = 0; i < r.csr_count; ++i)
        if (r.csr[i].addr == 0x304) mie_ = r.csr[i].value;  // mie
    if (r.kind == iss::StepKind::Retired && r.mem.valid && r.mem.write && r.mem.size == 4) {
        if (r.mem.addr == EPOXY_TIMER_BASE + EPOXY_TIMER_MTIMECMP)
            mtimecmp_ = (mtimecmp_ & ~0xFFFFFFFFull) | r.mem.data;
        if (r.mem.addr == EPOXY_TIMER_BASE + EPOXY_TIMER_MTIMECMPH)
            mtimecmp_ = (mtimecmp_ & 0xFFFFFFFFull) | (uint64_t(r.mem.data) << 32);
    }
    // A fault fetching the trap vector itself would repeat forever.
    if (r.kind == iss::StepKind::Trap && r.cause == 1 && r.pc == r.next_pc) {
        char msg[120];
        std::snprintf(msg, sizeof msg,
                      "trap vector 0x%08x cannot be fetched: the hart would trap forever", r.pc);
        trap_loop_ = msg;
    }
}

std::string SocSim::deadlock() const {
    if (!trap_loop_.empty()) return trap_loop_;
    // An enabled interrupt that is already pending wakes the core within a few cycles;
    // only a core that stays asleep is examined.
    if (sleep_run_ < 32) return {};
    constexpr uint32_t kMtip = 1u << 7;
    if ((mie_ & kMtip) && mtimecmp_ != ~0ull) return {};
    // The NTT block raises its line when its queue completes or fails (it may have just).
    if ((mie_ & (1u << (16 + EPOXY_NTT_IRQ))) && (ntt_->busy_o || ntt_->irq_o)) return {};
    char msg[160];
    std::snprintf(msg, sizeof msg,
                  "WFI can never wake up: no enabled interrupt can become pending (mie=0x%08x)",
                  mie_);
    return msg;
}

void SocSim::open_trace(const std::string& path, uint64_t start, uint64_t end) {
    if (!traced_) throw std::logic_error("epoxy-sim: open_trace needs a SocSim built with tracing");
    context_.traceEverOn(true);
    trace_ = std::make_unique<VerilatedFstC>();
    traced_->trace(trace_.get(), 99);
    ntt_->trace(trace_.get(), 99);
    trace_->open(path.c_str());
    trace_start_ = start;
    trace_end_ = end;
}

void SocSim::dump_trace(uint64_t time) {
    if (!trace_) return;
    const uint64_t cycle = stats_.cycles;
    if (cycle >= trace_start_ && (trace_end_ == 0 || cycle < trace_end_)) trace_->dump(time);
}

void SocSim::reset() {
    if (traced_)
        reset_model(*traced_);
    else
        reset_model(*soc_);
}

template <class Model>
void SocSim::reset_model(Model& s) {
    Vepoxy_ntt_soc& n = *ntt_;
    s.boot_addr_i = entry_;
    s.uart_rx_i = 1;
    s.gpio_i = 0;
    s.irq_external_i = 0;
    // Low, edge (both in reset), low out of reset; the block goes first at each step.
    for (int phase = 0; phase < 3; ++phase) {
        n.clk_i = phase == 1;
        n.rst_ni = phase == 2;
        n.eval();
        ntt_outputs_to_soc(s);
        s.clk_i = phase == 1;
        s.rst_ni = phase == 2;
        s.eval();
    }
    ntt_quiet_ = 0;
}

void SocSim::finish() {
    if (traced_)
        traced_->final();
    else
        soc_->final();
    ntt_->final();
    if (trace_) trace_->close();
}

// ---- The NTT coprocessor, a model of its own (see soc_sim.h) ----------------------------------

template <class Model>
void SocSim::soc_outputs_to_ntt(Model& s) {
    Vepoxy_ntt_soc& n = *ntt_;
    n.reg_req_i = s.ntt_reg_req_o;
    n.reg_addr_i = s.ntt_reg_addr_o;
    n.reg_we_i = s.ntt_reg_we_o;
    n.reg_be_i = s.ntt_reg_be_o;
    n.reg_wdata_i = s.ntt_reg_wdata_o;
    n.dma_gnt_i = s.ntt_dma_gnt_o;
    n.dma_rvalid_i = s.ntt_dma_rvalid_o;
    n.dma_rdata_i = s.ntt_dma_rdata_o;
    n.dma_err_i = s.ntt_dma_err_o;
}

template <class Model>
void SocSim::ntt_outputs_to_soc(Model& s) {
    Vepoxy_ntt_soc& n = *ntt_;
    s.ntt_reg_gnt_i = n.reg_gnt_o;
    s.ntt_reg_rvalid_i = n.reg_rvalid_o;
    s.ntt_reg_rdata_i = n.reg_rdata_o;
    s.ntt_reg_err_i = n.reg_err_o;
    s.ntt_dma_req_i = n.dma_req_o;
    s.ntt_dma_addr_i = n.dma_addr_o;
    s.ntt_dma_we_i = n.dma_we_o;
    s.ntt_dma_be_i = n.dma_be_o;
    s.ntt_dma_wdata_i = n.dma_wdata_o;
    s.ntt_irq_i = n.irq_o;
    s.ntt_busy_i = n.busy_o;
}

template <class Model>
bool SocSim::ntt_must_run(Model& s) {
    Vepoxy_ntt_soc& n = *ntt_;
    // Anything moving at the block's boundary: a register access, a DMA request or response,
    // a response of its own, or work queued or running.
    const bool activity = s.ntt_reg_req_o || s.ntt_dma_rvalid_o || n.reg_rvalid_o ||
                          n.dma_req_o || n.busy_o;
    if (activity || always_eval_ntt_) {
        ntt_quiet_ = 0;
        return true;
    }
    // After the last activity the block still settles for a few cycles (a register write's
    // single-cycle pulses, its pipelines draining); kQuietCycles covers them with margin.
    return ++ntt_quiet_ <= kQuietCycles;
}

bool SocSim::step(iss::Retire& record) {
    return traced_ ? step_model(*traced_, record) : step_model(*soc_, record);
}

template <class Model>
bool SocSim::step_model(Model& s, iss::Retire& record) {
    // Low phase: the inputs for this cycle settle with the outputs of the last edge.
    Vepoxy_ntt_soc& n = *ntt_;
    s.clk_i = 0;
    s.uart_rx_i = rx_level_;
    s.eval();
    dump_trace(2 * stats_.cycles);
    // Bus activity of this cycle (requests and grants are settled before the edge).
    const unsigned req = s.bus_req_o, gnt = s.bus_gnt_o;
    for (unsigned p = 0; p < 3; ++p) {
        if ((gnt >> p) & 1)
            ++stats_.ports[p].transactions;
        else if ((req >> p) & 1)
            ++stats_.ports[p].wait_cycles;
    }
    sleep_run_ = s.core_sleeping_o ? sleep_run_ + 1 : 0;
    if (s.core_sleeping_o) ++stats_.sleep_cycles;
    if (s.core_stall_o) ++stall_since_record_;
    if (s.core_bubble_o) ++stats_.bubble_cycles;
    if (s.ntt_busy_o) ++stats_.ntt_busy_cycles;

    // The edge. The block's inputs are the SoC's settled outputs of this low phase (nothing
    // of the block feeds back into them within the cycle), so the block takes its edge
    // first; the SoC samples the block's new outputs into its flops at its own edge.
    if (ntt_must_run(s)) {
        soc_outputs_to_ntt(s);
        n.clk_i = 0;
        n.eval();
        n.clk_i = 1;
        n.eval();
        ntt_outputs_to_soc(s);
        ++stats_.ntt_eval_cycles;
    }
    s.clk_i = 1;
    s.eval();
    dump_trace(2 * stats_.cycles + 1);
    ++stats_.cycles;

    // Outputs of this edge: sim-control events, the UART pins, the RVFI record.
    if (s.sim_putc_o) console_(char(s.sim_putc_char_o));
    if (s.sim_exit_o) {
        exit_requested_ = true;
        exit_code_ = s.sim_exit_code_o;
    }
    if (!uart_.idle(s.uart_tx_o)) {
        uint8_t byte = 0;
        bool got = false;
        rx_level_ = uart_.cycle(s.uart_tx_o, s.uart_rx_ready_o, uint32_t(s.uart_clkdiv_o) + 1,
                                byte, got);
        if (got) console_(char(byte));
    }

    if (!s.rvfi_valid_o) return false;
    record = coretb::rvfi_to_retire(s);
    ++stats_.records;
    if (record.kind == iss::StepKind::Retired)
        ++stats_.instret;
    else if (record.kind == iss::StepKind::Trap)
        ++stats_.traps;
    else
        ++stats_.interrupts;
    const unsigned c = unsigned(record_class(record));
    ++stats_.class_records[c];
    track_wakeup_sources(record);
    stats_.class_stall_cycles[c] += stall_since_record_;
    stats_.stall_cycles += stall_since_record_;
    stall_since_record_ = 0;
    return true;
}

}  // namespace epoxy::socsim
