// SPDX-License-Identifier: Apache-2.0
// The ISS's Epoxy SoC: memories, UART, machine timer, sim-control, the sim interrupt source,
// the IOPMP's and the NTT coprocessor's pages, and the run loop.
#include "iss/machine.h"

#include <cstdio>
#include <cstring>

#include "epoxy/memory_map.h"
#include "iss/riscv.h"

namespace epoxy::iss {

// ---- Memory ---------------------------------------------------------------------------------

Memory::Memory(uint32_t base, uint32_t size, bool writable)
    : base_(base), size_(size), writable_(writable), bytes_(size, 0) {}

uint32_t Memory::read(uint32_t addr, unsigned size) const {
    uint32_t v = 0;
    std::memcpy(&v, &bytes_[addr - base_], size);  // host is little-endian like RISC-V
    return v;
}

void Memory::write(uint32_t addr, unsigned size, uint32_t value) {
    std::memcpy(&bytes_[addr - base_], &value, size);
}

// ---- Machine --------------------------------------------------------------------------------

namespace {
// The lines the sim interrupt source holds: MEIP and the 16 possible local lines.
constexpr uint32_t kSimIrqLines = rv::kMipMeip | 0xFFFF0000u;

bool in_ntt(uint32_t addr) { return (addr & ~(EPOXY_DEVICE_PAGE - 1u)) == EPOXY_NTT_BASE; }
bool in_iopmp(uint32_t addr) {
    return (addr & ~(EPOXY_DEVICE_PAGE - 1u)) == EPOXY_IOPMP_BASE;
}
}  // namespace

Machine::Machine(uint32_t sram_size)
    : rom_(EPOXY_ROM_BASE, EPOXY_ROM_SIZE, false),
      sram_(EPOXY_SRAM_BASE, sram_size ? sram_size : EPOXY_SRAM_SIZE, true),
      ntt_(sram_),
      hart_(*this, EPOXY_SRAM_BASE),
      console_([](char c) { std::fputc(c, stdout); }) {
    ntt_.attach_iopmp(&iopmp_, Iopmp::kMasterNtt);
}

bool Machine::load(uint32_t addr, const uint8_t* bytes, uint32_t size) {
    for (Memory* m : {&rom_, &sram_}) {
        if (size == 0 ? m->contains(addr, 1) : m->contains(addr, size)) {
            if (size) std::memcpy(m->data() + (addr - m->base()), bytes, size);
            return true;
        }
    }
    return false;
}

bool Machine::peek(uint32_t addr, unsigned size, uint32_t& value) const {
    for (const Memory* m : {&rom_, &sram_}) {
        if (m->contains(addr, size)) {
            value = m->read(addr, size);
            return true;
        }
    }
    return false;
}

void Machine::push_uart_input(const std::string& bytes) {
    uart_rx_.insert(uart_rx_.end(), bytes.begin(), bytes.end());
}

bool Machine::read(uint32_t addr, unsigned size, Access kind, uint32_t& value) {
    if (sram_.contains(addr, size)) {
        value = sram_.read(addr, size);
        return true;
    }
    if (rom_.contains(addr, size)) {
        value = rom_.read(addr, size);
        return true;
    }
    // Devices: data accesses only, aligned 32-bit only; the NTT's register block (the
    // accelerator shell's cpuif) also takes byte and halfword accesses, on their byte lanes.
    if (kind == Access::Fetch) return false;
    if (in_ntt(addr)) return ntt_.read(addr - EPOXY_NTT_BASE, size, value);
    if (size != 4) return false;
    return device_read(addr, value);
}

bool Machine::write(uint32_t addr, unsigned size, uint32_t value) {
    if (sram_.contains(addr, size)) {
        sram_.write(addr, size, value);
        return true;
    }
    if (rom_.contains(addr, size)) return false;  // ROM is read-only to the hart
    if (in_ntt(addr)) return ntt_.write(addr - EPOXY_NTT_BASE, size, value);
    if (size != 4) return false;
    return device_write(addr, value);
}

bool Machine::device_read(uint32_t addr, uint32_t& v) {
    if (in_iopmp(addr)) return (addr & 3u) == 0 && iopmp_.read(addr - EPOXY_IOPMP_BASE, v);
    switch (addr) {
        case EPOXY_UART_BASE + EPOXY_UART_TXDATA: v = 0; return true;
        case EPOXY_UART_BASE + EPOXY_UART_RXDATA:
            if (uart_rx_.empty()) {
                v = EPOXY_UART_RXDATA_EMPTY;
            } else {
                v = uart_rx_.front();
                uart_rx_.pop_front();
            }
            return true;
        case EPOXY_UART_BASE + EPOXY_UART_STATUS:
            v = uart_rx_.empty() ? 0 : EPOXY_UART_STATUS_RX_VALID;  // TX never fills
            return true;
        case EPOXY_UART_BASE + EPOXY_UART_CLKDIV: v = uart_clkdiv_; return true;
        case EPOXY_GPIO_BASE + EPOXY_GPIO_OUT: v = gpio_out_; return true;
        case EPOXY_GPIO_BASE + EPOXY_GPIO_IN: v = 0; return true;  // no pins in simulation
        case EPOXY_TIMER_BASE + EPOXY_TIMER_MTIME: v = uint32_t(mtime_); return true;
        case EPOXY_TIMER_BASE + EPOXY_TIMER_MTIMEH: v = uint32_t(mtime_ >> 32); return true;
        case EPOXY_TIMER_BASE + EPOXY_TIMER_MTIMECMP: v = uint32_t(mtimecmp_); return true;
        case EPOXY_TIMER_BASE + EPOXY_TIMER_MTIMECMPH: v = uint32_t(mtimecmp_ >> 32); return true;
        case EPOXY_TIMER_BASE + EPOXY_TIMER_MSIP: v = msip_ ? 1u : 0u; return true;
        case EPOXY_SIMCTL_BASE + EPOXY_SIMCTL_EXIT:
        case EPOXY_SIMCTL_BASE + EPOXY_SIMCTL_PUTC: v = 0; return true;
        case EPOXY_SIMIRQ_BASE + EPOXY_SIMIRQ_PENDING: v = simirq_; return true;
        case EPOXY_SIMIRQ_BASE + EPOXY_SIMIRQ_SET:
        case EPOXY_SIMIRQ_BASE + EPOXY_SIMIRQ_CLEAR: v = 0; return true;
        default: return false;
    }
}

bool Machine::device_write(uint32_t addr, uint32_t v) {
    auto set_lo = [](uint64_t& r, uint32_t x) { r = (r & ~0xFFFFFFFFull) | x; };
    auto set_hi = [](uint64_t& r, uint32_t x) { r = (r & 0xFFFFFFFFull) | (uint64_t(x) << 32); };
    if (in_iopmp(addr)) return (addr & 3u) == 0 && iopmp_.write(addr - EPOXY_IOPMP_BASE, v);
    switch (addr) {
        case EPOXY_UART_BASE + EPOXY_UART_TXDATA: console_(char(v & 0xFF)); return true;
        case EPOXY_UART_BASE + EPOXY_UART_RXDATA:
        case EPOXY_UART_BASE + EPOXY_UART_STATUS: return true;  // read-only: writes ignored
        case EPOXY_UART_BASE + EPOXY_UART_CLKDIV: uart_clkdiv_ = v & 0xFFFFu; return true;
        case EPOXY_GPIO_BASE + EPOXY_GPIO_OUT: gpio_out_ = v & ((1u << EPOXY_GPIO_PINS) - 1u); return true;
        case EPOXY_GPIO_BASE + EPOXY_GPIO_IN: return true;  // read-only: writes ignored
        case EPOXY_TIMER_BASE + EPOXY_TIMER_MTIME: set_lo(mtime_, v); return true;
        case EPOXY_TIMER_BASE + EPOXY_TIMER_MTIMEH: set_hi(mtime_, v); return true;
        case EPOXY_TIMER_BASE + EPOXY_TIMER_MTIMECMP: set_lo(mtimecmp_, v); return true;
        case EPOXY_TIMER_BASE + EPOXY_TIMER_MTIMECMPH: set_hi(mtimecmp_, v); return true;
        case EPOXY_TIMER_BASE + EPOXY_TIMER_MSIP: msip_ = v & 1u; return true;
        case EPOXY_SIMCTL_BASE + EPOXY_SIMCTL_EXIT:
            exited_ = true;
            exit_code_ = v;
            return true;
        case EPOXY_SIMCTL_BASE + EPOXY_SIMCTL_PUTC: console_(char(v & 0xFF)); return true;
        case EPOXY_SIMIRQ_BASE + EPOXY_SIMIRQ_PENDING: return true;  // read-only
        case EPOXY_SIMIRQ_BASE + EPOXY_SIMIRQ_SET: simirq_ |= v & kSimIrqLines; return true;
        case EPOXY_SIMIRQ_BASE + EPOXY_SIMIRQ_CLEAR: simirq_ &= ~v; return true;
        default: return false;
    }
}

void Machine::update_irq_lines() {
    uint32_t lines = 0;
    if (mtime_ >= mtimecmp_) lines |= rv::kMipMtip;
    if (msip_) lines |= rv::kMipMsip;
    if (ext_irq_) lines |= rv::kMipMeip;
    lines |= simirq_ | (local_irqs_ << rv::kIrqLocal0);
    if (ntt_.irq()) lines |= 1u << (rv::kIrqLocal0 + EPOXY_NTT_IRQ);
    hart_.set_irq_lines(lines);  // the hart keeps the bits it has
    hart_.set_time(mtime_);
}

Retire Machine::step() {
    update_irq_lines();
    Retire r = hart_.step();
    ++mtime_;
    return r;
}

RunResult Machine::run(uint64_t max_steps, const std::function<void(const Retire&)>& observer) {
    RunResult result;
    while (!exited_) {
        if (max_steps && result.steps >= max_steps) {
            result.reason = StopReason::InsnLimit;
            return result;
        }
        const Retire r = step();
        if (r.kind == StepKind::Sleeping) {
            // Nothing happens until an enabled interrupt is pending: skip time forward to the
            // timer interrupt, or stop if no enabled interrupt could ever become pending (the
            // software interrupt and the sim interrupt source are only set by this hart; a
            // host platform that drives MEIP or local lines says so through the WFI hook).
            if ((hart_.mie() & rv::kMipMtip) && mtimecmp_ != ~0ull) {
                if (mtime_ < mtimecmp_) mtime_ = mtimecmp_;
                continue;
            }
            if (wfi_hook_ && wfi_hook_(*this)) continue;
            result.reason = StopReason::Deadlock;
            char msg[160];
            std::snprintf(msg, sizeof msg,
                          "WFI at pc 0x%08x can never wake up: no enabled interrupt can become "
                          "pending (mie=0x%08x)",
                          r.pc, hart_.mie());
            result.message = msg;
            return result;
        }
        ++result.steps;
        if (observer) observer(r);
        // A fault fetching the trap vector itself would repeat forever.
        if (r.kind == StepKind::Trap && r.cause == rv::kInsnAccessFault && r.pc == r.next_pc) {
            result.reason = StopReason::Deadlock;
            char msg[120];
            std::snprintf(msg, sizeof msg,
                          "trap vector 0x%08x cannot be fetched: the hart would trap forever",
                          r.pc);
            result.message = msg;
            return result;
        }
    }
    result.reason = StopReason::Exited;
    result.exit_code = exit_code_;
    return result;
}

}  // namespace epoxy::iss
