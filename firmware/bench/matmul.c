// SPDX-License-Identifier: Apache-2.0
// Integer matrix multiply C = A B, 16x16 int32 (wrapping arithmetic), entries of A and B in
// -1000..1000 (xorshift32 output mod 2001, minus 1000; A then B, row-major). Measured: one
// product, each C entry a dot product over a row of A and a column of B walked by pointer,
// unrolled by four. Checked: C against the host generator's product (64-bit accumulators),
// A I = A, I B = B, and the row sums C 1 = A (B 1).
#include <string.h>

#include "bench.h"
#include "bench_vectors.h"

#define N BENCH_MATMUL_N

static int32_t mat_a[N][N], mat_b[N][N], mat_c[N][N], mat_t[N][N], mat_id[N][N];

static void matmul(int32_t c[N][N], const int32_t a[N][N], const int32_t b[N][N]) {
    for (int i = 0; i < N; ++i) {
        const int32_t *ar = a[i];
        for (int j = 0; j < N; ++j) {
            const int32_t *bc = &b[0][j];
            int32_t acc = 0;
            for (int k = 0; k < N; k += 4, bc += 4 * N)
                acc += ar[k] * bc[0] + ar[k + 1] * bc[N] + ar[k + 2] * bc[2 * N] +
                       ar[k + 3] * bc[3 * N];
            c[i][j] = acc;
        }
    }
}

static void matmul_prepare(void) {
    uint32_t s = BENCH_MATMUL_SEED;
    for (int i = 0; i < N; ++i)
        for (int j = 0; j < N; ++j) mat_a[i][j] = (int32_t)(bench_rand_next(&s) % 2001u) - 1000;
    for (int i = 0; i < N; ++i)
        for (int j = 0; j < N; ++j) mat_b[i][j] = (int32_t)(bench_rand_next(&s) % 2001u) - 1000;
    memset(mat_c, 0, sizeof mat_c);
}

static void matmul_run(void) {
    matmul(mat_c, mat_a, mat_b);
}

static int matmul_check(void) {
    if (memcmp(mat_c, bench_matmul_expected, sizeof mat_c) != 0) return 1;
    for (int i = 0; i < N; ++i)
        for (int j = 0; j < N; ++j) mat_id[i][j] = i == j;
    matmul(mat_t, mat_a, mat_id);
    if (memcmp(mat_t, mat_a, sizeof mat_t) != 0) return 2;
    matmul(mat_t, mat_id, mat_b);
    if (memcmp(mat_t, mat_b, sizeof mat_t) != 0) return 3;
    for (int i = 0; i < N; ++i) {
        int32_t lhs = 0, rhs = 0;
        for (int j = 0; j < N; ++j) lhs += mat_c[i][j];
        for (int k = 0; k < N; ++k) {
            int32_t bsum = 0;
            for (int j = 0; j < N; ++j) bsum += mat_b[k][j];
            rhs += mat_a[i][k] * bsum;
        }
        if (lhs != rhs) return 4;
    }
    return 0;
}

#undef N

const bench_kernel_t bench_matmul = {"matmul", "16x16 int32: host product, A*I, I*B, row sums",
                                     matmul_prepare, matmul_run, matmul_check};
