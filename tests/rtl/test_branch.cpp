// SPDX-License-Identifier: Apache-2.0
// Branch-balancing tests of the glue core: mepoxyctl.CTBRANCH (CSR 0x7C1 bit 0).
//
// A loop  lw x8, A / lw x9, B / <branch x8, x9 -> T> / F: li x11, 1; j JOIN / T: li x11, 2;
// j JOIN / JOIN: j top  runs each branch with random and special operands; the measured
// cost is the distance between the branch's RVFI record and the next record (the first
// instruction of the path taken). Layout variants cover every alignment case: the branch
// at a word or half-word address, 32-bit or compressed instructions at the fall-through and
// at the target, the target word- or half-word-aligned (a 32-bit target at a half-word
// address straddles two words). With CTBRANCH set, taken and not-taken must cost the same
// in every variant (and the same in all variants, as docs/core.md claims); with it clear
// the documented costs must hold: not taken 1, taken 2 (3 with FastBranch 0: the small
// options), +1 for a straddling target. Jumps are measured the same way against the
// documented rule (default options only).
#include <catch2/catch.hpp>

#include <cstdint>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "rv/encode.h"
#include "core_harness.h"

// Cycles from a taken branch's record to the next (word-aligned or compressed target); the
// small options' build overrides it.
#ifndef EPOXY_TEST_TAKEN_BRANCH_CYCLES
#define EPOXY_TEST_TAKEN_BRANCH_CYCLES 2
#endif
// The prefetch FIFO's depth (FetchDepth). With 2 words a 32-bit branch at a half-word address
// spans both, so a 32-bit fall-through behind it (the next two words) waits for the first to
// leave: not taken costs 3 there; and code at a half-word address runs slower than the same
// code word-aligned, so equal-shaped paths take equal time only when equally aligned.
#ifndef EPOXY_TEST_FETCH_DEPTH
#define EPOXY_TEST_FETCH_DEPTH 4
#endif

