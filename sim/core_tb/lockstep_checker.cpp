// SPDX-License-Identifier: Apache-2.0
// Lockstep comparison of core retirements with the ISS (see lockstep_checker.h and
// docs/lockstep.md, which lists every synchronisation applied here and why).
#include "lockstep_checker.h"

#include <fmt/format.h>

#include "epoxy/memory_map.h"
#include "iss/commit_log.h"
#include "iss/riscv.h"

namespace epoxy::coretb {

namespace {

namespace rv = iss::rv;

// CSRs whose value counts cycles or time (or is an event counter the ISS hardwires to 0):
// the core's read value is architecturally right for the core, and differs from the ISS's.
bool timing_csr(uint16_t csr) {
    switch (csr) {
        case 0xB00:
        case 0xB80:
        case 0xC00:
        case 0xC80:
        case 0xC01:
        case 0xC81:  // cycle, time
        case 0xB03:
        case 0xB83:
        case 0xC03:
        case 0xC83:  // stall cycles
        case 0xB04:
        case 0xB84:
        case 0xC04:
        case 0xC84:  // bubbles
            return true;
        default:
            return false;
    }
}

// The CSR number of a Zicsr instruction, or -1.
int csr_of(const iss::Retire& r) {
    if (r.insn_len != 4 || (r.insn & 0x7F) != 0x73) return -1;
    const uint32_t f3 = (r.insn >> 12) & 7;
    if (f3 == 0 || f3 == 4) return -1;
    return int(r.insn >> 20);
}

// The bits of a CSR's value that must agree. A write to a timing CSR (csrrs/csrrc on
// mcycle, say) reports a value derived from the core's own count: not compared. mip's
// implemented bits are the interrupt lines sampled at the core's own time: not compared;
// its other bits must be 0 on both.
uint32_t csr_mask(uint16_t addr, uint32_t mip_synced) {
    if (addr == rv::kMip) return ~mip_synced;
    return timing_csr(addr) ? 0u : ~0u;
}

const char* kind_name(iss::StepKind k) {
    switch (k) {
        case iss::StepKind::Retired:
            return "retired";
        case iss::StepKind::Trap:
            return "trap";
        case iss::StepKind::Interrupt:
            return "interrupt";
        case iss::StepKind::Sleeping:
            return "sleeping";
    }
    return "?";
}

std::string commit_text(const iss::Retire& r) {
    std::string s = iss::format_commit(r);
    while (!s.empty() && s.back() == '\n') s.pop_back();
    for (auto& ch : s)
        if (ch == '\n') ch = ' ';
    return s;
}

}  // namespace

std::vector<std::string> compare_records(const iss::Retire& c, const iss::Retire& i,
                                         uint32_t mip_synced) {
    std::vector<std::string> d;
    if (c.kind != i.kind) d.push_back("kind");
    if (c.order != i.order) d.push_back("order");
    if (c.priv != i.priv) d.push_back("priv");
    if (c.pc != i.pc) d.push_back("pc");
    if (c.insn != i.insn) d.push_back("insn");
    if (c.rd != i.rd) d.push_back("rd");
    if (c.rd != 0 && c.rd_value != i.rd_value) {
        const int csr = csr_of(i);
        const uint32_t m = csr >= 0 ? csr_mask(uint16_t(csr), mip_synced) : ~0u;
        if ((c.rd_value & m) != (i.rd_value & m)) d.push_back("rd_value");
    }
    if (c.mem.valid != i.mem.valid) d.push_back("mem.valid");
    if (c.mem.valid && i.mem.valid) {
        if (c.mem.write != i.mem.write) d.push_back("mem.write");
        if (c.mem.addr != i.mem.addr) d.push_back("mem.addr");
        if (c.mem.size != i.mem.size) d.push_back("mem.size");
        if (c.mem.data != i.mem.data) d.push_back("mem.data");
    }
    if (c.csr_count != i.csr_count) {
        d.push_back("csr_count");
    } else {
        for (unsigned k = 0; k < c.csr_count; ++k) {
            if (c.csr[k].addr != i.csr[k].addr) d.push_back(fmt::format("csr[{}].addr", k));
            const uint32_t m = csr_mask(i.csr[k].addr, mip_synced);
            if ((c.csr[k].value & m) != (i.csr[k].value & m))
                d.push_back(fmt::format("csr[{}].value", k));
        }
    }
    if (c.kind != iss::StepKind::Retired || i.kind != iss::StepKind::Retired) {
        if (c.cause != i.cause) d.push_back("cause");
        if (c.tval != i.tval) d.push_back("tval");
    }
    if (c.next_pc != i.next_pc) d.push_back("next_pc");
    return d;
}

bool LockstepChecker::step_iss(const iss::Retire& core, iss::Retire& out, std::string& why) {
    iss::Hart& hart = iss_.hart();
    // The ISS's timer and MSIP are not used: the core decides when an interrupt arrives.
    // For an interrupt record, raise exactly that line (MSI, MTI, MEI or a local line) so
    // the ISS picks the same cause; a cause the ISS does not have stays low and shows.
    uint32_t lines = 0;
    if (core.kind == iss::StepKind::Interrupt) lines = 1u << (core.cause & 0x1F);
    hart.set_irq_lines(lines);
    out = hart.step();
    if (out.kind == iss::StepKind::Sleeping && core.kind != iss::StepKind::Interrupt) {
        // The core left WFI without taking an interrupt (one became pending while globally
        // disabled): wake the ISS with a pending, enabled, but masked line.
        hart.set_irq_lines(hart.mie() & hart.irq_mask());
        out = hart.step();
    }
    hart.set_irq_lines(0);
    if (out.kind == iss::StepKind::Sleeping) {
        why =
            "the ISS sleeps in WFI (no enabled interrupt it could take) where the core "
            "reported a record";
        return false;
    }
    return true;
}

void LockstepChecker::synchronise(const iss::Retire& core, iss::Retire& r) {
    if (r.kind != iss::StepKind::Retired) return;
    bool sync = nondet_pcs_.count(r.pc) != 0;
    // Loads of mtime: the core's timer counts cycles, the ISS's steps (even into x0, the
    // loaded value is part of the record).
    const uint32_t mtime = EPOXY_TIMER_BASE + EPOXY_TIMER_MTIME;
    const uint32_t mtimeh = EPOXY_TIMER_BASE + EPOXY_TIMER_MTIMEH;
    // Loads of the sim interrupt source's PENDING: the testbench raises lines at random
    // cycles (and the ISS's copy of the device never sees those).
    const uint32_t simirq = EPOXY_SIMIRQ_BASE + EPOXY_SIMIRQ_PENDING;
    const bool time_load = r.mem.valid && !r.mem.write &&
                           (r.mem.addr == mtime || r.mem.addr == mtimeh || r.mem.addr == simirq);
    if (time_load && core.mem.valid && !core.mem.write && core.mem.addr == r.mem.addr) {
        sync = true;
        r.mem.data = core.mem.data;
    }
    if (r.rd == 0 || core.rd != r.rd) return;
    const int csr = csr_of(r);
    if (csr >= 0 && timing_csr(uint16_t(csr))) sync = true;
    if (csr == rv::kMip) {
        // The ISS's interrupt lines are the core's, sampled at the core's time; any other
        // bit stays the ISS's (0), so a core reporting a bit that does not exist shows.
        const uint32_t lines = iss_.hart().irq_mask();
        const uint32_t v = (r.rd_value & ~lines) | (core.rd_value & lines);
        if (v == r.rd_value) return;
        iss_.hart().set_x(r.rd, v);
        r.rd_value = v;
        ++stats_.synced_reads;
        return;
    }
    if (!sync || core.rd_value == r.rd_value) return;
    iss_.hart().set_x(r.rd, core.rd_value);
    r.rd_value = core.rd_value;
    ++stats_.synced_reads;
}

bool LockstepChecker::check(const iss::Retire& core, std::string& report) {
    iss::Retire r;
    std::string why;
    if (!step_iss(core, r, why)) {
        report = describe_mismatch(core, r, {"kind"}) + "  note: " + why + "\n";
        return false;
    }
    synchronise(core, r);
    if (inject_ && stats_.compared >= inject_at_ && r.rd != 0) {
        inject_ = false;
        r.rd_value ^= 0x1;  // deliberate corruption (--inject-fault): must be caught
        iss_.hart().set_x(r.rd, r.rd_value);
    }
    last_iss_ = r;
    const auto diffs = compare_records(core, r, iss_.hart().irq_mask());
    if (!diffs.empty()) {
        report = describe_mismatch(core, r, diffs);
        return false;
    }
    ++stats_.compared;
    switch (r.kind) {
        case iss::StepKind::Retired:
            ++stats_.retired;
            break;
        case iss::StepKind::Trap:
            ++stats_.traps;
            break;
        default:
            ++stats_.interrupts;
            ++stats_.interrupts_by_cause[r.cause & 31];
            break;
    }
    if (history_size_) {
        history_.push_back(fmt::format("#{:<9} {}", stats_.compared - 1, commit_text(r)));
        if (history_.size() > history_size_) history_.pop_front();
    }
    return true;
}

std::string LockstepChecker::describe_mismatch(const iss::Retire& c, const iss::Retire& i,
                                               const std::vector<std::string>& fields) const {
    auto differs = [&](const std::string& name) {
        for (const auto& f : fields)
            if (f == name || f.rfind(name + "[", 0) == 0 || f.rfind(name + ".", 0) == 0)
                return true;
        return false;
    };
    std::string s;
    s += fmt::format("mismatch at retirement {} (core order {}, ISS order {})\n", stats_.compared,
                     c.order, i.order);
    const uint32_t raw = c.insn_len == 2 ? (c.insn & 0xFFFF) : c.insn;
    s += fmt::format("  instruction: pc 0x{:08x} insn {} ({})\n", c.pc,
                     c.insn_len == 2 ? fmt::format("0x{:04x}", raw) : fmt::format("0x{:08x}", raw),
                     c.insn_len == 2   ? "16-bit"
                     : c.insn_len == 4 ? "32-bit"
                                       : "nothing fetched");
    s += fmt::format("  differing fields: {}\n", fmt::join(fields, ", "));
    s += fmt::format("  {:<2}{:<12} {:<26} {}\n", "", "field", "core", "iss");
    auto row = [&](const std::string& name, const std::string& a, const std::string& b) {
        s += fmt::format("  {:<2}{:<12} {:<26} {}\n", differs(name) ? "*" : "", name, a, b);
    };
    auto hex = [](uint32_t v) { return fmt::format("0x{:08x}", v); };
    row("kind", kind_name(c.kind), kind_name(i.kind));
    row("order", std::to_string(c.order), std::to_string(i.order));
    row("priv", std::to_string(unsigned(c.priv)), std::to_string(unsigned(i.priv)));
    row("pc", hex(c.pc), hex(i.pc));
    row("insn", hex(c.insn), hex(i.insn));
    row("rd", fmt::format("x{}", c.rd), fmt::format("x{}", i.rd));
    row("rd_value", hex(c.rd_value), hex(i.rd_value));
    auto mem = [&](const iss::MemAccess& m) {
        if (!m.valid) return std::string("-");
        return fmt::format("{} 0x{:08x}/{} 0x{:08x}", m.write ? "st" : "ld", m.addr,
                           unsigned(m.size), m.data);
    };
    row("mem", mem(c.mem), mem(i.mem));
    const unsigned n = std::max(c.csr_count, i.csr_count);
    if (n == 0) row("csr", "-", "-");
    for (unsigned k = 0; k < n; ++k) {
        auto one = [&](const iss::Retire& r) {
            if (k >= r.csr_count) return std::string("-");
            return fmt::format("{}=0x{:08x}", iss::csr_name(r.csr[k].addr), r.csr[k].value);
        };
        const bool d = differs("csr_count") || differs(fmt::format("csr[{}]", k));
        s += fmt::format("  {:<2}{:<12} {:<26} {}\n", d ? "*" : "", fmt::format("csr[{}]", k),
                         one(c), one(i));
    }
    row("cause", hex(c.cause), hex(i.cause));
    row("tval", hex(c.tval), hex(i.tval));
    row("next_pc", hex(c.next_pc), hex(i.next_pc));
    s += fmt::format("  core: {}\n  iss:  {}\n", commit_text(c), commit_text(i));
    s += fmt::format("  last {} matching retirements:\n", history_.size());
    for (const auto& h : history_) s += "    " + h + "\n";
    return s;
}

}  // namespace epoxy::coretb
