// SPDX-License-Identifier: Apache-2.0
// Demo kernels: small, self-checking software workloads for the glue core. Each kernel
// computes something and compares it with an independent known answer; it returns 0 when
// every check passes, else the number of the first check that failed.
#ifndef DEMO_KERNELS_H
#define DEMO_KERNELS_H

#include <stdint.h>

// Deterministic pseudo-random numbers (xorshift32) shared by the kernels and host_ref.c.
uint32_t demo_rand_next(uint32_t *state);

int kernel_crc32(void);   // CRC-32 (IEEE 802.3, reflected) bitwise and table-driven
int kernel_sha256(void);  // SHA-256 against the FIPS 180-2 example vectors
int kernel_sort(void);    // insertion sort and quicksort of pseudo-random arrays
int kernel_matmul(void);  // 16x16 int32 matrix multiply
int kernel_ntt(void);     // BabyBear NTT of size 256 against a naive DFT, and round trip

// The matrices of kernel_matmul: A[i][j] and B[i][j] in -1000..1000 from xorshift32 seeded
// with DEMO_MATMUL_SEED, A first then B, row-major (host_ref.c uses the same definition).
#define DEMO_MATMUL_N 16
#define DEMO_MATMUL_SEED 0x2545F491u
void demo_matmul_fill(int32_t a[DEMO_MATMUL_N][DEMO_MATMUL_N],
                      int32_t b[DEMO_MATMUL_N][DEMO_MATMUL_N]);

#endif  // DEMO_KERNELS_H
