// SPDX-License-Identifier: Apache-2.0
// Number-theoretic transform over BabyBear, p = 2^31 - 2^27 + 1 = 0x78000001. p - 1 = 2^27 15,
// so there are roots of unity of every order 2^k up to 2^27; 31 generates the multiplicative
// group, and w_n = 31^((p - 1) / n) is a primitive n-th root of unity.
//
// Measured: a forward and an inverse transform of n = 256 or n = 1024 pseudo-random
// elements (the round trip of a polynomial multiplication, without the pointwise product):
//   forward  Gentleman-Sande (decimation in frequency), natural order in, bit-reversed out,
//            Y[k] = sum_j x[j] w^(jk);
//   inverse  Cooley-Tukey (decimation in time) with w^-1, bit-reversed in, natural order out;
//            the factor n^-1 is folded into the last layer's multipliers.
// So no bit-reversal permutation is needed. The first layer of each transform reads the
// source and writes the destination, so x, Y and the round-trip result stay separate without
// a copy, and the layer whose twiddles are all 1 has no multiplications.
// Arithmetic: Montgomery multiplication with R = 2^32 (mul, mulhu, mul, mulhu and a
// correction by mask), additions and subtractions corrected by mask: no 64-bit division and
// no data-dependent branches. The forward butterfly multiplies u - v + p (< 2p) without
// reducing it first, which Montgomery reduction allows. Elements are kept in [0, p) in
// normal form; the twiddles are stored in Montgomery form (w R mod p), so a Montgomery
// product with one is a plain product.
//
// Checked: every forward output against the host generator's naive O(n^2) DFT (plain 64-bit
// remainders), the round trip against the input, and the root's order (w^(n/2) = -1).
#include <stddef.h>

#include "bench.h"
#include "bench_vectors.h"

#define BB_P 0x78000001u
#define BB_PINV 0x88000001u  // p^-1 mod 2^32
#define BB_R2 0x45dddde3u    // R^2 mod p = 2^64 mod p
#define NTT_MAX 1024
#define NTT_MAX_LOG 10

// a b R^-1 mod p for a b < 2^32 p (so a < 2p, b < p is fine), result in [0, p). With
// m = (a b) p^-1 mod 2^32, a b - m p is divisible by 2^32, and (a b - m p) / 2^32 =
// hi(a b) - hi(m p) lies in (-p, p). pinv is p^-1 mod 2^32, passed in so that the hot loops
// can hold it in a register (see bb_opaque).
static inline uint32_t bb_mul_k(uint32_t a, uint32_t b, uint32_t pinv) {
    const uint64_t t = (uint64_t)a * b;
    const uint32_t m = (uint32_t)t * pinv;
    const uint32_t mp_hi = (uint32_t)(((uint64_t)m * BB_P) >> 32);
    const uint32_t t_hi = (uint32_t)(t >> 32);
    const uint32_t r = t_hi - mp_hi;
    return r + (BB_P & (0u - (uint32_t)(t_hi < mp_hi)));
}
static inline uint32_t bb_mul(uint32_t a, uint32_t b) {
    return bb_mul_k(a, b, BB_PINV);
}

// Hides a constant from the optimiser: GCC would otherwise replace the multiplication by
// p^-1 = 0x88000001 with four shifts and adds, where one mul (a single cycle) suffices.
static inline uint32_t bb_opaque(uint32_t x) {
    __asm__("" : "+r"(x));
    return x;
}

// a + b and a - b mod p for a, b < p < 2^31: the uncorrected result lies in (-p, p), so its
// sign bit says whether p must be added back.
static inline uint32_t bb_add(uint32_t a, uint32_t b) {
    const uint32_t r = a + b - BB_P;
    return r + (BB_P & (0u - (r >> 31)));
}
static inline uint32_t bb_sub(uint32_t a, uint32_t b) {
    const uint32_t r = a - b;
    return r + (BB_P & (0u - (r >> 31)));
}

static inline uint32_t bb_to_mont(uint32_t a) {
    return bb_mul(a, BB_R2);
}
static inline uint32_t bb_from_mont(uint32_t a) {
    return bb_mul(a, 1);
}

// b^e for b in Montgomery form, result in Montgomery form.
static uint32_t bb_pow_mont(uint32_t b, uint32_t e) {
    uint32_t r = bb_to_mont(1);
    for (; e; e >>= 1, b = bb_mul(b, b))
        if (e & 1u) r = bb_mul(r, b);
    return r;
}

// Twiddles for the largest size, Montgomery form: tw[k] = w^k, itw[k] = w^-k (k < NTT_MAX / 2,
// w of order NTT_MAX); a transform of size n uses every (NTT_MAX / n)-th entry. itw_last[j] =
// w_n^-j n^-1 for the inverse's last layer of the current n; n_inv = n^-1.
static uint32_t bb_tw[NTT_MAX / 2], bb_itw[NTT_MAX / 2], bb_itw_last[NTT_MAX / 2];
static uint32_t bb_n_inv;

