// SPDX-License-Identifier: Apache-2.0
// Lockstep comparison of core retirements with the reference ISS.
//
// For each record the core reports on RVFI, the checker steps the ISS hart to its next
// non-Sleeping Retire and compares the two field by field. Before comparing it applies the
// synchronisations that docs/lockstep.md lists (what legitimately differs between a
// cycle-accurate core and an instruction-accurate ISS):
//  - interrupts: the ISS's own timer is not used; its interrupt lines are driven from the
//    core's records (an Interrupt record of any cause, MSI/MTI/MEI or a local line, makes
//    the ISS take the same cause at that point; a core that left WFI without a trap wakes
//    the ISS the same way);
//  - reads of cycle/time/mhpmcounter3-4 (and halves), loads from mtime/mtimeh and from the
//    sim interrupt source's PENDING register, and any pc listed as nondeterministic: the
//    core's value is copied into the ISS's rd;
//  - mip reads: the bits the ISS implements (its interrupt lines, sampled at the core's
//    time) are copied from the core; every other bit must be 0 on both.
// It does not drive the core and knows nothing about cycles.
#pragma once

#include <array>
#include <cstdint>
#include <deque>
#include <set>
#include <string>
#include <vector>

#include "iss/machine.h"
#include "iss/retire.h"

namespace epoxy::coretb {

// The core-only CSR mepoxyctl (docs/core.md): bit 0 CTBRANCH.
constexpr uint16_t kCsrMepoxyctl = 0x7C1;
constexpr uint32_t kMepoxyctlWritable = 0x1;

struct LockstepStats {
    uint64_t compared = 0, retired = 0, traps = 0, interrupts = 0, synced_reads = 0;
    std::array<uint64_t, 32> interrupts_by_cause{};  // index: mcause & 31
};

class LockstepChecker {
  public:
    explicit LockstepChecker(iss::Machine& iss) : iss_(iss) {}

    // Extra pcs whose rd the core's value overrides (e.g. a generator's nondeterministic list).
    void add_nondeterministic_pcs(const std::vector<uint32_t>& pcs) {
        nondet_pcs_.insert(pcs.begin(), pcs.end());
    }
    // Testing the checker: corrupt the ISS's rd value of the first record at or after
    // retirement index `index` that writes a register.
    void inject_fault(uint64_t index) {
        inject_ = true;
        inject_at_ = index;
    }
    // Keep this many matching records for the mismatch report.
    void set_history(unsigned n) { history_size_ = n; }

    // Compare the core's next record. True: matched. False: `report` explains.
    bool check(const iss::Retire& core, std::string& report);

    const LockstepStats& stats() const { return stats_; }
    const iss::Retire& last_iss() const { return last_iss_; }

  private:
    bool step_iss(const iss::Retire& core, iss::Retire& out, std::string& why);
    void synchronise(const iss::Retire& core, iss::Retire& iss_rec);
    std::string describe_mismatch(const iss::Retire& core, const iss::Retire& iss_rec,
                                  const std::vector<std::string>& fields) const;

    iss::Machine& iss_;
    std::set<uint32_t> nondet_pcs_;
    bool inject_ = false;
    uint64_t inject_at_ = 0;
    unsigned history_size_ = 8;
    std::deque<std::string> history_;
    LockstepStats stats_;
    iss::Retire last_iss_;
};

// The fields that differ between two records (names as in the report); empty: equal.
// `mip_synced`: the mip bits whose read and write values are not compared (the lines the
// ISS models, sampled at a different time); the other bits of mip must agree.
std::vector<std::string> compare_records(const iss::Retire& core, const iss::Retire& iss_rec,
                                         uint32_t mip_synced = ~0u);

}  // namespace epoxy::coretb
