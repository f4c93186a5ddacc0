// SPDX-License-Identifier: Apache-2.0
// Epoxy SDK: trap (exception and interrupt) handling.
//
// crt0 points mtvec at the SDK trap vector epoxy_trap_vector (direct mode). It saves all
// registers and mepc/mcause/mtval/mstatus in an epoxy_trap_frame_t and calls the installed
// handler, then restores everything from the frame and returns with mret. Traps from M-mode
// use the interrupted stack; traps from U-mode switch to the M-mode stack kept in mscratch
// (mscratch belongs to the SDK: it must stay 0 while M-mode code runs). A handler resumes
// after the faulting instruction with epoxy_trap_skip(frame), may change any frame->x[i]
// (x[0] is ignored) and frame->mstatus (e.g. MPP to return to another mode). U-mode entry
// and return: epoxy/umode.h.
// Without a handler, the default one prints the trap and exits with code 127.
#ifndef EPOXY_TRAP_H
#define EPOXY_TRAP_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
    uint32_t x[32];    // x[0] = 0, x[2] = sp at the time of the trap
    uint32_t mepc;     // restored to mepc before mret
    uint32_t mcause;
    uint32_t mtval;
    uint32_t mstatus;  // restored to mstatus before mret
} epoxy_trap_frame_t;

typedef void (*epoxy_trap_handler_t)(epoxy_trap_frame_t *);

// Install a handler for every trap; NULL reinstates the default handler.
void epoxy_set_trap_handler(epoxy_trap_handler_t h);
// The handler in use now.
epoxy_trap_handler_t epoxy_get_trap_handler(void);
// The default handler: prints "unhandled trap: mcause=0x... mepc=0x... mtval=0x..." and
// exits with code 127.
void epoxy_default_trap_handler(epoxy_trap_frame_t *frame);

// The SDK vector, for code that points mtvec elsewhere and back (mode bits 0 = direct).
void epoxy_trap_vector(void);

// Length in bytes (2 or 4) of the instruction at `pc` (it must be readable in M-mode).
static inline uint32_t epoxy_insn_length(uint32_t pc) {
    return ((*(const volatile uint16_t *)pc) & 3u) == 3u ? 4u : 2u;
}

// Resume after the trapping instruction (for exceptions; interrupts resume at mepc as is).
static inline void epoxy_trap_skip(epoxy_trap_frame_t *frame) {
    frame->mepc += epoxy_insn_length(frame->mepc);
}

#ifdef __cplusplus
}
#endif

#endif  // EPOXY_TRAP_H
