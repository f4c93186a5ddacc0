// SPDX-License-Identifier: Apache-2.0
// Physical memory protection checks and CSR views (privileged spec 1.12, section 3.7).
#include "iss/pmp.h"

#include "iss/riscv.h"

namespace epoxy::iss {

namespace {
uint8_t mode_of(uint8_t cfg) { return (cfg & rv::kPmpA) >> rv::kPmpAShift; }
}  // namespace

void Pmp::reset() {
    cfg_.fill(0);
    addr_.fill(0);
}

bool Pmp::locked(unsigned i) const { return (cfg_[i] & rv::kPmpL) != 0; }

uint32_t Pmp::read_cfg(unsigned n) const {
    if (n >= kEntries / 4) return 0;
    uint32_t v = 0;
    for (unsigned b = 0; b < 4; ++b) v |= uint32_t(cfg_[n * 4 + b]) << (8 * b);
    return v;
}

void Pmp::write_cfg(unsigned n, uint32_t value) {
    if (n >= kEntries / 4) return;
    for (unsigned b = 0; b < 4; ++b) {
        unsigned i = n * 4 + b;
        if (locked(i)) continue;
        uint8_t v = uint8_t(value >> (8 * b)) & uint8_t(rv::kPmpR | rv::kPmpW | rv::kPmpX |
                                                         rv::kPmpA | rv::kPmpL);
        // R=0, W=1 is reserved: WARL keeps the entry as it was.
        if ((v & rv::kPmpW) && !(v & rv::kPmpR)) continue;
        cfg_[i] = v;
    }
}

uint32_t Pmp::read_addr(unsigned n) const { return n < kEntries ? addr_[n] : 0; }

void Pmp::write_addr(unsigned n, uint32_t value) {
    if (n >= kEntries) return;
    if (locked(n)) return;
    // A locked TOR entry above also locks this address (it is that entry's lower bound).
    if (n + 1 < kEntries && locked(n + 1) && mode_of(cfg_[n + 1]) == rv::kPmpTor) return;
    addr_[n] = value;
}

bool Pmp::allows(uint32_t addr, unsigned size, Access kind, Priv priv) const {
    // Work in 34-bit physical byte addresses (pmpaddr holds address bits 33:2).
    const uint64_t lo = addr;
    const uint64_t hi = uint64_t(addr) + size;  // exclusive
    for (unsigned i = 0; i < kEntries; ++i) {
        const uint8_t cfg = cfg_[i];
        uint64_t base = 0, top = 0;  // [base, top)
        switch (mode_of(cfg)) {
            case rv::kPmpOff:
                continue;
            case rv::kPmpTor:
                base = i == 0 ? 0 : uint64_t(addr_[i - 1]) << 2;
                top = uint64_t(addr_[i]) << 2;
                break;
            case rv::kPmpNa4:
                base = uint64_t(addr_[i]) << 2;
                top = base + 4;
                break;
            case rv::kPmpNapot: {
                // Trailing ones in pmpaddr give the size: k ones -> 2^(k+3) bytes.
                const uint32_t a = addr_[i];
                unsigned ones = 0;
                while (ones < 32 && ((a >> ones) & 1u)) ++ones;
                const uint64_t bytes = uint64_t(1) << (ones + 3);
                base = (uint64_t(a) << 2) & ~(bytes - 1);
                top = base + bytes;
                break;
            }
        }
        const bool any = lo < top && hi > base;
        if (!any) continue;
        const bool all = lo >= base && hi <= top;
        if (!all) return false;  // a partial match fails the access
        if (priv == Priv::M && !(cfg & rv::kPmpL)) return true;
        switch (kind) {
            case Access::Fetch: return (cfg & rv::kPmpX) != 0;
            case Access::Load: return (cfg & rv::kPmpR) != 0;
            case Access::Store: return (cfg & rv::kPmpW) != 0;
        }
        return false;
    }
    // No entry matched: M-mode succeeds, U-mode fails (this hart always implements PMP).
    return priv == Priv::M;
}

}  // namespace epoxy::iss
