// SPDX-License-Identifier: Apache-2.0
// Epoxy SDK: C side of trap handling: the handler table (one entry) and the default
// handler. The assembly vector (trap_vector.S) calls epoxy_trap_dispatch().
#include <stddef.h>

#include "epoxy/sim.h"
#include "epoxy/trap.h"
#include "epoxy/uart.h"

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

void epoxy_trap_dispatch(epoxy_trap_frame_t *frame);
void epoxy_trap_dispatch(epoxy_trap_frame_t *frame) { current_handler(frame); }
