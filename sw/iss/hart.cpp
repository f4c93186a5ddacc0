// SPDX-License-Identifier: Apache-2.0
// The hart's step loop: interrupts, fetch, decode, execute, traps; and the Executor's
// memory, CSR and privileged helpers.
#include "iss/hart.h"

#include "iss/compressed.h"
#include "iss/executor.h"
#include "iss/riscv.h"

namespace epoxy::iss {

Hart::Hart(Bus& bus, uint32_t reset_pc) : bus_(bus) { reset(reset_pc); }

void Hart::reset(uint32_t reset_pc) {
    pc_ = reset_pc;
    x_.fill(0);
    priv_ = Priv::M;
    wfi_ = false;
    order_ = 0;
    mstatus_ = mie_ = mtvec_ = mscratch_ = mepc_ = mcause_ = mtval_ = 0;
    mcounteren_ = mcountinhibit_ = 0;
    mcycle_ = minstret_ = time_ = 0;
    mip_lines_ = 0;
    pmp_.reset();
    for (auto& c : custom_csrs_) c.second.value = 0;
}

void Hart::set_irq_lines(uint32_t mip_bits) { mip_lines_ = mip_bits & irq_mask_; }

void Hart::set_local_irq_count(unsigned n) {
    local_irqs_ = n < rv::kMaxLocalIrqs ? n : rv::kMaxLocalIrqs;
    const uint32_t local = ((1u << local_irqs_) - 1u) << rv::kIrqLocal0;  // n <= 16
    irq_mask_ = rv::kMipMsip | rv::kMipMtip | rv::kMipMeip | local;
    mie_ &= irq_mask_;
    mip_lines_ &= irq_mask_;
}

// ---- Interrupts and traps -------------------------------------------------------------------

std::optional<uint32_t> Hart::pending_interrupt() const {
    const uint32_t pending = mip_lines_ & mie_;
    if (pending == 0) return std::nullopt;
    // M-mode interrupts are taken in U-mode always, in M-mode only when mstatus.MIE.
    if (priv_ == Priv::M && !(mstatus_ & rv::kMstatusMie)) return std::nullopt;
    for (uint32_t irq : {rv::kIrqMExt, rv::kIrqMSoft, rv::kIrqMTimer})
        if (pending & (1u << irq)) return irq;
    // Local interrupts (bits 16+): the specification leaves their priority to the
    // platform. Epoxy's core takes them below MTI, the lowest-numbered line first.
    for (uint32_t irq = rv::kIrqLocal0; irq < 32; ++irq)
        if (pending & (1u << irq)) return irq;
    return std::nullopt;
}

void Hart::take_trap(Retire& r, uint32_t cause, uint32_t tval, bool interrupt) {
    r.kind = interrupt ? StepKind::Interrupt : StepKind::Trap;
    r.cause = cause;
    r.tval = tval;
    r.rd = 0;
    r.rd_value = 0;
    r.mem = MemAccess{};
    r.csr_count = 0;

    mepc_ = pc_;
    mcause_ = cause;
    mtval_ = tval;
    uint32_t st = mstatus_ & ~(rv::kMstatusMpie | rv::kMstatusMpp | rv::kMstatusMie);
    if (mstatus_ & rv::kMstatusMie) st |= rv::kMstatusMpie;
    st |= uint32_t(priv_) << rv::kMstatusMppShift;
    mstatus_ = st;
    priv_ = Priv::M;
    wfi_ = false;

    const uint32_t base = mtvec_ & ~3u;
    const bool vectored = (mtvec_ & 3u) == 1;
    pc_ = (vectored && interrupt) ? base + 4 * (cause & 31) : base;
    r.next_pc = pc_;
    for (uint16_t csr : {rv::kMstatus, rv::kMepc, rv::kMcause, rv::kMtval}) log_csr(r, csr);
}

void Hart::log_csr(Retire& r, uint16_t addr) const {
    // Keep the record sorted by CSR number, one entry per CSR.
    const uint32_t value = csr_read(addr).value_or(0);
    unsigned i = 0;
    while (i < r.csr_count && r.csr[i].addr < addr) ++i;
    if (i < r.csr_count && r.csr[i].addr == addr) {
        r.csr[i].value = value;
        return;
    }
    if (r.csr_count == r.csr.size()) return;
    for (unsigned j = r.csr_count; j > i; --j) r.csr[j] = r.csr[j - 1];
    r.csr[i] = CsrWrite{addr, value};
    ++r.csr_count;
}

// ---- The step ------------------------------------------------------------------------------

Retire Hart::step() {
    Retire r;
    r.priv = priv_;
    r.pc = pc_;

    if (auto irq = pending_interrupt()) {
        take_trap(r, rv::kInterruptBit | *irq, 0, true);
        r.order = order_++;
        if (!(mcountinhibit_ & 1u)) ++mcycle_;
        return r;
    }
    if (wfi_) {
        if ((mip_lines_ & mie_) == 0) {
            r.kind = StepKind::Sleeping;
            r.next_pc = pc_;
            return r;
        }
        wfi_ = false;  // an enabled interrupt is pending but masked: resume without a trap
    }

    r.order = order_++;
    // mcycle ticks after the instruction, so a CSR read sees the count from before it
    // (Zicsr: side-effect counters read the prior value), and an explicit write to
    // mcycle replaces the tick.
    const auto tick_cycle = [this] {
        if (!(mcountinhibit_ & 1u)) ++mcycle_;
    };

    uint32_t raw = 0, fault_addr = 0;
    uint8_t len = 0;
    if (uint32_t cause = fetch(pc_, raw, len, fault_addr)) {
        take_trap(r, cause, fault_addr, false);
        tick_cycle();
        return r;
    }
    r.insn = raw;
    r.insn_len = len;

    const uint32_t insn = len == 2 ? expand_compressed(uint16_t(raw)) : raw;
    const InsnDesc* desc = insn ? decode(insn) : nullptr;
    if (!desc) {
        take_trap(r, rv::kIllegalInsn, raw, false);
        tick_cycle();
        return r;
    }

    Executor e(*this, r, insn, pc_, len);
    e.raw_bits = raw;
    desc->exec(e);
    if (e.trapped) {
        take_trap(r, e.trap_cause, e.trap_tval, false);
        tick_cycle();
        return r;
    }
    pc_ = e.next_pc;
    r.kind = StepKind::Retired;
    r.next_pc = pc_;
    if (!e.cycle_written) tick_cycle();
    if (!(mcountinhibit_ & 4u) && !e.counters_written) ++minstret_;
    return r;
}

// ---- Memory --------------------------------------------------------------------------------

Priv Hart::data_priv() const {
    // MPRV only matters in M-mode (mret to U clears it, so U-mode never sees it set).
    if (priv_ == Priv::M && (mstatus_ & rv::kMstatusMprv))
        return Priv((mstatus_ & rv::kMstatusMpp) >> rv::kMstatusMppShift);
    return priv_;
}

uint32_t Hart::fetch(uint32_t addr, uint32_t& insn, uint8_t& len, uint32_t& fault_addr) {
    // Fetch in 16-bit parcels: a 32-bit instruction may straddle a word boundary.
    uint32_t lo = 0, hi = 0;
    fault_addr = addr;
    if (!pmp_.allows(addr, 2, Access::Fetch, priv_) || !bus_.read(addr, 2, Access::Fetch, lo))
        return rv::kInsnAccessFault;
    if ((lo & 3u) != 3u) {
        insn = lo;
        len = 2;
        return 0;
    }
    fault_addr = addr + 2;
    if (!pmp_.allows(addr + 2, 2, Access::Fetch, priv_) ||
        !bus_.read(addr + 2, 2, Access::Fetch, hi))
        return rv::kInsnAccessFault;
    insn = lo | (hi << 16);
    len = 4;
    return 0;
}

uint32_t Hart::load(uint32_t addr, unsigned size, uint32_t& value) {
    if (addr & (size - 1)) return rv::kLoadMisaligned;
    if (!pmp_.allows(addr, size, Access::Load, data_priv())) return rv::kLoadAccessFault;
    if (!bus_.read(addr, size, Access::Load, value)) return rv::kLoadAccessFault;
    return 0;
}

uint32_t Hart::store(uint32_t addr, unsigned size, uint32_t value) {
    if (addr & (size - 1)) return rv::kStoreMisaligned;
    if (!pmp_.allows(addr, size, Access::Store, data_priv())) return rv::kStoreAccessFault;
    if (!bus_.write(addr, size, value)) return rv::kStoreAccessFault;
    return 0;
}

// ---- Executor helpers ----------------------------------------------------------------------

void Executor::write_rd(uint32_t value) {
    const unsigned d = rd();
    if (d == 0) return;
    h.x_[d] = value;
    r.rd = uint8_t(d);
    r.rd_value = value;
}

bool Executor::load(uint32_t addr, unsigned size, bool is_signed, uint32_t& value) {
    uint32_t raw = 0;
    if (uint32_t cause = h.load(addr, size, raw)) {
        raise(cause, addr);
        return false;
    }
    r.mem = MemAccess{true, false, addr, uint8_t(size), raw};
    value = raw;
    if (is_signed && size < 4) {
        const uint32_t sign = 1u << (8 * size - 1);
        value = (raw ^ sign) - sign;
    }
    return true;
}

bool Executor::store(uint32_t addr, unsigned size, uint32_t value) {
    const uint32_t data = size == 4 ? value : value & ((1u << (8 * size)) - 1u);
    if (uint32_t cause = h.store(addr, size, data)) {
        raise(cause, addr);
        return false;
    }
    r.mem = MemAccess{true, true, addr, uint8_t(size), data};
    return true;
}

void Executor::csr_op(bool do_write, uint32_t (*update)(uint32_t, uint32_t), uint32_t operand) {
    const uint16_t addr = csr_addr();
    if (!h.csr_accessible(addr, do_write)) return illegal();
    const auto old = h.csr_read(addr);
    if (!old) return illegal();
    if (do_write) {
        h.csr_write(addr, update(*old, operand), r);
        if (addr == rv::kMinstret || addr == rv::kMinstretH) counters_written = true;
        if (addr == rv::kMcycle || addr == rv::kMcycleH) cycle_written = true;
    }
    write_rd(*old);
}

void Executor::mret() {
    if (h.priv_ != Priv::M) return illegal();
    const uint32_t st = h.mstatus_;
    const Priv target = Priv((st & rv::kMstatusMpp) >> rv::kMstatusMppShift);
    uint32_t next = st & ~(rv::kMstatusMie | rv::kMstatusMpp);
    if (st & rv::kMstatusMpie) next |= rv::kMstatusMie;
    next |= rv::kMstatusMpie;  // MPIE = 1, MPP = U (the least-privileged mode)
    // Leaving M-mode clears MPRV (privileged spec 1.12, 3.1.6.3).
    if (target != Priv::M) next &= ~rv::kMstatusMprv;
    h.mstatus_ = next;
    h.priv_ = target;
    h.log_csr(r, rv::kMstatus);
    jump(h.mepc_);
}

void Executor::wfi() {
    // With mstatus.TW=1, WFI in U-mode traps at once (the time limit is zero).
    if (h.priv_ == Priv::U && (h.mstatus_ & rv::kMstatusTw)) return illegal();
    h.wfi_ = true;
}

}  // namespace epoxy::iss
