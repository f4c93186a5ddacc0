// SPDX-License-Identifier: Apache-2.0
// epoxy-load: put an app into the Epoxy UART bootloader (firmware/boot, docs/bootloader.md).
//
//   epoxy-load --port /dev/ttyUSB1 [--baud 115200] [--monitor] app.elf   send a frame
//   epoxy-load --frame-out app.frame app.elf                              write the frame
//   epoxy-load --rom-out rom.hex --rom-size 16384 --bootloader bootloader.elf [app.elf]
//
// Exit status: 0 done (the bootloader answered "loaded"); 2 bad input, with one line
// "epoxy-load: <file or "command line">: <problem>" on stderr; 3 the bootloader rejected the
// frame (its "boot: error:" line is printed); 4 no answer from the bootloader within
// --timeout, or the port failed.
#include <fmt/format.h>
#include <signal.h>

#include <CLI/CLI.hpp>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "elf_read.h"
#include "epoxy/boot_frame.h"
#include "epoxy/memory_map.h"
#include "frame.h"
#include "serial.h"

namespace {

using namespace epoxy::boot;
using Clock = std::chrono::steady_clock;

constexpr int kExitBadInput = 2;
constexpr int kExitRejected = 3;
constexpr int kExitNoAnswer = 4;

struct BadInput {
    std::string what;     // the file (or "command line")
    std::string problem;  // what is wrong with it
};

[[noreturn]] void fail(const std::string& what, const std::string& problem) {
    throw BadInput{what, problem};
}

void write_file(const std::string& path, const void* data, size_t size) {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) fail(path, fmt::format("cannot open for writing: {}", std::strerror(errno)));
    const bool ok = std::fwrite(data, 1, size, f) == size;
    if (std::fclose(f) != 0 || !ok) fail(path, "write error");
}

volatile sig_atomic_t g_interrupted = 0;
void on_sigint(int) {
    g_interrupted = 1;
}

int remaining_ms(Clock::time_point deadline) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    return left.count() < 0 ? 0 : int(std::min<long long>(left.count(), 1000000));
}

void out(const std::string& s) {
    std::fwrite(s.data(), 1, s.size(), stdout);
    std::fflush(stdout);
}

struct SendOptions {
    std::string port;
    unsigned baud = 115200;
    bool rtscts = false;
    double timeout = 5;
    bool monitor = false;
    double monitor_timeout = 0;
};

// Sends the frame, prints the bootloader's answer and, with --monitor, what follows.
int send(const SendOptions& o, const std::vector<uint8_t>& frame) {
    std::unique_ptr<SerialPort> port;
    try {
        port = std::make_unique<SerialPort>(o.port, o.baud, o.rtscts);
    } catch (const Error& e) {
        fail(o.port, e.what());
    }
    port->discard_input();  // whatever the bootloader said before (its start-up lines)
    try {
        port->write_all(frame);
    } catch (const Error& e) {
        std::fprintf(stderr, "epoxy-load: %s: %s\n", o.port.c_str(), e.what());
        return kExitNoAnswer;
    }

    // The answer: the first "boot: loaded ..." or "boot: error: ..." line; every line up to
    // it is printed, bytes after it are the app's.
    const auto deadline = Clock::now() + std::chrono::milliseconds(long(o.timeout * 1000));
    std::string line, after;
    int result = -1;
    uint8_t buf[512];
    while (result < 0) {
        const int wait = remaining_ms(deadline);
        if (wait == 0) break;
        const long n = port->read_some(buf, sizeof buf, wait);
        if (n < 0) {
            std::fprintf(stderr, "epoxy-load: %s: the port closed before the bootloader answered\n",
                         o.port.c_str());
            return kExitNoAnswer;
        }
        for (long i = 0; i < n; ++i) {
            const char c = char(buf[i]);
            if (result >= 0) {
                after.push_back(c);
            } else if (c == '\n') {
                out(line + "\n");
                if (line.rfind("boot: error:", 0) == 0) result = kExitRejected;
                if (line.rfind("boot: ", 0) == 0 && line.find("loaded ") != std::string::npos &&
                    line.find("jumping to") != std::string::npos)
                    result = 0;
                line.clear();
            } else if (c != '\r') {
                line.push_back(c);
            }
        }
    }
    if (result < 0) {
        if (!line.empty()) out(line + "\n");
        std::fprintf(stderr,
                     "epoxy-load: %s: no answer from the bootloader within %g s (is the board "
                     "waiting in its bootloader? reset it and try again)\n",
                     o.port.c_str(), o.timeout);
        return kExitNoAnswer;
    }
    if (result != 0 || !o.monitor) return result;

    // Monitor: the app's output until Ctrl-C or --monitor-timeout.
    struct sigaction sa {};
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;  // no SA_RESTART: poll() returns at once
    sigaction(SIGINT, &sa, nullptr);
    out(after);
    const bool timed = o.monitor_timeout > 0;
    const auto end = Clock::now() + std::chrono::milliseconds(long(o.monitor_timeout * 1000));
    while (!g_interrupted) {
        const int wait = timed ? remaining_ms(end) : 200;
        if (timed && wait == 0) break;
        const long n = port->read_some(buf, sizeof buf, std::min(wait, 200));
        if (n < 0) {
            std::fprintf(stderr, "epoxy-load: %s: the port closed\n", o.port.c_str());
            return kExitNoAnswer;
        }
        if (n > 0) out(std::string(reinterpret_cast<const char*>(buf), size_t(n)));
    }
    return 0;
}

