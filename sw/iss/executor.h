// SPDX-License-Identifier: Apache-2.0
// The execution context of one instruction, and the instruction table.
//
// Each instruction is one table entry (name, mask, match, semantics) in insns.cpp, so the
// ISA reads as a list. Semantics use the Executor's helpers, which do the bookkeeping
// for the Retire record: a register write is recorded only when the instruction completes,
// and a trap raised by a helper stops the instruction before anything is written.
#pragma once

#include <cstdint>
#include <vector>

#include "iss/hart.h"
#include "iss/riscv.h"

namespace epoxy::iss {

class Executor {
public:
    Executor(Hart& hart, Retire& record, uint32_t insn, uint32_t pc, unsigned len)
        : h(hart), r(record), insn(insn), pc(pc), len(len), next_pc(pc + len) {}

    // Fields of the (expanded) 32-bit instruction.
    unsigned rd() const { return (insn >> 7) & 31; }
    unsigned rs1_idx() const { return (insn >> 15) & 31; }
    unsigned rs2_idx() const { return (insn >> 20) & 31; }
    uint32_t rs1() const { return h.x_[rs1_idx()]; }
    uint32_t rs2() const { return h.x_[rs2_idx()]; }
    uint32_t imm_i() const { return uint32_t(int32_t(insn) >> 20); }
    uint32_t imm_s() const { return (uint32_t(int32_t(insn) >> 20) & ~31u) | ((insn >> 7) & 31); }
    uint32_t imm_b() const;
    uint32_t imm_u() const { return insn & 0xFFFFF000u; }
    uint32_t imm_j() const;
    unsigned shamt() const { return (insn >> 20) & 31; }
    uint16_t csr_addr() const { return uint16_t(insn >> 20); }

    void write_rd(uint32_t value);
    void jump(uint32_t target) { next_pc = target; }
    void raise(uint32_t cause, uint32_t tval) {
        trapped = true;
        trap_cause = cause;
        trap_tval = tval;
    }
    void illegal() { raise(rv::kIllegalInsn, raw_bits); }

    // Loads and stores through alignment, PMP and bus checks; false after raising a trap.
    bool load(uint32_t addr, unsigned size, bool is_signed, uint32_t& value);
    bool store(uint32_t addr, unsigned size, uint32_t value);

    // CSR instruction: read old value, then write `new_value` if `do_write`.
    void csr_op(bool do_write, uint32_t (*update)(uint32_t old, uint32_t operand),
                uint32_t operand);

    void mret();
    void wfi();
    void fence_i() {}

    Hart& h;
    Retire& r;
    uint32_t insn;      // expanded 32-bit instruction
    uint32_t raw_bits = 0;  // the bits as fetched (compressed or not), for mtval
    uint32_t pc;
    unsigned len;
    uint32_t next_pc;
    bool trapped = false;
    uint32_t trap_cause = 0, trap_tval = 0;
    bool counters_written = false;  // an explicit write to minstret suppresses its tick
    bool cycle_written = false;     // an explicit write to mcycle suppresses its tick
};

struct InsnDesc {
    const char* name;
    uint32_t mask;
    uint32_t match;
    void (*exec)(Executor& e);
};

// The table of every RV32IM + Zicsr + Zifencei + privileged instruction this hart executes.
const std::vector<InsnDesc>& instruction_table();
// The entry matching a 32-bit instruction, or nullptr for an illegal encoding.
const InsnDesc* decode(uint32_t insn);

}  // namespace epoxy::iss
