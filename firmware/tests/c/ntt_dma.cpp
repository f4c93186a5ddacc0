// SPDX-License-Identifier: Apache-2.0
// test-ntt-dma: the NTT coprocessor's DMA reaches the SRAM and nothing else (docs/soc.md).
// Descriptors that read or write the boot ROM, a device page (the UART: a leak would print),
// the block's own registers or an unmapped address must stop
// with DMA_ERROR (6) at their ring index, leave the SRAM destination untouched for a bad
// source, and leave the block usable: a good descriptor after each one gives the golden
// answer (a forward then inverse NTT returns the input). Runs on the ISS (functional model)
// and on the RTL SoC with the same output. Exit 0 when every check holds, else the check's id.
#include <stddef.h>
#include <stdint.h>

#include "epoxy/accel_shell.h"
#include "epoxy/memory_map.h"
#include "epoxy/mmio_io.h"
#include "epoxy/ntt.h"
#include "ntt_test_run.h"
#include "test_common.h"

namespace {

using epoxy::AccelShell;
using epoxy::AccelStatus;
using epoxy::Descriptor;
using epoxy::MmioIo;
using epoxy::ntt::NttField;
using epoxy::ntt::NttVariant;
namespace ntt = epoxy::ntt;

using ntt_test::addr;
using ntt_test::kLogN;
using ntt_test::kN;
alignas(64) uint32_t ring[8 * 4];
uint32_t src[kN], dst[kN], back[kN];

// Runs one descriptor; returns its error code (0 on success); recovers through src -> back.
unsigned run(AccelShell<MmioIo>& shell, const Descriptor& d, uint32_t* index) {
    return ntt_test::run(shell, d, index, src, back);
}

// A good round trip (forward then inverse gives the input back) after a failure.
void still_usable(AccelShell<MmioIo>& shell, int id) {
    ntt_test::round_trip(shell, id, src, dst, back);
}

}  // namespace

int main() {
    MmioIo io(EPOXY_NTT_BASE);
    AccelShell<MmioIo> shell(io);
    ntt::NttCaps caps{};
    CHECK(1, ntt::probe(shell, &caps) == AccelStatus::Ok);
    CHECK(2, shell.configure_ring(addr(ring), 2) == AccelStatus::Ok);
    for (uint32_t i = 0; i < kN; ++i) src[i] = 1000u * i + 7u;
    still_usable(shell, 3);

    // (source, destination) pairs outside the SRAM: each must fail with DMA_ERROR.
    struct Case {
        uint32_t src, dst;
        int id;
    };
    const Case cases[] = {
        {EPOXY_ROM_BASE, addr(dst), 10},             // read the boot ROM
        {addr(src), EPOXY_ROM_BASE, 20},             // write the boot ROM
        {EPOXY_UART_BASE, addr(dst), 30},            // read a device
        {addr(src), EPOXY_UART_BASE, 40},            // write a device (would print)
        {EPOXY_TIMER_BASE, addr(dst), 50},           // read the timer
        {EPOXY_NTT_BASE, addr(dst), 60},             // read its own registers
        {addr(src), EPOXY_NTT_BASE, 70},             // write its own registers
        {0x40000000u, addr(dst), 80},                // unmapped
    };
    for (const Case& c : cases) {
        for (uint32_t i = 0; i < kN; ++i) dst[i] = 0x5A5A5A5Au;
        uint32_t index = 99;
        const unsigned code = run(shell, ntt::forward(NttField::BabyBear, NttVariant::Cyclic,
                                                      kLogN, c.src, c.dst), &index);
        CHECK(c.id, code == 6u);
        if (c.dst == addr(dst))
            for (uint32_t i = 0; i < kN; ++i) CHECK(c.id + 1, dst[i] == 0x5A5A5A5Au);
        still_usable(shell, c.id + 2);
    }
    epoxy_uart_puts("test-ntt-dma: PASS\n");
    return 0;
}
