// SPDX-License-Identifier: Apache-2.0
// SHA-256 (FIPS 180-4). Measured: the digest of a 1 KiB message (16 blocks plus a padding
// block). The compression function is unrolled by eight rounds so the working variables
// rotate by renaming instead of moves. Checked: the FIPS 180-2 example messages ("abc",
// the 448-bit message, the empty message) and OpenSSL's digest of the 1 KiB message.
#include <stddef.h>
#include <string.h>

#include "bench.h"
#include "bench_vectors.h"

static const uint32_t sha_k[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

static inline uint32_t ror(uint32_t x, unsigned n) {
    return (x >> n) | (x << (32 - n));
}

#define SHA_S0(x) (ror(x, 2) ^ ror(x, 13) ^ ror(x, 22))
#define SHA_S1(x) (ror(x, 6) ^ ror(x, 11) ^ ror(x, 25))
#define SHA_CH(x, y, z) ((z) ^ ((x) & ((y) ^ (z))))
#define SHA_MAJ(x, y, z) (((x) & (y)) | ((z) & ((x) | (y))))
#define SHA_ROUND(a, b, c, d, e, f, g, h, t)                              \
    do {                                                                  \
        uint32_t t1_ = h + SHA_S1(e) + SHA_CH(e, f, g) + sha_k[t] + w[t]; \
        d += t1_;                                                         \
        h = t1_ + SHA_S0(a) + SHA_MAJ(a, b, c);                           \
    } while (0)

static void sha256_block(uint32_t st[8], const uint8_t *blk) {
    uint32_t w[64];
    for (int t = 0; t < 16; ++t, blk += 4)
        w[t] =
            ((uint32_t)blk[0] << 24) | ((uint32_t)blk[1] << 16) | ((uint32_t)blk[2] << 8) | blk[3];
    for (int t = 16; t < 64; ++t) {
        const uint32_t x = w[t - 15], y = w[t - 2];
        w[t] = w[t - 16] + w[t - 7] + (ror(x, 7) ^ ror(x, 18) ^ (x >> 3)) +
               (ror(y, 17) ^ ror(y, 19) ^ (y >> 10));
    }
    uint32_t a = st[0], b = st[1], c = st[2], d = st[3];
    uint32_t e = st[4], f = st[5], g = st[6], h = st[7];
    for (int t = 0; t < 64; t += 8) {
        SHA_ROUND(a, b, c, d, e, f, g, h, t + 0);
        SHA_ROUND(h, a, b, c, d, e, f, g, t + 1);
        SHA_ROUND(g, h, a, b, c, d, e, f, t + 2);
        SHA_ROUND(f, g, h, a, b, c, d, e, t + 3);
        SHA_ROUND(e, f, g, h, a, b, c, d, t + 4);
        SHA_ROUND(d, e, f, g, h, a, b, c, t + 5);
        SHA_ROUND(c, d, e, f, g, h, a, b, t + 6);
        SHA_ROUND(b, c, d, e, f, g, h, a, t + 7);
    }
    st[0] += a;
    st[1] += b;
    st[2] += c;
    st[3] += d;
    st[4] += e;
    st[5] += f;
    st[6] += g;
    st[7] += h;
}

// Messages here are shorter than 2^29 bytes, so the bit length fits in 32 bits.
static void sha256(const uint8_t *msg, size_t len, uint32_t out[8]) {
    static const uint32_t iv[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                   0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    for (int i = 0; i < 8; ++i) out[i] = iv[i];
    size_t done = 0;
    for (; len - done >= 64; done += 64) sha256_block(out, msg + done);
    uint8_t blk[128];
    const size_t rest = len - done;
    const size_t total = rest + 9 <= 64 ? 64 : 128;
    for (size_t i = 0; i < total; ++i) blk[i] = i < rest ? msg[done + i] : 0;
    blk[rest] = 0x80;
    const uint32_t bits = (uint32_t)len * 8u;
    for (int i = 0; i < 4; ++i) blk[total - 1 - i] = (uint8_t)(bits >> (8 * i));
    sha256_block(out, blk);
    if (total == 128) sha256_block(out, blk + 64);
}

static uint8_t sha_msg[BENCH_SHA256_LEN];
static uint32_t sha_digest[8];

static void sha256_prepare(void) {
    uint32_t s = BENCH_SHA256_SEED;
    for (size_t i = 0; i < sizeof sha_msg; ++i) sha_msg[i] = (uint8_t)bench_rand_next(&s);
    memset(sha_digest, 0, sizeof sha_digest);
}

static void sha256_run(void) {
    sha256(sha_msg, sizeof sha_msg, sha_digest);
}

static int sha256_check(void) {
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
    // The digest words are big-endian byte strings; compare byte by byte.
    for (int i = 0; i < 32; ++i)
        if ((uint8_t)(sha_digest[i / 4] >> (24 - 8 * (i % 4))) != bench_sha256_expected[i])
            return 4;
    return 0;
}

const bench_kernel_t bench_sha256 = {"sha256", "1 KiB: FIPS 180-2 vectors, OpenSSL digest",
                                     sha256_prepare, sha256_run, sha256_check};
