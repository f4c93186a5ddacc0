// SPDX-License-Identifier: Apache-2.0
// The Epoxy memory map as the core testbench sees it on its OBI ports.
//
// Boot ROM and SRAM (their contents copied from an iss::Machine after load_elf, so ELF
// loading and its checks are the ISS's), the UART (TXDATA and sim-control PUTC go to a
// console sink; RXDATA pops bytes given with --uart-in), the machine timer (mtime counts
// clock cycles, MTIP when mtime >= mtimecmp, MSIP), sim-control EXIT and the sim interrupt
// source (EPOXY_SIMIRQ_*: MEIP and the accelerator lines, raised by the program or by a
// seeded random process, held until the program acknowledges them). Devices accept
// only aligned 32-bit data accesses; anything else and any unmapped access is a bus error,
// exactly as in iss::Machine. It deliberately is not the SoC: no fabric, no accelerators.
#pragma once

#include <cstdint>
#include <deque>
#include <random>
#include <functional>
#include <string>
#include <vector>

#include "iss/machine.h"

namespace epoxy::coretb {

class Platform {
  public:
    // ROM and SRAM start as copies of the machine's (load the ELF into it first).
    explicit Platform(iss::Machine& loaded);

    // One OBI transaction on a word-aligned address with byte enables. false: bus error.
    bool access(bool fetch, bool we, uint32_t addr, uint8_t be, uint32_t wdata, uint32_t& rdata);

    void set_console(std::function<void(char)> sink) { console_ = std::move(sink); }
    void push_uart_input(const std::string& bytes) {
        rx_.insert(rx_.end(), bytes.begin(), bytes.end());
    }

    // Random interrupt lines: every cycle, each lowered line among MEIP (rate `external`)
    // and accelerator lines 0..n_accel-1 (rate `accel` each) is raised with that
    // probability (0..1). A raised line stays up until the program writes it to the sim
    // interrupt source's CLEAR register. Deterministic for a given seed.
    void set_random_irqs(double external, double accel, unsigned n_accel, uint64_t seed);

    void tick();  // one clock cycle
    uint64_t mtime() const { return mtime_; }
    bool irq_external() const { return (simirq_ >> 11) & 1u; }
    uint32_t irq_accel() const { return simirq_ >> 16; }  // bit i = accelerator line i
    uint64_t random_raises() const { return random_raises_; }
    bool mtip() const { return mtime_ >= mtimecmp_; }
    bool msip() const { return msip_; }
    bool exited() const { return exited_; }
    uint32_t exit_code() const { return exit_code_; }

  private:
    bool device_read(uint32_t addr, uint32_t& v);
    bool device_write(uint32_t addr, uint32_t v);

    uint32_t rom_base_, sram_base_;
    std::vector<uint8_t> rom_, sram_;
    std::function<void(char)> console_;
    std::deque<uint8_t> rx_;
    uint64_t mtime_ = 0, mtimecmp_ = ~0ull;
    bool msip_ = false;
    uint32_t simirq_ = 0;  // sim interrupt source: raised lines at their mip bit positions
    uint32_t ext_threshold_ = 0, accel_threshold_ = 0;  // raise when rng() < threshold
    uint32_t random_lines_ = 0;                          // lines the random process drives
    std::mt19937 irq_rng_;
    uint64_t random_raises_ = 0;
    uint32_t clkdiv_ = 0;
    uint32_t gpio_out_ = 0;
    bool exited_ = false;
    uint32_t exit_code_ = 0;
};

}  // namespace epoxy::coretb
