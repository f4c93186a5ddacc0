// SPDX-License-Identifier: Apache-2.0
// Non-speculation tests of the glue core: an instruction that is skipped by control flow
// must leave no trace on the data bus, in the register file or in the CSRs.
//
// Each program places a "canary" block right after a skipping instruction: a load or store
// to a unique canary address, a csrrw of mscratch, and writes to x31. The skipping
// instruction is a taken branch (all six, c.beqz, c.bnez, with and without CTBRANCH), a jump
// (jal, jalr, c.j, c.jal, c.jr, c.jalr), a trap (ecall, ebreak, c.ebreak, illegal
// instruction, load/store access fault, misaligned load/store), mret, or an interrupt injected
// at every cycle offset of a window. The canary block sits in the prefetch FIFO when the
// skipper executes, and the skipper is preceded by a division and loads (its operands come
// straight from a load), so the core is busy and has fetched ahead. Checks: the data-port
// monitor never sees the canary address; no RVFI record of the canary block; x31 and
// mscratch read back unchanged; and every data-port request matches, in order, an access
// the RVFI trace reports as architecturally performed. Control runs with the skipper
// replaced by a nop (or a not-taken branch) show the monitor does see the canary access.
#include <catch2/catch.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <stdexcept>
#include <sstream>
#include <string>
#include <vector>

#include "rv/encode.h"
#include "core_harness.h"

