// SPDX-License-Identifier: Apache-2.0
// epoxy-rig: generate seeded random instruction-stream programs, write them as ELF files,
// and run them on the reference ISS with a coverage report.
//
//   epoxy-rig --seed 42 --insns 50000 -o rig42.elf        write one program
//   epoxy-rig --seed 42 --insns 50000 --run               run it on the ISS, report coverage
//   epoxy-rig --seed 1000 --count 500 --run               a campaign: seeds 1000..1499
//
// Exit status: 0 when every program exited 0 on the ISS (or was written); 1 when one did not
// (its seed and the command that reproduces it are printed); 2 for bad options, one line
// on stderr naming the problem.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <map>
#include <string>
#include <vector>

#include "rig/coverage.h"
#include "rig/rig.h"

namespace {

constexpr int kExitFailed = 1;
constexpr int kExitBadInput = 2;

struct BadInput {
    std::string what, problem;
};

const char* reason_name(epoxy::iss::StopReason r) {
    switch (r) {
        case epoxy::iss::StopReason::Exited:
            return "exited";
        case epoxy::iss::StopReason::InsnLimit:
            return "step bound reached";
        case epoxy::iss::StopReason::Deadlock:
            return "deadlock";
    }
    return "unknown";
}

// The options that reproduce `c` except the seed (defaults left out).
std::string repro_flags(const epoxy::rig::RigConfig& c, const std::vector<std::string>& weights) {
    std::string s = fmt::format("--insns {}", c.insns);
    if (!c.compressed) s += " --no-compressed";
    if (!c.traps) s += " --no-traps";
    if (!c.interrupts) s += " --no-interrupts";
    if (!c.pmp) s += " --no-pmp";
    if (!c.umode) s += " --no-umode";
    if (!c.misaligned) s += " --no-misaligned";
    if (c.async_interrupts) s += " --async-interrupts";
    for (const auto& w : weights) s += " --weight " + w;
    return s;
}

std::string substitute_seed(std::string path, uint64_t seed) {
    const auto at = path.find("{seed}");
    if (at != std::string::npos) path.replace(at, 6, std::to_string(seed));
    return path;
}

}  // namespace

