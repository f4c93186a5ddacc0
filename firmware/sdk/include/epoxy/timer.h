// SPDX-License-Identifier: Apache-2.0
// Epoxy SDK: machine timer (CLINT-style mtime/mtimecmp) and the machine software interrupt.
//
// The timer interrupt (mip.MTIP) is pending while mtime >= mtimecmp. On RV32 the 64-bit
// registers are two 32-bit halves: mtime is read hi/lo/hi, and mtimecmp is written low half
// = all ones, then high half, then low half, so no intermediate value is smaller than both
// the old and the new compare value (no spurious interrupt).
#ifndef EPOXY_TIMER_H
#define EPOXY_TIMER_H

#include <stdint.h>

#include "epoxy/memory_map.h"

#ifdef __cplusplus
extern "C" {
#endif

#define EPOXY_TIMER_REG(off) (*(volatile uint32_t *)(EPOXY_TIMER_BASE + (off)))

static inline uint64_t epoxy_timer_mtime(void) {
    uint32_t hi, lo, hi2;
    do {
        hi = EPOXY_TIMER_REG(EPOXY_TIMER_MTIMEH);
        lo = EPOXY_TIMER_REG(EPOXY_TIMER_MTIME);
        hi2 = EPOXY_TIMER_REG(EPOXY_TIMER_MTIMEH);
    } while (hi != hi2);
    return ((uint64_t)hi << 32) | lo;
}

static inline uint64_t epoxy_timer_mtimecmp(void) {
    return ((uint64_t)EPOXY_TIMER_REG(EPOXY_TIMER_MTIMECMPH) << 32) |
           EPOXY_TIMER_REG(EPOXY_TIMER_MTIMECMP);
}

static inline void epoxy_timer_set_cmp(uint64_t when) {
    EPOXY_TIMER_REG(EPOXY_TIMER_MTIMECMP) = 0xFFFFFFFFu;
    EPOXY_TIMER_REG(EPOXY_TIMER_MTIMECMPH) = (uint32_t)(when >> 32);
    EPOXY_TIMER_REG(EPOXY_TIMER_MTIMECMP) = (uint32_t)when;
}

// Interrupt `ticks` ticks from now.
static inline void epoxy_timer_set_relative(uint64_t ticks) {
    epoxy_timer_set_cmp(epoxy_timer_mtime() + ticks);
}

// Push the compare value to the maximum: no timer interrupt.
static inline void epoxy_timer_disable(void) {
    EPOXY_TIMER_REG(EPOXY_TIMER_MTIMECMP) = 0xFFFFFFFFu;
    EPOXY_TIMER_REG(EPOXY_TIMER_MTIMECMPH) = 0xFFFFFFFFu;
}

// Raise (1) or clear (0) the machine software interrupt (mip.MSIP).
static inline void epoxy_timer_set_msip(int pending) {
    EPOXY_TIMER_REG(EPOXY_TIMER_MSIP) = pending ? 1u : 0u;
}

#ifdef __cplusplus
}
#endif

#endif  // EPOXY_TIMER_H