namespace {

using rtl::CoreHarness;
using rtl::Program;
using rtl::Record;

constexpr uint32_t kOpA = 0x700, kOpB = 0x704;
constexpr uint32_t kMepoxyctl = 0x7C1;

struct BranchKind {
    const char* name;
    bool compressed;
    uint32_t (*encode)(int32_t off);  // compares x8 with x9 (compressed: x8 with zero)
    bool (*taken)(uint32_t a, uint32_t b);
};

// clang-format off
const std::vector<BranchKind>& branch_kinds() {
    static const std::vector<BranchKind> k = {
        {"beq", false, [](int32_t o) { return enc::beq(8, 9, o); },
         [](uint32_t a, uint32_t b) { return a == b; }},
        {"bne", false, [](int32_t o) { return enc::bne(8, 9, o); },
         [](uint32_t a, uint32_t b) { return a != b; }},
        {"blt", false, [](int32_t o) { return enc::blt(8, 9, o); },
         [](uint32_t a, uint32_t b) { return int32_t(a) < int32_t(b); }},
        {"bge", false, [](int32_t o) { return enc::bge(8, 9, o); },
         [](uint32_t a, uint32_t b) { return int32_t(a) >= int32_t(b); }},
        {"bltu", false, [](int32_t o) { return enc::bltu(8, 9, o); },
         [](uint32_t a, uint32_t b) { return a < b; }},
        {"bgeu", false, [](int32_t o) { return enc::bgeu(8, 9, o); },
         [](uint32_t a, uint32_t b) { return a >= b; }},
        {"c.beqz", true, [](int32_t o) { return uint32_t(enc::c::beqz(8, o)); },
         [](uint32_t a, uint32_t) { return a == 0; }},
        {"c.bnez", true, [](int32_t o) { return uint32_t(enc::c::bnez(8, o)); },
         [](uint32_t a, uint32_t) { return a != 0; }},
    };
    return k;
}
// clang-format on

struct Layout {
    bool br_half;   // branch at pc = 2 mod 4
    bool ft_c;      // fall-through instruction compressed
    bool tgt_half;  // target at pc = 2 mod 4
    bool tgt_c;     // target instruction compressed
    std::string name() const {
        std::ostringstream s;
        s << "branch@" << (br_half ? "2" : "0") << " fallthrough=" << (ft_c ? "c" : "32")
          << " target@" << (tgt_half ? "2" : "0") << (tgt_c ? " c" : " 32");
        return s.str();
    }
};

struct Result {
    std::map<uint64_t, size_t> taken, not_taken;  // cost -> count
    std::map<uint64_t, size_t> period_taken, period_not_taken;
    size_t bad = 0;
    std::string summary() const {
        std::ostringstream s;
        auto dump = [&s](const char* n, const std::map<uint64_t, size_t>& m) {
            s << n << " {";
            for (const auto& [c, k] : m) s << " " << c << "x" << k;
            s << " } ";
        };
        dump("taken", taken);
        dump("not-taken", not_taken);
        dump("period-taken", period_taken);
        dump("period-not-taken", period_not_taken);
        s << "bad " << bad;
        return s.str();
    }
};

void emit(Program& p, bool compressed, uint32_t w) {
    if (compressed)
        p.c16(uint16_t(w));
    else
        p.i32(w);
}

using Pairs = std::vector<std::pair<uint32_t, uint32_t>>;

Result run_branch(CoreHarness& h, const BranchKind& k, const Layout& l, bool ct, const Pairs& ops) {
    Program p(0);
    p.i32(enc::csrrwi(0, kMepoxyctl, ct ? 1 : 0));
    const uint32_t top = p.pc();
    p.i32(enc::lw(8, 0, int32_t(kOpA)));
    p.i32(enc::lw(9, 0, int32_t(kOpB)));
    if (l.br_half) p.c16(enc::c::nop());
    const uint32_t br = p.pc();
    emit(p, k.compressed, k.compressed ? enc::c::nop() : enc::nop());
    const uint32_t ft = p.pc();
    emit(p, l.ft_c, l.ft_c ? enc::c::li(11, 1) : enc::addi(11, 0, 1));
    const uint32_t fj = p.i32(enc::nop());
    p.align();
    p.i32(enc::nop());
    p.align(l.tgt_half);
    const uint32_t tgt = p.pc();
    emit(p, l.tgt_c, l.tgt_c ? enc::c::li(11, 2) : enc::addi(11, 0, 2));
    const uint32_t tj = p.i32(enc::nop());
    p.align();
    const uint32_t join = p.i32(enc::nop());
    p.patch32(join, enc::jal(0, int32_t(top) - int32_t(join)));
    p.patch32(fj, enc::jal(0, int32_t(join) - int32_t(fj)));
    p.patch32(tj, enc::jal(0, int32_t(join) - int32_t(tj)));
    if (k.compressed)
        p.patch16(br, uint16_t(k.encode(int32_t(tgt - br))));
    else
        p.patch32(br, k.encode(int32_t(tgt - br)));

    h.clear_memory();
    h.load(p);
    h.write32(kOpA, ops[0].first);
    h.write32(kOpB, ops[0].second);

    Result res;
    size_t i = 0;
    uint64_t br_cycle = 0, prev_br = 0;
    bool want_next = false, done = false, prev_taken = false, have_prev = false;
    h.keep_records = false;
    h.keep_accesses = false;
    h.on_record = [&](const Record& r) {
        if (want_next) {
            want_next = false;
            const auto [a, b] = ops[i - 1];
            const bool taken = k.taken(a, b);
            const bool went = (r.pc == tgt);
            if (went != taken || (r.pc != tgt && r.pc != ft)) ++res.bad;
            (taken ? res.taken : res.not_taken)[r.cycle - br_cycle]++;
            if (i == ops.size()) done = true;
            prev_taken = taken;
        }
        if (r.pc == br && !r.trap && !r.intr) {
            const auto [a, b] = ops[i];
            if (r.rs1_rdata != a || (!k.compressed && r.rs2_rdata != b)) ++res.bad;
            if (have_prev)
                (prev_taken ? res.period_taken : res.period_not_taken)[r.cycle - prev_br]++;
            have_prev = true;
            prev_br = r.cycle;
            br_cycle = r.cycle;
            want_next = true;
            ++i;
            if (i < ops.size()) {
                h.write32(kOpA, ops[i].first);
                h.write32(kOpB, ops[i].second);
            }
        }
    };
    h.reset();
    h.run_until([&] { return done; }, 100 * ops.size() + 1000);
    h.on_record = nullptr;
    h.keep_records = true;
    h.keep_accesses = true;
    if (!done) ++res.bad;
    return res;
}

std::vector<uint32_t> specials() {
    std::vector<uint32_t> v = {0u, 1u, 0xFFFFFFFFu, 0x80000000u, 0x7FFFFFFFu};
    for (unsigned i = 1; i < 31; ++i) v.push_back(1u << i);
    return v;
}

Pairs branch_operands(unsigned n_random, bool with_specials, uint32_t seed) {
    Pairs ops;
    if (with_specials) {
        const auto sv = specials();
        for (uint32_t a : sv)
            for (uint32_t b : sv) ops.emplace_back(a, b);
    }
    std::mt19937 rng(seed);
    for (unsigned n = 0; n < n_random; ++n) {
        uint32_t a = rng(), b = rng();
        switch (rng() % 4) {
        case 0: b = a; break;  // equal (beq/bge/bgeu taken)
        case 1: a = 0; break;  // zero (c.beqz taken)
        default: break;
        }
        ops.emplace_back(a, b);
    }
    return ops;
}

std::vector<Layout> all_layouts() {
    std::vector<Layout> v;
    for (int m = 0; m < 16; ++m) v.push_back({bool(m & 1), bool(m & 2), bool(m & 4), bool(m & 8)});
    return v;
}

}  // namespace

