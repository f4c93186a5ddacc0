// SPDX-License-Identifier: Apache-2.0
// Constant-time tests of the glue core: every Zkt instruction of RV32IMC and div/divu/rem/remu
// must take the same cycles for every operand value.
//
// Each instruction runs in a loop  lw x8, A / lw x9, B / <insn> / jal top  on one Verilated
// model; after each execution the harness writes the next operand pair into A and B (and
// the next immediate into the instruction word), so 10,000+ operand pairs need no reload.
// Three distances are measured per execution, all from RVFI record cycles: the instruction's
// own latency (previous record to its record), the next instruction's (its record to the
// next one: catches a unit that retires early but keeps the pipeline busy), and the loop
// period. All three must be identical for every operand pair. The operands reaching the
// instruction (RVFI rs1/rs2 data) and its result are checked too, so the test cannot pass by
// measuring something other than the intended operands. A sanity test runs the same
// measurement on a load whose grant wait states depend on the operand and shows it fails.
#include <catch2/catch.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "rv/encode.h"
#include "core_harness.h"

namespace {

using rtl::CoreHarness;
using rtl::Program;
using rtl::Record;

constexpr uint32_t kOpA = 0x700, kOpB = 0x704;  // operand words, x0-relative
constexpr uint32_t kInsnPc = 0x08;              // the measured instruction
constexpr unsigned kRandomPairs = 10000;

enum class Imm { None, I12, Sh5, U20, C6, C6nz, CSh };

// One table entry per instruction: encoding (rd x10 or x8, rs1 x8, rs2 x9) and meaning.
struct InsnCase {
    const char* name;
    bool compressed;
    Imm imm;
    bool reads_rs1, reads_rs2;
    unsigned rd;
    uint32_t (*encode)(int32_t imm);
    uint32_t (*ref)(uint32_t a, uint32_t b, int32_t imm, uint32_t pc);
};

int32_t sx(uint32_t v) {
    return int32_t(v);
}

// clang-format off
const std::vector<InsnCase>& zkt_cases() {
    static const std::vector<InsnCase> cases = {
        // RV32I
        {"lui", false, Imm::U20, false, false, 10,
         [](int32_t i) { return enc::lui(10, uint32_t(i)); },
         [](uint32_t, uint32_t, int32_t i, uint32_t) { return uint32_t(i) << 12; }},
        {"auipc", false, Imm::U20, false, false, 10,
         [](int32_t i) { return enc::auipc(10, uint32_t(i)); },
         [](uint32_t, uint32_t, int32_t i, uint32_t pc) { return pc + (uint32_t(i) << 12); }},
        {"addi", false, Imm::I12, true, false, 10, [](int32_t i) { return enc::addi(10, 8, i); },
         [](uint32_t a, uint32_t, int32_t i, uint32_t) { return a + uint32_t(i); }},
        {"slti", false, Imm::I12, true, false, 10, [](int32_t i) { return enc::slti(10, 8, i); },
         [](uint32_t a, uint32_t, int32_t i, uint32_t) { return uint32_t(sx(a) < i); }},
        {"sltiu", false, Imm::I12, true, false, 10, [](int32_t i) { return enc::sltiu(10, 8, i); },
         [](uint32_t a, uint32_t, int32_t i, uint32_t) { return uint32_t(a < uint32_t(i)); }},
        {"xori", false, Imm::I12, true, false, 10, [](int32_t i) { return enc::xori(10, 8, i); },
         [](uint32_t a, uint32_t, int32_t i, uint32_t) { return a ^ uint32_t(i); }},
        {"ori", false, Imm::I12, true, false, 10, [](int32_t i) { return enc::ori(10, 8, i); },
         [](uint32_t a, uint32_t, int32_t i, uint32_t) { return a | uint32_t(i); }},
        {"andi", false, Imm::I12, true, false, 10, [](int32_t i) { return enc::andi(10, 8, i); },
         [](uint32_t a, uint32_t, int32_t i, uint32_t) { return a & uint32_t(i); }},
        {"slli", false, Imm::Sh5, true, false, 10,
         [](int32_t i) { return enc::slli(10, 8, unsigned(i)); },
         [](uint32_t a, uint32_t, int32_t i, uint32_t) { return a << i; }},
        {"srli", false, Imm::Sh5, true, false, 10,
         [](int32_t i) { return enc::srli(10, 8, unsigned(i)); },
         [](uint32_t a, uint32_t, int32_t i, uint32_t) { return a >> i; }},
        {"srai", false, Imm::Sh5, true, false, 10,
         [](int32_t i) { return enc::srai(10, 8, unsigned(i)); },
         [](uint32_t a, uint32_t, int32_t i, uint32_t) { return uint32_t(sx(a) >> i); }},
        {"add", false, Imm::None, true, true, 10, [](int32_t) { return enc::add(10, 8, 9); },
         [](uint32_t a, uint32_t b, int32_t, uint32_t) { return a + b; }},
        {"sub", false, Imm::None, true, true, 10, [](int32_t) { return enc::sub(10, 8, 9); },
         [](uint32_t a, uint32_t b, int32_t, uint32_t) { return a - b; }},
        {"sll", false, Imm::None, true, true, 10, [](int32_t) { return enc::sll(10, 8, 9); },
         [](uint32_t a, uint32_t b, int32_t, uint32_t) { return a << (b & 31); }},
        {"slt", false, Imm::None, true, true, 10, [](int32_t) { return enc::slt(10, 8, 9); },
         [](uint32_t a, uint32_t b, int32_t, uint32_t) { return uint32_t(sx(a) < sx(b)); }},
        {"sltu", false, Imm::None, true, true, 10, [](int32_t) { return enc::sltu(10, 8, 9); },
         [](uint32_t a, uint32_t b, int32_t, uint32_t) { return uint32_t(a < b); }},
        {"xor", false, Imm::None, true, true, 10, [](int32_t) { return enc::xor_(10, 8, 9); },
         [](uint32_t a, uint32_t b, int32_t, uint32_t) { return a ^ b; }},
        {"srl", false, Imm::None, true, true, 10, [](int32_t) { return enc::srl(10, 8, 9); },
         [](uint32_t a, uint32_t b, int32_t, uint32_t) { return a >> (b & 31); }},
        {"sra", false, Imm::None, true, true, 10, [](int32_t) { return enc::sra(10, 8, 9); },
         [](uint32_t a, uint32_t b, int32_t, uint32_t) { return uint32_t(sx(a) >> (b & 31)); }},
        {"or", false, Imm::None, true, true, 10, [](int32_t) { return enc::or_(10, 8, 9); },
         [](uint32_t a, uint32_t b, int32_t, uint32_t) { return a | b; }},
        {"and", false, Imm::None, true, true, 10, [](int32_t) { return enc::and_(10, 8, 9); },
         [](uint32_t a, uint32_t b, int32_t, uint32_t) { return a & b; }},
        // RV32M multiplications
        {"mul", false, Imm::None, true, true, 10, [](int32_t) { return enc::mul(10, 8, 9); },
         [](uint32_t a, uint32_t b, int32_t, uint32_t) { return a * b; }},
        {"mulh", false, Imm::None, true, true, 10, [](int32_t) { return enc::mulh(10, 8, 9); },
         [](uint32_t a, uint32_t b, int32_t, uint32_t) {
             return uint32_t(uint64_t(int64_t(sx(a)) * int64_t(sx(b))) >> 32); }},
        {"mulhsu", false, Imm::None, true, true, 10, [](int32_t) { return enc::mulhsu(10, 8, 9); },
         [](uint32_t a, uint32_t b, int32_t, uint32_t) {
             return uint32_t(uint64_t(int64_t(sx(a)) * int64_t(uint64_t(b))) >> 32); }},
        {"mulhu", false, Imm::None, true, true, 10, [](int32_t) { return enc::mulhu(10, 8, 9); },
         [](uint32_t a, uint32_t b, int32_t, uint32_t) {
             return uint32_t((uint64_t(a) * uint64_t(b)) >> 32); }},
        // RV32C (rd = rs1 = x8, rs2 = x9)
        {"c.nop", true, Imm::None, false, false, 0, [](int32_t) { return uint32_t(enc::c::nop()); },
         [](uint32_t, uint32_t, int32_t, uint32_t) { return 0u; }},
        {"c.addi", true, Imm::C6nz, true, false, 8,
         [](int32_t i) { return uint32_t(enc::c::addi(8, i)); },
         [](uint32_t a, uint32_t, int32_t i, uint32_t) { return a + uint32_t(i); }},
        {"c.lui", true, Imm::C6nz, false, false, 8,
         [](int32_t i) { return uint32_t(enc::c::lui(8, i)); },
         [](uint32_t, uint32_t, int32_t i, uint32_t) { return uint32_t(i) << 12; }},
        {"c.li", true, Imm::C6, false, false, 8, [](int32_t i) { return uint32_t(enc::c::li(8, i)); },
         [](uint32_t, uint32_t, int32_t i, uint32_t) { return uint32_t(i); }},
        {"c.srli", true, Imm::CSh, true, false, 8,
         [](int32_t i) { return uint32_t(enc::c::srli(8, uint32_t(i))); },
         [](uint32_t a, uint32_t, int32_t i, uint32_t) { return a >> i; }},
        {"c.srai", true, Imm::CSh, true, false, 8,
         [](int32_t i) { return uint32_t(enc::c::srai(8, uint32_t(i))); },
         [](uint32_t a, uint32_t, int32_t i, uint32_t) { return uint32_t(sx(a) >> i); }},
        {"c.andi", true, Imm::C6, true, false, 8,
         [](int32_t i) { return uint32_t(enc::c::andi(8, i)); },
         [](uint32_t a, uint32_t, int32_t i, uint32_t) { return a & uint32_t(i); }},
        {"c.sub", true, Imm::None, true, true, 8, [](int32_t) { return uint32_t(enc::c::sub(8, 9)); },
         [](uint32_t a, uint32_t b, int32_t, uint32_t) { return a - b; }},
        {"c.xor", true, Imm::None, true, true, 8, [](int32_t) { return uint32_t(enc::c::xor_(8, 9)); },
         [](uint32_t a, uint32_t b, int32_t, uint32_t) { return a ^ b; }},
        {"c.or", true, Imm::None, true, true, 8, [](int32_t) { return uint32_t(enc::c::or_(8, 9)); },
         [](uint32_t a, uint32_t b, int32_t, uint32_t) { return a | b; }},
        {"c.and", true, Imm::None, true, true, 8, [](int32_t) { return uint32_t(enc::c::and_(8, 9)); },
         [](uint32_t a, uint32_t b, int32_t, uint32_t) { return a & b; }},
        {"c.mv", true, Imm::None, false, true, 8, [](int32_t) { return uint32_t(enc::c::mv(8, 9)); },
         [](uint32_t, uint32_t b, int32_t, uint32_t) { return b; }},
        {"c.add", true, Imm::None, true, true, 8, [](int32_t) { return uint32_t(enc::c::add(8, 9)); },
         [](uint32_t a, uint32_t b, int32_t, uint32_t) { return a + b; }},
        {"c.slli", true, Imm::CSh, true, false, 8,
         [](int32_t i) { return uint32_t(enc::c::slli(8, uint32_t(i))); },
         [](uint32_t a, uint32_t, int32_t i, uint32_t) { return a << i; }},
    };
    return cases;
}

uint32_t ref_div(uint32_t a, uint32_t b, int32_t, uint32_t) {
    if (b == 0) return ~0u;
    if (a == 0x80000000u && b == ~0u) return a;
    return uint32_t(sx(a) / sx(b));
}
uint32_t ref_rem(uint32_t a, uint32_t b, int32_t, uint32_t) {
    if (b == 0) return a;
    if (a == 0x80000000u && b == ~0u) return 0;
    return uint32_t(sx(a) % sx(b));
}

const std::vector<InsnCase>& div_cases() {
    static const std::vector<InsnCase> cases = {
        {"div", false, Imm::None, true, true, 10, [](int32_t) { return enc::div(10, 8, 9); }, ref_div},
        {"divu", false, Imm::None, true, true, 10, [](int32_t) { return enc::divu(10, 8, 9); },
         [](uint32_t a, uint32_t b, int32_t, uint32_t) { return b ? a / b : ~0u; }},
        {"rem", false, Imm::None, true, true, 10, [](int32_t) { return enc::rem(10, 8, 9); }, ref_rem},
        {"remu", false, Imm::None, true, true, 10, [](int32_t) { return enc::remu(10, 8, 9); },
         [](uint32_t a, uint32_t b, int32_t, uint32_t) { return b ? a % b : a; }},
    };
    return cases;
}
// clang-format on

struct Operands {
    uint32_t a, b;
    int32_t imm;
};

// 0, 1, -1, INT_MIN, INT_MAX and every power of two.
std::vector<uint32_t> special_values() {
    std::vector<uint32_t> v = {0u, 1u, 0xFFFFFFFFu, 0x80000000u, 0x7FFFFFFFu, 0xFFFFFFFEu};
    for (unsigned i = 1; i < 31; ++i) v.push_back(1u << i);
    return v;
}

std::vector<int32_t> special_imms(Imm k) {
    std::vector<int32_t> v;
    switch (k) {
    case Imm::None: v = {0}; break;
    case Imm::I12:
        v = {0, 1, -1, -2, -2048, 2047};
        for (int i = 1; i < 11; ++i) v.push_back(1 << i);
        break;
    case Imm::Sh5:
        for (int i = 0; i < 32; ++i) v.push_back(i);
        break;
    case Imm::U20:
        v = {0, 1, 0xFFFFF, 0x80000, 0x7FFFF};
        for (int i = 1; i < 19; ++i) v.push_back(1 << i);
        break;
    case Imm::C6: v = {0, 1, -1, -32, 31, 2, 4, 8, 16}; break;
    case Imm::C6nz: v = {1, -1, -32, 31, 2, 4, 8, 16}; break;
    case Imm::CSh:
        for (int i = 1; i < 32; ++i) v.push_back(i);
        break;
    }
    return v;
}

int32_t random_imm(Imm k, std::mt19937& rng) {
    switch (k) {
    case Imm::None: return 0;
    case Imm::I12: return int32_t(rng() % 4096) - 2048;
    case Imm::Sh5: return int32_t(rng() % 32);
    case Imm::U20: return int32_t(rng() & 0xFFFFF);
    case Imm::C6: return int32_t(rng() % 64) - 32;
    case Imm::C6nz: {
        int32_t i = 0;
        while (i == 0) i = int32_t(rng() % 64) - 32;
        return i;
    }
    case Imm::CSh: return int32_t(1 + rng() % 31);
    }
    return 0;
}

// Half uniform, half of random magnitude (shifted right by 0..31, random sign), so small
// operands - where an early-out divider or multiplier would differ - are well represented.
uint32_t random_operand(std::mt19937& rng) {
    const uint32_t r = rng();
    if (rng() & 1u) return r;
    const uint32_t m = r >> (rng() % 32);
    return (rng() & 1u) ? 0u - m : m;
}

// Special values crossed with each other (or with the special immediates), then random pairs.
std::vector<Operands> operand_pairs(Imm k, unsigned n_random, uint32_t seed) {
    std::vector<Operands> ops;
    const auto sv = special_values();
    if (k == Imm::None) {
        for (uint32_t a : sv)
            for (uint32_t b : sv) ops.push_back({a, b, 0});
    } else {
        for (uint32_t a : sv)
            for (int32_t i : special_imms(k)) ops.push_back({a, a ^ 0x5555AAAAu, i});
    }
    std::mt19937 rng(seed);
    for (unsigned n = 0; n < n_random; ++n) {
        const uint32_t a = random_operand(rng);
        uint32_t b = random_operand(rng);
        if (rng() % 16 == 0) b = a;  // equal operands
        ops.push_back({a, b, random_imm(k, rng)});
    }
    return ops;
}

struct Measurement {
    std::map<uint64_t, size_t> latency, next, period;  // cycles -> how many executions
    size_t executions = 0;
    size_t bad_results = 0;
    std::string first_bad;

