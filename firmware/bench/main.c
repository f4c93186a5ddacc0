// SPDX-License-Identifier: Apache-2.0
// bench: the firmware benchmark harness. Runs every kernel of bench.h once, measuring run()
// with minstret and mcycle (64-bit reads), and prints one machine-parsable line per kernel
//
//   bench <name> <instructions> <cycles> PASS|FAIL <what> [(check <n> failed)]
//
// then "bench total <instructions> <cycles>" and a summary line. Exits 0 only when every
// kernel passed its checks, else 1. scripts/bench_core.cmake (`make bench`) parses the lines.
#include <stdio.h>

#include "bench.h"

int main(void) {
    printf("bench: Epoxy firmware benchmarks, %d kernels (counts of the measured part only)\n",
           bench_kernel_count);
    int passed = 0;
    uint64_t total_insns = 0, total_cycles = 0;
    for (int i = 0; i < bench_kernel_count; ++i) {
        const bench_kernel_t *k = bench_kernels[i];
        const bench_result_t r = bench_measure(k);
        total_insns += r.instructions;
        total_cycles += r.cycles;
        printf("bench %-10s %10llu %10llu %s %s", k->name, (unsigned long long)r.instructions,
               (unsigned long long)r.cycles, r.status == 0 ? "PASS" : "FAIL", k->what);
        if (r.status == 0) {
            ++passed;
            printf("\n");
        } else {
            printf(" (check %d failed)\n", r.status);
        }
    }
    printf("bench %-10s %10llu %10llu\n", "total", (unsigned long long)total_insns,
           (unsigned long long)total_cycles);
    if (passed == bench_kernel_count) {
        printf("bench: all %d kernels PASS\n", bench_kernel_count);
        return 0;
    }
    printf("bench: %d of %d kernels FAIL\n", bench_kernel_count - passed, bench_kernel_count);
    return 1;
}
