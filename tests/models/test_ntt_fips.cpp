// SPDX-License-Identifier: Apache-2.0
// Kyber and Dilithium: the model's NTT domain is exactly the standards'.
//   - the first entries of the published tables (FIPS 203 Appendix A zetas and gammas,
//     FIPS 204 Appendix B zetas) equal the model's Twiddles;
//   - literal transcriptions of FIPS 203 Algorithms 9-12 and FIPS 204 Algorithms 41-42 (own
//     integer arithmetic, own bit reversal, the standards' loop order and -zetas) give the
//     same outputs as the model, value for value;
//   - products at every supported size and variant equal a plain O(N^2) schoolbook product.
#include <array>
#include <catch2/catch.hpp>
#include <cstdint>
#include <random>

#include "flint_ref.h"
#include "models/ntt/ntt_model.h"

using namespace epoxy::ntt;
using ntt_test::random_vec;
using ntt_test::schoolbook;

namespace {

// ---- FIPS 203 (ML-KEM), q = 3329, zeta = 17 -------------------------------------------
constexpr std::int64_t kKyberQ = 3329;

std::int64_t mod_q(std::int64_t x, std::int64_t q) {
    return ((x % q) + q) % q;
}

std::int64_t pow_q(std::int64_t b, unsigned e, std::int64_t q) {
    std::int64_t r = 1;
    for (unsigned i = 0; i < e; ++i) r = r * b % q;
    return r;
}

unsigned bitrev7(unsigned r) {
    unsigned out = 0;
    for (unsigned b = 0; b < 7; ++b) out |= ((r >> b) & 1) << (6 - b);
    return out;
}

unsigned bitrev8(unsigned r) {
    unsigned out = 0;
    for (unsigned b = 0; b < 8; ++b) out |= ((r >> b) & 1) << (7 - b);
    return out;
}

std::array<std::int64_t, 128> kyber_zetas() {
    std::array<std::int64_t, 128> z{};
    for (unsigned i = 0; i < 128; ++i) z[i] = pow_q(17, bitrev7(i), kKyberQ);
    return z;
}

// Algorithm 9, NTT(f).
Vec fips203_ntt(const Vec& f) {
    const auto zetas = kyber_zetas();
    std::array<std::int64_t, 256> h{};
    for (int j = 0; j < 256; ++j) h[j] = static_cast<std::int64_t>(f[j]);
    int i = 1;
    for (int len = 128; len >= 2; len /= 2) {
        for (int start = 0; start < 256; start += 2 * len) {
            const std::int64_t zeta = zetas[i];
            ++i;
            for (int j = start; j < start + len; ++j) {
                const std::int64_t t = mod_q(zeta * h[j + len], kKyberQ);
                h[j + len] = mod_q(h[j] - t, kKyberQ);
                h[j] = mod_q(h[j] + t, kKyberQ);
            }
        }
    }
    return Vec(h.begin(), h.end());
}

// Algorithm 10, NTT^-1(f_hat).
Vec fips203_intt(const Vec& fh) {
    const auto zetas = kyber_zetas();
    std::array<std::int64_t, 256> f{};
    for (int j = 0; j < 256; ++j) f[j] = static_cast<std::int64_t>(fh[j]);
    int i = 127;
    for (int len = 2; len <= 128; len *= 2) {
        for (int start = 0; start < 256; start += 2 * len) {
            const std::int64_t zeta = zetas[i];
            --i;
            for (int j = start; j < start + len; ++j) {
                const std::int64_t t = f[j];
                f[j] = mod_q(t + f[j + len], kKyberQ);
                f[j + len] = mod_q(zeta * (f[j + len] - t), kKyberQ);
            }
        }
    }
    for (auto& x : f) x = mod_q(x * 3303, kKyberQ);
    return Vec(f.begin(), f.end());
}

// Algorithms 11 and 12, MultiplyNTTs / BaseCaseMultiply.
Vec fips203_multiply_ntts(const Vec& f, const Vec& g) {
    Vec h(256);
    for (unsigned i = 0; i < 128; ++i) {
        const std::int64_t a0 = f[2 * i], a1 = f[2 * i + 1], b0 = g[2 * i], b1 = g[2 * i + 1];
        const std::int64_t gamma = pow_q(17, 2 * bitrev7(i) + 1, kKyberQ);
        h[2 * i] = mod_q(a0 * b0 + mod_q(a1 * b1, kKyberQ) * gamma, kKyberQ);
        h[2 * i + 1] = mod_q(a0 * b1 + a1 * b0, kKyberQ);
    }
    return h;
}

// ---- FIPS 204 (ML-DSA), q = 8380417, zeta = 1753 ---------------------------------------
constexpr std::int64_t kDilithiumQ = 8380417;

std::array<std::int64_t, 256> dilithium_zetas() {
    std::array<std::int64_t, 256> z{};
    for (unsigned k = 0; k < 256; ++k) z[k] = pow_q(1753, bitrev8(k), kDilithiumQ);
    return z;
}

// Algorithm 41, NTT(w).
Vec fips204_ntt(const Vec& w_in) {
    const auto zetas = dilithium_zetas();
    std::array<std::int64_t, 256> w{};
    for (int j = 0; j < 256; ++j) w[j] = static_cast<std::int64_t>(w_in[j]);
    int m = 0;
    int len = 128;
    while (len >= 1) {
        int start = 0;
        while (start < 256) {
            ++m;
            const std::int64_t z = zetas[m];
            for (int j = start; j < start + len; ++j) {
                const std::int64_t t = mod_q(z * w[j + len], kDilithiumQ);
                w[j + len] = mod_q(w[j] - t, kDilithiumQ);
                w[j] = mod_q(w[j] + t, kDilithiumQ);
            }
            start += 2 * len;
        }
        len /= 2;
    }
    return Vec(w.begin(), w.end());
}

// Algorithm 42, NTT^-1(w_hat).
Vec fips204_intt(const Vec& wh) {
    const auto zetas = dilithium_zetas();
    std::array<std::int64_t, 256> w{};
    for (int j = 0; j < 256; ++j) w[j] = static_cast<std::int64_t>(wh[j]);
    int m = 256;
    int len = 1;
    while (len < 256) {
        int start = 0;
        while (start < 256) {
            --m;
            const std::int64_t z = -zetas[m];
            for (int j = start; j < start + len; ++j) {
                const std::int64_t t = w[j];
                w[j] = mod_q(t + w[j + len], kDilithiumQ);
                w[j + len] = mod_q(t - w[j + len], kDilithiumQ);
                w[j + len] = mod_q(z * w[j + len], kDilithiumQ);
            }
            start += 2 * len;
        }
        len *= 2;
    }
    const std::int64_t f = 8347681;  // 256^-1 mod q
    for (auto& x : w) x = mod_q(f * x, kDilithiumQ);
    return Vec(w.begin(), w.end());
}

}  // namespace

