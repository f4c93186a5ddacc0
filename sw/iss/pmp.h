// SPDX-License-Identifier: Apache-2.0
// Physical memory protection: 16 entries, exactly as the RISC-V privileged spec (1.12) says.
//
// Entries are checked in order; the lowest-numbered entry that matches any byte of the
// access decides it, and it must match every byte or the access fails. M-mode accesses
// are checked only against locked entries (L=1) and succeed when none matches; U-mode
// accesses that match no entry fail. Locked entries ignore writes to their pmpcfg and
// pmpaddr, and a locked TOR entry also locks the pmpaddr below it. Granularity is 4 bytes.
// The reserved combination R=0, W=1 is never stored: such a write leaves the entry as it was.
#pragma once

#include <array>
#include <cstdint>

#include "iss/bus.h"
#include "iss/retire.h"

namespace epoxy::iss {

class Pmp {
public:
    static constexpr unsigned kEntries = 16;

    void reset();

    // CSR views: pmpcfgN (N = 0..3 hold entries; 4..15 read 0) and pmpaddrN (0..15; 16..63 read 0).
    uint32_t read_cfg(unsigned n) const;
    void write_cfg(unsigned n, uint32_t value);
    uint32_t read_addr(unsigned n) const;
    void write_addr(unsigned n, uint32_t value);

    // Is an access of `size` bytes at `addr` of this kind, made in mode `priv`, allowed?
    bool allows(uint32_t addr, unsigned size, Access kind, Priv priv) const;

    uint8_t cfg(unsigned i) const { return cfg_[i]; }

private:
    bool locked(unsigned i) const;
    std::array<uint8_t, kEntries> cfg_{};
    std::array<uint32_t, kEntries> addr_{};
};

}  // namespace epoxy::iss