namespace {

using rtl::CoreHarness;
using rtl::Program;
using rtl::Record;

constexpr uint32_t kCanary = 0x7F0;     // unique word: only the canary block touches it
constexpr uint32_t kOpA = 0x700, kOpB = 0x704, kTarget = 0x708;
constexpr uint32_t kDone = 0x300;       // join point
constexpr uint32_t kHandler = 0x400;    // mtvec (direct)
constexpr uint32_t kSentinelX31 = 0x5A5A5000;
constexpr uint32_t kSentinelScratch = 0xC0DE0000;
constexpr uint32_t kBadAddr = 0x20000;  // outside memory: bus error
constexpr uint32_t kMscratch = 0x340, kMepoxyctl = 0x7C1;

struct Built {
    uint32_t skipper = 0, canary_begin = 0, canary_end = 0, end = 0;
};

// The prologue sets sentinels, mtvec, MPP = M, CTBRANCH; `pre` adds scenario set-up; then
// a division and three loads keep EX busy, x8/x9/x6 come from memory; then the skipper
// (`skip` emits it), the canary block, and c.nop padding up to kDone.
Built build(CoreHarness& h, bool store_canary, bool ct, uint32_t a, uint32_t b,
            const std::function<void(Program&)>& pre, const std::function<void(Program&)>& skip) {
    Program p(0);
    p.i32(enc::lui(31, kSentinelX31 >> 12));
    p.i32(enc::lui(28, kSentinelScratch >> 12));
    p.i32(enc::csrw(kMscratch, 28));
    p.i32(enc::addi(5, 0, int32_t(kHandler)));
    p.i32(enc::csrw(0x305, 5));                // mtvec
    p.i32(enc::lui(15, 2));
    p.i32(enc::addi(15, 15, -2048));           // 0x1800: MPP = M
    p.i32(enc::csrrs(0, 0x300, 15));
    p.i32(enc::addi(30, 0, 0x77));
    p.i32(enc::csrrwi(0, kMepoxyctl, ct ? 1 : 0));
    p.i32(enc::lui(7, kBadAddr >> 12));
    p.i32(enc::addi(13, 0, 1000));
    p.i32(enc::addi(14, 0, 7));
    if (pre) pre(p);
    p.i32(enc::div(12, 13, 14));
    p.i32(enc::lw(8, 0, int32_t(kOpA)));
    p.i32(enc::lw(9, 0, int32_t(kOpB)));
    p.i32(enc::lw(6, 0, int32_t(kTarget)));
    Built r;
    r.skipper = p.pc();
    skip(p);
    r.canary_begin = p.pc();
    if (store_canary)
        p.i32(enc::sw(30, 0, int32_t(kCanary)));
    else
        p.i32(enc::lw(31, 0, int32_t(kCanary)));
    p.i32(enc::csrrw(31, kMscratch, 30));
    p.c16(enc::c::li(31, 1));
    p.i32(enc::addi(31, 0, 2));
    r.canary_end = p.pc();
    if (p.pc() > kDone) throw std::runtime_error("test_nonspec: program overlaps kDone");
    while (p.pc() < kDone) p.c16(enc::c::nop());
    p.i32(enc::csrr(1, kMscratch));             // kDone
    p.i32(enc::add(2, 31, 0));                  // kDone + 4
    r.end = p.i32(enc::jal(0, 0));
    while (p.pc() < kHandler) p.c16(enc::c::nop());
    p.i32(enc::jal(0, int32_t(kDone) - int32_t(kHandler)));
    h.clear_memory();
    h.load(p);
    h.write32(kOpA, a);
    h.write32(kOpB, b);
    h.write32(kTarget, kDone);
    h.write32(kCanary, 0xCAFEF00D);
    return r;
}

// Every data-port request must be an access the trace reports as performed: a load or store
// record with a memory mask, or a load/store access fault on a bus error, in the same order.
void check_accesses_architectural(const CoreHarness& h) {
    std::vector<uint32_t> arch;
    for (const Record& r : h.records) {
        if (r.mem_rmask || r.mem_wmask) arch.push_back(r.mem_addr & ~3u);
        const bool access_fault = r.trap && (r.mcause() == 5 || r.mcause() == 7);
        if (access_fault && r.csr_wdata[3] >= CoreHarness::kMemBytes)
            arch.push_back(r.csr_wdata[3] & ~3u);
    }
    std::vector<uint32_t> bus;
    for (const auto& a : h.accesses) bus.push_back(a.addr);
    CHECK(bus == arch);
}

struct Outcome {
    bool canary_bus = false, canary_record = false, x31_written = false, scratch_written = false;
    bool reached_done = false;
    uint32_t x31_readback = 0, scratch_readback = 0;
    std::string describe() const {
        std::ostringstream s;
        s << "canary on bus " << canary_bus << ", canary record " << canary_record
          << ", x31 written " << x31_written << ", mscratch written " << scratch_written
          << ", reached done " << reached_done << ", x31 0x" << CoreHarness::hex(x31_readback)
          << ", mscratch 0x" << CoreHarness::hex(scratch_readback);
        return s.str();
    }
};

Outcome run(CoreHarness& h, const Built& b, uint64_t max_cycles = 2000) {
    Outcome o;
    bool at_end = false;
    h.run_until([&] { return at_end = (h.last.pc == b.end); }, max_cycles);
    h.run(4);
    for (const auto& a : h.accesses)
        if (a.addr == kCanary) o.canary_bus = true;
    bool setup = true;
    for (const Record& r : h.records) {
        if (r.pc >= b.canary_begin && r.pc < b.canary_end && !r.intr) o.canary_record = true;
        if (r.pc >= b.skipper) setup = false;
        if (!setup && r.rd == 31) o.x31_written = true;
        if (!setup && r.writes_csr(kMscratch)) o.scratch_written = true;
        if (r.pc == kDone && !r.trap && !r.intr) {
            o.reached_done = true;
            o.scratch_readback = r.rd_wdata;
        }
        if (r.pc == kDone + 4 && !r.trap && !r.intr) o.x31_readback = r.rs1_rdata;
    }
    o.reached_done = o.reached_done && at_end;
    check_accesses_architectural(h);
    return o;
}

void require_skipped(const Outcome& o) {
    INFO(o.describe());
    CHECK(o.reached_done);
    CHECK_FALSE(o.canary_bus);
    CHECK_FALSE(o.canary_record);
    CHECK_FALSE(o.x31_written);
    CHECK_FALSE(o.scratch_written);
    CHECK(o.x31_readback == kSentinelX31);
    CHECK(o.scratch_readback == kSentinelScratch);
}

void require_executed(const Outcome& o) {
    INFO(o.describe());
    CHECK(o.reached_done);
    CHECK(o.canary_bus);
    CHECK(o.canary_record);
    CHECK(o.x31_written);
    CHECK(o.scratch_written);
    CHECK(o.x31_readback == 2);
    CHECK(o.scratch_readback == 0x77);
}

struct Skipper {
    const char* name;
    uint32_t a, b;  // x8, x9 (from memory)
    std::function<void(Program&)> pre;
    std::function<void(Program&, uint32_t self)> emit;  // self: the skipper's pc
};

int32_t to_done(uint32_t self) {
    return int32_t(kDone) - int32_t(self);
}

std::vector<Skipper> taken_branches() {
    return {
        {"beq", 5, 5, nullptr, [](Program& p, uint32_t s) { p.i32(enc::beq(8, 9, to_done(s))); }},
        {"bne", 5, 6, nullptr, [](Program& p, uint32_t s) { p.i32(enc::bne(8, 9, to_done(s))); }},
        {"blt", ~0u, 1, nullptr, [](Program& p, uint32_t s) { p.i32(enc::blt(8, 9, to_done(s))); }},
        {"bge", 1, ~0u, nullptr, [](Program& p, uint32_t s) { p.i32(enc::bge(8, 9, to_done(s))); }},
        {"bltu", 1, ~0u, nullptr, [](Program& p, uint32_t s) { p.i32(enc::bltu(8, 9, to_done(s))); }},
        {"bgeu", ~0u, 1, nullptr, [](Program& p, uint32_t s) { p.i32(enc::bgeu(8, 9, to_done(s))); }},
        {"c.beqz", 0, 0, nullptr,
         [](Program& p, uint32_t s) { p.c16(enc::c::beqz(8, to_done(s))); }},
        {"c.bnez", 3, 0, nullptr,
         [](Program& p, uint32_t s) { p.c16(enc::c::bnez(8, to_done(s))); }},
    };
}

// The same branches with operands that make them fall through (the control runs).
std::vector<Skipper> not_taken_branches() {
    auto v = taken_branches();
    const uint32_t na[] = {5, 5, 1, ~0u, ~0u, 1, 3, 0};
    const uint32_t nb[] = {6, 5, ~0u, 1, 1, ~0u, 0, 0};
    for (size_t i = 0; i < v.size(); ++i) {
        v[i].a = na[i];
        v[i].b = nb[i];
    }
    return v;
}

std::vector<Skipper> other_skippers() {
    return {
        {"jal", 0, 0, nullptr, [](Program& p, uint32_t s) { p.i32(enc::jal(1, to_done(s))); }},
        {"jalr", 0, 0, nullptr, [](Program& p, uint32_t) { p.i32(enc::jalr(0, 6, 0)); }},
        {"c.j", 0, 0, nullptr, [](Program& p, uint32_t s) { p.c16(enc::c::j(to_done(s))); }},
        {"c.jal", 0, 0, nullptr, [](Program& p, uint32_t s) { p.c16(enc::c::jal(to_done(s))); }},
        {"c.jr", 0, 0, nullptr, [](Program& p, uint32_t) { p.c16(enc::c::jr(6)); }},
        {"c.jalr", 0, 0, nullptr, [](Program& p, uint32_t) { p.c16(enc::c::jalr(6)); }},
        {"ecall", 0, 0, nullptr, [](Program& p, uint32_t) { p.i32(enc::ecall()); }},
        {"ebreak", 0, 0, nullptr, [](Program& p, uint32_t) { p.i32(enc::ebreak()); }},
        {"c.ebreak", 0, 0, nullptr, [](Program& p, uint32_t) { p.c16(enc::c::ebreak()); }},
        {"illegal (all zeros)", 0, 0, nullptr, [](Program& p, uint32_t) { p.i32(0); }},
        {"illegal CSR 0x7C0", 0, 0, nullptr,
         [](Program& p, uint32_t) { p.i32(enc::csrr(5, 0x7C0)); }},
        {"load access fault", 0, 0, nullptr, [](Program& p, uint32_t) { p.i32(enc::lw(5, 7, 0)); }},
        {"store access fault", 0, 0, nullptr,
         [](Program& p, uint32_t) { p.i32(enc::sw(30, 7, 0)); }},
        // The faulting access's address formed in EX (the instruction before writes its base)
        // instead of in ID, and a faulting access followed at once by a register write.
        {"load access fault, base just written", 0, 0, nullptr,
         [](Program& p, uint32_t) {
             p.i32(enc::addi(7, 7, 0));
             p.i32(enc::lw(5, 7, 0));
         }},
        {"store access fault, base just written", 0, 0, nullptr,
         [](Program& p, uint32_t) {
             p.i32(enc::addi(7, 7, 0));
             p.i32(enc::sw(30, 7, 0));
         }},
        {"load access fault, then a write of x31", 0, 0, nullptr,
         [](Program& p, uint32_t) {
             p.i32(enc::lw(5, 7, 0));
             p.i32(enc::addi(31, 0, 3));
         }},
        {"store access fault, then a write of x31", 0, 0, nullptr,
         [](Program& p, uint32_t) {
             p.i32(enc::sw(30, 7, 0));
             p.c16(enc::c::li(31, 3));
         }},
        // Register targets formed in ID (x17 set long before) as well as in EX (x6 above).
        {"jalr, early target", 0, 0,
         [](Program& p) { p.i32(enc::addi(17, 0, int32_t(kDone))); },
         [](Program& p, uint32_t) { p.i32(enc::jalr(0, 17, 0)); }},
        {"c.jr, early target", 0, 0,
         [](Program& p) { p.i32(enc::addi(17, 0, int32_t(kDone))); },
         [](Program& p, uint32_t) { p.c16(enc::c::jr(17)); }},
        {"misaligned lw", 0, 0, nullptr, [](Program& p, uint32_t) { p.i32(enc::lw(5, 0, 0x701)); }},
        {"misaligned lh", 0, 0, nullptr, [](Program& p, uint32_t) { p.i32(enc::lh(5, 0, 0x703)); }},
        {"misaligned sw", 0, 0, nullptr, [](Program& p, uint32_t) { p.i32(enc::sw(30, 0, 0x702)); }},
        {"mret", 0, 0,
         [](Program& p) {
             p.i32(enc::addi(16, 0, int32_t(kDone)));
             p.i32(enc::csrw(0x341, 16));  // mepc = kDone
         },
         [](Program& p, uint32_t) { p.i32(enc::mret()); }},
    };
}

void run_skipper(CoreHarness& h, const Skipper& s, bool store, bool ct, bool expect_skip) {
    uint32_t self = 0;
    const Built b = build(h, store, ct, s.a, s.b, s.pre, [&](Program& p) {
        self = p.pc();
        s.emit(p, self);
    });
    h.reset();
    const Outcome o = run(h, b);
    INFO(s.name << (store ? " / store canary" : " / load canary") << " ctbranch=" << ct);
    if (expect_skip)
        require_skipped(o);
    else
        require_executed(o);
}

}  // namespace

