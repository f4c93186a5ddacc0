// SPDX-License-Identifier: Apache-2.0
// epoxy-core: run a RISC-V ELF on the Verilated glue core alone, until the firmware exits.
//
// The options follow epoxy-iss where they apply (cycles instead of instructions for the
// limit). The ELF is loaded by the ISS's loader (same checks, same messages) into an
// iss::Machine whose ROM and SRAM are then copied into the testbench platform.
// Exit status: the firmware's exit code (mapped as epoxy-iss does); 2 for bad input;
// 124 when --max-cycles is reached. Errors: one line "epoxy-core: <what>: <problem>".
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <cinttypes>
#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "Vepoxy_core.h"
#include "core_driver.h"
#include "epoxy/memory_map.h"
#include "iss/commit_log.h"
#include "iss/elf_loader.h"
#include "iss/machine.h"
#include "platform.h"
#include "tb_cli.h"
#include "verilated.h"

using namespace epoxy;

namespace {

int run(int argc, char** argv) {
    CLI::App app{
        "Runs a RISC-V ELF on the Verilated Epoxy glue core (rtl/core) with a model of\n"
        "the Epoxy memory map, until the firmware exits; returns its exit code.",
        "epoxy-core"};
    std::string elf_path, commit_path, uart_in_path, stats_path;
    uint64_t max_cycles = 0, seed = 1;
    unsigned wait_states = 0;
    app.add_option("elf", elf_path, "RISC-V ELF executable to run")->required()->option_text("ELF");
    app.add_option("--max-cycles", max_cycles,
                   "stop after N clock cycles with exit status 124 (0: no limit)")
        ->option_text("N");
    app.add_option("--log-commits", commit_path,
                   "write a Spike-format commit log in epoxy-iss's exact format")
        ->option_text("FILE");
    app.add_option("--uart-in", uart_in_path, "bytes the UART receives, read from FILE")
        ->option_text("FILE");
    app.add_option("--stats", stats_path, "write run statistics (cycles, instret, CPI) as JSON")
        ->option_text("FILE");
    app.add_option("--wait-states", wait_states,
                   "up to N random wait states on every OBI grant and response (0: none)")
        ->option_text("N");
    app.add_option("--seed", seed, "seed of the random wait states")->option_text("S");
    app.set_version_flag("--version", std::string("epoxy-core ") + EPOXY_VERSION);
    app.footer("Exit status: the firmware's exit code; 2 bad input; 124 --max-cycles reached.");

    int help_status = 0;
    if (!coretb::parse_command_line(app, argc, argv, help_status)) return help_status;

    auto machine = std::make_unique<iss::Machine>();
    iss::ElfImage image;
    try {
        image = iss::load_elf(elf_path, *machine);
    } catch (const iss::ElfError& e) {
        coretb::fail(elf_path, e.what());
    }
    auto platform = std::make_unique<coretb::Platform>(*machine);
    if (!uart_in_path.empty()) platform->push_uart_input(coretb::read_file(uart_in_path));
    // Open every output before running, so a bad path fails fast.
    coretb::FilePtr commit_log = coretb::open_output(commit_path);
    coretb::FilePtr stats = coretb::open_output(stats_path);

    const auto context = std::make_unique<VerilatedContext>();
    coretb::CoreDriver driver(*context, *platform, {wait_states, seed});
    driver.reset(image.entry);

    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    uint64_t records = 0, instret = 0, traps = 0, interrupts = 0, exit_cycle = 0;
    bool exit_retired = false;
    iss::Retire r;
    // Run until the EXIT store has retired (its record is the last one logged, as in the
    // ISS); the store takes effect at its grant, a few cycles before its record.
    while (!exit_retired) {
        if (max_cycles && driver.cycles() >= max_cycles) break;
        if (!driver.step_cycle(r)) continue;
        ++records;
        if (r.kind == iss::StepKind::Retired)
            ++instret;
        else if (r.kind == iss::StepKind::Trap)
            ++traps;
        else
            ++interrupts;
        if (commit_log) {
            const std::string line = iss::format_commit(r);
            std::fwrite(line.data(), 1, line.size(), commit_log.get());
        }
        if (platform->exited() && r.mem.valid && r.mem.write &&
            r.mem.addr == EPOXY_SIMCTL_BASE + EPOXY_SIMCTL_EXIT) {
            exit_retired = true;
            exit_cycle = driver.cycles();
        }
    }
    driver.finish();
    std::fflush(stdout);

    const uint64_t cycles = exit_retired ? exit_cycle : driver.cycles();
    const double cpi = instret ? double(cycles) / double(instret) : 0.0;
    if (stats) {
        nlohmann::json j = {
            {"simulator", "epoxy-core"},
            {"elf", elf_path},
            {"stop_reason", exit_retired ? "exited" : "cycle-limit"},
            {"exit_code", platform->exit_code()},
            {"cycles", cycles},
            {"instret", instret},
            {"cpi", cpi},
            {"records", records},
            {"traps", traps},
            {"interrupts", interrupts},
            {"sleep_cycles", driver.sleep_cycles()},
            {"wait_states", wait_states},
            {"seed", seed},
        };
        const std::string text = j.dump(2) + "\n";
        std::fwrite(text.data(), 1, text.size(), stats.get());
    }
    if (!exit_retired) {
        std::fprintf(stderr, "epoxy-core: %s: stopped after %" PRIu64 " cycles (--max-cycles)\n",
                     elf_path.c_str(), driver.cycles());
        return coretb::kExitCycleLimit;
    }
    return coretb::exit_status(platform->exit_code());
}

}  // namespace

int main(int argc, char** argv) {
    return epoxy::coretb::run_main("epoxy-core", run, argc, argv);
}
