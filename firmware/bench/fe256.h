// SPDX-License-Identifier: Apache-2.0
// 256-bit modular arithmetic for the benchmark kernels (internal to firmware/bench):
// numbers are 8 little-endian 32-bit limbs (limb 0 least significant), the modulus is any
// odd p < 2^256, and multiplication is Montgomery's with R = 2^256. Every function runs the
// same instructions whatever the values (corrections are selected by mask, not by branch).
// Results may alias the operands.
#ifndef EPOXY_BENCH_FE256_H
#define EPOXY_BENCH_FE256_H

#include <stdint.h>

#define FE_LIMBS 8

typedef struct {
    uint32_t p[FE_LIMBS];   // the modulus, odd
    uint32_t r2[FE_LIMBS];  // R^2 mod p, to enter the Montgomery domain
    uint32_t n0;            // -p^-1 mod 2^32
} fe_modulus_t;

// r = a b R^-1 mod p, for a, b < p.
void fe_mont_mul(uint32_t r[FE_LIMBS], const uint32_t a[FE_LIMBS], const uint32_t b[FE_LIMBS],
                 const fe_modulus_t *m);
// r = a + b mod p and r = a - b mod p, for a, b < p.
void fe_add(uint32_t r[FE_LIMBS], const uint32_t a[FE_LIMBS], const uint32_t b[FE_LIMBS],
            const fe_modulus_t *m);
void fe_sub(uint32_t r[FE_LIMBS], const uint32_t a[FE_LIMBS], const uint32_t b[FE_LIMBS],
            const fe_modulus_t *m);
// r = a R mod p (into the Montgomery domain) and r = a R^-1 mod p (out of it).
void fe_to_mont(uint32_t r[FE_LIMBS], const uint32_t a[FE_LIMBS], const fe_modulus_t *m);
void fe_from_mont(uint32_t r[FE_LIMBS], const uint32_t a[FE_LIMBS], const fe_modulus_t *m);
// 1 when a == b, else 0 (not constant-time: for checks).
int fe_equal(const uint32_t a[FE_LIMBS], const uint32_t b[FE_LIMBS]);

#endif  // EPOXY_BENCH_FE256_H