TEST_CASE("fips 203: the published zeta and gamma tables", "[ntt][fips]") {
    // FIPS 203 Appendix A: zetas[i] = 17^BitRev7(i), first row and row 9; gammas
    // 17^(2 BitRev7(i) + 1) = 17, -17, 2761, -2761, ...
    const Twiddles t = make_twiddles(FieldId::Kyber, Variant::Incomplete, 256);
    REQUIRE(t.forward.size() == 128);
    const Vec first = {1, 1729, 2580, 3289, 2642, 630, 1897, 848};
    CHECK(Vec(t.forward.begin(), t.forward.begin() + 8) == first);
    const Vec row9 = {17, 2761, 583, 2649};
    CHECK(Vec(t.forward.begin() + 64, t.forward.begin() + 68) == row9);
    REQUIRE(t.gamma.size() == 128);
    const Vec gammas = {17, 3329 - 17, 2761, 3329 - 2761};
    CHECK(Vec(t.gamma.begin(), t.gamma.begin() + 4) == gammas);
    CHECK(t.scale == 3303);
    for (unsigned i = 0; i < 128; ++i) {
        CHECK(t.forward[i] == static_cast<std::uint64_t>(pow_q(17, bitrev7(i), kKyberQ)));
    }
}

TEST_CASE("fips 204: the published zeta table", "[ntt][fips]") {
    // FIPS 204 Appendix B: zetas[k] = 1753^brv8(k), k = 1.. (slot 0 is never read).
    const Twiddles t = make_twiddles(FieldId::Dilithium, Variant::Negacyclic, 256);
    REQUIRE(t.forward.size() == 256);
    const Vec published = {4808194, 3765607, 3761513, 5178923, 5496691, 5234739,
                           5178987, 7778734, 3542485, 2682288, 2129892};
    CHECK(Vec(t.forward.begin() + 1, t.forward.begin() + 12) == published);
    CHECK(t.scale == 8347681);
}

