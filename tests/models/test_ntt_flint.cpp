// SPDX-License-Identifier: Apache-2.0
// The NTT model against FLINT, for every field, variant and supported size N = 2^k:
//   products:   inverse(pointwise_mul(forward(a), forward(b))) = a*b mod x^N -+ 1 (FLINT)
//   ordering:   forward(a)[i] = a(evaluation point i) (FLINT's evaluation), or for the
//               incomplete NTT a mod (x^2 - gamma_i) (FLINT's remainder)
//   linearity:  forward(a +- b) = forward(a) +- forward(b); inverse of that = a +- b (FLINT)
//   round trip: inverse(forward(a)) = a
// plus edge values (0, 1, p-1) at the smallest and largest N, and the proof that the checks
// can fail: a single perturbed twiddle, gamma or scale is caught by the FLINT comparison.
#include <algorithm>
#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <utility>

#include "flint_ref.h"
#include "models/ntt/ntt_model.h"

using namespace epoxy::ntt;
using ntt_test::flint_add;
using ntt_test::flint_product;
using ntt_test::random_vec;

namespace {

constexpr Variant kVariants[] = {Variant::Cyclic, Variant::Negacyclic, Variant::Incomplete};

std::string label(const NttPlan& plan) {
    return std::string(plan.field().name) + " " + to_string(plan.variant()) +
           " N=" + std::to_string(plan.n());
}

// Random products of one field, every variant and size, `seeds` pairs per size (fewer at
// the largest sizes, where each product is already 2^13..2^14 random coefficients).
void check_products(FieldId id) {
    for (Variant v : kVariants) {
        SizeRange r = supported_sizes(id, v);
        for (unsigned k = r.min_log_n; k <= r.max_log_n; ++k) {
            NttPlan plan(id, v, std::size_t{1} << k);
            const std::uint64_t p = plan.field().p;
            const int seeds = k <= 10 ? 4 : 2;
            for (int seed = 0; seed < seeds; ++seed) {
                std::mt19937_64 rng(1000003ULL * k + 7919ULL * seed + static_cast<unsigned>(id));
                Vec a = random_vec(rng, p, plan.n());
                Vec b = random_vec(rng, p, plan.n());
                INFO(label(plan) << " seed " << seed);
                REQUIRE(plan.multiply(a, b) == flint_product(p, a, b, v != Variant::Cyclic));
            }
        }
    }
}

}  // namespace

TEST_CASE("ntt vs FLINT: products, BabyBear", "[ntt][flint]") {
    check_products(FieldId::BabyBear);
}
TEST_CASE("ntt vs FLINT: products, KoalaBear", "[ntt][flint]") {
    check_products(FieldId::KoalaBear);
}
TEST_CASE("ntt vs FLINT: products, Goldilocks", "[ntt][flint]") {
    check_products(FieldId::Goldilocks);
}
TEST_CASE("ntt vs FLINT: products, Dilithium", "[ntt][flint]") {
    check_products(FieldId::Dilithium);
}
TEST_CASE("ntt vs FLINT: products, Kyber", "[ntt][flint]") {
    check_products(FieldId::Kyber);
}

