// SPDX-License-Identifier: Apache-2.0
// Epoxy SDK: the simulation-control device (present in the ISS and RTL simulators only).
//
// epoxy_exit() ends the simulation with an exit code; on a board, where there is no
// sim-control device, it parks the core in a wfi loop instead. _exit() and exit() end here.
#ifndef EPOXY_SIM_H
#define EPOXY_SIM_H

#include <stdint.h>

#include "epoxy/memory_map.h"

#ifdef __cplusplus
extern "C" {
#endif

// Write the exit code to SIMCTL EXIT, then wait for interrupts forever. Runs no atexit
// handlers (use exit() for that).
__attribute__((noreturn)) void epoxy_exit(int code);

// One character straight to the simulator's stdout, bypassing the UART.
static inline void epoxy_sim_putc(char c) {
    *(volatile uint32_t *)(EPOXY_SIMCTL_BASE + EPOXY_SIMCTL_PUTC) = (uint8_t)c;
}

#ifdef __cplusplus
}
#endif

#endif  // EPOXY_SIM_H