TEST_CASE("Branch balancing on: taken and not-taken cost the same, every layout",
          "[timing][branch]") {
    CoreHarness h;
    for (const BranchKind& k : branch_kinds()) {
        SECTION(k.name) {
            std::set<uint64_t> costs;
            for (const Layout& l : all_layouts()) {
                const bool base = !l.br_half && !l.ft_c && !l.tgt_half && !l.tgt_c;
                // Base layout: all specials crossed plus 2,000 random pairs; others 200.
                const Pairs ops = branch_operands(base ? 2000 : 200, base, 0xB7A9u + 17u * l.br_half);
                const Result r = run_branch(h, k, l, true, ops);
                INFO(k.name << " " << l.name() << ": " << r.summary());
                CHECK(r.bad == 0);
                REQUIRE(r.taken.size() == 1);
                REQUIRE(r.not_taken.size() == 1);
                CHECK(r.taken.begin()->first == r.not_taken.begin()->first);
                costs.insert(r.taken.begin()->first);
                costs.insert(r.not_taken.begin()->first);
                // (a compressed branch puts the fall-through path at a half-word address)
                if (base && (EPOXY_TEST_FETCH_DEPTH >= 4 || !k.compressed)) {
                    // Same code shape on both paths here: the whole loop period is equal too.
                    REQUIRE(r.period_taken.size() == 1);
                    REQUIRE(r.period_not_taken.size() == 1);
                    CHECK(r.period_taken.begin()->first == r.period_not_taken.begin()->first);
                }
            }
            // docs/core.md: 4 cycles whatever the outcome and the alignment.
            CHECK(costs == std::set<uint64_t>{4});
        }
    }
}

TEST_CASE("Branch balancing off: documented taken and not-taken costs", "[timing][branch]") {
    CoreHarness h;
    for (const BranchKind& k : branch_kinds()) {
        SECTION(k.name) {
            for (const Layout& l : all_layouts()) {
                const Pairs ops = branch_operands(200, false, 0x5EEDu);
                const Result r = run_branch(h, k, l, false, ops);
                INFO(k.name << " " << l.name() << ": " << r.summary());
                CHECK(r.bad == 0);
                REQUIRE(r.taken.size() == 1);
                REQUIRE(r.not_taken.size() == 1);
                const bool straddle = l.tgt_half && !l.tgt_c;
                const bool ft_waits =
                    EPOXY_TEST_FETCH_DEPTH < 4 && l.br_half && !k.compressed && !l.ft_c;
                CHECK(r.not_taken.begin()->first == (ft_waits ? 3u : 1u));
                const uint64_t taken = EPOXY_TEST_TAKEN_BRANCH_CYCLES;
                CHECK(r.taken.begin()->first == (straddle ? taken + 1 : taken));
                // The unbalanced branch leaks its outcome: that is why the bit exists (where
                // the FIFO makes both 3 cycles, the loop period still differs).
                CHECK((r.taken.begin()->first != r.not_taken.begin()->first ||
                       r.period_taken != r.period_not_taken));
            }
        }
    }
}

