// SPDX-License-Identifier: Apache-2.0
// Epoxy SDK: UART driver (polled, bounded waits; see include/epoxy/uart.h).
#include "epoxy/uart.h"

#define UART_REG(off) (*(volatile uint32_t *)(EPOXY_UART_BASE + (off)))

static uint32_t tx_dropped;

int epoxy_uart_putc(char c) {
    for (uint32_t polls = 0; polls < EPOXY_UART_TX_POLLS; ++polls) {
        if ((UART_REG(EPOXY_UART_STATUS) & EPOXY_UART_STATUS_TX_FULL) == 0) {
            UART_REG(EPOXY_UART_TXDATA) = (uint8_t)c;
            return EPOXY_UART_OK;
        }
    }
    ++tx_dropped;
    return EPOXY_UART_TIMEOUT;
}

size_t epoxy_uart_write(const char *buf, size_t len) {
    size_t sent = 0;
    for (size_t i = 0; i < len; ++i) {
        if (epoxy_uart_putc(buf[i]) == EPOXY_UART_OK) {
            ++sent;
        }
    }
    return sent;
}

void epoxy_uart_puts(const char *s) {
    while (*s != '\0') {
        epoxy_uart_putc(*s++);
    }
}

void epoxy_uart_put_hex32(uint32_t v) {
    static const char digits[] = "0123456789abcdef";
    for (int shift = 28; shift >= 0; shift -= 4) {
        epoxy_uart_putc(digits[(v >> shift) & 0xFu]);
    }
}

int epoxy_uart_try_getc(void) {
    uint32_t rx = UART_REG(EPOXY_UART_RXDATA);
    if (rx & EPOXY_UART_RXDATA_EMPTY) {
        return EPOXY_UART_EMPTY;
    }
    return (int)(rx & 0xFFu);
}

int epoxy_uart_getc(void) {
    for (uint32_t polls = 0; polls < EPOXY_UART_RX_POLLS; ++polls) {
        int c = epoxy_uart_try_getc();
        if (c != EPOXY_UART_EMPTY) {
            return c;
        }
    }
    return EPOXY_UART_EMPTY;
}

uint32_t epoxy_uart_tx_dropped(void) { return tx_dropped; }
