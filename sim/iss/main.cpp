// SPDX-License-Identifier: Apache-2.0
// epoxy-iss: run a RISC-V ELF on the Epoxy reference ISS until the firmware exits.
//
// Exit status: the firmware's exit code (a non-zero code whose low byte is 0 becomes 1,
// so a failure is never reported as success); 2 for bad input (options, ELF, files);
// 124 when --max-insns is reached; 125 when the hart sleeps in WFI with nothing that
// could wake it. Every error is one line on stderr: "epoxy-iss: <what>: <problem>".
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "epoxy/memory_map.h"
#include "iss/commit_log.h"
#include "iss/elf_loader.h"
#include "iss/machine.h"

namespace {

constexpr int kExitBadInput = 2;
constexpr int kExitInsnLimit = 124;
constexpr int kExitDeadlock = 125;

// Bad input: reported by main() as one line, exit status 2.
struct BadInput {
    std::string what;     // the file (or "command line")
    std::string problem;  // what is wrong with it
};

[[noreturn]] void fail(const std::string& what, const std::string& problem) {
    throw BadInput{what, problem};
}

// Open a file for writing or fail with the standard one-line message.
std::FILE* open_output(const std::string& path) {
    std::FILE* f = std::fopen(path.c_str(), "w");
    if (!f) fail(path, fmt::format("cannot open for writing: {}", std::strerror(errno)));
    return f;
}

const char* reason_name(epoxy::iss::StopReason r) {
    switch (r) {
        case epoxy::iss::StopReason::Exited: return "exited";
        case epoxy::iss::StopReason::InsnLimit: return "insn-limit";
        case epoxy::iss::StopReason::Deadlock: return "deadlock";
    }
    return "unknown";
}

}  // namespace

int run(int argc, char** argv) {
    CLI::App app{"Epoxy reference instruction-set simulator (RV32IMC, Zicsr, M/U, PMP).\n"
                 "Runs ELF until the firmware exits and returns its exit code.",
                 "epoxy-iss"};
    std::string elf_path, commit_path, signature_path, uart_in_path, stats_path;
    uint64_t max_insns = 0;
    app.add_option("elf", elf_path, "RISC-V ELF executable to run")->required()->option_text("ELF");
    app.add_option("--max-insns", max_insns,
                   "stop after N instructions with exit status 124 (0: no limit)")
        ->option_text("N");
    app.add_option("--log-commits", commit_path,
                   "write a Spike-format commit log (one line per retired instruction)")
        ->option_text("FILE");
    app.add_option("--signature", signature_path,
                   "on exit, dump memory from begin_signature to end_signature, one 32-bit "
                   "word per line in hex")
        ->option_text("FILE");
    app.add_option("--uart-in", uart_in_path, "bytes the UART receives, read from FILE")
        ->option_text("FILE");
    app.add_option("--stats", stats_path, "write run statistics as JSON")
        ->option_text("FILE");
    app.set_version_flag("--version", std::string("epoxy-iss ") + EPOXY_VERSION);
    app.footer(
        "Exit status: the firmware's exit code; 2 bad input; 124 --max-insns reached;\n"
        "125 deadlock (WFI with no interrupt that can wake the hart).");

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::string msg = e.what();
        fail("command line", msg + " (see --help)");
    }

    epoxy::iss::Machine machine;
    // The Epoxy SoC's hart: one local interrupt line per accelerator (mip/mie bits 16..).
    machine.hart().set_local_irq_count(EPOXY_NUM_LOCAL_IRQS);
    epoxy::iss::ElfImage image;
    try {
        image = epoxy::iss::load_elf(elf_path, machine);
    } catch (const epoxy::iss::ElfError& e) {
        fail(elf_path, e.what());
    }
    machine.hart().set_pc(image.entry);

    uint32_t sig_begin = 0, sig_end = 0;
    if (!signature_path.empty()) {
        auto b = image.symbols.find("begin_signature");
        auto e = image.symbols.find("end_signature");
        if (b == image.symbols.end() || e == image.symbols.end())
            fail(elf_path, "--signature needs symbols begin_signature and end_signature");
        sig_begin = b->second;
        sig_end = e->second;
        if (sig_end < sig_begin || (sig_begin & 3) || (sig_end & 3))
            fail(elf_path, "begin_signature/end_signature are not an aligned range");
    }

    if (!uart_in_path.empty()) {
        std::ifstream in(uart_in_path, std::ios::binary);
        if (!in) fail(uart_in_path, fmt::format("cannot open: {}", std::strerror(errno)));
        machine.push_uart_input(std::string((std::istreambuf_iterator<char>(in)),
                                            std::istreambuf_iterator<char>()));
    }

    // Open every output before running, so a bad path fails fast.
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> commit_log(
        commit_path.empty() ? nullptr : open_output(commit_path), &std::fclose);
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> signature(
        signature_path.empty() ? nullptr : open_output(signature_path), &std::fclose);
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> stats(
        stats_path.empty() ? nullptr : open_output(stats_path), &std::fclose);

    std::function<void(const epoxy::iss::Retire&)> observer;
    if (commit_log) {
        std::FILE* f = commit_log.get();
        observer = [f](const epoxy::iss::Retire& r) {
            std::string line = epoxy::iss::format_commit(r);
            std::fwrite(line.data(), 1, line.size(), f);
        };
    }

    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    const epoxy::iss::RunResult result = machine.run(max_insns, observer);
    std::fflush(stdout);

    if (signature) {
        for (uint32_t a = sig_begin; a < sig_end; a += 4) {
            uint32_t w = 0;
            if (!machine.peek(a, 4, w)) fail(elf_path, "signature range is outside memory");
            std::fprintf(signature.get(), "%08x\n", w);
        }
    }

    if (stats) {
        const auto& h = machine.hart();
        nlohmann::json j = {
            {"simulator", "epoxy-iss"},
            {"elf", elf_path},
            {"stop_reason", reason_name(result.reason)},
            {"exit_code", result.exit_code},
            {"steps", result.steps},
            {"instret", h.instret()},
            {"cycles", h.cycle()},
            {"mtime", machine.mtime()},
        };
        std::string text = j.dump(2) + "\n";
        std::fwrite(text.data(), 1, text.size(), stats.get());
    }

    switch (result.reason) {
        case epoxy::iss::StopReason::Exited: {
            uint32_t code = result.exit_code;
            if (code != 0 && (code & 0xff) == 0) return 1;
            return static_cast<int>(code & 0xff);
        }
        case epoxy::iss::StopReason::InsnLimit:
            std::fprintf(stderr, "epoxy-iss: %s: stopped after %llu instructions (--max-insns)\n",
                         elf_path.c_str(), static_cast<unsigned long long>(result.steps));
            return kExitInsnLimit;
        case epoxy::iss::StopReason::Deadlock:
            std::fprintf(stderr, "epoxy-iss: %s: deadlock: %s\n", elf_path.c_str(),
                         result.message.c_str());
            return kExitDeadlock;
    }
    return kExitBadInput;
}

int main(int argc, char** argv) {
    try {
        return run(argc, argv);
    } catch (const BadInput& e) {
        std::fprintf(stderr, "epoxy-iss: %s: %s\n", e.what.c_str(), e.problem.c_str());
        return kExitBadInput;
    }
}
