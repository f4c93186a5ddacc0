// SPDX-License-Identifier: Apache-2.0
// The NTT engine's pointwise operations and polynomial products against the golden model:
// PMUL (with the Incomplete pair product), PADD and PSUB for every field and variant, with a
// zero-padded operand a (LENGTH < N) and in place; full products FWD a, FWD b, PMUL, INV as one
// chained list equal to the model's multiply (and, for FIPS 203's Kyber Incomplete N=256 and
// FIPS 204's Dilithium Negacyclic N=256, to a schoolbook product mod x^256 + 1); FLAGS.IRQ;
// edge values 0, 1 and p-1 through every operation.
#include <catch2/catch.hpp>
#include <cstdint>
#include <vector>

#include "ntt_bench.h"
#include "schoolbook.h"

using namespace ntt_test;

namespace {

// Pointwise operations and the product chain for every variant of field f.
void pointwise_and_products(NttField f) {
    Bench b;
    for (NttVariant v : kAllVariants)
        for (uint32_t k : sizes(f, v)) {
            INFO(describe(f, v, k));
            const size_t n = size_t(1) << k;
            const uint32_t len = uint32_t(n / 2 + 1);
            const model::NttPlan pl = plan(f, v, k);
            const uint64_t seed = 7000 + 100 * unsigned(f) + 10 * unsigned(v) + k;
            const Vec a = random_vec(f, n, seed), c = random_vec(f, n, seed + 1);
            const Vec a_len = padded(Vec(a.begin(), a.begin() + len), n);
            b.put(buf(0), f, a);
            b.put(buf(1), f, c);

            // The product as one chained list: FWD a, FWD c, PMUL, INV (in place).
            Descriptor last = drv::inverse(f, v, k, buf(4), buf(4));
            last.irq();
            REQUIRE(b.shell.irq_clear(epoxy::kAccelIrqAll) == AccelStatus::Ok);
            REQUIRE(
                b.run({drv::forward(f, v, k, buf(0), buf(2)), drv::forward(f, v, k, buf(1), buf(3)),
                       drv::pmul(f, v, k, buf(2), buf(3), buf(4)), last}) == AccelStatus::Ok);
            same("FWD a", f, v, k, pl.forward(a), b.get(buf(2), f, n));
            same("FWD b", f, v, k, pl.forward(c), b.get(buf(3), f, n));
            same("FWD, FWD, PMUL, INV = multiply", f, v, k, pl.multiply(a, c), b.get(buf(4), f, n));
            uint32_t irqs = 0;
            REQUIRE(b.shell.irq_status(&irqs) == AccelStatus::Ok);
            CHECK(irqs == (epoxy::kAccelIrqDone | epoxy::kAccelIrqDesc));

            // Pointwise on random operands, full length.
            REQUIRE(b.run({drv::pmul(f, v, k, buf(0), buf(1), buf(4)),
                           drv::padd(f, v, k, buf(0), buf(1), buf(5)),
                           drv::psub(f, v, k, buf(0), buf(1), buf(6)),
                           drv::psub(f, v, k, buf(1), buf(0), buf(2))}) == AccelStatus::Ok);
            same("PMUL", f, v, k, pl.pointwise_mul(a, c), b.get(buf(4), f, n));
            same("PADD", f, v, k, pl.pointwise_add(a, c), b.get(buf(5), f, n));
            same("PSUB a - b", f, v, k, pl.pointwise_sub(a, c), b.get(buf(6), f, n));
            same("PSUB b - a", f, v, k, pl.pointwise_sub(c, a), b.get(buf(2), f, n));

            // Operand a zero-padded (LENGTH = N/2 + 1), then in place (DST == SRC0).
            REQUIRE(b.run({drv::pmul(f, v, k, buf(0), buf(1), buf(4), len),
                           drv::padd(f, v, k, buf(0), buf(1), buf(5), len),
                           drv::psub(f, v, k, buf(0), buf(1), buf(6), len),
                           drv::padd(f, v, k, buf(1), buf(0), buf(1))}) == AccelStatus::Ok);
            same("PMUL LENGTH N/2+1", f, v, k, pl.pointwise_mul(a_len, c), b.get(buf(4), f, n));
            same("PADD LENGTH N/2+1", f, v, k, pl.pointwise_add(a_len, c), b.get(buf(5), f, n));
            same("PSUB LENGTH N/2+1", f, v, k, pl.pointwise_sub(a_len, c), b.get(buf(6), f, n));
            same("PADD in place", f, v, k, pl.pointwise_add(c, a), b.get(buf(1), f, n));

            // A product of two half-degree polynomials: no wrap-around, from zero-padded FWDs.
            b.put(buf(1), f, c);
            const uint32_t half = uint32_t(n / 2);
            REQUIRE(b.run({drv::forward(f, v, k, buf(0), buf(2), half),
                           drv::forward(f, v, k, buf(1), buf(3), half),
                           drv::pmul(f, v, k, buf(2), buf(3), buf(4)),
                           drv::inverse(f, v, k, buf(4), buf(5))}) == AccelStatus::Ok);
            const Vec ah = padded(Vec(a.begin(), a.begin() + half), n);
            const Vec ch = padded(Vec(c.begin(), c.begin() + half), n);
            same("FWD LENGTH N/2", f, v, k, pl.forward(ah), b.get(buf(2), f, n));
            same("half-degree product", f, v, k, pl.multiply(ah, ch), b.get(buf(5), f, n));
        }
}

}  // namespace

