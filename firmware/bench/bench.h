// SPDX-License-Identifier: Apache-2.0
// Epoxy firmware benchmark kernels (library epoxy_bench, linked by bench and demo).
//
// Each kernel has three parts so that the measured window holds only the computation:
//   prepare()  builds inputs and tables (not measured),
//   run()      the work being measured (a harness reads minstret/mcycle around it),
//   check()    compares the result with an independent answer: the expected values in
//              bench_vectors.h, computed on the host by sw/tools/bench_vectors.cpp with
//              GMP and OpenSSL, plus published test vectors; returns 0 when every check
//              passes, else the number of the first check that failed.
// The kernels are plain C for RV32IMC and call no library code inside run(), so the counts
// measure the core. They are the software baselines for the accelerators.
#ifndef EPOXY_BENCH_H
#define EPOXY_BENCH_H

#include <stdint.h>

typedef struct {
    const char *name;  // short name, [a-z0-9_]
    const char *what;  // what run() does and what check() compares, for the report
    void (*prepare)(void);
    void (*run)(void);
    int (*check)(void);
} bench_kernel_t;

extern const bench_kernel_t bench_crc32;      // CRC-32 slicing-by-4 over 2 KiB
extern const bench_kernel_t bench_sha256;     // SHA-256 of 1 KiB
extern const bench_kernel_t bench_aes128;     // AES-128 key expansion + CTR over 1 KiB
extern const bench_kernel_t bench_sort;       // insertion sort 256 + quicksort 2048 words
extern const bench_kernel_t bench_matmul;     // 16x16 int32 matrix multiply
extern const bench_kernel_t bench_ntt256;     // BabyBear NTT n=256 forward + inverse
extern const bench_kernel_t bench_ntt1024;    // BabyBear NTT n=1024 forward + inverse
extern const bench_kernel_t bench_modmul256;  // 256-bit Montgomery multiplications
extern const bench_kernel_t bench_ecadd;      // secp256k1 complete projective additions
extern const bench_kernel_t bench_ecaffine;   // secp256k1 projective -> affine (1 inversion)

// Every kernel above, in report order; bench_kernel_count entries.
extern const bench_kernel_t *const bench_kernels[];
extern const int bench_kernel_count;

// One measurement: counts of run() alone (the cycle window encloses the instruction
// window, so cycles >= instructions; both include the few instructions of the call and
// of the counter reads) and check()'s status.
typedef struct {
    uint64_t instructions;
    uint64_t cycles;
    int status;  // 0 = PASS, else the number of the failed check
} bench_result_t;

bench_result_t bench_measure(const bench_kernel_t *k);

// Deterministic pseudo-random numbers (xorshift32: x ^= x << 13; x ^= x >> 17; x ^= x << 5),
// the same definition as the host generator's; the state must not be 0.
uint32_t bench_rand_next(uint32_t *state);

#endif  // EPOXY_BENCH_H
