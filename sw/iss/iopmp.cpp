// SPDX-License-Identifier: Apache-2.0
// The ISS's IOPMP: registers and the DMA rule (see iopmp.h).
#include "iss/iopmp.h"

namespace epoxy::iss {

namespace {
constexpr uint32_t kFirstEntry = EPOXY_IOPMP_ENTRY_BASE(0);
constexpr uint32_t kStride = EPOXY_IOPMP_ENTRY_BASE(1) - EPOXY_IOPMP_ENTRY_BASE(0);
constexpr uint32_t kRegLimit = EPOXY_IOPMP_ENTRY_LIMIT(0) - kFirstEntry;
constexpr uint32_t kRegCfg = EPOXY_IOPMP_ENTRY_CFG(0) - kFirstEntry;
constexpr uint32_t kMastersMask = EPOXY_IOPMP_ENTRY_CFG_MASTERS_MASK;
constexpr uint32_t kMastersShift = EPOXY_IOPMP_ENTRY_CFG_MASTERS_SHIFT;
static_assert(EPOXY_IOPMP_ERR_INFO_MASTER_SHIFT == kMastersShift, "one master bit layout");

// The entry register at `offset`: its index and its offset within the entry.
bool entry_reg(uint32_t offset, unsigned& index, uint32_t& reg) {
    if (offset < kFirstEntry) return false;
    index = (offset - kFirstEntry) / kStride;
    reg = (offset - kFirstEntry) % kStride;
    return index < Iopmp::kEntries && (reg == 0 || reg == kRegLimit || reg == kRegCfg);
}
}  // namespace

void Iopmp::reset() {
    enable_ = lock_ = false;
    entries_.fill(Entry{});
    err_valid_ = err_write_ = false;
    err_master_ = err_addr_ = 0;
}

bool Iopmp::read(uint32_t offset, uint32_t& v) const {
    switch (offset) {
        case EPOXY_IOPMP_CTRL:
            v = (enable_ ? EPOXY_IOPMP_CTRL_ENABLE : 0u) | (lock_ ? EPOXY_IOPMP_CTRL_LOCK : 0u);
            return true;
        case EPOXY_IOPMP_CAPS:
            v = (kEntries << EPOXY_IOPMP_CAPS_ENTRIES_SHIFT) |
                (masters_ << EPOXY_IOPMP_CAPS_MASTERS_SHIFT);
            return true;
        case EPOXY_IOPMP_ERR_INFO:
            v = (err_valid_ ? EPOXY_IOPMP_ERR_INFO_VALID : 0u) |
                (err_write_ ? EPOXY_IOPMP_ERR_INFO_WRITE : 0u) |
                (err_master_ << EPOXY_IOPMP_ERR_INFO_MASTER_SHIFT);
            return true;
        case EPOXY_IOPMP_ERR_ADDR: v = err_addr_; return true;
        default: break;
    }
    unsigned i;
    uint32_t reg;
    if (!entry_reg(offset, i, reg)) return false;
    const Entry& e = entries_[i];
    if (reg == 0) {
        v = e.base;
    } else if (reg == kRegLimit) {
        v = e.limit;
    } else {
        v = (e.r ? EPOXY_IOPMP_ENTRY_CFG_R : 0u) | (e.w ? EPOXY_IOPMP_ENTRY_CFG_W : 0u) |
            (e.lock ? EPOXY_IOPMP_ENTRY_CFG_LOCK : 0u) | (e.masters << kMastersShift);
    }
    return true;
}

bool Iopmp::write(uint32_t offset, uint32_t v) {
    switch (offset) {
        case EPOXY_IOPMP_CTRL:
            if (!lock_) {
                enable_ = (v & EPOXY_IOPMP_CTRL_ENABLE) != 0;
                lock_ = (v & EPOXY_IOPMP_CTRL_LOCK) != 0;
            }
            return true;
        case EPOXY_IOPMP_CAPS:
        case EPOXY_IOPMP_ERR_ADDR: return true;  // read-only: writes ignored
        case EPOXY_IOPMP_ERR_INFO:
            if (v & EPOXY_IOPMP_ERR_INFO_VALID) {  // write 1 to clear the record
                err_valid_ = err_write_ = false;
                err_master_ = err_addr_ = 0;
            }
            return true;
        default: break;
    }
    unsigned i;
    uint32_t reg;
    if (!entry_reg(offset, i, reg)) return false;
    Entry& e = entries_[i];
    if (lock_ || e.lock) return true;  // frozen until reset: ignored
    if (reg == 0) {
        e.base = v & ~3u;
    } else if (reg == kRegLimit) {
        e.limit = v & ~3u;
    } else {
        e.r = (v & EPOXY_IOPMP_ENTRY_CFG_R) != 0;
        e.w = (v & EPOXY_IOPMP_ENTRY_CFG_W) != 0;
        e.lock = (v & EPOXY_IOPMP_ENTRY_CFG_LOCK) != 0;
        e.masters = (v & kMastersMask) >> kMastersShift;
    }
    return true;
}

bool Iopmp::allows(uint32_t addr, unsigned words, bool write, uint32_t master) const {
    if (!enable_) return true;
    const uint64_t first = addr >> 2;
    const uint64_t last = first + (words ? words - 1u : 0u);  // no wrap past 2^32
    for (const Entry& e : entries_) {
        if ((e.masters & master) == 0 || !(write ? e.w : e.r)) continue;
        if (first >= (e.base >> 2) && last <= (e.limit >> 2)) return true;
    }
    return false;
}

bool Iopmp::check(uint32_t addr, unsigned words, bool write, uint32_t master) {
    if (allows(addr, words, write, master)) return true;
    if (!err_valid_) {
        err_valid_ = true;
        err_write_ = write;
        err_master_ = master;
        err_addr_ = addr & ~3u;
    }
    return false;
}

}  // namespace epoxy::iss