// Forward transform of src (natural order) into dst (bit-reversed order), n >= 4.
static void ntt_forward(uint32_t *dst, const uint32_t *src, uint32_t n, uint32_t log_n) {
    const uint32_t pinv = bb_opaque(BB_PINV);
    uint32_t half = n >> 1;
    uint32_t step = NTT_MAX >> log_n;  // twiddle stride of the first layer (blocks of n)
    const uint32_t *w = bb_tw;
    for (uint32_t j = 0; j < half; ++j, w += step) {
        const uint32_t u = src[j], v = src[j + half];
        dst[j] = bb_add(u, v);
        dst[j + half] = bb_mul_k(u + BB_P - v, *w, pinv);  // u - v + p < 2p
    }
    for (half >>= 1, step <<= 1; half > 1; half >>= 1, step <<= 1) {
        for (uint32_t *blk = dst; blk < dst + n; blk += 2 * half) {
            w = bb_tw;
            for (uint32_t j = 0; j < half; ++j, w += step) {
                const uint32_t u = blk[j], v = blk[j + half];
                blk[j] = bb_add(u, v);
                blk[j + half] = bb_mul_k(u + BB_P - v, *w, pinv);
            }
        }
    }
    for (uint32_t *blk = dst; blk < dst + n; blk += 2) {  // w = 1
        const uint32_t u = blk[0], v = blk[1];
        blk[0] = bb_add(u, v);
        blk[1] = bb_sub(u, v);
    }
}

// Inverse transform of src (bit-reversed order) into dst (natural order), times n^-1.
static void ntt_inverse(uint32_t *dst, const uint32_t *src, uint32_t n) {
    const uint32_t pinv = bb_opaque(BB_PINV);
    for (uint32_t j = 0; j < n; j += 2) {  // w = 1
        const uint32_t u = src[j], v = src[j + 1];
        dst[j] = bb_add(u, v);
        dst[j + 1] = bb_sub(u, v);
    }
    uint32_t half = 2, step = NTT_MAX >> 2;
    for (; half < n / 2; half <<= 1, step >>= 1) {
        for (uint32_t *blk = dst; blk < dst + n; blk += 2 * half) {
            const uint32_t *w = bb_itw;
            for (uint32_t j = 0; j < half; ++j, w += step) {
                const uint32_t u = blk[j], v = bb_mul_k(blk[j + half], *w, pinv);
                blk[j] = bb_add(u, v);
                blk[j + half] = bb_sub(u, v);
            }
        }
    }
    const uint32_t n_inv = bb_n_inv;
    // Last layer: (u + v w^-j) n^-1 and (u - v w^-j) n^-1 as u n^-1 +- v (w^-j n^-1).
    for (uint32_t j = 0; j < half; ++j) {
        const uint32_t u = bb_mul_k(dst[j], n_inv, pinv);
        const uint32_t v = bb_mul_k(dst[j + half], bb_itw_last[j], pinv);
        dst[j] = bb_add(u, v);
        dst[j + half] = bb_sub(u, v);
    }
}

static uint32_t ntt_x[NTT_MAX], ntt_y[NTT_MAX], ntt_z[NTT_MAX];
static uint32_t ntt_n, ntt_log_n;

static void ntt_prepare(uint32_t n, uint32_t log_n, uint32_t seed) {
    ntt_n = n;
    ntt_log_n = log_n;
    const uint32_t w = bb_pow_mont(bb_to_mont(31), (BB_P - 1) >> NTT_MAX_LOG);
    const uint32_t w_inv = bb_pow_mont(w, NTT_MAX - 1);
    uint32_t a = bb_to_mont(1), b = a;
    for (uint32_t k = 0; k < NTT_MAX / 2; ++k) {
        bb_tw[k] = a;
        bb_itw[k] = b;
        a = bb_mul(a, w);
        b = bb_mul(b, w_inv);
    }
    bb_n_inv = bb_pow_mont(bb_to_mont(n), BB_P - 2);
    for (uint32_t j = 0; j < n / 2; ++j)
        bb_itw_last[j] = bb_mul(bb_itw[j << (NTT_MAX_LOG - log_n)], bb_n_inv);
    uint32_t s = seed;
    for (uint32_t i = 0; i < n; ++i) {
        ntt_x[i] = bench_rand_next(&s) % BB_P;
        ntt_y[i] = ntt_z[i] = 0;
    }
}

static void ntt_run(void) {
    ntt_forward(ntt_y, ntt_x, ntt_n, ntt_log_n);
    ntt_inverse(ntt_z, ntt_y, ntt_n);
}

static uint32_t bitrev(uint32_t k, uint32_t bits) {
    uint32_t r = 0;
    for (uint32_t i = 0; i < bits; ++i, k >>= 1) r = (r << 1) | (k & 1u);
    return r;
}

static int ntt_check(const uint32_t *expected) {
    if (BB_P * BB_PINV != 1u) return 1;
    if (bb_from_mont(bb_to_mont(12345)) != 12345) return 2;
    // Order of w_n exactly n: w_n^(n/2) = -1.
    const uint32_t w_n = bb_pow_mont(bb_to_mont(31), (BB_P - 1) / ntt_n);
    if (bb_from_mont(bb_pow_mont(w_n, ntt_n / 2)) != BB_P - 1) return 3;
    for (uint32_t k = 0; k < ntt_n; ++k)
        if (ntt_y[bitrev(k, ntt_log_n)] != expected[k]) return 4;
    for (uint32_t i = 0; i < ntt_n; ++i)
        if (ntt_z[i] != ntt_x[i]) return 5;
    return 0;
}

static void ntt256_prepare(void) {
    ntt_prepare(256, 8, BENCH_NTT256_SEED);
}
static int ntt256_check(void) {
    return ntt_check(bench_ntt256_expected);
}
static void ntt1024_prepare(void) {
    ntt_prepare(1024, 10, BENCH_NTT1024_SEED);
}
static int ntt1024_check(void) {
    return ntt_check(bench_ntt1024_expected);
}

const bench_kernel_t bench_ntt256 = {"ntt256", "BabyBear n=256 fwd+inv: host DFT, round trip",
                                     ntt256_prepare, ntt_run, ntt256_check};
const bench_kernel_t bench_ntt1024 = {"ntt1024", "BabyBear n=1024 fwd+inv: host DFT, round trip",
                                      ntt1024_prepare, ntt_run, ntt1024_check};
