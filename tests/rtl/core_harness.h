// SPDX-License-Identifier: Apache-2.0
// Cycle-level driver of the Verilated glue core (Vepoxy_core) for the RTL security tests.
//
// One flat memory (64 KiB at address 0) answers both OBI ports; any address at or above its
// end answers with err, so tests can provoke access faults. By default both ports have zero
// wait states (grant in the request cycle, response the next cycle); an optional hook adds
// grant wait states to data requests, used only by the sanity tests that show the timing
// checks can fail. Every granted data request is logged (cycle, word address, we), and every
// RVFI record is logged with the cycle it appeared in, so a test can measure the cycles
// between two retirements and check which data accesses the core made. Programs are built
// from encoded instructions (sw/rv/encode.h) with a small assembler-like builder.
// It deliberately models no peripherals: interrupts are driven directly on the irq inputs.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

// Verilator's runtime headers are not -Wextra clean; our own code stays strict.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-parameter"
#include "Vepoxy_core.h"
#include "verilated.h"
#pragma GCC diagnostic pop

namespace rtl {

// One RVFI record as the core emitted it, stamped with the cycle it was visible.
struct Record {
    uint64_t cycle = 0;
    uint64_t order = 0;
    uint32_t insn = 0, pc = 0, pc_next = 0;
    bool trap = false, intr = false;
    unsigned rs1 = 0, rs2 = 0, rd = 0;
    uint32_t rs1_rdata = 0, rs2_rdata = 0, rd_wdata = 0;
    uint32_t mem_addr = 0, mem_rmask = 0, mem_wmask = 0;
    unsigned csr_wvalid = 0;
    uint32_t csr_waddr[4] = {0, 0, 0, 0};
    uint32_t csr_wdata[4] = {0, 0, 0, 0};

    // The record writes CSR `addr` (in any of its four slots).
    bool writes_csr(uint32_t addr) const {
        for (unsigned i = 0; i < 4; ++i)
            if (((csr_wvalid >> i) & 1u) && csr_waddr[i] == addr) return true;
        return false;
    }
    uint32_t mcause() const { return csr_wdata[2]; }  // slot 2 of a trap record
};

// One granted data-port request.
struct DataAccess {
    uint64_t cycle;
    uint32_t addr;  // word aligned, as on the bus
    bool we;
    uint32_t be, wdata;
};

// Builds a program as a sequence of 16-bit parcels starting at a base address.
class Program {
public:
    explicit Program(uint32_t base = 0) : base_(base) {}
    uint32_t pc() const { return base_ + 2u * uint32_t(parcels_.size()); }
    uint32_t base() const { return base_; }
    // Emits a 32-bit instruction and returns its address.
    uint32_t i32(uint32_t w) {
        const uint32_t at = pc();
        parcels_.push_back(uint16_t(w));
        parcels_.push_back(uint16_t(w >> 16));
        return at;
    }
    // Emits a compressed instruction and returns its address.
    uint32_t c16(uint16_t h) {
        const uint32_t at = pc();
        parcels_.push_back(h);
        return at;
    }
    // Pads with c.nop up to a multiple of four (or to 2 mod 4 with half = true).
    void align(bool half = false) {
        while ((pc() & 3u) != (half ? 2u : 0u)) c16(0x0001);
    }
    void patch32(uint32_t at, uint32_t w) {
        parcels_.at((at - base_) / 2) = uint16_t(w);
        parcels_.at((at - base_) / 2 + 1) = uint16_t(w >> 16);
    }
    void patch16(uint32_t at, uint16_t h) { parcels_.at((at - base_) / 2) = h; }
    const std::vector<uint16_t>& parcels() const { return parcels_; }

private:
    uint32_t base_;
    std::vector<uint16_t> parcels_;
};

class CoreHarness {
public:
    static constexpr uint32_t kMemBytes = 0x10000;

    CoreHarness() : ctx_(std::make_unique<VerilatedContext>()), mem_(kMemBytes / 4, 0) {
        ctx_->debug(0);
        ctx_->randReset(0);
        top_ = std::make_unique<Vepoxy_core>(ctx_.get(), "core");
    }
    ~CoreHarness() { top_->final(); }
    CoreHarness(const CoreHarness&) = delete;
    CoreHarness& operator=(const CoreHarness&) = delete;

