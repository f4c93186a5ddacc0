// SPDX-License-Identifier: Apache-2.0
// The reference hart: RV32IMC + Zicsr + Zifencei + Zicntr, M and U modes, 16-region PMP.
//
// Instruction-accurate, not cycle-accurate: one step() executes one instruction or takes
// one trap or interrupt, and returns a Retire record describing every architectural change.
// mcycle counts one cycle per step. The hart knows nothing of the memory map: it talks to a
// Bus, and the platform drives its interrupt inputs (MTIP, MSIP, MEIP and N platform-local
// lines at mip bits 16..16+N-1) with set_irq_lines().
//
// Deliberate choices where the specification leaves freedom (see docs/iss.md):
//  - misaligned loads and stores trap (address-misaligned), they are never split;
//  - mtval holds the faulting address for access and misaligned faults, the instruction
//    bits for illegal instructions, the pc for breakpoints, and 0 otherwise;
//  - PMP has 16 entries with 4-byte granularity; pmpcfg4..15 and pmpaddr16..63 read as 0;
//  - mtvec supports direct and vectored modes; mepc[0] is always 0.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>

#include "iss/bus.h"
#include "iss/pmp.h"
#include "iss/retire.h"

namespace epoxy::iss {

class Hart {
public:
    Hart(Bus& bus, uint32_t reset_pc);

    // Back to the reset state: M-mode, pc = reset_pc, registers and CSRs cleared.
    void reset(uint32_t reset_pc);

    // Execute one instruction, or take one pending interrupt or trap.
    Retire step();

    uint32_t pc() const { return pc_; }
    void set_pc(uint32_t pc) { pc_ = pc; }
    uint32_t x(unsigned i) const { return x_[i & 31]; }
    void set_x(unsigned i, uint32_t value) {
        if ((i & 31) != 0) x_[i & 31] = value;
    }
    Priv priv() const { return priv_; }
    void set_priv(Priv p) { priv_ = p; }

    // Read a CSR without side effects; nullopt when it does not exist.
    std::optional<uint32_t> csr(uint16_t addr) const;
    // Write a CSR as an M-mode csrw would (WARL rules apply); false when it does not exist
    // or is read-only. For test and platform set-up.
    bool set_csr(uint16_t addr, uint32_t value);

    // A platform-defined CSR the ISS does not otherwise model (e.g. a custom M-mode CSR of
    // an RTL hart being compared in lockstep): a plain register, reset 0, whose
    // `writable` bits csrrw/csrrs/csrrc may change; the usual privilege and read-only rules
    // of its address apply. Without this call the address is illegal, as before.
    void add_custom_csr(uint16_t addr, uint32_t writable);

    // Platform-defined local interrupts (one per accelerator on Epoxy): N lines at mip/mie
    // bits 16..16+N-1, N <= 16, default 0 (none). Writable in mie, read-only in mip, taken
    // below MEI, MSI and MTI, lower bit first (as the RTL core). Kept across reset().
    void set_local_irq_count(unsigned n);
    unsigned local_irq_count() const { return local_irqs_; }
    // The mip/mie bits that exist: MSIP, MTIP, MEIP and the local lines.
    uint32_t irq_mask() const { return irq_mask_; }

    // Interrupt input levels from the platform (bits of mip: MSIP, MTIP, MEIP, local). The
    // machine sets them before every step; a harness that drives Hart::step() itself
    // (lockstep) sets them to make the hart take an interrupt at a point of its choosing.
    void set_irq_lines(uint32_t mip_bits);
    // The platform's mtime, which the time/timeh CSRs read.
    void set_time(uint64_t mtime) { time_ = mtime; }

    bool sleeping() const { return wfi_; }       // in WFI, waiting for an interrupt
    uint32_t mie() const { return mie_; }
    uint64_t instret() const { return minstret_; }
    uint64_t cycle() const { return mcycle_; }
    const Pmp& pmp() const { return pmp_; }

private:
    friend class Executor;

    std::optional<uint32_t> csr_read(uint16_t addr) const;
    bool csr_write(uint16_t addr, uint32_t value, Retire& r);  // false: read-only/absent
    bool csr_accessible(uint16_t addr, bool write) const;

    void take_trap(Retire& r, uint32_t cause, uint32_t tval, bool interrupt);
    std::optional<uint32_t> pending_interrupt() const;
    void log_csr(Retire& r, uint16_t addr) const;

    // Memory through PMP and the bus. Return 0 on success, else the trap cause.
    uint32_t load(uint32_t addr, unsigned size, uint32_t& value);
    uint32_t store(uint32_t addr, unsigned size, uint32_t value);
    uint32_t fetch(uint32_t addr, uint32_t& insn, uint8_t& len, uint32_t& fault_addr);
    Priv data_priv() const;

    Bus& bus_;
    uint32_t pc_ = 0;
    std::array<uint32_t, 32> x_{};
    Priv priv_ = Priv::M;
    bool wfi_ = false;
    uint64_t order_ = 0;

    uint32_t mstatus_ = 0, mie_ = 0, mip_lines_ = 0, mtvec_ = 0, mscratch_ = 0, mepc_ = 0,
             mcause_ = 0, mtval_ = 0, mcounteren_ = 0, mcountinhibit_ = 0;
    uint64_t mcycle_ = 0, minstret_ = 0, time_ = 0;
    unsigned local_irqs_ = 0;
    uint32_t irq_mask_ = 0x888u;  // MSIP | MTIP | MEIP, plus the local lines
    Pmp pmp_;
    struct CustomCsr {
        uint32_t writable = 0, value = 0;
    };
    std::map<uint16_t, CustomCsr> custom_csrs_;
};

}  // namespace epoxy::iss
