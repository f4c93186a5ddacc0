// SPDX-License-Identifier: Apache-2.0
// AES-128 (FIPS 197). Measured: key expansion plus CTR-mode encryption of 1 KiB (64 blocks;
// the counter is the last 32 bits of the counter block, big-endian, as in SP 800-38A).
// Implementation: four 1 KiB T-tables (SubBytes, ShiftRows and MixColumns as table lookups,
// columns held as little-endian words so blocks load with plain word loads); the S-box and
// the tables are built in prepare. Table lookups are constant-time on this core: it has no
// cache, so a load's timing does not depend on its address. Checked: FIPS 197 appendix
// A.1 (last round key), B and C.1 (ciphertexts), and OpenSSL's AES-128-CTR of the 1 KiB.
#include <stddef.h>
#include <string.h>

#include "bench.h"
#include "bench_vectors.h"

static uint8_t aes_sbox[256];
static uint32_t aes_te[4][256];

static inline uint32_t rotl(uint32_t x, unsigned n) {
    return (x << n) | (x >> (32 - n));
}
static inline uint32_t xtime(uint32_t x) {
    return ((x << 1) ^ ((x & 0x80u) ? 0x1Bu : 0u)) & 0xFFu;
}

// The S-box from its definition: multiplicative inverse in GF(2^8) followed by the affine
// map. p walks the group by multiplying by 3, q by dividing by 3, so q = p^-1 throughout.
static void aes_tables(void) {
    uint32_t p = 1, q = 1;
    do {
        p = p ^ xtime(p);
        q ^= q << 1;
        q ^= q << 2;
        q ^= q << 4;
        q &= 0xFFu;
        if (q & 0x80u) q ^= 0x09u;
        const uint32_t r = q | (q << 8);  // rotations of a byte from a doubled copy
        const uint32_t x =
            q ^ ((r >> 7) & 0xFFu) ^ ((r >> 6) & 0xFFu) ^ ((r >> 5) & 0xFFu) ^ ((r >> 4) & 0xFFu);
        aes_sbox[p] = (uint8_t)(x ^ 0x63u);
    } while (p != 1);
    aes_sbox[0] = 0x63;
    for (uint32_t i = 0; i < 256; ++i) {
        const uint32_t s = aes_sbox[i], s2 = xtime(s);
        const uint32_t t = s2 | (s << 8) | (s << 16) | ((s2 ^ s) << 24);  // column (2,1,1,3) S
        aes_te[0][i] = t;
        aes_te[1][i] = rotl(t, 8);
        aes_te[2][i] = rotl(t, 16);
        aes_te[3][i] = rotl(t, 24);
    }
}

static inline uint32_t sub_word(uint32_t w) {
    return (uint32_t)aes_sbox[w & 0xFFu] | ((uint32_t)aes_sbox[(w >> 8) & 0xFFu] << 8) |
           ((uint32_t)aes_sbox[(w >> 16) & 0xFFu] << 16) | ((uint32_t)aes_sbox[w >> 24] << 24);
}

// Round keys as little-endian column words: byte i of the key is byte i % 4 of word i / 4.
static void aes128_expand(uint32_t rk[44], const uint32_t key[4]) {
    rk[0] = key[0];
    rk[1] = key[1];
    rk[2] = key[2];
    rk[3] = key[3];
    uint32_t rcon = 1;
    for (int i = 4; i < 44; i += 4) {
        // RotWord moves byte 1 to byte 0: a right rotation of the little-endian word.
        const uint32_t t = rk[i - 1];
        rk[i] = rk[i - 4] ^ sub_word((t >> 8) | (t << 24)) ^ rcon;
        rk[i + 1] = rk[i - 3] ^ rk[i];
        rk[i + 2] = rk[i - 2] ^ rk[i + 1];
        rk[i + 3] = rk[i - 1] ^ rk[i + 2];
        rcon = xtime(rcon);
    }
}

#define TE(t, x, sh) aes_te[t][((x) >> (sh)) & 0xFFu]

static void aes128_encrypt(const uint32_t rk[44], const uint32_t in[4], uint32_t out[4]) {
    uint32_t s0 = in[0] ^ rk[0], s1 = in[1] ^ rk[1], s2 = in[2] ^ rk[2], s3 = in[3] ^ rk[3];
    for (int r = 1; r < 10; ++r) {
        rk += 4;
        const uint32_t t0 = TE(0, s0, 0) ^ TE(1, s1, 8) ^ TE(2, s2, 16) ^ TE(3, s3, 24) ^ rk[0];
        const uint32_t t1 = TE(0, s1, 0) ^ TE(1, s2, 8) ^ TE(2, s3, 16) ^ TE(3, s0, 24) ^ rk[1];
        const uint32_t t2 = TE(0, s2, 0) ^ TE(1, s3, 8) ^ TE(2, s0, 16) ^ TE(3, s1, 24) ^ rk[2];
        const uint32_t t3 = TE(0, s3, 0) ^ TE(1, s0, 8) ^ TE(2, s1, 16) ^ TE(3, s2, 24) ^ rk[3];
        s0 = t0;
        s1 = t1;
        s2 = t2;
        s3 = t3;
    }
    rk += 4;
#define SB(x, sh) ((uint32_t)aes_sbox[((x) >> (sh)) & 0xFFu] << (sh))
    out[0] = (SB(s0, 0) | SB(s1, 8) | SB(s2, 16) | SB(s3, 24)) ^ rk[0];
    out[1] = (SB(s1, 0) | SB(s2, 8) | SB(s3, 16) | SB(s0, 24)) ^ rk[1];
    out[2] = (SB(s2, 0) | SB(s3, 8) | SB(s0, 16) | SB(s1, 24)) ^ rk[2];
    out[3] = (SB(s3, 0) | SB(s0, 8) | SB(s1, 16) | SB(s2, 24)) ^ rk[3];
#undef SB
}