    bool constant() const {
        return latency.size() == 1 && next.size() == 1 && period.size() <= 1;
    }
    uint64_t lat() const { return latency.empty() ? 0 : latency.begin()->first; }
    std::string summary() const {
        std::ostringstream s;
        auto dump = [&s](const char* n, const std::map<uint64_t, size_t>& m) {
            s << n << " {";
            for (const auto& [c, k] : m) s << " " << c << "x" << k;
            s << " } ";
        };
        dump("latency", latency);
        dump("next", next);
        dump("period", period);
        s << "executions " << executions << " bad results " << bad_results;
        if (!first_bad.empty()) s << " (first: " << first_bad << ")";
        return s.str();
    }
};

void place(CoreHarness& h, const InsnCase& c, int32_t imm) {
    if (c.compressed)
        h.write16(kInsnPc, uint16_t(c.encode(imm)));
    else
        h.write32(kInsnPc, c.encode(imm));
}

// Runs `c` once per operand set in the measurement loop and collects the three distances.
// `before_each(i)` runs before execution i may start (used to set up operand-dependent
// wait states in the sanity test).
Measurement measure(CoreHarness& h, const InsnCase& c, const std::vector<Operands>& ops,
                    const std::function<void(size_t)>& before_each = nullptr) {
    Program p(0);
    p.i32(enc::lw(8, 0, int32_t(kOpA)));
    p.i32(enc::lw(9, 0, int32_t(kOpB)));
    p.i32(enc::nop());  // placeholder at kInsnPc
    const uint32_t jpc = p.pc();
    p.i32(enc::jal(0, -int32_t(jpc)));
    h.clear_memory();
    h.load(p);
    if (c.compressed) h.write16(kInsnPc + 2, enc::c::nop());
    h.write32(kOpA, ops[0].a);
    h.write32(kOpB, ops[0].b);
    place(h, c, ops[0].imm);
    if (before_each) before_each(0);

    Measurement m;
    size_t i = 0;
    uint64_t prev_cycle = 0, insn_cycle = 0, prev_insn_cycle = 0;
    bool have_prev = false, want_next = false;
    bool done = false;
    h.keep_records = false;
    h.keep_accesses = false;
    h.on_record = [&](const Record& r) {
        if (want_next) {
            m.next[r.cycle - insn_cycle]++;
            want_next = false;
            if (i == ops.size()) done = true;
        }
        if (r.pc == kInsnPc && !r.trap && !r.intr) {
            const Operands& o = ops[i];
            insn_cycle = r.cycle;
            m.latency[r.cycle - prev_cycle]++;
            if (have_prev) m.period[r.cycle - prev_insn_cycle]++;
            prev_insn_cycle = r.cycle;
            have_prev = true;
            want_next = true;
            ++m.executions;
            const uint32_t want = c.ref(o.a, o.b, o.imm, kInsnPc);
            bool ok = (!c.reads_rs1 || r.rs1_rdata == o.a) && (!c.reads_rs2 || r.rs2_rdata == o.b);
            ok = ok && r.rd == c.rd && (c.rd == 0 || r.rd_wdata == want);
            if (!ok) {
                if (m.bad_results++ == 0) {
                    std::ostringstream s;
                    s << c.name << " a=0x" << CoreHarness::hex(o.a) << " b=0x"
                      << CoreHarness::hex(o.b) << " imm=" << o.imm << " rs1=0x"
                      << CoreHarness::hex(r.rs1_rdata) << " rs2=0x"
                      << CoreHarness::hex(r.rs2_rdata) << " rd=x" << r.rd << " 0x"
                      << CoreHarness::hex(r.rd_wdata) << " want 0x" << CoreHarness::hex(want);
                    m.first_bad = s.str();
                }
            }
            ++i;
            if (i < ops.size()) {
                // The loop's jal has not redirected yet: the next lw/insn fetch sees these.
                h.write32(kOpA, ops[i].a);
                h.write32(kOpB, ops[i].b);
                place(h, c, ops[i].imm);
                if (before_each) before_each(i);
            }
        }
        prev_cycle = r.cycle;
    };
    h.reset();
    const uint64_t budget = 200 * ops.size() + 1000;
    h.run_until([&] { return done; }, budget);
    h.on_record = nullptr;
    h.keep_records = true;
    h.keep_accesses = true;
    return m;
}

void check_constant(CoreHarness& h, const InsnCase& c, uint64_t want_latency) {
    const auto ops = operand_pairs(c.imm, kRandomPairs, 0xC0FFEEu + uint32_t(c.name[0]));
    const Measurement m = measure(h, c, ops);
    INFO(c.name << ": " << ops.size() << " operand sets, " << m.summary());
    if (std::getenv("EPOXY_RTL_REPORT"))
        std::printf("%-8s %zu operand sets: %s\n", c.name, ops.size(), m.summary().c_str());
    CHECK(m.executions == ops.size());
    CHECK(ops.size() >= kRandomPairs);
    CHECK(m.bad_results == 0);
    CHECK(m.constant());
    CHECK(m.lat() == want_latency);
}

}  // namespace

