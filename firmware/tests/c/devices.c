// SPDX-License-Identifier: Apache-2.0
// test-devices: the SoC's GPIO and UART registers as firmware sees them, identical on the
// ISS and on the RTL SoC (epoxy-sim): GPIO OUT keeps EPOXY_GPIO_PINS bits, IN reads 0 and
// ignores writes; UART CLKDIV keeps 16 bits, and text sent at several bit times arrives
// intact (epoxy-sim decodes the TX pin at whatever CLKDIV says); RXDATA reports empty; the
// timer's mtime advances and MSIP reads back. Register offsets come from the generated
// memory map header.
#include <stdint.h>

#include "epoxy/memory_map.h"
#include "test_common.h"

#define REG(base, off) (*(volatile uint32_t *)((base) + (off)))

int main(void) {
    // ---- GPIO --------------------------------------------------------------------------
    const uint32_t pins = (1u << EPOXY_GPIO_PINS) - 1u;
    CHECK(1, REG(EPOXY_GPIO_BASE, EPOXY_GPIO_OUT) == 0u);  // reset value
    REG(EPOXY_GPIO_BASE, EPOXY_GPIO_OUT) = 0xA5u;
    CHECK(2, REG(EPOXY_GPIO_BASE, EPOXY_GPIO_OUT) == 0xA5u);
    REG(EPOXY_GPIO_BASE, EPOXY_GPIO_OUT) = 0xFFFFFFFFu;
    CHECK(3, REG(EPOXY_GPIO_BASE, EPOXY_GPIO_OUT) == pins);
    REG(EPOXY_GPIO_BASE, EPOXY_GPIO_IN) = 0xFFFFFFFFu;  // read-only
    CHECK(4, REG(EPOXY_GPIO_BASE, EPOXY_GPIO_IN) == 0u);
    REG(EPOXY_GPIO_BASE, EPOXY_GPIO_OUT) = 0u;

    // ---- UART -------------------------------------------------------------------------
    CHECK(5, REG(EPOXY_UART_BASE, EPOXY_UART_CLKDIV) == 0u);
    CHECK(6, (REG(EPOXY_UART_BASE, EPOXY_UART_STATUS) & EPOXY_UART_STATUS_RX_VALID) == 0u);
    CHECK(7, REG(EPOXY_UART_BASE, EPOXY_UART_RXDATA) == EPOXY_UART_RXDATA_EMPTY);
    REG(EPOXY_UART_BASE, EPOXY_UART_CLKDIV) = 0x12345u;
    CHECK(8, REG(EPOXY_UART_BASE, EPOXY_UART_CLKDIV) == 0x2345u);
    static const uint32_t divs[] = {0u, 1u, 2u, 7u, 16u, 0u};
    for (unsigned i = 0; i < sizeof divs / sizeof divs[0]; ++i) {
        // Wait for the transmitter to drain before changing the bit time: TX full clears
        // first, then a few bytes' worth of polls let the last frame leave the shifter.
        for (int spin = 0; spin < 4000; ++spin) (void)REG(EPOXY_UART_BASE, EPOXY_UART_STATUS);
        REG(EPOXY_UART_BASE, EPOXY_UART_CLKDIV) = divs[i];
        epoxy_uart_puts("uart: ");
        test_put_dec(divs[i] + 1u);
        epoxy_uart_puts(" cycles per bit, 0123456789 abcdefghijklmnopqrstuvwxyz\n");
    }

    // ---- Timer ------------------------------------------------------------------------
    const uint32_t t0 = REG(EPOXY_TIMER_BASE, EPOXY_TIMER_MTIME);
    for (volatile int i = 0; i < 10; ++i) {
    }
    CHECK(9, REG(EPOXY_TIMER_BASE, EPOXY_TIMER_MTIME) != t0);
    REG(EPOXY_TIMER_BASE, EPOXY_TIMER_MSIP) = 0u;
    CHECK(10, REG(EPOXY_TIMER_BASE, EPOXY_TIMER_MSIP) == 0u);

    epoxy_uart_puts("test-devices: PASS\n");
    return 0;
}
