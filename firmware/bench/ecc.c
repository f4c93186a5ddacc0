// SPDX-License-Identifier: Apache-2.0
// Elliptic-curve point addition on secp256k1 (y^2 = x^3 + 7 over p = 2^256 - 2^32 - 977),
// two kernels:
//   ecadd     BENCH_ECADD_COUNT additions with the complete projective formulas of Renes,
//             Costello and Batina, "Complete addition formulas for prime order elliptic
//             curves" (EUROCRYPT 2016), algorithm 7 (a = 0): 12 multiplications, 2
//             multiplications by 3b and 19 additions, one code path for every input,
//             including doubling, P + (-P) and the point at infinity (0 : 1 : 0).
//             Coordinates are in the Montgomery domain (fe256.c). Cases: generic sums,
//             P + P, P + (-P), O + Q and P + O.
//   ecaffine  the conversion of one projective sum to affine coordinates: one inversion
//             z^(p-2) by an addition chain (255 squarings, 15 multiplications), two
//             multiplications, and the conversions out of the Montgomery domain.
// Checked: each sum against OpenSSL's EC_POINT_add (bench_vectors.h): X3 = x Z3 and
// Y3 = y Z3 for finite sums, Z3 = 0 for the point at infinity (no inversion involved); the
// affine coordinates against OpenSSL's, and the inputs are on the curve.
#include "bench.h"
#include "bench_vectors.h"
#include "fe256.h"

typedef struct {
    uint32_t x[FE_LIMBS], y[FE_LIMBS], z[FE_LIMBS];
} ec_point_t;

static fe_modulus_t k1;
static uint32_t k1_b3[FE_LIMBS];  // 3 b = 21 in the Montgomery domain

// R = P + Q, algorithm 7 of Renes-Costello-Batina 2016 (a = 0, b3 = 3 b); R may alias P or Q.
static void ec_add(ec_point_t *r, const ec_point_t *p, const ec_point_t *q) {
    const fe_modulus_t *m = &k1;
    uint32_t t0[FE_LIMBS], t1[FE_LIMBS], t2[FE_LIMBS], t3[FE_LIMBS], t4[FE_LIMBS];
    uint32_t x3[FE_LIMBS], y3[FE_LIMBS], z3[FE_LIMBS];
    fe_mont_mul(t0, p->x, q->x, m);  //  1. t0 = X1 X2
    fe_mont_mul(t1, p->y, q->y, m);  //  2. t1 = Y1 Y2
    fe_mont_mul(t2, p->z, q->z, m);  //  3. t2 = Z1 Z2
    fe_add(t3, p->x, p->y, m);       //  4. t3 = X1 + Y1
    fe_add(t4, q->x, q->y, m);       //  5. t4 = X2 + Y2
    fe_mont_mul(t3, t3, t4, m);      //  6. t3 = t3 t4
    fe_add(t4, t0, t1, m);           //  7. t4 = t0 + t1
    fe_sub(t3, t3, t4, m);           //  8. t3 = t3 - t4       = X1 Y2 + X2 Y1
    fe_add(t4, p->y, p->z, m);       //  9. t4 = Y1 + Z1
    fe_add(x3, q->y, q->z, m);       // 10. X3 = Y2 + Z2
    fe_mont_mul(t4, t4, x3, m);      // 11. t4 = t4 X3
    fe_add(x3, t1, t2, m);           // 12. X3 = t1 + t2
    fe_sub(t4, t4, x3, m);           // 13. t4 = t4 - X3       = Y1 Z2 + Y2 Z1
    fe_add(x3, p->x, p->z, m);       // 14. X3 = X1 + Z1
    fe_add(y3, q->x, q->z, m);       // 15. Y3 = X2 + Z2
    fe_mont_mul(x3, x3, y3, m);      // 16. X3 = X3 Y3
    fe_add(y3, t0, t2, m);           // 17. Y3 = t0 + t2
    fe_sub(y3, x3, y3, m);           // 18. Y3 = X3 - Y3       = X1 Z2 + X2 Z1
    fe_add(x3, t0, t0, m);           // 19. X3 = t0 + t0
    fe_add(t0, x3, t0, m);           // 20. t0 = X3 + t0       = 3 X1 X2
    fe_mont_mul(t2, k1_b3, t2, m);   // 21. t2 = b3 t2
    fe_add(z3, t1, t2, m);           // 22. Z3 = t1 + t2
    fe_sub(t1, t1, t2, m);           // 23. t1 = t1 - t2
    fe_mont_mul(y3, k1_b3, y3, m);   // 24. Y3 = b3 Y3
    fe_mont_mul(x3, t4, y3, m);      // 25. X3 = t4 Y3
    fe_mont_mul(t2, t3, t1, m);      // 26. t2 = t3 t1
    fe_sub(x3, t2, x3, m);           // 27. X3 = t2 - X3
    fe_mont_mul(y3, y3, t0, m);      // 28. Y3 = Y3 t0
    fe_mont_mul(t1, t1, z3, m);      // 29. t1 = t1 Z3
    fe_add(y3, t1, y3, m);           // 30. Y3 = t1 + Y3
    fe_mont_mul(t0, t0, t3, m);      // 31. t0 = t0 t3
    fe_mont_mul(z3, z3, t4, m);      // 32. Z3 = Z3 t4
    fe_add(z3, z3, t0, m);           // 33. Z3 = Z3 + t0
    for (int j = 0; j < FE_LIMBS; ++j) {
        r->x[j] = x3[j];
        r->y[j] = y3[j];
        r->z[j] = z3[j];
    }
}

