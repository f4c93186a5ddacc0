// SPDX-License-Identifier: Apache-2.0
// Host-side derivation of the demo's matrix-multiply checksum (MATMUL_CHECKSUM in
// kernels.c). Not part of the firmware build; a separate program on purpose, written from
// the definition in kernels.h rather than sharing code with the firmware:
//
//   cc -O2 -o host_ref host_ref.c && ./host_ref
//
// A and B: 16x16, entries (xorshift32 output mod 2001) - 1000, A then B row-major from seed
// 0x2545F491 (xorshift32: x ^= x << 13; x ^= x >> 17; x ^= x << 5). C = A B is computed with
// 64-bit accumulators; the checksum is sum C[i][j] * (16 i + j + 1) mod 2^32.
#include <inttypes.h>
#include <stdio.h>

int main(void) {
    int64_t a[16][16], b[16][16];
    uint32_t x = 0x2545F491u;
    for (int m = 0; m < 2; ++m)
        for (int i = 0; i < 16; ++i)
            for (int j = 0; j < 16; ++j) {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                int64_t v = (int64_t)(x % 2001u) - 1000;
                if (m == 0) a[i][j] = v; else b[i][j] = v;
            }
    uint64_t sum = 0;
    for (int i = 0; i < 16; ++i)
        for (int j = 0; j < 16; ++j) {
            int64_t c = 0;
            for (int k = 0; k < 16; ++k) c += a[i][k] * b[k][j];
            sum += (uint64_t)c * (uint64_t)(16 * i + j + 1);
        }
    printf("matmul checksum 0x%08" PRIx32 "\n", (uint32_t)sum);
    return 0;
}
