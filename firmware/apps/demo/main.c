// SPDX-License-Identifier: Apache-2.0
// demo: the `make run` program. Runs five of the self-checking benchmark kernels of
// firmware/bench (library epoxy_bench, see bench.h) on the glue core, measuring each one's
// computation with the machine counters (minstret, mcycle, read as 64-bit values through
// the SDK's CSR helpers), prints one row per kernel with PASS or FAIL, and exits 0 only when
// every kernel passed (else 1). The full set, with its own report format, is bench.elf.
#include <stdint.h>
#include <stdio.h>

#include "bench.h"

typedef struct {
    const char *name;  // the demo's row name
    const bench_kernel_t *kernel;
} demo_row_t;

static const demo_row_t rows[] = {
    {"crc32", &bench_crc32},   {"sha256", &bench_sha256}, {"sort", &bench_sort},
    {"matmul", &bench_matmul}, {"ntt", &bench_ntt256},
};

int main(void) {
    const int count = (int)(sizeof rows / sizeof rows[0]);
    printf("\n");
    printf("Epoxy demo: software kernels on the RV32IMC glue core\n");
    printf("=====================================================\n");
    printf("Counts from minstret/mcycle around each kernel's computation (the ISS counts one\n");
    printf("cycle per instruction; the RTL core does not). More kernels: bench.elf.\n\n");
    printf("%-8s %12s %12s  %-6s %s\n", "kernel", "instructions", "cycles", "result", "checks");
    printf("%-8s %12s %12s  %-6s %s\n", "------", "------------", "------", "------", "------");

    int passed = 0;
    uint64_t total_insns = 0, total_cycles = 0;
    for (int i = 0; i < count; ++i) {
        const bench_result_t r = bench_measure(rows[i].kernel);
        total_insns += r.instructions;
        total_cycles += r.cycles;
        if (r.status == 0) {
            ++passed;
            printf("%-8s %12llu %12llu  %-6s %s\n", rows[i].name,
                   (unsigned long long)r.instructions, (unsigned long long)r.cycles, "PASS",
                   rows[i].kernel->what);
        } else {
            printf("%-8s %12llu %12llu  %-6s %s (check %d failed)\n", rows[i].name,
                   (unsigned long long)r.instructions, (unsigned long long)r.cycles, "FAIL",
                   rows[i].kernel->what, r.status);
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
