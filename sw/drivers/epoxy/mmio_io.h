// SPDX-License-Identifier: Apache-2.0
// The core's back end for epoxy::AccelShell (epoxy/accel_shell.h): registers are volatile
// MMIO at the block's base address, and the memory the DMA sees is the core's own address
// space, so descriptors are plain (volatile) stores. tick() does nothing: on the core a poll
// is just the next register read.
//
// Ordering: the shell reads descriptors from memory after the doorbell write, and software
// reads results from memory after seeing STATUS idle. Volatile accesses keep the compiler's
// order; the fences keep the hardware's (a no-op on an in-order core, required elsewhere).
// Freestanding C++17 like the driver.
#ifndef EPOXY_DRIVERS_MMIO_IO_H_
#define EPOXY_DRIVERS_MMIO_IO_H_

#include <stddef.h>
#include <stdint.h>

namespace epoxy {

class MmioIo {
  public:
    explicit constexpr MmioIo(uintptr_t base) : base_(base) {}

    uint32_t reg_read(uint32_t off) {
        const uint32_t v = *reinterpret_cast<volatile uint32_t*>(base_ + off);
        fence();  // device state first, then the memory it describes
        return v;
    }
    void reg_write(uint32_t off, uint32_t v) {
        fence();  // descriptors in memory before the doorbell
        *reinterpret_cast<volatile uint32_t*>(base_ + off) = v;
    }
    void mem_write(uint32_t addr, const uint32_t* words, size_t n) {
        volatile uint32_t* p = reinterpret_cast<volatile uint32_t*>(uintptr_t(addr));
        for (size_t i = 0; i < n; ++i) p[i] = words[i];
    }
    void mem_read(uint32_t addr, uint32_t* words, size_t n) {
        const volatile uint32_t* p = reinterpret_cast<const volatile uint32_t*>(uintptr_t(addr));
        for (size_t i = 0; i < n; ++i) words[i] = p[i];
    }
    void tick() {}

  private:
    static void fence() {
#if defined(__riscv)
        __asm__ volatile("fence iorw, iorw" ::: "memory");
#else
        __asm__ volatile("" ::: "memory");
#endif
    }

    uintptr_t base_;
};

}  // namespace epoxy

#endif  // EPOXY_DRIVERS_MMIO_IO_H_