namespace {

struct JumpKind {
    const char* name;
    bool compressed;
    bool via_reg;  // target in x5
    uint32_t (*encode)(int32_t off);
};

// clang-format off
const std::vector<JumpKind>& jump_kinds() {
    static const std::vector<JumpKind> k = {
        {"jal", false, false, [](int32_t o) { return enc::jal(1, o); }},
        {"jalr", false, true, [](int32_t) { return enc::jalr(1, 5, 0); }},
        {"c.j", true, false, [](int32_t o) { return uint32_t(enc::c::j(o)); }},
        {"c.jal", true, false, [](int32_t o) { return uint32_t(enc::c::jal(o)); }},
        {"c.jr", true, true, [](int32_t) { return uint32_t(enc::c::jr(5)); }},
        {"c.jalr", true, true, [](int32_t) { return uint32_t(enc::c::jalr(5)); }},
    };
    return k;
}
// clang-format on

// Cost of a jump: distance from its record to the target's record, over 20 executions.
// With dep, the instruction right before the jump writes x5 (the register target).
std::map<uint64_t, size_t> jump_cost(CoreHarness& h, const JumpKind& k, bool j_half, bool tgt_half,
                                     bool tgt_c, bool ct, bool dep = false) {
    Program p(0);
    p.i32(enc::csrrwi(0, kMepoxyctl, ct ? 1 : 0));
    const uint32_t x5_at = p.i32(enc::nop());
    const uint32_t top = p.pc();
    if (dep) {
        if (j_half) p.c16(enc::c::nop());
        p.i32(enc::addi(5, 5, 0));
    } else {
        p.i32(enc::addi(11, 11, 1));
        if (j_half) p.c16(enc::c::nop());
    }
    const uint32_t j = p.pc();
    emit(p, k.compressed, k.compressed ? enc::c::nop() : enc::nop());
    p.i32(enc::addi(12, 0, 1));  // skipped
    p.align();
    p.i32(enc::nop());
    p.align(tgt_half);
    const uint32_t tgt = p.pc();
    emit(p, tgt_c, tgt_c ? enc::c::li(11, 2) : enc::addi(13, 0, 2));
    const uint32_t back = p.i32(enc::nop());
    p.patch32(back, enc::jal(0, int32_t(top) - int32_t(back)));
    p.patch32(x5_at, enc::addi(5, 0, int32_t(tgt)));
    if (k.compressed)
        p.patch16(j, uint16_t(k.encode(int32_t(tgt - j))));
    else
        p.patch32(j, k.encode(int32_t(tgt - j)));
    h.clear_memory();
    h.load(p);
    h.reset();
    h.run(400);
    std::map<uint64_t, size_t> cost;
    for (size_t n = 1; n < h.records.size(); ++n)
        if (h.records[n - 1].pc == j && h.records[n].pc == tgt)
            cost[h.records[n].cycle - h.records[n - 1].cycle]++;
    return cost;
}

}  // namespace

TEST_CASE("Jumps: cost depends only on the target's alignment, as documented",
          "[timing][jump]") {
    CoreHarness h;
    for (const JumpKind& k : jump_kinds()) {
        for (int m = 0; m < 8; ++m) {
            const bool j_half = m & 1, tgt_half = m & 2, tgt_c = m & 4;
            for (bool ct : {false, true}) {
                const auto cost = jump_cost(h, k, j_half, tgt_half, tgt_c, ct);
                INFO(k.name << " jump@" << (j_half ? 2 : 0) << " target@" << (tgt_half ? 2 : 0)
                            << (tgt_c ? " c" : " 32") << " ctbranch=" << ct);
                REQUIRE(cost.size() == 1);
                CHECK(cost.begin()->second >= 10);
                // docs/core.md: 2 cycles (jalr, c.jr, c.jalr too: their target is formed
                // in ID from the register file's asynchronous port), +1 when the target is
                // a 32-bit instruction straddling two words; CTBRANCH does not change jumps.
                CHECK(cost.begin()->first == ((tgt_half && !tgt_c) ? 3u : 2u));
                if (!k.via_reg) continue;
                // When the previous instruction writes the register, the target is formed
                // in EX and checked by the PMP a cycle later: 3 cycles (+1 straddling).
                const auto dcost = jump_cost(h, k, j_half, tgt_half, tgt_c, ct, true);
                REQUIRE(dcost.size() == 1);
                CHECK(dcost.begin()->second >= 10);
                CHECK(dcost.begin()->first == ((tgt_half && !tgt_c) ? 4u : 3u));
            }
        }
    }
}