int run(int argc, char** argv) {
    CLI::App cli{
        "Sends an app to the Epoxy UART bootloader over a serial port, or writes its boot frame\n"
        "or a boot ROM image (bootloader + embedded app) for a board's bitstream.",
        "epoxy-load"};
    std::string app_path, frame_out, rom_out, boot_path;
    SendOptions send_opts;
    uint32_t rom_size = 0, sram_size = 0;
    cli.add_option("app", app_path, "the app (a RISC-V ELF linked for the SRAM, as the SDK does)")
        ->option_text("APP.elf");
    cli.add_option("--port", send_opts.port, "send the frame to the bootloader on this serial port")
        ->option_text("DEVICE");
    cli.add_option("--baud", send_opts.baud, "baud rate of --port (default 115200; 8N1, raw)")
        ->option_text("N");
    cli.add_flag("--rtscts", send_opts.rtscts, "RTS/CTS hardware flow control on --port");
    cli.add_option("--timeout", send_opts.timeout,
                   "seconds to wait for the bootloader's answer after sending (default 5)")
        ->option_text("S");
    cli.add_flag("--monitor", send_opts.monitor,
                 "after a successful load, print what the app sends until Ctrl-C");
    cli.add_option("--monitor-timeout", send_opts.monitor_timeout,
                   "stop --monitor after S seconds (default: until Ctrl-C)")
        ->option_text("S");
    cli.add_option("--frame-out", frame_out, "write the frame (header and payload) to FILE")
        ->option_text("FILE");
    cli.add_option("--rom-out", rom_out,
                   "write a boot ROM image, $readmemh format (one 32-bit little-endian word per "
                   "line): the bootloader, then APP.elf's frame if given, padded to --rom-size")
        ->option_text("FILE.hex");
    cli.add_option("--rom-size", rom_size, "size of the board's boot ROM in bytes (for --rom-out)")
        ->option_text("BYTES");
    cli.add_option("--bootloader", boot_path, "the bootloader ELF (for --rom-out)")
        ->option_text("ELF");
    cli.add_option("--sram-size", sram_size,
                   "the board's SRAM size in bytes: the app must fit in it (default: the "
                   "memory map's 256 KiB)")
        ->option_text("BYTES");
    cli.set_version_flag("--version", std::string("epoxy-load ") + EPOXY_VERSION);
    cli.footer(
        "Exit status: 0 loaded (or files written); 2 bad input; 3 the bootloader rejected the\n"
        "frame; 4 no answer within --timeout, or the port failed.");
    try {
        cli.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return cli.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return cli.exit(e);
    } catch (const CLI::ParseError& e) {
        fail("command line", std::string(e.what()) + " (see --help)");
    }

    const bool sending = !send_opts.port.empty();
    if (!sending && frame_out.empty() && rom_out.empty())
        fail("command line", "nothing to do: give --port, --frame-out or --rom-out (see --help)");
    if ((sending || !frame_out.empty()) && app_path.empty())
        fail("command line", "--port and --frame-out need an APP.elf");
    if (!rom_out.empty() && (boot_path.empty() || rom_size == 0))
        fail("command line", "--rom-out needs --bootloader ELF and --rom-size BYTES");
    if (rom_out.empty() && (!boot_path.empty() || rom_size != 0))
        fail("command line", "--bootloader and --rom-size are for --rom-out");
    if (!sending && (send_opts.monitor || send_opts.monitor_timeout > 0 || send_opts.rtscts))
        fail("command line", "--monitor, --monitor-timeout and --rtscts need --port");
    if (sending && !SerialPort::supported_baud(send_opts.baud))
        fail("command line", fmt::format("unsupported baud rate {} (standard rates 1200 to "
                                         "3000000)",
                                         send_opts.baud));
    if (send_opts.timeout <= 0) fail("command line", "--timeout must be positive");
    if (!rom_out.empty() && (rom_size % 4 || rom_size > EPOXY_ROM_SIZE))
        fail("command line", fmt::format("--rom-size {} must be a multiple of 4 and at most the "
                                         "memory map's {} bytes",
                                         rom_size, EPOXY_ROM_SIZE));
    if (sram_size > EPOXY_SRAM_SIZE || (sram_size != 0 && sram_size <= EPOXY_BOOT_RAM_RESERVED))
        fail("command line", fmt::format("--sram-size {} must be above {} and at most the memory "
                                         "map's {} bytes",
                                         sram_size, EPOXY_BOOT_RAM_RESERVED, EPOXY_SRAM_SIZE));

    Bootloader boot;
    if (!rom_out.empty()) {
        try {
            boot = read_bootloader(boot_path);
        } catch (const Error& e) {
            fail(boot_path, e.what());
        }
        if (boot.rom.size() > rom_size)
            fail(boot_path, fmt::format("the bootloader ({} bytes) does not fit in the ROM of {} "
                                        "bytes",
                                        boot.rom.size(), rom_size));
    }
    if (sram_size == 0) sram_size = EPOXY_SRAM_SIZE;

    std::vector<uint8_t> frame;
    Image image;
    if (!app_path.empty()) {
        try {
            image = read_app(app_path, EPOXY_SRAM_BASE, sram_size);
        } catch (const Error& e) {
            fail(app_path, e.what());
        }
        frame = encode_frame(image);
    }
    if (!frame_out.empty()) write_file(frame_out, frame.data(), frame.size());
    if (!rom_out.empty()) {
        std::vector<uint8_t> rom;
        try {
            rom = make_rom(boot.rom, boot.app_frame, frame, rom_size);
        } catch (const Error& e) {
            fail(app_path.empty() ? boot_path : app_path, e.what());
        }
        const std::string hex = to_readmemh(rom);
        write_file(rom_out, hex.data(), hex.size());
        if (frame.empty())
            out(fmt::format("epoxy-load: {}: bootloader {} bytes, no app, ROM {} bytes\n", rom_out,
                            boot.rom.size(), rom_size));
        else
            out(
                fmt::format("epoxy-load: {}: bootloader {} bytes, app frame {} bytes at 0x{:x}, "
                            "{} of {} ROM bytes free\n",
                            rom_out, boot.rom.size(), frame.size(), boot.app_frame,
                            rom_size - boot.app_frame - frame.size(), rom_size));
    }
    if (sending) return send(send_opts, frame);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        return run(argc, argv);
    } catch (const BadInput& e) {
        std::fprintf(stderr, "epoxy-load: %s: %s\n", e.what.c_str(), e.problem.c_str());
        return kExitBadInput;
    }
}
