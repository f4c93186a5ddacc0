// SPDX-License-Identifier: Apache-2.0
// Tests of the random instruction-stream generator: determinism, termination on the ISS,
// coverage over a fixed set of seeds, the program invariants the lockstep harness relies on
// (no execution outside the code, no stores into it, nondeterministic reads all listed), and
// the ELF writer against the ISS's own ELF loader.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <set>
#include <string>

#include "iss/compressed.h"
#include "iss/elf_loader.h"
#include "iss/machine.h"
#include "iss/riscv.h"
#include "rig/coverage.h"
#include "rig/layout.h"
#include "rig/rig.h"

namespace rig = epoxy::rig;
namespace iss = epoxy::iss;
namespace rv = epoxy::iss::rv;

namespace {

rig::RigConfig config(uint64_t seed, uint32_t insns) {
    rig::RigConfig c;
    c.seed = seed;
    c.insns = insns;
    return c;
}

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::string temp_path(const std::string& name) {
    return (std::string(std::getenv("TMPDIR") ? std::getenv("TMPDIR") : "/tmp")) + "/epoxy-rig-" +
           std::to_string(::getpid()) + "-" + name;
}

// Is this record a Zicsr read of a counter/timer/mip CSR (the values a core and the ISS
// legitimately disagree on)?
bool timing_csr_read(const iss::Retire& r) {
    if (r.insn_len != 4 || (r.insn & 0x7F) != 0x73 || ((r.insn >> 12) & 3) == 0) return false;
    const uint16_t a = uint16_t(r.insn >> 20);
    const uint16_t low = a & 0xF7F;
    return a == rv::kMip || low == 0xB00 || low == 0xB02 || low == 0xB03 || low == 0xB04 ||
           (low >= 0xC00 && low <= 0xC04);
}

// Run and check the invariants every generated program must keep.
rig::RunReport run_checked(const rig::RigProgram& p) {
    const uint32_t code_lo = p.symbols.at("rig_prologue");
    const uint32_t code_hi = p.symbols.at("rig_code_end");
    const std::set<uint32_t> nondet(p.nondeterministic_pcs.begin(), p.nondeterministic_pcs.end());
    uint64_t outside = 0, code_stores = 0, unlisted = 0;
    auto rep = rig::run_on_iss(p, [&](const iss::Retire& r) {
        // Every instruction that was fetched lies in the code (the straddling fetch at the
        // end of SRAM faults on its second half, so it never retires).
        if (r.kind == iss::StepKind::Retired && (r.pc < code_lo || r.pc >= code_hi)) ++outside;
        if (r.mem.valid && r.mem.write && r.mem.addr >= code_lo && r.mem.addr < code_hi)
            ++code_stores;
        if (r.kind == iss::StepKind::Retired && timing_csr_read(r) && !nondet.count(r.pc))
            ++unlisted;
        if (r.kind == iss::StepKind::Retired && r.mem.valid && !r.mem.write &&
            (r.mem.addr == EPOXY_TIMER_BASE + EPOXY_TIMER_MTIME ||
             r.mem.addr == EPOXY_TIMER_BASE + EPOXY_TIMER_MTIMEH) &&
            !nondet.count(r.pc))
            ++unlisted;
    });
    INFO("seed " << p.config.seed << ": " << rep.result.message);
    CHECK(outside == 0);
    CHECK(code_stores == 0);
    CHECK(unlisted == 0);
    return rep;
}

}  // namespace

TEST_CASE("the same seed gives the same bytes", "[rig]") {
    const auto a = rig::generate(config(42, 20000));
    const auto b = rig::generate(config(42, 20000));
    REQUIRE(a.segments.size() == b.segments.size());
    for (size_t i = 0; i < a.segments.size(); ++i) {
        CHECK(a.segments[i].addr == b.segments[i].addr);
        CHECK(a.segments[i].bytes == b.segments[i].bytes);
    }
    CHECK(a.nondeterministic_pcs == b.nondeterministic_pcs);
    CHECK(a.symbols == b.symbols);
    const std::string fa = temp_path("a.elf"), fb = temp_path("b.elf");
    rig::write_elf(a, fa);
    rig::write_elf(b, fb);
    CHECK(slurp(fa) == slurp(fb));
    CHECK(!slurp(fa).empty());
    std::remove(fa.c_str());
    std::remove(fb.c_str());
}

TEST_CASE("different seeds give different programs", "[rig]") {
    const auto a = rig::generate(config(1, 5000));
    const auto b = rig::generate(config(2, 5000));
    CHECK(a.segments[0].bytes != b.segments[0].bytes);
    CHECK(a.segments[1].bytes != b.segments[1].bytes);
}