// The latencies of the configuration under test (docs/core.md): this file is also built
// against the core in its small FPGA options (MulCycles 2, DivStepsPerCycle 1).
#ifndef EPOXY_TEST_MUL_CYCLES
#define EPOXY_TEST_MUL_CYCLES 1
#endif
#ifndef EPOXY_TEST_DIV_CYCLES
#define EPOXY_TEST_DIV_CYCLES 13
#endif
// Shifts go through the multiplier (ShiftViaMul) in the small options: MulCycles cycles.
#ifndef EPOXY_TEST_SHIFT_CYCLES
#define EPOXY_TEST_SHIFT_CYCLES 1
#endif

TEST_CASE("Zkt instructions take the same cycles for every operand", "[timing][zkt]") {
    CoreHarness h;
    for (const InsnCase& c : zkt_cases()) {
        SECTION(c.name) {
            // docs/core.md: 1 cycle in EX, multiplies MulCycles, shifts 1 (ShiftViaMul:
            // MulCycles)
            const std::string name(c.name);
            const bool mul = name.rfind("mul", 0) == 0;
            const bool shift = name.find("sll") != std::string::npos ||
                               name.find("srl") != std::string::npos ||
                               name.find("sra") != std::string::npos;
            check_constant(h, c, mul ? EPOXY_TEST_MUL_CYCLES
                                     : shift ? EPOXY_TEST_SHIFT_CYCLES : 1);
        }
    }
}

