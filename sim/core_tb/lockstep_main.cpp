// SPDX-License-Identifier: Apache-2.0
// epoxy-lockstep: run a program on the Verilated glue core and on the reference ISS side
// by side and compare them retirement by retirement over RVFI (docs/lockstep.md).
//
// The program is an ELF file, or (with --rig-seed) a random instruction stream made in
// memory by the project's generator (sw/rig). The core runs with seeded random OBI wait
// states (and, with --random-irqs / --irq-external / --irq-accel, external and accelerator
// interrupt lines raised at random cycles and held until the program acknowledges them);
// every RVFI record is compared with the ISS's next non-Sleeping Retire.
// Exit status: 0 when the program exited and every record matched (whatever the
// firmware's own exit code, which is printed); 1 on a mismatch, with a report; 2 for bad
// input; 124 when --max-cycles is reached. Errors: one line "epoxy-lockstep: <what>: <problem>".
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <cinttypes>
#include <cstdio>
#include <memory>
#include <string>

#include "Vepoxy_core.h"
#include "core_driver.h"
#include "epoxy/memory_map.h"
#include "iss/commit_log.h"
#include "iss/elf_loader.h"
#include "iss/machine.h"
#include "lockstep_checker.h"
#include "platform.h"
#include "tb_cli.h"
#include "verilated.h"
#ifdef EPOXY_HAVE_RIG
#include "rig/rig.h"
#endif

using namespace epoxy;

