// SPDX-License-Identifier: Apache-2.0
// demo: the `make run` program. Runs a table of self-checking software kernels on the glue
// core, measuring each with the machine counters (minstret, mcycle, read as 64-bit values
// through the SDK's CSR helpers), prints one row per kernel with PASS or FAIL, and exits 0
// only when every kernel passed (else 1).
#include <stdint.h>
#include <stdio.h>

#include "epoxy/csr.h"
#include "kernels.h"

typedef struct {
    const char *name;
    const char *what;
    int (*run)(void);
} kernel_t;

static const kernel_t kernels[] = {
    {"crc32", "check value, 2 KiB table vs bitwise", kernel_crc32},
    {"sha256", "FIPS 180-2 abc, 448-bit, empty", kernel_sha256},
    {"sort", "insertion 256, quick 2048, sum+xor", kernel_sort},
    {"matmul", "16x16: A*I, I*B, row sums, checksum", kernel_matmul},
    {"ntt", "BabyBear n=256 vs naive DFT, inverse", kernel_ntt},
};

int main(void) {
    const int count = (int)(sizeof kernels / sizeof kernels[0]);
    printf("\n");
    printf("Epoxy demo: software kernels on the RV32IMC glue core\n");
    printf("=====================================================\n");
    printf("Counts from minstret/mcycle around each kernel (the ISS counts one cycle per\n");
    printf("instruction; the RTL core will not).\n\n");
    printf("%-8s %12s %12s  %-6s %s\n", "kernel", "instructions", "cycles", "result", "checks");
    printf("%-8s %12s %12s  %-6s %s\n", "------", "------------", "------", "------", "------");

    int passed = 0;
    uint64_t total_insns = 0, total_cycles = 0;
    for (int i = 0; i < count; ++i) {
        // The cycle window encloses the instruction window (cycles >= instructions).
        const uint64_t c0 = epoxy_mcycle64();
        const uint64_t i0 = epoxy_minstret64();
        const int rc = kernels[i].run();
        const uint64_t i1 = epoxy_minstret64();
        const uint64_t c1 = epoxy_mcycle64();
        total_insns += i1 - i0;
        total_cycles += c1 - c0;
        if (rc == 0) {
            ++passed;
            printf("%-8s %12llu %12llu  %-6s %s\n", kernels[i].name,
                   (unsigned long long)(i1 - i0), (unsigned long long)(c1 - c0), "PASS",
                   kernels[i].what);
        } else {
            printf("%-8s %12llu %12llu  %-6s %s (check %d failed)\n", kernels[i].name,
                   (unsigned long long)(i1 - i0), (unsigned long long)(c1 - c0), "FAIL",
                   kernels[i].what, rc);
        }
    }
    printf("%-8s %12llu %12llu\n\n", "total", (unsigned long long)total_insns,
           (unsigned long long)total_cycles);
    if (passed == count) {
        printf("demo: all %d kernels PASS\n", count);
        return 0;
    }
    printf("demo: %d of %d kernels FAIL\n", count - passed, count);
    return 1;
}