TEST_CASE("Taken branches skip a load or store: no bus request, register or CSR write",
          "[nonspec][branch]") {
    CoreHarness h;
    for (const Skipper& s : taken_branches())
        for (bool store : {false, true})
            for (bool ct : {false, true}) run_skipper(h, s, store, ct, true);
}

TEST_CASE("Jumps, traps and mret skip a load or store: no bus request, register or CSR write",
          "[nonspec][trap]") {
    CoreHarness h;
    for (const Skipper& s : other_skippers())
        for (bool store : {false, true}) run_skipper(h, s, store, false, true);
}

TEST_CASE("Sanity: the monitor sees the canary access when nothing skips it",
          "[nonspec][sanity]") {
    CoreHarness h;
    const Skipper nop = {"nop", 0, 0, nullptr, [](Program& p, uint32_t) { p.i32(enc::nop()); }};
    for (bool store : {false, true}) {
        run_skipper(h, nop, store, false, false);
        for (const Skipper& s : not_taken_branches())
            for (bool ct : {false, true}) run_skipper(h, s, store, ct, false);
    }
}

TEST_CASE("Interrupts at every cycle offset never let a skipped access reach the bus",
          "[nonspec][interrupt]") {
    CoreHarness h;
    for (bool store : {false, true}) {
        // mie.MTIE and mstatus.MIE on; the handler jumps to kDone and never returns.
        const auto pre = [](Program& p) {
            p.i32(enc::addi(15, 0, 128));
            p.i32(enc::csrrs(0, 0x304, 15));
            p.i32(enc::csrrsi(0, 0x300, 8));
        };
        const Built b = build(h, store, false, 0, 0, pre, [](Program& p) { p.i32(enc::nop()); });
        // Find when the canary access happens without an interrupt, then sweep from the
        // start of the program to a few cycles past it.
        h.reset();
        const Outcome plain = run(h, b);
        require_executed(plain);
        uint64_t canary_cycle = 0;
        for (const auto& a : h.accesses)
            if (a.addr == kCanary) canary_cycle = a.cycle;
        REQUIRE(canary_cycle > 0);

        unsigned skipped = 0, executed = 0, right_before = 0;
        for (uint64_t k = 0; k <= canary_cycle + 8; ++k) {
            h.reset();
            h.run(k);
            h.irq_timer = true;
            const Outcome o = run(h, b);
            uint32_t intr_pc = 0;
            for (const Record& r : h.records)
                if (r.intr && intr_pc == 0) intr_pc = r.pc;
            INFO("store " << store << " irq at cycle " << k << ", interrupt before pc 0x"
                          << CoreHarness::hex(intr_pc) << ": " << o.describe());
            CHECK(o.reached_done);
            // The interrupt is taken between instructions; the canary access happens iff the
            // canary instruction retired, i.e. iff the interrupt came after it.
            CHECK(o.canary_bus == o.canary_record);
            if (intr_pc != 0 && intr_pc <= b.canary_begin) {
                ++skipped;
                if (intr_pc == b.canary_begin) ++right_before;
                CHECK_FALSE(o.canary_bus);
                CHECK_FALSE(o.x31_written);
                CHECK_FALSE(o.scratch_written);
                CHECK(o.x31_readback == kSentinelX31);
                CHECK(o.scratch_readback == kSentinelScratch);
            } else {
                ++executed;
            }
        }
        // The sweep covered both sides, including an interrupt right before the canary.
        CHECK(skipped > 10);
        CHECK(executed > 0);
        CHECK(right_before > 0);
        if (std::getenv("EPOXY_RTL_REPORT"))
            std::printf("interrupt sweep (%s canary): %llu offsets, %u skipped, %u executed\n",
                        store ? "store" : "load", (unsigned long long)(canary_cycle + 9), skipped,
                        executed);
    }
}

