// SPDX-License-Identifier: Apache-2.0
// epoxy-sim: run a RISC-V ELF on the Verilated Epoxy SoC (rtl/soc), cycle-accurate, until
// the firmware exits. --rom-hex boots a board's ROM image (bootloader and embedded app) instead.
//
// The options follow epoxy-iss where they apply (--log-commits, --stats, --uart-in use
// the same names and formats; the limit counts cycles instead of instructions). UART
// output (decoded from the TX pin) and sim-control characters go to stdout.
// Exit status: the firmware's exit code (mapped as epoxy-iss does); 2 for bad input;
// 124 when --max-cycles is reached; 125 on a deadlock. Errors: one line "epoxy-sim: <what>: <problem>".
#include <CLI/CLI.hpp>
#include <chrono>
#include <cinttypes>
#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "epoxy/memory_map.h"
#include "iss/commit_log.h"
#include "iss/elf_loader.h"
#include "rom_hex.h"
#include "soc_sim.h"
#include "tb_cli.h"
#include "verilated.h"

using namespace epoxy;

namespace {

constexpr int kExitDeadlock = 125;  // as epoxy-iss

nlohmann::json stats_json(const socsim::SocSim& sim, const std::string& elf,
                          const char* stop_reason, double seconds) {
    const socsim::SocStats& s = sim.stats();
    nlohmann::json classes = nlohmann::json::object();
    for (unsigned c = 0; c < unsigned(socsim::InsnClass::Count); ++c) {
        if (!s.class_records[c]) continue;
        classes[socsim::class_name(socsim::InsnClass(c))] = {
            {"records", s.class_records[c]},
            {"stall_cycles", s.class_stall_cycles[c]},
        };
    }
    const char* port_names[] = {"core_data", "core_instr", "ntt_dma"};
    nlohmann::json ports = nlohmann::json::object();
    for (unsigned p = 0; p < 3; ++p) {
        const auto& ps = s.ports[p];
        ports[port_names[p]] = {
            {"transactions", ps.transactions},
            {"wait_cycles", ps.wait_cycles},
            {"utilisation", s.cycles ? double(ps.transactions) / double(s.cycles) : 0.0},
        };
    }
    return {
        {"simulator", "epoxy-sim"},
        {"elf", elf},
        {"stop_reason", stop_reason},
        {"exit_code", sim.exit_code()},
        {"cycles", s.cycles},
        {"instret", s.instret},
        {"cpi", s.instret ? double(s.cycles) / double(s.instret) : 0.0},
        {"records", s.records},
        {"traps", s.traps},
        {"interrupts", s.interrupts},
        {"cycle_breakdown",
         {{"retire", s.records},
          {"stall", s.stall_cycles},
          {"branch_bubble", s.bubble_cycles},
          {"sleep", s.sleep_cycles},
          {"fetch_wait", s.cycles - s.records - s.stall_cycles - s.bubble_cycles - s.sleep_cycles}}},
        {"by_class", classes},
        {"bus", ports},
        {"accelerators",
         {{"ntt",
           {{"busy_cycles", s.ntt_busy_cycles},
            {"model_eval_cycles", s.ntt_eval_cycles},
            {"idle_cycles", s.cycles - s.ntt_busy_cycles},
            {"utilisation", s.cycles ? double(s.ntt_busy_cycles) / double(s.cycles) : 0.0}}}}},
        {"uart", {{"bytes_out", sim.uart().bytes_received()}, {"bytes_in", sim.uart().bytes_sent()}}},
        {"wall_seconds", seconds},
        {"cycles_per_second", seconds > 0 ? double(s.cycles) / seconds : 0.0},
    };
}

int run(int argc, char** argv) {
    CLI::App app{
        "Runs a RISC-V ELF on the Verilated Epoxy SoC (core, crossbar, ROM, banked SRAM,\n"
        "UART, timer, GPIO, sim-control, NTT coprocessor) until the firmware exits; returns\n"
        "its exit code.",
        "epoxy-sim"};
    std::string elf_path, commit_path, uart_in_path, stats_path, trace_path;
    uint64_t max_cycles = 0, trace_start = 0, trace_end = 0;
    std::string rom_hex_path;
    app.add_option("elf", elf_path, "RISC-V ELF executable to run")->option_text("ELF");
    app.add_option("--rom-hex", rom_hex_path,
                   "load the boot ROM from a $readmemh image, as a board's RomInitFile (e.g. "
                   "epoxy-load --rom-out); without an ELF the core starts at the ROM's base")
        ->option_text("FILE.hex");
    app.add_option("--max-cycles", max_cycles,
                   "stop after N clock cycles with exit status 124 (0: no limit)")
        ->option_text("N");
    app.add_option("--log-commits", commit_path,
                   "write a Spike-format commit log in epoxy-iss's exact format")
        ->option_text("FILE");
    app.add_option("--uart-in", uart_in_path,
                   "bytes sent to the UART's RX pin (8N1, paced by its ready output), from FILE")
        ->option_text("FILE");
    app.add_option("--stats", stats_path,
                   "write statistics as JSON: cycles, instret, CPI, where the cycles went, "
                   "stalls by instruction class, bus use per port, simulation speed")
        ->option_text("FILE");
    app.add_option("--trace", trace_path, "write an FST waveform of the whole SoC")->option_text("FILE.fst");
    app.add_option("--trace-start", trace_start, "first cycle in the waveform (default 0)")
        ->option_text("CYCLE");
    app.add_option("--trace-end", trace_end, "cycle at which the waveform stops (0: the end)")
        ->option_text("CYCLE");
    bool ntt_always = false;
    app.add_flag("--ntt-always-eval", ntt_always,
                 "evaluate the NTT block's model every cycle instead of only while it is "
                 "active (same results, slower: a check of the simulator)");
    app.set_version_flag("--version", std::string("epoxy-sim ") + EPOXY_VERSION);
    app.footer(
        "Exit status: the firmware's exit code; 2 bad input; 124 --max-cycles reached;\n"
        "125 deadlock (WFI with no interrupt that can wake the core, or a trap loop).");

    int help_status = 0;
    if (!coretb::parse_command_line(app, argc, argv, help_status)) return help_status;
    if (elf_path.empty() && rom_hex_path.empty())
        coretb::fail("command line", "the elf argument is required (or --rom-hex FILE.hex)");
    // What the messages name: the program that runs first.
    const std::string& program = elf_path.empty() ? rom_hex_path : elf_path;
    if (trace_end != 0 && trace_end <= trace_start)
        coretb::fail("command line", "--trace-end must be after --trace-start");
    if (trace_path.empty() && (trace_start || trace_end))
        coretb::fail("command line", "--trace-start/--trace-end need --trace FILE.fst");

    const auto context = std::make_unique<VerilatedContext>();
    std::unique_ptr<socsim::SocSim> sim;
    try {
        sim = std::make_unique<socsim::SocSim>(*context, elf_path, !trace_path.empty(),
                                               rom_hex_path);
    } catch (const iss::ElfError& e) {
        coretb::fail(elf_path, e.what());
    } catch (const socsim::RomHexError& e) {
        coretb::fail(rom_hex_path, e.what());
    }
    sim->set_always_eval_ntt(ntt_always);
    if (!uart_in_path.empty()) sim->push_uart_input(coretb::read_file(uart_in_path));
    // Open every output before running, so a bad path fails fast.
    coretb::FilePtr commit_log = coretb::open_output(commit_path);
    coretb::FilePtr stats = coretb::open_output(stats_path);
    if (!trace_path.empty()) {
        coretb::open_output(trace_path);  // checks the path; the tracer reopens it
        sim->open_trace(trace_path, trace_start, trace_end);
    }

    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    sim->reset();
    const auto t0 = std::chrono::steady_clock::now();
    bool exit_retired = false;
    uint64_t exit_cycle = 0;
    iss::Retire r;
    // Run until the EXIT store has retired (its record is the last one logged, as in the
    // ISS); the store takes effect at its grant, a cycle or two before its record.
    std::string deadlock;
    while (!exit_retired) {
        if (max_cycles && sim->cycles() >= max_cycles) break;
        const bool record = sim->step(r);
        if (sim->may_deadlock()) {
            deadlock = sim->deadlock();
            if (!deadlock.empty()) break;
        }
        if (!record) continue;
        if (commit_log) {
            const std::string line = iss::format_commit(r);
            std::fwrite(line.data(), 1, line.size(), commit_log.get());
        }
        if (r.mem.valid && r.mem.write && r.mem.addr == EPOXY_SIMCTL_BASE + EPOXY_SIMCTL_EXIT &&
            r.kind == iss::StepKind::Retired) {
            // The device's pulse comes one cycle after the grant; let it arrive.
            for (int i = 0; i < 2 && !sim->exit_requested(); ++i) sim->step(r);
            exit_retired = sim->exit_requested();
            exit_cycle = sim->cycles();
        }
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    sim->finish();
    std::fflush(stdout);

    if (stats) {
        const std::string text = stats_json(*sim, program,
                                            exit_retired        ? "exited"
                                            : deadlock.empty()  ? "cycle-limit"
                                                                : "deadlock",
                                            seconds).dump(2) + "\n";
        std::fwrite(text.data(), 1, text.size(), stats.get());
    }
    (void)exit_cycle;
    if (!deadlock.empty()) {
        std::fprintf(stderr, "epoxy-sim: %s: deadlock: %s\n", program.c_str(), deadlock.c_str());
        return kExitDeadlock;
    }
    if (!exit_retired) {
        std::fprintf(stderr, "epoxy-sim: %s: stopped after %" PRIu64 " cycles (--max-cycles)\n",
                     program.c_str(), sim->cycles());
        return coretb::kExitCycleLimit;
    }
    return coretb::exit_status(sim->exit_code());
}

}  // namespace

int main(int argc, char** argv) {
    return epoxy::coretb::run_main("epoxy-sim", run, argc, argv);
}