TEST_CASE("fips 203: model equals Algorithms 9-12 for Kyber", "[ntt][fips]") {
    NttPlan plan(FieldId::Kyber, Variant::Incomplete, 256);
    std::mt19937_64 rng(203);
    for (int round = 0; round < 50; ++round) {
        Vec f = random_vec(rng, kKyberQ, 256), g = random_vec(rng, kKyberQ, 256);
        if (round == 0) f.assign(256, kKyberQ - 1);
        const Vec fh = fips203_ntt(f), gh = fips203_ntt(g);
        REQUIRE(plan.forward(f) == fh);
        REQUIRE(plan.inverse(fh) == fips203_intt(fh));
        REQUIRE(plan.inverse(g) == fips203_intt(g));  // any input, not only NTT outputs
        REQUIRE(plan.pointwise_mul(fh, gh) == fips203_multiply_ntts(fh, gh));
        REQUIRE(fips203_intt(fips203_multiply_ntts(fh, gh)) == schoolbook(kKyberQ, f, g, true));
    }
    // NTT of x: every pair is (0, 1) (x mod x^2 - gamma = x).
    Vec x(256, 0);
    x[1] = 1;
    Vec xh = plan.forward(x);
    for (std::size_t i = 0; i < 256; ++i) CHECK(xh[i] == i % 2);
}

TEST_CASE("fips 204: model equals Algorithms 41-42 for Dilithium", "[ntt][fips]") {
    NttPlan plan(FieldId::Dilithium, Variant::Negacyclic, 256);
    std::mt19937_64 rng(204);
    for (int round = 0; round < 50; ++round) {
        Vec w = random_vec(rng, kDilithiumQ, 256), u = random_vec(rng, kDilithiumQ, 256);
        if (round == 0) w.assign(256, kDilithiumQ - 1);
        const Vec wh = fips204_ntt(w);
        REQUIRE(plan.forward(w) == wh);
        REQUIRE(plan.inverse(wh) == fips204_intt(wh));
        REQUIRE(plan.inverse(u) == fips204_intt(u));
        REQUIRE(fips204_intt(plan.pointwise_mul(wh, fips204_ntt(u))) ==
                schoolbook(kDilithiumQ, w, u, true));
    }
    // NTT of x: output i is zeta^(2 brv8(i) + 1), FIPS 204's definition of the NTT domain.
    Vec x(256, 0);
    x[1] = 1;
    Vec xh = plan.forward(x);
    for (unsigned i = 0; i < 256; ++i) {
        CHECK(xh[i] == static_cast<std::uint64_t>(pow_q(1753, 2 * bitrev8(i) + 1, kDilithiumQ)));
    }
}

TEST_CASE("schoolbook: Kyber and Dilithium products at every size", "[ntt][schoolbook]") {
    for (FieldId id : {FieldId::Kyber, FieldId::Dilithium}) {
        for (Variant v : {Variant::Cyclic, Variant::Negacyclic, Variant::Incomplete}) {
            SizeRange r = supported_sizes(id, v);
            for (unsigned k = r.min_log_n; k <= r.max_log_n; ++k) {
                NttPlan plan(id, v, std::size_t{1} << k);
                const std::uint64_t p = plan.field().p;
                const int seeds = k <= 8 ? 3 : 1;
                for (int seed = 0; seed < seeds; ++seed) {
                    std::mt19937_64 rng(31 * k + seed);
                    Vec a = random_vec(rng, p, plan.n()), b = random_vec(rng, p, plan.n());
                    INFO(plan.field().name << " " << to_string(v) << " N=" << plan.n());
                    REQUIRE(plan.multiply(a, b) == schoolbook(p, a, b, v != Variant::Cyclic));
                }
            }
        }
    }
}
