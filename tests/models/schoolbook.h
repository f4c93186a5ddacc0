// SPDX-License-Identifier: Apache-2.0
// Test helper: the plain O(n^2) polynomial product mod x^n - 1 or x^n + 1, with nothing but %
// on unsigned __int128: the reference the golden model (tests/models) and the NTT block
// (tests/ntt) are both checked against. Independent of FLINT and of the model's arithmetic.
#pragma once

#include <cstdint>
#include <vector>

#include "models/ntt/ntt_model.h"

namespace ntt_test {

// O(n^2) product mod x^n - 1 or x^n + 1 with nothing but % on unsigned __int128.
inline epoxy::ntt::Vec schoolbook(std::uint64_t p, const epoxy::ntt::Vec& a,
                                  const epoxy::ntt::Vec& b, bool negacyclic) {
    const std::size_t n = a.size();
    epoxy::ntt::Vec c(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < n; ++j) {
            std::uint64_t t =
                static_cast<std::uint64_t>(static_cast<unsigned __int128>(a[i]) * b[j] % p);
            std::size_t k = i + j;
            if (k >= n) {
                k -= n;
                if (negacyclic) t = (p - t) % p;
            }
            c[k] = static_cast<std::uint64_t>((static_cast<unsigned __int128>(c[k]) + t) % p);
        }
    }
    return c;
}

}  // namespace ntt_test
