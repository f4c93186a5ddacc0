// SPDX-License-Identifier: Apache-2.0
// Functional coverage of a run, computed from its Retire records, and running a generated
// program on the reference ISS.
//
// Coverage counts which entries of the ISS instruction table were executed as 32-bit
// instructions, which RV32C instructions were executed, which trap and interrupt causes
// were taken, how many steps ran in U-mode, and which PMP address-matching modes were
// active while U-mode ran. An instruction counts when it was fetched and decoded, whether
// it then retired or trapped (ecall never retires).
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "iss/machine.h"
#include "iss/retire.h"
#include "rig/rig.h"

namespace epoxy::rig {

// Name of a 16-bit parcel: "c.addi", "c.lw", ... or "c.illegal" for the all-zero-immediate
// c.addi4spn forms and "c.reserved" for the other reserved and F/D encodings.
std::string compressed_name(uint16_t parcel);
// The 27 RV32C instructions an RV32IC hart without F/D executes.
const std::vector<std::string>& compressed_names();
// Name of a synchronous trap cause or an interrupt number.
std::string cause_name(uint32_t cause, bool interrupt);

class Coverage {
  public:
    void add(const iss::Retire& r);
    void merge(const Coverage& other);

    std::map<std::string, uint64_t> insns;       // instruction-table entries, 32-bit forms
    std::map<std::string, uint64_t> compressed;  // RV32C instructions (and c.illegal/c.reserved)
    std::map<uint32_t, uint64_t> traps;          // synchronous causes
    std::map<uint32_t, uint64_t> interrupts;     // interrupt numbers (mcause without bit 31)
    std::map<std::string, uint64_t> pmp_modes;   // "TOR", "NA4", "NAPOT": U-mode steps while active
    uint64_t illegal32 = 0;                      // 32-bit encodings the table does not decode
    uint64_t steps = 0, u_steps = 0;

    std::vector<std::string> missing_insns() const;
    std::vector<std::string> missing_compressed() const;
    // A multi-line human-readable summary.
    std::string report() const;

  private:
    std::array<uint8_t, 16> pmpcfg_{};  // tracked from pmpcfg CSR writes in the records
};

struct RunReport {
    iss::RunResult result;
    Coverage coverage;
    uint64_t console_bytes = 0;  // characters the program sent to the UART / sim-control
    bool ok() const { return result.reason == iss::StopReason::Exited && result.exit_code == 0; }
};

// Copy the program's segments into the machine and point the hart at its entry.
void load_into(const RigProgram& program, iss::Machine& machine);

// Run on a fresh ISS machine for at most program.max_steps steps. `observer`, if given,
// sees every record too.
RunReport run_on_iss(const RigProgram& program,
                     const std::function<void(const iss::Retire&)>& observer = {});

}  // namespace epoxy::rig