#undef TE

static inline uint32_t bswap32(uint32_t x) {
    return (x >> 24) | ((x >> 8) & 0xFF00u) | ((x << 8) & 0xFF0000u) | (x << 24);
}

// CTR: block i of the key stream is AES(key, iv with its last 32 bits + i, big-endian).
static void aes128_ctr(const uint32_t key[4], const uint32_t iv[4], const uint32_t *in,
                       uint32_t *out, size_t blocks) {
    uint32_t rk[44], ctr[4], ks[4];
    aes128_expand(rk, key);
    ctr[0] = iv[0];
    ctr[1] = iv[1];
    ctr[2] = iv[2];
    uint32_t n = bswap32(iv[3]);
    for (size_t b = 0; b < blocks; ++b, in += 4, out += 4) {
        ctr[3] = bswap32(n++);
        aes128_encrypt(rk, ctr, ks);
        out[0] = in[0] ^ ks[0];
        out[1] = in[1] ^ ks[1];
        out[2] = in[2] ^ ks[2];
        out[3] = in[3] ^ ks[3];
    }
}

static uint32_t aes_key[4], aes_iv[4];
static uint32_t aes_pt[BENCH_AES128_LEN / 4], aes_ct[BENCH_AES128_LEN / 4];

// Little-endian byte order: byte i of the buffer is byte i % 4 of word i / 4.
static void fill_bytes(uint32_t *w, size_t n, uint32_t *s) {
    uint8_t *b = (uint8_t *)w;
    for (size_t i = 0; i < n; ++i) b[i] = (uint8_t)bench_rand_next(s);
}

static void aes128_prepare(void) {
    aes_tables();
    uint32_t s = BENCH_AES128_SEED;
    fill_bytes(aes_key, 16, &s);
    fill_bytes(aes_iv, 12, &s);  // nonce; the counter starts at 0 (no 32-bit wrap in 1 KiB)
    aes_iv[3] = 0;
    fill_bytes(aes_pt, BENCH_AES128_LEN, &s);
    memset(aes_ct, 0, sizeof aes_ct);
}

static void aes128_run(void) {
    aes128_ctr(aes_key, aes_iv, aes_pt, aes_ct, BENCH_AES128_LEN / 16);
}

static int aes128_check(void) {
    static const struct {
        uint8_t key[16], pt[16], ct[16];
    } fips[] = {
        // FIPS 197 appendix B
        {{0x2b, 0x7e, 0x15, 0x16, 0x28, 0xae, 0xd2, 0xa6, 0xab, 0xf7, 0x15, 0x88, 0x09, 0xcf, 0x4f,
          0x3c},
         {0x32, 0x43, 0xf6, 0xa8, 0x88, 0x5a, 0x30, 0x8d, 0x31, 0x31, 0x98, 0xa2, 0xe0, 0x37, 0x07,
          0x34},
         {0x39, 0x25, 0x84, 0x1d, 0x02, 0xdc, 0x09, 0xfb, 0xdc, 0x11, 0x85, 0x97, 0x19, 0x6a, 0x0b,
          0x32}},
        // FIPS 197 appendix C.1
        {{0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e,
          0x0f},
         {0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee,
          0xff},
         {0x69, 0xc4, 0xe0, 0xd8, 0x6a, 0x7b, 0x04, 0x30, 0xd8, 0xcd, 0xb7, 0x80, 0x70, 0xb4, 0xc5,
          0x5a}},
    };
    for (size_t v = 0; v < sizeof fips / sizeof fips[0]; ++v) {
        uint32_t key[4], pt[4], ct[4], rk[44];
        memcpy(key, fips[v].key, 16);
        memcpy(pt, fips[v].pt, 16);
        aes128_expand(rk, key);
        // FIPS 197 A.1: the last round key word of the appendix B key is b6630ca6.
        if (v == 0 && rk[43] != 0xa60c63b6u) return 1;
        aes128_encrypt(rk, pt, ct);
        if (memcmp(ct, fips[v].ct, 16) != 0) return (int)v + 2;
    }
    if (memcmp(aes_ct, bench_aes128_ctr_expected, BENCH_AES128_LEN) != 0) return 4;
    return 0;
}

const bench_kernel_t bench_aes128 = {"aes128", "key exp + CTR 1 KiB: FIPS 197 B, C.1, OpenSSL",
                                     aes128_prepare, aes128_run, aes128_check};
