// SPDX-License-Identifier: Apache-2.0
// epoxy-board-<board>: a board's top level (the RTL of its bitstream) in Verilator, driven
// through its pins. The oscillator pin toggles, the reset button stays released (the board
// top's reset synchroniser makes the power-on reset), and a bit-level UART (the same model
// as epoxy-sim's) sends the --uart-in files on the RX pin, honouring the RTS-style pin
// where the board has one, and prints what arrives on the TX pin. The boot ROM holds
// --rom-hex, as the bitstream's block RAM does after `make fpga-rom`. A board without an
// RTS line (the iCEBreaker) drops bytes that arrive while its small RX FIFO is full, as the
// real one does, so the bootloader must keep reading while it prints (docs/bootloader.md).
// A host that waits for the bootloader's answer before it sends (as epoxy-load does) is
// modelled by --send-after: for each --uart-in file in turn, the text whose line must have
// arrived (after the previous file was queued) before that file is sent.
//
// Exit status: 0 when --until's text appeared on the UART (or, without --until, when the
// input was all sent and the line has been quiet for --quiet-cycles), 1 when --max-cycles
// passed first, 2 for bad input (one line naming the file and the problem).
#include <verilated.h>
#include <verilated_syms.h>

#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include <cstdint>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "rom_hex.h"
#include "uart_line.h"

#define EPOXY_STR2(x) #x
#define EPOXY_STR(x) EPOXY_STR2(x)
#include EPOXY_STR(EPOXY_BOARD_MODEL.h)