TEST_CASE("ntt vs FLINT: forward output i is the documented evaluation", "[ntt][flint]") {
    for (FieldId id : kAllFields) {
        for (Variant v : kVariants) {
            SizeRange r = supported_sizes(id, v);
            for (unsigned k : {r.min_log_n, 2u, 5u, 8u, r.max_log_n}) {
                if (k > r.max_log_n) continue;
                NttPlan plan(id, v, std::size_t{1} << k);
                const std::uint64_t p = plan.field().p;
                std::mt19937_64 rng(77 + k);
                Vec a = random_vec(rng, p, plan.n());
                Vec hat = plan.forward(a);
                INFO(label(plan));
                // The largest sizes: a sample of outputs (FLINT evaluation is O(N) each).
                const std::size_t step = plan.n() > 512 ? plan.n() / 97 + 1 : 1;
                for (std::size_t i = 0; i < plan.n(); i += step) {
                    INFO("output " << i);
                    if (v == Variant::Incomplete) {
                        const std::size_t pair = i / 2;
                        REQUIRE(plan.twiddles().gamma[pair] == plan.evaluation_point(i));
                        Vec res = ntt_test::flint_rem_quadratic(p, a, plan.evaluation_point(i));
                        REQUIRE(hat[2 * pair] == res[0]);
                        REQUIRE(hat[2 * pair + 1] == res[1]);
                    } else {
                        REQUIRE(hat[i] == ntt_test::flint_eval(p, a, plan.evaluation_point(i)));
                    }
                }
                // The evaluation points are distinct roots of x^N - 1 (cyclic) or of
                // x^N + 1 (negacyclic), or the N/2 gammas are distinct roots of x^(N/2) + 1.
                std::vector<std::uint64_t> pts;
                for (std::size_t i = 0; i < plan.n(); i += v == Variant::Incomplete ? 2 : 1) {
                    pts.push_back(plan.evaluation_point(i));
                }
                std::uint64_t want = v == Variant::Cyclic ? 1 : p - 1;
                std::uint64_t e = v == Variant::Incomplete ? plan.n() / 2 : plan.n();
                for (std::uint64_t x : pts) REQUIRE(ntt_test::flint_powmod(x, e, p) == want);
                std::sort(pts.begin(), pts.end());
                REQUIRE(std::adjacent_find(pts.begin(), pts.end()) == pts.end());
            }
        }
    }
}

TEST_CASE("ntt vs FLINT: linearity and round trip", "[ntt][flint]") {
    for (FieldId id : kAllFields) {
        for (Variant v : kVariants) {
            SizeRange r = supported_sizes(id, v);
            for (unsigned k = r.min_log_n; k <= r.max_log_n; ++k) {
                NttPlan plan(id, v, std::size_t{1} << k);
                const std::uint64_t p = plan.field().p;
                std::mt19937_64 rng(4242 + k);
                Vec a = random_vec(rng, p, plan.n());
                Vec b = random_vec(rng, p, plan.n());
                Vec ha = plan.forward(a), hb = plan.forward(b);
                INFO(label(plan));
                REQUIRE(plan.inverse(ha) == a);
                REQUIRE(plan.forward(plan.inverse(a)) == a);
                Vec sum = flint_add(p, a, b, false), diff = flint_add(p, a, b, true);
                REQUIRE(plan.forward(sum) == plan.pointwise_add(ha, hb));
                REQUIRE(plan.forward(diff) == plan.pointwise_sub(ha, hb));
                REQUIRE(plan.inverse(plan.pointwise_add(ha, hb)) == sum);
                REQUIRE(plan.inverse(plan.pointwise_sub(ha, hb)) == diff);
            }
        }
    }
}

TEST_CASE("ntt vs FLINT: edge values at the smallest and largest N", "[ntt][flint]") {
    for (FieldId id : kAllFields) {
        for (Variant v : kVariants) {
            SizeRange r = supported_sizes(id, v);
            for (unsigned k : {r.min_log_n, r.min_log_n + 1, r.max_log_n}) {
                NttPlan plan(id, v, std::size_t{1} << k);
                const std::size_t n = plan.n();
                const std::uint64_t p = plan.field().p, top = p - 1;
                Vec alternating(n), last(n, 0), delta(n, 0);
                for (std::size_t i = 0; i < n; ++i) alternating[i] = i % 2 ? top : 0;
                last[n - 1] = top;
                delta[0] = 1;
                const std::vector<Vec> inputs = {Vec(n, 0),   Vec(n, 1), Vec(n, top),
                                                 alternating, last,      delta};
                INFO(label(plan));
                for (std::size_t x = 0; x < inputs.size(); ++x) {
                    INFO("input " << x);
                    REQUIRE(plan.inverse(plan.forward(inputs[x])) == inputs[x]);
                    for (std::size_t y = x; y < inputs.size(); ++y) {
                        INFO("times input " << y);
                        REQUIRE(plan.multiply(inputs[x], inputs[y]) ==
                                flint_product(p, inputs[x], inputs[y], v != Variant::Cyclic));
                        REQUIRE(plan.inverse(plan.pointwise_add(plan.forward(inputs[x]),
                                                                plan.forward(inputs[y]))) ==
                                flint_add(p, inputs[x], inputs[y], false));
                    }
                }
                // Transform of the unit polynomial 1: all ones, or (1, 0) pairs.
                Vec ones = plan.forward(delta);
                for (std::size_t i = 0; i < n; ++i) {
                    REQUIRE(ones[i] == (v == Variant::Incomplete && i % 2 ? 0 : 1));
                }
                REQUIRE(plan.forward(Vec(n, 0)) == Vec(n, 0));
            }
        }
    }
}