static void fe_sqr_n(uint32_t r[FE_LIMBS], const uint32_t a[FE_LIMBS], int n) {
    fe_mont_mul(r, a, a, &k1);
    while (--n > 0) fe_mont_mul(r, r, r, &k1);
}

// r = a^(p - 2) = a^-1 (Montgomery domain in and out; 0 gives 0). p - 2 in binary: 223 ones,
// a zero, 22 ones, then 0000101101. Blocks of ones 2^k - 1 come from the chain
// 1, 2, 3, 6, 9, 11, 22, 44, 88, 176, 220, 223 (as in libsecp256k1's field inversion).
static void k1_inv(uint32_t r[FE_LIMBS], const uint32_t a[FE_LIMBS]) {
    uint32_t x2[FE_LIMBS], x3[FE_LIMBS], x6[FE_LIMBS], x9[FE_LIMBS], x11[FE_LIMBS];
    uint32_t x22[FE_LIMBS], x44[FE_LIMBS], x88[FE_LIMBS], x176[FE_LIMBS], x220[FE_LIMBS];
    uint32_t x223[FE_LIMBS], t[FE_LIMBS];
    fe_sqr_n(x2, a, 1);
    fe_mont_mul(x2, x2, a, &k1);
    fe_sqr_n(x3, x2, 1);
    fe_mont_mul(x3, x3, a, &k1);
    fe_sqr_n(x6, x3, 3);
    fe_mont_mul(x6, x6, x3, &k1);
    fe_sqr_n(x9, x6, 3);
    fe_mont_mul(x9, x9, x3, &k1);
    fe_sqr_n(x11, x9, 2);
    fe_mont_mul(x11, x11, x2, &k1);
    fe_sqr_n(x22, x11, 11);
    fe_mont_mul(x22, x22, x11, &k1);
    fe_sqr_n(x44, x22, 22);
    fe_mont_mul(x44, x44, x22, &k1);
    fe_sqr_n(x88, x44, 44);
    fe_mont_mul(x88, x88, x44, &k1);
    fe_sqr_n(x176, x88, 88);
    fe_mont_mul(x176, x176, x88, &k1);
    fe_sqr_n(x220, x176, 44);
    fe_mont_mul(x220, x220, x44, &k1);
    fe_sqr_n(x223, x220, 3);
    fe_mont_mul(x223, x223, x3, &k1);
    fe_sqr_n(t, x223, 23);  // a zero and 22 ones
    fe_mont_mul(t, t, x22, &k1);
    fe_sqr_n(t, t, 5);  // 00001
    fe_mont_mul(t, t, a, &k1);
    fe_sqr_n(t, t, 3);  // 011
    fe_mont_mul(t, t, x2, &k1);
    fe_sqr_n(t, t, 2);  // 01
    fe_mont_mul(r, t, a, &k1);
}

// Affine coordinates (normal domain) of a finite projective point (Montgomery domain).
static void ec_to_affine(uint32_t x[FE_LIMBS], uint32_t y[FE_LIMBS], const ec_point_t *p) {
    uint32_t zi[FE_LIMBS];
    k1_inv(zi, p->z);
    fe_mont_mul(x, p->x, zi, &k1);
    fe_mont_mul(y, p->y, zi, &k1);
    fe_from_mont(x, x, &k1);
    fe_from_mont(y, y, &k1);
}

static void k1_setup(void) {
    for (int j = 0; j < FE_LIMBS; ++j) {
        k1.p[j] = bench_secp256k1_p[j];
        k1.r2[j] = bench_secp256k1_r2[j];
    }
    k1.n0 = BENCH_SECP256K1_N0;
    static const uint32_t b3[FE_LIMBS] = {21};
    fe_to_mont(k1_b3, b3, &k1);
}

