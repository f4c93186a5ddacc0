// SPDX-License-Identifier: Apache-2.0
// 256-bit Montgomery arithmetic (see fe256.h).
#include "fe256.h"

// r = t - p when t (FE_LIMBS limbs plus the bit `top`) is at least p, else t; t < 2p.
static inline void fe_reduce_once(uint32_t r[FE_LIMBS], const uint32_t t[FE_LIMBS], uint32_t top,
                                  const uint32_t p[FE_LIMBS]) {
    uint32_t d[FE_LIMBS], borrow = 0;
#pragma GCC unroll 8
    for (int j = 0; j < FE_LIMBS; ++j) {
        const uint64_t x = (uint64_t)t[j] - p[j] - borrow;
        d[j] = (uint32_t)x;
        borrow = (uint32_t)(x >> 63);
    }
    // Keep t when the subtraction borrowed beyond the top bit (t < p).
    const uint32_t keep_t = 0u - (borrow & ~top & 1u);
#pragma GCC unroll 8
    for (int j = 0; j < FE_LIMBS; ++j) r[j] = (t[j] & keep_t) | (d[j] & ~keep_t);
}

// Coarsely integrated operand scanning (CIOS) with the multiplication and reduction loops
// merged: for each limb b_i, t = (t + a b_i + m p) / 2^32 with m chosen so that the division
// is exact. Two carry chains (c1 for a b_i, c2 for m p) keep every partial sum within
// 64 bits. t < 2p throughout, so t needs FE_LIMBS limbs plus one bit.
void fe_mont_mul(uint32_t r[FE_LIMBS], const uint32_t a[FE_LIMBS], const uint32_t b[FE_LIMBS],
                 const fe_modulus_t *m) {
    uint32_t t[FE_LIMBS] = {0}, top = 0;
    const uint32_t *p = m->p;
    for (int i = 0; i < FE_LIMBS; ++i) {
        const uint32_t bi = b[i];
        uint64_t x = (uint64_t)a[0] * bi + t[0];
        uint32_t c1 = (uint32_t)(x >> 32);
        const uint32_t q = (uint32_t)x * m->n0;
        uint64_t y = (uint64_t)q * p[0] + (uint32_t)x;  // low word is 0 by the choice of q
        uint32_t c2 = (uint32_t)(y >> 32);
#pragma GCC unroll 8
        for (int j = 1; j < FE_LIMBS; ++j) {
            x = (uint64_t)a[j] * bi + t[j] + c1;
            c1 = (uint32_t)(x >> 32);
            y = (uint64_t)q * p[j] + (uint32_t)x + c2;
            c2 = (uint32_t)(y >> 32);
            t[j - 1] = (uint32_t)y;
        }
        x = (uint64_t)top + c1 + c2;
        t[FE_LIMBS - 1] = (uint32_t)x;
        top = (uint32_t)(x >> 32);
    }
    fe_reduce_once(r, t, top, p);
}

void fe_add(uint32_t r[FE_LIMBS], const uint32_t a[FE_LIMBS], const uint32_t b[FE_LIMBS],
            const fe_modulus_t *m) {
    uint32_t t[FE_LIMBS], carry = 0;
#pragma GCC unroll 8
    for (int j = 0; j < FE_LIMBS; ++j) {
        const uint64_t x = (uint64_t)a[j] + b[j] + carry;
        t[j] = (uint32_t)x;
        carry = (uint32_t)(x >> 32);
    }
    fe_reduce_once(r, t, carry, m->p);
}

void fe_sub(uint32_t r[FE_LIMBS], const uint32_t a[FE_LIMBS], const uint32_t b[FE_LIMBS],
            const fe_modulus_t *m) {
    uint32_t t[FE_LIMBS], borrow = 0;
#pragma GCC unroll 8
    for (int j = 0; j < FE_LIMBS; ++j) {
        const uint64_t x = (uint64_t)a[j] - b[j] - borrow;
        t[j] = (uint32_t)x;
        borrow = (uint32_t)(x >> 63);
    }
    // a < b: add p back (the sum wraps past 2^256 to the right value).
    const uint32_t mask = 0u - borrow;
    uint32_t carry = 0;
#pragma GCC unroll 8
    for (int j = 0; j < FE_LIMBS; ++j) {
        const uint64_t x = (uint64_t)t[j] + (m->p[j] & mask) + carry;
        r[j] = (uint32_t)x;
        carry = (uint32_t)(x >> 32);
    }
}

void fe_to_mont(uint32_t r[FE_LIMBS], const uint32_t a[FE_LIMBS], const fe_modulus_t *m) {
    fe_mont_mul(r, a, m->r2, m);
}

void fe_from_mont(uint32_t r[FE_LIMBS], const uint32_t a[FE_LIMBS], const fe_modulus_t *m) {
    static const uint32_t one[FE_LIMBS] = {1};
    fe_mont_mul(r, a, one, m);
}

int fe_equal(const uint32_t a[FE_LIMBS], const uint32_t b[FE_LIMBS]) {
    for (int j = 0; j < FE_LIMBS; ++j)
        if (a[j] != b[j]) return 0;
    return 1;
}
