// SPDX-License-Identifier: Apache-2.0
// Demo kernels (see kernels.h). Everything here is plain C for RV32IMC: no library calls
// except the compiler's 64-bit helpers, so the instruction counts measure the core.
#include "kernels.h"

#include <stddef.h>
#include <string.h>

uint32_t demo_rand_next(uint32_t *state) {
    uint32_t x = *state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    *state = x;
    return x;
}

// ---- CRC-32 ------------------------------------------------------------------------------
// Reflected polynomial 0xEDB88320, initial value and final XOR 0xFFFFFFFF. The check value
// of "123456789" is 0xCBF43926 (the catalogue value of CRC-32/ISO-HDLC).

static uint32_t crc32_bitwise(const uint8_t *p, size_t n) {
    uint32_t crc = 0xFFFFFFFFu;
    for (size_t i = 0; i < n; ++i) {
        crc ^= p[i];
        for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

static uint32_t crc_table[256];

static uint32_t crc32_table(const uint8_t *p, size_t n) {
    uint32_t crc = 0xFFFFFFFFu;
    for (size_t i = 0; i < n; ++i) crc = (crc >> 8) ^ crc_table[(crc ^ p[i]) & 0xFFu];
    return ~crc;
}

static uint8_t crc_buf[2048];

int kernel_crc32(void) {
    static const uint8_t check[] = "123456789";
    for (uint32_t i = 0; i < 256; ++i) {
        uint32_t c = i;
        for (int k = 0; k < 8; ++k) c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
        crc_table[i] = c;
    }
    if (crc32_bitwise(check, 9) != 0xCBF43926u) return 1;
    if (crc32_table(check, 9) != 0xCBF43926u) return 2;
    // The two implementations agree on a longer pseudo-random buffer.
    uint32_t s = 0x12345678u;
    for (size_t i = 0; i < sizeof crc_buf; ++i) crc_buf[i] = (uint8_t)demo_rand_next(&s);
    if (crc32_table(crc_buf, sizeof crc_buf) != crc32_bitwise(crc_buf, sizeof crc_buf)) return 3;
    // Appending the CRC (little-endian) gives the CRC-32 residue 0xDEBB20E3 (before ~).
    uint8_t tail[13];
    memcpy(tail, check, 9);
    uint32_t c = crc32_table(check, 9);
    for (int i = 0; i < 4; ++i) tail[9 + i] = (uint8_t)(c >> (8 * i));
    if (~crc32_table(tail, 13) != 0xDEBB20E3u) return 4;
    return 0;
}

// ---- SHA-256 (FIPS 180-2) ----------------------------------------------------------------

static const uint32_t sha_k[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
    0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
    0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
    0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
    0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
    0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
    0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
    0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
    0xc67178f2};

static uint32_t ror(uint32_t x, unsigned n) { return (x >> n) | (x << (32 - n)); }

static void sha256_block(uint32_t h[8], const uint8_t blk[64]) {
    uint32_t w[64];
    for (int t = 0; t < 16; ++t)
        w[t] = ((uint32_t)blk[4 * t] << 24) | ((uint32_t)blk[4 * t + 1] << 16) |
               ((uint32_t)blk[4 * t + 2] << 8) | blk[4 * t + 3];
    for (int t = 16; t < 64; ++t) {
        uint32_t s0 = ror(w[t - 15], 7) ^ ror(w[t - 15], 18) ^ (w[t - 15] >> 3);
        uint32_t s1 = ror(w[t - 2], 17) ^ ror(w[t - 2], 19) ^ (w[t - 2] >> 10);
        w[t] = w[t - 16] + s0 + w[t - 7] + s1;
    }
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (int t = 0; t < 64; ++t) {
        uint32_t t1 = hh + (ror(e, 6) ^ ror(e, 11) ^ ror(e, 25)) + ((e & f) ^ (~e & g)) +
                      sha_k[t] + w[t];
        uint32_t t2 = (ror(a, 2) ^ ror(a, 13) ^ ror(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
        hh = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
    h[5] += f;
    h[6] += g;
    h[7] += hh;
}

// Messages here are short (< 2^29 bytes), so the bit length fits in 32 bits.
static void sha256(const uint8_t *msg, size_t len, uint32_t out[8]) {
    static const uint32_t iv[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                   0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    memcpy(out, iv, sizeof iv);
    size_t done = 0;
    for (; len - done >= 64; done += 64) sha256_block(out, msg + done);
    uint8_t blk[128] = {0};
    size_t rest = len - done;
    memcpy(blk, msg + done, rest);
    blk[rest] = 0x80;
    size_t total = rest + 9 <= 64 ? 64 : 128;
    uint32_t bits = (uint32_t)len * 8u;
    for (int i = 0; i < 4; ++i) blk[total - 1 - i] = (uint8_t)(bits >> (8 * i));
    sha256_block(out, blk);
    if (total == 128) sha256_block(out, blk + 64);
}

int kernel_sha256(void) {
    static const struct {
        const char *msg;
        uint32_t digest[8];
    } vec[] = {
        // FIPS 180-2 appendix B.1: one block
        {"abc",
         {0xba7816bf, 0x8f01cfea, 0x414140de, 0x5dae2223, 0xb00361a3, 0x96177a9c, 0xb410ff61,
          0xf20015ad}},
        // FIPS 180-2 appendix B.2: the 448-bit message, two blocks after padding
        {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         {0x248d6a61, 0xd20638b8, 0xe5c02693, 0x0c3e6039, 0xa33ce459, 0x64ff2167, 0xf6ecedd4,
          0x19db06c1}},
        // The empty message (padding only)
        {"",
         {0xe3b0c442, 0x98fc1c14, 0x9afbf4c8, 0x996fb924, 0x27ae41e4, 0x649b934c, 0xa495991b,
          0x7852b855}},
    };
    for (size_t v = 0; v < sizeof vec / sizeof vec[0]; ++v) {
        uint32_t d[8];
        sha256((const uint8_t *)vec[v].msg, strlen(vec[v].msg), d);
        if (memcmp(d, vec[v].digest, sizeof d) != 0) return (int)v + 1;
    }
    return 0;
}

// ---- Sorting ---------------------------------------------------------------------------

static void insertion_sort(uint32_t *a, size_t n) {
    for (size_t i = 1; i < n; ++i) {
        uint32_t v = a[i];
        size_t j = i;
        for (; j > 0 && a[j - 1] > v; --j) a[j] = a[j - 1];
        a[j] = v;
    }
}

// Hoare-partition quicksort on [lo, hi]; recurses into the smaller side (stack O(log n))
// and hands short ranges to insertion sort.
static void quick_sort(uint32_t *a, int lo, int hi) {
    while (hi - lo > 16) {
        uint32_t x = a[lo], y = a[(lo + hi) / 2], z = a[hi];
        uint32_t pivot = x < y ? (y < z ? y : (x < z ? z : x)) : (x < z ? x : (y < z ? z : y));
        int i = lo - 1, j = hi + 1;
        for (;;) {
            do ++i; while (a[i] < pivot);
            do --j; while (a[j] > pivot);
            if (i >= j) break;
            uint32_t t = a[i];
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

static uint32_t sort_buf[2048];

// Fill with pseudo-random values (some repeated), sort, then check order and that the result
// is a permutation of the input (same count, sum and xor).
static int sort_check(size_t n, int quick, int first_check) {
    uint32_t s = 0xC0FFEE11u + (uint32_t)n, sum = 0, xr = 0;
    for (size_t i = 0; i < n; ++i) {
        uint32_t v = demo_rand_next(&s);
        if ((v & 7u) == 0) v &= 0xFFu;  // duplicates and small values
        sort_buf[i] = v;
        sum += v;
        xr ^= v;
    }
    if (quick)
        quick_sort(sort_buf, 0, (int)n - 1);
    else
        insertion_sort(sort_buf, n);
    uint32_t sum2 = 0, xr2 = 0;
    for (size_t i = 0; i < n; ++i) {
        if (i > 0 && sort_buf[i - 1] > sort_buf[i]) return first_check;
        sum2 += sort_buf[i];
        xr2 ^= sort_buf[i];
    }
    if (sum2 != sum || xr2 != xr) return first_check + 1;
    return 0;
}

int kernel_sort(void) {
    int rc = sort_check(256, 0, 1);
    if (rc == 0) rc = sort_check(2048, 1, 3);
    return rc;
}

// ---- Matrix multiply -------------------------------------------------------------------

#define N DEMO_MATMUL_N

void demo_matmul_fill(int32_t a[N][N], int32_t b[N][N]) {
    uint32_t s = DEMO_MATMUL_SEED;
    for (int i = 0; i < N; ++i)
        for (int j = 0; j < N; ++j) a[i][j] = (int32_t)(demo_rand_next(&s) % 2001u) - 1000;
    for (int i = 0; i < N; ++i)
        for (int j = 0; j < N; ++j) b[i][j] = (int32_t)(demo_rand_next(&s) % 2001u) - 1000;
}

static void matmul(int32_t c[N][N], int32_t a[N][N], int32_t b[N][N]) {
    for (int i = 0; i < N; ++i)
        for (int j = 0; j < N; ++j) {
            int32_t acc = 0;
            for (int k = 0; k < N; ++k) acc += a[i][k] * b[k][j];
            c[i][j] = acc;
        }
}

// Weighted checksum of C: sum over i, j of C[i][j] * (16 i + j + 1), modulo 2^32.
static uint32_t matmul_checksum(int32_t c[N][N]) {
    uint32_t sum = 0;
    for (int i = 0; i < N; ++i)
        for (int j = 0; j < N; ++j) sum += (uint32_t)c[i][j] * (uint32_t)(N * i + j + 1);
    return sum;
}

// Derived on the host, not by this code: host_ref.c (in this folder) is a separate program
// that builds A and B from the definition in kernels.h, multiplies them with 64-bit
// accumulators and prints the checksum above. `cc -O2 host_ref.c && ./a.out` prints
// "matmul checksum 0x...": that value is this constant.
#define MATMUL_CHECKSUM 0x5CB2A7ECu

static int32_t mat_a[N][N], mat_b[N][N], mat_c[N][N], mat_id[N][N];

int kernel_matmul(void) {
    demo_matmul_fill(mat_a, mat_b);
    for (int i = 0; i < N; ++i)
        for (int j = 0; j < N; ++j) mat_id[i][j] = i == j;
    // A * I = A and I * B = B.
    matmul(mat_c, mat_a, mat_id);
    if (memcmp(mat_c, mat_a, sizeof mat_c) != 0) return 1;
    matmul(mat_c, mat_id, mat_b);
    if (memcmp(mat_c, mat_b, sizeof mat_c) != 0) return 2;
    // C = A * B: row sums satisfy C 1 = A (B 1), computed without forming C again.
    matmul(mat_c, mat_a, mat_b);
    for (int i = 0; i < N; ++i) {
        int32_t lhs = 0, rhs = 0;
        for (int j = 0; j < N; ++j) lhs += mat_c[i][j];
        for (int k = 0; k < N; ++k) {
            int32_t bsum = 0;
            for (int j = 0; j < N; ++j) bsum += mat_b[k][j];
            rhs += mat_a[i][k] * bsum;
        }
        if (lhs != rhs) return 3;
    }
    if (matmul_checksum(mat_c) != MATMUL_CHECKSUM) return 4;
    return 0;
}

#undef N

// ---- BabyBear NTT ------------------------------------------------------------------------
// p = 2^31 - 2^27 + 1 = 0x78000001; p - 1 = 2^27 * 15, so there are roots of unity of
// every order 2^k up to 2^27. 31 generates the multiplicative group; w = 31^((p-1)/256)
// is a primitive 256th root of unity, checked below by w^128 = -1.
//
// The NTT multiplies with Montgomery reduction (R = 2^32); the reference DFT uses plain
// 64-bit remainders, so the two share no arithmetic code.

#define BB_P 0x78000001u
#define NTT_N 256
#define NTT_LOG 8

static uint32_t bb_mulmod(uint32_t a, uint32_t b) { return (uint32_t)((uint64_t)a * b % BB_P); }
static uint32_t bb_addmod(uint32_t a, uint32_t b) {
    uint32_t s = a + b;  // < 2^32 since a, b < p < 2^31
    return s >= BB_P ? s - BB_P : s;
}
static uint32_t bb_powmod(uint32_t b, uint32_t e) {
    uint32_t r = 1;
    for (; e; e >>= 1, b = bb_mulmod(b, b))
        if (e & 1u) r = bb_mulmod(r, b);
    return r;
}

static uint32_t mont_pinv_neg;  // -p^-1 mod 2^32

static uint32_t mont_mul(uint32_t a, uint32_t b) {
    uint64_t t = (uint64_t)a * b;
    uint32_t m = (uint32_t)t * mont_pinv_neg;
    uint32_t u = (uint32_t)((t + (uint64_t)m * BB_P) >> 32);
    return u >= BB_P ? u - BB_P : u;
}

static uint32_t ntt_x[NTT_N], ntt_y[NTT_N], ntt_tw[NTT_N / 2];

// In-place radix-2 decimation-in-time transform: y[k] = sum_n x[n] root^(n k).
// tw[i] = root^i in Montgomery form (i < N/2).
static void ntt(uint32_t *a, const uint32_t *tw) {
    for (uint32_t i = 1, j = 0; i < NTT_N; ++i) {
        uint32_t bit = NTT_N >> 1;
        for (; j & bit; bit >>= 1) j ^= bit;
        j ^= bit;
        if (i < j) {
            uint32_t t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
    for (uint32_t len = 2; len <= NTT_N; len <<= 1) {
        uint32_t half = len >> 1, step = NTT_N / len;
        for (uint32_t s = 0; s < NTT_N; s += len)
            for (uint32_t k = 0; k < half; ++k) {
                uint32_t u = a[s + k];
                uint32_t v = mont_mul(a[s + k + half], tw[k * step]);
                a[s + k] = bb_addmod(u, v);
                a[s + k + half] = bb_addmod(u, BB_P - v);
            }
    }
}

static void ntt_twiddles(uint32_t root) {
    uint32_t w = 1;
    for (uint32_t i = 0; i < NTT_N / 2; ++i) {
        ntt_tw[i] = (uint32_t)(((uint64_t)w << 32) % BB_P);  // Montgomery form w R mod p
        w = bb_mulmod(w, root);
    }
}

int kernel_ntt(void) {
    // -p^-1 mod 2^32 by Newton iteration (each step doubles the correct low bits).
    uint32_t inv = BB_P;
    for (int i = 0; i < 5; ++i) inv *= 2u - BB_P * inv;
    if (BB_P * inv != 1u) return 1;
    mont_pinv_neg = 0u - inv;

    const uint32_t w = bb_powmod(31, (BB_P - 1) / NTT_N);
    if (bb_powmod(w, NTT_N / 2) != BB_P - 1) return 2;  // order exactly 256
    if (bb_powmod(31, (BB_P - 1) / 2) != BB_P - 1) return 3;  // 31 is not a square

    uint32_t s = 0xBABEBEA7u;
    for (int i = 0; i < NTT_N; ++i) {
        ntt_x[i] = demo_rand_next(&s) % BB_P;
        ntt_y[i] = ntt_x[i];
    }
    ntt_twiddles(w);
    ntt(ntt_y, ntt_tw);

    // A few outputs against the naive O(n^2) definition X[k] = sum_n x[n] w^(nk).
    static const uint32_t ks[] = {0, 1, 2, 77, 128, 255};
    for (size_t t = 0; t < sizeof ks / sizeof ks[0]; ++t) {
        const uint32_t wk = bb_powmod(w, ks[t]);
        uint32_t acc = 0, wnk = 1;
        for (int n = 0; n < NTT_N; ++n) {
            acc = bb_addmod(acc, bb_mulmod(ntt_x[n], wnk));
            wnk = bb_mulmod(wnk, wk);
        }
        if (acc != ntt_y[ks[t]]) return 4;
    }

    // Inverse: the same transform with w^-1, then times N^-1, gives x back.
    ntt_twiddles(bb_powmod(w, NTT_N - 1));
    ntt(ntt_y, ntt_tw);
    const uint32_t n_inv = bb_powmod(NTT_N, BB_P - 2);
    for (int i = 0; i < NTT_N; ++i)
        if (bb_mulmod(ntt_y[i], n_inv) != ntt_x[i]) return 5;
    return 0;
}
