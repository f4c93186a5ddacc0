// SPDX-License-Identifier: Apache-2.0
// Epoxy SDK: UART driver. Never hangs: every wait is a bounded number of polls.
//
// stdout/stderr/stdin (picolibc stdio) are wired to this driver by the SDK, so printf and
// getchar work without any set-up; these functions are for direct use.
#ifndef EPOXY_UART_H
#define EPOXY_UART_H

#include <stddef.h>
#include <stdint.h>

#include "epoxy/memory_map.h"

#ifdef __cplusplus
extern "C" {
#endif

// Polls of STATUS.TX_FULL before a byte is dropped, and of RXDATA before a read gives up.
#define EPOXY_UART_TX_POLLS 100000u
#define EPOXY_UART_RX_POLLS 10000u

#define EPOXY_UART_OK 0
#define EPOXY_UART_TIMEOUT (-1) // TX: still full after EPOXY_UART_TX_POLLS; byte dropped
#define EPOXY_UART_EMPTY (-1)   // RX: nothing received within the poll budget

// Send one byte; EPOXY_UART_OK, or EPOXY_UART_TIMEOUT when the byte was dropped.
int epoxy_uart_putc(char c);
// Send a buffer; returns how many bytes were sent (the rest were dropped).
size_t epoxy_uart_write(const char *buf, size_t len);
// Send a NUL-terminated string.
void epoxy_uart_puts(const char *s);
// Send a 32-bit value as 8 hex digits (no prefix); safe in trap handlers (no stdio).
void epoxy_uart_put_hex32(uint32_t v);
// Receive one byte (0..255), waiting up to EPOXY_UART_RX_POLLS polls; else EPOXY_UART_EMPTY.
int epoxy_uart_getc(void);
// Receive one byte if one is waiting now; else EPOXY_UART_EMPTY.
int epoxy_uart_try_getc(void);
// Bytes dropped by TX timeouts since reset.
uint32_t epoxy_uart_tx_dropped(void);

#ifdef __cplusplus
}
#endif

#endif  // EPOXY_UART_H
