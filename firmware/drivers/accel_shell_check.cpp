// SPDX-License-Identifier: Apache-2.0
// Build check for the accelerator shell driver on the core: instantiates
// epoxy::AccelShell<epoxy::MmioIo> (sw/drivers/epoxy/) with the firmware toolchain's flags
// (RV32IMC, freestanding, no exceptions, no RTTI), so a driver change that breaks the
// freestanding build breaks `make build`. Nothing runs it yet: the shell is not in the SoC
// (docs/accel-shell.md, Status). The host build compiles this file too (tests/accel).
#include <stddef.h>
#include <stdint.h>

#include "epoxy/accel_shell.h"
#include "epoxy/mmio_io.h"

// Every member function, whether or not the code below calls it.
template class epoxy::AccelShell<epoxy::MmioIo>;

// Each call once, as firmware would make it; returns the first status that is not Ok.
extern "C" int epoxy_accel_shell_check(uintptr_t regs, uint32_t ring, uint32_t data) {
    epoxy::MmioIo io(regs);
    epoxy::AccelShell<epoxy::MmioIo> shell(io);
    epoxy::AccelInfo info;
    const epoxy::Descriptor d[2] = {
        epoxy::Descriptor::op(0x02).dst(data).length(16).param0(0x5A5A5A5Au),
        epoxy::Descriptor::op(0x01).src0(data).dst(data + 64).length(16).irq(),
    };
    epoxy::AccelError code;
    epoxy::AccelPerf perf;
    uint32_t index = 0, irqs = 0, free = 0, head = 0, tail = 0;
    const epoxy::AccelStatus steps[] = {
        shell.probe(0x434F5059u, &info),
        shell.configure_ring(ring, 2),
        shell.irq_enable(epoxy::kAccelIrqDone | epoxy::kAccelIrqError),
        shell.free_slots(&free),
        shell.submit(d, 2),
        shell.wait_idle(100000),
        shell.last_error(&code, &index),
        shell.replace(index, d[0]),
        shell.clear_error(),
        shell.irq_status(&irqs),
        shell.irq_clear(irqs),
        shell.irq_enabled(&irqs),
        shell.perf_read(&perf),
        shell.perf_clear(),
        shell.queue_indices(&head, &tail),
        shell.abort(1000),
    };
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; ++i)
        if (steps[i] != epoxy::AccelStatus::Ok) return int(i) + 1;
    return 0;
}