    // Grant wait states for a data request (address, we); 0 when no hook is set.
    std::function<unsigned(uint32_t, bool)> data_wait_hook;
    // Called for every RVFI record as it appears (after it is logged).
    std::function<void(const Record&)> on_record;
    // Keep a log of every record / data access (tests with millions of records turn it off).
    bool keep_records = true;
    bool keep_accesses = true;

    bool irq_timer = false, irq_software = false, irq_external = false;

    // ---- Memory ------------------------------------------------------------------------
    void clear_memory() { std::fill(mem_.begin(), mem_.end(), 0u); }
    void load(const Program& p) {
        uint32_t a = p.base();
        for (uint16_t h : p.parcels()) {
            write16(a, h);
            a += 2;
        }
    }
    uint32_t read32(uint32_t addr) const { return mem_.at(addr / 4); }
    void write32(uint32_t addr, uint32_t v) { mem_.at(addr / 4) = v; }
    void write16(uint32_t addr, uint16_t h) {
        uint32_t& w = mem_.at(addr / 4);
        const unsigned sh = (addr & 2u) * 8u;
        w = (w & ~(0xFFFFu << sh)) | (uint32_t(h) << sh);
    }

    // ---- Control -----------------------------------------------------------------------
    // Resets the core (boot address 0) and clears the logs and the bus state.
    void reset() {
        irq_timer = irq_software = irq_external = false;
        instr_rsp_.clear();
        data_rsp_.clear();
        data_wait_left_ = -1;
        records.clear();
        accesses.clear();
        last = Record{};
        access_count = 0;
        top_->boot_addr_i = 0;
        top_->irq_accel_i = 0;
        top_->time_i = 0;
        set_idle_inputs();
        top_->rst_ni = 0;
        for (int i = 0; i < 2; ++i) {
            top_->clk_i = 0;
            top_->eval();
            top_->clk_i = 1;
            top_->eval();
        }
        top_->clk_i = 0;
        top_->eval();
        top_->rst_ni = 1;
        top_->eval();
        cycle = 0;
    }

    // Advances one clock cycle.
    void step() {
        top_->clk_i = 0;
        set_idle_inputs();
        if (!instr_rsp_.empty() && instr_rsp_.front().due <= cycle) {
            const Rsp r = instr_rsp_.front();
            instr_rsp_.pop_front();
            top_->instr_rvalid_i = 1;
            top_->instr_rdata_i = r.data;
            top_->instr_err_i = r.err;
        }
        if (!data_rsp_.empty() && data_rsp_.front().due <= cycle) {
            const Rsp r = data_rsp_.front();
            data_rsp_.pop_front();
            top_->data_rvalid_i = 1;
            top_->data_rdata_i = r.data;
            top_->data_err_i = r.err;
        }
        top_->irq_timer_i = irq_timer;
        top_->irq_software_i = irq_software;
        top_->irq_external_i = irq_external;
        top_->time_i = cycle;
        // The instruction port always grants; the data port grants at once unless the
        // wait hook asks for wait states (then a second evaluation is needed to see req).
        top_->instr_gnt_i = 1;
        top_->data_gnt_i = data_wait_hook ? 0 : 1;
        top_->eval();
        if (data_wait_hook) {
            if (top_->data_req_o) {
                if (data_wait_left_ < 0)
                    data_wait_left_ = int(data_wait_hook(top_->data_addr_o, top_->data_we_o));
                if (data_wait_left_ == 0) {
                    top_->data_gnt_i = 1;
                    top_->eval();
                    data_wait_left_ = -1;
                } else {
                    --data_wait_left_;
                }
            }
        }

        if (top_->rvfi_valid_o) capture_record();

        if (top_->instr_req_o && top_->instr_gnt_i) {
            const uint32_t a = top_->instr_addr_o;
            instr_rsp_.push_back(a < kMemBytes ? Rsp{cycle + 1, mem_[a / 4], false}
                                               : Rsp{cycle + 1, 0, true});
        }
        if (top_->data_req_o && top_->data_gnt_i) {
            const uint32_t a = top_->data_addr_o;
            const bool we = top_->data_we_o;
            const uint32_t be = top_->data_be_o, wd = top_->data_wdata_o;
            if (keep_accesses) accesses.push_back(DataAccess{cycle, a, we, be, wd});
            ++access_count;
            if (a >= kMemBytes) {
                data_rsp_.push_back(Rsp{cycle + 1, 0, true});
            } else {
                uint32_t& w = mem_[a / 4];
                if (we) {
                    uint32_t m = 0;
                    for (unsigned i = 0; i < 4; ++i)
                        if ((be >> i) & 1u) m |= 0xFFu << (8 * i);
                    w = (w & ~m) | (wd & m);
                }
                data_rsp_.push_back(Rsp{cycle + 1, we ? 0u : w, false});
            }
        }

        top_->clk_i = 1;
        top_->eval();
        ++cycle;
    }

