// SPDX-License-Identifier: Apache-2.0
// One step of the reference ISS, as an observable record.
//
// Every call to Hart::step() returns a Retire that says exactly what changed: the
// instruction (or the trap or interrupt taken instead), the register written, the memory
// access made and the CSRs written. It mirrors the RVFI trace port of the RTL core so the
// two can be compared retirement by retirement, and it feeds the Spike-format commit log.
#pragma once

#include <array>
#include <cstdint>

namespace epoxy::iss {

enum class Priv : uint8_t { U = 0, M = 3 };

enum class StepKind : uint8_t {
    Retired,    // the instruction completed
    Trap,       // the instruction raised a synchronous exception and did not complete
    Interrupt,  // an interrupt was taken before the instruction at pc; nothing was fetched
    Sleeping,   // the hart is in WFI and no enabled interrupt is pending; nothing changed
};

struct MemAccess {
    bool valid = false;
    bool write = false;
    uint32_t addr = 0;
    uint8_t size = 0;   // bytes: 1, 2 or 4
    uint32_t data = 0;  // value stored, or raw value loaded (zero-extended, before sign extension)
};

struct CsrWrite {
    uint16_t addr = 0;
    uint32_t value = 0;  // value of the CSR after the write
};

struct Retire {
    StepKind kind = StepKind::Retired;
    uint64_t order = 0;  // running count of records with kind Retired, Trap or Interrupt
    Priv priv = Priv::M; // mode the instruction ran in (for Interrupt: mode interrupted)
    uint32_t pc = 0;
    uint32_t insn = 0;        // raw bits; a compressed instruction in the low 16 bits
    uint8_t insn_len = 0;     // 2 or 4; 0 when nothing was fetched
    uint8_t rd = 0;           // destination register; 0 means no register write
    uint32_t rd_value = 0;
    MemAccess mem;            // the data access the instruction made, if any
    std::array<CsrWrite, 4> csr{};  // CSR writes, explicit (csrrw...) and implicit (trap, mret)
    uint8_t csr_count = 0;
    uint32_t cause = 0;       // Trap/Interrupt: mcause (bit 31 set for interrupts)
    uint32_t tval = 0;        // Trap: mtval
    uint32_t next_pc = 0;     // pc of the next instruction (the trap vector after a trap)
};

}  // namespace epoxy::iss
