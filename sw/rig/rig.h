// SPDX-License-Identifier: Apache-2.0
// epoxy_rig: the project's seeded random instruction-stream generator (RIG).
//
// generate() turns a seed and a configuration into a self-contained program for the Epoxy
// SRAM map: a prologue, a body of random instructions from every entry of the ISS
// instruction table and every RV32C instruction (with traps, interrupts, PMP sections,
// U-mode sections, misaligned and faulting accesses), a trap handler that always makes
// progress, and an exit through sim-control. The program runs the same on the
// instruction-accurate ISS and on a cycle-accurate core, except for the few instructions
// listed in RigProgram::nondeterministic_pcs (counter and timer reads), whose results a
// lockstep harness copies from the core. Same seed and configuration: same bytes.
//
// What it deliberately does not do: backward branches other than its bounded loops,
// self-modifying code, or locked PMP entries. MEI and local (accelerator) interrupts are
// only generated when RigConfig asks for them; they use the sim interrupt source device.
// See docs/rig.md.
#pragma once

#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace epoxy::rig {

// Relative weights of the kinds of instruction groups in the body. A weight of 0 turns a
// kind off; the feature switches in RigConfig turn off whole families at once.
struct RigWeights {
    unsigned alu = 30;          // RV32I register-immediate, register-register, lui, auipc
    unsigned muldiv = 8;        // RV32M, with corner-case operands loaded first
    unsigned load_store = 16;   // aligned loads and stores into the data region
    unsigned compressed = 20;   // RVC arithmetic, moves, sp-relative and c.lw/c.sw
    unsigned branch = 10;       // forward conditional branches (32-bit and c.beqz/c.bnez)
    unsigned jump = 5;          // forward jal, jalr, c.j, c.jal, c.jr, c.jalr
    unsigned csr = 6;           // Zicsr on a safe set of CSRs, counters, absent CSRs
    unsigned system = 3;        // fence, fence.i, ecall, ebreak
    unsigned illegal = 2;       // illegal and reserved 32-bit and 16-bit encodings
    unsigned misaligned = 2;    // misaligned loads and stores
    unsigned access_fault = 2;  // unmapped addresses, devices with the wrong size, ROM stores
    unsigned fetch_fault = 1;   // jumps to unmapped, device and straddling addresses
    unsigned loop = 2;          // bounded backward loops on a dedicated counter register
    unsigned umode = 3;         // U-mode sections entered with mret, left with ecall
    unsigned pmp = 1;           // PMP reconfiguration sections
    unsigned interrupt = 2;     // MSI/MTI raised, then taken (csrsi mstatus.MIE, wfi, U-mode)
    unsigned mprv = 1;          // M-mode loads/stores with mstatus.MPRV=1, MPP=U
    unsigned mret = 1;          // mret to M-mode as a forward jump
};

struct RigConfig {
    uint64_t seed = 1;
    uint32_t insns = 10000;  // instructions in the body (at most kMaxInsns)
    RigWeights weights;
    bool compressed = true;  // RV32C instructions (16-bit parcels)
    bool traps = true;       // illegal encodings, ebreak/ecall, access and fetch faults
    bool interrupts = true;  // MSI and MTI sections
    bool pmp = true;         // PMP sections (U-mode data and code sometimes denied)
    bool umode = true;       // U-mode sections
    bool misaligned = true;  // misaligned loads and stores
    // Timer interrupts armed in the future with mtime/mtimecmp: they arrive at a point that
    // depends on timing, so a lockstep harness must inject them where the core took them.
    bool async_interrupts = false;
    // MEI and `local_irqs` local interrupt lines (mip/mie 16..): interrupt sections may raise
    // one through the sim interrupt source (EPOXY_SIMIRQ_*) instead of MSI/MTI, and the
    // handler acknowledges every line there. The hart that runs the program must have at
    // least `local_irqs` local lines. Off by default (the programs are then unchanged).
    bool external_irqs = false;
    unsigned local_irqs = 0;
};

// The largest body that fits in the SRAM next to the data region.
constexpr uint32_t kMaxInsns = 60000;

struct Segment {
    uint32_t addr = 0;
    std::vector<uint8_t> bytes;
    bool executable = false;  // code (R+X) or data (R+W)
};

struct RigProgram {
    RigConfig config;
    uint32_t entry = 0;
    std::vector<Segment> segments;
    // rig_prologue, rig_body, rig_exit, rig_trap_vector, rig_handler, rig_data, ...
    std::map<std::string, uint32_t> symbols;
    // Instructions whose result differs between an instruction-accurate ISS and a
    // cycle-accurate core (reads of mcycle/cycle/time/minstret/instret and their high
    // halves, loads from mtime, and mip when async_interrupts is on). Sorted, unique.
    std::vector<uint32_t> nondeterministic_pcs;
    uint32_t body_insns = 0;                       // instructions generated in the body
    uint64_t max_steps = 0;                        // upper bound on the steps of a correct run
    std::map<std::string, uint32_t> group_counts;  // groups generated, by kind
};

class RigError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// Build the program for `config`. Throws RigError for an impossible configuration (too
// many instructions, no enabled kind).
RigProgram generate(const RigConfig& config);

// Write the program as a 32-bit RISC-V ELF executable (libelf, ELF_C_WRITE): one PT_LOAD
// per segment, the symbols, and two non-loaded sections for the harness:
// .epoxy.rig.nondet (nondeterministic_pcs, little-endian words) and .epoxy.rig.config
// (the generator's configuration as text). Throws RigError naming the path on failure.
void write_elf(const RigProgram& program, const std::string& path);

// Read .epoxy.rig.nondet back from an ELF written by write_elf (for a lockstep harness
// that only has the file). Throws RigError naming the problem.
std::vector<uint32_t> read_nondeterministic_pcs(const std::string& path);

// One line describing the configuration, also stored in .epoxy.rig.config.
std::string describe(const RigConfig& config);

}  // namespace epoxy::rig
