// SPDX-License-Identifier: Apache-2.0
// Epoxy SDK: program exit. exit() (picolibc) runs atexit handlers and then _exit(), which
// writes the code to the sim-control EXIT register; on hardware without sim-control the
// core then sleeps forever with interrupts off.
#include <stdint.h>

#include "epoxy/csr.h"
#include "epoxy/sim.h"

void epoxy_exit(int code) {
    *(volatile uint32_t *)(EPOXY_SIMCTL_BASE + EPOXY_SIMCTL_EXIT) = (uint32_t)code;
    epoxy_csr_clear(mstatus, EPOXY_MSTATUS_MIE);
    for (;;) {
        __asm__ volatile("wfi");
    }
}

__attribute__((noreturn)) void _exit(int code);
void _exit(int code) { epoxy_exit(code); }
