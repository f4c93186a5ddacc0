// SPDX-License-Identifier: Apache-2.0
// Cycle-by-cycle driver of the Verilated core (see core_driver.h).
#include "core_driver.h"

#include "Vepoxy_core.h"
#include "rvfi_record.h"
#include "verilated.h"

namespace epoxy::coretb {

CoreDriver::CoreDriver(VerilatedContext& context, Platform& platform,
                       const CoreDriverConfig& config)
    : platform_(platform),
      core_(std::make_unique<Vepoxy_core>(&context, "core")),
      // Different streams for the two ports, both derived from the one seed.
      iport_(config.wait_states, config.seed * 2 + 1),
      dport_(config.wait_states, config.seed * 2 + 2) {}

CoreDriver::~CoreDriver() = default;

void CoreDriver::reset(uint32_t boot_addr) {
    Vepoxy_core& c = *core_;
    c.boot_addr_i = boot_addr;
    c.irq_external_i = 0;
    c.irq_accel_i = 0;
    c.clk_i = 0;
    c.rst_ni = 0;
    c.eval();
    c.clk_i = 1;
    c.eval();
    c.clk_i = 0;
    c.rst_ni = 1;
    c.eval();
}

void CoreDriver::finish() {
    core_->final();
}

bool CoreDriver::step_cycle(iss::Retire& record) {
    Vepoxy_core& c = *core_;
    // Inputs for this cycle: responses, interrupt levels and time. The clock is low.
    const ObiResponse* ir = iport_.head(cycle_);
    const ObiResponse* dr = dport_.head(cycle_);
    c.clk_i = 0;
    c.instr_rvalid_i = ir != nullptr;
    c.instr_rdata_i = ir ? ir->rdata : 0xDEADBEEFu;  // garbage when not valid, on purpose
    c.instr_err_i = ir && ir->err;
    c.data_rvalid_i = dr != nullptr;
    c.data_rdata_i = dr ? dr->rdata : 0xDEADBEEFu;
    c.data_err_i = dr && dr->err;
    c.irq_timer_i = platform_.mtip();
    c.irq_software_i = platform_.msip();
    // MEIP and the accelerator lines come from the platform's sim interrupt source.
    c.irq_external_i = platform_.irq_external();
    c.irq_accel_i = platform_.irq_accel() & ((1u << kCoreAccelIrqs) - 1u);
    c.time_i = platform_.mtime();
    c.instr_gnt_i = 0;
    c.data_gnt_i = 0;
    c.eval();

    // Grants depend on this cycle's requests (which never depend on their own grant).
    const bool igrant = iport_.grant(c.instr_req_o);
    const bool dgrant = dport_.grant(c.data_req_o);
    c.instr_gnt_i = igrant;
    c.data_gnt_i = dgrant;
    c.eval();

    // Transactions accepted at this edge.
    if (igrant) {
        uint32_t rdata = 0;
        const bool ok = platform_.access(true, false, c.instr_addr_o, 0xF, 0, rdata);
        iport_.accepted(cycle_, rdata, !ok);
    } else if (c.instr_req_o) {
        iport_.waited();
    }
    if (dgrant) {
        uint32_t rdata = 0;
        const bool ok =
            platform_.access(false, c.data_we_o, c.data_addr_o, c.data_be_o, c.data_wdata_o, rdata);
        dport_.accepted(cycle_, rdata, !ok);
    } else if (c.data_req_o) {
        dport_.waited();
    }
    if (ir) iport_.pop();
    if (dr) dport_.pop();
    if (c.sleeping_o) ++sleep_cycles_;

    c.clk_i = 1;
    c.eval();
    platform_.tick();
    ++cycle_;
    // RVFI outputs are registered: valid now means "retired at this edge".
    if (!c.rvfi_valid_o) return false;
    record = rvfi_to_retire(c);
    return true;
}

}  // namespace epoxy::coretb
