// SPDX-License-Identifier: Apache-2.0
// The ISS's model of the Epoxy SoC: one hart plus the memory map of
// sw/include/epoxy/memory_map.h (boot ROM, SRAM, UART, machine timer, sim-control, the
// sim-only interrupt source, the NTT coprocessor, iss/accel_ntt.h, and the IOPMP that bounds
// its DMA, iss/iopmp.h).
//
// Interrupt lines: MTIP and MSIP come from the timer; MEIP and the hart's local lines (bits
// 16+, Hart::set_local_irq_count) are the OR of the sim interrupt source device (raised and
// acknowledged by the firmware itself) and the levels a host platform drives with
// set_external_irq() / set_local_irqs(); local line EPOXY_NTT_IRQ also carries the NTT
// coprocessor's interrupt.
//
// The machine timer advances one tick per step (the ISS has no notion of cycles beyond
// one per instruction). While the hart sleeps in WFI, run() skips time forward to the
// next timer interrupt instead of stepping through it; if no enabled interrupt can ever
// wake the hart, run() stops with StopReason::Deadlock instead of hanging. A host platform
// that raises MEIP or local lines asynchronously says so with set_wfi_hook(): run() asks the
// hook before declaring a deadlock.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <string>
#include <vector>

#include "iss/accel_ntt.h"
#include "iss/bus.h"
#include "iss/hart.h"
#include "iss/iopmp.h"

namespace epoxy::iss {

// A RAM or ROM region. The loader may write ROM; the hart may not.
class Memory {
public:
    Memory(uint32_t base, uint32_t size, bool writable);
    bool contains(uint32_t addr, uint32_t size) const {
        return addr >= base_ && size <= size_ && addr - base_ <= size_ - size;
    }
    uint32_t read(uint32_t addr, unsigned size) const;
    void write(uint32_t addr, unsigned size, uint32_t value);
    uint32_t base() const { return base_; }
    uint32_t size() const { return size_; }
    bool writable() const { return writable_; }
    uint8_t* data() { return bytes_.data(); }

private:
    uint32_t base_, size_;
    bool writable_;
    std::vector<uint8_t> bytes_;
};

enum class StopReason : uint8_t {
    Exited,     // firmware wrote the sim-control EXIT register
    InsnLimit,  // the step limit given to run() was reached
    Deadlock,   // WFI with no interrupt that could ever wake the hart
};

struct RunResult {
    StopReason reason = StopReason::Exited;
    uint32_t exit_code = 0;  // Exited: the value written to EXIT
    uint64_t steps = 0;      // records with kind Retired, Trap or Interrupt
    std::string message;     // Deadlock: what happened
};

class Machine : public Bus {
public:
    explicit Machine(uint32_t sram_size = 0);  // 0: EPOXY_SRAM_SIZE

    Hart& hart() { return hart_; }
    const Hart& hart() const { return hart_; }
    Memory& rom() { return rom_; }
    Memory& sram() { return sram_; }
    // The NTT coprocessor at EPOXY_NTT_BASE (its DMA reaches the SRAM only, and only the
    // IOPMP's windows when that is enabled).
    NttDevice& ntt() { return ntt_; }
    const NttDevice& ntt() const { return ntt_; }
    // The IOPMP at EPOXY_IOPMP_BASE.
    Iopmp& iopmp() { return iopmp_; }
    const Iopmp& iopmp() const { return iopmp_; }

    // Loader path: copy bytes into ROM or SRAM. False if any byte falls outside both.
    bool load(uint32_t addr, const uint8_t* bytes, uint32_t size);
    // Debug read of ROM/SRAM without side effects. False outside memory.
    bool peek(uint32_t addr, unsigned size, uint32_t& value) const;

    // Where UART TX and sim-control PUTC characters go (default: stdout).
    void set_console(std::function<void(char)> sink) { console_ = std::move(sink); }
    // Bytes the UART will receive, in order.
    void push_uart_input(const std::string& bytes);

    // Levels a host platform drives (ORed with the sim interrupt source device): MEIP, and
    // the local lines as a bit mask (bit i = line i = mip bit 16 + i). They hold until
    // changed; the hart only sees the lines it has (Hart::set_local_irq_count).
    void set_external_irq(bool level) { ext_irq_ = level; }
    void set_local_irqs(uint32_t lines) { local_irqs_ = lines & 0xFFFFu; }
    // The sim interrupt source's raised lines (mip bit positions).
    uint32_t simirq_pending() const { return simirq_; }
    // Called by run() when the hart sleeps in WFI and the timer cannot wake it. The hook may
    // raise lines (set_external_irq, set_local_irqs, or a timer/MSIP write through the bus)
    // and returns true if it did; false means no source will ever wake the hart: deadlock.
    // Without a hook (the default) such a WFI is a deadlock.
    void set_wfi_hook(std::function<bool(Machine&)> hook) { wfi_hook_ = std::move(hook); }

    uint64_t mtime() const { return mtime_; }
    uint64_t mtimecmp() const { return mtimecmp_; }
    bool exited() const { return exited_; }
    uint32_t exit_code() const { return exit_code_; }

    // One hart step; the timer ticks and interrupt lines are updated first.
    Retire step();
    // Step until the firmware exits, `max_steps` steps have been taken (0: no limit), or
    // a deadlock; `observer` sees every record that is not Sleeping.
    RunResult run(uint64_t max_steps, const std::function<void(const Retire&)>& observer = {});

    // Bus
    bool read(uint32_t addr, unsigned size, Access kind, uint32_t& value) override;
    bool write(uint32_t addr, unsigned size, uint32_t value) override;

private:
    bool device_read(uint32_t addr, uint32_t& value);
    bool device_write(uint32_t addr, uint32_t value);
    void update_irq_lines();

    Memory rom_, sram_;
    Iopmp iopmp_;
    NttDevice ntt_;
    Hart hart_;
    std::function<void(char)> console_;
    std::deque<uint8_t> uart_rx_;
    uint32_t uart_clkdiv_ = 0;
    uint32_t gpio_out_ = 0;
    uint64_t mtime_ = 0, mtimecmp_ = ~0ull;
    bool msip_ = false;
    uint32_t simirq_ = 0;        // sim interrupt source: raised lines, mip bit positions
    bool ext_irq_ = false;       // host-driven MEIP
    uint32_t local_irqs_ = 0;    // host-driven local lines, bit i = line i
    std::function<bool(Machine&)> wfi_hook_;
    bool exited_ = false;
    uint32_t exit_code_ = 0;
};

}  // namespace epoxy::iss