TEST_CASE("Division and remainder take the same cycles for every operand", "[timing][div]") {
    CoreHarness h;
    for (const InsnCase& c : div_cases()) {
        SECTION(c.name) {
            check_constant(h, c, EPOXY_TEST_DIV_CYCLES);  // docs/core.md: /0 and overflow included
        }
    }
}

TEST_CASE("Division corner cases: by zero and overflow, same cycles as ordinary operands",
          "[timing][div]") {
    CoreHarness h;
    std::vector<Operands> ops = {{7, 3, 0},          {0x80000000u, ~0u, 0}, {5, 0, 0},
                                 {0, 0, 0},          {~0u, 0, 0},           {0x80000000u, 1, 0},
                                 {0x7FFFFFFFu, 1, 0}, {1, 0x7FFFFFFFu, 0},   {0, 1, 0}};
    for (const InsnCase& c : div_cases()) {
        const Measurement m = measure(h, c, ops);
        INFO(c.name << ": " << m.summary());
        CHECK(m.bad_results == 0);
        CHECK(m.constant());
        CHECK(m.lat() == EPOXY_TEST_DIV_CYCLES);
    }
}

TEST_CASE("Sanity: the timing check detects an operand-dependent latency", "[timing][sanity]") {
    // A load whose grant is delayed by (operand & 3) wait states: the same measurement that
    // passes for the Zkt instructions must report several latencies here.
    CoreHarness h;
    const InsnCase load = {
        "lw (operand-dependent wait states)", false, Imm::None, false, false, 10,
        [](int32_t) { return enc::lw(10, 0, int32_t(kOpA)); },
        [](uint32_t a, uint32_t, int32_t, uint32_t) { return a; }};
    const auto ops = operand_pairs(Imm::None, 200, 7);
    unsigned wait = 0;
    h.data_wait_hook = [&wait](uint32_t addr, bool) { return addr == kOpA ? wait : 0u; };
    // The measured lw at kInsnPc is the loop's third access to kOpA... every access to kOpA
    // waits `wait` cycles; it changes with the operand about to be loaded.
    const Measurement m =
        measure(h, load, ops, [&](size_t i) { wait = ops[i].a & 3u; });
    INFO(m.summary());
    CHECK(m.bad_results == 0);
    CHECK_FALSE(m.constant());
    CHECK(m.latency.size() == 4);  // 2, 3, 4, 5 cycles

    // Without wait states the same load is constant (2 cycles: its x0-relative address is
    // formed in ID): the check is not biased.
    h.data_wait_hook = nullptr;
    const Measurement m0 = measure(h, load, ops);
    INFO(m0.summary());
    CHECK(m0.constant());
    CHECK(m0.lat() == 2);
}

