// SPDX-License-Identifier: Apache-2.0
// test-must-fail: exits with code 3 on purpose. Its ctest expects exactly status 3, which
// proves the harness sees a failing program's exit code (and does not just read output).
#include <stdio.h>

int main(void) {
    printf("test-must-fail: exiting with code 3 on purpose\n");
    return 3;
}
