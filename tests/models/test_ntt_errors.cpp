// SPDX-License-Identifier: Apache-2.0
// Input validation: every bad input gives its NttError code and a message that names it.
#include <catch2/catch.hpp>
#include <string>

#include "models/ntt/ntt_model.h"

using namespace epoxy::ntt;
using Catch::Matchers::Contains;

namespace {

// Runs fn, which must throw NttException with `code`; returns the message.
template <typename Fn>
std::string expect_error(NttError code, Fn fn) {
    try {
        fn();
    } catch (const NttException& e) {
        CHECK(to_string(e.code()) == std::string(to_string(code)));
        return e.what();
    }
    FAIL("no NttException thrown, expected " << to_string(code));
    return "";
}

}  // namespace

TEST_CASE("ntt errors: the documented size ranges", "[ntt][errors]") {
    struct Row {
        FieldId f;
        unsigned cyclic, negacyclic, incomplete;
    };
    // max log2 N per variant: min(14, s), min(14, s - 1), min(14, s); s = two-adicity.
    const Row rows[] = {{FieldId::BabyBear, 14, 14, 14},
                        {FieldId::KoalaBear, 14, 14, 14},
                        {FieldId::Goldilocks, 14, 14, 14},
                        {FieldId::Dilithium, 13, 12, 13},
                        {FieldId::Kyber, 8, 7, 8}};
    for (const Row& r : rows) {
        INFO(field(r.f).name);
        CHECK(supported_sizes(r.f, Variant::Cyclic).max_log_n == r.cyclic);
        CHECK(supported_sizes(r.f, Variant::Negacyclic).max_log_n == r.negacyclic);
        CHECK(supported_sizes(r.f, Variant::Incomplete).max_log_n == r.incomplete);
        for (Variant v : {Variant::Cyclic, Variant::Negacyclic, Variant::Incomplete}) {
            const SizeRange range = supported_sizes(r.f, v);
            CHECK(range.min_log_n == 1);
            const auto fc = static_cast<unsigned>(r.f), vc = static_cast<unsigned>(v);
            CHECK(check_config(fc, vc, 1) == NttError::UnsupportedSize);
            CHECK(check_config(fc, vc, 2) == NttError::None);
            CHECK(check_config(fc, vc, std::size_t{1} << range.max_log_n) == NttError::None);
            CHECK(check_config(fc, vc, std::size_t{2} << range.max_log_n) ==
                  NttError::UnsupportedSize);
            CHECK(check_config(fc, vc, 0) == NttError::UnsupportedSize);
            CHECK(check_config(fc, vc, 12) == NttError::UnsupportedSize);
        }
    }
}

TEST_CASE("ntt errors: codes and messages", "[ntt][errors]") {
    CHECK(check_config(5, 0, 16) == NttError::UnknownField);
    CHECK(check_config(0, 3, 16) == NttError::UnknownVariant);
    CHECK_THAT(expect_error(NttError::UnknownField, [] { field_from_code(7); }),
               Contains("field code 7"));
    CHECK_THAT(expect_error(NttError::UnknownVariant, [] { variant_from_code(3); }),
               Contains("variant code 3"));
    expect_error(NttError::UnknownVariant,
                 [] { NttPlan(FieldId::BabyBear, static_cast<Variant>(3), 8); });
    expect_error(NttError::UnknownField,
                 [] { NttPlan(static_cast<FieldId>(5), Variant::Cyclic, 8); });

    CHECK_THAT(expect_error(NttError::UnsupportedSize,
                            [] { NttPlan(FieldId::Kyber, Variant::Negacyclic, 256); }),
               Contains("Kyber negacyclic: N = 256 is not supported") && Contains("k <= 7"));
    CHECK_THAT(expect_error(NttError::UnsupportedSize,
                            [] { NttPlan(FieldId::Dilithium, Variant::Negacyclic, 8192); }),
               Contains("Dilithium negacyclic: N = 8192") && Contains("k <= 12"));
    CHECK_THAT(expect_error(NttError::UnsupportedSize,
                            [] { NttPlan(FieldId::BabyBear, Variant::Cyclic, 1u << 15); }),
               Contains("k <= 14"));
    expect_error(NttError::UnsupportedSize,
                 [] { make_twiddles(FieldId::Goldilocks, Variant::Cyclic, 24); });

    NttPlan plan(FieldId::KoalaBear, Variant::Cyclic, 8);
    const Vec good(8, 5);
    CHECK_THAT(expect_error(NttError::LengthMismatch, [&] { plan.forward(Vec(7, 0)); }),
               Contains("KoalaBear cyclic N = 8: operand a has 7 elements, expected 8"));
    expect_error(NttError::LengthMismatch, [&] { plan.inverse(Vec(16, 0)); });
    CHECK_THAT(expect_error(NttError::LengthMismatch, [&] { plan.pointwise_mul(good, Vec{}); }),
               Contains("operand b has 0 elements"));
    expect_error(NttError::LengthMismatch, [&] { plan.pointwise_add(Vec(9, 0), good); });

    Vec bad = good;
    bad[3] = plan.field().p;
    CHECK_THAT(expect_error(NttError::ValueOutOfRange, [&] { plan.forward(bad); }),
               Contains("operand a[3] = 2130706433 is not below p = 2130706433"));
    expect_error(NttError::ValueOutOfRange, [&] { plan.inverse(bad); });
    CHECK_THAT(expect_error(NttError::ValueOutOfRange, [&] { plan.pointwise_sub(good, bad); }),
               Contains("operand b[3]"));
    expect_error(NttError::ValueOutOfRange, [&] { plan.pointwise_mul(bad, good); });
    bad[3] = ~0ULL;
    expect_error(NttError::ValueOutOfRange, [&] { plan.multiply(good, bad); });
    // p - 1 is fine.
    Vec top(8, plan.field().p - 1);
    CHECK_NOTHROW(plan.forward(top));

    // Goldilocks: the largest canonical value and the first one past it.
    NttPlan gl(FieldId::Goldilocks, Variant::Negacyclic, 4);
    CHECK_NOTHROW(gl.forward(Vec(4, 0xffffffff00000000ULL)));
    expect_error(NttError::ValueOutOfRange, [&] { gl.forward(Vec(4, 0xffffffff00000001ULL)); });
}

