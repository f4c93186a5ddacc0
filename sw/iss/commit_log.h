// SPDX-License-Identifier: Apache-2.0
// Spike-format commit log: one line per retired instruction, as `spike --log-commits`
// prints it, so ISS and RTL logs (and Spike's own) can be compared with diff.
//
//   core   0: 3 0x10000000 (0x00000297) x5  0x10000000
//   core   0: 3 0x10000004 (0x4501) x10 0x00000000
//   core   0: 3 0x10000008 (0x0062a023) mem 0x10000100 0x00000000
//   core   0: 3 0x1000000c (0x30529073) c773_mtvec 0x10000040
//
// Traps and interrupts are printed as Spike prints them with -l:
//   core   0: exception trap_illegal_instruction, epc 0x10000010
//   core   0:           tval 0x00000000
#pragma once

#include <cstdint>
#include <string>

#include "iss/retire.h"

namespace epoxy::iss {

// The lines for one record (empty for Sleeping), each ending in '\n'.
std::string format_commit(const Retire& r);

// Spike's name for a CSR ("mstatus", "pmpaddr3", ...), or "unknown".
std::string csr_name(uint16_t addr);

}  // namespace epoxy::iss