namespace {

constexpr int kExitMismatch = 1;

struct Options {
    std::string elf_path, commit_path, uart_in_path;
    uint64_t max_cycles = 0, seed = 1, inject = 0;
    bool inject_set = false;
    uint64_t rig_seed = 0, rig_total = 0;
    bool rig = false;
    uint32_t rig_insns = 10000;
    unsigned wait_states = 0, history = 8;
    bool quiet = false;
    double irq_external = 0, irq_accel = 0;  // per-cycle probability of raising a line
};

// "msi=N mti=N mei=N accel0=N ..." for the interrupts taken, by cause.
std::string irq_counts(const coretb::LockstepStats& s) {
    std::string out = fmt::format("msi={} mti={} mei={}", s.interrupts_by_cause[3],
                                  s.interrupts_by_cause[7], s.interrupts_by_cause[11]);
    for (unsigned i = 0; i < coretb::kCoreAccelIrqs; ++i)
        out += fmt::format(" accel{}={}", i, s.interrupts_by_cause[16 + i]);
    return out;
}

struct Outcome {
    int status = 0;  // 0 matched to the exit, else the exit status
    coretb::LockstepStats stats;
    uint64_t cycles = 0;
    uint32_t exit_code = 0;
};

// One program, core and ISS from reset to the firmware's exit (or a mismatch).
Outcome run_one(const Options& o, uint64_t rig_seed, uint64_t wait_seed) {
    auto machine = std::make_unique<iss::Machine>();
    // The core's custom mepoxyctl (0x7C1, bit 0 CTBRANCH) changes only timing: to the ISS
    // it is a plain one-bit register (docs/lockstep.md).
    machine->hart().add_custom_csr(coretb::kCsrMepoxyctl, coretb::kMepoxyctlWritable);
    // The core's accelerator interrupt lines are the ISS's local lines (mip/mie 16..).
    machine->hart().set_local_irq_count(coretb::kCoreAccelIrqs);
    coretb::LockstepChecker checker(*machine);
    checker.set_history(o.history);
    uint32_t entry = 0;
    std::string program;
#ifdef EPOXY_HAVE_RIG
    if (o.rig) {
        rig::RigConfig config;
        config.seed = rig_seed;
        config.insns = o.rig_insns;
        // Timer interrupts at timing-dependent points: the checker injects them where the
        // core takes them.
        config.async_interrupts = true;
        // MEI and the accelerator lines, through the sim interrupt source.
        config.external_irqs = true;
        config.local_irqs = coretb::kCoreAccelIrqs;
        rig::RigProgram prog;
        try {
            prog = rig::generate(config);
        } catch (const rig::RigError& e) {
            coretb::fail("--rig-seed", e.what());
        }
        for (const auto& seg : prog.segments)
            if (!machine->load(seg.addr, seg.bytes.data(), uint32_t(seg.bytes.size())))
                coretb::fail("--rig-seed",
                             fmt::format("segment at 0x{:08x} lies outside memory", seg.addr));
        checker.add_nondeterministic_pcs(prog.nondeterministic_pcs);
        entry = prog.entry;
        program = fmt::format("rig seed {} insns {}", rig_seed, o.rig_insns);
    } else
#endif
    {
        (void)rig_seed;
        try {
            entry = iss::load_elf(o.elf_path, *machine).entry;
        } catch (const iss::ElfError& e) {
            coretb::fail(o.elf_path, e.what());
        }
        program = o.elf_path;
    }
    machine->hart().set_pc(entry);
    machine->set_console([](char) {});  // the core's output is the one shown

    auto platform = std::make_unique<coretb::Platform>(*machine);
    if (o.quiet) platform->set_console([](char) {});
    if (o.irq_external > 0 || o.irq_accel > 0)
        platform->set_random_irqs(o.irq_external, o.irq_accel, coretb::kCoreAccelIrqs, wait_seed);
    if (!o.uart_in_path.empty()) {
        const std::string bytes = coretb::read_file(o.uart_in_path);
        platform->push_uart_input(bytes);
        machine->push_uart_input(bytes);
    }
    if (o.inject_set) checker.inject_fault(o.inject);
    coretb::FilePtr commit_log = coretb::open_output(o.commit_path);

    const auto context = std::make_unique<VerilatedContext>();
    coretb::CoreDriver driver(*context, *platform, {o.wait_states, wait_seed});
    driver.reset(entry);

    Outcome out;
    iss::Retire r;
    std::string report;
    while (!machine->exited()) {
        if (o.max_cycles && driver.cycles() >= o.max_cycles) {
            std::fflush(stdout);
            std::fprintf(stderr,
                         "epoxy-lockstep: %s: stopped after %" PRIu64
                         " cycles (--max-cycles), "
                         "%" PRIu64 " retirements matched\n",
                         program.c_str(), driver.cycles(), checker.stats().compared);
            out.status = coretb::kExitCycleLimit;
            break;
        }
        if (!driver.step_cycle(r)) continue;
        if (commit_log) {
            const std::string line = iss::format_commit(r);
            std::fwrite(line.data(), 1, line.size(), commit_log.get());
        }
        if (!checker.check(r, report)) {
            std::fflush(stdout);
            std::fprintf(stderr,
                         "epoxy-lockstep: %s: MISMATCH (wait states %u, seed %" PRIu64
                         ", cycle %" PRIu64 ")\n%s",
                         program.c_str(), o.wait_states, wait_seed, driver.cycles(),
                         report.c_str());
            out.status = kExitMismatch;
            break;
        }
    }
    driver.finish();
    std::fflush(stdout);
    out.stats = checker.stats();
    out.cycles = driver.cycles();
    out.exit_code = machine->exit_code();
    if (out.status == 0) {
        const auto& s = out.stats;
        // The EXIT store matched, so both models exited with the same value.
        std::printf("epoxy-lockstep: %s: PASS: %" PRIu64 " retirements matched (%" PRIu64
                    " instructions, %" PRIu64 " traps, %" PRIu64 " interrupts, %" PRIu64
                    " synchronised reads), %" PRIu64 " cycles, wait states %u, seed %" PRIu64
                    ", exit code %d on core and ISS; interrupts by cause: %s (%" PRIu64
                    " lines raised at random)\n",
                    program.c_str(), s.compared, s.retired, s.traps, s.interrupts, s.synced_reads,
                    out.cycles, o.wait_states, wait_seed, coretb::exit_status(out.exit_code),
                    irq_counts(s).c_str(), platform->random_raises());
    }
    return out;
}

int run(int argc, char** argv) {
    CLI::App app{
        "Lockstep check of the Epoxy glue core (rtl/core, Verilated) against the\n"
        "reference ISS, retirement by retirement over RVFI.",
        "epoxy-lockstep"};
    Options o;
    auto* elf_opt =
        app.add_option("elf", o.elf_path, "RISC-V ELF executable to run")->option_text("ELF");
    app.add_option("--max-cycles", o.max_cycles,
                   "stop after N core clock cycles with exit status 124 (0: no limit)")
        ->option_text("N");
    app.add_option("--log-commits", o.commit_path,
                   "write the core's Spike-format commit log (the ISS's format)")
        ->option_text("FILE");
    app.add_option("--uart-in", o.uart_in_path, "bytes the UART receives (both models), from FILE")
        ->option_text("FILE");
    app.add_option("--wait-states", o.wait_states,
                   "up to N random wait states on every OBI grant and response (0: none)")
        ->option_text("N");
    app.add_option("--seed", o.seed, "seed of the random wait states")->option_text("S");
    auto* inject_opt =
        app.add_option(
               "--inject-fault", o.inject,
               "testing the checker: corrupt the ISS's rd value at the first register write at or "
               "after retirement N (the run must then fail)")
            ->option_text("N");
    app.add_option("--history", o.history, "matching retirements shown in a mismatch report")
        ->option_text("N");
    app.add_flag("--quiet", o.quiet, "do not copy the program's UART output to stdout");
    auto* irq_ext_opt =
        app.add_option("--irq-external", o.irq_external,
                       "raise MEIP at random: per-cycle probability (0..1) while it is low; "
                       "held until the program acknowledges it (sim interrupt source CLEAR)")
            ->option_text("RATE")
            ->check(CLI::Range(0.0, 1.0));
    auto* irq_accel_opt =
        app.add_option("--irq-accel", o.irq_accel,
                       "raise each accelerator interrupt line at random, as --irq-external")
            ->option_text("RATE")
            ->check(CLI::Range(0.0, 1.0));
    double random_irqs = 0;
    auto* random_irqs_opt =
        app.add_option("--random-irqs", random_irqs,
                       "both --irq-external and --irq-accel with this rate")
            ->option_text("RATE")
            ->check(CLI::Range(0.0, 1.0));
    random_irqs_opt->excludes(irq_ext_opt)->excludes(irq_accel_opt);
#ifdef EPOXY_HAVE_RIG
    auto* rig_opt = app.add_option("--rig-seed", o.rig_seed,
                                   "instead of an ELF: a random program from the generator "
                                   "(sw/rig) with this seed, made in memory")
                        ->option_text("S");
    app.add_option("--rig-insns", o.rig_insns, "instructions in the random program's body")
        ->option_text("N");
    app.add_option("--rig-total", o.rig_total,
                   "campaign: programs with seeds S, S+1, ... (wait-state seeds --seed, "
                   "--seed+1, ...) until N instructions have been compared")
        ->option_text("N")
        ->needs(rig_opt);
    rig_opt->excludes(elf_opt);
#endif
    app.set_version_flag("--version", std::string("epoxy-lockstep ") + EPOXY_VERSION);
    app.footer(
        "Exit status: 0 program exited and all matched; 1 mismatch; 2 bad input;\n"
        "124 --max-cycles reached.");

    int help_status = 0;
    if (!coretb::parse_command_line(app, argc, argv, help_status)) return help_status;
    o.inject_set = bool(*inject_opt);
    if (*random_irqs_opt) o.irq_external = o.irq_accel = random_irqs;
#ifdef EPOXY_HAVE_RIG
    o.rig = bool(*rig_opt);
#endif
    if (!o.rig && o.elf_path.empty())
        coretb::fail("command line", "an ELF file is required (see --help)");
    std::setvbuf(stdout, nullptr, _IOLBF, 0);

    if (o.rig_total == 0) return run_one(o, o.rig_seed, o.seed).status;

    // Campaign: one program after another until enough instructions have been compared.
    coretb::LockstepStats total;
    uint64_t programs = 0;
    for (uint64_t i = 0; total.retired < o.rig_total; ++i) {
        const Outcome out = run_one(o, o.rig_seed + i, o.seed + i);
        if (out.status != 0) {
            std::fprintf(stderr,
                         "epoxy-lockstep: campaign stopped at rig seed %" PRIu64
                         " (reproduce: --rig-seed %" PRIu64
                         " --rig-insns %u --wait-states %u "
                         "--seed %" PRIu64 ")\n",
                         o.rig_seed + i, o.rig_seed + i, o.rig_insns, o.wait_states, o.seed + i);
            return out.status;
        }
        ++programs;
        total.compared += out.stats.compared;
        total.retired += out.stats.retired;
        total.traps += out.stats.traps;
        total.interrupts += out.stats.interrupts;
        for (size_t c = 0; c < total.interrupts_by_cause.size(); ++c)
            total.interrupts_by_cause[c] += out.stats.interrupts_by_cause[c];
    }
    std::printf("epoxy-lockstep: campaign PASS: %" PRIu64 " programs (rig seeds %" PRIu64
                "..%" PRIu64 "), %" PRIu64 " retirements matched (%" PRIu64
                " instructions, %" PRIu64 " traps, %" PRIu64
                " interrupts); interrupts by cause: %s\n",
                programs, o.rig_seed, o.rig_seed + programs - 1, total.compared, total.retired,
                total.traps, total.interrupts, irq_counts(total).c_str());
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    return epoxy::coretb::run_main("epoxy-lockstep", run, argc, argv);
}