TEST_CASE("pointwise operations and products: BabyBear", "[ntt]") {
    pointwise_and_products(NttField::BabyBear);
}
TEST_CASE("pointwise operations and products: KoalaBear", "[ntt]") {
    pointwise_and_products(NttField::KoalaBear);
}
TEST_CASE("pointwise operations and products: Goldilocks", "[ntt]") {
    pointwise_and_products(NttField::Goldilocks);
}
TEST_CASE("pointwise operations and products: Dilithium", "[ntt]") {
    pointwise_and_products(NttField::Dilithium);
}
TEST_CASE("pointwise operations and products: Kyber", "[ntt]") {
    pointwise_and_products(NttField::Kyber);
}

TEST_CASE("FIPS 203 and FIPS 204 products at N=256 equal schoolbook products", "[ntt]") {
    struct Std {
        NttField f;
        NttVariant v;
    };
    Bench b;
    for (const Std s : {Std{NttField::Kyber, NttVariant::Incomplete},
                        Std{NttField::Dilithium, NttVariant::Negacyclic}}) {
        INFO(describe(s.f, s.v, 8));
        const Vec a = random_vec(s.f, 256, 203), c = random_vec(s.f, 256, 204);
        b.put(buf(0), s.f, a);
        b.put(buf(1), s.f, c);
        REQUIRE(b.run({drv::forward(s.f, s.v, 8, buf(0), buf(0)),
                       drv::forward(s.f, s.v, 8, buf(1), buf(1)),
                       drv::pmul(s.f, s.v, 8, buf(0), buf(1), buf(2)),
                       drv::inverse(s.f, s.v, 8, buf(2), buf(2))}) == AccelStatus::Ok);
        const Vec want = schoolbook(drv::modulus(s.f), a, c, true);
        same("product mod x^256 + 1 (schoolbook)", s.f, s.v, 8, want, b.get(buf(2), s.f, 256));
        same("product mod x^256 + 1 (model)", s.f, s.v, 8, plan(s.f, s.v, 8).multiply(a, c),
             b.get(buf(2), s.f, 256));
    }
}

TEST_CASE("edge values 0, 1 and p-1 through every operation", "[ntt]") {
    Bench b;
    for (NttField f : kAllFields)
        for (NttVariant v : kAllVariants)
            for (uint32_t k : sizes(f, v)) {
                INFO(describe(f, v, k));
                const size_t n = size_t(1) << k;
                const uint64_t p = drv::modulus(f);
                const model::NttPlan pl = plan(f, v, k);
                std::vector<Vec> in = {Vec(n, 0), Vec(n, 1), Vec(n, p - 1),
                                       Vec(n, 0), Vec(n, 0), Vec(n, 0)};
                for (size_t i = 0; i < n; i += 2) in[3][i + 1] = p - 1;  // alternating 0, p-1
                in[4][n - 1] = p - 1;                                    // p-1 last
                in[5][0] = 1;                                            // the unit
                const char* names[] = {"all 0",    "all 1", "all p-1", "alternating 0/p-1",
                                       "p-1 last", "unit"};
                const uint32_t stride = drv::bytes(f, uint32_t(n));
                auto in_at = [&](size_t i) { return buf(0) + uint32_t(i) * stride; };
                auto out_at = [&](size_t i) { return buf(2) + uint32_t(i) * stride; };
                for (size_t i = 0; i < in.size(); ++i) b.put(in_at(i), f, in[i]);
                std::vector<Descriptor> d;
                for (size_t i = 0; i < in.size(); ++i) {
                    d.push_back(drv::forward(f, v, k, in_at(i), out_at(2 * i)));
                    d.push_back(drv::inverse(f, v, k, in_at(i), out_at(2 * i + 1)));
                }
                REQUIRE(b.run(d) == AccelStatus::Ok);
                for (size_t i = 0; i < in.size(); ++i) {
                    same(std::string("forward of ") + names[i], f, v, k, pl.forward(in[i]),
                         b.get(out_at(2 * i), f, n));
                    same(std::string("inverse of ") + names[i], f, v, k, pl.inverse(in[i]),
                         b.get(out_at(2 * i + 1), f, n));
                }
                // Pairs through PMUL, PADD, PSUB.
                const std::pair<size_t, size_t> pairs[] = {{2, 2}, {0, 2}, {2, 0}, {1, 2}, {3, 2}};
                d.clear();
                size_t o = 0;
                for (const auto& pr : pairs)
                    for (uint8_t op : {drv::kOpPmul, drv::kOpPadd, drv::kOpPsub})
                        d.push_back(drv::make(op, f, v, k, in_at(pr.first), in_at(pr.second),
                                              out_at(o++), uint32_t(n)));
                REQUIRE(b.run(d) == AccelStatus::Ok);
                o = 0;
                for (const auto& pr : pairs) {
                    const std::string what =
                        std::string(names[pr.first]) + " with " + names[pr.second];
                    const Vec& x = in[pr.first];
                    const Vec& y = in[pr.second];
                    same("PMUL " + what, f, v, k, pl.pointwise_mul(x, y), b.get(out_at(o++), f, n));
                    same("PADD " + what, f, v, k, pl.pointwise_add(x, y), b.get(out_at(o++), f, n));
                    same("PSUB " + what, f, v, k, pl.pointwise_sub(x, y), b.get(out_at(o++), f, n));
                }
            }
}
