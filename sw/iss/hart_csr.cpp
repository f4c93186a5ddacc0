// SPDX-License-Identifier: Apache-2.0
// The hart's control and status registers: which exist, who may access them, and the
// WARL rules of each (privileged spec 1.12, chapters 2 and 3).
#include "iss/hart.h"
#include "iss/riscv.h"

namespace epoxy::iss {

namespace {
constexpr uint32_t kMstatusWritable =
    rv::kMstatusMie | rv::kMstatusMpie | rv::kMstatusMpp | rv::kMstatusMprv | rv::kMstatusTw;

bool in(uint16_t a, uint16_t lo, uint16_t hi) { return a >= lo && a <= hi; }
uint32_t lo32(uint64_t v) { return uint32_t(v); }
uint32_t hi32(uint64_t v) { return uint32_t(v >> 32); }
}  // namespace

bool Hart::csr_accessible(uint16_t addr, bool write) const {
    const unsigned min_priv = (addr >> 8) & 3u;
    if (unsigned(priv_) < min_priv) return false;
    if (write && (addr >> 10) == 3u) return false;  // read-only space
    // User counters are gated by mcounteren in U-mode.
    if (priv_ == Priv::U &&
        (in(addr, rv::kCycle, rv::kHpmCounter31) || in(addr, rv::kCycleH, rv::kHpmCounter31H))) {
        const unsigned bit = addr & 31u;
        if (!((mcounteren_ >> bit) & 1u)) return false;
    }
    return true;
}

std::optional<uint32_t> Hart::csr_read(uint16_t a) const {
    switch (a) {
        case rv::kCycle: case rv::kMcycle: return lo32(mcycle_);
        case rv::kCycleH: case rv::kMcycleH: return hi32(mcycle_);
        case rv::kInstret: case rv::kMinstret: return lo32(minstret_);
        case rv::kInstretH: case rv::kMinstretH: return hi32(minstret_);
        case rv::kTime: return lo32(time_);
        case rv::kTimeH: return hi32(time_);
        case rv::kMvendorid: case rv::kMarchid: case rv::kMimpid: case rv::kMhartid:
        case rv::kMconfigptr: return 0u;
        case rv::kMstatus: return mstatus_;
        case rv::kMstatush: return 0u;
        case rv::kMisa: return rv::kMisaValue;
        case rv::kMie: return mie_;
        case rv::kMip: return mip_lines_;
        case rv::kMtvec: return mtvec_;
        case rv::kMcounteren: return mcounteren_;
        case rv::kMcountinhibit: return mcountinhibit_;
        case rv::kMenvcfg: case rv::kMenvcfgh: return 0u;
        case rv::kMscratch: return mscratch_;
        case rv::kMepc: return mepc_;
        case rv::kMcause: return mcause_;
        case rv::kMtval: return mtval_;
        default: break;
    }
    // Counters and events that exist but count nothing: hardwired to zero.
    if (in(a, rv::kHpmCounter3, rv::kHpmCounter31) || in(a, rv::kHpmCounter3H, rv::kHpmCounter31H) ||
        in(a, rv::kMhpmCounter3, rv::kMhpmCounter31) ||
        in(a, rv::kMhpmCounter3H, rv::kMhpmCounter31H) || in(a, rv::kMhpmEvent3, rv::kMhpmEvent31))
        return 0u;
    if (in(a, rv::kPmpcfg0, rv::kPmpcfg15)) return pmp_.read_cfg(a - rv::kPmpcfg0);
    if (in(a, rv::kPmpaddr0, rv::kPmpaddr63)) return pmp_.read_addr(a - rv::kPmpaddr0);
    if (auto c = custom_csrs_.find(a); c != custom_csrs_.end()) return c->second.value;
    return std::nullopt;
}

bool Hart::csr_write(uint16_t a, uint32_t v, Retire& r) {
    switch (a) {
        case rv::kMstatus: {
            uint32_t next = (mstatus_ & ~kMstatusWritable) | (v & kMstatusWritable);
            // MPP holds only M or U; anything else becomes U (the least-privileged mode).
            const uint32_t mpp = (next & rv::kMstatusMpp) >> rv::kMstatusMppShift;
            if (mpp != 0 && mpp != 3) next &= ~rv::kMstatusMpp;
            mstatus_ = next;
            break;
        }
        case rv::kMie: mie_ = v & irq_mask_; break;  // MSIE, MTIE, MEIE, local enables
        case rv::kMtvec: mtvec_ = v & ~2u; break;  // modes 0 (direct) and 1 (vectored)
        case rv::kMcounteren: mcounteren_ = v & 0x1Fu; break;  // CY, TM, IR, HPM3, HPM4
        case rv::kMcountinhibit: mcountinhibit_ = v & 0x1Du; break;  // CY, IR, HPM3, HPM4
        case rv::kMscratch: mscratch_ = v; break;
        case rv::kMepc: mepc_ = v & ~1u; break;
        case rv::kMcause: mcause_ = v & 0x8000001Fu; break;  // WLRL: interrupt bit, 5-bit code
        case rv::kMtval: mtval_ = v; break;
        case rv::kMcycle: mcycle_ = (mcycle_ & ~0xFFFFFFFFull) | v; break;
        case rv::kMcycleH: mcycle_ = (mcycle_ & 0xFFFFFFFFull) | (uint64_t(v) << 32); break;
        case rv::kMinstret: minstret_ = (minstret_ & ~0xFFFFFFFFull) | v; break;
        case rv::kMinstretH: minstret_ = (minstret_ & 0xFFFFFFFFull) | (uint64_t(v) << 32); break;
        // WARL fields with a single legal value: the write is accepted and changes nothing.
        case rv::kMisa: case rv::kMip: case rv::kMstatush: case rv::kMenvcfg: case rv::kMenvcfgh:
            break;
        default:
            if (in(a, rv::kPmpcfg0, rv::kPmpcfg15)) {
                pmp_.write_cfg(a - rv::kPmpcfg0, v);
            } else if (in(a, rv::kPmpaddr0, rv::kPmpaddr63)) {
                pmp_.write_addr(a - rv::kPmpaddr0, v);
            } else if (in(a, rv::kMhpmCounter3, rv::kMhpmCounter31) ||
                       in(a, rv::kMhpmCounter3H, rv::kMhpmCounter31H) ||
                       in(a, rv::kMhpmEvent3, rv::kMhpmEvent31)) {
                // hardwired to zero
            } else if (auto c = custom_csrs_.find(a); c != custom_csrs_.end()) {
                c->second.value = v & c->second.writable;
            } else {
                return false;
            }
    }
    log_csr(r, a);
    return true;
}

std::optional<uint32_t> Hart::csr(uint16_t addr) const { return csr_read(addr); }

void Hart::add_custom_csr(uint16_t addr, uint32_t writable) {
    custom_csrs_[addr & 0xFFFu] = CustomCsr{writable, 0};
}

bool Hart::set_csr(uint16_t addr, uint32_t value) {
    if ((addr >> 10) == 3u || !csr_read(addr)) return false;
    Retire scratch;
    return csr_write(addr, value, scratch);
}

}  // namespace epoxy::iss
