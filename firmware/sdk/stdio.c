// SPDX-License-Identifier: Apache-2.0
// Epoxy SDK: picolibc stdio streams on the UART.
//
// picolibc's tinystdio asks the application for stdin, stdout and stderr. Here they are one
// unbuffered read/write stream whose put/get call the UART driver: a byte the UART could
// not take in time is reported as an error to stdio, and a read that finds nothing within
// the driver's poll budget is end of file (clearerr(stdin) to try again).
#include <stdio.h>

#include "epoxy/uart.h"

static int epoxy_stdio_put(char c, FILE *file) {
    (void)file;
    return epoxy_uart_putc(c) == EPOXY_UART_OK ? (unsigned char)c : _FDEV_ERR;
}

static int epoxy_stdio_get(FILE *file) {
    (void)file;
    int c = epoxy_uart_getc();
    return c == EPOXY_UART_EMPTY ? _FDEV_EOF : c;
}

static FILE epoxy_uart_stream = FDEV_SETUP_STREAM(epoxy_stdio_put, epoxy_stdio_get, NULL,
                                                  _FDEV_SETUP_RW);

FILE *const stdin = &epoxy_uart_stream;
FILE *const stdout = &epoxy_uart_stream;
FILE *const stderr = &epoxy_uart_stream;