TEST_CASE("20 seeds x 50k instructions exit 0 on the ISS with full coverage", "[rig]") {
    rig::Coverage total;
    uint64_t steps = 0;
    for (uint64_t seed = 1; seed <= 20; ++seed) {
        const auto p = rig::generate(config(seed, 50000));
        CHECK(p.body_insns >= 50000);
        const auto rep = run_checked(p);
        INFO("seed " << seed << " stopped: " << int(rep.result.reason) << " code "
                     << rep.result.exit_code << " after " << rep.result.steps << " steps "
                     << rep.result.message);
        REQUIRE(rep.ok());
        CHECK(rep.result.steps <= p.max_steps);
        steps += rep.result.steps;
        total.merge(rep.coverage);
    }
    INFO(total.report());
    CHECK(steps >= 1000000);
    CHECK(total.missing_insns().empty());
    CHECK(total.missing_compressed().empty());
    // Every synchronous cause the hart can raise with C enabled (0 cannot happen: every jump
    // target is even and jalr clears bit 0).
    for (uint32_t cause : {1u, 2u, 3u, 4u, 5u, 6u, 7u, 8u, 11u}) {
        INFO("trap cause " << cause);
        CHECK(total.traps.count(cause) == 1);
    }
    CHECK(total.traps.count(0) == 0);
    CHECK(total.interrupts.count(rv::kIrqMSoft) == 1);
    CHECK(total.interrupts.count(rv::kIrqMTimer) == 1);
    CHECK(total.u_steps > steps / 50);
    for (const char* mode : {"TOR", "NA4", "NAPOT"}) {
        INFO("PMP mode " << mode);
        CHECK(total.pmp_modes.count(mode) == 1);
    }
    CHECK(total.illegal32 > 0);
    CHECK(total.compressed.count("c.reserved") + total.compressed.count("c.illegal") > 0);
}

TEST_CASE("the ELF file gives the same run as the in-memory program", "[rig]") {
    const auto p = rig::generate(config(7, 20000));
    const std::string path = temp_path("rt.elf");
    rig::write_elf(p, path);

    iss::Machine direct;
    direct.set_console([](char) {});
    rig::load_into(p, direct);
    const auto a = direct.run(p.max_steps);

    iss::Machine loaded;
    loaded.set_console([](char) {});
    const auto image = iss::load_elf(path, loaded);
    CHECK(image.entry == p.entry);
    for (const auto& [name, value] : p.symbols) {
        INFO(name);
        REQUIRE(image.symbols.count(name) == 1);
        CHECK(image.symbols.at(name) == value);
    }
    loaded.hart().set_pc(image.entry);
    const auto b = loaded.run(p.max_steps);

    CHECK(a.reason == iss::StopReason::Exited);
    CHECK(a.exit_code == 0);
    CHECK(b.reason == a.reason);
    CHECK(b.exit_code == a.exit_code);
    CHECK(b.steps == a.steps);
    for (unsigned i = 0; i < 32; ++i) CHECK(loaded.hart().x(i) == direct.hart().x(i));
    CHECK(rig::read_nondeterministic_pcs(path) == p.nondeterministic_pcs);
    std::remove(path.c_str());
}

TEST_CASE("feature switches leave their features out and still terminate", "[rig]") {
    for (uint64_t seed = 100; seed < 104; ++seed) {
        auto c = config(seed, 10000);
        SECTION("no compressed") {
            c.compressed = false;
            const auto rep = run_checked(rig::generate(c));
            REQUIRE(rep.ok());
            CHECK(rep.coverage.compressed.empty());
        }
        SECTION("no U-mode") {
            c.umode = false;
            const auto rep = run_checked(rig::generate(c));
            REQUIRE(rep.ok());
            CHECK(rep.coverage.u_steps == 0);
        }
        SECTION("no interrupts") {
            c.interrupts = false;
            const auto rep = run_checked(rig::generate(c));
            REQUIRE(rep.ok());
            CHECK(rep.coverage.interrupts.empty());
        }
        SECTION("no misaligned") {
            c.misaligned = false;
            const auto rep = run_checked(rig::generate(c));
            REQUIRE(rep.ok());
            CHECK(rep.coverage.traps.count(rv::kLoadMisaligned) == 0);
            CHECK(rep.coverage.traps.count(rv::kStoreMisaligned) == 0);
        }
        SECTION("no traps, no PMP") {
            c.traps = false;
            c.pmp = false;
            const auto rep = run_checked(rig::generate(c));
            REQUIRE(rep.ok());
            CHECK(rep.coverage.illegal32 == 0);
            CHECK(rep.coverage.traps.count(rv::kBreakpoint) == 0);
            CHECK(rep.coverage.traps.count(rv::kInsnAccessFault) == 0);
        }
        SECTION("asynchronous timer interrupts") {
            c.async_interrupts = true;
            const auto rep = run_checked(rig::generate(c));
            REQUIRE(rep.ok());
        }
    }
}

TEST_CASE("impossible configurations are refused", "[rig]") {
    CHECK_THROWS_AS(rig::generate(config(1, rig::kMaxInsns + 1)), rig::RigError);
    auto c = config(1, 100);
    c.weights = rig::RigWeights{};
    c.weights = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    CHECK_THROWS_AS(rig::generate(c), rig::RigError);
    CHECK_NOTHROW(rig::generate(config(1, rig::kMaxInsns)));
}

TEST_CASE("the RVC names cover every compressed encoding", "[rig]") {
    std::set<std::string> seen;
    for (uint32_t c = 0; c < 0x10000; ++c) {
        if ((c & 3) == 3) continue;
        const std::string name = rig::compressed_name(uint16_t(c));
        seen.insert(name);
        // A reserved name exactly when the ISS refuses the parcel.
        const bool reserved = name == "c.reserved" || name == "c.illegal";
        INFO(std::hex << c << " " << name);
        CHECK(reserved == (epoxy::iss::expand_compressed(uint16_t(c)) == 0));
    }
    for (const auto& n : rig::compressed_names()) CHECK(seen.count(n) == 1);
}
