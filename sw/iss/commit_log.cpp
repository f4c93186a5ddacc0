// SPDX-License-Identifier: Apache-2.0
// Spike-format commit-log lines from Retire records.
#include "iss/commit_log.h"

#include <fmt/format.h>

#include "iss/riscv.h"

namespace epoxy::iss {

namespace {

const char* trap_name(uint32_t cause) {
    switch (cause) {
        case rv::kInsnMisaligned: return "trap_instruction_address_misaligned";
        case rv::kInsnAccessFault: return "trap_instruction_access_fault";
        case rv::kIllegalInsn: return "trap_illegal_instruction";
        case rv::kBreakpoint: return "trap_breakpoint";
        case rv::kLoadMisaligned: return "trap_load_address_misaligned";
        case rv::kLoadAccessFault: return "trap_load_access_fault";
        case rv::kStoreMisaligned: return "trap_store_address_misaligned";
        case rv::kStoreAccessFault: return "trap_store_access_fault";
        case rv::kEcallU: return "trap_user_ecall";
        case rv::kEcallM: return "trap_machine_ecall";
        default: return nullptr;
    }
}

}  // namespace

std::string csr_name(uint16_t a) {
    switch (a) {
        case rv::kCycle: return "cycle";
        case rv::kTime: return "time";
        case rv::kInstret: return "instret";
        case rv::kCycleH: return "cycleh";
        case rv::kTimeH: return "timeh";
        case rv::kInstretH: return "instreth";
        case rv::kMvendorid: return "mvendorid";
        case rv::kMarchid: return "marchid";
        case rv::kMimpid: return "mimpid";
        case rv::kMhartid: return "mhartid";
        case rv::kMconfigptr: return "mconfigptr";
        case rv::kMstatus: return "mstatus";
        case rv::kMisa: return "misa";
        case rv::kMie: return "mie";
        case rv::kMtvec: return "mtvec";
        case rv::kMcounteren: return "mcounteren";
        case rv::kMenvcfg: return "menvcfg";
        case rv::kMstatush: return "mstatush";
        case rv::kMenvcfgh: return "menvcfgh";
        case rv::kMcountinhibit: return "mcountinhibit";
        case rv::kMscratch: return "mscratch";
        case rv::kMepc: return "mepc";
        case rv::kMcause: return "mcause";
        case rv::kMtval: return "mtval";
        case rv::kMip: return "mip";
        case rv::kMcycle: return "mcycle";
        case rv::kMinstret: return "minstret";
        case rv::kMcycleH: return "mcycleh";
        case rv::kMinstretH: return "minstreth";
        default: break;
    }
    if (a >= rv::kPmpcfg0 && a <= rv::kPmpcfg15) return fmt::format("pmpcfg{}", a - rv::kPmpcfg0);
    if (a >= rv::kPmpaddr0 && a <= rv::kPmpaddr63) return fmt::format("pmpaddr{}", a - rv::kPmpaddr0);
    if (a >= rv::kMhpmCounter3 && a <= rv::kMhpmCounter31) return fmt::format("mhpmcounter{}", a & 31);
    if (a >= rv::kMhpmCounter3H && a <= rv::kMhpmCounter31H) return fmt::format("mhpmcounter{}h", a & 31);
    if (a >= rv::kMhpmEvent3 && a <= rv::kMhpmEvent31) return fmt::format("mhpmevent{}", a & 31);
    if (a >= rv::kHpmCounter3 && a <= rv::kHpmCounter31) return fmt::format("hpmcounter{}", a & 31);
    if (a >= rv::kHpmCounter3H && a <= rv::kHpmCounter31H) return fmt::format("hpmcounter{}h", a & 31);
    return "unknown";
}

std::string format_commit(const Retire& r) {
    switch (r.kind) {
        case StepKind::Sleeping: return {};
        case StepKind::Interrupt:
            return fmt::format("core   0: interrupt #{}, epc 0x{:08x}\n", r.cause & 0x7FFFFFFFu, r.pc);
        case StepKind::Trap: {
            const char* name = trap_name(r.cause);
            std::string line = name ? fmt::format("core   0: exception {}, epc 0x{:08x}\n", name, r.pc)
                                    : fmt::format("core   0: exception trap #{}, epc 0x{:08x}\n",
                                                  r.cause, r.pc);
            return line + fmt::format("core   0:           tval 0x{:08x}\n", r.tval);
        }
        case StepKind::Retired: break;
    }
    std::string s = fmt::format("core   0: {} 0x{:08x} ", unsigned(r.priv), r.pc);
    s += r.insn_len == 2 ? fmt::format("(0x{:04x})", r.insn & 0xFFFFu) : fmt::format("(0x{:08x})", r.insn);
    if (r.rd != 0) s += fmt::format(" x{:<2d} 0x{:08x}", r.rd, r.rd_value);
    for (unsigned i = 0; i < r.csr_count; ++i)
        s += fmt::format(" c{}_{} 0x{:08x}", r.csr[i].addr, csr_name(r.csr[i].addr), r.csr[i].value);
    if (r.mem.valid) {
        s += fmt::format(" mem 0x{:08x}", r.mem.addr);
        if (r.mem.write) s += fmt::format(" 0x{:0{}x}", r.mem.data, 2 * r.mem.size);
    }
    s += '\n';
    return s;
}

}  // namespace epoxy::iss