    // Steps until pred() holds after a cycle, at most max_cycles; returns whether it held.
    bool run_until(const std::function<bool()>& pred, uint64_t max_cycles) {
        for (uint64_t i = 0; i < max_cycles; ++i) {
            step();
            if (pred()) return true;
        }
        return false;
    }
    void run(uint64_t n) {
        for (uint64_t i = 0; i < n; ++i) step();
    }

    // Runs until a record with pc == `pc` appears (returns it) or throws after max cycles.
    Record run_to_pc(uint32_t pc, uint64_t max_cycles = 10000) {
        const size_t n0 = records.size();
        for (uint64_t i = 0; i < max_cycles; ++i) {
            step();
            for (size_t k = n0; k < records.size(); ++k)
                if (records[k].pc == pc && !records[k].intr) return records[k];
        }
        throw std::runtime_error("core_harness: no record at pc 0x" + hex(pc) + " within " +
                                 std::to_string(max_cycles) + " cycles");
    }

    bool sleeping() const { return top_->sleeping_o; }

    static std::string hex(uint32_t v) {
        char b[16];
        std::snprintf(b, sizeof b, "%08x", v);
        return b;
    }

    uint64_t cycle = 0;
    uint64_t access_count = 0;
    Record last;  // the most recent record
    std::vector<Record> records;
    std::vector<DataAccess> accesses;

private:
    struct Rsp {
        uint64_t due;
        uint32_t data;
        bool err;
    };

    void set_idle_inputs() {
        top_->instr_rvalid_i = 0;
        top_->instr_rdata_i = 0;
        top_->instr_err_i = 0;
        top_->data_rvalid_i = 0;
        top_->data_rdata_i = 0;
        top_->data_err_i = 0;
        top_->instr_gnt_i = 0;
        top_->data_gnt_i = 0;
    }

    void capture_record() {
        Record r;
        r.cycle = cycle;
        r.order = top_->rvfi_order_o;
        r.insn = top_->rvfi_insn_o;
        r.pc = top_->rvfi_pc_rdata_o;
        r.pc_next = top_->rvfi_pc_wdata_o;
        r.trap = top_->rvfi_trap_o;
        r.intr = top_->rvfi_intr_o;
        r.rs1 = top_->rvfi_rs1_addr_o;
        r.rs2 = top_->rvfi_rs2_addr_o;
        r.rd = top_->rvfi_rd_addr_o;
        r.rs1_rdata = top_->rvfi_rs1_rdata_o;
        r.rs2_rdata = top_->rvfi_rs2_rdata_o;
        r.rd_wdata = top_->rvfi_rd_wdata_o;
        r.mem_addr = top_->rvfi_mem_addr_o;
        r.mem_rmask = top_->rvfi_mem_rmask_o;
        r.mem_wmask = top_->rvfi_mem_wmask_o;
        r.csr_wvalid = top_->rvfi_csr_wvalid_o;
        const uint64_t waddr = top_->rvfi_csr_waddr_o;
        for (unsigned i = 0; i < 4; ++i) {
            r.csr_waddr[i] = uint32_t((waddr >> (12 * i)) & 0xFFFu);
            r.csr_wdata[i] = top_->rvfi_csr_wdata_o[i];
        }
        last = r;
        if (keep_records) records.push_back(r);
        if (on_record) on_record(r);
    }

    std::unique_ptr<VerilatedContext> ctx_;
    std::unique_ptr<Vepoxy_core> top_;
    std::vector<uint32_t> mem_;
    std::deque<Rsp> instr_rsp_, data_rsp_;
    int data_wait_left_ = -1;
};

}  // namespace rtl