static void from_affine(ec_point_t *p, const bench_ec_affine_t *a) {
    static const uint32_t one[FE_LIMBS] = {1};
    if (a->infinity) {
        for (int j = 0; j < FE_LIMBS; ++j) p->x[j] = p->z[j] = 0;
        fe_to_mont(p->y, one, &k1);
    } else {
        fe_to_mont(p->x, a->x, &k1);
        fe_to_mont(p->y, a->y, &k1);
        fe_to_mont(p->z, one, &k1);
    }
}

// y^2 = x^3 + 7 for an affine point in the normal domain.
static int on_curve(const bench_ec_affine_t *a) {
    uint32_t x[FE_LIMBS], y[FE_LIMBS], l[FE_LIMBS], r[FE_LIMBS], seven[FE_LIMBS] = {7};
    fe_to_mont(x, a->x, &k1);
    fe_to_mont(y, a->y, &k1);
    fe_to_mont(seven, seven, &k1);
    fe_mont_mul(l, y, y, &k1);
    fe_mont_mul(r, x, x, &k1);
    fe_mont_mul(r, r, x, &k1);
    fe_add(r, r, seven, &k1);
    return fe_equal(l, r);
}

static ec_point_t ec_p[BENCH_ECADD_COUNT], ec_q[BENCH_ECADD_COUNT], ec_r[BENCH_ECADD_COUNT];

static void ecadd_prepare(void) {
    k1_setup();
    for (int i = 0; i < BENCH_ECADD_COUNT; ++i) {
        from_affine(&ec_p[i], &bench_ecadd_cases[i].p);
        from_affine(&ec_q[i], &bench_ecadd_cases[i].q);
    }
}

static void ecadd_run(void) {
    for (int i = 0; i < BENCH_ECADD_COUNT; ++i) ec_add(&ec_r[i], &ec_p[i], &ec_q[i]);
}

static int ecadd_check(void) {
    static const uint32_t zero[FE_LIMBS];
    for (int i = 0; i < BENCH_ECADD_COUNT; ++i) {
        const bench_ec_affine_t *e = &bench_ecadd_cases[i].sum;
        if (!bench_ecadd_cases[i].p.infinity && !on_curve(&bench_ecadd_cases[i].p)) return 1;
        if (!bench_ecadd_cases[i].q.infinity && !on_curve(&bench_ecadd_cases[i].q)) return 1;
        const ec_point_t *r = &ec_r[i];
        if (e->infinity) {
            if (!fe_equal(r->z, zero) || fe_equal(r->y, zero)) return 2;
            continue;
        }
        if (fe_equal(r->z, zero)) return 3;
        uint32_t x[FE_LIMBS], y[FE_LIMBS];
        fe_to_mont(x, e->x, &k1);
        fe_to_mont(y, e->y, &k1);
        fe_mont_mul(x, x, r->z, &k1);
        fe_mont_mul(y, y, r->z, &k1);
        if (!fe_equal(x, r->x)) return 4;
        if (!fe_equal(y, r->y)) return 5;
    }
    return 0;
}

static ec_point_t aff_in;
static uint32_t aff_x[FE_LIMBS], aff_y[FE_LIMBS];

// The input is the first sum, computed here by ec_add (its projective form has Z != 1).
static void ecaffine_prepare(void) {
    ecadd_prepare();
    ec_add(&aff_in, &ec_p[0], &ec_q[0]);
    for (int j = 0; j < FE_LIMBS; ++j) aff_x[j] = aff_y[j] = 0;
}

static void ecaffine_run(void) {
    ec_to_affine(aff_x, aff_y, &aff_in);
}

static int ecaffine_check(void) {
    if (bench_ecadd_cases[0].sum.infinity) return 1;
    if (!fe_equal(aff_x, bench_ecadd_cases[0].sum.x)) return 2;
    if (!fe_equal(aff_y, bench_ecadd_cases[0].sum.y)) return 3;
    // Every other finite sum converts to OpenSSL's affine coordinates as well.
    for (int i = 1; i < BENCH_ECADD_COUNT; ++i) {
        const bench_ec_affine_t *e = &bench_ecadd_cases[i].sum;
        if (e->infinity) continue;
        ec_point_t r;
        uint32_t x[FE_LIMBS], y[FE_LIMBS];
        ec_add(&r, &ec_p[i], &ec_q[i]);
        ec_to_affine(x, y, &r);
        if (!fe_equal(x, e->x) || !fe_equal(y, e->y)) return 4;
    }
    return 0;
}

const bench_kernel_t bench_ecadd = {"ecadd", "secp256k1 RCB16 alg. 7, 8 cases: OpenSSL",
                                    ecadd_prepare, ecadd_run, ecadd_check};
const bench_kernel_t bench_ecaffine = {"ecaffine", "secp256k1 1/Z by chain: OpenSSL affine",
                                       ecaffine_prepare, ecaffine_run, ecaffine_check};
