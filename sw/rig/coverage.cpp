// SPDX-License-Identifier: Apache-2.0
// Coverage from Retire records, RVC instruction names, and running a program on the ISS.
#include "rig/coverage.h"

#include <fmt/format.h>

#include "iss/executor.h"
#include "iss/riscv.h"

namespace epoxy::rig {

namespace rv = iss::rv;

std::string compressed_name(uint16_t c) {
    const unsigned q = c & 3u, f3 = c >> 13, rd = (c >> 7) & 31u, rs2 = (c >> 2) & 31u;
    const bool b12 = (c >> 12) & 1u;
    switch (q) {
        case 0:
            if (f3 == 0) return ((c >> 5) & 0xFFu) ? "c.addi4spn" : "c.illegal";
            if (f3 == 2) return "c.lw";
            if (f3 == 6) return "c.sw";
            return "c.reserved";
        case 1:
            switch (f3) {
                case 0:
                    return rd == 0 ? "c.nop" : "c.addi";
                case 1:
                    return "c.jal";
                case 2:
                    return "c.li";
                case 3:
                    if (!b12 && rs2 == 0) return "c.reserved";  // nzimm = 0
                    return rd == 2 ? "c.addi16sp" : "c.lui";
                case 4:
                    switch ((c >> 10) & 3u) {
                        case 0:
                            return b12 ? "c.reserved" : "c.srli";
                        case 1:
                            return b12 ? "c.reserved" : "c.srai";
                        case 2:
                            return "c.andi";
                        default: {
                            if (b12) return "c.reserved";
                            static const char* const kCa[] = {"c.sub", "c.xor", "c.or", "c.and"};
                            return kCa[(c >> 5) & 3u];
                        }
                    }
                case 5:
                    return "c.j";
                case 6:
                    return "c.beqz";
                default:
                    return "c.bnez";
            }
        case 2:
            switch (f3) {
                case 0:
                    return b12 ? "c.reserved" : "c.slli";
                case 2:
                    return rd == 0 ? "c.reserved" : "c.lwsp";
                case 4:
                    if (!b12) return rs2 == 0 ? (rd == 0 ? "c.reserved" : "c.jr") : "c.mv";
                    return rs2 == 0 ? (rd == 0 ? "c.ebreak" : "c.jalr") : "c.add";
                case 6:
                    return "c.swsp";
                default:
                    return "c.reserved";
            }
        default:
            return "not-compressed";
    }
}

const std::vector<std::string>& compressed_names() {
    static const std::vector<std::string> names = {
        "c.addi4spn", "c.lw",  "c.sw",     "c.nop",  "c.addi", "c.jal",  "c.li",
        "c.addi16sp", "c.lui", "c.srli",   "c.srai", "c.andi", "c.sub",  "c.xor",
        "c.or",       "c.and", "c.j",      "c.beqz", "c.bnez", "c.slli", "c.lwsp",
        "c.jr",       "c.mv",  "c.ebreak", "c.jalr", "c.add",  "c.swsp",
    };
    return names;
}

std::string cause_name(uint32_t cause, bool interrupt) {
    if (interrupt) {
        switch (cause) {
            case rv::kIrqMSoft:
                return "MSI";
            case rv::kIrqMTimer:
                return "MTI";
            case rv::kIrqMExt:
                return "MEI";
            default:
                return fmt::format("irq{}", cause);
        }
    }
    static const char* const kNames[] = {
        "insn_misaligned", "insn_access_fault", "illegal_insn",     "breakpoint",
        "load_misaligned", "load_access_fault", "store_misaligned", "store_access_fault",
        "ecall_u",         "ecall_s",           "cause10",          "ecall_m",
    };
    return cause < 12 ? kNames[cause] : fmt::format("cause{}", cause);
}

void Coverage::add(const iss::Retire& r) {
    if (r.kind == iss::StepKind::Sleeping) return;
    ++steps;
    for (unsigned i = 0; i < r.csr_count; ++i) {
        const uint16_t a = r.csr[i].addr;
        if (a >= rv::kPmpcfg0 && a < rv::kPmpcfg0 + 4)
            for (unsigned b = 0; b < 4; ++b)
                pmpcfg_[(a - rv::kPmpcfg0) * 4 + b] = uint8_t(r.csr[i].value >> (8 * b));
    }
    if (r.priv == iss::Priv::U) {
        ++u_steps;
        bool seen[4] = {};
        for (uint8_t cfg : pmpcfg_) seen[(cfg & rv::kPmpA) >> rv::kPmpAShift] = true;
        static const char* const kModes[] = {"OFF", "TOR", "NA4", "NAPOT"};
        for (unsigned m = 1; m < 4; ++m)
            if (seen[m]) ++pmp_modes[kModes[m]];
    }
    if (r.kind == iss::StepKind::Interrupt) {
        ++interrupts[r.cause & ~rv::kInterruptBit];
        return;
    }
    if (r.kind == iss::StepKind::Trap) ++traps[r.cause];
    if (r.insn_len == 2) {
        ++compressed[compressed_name(uint16_t(r.insn))];
    } else if (r.insn_len == 4) {
        if (const iss::InsnDesc* d = iss::decode(r.insn))
            ++insns[d->name];
        else
            ++illegal32;
    }
}

void Coverage::merge(const Coverage& o) {
    for (const auto& [k, v] : o.insns) insns[k] += v;
    for (const auto& [k, v] : o.compressed) compressed[k] += v;
    for (const auto& [k, v] : o.traps) traps[k] += v;
    for (const auto& [k, v] : o.interrupts) interrupts[k] += v;
    for (const auto& [k, v] : o.pmp_modes) pmp_modes[k] += v;
    illegal32 += o.illegal32;
    steps += o.steps;
    u_steps += o.u_steps;
}

std::vector<std::string> Coverage::missing_insns() const {
    std::vector<std::string> out;
    for (const auto& d : iss::instruction_table())
        if (!insns.count(d.name)) out.push_back(d.name);
    return out;
}

std::vector<std::string> Coverage::missing_compressed() const {
    std::vector<std::string> out;
    for (const auto& n : compressed_names())
        if (!compressed.count(n)) out.push_back(n);
    return out;
}

std::string Coverage::report() const {
    std::string s;
    const size_t table = iss::instruction_table().size();
    const auto miss = missing_insns();
    s += fmt::format("instruction table: {}/{} entries", table - miss.size(), table);
    if (!miss.empty()) s += fmt::format(" (missing: {})", fmt::join(miss, " "));
    s += "\n";
    const auto cmiss = missing_compressed();
    s += fmt::format("compressed: {}/{} instructions", compressed_names().size() - cmiss.size(),
                     compressed_names().size());
    if (!cmiss.empty()) s += fmt::format(" (missing: {})", fmt::join(cmiss, " "));
    uint64_t reserved = 0;
    for (const char* k : {"c.illegal", "c.reserved"})
        if (auto it = compressed.find(k); it != compressed.end()) reserved += it->second;
    s += fmt::format("; illegal/reserved encodings: {} 32-bit, {} 16-bit\n", illegal32, reserved);
    s += "traps:";
    for (const auto& [c, n] : traps) s += fmt::format(" {}({})={}", cause_name(c, false), c, n);
    s += "\ninterrupts:";
    for (const auto& [c, n] : interrupts) s += fmt::format(" {}={}", cause_name(c, true), n);
    s += fmt::format("\nU-mode steps: {} of {}", u_steps, steps);
    s += "; PMP modes active in U-mode:";
    for (const auto& [m, n] : pmp_modes) s += fmt::format(" {}={}", m, n);
    s += "\n";
    return s;
}

void load_into(const RigProgram& p, iss::Machine& m) {
    for (const Segment& seg : p.segments)
        if (!m.load(seg.addr, seg.bytes.data(), uint32_t(seg.bytes.size())))
            throw RigError(
                fmt::format("segment at 0x{:08x} does not fit the ISS memory", seg.addr));
    m.hart().set_pc(p.entry);
}

RunReport run_on_iss(const RigProgram& p, const std::function<void(const iss::Retire&)>& observer) {
    RunReport rep;
    iss::Machine m;
    m.set_console([&rep](char) { ++rep.console_bytes; });
    load_into(p, m);
    rep.result = m.run(p.max_steps, [&](const iss::Retire& r) {
        rep.coverage.add(r);
        if (observer) observer(r);
    });
    return rep;
}

}  // namespace epoxy::rig
