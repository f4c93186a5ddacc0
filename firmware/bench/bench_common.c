// SPDX-License-Identifier: Apache-2.0
// Benchmark harness support: the kernel list, the measurement and the shared PRNG.
#include "bench.h"
#include "epoxy/csr.h"

uint32_t bench_rand_next(uint32_t *state) {
    uint32_t x = *state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    *state = x;
    return x;
}

const bench_kernel_t *const bench_kernels[] = {
    &bench_crc32,  &bench_sha256,  &bench_aes128,    &bench_sort,  &bench_matmul,
    &bench_ntt256, &bench_ntt1024, &bench_modmul256, &bench_ecadd, &bench_ecaffine,
};
const int bench_kernel_count = (int)(sizeof bench_kernels / sizeof bench_kernels[0]);

bench_result_t bench_measure(const bench_kernel_t *k) {
    bench_result_t r;
    k->prepare();
    // The cycle window encloses the instruction window (cycles >= instructions).
    const uint64_t c0 = epoxy_mcycle64();
    const uint64_t i0 = epoxy_minstret64();
    k->run();
    const uint64_t i1 = epoxy_minstret64();
    const uint64_t c1 = epoxy_mcycle64();
    r.instructions = i1 - i0;
    r.cycles = c1 - c0;
    r.status = k->check();
    return r;
}