namespace {

// Cycles from the record before a load/store to its own record, in a loop
// addi x5, x0, kOpA / <filler> / <access> / jal top: the filler either writes the access's
// base register x5 or not, the access is lw or sw, with x5 or x6 (= kOpA, set once) as base.
uint64_t access_latency(CoreHarness& h, bool store, bool base_written_before) {
    Program p(0);
    p.i32(enc::addi(6, 0, int32_t(kOpA)));
    const uint32_t top = p.pc();
    p.i32(enc::addi(5, 0, int32_t(kOpA)));
    p.i32(enc::addi(7, 7, 1));
    const uint32_t base = base_written_before ? 5 : 6;
    p.i32(base_written_before ? enc::addi(5, 5, 0) : enc::addi(8, 8, 1));
    const uint32_t at = p.pc();
    p.i32(store ? enc::sw(7, base, 0) : enc::lw(9, base, 0));
    const uint32_t back = p.pc();
    p.i32(enc::jal(0, int32_t(top) - int32_t(back)));
    h.clear_memory();
    h.load(p);
    h.reset();
    h.run(300);
    std::map<uint64_t, size_t> lat;
    for (size_t n = 1; n < h.records.size(); ++n)
        if (h.records[n].pc == at) lat[h.records[n].cycle - h.records[n - 1].cycle]++;
    INFO("store " << store << " base written before " << base_written_before);
    REQUIRE(lat.size() == 1);
    CHECK(lat.begin()->second >= 10);
    return lat.begin()->first;
}

}  // namespace

TEST_CASE("Loads and stores: 2 cycles, 3 when the previous instruction writes the base",
          "[timing][mem]") {
    // docs/core.md: the address is formed in ID from the register file's asynchronous port
    // unless the instruction in EX writes the base register; then in EX, one cycle later.
    CoreHarness h;
    for (bool store : {false, true}) {
        CHECK(access_latency(h, store, false) == 2);
        CHECK(access_latency(h, store, true) == 3);
    }
}