int run(int argc, char** argv) {
    CLI::App app{
        "Epoxy random instruction-stream generator: seeded RV32IMC programs with traps,\n"
        "interrupts, PMP and U-mode, for lockstep verification against the ISS.",
        "epoxy-rig"};
    epoxy::rig::RigConfig cfg;
    uint64_t count = 1;
    std::string out_path;
    std::vector<std::string> weights;
    bool no_c = false, no_traps = false, no_irq = false, no_pmp = false, no_u = false,
         no_mis = false, do_run = false, coverage = false, quiet = false;
    app.add_option("--seed", cfg.seed, "seed of the (first) program (default 1)")->option_text("N");
    app.add_option("--insns", cfg.insns,
                   fmt::format("instructions in the body (default 10000, at most {})",
                               epoxy::rig::kMaxInsns))
        ->option_text("M")
        ->check(CLI::Range(1u, epoxy::rig::kMaxInsns));
    app.add_option("--count", count, "programs to generate, seeds N, N+1, ... (default 1)")
        ->option_text("K")
        ->check(CLI::Range(uint64_t(1), uint64_t(1) << 40));
    app.add_option("-o,--output", out_path,
                   "write the program as an ELF file; with --count > 1 the name must contain "
                   "{seed}")
        ->option_text("FILE");
    app.add_flag("--run", do_run, "run each program on the ISS; fail unless it exits 0");
    app.add_flag("--coverage", coverage, "print the coverage report of each run (implies --run)");
    app.add_flag("--quiet", quiet, "with --run: print failures and the final summary only");
    app.add_flag("--no-compressed", no_c, "no RV32C instructions");
    app.add_flag("--no-traps", no_traps, "no illegal encodings, ebreak/ecall or access faults");
    app.add_flag("--no-interrupts", no_irq, "no interrupt sections");
    app.add_flag("--no-pmp", no_pmp, "no PMP sections");
    app.add_flag("--no-umode", no_u, "no U-mode sections");
    app.add_flag("--no-misaligned", no_mis, "no misaligned loads and stores");
    app.add_flag("--async-interrupts", cfg.async_interrupts,
                 "also arm timer interrupts that arrive at timing-dependent points");
    app.add_option("--weight", weights,
                   "relative weight of a kind of group, e.g. alu=10 (see "
                   "docs/rig.md for the kinds); repeatable")
        ->option_text("KIND=N");
    app.set_version_flag("--version", std::string("epoxy-rig ") + EPOXY_VERSION);
    app.footer(
        "Exit status: 0 all programs exited 0 (or were written); 1 a program failed on "
        "the ISS;\n2 bad options.");

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        throw BadInput{"command line", std::string(e.what()) + " (see --help)"};
    }
    cfg.compressed = !no_c;
    cfg.traps = !no_traps;
    cfg.interrupts = !no_irq;
    cfg.pmp = !no_pmp;
    cfg.umode = !no_u;
    cfg.misaligned = !no_mis;
    if (coverage) do_run = true;

    std::map<std::string, unsigned*> kinds = {
        {"alu", &cfg.weights.alu},
        {"muldiv", &cfg.weights.muldiv},
        {"load_store", &cfg.weights.load_store},
        {"compressed", &cfg.weights.compressed},
        {"branch", &cfg.weights.branch},
        {"jump", &cfg.weights.jump},
        {"csr", &cfg.weights.csr},
        {"system", &cfg.weights.system},
        {"illegal", &cfg.weights.illegal},
        {"misaligned", &cfg.weights.misaligned},
        {"access_fault", &cfg.weights.access_fault},
        {"fetch_fault", &cfg.weights.fetch_fault},
        {"loop", &cfg.weights.loop},
        {"umode", &cfg.weights.umode},
        {"pmp", &cfg.weights.pmp},
        {"interrupt", &cfg.weights.interrupt},
        {"mprv", &cfg.weights.mprv},
        {"mret", &cfg.weights.mret},
    };
    for (const auto& w : weights) {
        const auto eq = w.find('=');
        const std::string kind = w.substr(0, eq);
        if (eq == std::string::npos || !kinds.count(kind))
            throw BadInput{"command line", fmt::format("--weight {}: expected KIND=N with KIND one "
                                                       "of the kinds in docs/rig.md",
                                                       w)};
        const std::string n = w.substr(eq + 1);
        char* end = nullptr;
        errno = 0;
        const unsigned long v = std::strtoul(n.c_str(), &end, 10);
        if (n.empty() || *end || errno || v > 1000000 || n[0] == '-')
            throw BadInput{"command line",
                           fmt::format("--weight {}: N must be an integer 0..1000000", w)};
        *kinds[kind] = unsigned(v);
    }
    if (out_path.empty() && !do_run)
        throw BadInput{"command line", "nothing to do: give -o FILE and/or --run (see --help)"};
    if (count > 1 && !out_path.empty() && out_path.find("{seed}") == std::string::npos)
        throw BadInput{"command line", "-o with --count > 1 needs {seed} in the file name"};

    const std::string flags = repro_flags(cfg, weights);
    epoxy::rig::Coverage total;
    uint64_t failed = 0, steps = 0;
    for (uint64_t i = 0; i < count; ++i) {
        epoxy::rig::RigConfig c = cfg;
        c.seed = cfg.seed + i;
        epoxy::rig::RigProgram prog;
        try {
            prog = epoxy::rig::generate(c);
        } catch (const epoxy::rig::RigError& e) {
            throw BadInput{"command line", e.what()};
        }
        if (!out_path.empty()) {
            try {
                epoxy::rig::write_elf(prog, substitute_seed(out_path, c.seed));
            } catch (const epoxy::rig::RigError& e) {
                throw BadInput{"output", e.what()};
            }
        }
        if (!do_run) continue;
        const epoxy::rig::RunReport rep = epoxy::rig::run_on_iss(prog);
        steps += rep.result.steps;
        total.merge(rep.coverage);
        uint64_t traps = 0, irqs = 0;
        for (const auto& [cause, n] : rep.coverage.traps) traps += n;
        for (const auto& [cause, n] : rep.coverage.interrupts) irqs += n;
        if (!rep.ok()) {
            ++failed;
            std::string why = rep.result.reason == epoxy::iss::StopReason::Exited
                                  ? fmt::format("exit code {}", rep.result.exit_code)
                                  : reason_name(rep.result.reason);
            if (!rep.result.message.empty()) why += ": " + rep.result.message;
            std::printf(
                "seed %llu: FAILED after %llu steps: %s\n  reproduce: epoxy-rig --seed "
                "%llu %s -o rig-%llu.elf && epoxy-iss rig-%llu.elf\n",
                (unsigned long long)c.seed, (unsigned long long)rep.result.steps, why.c_str(),
                (unsigned long long)c.seed, flags.c_str(), (unsigned long long)c.seed,
                (unsigned long long)c.seed);
        } else if (!quiet) {
            std::printf(
                "seed %llu: exit 0 after %llu steps (bound %llu): %llu traps, %llu "
                "interrupts, %llu U-mode steps, %zu nondeterministic pcs\n",
                (unsigned long long)c.seed, (unsigned long long)rep.result.steps,
                (unsigned long long)prog.max_steps, (unsigned long long)traps,
                (unsigned long long)irqs, (unsigned long long)rep.coverage.u_steps,
                prog.nondeterministic_pcs.size());
        }
        if (coverage && count > 1 && !quiet) std::fputs(rep.coverage.report().c_str(), stdout);
        std::fflush(stdout);
    }
    if (do_run) {
        std::printf("%llu program(s), %llu failed, %llu steps\n", (unsigned long long)count,
                    (unsigned long long)failed, (unsigned long long)steps);
        std::fputs(total.report().c_str(), stdout);
    }
    return failed ? kExitFailed : 0;
}

int main(int argc, char** argv) {
    try {
        return run(argc, argv);
    } catch (const BadInput& e) {
        std::fprintf(stderr, "epoxy-rig: %s: %s\n", e.what.c_str(), e.problem.c_str());
        return kExitBadInput;
    }
}
