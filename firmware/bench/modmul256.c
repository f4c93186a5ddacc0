// SPDX-License-Identifier: Apache-2.0
// 256-bit Montgomery modular multiplication (fe256.c, 8 x 32-bit limbs). Measured:
// BENCH_MODMUL_COUNT independent products a b R^-1 mod p (R = 2^256) over the secp256k1
// base field and as many over the BN254 base field, the operands in the Montgomery domain
// already (inputs from bench_vectors.h, including 0, 1 and p - 1). Checked: every product
// against GMP's (mpz) value of a b 2^-256 mod p, and each modulus's constant n0 against p.
#include "bench.h"
#include "bench_vectors.h"
#include "fe256.h"

static fe_modulus_t mod_k1, mod_bn;
static uint32_t mm_k1[BENCH_MODMUL_COUNT][FE_LIMBS], mm_bn[BENCH_MODMUL_COUNT][FE_LIMBS];

static void load_modulus(fe_modulus_t *m, const uint32_t p[FE_LIMBS], const uint32_t r2[FE_LIMBS],
                         uint32_t n0) {
    for (int j = 0; j < FE_LIMBS; ++j) {
        m->p[j] = p[j];
        m->r2[j] = r2[j];
    }
    m->n0 = n0;
}

static void modmul256_prepare(void) {
    load_modulus(&mod_k1, bench_secp256k1_p, bench_secp256k1_r2, BENCH_SECP256K1_N0);
    load_modulus(&mod_bn, bench_bn254_p, bench_bn254_r2, BENCH_BN254_N0);
    for (int i = 0; i < BENCH_MODMUL_COUNT; ++i)
        for (int j = 0; j < FE_LIMBS; ++j) mm_k1[i][j] = mm_bn[i][j] = 0;
}

static void modmul256_run(void) {
    for (int i = 0; i < BENCH_MODMUL_COUNT; ++i)
        fe_mont_mul(mm_k1[i], bench_modmul_secp256k1[i].a, bench_modmul_secp256k1[i].b, &mod_k1);
    for (int i = 0; i < BENCH_MODMUL_COUNT; ++i)
        fe_mont_mul(mm_bn[i], bench_modmul_bn254[i].a, bench_modmul_bn254[i].b, &mod_bn);
}

static int modmul256_check(void) {
    // n0 p = -1 mod 2^32.
    if (mod_k1.n0 * mod_k1.p[0] != 0xFFFFFFFFu) return 1;
    if (mod_bn.n0 * mod_bn.p[0] != 0xFFFFFFFFu) return 2;
    for (int i = 0; i < BENCH_MODMUL_COUNT; ++i) {
        uint32_t want[FE_LIMBS];
        for (int j = 0; j < FE_LIMBS; ++j) want[j] = bench_modmul_secp256k1[i].c[j];
#ifdef EPOXY_BENCH_CORRUPT
        // Build option for the test that proves a failed check is reported: one expected
        // product is off by one bit.
        if (i == BENCH_MODMUL_COUNT / 2) want[3] ^= 0x100u;
#endif
        if (!fe_equal(mm_k1[i], want)) return 3;
    }
    for (int i = 0; i < BENCH_MODMUL_COUNT; ++i)
        if (!fe_equal(mm_bn[i], bench_modmul_bn254[i].c)) return 4;
    return 0;
}

const bench_kernel_t bench_modmul256 = {"modmul256", "2x32 Montgomery secp256k1/BN254: GMP",
                                        modmul256_prepare, modmul256_run, modmul256_check};
