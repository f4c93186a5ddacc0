// SPDX-License-Identifier: Apache-2.0
// The testbench's model of the Epoxy memory map (see platform.h). The device registers
// behave as iss::Machine's, except that mtime counts clock cycles instead of ISS steps.
#include "platform.h"

#include <cstdio>

#include "epoxy/memory_map.h"

namespace epoxy::coretb {

Platform::Platform(iss::Machine& loaded)
    : rom_base_(loaded.rom().base()),
      sram_base_(loaded.sram().base()),
      rom_(loaded.rom().data(), loaded.rom().data() + loaded.rom().size()),
      sram_(loaded.sram().data(), loaded.sram().data() + loaded.sram().size()),
      console_([](char c) { std::fputc(c, stdout); }) {}

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
            clkdiv_ = v;
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
        default:
            return false;
    }
}

}  // namespace epoxy::coretb
