// SPDX-License-Identifier: Apache-2.0
// Epoxy SDK: C side of trap handling: the handler table (one entry), the default handler,
// and the end of a U-mode run (epoxy_run_user). The assembly vector (trap_vector.S) calls
// epoxy_trap_dispatch().
#include <stddef.h>

#include "epoxy/csr.h"
#include "epoxy/sim.h"
#include "epoxy/trap.h"
#include "epoxy/uart.h"
#include "epoxy/umode.h"

static volatile epoxy_trap_handler_t current_handler = epoxy_default_trap_handler;

void epoxy_set_trap_handler(epoxy_trap_handler_t h) {
    current_handler = h != NULL ? h : epoxy_default_trap_handler;
}

epoxy_trap_handler_t epoxy_get_trap_handler(void) { return current_handler; }

// Uses the UART driver directly, not stdio: the trap may have hit inside printf.
void epoxy_default_trap_handler(epoxy_trap_frame_t *frame) {
    epoxy_uart_puts("unhandled trap: mcause=0x");
    epoxy_uart_put_hex32(frame->mcause);
    epoxy_uart_puts(" mepc=0x");
    epoxy_uart_put_hex32(frame->mepc);
    epoxy_uart_puts(" mtval=0x");
    epoxy_uart_put_hex32(frame->mtval);
    epoxy_uart_puts("\n");
    epoxy_exit(127);
}

void epoxy_run_user_resume(void);   // umode.S
extern const char epoxy_user_return_ecall[];  // umode.S: the ecall that ends a U-mode run

void epoxy_trap_dispatch(epoxy_trap_frame_t *frame);
void epoxy_trap_dispatch(epoxy_trap_frame_t *frame) {
    if (frame->mcause == EPOXY_CAUSE_ECALL_U &&
        frame->mepc == (uint32_t)(uintptr_t)epoxy_user_return_ecall) {
        // End of a U-mode run: resume epoxy_run_user() in M-mode on the stack it left in
        // mscratch, which is exactly where this frame ends. a0 (the result) is kept.
        frame->mepc = (uint32_t)(uintptr_t)&epoxy_run_user_resume;
        frame->mstatus = (frame->mstatus & ~EPOXY_MSTATUS_MPP) | EPOXY_MSTATUS_MPP_M;
        frame->x[2] = (uint32_t)(uintptr_t)(frame + 1);
        return;
    }
    current_handler(frame);
}
