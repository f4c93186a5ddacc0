// SPDX-License-Identifier: Apache-2.0
// The NTT fields: the constants are what they claim to be (checked with FLINT's number
// theory, not the model's), the roots come out as documented, and the arithmetic agrees
// with FLINT's on random and edge operands.
#include <flint/ulong_extras.h>

#include <catch2/catch.hpp>
#include <random>

#include "flint_ref.h"
#include "models/ntt/ntt_field.h"

using namespace epoxy::ntt;
using ntt_test::flint_mulmod;
using ntt_test::flint_powmod;

TEST_CASE("ntt field: moduli are the documented primes", "[ntt][field]") {
    CHECK(field(FieldId::BabyBear).p == (1ULL << 31) - (1ULL << 27) + 1);
    CHECK(field(FieldId::KoalaBear).p == (1ULL << 31) - (1ULL << 24) + 1);
    CHECK(field(FieldId::Goldilocks).p == ~0ULL - (1ULL << 32) + 2);  // 2^64 - 2^32 + 1
    CHECK(field(FieldId::Dilithium).p == (1ULL << 23) - (1ULL << 13) + 1);
    CHECK(field(FieldId::Dilithium).p == 8380417);
    CHECK(field(FieldId::Kyber).p == 3329);
    for (FieldId id : kAllFields) {
        const Field& f = field(id);
        INFO(f.name);
        CHECK(f.id == id);
        CHECK(n_is_prime(f.p));
        // Two-adicity: 2^s divides p - 1 and 2^(s+1) does not.
        CHECK((f.p - 1) % (1ULL << f.two_adicity) == 0);
        CHECK(((f.p - 1) >> f.two_adicity) % 2 == 1);
    }
}

TEST_CASE("ntt field: generators generate and give the standards' roots", "[ntt][field]") {
    for (FieldId id : kAllFields) {
        const Field& f = field(id);
        INFO(f.name);
        // g generates (Z/p)^* iff g^((p-1)/q) != 1 for every prime q | p - 1 (FLINT factors).
        n_factor_t fac;
        n_factor_init(&fac);
        n_factor(&fac, f.p - 1, 1);
        REQUIRE(fac.num > 0);
        for (int i = 0; i < fac.num; ++i) {
            INFO("prime factor " << fac.p[i]);
            CHECK(flint_powmod(f.generator, (f.p - 1) / fac.p[i], f.p) != 1);
        }
    }
    // The STARK fields use their smallest generator; the lattice fields the smallest one
    // that gives the standard's root (checked below). (FLINT's n_primitive_root_prime is
    // not used: it answers 2 for Goldilocks, whose 2 has order 192.)
    for (FieldId id : kAllFields) {
        const Field& f = field(id);
        n_factor_t fac;
        n_factor_init(&fac);
        n_factor(&fac, f.p - 1, 1);
        for (std::uint64_t a = 2; a < f.generator; ++a) {
            bool generates = true;
            for (int i = 0; i < fac.num; ++i) {
                if (flint_powmod(a, (f.p - 1) / fac.p[i], f.p) == 1) generates = false;
            }
            const bool smaller_gives_root =
                id == FieldId::Dilithium ? flint_powmod(a, (f.p - 1) / 512, f.p) == 1753
                : id == FieldId::Kyber   ? flint_powmod(a, (f.p - 1) / 256, f.p) == 17
                                         : true;
            INFO(f.name << ": " << a << " is a smaller generator");
            CHECK_FALSE((generates && smaller_gives_root));
        }
    }
    // FIPS 204: zeta = 1753 is a primitive 512th root; FIPS 203: zeta = 17 a primitive 256th.
    CHECK(field(FieldId::Dilithium).root_of_unity(512) == 1753);
    CHECK(field(FieldId::Kyber).root_of_unity(256) == 17);
    CHECK(flint_powmod(1753, 256, 8380417) == 8380416);
    CHECK(flint_powmod(17, 128, 3329) == 3328);
}

TEST_CASE("ntt field: roots of unity have exact order and nest", "[ntt][field]") {
    for (FieldId id : kAllFields) {
        const Field& f = field(id);
        INFO(f.name);
        for (unsigned s = 1; s <= f.two_adicity; ++s) {
            const std::uint64_t n = 1ULL << s;
            const std::uint64_t w = f.root_of_unity(n);
            INFO("n = " << n);
            CHECK(flint_powmod(w, n, f.p) == 1);
            CHECK(flint_powmod(w, n / 2, f.p) == f.p - 1);  // order exactly n
            if (s > 1) CHECK(flint_mulmod(w, w, f.p) == f.root_of_unity(n / 2));
        }
        CHECK_THROWS(f.root_of_unity(1ULL << (f.two_adicity + 1)));
    }
}

TEST_CASE("ntt field: arithmetic agrees with FLINT", "[ntt][field]") {
    std::mt19937_64 rng(20240501);
    for (FieldId id : kAllFields) {
        const Field& f = field(id);
        INFO(f.name);
        Vec edge = {0, 1, 2, f.p / 2, f.p - 2, f.p - 1};
        Vec vals = ntt_test::random_vec(rng, f.p, 200);
        vals.insert(vals.end(), edge.begin(), edge.end());
        for (std::size_t i = 0; i < vals.size(); ++i) {
            for (std::size_t j = i; j < vals.size(); j += 7) {
                const std::uint64_t a = vals[i], b = vals[j];
                INFO("a = " << a << ", b = " << b);
                REQUIRE(f.mul(a, b) == flint_mulmod(a, b, f.p));
                REQUIRE(f.add(a, b) == n_addmod(a, b, f.p));
                REQUIRE(f.sub(a, b) == n_submod(a, b, f.p));
            }
            const std::uint64_t a = vals[i];
            REQUIRE(f.neg(a) == n_negmod(a, f.p));
            if (a != 0) REQUIRE(f.inv(a) == n_invmod(a, f.p));
            REQUIRE(f.pow(a, f.p - 1) == (a == 0 ? 0 : 1));
        }
        CHECK(f.pow(0, 0) == 1);
        CHECK_THROWS(f.inv(0));
    }
}
