// SPDX-License-Identifier: Apache-2.0
// my_app: an Epoxy app built out of tree against the SDK (see CMakeLists.txt). Uses stdio,
// the counters and the trap API: times a loop, catches an ebreak, and exits 0 when all went
// as expected.
#include <stdint.h>
#include <stdio.h>

#include "epoxy/csr.h"
#include "epoxy/trap.h"

static volatile int breakpoints;

static void on_trap(epoxy_trap_frame_t *frame) {
    if (frame->mcause == EPOXY_CAUSE_BREAKPOINT) {
        ++breakpoints;
        epoxy_trap_skip(frame);  // resume after the ebreak
        return;
    }
    epoxy_default_trap_handler(frame);  // anything else: report and exit 127
}

int main(void) {
    epoxy_set_trap_handler(on_trap);

    const uint64_t start = epoxy_minstret64();
    uint32_t sum = 0;
    for (uint32_t i = 1; i <= 1000; ++i) sum += i * i;
    const uint64_t insns = epoxy_minstret64() - start;

    __asm__ volatile("ebreak");

    printf("my_app: sum of squares 1..1000 = %lu in %llu instructions, %d breakpoint\n",
           (unsigned long)sum, (unsigned long long)insns, breakpoints);
    const int ok = sum == 333833500u && breakpoints == 1;
    printf("my_app: %s\n", ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