TEST_CASE("ntt errors: supplied twiddle tables are checked for shape and range", "[ntt][errors]") {
    Twiddles t = make_twiddles(FieldId::Kyber, Variant::Incomplete, 16);
    CHECK(t.forward.size() == 8);
    CHECK(t.inverse.size() == 8);
    CHECK(t.gamma.size() == 8);
    CHECK_NOTHROW(NttPlan(FieldId::Kyber, Variant::Incomplete, 16, t));

    Twiddles shorter = t;
    shorter.forward.pop_back();
    CHECK_THAT(expect_error(NttError::InvalidTwiddles,
                            [&] { NttPlan(FieldId::Kyber, Variant::Incomplete, 16, shorter); }),
               Contains("twiddle table forward has 7 entries, expected 8"));
    Twiddles no_gamma = t;
    no_gamma.gamma.clear();
    expect_error(NttError::InvalidTwiddles,
                 [&] { NttPlan(FieldId::Kyber, Variant::Incomplete, 16, no_gamma); });
    // A complete transform takes no gamma table.
    Twiddles cyc = make_twiddles(FieldId::Kyber, Variant::Cyclic, 16);
    CHECK(cyc.forward.size() == 16);
    CHECK(cyc.gamma.empty());
    cyc.gamma.push_back(1);
    expect_error(NttError::InvalidTwiddles,
                 [&] { NttPlan(FieldId::Kyber, Variant::Cyclic, 16, cyc); });
    Twiddles big = t;
    big.inverse[2] = 3329;
    CHECK_THAT(expect_error(NttError::InvalidTwiddles,
                            [&] { NttPlan(FieldId::Kyber, Variant::Incomplete, 16, big); }),
               Contains("twiddle inverse[2] = 3329 is not below p = 3329"));
    Twiddles scale = t;
    scale.scale = 4000;
    expect_error(NttError::InvalidTwiddles,
                 [&] { NttPlan(FieldId::Kyber, Variant::Incomplete, 16, scale); });
    // The size is checked before the tables.
    expect_error(NttError::UnsupportedSize,
                 [&] { NttPlan(FieldId::Kyber, Variant::Incomplete, 512, t); });
}

TEST_CASE("ntt errors: stable names of the codes", "[ntt][errors]") {
    CHECK(static_cast<int>(NttError::None) == 0);
    CHECK(static_cast<int>(NttError::UnknownField) == 1);
    CHECK(static_cast<int>(NttError::UnknownVariant) == 2);
    CHECK(static_cast<int>(NttError::UnsupportedSize) == 3);
    CHECK(static_cast<int>(NttError::LengthMismatch) == 4);
    CHECK(static_cast<int>(NttError::ValueOutOfRange) == 5);
    CHECK(static_cast<int>(NttError::InvalidTwiddles) == 6);
    CHECK(std::string(to_string(NttError::UnsupportedSize)) == "UnsupportedSize");
    CHECK(std::string(to_string(Variant::Incomplete)) == "incomplete");
}
