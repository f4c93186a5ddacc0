// SPDX-License-Identifier: Apache-2.0
// Shared helpers of the firmware C tests: CHECK(id, cond) ends the program with exit code
// `id` (1..120, unique per check in a program) and a line naming the check when cond is
// false. Output goes through the UART driver, not stdio, so it also works in trap handlers.
#ifndef EPOXY_TEST_COMMON_H
#define EPOXY_TEST_COMMON_H

#include <stdint.h>

#include "epoxy/sim.h"
#include "epoxy/uart.h"

static inline void test_put_dec(uint32_t v) {
    char buf[11];
    int n = 0;
    do {
        buf[n++] = (char)('0' + v % 10u);
        v /= 10u;
    } while (v != 0);
    while (n > 0) epoxy_uart_putc(buf[--n]);
}

static inline void test_fail(int id, const char *what, const char *file, int line) {
    epoxy_uart_puts("FAIL check ");
    test_put_dec((uint32_t)id);
    epoxy_uart_puts(" (");
    epoxy_uart_puts(what);
    epoxy_uart_puts(") at ");
    epoxy_uart_puts(file);
    epoxy_uart_puts(":");
    test_put_dec((uint32_t)line);
    epoxy_uart_puts("\n");
    epoxy_exit(id);
}

#define CHECK(id, cond)                                      \
    do {                                                     \
        if (!(cond)) test_fail((id), #cond, __FILE__, __LINE__); \
    } while (0)

static inline void test_pass(const char *name) {
    epoxy_uart_puts(name);
    epoxy_uart_puts(": PASS\n");
    epoxy_exit(0);
}

#endif  // EPOXY_TEST_COMMON_H