// A wrong table must be caught. Each case perturbs one value the transforms actually read
// and shows that the FLINT product comparison fails; the unused forward[0] and inverse[0]
// are the only entries allowed to hold anything.
TEST_CASE("ntt vs FLINT: a perturbed twiddle is detected", "[ntt][flint][negative]") {
    for (FieldId id : kAllFields) {
        for (Variant v : kVariants) {
            SizeRange r = supported_sizes(id, v);
            for (unsigned k : {r.min_log_n, 4u, r.max_log_n}) {
                if (k > r.max_log_n) continue;
                const std::size_t n = std::size_t{1} << k;
                const Twiddles good = make_twiddles(id, v, n);
                const std::uint64_t p = field(id).p;
                std::mt19937_64 rng(99 + k);
                Vec a = random_vec(rng, p, n), b = random_vec(rng, p, n);
                const Vec want = flint_product(p, a, b, v != Variant::Cyclic);
                INFO(field(id).name << " " << to_string(v) << " N=" << n);
                REQUIRE(NttPlan(id, v, n, good).multiply(a, b) == want);

                auto bump = [p](std::uint64_t x) { return x + 1 == p ? 0 : x + 1; };
                std::vector<std::pair<std::string, Twiddles>> bad;
                if (good.forward.size() > 1) {
                    std::uniform_int_distribution<std::size_t> pick(1, good.forward.size() - 1);
                    const std::size_t j = pick(rng);
                    Twiddles t = good;
                    t.forward[j] = bump(t.forward[j]);
                    bad.emplace_back("forward[" + std::to_string(j) + "]", t);
                    t = good;
                    t.inverse[j] = bump(t.inverse[j]);
                    bad.emplace_back("inverse[" + std::to_string(j) + "]", t);
                    // The perturbation FIPS 204 would make if -zetas were read as zetas.
                    t = good;
                    t.inverse[j] = field(id).neg(t.inverse[j]);
                    bad.emplace_back("inverse[" + std::to_string(j) + "] negated", t);
                }
                for (std::size_t i = 0; i < good.gamma.size(); i += good.gamma.size() / 2 + 1) {
                    Twiddles t = good;
                    t.gamma[i] = bump(t.gamma[i]);
                    bad.emplace_back("gamma[" + std::to_string(i) + "]", t);
                }
                Twiddles t = good;
                t.scale = bump(t.scale);
                bad.emplace_back("scale", t);
                for (const auto& [what, tables] : bad) {
                    INFO("perturbed " << what);
                    CHECK(NttPlan(id, v, n, tables).multiply(a, b) != want);
                }
                // forward[0] / inverse[0] are documented as unused.
                t = good;
                t.forward[0] = 0;
                t.inverse[0] = 0;
                CHECK(NttPlan(id, v, n, t).multiply(a, b) == want);
            }
        }
    }
}

TEST_CASE("ntt vs FLINT: the reference tells cyclic from negacyclic", "[ntt][flint][negative]") {
    // Guards the harness: with the other reduction the comparison must fail.
    for (FieldId id : kAllFields) {
        NttPlan cyc(id, Variant::Cyclic, 16), neg(id, Variant::Negacyclic, 16);
        std::mt19937_64 rng(5);
        Vec a = random_vec(rng, cyc.field().p, 16), b = random_vec(rng, cyc.field().p, 16);
        CHECK(cyc.multiply(a, b) != flint_product(cyc.field().p, a, b, true));
        CHECK(neg.multiply(a, b) != flint_product(cyc.field().p, a, b, false));
    }
}
