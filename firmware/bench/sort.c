// SPDX-License-Identifier: Apache-2.0
// Sorting 32-bit words. Measured: insertion sort of 256 words and quicksort (median of
// three, Hoare partition, recursion into the smaller side, insertion sort below 17 words)
// of 2048 words, pseudo-random with repeated and small values. Checked: sorted order, and a
// permutation of the input (same sum and xor).
#include <stddef.h>

#include "bench.h"
#include "bench_vectors.h"

static void insertion_sort(uint32_t *a, size_t n) {
    for (size_t i = 1; i < n; ++i) {
        const uint32_t v = a[i];
        size_t j = i;
        for (; j > 0 && a[j - 1] > v; --j) a[j] = a[j - 1];
        a[j] = v;
    }
}

// Sorts a[lo..hi]; the stack depth is O(log n).
static void quick_sort(uint32_t *a, int lo, int hi) {
    while (hi - lo > 16) {
        const uint32_t x = a[lo], y = a[(lo + hi) / 2], z = a[hi];
        const uint32_t pivot =
            x < y ? (y < z ? y : (x < z ? z : x)) : (x < z ? x : (y < z ? z : y));
        int i = lo - 1, j = hi + 1;
        for (;;) {
            do ++i;
            while (a[i] < pivot);
            do --j;
            while (a[j] > pivot);
            if (i >= j) break;
            const uint32_t t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        if (j - lo < hi - j) {
            quick_sort(a, lo, j);
            lo = j + 1;
        } else {
            quick_sort(a, j + 1, hi);
            hi = j;
        }
    }
    insertion_sort(a + lo, (size_t)(hi - lo + 1));
}

#define SORT_SMALL 256
#define SORT_LARGE 2048

static uint32_t sort_small[SORT_SMALL], sort_large[SORT_LARGE];
static uint32_t sum_small, xor_small, sum_large, xor_large;

static void fill(uint32_t *a, size_t n, uint32_t seed, uint32_t *sum, uint32_t *xr) {
    uint32_t s = seed;
    *sum = *xr = 0;
    for (size_t i = 0; i < n; ++i) {
        uint32_t v = bench_rand_next(&s);
        if ((v & 7u) == 0) v &= 0xFFu;  // duplicates and small values
        a[i] = v;
        *sum += v;
        *xr ^= v;
    }
}

static void sort_prepare(void) {
    fill(sort_small, SORT_SMALL, BENCH_SORT_SEED + SORT_SMALL, &sum_small, &xor_small);
    fill(sort_large, SORT_LARGE, BENCH_SORT_SEED + SORT_LARGE, &sum_large, &xor_large);
}

static void sort_run(void) {
    insertion_sort(sort_small, SORT_SMALL);
    quick_sort(sort_large, 0, SORT_LARGE - 1);
}

static int sorted_permutation(const uint32_t *a, size_t n, uint32_t sum, uint32_t xr) {
    uint32_t s = 0, x = 0;
    for (size_t i = 0; i < n; ++i) {
        if (i > 0 && a[i - 1] > a[i]) return 0;
        s += a[i];
        x ^= a[i];
    }
    return s == sum && x == xr;
}

static int sort_check(void) {
    if (!sorted_permutation(sort_small, SORT_SMALL, sum_small, xor_small)) return 1;
    if (!sorted_permutation(sort_large, SORT_LARGE, sum_large, xor_large)) return 2;
    return 0;
}

const bench_kernel_t bench_sort = {"sort", "insertion 256, quick 2048: order, sum+xor",
                                   sort_prepare, sort_run, sort_check};
