// SPDX-License-Identifier: Apache-2.0
// Test helpers: FLINT as the independent reference (nmod_poly over Z/p, p < 2^64), random
// vectors, and (schoolbook.h) a plain schoolbook product. Nothing here uses the model's own
// arithmetic.
#pragma once

#include <flint/nmod_poly.h>
#include <flint/ulong_extras.h>

#include <cstdint>
#include <random>
#include <vector>

#include "models/ntt/ntt_model.h"
#include "schoolbook.h"

namespace ntt_test {

using epoxy::ntt::Vec;

// An nmod_poly_t that cleans up after itself.
class FlintPoly {
  public:
    explicit FlintPoly(std::uint64_t p) { nmod_poly_init(poly_, p); }
    FlintPoly(std::uint64_t p, const Vec& coeffs) : FlintPoly(p) {
        for (std::size_t i = 0; i < coeffs.size(); ++i) {
            nmod_poly_set_coeff_ui(poly_, static_cast<slong>(i), coeffs[i]);
        }
    }
    ~FlintPoly() { nmod_poly_clear(poly_); }
    FlintPoly(const FlintPoly&) = delete;
    FlintPoly& operator=(const FlintPoly&) = delete;

    nmod_poly_struct* get() { return poly_; }
    const nmod_poly_struct* get() const { return poly_; }

    // Coefficients 0..n-1 (zero past the polynomial's length).
    Vec coeffs(std::size_t n) const {
        Vec out(n);
        for (std::size_t i = 0; i < n; ++i) {
            out[i] = nmod_poly_get_coeff_ui(poly_, static_cast<slong>(i));
        }
        return out;
    }

  private:
    nmod_poly_t poly_;
};

// FLINT's a * b mod (x^n - 1) (cyclic) or (x^n + 1) (negacyclic), both of length n.
inline Vec flint_product(std::uint64_t p, const Vec& a, const Vec& b, bool negacyclic) {
    const std::size_t n = a.size();
    FlintPoly fa(p, a), fb(p, b), prod(p), mod(p), rem(p);
    nmod_poly_mul(prod.get(), fa.get(), fb.get());
    nmod_poly_set_coeff_ui(mod.get(), static_cast<slong>(n), 1);
    nmod_poly_set_coeff_ui(mod.get(), 0, negacyclic ? 1 : p - 1);
    nmod_poly_rem(rem.get(), prod.get(), mod.get());
    return rem.coeffs(n);
}

inline Vec flint_add(std::uint64_t p, const Vec& a, const Vec& b, bool subtract) {
    FlintPoly fa(p, a), fb(p, b), r(p);
    if (subtract) {
        nmod_poly_sub(r.get(), fa.get(), fb.get());
    } else {
        nmod_poly_add(r.get(), fa.get(), fb.get());
    }
    return r.coeffs(a.size());
}

// a mod (x^2 - gamma) by FLINT: {coefficient 0, coefficient 1}.
inline Vec flint_rem_quadratic(std::uint64_t p, const Vec& a, std::uint64_t gamma) {
    FlintPoly fa(p, a), mod(p), rem(p);
    nmod_poly_set_coeff_ui(mod.get(), 2, 1);
    nmod_poly_set_coeff_ui(mod.get(), 0, gamma == 0 ? 0 : p - gamma);
    nmod_poly_rem(rem.get(), fa.get(), mod.get());
    return rem.coeffs(2);
}

inline std::uint64_t flint_eval(std::uint64_t p, const Vec& a, std::uint64_t x) {
    FlintPoly fa(p, a);
    return nmod_poly_evaluate_nmod(fa.get(), x);
}

inline std::uint64_t flint_mulmod(std::uint64_t a, std::uint64_t b, std::uint64_t p) {
    return n_mulmod2_preinv(a, b, p, n_preinvert_limb(p));
}

inline std::uint64_t flint_powmod(std::uint64_t a, std::uint64_t e, std::uint64_t p) {
    return n_powmod2_ui_preinv(a, e, p, n_preinvert_limb(p));
}

inline Vec random_vec(std::mt19937_64& rng, std::uint64_t p, std::size_t n) {
    std::uniform_int_distribution<std::uint64_t> dist(0, p - 1);
    Vec v(n);
    for (auto& x : v) x = dist(rng);
    return v;
}


}  // namespace ntt_test
