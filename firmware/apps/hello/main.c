// SPDX-License-Identifier: Apache-2.0
// hello: the smallest Epoxy app. Prints a greeting over the UART (picolibc stdio) and
// exits with code 0 through the sim-control device.
#include <stdio.h>

int main(void) {
    printf("Hello from Epoxy! (RV32IMC, picolibc %s)\n", __PICOLIBC_VERSION__);
    return 0;
}
