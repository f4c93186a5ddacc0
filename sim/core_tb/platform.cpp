// SPDX-License-Identifier: Apache-2.0
// The testbench's model of the Epoxy memory map (see platform.h). The device registers
// behave as iss::Machine's, except that mtime counts clock cycles instead of ISS steps and
// the sim interrupt source may also raise lines at random.
#include "platform.h"

#include <cmath>
#include <cstdio>

#include "epoxy/memory_map.h"

namespace epoxy::coretb {

Platform::Platform(iss::Machine& loaded)
    : rom_base_(loaded.rom().base()),
      sram_base_(loaded.sram().base()),
      rom_(loaded.rom().data(), loaded.rom().data() + loaded.rom().size()),
      sram_(loaded.sram().data(), loaded.sram().data() + loaded.sram().size()),
      console_([](char c) { std::fputc(c, stdout); }) {}

namespace {
// The lines the sim interrupt source holds: MEIP (bit 11) and 16 local lines (bits 16..31).
constexpr uint32_t kSimIrqLines = EPOXY_SIMIRQ_MEI | 0xFFFF0000u;

uint32_t threshold(double rate) {
    if (!(rate > 0)) return 0;
    if (rate >= 1) return 0xFFFFFFFFu;
    return uint32_t(std::ldexp(rate, 32));
}
}  // namespace

void Platform::set_random_irqs(double external, double accel, unsigned n_accel, uint64_t seed) {
    ext_threshold_ = threshold(external);
    accel_threshold_ = threshold(accel);
    random_lines_ = 0;
    if (ext_threshold_) random_lines_ |= EPOXY_SIMIRQ_MEI;
    if (accel_threshold_)
        for (unsigned i = 0; i < n_accel && i < 16; ++i) random_lines_ |= EPOXY_SIMIRQ_LOCAL(i);
    // A stream of its own, so interrupts do not disturb the wait states of the same seed.
    irq_rng_.seed(uint32_t(seed * 0x9E3779B9u + 0x7F4A7C15u));
}

void Platform::tick() {
    ++mtime_;
    for (uint32_t lines = random_lines_; lines != 0; lines &= lines - 1) {
        const uint32_t bit = lines & (~lines + 1);
        const uint32_t th = bit == EPOXY_SIMIRQ_MEI ? ext_threshold_ : accel_threshold_;
        // Draw for every line every cycle, raised or not, so one line's history does not
        // shift another's random stream.
        const bool raise = irq_rng_() < th;
        if (raise && !(simirq_ & bit)) {
            simirq_ |= bit;
            ++random_raises_;
        }
    }
}

bool Platform::access(bool fetch, bool we, uint32_t addr, uint8_t be, uint32_t wdata,
                      uint32_t& rdata) {
    rdata = 0;
    uint8_t* p = nullptr;
    bool rom = false;
    if (addr - sram_base_ < sram_.size()) {
        p = &sram_[addr - sram_base_];
    } else if (addr - rom_base_ < rom_.size()) {
        p = &rom_[addr - rom_base_];
        rom = true;
    }
    if (p) {
        if (we && rom) return false;  // ROM is read-only to the hart
        for (int i = 0; i < 4; ++i) {
            if (we && ((be >> i) & 1)) p[i] = uint8_t(wdata >> (8 * i));
            rdata |= uint32_t(p[i]) << (8 * i);
        }
        return true;
    }
    if (fetch || be != 0xF) return false;  // devices: aligned 32-bit data accesses only
    return we ? device_write(addr, wdata) : device_read(addr, rdata);
}

bool Platform::device_read(uint32_t addr, uint32_t& v) {
    switch (addr) {
        case EPOXY_UART_BASE + EPOXY_UART_TXDATA:
            v = 0;
            return true;
        case EPOXY_UART_BASE + EPOXY_UART_RXDATA:
            if (rx_.empty()) {
                v = EPOXY_UART_RXDATA_EMPTY;
            } else {
                v = rx_.front();
                rx_.pop_front();
            }
            return true;
        case EPOXY_UART_BASE + EPOXY_UART_STATUS:
            v = rx_.empty() ? 0 : EPOXY_UART_STATUS_RX_VALID;
            return true;
        case EPOXY_UART_BASE + EPOXY_UART_CLKDIV:
            v = clkdiv_;
            return true;
        case EPOXY_GPIO_BASE + EPOXY_GPIO_OUT:
            v = gpio_out_;
            return true;
        case EPOXY_GPIO_BASE + EPOXY_GPIO_IN:
            v = 0;
            return true;
        case EPOXY_TIMER_BASE + EPOXY_TIMER_MTIME:
            v = uint32_t(mtime_);
            return true;
        case EPOXY_TIMER_BASE + EPOXY_TIMER_MTIMEH:
            v = uint32_t(mtime_ >> 32);
            return true;
        case EPOXY_TIMER_BASE + EPOXY_TIMER_MTIMECMP:
            v = uint32_t(mtimecmp_);
            return true;
        case EPOXY_TIMER_BASE + EPOXY_TIMER_MTIMECMPH:
            v = uint32_t(mtimecmp_ >> 32);
            return true;
        case EPOXY_TIMER_BASE + EPOXY_TIMER_MSIP:
            v = msip_ ? 1u : 0u;
            return true;
        case EPOXY_SIMCTL_BASE + EPOXY_SIMCTL_EXIT:
        case EPOXY_SIMCTL_BASE + EPOXY_SIMCTL_PUTC:
            v = 0;
            return true;
        case EPOXY_SIMIRQ_BASE + EPOXY_SIMIRQ_PENDING:
            v = simirq_;
            return true;
        case EPOXY_SIMIRQ_BASE + EPOXY_SIMIRQ_SET:
        case EPOXY_SIMIRQ_BASE + EPOXY_SIMIRQ_CLEAR:
            v = 0;
            return true;
        default:
            return false;
    }
}

bool Platform::device_write(uint32_t addr, uint32_t v) {
    auto lo = [](uint64_t& r, uint32_t x) { r = (r & ~0xFFFFFFFFull) | x; };
    auto hi = [](uint64_t& r, uint32_t x) { r = (r & 0xFFFFFFFFull) | (uint64_t(x) << 32); };
    switch (addr) {
        case EPOXY_UART_BASE + EPOXY_UART_TXDATA:
        case EPOXY_SIMCTL_BASE + EPOXY_SIMCTL_PUTC:
            console_(char(v & 0xFF));
            return true;
        case EPOXY_UART_BASE + EPOXY_UART_RXDATA:
        case EPOXY_UART_BASE + EPOXY_UART_STATUS:
            return true;
        case EPOXY_UART_BASE + EPOXY_UART_CLKDIV:
            clkdiv_ = v & 0xFFFFu;
            return true;
        case EPOXY_GPIO_BASE + EPOXY_GPIO_OUT:
            gpio_out_ = v & ((1u << EPOXY_GPIO_PINS) - 1u);
            return true;
        case EPOXY_GPIO_BASE + EPOXY_GPIO_IN:
            return true;
        case EPOXY_TIMER_BASE + EPOXY_TIMER_MTIME:
            lo(mtime_, v);
            return true;
        case EPOXY_TIMER_BASE + EPOXY_TIMER_MTIMEH:
            hi(mtime_, v);
            return true;
        case EPOXY_TIMER_BASE + EPOXY_TIMER_MTIMECMP:
            lo(mtimecmp_, v);
            return true;
        case EPOXY_TIMER_BASE + EPOXY_TIMER_MTIMECMPH:
            hi(mtimecmp_, v);
            return true;
        case EPOXY_TIMER_BASE + EPOXY_TIMER_MSIP:
            msip_ = v & 1u;
            return true;
        case EPOXY_SIMCTL_BASE + EPOXY_SIMCTL_EXIT:
            exited_ = true;
            exit_code_ = v;
            return true;
        case EPOXY_SIMIRQ_BASE + EPOXY_SIMIRQ_PENDING:
            return true;  // read-only
        case EPOXY_SIMIRQ_BASE + EPOXY_SIMIRQ_SET:
            simirq_ |= v & kSimIrqLines;
            return true;
        case EPOXY_SIMIRQ_BASE + EPOXY_SIMIRQ_CLEAR:
            simirq_ &= ~v;
            return true;
        default:
            return false;
    }
}

}  // namespace epoxy::coretb