TEST_CASE("Early addresses: a load, store or jalr whose base the previous instruction writes "
          "uses the new value", "[nonspec][hazard]") {
    // Each access's base register is written by the instruction right before it (a load, an
    // ALU op, a division), so its address must come from EX, not from the register file's
    // asynchronous port in ID; the others use the early address. Checked with 0 and 2 data
    // wait states.
    constexpr uint32_t kP = 0x710, kQ = 0x714, kA = 0x720, kB = 0x724, kDiv = 0xA00;
    constexpr uint32_t kJ = 0x200;
    for (unsigned ws : {0u, 2u}) {
        CoreHarness h;
        h.data_wait_hook = [ws](uint32_t, bool) { return ws; };
        Program p(0);
        p.i32(enc::lw(10, 0, int32_t(kP)));                 // x10 = kA
        const uint32_t l1 = p.i32(enc::lw(11, 10, 0));      // base from a load
        p.i32(enc::addi(12, 0, int32_t(kB)));
        const uint32_t l2 = p.i32(enc::lw(13, 12, 0));      // base from an ALU op
        p.i32(enc::addi(20, 0, 0x500));
        p.i32(enc::addi(21, 0, 2));
        p.i32(enc::slli(20, 20, 2));                        // 0x1400
        p.i32(enc::div(16, 20, 21));                        // x16 = 0xA00
        const uint32_t s1 = p.i32(enc::sw(13, 16, 0));      // base from a division
        const uint32_t l3 = p.i32(enc::lw(18, 16, 0));      // early address
        p.i32(enc::addi(16, 16, 4));
        const uint32_t s2 = p.i32(enc::sw(11, 16, 0));      // base from an ALU op, early data
        p.i32(enc::lw(19, 0, int32_t(kQ)));                 // x19 = kJ
        const uint32_t j1 = p.i32(enc::jalr(1, 19, 0));     // target from a load
        while (p.pc() < kJ) p.i32(enc::addi(31, 0, 1));     // skipped
        p.i32(enc::addi(22, 0, int32_t(kJ) + 12));          // kJ
        const uint32_t j2 = p.i32(enc::jalr(0, 22, 0));     // target from an ALU op
        p.i32(enc::addi(31, 0, 1));                         // skipped
        const uint32_t end = p.i32(enc::jal(0, 0));         // kJ + 12
        h.clear_memory();
        h.load(p);
        h.write32(kP, kA);
        h.write32(kQ, kJ);
        h.write32(kA, 0x11111111);
        h.write32(kB, 0x22222222);
        h.reset();
        h.run_to_pc(end, 2000);
        INFO("wait states " << ws);
        auto rec = [&](uint32_t pc) {
            for (const Record& r : h.records)
                if (r.pc == pc) return r;
            FAIL("no record at 0x" << CoreHarness::hex(pc));
            return Record{};
        };
        CHECK(rec(l1).mem_addr == kA);
        CHECK(rec(l1).rd_wdata == 0x11111111u);
        CHECK(rec(l2).mem_addr == kB);
        CHECK(rec(l2).rd_wdata == 0x22222222u);
        CHECK(rec(s1).mem_addr == kDiv);
        CHECK(rec(l3).rd_wdata == 0x22222222u);
        CHECK(rec(s2).mem_addr == kDiv + 4);
        CHECK(h.read32(kDiv) == 0x22222222u);
        CHECK(h.read32(kDiv + 4) == 0x11111111u);
        CHECK(rec(j1).pc_next == kJ);
        CHECK(rec(j1).rd_wdata == j1 + 4);
        CHECK(rec(j2).pc_next == kJ + 12);
        for (const Record& r : h.records) CHECK_FALSE((r.rd == 31 || r.trap));
        check_accesses_architectural(h);
    }
}
