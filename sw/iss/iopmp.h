// SPDX-License-Identifier: Apache-2.0
// The ISS's IOPMP (rtl/soc/epoxy_soc_iopmp.sv; registers in epoxy/memory_map.h, EPOXY_IOPMP_*):
// EPOXY_IOPMP_ENTRIES windows that bound what the accelerators' DMA may touch.
//
// A window is ENTRY_BASE .. ENTRY_LIMIT (word addresses, both included), with the permissions
// R and W and a mask of the masters it applies to (ENTRY_CFG.MASTERS: bit 0 the NTT). With
// CTRL.ENABLE a DMA beat of `words` consecutive words is allowed only when one entry that
// includes its master and the permission it needs covers all of them; with ENABLE clear
// (reset) every beat is allowed. The first refused beat is recorded in ERR_INFO/ERR_ADDR until
// firmware writes 1 to ERR_INFO.VALID. CTRL.LOCK freezes CTRL and the entries, ENTRY_CFG.LOCK
// its entry, until reset; writes to frozen registers are ignored. The register port takes
// the page offset of a naturally aligned 32-bit access (the Machine checks the size).
#pragma once

#include <array>
#include <cstdint>

#include "epoxy/memory_map.h"

namespace epoxy::iss {

class Iopmp {
public:
    static constexpr unsigned kEntries = EPOXY_IOPMP_ENTRIES;
    // Master bits (ENTRY_CFG.MASTERS >> SHIFT, ERR_INFO.MASTER >> SHIFT).
    static constexpr uint32_t kMasterNtt = 1u << 0;

    struct Entry {
        uint32_t base = 0, limit = 0;  // byte addresses of the first and last word ([1:0] = 0)
        bool r = false, w = false, lock = false;
        uint32_t masters = 0;  // bit 0 NTT, 1 MSM, 2 MATMUL
    };

    // `masters`: the accelerators built (CAPS.MASTERS).
    explicit Iopmp(uint32_t masters = kMasterNtt) : masters_(masters) {}

    // Register port: `offset` within the page. False: no register there (a bus error).
    bool read(uint32_t offset, uint32_t& value) const;
    bool write(uint32_t offset, uint32_t value);
    void reset();

    // The rule alone: may `master` (one bit) move `words` words from `addr` (a write if
    // `write`)? True when disabled.
    bool allows(uint32_t addr, unsigned words, bool write, uint32_t master) const;
    // The DMA's view: the rule, and a refused beat recorded as the first violation.
    bool check(uint32_t addr, unsigned words, bool write, uint32_t master);

    bool enabled() const { return enable_; }
    bool locked() const { return lock_; }
    const Entry& entry(unsigned i) const { return entries_[i]; }

private:
    uint32_t masters_;
    bool enable_ = false, lock_ = false;
    std::array<Entry, kEntries> entries_{};
    bool err_valid_ = false, err_write_ = false;
    uint32_t err_master_ = 0, err_addr_ = 0;
};

}  // namespace epoxy::iss