namespace {

using Model = EPOXY_BOARD_MODEL;

// The board's pins, by board.
#if defined(EPOXY_BOARD_orangecrab)
void set_clock(Model& m, bool v) { m.clk_48m_i = v; }
bool rx_ready(const Model& m) { return !m.uart_rts_n_o; }
#elif defined(EPOXY_BOARD_icebreaker)
void set_clock(Model& m, bool v) { m.clk_12m_i = v; }
bool rx_ready(const Model&) { return true; }  // no RTS line to the FTDI on this board
#elif defined(EPOXY_BOARD_ulx3s)
void set_clock(Model& m, bool v) { m.clk_25m_i = v; }
bool rx_ready(const Model&) { return true; }
#else
#error "epoxy-board: no pin map for this board"
#endif

void release_buttons(Model& m) {
#if defined(EPOXY_BOARD_ulx3s)
    m.btn_i = 1;  // PWR released (active low), the others released (active high)
#else
    m.btn_n_i = 1;
#endif
}

// The boot ROM's storage (Verilator-public mem_q of the SoC's u_rom), found by scope name.
uint32_t* rom_memory(VerilatedContext& ctx, size_t& words) {
    const std::string suffix = ".u_fpga_soc.u_soc.u_rom";
    for (const auto& kv : *ctx.scopeNameMap()) {
        const std::string name = kv.first;
        if (name.size() < suffix.size() || name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0)
            continue;
        VerilatedVar* v = kv.second->varFind("mem_q");
        if (!v) continue;
        words = size_t(v->unpacked().elements());
        return static_cast<uint32_t*>(v->datap());
    }
    return nullptr;
}

// `text` has arrived in `received` (at or after `from`) and so has the end of its line: the
// bootloader has finished printing it and is reading the UART again.
bool line_arrived(const std::string& received, const std::string& text, size_t from) {
    const size_t pos = received.find(text, from);
    return pos != std::string::npos && received.find('\n', pos) != std::string::npos;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Runs the " EPOXY_BOARD_NAME " board top (" EPOXY_BOARD_TOP
                 ", the bitstream's RTL) with a UART on its pins.",
                 "epoxy-board-" EPOXY_BOARD_NAME};
    std::string rom_hex, until;
    std::vector<std::string> uart_in, send_after;
    uint64_t max_cycles = 200'000'000, quiet_cycles = 2'000'000;
    app.add_option("--rom-hex", rom_hex, "boot ROM image ($readmemh words, as epoxy-load --rom-out writes)")
        ->required();
    app.add_option("--uart-in", uart_in, "bytes to send on the UART's RX pin (files, in order)");
    app.add_option("--send-after", send_after,
                   "for each --uart-in file in turn: send it once a line with this text has arrived");
    app.add_option("--until", until, "stop (exit 0) once this text has arrived on the UART");
    app.add_option("--max-cycles", max_cycles, "give up after this many clock cycles (exit 1)");
    app.add_option("--quiet-cycles", quiet_cycles,
                   "without --until: stop once the input is sent and the TX line was idle this long");
    CLI11_PARSE(app, argc, argv);

    auto ctx = std::make_unique<VerilatedContext>();
    auto top = std::make_unique<Model>(ctx.get(), "board");

    size_t rom_words = 0;
    uint32_t* rom = rom_memory(*ctx, rom_words);
    if (!rom) {
        std::cerr << "epoxy-board-" EPOXY_BOARD_NAME ": the model has no public boot ROM\n";
        return 2;
    }
    try {
        const std::vector<uint32_t> words = epoxy::socsim::read_readmemh(rom_hex, rom_words);
        std::copy(words.begin(), words.end(), rom);
    } catch (const std::exception& e) {
        std::cerr << rom_hex << ": " << e.what() << "\n";
        return 2;
    }
    epoxy::socsim::UartLine line;
    std::vector<std::string> inputs;
    for (const std::string& path : uart_in) {
        std::ifstream in(path, std::ios::binary);
        if (!in) {
            std::cerr << path << ": cannot open\n";
            return 2;
        }
        inputs.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    if (send_after.size() > inputs.size()) {
        std::cerr << "epoxy-board-" EPOXY_BOARD_NAME ": more --send-after than --uart-in\n";
        return 2;
    }
    size_t next_input = 0;     // the next file to queue
    size_t watch_from = 0;     // where in `received` its --send-after text is looked for

    release_buttons(*top);
    top->uart_rx_i = 1;
    set_clock(*top, false);
    top->eval();

    std::string received;
    uint64_t idle = 0;
    bool rx_pin = true;
    for (uint64_t cycle = 0; cycle < max_cycles; ++cycle) {
        while (next_input < inputs.size() &&
               (next_input >= send_after.size() || line_arrived(received, send_after[next_input], watch_from))) {
            line.push_input(inputs[next_input++]);
            watch_from = received.size();
        }
        top->uart_rx_i = rx_pin;
        set_clock(*top, true);
        top->eval();
        uint8_t byte = 0;
        bool got = false;
        rx_pin = line.cycle(top->uart_tx_o, rx_ready(*top), EPOXY_BOARD_BIT_CYCLES, byte, got);
        set_clock(*top, false);
        top->eval();
        if (got) {
            received.push_back(char(byte));
            std::cout.put(char(byte));
            std::cout.flush();
            idle = 0;
            if (!until.empty() && received.find(until) != std::string::npos) {
                std::cout << fmt::format("\nepoxy-board-{}: found \"{}\" after {} cycles\n",
                                         EPOXY_BOARD_NAME, until, cycle + 1);
                top->final();
                return 0;
            }
        } else if (until.empty() && next_input == inputs.size() && !line.input_pending() &&
                   top->uart_tx_o && ++idle >= quiet_cycles) {
            std::cout << fmt::format("\nepoxy-board-{}: UART quiet after {} cycles\n", EPOXY_BOARD_NAME,
                                     cycle + 1);
            top->final();
            return 0;
        }
    }
    std::cout << fmt::format("\nepoxy-board-{}: {} cycles passed{}\n", EPOXY_BOARD_NAME, max_cycles,
                             until.empty() ? "" : fmt::format(" without \"{}\"", until));
    top->final();
    return 1;
}
