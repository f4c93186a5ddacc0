// SPDX-License-Identifier: Apache-2.0
// The RVFI outputs of a Verilated model (the core alone, or the SoC, which passes the
// core's RVFI port through under the same names) as an ISS record, so commit logs and
// lockstep comparison use the ISS's own record type and formatter (docs/core.md, "RVFI
// trace port"). Call it only when rvfi_valid_o is set.
#pragma once

#include <cstdint>

#include "iss/retire.h"

namespace epoxy::coretb {

template <class Model>
iss::Retire rvfi_to_retire(const Model& c) {
    iss::Retire r;
    r.kind = c.rvfi_intr_o   ? iss::StepKind::Interrupt
             : c.rvfi_trap_o ? iss::StepKind::Trap
                             : iss::StepKind::Retired;
    r.order = c.rvfi_order_o;
    r.priv = c.rvfi_mode_o == 3 ? iss::Priv::M : iss::Priv::U;
    r.pc = c.rvfi_pc_rdata_o;
    r.insn = c.rvfi_insn_o;
    // Nothing fetched (interrupt, fetch fault) reads as insn 0; c.unimp (0x0000) is a
    // fetched 16-bit parcel, but only trap records can hold it and they ignore insn_len.
    if (r.kind == iss::StepKind::Interrupt || (r.kind == iss::StepKind::Trap && r.insn == 0))
        r.insn_len = 0;
    else
        r.insn_len = (r.insn & 3) == 3 ? 4 : 2;
    r.rd = c.rvfi_rd_addr_o;
    r.rd_value = c.rvfi_rd_wdata_o;
    const unsigned mask = c.rvfi_mem_rmask_o | c.rvfi_mem_wmask_o;
    if (mask) {
        r.mem.valid = true;
        r.mem.write = c.rvfi_mem_wmask_o != 0;
        r.mem.addr = c.rvfi_mem_addr_o;
        // The masks are aligned to bit 0, so they give the size directly.
        r.mem.size = mask == 1 ? 1 : mask == 3 ? 2 : 4;
        r.mem.data = r.mem.write ? c.rvfi_mem_wdata_o : c.rvfi_mem_rdata_o;
    }
    const uint64_t waddr = c.rvfi_csr_waddr_o;
    for (unsigned i = 0; i < 4; ++i) {
        if (!((c.rvfi_csr_wvalid_o >> i) & 1)) continue;
        r.csr[r.csr_count].addr = uint16_t((waddr >> (12 * i)) & 0xFFF);
        r.csr[r.csr_count].value = c.rvfi_csr_wdata_o[i];
        ++r.csr_count;
    }
    if (r.kind != iss::StepKind::Retired) {
        // Trap entry reports mstatus, mepc, mcause, mtval in slots 0..3.
        r.cause = c.rvfi_csr_wdata_o[2];
        r.tval = c.rvfi_csr_wdata_o[3];
    }
    r.next_pc = c.rvfi_pc_wdata_o;
    return r;
}

}  // namespace epoxy::coretb
